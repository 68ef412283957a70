"""
What a workbook tells the people who fill it in, in every language (contexts ``workbook:*``).

`INSTRUCTIONS` are the paragraphs of the ``instructions`` sheet; `describe_column` says what a
column holds, from its kind (and, in English, the field's own description), for the heading's
note and the table of columns of the instructions.
"""

from collections.abc import Iterator, Mapping

import attrs

from ogpmodel._catalogue import VOCABULARY
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
    Ref,
    State,
    String,
    TextKind,
    UrlText,
)
from ogpmodel._translations import Texts, declare
from ogpmodel.codelists import CODELISTS, Language
from ogpmodel.convert._layout import POSITION, TYPE, Leaf, Node, TableSpec, owner_word

__all__ = [
    "CHOOSE",
    "CODELISTS_TITLE",
    "COLUMNS_HEADINGS",
    "INSTRUCTIONS",
    "TITLE",
    "ColumnInfo",
    "column_rows",
    "describe_column",
    "describe_kind",
]

#: The title of the instructions sheet.
TITLE = declare("workbook:title", "OGP action plan workbook (OGP JSON 1.1)")

#: The paragraphs of the instructions sheet, in order.
INSTRUCTIONS: tuple[Texts, ...] = tuple(
    declare(f"workbook:instructions:{number}", paragraph)
    for number, paragraph in enumerate(
        (
            "One sheet per part of the plan. The sheet 'plan' has one row: the plan itself. Every other sheet has one row per stakeholder, commitment, milestone, progress report, history event, assessment, link…",
            "Row 1 holds the headings: keep them. A column you add is kept in the extensions of each row; a sheet you add, in the extensions of the plan.",
            "A row names what it belongs to in its key columns: a milestone names its commitment (commitment_id) and its parent milestone (parent_id, empty for a milestone of the commitment itself); a progress report, a history event or a link name their commitment and milestone, a progress report (progress_position) or an assessment (assessment_position). Leave them empty for what belongs to the plan itself.",
            "position orders the rows of one list (1, 2, 3…); where it is empty, the rows keep the order of the sheet.",
            "Text: write it in the plan's language under its heading (title). To give a text in several languages, use one column per language instead, named after the heading and the language tag: title/en, title/es, title/fr.",
            "Lists of ids or codes go in one cell, separated by commas (a, b). Open codes (policy areas) may hold spaces: separate them by commas or line breaks.",
            "Dates are text: 2024, 2024-03 or 2024-03-15 (a year, a month or a day). A date typed into a date cell is read as that day.",
            "Columns of codes have a drop-down list; the sheet 'codelists' lists every code with its title. Yes or no: TRUE or FALSE.",
            'extensions holds JSON ({"key": "value"}): content outside the standard, kept as it is.',
            "Convert the workbook with: ogpmodel convert BOOK.xlsx --from xlsx -o plan.json, then check the plan with: ogpmodel validate plan.json. Every problem names its cell (commitments!D7).",
        ),
        start=1,
    )
)

#: The headings of the table of columns of the instructions sheet.
COLUMNS_HEADINGS: tuple[Texts, ...] = tuple(
    declare(f"workbook:columns:{key}", english)
    for key, english in (
        ("sheet", "sheet"),
        ("column", "column"),
        ("holds", "holds"),
        ("required", "required"),
        ("what_it_is", "what it is"),
    )
)

#: The heading of the titles beside each list of the codelists sheet.
CODELISTS_TITLE = declare("workbook:codelists:title", "title")

#: The title and message a cell of codes shows when it is given something else.
CHOOSE = (
    declare("workbook:choose:title", "Not a code of the list"),
    declare(
        "workbook:choose:message",
        "Choose a code of the drop-down list (see the sheet 'codelists').",
    ),
)

_WORDS: Mapping[str, Texts] = {
    key: declare(f"workbook:holds:{key}", english)
    for key, english in {
        "text": "text",
        "url": "URL (or one column per language)",
        "Id": "an id (no spaces)",
        "PlanId": "the plan's id (letters, digits, . _ -)",
        "LanguageTag": "a language tag (es, en, fr-CA)",
        "Url": "an http(s) URL",
        "Email": "an e-mail address",
        "ref": "the id of a {target}",
        "code": "a code of '{codelist}'",
        "open": "a code of '{codelist}' (or any text)",
        "state": "a lifecycle state",
        "country": "a country code (CL, US)",
        "date": "a date YYYY-MM-DD",
        "partial": "a date YYYY, YYYY-MM or YYYY-MM-DD",
        "percent": "a number from 0 to 100",
        "bool": "TRUE or FALSE",
        "list": "a list of: {item} (a, b)",
        "json": "a JSON object",
        "key": "the {what} of the {owner} it belongs to",
        "id": "id",
        "place": "position",
        "position": "its place in its list: 1, 2, 3…",
        "type": "the kind of assessment",
        "marker": "TRUE: it is there, though empty",
        "required": "required",
    }.items()
}


def _word(key: str, lang: Language, **params: str) -> str:
    return _WORDS[key].text(lang).format(**params)


def _codelist(enum: type) -> str:
    return next((name for name, e in CODELISTS.items() if e is enum), enum.__name__)


def describe_kind(kind: Kind, lang: Language) -> str:
    """What a value of *kind* is, in *lang*."""
    if isinstance(kind, ListOf):
        return _word("list", lang, item=describe_kind(kind.item, lang))
    if isinstance(kind, Ref):
        target = VOCABULARY[kind.target].text(lang) if kind.target in VOCABULARY else kind.target
        return _word("ref", lang, target=target)
    if isinstance(kind, OpenCode):
        return _word("open", lang, codelist=kind.codelist)
    if isinstance(kind, String):
        name = kind.format.name if kind.format is not None else ""
        return _word(name, lang) if name in _WORDS else _word("text", lang)
    simple: Mapping[type, str] = {
        TextKind: "text",
        UrlText: "url",
        State: "state",
        Country: "country",
        Date: "date",
        PartialDateKind: "partial",
        DayOrPartialDate: "partial",
        Percent: "percent",
        Bool: "bool",
        Extensions: "json",
    }
    for cls, key in simple.items():
        if isinstance(kind, cls):
            return _word(key, lang)
    if isinstance(kind, Code):
        return _word("code", lang, codelist=_codelist(kind.enum))
    return kind.describe()


@attrs.frozen
class ColumnInfo:
    """What one base column holds, and whether a row needs it."""

    heading: str
    holds: str
    required: bool
    description: str


def _leaves(node: Node, required: bool = True) -> Iterator[tuple[Leaf | Node, bool]]:
    for member in node.members:
        if isinstance(member, Leaf):
            yield member, required and member.required
        else:
            if member.marker:
                yield member, False
            yield from _leaves(member, required and member.required)


def column_rows(spec: TableSpec, lang: Language) -> Iterator[ColumnInfo]:
    """What each base column of *spec* holds, in column order."""
    owners = {h: t for c in spec.contexts for h, t in c.keys}
    for heading in spec.keys:
        what = _word("place" if heading.endswith(f"_{POSITION}") else "id", lang)
        word = "parent_milestone" if heading == "parent_id" else owner_word(owners[heading])
        owner = VOCABULARY[word].text(lang)
        yield ColumnInfo(heading, _word("key", lang, what=what, owner=owner), False, "")
    if spec.name != "plan":
        yield ColumnInfo(POSITION, _word("position", lang), False, "")
    if spec.has_type:
        yield ColumnInfo(
            TYPE, _word("code", lang, codelist="assessment-type"), True, _word("type", lang)
        )
    seen: set[str] = set()
    for shape in spec.shapes.values():
        for member, required in _leaves(shape):
            if member.heading in seen:
                continue
            seen.add(member.heading)
            if isinstance(member, Node):
                yield ColumnInfo(member.heading, _word("marker", lang), False, "")
            else:
                description = member.description if lang == "en" else ""
                holds = describe_kind(member.kind, lang)
                yield ColumnInfo(member.heading, holds, required, description)


def describe_column(info: ColumnInfo, lang: Language) -> str:
    """The note of a heading: what the column holds, whether it is required, what it is."""
    parts = [info.holds, _word("required", lang) if info.required else "", info.description]
    return " ".join(_sentence(p) for p in parts if p)


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "…")) else text + "."
