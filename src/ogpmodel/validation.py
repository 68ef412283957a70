"""`validate`: the complete report on a plan, a document or JSON text; it never raises for bad data."""

import datetime
import os
import re
from collections.abc import Iterator
from typing import Any

import attrs

from ogpmodel._document import DEFAULT_LIMITS, Limits
from ogpmodel._reading import Reading, reading, reading_text
from ogpmodel.model import ActionPlan
from ogpmodel.profiles import Profile, named_profile
from ogpmodel.report import Finding, Severity, ValidationReport
from ogpmodel.rules import check_plan

__all__ = ["validate"]


def __dir__() -> list[str]:
    return sorted(__all__)


#: Text that is a file name, not JSON (``plan.json``, ``data/plan.jsonl``, ``C:\\plans\\x.json``).
_FILE_NAME = re.compile(r"[^\s{}\[\]\"]+\.(json|jsonl|ndjson)", re.IGNORECASE)


def _hint_file_name(text: str | bytes | bytearray, result: Reading) -> Reading:
    """A file name given as JSON text: the invalid-JSON finding says what to pass instead."""
    if not isinstance(text, str) or _FILE_NAME.fullmatch(text.strip()) is None:
        return result
    findings = [
        attrs.evolve(
            f,
            params={
                **f.params,
                "reason": f"{f.params['reason']}; {text.strip()!r} looks like a file name: pass"
                f" pathlib.Path({text.strip()!r}) to read the file",
            },
        )
        if f.code == "schema.invalid-json"
        else f
        for f in result.report.findings
    ]
    return attrs.evolve(result, report=ValidationReport(findings))


def validate(
    plan_or_document: ActionPlan | dict[str, Any] | str | bytes | os.PathLike[str],
    *,
    as_of: datetime.date | None = None,
    profile: Profile | str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ValidationReport:
    """
    Check a plan against every rule of the catalogue and return the complete report.

    Args:
        plan_or_document: An `ActionPlan`, an OGP JSON document as a `dict`, JSON text (a
            `str` or `bytes`), or the path of a JSON file as a `pathlib.Path` (a `str` is
            always JSON text). For a document with errors, the ``schema.*`` findings come first, then the
            findings of the rules on every part of the document that could be read, and a
            ``schema.unchecked`` info that lists the parts they could not check.
        as_of: The date deadlines are checked against; without it no ``deadline.*`` rule runs.
        profile: ``"local"``, ``"national"`` or a `Profile`; by default the one of the
            member's ``membership``.
        limits: The limits of a document (`ogpmodel.Limits`); beyond them a ``limits.*``
            finding.

    Returns:
        Every finding, in catalogue order, with the versions that produced them.

    Raises:
        ValueError: *profile* names no built-in profile (a caller's mistake, not bad data).
        OSError: *plan_or_document* is a path, and the file cannot be read.

    >>> from ogpmodel import validate
    >>> validate('{"schema_version": "1.0"').errors[0].code
    'schema.invalid-json'
    """
    if profile is not None and not isinstance(profile, Profile):
        named_profile(profile)  # a caller's mistake is refused before any document is read
    if isinstance(plan_or_document, ActionPlan):
        return ValidationReport(list(check_plan(plan_or_document, as_of=as_of, profile=profile)))
    if isinstance(plan_or_document, os.PathLike):
        with open(plan_or_document, "rb") as handle:  # bytes: decoded as `load` decodes them
            result = reading_text(handle.read(), limits, partial=True)
    elif isinstance(plan_or_document, (str, bytes, bytearray)):
        result = _hint_file_name(
            plan_or_document, reading_text(plan_or_document, limits, partial=True)
        )
    else:
        result = reading(plan_or_document, limits, partial=True)
    if result.plan is not None:
        return result.report.merge(check_plan(result.plan, as_of=as_of, profile=profile))
    return result.report.merge(_partial_findings(result, as_of=as_of, profile=profile))


def _inside(path: str, parts: tuple[str, ...]) -> bool:
    """Whether *path* is one of *parts* or lies inside one."""
    return any(path == part or path.startswith(part + "/") for part in parts)


#: The rules whose findings name another entity by id (which may be in a part left unread).
_REFERENCE_CODES = frozenset(
    {"reference.unknown-stakeholder", "reference.unknown-goal", "reference.unknown-commitment"}
)


def _partial_findings(
    result: Reading, *, as_of: datetime.date | None, profile: Profile | str | None
) -> Iterator[Finding]:
    """The rules' findings on the readable part of a document with errors, and what was left."""
    checked = result.checked
    if checked is None:
        return
    if result.partial is not None:
        # A finding about a part with errors, or about its owner (a "missing" field that is
        # there but wrong), would be a false one: the part is listed as unchecked instead.
        owners = {path.rsplit("/", 1)[0] for path in checked.dropped}
        for finding in check_plan(result.partial, as_of=as_of, profile=profile):
            if finding.code in _REFERENCE_CODES and finding.params.get("id") in checked.dropped_ids:
                continue  # the entity it names is in a part with errors, not absent
            path = checked.original_path(finding.path)
            if path in owners or _inside(path, checked.dropped):
                continue
            yield attrs.evolve(finding, path=path)
    unread = ("",) if result.partial is None else checked.dropped
    if unread:
        shown = [p or "/" for p in unread[:10]]
        if len(unread) > 10:
            shown.append(f"… ({len(unread) - 10} more)")
        yield Finding("schema.unchecked", Severity.INFO, "", {"count": len(unread), "paths": shown})
