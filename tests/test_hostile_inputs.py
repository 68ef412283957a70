"""
Known hostile inputs: each is read or refused, validated, written and printed without escaping.

These are the cases of a robustness review (docs/robustness.md lists them with their status).
A case the library does not handle yet is marked ``xfail(strict=True)`` with the reason: it
passes, and so fails the suite as an XPASS, once the library is fixed; then drop the mark.
"""

import datetime
import json
import pathlib
import subprocess
import sys
from collections.abc import Callable
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
    @pytest.mark.xfail(
        strict=True,
        raises=ValueError,
        reason="json.loads raises ValueError past Python's 4300-digit int limit; "
        "_parsing.parse catches only JSONDecodeError and RecursionError",
    )
    def test_number_of_4301_digits(self) -> None:
        """A number past Python's integer-string limit is a finding, not a ValueError."""
        report = ogpmodel.validate("1" + "0" * 4300)
        assert "schema.invalid-json" in report.codes

    @pytest.mark.xfail(
        strict=True,
        raises=ValueError,
        reason="deadline.inception-report-overdue adds two months to submitted_on "
        "(rules/deadlines.py _add_months): year 10000 is out of range",
    )
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
    @pytest.mark.xfail(
        strict=True,
        raises=ogpmodel.InvalidValue,
        reason="the finding quotes the value in its params, and Finding's converter (freeze) "
        "refuses NaN and infinities: InvalidValue escapes (found by the atheris from-dict target)",
    )
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

    @pytest.mark.xfail(
        strict=True,
        raises=UnicodeEncodeError,
        reason="dumps keeps the lone surrogate (ensure_ascii=False), so dump() cannot "
        "encode its own output as UTF-8",
    )
    def test_dump_of_a_title_with_a_lone_surrogate(self, tmp_path: pathlib.Path) -> None:
        """A plan read from a document with a lone surrogate can be written back to a file."""
        plan = ogpmodel.loads(json.dumps(dict(MINIMAL, title="Plan \ud800")))
        ogpmodel.dump(plan, tmp_path / "plan.json")
        assert plan == ogpmodel.load(tmp_path / "plan.json")

    @pytest.mark.xfail(
        strict=True,
        reason="cli summary writes the title with its lone surrogate to a UTF-8 stdout: "
        "UnicodeEncodeError and a traceback",
    )
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

    @pytest.mark.xfail(
        strict=True,
        reason="a finding's path holds the lone surrogate of an unknown key; the command line "
        "writes it to a UTF-8 stdout (text, and JSON with ensure_ascii=False): "
        "UnicodeEncodeError and a traceback",
    )
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
    @pytest.mark.parametrize("depth", [50, 150])
    def test_moderately_deep_milestones(self, depth: int) -> None:
        """Milestones nested 150 deep write, print, hash, validate and round-trip."""
        plan = deep_milestones(depth)
        repr(plan)
        hash(plan)
        assert isinstance(ogpmodel.validate(plan), ValidationReport)
        assert plan == ogpmodel.loads(ogpmodel.dumps(plan))

    @pytest.mark.xfail(
        strict=True,
        reason="the model builds milestones nested 200 deep, but loads() refuses their "
        "dumps() ('nested too deeply'): the converter recurses about five frames a level",
    )
    def test_milestones_200_deep_round_trip(self) -> None:
        """loads(dumps(plan)) == plan for milestones nested 200 deep."""
        plan = deep_milestones(200)
        assert plan == ogpmodel.loads(ogpmodel.dumps(plan))

    @pytest.mark.xfail(strict=True, raises=RecursionError, reason="RecursionError")
    @pytest.mark.parametrize("depth", [500, 2000])
    @pytest.mark.parametrize(
        "operation",
        [ogpmodel.dumps, repr, hash],
        ids=["dumps", "repr", "hash"],
    )
    def test_very_deep_milestones(self, depth: int, operation: Callable[[Any], object]) -> None:
        """dumps, repr and hash of a plan with milestones nested 500 and 2000 deep."""
        operation(deep_milestones(depth))

    def test_milestones_500_deep_validate(self) -> None:
        """validate of milestones nested 500 deep returns a report."""
        assert isinstance(ogpmodel.validate(deep_milestones(500)), ValidationReport)

    @pytest.mark.xfail(
        strict=True,
        raises=RecursionError,
        reason="the rules walk milestones recursively: RecursionError at 2000 levels",
    )
    def test_milestones_2000_deep_validate(self) -> None:
        """validate of milestones nested 2000 deep returns a report."""
        assert isinstance(ogpmodel.validate(deep_milestones(2000)), ValidationReport)

    @pytest.mark.xfail(
        strict=True,
        reason="the RecursionError of the converter becomes a schema.format finding whose "
        "message reads \"'RecursionError' is not maximum recursion depth exceeded …\"",
    )
    def test_arrays_900_deep_in_extensions(self) -> None:
        """Arrays 900 deep under extensions are refused with a message about the document."""
        value: Any = []
        for _ in range(900):
            value = [value]
        with pytest.raises(InvalidDocument) as refused:
            ogpmodel.from_dict(dict(MINIMAL, extensions={"x": value}))
        for finding in refused.value.report.findings:
            assert "RecursionError" not in finding.message

    @pytest.mark.xfail(
        strict=True,
        raises=RecursionError,
        reason="loads() reads objects nested 400 deep under extensions, but repr and == of "
        "the plan recurse through FrozenObject (_json.py) and overflow the stack",
    )
    @pytest.mark.parametrize("operation", ["repr", "eq"])
    def test_objects_400_deep_in_extensions(self, operation: str) -> None:
        """A plan that loads() read prints and compares."""
        document = dict(MINIMAL, extensions={"x": nested_objects(400)})
        plan = ogpmodel.from_dict(document)
        if operation == "repr":
            repr(plan)
        else:
            assert plan == ogpmodel.from_dict(document)

    @pytest.mark.xfail(
        strict=True,
        raises=RecursionError,
        reason="loads() reads objects nested 600 deep under extensions, but dumps() of the "
        "plan overflows the stack",
    )
    def test_objects_600_deep_in_extensions_dumps(self) -> None:
        """A plan that loads() read is written by dumps()."""
        plan = ogpmodel.from_dict(dict(MINIMAL, extensions={"x": nested_objects(600)}))
        ogpmodel.dumps(plan)

    @pytest.mark.xfail(
        strict=True,
        raises=RecursionError,
        reason="freeze() (_json.py) recurses: the constructor raises RecursionError",
    )
    def test_extensions_built_500_deep(self) -> None:
        """The model takes extensions nested 500 deep, or refuses them with InvalidValue."""
        value: Any = []
        for _ in range(500):
            value = [value]
        try:
            plan = attrs.evolve(minimal_plan(), extensions={"x": value})
        except ogpmodel.InvalidValue:
            return
        assert plan == ogpmodel.loads(ogpmodel.dumps(plan))


class TestCompleteness:
    @pytest.mark.xfail(
        strict=True,
        reason="impossible partial dates are found only by the converter, which runs only "
        "when the schema finds nothing: /period/start is missing from the report",
    )
    def test_every_defect_of_a_multi_defect_document(self) -> None:
        """A misspelt status and an impossible period start are both reported."""
        document = dict(MINIMAL, status="implementaton", period={"start": "2023-02-30"})
        report = ogpmodel.validate(document)
        assert {"/status", "/period/start"} <= {f.path for f in report.findings}

    def test_impossible_start_alone(self) -> None:
        """The impossible start alone is reported."""
        report = ogpmodel.validate(dict(MINIMAL, period={"start": "2023-02-30"}))
        assert ["/period/start"] == [f.path for f in report.findings]
