"""
Helpers for the rule tests: run the rules, and vary the builders' plans consistently.

A `Case` is a plan that breaks one rule (with the ``as_of`` and profile to check it with). Each
family test module lists its cases in ``BROKEN`` (code -> case factory); the catalogue test runs
them all to collect the parameters each check produces.
"""

import datetime
from collections.abc import Callable, Mapping
from typing import Any

import attrs
from tests.builders import commitment, complete_local_plan, d, milestone

from ogpmodel import (
    ActionPlan,
    Assessment,
    Commitment,
    CommitmentStatus,
    InceptionReport,
    Member,
    Membership,
    Milestone,
    MilestoneStatus,
    PlanStatus,
    TransitionEvent,
)
from ogpmodel.report import Finding
from ogpmodel.rules import Profile, check_plan, get_rule


@attrs.frozen
class Case:
    """A plan to check, with the ``as_of`` date and the profile to check it with."""

    plan: ActionPlan
    as_of: datetime.date | None = None
    profile: Profile | str | None = None

    def findings(self) -> list[Finding]:
        """Every finding of every rule, in engine order."""
        return findings(self.plan, as_of=self.as_of, profile=self.profile)

    def only(self, code: str) -> Finding:
        """The single finding of the plan, which must be of *code*."""
        found = self.findings()
        assert [f.code for f in found] == [code], [str(f) for f in found]
        return found[0]


#: A rule code and a function building a plan that breaks only that rule.
Broken = Mapping[str, Callable[[], Case]]


def findings(
    plan: ActionPlan,
    *,
    as_of: datetime.date | None = None,
    profile: Profile | str | None = None,
) -> list[Finding]:
    """Every finding of every rule for *plan*."""
    return list(check_plan(plan, as_of=as_of, profile=profile))


def codes(
    plan: ActionPlan,
    *,
    as_of: datetime.date | None = None,
    profile: Profile | str | None = None,
) -> set[str]:
    """The codes of the findings for *plan*."""
    return {f.code for f in findings(plan, as_of=as_of, profile=profile)}


def run_rule(
    code: str,
    plan: ActionPlan,
    *,
    as_of: datetime.date | None = None,
    profile: Profile | str | None = None,
) -> list[Finding]:
    """The findings of the one rule *code* for *plan* (for plans that break other rules too)."""
    return list(check_plan(plan, as_of=as_of, profile=profile, rules=(get_rule(code),)))


def _rate_commitment(
    assessments: tuple[Assessment, ...], commitment_id: str
) -> tuple[Assessment, ...]:
    """Point the inception report's single design assessment at *commitment_id*."""
    out: list[Assessment] = []
    for assessment in assessments:
        if isinstance(assessment, InceptionReport) and len(assessment.commitments) == 1:
            (design,) = assessment.commitments
            design = attrs.evolve(design, commitment_id=commitment_id)
            assessment = attrs.evolve(assessment, commitments=(design,))
        out.append(assessment)
    return tuple(out)


def with_commitment(**changes: object) -> ActionPlan:
    """`complete_local_plan` whose only commitment has *changes* (the inception report follows its id)."""
    changed = commitment(**changes)
    plan = complete_local_plan(commitments=(changed,))
    return attrs.evolve(plan, assessments=_rate_commitment(plan.assessments, changed.id))


def with_milestone(**changes: object) -> ActionPlan:
    """`complete_local_plan` whose only milestone has *changes*."""
    return with_commitment(milestones=(milestone(**changes),))


def completed_milestone(**changes: object) -> Milestone:
    """The builders' milestone, completed on 2023-04-20."""
    history = (
        TransitionEvent(MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS, d("2023-03-15")),
        TransitionEvent(MilestoneStatus.IN_PROGRESS, MilestoneStatus.COMPLETED, d("2023-04-20")),
    )
    return milestone(status=MilestoneStatus.COMPLETED, history=history, **changes)


def completed_commitment(**changes: object) -> Commitment:
    """The builders' commitment with its milestone, both completed on 2023-04-20."""
    history = (
        TransitionEvent(CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS, d("2023-03-15")),
        TransitionEvent(CommitmentStatus.IN_PROGRESS, CommitmentStatus.COMPLETED, d("2023-04-20")),
    )
    base: dict[str, object] = {
        "status": CommitmentStatus.COMPLETED,
        "history": history,
        "milestones": (completed_milestone(),),
    }
    return commitment(**{**base, **changes})


def national_plan(**changes: Any) -> ActionPlan:
    """A national plan with five commitments (CL0001 to CL0005) that meets every rule."""
    base = complete_local_plan()
    plan = attrs.evolve(
        base,
        member=Member(name=base.member.name, membership=Membership.NATIONAL, country="CL"),
        commitments=tuple(commitment(id=f"CL{n:04d}") for n in range(1, 6)),
        assessments=(),
    )
    return attrs.evolve(plan, **changes)


def _planned(item: Milestone) -> Milestone:
    return attrs.evolve(
        item,
        status=MilestoneStatus.PLANNED,
        history=(),
        progress=(),
        milestones=tuple(_planned(child) for child in item.milestones),
    )


def draft(plan: ActionPlan) -> ActionPlan:
    """*plan* as a consistent draft in co-creation: not submitted, nothing started, not assessed."""
    commitments = tuple(
        attrs.evolve(
            c,
            status=CommitmentStatus.PLANNED,
            history=(),
            progress=(),
            milestones=tuple(_planned(m) for m in c.milestones),
        )
        for c in plan.commitments
    )
    return attrs.evolve(
        plan,
        status=PlanStatus.CO_CREATION,
        history=(TransitionEvent(PlanStatus.PLANNING, PlanStatus.CO_CREATION, d("2022-10-01")),),
        submitted_on=None,
        commitments=commitments,
        assessments=(),
    )
