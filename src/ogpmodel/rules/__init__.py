"""
The rule catalogue: every check ogpmodel makes, with a stable code.

Each rule is registered once (code, default severity, family, source, message templates in
English and Spanish). `rules()` lists them; `explain()` describes one.
"""

from ogpmodel.codelists import Language
from ogpmodel.rules import (  # noqa: F401 - importing a family module registers its rules
    assessments,
    dates,
    deadlines,
    formulation,
    lifecycle,
    process,
    structure,
)
from ogpmodel.rules._context import PROFILES, Context, Hit, Profile
from ogpmodel.rules._engine import check_plan, resolve_profile
from ogpmodel.rules._registry import Rule, all_rules, get_rule

__all__ = [
    "PROFILES",
    "Context",
    "Hit",
    "Profile",
    "Rule",
    "check_plan",
    "explain",
    "get_rule",
    "resolve_profile",
    "rules",
]


def rules(*, include_transition_only: bool = False) -> tuple[Rule, ...]:
    """
    Every rule `ogpmodel.validate` checks, in catalogue order.

    Args:
        include_transition_only: Also list the codes only a lifecycle transition reports
            (``lifecycle.submission-requirements-unmet``); `explain` and `get_rule` know them.
    """
    return tuple(r for r in all_rules() if include_transition_only or not r.transition_only)


def explain(code: str, lang: Language = "en") -> str:
    """
    Describe the rule *code*: what it checks, its severity, family and source.

    >>> print(explain("period.end-before-start").splitlines()[0])
    period.end-before-start: a period ends before it starts (interval semantics of partial dates).

    Raises:
        KeyError: No rule has that code (the message names the nearest code).
    """
    rule = get_rule(code)
    es = lang == "es"
    if rule.stage_dependent:
        severity = (
            "advertencia en borrador, error desde el envío"
            if es
            else "warning while drafting, error once submitted"
        )
    else:
        severity = rule.severity.value
    labels = ("Severidad", "Familia", "Fuente") if es else ("Severity", "Family", "Source")
    lines = [
        f"{rule.code}: {rule.title[lang]}",
        f"{labels[0]}: {severity}",
        f"{labels[1]}: {rule.family}",
        f"{labels[2]}: {rule.source}",
    ]
    if rule.local_only:
        lines.append("Solo planes locales." if es else "OGP Local plans only.")
    if rule.needs_as_of:
        lines.append("Necesita as_of." if es else "Runs only when as_of is given.")
    if rule.transition_only:
        lines.append(
            "Solo lo informa transition(), nunca validate()."
            if es
            else "Reported by transition() only, never by validate()."
        )
    return "\n".join(lines)
