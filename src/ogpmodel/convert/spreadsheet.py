"""
Plans as workbooks (XLSX) and as folders of CSV files, for the people who write them, and back.

One sheet (or CSV file) per entity: ``plan`` (one row), ``stakeholders``, ``commitments``,
``milestones`` (with ``commitment_id`` and ``parent_id``), ``progress``, ``history``,
``assessments`` (the three kinds, told apart by ``type``), ``commitment_designs``, ``links``,
``goals``, ``meetings``, ``endorsements``, ``identifiers`` and ``other_names``. The columns come
from the model's field kinds; the round trip plan → workbook → plan is lossless (see
`ogpmodel.convert._tables` for how each kind of value is written).

- `write_xlsx` and `write_template` need openpyxl (``pip install 'ogpmodel[xlsx]'``): a
  workbook has headings with notes, drop-down lists of codes and ids, an ``instructions`` sheet
  and a ``codelists`` sheet, in English or Spanish.
- `write_csv` writes a folder of ``<table>.csv`` files, UTF-8, headings in English.
- `read_xlsx` and `read_csv` return a `Conversion`: the plan and a report in which every
  problem is an ``import.*`` finding naming its cell (``commitments!D7``) and the JSON path of
  the value in the plan. Sheet names and headings are read alike in every language. Run
  `ogpmodel.validate` on the plan for the plan's own problems.

>>> import ogpmodel, tempfile, pathlib
>>> plan = ogpmodel.load("examples/maipu-2023-2024.json")
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "maipu"
>>> write_csv([plan], folder)
>>> read_csv(folder).plan == plan
True
"""

import csv
import io
import os
import pathlib
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from ogpmodel._inputs import json_text_as_path, wrong_kind
from ogpmodel.codelists import Language
from ogpmodel.convert._assemble import Sheet, read_sheets
from ogpmodel.convert._cells import Cell
from ogpmodel.convert._conversion import Conversion
from ogpmodel.convert._layout import TABLES, base_headings
from ogpmodel.convert._registry import MissingExtra
from ogpmodel.convert._tables import Table, to_tables
from ogpmodel.convert._words import table_sheet_names
from ogpmodel.model import ActionPlan
from ogpmodel.report import Finding, Severity

__all__ = ["read_csv", "read_xlsx", "write_csv", "write_template", "write_xlsx"]


def __dir__() -> list[str]:
    return sorted(__all__)


Path = str | os.PathLike[str]


def _workbook() -> ModuleType:
    """The openpyxl side of this module, imported when a workbook is read or written."""
    try:
        from ogpmodel.convert import _workbook
    except ImportError as error:
        if error.name != "openpyxl":
            raise
        msg = "workbooks need openpyxl, which is not installed: pip install 'ogpmodel[xlsx]'"
        raise MissingExtra(msg) from error
    return _workbook


def _one(plans: Sequence[ActionPlan]) -> ActionPlan:
    if len(plans) != 1:
        msg = f"a workbook or a CSV folder holds one plan, and {len(plans)} were given"
        raise ValueError(msg)
    return plans[0]


def _check_path(source: object, takes: str) -> None:
    """Refuse a *source* that is not a path, or that is JSON text rather than a path."""
    if not isinstance(source, (str, os.PathLike)):
        raise wrong_kind("source", takes, source, hints=False)
    error = json_text_as_path("source", source, f"pass {takes}")
    if error is not None:
        raise error


def _unreadable(source: Path, reason: str) -> Conversion:
    params = {"source": os.fspath(source), "reason": reason}
    return Conversion.of(None, [Finding("import.unreadable", Severity.ERROR, "", params)])


def _reason(error: BaseException) -> str:
    if isinstance(error, FileNotFoundError):
        return "there is no such file or folder"
    if isinstance(error, OSError):
        return error.strerror or str(error)
    text = str(error)
    return f"it is not a workbook ({type(error).__name__}{': ' + text if text else ''})"


# --- workbooks ------------------------------------------------------------------------------------


def write_xlsx(plans: Sequence[ActionPlan], target: Path, *, lang: Language = "en") -> None:
    """
    Write the one plan of *plans* as a workbook at *target*, headings and notes in *lang*.

    Raises:
        ValueError: *plans* does not hold exactly one plan.
        MissingExtra: openpyxl is not installed.
        OSError: *target* cannot be written.
    """
    plan = _one(plans)
    _workbook().write_workbook(to_tables(plan), target, lang)


def write_template(target: Path, lang: Language = "en") -> None:
    """
    Write an empty workbook at *target*: instructions, headings and drop-downs in *lang*.

    An official fills it in and converts it with `read_xlsx` (``ogpmodel convert``).

    Raises:
        MissingExtra: openpyxl is not installed.
        OSError: *target* cannot be written.
    """
    tables = {name: Table(name, base_headings(spec), ()) for name, spec in TABLES.items()}
    _workbook().write_workbook(tables, target, lang)


def read_xlsx(source: Path) -> Conversion:
    """
    The plan in the workbook at *source*, with the report of what reading it met.

    A workbook that cannot be read at all gives no plan and an ``import.unreadable`` error.

    Raises:
        MissingExtra: openpyxl is not installed.
        TypeError: *source* is not a path.
    """
    _check_path(source, "the path of a workbook (a str or a pathlib.Path)")
    workbook = _workbook()
    try:
        sheets = workbook.read_workbook(source)
    except Exception as error:  # openpyxl raises many kinds: each is one finding, never a traceback
        return _unreadable(source, _reason(error))
    return read_sheets(sheets)


# --- CSV files ------------------------------------------------------------------------------------


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float):
        return repr(cell)
    return str(cell)


def write_csv(plans: Sequence[ActionPlan], target: Path) -> None:
    """
    Write the one plan of *plans* as a folder *target* of ``<table>.csv`` files (UTF-8).

    The folder is created if need be; each table's file is replaced.

    Raises:
        ValueError: *plans* does not hold exactly one plan.
        OSError: *target* cannot be written.
    """
    plan = _one(plans)
    folder = pathlib.Path(target)
    folder.mkdir(parents=True, exist_ok=True)
    for table in to_tables(plan).values():
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(table.headings)
        writer.writerows([_text(c) for c in row] for row in table.rows)
        path = folder / f"{table.name}.csv"
        partial = path.with_suffix(".csv.partial")
        partial.write_bytes(buffer.getvalue().encode("utf-8"))
        partial.replace(path)


def _dialect(text: str) -> Any:
    """The CSV dialect of *text*: commas, or the semicolons or tabs that some exports use."""
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    return Dialect


def _csv_sheet(path: pathlib.Path) -> Sheet | Finding:
    """The sheet of one CSV file, or the finding that says why it cannot be read."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
        rows = [
            [cell if cell != "" else None for cell in row]
            for row in csv.reader(io.StringIO(text, newline=""), _dialect(text))
        ]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        reason = "it is not UTF-8 text" if isinstance(error, UnicodeDecodeError) else _reason(error)
        params = {"source": path.name, "reason": reason}
        return Finding("import.unreadable", Severity.ERROR, "", params)
    return Sheet(path.stem, rows, typed=False)


def _order(path: pathlib.Path) -> tuple[int, str]:
    names = table_sheet_names()
    stem = path.stem
    position = names.index(stem) % len(TABLES) if stem in names else len(TABLES)
    return (position, stem)


def read_csv(source: Path) -> Conversion:
    """
    The plan in the folder of CSV files at *source*, with the report of what reading it met.

    Each ``<table>.csv`` is a sheet (commas, semicolons or tabs; UTF-8, with or without a
    byte-order mark). A folder that cannot be read gives no plan and an ``import.unreadable``
    error; so does a file that is not UTF-8 text.

    Raises:
        TypeError: *source* is not a path.
    """
    _check_path(source, "the path of a folder (a str or a pathlib.Path)")
    folder = pathlib.Path(source)
    if not folder.is_dir():
        reason = (
            "it is not a folder of CSV files" if folder.exists() else _reason(FileNotFoundError())
        )
        return _unreadable(source, reason)
    read = [_csv_sheet(path) for path in sorted(folder.glob("*.csv"), key=_order)]
    sheets = [r for r in read if isinstance(r, Sheet)]
    problems = [r for r in read if isinstance(r, Finding)]
    conversion = read_sheets(sheets)
    if not problems:
        return conversion
    return Conversion.of(conversion.plan, [*problems, *conversion.report.findings])
