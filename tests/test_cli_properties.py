"""Property tests of the command line: whatever the arguments and the bytes, no traceback."""

import io
import json
import os
import pathlib
import re
import tempfile
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ogpmodel
from ogpmodel import cli
from ogpmodel.cli import run
from tests.builders import complete_local_plan, minimal_plan

VERBS = (
    "validate",
    "summary",
    "explain",
    "rules",
    "codelists",
    "schema",
    "lifecycle",
    "transition",
    "upgrade",
    "--version",
    "--help",
)
OPTIONS = (
    "--format",
    "json",
    "text",
    "csv",
    "mermaid",
    "--min-severity",
    "error",
    "warning",
    "--lang",
    "es",
    "--as-of",
    "2024-01-31",
    "--profile",
    "local",
    "--entity",
    "plan",
    "--to",
    "closed",
    "withdrawn",
    "--target",
    "CLMPU0001",
    "1",
    "--on",
    "--note",
    "--version",
    "1.0",
    "--report",
    "-o",
    "out.json",
    "-",
    "good.json",
    "bad.json",
    "corpus",
    "missing.json",
)
#: Words drawn freely, kept from naming files outside the working folder.
FREE = st.text(max_size=12).filter(lambda t: not t.startswith("/") and ".." not in t)
ARGV = st.tuples(
    st.sampled_from(VERBS), st.lists(st.one_of(st.sampled_from(OPTIONS), FREE), max_size=8)
).map(lambda drawn: [drawn[0], *drawn[1]])

#: A line that names an exception of Python: the catch-all of `run`, a bug of ours.
UNEXPECTED = re.compile(r"^ogpmodel: error: [A-Z]\w*(Error|Exception)\b", re.MULTILINE)


@pytest.fixture(scope="module")
def folder() -> Iterator[pathlib.Path]:
    """A working folder with a plan, a broken document and a corpus (shared by the examples)."""
    with tempfile.TemporaryDirectory() as name:
        path = pathlib.Path(name)
        plan = ogpmodel.dumps(complete_local_plan())
        (path / "good.json").write_text(plan, encoding="utf-8")
        (path / "bad.json").write_text('{"schema_version": "1.1", "status": 7}', encoding="utf-8")
        corpus = f"{plan}\n{ogpmodel.dumps(minimal_plan())}\n{{\n"
        (path / "corpus").write_text(corpus, encoding="utf-8")
        yield path


@given(argv=ARGV, data=st.binary(max_size=300))
def test_any_command_line_ends_with_an_exit_code(
    folder: pathlib.Path, argv: list[str], data: bytes
) -> None:
    """Exit code 0, 1 or 2; stderr never shows a traceback or an exception of Python."""
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    before = os.getcwd()
    os.chdir(folder)
    try:
        code = run(argv, stdout=out, stderr=err, stdin=stdin)
    finally:
        os.chdir(before)
    assert code in {0, 1, 2}
    assert "Traceback" not in err.getvalue()
    assert UNEXPECTED.search(err.getvalue()) is None, err.getvalue()
    assert code != 2 or err.getvalue() or argv[0] == "--help" or "--help" in argv


@given(text=st.binary(max_size=400), name=st.sampled_from(["plans.jsonl", "plan.json", "x"]))
def test_any_file_is_validated_and_reported(folder: pathlib.Path, text: bytes, name: str) -> None:
    """Any bytes in a file of any name: one summary line per document, exit 0 or 1."""
    path = folder / name
    path.write_bytes(text)
    out, err = io.StringIO(), io.StringIO()
    code = run(["validate", str(path)], stdout=out, stderr=err, stdin=io.StringIO())
    assert (code in {0, 1}, "") == (True, err.getvalue())
    summaries = re.findall(
        rf"^{re.escape(str(path))}(?::\d+)?: \d+ errors?, ", out.getvalue(), re.M
    )
    assert summaries
    json_out = io.StringIO()
    run(
        ["validate", str(path), "--format", "json"],
        stdout=json_out,
        stderr=err,
        stdin=io.StringIO(),
    )
    assert len(summaries) == len(json_out.getvalue().splitlines())


#: JSON objects whose strings hold brackets, quotes, backslashes and escapes of their own.
OBJECTS = st.dictionaries(
    st.text(alphabet='{}[]"\\ab', max_size=4),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(alphabet='{}[]"\\ab\n', max_size=6),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
        max_leaves=8,
    ),
    max_size=4,
)


@given(
    documents=st.lists(st.tuples(OBJECTS, st.sampled_from([None, 2])), min_size=1, max_size=5),
    blank=st.sampled_from(["", "\n", "\n\n"]),
)
def test_every_document_of_an_input_is_read_once(
    documents: list[tuple[dict[str, object], int | None]], blank: str
) -> None:
    """Documents one per line, formatted, or mixed: each read once, named by its first line."""
    texts = [json.dumps(document, indent=indent) for document, indent in documents]
    starts, number = [], 1
    for text in texts:
        starts.append(number)
        number += text.count("\n") + 1 + blank.count("\n")
    read = list(cli._documents(io.BytesIO("".join(f"{t}\n{blank}" for t in texts).encode())))
    assert [document for document, _ in documents] == [json.loads(text) for _, text in read]
    assert starts == [start for start, _ in read]


@given(documents=st.lists(OBJECTS.filter(bool), min_size=2, max_size=5), data=st.data())
def test_a_line_cut_short_is_one_document(
    documents: list[dict[str, object]], data: st.DataObject
) -> None:
    """A line of JSON Lines cut short is one broken document; the lines after it are read."""
    texts = [json.dumps(document) for document in documents]
    cut = data.draw(st.integers(0, len(texts) - 1))
    texts[cut] = texts[cut][: data.draw(st.integers(1, len(texts[cut]) - 1))]
    read = list(cli._documents(io.BytesIO("".join(f"{t}\n" for t in texts).encode())))
    assert [(number, f"{text}\n".encode()) for number, text in enumerate(texts, 1)] == read
