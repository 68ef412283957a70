"""Tests for the ogpmodel command line."""

import io
import json
import pathlib
import subprocess
import sys

import jsonschema

import ogpmodel
from ogpmodel.cli import run
from tests.builders import complete_local_plan, minimal_plan


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

    def test_json_output_follows_the_report_schema(self, tmp_path: pathlib.Path) -> None:
        """--format json writes one report per document, each valid under the report schema."""
        path = write(tmp_path, "plan.json", ogpmodel.dumps(minimal_plan()))
        code, out, _ = call("validate", path, "--format", "json")
        (entry,) = json.loads(out)
        assert 0 == code
        assert path == entry["file"]
        jsonschema.validate(entry["report"], ogpmodel.schema("report"))

    def test_json_lines_are_checked_line_by_line(self, tmp_path: pathlib.Path) -> None:
        """A .jsonl file is checked one document per line, labelled with the line number."""
        good = ogpmodel.dumps(minimal_plan())
        path = write(tmp_path, "plans.jsonl", f"{good}\n\n{{bad\n")
        code, out, _ = call("validate", path)
        assert 1 == code
        assert f"{path}:1: 0 errors" in out
        assert f"{path}:3:/: error:" in out

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
        """An unknown code is a usage error that names the nearest code."""
        code, _, err = call("explain", "plan.not-endorse")
        assert 2 == code
        assert "did you mean 'plan.not-endorsed'?" in err

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
