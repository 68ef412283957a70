"""
The generator of the OGP JSON schema: it reads the model's declared field kinds.

The schema is Draft 2020-12 and portable: validation uses only standard keywords (``type``,
``properties``, ``required``, ``additionalProperties``, ``pattern``, ``enum``, ``const``,
``anyOf``, ``allOf``, ``not``, ``if``/``then``); codelists are annotated with ``anyOf`` branches
of ``const`` + ``title`` + ``description``, which every validator reads. Patterns are written
in the subset ECMA-262 and Python's ``re`` read alike. The one rule the schema cannot express
is calendar validity (``2023-02-30``): full dates carry ``format: date`` for validators that
check formats, and the library checks partial dates itself.
"""

import typing
from typing import Any

from ogpmodel import _patterns
from ogpmodel._fields import (
    FORMATS,
    Bool,
    Code,
    Const,
    Country,
    Date,
    DayOrPartialDate,
    Entity,
    EventOf,
    Extensions,
    Kind,
    ListOf,
    OpenCode,
    PartialDateKind,
    Percent,
    State,
    String,
    TextKind,
    UrlText,
    description_in,
    kinds_of,
    required_in,
    wire_name,
)
from ogpmodel._resources import (
    REPORT_SCHEMA_ID,
    SCHEMA_VERSION,
    SUPPORTED_VERSIONS,
    schema_dir,
    schema_id,
)
from ogpmodel._translations import languages
from ogpmodel.codelists import CODELISTS, COUNTRIES, OPEN_CODELISTS, codelist_name
from ogpmodel.codelists import Code as CodeEnum
from ogpmodel.model import (
    ActionPlan,
    EndOfCommitmentReport,
    InceptionReport,
    IrmReview,
    TransitionEvent,
)
from ogpmodel.rules import rules

__all__ = ["generate_report_schema", "generate_schema"]

_ASSESSMENTS = (InceptionReport, EndOfCommitmentReport, IrmReview)


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _humanize(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _event_def(state: type) -> str:
    return f"{state.__name__.removesuffix('Status')}TransitionEvent"


class _Generator:
    """Builds the schema of one version by walking the attrs classes reachable from `ActionPlan`."""

    def __init__(self, version: str = SCHEMA_VERSION) -> None:
        self.version = version
        self.defs: dict[str, Any] = {}
        self.formats: set[str] = set()

    def run(self) -> dict[str, Any]:
        root = self.object_schema(ActionPlan)
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
            "propertyNames": self.format_ref("LanguageTag"),
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
        for name, fmt in FORMATS.items():
            if name not in self.formats:
                continue
            self.defs[name] = {
                "title": fmt.title,
                "description": fmt.description,
                "type": "string",
                "pattern": fmt.pattern,
            }
        if "Date" in self.defs:
            self.defs["Date"]["format"] = "date"
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": schema_id("action-plan", self.version),
            "title": f"OGP JSON {self.version} action plan",
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
        for attribute, kind in kinds_of(cls, self.version):
            wire = wire_name(attribute)
            is_required = required_in(attribute, self.version)
            if state is not None and isinstance(kind, State):
                field_schema = _ref(state.__name__)
            else:
                field_schema = self.kind_schema(kind)
                if not is_required:  # null means absent, which every optional field may be
                    field_schema = {"anyOf": [field_schema, {"type": "null"}]}
            field_schema = {
                "title": _humanize(wire),
                "description": description_in(attribute, self.version),
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

    def kind_schema(self, kind: Kind) -> dict[str, Any]:
        """The schema of one value of *kind* (never null)."""
        if isinstance(kind, ListOf):
            return {"type": "array", "items": self.kind_schema(kind.item)}
        if isinstance(kind, TextKind):
            return _ref("RequiredText" if kind.required else "Text")
        if isinstance(kind, (PartialDateKind, DayOrPartialDate)):
            return self.format_ref("PartialDate")
        if isinstance(kind, Date):
            return self.format_ref("Date")
        if isinstance(kind, Percent):
            return {"type": "number", "minimum": 0, "maximum": 100}
        if isinstance(kind, UrlText):
            self.defs["UrlText"] = {
                "title": "URL text",
                "description": (
                    "A URL reference, or an object mapping BCP 47 language tags to URL "
                    "references (one address per language)."
                ),
                "anyOf": [
                    self.format_ref("UrlReference"),
                    {
                        "type": "object",
                        "propertyNames": self.format_ref("LanguageTag"),
                        "additionalProperties": self.format_ref("UrlReference"),
                        "minProperties": 1,
                    },
                ],
            }
            return _ref("UrlText")
        if isinstance(kind, Code):
            self.codelist_schema(typing.cast("type[CodeEnum]", kind.enum))
            return _ref(kind.enum.__name__)
        if isinstance(kind, Bool):
            return {"type": "boolean"}
        if isinstance(kind, OpenCode):
            return _ref(_camel(kind.codelist))
        if isinstance(kind, String):
            return {"type": "string"} if kind.format is None else self.format_ref(kind.format.name)
        if isinstance(kind, Country):
            return _ref("CountryCode")
        if isinstance(kind, Const):
            return {"type": "string", "const": kind.value}
        if isinstance(kind, Extensions):
            return _ref("Extensions")
        if isinstance(kind, EventOf):
            self.object_schema(TransitionEvent, state=kind.state_enum)
            return _ref(_event_def(kind.state_enum))
        if isinstance(kind, Entity):
            if len(kind.types) > 1:
                return _ref("Assessment")
            (cls,) = kind.types
            self.object_schema(cls)
            return _ref(cls.__name__)
        msg = f"no JSON Schema for the kind {kind!r}"
        raise TypeError(msg)

    def format_ref(self, name: str) -> dict[str, Any]:
        """A reference to the string format *name*, whose definition the schema then holds."""
        self.formats.add(name)
        return _ref(name)

    def codelist_schema(self, enum: type[CodeEnum]) -> None:
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


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def generate_schema(version: str = SCHEMA_VERSION) -> dict[str, Any]:
    """
    Generate the JSON Schema of OGP JSON *version* from the model (what ``make schema`` writes).

    Each version's schema derives from the same declarations: a field added later is left out
    of an earlier version's schema, and a field whose kind changed keeps its earlier kind there.

    Raises:
        ValueError: *version* is not one this library reads.
    """
    if version not in SUPPORTED_VERSIONS:
        msg = f"OGP JSON {version!r} is not a supported version ({', '.join(SUPPORTED_VERSIONS)})"
        raise ValueError(msg)
    schema = _Generator(version).run()
    published = {
        path.name.removesuffix(".csv") for path in (schema_dir(version) / "codelists").iterdir()
    }
    # The state enums of the three event kinds must exist even if only referenced by events.
    for name, enum in CODELISTS.items():
        if enum.__name__ not in schema["$defs"] and name in published:
            gen = _Generator(version)
            gen.codelist_schema(enum)
            schema["$defs"].update(gen.defs)
    schema["$defs"] = dict(sorted(schema["$defs"].items()))
    return schema


def generate_report_schema() -> dict[str, Any]:
    """Generate the JSON Schema of `ValidationReport.to_dict` output (``report.schema.json``)."""
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
            "language": {"enum": list(languages()), "description": "The language of the messages."},
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
