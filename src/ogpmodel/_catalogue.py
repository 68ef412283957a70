"""
The catalogue: every rule once (code, severity, family, source, messages), and every word.

A rule is registered here by its family module in `ogpmodel.rules`, beside its check. The
words that messages, reports and explanations use live here too: `VOCABULARY` (words carried
by message parameters), `WORDS` (the labels of reports and explanations) and each rule's
``title`` and ``messages``. Each is written in English; the catalogues of `ogpmodel._translations`
hold the other languages, by the context of each text (``rule:CODE:title``,
``rule:CODE:message``, ``vocabulary:KEY``, ``word:KEY``).
"""

import difflib
import string
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs

from ogpmodel._loaders import complete
from ogpmodel._translations import Texts, declare
from ogpmodel.codelists import Language, PlanStatus

if TYPE_CHECKING:
    from ogpmodel.rules._context import Context, Hit

__all__ = [
    "DRAFT_STATES",
    "TRANSLATED_PARAMS",
    "VOCABULARY",
    "WORDS",
    "Check",
    "Rule",
    "Severity",
    "all_rules",
    "define",
    "get_rule",
    "register",
    "word",
]


class Severity(str, Enum):
    """How serious a finding is: errors make a plan invalid, warnings and infos do not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return str(self.value)


#: A rule's check: yields one `Hit` per place where the plan breaks the rule.
Check = Callable[["Context"], Iterable["Hit"]]

#: Plan states in which stage-dependent (*S*) rules are warnings: the draft is unfinished.
DRAFT_STATES = frozenset({PlanStatus.PLANNING, PlanStatus.CO_CREATION})

#: The rule families, in the order of the catalogue.
_FAMILIES = (
    "structure",
    "dates",
    "formulation",
    "process",
    "deadlines",
    "lifecycle",
    "assessments",
    "import",
)


@attrs.frozen
class Rule:
    """
    One rule of the catalogue.

    Attributes:
        code: The stable code, ``family.kebab-name``.
        severity: The default severity (for stage-dependent rules: the severity once the plan
            is submitted).
        stage_dependent: Whether the rule is an *S* rule: a warning while the plan is in
            ``planning`` or ``co_creation``, an error from ``submitted`` on, and a guard of
            ``co_creation → submitted``.
        family: The rule family (``structure``, ``dates``, ``formulation``, ``process``,
            ``deadlines``, ``lifecycle``, ``assessments``).
        source: Where the rule comes from: an OGP page, or ``"design"`` for rules of ours.
        title: What the rule checks, in every language.
        messages: The message template in every language (``str.format`` fields name the
            finding's ``params``).
        check: The function that finds violations in a model plan, or `None` for rules that
            only the document layer reports (``schema.*``).
        local_only: Whether the rule applies to OGP Local plans only.
        needs_as_of: Whether the rule only runs when the caller passes ``as_of``.
        transition_only: Whether only a lifecycle transition reports the code (a guard with no
            check on a recorded plan); such codes are not in `ogpmodel.rules()`.
        needs_status: Whether the check skips a plan, commitment or milestone whose status is
            not recorded (OGP JSON 1.1 lets it be left out).
        exemptions: The conditions under which the check does not fire although a reader might
            expect it to, in every language, beyond those its flags imply (see
            `all_exemptions`).
    """

    code: str
    severity: Severity
    family: str
    source: str
    title: Texts = attrs.field(hash=False)
    messages: Texts = attrs.field(hash=False)
    check: Check | None = attrs.field(default=None, eq=False, repr=False)
    stage_dependent: bool = False
    local_only: bool = False
    needs_as_of: bool = False
    transition_only: bool = False
    needs_status: bool = False
    exemptions: tuple[Texts, ...] = attrs.field(default=(), hash=False)

    def all_exemptions(self, lang: Language = "en") -> tuple[str, ...]:
        """
        Every condition under which the rule does not fire: those its flags imply, then its own.

        >>> from ogpmodel.rules import get_rule
        >>> get_rule("deadline.milestone-overdue").all_exemptions()[0]
        'Runs only when as_of is given.'
        """
        implied = tuple(word(key, lang) for flag, key in _EXEMPTING_FLAGS if getattr(self, flag))
        return implied + tuple(exemption.text(lang) for exemption in self.exemptions)

    def severity_for(self, status: PlanStatus | None) -> Severity:
        """
        The severity of this rule's findings for a plan in *status*.

        A plan whose status is not recorded (`None`) counts as a draft: a stage-dependent
        finding is not made an error on a stage nobody recorded.
        """
        if self.stage_dependent and (status is None or status in DRAFT_STATES):
            return Severity.WARNING
        return self.severity

    def render(self, params: Mapping[str, Any], lang: Language = "en") -> str:
        """
        Fill the message template of *lang* with *params*.

        Raises:
            ValueError: ogpmodel does not speak *lang*.
        """
        return self.messages.text(lang).format_map(_Params(params, lang))

    @property
    def param_names(self) -> frozenset[str]:
        """The parameters the message templates use."""
        return frozenset(
            name.split(".")[0].split("[")[0]
            for template in self.messages.values()
            for _, name, _, _ in string.Formatter().parse(template)
            if name
        )


_VOCABULARY_EN = {
    "object": "an object",
    "array": "an array",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
    "text": "a string or a language map",
    "plan_id": "a plan id (letters, digits, '.', '_' or '-', starting with a letter or digit)",
    "id": "an id (non-empty, no white space)",
    "date": "a date (YYYY-MM-DD)",
    "real_date": "a real calendar date",
    "partial_date": "a date as YYYY, YYYY-MM or YYYY-MM-DD",
    "language_tag": "a BCP 47 language tag such as 'es' or 'fr-CA'",
    "country": "an ISO 3166-1 alpha-2 country code such as 'CL'",
    "url": "an absolute http(s) URL",
    "email": "an e-mail address",
    "non_blank": "a non-empty string",
    "stakeholder": "stakeholder",
    "commitment": "commitment",
    "milestone": "milestone",
    "goal": "goal",
    "plan": "plan",
    "parent_milestone": "parent milestone",
    # commitment.no-core-value: the OGP values a commitment lists ("lists as OGP values: …")
    "no_ogp_values": "none",
    "technology_only": "only technology and innovation",
    # commitment.missing-period: what the period lacks ("has no …")
    "start_date": "start date",
    "end_date": "end date",
    "start_and_end_dates": "start or end date",
    # commitment.id-format: the pattern the profile expects
    "local_commitment_id": "an OGP Local id such as 'CLMPU0001' (country code, three-letter member code, four digits)",
    "national_commitment_id": "a national id such as 'US0113' (country code and four digits)",
    # plan.no-forum: what the plan has instead ("The plan …")
    "no_forum": "has no forum",
    "forum_without_members": "has a forum with no members",
    # plan.forum-not-multistakeholder: the members the forum lacks ("has no …")
    "government_member": "government member",
    "non_government_member": "non-government member",
    "government_or_non_government_member": "government or non-government member",
    # plan.not-endorsed: the endorsement deadline when the plan has no submission date
    "plan_submission": "its submission",
    # assessment.indicator-era
    "legacy_indicator": "a legacy indicator of plans before 2021",
    "new_indicator": "an indicator of plans from 2020 on",
    # assessment types (the ``type`` tag)
    "inception_report": "inception report",
    "end_of_commitment_report": "end-of-commitment report",
    "irm_review": "IRM review",
    # ogpmodel.convert (spreadsheets): what a cell must hold, and what a row belongs to
    "percent": "a number from 0 to 100",
    "position": "a number (the row's place in its list)",
    "url_reference": "an http(s) URL, or an address relative to the plan's base_url",
    "progress_report": "progress report",
    "assessment": "assessment",
    "forum": "forum",
    "strategic_vision": "strategic vision",
}

#: Words that parameters carry as language-neutral keys, rendered per language.
VOCABULARY: Mapping[str, Texts] = {
    key: declare(f"vocabulary:{key}", english) for key, english in _VOCABULARY_EN.items()
}

#: The parameters whose values are looked up in `VOCABULARY` when rendered.
TRANSLATED_PARAMS = frozenset({"expected", "actual", "kind", "owner"})


class _Params(dict[str, Any]):
    """
    Message parameters as templates see them.

    Lists render comma-separated; `TRANSLATED_PARAMS` render through `VOCABULARY`; ``hint``
    is derived from ``nearest`` (" Did you mean 'status'?"); a missing one renders as '?'.
    """

    def __init__(self, params: Mapping[str, Any], lang: Language) -> None:
        super().__init__(params)
        self.lang = lang

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        if key in TRANSLATED_PARAMS and isinstance(value, str) and value in VOCABULARY:
            return VOCABULARY[value].text(self.lang)
        if isinstance(value, (list, tuple)):
            return ", ".join(repr(v) if isinstance(v, str) else str(v) for v in value)
        return value

    def __missing__(self, key: str) -> str:
        if key == "hint":
            nearest = self.get("nearest")
            if not nearest:
                return ""
            return " " + word("did_you_mean", self.lang).format(nearest=repr(nearest))
        return "?"


_RULES: dict[str, Rule] = {}

#: The flags of a rule that exempt plans from it, with the key of their sentence in `WORDS`.
_EXEMPTING_FLAGS = (
    ("transition_only", "transition_only"),
    ("stage_dependent", "exemption_stage_dependent"),
    ("local_only", "local_only"),
    ("needs_as_of", "needs_as_of"),
    ("needs_status", "exemption_needs_status"),
)


def register(
    code: str,
    *,
    severity: Severity,
    family: str,
    source: str,
    title_en: str,
    en: str,
    stage_dependent: bool = False,
    local_only: bool = False,
    needs_as_of: bool = False,
    needs_status: bool = False,
    exemptions: tuple[str, ...] = (),
) -> Callable[[Check], Check]:
    """
    Register a rule; used as a decorator on its check function.

    Raises:
        ValueError: The code is already registered, or the family is unknown.
    """

    def decorate(check: Check) -> Check:
        define(
            code,
            severity=severity,
            family=family,
            source=source,
            title_en=title_en,
            en=en,
            stage_dependent=stage_dependent,
            local_only=local_only,
            needs_as_of=needs_as_of,
            needs_status=needs_status,
            exemptions=exemptions,
            check=check,
        )
        return check

    return decorate


def define(
    code: str,
    *,
    severity: Severity,
    family: str,
    source: str,
    title_en: str,
    en: str,
    stage_dependent: bool = False,
    local_only: bool = False,
    needs_as_of: bool = False,
    transition_only: bool = False,
    needs_status: bool = False,
    exemptions: tuple[str, ...] = (),
    check: Check | None = None,
) -> Rule:
    """
    Register a rule (without a decorator: for rules the document layer reports).

    *title_en*, *en* (the message template) and *exemptions* are the English texts; the
    catalogues translate them by the contexts ``rule:CODE:title``, ``rule:CODE:message`` and
    ``rule:CODE:exemption:N`` (N from 1).
    """
    if code in _RULES:
        msg = f"rule {code!r} is registered twice"
        raise ValueError(msg)
    if family not in _FAMILIES:
        msg = f"rule {code!r}: family must be one of {_FAMILIES} (got {family!r})"
        raise ValueError(msg)
    rule = Rule(
        code=code,
        severity=severity,
        family=family,
        source=source,
        title=declare(f"rule:{code}:title", title_en),
        messages=declare(f"rule:{code}:message", en),
        check=check,
        stage_dependent=stage_dependent,
        local_only=local_only,
        needs_as_of=needs_as_of,
        transition_only=transition_only,
        needs_status=needs_status,
        exemptions=tuple(
            declare(f"rule:{code}:exemption:{number}", english)
            for number, english in enumerate(exemptions, 1)
        ),
    )
    _RULES[code] = rule
    return rule


_ordered: dict[tuple[int, int], tuple[Rule, ...]] = {}


def all_rules() -> tuple[Rule, ...]:
    """Every registered rule in catalogue order: by family as in rules.md, then as registered."""
    complete()  # every rule registered, whatever was imported
    # Sorted once per state of the registry, not on every validation.
    key = (id(_RULES), len(_RULES))
    if key not in _ordered:
        _ordered.clear()
        _ordered[key] = tuple(sorted(_RULES.values(), key=lambda r: _FAMILIES.index(r.family)))
    return _ordered[key]


def get_rule(code: str) -> Rule:
    """
    Return the rule registered under *code*.

    Raises:
        KeyError: No rule has that code (the message names the nearest code).
    """
    rule = _RULES.get(code)
    if rule is not None:
        return rule
    complete()  # every rule registered, whatever was imported
    try:
        return _RULES[code]
    except KeyError:
        near = difflib.get_close_matches(code, _RULES, n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise KeyError(f"no rule with code {code!r}{hint}") from None


_WORDS_EN = {
    "did_you_mean": "Did you mean {nearest}?",
    "error": "error",
    "errors": "errors",
    "warning": "warning",
    "warnings": "warnings",
    "info": "info",
    "infos": "infos",
    "member": "member",
    "period": "period",
    "status": "status",
    "unrecorded": "not recorded",
    "commitments": "commitments",
    "milestones": "milestones",
    "stakeholders": "stakeholders",
    "plans": "plans",
    "ogp_values": "OGP values",
    "completion": "latest completion",
    "high_completion": "high completion",
    "substantial_potential": "substantial potential for results",
    "starred": "starred",
    "overdue_on": "overdue on {as_of}",
    "findings": "findings",
    "severity": "Severity",
    "family": "Family",
    "source": "Source",
    "stage_dependent": "warning while drafting, error once submitted",
    "local_only": "OGP Local plans only.",
    "needs_as_of": "Runs only when as_of is given.",
    "transition_only": "Reported by transition() only, never by validate().",
    "exemptions": "Exemptions",
    "exemption_stage_dependent": (
        "A warning, not an error, while the plan is in planning or co_creation, or when its"
        " status is not recorded."
    ),
    "exemption_needs_status": (
        "Skips every plan, commitment or milestone whose status is not recorded"
        " (status.unrecorded lists them)."
    ),
}


#: The labels of reports, explanations and hints, by key.
WORDS: Mapping[str, Texts] = {
    key: declare(f"word:{key}", english) for key, english in _WORDS_EN.items()
}


def word(key: str, lang: Language = "en") -> str:
    """
    The word or label *key* of `WORDS` in *lang*.

    Raises:
        ValueError: ogpmodel does not speak *lang*.
    """
    return WORDS[key].text(lang)
