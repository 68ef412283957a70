"""
Field validators and converters for the model's attrs classes.

Each validator raises `InvalidValue` naming the field as ``Class.field`` and echoing the bad
value, so a construction error always says where the problem is and what was expected.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import Any

import attrs

from ogpmodel import _patterns
from ogpmodel.errors import InvalidValue

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:
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


def refuse_non_list(where: str, value: tuple[Any, ...], expected: str) -> None:
    """Raise `InvalidValue` when a list field was given a string or a mapping."""
    if isinstance(value, NotAList):
        raise InvalidValue(where, value[0], f"a list of {expected}")


@attrs.frozen(repr=False)
class _InstanceOf:
    types: tuple[type, ...]
    expected: str
    optional: bool

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and self.optional:
            return
        # bool is an int, and a datetime is a date: neither passes for the other.
        bad_bool = isinstance(value, bool) and bool not in self.types
        bad_datetime = isinstance(value, datetime.datetime) and datetime.datetime not in self.types
        if bad_bool or bad_datetime or not isinstance(value, self.types):
            raise InvalidValue(_where(instance, attribute), value, self.expected)

    def __repr__(self) -> str:
        return f"<instance_of validator for {self.expected}>"


def instance_of(
    types: type | tuple[type, ...], expected: str | None = None, *, optional: bool = False
) -> Validator:
    """Check the value's type; `None` passes when *optional*."""
    types = types if isinstance(types, tuple) else (types,)
    if expected is None:
        expected = " or ".join(_describe(t) for t in types)
    if optional:
        expected += " or None"
    return _InstanceOf(types, expected, optional)


def _describe(t: type) -> str:
    if issubclass(t, Enum):
        codes = ", ".join(repr(m.value) for m in t)
        return f"a {t.__name__} ({codes})"
    names = {str: "a string", bool: "a bool", int: "an integer", datetime.date: "a datetime.date"}
    return names.get(t, f"a {t.__name__}")


@attrs.frozen(repr=False)
class _TupleOf:
    types: tuple[type, ...]
    expected: str

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        where = _where(instance, attribute)
        refuse_non_list(where, value, self.expected)
        for index, item in enumerate(value):
            if isinstance(item, bool) and bool not in self.types:
                raise InvalidValue(f"{where}[{index}]", item, self.expected)
            if not isinstance(item, self.types):
                raise InvalidValue(f"{where}[{index}]", item, self.expected)

    def __repr__(self) -> str:
        return f"<tuple_of validator for {self.expected}>"


def tuple_of(types: type | tuple[type, ...], expected: str | None = None) -> Validator:
    """Check every element of a tuple field."""
    types = types if isinstance(types, tuple) else (types,)
    return _TupleOf(types, expected or " or ".join(_describe(t) for t in types))


@attrs.frozen(repr=False)
class _Matches:
    pattern: str
    expected: str
    optional: bool

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and self.optional:
            return
        if not isinstance(value, str) or not _patterns.matches(self.pattern, value):
            raise InvalidValue(_where(instance, attribute), value, self.expected)

    def __repr__(self) -> str:
        return f"<matches validator for {self.expected}>"


def matches(pattern: str, expected: str, *, optional: bool = False) -> Validator:
    """Check a string against one of the shared patterns of `ogpmodel._patterns`."""
    return _Matches(pattern, expected + (" or None" if optional else ""), optional)


def entity_id(*, optional: bool = False) -> Validator:
    """Check an entity id (non-empty, no white space)."""
    return matches(_patterns.ENTITY_ID, "an id (non-empty, no white space)", optional=optional)


@attrs.frozen(repr=False)
class _IdTuple:
    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        where = _where(instance, attribute)
        refuse_non_list(where, value, "ids")
        for index, item in enumerate(value):
            if not isinstance(item, str) or not _patterns.matches(_patterns.ENTITY_ID, item):
                raise InvalidValue(f"{where}[{index}]", item, "an id (non-empty, no white space)")

    def __repr__(self) -> str:
        return "<id_tuple validator>"


def id_tuple() -> Validator:
    """Check every element of a tuple of ids."""
    return _IdTuple()


@attrs.frozen(repr=False)
class _FullDate:
    optional: bool

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and self.optional:
            return
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            expected = "a datetime.date" + (" or None" if self.optional else "")
            raise InvalidValue(_where(instance, attribute), value, expected)

    def __repr__(self) -> str:
        return "<full date validator>"


def full_date(*, optional: bool = False) -> Validator:
    """Check a `datetime.date` (a `datetime.datetime` is refused: OGP dates have no time)."""
    return _FullDate(optional)
