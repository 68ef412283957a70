"""
Drawing OGP JSON documents: `documents` and the published schema without recursion.

``hypothesis_jsonschema.from_schema(ogpmodel.schema())`` fails on the recursion of milestones;
`ogpmodel.strategies.documents` draws documents the published schema accepts, and
`ogpmodel.strategies.bounded_schema` is the schema that schema-driven generators can draw from
(``tests/property/test_schema_agreement.py`` draws from it with hypothesis-jsonschema).
"""

import functools
import json
import pathlib
import re
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ogpmodel
from ogpmodel.strategies import bounded_schema, documents


@functools.cache
def published() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        ogpmodel.schema(), format_checker=jsonschema.FormatChecker()
    )


@functools.cache
def bounded(depth: int) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        bounded_schema(depth), format_checker=jsonschema.FormatChecker()
    )


def _depth(milestones: list[dict[str, Any]]) -> int:
    return max((1 + _depth(m.get("milestones") or []) for m in milestones), default=0)


@given(st.booleans(), st.integers(1, 3), st.data())
def test_every_document_validates_against_the_published_schema_and_loads(
    valid: bool, depth: int, data: st.DataObject
) -> None:
    """documents() gives JSON the published and the bounded schema accept, and from_dict reads."""
    document = data.draw(documents(valid=valid, max_depth=depth))
    assert json.loads(json.dumps(document)) == document  # plain JSON data
    assert [] == [error.message for error in published().iter_errors(document)]
    assert (
        _depth([m for c in document.get("commitments", []) for m in c.get("milestones", [])])
        <= depth
    )
    assert bounded(depth).is_valid(document)
    assert ogpmodel.to_dict(ogpmodel.from_dict(document)) == document


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_the_bounded_schema_has_no_recursion_and_is_a_schema(depth: int) -> None:
    """Each definition refers only to definitions after it in the milestone chain, and it checks."""
    schema = bounded_schema(depth)
    jsonschema.Draft202012Validator.check_schema(schema)
    levels = ["Milestone", *(f"Milestone{n}" for n in range(2, depth + 1))]
    for index, name in enumerate(levels):
        text = json.dumps(schema["$defs"][name])
        assert not any(f'"#/$defs/{level}"' in text for level in levels[: index + 1]), name


def test_a_document_nested_deeper_is_refused() -> None:
    """The bounded schema refuses milestones nested deeper than its depth; the published accepts."""
    plan = ogpmodel.to_dict(ogpmodel.loads(json.dumps(_nested(3))))
    assert published().is_valid(plan)
    assert bounded(3).is_valid(plan)
    assert not bounded(2).is_valid(plan)


def _nested(depth: int) -> dict[str, Any]:
    milestone: dict[str, Any] = {"id": f"m{depth}", "title": "M"}
    for level in range(depth - 1, 0, -1):
        milestone = {"id": f"m{level}", "title": "M", "milestones": [milestone]}
    return {
        "schema_version": "1.1",
        "id": "x",
        "title": "T",
        "language": "en",
        "member": {"name": "M", "membership": "local", "country": "CL"},
        "period": {},
        "commitments": [{"id": "C1", "title": "C", "milestones": [milestone]}],
    }


@pytest.mark.parametrize("depth", [0, -1, True, 1.5])
def test_a_depth_that_is_not_a_positive_integer_is_refused(depth: Any) -> None:
    with pytest.raises(ValueError, match="max_depth must be a positive integer"):
        bounded_schema(depth)


HOWTO = pathlib.Path(__file__).resolve().parents[2] / "docs" / "howto-property-testing.md"


def test_the_recipes_of_the_how_to_run() -> None:
    """The code of the how-to's section on schema-driven documents runs, in order."""
    text = HOWTO.read_text(encoding="utf-8")
    section = text.split("## Schema-driven documents", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    assert len(blocks) == 2
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, str(HOWTO), "exec"), namespace)  # noqa: S102 - our own documentation
