"""
Plans as one SQLite database, for analysts who query many plans with SQL (standard `sqlite3`).

The tables are those of the spreadsheets (`ogpmodel.convert.spreadsheet`), the plan's table
named ``plans``, each with a ``plan_id`` column, so that one database holds many plans:

- column names are the headings with ``_`` for ``/`` and ``-`` (``period_end``, ``title_es``);
- a list of ids or codes is a JSON array (``lead_ids``: ``["secpla", "daoga"]``), which
  ``json_each`` opens; ``extensions`` is JSON text; a boolean is 0 or 1;
- primary keys are the entities' own keys (``(plan_id, id)`` of a commitment, ``(plan_id,
  commitment_id, id)`` of a milestone, ``(plan_id, position)`` of an assessment); foreign keys
  tie each row to its owner (a milestone to its commitment and its parent milestone, a link to
  its commitment, milestone, progress report or assessment) and each reference to what it
  names (``lead_ids`` excepted: they are lists). ``PRAGMA foreign_key_check`` lists the
  references that name nothing, as ``ogpmodel.validate`` does.

>>> import ogpmodel, sqlite3, tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "plans.db"
>>> write([ogpmodel.load("examples/maipu-2023-2024.json")], path)
>>> sqlite3.connect(path).execute("SELECT count(*) FROM commitments").fetchone()
(4,)
"""

import functools
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from ogpmodel._fields import Bool, Kind, Percent, Ref
from ogpmodel.convert._cells import Cell
from ogpmodel.convert._layout import (
    PLAN,
    POSITION,
    TABLES,
    TableSpec,
    base_headings,
    leaves,
    markers,
)
from ogpmodel.convert._tables import Table, to_tables
from ogpmodel.model import ActionPlan

__all__ = ["PLAN_TABLE", "column_name", "table_name", "write"]


def __dir__() -> list[str]:
    return sorted(__all__)


#: The name of the table of the plans themselves.
PLAN_TABLE = "plans"
#: The table whose ``id`` a reference to each target names.
_TARGETS = {"stakeholder": "stakeholders", "commitment": "commitments", "goal": "goals"}


def table_name(table: str) -> str:
    """The SQL name of a table (``plans`` for the plan's own)."""
    return PLAN_TABLE if table == PLAN else table


def column_name(heading: str) -> str:
    """The SQL name of a column: its heading with ``_`` for ``/`` and ``-``."""
    return heading.replace("/", "_").replace("-", "_")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@functools.cache
def _kinds(name: str) -> dict[str, Kind]:
    spec = TABLES[name]
    return {leaf.heading: leaf.kind for shape in spec.shapes.values() for leaf in leaves(shape)}


def _type(spec: TableSpec, heading: str) -> str:
    kind = _kinds(spec.name).get(heading)
    if heading == POSITION or heading.endswith(f"_{POSITION}"):
        return "INTEGER"
    if isinstance(kind, Percent):
        return "REAL"
    if isinstance(kind, Bool) or heading in _markers(spec.name):
        return "INTEGER"
    return "TEXT"


@functools.cache
def _markers(name: str) -> frozenset[str]:
    spec = TABLES[name]
    return frozenset(node.heading for shape in spec.shapes.values() for node in markers(shape))


@attrs.frozen
class _Key:
    """A foreign key: columns of this table, the table they name and its columns."""

    columns: tuple[str, ...]
    table: str
    target: tuple[str, ...]


def _owner_keys(spec: TableSpec) -> Iterator[_Key]:
    """A foreign key to each table whose rows own rows of *spec*, on that table's own key."""
    mine = {table: heading for c in spec.contexts for heading, table in c.keys}
    for owner in dict.fromkeys(mine):
        target = TABLES[owner]
        theirs = {heading: table for c in target.contexts for heading, table in c.keys}
        key, _ = _primary(target)
        theirs["id" if target.keyed else POSITION] = owner
        if all(theirs.get(h) in mine for h in key):
            yield _Key(tuple(mine[theirs[h]] for h in key), owner, key)


def _reference_keys(spec: TableSpec) -> Iterator[_Key]:
    for heading, kind in _kinds(spec.name).items():
        if isinstance(kind, Ref) and kind.target in _TARGETS:
            yield _Key((heading,), _TARGETS[kind.target], ("id",))


def _primary(spec: TableSpec) -> tuple[tuple[str, ...], bool]:
    """The primary key of *spec* (`False`: a unique key, as some of its columns may be NULL)."""
    if spec.name == PLAN:
        return ("id",), True
    shared = set.intersection(*(set(c.key_headings) for c in spec.contexts))
    own = "id" if spec.keyed else POSITION
    scope = [h for h in spec.keys if h in shared and not (spec.keyed and h == "parent_id")]
    if spec.keyed:
        return (*scope, own), True
    every = all(c.key_headings == frozenset(spec.keys) for c in spec.contexts)
    return (*spec.keys, own), every


def _create(spec: TableSpec, headings: Sequence[str]) -> str:
    plan = spec.name == PLAN
    columns = [] if plan else [f"{_quote('plan_id')} TEXT NOT NULL"]
    columns += [f"{_quote(column_name(h))} {_type(spec, h)}" for h in headings]
    key, primary = _primary(spec)
    plan_column = ("id",) if plan else ("plan_id",)
    names = ["id"] if plan else ["plan_id", *key]
    kind = "PRIMARY KEY" if primary else "UNIQUE"
    columns.append(f"{kind} ({', '.join(_quote(column_name(n)) for n in names)})")
    if not plan:
        columns.append(f"FOREIGN KEY ({_quote('plan_id')}) REFERENCES {PLAN_TABLE} (id)")
    seen = set()
    for fk in [*_owner_keys(spec), *_reference_keys(spec)]:
        if fk.columns in seen or any(c not in headings for c in fk.columns):
            continue
        seen.add(fk.columns)
        mine = [*plan_column, *fk.columns]
        theirs = ["plan_id" if fk.table != PLAN else "id", *fk.target]
        columns.append(
            f"FOREIGN KEY ({', '.join(_quote(column_name(c)) for c in mine)}) "
            f"REFERENCES {_quote(table_name(fk.table))} "
            f"({', '.join(_quote(column_name(c)) for c in theirs)})"
        )
    body = ",\n  ".join(columns)
    return f"CREATE TABLE {_quote(table_name(spec.name))} (\n  {body}\n)"


def _headings(tables: Sequence[Mapping[str, Table]], name: str) -> list[str]:
    """The headings of table *name* over every plan, in order of appearance."""
    found = dict.fromkeys(
        [*base_headings(TABLES[name]), *(h for t in tables for h in t[name].headings)]
    )
    columns = [column_name(h).casefold() for h in found]
    if len(set(columns)) != len(columns) or "plan_id" in columns:
        msg = f"the columns of {name!r} have the same SQL name: {sorted(found)}"
        raise ValueError(msg)
    return list(found)


def _value(cell: Cell) -> Any:
    return int(cell) if isinstance(cell, bool) else cell


def _insert(
    database: sqlite3.Connection, plan: ActionPlan, name: str, table: Table, headings: Sequence[str]
) -> None:
    spec = TABLES[name]
    prefix = [] if spec.name == PLAN else ["plan_id"]
    columns = ", ".join(_quote(column_name(h)) for h in [*prefix, *headings])
    marks = ", ".join("?" for _ in [*prefix, *headings])
    sql = f"INSERT INTO {_quote(table_name(name))} ({columns}) VALUES ({marks})"  # noqa: S608 - quoted names, bound values
    rows = []
    for record in table.records():
        values = [_value(record.get(h)) for h in headings]
        rows.append([plan.id, *values] if prefix else values)
    try:
        database.executemany(sql, rows)
    except sqlite3.IntegrityError as error:
        msg = (
            f"plan {plan.id!r}: two rows of {table_name(name)!r} have the same key ({error});"
            " ogpmodel validate names the repeated id"
        )
        raise ValueError(msg) from None


def write(plans: Sequence[ActionPlan], target: str | os.PathLike[str]) -> None:
    """
    Write *plans* as a new SQLite database at *target* (a file there is replaced).

    Raises:
        ValueError: Two plans have the same id, or a plan repeats an id that is a key.
        OSError: *target* cannot be written.
    """
    tables = [to_tables(plan, lists="json") for plan in plans]
    path = os.fspath(target)
    partial = f"{path}.partial"
    if os.path.exists(partial):
        os.remove(partial)
    try:
        _write(plans, tables, partial)
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)


def _write(plans: Sequence[ActionPlan], tables: Sequence[Mapping[str, Table]], path: str) -> None:
    database = sqlite3.connect(path, isolation_level=None)
    try:
        headings = {name: _headings(tables, name) for name in TABLES}
        database.execute("BEGIN")  # one transaction: the tables and their rows at once
        for name, spec in TABLES.items():
            database.execute(_create(spec, headings[name]))
        for plan, plan_tables in zip(plans, tables, strict=True):
            for name, table in plan_tables.items():
                _insert(database, plan, name, table, headings[name])
        database.execute("COMMIT")
    except sqlite3.OperationalError as error:
        raise OSError(str(error)) from error
    finally:
        database.close()
