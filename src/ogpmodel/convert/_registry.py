"""
The converters by name, for the command line and for callers that choose one at run time.

Each entry names its module and function (``"ogpmodel.convert.us_nap5:read"``); the module is
imported when the converter is used, so that an optional dependency (openpyxl, PyYAML) is needed
only by the converter that uses it, and its absence is a clear error naming the extra to install.
"""

import importlib
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from ogpmodel.convert._conversion import Conversion
from ogpmodel.model import ActionPlan

__all__ = ["READERS", "TEMPLATES", "WRITERS", "Converter", "MissingExtra", "reader", "writer"]

#: A reader: a source (a file or a folder) in, a `Conversion` out.
Reader = Callable[[str | os.PathLike[str]], Conversion]
#: A writer: plans and a target (a file or a folder) in, the target written.
Writer = Callable[[Sequence[ActionPlan], str | os.PathLike[str]], None]


class MissingExtra(ImportError):
    """A converter needs an optional dependency that is not installed."""


@attrs.frozen
class Converter:
    """
    One converter: where its function lives, and the extra that installs what it needs.

    Attributes:
        target: ``"module:function"``.
        extra: The ``pip install 'ogpmodel[extra]'`` name of its dependencies, if any.
        help: One line for the command line.
    """

    target: str
    extra: str | None
    help: str

    def load(self) -> Callable[..., Any]:
        """
        The converter's function.

        Raises:
            MissingExtra: Its optional dependency is not installed.
        """
        module_name, function = self.target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError as error:
            if self.extra is None or error.name in (None, module_name):
                raise
            msg = (
                f"this converter needs {error.name}, which is not installed:"
                f" pip install 'ogpmodel[{self.extra}]'"
            )
            raise MissingExtra(msg) from error
        loaded: Callable[..., Any] = getattr(module, function)
        return loaded


#: The readers by ``--from`` name.
READERS: Mapping[str, Converter] = {
    "us-nap5": Converter(
        "ogpmodel.convert.us_nap5:read",
        "import",
        "the U.S. 5th national plan tracker (its folder of Markdown files, or its JSON form)",
    ),
    "canada-nap": Converter(
        "ogpmodel.convert.canada_nap:read",
        "import",
        "a Government of Canada national action plan tracker definition (YAML, or it as JSON)",
    ),
    "xlsx": Converter(
        "ogpmodel.convert.spreadsheet:read_xlsx", "xlsx", "a workbook of the plan template"
    ),
    "csv": Converter(
        "ogpmodel.convert.spreadsheet:read_csv", None, "a folder of CSV files, one per sheet"
    ),
}

#: The writers by ``--to`` name.
WRITERS: Mapping[str, Converter] = {
    "xlsx": Converter(
        "ogpmodel.convert.spreadsheet:write_xlsx", "xlsx", "a workbook, one sheet per entity"
    ),
    "csv": Converter(
        "ogpmodel.convert.spreadsheet:write_csv", None, "a folder of CSV files, one per sheet"
    ),
    "sqlite": Converter(
        "ogpmodel.convert.sqlite:write", None, "a SQLite database, one table per entity"
    ),
}


#: The empty workbooks (instructions, headings, drop-downs) by ``--to`` name: a function of the
#: target and the language (one of `ogpmodel.codelists.LANGUAGES`).
TEMPLATES: Mapping[str, Converter] = {
    "xlsx": Converter(
        "ogpmodel.convert.spreadsheet:write_template", "xlsx", "an empty workbook to fill in"
    ),
}


def reader(name: str) -> Reader:
    """
    The reader *name* of `READERS`.

    Raises:
        KeyError: No reader has that name.
        MissingExtra: Its optional dependency is not installed.
    """
    return READERS[name].load()


def writer(name: str) -> Writer:
    """
    The writer *name* of `WRITERS`.

    Raises:
        KeyError: No writer has that name.
        MissingExtra: Its optional dependency is not installed.
    """
    return WRITERS[name].load()
