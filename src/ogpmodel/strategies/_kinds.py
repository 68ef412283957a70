"""
Drawing from the model's declared field kinds: every optional field is drawn, even a new one.

The entity drawers build objects with `build`: they pass the fields whose values must fit the
rest of the plan (ids, dates, statuses), and `build` draws every other optional field from its
kind (`ogpmodel._fields`), present or absent. A field added to the model is therefore drawn the
day it is declared, and `tests/property/test_strategies.py` fails if one never is.
"""

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import attrs
import hypothesis.strategies as st

from ogpmodel._fields import (
    Bool,
    Code,
    Const,
    Country,
    Date,
    DayOrPartialDate,
    Entity,
    EventOf,
    Extensions,
    Kind,
    ListOf,
    OpenCode,
    PartialDateKind,
    Percent,
    Ref,
    State,
    String,
    TextKind,
    UrlText,
    kinds_of,
)
from ogpmodel.codelists import COUNTRIES, OPEN_CODELISTS
from ogpmodel.strategies._draw import (
    _Config,
    _draw_extensions,
    _draw_text,
    _draw_url,
    _draw_url_text,
    _flag,
    _pick,
    _some,
)
from ogpmodel.strategies._values import dates, partial_dates

T = TypeVar("T")

#: The ids a reference may name, by target (``"stakeholder"``, ``"goal"``, ``"commitment"``).
Refs = Mapping[str, Sequence[str]]

_WORDS = ("one", "dos", "trois")
_COUNTRIES = tuple(sorted(COUNTRIES))
_EMAILS = ("info@example.org", "contacto@municipio.example.cl")
_FORMAT_VALUES: Mapping[str, tuple[str, ...]] = {
    "Id": ("a", "b-1", "X.2"),
    "PlanId": ("plan-1", "demo.2024"),
    "LanguageTag": ("es", "en", "fr-CA"),
    "Email": _EMAILS,
    "NonBlankString": _WORDS,
}


def value_of(draw: st.DrawFn, cfg: _Config, kind: Kind, refs: Refs) -> Any:
    """
    A value of *kind*; `None` when nothing fits (a reference with no target to name).

    Values are small and readable, and shrink toward the first choice.
    """
    if isinstance(kind, TextKind):
        return _draw_text(draw, cfg)
    if isinstance(kind, Ref):
        targets = refs.get(kind.target, ())
        return _pick(draw, targets) if targets else None
    if isinstance(kind, OpenCode):
        return _pick(draw, tuple(OPEN_CODELISTS[kind.codelist].codes))
    if isinstance(kind, String):
        if kind.format is None:
            return _pick(draw, _WORDS)
        if kind.format.name == "Url":
            return _draw_url(draw)
        return _pick(draw, _FORMAT_VALUES[kind.format.name])
    if isinstance(kind, Code):
        return _pick(draw, tuple(kind.enum))
    if isinstance(kind, Country):
        return _pick(draw, _COUNTRIES)
    if isinstance(kind, Date):
        return draw(dates())
    if isinstance(kind, PartialDateKind):
        return draw(partial_dates())
    if isinstance(kind, DayOrPartialDate):
        return draw(st.one_of(dates(), partial_dates(precisions=("year", "month"))))
    if isinstance(kind, Percent):
        return draw(st.one_of(st.integers(0, 100), st.floats(0, 100, allow_nan=False)))
    if isinstance(kind, UrlText):
        return _draw_url_text(draw, cfg)
    if isinstance(kind, Bool):
        return _flag(draw)
    if isinstance(kind, Extensions):
        return _draw_extensions(draw, cfg)
    if isinstance(kind, Const):
        return kind.value
    if isinstance(kind, (State, EventOf)):
        return None  # a lifecycle needs its history: the lifecycle drawers make them
    if isinstance(kind, Entity):
        return build(draw, cfg, _pick(draw, kind.types), refs)
    if isinstance(kind, ListOf):
        if isinstance(kind.item, Ref):
            return _some(draw, refs.get(kind.item.target, ()), min_size=1, max_size=2, unique=True)
        items = (value_of(draw, cfg, kind.item, refs) for _ in range(1 + _flag(draw)))
        return tuple(item for item in items if item is not None)
    msg = f"no strategy for the field kind {kind!r}"
    raise TypeError(msg)


def fill(
    draw: st.DrawFn, cfg: _Config, cls: type, given: Mapping[str, Any], refs: Refs
) -> dict[str, Any]:
    """
    The fields of *cls* that *given* leaves out, each drawn from its kind.

    A required field is always drawn; an optional one is absent, or (when *cfg* allows optional
    fields) present one time in two. ``extensions`` are drawn as `_draw_extensions` draws them.
    """
    drawn: dict[str, Any] = {}
    for attribute, kind in kinds_of(cls):
        name = attribute.alias or attribute.name
        if name in given:
            continue
        required = attribute.default is attrs.NOTHING
        if isinstance(kind, Extensions):
            drawn[name] = _draw_extensions(draw, cfg)
        elif required or (cfg.optional and _flag(draw)):
            value = value_of(draw, cfg, kind, refs)
            if value is not None or not required:
                drawn[name] = value
    return drawn


def build(draw: st.DrawFn, cfg: _Config, cls: type[T], refs: Refs = {}, **given: Any) -> T:  # noqa: B006 - never mutated
    """An object of *cls* with the *given* fields and every other field drawn from its kind."""
    known = refs or {"stakeholder": cfg.stakeholder_ids}
    return cls(**given, **fill(draw, cfg, cls, given, known))
