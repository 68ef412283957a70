"""Tests for caller mistakes: a TypeError or ValueError that names the parameter, at once."""

import datetime
import io
import pathlib
from typing import Any

import pytest

import ogpmodel
from ogpmodel import InvalidDocument, InvalidValue
from ogpmodel import lifecycle as lc
from tests.builders import complete_local_plan, minimal_plan

DAY = datetime.date(2023, 6, 1)


class TestReading:
    @pytest.mark.parametrize(("value", "kind"), [(None, "NoneType"), (42, "int"), ([], "list")])
    def test_loads_names_text(self, value: Any, kind: str) -> None:
        """Something that is not text is a TypeError naming `text` and the type given."""
        with pytest.raises(TypeError) as caught:
            ogpmodel.loads(value)
        assert f"text must be str, bytes or bytearray, got {kind}" == str(caught.value)

    @pytest.mark.parametrize("value", [42, None, b"{}", 1.5])
    def test_load_names_source(self, value: Any) -> None:
        """load of something neither a path nor a file is a TypeError naming `source`."""
        with pytest.raises(TypeError, match=r"^source must be a path or an open file, got "):
            ogpmodel.load(value)

    def test_load_of_a_file_that_reads_no_text(self) -> None:
        """A file object whose read() gives something else names what it gave."""

        class Odd:
            def read(self) -> int:
                return 7

        with pytest.raises(TypeError, match=r"source\.read\(\) must be .* got int"):
            ogpmodel.load(Odd())  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [None, 42, b"{}\n"])
    def test_iter_load_names_source_at_once(self, value: Any) -> None:
        """iter_load refuses a bad source when called, not when the first plan is asked for."""
        with pytest.raises(TypeError, match=r"^source must be a path or an open file, got "):
            ogpmodel.iter_load(value)

    def test_iter_load_of_lines_that_are_not_text(self) -> None:
        """An iterable of other things names the line."""
        with pytest.raises(TypeError, match="each line of source must be str, bytes"):
            list(ogpmodel.iter_load([42]))  # type: ignore[arg-type]

    def test_iter_load_still_opens_a_path_lazily(self, tmp_path: pathlib.Path) -> None:
        """A missing file is an OSError when the first plan is asked for, as before."""
        plans = ogpmodel.iter_load(tmp_path / "missing.jsonl")
        with pytest.raises(FileNotFoundError):
            next(plans)

    @pytest.mark.parametrize("value", [None, 42, [], True, 1.5])
    def test_from_dict_of_data_that_is_not_an_object_is_a_finding(self, value: Any) -> None:
        """Data is not a caller mistake: the report says it is not an object (a str: see below)."""
        with pytest.raises(InvalidDocument) as caught:
            ogpmodel.from_dict(value)
        assert {("schema.type", "")} == {(f.code, f.path) for f in caught.value.report.findings}


class TestWriting:
    @pytest.mark.parametrize("value", [None, {}, "plan", minimal_plan().member])
    def test_dumps_and_to_dict_name_plan(self, value: Any) -> None:
        """Something that is not a plan is a TypeError naming `plan`."""
        for function in (ogpmodel.dumps, ogpmodel.to_dict):
            with pytest.raises(TypeError, match=r"^plan must be an ActionPlan, got "):
                function(value)

    def test_dump_names_target(self) -> None:
        """A target that is neither a path nor a file is a TypeError naming `target`."""
        for value in (42, None, b"plan.json"):
            with pytest.raises(TypeError, match=r"^target must be a path or an open text file"):
                ogpmodel.dump(minimal_plan(), value)  # type: ignore[arg-type]
            with pytest.raises(TypeError, match=r"^target must be a path or an open text file"):
                ogpmodel.dump_lines([], value)  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [None, 42, minimal_plan()])
    def test_dump_lines_names_plans(self, value: Any) -> None:
        """plans must be an iterable (a single plan is not)."""
        with pytest.raises(TypeError, match=r"^plans must be an iterable of ActionPlan, got "):
            ogpmodel.dump_lines(value, io.StringIO())


class TestLifecycle:
    @pytest.mark.parametrize("value", [None, {}, "plan", minimal_plan().member])
    def test_plan_is_named(self, value: Any) -> None:
        """transition, check_transition and allowed_transitions name `plan`."""
        message = r"^plan must be an ActionPlan, got "
        with pytest.raises(TypeError, match=message):
            lc.transition(value, "co_creation", on=DAY)
        with pytest.raises(TypeError, match=message):
            lc.check_transition(value, "co_creation", on=DAY)
        with pytest.raises(TypeError, match=message):
            lc.allowed_transitions(value, on=DAY)

    @pytest.mark.parametrize(("value", "kind"), [(None, "NoneType"), ("2023-06-01", "str")])
    def test_on_is_named(self, value: Any, kind: str) -> None:
        """A day that is not a date names `on` and the type given."""
        message = f"^on must be a datetime.date, got {kind}$"
        plan = complete_local_plan()
        with pytest.raises(TypeError, match=message):
            lc.transition(plan, "delayed", target="1", on=value)
        with pytest.raises(TypeError, match=message):
            lc.check_transition(plan, "delayed", target="1", on=value)
        with pytest.raises(TypeError, match=message):
            lc.allowed_transitions(plan, "1", on=value)

    def test_a_datetime_stays_an_invalid_value(self) -> None:
        """A datetime is a date with a time: the model refuses it, as before."""
        with pytest.raises(InvalidValue):
            lc.check_transition(
                complete_local_plan(), "delayed", target="1", on=datetime.datetime(2023, 6, 1)
            )

    def test_replay_names_kind(self) -> None:
        """An unknown kind is a ValueError naming `kind` and the accepted ones."""
        with pytest.raises(ValueError, match="kind") as caught:
            lc.replay([], "bogus")  # type: ignore[arg-type]
        message = str(caught.value)
        assert all(kind in message for kind in ("'plan'", "'commitment'", "'milestone'"))
        assert "'bogus'" in message

    @pytest.mark.parametrize(
        ("history", "end"),
        [(None, "NoneType"), ("events", "str"), ([None], "NoneType at index 0")],
    )
    def test_replay_names_history(self, history: Any, end: str) -> None:
        """Events that are not TransitionEvents are a TypeError naming `history`."""
        expected = f"^history must be a sequence of TransitionEvent, got {end}$"
        with pytest.raises(TypeError, match=expected):
            lc.replay(history, "plan")

    def test_replay_of_a_tuple_of_events(self) -> None:
        """A recorded history (a tuple) replays as before."""
        plan = complete_local_plan()
        assert () == lc.replay(plan.history, "plan", status=plan.status)

    @pytest.mark.parametrize("kind", ["bogus", "", "Plan"])
    def test_mermaid_names_kind(self, kind: str) -> None:
        """mermaid raises ValueError (no longer KeyError) naming `kind`."""
        with pytest.raises(ValueError, match=r"^kind must be one of 'plan', 'commitment'"):
            lc.mermaid(kind)  # type: ignore[arg-type]


class TestPathsAndFileNames:
    def test_validate_reads_a_path(self) -> None:
        """A pathlib.Path is read as a file, as load reads it."""
        path = pathlib.Path(__file__).resolve().parents[1] / "examples" / "maipu-2023-2024.json"
        assert ogpmodel.validate(path) == ogpmodel.validate(ogpmodel.load(path))

    def test_a_missing_path_is_the_callers_error(self, tmp_path: pathlib.Path) -> None:
        """A file that does not exist raises FileNotFoundError, naming it."""
        with pytest.raises(FileNotFoundError, match=r"nothing\.json"):
            ogpmodel.validate(tmp_path / "nothing.json")

    @pytest.mark.parametrize("name", ["plan.json", " data/plans.jsonl ", "C:\\plans\\x.NDJSON"])
    def test_a_file_name_as_text_says_what_to_pass(self, name: str) -> None:
        """A str is JSON text; when it is a file name, the finding says to pass a Path."""
        (finding,) = ogpmodel.validate(name).errors
        assert finding.code == "schema.invalid-json"
        assert f"pathlib.Path({name.strip()!r})" in finding.render("en")

    def test_other_bad_text_gets_no_file_hint(self) -> None:
        """Text that is not a file name keeps the plain JSON message."""
        (finding,) = ogpmodel.validate("{not json").errors
        assert "pathlib" not in finding.render("en")
