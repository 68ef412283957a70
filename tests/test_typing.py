"""
Type-checker tests: `make test` runs mypy --strict over this file.

If the model's signatures regress (for instance list fields typed as tuples only), mypy fails
on these calls; at run time they also check the values that come back.
"""

import datetime

from ogpmodel import (
    ActionPlan,
    Commitment,
    CommitmentStatus,
    Member,
    Membership,
    Milestone,
    MilestoneStatus,
    Period,
    PlanStatus,
    Text,
    TransitionEvent,
)


def test_list_fields_accept_lists() -> None:
    """Callers may pass lists for list fields; attributes are tuples of the element type."""
    child = Milestone(id="1.1", title=Text("b"), status=MilestoneStatus.PLANNED)
    parent = Milestone(id="1", title=Text("a"), status=MilestoneStatus.PLANNED, milestones=[child])
    event = TransitionEvent(
        CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS, datetime.date(2024, 1, 1)
    )
    commitment = Commitment(
        id="C1",
        title=Text("t"),
        status=CommitmentStatus.IN_PROGRESS,
        milestones=[parent],
        lead_ids=["city"],
        history=[event],
    )
    plan = ActionPlan(
        id="p",
        title=Text("p"),
        language="en",
        member=Member(name=Text("m"), membership=Membership.LOCAL, country="CL"),
        period=Period(),
        status=PlanStatus.PLANNING,
        commitments=[commitment],
    )
    first: Milestone = plan.commitments[0].milestones[0].milestones[0]
    assert child == first
    assert ("city",) == plan.commitments[0].lead_ids
