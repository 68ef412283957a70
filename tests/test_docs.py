"""The code in the README and the tutorial runs, so the documentation cannot drift."""

import pathlib
import re

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
        "docs/howto-stats.md",
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


def test_the_format_contract_is_a_verbatim_copy() -> None:
    """docs/design/ogp-json-1.0.md is the shared 1.0 contract, unchanged."""
    shared = ROOT.parent / "shared" / "design" / "ogp-json-1.0.md"
    if not shared.exists():
        pytest.skip("no ../shared/design/ogp-json-1.0.md next to the repository")
    assert (ROOT / "docs" / "design" / "ogp-json-1.0.md").read_bytes() == shared.read_bytes()
