"""Run the registered rules over a model plan."""

import datetime
from collections.abc import Iterator

from ogpmodel.codelists import Membership, PlanStatus
from ogpmodel.model import ActionPlan
from ogpmodel.report import Finding
from ogpmodel.rules._context import PROFILES, Context, Profile
from ogpmodel.rules._registry import Rule, all_rules

__all__ = ["check_plan", "resolve_profile", "stage_of"]


def resolve_profile(plan: ActionPlan, profile: Profile | str | None) -> Profile:
    """
    Return the profile in force: the caller's, or the one of the member's membership.

    Raises:
        ValueError: *profile* names no built-in profile.
    """
    if isinstance(profile, Profile):
        return profile
    if profile is None:
        profile = "local" if plan.member.membership is Membership.LOCAL else "national"
    try:
        return PROFILES[profile]
    except KeyError:
        msg = f"profile must be a Profile or one of {sorted(PROFILES)} (got {profile!r})"
        raise ValueError(msg) from None


def stage_of(plan: ActionPlan) -> PlanStatus:
    """
    The stage that sets the severity of stage-dependent rules.

    It is the plan's status, except that a plan withdrawn before it was ever submitted is
    still a draft.
    """
    never_submitted = plan.submitted_on is None and not any(
        event.to is PlanStatus.SUBMITTED for event in plan.history
    )
    if plan.status is PlanStatus.WITHDRAWN and never_submitted:
        return PlanStatus.CO_CREATION
    return plan.status


def check_plan(
    plan: ActionPlan,
    *,
    as_of: datetime.date | None = None,
    profile: Profile | str | None = None,
    rules: tuple[Rule, ...] | None = None,
) -> Iterator[Finding]:
    """Yield the findings of every applicable rule (or of *rules*) for *plan*, rule by rule."""
    context = Context(plan, as_of=as_of, profile=resolve_profile(plan, profile))
    stage = stage_of(plan)
    for rule in all_rules() if rules is None else rules:
        if rule.check is None:
            continue
        if rule.local_only and not context.is_local:
            continue
        if rule.needs_as_of and as_of is None:
            continue
        severity = rule.severity_for(stage)
        for hit in rule.check(context):
            yield Finding(rule.code, severity, hit.path, hit.params)
