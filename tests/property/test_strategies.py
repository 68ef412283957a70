"""
Tests of `ogpmodel.strategies`: each strategy yields what it promises.

The suite uses the strategies it tests: valid plans pass `validate`, broken plans break exactly
their rule, and ``st.from_type`` works for every model class through the Hypothesis plugin.
"""

import datetime
import importlib.metadata
import pickle
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import hypothesis
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import ogpmodel
from ogpmodel import (
    ActionPlan,
    Commitment,
    CommitmentStatus,
    InceptionReport,
    IrmReview,
    Link,
    Membership,
    Milestone,
    MilestoneStatus,
    PartialDate,
    Period,
    PlanStatus,
    Stakeholder,
    Text,
    TransitionEvent,
    strategies,
)
from ogpmodel import lifecycle as lc
from ogpmodel.strategies import (
    BrokenPlan,
    action_plans,
    assessments,
    breakable_codes,
    broken_plans,
    commitments,
    dates,
    documents,
    histories,
    links,
    milestones,
    partial_dates,
    periods,
    stakeholders,
    strategy_for,
    texts,
)

ROOT = Path(__file__).resolve().parents[2]


WEEK: Any = ("week",)
STATES: dict[str, list[Any]] = {
    "plan": list(PlanStatus),
    "commitment": list(CommitmentStatus),
    "milestone": list(MilestoneStatus),
}
ALL_CODES = [pytest.param(rule.code, id=rule.code) for rule in ogpmodel.rules()]
#: Every attrs class that ogpmodel exports: each must have a strategy.
MODEL_CLASSES = [
    pytest.param(getattr(ogpmodel, name), id=name)
    for name in ogpmodel.__all__
    if isinstance(getattr(ogpmodel, name), type) and attrs.has(getattr(ogpmodel, name))
]
#: Every class of the model (some, such as OtherName, only in ogpmodel.model).
ENTITY_CLASSES = [
    pytest.param(getattr(ogpmodel.model, name), id=name)
    for name in ogpmodel.model.__all__
    if isinstance(getattr(ogpmodel.model, name), type) and attrs.has(getattr(ogpmodel.model, name))
]


def title_key(text: Text) -> frozenset[str]:
    """The strings of a title as the repeat rules compare them: case and spacing aside."""
    return frozenset(" ".join(v.split()).casefold() for v in text.as_dict("").values())


def error_codes(plan_or_document: Any, as_of: datetime.date | None = None) -> set[str]:
    """The codes of the errors `validate` reports."""
    return {f.code for f in ogpmodel.validate(plan_or_document, as_of=as_of).errors}


def first_day(when: datetime.date | PartialDate) -> datetime.date:
    """The day of an event date; the first day of a month or a year."""
    return when.earliest if isinstance(when, PartialDate) else when


def on_days(plan: ActionPlan) -> ActionPlan:
    """*plan* with every event dated by a month or a year moved to that interval's first day."""

    def events(history: tuple[TransitionEvent[Any], ...]) -> tuple[TransitionEvent[Any], ...]:
        return tuple(attrs.evolve(e, date=first_day(e.date)) for e in history)

    def milestone(m: Milestone) -> Milestone:
        children = tuple(milestone(child) for child in m.milestones)
        return attrs.evolve(m, history=events(m.history), milestones=children)

    commitments = tuple(
        attrs.evolve(
            c, history=events(c.history), milestones=tuple(milestone(m) for m in c.milestones)
        )
        for c in plan.commitments
    )
    return attrs.evolve(plan, history=events(plan.history), commitments=commitments)


def children_first(milestones: tuple[Milestone, ...]) -> list[Milestone]:
    """Every milestone at every depth, each after its children (so a parent completes last)."""
    found: list[Milestone] = []
    for m in milestones:
        found.extend(children_first(m.milestones))
        found.append(m)
    return found


def replay(plan: ActionPlan) -> ActionPlan:
    """
    Rebuild *plan* from a new plan in ``planning`` by moving it with `lifecycle.transition`.

    Every event of the plan, its commitments and its milestones is replayed in date order (on
    one day: the plan's moves up to implementation, then milestones, children before their
    parents, then commitments, then the plan's later moves), so every guard of the transition
    tables is checked. An event dated by a month or a year is replayed on its first day (see
    `on_days`). An unrecorded status stays unrecorded.
    """

    def reset(milestone: Milestone) -> Milestone:
        children = tuple(reset(child) for child in milestone.milestones)
        status = None if milestone.status is None else MilestoneStatus.PLANNED
        return attrs.evolve(milestone, status=status, history=(), milestones=children)

    start = attrs.evolve(
        plan,
        status=None if plan.status is None else PlanStatus.PLANNING,
        history=(),
        submitted_on=None,
        commitments=tuple(
            attrs.evolve(
                c,
                status=None if c.status is None else CommitmentStatus.PLANNED,
                history=(),
                milestones=tuple(reset(m) for m in c.milestones),
            )
            for c in plan.commitments
        ),
    )
    started = next((i for i, e in enumerate(plan.history) if e.to is PlanStatus.IMPLEMENTATION), -1)
    moves: list[tuple[datetime.date, int, int, lc.Target, TransitionEvent[Any]]] = []
    for index, plan_event in enumerate(plan.history):
        rank = 0 if index <= started else 3
        moves.append((first_day(plan_event.date), rank, len(moves), None, plan_event))
    for commitment in plan.commitments:
        for c_event in commitment.history:
            moves.append((first_day(c_event.date), 2, len(moves), commitment.id, c_event))
        for milestone in children_first(commitment.milestones):
            pair = (commitment.id, milestone.id)
            for m_event in milestone.history:
                moves.append((first_day(m_event.date), 1, len(moves), pair, m_event))
    current = start
    for day, _, _, target, event in sorted(moves, key=lambda move: move[:3]):
        current = lc.transition(
            current, event.to, on=day, target=target, actor_id=event.actor_id, note=event.note
        )
    return current


class TestValues:
    @given(texts())
    def test_texts_are_not_blank(self, text: Text) -> None:
        """Texts are never blank."""
        expected: tuple[object, ...] = (True, False)
        assert expected == (isinstance(text, Text), text.is_blank)

    @given(texts(languages=("fr-CA", "en"), plain=False))
    def test_language_maps_use_the_given_tags(self, text: Text) -> None:
        """Language maps are keyed by the given tags only."""
        assert set(text.languages) <= {"fr-CA", "en"}
        assert not text.is_plain

    @given(texts(plain=True))
    def test_plain_texts(self, text: Text) -> None:
        """plain=True yields plain strings only."""
        assert text.is_plain

    def test_texts_shrink_to_one_word(self) -> None:
        """The smallest text is a plain one-word string."""
        expected = Text("plan")
        assert expected == hypothesis.find(texts(), lambda _: True)

    @given(partial_dates(min_year=2020, max_year=2021, precisions=("month", "day")))
    def test_partial_dates_keep_their_bounds(self, date: PartialDate) -> None:
        """Partial dates have a drawn precision and a year within the bounds."""
        expected: tuple[object, ...] = (True, True)
        assert expected == (date.precision in ("month", "day"), 2020 <= date.year <= 2021)

    @given(dates(min_year=2023, max_year=2023))
    def test_dates_are_full_dates_in_range(self, day: datetime.date) -> None:
        """Dates are full calendar dates within the years given."""
        assert type(day) is datetime.date
        assert day.year == 2023

    @given(periods(complete=False))
    def test_periods_never_end_before_they_start(self, period: Period) -> None:
        """A period never ends before it starts."""
        assert isinstance(period, Period)
        assert not period.ends_before_start()

    @given(periods(), st.data())
    def test_periods_within_a_period(self, outer: Period, data: st.DataObject) -> None:
        """A period drawn within another is complete and not outside it."""
        inner = data.draw(periods(within=outer))
        expected: tuple[object, ...] = (True, False, False)
        assert expected == (inner.is_complete, inner.is_outside(outer), inner.ends_before_start())

    def test_periods_within_a_reversed_period(self) -> None:
        """A period that ends before it starts has no room for another."""
        reversed_period = Period(PartialDate(2024), PartialDate(2023))
        with pytest.raises(InvalidArgument, match="ends before it starts"):
            hypothesis.find(periods(within=reversed_period), lambda _: True)

    @given(links())
    def test_links(self, link: Link) -> None:
        """Links have an http(s) URL, or one per language of the given tags."""
        urls = link.urls("es")
        expected: tuple[object, ...] = (True, False)
        assert expected == (set(urls) <= {"es", "en"}, link.is_relative)
        assert all(url.lower().startswith(("http://", "https://")) for url in urls.values())

    @given(links(relative=True))
    def test_relative_links_resolve(self, link: Link) -> None:
        """relative=True also yields relative references, which a base URL resolves."""
        base = "https://open.example/ogp/"
        for tag in link.urls("es"):
            absolute = link.absolute(base, tag)
            assert absolute is not None
            assert absolute.lower().startswith(("http://", "https://"))

    def test_relative_links_are_drawn(self) -> None:
        """Some links drawn with relative=True are relative."""
        assert hypothesis.find(links(relative=True), lambda link: link.is_relative).is_relative

    @pytest.mark.parametrize(
        "strategy",
        [
            pytest.param(lambda: texts(languages=()), id="no-languages"),
            pytest.param(lambda: texts(languages=("not a tag",)), id="bad-tag"),
            pytest.param(lambda: partial_dates(min_year=2030, max_year=2020), id="years"),
            pytest.param(lambda: partial_dates(precisions=WEEK), id="precision"),
        ],
    )
    def test_bad_arguments(self, strategy: Any) -> None:
        """Arguments a strategy cannot meet raise InvalidArgument."""
        with pytest.raises(InvalidArgument):
            hypothesis.find(strategy(), lambda _: True)


class TestParts:
    @given(stakeholders(ids=("muni", "ong"), parent_ids=("muni",)))
    def test_stakeholders(self, stakeholder: Stakeholder) -> None:
        """Stakeholders take their id and parent from the ids given."""
        assert stakeholder.id in ("muni", "ong")
        assert stakeholder.parent_id in (None, "muni")

    def test_stakeholders_shrink(self) -> None:
        """The smallest stakeholder is a government organization with a one-word name."""
        found = hypothesis.find(stakeholders(), lambda _: True)
        expected: tuple[object, ...] = ("muni", "government", "organization", Text("plan"))
        assert expected == (found.id, found.sector.value, found.kind.value, found.name)

    @given(histories("milestone"))
    def test_histories_replay_cleanly(self, history: tuple[TransitionEvent[Any], ...]) -> None:
        """A history is a chain of allowed transitions with notes where needed."""
        expected: tuple[object, ...] = ()
        assert expected == lc.replay(history, "milestone")

    @pytest.mark.parametrize("kind", ["plan", "commitment", "milestone"])
    @settings(max_examples=20)
    @given(data=st.data())
    def test_histories_end_in_the_state_asked(self, kind: lc.Kind, data: st.DataObject) -> None:
        """A history ends in the state asked for and starts on the day given."""
        to = data.draw(st.sampled_from(STATES[kind]))
        start = datetime.date(2023, 1, 1)
        history = data.draw(histories(kind, to=to, start=start))
        status = history[-1].to if history else lc.TABLES[kind].initial
        expected: tuple[object, ...] = (to, ())
        assert expected == (status, lc.replay(history, kind, status=to))
        assert all(first_day(event.date) >= start for event in history)

    def test_histories_have_month_dates(self) -> None:
        """Some events are dated by a month; with precisions=("day",), none is."""
        found = hypothesis.find(
            histories("milestone"), lambda h: any(isinstance(e.date, PartialDate) for e in h)
        )
        assert any(isinstance(e.date, PartialDate) and e.date.precision == "month" for e in found)

        @given(histories("commitment", precisions=("day",)))
        def days_only(history: tuple[TransitionEvent[Any], ...]) -> None:
            assert all(type(e.date) is datetime.date for e in history)

        days_only()

    @settings(max_examples=30)
    @given(
        milestones(
            status="delayed",
            max_children=2,
            max_depth=3,
            within=Period(PartialDate(2023), PartialDate(2024)),
        )
    )
    def test_milestones(self, milestone: Milestone) -> None:
        """A milestone has the status asked for, nests at most as deep, and lies within."""
        outer = Period(PartialDate(2023), PartialDate(2024))
        depth = max((len(m.id.split(".")) for m in milestone.iter_milestones()), default=1)
        assert milestone.status is MilestoneStatus.DELAYED
        assert depth <= 3
        assert milestone.period is not None
        assert not milestone.period.is_outside(outer)

    @settings(max_examples=30)
    @given(commitments(stakeholder_ids=("muni",), goal_ids=("g1",)))
    def test_commitments_meet_the_commitment_rules(self, commitment: Commitment) -> None:
        """A commitment placed in a complete plan adds no error."""
        plan = ogpmodel.loads(
            '{"schema_version": "1.0", "id": "p", "title": "T", "language": "es",'
            ' "member": {"name": "M", "membership": "local", "country": "CL"},'
            ' "period": {}, "status": "planning", "commitments": [],'
            ' "stakeholders": [{"id": "muni", "name": "M", "kind": "organization",'
            ' "sector": "government"}],'
            ' "strategic_vision": {"text": "V", "goals": [{"id": "g1", "text": "G"}]}}'
        )
        plan = attrs.evolve(plan, status=PlanStatus.SUBMITTED, commitments=(commitment,))
        stage_free = {code for code in error_codes(plan) if not code.startswith("plan.")}
        expected: set[str] = set()
        assert expected == stage_free

    @given(commitments(status=CommitmentStatus.COMPLETED))
    def test_completed_commitments_close_their_milestones(self, commitment: Commitment) -> None:
        """A completed commitment has only completed, cancelled or unrecorded milestones."""
        assert all(
            m.status is None or m.status in lc.CLOSED_MILESTONE_STATES
            for m in commitment.iter_milestones()
        )

    @given(assessments(commitment_ids=("C1",), types=(IrmReview,), plan_start_year=2022))
    def test_assessments(self, assessment: Any) -> None:
        """IRM reviews of a 2022 plan name the commitment given and carry no legacy indicator."""
        assert isinstance(assessment, IrmReview)
        expected: tuple[object, ...] = ("C1", None, None)
        assert expected == (
            assessment.commitment_id,
            assessment.specificity,
            assessment.potential_impact,
        )

    @given(assessments())
    def test_assessments_of_any_type(self, assessment: Any) -> None:
        """Assessments are inception reports, end-of-commitment reports or IRM reviews."""
        assert type(assessment).__name__ in (
            "InceptionReport",
            "EndOfCommitmentReport",
            "IrmReview",
        )


class TestActionPlans:
    @given(action_plans())
    def test_plans_are_valid(self, plan: ActionPlan) -> None:
        """Every plan passes validate() with no errors."""
        expected: set[str] = set()
        assert expected == error_codes(plan)

    @pytest.mark.parametrize("membership", list(Membership), ids=str)
    @pytest.mark.parametrize("status", list(PlanStatus), ids=str)
    @settings(max_examples=10)
    @given(data=st.data())
    def test_each_membership_and_status(
        self, membership: Membership, status: PlanStatus, data: st.DataObject
    ) -> None:
        """Plans of each membership and status are valid and have that membership and status."""
        plan = data.draw(action_plans(membership=membership, status=status))
        expected: tuple[object, ...] = (membership, status, set())
        assert expected == (plan.member.membership, plan.status, error_codes(plan))

    @pytest.mark.parametrize(
        "options",
        [
            pytest.param({"optional_fields": False}, id="no-optional-fields"),
            pytest.param({"max_commitments": 6, "max_milestones": 5, "max_depth": 3}, id="large"),
            pytest.param({"min_commitments": 2, "languages": ("fr-CA",)}, id="fr-CA"),
            pytest.param({"max_commitments": 0, "max_depth": 0}, id="empty-drafts"),
        ],
    )
    @settings(max_examples=20)
    @given(data=st.data())
    def test_sizes_and_options(self, options: dict[str, Any], data: st.DataObject) -> None:
        """Plans respect their size arguments and stay valid."""
        plan = data.draw(action_plans(**options))
        assert not error_codes(plan)
        assert options.get("min_commitments", 0) <= len(plan.commitments)
        assert len(plan.commitments) <= options.get("max_commitments", 3)
        for commitment in plan.commitments:
            assert len(list(commitment.iter_milestones())) <= options.get("max_milestones", 3)
        assert plan.language in options.get("languages", ("es", "en"))

    @settings(max_examples=20)
    @given(action_plans(optional_fields=False, status="submitted"))
    def test_without_optional_fields(self, plan: ActionPlan) -> None:
        """optional_fields=False leaves out what a valid plan can do without."""
        expected: tuple[object, ...] = ((), None, {}, ())
        assert expected == (plan.links, plan.description, dict(plan.extensions), plan.assessments)

    @settings(max_examples=50)
    @given(action_plans())
    def test_histories_replay_through_transitions(self, plan: ActionPlan) -> None:
        """Rebuilding a plan with lifecycle.transition from 'planning' passes every guard."""
        assert replay(plan) == on_days(plan)

    @given(action_plans())
    def test_plans_are_consistent_in_what_1_1_adds(self, plan: ActionPlan) -> None:
        """Relative links have a base_url, titles do not repeat, no history order is uncertain."""
        owners: list[Any] = [plan, *plan.commitments, *(m for _, m in plan.iter_milestones())]
        links_of = [link for owner in owners for link in owner.links]
        milestone_titles = [
            [title_key(m.title) for m in c.iter_milestones()] for c in plan.commitments
        ]
        commitment_titles = [title_key(c.title) for c in plan.commitments]
        expected: tuple[object, ...] = (True, True, True, True, True, False)
        assert expected == (
            plan.base_url is not None or not any(link.is_relative for link in links_of),
            all(s.name is not None or s.acronym is not None for s in plan.stakeholders),
            len(set(commitment_titles)) == len(commitment_titles),
            all(len(set(titles)) == len(titles) for titles in milestone_titles),
            all(owner.history == () for owner in owners if owner.status is None),
            "lifecycle.history-order-uncertain" in ogpmodel.validate(plan).codes,
        )

    def test_plans_use_what_1_1_adds(self) -> None:
        """Plans come with unrecorded statuses, acronyms alone, base URLs and month dates."""
        wanted: dict[str, Callable[[ActionPlan], bool]] = {
            "an unrecorded plan status": lambda p: p.status is None,
            "an unrecorded commitment status": lambda p: any(
                c.status is None for c in p.commitments
            ),
            "an acronym without a name": lambda p: any(s.name is None for s in p.stakeholders),
            "a relative link": lambda p: any(
                link.is_relative for c in p.commitments for link in c.links
            ),
            "a month-dated milestone event": lambda p: any(
                isinstance(e.date, PartialDate) for _, m in p.iter_milestones() for e in m.history
            ),
            "a completed parent milestone": lambda p: any(
                m.status is MilestoneStatus.COMPLETED and m.milestones
                for _, m in p.iter_milestones()
            ),
        }
        first_only = settings(phases=[Phase.generate], database=None, max_examples=1000)
        for name, condition in wanted.items():
            found = hypothesis.find(action_plans(), condition, settings=first_only)
            assert condition(found), name

    def test_shrinks_to_a_small_plan(self) -> None:
        """The smallest plan with a commitment has one commitment, at most one milestone, one word."""
        plan = hypothesis.find(action_plans(), lambda p: len(p.commitments) >= 1)
        expected: tuple[object, ...] = (1, True, Text("plan"))
        assert expected == (
            len(plan.commitments),
            len(plan.commitments[0].milestones) <= 1,
            plan.commitments[0].title,
        )

    @pytest.mark.parametrize(
        "options",
        [
            pytest.param({"status": "approved"}, id="status"),
            pytest.param({"membership": "regional"}, id="membership"),
            pytest.param({"min_commitments": 4, "max_commitments": 3}, id="sizes"),
            pytest.param({"status": "submitted", "max_commitments": 0}, id="impossible"),
        ],
    )
    def test_bad_arguments(self, options: dict[str, Any]) -> None:
        """Arguments no valid plan can meet raise InvalidArgument."""
        with pytest.raises(InvalidArgument):
            action_plans(**options)


class TestAnyPlans:
    @given(action_plans(valid=False))
    def test_round_trip(self, plan: ActionPlan) -> None:
        """Plans the model accepts survive a round trip through OGP JSON text."""
        assert isinstance(plan, ActionPlan)
        assert ogpmodel.loads(ogpmodel.dumps(plan)) == plan

    @given(action_plans(valid=False))
    def test_validate_never_raises(self, plan: ActionPlan) -> None:
        """validate() reports on any plan the model accepts without raising."""
        assert isinstance(ogpmodel.validate(plan, as_of=datetime.date(2030, 1, 1)).findings, tuple)

    def test_rules_are_broken(self) -> None:
        """Some plans the model accepts have errors (the rules are ignored)."""
        first_only = settings(phases=[Phase.generate], database=None)
        plan = hypothesis.find(
            action_plans(valid=False), lambda p: bool(error_codes(p)), settings=first_only
        )
        assert error_codes(plan)


class TestDocuments:
    @settings(max_examples=50)
    @given(documents(membership="national"))
    def test_documents_read_back(self, document: dict[str, Any]) -> None:
        """Documents are OGP JSON dicts that read back into valid plans."""
        plan = ogpmodel.from_dict(document)
        expected: tuple[object, ...] = (ogpmodel.SCHEMA_VERSION, "national", set())
        assert expected == (
            document["schema_version"],
            plan.member.membership.value,
            error_codes(document),
        )


#: The codes of the document layer (a document that cannot be read as it is).
DOCUMENT_CODES = frozenset(
    r.code for r in ogpmodel.rules() if r.code.startswith(("schema.", "text.", "limits."))
)


class TestBrokenPlans:
    @pytest.mark.parametrize("code", ALL_CODES)
    def test_breaks_exactly_one_rule(self, code: str) -> None:
        """Each plan reports its code and no other error code (validated with its as_of)."""
        if code not in breakable_codes():
            with pytest.raises(ValueError, match=r"lifecycle transitions only|cannot break"):
                broken_plans(code)
            return

        @settings(max_examples=10)
        @given(broken_plans(code))
        def check(broken: BrokenPlan) -> None:
            plan_or_document, found = broken
            report = ogpmodel.validate(plan_or_document, as_of=broken.as_of)
            errors = {f.code for f in report.errors}
            if code in DOCUMENT_CODES:
                # The rules run on the rest and may report what the wrong part leaves out.
                errors &= DOCUMENT_CODES
            expected: tuple[object, ...] = (code, True, set())
            assert expected == (found, code in report.codes, errors - {code})

        check()

    def test_every_validation_rule_is_breakable(self) -> None:
        """Every code of rules() can be broken alone, but transition-only and UNBREAKABLE codes."""
        from ogpmodel.strategies._broken import UNBREAKABLE

        codes = [r.code for r in ogpmodel.rules() if r.code not in UNBREAKABLE]
        assert codes == list(breakable_codes())
        converters = {r.code for r in ogpmodel.rules() if r.family == "import"}
        assert {"import.unreadable", "import.kept-in-extensions"} <= converters
        expected_unbreakable = {
            "limits.document-size",
            "schema.unchecked",
            "validation.rule-failed",
        }
        assert expected_unbreakable | converters == set(UNBREAKABLE)
        transition_only = [
            r.code for r in ogpmodel.rules(include_transition_only=True) if r.transition_only
        ]
        expected = ["lifecycle.from-unrecorded-status", "lifecycle.submission-requirements-unmet"]
        assert expected == transition_only

    @settings(max_examples=30)
    @given(broken_plans())
    def test_any_code(self, broken: BrokenPlan) -> None:
        """Without a code, broken plans break any breakable rule."""
        plan_or_document, code = broken
        assert code in breakable_codes()
        assert code in ogpmodel.validate(plan_or_document, as_of=broken.as_of).codes

    @pytest.mark.parametrize(
        ("code", "form"),
        [
            ("schema.invalid-json", str),
            ("schema.enum", dict),
            ("text.empty", dict),
            ("plan.not-endorsed", ActionPlan),
        ],
    )
    @settings(max_examples=5)
    @given(data=st.data())
    def test_forms(self, code: str, form: type, data: st.DataObject) -> None:
        """Schema codes yield text or documents; the other codes yield plans."""
        broken = data.draw(broken_plans(code))
        assert isinstance(broken.plan_or_document, form)

    @settings(max_examples=10)
    @given(broken_plans("deadline.plan-period-over"))
    def test_deadlines_carry_as_of(self, broken: BrokenPlan) -> None:
        """Deadline codes carry the date to validate with; without it the plan is clean."""
        assert broken.as_of is not None
        assert broken.code not in ogpmodel.validate(broken.plan_or_document).codes

    def test_unknown_code(self) -> None:
        """An unknown code raises ValueError naming the nearest code."""
        with pytest.raises(ValueError, match=r"'plan\.not-endorsed'"):
            broken_plans("plan.not-endorse")

    def test_broken_plan_is_a_pair_with_as_of(self) -> None:
        """BrokenPlan unpacks as a pair, keeps as_of, compares and pickles with it."""
        day = datetime.date(2024, 1, 1)
        broken = BrokenPlan("{", "schema.invalid-json", day)
        text, code = broken
        expected: tuple[object, ...] = ("{", "schema.invalid-json", day, 2)
        assert expected == (text, code, broken.as_of, len(broken))
        assert pickle.loads(pickle.dumps(broken)) == broken  # noqa: S301 - our own data
        assert broken != BrokenPlan("{", "schema.invalid-json")
        assert "as_of=datetime.date(2024, 1, 1)" in repr(broken)
        with pytest.raises(AttributeError):
            broken.as_of = None


class TestFromType:
    def test_plugin_is_registered(self) -> None:
        """The hypothesis entry point of the installed distribution names the plugin."""
        entries = importlib.metadata.entry_points(group="hypothesis")
        assert "ogpmodel._hypothesis_plugin:_setup" in {e.value for e in entries}

    @pytest.mark.parametrize("cls", MODEL_CLASSES)
    def test_every_model_class(self, cls: type) -> None:
        """st.from_type works for every attrs class ogpmodel exports, with our strategy."""
        assert strategy_for(cls) is not None

        @settings(max_examples=5)
        @given(st.from_type(cls))
        def check(value: object) -> None:
            assert isinstance(value, cls)

        check()

    @pytest.mark.parametrize("cls", ENTITY_CLASSES)
    def test_every_class_of_the_model(self, cls: type) -> None:
        """strategy_for draws every class of ogpmodel.model, exported at the top or not."""

        @settings(max_examples=5)
        @given(strategy_for(cls))
        def check(value: object) -> None:
            assert isinstance(value, cls)

        check()

    @settings(max_examples=20)
    @given(st.from_type(TransitionEvent[PlanStatus]))
    def test_parametrised_events(self, event: TransitionEvent[PlanStatus]) -> None:
        """TransitionEvent[PlanStatus] yields allowed plan transitions."""
        assert lc.PLAN.find(event.from_, event.to) is not None

    @given(st.from_type(InceptionReport))
    def test_assessment_classes(self, report: InceptionReport) -> None:
        """Each assessment class yields its own type."""
        assert isinstance(report, InceptionReport)

    def test_unknown_class(self) -> None:
        """strategy_for refuses classes ogpmodel does not export."""
        with pytest.raises(LookupError):
            strategy_for(int)


class TestPublicNames:
    def test_all(self) -> None:
        """The module exports the strategies, BrokenPlan, breakable_codes and bounded_schema, sorted."""
        expected = [
            "BrokenPlan",
            "action_plans",
            "assessments",
            "bounded_schema",
            "breakable_codes",
            "broken_plans",
            "commitments",
            "dates",
            "documents",
            "histories",
            "links",
            "milestones",
            "partial_dates",
            "periods",
            "stakeholders",
            "strategy_for",
            "texts",
        ]
        assert expected == strategies.__all__

    def test_dir_lists_the_public_names(self) -> None:
        """dir() lists the public names, not the private modules behind them."""
        expected = sorted(strategies.__all__)
        assert expected == dir(strategies)

    @pytest.mark.parametrize("name", strategies.__all__)
    def test_public_names_are_documented(self, name: str) -> None:
        """Every public name is an attribute with a docstring of its own."""
        obj = getattr(strategies, name)
        own = vars(obj).get("__doc__") if isinstance(obj, type) else obj.__doc__

        expected = True
        assert expected == bool(own and own.strip())


class TestHowTo:
    def test_doc_example_is_the_test_file(self) -> None:
        """The example of docs/howto-property-testing.md is tests/test_howto_example.py, verbatim."""
        doc = (ROOT / "docs" / "howto-property-testing.md").read_text(encoding="utf-8")
        found = re.search(
            r'```python title="tests/test_howto_example.py"\n(.*?)```', doc, flags=re.DOTALL
        )
        assert found is not None
        expected = (ROOT / "tests" / "test_howto_example.py").read_text(encoding="utf-8")
        assert expected == found.group(1)
