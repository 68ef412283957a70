"""
Derived indicators: what OGP computes from assessments and deadlines, not findings.

The `assessment.*` and `deadline.*` rules and `ogpmodel.stats` use these functions, so that a
finding and a count never disagree.

- *Completion level*: the rank of a completion rating on its scale (no evidence lowest).
- *High completion*: completion is substantial or complete.
- *Strong early results*: "Did it open government?" is major or outstanding.
- *Starred* (legacy IRM, 2014-2019): specificity medium or high, relevant to a core OGP value,
  potential impact moderate or transformative, and completion substantial or complete.
- *Substantial potential*: potential for results substantial (2020+), or potential impact
  transformative (legacy IRM).
- *Overdue milestone*: open (its status recorded and neither completed nor cancelled) past its
  end date, in a commitment and a plan that are not withdrawn.

Source: OGP's glossary (completion, early results) and its "starred commitments" page, as
summarised in the project's domain notes.

>>> from ogpmodel import Completion, DIOG
>>> high_completion(Completion.SUBSTANTIAL), strong_early_results(DIOG.MARGINAL)
(True, False)
"""

import datetime
from typing import Any

import attrs

from ogpmodel.codelists import (
    DIOG,
    CommitmentStatus,
    Completion,
    MilestoneStatus,
    PlanStatus,
    PotentialForResults,
    PotentialImpact,
    Specificity,
)
from ogpmodel.model import (
    ActionPlan,
    Commitment,
    EndOfCommitmentReport,
    InceptionReport,
    IrmReview,
    Milestone,
)
from ogpmodel.values import PartialDate

__all__ = [
    "CommitmentIndicators",
    "PlanIndicators",
    "completion_level",
    "high_completion",
    "indicators",
    "milestone_due",
    "milestone_overdue",
    "starred",
    "strong_early_results",
    "substantial_potential",
]


def __dir__() -> list[str]:
    return sorted(__all__)


_LEVEL = {completion: level for level, completion in enumerate(Completion)}
_STRONG_RESULTS = frozenset({DIOG.MAJOR, DIOG.OUTSTANDING})
_CLOSED_MILESTONE = frozenset({MilestoneStatus.COMPLETED, MilestoneStatus.CANCELLED})


def completion_level(completion: Completion) -> int:
    """
    The rank of *completion* on its scale, from 0 (no evidence) to 4 (complete).

    >>> completion_level(Completion.LIMITED) < completion_level(Completion.SUBSTANTIAL)
    True
    """
    return _LEVEL[completion]


def high_completion(completion: Completion | None) -> bool:
    """Whether a completion rating counts as high completion (substantial or complete)."""
    return completion is not None and _LEVEL[completion] >= _LEVEL[Completion.SUBSTANTIAL]


def strong_early_results(diog: DIOG | None) -> bool:
    """Whether a "Did it open government?" rating counts as strong (major or outstanding)."""
    return diog in _STRONG_RESULTS


def substantial_potential(
    potential_for_results: PotentialForResults | None, potential_impact: PotentialImpact | None
) -> bool:
    """
    Whether the ratings say a commitment has substantial potential for results.

    Substantial potential for results (the 2020+ indicator) or transformative potential
    impact (its legacy forerunner) counts.
    """
    return (
        potential_for_results is PotentialForResults.SUBSTANTIAL
        or potential_impact is PotentialImpact.TRANSFORMATIVE
    )


def milestone_due(milestone: Milestone) -> PartialDate | None:
    """When *milestone* is due: the end of its period, or `None` when it has none."""
    return milestone.period.end if milestone.period is not None else None


def milestone_overdue(
    plan: ActionPlan, commitment: Commitment, milestone: Milestone, as_of: datetime.date
) -> bool:
    """
    Whether *milestone* of *commitment* in *plan* is overdue on *as_of*.

    It is when its status is recorded and neither completed nor cancelled, and *as_of* is past
    its whole end date (``2023-12`` from 1 January 2024 on). A milestone without a recorded
    status is not known to be open; withdrawn plans and commitments have no deadlines left.
    """
    if (
        milestone.status is None
        or milestone.status in _CLOSED_MILESTONE
        or commitment.status is CommitmentStatus.WITHDRAWN
        or plan.status is PlanStatus.WITHDRAWN
    ):
        return False
    due = milestone_due(milestone)
    return due is not None and due.is_before(as_of)


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

    The latest rating of each indicator counts: the one of the latest assessment (by date; on
    a tie, the later one in the plan's list) that records it.

    Attributes:
        commitment_id: The commitment.
        completion: The latest completion rating, or `None`.
        did_it_open_government: The latest overall DIOG rating, or `None`.
        starred: Whether any legacy IRM review stars it.
        potential_for_results: The latest potential for results (an inception report's design
            assessment or an IRM review), or `None`.
        potential_impact: The latest legacy potential impact (an IRM review), or `None`.
    """

    commitment_id: str
    completion: Completion | None
    did_it_open_government: DIOG | None
    starred: bool
    potential_for_results: PotentialForResults | None = None
    potential_impact: PotentialImpact | None = None

    @property
    def high_completion(self) -> bool:
        """Whether the latest completion is substantial or complete."""
        return high_completion(self.completion)

    @property
    def strong_early_results(self) -> bool:
        """Whether the latest DIOG rating is major or outstanding."""
        return strong_early_results(self.did_it_open_government)

    @property
    def substantial_potential(self) -> bool:
        """Whether the latest potential ratings are substantial (or transformative)."""
        return substantial_potential(self.potential_for_results, self.potential_impact)


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

    @property
    def substantial_potential(self) -> int:
        """How many commitments have substantial potential for results."""
        return sum(c.substantial_potential for c in self.commitments)


_Key = tuple[datetime.date, datetime.date]
_RATINGS = ("completion", "did_it_open_government", "potential_for_results", "potential_impact")


class _Latest:
    """The latest rating of each indicator of one commitment, and whether it is starred."""

    def __init__(self) -> None:
        self.ratings: dict[str, tuple[_Key, Any]] = {}
        self.starred = False

    def note(self, key: _Key, indicator: str, rating: object) -> None:
        """Record *rating* dated *key*: it is the latest unless an earlier note is later."""
        if rating is not None:
            current = self.ratings.get(indicator)
            if current is None or key >= current[0]:
                self.ratings[indicator] = (key, rating)

    def indicators(self, commitment_id: str) -> CommitmentIndicators:
        latest = {name: self.ratings[name][1] for name in _RATINGS if name in self.ratings}
        return CommitmentIndicators(
            commitment_id,
            latest.get("completion"),
            latest.get("did_it_open_government"),
            self.starred,
            latest.get("potential_for_results"),
            latest.get("potential_impact"),
        )


def indicators(plan: ActionPlan) -> PlanIndicators:
    """
    Compute the indicators of every commitment of *plan* from its assessments.

    The latest rating of each indicator (by assessment date; on a tie, the later one in the
    list) counts.
    """
    by_commitment = {c.id: _Latest() for c in plan.commitments}
    unknown = _Latest()  # the ratings of commitments the plan does not have: not counted
    for assessment in plan.assessments:
        key = assessment.date.sort_key()
        if isinstance(assessment, InceptionReport):
            for design in assessment.commitments:
                latest = by_commitment.get(design.commitment_id, unknown)
                latest.note(key, "potential_for_results", design.potential_for_results)
            continue
        latest = by_commitment.get(assessment.commitment_id, unknown)
        latest.note(key, "completion", assessment.completion)
        if isinstance(assessment, EndOfCommitmentReport):
            latest.note(key, "did_it_open_government", assessment.did_it_open_government.overall)
        else:
            diog = assessment.did_it_open_government or assessment.early_results
            latest.note(key, "did_it_open_government", diog)
            latest.note(key, "potential_for_results", assessment.potential_for_results)
            latest.note(key, "potential_impact", assessment.potential_impact)
            latest.starred = latest.starred or starred(assessment)
    return PlanIndicators(tuple(by_commitment[c.id].indicators(c.id) for c in plan.commitments))
