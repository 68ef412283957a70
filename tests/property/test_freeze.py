"""
`ogpmodel._json.freeze` gives what the plain reading of its contract gives.

`freeze` takes the usual containers first. For every value it must give what `reference` below
(the contract read case by case) gives: the same frozen value, or the same error naming the
same place. Values are drawn from everything a caller may pass as extensions or finding
parameters: JSON values as dicts, lists and tuples, other mappings, subclasses of the containers
and scalars, floats that JSON has no form for, keys that are not strings, values that are not
JSON, and nesting past the limit.
"""

import collections
import types
from collections.abc import Mapping
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from ogpmodel._json import MAX_DEPTH, FrozenObject, freeze
from ogpmodel.errors import InvalidValue

_SCALARS = (str, bool, int, type(None))


def reference(value: Any, where: str = "extensions", depth: int = 0) -> Any:
    """`freeze` as its docstring says it, one case after another."""
    if isinstance(value, (str, bool, int)) or value is None:
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InvalidValue(where, value, "a finite number (JSON has no NaN or Infinity)")
        return value
    if depth >= MAX_DEPTH and isinstance(value, (Mapping, list, tuple)):
        raise InvalidValue(where, "…", f"JSON nested at most {MAX_DEPTH} levels deep")
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidValue(where, key, "a JSON object with string keys")
            out[key] = reference(item, f"{where}/{key}", depth + 1)
        return FrozenObject(out)
    if isinstance(value, (list, tuple)):
        return tuple(reference(item, f"{where}/{i}", depth + 1) for i, item in enumerate(value))
    raise InvalidValue(where, value, "a JSON value (object, array, string, number, bool, null)")


class Word(str):
    pass


class Number(int):
    pass


class Row(tuple[Any, ...]):
    pass


class Record(dict[Any, Any]):
    pass


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),  # NaN and the infinities included
    st.text(max_size=5),
    st.builds(Word, st.text(max_size=3)),
    st.builds(Number, st.integers()),
    st.just(b"bytes"),  # not a JSON value
    st.just(object()),
)
keys = st.one_of(st.text(max_size=3), st.text(max_size=3), st.integers(), st.just(None))


def _frozen_object(items: dict[Any, Any]) -> Any:
    return FrozenObject(items)  # keys that are not strings too: `freeze` refuses them


def containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    items = st.dictionaries(keys, children, max_size=4)
    arrays = st.lists(children, max_size=4)
    return st.one_of(
        items,
        items.map(_frozen_object),
        items.map(types.MappingProxyType),
        items.map(collections.OrderedDict),
        items.map(Record),
        arrays,
        arrays.map(tuple),
        arrays.map(Row),
        st.sets(st.integers(), max_size=2),  # not a JSON value
    )


values = st.recursive(scalars, containers, max_leaves=20)


def nested(value: Any, levels: int, *, in_object: bool) -> Any:
    """*value* inside *levels* objects and arrays, alternately, the innermost an object or not."""
    for level in range(levels):
        value = {"a": value} if (level % 2 == 0) == in_object else (value,)
    return value


def outcome(function: Any, value: Any) -> tuple[str, Any]:
    try:
        return "value", function(value)
    except InvalidValue as error:
        return "error", (str(error), error.args)


@given(values)
def test_freeze_is_its_plain_reading(value: Any) -> None:
    expected = outcome(reference, value)
    assert expected == outcome(freeze, value)


#: What the shortcuts share as they are, at the bottom of a deep value most of the time.
shared = st.lists(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=2)), max_size=3
)


@given(
    st.one_of(shared.map(tuple), values), st.integers(MAX_DEPTH - 2, MAX_DEPTH + 1), st.booleans()
)
def test_freeze_past_the_depth_limit_is_its_plain_reading(
    value: Any, levels: int, in_object: bool
) -> None:
    deep = nested(value, levels, in_object=in_object)
    expected = outcome(reference, deep)
    assert expected == outcome(freeze, deep)


@given(values)
def test_frozen_values_are_shared_only_when_immutable(value: Any) -> None:
    """A value that comes back as it was given is a scalar or an exact tuple of scalars."""
    try:
        frozen = freeze(value)
    except InvalidValue:
        return
    if frozen is value:
        assert isinstance(value, (*_SCALARS, float)) or (
            type(value) is tuple and all(type(item) in _SCALARS for item in value)
        )
