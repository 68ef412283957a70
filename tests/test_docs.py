"""
The code of the README and of every documentation page runs, so the documentation cannot drift.

Every fenced ``python`` block of ``README.md`` and ``docs/**/*.md`` runs, page by page, in order,
in one namespace per page (a block of ``>>>`` lines runs as a doctest); every ``ogpmodel ...``
command of a shell block is a valid command line. A block that is not meant to run (output, a
template for the reader's own code) says so on the line before its fence::

    <!-- not run: a template: my_tool is the reader's own module -->

The design contracts (``docs/design/``) are verbatim copies of shared documents, not pages of
ours: they are left out.
"""

import doctest
import os
import pathlib
import re
import shlex
import shutil
import subprocess
import sys
from typing import NamedTuple

import pytest

from ogpmodel import cli

ROOT = pathlib.Path(__file__).resolve().parents[1]
#: The marker of a block that is not run, with its reason.
NOT_RUN = re.compile(r"<!-- not run: (?P<reason>\S.*?) -->")
_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
#: The folders of the repository a page's code may read, by the path a reader of the page uses.
_READ = ("examples", "schemas", "tests")
_SHELLS = ("sh", "shell", "bash", "text")


class Block(NamedTuple):
    """A fenced code block of a Markdown page."""

    page: str
    line: int
    language: str
    code: str
    not_run: str | None  # the reason given by a marker, or None


def pages() -> list[str]:
    """The README and every page of the docs, except the design contracts."""
    docs = sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "docs").rglob("*.md")
        if "design" not in p.relative_to(ROOT / "docs").parts
    )
    return ["README.md", *docs]


def blocks(page: str) -> list[Block]:
    """The fenced code blocks of *page*, in order."""
    lines = (ROOT / page).read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    previous = ""
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            if lines[index].strip():
                previous = lines[index]
            index += 1
            continue
        indent, fence = len(opening["indent"]), opening["fence"]
        start = index
        body: list[str] = []
        index += 1
        while index < len(lines) and not (
            lines[index].strip().startswith(fence) and lines[index].strip(fence[0]).strip() == ""
        ):
            body.append(lines[index][indent:])
            index += 1
        marker = NOT_RUN.fullmatch(previous.strip())
        language = opening["info"].split()[0] if opening["info"].split() else ""
        found.append(Block(page, start + 1, language, "\n".join(body) + "\n", marker and marker[1]))
        previous = ""
        index += 1
    return found


def _python_pages() -> list[str]:
    return [p for p in pages() if any(b.language == "python" for b in blocks(p))]


def _run_doctest(block: Block, namespace: dict[str, object]) -> None:
    test = doctest.DocTestParser().get_doctest(
        block.code, namespace, f"{block.page}:{block.line}", block.page, block.line
    )
    failures: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test, out=failures.append, clear_globs=False)
    assert not runner.failures, "".join(failures)


@pytest.mark.parametrize("page", _python_pages())
def test_python_blocks_run(
    page: str,
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every Python block of the page runs, in order, in one namespace, in a folder of its own."""
    for name in _READ:
        (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    runnable = [b for b in blocks(page) if b.language == "python" and b.not_run is None]
    assert runnable, f"{page}: every Python block is marked as not run"
    for block in runnable:
        if block.code.lstrip().startswith(">>>"):
            _run_doctest(block, namespace)
        else:
            # the page's line numbers in a traceback
            code = "\n" * block.line + block.code
            exec(compile(code, page, "exec"), namespace)  # noqa: S102 - our own documentation
    capsys.readouterr()


def _commands(block: Block) -> list[str]:
    """The ``ogpmodel`` command lines of a shell block (continuation lines joined)."""
    joined = block.code.replace("\\\n", " ")
    lines = [line.strip().removeprefix("$ ") for line in joined.splitlines()]
    return [line for line in lines if line.startswith("ogpmodel ")]


def _shell_commands() -> list[tuple[str, str]]:
    return [
        (f"{b.page}:{b.line}", command)
        for page in pages()
        for b in blocks(page)
        if b.language in _SHELLS and b.not_run is None
        for command in _commands(b)
    ]


@pytest.mark.parametrize(("where", "command"), _shell_commands())
def test_shell_commands_are_valid(where: str, command: str) -> None:
    """Every ``ogpmodel`` command of a shell block is a command line the CLI accepts."""
    args = shlex.split(command, comments=True)[1:]
    try:
        cli._parser().parse_args(args)
    except SystemExit as stop:
        if stop.code == 0:  # --version and --help stop the parser, successfully
            return
        pytest.fail(f"{where}: `{command}` is not a valid command line (exit {stop.code})")


def test_markers_stand_before_a_block_and_give_a_reason() -> None:
    """A not-run marker names its reason and stands on the line before a fence."""
    for page in pages():
        lines = (ROOT / page).read_text(encoding="utf-8").splitlines()
        markers = sum(1 for line in lines if line.lstrip().startswith("<!-- not run"))
        marked = sum(1 for b in blocks(page) if b.not_run is not None)
        assert markers == marked, f"{page}: a not-run marker without a reason or without a block"


def test_the_block_parser_sees_every_fence() -> None:
    """The parser finds indented blocks, their language and a marker's reason."""
    page = ROOT / "tests" / "fixtures" / "docs-blocks.md"
    found = blocks(str(page.relative_to(ROOT)))
    assert [(b.line, b.language, b.not_run) for b in found] == [
        (3, "python", None),
        (8, "python", "output of the block above"),
        (14, "sh", None),
    ]
    assert "print(1)\n" == found[0].code
    assert "ogpmodel rules --lang es\n" == found[2].code


def console_sessions(page: str) -> list[tuple[str, str]]:
    """``(command, expected output)`` of every ``$ `` line of the page's ```console blocks."""
    sessions: list[tuple[str, str]] = []
    for block in blocks(page):
        if block.language == "console" and block.not_run is None:
            found = re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", block.code, re.MULTILINE)
            sessions.extend(found)
    return sessions


def _console_pages() -> list[str]:
    return [page for page in pages() if console_sessions(page)]


def test_the_command_line_page_shows_sessions() -> None:
    """The command-line page shows its commands as sessions that run."""
    assert len(console_sessions("docs/cli.md")) > 10


@pytest.mark.parametrize("page", _console_pages())
def test_console_examples_run(page: str, tmp_path: pathlib.Path) -> None:
    """
    Every ``$ `` line of a ```console block prints what the page shows.

    Each command runs in bash, in order, in a folder holding the repository's examples; ``...``
    stands for any text, and ``$ echo $?`` shows the exit code of the command before it.
    """
    sessions = console_sessions(page)
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    tools = tmp_path / "bin"
    tools.mkdir()
    shim = tools / "ogpmodel"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m ogpmodel "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
        "NO_COLOR": "1",
    }
    checker = doctest.OutputChecker()
    last = 0
    for command, expected in sessions:
        if command == "echo $?":
            shown = f"{last}\n"
        else:
            done = subprocess.run(
                ["bash", "-c", command],
                cwd=tmp_path,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                check=False,
            )
            shown, last = done.stdout, done.returncode
        assert checker.check_output(expected, shown, doctest.ELLIPSIS), (command, shown)


def test_the_format_contract_is_a_verbatim_copy() -> None:
    """docs/design/ogp-json-1.0.md is the shared 1.0 contract, unchanged."""
    shared = ROOT.parent / "shared" / "design" / "ogp-json-1.0.md"
    if not shared.exists():
        pytest.skip("no ../shared/design/ogp-json-1.0.md next to the repository")
    assert (ROOT / "docs" / "design" / "ogp-json-1.0.md").read_bytes() == shared.read_bytes()


def test_the_site_builds_strictly(tmp_path: pathlib.Path) -> None:
    """`mkdocs build --strict` succeeds, without internal pages and without outside scripts."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    pytest.importorskip("mkdocstrings_handlers.python")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert 0 == built.returncode, built.stderr
    assert "excluded from the built site" not in built.stderr, "a page links to an internal one"
    assert (tmp_path / "index.html").exists()
    for internal in ("design", "architecture"):
        assert not (tmp_path / internal).exists(), f"{internal} is not a page of the site"
    outside = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)=\"(?:https?:)?//", re.IGNORECASE)
    for page in tmp_path.rglob("*.html"):
        found = outside.findall(page.read_text(encoding="utf-8"))
        assert not found, f"{page.relative_to(tmp_path)} loads {found[0]}"
