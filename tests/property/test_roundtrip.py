"""
Round trips through OGP JSON are lossless.

The contract: "``extensions`` … content is kept verbatim through a load/dump round trip", a plain
string or a language map is written back in "the form it was given in", and partial dates keep
their precision. These properties check it for every plan the strategies generate, valid or not.
"""

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import ogpmodel
from ogpmodel.strategies import action_plans, documents

# The JSON values users may put under `extensions`.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=10,
)


def normalise(document: Any, *, inside_extensions: bool = False) -> Any:
    """
    The document as `dumps` writes it: nulls and empty optional lists dropped (they mean absent).

    Content under ``extensions`` is left exactly as given.
    """
    if inside_extensions:
        return document
    if isinstance(document, dict):
        out = {}
        for key, value in document.items():
            if key == "extensions":
                if value:
                    out[key] = normalise(value, inside_extensions=True)
                continue
            if value is None or (value == [] and key != "commitments"):
                continue
            out[key] = normalise(value)
        return out
    if isinstance(document, list):
        return [normalise(item) for item in document]
    return document


class TestPlanRoundTrip:
    @given(action_plans(valid=False))
    def test_loads_dumps_gives_an_equal_plan(self, plan: ogpmodel.ActionPlan) -> None:
        """loads(dumps(plan)) == plan for every plan the model accepts."""
        assert plan == ogpmodel.loads(ogpmodel.dumps(plan))

    @given(action_plans())
    def test_valid_plans_round_trip(self, plan: ogpmodel.ActionPlan) -> None:
        """Valid plans of every stage round-trip too (histories, assessments, nesting)."""
        assert plan == ogpmodel.from_dict(json.loads(json.dumps(ogpmodel.to_dict(plan))))

    @given(action_plans(valid=False), json_values)
    def test_extensions_are_verbatim(self, plan: ogpmodel.ActionPlan, value: Any) -> None:
        """Any JSON value under extensions comes back exactly."""
        data = ogpmodel.to_dict(plan)
        data["extensions"] = {"x": value}
        assert {"x": value} == ogpmodel.to_dict(ogpmodel.from_dict(data))["extensions"]


class TestDocumentRoundTrip:
    @given(documents(valid=False))
    def test_dumps_loads_gives_the_same_data(self, document: dict[str, Any]) -> None:
        """dumps(loads(text)) is the same JSON data as the text."""
        text = json.dumps(document)
        assert json.loads(text) == json.loads(ogpmodel.dumps(ogpmodel.loads(text)))

    @given(documents(valid=False), st.data())
    @settings(max_examples=50)
    def test_nulls_and_empty_lists_mean_absent(
        self, document: dict[str, Any], data: st.DataObject
    ) -> None:
        """Adding nulls for absent optional fields changes nothing but the written form."""
        optional = [
            "description",
            "submitted_on",
            "forum",
            "links",
            "endorsements",
            "point_of_contact_id",
        ]
        extra = data.draw(st.lists(st.sampled_from(optional), unique=True))
        padded = {**document, **{k: document.get(k) for k in extra}}
        written = ogpmodel.to_dict(ogpmodel.from_dict(padded))
        assert normalise(padded) == written
