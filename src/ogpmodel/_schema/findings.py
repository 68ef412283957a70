"""JSON Schema errors as findings: the full report of a document that the fast path refused."""

import difflib
import functools
import json
import typing
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ogpmodel import _patterns
from ogpmodel._document import json_type
from ogpmodel._fields import FORMATS, UrlText
from ogpmodel._resources import SCHEMA_VERSION, SUPPORTED_VERSIONS, schema_dir
from ogpmodel.report import Finding, Severity, pointer

if TYPE_CHECKING:  # jsonschema is imported only when a document fails the fast path
    import jsonschema
    from jsonschema.exceptions import ValidationError

__all__ = ["iter_schema_findings", "json_type", "load_schema"]


@functools.cache
def load_schema(name: str, version: str = SCHEMA_VERSION) -> Mapping[str, Any]:
    """The packaged JSON Schema *name* (``"action-plan"``, ``"report"``) of *version*, read once."""
    path = schema_dir(version) / f"{name}.schema.json"
    data: Mapping[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@functools.cache
def _validator(version: str = SCHEMA_VERSION) -> "jsonschema.Draft202012Validator":
    import jsonschema  # only the slow path and reports need it

    return jsonschema.Draft202012Validator(
        load_schema("action-plan", version), format_checker=jsonschema.FormatChecker(["date"])
    )


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
        word = _UNIONS.get(subschema.get("title", ""))
        if word is not None:
            yield from _union_findings(error, location, word, finding, seen)
            return
    if keyword == "type":
        expected = subschema.get("type")
        expected_word = "text" if expected == ["string", "object"] else expected
        yield from finding(
            "schema.type", location, expected=expected_word, actual=json_type(instance)
        )
        return
    if keyword == "required" and isinstance(instance, dict):
        for name in typing.cast("list[str]", error.validator_value):
            if name not in instance:
                if location == () and name == "schema_version":
                    yield from finding(
                        "schema.version", (name,), value=None, supported=list(SUPPORTED_VERSIONS)
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
    if keyword in ("minimum", "maximum"):
        yield from finding("schema.range", location, value=instance, minimum=0, maximum=100)
        return
    if keyword == "const" and location == ("schema_version",):
        yield from finding(
            "schema.version", location, value=instance, supported=list(SUPPORTED_VERSIONS)
        )
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
    yield from finding("schema.type", location, expected=keyword, actual=json_type(instance))


#: The unions of kinds that differ by JSON type (a URL, or a map of URLs), by schema title, and
#: the word the full report expects of them.
_UNIONS = {"URL text": UrlText.name}


def _union_findings(
    error: "ValidationError",
    location: tuple[str | int, ...],
    word: str,
    finding: typing.Callable[..., Iterator[Finding]],
    seen: set[tuple[str, str]],
) -> Iterator[Finding]:
    """
    The findings of a value of a union of kinds, as the full report gives them.

    The errors of the branch of the value's JSON type, or a type error when no branch has it.
    An empty map of the map branch is the union's required value missing.
    """
    subs = list(error.context or ())
    refused = {
        sub.relative_schema_path[0]
        for sub in subs
        if sub.validator == "type" and not sub.relative_path and sub.relative_schema_path
    }
    kept = [
        sub
        for sub in subs
        if sub.relative_schema_path and sub.relative_schema_path[0] not in refused
    ]
    if not kept:
        yield from finding("schema.type", location, expected=word, actual=json_type(error.instance))
        return
    for sub in kept:
        if sub.validator == "minProperties" and location and isinstance(location[-1], str):
            yield from finding("schema.required", location, field=location[-1])
        else:
            yield from _findings_of(sub, seen)  # as the branch of a nullable field is read


def _format_from_title(title: str) -> str:
    if title == "Country code":
        return "country"
    by_title = {fmt.title: fmt.key for fmt in FORMATS.values()}
    return by_title.get(title, "non_blank")


def iter_schema_findings(document: Any) -> Iterator[Finding]:
    """
    Yield a finding for every JSON Schema violation of *document*, in document order.

    Each finding has a ``schema.*`` code (or ``text.empty``), a JSON Pointer and the parameters
    its message needs (the nearest valid name for unknown fields and codes). The document is
    checked against the schema of the version it names (the current one when it names none,
    or one this library does not read).
    """
    seen: set[tuple[str, str]] = set()
    named = document.get("schema_version") if isinstance(document, dict) else None
    version = named if named in SUPPORTED_VERSIONS else SCHEMA_VERSION
    errors = sorted(
        _validator(version).iter_errors(document), key=lambda e: [str(t) for t in e.absolute_path]
    )
    for error in errors:
        yield from _findings_of(error, seen)
