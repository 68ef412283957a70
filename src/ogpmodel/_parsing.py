"""
Strict JSON text: bytes decoded, then parsed with no NaN, no duplicate keys, no huge numbers.

Bytes are UTF-8, with or without a byte-order mark. A problem is one ``schema.invalid-json``
finding with its line and column (of the very character at fault: the second occurrence of a
duplicate key in its object, the ``NaN`` itself) and, when the text was read that far, the JSON
Pointer of the value as its path.
"""

import json
import math
import re
import sys
from typing import Any

import attrs

from ogpmodel.report import Finding, Severity, pointer

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
    """
    Parse JSON text strictly: no NaN/Infinity, no duplicate keys, no number out of range.

    The fast path is one `json.loads`; only when it finds a problem is the text scanned again
    (`_locate`) for the line, column and JSON Pointer of the first one.

    Raises:
        JSONProblem: The text is not strict JSON (the finding says where and why).
    """
    duplicated = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicated
        result = dict(items)
        if len(result) != len(items):
            duplicated = True
        return result

    try:
        data = json.loads(
            text, object_pairs_hook=pairs, parse_constant=_constant, parse_float=_float
        )
    except json.JSONDecodeError as error:
        raise JSONProblem(invalid_json(error.msg, error.lineno, error.colno)) from None
    except RecursionError:  # deeper than Python's parser goes: far beyond *max_depth*
        depth = Finding("limits.depth", Severity.ERROR, "", {"limit": max_depth})
        raise JSONProblem(depth) from None
    except (_Refused, ValueError) as error:  # a constant, or a number out of range
        raise JSONProblem(_located(text, str(error))) from None
    if duplicated:
        raise JSONProblem(_located(text, "a key appears twice in one object"))
    return data


class _Refused(Exception):
    """A value the fast path refuses; `_locate` finds where it is."""


def _constant(name: str) -> Any:
    raise _Refused(_constant_reason(name))


def _constant_reason(name: str) -> str:
    return f"{name} is not a JSON number"


def _float(token: str) -> float:
    value = float(token)
    if math.isinf(value):
        raise _Refused(_float_reason(token))
    return value


def _shown(token: str) -> str:
    return token if len(token) <= _SHOWN else token[:_SHOWN] + "…"


def _float_reason(token: str) -> str:
    return f"the number {_shown(token)} is out of range"


def _int_reason(token: str) -> str:
    digits = len(token.lstrip("-"))
    limit = getattr(sys, "get_int_max_str_digits", lambda: 0)()
    return f"the integer {_shown(token)} has {digits} digits, more than {limit}"


def _located(text: str, fallback: str) -> Finding:
    """The finding of the first problem `_locate` finds in *text* (*fallback* if none)."""
    try:
        found = _locate(text)
    except (IndexError, ValueError):  # not expected: the fast path read the text that far
        found = None
    if found is None:
        return invalid_json(fallback, "?", "?")
    reason, index, tokens = found
    finding = invalid_json(reason, *position(text, index))
    return attrs.evolve(finding, path=pointer(*tokens))


#: How many characters of a refused number a message shows.
_SHOWN = 24
#: Reads one string (at its opening quote) in `_locate`.
_STRING = json.JSONDecoder()
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?")
_CONSTANTS = ("NaN", "Infinity", "-Infinity")
_LITERALS = ("true", "false", "null")


def _locate(text: str) -> tuple[str, int, tuple[str | int, ...]] | None:
    """
    The first problem of *text* that `json.loads` would not refuse by itself.

    Returns:
        ``(reason, index, tokens)``: a duplicate key (the index of its second occurrence), a
        NaN or Infinity, a number out of range or an integer with too many digits; *tokens* is
        the path of the value (for a duplicate key, of its second member). `None` when there
        is none. Iterative, so that any depth the parser accepted is scanned.
    """
    # One frame per open container: a list of [keys seen, current key] or [index].
    frames: list[tuple[set[str] | None, list[str | int]]] = []

    def tokens() -> tuple[str | int, ...]:
        return tuple(step[0] for _, step in frames)

    def ws(index: int) -> int:
        match = _WHITESPACE.match(text, index)
        return match.end() if match else index

    def member(index: int) -> tuple[str, int, tuple[str | int, ...]] | int:
        """Read ``"key":`` at *index* into the innermost object; return the value's index."""
        keys, step = frames[-1]
        assert keys is not None  # noqa: S101 - only objects have keys
        start = index
        if text[index] != '"':
            raise ValueError(index)
        key, index = _STRING.raw_decode(text, index)
        step[0] = key
        if key in keys:
            return f"the key {key!r} appears twice in one object", start, tokens()
        keys.add(key)
        index = ws(index)
        if text[index] != ":":
            raise ValueError(index)
        return ws(index + 1)

    index = ws(0)
    while True:
        # A value starts at `index`.
        char = text[index]
        if char in "{[":
            after = ws(index + 1)
            if text[after] == ("}" if char == "{" else "]"):
                index = after + 1
            elif char == "{":
                frames.append((set(), [""]))
                found = member(after)
                if isinstance(found, tuple):
                    return found
                index = found
                continue
            else:
                frames.append((None, [0]))
                index = after
                continue
        elif char == '"':
            index = _STRING.raw_decode(text, index)[1]
        elif constant := next((c for c in _CONSTANTS if text.startswith(c, index)), None):
            return _constant_reason(constant), index, tokens()
        elif literal := next((w for w in _LITERALS if text.startswith(w, index)), None):
            index += len(literal)
        elif number := _NUMBER.match(text, index):
            token = number.group()
            if number.group(2) or number.group(3):
                if math.isinf(float(token)):
                    return _float_reason(token), index, tokens()
            else:
                try:
                    int(token)
                except ValueError:
                    return _int_reason(token), index, tokens()
            index = number.end()
        else:
            raise ValueError(index)
        # The value ended: close containers until the next value (or the end of the text).
        while True:
            if not frames:
                return None
            index = ws(index)
            keys, step = frames[-1]
            char = text[index]
            if char == ",":
                index = ws(index + 1)
                if keys is None:
                    step[0] = int(step[0]) + 1
                    break
                found = member(index)
                if isinstance(found, tuple):
                    return found
                index = found
                break
            if char != ("]" if keys is None else "}"):
                raise ValueError(index)
            frames.pop()
            index += 1


def decode(data: bytes | bytearray) -> str:
    """
    Decode a document's bytes: UTF-8, with or without a byte-order mark.

    Raises:
        JSONProblem: The bytes are not UTF-8 (the finding gives the line and column).
    """
    try:
        return bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = error.object[: error.start].decode("utf-8-sig", "replace")
        line, column = position(before, len(before))
        raise JSONProblem(invalid_json("the bytes are not UTF-8", line, column)) from None
