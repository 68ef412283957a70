"""
Reading the files of a source: text, strict JSON, YAML with a safe loader, Markdown front matter.

Every problem is an `Unreadable` exception carrying the ``import.unreadable`` finding, which names
the file and, where the parser gives one, the line and column (``nap5.yaml:12:3``). YAML is read
with PyYAML's safe loader only (its C version where PyYAML has one): it builds plain data, never
objects. The loader also records the line of every key (`Lines`), so that findings can say where a
record is, and reports a key repeated in one mapping, which YAML parsers otherwise drop silently.
"""

import pathlib
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import yaml

from ogpmodel._parsing import JSONProblem, decode, parse
from ogpmodel.report import Finding, Severity

__all__ = [
    "NO_LINES",
    "FrontMatter",
    "Lines",
    "Repeat",
    "Unreadable",
    "front_matter",
    "load_json",
    "load_yaml",
    "read_text",
    "unreadable",
]


def unreadable(source: str, reason: str) -> Finding:
    """The ``import.unreadable`` finding of *source* (``file``, ``file:line`` or ``file:line:column``)."""
    return Finding("import.unreadable", Severity.ERROR, "", {"source": source, "reason": reason})


class Unreadable(Exception):
    """A source, or one file of it, cannot be read; `finding` says which and why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.finding = unreadable(source, reason)


def read_text(path: pathlib.Path, name: str) -> str:
    """
    The text of the file *path* (UTF-8, with or without a byte-order mark), called *name*.

    Raises:
        Unreadable: The file is missing or cannot be read, or its bytes are not UTF-8.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise Unreadable(name, error.strerror or type(error).__name__) from None
    try:
        return decode(data)
    except JSONProblem as problem:
        params = problem.finding.params
        raise Unreadable(f"{name}:{params['line']}:{params['column']}", "not UTF-8") from None


def load_json(text: str, name: str) -> Any:
    """
    The strict JSON data of *text* (no NaN, no repeated keys), from the file *name*.

    Raises:
        Unreadable: The text is not JSON (the source names the line and column).
    """
    try:
        return parse(text)
    except JSONProblem as problem:
        params = problem.finding.params
        where = f"{name}:{params['line']}:{params['column']}" if "line" in params else name
        raise Unreadable(where, str(params.get("reason", "not JSON"))) from None


@attrs.frozen
class Repeat:
    """A key given twice in one YAML mapping: the later value is the one read."""

    key: str
    line: int
    first: int


class Lines:
    """The line (from 1) of every key of every mapping a YAML text was read into."""

    def __init__(self, offset: int = 1) -> None:
        #: What to add to a parser's line index (from 0) to get the line of the file.
        self.offset = offset
        self._by_mapping: dict[int, dict[str, int]] = {}
        self._kept: list[object] = []  # keeps each mapping alive, so that its id stays its own
        self.repeats: list[Repeat] = []

    def record(self, mapping: dict[Any, Any], lines: dict[str, int]) -> None:
        """Remember the key lines of *mapping*."""
        self._by_mapping[id(mapping)] = lines
        self._kept.append(mapping)

    def of(self, mapping: object) -> Mapping[str, int]:
        """The line of each key of *mapping* (empty when it was not read from YAML)."""
        return self._by_mapping.get(id(mapping), {})


#: No line is known: data given as a mapping, or read from JSON.
NO_LINES = Lines()


def _mapping(loader: Any, node: yaml.MappingNode) -> Iterator[dict[Any, Any]]:
    """Construct a mapping as the safe loader does, recording its key lines and repeats."""
    data: dict[Any, Any] = {}
    yield data
    loader.flatten_mapping(node)
    lines: dict[str, int] = {}
    state: Lines = loader.lines
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=False)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping",
                node.start_mark,
                "found an unhashable key",
                key_node.start_mark,
            ) from None
        line = key_node.start_mark.line + state.offset
        text = str(key)
        if key in data:
            state.repeats.append(Repeat(text, line, lines.get(text, line)))
        data[key] = loader.construct_object(value_node, deep=False)
        lines[text] = line
    state.record(data, lines)


class _SafeLoader(yaml.SafeLoader):
    """PyYAML's safe loader, recording key lines and repeated keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.lines = Lines()


_SafeLoader.add_constructor("tag:yaml.org,2002:map", _mapping)
_LOADER: Any = _SafeLoader

if yaml.__with_libyaml__:  # the same safe constructors on libyaml's parser: ten times faster

    class _CSafeLoader(yaml.CSafeLoader):
        """PyYAML's C safe loader, recording key lines and repeated keys."""

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.lines = Lines()

    _CSafeLoader.add_constructor("tag:yaml.org,2002:map", _mapping)
    _LOADER = _CSafeLoader


def load_yaml(text: str, name: str, first_line: int = 1) -> tuple[Any, Lines]:
    """
    The data of the YAML *text* (safe loading), from the file *name*, and its key lines.

    *first_line* is the line of the file where *text* starts (front matter starts on line 2).

    Raises:
        Unreadable: The text is not YAML, holds more than one document, or uses a tag that
            safe loading refuses (the source names the line and column).
    """
    loader = _LOADER(text)
    loader.lines.offset = first_line
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = " ".join(str(part) for part in (error.context, error.problem) if part)
        where = name if mark is None else f"{name}:{mark.line + first_line}:{mark.column + 1}"
        raise Unreadable(where, reason or "not YAML") from None
    except yaml.YAMLError as error:
        raise Unreadable(name, str(error) or "not YAML") from None
    finally:
        loader.dispose()
    lines: Lines = loader.lines
    return data, lines


@attrs.frozen
class FrontMatter:
    """A Markdown file with YAML front matter: the data, its key lines and the body."""

    data: Any
    lines: Lines
    body: str


def front_matter(text: str, name: str) -> FrontMatter:
    """
    The YAML front matter (between two ``---`` lines at the top) and the body of *text*.

    The body is stripped of the white space around it, as the tracker's published extract has it.

    Raises:
        Unreadable: The file does not start with front matter, or it is not YAML.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise Unreadable(f"{name}:1", "no YAML front matter (the first line is not '---')")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:
        raise Unreadable(name, "the YAML front matter has no closing '---' line")
    data, key_lines = load_yaml("\n".join(lines[1:end]), name, first_line=2)
    return FrontMatter(data, key_lines, "\n".join(lines[end + 1 :]).strip())
