"""
The JSON Schema of OGP JSON 1.0: generated from the model, packaged, and used for reports.

The schema is Draft 2020-12 and portable: validation uses only standard keywords (``type``,
``properties``, ``required``, ``additionalProperties``, ``pattern``, ``enum``, ``const``,
``anyOf``, ``allOf``, ``not``, ``if``/``then``); codelists are annotated with ``anyOf`` branches
of ``const`` + ``title`` + ``description``, which every validator reads. Patterns are written
in the subset ECMA-262 and Python's ``re`` read alike. The one rule the schema cannot express
is calendar validity (``2023-02-30``): full dates carry ``format: date`` for validators that
check formats, and the library checks partial dates itself.
"""

import copy
import datetime
import difflib
import functools
import json
import types
import typing
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ogpmodel import _patterns, _validators
from ogpmodel._converter import wire_name
from ogpmodel._resources import SCHEMA_VERSION, schema_dir
from ogpmodel.codelists import (
    CODELISTS,
    COUNTRIES,
    OPEN_CODELISTS,
    Code,
    codelist_name,
)
from ogpmodel.model import (
    ActionPlan,
    EndOfCommitmentReport,
    InceptionReport,
    IrmReview,
    TransitionEvent,
    _country,
    _required_text,
    _schema_version,
)
from ogpmodel.report import Finding, Severity, pointer
from ogpmodel.values import PartialDate, Text

if TYPE_CHECKING:  # jsonschema is imported only when a document fails the fast path
    import jsonschema
    from jsonschema.exceptions import ValidationError

__all__ = ["REPORT_SCHEMA_ID", "SCHEMA_ID", "generate_schema", "iter_schema_findings", "schema"]

_BASE = "https://ogpmodel.github.io/ogpmodel/schemas"
#: The ``$id`` of the OGP JSON action-plan schema.
SCHEMA_ID = f"{_BASE}/{SCHEMA_VERSION}/action-plan.schema.json"
#: The ``$id`` of the validation-report schema.
REPORT_SCHEMA_ID = f"{_BASE}/{SCHEMA_VERSION}/report.schema.json"

_ASSESSMENTS = (InceptionReport, EndOfCommitmentReport, IrmReview)

# String formats: $defs name -> (pattern, title, description, vocabulary key of the finding).
_STRING_DEFS: Mapping[str, tuple[str, str, str]] = {
    "PlanId": (
        _patterns.PLAN_ID,
        "Plan id",
        "Letters, digits, '.', '_' and '-', starting with a letter or digit.",
    ),
    "Id": (_patterns.ENTITY_ID, "Id", "An id: one or more characters, none of them white space."),
    "LanguageTag": (
        _patterns.LANGUAGE_TAG,
        "Language tag",
        "A BCP 47 language tag, e.g. 'es', 'en', 'fr-CA'.",
    ),
    "Date": (_patterns.DATE, "Date", "A full calendar date, YYYY-MM-DD."),
    "PartialDate": (
        _patterns.PARTIAL_DATE,
        "Partial date",
        "YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601 reduced precision). A partial date denotes an "
        "interval: '2023-03' is 1 to 31 March 2023. It must be a real calendar date, which "
        "ogpmodel checks and this pattern cannot.",
    ),
    "Url": (_patterns.URL, "URL", "An absolute http(s) URL."),
    "Email": (_patterns.EMAIL, "E-mail address", "An e-mail address."),
    "NonBlankString": (
        _patterns.NON_BLANK,
        "Non-empty string",
        "A string with at least one character that is not white space.",
    ),
}
_FORMAT_OF_DEF = {
    "PlanId": "plan_id",
    "Id": "id",
    "LanguageTag": "language_tag",
    "Date": "date",
    "PartialDate": "partial_date",
    "Url": "url",
    "Email": "email",
    "NonBlankString": "non_blank",
    "CountryCode": "country",
}
_DEF_OF_PATTERN = {pattern: name for name, (pattern, _, _) in _STRING_DEFS.items()}


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _humanize(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _event_def(state: type) -> str:
    return f"{state.__name__.removesuffix('Status')}TransitionEvent"


class _Generator:
    """Builds the schema by walking the attrs classes reachable from `ActionPlan`."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def run(self) -> dict[str, Any]:
        root = self.object_schema(ActionPlan)
        for name, (pattern, title, description) in _STRING_DEFS.items():
            self.defs[name] = {
                "title": title,
                "description": description,
                "type": "string",
                "pattern": pattern,
            }
        self.defs["Date"]["format"] = "date"
        self.defs["CountryCode"] = {
            "title": "Country code",
            "description": "An ISO 3166-1 alpha-2 country code, e.g. 'CL'.",
            "type": "string",
            "enum": sorted(COUNTRIES),
        }
        self.defs["Text"] = {
            "title": "Text",
            "description": (
                "A string in the plan's language, or an object mapping BCP 47 language tags to "
                "strings. Empty or white-space-only text counts as missing."
            ),
            "type": ["string", "object"],
            "propertyNames": _ref("LanguageTag"),
            "additionalProperties": {"type": "string"},
            "minProperties": 1,
        }
        self.defs["RequiredText"] = {
            "title": "Required text",
            "description": "A Text with at least one string that is not empty or white space.",
            "allOf": [_ref("Text")],
            "not": {
                "anyOf": [
                    {"type": "string", "pattern": _patterns.BLANK},
                    {
                        "type": "object",
                        "additionalProperties": {"type": "string", "pattern": _patterns.BLANK},
                    },
                ]
            },
        }
        self.defs["Extensions"] = {
            "title": "Extensions",
            "description": "Content outside the standard, kept verbatim through a round trip.",
            "type": "object",
        }
        self.defs["Assessment"] = {
            "title": "Assessment",
            "description": "A monitoring-body or IRM assessment, tagged by 'type'.",
            "type": "object",
            "required": ["type"],
            "properties": {
                "type": {
                    "title": "Type",
                    "description": "The kind of assessment.",
                    **_ref("AssessmentType"),
                }
            },
            "allOf": [
                {
                    "if": {"properties": {"type": {"const": cls.type.value}}, "required": ["type"]},
                    "then": _ref(cls.__name__),
                }
                for cls in _ASSESSMENTS
            ],
        }
        for cls in _ASSESSMENTS:
            self.object_schema(cls)
        for name, open_list in OPEN_CODELISTS.items():
            self.defs[_camel(name)] = {
                "title": _camel(name),
                "description": (
                    f"An open codelist ('{name}'): any non-empty string; the seed codes are "
                    "listed as examples."
                ),
                "type": "string",
                "pattern": _patterns.NON_BLANK,
                "examples": list(open_list.codes),
            }
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": SCHEMA_ID,
            "title": "OGP JSON 1.0 action plan",
            "description": (
                "An Open Government Partnership action plan: commitments, milestones, "
                "stakeholders, lifecycle and assessments. Absent and null fields mean the same; "
                "so do an absent and an empty optional list. Unknown fields are errors except "
                "inside 'extensions'."
            ),
            **root,
            "$defs": dict(sorted(self.defs.items())),
        }

    def object_schema(self, cls: type, *, state: type | None = None) -> dict[str, Any]:
        name = _event_def(state) if state is not None else cls.__name__
        if name in self.defs:
            return self.defs[name]  # type: ignore[no-any-return]
        placeholder: dict[str, Any] = {}
        self.defs[name] = placeholder
        properties: dict[str, Any] = {}
        required: list[str] = []
        if cls in _ASSESSMENTS:
            properties["type"] = {
                "title": "Type",
                "description": "The kind of assessment.",
                "const": cls.type.value,
            }
            required.append("type")
        hints = typing.get_type_hints(cls)
        for attribute in attrs.fields(cls):
            wire = wire_name(attribute)
            tp = hints[attribute.name]
            is_required = attribute.default is attrs.NOTHING or attribute.metadata.get("required")
            if state is not None and attribute.name in ("from_", "to"):
                field_schema = _ref(state.__name__)
            else:
                field_schema = self.type_schema(tp, attribute)
                if is_required:  # null means absent, which a required field may not be
                    field_schema = _without_null(field_schema)
                else:  # and which every optional field may be
                    field_schema = _with_null(field_schema)
            field_schema = {
                "title": _humanize(wire),
                "description": attribute.metadata.get("description", ""),
                **field_schema,
            }
            properties[wire] = field_schema
            if is_required:
                required.append(wire)
        doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        placeholder.update(
            {
                "title": name,
                "description": doc,
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            }
        )
        if not required:
            del placeholder["required"]
        if cls is ActionPlan:
            del self.defs[name]
        return placeholder

    def type_schema(self, tp: Any, attribute: "attrs.Attribute[Any]") -> dict[str, Any]:
        args = typing.get_args(tp)
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType) and type(None) in args:
            inner = [a for a in args if a is not type(None)]
            inner_tp = inner[0] if len(inner) == 1 else typing.Union[tuple(inner)]  # noqa: UP007
            return {"anyOf": [self.type_schema(inner_tp, attribute), {"type": "null"}]}
        if origin is tuple:
            return {
                "anyOf": [
                    {"type": "array", "items": self.item_schema(args[0], attribute)},
                    {"type": "null"},
                ]
            }
        return self.item_schema(tp, attribute)

    def item_schema(self, tp: Any, attribute: "attrs.Attribute[Any]") -> dict[str, Any]:
        validator = attribute.validator
        if tp is Text:
            return _ref("RequiredText" if validator is _required_text else "Text")
        if tp is PartialDate:
            return _ref("PartialDate")
        if tp is datetime.date:
            return _ref("Date")
        if isinstance(tp, type) and issubclass(tp, Code):
            self.codelist_schema(tp)
            return _ref(tp.__name__)
        if tp is bool:
            return {"type": "boolean"}
        if tp is str:
            return self.string_schema(attribute)
        if typing.get_origin(tp) is TransitionEvent:
            (state,) = typing.get_args(tp)
            self.object_schema(TransitionEvent, state=state)
            return _ref(_event_def(state))
        if tp == Mapping[str, Any]:
            return _ref("Extensions")
        if typing.get_origin(tp) in (typing.Union, types.UnionType):
            return _ref("Assessment")
        if attrs.has(tp):
            self.object_schema(tp)
            return _ref(tp.__name__)
        msg = f"no JSON Schema for {tp!r} ({attribute.name})"
        raise TypeError(msg)

    def string_schema(self, attribute: "attrs.Attribute[Any]") -> dict[str, Any]:
        validator = attribute.validator
        codelist = attribute.metadata.get("codelist")
        if codelist is not None:
            return _ref(_camel(codelist))
        if validator is _country:
            return _ref("CountryCode")
        if validator is _schema_version:
            return {"type": "string", "const": SCHEMA_VERSION}
        if isinstance(validator, _validators._IdTuple):
            return _ref("Id")
        pattern = getattr(validator, "pattern", None)
        if pattern is not None:
            return _ref(_DEF_OF_PATTERN[pattern])
        return {"type": "string"}

    def codelist_schema(self, enum: type[Code]) -> None:
        if enum.__name__ in self.defs:
            return
        self.defs[enum.__name__] = {
            "title": enum.__name__,
            "description": f"{(enum.__doc__ or '').strip()} Closed codelist '{codelist_name(enum)}'.",
            "type": "string",
            "anyOf": [
                {"const": code.value, "title": code.label("en"), "description": code.describe("en")}
                for code in enum
            ],
        }


def _without_null(field_schema: dict[str, Any]) -> dict[str, Any]:
    branches = field_schema.get("anyOf")
    if isinstance(branches, list) and {"type": "null"} in branches:
        rest = [b for b in branches if b != {"type": "null"}]
        return rest[0] if len(rest) == 1 else {**field_schema, "anyOf": rest}
    return field_schema


def _with_null(field_schema: dict[str, Any]) -> dict[str, Any]:
    branches = field_schema.get("anyOf")
    if isinstance(branches, list) and {"type": "null"} in branches:
        return field_schema
    return {"anyOf": [field_schema, {"type": "null"}]}


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def generate_schema() -> dict[str, Any]:
    """Generate the OGP JSON 1.0 JSON Schema from the model (what ``make schema`` writes)."""
    schema = _Generator().run()
    # The state enums of the three event kinds must exist even if only referenced by events.
    for enum in CODELISTS.values():
        if enum.__name__ not in schema["$defs"]:
            gen = _Generator()
            gen.codelist_schema(enum)
            schema["$defs"].update(gen.defs)
    schema["$defs"] = dict(sorted(schema["$defs"].items()))
    return schema


@functools.cache
def _load(name: str) -> Mapping[str, Any]:
    path = schema_dir() / f"{name}.schema.json"
    data: Mapping[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def schema(name: str = "action-plan") -> dict[str, Any]:
    """
    Return a copy of a packaged JSON Schema: ``"action-plan"`` (default) or ``"report"``.

    >>> schema()["$id"]
    'https://ogpmodel.github.io/ogpmodel/schemas/1.0/action-plan.schema.json'
    """
    return copy.deepcopy(dict(_load(name)))


@functools.cache
def _validator() -> "jsonschema.Draft202012Validator":
    import jsonschema  # only the slow path and reports need it

    return jsonschema.Draft202012Validator(
        _load("action-plan"), format_checker=jsonschema.FormatChecker(["date"])
    )


# --- JSON Schema errors -> findings ------------------------------------------------------------


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _path(error: "ValidationError") -> tuple[str | int, ...]:
    return tuple(error.absolute_path)


def _nearest(value: str, candidates: list[str]) -> str | None:
    found = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    return found[0] if found else None


def _codes_of(subschema: Mapping[str, Any]) -> list[str] | None:
    branches = subschema.get("anyOf")
    if isinstance(branches, list) and branches and all("const" in b for b in branches):
        return [b["const"] for b in branches]
    return None


def _findings_of(error: "ValidationError", seen: set[tuple[str, str]]) -> Iterator[Finding]:
    keyword = error.validator
    location = _path(error)
    subschema: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    instance = error.instance

    def finding(code: str, tokens: tuple[str | int, ...], **params: Any) -> Iterator[Finding]:
        path = pointer(*tokens)
        if (code, path) not in seen:
            seen.add((code, path))
            yield Finding(code, Severity.ERROR, path, params)

    if keyword == "anyOf":
        codes = _codes_of(subschema)
        if codes is not None:
            if not isinstance(instance, str):
                return  # the type error at the same place says it
            yield from finding(
                "schema.enum",
                location,
                value=instance,
                codelist=subschema.get("title", "?"),
                allowed=codes,
                nearest=_nearest(instance, codes),
            )
            return
        branches = subschema.get("anyOf", [])
        if (
            isinstance(instance, (str, int, float, bool, list, dict))
            and {"type": "null"} in branches
        ):
            keep = next(i for i, b in enumerate(branches) if b != {"type": "null"})
            for sub in error.context or ():
                if sub.relative_schema_path and sub.relative_schema_path[0] == keep:
                    yield from _findings_of(sub, seen)
            return
    if keyword == "type":
        expected = subschema.get("type")
        expected_word = "text" if expected == ["string", "object"] else expected
        yield from finding(
            "schema.type", location, expected=expected_word, actual=_json_type(instance)
        )
        return
    if keyword == "required" and isinstance(instance, dict):
        for name in typing.cast("list[str]", error.validator_value):
            if name not in instance:
                if location == () and name == "schema_version":
                    yield from finding(
                        "schema.version", (name,), value=None, supported=[SCHEMA_VERSION]
                    )
                else:
                    yield from finding("schema.required", (*location, name), field=name)
        return
    if keyword == "additionalProperties" and isinstance(instance, dict):
        known = list(subschema.get("properties", {}))
        for name in instance:
            if name not in known:
                yield from finding(
                    "schema.additional-property",
                    (*location, name),
                    field=name,
                    nearest=_nearest(name, known),
                )
        return
    if keyword == "const" and location == ("schema_version",):
        yield from finding("schema.version", location, value=instance, supported=[SCHEMA_VERSION])
        return
    if keyword in ("not", "minProperties") or (
        keyword == "pattern" and subschema.get("pattern") == _patterns.BLANK
    ):
        yield from finding("text.empty", location)
        return
    if keyword in ("pattern", "enum", "format"):
        is_key = (
            "propertyNames" in error.relative_schema_path or "propertyNames" in error.schema_path
        )
        tokens = (*location, instance) if is_key and isinstance(instance, str) else location
        expected = (
            "real_date" if keyword == "format" else _format_from_title(subschema.get("title", ""))
        )
        yield from finding("schema.format", tokens, value=instance, expected=expected)
        return
    yield from finding("schema.type", location, expected=keyword, actual=_json_type(instance))


def _format_from_title(title: str) -> str:
    by_title = {v[1]: k for k, v in _STRING_DEFS.items()}
    if title == "Country code":
        return "country"
    return _FORMAT_OF_DEF.get(by_title.get(title, ""), "non_blank")


def iter_schema_findings(document: Any) -> Iterator[Finding]:
    """
    Yield a finding for every JSON Schema violation of *document*, in document order.

    Each finding has a ``schema.*`` code (or ``text.empty``), a JSON Pointer and the parameters
    its message needs (the nearest valid name for unknown fields and codes).
    """
    seen: set[tuple[str, str]] = set()
    errors = sorted(
        _validator().iter_errors(document), key=lambda e: [str(t) for t in e.absolute_path]
    )
    for error in errors:
        yield from _findings_of(error, seen)


def generate_report_schema() -> dict[str, Any]:
    """Generate the JSON Schema of `ValidationReport.to_dict` output (``report.schema.json``)."""
    from ogpmodel.rules import rules

    counts = {"type": "integer", "minimum": 0}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": REPORT_SCHEMA_ID,
        "title": "ogpmodel validation report",
        "description": "The findings of ogpmodel.validate() about one OGP JSON 1.0 action plan.",
        "type": "object",
        "required": [
            "ogpmodel_version",
            "schema_version",
            "language",
            "valid",
            "summary",
            "findings",
        ],
        "additionalProperties": False,
        "properties": {
            "ogpmodel_version": {
                "type": "string",
                "description": "The ogpmodel version that made the report.",
            },
            "schema_version": {
                "const": SCHEMA_VERSION,
                "description": "The OGP JSON version checked.",
            },
            "language": {"enum": ["en", "es"], "description": "The language of the messages."},
            "valid": {"type": "boolean", "description": "Whether the report has no errors."},
            "summary": {
                "type": "object",
                "required": ["errors", "warnings", "infos", "by_code"],
                "additionalProperties": False,
                "properties": {
                    "errors": counts,
                    "warnings": counts,
                    "infos": counts,
                    "by_code": {
                        "type": "object",
                        "description": "The number of findings of each code.",
                        "propertyNames": _ref("Code"),
                        "additionalProperties": counts,
                    },
                },
            },
            "findings": {"type": "array", "items": _ref("Finding")},
        },
        "$defs": {
            "Code": {
                "title": "Rule code",
                "description": "A stable code of the rule catalogue.",
                "type": "string",
                "anyOf": [
                    {"const": r.code, "title": r.title["en"]}
                    for r in rules(include_transition_only=True)
                ],
            },
            "Finding": {
                "title": "Finding",
                "type": "object",
                "required": ["code", "severity", "path", "message", "params"],
                "additionalProperties": False,
                "properties": {
                    "code": _ref("Code"),
                    "severity": {"enum": ["error", "warning", "info"]},
                    "path": {
                        "type": "string",
                        "description": "An RFC 6901 JSON Pointer into the document.",
                        "pattern": "^(/([^~/]|~[01])*)*" + _patterns.END,
                    },
                    "message": {"type": "string", "description": "The rendered message."},
                    "params": {"type": "object", "description": "The values the message uses."},
                },
            },
        },
    }
