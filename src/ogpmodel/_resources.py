"""Where the packaged data (JSON Schemas, codelist CSVs) lives."""

import functools
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importlib.resources is imported only for a package inside an archive
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
    "SUPPORTED_VERSIONS",
    "schema_dir",
    "schema_id",
    "version_key",
]

#: The OGP JSON version this library writes.
SCHEMA_VERSION = "1.1"
#: Every OGP JSON version this library reads, oldest first (each a compatible superset).
SUPPORTED_VERSIONS = ("1.0", "1.1")

_BASE = "https://ogpmodel.github.io/ogpmodel/schemas"


def schema_id(name: str, version: str = SCHEMA_VERSION) -> str:
    """The ``$id`` of the published file *name* (``"action-plan"``) of OGP JSON *version*."""
    return f"{_BASE}/{version}/{name}.schema.json"


def version_key(version: str) -> tuple[int, ...]:
    """*version* as a tuple of integers, for ordering (``"1.10"`` after ``"1.9"``)."""
    return tuple(int(part) for part in version.split("."))


#: The ``$id`` of the OGP JSON action-plan schema.
SCHEMA_ID = schema_id("action-plan")
#: The ``$id`` of the validation-report schema.
REPORT_SCHEMA_ID = schema_id("report")
#: The ``$id`` of the schema of ``rules.json``, the rule catalogue as data.
RULES_SCHEMA_ID = schema_id("rules")
#: The ``$id`` of the schema of ``lifecycle.json``, the lifecycle tables as data.
LIFECYCLE_SCHEMA_ID = schema_id("lifecycle")


@functools.cache
def schema_dir(version: str = SCHEMA_VERSION) -> "Traversable":
    """
    Return the folder of the schema files of *version*.

    An installed wheel carries them as ``ogpmodel/schemas/<version>``; a source checkout
    (an editable install) reads the repository's own ``schemas/<version>``.
    """
    here = Path(__file__).resolve().parent
    for folder in (here / "schemas" / version, here.parents[1] / "schemas" / version):
        if folder.is_dir():
            return folder
    from importlib import resources  # a package that is not in a folder (a zip archive)

    packaged = resources.files("ogpmodel") / "schemas" / version
    if packaged.is_dir():
        return packaged
    msg = f"ogpmodel's schema files for OGP JSON {version} are missing from this installation"
    raise FileNotFoundError(msg)
