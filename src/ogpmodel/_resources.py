"""Where the packaged data (JSON Schemas, codelist CSVs) lives."""

import functools
import sys
from importlib import resources
from pathlib import Path

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

__all__ = [
    "LIFECYCLE_SCHEMA_ID",
    "REPORT_SCHEMA_ID",
    "RULES_SCHEMA_ID",
    "SCHEMA_ID",
    "SCHEMA_VERSION",
    "schema_dir",
]

#: The OGP JSON version this library reads and writes.
SCHEMA_VERSION = "1.0"

_BASE = "https://ogpmodel.github.io/ogpmodel/schemas"
#: The ``$id`` of the OGP JSON action-plan schema.
SCHEMA_ID = f"{_BASE}/{SCHEMA_VERSION}/action-plan.schema.json"
#: The ``$id`` of the validation-report schema.
REPORT_SCHEMA_ID = f"{_BASE}/{SCHEMA_VERSION}/report.schema.json"
#: The ``$id`` of the schema of ``rules.json``, the rule catalogue as data.
RULES_SCHEMA_ID = f"{_BASE}/{SCHEMA_VERSION}/rules.schema.json"
#: The ``$id`` of the schema of ``lifecycle.json``, the lifecycle tables as data.
LIFECYCLE_SCHEMA_ID = f"{_BASE}/{SCHEMA_VERSION}/lifecycle.schema.json"


@functools.cache
def schema_dir(version: str = SCHEMA_VERSION) -> Traversable:
    """
    Return the folder of the schema files of *version*.

    An installed wheel carries them as ``ogpmodel/schemas/<version>``; a source checkout
    (an editable install) reads the repository's own ``schemas/<version>``.
    """
    packaged = resources.files("ogpmodel") / "schemas" / version
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "schemas" / version
    if checkout.is_dir():
        return checkout
    msg = f"ogpmodel's schema files for OGP JSON {version} are missing from this installation"
    raise FileNotFoundError(msg)
