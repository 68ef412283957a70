"""Tests of the plan and co-creation process rules (OGP Local minimum requirements)."""

import attrs
import pytest
from tests.builders import commitment, complete_local_plan, d, minimal_plan
from tests.rules.support import Broken, Case, codes, draft, national_plan, run_rule

from ogpmodel import (
    ActionPlan,
    Commitment,
    Endorsement,
    Forum,
    PlanStatus,
    Role,
    Text,
    TransitionEvent,
)
from ogpmodel.report import Severity
from ogpmodel.rules import Profile


def _commitments(count: int, pattern: str = "CLMPU{:04d}") -> tuple[Commitment, ...]:
    return tuple(commitment(id=pattern.format(n)) for n in range(1, count + 1))


def _without_poc_role(plan: ActionPlan) -> ActionPlan:
    stakeholders = tuple(
        attrs.evolve(s, roles=tuple(r for r in s.roles if r is not Role.POINT_OF_CONTACT))
        for s in plan.stakeholders
    )
    return attrs.evolve(plan, stakeholders=stakeholders)


def no_commitments() -> Case:
    """A plan in implementation with no commitments (and so no assessments)."""
    return Case(complete_local_plan(commitments=(), assessments=()))


def too_many_commitments() -> Case:
    """A local plan with six commitments."""
    return Case(complete_local_plan(commitments=_commitments(6)))


def count_outside_recommendation() -> Case:
    """A national plan with four commitments."""
    return Case(national_plan(commitments=_commitments(4, "CL{:04d}")))


def no_forum() -> Case:
    """A plan without a forum."""
    return Case(complete_local_plan(forum=None))


def forum_not_multistakeholder() -> Case:
    """A forum of government members only."""
    return Case(complete_local_plan(forum=Forum(name=Text("Foro"), member_ids=("muni", "secpla"))))


def not_endorsed() -> Case:
    """A submitted plan that nobody endorsed."""
    return Case(complete_local_plan(endorsements=()))


def no_monitoring_body() -> Case:
    """A local plan without a monitoring body."""
    return Case(complete_local_plan(monitoring_body=None))


def no_point_of_contact() -> Case:
    """A plan with no point_of_contact_id and no stakeholder in that role."""
    return Case(_without_poc_role(complete_local_plan(point_of_contact_id=None)))


def missing_submission_date() -> Case:
    """A plan in implementation without submitted_on."""
    return Case(complete_local_plan(submitted_on=None))


BROKEN: Broken = {
    "plan.no-commitments": no_commitments,
    "plan.too-many-commitments": too_many_commitments,
    "plan.commitment-count-outside-recommendation": count_outside_recommendation,
    "plan.no-forum": no_forum,
    "plan.forum-not-multistakeholder": forum_not_multistakeholder,
    "plan.not-endorsed": not_endorsed,
    "plan.no-monitoring-body": no_monitoring_body,
    "plan.no-point-of-contact": no_point_of_contact,
    "plan.missing-submission-date": missing_submission_date,
}

#: The stage-dependent rules of this family that a draft can break.
STAGED = (
    "plan.no-commitments",
    "plan.no-forum",
    "plan.forum-not-multistakeholder",
    "plan.not-endorsed",
    "plan.no-monitoring-body",
)


@pytest.mark.parametrize("code", STAGED)
def test_stage_dependence(code: str) -> None:
    """Each S rule of the family is a warning in co-creation and an error in implementation."""
    case = BROKEN[code]()
    assert case.only(code).severity is Severity.ERROR
    assert Case(draft(case.plan)).only(code).severity is Severity.WARNING


def test_minimal_plan() -> None:
    """The smallest draft lacks commitments, forum, endorsement, monitoring body and contact."""
    found = Case(minimal_plan()).findings()
    assert {(f.code, f.severity) for f in found} == {
        ("plan.no-commitments", Severity.WARNING),
        ("plan.no-forum", Severity.WARNING),
        ("plan.not-endorsed", Severity.WARNING),
        ("plan.no-monitoring-body", Severity.WARNING),
        ("plan.no-point-of-contact", Severity.WARNING),
    }


class TestNoCommitments:
    def test_no_commitments(self) -> None:
        """A plan without commitments yields one error at /commitments."""
        finding = no_commitments().only("plan.no-commitments")
        assert finding.severity is Severity.ERROR
        assert finding.path == "/commitments"
        assert finding.params == {}

    def test_national_plan_is_not_also_outside_recommendation(self) -> None:
        """An empty national plan is reported once, as having no commitments."""
        assert codes(national_plan(commitments=())) == {"plan.no-commitments"}


class TestTooManyCommitments:
    def test_six_local_commitments(self) -> None:
        """Six commitments under the local profile yield one warning naming the cap."""
        finding = too_many_commitments().only("plan.too-many-commitments")
        assert finding.severity is Severity.WARNING
        assert finding.path == "/commitments"
        assert finding.params == {"count": 6, "max": 5, "profile": "local"}

    def test_five_local_commitments(self) -> None:
        """Five commitments meet the local default."""
        assert codes(complete_local_plan(commitments=_commitments(5))) == set()

    def test_custom_profile_raises_the_cap(self) -> None:
        """A caller's profile with a higher cap accepts six commitments."""
        profile = Profile("city", max_commitments=8, local=True)
        assert codes(too_many_commitments().plan, profile=profile) == set()

    def test_custom_profile_lowers_the_cap(self) -> None:
        """A caller's profile with a cap of 2 reports three commitments."""
        profile = Profile("strict", max_commitments=2, local=True)
        plan = complete_local_plan(commitments=_commitments(3))
        finding = Case(plan, profile=profile).only("plan.too-many-commitments")
        assert finding.params == {"count": 3, "max": 2, "profile": "strict"}

    def test_no_cap(self) -> None:
        """A profile without a cap never reports too many commitments."""
        profile = Profile("open", max_commitments=None, local=True)
        plan = complete_local_plan(commitments=_commitments(30))
        assert run_rule("plan.too-many-commitments", plan, profile=profile) == []

    def test_national_plans_have_no_cap(self) -> None:
        """The national profile has no cap (sixteen is only outside the recommendation)."""
        plan = national_plan(commitments=_commitments(16, "CL{:04d}"))
        assert codes(plan) == {"plan.commitment-count-outside-recommendation"}


class TestCommitmentCountOutsideRecommendation:
    def test_four_national_commitments(self) -> None:
        """Four national commitments yield one info naming the recommended range."""
        finding = count_outside_recommendation().only(
            "plan.commitment-count-outside-recommendation"
        )
        assert finding.severity is Severity.INFO
        assert finding.path == "/commitments"
        assert finding.params == {"count": 4, "low": 5, "high": 15}

    @pytest.mark.parametrize("count", [5, 15])
    def test_bounds_are_inclusive(self, count: int) -> None:
        """Five and fifteen commitments are within the recommendation."""
        assert codes(national_plan(commitments=_commitments(count, "CL{:04d}"))) == set()

    def test_local_plans_have_no_recommendation(self) -> None:
        """The local profile recommends no range."""
        assert codes(complete_local_plan()) == set()

    def test_custom_recommendation(self) -> None:
        """A caller's profile may recommend its own range."""
        profile = Profile("pilot", recommended_commitments=(2, 3))
        plan = national_plan(commitments=_commitments(4, "CL{:04d}"))
        finding = Case(plan, profile=profile).only("plan.commitment-count-outside-recommendation")
        assert finding.params == {"count": 4, "low": 2, "high": 3}


class TestNoForum:
    def test_no_forum(self) -> None:
        """A plan without a forum yields one error at /forum."""
        finding = no_forum().only("plan.no-forum")
        assert finding.severity is Severity.ERROR
        assert finding.path == "/forum"
        assert finding.params == {"actual": "no_forum"}
        assert finding.render("en").startswith("The plan has no forum;")

    def test_forum_without_members(self) -> None:
        """A forum with no members is reported at its member list."""
        plan = complete_local_plan(forum=Forum(name=Text("Foro")))
        finding = Case(plan).only("plan.no-forum")
        assert finding.path == "/forum/member_ids"
        assert finding.params == {"actual": "forum_without_members"}
        assert finding.render("es").startswith("El plan tiene un foro sin miembros;")


class TestForumNotMultistakeholder:
    def test_government_only(self) -> None:
        """A forum of government members yields one error asking for a non-government one."""
        finding = forum_not_multistakeholder().only("plan.forum-not-multistakeholder")
        assert finding.severity is Severity.ERROR
        assert finding.path == "/forum/member_ids"
        assert finding.params == {"expected": "non_government_member"}
        assert "has no non-government member;" in finding.render("en")

    def test_civil_society_only(self) -> None:
        """A forum without government members asks for a government one."""
        plan = complete_local_plan(forum=Forum(name=Text("Foro"), member_ids=("fundacion",)))
        finding = Case(plan).only("plan.forum-not-multistakeholder")
        assert finding.params == {"expected": "government_member"}

    def test_unknown_members_count_for_neither(self) -> None:
        """Members that name no stakeholder make the forum neither government nor not."""
        plan = complete_local_plan(forum=Forum(name=Text("Foro"), member_ids=("nadie",)))
        found = run_rule("plan.forum-not-multistakeholder", plan)
        assert [f.params["expected"] for f in found] == ["government_or_non_government_member"]
        assert codes(plan) == {"plan.forum-not-multistakeholder", "reference.unknown-stakeholder"}


class TestNotEndorsed:
    def test_no_endorsement(self) -> None:
        """A submitted plan without endorsements yields one error naming the submission date."""
        finding = not_endorsed().only("plan.not-endorsed")
        assert finding.severity is Severity.ERROR
        assert finding.path == "/endorsements"
        assert finding.params == {"expected": "2023-01-31"}

    def test_government_endorsement_does_not_count(self) -> None:
        """Only a non-government stakeholder's endorsement counts."""
        plan = complete_local_plan(endorsements=(Endorsement("muni", d("2023-01-20")),))
        assert codes(plan) == {"plan.not-endorsed"}

    def test_endorsement_after_submission_does_not_count(self) -> None:
        """An endorsement dated after submitted_on comes too late."""
        plan = complete_local_plan(endorsements=(Endorsement("fundacion", d("2023-02-01")),))
        assert codes(plan) == {"plan.not-endorsed"}

    def test_endorsement_on_the_submission_day(self) -> None:
        """An endorsement on the day of submission counts."""
        plan = complete_local_plan(endorsements=(Endorsement("fundacion", d("2023-01-31")),))
        assert codes(plan) == set()

    def test_draft_without_submission_date(self) -> None:
        """In a draft, the expected date is the coming submission."""
        finding = Case(draft(not_endorsed().plan)).only("plan.not-endorsed")
        assert finding.params == {"expected": "plan_submission"}
        assert finding.render("en").endswith("on or before its submission.")
        assert finding.render("es").endswith("en o antes de su presentación.")


class TestNoMonitoringBody:
    def test_no_monitoring_body(self) -> None:
        """A local plan without a monitoring body yields one error at /monitoring_body."""
        finding = no_monitoring_body().only("plan.no-monitoring-body")
        assert finding.severity is Severity.ERROR
        assert finding.path == "/monitoring_body"
        assert finding.params == {}

    def test_national_plans_need_none(self) -> None:
        """The rule is for OGP Local plans only."""
        assert codes(national_plan(monitoring_body=None)) == set()

    def test_profile_decides(self) -> None:
        """A non-local profile does not ask a local member for a monitoring body."""
        plan = no_monitoring_body().plan
        assert codes(plan, profile="national") == {
            "commitment.id-format",
            "plan.commitment-count-outside-recommendation",
        }


class TestNoPointOfContact:
    def test_no_point_of_contact(self) -> None:
        """A plan naming no point of contact yields one warning at point_of_contact_id."""
        finding = no_point_of_contact().only("plan.no-point-of-contact")
        assert finding.severity is Severity.WARNING
        assert finding.path == "/point_of_contact_id"
        assert finding.params == {}

    def test_role_is_enough(self) -> None:
        """A stakeholder with the point_of_contact role is a point of contact."""
        assert codes(complete_local_plan(point_of_contact_id=None)) == set()

    def test_field_is_enough(self) -> None:
        """point_of_contact_id is enough without the role."""
        assert codes(_without_poc_role(complete_local_plan())) == set()

    def test_stays_a_warning_in_drafts(self) -> None:
        """The rule is not stage-dependent."""
        finding = Case(draft(no_point_of_contact().plan)).only("plan.no-point-of-contact")
        assert finding.severity is Severity.WARNING


class TestMissingSubmissionDate:
    def test_implementation_without_date(self) -> None:
        """A plan in implementation without submitted_on yields one error at submitted_on."""
        finding = missing_submission_date().only("plan.missing-submission-date")
        assert finding.severity is Severity.ERROR
        assert finding.path == "/submitted_on"
        assert finding.params == {"status": "implementation"}

    def test_drafts_need_no_date(self) -> None:
        """A plan in co-creation has no submission date yet."""
        assert codes(draft(complete_local_plan())) == set()

    def test_withdrawn_after_submission(self) -> None:
        """A plan withdrawn after it was submitted still needs its submission date."""
        plan = complete_local_plan(submitted_on=None)
        withdrawal = TransitionEvent(
            PlanStatus.IMPLEMENTATION, PlanStatus.WITHDRAWN, d("2023-09-01"), note=Text("Cambio.")
        )
        plan = attrs.evolve(plan, status=PlanStatus.WITHDRAWN, history=(*plan.history, withdrawal))
        assert [f.params for f in run_rule("plan.missing-submission-date", plan)] == [
            {"status": "withdrawn"}
        ]

    def test_withdrawn_during_co_creation(self) -> None:
        """A plan withdrawn before submission needs no submission date."""
        plan = draft(complete_local_plan())
        withdrawal = TransitionEvent(
            PlanStatus.CO_CREATION, PlanStatus.WITHDRAWN, d("2022-12-01"), note=Text("Cambio.")
        )
        plan = attrs.evolve(plan, status=PlanStatus.WITHDRAWN, history=(*plan.history, withdrawal))
        assert run_rule("plan.missing-submission-date", plan) == []
