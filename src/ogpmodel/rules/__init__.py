"""
The rule catalogue: every check ogpmodel makes, with a stable code.

Each rule is registered once (code, default severity, family, source, message templates in
every language). `rules()` lists them; `explain()` describes one.
"""

from ogpmodel._catalogue import Rule, all_rules, get_rule, word
from ogpmodel.codelists import Language
from ogpmodel.profiles import PROFILES, Profile, resolve_profile
from ogpmodel.rules import (  # noqa: F401 - importing a family module registers its rules
    assessments,
    dates,
    deadlines,
    formulation,
    imports,
    lifecycle,
    process,
    structure,
)
from ogpmodel.rules._context import Context, Hit
from ogpmodel.rules._engine import check_plan

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


def __dir__() -> list[str]:
    return sorted(__all__)


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
    Describe the rule *code*: what it checks, its severity, family, source and exemptions.

    The exemptions are every condition under which the rule does not fire although a reader
    might expect it to (`Rule.all_exemptions`).

    >>> print(explain("period.end-before-start").splitlines()[0])
    period.end-before-start: a period ends before it starts (interval semantics of partial dates).

    Raises:
        KeyError: No rule has that code (the message names the nearest code).
        ValueError: ogpmodel does not speak *lang*.
    """
    rule = get_rule(code)
    severity = word("stage_dependent", lang) if rule.stage_dependent else rule.severity.value
    lines = [
        f"{rule.code}: {rule.title.text(lang)}",
        f"{word('severity', lang)}: {severity}",
        f"{word('family', lang)}: {rule.family}",
        f"{word('source', lang)}: {rule.source}",
    ]
    exemptions = rule.all_exemptions(lang)
    if exemptions:
        lines.append(f"{word('exemptions', lang)}:")
        lines.extend(f"- {exemption}" for exemption in exemptions)
    return "\n".join(lines)
