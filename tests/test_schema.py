"""Tests for ogpmodel.schema: the generated, committed and packaged JSON Schemas."""

import json
import pathlib
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from typing import Any

import attrs
import jsonschema
import jsonschema_rs
import pytest
from tasks.generate import outputs

import ogpmodel
from ogpmodel import ActionPlan
from ogpmodel.codelists import CODELISTS
from ogpmodel.schema import SCHEMA_ID, generate_schema
from tests.builders import complete_local_plan, minimal_plan

ROOT = pathlib.Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "schemas" / "1.1" / "action-plan.schema.json"

# The keywords of JSON Schema Draft 2020-12 (core, applicator, validation, unevaluated, format
# annotation, meta-data, content): a portable schema uses no other.
STANDARD_KEYWORDS = {
    "$schema", "$id", "$ref", "$defs", "$comment", "$anchor", "$dynamicRef", "$dynamicAnchor",
    "$vocabulary", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas",
    "prefixItems", "items", "contains", "properties", "patternProperties", "additionalProperties",
    "propertyNames", "unevaluatedItems", "unevaluatedProperties", "type", "enum", "const",
    "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
    "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
    "maxProperties", "minProperties", "required", "dependentRequired", "format", "title",
    "description", "default", "deprecated", "readOnly", "writeOnly", "examples",
    "contentEncoding", "contentMediaType", "contentSchema",
}  # fmt: skip


def subschemas(node: Any) -> Iterator[dict[str, Any]]:
    """Every schema object inside a schema (not the values of properties/$defs maps themselves)."""
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key in ("properties", "$defs", "patternProperties", "dependentSchemas"):
                for child in value.values():
                    yield from subschemas(child)
            elif key in ("allOf", "anyOf", "oneOf", "prefixItems"):
                for child in value:
                    yield from subschemas(child)
            elif isinstance(value, dict) and key not in ("const", "default", "examples", "enum"):
                yield from subschemas(value)


class TestGeneratedFiles:
    @pytest.mark.parametrize("path", sorted(outputs()), ids=lambda p: str(p.relative_to(ROOT)))
    def test_committed_file_is_current(self, path: pathlib.Path) -> None:
        """Each generated file equals what the generator writes now (run `make schema` if not)."""
        render = outputs()[path]
        assert path.exists(), f"{path} is missing: run `make schema`"
        assert render() == path.read_text(encoding="utf-8"), f"{path} is stale: run `make schema`"


class TestSchemaDocument:
    def test_is_a_valid_draft_2020_12_schema(self) -> None:
        """The committed schema passes the Draft 2020-12 meta-schema."""
        schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]

    def test_has_a_stable_id(self) -> None:
        """The $id names the version and the file."""
        assert SCHEMA_ID == ogpmodel.schema()["$id"]
        assert SCHEMA_ID.endswith("/1.1/action-plan.schema.json")

    def test_public_accessor_returns_a_copy(self) -> None:
        """ogpmodel.schema() returns the packaged schema, and changing it changes nothing."""
        first = ogpmodel.schema()
        first["title"] = "changed"
        assert json.loads(COMMITTED.read_text(encoding="utf-8")) == ogpmodel.schema()

    def test_report_schema_is_packaged(self) -> None:
        """The report schema is available by name and is itself valid."""
        report_schema = ogpmodel.schema("report")
        jsonschema.Draft202012Validator.check_schema(report_schema)
        assert report_schema["$id"].endswith("/1.1/report.schema.json")

    def test_uses_only_standard_keywords(self) -> None:
        """No custom keyword appears, so strict validators accept the schema."""
        used = {key for node in subschemas(generate_schema()) for key in node}
        assert set() == used - STANDARD_KEYWORDS

    def test_only_the_date_format_is_used(self) -> None:
        """Validation never depends on optional format checks other than 'date'."""
        formats = {node["format"] for node in subschemas(generate_schema()) if "format" in node}
        assert {"date"} == formats

    def test_every_field_and_code_has_a_title_and_description(self) -> None:
        """Every property and every codelist code carries a title and a description."""
        schema = generate_schema()
        for node in (schema, *schema["$defs"].values()):
            for name, prop in node.get("properties", {}).items():
                assert prop.get("title"), name
                assert prop.get("description"), name
            for branch in node.get("anyOf", ()):
                if "const" in branch:
                    assert branch.get("title"), branch
                    assert branch.get("description"), branch

    def test_codelists_match_the_enums(self) -> None:
        """Each codelist $def lists exactly the codes of its enum, in order."""
        defs = generate_schema()["$defs"]
        for enum in CODELISTS.values():
            assert [c.value for c in enum] == [b["const"] for b in defs[enum.__name__]["anyOf"]]

    def test_required_fields_match_the_model(self) -> None:
        """The root's required list is the plan's fields without defaults plus the contract's."""
        required = set(generate_schema()["required"])
        no_default = {a.name for a in attrs.fields(ActionPlan) if a.default is attrs.NOTHING}
        assert no_default | {"schema_version", "commitments"} == required

    def test_patterns_compile(self) -> None:
        """Every pattern compiles in Python and avoids Python-only syntax."""
        for node in subschemas(generate_schema()):
            if "pattern" in node:
                re.compile(node["pattern"])
                assert not re.search(r"\\[AZz]|\(\?P|\(\?<[a-z]", node["pattern"]), node["pattern"]


class TestPortability:
    """The schema accepts and refuses the same documents under two independent validators."""

    @staticmethod
    def verdicts(document: object) -> tuple[bool, bool]:
        schema = ogpmodel.schema()
        python = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        rust = jsonschema_rs.validator_for(schema, validate_formats=True)
        return python.is_valid(document), rust.is_valid(document)

    def test_valid_plans_pass_both(self) -> None:
        """A complete plan and a minimal one are valid under both validators."""
        for plan in (complete_local_plan(), minimal_plan()):
            assert (True, True) == self.verdicts(ogpmodel.to_dict(plan))

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("language", "es\n"),
            ("language", "español"),
            ("id", "-x"),
            ("title", "   "),
            ("title", {"en": " ", "es": ""}),
            ("title", {}),
            ("status", "Planning"),
            ("submitted_on", "2023-02-30"),
            ("submitted_on", "20230101"),
            ("period", {"start": "2023-13"}),
            ("period", {"start": "0000"}),
            ("links", [{"url": "www.example.org/a plan"}]),
            ("links", [{"url": {"en": "https://x.org", "fr": "ftp://x.org"}}]),
            ("stakeholders", [{"id": "a b", "name": "A", "kind": "group", "sector": "other"}]),
            ("member", {"name": "M", "membership": "local", "country": "ZZ"}),
        ],
    )
    def test_broken_documents_fail_both(self, field: str, value: object) -> None:
        """Each broken document is refused by both validators (and by the library)."""
        document = ogpmodel.to_dict(minimal_plan())
        document[field] = value
        assert (False, False) == self.verdicts(document)
        with pytest.raises(ogpmodel.InvalidDocument):
            ogpmodel.from_dict(document)


class TestPackaging:
    def test_wheel_carries_the_data_files(self, tmp_path: pathlib.Path) -> None:
        """The built wheel contains the schemas, the codelist CSVs and py.typed."""
        subprocess.run(
            [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        (wheel,) = tmp_path.glob("*.whl")
        names = set(zipfile.ZipFile(wheel).namelist())
        expected = {
            "ogpmodel/py.typed",
            "ogpmodel/schemas/1.0/action-plan.schema.json",
            "ogpmodel/schemas/1.0/report.schema.json",
            "ogpmodel/schemas/1.0/codelists/plan-status.csv",
            "ogpmodel/schemas/1.0/codelists/country.csv",
            "ogpmodel/schemas/1.1/action-plan.schema.json",
            "ogpmodel/schemas/1.1/report.schema.json",
            "ogpmodel/schemas/1.1/codelists/grand-challenge.csv",
        }
        assert set() == expected - names
        assert not any(name.startswith("tests/") for name in names)
