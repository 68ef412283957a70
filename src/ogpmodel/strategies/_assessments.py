"""Assessments: inception reports, end-of-commitment reports and IRM reviews."""

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument

from ogpmodel.codelists import (
    DIOG,
    Completion,
    DIOGDimension,
    IRMProduct,
    Novelty,
    PotentialForResults,
    PotentialImpact,
    Specificity,
    Verifiable,
)
from ogpmodel.model import (
    Assessment,
    CommitmentDesign,
    DidItOpenGovernment,
    EndOfCommitmentReport,
    InceptionReport,
    InceptionRequirements,
    IrmReview,
)
from ogpmodel.rules.assessments import out_of_era
from ogpmodel.strategies._draw import (
    T,
    _check_languages,
    _Config,
    _draw_extensions,
    _flag,
    _maybe,
    _maybe_many,
    _maybe_text,
    _pick,
    _some,
)
from ogpmodel.strategies._entities import _ENTITY_IDS
from ogpmodel.strategies._kinds import build as _build
from ogpmodel.strategies._values import _draw_link, dates
from ogpmodel.values import PartialDate


def _draw_irm_review(
    draw: st.DrawFn,
    cfg: _Config,
    commitment_id: str,
    day: datetime.date,
    *,
    forbidden: tuple[str, ...],
) -> IrmReview:
    verifiable = _maybe(draw, cfg, lambda: _pick(draw, Verifiable))
    unverifiable = verifiable is Verifiable.NO

    def rating(name: str, values: Iterable[T]) -> T | None:
        if unverifiable or name in forbidden:
            return None
        return _maybe(draw, cfg, lambda: _pick(draw, values))

    return _build(
        draw,
        cfg,
        IrmReview,
        date=PartialDate.from_date(day),
        commitment_id=commitment_id,
        product=_pick(draw, IRMProduct),
        verifiable=None if "verifiable" in forbidden else verifiable,
        relevant=rating("relevant", (True, False)),
        specificity=rating("specificity", Specificity),
        potential_impact=rating("potential_impact", PotentialImpact),
        potential_for_results=rating("potential_for_results", PotentialForResults),
        completion=rating("completion", Completion),
        did_it_open_government=rating("did_it_open_government", DIOG),
        early_results=rating("early_results", DIOG),
        extensions=_draw_extensions(draw, cfg),
    )


def _draw_design(draw: st.DrawFn, cfg: _Config, commitment_id: str) -> CommitmentDesign:
    verifiable = _maybe(draw, cfg, lambda: _pick(draw, Verifiable))
    rated = verifiable is not Verifiable.NO
    return _build(
        draw,
        cfg,
        CommitmentDesign,
        commitment_id=commitment_id,
        verifiable=verifiable,
        relevant=_maybe(draw, cfg, lambda: _flag(draw)) if rated else None,
        novelty=_maybe(draw, cfg, lambda: _pick(draw, Novelty)) if rated else None,
        potential_for_results=_maybe(draw, cfg, lambda: _pick(draw, PotentialForResults))
        if rated
        else None,
    )


def _draw_inception_report(
    draw: st.DrawFn, cfg: _Config, commitment_ids: Sequence[str], day: datetime.date
) -> InceptionReport:
    flag = (None, True, False)
    return _build(
        draw,
        cfg,
        InceptionReport,
        date=PartialDate.from_date(day),
        requirements=_build(
            draw,
            cfg,
            InceptionRequirements,
            forum_exists=_pick(draw, flag),
            forum_multistakeholder=_pick(draw, flag),
            plan_endorsed_by_non_government=_pick(draw, flag),
            website_updated=_pick(draw, flag),
            information_shared_before_meetings=_pick(draw, flag),
        ),
        commitments=tuple(
            _draw_design(draw, cfg, cid)
            for cid in _some(draw, commitment_ids, unique=True, max_size=3)
        ),
        evaluator_id=_maybe(draw, cfg, lambda: _pick(draw, cfg.stakeholder_ids))
        if cfg.stakeholder_ids
        else None,
        extensions=_draw_extensions(draw, cfg),
    )


def _draw_end_of_commitment(
    draw: st.DrawFn, cfg: _Config, commitment_id: str, day: datetime.date
) -> EndOfCommitmentReport:
    dimension = (None, *DIOGDimension)
    return _build(
        draw,
        cfg,
        EndOfCommitmentReport,
        date=PartialDate.from_date(day),
        commitment_id=commitment_id,
        completion=_pick(draw, Completion),
        did_it_open_government=_build(
            draw,
            cfg,
            DidItOpenGovernment,
            access_to_information=_pick(draw, dimension),
            civic_participation=_pick(draw, dimension),
            public_accountability=_pick(draw, dimension),
            overall=_pick(draw, (None, *DIOG)),
        ),
        explanation=_maybe_text(draw, cfg),
        evidence=_maybe_many(draw, cfg, lambda: _draw_link(draw, cfg), max_size=1),
        evaluator_id=_maybe(draw, cfg, lambda: _pick(draw, cfg.stakeholder_ids))
        if cfg.stakeholder_ids
        else None,
        extensions=_draw_extensions(draw, cfg),
    )


_ASSESSMENT_TYPES: tuple[type[Any], ...] = (InceptionReport, EndOfCommitmentReport, IrmReview)


@st.composite
def assessments(
    draw: st.DrawFn,
    *,
    commitment_ids: Sequence[str] | None = None,
    stakeholder_ids: Sequence[str] = (),
    types: Sequence[type[Any]] = _ASSESSMENT_TYPES,
    plan_start_year: int | None = None,
    languages: Sequence[str] = ("es", "en"),
    optional_fields: bool = True,
) -> Assessment:
    """
    Yield an assessment: an `InceptionReport`, an `EndOfCommitmentReport` or an `IrmReview`.

    An assessment rated not verifiable carries no further ratings, and an IRM review carries
    only the indicators of its era when *plan_start_year* is given.

    Args:
        commitment_ids: The commitment ids it may assess; drawn ids when `None`.
        stakeholder_ids: The ids ``evaluator_id`` may name (none when empty).
        types: The assessment classes to draw from.
        plan_start_year: The start year of the plan, which decides the IRM indicators.
        languages: The language tags of its texts.
        optional_fields: `False` omits every optional field.

    Shrinks toward an inception report dated 2000-01-01 with no ratings.
    """
    cfg = _Config(
        languages=_check_languages(languages),
        optional=optional_fields,
        stakeholder_ids=tuple(stakeholder_ids),
    )
    kinds = tuple(types)
    if not kinds or any(t not in _ASSESSMENT_TYPES for t in kinds):
        raise InvalidArgument(f"types must be some of {_ASSESSMENT_TYPES} (got {kinds!r})")
    ids = tuple(commitment_ids) if commitment_ids is not None else (draw(_ENTITY_IDS),)
    kind = _pick(draw, kinds)
    day = draw(dates())
    if kind is InceptionReport:
        return _draw_inception_report(draw, cfg, ids, day)
    if not ids:
        raise InvalidArgument(f"a {kind.__name__} needs a commitment id to assess")
    commitment_id = _pick(draw, ids)
    if kind is EndOfCommitmentReport:
        return _draw_end_of_commitment(draw, cfg, commitment_id, day)
    return _draw_irm_review(draw, cfg, commitment_id, day, forbidden=out_of_era(plan_start_year))


def _monotone_completions(items: Sequence[Assessment]) -> tuple[Assessment, ...]:
    """*items* with the completion ratings of each commitment non-decreasing by date."""
    rated: dict[str, list[tuple[int, EndOfCommitmentReport | IrmReview]]] = {}
    for index, item in enumerate(items):
        if isinstance(item, (EndOfCommitmentReport, IrmReview)) and item.completion is not None:
            rated.setdefault(item.commitment_id, []).append((index, item))
    order = list(Completion)
    result = list(items)
    for entries in rated.values():
        by_date = sorted(entries, key=lambda entry: entry[1].date.sort_key())
        levels = sorted(
            (item.completion for _, item in entries if item.completion is not None),
            key=order.index,
        )
        for (index, item), level in zip(by_date, levels, strict=True):
            result[index] = attrs.evolve(item, completion=level)
    return tuple(result)
