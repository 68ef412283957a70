"""Recorded histories: the checks of one event, `replay`, and the plan's states on a day."""

import datetime
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ogpmodel._lifecycle.tables import (
    HISTORY_ORDER_UNCERTAIN,
    HISTORY_OUT_OF_ORDER,
    INVALID_TRANSITION,
    MOVING_PLAN_STATES,
    NOTE_REQUIRED,
    STATUS_MISMATCH,
    Kind,
    Status,
    Table,
    table_of,
)
from ogpmodel._scalars import PartialDate, earliest_day, latest_day
from ogpmodel.codelists import PlanStatus
from ogpmodel.model import TransitionEvent
from ogpmodel.report import Finding, Severity
from ogpmodel.values import Text

#: The date of an event: a day, or a month or a year of an imported history.
When = datetime.date | PartialDate

__all__ = ["PlanTimeline", "When", "error", "event_findings", "plan_states_on", "replay"]

# --- the checks shared by replay and transition -----------------------------------------------


def error(code: str, path: str, params: dict[str, Any]) -> Finding:
    return Finding(code, Severity.ERROR, path, params)


def _blank(note: Text | None) -> bool:
    return note is None or note.is_blank


def _problems(
    table: Table[Any], event: TransitionEvent[Any], previous: TransitionEvent[Any] | None
) -> tuple[str, ...]:
    """The codes of the problems of one event after *previous* (`EVENT_CHECKS`): mostly none."""
    codes: tuple[str, ...] = ()
    if table.find(event.from_, event.to) is None:
        codes = (INVALID_TRANSITION,)
    if previous is not None:
        if event.from_ != previous.to or latest_day(event.date) < earliest_day(previous.date):
            codes = (*codes, HISTORY_OUT_OF_ORDER)
        elif earliest_day(event.date) < latest_day(previous.date):
            # Month or year dates that overlap: the order given may be right, or not.
            codes = (*codes, HISTORY_ORDER_UNCERTAIN)
    if event.to in table.note_states and _blank(event.note):
        codes = (*codes, NOTE_REQUIRED)
    return codes


def _findings(
    codes: tuple[str, ...],
    table: Table[Any],
    event: TransitionEvent[Any],
    previous: TransitionEvent[Any] | None,
    path: str,
) -> Iterator[Finding]:
    """The findings of the problems *codes* of one event, reported at *path*."""
    for code in codes:
        if code == INVALID_TRANSITION:
            params = {"kind": table.kind, "from": event.from_.value, "to": event.to.value}
            yield error(code, path, params)
        elif code == NOTE_REQUIRED:
            yield error(code, path, {"to": event.to.value})
        else:
            assert previous is not None  # noqa: S101 - only an event after another is out of order
            params = {
                "from": event.from_.value,
                "date": str(event.date),
                "previous": previous.to.value,
                "previous_date": str(previous.date),
            }
            severity = Severity.WARNING if code == HISTORY_ORDER_UNCERTAIN else Severity.ERROR
            yield Finding(code, severity, path, params)


def event_findings(
    table: Table[Any],
    event: TransitionEvent[Any],
    previous: TransitionEvent[Any] | None,
    path: str,
) -> Iterator[Finding]:
    """The problems of one event after *previous*: `EVENT_CHECKS`, reported at *path*."""
    return _findings(_problems(table, event, previous), table, event, previous, path)


def replay(
    history: Sequence[TransitionEvent[Any]],
    kind: Kind,
    *,
    path: str = "",
    status: Status | None = None,
) -> tuple[Finding, ...]:
    """
    Check a recorded *history* against the table of *kind*; return its problems as findings.

    Each event must be a transition of the table (``lifecycle.invalid-transition``), start in
    the state the previous event ended in on the same day or later
    (``lifecycle.history-out-of-order``; where a date is a month or a year, events are ordered
    by their intervals, and intervals that overlap give the warning
    ``lifecycle.history-order-uncertain``), and carry a note when it withdraws or cancels
    (``lifecycle.note-required``). When *status* is given, it must be the ``to`` of the last
    event (``lifecycle.status-mismatch``); an empty history fits any status. The first event may
    start in any state: a history may begin after the entity was created.

    Args:
        history: The events, oldest first.
        kind: ``"plan"``, ``"commitment"`` or ``"milestone"``.
        path: The JSON Pointer of the history's owner (``/commitments/0``); findings point at
            ``{path}/history/{index}`` and ``{path}/status``.
        status: The owner's current status, to compare with the last event.

    >>> from ogpmodel import TransitionEvent, CommitmentStatus as S
    >>> import datetime
    >>> event = TransitionEvent(S.COMPLETED, S.PLANNED, datetime.date(2024, 1, 1))
    >>> [f.code for f in replay([event], "commitment")]
    ['lifecycle.invalid-transition']

    Raises:
        ValueError: *kind* is not one of the three kinds.
        TypeError: *history* is not a sequence of `TransitionEvent`.
    """
    table = table_of(kind)
    given: object = history  # checked at run time: callers may pass anything
    if isinstance(given, (str, bytes, bytearray)) or not isinstance(given, Iterable):
        msg = f"history must be a sequence of TransitionEvent, got {type(given).__name__}"
        raise TypeError(msg)
    findings: list[Finding] = []
    previous: TransitionEvent[Any] | None = None
    for index, event in enumerate(history):
        if not isinstance(event, TransitionEvent):
            msg = (
                "history must be a sequence of TransitionEvent,"
                f" got {type(event).__name__} at index {index}"
            )
            raise TypeError(msg)
        codes = _problems(table, event, previous)
        if codes:  # the path is made only for an event with a problem
            findings.extend(_findings(codes, table, event, previous, f"{path}/history/{index}"))
        previous = event
    if status is not None and previous is not None and previous.to != status:
        findings.append(
            error(
                STATUS_MISMATCH,
                f"{path}/status",
                {"status": status.value, "last": previous.to.value},
            )
        )
    return tuple(findings)


def plan_states_on(history: Sequence[TransitionEvent[Any]], day: When) -> tuple[PlanStatus, ...]:
    """
    The states a plan with *history* was in at some time on *day*; the last is its state then.

    *day* may be a month or a year, and so may the dates of the events: a state counts when
    the plan may have been in it at some time of *day*'s interval.

    The plan's state on a day is the ``to`` of its last event on or before that day (before its
    first event, that event's ``from``). The moves of one day are not ordered across the plan,
    its commitments and its milestones, so every state the plan passed through on *day* counts:
    a commitment may move on the day the plan enters implementation, or on the day it closes.
    An empty history tells nothing, and gives no state.

    >>> from ogpmodel import TransitionEvent, PlanStatus as S
    >>> import datetime
    >>> history = [
    ...     TransitionEvent(S.SUBMITTED, S.IMPLEMENTATION, datetime.date(2023, 2, 1)),
    ...     TransitionEvent(S.IMPLEMENTATION, S.ENDED, datetime.date(2024, 9, 1)),
    ... ]
    >>> [s.value for s in plan_states_on(history, datetime.date(2023, 1, 15))]
    ['submitted']
    >>> [s.value for s in plan_states_on(history, datetime.date(2024, 9, 1))]
    ['implementation', 'ended']
    """
    return PlanTimeline(history).states_on(day)


class PlanTimeline:
    """
    A plan's history as the days its events may have happened, to ask `plan_states_on` often.

    Built once for a plan whose moves are checked one by one (every recorded move of its
    commitments and milestones): the days of its events are worked out once, not once a move.
    """

    __slots__ = ("_events", "_first", "_moving")

    def __init__(self, history: Sequence[TransitionEvent[Any]]) -> None:
        self._first: PlanStatus | None = history[0].from_ if history else None
        self._events = tuple((earliest_day(e.date), latest_day(e.date), e.to) for e in history)
        self._moving = tuple(
            (earliest, latest, to in MOVING_PLAN_STATES) for earliest, latest, to in self._events
        )

    def implementing_on(self, day: When) -> bool:
        """
        Whether the plan may have been implementing at some time on *day*, or nothing is known.

        That is, whether one of `states_on` (*day*) is ``implementation`` or ``ended``, or
        there is none (an empty history): as `states_on`, without making the states.
        """
        if self._first is None:
            return True
        first, last = earliest_day(day), latest_day(day)
        before = self._first in MOVING_PLAN_STATES
        for earliest, latest, moving in self._moving:
            if latest < first:
                before = moving
            elif earliest <= last and moving:
                return True
        return before

    def states_on(self, day: When) -> tuple[PlanStatus, ...]:
        """The states the plan was in at some time on *day* (see `plan_states_on`)."""
        if self._first is None:
            return ()
        before: PlanStatus = self._first
        during: list[PlanStatus] = []
        first, last = earliest_day(day), latest_day(day)
        for earliest, latest, to in self._events:
            if latest < first:
                before = to
            elif earliest <= last:
                during.append(to)
        return (before, *during)
