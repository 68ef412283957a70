"""
Property tests of a small tool that reads OGP JSON, written with ogpmodel's strategies.

The tool, `endorsed_in_time`, answers one question about a plan: did a non-government
stakeholder endorse it on or before its submission? Hypothesis draws the plans.
"""

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import ogpmodel
from ogpmodel import ActionPlan, Commitment
from ogpmodel.strategies import BrokenPlan, action_plans, broken_plans, documents


def endorsed_in_time(document: dict[str, Any]) -> bool:
    """Whether a non-government stakeholder endorsed the plan by its submission date."""
    sectors = {s["id"]: s["sector"] for s in document.get("stakeholders", [])}
    deadline = document.get("submitted_on")  # "YYYY-MM-DD" strings compare as dates
    return any(
        sectors.get(e["stakeholder_id"], "government") != "government"
        and (deadline is None or e["date"] <= deadline)
        for e in document.get("endorsements", [])
    )


@given(documents(status="submitted"))
def test_submitted_plans_are_endorsed(document: dict[str, Any]) -> None:
    """Every valid submitted plan was endorsed in time."""
    assert endorsed_in_time(document)


@given(broken_plans("plan.not-endorsed"))
def test_plans_that_are_not_endorsed_are_caught(broken: BrokenPlan) -> None:
    """A plan that breaks plan.not-endorsed, and no other rule, is caught."""
    plan, code = broken
    assert code == "plan.not-endorsed"
    assert isinstance(plan, ActionPlan)
    assert not endorsed_in_time(ogpmodel.to_dict(plan))


@given(action_plans(valid=False))
def test_any_plan_gets_an_answer(plan: ActionPlan) -> None:
    """The tool answers for any plan the model accepts, however inconsistent."""
    assert endorsed_in_time(ogpmodel.to_dict(plan)) in (True, False)


@given(st.from_type(Commitment))
def test_commitments_from_their_type(commitment: Commitment) -> None:
    """st.from_type draws model objects once the extra is installed."""
    assert not commitment.title.is_blank
