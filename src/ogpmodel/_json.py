"""Immutable JSON values, for the verbatim ``extensions`` content."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeAlias

from ogpmodel.errors import InvalidValue

#: A JSON value as ogpmodel keeps it: objects as read-only mappings, arrays as tuples.
FrozenJSON: TypeAlias = (
    "Mapping[str, FrozenJSON] | tuple[FrozenJSON, ...] | str | int | float | bool | None"
)


class FrozenObject(Mapping[str, Any]):
    """
    A read-only JSON object.

    Unlike `types.MappingProxyType` it can be pickled and deep-copied, so model objects and the
    exceptions that carry them survive `pickle` and `copy.deepcopy`.
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, Any] | None = None) -> None:
        self._items: dict[str, Any] = dict(items or {})

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenObject):
            return self._items == other._items
        if isinstance(other, Mapping):
            return self._items == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self._items,))


_EMPTY: Mapping[str, Any] = FrozenObject()


#: How deep JSON may nest inside ``extensions`` (arrays and objects; real plans use 2 or 3).
MAX_DEPTH = 64

_SCALARS = (str, bool, int, type(None))
_SCALAR_TYPES = frozenset(_SCALARS)


def freeze(value: Any, where: str = "extensions", depth: int = 0) -> Any:
    """
    Return *value* as an immutable JSON value, or raise `InvalidValue` naming *where*.

    Objects become read-only mappings and arrays become tuples, recursively, at most
    `MAX_DEPTH` levels deep (so that whatever is built can be written and read back).
    """
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is not dict and kind is not tuple:  # the usual containers skip these checks
        if isinstance(value, (str, bool, int)):
            return value
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                raise InvalidValue(where, value, "a finite number (JSON has no NaN or Infinity)")
            return value
    if depth >= MAX_DEPTH and (kind is dict or isinstance(value, (tuple, list, Mapping))):
        raise InvalidValue(where, "…", f"JSON nested at most {MAX_DEPTH} levels deep")
    if kind is dict or isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidValue(where, key, "a JSON object with string keys")
            inner = type(item)
            if inner in _SCALARS:
                out[key] = item
            elif (
                inner is tuple
                and depth + 1 < MAX_DEPTH
                and _SCALAR_TYPES.issuperset(map(type, item))
            ):
                out[key] = item  # as `freeze(item)` returns it, without building its place
            else:
                out[key] = freeze(item, f"{where}/{key}", depth + 1)
        return FrozenObject(out)
    if kind is tuple and _SCALAR_TYPES.issuperset(map(type, value)):
        return value  # already immutable: shared, not copied
    if isinstance(value, (list, tuple)):
        return tuple(
            item if type(item) in _SCALARS else freeze(item, f"{where}/{i}", depth + 1)
            for i, item in enumerate(value)
        )
    raise InvalidValue(where, value, "a JSON value (object, array, string, number, bool, null)")


def thaw(value: Any) -> Any:
    """Return a frozen JSON value as plain `dict`/`list` data, ready for `json.dumps`."""
    if isinstance(value, Mapping):
        return {key: thaw(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [thaw(item) for item in value]
    return value


def freeze_extensions(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """Converter for ``extensions`` fields: `None` is an empty mapping."""
    if value is None or (type(value) is dict and not value):
        return _EMPTY  # one shared empty mapping: most objects have no extensions
    if not isinstance(value, Mapping):
        raise InvalidValue("extensions", value, "a JSON object")
    frozen: Mapping[str, Any] = freeze(value)
    return frozen
