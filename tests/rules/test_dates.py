"""Tests of the date rules (periods in order and nested within each other)."""

from tests.builders import commitment, complete_local_plan, d, milestone, period
from tests.rules.support import Broken, Case, codes, run_rule, with_commitment, with_milestone

from ogpmodel.report import Severity


def end_before_start() -> Case:
    """A milestone that ends (2023-03) before it starts (2023-12)."""
    return Case(with_milestone(period=period("2023-12", "2023-03")))


def milestone_outside_commitment() -> Case:
    """A milestone ending 2024-12 in a commitment ending 2024-08."""
    return Case(with_milestone(period=period("2023-03", "2024-12")))


def commitment_outside_plan() -> Case:
    """A commitment starting 2022-11 in a plan starting 2023-01."""
    return Case(with_commitment(period=period("2022-11", "2024-08")))


def milestone_outside_plan() -> Case:
    """A milestone ending 2025-06, in a commitment without dates, in a plan ending 2024."""
    return Case(
        with_commitment(period=None, milestones=(milestone(period=period("2023-03", "2025-06")),))
    )


def submitted_after_start() -> Case:
    """A plan starting 2022-12, submitted on 2023-01-31."""
    return Case(complete_local_plan(period=period("2022-12", "2024-08")))


BROKEN: Broken = {
    "period.end-before-start": end_before_start,
    "period.milestone-outside-commitment": milestone_outside_commitment,
    "period.commitment-outside-plan": commitment_outside_plan,
    "period.milestone-outside-plan": milestone_outside_plan,
    "period.submitted-after-start": submitted_after_start,
}


class TestEndBeforeStart:
    def test_milestone_ending_before_it_starts(self) -> None:
        """A milestone ending before it starts yields one error at its period's end."""
        finding = end_before_start().only("period.end-before-start")
        assert finding.severity is Severity.ERROR
        assert finding.path == "/commitments/0/milestones/0/period/end"
        assert finding.params == {"start": "2023-12", "end": "2023-03"}

    def test_plan_and_commitment_periods(self) -> None:
        """The plan's and the commitments' periods are checked too."""
        plan = complete_local_plan(
            period=period("2024-08", "2023-01"),
            commitments=(commitment(period=period("2024-08", "2023-03")),),
        )
        found = run_rule("period.end-before-start", plan)
        assert [f.path for f in found] == ["/period/end", "/commitments/0/period/end"]

    def test_nested_milestone(self) -> None:
        """A child milestone's reversed period is found at its nested path."""
        child = milestone(id="1.1", period=period("2023-06", "2023-04"))
        plan = with_milestone(milestones=(child,))
        found = run_rule("period.end-before-start", plan)
        assert [f.path for f in found] == ["/commitments/0/milestones/0/milestones/0/period/end"]

    def test_overlapping_partial_dates_are_not_reversed(self) -> None:
        """A period from 2023-06 to 2023 may end after it starts, so it is not reported."""
        assert codes(with_milestone(period=period("2023-06", "2023"))) == set()

    def test_same_day_is_not_reversed(self) -> None:
        """A period that starts and ends on the same day is in order."""
        assert codes(with_milestone(period=period("2023-05-02", "2023-05-02"))) == set()

    def test_valid_plan(self) -> None:
        """The complete plan has no reversed period."""
        assert run_rule("period.end-before-start", complete_local_plan()) == []


class TestMilestoneOutsideCommitment:
    def test_milestone_ending_after_its_commitment(self) -> None:
        """A milestone ending after its commitment yields one error at the milestone's end."""
        finding = milestone_outside_commitment().only("period.milestone-outside-commitment")
        assert finding.severity is Severity.ERROR
        assert finding.path == "/commitments/0/milestones/0/period/end"
        assert finding.params == {
            "id": "1",
            "commitment": "CLMPU0001",
            "period": "2023-03/2024-12",
            "owner": "commitment",
            "outer_period": "2023-03/2024-08",
        }

    def test_milestone_starting_before_its_commitment(self) -> None:
        """A milestone starting before its commitment is reported at its start."""
        found = run_rule(
            "period.milestone-outside-commitment",
            with_milestone(period=period("2023-02", "2023-12")),
        )
        assert [f.path for f in found] == ["/commitments/0/milestones/0/period/start"]

    def test_both_ends_outside(self) -> None:
        """A milestone reaching out on both sides is reported at its period."""
        found = run_rule(
            "period.milestone-outside-commitment",
            with_milestone(period=period("2023-02", "2024-09")),
        )
        assert [f.path for f in found] == ["/commitments/0/milestones/0/period"]

    def test_child_outside_its_parent_milestone(self) -> None:
        """A child milestone is checked against its parent milestone's period."""
        child = milestone(id="1.1", period=period("2023-03", "2024-02"))
        finding = Case(with_milestone(milestones=(child,))).only(
            "period.milestone-outside-commitment"
        )
        assert finding.path == "/commitments/0/milestones/0/milestones/0/period/end"
        assert finding.params["owner"] == "parent_milestone"
        assert finding.params["outer_period"] == "2023-03/2023-12"
        assert "parent milestone" in finding.render("en")
        assert "hito superior" in finding.render("es")

    def test_child_of_a_milestone_without_period(self) -> None:
        """A child of a milestone with no period is checked against the commitment's period."""
        child = milestone(id="1.1", period=period("2023-03", "2024-12"))
        parent = milestone(period=None, deadline_note=None, milestones=(child,))
        found = run_rule(
            "period.milestone-outside-commitment", with_commitment(milestones=(parent,))
        )
        assert [(f.path, f.params["owner"]) for f in found] == [
            ("/commitments/0/milestones/0/milestones/0/period/end", "commitment")
        ]

    def test_partial_date_overlapping_the_bound(self) -> None:
        """A milestone ending '2024' may end by 2024-08, so it is not reported."""
        assert codes(with_milestone(period=period("2023-03", "2024"))) == set()

    def test_open_ends_are_not_compared(self) -> None:
        """A commitment with no end does not bound its milestones' ends."""
        plan = with_commitment(
            period=period("2023-03", None),
            milestones=(milestone(period=period("2023-03", "2030")),),
        )
        assert run_rule("period.milestone-outside-commitment", plan) == []

    def test_valid_plan(self) -> None:
        """The complete plan's milestone lies within its commitment."""
        assert run_rule("period.milestone-outside-commitment", complete_local_plan()) == []


class TestCommitmentOutsidePlan:
    def test_commitment_starting_before_the_plan(self) -> None:
        """A commitment starting before the plan yields one warning at its start."""
        finding = commitment_outside_plan().only("period.commitment-outside-plan")
        assert finding.severity is Severity.WARNING
        assert finding.path == "/commitments/0/period/start"
        assert finding.params == {
            "id": "CLMPU0001",
            "period": "2022-11/2024-08",
            "outer_period": "2023-01/2024-08",
        }

    def test_open_plan_period_renders_dots(self) -> None:
        """An absent end renders as '..' in ISO 8601 interval notation."""
        plan = complete_local_plan(
            period=period("2023-04", None),
            submitted_on=d("2023-01-31"),
        )
        found = run_rule("period.commitment-outside-plan", plan)
        assert [(f.path, f.params["outer_period"]) for f in found] == [
            ("/commitments/0/period/start", "2023-04/..")
        ]

    def test_valid_plan(self) -> None:
        """The complete plan's commitment lies within the plan."""
        assert run_rule("period.commitment-outside-plan", complete_local_plan()) == []


class TestSubmittedAfterStart:
    def test_submitted_after_the_start_month(self) -> None:
        """A plan submitted after its start month yields one info at submitted_on."""
        finding = submitted_after_start().only("period.submitted-after-start")
        assert finding.severity is Severity.INFO
        assert finding.path == "/submitted_on"
        assert finding.params == {"submitted_on": "2023-01-31", "start": "2022-12"}

    def test_submitted_within_the_start_month(self) -> None:
        """Submission on 31 January does not come after a period starting '2023-01'."""
        assert run_rule("period.submitted-after-start", complete_local_plan()) == []

    def test_day_precision_start(self) -> None:
        """A start on 2023-01-15 came before a submission on 2023-01-31."""
        plan = complete_local_plan(period=period("2023-01-15", "2024-08"))
        assert [f.code for f in run_rule("period.submitted-after-start", plan)] == [
            "period.submitted-after-start"
        ]

    def test_not_submitted(self) -> None:
        """A plan without submitted_on is not checked."""
        plan = complete_local_plan(period=period("2022-12", "2024-08"), submitted_on=None)
        assert run_rule("period.submitted-after-start", plan) == []


class TestMilestoneOutsidePlan:
    def test_reported_when_the_commitment_has_no_dates(self) -> None:
        """A milestone outside the plan is a warning at its end, though its commitment has no period."""
        found = [
            f for f in milestone_outside_plan().findings() if f.code != "commitment.missing-period"
        ]
        assert [(f.code, f.severity, f.path) for f in found] == [
            (
                "period.milestone-outside-plan",
                Severity.WARNING,
                "/commitments/0/milestones/0/period/end",
            )
        ]
        assert found[0].params["outer_period"] == "2023-01/2024-08"

    def test_an_undated_parent_passes_the_plan_down(self) -> None:
        """An indicator under an undated milestone of an undated commitment is checked too."""
        child = milestone(id="1.1", period=period(None, "2025-06"))
        parent = milestone(period=None, milestones=(child,))
        plan = with_commitment(period=None, milestones=(parent,))
        found = [f for f in Case(plan).findings() if f.code.startswith("period.")]
        assert [(f.code, f.path) for f in found] == [
            ("period.milestone-outside-plan", "/commitments/0/milestones/0/milestones/0/period/end")
        ]

    def test_a_dated_commitment_bounds_its_milestones_instead(self) -> None:
        """Inside a dated commitment, a milestone is checked against the commitment only."""
        assert "period.milestone-outside-plan" not in codes(
            with_milestone(period=period("2023-03", "2025-06"))
        )
