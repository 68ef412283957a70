"""
Value types of OGP JSON: `Text`, `PartialDate`, `Period` and `Link`.

These modules avoid ``from __future__ import annotations`` on purpose: cattrs and Hypothesis
read the annotations at run time.
"""

from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from ogpmodel import _fields as f
from ogpmodel._scalars import PartialDate, Precision, Text

__all__ = ["Link", "PartialDate", "Period", "Precision", "Text"]


def __dir__() -> list[str]:
    return sorted(__all__)


@attrs.frozen
class Period:
    """
    A time span whose ends are partial dates; either end may be absent while drafting.

    >>> Period(PartialDate.parse("2023-03"), PartialDate.parse("2024-08")).ends_before_start()
    False
    """

    start: PartialDate | None = attrs.field(
        default=None, **f.partial_date("When it starts.", optional=True)
    )
    end: PartialDate | None = attrs.field(
        default=None, **f.partial_date("When it ends.", optional=True)
    )

    @property
    def is_complete(self) -> bool:
        """Whether both ends are given."""
        return self.start is not None and self.end is not None

    def ends_before_start(self) -> bool:
        """Whether the end lies wholly before the start (interval semantics)."""
        return self.start is not None and self.end is not None and self.end.is_before(self.start)

    def is_outside(self, outer: "Period") -> bool:
        """
        Whether this period certainly reaches outside *outer*.

        Only ends that are given count, and a partial date counts as outside only when its whole
        interval is: a period starting ``2023`` is not outside one starting ``2023-03``.
        """
        starts_early = (
            self.start is not None and outer.start is not None and self.start.is_before(outer.start)
        )
        ends_late = self.end is not None and outer.end is not None and self.end.is_after(outer.end)
        starts_late = (
            self.start is not None and outer.end is not None and self.start.is_after(outer.end)
        )
        ends_early = (
            self.end is not None and outer.start is not None and self.end.is_before(outer.start)
        )
        return starts_early or ends_late or starts_late or ends_early

    def __iter__(self) -> Iterator[PartialDate | None]:
        """Unpack as ``start, end``."""
        return iter((self.start, self.end))


@attrs.frozen
class Link:
    """A web page or document: evidence, the published plan, a member page."""

    url: str = attrs.field(**f.string("The address of the page or document.", "Url"))
    title: Text | None = attrs.field(default=None, **f.text("What the link points to."))
    date: PartialDate | None = attrs.field(
        default=None, **f.partial_date("When the page or document was published.", optional=True)
    )
    extensions: Mapping[str, Any] = f.extensions()
