"""Complete reports: every problem of a document at once, and the rules on what could be read."""

import copy
import datetime
import itertools
import json
import pathlib
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import ogpmodel
from ogpmodel import Limits
from ogpmodel._json import MAX_DEPTH as EXTENSIONS_DEPTH

ROOT = pathlib.Path(__file__).resolve().parent.parent
#: A real plan (the bundled Maipú example), with two commitments given milestones and periods.
BASE: dict[str, Any] = json.loads((ROOT / "examples" / "maipu-2023-2024.json").read_text())

Defect = Callable[[dict[str, Any]], tuple[str, str]]


def document() -> dict[str, Any]:
    return copy.deepcopy(BASE)


def bad_code(doc: dict[str, Any]) -> tuple[str, str]:
    doc["commitments"][0]["status"] = "implementaton"
    return "schema.enum", "/commitments/0/status"


def unreadable_commitment(doc: dict[str, Any]) -> None:
    """Commitment 0 loses its required title, so it cannot be read at all."""
    doc["commitments"][0]["title"] = "  "


def impossible_date(doc: dict[str, Any]) -> tuple[str, str]:
    doc["period"]["start"] = "2023-02-30"
    return "schema.format", "/period/start"


def unknown_field(doc: dict[str, Any]) -> tuple[str, str]:
    doc["commitments"][1]["titel"] = "x"
    return "schema.additional-property", "/commitments/1/titel"


def missing_field(doc: dict[str, Any]) -> tuple[str, str]:
    del doc["stakeholders"][0]["sector"]
    return "schema.required", "/stakeholders/0/sector"


def wrong_type(doc: dict[str, Any]) -> tuple[str, str]:
    doc["commitments"][2]["ogp_values"] = "access_to_information"
    return "schema.type", "/commitments/2/ogp_values"


def duplicate_id(doc: dict[str, Any]) -> tuple[str, str]:
    doc["commitments"][3]["id"] = doc["commitments"][1]["id"]
    return "id.duplicate", "/commitments/3/id"


def unknown_reference(doc: dict[str, Any]) -> tuple[str, str]:
    doc["commitments"][1]["lead_ids"] = ["nobody-at-all"]
    return "reference.unknown-stakeholder", "/commitments/1/lead_ids/0"


def reversed_period(doc: dict[str, Any]) -> tuple[str, str]:
    doc["commitments"][2]["period"] = {"start": "2024-06", "end": "2024-01"}
    return "period.end-before-start", "/commitments/2/period/end"


DEFECTS: tuple[Defect, ...] = (
    bad_code,
    impossible_date,
    unknown_field,
    missing_field,
    wrong_type,
    duplicate_id,
    unknown_reference,
    reversed_period,
)


def reported(doc: dict[str, Any]) -> set[tuple[str, str]]:
    return {(f.code, f.path) for f in ogpmodel.validate(doc).findings}


def test_the_base_has_none_of_the_defects() -> None:
    found = reported(document())
    assert not any(defect(document()) in found for defect in DEFECTS)


COMBINATIONS = [combo for size in (2, 3) for combo in itertools.combinations(DEFECTS, size)]


@pytest.mark.parametrize(
    "defects", COMBINATIONS, ids=lambda combo: "+".join(d.__name__ for d in combo)
)
def test_every_defect_is_reported(defects: tuple[Defect, ...]) -> None:
    """Two or three defects of different kinds: each is in the one report, at its place."""
    doc = document()
    expected = {defect(doc) for defect in defects}
    assert expected <= reported(doc)


def test_the_report_says_what_the_rules_could_not_check() -> None:
    doc = document()
    unreadable_commitment(doc)
    report = ogpmodel.validate(doc)
    (unchecked,) = report.by_code("schema.unchecked")
    assert unchecked.params["paths"] == ("/commitments/0",)
    assert ogpmodel.Severity.INFO is unchecked.severity


def test_a_reference_to_an_unreadable_entity_is_not_unknown() -> None:
    doc = document()
    unreadable_commitment(doc)
    doc["assessments"] = [
        {
            "type": "irm_review",
            "date": "2024",
            "commitment_id": doc["commitments"][0]["id"],
            "product": "design_report",
        }
    ]
    assert "reference.unknown-commitment" not in ogpmodel.validate(doc).codes


def test_a_verdict_on_entities_with_errors_is_not_given() -> None:
    """
    A forum or endorsement naming a stakeholder with an error is not judged without it.

    Civil society's stakeholder cannot be read (a bad sector), so the rules cannot tell that
    the forum has a member from outside government or that civil society endorsed the plan;
    the part is listed as unchecked instead of reported as missing.
    """
    doc = document()
    doc["forum"]["member_ids"] = ["municipalidad-maipu", "fundacion-tribu"]
    doc["endorsements"] = [{"stakeholder_id": "fundacion-tribu", "date": "2023-01-20"}]
    judged = {"plan.forum-not-multistakeholder", "plan.not-endorsed"}
    assert not judged & set(ogpmodel.validate(doc).codes)
    (tribu,) = (s for s in doc["stakeholders"] if s["id"] == "fundacion-tribu")
    tribu["sector"] = "civil_societi"
    codes = set(ogpmodel.validate(doc).codes)
    assert {"schema.enum", "schema.unchecked"} <= codes
    assert not judged & codes
    # read as a government body, it is a verdict the rules can give, and they give it
    tribu["sector"] = "government"
    assert judged <= set(ogpmodel.validate(doc).codes)


def test_paths_of_rule_findings_point_into_the_document() -> None:
    doc = document()
    unreadable_commitment(doc)  # commitment 0 is left out: the others keep their indices
    found = reported(doc)
    duplicate_id(doc)
    assert ("id.duplicate", "/commitments/3/id") in reported(doc)
    assert found


def test_a_bad_optional_status_leaves_the_rest_to_check() -> None:
    """Since 1.1 a status may be absent: a bad one is left out, not its commitment."""
    doc = document()
    bad_code(doc)
    report = ogpmodel.validate(doc)
    (unchecked,) = report.by_code("schema.unchecked")
    assert unchecked.params["paths"] == ("/commitments/0/status",)


def test_a_plan_field_error_leaves_nothing_to_check() -> None:
    doc = document()
    doc["member"]["membership"] = "locale"
    report = ogpmodel.validate(doc)
    assert report.by_code("schema.unchecked")[0].params["paths"] == ("/",)
    assert {"schema.enum", "schema.unchecked"} == report.codes


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


class TestLimits:
    def test_deep_extensions(self) -> None:
        doc = document()
        deep: Any = []
        for _ in range(900):
            deep = [deep]
        doc["extensions"] = {"deep": deep}
        report = ogpmodel.validate(json.dumps(doc))
        assert "limits.depth" in report.codes
        with pytest.raises(ogpmodel.InvalidDocument):
            ogpmodel.loads(json.dumps(doc))

    def test_string_length(self) -> None:
        doc = document()
        longest = max(len(s) for s in _strings(doc))
        doc["description"] = "x" * (longest + 1)
        report = ogpmodel.validate(doc, limits=Limits(max_string_length=longest))
        assert [("limits.string-length", "/description")] == [
            (f.code, f.path) for f in report.errors if f.code.startswith("limits.")
        ]

    def test_items(self) -> None:
        doc = document()
        report = ogpmodel.validate(doc, limits=Limits(max_items=2))
        assert "limits.items" in report.codes

    def test_document_size(self) -> None:
        text = json.dumps(document())
        report = ogpmodel.validate(text, limits=Limits(max_bytes=100))
        assert ["limits.document-size"] == [f.code for f in report.findings]

    def test_a_long_bad_code_is_shortened(self) -> None:
        doc = document()
        doc["status"] = "x" * 1_000_000
        (finding,) = ogpmodel.validate(doc).errors
        assert finding.code == "schema.enum"
        assert len(finding.message) < 400
        assert "1,000,000 characters" in finding.message

    def test_a_string_beyond_the_limit_is_not_read(self) -> None:
        doc = document()
        doc["status"] = "x" * (Limits().max_string_length + 1)
        assert ["limits.string-length"] == [f.code for f in ogpmodel.validate(doc).errors]

    def test_the_defaults_are_ten_times_the_real_plans(self) -> None:
        fixtures = sorted((ROOT / "tests" / "fixtures").glob("*.json"))
        assert fixtures
        for path in fixtures:
            text = path.read_text(encoding="utf-8")
            assert 10 * len(text.encode()) <= Limits().max_bytes
            report = ogpmodel.validate(text, limits=Limits(max_bytes=10 * len(text.encode())))
            assert not {c for c in report.codes if c.startswith("limits.")}


def test_a_deadline_after_the_last_day_is_never_due() -> None:
    doc = document()
    doc["submitted_on"] = "9999-11-15"
    report = ogpmodel.validate(doc, as_of=datetime.date(2024, 1, 1))
    assert "validation.rule-failed" not in report.codes


def test_a_failing_rule_is_a_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    from ogpmodel import _catalogue

    def broken(ctx: Any) -> list[Any]:
        raise ZeroDivisionError("boom")

    rule = _catalogue.get_rule("plan.no-forum")
    monkeypatch.setitem(_catalogue._RULES, rule.code, attrs.evolve(rule, check=broken))
    monkeypatch.setattr(_catalogue, "_ordered", {})  # the catalogue's order is cached
    report = ogpmodel.validate(document())
    (failed,) = report.by_code("validation.rule-failed")
    assert failed.params["rule"] == "plan.no-forum"
    assert "ZeroDivisionError: boom" in failed.message


class TestNesting:
    @staticmethod
    def chain(levels: int) -> ogpmodel.Milestone:
        milestone = ogpmodel.Milestone(
            id=f"m{levels}", title=ogpmodel.Text("x"), status=ogpmodel.MilestoneStatus.PLANNED
        )
        for level in range(levels - 1, 0, -1):
            milestone = ogpmodel.Milestone(
                id=f"m{level}",
                title=ogpmodel.Text("x"),
                status=ogpmodel.MilestoneStatus.PLANNED,
                milestones=(milestone,),
            )
        return milestone

    def test_the_deepest_milestones_the_api_builds_round_trip(self) -> None:
        deepest = self.chain(ogpmodel.MAX_MILESTONE_DEPTH)
        plan = ogpmodel.loads(json.dumps(BASE))
        commitment = attrs.evolve(plan.commitments[0], milestones=(deepest,))
        plan = attrs.evolve(plan, commitments=(commitment, *plan.commitments[1:]))
        plan = attrs.evolve(plan, extensions={"deep": _nested(EXTENSIONS_DEPTH - 1)})
        assert ogpmodel.loads(ogpmodel.dumps(plan)) == plan
        assert hash(plan) == hash(ogpmodel.loads(ogpmodel.dumps(plan)))
        assert repr(plan)
        assert ogpmodel.validate(plan).findings is not None

    def test_deeper_milestones_are_refused_when_built(self) -> None:
        with pytest.raises(ogpmodel.InvalidValue, match="nested at most"):
            self.chain(ogpmodel.MAX_MILESTONE_DEPTH + 1)

    def test_deeper_extensions_are_refused_when_built(self) -> None:
        with pytest.raises(ogpmodel.InvalidValue, match="nested at most"):
            ogpmodel.Goal(
                id="g", text=ogpmodel.Text("x"), extensions={"deep": _nested(EXTENSIONS_DEPTH)}
            )

    @pytest.mark.parametrize("levels", [40, 200, 2000])
    def test_deeper_milestones_in_a_document_are_a_finding(self, levels: int) -> None:
        doc = document()
        milestone: dict[str, Any] = {"id": "x", "title": "x", "status": "planned"}
        for _ in range(levels):
            milestone = {"id": "x", "title": "x", "status": "planned", "milestones": [milestone]}
        doc["commitments"][0]["milestones"] = [milestone]
        text = json.dumps(doc) if levels < 400 else _dumps_deep(doc)
        report = ogpmodel.validate(text)
        assert "limits.depth" in report.codes
        with pytest.raises(ogpmodel.InvalidDocument):
            ogpmodel.loads(text)


def _nested(levels: int) -> Any:
    value: Any = []
    for _ in range(levels - 1):
        value = [value]
    return value


def _dumps_deep(value: Any) -> str:
    """JSON text of a value too deep for `json.dumps`."""
    stack: list[Any] = [value]
    out: list[str] = []
    while stack:
        item = stack.pop()
        if isinstance(item, _Raw):
            out.append(item.text)
        elif isinstance(item, dict):
            parts: list[Any] = [_Raw("{")]
            for i, (k, v) in enumerate(item.items()):
                parts += [_Raw(("," if i else "") + json.dumps(k) + ":"), v]
            parts.append(_Raw("}"))
            stack.extend(reversed(parts))
        elif isinstance(item, list):
            parts = [_Raw("[")]
            for i, v in enumerate(item):
                parts += ([_Raw(",")] if i else []) + [v]
            parts.append(_Raw("]"))
            stack.extend(reversed(parts))
        else:
            out.append(json.dumps(item))
    return "".join(out)


class _Raw:
    def __init__(self, text: str) -> None:
        self.text = text
