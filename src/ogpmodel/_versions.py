"""
The upgrade path between OGP JSON versions: one step per minor version.

Each step turns a document of one version into the next, losslessly. OGP JSON 1.1 is a
compatible superset of 1.0 (every field it added is optional, every kind it changed accepts more),
so its step only renames the version; a 1.2 is one more entry in `STEPS`.
"""

from collections.abc import Callable, Mapping
from typing import Any

from ogpmodel._document import json_type
from ogpmodel._inputs import is_parsed_json, wrong_kind
from ogpmodel._resources import SCHEMA_VERSION, SUPPORTED_VERSIONS, version_key
from ogpmodel.errors import InvalidDocument
from ogpmodel.report import Finding, Severity, ValidationReport

__all__ = ["STEPS", "Step", "upgrade"]


def __dir__() -> list[str]:
    return sorted(__all__)


#: A step: a document of one version in, the same document in the next version out.
Step = Callable[[dict[str, Any]], dict[str, Any]]


def _1_0_to_1_1(document: dict[str, Any]) -> dict[str, Any]:
    """1.0 -> 1.1: nothing of 1.0 changed meaning; only the version is renamed."""
    return document


#: Each version's step to the next: ``{from: (to, step)}``.
STEPS: Mapping[str, tuple[str, Step]] = {"1.0": ("1.1", _1_0_to_1_1)}


def _copy(document: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of parsed JSON, without recursion (so any nesting is copied)."""
    root: dict[str, Any] = dict(document)
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if isinstance(value, (dict, list)):
                value = dict(value) if isinstance(value, dict) else list(value)
                node[key] = value
                stack.append(value)
    return root


def _refuse(path: str, code: str, **params: Any) -> InvalidDocument:
    return InvalidDocument(ValidationReport([Finding(code, Severity.ERROR, path, params)]))


def upgrade(document: Mapping[str, Any], to: str = SCHEMA_VERSION) -> dict[str, Any]:
    """
    Return *document* (parsed OGP JSON) upgraded to OGP JSON *to*, the current version by default.

    The input is not changed; the result is a new document with the same content and meaning,
    in the later version (a document already in *to* comes back as an equal copy). The content
    is not checked: pass the result to `ogpmodel.validate` for that.

    >>> upgrade({"schema_version": "1.0", "id": "x"})
    {'schema_version': '1.1', 'id': 'x'}

    Raises:
        InvalidDocument: *document* is not an object, or its ``schema_version`` is missing, not
            a version this library reads, or later than *to* (a ``schema.version`` finding
            that names the supported versions).
        ValueError: *to* is not a version this library reads.
        TypeError: *document* is not parsed JSON (text, bytes, a path, a file: the message
            names the reader that takes it).
    """
    if to not in SUPPORTED_VERSIONS:
        msg = f"cannot upgrade to OGP JSON {to!r}: the supported versions are {SUPPORTED_VERSIONS}"
        raise ValueError(msg)
    given: object = document  # checked at run time: callers may pass anything
    if isinstance(given, (str, bytes, bytearray)) or not is_parsed_json(given):
        raise wrong_kind("document", "parsed OGP JSON (a dict)", given)
    if not isinstance(given, Mapping):
        raise _refuse("", "schema.type", expected="object", actual=json_type(given))
    version = document.get("schema_version")
    supported = [v for v in SUPPORTED_VERSIONS if version_key(v) <= version_key(to)]
    if not isinstance(version, str) or version not in supported:
        shown = version if version is None or isinstance(version, str) else repr(version)
        raise _refuse("/schema_version", "schema.version", value=shown, supported=supported)
    upgraded = _copy(document)
    while version != to:
        version, step = STEPS[version]
        upgraded = step(upgraded)
        upgraded["schema_version"] = version
    return upgraded
