"""The result of a conversion: the plan, and what the converter met in the source."""

from collections.abc import Iterable

import attrs

from ogpmodel.model import ActionPlan
from ogpmodel.report import Finding, ValidationReport

__all__ = ["Conversion"]


@attrs.frozen
class Conversion:
    """
    A plan read from a source, with the report of its conversion.

    Attributes:
        plan: The plan (`None` when the source could not be read at all).
        report: The ``import.*`` findings, in source order: each names its record, and the
            cell or line where there is one. Run `ogpmodel.validate` on the plan for the rules.
    """

    plan: ActionPlan | None
    report: ValidationReport

    @classmethod
    def of(cls, plan: ActionPlan | None, findings: Iterable[Finding]) -> "Conversion":
        """A conversion of *plan* with *findings*."""
        return cls(plan, ValidationReport(list(findings)))
