"""Lifecycle histories: paths through the transition tables, and their dated events."""

import datetime
import functools
from collections.abc import Mapping, Sequence
from typing import Any

import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument

from ogpmodel.codelists import (
    CommitmentStatus,
    MilestoneStatus,
    PlanStatus,
)
from ogpmodel.lifecycle import TABLES, Kind, Table, Transition
from ogpmodel.model import (
    TransitionEvent,
)
from ogpmodel.strategies._draw import (
    _between,
    _check_languages,
    _Config,
    _draw_text,
    _enum,
    _maybe,
    _pick,
)
from ogpmodel.strategies._kinds import build as _build
from ogpmodel.strategies._values import _check_precisions, _draw_day, dates
from ogpmodel.values import PartialDate, Precision

_MAX_PATH = {"plan": 6, "commitment": 3, "milestone": 4}


@functools.cache
def _paths(kind: Kind, to: Any) -> tuple[tuple[Transition[Any], ...], ...]:
    """Every path of the table of *kind* from its initial state to *to*, shortest first."""
    table: Table[Any] = TABLES[kind]
    found: list[tuple[Transition[Any], ...]] = []

    def walk(state: Any, path: tuple[Transition[Any], ...]) -> None:
        if state == to:
            found.append(path)
        if len(path) == _MAX_PATH[kind] or state in table.terminal:
            return
        for step in table.transitions:
            if step.from_ == state:
                walk(step.to, (*path, step))

    walk(table.initial, ())
    return tuple(sorted(found, key=len))


def _draw_path(draw: st.DrawFn, kind: Kind, to: Any) -> tuple[Transition[Any], ...]:
    return _pick(draw, _paths(kind, to))


def _draw_when(
    draw: st.DrawFn,
    day: datetime.date,
    floor: datetime.date,
    top: datetime.date,
    precisions: tuple[Precision, ...],
) -> datetime.date | PartialDate:
    """
    The date of an event on *day*: the day itself, or its month or year.

    A coarser precision is drawn one time in four (always when *precisions* lacks ``day``),
    and only where its whole interval lies within ``[floor, top]``: then no event before or
    after overlaps it, and the order of the history stays certain.
    """
    coarse = tuple(p for p in ("month", "year") if p in precisions)
    if not coarse or ("day" in precisions and _between(draw, 0, 3) < 3):
        return day
    precision = _pick(draw, coarse)
    month = day.month if precision == "month" else None
    interval = PartialDate(day.year, month)
    if floor <= interval.earliest and interval.latest <= top:
        return interval
    return day


def _draw_events(
    draw: st.DrawFn,
    cfg: _Config,
    path: tuple[Transition[Any], ...],
    start: datetime.date,
    *,
    last: datetime.date | None = None,
    floors: Mapping[Any, datetime.date] | None = None,
    precisions: tuple[Precision, ...] = ("day",),
) -> tuple[TransitionEvent[Any], ...]:
    """
    Events along *path*, dated from *start* on, in order and at most *last*.

    *floors* gives, for some target states, the earliest day a move there may happen (the
    plan's guards). *precisions* are those of the event dates (see `_draw_when`): a month or a
    year lies wholly after the previous event and before the next one.
    """
    events: list[TransitionEvent[Any]] = []
    day = start
    for step in path:
        floor = (floors or {}).get(step.to)
        if floor is not None and floor > day:
            day = floor
        top = max(day, last) if last is not None else day + datetime.timedelta(days=400)
        when = _draw_when(draw, _draw_day(draw, day, top), day, top, precisions)
        day = when.latest if isinstance(when, PartialDate) else when
        note = (
            _draw_text(draw, cfg)
            if step.note_required
            else _maybe(draw, cfg, lambda: _draw_text(draw, cfg))
        )
        actor = (
            _maybe(draw, cfg, lambda: _pick(draw, cfg.stakeholder_ids))
            if cfg.stakeholder_ids
            else None
        )
        events.append(
            _build(
                draw,
                cfg,
                TransitionEvent,
                from_=step.from_,
                to=step.to,
                date=when,
                actor_id=actor,
                note=note,
                extensions={},  # as `lifecycle.transition` makes them, so histories replay
            )
        )
    return tuple(events)


_KINDS: Mapping[Kind, type[PlanStatus] | type[CommitmentStatus] | type[MilestoneStatus]] = {
    "plan": PlanStatus,
    "commitment": CommitmentStatus,
    "milestone": MilestoneStatus,
}


def _states(kind: Kind) -> tuple[Any, ...]:
    """The states of the lifecycle of *kind*, in table order."""
    return tuple(_KINDS[kind])


@st.composite
def histories(
    draw: st.DrawFn,
    kind: Kind,
    *,
    to: PlanStatus | CommitmentStatus | MilestoneStatus | str | None = None,
    start: datetime.date | None = None,
    precisions: Sequence[Precision] = ("day", "month"),
    languages: Sequence[str] = ("es", "en"),
) -> tuple[TransitionEvent[Any], ...]:
    """
    Yield a consistent lifecycle history: the events from the initial state to *to*.

    Every event is a transition of the table of *kind* (`ogpmodel.lifecycle.TABLES`), starts in
    the state the previous one ended in, is dated on the same day as the previous one or later,
    and carries a note when it withdraws or cancels. An event dated by a month or a year (as
    imported records are) lies wholly after the previous event, so that the order is certain.
    A history ending in the initial state is empty. The guards that look at the rest of a plan
    (the plan period, the stage-dependent rules, end-of-commitment reports) are
    `action_plans`' business.

    Args:
        kind: ``"plan"``, ``"commitment"`` or ``"milestone"``.
        to: The state the history ends in (a state of *kind* or its wire string); any state
            when `None`.
        start: The earliest day of the first event; drawn with `dates` when `None`.
        precisions: The precisions of event dates: mostly days, a month or a year one time in
            four where it fits after the previous event (a day where it does not).
        languages: The language tags of the notes.

    Shrinks toward the shortest history to the first state, all events on the earliest day.
    """
    if kind not in _KINDS:
        raise InvalidArgument(f"kind must be 'plan', 'commitment' or 'milestone' (got {kind!r})")
    cfg = _Config(languages=_check_languages(languages))
    states = _KINDS[kind]
    target = _enum(states, to, "to")
    if target is None:
        target = _pick(draw, _states(kind))
    chosen = _check_precisions(precisions)
    first = draw(dates()) if start is None else start
    return _draw_events(draw, cfg, _draw_path(draw, kind, target), first, precisions=chosen)
