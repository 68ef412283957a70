"""Plans that pass validation for their stage."""

import datetime
from typing import Any

import attrs
import hypothesis.strategies as st
from hypothesis.strategies import SearchStrategy

from ogpmodel.codelists import (
    CommitmentStatus,
    Jurisdiction,
    Membership,
    PlanStatus,
    Sector,
    StakeholderKind,
)
from ogpmodel.lifecycle import Transition
from ogpmodel.model import (
    ActionPlan,
    Assessment,
    Endorsement,
    Forum,
    Goal,
    Meeting,
    Member,
    MonitoringBody,
    StrategicVision,
)
from ogpmodel.rules.assessments import out_of_era
from ogpmodel.strategies._assessments import (
    _draw_end_of_commitment,
    _draw_inception_report,
    _draw_irm_review,
    _monotone_completions,
)
from ogpmodel.strategies._draw import (
    _ALNUM,
    _LOWER,
    _between,
    _Config,
    _draw_extensions,
    _draw_text,
    _draw_url,
    _flag,
    _maybe,
    _maybe_many,
    _maybe_some,
    _maybe_text,
    _pick,
    _some,
    _unrecorded,
    day_of,
)
from ogpmodel.strategies._entities import (
    _COUNTRY_CODES,
    _ENTITY_IDS,
    _MEMBER_CODES,
    _draw_commitment,
    _draw_stakeholder,
    _Window,
)
from ogpmodel.strategies._kinds import build as _build
from ogpmodel.strategies._lifecycle import _draw_events, _paths
from ogpmodel.strategies._values import _draw_day, _draw_link, _draw_period, partial_dates
from ogpmodel.values import Period

_PLAN_SLUGS = ("demo", "maipu", "pilar", "ciudad", "plan", "city")
_DRAFT = frozenset({PlanStatus.PLANNING, PlanStatus.CO_CREATION})
_PLAN_ORDER = (
    PlanStatus.PLANNING,
    PlanStatus.CO_CREATION,
    PlanStatus.SUBMITTED,
    PlanStatus.IMPLEMENTATION,
    PlanStatus.ENDED,
    PlanStatus.CLOSED,
)
_MOVING = frozenset({PlanStatus.IMPLEMENTATION, PlanStatus.ENDED, PlanStatus.CLOSED})
_WHILE_MOVING = frozenset({PlanStatus.IMPLEMENTATION, PlanStatus.ENDED})
_NON_GOVERNMENT = tuple(s for s in Sector if s is not Sector.GOVERNMENT)
_PLAN_IDS: SearchStrategy[str] = st.one_of(
    st.builds(
        lambda slug, year: f"{slug}-{year}-{year + 1}",
        st.sampled_from(_PLAN_SLUGS),
        st.integers(2000, 2035),
    ),
    st.builds(
        lambda head, tail: head + tail,
        st.sampled_from(_ALNUM + _LOWER.upper()),
        st.text(_ALNUM + _LOWER.upper() + "._-", max_size=30),
    ),
)


@attrs.frozen
class _PlanSpec:
    """The knobs of the plan generator (`action_plans`' arguments, and `broken_plans`' needs)."""

    memberships: tuple[Membership, ...]
    statuses: tuple[PlanStatus, ...]
    min_commitments: int | None
    max_commitments: int
    max_milestones: int
    max_depth: int
    languages: tuple[str, ...]
    optional_fields: bool
    #: Give even a draft everything a submitted plan needs.
    complete: bool = False
    #: Make the first commitment completed (the plan must be in or past implementation).
    completed_commitment: bool = False
    #: The years of the plan period.
    years: tuple[int, int] = (2000, 2035)
    #: Only histories that went through ``submitted`` for withdrawn plans.
    withdrawn_after_submission: bool = False
    #: The plan's status may be left unrecorded (it then counts as a draft, with no history).
    unrecorded: bool = False


def _member_code(draw: st.DrawFn) -> str:
    return _pick(draw, _MEMBER_CODES)


def _commitment_ids(draw: st.DrawFn, membership: Membership, country: str, count: int) -> list[str]:
    if not _flag(draw):
        if membership is Membership.LOCAL:
            code = _member_code(draw)
            return [f"{country}{code}{n:04d}" for n in range(1, count + 1)]
        return [f"{country}{n:04d}" for n in range(1, count + 1)]
    return draw(st.lists(_ENTITY_IDS, min_size=count, max_size=count, unique=True))


def _draw_plan_path(
    draw: st.DrawFn, spec: _PlanSpec, cfg: _Config
) -> tuple[PlanStatus | None, tuple[Transition[PlanStatus], ...]]:
    """The plan's status and the path of its history (none when the status is unrecorded)."""
    if spec.unrecorded and _unrecorded(draw, cfg):
        return None, ()
    status = _pick(draw, spec.statuses)
    paths = _paths("plan", status)
    if spec.withdrawn_after_submission and status is PlanStatus.WITHDRAWN:
        # Withdrawn after submission: the last state before the withdrawal is not a draft.
        paths = tuple(p for p in paths if p[-1].from_ not in _DRAFT)
    return status, _pick(draw, paths)


def _draw_valid_plan(draw: st.DrawFn, spec: _PlanSpec) -> ActionPlan:
    membership = _pick(draw, spec.memberships)
    local = membership is Membership.LOCAL
    cfg0 = _Config(languages=spec.languages, optional=spec.optional_fields)
    base_url = _maybe(draw, cfg0, lambda: _draw_url(draw))
    cfg0 = attrs.evolve(cfg0, relative_links=base_url is not None)  # links resolve against it
    status, path = _draw_plan_path(draw, spec, cfg0)
    reached = path[-1].from_ if status is PlanStatus.WITHDRAWN and path else status
    submitted = _PLAN_ORDER.index(reached) >= 2 if reached in _PLAN_ORDER else False
    moving = reached in _MOVING
    # An unrecorded status counts as a draft's.
    needs = (status is not None and status not in _DRAFT) or spec.complete

    def want() -> bool:
        return needs or (spec.optional_fields and _flag(draw))

    # The plan period, and the dates of the plan's history (the guards of the table).
    min_year, max_year = spec.years
    if needs or submitted:
        period = _draw_period(draw, complete=True, min_year=min_year, max_year=max_year)
    else:
        period = (
            _maybe(
                draw,
                cfg0,
                lambda: _draw_period(draw, complete=False, min_year=min_year, max_year=max_year),
            )
            or Period()
        )
    anchor = period.start.earliest if period.start is not None else datetime.date(min_year, 1, 1)
    began = anchor - datetime.timedelta(days=_between(draw, 0, 365))
    floors: dict[Any, datetime.date] = {}
    if period.start is not None:
        floors[PlanStatus.IMPLEMENTATION] = period.start.earliest
    if period.end is not None:
        floors[PlanStatus.ENDED] = period.end.earliest

    # Stakeholders: a government one and a non-government one first, when needed.
    parties = want()
    count = _between(draw, 2 if parties else 0, 5 if parties else 3)
    ids = draw(st.lists(_ENTITY_IDS, min_size=count, max_size=count, unique=True))
    sectors = [Sector.GOVERNMENT, _pick(draw, _NON_GOVERNMENT)][:count]
    sectors += [_pick(draw, Sector) for _ in range(count - len(sectors))]
    cfg = attrs.evolve(cfg0, stakeholder_ids=tuple(ids))
    people = tuple(_draw_stakeholder(draw, cfg, ids[i], sectors[i], ids[:i]) for i in range(count))
    government = [s.id for s in people if s.sector is Sector.GOVERNMENT]
    others = [s.id for s in people if s.sector is not Sector.GOVERNMENT]

    events = _draw_events(draw, cfg, path, began, floors=floors)
    on = {event.to: day_of(event.date) for event in events}
    submitted_on = on.get(PlanStatus.SUBMITTED)
    window: _Window | None = None
    if moving:
        first = on[PlanStatus.IMPLEMENTATION]
        # Commitments move while the plan is in implementation or ended.
        leaving = [
            day_of(e.date) for e in events if e.from_ in _WHILE_MOVING and e.to not in _WHILE_MOVING
        ]
        last = leaving[-1] if leaving else first + datetime.timedelta(days=730)
        window = _Window(first, max(first, last))

    # The strategic vision and the commitments.
    vision = None
    if (local and want()) or (not local and _maybe(draw, cfg, lambda: True)):
        goal_ids = _some(draw, ("g1", "g2", "g3"), min_size=1, max_size=3, unique=True)
        vision = _build(
            draw,
            cfg,
            StrategicVision,
            text=_draw_text(draw, cfg),
            goals=tuple(
                _build(draw, cfg, Goal, id=g, text=_draw_text(draw, cfg)) for g in goal_ids
            ),
        )
    goals = tuple(g.id for g in vision.goals) if vision is not None else ()
    low = spec.min_commitments or 0
    if needs or spec.completed_commitment:
        low = max(low, 1)
    country = _pick(draw, _COUNTRY_CODES)
    n_commitments = _between(draw, low, spec.max_commitments)
    commitment_ids = _commitment_ids(draw, membership, country, n_commitments)
    titles: set[str] = set()
    plan_commitments = tuple(
        _draw_commitment(
            draw,
            cfg,
            identifier=cid,
            plan_period=period if period.start or period.end else None,
            window=window,
            complete=needs,
            lead_ids=government if needs else ids,
            goal_ids=goals,
            max_milestones=spec.max_milestones,
            max_depth=spec.max_depth,
            statuses=(
                (CommitmentStatus.COMPLETED,) if spec.completed_commitment and index == 0 else None
            ),
            titles=titles,
        )
        for index, cid in enumerate(commitment_ids)
    )

    # Forum, monitoring body, endorsements, point of contact.
    forum = None
    if want():
        members: tuple[str, ...] = (_pick(draw, government), _pick(draw, others)) if needs else ()
        extra = _maybe_some(draw, cfg, ids, max_size=2)
        members += tuple(m for m in dict.fromkeys(extra) if m not in members)
        until = submitted_on or began + datetime.timedelta(days=365)
        forum = _build(
            draw,
            cfg,
            Forum,
            name=_draw_text(draw, cfg),
            member_ids=members,
            meetings=_maybe_many(
                draw,
                cfg,
                lambda: _build(
                    draw,
                    cfg,
                    Meeting,
                    date=_draw_day(draw, began, until),
                    title=_maybe_text(draw, cfg),
                    link=_maybe(draw, cfg, lambda: _draw_link(draw, cfg)),
                    information_shared_before=_maybe(draw, cfg, lambda: _flag(draw)),
                ),
            ),
        )
    monitoring = None
    if (local and want()) or (not local and _maybe(draw, cfg, lambda: True)):
        monitoring = _build(
            draw,
            cfg,
            MonitoringBody,
            name=_draw_text(draw, cfg),
            kind=_pick(draw, StakeholderKind),
            member_ids=_maybe_some(draw, cfg, ids, max_size=2, unique=True),
        )
    endorsements: tuple[Endorsement, ...] = ()
    endorse_by = submitted_on or began + datetime.timedelta(days=365)
    if needs:
        endorsements += (
            _build(
                draw,
                cfg,
                Endorsement,
                stakeholder_id=_pick(draw, others),
                date=endorse_by - datetime.timedelta(days=_between(draw, 0, 60)),
            ),
        )
    if ids:
        endorsements += _maybe_many(
            draw,
            cfg,
            lambda: _build(
                draw,
                cfg,
                Endorsement,
                stakeholder_id=_pick(draw, ids),
                date=endorse_by - datetime.timedelta(days=_between(draw, 0, 60)),
            ),
            max_size=1,
        )
    point = _maybe(draw, cfg, lambda: _pick(draw, government)) if government else None

    # Assessments, once the plan was submitted.
    items: list[Assessment] = []
    if submitted_on is not None:
        start_year = period.start.year if period.start is not None else None
        if local:
            inception = _maybe(
                draw,
                cfg,
                lambda: _draw_inception_report(
                    draw,
                    cfg,
                    commitment_ids,
                    submitted_on + datetime.timedelta(days=_between(draw, 0, 58)),
                ),
            )
            if inception is not None:
                items.append(inception)
            closed_on = on.get(PlanStatus.CLOSED)
            for commitment in plan_commitments:
                if commitment.status is not CommitmentStatus.COMPLETED:
                    continue
                if closed_on is None and not _maybe(draw, cfg, lambda: True):
                    continue
                done = day_of(commitment.history[-1].date)
                day = done + datetime.timedelta(days=_between(draw, 0, 28))
                if closed_on is not None:
                    day = min(day, closed_on)
                items.append(_draw_end_of_commitment(draw, cfg, commitment.id, day))
        if commitment_ids:
            seen: set[tuple[str, datetime.date]] = set()
            for _ in range(_between(draw, 0, 2) if spec.optional_fields else 0):
                cid = _pick(draw, commitment_ids)
                day = submitted_on + datetime.timedelta(days=_between(draw, 0, 1000))
                if (cid, day) not in seen:
                    seen.add((cid, day))
                    items.append(
                        _draw_irm_review(draw, cfg, cid, day, forbidden=out_of_era(start_year))
                    )
    slug = draw(_PLAN_IDS)
    return _build(
        draw,
        cfg,
        ActionPlan,
        id=slug,
        title=_draw_text(draw, cfg),
        language=spec.languages[0] if len(spec.languages) == 1 else _pick(draw, spec.languages),
        member=_build(
            draw,
            cfg,
            Member,
            name=_draw_text(draw, cfg),
            membership=membership,
            country=country,
            jurisdiction=_maybe(draw, cfg, lambda: _pick(draw, Jurisdiction)) if local else None,
            administration_term_end=_maybe(draw, cfg, lambda: draw(partial_dates())),
            extensions=_draw_extensions(draw, cfg),
        ),
        period=period,
        status=status,
        base_url=base_url,
        history=events,
        submitted_on=submitted_on,
        description=_maybe_text(draw, cfg),
        strategic_vision=vision,
        stakeholders=people,
        point_of_contact_id=point,
        forum=forum,
        monitoring_body=monitoring,
        endorsements=endorsements,
        commitments=plan_commitments,
        assessments=_monotone_completions(items),
        links=_maybe_many(draw, cfg, lambda: _draw_link(draw, cfg)),
        extensions=_draw_extensions(draw, cfg),
    )
