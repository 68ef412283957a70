"""
The layout of the plan's tables, derived from the field kinds of the model.

Each entity that a plan holds in a list (stakeholders, commitments, milestones, …) has a table;
the plan itself is a table of one row. A row holds the entity's own fields, and those of the
single entities inside it (``member/name``, ``period/end``), each as one column group; a list of
entities is a child table, whose rows name their owner in key columns (``commitment_id``,
``parent_id``, ``progress_position``) and their place in the list in ``position``. The same
class in several lists (links of the plan, of a commitment, of a progress report) is one table,
with one *context* per list: the key columns a row fills tell which list it belongs to.

Nothing here lists fields: a field declared with a kind in the model has its column the day it
is declared. Only the tables are named (`TABLE_NAMES`); a new kind of entity list without a
name is an error at import, never a field left out.
"""

import functools
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from ogpmodel._fields import (
    Const,
    Entity,
    EventOf,
    Kind,
    ListOf,
    String,
    TextKind,
    UrlText,
    description_in,
    kinds_of,
    required_in,
)
from ogpmodel.model import (
    ActionPlan,
    Commitment,
    CommitmentDesign,
    EndOfCommitmentReport,
    Endorsement,
    Goal,
    Identifier,
    InceptionReport,
    IrmReview,
    Meeting,
    Milestone,
    OtherName,
    ProgressReport,
    Stakeholder,
    TransitionEvent,
)
from ogpmodel.values import Link

__all__ = [
    "PLAN",
    "POSITION",
    "SEPARATOR",
    "TABLES",
    "TABLE_NAMES",
    "TYPE",
    "Context",
    "Leaf",
    "Node",
    "TableSpec",
    "base_headings",
    "leaves",
    "markers",
    "owner_word",
    "shape_headings",
]

#: Joins the parts of a heading: ``period/end``, ``title/es`` (as in a JSON Pointer).
SEPARATOR = "/"
#: The column of a row's place among the rows of its list.
POSITION = "position"
#: The column that says which kind of assessment a row of ``assessments`` is.
TYPE = "type"
#: The name of the plan's own table.
PLAN = "plan"

#: The table of each entity class held in a list, and the word its key columns use, in the order
#: of the sheets of a workbook.
TABLE_NAMES: Mapping[type, tuple[str, str]] = {
    ActionPlan: (PLAN, "plan"),
    Stakeholder: ("stakeholders", "stakeholder"),
    Commitment: ("commitments", "commitment"),
    Milestone: ("milestones", "milestone"),
    ProgressReport: ("progress", "progress"),
    TransitionEvent: ("history", "event"),
    InceptionReport: ("assessments", "assessment"),
    EndOfCommitmentReport: ("assessments", "assessment"),
    IrmReview: ("assessments", "assessment"),
    CommitmentDesign: ("commitment_designs", "commitment_design"),
    Link: ("links", "link"),
    Goal: ("goals", "goal"),
    Meeting: ("meetings", "meeting"),
    Endorsement: ("endorsements", "endorsement"),
    Identifier: ("identifiers", "identifier"),
    OtherName: ("other_names", "other_name"),
}


@attrs.frozen
class Leaf:
    """
    One field that is a column group: a value, a text, a list of ids or codes, extensions.

    Attributes:
        name: The attribute's name (``from_``).
        wire: Its name in OGP JSON (``from``).
        heading: The canonical heading of its column (``period/end``).
        kind: Its kind.
        required: Whether its entity needs it (no default).
        description: What the field is (the model's description, in English).
    """

    name: str
    wire: str
    heading: str
    kind: Kind
    required: bool
    description: str = ""

    @property
    def is_text(self) -> bool:
        """Whether the field is a text or a URL that may be a language map (one column each)."""
        return isinstance(self.kind, (TextKind, UrlText))


@attrs.frozen
class Node:
    """
    An entity flattened into a row: its leaves, the single entities inside it, and its lists.

    Attributes:
        cls: The model class.
        name: The attribute that holds it in its parent (``""`` for the row's entity).
        wire: That attribute's OGP JSON name.
        heading: The prefix of its headings (``""`` for the row's entity, ``"period"``).
        members: Its leaves and sub-entities, in declaration order.
        lists: ``(attribute, wire name, item kind)`` of each of its lists of entities.
        required: Whether its parent needs it (always present).
        marker: Whether it has a presence column (optional, and every field of it optional).
    """

    cls: type
    name: str
    wire: str
    heading: str
    members: tuple["Leaf | Node", ...]
    lists: tuple[tuple[str, str, Kind], ...]
    required: bool
    marker: bool


@attrs.frozen
class Context:
    """
    One list of entities a table's rows may belong to.

    Attributes:
        owner: The table of the owner (`None`: the rows are the plan's own).
        path: The attributes from the owner's row entity to the list (``("forum", "meetings")``).
        pointer: The same in OGP JSON names.
        keys: ``(heading, component)`` of each key column a row fills: the owner's identity.
        item: The kind of the list's items (an `Entity` or an `EventOf`).
    """

    owner: str | None
    path: tuple[str, ...]
    pointer: tuple[str, ...]
    keys: tuple[tuple[str, str], ...]
    item: Kind

    @property
    def key_headings(self) -> frozenset[str]:
        """The key columns that a row of this context fills."""
        return frozenset(heading for heading, _ in self.keys)


@attrs.frozen
class TableSpec:
    """
    One table: its shapes (one per class), the lists it gathers, and its key columns.

    Attributes:
        name: The table's name (``milestones``).
        singular: The word of its key columns in other tables (``milestone``).
        shapes: The row's entity by type code (``""`` for a table of one class).
        contexts: The lists its rows belong to (none for the plan).
        keys: The key columns, in order (the union of the contexts' keys).
        keyed: Whether a row is known by its ``id`` (else by its position).
    """

    name: str
    singular: str
    shapes: Mapping[str, Node]
    contexts: tuple[Context, ...]
    keys: tuple[str, ...]
    keyed: bool

    @property
    def has_type(self) -> bool:
        """Whether rows are of several classes, told apart by the ``type`` column."""
        return "" not in self.shapes


def _is_keyed(cls: type) -> bool:
    return any(
        a.name == "id" and isinstance(k, String) and k.format is not None and k.format.name == "Id"
        for a, k in kinds_of(cls)
    )


def _join(prefix: str, name: str) -> str:
    return f"{prefix}{SEPARATOR}{name}" if prefix else name


def _node(cls: type, name: str, wire: str, prefix: str, required: bool) -> Node:
    members: list[Leaf | Node] = []
    lists: list[tuple[str, str, Kind]] = []
    for attribute, kind in kinds_of(cls):
        field_wire = attribute.metadata.get("wire", attribute.name)
        heading = _join(prefix, field_wire)
        needed = required_in(attribute)
        if isinstance(kind, Const):
            continue  # always the current version: nothing to say
        if isinstance(kind, ListOf) and isinstance(kind.item, Entity):
            lists.append((attribute.name, field_wire, kind.item))
        elif isinstance(kind, Entity) and not isinstance(kind, EventOf):
            (sub,) = kind.types
            members.append(_node(sub, attribute.name, field_wire, heading, needed))
        else:
            text = description_in(attribute)
            members.append(Leaf(attribute.name, field_wire, heading, kind, needed, text))
    every_optional = not any(isinstance(m, Leaf) and m.required for m in members)
    marker = bool(name) and not required and every_optional
    return Node(cls, name, wire, prefix, tuple(members), tuple(lists), required, marker)


def leaves(node: Node) -> Iterator[Leaf]:
    """Every leaf of *node*, its sub-entities' included, in column order."""
    for member in node.members:
        if isinstance(member, Leaf):
            yield member
        else:
            yield from leaves(member)


def _lists(node: Node, path: tuple[str, ...] = (), wire: tuple[str, ...] = ()) -> Iterator[Any]:
    """``(path, pointer, item kind)`` of each list of entities in *node* and its sub-entities."""
    for name, field_wire, item in node.lists:
        yield (*path, name), (*wire, field_wire), item
    for member in node.members:
        if isinstance(member, Node):
            yield from _lists(member, (*path, member.name), (*wire, member.wire))


def _shapes(classes: tuple[type, ...]) -> dict[str, Node]:
    if len(classes) == 1:
        return {"": _node(classes[0], "", "", "", True)}
    return {cls.type.value: _node(cls, "", "", "", True) for cls in classes}  # type: ignore[attr-defined]


def _item_classes(item: Kind) -> tuple[type, ...]:
    return item.types if isinstance(item, Entity) else ()


class _Builder:
    """Walks the model from `ActionPlan` and records each table and each list's context."""

    def __init__(self) -> None:
        self.specs: dict[str, dict[str, Any]] = {}

    def table(self, classes: tuple[type, ...]) -> dict[str, Any]:
        names = {TABLE_NAMES.get(c) for c in classes}
        if len(names) != 1 or None in names:
            msg = f"no table is named for {classes!r}: add it to TABLE_NAMES"
            raise TypeError(msg)
        ((name, singular),) = names  # type: ignore[misc]
        if name not in self.specs:
            self.specs[name] = {
                "name": name,
                "singular": singular,
                "shapes": _shapes(classes),
                "contexts": [],
                "keyed": _is_keyed(classes[0]),
            }
        return self.specs[name]

    def visit(self, spec: dict[str, Any], identity: tuple[tuple[str, str], ...]) -> None:
        """Record the contexts of *spec*'s lists, for rows whose identity has *identity*."""
        for shape in spec["shapes"].values():
            for path, pointer, item in _lists(shape):
                child = self.table(_item_classes(item))
                keys = tuple(
                    ("parent_id" if table == child["name"] else self.column(table), table)
                    for _, table in identity
                )
                context = Context(spec["name"], path, pointer, keys, item)
                if any(c.keys == keys and c.path == path for c in child["contexts"]):
                    continue
                child["contexts"].append(context)
                own = (child["singular"], child["name"])
                scope = tuple(c for c in identity if c[1] != child["name"])
                self.visit(child, (*(scope if child["keyed"] else identity), own))

    def column(self, table: str) -> str:
        spec = self.specs[table]
        return f"{spec['singular']}_id" if spec["keyed"] else f"{spec['singular']}_{POSITION}"

    def build(self) -> dict[str, TableSpec]:
        plan = self.table((ActionPlan,))
        self.visit(plan, ())
        out = {}
        for name, spec in self.specs.items():
            keys = dict.fromkeys(h for c in spec["contexts"] for h, _ in c.keys)
            out[name] = TableSpec(
                name,
                spec["singular"],
                spec["shapes"],
                tuple(spec["contexts"]),
                tuple(keys),
                spec["keyed"],
            )
        _check(out)
        order = list(dict.fromkeys(name for name, _ in TABLE_NAMES.values()))
        return dict(sorted(out.items(), key=lambda item: order.index(item[0])))


def _check(specs: Mapping[str, TableSpec]) -> None:
    """No key column of a table may have the heading of one of its fields."""
    for spec in specs.values():
        fields = {leaf.heading for shape in spec.shapes.values() for leaf in leaves(shape)}
        clash = fields & {*spec.keys, POSITION, TYPE}
        if clash:
            msg = f"the table {spec.name!r} has key columns named like fields: {sorted(clash)}"
            raise TypeError(msg)


#: Every table, the plan's first, in the order of the plan's fields.
TABLES: Mapping[str, TableSpec] = _Builder().build()


def shape_headings(node: Node) -> Iterator[str]:
    """The base headings of *node*'s fields and presence columns, in order."""
    for member in node.members:
        if isinstance(member, Leaf):
            yield member.heading
        else:
            if member.marker:
                yield member.heading
            yield from shape_headings(member)


def base_headings(spec: TableSpec) -> tuple[str, ...]:
    """
    The table's columns before texts get their language columns, in order.

    Key columns first, then ``position``, ``type`` (for assessments), and the fields of every
    shape (a column shared by several shapes once), ``extensions`` last.
    """
    return _base_headings(spec.name)


@functools.cache
def _base_headings(name: str) -> tuple[str, ...]:
    """`base_headings` of table *name*, computed once."""
    spec = TABLES[name]
    fields = dict.fromkeys(h for shape in spec.shapes.values() for h in shape_headings(shape))
    last = [h for h in ("extensions",) if h in fields]
    middle = [h for h in fields if h not in last]
    typed = [TYPE] if spec.has_type else []
    position = [] if spec.name == PLAN else [POSITION]
    return (*spec.keys, *position, *typed, *middle, *last)


def markers(node: Node) -> Iterator[Node]:
    """Every sub-entity of *node* (at any depth) that has a presence column."""
    for member in node.members:
        if isinstance(member, Node):
            if member.marker:
                yield member
            yield from markers(member)


#: The word (a key of the catalogue's vocabulary) of an owner table whose singular is not one.
_OWNER_WORDS = {"progress": "progress_report", "assessments": "assessment"}


def owner_word(table: str) -> str:
    """The vocabulary key of a row of *table* as an owner (``"progress_report"``)."""
    return _OWNER_WORDS.get(table, TABLES[table].singular)
