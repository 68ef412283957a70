"""Tests of the published data: the rule catalogue and the lifecycle tables as JSON, with schemas."""

import copy
import datetime
import json
import pathlib
import string
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs
import jsonschema
import jsonschema_rs
import pytest
from tasks.generate import outputs

import ogpmodel
from ogpmodel.codelists import PlanStatus, codelist_name
from ogpmodel.lifecycle import PLAN, TABLES, Kind, Table, tables_json
from ogpmodel.rules import get_rule, rules
from ogpmodel.schema import (
    LIFECYCLE_SCHEMA_ID,
    RULES_SCHEMA_ID,
    SCHEMA_ID,
    generate_lifecycle_data,
    generate_lifecycle_schema,
    generate_rules_data,
    generate_rules_schema,
)

ROOT = pathlib.Path(__file__).resolve().parents[1]
FOLDER = ROOT / "schemas" / ogpmodel.SCHEMA_VERSION
GENERATORS: Mapping[str, Callable[[], dict[str, Any]]] = {
    "rules.json": generate_rules_data,
    "rules.schema.json": generate_rules_schema,
    "lifecycle.json": generate_lifecycle_data,
    "lifecycle.schema.json": generate_lifecycle_schema,
}
LANGUAGES = list(ogpmodel.codelists.LANGUAGES)
#: Each data file and its schema.
PAIRS = {"rules.json": "rules.schema.json", "lifecycle.json": "lifecycle.schema.json"}


def committed(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FOLDER / name).read_text(encoding="utf-8"))
    return data


def is_valid(data: object, schema_name: str) -> bool:
    return jsonschema.Draft202012Validator(committed(schema_name)).is_valid(data)


def object_schemas(node: object) -> Iterator[dict[str, Any]]:
    """Every schema of an object with properties, at any depth."""
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            yield node
        for value in node.values():
            yield from object_schemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from object_schemas(value)


class TestFiles:
    @pytest.mark.parametrize("name", GENERATORS)
    def test_make_schema_writes_the_file(self, name: str) -> None:
        """`make schema` writes the file beside the action-plan schema, so a drift test covers it."""
        assert FOLDER / name in outputs()
        assert (FOLDER / "action-plan.schema.json") in outputs()

    @pytest.mark.parametrize("name", GENERATORS)
    def test_committed_file_equals_the_generator(self, name: str) -> None:
        """The committed file holds what its generator returns now (run `make schema` if not)."""
        assert GENERATORS[name]() == committed(name), f"{name} is stale: run `make schema`"

    def test_wheel_carries_the_files(self, tmp_path: pathlib.Path) -> None:
        """The built wheel ships the four files beside the action-plan schema."""
        subprocess.run(
            [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        (wheel,) = tmp_path.glob("*.whl")
        names = set(zipfile.ZipFile(wheel).namelist())
        folder = f"ogpmodel/schemas/{ogpmodel.SCHEMA_VERSION}"
        assert set() == {f"{folder}/{name}" for name in GENERATORS} - names


class TestSchemas:
    @pytest.mark.parametrize(("schema_name", "schema_id"), [
        ("rules.schema.json", RULES_SCHEMA_ID),
        ("lifecycle.schema.json", LIFECYCLE_SCHEMA_ID),
    ])  # fmt: skip
    def test_is_a_draft_2020_12_schema_with_its_id(self, schema_name: str, schema_id: str) -> None:
        """Each schema passes the meta-schema; its $id sits beside the action-plan schema's."""
        schema = committed(schema_name)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
        assert schema_id == schema["$id"]
        assert SCHEMA_ID.rsplit("/", 1)[0] + "/" + schema_name == schema["$id"]

    @pytest.mark.parametrize("schema_name", PAIRS.values())
    def test_objects_are_closed_and_described(self, schema_name: str) -> None:
        """Every object refuses unknown fields, and every field has a description."""
        nodes = list(object_schemas(committed(schema_name)))
        assert len(nodes) >= 3
        for node in nodes:
            assert False is node["additionalProperties"], node.get("title")
            for name, prop in node["properties"].items():
                assert prop.get("description"), name

    @pytest.mark.parametrize(("data_name", "schema_name"), PAIRS.items())
    def test_data_conforms_under_two_validators(self, data_name: str, schema_name: str) -> None:
        """Each data file is valid against its schema, in python-jsonschema and in jsonschema-rs."""
        data, schema = committed(data_name), committed(schema_name)
        jsonschema.Draft202012Validator(schema).validate(data)
        assert jsonschema_rs.validator_for(schema).is_valid(data)
        assert schema["$id"] == data["$schema"]


def _drop(path: tuple[str | int, ...]) -> Callable[[Any], None]:
    def mutate(data: Any) -> None:
        *parents, last = path
        for key in parents:
            data = data[key]
        del data[last]

    return mutate


def _put(path: tuple[str | int, ...], value: object) -> Callable[[Any], None]:
    def mutate(data: Any) -> None:
        *parents, last = path
        for key in parents:
            data = data[key]
        data[last] = value

    return mutate


def _first_stage_dependent() -> int:
    return next(i for i, r in enumerate(rules(include_transition_only=True)) if r.stage_dependent)


BROKEN_RULES = {
    "a rule without a code": _drop(("rules", 0, "code")),
    "a code that is not 'prefix.kebab-name'": _put(("rules", 0, "code"), "Schema_Type"),
    "an unknown severity": _put(("rules", 0, "severity"), "fatal"),
    "an unknown family": _put(("rules", 0, "family"), "style"),
    "a title without Spanish": _drop(("rules", 0, "title", "es")),
    "a message in an unknown language": _put(("rules", 0, "message", "de"), "Fehler"),
    "an empty message": _put(("rules", 0, "message", "en"), ""),
    "an unknown field on a rule": _put(("rules", 0, "severity_default"), "error"),
    "stage dependence without the severity by stage": _drop(
        ("rules", _first_stage_dependent(), "severity_by_stage")
    ),
    "a severity by stage on a rule of one severity": _put(
        ("rules", 0, "severity_by_stage"), dict.fromkeys((s.value for s in PlanStatus), "error")
    ),
    "a severity by stage without a stage": _drop(
        ("rules", _first_stage_dependent(), "severity_by_stage", "withdrawn")
    ),
    "no rules": _put(("rules",), []),
    "another OGP JSON version": _put(("schema_version",), "0.9"),
    "an ogpmodel version": _put(("ogpmodel_version",), "0.1.0"),
}

BROKEN_LIFECYCLE = {
    "a transition to an unknown state": _put(("tables", "plan", "transitions", 0, "to"), "done"),
    "a commitment moving to a plan state": _put(
        ("tables", "commitment", "transitions", 0, "to"), "submitted"
    ),
    "a transition without note_required": _drop(
        ("tables", "milestone", "transitions", 0, "note_required")
    ),
    "a guard that is not a code": _put(("tables", "plan", "transitions", 1, "guards"), ["ok"]),
    "a table without its codelist": _drop(("tables", "plan", "codelist")),
    "a table of another kind's codelist": _put(("tables", "plan", "codelist"), "commitment-status"),
    "no milestone table": _drop(("tables", "milestone")),
    "a guard without a description": _put(("guards", "lifecycle.note-required"), {}),
    "a guard described in one language": _drop(
        ("guards", "lifecycle.note-required", "description", "es")
    ),
}


class TestBrokenCopies:
    """A schema refuses a copy of its data with one thing broken."""

    @pytest.mark.parametrize("mutate", BROKEN_RULES.values(), ids=BROKEN_RULES)
    def test_rules_schema_refuses(self, mutate: Callable[[Any], None]) -> None:
        data = copy.deepcopy(committed("rules.json"))
        assert is_valid(data, "rules.schema.json")
        mutate(data)
        assert not is_valid(data, "rules.schema.json")

    @pytest.mark.parametrize("mutate", BROKEN_LIFECYCLE.values(), ids=BROKEN_LIFECYCLE)
    def test_lifecycle_schema_refuses(self, mutate: Callable[[Any], None]) -> None:
        data = copy.deepcopy(committed("lifecycle.json"))
        assert is_valid(data, "lifecycle.schema.json")
        mutate(data)
        assert not is_valid(data, "lifecycle.schema.json")


class TestRules:
    def test_every_rule_once_in_catalogue_order(self) -> None:
        """Every code of the registry appears once, in catalogue order, transition-only included."""
        codes = [r["code"] for r in committed("rules.json")["rules"]]
        assert [r.code for r in rules(include_transition_only=True)] == codes
        assert len(set(codes)) == len(codes)
        assert "lifecycle.submission-requirements-unmet" in codes

    def test_each_rule_as_the_registry_holds_it(self) -> None:
        """Severity, family, source, flags, title and message in every language match the Rule."""
        data = committed("rules.json")
        assert LANGUAGES == data["languages"]
        published = {r["code"]: r for r in data["rules"]}
        for rule in rules(include_transition_only=True):
            entry = published[rule.code]
            expected = {
                "severity": rule.severity.value,
                "family": rule.family,
                "source": rule.source,
                "stage_dependent": rule.stage_dependent,
                "local_only": rule.local_only,
                "needs_as_of": rule.needs_as_of,
                "transition_only": rule.transition_only,
            }
            assert expected == {key: entry[key] for key in expected}, rule.code
            assert {lang: rule.title[lang] for lang in LANGUAGES} == entry["title"]
            assert {lang: rule.messages[lang] for lang in LANGUAGES} == entry["message"]

    def test_severity_by_stage(self) -> None:
        """A stage-dependent rule lists the severity of every stage; other rules list none."""
        published = {r["code"]: r for r in committed("rules.json")["rules"]}
        for rule in rules(include_transition_only=True):
            by_stage = published[rule.code].get("severity_by_stage")
            if rule.stage_dependent:
                assert {s.value: rule.severity_for(s).value for s in PlanStatus} == by_stage
                assert "warning" == by_stage["co_creation"]
                assert "error" == by_stage["submitted"]
            else:
                assert by_stage is None, rule.code


def render(
    rule: Mapping[str, Any], data: Mapping[str, Any], params: Mapping[str, Any], lang: str
) -> str:
    """A message rendered from rules.json alone, as its schema describes (what a tool would do)."""

    def value(name: str, conversion: str | None) -> str:
        if name not in params:
            if name == "hint":
                nearest = params.get("nearest")
                return (
                    " " + data["did_you_mean"][lang].format(nearest=repr(nearest))
                    if nearest
                    else ""
                )
            return "?"
        v = params[name]
        if name in data["translated_params"] and isinstance(v, str) and v in data["vocabulary"]:
            v = data["vocabulary"][v][lang]
        if isinstance(v, (list, tuple)):
            v = ", ".join(repr(item) if isinstance(item, str) else str(item) for item in v)
        return repr(v) if conversion == "r" else str(v)

    return "".join(
        text + ("" if name is None else value(name, conversion))
        for text, name, _, conversion in string.Formatter().parse(rule["message"][lang])
    )


#: A document with an unknown code and field (each with a nearest valid name) and a wrong type.
BROKEN_DOCUMENT = json.dumps(
    {
        "schema_version": ogpmodel.SCHEMA_VERSION,
        "id": "x",
        "language": "es",
        "title": "T",
        "status": "submited",
        "member": {"name": "M", "membership": "local", "country": "CL"},
        "periode": {"start": "2023"},
        "commitments": [{"id": "c", "title": "C", "status": "planned", "milestones": [7]}],
    }
)


class TestMessages:
    @staticmethod
    def findings() -> list[ogpmodel.Finding]:
        plan = ogpmodel.load(ROOT / "examples" / "maipu-2023-2024.json")
        found = [*ogpmodel.validate(plan, as_of=datetime.date(2030, 1, 1)).findings]
        found += ogpmodel.validate(BROKEN_DOCUMENT).findings
        return found

    def test_the_data_renders_every_message_as_the_library_does(self) -> None:
        """From rules.json alone, the findings' messages come out as the library renders them."""
        data = committed("rules.json")
        published = {r["code"]: r for r in data["rules"]}
        findings = self.findings()
        assert {"schema.enum", "schema.additional-property", "schema.type"} <= {
            f.code for f in findings
        }
        for finding in findings:
            rule = published[finding.code]
            assert set(finding.params) >= set(rule["params"]) - {"nearest"}, finding.code
            for lang in data["languages"]:
                expected = finding.render(lang)
                assert expected == render(rule, data, finding.params, lang), finding.code


def transitions_of(table: Table[Any]) -> list[dict[str, Any]]:
    """The transitions of *table*, read from its attributes."""
    return [
        {
            "from": t.from_.value,
            "to": t.to.value,
            "guards": list(t.guards),
            "note_required": t.note_required,
            "sets": list(t.sets),
        }
        for t in table.transitions
    ]


def table_mismatches(data: Mapping[str, Any], tables: Mapping[Kind, Table[Any]]) -> list[str]:
    """The kinds whose published table differs from *tables* (states, ends, transitions)."""
    published = data["tables"]
    return [
        kind
        for kind, table in tables.items()
        if kind not in published
        or published[kind]["states"] != [s.value for s in table.states]
        or published[kind]["initial"] != table.initial.value
        or set(published[kind]["terminal"]) != {s.value for s in table.terminal}
        or published[kind]["guards"] != list(table.guards)
        or published[kind]["transitions"] != transitions_of(table)
    ] + sorted(set(published) - set(tables))


class TestLifecycle:
    def test_tables_equal_the_lifecycle_tables(self) -> None:
        """The published states, ends and transitions are those of lifecycle.TABLES."""
        assert [] == table_mismatches(committed("lifecycle.json"), TABLES)

    def test_a_changed_table_is_caught(self) -> None:
        """Tables with one transition fewer, or one more kind, differ from the published data."""
        data = committed("lifecycle.json")
        fewer = {**TABLES, "plan": attrs.evolve(PLAN, transitions=PLAN.transitions[:-1])}
        assert ["plan"] == table_mismatches(data, fewer)
        del data["tables"]["milestone"]
        assert ["milestone"] == table_mismatches(data, TABLES)

    def test_tables_are_the_export_with_their_codelists(self) -> None:
        """Each table is tables_json()'s, plus the codelist of its states, packaged beside it."""
        tables = committed("lifecycle.json")["tables"]
        for kind, table in tables.items():
            assert codelist_name(TABLES[kind].states) == table.pop("codelist")
            assert (FOLDER / "codelists" / f"{codelist_name(TABLES[kind].states)}.csv").exists()
        assert tables_json() == tables

    def test_every_guard_is_described(self) -> None:
        """Every check and guard the tables name has its rule's title in every language."""
        data = committed("lifecycle.json")
        named = {
            code
            for table in data["tables"].values()
            for code in [*table["checks"], *table["guards"]]
            + [g for t in table["transitions"] for g in t["guards"]]
        }
        assert named == set(data["guards"])
        for code, guard in data["guards"].items():
            title = get_rule(code).title
            assert {lang: title[lang] for lang in data["languages"]} == guard["description"]
