"""
A failing property shows its plan as one line of OGP JSON that reads it back.

Hypothesis prints a falsifying example with its pretty printer, which calls
`ActionPlan._repr_pretty_`: ``plan=ogpmodel.loads('{"schema_version":"1.1",...}')``.
"""

import re

import pytest
from hypothesis import Phase, given, settings
from hypothesis.vendor.pretty import pretty

import ogpmodel
from ogpmodel import ActionPlan
from ogpmodel.strategies import action_plans, broken_plans

_LOADS = re.compile(r"ogpmodel\.loads\('.*?'\)(?=[,)\n]|$)")


def _reloaded(text: str) -> list[ActionPlan]:
    """The plans of every ``ogpmodel.loads('...')`` call in *text*, evaluated."""
    return [eval(call, {"ogpmodel": ogpmodel}) for call in _LOADS.findall(text)]  # noqa: S307


def _report(test: object) -> str:
    """What Hypothesis reports when *test* fails: its notes, with the falsifying example."""
    with pytest.raises(AssertionError) as caught:
        test()  # type: ignore[operator]
    return "\n".join(getattr(caught.value, "__notes__", ()))


def test_a_falsifying_plan_is_printed_as_compact_ogp_json() -> None:
    """The report of a failing property names the plan in one reloadable line, not a dump."""
    failing: list[ActionPlan] = []

    @settings(max_examples=50, database=None, phases=(Phase.generate, Phase.shrink))
    @given(plan=action_plans(min_commitments=1))
    def every_plan_has_no_commitments(plan: ActionPlan) -> None:
        failing.append(plan)
        assert not plan.commitments

    report = _report(every_plan_has_no_commitments)
    lines = [line for line in report.splitlines() if "plan=" in line]
    assert len(lines) == 1, report
    assert lines[0].strip().startswith('plan=ogpmodel.loads(\'{"schema_version":"1.1"')
    assert _reloaded(lines[0]) == [failing[-1]]  # the example Hypothesis replayed last


def test_a_plan_inside_another_value_prints_the_same_way() -> None:
    """A broken plan (plan, code) shows its plan as the same reloadable call."""
    failing: list[ogpmodel.strategies.BrokenPlan] = []

    @settings(max_examples=5, database=None, phases=(Phase.generate,))
    @given(broken=broken_plans("commitment.no-lead"))
    def never_broken(broken: ogpmodel.strategies.BrokenPlan) -> None:
        failing.append(broken)
        raise AssertionError

    report = _report(never_broken)
    assert _reloaded(report) == [failing[-1].plan_or_document]


def test_repr_is_unchanged() -> None:
    """repr() still shows the attrs fields; only the pretty printer shows OGP JSON."""
    plan = ogpmodel.loads(
        '{"schema_version": "1.1", "id": "x", "title": "T", "language": "en", "member": {"name":'
        ' "M", "membership": "local", "country": "CL"}, "period": {}, "commitments": []}'
    )
    assert repr(plan).startswith("ActionPlan(id='x', title=Text('T')")
    assert (
        pretty(plan)
        == f"ogpmodel.loads({ogpmodel.dumps(plan).replace(', ', ',').replace(': ', ':')!r})"
    )
    assert _reloaded(pretty(plan)) == [plan]
