"""
Fuzzing in the suite: the readers and `validate` are total functions.

The promise: for any text, bytes or data, `loads`, `load`, `iter_load` and `from_dict` return a
plan or raise `InvalidDocument`; `validate` returns a `ValidationReport` (with or without
``as_of``) whose findings each have a code, a JSON Pointer path and a message that renders; a
plan that was read survives ``loads(dumps(plan))``, ``repr`` and ``hash``. No other exception
escapes. The inputs are arbitrary JSON, byte-level mutations of dumped valid plans and
structural mutations of valid documents. The coverage-guided harness in ``fuzz/`` runs the same
checks for millions of inputs; see docs/robustness.md.
"""

import datetime
import io
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import ogpmodel
from ogpmodel import ActionPlan, InvalidDocument, ValidationReport
from ogpmodel.strategies import action_plans, documents

#: An RFC 6901 JSON Pointer: empty, or "/"-separated tokens with "~" only as "~0" or "~1".
POINTER = re.compile(r"(/([^~/]|~[01])*)*", re.DOTALL)
#: The fields of a plan document, so that arbitrary objects also reach the field-level checks.
PLAN_KEYS = (
    "schema_version",
    "id",
    "title",
    "language",
    "member",
    "period",
    "status",
    "commitments",
    "history",
    "submitted_on",
    "stakeholders",
    "milestones",
    "start",
    "end",
    "extensions",
)

texts = st.text(max_size=12) | st.text(st.characters(categories=["Cs", "Ll", "Nd"]), max_size=4)
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats()  # NaN and infinities too: Python data may hold them
    | texts
    | st.sampled_from(["1.0", "2023-02-30", "9999-12-31", "0001", "planning", "local", "en"])
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(PLAN_KEYS) | texts, inner, max_size=5)
    ),
    max_leaves=12,
)
as_of_dates = st.none() | st.dates() | st.sampled_from([datetime.date.min, datetime.date.max])


def check_report(report: object) -> None:
    """*report* is a `ValidationReport`; each finding has a code, a pointer and a message."""
    assert isinstance(report, ValidationReport)
    for finding in report.findings:
        assert isinstance(finding.code, str)
        assert finding.code
        assert isinstance(finding.path, str)
        assert POINTER.fullmatch(finding.path), finding.path
        assert str(finding)
        assert finding.message
        json.dumps(finding.to_dict())


def check_plan(plan: ActionPlan) -> None:
    """A plan writes, prints, hashes and reads back equal."""
    repr(plan)
    hash(plan)
    assert plan == ogpmodel.loads(ogpmodel.dumps(plan))


def check_read(read: Callable[[], object]) -> None:
    """*read* returns a plan (checked with `check_plan`) or raises `InvalidDocument`."""
    try:
        result = read()
    except InvalidDocument as error:
        check_report(error.report)
        message = str(error)
        assert message
        return
    plans = result if isinstance(result, list) else [result]
    for plan in plans:
        assert isinstance(plan, ActionPlan)
        check_plan(plan)


def check_text(data: str | bytes, as_of: datetime.date | None, *, files: bool = False) -> None:
    """`loads` and `validate` keep the promise for *data*; with *files*, `load` and `iter_load`."""
    check_read(lambda: ogpmodel.loads(data))
    check_report(ogpmodel.validate(data, as_of=as_of))
    if files and isinstance(data, bytes):
        check_read(lambda: ogpmodel.load(io.BytesIO(data)))
        check_read(lambda: list(ogpmodel.iter_load(io.BytesIO(data))))


def check_data(data: Any, as_of: datetime.date | None) -> None:
    """`from_dict` and `validate` keep the promise for parsed data."""
    if isinstance(data, str):  # JSON text or a file name, more likely than a document: refused
        with pytest.raises(TypeError, match=r"use ogpmodel\.load"):
            ogpmodel.from_dict(data)
    else:
        check_read(lambda: ogpmodel.from_dict(data))
    check_report(ogpmodel.validate(data, as_of=as_of))


class TestArbitraryJSON:
    @given(json_values, as_of_dates)
    def test_from_dict_and_validate_take_any_data(self, value: Any, as_of: Any) -> None:
        """Any JSON value (NaN, lone surrogates, plan keys at any depth) is read or refused."""
        check_data(value, as_of)

    @settings(max_examples=60)
    @given(st.dictionaries(st.sampled_from(PLAN_KEYS), json_values, min_size=5), as_of_dates)
    def test_any_plan_shaped_object(self, value: dict[str, Any], as_of: Any) -> None:
        """Objects with the plan's own keys reach the field checks; still read or refused."""
        check_data(dict(value, schema_version="1.0"), as_of)

    @given(json_values, as_of_dates)
    def test_any_json_text(self, value: Any, as_of: Any) -> None:
        """The JSON text of any value, as str and as UTF-8 bytes, is read or refused."""
        text = json.dumps(value)
        check_text(text, as_of)
        check_text(text.encode("utf-8", "surrogatepass"), as_of)

    @given(st.text(max_size=40) | st.binary(max_size=40), as_of_dates)
    @example("{", None)
    @example(b"\xef\xbb\xbf{}", None)
    @example("[" * 5000, None)
    @example('{"a": NaN}', None)
    @example('{"a": 1, "a": 2}', None)
    def test_any_text_or_bytes(self, data: str | bytes, as_of: Any) -> None:
        """Text and bytes that are mostly not JSON at all are refused with a report."""
        check_text(data, as_of, files=True)


# --- byte mutations of dumped valid plans --------------------------------------------------------


#: How many mutants each generated plan gives: generating a valid plan costs more than checking
#: a mutant, so each example checks several (fewer structural ones: most of them take the slow
#: path of a full schema report).
MUTANTS = 8
STRUCTURAL_MUTANTS = 4


def mutate_bytes(data: bytes, draw: st.DrawFn) -> bytes:
    """*data* with one to four bits flipped, bytes inserted or byte runs deleted."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(out)))
        kind = draw(st.sampled_from(["flip", "insert", "delete"]))
        if kind == "flip" and where < len(out):
            out[where] ^= 1 << draw(st.integers(0, 7))
        elif kind == "insert":
            out[where:where] = draw(
                st.binary(min_size=1, max_size=4)
                | st.sampled_from([b"{", b"}", b"[", b"]", b'"', b",", b":", b"\\", b"\xff", b"0"])
            )
        else:
            del out[where : where + draw(st.integers(1, 8))]
    return bytes(out)


@st.composite
def mutated_bytes(draw: st.DrawFn) -> list[bytes]:
    """Byte-level mutants of the UTF-8 bytes of one dumped valid plan."""
    data = ogpmodel.dumps(draw(action_plans())).encode("utf-8")
    return [mutate_bytes(data, draw) for _ in range(MUTANTS)]


class TestByteMutations:
    @settings(max_examples=20)
    @given(mutated_bytes(), as_of_dates)
    def test_mutated_bytes_are_read_or_refused(self, mutants: list[bytes], as_of: Any) -> None:
        """Flipped, inserted and deleted bytes never make a reader raise anything else."""
        for data in mutants:
            check_text(data, as_of, files=True)

    @settings(max_examples=15)
    @given(mutated_bytes(), as_of_dates)
    def test_mutated_text_is_read_or_refused(self, mutants: list[bytes], as_of: Any) -> None:
        """The same, decoded to text (bytes that are not UTF-8 become lone surrogates)."""
        for data in mutants:
            check_text(data.decode("utf-8", "surrogateescape"), as_of)


# --- structural mutations of valid documents -----------------------------------------------------

Path = tuple[str | int, ...]


def locations(value: Any, path: Path = ()) -> Iterator[Path]:
    """The path of every value inside *value* down to 30 levels (not the root), depth first."""
    if not isinstance(value, (dict, list)) or len(path) >= 30:
        return
    items: Any = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        yield (*path, key)
        yield from locations(item, (*path, key))


def parent(document: Any, path: Path) -> Any:
    """The container that holds the value at *path*."""
    for token in path[:-1]:
        document = document[token]
    return document


def mutate(document: dict[str, Any], draw: st.DrawFn) -> None:
    """Change *document* in place in one structural way at one place."""
    kind = draw(st.sampled_from(["delete", "replace", "duplicate", "wrap", "nest"]))
    paths = list(locations(document))
    if kind == "delete":
        keyed = [p for p in paths if isinstance(p[-1], str)]
        path = draw(st.sampled_from(keyed))
        del parent(document, path)[path[-1]]
    elif kind == "duplicate":
        listed = [p for p in paths if isinstance(p[-1], int)]
        if not listed:
            return
        path = draw(st.sampled_from(listed))
        holder = parent(document, path)
        holder.insert(path[-1], json.loads(json.dumps(holder[path[-1]])))
    else:
        path = draw(st.sampled_from(paths))
        holder = parent(document, path)
        old = holder[path[-1]]
        if kind == "replace":
            holder[path[-1]] = draw(json_values)
        elif kind == "wrap":
            holder[path[-1]] = [old]
        else:
            depth = draw(st.integers(1, 1200))
            shape = draw(st.sampled_from(["list", "object", "both"]))
            boxed = old
            for level in range(depth):
                in_list = shape == "list" or (shape == "both" and level % 2 == 0)
                boxed = [boxed] if in_list else {"x": boxed}
            holder[path[-1]] = boxed


@st.composite
def mutated_documents(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Mutants of one valid plan's document, each after one to three structural mutations."""
    original = draw(documents())
    mutants = []
    for _ in range(STRUCTURAL_MUTANTS):
        document = json.loads(json.dumps(original))
        for _ in range(draw(st.integers(1, 3))):
            mutate(document, draw)
        mutants.append(document)
    return mutants


def deep_extensions(depth: int) -> dict[str, Any]:
    """A small valid plan's document with objects nested *depth* deep under ``extensions``."""
    value: Any = 0
    for _ in range(depth):
        value = {"x": value}
    return {
        "schema_version": "1.0",
        "id": "demo-2024",
        "title": "Plan",
        "language": "es",
        "member": {"name": "Demo", "membership": "local", "country": "CL"},
        "period": {},
        "status": "planning",
        "commitments": [],
        "extensions": {"x": value},
    }


#: Found by these tests (the "nest" mutation under extensions); pinned as an explicit example so
#: that the mark holds in every Hypothesis profile. Hypothesis runs a test with a recursion limit
#: of about 2000 (not 1000), hence 900 levels here; tests/test_hostile_inputs.py has the details.
def _deep_text(depth: int) -> str:
    """The JSON text of `deep_extensions` (too deep for `json.dumps`)."""
    head = json.dumps({**deep_extensions(1), "extensions": None})[:-1]
    return (
        head.replace('"extensions": null', '"extensions": ' + '{"x": ' * depth + "0" + "}" * depth)
        + "}"
    )


class TestStructuralMutations:
    def test_objects_900_deep_under_extensions(self) -> None:
        """Too deep for Hypothesis to print as an example, so checked on its own."""
        check_data(deep_extensions(900), None)
        check_text(_deep_text(900), None)

    @settings(max_examples=10)
    @given(mutated_documents(), as_of_dates)
    def test_mutated_documents_are_read_or_refused(self, mutants: list[Any], as_of: Any) -> None:
        """Deleted keys, replaced values, duplicated items, wrapped and nested values."""
        for document in mutants:
            check_data(document, as_of)

    @settings(max_examples=8)
    @given(mutated_documents(), as_of_dates)
    def test_mutated_document_text_is_read_or_refused(self, mutants: list[Any], as_of: Any) -> None:
        """The same documents as JSON text: the parser's limits are findings, not exceptions."""
        for document in mutants:
            try:
                text = json.dumps(document)
            except RecursionError:  # the standard library cannot write it; nothing to read
                continue
            check_text(text, as_of)


class TestPlansTheAPIBuilds:
    @settings(max_examples=30)
    @given(action_plans(valid=False, max_depth=4), as_of_dates)
    def test_round_trip_repr_hash_validate(self, plan: ActionPlan, as_of: Any) -> None:
        """Every plan the model accepts round-trips, prints, hashes and validates."""
        check_plan(plan)
        check_report(ogpmodel.validate(plan, as_of=as_of))
        check_report(ogpmodel.validate(ogpmodel.dumps(plan), as_of=as_of))
