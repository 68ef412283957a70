"""
The fast path reads and writes exactly as the converter does.

`ogpmodel._fast` generates a reader and a writer per model class from the field kinds; the
cattrs converter (`ogpmodel._converter`) is the reference. For every plan the strategies draw,
the corpus of the benchmarks and mutants of valid documents: the fast reader gives up exactly
where the converter fails, and otherwise builds objects equal to the converter's, of the same
types field by field; the fast writer gives the converter's data, in the same key order, and
the text writer (`dumps`) the text `json.dumps` makes of it, byte for byte, whatever the
strings and extensions hold. The ids the generated collectors find are those `references`
locates.
"""

import datetime
import json
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

import attrs
import pytest
from benchmarks.corpus import random_plan
from hypothesis import given, settings
from hypothesis import strategies as st

from ogpmodel import (
    MAX_MILESTONE_DEPTH,
    ActionPlan,
    InvalidDocument,
    Limits,
    Text,
    dumps,
    loads,
    to_dict,
)
from ogpmodel._converter import structure_plan, unstructure_plan
from ogpmodel._fast import build_plan, deepest, plan_data, plan_text, referenced
from ogpmodel._fields import REF_TARGETS, references
from ogpmodel._json import MAX_DEPTH
from ogpmodel.strategies import action_plans, documents


def assert_same(fast: Any, reference: Any, where: str = "plan") -> None:
    """*fast* equals *reference* and has its types, at every depth."""
    assert type(fast) is type(reference), where
    if attrs.has(type(fast)):
        for attribute in attrs.fields(type(fast)):
            name = attribute.name
            assert_same(getattr(fast, name), getattr(reference, name), f"{where}.{name}")
    elif isinstance(fast, tuple):
        assert len(fast) == len(reference), where
        for index, (a, b) in enumerate(zip(fast, reference, strict=True)):
            assert_same(a, b, f"{where}[{index}]")
    elif isinstance(fast, Mapping):
        assert list(fast) == list(reference), where
        for key in fast:
            assert_same(fast[key], reference[key], f"{where}/{key}")
    elif isinstance(fast, Text):
        assert fast.is_plain == reference.is_plain, where
        assert fast.to_json() == reference.to_json(), where
    assert fast == reference, where


def reference_read(document: Any) -> ActionPlan | None:
    """The converter's plan of *document*, or `None` where it fails."""
    try:
        return structure_plan(document)
    except Exception:
        return None


def assert_reads_alike(document: Any) -> None:
    """The fast reader refuses what the converter refuses, and reads the rest alike."""
    reference = reference_read(document)
    fast = build_plan(document)
    if reference is None:
        assert fast is None
    else:
        assert fast is not None
        assert_same(fast, reference)


def assert_writes_alike(plan: ActionPlan) -> None:
    """The fast writer gives the converter's data: equal, with the same keys in the same order."""
    data = plan_data(plan)
    reference = unstructure_plan(plan)
    assert data == reference
    assert json.dumps(data, ensure_ascii=False) == json.dumps(reference, ensure_ascii=False)
    assert_text_alike(plan, reference)


def assert_text_alike(plan: ActionPlan, reference: dict[str, Any]) -> None:
    """The text writer gives the text `json.dumps` makes of the converter's data, byte for byte."""
    ordered = {"schema_version": reference["schema_version"], **reference}
    expected = json.dumps(ordered, ensure_ascii=False)
    assert plan_text(plan) == expected
    assert dumps(plan) == expected
    assert dumps(plan, indent=2) == json.dumps(ordered, ensure_ascii=False, indent=2)


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


#: Any text a required text accepts: not blank.
_WORDS = st.text().map(lambda text: f"x{text}")


@given(
    _WORDS,
    st.dictionaries(st.sampled_from(["es", "en", "fr-CA"]), _WORDS, min_size=1),
    st.dictionaries(st.text(), _JSON, max_size=3),
)
def test_any_text_and_extension_is_written_as_json_dumps_writes_it(
    title: str, names: dict[str, str], extensions: dict[str, Any]
) -> None:
    """Quotes, backslashes, control and non-BMP characters, lone surrogates, any JSON extension."""
    base = random_plan(0, 1)
    commitment = attrs.evolve(base.commitments[0], title=Text(names), extensions=extensions)
    plan = attrs.evolve(base, title=Text(title), commitments=(commitment, *base.commitments[1:]))
    assert_text_alike(plan, unstructure_plan(plan))


class TestAgainstTheConverter:
    @given(action_plans(valid=False, max_depth=3))
    def test_every_plan_the_model_accepts(self, plan: ActionPlan) -> None:
        assert_writes_alike(plan)
        assert_reads_alike(unstructure_plan(plan))

    @given(documents())
    def test_every_document_the_strategies_draw(self, document: dict[str, Any]) -> None:
        assert_reads_alike(json.loads(json.dumps(document)))

    @pytest.mark.parametrize("index", range(3))
    def test_the_benchmark_corpus(self, index: int) -> None:
        plan = random_plan(0, index)
        assert_writes_alike(plan)
        assert_reads_alike(json.loads(dumps(plan)))
        assert_same(loads(dumps(plan)), plan)


#: Values that break one field in one way each (types, codes, dates, blank text, nulls).
BREAKER_VALUES: list[Any] = [
    None,
    True,
    0,
    1.5,
    -1,
    101,
    "",
    " ",
    "x y",
    "yes",
    "planning",
    "2023-02-30",
    "2023-13",
    "2023-03",
    "2023-03-01",
    "0000",
    "ZZ",
    "en",
    "https://example.org",
    "mailto:x",
    [],
    [None],
    ["x"],
    {},
    {"en": ""},
    {"en": "text"},
    {"": "x"},
    {"en": 1},
    {"unknown": None},
    {"x": [1, {"y": float("inf")}]},
]
BREAKERS = st.sampled_from(BREAKER_VALUES)


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value inside *value* (not the root)."""
    found: list[tuple[Any, ...]] = []
    if isinstance(value, dict | list):
        items: Any = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            found.append((*path, key))
            found.extend(_places(item, (*path, key)))
    return found


@st.composite
def mutants(draw: st.DrawFn) -> dict[str, Any]:
    """A valid document with one to three values replaced, removed or added."""
    document: dict[str, Any] = json.loads(json.dumps(draw(documents())))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_places(document)))
        holder: Any = document
        for token in path[:-1]:
            holder = holder[token]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "remove":
            del holder[path[-1]]
        elif action == "add" and isinstance(holder, dict):
            holder[draw(st.sampled_from(["extra", "type", "from", "id"]))] = draw(BREAKERS)
        else:
            holder[path[-1]] = draw(BREAKERS)
    return document


class TestMutants:
    @settings(max_examples=200)
    @given(mutants())
    def test_refused_where_the_converter_fails(self, document: dict[str, Any]) -> None:
        assert_reads_alike(document)

    def test_python_values_the_converter_accepts(self) -> None:
        """Data built in Python, not parsed: a code given as the enum, a date as a string."""
        document = to_dict(random_plan(0, 0))
        document["commitments"][0]["status"] = ActionPlan  # not a string: refused by both
        assert_reads_alike(document)
        document = to_dict(random_plan(0, 0))
        document["submitted_on"] = datetime.date(2023, 1, 1)  # a date, not its string
        assert_reads_alike(document)


def _depth(value: Any) -> int:
    """How deep arrays and objects nest in *value* (0 for a string or a number)."""
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


def deepest_document(extensions: int) -> dict[str, Any]:
    """A valid document of milestones nested as deep as they may, *extensions* deep inside."""
    inner: dict[str, Any] = {}
    for _ in range(extensions - 1):
        inner = {"x": inner}
    link = {"url": "https://example.org", "extensions": inner}
    milestone: dict[str, Any] = {
        "id": "m",
        "title": "Milestone",
        "progress": [{"date": "2023", "evidence": [link]}],
    }
    for _ in range(MAX_MILESTONE_DEPTH - 1):
        milestone = {"id": "m", "title": "Milestone", "milestones": [milestone]}
    document = to_dict(random_plan(0, 0))
    document["commitments"] = [{"id": "c", "title": "Commitment", "milestones": [milestone]}]
    return document


class TestDepth:
    def test_the_deepest_document_read_is_as_deep_as_deepest_says(self) -> None:
        document = deepest_document(MAX_DEPTH)
        assert _depth(document) == deepest()
        assert_reads_alike(document)
        assert build_plan(document) is not None

    def test_one_level_deeper_is_refused(self) -> None:
        assert_reads_alike(deepest_document(MAX_DEPTH + 1))
        assert build_plan(deepest_document(MAX_DEPTH + 1)) is None

    def test_a_lower_limit_of_depth_is_still_scanned(self) -> None:
        text = json.dumps(deepest_document(MAX_DEPTH))
        assert loads(text) == loads(text, limits=Limits(max_depth=deepest()))
        with pytest.raises(InvalidDocument) as raised:
            loads(text, limits=Limits(max_depth=deepest() - 1))
        assert [f.code for f in raised.value.report.findings] == ["limits.depth"]

    @given(documents())
    def test_no_document_read_is_deeper(self, document: dict[str, Any]) -> None:
        assert _depth(document) <= deepest()


def _first_places(document: dict[str, Any]) -> list[tuple[Any, ...]]:
    """One place of each field of each kind of object: the first item of every list only."""
    return [p for p in _places(document) if all(t == 0 for t in p if isinstance(t, int))]


def test_every_breaker_at_every_first_place() -> None:
    """Each value of `BREAKERS` in each field of a corpus plan: refused or read alike."""
    document = to_dict(random_plan(0, 0))
    first = document["commitments"][0]
    report = {"date": "2023-01", "completion_percent": 40}  # a field the corpus leaves out
    first["progress"] = [report, *first.get("progress", ())]
    assert_reads_alike(document)
    for path in _first_places(document):
        for value in BREAKER_VALUES:
            mutant = json.loads(json.dumps(document))
            holder: Any = mutant
            for token in path[:-1]:
                holder = holder[token]
            holder[path[-1]] = value
            assert_reads_alike(mutant)


@given(action_plans(valid=False))
@settings(max_examples=60)
def test_the_collected_ids_are_those_the_references_locate(plan: ActionPlan) -> None:
    """`referenced` gives the ids of `references`, each as often, for every kind of target."""
    for target in REF_TARGETS:
        located = Counter(ref for _, ref in references(plan, target))
        assert Counter(referenced(plan, target)) == located, target


def test_the_collected_ids_of_a_corpus_plan() -> None:
    """A corpus plan names stakeholders in ten kinds of field: every id of each is collected."""
    plan = random_plan(0, 3)
    located = Counter(ref for _, ref in references(plan, "stakeholder"))
    fields = {
        re.sub(r"/\d+$", "", path).rsplit("/", 1)[-1] for path, _ in references(plan, "stakeholder")
    }
    assert len(fields) == 10
    assert Counter(referenced(plan, "stakeholder")) == located
