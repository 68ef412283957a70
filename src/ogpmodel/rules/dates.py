"""
Date rules: periods in order, milestones within their commitment, commitments within the plan.

Partial dates are intervals (``2023-03`` is 1 to 31 March 2023), so a period is reported only
when it *certainly* breaks a rule: a milestone ending ``2024`` is not outside a commitment ending
``2024-08``. Periods render in ISO 8601 interval notation, an absent end as ``..``
(``2023-03/..``).
"""

from collections.abc import Iterator

from ogpmodel._catalogue import register
from ogpmodel.report import Severity
from ogpmodel.rules._context import Context, Hit
from ogpmodel.values import Period

__all__: list[str] = []

_DATES_AND_DEADLINES = (
    "https://www.opengovpartnership.org/country-and-ogp-local-dates-and-deadlines/"
)


def _interval(period: Period) -> str:
    """The period in ISO 8601 interval notation, ``..`` for an absent end (``2023-03/..``)."""
    start, end = period
    return f"{start or '..'}/{end or '..'}"


def _outside_path(base: str, inner: Period, outer: Period) -> str:
    """The pointer to the end of *inner* that lies outside *outer* (to the period: both do)."""
    start, end = inner
    start_out = start is not None and (
        (outer.start is not None and start.is_before(outer.start))
        or (outer.end is not None and start.is_after(outer.end))
    )
    end_out = end is not None and (
        (outer.end is not None and end.is_after(outer.end))
        or (outer.start is not None and end.is_before(outer.start))
    )
    if start_out and not end_out:
        return f"{base}/start"
    if end_out and not start_out:
        return f"{base}/end"
    return base


@register(
    "period.end-before-start",
    severity=Severity.ERROR,
    family="dates",
    exemptions=(
        "A start and an end given as partial dates that overlap (2023-05-10 to 2023-05) are not reported: the end is not certainly before the start.",
    ),
    source="design",
    title_en="a period ends before it starts (interval semantics of partial dates).",
    en="The period ends ({end}) before it starts ({start}).",
)
def _end_before_start(ctx: Context) -> Iterator[Hit]:
    periods: list[tuple[str, Period | None]] = [("/period", ctx.plan.period)]
    periods.extend((f"{path}/period", c.period) for path, c in ctx.commitments())
    periods.extend((f"{site.path}/period", site.milestone.period) for site in ctx.milestone_sites)
    for path, period in periods:
        if period is not None and period.ends_before_start():
            yield Hit(f"{path}/end", {"start": str(period.start), "end": str(period.end)})


@register(
    "period.milestone-outside-commitment",
    severity=Severity.ERROR,
    family="dates",
    exemptions=(
        "A milestone whose dates overlap the edge of the outer period as partial dates (ending 2024 in a commitment ending 2024-08) is not reported: it is not certainly outside.",
        "A milestone whose commitment and parent milestones have no period is checked against the plan's period instead (period.milestone-outside-plan).",
    ),
    source="design",
    title_en="a milestone's period is not within its commitment's (or parent milestone's) period.",
    en="Milestone {id!r} of commitment {commitment!r} runs {period}, outside the period of its {owner}, {outer_period}.",
)
def _milestone_outside(ctx: Context) -> Iterator[Hit]:
    # The period a milestone's children must lie within: its own, or
    # (when it has none) the one it had to lie within itself. Parents come before children.
    # Keyed by the milestone object: depth first, a milestone's entry is set before its
    # children are read, and set again where the same object appears once more.
    bounds: dict[int, tuple[Period | None, str]] = {}
    for site in ctx.milestone_sites:
        if site.parent is None:
            outer, owner = site.commitment.period, "commitment"
        else:
            outer, owner = bounds[id(site.parent)]
        period = site.milestone.period
        bounds[id(site.milestone)] = (
            (period, "parent_milestone") if period is not None else (outer, owner)
        )
        if period is not None and outer is not None and period.is_outside(outer):
            yield Hit(
                _outside_path(f"{site.path}/period", period, outer),
                {
                    "id": site.milestone.id,
                    "commitment": site.commitment.id,
                    "period": _interval(period),
                    "owner": owner,
                    "outer_period": _interval(outer),
                },
            )


@register(
    "period.milestone-outside-plan",
    severity=Severity.WARNING,
    family="dates",
    exemptions=(
        "A milestone inside a dated commitment or dated parent milestone is not checked against the plan's period: period.milestone-outside-commitment checks it against that period.",
    ),
    source=_DATES_AND_DEADLINES,
    title_en="a milestone's period is not within the plan's, and no commitment or parent period bounds it.",
    en="Milestone {id!r} of commitment {commitment!r} runs {period}, outside the plan's period {outer_period}.",
)
def _milestone_outside_plan(ctx: Context) -> Iterator[Hit]:
    # A milestone inside a dated commitment or parent is checked against it (and the commitment
    # against the plan); one whose commitment and parents have no period, against the plan.
    outer = ctx.plan.period
    undated: set[str] = set()  # paths of milestones with no dated commitment or parent above
    for site in ctx.milestone_sites:
        if site.parent is None:
            above_undated = site.commitment.period is None
        else:
            above_undated = site.path.rsplit("/milestones/", 1)[0] in undated
        if not above_undated:
            continue
        period = site.milestone.period
        if period is None:
            undated.add(site.path)
        elif period.is_outside(outer):
            yield Hit(
                _outside_path(f"{site.path}/period", period, outer),
                {
                    "id": site.milestone.id,
                    "commitment": site.commitment.id,
                    "period": _interval(period),
                    "outer_period": _interval(outer),
                },
            )


@register(
    "period.commitment-outside-plan",
    severity=Severity.WARNING,
    family="dates",
    exemptions=(
        "A commitment whose dates overlap the edge of the plan's period as partial dates (ending 2024 in a plan ending 2024-08) is not reported: it is not certainly outside.",
    ),
    source=_DATES_AND_DEADLINES,
    title_en="a commitment's period is not within the plan's.",
    en="Commitment {id!r} runs {period}, outside the plan's period {outer_period}.",
)
def _commitment_outside(ctx: Context) -> Iterator[Hit]:
    outer = ctx.plan.period
    for path, commitment in ctx.commitments():
        period = commitment.period
        if period is not None and period.is_outside(outer):
            yield Hit(
                _outside_path(f"{path}/period", period, outer),
                {
                    "id": commitment.id,
                    "period": _interval(period),
                    "outer_period": _interval(outer),
                },
            )


@register(
    "period.submitted-after-start",
    severity=Severity.INFO,
    family="dates",
    exemptions=(
        "A start given as a month or a year that contains submitted_on (start 2023, submitted on 2023-06-01) is not reported: the period may have begun after the submission.",
    ),
    source=_DATES_AND_DEADLINES,
    title_en="the plan was submitted after its implementation period began.",
    en="The plan was submitted on {submitted_on}, after its implementation period began ({start}).",
)
def _submitted_after_start(ctx: Context) -> Iterator[Hit]:
    submitted, start = ctx.plan.submitted_on, ctx.plan.period.start
    if submitted is not None and start is not None and start.is_before(submitted):
        yield Hit("/submitted_on", {"submitted_on": submitted.isoformat(), "start": str(start)})
