"""
Sheets read back into a plan: rows placed under their owners, entities built, problems named.

`read_sheets` takes the sheets of a workbook (or the CSV files of a folder) as rows of cells and
returns a `Conversion`. Every problem is an ``import.*`` finding whose ``cell`` parameter names
the cell (``commitments!D7``, or the row, ``milestones!7:7``) and whose path is the JSON Pointer
of the value in the plan. Unknown sheets and columns are kept in extensions.
"""

import difflib
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ogpmodel._catalogue import get_rule
from ogpmodel.convert._cells import Cell, Problem
from ogpmodel.convert._columns import (
    Column,
    letter,
    match_columns,
    nearest_heading,
    required_headings,
    text_of_heading,
)
from ogpmodel.convert._conversion import Conversion
from ogpmodel.convert._layout import (
    PLAN,
    POSITION,
    TABLES,
    TYPE,
    Context,
    TableSpec,
    owner_word,
    shape_headings,
)
from ogpmodel.convert._rows import Decoded, Issue, RowReader, json_cell
from ogpmodel.convert._words import EXTRA_SHEETS, SHEETS, fold, table_sheet_names
from ogpmodel.errors import InvalidValue
from ogpmodel.model import ActionPlan
from ogpmodel.report import Finding, pointer

__all__ = ["Sheet", "read_sheets"]


@attrs.frozen
class Sheet:
    """
    One sheet as rows of cells, the headings first.

    Attributes:
        name: Its name in the source (a workbook's tab, a CSV file's name without ``.csv``).
        rows: Its rows; the first holds the headings.
        typed: Whether cells have types (a workbook) or are all text (CSV).
    """

    name: str
    rows: Sequence[Sequence[Cell]]
    typed: bool


@attrs.define(eq=False)
class _Row:
    """One data row of a sheet, as it is placed in the plan."""

    spec: TableSpec
    sheet: int
    name: str
    number: int
    issues: list[Issue]
    context: Context | None = None
    keys: dict[str, Any] = attrs.field(factory=dict)
    position: float | None = None
    decoded: Decoded | None = None
    extras: dict[str, Any] = attrs.field(factory=dict)
    owner: "_Row | None" = None
    children: dict[tuple[str, ...], list["_Row"]] = attrs.field(factory=dict)
    pointer: str | None = None
    list_pointer: str = ""

    @property
    def order(self) -> tuple[bool, float, int]:
        """Rows sort by position; rows without one follow, in sheet order."""
        return (self.position is None, self.position or 0.0, self.number)

    def own(self, rank: int) -> Any:
        """What children name this row by: its id, or its position (else its rank)."""
        if self.spec.keyed:
            return None if self.decoded is None else self.decoded.values.get("id")
        return self.position if self.position is not None else rank


class _Findings:
    """The findings of a conversion, in sheet, row and column order."""

    def __init__(self) -> None:
        self.found: list[tuple[tuple[int, int, int], Finding]] = []

    def add(self, code: str, where: tuple[int, int, int], path: str = "", **params: Any) -> None:
        finding = Finding(code, get_rule(code).severity, path, params)
        self.found.append((where, finding))

    def sorted(self) -> list[Finding]:
        return [f for _, f in sorted(self.found, key=lambda item: item[0])]


#: The table of each sheet name (in every language, folded); ``""`` for the extra sheets.
_SHEET_TABLES: Mapping[str, str] = {
    **{fold(n): "" for names in EXTRA_SHEETS.values() for n in names.values()},
    **{fold(n): table for table in TABLES for n in SHEETS[table].values()},
}


def _sheet_table(name: str) -> str | None:
    """The table of a sheet named *name* (English or Spanish), ``""`` for the extra sheets."""
    return _SHEET_TABLES.get(fold(name))


def _records(sheet: Sheet) -> list[dict[str, Any]]:
    """The rows of an unknown sheet as JSON objects, by heading (or column letter)."""
    if not sheet.rows:
        return []
    headings = [text_of_heading(c) or letter(i) for i, c in enumerate(sheet.rows[0])]
    records = []
    for row in sheet.rows[1:]:
        record = {
            headings[i] if i < len(headings) else letter(i): json_cell(cell)
            for i, cell in enumerate(row)
            if cell is not None and cell != ""
        }
        if record:
            records.append(record)
    return records


class _Reader:
    """Reads every sheet, places every row, builds the plan."""

    def __init__(self, sheets: Sequence[Sheet]) -> None:
        self.sheets = sheets
        self.findings = _Findings()
        self.rows: dict[str, list[_Row]] = {name: [] for name in TABLES}
        self.kept: dict[str, Any] = {}

    # --- sheets and headings ---

    def match(self) -> dict[str, tuple[int, Sheet]]:
        matched: dict[str, tuple[int, Sheet]] = {}
        for index, sheet in enumerate(self.sheets):
            table = _sheet_table(sheet.name)
            if table == "":
                continue
            if table is None or table in matched:
                self.keep_sheet(index, sheet)
            else:
                matched[table] = (index, sheet)
        for table in TABLES:
            if table not in matched and table != PLAN:
                self.findings.add("import.missing-sheet", (-1, 0, 0), sheet=table)
        return matched

    def keep_sheet(self, index: int, sheet: Sheet) -> None:
        known = list(dict.fromkeys(table_sheet_names()))
        near = difflib.get_close_matches(sheet.name, known, n=1)
        self.kept[sheet.name] = _records(sheet)
        self.findings.add(
            "import.unknown-sheet", (index, 0, 0), sheet=sheet.name, nearest=near[0] if near else ""
        )

    def columns(self, spec: TableSpec, index: int, sheet: Sheet) -> list[Column] | None:
        """The columns of *sheet*; `None` (and an error) when it lacks a column it needs."""
        columns = match_columns(spec, sheet.rows[0] if sheet.rows else ())
        seen: set[tuple[str, str, str]] = set()
        for i, column in enumerate(columns):
            what = (column.role, column.base, column.tag)
            if column.role != "unknown" and what in seen:
                columns[i] = column = Column(
                    column.index, column.written, "unknown", column.written
                )
            seen.add(what)
            if column.role == "unknown" and (column.written.strip() or self._used(sheet, i)):
                self.findings.add(
                    "import.unknown-column",
                    (index, 1, i),
                    cell=f"{sheet.name}!{letter(i)}1",
                    heading=column.base,
                    sheet=sheet.name,
                    nearest=nearest_heading(spec, column.written),
                )
        present = {c.base for c in columns if c.role != "unknown"}
        missing = [h for h in required_headings(spec) if h not in present]
        for heading in missing:
            self.findings.add(
                "import.missing-heading",
                (index, 1, 0),
                cell=f"{sheet.name}!1:1",
                sheet=sheet.name,
                heading=heading,
            )
        return None if missing else columns

    @staticmethod
    def _used(sheet: Sheet, column: int) -> bool:
        return any(len(r) > column and r[column] not in (None, "") for r in sheet.rows[1:])

    # --- rows ---

    def read_rows(self, spec: TableSpec, index: int, sheet: Sheet, columns: list[Column]) -> None:
        reader = RowReader(spec, columns, sheet.typed)
        for number, cells in enumerate(sheet.rows[1:], start=2):
            if all(cell is None or cell == "" for cell in cells):
                continue
            row = _Row(spec, index, sheet.name, number, [])
            self.read_row(row, reader, cells)
            self.rows[spec.name].append(row)

    def read_row(self, row: _Row, reader: RowReader, cells: Sequence[Cell]) -> None:
        spec = row.spec
        groups = reader.groups(cells)
        bad_key = False
        for heading in spec.keys:
            group = groups.pop(heading, None)
            if group is not None and group.value is not None:
                value = reader.key(heading, group, row.issues)
                bad_key = bad_key or not isinstance(value, (str, int, float))
                row.keys[heading] = value
        row.position = reader.number(groups.pop(POSITION, None), row.issues)
        code = ""
        if spec.has_type:
            found = reader.type_code(groups.pop(TYPE, None), row.issues)
            if found is None:
                row.issues.append(reader.not_read(TYPE, None, ("type",)))
                return
            code = found
        shape = spec.shapes[code]
        known = set(shape_headings(shape))
        for heading in [h for h in groups if h not in known]:
            group = groups.pop(heading)
            self.keep_cells(row, reader, heading, group)
        row.context = self.context(row, bad_key)
        row.decoded = reader.node(shape, groups, row.issues, context=row.context)

    def keep_cells(self, row: _Row, reader: RowReader, heading: str, group: Any) -> None:
        for cell in (group.value, group.json, *group.languages.values()):
            if cell is None:
                continue
            column = reader.columns[cell[0]]
            row.extras[column.written.strip() or letter(column.index)] = json_cell(cell[1])
            if column.role != "unknown":  # a column of another kind of assessment
                params = {"heading": column.written, "sheet": row.name, "nearest": ""}
                row.issues.append(Issue(Problem("import.unknown-column", params), column.index))

    def context(self, row: _Row, bad_key: bool) -> Context | None:
        filled = frozenset(row.keys)
        for context in row.spec.contexts:
            if context.key_headings == filled:
                return None if bad_key else context
        if row.spec.name != PLAN and not bad_key:
            self.unknown_owner(row, sorted(filled))
        return None

    def unknown_owner(self, row: _Row, headings: Sequence[str]) -> None:
        key = ", ".join(f"{h} {row.keys.get(h)!r}" for h in headings) or "—"
        owner = _owner_word(row.spec, headings)
        params = {"owner": owner, "key": key}
        row.issues.append(Issue(Problem("import.unknown-owner", params), None))

    # --- owners ---

    def place(self, plan: _Row) -> None:
        """Put every row under its owner, in position order."""
        index: dict[tuple[str, tuple[Any, ...]], list[_Row]] = {}
        groups: dict[tuple[str, int, tuple[Any, ...]], list[_Row]] = {}
        for name, rows in self.rows.items():
            for row in rows:
                if row.context is not None and name != PLAN:
                    owner = _owner_identity(row)
                    groups.setdefault((name, id(row.context), owner), []).append(row)
        for (name, _, owner), rows in groups.items():
            spec = TABLES[name]
            rows.sort(key=lambda r: r.order)
            for rank, row in enumerate(rows, start=1):
                own = row.own(rank)
                scope = tuple(c for c in owner if c[0] != name) if spec.keyed else owner
                if own is not None:
                    index.setdefault((name, (*scope, (name, own))), []).append(row)
        for (_, _, owner), rows in groups.items():
            for row in rows:
                self.attach(row, owner, plan, index)

    def attach(self, row: _Row, owner: tuple[Any, ...], plan: _Row, index: Any) -> None:
        assert row.context is not None  # noqa: S101 - only rows with a context are placed
        if row.context.owner == PLAN:
            chosen: _Row | None = plan
        else:
            candidates = [c for c in index.get((row.context.owner, owner), ()) if c is not row]
            chosen = self.choose(row, candidates)
        if chosen is None:
            self.unknown_owner(row, [h for h, _ in row.context.keys])
            return
        row.owner = chosen
        chosen.children.setdefault(row.context.path, []).append(row)

    def choose(self, row: _Row, candidates: list[_Row]) -> _Row | None:
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        before = [c for c in candidates if c.spec is row.spec and c.number < row.number]
        chosen = before[-1] if before else candidates[0]
        assert row.context is not None  # noqa: S101 - placed rows have a context
        params = {
            "owner": _owner_word(row.spec, [row.context.keys[-1][0]]),
            "key": ", ".join(f"{h} {row.keys.get(h)!r}" for h, _ in row.context.keys),
            "chosen": f"{chosen.name}!{chosen.number}:{chosen.number}",
        }
        row.issues.append(Issue(Problem("import.ambiguous-owner", params), None))
        return chosen

    # --- entities ---

    def build(self, row: _Row, where: str) -> Any:
        """The entity of *row*, its children built first; `None` when it cannot be built."""
        row.list_pointer = where.rsplit("/", 1)[0] if where else ""
        if row.decoded is None:
            return None
        row.pointer = where
        lists: dict[tuple[str, ...], tuple[Any, ...]] = {}
        for path, children in row.children.items():
            if not _available(row.decoded, path):
                for child in children:  # meetings without a forum, goals without a vision
                    params = {"owner": path[0], "key": "—"}
                    child.issues.append(Issue(Problem("import.unknown-owner", params), None))
                continue
            lists[path] = self.build_list(children, where)
        entity = self.construct(row, row.decoded, lists, (), self._extras(row))
        if entity is None:
            row.pointer = None
        return entity

    def build_list(self, children: list[_Row], where: str) -> tuple[Any, ...]:
        context = children[0].context
        assert context is not None  # noqa: S101 - attached rows have a context
        built: list[Any] = []
        for child in sorted(children, key=lambda r: r.order):
            entity = self.build(child, where + pointer(*context.pointer, len(built)))
            if entity is not None:
                built.append(entity)
        return tuple(built)

    def _extras(self, row: _Row) -> dict[str, Any]:
        return row.extras if row.spec.name != PLAN else {**row.extras, **self.kept}

    def construct(
        self,
        row: _Row,
        decoded: Decoded,
        lists: Mapping[tuple[str, ...], tuple[Any, ...]],
        path: tuple[str, ...],
        extras: Mapping[str, Any],
    ) -> Any:
        """The entity of *decoded* with its lists; `None` (and an issue) when the model refuses."""
        values = dict(decoded.values)
        for name, _, _ in decoded.node.lists:
            values[name] = lists.get((*path, name), ())
        if extras:
            values["extensions"] = _merged(values.get("extensions", {}), extras)
        for name, sub in decoded.subs.items():
            if sub is not None:
                values[name] = self.construct(row, sub, lists, (*path, name), {})
                if values[name] is None and sub.node.required:
                    return None
        try:
            return decoded.node.cls(**values)
        except InvalidValue as error:
            problem = Problem("import.record-not-read", {"heading": error.field})
            row.issues.append(
                Issue(
                    problem, None, tuple(decoded.node.wire.split("/")) if decoded.node.wire else ()
                )
            )
            return None

    # --- the whole ---

    def read(self) -> Conversion:
        matched = self.match()
        for name, (index, sheet) in matched.items():
            columns = self.columns(TABLES[name], index, sheet)
            if columns is not None:
                self.read_rows(TABLES[name], index, sheet, columns)
        plan_row = self.plan_row()
        plan = None
        if plan_row is not None:
            self.place(plan_row)
            built = self.build(plan_row, "")
            plan = built if isinstance(built, ActionPlan) else None
        self.report_rows()
        return Conversion.of(plan, self.findings.sorted())

    def plan_row(self) -> _Row | None:
        rows = self.rows[PLAN]
        if not rows:
            self.findings.add("import.no-plan", (-1, 0, 0), sheet=PLAN)
            return None
        for extra in rows[1:]:
            self.findings.add(
                "import.several-plans",
                (extra.sheet, extra.number, 0),
                cell=f"{extra.name}!{extra.number}:{extra.number}",
                sheet=extra.name,
            )
        return rows[0]

    def report_rows(self) -> None:
        for rows in self.rows.values():
            for row in rows:
                if _left_out(row):
                    keys = [h for h, _ in row.context.keys] if row.context else []
                    self.unknown_owner(row, keys)
                for issue in row.issues:
                    self.finding(row, issue)

    def finding(self, row: _Row, issue: Issue) -> None:
        if issue.column is None:
            cell = f"{row.name}!{row.number}:{row.number}"
        else:
            cell = f"{row.name}!{letter(issue.column)}{row.number}"
        path = row.pointer + pointer(*issue.tokens) if row.pointer is not None else row.list_pointer
        where = (row.sheet, row.number, -1 if issue.column is None else issue.column)
        self.findings.add(issue.problem.code, where, path, cell=cell, **issue.problem.params)


def _left_out(row: _Row) -> bool:
    """Whether a row that was read is not in the plan, and nothing says why yet."""
    if row.spec.name == PLAN or row.pointer is not None or row.decoded is None:
        return False
    return not any(get_rule(i.problem.code).severity == "error" for i in row.issues)


def _available(decoded: Decoded, path: tuple[str, ...]) -> bool:
    """Whether the single entities on the way to the list at *path* are in the row."""
    node: Decoded | None = decoded
    for name in path[:-1]:
        node = node.subs.get(name) if node is not None else None
    return node is not None


def _owner_identity(row: _Row) -> tuple[Any, ...]:
    assert row.context is not None  # noqa: S101 - placed rows have a context
    return tuple((table, row.keys[heading]) for heading, table in row.context.keys)


def _owner_word(spec: TableSpec, headings: Sequence[str]) -> str:
    tables = {h: t for c in spec.contexts for h, t in c.keys}
    table = tables.get(headings[-1]) if headings else None
    return "plan" if table is None else owner_word(table)


def _merged(extensions: Mapping[str, Any], extras: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(extensions)
    for key, value in extras.items():
        merged[key if key not in merged else f"{key} (spreadsheet)"] = value
    return merged


def read_sheets(sheets: Sequence[Sheet]) -> Conversion:
    """The plan in *sheets*, with the report of what reading them met."""
    return _Reader(sheets).read()
