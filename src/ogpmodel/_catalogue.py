"""
The catalogue: every rule once (code, severity, family, source, messages), and every word.

A rule is registered here by its family module in `ogpmodel.rules`, beside its check. The
words that messages, reports and explanations use in every language live here too, so that a
translation is one place: `VOCABULARY` (words carried by message parameters), `WORDS` (the
labels of reports and explanations) and each rule's ``title`` and ``messages``.
"""

import difflib
import string
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs

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
        title: What the rule checks, in English and Spanish.
        messages: The message templates in English and Spanish (``str.format`` fields name
            the finding's ``params``).
        check: The function that finds violations in a model plan, or `None` for rules that
            only the document layer reports (``schema.*``).
        local_only: Whether the rule applies to OGP Local plans only.
        needs_as_of: Whether the rule only runs when the caller passes ``as_of``.
        transition_only: Whether only a lifecycle transition reports the code (a guard with no
            check on a recorded plan); such codes are not in `ogpmodel.rules()`.
        needs_status: Whether the check skips a plan, commitment or milestone whose status is
            not recorded (OGP JSON 1.1 lets it be left out).
        exemptions: The conditions under which the check does not fire although a reader might
            expect it to, in English, beyond those its flags imply (see `all_exemptions`).
    """

    code: str
    severity: Severity
    family: str
    source: str
    title: Mapping[str, str] = attrs.field(hash=False)
    messages: Mapping[str, str] = attrs.field(hash=False)
    check: Check | None = attrs.field(default=None, eq=False, repr=False)
    stage_dependent: bool = False
    local_only: bool = False
    needs_as_of: bool = False
    transition_only: bool = False
    needs_status: bool = False
    exemptions: tuple[str, ...] = attrs.field(default=(), hash=False)

    def all_exemptions(self, lang: Language = "en") -> tuple[str, ...]:
        """
        Every condition under which the rule does not fire: those its flags imply, then its own.

        >>> from ogpmodel.rules import get_rule
        >>> get_rule("deadline.milestone-overdue").all_exemptions()[0]
        'Runs only when as_of is given.'
        """
        implied = tuple(word(key, lang) for flag, key in _EXEMPTING_FLAGS if getattr(self, flag))
        return implied + self.exemptions

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
        """Fill the message template of *lang* with *params*."""
        template = self.messages.get(lang, self.messages["en"])
        return template.format_map(_Params(params, lang))

    @property
    def param_names(self) -> frozenset[str]:
        """The parameters the message templates use."""
        return frozenset(
            name.split(".")[0].split("[")[0]
            for template in self.messages.values()
            for _, name, _, _ in string.Formatter().parse(template)
            if name
        )


#: Words that parameters carry as language-neutral keys, rendered per language.
VOCABULARY: Mapping[str, Mapping[str, str]] = {
    "object": {"en": "an object", "es": "un objeto"},
    "array": {"en": "an array", "es": "un arreglo"},
    "string": {"en": "a string", "es": "una cadena"},
    "integer": {"en": "an integer", "es": "un número entero"},
    "number": {"en": "a number", "es": "un número"},
    "boolean": {"en": "true or false", "es": "true o false"},
    "null": {"en": "null", "es": "null"},
    "text": {
        "en": "a string or a language map",
        "es": "una cadena o un mapa de idiomas",
    },
    "plan_id": {
        "en": "a plan id (letters, digits, '.', '_' or '-', starting with a letter or digit)",
        "es": "un id de plan (letras, dígitos, '.', '_' o '-', comenzando por letra o dígito)",
    },
    "id": {"en": "an id (non-empty, no white space)", "es": "un id (no vacío, sin espacios)"},
    "date": {"en": "a date (YYYY-MM-DD)", "es": "una fecha (AAAA-MM-DD)"},
    "real_date": {"en": "a real calendar date", "es": "una fecha que exista en el calendario"},
    "partial_date": {
        "en": "a date as YYYY, YYYY-MM or YYYY-MM-DD",
        "es": "una fecha como AAAA, AAAA-MM o AAAA-MM-DD",
    },
    "language_tag": {
        "en": "a BCP 47 language tag such as 'es' or 'fr-CA'",
        "es": "una etiqueta de idioma BCP 47 como 'es' o 'fr-CA'",
    },
    "country": {
        "en": "an ISO 3166-1 alpha-2 country code such as 'CL'",
        "es": "un código de país ISO 3166-1 alfa-2 como 'CL'",
    },
    "url": {"en": "an absolute http(s) URL", "es": "una URL http(s) absoluta"},
    "email": {"en": "an e-mail address", "es": "una dirección de correo electrónico"},
    "non_blank": {"en": "a non-empty string", "es": "una cadena no vacía"},
    "stakeholder": {"en": "stakeholder", "es": "parte interesada"},
    "commitment": {"en": "commitment", "es": "compromiso"},
    "milestone": {"en": "milestone", "es": "hito"},
    "goal": {"en": "goal", "es": "meta"},
    "plan": {"en": "plan", "es": "plan"},
    "parent_milestone": {"en": "parent milestone", "es": "hito superior"},
    # commitment.no-core-value: the OGP values a commitment lists ("lists as OGP values: …")
    "no_ogp_values": {"en": "none", "es": "ninguno"},
    "technology_only": {
        "en": "only technology and innovation",
        "es": "solo tecnología e innovación",
    },
    # commitment.missing-period: what the period lacks ("has no …")
    "start_date": {"en": "start date", "es": "fecha de inicio"},
    "end_date": {"en": "end date", "es": "fecha de término"},
    "start_and_end_dates": {"en": "start or end date", "es": "fecha de inicio ni de término"},
    # commitment.id-format: the pattern the profile expects
    "local_commitment_id": {
        "en": "an OGP Local id such as 'CLMPU0001' (country code, three-letter member code, four digits)",
        "es": "un id de OGP Local como 'CLMPU0001' (código de país, código de miembro de tres letras y cuatro dígitos)",
    },
    "national_commitment_id": {
        "en": "a national id such as 'US0113' (country code and four digits)",
        "es": "un id nacional como 'US0113' (código de país y cuatro dígitos)",
    },
    # plan.no-forum: what the plan has instead ("The plan …")
    "no_forum": {"en": "has no forum", "es": "no tiene foro"},
    "forum_without_members": {
        "en": "has a forum with no members",
        "es": "tiene un foro sin miembros",
    },
    # plan.forum-not-multistakeholder: the members the forum lacks ("has no …")
    "government_member": {"en": "government member", "es": "miembros del gobierno"},
    "non_government_member": {
        "en": "non-government member",
        "es": "miembros ajenos al gobierno",
    },
    "government_or_non_government_member": {
        "en": "government or non-government member",
        "es": "miembros del gobierno ni ajenos a él",
    },
    # plan.not-endorsed: the endorsement deadline when the plan has no submission date
    "plan_submission": {"en": "its submission", "es": "su presentación"},
    # assessment.indicator-era
    "legacy_indicator": {
        "en": "a legacy indicator of plans before 2021",
        "es": "un indicador antiguo, propio de planes anteriores a 2021",
    },
    "new_indicator": {
        "en": "an indicator of plans from 2020 on",
        "es": "un indicador propio de planes desde 2020",
    },
    # assessment types (the ``type`` tag)
    "inception_report": {"en": "inception report", "es": "informe de inicio"},
    "end_of_commitment_report": {
        "en": "end-of-commitment report",
        "es": "informe de fin de compromiso",
    },
    "irm_review": {"en": "IRM review", "es": "revisión del MRI"},
    # ogpmodel.convert (spreadsheets): what a cell must hold, and what a row belongs to
    "percent": {"en": "a number from 0 to 100", "es": "un número de 0 a 100"},
    "position": {
        "en": "a number (the row's place in its list)",
        "es": "un número (el lugar de la fila en su lista)",
    },
    "url_reference": {
        "en": "an http(s) URL, or an address relative to the plan's base_url",
        "es": "una URL http(s), o una dirección relativa a la base_url del plan",
    },
    "progress_report": {"en": "progress report", "es": "informe de avance"},
    "assessment": {"en": "assessment", "es": "evaluación"},
    "forum": {"en": "forum", "es": "foro"},
    "strategic_vision": {"en": "strategic vision", "es": "visión estratégica"},
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
            return VOCABULARY[value][self.lang]
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
    title_es: str,
    en: str,
    es: str,
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
            title_es=title_es,
            en=en,
            es=es,
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
    title_es: str,
    en: str,
    es: str,
    stage_dependent: bool = False,
    local_only: bool = False,
    needs_as_of: bool = False,
    transition_only: bool = False,
    needs_status: bool = False,
    exemptions: tuple[str, ...] = (),
    check: Check | None = None,
) -> Rule:
    """Register a rule (without a decorator: for rules the document layer reports)."""
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
        title={"en": title_en, "es": title_es},
        messages={"en": en, "es": es},
        check=check,
        stage_dependent=stage_dependent,
        local_only=local_only,
        needs_as_of=needs_as_of,
        transition_only=transition_only,
        needs_status=needs_status,
        exemptions=exemptions,
    )
    _RULES[code] = rule
    return rule


_ordered: dict[tuple[int, int], tuple[Rule, ...]] = {}


def all_rules() -> tuple[Rule, ...]:
    """Every registered rule in catalogue order: by family as in rules.md, then as registered."""
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
    try:
        return _RULES[code]
    except KeyError:
        near = difflib.get_close_matches(code, _RULES, n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise KeyError(f"no rule with code {code!r}{hint}") from None


#: The labels of reports, explanations and hints, by key and language.
WORDS: Mapping[str, Mapping[str, str]] = {
    "did_you_mean": {"en": "Did you mean {nearest}?", "es": "¿Quiso decir {nearest}?"},
    "error": {"en": "error", "es": "error"},
    "errors": {"en": "errors", "es": "errores"},
    "warning": {"en": "warning", "es": "advertencia"},
    "warnings": {"en": "warnings", "es": "advertencias"},
    "info": {"en": "info", "es": "aviso"},
    "infos": {"en": "infos", "es": "avisos"},
    "member": {"en": "member", "es": "miembro"},
    "period": {"en": "period", "es": "período"},
    "status": {"en": "status", "es": "estado"},
    "unrecorded": {"en": "not recorded", "es": "no registrado"},
    "commitments": {"en": "commitments", "es": "compromisos"},
    "milestones": {"en": "milestones", "es": "hitos"},
    "stakeholders": {"en": "stakeholders", "es": "partes interesadas"},
    "findings": {"en": "findings", "es": "hallazgos"},
    "severity": {"en": "Severity", "es": "Severidad"},
    "family": {"en": "Family", "es": "Familia"},
    "source": {"en": "Source", "es": "Fuente"},
    "stage_dependent": {
        "en": "warning while drafting, error once submitted",
        "es": "advertencia en borrador, error desde el envío",
    },
    "local_only": {"en": "OGP Local plans only.", "es": "Solo planes locales."},
    "needs_as_of": {"en": "Runs only when as_of is given.", "es": "Necesita as_of."},
    "transition_only": {
        "en": "Reported by transition() only, never by validate().",
        "es": "Solo lo informa transition(), nunca validate().",
    },
    "exemptions": {"en": "Exemptions"},
    "exemption_stage_dependent": {
        "en": (
            "A warning, not an error, while the plan is in planning or co_creation, or when its"
            " status is not recorded."
        )
    },
    "exemption_needs_status": {
        "en": (
            "Skips every plan, commitment or milestone whose status is not recorded"
            " (status.unrecorded lists them)."
        )
    },
}


def word(key: str, lang: Language = "en") -> str:
    """The word or label *key* of `WORDS` in *lang* (English when *lang* has none)."""
    words = WORDS[key]
    return words.get(lang, words["en"])
