"""Plans that only the model accepts, and the public plan strategies."""

import datetime
from collections.abc import Sequence
from typing import Any

import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from ogpmodel import _patterns
from ogpmodel.codelists import (
    CommitmentStatus,
    Completion,
    Jurisdiction,
    Membership,
    MilestoneStatus,
    OGPValue,
    PlanStatus,
    Sector,
    StakeholderKind,
)
from ogpmodel.lifecycle import Kind
from ogpmodel.model import (
    ActionPlan,
    Assessment,
    Commitment,
    Endorsement,
    Forum,
    Goal,
    Member,
    Milestone,
    MonitoringBody,
    ProgressReport,
    StrategicVision,
    TransitionEvent,
)
from ogpmodel.serialize import to_dict
from ogpmodel.strategies._assessments import assessments
from ogpmodel.strategies._draw import (
    T,
    _between,
    _check_languages,
    _Config,
    _draw_extensions,
    _draw_text,
    _enum,
    _flag,
    _maybe,
    _maybe_many,
    _maybe_some,
    _pick,
)
from ogpmodel.strategies._entities import (
    _COUNTRY_CODES,
    _ENTITY_IDS,
    _check_sizes,
    _draw_stakeholder,
)
from ogpmodel.strategies._kinds import build as _build
from ogpmodel.strategies._lifecycle import _states
from ogpmodel.strategies._valid_plans import _DRAFT, _PLAN_IDS, _draw_valid_plan, _PlanSpec
from ogpmodel.strategies._values import _draw_link, dates, partial_dates
from ogpmodel.values import PartialDate, Period, Text

_ODD_WORDS: SearchStrategy[str] = st.text(min_size=1, max_size=10).filter(
    lambda text: _patterns.matches(_patterns.NON_BLANK, text)
)
#: Any event date: a day, or a month or a year (in any order in a history).
_EVENT_DATES: SearchStrategy[datetime.date | PartialDate] = st.one_of(
    dates(), partial_dates(precisions=("year", "month"))
)


def _loose_status(draw: st.DrawFn, states: Sequence[T]) -> T | None:
    """Any of *states*, or (last, where it shrinks least) an unrecorded status."""
    return _pick(draw, (*states, None))


def _draw_loose_text(draw: st.DrawFn, cfg: _Config) -> Text | None:
    """An optional text that may also be blank (the model accepts it; the rules may not)."""
    if not cfg.optional or not _flag(draw):
        return None
    if _flag(draw):
        return Text(_pick(draw, ("", " ", "\t")))
    return _draw_text(draw, cfg)


def _draw_loose_period(draw: st.DrawFn, cfg: _Config) -> Period | None:
    if not cfg.optional or not _flag(draw):
        return None
    return _build(
        draw,
        cfg,
        Period,
        start=_maybe(draw, cfg, lambda: draw(partial_dates())),
        end=_maybe(draw, cfg, lambda: draw(partial_dates())),
    )


def _draw_loose_events(
    draw: st.DrawFn, cfg: _Config, kind: Kind
) -> tuple[TransitionEvent[Any], ...]:
    states = _states(kind)
    return _maybe_many(
        draw,
        cfg,
        lambda: _build(
            draw,
            cfg,
            TransitionEvent,
            from_=_pick(draw, states),
            to=_pick(draw, states),
            date=draw(_EVENT_DATES),
            actor_id=_maybe(draw, cfg, lambda: _pick(draw, cfg.stakeholder_ids)),
            note=_draw_loose_text(draw, cfg),
        ),
    )


def _draw_loose_milestone(
    draw: st.DrawFn, cfg: _Config, ids: tuple[str, ...], depth: int
) -> Milestone:
    children = _between(draw, 0, 2) if depth > 1 and cfg.optional else 0
    return _build(
        draw,
        cfg,
        Milestone,
        id=_pick(draw, ids),
        title=_draw_text(draw, cfg),
        status=_loose_status(draw, tuple(MilestoneStatus)),
        expected_outputs=_draw_loose_text(draw, cfg),
        period=_draw_loose_period(draw, cfg),
        deadline_note=_draw_loose_text(draw, cfg),
        responsible_ids=_maybe_some(draw, cfg, cfg.stakeholder_ids),
        history=_draw_loose_events(draw, cfg, "milestone"),
        milestones=tuple(_draw_loose_milestone(draw, cfg, ids, depth - 1) for _ in range(children)),
        links=_maybe_many(draw, cfg, lambda: _draw_link(draw, cfg), max_size=1),
        extensions=_draw_extensions(draw, cfg),
    )


def _draw_loose_commitment(
    draw: st.DrawFn, cfg: _Config, spec: _PlanSpec, ids: tuple[str, ...]
) -> Commitment:
    milestone_ids = ("1", "2", *cfg.stakeholder_ids)
    count = _between(draw, 0, spec.max_milestones) if spec.max_depth else 0
    return _build(
        draw,
        cfg,
        Commitment,
        id=_pick(draw, ids),
        title=_draw_text(draw, cfg),
        status=_loose_status(draw, tuple(CommitmentStatus)),
        problem=_draw_loose_text(draw, cfg),
        status_quo=_draw_loose_text(draw, cfg),
        action=_draw_loose_text(draw, cfg),
        expected_results=_draw_loose_text(draw, cfg),
        vision_goal_id=_maybe(draw, cfg, lambda: _pick(draw, ("g1", *cfg.stakeholder_ids))),
        ogp_values=_maybe_some(draw, cfg, OGPValue),
        policy_areas=_maybe_many(draw, cfg, lambda: draw(_ODD_WORDS)),
        primary_sector=_maybe(draw, cfg, lambda: draw(_ODD_WORDS)),
        period=_draw_loose_period(draw, cfg),
        lead_ids=_maybe_some(draw, cfg, cfg.stakeholder_ids),
        supporting_ids=_maybe_some(draw, cfg, cfg.stakeholder_ids),
        milestones=tuple(
            _draw_loose_milestone(draw, cfg, milestone_ids, spec.max_depth) for _ in range(count)
        ),
        history=_draw_loose_events(draw, cfg, "commitment"),
        progress=_maybe_many(
            draw,
            cfg,
            lambda: _build(
                draw,
                cfg,
                ProgressReport,
                date=draw(partial_dates()),
                status=_maybe(draw, cfg, lambda: _pick(draw, Completion)),
                text=_draw_loose_text(draw, cfg),
                author_id=_maybe(draw, cfg, lambda: _pick(draw, cfg.stakeholder_ids)),
            ),
            max_size=1,
        ),
        links=_maybe_many(draw, cfg, lambda: _draw_link(draw, cfg), max_size=1),
        extensions=_draw_extensions(draw, cfg),
    )


def _draw_loose_plan(draw: st.DrawFn, spec: _PlanSpec) -> ActionPlan:
    """A plan the model accepts: ids may repeat, references dangle, periods run backwards."""
    pool = tuple(draw(st.lists(_ENTITY_IDS, min_size=1, max_size=4)))
    cfg = _Config(
        languages=spec.languages,
        optional=spec.optional_fields,
        stakeholder_ids=pool,
        relative_links=True,  # with or without a base_url
    )
    low = spec.min_commitments or 0
    commitment_ids = tuple(draw(st.lists(_ENTITY_IDS, min_size=1, max_size=3)))
    count = _between(draw, low, spec.max_commitments)
    items: tuple[Assessment, ...] = _maybe_many(
        draw,
        cfg,
        lambda: draw(
            assessments(
                commitment_ids=commitment_ids + pool,
                stakeholder_ids=pool,
                languages=spec.languages,
                optional_fields=spec.optional_fields,
            )
        ),
    )
    return _build(
        draw,
        cfg,
        ActionPlan,
        id=draw(_PLAN_IDS),
        title=_draw_text(draw, cfg),
        language=_pick(draw, spec.languages),
        member=_build(
            draw,
            cfg,
            Member,
            name=_draw_text(draw, cfg),
            membership=_pick(draw, spec.memberships),
            country=_pick(draw, _COUNTRY_CODES),
            jurisdiction=_maybe(draw, cfg, lambda: _pick(draw, Jurisdiction)),
            administration_term_end=_maybe(draw, cfg, lambda: draw(partial_dates())),
        ),
        period=_draw_loose_period(draw, cfg) or Period(),
        status=_loose_status(draw, spec.statuses)
        if spec.unrecorded
        else _pick(draw, spec.statuses),
        history=_draw_loose_events(draw, cfg, "plan"),
        submitted_on=_maybe(draw, cfg, lambda: draw(dates())),
        description=_draw_loose_text(draw, cfg),
        strategic_vision=_maybe(
            draw,
            cfg,
            lambda: _build(
                draw,
                cfg,
                StrategicVision,
                text=_draw_text(draw, cfg),
                goals=_maybe_many(
                    draw,
                    cfg,
                    lambda: _build(
                        draw,
                        cfg,
                        Goal,
                        id=_pick(draw, ("g1", "g2", *pool)),
                        text=_draw_text(draw, cfg),
                    ),
                ),
            ),
        ),
        stakeholders=tuple(
            _draw_stakeholder(draw, cfg, identifier, _pick(draw, Sector), pool, named=False)
            for identifier in _maybe_some(draw, cfg, pool, max_size=4)
        ),
        point_of_contact_id=_maybe(draw, cfg, lambda: _pick(draw, pool)),
        forum=_maybe(
            draw,
            cfg,
            lambda: _build(
                draw,
                cfg,
                Forum,
                name=_draw_text(draw, cfg),
                member_ids=_maybe_some(draw, cfg, pool),
            ),
        ),
        monitoring_body=_maybe(
            draw,
            cfg,
            lambda: _build(
                draw,
                cfg,
                MonitoringBody,
                name=_draw_text(draw, cfg),
                kind=_pick(draw, StakeholderKind),
                member_ids=_maybe_some(draw, cfg, pool),
            ),
        ),
        endorsements=_maybe_many(
            draw,
            cfg,
            lambda: _build(
                draw, cfg, Endorsement, stakeholder_id=_pick(draw, pool), date=draw(dates())
            ),
        ),
        commitments=tuple(
            _draw_loose_commitment(draw, cfg, spec, commitment_ids) for _ in range(count)
        ),
        assessments=items,
        links=_maybe_many(draw, cfg, lambda: _draw_link(draw, cfg)),
        extensions=_draw_extensions(draw, cfg),
    )


# --- the public plan strategies ------------------------------------------------------------------


def _plan_spec(
    *,
    membership: Membership | str | None,
    status: PlanStatus | str | None,
    min_commitments: int | None,
    max_commitments: int,
    max_milestones: int,
    max_depth: int,
    languages: Sequence[str],
    optional_fields: bool,
    valid: bool,
) -> _PlanSpec:
    chosen_membership = _enum(Membership, membership, "membership")
    chosen_status = _enum(PlanStatus, status, "status")
    _check_sizes(max_milestones, max_depth)
    if max_commitments < 0 or (
        min_commitments is not None and not 0 <= min_commitments <= max_commitments
    ):
        raise InvalidArgument(
            f"need 0 <= min_commitments <= max_commitments (got {min_commitments}, {max_commitments})"
        )
    statuses = (chosen_status,) if chosen_status is not None else tuple(PlanStatus)
    if valid and (max_commitments < 1 or max_milestones < 1 or max_depth < 1):
        # Only drafts may lack commitments or milestones.
        statuses = tuple(s for s in statuses if s in _DRAFT)
        if not statuses:
            raise InvalidArgument(
                f"a valid plan in status {chosen_status.value if chosen_status else None!r} "
                "needs a commitment with a milestone: raise max_commitments, max_milestones "
                "and max_depth to at least 1"
            )
    return _PlanSpec(
        memberships=(chosen_membership,) if chosen_membership else tuple(Membership),
        statuses=statuses,
        min_commitments=min_commitments,
        max_commitments=max_commitments,
        max_milestones=max_milestones,
        max_depth=max_depth,
        languages=_check_languages(languages),
        optional_fields=optional_fields,
        unrecorded=chosen_status is None,
    )


@st.composite
def _plans(draw: st.DrawFn, spec: _PlanSpec, valid: bool) -> ActionPlan:
    if valid:
        return _draw_valid_plan(draw, spec)
    return _draw_loose_plan(draw, spec)


def action_plans(
    *,
    membership: Membership | str | None = None,
    status: PlanStatus | str | None = None,
    min_commitments: int | None = None,
    max_commitments: int = 3,
    max_milestones: int = 3,
    max_depth: int = 2,
    languages: Sequence[str] = ("es", "en"),
    optional_fields: bool = True,
    valid: bool = True,
) -> SearchStrategy[ActionPlan]:
    """
    Yield `ActionPlan` values; by default every one passes `ogpmodel.validate` with no errors.

    A valid plan is consistent for its stage: unique ids, references that resolve, milestone
    periods within their commitment's (or parent milestone's), a lifecycle history that leads
    to its status with non-decreasing dates and respects the guards of the transition tables
    (implementation starts on or after the plan period's start, the plan ends on or after its
    end, commitments and milestones move only while the plan is in implementation or ended, a
    completed commitment has only completed or cancelled milestones, a closed local plan has an
    end-of-commitment report for every completed commitment, withdrawals and cancellations
    carry a note). From ``submitted`` on (and for withdrawn plans) it meets every
    stage-dependent rule: each commitment has a problem, an action, a core OGP value, a lead, a
    complete period and milestones with end dates; the plan has commitments, a forum with a
    government and a non-government member, an endorsement by a non-government stakeholder on
    or before ``submitted_on``, a monitoring body if local, and ``submitted_on`` (the date of its
    ``co_creation → submitted`` event). Warnings and infos may remain.

    What OGP JSON 1.1 adds is drawn too, consistently: a status is sometimes not recorded
    (`None`, with no history; a plan without one counts as a draft), commitment and milestone
    events are sometimes dated by a month that no other event of the history overlaps, a
    completed milestone has only completed, cancelled or unrecorded children, stakeholders have
    a name, an acronym or both, a link has one address or one per language (relative ones only
    where the plan has a ``base_url``), and no two commitments, nor two milestones of one
    commitment, have the same title.

    Args:
        membership: ``"local"`` or ``"national"`` (the validation profile); either when `None`.
        status: The plan's `PlanStatus` (or its wire string); any when `None`, or unrecorded.
        min_commitments: The fewest commitments (0 when `None`); a valid plan has at least
            one from ``submitted`` on.
        max_commitments: The most commitments.
        max_milestones: The most milestones of one commitment, at every depth.
        max_depth: The levels of milestone nesting (1: no child milestones).
        languages: The language tags of language maps; the plan's ``language`` is one of them.
        optional_fields: `False` omits every optional field a valid plan can do without.
        valid: `False` yields any plan the model accepts, ignoring the rules: ids may repeat,
            references dangle, periods end before they start, histories make no sense. For
            robustness tests and round trips.

    Shrinks toward a local plan in ``planning`` with no commitments, or with one commitment
    and one milestone when the stage needs them, one-word texts and the earliest dates.

    Raises:
        InvalidArgument: The arguments cannot be met (a submitted plan with no commitments).
    """
    spec = _plan_spec(
        membership=membership,
        status=status,
        min_commitments=min_commitments,
        max_commitments=max_commitments,
        max_milestones=max_milestones,
        max_depth=max_depth,
        languages=languages,
        optional_fields=optional_fields,
        valid=valid,
    )
    return _plans(spec, valid)


def documents(
    *,
    membership: Membership | str | None = None,
    status: PlanStatus | str | None = None,
    min_commitments: int | None = None,
    max_commitments: int = 3,
    max_milestones: int = 3,
    max_depth: int = 2,
    languages: Sequence[str] = ("es", "en"),
    optional_fields: bool = True,
    valid: bool = True,
) -> SearchStrategy[dict[str, Any]]:
    """
    Yield OGP JSON documents (dicts): `ogpmodel.to_dict` of `action_plans`.

    The arguments are those of `action_plans`. Shrinks as `action_plans` does.
    """
    return action_plans(
        membership=membership,
        status=status,
        min_commitments=min_commitments,
        max_commitments=max_commitments,
        max_milestones=max_milestones,
        max_depth=max_depth,
        languages=languages,
        optional_fields=optional_fields,
        valid=valid,
    ).map(to_dict)
