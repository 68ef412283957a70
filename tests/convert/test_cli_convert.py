"""``ogpmodel convert SOURCE --from KIND [-o OUT]`` with the two tracker importers."""

import io
import json
import pathlib
import subprocess
import sys

import pytest

import ogpmodel
from ogpmodel.cli import run
from tests.convert.support import SOURCES


def call(*argv: str) -> tuple[int, str, str]:
    """Run the command line in-process; return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err, stdin=io.StringIO(""))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("kind", "source", "commitments"),
    [
        ("us-nap5", SOURCES / "us-nap5", 36),
        ("us-nap5", SOURCES / "us-nap5" / "nap5_tracker.json", 36),
        ("canada-nap", SOURCES / "canada-nap" / "nap5.yaml", 5),
    ],
)
def test_convert_then_validate(
    tmp_path: pathlib.Path, kind: str, source: pathlib.Path, commitments: int
) -> None:
    """The plan written to OUT reads back and validates; the findings go to stderr."""
    out = tmp_path / "out.json"
    code, stdout, stderr = call("convert", str(source), "--from", kind, "-o", str(out))
    assert (0, "") == (code, stdout)
    assert f"{source}: 0 errors," in stderr.splitlines()[-1]
    assert f"{source}:/" in stderr  # each finding names the source, then where it went
    plan = ogpmodel.load(out)
    assert commitments == len(plan.commitments)
    code, stdout, _ = call("validate", str(out))
    assert 0 == code
    assert stdout.splitlines()[-1].startswith(f"{out}: 0 errors")


def test_spanish_findings_and_stdout(tmp_path: pathlib.Path) -> None:
    """Without -o the plan goes to stdout as JSON; --lang es renders the findings in Spanish."""
    source = SOURCES / "canada-nap" / "nap5.yaml"
    code, stdout, stderr = call("convert", str(source), "--from", "canada-nap", "--lang", "es")
    assert 0 == code
    assert "canada-nap5-2022-2024" == json.loads(stdout)["id"]
    assert "es el registro de ejemplo de la plantilla" in stderr
    assert stderr.splitlines()[-1].endswith("0 errores, 1 advertencia, 24 avisos")


def test_unreadable_source_exits_one(tmp_path: pathlib.Path) -> None:
    """A source that cannot be read: one error line naming the file, no plan, exit code 1."""
    bad = tmp_path / "plan.yaml"
    bad.write_text("resources: [\n", encoding="utf-8")
    out = tmp_path / "out.json"
    code, stdout, stderr = call("convert", str(bad), "--from", "canada-nap", "-o", str(out))
    assert (1, "") == (code, stdout)
    assert f"{bad}: error: {bad}:" in stderr
    assert "[import.unreadable]" in stderr
    assert not out.exists()


def test_the_installed_command(tmp_path: pathlib.Path) -> None:
    """`python -m ogpmodel convert` in a process of its own, as a user runs it."""
    out = tmp_path / "us.json"
    source = SOURCES / "us-nap5"
    argv = [sys.executable, "-m", "ogpmodel", "convert", str(source), "--from", "us-nap5"]
    done = subprocess.run([*argv, "-o", str(out)], capture_output=True, text=True, check=False)
    assert 0 == done.returncode, done.stderr
    assert "Traceback" not in done.stderr
    assert 70 == len(list(ogpmodel.load(out).iter_milestones()))


def test_export_writes_the_headings_in_the_language_asked(tmp_path: pathlib.Path) -> None:
    """export --to xlsx --lang es writes a workbook whose sheets are named in Spanish."""
    import openpyxl

    example = pathlib.Path(__file__).resolve().parents[2] / "examples" / "maipu-2023-2024.json"
    books = {}
    for lang in ("en", "es"):
        target = tmp_path / f"plan-{lang}.xlsx"
        out, err = io.StringIO(), io.StringIO()
        code = run(
            ["export", str(example), "--to", "xlsx", "-o", str(target), "--lang", lang],
            stdout=out,
            stderr=err,
            stdin=io.StringIO(),
        )
        assert code == 0, err.getvalue()
        books[lang] = openpyxl.load_workbook(target, read_only=True).sheetnames
    assert "instructions" in books["en"]
    assert "instrucciones" in books["es"]
