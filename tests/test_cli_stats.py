"""Tests for the ``stats`` and ``timeline`` verbs of the command line."""

import datetime
import json
import pathlib

import jsonschema

import ogpmodel
from ogpmodel import examples
from tests.builders import complete_local_plan
from tests.test_cli import call, write

ROOT = pathlib.Path(__file__).resolve().parents[1]
MAIPU = str(ROOT / "examples" / "maipu-2023-2024.json")
US = str(ROOT / "tests" / "fixtures" / "us-nap5.json")
SCHEMA = json.loads((ROOT / "schemas" / "1.1" / "stats.schema.json").read_text("utf-8"))


class TestStats:
    def test_several_files_and_a_corpus(self, tmp_path: pathlib.Path) -> None:
        """Plans of JSON files and of JSON Lines add up; the JSON form is the published one."""
        lines = "\n".join(ogpmodel.dumps(complete_local_plan(id=f"d-{n}")) for n in range(3))
        corpus = write(tmp_path, "plans.jsonl", lines + "\n")
        code, out, err = call("stats", MAIPU, corpus, "--format", "json", "--as-of", "2024-01-01")
        assert (code, err) == (0, "")
        data = json.loads(out)
        jsonschema.validate(data, SCHEMA)
        assert (data["plans"], data["commitments"]["total"]) == (4, 7)
        assert data["milestones"] == {
            "total": 3,
            "by_status": {**dict.fromkeys(data["milestones"]["by_status"], 0), "in_progress": 3},
            "completed": 0,
            "overdue": 3,
        }
        assert data["as_of"] == "2024-01-01"

    def test_text_in_spanish(self) -> None:
        """The text form is in --lang."""
        code, out, _ = call("stats", MAIPU, "--lang", "es")
        assert code == 0
        assert out.startswith("planes: 1\ncompromisos: 4\n")
        assert "atrasados" not in out  # no --as-of: overdue is not counted

    def test_a_bad_plan_is_one_line_and_the_rest_is_counted(self, tmp_path: pathlib.Path) -> None:
        """A line that is not a plan is one line on stderr; exit 1; the others still count."""
        good = ogpmodel.dumps(examples.maipu())
        corpus = write(tmp_path, "plans.jsonl", f'{good}\n{{"id": 1}}\n{good}\n')
        code, out, err = call("stats", corpus, "--format", "json")
        assert code == 1
        assert json.loads(out)["plans"] == 2
        assert len(err.splitlines()) == 1
        assert err.startswith(f"{corpus}:2:")
        assert "errors" in err

    def test_a_missing_file_is_reported_and_the_rest_counted(self) -> None:
        """A file that cannot be read: exit 2, one line, the other files counted."""
        code, out, err = call("stats", "/nonexistent/plan.json", US, "--format", "json")
        assert code == 2
        assert err == (
            "ogpmodel: error: cannot read /nonexistent/plan.json: No such file or directory"
            " (check the path; '-' reads standard input)\n"
        )
        assert json.loads(out)["commitments"]["total"] == 36

    def test_stdin(self) -> None:
        """'-' reads a plan from stdin."""
        code, out, _ = call(
            "stats", "-", "--format", "json", stdin=ogpmodel.dumps(examples.maipu())
        )
        assert (code, json.loads(out)["plans"]) == (0, 1)


class TestTimeline:
    def test_mermaid_by_default(self) -> None:
        """The chart is the library's, line for line."""
        code, out, _ = call("timeline", MAIPU)
        assert code == 0
        assert out == ogpmodel.timeline.mermaid(examples.maipu())

    def test_text_with_width_and_as_of(self) -> None:
        """--format text draws within --width columns."""
        code, out, _ = call(
            "timeline", US, "--format", "text", "--width", "60", "--as-of", "2024-01-01"
        )
        assert code == 0
        assert out == ogpmodel.timeline.text(
            ogpmodel.load(US), width=60, as_of=datetime.date(2024, 1, 1)
        )
        assert max(len(line) for line in out.splitlines()) <= 60

    def test_a_width_too_small_is_a_usage_error(self) -> None:
        """A width below the minimum is refused by the parser, naming the minimum."""
        code, _, err = call("timeline", MAIPU, "--width", "12")
        assert code == 2
        assert "at least 40" in err

    def test_a_broken_plan_is_reported(self, tmp_path: pathlib.Path) -> None:
        """A document that is not a plan: its findings on stderr, exit 1, nothing on stdout."""
        path = write(tmp_path, "plan.json", '{"id": 1}')
        code, out, err = call("timeline", path)
        assert (code, out) == (1, "")
        assert f"{path}:/id: error:" in err

    def test_a_missing_file(self) -> None:
        """A file that cannot be read: exit 2 and one line."""
        code, _, err = call("timeline", "/nonexistent/plan.json")
        assert code == 2
        assert len(err.splitlines()) == 1
