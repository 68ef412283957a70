"""
Plan → tables → plan is lossless, through workbooks, CSV folders and the tables themselves.

For every plan the strategies generate, the tables read back into the same plan with an empty
report; through a workbook and a CSV folder too. A plan the model accepts but the rules do not
(ids repeated, …) reads back the same, or the report says which row's owner was ambiguous:
never a silent difference. A SQLite database holds one row per entity of each table.
"""

import datetime
import pathlib
import sqlite3
import tempfile
from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ogpmodel import ActionPlan, EndOfCommitmentReport, InceptionReport
from ogpmodel.convert import sqlite
from ogpmodel.convert._assemble import Sheet, read_sheets
from ogpmodel.convert._tables import to_tables
from ogpmodel.convert.spreadsheet import read_csv, read_xlsx, write_csv, write_xlsx
from ogpmodel.report import format_finding
from ogpmodel.strategies import action_plans

#: Workbooks take a tenth of a second each.
SLOW = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def sheets_of(plan: ActionPlan, *, typed: bool) -> list[Sheet]:
    """The plan's tables as sheets; untyped, every cell as the text a CSV file holds."""
    sheets = []
    for table in to_tables(plan).values():
        rows: list[Any] = [table.headings, *table.rows]
        if not typed:
            rows = [table.headings, *([csv_text(c) for c in row] for row in table.rows)]
        sheets.append(Sheet(table.name, rows, typed))
    return sheets


def csv_text(cell: Any) -> str | None:
    if cell is None:
        return None
    if isinstance(cell, bool):
        return "true" if cell else "false"
    return repr(cell) if isinstance(cell, float) else str(cell)


def findings(conversion: Any) -> list[str]:
    return [format_finding(f) for f in conversion.report.findings]


@given(action_plans())
def test_tables_round_trip(plan: ActionPlan) -> None:
    """With typed cells (a workbook's) and with text cells (a CSV file's)."""
    for typed in (True, False):
        conversion = read_sheets(sheets_of(plan, typed=typed))
        assert findings(conversion) == []
        assert conversion.plan == plan


@settings(max_examples=50, deadline=None)
@given(action_plans(valid=False))
def test_loose_plans_read_back_or_say_why(plan: ActionPlan) -> None:
    """Repeated ids may leave a row's owner ambiguous: the report says so, and nothing else."""
    conversion = read_sheets(sheets_of(plan, typed=True))
    codes = {f.code for f in conversion.report.findings}
    assert codes <= {"import.ambiguous-owner"}
    assert conversion.plan == plan or codes == {"import.ambiguous-owner"}


@SLOW
@given(action_plans())
def test_workbook_round_trip(plan: ActionPlan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "plan.xlsx"
        write_xlsx([plan], path)
        conversion = read_xlsx(path)
    assert findings(conversion) == []
    assert conversion.plan == plan


@settings(max_examples=15, deadline=None)
@given(action_plans())
def test_csv_round_trip(plan: ActionPlan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write_csv([plan], folder)
        conversion = read_csv(folder)
    assert findings(conversion) == []
    assert conversion.plan == plan


_CELLS = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.integers(-5, 3000),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(),
    st.datetimes(min_value=datetime.datetime(1990, 1, 1)),
    st.sampled_from(
        ["planned", "1", '["a"]', '{"a": 1}', "TRUE", "2024-02-30", "a, b", "[", "x/json"]
    ),
)
#: Edits of cells: (sheet, row, column, new value); row 0 holds the headings.
_EDITS = st.lists(
    st.tuples(st.integers(0, 20), st.integers(0, 30), st.integers(0, 40), _CELLS), max_size=12
)


def _edited(plan: ActionPlan, edits: list[tuple[int, int, int, Any]], typed: bool) -> list[Sheet]:
    tables = list(to_tables(plan).values())
    grids: list[list[list[Any]]] = [[list(t.headings), *map(list, t.rows)] for t in tables]
    for sheet, row, column, value in edits:
        grid = grids[sheet % len(grids)]
        while len(grid) <= row % (len(grid) + 1):
            grid.append([])
        cells = grid[row % len(grid)]
        cells.extend([None] * (column + 1 - len(cells)))
        cells[column] = value
    if not typed:
        grids = [[[csv_text(c) for c in row] for row in grid] for grid in grids]
    return [Sheet(t.name, grid, typed) for t, grid in zip(tables, grids, strict=True)]


@settings(max_examples=60, deadline=None)
@given(action_plans(valid=False), _EDITS, st.booleans())
def test_edited_sheets_are_reported_never_raised(
    plan: ActionPlan, edits: list[tuple[int, int, int, Any]], typed: bool
) -> None:
    """Whatever a user types in any cell, reading reports it; each finding names where."""
    conversion = read_sheets(_edited(plan, edits, typed))
    for finding in conversion.report.findings:
        assert {"cell", "sheet"} & set(finding.params), finding
        finding.render("es")


def _links(plan: ActionPlan) -> Iterator[object]:
    yield from plan.links
    for commitment in plan.commitments:
        yield from commitment.links
        for report in commitment.progress:
            yield from report.evidence
        for milestone in commitment.iter_milestones():
            yield from milestone.links
            for report in milestone.progress:
                yield from report.evidence
    for assessment in plan.assessments:
        if isinstance(assessment, EndOfCommitmentReport):
            yield from assessment.evidence


def expected_rows(plan: ActionPlan) -> dict[str, int]:
    """How many rows each table holds, counted from the plan itself."""
    milestones = [m for _, m in plan.iter_milestones()]
    return {
        "plans": 1,
        "stakeholders": len(plan.stakeholders),
        "commitments": len(plan.commitments),
        "milestones": len(milestones),
        "progress": sum(len(c.progress) for c in plan.commitments)
        + sum(len(m.progress) for m in milestones),
        "history": len(plan.history)
        + sum(len(c.history) for c in plan.commitments)
        + sum(len(m.history) for m in milestones),
        "assessments": len(plan.assessments),
        "commitment_designs": sum(
            len(a.commitments) for a in plan.assessments if isinstance(a, InceptionReport)
        ),
        "links": sum(1 for _ in _links(plan)),
        "goals": len(plan.strategic_vision.goals) if plan.strategic_vision else 0,
        "meetings": len(plan.forum.meetings) if plan.forum else 0,
        "endorsements": len(plan.endorsements),
        "identifiers": sum(len(s.identifiers) for s in plan.stakeholders),
        "other_names": sum(len(s.other_names) for s in plan.stakeholders),
    }


@settings(max_examples=15, deadline=None)
@given(action_plans())
def test_sqlite_rows(plan: ActionPlan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "plans.db"
        sqlite.write([plan], path)
        database = sqlite3.connect(path)
        try:
            counts = {
                name: database.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # noqa: S608
                for name in expected_rows(plan)
            }
            dangling = database.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            database.close()
    assert counts == expected_rows(plan)
    assert dangling == []
