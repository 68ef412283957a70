"""
The Canadian tracker definition importer: the real 5th plan, and definitions of other plans.

The real definition (tests/fixtures/sources/canada-nap/nap5.yaml) converts into one bilingual
plan whose counts, dates and departments are checked against the source. Canada publishes every
plan in this format with other ids, counts and wording: `OTHER_PLAN` is a small definition of a
plan that is not the 5th, with the mess such files hold, and it converts just as well.
"""

import datetime
import json
import pathlib
from collections import Counter
from typing import Any

import pytest
import yaml

from ogpmodel.codelists import Completion
from ogpmodel.convert import Conversion, canada_nap, reader
from ogpmodel.model import ActionPlan
from ogpmodel.values import PartialDate, Period, Text
from tests.convert.support import SOURCES, assert_renders, assert_sound, codes, found, plan_of

REAL = SOURCES / "canada-nap" / "nap5.yaml"


def as_json(path: pathlib.Path) -> Any:
    """The YAML of *path* parsed and written as JSON, as a JSON tool would (dates as text)."""

    def default(value: object) -> str:
        assert isinstance(value, datetime.date)
        return value.isoformat()

    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=default))


@pytest.fixture(scope="module")
def real() -> Conversion:
    return canada_nap.read(REAL)


@pytest.fixture(scope="module")
def plan(real: Conversion) -> ActionPlan:
    return plan_of(real)


class TestRealDefinition:
    def test_levels(self, plan: ActionPlan) -> None:
        """5 commitments, 19 milestones, 106 indicators, nested by their codes' prefixes."""
        assert ["C01", "C02", "C03", "C04", "C05"] == [c.id for c in plan.commitments]
        milestones = [m for c in plan.commitments for m in c.milestones]
        indicators = [i for m in milestones for i in m.milestones]
        assert (19, 106) == (len(milestones), len(indicators))
        assert all(i.id.startswith(m.id + ".") for m in milestones for i in m.milestones)
        assert all(not i.milestones for i in indicators)

    def test_ids_as_published(self, plan: ActionPlan) -> None:
        """Padded and unpadded indicator ids stay as they are (C02.1.01 beside C01.1.1)."""
        ids = [i.id for _, i in plan.iter_milestones()]
        assert {"C02.1.01", "C01.1.1"} <= set(ids)
        assert "C02.1.1" not in ids

    def test_languages(self, plan: ActionPlan) -> None:
        """Every title and deadline is English and French; the plan's language is English."""
        assert "en" == plan.language
        texts = [c.title for c in plan.commitments] + [m.title for _, m in plan.iter_milestones()]
        texts += [m.deadline_note for _, m in plan.iter_milestones() if m.deadline_note]
        assert {("en", "fr")} == {t.languages for t in texts}
        assert "Justice" == plan.commitment("C04").title.get("fr")

    def test_plan(self, plan: ActionPlan) -> None:
        """The plan's years from its definition, its member, and no status made up."""
        assert "canada-nap5-2022-2024" == plan.id
        assert Period(PartialDate(2022), PartialDate(2024)) == plan.period
        assert ("Canada", "CA") == (str(plan.member.name), plan.member.country)
        assert plan.status is None
        assert {None} == {m.status for _, m in plan.iter_milestones()}
        assert Text("5th National Action Plan on Open Government Tracker") == plan.title

    def test_due_dates_and_deadlines(self, plan: ActionPlan) -> None:
        """The due date ends the indicator's period; its free-text deadline is its note."""
        indicator = plan.milestone("C01.2.1")
        assert Period(end=PartialDate(2024, 6)) == indicator.period
        assert Text({"en": "By June 2024", "fr": "D'ici juin 2024"}) == indicator.deadline_note
        # no due date, a deadline naming a month: that month, reported
        assert Period(end=PartialDate(2023, 12)) == plan.milestone("C03.1.2").period
        # both given and disagreeing: both kept as published
        disagreeing = plan.milestone("C05.2.07")
        assert PartialDate(2024, 3) == disagreeing.period.end  # type: ignore[union-attr]
        assert "By March 2023" == disagreeing.deadline_note.get("en")  # type: ignore[union-attr]

    def test_departments(self, plan: ActionPlan) -> None:
        """16 departments known by their slugs: lead first, then supporting; no name made up."""
        assert 16 == len(plan.stakeholders)
        assert {None} == {s.name for s in plan.stakeholders}
        assert all(s.acronym == s.id for s in plan.stakeholders)
        indicator = plan.milestone("C05.3.01")
        assert ("esdc-edsc", "statcan") == indicator.responsible_ids
        kept = indicator.extensions["canada_nap"]
        assert ("esdc-edsc", "statcan", False) == (
            kept["lead_dept"],
            kept["supt_sept"],
            kept["s4d"],
        )

    def test_the_example_record_is_a_marked_progress_report(self, plan: ActionPlan) -> None:
        """The template's example is a progress report of its indicator, marked as an example."""
        (report,) = plan.milestone("C01.1.1").progress
        assert PartialDate(2022, 3) == report.date
        assert Completion.SUBSTANTIAL is report.status
        assert {"en", "fr"} == set(report.text.languages)  # type: ignore[union-attr]
        assert str(report.evidence_note).startswith("Materials are still being drafted")
        assert report.challenges is not None
        assert {"example": True} == dict(report.extensions["canada_nap"])
        assert 1 == sum(len(m.progress) for _, m in plan.iter_milestones())

    def test_findings_are_what_the_data_deserves(self, real: Conversion) -> None:
        assert {
            "import.kept-in-extensions": 19,
            "import.id-padding": 3,
            "import.example-record": 1,
            "import.date-from-note": 1,
            "import.dates-disagree": 1,
        } == codes(real)
        padded = [
            (f.params["record"], f.params["example"]) for f in found(real, "import.id-padding")
        ]
        assert [
            ("milestones/C02.1", "C02.1.01"),
            ("milestones/C05.2", "C05.2.01"),
            ("milestones/C05.3", "C05.3.01"),
        ] == padded
        (derived,) = found(real, "import.date-from-note")
        assert ("indicators/C03.1.2", "2023-12") == (
            derived.params["record"],
            derived.params["date"],
        )
        (disagree,) = found(real, "import.dates-disagree")
        assert "indicators/C05.2.07" == disagree.params["record"]
        assert ("2024-03", "By March 2023") == (disagree.params["date"], disagree.params["other"])

    def test_findings_name_records_and_lines(self, real: Conversion) -> None:
        assert_renders(real)
        text = REAL.read_text(encoding="utf-8").splitlines()
        (derived,) = found(real, "import.date-from-note")
        assert "      C03.1.2:" == text[derived.params["line"] - 1]
        assert "/commitments/2/milestones/0/milestones/1" == derived.path

    def test_plan_is_sound(self, plan: ActionPlan) -> None:
        assert_sound(plan)

    def test_the_rest_is_kept_in_extensions(self, plan: ActionPlan) -> None:
        """The definition, without the choices that became the plan, is kept with the plan."""
        kept = plan.extensions["canada_nap"]
        (resource,) = kept["resources"]
        fields = {field["datastore_id"]: field for field in resource["fields"]}
        assert "choices" not in fields["indicators"]
        assert {"NS", "LP", "SP", "C"} == set(fields["status"]["choices"])
        assert "record" not in resource["examples"]
        assert "2022-12-07" == kept["template_updated"]
        assert "nap_trigger" in resource["triggers"][0]
        assert {"NS": "not_started", "LP": "limited", "SP": "substantial", "C": "complete"} == dict(
            kept["completion_of_status"]
        )

    def test_nothing_is_dropped(self, plan: ActionPlan) -> None:
        """Every value of every indicator is in its milestone, converted or kept."""
        document = yaml.safe_load(REAL.read_text(encoding="utf-8"))
        fields = {f["datastore_id"]: f for f in document["resources"][0]["fields"]}
        for code, choice in fields["indicators"]["choices"].items():
            indicator = plan.milestone(code)
            kept = indicator.extensions["canada_nap"]
            assert Text({"en": choice["en"], "fr": choice["fr"]}) == indicator.title
            assert Text(choice["deadline"]) == indicator.deadline_note
            for key in set(choice) - {"en", "fr", "deadline", "due_date"}:
                assert choice[key] == kept[key]
            if "due_date" in choice:
                assert PartialDate.parse(choice["due_date"]) == indicator.period.end  # type: ignore[union-attr]


class TestParsedForms:
    def test_json_form_gives_the_same_plan(self, plan: ActionPlan, tmp_path: pathlib.Path) -> None:
        """The same YAML parsed to JSON converts into the same plan, without line numbers."""
        path = tmp_path / "nap5.json"
        path.write_text(json.dumps(as_json(REAL)), encoding="utf-8")
        conversion = canada_nap.read(path)
        assert plan == plan_of(conversion)
        assert all("line" not in f.params for f in conversion.report.findings)

    def test_parsed_data(self, plan: ActionPlan) -> None:
        assert plan == plan_of(canada_nap.read(as_json(REAL)))

    def test_the_cleaned_extract_is_not_the_input(self) -> None:
        """A document without the 'resources' list is not a definition: no plan, one error."""
        conversion = canada_nap.read({"fields": [{"datastore_id": "commitments", "choices": {}}]})
        assert conversion.plan is None
        (error,) = conversion.report.findings
        assert "import.unreadable" == error.code
        assert "'resources'" in error.params["reason"]

    def test_the_registry_names_this_reader(self) -> None:
        assert canada_nap.read is reader("canada-nap")
        assert ["read"] == canada_nap.__all__ == dir(canada_nap)


# --- a definition of another plan ------------------------------------------------------------

OTHER_PLAN = """\
dataset_type: nap9
title: 9th National Action Plan on Open Government Tracker
template_updated: 2031-01-15
resources:
- title: 9th National Action Plan on Open Government Tracker
  resource_name: nap9
  fields:
  - datastore_id: reporting_period
    choices:
      2031-06: 2031-06
      2033-12: 2033-12
  - datastore_id: commitments
    description:
      en: The 3 commitments in the 2031-2033 National Action Plan on Open Government
      fr: Les 3 engagements du plan de 2031-2033
    choices:
      K7:
        en: Open <em>budgets</em>
        fr: Budgets ouverts
      K8:
        en: "Open courts  "
        fr: Tribunaux ouverts
      K9:
        en: ""
        fr: ""
  - datastore_id: milestones
    choices:
      K7.01:
        en: Publish the budget
        fr: Publier le budget
      K7.02:
        en: Explain the budget
      K8.1:
        en: Open hearings
        fr: Audiences ouvertes
      K5.1:
        en: A milestone of no commitment
        fr: Un jalon sans engagement
  - datastore_id: indicators
    choices:
      K7.01.1:
        en: Data published
        fr: Données publiées
        due_date: 2032-06
        deadline:
          en: By June 2032
          fr: D'ici juin 2032
        lead_dept: fin
      K7.01.2:
        en: Summary published
        fr: Résumé publié
        deadline:
          en: Fall 2025
          fr: Automne 2025
        lead_dept: [fin, tbs-sct]
      K7.02.1:
        en: Guide written
        fr: Guide rédigé
        deadline:
          en: March 2025
          fr: Mars 2025
        lead_dept: " tbs-sct"
      K8.1.001:
        en: Hearings streamed
        fr: Audiences diffusées
        due_date: soon
        deadline:
          en: By March 2032
          fr: D'ici avril 2032
        lead_dept: jus
        lead_dept: jus-just
      K6.1.1:
        en: An indicator of no milestone
        fr: Un indicateur sans jalon
        due_date: 2032-01
        lead_dept: fin
  - datastore_id: status
    choices:
      NS: {en: Not started, fr: Non commencé}
      C: {en: Complete, fr: Réalisé}
  examples:
    record:
      reporting_period: 2031-06
      commitments: K7
      milestones: K7.01
      indicators: K7.01.1
      status: XX
      progress_en: Drafted.
      progress_fr: Rédigé.
      evidence_en: See [the draft](/drafts/budget) and https://example.org/budget.
      evidence_fr: Voir https://example.org/budget.
      challenges: [CF, OT]
"""


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Conversion:
    path = tmp_path_factory.mktemp("nap9") / "nap9.yaml"
    path.write_text(OTHER_PLAN, encoding="utf-8")
    return canada_nap.read(path)


class TestAnotherPlan:
    def test_levels_and_ids(self, other: Conversion) -> None:
        """Other ids, other padding and other counts: nested the same way, ids as published."""
        plan = plan_of(other)
        assert ["K7", "K8", "K9"] == [c.id for c in plan.commitments]
        assert [["K7.01", "K7.02"], ["K8.1"], []] == [
            [m.id for m in c.milestones] for c in plan.commitments
        ]
        assert ["K7.01.1", "K7.01.2"] == [i.id for i in plan.milestone("K7.01").milestones]
        assert ["K8.1.001"] == [i.id for i in plan.milestone("K8.1").milestones]
        assert "canada-nap9-2031-2033" == plan.id
        assert Period(PartialDate(2031), PartialDate(2033)) == plan.period
        assert_sound(plan)

    def test_deadlines(self, other: Conversion) -> None:
        """A month is a date; a season is a note only; a missing due date is reported."""
        plan = plan_of(other)
        guide = plan.milestone("K7.02.1")
        assert Period(end=PartialDate(2025, 3)) == guide.period
        assert Text({"en": "March 2025", "fr": "Mars 2025"}) == guide.deadline_note
        summary = plan.milestone("K7.01.2")
        assert summary.period is None
        assert "Fall 2025" == summary.deadline_note.get("en")  # type: ignore[union-attr]
        (missing,) = found(other, "import.missing-date")
        assert "indicators/K7.01.2" == missing.params["record"]
        (derived,) = found(other, "import.date-from-note")
        assert ("indicators/K7.02.1", "2025-03") == (
            derived.params["record"],
            derived.params["date"],
        )

    def test_a_due_date_that_is_not_a_date(self, other: Conversion) -> None:
        plan = plan_of(other)
        hearings = plan.milestone("K8.1.001")
        assert hearings.period is None
        assert "soon" == hearings.extensions["canada_nap"]["due_date"]
        (bad,) = found(other, "import.bad-date")
        assert ("indicators/K8.1.001", "soon") == (bad.params["record"], bad.params["value"])
        (languages,) = found(other, "import.dates-disagree")
        assert ("deadline.en", "deadline.fr") == (
            languages.params["field"],
            languages.params["other_field"],
        )

    def test_departments(self, other: Conversion) -> None:
        """A list of departments where others give one; trimmed; deduplicated; a repeated key."""
        plan = plan_of(other)
        assert ("fin", "tbs-sct") == plan.milestone("K7.01.2").responsible_ids
        assert ("tbs-sct",) == plan.milestone("K7.02.1").responsible_ids
        assert ["fin", "tbs-sct", "jus-just"] == [s.id for s in plan.stakeholders]
        (mixed,) = found(other, "import.mixed-shapes")
        assert ("indicators/K7.01.2", "lead_dept") == (
            mixed.params["record"],
            mixed.params["field"],
        )
        (repeat,) = found(other, "import.duplicate-key")
        lines = [n for n, line in enumerate(OTHER_PLAN.splitlines(), 1) if "lead_dept: jus" in line]
        assert ("lead_dept", lines[1], lines[0]) == (
            repeat.params["key"],
            repeat.params["line"],
            repeat.params["first"],
        )
        assert ("jus-just",) == plan.milestone("K8.1.001").responsible_ids

    def test_titles(self, other: Conversion) -> None:
        """HTML kept and reported, spaces trimmed, one language kept, an empty title reported."""
        plan = plan_of(other)
        assert (
            Text({"en": "Open <em>budgets</em>", "fr": "Budgets ouverts"})
            == plan.commitment("K7").title
        )
        assert "Open courts" == plan.commitment("K8").title.get("en")
        assert Text({"en": "Explain the budget"}) == plan.milestone("K7.02").title
        assert Text("K9") == plan.commitment("K9").title
        assert ["commitments/K7"] == [f.params["record"] for f in found(other, "import.html")]
        trimmed = {(f.params["record"], f.params["field"]) for f in found(other, "import.trimmed")}
        assert {("commitments/K8", "en"), ("indicators/K7.02.1", "lead_dept")} == trimmed
        (one,) = found(other, "import.one-language")
        assert ("milestones/K7.02", ["fr"]) == (one.params["record"], list(one.params["missing"]))
        (empty,) = found(other, "import.empty-title")
        assert ("commitments/K9", "code") == (empty.params["record"], empty.params["used"])

    def test_orphans_are_kept(self, other: Conversion) -> None:
        plan = plan_of(other)
        orphans = plan.extensions["canada_nap"]["orphans"]
        assert ["K5.1"] == list(orphans["milestones"])
        assert ["K6.1.1"] == list(orphans["indicators"])
        assert {"milestones/K5.1", "indicators/K6.1.1"} == {
            f.params["record"] for f in found(other, "import.orphan")
        }

    def test_the_example_record(self, other: Conversion) -> None:
        """An unknown status is not recorded; a relative link stays text; the rest is kept."""
        (report,) = plan_of(other).milestone("K7.01.1").progress
        assert report.status is None
        assert ["https://example.org/budget"] == [str(link.url) for link in report.evidence]
        assert ["CF", "OT"] == list(report.extensions["canada_nap"]["challenges"])
        (unknown,) = found(other, "import.unknown-status")
        assert ["NS", "C"] == list(unknown.params["known"])
        (relative,) = found(other, "import.relative-link")
        assert "/drafts/budget" == relative.params["url"]

    def test_every_finding_renders(self, other: Conversion) -> None:
        assert_renders(other)
        assert [] == list(other.report.errors)
        assert Counter(
            {
                "import.kept-in-extensions": 6,
                "import.html": 1,
                "import.trimmed": 2,
                "import.one-language": 1,
                "import.empty-title": 1,
                "import.missing-date": 1,
                "import.date-from-note": 1,
                "import.bad-date": 1,
                "import.dates-disagree": 1,
                "import.mixed-shapes": 1,
                "import.duplicate-key": 1,
                "import.orphan": 2,
                "import.unknown-status": 1,
                "import.relative-link": 1,
                "import.example-record": 1,
                "import.id-padding": 2,
            }
        ) == codes(other)


def test_a_plan_without_dates_or_departments() -> None:
    """A definition whose indicators give only text (as the 4th plan's do) is reported on by nothing."""
    definition = {
        "dataset_type": "nap",
        "title": "National Action Plan on Open Government Tracker",
        "resources": [
            {
                "fields": [
                    {"datastore_id": "commitments", "choices": {"C01": {"en": "A", "fr": "A"}}},
                    {"datastore_id": "milestones", "choices": {"C01.1": {"en": "B", "fr": "B"}}},
                    {"datastore_id": "indicators", "choices": {"C01.1.1": {"en": "C", "fr": "C"}}},
                ]
            }
        ],
    }
    conversion = canada_nap.read(definition)
    plan = plan_of(conversion)
    assert () == plan.stakeholders
    assert plan.milestone("C01.1.1").period is None
    assert {"import.kept-in-extensions", "import.missing-date"} == set(codes(conversion))
    assert "canada-nap" == plan.id  # no years: no period, and the id says none
    assert Period() == plan.period


class TestUnreadable:
    @pytest.mark.parametrize(
        ("content", "place"),
        [
            ("resources: [\n  - fields: {", ":2:"),
            ("!!python/object/apply:os.system ['echo no']\n", ":1:"),
            ("- a list\n", ""),
            ("resources:\n- fields:\n  - datastore_id: status\n", ":1"),
            ("resources:\n- fields:\n  - datastore_id: commitments\n    choices: 7\n", ":3"),
        ],
    )
    def test_no_plan_and_one_error(self, tmp_path: pathlib.Path, content: str, place: str) -> None:
        """Bad YAML, a tag safe loading refuses, a wrong shape: one error naming file and line."""
        path = tmp_path / "plan.yaml"
        path.write_text(content, encoding="utf-8")
        conversion = canada_nap.read(path)
        assert conversion.plan is None
        (error,) = conversion.report.findings
        assert "import.unreadable" == error.code
        assert str(error.params["source"]).startswith(f"{path}{place}")

    def test_missing_file_and_bad_json(self, tmp_path: pathlib.Path) -> None:
        bad = tmp_path / "plan.json"
        bad.write_text('{"resources": [}', encoding="utf-8")
        for source, where in ((tmp_path / "missing.yaml", "missing.yaml"), (bad, "plan.json:1:")):
            conversion = canada_nap.read(source)
            assert conversion.plan is None
            (error,) = conversion.report.findings
            assert str(error.params["source"]).startswith(str(tmp_path / where))

    @pytest.mark.parametrize("source", [42, None, b"nap5", ["resources"]])
    def test_caller_errors_raise_type_error(self, source: Any) -> None:
        with pytest.raises(TypeError, match="a path or a mapping"):
            canada_nap.read(source)
