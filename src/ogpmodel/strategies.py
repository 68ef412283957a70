"""
Needs ``pip install ogpmodel[hypothesis]``.

Hypothesis strategies for OGP action plans and their parts, for property-testing tools that read,
write or check OGP JSON.

>>> from hypothesis import given
>>> from ogpmodel import validate
>>> from ogpmodel.strategies import action_plans
>>> @given(action_plans())
... def test_valid(plan):
...     assert validate(plan).is_valid
>>> test_valid()

- `action_plans` yields plans that pass `ogpmodel.validate` with no errors for their stage
  (``valid=False``: any plan the model accepts); `documents` yields their OGP JSON dicts.
- `broken_plans` yields plans (or documents, or JSON text) that break exactly one rule.
- `texts`, `partial_dates`, `dates`, `periods`, `links`, `stakeholders`, `milestones`,
  `commitments`, `assessments` and `histories` yield the parts.

Every strategy shrinks toward small, readable values: few commitments and milestones, one-word
texts, plain strings rather than language maps, year precision, the earliest dates, the first
state of a lifecycle, optional fields absent.

Installing the extra also registers these strategies with `hypothesis.strategies.from_type`
for every model class (``st.from_type(ActionPlan)``), through Hypothesis' entry point.
"""

import datetime
import difflib
import functools
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import attrs
import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

import ogpmodel
from ogpmodel import _patterns
from ogpmodel.codelists import (
    COUNTRIES,
    DIOG,
    OPEN_CODELISTS,
    CommitmentStatus,
    Completion,
    DIOGDimension,
    IRMProduct,
    Jurisdiction,
    Membership,
    MilestoneStatus,
    Novelty,
    OGPValue,
    PlanStatus,
    PotentialForResults,
    PotentialImpact,
    Role,
    Sector,
    Specificity,
    StakeholderKind,
    Verifiable,
)
from ogpmodel.lifecycle import TABLES, Kind, Table, Transition
from ogpmodel.model import (
    ActionPlan,
    Assessment,
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
    ProgressReport,
    Stakeholder,
    StrategicVision,
    TransitionEvent,
)
from ogpmodel.report import Finding, Severity, ValidationReport, pointer
from ogpmodel.rules import PROFILES, Profile, Rule
from ogpmodel.rules.assessments import out_of_era
from ogpmodel.serialize import dumps, to_dict
from ogpmodel.values import Link, PartialDate, Period, Precision, Text

__all__ = [
    "BrokenPlan",
    "action_plans",
    "assessments",
    "breakable_codes",
    "broken_plans",
    "commitments",
    "dates",
    "documents",
    "histories",
    "links",
    "milestones",
    "partial_dates",
    "periods",
    "stakeholders",
    "strategy_for",
    "texts",
]

T = TypeVar("T")
#: What `BrokenPlan` carries: a plan, an OGP JSON document or JSON text.
PlanOrDocument = ActionPlan | dict[str, Any] | str

# --- words ------------------------------------------------------------------------------------

_WORDS_ES = (
    "plan",
    "datos",
    "abiertos",
    "participación",
    "vecinos",
    "barrio",
    "presupuesto",
    "transparencia",
    "municipio",
    "consejo",
    "agua",
    "salud",
    "compras",
    "públicas",
    "portal",
    "acceso",
    "información",
    "rendición",
    "cuentas",
    "mesa",
    "ciudadana",
    "género",
    "integridad",
    "obras",
)
_WORDS_EN = (
    "plan",
    "open",
    "data",
    "budget",
    "council",
    "portal",
    "public",
    "procurement",
    "water",
    "health",
    "participation",
    "neighbourhood",
    "access",
    "information",
    "accountability",
    "forum",
    "citizens",
    "justice",
    "contracts",
    "integrity",
)
_WORDS = tuple(dict.fromkeys(_WORDS_ES + _WORDS_EN))

_READABLE_IDS = (
    "muni",
    "ong",
    "secpla",
    "fundacion",
    "consejo",
    "universidad",
    "monitor",
    "vecinos",
    "camara",
    "prensa",
)
_PLAN_SLUGS = ("demo", "maipu", "pilar", "ciudad", "plan", "city")
_MEMBER_CODES = ("MPU", "PIL", "BUE", "SCL", "MEX", "AAA")
_DELIVERABLES = ("Fall 2027", "Primer semestre", "Q3", "When funded")
_COUNTRIES_FIRST = ("CL", "AR", "MX", "CO", "PE", "US", "CA", "ES", "KE", "PH")
#: Country codes, the most common first (they shrink toward ``CL``).
_COUNTRY_CODES = tuple(dict.fromkeys((*_COUNTRIES_FIRST, *sorted(COUNTRIES))))
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
_CORE_VALUES = tuple(v for v in OGPValue if v.is_core)
_CLOSED_MILESTONE = (MilestoneStatus.COMPLETED, MilestoneStatus.CANCELLED)
_NON_GOVERNMENT = tuple(s for s in Sector if s is not Sector.GOVERNMENT)
#: Indicators of IRM reviews by era (see ``assessment.indicator-era``).


def _non_blank(text: str) -> bool:
    return _patterns.matches(_patterns.NON_BLANK, text)


def _vocabulary(language: str) -> tuple[str, ...]:
    primary = language.split("-", 1)[0].lower()
    return {"es": _WORDS_ES, "en": _WORDS_EN}.get(primary, _WORDS)


@functools.cache
def _phrases(language: str) -> tuple[str, ...]:
    """Readable phrases of one to three words of *language*, shortest first."""
    words = _vocabulary(language)
    pairs = [f"{a} {b}" for a in words for b in words if a != b]
    triples = [f"{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:], strict=False)]
    return (*words, *pairs, *triples)


_UNICODE = st.text(min_size=1, max_size=30).filter(_non_blank)


_LOWER = "abcdefghijklmnopqrstuvwxyz"
_ALNUM = _LOWER + "0123456789"
_ID_CHARS = st.characters(exclude_categories=("Z", "C"))
_ENTITY_IDS: SearchStrategy[str] = st.one_of(
    st.sampled_from(_READABLE_IDS),
    st.text(_ALNUM, min_size=1, max_size=8),
    st.text(_ID_CHARS, min_size=1, max_size=12),
)
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
_HOSTS = ("example.org", "ogp.example", "municipio.example.cl")
#: Readable URLs, shortest first.
_READABLE_URLS = tuple(f"https://{host}/{path}" for path in ("", *_WORDS_EN) for host in _HOSTS)
_ODD_URLS: SearchStrategy[str] = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}{path}",
    st.sampled_from(("https", "http", "HTTPS")),
    st.text(_ALNUM + ".-", min_size=1, max_size=20),
    st.text(_ID_CHARS, max_size=20).map(lambda path: "/" + path if path else ""),
)
_ODD_WORDS: SearchStrategy[str] = st.text(min_size=1, max_size=10).filter(
    lambda text: _patterns.matches(_patterns.NON_BLANK, text)
)
_EMAILS: SearchStrategy[str] = st.builds(
    lambda user, host: f"{user}@{host}",
    st.sampled_from(("contacto", "info", "ogp")),
    st.sampled_from(("example.org", "municipio.example.cl")),
)
_PHONES: SearchStrategy[str] = st.integers(0, 99_999_999).map(
    lambda n: f"+56 2 {n // 10_000:04d} {n % 10_000:04d}"
)
_JSON_SCALARS: SearchStrategy[Any] = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10)
)
_JSON: SearchStrategy[Any] = (
    _JSON_SCALARS
    | st.lists(_JSON_SCALARS, max_size=2)
    | st.dictionaries(st.text(max_size=8), _JSON_SCALARS, max_size=2)
)
_EXTENSIONS: SearchStrategy[dict[str, Any]] = st.dictionaries(
    st.text(min_size=1, max_size=10), _JSON, min_size=1, max_size=2
)


# --- checks of arguments -----------------------------------------------------------------------


def _check_languages(languages: Sequence[str]) -> tuple[str, ...]:
    tags = tuple(languages)
    if not tags:
        raise InvalidArgument("languages must name at least one language tag")
    for tag in tags:
        given: object = tag  # checked at run time: callers may pass anything
        if not isinstance(given, str) or not _patterns.matches(_patterns.LANGUAGE_TAG, given):
            raise InvalidArgument(f"languages must be BCP 47 tags such as 'es' (got {tag!r})")
    return tags


def _enum(enum: type[T], value: object, name: str) -> T | None:
    if value is None:
        return None
    try:
        return enum(value)  # type: ignore[call-arg]
    except ValueError:
        codes = [member.value for member in enum]  # type: ignore[attr-defined]
        raise InvalidArgument(f"{name} must be one of {codes} (got {value!r})") from None


# --- values --------------------------------------------------------------------------------------


@attrs.frozen
class _Config:
    """What every piece of a generated plan needs to know."""

    languages: tuple[str, ...] = ("es", "en")
    optional: bool = True
    stakeholder_ids: tuple[str, ...] = ()


# Choices draw from strategies built once: building a strategy per draw is slow.
_BOOL = st.booleans()


@functools.cache
def _up_to(high: int) -> SearchStrategy[int]:
    return st.integers(0, high)


def _flag(draw: st.DrawFn) -> bool:
    """A boolean; shrinks toward `False`."""
    return draw(_BOOL)


def _between(draw: st.DrawFn, low: int, high: int) -> int:
    """An integer in ``[low, high]``; shrinks toward *low*."""
    if high <= low:
        return low
    return low + draw(_up_to(high - low))


def _pick(draw: st.DrawFn, choices: Iterable[T]) -> T:
    """One of *choices*; shrinks toward the first."""
    items = choices if isinstance(choices, tuple) else tuple(choices)
    if not items:
        raise InvalidArgument("nothing to choose from")
    return items[_between(draw, 0, len(items) - 1)]


def _some(
    draw: st.DrawFn,
    choices: Iterable[T],
    *,
    min_size: int = 0,
    max_size: int = 3,
    unique: bool = False,
) -> tuple[T, ...]:
    """Some of *choices*; shrinks toward the fewest, and the first, choices."""
    items = list(choices)
    if not items:
        return ()
    size = _between(draw, min_size, max_size)
    if not unique:
        return tuple(_pick(draw, items) for _ in range(size))
    return tuple(items.pop(_between(draw, 0, len(items) - 1)) for _ in range(min(size, len(items))))


def _draw_string(draw: st.DrawFn, language: str) -> str:
    """Readable phrases four times out of five, else any non-blank text; shrinks to one word."""
    phrases = _phrases(language)
    index = _between(draw, 0, len(phrases) + len(phrases) // 4)
    return phrases[index] if index < len(phrases) else draw(_UNICODE)


def _draw_text(draw: st.DrawFn, cfg: _Config, plain: bool | None = None) -> Text:
    """
    Non-blank text; shrinks toward a plain one-word string.

    One draw picks the form and, for plain text, the phrase: readable phrases first, then
    arbitrary text (one time in five), then language maps (one time in three).
    """
    if plain is False:
        return _draw_map(draw, cfg)
    phrases = _phrases(cfg.languages[0])
    unicode = len(phrases) + len(phrases) // 4
    index = _between(draw, 0, unicode if plain else unicode + unicode // 2)
    if index < len(phrases):
        return Text(phrases[index])
    if index <= unicode:
        return Text(draw(_UNICODE))
    return _draw_map(draw, cfg)


def _draw_map(draw: st.DrawFn, cfg: _Config) -> Text:
    tags = _some(draw, cfg.languages, min_size=1, unique=True)
    return Text({tag: _draw_string(draw, tag) for tag in tags})


def _maybe(draw: st.DrawFn, cfg: _Config, make: Callable[[], T]) -> T | None:
    """An optional field: absent when optional fields are off, else absent or *make()*."""
    if cfg.optional and _flag(draw):
        return make()
    return None


def _maybe_many(
    draw: st.DrawFn, cfg: _Config, make: Callable[[], T], max_size: int = 2
) -> tuple[T, ...]:
    """An optional list field: empty when optional fields are off."""
    if not cfg.optional:
        return ()
    return tuple(make() for _ in range(_between(draw, 0, max_size)))


def _maybe_some(
    draw: st.DrawFn,
    cfg: _Config,
    choices: Iterable[T],
    *,
    min_size: int = 0,
    max_size: int = 3,
    unique: bool = False,
) -> tuple[T, ...]:
    """An optional list of *choices*: empty when optional fields are off."""
    if cfg.optional and _flag(draw):
        return _some(draw, choices, min_size=min_size, max_size=max_size, unique=unique)
    return ()


def _draw_extensions(draw: st.DrawFn, cfg: _Config) -> Mapping[str, Any]:
    """Optional ``extensions``: present one time in eight when optional fields are on."""
    if cfg.optional and _between(draw, 0, 7) == 7:
        return draw(_EXTENSIONS)
    return {}


def _draw_url(draw: st.DrawFn) -> str:
    """A readable URL four times out of five, else an odd but valid one."""
    index = _between(draw, 0, len(_READABLE_URLS) + len(_READABLE_URLS) // 4)
    return _READABLE_URLS[index] if index < len(_READABLE_URLS) else draw(_ODD_URLS)


def _maybe_text(draw: st.DrawFn, cfg: _Config) -> Text | None:
    return _maybe(draw, cfg, lambda: _draw_text(draw, cfg))


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
        url=_draw_url(draw),
        title=_maybe_text(draw, cfg),
        date=_maybe(draw, cfg, lambda: draw(partial_dates())),
        extensions=_draw_extensions(draw, cfg),
    )


@st.composite
def links(
    draw: st.DrawFn, *, languages: Sequence[str] = ("es", "en"), optional_fields: bool = True
) -> Link:
    """
    Yield `Link` values: an http(s) URL with an optional title and date.

    Args:
        languages: The language tags of the title.
        optional_fields: `False` omits the title, the date and ``extensions``.

    Shrinks toward ``Link("https://example.org/")``.
    """
    cfg = _Config(languages=_check_languages(languages), optional=optional_fields)
    return _draw_link(draw, cfg)


# --- lifecycle -------------------------------------------------------------------------------------

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


def _draw_events(
    draw: st.DrawFn,
    cfg: _Config,
    path: tuple[Transition[Any], ...],
    start: datetime.date,
    *,
    last: datetime.date | None = None,
    floors: Mapping[Any, datetime.date] | None = None,
) -> tuple[TransitionEvent[Any], ...]:
    """
    Events along *path*, dated from *start* on, non-decreasing and at most *last*.

    *floors* gives, for some target states, the earliest day a move there may happen (the
    plan's guards).
    """
    events: list[TransitionEvent[Any]] = []
    day = start
    for step in path:
        floor = (floors or {}).get(step.to)
        if floor is not None and floor > day:
            day = floor
        top = max(day, last) if last is not None else day + datetime.timedelta(days=400)
        day = _draw_day(draw, day, top)
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
        events.append(TransitionEvent(step.from_, step.to, day, actor_id=actor, note=note))
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
    languages: Sequence[str] = ("es", "en"),
) -> tuple[TransitionEvent[Any], ...]:
    """
    Yield a consistent lifecycle history: the events from the initial state to *to*.

    Every event is a transition of the table of *kind* (`ogpmodel.lifecycle.TABLES`), starts in
    the state the previous one ended in, is dated on the same day as the previous one or later,
    and carries a note when it withdraws or cancels. A history ending in the initial state is
    empty. The guards that look at the rest of a plan (the plan period, the stage-dependent
    rules, end-of-commitment reports) are `action_plans`' business.

    Args:
        kind: ``"plan"``, ``"commitment"`` or ``"milestone"``.
        to: The state the history ends in (a state of *kind* or its wire string); any state
            when `None`.
        start: The date of the first event; drawn with `dates` when `None`.
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
    first = draw(dates()) if start is None else start
    return _draw_events(draw, cfg, _draw_path(draw, kind, target), first)


# --- parties ---------------------------------------------------------------------------------------


def _draw_stakeholder(
    draw: st.DrawFn,
    cfg: _Config,
    identifier: str,
    sector: Sector,
    parents: Sequence[str] = (),
) -> Stakeholder:
    return Stakeholder(
        id=identifier,
        name=_draw_text(draw, cfg),
        kind=_pick(draw, StakeholderKind),
        sector=sector,
        parent_id=_maybe(draw, cfg, lambda: _pick(draw, parents)) if parents else None,
        roles=_maybe_some(draw, cfg, Role, unique=True, max_size=2),
        contact=_maybe(
            draw,
            cfg,
            lambda: Contact(
                email=_maybe(draw, cfg, lambda: draw(_EMAILS)),
                phone=_maybe(draw, cfg, lambda: draw(_PHONES)),
                url=_maybe(draw, cfg, lambda: _draw_url(draw)),
            ),
        ),
        identifiers=_maybe_many(
            draw,
            cfg,
            lambda: Identifier(
                scheme=_pick(draw, ("CL-RUT", "ogp", "wikidata")),
                id=draw(st.text("0123456789ABCDEFGHIJ", min_size=1, max_size=9)),
            ),
            max_size=1,
        ),
        extensions=_draw_extensions(draw, cfg),
    )


@st.composite
def stakeholders(
    draw: st.DrawFn,
    *,
    ids: Sequence[str] | None = None,
    sectors: Sequence[Sector] | None = None,
    parent_ids: Sequence[str] = (),
    languages: Sequence[str] = ("es", "en"),
    optional_fields: bool = True,
) -> Stakeholder:
    """
    Yield `Stakeholder` values.

    Args:
        ids: The ids to draw from; readable or arbitrary ids (no white space) when `None`.
        sectors: The sectors to draw from; every sector when `None`.
        parent_ids: The ids a ``parent_id`` may name (none when empty).
        languages: The language tags of the name.
        optional_fields: `False` omits every optional field.

    Shrinks toward a government organization ``muni`` with a one-word name.
    """
    cfg = _Config(languages=_check_languages(languages), optional=optional_fields)
    identifier = _pick(draw, tuple(ids)) if ids else draw(_ENTITY_IDS)
    sector = _pick(draw, tuple(sectors) if sectors else tuple(Sector))
    return _draw_stakeholder(draw, cfg, identifier, sector, tuple(parent_ids))


# --- milestones and commitments --------------------------------------------------------------------


@attrs.frozen
class _Window:
    """The days in which commitments and milestones may move (`None`: they may not)."""

    first: datetime.date
    last: datetime.date


def _draw_status_and_history(
    draw: st.DrawFn,
    cfg: _Config,
    kind: Kind,
    window: _Window | None,
    choices: Sequence[Any],
    *,
    last: datetime.date | None = None,
) -> tuple[Any, tuple[TransitionEvent[Any], ...]]:
    if window is None:
        return TABLES[kind].initial, ()
    status = _pick(draw, tuple(choices))
    path = _draw_path(draw, kind, status)
    return status, _draw_events(draw, cfg, path, window.first, last=last or window.last)


def _draw_progress(
    draw: st.DrawFn, cfg: _Config, window: _Window | None
) -> tuple[ProgressReport, ...]:
    if window is None:
        return ()
    reports = sorted(
        _maybe_many(
            draw,
            cfg,
            lambda: (_draw_day(draw, window.first, window.last), _pick(draw, Completion)),
        ),
        key=lambda r: r[0],
    )
    levels = sorted((r[1] for r in reports), key=list(Completion).index)
    return tuple(
        ProgressReport(
            date=PartialDate.from_date(day),
            status=level,
            text=_maybe_text(draw, cfg),
            evidence=_maybe_many(draw, cfg, lambda: _draw_link(draw, cfg), max_size=1),
            challenges=_maybe_text(draw, cfg),
            author_id=(
                _maybe(draw, cfg, lambda: _pick(draw, cfg.stakeholder_ids))
                if cfg.stakeholder_ids
                else None
            ),
        )
        for (day, _), level in zip(reports, levels, strict=True)
    )


def _draw_shape(draw: st.DrawFn, count: int, max_depth: int) -> list[int | None]:
    """The parent (an earlier index, or `None` for the top level) of each of *count* milestones."""
    parents: list[int | None] = []
    depths: list[int] = []
    for index in range(count):
        open_nodes = [j for j in range(index) if depths[j] < max_depth - 1]
        choice = _between(draw, 0, len(open_nodes)) if open_nodes else 0
        if choice == 0:
            parents.append(None)
            depths.append(0)
        else:
            parent = open_nodes[choice - 1]
            parents.append(parent)
            depths.append(depths[parent] + 1)
    return parents


def _draw_milestone_tree(
    draw: st.DrawFn,
    cfg: _Config,
    *,
    count: int,
    max_depth: int,
    outer: Period | None,
    window: _Window | None,
    closed: bool,
    complete: bool,
    last: datetime.date | None = None,
    shape: list[int | None] | None = None,
    root_statuses: Sequence[MilestoneStatus] | None = None,
) -> tuple[Milestone, ...]:
    """Draw *count* milestones nested at most *max_depth* deep, with ids ``1``, ``1.1``, ``2``."""
    parents = _draw_shape(draw, count, max_depth) if shape is None else shape
    children: dict[int | None, list[int]] = {}
    for index, parent in enumerate(parents):
        children.setdefault(parent, []).append(index)

    def build(index: int, identifier: str, bound: Period | None, root: bool) -> Milestone:
        if complete:
            period: Period | None = _draw_period(draw, complete=True, within=bound)
        else:
            period = _maybe(draw, cfg, lambda: _draw_period(draw, complete=False, within=bound))
        choices = _CLOSED_MILESTONE if closed else tuple(MilestoneStatus)
        if root and root_statuses:
            choices = tuple(root_statuses)
        status, history = _draw_status_and_history(
            draw, cfg, "milestone", window, choices, last=last
        )
        inner = period if period is not None else bound
        kids = tuple(
            build(kid, f"{identifier}.{n}", inner, root=False)
            for n, kid in enumerate(children.get(index, []), start=1)
        )
        return Milestone(
            id=identifier,
            title=_draw_text(draw, cfg),
            status=status,
            expected_outputs=_maybe_text(draw, cfg),
            period=period,
            deadline_note=_maybe(draw, cfg, lambda: Text(_pick(draw, _DELIVERABLES))),
            responsible_ids=_maybe_some(
                draw, cfg, cfg.stakeholder_ids, min_size=1, max_size=2, unique=True
            ),
            history=history,
            progress=_draw_progress(draw, cfg, window),
            milestones=kids,
            links=_maybe_many(draw, cfg, lambda: _draw_link(draw, cfg), max_size=1),
            extensions=_draw_extensions(draw, cfg),
        )

    return tuple(
        build(index, str(n), outer, root=True)
        for n, index in enumerate(children.get(None, []), start=1)
    )


def _draw_commitment(
    draw: st.DrawFn,
    cfg: _Config,
    *,
    identifier: str,
    plan_period: Period | None,
    window: _Window | None,
    complete: bool,
    lead_ids: Sequence[str],
    goal_ids: Sequence[str],
    max_milestones: int,
    max_depth: int,
    statuses: Sequence[CommitmentStatus] | None = None,
) -> Commitment:
    if complete:
        period: Period | None = _draw_period(draw, complete=True, within=plan_period)
    else:
        period = _maybe(draw, cfg, lambda: _draw_period(draw, complete=False, within=plan_period))
    status, history = _draw_status_and_history(
        draw, cfg, "commitment", window, statuses or tuple(CommitmentStatus)
    )
    completed_on = history[-1].date if status is CommitmentStatus.COMPLETED else None
    low = 1 if complete and max_milestones else 0
    count = _between(draw, low, max_milestones) if max_depth > 0 else 0
    milestones = _draw_milestone_tree(
        draw,
        cfg,
        count=count,
        max_depth=max_depth,
        outer=period,
        window=window,
        closed=status is CommitmentStatus.COMPLETED,
        complete=complete,
        last=completed_on,
    )
    if complete:
        values = _some(draw, OGPValue, min_size=1, max_size=3, unique=True)
        if not any(v.is_core for v in values):
            values = (_pick(draw, _CORE_VALUES), *values)
        leads = _some(draw, lead_ids, min_size=1, max_size=2, unique=True)
    else:
        values = _maybe_some(draw, cfg, OGPValue, max_size=3, unique=True)
        leads = _maybe_some(draw, cfg, lead_ids, max_size=2, unique=True)
    policy_areas = tuple(OPEN_CODELISTS["policy-area"].codes)
    return Commitment(
        id=identifier,
        title=_draw_text(draw, cfg),
        status=status,
        problem=_draw_text(draw, cfg) if complete else _maybe_text(draw, cfg),
        status_quo=_maybe_text(draw, cfg),
        action=_draw_text(draw, cfg) if complete else _maybe_text(draw, cfg),
        expected_results=_maybe_text(draw, cfg),
        vision_goal_id=_maybe(draw, cfg, lambda: _pick(draw, tuple(goal_ids)))
        if goal_ids
        else None,
        ogp_values=values,
        policy_areas=_maybe_some(draw, cfg, policy_areas, max_size=2, unique=True),
        primary_sector=_maybe(
            draw,
            cfg,
            lambda: _pick(draw, tuple(OPEN_CODELISTS["primary-sector"].codes)),
        ),
        period=period,
        lead_ids=leads,
        supporting_ids=_maybe_some(draw, cfg, cfg.stakeholder_ids, max_size=2, unique=True),
        milestones=milestones,
        history=history,
        progress=_draw_progress(draw, cfg, window),
        links=_maybe_many(draw, cfg, lambda: _draw_link(draw, cfg), max_size=1),
        extensions=_draw_extensions(draw, cfg),
    )


def _check_sizes(max_milestones: int, max_depth: int) -> None:
    if max_milestones < 0 or max_depth < 0:
        raise InvalidArgument(
            f"max_milestones and max_depth must be >= 0 (got {max_milestones}, {max_depth})"
        )


def _window_of(start: datetime.date | None, within: Period | None) -> _Window:
    """Two years from *start* (or from the start of *within*) in which to move."""
    lo, _ = _bounds(within, 2000, 2035)
    first = start or lo
    return _Window(first, first + datetime.timedelta(days=730))


def _single_root(draw: st.DrawFn, max_children: int, max_depth: int) -> list[int | None]:
    """The parents of a tree with one root, at most *max_children* per node."""
    parents: list[int | None] = [None]
    level = [0]
    for _ in range(max_depth - 1):
        below = []
        for node in level:
            for _ in range(_between(draw, 0, max_children)):
                parents.append(node)
                below.append(len(parents) - 1)
        level = below
    return parents


@st.composite
def milestones(
    draw: st.DrawFn,
    *,
    status: MilestoneStatus | str | None = None,
    within: Period | None = None,
    max_children: int = 2,
    max_depth: int = 2,
    stakeholder_ids: Sequence[str] = (),
    start: datetime.date | None = None,
    languages: Sequence[str] = ("es", "en"),
    optional_fields: bool = True,
) -> Milestone:
    """
    Yield a `Milestone` with a consistent history and, possibly, child milestones.

    The milestone and its children have complete periods, each inside its parent's (and inside
    *within*), so that the formulation and date rules hold once the milestone is in a
    commitment.

    Args:
        status: Its status; any when `None` (its children have any status).
        within: The period it must lie within (its commitment's).
        max_children: The most children of each milestone.
        max_depth: The levels of nesting, the milestone itself included (1: no children).
        stakeholder_ids: The ids ``responsible_ids`` and history actors may name.
        start: The earliest date of its history; the start of *within* (or 2000) when `None`.
        languages: The language tags of its texts.
        optional_fields: `False` omits every optional field.

    Shrinks toward a planned milestone ``1`` with no children, no history and a one-year period.
    """
    _check_sizes(max_children, max_depth)
    if max_depth < 1:
        raise InvalidArgument("max_depth must be at least 1: the milestone itself")
    cfg = _Config(
        languages=_check_languages(languages),
        optional=optional_fields,
        stakeholder_ids=tuple(stakeholder_ids),
    )
    wanted = _enum(MilestoneStatus, status, "status")
    shape = _single_root(draw, max_children, max_depth)
    (head,) = _draw_milestone_tree(
        draw,
        cfg,
        count=len(shape),
        max_depth=max_depth,
        outer=within,
        window=_window_of(start, within),
        closed=False,
        complete=True,
        shape=shape,
        root_statuses=(wanted,) if wanted is not None else None,
    )
    return head


@st.composite
def commitments(
    draw: st.DrawFn,
    *,
    status: CommitmentStatus | str | None = None,
    within: Period | None = None,
    max_milestones: int = 3,
    max_depth: int = 2,
    stakeholder_ids: Sequence[str] = (),
    goal_ids: Sequence[str] = (),
    identifier: str | None = None,
    start: datetime.date | None = None,
    languages: Sequence[str] = ("es", "en"),
    optional_fields: bool = True,
) -> Commitment:
    """
    Yield a `Commitment` that meets every commitment rule once in a plan declaring its ids.

    It has a problem, an action, a core OGP value, a complete period (inside *within*), at least
    one milestone (when *max_milestones* allows) with a complete period inside the commitment's,
    and a consistent history; a completed commitment has only completed or cancelled
    milestones, completed no later than it.

    Args:
        status: Its status; any when `None`.
        within: The period it must lie within (its plan's).
        max_milestones: The most milestones at every depth.
        max_depth: The levels of milestone nesting (1: no child milestones).
        stakeholder_ids: The ids leads, supporters and others may name (a lead needs one).
        goal_ids: The strategic-vision goal ids ``vision_goal_id`` may name.
        identifier: Its id; an OGP-style id such as ``CLMPU0001`` when `None`.
        start: The earliest date of its history; the start of *within* (or 2000) when `None`.
        languages: The language tags of its texts.
        optional_fields: `False` omits every optional field.

    Shrinks toward a planned commitment with one milestone and one-word texts.
    """
    _check_sizes(max_milestones, max_depth)
    cfg = _Config(
        languages=_check_languages(languages),
        optional=optional_fields,
        stakeholder_ids=tuple(stakeholder_ids),
    )
    wanted = _enum(CommitmentStatus, status, "status")
    if identifier is None:
        country = _pick(draw, _COUNTRY_CODES)
        code = _pick(draw, _MEMBER_CODES)
        identifier = f"{country}{code}{_between(draw, 1, 9999):04d}"
    return _draw_commitment(
        draw,
        cfg,
        identifier=identifier,
        plan_period=within,
        window=_window_of(start, within),
        complete=True,
        lead_ids=tuple(stakeholder_ids),
        goal_ids=tuple(goal_ids),
        max_milestones=max_milestones,
        max_depth=max_depth,
        statuses=(wanted,) if wanted is not None else None,
    )


# --- assessments ---------------------------------------------------------------------------------


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

    return IrmReview(
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
    return CommitmentDesign(
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
    return InceptionReport(
        date=PartialDate.from_date(day),
        requirements=InceptionRequirements(
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
    return EndOfCommitmentReport(
        date=PartialDate.from_date(day),
        commitment_id=commitment_id,
        completion=_pick(draw, Completion),
        did_it_open_government=DidItOpenGovernment(
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


# --- plans ---------------------------------------------------------------------------------------


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


def _member_code(draw: st.DrawFn) -> str:
    return _pick(draw, _MEMBER_CODES)


def _commitment_ids(draw: st.DrawFn, membership: Membership, country: str, count: int) -> list[str]:
    if not _flag(draw):
        if membership is Membership.LOCAL:
            code = _member_code(draw)
            return [f"{country}{code}{n:04d}" for n in range(1, count + 1)]
        return [f"{country}{n:04d}" for n in range(1, count + 1)]
    return draw(st.lists(_ENTITY_IDS, min_size=count, max_size=count, unique=True))


def _draw_valid_plan(draw: st.DrawFn, spec: _PlanSpec) -> ActionPlan:
    membership = _pick(draw, spec.memberships)
    local = membership is Membership.LOCAL
    status = _pick(draw, spec.statuses)
    paths = _paths("plan", status)
    if spec.withdrawn_after_submission and status is PlanStatus.WITHDRAWN:
        # Withdrawn after submission: the last state before the withdrawal is not a draft.
        paths = tuple(p for p in paths if p[-1].from_ not in _DRAFT)
    path = _pick(draw, paths)
    reached = path[-1].from_ if status is PlanStatus.WITHDRAWN and path else status
    submitted = _PLAN_ORDER.index(reached) >= 2 if reached in _PLAN_ORDER else False
    moving = reached in _MOVING
    needs = status not in _DRAFT or spec.complete
    cfg0 = _Config(languages=spec.languages, optional=spec.optional_fields)

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
    on = {event.to: event.date for event in events}
    submitted_on = on.get(PlanStatus.SUBMITTED)
    window: _Window | None = None
    if moving:
        first = on[PlanStatus.IMPLEMENTATION]
        # Commitments move while the plan is in implementation or ended.
        leaving = [e.date for e in events if e.from_ in _WHILE_MOVING and e.to not in _WHILE_MOVING]
        last = leaving[-1] if leaving else first + datetime.timedelta(days=730)
        window = _Window(first, max(first, last))

    # The strategic vision and the commitments.
    vision = None
    if (local and want()) or (not local and _maybe(draw, cfg, lambda: True)):
        goal_ids = _some(draw, ("g1", "g2", "g3"), min_size=1, max_size=3, unique=True)
        vision = StrategicVision(
            text=_draw_text(draw, cfg),
            goals=tuple(Goal(id=g, text=_draw_text(draw, cfg)) for g in goal_ids),
        )
    goals = tuple(g.id for g in vision.goals) if vision is not None else ()
    low = spec.min_commitments or 0
    if needs or spec.completed_commitment:
        low = max(low, 1)
    country = _pick(draw, _COUNTRY_CODES)
    n_commitments = _between(draw, low, spec.max_commitments)
    commitment_ids = _commitment_ids(draw, membership, country, n_commitments)
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
        forum = Forum(
            name=_draw_text(draw, cfg),
            member_ids=members,
            meetings=_maybe_many(
                draw,
                cfg,
                lambda: Meeting(
                    date=_draw_day(draw, began, until),
                    title=_maybe_text(draw, cfg),
                    link=_maybe(draw, cfg, lambda: _draw_link(draw, cfg)),
                    information_shared_before=_maybe(draw, cfg, lambda: _flag(draw)),
                ),
            ),
        )
    monitoring = None
    if (local and want()) or (not local and _maybe(draw, cfg, lambda: True)):
        monitoring = MonitoringBody(
            name=_draw_text(draw, cfg),
            kind=_pick(draw, StakeholderKind),
            member_ids=_maybe_some(draw, cfg, ids, max_size=2, unique=True),
        )
    endorsements: tuple[Endorsement, ...] = ()
    endorse_by = submitted_on or began + datetime.timedelta(days=365)
    if needs:
        endorsements += (
            Endorsement(
                stakeholder_id=_pick(draw, others),
                date=endorse_by - datetime.timedelta(days=_between(draw, 0, 60)),
            ),
        )
    if ids:
        endorsements += _maybe_many(
            draw,
            cfg,
            lambda: Endorsement(
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
                done = commitment.history[-1].date
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
    return ActionPlan(
        id=slug,
        title=_draw_text(draw, cfg),
        language=spec.languages[0] if len(spec.languages) == 1 else _pick(draw, spec.languages),
        member=Member(
            name=_draw_text(draw, cfg),
            membership=membership,
            country=country,
            jurisdiction=_maybe(draw, cfg, lambda: _pick(draw, Jurisdiction)) if local else None,
            administration_term_end=_maybe(draw, cfg, lambda: draw(partial_dates())),
            extensions=_draw_extensions(draw, cfg),
        ),
        period=period,
        status=status,
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


# --- plans that only the model accepts -------------------------------------------------------------


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
    return Period(
        _maybe(draw, cfg, lambda: draw(partial_dates())),
        _maybe(draw, cfg, lambda: draw(partial_dates())),
    )


def _draw_loose_events(
    draw: st.DrawFn, cfg: _Config, kind: Kind
) -> tuple[TransitionEvent[Any], ...]:
    states = _states(kind)
    return _maybe_many(
        draw,
        cfg,
        lambda: TransitionEvent(
            _pick(draw, states),
            _pick(draw, states),
            draw(dates()),
            actor_id=_maybe(draw, cfg, lambda: _pick(draw, cfg.stakeholder_ids)),
            note=_draw_loose_text(draw, cfg),
        ),
    )


def _draw_loose_milestone(
    draw: st.DrawFn, cfg: _Config, ids: tuple[str, ...], depth: int
) -> Milestone:
    children = _between(draw, 0, 2) if depth > 1 and cfg.optional else 0
    return Milestone(
        id=_pick(draw, ids),
        title=_draw_text(draw, cfg),
        status=_pick(draw, MilestoneStatus),
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
    return Commitment(
        id=_pick(draw, ids),
        title=_draw_text(draw, cfg),
        status=_pick(draw, CommitmentStatus),
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
            lambda: ProgressReport(
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
    cfg = _Config(languages=spec.languages, optional=spec.optional_fields, stakeholder_ids=pool)
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
    return ActionPlan(
        id=draw(_PLAN_IDS),
        title=_draw_text(draw, cfg),
        language=_pick(draw, spec.languages),
        member=Member(
            name=_draw_text(draw, cfg),
            membership=_pick(draw, spec.memberships),
            country=_pick(draw, _COUNTRY_CODES),
            jurisdiction=_maybe(draw, cfg, lambda: _pick(draw, Jurisdiction)),
            administration_term_end=_maybe(draw, cfg, lambda: draw(partial_dates())),
        ),
        period=_draw_loose_period(draw, cfg) or Period(),
        status=_pick(draw, spec.statuses),
        history=_draw_loose_events(draw, cfg, "plan"),
        submitted_on=_maybe(draw, cfg, lambda: draw(dates())),
        description=_draw_loose_text(draw, cfg),
        strategic_vision=_maybe(
            draw,
            cfg,
            lambda: StrategicVision(
                text=_draw_text(draw, cfg),
                goals=_maybe_many(
                    draw,
                    cfg,
                    lambda: Goal(id=_pick(draw, ("g1", "g2", *pool)), text=_draw_text(draw, cfg)),
                ),
            ),
        ),
        stakeholders=tuple(
            _draw_stakeholder(draw, cfg, identifier, _pick(draw, Sector), pool)
            for identifier in _maybe_some(draw, cfg, pool, max_size=4)
        ),
        point_of_contact_id=_maybe(draw, cfg, lambda: _pick(draw, pool)),
        forum=_maybe(
            draw,
            cfg,
            lambda: Forum(name=_draw_text(draw, cfg), member_ids=_maybe_some(draw, cfg, pool)),
        ),
        monitoring_body=_maybe(
            draw,
            cfg,
            lambda: MonitoringBody(
                name=_draw_text(draw, cfg),
                kind=_pick(draw, StakeholderKind),
                member_ids=_maybe_some(draw, cfg, pool),
            ),
        ),
        endorsements=_maybe_many(
            draw,
            cfg,
            lambda: Endorsement(stakeholder_id=_pick(draw, pool), date=draw(dates())),
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

    Args:
        membership: ``"local"`` or ``"national"`` (the validation profile); either when `None`.
        status: The plan's `PlanStatus` (or its wire string); any when `None`.
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


# --- plans that break one rule -----------------------------------------------------------------


class BrokenPlan(tuple[PlanOrDocument, str]):
    """
    A plan (or an OGP JSON document, or JSON text) that breaks exactly one rule.

    It unpacks as the pair ``(plan_or_document, code)`` and also carries ``as_of``: the date to
    validate with, for the ``deadline.*`` rules (`None` for every other code).

    >>> from ogpmodel import validate
    >>> broken = BrokenPlan("{", "schema.invalid-json")
    >>> document, code = broken
    >>> code in validate(document, as_of=broken.as_of).codes
    True
    """

    as_of: datetime.date | None

    def __new__(
        cls, plan_or_document: PlanOrDocument, code: str, as_of: datetime.date | None = None
    ) -> "BrokenPlan":
        """Make the pair, with *as_of* as an attribute."""
        self = super().__new__(cls, (plan_or_document, code))
        object.__setattr__(self, "as_of", as_of)
        return self

    @property
    def plan_or_document(self) -> PlanOrDocument:
        """The `ActionPlan`, the document (a dict) or the JSON text."""
        return self[0]

    @property
    def code(self) -> str:
        """The code of the rule it breaks."""
        return self[1]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"BrokenPlan is immutable (cannot set {name!r})")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, BrokenPlan):
            return tuple(self) == tuple(other) and self.as_of == other.as_of
        return super().__eq__(other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((tuple(self), self.as_of))

    def __reduce__(self) -> tuple[Any, ...]:
        return (BrokenPlan, (self[0], self[1], self.as_of))

    def __repr__(self) -> str:
        return (
            f"BrokenPlan(code={self.code!r}, as_of={self.as_of!r}, "
            f"plan_or_document={self.plan_or_document!r})"
        )


_Mutated = tuple[PlanOrDocument, datetime.date | None]
_Mutation = Callable[[st.DrawFn, ActionPlan], _Mutated]


@attrs.frozen
class _Breaker:
    """How to break one rule: which plans to start from, and the one change to make."""

    mutate: _Mutation
    #: Each variant is a set of `_PlanSpec` fields; one is drawn for the plan to start from.
    variants: tuple[Mapping[str, Any], ...] = ({},)


def _base_spec(**changes: Any) -> _PlanSpec:
    fields: dict[str, Any] = {
        "memberships": tuple(Membership),
        "statuses": tuple(PlanStatus),
        "min_commitments": 1,
        "max_commitments": 3,
        "max_milestones": 2,
        "max_depth": 2,
        "languages": ("es", "en"),
        "optional_fields": True,
        "complete": True,
        "withdrawn_after_submission": True,
    }
    fields.update(changes)
    return _PlanSpec(**fields)


_SUBMITTED_STATES = (
    PlanStatus.SUBMITTED,
    PlanStatus.IMPLEMENTATION,
    PlanStatus.ENDED,
    PlanStatus.CLOSED,
    PlanStatus.WITHDRAWN,
)
_LOCAL = (Membership.LOCAL,)


def _fresh(taken: Iterable[str], base: str = "nobody") -> str:
    used = set(taken)
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}{n}"
    return candidate


def _replace(items: tuple[T, ...], index: int, item: T) -> tuple[T, ...]:
    return (*items[:index], item, *items[index + 1 :])


def _edit_commitment(plan: ActionPlan, index: int, **changes: Any) -> ActionPlan:
    commitment = attrs.evolve(plan.commitments[index], **changes)
    return attrs.evolve(plan, commitments=_replace(plan.commitments, index, commitment))


def _edit_first_milestone(plan: ActionPlan, index: int, **changes: Any) -> ActionPlan:
    commitment = plan.commitments[index]
    milestone = attrs.evolve(commitment.milestones[0], **changes)
    return _edit_commitment(plan, index, milestones=_replace(commitment.milestones, 0, milestone))


def _any_commitment(draw: st.DrawFn, plan: ActionPlan) -> int:
    return _between(draw, 0, len(plan.commitments) - 1)


def _day_after(draw: st.DrawFn, day: datetime.date, at_least: int = 1) -> datetime.date:
    return day + datetime.timedelta(days=at_least + _between(draw, 0, 400))


def _document(mutate: Callable[[st.DrawFn, dict[str, Any]], None]) -> _Mutation:
    def apply(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
        document = to_dict(plan)
        mutate(draw, document)
        return document, None

    return apply


def _one_of(*mutations: Callable[[st.DrawFn, dict[str, Any]], None]) -> _Mutation:
    return _document(lambda draw, document: _pick(draw, mutations)(draw, document))


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[st.DrawFn, dict[str, Any]], None]:
    def apply(draw: st.DrawFn, document: dict[str, Any]) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return apply


def _pop(path: tuple[str | int, ...]) -> Callable[[st.DrawFn, dict[str, Any]], None]:
    def apply(draw: st.DrawFn, document: dict[str, Any]) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        target.pop(path[-1])

    return apply


def _invalid_json(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    text = dumps(plan)
    how = _between(draw, 0, 2)
    if how == 0:
        return text[: _between(draw, 0, len(text) - 1)], None
    if how == 1:
        return text + _pick(draw, ("}", ",", "x", " {")), None
    return '{"id": "again", ' + text[1:], None  # a key twice in one object


def _reversed_plan_period(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    year = _between(draw, 2000, 2030)
    if _flag(draw):
        month = _between(draw, 2, 12)
        period = Period(PartialDate(year, month), PartialDate(year, month - 1))
    else:
        period = Period(PartialDate(year + _between(draw, 1, 3)), PartialDate(year))
    return attrs.evolve(plan, period=period), None


def _milestone_outside(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    index = _any_commitment(draw, plan)
    end = plan.commitments[index].period.end  # type: ignore[union-attr]
    assert end is not None  # noqa: S101 - complete plans have complete periods
    year = end.year + _between(draw, 1, 3)
    return _edit_first_milestone(
        plan, index, period=Period(PartialDate(year), PartialDate(year))
    ), None


def _commitment_outside(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    index = _any_commitment(draw, plan)
    commitment = plan.commitments[index]
    assert commitment.period is not None  # noqa: S101 - complete plans have complete periods
    assert plan.period.end is not None  # noqa: S101
    end = PartialDate(plan.period.end.year + _between(draw, 1, 3))
    return _edit_commitment(plan, index, period=Period(commitment.period.start, end)), None


def _submitted_after_start(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    assert plan.submitted_on is not None  # noqa: S101 - the plan was submitted
    assert plan.period.start is not None  # noqa: S101
    year = min(plan.submitted_on.year - 1, plan.period.start.year)
    return attrs.evolve(plan, period=Period(PartialDate(year), plan.period.end)), None


def _commitment_change(**options: tuple[Any, ...]) -> _Mutation:
    """Set one field of one commitment to one of its *options*."""

    def apply(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
        ((field, values),) = options.items()
        index = _any_commitment(draw, plan)
        return _edit_commitment(plan, index, **{field: _pick(draw, values)}), None

    return apply


def _missing_period(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    index = _any_commitment(draw, plan)
    period = plan.commitments[index].period
    assert period is not None  # noqa: S101
    changed = _pick(draw, (None, Period(period.start, None), Period(None, period.end)))
    return _edit_commitment(plan, index, period=changed), None


def _no_end_date(note: bool) -> _Mutation:
    def apply(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
        index = _any_commitment(draw, plan)
        period = plan.commitments[index].milestones[0].period
        start = period.start if period is not None else None
        changed = _pick(draw, (Period(start, None), None))
        deadline = Text(_pick(draw, _DELIVERABLES)) if note else None
        return _edit_first_milestone(plan, index, period=changed, deadline_note=deadline), None

    return apply


def _rename_commitment(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    index = _any_commitment(draw, plan)
    old = plan.commitments[index].id
    new = _fresh((c.id for c in plan.commitments), f"c-{_between(draw, 1, 99)}")

    def renamed(item: Assessment) -> Assessment:
        if isinstance(item, InceptionReport):
            designs = tuple(
                attrs.evolve(d, commitment_id=new) if d.commitment_id == old else d
                for d in item.commitments
            )
            return attrs.evolve(item, commitments=designs)
        return attrs.evolve(item, commitment_id=new) if item.commitment_id == old else item

    plan = _edit_commitment(plan, index, id=new)
    return attrs.evolve(plan, assessments=tuple(renamed(a) for a in plan.assessments)), None


def _no_commitments(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    kept = tuple(
        attrs.evolve(a, commitments=()) for a in plan.assessments if isinstance(a, InceptionReport)
    )
    return attrs.evolve(plan, commitments=(), assessments=kept), None


def _unchanged(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    return plan, None


def _government(plan: ActionPlan) -> set[str]:
    return {s.id for s in plan.stakeholders if s.sector is Sector.GOVERNMENT}


def _no_forum(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    assert plan.forum is not None  # noqa: S101
    forum = _pick(draw, (None, attrs.evolve(plan.forum, member_ids=())))
    return attrs.evolve(plan, forum=forum), None


def _one_sided_forum(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    assert plan.forum is not None  # noqa: S101
    government = _government(plan)
    keep_government = _flag(draw)
    members = tuple(m for m in plan.forum.member_ids if (m in government) is keep_government)
    return attrs.evolve(plan, forum=attrs.evolve(plan.forum, member_ids=members)), None


def _not_endorsed(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    government = _government(plan)
    how = _between(draw, 0, 2)
    if how == 0:
        return attrs.evolve(plan, endorsements=()), None
    kept = tuple(e for e in plan.endorsements if e.stakeholder_id in government)
    if how == 1 or plan.submitted_on is None:
        return attrs.evolve(plan, endorsements=kept), None
    late = tuple(
        Endorsement(e.stakeholder_id, _day_after(draw, plan.submitted_on))
        for e in plan.endorsements
        if e.stakeholder_id not in government
    )
    return attrs.evolve(plan, endorsements=kept + late), None


def _no_point_of_contact(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    people = tuple(
        attrs.evolve(s, roles=tuple(r for r in s.roles if r is not Role.POINT_OF_CONTACT))
        for s in plan.stakeholders
    )
    return attrs.evolve(plan, point_of_contact_id=None, stakeholders=people), None


def _inception_overdue(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    assert plan.submitted_on is not None  # noqa: S101
    kept = tuple(a for a in plan.assessments if not isinstance(a, InceptionReport))
    return attrs.evolve(plan, assessments=kept), _day_after(draw, plan.submitted_on, 63)


def _end_of_commitment_overdue(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    commitment = plan.commitments[0]
    completed_on = commitment.history[-1].date
    kept = tuple(
        a
        for a in plan.assessments
        if not (isinstance(a, EndOfCommitmentReport) and a.commitment_id == commitment.id)
    )
    return attrs.evolve(plan, assessments=kept), _day_after(draw, completed_on, 32)


def _milestone_overdue(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    ends = [m.period.end.latest for _, m in plan.iter_milestones() if m.period and m.period.end]
    return plan, _day_after(draw, max(ends))


def _plan_period_over(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    assert plan.period.end is not None  # noqa: S101
    return plan, _day_after(draw, plan.period.end.latest)


def _invalid_transition(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    first, second, *rest = plan.history
    skipped = attrs.evolve(second, from_=first.from_)
    return attrs.evolve(plan, history=(skipped, *rest)), None


def _status_mismatch(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    if _flag(draw):
        other = (
            PlanStatus.ENDED
            if plan.status is PlanStatus.IMPLEMENTATION
            else PlanStatus.IMPLEMENTATION
        )
        return attrs.evolve(plan, status=other), None
    return _edit_commitment(plan, 0, status=CommitmentStatus.IN_PROGRESS), None


def _out_of_order(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    first, second, *rest = plan.history
    late = attrs.evolve(first, date=_day_after(draw, second.date))
    return attrs.evolve(plan, history=(late, second, *rest)), None


def _open_milestone(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    if _flag(draw):
        started = plan.commitments[0].history[0].date
        event = TransitionEvent(MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS, started)
        return _edit_first_milestone(
            plan, 0, status=MilestoneStatus.IN_PROGRESS, history=(event,)
        ), None
    return _edit_first_milestone(plan, 0, status=MilestoneStatus.PLANNED, history=()), None


def _no_note(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    last = attrs.evolve(plan.history[-1], note=_pick(draw, (None, Text(" "), Text({"es": ""}))))
    return attrs.evolve(plan, history=(*plan.history[:-1], last)), None


def _event_index(plan: ActionPlan, to: PlanStatus) -> int:
    """The index of the plan's history event that moved it to *to*."""
    return next(i for i, event in enumerate(plan.history) if event.to is to)


def _redate(plan: ActionPlan, index: int, day: datetime.date) -> ActionPlan:
    event = attrs.evolve(plan.history[index], date=day)
    return attrs.evolve(plan, history=_replace(plan.history, index, event))


def _day_between(draw: st.DrawFn, lo: datetime.date, hi: datetime.date) -> datetime.date | None:
    """A day in ``[lo, hi)``, or `None` when there is none."""
    if hi <= lo:
        return None
    return _draw_day(draw, lo, hi - datetime.timedelta(days=1))


def _implementation_before_start(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """Enter implementation before the plan period starts (or drop the period's start)."""
    index = _event_index(plan, PlanStatus.IMPLEMENTATION)
    entered = plan.history[index].date
    start, end = plan.period.start, plan.period.end
    assert start is not None  # noqa: S101 - submitted plans have complete periods
    assert end is not None  # noqa: S101
    how = _between(draw, 0, 2)
    if how == 1:
        # Earlier, but not before the previous event: dates stay non-decreasing.
        day = _day_between(draw, plan.history[index - 1].date, start.earliest)
        if day is not None:
            return _redate(plan, index, day), None
    if how == 2:
        later = PartialDate.from_date(_day_after(draw, entered))
        if later.earliest <= end.latest:
            return attrs.evolve(plan, period=Period(later, end)), None
    return attrs.evolve(plan, period=Period(None, end)), None


def _ended_before_end(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """End the plan before its period is over while a commitment is still open."""
    if all(
        c.status in (CommitmentStatus.COMPLETED, CommitmentStatus.WITHDRAWN)
        for c in plan.commitments
    ):
        plan = _edit_commitment(
            plan, _any_commitment(draw, plan), status=CommitmentStatus.PLANNED, history=()
        )
    index = _event_index(plan, PlanStatus.ENDED)
    ended = plan.history[index].date
    end = plan.period.end
    assert end is not None  # noqa: S101 - submitted plans have periods
    if _flag(draw):
        # Earlier, but not before the previous event: dates stay non-decreasing.
        day = _day_between(draw, plan.history[index - 1].date, end.earliest)
        if day is not None:
            return _redate(plan, index, day), None
    later = PartialDate.from_date(_day_after(draw, ended))
    return attrs.evolve(plan, period=Period(plan.period.start, later)), None


def _moved_outside_implementation(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """Date a move of a commitment or milestone before the plan's implementation, or after it."""
    commitment = plan.commitments[0]  # completed: it has a history
    entered = plan.history[_event_index(plan, PlanStatus.IMPLEMENTATION)].date
    if plan.status is PlanStatus.CLOSED and _flag(draw):
        closed = plan.history[_event_index(plan, PlanStatus.CLOSED)].date
        last = attrs.evolve(commitment.history[-1], date=_day_after(draw, closed))
        return _edit_commitment(plan, 0, history=(*commitment.history[:-1], last)), None
    early = entered - datetime.timedelta(days=_between(draw, 1, 400))
    first_milestone = commitment.milestones[0] if commitment.milestones else None
    if first_milestone is not None and first_milestone.history and _flag(draw):
        step = attrs.evolve(first_milestone.history[0], date=early)
        history = (step, *first_milestone.history[1:])
        return _edit_first_milestone(plan, 0, history=history), None
    moved = attrs.evolve(commitment.history[0], date=early)
    return _edit_commitment(plan, 0, history=(moved, *commitment.history[1:])), None


def _closed_without_report(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """Drop the end-of-commitment report of a completed commitment of a closed local plan."""
    completed = plan.commitments[0].id
    kept = tuple(
        a
        for a in plan.assessments
        if not (isinstance(a, EndOfCommitmentReport) and a.commitment_id == completed)
    )
    return attrs.evolve(plan, assessments=kept), None


def _irm(commitment_id: str, day: datetime.date, **ratings: Any) -> IrmReview:
    product = ratings.pop("product", IRMProduct.PROGRESS_REPORT)
    return IrmReview(
        date=PartialDate.from_date(day), commitment_id=commitment_id, product=product, **ratings
    )


def _with_assessments(plan: ActionPlan, *items: Assessment) -> ActionPlan:
    return attrs.evolve(plan, assessments=(*plan.assessments, *items))


def _completion_regressed(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    cid = plan.commitments[_any_commitment(draw, plan)].id
    levels = list(Completion)
    high = _between(draw, 1, len(levels) - 1)
    low = _between(draw, 0, high - 1)
    day = draw(dates())
    later = _day_after(draw, day)
    return _with_assessments(
        plan,
        _irm(cid, day, completion=levels[high]),
        _irm(cid, later, completion=levels[low], product=IRMProduct.END_OF_TERM_REPORT),
    ), None


def _unverifiable_rated(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    cid = plan.commitments[_any_commitment(draw, plan)].id
    day = draw(dates())
    if _flag(draw):
        design = CommitmentDesign(cid, verifiable=Verifiable.NO, relevant=_flag(draw))
        report = InceptionReport(date=PartialDate.from_date(day), commitments=(design,))
        return _with_assessments(plan, report), None
    return _with_assessments(
        plan, _irm(cid, day, verifiable=Verifiable.NO, relevant=_flag(draw))
    ), None


def _indicator_era(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    assert plan.period.start is not None  # noqa: S101
    cid = plan.commitments[_any_commitment(draw, plan)].id
    day = draw(dates())
    if plan.period.start.year >= 2021:
        rating: dict[str, Any] = _pick(
            draw,
            (
                {"specificity": _pick(draw, Specificity)},
                {"potential_impact": _pick(draw, PotentialImpact)},
            ),
        )
    else:
        rating = _pick(
            draw,
            (
                {"potential_for_results": _pick(draw, PotentialForResults)},
                {"verifiable": _pick(draw, (Verifiable.YES, Verifiable.UNCLEAR))},
            ),
        )
    return _with_assessments(plan, _irm(cid, day, **rating)), None


def _duplicate_assessment(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    cid = plan.commitments[_any_commitment(draw, plan)].id
    review = _irm(cid, draw(dates()), product=_pick(draw, IRMProduct))
    return _with_assessments(plan, review, review), None


def _duplicate_id(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    index = _any_commitment(draw, plan)
    commitment = plan.commitments[index]
    how = _between(draw, 0, 3 if plan.strategic_vision is not None else 2)
    if how == 0:
        copy = plan.stakeholders[_between(draw, 0, len(plan.stakeholders) - 1)]
        return attrs.evolve(plan, stakeholders=(*plan.stakeholders, copy)), None
    if how == 1:
        return attrs.evolve(plan, commitments=(*plan.commitments, commitment)), None
    if how == 2:
        milestones = (*commitment.milestones, commitment.milestones[0])
        return _edit_commitment(plan, index, milestones=milestones), None
    vision = plan.strategic_vision
    assert vision is not None  # noqa: S101
    return attrs.evolve(
        plan, strategic_vision=attrs.evolve(vision, goals=(*vision.goals, vision.goals[0]))
    ), None


def _unknown_stakeholder(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    nobody = _fresh(s.id for s in plan.stakeholders)
    index = _any_commitment(draw, plan)
    commitment = plan.commitments[index]
    how = _between(draw, 0, 4)
    if how == 0:
        return _edit_commitment(
            plan, index, supporting_ids=(*commitment.supporting_ids, nobody)
        ), None
    if how == 1:
        return _edit_commitment(plan, index, lead_ids=(*commitment.lead_ids, nobody)), None
    if how == 2:
        return attrs.evolve(plan, point_of_contact_id=nobody), None
    if how == 3:
        people = _replace(
            plan.stakeholders, 0, attrs.evolve(plan.stakeholders[0], parent_id=nobody)
        )
        return attrs.evolve(plan, stakeholders=people), None
    milestone = commitment.milestones[0]
    return _edit_first_milestone(
        plan, index, responsible_ids=(*milestone.responsible_ids, nobody)
    ), None


def _unknown_goal(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    vision = plan.strategic_vision
    goals = [g.id for g in vision.goals] if vision is not None else []
    return _edit_commitment(
        plan, _any_commitment(draw, plan), vision_goal_id=_fresh(goals, "g")
    ), None


def _unknown_commitment(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    nobody = _fresh((c.id for c in plan.commitments), "XX9999")
    day = PartialDate.from_date(draw(dates()))
    choices: tuple[Assessment, ...] = (
        IrmReview(date=day, commitment_id=nobody, product=IRMProduct.DESIGN_REPORT),
        InceptionReport(date=day, commitments=(CommitmentDesign(nobody),)),
        EndOfCommitmentReport(date=day, commitment_id=nobody, completion=Completion.COMPLETE),
    )
    item = _pick(draw, choices)
    return _with_assessments(plan, item), None


_DRAFTS = {"statuses": (PlanStatus.PLANNING, PlanStatus.CO_CREATION)}
_SUBMITTED = {"statuses": _SUBMITTED_STATES}
_MOVING_NOW = (PlanStatus.IMPLEMENTATION, PlanStatus.ENDED)
_MOVED = {"statuses": _MOVING_NOW, "completed_commitment": True}
#: The states of a plan whose history went through ``submitted → implementation``.
_IMPLEMENTED = (*_MOVING_NOW, PlanStatus.CLOSED)
_BLANK_TEXTS = ("", " ", "\n\t", {"es": " "}, {"en": "", "es": "  "})

#: The one change that breaks each rule, by code.
_BREAKERS: Mapping[str, _Breaker] = {
    # structure: documents and JSON text
    "schema.invalid-json": _Breaker(_invalid_json),
    "schema.type": _Breaker(
        _one_of(
            _set(("title",), 42),
            _set(("commitments",), "none"),
            _set(("history",), {}),
            _set(("member",), "Maipú"),
            _set(("submitted_on",), 20230131),
            _set(("commitments", 0, "milestones"), {}),
            _set(("commitments", 0, "lead_ids"), "muni"),
        )
    ),
    "schema.required": _Breaker(
        _one_of(
            _pop(("title",)),
            _pop(("id",)),
            _pop(("language",)),
            _pop(("member",)),
            _pop(("status",)),
            _pop(("member", "membership")),
            _pop(("commitments", 0, "title")),
            _pop(("commitments", 0, "status")),
            _pop(("stakeholders", 0, "sector")),
        )
    ),
    "schema.enum": _Breaker(
        _one_of(
            _set(("status",), "submited"),
            _set(("member", "membership"), "locale"),
            _set(("commitments", 0, "status"), "done"),
            _set(("commitments", 0, "milestones", 0, "status"), "Completed"),
            _set(("stakeholders", 0, "sector"), "goverment"),
        )
    ),
    "schema.format": _Breaker(
        _one_of(
            _set(("language",), "español"),
            _set(("id",), "-plan 2023"),
            _set(("member", "country"), "XX"),
            _set(("period", "start"), "2023-02-30"),
            _set(("period", "end"), "2023/12"),
            _set(("commitments", 0, "id"), "CL MPU 0001"),
        )
    ),
    "schema.additional-property": _Breaker(
        _one_of(
            _set(("titel",), "Plan"),
            _set(("commitments", 0, "milestone"), []),
            _set(("member", "countries"), ["CL"]),
        )
    ),
    "schema.version": _Breaker(
        _one_of(
            _set(("schema_version",), "2.0"),
            _set(("schema_version",), "0.9"),
            _pop(("schema_version",)),
        )
    ),
    "text.empty": _Breaker(
        _document(
            lambda draw, document: _pick(
                draw,
                (
                    _set(("title",), _pick(draw, _BLANK_TEXTS)),
                    _set(("member", "name"), _pick(draw, _BLANK_TEXTS)),
                    _set(("commitments", 0, "title"), _pick(draw, _BLANK_TEXTS)),
                    _set(("stakeholders", 0, "name"), _pick(draw, _BLANK_TEXTS)),
                ),
            )(draw, document)
        )
    ),
    # structure: the plan's own consistency
    "id.duplicate": _Breaker(_duplicate_id),
    "reference.unknown-stakeholder": _Breaker(_unknown_stakeholder),
    "reference.unknown-goal": _Breaker(_unknown_goal),
    "reference.unknown-commitment": _Breaker(_unknown_commitment),
    # dates
    "period.end-before-start": _Breaker(_reversed_plan_period, (_DRAFTS,)),
    "period.milestone-outside-commitment": _Breaker(_milestone_outside),
    "period.commitment-outside-plan": _Breaker(_commitment_outside),
    "period.submitted-after-start": _Breaker(_submitted_after_start, (_SUBMITTED,)),
    # formulation
    "commitment.missing-problem": _Breaker(_commitment_change(problem=(None, Text(" ")))),
    "commitment.missing-action": _Breaker(_commitment_change(action=(None, Text({"es": ""})))),
    "commitment.no-core-value": _Breaker(
        _commitment_change(ogp_values=((), (OGPValue.TECHNOLOGY_AND_INNOVATION,)))
    ),
    "commitment.no-lead": _Breaker(_commitment_change(lead_ids=((),))),
    "commitment.no-milestones": _Breaker(_commitment_change(milestones=((),))),
    "commitment.missing-period": _Breaker(_missing_period),
    "milestone.no-end-date": _Breaker(_no_end_date(note=False)),
    "milestone.deadline-note-only": _Breaker(_no_end_date(note=True)),
    "commitment.unlinked-vision-goal": _Breaker(
        _commitment_change(vision_goal_id=(None,)), ({"memberships": _LOCAL},)
    ),
    "commitment.id-format": _Breaker(_rename_commitment),
    # process
    "plan.no-commitments": _Breaker(_no_commitments),
    "plan.too-many-commitments": _Breaker(
        _unchanged,
        (
            {
                "memberships": _LOCAL,
                "min_commitments": 6,
                "max_commitments": 7,
                "max_milestones": 1,
                "max_depth": 1,
            },
        ),
    ),
    "plan.commitment-count-outside-recommendation": _Breaker(
        _unchanged, ({"memberships": (Membership.NATIONAL,), "max_commitments": 4},)
    ),
    "plan.no-forum": _Breaker(_no_forum),
    "plan.forum-not-multistakeholder": _Breaker(_one_sided_forum),
    "plan.not-endorsed": _Breaker(_not_endorsed),
    "plan.no-monitoring-body": _Breaker(
        lambda draw, plan: (attrs.evolve(plan, monitoring_body=None), None),
        ({"memberships": _LOCAL},),
    ),
    "plan.no-point-of-contact": _Breaker(_no_point_of_contact),
    "plan.missing-submission-date": _Breaker(
        lambda draw, plan: (attrs.evolve(plan, submitted_on=None), None), (_SUBMITTED,)
    ),
    # deadlines (validate with as_of)
    "deadline.inception-report-overdue": _Breaker(
        _inception_overdue, ({"memberships": _LOCAL, "statuses": _SUBMITTED_STATES[:-1]},)
    ),
    "deadline.end-of-commitment-report-overdue": _Breaker(
        _end_of_commitment_overdue, ({**_MOVED, "memberships": _LOCAL},)
    ),
    "deadline.milestone-overdue": _Breaker(
        _milestone_overdue,
        ({"statuses": (PlanStatus.PLANNING, PlanStatus.CO_CREATION, PlanStatus.SUBMITTED)},),
    ),
    "deadline.plan-period-over": _Breaker(
        _plan_period_over, ({"statuses": (PlanStatus.IMPLEMENTATION,)},)
    ),
    # lifecycle
    "lifecycle.invalid-transition": _Breaker(_invalid_transition, (_SUBMITTED,)),
    "lifecycle.status-mismatch": _Breaker(_status_mismatch, (_MOVED,)),
    "lifecycle.history-out-of-order": _Breaker(_out_of_order, (_SUBMITTED,)),
    "lifecycle.completed-with-open-milestones": _Breaker(
        _open_milestone, ({**_MOVED, "statuses": (*_MOVING_NOW, PlanStatus.CLOSED)},)
    ),
    "lifecycle.note-required": _Breaker(_no_note, ({"statuses": (PlanStatus.WITHDRAWN,)},)),
    "lifecycle.plan-not-in-implementation": _Breaker(
        _moved_outside_implementation, ({**_MOVED, "statuses": _IMPLEMENTED},)
    ),
    "lifecycle.plan-period-not-started": _Breaker(
        _implementation_before_start, ({"statuses": _IMPLEMENTED},)
    ),
    "lifecycle.plan-period-not-over": _Breaker(
        _ended_before_end, ({"statuses": (PlanStatus.ENDED, PlanStatus.CLOSED)},)
    ),
    "lifecycle.missing-end-of-commitment-report": _Breaker(
        _closed_without_report,
        ({**_MOVED, "memberships": _LOCAL, "statuses": (PlanStatus.CLOSED,)},),
    ),
    # assessments
    "assessment.completion-regressed": _Breaker(_completion_regressed),
    "assessment.unverifiable-rated": _Breaker(_unverifiable_rated),
    "assessment.indicator-era": _Breaker(
        _indicator_era, ({"years": (2021, 2035)}, {"years": (2000, 2017)})
    ),
    "assessment.duplicate": _Breaker(_duplicate_assessment),
}


def _registered() -> Mapping[str, Rule]:
    return {rule.code: rule for rule in ogpmodel.rules(include_transition_only=True)}


def _guard_only(rule: Rule) -> bool:
    """Whether only a lifecycle transition reports the rule (never `ogpmodel.validate`)."""
    return rule.transition_only


def breakable_codes() -> tuple[str, ...]:
    """
    The codes `broken_plans` can break, in catalogue order.

    Every rule of `ogpmodel.rules()`, that is every rule `ogpmodel.validate` checks. The
    transition-only ``lifecycle.submission-requirements-unmet`` (the guard of
    ``co_creation → submitted``) is not among them: `ogpmodel.lifecycle.transition` reports it
    when a move fails, while `ogpmodel.validate` reports the failing stage-dependent rules
    themselves, so no plan breaks it.
    """
    return tuple(
        code for code, rule in _registered().items() if code in _BREAKERS and not _guard_only(rule)
    )


def _check_code(code: str) -> None:
    registered = _registered()
    if code not in registered:
        near = difflib.get_close_matches(code, list(registered), n=1, cutoff=0)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise ValueError(f"no rule has the code {code!r}{hint}")
    if _guard_only(registered[code]):
        raise ValueError(
            f"{code!r} is a guard of lifecycle transitions only: ogpmodel.lifecycle.transition "
            "reports it when a move fails, and validate() reports the failing rules themselves "
            "instead, so no plan breaks it"
        )
    if code not in _BREAKERS:
        raise ValueError(f"broken_plans does not know how to break {code!r} yet")


@st.composite
def _broken(draw: st.DrawFn, code: str) -> BrokenPlan:
    breaker = _BREAKERS[code]
    variant = _pick(draw, breaker.variants)
    plan = _draw_valid_plan(draw, _base_spec(**variant))
    broken, as_of = breaker.mutate(draw, plan)
    return BrokenPlan(broken, code, as_of)


def broken_plans(code: str | None = None) -> SearchStrategy[BrokenPlan]:
    """
    Yield plans that break exactly one rule, as `BrokenPlan` pairs ``(plan_or_document, code)``.

    Each starts from a valid plan of `action_plans` (in a status where the rule applies; any
    status for the stage-dependent rules, which are warnings before submission) and makes the
    one change that breaks the rule. ``validate(plan_or_document, as_of=broken.as_of)`` then
    reports *code* and no other error; warnings and infos may come with it.

    - ``schema.*`` and ``text.empty`` yield OGP JSON documents (dicts), and
      ``schema.invalid-json`` JSON text: a model object cannot break them.
    - ``deadline.*`` rules run only with an ``as_of`` date: use ``broken.as_of`` (it is `None`
      for every other code).
    - The guards of the transition tables break through the plan's recorded history (a move
      dated before the plan period starts, and the like), except
      ``lifecycle.submission-requirements-unmet``, which no plan breaks; see `breakable_codes`.

    Args:
        code: The rule to break; any of `breakable_codes` when `None`.

    Shrinks toward the first breakable code, then as `action_plans` does.

    Raises:
        ValueError: No rule has *code* (the message names the nearest code), or no plan can
            break it.
    """
    if code is not None:
        _check_code(code)
        return _broken(code)
    return st.sampled_from(breakable_codes()).flatmap(_broken)


# --- one strategy per model class (for st.from_type) ---------------------------------------------

_CFG = _Config(stakeholder_ids=("muni", "ong"))


def _drawing(make: Callable[[st.DrawFn], T]) -> SearchStrategy[T]:
    @st.composite
    def strategy(draw: st.DrawFn) -> T:
        return make(draw)

    return strategy()


def _draw_member(draw: st.DrawFn) -> Member:
    membership = _pick(draw, Membership)
    return Member(
        name=_draw_text(draw, _CFG),
        membership=membership,
        country=_pick(draw, _COUNTRY_CODES),
        jurisdiction=_maybe(draw, _CFG, lambda: _pick(draw, Jurisdiction))
        if membership is Membership.LOCAL
        else None,
        administration_term_end=_maybe(draw, _CFG, lambda: draw(partial_dates())),
    )


def _draw_goal(draw: st.DrawFn) -> Goal:
    return Goal(id=_pick(draw, ("g1", "g2", "g3")), text=_draw_text(draw, _CFG))


def _draw_vision(draw: st.DrawFn) -> StrategicVision:
    ids = _some(draw, ("g1", "g2", "g3"), min_size=1, unique=True)
    return StrategicVision(
        text=_draw_text(draw, _CFG),
        goals=tuple(Goal(id=g, text=_draw_text(draw, _CFG)) for g in ids),
    )


def _draw_forum(draw: st.DrawFn) -> Forum:
    return Forum(
        name=_draw_text(draw, _CFG),
        member_ids=_some(draw, _CFG.stakeholder_ids, unique=True),
        meetings=_maybe_many(draw, _CFG, lambda: draw(strategy_for(Meeting))),
    )


def _draw_event(draw: st.DrawFn, kind: Kind) -> TransitionEvent[Any]:
    step: Transition[Any] = _pick(draw, TABLES[kind].transitions)
    return _draw_events(draw, _CFG, (step,), draw(dates()))[0]


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
    Contact: lambda: st.builds(
        Contact,
        email=st.none() | _EMAILS,
        phone=st.none() | _PHONES,
        url=st.none() | st.sampled_from(_READABLE_URLS),
    ),
    Identifier: lambda: st.builds(
        Identifier,
        scheme=st.sampled_from(("CL-RUT", "ogp", "wikidata")),
        id=st.text("0123456789ABCDEFGHIJ", min_size=1, max_size=9),
    ),
    Meeting: lambda: st.builds(
        Meeting,
        date=dates(),
        title=st.none() | texts(),
        link=st.none() | links(),
        information_shared_before=st.none() | st.booleans(),
    ),
    Forum: lambda: _drawing(_draw_forum),
    MonitoringBody: lambda: st.builds(
        MonitoringBody,
        name=texts(),
        kind=st.sampled_from(StakeholderKind),
        member_ids=st.lists(st.sampled_from(_CFG.stakeholder_ids), unique=True),
    ),
    Endorsement: lambda: st.builds(
        Endorsement, stakeholder_id=st.sampled_from(_CFG.stakeholder_ids), date=dates()
    ),
    TransitionEvent: _any_event,
    ProgressReport: lambda: st.builds(
        ProgressReport,
        date=partial_dates(),
        status=st.none() | st.sampled_from(Completion),
        text=st.none() | texts(),
    ),
    InceptionRequirements: lambda: st.builds(
        InceptionRequirements,
        **{
            name: st.none() | st.booleans()
            for name in (
                "forum_exists",
                "forum_multistakeholder",
                "plan_endorsed_by_non_government",
                "website_updated",
                "information_shared_before_meetings",
            )
        },
    ),
    CommitmentDesign: lambda: _drawing(lambda draw: _draw_design(draw, _CFG, "CLMPU0001")),
    DidItOpenGovernment: lambda: st.builds(
        DidItOpenGovernment,
        access_to_information=st.none() | st.sampled_from(DIOGDimension),
        civic_participation=st.none() | st.sampled_from(DIOGDimension),
        public_accountability=st.none() | st.sampled_from(DIOGDimension),
        overall=st.none() | st.sampled_from(DIOG),
    ),
    InceptionReport: lambda: assessments(types=(InceptionReport,)),
    EndOfCommitmentReport: lambda: assessments(types=(EndOfCommitmentReport,)),
    IrmReview: lambda: assessments(types=(IrmReview,)),
    Finding: lambda: _drawing(_draw_finding),
    ValidationReport: lambda: st.builds(
        ValidationReport, st.lists(_drawing(_draw_finding), max_size=3)
    ),
    Rule: lambda: st.sampled_from(ogpmodel.rules()),
    Profile: lambda: _drawing(_draw_profile),
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
