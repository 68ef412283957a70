"""
OGP JSON reading and writing, for single documents and JSON Lines corpora.

`loads`, `load`, `dumps`, `dump`, `from_dict` and `to_dict` handle one document;
`iter_load` and `dump_lines` handle JSON Lines.

Reading takes a fast path: the document is structured directly. Only when that fails is the
JSON Schema run to collect *every* problem, which `InvalidDocument` carries in its report.
No other exception escapes `loads` for any input text.
"""

import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ogpmodel import _converter
from ogpmodel._resources import SCHEMA_VERSION
from ogpmodel.errors import InvalidDocument, InvalidValue
from ogpmodel.model import ActionPlan
from ogpmodel.report import Finding, Severity, ValidationReport, pointer

__all__ = [
    "dump",
    "dump_lines",
    "dumps",
    "from_dict",
    "iter_load",
    "load",
    "loads",
    "read",
    "to_dict",
]

if sys.version_info < (3, 11):  # pragma: no cover - cattrs depends on the backport there
    from exceptiongroup import BaseExceptionGroup

#: A file system path or an open text file.
PathOrFile = str | os.PathLike[str] | IO[str]


class _JSONProblem(Exception):
    def __init__(self, finding: Finding) -> None:
        self.finding = finding


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def _invalid_json(reason: str, line: int | str, column: int | str) -> Finding:
    return Finding(
        "schema.invalid-json",
        Severity.ERROR,
        "",
        {"reason": reason, "line": line, "column": column},
    )


def _parse(text: str) -> Any:
    """Parse JSON text strictly: no NaN/Infinity, no duplicate keys."""
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                duplicates.append(key)
            result[key] = value
        return result

    def constant(name: str) -> Any:
        index = text.find(name)
        line, column = _position(text, index) if index >= 0 else ("?", "?")
        raise _JSONProblem(_invalid_json(f"{name} is not a JSON number", line, column))

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as error:
        raise _JSONProblem(_invalid_json(error.msg, error.lineno, error.colno)) from None
    except RecursionError:
        raise _JSONProblem(_invalid_json("the document is nested too deeply", "?", "?")) from None
    if duplicates:
        key = duplicates[0]
        index = text.find(json.dumps(key))
        line, column = _position(text, index) if index >= 0 else ("?", "?")
        raise _JSONProblem(
            _invalid_json(f"the key {key!r} appears twice in one object", line, column)
        )
    return data


def _cattrs_findings(error: BaseException, tokens: tuple[str | int, ...] = ()) -> Iterator[Finding]:
    """Findings from a cattrs error tree (used only for what the schema cannot see)."""
    if isinstance(error, BaseExceptionGroup):
        for sub in error.exceptions:
            step: tuple[str | int, ...] = ()
            for note in getattr(sub, "__notes__", ()):
                name = getattr(note, "name", None)
                index = getattr(note, "index", None)
                if isinstance(name, str):
                    step = (_converter.WIRE_NAMES.get(name, name),)
                elif isinstance(index, int):
                    step = (index,)
            yield from _cattrs_findings(sub, (*tokens, *step))
        return
    if isinstance(error, InvalidValue):
        real_date = error.field.startswith("PartialDate")
        params = {
            "value": str(error.value),
            "expected": "real_date" if real_date else error.expected,
        }
    else:  # not expected to happen: the schema sees everything else; still name the place
        params = {"value": type(error).__name__, "expected": str(error)}
    yield Finding("schema.format", Severity.ERROR, pointer(*tokens), params)


def read(data: Any) -> tuple[ActionPlan | None, ValidationReport]:
    """
    Read OGP JSON data (a parsed document) into a plan, never raising for bad data.

    Returns:
        The plan (`None` when it could not be read) and the report of the document layer:
        empty when the plan was read, else every ``schema.*`` finding.
    """
    if not isinstance(data, dict):
        finding = Finding(
            "schema.type", Severity.ERROR, "", {"expected": "object", "actual": _json_type(data)}
        )
        return None, ValidationReport([finding])
    version = data.get("schema_version")
    if version is not None and version != SCHEMA_VERSION:
        params = {"value": version, "supported": [SCHEMA_VERSION]}
        return None, ValidationReport(
            [Finding("schema.version", Severity.ERROR, "/schema_version", params)]
        )
    try:
        if version is None:
            raise ValueError("schema_version is missing")
        return _converter.structure_plan(data), ValidationReport([])
    except Exception as error:
        failure: BaseException = error
    from ogpmodel.schema import iter_schema_findings

    try:
        findings = list(iter_schema_findings(data))
    except RecursionError:
        findings = [_invalid_json("the document is nested too deeply", "?", "?")]
    if not findings:
        findings = list(_cattrs_findings(failure))
    return None, ValidationReport(findings)


def _json_type(value: Any) -> str:
    from ogpmodel.schema import _json_type as json_type

    return json_type(value)


def from_dict(data: Any) -> ActionPlan:
    """
    Return the plan of an OGP JSON document given as Python data (a `dict`).

    Raises:
        InvalidDocument: The document is not valid OGP JSON; its ``report`` lists every problem.
    """
    plan, report = read(data)
    if plan is None:
        raise InvalidDocument(report)
    return plan


def to_dict(plan: ActionPlan) -> dict[str, Any]:
    """Return *plan* as OGP JSON data: absent fields omitted, ``schema_version`` first."""
    data = _converter.unstructure_plan(plan)
    return {"schema_version": data.pop("schema_version"), **data}


def loads(text: str | bytes | bytearray) -> ActionPlan:
    """
    Return the plan of an OGP JSON document.

    >>> plan = loads('{"schema_version": "1.0", "id": "x", "title": "T", "language": "en",'
    ...   ' "member": {"name": "M", "membership": "local", "country": "CL"}, "period": {},'
    ...   ' "status": "planning", "commitments": []}')
    >>> plan.id
    'x'

    Raises:
        InvalidDocument: The text is not valid OGP JSON; its ``report`` lists every problem,
            each with a ``schema.*`` code and a JSON Pointer (invalid JSON: line and column).
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line, column = _position(
                error.object[: error.start].decode("utf-8", "replace"), error.start
            )
            finding = _invalid_json("the bytes are not UTF-8", line, column)
            raise InvalidDocument(ValidationReport([finding])) from None
    try:
        data = _parse(text)
    except _JSONProblem as problem:
        raise InvalidDocument(ValidationReport([problem.finding])) from None
    return from_dict(data)


def _open(source: PathOrFile, mode: str) -> tuple[IO[str], bool]:
    if isinstance(source, (str, os.PathLike)):
        return open(source, mode, encoding="utf-8"), True
    return source, False


def load(source: PathOrFile) -> ActionPlan:
    """
    Return the plan of the OGP JSON document in a file (a path or an open text file).

    Raises:
        InvalidDocument: The document is not valid OGP JSON.
        OSError: The file cannot be read.
    """
    handle, owned = _open(source, "r")
    try:
        return loads(handle.read())
    finally:
        if owned:
            handle.close()


def dumps(plan: ActionPlan, *, indent: int | None = None) -> str:
    """Return *plan* as OGP JSON text (UTF-8 characters kept, not escaped)."""
    return json.dumps(to_dict(plan), ensure_ascii=False, indent=indent)


def dump(plan: ActionPlan, target: PathOrFile, *, indent: int | None = 2) -> None:
    """Write *plan* as OGP JSON to a path or an open text file (with a final newline)."""
    handle, owned = _open(target, "w")
    try:
        handle.write(dumps(plan, indent=indent) + "\n")
    finally:
        if owned:
            handle.close()


def iter_load(source: PathOrFile) -> Iterator[ActionPlan]:
    """
    Yield the plans of a JSON Lines file, one document per line, reading one line at a time.

    Blank lines are skipped. Memory stays bounded by the largest single plan.

    Raises:
        InvalidDocument: A line is not a valid OGP JSON document; ``.line`` is its number
            (from 1), and the message names it.
    """
    handle, owned = _open(source, "r")
    try:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield loads(line)
            except InvalidDocument as error:
                raise InvalidDocument(error.report, line=number) from None
    finally:
        if owned:
            handle.close()


def dump_lines(plans: Iterable[ActionPlan], target: PathOrFile) -> int:
    """Write *plans* as JSON Lines (one compact document per line); return how many."""
    handle, owned = _open(target, "w")
    count = 0
    try:
        for plan in plans:
            handle.write(dumps(plan) + "\n")
            count += 1
    finally:
        if owned:
            handle.close()
    return count
