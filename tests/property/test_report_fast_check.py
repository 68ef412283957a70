"""
The check that reads with the fast readers gives the report of the walk alone.

`ogpmodel._document.check` with ``fast=True`` reads each object with the fast readers first
and walks only those they refuse; the readable part is then read with the objects already
read. The walk alone (``fast=False``) is the reference: for every broken document the
strategies draw, mutants of valid documents and each breaking value at each place of a
corpus plan, both give the same findings (codes, paths, params, in order), the same readable
part, the same parts left out, and the readable part reads into the same plan. The look-ups
that keep the rules' findings off the parts left out answer as a scan of every part would.
"""

import json
from typing import Any

from benchmarks.corpus import bad_code_documents, random_plan
from hypothesis import given, settings
from hypothesis import strategies as st

import ogpmodel
from ogpmodel import MAX_MILESTONE_DEPTH, ActionPlan, to_dict
from ogpmodel._document import DEFAULT_LIMITS, Checked, check, within_limits
from ogpmodel._fast import build_plan, deepest
from ogpmodel._reading import _structure, _structure_readable
from ogpmodel._resources import SCHEMA_VERSION
from ogpmodel.strategies import BrokenPlan, broken_plans
from ogpmodel.validation import _holds, _inside

from .test_fast_path import BREAKER_VALUES, _first_places, assert_same, mutants


def reference_readable(checked: Checked) -> ActionPlan | None:
    """The plan of the readable part, read as a whole (no object of the check reused)."""
    if checked.readable is None:
        return None
    try:
        return _structure(checked.readable)
    except Exception:
        return None


def fast_readable(checked: Checked) -> ActionPlan | None:
    if checked.readable is None:
        return None
    try:
        return _structure_readable(checked.readable, checked.read)
    except Exception:
        return None


def assert_checks_alike(document: Any) -> None:
    """Where the fast check applies, it gives what the walk alone gives."""
    fast_applies = (
        isinstance(document, dict)
        and document.get("schema_version") == SCHEMA_VERSION
        and within_limits(document, DEFAULT_LIMITS, deepest=deepest())
        and build_plan(document) is None
    )
    if not fast_applies:
        return
    reference = check(document)
    fast = check(document, fast=True)
    assert not reference.read
    assert [(f.code, f.path, f.params) for f in fast.findings] == [
        (f.code, f.path, f.params) for f in reference.findings
    ]
    assert fast.findings == reference.findings
    assert fast.readable == reference.readable
    assert fast.dropped == reference.dropped
    assert fast.dropped_ids == reference.dropped_ids
    assert fast.list_map == reference.list_map
    expected = reference_readable(reference)
    got = fast_readable(fast)
    if expected is None:
        assert got is None
    else:
        assert got is not None
        assert_same(got, expected)


class TestAgainstTheWalk:
    @settings(max_examples=200)
    @given(mutants())
    def test_mutants_of_valid_documents(self, document: dict[str, Any]) -> None:
        assert_checks_alike(document)

    @given(broken_plans())
    def test_broken_documents(self, broken: BrokenPlan) -> None:
        document = broken.plan_or_document
        if isinstance(document, dict):
            assert_checks_alike(json.loads(json.dumps(document)))

    def test_each_breaker_at_each_first_place(self) -> None:
        document = to_dict(random_plan(0, 0))
        first = document["commitments"][0]
        first["progress"] = [
            {"date": "2023-01", "completion_percent": 40},
            *first.get("progress", ()),
        ]
        for path in _first_places(document):
            for value in BREAKER_VALUES:
                mutant = json.loads(json.dumps(document))
                holder: Any = mutant
                for token in path[:-1]:
                    holder = holder[token]
                holder[path[-1]] = value
                assert_checks_alike(mutant)

    def test_many_bad_codes(self) -> None:
        invalid, _ = bad_code_documents(50)
        assert_checks_alike(invalid)
        fast = check(invalid, fast=True)
        assert len(fast.findings) == 50
        assert any(fast.read)  # the objects without errors were read by the fast readers

    def test_an_unknown_null_field_is_still_reported(self) -> None:
        """The fast path reads a null unknown field as absent; the check reports it."""
        document = to_dict(random_plan(0, 0))
        document["commitments"][0]["extra"] = None
        document["commitments"][1]["status"] = "nope"
        assert_checks_alike(document)
        codes = [f.code for f in check(document, fast=True).findings]
        assert codes == ["schema.additional-property", "schema.enum"]


def test_one_dict_in_two_places_read_differently() -> None:
    """Data built in Python may hold one dict twice: each place reads it as its field says."""
    document = to_dict(random_plan(0, 0))
    commitment = document["commitments"][0]
    event = {"from": "planned", "to": "completed", "date": "2023-02"}  # either lifecycle's
    commitment["history"] = [event]
    commitment["milestones"][0]["history"] = [event]
    commitment["milestones"][0]["status"] = "nope"  # both are walked, their events read alone
    assert_checks_alike(document)
    plan = fast_readable(check(document, fast=True))
    assert plan is not None
    commitment_event = plan.commitments[0].history[0]
    milestone_event = plan.commitments[0].milestones[0].history[0]
    assert type(commitment_event.to).__name__ == "CommitmentStatus"
    assert type(milestone_event.to).__name__ == "MilestoneStatus"


def nested_milestones(levels: int, bad: bool) -> dict[str, Any]:
    """A milestone with *levels* levels of milestones in all (itself included)."""
    milestone: dict[str, Any] = {"id": "m0", "title": "Deepest"}
    for level in range(1, levels):
        milestone = {"id": f"m{level}", "title": "Milestone", "milestones": [milestone]}
    if bad:
        milestone["status"] = "nope"
    return milestone


class TestMilestoneDepth:
    """A milestone the reader reads may still nest too deep below the milestones above it."""

    def test_too_deep_below_a_bad_milestone(self) -> None:
        for levels in (MAX_MILESTONE_DEPTH, MAX_MILESTONE_DEPTH + 1):
            document = to_dict(random_plan(0, 0))
            document["commitments"] = [
                {"id": "c", "title": "Commitment", "milestones": [nested_milestones(levels, True)]}
            ]
            assert_checks_alike(document)
            report = ogpmodel.validate(json.dumps(document))
            codes = {f.code for f in report.findings}
            assert ("limits.depth" in codes) == (levels > MAX_MILESTONE_DEPTH)


#: Pointer-like paths: few characters, so that prefixes and near misses are common.
POINTERS = st.text(alphabet="/ab~1", max_size=8)


class TestWhatIsInside:
    """The look-ups of `_partial_findings` answer as a scan of every path would."""

    @given(POINTERS, st.frozensets(POINTERS, max_size=6))
    def test_a_path_inside_a_dropped_part(self, path: str, parts: frozenset[str]) -> None:
        scan = any(path == part or path.startswith(part + "/") for part in parts)
        assert _inside(path, parts) == scan

    @given(POINTERS, st.lists(POINTERS, max_size=6))
    def test_a_path_holding_a_naming_field(self, path: str, names: list[str]) -> None:
        scan = any(name == path or name.startswith(path + "/") for name in names)
        assert _holds(path, sorted(names)) == scan
