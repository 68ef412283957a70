"""Tests for the ogpmodel command line."""

import csv
import datetime
import io
import json
import pathlib
import re
import subprocess
import sys
from collections.abc import Iterator

import jsonschema
import pytest

import ogpmodel
from ogpmodel import lifecycle as lc
from ogpmodel.cli import run
from ogpmodel.codelists import CODELISTS, COUNTRIES, OPEN_CODELISTS
from tests.builders import commitment, complete_local_plan, minimal_plan

#: The last line of a report: its counts.
SUMMARY = re.compile(r": \d+ errors?, \d+ warnings?, \d+ infos?$")


def call(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    """Run the command line in-process; return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err, stdin=io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: pathlib.Path, name: str, text: str) -> str:
    """Write a file in tmp_path and return its path as a string."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


class TestValidate:
    def test_valid_plan_exits_zero(self, tmp_path: pathlib.Path) -> None:
        """A plan without errors exits 0 and says so in the summary line."""
        path = write(tmp_path, "plan.json", ogpmodel.dumps(complete_local_plan()))
        code, out, _ = call("validate", path)
        assert 0 == code
        assert out.endswith("0 errors, 0 warnings, 0 infos\n")

    def test_invalid_document_exits_one_with_paths(self, tmp_path: pathlib.Path) -> None:
        """A broken document exits 1 and names the file, the path and the code."""
        data = ogpmodel.to_dict(minimal_plan())
        data["status"] = "draft"
        path = write(tmp_path, "plan.json", json.dumps(data))
        code, out, _ = call("validate", path)
        assert 1 == code
        assert f"{path}:/status: error: " in out
        assert "[schema.enum]" in out

    def test_messages_in_spanish(self, tmp_path: pathlib.Path) -> None:
        """--lang es renders messages and the summary in Spanish."""
        path = write(tmp_path, "plan.json", "{")
        code, out, _ = call("validate", path, "--lang", "es")
        assert 1 == code
        assert "El texto no es JSON válido" in out
        assert "1 error, 0 advertencias, 0 avisos" in out

    def test_json_output_is_json_lines_of_reports(self, tmp_path: pathlib.Path) -> None:
        """--format json writes one line per plan: its file, its line and its report."""
        path = write(tmp_path, "plan.json", ogpmodel.dumps(minimal_plan(), indent=2))
        code, out, _ = call("validate", path, "--format", "json")
        (entry,) = [json.loads(line) for line in out.splitlines()]
        assert 0 == code
        assert (path, 1) == (entry["file"], entry["line"])
        jsonschema.validate(entry["report"], ogpmodel.schema("report"))

    @pytest.mark.parametrize("name", ["plans.jsonl", "plans.ndjson", "plans.json", "plans"])
    def test_json_lines_are_known_by_content(self, tmp_path: pathlib.Path, name: str) -> None:
        """A file of one document per line is checked line by line, whatever its name."""
        good = ogpmodel.dumps(minimal_plan())
        path = write(tmp_path, name, f"{good}\n\n{{bad\n{good}\n")
        code, out, _ = call("validate", path)
        assert 1 == code
        assert f"{path}:1: 0 errors" in out
        assert f"{path}:3: error:" in out
        assert f"{path}:4: 0 errors" in out
        code, out, _ = call("validate", path, "--format", "json")
        lines = [json.loads(line) for line in out.splitlines()]
        assert [(path, 1, True), (path, 3, False), (path, 4, True)] == [
            (e["file"], e["line"], e["report"]["valid"]) for e in lines
        ]

    def test_json_lines_on_standard_input(self) -> None:
        """Standard input holding one plan per line is a corpus too."""
        good = ogpmodel.dumps(minimal_plan())
        code, out, _ = call("validate", "-", "--format", "json", stdin=f"{good}\n{good}\n")
        assert 0 == code
        assert [("-", 1), ("-", 2)] == [
            (e["file"], e["line"]) for e in map(json.loads, out.splitlines())
        ]

    def test_a_corpus_whose_first_line_is_broken(self, tmp_path: pathlib.Path) -> None:
        """A first line cut short does not hide the plans of the lines after it."""
        good = ogpmodel.dumps(minimal_plan())
        path = write(tmp_path, "plans.txt", f"{good[:40]}\n{good}\n{good}\n")
        code, out, _ = call("validate", path)
        assert 1 == code
        assert f"{path}:1: error:" in out
        assert f"{path}:2: 0 errors" in out
        assert f"{path}:3: 0 errors" in out

    def test_formatted_documents_one_after_another(self, tmp_path: pathlib.Path) -> None:
        """Documents that span lines, one after another, are read one by one."""
        text = ogpmodel.dumps(minimal_plan(), indent=2)
        size = text.count("\n") + 1
        path = write(tmp_path, "plans.json", f"{text}\n\n{text}\n")
        code, out, _ = call("validate", path, "--format", "json")
        assert 0 == code
        assert [1, size + 2] == [json.loads(line)["line"] for line in out.splitlines()]

    @pytest.mark.parametrize("text", ["", "\n\n", '{\n  "id": [\n'])
    def test_an_empty_or_unfinished_document_is_reported(
        self, tmp_path: pathlib.Path, text: str
    ) -> None:
        """An empty file, or one whose document never ends, is one report of invalid JSON."""
        path = write(tmp_path, "plan.json", text)
        code, out, _ = call("validate", path)
        assert 1 == code
        (finding, summary) = out.splitlines()
        assert finding.startswith(f"{path}: error: ")
        assert f"{path}: 1 error, 0 warnings, 0 infos" == summary
        assert "[schema.invalid-json]" in out

    def test_blank_lines_before_a_document(self, tmp_path: pathlib.Path) -> None:
        """A JSON file is line 1, blank lines before its document included; errors keep their place."""
        path = write(tmp_path, "plan.json", '\n\n{"id": }\n')
        code, out, _ = call("validate", path, "--format", "json")
        (entry,) = map(json.loads, out.splitlines())
        assert (1, 1) == (code, entry["line"])
        assert "line 3" in entry["report"]["findings"][0]["message"]

    def test_reports_are_written_as_plans_are_read(self) -> None:
        """Each report is on stdout before the plan after the next one is read."""
        good = ogpmodel.dumps(minimal_plan()).encode()
        out, err = io.StringIO(), io.StringIO()
        seen: list[int] = []

        def lines() -> Iterator[bytes]:
            for _ in range(6):
                seen.append(len(re.findall(r"^-:\d+: \d+ error", out.getvalue(), re.MULTILINE)))
                yield good + b"\n"

        class Stdin(io.StringIO):
            buffer = lines()  # type: ignore[assignment]  # read line by line, as a file is

        assert 0 == run(["validate", "-"], stdout=out, stderr=err, stdin=Stdin())
        # Two lines are read to tell JSON Lines; then each report is out before the next line.
        assert [0, 0, 2, 3, 4, 5] == seen

    def test_reads_standard_input(self) -> None:
        """'-' reads the document from standard input."""
        code, out, _ = call("validate", "-", stdin=ogpmodel.dumps(minimal_plan()))
        assert 0 == code
        assert out.startswith("-:")

    def test_as_of_turns_on_deadlines(self, tmp_path: pathlib.Path) -> None:
        """--as-of is parsed as a date; a bad one is a usage error (exit 2)."""
        path = write(tmp_path, "plan.json", ogpmodel.dumps(minimal_plan()))
        assert 0 == call("validate", path, "--as-of", "2030-01-01")[0]
        code, _, err = call("validate", path, "--as-of", "soon")
        assert 2 == code
        assert "YYYY-MM-DD" in err

    def test_missing_file_is_a_usage_error(self, tmp_path: pathlib.Path) -> None:
        """A file that cannot be read exits 2 with one line on stderr and no traceback."""
        code, out, err = call("validate", str(tmp_path / "nope.json"))
        assert (2, "") == (code, out)
        assert err.startswith("ogpmodel: error: cannot read")
        assert "Traceback" not in err

    def test_a_missing_file_among_good_ones(self, tmp_path: pathlib.Path) -> None:
        """The files that can be read are still checked and printed; exit 2 for the missing one."""
        good = write(tmp_path, "good.json", ogpmodel.dumps(minimal_plan()))
        bad = write(tmp_path, "bad.json", "{")
        missing = str(tmp_path / "nope.json")
        code, out, err = call("validate", good, missing, bad, str(tmp_path))
        assert 2 == code
        summaries = [line for line in out.splitlines() if SUMMARY.search(line)]
        assert [
            f"{good}: 0 errors, 5 warnings, 0 infos",
            f"{bad}: 1 error, 0 warnings, 0 infos",
        ] == summaries
        assert [
            f"ogpmodel: error: cannot read {missing}: No such file or directory"
            " (check the path; '-' reads standard input)",
            f"ogpmodel: error: cannot read {tmp_path}: Is a directory"
            " (check the path; '-' reads standard input)",
        ] == err.splitlines()

    @pytest.mark.parametrize(
        ("level", "shown"),
        [
            ("info", {"error", "warning", "info"}),
            ("warning", {"error", "warning"}),
            ("error", {"error"}),
        ],
    )
    def test_min_severity_filters_the_output_only(
        self, tmp_path: pathlib.Path, level: str, shown: set[str]
    ) -> None:
        """--min-severity hides the findings below it; the counts and the exit code stay."""
        data = ogpmodel.to_dict(minimal_plan(commitments=(commitment(id="x-1"),)))
        data["status"] = "draft"
        path = write(tmp_path, "plan.json", json.dumps(data))
        code, out, _ = call("validate", path, "--min-severity", level)
        *findings, summary = out.splitlines()
        assert 1 == code
        assert shown == {line.split(": ")[1] for line in findings}
        assert call("validate", path)[1].splitlines()[-1] == summary
        code, out, _ = call("validate", path, "--format", "json", "--min-severity", level)
        report = json.loads(out)["report"]
        assert shown == {f["severity"] for f in report["findings"]}
        assert report["summary"]["infos"] > 0
        assert report["valid"] is False

    def test_min_severity_error_on_warnings_only_exits_zero(self, tmp_path: pathlib.Path) -> None:
        """A plan with warnings only is valid: nothing but its summary is printed."""
        path = write(tmp_path, "plan.json", ogpmodel.dumps(minimal_plan()))
        code, out, _ = call("validate", path, "--min-severity", "error")
        assert (0, [f"{path}: 0 errors, 5 warnings, 0 infos"]) == (code, out.splitlines())

    def test_profile(self, tmp_path: pathlib.Path) -> None:
        """--profile checks the plan against another profile; an unknown one is a usage error."""
        path = write(tmp_path, "plan.json", ogpmodel.dumps(complete_local_plan()))
        assert call("validate", path)[1].endswith(": 0 errors, 0 warnings, 0 infos\n")
        code, out, _ = call("validate", path, "--profile", "national")
        assert 0 == code
        assert "[plan.commitment-count-outside-recommendation]" in out
        code, _, err = call("validate", path, "--profile", "regional")
        assert 2 == code
        assert 1 == err.count("\n")
        assert "invalid choice: 'regional'" in err
        assert "(see 'ogpmodel validate --help')" in err


class TestOtherCommands:
    def test_summary(self, tmp_path: pathlib.Path) -> None:
        """summary prints the title, member, counts and findings of a plan."""
        path = write(tmp_path, "plan.json", ogpmodel.dumps(complete_local_plan()))
        code, out, _ = call("summary", path)
        assert 0 == code
        assert "Plan de acción 2023-2024" in out
        assert "commitments: 1, milestones: 1, stakeholders: 4" in out
        assert "CLMPU0001" in out

    def test_summary_of_a_broken_document(self, tmp_path: pathlib.Path) -> None:
        """summary of an unreadable document prints its report and exits 1."""
        path = write(tmp_path, "plan.json", "[]")
        code, out, _ = call("summary", path)
        assert 1 == code
        assert "[schema.type]" in out

    def test_explain(self) -> None:
        """explain describes a rule in the chosen language."""
        code, out, _ = call("explain", "plan.not-endorsed", "--lang", "es")
        assert 0 == code
        assert out.startswith("plan.not-endorsed: ")
        assert "Severidad" in out

    def test_explain_unknown_code_suggests(self) -> None:
        """An unknown code is one usage-error line that names the nearest codes."""
        code, _, err = call("explain", "plan.not-endorse")
        assert 2 == code
        assert err.startswith(
            "ogpmodel: error: no rule with code 'plan.not-endorse'; did you mean 'plan.not-endorsed',"
        )
        assert 1 == err.count("\n")
        code, _, err = call("explain", "zzz")
        assert (
            2,
            "ogpmodel: error: no rule with code 'zzz' (see 'ogpmodel rules' for every code)\n",
        ) == (code, err)

    def test_summary_of_several_files(self, tmp_path: pathlib.Path) -> None:
        """summary FILE... summarises each plan, also those of a corpus, and goes past a missing file."""
        one = write(tmp_path, "one.json", ogpmodel.dumps(complete_local_plan()))
        plan = ogpmodel.dumps(minimal_plan())
        corpus = write(tmp_path, "corpus.ndjson", f"{plan}\n{plan}\n")
        missing = str(tmp_path / "nope.json")
        code, out, err = call("summary", one, missing, corpus)
        assert 2 == code
        assert err.startswith(f"ogpmodel: error: cannot read {missing}: ")
        assert [one, f"{corpus}:1", f"{corpus}:2"] == [
            line for line in out.splitlines() if line.startswith(str(tmp_path))
        ]
        assert 1 == out.count("Plan de acción 2023-2024")
        assert 3 == out.count("  findings: ")

    @pytest.mark.parametrize("form", ["text", "json", "csv"])
    def test_codelists(self, form: str) -> None:
        """codelists lists every codelist, open ones and countries included, with every code."""
        code, out, err = call("codelists", "--format", form, "--lang", "es")
        assert (0, "") == (code, err)
        expected = {
            **{name: [c.value for c in enum] for name, enum in CODELISTS.items()},
            **{name: list(c.codes) for name, c in OPEN_CODELISTS.items()},
            "country": list(COUNTRIES),
        }
        if form == "json":
            lists = json.loads(out)
            assert expected == {
                entry["codelist"]: [c["code"] for c in entry["codes"]] for entry in lists
            }
            (status,) = [entry for entry in lists if entry["codelist"] == "plan-status"]
            assert "Cocreación" == status["codes"][1]["title"]
            assert {"policy-area", "primary-sector"} == {e["codelist"] for e in lists if e["open"]}
        elif form == "csv":
            rows = list(csv.DictReader(io.StringIO(out)))
            found: dict[str, list[str]] = {}
            for row in rows:
                found.setdefault(row["codelist"], []).append(row["code"])
            assert expected == found
            assert {"title", "description"} <= set(rows[0])
        else:
            assert len(out.splitlines()) == len(expected) + sum(map(len, expected.values()))
            assert "  co_creation" in out
            assert "Cocreación" in out

    @pytest.mark.parametrize("kind", ["plan", "commitment", "milestone"])
    def test_lifecycle_of_one_entity(self, kind: lc.Kind) -> None:
        """lifecycle --entity prints that table, as Mermaid or as JSON."""
        assert (0, lc.mermaid(kind), "") == call("lifecycle", "--entity", kind)
        code, out, _ = call("lifecycle", "--entity", kind, "--format", "json")
        assert (0, lc.tables_json()[kind]) == (code, json.loads(out))

    def test_lifecycle_of_every_entity(self) -> None:
        """Without --entity every table is printed, each diagram named by a Mermaid comment."""
        code, out, _ = call("lifecycle")
        assert 0 == code
        assert (
            "\n".join(f"%% {k}\n{lc.mermaid(k)}" for k in ("plan", "commitment", "milestone"))
            == out
        )
        assert lc.tables_json() == json.loads(call("lifecycle", "--format", "json")[1])

    def test_one_line_usage_errors(self) -> None:
        """A usage error is one line with a hint, not argparse's usage block."""
        for argv in [(), ("validate",), ("lifecycle", "--entity", "goal"), ("codelists", "-x")]:
            code, out, err = call(*argv)
            assert (2, "", 1) == (code, out, err.count("\n")), argv
            assert err.startswith("ogpmodel: error: ")
            assert "--help')" in err

    def test_rules_as_json(self) -> None:
        """rules --format json lists every registered rule."""
        code, out, _ = call("rules", "--format", "json")
        assert 0 == code
        assert [r.code for r in ogpmodel.rules()] == [r["code"] for r in json.loads(out)]

    def test_schema(self) -> None:
        """schema prints the packaged schema; --report the report schema."""
        assert ogpmodel.schema() == json.loads(call("schema")[1])
        assert ogpmodel.schema("report") == json.loads(call("schema", "--report")[1])
        earlier = json.loads(call("schema", "--version", "1.0")[1])
        assert ogpmodel.schema(version="1.0") == earlier
        assert earlier != ogpmodel.schema()


class TestUpgrade:
    ONE_ZERO = pathlib.Path(__file__).parent / "fixtures" / "maipu-1.0.json"

    def test_prints_the_upgraded_document(self) -> None:
        """upgrade FILE prints the 1.1 document: the same content, the new version."""
        code, out, _ = call("upgrade", str(self.ONE_ZERO))
        original = json.loads(self.ONE_ZERO.read_text(encoding="utf-8"))
        assert (0, ogpmodel.upgrade(original)) == (code, json.loads(out))
        assert "1.1" == json.loads(out)["schema_version"]

    def test_writes_the_output_file(self, tmp_path: pathlib.Path) -> None:
        """-o writes the document, which then loads into the same plan as its source."""
        out = tmp_path / "plan-1.1.json"
        code, printed, _ = call("upgrade", str(self.ONE_ZERO), "-o", str(out))
        assert (0, "") == (code, printed)
        assert ogpmodel.load(out) == ogpmodel.load(self.ONE_ZERO)

    def test_an_unknown_version_names_the_supported_ones(self, tmp_path: pathlib.Path) -> None:
        """A version this library does not read exits 1 with schema.version, naming 1.0 and 1.1."""
        path = write(tmp_path, "old.json", '{"schema_version": "0.9", "id": "x"}')
        code, out, _ = call("upgrade", path)
        assert 1 == code
        assert "[schema.version]" in out
        assert "'1.0', '1.1'" in out

    def test_bad_json_is_reported_with_its_place(self, tmp_path: pathlib.Path) -> None:
        """Text that is not JSON exits 1 with the line and column, in the chosen language."""
        code, out, _ = call("upgrade", write(tmp_path, "bad.json", '{"a": '), "--lang", "es")
        assert 1 == code
        assert "[schema.invalid-json]" in out
        assert "línea 1" in out

    def test_an_unwritable_output_is_a_usage_error(self, tmp_path: pathlib.Path) -> None:
        """An output in a missing folder exits 2 with one line naming it."""
        target = tmp_path / "missing" / "out.json"
        code, _, err = call("upgrade", str(self.ONE_ZERO), "-o", str(target))
        assert 2 == code
        assert f"cannot write {target}" in err

    def test_unknown_command_is_a_usage_error(self) -> None:
        """An unknown command exits 2 with argparse's usage message on our stderr."""
        code, _, err = call("frobnicate")
        assert 2 == code
        assert "invalid choice" in err

    def test_module_entry_point(self) -> None:
        """python -m ogpmodel runs the command line."""
        done = subprocess.run(
            [sys.executable, "-m", "ogpmodel", "explain", "schema.enum"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 0 == done.returncode
        assert done.stdout.startswith("schema.enum: ")


def test_version() -> None:
    """--version prints the installed version and exits 0."""
    code, out, _ = call("--version")
    assert (0, f"ogpmodel {ogpmodel.__version__}") == (code, out.strip())


def test_the_version_is_the_distribution_s() -> None:
    """The version written in the package is the one the build gave the distribution."""
    import importlib.metadata

    assert importlib.metadata.version("ogpmodel") == ogpmodel.__version__


DAY = "2024-01-15"


class TestTransition:
    def test_writes_the_moved_plan(self, tmp_path: pathlib.Path) -> None:
        """A move that passes its guards writes the plan that lifecycle.transition returns."""
        plan = complete_local_plan()
        path = write(tmp_path, "plan.json", ogpmodel.dumps(plan))
        out = tmp_path / "moved.json"
        argv = ("transition", path, "--to", "completed", "--target", "CLMPU0001", "1", "--on", DAY)
        assert (0, "", "") == call(*argv, "-o", str(out))
        day = datetime.date.fromisoformat(DAY)
        moved = lc.transition(plan, "completed", target=("CLMPU0001", "1"), on=day)
        assert moved == ogpmodel.load(out)
        code, printed, _ = call(*argv)
        assert (0, ogpmodel.to_dict(moved)) == (code, json.loads(printed))

    def test_a_note_and_a_bare_milestone_id(self, tmp_path: pathlib.Path) -> None:
        """--note is recorded; a bare milestone id names the milestone of one commitment."""
        path = write(tmp_path, "plan.json", ogpmodel.dumps(complete_local_plan()))
        argv = ("transition", path, "--to", "cancelled", "--target", "1", "--on", DAY)
        code, out, _ = call(*argv, "--note", "Sin fondos")
        assert 0 == code
        (moved,) = json.loads(out)["commitments"][0]["milestones"]
        assert ("cancelled", "Sin fondos") == (moved["status"], moved["history"][-1]["note"])

    def test_a_refused_move_prints_its_findings(self, tmp_path: pathlib.Path) -> None:
        """A refused move: the failed guards on stderr, nothing written, exit code 1."""
        path = write(tmp_path, "plan.json", ogpmodel.dumps(complete_local_plan()))
        out = tmp_path / "moved.json"
        code, printed, err = call(
            "transition", path, "--to", "withdrawn", "--on", DAY, "-o", str(out), "--lang", "es"
        )
        assert (1, "") == (code, printed)
        assert f"{path}: error: " in err
        assert "[lifecycle.note-required]" in err
        assert err.endswith(": the move is refused: 1 failed guard(s)\n")
        assert not out.exists()

    def test_a_plan_with_errors_is_not_moved(self, tmp_path: pathlib.Path) -> None:
        """A document that is not a plan: its findings on stderr, exit code 1."""
        path = write(tmp_path, "plan.json", "[]")
        code, out, err = call("transition", path, "--to", "closed", "--on", DAY)
        assert (1, "") == (code, out)
        assert "[schema.type]" in err

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (("--to", "closed", "--target", "nope"), "no commitment or milestone with id 'nope'"),
            (("--to", "finished"), "--to must be a PlanStatus ("),
            (("--to", "closed", "--target", "a", "b", "c"), "--target takes a commitment id"),
            (("--to", "closed", "--on", "soon"), "YYYY-MM-DD"),
            (("--to", "delayed", "--target", "1"), "pass --target A 1 or --target B 1"),
        ],
    )
    def test_arguments_that_name_nothing(
        self, tmp_path: pathlib.Path, argv: tuple[str, ...], message: str
    ) -> None:
        """An unknown or ambiguous target, a state of no kind: one line with a hint, exit 2."""
        plan = complete_local_plan(commitments=(commitment(id="A"), commitment(id="B")))
        path = write(tmp_path, "plan.json", ogpmodel.dumps(plan))
        code, out, err = call("transition", path, "--on", DAY, *argv)
        assert (2, "", 1) == (code, out, err.count("\n"))
        assert message in err


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def on_terminals(*argv: str) -> tuple[int, str, str]:
    """Run the command line with stdout and stderr on terminals; return what they got."""
    out, err = Terminal(), Terminal()
    code = run(list(argv), stdout=out, stderr=err, stdin=io.StringIO())
    return code, out.getvalue(), err.getvalue()


class TestTerminal:
    def test_progress_on_a_terminal(self, tmp_path: pathlib.Path) -> None:
        """A corpus shows a count of plans and of plans with errors on a terminal's stderr."""
        good = ogpmodel.dumps(complete_local_plan())
        path = write(tmp_path, "corpus", f"{good}\n{{\n{good}\n")
        code, out, err = on_terminals("validate", path)
        assert 1 == code
        assert err.startswith("\r2 plans read, 1 with errors\x1b[K")
        assert err.endswith("\r3 plans read, 1 with errors\x1b[K\n")
        assert 3 == out.count(": 0 warnings") + out.count(", 0 warnings")

    def test_no_progress_off_a_terminal_or_for_one_plan(self, tmp_path: pathlib.Path) -> None:
        """Not on a terminal, or for a single plan, stderr stays empty."""
        good = ogpmodel.dumps(complete_local_plan())
        corpus = write(tmp_path, "corpus", f"{good}\n{good}\n")
        assert (0, "") == call("validate", corpus)[::2]
        assert (0, "") == on_terminals("validate", write(tmp_path, "one.json", good))[::2]

    def test_a_missing_file_clears_the_progress_line(self, tmp_path: pathlib.Path) -> None:
        """An error line is not written over the count."""
        good = ogpmodel.dumps(complete_local_plan())
        corpus = write(tmp_path, "corpus", f"{good}\n{good}\n")
        code, _, err = on_terminals("validate", corpus, str(tmp_path / "nope"))
        assert 2 == code
        assert "\r\x1b[Kogpmodel: error: cannot read " in err

    def test_severities_are_coloured_on_a_terminal(
        self, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """On a terminal each finding is in its severity's colour; never with NO_COLOR."""
        monkeypatch.delenv("NO_COLOR", raising=False)
        data = ogpmodel.to_dict(minimal_plan(commitments=(commitment(id="x-1"),)))
        data["status"] = "draft\x1b[2J"
        path = write(tmp_path, "plan.json", json.dumps(data))
        code, out, _ = on_terminals("validate", path)
        assert 1 == code
        colours = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
        *findings, summary = out.splitlines()
        for line in findings:
            severity = line.split(": ")[1]
            assert line.startswith(colours[severity]), line
            assert line.endswith("\x1b[0m"), line
        assert "draft\\x1b[2J" in out  # the document's escapes are still shown escaped
        assert "\x1b" not in summary
        monkeypatch.setenv("NO_COLOR", "1")
        assert "\x1b" not in on_terminals("validate", path)[1]
        monkeypatch.delenv("NO_COLOR")
        assert "\x1b" not in call("validate", path)[1]


@pytest.mark.parametrize(
    ("argv", "loaded"),
    [
        (("rules",), ()),
        (("validate", "examples/maipu-2023-2024.json"), ()),
    ],
)
def test_commands_import_only_what_they_need(
    argv: tuple[str, ...], loaded: tuple[str, ...]
) -> None:
    """No command imports jsonschema, a converter or a library that it does not use."""
    script = (
        "import io, json, sys\n"
        "from ogpmodel.cli import run\n"
        f"run({list(argv)!r}, stdout=io.StringIO(), stderr=io.StringIO(), stdin=io.StringIO())\n"
        "heavy = {'jsonschema', 'openpyxl', 'yaml', 'sqlite3', 'importlib.metadata'}\n"
        "registry = {'ogpmodel.convert._registry', 'ogpmodel.convert._conversion'}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m in heavy"
        " or m.startswith('ogpmodel.convert.') and m not in registry)))\n"
    )
    root = pathlib.Path(__file__).parents[1]
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=root
    )
    assert list(loaded) == json.loads(done.stdout)
