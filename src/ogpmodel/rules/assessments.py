"""
Assessment rules: consistency of monitoring-body and IRM ratings over time and across eras.

Ratings are dated records, not lifecycle states: a completion rating may go down (these rules
warn), and two ratings whose partial dates overlap are not in any order.
"""

from collections.abc import Iterator

import attrs

from ogpmodel._catalogue import register
from ogpmodel.assessment import completion_level
from ogpmodel.codelists import Completion, Verifiable
from ogpmodel.model import EndOfCommitmentReport, InceptionReport, IrmReview
from ogpmodel.report import Severity
from ogpmodel.rules._context import Context, Hit
from ogpmodel.values import PartialDate

__all__ = ["LEGACY_INDICATORS", "NEW_INDICATORS", "out_of_era"]

#: The ratings an inception report's commitment design and an IRM review may carry beyond
#: ``verifiable``.
_DESIGN_RATINGS = ("relevant", "novelty", "potential_for_results")
_IRM_RATINGS = (
    "relevant",
    "specificity",
    "potential_impact",
    "potential_for_results",
    "completion",
    "did_it_open_government",
    "early_results",
)

#: IRM indicators of the plans before 2021 (legacy) and of the plans from 2020 on (new).
#: IRM review fields of the legacy era (plans before 2021).
LEGACY_INDICATORS = ("specificity", "potential_impact")
#: IRM review fields of the 2020+ era.
NEW_INDICATORS = ("verifiable", "potential_for_results")


def out_of_era(start_year: int | None) -> tuple[str, ...]:
    """The IRM review fields a plan whose period starts in *start_year* should not carry."""
    if start_year is None:
        return ()
    if start_year >= 2021:
        return LEGACY_INDICATORS
    if start_year < 2018:
        return NEW_INDICATORS
    return ()


@attrs.frozen
class _Rating:
    index: int
    date: PartialDate
    completion: Completion


@register(
    "assessment.completion-regressed",
    severity=Severity.WARNING,
    family="assessments",
    exemptions=(
        "Ratings whose dates overlap as partial dates (2023 and 2023-06) are in no order, and are not compared.",
    ),
    source="design (completion ratings are dated assessments: https://www.opengovpartnership.org/glossary/completion/)",
    title_en="a later completion rating is lower than an earlier one.",
    en=(
        "Commitment {commitment!r} is rated {completion!r} ({date}), lower than an earlier "
        "completion rating, {earlier!r} ({earlier_date})."
    ),
)
def _completion_regressed(ctx: Context) -> Iterator[Hit]:
    by_commitment: dict[str, list[_Rating]] = {}
    for index, assessment in enumerate(ctx.plan.assessments):
        if (
            isinstance(assessment, (EndOfCommitmentReport, IrmReview))
            and assessment.completion is not None
        ):
            rating = _Rating(index, assessment.date, assessment.completion)
            by_commitment.setdefault(assessment.commitment_id, []).append(rating)
    hits: list[tuple[int, Hit]] = []
    for commitment_id, ratings in by_commitment.items():
        # Sweep by start date; a rating is earlier than another only when its whole interval
        # ends before the other begins, so fold ratings into `best` in order of their ends.
        by_end = sorted(ratings, key=lambda r: r.date.latest)
        best: _Rating | None = None
        done = 0
        for rating in sorted(ratings, key=lambda r: r.date.sort_key()):
            while done < len(by_end) and by_end[done].date.latest < rating.date.earliest:
                candidate = by_end[done]
                if best is None or completion_level(candidate.completion) > completion_level(
                    best.completion
                ):
                    best = candidate
                done += 1
            if best is not None and completion_level(rating.completion) < completion_level(
                best.completion
            ):
                params = {
                    "commitment": commitment_id,
                    "completion": rating.completion.value,
                    "date": str(rating.date),
                    "earlier": best.completion.value,
                    "earlier_date": str(best.date),
                }
                hits.append((rating.index, Hit(f"/assessments/{rating.index}/completion", params)))
    hits.sort(key=lambda item: item[0])
    for _, hit in hits:
        yield hit


@register(
    "assessment.unverifiable-rated",
    severity=Severity.WARNING,
    family="assessments",
    source="https://opengovpartnership.org/glossary/verifiability",
    title_en="a commitment assessed not verifiable also carries further design or results ratings.",
    en=(
        "Commitment {commitment!r} is assessed as not verifiable but also carries further "
        "ratings: {fields}; an unverifiable commitment is not assessed further."
    ),
)
def _unverifiable_rated(ctx: Context) -> Iterator[Hit]:
    for index, assessment in enumerate(ctx.plan.assessments):
        if isinstance(assessment, InceptionReport):
            for d_index, design in enumerate(assessment.commitments):
                if design.verifiable is Verifiable.NO:
                    fields = [f for f in _DESIGN_RATINGS if getattr(design, f) is not None]
                    if fields:
                        yield Hit(
                            f"/assessments/{index}/commitments/{d_index}",
                            {"commitment": design.commitment_id, "fields": fields},
                        )
        elif isinstance(assessment, IrmReview) and assessment.verifiable is Verifiable.NO:
            fields = [f for f in _IRM_RATINGS if getattr(assessment, f) is not None]
            if fields:
                yield Hit(
                    f"/assessments/{index}",
                    {"commitment": assessment.commitment_id, "fields": fields},
                )


@register(
    "assessment.indicator-era",
    severity=Severity.WARNING,
    family="assessments",
    exemptions=(
        "A plan starting in 2018, 2019 or 2020 may carry the indicators of either era.",
        "A plan whose period has no start is not checked.",
    ),
    source=(
        "https://opengovpartnership.org/glossary/verifiability; "
        "https://www.opengovpartnership.org/glossary/ambition/; https://opengovpartnership.org/?p=3699"
    ),
    title_en=(
        "legacy indicators (specificity, potential impact) on a plan starting 2021 or later, "
        "or 2020+ indicators on a plan before 2018."
    ),
    en="The IRM review of commitment {commitment!r} rates {field!r}, {kind}, but the plan starts in {year}.",
)
def _indicator_era(ctx: Context) -> Iterator[Hit]:
    start = ctx.plan.period.start
    if start is None:
        return
    fields = out_of_era(start.year)
    if not fields:
        return
    kind = "legacy_indicator" if fields == LEGACY_INDICATORS else "new_indicator"
    for index, assessment in enumerate(ctx.plan.assessments):
        if isinstance(assessment, IrmReview):
            for field in fields:
                if getattr(assessment, field) is not None:
                    yield Hit(
                        f"/assessments/{index}/{field}",
                        {
                            "commitment": assessment.commitment_id,
                            "field": field,
                            "kind": kind,
                            "year": start.year,
                        },
                    )


@register(
    "assessment.duplicate",
    severity=Severity.WARNING,
    family="assessments",
    source="design",
    title_en="two assessments of the same type for the same commitment and date.",
    en="This {kind} of commitment {commitment!r} dated {date} repeats the one at {first}.",
)
def _duplicate(ctx: Context) -> Iterator[Hit]:
    seen: dict[tuple[str, str, PartialDate], str] = {}
    for index, assessment in enumerate(ctx.plan.assessments):
        kind = assessment.type.value
        if isinstance(assessment, InceptionReport):
            rated = [
                (f"/assessments/{index}/commitments/{d_index}", design.commitment_id)
                for d_index, design in enumerate(assessment.commitments)
            ]
        else:
            rated = [(f"/assessments/{index}", assessment.commitment_id)]
        for path, commitment_id in rated:
            key = (kind, commitment_id, assessment.date)
            if key in seen:
                yield Hit(
                    path,
                    {
                        "kind": kind,
                        "commitment": commitment_id,
                        "date": str(assessment.date),
                        "first": seen[key],
                    },
                )
            else:
                seen[key] = path
