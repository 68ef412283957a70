"""
Value types of OGP JSON: `Text`, `PartialDate`, `Period` and `Link`.

These modules avoid ``from __future__ import annotations`` on purpose: cattrs and Hypothesis
read the annotations at run time.
"""

import urllib.parse
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from ogpmodel import _fields as f
from ogpmodel import _patterns
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
        # The first and last day of each end, once: rules ask this of every milestone.
        start, end = self.start, self.end
        outer_start, outer_end = outer.start, outer.end
        if start is not None:
            first, last = start.sort_key()
            if outer_start is not None and last < outer_start.earliest:
                return True  # starts before
            if outer_end is not None and first > outer_end.latest:
                return True  # starts after
        if end is not None:
            first, last = end.sort_key()
            if outer_end is not None and first > outer_end.latest:
                return True  # ends after
            if outer_start is not None and last < outer_start.earliest:
                return True  # ends before
        return False

    def __iter__(self) -> Iterator[PartialDate | None]:
        """Unpack as ``start, end``."""
        return iter((self.start, self.end))


def _url_value(value: Any) -> Any:
    """A language map of addresses becomes a `Text`; a plain `Text` its string."""
    if isinstance(value, Mapping):
        return Text(value)
    if isinstance(value, Text) and value.is_plain:
        return str(value)
    return value


@attrs.frozen
class Link:
    """
    A web page or document: evidence, the published plan, a member page.

    ``url`` is one address, or (since OGP JSON 1.1) a language map of addresses such as a
    bilingual tracker's English and French pages; an address may be relative to the plan's
    ``base_url``. `absolute` resolves it.

    >>> Link({"en": "/en/report", "fr": "/fr/rapport"}).absolute("https://open.canada.ca", "fr")
    'https://open.canada.ca/fr/rapport'
    """

    url: str | Text = attrs.field(
        converter=_url_value,
        **f.changed(
            f.url_text("The address of the page or document, or one per language."),
            until="1.0",
            was=f.string("The address of the page or document.", "Url"),
            required=True,
        ),
    )
    title: Text | None = attrs.field(default=None, **f.text("What the link points to."))
    date: PartialDate | None = attrs.field(
        default=None, **f.partial_date("When the page or document was published.", optional=True)
    )
    extensions: Mapping[str, Any] = f.extensions()

    @property
    def is_relative(self) -> bool:
        """Whether an address of the link is relative (it needs the plan's ``base_url``)."""
        return any(not _patterns.matches(_patterns.URL, url) for url in self.urls().values())

    def urls(self, language: str = "") -> dict[str, str]:
        """The addresses by language tag; a single address is filed under *language*."""
        return {language: self.url} if isinstance(self.url, str) else self.url.as_dict(language)

    def absolute(self, base_url: str | None = None, language: str | None = None) -> str | None:
        """
        The absolute address of the link, in *language* where it has one per language.

        A relative address is resolved against *base_url* (the plan's ``base_url``, see
        `ActionPlan.url_of`) as RFC 3986 says. Returns `None` when the link has no address in
        *language*, or when the address is relative and there is no *base_url*.
        """
        if isinstance(self.url, str):
            url: str | None = self.url
        else:
            url = self.url.get(language) if language is not None else str(self.url)
        if url is None:
            return None
        if _patterns.matches(_patterns.URL, url):
            return url
        return None if base_url is None else urllib.parse.urljoin(base_url, url)
