"""
Declarative field kinds: each field of the model is declared once, with what it holds.

A kind is an attrs validator that also says, as data, what the field holds: text, an id, a
reference to a stakeholder, a code of a codelist, a date, a list of milestones, … The model
declares its fields with the helpers below (`text`, `ref`, `code`, `entities`, …), and every
other description of a field derives from its kind: the JSON Schema (`ogpmodel._schema`), the
field reference of the documentation, the Hypothesis strategies of optional fields and the
index of stakeholder references the rules check (`references`).

Each validator raises `InvalidValue` naming the field as ``Class.field`` and echoing the bad
value, so a construction error always says where the problem is and what was expected.
"""

import datetime
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import Enum
from typing import Any, ClassVar, TypeVar

import attrs

from ogpmodel import _patterns
from ogpmodel._json import freeze_extensions
from ogpmodel._resources import version_key
from ogpmodel._scalars import PartialDate, Text
from ogpmodel.codelists import COUNTRIES
from ogpmodel.errors import InvalidValue

T = TypeVar("T")

__all__ = [
    "FORMATS",
    "Bool",
    "Code",
    "Const",
    "Country",
    "Date",
    "DayOrPartialDate",
    "Earlier",
    "Entity",
    "EventOf",
    "Extensions",
    "Format",
    "Kind",
    "ListOf",
    "OpenCode",
    "PartialDateKind",
    "Percent",
    "Ref",
    "Spec",
    "State",
    "String",
    "TextKind",
    "UrlText",
    "boolean",
    "changed",
    "code",
    "codes",
    "const",
    "country",
    "date",
    "day_or_partial_date",
    "description_in",
    "entities",
    "entity",
    "exists_in",
    "extensions",
    "field_kind",
    "history",
    "instances",
    "kind_in",
    "kinds_of",
    "open_code",
    "open_codes",
    "partial_date",
    "percent",
    "ref",
    "references",
    "refs",
    "required_in",
    "since",
    "state",
    "status",
    "string",
    "text",
    "to_tuple",
    "url_text",
    "wire_name",
]


def __dir__() -> list[str]:
    return sorted(__all__)


# --- string formats -----------------------------------------------------------------------------


@attrs.frozen
class Format:
    """
    A string format: one pattern for the model and the schema, and its words.

    Attributes:
        name: The name of its ``$defs`` entry in the JSON Schema (``"Id"``).
        pattern: The shared regular expression of `ogpmodel._patterns`.
        title: The schema's title.
        description: The schema's description.
        key: The vocabulary key of the word that findings use for it (``"id"``).
        expected: What the model's error message says a value must be.
    """

    name: str
    pattern: str
    title: str
    description: str
    key: str
    expected: str


#: Every string format, by its ``$defs`` name (in the schema's order).
FORMATS: Mapping[str, Format] = {
    f.name: f
    for f in (
        Format(
            "PlanId",
            _patterns.PLAN_ID,
            "Plan id",
            "Letters, digits, '.', '_' and '-', starting with a letter or digit.",
            "plan_id",
            "an id such as 'maipu-chile-2023-2024'",
        ),
        Format(
            "Id",
            _patterns.ENTITY_ID,
            "Id",
            "An id: one or more characters, none of them white space.",
            "id",
            "an id (non-empty, no white space)",
        ),
        Format(
            "LanguageTag",
            _patterns.LANGUAGE_TAG,
            "Language tag",
            "A BCP 47 language tag, e.g. 'es', 'en', 'fr-CA'.",
            "language_tag",
            "a BCP 47 language tag such as 'es' or 'fr-CA'",
        ),
        Format(
            "Date",
            _patterns.DATE,
            "Date",
            "A full calendar date, YYYY-MM-DD.",
            "date",
            "a datetime.date",
        ),
        Format(
            "PartialDate",
            _patterns.PARTIAL_DATE,
            "Partial date",
            "YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601 reduced precision). A partial date denotes an "
            "interval: '2023-03' is 1 to 31 March 2023. It must be a real calendar date, which "
            "ogpmodel checks and this pattern cannot.",
            "partial_date",
            "a PartialDate",
        ),
        Format(
            "Url",
            _patterns.URL,
            "URL",
            "An absolute http(s) URL.",
            "url",
            "an absolute http(s) URL",
        ),
        Format(
            "UrlReference",
            _patterns.URL_REFERENCE,
            "URL reference",
            "An absolute http(s) URL, or a relative reference (no scheme, no white space) that "
            "the plan's base_url resolves.",
            "url_reference",
            "an absolute http(s) URL or a relative reference",
        ),
        Format(
            "Email",
            _patterns.EMAIL,
            "E-mail address",
            "An e-mail address.",
            "email",
            "an e-mail address",
        ),
        Format(
            "NonBlankString",
            _patterns.NON_BLANK,
            "Non-empty string",
            "A string with at least one character that is not white space.",
            "non_blank",
            "a non-empty string",
        ),
    )
}


# --- shared checks ------------------------------------------------------------------------------


def _where(instance: object, attribute: "attrs.Attribute[Any]") -> str:
    return f"{type(instance).__name__}.{attribute.name.lstrip('_')}"


class NotAList(tuple[Any, ...]):
    """A string or a mapping given for a list field; the field's validator refuses it by name."""


def to_tuple(value: Iterable[Any] | None) -> tuple[Any, ...]:
    """Converter for list fields: any iterable (or `None`) becomes a tuple."""
    if value is None:
        return ()
    if isinstance(value, (str, bytes, Mapping)):
        # A string is iterable, but never a meaningful list of ids, codes or entities.
        return NotAList((value,))
    return tuple(value)


def _describe(t: type) -> str:
    if issubclass(t, Enum):
        codes = ", ".join(repr(m.value) for m in t)
        return f"a {t.__name__} ({codes})"
    names = {str: "a string", bool: "a bool", int: "an integer", datetime.date: "a datetime.date"}
    return names.get(t, f"a {t.__name__}")


def _is_instance(value: Any, types: tuple[type, ...]) -> bool:
    # bool is an int, and a datetime is a date: neither passes for the other.
    if isinstance(value, bool) and bool not in types:
        return False
    if isinstance(value, datetime.datetime) and datetime.datetime not in types:
        return False
    return isinstance(value, types)


# --- the kinds ----------------------------------------------------------------------------------


@attrs.frozen
class Kind:
    """
    What a field holds; called as an attrs validator, it checks a value of that kind.

    Subclasses implement `accepts` (is one value of the kind) and `expected` (what a value must
    be, in words); a list kind checks each item with its item's kind.
    """

    #: The kind's name in the field reference.
    name: ClassVar[str] = "value"
    #: Whether `None` (absent) passes.
    optional: bool = attrs.field(default=False, kw_only=True)

    def accepts(self, value: Any) -> bool:
        """Whether *value* is a value of this kind (never `None`)."""
        raise NotImplementedError

    def expected(self) -> str:
        """What a value of this kind is, in words (for error messages)."""
        raise NotImplementedError

    def check(self, where: str, value: Any) -> None:
        """
        Raise `InvalidValue` naming *where* when *value* is not of this kind.

        Raises:
            InvalidValue: *value* is not of this kind.
        """
        if value is None and self.optional:
            return
        if not self.accepts(value):
            suffix = " or None" if self.optional else ""
            raise InvalidValue(where, value, self.expected() + suffix)

    def __call__(self, instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        # The place is named only when the value fails: the common case builds no string.
        if (value is None and self.optional) or (value is not None and self.accepts(value)):
            return
        self.check(_where(instance, attribute), value)

    def describe(self) -> str:
        """The kind in the words of the field reference."""
        return self.name


@attrs.frozen
class TextKind(Kind):
    """`Text`: a string or a language map; *required* text may not be blank."""

    name: ClassVar[str] = "text"
    required: bool = False

    def accepts(self, value: Any) -> bool:
        return isinstance(value, Text) and not (self.required and value.is_blank)

    def expected(self) -> str:
        return "a non-empty Text" if self.required else "a Text"

    def describe(self) -> str:
        return "required text" if self.required else "text"


@attrs.frozen
class String(Kind):
    """A string of a `Format` (or any string when *format* is `None`)."""

    name: ClassVar[str] = "string"
    format: Format | None = None
    message: str | None = None

    def accepts(self, value: Any) -> bool:
        if not isinstance(value, str):
            return False
        return self.format is None or _patterns.matches(self.format.pattern, value)

    def expected(self) -> str:
        if self.message is not None:
            return self.message
        return "a string" if self.format is None else self.format.expected

    def describe(self) -> str:
        return "string" if self.format is None else self.format.title.lower()


@attrs.frozen
class Ref(String):
    """The id of another entity of the plan: a ``stakeholder``, a ``goal``, a ``commitment``."""

    name: ClassVar[str] = "ref"
    target: str = "stakeholder"
    format: Format | None = FORMATS["Id"]

    def describe(self) -> str:
        return f"reference to a {self.target}"


@attrs.frozen
class Code(Kind):
    """A code of a closed codelist (an enum of `ogpmodel.codelists`)."""

    name: ClassVar[str] = "code"
    enum: type[Enum] = Enum

    def accepts(self, value: Any) -> bool:
        return isinstance(value, self.enum)

    def expected(self) -> str:
        return _describe(self.enum)

    def describe(self) -> str:
        return f"code of {self.enum.__name__}"


@attrs.frozen
class OpenCode(String):
    """A code of an open codelist: any non-empty string, the seed codes as examples."""

    name: ClassVar[str] = "open_code"
    codelist: str = ""
    format: Format | None = FORMATS["NonBlankString"]

    def describe(self) -> str:
        return f"code of the open codelist '{self.codelist}'"


@attrs.frozen
class Country(Kind):
    """An ISO 3166-1 alpha-2 country code."""

    name: ClassVar[str] = "country"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, str) and value in COUNTRIES

    def expected(self) -> str:
        return "an ISO 3166-1 alpha-2 country code such as 'CL'"

    def describe(self) -> str:
        return "country code"


@attrs.frozen
class Date(Kind):
    """A full day, `datetime.date` (a `datetime.datetime` is refused: OGP dates have no time)."""

    name: ClassVar[str] = "date"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)

    def expected(self) -> str:
        return "a datetime.date"


@attrs.frozen
class PartialDateKind(Kind):
    """A `PartialDate`: a year, a month or a day."""

    name: ClassVar[str] = "partial_date"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, PartialDate)

    def expected(self) -> str:
        return "a PartialDate"

    def describe(self) -> str:
        return "partial date"


@attrs.frozen
class DayOrPartialDate(Kind):
    """A full day (`datetime.date`) or a `PartialDate` of month or year precision."""

    name: ClassVar[str] = "day_or_partial_date"

    def accepts(self, value: Any) -> bool:
        # A day is a datetime.date, so that a value reads back as it was given.
        if isinstance(value, PartialDate):
            return value.precision != "day"
        return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)

    def expected(self) -> str:
        return "a datetime.date, or a PartialDate of a month or a year"

    def describe(self) -> str:
        return "date or partial date"


@attrs.frozen
class Percent(Kind):
    """A number from 0 to 100 (an int or a finite float; a bool is refused)."""

    name: ClassVar[str] = "percent"

    def accepts(self, value: Any) -> bool:
        return (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            and 0 <= value <= 100  # NaN fails both comparisons
        )

    def expected(self) -> str:
        return "a number from 0 to 100"

    def describe(self) -> str:
        return "percentage (0-100)"


@attrs.frozen
class UrlText(Kind):
    """
    A URL reference, or a language map of them (one address per language, like `Text`).

    Each address is an absolute http(s) URL or a relative reference that the plan's
    ``base_url`` resolves.
    """

    name: ClassVar[str] = "url_text"

    def accepts(self, value: Any) -> bool:
        if isinstance(value, str):
            return _patterns.matches(_patterns.URL_REFERENCE, value)
        return (
            isinstance(value, Text)
            and not value.is_plain
            and all(
                _patterns.matches(_patterns.URL_REFERENCE, v) for v in value.as_dict("").values()
            )
        )

    def expected(self) -> str:
        return "a URL reference (absolute http(s) or relative) or a language map of them"

    def describe(self) -> str:
        return "URL or language map of URLs"


@attrs.frozen
class Bool(Kind):
    """True or false."""

    name: ClassVar[str] = "bool"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, bool)

    def expected(self) -> str:
        return "a bool"

    def describe(self) -> str:
        return "true or false"


@attrs.frozen
class Entity(Kind):
    """
    An object of a model class, or of one of several (a union tagged on the wire by ``type``).

    *classes* is a tuple of classes, or a function that returns it (for a class that holds
    objects of its own class, such as nested milestones).
    """

    name: ClassVar[str] = "entity"
    classes: tuple[type, ...] | Callable[[], tuple[type, ...]] = ()

    @property
    def types(self) -> tuple[type, ...]:
        """The classes the value may be an instance of."""
        return self.classes() if callable(self.classes) else self.classes

    def accepts(self, value: Any) -> bool:
        return _is_instance(value, self.types)

    def expected(self) -> str:
        return " or ".join(_describe(t) for t in self.types)

    def describe(self) -> str:
        return " or ".join(t.__name__ for t in self.types)


@attrs.frozen
class State(Kind):
    """A lifecycle state: a code of one of the status codelists (the event's own kind)."""

    name: ClassVar[str] = "state"
    enums: tuple[type[Enum], ...] = ()

    def accepts(self, value: Any) -> bool:
        return isinstance(value, self.enums)

    def expected(self) -> str:
        names = [e.__name__ for e in self.enums]
        return "a " + ", ".join(names[:-1]) + " or " + names[-1]

    def describe(self) -> str:
        return "lifecycle state"


@attrs.frozen
class ListOf(Kind):
    """A list (a tuple in Python) of values of one kind; a string or a mapping is refused."""

    name: ClassVar[str] = "list"
    item: Kind = attrs.field(factory=Kind)
    message: str | None = None

    def accepts(self, value: Any) -> bool:  # the items are checked one by one in `check`
        return isinstance(value, tuple) and not isinstance(value, NotAList)

    def expected(self) -> str:
        return f"a list of {self.message or self.item.expected()}"

    def check(self, where: str, value: Any) -> None:
        if isinstance(value, NotAList):
            raise InvalidValue(where, value[0], self.expected())
        accepts = self.item.accepts
        for index, item in enumerate(value):
            if item is None or not accepts(item):
                raise InvalidValue(f"{where}[{index}]", item, self.message or self.item.expected())

    def __call__(self, instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if isinstance(value, tuple) and not isinstance(value, NotAList):
            accepts = self.item.accepts
            if all(item is not None and accepts(item) for item in value):
                return
        self.check(_where(instance, attribute), value)

    def describe(self) -> str:
        return f"list of {self.item.describe()}"


@attrs.frozen
class Extensions(Kind):
    """Content outside the standard, kept verbatim (deep-frozen JSON)."""

    name: ClassVar[str] = "extensions"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, Mapping)

    def expected(self) -> str:
        return "a mapping"


@attrs.frozen
class Const(Kind):
    """One fixed string (``schema_version``)."""

    name: ClassVar[str] = "const"
    value: str = ""

    def accepts(self, value: Any) -> bool:
        return bool(value == self.value)

    def expected(self) -> str:
        return repr(self.value)

    def describe(self) -> str:
        return f"the string {self.value!r}"


# --- declaring fields ---------------------------------------------------------------------------
#
# Each helper returns the ``validator`` (the kind) and ``metadata`` of an `attrs.field`; the
# field states its default itself, where type checkers see it:
#
#     problem: Text | None = attrs.field(default=None, **f.text("The problem it addresses."))
#     lead_ids: tuple[str, ...] = attrs.field(
#         factory=tuple, converter=f.to_tuple, **f.refs("stakeholder", "The leads.")
#     )

Spec = dict[str, Any]


def _spec(kind: Kind, description: str, *, required: bool = False, wire: str | None = None) -> Spec:
    metadata: dict[str, Any] = {"kind": kind, "description": description}
    if required:
        metadata["required"] = True
    if wire is not None:
        metadata["wire"] = wire
    return {"validator": kind, "metadata": metadata}


def text(description: str, *, required: bool = False, optional: bool | None = None) -> Spec:
    """
    A `Text` field: optional (``default=None``), or *required* and not blank.

    *optional* with *required*: the field may be absent, but when given it may not be blank.
    """
    optional = not required if optional is None else optional
    return _spec(TextKind(required=required, optional=optional), description)


def string(
    description: str,
    format_name: str | None = None,
    *,
    optional: bool = False,
    message: str | None = None,
) -> Spec:
    """A string of the format *format_name* of `FORMATS` (any string when `None`)."""
    fmt = None if format_name is None else FORMATS[format_name]
    return _spec(String(fmt, message, optional=optional), description)


def ref(target: str, description: str, *, optional: bool = True) -> Spec:
    """The id of a *target* entity (``"stakeholder"``, ``"goal"``, ``"commitment"``)."""
    return _spec(Ref(target=target, optional=optional), description)


def refs(target: str, description: str) -> Spec:
    """A list of ids of *target* entities (``factory=tuple, converter=to_tuple``)."""
    return _spec(ListOf(Ref(target=target), message="ids"), description)


def code(enum: type[Enum], description: str, *, optional: bool = False) -> Spec:
    """A code of the closed codelist *enum*."""
    return _spec(Code(enum, optional=optional), description)


def status(enum: type[Enum]) -> Spec:
    """
    The current lifecycle state of a plan, commitment or milestone (``default=None``).

    Required in OGP JSON 1.0; since 1.1 it may be absent, meaning "not recorded".
    """
    return changed(
        code(enum, "The current lifecycle state (absent: not recorded).", optional=True),
        until="1.0",
        was=code(enum, "The current lifecycle state."),
        required=True,
    )


def codes(enum: type[Enum], description: str) -> Spec:
    """A list of codes of the closed codelist *enum*."""
    return _spec(ListOf(Code(enum)), description)


def open_code(codelist: str, description: str) -> Spec:
    """An optional code of the open codelist *codelist* (any non-empty string)."""
    kind = OpenCode(codelist=codelist, optional=True, message="a non-empty string")
    return _spec(kind, description)


def open_codes(codelist: str, description: str) -> Spec:
    """A list of codes of the open codelist *codelist*."""
    return _spec(ListOf(OpenCode(codelist=codelist), message="a string"), description)


def country(description: str) -> Spec:
    """An ISO 3166-1 alpha-2 country code."""
    return _spec(Country(), description)


def date(description: str, *, optional: bool = False) -> Spec:
    """A full day (`datetime.date`)."""
    return _spec(Date(optional=optional), description)


def partial_date(description: str, *, optional: bool = False) -> Spec:
    """A `PartialDate`."""
    return _spec(PartialDateKind(optional=optional), description)


def day_or_partial_date(description: str) -> Spec:
    """A full day or a `PartialDate` (a month or a year, for imported histories)."""
    return _spec(DayOrPartialDate(), description)


def percent(description: str) -> Spec:
    """An optional number from 0 to 100."""
    return _spec(Percent(optional=True), description)


def url_text(description: str) -> Spec:
    """A URL reference, or a language map of them."""
    return _spec(UrlText(), description)


def boolean(description: str) -> Spec:
    """An optional true or false."""
    return _spec(Bool(optional=True), description)


def entity(cls: type, description: str, *, optional: bool = True, required: bool = False) -> Spec:
    """
    An object of the model class *cls*.

    *required*: required on the wire, though the field has a ``factory`` (an empty object).
    """
    kind = Entity((cls,), optional=optional and not required)
    return _spec(kind, description, required=required)


def entities(
    classes: type | tuple[type, ...] | Callable[[], tuple[type, ...]],
    description: str,
    *,
    required: bool = False,
) -> Spec:
    """A list of objects of one model class (or of several: a tagged union)."""
    chosen = (classes,) if isinstance(classes, type) else classes
    return _spec(ListOf(Entity(chosen)), description, required=required)


def history(event: type, state_enum: type[Enum], description: str) -> Spec:
    """A lifecycle history: `TransitionEvent` objects between *state_enum* states."""
    kind = ListOf(
        EventOf(event=event, state_enum=state_enum),
        message=f"a TransitionEvent between {state_enum.__name__} states",
    )
    return _spec(kind, description)


@attrs.frozen
class EventOf(Entity):
    """A `TransitionEvent` whose states are of one enum."""

    name: ClassVar[str] = "event"
    event: type = object
    state_enum: type[Enum] = Enum

    @property
    def types(self) -> tuple[type, ...]:
        return (self.event,)

    def accepts(self, value: Any) -> bool:
        return isinstance(value, self.event) and isinstance(
            getattr(value, "from_", None), self.state_enum
        )

    def describe(self) -> str:
        return f"TransitionEvent between {self.state_enum.__name__} states"


def state(enums: tuple[type[Enum], ...], description: str, *, wire: str | None = None) -> Spec:
    """A lifecycle state of one of *enums*."""
    return _spec(State(enums), description, wire=wire)


def extensions() -> Any:
    """The ``extensions`` field every object has (the whole `attrs.field`: always the same)."""
    return attrs.field(
        factory=dict,
        converter=freeze_extensions,
        validator=Extensions(),
        hash=False,
        metadata={
            "kind": Extensions(),
            "description": "Content outside the standard, kept verbatim through a round trip.",
        },
    )


def const(value: str, description: str) -> Spec:
    """A fixed string, required on the wire (``default=value``: ``schema_version``)."""
    return _spec(Const(value=value), description, required=True)


# --- versions -----------------------------------------------------------------------------------
#
# A field added in a minor version says so (`since`); a field whose kind was relaxed keeps its
# earlier kind (`changed`), so that a document of an earlier version is still checked, and its
# schema generated, exactly as that version defined it.


@attrs.frozen
class Earlier:
    """What a field was in documents up to and including *version*."""

    version: str
    kind: Kind
    required: bool
    description: str


def since(version: str, spec: Spec) -> Spec:
    """*spec* of a field added in OGP JSON *version* (absent from earlier documents)."""
    spec["metadata"]["since"] = version
    return spec


def changed(spec: Spec, *, until: str, was: Spec, required: bool = False) -> Spec:
    """
    *spec* of a field whose kind changed after OGP JSON *until*.

    *was* is the field's declaration in documents of version *until* and earlier, and
    *required* whether it was required there.
    """
    earlier = (
        *spec["metadata"].get("earlier", ()),
        Earlier(until, was["validator"], required, was["metadata"]["description"]),
    )
    spec["metadata"]["earlier"] = tuple(sorted(earlier, key=lambda e: version_key(e.version)))
    return spec


def exists_in(attribute: "attrs.Attribute[Any]", version: str) -> bool:
    """Whether the field is part of OGP JSON *version*."""
    added = attribute.metadata.get("since")
    return added is None or version_key(added) <= version_key(version)


def _earlier(attribute: "attrs.Attribute[Any]", version: str) -> Earlier | None:
    for earlier in attribute.metadata.get("earlier", ()):
        if version_key(version) <= version_key(earlier.version):
            return earlier  # type: ignore[no-any-return]
    return None


def kind_in(attribute: "attrs.Attribute[Any]", version: str | None = None) -> Kind:
    """The kind of a model field in documents of OGP JSON *version* (`None`: the current one)."""
    earlier = None if version is None else _earlier(attribute, version)
    return field_kind(attribute) if earlier is None else earlier.kind


def description_in(attribute: "attrs.Attribute[Any]", version: str | None = None) -> str:
    """The description of a model field in OGP JSON *version* (`None`: the current one)."""
    earlier = None if version is None else _earlier(attribute, version)
    if earlier is not None:
        return earlier.description
    description: str = attribute.metadata.get("description", "")
    return description


def required_in(attribute: "attrs.Attribute[Any]", version: str | None = None) -> bool:
    """Whether a document of OGP JSON *version* (`None`: the current one) must have the field."""
    earlier = None if version is None else _earlier(attribute, version)
    if earlier is not None:
        return earlier.required
    return attribute.default is attrs.NOTHING or bool(attribute.metadata.get("required"))


# --- reading the declarations -------------------------------------------------------------------


def wire_name(attribute: "attrs.Attribute[Any]") -> str:
    """The name of a model field in OGP JSON (``from`` for ``TransitionEvent.from_``)."""
    wire: str = attribute.metadata.get("wire", attribute.name)
    return wire


def field_kind(attribute: "attrs.Attribute[Any]") -> Kind:
    """
    The kind of a model field.

    Raises:
        TypeError: The field was not declared with a kind.
    """
    kind = attribute.metadata.get("kind")
    if not isinstance(kind, Kind):
        msg = f"the field {attribute.name!r} has no declared kind"
        raise TypeError(msg)
    return kind


def kinds_of(
    cls: type, version: str | None = None
) -> Iterator[tuple["attrs.Attribute[Any]", Kind]]:
    """
    Yield each field of the model class *cls* with its kind.

    With *version*, only the fields of OGP JSON *version*, each with its kind there.
    """
    for attribute in attrs.fields(cls):
        if version is None or exists_in(attribute, version):
            yield attribute, kind_in(attribute, version)


@functools.cache
def _held(cls: type) -> tuple[tuple[str, str, bool], ...]:
    """The fields of *cls* that hold model objects: name, wire name and whether a list."""
    held = []
    for attribute in attrs.fields(cls):
        kind = attribute.metadata.get("kind")
        many = isinstance(kind, ListOf)
        if isinstance(kind.item if many else kind, Entity):
            held.append((attribute.name, attribute.metadata.get("wire", attribute.name), many))
    return tuple(held)


@functools.cache
def _naming(cls: type, target: str) -> tuple[tuple[str, str, bool], ...]:
    """The fields of *cls* that name a *target*: name, wire name and whether a list."""
    naming = []
    for attribute in attrs.fields(cls):
        kind = attribute.metadata.get("kind")
        many = isinstance(kind, ListOf)
        ref = kind.item if many else kind
        if isinstance(ref, Ref) and ref.target == target:
            naming.append((attribute.name, attribute.metadata.get("wire", attribute.name), many))
    return tuple(naming)


def _push_held(
    stack: list[tuple[Any, str]],
    current: Any,
    where: str,
    fields: tuple[tuple[str, str, bool], ...],
) -> None:
    """Push the objects *current* holds in *fields*, with their paths, to be walked in order."""
    found: list[tuple[Any, str]] = []
    for name, wire, many in fields:
        value = getattr(current, name)
        if value is None:
            continue
        if many:
            found.extend((v, f"{where}/{wire}/{i}") for i, v in enumerate(value))
        else:
            found.append((value, f"{where}/{wire}"))
    stack.extend(reversed(found))


def _entities(obj: Any, path: str) -> Iterator[tuple[Any, str]]:
    """Yield *obj* and every model object inside it with its JSON Pointer, in document order."""
    stack: list[tuple[Any, str]] = [(obj, path)]
    while stack:
        current, where = stack.pop()
        yield current, where
        _push_held(stack, current, where, _held(current.__class__))


def instances(obj: Any, cls: type[T], path: str = "") -> Iterator[tuple[str, T]]:
    """
    Yield ``(JSON Pointer, value)`` for every object of the model class *cls* in *obj*.

    At any depth, in document order: every `Link` of a plan, wherever it is.
    """
    for current, where in _entities(obj, path):
        if isinstance(current, cls):
            yield where, current


#: What a reference field (`Ref`) may name.
REF_TARGETS = ("stakeholder", "goal", "commitment")


@functools.cache
def _towards(cls: type, target: str) -> tuple[tuple[str, str, bool], ...]:
    """The fields of *cls* that hold objects in which a field names a *target* (at any depth)."""

    def reaches(held: type, seen: frozenset[type]) -> bool:
        return bool(_naming(held, target)) or any(
            reaches(inner, seen | {held}) for inner in _held_classes(held) if inner not in seen
        )

    return tuple(
        (name, wire, many)
        for name, wire, many in _held(cls)
        if any(reaches(held, frozenset({cls})) for held in _classes_of(cls, name))
    )


def _classes_of(cls: type, name: str) -> tuple[type, ...]:
    kind = attrs.fields_dict(cls)[name].metadata["kind"]
    entity = kind.item if isinstance(kind, ListOf) else kind
    assert isinstance(entity, Entity)  # noqa: S101 - `_held` lists only fields of objects
    return entity.types


def _held_classes(cls: type) -> tuple[type, ...]:
    return tuple(held for name, _, _ in _held(cls) for held in _classes_of(cls, name))


def references(obj: Any, target: str, path: str = "") -> Iterator[tuple[str, str]]:
    """
    Yield ``(JSON Pointer, id)`` for every field of *obj*, at any depth, that names a *target*.

    The fields are found by their kind (`Ref`), so a new reference field is indexed the day it
    is declared. Objects in which no field can name a *target* are not walked.
    """
    stack: list[tuple[Any, str]] = [(obj, path)]
    while stack:
        current, where = stack.pop()
        cls = current.__class__
        for name, wire, many in _naming(cls, target):
            value = getattr(current, name)
            if value is None:
                continue
            if many:
                for index, ref_id in enumerate(value):
                    yield f"{where}/{wire}/{index}", ref_id
            else:
                yield f"{where}/{wire}", value
        _push_held(stack, current, where, _towards(cls, target))
