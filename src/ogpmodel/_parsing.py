"""
Strict JSON text: bytes decoded, then parsed with no NaN or Infinity and no duplicate keys.

Bytes are UTF-8, with or without a byte-order mark. A problem is one ``schema.invalid-json``
finding with its line and column.
"""

import json
from typing import Any

from ogpmodel.report import Finding, Severity

__all__ = ["JSONProblem", "decode", "invalid_json", "parse", "position"]


def __dir__() -> list[str]:
    return sorted(__all__)


class JSONProblem(Exception):
    """A document that is not (strict) JSON; `finding` says where and why."""

    def __init__(self, finding: Finding) -> None:
        self.finding = finding


def position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def invalid_json(reason: str, line: int | str, column: int | str) -> Finding:
    return Finding(
        "schema.invalid-json",
        Severity.ERROR,
        "",
        {"reason": reason, "line": line, "column": column},
    )


def parse(text: str, max_depth: int = 160) -> Any:
    """Parse JSON text strictly: no NaN/Infinity, no duplicate keys."""
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                duplicates.append(key)
            result[key] = value
        return result

    def constant(name: str) -> Any:
        index = text.find(name)
        line, column = position(text, index) if index >= 0 else ("?", "?")
        raise JSONProblem(invalid_json(f"{name} is not a JSON number", line, column))

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as error:
        raise JSONProblem(invalid_json(error.msg, error.lineno, error.colno)) from None
    except RecursionError:  # deeper than Python's parser goes: far beyond *max_depth*
        depth = Finding("limits.depth", Severity.ERROR, "", {"limit": max_depth})
        raise JSONProblem(depth) from None
    if duplicates:
        key = duplicates[0]
        index = text.find(json.dumps(key))
        line, column = position(text, index) if index >= 0 else ("?", "?")
        raise JSONProblem(
            invalid_json(f"the key {key!r} appears twice in one object", line, column)
        )
    return data


def decode(data: bytes | bytearray) -> str:
    """
    Decode a document's bytes: UTF-8, with or without a byte-order mark.

    Raises:
        JSONProblem: The bytes are not UTF-8 (the finding gives the line and column).
    """
    try:
        return bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = position(error.object[: error.start].decode("utf-8", "replace"), error.start)
        raise JSONProblem(invalid_json("the bytes are not UTF-8", line, column)) from None
