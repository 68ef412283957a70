"""Tests of the commitment formulation rules (the commitment template and design criteria)."""

import attrs
import pytest
from tests.builders import commitment, complete_local_plan, milestone, period
from tests.rules.support import (
    Broken,
    Case,
    codes,
    draft,
    national_plan,
    run_rule,
    with_commitment,
    with_milestone,
)

from ogpmodel import ActionPlan, Commitment, OGPValue, Text
from ogpmodel.report import Severity
from ogpmodel.rules import Profile


def missing_problem() -> Case:
    """A commitment with no problem statement."""
    return Case(with_commitment(problem=None))


def missing_action() -> Case:
    """A commitment with no action."""
    return Case(with_commitment(action=None))


def no_core_value() -> Case:
    """A commitment whose only OGP value is technology and innovation."""
    return Case(with_commitment(ogp_values=(OGPValue.TECHNOLOGY_AND_INNOVATION,)))


def no_lead() -> Case:
    """A commitment with no lead institution."""
    return Case(with_commitment(lead_ids=()))


def no_milestones() -> Case:
    """A commitment with no milestones."""
    return Case(with_commitment(milestones=()))


def missing_period() -> Case:
    """A commitment with a start and no end."""
    return Case(with_commitment(period=period("2023-03", None)))


def no_end_date() -> Case:
    """A milestone with neither an end date nor a deadline note."""
    return Case(with_milestone(period=period("2023-03", None)))


def with_commitments(*commitments: Commitment) -> ActionPlan:
    """`complete_local_plan` with *commitments*."""
    return complete_local_plan(commitments=commitments)


def duplicate_commitment_title() -> Case:
    """Two commitments with different ids and the same title (up to case and spaces)."""
    first = commitment()
    second = commitment(id="CLMPU0002", title=Text("  planes  de BARRIO "))
    return Case(with_commitments(first, second))


def duplicate_milestone() -> Case:
    """Two milestones of one commitment with the same title and period, and different ids."""
    first = milestone()
    second = milestone(id="2", title=first.title)
    return Case(with_commitment(milestones=(first, second)))


def deadline_note_only() -> Case:
    """A milestone whose only deadline is 'Fall 2023'."""
    return Case(with_milestone(period=period("2023-03", None), deadline_note=Text("Fall 2023")))


def unlinked_vision_goal() -> Case:
    """A local commitment linked to no strategic-vision goal."""
    return Case(with_commitment(vision_goal_id=None))


def id_format() -> Case:
    """A local commitment whose id lacks the member code."""
    return Case(with_commitment(id="CL0001"))


BROKEN: Broken = {
    "commitment.missing-problem": missing_problem,
    "commitment.missing-action": missing_action,
    "commitment.no-core-value": no_core_value,
    "commitment.no-lead": no_lead,
    "commitment.no-milestones": no_milestones,
    "commitment.missing-period": missing_period,
    "milestone.no-end-date": no_end_date,
    "milestone.deadline-note-only": deadline_note_only,
    "commitment.duplicate-title": duplicate_commitment_title,
    "milestone.duplicate": duplicate_milestone,
    "commitment.unlinked-vision-goal": unlinked_vision_goal,
    "commitment.id-format": id_format,
}

#: The stage-dependent rules of this family.
STAGED = (
    "commitment.missing-problem",
    "commitment.missing-action",
    "commitment.no-core-value",
    "commitment.no-lead",
    "commitment.no-milestones",
    "commitment.missing-period",
    "milestone.no-end-date",
)


@pytest.mark.parametrize("code", STAGED)
def test_stage_dependence(code: str) -> None:
    """Each S rule of the family is a warning in co-creation and an error in implementation."""
    case = BROKEN[code]()
    assert case.only(code).severity is Severity.ERROR
    assert Case(draft(case.plan)).only(code).severity is Severity.WARNING


class TestMissingProblem:
    def test_no_problem(self) -> None:
        """A commitment without a problem statement yields one error at the commitment."""
        finding = missing_problem().only("commitment.missing-problem")
        assert finding.severity is Severity.ERROR
        assert finding.path == "/commitments/0"
        assert finding.params == {"id": "CLMPU0001"}

    def test_blank_problem(self) -> None:
        """A problem statement of white space only counts as missing."""
        plan = with_commitment(problem=Text({"es": " ", "en": ""}))
        assert codes(plan) == {"commitment.missing-problem"}

    def test_valid_plan(self) -> None:
        """The complete plan's commitment states its problem."""
        assert run_rule("commitment.missing-problem", complete_local_plan()) == []


class TestMissingAction:
    def test_no_action(self) -> None:
        """A commitment without an action yields one error at the commitment."""
        finding = missing_action().only("commitment.missing-action")
        assert finding.severity is Severity.ERROR
        assert finding.path == "/commitments/0"
        assert finding.params == {"id": "CLMPU0001"}

    def test_blank_action(self) -> None:
        """An action of white space only counts as missing."""
        assert codes(with_commitment(action=Text("\t"))) == {"commitment.missing-action"}

    def test_valid_plan(self) -> None:
        """The complete plan's commitment describes its action."""
        assert run_rule("commitment.missing-action", complete_local_plan()) == []


class TestNoCoreValue:
    def test_technology_only(self) -> None:
        """Technology and innovation alone yields one error naming it."""
        finding = no_core_value().only("commitment.no-core-value")
        assert finding.severity is Severity.ERROR
        assert finding.path == "/commitments/0"
        assert finding.params == {"id": "CLMPU0001", "actual": "technology_only"}
        assert "only technology and innovation" in finding.render("en")
        assert "solo tecnología e innovación" in finding.render("es")

    def test_no_values(self) -> None:
        """A commitment with no OGP value at all is reported as having none."""
        finding = Case(with_commitment(ogp_values=())).only("commitment.no-core-value")
        assert finding.params["actual"] == "no_ogp_values"
        assert "lists as OGP values: none;" in finding.render("en")

    def test_technology_with_a_core_value(self) -> None:
        """Technology and innovation next to a core value is fine."""
        values = (OGPValue.TECHNOLOGY_AND_INNOVATION, OGPValue.PUBLIC_ACCOUNTABILITY)
        assert codes(with_commitment(ogp_values=values)) == set()


class TestNoLead:
    def test_no_lead(self) -> None:
        """A commitment without lead institutions yields one error at the commitment."""
        finding = no_lead().only("commitment.no-lead")
        assert finding.severity is Severity.ERROR
        assert finding.path == "/commitments/0"
        assert finding.params == {"id": "CLMPU0001"}

    def test_valid_plan(self) -> None:
        """The complete plan's commitment has a lead."""
        assert run_rule("commitment.no-lead", complete_local_plan()) == []


class TestNoMilestones:
    def test_no_milestones(self) -> None:
        """A commitment without milestones yields one error at the commitment."""
        finding = no_milestones().only("commitment.no-milestones")
        assert finding.severity is Severity.ERROR
        assert finding.path == "/commitments/0"
        assert finding.params == {"id": "CLMPU0001"}

    def test_valid_plan(self) -> None:
        """The complete plan's commitment has a milestone."""
        assert run_rule("commitment.no-milestones", complete_local_plan()) == []


class TestMissingPeriod:
    def test_no_end(self) -> None:
        """A commitment without an end yields one error naming the end date."""
        finding = missing_period().only("commitment.missing-period")
        assert finding.severity is Severity.ERROR
        assert finding.path == "/commitments/0"
        assert finding.params == {"id": "CLMPU0001", "expected": "end_date"}
        assert "has no end date;" in finding.render("en")
        assert "no tiene fecha de término;" in finding.render("es")

    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [(None, "2024-08", "start_date"), (None, None, "start_and_end_dates")],
    )
    def test_what_is_missing(self, start: str | None, end: str | None, expected: str) -> None:
        """The finding names the missing start, or both ends."""
        plan = with_commitment(period=period(start, end))
        found = run_rule("commitment.missing-period", plan)
        assert [f.params["expected"] for f in found] == [expected]

    def test_no_period(self) -> None:
        """A commitment with no period at all lacks both ends."""
        found = run_rule("commitment.missing-period", with_commitment(period=None))
        assert [f.params["expected"] for f in found] == ["start_and_end_dates"]
        assert "no start or end date" in found[0].render("en")


class TestNoEndDate:
    def test_no_end_and_no_note(self) -> None:
        """A milestone without end date or deadline note yields one error at the milestone."""
        finding = no_end_date().only("milestone.no-end-date")
        assert finding.severity is Severity.ERROR
        assert finding.path == "/commitments/0/milestones/0"
        assert finding.params == {"id": "1", "commitment": "CLMPU0001"}

    def test_blank_note_counts_as_missing(self) -> None:
        """A deadline note of white space only does not date the milestone."""
        plan = with_milestone(period=None, deadline_note=Text(" "))
        assert codes(plan) == {"milestone.no-end-date"}

    def test_nested_milestone(self) -> None:
        """Child milestones need an end date too."""
        child = milestone(id="1.1", period=period("2023-03", None))
        found = run_rule("milestone.no-end-date", with_milestone(milestones=(child,)))
        assert [f.path for f in found] == ["/commitments/0/milestones/0/milestones/0"]


class TestDeadlineNoteOnly:
    def test_note_only(self) -> None:
        """A milestone dated only by a note yields one warning at the note."""
        finding = deadline_note_only().only("milestone.deadline-note-only")
        assert finding.severity is Severity.WARNING
        assert finding.path == "/commitments/0/milestones/0/deadline_note"
        assert finding.params == {"id": "1", "commitment": "CLMPU0001", "note": "Fall 2023"}

    def test_note_in_the_plan_language(self) -> None:
        """A language map note is quoted in the plan's language."""
        note = Text({"en": "Fall 2023", "es": "Otoño 2023"})
        plan = with_milestone(period=None, deadline_note=note)
        assert Case(plan).only("milestone.deadline-note-only").params["note"] == "Otoño 2023"

    def test_note_and_end_date(self) -> None:
        """A note next to an end date is fine."""
        assert codes(with_milestone(deadline_note=Text("Diciembre"))) == set()

    def test_stays_a_warning_in_drafts(self) -> None:
        """The rule is not stage-dependent."""
        finding = Case(draft(deadline_note_only().plan)).only("milestone.deadline-note-only")
        assert finding.severity is Severity.WARNING


class TestUnlinkedVisionGoal:
    def test_unlinked(self) -> None:
        """A local commitment without a vision goal yields one warning at the commitment."""
        finding = unlinked_vision_goal().only("commitment.unlinked-vision-goal")
        assert finding.severity is Severity.WARNING
        assert finding.path == "/commitments/0"
        assert finding.params == {"id": "CLMPU0001"}

    def test_national_plan(self) -> None:
        """National commitments need no strategic-vision goal."""
        changed = tuple(attrs.evolve(c, vision_goal_id=None) for c in national_plan().commitments)
        assert codes(national_plan(commitments=changed)) == set()

    def test_unknown_goal_is_a_reference_error_only(self) -> None:
        """A goal id that names no goal is reported as a reference, not as unlinked."""
        assert codes(with_commitment(vision_goal_id="g9")) == {"reference.unknown-goal"}


class TestIdFormat:
    def test_national_id_in_a_local_plan(self) -> None:
        """A local commitment with a national-style id yields one info at the id."""
        finding = id_format().only("commitment.id-format")
        assert finding.severity is Severity.INFO
        assert finding.path == "/commitments/0/id"
        assert finding.params == {"id": "CL0001", "expected": "local_commitment_id"}
        assert "'CLMPU0001'" in finding.render("en")

    def test_local_id_in_a_national_plan(self) -> None:
        """A national plan expects ids like US0113."""
        plan = national_plan()
        plan = attrs.evolve(plan, commitments=(commitment(), *plan.commitments[1:]))
        finding = Case(plan).only("commitment.id-format")
        assert finding.params == {"id": "CLMPU0001", "expected": "national_commitment_id"}
        assert "'US0113'" in finding.render("en")

    def test_profile_chooses_the_pattern(self) -> None:
        """A non-local profile applies the national pattern to a local member's plan."""
        profile = Profile("custom", local=False)
        finding = Case(complete_local_plan(), profile=profile).only("commitment.id-format")
        assert finding.params["expected"] == "national_commitment_id"

    @pytest.mark.parametrize("bad", ["clmpu0001", "CLMPU001", "CLMPU00001", "CL-MPU-0001"])
    def test_near_misses(self, bad: str) -> None:
        """Lower case, too few or too many digits and separators do not match."""
        assert [
            f.params["id"] for f in run_rule("commitment.id-format", with_commitment(id=bad))
        ] == [bad]

    def test_valid_plans(self) -> None:
        """The complete local and national plans follow their patterns."""
        assert run_rule("commitment.id-format", complete_local_plan()) == []
        assert run_rule("commitment.id-format", national_plan()) == []


class TestRepeats:
    def test_a_repeated_commitment_title_is_a_warning(self) -> None:
        """The second commitment is reported at its title, naming the first."""
        finding = duplicate_commitment_title().only("commitment.duplicate-title")
        assert (finding.severity, finding.path) == (Severity.WARNING, "/commitments/1/title")
        assert finding.params == {"id": "CLMPU0002", "first": "/commitments/0"}

    def test_a_repeated_milestone_is_a_warning(self) -> None:
        """The second milestone with the same title and period is reported, naming the first."""
        finding = duplicate_milestone().only("milestone.duplicate")
        assert finding.path == "/commitments/0/milestones/1"
        assert finding.params["first"] == "/commitments/0/milestones/0"

    def test_another_period_is_not_a_repeat(self) -> None:
        """The same title in another period is another activity (a tracker's monthly rows)."""
        first = milestone()
        second = milestone(id="2", title=first.title, period=period("2024-01", "2024-06"))
        assert "milestone.duplicate" not in codes(with_commitment(milestones=(first, second)))

    def test_the_same_title_in_two_commitments_is_not_a_repeat(self) -> None:
        """Milestones repeat only within one commitment."""
        first = commitment(milestones=(milestone(),))
        second = commitment(id="CLMPU0002", milestones=(milestone(),))
        assert "milestone.duplicate" not in codes(with_commitments(first, second))


class TestDerivedParentDates:
    def test_a_parent_takes_its_dates_from_its_children(self) -> None:
        """A milestone without dates whose children have end dates is not reported."""
        child = milestone(id="1.1", period=period("2023-04", "2023-06"))
        parent = milestone(period=None, milestones=(child,))
        assert "milestone.no-end-date" not in codes(with_commitment(milestones=(parent,)))

    def test_an_undated_child_is_reported_not_its_parent(self) -> None:
        """Where a date is missing, the finding points at the child that lacks it."""
        child = milestone(id="1.1", period=period("2023-04", None))
        parent = milestone(period=None, milestones=(child,))
        found = [
            f
            for f in Case(with_commitment(milestones=(parent,))).findings()
            if f.code == "milestone.no-end-date"
        ]
        assert [f.path for f in found] == ["/commitments/0/milestones/0/milestones/0"]
