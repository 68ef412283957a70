"""Tests of the deadline rules, which run only when the caller passes ``as_of``."""

import datetime

import attrs
import pytest
from tests.builders import AS_OF, complete_local_plan, d, p, period
from tests.rules.support import (
    Broken,
    Case,
    codes,
    completed_commitment,
    completed_milestone,
    national_plan,
    run_rule,
    with_milestone,
)

from ogpmodel import (
    Completion,
    EndOfCommitmentReport,
    InceptionReport,
    MilestoneStatus,
    PlanStatus,
    Text,
    TransitionEvent,
)
from ogpmodel.report import Severity
from ogpmodel.rules import get_rule

#: A day after the complete plan's period (which ends 2024-08).
AFTER_PLAN = d("2024-09-01")


def _eoc_report(
    commitment_id: str = "CLMPU0001", date: str = "2023-05-10"
) -> EndOfCommitmentReport:
    return EndOfCommitmentReport(
        date=p(date), commitment_id=commitment_id, completion=Completion.COMPLETE
    )


def inception_report_overdue() -> Case:
    """A local plan submitted on 2023-01-31 with no inception report by 2023-06-01."""
    return Case(complete_local_plan(assessments=()), as_of=AS_OF)


def end_of_commitment_report_overdue() -> Case:
    """A commitment completed on 2023-04-20 without an end-of-commitment report by 2023-06-01."""
    plan = complete_local_plan(commitments=(completed_commitment(),))
    return Case(plan, as_of=AS_OF)


def milestone_overdue() -> Case:
    """A milestone in progress that was due by 2023-05, checked on 2023-06-01."""
    return Case(with_milestone(period=period("2023-03", "2023-05")), as_of=AS_OF)


def plan_period_over() -> Case:
    """A plan still in implementation after its period ended in 2024-08."""
    return Case(with_milestone(status=MilestoneStatus.COMPLETED, history=_done()), as_of=AFTER_PLAN)


def _done() -> tuple[TransitionEvent[MilestoneStatus], ...]:
    return completed_milestone().history


BROKEN: Broken = {
    "deadline.inception-report-overdue": inception_report_overdue,
    "deadline.end-of-commitment-report-overdue": end_of_commitment_report_overdue,
    "deadline.milestone-overdue": milestone_overdue,
    "deadline.plan-period-over": plan_period_over,
}


@pytest.mark.parametrize("code", sorted(BROKEN))
def test_no_deadlines_without_as_of(code: str) -> None:
    """Without as_of no deadline rule runs."""
    case = BROKEN[code]()
    assert get_rule(code).needs_as_of
    assert codes(case.plan) == set()
    assert codes(case.plan, as_of=case.as_of) == {code}


class TestInceptionReportOverdue:
    def test_no_report(self) -> None:
        """A plan without an inception report two months after submission yields one warning."""
        finding = inception_report_overdue().only("deadline.inception-report-overdue")
        assert finding.severity is Severity.WARNING
        assert finding.path == "/assessments"
        assert finding.params == {"submitted_on": "2023-01-31", "due": "2023-03-31"}

    @pytest.mark.parametrize(
        ("as_of", "overdue"),
        [(d("2023-03-31"), False), (d("2023-04-01"), True)],
    )
    def test_due_date_is_inclusive(self, as_of: datetime.date, overdue: bool) -> None:
        """The report is overdue from the day after the due date."""
        plan = complete_local_plan(assessments=())
        expected = {"deadline.inception-report-overdue"} if overdue else set()
        assert codes(plan, as_of=as_of) == expected

    def test_month_end_clamps(self) -> None:
        """Two months after 31 December is the last day of February."""
        plan = complete_local_plan(submitted_on=d("2023-12-31"), assessments=())
        found = run_rule("deadline.inception-report-overdue", plan, as_of=d("2024-03-01"))
        assert [f.params["due"] for f in found] == ["2024-02-29"]

    def test_late_report(self) -> None:
        """A report dated after the deadline is not within two months of submission."""
        plan = complete_local_plan()
        late = attrs.evolve(plan.assessments[0], date=p("2023-05-02"))
        assert codes(plan, as_of=AS_OF) == set()
        assert codes(attrs.evolve(plan, assessments=(late,)), as_of=AS_OF) == {
            "deadline.inception-report-overdue"
        }

    def test_month_precision_report(self) -> None:
        """A report dated '2023-03' may be within the deadline of 2023-03-31."""
        plan = complete_local_plan()
        report = plan.assessments[0]
        assert isinstance(report, InceptionReport)
        month = attrs.evolve(report, date=p("2023-03"))
        assert codes(attrs.evolve(plan, assessments=(month,)), as_of=AS_OF) == set()

    def test_not_submitted(self) -> None:
        """Without submitted_on there is no deadline."""
        plan = complete_local_plan(assessments=(), submitted_on=None)
        assert run_rule("deadline.inception-report-overdue", plan, as_of=AS_OF) == []

    def test_national_plan(self) -> None:
        """National plans have no inception report."""
        assert codes(national_plan(), as_of=AS_OF) == set()


class TestEndOfCommitmentReportOverdue:
    def test_no_report(self) -> None:
        """A commitment completed over a month ago without a report yields one warning."""
        case = end_of_commitment_report_overdue()
        finding = case.only("deadline.end-of-commitment-report-overdue")
        assert finding.severity is Severity.WARNING
        assert finding.path == "/commitments/0"
        assert finding.params == {
            "id": "CLMPU0001",
            "completed_on": "2023-04-20",
            "due": "2023-05-20",
        }

    def test_with_report(self) -> None:
        """An end-of-commitment report meets the deadline."""
        plan = end_of_commitment_report_overdue().plan
        plan = attrs.evolve(plan, assessments=(*plan.assessments, _eoc_report()))
        assert codes(plan, as_of=AS_OF) == set()

    def test_report_of_another_commitment(self) -> None:
        """A report on another commitment does not count."""
        plan = end_of_commitment_report_overdue().plan
        other = completed_commitment(id="CLMPU0002")
        plan = attrs.evolve(
            plan,
            commitments=(*plan.commitments, other),
            assessments=(*plan.assessments, _eoc_report("CLMPU0002")),
        )
        found = run_rule("deadline.end-of-commitment-report-overdue", plan, as_of=AS_OF)
        assert [f.path for f in found] == ["/commitments/0"]

    @pytest.mark.parametrize(
        ("as_of", "overdue"),
        [(d("2023-05-20"), False), (d("2023-05-21"), True)],
    )
    def test_one_month(self, as_of: datetime.date, overdue: bool) -> None:
        """The report is overdue from the day after one month has passed."""
        plan = end_of_commitment_report_overdue().plan
        expected = {"deadline.end-of-commitment-report-overdue"} if overdue else set()
        assert codes(plan, as_of=as_of) == expected

    def test_commitment_in_progress(self) -> None:
        """A commitment not completed needs no report yet."""
        assert codes(complete_local_plan(), as_of=AFTER_PLAN) == {
            "deadline.milestone-overdue",
            "deadline.plan-period-over",
        }

    def test_national_plan(self) -> None:
        """National plans have no end-of-commitment reports."""
        plan = national_plan()
        plan = attrs.evolve(
            plan, commitments=(completed_commitment(id="CL0001"), *plan.commitments[1:])
        )
        assert run_rule("deadline.end-of-commitment-report-overdue", plan, as_of=AS_OF) == []


class TestMilestoneOverdue:
    def test_past_due(self) -> None:
        """A milestone in progress after its end date yields one warning at its status."""
        finding = milestone_overdue().only("deadline.milestone-overdue")
        assert finding.severity is Severity.WARNING
        assert finding.path == "/commitments/0/milestones/0/status"
        assert finding.params == {
            "id": "1",
            "commitment": "CLMPU0001",
            "end": "2023-05",
            "status": "in_progress",
        }

    def test_end_month_is_not_over_yet(self) -> None:
        """A milestone due by '2023-05' is not overdue on 2023-05-31."""
        assert codes(milestone_overdue().plan, as_of=d("2023-05-31")) == set()

    def test_completed(self) -> None:
        """A completed milestone is not overdue."""
        plan = with_milestone(
            period=period("2023-03", "2023-05"), status=MilestoneStatus.COMPLETED, history=_done()
        )
        assert codes(plan, as_of=AS_OF) == set()

    def test_cancelled(self) -> None:
        """A cancelled milestone is not overdue."""
        cancel = TransitionEvent(
            MilestoneStatus.IN_PROGRESS,
            MilestoneStatus.CANCELLED,
            d("2023-04-01"),
            note=Text("Sin presupuesto."),
        )
        base = milestone_overdue().plan.commitments[0].milestones[0]
        plan = with_milestone(
            period=period("2023-03", "2023-05"),
            status=MilestoneStatus.CANCELLED,
            history=(*base.history, cancel),
        )
        assert run_rule("deadline.milestone-overdue", plan, as_of=AS_OF) == []

    def test_delayed(self) -> None:
        """A delayed milestone past its end date is overdue."""
        delay = TransitionEvent(
            MilestoneStatus.IN_PROGRESS, MilestoneStatus.DELAYED, d("2023-05-15")
        )
        base = milestone_overdue().plan.commitments[0].milestones[0]
        plan = with_milestone(
            period=period("2023-03", "2023-05"),
            status=MilestoneStatus.DELAYED,
            history=(*base.history, delay),
        )
        found = run_rule("deadline.milestone-overdue", plan, as_of=AS_OF)
        assert [f.params["status"] for f in found] == ["delayed"]

    def test_no_end_date(self) -> None:
        """A milestone without an end date has no deadline to miss."""
        plan = with_milestone(period=period("2023-03", None), deadline_note=Text("Pronto"))
        assert run_rule("deadline.milestone-overdue", plan, as_of=AFTER_PLAN) == []


class TestPlanPeriodOver:
    def test_still_in_implementation(self) -> None:
        """A plan in implementation after its period yields one info at its status."""
        finding = plan_period_over().only("deadline.plan-period-over")
        assert finding.severity is Severity.INFO
        assert finding.path == "/status"
        assert finding.params == {"end": "2024-08", "as_of": "2024-09-01"}

    def test_last_day_of_the_period(self) -> None:
        """On the last day of the end month the period is not over."""
        assert codes(plan_period_over().plan, as_of=d("2024-08-31")) == set()

    def test_ended_plan(self) -> None:
        """A plan moved to 'ended' is not reported."""
        plan = plan_period_over().plan
        end = TransitionEvent(PlanStatus.IMPLEMENTATION, PlanStatus.ENDED, d("2024-09-01"))
        plan = attrs.evolve(plan, status=PlanStatus.ENDED, history=(*plan.history, end))
        assert run_rule("deadline.plan-period-over", plan, as_of=AFTER_PLAN) == []

    def test_open_period(self) -> None:
        """A plan period without an end never ends."""
        plan = attrs.evolve(plan_period_over().plan, period=period("2023-01", None))
        assert run_rule("deadline.plan-period-over", plan, as_of=AFTER_PLAN) == []
