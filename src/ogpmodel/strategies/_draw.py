"""The drawing primitives every strategy shares: words, choices that shrink, optional fields."""

import datetime
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import attrs
import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from ogpmodel import _patterns
from ogpmodel.values import PartialDate, Text

T = TypeVar("T")

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
_HOSTS = ("example.org", "ogp.example", "municipio.example.cl")
#: Readable URLs, shortest first.
_READABLE_URLS = tuple(f"https://{host}/{path}" for path in ("", *_WORDS_EN) for host in _HOSTS)
_ODD_URLS: SearchStrategy[str] = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}{path}",
    st.sampled_from(("https", "http", "HTTPS")),
    st.text(_ALNUM + ".-", min_size=1, max_size=20),
    st.text(_ID_CHARS, max_size=20).map(lambda path: "/" + path if path else ""),
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


# --- choices and optional fields ---------------------------------------------------------------


@attrs.frozen
class _Config:
    """What every piece of a generated plan needs to know."""

    languages: tuple[str, ...] = ("es", "en")
    optional: bool = True
    stakeholder_ids: tuple[str, ...] = ()
    #: Whether link addresses may be relative (the plan has a ``base_url``, or rules are off).
    relative_links: bool = False


# Choices draw from strategies built once: building a strategy per draw is slow.
_BOOL = st.booleans()


@functools.cache
def _up_to(high: int) -> SearchStrategy[int]:
    return st.integers(0, high)


def day_of(value: datetime.date | PartialDate) -> datetime.date:
    """The day of an event date the strategies drew (a month or a year gives its first)."""
    return value if isinstance(value, datetime.date) else value.earliest


def last_day_of(value: datetime.date | PartialDate) -> datetime.date:
    """The last day an event date may denote (a month or a year gives its last)."""
    return value if isinstance(value, datetime.date) else value.latest


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


#: Relative references, shortest first (they need the plan's ``base_url``).
_RELATIVE_URLS = ("plan.pdf", "/en/report", "docs/evidence.pdf", "../minutes?id=1")


def _draw_address(draw: st.DrawFn, cfg: _Config) -> str:
    """An absolute URL; a relative reference one time in four where *cfg* allows them."""
    if cfg.relative_links and _between(draw, 0, 3) == 3:
        return _pick(draw, _RELATIVE_URLS)
    return _draw_url(draw)


def _draw_url_text(draw: st.DrawFn, cfg: _Config) -> str | Text:
    """A link's address, or (one time in four) a language map of addresses, one per language."""
    if _between(draw, 0, 3) < 3:
        return _draw_address(draw, cfg)
    tags = _some(draw, cfg.languages, min_size=1, unique=True)
    return Text({tag: _draw_address(draw, cfg) for tag in tags})


# --- statuses and titles -------------------------------------------------------------------------


def _unrecorded(draw: st.DrawFn, cfg: _Config) -> bool:
    """Whether a status is left unrecorded: one time in ten when optional fields are on."""
    return cfg.optional and _between(draw, 0, 9) == 9


def _title_strings(text: Text) -> set[str]:
    """The strings of *text* as repeats are compared: case and runs of white space aside."""
    return {" ".join(value.split()).casefold() for value in text.as_dict("").values()}


def _numbered(text: Text, number: int) -> Text:
    """*text* with `` {number}`` after each of its strings."""
    if text.is_plain:
        return Text(f"{text} {number}")
    return Text({tag: f"{value} {number}" for tag, value in text.as_dict("").items()})


def _draw_distinct_text(draw: st.DrawFn, cfg: _Config, taken: set[str]) -> Text:
    """
    Non-blank text that shares no string with the titles of *taken*; its strings join *taken*.

    A drawn text that repeats one is numbered (``plan``, ``plan 2``), so that titles shrink
    toward the same readable word without repeating.
    """
    text = _draw_text(draw, cfg)
    candidate, number = text, 1
    while _title_strings(candidate) & taken:
        number += 1
        candidate = _numbered(text, number)
    taken |= _title_strings(candidate)
    return candidate
