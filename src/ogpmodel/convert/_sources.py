"""
What the tracker importers share: source records, the findings they report, and text oddities.

A `Record` names one record of a source as a person finds it there (a file,
``indicators/C01.1.1``) with the lines of its keys where the source is YAML. `Notes` collects the
``import.*`` findings: each names its record (and the line of the field where known), and its path
is the JSON Pointer of what the record became in the plan. The text helpers find what trackers
hold beside plain text (HTML, white space at the ends, links) without changing the text.
"""

import datetime
import difflib
import math
import re
import unicodedata
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

import ogpmodel.rules.imports  # noqa: F401 - registers the import.* codes these findings use
from ogpmodel._catalogue import get_rule
from ogpmodel._patterns import URL, URL_REFERENCE, matches
from ogpmodel.report import Finding
from ogpmodel.values import Link, Text

__all__ = [
    "BR",
    "Fields",
    "Ids",
    "Notes",
    "Record",
    "Shapes",
    "evidence",
    "found_links",
    "html_tags",
    "is_blank",
    "jsonable",
    "link_kind",
    "natural_key",
    "report_html",
    "shape_of",
    "similar",
    "slug",
    "trimmed",
    "unique_id",
]


@attrs.frozen
class Record:
    """
    One record of a source.

    Attributes:
        name: How a person finds it in the source: a file name, ``indicators/C01.1.1``.
        line: The line where it starts, where the source is YAML.
        lines: The line of each of its fields, where the source is YAML.
    """

    name: str
    line: int | None = None
    lines: Mapping[str, int] = attrs.field(factory=dict)

    def line_of(self, field: str | None) -> int | None:
        """The line of *field* (the record's own line when *field* is `None` or unknown)."""
        if field is not None and field.split(".")[0] in self.lines:
            return self.lines[field.split(".")[0]]
        return self.line


class Notes:
    """The ``import.*`` findings of one conversion, in the order they were met."""

    def __init__(self) -> None:
        self._findings: list[Finding] = []
        self._once: set[tuple[str, ...]] = set()

    def add(
        self, code: str, record: Record, path: str = "", field: str | None = None, **params: Any
    ) -> None:
        """Report *code* about *record* (its *field*, where one is meant), at *path* in the plan."""
        values: dict[str, Any] = {"record": record.name}
        if field is not None:
            values["field"] = field
        line = record.line_of(field)
        if line is not None:
            values["line"] = line
        values.update({key: jsonable(value) for key, value in params.items()})
        self._findings.append(Finding(code, get_rule(code).severity, path, values))

    def once(self, key: tuple[str, ...]) -> bool:
        """Whether *key* is met for the first time (for what is reported once per field)."""
        if key in self._once:
            return False
        self._once.add(key)
        return True

    def extend(self, findings: Iterable[Finding]) -> None:
        """Add findings made elsewhere (a file that cannot be read)."""
        self._findings.extend(findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._findings)


# --- values -----------------------------------------------------------------------------------


def is_blank(value: object) -> bool:
    """Whether *value* is missing, or a string that is empty or white space only."""
    return value is None or (isinstance(value, str) and not value.strip())


#: The JSON type of a value, as the vocabulary of messages names it.
_SHAPES: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, "boolean"),
    (str, "string"),
    (int, "integer"),
    (float, "number"),
    (Mapping, "object"),
    ((list, tuple), "array"),
)


def shape_of(value: object) -> str:
    """The kind of *value* in the words of the messages: ``string``, ``array``, ``object``."""
    if value is None:
        return "null"
    return next((name for kind, name in _SHAPES if isinstance(value, kind)), "string")


class Shapes:
    """
    The shape each record gives a field, to report the records that differ from the others.

    A field that is a string in one record and a list in another is read in both forms; the
    records in the less common form are reported (``import.mixed-shapes``).
    """

    def __init__(self) -> None:
        self._seen: dict[str, tuple[str, list[tuple[str, Record, str]]]] = {}

    def note(self, key: str, field: str, value: object, record: Record, path: str) -> None:
        """Remember the shape of *record*'s *field*, under *key* (a kind of record and a field)."""
        if value is not None:
            self._seen.setdefault(key, (field, []))[1].append((shape_of(value), record, path))

    def report(self, notes: Notes) -> None:
        """Report every record whose shape of a field is not the most common one."""
        for field, seen in self._seen.values():
            counts: dict[str, int] = {}
            for shape, _, _ in seen:
                counts[shape] = counts.get(shape, 0) + 1
            if len(counts) < 2:
                continue
            usual = max(counts, key=lambda shape: counts[shape])
            for shape, record, path in seen:
                if shape != usual:
                    notes.add(
                        "import.mixed-shapes", record, path, field, actual=shape, expected=usual
                    )


def jsonable(value: Any) -> Any:
    """
    *value* as JSON data for ``extensions``: dates as ISO text, keys as strings, tuples as lists.

    A number JSON has no form for (YAML's ``.nan``, ``.inf``) is kept as its text (``'inf'``).

    >>> jsonable({1: (datetime.date(2022, 12, 7),)})
    {'1': ['2022-12-07']}
    """
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [jsonable(item) for item in items]
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, float) and not math.isfinite(value):  # JSON has no NaN or infinity
        return repr(value)  # 'nan', 'inf' or '-inf', as text
    return value


# --- ids and names ----------------------------------------------------------------------------


def slug(text: str) -> str:
    """
    A lower-case ASCII slug of *text*, or ``""`` when it has no letter or digit.

    >>> slug("Office of Science & Technology Policy"), slug("Ministère des Finances")
    ('office-of-science-technology-policy', 'ministere-des-finances')
    """
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class Ids:
    """
    The ids of one scope (the commitments of a plan, the milestones of a commitment).

    `claim` makes each record's id usable (no white space, not empty) and unique, and reports
    the records whose id it had to change, naming the record that has the id already.
    """

    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self._owners: dict[str, str] = {}
        self._taken: set[str] = set()

    def claim(self, wanted: str, record: Record, path: str, field: str, fallback: str) -> str:
        """The id of *record*: *wanted* (trimmed already), else *fallback*, made unique."""
        usable = "-".join(wanted.split()) or fallback
        if usable != wanted:
            self.notes.add("import.bad-id", record, path, field, id=wanted, new_id=usable)
        unique = unique_id(usable, self._taken)
        if unique != usable:
            other = self._owners[usable]
            self.notes.add(
                "import.duplicate-id", record, path, field, id=usable, other=other, new_id=unique
            )
        self._owners[unique] = record.name
        return unique


def unique_id(wanted: str, taken: set[str]) -> str:
    """*wanted*, or *wanted* with the first free suffix ``-2``, ``-3``, …; added to *taken*."""
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    taken.add(candidate)
    return candidate


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that orders the numbers in *text* by value (``us0113-2`` before ``us0113-10``)."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.lower())
        for part in re.split(r"(\d+)", text)
        if part
    )


def similar(names: Sequence[str], ratio: float = 0.9) -> Iterator[tuple[str, str]]:
    """
    Pairs ``(later, earlier)`` of distinct *names* that differ by a few letters (a typing error).

    Two names are similar when difflib's ratio of their case-folded forms is at least *ratio*.
    """
    folded = [name.casefold() for name in names]
    for index, name in enumerate(folded):
        matcher = difflib.SequenceMatcher(None, "", name)  # analyses *name* once
        for earlier in range(index):
            if name == folded[earlier]:
                continue
            matcher.set_seq1(folded[earlier])
            if (
                matcher.real_quick_ratio() >= ratio
                and matcher.quick_ratio() >= ratio
                and matcher.ratio() >= ratio
            ):
                yield names[index], names[earlier]


# --- text -------------------------------------------------------------------------------------

_TAG = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")
#: A line break in HTML: trackers join the lines of a value with it.
BR = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)


def html_tags(text: str) -> list[str]:
    """
    The HTML element names in *text*, sorted, each once.

    >>> html_tags('See <a href="https://x.org">x</a><br><BR/>')
    ['a', 'br']
    """
    return sorted({name.lower() for name in _TAG.findall(text)})


_ANCHOR = re.compile(
    r"""<\s*a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>(.*?)<\s*/\s*a\s*>""",
    re.IGNORECASE | re.DOTALL,
)
_MARKDOWN = re.compile(r"\[([^\]]*)\]\(\s*([^)\s]*)\s*\)")
_BARE = re.compile(r"https?://[^\s<>\"'()\[\]]+", re.IGNORECASE)
_DOMAIN = re.compile(r"^(?:www\.|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?:/|$))")


def found_links(text: str) -> list[tuple[str, str]]:
    """
    The link targets in *text* and their words, in order, each address once.

    HTML anchors, Markdown links and bare http(s) addresses are found; an address given twice
    keeps the words of its first mention (``""`` when it has none, or they are the address).

    >>> found_links('Report - <a href="https://x.org/r">https://x.org/r</a>; [data](/d.csv)')
    [('https://x.org/r', ''), ('/d.csv', 'data')]
    """
    found: list[tuple[int, str, str]] = []
    rest = list(text)

    def take(match: re.Match[str], url: str, words: str) -> None:
        found.append((match.start(), url.strip(), words))
        rest[match.start() : match.end()] = " " * (match.end() - match.start())

    for match in _ANCHOR.finditer(text):
        url = next(group for group in match.groups()[:3] if group is not None)
        take(match, url, _TAG.sub("", match.group(4)))
    for match in _MARKDOWN.finditer("".join(rest)):
        take(match, match.group(2), match.group(1))
    for match in _BARE.finditer("".join(rest)):
        take(match, match.group().rstrip(".,;:!?"), "")
    links: dict[str, str] = {}
    for _, url, words in sorted(found, key=lambda item: item[0]):
        words = " ".join(words.split())
        if url and url not in links:
            links[url] = "" if words == url else words
    return list(links.items())


def link_kind(url: str) -> str:
    """``"absolute"`` (http or https), ``"relative"`` (a reference on the same site) or ``"bad"``."""
    if matches(URL, url):
        return "absolute"
    if matches(URL_REFERENCE, url) and not _DOMAIN.match(url) and not url.startswith("//"):
        return "relative"
    return "bad"


def evidence(
    text: str,
    record: Record,
    field: str,
    notes: Notes,
    path: str,
    page: str | None = None,
) -> list[Link]:
    """
    The links of *text* as evidence `Link`s; the ones that cannot be links are reported.

    *page* is the site-relative address of the record's own page, when the site is known:
    a relative link is then resolved against it and kept relative to the site (the plan's
    ``base_url``). Without it, a relative link is reported and stays in the text only.
    """
    links = []
    for url, words in found_links(text):
        kind = link_kind(url)
        if kind == "relative" and page is not None:
            url = urllib.parse.urljoin(page, url)
        elif kind == "relative":
            notes.add("import.relative-link", record, path, field, url=url)
            continue
        elif kind == "bad":
            notes.add("import.bad-link", record, path, field, url=url)
            continue
        links.append(Link(url, Text(words) if words else None))
    return links


def trimmed(value: str, record: Record, field: str, notes: Notes, path: str) -> str:
    """*value* without white space at its ends (reported when there was some)."""
    stripped = value.strip()
    if stripped != value and stripped:
        notes.add("import.trimmed", record, path, field)
    return stripped


def report_html(text: str, record: Record, field: str, notes: Notes, path: str) -> None:
    """Report the HTML elements of *text*, which is kept as it is."""
    tags = html_tags(text)
    if tags:
        notes.add("import.html", record, path, field, tags=tags)


class Fields:
    """
    The values of one record, read field by field; what is not read goes to ``extensions``.

    Reading a field remembers its shape (`Shapes`). A value of a kind the field cannot hold is
    reported (``import.wrong-type``) and kept for ``extensions``, as is every field never read.
    """

    def __init__(
        self,
        data: Mapping[Any, Any],
        record: Record,
        path: str,
        *,
        notes: Notes,
        shapes: Shapes,
        kind: str,
        namespace: str,
    ) -> None:
        self.data = {str(key): value for key, value in data.items()}
        self.record = record
        self.path = path
        self.notes = notes
        self.shapes = shapes
        self.kind = kind
        self.namespace = namespace
        self._used: set[str] = set()
        self._kept: dict[str, Any] = {}

    def get(self, field: str) -> Any:
        """The value of *field* (`None` when absent), now read."""
        self._used.add(field)
        value = self.data.get(field)
        self.shapes.note(f"{self.kind}.{field}", field, value, self.record, self.path)
        return value

    def peek(self, field: str) -> Any:
        """The value of *field*, without reading it."""
        return self.data.get(field)

    def string(self, field: str) -> str | None:
        """
        The value of *field* as one string: a list of strings is its lines; a number its digits.

        Any other value is reported and kept for ``extensions``.
        """
        value = self.get(field)
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
            return "\n".join(value)
        self.keep(field, value, "string")
        return None

    def strings(self, field: str) -> list[str]:
        """The value of *field* as a list of strings (one string is a list of one)."""
        value = self.get(field)
        if value is None:
            return []
        items = value if isinstance(value, (list, tuple)) else [value]
        if all(isinstance(item, str) for item in items):
            return list(items)
        self.keep(field, value, "array")
        return [item for item in items if isinstance(item, str)]

    def keep(self, field: str, value: Any, expected: str | None = None) -> None:
        """
        Keep *value* of *field* for ``extensions``.

        With *expected*, report that the field holds *value* where *expected* (a shape) is read.
        """
        self._kept[field] = jsonable(value)
        if expected is None:
            return
        self.notes.add(
            "import.wrong-type",
            self.record,
            self.path,
            field,
            actual=shape_of(value),
            expected=expected,
            kept_in=f"extensions.{self.namespace}.{field}",
        )

    def rest(self, *, report: bool = True) -> dict[str, Any]:
        """
        The fields never read and the values kept, as JSON data, in the source's order.

        Each field kept is reported once per kind of record (``import.kept-in-extensions``),
        naming the first record that has it; empty strings are not kept (they hold nothing).
        """
        rest = {
            key: jsonable(value)
            for key, value in self.data.items()
            if key not in self._used and value != ""
        }
        for key in rest:
            if report and self.notes.once((self.kind, key)):
                self.notes.add(
                    "import.kept-in-extensions",
                    self.record,
                    self.path,
                    key,
                    kept_in=f"extensions.{self.namespace}.{key}",
                )
        return {**rest, **self._kept}
