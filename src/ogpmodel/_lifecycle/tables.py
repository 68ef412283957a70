"""The transition tables of plans, commitments and milestones, as data, and the guard codes."""

from collections.abc import Mapping
from enum import Enum
from typing import Any, Generic, Literal, TypeAlias

import attrs

from ogpmodel.codelists import CommitmentStatus, MilestoneStatus, PlanStatus
from ogpmodel.errors import InvalidValue
from ogpmodel.model import State

__all__ = [
    "CLOSED_COMMITMENT_STATES",
    "CLOSED_MILESTONE_STATES",
    "COMMITMENT",
    "COMPLETED_WITH_OPEN_MILESTONES",
    "EVENT_CHECKS",
    "FROM_UNRECORDED_STATUS",
    "HISTORY_ORDER_UNCERTAIN",
    "HISTORY_OUT_OF_ORDER",
    "INVALID_TRANSITION",
    "MILESTONE",
    "MISSING_END_OF_COMMITMENT_REPORT",
    "MOVING_PLAN_STATES",
    "NOTE_REQUIRED",
    "PLAN",
    "PLAN_NOT_IN_IMPLEMENTATION",
    "PLAN_PERIOD_NOT_OVER",
    "PLAN_PERIOD_NOT_STARTED",
    "STATUS_MISMATCH",
    "STATUS_UNRECORDED",
    "SUBMISSION_REQUIREMENTS_UNMET",
    "TABLES",
    "Kind",
    "Status",
    "Table",
    "Target",
    "Transition",
    "table_of",
]

#: What a table describes: the plan, a commitment or a milestone.
Kind = Literal["plan", "commitment", "milestone"]
#: A lifecycle state of any kind.
Status: TypeAlias = PlanStatus | CommitmentStatus | MilestoneStatus
#: What `transition` moves: `None` (the plan), a commitment id (or an unambiguous milestone id),
#: or ``(commitment id, milestone id)``.
Target: TypeAlias = str | tuple[str, str] | None

# --- codes ------------------------------------------------------------------------------------
# Registered, with their messages, by `ogpmodel.rules.lifecycle`.

INVALID_TRANSITION = "lifecycle.invalid-transition"
STATUS_MISMATCH = "lifecycle.status-mismatch"
HISTORY_OUT_OF_ORDER = "lifecycle.history-out-of-order"
HISTORY_ORDER_UNCERTAIN = "lifecycle.history-order-uncertain"
STATUS_UNRECORDED = "status.unrecorded"
FROM_UNRECORDED_STATUS = "lifecycle.from-unrecorded-status"
COMPLETED_WITH_OPEN_MILESTONES = "lifecycle.completed-with-open-milestones"
NOTE_REQUIRED = "lifecycle.note-required"
PLAN_NOT_IN_IMPLEMENTATION = "lifecycle.plan-not-in-implementation"
SUBMISSION_REQUIREMENTS_UNMET = "lifecycle.submission-requirements-unmet"
PLAN_PERIOD_NOT_STARTED = "lifecycle.plan-period-not-started"
PLAN_PERIOD_NOT_OVER = "lifecycle.plan-period-not-over"
MISSING_END_OF_COMMITMENT_REPORT = "lifecycle.missing-end-of-commitment-report"

#: What every move checks, of any kind, before the guards of the tables; `replay` checks the
#: same of every recorded event.
EVENT_CHECKS = (INVALID_TRANSITION, HISTORY_OUT_OF_ORDER, NOTE_REQUIRED)

#: The plan states in which commitments and milestones may move.
MOVING_PLAN_STATES = frozenset({PlanStatus.IMPLEMENTATION, PlanStatus.ENDED})
#: The milestone states that count as closed when a commitment completes.
CLOSED_MILESTONE_STATES = frozenset({MilestoneStatus.COMPLETED, MilestoneStatus.CANCELLED})
#: The commitment states that count as closed when a plan ends early.
CLOSED_COMMITMENT_STATES = frozenset({CommitmentStatus.COMPLETED, CommitmentStatus.WITHDRAWN})

# --- the tables -------------------------------------------------------------------------------


@attrs.frozen
class Transition(Generic[State]):
    """
    One allowed move of a lifecycle table.

    Attributes:
        from_: The state before the move.
        to: The state after the move.
        guards: The codes of the guards this move checks besides those of every move (each code
            is also the code of the finding a failing guard reports).
        note_required: Whether the event must carry a note saying why.
        sets: The fields of the plan the move sets to the event's date (``submitted_on``).
    """

    from_: State
    to: State
    guards: tuple[str, ...] = ()
    note_required: bool = False
    sets: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The transition as JSON data."""
        return {
            "from": self.from_.value,
            "to": self.to.value,
            "guards": list(self.guards),
            "note_required": self.note_required,
            "sets": list(self.sets),
        }


@attrs.frozen
class Table(Generic[State]):
    """
    The lifecycle of one kind of entity, as data.

    Attributes:
        kind: ``"plan"``, ``"commitment"`` or ``"milestone"``.
        states: The enum of the states.
        initial: The state a new entity starts in.
        terminal: The states no transition leaves.
        transitions: The allowed moves, in a stable order.
        guards: The codes of the guards every move of this kind checks.
    """

    kind: Kind
    states: type[State]
    initial: State
    terminal: frozenset[State]
    transitions: tuple[Transition[State], ...]
    guards: tuple[str, ...] = ()
    _by_pair: Mapping[tuple[Status, Status], Transition[State]] = attrs.field(
        init=False, eq=False, repr=False
    )
    _note_states: frozenset[State] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_pair: dict[tuple[Status, Status], Transition[State]] = {
            (t.from_, t.to): t for t in self.transitions
        }
        if len(by_pair) != len(self.transitions):
            msg = f"the {self.kind} table lists a transition twice"
            raise ValueError(msg)
        if any(t.from_ in self.terminal for t in self.transitions):
            msg = f"the {self.kind} table has a transition out of a terminal state"
            raise ValueError(msg)
        object.__setattr__(self, "_by_pair", by_pair)
        notes = frozenset(t.to for t in self.transitions if t.note_required)
        object.__setattr__(self, "_note_states", notes)

    def find(self, from_: Status, to: Status) -> Transition[State] | None:
        """The transition from *from_* to *to*, or `None` when the table has none."""
        return self._by_pair.get((from_, to))

    def next_states(self, from_: Status) -> tuple[State, ...]:
        """The states the table allows after *from_*, before any guard is checked."""
        return tuple(t.to for t in self.transitions if t.from_ == from_)

    @property
    def note_states(self) -> frozenset[State]:
        """The states whose moves need a note (``withdrawn``, ``cancelled``)."""
        return self._note_states

    def state(self, value: object) -> State:
        """
        Return *value* as a state of this table: a member of `states`, or its wire string.

        Raises:
            InvalidValue: *value* is not such a state (another kind's state included).
        """
        if isinstance(value, self.states):
            return value
        if isinstance(value, str) and not isinstance(value, Enum):
            try:
                return self.states(value)
            except ValueError:
                pass
        codes = ", ".join(repr(s.value) for s in self.states)
        raise InvalidValue("to", value, f"a {self.states.__name__} ({codes})")

    def to_json(self) -> dict[str, Any]:
        """The table as JSON data."""
        return {
            "kind": self.kind,
            "states": [s.value for s in self.states],
            "initial": self.initial.value,
            "terminal": [s.value for s in self.states if s in self.terminal],
            "checks": list(EVENT_CHECKS),
            "guards": list(self.guards),
            "transitions": [t.to_json() for t in self.transitions],
        }


def _withdrawals(
    states: type[State],
    terminal: frozenset[State],
    to: State,
    guards: Mapping[Any, tuple[str, ...]] | None = None,
) -> tuple[Transition[State], ...]:
    """A move from every non-terminal state to *to*, with a note (and the *guards* of its state)."""
    return tuple(
        Transition(s, to, (guards or {}).get(s, ()), note_required=True)
        for s in states
        if s not in terminal and s is not to
    )


_P = PlanStatus
_PLAN_TERMINAL = frozenset({_P.CLOSED, _P.WITHDRAWN})

#: The plan: ``planning → co_creation → submitted → implementation → ended → closed``, and
#: from any non-terminal state to ``withdrawn`` (with a note). The moves that leave
#: ``implementation`` or ``ended`` may not be dated before a recorded move of a commitment or
#: milestone (``lifecycle.plan-not-in-implementation``, reported at that move).
PLAN: Table[PlanStatus] = Table(
    kind="plan",
    states=PlanStatus,
    initial=_P.PLANNING,
    terminal=_PLAN_TERMINAL,
    transitions=(
        Transition(_P.PLANNING, _P.CO_CREATION),
        Transition(
            _P.CO_CREATION,
            _P.SUBMITTED,
            (SUBMISSION_REQUIREMENTS_UNMET,),
            sets=("submitted_on",),
        ),
        Transition(_P.SUBMITTED, _P.IMPLEMENTATION, (PLAN_PERIOD_NOT_STARTED,)),
        Transition(_P.IMPLEMENTATION, _P.ENDED, (PLAN_PERIOD_NOT_OVER,)),
        Transition(
            _P.ENDED, _P.CLOSED, (MISSING_END_OF_COMMITMENT_REPORT, PLAN_NOT_IN_IMPLEMENTATION)
        ),
        *_withdrawals(
            PlanStatus,
            _PLAN_TERMINAL,
            _P.WITHDRAWN,
            dict.fromkeys(MOVING_PLAN_STATES, (PLAN_NOT_IN_IMPLEMENTATION,)),
        ),
    ),
)

_C = CommitmentStatus

#: A commitment: ``planned → in_progress → completed``, ``planned → completed``, and
#: ``planned | in_progress → withdrawn`` (with a note); it completes only when every milestone
#: is completed or cancelled.
COMMITMENT: Table[CommitmentStatus] = Table(
    kind="commitment",
    states=CommitmentStatus,
    initial=_C.PLANNED,
    terminal=frozenset({_C.COMPLETED, _C.WITHDRAWN}),
    transitions=(
        Transition(_C.PLANNED, _C.IN_PROGRESS),
        Transition(_C.PLANNED, _C.COMPLETED, (COMPLETED_WITH_OPEN_MILESTONES,)),
        Transition(_C.IN_PROGRESS, _C.COMPLETED, (COMPLETED_WITH_OPEN_MILESTONES,)),
        Transition(_C.PLANNED, _C.WITHDRAWN, note_required=True),
        Transition(_C.IN_PROGRESS, _C.WITHDRAWN, note_required=True),
    ),
    guards=(PLAN_NOT_IN_IMPLEMENTATION,),
)

_M = MilestoneStatus
_MILESTONE_TERMINAL = frozenset({_M.COMPLETED, _M.CANCELLED})

#: A milestone: ``planned → in_progress → completed``, ``planned → completed``,
#: ``planned | in_progress → delayed``, ``delayed → in_progress | completed``, and from any
#: non-terminal state to ``cancelled`` (with a note).
MILESTONE: Table[MilestoneStatus] = Table(
    kind="milestone",
    states=MilestoneStatus,
    initial=_M.PLANNED,
    terminal=_MILESTONE_TERMINAL,
    transitions=(
        Transition(_M.PLANNED, _M.IN_PROGRESS),
        Transition(_M.PLANNED, _M.COMPLETED, (COMPLETED_WITH_OPEN_MILESTONES,)),
        Transition(_M.IN_PROGRESS, _M.COMPLETED, (COMPLETED_WITH_OPEN_MILESTONES,)),
        Transition(_M.PLANNED, _M.DELAYED),
        Transition(_M.IN_PROGRESS, _M.DELAYED),
        Transition(_M.DELAYED, _M.IN_PROGRESS),
        Transition(_M.DELAYED, _M.COMPLETED, (COMPLETED_WITH_OPEN_MILESTONES,)),
        *_withdrawals(MilestoneStatus, _MILESTONE_TERMINAL, _M.CANCELLED),
    ),
    guards=(PLAN_NOT_IN_IMPLEMENTATION,),
)

#: The three tables, by kind.
TABLES: Mapping[Kind, Table[Any]] = {"plan": PLAN, "commitment": COMMITMENT, "milestone": MILESTONE}


def table_of(kind: Kind) -> Table[Any]:
    """
    The table of *kind*.

    Raises:
        ValueError: *kind* is not ``"plan"``, ``"commitment"`` or ``"milestone"``.
    """
    try:
        return TABLES[kind]
    except (KeyError, TypeError):  # TypeError: an unhashable kind
        msg = f"kind must be one of {', '.join(map(repr, TABLES))}, got {kind!r}"
        raise ValueError(msg) from None
