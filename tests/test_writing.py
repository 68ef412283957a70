"""Tests for writing files: a path is written whole or not at all."""

import io
import os
import pathlib
import stat
import sys
from collections.abc import Iterator

import pytest

import ogpmodel
from ogpmodel import ActionPlan, serialize
from tests.builders import complete_local_plan, minimal_plan

#: What the target holds before a write that fails: one byte short of a 4 KiB page.
OLD = b"x" * 4094 + b"\n"


@pytest.fixture
def target(tmp_path: pathlib.Path) -> pathlib.Path:
    """An existing file of 4,095 bytes, alone in its directory."""
    path = tmp_path / "plans.json"
    path.write_bytes(OLD)
    assert 4095 == path.stat().st_size
    return path


def assert_untouched(path: pathlib.Path) -> None:
    """The file holds its old bytes and nothing else was left in its directory."""
    assert OLD == path.read_bytes()
    assert [path.name] == os.listdir(path.parent)


def plans_then_failure(count: int) -> Iterator[ActionPlan]:
    """*count* plans, then an error, as a reader of a broken source would."""
    for i in range(count):
        yield minimal_plan(id=f"plan-{i}")
    raise RuntimeError("the source broke")


class TestNothingLost:
    def test_dump_lines_whose_plans_fail_midway(self, target: pathlib.Path) -> None:
        """Plans already written do not replace the old file when the iterator raises."""
        with pytest.raises(RuntimeError, match="the source broke"):
            ogpmodel.dump_lines(plans_then_failure(200), target)
        assert_untouched(target)

    def test_dump_lines_with_something_not_a_plan(self, target: pathlib.Path) -> None:
        """A bad item midway is a TypeError; the old file stays."""
        with pytest.raises(TypeError, match="plan must be an ActionPlan, got str"):
            ogpmodel.dump_lines([minimal_plan(), "oops"], target)  # type: ignore[list-item]
        assert_untouched(target)

    def test_dump_whose_serialising_fails(
        self, target: pathlib.Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An error while the plan is turned into text leaves the file as it was."""

        def broken(plan: ActionPlan) -> dict[str, object]:
            raise RuntimeError("cannot serialise")

        monkeypatch.setattr(serialize, "to_dict", broken)
        with pytest.raises(RuntimeError, match="cannot serialise"):
            ogpmodel.dump(complete_local_plan(), target)
        assert_untouched(target)

    @pytest.mark.parametrize("step", ["fsync", "replace"])
    def test_dump_whose_writing_fails(
        self, step: str, target: pathlib.Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A disk that fails after the text was written (sync, rename) loses nothing."""

        def broken(*args: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, step, broken)
        with pytest.raises(OSError, match="No space left"):
            ogpmodel.dump(complete_local_plan(), target)
        monkeypatch.undo()
        assert_untouched(target)

    def test_dump_whose_write_fails_midway(
        self, target: pathlib.Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A write that fails after part of the text went out leaves the old file."""
        real_write = io.TextIOWrapper.write

        class Failing(io.TextIOWrapper):
            def write(self, text: str) -> int:
                real_write(self, text[: len(text) // 2])
                self.flush()
                raise OSError(5, "Input/output error")

        real_open = open

        def failing_open(file: object, *args: object, **kwargs: object) -> object:
            handle = real_open(file, *args, **kwargs)  # type: ignore[call-overload]
            if isinstance(file, int):  # the descriptor of the temporary file
                return Failing(handle.detach(), encoding="utf-8")
            return handle

        monkeypatch.setattr("builtins.open", failing_open)
        with pytest.raises(OSError, match="Input/output"):
            ogpmodel.dump(complete_local_plan(), target)
        monkeypatch.undo()
        assert_untouched(target)

    def test_dump_of_text_utf8_cannot_encode(self, target: pathlib.Path) -> None:
        """A lone surrogate (read from a JSON escape) is written back as a JSON escape."""
        plan = ogpmodel.loads(ogpmodel.dumps(minimal_plan()).replace("Plan de acci", "\\ud800"))
        ogpmodel.dump(plan, target)
        assert "\\ud800" in target.read_text(encoding="ascii")
        assert plan == ogpmodel.load(target)

    @pytest.mark.parametrize("indent", [None, 2])
    def test_write_json_keeps_accents_and_escapes_lone_surrogates(
        self, target: pathlib.Path, indent: int | None
    ) -> None:
        """The one writer of JSON files (dump, the command line's -o): UTF-8, surrogates escaped."""
        serialize.write_json(target, {"a": "acción", "b": ["\ud800"]}, indent=indent)
        text = target.read_text(encoding="utf-8")
        assert text.endswith("}\n")
        assert "\\ud800" in text
        assert "\\u00f3" in text  # a lone surrogate anywhere: the whole file is ASCII
        serialize.write_json(target, {"a": "acción"}, indent=indent)
        assert "acción" in target.read_text(encoding="utf-8")
        assert (indent is None) == (target.read_text(encoding="utf-8").count("\n") == 1)

    def test_write_json_of_data_json_cannot_write(self, target: pathlib.Path) -> None:
        """Data that is not JSON fails before the file is touched."""
        with pytest.raises(TypeError):
            serialize.write_json(target, {"a": object()})
        assert_untouched(target)

    def test_a_new_file_is_not_left_behind(self, tmp_path: pathlib.Path) -> None:
        """A failed write to a new path creates nothing."""
        with pytest.raises(RuntimeError):
            ogpmodel.dump_lines(plans_then_failure(3), tmp_path / "new.jsonl")
        assert [] == os.listdir(tmp_path)


class TestReplacing:
    def test_dump_replaces_the_file(self, target: pathlib.Path) -> None:
        """A write that succeeds replaces the content, with no temporary file left."""
        ogpmodel.dump(minimal_plan(), target)
        assert minimal_plan() == ogpmodel.load(target)
        assert [target.name] == os.listdir(target.parent)

    def test_dump_lines_replaces_the_file(self, target: pathlib.Path) -> None:
        """dump_lines returns the count and leaves one file."""
        assert 2 == ogpmodel.dump_lines([minimal_plan(), minimal_plan(id="b")], target)
        assert 2 == len(list(ogpmodel.iter_load(target)))
        assert [target.name] == os.listdir(target.parent)

    @pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
    def test_the_mode_bits_are_kept(self, target: pathlib.Path) -> None:
        """An existing file keeps its permission bits."""
        target.chmod(0o640)
        ogpmodel.dump(minimal_plan(), target)
        assert 0o640 == stat.S_IMODE(target.stat().st_mode)

    @pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
    def test_a_new_file_gets_the_mode_open_gives(self, tmp_path: pathlib.Path) -> None:
        """A new file is readable as one made by open() (the umask applies), not 0o600."""
        reference = tmp_path / "reference"
        reference.write_text("")
        ogpmodel.dump(minimal_plan(), tmp_path / "new.json")
        assert reference.stat().st_mode == (tmp_path / "new.json").stat().st_mode

    @pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges")
    def test_a_symbolic_link_is_followed(self, target: pathlib.Path) -> None:
        """Writing through a link replaces the file it points to; the link stays a link."""
        link = target.parent / "link.json"
        link.symlink_to(target.name)
        ogpmodel.dump(minimal_plan(), link)
        assert link.is_symlink()
        assert minimal_plan() == ogpmodel.load(target)

    def test_open_files_are_written_as_before(self) -> None:
        """An open text file is written in place, as it always was."""
        buffer = io.StringIO()
        ogpmodel.dump(minimal_plan(), buffer)
        assert minimal_plan() == ogpmodel.loads(buffer.getvalue())
        lines = io.StringIO()
        assert 2 == ogpmodel.dump_lines([minimal_plan(), minimal_plan()], lines)
        assert 2 == len(list(ogpmodel.iter_load(io.StringIO(lines.getvalue()))))
