"""
Converters: real plans in (tracker exports, spreadsheets) and out (spreadsheets, SQL tables).

Each converter returns a `Conversion`: the plan, and a report of what it met in the source
(``import.*`` findings, each naming the source record). Nothing in a source is dropped silently
(what has no field goes to ``extensions``), and nothing absent from it is invented.
"""

from ogpmodel.convert._conversion import Conversion

__all__ = ["Conversion"]


def __dir__() -> list[str]:
    return sorted(__all__)
