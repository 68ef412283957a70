"""
The one reading pipeline: bytes decoded, JSON parsed strictly, the fast path, the full report.

`loads`, `load`, `iter_load`, `from_dict`, `validate` and the command line all read through
`read_text` (text or bytes) or `read` (parsed data), so that every reader accepts, refuses and
reports a document in the same way.
"""

import sys
from collections.abc import Iterator
from typing import Any

import attrs

from ogpmodel._document import DEFAULT_LIMITS, Checked, Limits, check, within_limits
from ogpmodel._fast import Memo, build_plan, deepest, memo_readers
from ogpmodel._inputs import file_name_hint
from ogpmodel._parsing import JSONProblem, decode, parse
from ogpmodel._resources import SCHEMA_VERSION
from ogpmodel._versions import upgrade
from ogpmodel.errors import InvalidValue
from ogpmodel.model import ActionPlan
from ogpmodel.report import Finding, Severity, ValidationReport, pointer

if sys.version_info < (3, 11):  # pragma: no cover - cattrs depends on the backport there
    from exceptiongroup import BaseExceptionGroup

# The cattrs converter (`ogpmodel._converter`) is imported only where the fast path gives up:
# most programs never need it, and it takes a tenth of the import of ogpmodel.

__all__ = ["Reading", "read", "read_text", "reading", "reading_text"]


def __dir__() -> list[str]:
    return sorted(__all__)


def _cattrs_findings(error: BaseException, tokens: tuple[str | int, ...] = ()) -> Iterator[Finding]:
    """Findings from a cattrs error tree (used only for what the schema cannot see)."""
    from ogpmodel._converter import WIRE_NAMES

    if isinstance(error, BaseExceptionGroup):
        for sub in error.exceptions:
            step: tuple[str | int, ...] = ()
            for note in getattr(sub, "__notes__", ()):
                name = getattr(note, "name", None)
                index = getattr(note, "index", None)
                if isinstance(name, str):
                    step = (WIRE_NAMES.get(name, name),)
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


def _converter_findings(data: Any) -> list[Finding]:
    """Where the detailed converter fails on *data* (which the check found no problem in)."""
    from ogpmodel._converter import structure_plan

    try:
        structure_plan(data, detailed=True)
    except Exception as error:
        return list(_cattrs_findings(error))
    return []


@attrs.frozen
class Reading:
    """
    What reading a document gave.

    Attributes:
        plan: The plan, or `None` when the document has errors.
        report: Every problem of the document (empty when *plan* was read).
        partial: When the document has errors, the plan of its readable part (the fields and
            list items without errors), for the rules; `None` when not even that could be read.
        checked: The check of a document with errors (where each part of *partial* was).
    """

    plan: ActionPlan | None
    report: ValidationReport
    partial: ActionPlan | None = None
    checked: Checked | None = None


def _current(readable: dict[str, Any]) -> dict[str, Any]:
    """The readable part of a document, in the current version (it may lack a version)."""
    if readable.get("schema_version", SCHEMA_VERSION) == SCHEMA_VERSION:
        return readable
    return upgrade(readable)


def _structure(document: dict[str, Any]) -> ActionPlan:
    """The plan of a document of the current version: the fast path, else the converter."""
    plan = build_plan(document)
    if plan is not None:
        return plan
    from ogpmodel._converter import structure_plan

    return structure_plan(document)


def _structure_readable(document: dict[str, Any], read: Memo) -> ActionPlan:
    """The plan of the readable part of a document, with the objects the check read."""
    if any(read):  # the check read objects of the document: they need not be read again
        try:
            plan: ActionPlan = memo_readers()[ActionPlan, None](document, read)
        except Exception:  # noqa: S110 - the readers below say what it is
            pass
        else:
            return plan
    return _structure(document)


def reading(
    data: Any, limits: Limits = DEFAULT_LIMITS, *, partial: bool = False, size: int | None = None
) -> Reading:
    """
    Read parsed OGP JSON data, never raising for bad data.

    The fast path (`ogpmodel._fast`) reads a document of the current version directly,
    stopping at the first problem; only when that fails, or for a document of an earlier
    version, is the document checked in full (`ogpmodel._document.check`, against the version
    it names), for every problem and, with *partial*, the plan of its readable part (for the
    rules). A document of an earlier version is then upgraded (`ogpmodel.upgrade`) and read.
    """
    failed = False
    if (
        isinstance(data, dict)
        and data.get("schema_version") == SCHEMA_VERSION
        and within_limits(data, limits, size=size, deepest=deepest())
    ):
        plan = build_plan(data)
        if plan is not None:
            return Reading(plan, ValidationReport([]))
        failed = True
    # Where the fast path refused the document, the check reads with it what it can.
    checked = check(data, limits, fast=failed)
    findings = list(checked.findings)
    if not findings and not failed:  # a valid document of an earlier version
        try:
            return Reading(_structure(upgrade(data)), ValidationReport([]))
        except Exception:
            failed = True
    if not findings and failed:  # the check and the fast path disagree: ask the converter
        from ogpmodel._converter import structure_plan

        try:
            return Reading(structure_plan(data), ValidationReport([]))
        except Exception:
            findings = _converter_findings(data)
    readable = None
    if partial and checked.readable is not None:
        try:
            readable = _structure_readable(_current(checked.readable), checked.read)
        except Exception:
            readable = None
    # The document's dicts are not needed any more: let them go before the rules run.
    checked = attrs.evolve(checked, readable=None, read=[])
    return Reading(None, ValidationReport(findings), readable, checked)


def read(data: Any, limits: Limits = DEFAULT_LIMITS) -> tuple[ActionPlan | None, ValidationReport]:
    """
    Read OGP JSON data (a parsed document) into a plan, never raising for bad data.

    Returns:
        The plan (`None` when it could not be read) and the report of the document layer:
        empty when the plan was read, else every ``schema.*`` (and ``limits.*``) finding.
    """
    result = reading(data, limits)
    return result.plan, result.report


def reading_text(
    text: str | bytes | bytearray, limits: Limits = DEFAULT_LIMITS, *, partial: bool = False
) -> Reading:
    """Read OGP JSON text or bytes (see `reading`)."""
    if len(text) > limits.max_bytes:
        params = {"size": len(text), "limit": limits.max_bytes}
        return Reading(
            None, ValidationReport([Finding("limits.document-size", Severity.ERROR, "", params)])
        )
    try:
        source = decode(text) if isinstance(text, (bytes, bytearray)) else text
        data = parse(source, limits.max_depth)
    except JSONProblem as problem:
        return Reading(None, ValidationReport([_with_hint(problem.finding, text)]))
    return reading(data, limits, partial=partial, size=len(text))


def _with_hint(finding: Finding, text: str | bytes | bytearray) -> Finding:
    """An invalid-JSON finding of *text*, saying what to pass when *text* is a file name."""
    found = file_name_hint(text)
    if not found or finding.code != "schema.invalid-json":
        return finding
    return attrs.evolve(
        finding, params={**finding.params, "reason": f"{finding.params['reason']}; {found}"}
    )


def read_text(
    text: str | bytes | bytearray, limits: Limits = DEFAULT_LIMITS
) -> tuple[ActionPlan | None, ValidationReport]:
    """Read OGP JSON text or bytes into a plan, never raising for bad data (see `read`)."""
    result = reading_text(text, limits)
    return result.plan, result.report
