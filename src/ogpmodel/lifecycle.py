"""
The lifecycle of plans, commitments and milestones: transition tables as data, and transitions.

The tables `PLAN`, `COMMITMENT` and `MILESTONE` list each kind's states, its allowed transitions
(each with its guards, whether it needs a note, and the plan fields it sets) and its terminal
states. `tables_json` and `mermaid` export them; nothing else describes the lifecycle.

`transition` moves the plan, one of its commitments or one of its milestones to a new state. It
returns a new plan, with a `TransitionEvent` appended to the target's ``history`` and its
``status`` updated, or raises `TransitionError` listing every failed guard as findings: it never
returns a half-changed plan. `check_transition` returns those findings without raising, and
`allowed_transitions` lists the states that may come next.

`replay` checks a recorded history against the tables. The validator's ``lifecycle.*`` rules
run it, and `transition` checks the event it appends with the very same code, so a plan changed
only through transitions always validates.

**Targets.** ``target=None`` is the plan; ``"CLMPU0001"`` is the commitment with that id;
``("CLMPU0001", "2")`` is the milestone ``"2"`` (at any depth) of that commitment. Milestone ids
are unique only within their commitment, so a bare milestone id (``"2"``) also works when no
commitment has that id and only one commitment has such a milestone. Ids may contain ``/``, so
the pair is a tuple, not a ``"CLMPU0001/2"`` string.

**Guards.** Every move, of any kind, must start from the target's current status and be no
earlier than the target's last history event (``lifecycle.history-out-of-order``), must be in
the table (``lifecycle.invalid-transition``), and a move to ``withdrawn`` or ``cancelled`` needs
a note (``lifecycle.note-required``). Commitments and milestones move only while the plan is in
``implementation`` or ``ended`` (reports of work done often arrive after the plan period): the
plan must be in one of those states now and, by its history, on the date of the move (see
`plan_states_on`); and the plan may not leave them on a date before a recorded move of a
commitment or milestone (``lifecycle.plan-not-in-implementation``). The other guards belong to
single transitions; see the tables. Dates compare with the interval semantics of partial dates:
a plan period starting ``2023-01`` has started on 2023-01-01.

**Recorded histories.** A recorded plan can show that a guarded move broke its guard. The
validator checks four guards on every recorded history with the predicates `transition` uses
(`RECORDED_GUARDS`), so a plan changed only through transitions never breaks them:
``lifecycle.plan-not-in-implementation``, ``lifecycle.plan-period-not-started``,
``lifecycle.plan-period-not-over`` and ``lifecycle.missing-end-of-commitment-report``. Only
`transition` reports ``lifecycle.submission-requirements-unmet``: on a recorded plan the failing
stage-dependent rules report themselves.
"""

import datetime
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeAlias

import attrs

from ogpmodel._lifecycle.export import mermaid, tables_json
from ogpmodel._lifecycle.guards import (
    RECORDED_GUARDS,
    completed_commitment_finding,
    indexed,
    missing_reports,
    moves_outside_implementation,
    outside_implementation,
    period_not_over,
    period_not_started,
)
from ogpmodel._lifecycle.history import error, event_findings, plan_states_on, replay
from ogpmodel._lifecycle.tables import (
    CLOSED_COMMITMENT_STATES,
    CLOSED_MILESTONE_STATES,
    COMMITMENT,
    COMPLETED_WITH_OPEN_MILESTONES,
    EVENT_CHECKS,
    FROM_UNRECORDED_STATUS,
    HISTORY_OUT_OF_ORDER,
    INVALID_TRANSITION,
    MILESTONE,
    MISSING_END_OF_COMMITMENT_REPORT,
    MOVING_PLAN_STATES,
    NOTE_REQUIRED,
    PLAN,
    PLAN_NOT_IN_IMPLEMENTATION,
    PLAN_PERIOD_NOT_OVER,
    PLAN_PERIOD_NOT_STARTED,
    STATUS_MISMATCH,
    SUBMISSION_REQUIREMENTS_UNMET,
    TABLES,
    Kind,
    Status,
    Table,
    Target,
    Transition,
)
from ogpmodel.codelists import CommitmentStatus, MilestoneStatus
from ogpmodel.errors import AmbiguousId, InvalidValue, TransitionError, UnknownId
from ogpmodel.model import ActionPlan, Commitment, Milestone, TransitionEvent
from ogpmodel.profiles import Profile, resolve_profile
from ogpmodel.report import Finding, format_findings
from ogpmodel.rules import check_plan, rules
from ogpmodel.values import Text

__all__ = [
    "CLOSED_COMMITMENT_STATES",
    "CLOSED_MILESTONE_STATES",
    "COMMITMENT",
    "COMPLETED_WITH_OPEN_MILESTONES",
    "EVENT_CHECKS",
    "GUARDS",
    "HISTORY_OUT_OF_ORDER",
    "INVALID_TRANSITION",
    "MILESTONE",
    "MISSING_END_OF_COMMITMENT_REPORT",
    "MOVING_PLAN_STATES",
    "NOTE_REQUIRED",
    "PLAN",
    "PLAN_NOT_IN_IMPLEMENTATION",
    "PLAN_PERIOD_NOT_OVER",
    "PLAN_PERIOD_NOT_STARTED",
    "RECORDED_GUARDS",
    "STATUS_MISMATCH",
    "SUBMISSION_REQUIREMENTS_UNMET",
    "TABLES",
    "Kind",
    "Status",
    "Table",
    "Target",
    "Transition",
    "allowed_transitions",
    "check_transition",
    "completed_commitment_finding",
    "mermaid",
    "moves_outside_implementation",
    "plan_states_on",
    "replay",
    "tables_json",
    "transition",
]


def __dir__() -> list[str]:
    return sorted(__all__)


# --- targets ----------------------------------------------------------------------------------

_Owner: TypeAlias = ActionPlan | Commitment | Milestone


@attrs.frozen
class _Site:
    """Where a target stands in the plan."""

    kind: Kind
    path: str
    owner: _Owner
    commitment_index: int = -1
    milestone_indices: tuple[int, ...] = ()

    def describe(self, plan: ActionPlan) -> str:
        if self.kind == "plan":
            return f"plan {plan.id!r}"
        commitment = plan.commitments[self.commitment_index]
        if self.kind == "commitment":
            return f"commitment {commitment.id!r}"
        return f"milestone {self.owner.id!r} of commitment {commitment.id!r}"


def _milestone_site(plan: ActionPlan, c_index: int, indices: tuple[int, ...]) -> _Site:
    path = f"/commitments/{c_index}" + "".join(f"/milestones/{i}" for i in indices)
    owner: Milestone | Commitment = plan.commitments[c_index]
    for i in indices:
        owner = owner.milestones[i]
    return _Site("milestone", path, owner, c_index, indices)


def _resolve(plan: ActionPlan, target: Target) -> _Site:
    """
    Find *target* in *plan*.

    Raises:
        UnknownId: No commitment or milestone has that id.
        AmbiguousId: A bare milestone id is used by several commitments.
        InvalidValue: *target* has none of the accepted forms.
    """
    given: object = target  # checked at run time: callers may pass anything
    if given is None:
        return _Site("plan", "", plan)
    if isinstance(given, tuple) and len(given) == 2 and all(isinstance(x, str) for x in given):
        commitment_id, milestone_id = given
        c_index = next((i for i, c in enumerate(plan.commitments) if c.id == commitment_id), None)
        if c_index is None:
            raise UnknownId("commitment", commitment_id)
        for indices, milestone in indexed(plan.commitments[c_index].milestones):
            if milestone.id == milestone_id:
                return _milestone_site(plan, c_index, indices)
        raise UnknownId("milestone", milestone_id)
    if isinstance(given, str):
        for c_index, commitment in enumerate(plan.commitments):
            if commitment.id == given:
                return _Site("commitment", f"/commitments/{c_index}", commitment, c_index)
        found = [
            (c_index, indices)
            for c_index, commitment in enumerate(plan.commitments)
            for indices, milestone in indexed(commitment.milestones)
            if milestone.id == given
        ]
        owners = tuple(dict.fromkeys(plan.commitments[c].id for c, _ in found))
        if not found:
            raise UnknownId("commitment or milestone", given)
        if len(owners) > 1:
            raise AmbiguousId("milestone", given, owners, f"target=({owners[0]!r}, {given!r})")
        return _milestone_site(plan, *found[0])
    raise InvalidValue(
        "target", target, "None, a commitment id, or a (commitment id, milestone id) tuple"
    )


# --- guards -----------------------------------------------------------------------------------


@attrs.frozen
class _Move:
    """One proposed move, with everything its guards look at."""

    plan: ActionPlan
    after: ActionPlan
    site: _Site
    event: TransitionEvent[Any]
    profile: Profile


def _plan_not_in_implementation(move: _Move) -> Iterator[Finding]:
    if move.site.kind == "plan":
        # The plan leaves implementation: no recorded move of a commitment or milestone may
        # come later than this one.
        before = tuple(moves_outside_implementation(move.plan))
        yield from (f for f in moves_outside_implementation(move.after) if f not in before)
        return
    kind, path = move.site.kind, move.site.path
    recorded = () if move.plan.status is None else (move.plan.status,)
    finding = outside_implementation(kind, path, recorded)
    if finding is None:
        states = plan_states_on(move.plan.history, move.event.date)
        finding = outside_implementation(kind, path, states)
    if finding is not None:
        yield finding


def _submission_requirements(move: _Move) -> Iterator[Finding]:
    stage_rules = tuple(r for r in rules() if r.stage_dependent)
    failed = tuple(check_plan(move.after, profile=move.profile, rules=stage_rules))
    if failed:
        codes = list(dict.fromkeys(f.code for f in failed))
        yield error(SUBMISSION_REQUIREMENTS_UNMET, move.site.path, {"codes": codes})
        yield from failed


def _plan_period_not_started(move: _Move) -> Iterator[Finding]:
    finding = period_not_started(move.plan, move.event.date, move.site.path)
    if finding is not None:
        yield finding


def _plan_period_not_over(move: _Move) -> Iterator[Finding]:
    finding = period_not_over(move.plan, move.event.date, move.site.path)
    if finding is not None:
        yield finding


def _missing_end_of_commitment_report(move: _Move) -> Iterator[Finding]:
    finding = missing_reports(move.plan, move.profile, move.site.path)
    if finding is not None:
        yield finding


def _open_milestones_guard(move: _Move) -> Iterator[Finding]:
    owner = move.site.owner
    assert isinstance(owner, (Commitment, Milestone))  # noqa: S101 - commitment or milestone moves
    completed: Commitment | Milestone = (
        attrs.evolve(owner, status=CommitmentStatus.COMPLETED)
        if isinstance(owner, Commitment)
        else attrs.evolve(owner, status=MilestoneStatus.COMPLETED)
    )
    finding = completed_commitment_finding(completed, move.site.path)
    if finding is not None:
        yield finding


#: The guard of each code the tables name.
GUARDS: Mapping[str, Callable[[_Move], Iterator[Finding]]] = {
    PLAN_NOT_IN_IMPLEMENTATION: _plan_not_in_implementation,
    SUBMISSION_REQUIREMENTS_UNMET: _submission_requirements,
    PLAN_PERIOD_NOT_STARTED: _plan_period_not_started,
    PLAN_PERIOD_NOT_OVER: _plan_period_not_over,
    MISSING_END_OF_COMMITMENT_REPORT: _missing_end_of_commitment_report,
    COMPLETED_WITH_OPEN_MILESTONES: _open_milestones_guard,
}


# --- transitions ------------------------------------------------------------------------------


def _replace_milestone(
    milestones: tuple[Milestone, ...],
    indices: tuple[int, ...],
    change: Callable[[Milestone], Milestone],
) -> tuple[Milestone, ...]:
    """*milestones* with the one at *indices* (a path into the nesting) changed."""
    head, rest = indices[0], indices[1:]
    old = milestones[head]
    new = (
        change(old)
        if not rest
        else attrs.evolve(old, milestones=_replace_milestone(old.milestones, rest, change))
    )
    return (*milestones[:head], new, *milestones[head + 1 :])


def _apply(
    plan: ActionPlan, site: _Site, event: TransitionEvent[Any], spec: Transition[Any] | None
) -> ActionPlan:
    """*plan* with *event* appended to the target's history and its status set to ``to``."""

    def moved(owner: Any) -> Any:
        return attrs.evolve(owner, status=event.to, history=(*owner.history, event))

    if site.kind == "plan":
        sets: dict[str, Any] = {} if spec is None else dict.fromkeys(spec.sets, event.date)
        new_plan: ActionPlan = moved(plan)
        return attrs.evolve(new_plan, **sets)
    commitments = list(plan.commitments)
    commitment = commitments[site.commitment_index]
    if site.kind == "commitment":
        commitments[site.commitment_index] = moved(commitment)
    else:
        milestones = _replace_milestone(commitment.milestones, site.milestone_indices, moved)
        commitments[site.commitment_index] = attrs.evolve(commitment, milestones=milestones)
    return attrs.evolve(plan, commitments=tuple(commitments))


def _check_arguments(plan: object, on: object) -> None:
    """
    Refuse a *plan* that is not an `ActionPlan` and an *on* that is not a date.

    Raises:
        TypeError: Naming the argument (a `datetime.datetime` is a date here: the model
            refuses it with `InvalidValue`, as it refuses a date with a time).
    """
    if not isinstance(plan, ActionPlan):
        msg = f"plan must be an ActionPlan, got {type(plan).__name__}"
        raise TypeError(msg)
    if not isinstance(on, datetime.date):
        msg = f"on must be a datetime.date, got {type(on).__name__}"
        raise TypeError(msg)


#: The note `allowed_transitions` takes as given when it checks a withdrawal or cancellation.
_ASSUMED_NOTE = Text("(note)")


def _note(note: Text | str | None) -> Text | None:
    return Text(note) if isinstance(note, str) else note


def _propose(
    plan: ActionPlan,
    to: object,
    *,
    on: datetime.date,
    target: Target,
    actor_id: str | None,
    note: Text | str | None,
    profile: Profile | str | None,
) -> tuple[ActionPlan, _Site, tuple[Finding, ...]]:
    """The plan after the move, the target, and the findings of every failed guard."""
    _check_arguments(plan, on)
    site = _resolve(plan, target)
    table = TABLES[site.kind]
    if site.owner.status is None:  # no move is known to start from a state not recorded
        to_value = table.state(to).value
        refused = error(
            FROM_UNRECORDED_STATUS, f"{site.path}/status", {"kind": site.kind, "to": to_value}
        )
        return plan, site, (refused,)
    event: TransitionEvent[Any] = TransitionEvent(
        site.owner.status, table.state(to), on, actor_id=actor_id, note=_note(note)
    )
    spec = table.find(event.from_, event.to)
    after = _apply(plan, site, event, spec)
    move = _Move(plan, after, site, event, resolve_profile(plan, profile))
    history = site.owner.history
    findings = list(event_findings(table, event, history[-1] if history else None, site.path))
    for code in (*table.guards, *(() if spec is None else spec.guards)):
        findings.extend(GUARDS[code](move))
    return after, site, tuple(findings)


def check_transition(
    plan: ActionPlan,
    to: Status | str,
    *,
    on: datetime.date,
    target: Target = None,
    note: Text | str | None = None,
    profile: Profile | str | None = None,
) -> tuple[Finding, ...]:
    """
    The findings of every guard that the move of *target* to *to* on *on* fails (none: allowed).

    Arguments are those of `transition`; nothing is changed and nothing is raised for a move
    that is not allowed.

    Raises:
        UnknownId: *target* names no commitment or milestone.
        AmbiguousId: *target* is a milestone id used by several commitments.
        InvalidValue: *to* is not a state of the target's kind, or *on* has a time (a
            `datetime.datetime`).
        TypeError: *plan* is not an `ActionPlan`, or *on* is not a `datetime.date`.
    """
    return _propose(plan, to, on=on, target=target, actor_id=None, note=note, profile=profile)[2]


def transition(
    plan: ActionPlan,
    to: Status | str,
    *,
    on: datetime.date,
    target: Target = None,
    actor_id: str | None = None,
    note: Text | str | None = None,
    profile: Profile | str | None = None,
) -> ActionPlan:
    """
    Move the plan, a commitment or a milestone to *to*; return the new plan.

    The target's ``status`` becomes *to* and a `TransitionEvent` (from its status, to *to*, on
    *on*, with *actor_id* and *note*) is appended to its ``history``. Moving the plan from
    ``co_creation`` to ``submitted`` also sets ``submitted_on`` to *on*.

    Args:
        plan: The plan.
        to: The new state: a `PlanStatus`, `CommitmentStatus` or `MilestoneStatus` (that of the
            target's kind), or its wire string (``"in_progress"``).
        on: The day of the event.
        target: `None` for the plan, a commitment id, or ``(commitment id, milestone id)``; a
            bare milestone id works when it names one commitment's milestone only.
        actor_id: The stakeholder who made the change.
        note: Why; required for ``withdrawn`` and ``cancelled``.
        profile: The profile of the guards (`ogpmodel.rules.PROFILES` name or a `Profile`);
            by default the one of the member's membership, as in validation.

    Raises:
        TransitionError: A guard fails; its ``findings`` list every failed guard (for
            ``co_creation → submitted``, also the findings of each failing stage-dependent
            rule). The plan is unchanged.
        UnknownId: *target* names no commitment or milestone.
        AmbiguousId: *target* is a milestone id used by several commitments.
        InvalidValue: *to* is not a state of the target's kind, or *on* has a time (a
            `datetime.datetime`).
        TypeError: *plan* is not an `ActionPlan`, or *on* is not a `datetime.date`.
    """
    after, site, findings = _propose(
        plan, to, on=on, target=target, actor_id=actor_id, note=note, profile=profile
    )
    if findings:
        shown = format_findings(findings)
        status = "unrecorded" if site.owner.status is None else site.owner.status.value
        to_value = TABLES[site.kind].state(to).value
        msg = (
            f"cannot move {site.describe(plan)} from {status!r} to {to_value!r}"
            f" on {on.isoformat()}, {len(findings)} failed guard(s): {shown}"
        )
        raise TransitionError(msg, findings)
    return after


def allowed_transitions(
    plan: ActionPlan,
    target: Target = None,
    *,
    on: datetime.date,
    profile: Profile | str | None = None,
) -> tuple[Status, ...]:
    """
    The states *target* may move to on *on*: those whose every guard passes, in table order.

    The note that ``withdrawn`` and ``cancelled`` need is taken as given.

    Raises:
        UnknownId: *target* names no commitment or milestone.
        AmbiguousId: *target* is a milestone id used by several commitments.
        TypeError: *plan* is not an `ActionPlan`, or *on* is not a `datetime.date`.
    """
    _check_arguments(plan, on)
    site = _resolve(plan, target)
    table = TABLES[site.kind]
    return tuple(
        spec.to
        for spec in table.transitions
        if spec.from_ == site.owner.status
        and not check_transition(
            plan,
            spec.to,
            on=on,
            target=target,
            note=_ASSUMED_NOTE if spec.note_required else None,
            profile=profile,
        )
    )
