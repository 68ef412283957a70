"""
The guards' predicates, shared by `ogpmodel.lifecycle.transition` and the validator.

`transition` asks each of them about the move it proposes; the validator's ``lifecycle.*``
rules ask the same ones about every move a plan records (`RECORDED_GUARDS`).
"""

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from ogpmodel._lifecycle.history import PlanTimeline, When, error
from ogpmodel._lifecycle.tables import (
    CLOSED_COMMITMENT_STATES,
    CLOSED_MILESTONE_STATES,
    COMPLETED_WITH_OPEN_MILESTONES,
    MISSING_END_OF_COMMITMENT_REPORT,
    MOVING_PLAN_STATES,
    PLAN,
    PLAN_NOT_IN_IMPLEMENTATION,
    PLAN_PERIOD_NOT_OVER,
    PLAN_PERIOD_NOT_STARTED,
    Kind,
)
from ogpmodel._scalars import latest_day
from ogpmodel.codelists import CommitmentStatus, MilestoneStatus, PlanStatus
from ogpmodel.model import ActionPlan, Commitment, EndOfCommitmentReport, Milestone, TransitionEvent
from ogpmodel.profiles import Profile
from ogpmodel.report import Finding

__all__ = [
    "RECORDED_GUARDS",
    "completed_commitment_finding",
    "indexed",
    "missing_reports",
    "moves_outside_implementation",
    "outside_implementation",
    "period_not_over",
    "period_not_started",
]


def indexed(
    milestones: tuple[Milestone, ...], prefix: tuple[int, ...] = ()
) -> Iterator[tuple[tuple[int, ...], Milestone]]:
    """Yield ``(indices, milestone)`` for every milestone at every depth, depth first."""
    for index, milestone in enumerate(milestones):
        indices = (*prefix, index)
        yield indices, milestone
        if milestone.milestones:
            yield from indexed(milestone.milestones, indices)


def _open_milestones(owner: Commitment | Milestone) -> tuple[str, ...]:
    """
    The ids of the owner's milestones (any depth) that are not completed or cancelled.

    A milestone without a recorded status is not known to be open, and is not counted.
    """
    return tuple(
        m.id
        for m in owner.iter_milestones()
        if m.status is not None and m.status not in CLOSED_MILESTONE_STATES
    )


def completed_commitment_finding(owner: Commitment | Milestone, path: str) -> Finding | None:
    """The finding of a completed commitment or milestone with open milestones, else `None`."""
    if owner.status not in (CommitmentStatus.COMPLETED, MilestoneStatus.COMPLETED):
        return None
    open_ids = _open_milestones(owner)
    if not open_ids:
        return None
    return error(COMPLETED_WITH_OPEN_MILESTONES, path, {"milestones": list(open_ids)})


def _implementing(states: Sequence[PlanStatus]) -> bool:
    """Whether a plan in *states* on a day may have been implementing: it moved, or none known."""
    return not states or any(s in MOVING_PLAN_STATES for s in states)


def outside_implementation(kind: Kind, path: str, states: Sequence[PlanStatus]) -> Finding | None:
    """The finding of a *kind* moving while the plan was in *states*, none of them moving."""
    if _implementing(states):
        return None
    return error(PLAN_NOT_IN_IMPLEMENTATION, path, {"kind": kind, "status": states[-1].value})


def _owners(
    plan: ActionPlan,
) -> Iterator[tuple[Kind, int, tuple[int, ...], Commitment | Milestone]]:
    """Every commitment and milestone (at any depth) of *plan*: kind, commitment, indices, owner."""
    for c_index, commitment in enumerate(plan.commitments):
        yield "commitment", c_index, (), commitment
        for indices, milestone in indexed(commitment.milestones):
            yield "milestone", c_index, indices, milestone


def _moves(plan: ActionPlan) -> list[TransitionEvent[Any]]:
    """The recorded events of every commitment and milestone of *plan*, in no set order."""
    events: list[TransitionEvent[Any]] = []
    owners: list[Commitment | Milestone] = list(plan.commitments)
    while owners:
        owner = owners.pop()
        events.extend(owner.history)
        owners.extend(owner.milestones)
    return events


def moves_outside_implementation(plan: ActionPlan) -> Iterator[Finding]:
    """
    Report each recorded move of a commitment or milestone dated when the plan did not implement.

    That is, when by the plan's history the plan was not in ``implementation`` or ``ended`` at
    any time on the move's date (see `plan_states_on`). A plan without history gives none.
    """
    if not plan.history:
        return
    timeline = PlanTimeline(plan.history)
    moving = timeline.implementing_on
    if all(moving(event.date) for event in _moves(plan)):  # the common case: no path made
        return
    for kind, c_index, indices, owner in _owners(plan):
        history: tuple[TransitionEvent[Any], ...] = owner.history
        for index, event in enumerate(history):
            if moving(event.date):
                continue
            milestones = "".join(f"/milestones/{i}" for i in indices)
            path = f"/commitments/{c_index}{milestones}/history/{index}"
            finding = outside_implementation(kind, path, timeline.states_on(event.date))
            if finding is not None:
                yield finding


def period_not_started(plan: ActionPlan, on: When, path: str) -> Finding | None:
    """
    The finding of *plan* entering implementation on *on*, before its period starts.

    A month or a year *on* counts as before only when all of it is.
    """
    start = plan.period.start
    if start is not None and latest_day(on) >= start.earliest:
        return None
    params = {"date": str(on), "start": None if start is None else str(start)}
    return error(PLAN_PERIOD_NOT_STARTED, path, params)


def period_not_over(plan: ActionPlan, on: When, path: str) -> Finding | None:
    """
    The finding of *plan* ending on *on*, before its period's end, with open commitments.

    A month or a year *on* counts as before only when all of it is.
    """
    end = plan.period.end
    if end is not None and latest_day(on) >= end.earliest:
        return None
    open_ids = [  # a commitment without a recorded status is not known to be open
        c.id
        for c in plan.commitments
        if c.status is not None and c.status not in CLOSED_COMMITMENT_STATES
    ]
    if not open_ids:
        return None
    params = {
        "date": str(on),
        "end": None if end is None else str(end),
        "commitments": open_ids,
    }
    return error(PLAN_PERIOD_NOT_OVER, path, params)


def missing_reports(plan: ActionPlan, profile: Profile, path: str) -> Finding | None:
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
    return error(MISSING_END_OF_COMMITMENT_REPORT, path, {"commitments": missing})


def _recorded(plan: ActionPlan, code: str) -> Iterator[tuple[str, TransitionEvent[Any]]]:
    """The recorded events of *plan* whose transition has the guard *code*, with their paths."""
    for index, event in enumerate(plan.history):
        spec = PLAN.find(event.from_, event.to)
        if spec is not None and code in spec.guards:
            yield f"/history/{index}", event


def _recorded_starts(plan: ActionPlan, profile: Profile) -> Iterator[Finding]:
    for path, event in _recorded(plan, PLAN_PERIOD_NOT_STARTED):
        finding = period_not_started(plan, event.date, path)
        if finding is not None:
            yield finding


def _recorded_ends(plan: ActionPlan, profile: Profile) -> Iterator[Finding]:
    # Completed and withdrawn are terminal: a commitment open now was open when the plan ended.
    for path, event in _recorded(plan, PLAN_PERIOD_NOT_OVER):
        finding = period_not_over(plan, event.date, path)
        if finding is not None:
            yield finding


def _recorded_closing(plan: ActionPlan, profile: Profile) -> Iterator[Finding]:
    # A closed plan's commitments cannot move: those completed now were completed at closing.
    if plan.status is PlanStatus.CLOSED:
        finding = missing_reports(plan, profile, "")
        if finding is not None:
            yield finding


def _recorded_moves(plan: ActionPlan, profile: Profile) -> Iterator[Finding]:
    return moves_outside_implementation(plan)


#: The guards that a recorded plan can show were broken, by code: each yields the findings of
#: the plan's recorded moves that break it, from the predicate its transition guard uses. The
#: guard of ``co_creation → submitted`` is not among them: the validator reports the failing
#: stage-dependent rules themselves.
RECORDED_GUARDS: Mapping[str, Callable[[ActionPlan, Profile], Iterator[Finding]]] = {
    PLAN_NOT_IN_IMPLEMENTATION: _recorded_moves,
    PLAN_PERIOD_NOT_STARTED: _recorded_starts,
    PLAN_PERIOD_NOT_OVER: _recorded_ends,
    MISSING_END_OF_COMMITMENT_REPORT: _recorded_closing,
}
