"""
OGP JSON 1.1 is a compatible minor version of 1.0, and the upgrade path proves it.

Documents are drawn from the published 1.0 schema itself (hypothesis-jsonschema), so that the
properties hold for every 1.0 document, not only for those the model would write: each is a
valid 1.1 document once upgraded, with the same meaning (`loads` reads the same plan from both),
and a 1.0 document is still checked as 1.0 defines it (a field 1.1 added is unknown there).
"""

import copy
import functools
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

import ogpmodel
from ogpmodel._document import check
from ogpmodel.schema import iter_schema_findings
from ogpmodel.strategies import bounded_schema

#: A field OGP JSON 1.1 added, in each place a document may hold it, with a valid value.
ADDED_IN_1_1: tuple[tuple[tuple[str | int, ...], str, Any], ...] = (
    ((), "base_url", "https://open.example.org/"),
    (("member",), "extensions", {}),  # not new: the control, accepted by both versions
)


def one_zero_schema() -> dict[str, Any]:
    """The published 1.0 schema with milestone nesting cut at two levels (no recursion)."""
    return bounded_schema(2, version="1.0")


@functools.cache
def validator(version: str) -> jsonschema.Draft202012Validator:
    """The reference validator of the published schema of *version*."""
    return jsonschema.Draft202012Validator(
        ogpmodel.schema(version=version), format_checker=jsonschema.FormatChecker()
    )


SLOW = settings(
    max_examples=5,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)


class TestEveryOneZeroDocument:
    # hypothesis-jsonschema needs seconds per document: one property checks both sides of it.
    @SLOW
    @given(from_schema(one_zero_schema()), st.sampled_from(ADDED_IN_1_1))
    def test_upgrades_losslessly_and_is_checked_as_one_zero(
        self, document: dict[str, Any], added: tuple[tuple[str | int, ...], str, Any]
    ) -> None:
        """
        upgrade() gives a 1.1-valid document; both versions read into the same plan.

        And a 1.1 field in the 1.0 document is unknown there: the check and the 1.0 schema agree.
        """
        upgraded = ogpmodel.upgrade(document)
        assert upgraded["schema_version"] == "1.1"
        assert {k: v for k, v in upgraded.items() if k != "schema_version"} == {
            k: v for k, v in document.items() if k != "schema_version"
        }
        assert [e.message for e in validator("1.1").iter_errors(upgraded)] == []
        try:
            plan = ogpmodel.from_dict(document)
        except ogpmodel.InvalidDocument as error:
            # The one rule no schema expresses (calendar validity): the same in both versions.
            codes = {(f.code, f.params.get("expected")) for f in error.report.findings}
            assert {("schema.format", "real_date")} == codes
            with pytest.raises(ogpmodel.InvalidDocument):
                ogpmodel.from_dict(upgraded)
        else:
            assert ogpmodel.from_dict(upgraded) == plan  # null and absent mean the same
        self.check_as_one_zero(document, added)

    @staticmethod
    def check_as_one_zero(
        document: dict[str, Any], added: tuple[tuple[str | int, ...], str, Any]
    ) -> None:
        """The 1.0 document with a field *added*: the check and the 1.0 schema agree."""
        where, name, value = added
        mutated = copy.deepcopy(document)
        parent: Any = mutated
        for token in where:
            parent = parent[token]
        parent[name] = value
        ours = {(f.code, f.path) for f in check(mutated).findings}
        schemas = {(f.code, f.path) for f in iter_schema_findings(mutated)}
        calendar = {
            (f.code, f.path)
            for f in check(mutated).findings
            if f.params.get("expected") == "real_date"
        }
        assert ours - calendar <= schemas
        unknown = ("schema.additional-property", "/base_url")
        assert (unknown in ours) == (unknown in schemas) == (name == "base_url")
        if name == "base_url":  # the same document, upgraded, may carry it
            upgraded = {(f.code, f.path) for f in check(ogpmodel.upgrade(mutated)).findings}
            assert unknown not in upgraded


class TestVersionsAreNamed:
    def test_an_unknown_version_names_the_supported_ones(self) -> None:
        """loads, validate and upgrade refuse another version with schema.version."""
        document = {"schema_version": "2.0", "id": "x"}
        report = ogpmodel.validate(document)
        (finding,) = report.errors
        assert (finding.code, finding.path) == ("schema.version", "/schema_version")
        assert list(finding.params["supported"]) == ["1.0", "1.1"]
        with pytest.raises(ogpmodel.InvalidDocument) as raised:
            ogpmodel.upgrade(document)
        assert [f.code for f in raised.value.report.findings] == ["schema.version"]

    @given(st.one_of(st.none(), st.integers(), st.text(max_size=4), st.lists(st.integers())))
    def test_upgrade_refuses_whatever_is_not_a_version(self, version: object) -> None:
        """Any schema_version but a supported one is an InvalidDocument, never a crash."""
        if version in ogpmodel.SUPPORTED_VERSIONS:
            return
        with pytest.raises(ogpmodel.InvalidDocument):
            ogpmodel.upgrade({"schema_version": version})

    def test_upgrade_never_goes_back(self) -> None:
        """A 1.1 document cannot be 'upgraded' to 1.0, and an unknown target is a caller error."""
        with pytest.raises(ogpmodel.InvalidDocument):
            ogpmodel.upgrade({"schema_version": "1.1"}, to="1.0")
        with pytest.raises(ValueError, match="supported versions"):
            ogpmodel.upgrade({"schema_version": "1.0"}, to="9.9")
        with pytest.raises(ogpmodel.InvalidDocument):
            ogpmodel.upgrade(["not", "an", "object"])  # type: ignore[arg-type]

    def test_upgrade_copies_any_nesting_without_recursion(self) -> None:
        """A deeply nested extension is copied whole, and the input is left as it was."""
        deep: Any = {}
        node = deep
        for _ in range(50_000):
            node["x"] = {}
            node = node["x"]
        document = {"schema_version": "1.0", "extensions": deep}
        upgraded = ogpmodel.upgrade(document)
        assert upgraded["extensions"] is not deep
        assert document["schema_version"] == "1.0"

    @pytest.mark.parametrize(
        ("change", "code", "path"),
        [
            (
                lambda d: d["commitments"][0].pop("status"),
                "schema.required",
                "/commitments/0/status",
            ),
            (
                lambda d: d["commitments"][0].update(grand_challenge="creating_safer_communities"),
                "schema.additional-property",
                "/commitments/0/grand_challenge",
            ),
            (
                lambda d: d["links"].append({"url": "/relative"}),
                "schema.format",
                "/links/0/url",
            ),
        ],
        ids=["status-required", "field-added-later", "relative-url"],
    )
    def test_a_one_zero_document_keeps_the_rules_of_one_zero(
        self, change: Any, code: str, path: str
    ) -> None:
        """What 1.1 relaxed is still an error in a document that says it is 1.0."""
        from tests.test_fixtures import MAIPU_1_0

        document = json.loads(MAIPU_1_0.read_text(encoding="utf-8"))
        document["links"] = []
        change(document)
        found = {(f.code, f.path) for f in ogpmodel.validate(document).errors}
        assert (code, path) in found
        upgraded = ogpmodel.upgrade(document)
        assert (code, path) not in {(f.code, f.path) for f in ogpmodel.validate(upgraded).errors}
