"""
Every exemption that `ogpmodel.explain` states is real.

For each exemption a rule states of its own, and for each rule that skips what has no recorded
status, a pair of plans: one that would break the rule but for the exempting condition (the rule
does not fire), and the same plan without that condition (the rule fires).
"""

import datetime
import itertools
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from tests.builders import AS_OF, commitment, complete_local_plan, d, milestone, period
from tests.rules.support import (
    completed_commitment,
    national_plan,
    run_rule,
    with_commitment,
    with_milestone,
)

import ogpmodel
from ogpmodel import (
    ActionPlan,
    CommitmentStatus,
    Completion,
    EndOfCommitmentReport,
    Endorsement,
    Forum,
    IRMProduct,
    IrmReview,
    PartialDate,
    PlanStatus,
    Specificity,
    Text,
    TransitionEvent,
)
from ogpmodel.rules import get_rule, rules


@attrs.frozen
class Pair:
    """A plan the rule exempts, the same plan without the exemption, and how to check them."""

    exempt: Callable[[], ActionPlan | dict[str, Any]]
    breaking: Callable[[], ActionPlan | dict[str, Any]]
    as_of: datetime.date | None = AS_OF
    exempt_as_of: datetime.date | None = None
    exempt_profile: str | None = None
    profile: str | None = None
    document: bool = False  # check the OGP JSON of the plans with validate()


_WITHDRAWN = {"status": PlanStatus.WITHDRAWN}
_LATE = datetime.date(2024, 2, 1)  # the builders' milestone (ending 2023-12) is overdue


def _titled(*titles: Text) -> ActionPlan:
    return complete_local_plan(
        commitments=tuple(
            commitment(id=f"CLMPU000{n}", title=title) for n, title in enumerate(titles, 1)
        )
    )


def _two_milestones(second_period: str) -> ActionPlan:
    twin = milestone(id="2", title=milestone().title, period=period(second_period, "2023-12"))
    return with_commitment(milestones=(milestone(), twin))


def _count(n: int) -> ActionPlan:
    return national_plan(commitments=tuple(commitment(id=f"CL{i:04d}") for i in range(1, n + 1)))


def _withdrawn(*through: PlanStatus) -> ActionPlan:
    states = (PlanStatus.PLANNING, PlanStatus.CO_CREATION, *through, PlanStatus.WITHDRAWN)
    history = tuple(
        TransitionEvent(a, b, d("2023-01-01"), note=Text("Retirado"))
        for a, b in itertools.pairwise(states)
    )
    return complete_local_plan(status=PlanStatus.WITHDRAWN, submitted_on=None, history=history)


def _ended_early(**changes: object) -> ActionPlan:
    plan = complete_local_plan(commitments=(commitment(**changes),))
    ended = TransitionEvent(PlanStatus.IMPLEMENTATION, PlanStatus.ENDED, d("2024-01-01"))
    return attrs.evolve(plan, status=PlanStatus.ENDED, history=(*plan.history, ended))


def _moved_on(day: str, **changes: object) -> ActionPlan:
    moved = TransitionEvent(CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS, d(day))
    return complete_local_plan(commitments=(commitment(history=(moved,)),), **changes)


def _irm(start: str | None, **ratings: object) -> ActionPlan:
    review = IrmReview(
        date=PartialDate.parse("2024"),
        commitment_id="CLMPU0001",
        product=IRMProduct.RESULTS_REPORT,
        **ratings,  # type: ignore[arg-type]
    )
    return complete_local_plan(period=period(start, "2024-08"), assessments=(review,))


def _rated(first: str, second: str) -> ActionPlan:
    def report(date: str, completion: Completion) -> EndOfCommitmentReport:
        return EndOfCommitmentReport(
            date=PartialDate.parse(date),
            commitment_id="CLMPU0001",
            completion=completion,
            did_it_open_government=ogpmodel.DidItOpenGovernment(),
        )

    reports = (report(first, Completion.COMPLETE), report(second, Completion.LIMITED))
    return complete_local_plan(assessments=reports)


def _document(entity: str, *, index: int = 0, drop: bool = False) -> dict[str, Any]:
    """
    `complete_local_plan` as a document whose *entity* (a JSON Pointer to a list) loses an item.

    The item is given a title or name that is not text (a part with errors), or, with *drop*,
    taken out of the document.
    """
    document = ogpmodel.to_dict(complete_local_plan())
    *parents, name = entity.strip("/").split("/")
    items = document
    for part in parents:
        items = items[part]
    if drop:
        del items[name][index]
    else:
        item = items[name][index]
        item["name" if "name" in item else "title" if "title" in item else "text"] = 5
    return document


def _reference(entity: str, index: int = 0) -> Pair:
    return Pair(
        lambda: _document(entity, index=index),
        lambda: _document(entity, index=index, drop=True),
    )


#: For each rule, one pair per exemption of its own, in the order the rule states them.
OWN: dict[str, tuple[Pair, ...]] = {
    "id.duplicate": (
        Pair(
            lambda: complete_local_plan(commitments=(commitment(), commitment(id="CLMPU0002"))),
            lambda: with_commitment(milestones=(milestone(), milestone())),
        ),
    ),
    "reference.unknown-stakeholder": (_reference("/stakeholders", 2),),
    "reference.unknown-goal": (_reference("/strategic_vision/goals"),),
    "reference.unknown-commitment": (_reference("/commitments"),),
    "period.end-before-start": (
        Pair(
            lambda: with_milestone(period=period("2023-05-10", "2023-05")),
            lambda: with_milestone(period=period("2023-05-10", "2023-04")),
        ),
    ),
    "period.milestone-outside-commitment": (
        Pair(
            lambda: with_milestone(period=period("2023-03", "2024")),
            lambda: with_milestone(period=period("2023-03", "2025")),
        ),
        Pair(
            lambda: with_commitment(
                period=None, milestones=(milestone(period=period("2020", "2021")),)
            ),
            lambda: with_commitment(milestones=(milestone(period=period("2020", "2021")),)),
        ),
    ),
    "period.milestone-outside-plan": (
        Pair(
            lambda: with_commitment(
                period=period("2020", "2030"),
                milestones=(milestone(period=period("2026", "2027")),),
            ),
            lambda: with_commitment(
                period=None, milestones=(milestone(period=period("2026", "2027")),)
            ),
        ),
    ),
    "period.commitment-outside-plan": (
        Pair(
            lambda: with_commitment(period=period("2023-03", "2024")),
            lambda: with_commitment(period=period("2023-03", "2025")),
        ),
    ),
    "period.submitted-after-start": (
        Pair(
            lambda: complete_local_plan(period=period("2023", "2024-08")),
            lambda: complete_local_plan(period=period("2023-01-15", "2024-08")),
        ),
    ),
    "milestone.no-end-date": (
        Pair(
            lambda: with_milestone(period=period("2023-03", None), milestones=(milestone(id="2"),)),
            lambda: with_milestone(period=period("2023-03", None)),
        ),
        Pair(
            lambda: with_milestone(period=period("2023-03", None), deadline_note=Text("Q3")),
            lambda: with_milestone(period=period("2023-03", None)),
        ),
    ),
    "commitment.duplicate-title": (
        Pair(
            lambda: _titled(Text({"es": "Uno", "en": "One"}), Text({"es": "Uno", "en": "First"})),
            lambda: _titled(Text({"es": "Uno", "en": "One"}), Text({"es": "Uno", "en": "One"})),
        ),
    ),
    "milestone.duplicate": (
        Pair(
            lambda: complete_local_plan(commitments=(commitment(), commitment(id="CLMPU0002"))),
            lambda: _two_milestones("2023-03"),
        ),
        Pair(lambda: _two_milestones("2023-04"), lambda: _two_milestones("2023-03")),
    ),
    "plan.too-many-commitments": (
        Pair(lambda: _count(6), lambda: _count(6), exempt_profile="national", profile="local"),
    ),
    "plan.commitment-count-outside-recommendation": (
        Pair(lambda: _count(1), lambda: _count(1), exempt_profile="local", profile="national"),
        Pair(lambda: _count(0), lambda: _count(1), exempt_profile="national", profile="national"),
    ),
    "plan.forum-not-multistakeholder": (
        Pair(
            lambda: complete_local_plan(forum=Forum(name=Text("Foro"), member_ids=())),
            lambda: complete_local_plan(forum=Forum(name=Text("Foro"), member_ids=("muni",))),
        ),
    ),
    "plan.not-endorsed": (
        Pair(
            lambda: complete_local_plan(
                submitted_on=None, endorsements=(Endorsement("fundacion", d("2030-01-01")),)
            ),
            lambda: complete_local_plan(endorsements=(Endorsement("fundacion", d("2030-01-01")),)),
        ),
    ),
    "plan.missing-submission-date": (
        Pair(lambda: _withdrawn(), lambda: _withdrawn(PlanStatus.SUBMITTED)),
    ),
    "deadline.inception-report-overdue": (
        Pair(
            lambda: complete_local_plan(assessments=(), **_WITHDRAWN),
            lambda: complete_local_plan(assessments=()),
        ),
        Pair(
            lambda: complete_local_plan(assessments=(), submitted_on=None),
            lambda: complete_local_plan(assessments=()),
        ),
    ),
    "deadline.end-of-commitment-report-overdue": (
        Pair(
            lambda: complete_local_plan(commitments=(completed_commitment(),), **_WITHDRAWN),
            lambda: complete_local_plan(commitments=(completed_commitment(),)),
        ),
        Pair(
            lambda: complete_local_plan(commitments=(completed_commitment(history=()),)),
            lambda: complete_local_plan(commitments=(completed_commitment(),)),
        ),
    ),
    "deadline.milestone-overdue": (
        Pair(lambda: complete_local_plan(**_WITHDRAWN), complete_local_plan, as_of=_LATE),
        Pair(
            lambda: with_commitment(status=CommitmentStatus.WITHDRAWN),
            complete_local_plan,
            as_of=_LATE,
        ),
        Pair(
            complete_local_plan,
            complete_local_plan,
            exempt_as_of=datetime.date(2023, 12, 31),
            as_of=datetime.date(2024, 1, 1),
        ),
    ),
    "deadline.plan-period-over": (
        Pair(
            lambda: complete_local_plan(period=period("2023-01", None)),
            complete_local_plan,
            as_of=datetime.date(2024, 10, 1),
        ),
    ),
    "lifecycle.status-mismatch": (
        Pair(
            lambda: with_commitment(status=CommitmentStatus.COMPLETED, history=()),
            lambda: with_commitment(status=CommitmentStatus.COMPLETED),
        ),
    ),
    "lifecycle.plan-not-in-implementation": (
        Pair(lambda: _moved_on("2023-01-15", history=()), lambda: _moved_on("2023-01-15")),
    ),
    "assessment.completion-regressed": (
        Pair(lambda: _rated("2023", "2023-06"), lambda: _rated("2022", "2023-06")),
    ),
    "assessment.indicator-era": (
        Pair(
            lambda: _irm("2019", specificity=Specificity.LOW),
            lambda: _irm("2022", specificity=Specificity.LOW),
        ),
        Pair(
            lambda: _irm(None, specificity=Specificity.LOW),
            lambda: _irm("2022", specificity=Specificity.LOW),
        ),
    ),
}

#: For each rule that skips what has no recorded status: a pair whose one difference is a status.
UNRECORDED: dict[str, Pair] = {
    "deadline.milestone-overdue": Pair(
        lambda: with_milestone(status=None, history=()), complete_local_plan, as_of=_LATE
    ),
    "deadline.end-of-commitment-report-overdue": Pair(
        lambda: complete_local_plan(commitments=(completed_commitment(status=None),)),
        lambda: complete_local_plan(commitments=(completed_commitment(),)),
    ),
    "deadline.plan-period-over": Pair(
        lambda: complete_local_plan(status=None, history=()),
        lambda: complete_local_plan(history=()),
        as_of=datetime.date(2024, 10, 1),
    ),
    "plan.missing-submission-date": Pair(
        lambda: complete_local_plan(status=None, submitted_on=None),
        lambda: complete_local_plan(submitted_on=None),
    ),
    "lifecycle.status-mismatch": Pair(
        lambda: with_commitment(status=None),
        lambda: with_commitment(status=CommitmentStatus.COMPLETED),
    ),
    "lifecycle.completed-with-open-milestones": Pair(
        lambda: complete_local_plan(
            commitments=(completed_commitment(milestones=(milestone(status=None, history=()),)),)
        ),
        lambda: complete_local_plan(commitments=(completed_commitment(milestones=(milestone(),)),)),
    ),
    "lifecycle.plan-period-not-over": Pair(
        lambda: _ended_early(status=None, history=()), lambda: _ended_early()
    ),
}

CASES = [
    pytest.param(code, pair, id=f"{code}[{index}]")
    for code, pairs in OWN.items()
    for index, pair in enumerate(pairs)
] + [pytest.param(code, pair, id=f"{code}[unrecorded]") for code, pair in UNRECORDED.items()]


def _fires(code: str, plan: object, as_of: datetime.date | None, profile: str | None) -> bool:
    if not isinstance(plan, ActionPlan):  # a document: validate() reads it, then runs the rules
        return code in ogpmodel.validate(plan, as_of=as_of, profile=profile).codes  # type: ignore[arg-type]
    return any(f.code == code for f in run_rule(code, plan, as_of=as_of, profile=profile))


@pytest.mark.parametrize(("code", "pair"), CASES)
def test_exemption_is_real(code: str, pair: Pair) -> None:
    """The rule does not fire on the exempt plan, and fires once the exemption is taken away."""
    rule = get_rule(code)
    exempt_as_of = pair.exempt_as_of or pair.as_of if rule.needs_as_of else None
    as_of = pair.as_of if rule.needs_as_of else None
    exempt_profile = pair.exempt_profile or pair.profile
    assert not _fires(code, pair.exempt(), exempt_as_of, exempt_profile)
    assert _fires(code, pair.breaking(), as_of, pair.profile)


def test_every_exemption_has_its_pair() -> None:
    """Each exemption a rule states of its own is shown real by one pair, in the same order."""
    stated = {
        r.code: len(r.exemptions) for r in rules(include_transition_only=True) if r.exemptions
    }
    assert stated == {code: len(pairs) for code, pairs in OWN.items()}


def test_every_rule_needing_a_status_has_its_pair() -> None:
    """Each rule that declares it skips unrecorded statuses is shown to skip them."""
    declared = {r.code for r in rules() if r.needs_status}
    assert declared == set(UNRECORDED)


_FLAGS = ("transition_only", "stage_dependent", "local_only", "needs_as_of", "needs_status")


@pytest.mark.parametrize("rule", rules(include_transition_only=True), ids=lambda r: r.code)
def test_explain_states_every_exemption(rule: ogpmodel.Rule) -> None:
    """explain() lists one exemption per exempting flag, then the rule's own, one per line."""
    lines = ogpmodel.explain(rule.code).splitlines()
    if not rule.all_exemptions():
        assert "Exemptions:" not in lines
        return
    listed = [line.removeprefix("- ") for line in lines[lines.index("Exemptions:") + 1 :]]
    assert listed == list(rule.all_exemptions())
    implied = listed[: len(listed) - len(rule.exemptions)]
    assert len(implied) == sum(getattr(rule, flag) for flag in _FLAGS)
    assert listed[len(implied) :] == [exemption.text() for exemption in rule.exemptions]


def test_a_rule_without_exemptions_lists_none() -> None:
    """A rule that exempts nothing has no exemptions section."""
    assert get_rule("stakeholder.unnamed").all_exemptions() == ()
    assert "Exemptions" not in ogpmodel.explain("stakeholder.unnamed")
