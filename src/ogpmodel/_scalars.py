"""
The scalar value types of OGP JSON, `Text` and `PartialDate` (public in `ogpmodel.values`).

These modules avoid ``from __future__ import annotations`` on purpose: cattrs and Hypothesis
read the annotations at run time.
"""

import calendar
import datetime
import functools
import re
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from ogpmodel import _patterns
from ogpmodel.errors import InvalidValue

__all__ = ["PartialDate", "Precision", "Text", "earliest_day", "latest_day"]

Precision = Literal["year", "month", "day"]

_TextValue = str | tuple[tuple[str, str], ...]


def _text_value(value: str | Mapping[str, str]) -> _TextValue:
    given: object = value  # checked at run time: callers may pass anything
    if isinstance(given, str):
        return given
    if isinstance(given, Mapping):
        pairs = []
        for tag, text in given.items():
            if not isinstance(tag, str) or not _patterns.matches(_patterns.LANGUAGE_TAG, tag):
                raise InvalidValue("Text", tag, "a BCP 47 language tag such as 'es' or 'fr-CA'")
            if not isinstance(text, str):
                raise InvalidValue(f"Text[{tag!r}]", text, "a string")
            pairs.append((tag, text))
        if not pairs:
            raise InvalidValue("Text", dict(given), "a string or a non-empty language map")
        return tuple(pairs)
    raise InvalidValue("Text", value, "a string or a mapping of language tags to strings")


def _primary(tag: str) -> str:
    return tag.split("-", 1)[0].lower()


@attrs.frozen(eq=False, repr=False)
class Text:
    """
    Text in one or more languages: a plain string, or a map of BCP 47 tags to strings.

    A plain string is in the plan's ``language``. `Text` remembers which form it was given in,
    so a round trip through OGP JSON writes it back the same way.

    >>> Text("Plan de acción").is_plain
    True
    >>> Text({"en": "Action plan", "es": "Plan de acción"}).get("es")
    'Plan de acción'
    >>> Text({"en": "Action plan"}) == Text("Action plan")
    False

    Equality is by form and content (language maps compare as maps, in any order).
    """

    _value: _TextValue = attrs.field(converter=_text_value)

    @property
    def is_plain(self) -> bool:
        """Whether the text was given as a plain string."""
        return isinstance(self._value, str)

    @property
    def languages(self) -> tuple[str, ...]:
        """The language tags of a language map, in the order given (empty for plain text)."""
        return () if isinstance(self._value, str) else tuple(tag for tag, _ in self._value)

    def as_dict(self, language: str) -> dict[str, str]:
        """Return the text as a language map; a plain string is filed under *language*."""
        if isinstance(self._value, str):
            return {language: self._value}
        return dict(self._value)

    def get(self, language: str, *, default_language: str | None = None) -> str | None:
        """
        Return the text in *language*, or `None` when it has none.

        An exact tag wins, then a tag with the same primary language (``es`` for ``es-CL``).
        A plain string counts as *default_language* (pass the plan's ``language``).
        """
        if isinstance(self._value, str):
            if default_language is None or _primary(default_language) == _primary(language):
                return self._value
            return None
        by_tag = dict(self._value)
        if language in by_tag:
            return by_tag[language]
        wanted = _primary(language)
        return next((text for tag, text in self._value if _primary(tag) == wanted), None)

    @property
    def is_blank(self) -> bool:
        """Whether every string of the text is empty or white space only (text that counts as missing)."""
        if isinstance(self._value, str):
            return not _patterns.matches(_patterns.NON_BLANK, self._value)
        return not any(_patterns.matches(_patterns.NON_BLANK, text) for _, text in self._value)

    def to_json(self) -> str | dict[str, str]:
        """Return the OGP JSON form: the plain string or the language map."""
        return self._value if isinstance(self._value, str) else dict(self._value)

    def __str__(self) -> str:
        """Return the plain string, or the first non-blank string of the map."""
        if isinstance(self._value, str):
            return self._value
        return next(
            (t for _, t in self._value if _patterns.matches(_patterns.NON_BLANK, t)),
            self._value[0][1],
        )

    def __repr__(self) -> str:
        return f"Text({self.to_json()!r})"

    def _key(self) -> str | frozenset[tuple[str, str]]:
        return self._value if isinstance(self._value, str) else frozenset(self._value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Text):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


_PARTIAL_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _optional_int(name: str, low: int, high: int) -> Any:
    def check(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise InvalidValue(f"PartialDate.{name}", value, f"an integer from {low} to {high}")

    return check


@attrs.frozen(repr=False)
class PartialDate:
    """
    A date of year, month or day precision, as OGP plans give them (``"2023-03"``).

    A partial date denotes an interval: ``2023-03`` is 1 to 31 March 2023. Comparisons use the
    interval ends, so they are right across precisions:

    >>> march = PartialDate.parse("2023-03")
    >>> march.earliest, march.latest
    (datetime.date(2023, 3, 1), datetime.date(2023, 3, 31))
    >>> march.is_before(PartialDate.parse("2023-04-01"))
    True
    >>> march.overlaps(PartialDate.parse("2023"))
    True

    For any two partial dates exactly one of `is_before`, `is_after` and `overlaps` holds.
    Partial dates of different precision are never equal (``2023`` is not ``2023-01``); use
    `sort_key` to sort them.
    """

    year: int = attrs.field(validator=_optional_int("year", 1, 9999))
    month: int | None = attrs.field(default=None, validator=_optional_int("month", 1, 12))
    day: int | None = attrs.field(default=None, validator=_optional_int("day", 1, 31))

    def __attrs_post_init__(self) -> None:
        if self.day is not None:
            if self.month is None:
                raise InvalidValue("PartialDate.day", self.day, "None when the month is None")
            last = calendar.monthrange(self.year, self.month)[1]
            if self.day > last:
                raise InvalidValue(
                    "PartialDate", str(self), f"a real calendar date (day 1 to {last})"
                )

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """
        Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            InvalidValue: The text is not a partial date, or not a real calendar date.
        """
        given: object = text  # checked at run time: callers may pass anything
        if not isinstance(given, str):
            raise InvalidValue("PartialDate", text, "a date as YYYY, YYYY-MM or YYYY-MM-DD")
        if cls is PartialDate:
            return _parse(text)  # immutable: one object per text, parsed once
        return cls._read(text)

    @classmethod
    def _read(cls, text: str) -> "PartialDate":
        if not _patterns.matches(_patterns.PARTIAL_DATE, text):
            raise InvalidValue("PartialDate", text, "a date as YYYY, YYYY-MM or YYYY-MM-DD")
        found = _PARTIAL_DATE_RE.match(text)
        assert found is not None  # noqa: S101 - the pattern above already matched
        year, month, day = found.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @classmethod
    def from_date(cls, date: datetime.date) -> "PartialDate":
        """Return the day-precision partial date of *date*."""
        return cls(date.year, date.month, date.day)

    @property
    def precision(self) -> Precision:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    @property
    def earliest(self) -> datetime.date:
        """The first day of the interval."""
        return _ends(self.year, self.month, self.day)[0]

    @property
    def latest(self) -> datetime.date:
        """The last day of the interval."""
        return _ends(self.year, self.month, self.day)[1]

    def is_before(self, other: "PartialDate | datetime.date") -> bool:
        """Whether this interval ends before *other* begins."""
        return self.latest < _earliest(other)

    def is_after(self, other: "PartialDate | datetime.date") -> bool:
        """Whether this interval begins after *other* ends."""
        return self.earliest > _latest(other)

    def overlaps(self, other: "PartialDate | datetime.date") -> bool:
        """Whether the two intervals share at least one day."""
        return not self.is_before(other) and not self.is_after(other)

    def contains(self, other: "PartialDate | datetime.date") -> bool:
        """Whether every day of *other* lies within this interval."""
        return self.earliest <= _earliest(other) and _latest(other) <= self.latest

    def sort_key(self) -> tuple[datetime.date, datetime.date]:
        """A key that sorts by start, then by end (consistent with `is_before`): its two days."""
        return _ends(self.year, self.month, self.day)

    def __str__(self) -> str:
        return _format(self.year, self.month, self.day)

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"


@functools.lru_cache(maxsize=4096)
def _format(year: int, month: int | None, day: int | None) -> str:
    """The text of a partial date, remembered: a plan writes the same months many times."""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


@functools.lru_cache(maxsize=4096)
def _ends(year: int, month: int | None, day: int | None) -> tuple[datetime.date, datetime.date]:
    """The first and the last day of a partial date, remembered: rules compare them often."""
    if month is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if day is None:
        last = calendar.monthrange(year, month)[1]
        return datetime.date(year, month, 1), datetime.date(year, month, last)
    return (datetime.date(year, month, day),) * 2


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> PartialDate:
    """`PartialDate.parse` of *text*, remembered: plans repeat the same months many times."""
    return PartialDate._read(text)


def earliest_day(value: "PartialDate | datetime.date") -> datetime.date:
    """The first day a date or a partial date may denote."""
    return value.earliest if isinstance(value, PartialDate) else value


def latest_day(value: "PartialDate | datetime.date") -> datetime.date:
    """The last day a date or a partial date may denote."""
    return value.latest if isinstance(value, PartialDate) else value


_earliest, _latest = earliest_day, latest_day
