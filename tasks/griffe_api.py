"""
The griffe extension of the docs build: doctests shown as Python sessions, fields described.

- A docstring's ``>>>`` examples are plain text to Markdown (a quote, with ``[...]`` taken for
  links); each example, up to the next blank line, is fenced as ``pycon``. The docstrings
  themselves stay as doctest runs them.
- A model field is declared with its kind and description (``f.text("The member's name.")``),
  not with a docstring: each field of an attrs class is shown with its description and kind,
  instead of the code of its declaration.

``mkdocs.yml`` names the extension.
"""

import importlib
from typing import Any

import attrs
import griffe

__all__ = ["ApiDocstrings", "fence_doctests"]


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


class ApiDocstrings(griffe.Extension):
    """Fences the doctests of every docstring griffe loads; describes the fields of the model."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the docstring of *obj*, once it is created."""
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)

    def on_class_members(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        """Give each field of an attrs class its description and kind as its docstring."""
        runtime = getattr(importlib.import_module(cls.module.path), cls.name, None)
        if not (isinstance(runtime, type) and attrs.has(runtime)):
            return
        for field in attrs.fields(runtime):
            member = cls.members.get(field.name)
            description = field.metadata.get("description")
            if not isinstance(member, griffe.Attribute) or description is None:
                continue
            kind = field.metadata.get("kind")
            text = description if kind is None else f"{description}\n\nKind: {kind.describe()}."
            member.docstring = griffe.Docstring(text, parent=member)
            member.value = None  # the declaration's code says nothing the text does not
