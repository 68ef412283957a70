"""
The one reading pipeline: bytes decoded, JSON parsed strictly, the fast path, the full report.

`loads`, `load`, `iter_load`, `from_dict`, `validate` and the command line all read through
`read_text` (text or bytes) or `read` (parsed data), so that every reader accepts, refuses and
reports a document in the same way.
"""

import sys
from collections.abc import Iterator
from typing import Any

from ogpmodel import _converter
from ogpmodel._parsing import JSONProblem, decode, invalid_json, parse
from ogpmodel._resources import SCHEMA_VERSION
from ogpmodel._schema.findings import iter_schema_findings, json_type
from ogpmodel.errors import InvalidValue
from ogpmodel.model import ActionPlan
from ogpmodel.report import Finding, Severity, ValidationReport, pointer

if sys.version_info < (3, 11):  # pragma: no cover - cattrs depends on the backport there
    from exceptiongroup import BaseExceptionGroup

__all__ = ["read", "read_text"]


def __dir__() -> list[str]:
    return sorted(__all__)


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
            "schema.type", Severity.ERROR, "", {"expected": "object", "actual": json_type(data)}
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
    try:
        findings = list(iter_schema_findings(data))
    except RecursionError:
        findings = [invalid_json("the document is nested too deeply", "?", "?")]
    if not findings:
        findings = list(_cattrs_findings(failure))
    return None, ValidationReport(findings)


def read_text(text: str | bytes | bytearray) -> tuple[ActionPlan | None, ValidationReport]:
    """Read OGP JSON text or bytes into a plan, never raising for bad data (see `read`)."""
    try:
        data = parse(decode(text) if isinstance(text, (bytes, bytearray)) else text)
    except JSONProblem as problem:
        return None, ValidationReport([problem.finding])
    return read(data)
