"""
The lifecycle of plans, commitments and milestones: transition tables as data, and transitions.

The tables `PLAN`, `COMMITMENT` and `MILESTONE` list each kind's states, its allowed transitions
(each with its guards, whether it needs a note, and the plan fields it sets) and its terminal
states. `tables_json` and `mermaid` export them; nothing else describes the lifecycle.

`transition` moves the plan, one of its commitments or one of its milestones to a new state. It
returns a new plan, with a `TransitionEvent` appended to the target's ``history`` and its
``status`` updated, or raises `TransitionError` listing every failed guard as findings: it never
returns a half-changed plan. `check_transition` returns those findings without raising, and
`allowed_transitions` lists the states that may come next.

`replay` checks a recorded history against the tables. The validator's ``lifecycle.*`` rules
run it, and `transition` checks the event it appends with the very same code, so a plan changed
only through transitions always validates.

**Targets.** ``target=None`` is the plan; ``"CLMPU0001"`` is the commitment with that id;
``("CLMPU0001", "2")`` is the milestone ``"2"`` (at any depth) of that commitment. Milestone ids
are unique only within their commitment, so a bare milestone id (``"2"``) also works when no
commitment has that id and only one commitment has such a milestone. Ids may contain ``/``, so
the pair is a tuple, not a ``"CLMPU0001/2"`` string.

**Guards.** Every move, of any kind, must start from the target's current status and be no
earlier than the target's last history event (``lifecycle.history-out-of-order``), must be in
the table (``lifecycle.invalid-transition``), and a move to ``withdrawn`` or ``cancelled`` needs
a note (``lifecycle.note-required``). Commitments and milestones move only while the plan is in
``implementation`` or ``ended`` (reports of work done often arrive after the plan period): the
plan must be in one of those states now and, by its history, on the date of the move (see
`plan_states_on`); and the plan may not leave them on a date before a recorded move of a
commitment or milestone (``lifecycle.plan-not-in-implementation``). The other guards belong to
single transitions; see the tables. Dates compare with the interval semantics of partial dates:
a plan period starting ``2023-01`` has started on 2023-01-01.

**Recorded histories.** A recorded plan can show that a guarded move broke its guard. The
validator checks four guards on every recorded history with the predicates `transition` uses
(`RECORDED_GUARDS`), so a plan changed only through transitions never breaks them:
``lifecycle.plan-not-in-implementation``, ``lifecycle.plan-period-not-started``,
``lifecycle.plan-period-not-over`` and ``lifecycle.missing-end-of-commitment-report``. Only
`transition` reports ``lifecycle.submission-requirements-unmet``: on a recorded plan the failing
stage-dependent rules report themselves.
"""

import datetime
from collections.abc import Callable, Iterator, Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeAlias

import attrs

from ogpmodel.codelists import CommitmentStatus, MilestoneStatus, PlanStatus
from ogpmodel.errors import AmbiguousId, InvalidValue, TransitionError, UnknownId
from ogpmodel.model import (
    ActionPlan,
    Commitment,
    EndOfCommitmentReport,
    Milestone,
    State,
    TransitionEvent,
)
from ogpmodel.report import Finding, Severity
from ogpmodel.values import Text

if TYPE_CHECKING:
    from ogpmodel.rules import Profile

__all__ = [
    "COMMITMENT",
    "MILESTONE",
    "PLAN",
    "TABLES",
    "Kind",
    "Status",
    "Table",
    "Target",
    "Transition",
    "allowed_transitions",
    "check_transition",
    "mermaid",
    "replay",
    "tables_json",
    "transition",
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
        Transition(_M.PLANNED, _M.COMPLETED),
        Transition(_M.IN_PROGRESS, _M.COMPLETED),
        Transition(_M.PLANNED, _M.DELAYED),
        Transition(_M.IN_PROGRESS, _M.DELAYED),
        Transition(_M.DELAYED, _M.IN_PROGRESS),
        Transition(_M.DELAYED, _M.COMPLETED),
        *_withdrawals(MilestoneStatus, _MILESTONE_TERMINAL, _M.CANCELLED),
    ),
    guards=(PLAN_NOT_IN_IMPLEMENTATION,),
)

#: The three tables, by kind.
TABLES: Mapping[Kind, Table[Any]] = {"plan": PLAN, "commitment": COMMITMENT, "milestone": MILESTONE}

#: Short English labels of the guards of single transitions, for diagrams.
_GUARD_LABELS = {
    SUBMISSION_REQUIREMENTS_UNMET: "no S rule fails",
    PLAN_PERIOD_NOT_STARTED: "on or after the period start",
    PLAN_PERIOD_NOT_OVER: "period over or every commitment closed",
    MISSING_END_OF_COMMITMENT_REPORT: "end-of-commitment reports (local plans)",
    COMPLETED_WITH_OPEN_MILESTONES: "every milestone completed or cancelled",
    PLAN_NOT_IN_IMPLEMENTATION: "on or after the last commitment or milestone move",
}
#: Short English labels of the guards of every move of a kind, drawn as a note.
_KIND_GUARD_LABELS = {
    PLAN_NOT_IN_IMPLEMENTATION: "moves only while the plan is in implementation or ended",
}


def tables_json() -> dict[str, Any]:
    """
    The three tables as JSON data, keyed by kind.

    >>> tables_json()["plan"]["terminal"]
    ['closed', 'withdrawn']
    """
    return {kind: table.to_json() for kind, table in TABLES.items()}


def mermaid(kind: Kind) -> str:
    """
    The table of *kind* as a Mermaid ``stateDiagram-v2``, generated from the table.

    >>> print(mermaid("commitment").splitlines()[1])
        [*] --> planned

    Raises:
        KeyError: *kind* is not ``"plan"``, ``"commitment"`` or ``"milestone"``.
    """
    table = TABLES[kind]
    lines = ["stateDiagram-v2", f"    [*] --> {table.initial.value}"]
    for t in table.transitions:
        labels = [_GUARD_LABELS[code] for code in t.guards]
        if t.note_required:
            labels.append("note required")
        labels.extend(f"sets {field}" for field in t.sets)
        label = f" : {', '.join(labels)}" if labels else ""
        lines.append(f"    {t.from_.value} --> {t.to.value}{label}")
    lines.extend(f"    {s.value} --> [*]" for s in table.states if s in table.terminal)
    lines.extend(
        f"    note right of {table.initial.value} : {_KIND_GUARD_LABELS[code]}"
        for code in table.guards
    )
    return "\n".join(lines) + "\n"


# --- the checks shared by replay and transition -----------------------------------------------


def _error(code: str, path: str, params: dict[str, Any]) -> Finding:
    return Finding(code, Severity.ERROR, path, params)


def _blank(note: Text | None) -> bool:
    return note is None or note.is_blank


def _event_findings(
    table: Table[Any],
    event: TransitionEvent[Any],
    previous: TransitionEvent[Any] | None,
    path: str,
) -> Iterator[Finding]:
    """The problems of one event after *previous*: `EVENT_CHECKS`, reported at *path*."""
    if table.find(event.from_, event.to) is None:
        yield _error(
            INVALID_TRANSITION,
            path,
            {"kind": table.kind, "from": event.from_.value, "to": event.to.value},
        )
    if previous is not None and (event.from_ != previous.to or event.date < previous.date):
        yield _error(
            HISTORY_OUT_OF_ORDER,
            path,
            {
                "from": event.from_.value,
                "date": event.date.isoformat(),
                "previous": previous.to.value,
                "previous_date": previous.date.isoformat(),
            },
        )
    if event.to in table.note_states and _blank(event.note):
        yield _error(NOTE_REQUIRED, path, {"to": event.to.value})


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
    (``lifecycle.history-out-of-order``), and carry a note when it withdraws or cancels
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
    """
    table = TABLES[kind]
    findings: list[Finding] = []
    previous: TransitionEvent[Any] | None = None
    for index, event in enumerate(history):
        findings.extend(_event_findings(table, event, previous, f"{path}/history/{index}"))
        previous = event
    if status is not None and previous is not None and previous.to != status:
        findings.append(
            _error(
                STATUS_MISMATCH,
                f"{path}/status",
                {"status": status.value, "last": previous.to.value},
            )
        )
    return tuple(findings)


def _open_milestones(commitment: Commitment) -> tuple[str, ...]:
    """The ids of the commitment's milestones (any depth) that are not completed or cancelled."""
    return tuple(
        m.id for m in commitment.iter_milestones() if m.status not in CLOSED_MILESTONE_STATES
    )


def completed_commitment_finding(commitment: Commitment, path: str) -> Finding | None:
    """The finding of a completed *commitment* with open milestones, else `None`."""
    if commitment.status is not CommitmentStatus.COMPLETED:
        return None
    open_ids = _open_milestones(commitment)
    if not open_ids:
        return None
    return _error(COMPLETED_WITH_OPEN_MILESTONES, path, {"milestones": list(open_ids)})


# --- the guards' predicates, shared by transition and the validator ---------------------------
#
# `transition` asks each of them about the move it proposes; the validator's ``lifecycle.*``
# rules ask the same ones about every move a plan records (`RECORDED_GUARDS`).


def plan_states_on(
    history: Sequence[TransitionEvent[Any]], day: datetime.date
) -> tuple[PlanStatus, ...]:
    """
    The states a plan with *history* was in at some time on *day*; the last is its state then.

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
    if not history:
        return ()
    before: PlanStatus = history[0].from_
    during: list[PlanStatus] = []
    for event in history:
        if event.date < day:
            before = event.to
        elif event.date == day:
            during.append(event.to)
    return (before, *during)


def _outside_implementation(kind: Kind, path: str, states: Sequence[PlanStatus]) -> Finding | None:
    """The finding of a *kind* moving while the plan was in *states*, none of them moving."""
    if not states or any(s in MOVING_PLAN_STATES for s in states):
        return None
    return _error(PLAN_NOT_IN_IMPLEMENTATION, path, {"kind": kind, "status": states[-1].value})


def _entities(plan: ActionPlan) -> Iterator[tuple[Kind, str, Commitment | Milestone]]:
    """Every commitment and milestone (at any depth) of *plan*, with its kind and path."""
    for c_index, commitment in enumerate(plan.commitments):
        path = f"/commitments/{c_index}"
        yield "commitment", path, commitment
        for indices, milestone in _indexed(commitment.milestones):
            yield "milestone", path + "".join(f"/milestones/{i}" for i in indices), milestone


def moves_outside_implementation(plan: ActionPlan) -> Iterator[Finding]:
    """
    Report each recorded move of a commitment or milestone dated when the plan did not implement.

    That is, when by the plan's history the plan was not in ``implementation`` or ``ended`` at
    any time on the move's date (see `plan_states_on`). A plan without history gives none.
    """
    if not plan.history:
        return
    for kind, path, owner in _entities(plan):
        history: tuple[TransitionEvent[Any], ...] = owner.history
        for index, event in enumerate(history):
            states = plan_states_on(plan.history, event.date)
            finding = _outside_implementation(kind, f"{path}/history/{index}", states)
            if finding is not None:
                yield finding


def _period_not_started(plan: ActionPlan, on: datetime.date, path: str) -> Finding | None:
    """The finding of *plan* entering implementation on *on*, before its period starts."""
    start = plan.period.start
    if start is not None and on >= start.earliest:
        return None
    params = {"date": on.isoformat(), "start": None if start is None else str(start)}
    return _error(PLAN_PERIOD_NOT_STARTED, path, params)


def _period_not_over(plan: ActionPlan, on: datetime.date, path: str) -> Finding | None:
    """The finding of *plan* ending on *on*, before its period's end, with open commitments."""
    end = plan.period.end
    if end is not None and on >= end.earliest:
        return None
    open_ids = [c.id for c in plan.commitments if c.status not in CLOSED_COMMITMENT_STATES]
    if not open_ids:
        return None
    params = {
        "date": on.isoformat(),
        "end": None if end is None else str(end),
        "commitments": open_ids,
    }
    return _error(PLAN_PERIOD_NOT_OVER, path, params)


def _missing_reports(plan: ActionPlan, profile: "Profile", path: str) -> Finding | None:
    """The finding of a local *plan* closing while completed commitments lack their report."""
    if not profile.local:
        return None
    reported = {a.commitment_id for a in plan.assessments if isinstance(a, EndOfCommitmentReport)}
    missing = [
        c.id
        for c in plan.commitments
        if c.status is CommitmentStatus.COMPLETED and c.id not in reported
    ]
    if not missing:
        return None
    return _error(MISSING_END_OF_COMMITMENT_REPORT, path, {"commitments": missing})


def _recorded(plan: ActionPlan, code: str) -> Iterator[tuple[str, TransitionEvent[Any]]]:
    """The recorded events of *plan* whose transition has the guard *code*, with their paths."""
    for index, event in enumerate(plan.history):
        spec = PLAN.find(event.from_, event.to)
        if spec is not None and code in spec.guards:
            yield f"/history/{index}", event


def _recorded_starts(plan: ActionPlan, profile: "Profile") -> Iterator[Finding]:
    for path, event in _recorded(plan, PLAN_PERIOD_NOT_STARTED):
        finding = _period_not_started(plan, event.date, path)
        if finding is not None:
            yield finding


def _recorded_ends(plan: ActionPlan, profile: "Profile") -> Iterator[Finding]:
    # Completed and withdrawn are terminal: a commitment open now was open when the plan ended.
    for path, event in _recorded(plan, PLAN_PERIOD_NOT_OVER):
        finding = _period_not_over(plan, event.date, path)
        if finding is not None:
            yield finding


def _recorded_closing(plan: ActionPlan, profile: "Profile") -> Iterator[Finding]:
    # A closed plan's commitments cannot move: those completed now were completed at closing.
    if plan.status is PlanStatus.CLOSED:
        finding = _missing_reports(plan, profile, "")
        if finding is not None:
            yield finding


def _recorded_moves(plan: ActionPlan, profile: "Profile") -> Iterator[Finding]:
    return moves_outside_implementation(plan)


#: The guards that a recorded plan can show were broken, by code: each yields the findings of
#: the plan's recorded moves that break it, from the predicate its transition guard uses. The
#: guard of ``co_creation → submitted`` is not among them: the validator reports the failing
#: stage-dependent rules themselves.
RECORDED_GUARDS: Mapping[str, Callable[[ActionPlan, "Profile"], Iterator[Finding]]] = {
    PLAN_NOT_IN_IMPLEMENTATION: _recorded_moves,
    PLAN_PERIOD_NOT_STARTED: _recorded_starts,
    PLAN_PERIOD_NOT_OVER: _recorded_ends,
    MISSING_END_OF_COMMITMENT_REPORT: _recorded_closing,
}


# --- targets ----------------------------------------------------------------------------------

_Owner: TypeAlias = ActionPlan | Commitment | Milestone


@attrs.frozen
class _Site:
    """Where a target stands in the plan."""

    kind: Kind
    path: str
    owner: _Owner
    commitment_index: int = -1
    milestone_indices: tuple[int, ...] = ()

    def describe(self, plan: ActionPlan) -> str:
        if self.kind == "plan":
            return f"plan {plan.id!r}"
        commitment = plan.commitments[self.commitment_index]
        if self.kind == "commitment":
            return f"commitment {commitment.id!r}"
        return f"milestone {self.owner.id!r} of commitment {commitment.id!r}"


def _indexed(
    milestones: tuple[Milestone, ...], prefix: tuple[int, ...] = ()
) -> Iterator[tuple[tuple[int, ...], Milestone]]:
    """Yield ``(indices, milestone)`` for every milestone at every depth, depth first."""
    for index, milestone in enumerate(milestones):
        indices = (*prefix, index)
        yield indices, milestone
        yield from _indexed(milestone.milestones, indices)


def _milestone_site(plan: ActionPlan, c_index: int, indices: tuple[int, ...]) -> _Site:
    path = f"/commitments/{c_index}" + "".join(f"/milestones/{i}" for i in indices)
    owner: Milestone | Commitment = plan.commitments[c_index]
    for i in indices:
        owner = owner.milestones[i]
    return _Site("milestone", path, owner, c_index, indices)


def _resolve(plan: ActionPlan, target: Target) -> _Site:
    """
    Find *target* in *plan*.

    Raises:
        UnknownId: No commitment or milestone has that id.
        AmbiguousId: A bare milestone id is used by several commitments.
        InvalidValue: *target* has none of the accepted forms.
    """
    given: object = target  # checked at run time: callers may pass anything
    if given is None:
        return _Site("plan", "", plan)
    if isinstance(given, tuple) and len(given) == 2 and all(isinstance(x, str) for x in given):
        commitment_id, milestone_id = given
        c_index = next((i for i, c in enumerate(plan.commitments) if c.id == commitment_id), None)
        if c_index is None:
            raise UnknownId("commitment", commitment_id)
        for indices, milestone in _indexed(plan.commitments[c_index].milestones):
            if milestone.id == milestone_id:
                return _milestone_site(plan, c_index, indices)
        raise UnknownId("milestone", milestone_id)
    if isinstance(given, str):
        for c_index, commitment in enumerate(plan.commitments):
            if commitment.id == given:
                return _Site("commitment", f"/commitments/{c_index}", commitment, c_index)
        found = [
            (c_index, indices)
            for c_index, commitment in enumerate(plan.commitments)
            for indices, milestone in _indexed(commitment.milestones)
            if milestone.id == given
        ]
        owners = tuple(dict.fromkeys(plan.commitments[c].id for c, _ in found))
        if not found:
            raise UnknownId("commitment or milestone", given)
        if len(owners) > 1:
            raise AmbiguousId("milestone", given, owners)
        return _milestone_site(plan, *found[0])
    raise InvalidValue(
        "target", target, "None, a commitment id, or a (commitment id, milestone id) tuple"
    )


# --- guards -----------------------------------------------------------------------------------


@attrs.frozen
class _Move:
    """One proposed move, with everything its guards look at."""

    plan: ActionPlan
    after: ActionPlan
    site: _Site
    event: TransitionEvent[Any]
    profile: "Profile"


def _plan_not_in_implementation(move: _Move) -> Iterator[Finding]:
    if move.site.kind == "plan":
        # The plan leaves implementation: no recorded move of a commitment or milestone may
        # come later than this one.
        before = tuple(moves_outside_implementation(move.plan))
        yield from (f for f in moves_outside_implementation(move.after) if f not in before)
        return
    kind, path = move.site.kind, move.site.path
    finding = _outside_implementation(kind, path, (move.plan.status,))
    if finding is None:
        states = plan_states_on(move.plan.history, move.event.date)
        finding = _outside_implementation(kind, path, states)
    if finding is not None:
        yield finding


def _submission_requirements(move: _Move) -> Iterator[Finding]:
    from ogpmodel.rules import check_plan, rules

    stage_rules = tuple(r for r in rules() if r.stage_dependent)
    failed = tuple(check_plan(move.after, profile=move.profile, rules=stage_rules))
    if failed:
        codes = list(dict.fromkeys(f.code for f in failed))
        yield _error(SUBMISSION_REQUIREMENTS_UNMET, move.site.path, {"codes": codes})
        yield from failed


def _plan_period_not_started(move: _Move) -> Iterator[Finding]:
    finding = _period_not_started(move.plan, move.event.date, move.site.path)
    if finding is not None:
        yield finding


def _plan_period_not_over(move: _Move) -> Iterator[Finding]:
    finding = _period_not_over(move.plan, move.event.date, move.site.path)
    if finding is not None:
        yield finding


def _missing_end_of_commitment_report(move: _Move) -> Iterator[Finding]:
    finding = _missing_reports(move.plan, move.profile, move.site.path)
    if finding is not None:
        yield finding


def _open_milestones_guard(move: _Move) -> Iterator[Finding]:
    owner = move.site.owner
    assert isinstance(owner, Commitment)  # noqa: S101 - the guard belongs to commitment moves
    completed = attrs.evolve(owner, status=CommitmentStatus.COMPLETED)
    finding = completed_commitment_finding(completed, move.site.path)
    if finding is not None:
        yield finding


#: The guard of each code the tables name.
GUARDS: Mapping[str, Callable[[_Move], Iterator[Finding]]] = {
    PLAN_NOT_IN_IMPLEMENTATION: _plan_not_in_implementation,
    SUBMISSION_REQUIREMENTS_UNMET: _submission_requirements,
    PLAN_PERIOD_NOT_STARTED: _plan_period_not_started,
    PLAN_PERIOD_NOT_OVER: _plan_period_not_over,
    MISSING_END_OF_COMMITMENT_REPORT: _missing_end_of_commitment_report,
    COMPLETED_WITH_OPEN_MILESTONES: _open_milestones_guard,
}


# --- transitions ------------------------------------------------------------------------------


def _replace_milestone(
    milestones: tuple[Milestone, ...],
    indices: tuple[int, ...],
    change: Callable[[Milestone], Milestone],
) -> tuple[Milestone, ...]:
    """*milestones* with the one at *indices* (a path into the nesting) changed."""
    head, rest = indices[0], indices[1:]
    old = milestones[head]
    new = (
        change(old)
        if not rest
        else attrs.evolve(old, milestones=_replace_milestone(old.milestones, rest, change))
    )
    return (*milestones[:head], new, *milestones[head + 1 :])


def _apply(
    plan: ActionPlan, site: _Site, event: TransitionEvent[Any], spec: Transition[Any] | None
) -> ActionPlan:
    """*plan* with *event* appended to the target's history and its status set to ``to``."""

    def moved(owner: Any) -> Any:
        return attrs.evolve(owner, status=event.to, history=(*owner.history, event))

    if site.kind == "plan":
        sets: dict[str, Any] = {} if spec is None else dict.fromkeys(spec.sets, event.date)
        new_plan: ActionPlan = moved(plan)
        return attrs.evolve(new_plan, **sets)
    commitments = list(plan.commitments)
    commitment = commitments[site.commitment_index]
    if site.kind == "commitment":
        commitments[site.commitment_index] = moved(commitment)
    else:
        milestones = _replace_milestone(commitment.milestones, site.milestone_indices, moved)
        commitments[site.commitment_index] = attrs.evolve(commitment, milestones=milestones)
    return attrs.evolve(plan, commitments=tuple(commitments))


#: The note `allowed_transitions` takes as given when it checks a withdrawal or cancellation.
_ASSUMED_NOTE = Text("(note)")


def _note(note: Text | str | None) -> Text | None:
    return Text(note) if isinstance(note, str) else note


def _propose(
    plan: ActionPlan,
    to: object,
    *,
    on: datetime.date,
    target: Target,
    actor_id: str | None,
    note: Text | str | None,
    profile: "Profile | str | None",
) -> tuple[ActionPlan, _Site, tuple[Finding, ...]]:
    """The plan after the move, the target, and the findings of every failed guard."""
    from ogpmodel.rules import resolve_profile

    site = _resolve(plan, target)
    table = TABLES[site.kind]
    event: TransitionEvent[Any] = TransitionEvent(
        site.owner.status, table.state(to), on, actor_id=actor_id, note=_note(note)
    )
    spec = table.find(event.from_, event.to)
    after = _apply(plan, site, event, spec)
    move = _Move(plan, after, site, event, resolve_profile(plan, profile))
    history = site.owner.history
    findings = list(_event_findings(table, event, history[-1] if history else None, site.path))
    for code in (*table.guards, *(() if spec is None else spec.guards)):
        findings.extend(GUARDS[code](move))
    return after, site, tuple(findings)


def check_transition(
    plan: ActionPlan,
    to: Status | str,
    *,
    on: datetime.date,
    target: Target = None,
    note: Text | str | None = None,
    profile: "Profile | str | None" = None,
) -> tuple[Finding, ...]:
    """
    The findings of every guard that the move of *target* to *to* on *on* fails (none: allowed).

    Arguments are those of `transition`; nothing is changed and nothing is raised for a move
    that is not allowed.

    Raises:
        UnknownId: *target* names no commitment or milestone.
        AmbiguousId: *target* is a milestone id used by several commitments.
        InvalidValue: *to* is not a state of the target's kind, or *on* is not a date.
    """
    return _propose(plan, to, on=on, target=target, actor_id=None, note=note, profile=profile)[2]


def transition(
    plan: ActionPlan,
    to: Status | str,
    *,
    on: datetime.date,
    target: Target = None,
    actor_id: str | None = None,
    note: Text | str | None = None,
    profile: "Profile | str | None" = None,
) -> ActionPlan:
    """
    Move the plan, a commitment or a milestone to *to*; return the new plan.

    The target's ``status`` becomes *to* and a `TransitionEvent` (from its status, to *to*, on
    *on*, with *actor_id* and *note*) is appended to its ``history``. Moving the plan from
    ``co_creation`` to ``submitted`` also sets ``submitted_on`` to *on*.

    Args:
        plan: The plan.
        to: The new state: a `PlanStatus`, `CommitmentStatus` or `MilestoneStatus` (that of the
            target's kind), or its wire string (``"in_progress"``).
        on: The day of the event.
        target: `None` for the plan, a commitment id, or ``(commitment id, milestone id)``; a
            bare milestone id works when it names one commitment's milestone only.
        actor_id: The stakeholder who made the change.
        note: Why; required for ``withdrawn`` and ``cancelled``.
        profile: The profile of the guards (`ogpmodel.rules.PROFILES` name or a `Profile`);
            by default the one of the member's membership, as in validation.

    Raises:
        TransitionError: A guard fails; its ``findings`` list every failed guard (for
            ``co_creation → submitted``, also the findings of each failing stage-dependent
            rule). The plan is unchanged.
        UnknownId: *target* names no commitment or milestone.
        AmbiguousId: *target* is a milestone id used by several commitments.
        InvalidValue: *to* is not a state of the target's kind, or *on* is not a date.
    """
    after, site, findings = _propose(
        plan, to, on=on, target=target, actor_id=actor_id, note=note, profile=profile
    )
    if findings:
        shown = "; ".join(f"{f.path or '/'}: {f.message} [{f.code}]" for f in findings[:3])
        more = f" (and {len(findings) - 3} more)" if len(findings) > 3 else ""
        status = site.owner.status.value
        to_value = TABLES[site.kind].state(to).value
        msg = (
            f"cannot move {site.describe(plan)} from {status!r} to {to_value!r}"
            f" on {on.isoformat()}, {len(findings)} failed guard(s): {shown}{more}"
        )
        raise TransitionError(msg, findings)
    return after


def allowed_transitions(
    plan: ActionPlan,
    target: Target = None,
    *,
    on: datetime.date,
    profile: "Profile | str | None" = None,
) -> tuple[Status, ...]:
    """
    The states *target* may move to on *on*: those whose every guard passes, in table order.

    The note that ``withdrawn`` and ``cancelled`` need is taken as given.

    Raises:
        UnknownId: *target* names no commitment or milestone.
        AmbiguousId: *target* is a milestone id used by several commitments.
    """
    site = _resolve(plan, target)
    table = TABLES[site.kind]
    return tuple(
        spec.to
        for spec in table.transitions
        if spec.from_ == site.owner.status
        and not check_transition(
            plan,
            spec.to,
            on=on,
            target=target,
            note=_ASSUMED_NOTE if spec.note_required else None,
            profile=profile,
        )
    )
