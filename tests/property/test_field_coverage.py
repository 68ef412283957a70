"""
The strategies draw every optional field of every model class, both present and absent.

The fields are read from the model's declarations, so a field added to the model and never
drawn fails this test.
"""

from collections.abc import Iterator
from typing import Any

import attrs
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from ogpmodel import ActionPlan
from ogpmodel._fields import Entity, ListOf, kinds_of
from ogpmodel.strategies import action_plans, strategy_for

Observation = tuple[str, str, bool]


def model_classes() -> list[type]:
    """Every class reachable from `ActionPlan` through its fields' kinds."""
    found: list[type] = []
    todo: list[type] = [ActionPlan]
    while todo:
        cls = todo.pop()
        if cls in found:
            continue
        found.append(cls)
        for _, kind in kinds_of(cls):
            item = kind.item if isinstance(kind, ListOf) else kind
            if isinstance(item, Entity):
                todo.extend(item.types)
    return found


def optional_fields(cls: type) -> Iterator[str]:
    for attribute in attrs.fields(cls):
        if attribute.default is not attrs.NOTHING and not attribute.metadata.get("required"):
            yield attribute.name


def _default(attribute: "attrs.Attribute[Any]") -> Any:
    default: Any = attribute.default
    factory = getattr(default, "factory", None)
    return factory() if callable(factory) else default


def observe(obj: object) -> Iterator[Observation]:
    """``(class, field, present)`` for every optional field of every object in *obj*."""
    stack = [obj]
    while stack:
        current = stack.pop()
        cls = type(current)
        if not attrs.has(cls) or cls.__module__.startswith("ogpmodel._scalars"):
            continue
        for attribute in attrs.fields(cls):
            value = getattr(current, attribute.name)
            if attribute.name in set(optional_fields(cls)):
                yield cls.__name__, attribute.name, value != _default(attribute)
            if isinstance(value, tuple):
                stack.extend(value)
            elif attrs.has(type(value)):
                stack.append(value)


EXPECTED = {
    (cls.__name__, name, present)
    for cls in model_classes()
    for name in optional_fields(cls)
    for present in (True, False)
}


def test_the_model_has_optional_fields() -> None:
    assert ("Milestone", "deadline_note", True) in EXPECTED
    assert len(model_classes()) >= 20


def test_observe_sees_nested_fields() -> None:
    from ogpmodel import Member, Membership, Period, PlanStatus, Text

    plan = ActionPlan(
        id="p",
        title=Text("T"),
        language="en",
        member=Member(name=Text("M"), membership=Membership.LOCAL, country="CL"),
        period=Period(),
        status=PlanStatus.PLANNING,
        description=Text("D"),
    )
    seen = set(observe(plan))
    assert ("ActionPlan", "description", True) in seen
    assert ("Member", "jurisdiction", False) in seen
    assert ("Period", "start", False) in seen


def _collect(strategy: st.SearchStrategy[Any], examples: int, seen: set[Observation]) -> None:
    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(strategy)
    def collect(obj: object) -> None:
        seen.update(observe(obj))

    collect()


def test_every_optional_field_is_drawn_present_and_absent() -> None:
    """Each strategy gets its own budget of draws, so no class is starved by the others."""
    seen: set[Observation] = set()
    _collect(action_plans(), 300, seen)
    _collect(action_plans(valid=False), 300, seen)
    for cls in model_classes():
        _collect(strategy_for(cls), 80, seen)
    missing = sorted(EXPECTED - seen)
    assert missing == [], f"never drawn (class, field, present): {missing}"
