"""
OGP JSON reading and writing, for single documents and JSON Lines corpora.

`loads`, `load`, `dumps`, `dump`, `from_dict` and `to_dict` handle one document;
`iter_load` and `dump_lines` handle JSON Lines.

Reading takes a fast path: the document is structured directly. Only when that fails is the
JSON Schema run to collect *every* problem, which `InvalidDocument` carries in its report.
No other exception escapes `loads` for any input text.
"""

import contextlib
import errno
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any, TypeGuard, TypeVar, cast

from ogpmodel import model
from ogpmodel._document import DEFAULT_LIMITS, Limits
from ogpmodel._fast import plan_data, plan_text
from ogpmodel._inputs import is_parsed_json, json_text_as_path, wrong_kind
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
        TypeError: *data* is not parsed JSON (text, bytes, a path, a file, a model object: the
            message names the reader that takes it).
    """
    if isinstance(data, (str, bytes, bytearray)) or not is_parsed_json(data):
        raise wrong_kind("data", "parsed OGP JSON (a dict)", data)
    plan, report = read(data, limits)
    if plan is None:
        raise InvalidDocument(report)
    return plan


def to_dict(plan: ActionPlan) -> dict[str, Any]:
    """
    Return *plan* as OGP JSON data: absent fields omitted, ``schema_version`` first.

    Raises:
        TypeError: *plan* is not an `ActionPlan`.
    """
    if not isinstance(plan, ActionPlan):
        msg = f"plan must be an ActionPlan, got {type(plan).__name__}"
        raise TypeError(msg)
    data = plan_data(plan)
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
        TypeError: *text* is not `str`, `bytes` or `bytearray`.
    """
    plan, report = read_text(_text(text, "text"), limits)
    if plan is None:
        raise InvalidDocument(report)
    return plan


def _text(value: object, name: str) -> str | bytes | bytearray:
    """*value*, the text of a document; a `TypeError` naming *name* when it is not text."""
    if not isinstance(value, (str, bytes, bytearray)):
        raise wrong_kind(name, "str, bytes or bytearray", value)
    return value


def _readable(source: object) -> IO[Any]:
    """*source*, an open file; a `TypeError` naming it when it is not one."""
    if not callable(getattr(source, "read", None)):
        raise wrong_kind("source", "a path or an open file", source)
    return cast("IO[Any]", source)


def _path(source: str | os.PathLike[str]) -> str | os.PathLike[str]:
    """*source*, a path; a `ValueError` when it is JSON text rather than a file name."""
    error = json_text_as_path("source", source, "to read it, use ogpmodel.loads(text)")
    if error is not None:
        raise error
    return source


def load(source: Source, *, limits: Limits = DEFAULT_LIMITS) -> ActionPlan:
    """
    Return the plan of the OGP JSON document in a file (a path or an open file).

    A path is read as bytes and decoded as `loads` decodes them (UTF-8, with or without a
    byte-order mark).

    Raises:
        InvalidDocument: The document is not valid OGP JSON (or not UTF-8).
        OSError: The file cannot be read.
        TypeError: *source* is neither a path nor an open file.
        ValueError: *source* is a `str` of JSON text, not a file name.
    """
    if isinstance(source, (str, os.PathLike)):
        with open(_path(source), "rb") as handle:
            return loads(handle.read(), limits=limits)
    return loads(_text(_readable(source).read(), "source.read()"), limits=limits)


def _compact(plan: ActionPlan) -> str:
    """*plan* as OGP JSON text without white space between tokens."""
    return json.dumps(to_dict(plan), ensure_ascii=False, separators=(",", ":"))


model._compact_json[0] = _compact  # how a plan prints in IPython and in Hypothesis' reports


def dumps(plan: ActionPlan, *, indent: int | None = None) -> str:
    """
    Return *plan* as OGP JSON text (UTF-8 characters kept, not escaped).

    Raises:
        TypeError: *plan* is not an `ActionPlan`.
    """
    if indent is None and isinstance(plan, ActionPlan):  # written directly, the same text
        return plan_text(plan)
    return json.dumps(to_dict(plan), ensure_ascii=False, indent=indent)


def dump(plan: ActionPlan, target: PathOrFile, *, indent: int | None = 2) -> None:
    """
    Write *plan* as OGP JSON to a path or an open text file (with a final newline).

    A path is written whole or not at all: the text goes to a temporary file in the same
    directory, which then replaces the target (its permission bits kept), so a failure leaves
    an existing file as it was.

    Raises:
        TypeError: *plan* is not an `ActionPlan`, or *target* is neither a path nor a file.
        OSError: The file cannot be written.
    """
    if _is_path(target):
        write_json(target, to_dict(plan), indent=indent)
    else:
        _writable(target).write(dumps(plan, indent=indent) + "\n")


def write_json(target: str | os.PathLike[str], data: Any, *, indent: int | None = 2) -> None:
    r"""
    Write JSON *data* to the file *target* (with a final newline), whole or not at all.

    UTF-8 characters are kept; a lone surrogate (from a ``\ud800`` escape of the input) is
    written as a JSON escape, so that the file is UTF-8. The file is replaced as `dump`
    replaces a path (the package's one way of writing a JSON file).

    Raises:
        OSError: The file cannot be written.
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent) + "\n"
    if not _utf8(text):
        text = json.dumps(data, ensure_ascii=True, indent=indent) + "\n"
    _replace(target, lambda handle: handle.write(text))


def _utf8(text: str) -> bool:
    """Whether *text* can be written as UTF-8 (it has no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_path(target: object) -> TypeGuard[str | os.PathLike[str]]:
    return isinstance(target, (str, os.PathLike))


def _writable(target: object) -> IO[str]:
    if not callable(getattr(target, "write", None)):
        msg = f"target must be a path or an open text file, got {type(target).__name__}"
        raise TypeError(msg)
    return cast("IO[str]", target)


_T = TypeVar("_T")


def _replace(target: str | os.PathLike[str], write: Callable[[IO[str]], _T]) -> _T:
    """
    Call *write* with a new file beside *target*, then put that file in its place.

    The file is flushed and synced before it replaces the target; on any failure it is
    removed and the target is left untouched. A symbolic link is followed: its target is
    replaced. The new file has the permission bits of the old one (a new file those that
    `open` gives it).
    """
    path = os.path.realpath(target)
    directory, name = os.path.split(path)
    try:
        mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = None
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temporary = os.path.join(directory, f".{name}.{os.urandom(4).hex()}.tmp")
        try:
            descriptor = os.open(temporary, flags, 0o666)  # the umask applies, as for open
            break
        except FileExistsError:
            continue
    else:  # pragma: no cover - 100 random names taken
        raise FileExistsError(errno.EEXIST, "no free temporary name", temporary)
    try:
        with open(descriptor, "w", encoding="utf-8") as handle:
            result = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(directory)
    return result


def _sync_directory(directory: str) -> None:
    """Make a rename in *directory* durable, where the system allows it (POSIX)."""
    if not hasattr(os, "O_DIRECTORY"):  # pragma: no cover - Windows
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def iter_load(source: Source, *, limits: Limits = DEFAULT_LIMITS) -> Iterator[ActionPlan]:
    """
    Yield the plans of a JSON Lines file, one document per line, reading one line at a time.

    Blank lines are skipped. Memory stays bounded by the largest single plan. A path is opened
    when the first plan is asked for.

    Raises:
        TypeError: *source* is neither a path nor an open file (raised at once).
        ValueError: *source* is a `str` of JSON text, not a file name (raised at once).
        InvalidDocument: A line is not a valid OGP JSON document; ``.line`` is its number
            (from 1), and the message names it.
    """
    if isinstance(source, (str, os.PathLike)):
        return _plans_of_path(_path(source), limits)
    given: object = source  # checked at run time: callers may pass anything
    if isinstance(given, (bytes, bytearray, Mapping)) or not hasattr(given, "__iter__"):
        raise wrong_kind("source", "a path or an open file", given)
    return _plans_of_lines(source, limits)


def _plans_of_path(path: str | os.PathLike[str], limits: Limits) -> Iterator[ActionPlan]:
    with open(path, "rb") as handle:
        yield from _plans_of_lines(handle, limits)


def _plans_of_lines(lines: Iterable[str | bytes], limits: Limits) -> Iterator[ActionPlan]:
    for number, line in enumerate(lines, start=1):
        if not _text(line, "each line of source").strip():
            continue
        plan, report = read_text(line, limits)
        if plan is None:
            raise InvalidDocument(report, line=number)
        yield plan


def dump_lines(plans: Iterable[ActionPlan], target: PathOrFile) -> int:
    """
    Write *plans* as JSON Lines (one compact document per line); return how many.

    A path is written whole or not at all, as by `dump`: when *plans* raises midway, an
    existing file is left as it was.

    Raises:
        TypeError: *plans* is not an iterable of `ActionPlan`, or *target* is neither a path
            nor a file.
        OSError: The file cannot be written.
    """
    given: object = plans  # checked at run time: callers may pass anything
    if isinstance(given, (str, bytes, bytearray)) or not hasattr(given, "__iter__"):
        msg = f"plans must be an iterable of ActionPlan, got {type(given).__name__}"
        raise TypeError(msg)

    def write(handle: IO[str]) -> int:
        count = 0
        for plan in plans:
            handle.write(dumps(plan) + "\n")
            count += 1
        return count

    if _is_path(target):
        return _replace(target, write)
    return write(_writable(target))
