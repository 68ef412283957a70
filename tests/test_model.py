"""Tests of `ogpmodel.model`: construction, field validation, immutability and navigation."""

import copy
import datetime
import math
import pickle
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
import pytest

import ogpmodel
from ogpmodel import (
    DIOG,
    SCHEMA_VERSION,
    ActionPlan,
    AmbiguousId,
    AssessmentType,
    Commitment,
    CommitmentDesign,
    CommitmentStatus,
    Completion,
    Contact,
    DidItOpenGovernment,
    EndOfCommitmentReport,
    Endorsement,
    Forum,
    Goal,
    Identifier,
    InceptionReport,
    InceptionRequirements,
    InvalidValue,
    IRMProduct,
    IrmReview,
    Link,
    Meeting,
    Member,
    Membership,
    Milestone,
    MilestoneStatus,
    MonitoringBody,
    OGPValue,
    OtherName,
    PartialDate,
    Period,
    PlanStatus,
    ProgressReport,
    Role,
    Sector,
    Stakeholder,
    StakeholderKind,
    StrategicVision,
    Text,
    TransitionEvent,
    UnknownId,
)
from ogpmodel import model as model_module

# --- small builders -----------------------------------------------------------------------------

DAY = datetime.date(2023, 3, 15)
NOON = datetime.datetime(2023, 3, 15, 12, 0)


T = TypeVar("T")


def new(cls: Callable[..., T], **fields: Any) -> T:
    """Call *cls* with *fields*, which may be of types its signature does not allow."""
    return cls(**fields)


def invalid(make: Callable[[], object]) -> InvalidValue:
    """Call *make*, which must raise `InvalidValue`, and return the exception."""
    with pytest.raises(InvalidValue) as info:
        make()
    return info.value


def member(**changes: Any) -> Member:
    """A local member in Chile."""
    fields: dict[str, Any] = {
        "name": Text("Maipú"),
        "membership": Membership.LOCAL,
        "country": "CL",
    }
    return Member(**{**fields, **changes})


def plan(**changes: Any) -> ActionPlan:
    """The smallest plan the model accepts, with *changes* applied."""
    fields: dict[str, Any] = {
        "id": "maipu-chile-2023-2024",
        "title": Text("Plan de acción"),
        "language": "es",
        "member": member(),
        "period": Period(),
        "status": PlanStatus.PLANNING,
    }
    return ActionPlan(**{**fields, **changes})


def milestone(milestone_id: str = "1", **changes: Any) -> Milestone:
    """A planned milestone."""
    fields: dict[str, Any] = {
        "id": milestone_id,
        "title": Text(f"Hito {milestone_id}"),
        "status": MilestoneStatus.PLANNED,
    }
    return Milestone(**{**fields, **changes})


def commitment(commitment_id: str = "C1", **changes: Any) -> Commitment:
    """A planned commitment."""
    fields: dict[str, Any] = {
        "id": commitment_id,
        "title": Text(f"Compromiso {commitment_id}"),
        "status": CommitmentStatus.PLANNED,
    }
    return Commitment(**{**fields, **changes})


def stakeholder(stakeholder_id: str, **changes: Any) -> Stakeholder:
    """A government organisation."""
    fields: dict[str, Any] = {
        "id": stakeholder_id,
        "name": Text(stakeholder_id.upper()),
        "kind": StakeholderKind.ORGANIZATION,
        "sector": Sector.GOVERNMENT,
    }
    return Stakeholder(**{**fields, **changes})


def event(**changes: Any) -> TransitionEvent[Any]:
    """A plan moving from planning to co-creation."""
    fields: dict[str, Any] = {
        "from_": PlanStatus.PLANNING,
        "to": PlanStatus.CO_CREATION,
        "date": DAY,
    }
    return TransitionEvent(**{**fields, **changes})


#: Every entity of the model, built from its required arguments only.
MINIMAL: dict[type, Callable[[], Any]] = {
    ActionPlan: plan,
    Member: member,
    Goal: lambda: Goal(id="g1", text=Text("Participación")),
    StrategicVision: lambda: StrategicVision(text=Text("Un gobierno abierto")),
    Contact: Contact,
    Identifier: lambda: Identifier(scheme="RUT", id="69.070.400-5"),
    Stakeholder: lambda: stakeholder("muni"),
    OtherName: lambda: OtherName(name=Text("Municipalidad")),
    Meeting: lambda: Meeting(date=DAY),
    Forum: lambda: Forum(name=Text("Foro")),
    MonitoringBody: lambda: MonitoringBody(name=Text("Órgano"), kind=StakeholderKind.GROUP),
    Endorsement: lambda: Endorsement(stakeholder_id="muni", date=DAY),
    TransitionEvent: event,
    ProgressReport: lambda: ProgressReport(date=PartialDate(2023, 3)),
    Milestone: milestone,
    Commitment: commitment,
    InceptionRequirements: InceptionRequirements,
    CommitmentDesign: lambda: CommitmentDesign(commitment_id="C1"),
    InceptionReport: lambda: InceptionReport(date=PartialDate(2023, 3)),
    DidItOpenGovernment: DidItOpenGovernment,
    EndOfCommitmentReport: lambda: EndOfCommitmentReport(
        date=PartialDate(2024), commitment_id="C1", completion=Completion.COMPLETE
    ),
    IrmReview: lambda: IrmReview(
        date=PartialDate(2024), commitment_id="C1", product=IRMProduct.ACTION_PLAN_REVIEW
    ),
}

ENTITIES = [pytest.param(make, id=cls.__name__) for cls, make in MINIMAL.items()]

#: The fields that are optional since OGP JSON 1.1 but that the minimal examples give.
GIVEN_OPTIONAL = {
    (ActionPlan, "status"),
    (Commitment, "status"),
    (Milestone, "status"),
    (Stakeholder, "name"),
}

#: The optional fields whose default is not empty.
NON_EMPTY_DEFAULTS: dict[tuple[type, str], object] = {
    (ActionPlan, "schema_version"): "1.1",
    (InceptionReport, "requirements"): InceptionRequirements(),
    (EndOfCommitmentReport, "did_it_open_government"): DidItOpenGovernment(),
}


def model_classes() -> set[type]:
    """The attrs classes that `ogpmodel.model` exports."""
    exported = (getattr(model_module, name) for name in model_module.__all__)
    return {obj for obj in exported if isinstance(obj, type) and attrs.has(obj)}


def default_of(field: "attrs.Attribute[Any]") -> object:
    """The value a field takes when it is not given."""
    default: Any = field.default
    factory = getattr(default, "factory", None)  # an attrs.Factory
    return factory() if callable(factory) else default


# --- construction -------------------------------------------------------------------------------


class TestConstruction:
    def test_every_entity_has_a_minimal_example(self) -> None:
        """The minimal examples cover every entity class the model exports."""
        expected = model_classes()
        assert expected == set(MINIMAL)

    @pytest.mark.parametrize("make", ENTITIES)
    def test_optional_fields_take_their_defaults(self, make: Callable[[], Any]) -> None:
        """Every field that is not given takes its declared default, converted like a value."""
        obj = make()
        optional = [
            f
            for f in attrs.fields(type(obj))
            if f.default is not attrs.NOTHING and (type(obj), f.name) not in GIVEN_OPTIONAL
        ]
        expected = {f.name: default_of(f) for f in optional}

        assert expected == {f.name: getattr(obj, f.name) for f in optional}

    @pytest.mark.parametrize("make", ENTITIES)
    def test_defaults_are_empty(self, make: Callable[[], Any]) -> None:
        """Optional fields default to None, () or {}, but for the schema version and two sub-objects."""
        obj = make()
        optional = [
            f.name
            for f in attrs.fields(type(obj))
            if f.default is not attrs.NOTHING and (type(obj), f.name) not in GIVEN_OPTIONAL
        ]
        empty: tuple[object, ...] = (None, (), {})
        not_empty = {
            name: getattr(obj, name) for name in optional if getattr(obj, name) not in empty
        }

        expected = {
            (cls, name): value
            for (cls, name), value in NON_EMPTY_DEFAULTS.items()
            if cls is type(obj)
        }
        assert expected == {(type(obj), name): value for name, value in not_empty.items()}

    @pytest.mark.parametrize("make", ENTITIES)
    def test_entities_are_hashable(self, make: Callable[[], object]) -> None:
        """Every entity hashes, and an equal copy hashes alike."""
        assert hash(make()) == hash(make())

    def test_plan_defaults(self) -> None:
        """A new plan has the library's schema version and no commitments."""
        made = plan()

        expected = ("1.1", SCHEMA_VERSION, (), ())
        assert expected == (made.schema_version, SCHEMA_VERSION, made.commitments, made.history)

    def test_assessment_type_is_a_class_constant(self) -> None:
        """Each assessment class carries its wire type tag, which is not a field."""
        classes = (InceptionReport, EndOfCommitmentReport, IrmReview)
        tags = ["inception_report", "end_of_commitment_report", "irm_review"]

        expected = [(AssessmentType(tag), False) for tag in tags]
        assert expected == [(cls.type, "type" in attrs.fields_dict(cls)) for cls in classes]


# --- field validation ---------------------------------------------------------------------------


class _Opaque:
    """A value of no type the model accepts."""

    def __repr__(self) -> str:
        return "<opaque>"


OPAQUE = _Opaque()

BAD_FIELDS = [
    # ids: the plan's id follows the contract's pattern, entity ids only forbid white space.
    pytest.param(
        lambda: plan(id="maipu chile"), "ActionPlan.id", "maipu chile", id="plan-id-space"
    ),
    pytest.param(lambda: plan(id="-maipu"), "ActionPlan.id", "-maipu", id="plan-id-dash-first"),
    pytest.param(lambda: plan(id=".maipu"), "ActionPlan.id", ".maipu", id="plan-id-dot-first"),
    pytest.param(lambda: plan(id="plan/2023"), "ActionPlan.id", "plan/2023", id="plan-id-slash"),
    pytest.param(lambda: plan(id="plan\n"), "ActionPlan.id", "plan\n", id="plan-id-newline"),
    pytest.param(lambda: plan(id="maipú"), "ActionPlan.id", "maipú", id="plan-id-non-ascii"),
    pytest.param(lambda: plan(id=""), "ActionPlan.id", "", id="plan-id-empty"),
    pytest.param(lambda: plan(id=2023), "ActionPlan.id", 2023, id="plan-id-int"),
    pytest.param(lambda: commitment("CL 0001"), "Commitment.id", "CL 0001", id="commitment-id"),
    pytest.param(lambda: commitment(""), "Commitment.id", "", id="commitment-id-empty"),
    pytest.param(lambda: milestone("1 a"), "Milestone.id", "1 a", id="milestone-id-space"),
    pytest.param(lambda: milestone("1\t"), "Milestone.id", "1\t", id="milestone-id-tab"),
    pytest.param(lambda: milestone("1\n"), "Milestone.id", "1\n", id="milestone-id-newline"),
    pytest.param(
        lambda: new(Milestone, id=None, title=Text("Hito"), status=MilestoneStatus.PLANNED),
        "Milestone.id",
        None,
        id="milestone-id-none",
    ),
    pytest.param(lambda: stakeholder("a b"), "Stakeholder.id", "a b", id="stakeholder-id"),
    pytest.param(
        lambda: stakeholder("a", parent_id="b c"), "Stakeholder.parent_id", "b c", id="parent-id"
    ),
    pytest.param(lambda: Goal(id=" ", text=Text("Meta")), "Goal.id", " ", id="goal-id-white-space"),
    pytest.param(
        lambda: Endorsement(stakeholder_id="x y", date=DAY),
        "Endorsement.stakeholder_id",
        "x y",
        id="endorsement-stakeholder-id",
    ),
    pytest.param(
        lambda: plan(point_of_contact_id=""),
        "ActionPlan.point_of_contact_id",
        "",
        id="plan-point-of-contact-id",
    ),
    pytest.param(
        lambda: CommitmentDesign(commitment_id="C 1"),
        "CommitmentDesign.commitment_id",
        "C 1",
        id="design-commitment-id",
    ),
    # tuples of ids name the element
    pytest.param(
        lambda: commitment(lead_ids=["muni", "sec pla"]),
        "Commitment.lead_ids[1]",
        "sec pla",
        id="lead-ids-element",
    ),
    pytest.param(
        lambda: milestone(responsible_ids=[7]),
        "Milestone.responsible_ids[0]",
        7,
        id="responsible-ids-element",
    ),
    pytest.param(
        lambda: Forum(name=Text("Foro"), member_ids=("a", "b", "")),
        "Forum.member_ids[2]",
        "",
        id="forum-member-ids-element",
    ),
    # required text: a Text that is not blank
    pytest.param(
        lambda: commitment(title=Text("  ")),
        "Commitment.title",
        Text("  "),
        id="commitment-title-blank",
    ),
    pytest.param(
        lambda: commitment(title=Text({"en": "", "es": " "})),
        "Commitment.title",
        Text({"en": "", "es": " "}),
        id="commitment-title-blank-map",
    ),
    pytest.param(
        lambda: commitment(title="Compromiso"),
        "Commitment.title",
        "Compromiso",
        id="commitment-title-str",
    ),
    pytest.param(lambda: plan(title=None), "ActionPlan.title", None, id="plan-title-none"),
    pytest.param(lambda: member(name=Text("")), "Member.name", Text(""), id="member-name"),
    pytest.param(
        lambda: milestone(title={"es": "Hito"}),
        "Milestone.title",
        {"es": "Hito"},
        id="milestone-title-dict",
    ),
    pytest.param(
        lambda: StrategicVision(text=Text("\n")),
        "StrategicVision.text",
        Text("\n"),
        id="vision-text",
    ),
    # optional text: a Text or None
    pytest.param(
        lambda: commitment(problem="Problema"),
        "Commitment.problem",
        "Problema",
        id="commitment-problem-str",
    ),
    # language tags
    pytest.param(lambda: plan(language="english"), "ActionPlan.language", "english", id="lang"),
    pytest.param(lambda: plan(language="es_CL"), "ActionPlan.language", "es_CL", id="lang-_"),
    pytest.param(lambda: plan(language=""), "ActionPlan.language", "", id="lang-empty"),
    pytest.param(lambda: plan(language="es\n"), "ActionPlan.language", "es\n", id="lang-newline"),
    # ISO 3166-1 alpha-2 country codes
    pytest.param(lambda: member(country="XX"), "Member.country", "XX", id="country-XX"),
    pytest.param(lambda: member(country="cl"), "Member.country", "cl", id="country-lower"),
    pytest.param(lambda: member(country="CHL"), "Member.country", "CHL", id="country-alpha-3"),
    pytest.param(lambda: member(country=None), "Member.country", None, id="country-none"),
    # enums refuse their wire strings, and members of another codelist
    pytest.param(
        lambda: commitment(status="planned"), "Commitment.status", "planned", id="enum-str"
    ),
    pytest.param(
        lambda: commitment(status=MilestoneStatus.PLANNED),
        "Commitment.status",
        MilestoneStatus.PLANNED,
        id="enum-other-codelist",
    ),
    pytest.param(
        lambda: member(membership="local"), "Member.membership", "local", id="membership-str"
    ),
    pytest.param(
        lambda: member(jurisdiction="city"), "Member.jurisdiction", "city", id="jurisdiction-str"
    ),
    pytest.param(
        lambda: plan(status="planning"), "ActionPlan.status", "planning", id="plan-status-str"
    ),
    pytest.param(
        lambda: stakeholder("a", sector="government"),
        "Stakeholder.sector",
        "government",
        id="sector-str",
    ),
    pytest.param(
        lambda: commitment(ogp_values=["access_to_information"]),
        "Commitment.ogp_values[0]",
        "access_to_information",
        id="ogp-values-element-str",
    ),
    pytest.param(
        lambda: stakeholder("a", roles=[Role.EVALUATOR, "forum_member"]),
        "Stakeholder.roles[1]",
        "forum_member",
        id="roles-element-str",
    ),
    pytest.param(
        lambda: new(IrmReview, date=PartialDate(2024), commitment_id="C1", product="design_report"),
        "IrmReview.product",
        "design_report",
        id="irm-product-str",
    ),
    pytest.param(
        lambda: new(DidItOpenGovernment, overall="major"),
        "DidItOpenGovernment.overall",
        "major",
        id="diog-str",
    ),
    # full dates refuse datetimes and strings
    pytest.param(lambda: Meeting(date=NOON), "Meeting.date", NOON, id="meeting-datetime"),
    pytest.param(
        lambda: Endorsement(stakeholder_id="a", date=NOON),
        "Endorsement.date",
        NOON,
        id="endorsement-datetime",
    ),
    pytest.param(
        lambda: plan(submitted_on=NOON), "ActionPlan.submitted_on", NOON, id="submitted-datetime"
    ),
    pytest.param(
        lambda: plan(submitted_on="2023-03-15"),
        "ActionPlan.submitted_on",
        "2023-03-15",
        id="submitted-str",
    ),
    pytest.param(lambda: event(date=NOON), "TransitionEvent.date", NOON, id="event-datetime"),
    # partial dates refuse dates and strings
    pytest.param(
        lambda: new(ProgressReport, date=DAY), "ProgressReport.date", DAY, id="progress-date"
    ),
    pytest.param(
        lambda: new(InceptionReport, date="2023-03"),
        "InceptionReport.date",
        "2023-03",
        id="inception-date-str",
    ),
    pytest.param(
        lambda: member(administration_term_end="2026"),
        "Member.administration_term_end",
        "2026",
        id="term-end-str",
    ),
    pytest.param(
        lambda: commitment(period=("2023", "2024")),
        "Commitment.period",
        ("2023", "2024"),
        id="period-tuple",
    ),
    # bools refuse ints and strings
    pytest.param(
        lambda: new(Meeting, date=DAY, information_shared_before=1),
        "Meeting.information_shared_before",
        1,
        id="bool-int",
    ),
    pytest.param(
        lambda: new(InceptionRequirements, forum_exists=0),
        "InceptionRequirements.forum_exists",
        0,
        id="bool-zero",
    ),
    pytest.param(
        lambda: new(CommitmentDesign, commitment_id="C1", relevant="yes"),
        "CommitmentDesign.relevant",
        "yes",
        id="bool-str",
    ),
    # other string fields
    pytest.param(lambda: Contact(email="nobody"), "Contact.email", "nobody", id="email"),
    pytest.param(lambda: Contact(url="www.x.org"), "Contact.url", "www.x.org", id="contact-url"),
    pytest.param(lambda: new(Contact, phone=5622), "Contact.phone", 5622, id="phone-int"),
    pytest.param(
        lambda: Identifier(scheme=" ", id="1"), "Identifier.scheme", " ", id="identifier-scheme"
    ),
    pytest.param(
        lambda: commitment(primary_sector=""),
        "Commitment.primary_sector",
        "",
        id="primary-sector-empty",
    ),
    pytest.param(
        lambda: commitment(policy_areas=["water", 3]),
        "Commitment.policy_areas[1]",
        3,
        id="policy-areas-element",
    ),
    pytest.param(
        lambda: plan(schema_version="2.0"),
        "ActionPlan.schema_version",
        "2.0",
        id="schema-version",
    ),
    # nested entities
    pytest.param(lambda: plan(member=None), "ActionPlan.member", None, id="plan-member"),
    pytest.param(lambda: plan(period=None), "ActionPlan.period", None, id="plan-period-required"),
    pytest.param(
        lambda: plan(commitments=[commitment(), OPAQUE]),
        "ActionPlan.commitments[1]",
        OPAQUE,
        id="commitments-element",
    ),
    pytest.param(
        lambda: plan(assessments=[milestone()]),
        "ActionPlan.assessments[0]",
        milestone(),
        id="assessments-element",
    ),
    pytest.param(
        lambda: milestone(milestones=[commitment()]),
        "Milestone.milestones[0]",
        commitment(),
        id="child-milestone",
    ),
    pytest.param(
        lambda: commitment(milestones={"id": "1"}),
        "Commitment.milestones",
        {"id": "1"},
        id="milestones-dict",
    ),
    pytest.param(
        lambda: milestone(links=["https://x.org"]),
        "Milestone.links[0]",
        "https://x.org",
        id="links-str",
    ),
    # lifecycle states
    pytest.param(
        lambda: event(from_="planning"), "TransitionEvent.from_", "planning", id="event-from-str"
    ),
    pytest.param(
        lambda: event(to=CommitmentStatus.PLANNED),
        "TransitionEvent.to",
        CommitmentStatus.PLANNED,
        id="event-mixed-states",
    ),
    pytest.param(
        lambda: milestone(history=[event()]),
        "Milestone.history[0]",
        event(),
        id="milestone-history-plan-events",
    ),
    pytest.param(
        lambda: plan(
            history=[
                event(),
                event(from_=CommitmentStatus.PLANNED, to=CommitmentStatus.IN_PROGRESS),
            ]
        ),
        "ActionPlan.history[1]",
        event(from_=CommitmentStatus.PLANNED, to=CommitmentStatus.IN_PROGRESS),
        id="plan-history-commitment-events",
    ),
    pytest.param(
        lambda: commitment(history=["planned"]),
        "Commitment.history[0]",
        "planned",
        id="commitment-history-str",
    ),
]


class TestFieldValidation:
    @pytest.mark.parametrize(("make", "field", "value"), BAD_FIELDS)
    def test_rejects_bad_value(self, make: Callable[[], object], field: str, value: object) -> None:
        """A bad field value raises InvalidValue naming Class.field and showing the value."""
        error = invalid(make)

        expected = (field, value, True)
        assert expected == (error.field, error.value, repr(value) in str(error))

    def test_enum_message_lists_the_codes(self) -> None:
        """Refusing a string for an enum field names the accepted codes."""
        error = invalid(lambda: commitment(status="done"))

        expected = "a CommitmentStatus ('planned', 'in_progress', 'completed', 'withdrawn') or None"
        assert expected == error.expected

    @pytest.mark.parametrize(
        "plan_id", ["maipu-chile-2023-2024", "US.2022_5", "7", "A", "plan..2023--x__"]
    )
    def test_accepts_plan_ids_of_the_contract(self, plan_id: str) -> None:
        """A plan id of letters, digits, dots, dashes and underscores, not leading with punctuation, is accepted."""
        assert plan_id == plan(id=plan_id).id

    @pytest.mark.parametrize("entity_id", ["CLMPU0001", "US0113", "1.2", "plan/2023", "ñandú#1"])
    def test_accepts_entity_ids_without_white_space(self, entity_id: str) -> None:
        """Entity ids accept any characters but white space, even those a plan id refuses."""
        expected = (entity_id, entity_id)
        assert expected == (commitment(entity_id).id, milestone(entity_id).id)

    @pytest.mark.parametrize("language", ["es", "en", "fr-CA", "es-419", "zh-Hant-TW", "sl-rozaj"])
    def test_accepts_language_tags(self, language: str) -> None:
        """Well-formed BCP 47 tags are accepted as the plan's language."""
        assert language == plan(language=language).language

    @pytest.mark.parametrize("country", ["CL", "US", "CA", "MX"])
    def test_accepts_country_codes(self, country: str) -> None:
        """ISO 3166-1 alpha-2 codes are accepted."""
        assert country == member(country=country).country

    def test_accepts_state_events_of_the_owner(self) -> None:
        """Each owner accepts the transition events of its own lifecycle."""
        milestone_event = TransitionEvent(MilestoneStatus.PLANNED, MilestoneStatus.DELAYED, DAY)
        commitment_event = TransitionEvent(
            CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS, DAY
        )

        expected = ((milestone_event,), (commitment_event,), (event(),))
        assert expected == (
            milestone(history=[milestone_event]).history,
            commitment(history=[commitment_event]).history,
            plan(history=[event()]).history,
        )

    def test_accepts_a_date_where_a_date_is_due(self) -> None:
        """A plain datetime.date passes the full-date fields."""
        expected = DAY
        assert expected == Endorsement(stakeholder_id="a", date=DAY).date

    def test_accepts_bools_where_bools_are_due(self) -> None:
        """True, False and None pass the bool fields."""
        requirements = InceptionRequirements(forum_exists=True, website_updated=False)

        expected = (True, False, None)
        assert expected == (
            requirements.forum_exists,
            requirements.website_updated,
            requirements.forum_multistakeholder,
        )


class TestTupleFields:
    def test_lists_become_tuples(self) -> None:
        """List arguments are stored as tuples."""
        child = milestone("1")
        made = commitment(
            milestones=[child],
            lead_ids=["muni"],
            ogp_values=[OGPValue.CIVIC_PARTICIPATION],
            policy_areas=["public_safety"],
        )

        expected = ((child,), ("muni",), (OGPValue.CIVIC_PARTICIPATION,), ("public_safety",))
        assert expected == (made.milestones, made.lead_ids, made.ogp_values, made.policy_areas)

    def test_iterables_and_none_become_tuples(self) -> None:
        """A generator becomes a tuple and None an empty tuple."""
        made = commitment(lead_ids=(s for s in ("a", "b")), supporting_ids=None)

        expected: tuple[tuple[str, ...], tuple[str, ...]] = (("a", "b"), ())
        assert expected == (made.lead_ids, made.supporting_ids)

    @pytest.mark.parametrize(
        "field", ["lead_ids", "policy_areas", "ogp_values", "milestones", "history"]
    )
    def test_a_bare_string_for_a_list_is_refused(self, field: str) -> None:
        """A string given for a list field is refused by name, not wrapped or split."""
        with pytest.raises(InvalidValue) as caught:
            commitment(**{field: "muni"})
        assert f"Commitment.{field}" == caught.value.field
        assert "muni" == caught.value.value
        assert "a list of" in str(caught.value)

    def test_nested_milestones_are_tuples(self) -> None:
        """Child milestones given as a list are stored as a tuple."""
        grandchild = milestone("1.1.1")
        expected = (grandchild,)
        assert expected == milestone("1.1", milestones=[grandchild]).milestones


class TestExtensions:
    def test_nested_values_are_frozen(self) -> None:
        """Objects become read-only mappings and arrays become tuples, at every depth."""
        made = commitment(extensions={"tags": ["a", {"b": [1, 2.5, None, True]}]})

        expected = {"tags": ("a", {"b": (1, 2.5, None, True)})}
        assert expected == made.extensions
        assert (tuple, tuple) == (
            type(made.extensions["tags"]),
            type(made.extensions["tags"][1]["b"]),
        )

    def test_mutation_fails(self) -> None:
        """Assigning into extensions, at any depth, raises TypeError."""
        made = commitment(extensions={"outer": {"inner": [1]}})

        with pytest.raises(TypeError):
            made.extensions["new"] = 1  # type: ignore[index]
        with pytest.raises(TypeError):
            made.extensions["outer"]["inner"] = 2
        with pytest.raises(TypeError):
            made.extensions["outer"]["inner"][0] = 2
        expected = {"outer": {"inner": (1,)}}
        assert expected == made.extensions

    def test_later_changes_to_the_argument_do_not_leak(self) -> None:
        """Changing the dict given as extensions afterwards leaves the entity unchanged."""
        given: dict[str, Any] = {"tags": ["a"]}
        made = commitment(extensions=given)
        given["tags"].append("b")
        given["other"] = 1

        expected = {"tags": ("a",)}
        assert expected == made.extensions

    def test_none_is_empty(self) -> None:
        """Extensions given as None are empty."""
        expected: Mapping[str, Any] = {}
        assert expected == milestone(extensions=None).extensions

    @pytest.mark.parametrize(
        ("extensions", "field"),
        [
            ({"score": float("nan")}, "extensions/score"),
            ({"score": float("inf")}, "extensions/score"),
            ({"a": [1, float("-inf")]}, "extensions/a/1"),
            ({"a": {1: "x"}}, "extensions/a"),
            ({"a": {1, 2}}, "extensions/a"),
            ({"a": datetime.date(2023, 1, 1)}, "extensions/a"),
            (["a"], "extensions"),
            ("a", "extensions"),
        ],
    )
    def test_rejects_what_json_cannot_hold(self, extensions: object, field: str) -> None:
        """NaN, infinities, non-string keys, non-JSON values and non-objects raise InvalidValue."""
        error = invalid(lambda: commitment(extensions=extensions))

        assert field == error.field

    def test_nan_is_echoed(self) -> None:
        """The refused NaN is the value the error carries."""
        error = invalid(lambda: Link("https://x.org", extensions={"score": float("nan")}))

        value = error.value
        assert isinstance(value, float)
        assert math.isnan(value)

    def test_excluded_from_hash_but_not_from_equality(self) -> None:
        """Entities that differ only in extensions are unequal but hash alike."""
        a = Goal(id="g1", text=Text("Meta"), extensions={"x": 1})
        b = Goal(id="g1", text=Text("Meta"), extensions={"x": 2})

        expected = (False, True)
        assert expected == (a == b, hash(a) == hash(b))

    def test_equal_extensions_compare_equal(self) -> None:
        """Entities with equal extensions, given in any key order, are equal."""
        a = Goal(id="g1", text=Text("Meta"), extensions={"x": [1], "y": {"z": 2}})
        b = Goal(id="g1", text=Text("Meta"), extensions={"y": {"z": 2}, "x": (1,)})

        assert a == b

    def test_survive_pickle_and_deepcopy(self) -> None:
        """A plan whose entities carry extensions survives pickle and copy.deepcopy unchanged."""
        original = plan(
            extensions={"source": {"tracker": ["x", 1]}},
            commitments=[commitment(extensions={"n": 1}, milestones=[milestone()])],
            links=[Link("https://x.org", extensions={"kind": "pdf"})],
        )

        expected = (original, original)
        assert expected == (pickle.loads(pickle.dumps(original)), copy.deepcopy(original))  # noqa: S301


# --- immutability -------------------------------------------------------------------------------


class TestImmutability:
    @pytest.mark.parametrize("make", ENTITIES)
    def test_frozen(self, make: Callable[[], Any]) -> None:
        """Assigning to a field raises FrozenInstanceError."""
        obj = make()
        name = attrs.fields(type(obj))[0].name

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, name, None)

    @pytest.mark.parametrize("make", ENTITIES)
    def test_slotted(self, make: Callable[[], object]) -> None:
        """Entities are slotted: they have no __dict__ and take no new attributes."""
        obj = make()

        expected = False
        assert expected == hasattr(obj, "__dict__")
        with pytest.raises(AttributeError):
            obj.surprise = 1  # type: ignore[attr-defined]

    def test_evolve_returns_a_changed_copy(self) -> None:
        """attrs.evolve returns a new entity with the change and leaves the original alone."""
        original = commitment(lead_ids=("muni",))
        changed = attrs.evolve(original, status=CommitmentStatus.IN_PROGRESS)

        expected = (CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS, ("muni",))
        assert expected == (original.status, changed.status, changed.lead_ids)

    def test_evolve_validates(self) -> None:
        """attrs.evolve checks the new values like the constructor does."""
        error = invalid(lambda: attrs.evolve(milestone(), id="a b"))

        expected = ("Milestone.id", "a b")
        assert expected == (error.field, error.value)

    def test_evolve_keeps_the_python_name_of_from(self) -> None:
        """attrs.evolve accepts from_ on a transition event."""
        changed = attrs.evolve(event(), from_=PlanStatus.WITHDRAWN)

        expected = (PlanStatus.WITHDRAWN, PlanStatus.CO_CREATION)
        assert expected == (changed.from_, changed.to)


# --- navigation ---------------------------------------------------------------------------------


def navigation_plan() -> ActionPlan:
    """
    A plan with nested milestones, shared milestone ids and assessments.

    C1: m1 (m1.1 (m1.1.1)), m2; C2: m1, m3; C3: none.
    """
    c1 = commitment(
        "C1",
        milestones=[
            milestone("m1", milestones=[milestone("m1.1", milestones=[milestone("m1.1.1")])]),
            milestone("m2"),
        ],
    )
    c2 = commitment("C2", milestones=[milestone("m1", title=Text("Otro hito")), milestone("m3")])
    return plan(
        stakeholders=[stakeholder("s1"), stakeholder("s2"), stakeholder("s3")],
        commitments=[c1, c2, commitment("C3")],
        assessments=[
            InceptionReport(
                date=PartialDate(2023, 3),
                commitments=(CommitmentDesign("C1"), CommitmentDesign("C2")),
            ),
            EndOfCommitmentReport(
                date=PartialDate(2024, 1), commitment_id="C1", completion=Completion.LIMITED
            ),
            IrmReview(
                date=PartialDate(2024),
                commitment_id="C2",
                product=IRMProduct.RESULTS_REPORT,
                early_results=DIOG.MAJOR,
            ),
        ],
    )


class TestNavigation:
    def test_commitment(self) -> None:
        """commitment() returns the commitment with the id."""
        the_plan = navigation_plan()

        assert the_plan.commitments[1] is the_plan.commitment("C2")

    def test_unknown_commitment(self) -> None:
        """commitment() raises UnknownId naming the kind and the id."""
        with pytest.raises(UnknownId) as info:
            navigation_plan().commitment("C9")

        expected = ("commitment", "C9")
        assert expected == (info.value.kind, info.value.id)

    def test_stakeholder(self) -> None:
        """stakeholder() returns the stakeholder with the id, or raises UnknownId."""
        the_plan = navigation_plan()
        with pytest.raises(UnknownId) as info:
            the_plan.stakeholder("s9")

        expected = (the_plan.stakeholders[2], ("stakeholder", "s9"))
        assert expected == (the_plan.stakeholder("s3"), (info.value.kind, info.value.id))

    @pytest.mark.parametrize(("milestone_id", "depth"), [("m2", 0), ("m1.1", 1), ("m1.1.1", 2)])
    def test_milestone_at_any_depth(self, milestone_id: str, depth: int) -> None:
        """milestone() finds a milestone id used by one commitment at any depth."""
        found = navigation_plan().milestone(milestone_id)

        expected = (milestone_id, depth)
        assert expected == (found.id, found.id.count("."))

    def test_milestone_shared_by_two_commitments_is_ambiguous(self) -> None:
        """A milestone id used by two commitments raises AmbiguousId naming both."""
        with pytest.raises(AmbiguousId) as info:
            navigation_plan().milestone("m1")

        expected = ("milestone", "m1", ("C1", "C2"))
        assert expected == (info.value.kind, info.value.id, info.value.owners)

    def test_ambiguous_owners_are_named_once(self) -> None:
        """A commitment that has the id at two depths is named once among the owners."""
        c1 = commitment("C1", milestones=[milestone("x", milestones=[milestone("x")])])
        the_plan = plan(commitments=[c1, commitment("C2", milestones=[milestone("x")])])
        with pytest.raises(AmbiguousId) as info:
            the_plan.milestone("x")

        expected = (("C1", "C2"), True)
        assert expected == (info.value.owners, str(info.value).startswith("2 commitments"))

    @pytest.mark.parametrize("owner", ["C1", "C2"])
    def test_commitment_argument_picks_one(self, owner: str) -> None:
        """Passing commitment= returns that commitment's milestone."""
        the_plan = navigation_plan()

        assert the_plan.commitment(owner).milestones[0] is the_plan.milestone(
            "m1", commitment=owner
        )

    def test_duplicate_within_one_commitment_returns_the_first(self) -> None:
        """When only one commitment has the id, the first match depth first is returned."""
        first = milestone("x", title=Text("Primero"), milestones=[milestone("x")])
        the_plan = plan(commitments=[commitment("C1", milestones=[first])])

        assert first is the_plan.milestone("x")

    @pytest.mark.parametrize(
        ("milestone_id", "owner", "kind"),
        [("nope", None, "milestone"), ("m3", "C1", "milestone"), ("m1", "C9", "commitment")],
    )
    def test_unknown_milestone(self, milestone_id: str, owner: str | None, kind: str) -> None:
        """An id no (chosen) commitment has, or an unknown commitment, raises UnknownId."""
        with pytest.raises(UnknownId) as info:
            navigation_plan().milestone(milestone_id, commitment=owner)

        expected = (kind, owner if kind == "commitment" else milestone_id)
        assert expected == (info.value.kind, info.value.id)

    def test_plan_iter_milestones_is_depth_first(self) -> None:
        """iter_milestones yields (commitment, milestone) pairs depth first, in document order."""
        expected = [
            ("C1", "m1"),
            ("C1", "m1.1"),
            ("C1", "m1.1.1"),
            ("C1", "m2"),
            ("C2", "m1"),
            ("C2", "m3"),
        ]
        assert expected == [(c.id, m.id) for c, m in navigation_plan().iter_milestones()]

    def test_commitment_iter_milestones_is_depth_first(self) -> None:
        """Commitment.iter_milestones yields its milestones at every depth, depth first."""
        expected = ["m1", "m1.1", "m1.1.1", "m2"]
        assert expected == [m.id for m in navigation_plan().commitment("C1").iter_milestones()]

    def test_milestone_iter_milestones_yields_descendants(self) -> None:
        """Milestone.iter_milestones yields the children at every depth, not the milestone itself."""
        top = navigation_plan().milestone("m1", commitment="C1")

        expected = ["m1.1", "m1.1.1"]
        assert expected == [m.id for m in top.iter_milestones()]

    def test_commitment_milestone(self) -> None:
        """Commitment.milestone finds a nested milestone, or raises UnknownId."""
        c1 = navigation_plan().commitment("C1")
        with pytest.raises(UnknownId) as info:
            c1.milestone("m3")

        expected = ("m1.1.1", ("milestone", "m3"))
        assert expected == (c1.milestone("m1.1.1").id, (info.value.kind, info.value.id))

    def test_resolve_keeps_order(self) -> None:
        """resolve() returns the stakeholders in the order of the ids given."""
        expected = ["s3", "s1", "s3"]
        assert expected == [s.id for s in navigation_plan().resolve(["s3", "s1", "s3"])]

    def test_resolve_nothing(self) -> None:
        """resolve() of no ids is empty."""
        expected: tuple[Stakeholder, ...] = ()
        assert expected == navigation_plan().resolve(())

    def test_resolve_unknown(self) -> None:
        """resolve() raises UnknownId for the first id that names no stakeholder."""
        with pytest.raises(UnknownId) as info:
            navigation_plan().resolve(["s1", "zz", "yy"])

        expected = ("stakeholder", "zz")
        assert expected == (info.value.kind, info.value.id)

    @pytest.mark.parametrize(
        ("commitment_id", "expected"),
        [
            ("C1", [AssessmentType.INCEPTION_REPORT, AssessmentType.END_OF_COMMITMENT_REPORT]),
            ("C2", [AssessmentType.INCEPTION_REPORT, AssessmentType.IRM_REVIEW]),
            ("C3", []),
            ("C9", []),
        ],
    )
    def test_assessments_of(self, commitment_id: str, expected: list[AssessmentType]) -> None:
        """assessments_of returns, in order, the assessments that name the commitment."""
        assert expected == [a.type for a in navigation_plan().assessments_of(commitment_id)]


class TestEventDates:
    def test_a_month_or_a_year_is_a_partial_date(self) -> None:
        """An imported history may date an event by a month or a year (OGP JSON 1.1)."""
        made = event(date=PartialDate(2023, 3))
        assert made.date == PartialDate(2023, 3)
        assert ogpmodel.loads(ogpmodel.dumps(plan(history=(made,)))).history == (made,)

    def test_a_day_is_a_date(self) -> None:
        """A day is a datetime.date, never a day-precision PartialDate: it reads back the same."""
        error = invalid(lambda: event(date=PartialDate(2023, 3, 5)))
        assert (
            "TransitionEvent.date",
            "a datetime.date, or a PartialDate of a month or a year",
        ) == (
            error.field,
            error.expected,
        )


def test_every_reference_names_a_known_target() -> None:
    """Each `Ref` field of the model names one of `REF_TARGETS`, which the readers walk."""
    from ogpmodel._fields import REF_TARGETS, ListOf, Ref

    classes = [c for c in vars(model_module).values() if isinstance(c, type) and attrs.has(c)]
    targets = set()
    for cls in classes:
        for field in attrs.fields(cls):
            kind = field.metadata.get("kind")
            kind = kind.item if isinstance(kind, ListOf) else kind
            if isinstance(kind, Ref):
                targets.add(kind.target)
    assert targets == set(REF_TARGETS)
