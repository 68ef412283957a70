"""
Findings and validation reports: data first, rendering in one place.

A `Finding` holds a rule code, a severity, a JSON Pointer into the document and the parameters
of its message. Messages are rendered from the catalogue's templates, in any language of
`ogpmodel.codelists.LANGUAGES`, only when asked for; `format_finding` is the one text form of a finding.
"""

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ogpmodel._catalogue import Severity, get_rule, word
from ogpmodel._fields import to_tuple
from ogpmodel._json import freeze, thaw
from ogpmodel._resources import SCHEMA_VERSION
from ogpmodel._translations import check_language
from ogpmodel._version import VERSION
from ogpmodel.codelists import Language
from ogpmodel.errors import InvalidPlan

__all__ = [
    "Finding",
    "Severity",
    "ValidationReport",
    "escape_pointer",
    "format_finding",
    "format_findings",
    "pointer",
]


def __dir__() -> list[str]:
    return sorted(__all__)


def escape_pointer(token: str | int) -> str:
    """Escape one reference token of a JSON Pointer (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str | int) -> str:
    """
    Build a JSON Pointer from reference tokens.

    >>> pointer("commitments", 2, "milestones", 0, "period", "end")
    '/commitments/2/milestones/0/period/end'
    >>> pointer()
    ''
    """
    return "".join("/" + escape_pointer(token) for token in tokens)


@attrs.frozen
class Finding:
    """
    One problem (or remark) about a plan.

    Attributes:
        code: The stable rule code, e.g. ``"period.end-before-start"``.
        severity: `Severity.ERROR`, `Severity.WARNING` or `Severity.INFO`.
        path: An RFC 6901 JSON Pointer into the document (``""`` is the whole document).
        params: The values the message uses (JSON data).
    """

    code: str
    severity: Severity
    path: str = ""
    params: Mapping[str, Any] = attrs.field(factory=dict, converter=freeze, hash=False)

    @property
    def message(self) -> str:
        """The message in English."""
        return self.render("en")

    def render(self, lang: Language = "en") -> str:
        """The message in *lang* (``"en"`` or ``"es"``), with its parameters filled in."""
        return get_rule(self.code).render(self.params, lang)

    def to_dict(self, lang: Language = "en") -> dict[str, Any]:
        """The finding as JSON data (the ``findings`` items of the report schema)."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "message": self.render(lang),
            "params": thaw(self.params),
        }

    def __str__(self) -> str:
        return format_finding(self)


def format_finding(
    finding: Finding,
    lang: Language = "en",
    *,
    source: str | None = None,
    severity: bool = True,
) -> str:
    """
    The one text form of a finding: ``[source:]path: severity: message [code]``.

    *source* (a file name, ``file:line``) comes first, as in a compiler's messages. A finding
    about the whole document (its path is ``""``, the JSON Pointer of the root) names no path:
    ``/`` would be the pointer of a member named ``""``.

    >>> finding = Finding("schema.required", Severity.ERROR, "/id", {"field": "id"})
    >>> print(format_finding(finding, source="plan.json"))
    plan.json:/id: error: The required field 'id' is missing. [schema.required]
    >>> print(format_finding(Finding("schema.type", Severity.ERROR, "", {
    ...     "expected": "an object", "actual": "an array"}), source="plan.json"))
    plan.json: error: Expected an object, got an array. [schema.type]
    """
    where = ":".join(part for part in (source, finding.path) if part)
    message = f"{finding.render(lang)} [{finding.code}]"
    if severity:
        message = f"{word(finding.severity.value, lang)}: {message}"
    return f"{where}: {message}" if where else message


def format_findings(findings: Sequence[Finding], *, limit: int = 3, lang: Language = "en") -> str:
    """The first *limit* findings without their severity, joined by ``; `` (and how many more)."""
    shown = "; ".join(format_finding(f, lang, severity=False) for f in findings[:limit])
    more = f" (and {len(findings) - limit} more)" if len(findings) > limit else ""
    return shown + more


@attrs.frozen
class ValidationReport:
    """
    Every finding about one plan, in document order, and the versions that produced them.

    >>> report = ValidationReport([])
    >>> report.is_valid
    True
    """

    findings: tuple[Finding, ...] = attrs.field(converter=to_tuple)
    ogpmodel_version: str = VERSION
    schema_version: str = SCHEMA_VERSION

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The findings of severity info."""
        return tuple(f for f in self.findings if f.severity is Severity.INFO)

    @property
    def is_valid(self) -> bool:
        """Whether the report has no errors (warnings and infos do not count)."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def codes(self) -> frozenset[str]:
        """The distinct codes of the findings."""
        return frozenset(f.code for f in self.findings)

    def counts(self) -> dict[str, int]:
        """The number of findings of each code, most frequent first."""
        return dict(Counter(f.code for f in self.findings).most_common())

    def by_code(self, code: str) -> tuple[Finding, ...]:
        """The findings of one code."""
        return tuple(f for f in self.findings if f.code == code)

    def raise_for_errors(self) -> None:
        """
        Raise `InvalidPlan` carrying this report when it has errors; otherwise do nothing.

        Raises:
            InvalidPlan: The report has at least one error.
        """
        if not self.is_valid:
            raise InvalidPlan(self)

    def merge(self, findings: Iterable[Finding]) -> "ValidationReport":
        """Return a report with *findings* appended."""
        return attrs.evolve(self, findings=(*self.findings, *findings))

    def to_dict(self, lang: Language = "en") -> dict[str, Any]:
        """The report as JSON data, conforming to ``schemas/1.0/report.schema.json``."""
        return {
            "ogpmodel_version": self.ogpmodel_version,
            "schema_version": self.schema_version,
            "language": check_language(lang),
            "valid": self.is_valid,
            "summary": {
                "errors": len(self.errors),
                "warnings": len(self.warnings),
                "infos": len(self.infos),
                "by_code": self.counts(),
            },
            "findings": [f.to_dict(lang) for f in self.findings],
        }

    def to_json(self, lang: Language = "en", *, indent: int | None = 2) -> str:
        """The report as JSON text."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=indent)

    def to_text(self, lang: Language = "en") -> str:
        """The report as lines of text, one finding per line, then a summary line."""
        lines = [format_finding(f, lang) for f in self.findings]
        lines.append(self.summary(lang))
        return "\n".join(lines)

    def summary(self, lang: Language = "en") -> str:
        """One line that counts the findings by severity ("1 error, 2 warnings, 0 infos")."""
        counts = {"error": len(self.errors), "warning": len(self.warnings), "info": len(self.infos)}
        return ", ".join(
            f"{n} {word(key if n == 1 else key + 's', lang)}" for key, n in counts.items()
        )

    def headline(self, limit: int = 3) -> str:
        """The first *limit* errors as one line (what `InvalidPlan` says)."""
        return format_findings(self.errors, limit=limit)
