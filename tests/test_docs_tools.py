"""The tools of the docs build: the doctest fences of the API pages and the browser check."""

import pathlib
import shutil
import tempfile
from collections.abc import Iterator

import pytest
from tasks import docs_check

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_doctests_are_fenced_as_python_sessions() -> None:
    """Each `>>>` example becomes a pycon fence up to the next blank line; fenced code stays."""
    griffe_api = pytest.importorskip("tasks.griffe_api")
    text = "Summary.\n\n    >>> f(1)\n    2\n\nMore.\n\n```python\n>>> kept\n```\n>>> last\n"
    assert griffe_api.fence_doctests(text) == (
        "Summary.\n\n    ```pycon\n    >>> f(1)\n    2\n    ```\n\nMore.\n\n"
        "```python\n>>> kept\n```\n```pycon\n>>> last\n```"
    )


def test_model_fields_are_shown_with_their_description_and_kind() -> None:
    """The API pages describe a field by its declaration's description and kind, not its code."""
    griffe = pytest.importorskip("griffe")
    extensions = griffe.load_extensions(str(ROOT / "tasks" / "griffe_api.py") + ":ApiDocstrings")
    model = griffe.load("ogpmodel.model", search_paths=[ROOT / "src"], extensions=extensions)
    name = model["Member"]["name"]
    assert "The member's name, e.g. 'Maipú'.\n\nKind: required text." == name.docstring.value
    assert name.value is None
    assert model["MAX_MILESTONE_DEPTH"].value is not None  # not a field: its value is shown


# the icon: a page without one makes Chromium ask for /favicon.ico, and the 404 is an error
HEAD = "<!doctype html><link rel='icon' href='data:,'>"
PAGES = {
    "clean.html": HEAD + "<title>clean</title><p>Nothing wrong.</p>",
    "noisy.html": (
        HEAD + "<title>noisy</title>"
        "<script>console.error('broken page')</script>"
        "<img src='https://example.invalid/picture.png'>"
    ),
    # a diagram host as the theme leaves it: the SVG inside a closed shadow root
    "drawn.html": (
        HEAD + "<title>drawn</title><div class='mermaid'></div><script>"
        "document.querySelector('div.mermaid').attachShadow({mode: 'closed'}).innerHTML ="
        " '<svg></svg>'</script>"
    ),
    "undrawn.html": HEAD + "<title>undrawn</title><pre class='mermaid'>graph</pre>",
}


@pytest.fixture(scope="module")
def browser() -> Iterator[tuple[docs_check.Browser, str]]:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("no chromium (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory() as folder:
        site = pathlib.Path(folder, "site")
        site.mkdir()
        for name, html in PAGES.items():
            (site / name).write_text(html, encoding="utf-8")
        with docs_check.serving(site) as origin:
            opened = docs_check.Browser(chromium, pathlib.Path(folder, "profile"))
            try:
                yield opened, origin
            finally:
                opened.close()


@pytest.mark.parametrize(
    ("page", "diagrams", "expected"),
    [
        ("clean.html", 0, []),
        ("drawn.html", 1, []),
        ("undrawn.html", 1, ["1 of 1 Mermaid diagram(s) not drawn"]),
    ],
)
def test_the_browser_check_counts_drawn_diagrams(
    browser: tuple[docs_check.Browser, str], page: str, diagrams: int, expected: list[str]
) -> None:
    opened, origin = browser
    assert expected == docs_check.check_page(opened, origin + page, origin, diagrams, timeout=2)


def test_the_browser_check_reports_console_errors_and_outside_requests(
    browser: tuple[docs_check.Browser, str],
) -> None:
    opened, origin = browser
    problems = docs_check.check_page(opened, origin + "noisy.html", origin, 0, timeout=5)
    assert "console error: broken page" in problems
    assert "loads from elsewhere: https://example.invalid/picture.png" in problems
