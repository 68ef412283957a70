"""Tests of the assessment rules (ratings over time, across eras, and after 'not verifiable')."""

from typing import Any

import attrs
import pytest
from tests.builders import complete_local_plan, p, period
from tests.rules.support import Broken, Case, codes, run_rule

from ogpmodel import (
    ActionPlan,
    Assessment,
    CommitmentDesign,
    Completion,
    EndOfCommitmentReport,
    InceptionReport,
    IRMProduct,
    IrmReview,
    Novelty,
    PotentialForResults,
    Specificity,
    Verifiable,
)
from ogpmodel.report import Severity


def _eoc(
    date: str, completion: Completion, commitment_id: str = "CLMPU0001"
) -> EndOfCommitmentReport:
    return EndOfCommitmentReport(date=p(date), commitment_id=commitment_id, completion=completion)


def _irm(date: str, **ratings: Any) -> IrmReview:
    return IrmReview(
        date=p(date),
        commitment_id="CLMPU0001",
        product=IRMProduct.RESULTS_REPORT,
        **ratings,
    )


def _assessed(*extra: Assessment) -> ActionPlan:
    """The complete plan with *extra* assessments after its inception report."""
    plan = complete_local_plan()
    return attrs.evolve(plan, assessments=(*plan.assessments, *extra))


def _inception(*designs: CommitmentDesign, date: str = "2023-03-15") -> InceptionReport:
    return InceptionReport(date=p(date), evaluator_id="monitor", commitments=designs)


def completion_regressed() -> Case:
    """Completion 'substantial' in 2023-05, then 'limited' in 2023-09."""
    return Case(
        _assessed(_eoc("2023-05", Completion.SUBSTANTIAL), _eoc("2023-09", Completion.LIMITED))
    )


def unverifiable_rated() -> Case:
    """An inception report that finds the commitment not verifiable and still rates relevance."""
    design = CommitmentDesign("CLMPU0001", verifiable=Verifiable.NO, relevant=True)
    return Case(complete_local_plan(assessments=(_inception(design),)))


def indicator_era() -> Case:
    """A legacy specificity rating on a plan starting in 2023."""
    return Case(_assessed(_irm("2024-01", specificity=Specificity.MEDIUM)))


def duplicate() -> Case:
    """Two end-of-commitment reports of the same commitment on the same date."""
    return Case(
        _assessed(_eoc("2023-05-10", Completion.COMPLETE), _eoc("2023-05-10", Completion.COMPLETE))
    )


BROKEN: Broken = {
    "assessment.completion-regressed": completion_regressed,
    "assessment.unverifiable-rated": unverifiable_rated,
    "assessment.indicator-era": indicator_era,
    "assessment.duplicate": duplicate,
}


class TestCompletionRegressed:
    def test_lower_later_rating(self) -> None:
        """A later, lower completion yields one warning at its completion."""
        finding = completion_regressed().only("assessment.completion-regressed")
        assert finding.severity is Severity.WARNING
        assert finding.path == "/assessments/2/completion"
        assert finding.params == {
            "commitment": "CLMPU0001",
            "completion": "limited",
            "date": "2023-09",
            "earlier": "substantial",
            "earlier_date": "2023-05",
        }

    def test_order_is_by_date_not_by_position(self) -> None:
        """The later rating is found by its date even when it comes first in the document."""
        plan = _assessed(
            _eoc("2023-09", Completion.LIMITED), _eoc("2023-05", Completion.SUBSTANTIAL)
        )
        found = run_rule("assessment.completion-regressed", plan)
        assert [f.path for f in found] == ["/assessments/1/completion"]

    def test_rising_or_equal_ratings(self) -> None:
        """Ratings that stay level or rise are fine."""
        plan = _assessed(
            _eoc("2023-05", Completion.LIMITED),
            _eoc("2023-07", Completion.LIMITED),
            _eoc("2023-09", Completion.COMPLETE),
        )
        assert codes(plan) == set()

    def test_each_lower_rating_against_the_highest_earlier(self) -> None:
        """Every rating below an earlier one is reported, against the highest earlier rating."""
        plan = _assessed(
            _eoc("2023-04", Completion.COMPLETE),
            _eoc("2023-05", Completion.LIMITED),
            _eoc("2023-06", Completion.SUBSTANTIAL),
        )
        found = run_rule("assessment.completion-regressed", plan)
        assert [(f.path, f.params["earlier"]) for f in found] == [
            ("/assessments/2/completion", "complete"),
            ("/assessments/3/completion", "complete"),
        ]

    def test_overlapping_dates_are_not_ordered(self) -> None:
        """A rating dated '2023' is neither before nor after one dated '2023-05'."""
        plan = _assessed(_eoc("2023", Completion.COMPLETE), _eoc("2023-05", Completion.LIMITED))
        assert codes(plan) == set()

    def test_irm_and_monitoring_body_ratings_together(self) -> None:
        """IRM completions and end-of-commitment completions form one series."""
        plan = _assessed(
            _irm("2023-05", completion=Completion.SUBSTANTIAL),
            _eoc("2023-09", Completion.NOT_STARTED),
        )
        assert codes(plan) == {"assessment.completion-regressed"}

    def test_commitments_are_separate(self) -> None:
        """Ratings of different commitments are not compared."""
        plan = _assessed(
            _eoc("2023-05", Completion.COMPLETE),
            _eoc("2023-09", Completion.LIMITED, commitment_id="OTHER"),
        )
        assert run_rule("assessment.completion-regressed", plan) == []

    def test_rating_without_completion(self) -> None:
        """An IRM review without a completion is not part of the series."""
        plan = _assessed(_eoc("2023-05", Completion.LIMITED), _irm("2023-09", relevant=True))
        assert codes(plan) == set()


class TestUnverifiableRated:
    def test_inception_design(self) -> None:
        """A design found not verifiable that rates relevance yields one warning at the design."""
        finding = unverifiable_rated().only("assessment.unverifiable-rated")
        assert finding.severity is Severity.WARNING
        assert finding.path == "/assessments/0/commitments/0"
        assert finding.params == {"commitment": "CLMPU0001", "fields": ("relevant",)}
        assert "further ratings: 'relevant';" in finding.render("en")

    def test_every_further_design_rating_is_named(self) -> None:
        """Relevance, novelty and potential for results are all named."""
        design = CommitmentDesign(
            "CLMPU0001",
            verifiable=Verifiable.NO,
            relevant=False,
            novelty=Novelty.NEW,
            potential_for_results=PotentialForResults.MODEST,
        )
        plan = complete_local_plan(assessments=(_inception(design),))
        found = run_rule("assessment.unverifiable-rated", plan)
        assert [f.params["fields"] for f in found] == [
            ("relevant", "novelty", "potential_for_results")
        ]

    def test_irm_review(self) -> None:
        """An IRM review finding the commitment not verifiable must not rate it further."""
        plan = _assessed(_irm("2024-01", verifiable=Verifiable.NO, completion=Completion.LIMITED))
        finding = Case(plan).only("assessment.unverifiable-rated")
        assert finding.path == "/assessments/1"
        assert finding.params == {"commitment": "CLMPU0001", "fields": ("completion",)}

    def test_not_verifiable_alone(self) -> None:
        """'Not verifiable' with no further rating is fine."""
        design = CommitmentDesign("CLMPU0001", verifiable=Verifiable.NO)
        plan = complete_local_plan(assessments=(_inception(design),))
        assert codes(plan) == set()

    @pytest.mark.parametrize("verifiable", [Verifiable.YES, Verifiable.UNCLEAR])
    def test_verifiable_or_unclear(self, verifiable: Verifiable) -> None:
        """Verifiable or unclear commitments may carry every rating."""
        design = CommitmentDesign(
            "CLMPU0001", verifiable=verifiable, relevant=True, novelty=Novelty.CONTINUATION
        )
        plan = complete_local_plan(assessments=(_inception(design),))
        assert codes(plan) == set()


class TestIndicatorEra:
    def test_legacy_indicator_on_a_recent_plan(self) -> None:
        """Specificity on a 2023 plan yields one warning at the rating."""
        finding = indicator_era().only("assessment.indicator-era")
        assert finding.severity is Severity.WARNING
        assert finding.path == "/assessments/1/specificity"
        assert finding.params == {
            "commitment": "CLMPU0001",
            "field": "specificity",
            "kind": "legacy_indicator",
            "year": 2023,
        }
        assert "a legacy indicator of plans before 2021" in finding.render("en")

    def test_new_indicators_on_an_old_plan(self) -> None:
        """Verifiable and potential for results on a plan starting 2016 are reported each."""
        review = _irm(
            "2017-06",
            verifiable=Verifiable.YES,
            potential_for_results=PotentialForResults.SUBSTANTIAL,
            specificity=Specificity.HIGH,
        )
        plan = _assessed(review)
        plan = attrs.evolve(plan, period=period("2016-07", "2018-06"))
        found = run_rule("assessment.indicator-era", plan)
        assert [(f.path, f.params["kind"]) for f in found] == [
            ("/assessments/1/verifiable", "new_indicator"),
            ("/assessments/1/potential_for_results", "new_indicator"),
        ]

    @pytest.mark.parametrize("start", ["2018-09", "2019", "2020-12"])
    def test_plans_between_the_eras(self, start: str) -> None:
        """Plans starting 2018 to 2020 may carry either indicator set."""
        review = _irm("2021", specificity=Specificity.LOW, verifiable=Verifiable.YES)
        plan = attrs.evolve(_assessed(review), period=period(start, "2024-08"))
        assert run_rule("assessment.indicator-era", plan) == []

    def test_inception_reports_are_not_irm_reviews(self) -> None:
        """The rule looks at IRM reviews only."""
        assert run_rule("assessment.indicator-era", complete_local_plan()) == []

    def test_no_plan_start(self) -> None:
        """A plan without a start date has no era."""
        plan = attrs.evolve(indicator_era().plan, period=period(None, "2024-08"))
        assert run_rule("assessment.indicator-era", plan) == []


class TestDuplicate:
    def test_two_end_of_commitment_reports(self) -> None:
        """A second report of the same type, commitment and date yields one warning at it."""
        finding = duplicate().only("assessment.duplicate")
        assert finding.severity is Severity.WARNING
        assert finding.path == "/assessments/2"
        assert finding.params == {
            "kind": "end_of_commitment_report",
            "commitment": "CLMPU0001",
            "date": "2023-05-10",
            "first": "/assessments/1",
        }
        assert "end-of-commitment report" in finding.render("en")
        assert "informe de fin de compromiso" in finding.render("es")

    def test_two_inception_reports(self) -> None:
        """Inception reports of one date that both rate a commitment are duplicates."""
        plan = complete_local_plan()
        (report,) = plan.assessments
        finding = Case(attrs.evolve(plan, assessments=(report, report))).only(
            "assessment.duplicate"
        )
        assert finding.path == "/assessments/1/commitments/0"
        assert finding.params["first"] == "/assessments/0/commitments/0"
        assert finding.params["kind"] == "inception_report"

    def test_other_dates_types_or_commitments(self) -> None:
        """Different dates, types or commitments are not duplicates."""
        plan = _assessed(
            _eoc("2023-05-10", Completion.COMPLETE),
            _eoc("2023-05", Completion.COMPLETE),
            _irm("2023-05-10", completion=Completion.COMPLETE),
        )
        assert codes(plan) == set()
