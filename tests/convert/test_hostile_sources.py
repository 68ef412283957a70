"""
Any source, however wrong, gives a conversion and never a traceback; any plan it gives is sound.

Hypothesis draws sources in the trackers' shapes with any values where their values go (text,
numbers, NaN, dates, lists, mappings, HTML, padded and blank codes), and texts that are almost
YAML. A plan that comes out round-trips through OGP JSON and has no structural finding.
"""

import datetime
import pathlib
import tempfile
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ogpmodel.convert import Conversion, canada_nap, us_nap5
from tests.convert.support import assert_sound

#: Values trackers hold, right and wrong.
ODD = [
    "<b>x</b>",
    " C1 ",
    "2023-12",
    "By March 2025",
    "Fall 2025",
    "",
    " ",
    "a b",
    "https:https://x",
    "/relative",
    "2023-02-30",
    "A <br> B",
    "In Progress",
    "Progress Update: x\nEvidence: [a](b) www.x.org",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(ODD),
    st.dates(datetime.date(1990, 1, 1), datetime.date(2040, 1, 1)),
)
KEYS = ["en", "fr", "due_date", "deadline", "lead_dept", "supt_sept", "s4d", "title", "x"]
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=4)), inner, max_size=4),
    ),
    max_leaves=12,
)
CODES = ["C1", "C1.1", "C1.1.1", "C1.01", "C1.01.1", "C2", "C2.1.1", " C1.2 ", "", "x y"]
LEVELS = ["commitments", "milestones", "indicators", "status", "reporting_period"]
RECORD = ["indicators", "reporting_period", "status", "progress_en", "evidence_en", "challenges"]
field = st.fixed_dictionaries(
    {
        "datastore_id": st.sampled_from(LEVELS),
        "choices": st.one_of(st.dictionaries(st.sampled_from(CODES), values, max_size=6), values),
    }
)
resource = st.fixed_dictionaries(
    {"fields": st.lists(field, max_size=5)},
    optional={
        "examples": st.fixed_dictionaries(
            {"record": st.dictionaries(st.sampled_from(RECORD), values)}
        )
    },
)
definitions = st.fixed_dictionaries(
    {"resources": st.lists(resource, min_size=1, max_size=2)},
    optional={"title": values, "dataset_type": values},
)

US_KEYS = [
    "commitment_id",
    "title",
    "commitment_detail_sub",
    "permalink",
    "commitment_link",
    "commitment_detail_sub_id",
    "commitment_agency",
    "commitment_status",
    "aug_2023_progress",
    "_body",
    "_file",
    "other",
]
us_values = st.one_of(values, st.sampled_from(["US1", "US1.1", "A <br> B", "B <br> A"]))
us_record = st.dictionaries(st.sampled_from(US_KEYS), us_values, max_size=8)
trackers = st.fixed_dictionaries(
    {"commitments": st.lists(st.one_of(us_record, values), max_size=4)},
    optional={"subcommitments": st.lists(st.one_of(us_record, values), max_size=5)},
)

#: Characters YAML gives meaning to, and a few others.
almost_yaml = st.text(alphabet=st.sampled_from(list("-:[]{}!&*#|>'\"%@`, \n\tC1.2éresourcs")))

lenient = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


def check(conversion: Conversion) -> None:
    if conversion.plan is not None:
        assert_sound(conversion.plan)
    else:
        assert ["import.unreadable"] == sorted({f.code for f in conversion.report.errors})
    for finding in conversion.report.findings:
        finding.render("es")


@lenient
@given(definitions)
def test_any_canadian_definition(document: dict[str, Any]) -> None:
    check(canada_nap.read(document))


@lenient
@given(trackers)
def test_any_us_tracker(tracker: dict[str, Any]) -> None:
    check(us_nap5.read(tracker))


@lenient
@given(almost_yaml)
def test_any_text_as_yaml_or_front_matter(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        yaml_file = pathlib.Path(folder) / "plan.yaml"
        yaml_file.write_text(text, encoding="utf-8")
        check(canada_nap.read(yaml_file))
        page = pathlib.Path(folder) / "US0001.md"
        page.write_text(f"---\n{text}\n---\n", encoding="utf-8")
        check(us_nap5.read(page))
