"""
A griffe extension of the docs build: the doctests of docstrings shown as Python sessions.

A docstring's ``>>>`` examples are plain text to Markdown (a quote, with ``[...]`` taken for
links); this extension fences each example, up to the next blank line, as ``pycon``. The
docstrings themselves stay as doctest runs them. ``mkdocs.yml`` names it as a griffe extension.
"""

from typing import Any

import griffe

__all__ = ["DoctestFences", "fence_doctests"]


def fence_doctests(text: str) -> str:
    """*text* with each ``>>>`` example in a ``pycon`` fence (examples already fenced stay)."""
    out: list[str] = []
    fenced = in_example = False
    indent = ""
    for line in text.splitlines():
        stripped = line.lstrip()
        if in_example and not stripped:
            out.append(indent + "```")
            in_example = False
        if stripped.startswith("```"):
            fenced = not fenced
        elif not fenced and not in_example and (stripped == ">>>" or stripped.startswith(">>> ")):
            indent = line[: len(line) - len(stripped)]
            out.append(indent + "```pycon")
            in_example = True
        out.append(line)
    if in_example:
        out.append(indent + "```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fences the doctests of every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the docstring of *obj*, once it is created."""
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)
