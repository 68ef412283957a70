"""
Known hostile inputs: each is read or refused, validated, written and printed without escaping.

These are the cases of a robustness review (docs/robustness.md lists them with their status).
Each case once broke the library; its test pins that it holds now.
"""

import datetime
import json
import pathlib
import subprocess
import sys
from typing import Any

import attrs
import pytest

import ogpmodel
from ogpmodel import (
    ActionPlan,
    Commitment,
    CommitmentStatus,
    InvalidDocument,
    Milestone,
    MilestoneStatus,
    Text,
    ValidationReport,
)
from tests.builders import minimal_plan

MINIMAL: dict[str, Any] = ogpmodel.to_dict(minimal_plan())


def deep_milestones(depth: int) -> ActionPlan:
    """A plan whose one commitment holds a chain of *depth* nested milestones."""
    milestone = Milestone(id=f"m{depth}", title=Text("leaf"), status=MilestoneStatus.PLANNED)
    for level in range(depth - 1, 0, -1):
        milestone = Milestone(
            id=f"m{level}",
            title=Text("step"),
            status=MilestoneStatus.PLANNED,
            milestones=(milestone,),
        )
    commitment = Commitment(
        id="CLMPU0001",
        title=Text("Deep"),
        status=CommitmentStatus.PLANNED,
        milestones=(milestone,),
    )
    return minimal_plan(commitments=(commitment,))


def nested_objects(depth: int) -> Any:
    """``0`` inside *depth* objects ``{"x": ...}``."""
    value: Any = 0
    for _ in range(depth):
        value = {"x": value}
    return value


def run_cli(*argv: str) -> subprocess.CompletedProcess[str]:
    """The command line in a subprocess, its output through real UTF-8 pipes."""
    return subprocess.run(
        [sys.executable, "-m", "ogpmodel", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="backslashreplace",
        check=False,
        env={"PYTHONIOENCODING": "utf-8", "PATH": ""},
    )


class TestNumbersAndDates:
    def test_number_of_4301_digits(self) -> None:
        """A number past Python's integer-string limit is a finding, not a ValueError."""
        report = ogpmodel.validate("1" + "0" * 4300)
        assert "schema.invalid-json" in report.codes

    @pytest.mark.parametrize("submitted_on", ["9999-11-15", "9999-12-31"])
    def test_submitted_at_the_end_of_time_with_as_of(self, submitted_on: str) -> None:
        """A submission date in year 9999 is checked against as_of without overflowing."""
        document = dict(MINIMAL, submitted_on=submitted_on)
        report = ogpmodel.validate(document, as_of=datetime.date(2024, 1, 1))
        assert isinstance(report, ValidationReport)


NAN_DOCUMENTS = {
    "schema_version-nan": {"schema_version": float("nan")},
    "schema_version-inf": {"schema_version": float("inf")},
    "country-nan": dict(
        MINIMAL, member={"name": "Demo", "membership": "local", "country": float("nan")}
    ),
}


class TestNotANumber:
    @pytest.mark.parametrize("reader", ["from_dict", "validate"])
    @pytest.mark.parametrize("name", sorted(NAN_DOCUMENTS))
    def test_nan_where_a_finding_quotes_the_value(self, name: str, reader: str) -> None:
        """NaN or infinity as a value that a finding quotes (version, country code)."""
        document = NAN_DOCUMENTS[name]
        if reader == "validate":
            assert not ogpmodel.validate(document).is_valid
        else:
            with pytest.raises(InvalidDocument):
                ogpmodel.from_dict(document)


class TestEncodings:
    def test_latin1_file_is_refused(self, tmp_path: pathlib.Path) -> None:
        """A Latin-1 file is not UTF-8: load and iter_load refuse it with a report."""
        path = tmp_path / "plan.json"
        path.write_bytes(
            json.dumps(dict(MINIMAL, title="Acción"), ensure_ascii=False).encode("latin-1")
        )
        with pytest.raises(InvalidDocument) as refused:
            ogpmodel.load(path)
        assert {"schema.invalid-json"} == refused.value.report.codes
        with pytest.raises(InvalidDocument):
            list(ogpmodel.iter_load(path))

    def test_lone_surrogate_escape_is_read(self) -> None:
        r"""A ``\ud800`` escape in the JSON text is read and validated like any character."""
        text = json.dumps(dict(MINIMAL, title="Plan \ud800"))
        plan = ogpmodel.loads(text)
        assert plan == ogpmodel.loads(ogpmodel.dumps(plan))
        assert isinstance(ogpmodel.validate(text).to_json(), str)

    def test_dump_of_a_title_with_a_lone_surrogate(self, tmp_path: pathlib.Path) -> None:
        """A plan read from a document with a lone surrogate can be written back to a file."""
        plan = ogpmodel.loads(json.dumps(dict(MINIMAL, title="Plan \ud800")))
        ogpmodel.dump(plan, tmp_path / "plan.json")
        assert plan == ogpmodel.load(tmp_path / "plan.json")

    def test_summary_of_a_title_with_a_lone_surrogate(self, tmp_path: pathlib.Path) -> None:
        """`ogpmodel summary` prints a plan whose title holds a lone surrogate, no traceback."""
        path = tmp_path / "plan.json"
        path.write_text(json.dumps(dict(MINIMAL, title="Plan \ud800")), encoding="utf-8")
        done = run_cli("summary", str(path))
        assert "Traceback" not in done.stderr
        assert done.returncode in (0, 1)

    def test_validate_json_of_a_title_with_a_lone_surrogate(self, tmp_path: pathlib.Path) -> None:
        """`ogpmodel validate --format json` of such a plan: no finding quotes the title."""
        path = tmp_path / "plan.json"
        path.write_text(json.dumps(dict(MINIMAL, title="Plan \ud800")), encoding="utf-8")
        done = run_cli("validate", "--format", "json", str(path))
        assert "Traceback" not in done.stderr
        assert done.returncode in (0, 1)

    @pytest.mark.parametrize("output", ["text", "json"])
    def test_validate_of_a_key_with_a_lone_surrogate(
        self, tmp_path: pathlib.Path, output: str
    ) -> None:
        """`ogpmodel validate` reports an unknown key with a lone surrogate, no traceback."""
        path = tmp_path / "plan.json"
        path.write_text(json.dumps(dict(MINIMAL, **{"\ud800x": 1})), encoding="utf-8")
        done = run_cli("validate", "--format", output, str(path))
        assert "Traceback" not in done.stderr
        assert 1 == done.returncode


class TestNesting:
    """Whatever nesting the API builds round-trips; deeper is refused when built or read."""

    @pytest.mark.parametrize("depth", [1, 2, 16, ogpmodel.MAX_MILESTONE_DEPTH])
    def test_milestones_the_api_builds(self, depth: int) -> None:
        """Milestones up to the deepest the model builds write, print, hash and round-trip."""
        plan = deep_milestones(depth)
        repr(plan)
        hash(plan)
        assert isinstance(ogpmodel.validate(plan), ValidationReport)
        assert plan == ogpmodel.loads(ogpmodel.dumps(plan))

    @pytest.mark.parametrize("depth", [ogpmodel.MAX_MILESTONE_DEPTH + 1, 200, 500, 2000])
    def test_deeper_milestones_are_refused_when_built(self, depth: int) -> None:
        """Deeper milestones are refused at construction, with the limit in the message."""
        with pytest.raises(ogpmodel.InvalidValue, match="nested at most"):
            deep_milestones(depth)

    def test_arrays_900_deep_in_extensions(self) -> None:
        """Arrays 900 deep under extensions are refused with a limits.depth finding."""
        value: Any = []
        for _ in range(900):
            value = [value]
        with pytest.raises(InvalidDocument) as refused:
            ogpmodel.from_dict(dict(MINIMAL, extensions={"x": value}))
        assert {"limits.depth"} == refused.value.report.codes
        for finding in refused.value.report.findings:
            assert "RecursionError" not in finding.message

    @pytest.mark.parametrize("depth", [400, 600])
    def test_objects_deep_in_extensions_are_refused_when_read(self, depth: int) -> None:
        """A document with objects nested deeper than the limit is refused, not half-read."""
        with pytest.raises(InvalidDocument) as refused:
            ogpmodel.from_dict(dict(MINIMAL, extensions={"x": nested_objects(depth)}))
        assert {"limits.depth"} == refused.value.report.codes

    def test_extensions_built_500_deep(self) -> None:
        """The model refuses extensions nested 500 deep with InvalidValue."""
        value: Any = []
        for _ in range(500):
            value = [value]
        with pytest.raises(ogpmodel.InvalidValue, match="nested at most"):
            attrs.evolve(minimal_plan(), extensions={"x": value})


class TestCompleteness:
    def test_every_defect_of_a_multi_defect_document(self) -> None:
        """A misspelt status and an impossible period start are both reported."""
        document = dict(MINIMAL, status="implementaton", period={"start": "2023-02-30"})
        report = ogpmodel.validate(document)
        assert {"/status", "/period/start"} <= {f.path for f in report.findings}

    def test_impossible_start_alone(self) -> None:
        """The impossible start alone is reported."""
        report = ogpmodel.validate(dict(MINIMAL, period={"start": "2023-02-30"}))
        document = [f.path for f in report.errors if f.code.startswith("schema.")]
        assert ["/period/start"] == document
