"""
An OGP JSON document checked against the model's declared field kinds, in one pass.

`check` walks a parsed document the way the JSON Schema describes it (both derive from the
kinds of `ogpmodel._fields`) and returns every problem at once: wrong types, unknown and missing
fields, codes outside their codelist, malformed and impossible dates, blank required text, and
the `limits` of a document. It also returns the readable part: the document without the fields
and list items that are wrong, so that the rules can still run on everything that could be
read. The walk is iterative (no recursion, whatever the nesting) and linear in the size of the
document, so that failing costs about what loading costs.
"""

import datetime
import difflib
import functools
import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from ogpmodel import _patterns
from ogpmodel._fast import Memo, memo_readers, new_memo
from ogpmodel._fields import (
    FORMATS,
    Bool,
    Code,
    Const,
    Country,
    Date,
    DayOrPartialDate,
    Entity,
    EventOf,
    Extensions,
    Kind,
    ListOf,
    OpenCode,
    PartialDateKind,
    Percent,
    State,
    String,
    TextKind,
    UrlText,
    kinds_of,
    required_in,
)
from ogpmodel._resources import SCHEMA_VERSION, SUPPORTED_VERSIONS
from ogpmodel._scalars import PartialDate
from ogpmodel.codelists import COUNTRIES, AssessmentType
from ogpmodel.errors import InvalidValue
from ogpmodel.model import (
    MAX_MILESTONE_DEPTH,
    ActionPlan,
    EndOfCommitmentReport,
    InceptionReport,
    IrmReview,
    Milestone,
    _height,
)
from ogpmodel.report import Finding, Severity, pointer

__all__ = ["DEFAULT_LIMITS", "Checked", "Limits", "check", "json_type", "shorten", "within_limits"]


def __dir__() -> list[str]:
    return sorted(__all__)


@attrs.frozen
class Limits:
    """
    The limits of a document; beyond them it gets a ``limits.*`` finding and is not read.

    Every limit is at least ten times what the largest real plans need; pass your own to
    `ogpmodel.loads`, `ogpmodel.validate` and the other readers to change them.

    Attributes:
        max_bytes: The size of the document's text (characters, or bytes when given bytes).
        max_depth: The nesting of JSON arrays and objects.
        max_string_length: The characters of one string.
        max_items: The items of one array, or the members of one object.
    """

    max_bytes: int = 256 * 1024 * 1024
    max_depth: int = 160
    max_string_length: int = 4 * 1024 * 1024
    max_items: int = 1_000_000


#: The limits every reader applies unless given others.
DEFAULT_LIMITS = Limits()

_ASSESSMENTS: Mapping[str, type] = {
    cls.type.value: cls for cls in (InceptionReport, EndOfCommitmentReport, IrmReview)
}
_ASSESSMENT_CODES = tuple(t.value for t in AssessmentType)


@functools.cache
def _codes(enum: type[Any]) -> tuple[str, ...]:
    """The codes of a codelist enum, once (every finding about it shares the tuple)."""
    return tuple(code.value for code in enum)


_LONG = 80
#: The versions a ``schema.version`` finding names (one shared list).
_SUPPORTED = list(SUPPORTED_VERSIONS)


def json_type(value: Any) -> str:
    """The JSON type of a parsed value (``"object"``, ``"array"``, ``"string"``, …)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def shorten(value: Any, length: int = _LONG) -> Any:
    """*value* for a message: a long string cut to *length* characters with its full length."""
    if isinstance(value, str) and len(value) > length:
        return f"{value[: length - 20]}… ({len(value):,} characters)"
    return value


@functools.lru_cache(maxsize=4096)
def _nearest(value: str, candidates: tuple[str, ...]) -> str | None:
    if len(value) > _LONG:  # no name of ours is that long; and the search would be slow
        return None
    found = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    return found[0] if found else None


@functools.cache
def _fields_of(cls: type, version: str) -> tuple[dict[str, Kind], frozenset[str], tuple[str, ...]]:
    """The kinds of *cls* in *version* by wire name, its required wire names, every wire name."""
    kinds: dict[str, Kind] = {}
    required: set[str] = set()
    for attribute, kind in kinds_of(cls, version):
        wire = attribute.metadata.get("wire", attribute.name)
        kinds[wire] = kind
        if required_in(attribute, version):
            required.add(wire)
    names = tuple(kinds) + (("type",) if cls in _ASSESSMENTS.values() else ())
    return kinds, frozenset(required), names


def _search(pattern: str) -> Callable[[str], object]:
    return re.compile(pattern).search


def _fine(kind: Kind) -> Callable[[Any], bool] | None:
    """
    A quick test of a value of *kind* that the walk would keep without a finding, if it has one.

    It may say `False` of a value the walk keeps (the walk then looks at it); it never says
    `True` of one the walk reports. It does not see the limits: it is for a document within
    them (`within_limits`). Objects, and what the walk checks against what holds them (states,
    the version), have none. The kinds are tried in the order of `_Walk.value`.
    """
    if isinstance(kind, ListOf):
        item = _fine(kind.item)
        if item is None:
            return None
        return lambda v: type(v) is list and all(map(item, v))
    if isinstance(kind, (Entity, State, Const, Extensions)):
        return None  # objects; states, checked by their event; the version; free JSON
    if isinstance(kind, TextKind):
        return _fine_text(kind.required)
    if isinstance(kind, Code):
        codes = frozenset(_codes(kind.enum))
        return lambda v: type(v) is str and v in codes
    if isinstance(kind, Country):
        return lambda v: type(v) is str and v in COUNTRIES
    if isinstance(kind, Bool):
        return lambda v: type(v) is bool
    if isinstance(kind, (PartialDateKind, DayOrPartialDate)):
        return _fine_date(FORMATS["PartialDate"].pattern, PartialDate.parse)
    if isinstance(kind, Percent):
        return lambda v: type(v) in (int, float) and 0 <= v <= 100
    if isinstance(kind, UrlText):
        return _fine_string(FORMATS["UrlReference"].pattern)
    if isinstance(kind, Date):
        return _fine_date(FORMATS["Date"].pattern, datetime.date.fromisoformat)
    if isinstance(kind, OpenCode):
        return _fine_string(_patterns.NON_BLANK)
    if isinstance(kind, String):
        if kind.format is None:
            return lambda v: type(v) is str
        return _fine_string(kind.format.pattern)
    return None


def _fine_string(pattern: str) -> Callable[[Any], bool]:
    search = _search(pattern)
    return lambda v: type(v) is str and search(v) is not None


def _fine_date(pattern: str, parse: Callable[[str], object]) -> Callable[[Any], bool]:
    search = _search(pattern)

    def fine(value: Any) -> bool:
        if type(value) is not str or search(value) is None:
            return False
        try:
            parse(value)
        except (InvalidValue, ValueError):
            return False
        return True

    return fine


def _fine_text(required: bool) -> Callable[[Any], bool]:
    non_blank, tag = _search(_patterns.NON_BLANK), _search(_patterns.LANGUAGE_TAG)

    def fine(value: Any) -> bool:
        if type(value) is str:
            return not required or non_blank(value) is not None
        if type(value) is not dict or not value:
            return False
        for language, text in value.items():
            if type(text) is not str or tag(language) is None:
                return False
        return not required or any(non_blank(text) is not None for text in value.values())

    return fine


@functools.cache
def _quick_fields(
    cls: type, version: str
) -> tuple[dict[str, Callable[[Any], bool]], dict[str, tuple[type, Any]]]:
    """
    How the walk with the fast readers looks at the fields of *cls* in *version* first.

    The quick test (`_fine`) of each field that has one, and the class (and the states, for
    an event) of each field that holds one object of one class, for the fast readers.
    """
    kinds, _, _ = _fields_of(cls, version)
    tests = {name: _fine(kind) for name, kind in kinds.items()}
    objects: dict[str, tuple[type, Any]] = {}
    for name, kind in kinds.items():
        if isinstance(kind, EventOf):
            objects[name] = (kind.event, kind.state_enum)
        elif isinstance(kind, Entity) and len(kind.types) == 1:
            objects[name] = (kind.types[0], None)
    return {name: test for name, test in tests.items() if test is not None}, objects


_NO_QUICK_FIELDS: tuple[dict[str, Callable[[Any], bool]], dict[str, tuple[type, Any]]] = ({}, {})


@attrs.frozen
class Checked:
    """
    What `check` found.

    Attributes:
        findings: Every problem, sorted by path.
        readable: The document without its wrong parts (`None`: nothing could be read).
        dropped: The JSON Pointers of the parts left out of *readable*.
        dropped_ids: The ``id`` of each object left out, where it had one.
        list_map: For each array that lost items (by its pointer in the document), the index
            in the document of each item it kept.
        read: The objects of the document without errors that the check read with the fast
            readers (`ogpmodel._fast.memo_readers`), for reading *readable* without reading
            them again; empty unless the check was asked to use them.
    """

    findings: tuple[Finding, ...]
    readable: dict[str, Any] | None
    dropped: tuple[str, ...]
    dropped_ids: frozenset[str]
    list_map: Mapping[str, tuple[int, ...]]
    read: Memo = attrs.field(factory=list, eq=False, repr=False)

    def original_path(self, path: str) -> str:
        """The pointer in the document of *path*, a pointer into `readable`."""
        if not self.list_map:
            return path
        original = ""
        for token in path.split("/")[1:]:
            kept = self.list_map.get(original)
            if kept is not None and token.isdigit() and int(token) < len(kept):
                token = str(kept[int(token)])
            original += "/" + token
        return original


def _pointer(tokens: Sequence[str | int]) -> str:
    """`pointer` of *tokens*, quicker where no token needs escaping (the usual case)."""
    joined = "/".join(map(str, tokens))
    if "~" in joined or joined.count("/") != len(tokens) - 1:
        return pointer(*tokens)  # a token to escape (or no token at all)
    return "/" + joined


_DROP = object()


class _Walk:
    """One check of one document."""

    def __init__(self, limits: Limits, version: str, *, fast: bool = False) -> None:
        self.limits = limits
        self.version = version
        # With *fast*, each object but the root is first read by the fast readers: an object
        # they read has no problem for the walk to find, and is not walked.
        self.readers = memo_readers() if fast else None
        self.read: Memo = new_memo() if fast else []
        self.found: list[Finding] = []
        self.seen: set[tuple[str, str]] = set()
        self.dropped: list[str] = []
        self.dropped_ids: set[str] = set()
        self.list_map: dict[str, tuple[int, ...]] = {}
        self.removals: list[tuple[str | int, ...]] = []

    def report(self, code: str, tokens: Sequence[str | int], **params: Any) -> None:
        path = _pointer(tokens)
        if (code, path) in self.seen:
            return
        self.seen.add((code, path))
        severity = Severity.ERROR
        self.found.append(Finding(code, severity, path, params))

    # --- values ---------------------------------------------------------------------------

    def value(
        self,
        kind: Kind,
        value: Any,
        tokens: tuple[str | int, ...],
        depth: int,
    ) -> Any:
        """The readable form of *value*, or `_DROP`; objects and arrays are walked later."""
        if isinstance(kind, ListOf):
            if not isinstance(value, list):
                self.report("schema.type", tokens, expected="array", actual=json_type(value))
                return _DROP
            if len(value) > self.limits.max_items:
                self.report("limits.items", tokens, count=len(value), limit=self.limits.max_items)
                return _DROP
            self.todo.append(("list", kind.item, value, tokens, depth + 1))
            return value  # its items are walked later; each may be dropped
        if isinstance(kind, Entity):
            if isinstance(kind, EventOf):
                return self.entity(kind.event, value, tokens, depth, state=kind.state_enum)
            types = kind.types
            if len(types) > 1:
                return self.assessment(value, tokens, depth)
            return self.entity(types[0], value, tokens, depth)
        if isinstance(value, str) and len(value) > self.limits.max_string_length:
            self.report(
                "limits.string-length",
                tokens,
                length=len(value),
                limit=self.limits.max_string_length,
            )
            return _DROP
        return value if self.scalar(kind, value, tokens, depth) else _DROP

    def scalar(self, kind: Kind, value: Any, tokens: tuple[str | int, ...], depth: int) -> bool:
        if isinstance(kind, TextKind):
            return self.text(kind, value, tokens)
        if isinstance(kind, Code):
            return self.code(kind.enum.__name__, _codes(kind.enum), value, tokens)
        if isinstance(kind, State):
            return True  # checked by the event, which knows its lifecycle
        if isinstance(kind, Country):
            if not isinstance(value, str):
                self.report("schema.type", tokens, expected="string", actual=json_type(value))
                return False
            if value not in COUNTRIES:
                self.report("schema.format", tokens, value=shorten(value), expected="country")
                return False
            return True
        if isinstance(kind, Bool):
            if not isinstance(value, bool):
                self.report("schema.type", tokens, expected="boolean", actual=json_type(value))
                return False
            return True
        if isinstance(kind, Const):
            return True  # the version is checked before the walk
        if isinstance(kind, Extensions):
            if not isinstance(value, dict):
                self.report("schema.type", tokens, expected="object", actual=json_type(value))
                return False
            return self.json(value, tokens, depth)
        if isinstance(kind, (PartialDateKind, DayOrPartialDate)):
            return self.string(FORMATS["PartialDate"].pattern, "partial_date", value, tokens) and (
                self.real(value, tokens, partial=True)
            )
        if isinstance(kind, Percent):
            if type(value) not in (int, float):
                self.report("schema.type", tokens, expected="number", actual=json_type(value))
                return False
            if not 0 <= value <= 100:
                self.report("schema.range", tokens, value=value, minimum=0, maximum=100)
                return False
            return True
        if isinstance(kind, UrlText):
            return self.urls(value, tokens)
        if isinstance(kind, Date):
            return self.string(FORMATS["Date"].pattern, "date", value, tokens) and self.real(
                value, tokens, partial=False
            )
        if isinstance(kind, OpenCode):
            return self.string(_patterns.NON_BLANK, "non_blank", value, tokens)
        if isinstance(kind, String):
            if kind.format is None:
                if not isinstance(value, str):
                    self.report("schema.type", tokens, expected="string", actual=json_type(value))
                    return False
                return True
            return self.string(kind.format.pattern, kind.format.key, value, tokens)
        msg = f"no check for the field kind {kind!r}"  # pragma: no cover - every kind has one
        raise TypeError(msg)

    def string(self, pattern: str, key: str, value: Any, tokens: tuple[str | int, ...]) -> bool:
        if not isinstance(value, str):
            self.report("schema.type", tokens, expected="string", actual=json_type(value))
            return False
        if not _patterns.matches(pattern, value):
            self.report("schema.format", tokens, value=shorten(value), expected=key)
            return False
        return True

    def real(self, value: str, tokens: tuple[str | int, ...], *, partial: bool) -> bool:
        try:
            if partial:
                PartialDate.parse(value)
            else:
                datetime.date.fromisoformat(value)
        except (InvalidValue, ValueError):
            self.report("schema.format", tokens, value=value, expected="real_date")
            return False
        return True

    def code(
        self, codelist: str, codes: tuple[str, ...], value: Any, tokens: tuple[str | int, ...]
    ) -> bool:
        if not isinstance(value, str):
            self.report("schema.type", tokens, expected="string", actual=json_type(value))
            return False
        if value not in codes:
            self.report(
                "schema.enum",
                tokens,
                value=shorten(value),
                codelist=codelist,
                allowed=codes,
                nearest=_nearest(value, codes),
            )
            return False
        return True

    def text(self, kind: TextKind, value: Any, tokens: tuple[str | int, ...]) -> bool:
        if isinstance(value, str):
            if kind.required and not _patterns.matches(_patterns.NON_BLANK, value):
                self.report("text.empty", tokens)
                return False
            return True  # a string beyond the limit is reported by `value`
        if not isinstance(value, dict):
            self.report("schema.type", tokens, expected="text", actual=json_type(value))
            return False
        ok = True
        if not value:
            self.report("text.empty", tokens)
            return False
        for tag, string in value.items():
            if not _patterns.matches(_patterns.LANGUAGE_TAG, tag):
                self.report(
                    "schema.format", (*tokens, tag), value=shorten(tag), expected="language_tag"
                )
                ok = False
            if not isinstance(string, str):
                self.report(
                    "schema.type", (*tokens, tag), expected="string", actual=json_type(string)
                )
                ok = False
            elif len(string) > self.limits.max_string_length:
                self.report(
                    "limits.string-length",
                    (*tokens, tag),
                    length=len(string),
                    limit=self.limits.max_string_length,
                )
                ok = False
        if (
            ok
            and kind.required
            and not any(_patterns.matches(_patterns.NON_BLANK, s) for s in value.values())
        ):
            self.report("text.empty", tokens)
            return False
        return ok

    def urls(self, value: Any, tokens: tuple[str | int, ...]) -> bool:
        """A URL reference, or a language map of them."""
        reference = FORMATS["UrlReference"]
        if isinstance(value, str):
            return self.string(reference.pattern, reference.key, value, tokens)
        if not isinstance(value, dict):
            self.report("schema.type", tokens, expected="url_text", actual=json_type(value))
            return False
        if not value:
            self.report("schema.required", tokens, field="url")
            return False
        ok = True
        for tag, url in value.items():
            if not _patterns.matches(_patterns.LANGUAGE_TAG, tag):
                self.report(
                    "schema.format", (*tokens, tag), value=shorten(tag), expected="language_tag"
                )
                ok = False
            if isinstance(url, str) and len(url) > self.limits.max_string_length:
                self.report(
                    "limits.string-length",
                    (*tokens, tag),
                    length=len(url),
                    limit=self.limits.max_string_length,
                )
                ok = False
            elif not self.string(reference.pattern, reference.key, url, (*tokens, tag)):
                ok = False
        return ok

    def json(self, value: Any, tokens: tuple[str | int, ...], depth: int) -> bool:
        """Free JSON (``extensions``): only the limits apply."""
        stack: list[tuple[Any, tuple[str | int, ...], int]] = [(value, tokens, depth)]
        while stack:
            current, where, level = stack.pop()
            if level > self.limits.max_depth:
                self.report("limits.depth", where, limit=self.limits.max_depth)
                return False
            if isinstance(current, dict):
                if len(current) > self.limits.max_items:
                    self.report(
                        "limits.items", where, count=len(current), limit=self.limits.max_items
                    )
                    return False
                stack.extend((v, (*where, k), level + 1) for k, v in current.items())
            elif isinstance(current, list):
                if len(current) > self.limits.max_items:
                    self.report(
                        "limits.items", where, count=len(current), limit=self.limits.max_items
                    )
                    return False
                stack.extend((v, (*where, i), level + 1) for i, v in enumerate(current))
            elif isinstance(current, str) and len(current) > self.limits.max_string_length:
                self.report(
                    "limits.string-length",
                    where,
                    length=len(current),
                    limit=self.limits.max_string_length,
                )
                return False
        return True

    # --- objects ----------------------------------------------------------------------------

    def entity(
        self,
        cls: type,
        value: Any,
        tokens: tuple[str | int, ...],
        depth: int,
        state: Any = None,
    ) -> Any:
        if not isinstance(value, dict):
            self.report("schema.type", tokens, expected="object", actual=json_type(value))
            return _DROP
        if depth > self.limits.max_depth:
            self.report("limits.depth", tokens, limit=self.limits.max_depth)
            return _DROP
        if self.readers is not None and tokens and self.fast_read(cls, value, tokens, state):
            return value
        return self.pending(cls, value, tokens, depth, state)

    def pending(
        self,
        cls: type,
        value: dict[str, Any],
        tokens: tuple[str | int, ...],
        depth: int,
        state: Any,
    ) -> "_Pending":
        """*value*, an object of *cls*, to walk: its fields are walked after it."""
        # The object is filled in later (its fields are walked after it); a failure marks it.
        status = [True]
        self.todo.append(("object", cls, value, tokens, depth, status, state))
        return _Pending(status, value)

    def fast_read(
        self, cls: type, value: dict[str, Any], tokens: tuple[str | int, ...], state: Any
    ) -> bool:
        """Whether the fast reader reads *value*, an object the walk would find no problem in."""
        assert self.readers is not None  # noqa: S101 - only called with the readers
        try:
            read = self.readers[cls, state](value, self.read)
        except Exception:  # any problem: the walk says which
            return False
        # The reader sees the milestones below a milestone, not those above it.
        if cls is Milestone:
            above = tokens.count("milestones")
            if above > 1 and above + _height(read.milestones) > MAX_MILESTONE_DEPTH:
                return False
        return True  # the reader put *read* in the memo

    def assessment(self, value: Any, tokens: tuple[str | int, ...], depth: int) -> Any:
        if not isinstance(value, dict):
            self.report("schema.type", tokens, expected="object", actual=json_type(value))
            return _DROP
        tag = value.get("type")
        if tag is None:
            self.report("schema.required", (*tokens, "type"), field="type")
            return _DROP
        if not self.code("AssessmentType", _ASSESSMENT_CODES, tag, (*tokens, "type")):
            return _DROP
        return self.entity(_ASSESSMENTS[tag], value, tokens, depth)

    # --- the walk ---------------------------------------------------------------------------

    def run(self, document: dict[str, Any]) -> Any:
        self.todo: list[tuple[Any, ...]] = []
        root = self.entity(ActionPlan, document, (), 1)
        # Depth first, with an explicit stack. Each object and array is resolved (an object
        # with a wrong required field is dropped, and so is its place in its parent) as soon
        # as its children are: its "resolve" task sits on the stack below theirs.
        while self.todo:
            task = self.todo.pop()
            mark = len(self.todo)
            if task[0] == "object":
                _, cls, value, tokens, depth, status, state = task
                record = self.walk_object(cls, value, tokens, depth, status, state)
                if record is not None:
                    self.todo.insert(mark, ("resolve", record, tokens))
            elif task[0] == "list":
                _, item_kind, value, tokens, depth = task
                kept: list[int] = []
                slots: list[Any] = []
                for index, item in enumerate(value):
                    result = self.value(item_kind, item, (*tokens, index), depth)
                    if result is _DROP or isinstance(result, _Pending):  # keep what may drop
                        slots.append(result)
                        kept.append(index)
                if slots:
                    self.todo.insert(mark, ("resolve", _ListPending(slots, kept), tokens))
            else:
                task[1].resolve(self, task[2])
        return root.result() if isinstance(root, _Pending) else None

    def walk_object(
        self,
        cls: type,
        value: dict[str, Any],
        tokens: tuple[str | int, ...],
        depth: int,
        status: list[bool],
        state: Any,
    ) -> "_ObjectPending | None":
        kinds, required, names = _fields_of(cls, self.version)
        if cls is Milestone and tokens.count("milestones") > MAX_MILESTONE_DEPTH:
            self.report("limits.depth", tokens, limit=MAX_MILESTONE_DEPTH)
            status[0] = False
            return None
        if len(value) > self.limits.max_items:
            self.report("limits.items", tokens, count=len(value), limit=self.limits.max_items)
            status[0] = False
            return None
        slots: dict[str, Any] = {}
        fast = self.readers is not None
        fine, objects = _quick_fields(cls, self.version) if fast else _NO_QUICK_FIELDS
        deep_enough = depth + 1 <= self.limits.max_depth  # else `entity` reports the depth
        for name, item in value.items():
            test = fine.get(name)
            if test is not None and test(item):
                continue  # a value the walk keeps, with no finding
            target = objects.get(name)
            if target is not None and type(item) is dict and deep_enough:  # as `entity` does
                where = (*tokens, name)
                if not self.fast_read(target[0], item, where, target[1]):
                    slots[name] = self.pending(target[0], item, where, depth + 1, target[1])
                continue  # else an object the fast reader read: kept as it is
            kind = kinds.get(name)
            if kind is None:
                if name == "type" and "type" in names:
                    continue
                self.report(
                    "schema.additional-property",
                    (*tokens, name),
                    field=shorten(name),
                    nearest=_nearest(name, names),
                )
                self.removals.append((*tokens, name))
                continue
            if item is None:
                if name in required:
                    self.report("schema.type", (*tokens, name), expected=_word(kind), actual="null")
                    if not tokens and name == "schema_version":
                        self.report("schema.version", (name,), value=None, supported=_SUPPORTED)
                    status[0] = False
                continue
            if state is not None and isinstance(kind, State):
                ok = self.code(state.__name__, _codes(state), item, (*tokens, name))
                if not ok:
                    slots[name] = _DROP
                continue
            result = self.value(kind, item, (*tokens, name), depth + 1)
            if result is _DROP or isinstance(result, _Pending):  # keep only what may drop
                slots[name] = result
        for name in required:
            if name not in value:
                if not tokens and name == "schema_version":
                    self.report(
                        "schema.version",
                        ("schema_version",),
                        value=None,
                        supported=_SUPPORTED,
                    )
                else:
                    self.report("schema.required", (*tokens, name), field=name)
                status[0] = False
        return _ObjectPending(slots, status, required, value)


class _Pending:
    """An object whose fields are still being walked."""

    def __init__(self, status: list[bool], original: dict[str, Any]) -> None:
        self.status = status
        self.original = original

    def result(self) -> Any:
        return self.original if self.status[0] else _DROP


class _ObjectPending:
    def __init__(
        self,
        slots: dict[str, Any],
        status: list[bool],
        required: frozenset[str],
        original: dict[str, Any],
    ) -> None:
        self.slots, self.status = slots, status
        self.required, self.original = required, original

    def resolve(self, walk: _Walk, tokens: tuple[str | int, ...]) -> None:
        for name, slot in self.slots.items():
            result = slot.result() if isinstance(slot, _Pending) else slot
            if result is _DROP:
                if name in self.required:
                    self.status[0] = False
                else:
                    walk.dropped.append(_pointer((*tokens, name)))
                    walk.removals.append((*tokens, name))
        if not self.status[0]:
            ident = self.original.get("id")
            if isinstance(ident, str):
                walk.dropped_ids.add(ident)


class _ListPending:
    def __init__(self, slots: list[Any], kept: list[int]) -> None:
        self.slots, self.kept = slots, kept

    def resolve(self, walk: _Walk, tokens: tuple[str | int, ...]) -> None:
        for index, slot in zip(self.kept, self.slots, strict=True):
            result = slot.result() if isinstance(slot, _Pending) else slot
            if result is _DROP:
                walk.dropped.append(_pointer((*tokens, index)))
                walk.removals.append((*tokens, index))
                if isinstance(slot, _Pending):
                    ident = slot.original.get("id")
                    if isinstance(ident, str):
                        walk.dropped_ids.add(ident)


def _without(
    document: dict[str, Any], removals: list[tuple[str | int, ...]]
) -> tuple[dict[str, Any], dict[str, tuple[int, ...]]]:
    """
    *document* without the parts at *removals*, copying only the containers on their paths.

    Returns the copy and, for each array that lost items, the indices of the items it kept.
    """
    root = dict(document)
    copies: dict[int, Any] = {id(document): root}
    lost: dict[int, tuple[list[Any], list[Any], str, set[int]]] = {}
    done: set[tuple[str | int, ...]] = set()
    for path in sorted(removals, key=len):
        if any(path[:n] in done for n in range(1, len(path))):
            continue  # inside a part already left out
        done.add(path)
        node: Any = root
        original: Any = document
        for token in path[:-1]:
            child = original[token]
            copy = copies.get(id(child))
            if copy is None:
                copy = dict(child) if isinstance(child, dict) else list(child)
                copies[id(child)] = copy
            node[token] = copy
            node, original = copy, child
        last = path[-1]
        if isinstance(node, dict):
            node.pop(last, None)
        else:
            entry = lost.setdefault(id(node), (node, original, pointer(*path[:-1]), set()))
            entry[3].add(int(last))
    kept_map: dict[str, tuple[int, ...]] = {}
    for node, original, where, gone in lost.values():
        kept = tuple(i for i in range(len(original)) if i not in gone)
        node[:] = [node[i] for i in kept]
        kept_map[where] = kept
    return root, kept_map


def _word(kind: Kind) -> str:
    """The JSON type a kind expects, as the schema's type findings name it."""
    if isinstance(kind, ListOf):
        return "array"
    if isinstance(kind, TextKind):
        return "text"
    if isinstance(kind, (Entity, Extensions)):
        return "object"
    if isinstance(kind, Bool):
        return "boolean"
    if isinstance(kind, Percent):
        return "number"
    if isinstance(kind, UrlText):
        return kind.name  # a URL or a map of URLs: as a value of another type is told
    return "string"


def within_limits(
    document: Any,
    limits: Limits = DEFAULT_LIMITS,
    *,
    size: int | None = None,
    deepest: int | None = None,
) -> bool:
    """
    Whether *document* keeps within *limits* (depth, string length, items): a quick scan.

    The fast path runs it before structuring a document; `check` says where a limit is passed.
    *size* is the length of the text the document was parsed from, when known: a text no
    longer than the string limit holds no longer string, and one shorter than twice the item
    limit no larger array or object, so only the depth is then scanned. *deepest* is the
    deepest document the reader that follows accepts: within the limit of depth, the depth
    need not be scanned either (the reader refuses a deeper document).
    """
    max_depth, max_length, max_items = limits.max_depth, limits.max_string_length, limits.max_items
    if size is not None and size <= max_length and size < 2 * max_items:
        return (deepest is not None and deepest <= max_depth) or _depth_within(document, max_depth)
    stack: list[tuple[Any, int]] = [(document, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        value, depth = pop()
        if len(value) > max_items or depth > max_depth:
            return False
        for item in value.values() if type(value) is dict else value:
            kind = type(item)
            if kind is dict or kind is list:
                push((item, depth + 1))
            elif kind is str and len(item) > max_length:
                return False
        if type(value) is dict and any(len(key) > max_length for key in value):
            return False
    return True


def _depth_within(document: Any, max_depth: int) -> bool:
    """Whether *document*'s arrays and objects nest at most *max_depth* levels."""
    stack: list[tuple[Any, int]] = [(document, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        value, depth = pop()
        if depth > max_depth:
            return False
        for item in value.values() if type(value) is dict else value:
            if type(item) is dict or type(item) is list:
                push((item, depth + 1))
    return True


def _by_path(finding: Finding) -> str:
    """The order of findings: by their paths (document order, but for a few punctuation keys)."""
    return finding.path


def check(document: Any, limits: Limits = DEFAULT_LIMITS, *, fast: bool = False) -> Checked:
    """
    Check a parsed OGP JSON document: every problem, and the part that can be read.

    A document is checked against the OGP JSON version it names (every version of
    `SUPPORTED_VERSIONS`); one without a ``schema_version`` against the current one. A document
    of another ``schema_version`` gets one ``schema.version`` finding and is not checked further.

    *fast* is for a document of the current version within *limits* (`within_limits`) that
    `ogpmodel._fast.build_plan` refused: each of its objects is first read by the fast readers,
    and only those they refuse are walked; the result is the same, with the objects read in
    `Checked.read`.
    """
    if not isinstance(document, dict):
        finding = Finding(
            "schema.type", Severity.ERROR, "", {"expected": "object", "actual": json_type(document)}
        )
        return Checked((finding,), None, (), frozenset(), {})
    version = document.get("schema_version")
    if version is not None and version not in SUPPORTED_VERSIONS:
        shown = version if isinstance(version, str) else json.dumps(version)
        params = {"value": shorten(shown), "supported": _SUPPORTED}
        finding = Finding("schema.version", Severity.ERROR, "/schema_version", params)
        return Checked((finding,), None, (), frozenset(), {})
    walk = _Walk(limits, version if isinstance(version, str) else SCHEMA_VERSION, fast=fast)
    root = walk.run(document)
    findings = tuple(sorted(walk.found, key=_by_path))
    readable: dict[str, Any] | None = None
    list_map: dict[str, tuple[int, ...]] = {}
    if isinstance(root, dict):
        readable, list_map = _without(document, walk.removals)
    return Checked(
        findings, readable, tuple(walk.dropped), frozenset(walk.dropped_ids), list_map, walk.read
    )
