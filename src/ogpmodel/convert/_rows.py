"""
One row of a sheet read into the values of its entity, with what reading each cell met.

A row is read against the shape of its table (`ogpmodel.convert._layout.Node`): each field from
its column group, each single entity inside it when any of its cells is filled (or its presence
column says so). A required value that is missing or cannot be read means the record it
belongs to (the row, or the single entity) is not read; every other problem leaves the value out
and is reported. Nothing here raises for what a cell holds.
"""

import datetime
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any

import attrs

from ogpmodel._fields import (
    Bool,
    Code,
    EventOf,
    Extensions,
    Kind,
    ListOf,
    Ref,
    TextKind,
    UrlText,
)
from ogpmodel.codelists import AssessmentType
from ogpmodel.convert._cells import (
    Cell,
    Problem,
    Refused,
    decode,
    decode_json,
    decode_list,
    parse_json,
    parse_number,
)
from ogpmodel.convert._columns import Column
from ogpmodel.convert._layout import Context, Leaf, Node, TableSpec
from ogpmodel.values import Text

__all__ = ["Decoded", "Issue", "RowReader", "json_cell"]

_MISSING = object()


@attrs.frozen
class Issue:
    """A problem of one row: at a column (`None`: the whole row), for a value at *tokens*."""

    problem: Problem
    column: int | None
    tokens: tuple[str | int, ...] = ()


@attrs.define
class Decoded:
    """The values read for one entity: its fields, and its single entities (`None`: absent)."""

    node: Node
    values: dict[str, Any]
    subs: dict[str, "Decoded | None"]


def json_cell(cell: Cell) -> Any:
    """A cell as a JSON value (for what is kept in extensions): a date becomes its ISO text."""
    if isinstance(cell, tuple):
        return list(cell)
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return cell


@attrs.define
class _Group:
    """The cells of one field: its value or plain text, its languages, its JSON companion."""

    value: tuple[int, Cell] | None = None
    json: tuple[int, Cell] | None = None
    languages: dict[str, tuple[int, Cell]] = attrs.field(factory=dict)

    @property
    def filled(self) -> bool:
        return any(c is not None for c in (self.value, self.json, *self.languages.values()))

    @property
    def first(self) -> int | None:
        """The column to name for the field."""
        found = [c[0] for c in (self.value, self.json, *self.languages.values()) if c]
        return min(found) if found else None


class RowReader:
    """Reads the rows of one sheet, whose columns are known."""

    def __init__(self, spec: TableSpec, columns: Sequence[Column], typed: bool) -> None:
        self.spec = spec
        self.columns = columns
        self.typed = typed
        plain = [c for c in columns if c.role not in ("unknown", "language", "json")]
        self.index = {c.base: c.index for c in reversed(plain)}  # the first column of a heading
        for column in columns:
            if column.role != "unknown":
                self.index.setdefault(column.base, column.index)

    # --- the cells of a row, by field ---

    def groups(self, cells: Sequence[Cell]) -> dict[str, _Group]:
        """The filled cells of a row by base heading; unknown columns under their heading."""
        found: dict[str, _Group] = {}
        for column in self.columns:
            cell = cells[column.index] if column.index < len(cells) else None
            if cell is None or cell == "":
                continue
            key = f"?{column.index}" if column.role == "unknown" else column.base
            group = found.setdefault(key, _Group())
            if column.role == "language":
                group.languages[column.tag] = (column.index, cell)
            elif column.role == "json":
                group.json = (column.index, cell)
            else:
                group.value = (column.index, cell)
        return found

    # --- keys, position, type ---

    def key(self, heading: str, group: _Group, issues: list[Issue]) -> Any:
        """A key column's value: an id, or a position number; `_MISSING` when unreadable."""
        assert group.value is not None  # noqa: S101 - key columns have no companions
        column, cell = group.value
        notes: list[Problem] = []
        try:
            if heading.endswith("_position"):
                value: Any = parse_number(cell, self.typed, notes)
            else:
                value = decode(_ID, cell, typed=self.typed, notes=notes)
        except Refused as refused:
            issues.append(Issue(refused.problem, column))
            return _MISSING
        issues.extend(Issue(note, column) for note in notes)
        return value

    def number(self, group: _Group | None, issues: list[Issue]) -> float | None:
        """The row's ``position`` (`None` when empty or unreadable)."""
        if group is None or group.value is None:
            return None
        column, cell = group.value
        notes: list[Problem] = []
        try:
            value = parse_number(cell, self.typed, notes)
        except Refused as refused:
            params = {**refused.problem.params, "expected": "position"}
            issues.append(Issue(Problem("import.bad-value", params), column))
            return None
        issues.extend(Issue(note, column) for note in notes)
        return value

    def type_code(self, group: _Group | None, issues: list[Issue]) -> str | None:
        """The ``type`` of an assessment row (`None`: missing or unknown, and reported)."""
        if group is None or group.value is None:
            return None
        column, cell = group.value
        notes: list[Problem] = []
        try:
            code = decode(_TYPE, cell, typed=self.typed, notes=notes)
        except Refused as refused:
            issues.append(Issue(refused.problem, column, ("type",)))
            return None
        issues.extend(Issue(note, column, ("type",)) for note in notes)
        return str(code.value)

    # --- the fields ---

    def node(
        self,
        node: Node,
        groups: Mapping[str, _Group],
        issues: list[Issue],
        tokens: tuple[str | int, ...] = (),
        context: Context | None = None,
    ) -> Decoded | None:
        """The values of *node*'s entity in a row; `None` when a required one is missing."""
        values: dict[str, Any] = {}
        subs: dict[str, Decoded | None] = {}
        complete = True
        for member in node.members:
            where = (*tokens, member.wire)
            if isinstance(member, Leaf):
                value = self.leaf(member, groups.get(member.heading), issues, where, context)
                if value is not _MISSING:
                    values[member.name] = value
                elif member.required:
                    complete = False
                    issues.append(self.not_read(member.heading, groups.get(member.heading), where))
            elif member.required or self.present(member, groups, issues):
                sub = self.node(member, groups, issues, where, context)
                complete = complete and (sub is not None or not member.required)
                subs[member.name] = sub
        return Decoded(node, values, subs) if complete else None

    def not_read(self, heading: str, group: _Group | None, tokens: tuple[str | int, ...]) -> Issue:
        """The issue of a record that is not read: its required *heading* has no value."""
        column = group.first if group is not None else self.index.get(heading)
        return Issue(Problem("import.record-not-read", {"heading": heading}), column, tokens)

    def present(self, node: Node, groups: Mapping[str, _Group], issues: list[Issue]) -> bool:
        """Whether an optional single entity is in the row: a cell of it is filled."""
        prefix = node.heading + "/"
        filled = [h for h, g in groups.items() if h.startswith(prefix) and g.filled]
        marker = groups.get(node.heading)
        if not node.marker or marker is None or marker.value is None:
            return bool(filled)
        column, cell = marker.value
        try:
            said = decode(_BOOL, cell, typed=self.typed, notes=[])
        except Refused as refused:
            issues.append(Issue(refused.problem, column))
            return bool(filled)
        if not said and filled:
            params = {"headings": [node.heading, *filled], "used": filled[0]}
            issues.append(Issue(Problem("import.conflicting-cells", params), column))
        return bool(said) or bool(filled)

    def leaf(
        self,
        leaf: Leaf,
        group: _Group | None,
        issues: list[Issue],
        tokens: tuple[str | int, ...],
        context: Context | None,
    ) -> Any:
        """The value of one field, or `_MISSING` (empty, or unreadable and reported)."""
        if group is None or not group.filled:
            return _MISSING
        if leaf.is_text:
            return self.text(leaf, group, issues, tokens)
        if group.value is not None and group.json is not None:
            headings = [leaf.heading, f"{leaf.heading}/json"]
            params = {"headings": headings, "used": leaf.heading}
            issues.append(Issue(Problem("import.conflicting-cells", params), group.json[0], tokens))
        if group.value is None:
            assert group.json is not None  # noqa: S101 - a filled group has a cell
            return self._companion(leaf.kind, group.json, issues, tokens)
        column, cell = group.value
        enum = _state_enum(context)
        try:
            if isinstance(leaf.kind, Extensions):
                return self.extensions(cell)
            if isinstance(leaf.kind, ListOf):
                items, problems = decode_list(leaf.kind, cell, typed=self.typed, enum=enum)
                issues.extend(Issue(p, column, (*tokens, i)) for i, p in problems)
                return items
            notes: list[Problem] = []
            value = decode(leaf.kind, cell, typed=self.typed, notes=notes, enum=enum)
        except Refused as refused:
            issues.append(Issue(refused.problem, column, tokens))
            return _MISSING
        issues.extend(Issue(note, column, tokens) for note in notes)
        return value

    def extensions(self, cell: Cell) -> Mapping[str, Any]:
        """An ``extensions`` cell: a JSON object."""
        data = parse_json(cell) if isinstance(cell, str) else cell
        if not isinstance(data, Mapping):
            raise Refused(
                Problem("import.bad-value", {"value": json_cell(cell), "expected": "object"})
            )
        return data

    def _companion(
        self, kind: Kind, cell: tuple[int, Cell], issues: list[Issue], tokens: tuple[str | int, ...]
    ) -> Any:
        column, value = cell
        try:
            return decode_json(kind, value if isinstance(value, str) else str(value))
        except Refused as refused:
            issues.append(Issue(refused.problem, column, tokens))
            return _MISSING

    def text(
        self, leaf: Leaf, group: _Group, issues: list[Issue], tokens: tuple[str | int, ...]
    ) -> Any:
        """A text or a URL: its plain cell, its language cells, or its JSON companion."""
        shown = [g for g in (group.value,) if g] + list(group.languages.values())
        if group.json is not None and shown:
            params = {"headings": [leaf.heading, f"{leaf.heading}/json"], "used": leaf.heading}
            issues.append(Issue(Problem("import.conflicting-cells", params), group.json[0], tokens))
        if not shown:
            assert group.json is not None  # noqa: S101 - a filled group has a cell
            return self._companion(leaf.kind, group.json, issues, tokens)
        notes: list[Problem] = []
        if group.value is not None and group.languages:
            tags = [f"{leaf.heading}/{tag}" for tag in group.languages]
            params = {"headings": [leaf.heading, *tags], "used": tags[0]}
            issues.append(
                Issue(Problem("import.conflicting-cells", params), group.value[0], tokens)
            )
        if group.languages:
            texts = {tag: self._string(cell, notes) for tag, (_, cell) in group.languages.items()}
            value: Any = Text(texts)
            column = min(c for c, _ in group.languages.values())
        else:
            assert group.value is not None  # noqa: S101 - shown has a cell
            column, cell = group.value
            plain = self._string(cell, notes)
            value = plain if isinstance(leaf.kind, UrlText) else Text(plain)
        issues.extend(Issue(note, column, tokens) for note in notes)
        if not leaf.kind.accepts(value):
            expected = "url_reference" if isinstance(leaf.kind, UrlText) else "text"
            shown_value = value if isinstance(value, str) else value.to_json()
            problem = Problem(
                "import.bad-value", {"value": json_cell(shown_value), "expected": expected}
            )
            if not (isinstance(leaf.kind, TextKind) and leaf.kind.required):
                issues.append(Issue(problem, column, tokens))
            return _MISSING
        return value

    def _string(self, cell: Cell, notes: list[Problem]) -> str:
        return decode(_ANY, cell, typed=self.typed, notes=notes)  # type: ignore[no-any-return]


def _state_enum(context: Context | None) -> type[Enum] | None:
    if context is not None and isinstance(context.item, EventOf):
        return context.item.state_enum
    return None


_ID = Ref(target="key")
_TYPE = Code(AssessmentType)
_BOOL = Bool()
_ANY = TextKind()
