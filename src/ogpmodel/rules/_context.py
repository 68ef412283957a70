"""What a rule's check sees: the plan, the date of the check, the profile and shared indexes."""

import datetime
import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any, NamedTuple, TypeVar

import attrs

from ogpmodel.model import ActionPlan, Commitment, EndOfCommitmentReport, Milestone
from ogpmodel.profiles import PROFILES, Profile
from ogpmodel.values import Period

T = TypeVar("T")

__all__ = ["PROFILES", "Context", "Hit", "MilestoneSite", "Profile"]


@attrs.frozen
class Hit:
    """One place where a plan breaks a rule: a JSON Pointer and the message parameters."""

    path: str
    params: Mapping[str, Any] = attrs.field(factory=dict)


class MilestoneSite(NamedTuple):
    """
    A milestone with where it stands: its JSON Pointer, its commitment and its parent.

    A named tuple, not an attrs class: a plan has one per milestone, built for every validation.
    """

    path: str
    commitment_index: int
    commitment: Commitment
    milestone: Milestone
    parent: Milestone | None

    @property
    def outer_period(self) -> Period | None:
        """The period the milestone must lie within: its parent's, else its commitment's."""
        return self.parent.period if self.parent is not None else self.commitment.period


class Context:
    """
    A plan under validation, with indexes built once (so that every rule stays linear).

    Attributes:
        plan: The plan.
        as_of: The date deadlines are checked against (`None`: no deadline rules run).
        profile: The `Profile` in force.
    """

    def __init__(self, plan: ActionPlan, *, as_of: datetime.date | None, profile: Profile) -> None:
        self.plan = plan
        self.as_of = as_of
        self.profile = profile
        self._shared: dict[str, Any] = {}

    def shared(self, key: str, compute: Callable[[], T]) -> T:
        """Compute a value once per validation, for every rule that needs it (memoised by *key*)."""
        if key not in self._shared:
            self._shared[key] = compute()
        value: T = self._shared[key]
        return value

    @property
    def is_local(self) -> bool:
        """Whether the OGP Local rules apply."""
        return self.profile.local

    @functools.cached_property
    def stakeholder_ids(self) -> frozenset[str]:
        """The ids of the plan's stakeholders."""
        return frozenset(s.id for s in self.plan.stakeholders)

    @functools.cached_property
    def commitment_ids(self) -> frozenset[str]:
        """The ids of the plan's commitments."""
        return frozenset(c.id for c in self.plan.commitments)

    @functools.cached_property
    def goal_ids(self) -> frozenset[str]:
        """The ids of the strategic vision's goals."""
        vision = self.plan.strategic_vision
        return frozenset(g.id for g in vision.goals) if vision is not None else frozenset()

    @functools.cached_property
    def government_ids(self) -> frozenset[str]:
        """The ids of the government stakeholders."""
        return frozenset(s.id for s in self.plan.stakeholders if s.sector.value == "government")

    @functools.cached_property
    def non_government_ids(self) -> frozenset[str]:
        """The ids of the stakeholders outside government (every sector but ``government``)."""
        return frozenset(s.id for s in self.plan.stakeholders if s.sector.value != "government")

    @functools.cached_property
    def end_of_commitment_reported(self) -> frozenset[str]:
        """The ids of the commitments that have an end-of-commitment report."""
        return frozenset(
            a.commitment_id for a in self.plan.assessments if isinstance(a, EndOfCommitmentReport)
        )

    @functools.cached_property
    def milestone_sites(self) -> tuple[MilestoneSite, ...]:
        """Every milestone of the plan with its path, depth first."""
        sites: list[MilestoneSite] = []

        def walk(
            index: int,
            commitment: Commitment,
            milestones: tuple[Milestone, ...],
            prefix: str,
            parent: Milestone | None,
        ) -> None:
            for m_index, milestone in enumerate(milestones):
                path = f"{prefix}/milestones/{m_index}"
                sites.append(MilestoneSite(path, index, commitment, milestone, parent))
                if milestone.milestones:
                    walk(index, commitment, milestone.milestones, path, milestone)

        for index, commitment in enumerate(self.plan.commitments):
            walk(index, commitment, commitment.milestones, f"/commitments/{index}", None)
        return tuple(sites)

    def commitments(self) -> Iterator[tuple[str, Commitment]]:
        """Yield ``(path, commitment)`` for every commitment."""
        for index, commitment in enumerate(self.plan.commitments):
            yield f"/commitments/{index}", commitment

    def milestones_of(self, commitment_index: int) -> tuple[MilestoneSite, ...]:
        """The milestone sites of one commitment."""
        return self._sites_by_commitment.get(commitment_index, ())

    @functools.cached_property
    def _sites_by_commitment(self) -> Mapping[int, tuple[MilestoneSite, ...]]:
        grouped: dict[int, list[MilestoneSite]] = {}
        for site in self.milestone_sites:
            grouped.setdefault(site.commitment_index, []).append(site)
        return {index: tuple(sites) for index, sites in grouped.items()}
