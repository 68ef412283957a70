"""Tests for ogpmodel.stats: counts over a plan or a corpus, and their JSON form."""

import datetime
import gc
import json
import pathlib
import weakref
from collections.abc import Iterator

import attrs
import jsonschema
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import ogpmodel
from ogpmodel import (
    ActionPlan,
    CommitmentDesign,
    Completion,
    EndOfCommitmentReport,
    InceptionReport,
    MilestoneStatus,
    PlanStatus,
    PotentialForResults,
    Stats,
    examples,
    stats,
)
from ogpmodel.assessment import indicators
from ogpmodel.errors import InvalidDocument
from ogpmodel.stats import (
    COMMITMENT_STATUSES,
    COMPLETIONS,
    MILESTONE_STATUSES,
    OGP_VALUES,
    UNRECORDED,
    stats_schema,
)
from ogpmodel.strategies import BrokenPlan, action_plans, broken_plans, dates
from tests.builders import commitment, complete_local_plan, milestone, p
from tests.test_assessment import review as starring_review

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "schemas" / "1.1" / "stats.schema.json").read_text("utf-8"))
FIXTURES = ROOT / "tests" / "fixtures"
AS_OF = datetime.date(2024, 6, 30)

any_plans = action_plans(valid=False)
as_ofs = st.none() | dates()


def count_milestones(plan: ActionPlan) -> int:
    """The milestones of *plan* at every depth, counted by a walk of their own."""
    pending = [m for c in plan.commitments for m in c.milestones]
    total = 0
    while pending:
        total += 1
        pending.extend(pending.pop().milestones)
    return total


def overdue_findings(plan: ActionPlan, as_of: datetime.date) -> int:
    report = ogpmodel.validate(plan, as_of=as_of)
    return sum(f.code == "deadline.milestone-overdue" for f in report.findings)


class TestCountsAddUp:
    @given(any_plans, as_ofs)
    def test_every_count_adds_up(self, plan: ActionPlan, as_of: datetime.date | None) -> None:
        """Statuses and completions add up to the totals; no part exceeds its whole.

        A status that is not recorded counts as unrecorded, never as a state.
        """
        counts = stats(plan, as_of=as_of)
        assert counts.plans == 1
        assert counts.commitments == len(plan.commitments)
        assert sum(counts.commitments_by_status.values()) == counts.commitments
        assert sum(counts.completion.values()) == counts.commitments
        assert counts.milestones == count_milestones(plan)
        assert sum(counts.milestones_by_status.values()) == counts.milestones
        assert 0 <= counts.milestones_completed <= counts.milestones
        for part in (counts.high_completion, counts.starred, counts.substantial_potential):
            assert 0 <= part <= counts.commitments
        unrecorded = sum(1 for c in plan.commitments if c.status is None)
        assert counts.commitments_by_status[UNRECORDED] == unrecorded  # never guessed
        milestones = [m for _, m in plan.iter_milestones()]
        assert counts.milestones_by_status[UNRECORDED] == sum(m.status is None for m in milestones)
        values = counts.commitments_by_value
        assert values[UNRECORDED] == sum(1 for c in plan.commitments if not c.ogp_values)
        assert max(values.values(), default=0) <= counts.commitments
        if as_of is None:
            assert counts.milestones_overdue is None
        else:
            assert counts.milestones_overdue is not None
            assert 0 <= counts.milestones_overdue <= counts.milestones

    @given(st.lists(any_plans, max_size=3), as_ofs)
    def test_a_corpus_is_the_sum_of_its_plans(
        self, plans: list[ActionPlan], as_of: datetime.date | None
    ) -> None:
        """The counts of a corpus equal the sum of the counts of its plans."""
        total = sum((stats(plan, as_of=as_of) for plan in plans), Stats(as_of=as_of))
        assert stats(iter(plans), as_of=as_of) == total
        assert total.plans == len(plans)

    @given(broken_plans())
    def test_never_raises_on_a_broken_but_loadable_plan(self, broken: BrokenPlan) -> None:
        """A plan that breaks a rule (when it can be read) is counted without an error."""
        given_plan = broken.plan_or_document
        if not isinstance(given_plan, ActionPlan):
            try:
                given_plan = (
                    ogpmodel.from_dict(given_plan)
                    if isinstance(given_plan, dict)
                    else ogpmodel.loads(given_plan)
                )
            except InvalidDocument:
                assume(False)
        counts = stats(given_plan, as_of=AS_OF)
        assert sum(counts.commitments_by_status.values()) == counts.commitments


class TestSameIndicatorsAsTheRules:
    @given(any_plans, dates())
    def test_overdue_milestones_are_the_findings_of_the_rule(
        self, plan: ActionPlan, as_of: datetime.date
    ) -> None:
        """Every overdue milestone counted is one `deadline.milestone-overdue` finding."""
        assert stats(plan, as_of=as_of).milestones_overdue == overdue_findings(plan, as_of)

    @given(any_plans)
    def test_ratings_are_the_indicators(self, plan: ActionPlan) -> None:
        """Starred, high completion and completion come from `assessment.indicators`."""
        counts, rated = stats(plan), indicators(plan)
        assert (counts.starred, counts.high_completion) == (rated.starred, rated.high_completion)
        assert counts.substantial_potential == rated.substantial_potential
        latest = [c.completion.value for c in rated.commitments if c.completion is not None]
        for code in COMPLETIONS[:-1]:
            assert counts.completion[code] == latest.count(code)

    def test_an_overdue_milestone_counts_once_until_completed(self) -> None:
        """A milestone in progress past its end is overdue; completed, it is not."""
        late = complete_local_plan()
        as_of = datetime.date(2024, 1, 1)  # the builder's milestone ends in 2023-12
        assert (stats(late, as_of=as_of).milestones_overdue, overdue_findings(late, as_of)) == (
            1,
            1,
        )
        done = milestone(status=MilestoneStatus.COMPLETED, history=())
        plan = complete_local_plan(commitments=(commitment(milestones=(done,)),))
        assert stats(plan, as_of=as_of).milestones_overdue == 0
        withdrawn = attrs.evolve(late, status=PlanStatus.WITHDRAWN)
        assert stats(withdrawn, as_of=as_of).milestones_overdue == 0


class TestLatestAssessments:
    def plan(self, *assessments: object) -> ActionPlan:
        return complete_local_plan(assessments=assessments)

    def test_the_latest_completion_counts(self) -> None:
        """Of two completion ratings, the later one counts, whatever the list order."""
        later = EndOfCommitmentReport(
            date=p("2024-09"), commitment_id="CLMPU0001", completion=Completion.COMPLETE
        )
        earlier = attrs.evolve(later, date=p("2024-03"), completion=Completion.LIMITED)
        counts = stats(self.plan(later, earlier))
        assert counts.completion["complete"] == 1
        assert counts.completion["limited"] == 0
        assert counts.high_completion == 1

    def test_substantial_potential_and_starred(self) -> None:
        """An inception report's substantial potential and a legacy review's star count."""
        design = CommitmentDesign(
            commitment_id="CLMPU0001", potential_for_results=PotentialForResults.SUBSTANTIAL
        )
        inception = InceptionReport(date=p("2023-03"), commitments=(design,))
        counts = stats(self.plan(inception, starring_review()))
        assert (counts.substantial_potential, counts.starred) == (1, 1)
        assert counts.substantial_potential_share == 1.0

    def test_a_later_modest_rating_replaces_a_substantial_one(self) -> None:
        """Potential for results is the latest rating too."""
        ratings = [
            InceptionReport(
                date=p(day),
                commitments=(CommitmentDesign(commitment_id="CLMPU0001", potential_for_results=r),),
            )
            for day, r in (
                ("2023-03", PotentialForResults.SUBSTANTIAL),
                ("2023-05", PotentialForResults.MODEST),
            )
        ]
        assert stats(self.plan(*ratings)).substantial_potential == 0


class TestCorpus:
    def test_a_generator_is_consumed_once_and_no_plan_is_kept(self) -> None:
        """Counting a stream holds at most the plan being counted and the next one."""
        refs: list[weakref.ref[ActionPlan]] = []

        def stream() -> Iterator[ActionPlan]:
            for number in range(4):
                if len(refs) >= 2:
                    gc.collect()
                    assert refs[-2]() is None, "a plan counted before is still held"
                plan = complete_local_plan(id=f"demo-{number}")
                refs.append(weakref.ref(plan))
                yield plan
                del plan

        counts = stats(stream())
        assert (counts.plans, counts.commitments, counts.milestones) == (4, 4, 4)

    def test_stats_of_no_plans(self) -> None:
        """An empty corpus has zero counts and no share."""
        counts = stats([])
        assert (counts.plans, counts.commitments, counts.substantial_potential_share) == (
            0,
            0,
            None,
        )

    def test_adding_stats_of_other_dates_is_refused(self) -> None:
        """Counts as of two dates do not add up."""
        with pytest.raises(ValueError, match="as of"):
            Stats(as_of=AS_OF) + Stats()


class TestCallerErrors:
    @pytest.mark.parametrize("given_value", ["plan.json", b"{}", {"id": "x"}, 7, None])
    def test_something_else_than_plans(self, given_value: object) -> None:
        """A path, JSON text, a dict or a number is refused, naming what was given."""
        with pytest.raises(TypeError, match="plan_or_plans must be an ActionPlan"):
            stats(given_value)  # type: ignore[arg-type]

    def test_an_item_that_is_not_a_plan_is_named_by_position(self) -> None:
        """The first item that is not a plan is named."""
        with pytest.raises(TypeError, match=r"plan_or_plans\[1\] must be an ActionPlan, got str"):
            stats([complete_local_plan(), "plan.json"])  # type: ignore[list-item]

    def test_as_of_must_be_a_date(self) -> None:
        """A date as text is refused."""
        with pytest.raises(TypeError, match=r"as_of must be a datetime\.date"):
            stats(complete_local_plan(), as_of="2024-01-01")  # type: ignore[arg-type]

    def test_counts_have_the_codelist_keys_only(self) -> None:
        """A count under a code the codelist lacks is refused; missing codes count zero."""
        assert Stats(commitments_by_status={"planned": 2}).commitments_by_status == dict.fromkeys(
            COMMITMENT_STATUSES, 0
        ) | {"planned": 2}
        with pytest.raises(ValueError, match="no key 'draft'"):
            Stats(commitments_by_status={"draft": 1})

    def test_counts_are_read_only(self) -> None:
        """The mappings of a `Stats` cannot be changed."""
        counts = stats(complete_local_plan())
        with pytest.raises(TypeError):
            counts.commitments_by_status["planned"] = 9  # type: ignore[index]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            counts.commitments = 9  # type: ignore[misc]


class TestJson:
    @given(st.lists(any_plans, max_size=2), as_ofs)
    def test_json_validates_against_the_published_schema(
        self, plans: list[ActionPlan], as_of: datetime.date | None
    ) -> None:
        """`to_dict` matches `stats.schema.json`, and `to_json` is the same data."""
        counts = stats(plans, as_of=as_of)
        jsonschema.validate(counts.to_dict(), SCHEMA)
        assert json.loads(counts.to_json()) == counts.to_dict()

    def test_the_committed_schema_is_the_generated_one(self) -> None:
        """`stats_schema()` is what `stats.schema.json` holds."""
        assert stats_schema() == SCHEMA

    def test_keys_are_in_codelist_order(self) -> None:
        """Every mapping lists its codelist's codes in order, then 'unrecorded'."""
        data = stats(complete_local_plan()).to_dict()
        assert tuple(data["commitments"]["by_status"]) == COMMITMENT_STATUSES
        assert tuple(data["commitments"]["by_value"]) == OGP_VALUES
        assert tuple(data["commitments"]["completion"]) == COMPLETIONS
        assert tuple(data["milestones"]["by_status"]) == MILESTONE_STATUSES
        assert COMMITMENT_STATUSES[:2] == ("planned", "in_progress")
        assert COMMITMENT_STATUSES[-1] == UNRECORDED


class TestRealPlans:
    def test_maipu(self) -> None:
        """The bundled Maipú example: four planned commitments, one with a core value."""
        counts = stats(examples.maipu(), as_of=AS_OF)
        data = counts.to_dict()
        assert data["commitments"]["total"] == 4
        assert data["commitments"]["by_status"]["planned"] == 4
        assert data["commitments"]["by_value"]["civic_participation"] == 1
        assert data["commitments"]["by_value"][UNRECORDED] == 3
        assert data["commitments"]["completion"][UNRECORDED] == 4
        assert data["milestones"] == {
            "total": 0,
            "by_status": dict.fromkeys(MILESTONE_STATUSES, 0),
            "completed": 0,
            "overdue": 0,
        }

    def test_us_and_canada(self) -> None:
        """The US and Canada plans: the tracker records milestone statuses for the US only."""
        us = stats(ogpmodel.load(FIXTURES / "us-nap5.json"), as_of=AS_OF)
        canada = stats(ogpmodel.load(FIXTURES / "canada-nap5.json"), as_of=AS_OF)
        assert (us.commitments, us.milestones, us.milestones_completed) == (36, 70, 33)
        assert us.milestones_by_status["in_progress"] == 36
        assert us.commitments_by_status[UNRECORDED] == 36
        assert (canada.commitments, canada.milestones) == (5, 125)
        assert canada.milestones_by_status[UNRECORDED] == 125
        both = stats([ogpmodel.load(FIXTURES / f) for f in ("us-nap5.json", "canada-nap5.json")])
        assert (both.plans, both.commitments, both.milestones) == (2, 41, 195)

    def test_text_in_both_languages(self) -> None:
        """The text form names each count in English or Spanish."""
        counts = stats(examples.maipu(), as_of=AS_OF)
        assert "commitments: 4" in counts.to_text()
        assert "compromisos: 4" in counts.to_text("es")
        assert "overdue on 2024-06-30: 0" in counts.to_text()
        assert "Planned 4" in counts.to_text()
