"""
Lifecycle rules (always errors): histories against the transition tables of `ogpmodel.lifecycle`.

The checks run `ogpmodel.lifecycle.replay`, the code that `ogpmodel.lifecycle.transition` checks
each new event with, over the plan, every commitment and every milestone at any depth.

The guards of the transition tables are rules too. A recorded plan can show that a guarded move
broke its guard, so four of them are checked on every recorded history, with the predicates
that `ogpmodel.lifecycle.transition` checks a move with (`ogpmodel.lifecycle.RECORDED_GUARDS`):
a commitment or milestone moved when, by the plan's history, the plan was not in implementation
or ended; the plan entered implementation before its period started, or ended before its period
was over with commitments still open; a local plan is closed with a completed commitment that has
no end-of-commitment report. ``lifecycle.submission-requirements-unmet`` is registered without a
check: only `ogpmodel.lifecycle.transition` reports it, since on a recorded plan the failing
stage-dependent rules report themselves, and reporting the guard as well would count them twice.
"""

from collections.abc import Iterator

from ogpmodel._catalogue import define, register
from ogpmodel._lifecycle import tables as lc
from ogpmodel._lifecycle.guards import RECORDED_GUARDS, completed_commitment_finding
from ogpmodel._lifecycle.history import replay
from ogpmodel.model import ActionPlan, Commitment, Milestone
from ogpmodel.report import Finding, Severity
from ogpmodel.rules._context import Context, Hit

_SOURCE = "design"
_FAMILY = "lifecycle"


def _history_findings(ctx: Context) -> tuple[Finding, ...]:
    """The findings of `ogpmodel.lifecycle.replay` for every history of the plan, once."""
    return ctx.shared("lifecycle.replay", lambda: tuple(_replay_all(ctx)))


def _replay_all(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    yield from replay(plan.history, "plan", path="", status=plan.status)
    for path, commitment in ctx.commitments():
        if commitment.history:  # an empty history has no problem, whatever the status
            yield from replay(commitment.history, "commitment", path=path, status=commitment.status)
    for site in ctx.milestone_sites:
        milestone = site.milestone
        if milestone.history:
            yield from replay(
                milestone.history, "milestone", path=site.path, status=milestone.status
            )


def _hits(ctx: Context, code: str) -> Iterator[Hit]:
    for finding in _history_findings(ctx):
        if finding.code == code:
            yield Hit(finding.path, finding.params)


@register(
    lc.INVALID_TRANSITION,
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a history event is not an allowed transition.",
    en="A {kind} cannot move from {from!r} to {to!r}: the lifecycle table has no such transition.",
)
def _invalid_transition(ctx: Context) -> Iterator[Hit]:
    return _hits(ctx, lc.INVALID_TRANSITION)


@register(
    lc.STATUS_MISMATCH,
    severity=Severity.ERROR,
    family=_FAMILY,
    needs_status=True,
    exemptions=("An empty history fits any status.",),
    source=_SOURCE,
    title_en="status is not the to of the last history event.",
    en="The status is {status!r}, but the last history event moved to {last!r}.",
)
def _status_mismatch(ctx: Context) -> Iterator[Hit]:
    return _hits(ctx, lc.STATUS_MISMATCH)


@register(
    lc.HISTORY_OUT_OF_ORDER,
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SOURCE,
    title_en="history dates decrease, or an event's from is not the previous to.",
    en=(
        "This event ({from!r}, {date}) does not follow the previous one ({previous!r},"
        " {previous_date}): each event starts in the state the previous one ended in, on the"
        " same day or later."
    ),
)
def _history_out_of_order(ctx: Context) -> Iterator[Hit]:
    return _hits(ctx, lc.HISTORY_OUT_OF_ORDER)


@register(
    lc.HISTORY_ORDER_UNCERTAIN,
    severity=Severity.WARNING,
    family=_FAMILY,
    source=_SOURCE,
    title_en="two history events dated by a month or a year may have happened in either order.",
    en=(
        "This event ({from!r}, {date}) may have happened before the previous one"
        " ({previous!r}, {previous_date}): their dates overlap, so the order is not certain."
    ),
)
def _history_order_uncertain(ctx: Context) -> Iterator[Hit]:
    return _hits(ctx, lc.HISTORY_ORDER_UNCERTAIN)


@register(
    lc.STATUS_UNRECORDED,
    severity=Severity.INFO,
    family=_FAMILY,
    source=_SOURCE,
    title_en="some statuses are not recorded; the rules that need a status skipped those entities.",
    en="{count} status(es) are not recorded, so the rules that need a status did not check them: {paths}.",
)
def _status_unrecorded(ctx: Context) -> Iterator[Hit]:
    owners: list[tuple[str, ActionPlan | Commitment | Milestone]] = [("", ctx.plan)]
    owners.extend(ctx.commitments())
    owners.extend((site.path, site.milestone) for site in ctx.milestone_sites)
    paths = [f"{path}/status" for path, owner in owners if owner.status is None]
    if paths:
        shown = paths[:5] + ([f"… ({len(paths) - 5} more)"] if len(paths) > 5 else [])
        yield Hit("", {"count": len(paths), "paths": shown})


define(
    lc.FROM_UNRECORDED_STATUS,
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SOURCE,
    transition_only=True,
    title_en="a move is asked of a plan, commitment or milestone whose status is not recorded.",
    en="This {kind} has no recorded status, so no move to {to!r} can be checked; record its status first.",
)


@register(
    lc.COMPLETED_WITH_OPEN_MILESTONES,
    severity=Severity.ERROR,
    family=_FAMILY,
    needs_status=True,
    source=_SOURCE,
    title_en="a completed commitment or milestone has milestones not completed/cancelled.",
    en="A completed commitment or milestone needs every milestone under it completed or cancelled; still open: {milestones}.",
)
def _completed_with_open_milestones(ctx: Context) -> Iterator[Hit]:
    owners: list[tuple[str, Commitment | Milestone]] = list(ctx.commitments())
    owners.extend((site.path, site.milestone) for site in ctx.milestone_sites)
    for path, owner in owners:
        finding = completed_commitment_finding(owner, path)
        if finding is not None:
            yield Hit(finding.path, finding.params)


@register(
    lc.NOTE_REQUIRED,
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SOURCE,
    title_en="a withdrawn / cancelled event has no note.",
    en="A move to {to!r} needs a note saying why.",
)
def _note_required(ctx: Context) -> Iterator[Hit]:
    return _hits(ctx, lc.NOTE_REQUIRED)


# --- transition guards, also checked on recorded histories ------------------------------------

_ALSO_RECORDED_EN = "(transition guard, also checked on recorded histories)"
_ALSO_RECORDED_ES = "(guarda de transición, también verificada en los historiales registrados)"


def _recorded_hits(ctx: Context, code: str) -> Iterator[Hit]:
    """The findings of the recorded moves of the plan that break the guard *code*."""
    for finding in RECORDED_GUARDS[code](ctx.plan, ctx.profile):
        yield Hit(finding.path, finding.params)


@register(
    lc.PLAN_NOT_IN_IMPLEMENTATION,
    severity=Severity.ERROR,
    family=_FAMILY,
    exemptions=(
        "A plan without a history is not checked: nothing tells when it was in implementation.",
    ),
    source=_SOURCE,
    title_en=(
        "a commitment or milestone moves while the plan is not in implementation or ended"
        f" {_ALSO_RECORDED_EN}."
    ),
    en="A {kind} can only move while the plan is in 'implementation' or 'ended', not while it is {status!r}.",
)
def _plan_not_in_implementation(ctx: Context) -> Iterator[Hit]:
    return _recorded_hits(ctx, lc.PLAN_NOT_IN_IMPLEMENTATION)


define(
    lc.SUBMISSION_REQUIREMENTS_UNMET,
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SOURCE,
    transition_only=True,
    title_en=(
        "the plan is submitted while stage-dependent (S) rules fail (transition guard only:"
        " on a recorded plan, the failing S rules report themselves)."
    ),
    en="The plan cannot be submitted while stage-dependent rules fail: {codes}.",
)


@register(
    lc.PLAN_PERIOD_NOT_STARTED,
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SOURCE,
    title_en=(
        "the plan enters implementation before its period starts, or its period has no start"
        f" {_ALSO_RECORDED_EN}."
    ),
    en="The plan cannot enter implementation on {date}: its period starts later, or has no start.",
)
def _plan_period_not_started(ctx: Context) -> Iterator[Hit]:
    return _recorded_hits(ctx, lc.PLAN_PERIOD_NOT_STARTED)


@register(
    lc.PLAN_PERIOD_NOT_OVER,
    severity=Severity.ERROR,
    family=_FAMILY,
    needs_status=True,
    source=_SOURCE,
    title_en=(
        "the plan ends before its period is over while some commitments are neither completed"
        f" nor withdrawn {_ALSO_RECORDED_EN}."
    ),
    en=(
        "The plan cannot end on {date}, before its period is over, while these commitments are"
        " neither completed nor withdrawn: {commitments}."
    ),
)
def _plan_period_not_over(ctx: Context) -> Iterator[Hit]:
    return _recorded_hits(ctx, lc.PLAN_PERIOD_NOT_OVER)


@register(
    lc.MISSING_END_OF_COMMITMENT_REPORT,
    severity=Severity.ERROR,
    family=_FAMILY,
    source=_SOURCE,
    title_en=(
        "a local plan is closed while a completed commitment has no end-of-commitment report"
        f" {_ALSO_RECORDED_EN}."
    ),
    en="The plan cannot be closed: these completed commitments have no end-of-commitment report: {commitments}.",
    local_only=True,
)
def _missing_end_of_commitment_report(ctx: Context) -> Iterator[Hit]:
    return _recorded_hits(ctx, lc.MISSING_END_OF_COMMITMENT_REPORT)


__all__: list[str] = []
