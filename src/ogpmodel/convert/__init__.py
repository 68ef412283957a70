"""
Converters: real plans in (tracker exports, spreadsheets) and out (spreadsheets, SQL tables).

Each converter returns a `Conversion`: the plan, and a report of what it met in the source
(``import.*`` findings, each naming the source record). Nothing in a source is dropped silently
(what has no field goes to ``extensions``), and nothing absent from it is invented.
"""

from ogpmodel.convert._conversion import Conversion
from ogpmodel.convert._registry import (
    READERS,
    TEMPLATES,
    WRITERS,
    MissingExtra,
    reader,
    writer,
)

__all__ = ["READERS", "TEMPLATES", "WRITERS", "Conversion", "MissingExtra", "reader", "writer"]


def __dir__() -> list[str]:
    return sorted(__all__)
