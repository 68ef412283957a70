"""
What a sheet's headings are: each column matched to a key, a field, a language, or nothing.

Headings are matched in English (the field names) or in any other language, exactly or with
accents, case and spaces ignored (`ogpmodel.convert._words.fold`). A text's ``title/<tag>`` columns are its
languages; a ``<heading>/json`` column the JSON companion of a field. What matches nothing is
an unknown column, whose values the reader keeps in extensions.
"""

import difflib
import functools
from collections.abc import Iterator, Mapping, Sequence

import attrs

from ogpmodel._patterns import LANGUAGE_TAG, matches
from ogpmodel._translations import languages
from ogpmodel.convert._cells import Cell
from ogpmodel.convert._layout import (
    POSITION,
    TABLES,
    TYPE,
    Leaf,
    Node,
    TableSpec,
    base_headings,
    leaves,
    markers,
)
from ogpmodel.convert._words import fold, heading

__all__ = ["Column", "letter", "match_columns", "required_headings", "text_of_heading"]


@attrs.frozen
class Column:
    """
    One column of a sheet, as the reader understands its heading.

    Attributes:
        index: Its place (0 is column A).
        written: The heading as written.
        role: ``key``, ``position``, ``type``, ``marker``, ``value``, ``language``, ``json`` or
            ``unknown``.
        base: The canonical heading of its field or key (``title`` for ``título/es``); the
            written heading for an unknown column.
        tag: The language tag of a language column.
    """

    index: int
    written: str
    role: str
    base: str
    tag: str = ""


def letter(index: int) -> str:
    """The column letters of *index* (0 is ``A``, 26 is ``AA``)."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def text_of_heading(cell: Cell) -> str:
    """A heading cell's text (a number or a date typed as a heading is read as text)."""
    if cell is None:
        return ""
    return cell if isinstance(cell, str) else str(cell)


@functools.cache
def _roles(name: str) -> dict[str, str]:
    """The role of each base heading of table *name*."""
    spec = TABLES[name]
    roles = dict.fromkeys(spec.keys, "key")
    roles[POSITION] = "position"
    roles[TYPE] = "type"
    for shape in spec.shapes.values():
        roles.update(dict.fromkeys((n.heading for n in markers(shape)), "marker"))
        roles.update(dict.fromkeys((leaf.heading for leaf in leaves(shape)), "value"))
    return {h: roles[h] for h in base_headings(spec)}


@functools.cache
def _lookup(name: str) -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """
    Exact and folded headings of table *name*, and its text headings.

    The headings of every language, English first: where two languages write two fields alike,
    the earlier language's field is meant.
    """
    spec = TABLES[name]
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for lang in languages():
        for base in base_headings(spec):
            written = heading(base, lang)
            exact.setdefault(written, base)
            folded.setdefault(fold(written), base)
    texts = frozenset(
        leaf.heading for shape in spec.shapes.values() for leaf in leaves(shape) if leaf.is_text
    )
    return exact, folded, texts


def _base_of(name: str, written: str) -> str | None:
    exact, folded, _ = _lookup(name)
    return exact.get(written.strip()) or folded.get(fold(written))


def _column(spec: TableSpec, index: int, written: str) -> Column:
    roles = _roles(spec.name)
    base = _base_of(spec.name, written)
    if base is not None:
        return Column(index, written, roles[base], base)
    prefix, _, suffix = written.strip().rpartition("/")
    base = _base_of(spec.name, prefix) if prefix else None
    if base is not None and roles[base] in ("value", "marker"):
        if suffix.strip().casefold() == "json" and roles[base] == "value":
            return Column(index, written, "json", base)
        if base in _lookup(spec.name)[2] and matches(LANGUAGE_TAG, suffix.strip()):
            return Column(index, written, "language", base, suffix.strip())
    return Column(index, written, "unknown", written.strip() or letter(index))


def match_columns(spec: TableSpec, headings: Sequence[Cell]) -> list[Column]:
    """The columns of a sheet of *spec* with these *headings* (blank headings included)."""
    return [_column(spec, i, text_of_heading(cell)) for i, cell in enumerate(headings)]


def nearest_heading(spec: TableSpec, written: str) -> str:
    """
    The known heading nearest to an unknown one (``""`` when none is near).

    Of headings equally near, the one of the earliest language (English first) is named.
    """
    headings = list(_lookup(spec.name)[0])
    close = set(difflib.get_close_matches(written, headings, n=len(headings)))
    near = [h for h in headings if h in close]
    return max(near, key=lambda h: difflib.SequenceMatcher(None, written, h).ratio(), default="")


def _required_leaves(node: Node) -> Iterator[Leaf]:
    for member in node.members:
        if isinstance(member, Leaf) and member.required:
            yield member
        elif isinstance(member, Node) and member.required:
            yield from _required_leaves(member)


@functools.cache
def _required(name: str) -> Mapping[str, bool]:
    spec = TABLES[name]
    keys = [set(c.key_headings) for c in spec.contexts]
    needed: dict[str, bool] = dict.fromkeys(sorted(set.intersection(*keys)) if keys else (), False)
    if spec.has_type:
        needed[TYPE] = False
    per_shape = [
        {leaf.heading: leaf.is_text for leaf in _required_leaves(shape)}
        for shape in spec.shapes.values()
    ]
    common = set.intersection(*(set(s) for s in per_shape))
    needed.update({h: per_shape[0][h] for h in per_shape[0] if h in common})
    return needed


def required_headings(spec: TableSpec) -> Mapping[str, bool]:
    """
    The base headings a sheet of *spec* cannot do without, each with whether it is a text.

    The key columns of every list the table's rows belong to, ``type``, and the fields every
    row's entity requires.
    """
    return _required(spec.name)
