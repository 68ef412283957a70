"""
Needs ``pip install ogpmodel[hypothesis]``.

Hypothesis strategies for OGP action plans and their parts, for property-testing tools that read,
write or check OGP JSON.

>>> from hypothesis import given
>>> from ogpmodel import validate
>>> from ogpmodel.strategies import action_plans
>>> @given(action_plans())
... def test_valid(plan):
...     assert validate(plan).is_valid
>>> test_valid()

- `action_plans` yields plans that pass `ogpmodel.validate` with no errors for their stage
  (``valid=False``: any plan the model accepts); `documents` yields their OGP JSON dicts.
- `broken_plans` yields plans (or documents, or JSON text) that break exactly one rule.
- `bounded_schema` is the published schema with milestone nesting cut at a depth, for
  schema-driven generators (``hypothesis_jsonschema.from_schema``), which cannot resolve the
  recursion of the published one.
- `texts`, `partial_dates`, `dates`, `periods`, `links`, `stakeholders`, `milestones`,
  `commitments`, `assessments` and `histories` yield the parts.

Every strategy shrinks toward small, readable values: few commitments and milestones, one-word
texts, plain strings rather than language maps, year precision, the earliest dates, the first
state of a lifecycle, recorded statuses and events dated by the day, optional fields absent.

The plans are OGP JSON 1.1: unrecorded statuses, events dated by a month, acronyms, links per
language or relative to the plan's ``base_url`` and the other fields 1.1 added are drawn too,
consistently with the rules in valid plans.

Installing the extra also registers these strategies with `hypothesis.strategies.from_type`
for every model class (``st.from_type(ActionPlan)``), through Hypothesis' entry point.
"""

from ogpmodel.strategies._assessments import assessments
from ogpmodel.strategies._broken import BrokenPlan, breakable_codes, broken_plans
from ogpmodel.strategies._entities import commitments, milestones, stakeholders
from ogpmodel.strategies._from_type import strategy_for
from ogpmodel.strategies._lifecycle import histories
from ogpmodel.strategies._mutations import PlanOrDocument as PlanOrDocument
from ogpmodel.strategies._plans import action_plans, documents
from ogpmodel.strategies._schemas import bounded_schema
from ogpmodel.strategies._values import dates, links, partial_dates, periods, texts

__all__ = [
    "BrokenPlan",
    "action_plans",
    "assessments",
    "bounded_schema",
    "breakable_codes",
    "broken_plans",
    "commitments",
    "dates",
    "documents",
    "histories",
    "links",
    "milestones",
    "partial_dates",
    "periods",
    "stakeholders",
    "strategy_for",
    "texts",
]


def __dir__() -> list[str]:
    return sorted(__all__)
