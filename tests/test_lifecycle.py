"""Tests of ogpmodel.lifecycle and of the lifecycle rules of the validator."""

import datetime
import itertools
import json
import pickle
import string
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ogpmodel
from ogpmodel import (
    ActionPlan,
    AmbiguousId,
    CommitmentStatus,
    Completion,
    EndOfCommitmentReport,
    InvalidValue,
    Membership,
    MilestoneStatus,
    PlanStatus,
    Text,
    TransitionError,
    TransitionEvent,
    UnknownId,
)
from ogpmodel import _catalogue as registry
from ogpmodel import lifecycle as lc
from ogpmodel._lifecycle.history import PlanTimeline
from ogpmodel._lifecycle.tables import MOVING_PLAN_STATES
from ogpmodel._translations import Texts
from ogpmodel.codelists import LANGUAGES
from ogpmodel.lifecycle import plan_states_on
from ogpmodel.report import Finding, Severity
from ogpmodel.rules import Context, Hit, Rule, check_plan, get_rule, rules
from ogpmodel.strategies import histories, partial_dates
from tests.builders import (
    commitment,
    complete_local_plan,
    d,
    milestone,
    minimal_plan,
    p,
    period,
)

C_ID = "CLMPU0001"
#: A day inside the plan period of `complete_local_plan`, after every event of its histories.
DAY = d("2023-06-01")
LIFECYCLE_RULES = tuple(r for r in rules(include_transition_only=True) if r.family == "lifecycle")
VALIDATOR_CODES = (
    "lifecycle.invalid-transition",
    "lifecycle.status-mismatch",
    "lifecycle.history-out-of-order",
    "lifecycle.history-order-uncertain",
    "status.unrecorded",
    "lifecycle.from-unrecorded-status",
    "lifecycle.completed-with-open-milestones",
    "lifecycle.note-required",
)
#: The lifecycle codes that are not errors: what a record cannot tell.
NOT_ERRORS = {
    "lifecycle.history-order-uncertain": Severity.WARNING,
    "status.unrecorded": Severity.INFO,
}
GUARD_CODES = (
    "lifecycle.plan-not-in-implementation",
    "lifecycle.submission-requirements-unmet",
    "lifecycle.plan-period-not-started",
    "lifecycle.plan-period-not-over",
    "lifecycle.missing-end-of-commitment-report",
)
#: The guard that only `transition` reports: on a recorded plan the stage rules report themselves.
TRANSITION_ONLY = {"lifecycle.submission-requirements-unmet", "lifecycle.from-unrecorded-status"}


def fields(template: str) -> set[str]:
    """The names of the fields of a message template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def codes(findings: tuple[Finding, ...]) -> list[str]:
    """The codes of *findings*, in order."""
    return [f.code for f in findings]


def all_codes(plan: ActionPlan) -> set[str]:
    """The codes of every finding of the whole catalogue on *plan* (without ``as_of``)."""
    return {f.code for f in check_plan(plan)}


def lifecycle_findings(plan: ActionPlan) -> tuple[Finding, ...]:
    """The findings of the lifecycle rules on *plan*."""
    return tuple(check_plan(plan, rules=LIFECYCLE_RULES))


def with_commitment(plan: ActionPlan, **changes: Any) -> ActionPlan:
    """*plan* with its first commitment changed."""
    return attrs.evolve(plan, commitments=(attrs.evolve(plan.commitments[0], **changes),))


def finished_plan() -> ActionPlan:
    """`complete_local_plan` with its milestone and commitment completed."""
    plan = lc.transition(complete_local_plan(), "completed", target=(C_ID, "1"), on=DAY)
    return lc.transition(plan, "completed", target=C_ID, on=DAY)


def co_creation_plan() -> ActionPlan:
    """`complete_local_plan` moved back to co-creation: everything planned, no history after."""
    plan = complete_local_plan()
    planned = attrs.evolve(
        plan.commitments[0],
        status=CommitmentStatus.PLANNED,
        history=(),
        milestones=(milestone(status=MilestoneStatus.PLANNED, history=()),),
    )
    return attrs.evolve(
        plan,
        status=PlanStatus.CO_CREATION,
        history=plan.history[:1],
        submitted_on=None,
        commitments=(planned,),
        assessments=(),
    )


def nested_plan() -> ActionPlan:
    """`complete_local_plan` with two commitments; the first has a milestone nested two deep."""
    grandchild = milestone(id="1.1.1", period=period("2023-04", "2023-05"))
    child = milestone(id="1.1", period=period("2023-04", "2023-06"), milestones=(grandchild,))
    first = commitment(milestones=(milestone(milestones=(child,)), milestone(id="2")))
    second = commitment(id="CLMPU0002", milestones=(milestone(id="2"),), vision_goal_id="g1")
    return complete_local_plan(commitments=(first, second))


def stage_rule(code: str = "plan.test-stage") -> Rule:
    """A stage-dependent rule that fails on every plan."""

    def check(ctx: Context) -> list[Hit]:
        return [Hit("/title", {})]

    return Rule(
        code=code,
        severity=Severity.ERROR,
        family="process",
        source="test",
        title=Texts(f"rule:{code}:title", "t"),
        messages=Texts(f"rule:{code}:message", "m"),
        check=check,
        stage_dependent=True,
    )


class TestTables:
    def test_states_and_terminals(self) -> None:
        """Each table lists every state of its enum, its initial state and its terminal states."""
        assert list(lc.PLAN.states) == list(PlanStatus)
        assert lc.PLAN.initial is PlanStatus.PLANNING
        assert lc.PLAN.terminal == {PlanStatus.CLOSED, PlanStatus.WITHDRAWN}
        assert lc.COMMITMENT.initial is CommitmentStatus.PLANNED
        assert lc.COMMITMENT.terminal == {CommitmentStatus.COMPLETED, CommitmentStatus.WITHDRAWN}
        assert lc.MILESTONE.initial is MilestoneStatus.PLANNED
        assert lc.MILESTONE.terminal == {MilestoneStatus.COMPLETED, MilestoneStatus.CANCELLED}
        assert lc.TABLES == {
            "plan": lc.PLAN,
            "commitment": lc.COMMITMENT,
            "milestone": lc.MILESTONE,
        }

    def test_plan_transitions(self) -> None:
        """The plan moves along its stages, and from any non-terminal state to withdrawn."""
        s = PlanStatus
        stages = [s.PLANNING, s.CO_CREATION, s.SUBMITTED, s.IMPLEMENTATION, s.ENDED, s.CLOSED]
        expected = set(itertools.pairwise(stages))
        expected |= {(x, s.WITHDRAWN) for x in s if x not in (s.CLOSED, s.WITHDRAWN)}
        assert {(t.from_, t.to) for t in lc.PLAN.transitions} == expected

    def test_commitment_transitions(self) -> None:
        """A commitment starts, completes (directly or not) or is withdrawn before it ends."""
        s = CommitmentStatus
        assert {(t.from_, t.to) for t in lc.COMMITMENT.transitions} == {
            (s.PLANNED, s.IN_PROGRESS),
            (s.IN_PROGRESS, s.COMPLETED),
            (s.PLANNED, s.COMPLETED),
            (s.PLANNED, s.WITHDRAWN),
            (s.IN_PROGRESS, s.WITHDRAWN),
        }

    def test_milestone_transitions(self) -> None:
        """A milestone may also be delayed, resume from a delay, and be cancelled."""
        s = MilestoneStatus
        assert {(t.from_, t.to) for t in lc.MILESTONE.transitions} == {
            (s.PLANNED, s.IN_PROGRESS),
            (s.IN_PROGRESS, s.COMPLETED),
            (s.PLANNED, s.COMPLETED),
            (s.PLANNED, s.DELAYED),
            (s.IN_PROGRESS, s.DELAYED),
            (s.DELAYED, s.IN_PROGRESS),
            (s.DELAYED, s.COMPLETED),
            (s.PLANNED, s.CANCELLED),
            (s.IN_PROGRESS, s.CANCELLED),
            (s.DELAYED, s.CANCELLED),
        }

    @pytest.mark.parametrize("table", [lc.PLAN, lc.COMMITMENT, lc.MILESTONE])
    def test_notes_exactly_on_withdrawals(self, table: lc.Table[Any]) -> None:
        """Exactly the moves to withdrawn or cancelled need a note."""
        for t in table.transitions:
            assert t.note_required is (t.to.value in ("withdrawn", "cancelled"))
        assert {s.value for s in table.note_states} <= {"withdrawn", "cancelled"}

    @pytest.mark.parametrize("table", [lc.PLAN, lc.COMMITMENT, lc.MILESTONE])
    def test_terminal_states_are_reachable_ends(self, table: lc.Table[Any]) -> None:
        """Terminal states have no way out, and every other state has one."""
        for state in table.states:
            assert (not table.next_states(state)) is (state in table.terminal)

    def test_guards_of_transitions(self) -> None:
        """The cross-entity guards sit on the transitions the design names."""
        find = lc.PLAN.find
        assert find(PlanStatus.CO_CREATION, PlanStatus.SUBMITTED) == lc.Transition(
            PlanStatus.CO_CREATION,
            PlanStatus.SUBMITTED,
            ("lifecycle.submission-requirements-unmet",),
            sets=("submitted_on",),
        )
        implementation = find(PlanStatus.SUBMITTED, PlanStatus.IMPLEMENTATION)
        assert implementation is not None
        assert implementation.guards == ("lifecycle.plan-period-not-started",)
        ended = find(PlanStatus.IMPLEMENTATION, PlanStatus.ENDED)
        assert ended is not None
        assert ended.guards == ("lifecycle.plan-period-not-over",)
        closed = find(PlanStatus.ENDED, PlanStatus.CLOSED)
        assert closed is not None
        assert closed.guards == (
            "lifecycle.missing-end-of-commitment-report",
            "lifecycle.plan-not-in-implementation",
        )
        for withdrawal in lc.PLAN.transitions:
            if withdrawal.to is PlanStatus.WITHDRAWN:
                leaving = withdrawal.from_ in (PlanStatus.IMPLEMENTATION, PlanStatus.ENDED)
                expected_guards = ("lifecycle.plan-not-in-implementation",) if leaving else ()
                assert withdrawal.guards == expected_guards
        for t in lc.COMMITMENT.transitions:
            expected = ("lifecycle.completed-with-open-milestones",) if t.to == "completed" else ()
            assert t.guards == expected
        assert (
            lc.COMMITMENT.guards == lc.MILESTONE.guards == ("lifecycle.plan-not-in-implementation",)
        )
        assert lc.PLAN.guards == ()

    def test_every_guard_code_is_registered_and_implemented(self) -> None:
        """Every guard code of the tables has a guard function and a lifecycle rule entry."""
        named = {code for table in lc.TABLES.values() for code in table.guards}
        named |= {
            code for table in lc.TABLES.values() for t in table.transitions for code in t.guards
        }
        assert (
            named
            == set(lc.GUARDS)
            == set(GUARD_CODES) | {"lifecycle.completed-with-open-milestones"}
        )
        for code in (*named, *lc.EVENT_CHECKS):
            assert get_rule(code).family == "lifecycle"

    def test_a_table_refuses_duplicates_and_exits_from_terminals(self) -> None:
        """A table cannot list a move twice or leave a terminal state."""
        s = CommitmentStatus
        move = lc.Transition(s.PLANNED, s.IN_PROGRESS)
        with pytest.raises(ValueError, match="twice"):
            lc.Table("commitment", s, s.PLANNED, frozenset({s.COMPLETED}), (move, move))
        out = lc.Transition(s.COMPLETED, s.IN_PROGRESS)
        with pytest.raises(ValueError, match="terminal"):
            lc.Table("commitment", s, s.PLANNED, frozenset({s.COMPLETED}), (out,))

    def test_state_accepts_members_and_wire_strings(self) -> None:
        """A table reads its own states and their wire strings, and refuses anything else."""
        assert lc.COMMITMENT.state(CommitmentStatus.COMPLETED) is CommitmentStatus.COMPLETED
        assert lc.COMMITMENT.state("in_progress") is CommitmentStatus.IN_PROGRESS
        for bad in (MilestoneStatus.COMPLETED, "done", 3, None):
            with pytest.raises(InvalidValue, match="CommitmentStatus"):
                lc.COMMITMENT.state(bad)


class TestExport:
    def test_tables_json_is_json_and_matches_the_tables(self) -> None:
        """`tables_json` is JSON data that lists every state and transition of the tables."""
        data = json.loads(json.dumps(lc.tables_json()))
        assert list(data) == ["plan", "commitment", "milestone"]
        for kind, table in lc.TABLES.items():
            exported = data[kind]
            assert exported["kind"] == kind
            assert exported["checks"] == [
                "lifecycle.invalid-transition",
                "lifecycle.history-out-of-order",
                "lifecycle.note-required",
            ]
            assert exported["states"] == [s.value for s in table.states]
            assert exported["initial"] == table.initial.value
            assert set(exported["terminal"]) == {s.value for s in table.terminal}
            assert exported["guards"] == list(table.guards)
            assert [(t["from"], t["to"]) for t in exported["transitions"]] == [
                (t.from_.value, t.to.value) for t in table.transitions
            ]
        submit = data["plan"]["transitions"][1]
        assert submit == {
            "from": "co_creation",
            "to": "submitted",
            "guards": ["lifecycle.submission-requirements-unmet"],
            "note_required": False,
            "sets": ["submitted_on"],
        }
        withdraw = data["commitment"]["transitions"][-1]
        assert withdraw["to"] == "withdrawn"
        assert withdraw["note_required"] is True

    @pytest.mark.parametrize("kind", ["plan", "commitment", "milestone"])
    def test_mermaid_draws_every_transition(self, kind: lc.Kind) -> None:
        """The diagram has one arrow per transition, a start and an end for each terminal."""
        table = lc.TABLES[kind]
        lines = lc.mermaid(kind).splitlines()
        assert lines[0] == "stateDiagram-v2"
        assert lines[1] == f"    [*] --> {table.initial.value}"
        arrows = [line.split(" : ")[0].strip() for line in lines if "-->" in line]
        expected = [f"{t.from_.value} --> {t.to.value}" for t in table.transitions]
        ends = [f"{s.value} --> [*]" for s in table.states if s in table.terminal]
        assert arrows == [f"[*] --> {table.initial.value}", *expected, *ends]

    def test_mermaid_labels_guards_notes_and_effects(self) -> None:
        """Arrows carry their guards, notes and effects; kind-wide guards are a note."""
        plan = lc.mermaid("plan")
        assert "    co_creation --> submitted : no S rule fails, sets submitted_on\n" in plan
        assert "    planning --> withdrawn : note required\n" in plan
        assert (
            "    ended --> withdrawn : on or after the last commitment or milestone move,"
            " note required\n"
        ) in plan
        assert "note right of" not in plan
        commitment_diagram = lc.mermaid("commitment")
        assert "planned --> completed : every milestone completed or cancelled" in (
            commitment_diagram
        )
        assert commitment_diagram.endswith(
            "    note right of planned : moves only while the plan is in implementation or ended\n"
        )

    def test_mermaid_refuses_unknown_kinds(self) -> None:
        """An unknown kind raises ValueError naming the parameter."""
        with pytest.raises(ValueError, match="kind"):
            lc.mermaid("assessment")  # type: ignore[arg-type]


class TestTargets:
    def test_none_is_the_plan(self) -> None:
        """Without a target the plan itself moves."""
        plan = lc.transition(complete_local_plan(), "withdrawn", on=DAY, note="Cambio de gobierno")
        assert plan.status is PlanStatus.WITHDRAWN
        assert plan.history[-1] == TransitionEvent(
            PlanStatus.IMPLEMENTATION, PlanStatus.WITHDRAWN, DAY, note=Text("Cambio de gobierno")
        )

    def test_commitment_id(self) -> None:
        """A commitment id moves that commitment and leaves the rest of the plan as it was."""
        before = nested_plan()
        after = lc.transition(before, "withdrawn", target="CLMPU0002", on=DAY, note="Sin fondos")
        assert after.commitments[1].status is CommitmentStatus.WITHDRAWN
        assert after.commitments[0] is before.commitments[0]
        assert attrs.evolve(after, commitments=before.commitments) == before

    def test_nested_milestone_by_pair(self) -> None:
        """A (commitment id, milestone id) pair reaches a milestone at any depth."""
        before = nested_plan()
        after = lc.transition(before, "completed", target=(C_ID, "1.1.1"), on=DAY)
        moved = after.commitments[0].milestones[0].milestones[0].milestones[0]
        assert moved.status is MilestoneStatus.COMPLETED
        assert moved.history[-1].date == DAY
        old = before.commitments[0].milestones[0].milestones[0].milestones[0]
        assert attrs.evolve(moved, status=old.status, history=old.history) == old
        assert after.commitments[0].milestones[1] is before.commitments[0].milestones[1]
        assert after.commitments[1] is before.commitments[1]

    def test_bare_milestone_id_when_unambiguous(self) -> None:
        """A bare milestone id works when a single commitment has such a milestone."""
        after = lc.transition(nested_plan(), "delayed", target="1.1", on=DAY)
        assert after.commitments[0].milestones[0].milestones[0].status is MilestoneStatus.DELAYED

    def test_bare_milestone_id_shared_by_two_commitments(self) -> None:
        """A bare milestone id that two commitments use is ambiguous; the pair chooses."""
        plan = nested_plan()
        with pytest.raises(AmbiguousId) as caught:
            lc.transition(plan, "delayed", target="2", on=DAY)
        assert caught.value.owners == (C_ID, "CLMPU0002")
        after = lc.transition(plan, "delayed", target=("CLMPU0002", "2"), on=DAY)
        assert after.commitments[1].milestones[0].status is MilestoneStatus.DELAYED

    def test_commitment_id_wins_over_milestone_id(self) -> None:
        """A bare id that names a commitment and a milestone names the commitment."""
        plan = complete_local_plan(commitments=(commitment(id="1"),))
        after = lc.transition(plan, "withdrawn", target="1", on=DAY, note="Fusionado")
        assert after.commitments[0].status is CommitmentStatus.WITHDRAWN
        assert after.commitments[0].milestones == plan.commitments[0].milestones

    @pytest.mark.parametrize(
        ("target", "kind"),
        [
            ("nope", "commitment or milestone"),
            (("nope", "1"), "commitment"),
            ((C_ID, "9"), "milestone"),
        ],
    )
    def test_unknown_targets(self, target: lc.Target, kind: str) -> None:
        """A target that names nothing raises UnknownId, from every function."""
        plan = complete_local_plan()
        with pytest.raises(UnknownId) as caught:
            lc.transition(plan, "completed", target=target, on=DAY)
        assert caught.value.kind == kind
        with pytest.raises(UnknownId):
            lc.check_transition(plan, "completed", target=target, on=DAY)
        with pytest.raises(UnknownId):
            lc.allowed_transitions(plan, target, on=DAY)

    @pytest.mark.parametrize("target", [3, (C_ID,), (C_ID, "1", "x"), [C_ID, "1"]])
    def test_malformed_targets(self, target: Any) -> None:
        """A target of another form raises InvalidValue."""
        with pytest.raises(InvalidValue, match="target"):
            lc.transition(complete_local_plan(), "completed", target=target, on=DAY)


class TestTransition:
    def test_appends_an_event_and_sets_the_status(self) -> None:
        """The target's history grows by one event and its status is the event's `to`."""
        before = complete_local_plan()
        after = lc.transition(
            before,
            MilestoneStatus.DELAYED,
            target=(C_ID, "1"),
            on=DAY,
            actor_id="secpla",
            note=Text({"es": "Falta de personal"}),
        )
        old = before.commitments[0].milestones[0]
        new = after.commitments[0].milestones[0]
        assert new.status is MilestoneStatus.DELAYED
        assert new.history == (
            *old.history,
            TransitionEvent(
                MilestoneStatus.IN_PROGRESS,
                MilestoneStatus.DELAYED,
                DAY,
                actor_id="secpla",
                note=Text({"es": "Falta de personal"}),
            ),
        )
        assert before == complete_local_plan()
        assert lifecycle_findings(after) == ()

    def test_submission_sets_submitted_on(self) -> None:
        """co_creation → submitted sets submitted_on to the event date."""
        after = lc.transition(co_creation_plan(), PlanStatus.SUBMITTED, on=d("2023-01-31"))
        assert after.status is PlanStatus.SUBMITTED
        assert after.submitted_on == d("2023-01-31")
        assert after.history[-1].date == d("2023-01-31")

    def test_only_submission_sets_submitted_on(self) -> None:
        """Other moves leave submitted_on as it was."""
        plan = lc.transition(minimal_plan(), "co_creation", on=DAY)
        assert plan.submitted_on is None

    def test_wrong_kind_of_state(self) -> None:
        """A state of another kind raises InvalidValue before any guard runs."""
        with pytest.raises(InvalidValue, match="PlanStatus"):
            lc.transition(complete_local_plan(), CommitmentStatus.WITHDRAWN, on=DAY, note="x")
        with pytest.raises(InvalidValue, match="MilestoneStatus"):
            lc.check_transition(complete_local_plan(), "withdrawn", target=(C_ID, "1"), on=DAY)

    def test_datetime_is_not_a_date(self) -> None:
        """An event date with a time raises InvalidValue."""
        with pytest.raises(InvalidValue):
            lc.transition(
                complete_local_plan(), "delayed", target="1", on=datetime.datetime(2023, 6, 1)
            )

    def test_a_full_lifecycle_validates_at_every_step(self) -> None:
        """A plan driven from planning to closed by transitions never has a lifecycle finding."""
        plan = attrs.evolve(co_creation_plan(), status=PlanStatus.PLANNING, history=())
        plan = lc.transition(plan, "co_creation", on=d("2022-10-01"))
        moves: list[tuple[str, lc.Target, str]] = [
            ("submitted", None, "2023-01-31"),
            ("implementation", None, "2023-02-01"),
            ("in_progress", C_ID, "2023-03-01"),
            ("delayed", (C_ID, "1"), "2023-04-01"),
            ("in_progress", "1", "2023-05-01"),
            ("completed", "1", "2023-12-01"),
            ("completed", C_ID, "2024-02-01"),
            ("ended", None, "2024-03-01"),  # before the period's end: every commitment is done
        ]
        for to, target, day in moves:
            plan = lc.transition(plan, to, target=target, on=d(day))
            assert lifecycle_findings(plan) == ()
        report = EndOfCommitmentReport(
            date=p("2024-03"), commitment_id=C_ID, completion=Completion.COMPLETE
        )
        plan = attrs.evolve(plan, assessments=(report,))
        plan = lc.transition(plan, "closed", on=d("2024-09-01"))
        assert plan.status is PlanStatus.CLOSED
        assert [e.to for e in plan.history] == [
            PlanStatus.CO_CREATION,
            PlanStatus.SUBMITTED,
            PlanStatus.IMPLEMENTATION,
            PlanStatus.ENDED,
            PlanStatus.CLOSED,
        ]
        assert lifecycle_findings(plan) == ()
        assert lc.allowed_transitions(plan, on=d("2025-01-01")) == ()


class TestGuards:
    def test_invalid_transition(self) -> None:
        """A move that the table does not list fails, and so does any move out of a terminal."""
        findings = lc.check_transition(minimal_plan(), "implementation", on=DAY)
        assert findings == (
            Finding(
                "lifecycle.invalid-transition",
                Severity.ERROR,
                "",
                {"kind": "plan", "from": "planning", "to": "implementation"},
            ),
        )
        done = finished_plan()
        assert codes(lc.check_transition(done, "in_progress", target=C_ID, on=DAY)) == [
            "lifecycle.invalid-transition"
        ]

    def test_history_out_of_order_by_date(self) -> None:
        """A move dated before the target's last event fails; the same day passes."""
        plan = complete_local_plan()  # the milestone moved on 2023-03-15
        findings = lc.check_transition(plan, "delayed", target="1", on=d("2023-03-14"))
        assert findings == (
            Finding(
                "lifecycle.history-out-of-order",
                Severity.ERROR,
                "/commitments/0/milestones/0",
                {
                    "from": "in_progress",
                    "date": "2023-03-14",
                    "previous": "in_progress",
                    "previous_date": "2023-03-15",
                },
            ),
        )
        assert lc.check_transition(plan, "delayed", target="1", on=d("2023-03-15")) == ()

    def test_history_out_of_order_when_status_disagrees(self) -> None:
        """A target whose status is not its last event's `to` cannot move until repaired."""
        plan = with_commitment(complete_local_plan(), status=CommitmentStatus.PLANNED)
        assert codes(lc.check_transition(plan, "in_progress", target=C_ID, on=DAY)) == [
            "lifecycle.history-out-of-order"
        ]

    def test_an_empty_history_accepts_any_date(self) -> None:
        """A target without history may move on any date."""
        assert lc.check_transition(minimal_plan(), "co_creation", on=d("1990-01-01")) == ()

    @pytest.mark.parametrize("note", [None, "", "   ", Text({"es": " "})])
    def test_note_required(self, note: Text | str | None) -> None:
        """Withdrawing or cancelling without a (non-blank) note fails."""
        plan = complete_local_plan()
        expected = [
            Finding("lifecycle.note-required", Severity.ERROR, "", {"to": "withdrawn"}),
            Finding(
                "lifecycle.note-required",
                Severity.ERROR,
                "/commitments/0",
                {"to": "withdrawn"},
            ),
            Finding(
                "lifecycle.note-required",
                Severity.ERROR,
                "/commitments/0/milestones/0",
                {"to": "cancelled"},
            ),
        ]
        found = [
            *lc.check_transition(plan, "withdrawn", on=DAY, note=note),
            *lc.check_transition(plan, "withdrawn", target=C_ID, on=DAY, note=note),
            *lc.check_transition(plan, "cancelled", target="1", on=DAY, note=note),
        ]
        assert found == expected

    def test_note_given(self) -> None:
        """Withdrawing or cancelling with a note passes."""
        plan = complete_local_plan()
        assert lc.check_transition(plan, "withdrawn", on=DAY, note="Elecciones") == ()
        assert lc.check_transition(plan, "cancelled", target="1", on=DAY, note="Duplicado") == ()

    @pytest.mark.parametrize(
        "status", [PlanStatus.PLANNING, PlanStatus.SUBMITTED, PlanStatus.CLOSED]
    )
    def test_plan_not_in_implementation(self, status: PlanStatus) -> None:
        """Commitments and milestones cannot move while the plan is not implementing or ended."""
        plan = complete_local_plan(status=status, history=())
        expected = {"kind": "commitment", "status": status.value}
        assert lc.check_transition(plan, "withdrawn", target=C_ID, on=DAY, note="x") == (
            Finding(
                "lifecycle.plan-not-in-implementation", Severity.ERROR, "/commitments/0", expected
            ),
        )
        assert codes(lc.check_transition(plan, "delayed", target="1", on=DAY)) == [
            "lifecycle.plan-not-in-implementation"
        ]

    @pytest.mark.parametrize("status", [PlanStatus.IMPLEMENTATION, PlanStatus.ENDED])
    def test_plan_in_implementation_or_ended(self, status: PlanStatus) -> None:
        """Commitments and milestones move while the plan is implementing or has ended."""
        plan = complete_local_plan(status=status, history=())
        assert lc.check_transition(plan, "delayed", target="1", on=DAY) == ()

    def test_completed_with_open_milestones(self) -> None:
        """A commitment cannot complete while a milestone, at any depth, is open."""
        plan = lc.transition(nested_plan(), "completed", target=(C_ID, "2"), on=DAY)
        assert lc.check_transition(plan, "completed", target=C_ID, on=DAY) == (
            Finding(
                "lifecycle.completed-with-open-milestones",
                Severity.ERROR,
                "/commitments/0",
                {"milestones": ["1", "1.1", "1.1.1"]},
            ),
        )
        plan = lc.transition(plan, "cancelled", target="1.1.1", on=DAY, note="Innecesario")
        for target in [(C_ID, "1.1"), (C_ID, "1")]:
            plan = lc.transition(plan, "completed", target=target, on=DAY)
        assert lc.check_transition(plan, "completed", target=C_ID, on=DAY) == ()

    def test_a_milestone_completes_only_after_its_own_milestones(self) -> None:
        """A parent milestone cannot complete while one of its milestones, at any depth, is open."""
        plan = nested_plan()
        expected = Finding(
            "lifecycle.completed-with-open-milestones",
            Severity.ERROR,
            "/commitments/0/milestones/0",
            {"milestones": ["1.1", "1.1.1"]},
        )
        assert lc.check_transition(plan, "completed", target=(C_ID, "1"), on=DAY) == (expected,)
        with pytest.raises(TransitionError) as raised:
            lc.transition(plan, "completed", target=(C_ID, "1"), on=DAY)
        assert raised.value.findings == (expected,)
        plan = lc.transition(plan, "completed", target="1.1.1", on=DAY)
        plan = lc.transition(plan, "completed", target="1.1", on=DAY)
        assert lc.check_transition(plan, "completed", target=(C_ID, "1"), on=DAY) == ()

    def test_a_commitment_without_milestones_may_complete(self) -> None:
        """Planned → completed passes for a commitment with no milestones."""
        plan = with_commitment(
            complete_local_plan(), status=CommitmentStatus.PLANNED, history=(), milestones=()
        )
        assert lc.check_transition(plan, "completed", target=C_ID, on=DAY) == ()

    def test_submission_passes_when_every_stage_rule_passes(self) -> None:
        """A draft that meets every stage-dependent rule can be submitted."""
        plan = co_creation_plan()
        assert lc.check_transition(plan, "submitted", on=d("2023-01-31")) == ()

    def test_submission_reports_every_failing_stage_rule(self) -> None:
        """Submitting reports the guard, then each failing stage-dependent rule's findings."""
        plan = minimal_plan(status=PlanStatus.CO_CREATION)
        submitted = attrs.evolve(plan, status=PlanStatus.SUBMITTED, submitted_on=DAY)
        stage = tuple(r for r in rules() if r.stage_dependent)
        failing = tuple(check_plan(submitted, rules=stage))
        findings = lc.check_transition(plan, "submitted", on=DAY)
        if not failing:
            assert findings == ()
            return
        assert findings == (
            Finding(
                "lifecycle.submission-requirements-unmet",
                Severity.ERROR,
                "",
                {"codes": list(dict.fromkeys(f.code for f in failing))},
            ),
            *failing,
        )
        assert all(f.severity is Severity.ERROR for f in findings)

    def test_submission_runs_the_registered_stage_rules(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The guard runs whatever stage-dependent rules the registry holds, and only those."""
        rule = stage_rule()
        monkeypatch.setattr(registry, "_RULES", {rule.code: rule})
        findings = lc.check_transition(co_creation_plan(), "submitted", on=d("2023-01-31"))
        assert findings == (
            Finding(
                "lifecycle.submission-requirements-unmet",
                Severity.ERROR,
                "",
                {"codes": ["plan.test-stage"]},
            ),
            Finding("plan.test-stage", Severity.ERROR, "/title", {}),
        )
        monkeypatch.setattr(registry, "_RULES", {})
        assert (
            lc.check_transition(minimal_plan(status=PlanStatus.CO_CREATION), "submitted", on=DAY)
            == ()
        )

    def test_submission_checks_the_plan_as_submitted(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The stage rules see the plan in submitted, with submitted_on set to the event date."""
        seen: list[ActionPlan] = []

        def spy(ctx: Context) -> list[Hit]:
            seen.append(ctx.plan)
            return []

        rule = attrs.evolve(stage_rule(), check=spy)
        monkeypatch.setattr(registry, "_RULES", {rule.code: rule})
        lc.check_transition(co_creation_plan(), "submitted", on=d("2023-01-31"))
        assert [(s.status, s.submitted_on) for s in seen] == [
            (PlanStatus.SUBMITTED, d("2023-01-31"))
        ]

    def test_plan_period_not_started(self) -> None:
        """The plan enters implementation on or after the first day of its period's start."""
        plan = complete_local_plan(status=PlanStatus.SUBMITTED, history=())  # starts 2023-01
        assert lc.check_transition(plan, "implementation", on=d("2022-12-31")) == (
            Finding(
                "lifecycle.plan-period-not-started",
                Severity.ERROR,
                "",
                {"date": "2022-12-31", "start": "2023-01"},
            ),
        )
        assert lc.check_transition(plan, "implementation", on=d("2023-01-01")) == ()

    def test_plan_period_without_start(self) -> None:
        """A plan whose period has no start cannot enter implementation."""
        plan = complete_local_plan(
            status=PlanStatus.SUBMITTED, history=(), period=period(None, "2024-08")
        )
        (finding,) = lc.check_transition(plan, "implementation", on=DAY)
        assert finding.code == "lifecycle.plan-period-not-started"
        assert finding.params == {"date": "2023-06-01", "start": None}
        assert finding.render("en").endswith("its period starts later, or has no start.")

    def test_plan_period_not_over(self) -> None:
        """Before its period ends, a plan ends only when every commitment is closed."""
        plan = complete_local_plan()  # ends 2024-08, one commitment in progress
        assert lc.check_transition(plan, "ended", on=d("2024-07-31")) == (
            Finding(
                "lifecycle.plan-period-not-over",
                Severity.ERROR,
                "",
                {"date": "2024-07-31", "end": "2024-08", "commitments": [C_ID]},
            ),
        )
        assert lc.check_transition(plan, "ended", on=d("2024-08-01")) == ()
        assert lc.check_transition(finished_plan(), "ended", on=DAY) == ()
        withdrawn = lc.transition(plan, "withdrawn", target=C_ID, on=DAY, note="Sin fondos")
        assert lc.check_transition(withdrawn, "ended", on=DAY) == ()

    def test_plan_period_without_end(self) -> None:
        """A plan whose period has no end ends only when every commitment is closed."""
        plan = complete_local_plan(period=period("2023-01", None))
        assert codes(lc.check_transition(plan, "ended", on=d("2030-01-01"))) == [
            "lifecycle.plan-period-not-over"
        ]
        open_ended = attrs.evolve(finished_plan(), period=period("2023-01", None))
        assert lc.check_transition(open_ended, "ended", on=DAY) == ()

    def test_missing_end_of_commitment_report(self) -> None:
        """A local plan closes only when each completed commitment has its report."""
        plan = lc.transition(finished_plan(), "ended", on=DAY)
        assert lc.check_transition(plan, "closed", on=DAY) == (
            Finding(
                "lifecycle.missing-end-of-commitment-report",
                Severity.ERROR,
                "",
                {"commitments": [C_ID]},
            ),
        )
        report = EndOfCommitmentReport(
            date=p("2023-06"), commitment_id=C_ID, completion=Completion.COMPLETE
        )
        reported = attrs.evolve(plan, assessments=(*plan.assessments, report))
        assert lc.check_transition(reported, "closed", on=DAY) == ()

    def test_national_plans_close_without_reports(self) -> None:
        """The report guard applies to local plans only (by membership or by profile)."""
        plan = lc.transition(finished_plan(), "ended", on=DAY)
        national = attrs.evolve(
            plan, member=attrs.evolve(plan.member, membership=Membership.NATIONAL)
        )
        assert lc.check_transition(national, "closed", on=DAY) == ()
        assert lc.check_transition(plan, "closed", on=DAY, profile="national") == ()
        assert lc.check_transition(national, "closed", on=DAY, profile="local") != ()

    def test_plan_not_in_implementation_on_the_date_of_the_move(self) -> None:
        """A move dated before the plan entered implementation fails; that very day passes."""
        plan = with_commitment(
            complete_local_plan(), status=CommitmentStatus.PLANNED, history=()
        )  # the plan was submitted on 2023-01-31 and entered implementation on 2023-02-01
        assert lc.check_transition(plan, "in_progress", target=C_ID, on=d("2023-01-31")) == (
            Finding(
                "lifecycle.plan-not-in-implementation",
                Severity.ERROR,
                "/commitments/0",
                {"kind": "commitment", "status": "submitted"},
            ),
        )
        assert lc.check_transition(plan, "in_progress", target=C_ID, on=d("2023-02-01")) == ()

    def test_the_plan_leaves_implementation_after_the_last_move(self) -> None:
        """The plan cannot be withdrawn or closed on a date before a recorded move; the same day passes."""
        plan = complete_local_plan()  # the commitment and its milestone moved on 2023-03-15
        findings = lc.check_transition(plan, "withdrawn", on=d("2023-03-14"), note="Elecciones")
        assert findings == (
            Finding(
                "lifecycle.plan-not-in-implementation",
                Severity.ERROR,
                "/commitments/0/history/0",
                {"kind": "commitment", "status": "withdrawn"},
            ),
            Finding(
                "lifecycle.plan-not-in-implementation",
                Severity.ERROR,
                "/commitments/0/milestones/0/history/0",
                {"kind": "milestone", "status": "withdrawn"},
            ),
        )
        assert lc.check_transition(plan, "withdrawn", on=d("2023-03-15"), note="Elecciones") == ()
        ended = lc.transition(finished_plan(), "ended", on=DAY)
        report = EndOfCommitmentReport(
            date=p("2023-06"), commitment_id=C_ID, completion=Completion.COMPLETE
        )
        ended = attrs.evolve(ended, assessments=(report,))
        # Ended on 2023-05-01, before the moves of 2023-06-01: closing waits for them.
        early_end = attrs.evolve(ended.history[-1], date=d("2023-05-01"))
        early = attrs.evolve(ended, history=(*ended.history[:-1], early_end))
        assert [f.path for f in lc.check_transition(early, "closed", on=d("2023-05-31"))] == [
            "/commitments/0/history/1",
            "/commitments/0/milestones/0/history/1",
        ]
        assert lc.check_transition(early, "closed", on=DAY) == ()
        assert lc.check_transition(ended, "closed", on=DAY) == ()


class TestTransitionError:
    def test_lists_every_failed_guard_and_changes_nothing(self) -> None:
        """A move that fails several guards raises one error listing them all; the plan is intact."""
        plan = complete_local_plan(status=PlanStatus.SUBMITTED, history=())
        snapshot = complete_local_plan(status=PlanStatus.SUBMITTED, history=())
        with pytest.raises(TransitionError) as caught:
            lc.transition(plan, "withdrawn", target=C_ID, on=d("2023-01-01"))
        assert codes(caught.value.findings) == [
            "lifecycle.history-out-of-order",
            "lifecycle.note-required",
            "lifecycle.plan-not-in-implementation",
        ]
        assert all(f.severity is Severity.ERROR for f in caught.value.findings)
        assert {f.path for f in caught.value.findings} == {"/commitments/0"}
        assert caught.value.findings == lc.check_transition(
            plan, "withdrawn", target=C_ID, on=d("2023-01-01")
        )
        assert plan == snapshot

    def test_message_names_the_target_and_the_guards(self) -> None:
        """The message names the target, the move, the date and the failed guards."""
        with pytest.raises(TransitionError) as caught:
            lc.transition(complete_local_plan(), "cancelled", target="1", on=DAY)
        message = str(caught.value)
        assert message.startswith(
            "cannot move milestone '1' of commitment 'CLMPU0001' from 'in_progress' to"
            " 'cancelled' on 2023-06-01, 1 failed guard(s): /commitments/0/milestones/0:"
        )
        assert message.endswith("[lifecycle.note-required]")

    def test_pickles(self) -> None:
        """The error survives pickling with its findings."""
        with pytest.raises(TransitionError) as caught:
            lc.transition(minimal_plan(), "closed", on=DAY)
        copy = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own data
        assert copy.findings == caught.value.findings
        assert str(copy) == str(caught.value)


class TestAllowedTransitions:
    def test_the_plan(self) -> None:
        """A plan in implementation may only be withdrawn before its period is over."""
        plan = complete_local_plan()
        assert lc.allowed_transitions(plan, on=DAY) == (PlanStatus.WITHDRAWN,)
        assert lc.allowed_transitions(plan, on=d("2024-08-01")) == (
            PlanStatus.ENDED,
            PlanStatus.WITHDRAWN,
        )

    def test_a_commitment_and_a_milestone(self) -> None:
        """Guards prune the table's next states; the note of a withdrawal is taken as given."""
        plan = complete_local_plan()
        assert lc.allowed_transitions(plan, C_ID, on=DAY) == (CommitmentStatus.WITHDRAWN,)
        assert lc.allowed_transitions(plan, (C_ID, "1"), on=DAY) == (
            MilestoneStatus.COMPLETED,
            MilestoneStatus.DELAYED,
            MilestoneStatus.CANCELLED,
        )
        assert lc.allowed_transitions(plan, "1", on=d("2023-01-01")) == ()

    def test_terminal_states(self) -> None:
        """Nothing follows a terminal state."""
        assert lc.allowed_transitions(finished_plan(), C_ID, on=DAY) == ()

    @pytest.mark.parametrize(
        "target", [None, C_ID, (C_ID, "1"), (C_ID, "1.1"), (C_ID, "1.1.1"), ("CLMPU0002", "2")]
    )
    def test_agrees_with_check_transition(self, target: lc.Target) -> None:
        """A state is allowed exactly when check_transition (with a note) finds nothing."""
        plan = nested_plan()
        for on in (d("2022-01-01"), DAY, d("2024-09-01")):
            allowed = lc.allowed_transitions(plan, target, on=on)
            kind: lc.Kind = (
                "plan" if target is None else "commitment" if target == C_ID else "milestone"
            )
            for state in lc.TABLES[kind].states:
                passes = not lc.check_transition(plan, state, target=target, on=on, note="x")
                assert (state in allowed) is passes


class TestReplay:
    def test_a_valid_history(self) -> None:
        """A history of allowed, ordered, noted events has no problems."""
        plan = complete_local_plan()
        assert lc.replay(plan.history, "plan", status=plan.status) == ()

    def test_every_problem_with_its_path(self) -> None:
        """Replay reports each bad event at its index under the owner's path."""
        s = CommitmentStatus
        history = [
            TransitionEvent(s.PLANNED, s.IN_PROGRESS, d("2023-03-01")),
            TransitionEvent(s.IN_PROGRESS, s.PLANNED, d("2023-04-01")),
            TransitionEvent(s.IN_PROGRESS, s.WITHDRAWN, d("2023-02-01")),
        ]
        found = lc.replay(history, "commitment", path="/commitments/3", status=s.COMPLETED)
        assert found == (
            Finding(
                "lifecycle.invalid-transition",
                Severity.ERROR,
                "/commitments/3/history/1",
                {"kind": "commitment", "from": "in_progress", "to": "planned"},
            ),
            Finding(
                "lifecycle.history-out-of-order",
                Severity.ERROR,
                "/commitments/3/history/2",
                {
                    "from": "in_progress",
                    "date": "2023-02-01",
                    "previous": "planned",
                    "previous_date": "2023-04-01",
                },
            ),
            Finding(
                "lifecycle.note-required",
                Severity.ERROR,
                "/commitments/3/history/2",
                {"to": "withdrawn"},
            ),
            Finding(
                "lifecycle.status-mismatch",
                Severity.ERROR,
                "/commitments/3/status",
                {"status": "completed", "last": "withdrawn"},
            ),
        )

    def test_an_empty_history_fits_any_status(self) -> None:
        """An empty history has no problems, whatever the status."""
        assert lc.replay((), "milestone", status=MilestoneStatus.COMPLETED) == ()

    def test_status_is_optional(self) -> None:
        """Without a status, replay checks the events only."""
        s = MilestoneStatus
        history = [TransitionEvent(s.PLANNED, s.DELAYED, d("2023-03-01"))]
        assert lc.replay(history, "milestone") == ()

    def test_the_first_event_may_start_anywhere(self) -> None:
        """A history may begin after the entity was created."""
        s = PlanStatus
        history = [TransitionEvent(s.SUBMITTED, s.IMPLEMENTATION, d("2023-03-01"))]
        assert lc.replay(history, "plan", status=s.IMPLEMENTATION) == ()

    def test_notes_are_checked_even_on_invalid_moves(self) -> None:
        """A withdrawal without a note is reported even when the move itself is invalid."""
        s = CommitmentStatus
        history = [TransitionEvent(s.COMPLETED, s.WITHDRAWN, d("2023-03-01"))]
        assert codes(lc.replay(history, "commitment")) == [
            "lifecycle.invalid-transition",
            "lifecycle.note-required",
        ]


class TestRules:
    def test_registered_as_documented(self) -> None:
        """The validator codes and the guard codes are lifecycle errors; all but one have a check."""
        registered = [r.code for r in LIFECYCLE_RULES]
        assert registered == [*VALIDATOR_CODES, *GUARD_CODES]
        for rule in LIFECYCLE_RULES:
            assert rule.severity is NOT_ERRORS.get(rule.code, Severity.ERROR)
            assert rule.source == "design"
            assert not rule.stage_dependent
            assert set(rule.messages) == set(rule.title) == set(LANGUAGES)
            assert fields(rule.messages["en"]) == fields(rule.messages["es"])
            assert (rule.check is None) is (rule.code in TRANSITION_ONLY)
            assert rule.transition_only is (rule.code in TRANSITION_ONLY)
        assert get_rule("lifecycle.missing-end-of-commitment-report").local_only

    @pytest.mark.parametrize("plan", [complete_local_plan(), minimal_plan(), nested_plan()])
    def test_valid_plans_have_no_lifecycle_findings(self, plan: ActionPlan) -> None:
        """The builders' plans are consistent."""
        assert lifecycle_findings(plan) == ()

    def test_invalid_transition_alone(self) -> None:
        """A plan history that skips submission yields invalid-transition only."""
        first = complete_local_plan().history[0]
        skip = TransitionEvent(PlanStatus.CO_CREATION, PlanStatus.IMPLEMENTATION, d("2023-02-01"))
        plan = complete_local_plan(history=(first, skip))
        assert all_codes(plan) == {"lifecycle.invalid-transition"}
        assert [f.path for f in check_plan(plan)] == ["/history/1"]

    def test_status_mismatch_alone(self) -> None:
        """A milestone whose status is not its last event's `to` yields status-mismatch only."""
        plan = with_commitment(
            complete_local_plan(), milestones=(milestone(status=MilestoneStatus.DELAYED),)
        )
        assert all_codes(plan) == {"lifecycle.status-mismatch"}
        (finding,) = check_plan(plan)
        assert finding.path == "/commitments/0/milestones/0/status"
        assert finding.params == {"status": "delayed", "last": "in_progress"}

    def test_history_out_of_order_alone_by_date(self) -> None:
        """Plan history dates that go backwards yield history-out-of-order only."""
        plan = complete_local_plan()
        first = attrs.evolve(plan.history[0], date=d("2023-02-15"))
        plan = attrs.evolve(plan, history=(first, *plan.history[1:]))
        assert all_codes(plan) == {"lifecycle.history-out-of-order"}
        assert [f.path for f in check_plan(plan)] == ["/history/1"]

    def test_history_out_of_order_alone_by_state(self) -> None:
        """An event that does not start where the previous one ended yields history-out-of-order only."""
        s = MilestoneStatus
        history = (
            TransitionEvent(s.PLANNED, s.DELAYED, d("2023-03-15")),
            TransitionEvent(s.PLANNED, s.IN_PROGRESS, d("2023-03-20")),
        )
        plan = with_commitment(complete_local_plan(), milestones=(milestone(history=history),))
        assert all_codes(plan) == {"lifecycle.history-out-of-order"}
        assert [f.path for f in check_plan(plan)] == ["/commitments/0/milestones/0/history/1"]

    def test_completed_with_open_milestones_alone(self) -> None:
        """A completed commitment with an open nested milestone yields that code only."""
        plan = nested_plan()
        for target in [(C_ID, "2"), (C_ID, "1.1.1"), (C_ID, "1.1")]:
            plan = lc.transition(plan, "completed", target=target, on=DAY)
        c = plan.commitments[0]
        done = TransitionEvent(CommitmentStatus.IN_PROGRESS, CommitmentStatus.COMPLETED, DAY)
        completed = attrs.evolve(c, status=CommitmentStatus.COMPLETED, history=(*c.history, done))
        plan = attrs.evolve(plan, commitments=(completed, plan.commitments[1]))
        assert all_codes(plan) == {"lifecycle.completed-with-open-milestones"}
        (finding,) = check_plan(plan)
        assert (finding.path, finding.params) == ("/commitments/0", {"milestones": ("1",)})

    def test_a_completed_milestone_with_an_open_child_alone(self) -> None:
        """A completed parent milestone with an open child yields that code, at the parent."""
        plan = nested_plan()
        m = plan.commitments[0].milestones[0]
        done = TransitionEvent(MilestoneStatus.IN_PROGRESS, MilestoneStatus.COMPLETED, DAY)
        parent = attrs.evolve(m, status=MilestoneStatus.COMPLETED, history=(*m.history, done))
        c = plan.commitments[0]
        changed = attrs.evolve(c, milestones=(parent, c.milestones[1]))
        plan = attrs.evolve(plan, commitments=(changed, plan.commitments[1]))
        assert all_codes(plan) == {"lifecycle.completed-with-open-milestones"}
        (finding,) = check_plan(plan)
        expected = ("/commitments/0/milestones/0", {"milestones": ("1.1", "1.1.1")})
        assert (finding.path, finding.params) == expected

    def test_note_required_alone(self) -> None:
        """A cancellation without a note, two levels deep, yields note-required only."""
        plan = nested_plan()
        m = plan.commitments[0].milestones[0].milestones[0].milestones[0]
        cancel = TransitionEvent(MilestoneStatus.IN_PROGRESS, MilestoneStatus.CANCELLED, DAY)
        cancelled = attrs.evolve(m, status=MilestoneStatus.CANCELLED, history=(*m.history, cancel))
        plan = lc.transition(plan, "cancelled", target="1.1.1", on=DAY, note="x")
        assert lifecycle_findings(plan) == ()
        c = plan.commitments[0]
        child = attrs.evolve(c.milestones[0].milestones[0], milestones=(cancelled,))
        parent = attrs.evolve(c.milestones[0], milestones=(child,))
        plan = attrs.evolve(
            plan,
            commitments=(
                attrs.evolve(c, milestones=(parent, c.milestones[1])),
                plan.commitments[1],
            ),
        )
        assert all_codes(plan) == {"lifecycle.note-required"}
        (finding,) = check_plan(plan)
        assert finding.path == "/commitments/0/milestones/0/milestones/0/milestones/0/history/1"

    def test_note_required_alone_on_a_minimal_plan(self) -> None:
        """A minimal plan withdrawn without a note yields note-required only."""
        event = TransitionEvent(PlanStatus.PLANNING, PlanStatus.WITHDRAWN, DAY)
        plan = minimal_plan(status=PlanStatus.WITHDRAWN, history=(event,))
        assert {f.code for f in lifecycle_findings(plan)} == {"lifecycle.note-required"}

    def test_rules_and_replay_agree(self) -> None:
        """The validator's history findings are exactly replay's, owner by owner."""
        s = CommitmentStatus
        history = (
            TransitionEvent(s.PLANNED, s.WITHDRAWN, d("2023-03-01")),
            TransitionEvent(s.WITHDRAWN, s.IN_PROGRESS, d("2023-02-01")),
        )
        plan = with_commitment(complete_local_plan(), history=history)
        expected = lc.replay(history, "commitment", path="/commitments/0", status=s.IN_PROGRESS)
        assert sorted(lifecycle_findings(plan), key=repr) == sorted(expected, key=repr)

    def test_messages_render_in_both_languages(self) -> None:
        """Every lifecycle finding renders in English and Spanish with all its parameters."""
        s = CommitmentStatus
        history = (
            TransitionEvent(s.COMPLETED, s.WITHDRAWN, d("2023-03-01")),
            TransitionEvent(s.IN_PROGRESS, s.COMPLETED, d("2023-02-01")),
        )
        plan = with_commitment(complete_local_plan(), history=history)
        plan = with_commitment(plan, status=s.WITHDRAWN)
        findings = lifecycle_findings(plan)
        assert {f.code for f in findings} == {
            "lifecycle.invalid-transition",
            "lifecycle.note-required",
            "lifecycle.history-out-of-order",
            "lifecycle.status-mismatch",
        }
        guard_findings = (
            *lc.check_transition(minimal_plan(), "withdrawn", target=None, on=DAY),
            *lc.check_transition(complete_local_plan(), "ended", on=DAY),
            *lc.check_transition(
                complete_local_plan(status=PlanStatus.SUBMITTED, history=()),
                "implementation",
                on=d("2022-01-01"),
            ),
            *lc.check_transition(
                complete_local_plan(status=PlanStatus.SUBMITTED, history=()),
                "delayed",
                target="1",
                on=DAY,
            ),
            *lc.check_transition(nested_plan(), "completed", target=C_ID, on=DAY),
            *lc.check_transition(lc.transition(finished_plan(), "ended", on=DAY), "closed", on=DAY),
        )
        for finding in (*findings, *guard_findings):
            for lang in ("en", "es"):
                text = finding.render(lang)
                assert "?" not in text.replace("¿", ""), text
        assert finding.render("es").startswith("El plan no puede cerrarse")


class TestGuardsOnRecordedHistories:
    @pytest.mark.parametrize(
        "plan",
        [
            complete_local_plan(),
            nested_plan(),
            minimal_plan(),
            complete_local_plan(history=()),
            complete_local_plan(status=PlanStatus.ENDED, history=()),
        ],
    )
    def test_valid_plans_break_no_guard(self, plan: ActionPlan) -> None:
        """The builders' plans, with or without a plan history, break no guard."""
        assert all_codes(plan) & set(GUARD_CODES) == set()

    def test_a_plan_closed_through_transitions_breaks_no_guard(self) -> None:
        """A local plan driven to closed by transitions, reports included, has no finding."""
        plan = lc.transition(finished_plan(), "ended", on=DAY)
        report = EndOfCommitmentReport(
            date=p("2023-06"), commitment_id=C_ID, completion=Completion.COMPLETE
        )
        plan = lc.transition(attrs.evolve(plan, assessments=(report,)), "closed", on=DAY)
        assert plan.status is PlanStatus.CLOSED
        assert all_codes(plan) == set()

    def test_plan_period_not_started_alone(self) -> None:
        """Entering implementation before the period's start yields that code only, at the event."""
        plan = complete_local_plan(period=period("2023-03", "2024-08"))  # entered on 2023-02-01
        assert all_codes(plan) == {"lifecycle.plan-period-not-started"}
        assert tuple(check_plan(plan)) == (
            Finding(
                "lifecycle.plan-period-not-started",
                Severity.ERROR,
                "/history/2",
                {"date": "2023-02-01", "start": "2023-03"},
            ),
        )

    def test_plan_period_not_started_without_a_start(self) -> None:
        """A plan period without a start yields that code only, for the implementation event."""
        plan = complete_local_plan(period=period(None, "2024-08"))
        assert {f.code for f in ogpmodel.validate(plan).findings} == {
            "lifecycle.plan-period-not-started"
        }
        (finding,) = check_plan(plan)
        assert (finding.path, finding.params) == (
            "/history/2",
            {"date": "2023-02-01", "start": None},
        )

    def test_plan_period_started_on_its_first_day(self) -> None:
        """Entering implementation on the first day of the start's interval breaks nothing."""
        plan = complete_local_plan(period=period("2023-02", "2024-08"))  # entered on 2023-02-01
        assert all_codes(plan) == set()

    def test_plan_period_not_over_alone(self) -> None:
        """Ending before the period's end with an open commitment yields that code only."""
        plan = complete_local_plan()  # the period ends 2024-08; the commitment is in progress
        end = TransitionEvent(PlanStatus.IMPLEMENTATION, PlanStatus.ENDED, d("2024-07-31"))
        ended = attrs.evolve(plan, status=PlanStatus.ENDED, history=(*plan.history, end))
        assert all_codes(ended) == {"lifecycle.plan-period-not-over"}
        assert tuple(check_plan(ended)) == (
            Finding(
                "lifecycle.plan-period-not-over",
                Severity.ERROR,
                "/history/3",
                {"date": "2024-07-31", "end": "2024-08", "commitments": [C_ID]},
            ),
        )
        on_time = attrs.evolve(end, date=d("2024-08-01"))
        assert all_codes(attrs.evolve(ended, history=(*plan.history, on_time))) == set()

    def test_plan_period_not_over_when_every_commitment_is_closed(self) -> None:
        """Ending early is no breach once every commitment is completed or withdrawn."""
        plan = finished_plan()
        end = TransitionEvent(PlanStatus.IMPLEMENTATION, PlanStatus.ENDED, DAY)
        ended = attrs.evolve(plan, status=PlanStatus.ENDED, history=(*plan.history, end))
        assert all_codes(ended) == set()

    def test_plan_not_in_implementation_alone(self) -> None:
        """A commitment moved before the plan entered implementation yields that code only."""
        plan = complete_local_plan()  # submitted on 2023-01-31, implementing from 2023-02-01
        early = TransitionEvent(
            CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS, d("2023-01-31")
        )
        moved = with_commitment(plan, history=(early,))
        assert all_codes(moved) == {"lifecycle.plan-not-in-implementation"}
        assert tuple(check_plan(moved)) == (
            Finding(
                "lifecycle.plan-not-in-implementation",
                Severity.ERROR,
                "/commitments/0/history/0",
                {"kind": "commitment", "status": "submitted"},
            ),
        )
        same_day = attrs.evolve(early, date=d("2023-02-01"))
        assert all_codes(with_commitment(plan, history=(same_day,))) == set()

    def test_plan_not_in_implementation_after_the_plan_left_it(self) -> None:
        """Moves dated after the plan was withdrawn yield that code only; that very day is fine."""
        plan = complete_local_plan()  # the commitment and its milestone moved on 2023-03-15
        withdrawal = TransitionEvent(
            PlanStatus.IMPLEMENTATION,
            PlanStatus.WITHDRAWN,
            d("2023-03-14"),
            note=Text("Elecciones"),
        )
        withdrawn = attrs.evolve(
            plan, status=PlanStatus.WITHDRAWN, history=(*plan.history, withdrawal)
        )
        assert all_codes(withdrawn) == {"lifecycle.plan-not-in-implementation"}
        assert [(f.path, f.params["status"]) for f in check_plan(withdrawn)] == [
            ("/commitments/0/history/0", "withdrawn"),
            ("/commitments/0/milestones/0/history/0", "withdrawn"),
        ]
        same_day = attrs.evolve(withdrawal, date=d("2023-03-15"))
        assert all_codes(attrs.evolve(withdrawn, history=(*plan.history, same_day))) == set()

    def test_plan_not_in_implementation_needs_a_plan_history(self) -> None:
        """Without a plan history nothing tells when the plan was implementing: no finding."""
        early = TransitionEvent(
            CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS, d("2020-01-01")
        )
        plan = with_commitment(complete_local_plan(history=()), history=(early,))
        assert all_codes(plan) == set()

    def test_missing_end_of_commitment_report_alone(self) -> None:
        """A closed local plan with a completed commitment but no report yields that code only."""
        plan = lc.transition(finished_plan(), "ended", on=DAY)
        close = TransitionEvent(PlanStatus.ENDED, PlanStatus.CLOSED, DAY)
        closed = attrs.evolve(plan, status=PlanStatus.CLOSED, history=(*plan.history, close))
        assert all_codes(closed) == {"lifecycle.missing-end-of-commitment-report"}
        assert tuple(check_plan(closed)) == (
            Finding(
                "lifecycle.missing-end-of-commitment-report",
                Severity.ERROR,
                "",
                {"commitments": [C_ID]},
            ),
        )
        national = attrs.evolve(
            closed, member=attrs.evolve(closed.member, membership=Membership.NATIONAL)
        )
        assert "lifecycle.missing-end-of-commitment-report" not in all_codes(national)
        assert all_codes(plan) == set()  # ended, not closed: the report may still come

    def test_recorded_findings_are_the_guards_findings(self) -> None:
        """A recorded move breaking a guard gets the finding that transition gives the move."""
        late_start = period("2023-03", "2024-08")
        submitted = complete_local_plan(
            status=PlanStatus.SUBMITTED,
            history=complete_local_plan().history[:2],
            period=late_start,
        )
        (guard,) = lc.check_transition(submitted, "implementation", on=d("2023-02-01"))
        (recorded,) = check_plan(complete_local_plan(period=late_start))
        assert (guard.code, guard.params) == (recorded.code, recorded.params)
        assert set(lc.RECORDED_GUARDS) == set(GUARD_CODES) - TRANSITION_ONLY


class TestRecordsThatSayLess:
    """OGP JSON 1.1: statuses that are not recorded, and histories dated by month or year."""

    def test_no_move_from_an_unrecorded_status(self) -> None:
        """A transition from a status nobody recorded is refused, with a finding at the status."""
        plan = with_commitment(complete_local_plan(), status=None, history=())
        expected = Finding(
            "lifecycle.from-unrecorded-status",
            Severity.ERROR,
            "/commitments/0/status",
            {"kind": "commitment", "to": "completed"},
        )
        assert lc.check_transition(plan, "completed", target=C_ID, on=DAY) == (expected,)
        with pytest.raises(TransitionError, match="from 'unrecorded'") as raised:
            lc.transition(plan, "completed", target=C_ID, on=DAY)
        assert raised.value.findings == (expected,)

    def test_unrecorded_statuses_are_said_once(self) -> None:
        """The report names every unrecorded status in one info, and guesses nothing else."""
        plan = with_commitment(complete_local_plan(), status=None, history=())
        found = [f for f in check_plan(plan) if f.code == "status.unrecorded"]
        assert [(f.severity, f.path, f.params["count"]) for f in found] == [(Severity.INFO, "", 1)]
        assert found[0].params["paths"] == ("/commitments/0/status",)
        assert "lifecycle.status-mismatch" not in all_codes(plan)

    @pytest.mark.parametrize(
        ("first", "second", "expected"),
        [
            ("2023-03", "2023-04", ()),
            ("2023-03", "2023-03", ("lifecycle.history-order-uncertain",)),
            ("2023-03", "2023-03-20", ("lifecycle.history-order-uncertain",)),
            ("2023", "2023-06", ("lifecycle.history-order-uncertain",)),
            ("2023-04", "2023-03", ("lifecycle.history-out-of-order",)),
            ("2023-03-20", "2023-03-20", ()),
        ],
    )
    def test_events_are_ordered_by_their_intervals(
        self, first: str, second: str, expected: tuple[str, ...]
    ) -> None:
        """Dates that certainly go back are errors; dates that overlap only a warning."""
        s = CommitmentStatus

        def when(text: str) -> datetime.date | ogpmodel.PartialDate:
            return d(text) if len(text) == 10 else ogpmodel.PartialDate.parse(text)

        history = (
            TransitionEvent(s.PLANNED, s.IN_PROGRESS, when(first)),
            TransitionEvent(s.IN_PROGRESS, s.COMPLETED, when(second)),
        )
        found = lc.replay(history, "commitment", status=s.COMPLETED)
        assert tuple(f.code for f in found) == expected
        severities = {f.severity for f in found}
        if "lifecycle.history-order-uncertain" in expected:
            assert severities == {Severity.WARNING}

    def test_a_month_event_inside_implementation_is_not_outside_it(self) -> None:
        """A move dated by a month counts as inside implementation if any day of it may be."""
        plan = complete_local_plan()
        entered = next(e for e in plan.history if e.to is PlanStatus.IMPLEMENTATION)
        month = ogpmodel.PartialDate(entered.date.year, entered.date.month)
        assert isinstance(entered.date, datetime.date)
        c = plan.commitments[0]
        moved = attrs.evolve(c.history[0], date=month)
        plan = with_commitment(plan, history=(moved,))
        assert "lifecycle.plan-not-in-implementation" not in all_codes(plan)


_PLAN_STATES = st.sampled_from(list(PlanStatus))
_DAYS = st.one_of(
    st.dates(datetime.date(2020, 1, 1), datetime.date(2026, 12, 31)),
    partial_dates(min_year=2020, max_year=2026, precisions=("year", "month")),
)
_ANY_PLAN_HISTORY = st.lists(
    st.builds(TransitionEvent, _PLAN_STATES, _PLAN_STATES, _DAYS), max_size=6
).map(tuple)


@given(
    st.one_of(histories("plan", precisions=("day", "month", "year")), _ANY_PLAN_HISTORY),
    st.data(),
)
def test_implementing_on_is_a_moving_state_among_the_states_on(
    history: tuple[TransitionEvent[Any], ...], data: st.DataObject
) -> None:
    """`PlanTimeline.implementing_on` answers what `states_on` shows, for any history and day."""
    dates = [event.date for event in history]
    day = data.draw(st.one_of(_DAYS, st.sampled_from(dates)) if dates else _DAYS)
    timeline = PlanTimeline(history)
    states = timeline.states_on(day)
    assert states == plan_states_on(history, day)
    expected = not states or any(s in MOVING_PLAN_STATES for s in states)
    assert timeline.implementing_on(day) is expected
