"""
The JSON Schemas of OGP JSON: packaged, generated from the model, and used for reports.

`schema` returns a packaged schema (the action plan's or the report's). `generate_schema` and
`generate_report_schema` build them from the model's declared field kinds and the rule
catalogue (what ``make schema`` writes); a test fails when the committed files differ.
`iter_schema_findings` lists every JSON Schema violation of a document as findings.

`generate_rules_data` and `generate_lifecycle_data` publish the rule catalogue and the lifecycle
tables as JSON data (``rules.json``, ``lifecycle.json``), and `generate_rules_schema` and
`generate_lifecycle_schema` their JSON Schemas, for tools in other languages; ``make schema``
writes all four beside the action-plan schema.
"""

import copy
from typing import Any

from ogpmodel._resources import (
    LIFECYCLE_SCHEMA_ID,
    REPORT_SCHEMA_ID,
    RULES_SCHEMA_ID,
    SCHEMA_ID,
    SCHEMA_VERSION,
    SUPPORTED_VERSIONS,
)
from ogpmodel._schema.catalogue import (
    generate_lifecycle_data,
    generate_lifecycle_schema,
    generate_rules_data,
    generate_rules_schema,
)
from ogpmodel._schema.findings import iter_schema_findings, load_schema
from ogpmodel._schema.generate import generate_report_schema, generate_schema

__all__ = [
    "LIFECYCLE_SCHEMA_ID",
    "REPORT_SCHEMA_ID",
    "RULES_SCHEMA_ID",
    "SCHEMA_ID",
    "generate_lifecycle_data",
    "generate_lifecycle_schema",
    "generate_report_schema",
    "generate_rules_data",
    "generate_rules_schema",
    "generate_schema",
    "iter_schema_findings",
    "schema",
]


def __dir__() -> list[str]:
    return sorted(__all__)


def schema(name: str = "action-plan", version: str = SCHEMA_VERSION) -> dict[str, Any]:
    """
    Return a copy of a packaged JSON Schema: ``"action-plan"`` (default) or ``"report"``.

    *version* is the OGP JSON version (by default the current one; every version of
    ``SUPPORTED_VERSIONS`` is packaged).

    >>> schema()["$id"]
    'https://ogpmodel.github.io/ogpmodel/schemas/1.1/action-plan.schema.json'
    >>> schema(version="1.0")["$id"]
    'https://ogpmodel.github.io/ogpmodel/schemas/1.0/action-plan.schema.json'

    Raises:
        ValueError: *name* is not ``"action-plan"`` or ``"report"``, or *version* is not a
            supported version.
    """
    if name not in ("action-plan", "report"):
        msg = f"name must be 'action-plan' or 'report' (got {name!r})"
        raise ValueError(msg)
    if version not in SUPPORTED_VERSIONS:
        msg = f"version must be one of {', '.join(SUPPORTED_VERSIONS)} (got {version!r})"
        raise ValueError(msg)
    return copy.deepcopy(dict(load_schema(name, version)))
