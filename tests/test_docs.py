"""The code in the README and the tutorial runs, so the documentation cannot drift."""

import doctest
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]


def python_blocks(path: pathlib.Path) -> list[str]:
    """The ```python blocks of a Markdown file, in order."""
    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.DOTALL)


@pytest.mark.parametrize(
    "name",
    [
        "docs/tutorial.md",
        "docs/lifecycle.md",
        "docs/howto-import-us-nap5.md",
        "docs/howto-import-canada-nap.md",
        "README.md",
    ],
)
def test_code_blocks_run(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every Python block of the page runs, in order, in one namespace, from the repository root."""
    monkeypatch.chdir(ROOT)
    blocks = [b for b in python_blocks(ROOT / name) if not b.lstrip().startswith(">>>")]
    assert blocks
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, name, "exec"), namespace)  # noqa: S102 - our own documentation
    capsys.readouterr()


def console_sessions(path: pathlib.Path) -> list[tuple[str, str]]:
    """``(command, expected output)`` of every ``$ `` line of the page's ```console blocks."""
    text = path.read_text(encoding="utf-8")
    sessions: list[tuple[str, str]] = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.DOTALL):
        for command, output in re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", block, re.MULTILINE):
            sessions.append((command, output))
    return sessions


def test_console_examples_run(tmp_path: pathlib.Path) -> None:
    """
    Every ``$ ogpmodel`` example of the command-line page prints what the page shows.

    Each command runs in bash, in order, in a folder holding the repository's examples; ``...``
    stands for any text, and ``$ echo $?`` shows the exit code of the command before it.
    """
    sessions = console_sessions(ROOT / "docs" / "cli.md")
    assert len(sessions) > 10
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
