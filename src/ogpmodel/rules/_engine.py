"""Run the registered rules over a model plan."""

import datetime
from collections.abc import Iterator

from ogpmodel._catalogue import Rule, all_rules
from ogpmodel.model import ActionPlan
from ogpmodel.profiles import Profile, resolve_profile, stage_of
from ogpmodel.report import Finding, Severity
from ogpmodel.rules._context import Context

__all__ = ["check_plan"]


def check_plan(
    plan: ActionPlan,
    *,
    as_of: datetime.date | None = None,
    profile: Profile | str | None = None,
    rules: tuple[Rule, ...] | None = None,
) -> Iterator[Finding]:
    """Yield the findings of every applicable rule (or of *rules*) for *plan*, rule by rule."""
    context = Context(plan, as_of=as_of, profile=resolve_profile(plan, profile))
    stage = stage_of(plan)
    for rule in all_rules() if rules is None else rules:
        if rule.check is None:
            continue
        if rule.local_only and not context.is_local:
            continue
        if rule.needs_as_of and as_of is None:
            continue
        try:
            hits = list(rule.check(context))
        except Exception as error:
            params = {"rule": rule.code, "error": f"{type(error).__name__}: {error}"[:200]}
            yield Finding("validation.rule-failed", Severity.ERROR, "", params)
            continue
        if hits:  # most rules find nothing: the severity is worked out for those that do
            severity = rule.severity_for(stage)
            for hit in hits:
                yield Finding(rule.code, severity, hit.path, hit.params)
