"""
The fast path between OGP JSON and the model: per model class, a reader and two writers.

Each is a plain function generated once, from the field kinds of `ogpmodel._fields`, the first
time a plan is read or written. A reader checks every value as the converter and the field
validators would (the same patterns, codes and types), builds the object without running them
a second time, and gives up at the first problem (`build_plan` then returns `None`, and the
document goes the way of the full report). A writer omits what the converter omits: one
writes the data (`plan_data`, for `to_dict`), the other the JSON text `json.dumps` would make
of it (`plan_text`, for `dumps`). The cattrs converter (`ogpmodel._converter`) stays the
reference: property tests prove that both read every document into equal objects and write
every plan into the same JSON, byte for byte. Also generated: the collectors of the ids a
plan names (`referenced`), for the reference rules.
"""

import datetime
import functools
import itertools
import json
import re
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

import attrs

from ogpmodel import _patterns
from ogpmodel._fields import (
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
    PartialDateKind,
    Percent,
    State,
    String,
    TextKind,
    UrlText,
    _classes_of,
    _naming,
    _towards,
    field_kind,
    required_in,
    wire_name,
)
from ogpmodel._json import MAX_DEPTH, freeze_extensions, thaw
from ogpmodel._scalars import PartialDate, Text
from ogpmodel._scalars import _parse as _scalars_parse
from ogpmodel.codelists import COUNTRIES
from ogpmodel.model import (
    MAX_MILESTONE_DEPTH,
    ActionPlan,
    EndOfCommitmentReport,
    InceptionReport,
    IrmReview,
    Milestone,
)

__all__ = ["Memo", "build_plan", "deepest", "memo_readers", "new_memo", "plan_data"]


def __dir__() -> list[str]:
    return sorted(__all__)


_ASSESSMENTS: tuple[type, ...] = (InceptionReport, EndOfCommitmentReport, IrmReview)


class _Refused(Exception):
    """A value the fast path does not read (the document then gets the full check)."""


def _refuse() -> Any:
    raise _Refused


def _search(pattern: str) -> Callable[[str], object]:
    return re.compile(pattern).search


# --- reading: helpers the generated readers call ----------------------------------------------

_new = object.__new__
_text_value = attrs.fields(Text)[0]
_set_text = getattr(Text, _text_value.name).__set__
_non_blank = _search(_patterns.NON_BLANK)
_date_format = _search(_patterns.DATE)
_url_reference = _search(_patterns.URL_REFERENCE)
_parse_partial = _scalars_parse
_from_iso = datetime.date.fromisoformat


def _text(value: Any, kind: TextKind) -> Text:
    """A `Text` read as the converter reads it (a string or a language map), then checked."""
    if type(value) is str:
        if kind.required and _non_blank(value) is None:
            raise _Refused
        text = _new(Text)
        _set_text(text, value)
        return text
    if not isinstance(value, (str, dict)):
        raise _Refused
    text = Text(value)
    if not kind.accepts(text):
        raise _Refused
    return text


def _partial_date(value: Any) -> PartialDate:
    if not isinstance(value, str):
        raise _Refused
    return PartialDate.parse(value)


def _date(value: Any) -> datetime.date:
    if not isinstance(value, str) or _date_format(value) is None:
        raise _Refused
    return _from_iso(value)


def _day_or_partial_date(value: Any) -> datetime.date | PartialDate:
    if isinstance(value, str) and _date_format(value) is not None:
        return _from_iso(value)
    partial = _partial_date(value)
    if partial.day is not None:
        raise _Refused
    return partial


def _url(value: Any) -> str | Text:
    if isinstance(value, str):
        if _url_reference(value) is None:
            raise _Refused
        return value
    if not isinstance(value, dict):
        raise _Refused
    text = Text(value)
    if not UrlText().accepts(text):
        raise _Refused
    return text


def _extensions(value: Any) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise _Refused
    return freeze_extensions(value)


def _codes(enum: type[Enum]) -> Callable[[Any], Enum]:
    """The reader of a code of *enum* (by its wire value, as ``enum(value)`` reads it)."""
    by_value: dict[Any, Enum] = {member.value: member for member in enum}
    get = by_value.get

    def read(value: Any) -> Enum:
        code = get(value) if isinstance(value, str) else None
        if code is None:
            raise _Refused
        return code

    return read


# --- reading: the generated readers -----------------------------------------------------------


class _Source:
    """The source of generated functions and the names they use."""

    def __init__(self) -> None:
        self.names: dict[str, Any] = {
            "_Refused": _Refused,
            "_refuse": _refuse,
            "_new": _new,
            "_text": _text,
            "_partial_date": _partial_date,
            "_date": _date,
            "_day_or_partial_date": _day_or_partial_date,
            "_url": _url,
            "_extensions": _extensions,
            "_COUNTRIES": COUNTRIES,
            "_thaw": thaw,
            "_plain": str.__str__,
            "_EMPTY": freeze_extensions(None),
            "_Text": Text,
            "_PartialDate": PartialDate,
            "_set_text": _set_text,
            "_non_blank": _non_blank,
            "_parse_partial": _parse_partial,
            "_date_format": _date_format,
            "_from_iso": _from_iso,
        }
        self.lines: list[str] = []
        # The names of each value, in the order of `names` (kept up to date by `name`; names
        # set directly are indexed on the next call).
        self._named: dict[int, list[str]] = {}
        self._indexed = 0

    def name(self, prefix: str, value: Any) -> str:
        """A name for *value* in the generated code: the first of its names with *prefix*."""
        if self._indexed != len(self.names):
            self._named.clear()
            for existing, held in self.names.items():
                self._named.setdefault(id(held), []).append(existing)
        for existing in self._named.get(id(value), ()):
            if existing.startswith(prefix):
                return existing
        name = f"{prefix}{len(self.names)}"
        self.names[name] = value
        self._named.setdefault(id(value), []).append(name)
        self._indexed = len(self.names)
        return name

    def compile(self) -> dict[str, Any]:
        exec(compile("\n".join(self.lines), "<ogpmodel fast path>", "exec"), self.names)  # noqa: S102 - our own generated code
        return self.names


def _reader_name(cls: type, state: type[Enum] | None = None) -> str:
    suffix = "" if state is None else f"_{state.__name__}"
    return f"read_{cls.__name__}{suffix}"


def _read_value(
    source: _Source, kind: Kind, wanted: set[tuple[type, Any]], memo: bool = False
) -> list[str]:
    """
    Statements that check the value ``v`` of *kind* and leave its model form in ``v``.

    With *memo*, the readers of objects are those of `memo_readers` (they take the memo ``m``).
    """
    if isinstance(kind, ListOf):
        item = kind.item
        if isinstance(item, Entity):
            reader = _entity_reader(item, wanted)
            each = f"map({reader}, v, _repeat(m))" if memo else f"map({reader}, v)"
            return ["if type(v) is not list: raise _Refused", f"v = tuple({each})"]
        if isinstance(item, Code):
            reader = source.name("_code", _codes(item.enum))
            return ["if type(v) is not list: raise _Refused", f"v = tuple(map({reader}, v))"]
        if isinstance(item, String):
            return [
                "if type(v) is not list: raise _Refused",
                "for x in v:",
                *("    " + line for line in _read_string(source, item, "x")),
                "v = tuple(v)",
            ]
        msg = f"no fast reader for a list of {item!r}"  # pragma: no cover - every kind has one
        raise TypeError(msg)
    if isinstance(kind, Entity):
        return [f"v = {_entity_reader(kind, wanted)}(v{', m' if memo else ''})"]
    if isinstance(kind, TextKind):  # a plain string inline, a language map by `_text`
        blank = ["    if _non_blank(v) is None: raise _Refused"] if kind.required else []
        return [
            "if type(v) is str:",
            *blank,
            "    t = _new(_Text)",
            "    _set_text(t, v)",
            "    v = t",
            f"else: v = _text(v, {source.name('_kind', kind)})",
        ]
    if isinstance(kind, Code):
        return _read_code(source, kind.enum)
    if isinstance(kind, String):
        return _read_string(source, kind, "v")
    if isinstance(kind, Country):
        return ["if type(v) is not str or v not in _COUNTRIES: raise _Refused"]
    if isinstance(kind, Const):
        return [f"if type(v) is not str or v != {kind.value!r}: raise _Refused"]
    if isinstance(kind, Bool):
        return ["if type(v) is not bool: raise _Refused"]
    if isinstance(kind, Percent):
        return ["if type(v) not in (int, float) or not 0 <= v <= 100: raise _Refused"]
    if isinstance(kind, PartialDateKind):
        return ["v = _parse_partial(v) if type(v) is str else _partial_date(v)"]
    if isinstance(kind, DayOrPartialDate):
        return [
            "if type(v) is str and _date_format(v) is not None: v = _from_iso(v)",
            "else: v = _day_or_partial_date(v)",
        ]
    if isinstance(kind, Date):
        return ["v = _date(v)"]
    if isinstance(kind, UrlText):
        return ["v = _url(v)"]
    if isinstance(kind, Extensions):
        return ["v = _extensions(v)"]
    msg = f"no fast reader for the field kind {kind!r}"  # pragma: no cover - every kind has one
    raise TypeError(msg)


def _read_code(source: _Source, enum: type[Enum]) -> list[str]:
    by_value = source.name("_by_value", {member.value: member for member in enum})
    return [
        f"v = {by_value}.get(v) if type(v) is str else {source.name('_code', _codes(enum))}(v)",
        "if v is None: raise _Refused",
    ]


def _read_string(source: _Source, kind: String, name: str) -> list[str]:
    if kind.format is None:
        return [f"if type({name}) is not str: raise _Refused"]
    search = source.name("_format", _search(kind.format.pattern))
    return [f"if type({name}) is not str or {search}({name}) is None: raise _Refused"]


def _entity_reader(kind: Entity, wanted: set[tuple[type, Any]]) -> str:
    if isinstance(kind, EventOf):
        wanted.add((kind.event, kind.state_enum))
        return _reader_name(kind.event, kind.state_enum)
    types = kind.types
    if len(types) > 1:
        return "read_assessment"
    wanted.add((types[0], None))
    return _reader_name(types[0])


def _reader(
    source: _Source,
    cls: type,
    state: type[Enum] | None,
    wanted: set[Any],
    memo: int | None = None,
) -> None:
    """
    The source of the reader of *cls* (a `TransitionEvent` between *state* states).

    With *memo* (its number), the reader of `memo_readers`: it takes the memo ``m`` too, reads
    no dict of its part of the memo again, puts there each object it reads, and refuses every
    unknown field.
    """
    fields = attrs.fields(cls)
    names = {wire_name(a) for a in fields} | ({"type"} if cls in _ASSESSMENTS else set())
    known = source.name("_names", frozenset(names))
    lines = [f"def {_reader_name(cls, state)}(d{'' if memo is None else ', m'}):"]
    if memo is not None:
        lines += [
            f"    c = m[{memo}]",
            "    k = id(d)",
            "    e = c.get(k)",
            "    if e is not None: return e",
            "    if not isinstance(d, dict): raise _Refused",
            # The check reports an unknown field even when it is null.
            f"    if not {known}.issuperset(d): raise _Refused",
        ]
    else:
        lines += [
            "    if not isinstance(d, dict): raise _Refused",
            # An unknown field is refused, but for a null (absent), as the converter does.
            f"    if not {known}.issuperset(d) and any(",
            f"        k not in {known} and d[k] is not None for k in d",
            "    ): raise _Refused",
        ]
    lines.append(f"    o = _new({source.name('_cls', cls)})")
    for attribute in fields:
        kind = field_kind(attribute)
        wire = wire_name(attribute)
        setter = source.name("_set", getattr(cls, attribute.name).__set__)
        if isinstance(kind, State):
            assert state is not None  # noqa: S101 - only events have states
            read = _read_code(source, state)
        else:
            read = _read_value(source, kind, wanted, memo is not None)
        body = ["    " + line for line in read]
        if attribute.default is attrs.NOTHING:
            lines += [f"    v = d.get({wire!r})", "    if v is None: raise _Refused", *body]
        else:
            default = attribute.default
            value = default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]
            if attribute.converter is not None:  # the converter runs on defaults too
                value = attribute.converter(value)
            fallback = source.name("_default", value)
            lines.append(f"    v = d.get({wire!r}, _refuse)")
            if required_in(attribute):  # absent: the default; null: refused
                lines += [
                    "    if v is None: raise _Refused",
                    f"    if v is _refuse: v = {fallback}",
                ]
            else:
                lines.append(f"    if v is None or v is _refuse: v = {fallback}")
            lines += ["    else:", *("    " + line for line in body)]
        lines.append(f"    {setter}(o, v)")
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is not None:
        lines.append(f"    {source.name('_post_init', post_init)}(o)")
    if memo is not None:
        lines.append("    c[k] = o")
    lines.append("    return o")
    source.lines += lines


def _depth(kind: Kind, milestones: int) -> int | None:
    """
    The deepest nesting of arrays and objects in a value of *kind* that the readers accept.

    `None`: no such value (a milestone below *milestones* levels of milestones, one too many).
    """
    if isinstance(kind, ListOf):
        return 1 + (_depth(kind.item, milestones) or 0)  # an empty array is one level
    if isinstance(kind, Entity):
        depths = [_class_depth(cls, milestones) for cls in kind.types]
        return max((d for d in depths if d is not None), default=None)
    if isinstance(kind, (TextKind, UrlText)):
        return 1  # a language map
    if isinstance(kind, Extensions):
        return MAX_DEPTH  # `freeze` refuses deeper JSON
    return 0


@functools.cache  # a class is met at many places of a plan
def _class_depth(cls: type, milestones: int) -> int | None:
    if cls is Milestone:  # milestones nest at most MAX_MILESTONE_DEPTH levels (its post-init)
        if milestones == MAX_MILESTONE_DEPTH:
            return None
        milestones += 1
    return 1 + max((_depth(field_kind(a), milestones) or 0) for a in attrs.fields(cls))


@functools.cache
def deepest() -> int:
    """
    The deepest nesting of arrays and objects in a document that `build_plan` reads.

    A reader given a deeper document refuses it, so the limit of depth need not be scanned
    for first when it is at least as deep.
    """
    depth = _class_depth(ActionPlan, 0)
    assert depth is not None  # noqa: S101 - a plan of no milestones is a plan
    return depth


@functools.cache  # generated once per variant, on first use
def _generated(memo: bool) -> dict[str, Any]:
    """The names of the generated readers (those of `memo_readers` with *memo*)."""
    source = _Source()
    source.names["_repeat"] = itertools.repeat
    wanted: set[tuple[type, Any]] = {(ActionPlan, None), *((c, None) for c in _ASSESSMENTS)}
    done: set[tuple[type, Any]] = set()
    while wanted - done:
        cls, state = sorted(wanted - done, key=lambda pair: _reader_name(*pair))[0]
        _reader(source, cls, state, wanted, len(done) if memo else None)
        done.add((cls, state))
    tags: dict[str, Callable[..., Any]] = {}  # filled once the readers exist
    source.lines += [
        f"def read_assessment(d{', m' if memo else ''}):",
        "    if not isinstance(d, dict): raise _Refused",
        "    tag = d.get('type')",
        f"    read = {source.name('_tags', tags)}.get(tag) if isinstance(tag, str) else None",
        "    if read is None: raise _Refused",
        f"    return read(d{', m' if memo else ''})",
    ]
    names = source.compile()
    # The tags were looked up before the readers existed: bind them now.
    tags.update({cls.type.value: names[_reader_name(cls)] for cls in _ASSESSMENTS})  # type: ignore[attr-defined]
    names["_wanted"] = frozenset(done)
    return names


@functools.cache
def _readers() -> Callable[[Any], ActionPlan]:
    reader: Callable[[Any], ActionPlan] = _generated(False)[_reader_name(ActionPlan)]
    return reader


#: A memo of `memo_readers` (`new_memo`): for each reader, by the ``id`` of a dict, the object
#: it read from it. Whoever uses one keeps those dicts alive (they are parts of one document).
Memo = list[dict[int, Any]]


@functools.cache
def memo_readers() -> Mapping[tuple[type, type[Enum] | None], Callable[[Any, Memo], Any]]:
    """
    The readers of the objects of each model class (and of events by their states), with a memo.

    Each reads a dict as the reader of `build_plan` does, but refuses an unknown field even
    when it is null (as the check of a document does). It puts each object it reads in the
    memo (`new_memo`), and reads no dict of the memo again: it returns the object the memo
    holds for it (each reader has its part of the memo: a dict is read alike wherever it is,
    but two readers may read one dict differently). The check of a document
    (`ogpmodel._document.check`) reads each object with them before walking it, and the
    readable part of a document with errors is then read with the objects the check read.
    """
    names = _generated(True)
    return {(cls, state): names[_reader_name(cls, state)] for cls, state in names["_wanted"]}


def new_memo() -> Memo:
    """An empty memo for `memo_readers`."""
    return [{} for _ in memo_readers()]


def build_plan(data: Any) -> ActionPlan | None:
    """
    The plan of a document of the current version, or `None` at its first problem.

    The plan equals the one the converter would structure (`ogpmodel._converter`); `None`
    where the converter would fail, so that the document gets the full check.
    """
    try:
        return _readers()(data)
    except Exception:  # any problem: the full check says which
        return None


# --- writing ----------------------------------------------------------------------------------


def _writer_name(cls: type) -> str:
    return f"write_{cls.__name__}"


def _write_value(source: _Source, kind: Kind, value: str) -> str:
    """An expression of the OGP JSON form of *value*, a field value of *kind*."""
    if isinstance(kind, ListOf):
        item = _write_value(source, kind.item, "x")
        if item == "x":
            return f"list({value})"
        call = re.fullmatch(r"(\w+)\(x\)", item)
        if call is not None:
            return f"list(map({call.group(1)}, {value}))"
        return f"[{item} for x in {value}]"
    if isinstance(kind, EventOf):
        return f"write_TransitionEvent({value})"
    if isinstance(kind, Entity):
        types = kind.types
        if len(types) > 1:
            return f"_writers[{value}.__class__]({value})"
        return f"{_writer_name(types[0])}({value})"
    if isinstance(kind, TextKind):  # `Text.to_json`, without the call
        return f"(dict(t) if (t := {value}._value).__class__ is tuple else t)"
    if isinstance(kind, (Code, State)):
        enums = (kind.enum,) if isinstance(kind, Code) else kind.enums
        if all(str.__str__(m) == m.value for enum in enums for m in enum):
            return f"_plain({value})"  # a code's string is its value: no enum property
        return f"{value}.value"  # pragma: no cover - every codelist's codes are strings
    if isinstance(kind, PartialDateKind):
        return f"str({value})"
    if isinstance(kind, Date):
        return f"{value}.isoformat()"
    if isinstance(kind, DayOrPartialDate):
        return f"(str({value}) if isinstance({value}, _PartialDate) else {value}.isoformat())"
    if isinstance(kind, UrlText):
        return f"({value} if isinstance({value}, str) else {value}.to_json())"
    if isinstance(kind, Extensions):
        return f"_thaw({value})"
    return value  # strings, codes of open codelists, numbers, true and false: as they are


def _given(cls: type, attribute: "attrs.Attribute[Any]") -> str:
    """The condition on ``v``, the value of an optional field, under which it is written."""
    kind = field_kind(attribute)
    if attribute.default is None:
        return "v is not None"
    if isinstance(kind, ListOf):
        return "v"  # an empty list: absent
    if isinstance(kind, Extensions):
        return "v is not _EMPTY and v"  # most objects share the one empty mapping
    msg = f"no fast writer for the default of {cls.__name__}.{attribute.name}"  # pragma: no cover
    raise TypeError(msg)  # pragma: no cover - every optional field defaults to None or to empty


def _writer(source: _Source, cls: type) -> None:
    """The source of the writer of *cls*: required fields first, then those given."""
    fields = attrs.fields(cls)
    tag = getattr(cls, "type", None)
    required = [a for a in fields if required_in(a)]
    items = [f"'type': {tag.value!r}"] if isinstance(tag, Enum) else []
    items += [
        f"{wire_name(a)!r}: {_write_value(source, field_kind(a), 'o.' + a.name)}" for a in required
    ]
    lines = [f"def {_writer_name(cls)}(o):", f"    r = {{{', '.join(items)}}}"]
    for attribute in fields:
        if not required_in(attribute):
            value = _write_value(source, field_kind(attribute), "v")
            lines += [
                f"    v = o.{attribute.name}",
                f"    if {_given(cls, attribute)}: r[{wire_name(attribute)!r}] = {value}",
            ]
    lines.append("    return r")
    source.lines += lines


def _model_classes(cls: type, found: dict[type, None]) -> None:
    """*cls* and every model class its fields hold, in *found*."""
    if cls in found:
        return
    found[cls] = None
    for attribute in attrs.fields(cls):
        kind = field_kind(attribute)
        item = kind.item if isinstance(kind, ListOf) else kind
        if isinstance(item, Entity):
            for held in item.types:
                _model_classes(held, found)


@functools.cache  # generated once, on first use
def _writers() -> Callable[[ActionPlan], dict[str, Any]]:
    source = _Source()
    classes: dict[type, None] = {}
    _model_classes(ActionPlan, classes)
    writers: dict[type, Callable[[Any], Any]] = {}  # filled once the writers exist
    source.names["_writers"] = writers
    for cls in classes:
        _writer(source, cls)
    names = source.compile()
    writers.update({cls: names[_writer_name(cls)] for cls in classes})
    writer: Callable[[ActionPlan], dict[str, Any]] = names[_writer_name(ActionPlan)]
    return writer


def plan_data(plan: ActionPlan) -> dict[str, Any]:
    """*plan* as OGP JSON data, exactly as the converter unstructures it."""
    return _writers()(plan)


# --- writing text: the generated writers of JSON text -------------------------------------------
#
# `dumps` without indentation writes the JSON text of `to_dict` directly: each value through
# the C function `json.dumps` escapes strings with, no dict built, the same bytes (`, ` and
# `: ` between items, UTF-8 characters kept). Numbers, language maps and extensions are
# written as `json.dumps` writes them.

_encode = json.encoder.encode_basestring  # `json.dumps`' string escape, ensure_ascii=False
_dumps = functools.partial(json.dumps, ensure_ascii=False)


def _number(value: float) -> str:
    """A number as `json.dumps` writes it (a percent: never NaN or infinite)."""
    return int.__repr__(value) if isinstance(value, int) else float.__repr__(value)


def _text_map(value: tuple[tuple[str, str], ...]) -> str:
    """The language map of a `Text` as `json.dumps` writes `Text.to_json()`."""
    return "{" + ", ".join([_encode(tag) + ": " + _encode(text) for tag, text in value]) + "}"


def _text_name(cls: type) -> str:
    return f"text_{cls.__name__}"


def _json_of(kind: Kind, value: str) -> str:
    """An expression of the JSON text of *value*, a field value of *kind* that holds no object."""
    if isinstance(kind, ListOf):
        item = _json_of(kind.item, "x")
        call = re.fullmatch(r"(\w+)\(x\)", item)
        items = f"map({call.group(1)}, {value})" if call else f"[{item} for x in {value}]"
        return f"('[' + ', '.join({items}) + ']')"
    if isinstance(kind, TextKind):  # what `Text.to_json` gives, without the call
        return f"(_text_map(t) if (t := {value}._value).__class__ is tuple else _encode(t))"
    if isinstance(kind, PartialDateKind):
        return f"('\"' + str({value}) + '\"')"
    if isinstance(kind, Date):
        return f"('\"' + {value}.isoformat() + '\"')"
    if isinstance(kind, DayOrPartialDate):
        day = f"(str({value}) if isinstance({value}, _PartialDate) else {value}.isoformat())"
        return f"('\"' + {day} + '\"')"
    if isinstance(kind, UrlText):
        return f"(_encode({value}) if isinstance({value}, str) else _text_map({value}._value))"
    if isinstance(kind, Bool):
        return f"('true' if {value} else 'false')"
    if isinstance(kind, Percent):
        return f"_number({value})"
    if isinstance(kind, Extensions):
        return f"_dumps(_thaw({value}))"
    # Strings, ids, codes (a code is a `str` whose string is its value), countries, constants.
    return f"_encode({value})"


def _writing(
    kind: Kind, value: str, key: tuple[str, str], indent: str, *, given: bool
) -> list[str]:
    """
    Lines that append a member with *value*, of *kind*, to ``out``.

    *key* is the member's name as a separator variable (``s``, or nothing) and the text that
    follows it; *given* says that a list is known to be non-empty.
    """

    def text(suffix: str = "") -> str:
        variable, literal = key
        return (f"{variable} + " if variable else "") + repr(literal + suffix)

    item = kind.item if isinstance(kind, ListOf) else kind
    if not isinstance(item, Entity):
        return [f"{indent}out.append({text()} + {_json_of(kind, value)})"]
    types = item.types
    call = _text_name(types[0]) if len(types) == 1 else "_texts[{0}.__class__]"
    if not isinstance(kind, ListOf):
        return [f"{indent}out.append({text()})", f"{indent}{call.format(value)}({value}, out)"]
    lines = [
        f"{indent}out.append({text('[')})",
        f"{indent}items = iter({value})",
        f"{indent}x = next(items)",
        f"{indent}{call.format('x')}(x, out)",
        f"{indent}for x in items:",
        f"{indent}    out.append(', ')",
        f"{indent}    {call.format('x')}(x, out)",
        f"{indent}out.append(']')",
    ]
    if given:
        return lines
    inner = [f"    {line}" for line in lines]
    return [
        f"{indent}if {value}:",
        *inner,
        f"{indent}else:",
        f"{indent}    out.append({text('[]')})",
    ]


def _text_writer(source: _Source, cls: type) -> None:
    """
    The source of the text writer of *cls*: the members of `_writer`'s dict, in its order.

    It appends the object's text to ``out``, in pieces. Before the first member comes ``{``,
    before each other one ``, ``: fixed where a member is always there (``type``, required
    fields), else the separator ``s`` becomes ``, `` once a member is written.
    """
    fields = attrs.fields(cls)
    tag = getattr(cls, "type", None)
    # `to_dict` puts ``schema_version`` first; `_writer` keeps the declared order.
    required = sorted(
        (a for a in fields if required_in(a)), key=lambda a: a.name != "schema_version"
    )
    lines = [f"def {_text_name(cls)}(o, out):"]
    opening = "{"
    if isinstance(tag, Enum):
        tagged = '{"type": ' + _dumps(tag.value)
        lines.append(f"    out.append({tagged!r})")
        opening = ", "
    for attribute in required:
        key = ("", opening + _dumps(wire_name(attribute)) + ": ")
        kind = field_kind(attribute)
        lines += _writing(kind, "o." + attribute.name, key, "    ", given=False)
        opening = ", "
    fixed = opening == ", "  # a member always comes first: every later one follows ", "
    if not fixed:
        lines += ["    out.append('{')", "    s = ''"]
    for attribute in fields:
        if required_in(attribute):
            continue
        name = _dumps(wire_name(attribute)) + ": "
        key = ("", ", " + name) if fixed else ("s", name)
        lines += [f"    v = o.{attribute.name}", f"    if {_given(cls, attribute)}:"]
        lines += _writing(field_kind(attribute), "v", key, "        ", given=True)
        if not fixed:
            lines.append("        s = ', '")
    lines.append("    out.append('}')")
    source.lines += lines


@functools.cache  # generated once, on first use
def _text_writers() -> Callable[[ActionPlan, list[str]], None]:
    source = _Source()
    source.names.update(_encode=_encode, _dumps=_dumps, _number=_number, _text_map=_text_map)
    classes: dict[type, None] = {}
    _model_classes(ActionPlan, classes)
    texts: dict[type, Callable[[Any, list[str]], None]] = {}  # filled once the writers exist
    source.names["_texts"] = texts
    for cls in classes:
        _text_writer(source, cls)
    names = source.compile()
    texts.update({cls: names[_text_name(cls)] for cls in classes})
    writer: Callable[[ActionPlan, list[str]], None] = names[_text_name(ActionPlan)]
    return writer


def plan_text(plan: ActionPlan) -> str:
    """*plan* as OGP JSON text: ``json.dumps(to_dict(plan), ensure_ascii=False)``, byte for byte."""
    out: list[str] = []
    _text_writers()(plan, out)
    return "".join(out)


# --- references: the generated collectors of ids ------------------------------------------------


def _collector_name(cls: type, target: str) -> str:
    return f"ids_{target}_{cls.__name__}"


def _collector(source: _Source, cls: type, target: str) -> None:
    """The source of the function that appends the *target* ids that *cls* names, at any depth."""
    lines = [f"def {_collector_name(cls, target)}(o, out):"]
    for name, _, many in _naming(cls, target):
        given = "    if v: out.extend(v)" if many else "    if v is not None: out.append(v)"
        lines += [f"    v = o.{name}", given]
    for name, _, many in _towards(cls, target):
        held = _classes_of(cls, name)
        call = _collector_name(held[0], target) if len(held) == 1 else "_collectors[x.__class__]"
        if many:
            lines.append(f"    for x in o.{name}: {call}(x, out)")
        else:
            lines += [f"    x = o.{name}", f"    if x is not None: {call}(x, out)"]
    source.lines += lines if len(lines) > 1 else [*lines, "    pass"]


def _reaching(cls: type, target: str, found: dict[type, None]) -> None:
    """*cls* and every class its fields hold in which a field may name a *target*, in *found*."""
    if cls in found:
        return
    found[cls] = None
    for name, _, _ in _towards(cls, target):
        for held in _classes_of(cls, name):
            _reaching(held, target, found)


@functools.cache  # generated once per target, on first use
def _collectors(target: str) -> Callable[[ActionPlan, list[str]], None]:
    source = _Source()
    classes: dict[type, None] = {}
    _reaching(ActionPlan, target, classes)
    collectors: dict[type, Callable[[Any, list[str]], None]] = {}  # filled once they exist
    source.names["_collectors"] = collectors
    for cls in classes:
        _collector(source, cls, target)
    names = source.compile()
    collectors.update({cls: names[_collector_name(cls, target)] for cls in classes})
    collect: Callable[[ActionPlan, list[str]], None] = names[_collector_name(ActionPlan, target)]
    return collect


def referenced(plan: ActionPlan, target: str) -> list[str]:
    """
    Every id that a field of *plan*, at any depth, gives for a *target*, in no set order.

    `ogpmodel._fields.references` without the JSON Pointers, for a check that needs a path only
    when an id is wrong (which is rare): no path is made, and no field is looked up by name.
    """
    found: list[str] = []
    _collectors(target)(plan, found)
    return found
