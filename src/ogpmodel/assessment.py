"""
Derived indicators: what OGP computes from assessments, not findings.

- *High completion*: completion is substantial or complete.
- *Strong early results*: "Did it open government?" is major or outstanding.
- *Starred* (legacy IRM, 2014-2019): specificity medium or high, relevant to a core OGP value,
  potential impact moderate or transformative, and completion substantial or complete.

Source: OGP's glossary (completion, early results) and its "starred commitments" page, as
summarised in the project's domain notes.

>>> from ogpmodel import Completion, DIOG
>>> high_completion(Completion.SUBSTANTIAL), strong_early_results(DIOG.MARGINAL)
(True, False)
"""

import datetime
from collections.abc import Iterable
from typing import TypeVar

import attrs

from ogpmodel.codelists import DIOG, Completion, PotentialImpact, Specificity
from ogpmodel.model import ActionPlan, Assessment, EndOfCommitmentReport, IrmReview

__all__ = [
    "CommitmentIndicators",
    "PlanIndicators",
    "high_completion",
    "indicators",
    "starred",
    "strong_early_results",
]


def __dir__() -> list[str]:
    return sorted(__all__)


_HIGH_COMPLETION = frozenset({Completion.SUBSTANTIAL, Completion.COMPLETE})
_STRONG_RESULTS = frozenset({DIOG.MAJOR, DIOG.OUTSTANDING})


def high_completion(completion: Completion | None) -> bool:
    """Whether a completion rating counts as high completion (substantial or complete)."""
    return completion in _HIGH_COMPLETION


def strong_early_results(diog: DIOG | None) -> bool:
    """Whether a "Did it open government?" rating counts as strong (major or outstanding)."""
    return diog in _STRONG_RESULTS


def starred(review: IrmReview) -> bool:
    """
    Whether a legacy IRM review makes its commitment *starred*.

    All four must hold: medium or high specificity, relevant, moderate or transformative
    potential impact, substantial or complete completion.
    """
    return (
        review.specificity in (Specificity.MEDIUM, Specificity.HIGH)
        and review.relevant is True
        and review.potential_impact in (PotentialImpact.MODERATE, PotentialImpact.TRANSFORMATIVE)
        and high_completion(review.completion)
    )


@attrs.frozen
class CommitmentIndicators:
    """
    The indicators of one commitment, from its latest ratings.

    Attributes:
        commitment_id: The commitment.
        completion: The latest completion rating (by assessment date), or `None`.
        did_it_open_government: The latest overall DIOG rating, or `None`.
        starred: Whether any legacy IRM review stars it.
    """

    commitment_id: str
    completion: Completion | None
    did_it_open_government: DIOG | None
    starred: bool

    @property
    def high_completion(self) -> bool:
        """Whether the latest completion is substantial or complete."""
        return high_completion(self.completion)

    @property
    def strong_early_results(self) -> bool:
        """Whether the latest DIOG rating is major or outstanding."""
        return strong_early_results(self.did_it_open_government)


@attrs.frozen
class PlanIndicators:
    """The indicators of every commitment of a plan, and their counts."""

    commitments: tuple[CommitmentIndicators, ...]

    @property
    def high_completion(self) -> int:
        """How many commitments have high completion."""
        return sum(c.high_completion for c in self.commitments)

    @property
    def strong_early_results(self) -> int:
        """How many commitments have strong early results."""
        return sum(c.strong_early_results for c in self.commitments)

    @property
    def starred(self) -> int:
        """How many commitments are starred."""
        return sum(c.starred for c in self.commitments)


_Key = tuple[datetime.date, datetime.date]
T = TypeVar("T")


def _latest(rated: list[tuple[_Key, T]]) -> T | None:
    """The rating with the latest date; on a tie, the later one in the list."""
    latest: tuple[_Key, T] | None = None
    for item in rated:
        if latest is None or item[0] >= latest[0]:
            latest = item
    return None if latest is None else latest[1]


def _ratings(assessments: Iterable[Assessment]) -> tuple[Completion | None, DIOG | None, bool]:
    completions: list[tuple[_Key, Completion]] = []
    diogs: list[tuple[_Key, DIOG]] = []
    is_starred = False
    for assessment in assessments:
        key = assessment.date.sort_key()
        if isinstance(assessment, EndOfCommitmentReport):
            completions.append((key, assessment.completion))
            overall = assessment.did_it_open_government.overall
            if overall is not None:
                diogs.append((key, overall))
        elif isinstance(assessment, IrmReview):
            if assessment.completion is not None:
                completions.append((key, assessment.completion))
            diog = assessment.did_it_open_government or assessment.early_results
            if diog is not None:
                diogs.append((key, diog))
            is_starred = is_starred or starred(assessment)
    return _latest(completions), _latest(diogs), is_starred


def indicators(plan: ActionPlan) -> PlanIndicators:
    """
    Compute the indicators of every commitment of *plan* from its assessments.

    The latest rating (by assessment date; on a tie, the later one in the list) counts.
    """
    by_commitment: dict[str, list[Assessment]] = {c.id: [] for c in plan.commitments}
    for assessment in plan.assessments:
        if isinstance(assessment, (EndOfCommitmentReport, IrmReview)):
            by_commitment.setdefault(assessment.commitment_id, []).append(assessment)
    return PlanIndicators(
        tuple(CommitmentIndicators(c.id, *_ratings(by_commitment[c.id])) for c in plan.commitments)
    )
