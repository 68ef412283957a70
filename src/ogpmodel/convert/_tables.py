"""
A plan as rows of named tables, and back: the one layout of workbooks, CSV files and SQLite.

`to_tables` writes every field of a plan (`ogpmodel.convert._layout` derives the columns from
the field kinds); `from_tables` reads the tables back into a plan with a report of what it met.
The round trip is lossless:

- a row's place in its list is its ``position``; nested milestones name their parent in
  ``parent_id``; a child row names its owner in key columns (``commitment_id``, ``milestone_id``,
  ``progress_position``, ``assessment_position``, ``stakeholder_id``);
- a text is one column per form: ``title`` for a plain string (in the plan's language),
  ``title/en``, ``title/es``, … for a language map; a value no cell can hold exactly (an empty
  string, a float of 17 digits) is written as JSON in a ``title/json`` companion column;
- a list of ids or codes is one cell (`ogpmodel.convert._cells.format_list`); ``extensions``
  is JSON text;
- a single entity of which every field is optional (a commitment's ``period``) has a presence
  column, ``TRUE`` when it is there but empty;
- the three kinds of assessment share one table, told apart by ``type``.
"""

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from ogpmodel.convert._cells import Cell, encode
from ogpmodel.convert._layout import (
    PLAN,
    POSITION,
    TABLES,
    TYPE,
    Context,
    Leaf,
    Node,
    TableSpec,
    base_headings,
)
from ogpmodel.model import ActionPlan

__all__ = ["Table", "context_of", "follow", "to_tables"]

#: A row's identity: ``(table, id or position)`` of each entity that names it.
Identity = tuple[tuple[str, Any], ...]


@attrs.frozen
class Table:
    """
    One table of a plan: its headings and its rows (each a tuple of cells, in heading order).

    Attributes:
        name: The table's name (``commitments``).
        headings: The canonical headings, language and companion columns included.
        rows: The rows.
    """

    name: str
    headings: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def records(self) -> Iterator[dict[str, Cell]]:
        """Each row as a mapping of heading to cell."""
        for row in self.rows:
            yield dict(zip(self.headings, row, strict=True))


def _contexts() -> dict[tuple[str, tuple[str, ...], frozenset[str]], tuple[str, Context]]:
    found = {}
    for spec in TABLES.values():
        for context in spec.contexts:
            assert context.owner is not None  # noqa: S101 - every list has an owner table
            components = frozenset(table for _, table in context.keys)
            found[context.owner, context.path, components] = (spec.name, context)
    return found


_CONTEXTS = _contexts()


def context_of(owner: str, path: tuple[str, ...], identity: Identity) -> tuple[TableSpec, Context]:
    """The table and context of the list at *path* in a row of *owner* with *identity*."""
    name, context = _CONTEXTS[owner, path, frozenset(table for table, _ in identity)]
    return TABLES[name], context


def follow(entity: Any, path: Sequence[str]) -> Any:
    """The value at the attribute *path* of *entity* (`None` when an entity on the way is)."""
    value = entity
    for name in path:
        if value is None:
            return None
        value = getattr(value, name)
    return value


def node_cells(node: Node, entity: Any, lists: str = "text") -> dict[str, Cell]:
    """The cells of *entity* (of *node*'s class) by heading, its sub-entities' included."""
    cells: dict[str, Cell] = {}
    for member in node.members:
        value = getattr(entity, member.name)
        if isinstance(member, Leaf):
            cells.update(encode(member.heading, member.kind, value, lists=lists))
        elif value is not None:
            inner = node_cells(member, value, lists)
            if member.marker and not inner:
                inner[member.heading] = True
            cells.update(inner)
    return cells


def _lists(node: Node, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name, _, _ in node.lists:
        yield (*path, name)
    for member in node.members:
        if isinstance(member, Node):
            yield from _lists(member, (*path, member.name))


class _Writer:
    """Collects the rows of every table, walking the plan in document order."""

    def __init__(self, lists: str) -> None:
        self.lists = lists
        self.rows: dict[str, list[dict[str, Cell]]] = {name: [] for name in TABLES}

    def row(
        self,
        spec: TableSpec,
        entity: Any,
        identity: Identity,
        keys: Mapping[str, Cell],
        position: int,
    ) -> None:
        cells: dict[str, Cell] = dict(keys)
        code = ""
        if spec.name != PLAN:
            cells[POSITION] = position
        if spec.has_type:
            code = entity.type.value
            cells[TYPE] = code
        shape = spec.shapes[code]
        cells.update(node_cells(shape, entity, self.lists))
        self.rows[spec.name].append(cells)
        for path in _lists(shape):
            self.children(spec, entity, identity, path)

    def children(
        self, spec: TableSpec, entity: Any, identity: Identity, path: tuple[str, ...]
    ) -> None:
        items = follow(entity, path)
        if not items:
            return
        child, context = context_of(spec.name, path, identity)
        values = dict(identity)
        keys = {heading: values[table] for heading, table in context.keys}
        for position, item in enumerate(items, start=1):
            own = (child.name, item.id if child.keyed else position)
            scope = tuple(c for c in identity if c[0] != child.name) if child.keyed else identity
            self.row(child, item, (*scope, own), keys, position)

    def tables(self) -> dict[str, Table]:
        return {name: _table(TABLES[name], rows) for name, rows in self.rows.items()}


def _base(heading: str, bases: Mapping[str, Any]) -> str:
    if heading in bases:
        return heading
    return heading.rsplit("/", 1)[0]


def _table(spec: TableSpec, rows: list[dict[str, Cell]]) -> Table:
    """The table of *rows*: base headings, each followed by its language and companion columns."""
    bases: dict[str, dict[str, None]] = {h: {} for h in base_headings(spec)}
    for row in rows:
        for heading in row:
            base = _base(heading, bases)
            if heading != base:
                bases[base][heading] = None
    headings: list[str] = []
    for base, extra in bases.items():
        companion = f"{base}/json"
        headings += [base, *(h for h in extra if h != companion)]
        headings += [companion] if companion in extra else []
    return Table(spec.name, tuple(headings), tuple(tuple(r.get(h) for h in headings) for r in rows))


def to_tables(plan: ActionPlan, *, lists: str = "text") -> dict[str, Table]:
    """
    Every table of *plan*, in the order of the sheets of a workbook (empty tables too).

    *lists*: how a list of ids or codes is written in its cell, ``"text"`` (``a, b``, for
    people) or ``"json"`` (a JSON array, for SQL's ``json_each``).
    """
    writer = _Writer(lists)
    writer.row(TABLES[PLAN], plan, (), {}, 1)
    return writer.tables()
