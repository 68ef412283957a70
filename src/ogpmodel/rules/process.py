"""
Plan and co-creation process rules: the OGP Local minimum requirements and the commitment count.

Limits OGP does not fix in a document we could read (the local cap of 5 commitments) come from
the `Profile` in force, which callers may replace.
"""

from collections.abc import Iterator

from ogpmodel._catalogue import register
from ogpmodel.codelists import PlanStatus, Role
from ogpmodel.report import Severity
from ogpmodel.rules._context import Context, Hit

__all__: list[str] = []

_HANDBOOK = "https://opengovpartnership.org/documents/ogp-local-handbook"
_INCEPTION_FORM = "https://opengovpartnership.org/?p=57265"

#: Plan states that come after submission on the way to closing.
_SUBMITTED_OR_LATER = frozenset(
    {PlanStatus.SUBMITTED, PlanStatus.IMPLEMENTATION, PlanStatus.ENDED, PlanStatus.CLOSED}
)


@register(
    "plan.no-commitments",
    severity=Severity.ERROR,
    stage_dependent=True,
    family="process",
    source=f"{_HANDBOOK} (3.2.1.2 Commitments)",
    title_en="the plan has no commitments.",
    en="The plan has no commitments; it needs at least one.",
)
def _no_commitments(ctx: Context) -> Iterator[Hit]:
    if not ctx.plan.commitments:
        yield Hit("/commitments")


@register(
    "plan.too-many-commitments",
    severity=Severity.WARNING,
    family="process",
    exemptions=(
        "Runs only under a profile with a commitment cap: the local profile has one, the national profile none.",
    ),
    source=(
        f"{_HANDBOOK} (the local cap of 5 is commonly reported but unconfirmed by OGP's "
        "published text: a profile setting)"
    ),
    title_en="more commitments than the profile allows (local default 5 — unconfirmed, configurable).",
    en="The plan has more commitments ({count}) than its profile {profile!r} allows ({max}).",
)
def _too_many_commitments(ctx: Context) -> Iterator[Hit]:
    cap, count = ctx.profile.max_commitments, len(ctx.plan.commitments)
    if cap is not None and count > cap:
        yield Hit("/commitments", {"count": count, "max": cap, "profile": ctx.profile.name})


@register(
    "plan.commitment-count-outside-recommendation",
    severity=Severity.INFO,
    family="process",
    exemptions=(
        "Runs only under a profile with a recommended range: the national profile has one, the local profile none.",
        "A plan with no commitments is not reported: plan.no-commitments reports it.",
    ),
    source="http://www.opengovpartnership.org/how-it-works/action-plans",
    title_en="national plans: outside the 5–15 recommended.",  # noqa: RUF001 - as in the catalogue
    en="The plan's number of commitments ({count}) is outside the recommended {low} to {high}.",
)
def _count_outside_recommendation(ctx: Context) -> Iterator[Hit]:
    recommended, count = ctx.profile.recommended_commitments, len(ctx.plan.commitments)
    # A plan with no commitments is plan.no-commitments' case.
    if recommended is not None and count and not recommended[0] <= count <= recommended[1]:
        low, high = recommended
        yield Hit("/commitments", {"count": count, "low": low, "high": high})


@register(
    "plan.no-forum",
    severity=Severity.ERROR,
    stage_dependent=True,
    family="process",
    source=_INCEPTION_FORM,
    title_en="no forum, or a forum with no members.",
    en="The plan {actual}; it needs a multi-stakeholder forum with members.",
)
def _no_forum(ctx: Context) -> Iterator[Hit]:
    forum = ctx.plan.forum
    if forum is None:
        yield Hit("/forum", {"actual": "no_forum"})
    elif not forum.member_ids:
        yield Hit("/forum/member_ids", {"actual": "forum_without_members"})


@register(
    "plan.forum-not-multistakeholder",
    severity=Severity.ERROR,
    stage_dependent=True,
    family="process",
    exemptions=(
        "A plan with no forum, or with a forum without members, is not reported: plan.no-forum reports it.",
    ),
    source=_INCEPTION_FORM,
    title_en="the forum lacks a government member or a non-government member.",
    en="The forum has no {expected}; it needs members from government and from outside it.",
)
def _forum_not_multistakeholder(ctx: Context) -> Iterator[Hit]:
    forum = ctx.plan.forum
    if forum is None or not forum.member_ids:
        return  # plan.no-forum's case
    government = any(m in ctx.government_ids for m in forum.member_ids)
    others = any(m in ctx.non_government_ids for m in forum.member_ids)
    if not government and not others:
        yield Hit("/forum/member_ids", {"expected": "government_or_non_government_member"})
    elif not government:
        yield Hit("/forum/member_ids", {"expected": "government_member"})
    elif not others:
        yield Hit("/forum/member_ids", {"expected": "non_government_member"})


@register(
    "plan.not-endorsed",
    severity=Severity.ERROR,
    stage_dependent=True,
    family="process",
    exemptions=(
        "Without submitted_on, an endorsement by a non-government stakeholder counts whatever its date.",
    ),
    source=_INCEPTION_FORM,
    title_en="no endorsement by a non-government stakeholder dated on or before submitted_on.",
    en="No non-government stakeholder endorsed the plan on or before {expected}.",
)
def _not_endorsed(ctx: Context) -> Iterator[Hit]:
    submitted = ctx.plan.submitted_on
    for endorsement in ctx.plan.endorsements:
        if endorsement.stakeholder_id in ctx.non_government_ids and (
            submitted is None or endorsement.date <= submitted
        ):
            return
    if submitted is None:
        yield Hit("/endorsements", {"expected": "plan_submission"})
    else:
        yield Hit("/endorsements", {"expected": submitted.isoformat()})


@register(
    "plan.no-monitoring-body",
    severity=Severity.ERROR,
    stage_dependent=True,
    local_only=True,
    family="process",
    source=f"{_HANDBOOK} (2.3 OGP Local Monitoring Body); https://www.opengovpartnership.org/glossary/local-monitoring-body/",
    title_en="no monitoring body.",
    en="The plan names no monitoring body; an OGP Local plan needs one to assess it independently.",
)
def _no_monitoring_body(ctx: Context) -> Iterator[Hit]:
    if ctx.plan.monitoring_body is None:
        yield Hit("/monitoring_body")


@register(
    "plan.no-point-of-contact",
    severity=Severity.WARNING,
    family="process",
    source=f"{_HANDBOOK} (2.1 Local government OGP Point of Contact)",
    title_en="no point of contact.",
    en=(
        "The plan names no point of contact: point_of_contact_id is missing and no stakeholder "
        "has the role 'point_of_contact'."
    ),
)
def _no_point_of_contact(ctx: Context) -> Iterator[Hit]:
    plan = ctx.plan
    if plan.point_of_contact_id is None and not any(
        Role.POINT_OF_CONTACT in s.roles for s in plan.stakeholders
    ):
        yield Hit("/point_of_contact_id")


@register(
    "plan.missing-submission-date",
    severity=Severity.ERROR,
    stage_dependent=True,
    family="process",
    needs_status=True,
    exemptions=("A withdrawn plan is reported only when its history shows that it was submitted.",),
    source="https://www.opengovpartnership.org/country-and-ogp-local-dates-and-deadlines/",
    title_en="status is submitted or later but submitted_on is absent.",
    en="The plan's status is {status!r}, but submitted_on (when it was delivered to OGP) is missing.",
)
def _missing_submission_date(ctx: Context) -> Iterator[Hit]:
    plan = ctx.plan
    if plan.submitted_on is not None:
        return
    # A withdrawn plan was submitted when its history went through 'submitted'.
    submitted = plan.status in _SUBMITTED_OR_LATER or (
        plan.status is PlanStatus.WITHDRAWN
        and any(event.to is PlanStatus.SUBMITTED for event in plan.history)
    )
    if submitted and plan.status is not None:
        yield Hit("/submitted_on", {"status": plan.status.value})
