"""
The bundled example and the real-data fixtures: they load, round-trip, validate, and keep their facts.

- ``examples/maipu-2023-2024.json``: Maipú's OGP Local plan 2023-2024, from the public record;
- ``tests/fixtures/us-nap5.json`` and ``tests/fixtures/canada-nap5.json``: two national trackers
  (see ``tests/fixtures/SOURCE.md``).

Rule findings about missing content are expected in all three (they show what the public record
lacks) and are not pinned; only structural findings would be bugs.
"""

import datetime
import functools
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import ogpmodel
from ogpmodel import (
    ActionPlan,
    CommitmentStatus,
    MilestoneStatus,
    OGPValue,
    PartialDate,
    Period,
    PlanStatus,
    Text,
)

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schemas" / "1.1" / "action-plan.schema.json"
#: The Maipú example as OGP JSON 1.0 published it, before 1.1.
MAIPU_1_0 = ROOT / "tests" / "fixtures" / "maipu-1.0.json"
MAIPU = ROOT / "examples" / "maipu-2023-2024.json"
US = ROOT / "tests" / "fixtures" / "us-nap5.json"
CANADA = ROOT / "tests" / "fixtures" / "canada-nap5.json"
SHARED = ROOT.parent / "shared"

DOCUMENTS = [
    pytest.param(MAIPU, id="maipu"),
    pytest.param(US, id="us-nap5"),
    pytest.param(CANADA, id="canada-nap5"),
]

#: Finding codes that no committed document may produce.
STRUCTURAL_PREFIXES = ("schema.", "reference.")
STRUCTURAL_CODES = ("id.duplicate",)


@functools.cache
def text_of(path: Path) -> str:
    """The committed text of a document (read once)."""
    return path.read_text(encoding="utf-8")


@functools.cache
def plan_of(path: Path) -> ActionPlan:
    """The plan of a committed document (loaded once; plans are immutable)."""
    return ogpmodel.load(path)


def data_of(path: Path) -> Any:
    """A fresh copy of the committed document's JSON data."""
    return json.loads(text_of(path))


@functools.cache
def validator() -> Draft202012Validator:
    """A validator of the committed JSON Schema, checking formats too."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def run_task(*args: str) -> subprocess.CompletedProcess[str]:
    """Run a script under ``tasks/`` with this interpreter, from the repository root."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize("path", DOCUMENTS)
class TestEveryDocument:
    def test_loads(self, path: Path) -> None:
        """The document loads into an ActionPlan of OGP JSON 1.1."""
        plan = ogpmodel.loads(text_of(path))
        assert isinstance(plan, ActionPlan)
        assert plan.schema_version == "1.1"

    def test_plan_round_trips(self, path: Path) -> None:
        """loads(dumps(plan)) gives back an equal plan."""
        plan = plan_of(path)
        assert ogpmodel.loads(ogpmodel.dumps(plan)) == plan

    def test_json_round_trips_exactly(self, path: Path) -> None:
        """Dumping the loaded plan gives exactly the file's JSON data."""
        assert json.loads(ogpmodel.dumps(ogpmodel.loads(text_of(path)))) == data_of(path)

    def test_file_is_what_dump_writes(self, path: Path) -> None:
        """The file is byte for byte what ogpmodel.dump writes (indent 2, UTF-8, final newline)."""
        assert text_of(path) == ogpmodel.dumps(plan_of(path), indent=2) + "\n"

    def test_validates_against_committed_schema(self, path: Path) -> None:
        """The file is valid against schemas/1.1/action-plan.schema.json (Draft 2020-12)."""
        errors = [
            f"{error.json_path}: {error.message}"
            for error in validator().iter_errors(data_of(path))
        ]
        assert errors == []

    def test_no_structural_findings(self, path: Path) -> None:
        """Validation reports no schema, reference or duplicate-id finding."""
        report = ogpmodel.validate(plan_of(path), as_of=datetime.date(2025, 1, 1))
        structural = [
            (finding.code, finding.path)
            for finding in report.findings
            if finding.code.startswith(STRUCTURAL_PREFIXES) or finding.code in STRUCTURAL_CODES
        ]
        assert structural == []

    def test_status_agrees_with_history(self, path: Path) -> None:
        """A plan with a history has the status its last event moved to."""
        plan = plan_of(path)
        if plan.history:
            assert plan.status is plan.history[-1].to


class TestMaipuExample:
    @pytest.fixture
    def plan(self) -> ActionPlan:
        """The bundled Maipú example."""
        return plan_of(MAIPU)

    def test_plan_facts(self, plan: ActionPlan) -> None:
        """The plan keeps its documented id, member, language, title, period and submission day."""
        assert plan.id == "maipu-chile-2023-2024"
        assert plan.language == "es"
        assert plan.title == Text({"en": "Action plan \u2013 Maipú, Chile, 2023 \u2013 2024"})
        assert plan.member.country == "CL"
        assert plan.member.name == Text("Maipú")
        assert plan.period == Period(PartialDate.parse("2023"), PartialDate.parse("2024-08"))
        assert plan.submitted_on == datetime.date(2023, 1, 31)

    def test_lifecycle_has_only_documented_events(self, plan: ActionPlan) -> None:
        """The history holds the submission (2023-01-31) and the launch (2023-03-30) only."""
        events = [(e.from_, e.to, e.date) for e in plan.history]
        assert events == [
            (PlanStatus.CO_CREATION, PlanStatus.SUBMITTED, datetime.date(2023, 1, 31)),
            (PlanStatus.SUBMITTED, PlanStatus.IMPLEMENTATION, datetime.date(2023, 3, 30)),
        ]
        assert plan.status is PlanStatus.IMPLEMENTATION

    def test_four_commitments_one_documented_ogp_id(self, plan: ActionPlan) -> None:
        """The four commitments are kept; only CLMPU0001 carries an OGP id."""
        ids = [c.id for c in plan.commitments]
        assert ids == ["maipu-eclac-1", "CLMPU0001", "maipu-eclac-3", "maipu-eclac-4"]
        assert plan.commitment("maipu-eclac-4").title == Text({"en": "More and Be…"})

    def test_clmpu0001(self, plan: ActionPlan) -> None:
        """CLMPU0001 keeps its documented titles, value, period and planned status."""
        commitment = plan.commitment("CLMPU0001")
        assert commitment.title == Text(
            {
                "es": "Maipú, una Comuna de Niños, Niñas y Adolescentes",
                "en": "Maipú, a Commune for Children and Adolescents",
            }
        )
        assert commitment.ogp_values == (OGPValue.CIVIC_PARTICIPATION,)
        assert commitment.period == Period(
            PartialDate.parse("2023-03"), PartialDate.parse("2024-08")
        )
        assert commitment.status is CommitmentStatus.PLANNED
        assert commitment.problem is not None
        assert commitment.status_quo is None

    def test_nothing_undocumented_is_filled_in(self, plan: ActionPlan) -> None:
        """No milestones, commitment leads or assessments: the public record has none."""
        assert list(plan.iter_milestones()) == []
        assert all(not c.lead_ids for c in plan.commitments)
        assert plan.assessments == ()
        assert plan.forum is not None
        assert plan.forum.member_ids == ()

    def test_directorates_belong_to_the_municipality(self, plan: ActionPlan) -> None:
        """The four lead directorates are part of the municipality."""
        for directorate in ("secpla", "daoga", "dipresec", "dideco"):
            assert plan.stakeholder(directorate).parent_id == "municipalidad-maipu"

    def test_provenance_is_recorded(self, plan: ActionPlan) -> None:
        """The root extensions list the sources and the notes on what was left absent."""
        example = plan.extensions["ogpmodel_example"]
        assert len(example["sources"]) == 4
        assert all(source.startswith("https://") for source in example["sources"])
        assert example["notes"]


class TestUsFixture:
    @pytest.fixture
    def plan(self) -> ActionPlan:
        """The U.S. 5th National Action Plan fixture."""
        return plan_of(US)

    def test_commitments(self, plan: ActionPlan) -> None:
        """The 36 commitments US0113 to US0148 are kept in order."""
        assert [c.id for c in plan.commitments] == [f"US{n:04d}" for n in range(113, 149)]

    def test_milestones(self, plan: ActionPlan) -> None:
        """The 70 sub-commitments are milestones with their published ids."""
        ids = [m.id for _, m in plan.iter_milestones()]
        assert len(ids) == 70
        assert ids[:8] == [f"US0113.{n}" for n in range(1, 8)] + ["US0114.0"]
        assert ids[-1] == "US0148.0"
        assert len(plan.commitment("US0113").milestones) == 7

    def test_statuses(self, plan: ActionPlan) -> None:
        """Sub-commitments have the tracker's statuses; commitments and the plan record none."""
        milestones = Counter(m.status for _, m in plan.iter_milestones())
        assert milestones == {
            MilestoneStatus.COMPLETED: 33,
            MilestoneStatus.IN_PROGRESS: 36,
            MilestoneStatus.PLANNED: 1,
        }
        assert plan.milestone("US0118.2").status is MilestoneStatus.PLANNED
        assert {c.status for c in plan.commitments} == {None}
        assert plan.status is None
        (info,) = [f for f in ogpmodel.validate(plan).findings if f.code == "status.unrecorded"]
        assert info.params["count"] == 37

    def test_descriptions_and_site_links(self, plan: ActionPlan) -> None:
        """A sub-commitment's longer text is its description; its page resolves on the site."""
        described = [m.id for _, m in plan.iter_milestones() if m.description is not None]
        assert described == ["US0116.2", "US0137.4"]
        milestone = plan.milestone("US0113.1")
        (page,) = milestone.links
        assert page.is_relative
        assert plan.url_of(page) == "https://open.usa.gov/national-action-plan/5/US0113-1/"

    def test_the_repeated_title_is_reported(self, plan: ActionPlan) -> None:
        """US0116.2 has the title of US0116.1 in the source: the one repeat the tracker holds."""
        found = [f for f in ogpmodel.validate(plan).findings if f.code == "milestone.duplicate"]
        assert [(f.params["id"], f.params["commitment"]) for f in found] == [("US0116.2", "US0116")]

    def test_text_kept_as_published(self, plan: ActionPlan) -> None:
        """Trailing spaces and HTML stay in the text."""
        title = plan.milestone("US0113.1").title
        assert str(title).endswith("National Science and Technology Council.  ")
        august, february = plan.milestone("US0113.1").progress
        assert august.date == PartialDate.parse("2023-08")
        assert '<a href="https://www.whitehouse.gov/' in str(august.text)
        assert february.date == PartialDate.parse("2024-02")
        assert str(february.text).startswith("Progress Update:")

    def test_agency_hierarchy(self, plan: ActionPlan) -> None:
        """A two-line agency is an office with its parent; the raw string is kept."""
        milestone = plan.milestone("US0113.1")
        (office,) = plan.resolve(milestone.responsible_ids)
        assert office.name == Text("Office of Science and Technology Policy")
        assert office.parent_id is not None
        assert plan.stakeholder(office.parent_id).name == Text("Executive Office of the President")
        assert milestone.extensions["us_nap5"]["commitment_agency"] == (
            "Executive Office of the President <br> Office of Science and Technology Policy"
        )

    def test_theme_in_extensions(self, plan: ActionPlan) -> None:
        """The plan's theme of a commitment is kept in its extensions."""
        extension = plan.commitment("US0113").extensions["us_nap5"]
        assert extension["theme"] == "Improve Access to Government Data, Research, and Information"
        assert extension["theme_slug"] == (
            "improve-access-to-government-data-research-and-information"
        )


class TestCanadaFixture:
    @pytest.fixture
    def plan(self) -> ActionPlan:
        """Canada's 5th National Action Plan fixture."""
        return plan_of(CANADA)

    def test_levels(self, plan: ActionPlan) -> None:
        """5 commitments, 19 milestones and 106 indicators nested under the milestones."""
        assert [c.id for c in plan.commitments] == ["C01", "C02", "C03", "C04", "C05"]
        milestones = [m for c in plan.commitments for m in c.milestones]
        indicators = [i for m in milestones for i in m.milestones]
        assert len(milestones) == 19
        assert len(indicators) == 106
        assert all(not i.milestones for i in indicators)
        assert len(list(plan.iter_milestones())) == 125

    def test_no_status_is_recorded(self, plan: ActionPlan) -> None:
        """No progress data is in the source, so no status is recorded, and none is made up."""
        assert plan.status is None
        assert {c.status for c in plan.commitments} == {None}
        assert {m.status for _, m in plan.iter_milestones()} == {None}

    def test_departments_are_known_by_their_acronyms(self, plan: ActionPlan) -> None:
        """The tracker names each department by its bilingual acronym only: no name is made up."""
        assert {s.name for s in plan.stakeholders} == {None}
        assert all(s.acronym == s.id for s in plan.stakeholders)
        codes = {f.code for f in ogpmodel.validate(plan).findings}
        assert "stakeholder.unnamed" not in codes

    def test_parent_milestones_take_their_dates_from_their_indicators(
        self, plan: ActionPlan
    ) -> None:
        """The 19 milestones have no dates of their own; their dated indicators are checked."""
        found = {f.code for f in ogpmodel.validate(plan).findings}
        assert "milestone.no-end-date" not in found

    def test_c03_1_text_kept_verbatim_in_both_languages(self, plan: ActionPlan) -> None:
        """The English and French texts of C03.1 are kept exactly as published."""
        title = plan.milestone("C03.1").title
        assert title.get("en") == (
            "Pursuant to the Budget 2022 commitment the Government of Canada will implement a"
            " public and searchable beneficial ownership registry by the end of 2023. The registry"
            " will cover federally regulated corporations and will be scalable to allow access to"
            " the beneficial ownership data held by provinces and territories that agree to"
            " participate in a national registry"
        )
        assert title.get("fr") == (
            "Conformément à l'engagement qu'il a pris dans le budget 2022, le gouvernement du"
            " Canada mettra en place un registre public et consultable des bénéficiaires effectifs"
            " d'ici la fin de 2023. Le registre visera les sociétés sous réglementation fédérale et"
            " pourra être élargi pour permettre l'accès aux données sur la propriété effective"
            " détenues par les provinces et les territoires qui acceptent de participer à un"
            " registre national"
        )

    def test_indicator_dates_and_departments(self, plan: ActionPlan) -> None:
        """An indicator's due date is its period end, its deadline a note, its departments ids."""
        indicator = plan.milestone("C01.1.1")
        assert indicator.period == Period(end=PartialDate.parse("2023-12"))
        assert indicator.deadline_note == Text({"en": "By 2023", "fr": "D'ici 2023"})
        assert indicator.responsible_ids == ("nrcan-rncan",)
        undated = plan.milestone("C03.1.2")
        assert undated.period is None
        assert undated.deadline_note is not None
        assert plan.milestone("C02.1.01").id == "C02.1.01"  # zero padding kept

    def test_supporting_departments(self, plan: ActionPlan) -> None:
        """The 19 indicators with a supporting department name two stakeholders."""
        two = [m for _, m in plan.iter_milestones() if len(m.responsible_ids) == 2]
        assert len(two) == 19
        assert all(m.extensions["canada_nap5"]["supt_sept"] == m.responsible_ids[1] for m in two)


class TestGenerators:
    def test_maipu_example_is_current(self) -> None:
        """tasks/build_maipu_example.py writes exactly the committed example."""
        result = run_task("tasks/build_maipu_example.py", "--check")
        assert result.returncode == 0, result.stderr

    @pytest.mark.skipif(
        not (SHARED / "data").is_dir(), reason="the source data (../shared/data) is not present"
    )
    def test_tracker_fixtures_are_current(self) -> None:
        """tasks/import_trackers.py writes exactly the committed fixtures."""
        result = run_task("tasks/import_trackers.py", "--shared", str(SHARED), "--check")
        assert result.returncode == 0, result.stderr


class TestTheOneZeroExample:
    """The Maipú example as OGP JSON 1.0 published it still reads, and upgrades losslessly."""

    def test_reads_as_the_same_plan(self) -> None:
        """The 1.0 document loads into the plan of the 1.1 example."""
        assert ogpmodel.loads(text_of(MAIPU_1_0)) == plan_of(MAIPU)

    def test_upgrades_to_the_one_one_example(self) -> None:
        """upgrade() gives the 1.1 example's data, and leaves its input alone."""
        original = data_of(MAIPU_1_0)
        before = json.dumps(original)
        assert ogpmodel.upgrade(original) == data_of(MAIPU)
        assert before == json.dumps(original)

    def test_is_valid_under_the_one_zero_schema(self) -> None:
        """The published 1.0 schema still accepts it (that schema never changes)."""
        schema = ogpmodel.schema(version="1.0")
        errors = Draft202012Validator(schema).iter_errors(data_of(MAIPU_1_0))
        assert [] == [error.message for error in errors]
