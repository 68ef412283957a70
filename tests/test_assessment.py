"""Tests for ogpmodel.assessment: the derived indicators."""

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ogpmodel import (
    DIOG,
    Completion,
    DidItOpenGovernment,
    EndOfCommitmentReport,
    IRMProduct,
    IrmReview,
    PartialDate,
    PotentialImpact,
    Specificity,
)
from ogpmodel.assessment import high_completion, indicators, starred, strong_early_results
from tests.builders import commitment, complete_local_plan


def review(**changes: Any) -> IrmReview:
    """A legacy IRM review of CLMPU0001 that stars it."""
    base = IrmReview(
        date=PartialDate(2019, 6),
        commitment_id="CLMPU0001",
        product=IRMProduct.END_OF_TERM_REPORT,
        specificity=Specificity.HIGH,
        relevant=True,
        potential_impact=PotentialImpact.MODERATE,
        completion=Completion.SUBSTANTIAL,
    )
    return attrs.evolve(base, **changes)


class TestScales:
    @given(st.sampled_from(Completion))
    def test_high_completion(self, completion: Completion) -> None:
        """High completion is exactly substantial or complete."""
        expected = completion in (Completion.SUBSTANTIAL, Completion.COMPLETE)
        assert expected == high_completion(completion)

    @given(st.sampled_from(DIOG))
    def test_strong_early_results(self, diog: DIOG) -> None:
        """Strong early results are exactly major or outstanding."""
        assert (diog in (DIOG.MAJOR, DIOG.OUTSTANDING)) == strong_early_results(diog)

    def test_absent_ratings_count_as_no(self) -> None:
        """No rating is neither high completion nor strong results."""
        assert (False, False) == (high_completion(None), strong_early_results(None))


class TestStarred:
    def test_all_four_criteria(self) -> None:
        """A review meeting all four criteria stars the commitment."""
        assert starred(review())

    @pytest.mark.parametrize(
        "changes",
        [
            {"specificity": Specificity.LOW},
            {"relevant": False},
            {"relevant": None},
            {"potential_impact": PotentialImpact.MINOR},
            {"completion": Completion.LIMITED},
            {"completion": None},
        ],
    )
    def test_each_criterion_is_needed(self, changes: dict[str, Any]) -> None:
        """Failing any one criterion removes the star."""
        assert not starred(review(**changes))


class TestIndicators:
    def test_plan_without_assessments(self) -> None:
        """Commitments without ratings get no indicator."""
        result = indicators(complete_local_plan())
        assert (0, 0, 0) == (result.high_completion, result.strong_early_results, result.starred)
        assert [None] == [c.completion for c in result.commitments]

    def test_latest_rating_counts(self) -> None:
        """The latest completion and DIOG ratings are the ones that count."""
        early = review(date=PartialDate(2019), completion=Completion.LIMITED, specificity=None)
        late = EndOfCommitmentReport(
            date=PartialDate(2020, 3),
            commitment_id="CLMPU0001",
            completion=Completion.COMPLETE,
            did_it_open_government=DidItOpenGovernment(overall=DIOG.MAJOR),
        )
        plan = complete_local_plan(assessments=(late, early))
        (result,) = indicators(plan).commitments
        assert (Completion.COMPLETE, DIOG.MAJOR, False) == (
            result.completion,
            result.did_it_open_government,
            result.starred,
        )
        assert result.high_completion
        assert result.strong_early_results

    def test_counts_per_plan(self) -> None:
        """Plan indicators count the commitments that meet each indicator."""
        plan = complete_local_plan(
            commitments=(commitment(), commitment(id="CLMPU0002")),
            assessments=(
                review(),
                review(commitment_id="CLMPU0002", completion=Completion.LIMITED),
            ),
        )
        result = indicators(plan)
        assert (1, 1) == (result.starred, result.high_completion)
