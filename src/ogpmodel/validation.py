"""`validate`: the complete report on a plan, a document or JSON text; it never raises for bad data."""

import datetime
from typing import Any

from ogpmodel._reading import read, read_text
from ogpmodel.model import ActionPlan
from ogpmodel.report import ValidationReport
from ogpmodel.rules import Profile, check_plan

__all__ = ["validate"]


def __dir__() -> list[str]:
    return sorted(__all__)


def validate(
    plan_or_document: ActionPlan | dict[str, Any] | str | bytes,
    *,
    as_of: datetime.date | None = None,
    profile: Profile | str | None = None,
) -> ValidationReport:
    """
    Check a plan against every rule of the catalogue and return the complete report.

    Args:
        plan_or_document: An `ActionPlan`, an OGP JSON document as a `dict`, or JSON text.
            For a document, the ``schema.*`` findings come first; the rules run only on a
            document that could be read.
        as_of: The date deadlines are checked against; without it no ``deadline.*`` rule runs.
        profile: ``"local"``, ``"national"`` or a `Profile`; by default the one of the
            member's ``membership``.

    Returns:
        Every finding, in catalogue order, with the versions that produced them.

    Raises:
        ValueError: *profile* names no built-in profile (a caller's mistake, not bad data).

    >>> from ogpmodel import validate
    >>> validate('{"schema_version": "1.0"').errors[0].code
    'schema.invalid-json'
    """
    if isinstance(plan_or_document, ActionPlan):
        plan: ActionPlan | None = plan_or_document
        report = ValidationReport([])
    elif isinstance(plan_or_document, (str, bytes, bytearray)):
        plan, report = read_text(plan_or_document)
    else:
        plan, report = read(plan_or_document)
    if plan is None:
        return report
    return report.merge(check_plan(plan, as_of=as_of, profile=profile))
