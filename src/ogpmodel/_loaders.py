"""
What completes the rule registry before a rule is first looked up.

Each rule registers itself when the module of its family is imported, and ``import ogpmodel``
imports no module until one of its names is used. So that a finding made by any module (a
``schema.*`` finding of `loads`, say) renders whichever modules were imported, the package puts
here a function that imports every rule, and the catalogue (`ogpmodel._catalogue`) runs it
before its first look-up. The catalogue sits below the rules and cannot import them itself.
"""

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["LOADERS"]

#: Functions that import the modules that register rules; the catalogue runs each once.
LOADERS: "list[Callable[[], object]]" = []
