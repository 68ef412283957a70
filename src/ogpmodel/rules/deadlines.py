"""
Deadline rules, checked against the ``as_of`` date the caller passes (none run without it).

A deadline counts as missed only once ``as_of`` is past it: a report due by 31 March is overdue
from 1 April on. An end date given as a partial date is past once its whole interval is
(``2023-12`` from 1 January 2024 on). Withdrawn plans and commitments have no deadlines left.
"""

import calendar
import datetime
from collections.abc import Iterator

from ogpmodel._catalogue import register
from ogpmodel._scalars import latest_day
from ogpmodel.assessment import milestone_due, milestone_overdue
from ogpmodel.codelists import CommitmentStatus, PlanStatus
from ogpmodel.model import InceptionReport
from ogpmodel.report import Severity
from ogpmodel.rules._context import Context, Hit

__all__: list[str] = []


def _add_months(day: datetime.date, months: int) -> datetime.date:
    """
    The same day *months* later, or the month's last day when it is shorter.

    >>> _add_months(datetime.date(2023, 1, 31), 1)
    datetime.date(2023, 2, 28)
    >>> _add_months(datetime.date(9999, 11, 15), 2)
    datetime.date(9999, 12, 31)
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > datetime.MAXYEAR:  # a deadline after the last day there is: never due
        return datetime.date.max
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@register(
    "deadline.inception-report-overdue",
    severity=Severity.WARNING,
    local_only=True,
    needs_as_of=True,
    family="deadlines",
    exemptions=(
        "Not reported for a withdrawn plan.",
        "Not reported for a plan without submitted_on.",
    ),
    source="https://opengovpartnership.org/?p=57265 (OGP Local Handbook 3.5.1)",
    title_en="local: no inception report within 2 months of submitted_on.",
    en=(
        "No inception report is dated within two months of the plan's submission on "
        "{submitted_on} (due by {due})."
    ),
)
def _inception_report_overdue(ctx: Context) -> Iterator[Hit]:
    plan, as_of = ctx.plan, ctx.as_of
    if as_of is None or plan.submitted_on is None or plan.status is PlanStatus.WITHDRAWN:
        return
    due = _add_months(plan.submitted_on, 2)
    if as_of <= due:
        return
    if any(isinstance(a, InceptionReport) and not a.date.is_after(due) for a in plan.assessments):
        return
    yield Hit(
        "/assessments", {"submitted_on": plan.submitted_on.isoformat(), "due": due.isoformat()}
    )


@register(
    "deadline.end-of-commitment-report-overdue",
    severity=Severity.WARNING,
    local_only=True,
    needs_as_of=True,
    family="deadlines",
    needs_status=True,
    exemptions=(
        "Not reported for a withdrawn plan.",
        "Not reported for a completed commitment whose history does not record when it was completed.",
    ),
    source="https://www.opengovpartnership.org/ogp-local-end-of-commitment-assessment-form (OGP Local Handbook 3.5.2)",
    title_en="local: a commitment completed over 1 month ago has no end-of-commitment report.",
    en=(
        "Commitment {id!r} was completed on {completed_on} but has no end-of-commitment report "
        "(due by {due})."
    ),
)
def _end_of_commitment_report_overdue(ctx: Context) -> Iterator[Hit]:
    as_of = ctx.as_of
    if as_of is None or ctx.plan.status is PlanStatus.WITHDRAWN:
        return
    for path, commitment in ctx.commitments():
        if commitment.status is not CommitmentStatus.COMPLETED:
            continue
        if commitment.id in ctx.end_of_commitment_reported:
            continue
        # The completion date is the date of the last event that completed it, when recorded.
        completed_on = next(
            (e.date for e in reversed(commitment.history) if e.to is CommitmentStatus.COMPLETED),
            None,
        )
        if completed_on is None:
            continue
        due = _add_months(latest_day(completed_on), 1)  # a month or a year: its last day
        if as_of > due:
            yield Hit(
                path,
                {
                    "id": commitment.id,
                    "completed_on": str(completed_on),
                    "due": due.isoformat(),
                },
            )


@register(
    "deadline.milestone-overdue",
    severity=Severity.WARNING,
    needs_as_of=True,
    family="deadlines",
    needs_status=True,
    exemptions=(
        "Not reported for a withdrawn plan.",
        "Not reported for the milestones of a withdrawn commitment.",
        "An end given as a month or a year is past only once all of it is: a milestone ending 2023-12 is overdue from 2024-01-01 on.",
    ),
    source="design",
    title_en="a milestone past its end date is not completed or cancelled.",
    en=(
        "Milestone {id!r} of commitment {commitment!r} was due by {end}, but its status is "
        "{status!r}, not 'completed' or 'cancelled'."
    ),
)
def _milestone_overdue(ctx: Context) -> Iterator[Hit]:
    as_of = ctx.as_of
    if as_of is None:
        return
    for site in ctx.milestone_sites:
        milestone, status = site.milestone, site.milestone.status
        if status is not None and milestone_overdue(ctx.plan, site.commitment, milestone, as_of):
            yield Hit(
                f"{site.path}/status",
                {
                    "id": milestone.id,
                    "commitment": site.commitment.id,
                    "end": str(milestone_due(milestone)),
                    "status": status.value,
                },
            )


@register(
    "deadline.plan-period-over",
    severity=Severity.INFO,
    needs_as_of=True,
    family="deadlines",
    needs_status=True,
    exemptions=("Not reported for a plan period without an end.",),
    source="design",
    title_en="the plan period has ended but the plan is still in implementation.",
    en="The plan period ended ({end}) before {as_of}, but the plan is still in 'implementation'.",
)
def _plan_period_over(ctx: Context) -> Iterator[Hit]:
    plan, as_of, end = ctx.plan, ctx.as_of, ctx.plan.period.end
    if as_of is None or end is None:
        return
    if plan.status is PlanStatus.IMPLEMENTATION and end.is_before(as_of):
        yield Hit("/status", {"end": str(end), "as_of": as_of.isoformat()})
