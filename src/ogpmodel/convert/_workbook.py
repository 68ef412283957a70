"""
Workbooks with openpyxl: the plan's tables as sheets with headings, notes and drop-downs.

Only `ogpmodel.convert.spreadsheet` imports this module, when a workbook is read or written, so
that openpyxl (the ``xlsx`` extra) is needed only then.

A cell holds any string: what XML cannot hold (control characters, a lone surrogate, U+FFFE,
U+FFFF, and a carriage return, which XML turns into a line feed) is written ``_xHHHH_``, as
Excel writes it, and a ``_x`` that would read as such an escape is itself escaped. A string is
always a string cell, never a formula, even when it starts with ``=``.
"""

import os
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ogpmodel._fields import Bool, Code, Country, Kind, ListOf, OpenCode, Percent, Ref, State
from ogpmodel.codelists import (
    CODELISTS,
    COUNTRIES,
    OPEN_CODELISTS,
    AssessmentType,
    CommitmentStatus,
    Language,
    MilestoneStatus,
    PlanStatus,
    codelist_name,
)
from ogpmodel.convert._assemble import Sheet
from ogpmodel.convert._cells import Cell
from ogpmodel.convert._instructions import (
    CHOOSE,
    CODELISTS_TITLE,
    COLUMNS_HEADINGS,
    INSTRUCTIONS,
    TITLE,
    column_rows,
    describe_column,
)
from ogpmodel.convert._layout import TABLES, TYPE, TableSpec, leaves, markers
from ogpmodel.convert._tables import Table
from ogpmodel.convert._words import heading, sheet_name

__all__ = ["read_workbook", "write_workbook"]

_ILLEGAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\r\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)"
)
_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")


def escape(text: str) -> str:
    """*text* as a cell holds it (``_xHHHH_`` for what XML cannot hold)."""
    return _ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def unescape(text: str) -> str:
    """The text of a cell, its ``_xHHHH_`` escapes read."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


# --- drop-downs -----------------------------------------------------------------------------------

#: Every lifecycle state: the codes of the ``from`` and ``to`` columns of the history.
_STATES = tuple(
    dict.fromkeys(s.value for e in (PlanStatus, CommitmentStatus, MilestoneStatus) for s in e)
)
#: The table and column of the ids a reference names.
_TARGETS = {"stakeholder": "stakeholders", "commitment": "commitments", "goal": "goals"}
#: The table whose ids a key column names.
_KEYS = {
    "commitment_id": "commitments",
    "milestone_id": "milestones",
    "parent_id": "milestones",
    "stakeholder_id": "stakeholders",
}
_ROWS = 2000  # the rows a drop-down of ids looks at


def _codes(name: str, lang: Language) -> list[tuple[str, str]]:
    """The codes of list *name* with their titles in *lang*."""
    if name == "country":
        return [(code, info.title(lang)) for code, info in COUNTRIES.items()]
    if name == "lifecycle-state":
        return [(code, "") for code in _STATES]
    if name in OPEN_CODELISTS:
        return [(code, info.title(lang)) for code, info in OPEN_CODELISTS[name].codes.items()]
    return [(m.value, m.label(lang)) for m in CODELISTS[name]]


def _list_of(kind: Kind) -> tuple[str, bool] | None:
    """The codelist of a column of *kind*, and whether only its codes are allowed."""
    item = kind.item if isinstance(kind, ListOf) else kind
    strict = not isinstance(kind, ListOf)
    if isinstance(item, OpenCode):
        return item.codelist, False
    if isinstance(item, Code):
        return codelist_name(item.enum), strict  # type: ignore[arg-type]
    if isinstance(item, State):
        return "lifecycle-state", strict
    if isinstance(item, Country):
        return "country", strict
    return None


def _kinds(spec: TableSpec) -> dict[str, Kind]:
    return {leaf.heading: leaf.kind for shape in spec.shapes.values() for leaf in leaves(shape)}


def _is_text(spec: TableSpec, name: str) -> bool:
    """Whether a column holds text (not a number, a position or a yes or no)."""
    if name == "position" or name.endswith("_position") or name in _markers(spec):
        return False
    return not isinstance(_kinds(spec).get(name), (Percent, Bool))


def _markers(spec: TableSpec) -> set[str]:
    return {node.heading for shape in spec.shapes.values() for node in markers(shape)}


class _Writer:
    """Writes the sheets of one workbook in one language."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.book = Workbook()
        self.lists: dict[str, str] = {}  # codelist name → its range on the codelists sheet
        self.id_columns: dict[str, str] = {}  # table → the range of its ids
        active = self.book.active
        assert isinstance(active, Worksheet)  # noqa: S101 - a new workbook has one sheet
        self.instructions: Worksheet = active
        self.instructions.title = sheet_name("instructions", lang)
        self.codelists = self.book.create_sheet(sheet_name("codelists", lang))

    def write(self, tables: Mapping[str, Table]) -> Workbook:
        for table in tables.values():
            sheet = self.book.create_sheet(
                sheet_name(table.name, self.lang), len(self.book.sheetnames) - 1
            )
            self.table(sheet, table)
        for table in tables.values():
            self.drop_downs(self.book[sheet_name(table.name, self.lang)], table)
        self.book.move_sheet(self.codelists, len(self.book.sheetnames))
        self.write_instructions()
        self.book.active = 1
        return self.book

    def table(self, sheet: Worksheet, table: Table) -> None:
        spec = TABLES[table.name]
        notes = {
            info.heading: describe_column(info, self.lang) for info in column_rows(spec, self.lang)
        }
        sheet.append([escape(heading(h, self.lang)) for h in table.headings])
        bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
        for index, name in enumerate(table.headings, start=1):
            cell = sheet.cell(1, index)
            cell.font, cell.fill = bold, fill
            base = name if name in notes else name.rsplit("/", 1)[0]
            if base in notes:
                cell.comment = Comment(notes[base], "ogpmodel", width=320, height=120)
            dimension = sheet.column_dimensions[get_column_letter(index)]
            dimension.width = min(max(len(str(cell.value)) + 2, 10), 48)
            if _is_text(spec, name):
                dimension.number_format = "@"  # what is typed stays text: 2024-08 is no day
        for row in table.rows:
            self.row(sheet, row)
        sheet.freeze_panes = "A2"
        if "id" in table.headings:
            column = get_column_letter(table.headings.index("id") + 1)
            title = sheet_name(table.name, self.lang)
            self.id_columns[table.name] = f"'{title}'!${column}$2:${column}${_ROWS}"

    def row(self, sheet: Worksheet, row: Sequence[Cell]) -> None:
        values = [escape(c) if isinstance(c, str) else c for c in row]
        sheet.append(values)
        number = sheet.max_row
        for index, value in enumerate(values, start=1):
            if isinstance(value, str):
                cell = sheet.cell(number, index)
                cell.data_type = "s"  # never a formula
                cell.number_format = "@"

    def drop_downs(self, sheet: Worksheet, table: Table) -> None:
        kinds = _kinds(TABLES[table.name])
        for index, name in enumerate(table.headings, start=1):
            found = self.validation(table.name, name, kinds.get(name))
            if found is None:
                continue
            formula, strict = found
            check = DataValidation(
                type="list", formula1=formula, allow_blank=True, showErrorMessage=strict
            )
            check.errorTitle, check.error = (texts.text(self.lang) for texts in CHOOSE)
            column = get_column_letter(index)
            check.add(f"{column}2:{column}1048576")
            sheet.add_data_validation(check)

    def validation(self, table: str, name: str, kind: Kind | None) -> tuple[str, bool] | None:
        """The drop-down of a column: a range of codes or of ids, and whether it is strict."""
        if name == TYPE and TABLES[table].has_type:
            return self.codelist(codelist_name(AssessmentType)), True
        if name in _KEYS and name in TABLES[table].keys:
            return self._ids(_KEYS[name])
        if kind is None:
            return None
        item = kind.item if isinstance(kind, ListOf) else kind
        if isinstance(item, Ref) and item.target in _TARGETS:
            return self._ids(_TARGETS[item.target])
        found = _list_of(kind)
        return None if found is None else (self.codelist(found[0]), found[1])

    def _ids(self, table: str) -> tuple[str, bool] | None:
        column = self.id_columns.get(table)
        return None if column is None else (column, False)

    def codelist(self, name: str) -> str:
        """The range of list *name* on the codelists sheet (written when first needed)."""
        if name not in self.lists:
            codes = _codes(name, self.lang)
            column = 2 * len(self.lists) + 1
            self.codelists.cell(1, column, name).font = Font(bold=True)
            self.codelists.cell(
                1, column + 1, f"{name} ({CODELISTS_TITLE.text(self.lang)})"
            ).font = Font(bold=True)
            for number, (code, title) in enumerate(codes, start=2):
                self.codelists.cell(number, column, code)
                self.codelists.cell(number, column + 1, title)
            letter = get_column_letter(column)
            title = self.codelists.title
            self.lists[name] = f"'{title}'!${letter}$2:${letter}${len(codes) + 1}"
            self.codelists.column_dimensions[letter].width = 24
        return self.lists[name]

    def write_instructions(self) -> None:
        sheet, lang = self.instructions, self.lang
        sheet.column_dimensions["A"].width = 22
        sheet.column_dimensions["B"].width = 34
        sheet.column_dimensions["C"].width = 40
        sheet.column_dimensions["D"].width = 12
        sheet.column_dimensions["E"].width = 60
        sheet.cell(1, 1, TITLE.text(lang)).font = Font(bold=True, size=14)
        for number, paragraph in enumerate((texts.text(lang) for texts in INSTRUCTIONS), start=3):
            sheet.cell(number, 1, paragraph).alignment = Alignment(wrap_text=True, vertical="top")
            sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=5)
            sheet.row_dimensions[number].height = 48
        top = len(INSTRUCTIONS) + 4
        for column, text in enumerate((texts.text(lang) for texts in COLUMNS_HEADINGS), start=1):
            sheet.cell(top, column, text).font = Font(bold=True)
        yes = "yes" if lang == "en" else "sí"
        number = top + 1
        for spec in TABLES.values():
            for info in column_rows(spec, lang):
                sheet.append(
                    [
                        sheet_name(spec.name, lang),
                        heading(info.heading, lang),
                        info.holds,
                        yes if info.required else "",
                        info.description,
                    ]
                )
                number += 1


def write_workbook(
    tables: Mapping[str, Table], target: str | os.PathLike[str], lang: Language
) -> None:
    """Write *tables* as a workbook at *target* (atomically: a complete file or none)."""
    book = _Writer(lang).write(tables)
    path = os.fspath(target)
    partial = f"{path}.partial"
    try:
        book.save(partial)
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)


def _cell(value: Any) -> Cell:
    if isinstance(value, str):
        return unescape(value)
    return value  # type: ignore[no-any-return]


def _rows(sheet: Any) -> Iterator[list[Cell]]:
    for row in sheet.iter_rows(values_only=True):
        yield [_cell(value) for value in row]


def read_workbook(source: str | os.PathLike[str]) -> list[Sheet]:
    """
    The sheets of the workbook at *source*, as rows of typed cells (formulas as their values).

    Raises:
        OSError: The file cannot be read.
        Exception: It is not a workbook (openpyxl's own errors, a `zipfile.BadZipFile`, …).
    """
    book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    try:
        sheets = []
        for sheet in book.worksheets:
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()  # some writers give wrong dimensions: read every row
            sheets.append(Sheet(sheet.title, list(_rows(sheet)), typed=True))
        return sheets
    finally:
        book.close()
