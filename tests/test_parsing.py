"""Tests for strict JSON text: where a duplicate key, a NaN or a number out of range is."""

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ogpmodel
from ogpmodel import InvalidDocument
from ogpmodel._parsing import JSONProblem, _locate, parse
from ogpmodel.report import Finding


def problem(text: str) -> Finding:
    """The one finding of *text*, which must not be strict JSON."""
    with pytest.raises(JSONProblem) as caught:
        parse(text)
    return caught.value.finding


def where(finding: Finding) -> tuple[str, object, object]:
    """The path, line and column of a finding."""
    return finding.path, finding.params["line"], finding.params["column"]


class TestDuplicateKeys:
    def test_the_second_occurrence_in_its_object(self) -> None:
        """The key's earlier uses elsewhere (as a key or a string) do not count."""
        text = (
            '{"id": "plan", "title": "id",\n'
            '  "commitments": [\n'
            '    {"id": "C1", "title": "x"},\n'
            '    {"id": "C2", "title": "y", "id": "C3"}\n'
            "  ]\n"
            "}"
        )
        finding = problem(text)
        assert "schema.invalid-json" == finding.code
        assert ("/commitments/1/id", 4, 32) == where(finding)
        assert "'id'" in finding.message

    def test_the_first_duplicate_in_the_text(self) -> None:
        """An inner object closes first, but the duplicate that comes first is reported."""
        text = '{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}'
        assert ("/b/c", 1, 24) == where(problem(text))

    def test_a_key_with_escapes(self) -> None:
        """A key written with escapes is the same key; its pointer is escaped (RFC 6901)."""
        text = '{"a/b": 1,\n"a\\/b": 2}'
        assert ("/a~1b", 2, 1) == where(problem(text))


class TestConstants:
    def test_not_the_text_inside_a_string(self) -> None:
        """The text NaN inside a string does not count; the NaN reported is the constant."""
        finding = problem('{"title": "NaN and Infinity",\n "score": NaN}')
        assert ("/score", 2, 11) == where(finding)
        assert "NaN is not a JSON number" in finding.message

    @pytest.mark.parametrize(
        ("text", "name", "expected"),
        [
            ('["-Infinity", -Infinity]', "-Infinity", ("/1", 1, 15)),
            ('{"x": ["Infinity", Infinity]}', "Infinity", ("/x/1", 1, 20)),
            ("NaN", "NaN", ("", 1, 1)),
        ],
    )
    def test_each_constant(self, text: str, name: str, expected: tuple[str, int, int]) -> None:
        """-Infinity is located at its sign."""
        finding = problem(text)
        assert expected == where(finding)
        assert f"{name} is not a JSON number" == finding.params["reason"]


class TestNumbers:
    @pytest.mark.parametrize("number", ["1e999999", "-1e400", "1" + "0" * 400 + ".5"])
    def test_out_of_range_is_refused(self, number: str) -> None:
        """A number Python would read as infinite is a finding with its path and position."""
        finding = problem('{"extensions": {"x": [1,\n  ' + number + "]}}")
        assert ("/extensions/x/1", 2, 3) == where(finding)
        assert "out of range" in finding.params["reason"]
        assert len(finding.params["reason"]) < 80  # a long number is shortened

    def test_too_many_digits_is_refused(self) -> None:
        """An integer longer than Python converts is a finding, never a raw ValueError."""
        finding = problem('{"n": ' + "1" + "0" * 4300 + "}")
        assert ("/n", 1, 7) == where(finding)
        assert "4301 digits" in finding.params["reason"]

    def test_loads_and_validate_report_them(self) -> None:
        """The public readers turn them into schema.invalid-json."""
        for text in ('{"n": 1e999999}', '{"n": ' + "9" * 5000 + "}"):
            with pytest.raises(InvalidDocument) as caught:
                ogpmodel.loads(text)
            assert {"schema.invalid-json"} == caught.value.report.codes
            assert {"schema.invalid-json"} == ogpmodel.validate(text.encode()).codes

    def test_small_and_long_numbers_are_fine(self) -> None:
        """Underflow, the longest integer allowed and ordinary numbers are read as before."""
        assert [0.0, 10**4299, 1.5, -2] == parse(f"[1e-999999, 1{'0' * 4299}, 1.5, -2]")


class TestDecoding:
    def test_column_counts_characters(self) -> None:
        """Bytes that are not UTF-8 are located in characters, after a byte-order mark."""
        data = b'\xef\xbb\xbf{"a": "\xc3\xa9\xe2\x82\xac",\n "b\xc3\xa9\xff": 1}'
        (finding,) = ogpmodel.validate(data).findings
        assert ("", 2, 5) == where(finding)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


class TestScanner:
    @given(value=json_values, indent=st.none() | st.integers(0, 2))
    def test_strict_json_has_no_problem(self, value: Any, indent: int | None) -> None:
        """The scanner finds nothing in JSON text that the fast path reads."""
        text = json.dumps(value, indent=indent, ensure_ascii=False)
        assert _locate(text) is None
        assert json.loads(text) == parse(text)

    @given(
        value=st.dictionaries(st.text(), json_values, min_size=1, max_size=4),
        depth=st.integers(0, 3),
    )
    def test_a_duplicate_is_found_where_it_is(self, value: dict[str, Any], depth: int) -> None:
        """A member repeated at the end of a nested object is located at its key."""
        key = next(iter(value))
        inner = json.dumps(value)[:-1] + ", " + json.dumps(key) + ": null}"
        text = '{"a": [' * depth + inner + "]}" * depth
        finding = problem(text)
        index = len('{"a": [' * depth) + len(json.dumps(value)) + 1
        assert ("/a/0" * depth + "/" + key.replace("~", "~0").replace("/", "~1")) == finding.path
        assert (1, index + 1) == (finding.params["line"], finding.params["column"])
