"""
What completes the lower layers before they need what a higher one provides.

``import ogpmodel`` imports no module until one of its names is used, and two things of a lower
layer are provided from above when a module is imported: each rule registers itself in the
catalogue (`ogpmodel._catalogue`) when the module of its family is, and `ogpmodel.serialize`
gives the model the compact writer a plan prints with (`ActionPlan._repr_pretty_`). So that a
finding renders and a plan prints whichever modules were imported, the package puts here a
function that imports those modules, and the lower layers call `complete` before they need
them (they cannot import what sits above them).
"""

import _thread

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["LOADERS", "complete"]

#: Functions that import the modules that complete the lower layers; `complete` runs each once.
LOADERS: "list[Callable[[], object]]" = []

_lock = _thread.RLock()
_done = [False]


def complete() -> None:
    """Run the loaders once; another thread waits until they have run (this one may re-enter)."""
    if _done[0]:
        return
    with _lock:
        if LOADERS:
            loaders = list(LOADERS)
            LOADERS.clear()
            for load in loaders:
                load()
            _done[0] = True
