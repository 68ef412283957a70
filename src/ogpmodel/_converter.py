"""
The one configured cattrs converter between OGP JSON data and the model.

`configure_converter` registers every hook:

- `Text` from a string or a language map, and back in the form it was given;
- `PartialDate` and `datetime.date` from their ISO 8601 strings (checked against the shared
  patterns, so ``"20230101"`` is refused as the schema refuses it);
- codelist enums by their wire value;
- strict primitives: a number is never turned into a string, nor ``"yes"`` into `True`, and a
  string is never read as a list of characters;
- ``TransitionEvent.from_`` as ``from``; assessments tagged by ``type``;
- ``extensions`` kept verbatim;
- on output, absent values (`None`, empty lists, empty ``extensions``) are omitted, except the
  fields the contract requires (``schema_version``, ``commitments``, …).
"""

import datetime
import functools
import types
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ogpmodel import _patterns
from ogpmodel._fields import required_in, wire_name
from ogpmodel._json import thaw
from ogpmodel.codelists import Code
from ogpmodel.model import (
    ActionPlan,
    Assessment,
    EndOfCommitmentReport,
    InceptionReport,
    IrmReview,
    TransitionEvent,
)
from ogpmodel.values import PartialDate, Text

__all__ = ["WIRE_NAMES", "configure_converter", "converter", "make_converter"]

T = TypeVar("T")

#: Python attribute names that differ from their wire names.
WIRE_NAMES: Mapping[str, str] = {"from_": "from"}

ASSESSMENT_TYPES: Mapping[str, type[Any]] = {
    cls.type.value: cls for cls in (InceptionReport, EndOfCommitmentReport, IrmReview)
}


class WireTypeError(TypeError):
    """A JSON value of the wrong type met the converter (the schema layer reports it)."""


def _strict(kind: type, name: str) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if type(value) is not kind and not (kind is float and type(value) is int):
            msg = f"expected {name}, got {type(value).__name__}"
            raise WireTypeError(msg)
        return value

    return structure


def _structure_text(value: Any, _: Any) -> Text:
    if not isinstance(value, (str, dict)):
        msg = f"expected a string or a language map, got {type(value).__name__}"
        raise WireTypeError(msg)
    return Text(value)


def _structure_partial_date(value: Any, _: Any) -> PartialDate:
    if not isinstance(value, str):
        msg = f"expected a partial date string, got {type(value).__name__}"
        raise WireTypeError(msg)
    return PartialDate.parse(value)


def _structure_date(value: Any, _: Any) -> datetime.date:
    if not isinstance(value, str) or not _patterns.matches(_patterns.DATE, value):
        msg = f"expected a date string YYYY-MM-DD, got {value!r}"
        raise ValueError(msg)
    return datetime.date.fromisoformat(value)


def _structure_day_or_partial(value: Any, _: Any) -> datetime.date | PartialDate:
    if isinstance(value, str) and _patterns.matches(_patterns.DATE, value):
        return datetime.date.fromisoformat(value)
    return _structure_partial_date(value, _)


def _structure_url(value: Any, _: Any) -> str | Text:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return Text(value)
    msg = f"expected a URL or a language map of URLs, got {type(value).__name__}"
    raise WireTypeError(msg)


def _structure_number(value: Any, _: Any) -> float:
    if type(value) not in (int, float):
        msg = f"expected a number, got {type(value).__name__}"
        raise WireTypeError(msg)
    return value  # type: ignore[no-any-return]  # an int stays an int: 40 is written back as 40


def _structure_enum(enum: type[Enum]) -> Callable[[Any, Any], Enum]:
    def structure(value: Any, _: Any) -> Enum:
        if not isinstance(value, str):
            msg = f"expected a code of {enum.__name__}, got {type(value).__name__}"
            raise WireTypeError(msg)
        return enum(value)

    return structure


def _structure_mapping(value: Any, _: Any) -> Any:
    if not isinstance(value, dict):
        msg = f"expected an object, got {type(value).__name__}"
        raise WireTypeError(msg)
    return value


def _is_tuple(tp: Any) -> bool:
    return typing.get_origin(tp) is tuple


def _is_optional(tp: Any) -> bool:
    """Whether *tp* is ``X | None`` for exactly one X (the hook of X is then resolved once)."""
    args = typing.get_args(tp)
    return (
        typing.get_origin(tp) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def configure_converter(converter: cattrs.Converter) -> None:
    """Register every hook that reads and writes OGP JSON on *converter*."""
    # Class hooks: the codelist enums subclass str, so Code is registered too (the most
    # specific class wins).
    for kind, name in ((str, "a string"), (bool, "true or false"), (int, "an integer")):
        converter.register_structure_hook(kind, _strict(kind, name))
    converter.register_structure_hook(Code, lambda value, tp: _structure_enum(tp)(value, tp))
    converter.register_structure_hook(Text, _structure_text)
    converter.register_unstructure_hook(Text, lambda text: text.to_json())
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_structure_hook(float, _structure_number)
    converter.register_structure_hook_func(
        lambda tp: tp == datetime.date | PartialDate, _structure_day_or_partial
    )
    converter.register_structure_hook_func(lambda tp: tp == str | Text, _structure_url)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_unstructure_hook_func(
        lambda tp: isinstance(tp, type) and issubclass(tp, Code), lambda code: code.value
    )
    converter.register_structure_hook_func(lambda tp: tp == Mapping[str, Any], _structure_mapping)
    converter.register_unstructure_hook_func(lambda tp: tp == Mapping[str, Any], thaw)

    def structure_tuple(value: Any, tp: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            msg = f"expected an array, got {type(value).__name__}"
            raise WireTypeError(msg)
        (item_type, _) = typing.get_args(tp)
        return tuple(converter.structure(value, list[item_type]))  # type: ignore[valid-type]

    converter.register_structure_hook_func(_is_tuple, structure_tuple)

    def optional_factory(tp: Any) -> Callable[[Any, Any], Any]:
        # ``X | None``: resolve X's hook once (cattrs would dispatch on every value). A null
        # never reaches it: the object hooks drop nulls, which mean absent.
        (inner,) = [arg for arg in typing.get_args(tp) if arg is not type(None)] or [Any]
        inner_hook = converter.get_structure_hook(inner)

        def structure(value: Any, _: Any) -> Any:
            return None if value is None else inner_hook(value, inner)

        return structure

    converter.register_structure_hook_factory(_is_optional, optional_factory)

    def attrs_structure_factory(cl: Any) -> Callable[[Any, Any], Any]:
        overrides: dict[str, Any] = {
            a.name: override(rename=wire_name(a))
            for a in attrs.fields(cl)
            if wire_name(a) != a.name
        }
        fn = make_dict_structure_fn(cl, converter, _cattrs_forbid_extra_keys=True, **overrides)
        required = frozenset(wire_name(a) for a in attrs.fields(cl) if required_in(a))

        tagged = cl in ASSESSMENT_TYPES.values()

        def structure(value: Any, tp: Any) -> Any:
            if not isinstance(value, dict):
                msg = f"expected an object, got {type(value).__name__}"
                raise WireTypeError(msg)
            if None in value.values():  # rare: copy only then
                if any(value.get(name, ...) is None for name in required):
                    msg = "a required field is null"  # null means absent; the schema says which
                    raise WireTypeError(msg)
                value = {k: v for k, v in value.items() if v is not None}  # null means absent
            if tagged:
                value = {k: v for k, v in value.items() if k != "type"}
            return fn(value, tp)

        return structure

    def attrs_unstructure_factory(cl: Any) -> Callable[[Any], dict[str, Any]]:
        overrides: dict[str, Any] = {
            a.name: override(rename=wire_name(a), omit_if_default=not required_in(a))
            for a in attrs.fields(cl)
        }
        fn = make_dict_unstructure_fn(cl, converter, _cattrs_omit_if_default=True, **overrides)
        tag = getattr(cl, "type", None)
        if isinstance(tag, Code):
            tag_value = tag.value
            return lambda obj: {"type": tag_value, **fn(obj)}
        return fn

    def is_model_class(tp: Any) -> bool:
        return attrs.has(typing.get_origin(tp) or tp) and tp is not Text

    converter.register_structure_hook_factory(is_model_class, attrs_structure_factory)
    converter.register_unstructure_hook_factory(is_model_class, attrs_unstructure_factory)

    def structure_assessment(value: Any, _: Any) -> Assessment:
        if not isinstance(value, dict):
            msg = f"expected an object, got {type(value).__name__}"
            raise WireTypeError(msg)
        tag = value.get("type")
        if not isinstance(tag, str) or tag not in ASSESSMENT_TYPES:
            msg = f"unknown assessment type {tag!r}"
            raise ValueError(msg)
        result: Assessment = converter.structure(value, ASSESSMENT_TYPES[tag])
        return result

    converter.register_structure_hook_func(lambda tp: tp == Assessment, structure_assessment)
    converter.register_unstructure_hook_func(
        lambda tp: tp == Assessment, lambda obj: converter.unstructure(obj, type(obj))
    )
    _ = TransitionEvent  # generic events are handled by the attrs factories above


def make_converter(*, detailed: bool = False) -> cattrs.Converter:
    """
    Return a new converter configured for OGP JSON (the current version).

    The default one stops at the first problem (the fast path); a *detailed* one collects every
    problem with its place.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    configure_converter(converter)
    return converter


#: The converter every public function uses.
converter: cattrs.Converter = make_converter()


@functools.cache
def _detailed() -> cattrs.Converter:
    return make_converter(detailed=True)


def structure_plan(data: Mapping[str, Any], *, detailed: bool = False) -> ActionPlan:
    """Structure a document (already checked to be an object) into an `ActionPlan`."""
    plan: ActionPlan = (_detailed() if detailed else converter).structure(data, ActionPlan)
    return plan


def unstructure_plan(plan: ActionPlan) -> dict[str, Any]:
    """Unstructure a plan into OGP JSON data."""
    data: dict[str, Any] = converter.unstructure(plan, ActionPlan)
    return data
