"""
The model and the published JSON Schema agree.

Every plan the model accepts dumps to JSON that the committed schema accepts, under two
independent validators; every document the schema accepts loads (or, for the one constraint the
schema cannot express, calendar validity of partial dates, yields findings); and documents
generated from the schema itself (hypothesis-jsonschema) never make `loads` raise anything but
`InvalidDocument`.
"""

import copy
import functools
import json
from typing import Any

import jsonschema
import jsonschema_rs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

import ogpmodel
from ogpmodel._resources import SUPPORTED_VERSIONS
from ogpmodel.strategies import bounded_schema, documents


@functools.cache
def python_validator() -> jsonschema.Draft202012Validator:
    """The reference validator, with format checks on (date)."""
    return jsonschema.Draft202012Validator(
        ogpmodel.schema(), format_checker=jsonschema.FormatChecker()
    )


@functools.cache
def rust_validator() -> Any:
    """An independent implementation, to prove the schema is portable."""
    return jsonschema_rs.validator_for(ogpmodel.schema(), validate_formats=True)


def fuzzing_schema() -> dict[str, Any]:
    """The published schema with milestone nesting cut at two levels (no recursion)."""
    return bounded_schema(2)


class TestModelToSchema:
    @given(documents(valid=False))
    def test_every_model_plan_is_schema_valid(self, document: dict[str, Any]) -> None:
        """Every plan the model accepts dumps to JSON both validators accept."""
        data = json.loads(json.dumps(document))
        errors = [e.message for e in python_validator().iter_errors(data)]
        assert [] == errors
        assert rust_validator().is_valid(data)

    @given(documents())
    def test_every_valid_plan_is_schema_valid(self, document: dict[str, Any]) -> None:
        """Valid plans of every stage are schema-valid too."""
        assert python_validator().is_valid(document)


# hypothesis-jsonschema needs several seconds per generated plan, so this one property runs fewer
# examples than the rest; each example checks a document and a mutation of it.
FUZZ = settings(
    max_examples=15,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
replacements = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=5)
    | st.lists(st.integers(), max_size=2)
)


class TestSchemaToModel:
    @FUZZ
    @given(from_schema(fuzzing_schema()), st.data())
    def test_schema_documents_and_their_mutations(
        self, document: dict[str, Any], data: st.DataObject
    ) -> None:
        """Schema-valid documents load; a mutated one gets the same verdict everywhere."""
        assert rust_validator().is_valid(document)
        try:
            plan = ogpmodel.from_dict(document)
        except ogpmodel.InvalidDocument as error:
            # The one constraint the schema cannot express: calendar validity of partial dates.
            codes = {(f.code, f.params.get("expected")) for f in error.report.findings}
            assert {("schema.format", "real_date")} == codes
        else:
            assert python_validator().is_valid(ogpmodel.to_dict(plan))

        key = data.draw(st.sampled_from(sorted(document)), label="key")
        mutated = {**document, key: data.draw(replacements, label="value")}
        findings: tuple[ogpmodel.Finding, ...] = ()
        try:
            ogpmodel.from_dict(mutated)
        except ogpmodel.InvalidDocument as error:
            findings = error.report.findings
        python, rust = python_validator().is_valid(mutated), rust_validator().is_valid(mutated)
        assert python == rust
        calendar_only = {f.params.get("expected") for f in findings} == {"real_date"}
        assert (not findings) == python or calendar_only


def _paths(value: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _mutate(document: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    mutated = copy.deepcopy(document)
    parent: Any = mutated
    for token in path[:-1]:
        parent = parent[token]
    if value is _DELETE and isinstance(parent, dict):
        del parent[path[-1]]
    elif value is not _DELETE:
        parent[path[-1]] = value
    return mutated


_DELETE = object()


class TestOneCheckTwoEngines:
    """The full report derives from the field kinds; the published schema agrees with it."""

    @settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
    @given(documents(valid=False), st.data())
    def test_the_kinds_check_finds_what_the_schema_finds(
        self, document: dict[str, Any], data: st.DataObject
    ) -> None:
        from ogpmodel._document import check
        from ogpmodel.schema import iter_schema_findings

        for _ in range(data.draw(st.integers(1, 3), label="defects")):
            paths = [p for p in _paths(document) if p]
            path = data.draw(st.sampled_from(paths), label="path")
            value = data.draw(
                st.just(_DELETE) | replacements | st.sampled_from(["bogus", "2023-02-30", ""]),
                label="value",
            )
            document = _mutate(document, path, value)
        ours = {(f.code, f.path) for f in check(document).findings}
        schemas = {(f.code, f.path) for f in iter_schema_findings(document)}
        if document.get("schema_version") not in (*SUPPORTED_VERSIONS, None):
            # Another version is not read further; the schema also reports its other errors.
            assert {("schema.version", "/schema_version")} == ours
            assert ours <= schemas
            return
        calendar = {
            (f.code, f.path)
            for f in check(document).findings
            if f.params.get("expected") == "real_date"
        }
        # The same places; at a place where the schema reports a type and a format error, the
        # full report gives the type error alone.
        assert ours - calendar <= schemas
        assert {p for _, p in schemas} == {p for _, p in ours - calendar}

    @given(
        st.one_of(
            replacements,
            st.just({}),
            st.dictionaries(
                st.sampled_from(["en", "es-CL", "", "x y", "123"]),
                st.one_of(replacements, st.sampled_from(["https://ogp.example/a", "a b", ""])),
                max_size=3,
            ),
            st.sampled_from(["https://ogp.example/plan", "ftp://x", "", "a b", "plan.pdf"]),
        )
    )
    def test_a_url_or_a_map_of_urls_gets_the_same_findings(self, url: Any) -> None:
        """A link's url, a union of kinds, gets the same findings, params too, from both."""
        from ogpmodel._document import check
        from ogpmodel.schema import iter_schema_findings

        document = {**_PLAN, "links": [{"url": url}]}

        def found(findings: Any) -> list[tuple[str, str, str]]:
            return sorted((f.code, f.path, json.dumps(dict(f.params))) for f in findings)

        expected = found(check(document).findings)
        assert expected == found(iter_schema_findings(document))


#: A valid plan, for what one field of it is checked against.
_PLAN: dict[str, Any] = {
    "schema_version": ogpmodel.SCHEMA_VERSION,
    "id": "plan-1",
    "title": "Plan",
    "language": "en",
    "member": {"name": "A member", "membership": "local", "country": "CL"},
    "period": {"start": "2025", "end": "2027"},
    "status": "planning",
    "commitments": [],
}
