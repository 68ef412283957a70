"""
The entities of OGP JSON 1.0 as frozen, slotted attrs classes (no I/O here).

Every field checks what its type alone cannot express (ids, dates, language tags, country codes,
non-empty required text) and raises `InvalidValue` naming ``Class.field`` and the bad value.
Relations *between* entities (unique ids, references, dates in order, lifecycle) are checked by
the rules of `ogpmodel.validate`, so that a draft can be built and then reported on.

Change a plan with `attrs.evolve` or with the lifecycle transitions; both return new objects.
"""

import datetime
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar, Generic, TypeVar

import attrs

from ogpmodel import _patterns
from ogpmodel._json import freeze_extensions
from ogpmodel._validators import (
    entity_id,
    full_date,
    id_tuple,
    instance_of,
    matches,
    refuse_non_list,
    to_tuple,
    tuple_of,
)
from ogpmodel.codelists import (
    COUNTRIES,
    DIOG,
    AssessmentType,
    CommitmentStatus,
    Completion,
    DIOGDimension,
    IRMProduct,
    Jurisdiction,
    Membership,
    MilestoneStatus,
    Novelty,
    OGPValue,
    PlanStatus,
    PotentialForResults,
    PotentialImpact,
    Role,
    Sector,
    Specificity,
    StakeholderKind,
    Verifiable,
)
from ogpmodel.errors import AmbiguousId, InvalidValue, UnknownId
from ogpmodel.values import Link, PartialDate, Period, Text

__all__ = [
    "SCHEMA_VERSION",
    "ActionPlan",
    "Assessment",
    "Commitment",
    "CommitmentDesign",
    "Contact",
    "DidItOpenGovernment",
    "EndOfCommitmentReport",
    "Endorsement",
    "Forum",
    "Goal",
    "Identifier",
    "InceptionReport",
    "InceptionRequirements",
    "IrmReview",
    "Meeting",
    "Member",
    "Milestone",
    "MonitoringBody",
    "ProgressReport",
    "Stakeholder",
    "State",
    "StrategicVision",
    "TransitionEvent",
]

#: The OGP JSON version of these classes.
SCHEMA_VERSION = "1.0"

# --- field helpers ------------------------------------------------------------------------------
# Each helper records a description in the field's metadata: the JSON Schema is generated from it.


def _doc(description: str, **extra: Any) -> dict[str, Any]:
    return {"description": description, **extra}


def _required_text(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if not isinstance(value, Text) or value.is_blank:
        where = f"{type(instance).__name__}.{attribute.name}"
        raise InvalidValue(where, value, "a non-empty Text")


def _text(description: str, *, required: bool = False) -> Any:
    if required:
        return attrs.field(validator=_required_text, metadata=_doc(description))
    return attrs.field(
        default=None,
        validator=instance_of(Text, "a Text", optional=True),
        metadata=_doc(description),
    )


def _optional(types: type | tuple[type, ...], description: str, expected: str | None = None) -> Any:
    return attrs.field(
        default=None,
        validator=instance_of(types, expected, optional=True),
        metadata=_doc(description),
    )


def _ref(description: str) -> Any:
    return attrs.field(default=None, validator=entity_id(optional=True), metadata=_doc(description))


def _history(state: type) -> Any:
    """The validator of a ``history`` field: TransitionEvents between *state* states."""

    def check(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        where = f"{type(instance).__name__}.history"
        refuse_non_list(where, value, "TransitionEvents")
        for index, event in enumerate(value):
            if not isinstance(event, TransitionEvent) or not isinstance(event.from_, state):
                expected = f"a TransitionEvent between {state.__name__} states"
                raise InvalidValue(f"{where}[{index}]", event, expected)

    return check


def _extensions() -> Any:
    return attrs.field(
        factory=dict,
        converter=freeze_extensions,
        hash=False,
        metadata=_doc("Content outside the standard, kept verbatim through a round trip."),
    )


def _country(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if not isinstance(value, str) or value not in COUNTRIES:
        raise InvalidValue(
            "Member.country", value, "an ISO 3166-1 alpha-2 country code such as 'CL'"
        )


# --- the plan's parties -------------------------------------------------------------------------


@attrs.frozen
class Member:
    """The OGP member (a national or a local government) whose plan this is."""

    name: Text = attrs.field(
        validator=_required_text, metadata=_doc("The member's name, e.g. 'Maipú'.")
    )
    membership: Membership = attrs.field(
        validator=instance_of(Membership), metadata=_doc("Whether the member is local or national.")
    )
    country: str = attrs.field(
        validator=_country, metadata=_doc("ISO 3166-1 alpha-2 country code, e.g. 'CL'.")
    )
    jurisdiction: Jurisdiction | None = _optional(
        Jurisdiction, "The kind of jurisdiction of a local member."
    )
    administration_term_end: PartialDate | None = _optional(
        PartialDate, "When the current administration's term ends.", "a PartialDate"
    )
    extensions: Mapping[str, Any] = _extensions()


@attrs.frozen
class Goal:
    """A long-term goal of the local Open Government Strategic Vision."""

    id: str = attrs.field(
        validator=entity_id(), metadata=_doc("The goal's id, unique within the strategic vision.")
    )
    text: Text = attrs.field(validator=_required_text, metadata=_doc("The goal."))
    extensions: Mapping[str, Any] = _extensions()


@attrs.frozen
class StrategicVision:
    """The local Open Government Strategic Vision and its long-term goals."""

    text: Text = attrs.field(
        validator=_required_text, metadata=_doc("The long-term vision for open government.")
    )
    goals: tuple[Goal, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(Goal),
        metadata=_doc("The long-term goals that commitments link to."),
    )
    extensions: Mapping[str, Any] = _extensions()


@attrs.frozen
class Contact:
    """How to reach a stakeholder."""

    email: str | None = attrs.field(
        default=None,
        validator=matches(_patterns.EMAIL, "an e-mail address", optional=True),
        metadata=_doc("E-mail address."),
    )
    phone: str | None = _optional(str, "Telephone number, as written.")
    url: str | None = attrs.field(
        default=None,
        validator=matches(_patterns.URL, "an absolute http(s) URL", optional=True),
        metadata=_doc("Web page."),
    )
    extensions: Mapping[str, Any] = _extensions()


@attrs.frozen
class Identifier:
    """An identifier of a stakeholder in some scheme (a registry, a tax number, an OGP slug)."""

    scheme: str = attrs.field(
        validator=matches(_patterns.NON_BLANK, "a non-empty scheme name"),
        metadata=_doc("The identifier scheme."),
    )
    id: str = attrs.field(
        validator=matches(_patterns.NON_BLANK, "a non-empty identifier"),
        metadata=_doc("The identifier within the scheme."),
    )
    extensions: Mapping[str, Any] = _extensions()


@attrs.frozen
class Stakeholder:
    """An institution, organisation, group or person the plan mentions (shaped after Popolo)."""

    id: str = attrs.field(
        validator=entity_id(), metadata=_doc("The stakeholder's id, unique in the plan.")
    )
    name: Text = attrs.field(validator=_required_text, metadata=_doc("The stakeholder's name."))
    kind: StakeholderKind = attrs.field(
        validator=instance_of(StakeholderKind), metadata=_doc("Organization, group or person.")
    )
    sector: Sector = attrs.field(
        validator=instance_of(Sector), metadata=_doc("The stakeholder's sector.")
    )
    parent_id: str | None = _ref(
        "The stakeholder this one is part of (a directorate's municipality)."
    )
    roles: tuple[Role, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(Role),
        metadata=_doc("Plan-level roles."),
    )
    contact: Contact | None = _optional(Contact, "How to reach the stakeholder.")
    identifiers: tuple[Identifier, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(Identifier),
        metadata=_doc("Identifiers in other schemes."),
    )
    extensions: Mapping[str, Any] = _extensions()


@attrs.frozen
class Meeting:
    """A meeting of the multi-stakeholder forum."""

    date: datetime.date = attrs.field(
        validator=full_date(), metadata=_doc("The day of the meeting.")
    )
    title: Text | None = _text("What the meeting was.")
    link: Link | None = _optional(Link, "Minutes, recording or announcement.")
    information_shared_before: bool | None = _optional(
        bool, "Whether the government shared relevant information before the meeting."
    )
    extensions: Mapping[str, Any] = _extensions()


@attrs.frozen
class Forum:
    """The multi-stakeholder forum that oversees co-creation and implementation."""

    name: Text = attrs.field(validator=_required_text, metadata=_doc("The forum's name."))
    member_ids: tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=id_tuple(),
        metadata=_doc("Stakeholder ids of the forum's members."),
    )
    meetings: tuple[Meeting, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(Meeting),
        metadata=_doc("The forum's meetings."),
    )
    extensions: Mapping[str, Any] = _extensions()


@attrs.frozen
class MonitoringBody:
    """The OGP Local monitoring body that assesses the plan independently."""

    name: Text = attrs.field(validator=_required_text, metadata=_doc("The monitoring body's name."))
    kind: StakeholderKind = attrs.field(
        validator=instance_of(StakeholderKind),
        metadata=_doc("A person, a group or an organization."),
    )
    member_ids: tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=id_tuple(),
        metadata=_doc("Stakeholder ids of its members."),
    )
    extensions: Mapping[str, Any] = _extensions()


@attrs.frozen
class Endorsement:
    """A stakeholder's endorsement of the plan before submission."""

    stakeholder_id: str = attrs.field(
        validator=entity_id(), metadata=_doc("The endorsing stakeholder.")
    )
    date: datetime.date = attrs.field(
        validator=full_date(), metadata=_doc("The day of the endorsement.")
    )
    extensions: Mapping[str, Any] = _extensions()


# --- lifecycle and progress ---------------------------------------------------------------------

#: The lifecycle states: `PlanStatus`, `CommitmentStatus` or `MilestoneStatus`.
State = TypeVar("State", PlanStatus, CommitmentStatus, MilestoneStatus)


@attrs.frozen
class TransitionEvent(Generic[State]):
    """
    A dated lifecycle event: the owner moved from one state to another.

    On the wire the first field is ``from``; in Python it is ``from_``.
    """

    from_: State = attrs.field(metadata=_doc("The state before the event.", wire="from"))
    to: State = attrs.field(metadata=_doc("The state after the event."))
    date: datetime.date = attrs.field(validator=full_date(), metadata=_doc("The day of the event."))
    actor_id: str | None = _ref("The stakeholder who made the change.")
    note: Text | None = _text("Why (required for withdrawals and cancellations).")
    extensions: Mapping[str, Any] = _extensions()

    @from_.validator
    @to.validator
    def _check_state(self, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if not isinstance(value, (PlanStatus, CommitmentStatus, MilestoneStatus)):
            raise InvalidValue(
                f"TransitionEvent.{attribute.name}",
                value,
                "a PlanStatus, CommitmentStatus or MilestoneStatus",
            )

    def __attrs_post_init__(self) -> None:
        if type(self.from_) is not type(self.to):
            raise InvalidValue(
                "TransitionEvent.to", self.to, f"a {type(self.from_).__name__}, like 'from_'"
            )


@attrs.frozen
class ProgressReport:
    """A dated, self-reported progress update on a commitment or a milestone."""

    date: PartialDate = attrs.field(
        validator=instance_of(PartialDate, "a PartialDate"),
        metadata=_doc("When the update was made."),
    )
    status: Completion | None = _optional(Completion, "The completion level at that date.")
    text: Text | None = _text("What was done.")
    evidence: tuple[Link, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(Link),
        metadata=_doc("Links to evidence."),
    )
    challenges: Text | None = _text("Challenges met.")
    author_id: str | None = _ref("The stakeholder who reported.")
    extensions: Mapping[str, Any] = _extensions()


# --- commitments and milestones -----------------------------------------------------------------


def _walk(milestones: tuple["Milestone", ...]) -> Iterator["Milestone"]:
    for milestone in milestones:
        yield milestone
        yield from _walk(milestone.milestones)


@attrs.frozen
class Milestone:
    """
    An activity with a verifiable deliverable; milestones may nest.

    Canada's tracker has commitment → milestone → indicator, the US tracker commitment →
    sub-commitment. Ids are unique within their commitment, across all nesting levels.
    """

    id: str = attrs.field(
        validator=entity_id(),
        metadata=_doc("The milestone's id, unique within its commitment at every depth."),
    )
    title: Text = attrs.field(
        validator=_required_text, metadata=_doc("The activity with a verifiable deliverable.")
    )
    status: MilestoneStatus = attrs.field(
        validator=instance_of(MilestoneStatus), metadata=_doc("The current lifecycle state.")
    )
    expected_outputs: Text | None = _text("What the milestone will deliver.")
    period: Period | None = _optional(Period, "When; the end is the expected completion date.")
    deadline_note: Text | None = _text("A free-text deadline as published ('Fall 2027').")
    responsible_ids: tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=id_tuple(),
        metadata=_doc("Stakeholder ids of those responsible."),
    )
    history: tuple[TransitionEvent[MilestoneStatus], ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=_history(MilestoneStatus),
        metadata=_doc("The dated lifecycle events that led to status, oldest first."),
    )
    progress: tuple[ProgressReport, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(ProgressReport),
        metadata=_doc("Dated progress updates."),
    )
    milestones: "tuple[Milestone, ...]" = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=lambda i, a, v: tuple_of(Milestone)(i, a, v),
        metadata=_doc("Child milestones (indicators, sub-commitments)."),
    )
    links: tuple[Link, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(Link),
        metadata=_doc("Related web pages and documents."),
    )
    extensions: Mapping[str, Any] = _extensions()

    def iter_milestones(self) -> Iterator["Milestone"]:
        """Yield the child milestones at every depth, depth first."""
        return _walk(self.milestones)


# Milestones nest: resolve the string annotation of ``milestones`` now that the class exists.
attrs.resolve_types(Milestone)


@attrs.frozen
class Commitment:
    """A reform promise of the plan, with its milestones and lifecycle."""

    id: str = attrs.field(
        validator=entity_id(),
        metadata=_doc(
            "OGP-style id where known (CLMPU0001, US0113), else any id unique in the plan."
        ),
    )
    title: Text = attrs.field(validator=_required_text, metadata=_doc("The commitment's title."))
    status: CommitmentStatus = attrs.field(
        validator=instance_of(CommitmentStatus), metadata=_doc("The current lifecycle state.")
    )
    problem: Text | None = _text("The public problem it addresses.")
    status_quo: Text | None = _text("The situation before the commitment.")
    action: Text | None = _text("What the commitment will do.")
    expected_results: Text | None = _text("How it will contribute to solving the problem.")
    vision_goal_id: str | None = _ref("The strategic-vision goal it serves.")
    ogp_values: tuple[OGPValue, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(OGPValue),
        metadata=_doc("The OGP values it advances."),
    )
    policy_areas: tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(str),
        metadata=_doc("Policy areas (open codelist 'policy-area').", codelist="policy-area"),
    )
    primary_sector: str | None = attrs.field(
        default=None,
        validator=matches(_patterns.NON_BLANK, "a non-empty string", optional=True),
        metadata=_doc(
            "OGP's primary sector (open codelist 'primary-sector').", codelist="primary-sector"
        ),
    )
    period: Period | None = _optional(Period, "When the commitment runs.")
    lead_ids: tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=id_tuple(),
        metadata=_doc("Stakeholder ids of the lead institution(s)."),
    )
    supporting_ids: tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=id_tuple(),
        metadata=_doc("Stakeholder ids of supporting stakeholders."),
    )
    milestones: tuple[Milestone, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(Milestone),
        metadata=_doc("The commitment's milestones."),
    )
    history: tuple[TransitionEvent[CommitmentStatus], ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=_history(CommitmentStatus),
        metadata=_doc("The dated lifecycle events that led to status, oldest first."),
    )
    progress: tuple[ProgressReport, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(ProgressReport),
        metadata=_doc("Dated progress updates."),
    )
    links: tuple[Link, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(Link),
        metadata=_doc("Related web pages and documents."),
    )
    extensions: Mapping[str, Any] = _extensions()

    def iter_milestones(self) -> Iterator[Milestone]:
        """Yield every milestone of the commitment at every depth, depth first."""
        return _walk(self.milestones)

    def milestone(self, milestone_id: str) -> Milestone:
        """
        Return the milestone with *milestone_id*, at any depth.

        Raises:
            UnknownId: The commitment has no such milestone.
        """
        for milestone in self.iter_milestones():
            if milestone.id == milestone_id:
                return milestone
        raise UnknownId("milestone", milestone_id)


# --- assessments ----------------------------------------------------------------------------------


@attrs.frozen
class InceptionRequirements:
    """The OGP Local minimum requirements an inception report checks (each yes, no or absent)."""

    forum_exists: bool | None = _optional(bool, "A forum exists.")
    forum_multistakeholder: bool | None = _optional(bool, "The forum is multi-stakeholder.")
    plan_endorsed_by_non_government: bool | None = _optional(
        bool, "Non-government stakeholders endorsed the plan before submission."
    )
    website_updated: bool | None = _optional(
        bool, "A public web page on the process is updated at least every four months."
    )
    information_shared_before_meetings: bool | None = _optional(
        bool, "The government shared relevant information before meetings."
    )
    extensions: Mapping[str, Any] = _extensions()


@attrs.frozen
class CommitmentDesign:
    """An inception report's design assessment of one commitment."""

    commitment_id: str = attrs.field(
        validator=entity_id(), metadata=_doc("The assessed commitment.")
    )
    verifiable: Verifiable | None = _optional(Verifiable, "Whether the commitment is verifiable.")
    relevant: bool | None = _optional(bool, "Whether it is relevant to OGP values.")
    novelty: Novelty | None = _optional(Novelty, "Continuation of a practice, or a new one.")
    potential_for_results: PotentialForResults | None = _optional(
        PotentialForResults, "The potential for results."
    )
    extensions: Mapping[str, Any] = _extensions()


@attrs.frozen
class InceptionReport:
    """An OGP Local monitoring body's inception report (due within 2 months of submission)."""

    type: ClassVar[AssessmentType] = AssessmentType.INCEPTION_REPORT

    date: PartialDate = attrs.field(
        validator=instance_of(PartialDate, "a PartialDate"),
        metadata=_doc("When the report was made."),
    )
    requirements: InceptionRequirements = attrs.field(
        factory=InceptionRequirements,
        validator=instance_of(InceptionRequirements),
        metadata=_doc("The minimum requirements checked.", required=True),
    )
    commitments: tuple[CommitmentDesign, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(CommitmentDesign),
        metadata=_doc("The design assessment of each commitment.", required=True),
    )
    evaluator_id: str | None = _ref("The stakeholder who assessed.")
    extensions: Mapping[str, Any] = _extensions()


@attrs.frozen
class DidItOpenGovernment:
    """The 'Did it open government?' answers of an end-of-commitment report."""

    access_to_information: DIOGDimension | None = _optional(DIOGDimension, "Access to information.")
    civic_participation: DIOGDimension | None = _optional(DIOGDimension, "Civic participation.")
    public_accountability: DIOGDimension | None = _optional(DIOGDimension, "Public accountability.")
    overall: DIOG | None = _optional(DIOG, "Overall.")
    extensions: Mapping[str, Any] = _extensions()


@attrs.frozen
class EndOfCommitmentReport:
    """An OGP Local end-of-commitment report (due within 1 month of the commitment's completion)."""

    type: ClassVar[AssessmentType] = AssessmentType.END_OF_COMMITMENT_REPORT

    date: PartialDate = attrs.field(
        validator=instance_of(PartialDate, "a PartialDate"),
        metadata=_doc("When the report was made."),
    )
    commitment_id: str = attrs.field(
        validator=entity_id(), metadata=_doc("The assessed commitment.")
    )
    completion: Completion = attrs.field(
        validator=instance_of(Completion), metadata=_doc("The level of completion.")
    )
    did_it_open_government: DidItOpenGovernment = attrs.field(
        factory=DidItOpenGovernment,
        validator=instance_of(DidItOpenGovernment),
        metadata=_doc("Did it open government?", required=True),
    )
    explanation: Text | None = _text("The explanation of the ratings.")
    evidence: tuple[Link, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=tuple_of(Link), metadata=_doc("Evidence.")
    )
    evaluator_id: str | None = _ref("The stakeholder who assessed.")
    extensions: Mapping[str, Any] = _extensions()


@attrs.frozen
class IrmReview:
    """An IRM assessment of a commitment (national members, and legacy local reports)."""

    type: ClassVar[AssessmentType] = AssessmentType.IRM_REVIEW

    date: PartialDate = attrs.field(
        validator=instance_of(PartialDate, "a PartialDate"),
        metadata=_doc("When the report was published."),
    )
    commitment_id: str = attrs.field(
        validator=entity_id(), metadata=_doc("The assessed commitment.")
    )
    product: IRMProduct = attrs.field(
        validator=instance_of(IRMProduct), metadata=_doc("The IRM report it comes from.")
    )
    verifiable: Verifiable | None = _optional(Verifiable, "Verifiable (2021+).")
    relevant: bool | None = _optional(bool, "Relevant to OGP values.")
    specificity: Specificity | None = _optional(Specificity, "Specificity (legacy).")
    potential_impact: PotentialImpact | None = _optional(
        PotentialImpact, "Potential impact (legacy)."
    )
    potential_for_results: PotentialForResults | None = _optional(
        PotentialForResults, "Potential for results (2020+)."
    )
    completion: Completion | None = _optional(Completion, "Completion.")
    did_it_open_government: DIOG | None = _optional(DIOG, "Did it open government?")
    early_results: DIOG | None = _optional(DIOG, "Early results.")
    extensions: Mapping[str, Any] = _extensions()


#: An assessment of the plan or of a commitment; the wire form is tagged by ``type``.
Assessment = InceptionReport | EndOfCommitmentReport | IrmReview


# --- the plan --------------------------------------------------------------------------------------


def _schema_version(instance: object, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if value != SCHEMA_VERSION:
        raise InvalidValue("ActionPlan.schema_version", value, f"{SCHEMA_VERSION!r}")


@attrs.frozen
class ActionPlan:
    """
    An OGP action plan: the root of an OGP JSON document.

    >>> from ogpmodel import ActionPlan, Member, Text, Period, PlanStatus, Membership
    >>> plan = ActionPlan(
    ...     id="demo-2024",
    ...     title=Text("Demo plan"),
    ...     language="en",
    ...     member=Member(name=Text("Demo"), membership=Membership.LOCAL, country="CL"),
    ...     period=Period(),
    ...     status=PlanStatus.PLANNING,
    ... )
    >>> plan.commitments
    ()
    """

    id: str = attrs.field(
        validator=matches(_patterns.PLAN_ID, "an id such as 'maipu-chile-2023-2024'"),
        metadata=_doc("The plan's id, e.g. 'maipu-chile-2023-2024'."),
    )
    title: Text = attrs.field(validator=_required_text, metadata=_doc("The plan's title."))
    language: str = attrs.field(
        validator=matches(_patterns.LANGUAGE_TAG, "a BCP 47 language tag such as 'es' or 'fr-CA'"),
        metadata=_doc("BCP 47 tag of the plan's plain-string text ('es', 'en', 'fr-CA')."),
    )
    member: Member = attrs.field(
        validator=instance_of(Member), metadata=_doc("The OGP member whose plan this is.")
    )
    period: Period = attrs.field(
        validator=instance_of(Period), metadata=_doc("The plan's implementation period.")
    )
    status: PlanStatus = attrs.field(
        validator=instance_of(PlanStatus), metadata=_doc("The current lifecycle state.")
    )
    schema_version: str = attrs.field(
        default=SCHEMA_VERSION,
        validator=_schema_version,
        metadata=_doc("The OGP JSON version of the document.", required=True),
    )
    history: tuple[TransitionEvent[PlanStatus], ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=_history(PlanStatus),
        metadata=_doc("The dated lifecycle events that led to status, oldest first."),
    )
    submitted_on: datetime.date | None = attrs.field(
        default=None,
        validator=full_date(optional=True),
        metadata=_doc("When the plan was delivered to OGP."),
    )
    description: Text | None = _text("What the plan is about.")
    strategic_vision: StrategicVision | None = _optional(
        StrategicVision, "The local Open Government Strategic Vision."
    )
    stakeholders: tuple[Stakeholder, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(Stakeholder),
        metadata=_doc("Every institution, organisation, group or person the plan mentions."),
    )
    point_of_contact_id: str | None = _ref("The stakeholder who is the OGP point of contact.")
    forum: Forum | None = _optional(Forum, "The multi-stakeholder forum.")
    monitoring_body: MonitoringBody | None = _optional(MonitoringBody, "The monitoring body.")
    endorsements: tuple[Endorsement, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(Endorsement),
        metadata=_doc("Who endorsed the plan before submission."),
    )
    commitments: tuple[Commitment, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(Commitment),
        metadata=_doc("The plan's commitments (may be empty while drafting).", required=True),
    )
    assessments: tuple[Assessment, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of((InceptionReport, EndOfCommitmentReport, IrmReview)),
        metadata=_doc("Monitoring-body and IRM assessments."),
    )
    links: tuple[Link, ...] = attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=tuple_of(Link),
        metadata=_doc("The published plan, the member page, …"),
    )
    extensions: Mapping[str, Any] = _extensions()

    # --- navigation ---

    def commitment(self, commitment_id: str) -> Commitment:
        """
        Return the commitment with *commitment_id*.

        Raises:
            UnknownId: The plan has no such commitment.
        """
        for commitment in self.commitments:
            if commitment.id == commitment_id:
                return commitment
        raise UnknownId("commitment", commitment_id)

    def milestone(self, milestone_id: str, *, commitment: str | None = None) -> Milestone:
        """
        Return the milestone with *milestone_id*, at any depth.

        Milestone ids are unique within their commitment only: pass *commitment* (its id) when
        two commitments use the same milestone id.

        Raises:
            UnknownId: No (such) commitment has that milestone.
            AmbiguousId: Several commitments have it and *commitment* was not given.
        """
        if commitment is not None:
            return self.commitment(commitment).milestone(milestone_id)
        found = [
            (c.id, m) for c in self.commitments for m in c.iter_milestones() if m.id == milestone_id
        ]
        if not found:
            raise UnknownId("milestone", milestone_id)
        owners = tuple(dict.fromkeys(owner for owner, _ in found))  # each commitment once
        if len(owners) > 1:
            raise AmbiguousId("milestone", milestone_id, owners)
        return found[0][1]

    def iter_milestones(self) -> Iterator[tuple[Commitment, Milestone]]:
        """Yield ``(commitment, milestone)`` for every milestone of the plan, depth first."""
        for commitment in self.commitments:
            for milestone in commitment.iter_milestones():
                yield commitment, milestone

    def stakeholder(self, stakeholder_id: str) -> Stakeholder:
        """
        Return the stakeholder with *stakeholder_id*.

        Raises:
            UnknownId: The plan has no such stakeholder.
        """
        for stakeholder in self.stakeholders:
            if stakeholder.id == stakeholder_id:
                return stakeholder
        raise UnknownId("stakeholder", stakeholder_id)

    def resolve(self, stakeholder_ids: Iterable[str]) -> tuple[Stakeholder, ...]:
        """
        Return the stakeholders named by a ``*_ids`` field, in its order.

        >>> # plan.resolve(commitment.lead_ids)

        Raises:
            UnknownId: One of the ids names no stakeholder.
        """
        by_id = {s.id: s for s in self.stakeholders}
        resolved = []
        for stakeholder_id in stakeholder_ids:
            if stakeholder_id not in by_id:
                raise UnknownId("stakeholder", stakeholder_id)
            resolved.append(by_id[stakeholder_id])
        return tuple(resolved)

    def assessments_of(self, commitment_id: str) -> tuple[Assessment, ...]:
        """Return the assessments that name *commitment_id* (inception reports that rate it too)."""
        return tuple(
            a
            for a in self.assessments
            if (
                any(d.commitment_id == commitment_id for d in a.commitments)
                if isinstance(a, InceptionReport)
                else a.commitment_id == commitment_id
            )
        )
