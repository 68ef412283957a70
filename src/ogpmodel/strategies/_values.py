"""Strategies of the value types: texts, partial dates, dates, periods and links."""

import datetime
from collections.abc import Sequence

import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from ogpmodel.strategies._draw import (
    _between,
    _check_languages,
    _Config,
    _draw_extensions,
    _draw_text,
    _draw_url_text,
    _flag,
    _maybe,
    _maybe_text,
    _pick,
)
from ogpmodel.values import Link, PartialDate, Period, Precision, Text


@st.composite
def texts(
    draw: st.DrawFn, *, languages: Sequence[str] = ("es", "en"), plain: bool | None = None
) -> Text:
    """
    Yield non-blank `Text`: a plain string, or a language map.

    Strings are mostly a few readable words of the language (Spanish or English words for
    ``es``/``en`` tags), sometimes arbitrary Unicode text that is not blank.

    Args:
        languages: The BCP 47 tags of language maps; a plain string is in the first.
        plain: `True` for plain strings only, `False` for language maps only, `None` for both.

    Shrinks toward a plain one-word string (``Text("plan")``).
    """
    cfg = _Config(languages=_check_languages(languages))
    return _draw_text(draw, cfg, plain)


def _partial_containing(
    draw: st.DrawFn,
    day: datetime.date,
    lo: datetime.date,
    hi: datetime.date,
    precisions: tuple[Precision, ...],
) -> PartialDate:
    """A partial date of a drawn precision containing *day*, its interval within ``[lo, hi]``."""
    wanted = _pick(draw, precisions)
    order: tuple[Precision, ...] = ("year", "month", "day")
    for precision in order[order.index(wanted) :]:
        if precision == "year":
            candidate = PartialDate(day.year)
        elif precision == "month":
            candidate = PartialDate(day.year, day.month)
        else:
            candidate = PartialDate.from_date(day)
        if lo <= candidate.earliest and candidate.latest <= hi:
            return candidate
    return PartialDate.from_date(day)  # pragma: no cover - day precision always fits


def _check_precisions(precisions: Sequence[str]) -> tuple[Precision, ...]:
    allowed: tuple[Precision, ...] = ("year", "month", "day")
    given = tuple(precisions)
    if not given or any(p not in allowed for p in given):
        raise InvalidArgument(f"precisions must be some of {allowed} (got {given!r})")
    return tuple(p for p in allowed if p in given)


def _check_years(min_year: int, max_year: int) -> None:
    if not 1 <= min_year <= max_year <= 9998:
        raise InvalidArgument(
            f"need 1 <= min_year <= max_year <= 9998 (got {min_year}, {max_year})"
        )


@st.composite
def partial_dates(
    draw: st.DrawFn,
    *,
    min_year: int = 2000,
    max_year: int = 2035,
    precisions: Sequence[Precision] = ("year", "month", "day"),
) -> PartialDate:
    """
    Yield `PartialDate` values (``2023``, ``2023-03``, ``2023-03-15``), real calendar dates only.

    Args:
        min_year: The earliest year.
        max_year: The latest year.
        precisions: The precisions to draw from.

    Shrinks toward year precision and *min_year* (``PartialDate("2000")``).
    """
    _check_years(min_year, max_year)
    chosen = _check_precisions(precisions)
    lo, hi = datetime.date(min_year, 1, 1), datetime.date(max_year, 12, 31)
    day = _draw_day(draw, lo, hi)
    return _partial_containing(draw, day, lo, hi, chosen)


def dates(*, min_year: int = 2000, max_year: int = 2035) -> SearchStrategy[datetime.date]:
    """
    Yield full calendar dates (`datetime.date`) from 1 January *min_year* to 31 December *max_year*.

    Shrinks toward the earliest date (2000-01-01 by default).
    """
    _check_years(min_year, max_year)
    lo = datetime.date(min_year, 1, 1)
    hi = datetime.date(max_year, 12, 31)
    return st.integers(0, (hi - lo).days).map(lambda days: lo + datetime.timedelta(days=days))


def _draw_day(draw: st.DrawFn, lo: datetime.date, hi: datetime.date) -> datetime.date:
    """A day in ``[lo, hi]``, shrinking toward *lo*."""
    return lo + datetime.timedelta(days=_between(draw, 0, max(0, (hi - lo).days)))


def _bounds(
    within: Period | None, min_year: int, max_year: int
) -> tuple[datetime.date, datetime.date]:
    lo, hi = datetime.date(min_year, 1, 1), datetime.date(max_year, 12, 31)
    if within is not None:
        if within.start is not None:
            lo = within.start.earliest
        if within.end is not None:
            hi = within.end.latest
        if within.start is not None and within.end is None:
            hi = max(hi, datetime.date(min(9998, lo.year + 5), 12, 31))
        if within.end is not None and within.start is None:
            lo = min(lo, datetime.date(max(1, hi.year - 5), 1, 1))
    if hi < lo:
        raise InvalidArgument(f"the period {within!r} has no day in it (it ends before it starts)")
    return lo, hi


def _draw_period(
    draw: st.DrawFn,
    *,
    complete: bool,
    within: Period | None = None,
    min_year: int = 2000,
    max_year: int = 2035,
    precisions: tuple[Precision, ...] = ("year", "month", "day"),
) -> Period:
    lo, hi = _bounds(within, min_year, max_year)
    first = _draw_day(draw, lo, hi)
    last = _draw_day(draw, first, hi)
    has_start = complete or _flag(draw)
    has_end = complete or _flag(draw)
    start = _partial_containing(draw, first, lo, hi, precisions) if has_start else None
    end = _partial_containing(draw, last, lo, hi, precisions) if has_end else None
    return Period(start, end)


@st.composite
def periods(
    draw: st.DrawFn,
    *,
    complete: bool = True,
    within: Period | None = None,
    min_year: int = 2000,
    max_year: int = 2035,
    precisions: Sequence[Precision] = ("year", "month", "day"),
) -> Period:
    """
    Yield `Period` values whose end is never before their start (interval semantics).

    Args:
        complete: Whether both ends are always given; `False` also yields periods with one end
            or none.
        within: A period the result lies inside: every day of each given end is a day of
            *within* (so ``result.is_outside(within)`` is false). An open end of *within* is
            bounded five years out.
        min_year: The earliest year (when *within* does not bound the start).
        max_year: The latest year (when *within* does not bound the end).
        precisions: The precisions of the ends; a finer one is used where *within* needs it.

    Shrinks toward a one-year period at the earliest year (``2000/2000``).

    Raises:
        InvalidArgument: *within* ends before it starts.
    """
    _check_years(min_year, max_year)
    return _draw_period(
        draw,
        complete=complete,
        within=within,
        min_year=min_year,
        max_year=max_year,
        precisions=_check_precisions(precisions),
    )


def _draw_link(draw: st.DrawFn, cfg: _Config) -> Link:
    return Link(
        url=_draw_url_text(draw, cfg),
        title=_maybe_text(draw, cfg),
        date=_maybe(draw, cfg, lambda: draw(partial_dates())),
        extensions=_draw_extensions(draw, cfg),
    )


@st.composite
def links(
    draw: st.DrawFn,
    *,
    relative: bool = False,
    languages: Sequence[str] = ("es", "en"),
    optional_fields: bool = True,
) -> Link:
    """
    Yield `Link` values: an http(s) URL, or one per language, with an optional title and date.

    Args:
        relative: Whether addresses may also be relative references (``/en/report``), as in a
            plan with a ``base_url``.
        languages: The language tags of the title and of addresses given per language.
        optional_fields: `False` omits the title, the date and ``extensions``.

    Shrinks toward ``Link("https://example.org/")``.
    """
    cfg = _Config(
        languages=_check_languages(languages), optional=optional_fields, relative_links=relative
    )
    return _draw_link(draw, cfg)
