"""One strategy per model class, for ``st.from_type`` (`strategy_for`)."""

import functools
import typing
from collections.abc import Callable, Mapping
from typing import Any

import hypothesis.strategies as st
from hypothesis.strategies import SearchStrategy

import ogpmodel
from ogpmodel import Limits
from ogpmodel.codelists import (
    Jurisdiction,
    Membership,
)
from ogpmodel.lifecycle import TABLES, Kind, Transition
from ogpmodel.model import (
    ActionPlan,
    Commitment,
    CommitmentDesign,
    Contact,
    DidItOpenGovernment,
    EndOfCommitmentReport,
    Endorsement,
    Forum,
    Goal,
    Identifier,
    InceptionReport,
    InceptionRequirements,
    IrmReview,
    Meeting,
    Member,
    Milestone,
    MonitoringBody,
    OtherName,
    ProgressReport,
    Stakeholder,
    StrategicVision,
    TransitionEvent,
)
from ogpmodel.report import Finding, Severity, ValidationReport, pointer
from ogpmodel.rules import PROFILES, Profile, Rule
from ogpmodel.stats import Stats, stats
from ogpmodel.strategies._assessments import _draw_design, assessments
from ogpmodel.strategies._broken import _registered
from ogpmodel.strategies._draw import (
    _JSON_SCALARS,
    T,
    _between,
    _Config,
    _draw_text,
    _flag,
    _maybe,
    _maybe_many,
    _pick,
    _some,
)
from ogpmodel.strategies._entities import (
    _COUNTRY_CODES,
    commitments,
    milestones,
    stakeholders,
)
from ogpmodel.strategies._kinds import build as _build
from ogpmodel.strategies._lifecycle import _KINDS, _draw_events
from ogpmodel.strategies._plans import action_plans
from ogpmodel.strategies._values import dates, links, partial_dates, periods, texts
from ogpmodel.values import Link, PartialDate, Period, Text

_CFG = _Config(stakeholder_ids=("muni", "ong"))


def _drawing(make: Callable[[st.DrawFn], T]) -> SearchStrategy[T]:
    @st.composite
    def strategy(draw: st.DrawFn) -> T:
        return make(draw)

    return strategy()


def _draw_member(draw: st.DrawFn) -> Member:
    membership = _pick(draw, Membership)
    return _build(
        draw,
        _CFG,
        Member,
        name=_draw_text(draw, _CFG),
        membership=membership,
        country=_pick(draw, _COUNTRY_CODES),
        jurisdiction=_maybe(draw, _CFG, lambda: _pick(draw, Jurisdiction))
        if membership is Membership.LOCAL
        else None,
        administration_term_end=_maybe(draw, _CFG, lambda: draw(partial_dates())),
    )


def _draw_goal(draw: st.DrawFn) -> Goal:
    return _build(draw, _CFG, Goal, id=_pick(draw, ("g1", "g2", "g3")), text=_draw_text(draw, _CFG))


def _draw_vision(draw: st.DrawFn) -> StrategicVision:
    ids = _some(draw, ("g1", "g2", "g3"), min_size=1, unique=True)
    return _build(
        draw,
        _CFG,
        StrategicVision,
        text=_draw_text(draw, _CFG),
        goals=tuple(_build(draw, _CFG, Goal, id=g, text=_draw_text(draw, _CFG)) for g in ids),
    )


def _draw_forum(draw: st.DrawFn) -> Forum:
    return _build(
        draw,
        _CFG,
        Forum,
        name=_draw_text(draw, _CFG),
        member_ids=_some(draw, _CFG.stakeholder_ids, unique=True),
        meetings=_maybe_many(draw, _CFG, lambda: draw(strategy_for(Meeting))),
    )


def _draw_event(draw: st.DrawFn, kind: Kind) -> TransitionEvent[Any]:
    step: Transition[Any] = _pick(draw, TABLES[kind].transitions)
    return _draw_events(draw, _CFG, (step,), draw(dates()), precisions=("day", "month", "year"))[0]


def _draw_finding(draw: st.DrawFn) -> Finding:
    steps: tuple[str | int, ...] = ("commitments", 0, "milestones", 1, "period", "end", "a/b~c")
    tokens = _some(draw, steps)
    return Finding(
        _pick(draw, tuple(_registered())),
        _pick(draw, Severity),
        pointer(*tokens),
        draw(st.dictionaries(st.sampled_from(("id", "value", "expected")), _JSON_SCALARS)),
    )


def _draw_profile(draw: st.DrawFn) -> Profile:
    if not _flag(draw):
        return _pick(draw, tuple(PROFILES.values()))
    low = _between(draw, 1, 10)
    return Profile(
        name=_pick(draw, ("custom", "regional", "pilot")),
        max_commitments=_maybe(draw, _CFG, lambda: _between(draw, 1, 20)),
        recommended_commitments=_maybe(draw, _CFG, lambda: (low, _between(draw, low, 20))),
        local=_flag(draw),
    )


def _any_event() -> SearchStrategy[TransitionEvent[Any]]:
    return st.one_of(*(_drawing(functools.partial(_draw_event, kind=k)) for k in _KINDS))


def _from_kinds(cls: type[Any]) -> SearchStrategy[Any]:
    """Objects of *cls* with every field drawn from its declared kind."""
    return _drawing(lambda draw: _build(draw, _CFG, cls))


_BY_CLASS: Mapping[type[Any], Callable[[], SearchStrategy[Any]]] = {
    ActionPlan: action_plans,
    Commitment: commitments,
    Milestone: milestones,
    Stakeholder: stakeholders,
    Text: texts,
    PartialDate: partial_dates,
    Period: lambda: periods(complete=False),
    Link: links,
    Member: lambda: _drawing(_draw_member),
    Goal: lambda: _drawing(_draw_goal),
    StrategicVision: lambda: _drawing(_draw_vision),
    Contact: lambda: _from_kinds(Contact),
    Identifier: lambda: _from_kinds(Identifier),
    OtherName: lambda: _from_kinds(OtherName),
    Meeting: lambda: _from_kinds(Meeting),
    Forum: lambda: _drawing(_draw_forum),
    MonitoringBody: lambda: _from_kinds(MonitoringBody),
    Endorsement: lambda: _from_kinds(Endorsement),
    TransitionEvent: _any_event,
    ProgressReport: lambda: _from_kinds(ProgressReport),
    InceptionRequirements: lambda: _from_kinds(InceptionRequirements),
    CommitmentDesign: lambda: _drawing(lambda draw: _draw_design(draw, _CFG, "CLMPU0001")),
    DidItOpenGovernment: lambda: _from_kinds(DidItOpenGovernment),
    InceptionReport: lambda: assessments(types=(InceptionReport,)),
    EndOfCommitmentReport: lambda: assessments(types=(EndOfCommitmentReport,)),
    IrmReview: lambda: assessments(types=(IrmReview,)),
    Finding: lambda: _drawing(_draw_finding),
    ValidationReport: lambda: st.builds(
        ValidationReport, st.lists(_drawing(_draw_finding), max_size=3)
    ),
    Rule: lambda: st.sampled_from(ogpmodel.rules()),
    Profile: lambda: _drawing(_draw_profile),
    Stats: lambda: st.builds(
        stats, st.lists(action_plans(), max_size=2), as_of=st.none() | dates()
    ),
    Limits: lambda: st.builds(
        Limits,
        max_bytes=st.integers(1, 2**31),
        max_depth=st.integers(1, 1000),
        max_string_length=st.integers(1, 2**31),
        max_items=st.integers(1, 2**31),
    ),
}


def strategy_for(cls: type[Any]) -> SearchStrategy[Any]:
    """
    Return the strategy of a model class: what ``st.from_type(cls)`` draws from.

    ``TransitionEvent[PlanStatus]`` (and the other parametrised forms) yield events of that
    lifecycle; a bare `TransitionEvent` yields events of any lifecycle.

    >>> from ogpmodel import ActionPlan
    >>> strategy_for(ActionPlan)  # doctest: +ELLIPSIS
    _plans(...)

    Raises:
        LookupError: *cls* is not a class that ogpmodel exports.
    """
    origin = typing.get_origin(cls) or cls
    if origin is TransitionEvent:
        args = typing.get_args(cls)
        for kind, states in _KINDS.items():
            if args and args[0] is states:
                return _drawing(functools.partial(_draw_event, kind=kind))
        return _any_event()
    make = _BY_CLASS.get(origin)
    if make is None:
        raise LookupError(f"ogpmodel.strategies has no strategy for {cls!r}")
    return make()
