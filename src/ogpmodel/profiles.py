"""
Profiles: the limits OGP does not fix in a published text, as settings; and the plan's stage.

The profile is chosen from ``member.membership`` (`resolve_profile`); callers may pass their
own. `stage_of` is the stage that sets the severity of stage-dependent rules.
"""

from collections.abc import Mapping

import attrs

from ogpmodel.codelists import Membership, PlanStatus
from ogpmodel.model import ActionPlan

__all__ = ["PROFILES", "Profile", "named_profile", "resolve_profile", "stage_of"]


def __dir__() -> list[str]:
    return sorted(__all__)


@attrs.frozen
class Profile:
    """
    Limits that OGP does not fix in a published document we could read, as settings.

    The profile is chosen from ``member.membership``; callers may pass their own.

    Attributes:
        name: ``"local"``, ``"national"`` or a caller's own name.
        max_commitments: The most commitments a plan should have (`None`: no cap). OGP Local's
            cap of 5 is commonly reported but **unconfirmed** by OGP's published text.
        recommended_commitments: The recommended range of the number of commitments
            (national plans: 5 to 15, from older OGP guidance), or `None`.
        local: Whether the OGP Local minimum requirements and reports apply (monitoring body,
            strategic-vision links, inception and end-of-commitment reports).
    """

    name: str
    max_commitments: int | None = None
    recommended_commitments: tuple[int, int] | None = None
    local: bool = False


#: The built-in profiles, by name.
PROFILES: Mapping[str, Profile] = {
    "local": Profile("local", max_commitments=5, local=True),
    "national": Profile("national", recommended_commitments=(5, 15)),
}


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
    return named_profile(profile)


def named_profile(name: object) -> Profile:
    """
    Return the built-in profile called *name*.

    Raises:
        ValueError: *name* names no built-in profile.
    """
    try:
        return PROFILES[name]  # type: ignore[index]
    except (KeyError, TypeError):
        msg = f"profile must be a Profile or one of {sorted(PROFILES)} (got {name!r})"
        raise ValueError(msg) from None


def stage_of(plan: ActionPlan) -> PlanStatus | None:
    """
    The stage that sets the severity of stage-dependent rules.

    It is the plan's status, except that a plan withdrawn before it was ever submitted is
    still a draft; `None` when the plan's status is not recorded.
    """
    never_submitted = plan.submitted_on is None and not any(
        event.to is PlanStatus.SUBMITTED for event in plan.history
    )
    if plan.status is PlanStatus.WITHDRAWN and never_submitted:
        return PlanStatus.CO_CREATION
    return plan.status
