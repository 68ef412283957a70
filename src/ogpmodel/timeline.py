"""
A plan's commitments and milestones over time: a Mermaid Gantt chart, or text for a terminal.

Each commitment and each milestone (at every depth) is one item with its period and status.
A partial date stands for its whole interval: a period from ``2023-03`` to ``2024`` runs from
1 March 2023 to 31 December 2024. Status markers, the same in both forms:

``[ ]`` planned, ``[>]`` in progress, ``[x]`` completed, ``[!]`` delayed, or overdue on
``as_of`` (as the ``deadline.milestone-overdue`` rule sees it), ``[-]`` cancelled or
withdrawn, ``[?]`` not recorded.

>>> from ogpmodel import examples, timeline
>>> print(timeline.mermaid(examples.maipu()).splitlines()[0])
gantt
"""

import datetime
import re
import unicodedata
from collections.abc import Iterator

import attrs

from ogpmodel._patterns import TERMINAL_CONTROLS
from ogpmodel.assessment import milestone_overdue
from ogpmodel.codelists import CommitmentStatus, MilestoneStatus
from ogpmodel.model import ActionPlan, Commitment, Milestone
from ogpmodel.values import Period

__all__ = ["MIN_WIDTH", "mermaid", "text"]


def __dir__() -> list[str]:
    return sorted(__all__)


#: The narrowest `text` chart.
MIN_WIDTH = 40

_MARKERS = {
    "planned": "[ ]",
    "in_progress": "[>]",
    "completed": "[x]",
    "delayed": "[!]",
    "cancelled": "[-]",
    "withdrawn": "[-]",
}
_UNRECORDED, _OVERDUE = "[?]", "[!]"
_TAGS = {
    "in_progress": "active",
    "completed": "done",
    "delayed": "crit, active",
    "cancelled": "done",
    "withdrawn": "done",
}

#: What a terminal would act on, and white space: each run becomes one space.
_UNSAFE_TEXT = re.compile(f"[{TERMINAL_CONTROLS}\\s]+")
#: What a Mermaid Gantt line cannot hold in a name: its separators and comment marks too.
_UNSAFE_MERMAID = re.compile(f"[{TERMINAL_CONTROLS}\\s:;#%`]+")


@attrs.frozen
class _Item:
    """One line of the chart: a commitment (depth 0) or a milestone."""

    depth: int
    id: str
    title: str
    marker: str
    tags: str
    start: datetime.date | None
    end: datetime.date | None

    @property
    def when(self) -> tuple[datetime.date, datetime.date | None] | None:
        """
        ``(start, end)`` of its bar; ``(day, None)`` for a point, `None` without dates.

        A point is the one known end, or the start of a period that ends before it starts.
        """
        if self.start is not None and self.end is not None and self.start <= self.end:
            return self.start, self.end
        day = self.start or self.end
        return None if day is None else (day, None)


def _status_of(
    plan: ActionPlan,
    commitment: Commitment,
    milestone: Milestone | None,
    as_of: datetime.date | None,
) -> tuple[str, str]:
    """The marker and the Mermaid tags of a commitment or a milestone."""
    status: CommitmentStatus | MilestoneStatus | None = (
        commitment.status if milestone is None else milestone.status
    )
    if (
        milestone is not None
        and as_of is not None
        and milestone_overdue(plan, commitment, milestone, as_of)
    ):
        return _OVERDUE, "crit"
    if status is None:
        return _UNRECORDED, ""
    return _MARKERS[status.value], _TAGS.get(status.value, "")


def _ends(period: Period | None) -> tuple[datetime.date | None, datetime.date | None]:
    if period is None:
        return None, None
    start = period.start.earliest if period.start is not None else None
    end = period.end.latest if period.end is not None else None
    return start, end


def _items(plan: ActionPlan, as_of: datetime.date | None) -> Iterator[_Item]:
    for commitment in plan.commitments:
        yield _Item(
            0,
            commitment.id,
            str(commitment.title),
            *_status_of(plan, commitment, None, as_of),
            *_ends(commitment.period),
        )
        stack = [(m, 1) for m in reversed(commitment.milestones)]
        while stack:  # depth first, in order, without recursion
            milestone, depth = stack.pop()
            yield _Item(
                depth,
                milestone.id,
                str(milestone.title),
                *_status_of(plan, commitment, milestone, as_of),
                *_ends(milestone.period),
            )
            stack.extend((child, depth + 1) for child in reversed(milestone.milestones))


def _words(text: str, unsafe: re.Pattern[str]) -> str:
    """*text* on one line: every run of unsafe characters and spaces becomes one space."""
    return unsafe.sub(" ", text).strip()


# --- Mermaid ----------------------------------------------------------------------------------------

#: The longest name of a Mermaid task, in characters (a longer one is cut with an ellipsis).
_NAME_LENGTH = 80


def _short(name: str) -> str:
    return name if len(name) <= _NAME_LENGTH else name[: _NAME_LENGTH - 1].rstrip() + "…"


def mermaid(plan: ActionPlan, *, as_of: datetime.date | None = None) -> str:
    """
    The commitments and milestones of *plan* as a Mermaid Gantt chart.

    One section per commitment; its bar, then one bar per milestone, tagged ``done``,
    ``active`` or ``crit`` (delayed, or overdue on *as_of*). An item with only one end (or
    one that ends before it starts) is a milestone marker on that day (its start); an item without dates is listed as a ``%%`` comment, so the
    chart stays valid; a section is drawn for a commitment with at least one dated item.
    Names are cut to 80 characters and lose what Mermaid cannot take (``:``, ``;``, ``#``, ``%``,
    backticks, control characters, line breaks).
    """
    lines = [
        "gantt",
        f"    title {_words(str(plan.title), _UNSAFE_MERMAID) or plan.id}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %Y-%m",
        "    inclusiveEndDates",
        "    todayMarker off",
    ]
    if as_of is not None:
        lines.append(f"    %% as of {as_of.isoformat()}")
    section: str | None = None
    for number, item in enumerate(_items(plan, as_of), start=1):
        if item.depth == 0:
            section, heading = None, _words(item.id, _UNSAFE_MERMAID) or f"t{number}"
        name = "· " * item.depth + _short(
            _words(f"{item.marker} {item.id} {item.title}", _UNSAFE_MERMAID)
        )
        tags = [item.tags] if item.tags else []
        if item.when is None:
            lines.append(f"    %% no dates: {name}")
            continue
        start, end = item.when
        if end is None:
            tags.append("milestone")
        days = f"{start.isoformat()}, {'0d' if end is None else end.isoformat()}"
        if section is None:  # a section only for a commitment with something to draw
            section = heading
            lines.append(f"    section {section}")
        lines.append(f"    {name} :{', '.join([*tags, f't{number}'])}, {days}")
    return "\n".join(lines) + "\n"


# --- text ------------------------------------------------------------------------------------------


def _columns(char: str) -> int:
    """How many terminal columns *char* takes (wide: 2, combining: 0)."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _fit(text: str, width: int) -> str:
    """*text* cut to *width* columns (``~`` marks a cut), padded with spaces to *width*."""
    used, kept = 0, []
    total = sum(_columns(c) for c in text)
    room = width if total <= width else width - 1
    for char in text:
        if used + _columns(char) > room:
            break
        kept.append(char)
        used += _columns(char)
    cut = "" if total <= width else "~"
    return "".join(kept) + cut + " " * (width - used - len(cut))


@attrs.frozen
class _Axis:
    """The days the bars cover, mapped onto *cells* columns."""

    first: datetime.date
    last: datetime.date
    cells: int

    def cell(self, day: datetime.date) -> int:
        span = (self.last - self.first).days + 1
        offset = min(max((day - self.first).days, 0), span - 1)
        return offset * self.cells // span

    def bar(
        self, when: tuple[datetime.date, datetime.date | None] | None, as_of: datetime.date | None
    ) -> str:
        cells = ["."] * self.cells
        if when is not None:
            start, end = when
            mark, last = ("*", start) if end is None else ("=", end)
            for index in range(self.cell(start), self.cell(last) + 1):
                cells[index] = mark
        if as_of is not None and self.first <= as_of <= self.last:
            cells[self.cell(as_of)] = ":"
        return "".join(cells)


def _axis(plan: ActionPlan, items: list[_Item], cells: int) -> _Axis | None:
    days = [d for item in items for d in (item.start, item.end) if d is not None]
    days += [d for d in _ends(plan.period) if d is not None]
    return _Axis(min(days), max(days), cells) if days else None


def text(plan: ActionPlan, *, width: int = 80, as_of: datetime.date | None = None) -> str:
    """
    The commitments and milestones of *plan* as lines of text, none wider than *width* columns.

    A heading gives the plan and the days the bars cover (the plan period, widened to every
    item's dates); then one line per commitment and milestone: its status marker, its id and
    title (indented by depth, cut with ``~`` where too long) and a bar: ``=`` over its
    period, ``*`` on its one known end (or the start of one that ends before it starts), ``:`` on *as_of*, ``.`` elsewhere; an item without
    dates has no mark on its bar.

    Raises:
        ValueError: *width* is below `MIN_WIDTH`.
    """
    given: object = width  # checked at run time: callers may pass anything
    if not isinstance(given, int) or isinstance(given, bool) or given < MIN_WIDTH:
        msg = f"width must be an int of at least {MIN_WIDTH}, got {width!r}"
        raise ValueError(msg)
    items = list(_items(plan, as_of))
    cells = width // 2 - 2
    axis = _axis(plan, items, cells)
    span = "?" if axis is None else f"{axis.first.isoformat()} .. {axis.last.isoformat()}"
    heading = f"{_words(str(plan.title), _UNSAFE_TEXT)} ({span})"
    if as_of is not None:
        heading += f" | {as_of.isoformat()}"
    lines = [_fit(heading, width).rstrip()]
    label_width = width - cells - 3
    for item in items:
        label = "  " * item.depth + _words(f"{item.marker} {item.id} {item.title}", _UNSAFE_TEXT)
        bar = " " * cells if axis is None else axis.bar(item.when, as_of)
        lines.append(f"{_fit(label, label_width)} |{bar}|")
    return "\n".join(lines) + "\n"
