"""
What the readers take, and the one way they refuse a value of another kind.

Each reader takes the kinds of value its signature names: `loads` text or bytes; `load`,
`iter_load` and the converters a path or an open file (the tracker importers also parsed
JSON); `from_dict` and `upgrade` parsed JSON; `validate` all of these and plans (a `str` is JSON
text there, a path is a `pathlib.Path`). A value of another kind is a caller's mistake, not bad
data: a `TypeError` names the parameter, what it takes and what it got, and, when another reader
takes that kind of value, which one (`hint`). A `str` given as a path that is JSON text is a
`ValueError` that says to read it as text (`json_text_as_path`); a file name given as JSON text
gets the same hint in its ``schema.invalid-json`` finding (`file_name_hint`).
"""

import os
import re
from collections.abc import Mapping

__all__ = [
    "file_name_hint",
    "hint",
    "is_parsed_json",
    "json_text_as_path",
    "looks_like_json",
    "wrong_kind",
]

#: Text that is a file name, not JSON (``plan.json``, ``data/plan.jsonl``, ``C:\\plans\\x.json``).
_FILE_NAME = re.compile(r"[^\s{}\[\]\"]+\.(json|jsonl|ndjson)", re.IGNORECASE)


def looks_like_json(text: str) -> bool:
    """Whether *text* reads as a JSON object or array rather than a file name."""
    return text.lstrip()[:1] in ("{", "[") and not os.path.exists(text)


def is_parsed_json(value: object) -> bool:
    """Whether *value* is of a kind `json.loads` returns (strings aside: see `hint`)."""
    return value is None or isinstance(value, (Mapping, list, bool, int, float))


def hint(value: object) -> str:
    """
    Which reader takes *value*, for the message that refuses it ('' when none does).

    >>> hint(b'{"schema_version": "1.1"}')
    'to read JSON text or bytes, use ogpmodel.loads(text)'
    """
    if isinstance(value, os.PathLike):
        return "to read a file, use ogpmodel.load(path)"
    if callable(getattr(value, "read", None)):
        return "to read an open file, use ogpmodel.load(file)"
    if isinstance(value, str) and (_FILE_NAME.fullmatch(value.strip()) or os.path.exists(value)):
        return "to read a file, use ogpmodel.load(path)"
    if isinstance(value, (str, bytes, bytearray)):
        return "to read JSON text or bytes, use ogpmodel.loads(text)"
    if isinstance(value, Mapping):
        return "to read a document parsed from JSON, use ogpmodel.from_dict(data)"
    if type(value).__module__ == "ogpmodel.model":
        return "it is a model object already; ogpmodel.validate(plan) checks a plan"
    return ""


def wrong_kind(name: str, takes: str, value: object, *, hints: bool = True) -> TypeError:
    """
    The error of a caller who passed *value* as the parameter *name*, which takes *takes*.

    With *hints* (for the readers of OGP JSON), the message names the reader that takes *value*.

    >>> print(wrong_kind("text", "str, bytes or bytearray", {}))
    text must be str, bytes or bytearray, got dict: to read a document parsed from JSON, use ogpmodel.from_dict(data)
    """
    message = f"{name} must be {takes}, got {type(value).__name__}"
    found = hint(value) if hints else ""
    return TypeError(f"{message}: {found}" if found else message)


def json_text_as_path(name: str, value: object, instead: str) -> ValueError | None:
    """
    The error of JSON text passed as the path *name*, which says *instead*; `None` for a path.

    A `str` that starts like a JSON object or array and names no file is taken for JSON text.
    """
    if not isinstance(value, str) or not looks_like_json(value):
        return None
    shown = " ".join(value.split())[:40]
    return ValueError(f"{name} is JSON text ({shown!r}…), not the path of a file: {instead}")


def file_name_hint(text: object) -> str:
    """
    What to say of *text* given as JSON text when it is a file name ('' when it is not one).

    >>> print(file_name_hint("plan.json"))
    'plan.json' looks like a file name: to read the file, use ogpmodel.load('plan.json') or ogpmodel.validate(pathlib.Path('plan.json'))
    """
    if not isinstance(text, str) or _FILE_NAME.fullmatch(text.strip()) is None:
        return ""
    name = text.strip()
    return (
        f"{name!r} looks like a file name: to read the file, use ogpmodel.load({name!r}) or"
        f" ogpmodel.validate(pathlib.Path({name!r}))"
    )
