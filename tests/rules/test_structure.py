"""
Tests of the structure rules: unique ids, references, and the document-level codes.

Model plans break ``id.duplicate`` and ``reference.*``; the ``schema.*`` codes and
``text.empty`` are broken by documents, which `ogpmodel.validate` checks first.
"""

import json
from typing import Any

import attrs
import pytest
from tests.builders import commitment, complete_local_plan, d, milestone, minimal_plan
from tests.rules.support import Broken, Case, run_rule

import ogpmodel
from ogpmodel import (
    EndOfCommitmentReport,
    Goal,
    IrmReview,
    Link,
    PartialDate,
    PlanStatus,
    ProgressReport,
    StrategicVision,
    Text,
    TransitionEvent,
)
from ogpmodel.codelists import Completion, IRMProduct
from ogpmodel.report import Severity


def duplicate_commitment() -> Case:
    """Two commitments with the id CLMPU0001."""
    plan = complete_local_plan()
    second = commitment(title=Text("Otro compromiso con el mismo id"))
    return Case(attrs.evolve(plan, commitments=(*plan.commitments, second)))


def unknown_stakeholder() -> Case:
    """A commitment led by a stakeholder the plan does not declare."""
    return Case(complete_local_plan(commitments=(commitment(supporting_ids=("nobody",)),)))


def unknown_goal() -> Case:
    """A commitment linked to a goal the strategic vision does not have."""
    return Case(complete_local_plan(commitments=(commitment(vision_goal_id="g9"),)))


def unknown_commitment() -> Case:
    """An IRM review of a commitment the plan does not have."""
    review = IrmReview(
        date=PartialDate(2024), commitment_id="CLMPU0099", product=IRMProduct.RESULTS_REPORT
    )
    plan = complete_local_plan()
    return Case(attrs.evolve(plan, assessments=(*plan.assessments, review)))


def unnamed_stakeholder() -> Case:
    """A stakeholder with neither a name nor an acronym."""
    plan = complete_local_plan()
    nameless = attrs.evolve(plan.stakeholders[0], name=None)
    return Case(attrs.evolve(plan, stakeholders=(nameless, *plan.stakeholders[1:])))


def relative_link() -> Case:
    """A commitment link with a relative address, in a plan without a base_url."""
    return Case(complete_local_plan(commitments=(commitment(links=(Link("/docs/plan.pdf"),)),)))


BROKEN: Broken = {
    "id.duplicate": duplicate_commitment,
    "reference.unknown-stakeholder": unknown_stakeholder,
    "reference.unknown-goal": unknown_goal,
    "reference.unknown-commitment": unknown_commitment,
    "stakeholder.unnamed": unnamed_stakeholder,
    "link.relative-without-base": relative_link,
}


class TestStakeholderNames:
    def test_neither_name_nor_acronym_is_an_error(self) -> None:
        """The stakeholder is reported at its own path."""
        finding = unnamed_stakeholder().only("stakeholder.unnamed")
        assert (finding.severity, finding.path) == (Severity.ERROR, "/stakeholders/0")

    def test_an_acronym_alone_names_a_stakeholder(self) -> None:
        """A department known only by its acronym is valid, and labelled by it."""
        plan = complete_local_plan()
        known = attrs.evolve(plan.stakeholders[0], name=None, acronym="SECPLA")
        plan = attrs.evolve(plan, stakeholders=(known, *plan.stakeholders[1:]))
        assert [] == Case(plan).findings()
        assert "SECPLA" == known.label


class TestRelativeLinks:
    def test_a_relative_address_needs_a_base(self) -> None:
        """Without base_url, the relative address is an error at the link's url."""
        finding = relative_link().only("link.relative-without-base")
        assert finding.path == "/commitments/0/links/0/url"
        assert finding.params == {"url": "/docs/plan.pdf"}

    def test_a_base_url_resolves_it(self) -> None:
        """With a base_url the same plan is valid, and the address resolves against it."""
        plan = attrs.evolve(relative_link().plan, base_url="https://maipu.cl/gobierno-abierto/")
        assert [] == Case(plan).findings()
        link = plan.commitments[0].links[0]
        assert "https://maipu.cl/docs/plan.pdf" == plan.url_of(link)

    def test_each_language_of_a_map_is_checked(self) -> None:
        """In a per-language address, the relative one is reported under its language tag."""
        link = Link(Text({"en": "https://open.canada.ca/en", "fr": "/fr/rapport"}))
        plan = complete_local_plan(commitments=(commitment(links=(link,)),))
        finding = Case(plan).only("link.relative-without-base")
        assert finding.path == "/commitments/0/links/0/url/fr"

    def test_links_are_found_at_any_depth(self) -> None:
        """Evidence of a milestone's progress report is a link like any other."""
        report = ProgressReport(date=PartialDate(2023, 5), evidence=(Link("informe.pdf"),))
        plan = complete_local_plan(
            commitments=(commitment(milestones=(milestone(progress=(report,)),)),)
        )
        finding = Case(plan).only("link.relative-without-base")
        assert finding.path == "/commitments/0/milestones/0/progress/0/evidence/0/url"


class TestDuplicateIds:
    def test_two_commitments(self) -> None:
        """A repeated commitment id is reported at the second one, naming the first."""
        finding = duplicate_commitment().only("id.duplicate")
        assert Severity.ERROR is finding.severity
        assert "/commitments/1/id" == finding.path
        assert {
            "id": "CLMPU0001",
            "kind": "commitment",
            "first": "/commitments/0/id",
        } == finding.params

    def test_milestones_across_depths(self) -> None:
        """A milestone id repeated at another depth of the same commitment is a duplicate."""
        child = milestone(id="1", milestones=())
        plan = complete_local_plan(
            commitments=(commitment(milestones=(milestone(milestones=(child,)),)),)
        )
        (finding,) = run_rule("id.duplicate", plan)
        assert "/commitments/0/milestones/0/milestones/0/id" == finding.path

    def test_same_milestone_id_in_two_commitments_is_fine(self) -> None:
        """Milestone ids are unique within their commitment only."""
        plan = complete_local_plan(commitments=(commitment(), commitment(id="CLMPU0002")))
        assert [] == run_rule("id.duplicate", plan)

    def test_stakeholders_and_goals(self) -> None:
        """Repeated stakeholder and goal ids are reported too."""
        plan = complete_local_plan()
        vision = StrategicVision(
            text=Text("V"), goals=(Goal(id="g1", text=Text("a")), Goal(id="g1", text=Text("b")))
        )
        plan = attrs.evolve(
            plan, stakeholders=(*plan.stakeholders, plan.stakeholders[0]), strategic_vision=vision
        )
        found = run_rule("id.duplicate", plan)
        assert ["/stakeholders/4/id", "/strategic_vision/goals/1/id"] == [f.path for f in found]


class TestReferences:
    def test_unknown_stakeholder(self) -> None:
        """A supporting id that names no stakeholder is reported at its place in the list."""
        finding = unknown_stakeholder().only("reference.unknown-stakeholder")
        assert "/commitments/0/supporting_ids/0" == finding.path
        assert {"id": "nobody"} == finding.params

    @pytest.mark.parametrize(
        ("changes", "path"),
        [
            ({"point_of_contact_id": "x"}, "/point_of_contact_id"),
            ({"commitments": (commitment(lead_ids=("x",)),)}, "/commitments/0/lead_ids/0"),
            (
                {"commitments": (commitment(milestones=(milestone(responsible_ids=("x",)),)),)},
                "/commitments/0/milestones/0/responsible_ids/0",
            ),
        ],
    )
    def test_every_reference_field_is_checked(self, changes: dict[str, Any], path: str) -> None:
        """Stakeholder references are checked in every field that holds one."""
        found = run_rule("reference.unknown-stakeholder", complete_local_plan(**changes))
        assert [path] == [f.path for f in found]

    def test_unknown_goal(self) -> None:
        """A vision_goal_id that names no goal is reported at that field."""
        finding = unknown_goal().only("reference.unknown-goal")
        assert "/commitments/0/vision_goal_id" == finding.path

    def test_unknown_commitment(self) -> None:
        """An assessment of an unknown commitment is reported at its commitment_id."""
        finding = unknown_commitment().only("reference.unknown-commitment")
        assert "/assessments/1/commitment_id" == finding.path

    def test_unknown_commitment_in_an_end_of_commitment_report(self) -> None:
        """End-of-commitment reports are checked as well."""
        report = EndOfCommitmentReport(
            date=PartialDate(2024), commitment_id="nope", completion=Completion.COMPLETE
        )
        plan = complete_local_plan()
        plan = attrs.evolve(plan, assessments=(*plan.assessments, report))
        assert ["/assessments/1/commitment_id"] == [
            f.path for f in run_rule("reference.unknown-commitment", plan)
        ]


def document(**changes: Any) -> dict[str, Any]:
    """The complete plan as OGP JSON data, with top-level changes."""
    data = ogpmodel.to_dict(complete_local_plan())
    data.update(changes)
    return data


def milestone_title(value: object) -> dict[str, Any]:
    """The complete plan's document with its milestone's title replaced."""
    data = document()
    data["commitments"][0]["milestones"][0]["title"] = value
    return data


DOCUMENTS: dict[str, tuple[object, str]] = {
    "schema.invalid-json": ('{"schema_version": "1.0",', ""),
    "schema.type": (document(forum=[]), "/forum"),
    "schema.required": ({k: v for k, v in document().items() if k != "member"}, "/member"),
    "schema.enum": (document(status="draft"), "/status"),
    "schema.format": (document(submitted_on="31/01/2023"), "/submitted_on"),
    "schema.additional-property": (document(stage="planning"), "/stage"),
    "schema.version": (document(schema_version="0.9"), "/schema_version"),
    "text.empty": (milestone_title(" "), "/commitments/0/milestones/0/title"),
}


class TestDocumentCodes:
    @pytest.mark.parametrize("code", sorted(DOCUMENTS))
    def test_document_breaks_only_this_code(self, code: str) -> None:
        """A document with one problem gives exactly one document finding, of that code, at its path."""
        given, path = DOCUMENTS[code]
        text = given if isinstance(given, str) else json.dumps(given)
        with pytest.raises(ogpmodel.InvalidDocument) as raised:
            ogpmodel.loads(text)
        assert [(code, path)] == [(f.code, f.path) for f in raised.value.report.findings]
        assert Severity.ERROR is raised.value.report.findings[0].severity
        # validate reports the same, then what the rules find on the readable part.
        report = ogpmodel.validate(text)
        assert [(code, path)] == [(f.code, f.path) for f in report.errors if f.code == code]
        assert report.findings[0] == raised.value.report.findings[0]

    @pytest.mark.parametrize("code", sorted(DOCUMENTS))
    def test_messages_render_in_both_languages(self, code: str) -> None:
        """Each document finding renders without missing parameters in English and Spanish."""
        given, _ = DOCUMENTS[code]
        finding = ogpmodel.validate(
            given if isinstance(given, str) else json.dumps(given)
        ).findings[0]
        for lang in ("en", "es"):
            assert "?" not in finding.render(lang).replace("¿", "")


class TestStage:
    def test_withdrawn_draft_keeps_warnings(self) -> None:
        """A plan withdrawn during co-creation gets warnings, not errors, for what it lacks."""
        plan = minimal_plan(
            status=PlanStatus.WITHDRAWN,
            history=(
                TransitionEvent(PlanStatus.PLANNING, PlanStatus.CO_CREATION, d("2024-01-01")),
                TransitionEvent(
                    PlanStatus.CO_CREATION, PlanStatus.WITHDRAWN, d("2024-02-01"), note=Text("x")
                ),
            ),
        )
        report = ogpmodel.validate(plan)
        assert "plan.no-commitments" in report.codes
        assert report.is_valid

    def test_withdrawn_after_submission_gets_errors(self) -> None:
        """A plan withdrawn after submission is judged as a submitted plan."""
        plan = minimal_plan(status=PlanStatus.WITHDRAWN, submitted_on=d("2024-01-31"))
        errors = {f.code for f in ogpmodel.validate(plan).errors}
        assert "plan.no-commitments" in errors
