"""
Values and cells: how each kind of field is written in a cell, and read back from one.

A cell holds `None` (empty), a string, a number, a boolean, a date (a workbook's date cell) or,
on the way out, a tuple of strings (a list of ids or codes, which each format writes its own
way). Reading is tolerant: a number typed where an id goes, a date cell where a partial date
goes, a code typed in capitals or as its title are read, and reported (`Problem`). What cannot
be read is reported with what the column needs, never raised.
"""

import datetime
import difflib
import json
import math
import re
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any

import attrs

from ogpmodel._fields import (
    Bool,
    Code,
    Country,
    Date,
    DayOrPartialDate,
    Extensions,
    Kind,
    ListOf,
    OpenCode,
    PartialDateKind,
    Percent,
    State,
    String,
    TextKind,
    UrlText,
)
from ogpmodel._json import thaw
from ogpmodel._parsing import JSONProblem, parse
from ogpmodel._patterns import DATE, matches
from ogpmodel._translations import languages
from ogpmodel.codelists import CODELISTS, codelist_name
from ogpmodel.convert._words import fold
from ogpmodel.errors import InvalidValue
from ogpmodel.values import PartialDate, Text

__all__ = [
    "Cell",
    "Problem",
    "codes_of",
    "decode",
    "decode_json",
    "decode_list",
    "encode",
    "format_list",
    "json_text",
    "parse_json",
    "parse_list",
    "parse_number",
]

#: What a cell holds.
Cell = str | int | float | bool | datetime.date | tuple[str, ...] | None


@attrs.frozen
class Problem:
    """
    What reading one cell met: an ``import.*`` code and its message parameters.

    The caller adds the cell's name (``commitments!D7``) and its JSON Pointer.
    """

    code: str
    params: Mapping[str, Any] = attrs.field(factory=dict)


class Refused(Exception):
    """A cell that cannot be read (its `Problem` says why)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def _refuse(value: object, expected: str) -> Refused:
    return Refused(Problem("import.bad-value", {"value": _shown(value), "expected": expected}))


def _shown(value: object) -> Any:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value if isinstance(value, (str, int, float, bool)) else str(value)


# --- JSON in a cell -------------------------------------------------------------------------------


def json_text(value: Any) -> str:
    """*value* (frozen JSON) as compact JSON text; non-ASCII kept, except lone surrogates."""
    data = thaw(value)
    text = json.dumps(data, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data)
    return text


def parse_json(text: str) -> Any:
    """
    JSON text read strictly (no NaN, no duplicate keys), as `loads` reads documents.

    Raises:
        Refused: The text is not JSON.
    """
    try:
        return parse(text)
    except JSONProblem:
        raise _refuse(text, "object") from None


# --- lists in a cell --------------------------------------------------------------------------

#: Items of ids and codes, which hold no white space: commas, semicolons or white space separate.
_WORDS = re.compile(r"[\s,;]+")
#: Items of open codes, which may hold spaces: commas, semicolons or line breaks separate.
_PHRASES = re.compile(r"\s*[,;\n]\s*")
_OPEN = re.compile(r"[,;\n]")


def _separator(item: Kind) -> re.Pattern[str]:
    return _PHRASES if isinstance(item, OpenCode) else _WORDS


def format_list(items: Sequence[str], item: Kind) -> str:
    """
    A list of ids or codes as the text of one cell.

    Items are written ``a, b``; as a JSON array when an item holds a separator (or the text
    would read as an array), so that the cell reads back the same.
    """
    text = ", ".join(items)
    if not text.startswith("[") and parse_list_text(text, item) == list(items):
        return text
    return json.dumps(list(items), ensure_ascii=False)


def parse_list_text(text: str, item: Kind) -> list[str]:
    """The items of a list cell: a JSON array of strings, or items between separators."""
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            data = parse(stripped)
        except JSONProblem:
            data = None
        if isinstance(data, list) and all(isinstance(v, str) for v in data):
            return list(data)
    return [part for part in _separator(item).split(stripped) if part]


def parse_list(cell: Cell, item: Kind) -> list[str]:
    """The items of a list cell (a number cell is one item)."""
    if cell is None:
        return []
    if isinstance(cell, tuple):
        return list(cell)
    if isinstance(cell, str):
        return parse_list_text(cell, item)
    return [_number_text(cell)] if isinstance(cell, (int, float)) else [str(cell)]


# --- writing --------------------------------------------------------------------------------------


def _representable(value: Any) -> bool:
    """Whether a cell holds *value* exactly (an empty string or a 17-digit float it does not)."""
    if isinstance(value, str):
        return value != ""
    if isinstance(value, float):
        return float(f"{value:.16g}") == value
    return True


def _scalar(kind: Kind, value: Any) -> Cell:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (datetime.date, PartialDate)):
        return value.isoformat() if isinstance(value, datetime.date) else str(value)
    if isinstance(kind, Extensions):
        return json_text(value) if value else None
    return value  # type: ignore[no-any-return]


def _list(kind: ListOf, value: tuple[Any, ...], lists: str) -> Cell:
    items = [str(_scalar(kind.item, item)) for item in value]
    if not items:
        return None
    return (
        format_list(items, kind.item) if lists == "text" else json.dumps(items, ensure_ascii=False)
    )


def encode(heading: str, kind: Kind, value: Any, *, lists: str = "text") -> dict[str, Cell]:
    """
    The cells of one field, by heading.

    ``{heading: cell}``; a language map's ``{heading/lang: cell}``; or the ``heading/json``
    companion for a value no cell holds exactly (an empty string, a 17-digit float). A list
    is one cell: its items as text (*lists* ``"text"``: `format_list`) or a JSON array
    (``"json"``).
    """
    if value is None:
        return {}
    if isinstance(kind, (TextKind, UrlText)) and isinstance(value, Text):
        if value.is_plain:
            plain = str(value)
            return {heading: plain} if plain else {f"{heading}/json": json.dumps("")}
        pairs = value.as_dict("")
        if all(pairs.values()):
            return {f"{heading}/{tag}": text for tag, text in pairs.items()}
        return {f"{heading}/json": json_text(value.to_json())}
    if isinstance(kind, ListOf):
        cell = _list(kind, value, lists)
    elif not _representable(value):
        return {f"{heading}/json": json.dumps(value)}
    else:
        cell = _scalar(kind, value)
    return {} if cell is None else {heading: cell}


# --- reading --------------------------------------------------------------------------------------


def codes_of(enum: type[Enum]) -> list[str]:
    """The codes of a codelist, in its order."""
    return [str(member.value) for member in enum]


def _number_text(value: int | float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _converted(actual: str, read: Any) -> Problem:
    return Problem("import.converted-cell", {"actual": actual, "read": _shown(read)})


def _text_of(cell: Cell, typed: bool, notes: list[Problem]) -> str:
    """The text of a cell; a number, boolean or date cell of a workbook is converted, and noted."""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, bool):
        text = "true" if cell else "false"
        actual = "boolean"
    elif isinstance(cell, (int, float)):
        text, actual = _number_text(cell), "number"
    elif isinstance(cell, datetime.datetime) and cell.time() == datetime.time():
        text, actual = cell.date().isoformat(), "date"
    elif isinstance(cell, (datetime.date, datetime.datetime)):
        text, actual = cell.isoformat(), "date"
    else:
        text, actual = str(cell), "string"
    if typed:
        notes.append(_converted(actual, text))
    return text


def _code(enum: type[Enum], text: str, notes: list[Problem]) -> Enum:
    codes = codes_of(enum)
    if text in codes:
        return enum(text)
    wanted = fold(text)
    for member in enum:
        names = [str(member.value)]
        label = getattr(member, "label", None)
        if callable(label):
            names += [label(lang) for lang in languages()]
        if any(fold(name) == wanted for name in names):
            notes.append(_converted("string", member.value))
            return member
    nearest = difflib.get_close_matches(text, codes, n=1)
    params = {"value": text, "codelist": _codelist(enum), "codes": codes}
    raise Refused(Problem("import.bad-code", {**params, "nearest": nearest[0] if nearest else ""}))


def _codelist(enum: type[Enum]) -> str:
    return codelist_name(enum) if enum in CODELISTS.values() else enum.__name__  # type: ignore[arg-type]


def parse_number(cell: Cell, typed: bool, notes: list[Problem]) -> int | float:
    """
    A number: a number cell, or text such as ``40``, ``40 %`` or ``12,5`` (noted in a workbook).

    Raises:
        Refused: The cell holds no number.
    """
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return cell
    if not isinstance(cell, str):
        raise _refuse(cell, "number")
    text = cell.strip().rstrip("%").strip().replace(",", ".")
    try:
        number: int | float = int(text) if re.fullmatch(r"[+-]?\d+", text) else float(text)
    except ValueError:
        raise _refuse(cell, "number") from None
    if isinstance(number, float) and not math.isfinite(number):
        raise _refuse(cell, "number")
    if typed:
        notes.append(_converted("string", number))
    return number


_TRUE = frozenset({"true", "yes", "y", "si", "1", "x", "verdadero"})
_FALSE = frozenset({"false", "no", "n", "0", "falso"})


def _boolean(cell: Cell) -> bool:
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, str):
        text = fold(cell)
    else:
        text = _number_text(cell) if isinstance(cell, (int, float)) else ""
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise _refuse(cell, "boolean")


def _day(text: str) -> datetime.date:
    if not matches(DATE, text):
        raise _refuse(text, "date")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise _refuse(text, "date") from None


def _partial(text: str) -> PartialDate:
    try:
        return PartialDate.parse(text)
    except InvalidValue:
        raise _refuse(text, "partial_date") from None


def _expected(kind: Kind) -> str:
    if isinstance(kind, String) and kind.format is not None:
        return kind.format.key
    if isinstance(kind, Country):
        return "country"
    if isinstance(kind, UrlText):
        return "url_reference"
    return "string"


#: Formats whose values hold no white space at their ends: a cell is read stripped.
_STRIPPED = frozenset({"PlanId", "Id", "LanguageTag", "Url", "UrlReference", "Email"})


def _string(kind: String | Country, text: str) -> str:
    fmt = kind.format.name if isinstance(kind, String) and kind.format is not None else None
    value = text.strip() if isinstance(kind, Country) or fmt in _STRIPPED else text
    if not kind.accepts(value):
        raise _refuse(text, _expected(kind))
    return value


_DATES = (Date, PartialDateKind, DayOrPartialDate)


def decode(
    kind: Kind, cell: Cell, *, typed: bool, notes: list[Problem], enum: type[Enum] | None = None
) -> Any:
    """
    The value of a field of *kind* in a non-empty *cell* (*enum*: a lifecycle state's codelist).

    *typed* says whether cells have types (a workbook) or are all text (CSV files); only a
    workbook's conversions are noted.

    Raises:
        Refused: The cell cannot be read as the field's value.
    """
    if isinstance(kind, Percent):
        number = parse_number(cell, typed, notes)
        if not kind.accepts(number):
            raise _refuse(cell, "percent")
        return number
    if isinstance(kind, Bool):
        return _boolean(cell)
    if isinstance(cell, datetime.date) and isinstance(kind, _DATES):
        return _date_cell(kind, cell, typed, notes)
    return _decode_text(kind, _text_of(cell, typed, notes), enum, notes)


def _date_cell(
    kind: Kind, cell: datetime.date, typed: bool, notes: list[Problem]
) -> datetime.date | PartialDate:
    """A workbook's date cell: the day (a time of day other than midnight is refused)."""
    if isinstance(cell, datetime.datetime):
        if cell.time() != datetime.time():
            raise _refuse(cell, "date")
        cell = cell.date()
    if isinstance(kind, Date):
        return cell
    if typed:  # a month or a year typed into a workbook may have become a day
        notes.append(_converted("date", cell.isoformat()))
    return PartialDate.from_date(cell) if isinstance(kind, PartialDateKind) else cell


def _decode_text(kind: Kind, text: str, enum: type[Enum] | None, notes: list[Problem]) -> Any:
    if isinstance(kind, Code):
        return _code(kind.enum, text.strip(), notes)
    if isinstance(kind, State):
        return _code(enum or kind.enums[0], text.strip(), notes)
    if isinstance(kind, Date):
        return _day(text.strip())
    if isinstance(kind, PartialDateKind):
        return _partial(text.strip())
    if isinstance(kind, DayOrPartialDate):
        partial = _partial(text.strip())
        return partial.earliest if partial.precision == "day" else partial
    if isinstance(kind, (String, Country)):
        return _string(kind, text)
    return text


def decode_list(
    kind: ListOf, cell: Cell, *, typed: bool, enum: type[Enum] | None = None
) -> tuple[tuple[Any, ...], list[tuple[int, Problem]]]:
    """The items of a list cell that can be read, and a problem for each that cannot."""
    items: list[Any] = []
    problems: list[tuple[int, Problem]] = []
    for index, text in enumerate(parse_list(cell, kind.item)):
        notes: list[Problem] = []
        try:
            items.append(decode(kind.item, text, typed=False, notes=notes, enum=enum))
        except Refused as refused:
            problems.append((index, refused.problem))
        problems.extend((index, note) for note in notes)
    return tuple(items), problems


def decode_json(kind: Kind, text: str) -> Any:
    """
    The value of a ``heading/json`` companion cell: the field's value as JSON.

    Raises:
        Refused: The JSON is not a value of the field.
    """
    data = parse_json(text)
    if isinstance(kind, (TextKind, UrlText)):
        try:
            value: Any = (
                Text(data) if not (isinstance(kind, UrlText) and isinstance(data, str)) else data
            )
        except InvalidValue:
            raise _refuse(text, "text") from None
        if isinstance(value, Text) and isinstance(kind, UrlText) and value.is_plain:
            value = str(value)
    elif isinstance(data, str):
        value = _decode_text(kind, data, None, [])
    else:
        value = data
    if not kind.accepts(value):
        raise _refuse(text, _expected(kind))
    return value
