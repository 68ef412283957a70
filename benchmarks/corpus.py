"""
A deterministic corpus generator: valid OGP JSON plans of any size.

``make_plan(commitments, milestones)`` builds a local plan in implementation with that many
commitments, each with that many milestones (half of them with two children), stakeholders
and references that resolve, so validation does all of its work and reports nothing.
"""

import datetime

from ogpmodel import (
    ActionPlan,
    Commitment,
    CommitmentStatus,
    Endorsement,
    Forum,
    Goal,
    Member,
    Membership,
    Milestone,
    MilestoneStatus,
    MonitoringBody,
    OGPValue,
    PartialDate,
    Period,
    PlanStatus,
    Sector,
    Stakeholder,
    StakeholderKind,
    StrategicVision,
    Text,
    TransitionEvent,
)

__all__ = ["make_plan"]


def _milestone(identifier: str, children: int) -> Milestone:
    return Milestone(
        id=identifier,
        title=Text({"es": f"Hito {identifier}", "en": f"Milestone {identifier}"}),
        status=MilestoneStatus.PLANNED,
        period=Period(PartialDate(2023, 4), PartialDate(2024, 6)),
        responsible_ids=("gov-0",),
        milestones=tuple(_milestone(f"{identifier}.{k}", 0) for k in range(children)),
    )


def make_plan(commitments: int, milestones: int) -> ActionPlan:
    """A valid local plan with *commitments* by *milestones* (plus nested children)."""
    stakeholders = tuple(
        Stakeholder(
            id=f"{'gov' if i % 2 == 0 else 'cso'}-{i}",
            name=Text(f"Stakeholder {i}"),
            kind=StakeholderKind.ORGANIZATION,
            sector=Sector.GOVERNMENT if i % 2 == 0 else Sector.CIVIL_SOCIETY,
        )
        for i in range(max(4, commitments))
    )
    return ActionPlan(
        id=f"bench-{commitments}x{milestones}",
        title=Text("Plan de acción de referencia"),
        language="es",
        member=Member(name=Text("Referencia"), membership=Membership.LOCAL, country="CL"),
        period=Period(PartialDate(2023, 1), PartialDate(2024, 12)),
        status=PlanStatus.IMPLEMENTATION,
        history=(
            TransitionEvent(
                PlanStatus.PLANNING, PlanStatus.CO_CREATION, datetime.date(2022, 10, 1)
            ),
            TransitionEvent(
                PlanStatus.CO_CREATION, PlanStatus.SUBMITTED, datetime.date(2023, 1, 31)
            ),
            TransitionEvent(
                PlanStatus.SUBMITTED, PlanStatus.IMPLEMENTATION, datetime.date(2023, 2, 1)
            ),
        ),
        submitted_on=datetime.date(2023, 1, 31),
        strategic_vision=StrategicVision(
            text=Text("Visión"), goals=(Goal(id="g1", text=Text("Meta")),)
        ),
        stakeholders=stakeholders,
        point_of_contact_id="gov-0",
        forum=Forum(name=Text("Foro"), member_ids=("gov-0", "cso-1")),
        monitoring_body=MonitoringBody(
            name=Text("Órgano"), kind=StakeholderKind.GROUP, member_ids=("cso-1",)
        ),
        endorsements=(Endorsement(stakeholder_id="cso-1", date=datetime.date(2023, 1, 20)),),
        commitments=tuple(
            Commitment(
                id=f"CLBEN{c:04d}",
                title=Text(f"Compromiso {c}"),
                status=CommitmentStatus.PLANNED,
                problem=Text("Problema"),
                action=Text("Acción"),
                vision_goal_id="g1",
                ogp_values=(OGPValue.CIVIC_PARTICIPATION,),
                period=Period(PartialDate(2023, 3), PartialDate(2024, 8)),
                lead_ids=(stakeholders[(2 * c) % len(stakeholders)].id,),
                milestones=tuple(
                    _milestone(f"{m + 1}", 2 if m % 2 == 0 else 0) for m in range(milestones)
                ),
            )
            for c in range(1, commitments + 1)
        ),
    )
