"""
The rule catalogue and the lifecycle tables as JSON data, each with a JSON Schema of its own.

``make schema`` writes ``rules.json``, ``lifecycle.json`` and their ``*.schema.json`` into
``schemas/<version>/`` beside the action-plan schema, so that tools in other languages can
reuse the rules and the state machine without Python. The data carries no ogpmodel version:
the files change only when the rules or the tables do.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from ogpmodel import _patterns
from ogpmodel._catalogue import TRANSLATED_PARAMS, VOCABULARY, WORDS, Rule, Severity
from ogpmodel._lifecycle.tables import EVENT_CHECKS, TABLES, Table
from ogpmodel._resources import LIFECYCLE_SCHEMA_ID, RULES_SCHEMA_ID, SCHEMA_VERSION
from ogpmodel._translations import languages
from ogpmodel.codelists import PlanStatus, codelist_name
from ogpmodel.rules import get_rule, rules

__all__ = [
    "generate_lifecycle_data",
    "generate_lifecycle_schema",
    "generate_rules_data",
    "generate_rules_schema",
]


_DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: A rule code: ``family.kebab-name`` (the prefix is not always the rule's family).
_CODE_PATTERN = r"^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*" + _patterns.END


def _ref(name: str, description: str | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"$ref": f"#/$defs/{name}"}
    if description is not None:
        node["description"] = description
    return node


def _texts(texts: Mapping[str, str]) -> dict[str, str]:
    """*texts* in every language of the catalogue, in the order of `languages`."""
    return {lang: texts[lang] for lang in languages()}


def _array(items: dict[str, Any], description: str) -> dict[str, Any]:
    return {"type": "array", "items": items, "uniqueItems": True, "description": description}


def _object(
    title: str, description: str, properties: dict[str, Any], required: Iterable[str] | None = None
) -> dict[str, Any]:
    """A closed object schema; every property is required unless *required* names some."""
    return {
        "title": title,
        "description": description,
        "type": "object",
        "required": list(properties if required is None else required),
        "additionalProperties": False,
        "properties": properties,
    }


def _common_defs() -> dict[str, Any]:
    """The definitions both schemas use: codes, languages and texts in every language."""
    return {
        "Code": {
            "title": "Rule code",
            "description": "A stable code of the rule catalogue, 'prefix.kebab-name'.",
            "type": "string",
            "pattern": _CODE_PATTERN,
        },
        "Language": {
            "title": "Language",
            "description": "A language of the catalogue.",
            "enum": list(languages()),
        },
        "Texts": _object(
            "Texts",
            "One text in every language of the catalogue, by language.",
            {
                lang: {"type": "string", "minLength": 1, "description": f"The text in '{lang}'."}
                for lang in languages()
            },
        ),
    }


# --- rules.json -------------------------------------------------------------------------------


def _params(rule: Rule) -> list[str]:
    """The finding params the templates read (``{hint}`` is made from ``nearest``)."""
    return sorted({"nearest" if name == "hint" else name for name in rule.param_names})


def _rule_data(rule: Rule) -> dict[str, Any]:
    """One rule as JSON data, as `generate_rules_schema` describes it."""
    data: dict[str, Any] = {
        "code": rule.code,
        "severity": rule.severity.value,
        "stage_dependent": rule.stage_dependent,
    }
    if rule.stage_dependent:
        data["severity_by_stage"] = {s.value: rule.severity_for(s).value for s in PlanStatus}
    data.update(
        {
            "family": rule.family,
            "source": rule.source,
            "local_only": rule.local_only,
            "needs_as_of": rule.needs_as_of,
            "transition_only": rule.transition_only,
            "needs_status": rule.needs_status,
            "exemptions": {lang: list(rule.all_exemptions(lang)) for lang in languages()},
            "title": _texts(rule.title),
            "message": _texts(rule.messages),
            "params": _params(rule),
        }
    )
    return data


def generate_rules_data() -> dict[str, Any]:
    """
    The rule catalogue as JSON data (``rules.json``): every rule, transition-only ones too.

    >>> data = generate_rules_data()
    >>> data["languages"], data["rules"][0]["code"]
    (['en', 'es', 'fr'], 'schema.invalid-json')
    """
    return {
        "$schema": RULES_SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "languages": list(languages()),
        "rules": [_rule_data(rule) for rule in rules(include_transition_only=True)],
        "translated_params": sorted(TRANSLATED_PARAMS),
        "vocabulary": {key: _texts(texts) for key, texts in VOCABULARY.items()},
        "did_you_mean": _texts(WORDS["did_you_mean"]),
    }


def _rule_schema(families: list[str]) -> dict[str, Any]:
    flag = {"type": "boolean"}
    properties = {
        "code": _ref("Code", "The rule's stable code, the code of its findings."),
        "severity": _ref(
            "Severity",
            "The severity of the rule's findings; for a stage-dependent rule, the severity "
            "once the plan is submitted (see severity_by_stage).",
        ),
        "stage_dependent": {
            **flag,
            "description": (
                "Whether the rule is an S rule: a warning while the plan is a draft (planning or "
                "co_creation), an error from submitted on, and a guard of co_creation → "
                "submitted."
            ),
        },
        "severity_by_stage": _object(
            "Severity by stage",
            (
                "Stage-dependent rules only: the severity of the rule's findings for each stage "
                "of the plan. The stage is the plan's status, except that a plan withdrawn "
                "before it was ever submitted (no submitted_on, no submitted event) is still "
                "in co_creation."
            ),
            {
                s.value: _ref("Severity", f"The severity on a plan in the stage '{s.value}'.")
                for s in PlanStatus
            },
        ),
        "family": {
            "description": "The rule family, one of the families in catalogue order.",
            "enum": families,
        },
        "source": {
            "type": "string",
            "minLength": 1,
            "description": (
                "Where the rule comes from, as the catalogue holds it: the address of an OGP "
                "page or document (sometimes several, or with a note), or 'design' for rules "
                "of ogpmodel's own."
            ),
        },
        "local_only": {
            **flag,
            "description": (
                "Whether the rule applies only under a profile with OGP Local's requirements "
                "(the one chosen for plans whose member.membership is 'local')."
            ),
        },
        "needs_as_of": {
            **flag,
            "description": "Whether the rule runs only when the caller passes a date (as_of).",
        },
        "transition_only": {
            **flag,
            "description": (
                "Whether only a lifecycle transition reports the code (a guard with no check "
                "on a recorded plan); validate() never does."
            ),
        },
        "needs_status": {
            **flag,
            "description": (
                "Whether the rule skips a plan, commitment or milestone whose status is not "
                "recorded."
            ),
        },
        "exemptions": {
            "type": "object",
            "description": (
                "Every condition under which the rule does not fire although a reader might "
                "expect it to, in every language: first those its flags imply (transition_only, "
                "stage_dependent, local_only, needs_as_of, needs_status), then its own."
            ),
            "required": list(languages()),
            "additionalProperties": False,
            "properties": {
                lang: _array({"type": "string", "minLength": 1}, f"The exemptions in {lang!r}.")
                for lang in languages()
            },
        },
        "title": _ref("Texts", "What the rule checks, in every language."),
        "message": _ref(
            "Texts",
            (
                "The message template in every language: a Python str.format string whose "
                "fields name the finding's params. A list renders as its items joined by ', ' "
                "(strings quoted); a param of translated_params whose value is a key of "
                "vocabulary renders as that word; {name!r} inserts the Python repr of the "
                "value (a string in single quotes); {hint} renders as ' ' + did_you_mean when "
                "the finding has a nearest param, and as nothing otherwise; a missing param "
                "renders as '?'."
            ),
        ),
        "params": _array(
            {"type": "string", "pattern": "^[a-z_]+" + _patterns.END},
            "The finding params the message templates read, sorted ({hint} reads nearest).",
        ),
    }
    required = [name for name in properties if name != "severity_by_stage"]
    return {
        **_object("Rule", "One rule of the catalogue.", properties, required),
        "if": {"properties": {"stage_dependent": {"const": True}}},
        "then": {"required": ["severity_by_stage"]},
        "else": {"not": {"required": ["severity_by_stage"]}},
    }


def generate_rules_schema() -> dict[str, Any]:
    """The JSON Schema of ``rules.json`` (``rules.schema.json``), Draft 2020-12."""
    families = list(dict.fromkeys(r.family for r in rules(include_transition_only=True)))
    words = _ref("Texts")
    properties = {
        "$schema": {"const": RULES_SCHEMA_ID, "description": "The $id of this schema."},
        "schema_version": {
            "const": SCHEMA_VERSION,
            "description": "The OGP JSON version whose documents the rules check.",
        },
        "languages": {
            **_array(_ref("Language"), "The languages of every title, message and word."),
            "minItems": 1,
        },
        "rules": {
            "type": "array",
            "items": _ref("Rule"),
            "minItems": 1,
            "description": (
                "Every rule, in catalogue order (by family, then as registered), including "
                "the codes only a lifecycle transition reports."
            ),
        },
        "translated_params": _array(
            {"type": "string"},
            "The params whose values, when they are keys of vocabulary, render as its words.",
        ),
        "vocabulary": {
            "type": "object",
            "description": (
                "The words that the params of translated_params carry as language-neutral "
                "keys, by key, in every language."
            ),
            "propertyNames": {"pattern": "^[a-z_]+" + _patterns.END},
            "additionalProperties": words,
        },
        "did_you_mean": _ref(
            "Texts",
            (
                "What {hint} renders after a space when a finding has a nearest param: "
                "{nearest} is the repr of the nearest valid name."
            ),
        ),
    }
    return {
        "$schema": _DRAFT,
        "$id": RULES_SCHEMA_ID,
        **_object(
            f"ogpmodel rule catalogue (OGP JSON {SCHEMA_VERSION})",
            (
                "Every rule ogpmodel checks OGP JSON action plans with: its code, severity, "
                "family, source, flags, and its title and message in every language."
            ),
            properties,
        ),
        "$defs": {
            **_common_defs(),
            "Rule": _rule_schema(families),
            "Severity": {
                "title": "Severity",
                "description": "Errors make a plan invalid; warnings and infos do not.",
                "enum": [s.value for s in Severity],
            },
        },
    }


# --- lifecycle.json ---------------------------------------------------------------------------


def _guard_codes() -> list[str]:
    """Every check and guard the tables name, in the order they first appear."""
    codes = dict.fromkeys(EVENT_CHECKS)
    for table in TABLES.values():
        codes.update(dict.fromkeys(table.guards))
        for transition in table.transitions:
            codes.update(dict.fromkeys(transition.guards))
    return list(codes)


def generate_lifecycle_data() -> dict[str, Any]:
    """
    The lifecycle tables as JSON data (``lifecycle.json``), with the guards they name.

    Each table is the one `ogpmodel.lifecycle.tables_json` exports, with its codelist.

    >>> generate_lifecycle_data()["tables"]["plan"]["codelist"]
    'plan-status'
    """
    tables = {
        kind: {"kind": kind, "codelist": codelist_name(table.states), **table.to_json()}
        for kind, table in TABLES.items()
    }
    return {
        "$schema": LIFECYCLE_SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "languages": list(languages()),
        "tables": tables,
        "guards": {code: {"description": _texts(get_rule(code).title)} for code in _guard_codes()},
    }


def _table_defs(table: Table[Any]) -> dict[str, Any]:
    """The definitions of one kind's table: its states, its transitions and the table."""
    kind = table.kind
    status = table.states.__name__
    name = kind.capitalize()
    codes = _ref("Code")
    transition = _object(
        f"{name} transition",
        f"One allowed move of a {kind}.",
        {
            "from": _ref(status, "The state before the move."),
            "to": _ref(status, "The state after the move."),
            "guards": _array(
                codes,
                (
                    "The guards this move checks besides the checks and the table's guards; a "
                    "failing guard reports a finding with its code."
                ),
            ),
            "note_required": {
                "type": "boolean",
                "description": "Whether the move's event must carry a note saying why.",
            },
            "sets": _array(
                {"type": "string"}, "The fields of the plan the move sets to the event's date."
            ),
        },
    )
    states = {
        "kind": {"const": kind, "description": "The kind of entity the table describes."},
        "codelist": {
            "const": codelist_name(table.states),
            "description": (
                "The closed codelist of the states (codelists/<name>.csv beside this file), "
                "with their titles and descriptions in every language."
            ),
        },
        "states": _array(_ref(status), "Every state, in the codelist's order."),
        "initial": _ref(status, "The state a new entity starts in."),
        "terminal": _array(_ref(status), "The states no transition leaves."),
        "checks": _array(
            codes,
            (
                "What every move of any kind checks before the guards: an allowed transition, "
                "dates in order, a note where required."
            ),
        ),
        "guards": _array(codes, "The guards every move of this kind checks."),
        "transitions": {
            "type": "array",
            "items": _ref(f"{name}Transition"),
            "description": "The allowed moves, in a stable order; any other move is refused.",
        },
    }
    return {
        status: {
            "title": status,
            "description": f"A state of a {kind} (codelist '{codelist_name(table.states)}').",
            "enum": [s.value for s in table.states],
        },
        f"{name}Transition": transition,
        f"{name}Table": _object(f"{name} table", f"The lifecycle of a {kind}.", states),
    }


def generate_lifecycle_schema() -> dict[str, Any]:
    """The JSON Schema of ``lifecycle.json`` (``lifecycle.schema.json``), Draft 2020-12."""
    defs: dict[str, Any] = _common_defs()
    for table in TABLES.values():
        defs.update(_table_defs(table))
    defs["Guard"] = _object(
        "Guard",
        "A check or guard of the tables.",
        {"description": _ref("Texts", "What a failing guard means: the title of its rule.")},
    )
    properties = {
        "$schema": {"const": LIFECYCLE_SCHEMA_ID, "description": "The $id of this schema."},
        "schema_version": {
            "const": SCHEMA_VERSION,
            "description": "The OGP JSON version whose lifecycle the tables describe.",
        },
        "languages": {
            **_array(_ref("Language"), "The languages of the guards' descriptions."),
            "minItems": 1,
        },
        "tables": _object(
            "Tables",
            "The transition table of each kind of entity.",
            {
                kind: _ref(f"{kind.capitalize()}Table", f"The transition table of a {kind}.")
                for kind in TABLES
            },
        ),
        "guards": {
            "type": "object",
            "description": (
                "Every check and guard the tables name, by code: the code of the rule whose "
                "finding a failing guard reports (see rules.json)."
            ),
            "propertyNames": _ref("Code"),
            "additionalProperties": _ref("Guard"),
        },
    }
    return {
        "$schema": _DRAFT,
        "$id": LIFECYCLE_SCHEMA_ID,
        **_object(
            f"ogpmodel lifecycle tables (OGP JSON {SCHEMA_VERSION})",
            (
                "The states of plans, commitments and milestones, the allowed transitions with "
                "their guards and notes, and what each guard means."
            ),
            properties,
        ),
        "$defs": defs,
    }
