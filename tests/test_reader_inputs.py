"""
Every public reader takes the kinds of value it names, and says what to pass for any other.

One policy (`ogpmodel._inputs`): a value of a kind the reader takes is read (bad data in it gives
findings or `InvalidDocument`, never a `TypeError`); a value of another kind is a `TypeError`
(or, for JSON text given as a path, a `ValueError`) that names the parameter and, when another
reader of OGP JSON takes that kind of value, that reader, which then reads it.
"""

import io
import json
import pathlib
import re
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ogpmodel
from ogpmodel import InvalidDocument, ValidationReport
from ogpmodel.convert import Conversion, canada_nap, spreadsheet, us_nap5

FIXTURE = pathlib.Path(__file__).parent / "fixtures" / "maipu-1.0.json"
#: The document on one line, so that a file of it is JSON and JSON Lines at once.
TEXT = json.dumps(json.loads(FIXTURE.read_text(encoding="utf-8")), ensure_ascii=False)


@pytest.fixture(scope="module")
def plan_file() -> Iterator[pathlib.Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "plan.json"
        path.write_text(TEXT, encoding="utf-8")
        yield path


#: The kinds of value a caller may pass, each made fresh from the file of a plan.
KINDS: dict[str, Callable[[pathlib.Path], Any]] = {
    "path": lambda path: path,
    "str path": str,
    "text file": lambda path: path.open(encoding="utf-8"),
    "binary file": lambda path: path.open("rb"),
    "text": lambda path: TEXT,
    "bytes": lambda path: TEXT.encode(),
    "dict": lambda path: json.loads(TEXT),
    "plan": lambda path: ogpmodel.loads(TEXT),
    "missing file name": lambda path: "plan-that-is-not-there.json",
    "parsed array": lambda path: [json.loads(TEXT)],
    "parsed number": lambda path: 7,
    "parsed null": lambda path: None,
    "other object": lambda path: object(),
    "set": lambda path: {"plan"},
    "string io": lambda path: io.StringIO(TEXT),
}

_PARSED_NON_OBJECTS = {"parsed array", "parsed number", "parsed null"}
_FILES = {"path", "str path", "text file", "binary file", "string io", "missing file name"}
_PATHS = {"path", "str path", "missing file name"}


def _conversion(value: Any, read: Callable[[Any], Conversion]) -> object:
    result = read(value)
    assert isinstance(result, Conversion)
    return result


#: Each reader, and the kinds it takes (the rest must be refused clearly).
READERS: dict[str, tuple[Callable[[Any], object], set[str]]] = {
    "loads": (ogpmodel.loads, {"text", "bytes", "str path", "missing file name"}),
    "load": (ogpmodel.load, _FILES),
    # iter_load reads any iterable of lines: a set of strings is one
    "iter_load": (lambda value: list(ogpmodel.iter_load(value)), {*_FILES, "set"}),
    "validate": (
        ogpmodel.validate,
        {*KINDS} - {"other object", "set"},
    ),
    "from_dict": (ogpmodel.from_dict, {"dict", *_PARSED_NON_OBJECTS}),
    "upgrade": (ogpmodel.upgrade, {"dict", *_PARSED_NON_OBJECTS}),
    "us_nap5.read": (lambda v: _conversion(v, us_nap5.read), {*_PATHS, "dict"}),
    "canada_nap.read": (lambda v: _conversion(v, canada_nap.read), {*_PATHS, "dict"}),
    "read_csv": (lambda v: _conversion(v, spreadsheet.read_csv), _PATHS),
    "read_xlsx": (lambda v: _conversion(v, spreadsheet.read_xlsx), _PATHS),
}

_HINTED = re.compile(r"use ogpmodel\.(\w+)\(")
_DATA_ERRORS = (InvalidDocument, OSError)  # bad data in a kind the reader takes


def _call(reader: str, kind: str, path: pathlib.Path) -> object:
    value = KINDS[kind](path)
    try:
        return READERS[reader][0](value)
    finally:
        if hasattr(value, "close"):
            value.close()


@given(reader=st.sampled_from(sorted(READERS)), kind=st.sampled_from(sorted(KINDS)))
def test_each_reader_reads_its_kinds_and_says_what_to_pass_for_others(
    plan_file: pathlib.Path, reader: str, kind: str
) -> None:
    """A kind the reader takes is read; any other is refused, naming the reader that takes it."""
    takes = READERS[reader][1]
    outcome, message = _outcome(reader, kind, plan_file)
    assert (outcome != "refused") == (kind in takes), (reader, kind, outcome, message)
    if outcome == "refused":
        assert re.match(r"^(each line of )?(source|text|data|document|plan_or_document)\b", message)
        assert " must be " in message or " is JSON text " in message
        hinted = _HINTED.search(message)
        if hinted is not None:  # the reader the hint names takes the value
            assert kind in READERS[hinted.group(1)][1], message


def _outcome(reader: str, kind: str, path: pathlib.Path) -> tuple[str, str]:
    """Whether *reader* read a value of *kind*, took it for bad data, or refused it; and why."""
    try:
        result = _call(reader, kind, path)
    except _DATA_ERRORS as error:
        return "bad data", str(error)
    except (TypeError, ValueError) as error:
        return "refused", str(error)
    return ("read" if result is not None else "nothing"), ""


@given(
    reader=st.sampled_from(["loads", "validate"]),
    name=st.from_regex(r"[a-z]{1,8}\.json", fullmatch=True),
)
def test_a_file_name_given_as_text_says_to_read_the_file(reader: str, name: str) -> None:
    """A file name where JSON text is expected gets a finding that names the readers of files."""
    function = READERS[reader][0]
    try:
        result = function(name)
    except InvalidDocument as error:
        report = error.report
    else:
        assert isinstance(result, ValidationReport)
        report = result
    (finding,) = report.findings
    assert finding.code == "schema.invalid-json"
    assert f"ogpmodel.load({name!r})" in finding.message
    assert f"ogpmodel.validate(pathlib.Path({name!r}))" in finding.message


def test_validate_reads_an_open_file(plan_file: pathlib.Path) -> None:
    """validate reads an open file as it reads the path of that file."""
    with plan_file.open("rb") as handle:
        assert ogpmodel.validate(handle) == ogpmodel.validate(plan_file)


def test_a_str_is_never_a_document_for_from_dict() -> None:
    """from_dict of JSON text says to use loads; of a file name, load."""
    with pytest.raises(
        TypeError, match=r"got str: to read JSON text or bytes, use ogpmodel\.loads"
    ):
        ogpmodel.from_dict(TEXT)
    with pytest.raises(TypeError, match=r"got str: to read a file, use ogpmodel\.load\(path\)"):
        ogpmodel.from_dict("plan.json")
