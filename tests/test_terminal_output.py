"""Tests for the command line's output: safe on a terminal, encodable, and never a traceback."""

import io
import json
import os
import pathlib
import re
import subprocess
import sys
from typing import Any

import attrs
import pytest

import ogpmodel
from ogpmodel import Text, cli
from ogpmodel.cli import describe, run
from tests.builders import complete_local_plan, minimal_plan

#: A title a hostile document could carry: clear the screen, set the window title, return to
#: the start of the line, a lone surrogate (from a JSON escape), a C1 CSI and a bidi override.
HOSTILE = "Plan\x1b[2J\x1b]0;pwned\x07 one\rtwo \ud800 \x9b31m \u202eevil\x7f é"
#: How each of them must be shown.
SHOWN = ("\\x1b[2J", "\\x1b]0;pwned\\x07", "\\x0d", "\\ud800", "\\u009b31m", "\\u202e", "\\x7f")
#: A character a terminal would act on, or that no encoding of text can carry.
RAW = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def write_json(tmp_path: pathlib.Path, name: str, data: Any) -> str:
    """Write *data* as ASCII JSON (lone surrogates become escapes, as in a real document)."""
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="ascii")
    return str(path)


def hostile_plan(tmp_path: pathlib.Path) -> str:
    """A valid plan whose title, member name and commitment title are hostile."""
    plan = complete_local_plan()
    commitment = attrs.evolve(plan.commitments[0], title=Text({"es": HOSTILE}))
    member = attrs.evolve(plan.member, name=Text(HOSTILE))
    plan = attrs.evolve(plan, title=Text(HOSTILE), member=member, commitments=(commitment,))
    return write_json(tmp_path, "plan.json", ogpmodel.to_dict(plan))


def hostile_document(tmp_path: pathlib.Path) -> str:
    """A document with a hostile unknown key and a hostile code."""
    data = ogpmodel.to_dict(minimal_plan())
    data["x\x1b[31m\ud800"] = 1
    data["status"] = "draft\x1b]0;pwned\x07\ud800"
    return write_json(tmp_path, "broken.json", data)


def call(*argv: str, encoding: str = "utf-8") -> tuple[int, str, str]:
    """Run the command line with stdout and stderr of *encoding*; return what they got."""
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding=encoding)
    err = io.TextIOWrapper(err_bytes, encoding=encoding)
    code = run(list(argv), stdout=out, stderr=err, stdin=io.StringIO())
    out.flush()
    err.flush()
    return code, out_bytes.getvalue().decode(encoding), err_bytes.getvalue().decode(encoding)


def assert_safe(text: str) -> None:
    """No character of *text* is raw control, surrogate or bidi control (newlines apart)."""
    assert RAW.search(text) is None, RAW.findall(text)


ENCODINGS = pytest.mark.parametrize("encoding", ["utf-8", "ascii", "latin-1"])


class TestText:
    @ENCODINGS
    def test_summary_escapes_the_plan_text(self, tmp_path: pathlib.Path, encoding: str) -> None:
        """Every hostile character of the title is shown escaped, on any stream."""
        code, out, err = call("summary", hostile_plan(tmp_path), encoding=encoding)
        assert (0, "") == (code, err)
        assert_safe(out)
        first = out.splitlines()[0]
        assert all(shown in first for shown in SHOWN)
        assert 3 == out.count("\\x1b]0;pwned\\x07")  # title, member, commitment
        assert ("é" if encoding != "ascii" else "\\u00e9") in first
        assert 7 == len(out.splitlines())  # a \r or a newline in the data makes no line

    @ENCODINGS
    def test_validate_escapes_keys_and_values(self, tmp_path: pathlib.Path, encoding: str) -> None:
        """Unknown-key pointers and echoed values are escaped in every finding."""
        code, out, _ = call("validate", hostile_document(tmp_path), encoding=encoding)
        assert 1 == code
        assert_safe(out)
        assert ":/x\\x1b[31m\\ud800: error: " in out
        assert "\\x1b]0;pwned\\x07" in out
        *findings, summary = out.splitlines()
        counts = [int(n) for n in re.findall(r"(\d+) (?:error|warning|info)", summary)]
        assert (2, len(findings)) == (counts[0], sum(counts))  # a line per finding, then the sum

    def test_summary_of_a_broken_document_is_escaped(self, tmp_path: pathlib.Path) -> None:
        """A document summary cannot read lists its findings, escaped."""
        code, out, _ = call("summary", hostile_document(tmp_path), encoding="ascii")
        assert 1 == code
        assert_safe(out)
        assert "broken.json:/x\\x1b[31m\\ud800: error: " in out

    def test_a_hostile_file_name_is_escaped(self, tmp_path: pathlib.Path) -> None:
        """The name of a file is shown escaped too, in findings and errors."""
        path = str(tmp_path / "a\x1b[2Jb.json")
        code, _, err = call("validate", path)
        assert 2 == code
        assert_safe(err)
        assert "a\\x1b[2Jb.json" in err
        pathlib.Path(path).write_text("{", encoding="utf-8")
        code, out, _ = call("validate", path)
        assert 1 == code
        assert_safe(out)
        assert f"{tmp_path}/a\\x1b[2Jb.json: error" in out

    def test_argparse_messages_are_escaped(self) -> None:
        """An argument echoed by argparse's own error ("unrecognized arguments") is escaped."""
        code, _, err = call("rules", "--x\x1b[2J\ud800", encoding="ascii")
        assert 2 == code
        assert_safe(err)
        assert "\\x1b[2J\\ud800" in err

    @pytest.mark.parametrize(
        "argv", [("rules", "--lang", "es"), ("explain", "plan.not-endorsed", "--lang", "es")]
    )
    def test_text_commands_on_an_ascii_stream(self, argv: tuple[str, ...]) -> None:
        """Spanish text on a stream that cannot encode it is escaped, not an error."""
        code, out, err = call(*argv, encoding="ascii")
        assert (0, "") == (code, err)
        assert "\\u00" in out

    def test_describe_is_safe(self) -> None:
        """The public describe() makes each line one safe line."""
        plan = minimal_plan(title=Text(HOSTILE + "\nforged line"))
        text = describe(plan, ogpmodel.validate(plan))
        assert_safe(text)
        assert text.splitlines()[0].endswith("\\x0aforged line")


class TestJson:
    @ENCODINGS
    def test_validate_json_stays_json(self, tmp_path: pathlib.Path, encoding: str) -> None:
        """Lone surrogates and controls are JSON escapes: the output parses to the same data."""
        code, out, _ = call(
            "validate", hostile_document(tmp_path), "--format", "json", encoding=encoding
        )
        assert 1 == code
        assert_safe(out)
        (entry,) = map(json.loads, out.splitlines())
        by_path = {f["path"]: f for f in entry["report"]["findings"]}
        assert "schema.additional-property" == by_path["/x\x1b[31m\ud800"]["code"]
        assert "draft\x1b]0;pwned\x07\ud800" == by_path["/status"]["params"]["value"]

    def test_json_keeps_readable_text_where_it_can(self, tmp_path: pathlib.Path) -> None:
        """On a UTF-8 stream, accents stay as they are; C1 controls are escaped."""
        data = ogpmodel.to_dict(minimal_plan())
        data["status"] = "acción\x9b"
        code, out, _ = call("validate", write_json(tmp_path, "p.json", data), "--format", "json")
        assert 1 == code
        assert "acción\\u009b" in out
        assert "acción\x9b" == json.loads(out)["report"]["findings"][0]["params"]["value"]

    @pytest.mark.parametrize("argv", [("schema",), ("rules", "--format", "json", "--lang", "es")])
    def test_json_commands_on_an_ascii_stream(self, argv: tuple[str, ...]) -> None:
        """Every JSON output can be written to an ASCII stream."""
        code, out, err = call(*argv, encoding="ascii")
        assert (0, "") == (code, err)
        json.loads(out)

    def test_schema_on_an_ascii_stream_is_the_schema(self) -> None:
        """Escaped or not, the JSON is the same data."""
        assert ogpmodel.schema() == json.loads(call("schema", encoding="ascii")[1])


class TestNoTraceback:
    def test_an_unexpected_error_is_one_line(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A failure inside a command is one escaped line on stderr and exit code 2."""

        def broken(*args: object) -> int:
            raise RuntimeError("boom\nTraceback (most recent call last):\x1b[2J")

        monkeypatch.setattr(cli, "_rules", broken)
        code, out, err = call("rules")
        assert (2, "") == (code, out)
        assert err.startswith("ogpmodel: error: RuntimeError: boom\\x0a")
        assert 1 == err.count("\n")
        assert_safe(err)

    def test_an_error_without_a_message_names_its_type(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An exception with no message is named by its type."""

        def broken(*args: object) -> int:
            raise KeyError

        monkeypatch.setattr(cli, "_validate", broken)
        assert (2, "", "ogpmodel: error: KeyError\n") == call("validate", "x.json")

    def test_an_output_that_fails(self) -> None:
        """A stdout that cannot be written to is an error line, not a traceback."""

        class Closed(io.StringIO):
            def write(self, text: str) -> int:
                raise OSError(5, "Input/output error")

        err = io.StringIO()
        code = run(["rules"], stdout=Closed(), stderr=err, stdin=io.StringIO())
        assert 2 == code
        assert "ogpmodel: error: OSError: [Errno 5] Input/output error\n" == err.getvalue()

    def test_standard_input_is_read_as_bytes(self) -> None:
        """Bytes on stdin that are not UTF-8 are a finding with its position, as in a file."""
        stdin = io.TextIOWrapper(io.BytesIO(b'{"a":\n "\xff"}'), encoding="utf-8")
        out = io.StringIO()
        assert 1 == run(["validate", "-"], stdout=out, stderr=io.StringIO(), stdin=stdin)
        assert "line 2, column 3" in out.getvalue()

    def test_the_process_on_an_ascii_terminal(self, tmp_path: pathlib.Path) -> None:
        """python -m ogpmodel on an ASCII stdout prints a hostile summary without a traceback."""
        done = subprocess.run(
            [sys.executable, "-m", "ogpmodel", "summary", hostile_plan(tmp_path)],
            capture_output=True,
            check=False,
            env={**os.environ, "PYTHONIOENCODING": "ascii"},
        )
        assert (0, b"") == (done.returncode, done.stderr)
        assert b"\\x1b[2J" in done.stdout
        assert all(byte in b"\n" or 0x20 <= byte < 0x7F for byte in done.stdout)
