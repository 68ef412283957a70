"""
The example plans that ship with ogpmodel, so that the README's code runs from an installed wheel.

>>> from ogpmodel import examples
>>> examples.maipu().member.name.get("es")
'Maipú'
>>> examples.names()
('maipu-2023-2024',)

- ``maipu-2023-2024``: the OGP Local action plan 2023-2024 of the Municipality of Maipú, Chile,
  from its public record (the repository's ``examples/maipu-2023-2024.json``).
"""

import functools
import sys
from importlib import resources
from pathlib import Path

from ogpmodel.model import ActionPlan
from ogpmodel.serialize import loads

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

__all__ = ["MAIPU", "load", "maipu", "names", "path"]

#: The name of the Maipú example.
MAIPU = "maipu-2023-2024"


def __dir__() -> list[str]:
    return sorted(__all__)


@functools.cache
def _folder() -> Traversable:
    """The folder of the examples: in the wheel, or the repository's ``examples/``."""
    packaged = resources.files("ogpmodel") / "examples" / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "examples"


def names() -> tuple[str, ...]:
    """The names of the bundled examples, sorted."""
    return tuple(
        sorted(
            f.name.removesuffix(".json") for f in _folder().iterdir() if f.name.endswith(".json")
        )
    )


def path(name: str = MAIPU) -> Traversable:
    """
    The file of the example *name* (a `Traversable`: open it, or read its text).

    Raises:
        KeyError: No example has that name (the message lists the names).
    """
    if name not in names():
        msg = f"no example is named {name!r}; the examples are {', '.join(names())}"
        raise KeyError(msg)
    return _folder() / f"{name}.json"


def load(name: str = MAIPU) -> ActionPlan:
    """
    The plan of the example *name*.

    Raises:
        KeyError: No example has that name.
    """
    return loads(path(name).read_text(encoding="utf-8"))


def maipu() -> ActionPlan:
    """Maipú's OGP Local action plan 2023-2024 (see the module's notes)."""
    return load(MAIPU)
