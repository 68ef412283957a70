"""
OGP JSON reading and writing, for single documents and JSON Lines corpora.

`loads`, `load`, `dumps`, `dump`, `from_dict` and `to_dict` handle one document;
`iter_load` and `dump_lines` handle JSON Lines.

Reading takes a fast path: the document is structured directly. Only when that fails is the
JSON Schema run to collect *every* problem, which `InvalidDocument` carries in its report.
No other exception escapes `loads` for any input text.
"""

import json
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ogpmodel import _converter
from ogpmodel._document import DEFAULT_LIMITS, Limits
from ogpmodel._reading import read, read_text
from ogpmodel.errors import InvalidDocument
from ogpmodel.model import ActionPlan

__all__ = [
    "Limits",
    "dump",
    "dump_lines",
    "dumps",
    "from_dict",
    "iter_load",
    "load",
    "loads",
    "read",
    "to_dict",
]


def __dir__() -> list[str]:
    return sorted(__all__)


#: A file system path or an open text file.
PathOrFile = str | os.PathLike[str] | IO[str]
#: A file system path or an open file, text or binary.
Source = str | os.PathLike[str] | IO[str] | IO[bytes]


def from_dict(data: Any, *, limits: Limits = DEFAULT_LIMITS) -> ActionPlan:
    """
    Return the plan of an OGP JSON document given as Python data (a `dict`).

    Raises:
        InvalidDocument: The document is not valid OGP JSON; its ``report`` lists every problem.
    """
    plan, report = read(data, limits)
    if plan is None:
        raise InvalidDocument(report)
    return plan


def to_dict(plan: ActionPlan) -> dict[str, Any]:
    """Return *plan* as OGP JSON data: absent fields omitted, ``schema_version`` first."""
    data = _converter.unstructure_plan(plan)
    return {"schema_version": data.pop("schema_version"), **data}


def loads(text: str | bytes | bytearray, *, limits: Limits = DEFAULT_LIMITS) -> ActionPlan:
    """
    Return the plan of an OGP JSON document.

    >>> plan = loads('{"schema_version": "1.0", "id": "x", "title": "T", "language": "en",'
    ...   ' "member": {"name": "M", "membership": "local", "country": "CL"}, "period": {},'
    ...   ' "status": "planning", "commitments": []}')
    >>> plan.id
    'x'

    Raises:
        InvalidDocument: The text is not valid OGP JSON; its ``report`` lists every problem,
            each with a ``schema.*`` code and a JSON Pointer (invalid JSON: line and column).
    """
    plan, report = read_text(text, limits)
    if plan is None:
        raise InvalidDocument(report)
    return plan


def _open(source: PathOrFile, mode: str) -> tuple[IO[str], bool]:
    if isinstance(source, (str, os.PathLike)):
        return open(source, mode, encoding="utf-8"), True
    return source, False


def load(source: Source, *, limits: Limits = DEFAULT_LIMITS) -> ActionPlan:
    """
    Return the plan of the OGP JSON document in a file (a path or an open file).

    A path is read as bytes and decoded as `loads` decodes them (UTF-8, with or without a
    byte-order mark).

    Raises:
        InvalidDocument: The document is not valid OGP JSON (or not UTF-8).
        OSError: The file cannot be read.
    """
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as handle:
            return loads(handle.read(), limits=limits)
    return loads(source.read(), limits=limits)


def dumps(plan: ActionPlan, *, indent: int | None = None) -> str:
    """Return *plan* as OGP JSON text (UTF-8 characters kept, not escaped)."""
    return json.dumps(to_dict(plan), ensure_ascii=False, indent=indent)


def dump(plan: ActionPlan, target: PathOrFile, *, indent: int | None = 2) -> None:
    """Write *plan* as OGP JSON to a path or an open text file (with a final newline)."""
    handle, owned = _open(target, "w")
    try:
        handle.write(dumps(plan, indent=indent) + "\n")
    finally:
        if owned:
            handle.close()


def iter_load(source: Source, *, limits: Limits = DEFAULT_LIMITS) -> Iterator[ActionPlan]:
    """
    Yield the plans of a JSON Lines file, one document per line, reading one line at a time.

    Blank lines are skipped. Memory stays bounded by the largest single plan.

    Raises:
        InvalidDocument: A line is not a valid OGP JSON document; ``.line`` is its number
            (from 1), and the message names it.
    """
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as handle:
            yield from _plans_of_lines(handle, limits)
    else:
        yield from _plans_of_lines(source, limits)


def _plans_of_lines(lines: Iterable[str | bytes], limits: Limits) -> Iterator[ActionPlan]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        plan, report = read_text(line, limits)
        if plan is None:
            raise InvalidDocument(report, line=number)
        yield plan


def dump_lines(plans: Iterable[ActionPlan], target: PathOrFile) -> int:
    """Write *plans* as JSON Lines (one compact document per line); return how many."""
    handle, owned = _open(target, "w")
    count = 0
    try:
        for plan in plans:
            handle.write(dumps(plan) + "\n")
            count += 1
    finally:
        if owned:
            handle.close()
    return count
