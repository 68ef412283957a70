"""
The published schema without recursion, for schema-driven generators such as hypothesis-jsonschema.

The schema of OGP JSON is recursive: a milestone holds milestones (``$ref`` to itself), which
``hypothesis_jsonschema.from_schema(ogpmodel.schema())`` cannot resolve. `bounded_schema` cuts the
nesting at a depth and keeps every other keyword as published.
"""

import copy
import itertools
from typing import Any

from ogpmodel._resources import SCHEMA_VERSION
from ogpmodel.schema import schema

__all__ = ["bounded_schema"]

_RECURSIVE = "Milestone"  # the one definition that refers to itself


def _retarget(node: Any, old: str, new: str) -> None:
    """Point every ``$ref`` to *old* under *node* at *new* instead."""
    if isinstance(node, dict):
        if node.get("$ref") == old:
            node["$ref"] = new
        for value in node.values():
            _retarget(value, old, new)
    elif isinstance(node, list):
        for value in node:
            _retarget(value, old, new)


def bounded_schema(max_depth: int = 2, *, version: str = SCHEMA_VERSION) -> dict[str, Any]:
    """
    The published OGP JSON Schema of *version* with milestones nested *max_depth* levels at most.

    Level *n* of the nesting is the definition ``Milestone`` (level 1) or ``Milestone{n}``, whose
    ``milestones`` hold level *n + 1*; the last level has no ``milestones``. Every document the
    result accepts, the published schema accepts; every document of the published schema whose
    milestones nest at most *max_depth* levels, the result accepts. It has no recursive
    reference, so ``hypothesis_jsonschema.from_schema(bounded_schema())`` draws from it.

    >>> schema = bounded_schema(2)
    >>> schema["$defs"]["Milestone"]["properties"]["milestones"]["anyOf"][0]["items"]
    {'$ref': '#/$defs/Milestone2'}
    >>> "milestones" in schema["$defs"]["Milestone2"]["properties"]
    False

    Raises:
        ValueError: *max_depth* is not a positive integer, or *version* is not supported.
    """
    given: object = max_depth  # checked at run time: callers may pass anything
    if isinstance(given, bool) or not isinstance(given, int) or given < 1:
        msg = f"max_depth must be a positive integer (got {max_depth!r})"
        raise ValueError(msg)
    bounded = schema(version=version)
    definitions = bounded["$defs"]
    published = definitions[_RECURSIVE]
    names = [_RECURSIVE, *(f"{_RECURSIVE}{level}" for level in range(2, max_depth + 1))]
    for name, child in itertools.pairwise(names):
        level = copy.deepcopy(published)
        _retarget(level["properties"]["milestones"], f"#/$defs/{_RECURSIVE}", f"#/$defs/{child}")
        definitions[name] = level
    last = copy.deepcopy(published)
    del last["properties"]["milestones"]
    definitions[names[-1]] = last
    return bounded
