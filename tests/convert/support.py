"""Helpers of the importer tests: the real sources, and what every converted plan must satisfy."""

import pathlib
from collections import Counter

import ogpmodel
from ogpmodel.convert import Conversion
from ogpmodel.model import ActionPlan
from ogpmodel.report import Finding
from ogpmodel.rules import get_rule

ROOT = pathlib.Path(__file__).resolve().parents[2]
#: The real trackers, copied as published (tests/fixtures/sources/SOURCE.md).
SOURCES = ROOT / "tests" / "fixtures" / "sources"
#: Findings of `ogpmodel.validate` that would be a bug of a converter.
STRUCTURAL = ("schema.", "reference.", "id.duplicate", "stakeholder.unnamed")


def codes(conversion: Conversion) -> Counter[str]:
    """How many findings of each code the conversion reported."""
    return Counter(finding.code for finding in conversion.report.findings)


def found(conversion: Conversion, code: str) -> list[Finding]:
    """The conversion's findings of *code*, in order."""
    return [finding for finding in conversion.report.findings if finding.code == code]


def plan_of(conversion: Conversion) -> ActionPlan:
    """The plan of a conversion that has one."""
    assert conversion.plan is not None, conversion.report.findings
    return conversion.plan


def assert_sound(plan: ActionPlan) -> None:
    """The plan round-trips through OGP JSON and validates without a structural finding."""
    assert ogpmodel.loads(ogpmodel.dumps(plan)) == plan
    bad = [f for f in ogpmodel.validate(plan).findings if f.code.startswith(STRUCTURAL)]
    assert [] == bad


def assert_renders(conversion: Conversion) -> None:
    """Every finding has the parameters of its messages, and names its record in both languages."""
    for finding in conversion.report.findings:
        assert get_rule(finding.code).param_names <= set(finding.params), finding
        record = finding.params.get("record", finding.params.get("source"))
        assert record, finding
        for lang in ("en", "es"):
            assert str(record) in finding.render(lang)
