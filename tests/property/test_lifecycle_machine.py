"""A stateful test: random transitions, allowed and not, keep a plan's lifecycle consistent."""

import datetime
import itertools
import pickle
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from tests.builders import commitment, complete_local_plan, d, milestone, minimal_plan, p, period

from ogpmodel import (
    ActionPlan,
    Commitment,
    CommitmentStatus,
    Completion,
    EndOfCommitmentReport,
    Milestone,
    MilestoneStatus,
    PlanStatus,
    Severity,
    Text,
    TransitionError,
    TransitionEvent,
)
from ogpmodel import lifecycle as lc
from ogpmodel._scalars import earliest_day, latest_day
from ogpmodel.rules import check_plan, rules
from ogpmodel.strategies import action_plans

#: Runs per test, and steps per run: at most ``MAX_EXAMPLES * STEP_COUNT`` steps in all.
MAX_EXAMPLES = 100
STEP_COUNT = 50
SETTINGS = settings(max_examples=MAX_EXAMPLES, stateful_step_count=STEP_COUNT)

LIFECYCLE_RULES = tuple(r for r in rules() if r.family == "lifecycle")
NOTE = "Motivo del cambio"
#: Every state of each kind, allowed or not from where an entity stands.
STATES: dict[lc.Kind, tuple[Any, ...]] = {
    "plan": tuple(PlanStatus),
    "commitment": tuple(CommitmentStatus),
    "milestone": tuple(MilestoneStatus),
}


def planned_milestone(id: str, *children: Milestone) -> Milestone:  # noqa: A002
    """A planned milestone without history."""
    return milestone(id=id, status=MilestoneStatus.PLANNED, history=(), milestones=children)


def planned_commitment(id: str, *milestones: Milestone) -> Commitment:  # noqa: A002
    """A planned commitment without history."""
    return commitment(id=id, status=CommitmentStatus.PLANNED, history=(), milestones=milestones)


def commitments() -> tuple[Commitment, ...]:
    """Three commitments; milestone ``1`` of the first two shares its id, ``1.1`` is nested."""
    nested = attrs.evolve(planned_milestone("1.1"), period=period("2023-04", "2023-06"))
    return (
        planned_commitment("CLMPU0001", planned_milestone("1", nested), planned_milestone("2")),
        planned_commitment("CLMPU0002", planned_milestone("1")),
        planned_commitment("CLMPU0003", planned_milestone("3")),
    )


def draft_plan() -> ActionPlan:
    """`complete_local_plan` moved back to co-creation, with three planned commitments."""
    plan = complete_local_plan()
    report = EndOfCommitmentReport(
        date=p("2024-08"), commitment_id="CLMPU0001", completion=Completion.COMPLETE
    )
    return attrs.evolve(
        plan,
        status=PlanStatus.CO_CREATION,
        history=plan.history[:1],
        submitted_on=None,
        commitments=commitments(),
        assessments=(report,),
    )


def imported_plan() -> ActionPlan:
    """
    The plan in implementation as a tracker exports it: one status unrecorded, one move by month.

    Commitment ``CLMPU0003`` has no recorded status; milestone ``1`` of ``CLMPU0002`` started
    in March 2023, the day not recorded.
    """
    plan = lc.transition(draft_plan(), "submitted", on=d("2023-01-31"))
    plan = lc.transition(plan, "implementation", on=d("2023-02-01"))
    first, second, third = plan.commitments
    started = TransitionEvent(MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS, p("2023-03"))
    moved = attrs.evolve(second.milestones[0], status=started.to, history=(started,))
    commitments = (
        first,
        attrs.evolve(second, milestones=(moved,)),
        attrs.evolve(third, status=None),
    )
    return attrs.evolve(plan, commitments=commitments)


def start_plan(start: str) -> tuple[ActionPlan, datetime.date]:
    """The plan a run starts from, and the day it starts on."""
    if start == "draft":
        return draft_plan(), d("2023-01-15")
    if start == "implementation":
        plan = lc.transition(draft_plan(), "submitted", on=d("2023-01-31"))
        return lc.transition(plan, "implementation", on=d("2023-02-01")), d("2023-02-01")
    if start == "imported":
        return imported_plan(), d("2023-03-31")
    # A plan without period, forum or history, already implementing: no stage rule guards it.
    bare = minimal_plan(status=PlanStatus.IMPLEMENTATION, commitments=commitments()[:2])
    return bare, d("2023-01-01")


def last_day(plan: ActionPlan) -> datetime.date:
    """The latest day a generated plan records (its clock starts there)."""
    days = [latest_day(event.date) for owner in owners(plan) for event in owner.history]
    if plan.submitted_on is not None:
        days.append(plan.submitted_on)
    if plan.period.start is not None:
        days.append(plan.period.start.earliest)
    return max(days, default=d("2023-01-01"))


def owners(plan: ActionPlan) -> list[Any]:
    """The plan, every commitment and every milestone at any depth."""
    return [plan, *plan.commitments, *(m for _, m in plan.iter_milestones())]


def targets(plan: ActionPlan) -> list[lc.Target]:
    """Every target of the plan: the plan, commitment ids, pairs, and unambiguous bare ids."""
    found: list[lc.Target] = [None, *(c.id for c in plan.commitments)]
    pairs = [(c.id, m.id) for c, m in plan.iter_milestones()]
    found.extend(pairs)
    owners_of: dict[str, set[str]] = {}
    for c_id, m_id in pairs:
        owners_of.setdefault(m_id, set()).add(c_id)
    commitment_ids = {c.id for c in plan.commitments}
    found.extend(
        m_id for m_id, cs in owners_of.items() if len(cs) == 1 and m_id not in commitment_ids
    )
    return found


def owner_of(plan: ActionPlan, target: lc.Target) -> Any:
    """The plan, commitment or milestone *target* names."""
    if target is None:
        return plan
    if isinstance(target, tuple):
        return plan.milestone(target[1], commitment=target[0])
    if any(c.id == target for c in plan.commitments):
        return plan.commitment(target)
    return plan.milestone(target)


def kind_of(plan: ActionPlan, target: lc.Target) -> lc.Kind:
    """The kind of *target*."""
    if target is None:
        return "plan"
    if isinstance(target, str) and any(c.id == target for c in plan.commitments):
        return "commitment"
    return "milestone"


class LifecycleMachine(RuleBasedStateMachine):
    """Moves a plan, its commitments and milestones at random, on dates that mostly advance."""

    #: How many rules ran, over every run in this process.
    steps_run: ClassVar[int] = 0
    #: How many runs started from a plan generated by `ogpmodel.strategies.action_plans`.
    generated_starts: ClassVar[int] = 0
    #: How many moves were asked of an entity whose status is not recorded.
    unrecorded_moves: ClassVar[int] = 0

    def __init__(self) -> None:
        super().__init__()
        self.plan = minimal_plan()
        self.today = d("2023-01-01")
        self.snapshot = self.plan

    def _set(self, plan: ActionPlan) -> None:
        """Make *plan* the current plan, and keep an independent copy of it."""
        self.plan = plan
        self.snapshot = pickle.loads(pickle.dumps(plan))  # noqa: S301 - our own data

    @initialize(
        start=st.sampled_from(["draft", "implementation", "bare", "imported"]) | action_plans()
    )
    def start(self, start: str | ActionPlan) -> None:
        """Start from a hand-built plan, or from any valid plan the strategies generate."""
        if isinstance(start, ActionPlan):
            LifecycleMachine.generated_starts += 1
            plan, self.today = start, last_day(start)
        else:
            plan, self.today = start_plan(start)
        self._set(plan)

    def _pick(
        self, target_index: int, days: int, *, entities_only: bool = False
    ) -> tuple[lc.Target, datetime.date]:
        found = targets(self.plan)[1 if entities_only else 0 :]
        return found[target_index % len(found)], self.today + datetime.timedelta(days=days)

    def _apply(self, to: Any, target: lc.Target, on: datetime.date, note: str | None) -> None:
        """Move *target*, checking what changed; advance the clock."""
        before = self.plan
        after = lc.transition(before, to, target=target, on=on, note=note, actor_id="muni")
        old, new = owner_of(before, target), owner_of(after, target)
        state = lc.TABLES[kind_of(before, target)].state(to)
        event = TransitionEvent(
            old.status, state, on, actor_id="muni", note=None if note is None else Text(note)
        )
        assert new.status is state
        assert new.history == (*old.history, event)
        if target is None and new.status is PlanStatus.SUBMITTED:
            assert after.submitted_on == on
        self._set(after)
        self.today = max(self.today, on)

    @rule(
        target_index=st.integers(0, 63),
        state_index=st.integers(0, 6),
        days=st.integers(-30, 90),
        with_note=st.booleans(),
    )
    def move(self, target_index: int, state_index: int, days: int, with_note: bool) -> None:
        """Try any state: an allowed move applies, a disallowed one raises and changes nothing."""
        LifecycleMachine.steps_run += 1
        target, on = self._pick(target_index, days)
        states = STATES[kind_of(self.plan, target)]
        to = states[state_index % len(states)]
        note = NOTE if with_note else None
        findings = lc.check_transition(self.plan, to, target=target, on=on, note=note)
        if owner_of(self.plan, target).status is None:
            # Nothing is known to move from a status nobody recorded.
            LifecycleMachine.unrecorded_moves += 1
            assert [f.code for f in findings] == ["lifecycle.from-unrecorded-status"]
        if not findings:
            self._apply(to, target, on, note)
            return
        with pytest.raises(TransitionError) as caught:
            lc.transition(self.plan, to, target=target, on=on, note=note)
        assert caught.value.findings == findings
        assert self.plan == self.snapshot

    @rule(days=st.integers(0, 400))
    def advance_plan(self, days: int) -> None:
        """Move the plan to its next stage when the guards allow it (never withdrawing it)."""
        LifecycleMachine.steps_run += 1
        on = self.today + datetime.timedelta(days=days)
        allowed = lc.allowed_transitions(self.plan, on=on)
        stages = [state for state in allowed if state is not PlanStatus.WITHDRAWN]
        if stages:
            self._apply(stages[0], None, on, None)

    @rule(target_index=st.integers(0, 63), choice=st.integers(0, 6), days=st.integers(0, 60))
    def advance(self, target_index: int, choice: int, days: int) -> None:
        """Take one of the allowed moves of a commitment or milestone, which always succeeds."""
        LifecycleMachine.steps_run += 1
        if len(targets(self.plan)) == 1:
            return  # a plan without commitments: only the plan itself can move
        target, on = self._pick(target_index, days, entities_only=True)
        allowed = lc.allowed_transitions(self.plan, target, on=on)
        if allowed:
            self._apply(allowed[choice % len(allowed)], target, on, NOTE)

    @invariant()
    def validates(self) -> None:
        """The plan has no lifecycle error or warning; an info where a status is unrecorded."""
        findings = tuple(check_plan(self.plan, rules=LIFECYCLE_RULES))
        unrecorded = any(owner.status is None for owner in owners(self.plan))
        infos = [f.code for f in findings if f.severity is Severity.INFO]
        expected: tuple[object, ...] = (len(infos), infos)
        assert expected == (len(findings), ["status.unrecorded"] if unrecorded else [])

    @invariant()
    def histories_agree(self) -> None:
        """
        Every status is its history's last `to`, and history dates never go backwards.

        An event dated by a month or a year lies wholly on or after the previous event's date.
        An unrecorded status has no history.
        """
        for owner in owners(self.plan):
            history = owner.history
            if history:
                assert history[-1].to == owner.status
            if owner.status is None:
                assert history == ()
            assert all(
                earliest_day(b.date) >= latest_day(a.date) for a, b in itertools.pairwise(history)
            )
            assert all(a.to == b.from_ for a, b in itertools.pairwise(history))


def test_lifecycle_machine() -> None:
    """Random sequences of allowed and disallowed transitions keep the plan consistent."""
    LifecycleMachine.generated_starts = LifecycleMachine.unrecorded_moves = 0
    run_state_machine_as_test(LifecycleMachine, settings=SETTINGS)
    assert LifecycleMachine.generated_starts > 0  # the strategies' plans are exercised
    assert LifecycleMachine.unrecorded_moves > 0  # and so are unrecorded statuses


def test_the_imported_plan_is_consistent() -> None:
    """The imported plan has only the info of its unrecorded status, and refuses to move it."""
    plan = imported_plan()
    findings = [f.code for f in check_plan(plan, rules=LIFECYCLE_RULES)]
    refused = lc.check_transition(plan, "in_progress", target="CLMPU0003", on=d("2023-04-01"))
    expected: tuple[object, ...] = (["status.unrecorded"], ["lifecycle.from-unrecorded-status"])
    assert expected == (findings, [f.code for f in refused])


def test_the_draft_can_be_submitted() -> None:
    """The machine's draft plan meets every stage-dependent rule, so runs can reach implementation."""
    assert lc.check_transition(draft_plan(), "submitted", on=d("2023-01-31")) == ()
