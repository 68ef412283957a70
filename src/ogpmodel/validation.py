"""`validate`: the complete report on a plan, a document or JSON text; it never raises for bad data."""

import bisect
import datetime
import os
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import IO, Any, cast

import attrs

from ogpmodel._document import DEFAULT_LIMITS, Limits
from ogpmodel._fields import REF_TARGETS, references
from ogpmodel._inputs import is_parsed_json, wrong_kind
from ogpmodel._reading import Reading, reading, reading_text
from ogpmodel.model import ActionPlan
from ogpmodel.profiles import Profile, named_profile
from ogpmodel.report import Finding, Severity, ValidationReport
from ogpmodel.rules import check_plan

__all__ = ["validate"]


def __dir__() -> list[str]:
    return sorted(__all__)


def validate(
    plan_or_document: ActionPlan | dict[str, Any] | str | bytes | os.PathLike[str] | IO[Any],
    *,
    as_of: datetime.date | None = None,
    profile: Profile | str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ValidationReport:
    """
    Check a plan against every rule of the catalogue and return the complete report.

    Args:
        plan_or_document: An `ActionPlan`, an OGP JSON document as a `dict` (or any value
            `json.loads` returns), JSON text (a `str` or `bytes`), the path of a JSON file as
            a `pathlib.Path` (a `str` is always JSON text: a file name given as one gets a
            finding that says so), or an open file. For a document with errors, the
            ``schema.*`` findings come first, then the findings of the rules on every part of
            the document that could be read, and a ``schema.unchecked`` info that lists the
            parts they could not check.
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
        TypeError: *plan_or_document* is of none of these kinds (the message says which
            reader takes it, if one does).

    >>> from ogpmodel import validate
    >>> validate('{"schema_version": "1.0"').errors[0].code
    'schema.invalid-json'
    """
    if profile is not None and not isinstance(profile, Profile):
        named_profile(profile)  # a caller's mistake is refused before any document is read
    if isinstance(plan_or_document, ActionPlan):
        return ValidationReport(list(check_plan(plan_or_document, as_of=as_of, profile=profile)))
    given: object = plan_or_document  # checked at run time: callers may pass anything
    if isinstance(given, os.PathLike):
        with open(given, "rb") as handle:  # bytes: decoded as `load` decodes them
            result = reading_text(handle.read(), limits, partial=True)
    elif callable(getattr(given, "read", None)):
        result = reading_text(_text(cast("IO[Any]", given).read()), limits, partial=True)
    elif isinstance(given, (str, bytes, bytearray)):
        result = reading_text(given, limits, partial=True)
    elif is_parsed_json(given):
        result = reading(given, limits, partial=True)
    else:
        raise wrong_kind("plan_or_document", _KINDS, given)
    if result.plan is not None:
        return result.report.merge(check_plan(result.plan, as_of=as_of, profile=profile))
    return result.report.merge(_partial_findings(result, as_of=as_of, profile=profile))


_KINDS = "an ActionPlan, parsed JSON, JSON text or bytes, a pathlib.Path or an open file"


def _text(value: object) -> str | bytes | bytearray:
    """What an open file gave: its text or bytes."""
    if not isinstance(value, (str, bytes, bytearray)):
        raise wrong_kind("plan_or_document.read()", "str or bytes", value)
    return value


def _inside(path: str, parts: AbstractSet[str]) -> bool:
    """Whether *path* is one of *parts* or lies inside one (one look-up per level of *path*)."""
    if path in parts:
        return True
    end = path.find("/")
    while end != -1:  # each part of *path* that ends before a "/": "", "/a", "/a/b", …
        if path[:end] in parts:
            return True
        end = path.find("/", end + 1)
    return False


def _holds(path: str, paths: Sequence[str]) -> bool:
    """Whether one of *paths* (sorted) is *path* or lies inside it."""
    inner = path + "/"
    at = bisect.bisect_left(paths, path)
    if at < len(paths) and paths[at] == path:
        return True
    at = bisect.bisect_left(paths, inner, at)  # the paths inside *path* follow it, in a row
    return at < len(paths) and paths[at].startswith(inner)


def _naming(plan: ActionPlan, ids: frozenset[str]) -> list[str]:
    """The paths in *plan* of the fields that name an entity of one of *ids*, sorted."""
    return sorted(
        path for target in REF_TARGETS for path, ref in references(plan, target) if ref in ids
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
        # A finding about a part that names an entity of a part with errors (an unknown id, a
        # forum "without" a member of civil society) rests on what could not be read: left out.
        owners = {path.rsplit("/", 1)[0] for path in checked.dropped}
        dropped = frozenset(checked.dropped)
        naming: list[str] | None = None if checked.dropped_ids else []
        for finding in check_plan(result.partial, as_of=as_of, profile=profile):
            if finding.path:
                if naming is None:  # found once, for the first finding with a path
                    naming = _naming(result.partial, checked.dropped_ids)
                if _holds(finding.path, naming):
                    continue
            path = checked.original_path(finding.path)
            if path in owners or _inside(path, dropped):
                continue
            yield finding if path == finding.path else attrs.evolve(finding, path=path)
    unread = ("",) if result.partial is None else checked.dropped
    if unread:
        shown = [p or "/" for p in unread[:10]]
        if len(unread) > 10:
            shown.append(f"… ({len(unread) - 10} more)")
        yield Finding("schema.unchecked", Severity.INFO, "", {"count": len(unread), "paths": shown})
