"""
Hand-built plans for example tests.

`complete_local_plan` meets every rule of the catalogue (no findings at all, with or without
``as_of=AS_OF``); tests break one thing in it with `attrs.evolve` and expect one code.
"""

import datetime
from typing import Any

import attrs

from ogpmodel import (
    ActionPlan,
    Commitment,
    CommitmentDesign,
    CommitmentStatus,
    Endorsement,
    Forum,
    Goal,
    InceptionReport,
    InceptionRequirements,
    Member,
    Membership,
    Milestone,
    MilestoneStatus,
    MonitoringBody,
    OGPValue,
    PartialDate,
    Period,
    PlanStatus,
    Role,
    Sector,
    Stakeholder,
    StakeholderKind,
    StrategicVision,
    Text,
    TransitionEvent,
    Verifiable,
)

#: A date on which `complete_local_plan` has no overdue deadline.
AS_OF = datetime.date(2023, 6, 1)


def d(text: str) -> datetime.date:
    """A `datetime.date` from ``YYYY-MM-DD``."""
    return datetime.date.fromisoformat(text)


def p(text: str) -> PartialDate:
    """A `PartialDate` from its text."""
    return PartialDate.parse(text)


def period(start: str | None, end: str | None) -> Period:
    """A `Period` from two partial-date texts."""
    return Period(p(start) if start else None, p(end) if end else None)


def minimal_plan(**changes: Any) -> ActionPlan:
    """The smallest plan the model accepts: a local plan in planning, with nothing else."""
    plan = ActionPlan(
        id="demo-2024",
        title=Text("Plan de acción"),
        language="es",
        member=Member(name=Text("Demo"), membership=Membership.LOCAL, country="CL"),
        period=Period(),
        status=PlanStatus.PLANNING,
    )
    return attrs.evolve(plan, **changes)


def milestone(**changes: Any) -> Milestone:
    """
    A milestone in progress inside the commitment of `complete_local_plan`.

    Another id gives another title too, so that two milestones are not repeats.
    """
    milestone_id = changes.get("id", "1")
    suffix = "" if milestone_id == "1" else f" ({milestone_id})"
    base = Milestone(
        id="1",
        title=Text("Publicar el diagnóstico" + suffix),
        status=MilestoneStatus.IN_PROGRESS,
        period=period("2023-03", "2023-12"),
        responsible_ids=("secpla",),
        history=(
            TransitionEvent(MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS, d("2023-03-15")),
        ),
    )
    return attrs.evolve(base, **changes)


def commitment(**changes: Any) -> Commitment:
    """
    A well-formed local commitment, in progress.

    Another id gives another title too, so that two commitments are not repeats.
    """
    commitment_id = changes.get("id", "CLMPU0001")
    suffix = "" if commitment_id == "CLMPU0001" else f" ({commitment_id})"
    base = Commitment(
        id="CLMPU0001",
        title=Text("Planes de barrio" + suffix),
        status=CommitmentStatus.IN_PROGRESS,
        problem=Text("Los vecinos no participan en las decisiones de su barrio."),
        action=Text("Co-diseñar planes de barrio con la comunidad."),
        vision_goal_id="g1",
        ogp_values=(OGPValue.CIVIC_PARTICIPATION,),
        period=period("2023-03", "2024-08"),
        lead_ids=("secpla",),
        supporting_ids=("fundacion",),
        milestones=(milestone(),),
        history=(
            TransitionEvent(
                CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS, d("2023-03-15")
            ),
        ),
    )
    return attrs.evolve(base, **changes)


def complete_local_plan(**changes: Any) -> ActionPlan:
    """A local plan in implementation that meets every rule of the catalogue."""
    plan = ActionPlan(
        id="demo-2023-2024",
        title=Text("Plan de acción 2023-2024"),
        language="es",
        member=Member(
            name=Text("Demo"), membership=Membership.LOCAL, country="CL", jurisdiction=None
        ),
        period=period("2023-01", "2024-08"),
        status=PlanStatus.IMPLEMENTATION,
        history=(
            TransitionEvent(PlanStatus.PLANNING, PlanStatus.CO_CREATION, d("2022-10-01")),
            TransitionEvent(PlanStatus.CO_CREATION, PlanStatus.SUBMITTED, d("2023-01-31")),
            TransitionEvent(PlanStatus.SUBMITTED, PlanStatus.IMPLEMENTATION, d("2023-02-01")),
        ),
        submitted_on=d("2023-01-31"),
        strategic_vision=StrategicVision(
            text=Text("Un gobierno local abierto."),
            goals=(Goal(id="g1", text=Text("Participación en todos los barrios.")),),
        ),
        stakeholders=(
            Stakeholder(
                id="muni",
                name=Text("Municipalidad"),
                kind=StakeholderKind.ORGANIZATION,
                sector=Sector.GOVERNMENT,
                roles=(Role.POINT_OF_CONTACT, Role.FORUM_MEMBER),
            ),
            Stakeholder(
                id="secpla",
                name=Text("SECPLA"),
                kind=StakeholderKind.ORGANIZATION,
                sector=Sector.GOVERNMENT,
                parent_id="muni",
            ),
            Stakeholder(
                id="fundacion",
                name=Text("Fundación"),
                kind=StakeholderKind.ORGANIZATION,
                sector=Sector.CIVIL_SOCIETY,
                roles=(Role.FORUM_MEMBER,),
            ),
            Stakeholder(
                id="monitor",
                name=Text("Órgano de monitoreo"),
                kind=StakeholderKind.GROUP,
                sector=Sector.ACADEMIA,
                roles=(Role.MONITORING_BODY,),
            ),
        ),
        point_of_contact_id="muni",
        forum=Forum(name=Text("Foro multiactor"), member_ids=("muni", "fundacion")),
        monitoring_body=MonitoringBody(
            name=Text("Órgano de monitoreo"), kind=StakeholderKind.GROUP, member_ids=("monitor",)
        ),
        endorsements=(Endorsement(stakeholder_id="fundacion", date=d("2023-01-20")),),
        commitments=(commitment(),),
        assessments=(
            InceptionReport(
                date=p("2023-03-15"),
                evaluator_id="monitor",
                requirements=InceptionRequirements(forum_exists=True, forum_multistakeholder=True),
                commitments=(
                    CommitmentDesign(commitment_id="CLMPU0001", verifiable=Verifiable.YES),
                ),
            ),
        ),
    )
    return attrs.evolve(plan, **changes)
