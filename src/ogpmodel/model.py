"""
The entities of OGP JSON as frozen, slotted attrs classes (no I/O here).

Every field checks what its type alone cannot express (ids, dates, language tags, country codes,
non-empty required text) and raises `InvalidValue` naming ``Class.field`` and the bad value.
Relations *between* entities (unique ids, references, dates in order, lifecycle) are checked by
the rules of `ogpmodel.validate`, so that a draft can be built and then reported on.

Change a plan with `attrs.evolve` or with the lifecycle transitions; both return new objects.
"""

import datetime
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, ClassVar, Generic, TypeVar

import attrs

from ogpmodel import _fields as f
from ogpmodel._loaders import complete
from ogpmodel._resources import SCHEMA_VERSION
from ogpmodel.codelists import (
    DIOG,
    AssessmentType,
    CommitmentStatus,
    Completion,
    DIOGDimension,
    GrandChallenge,
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
    "MAX_MILESTONE_DEPTH",
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
    "OtherName",
    "ProgressReport",
    "Stakeholder",
    "State",
    "StrategicVision",
    "TransitionEvent",
]


def __dir__() -> list[str]:
    return sorted(__all__)


# --- the plan's parties -------------------------------------------------------------------------


@attrs.frozen
class Member:
    """The OGP member (a national or a local government) whose plan this is."""

    name: Text = attrs.field(**f.text("The member's name, e.g. 'Maipú'.", required=True))
    membership: Membership = attrs.field(
        **f.code(Membership, "Whether the member is local or national.")
    )
    country: str = attrs.field(**f.country("ISO 3166-1 alpha-2 country code, e.g. 'CL'."))
    jurisdiction: Jurisdiction | None = attrs.field(
        default=None,
        **f.code(Jurisdiction, "The kind of jurisdiction of a local member.", optional=True),
    )
    administration_term_end: PartialDate | None = attrs.field(
        default=None,
        **f.partial_date("When the current administration's term ends.", optional=True),
    )
    extensions: Mapping[str, Any] = f.extensions()


@attrs.frozen
class Goal:
    """A long-term goal of the local Open Government Strategic Vision."""

    id: str = attrs.field(**f.string("The goal's id, unique within the strategic vision.", "Id"))
    text: Text = attrs.field(**f.text("The goal.", required=True))
    extensions: Mapping[str, Any] = f.extensions()


@attrs.frozen
class StrategicVision:
    """The local Open Government Strategic Vision and its long-term goals."""

    text: Text = attrs.field(**f.text("The long-term vision for open government.", required=True))
    goals: tuple[Goal, ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.entities(Goal, "The long-term goals that commitments link to."),
    )
    extensions: Mapping[str, Any] = f.extensions()


@attrs.frozen
class Contact:
    """How to reach a stakeholder."""

    email: str | None = attrs.field(
        default=None, **f.string("E-mail address.", "Email", optional=True)
    )
    phone: str | None = attrs.field(
        default=None, **f.string("Telephone number, as written.", optional=True)
    )
    url: str | None = attrs.field(default=None, **f.string("Web page.", "Url", optional=True))
    extensions: Mapping[str, Any] = f.extensions()


@attrs.frozen
class Identifier:
    """An identifier of a stakeholder in some scheme (a registry, a tax number, an OGP slug)."""

    scheme: str = attrs.field(
        **f.string("The identifier scheme.", "NonBlankString", message="a non-empty scheme name")
    )
    id: str = attrs.field(
        **f.string(
            "The identifier within the scheme.", "NonBlankString", message="a non-empty identifier"
        )
    )
    extensions: Mapping[str, Any] = f.extensions()


@attrs.frozen
class OtherName:
    """Another name of a stakeholder: a former name, a translation, a department code (Popolo)."""

    name: Text = attrs.field(**f.text("The other name.", required=True))
    note: Text | None = attrs.field(
        default=None, **f.text("What kind of name it is ('former name', 'department code').")
    )
    period: Period | None = attrs.field(
        default=None, **f.entity(Period, "When the name was in use.")
    )
    extensions: Mapping[str, Any] = f.extensions()


@attrs.frozen
class Stakeholder:
    """
    An institution, organisation, group or person the plan mentions (shaped after Popolo).

    A stakeholder has a ``name``, an ``acronym`` or both (a record that gives only a
    department's acronym is kept as published); the rule ``stakeholder.unnamed`` reports one
    with neither. ``name`` is keyword-only since OGP JSON 1.1, where it became optional.
    """

    id: str = attrs.field(**f.string("The stakeholder's id, unique in the plan.", "Id"))
    name: Text | None = attrs.field(
        default=None,
        kw_only=True,
        **f.changed(
            f.text(
                "The stakeholder's name (absent: known only by its acronym).",
                required=True,
                optional=True,
            ),
            until="1.0",
            was=f.text("The stakeholder's name.", required=True),
            required=True,
        ),
    )
    acronym: str | None = attrs.field(
        default=None,
        kw_only=True,
        **f.since(
            "1.1",
            f.string(
                "The short form the records use ('TBS', 'EPA').",
                "NonBlankString",
                optional=True,
                message="a non-empty acronym",
            ),
        ),
    )
    kind: StakeholderKind = attrs.field(**f.code(StakeholderKind, "Organization, group or person."))
    sector: Sector = attrs.field(**f.code(Sector, "The stakeholder's sector."))
    parent_id: str | None = attrs.field(
        default=None,
        **f.ref(
            "stakeholder", "The stakeholder this one is part of (a directorate's municipality)."
        ),
    )
    roles: tuple[Role, ...] = attrs.field(
        factory=tuple, converter=f.to_tuple, **f.codes(Role, "Plan-level roles.")
    )
    contact: Contact | None = attrs.field(
        default=None, **f.entity(Contact, "How to reach the stakeholder.")
    )
    identifiers: tuple[Identifier, ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.entities(Identifier, "Identifiers in other schemes."),
    )
    other_names: tuple[OtherName, ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.since("1.1", f.entities(OtherName, "Other names: former, translated, coded.")),
    )
    extensions: Mapping[str, Any] = f.extensions()

    @property
    def label(self) -> str:
        """The name (its first non-blank string), else the acronym, else the id."""
        if self.name is not None:
            return str(self.name)
        return self.acronym if self.acronym is not None else self.id


@attrs.frozen
class Meeting:
    """A meeting of the multi-stakeholder forum."""

    date: datetime.date = attrs.field(**f.date("The day of the meeting."))
    title: Text | None = attrs.field(default=None, **f.text("What the meeting was."))
    link: Link | None = attrs.field(
        default=None, **f.entity(Link, "Minutes, recording or announcement.")
    )
    information_shared_before: bool | None = attrs.field(
        default=None,
        **f.boolean("Whether the government shared relevant information before the meeting."),
    )
    extensions: Mapping[str, Any] = f.extensions()


@attrs.frozen
class Forum:
    """The multi-stakeholder forum that oversees co-creation and implementation."""

    name: Text = attrs.field(**f.text("The forum's name.", required=True))
    member_ids: tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.refs("stakeholder", "Stakeholder ids of the forum's members."),
    )
    meetings: tuple[Meeting, ...] = attrs.field(
        factory=tuple, converter=f.to_tuple, **f.entities(Meeting, "The forum's meetings.")
    )
    extensions: Mapping[str, Any] = f.extensions()


@attrs.frozen
class MonitoringBody:
    """The OGP Local monitoring body that assesses the plan independently."""

    name: Text = attrs.field(**f.text("The monitoring body's name.", required=True))
    kind: StakeholderKind = attrs.field(
        **f.code(StakeholderKind, "A person, a group or an organization.")
    )
    member_ids: tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.refs("stakeholder", "Stakeholder ids of its members."),
    )
    extensions: Mapping[str, Any] = f.extensions()


@attrs.frozen
class Endorsement:
    """A stakeholder's endorsement of the plan before submission."""

    stakeholder_id: str = attrs.field(
        **f.ref("stakeholder", "The endorsing stakeholder.", optional=False)
    )
    date: datetime.date = attrs.field(**f.date("The day of the endorsement."))
    extensions: Mapping[str, Any] = f.extensions()


# --- lifecycle and progress ---------------------------------------------------------------------

#: The lifecycle states: `PlanStatus`, `CommitmentStatus` or `MilestoneStatus`.
State = TypeVar("State", PlanStatus, CommitmentStatus, MilestoneStatus)
_STATES = (PlanStatus, CommitmentStatus, MilestoneStatus)


@attrs.frozen
class TransitionEvent(Generic[State]):
    """
    A dated lifecycle event: the owner moved from one state to another.

    On the wire the first field is ``from``; in Python it is ``from_``.
    """

    from_: State = attrs.field(**f.state(_STATES, "The state before the event.", wire="from"))
    to: State = attrs.field(**f.state(_STATES, "The state after the event."))
    date: datetime.date | PartialDate = attrs.field(
        **f.changed(
            f.day_or_partial_date(
                "The day of the event; a month or a year where the record gives no day."
            ),
            until="1.0",
            was=f.date("The day of the event."),
            required=True,
        )
    )
    actor_id: str | None = attrs.field(
        default=None, **f.ref("stakeholder", "The stakeholder who made the change.")
    )
    note: Text | None = attrs.field(
        default=None, **f.text("Why (required for withdrawals and cancellations).")
    )
    extensions: Mapping[str, Any] = f.extensions()

    def __attrs_post_init__(self) -> None:
        if type(self.from_) is not type(self.to):
            raise InvalidValue(
                "TransitionEvent.to", self.to, f"a {type(self.from_).__name__}, like 'from_'"
            )


@attrs.frozen
class ProgressReport:
    """A dated, self-reported progress update on a commitment or a milestone."""

    date: PartialDate = attrs.field(**f.partial_date("When the update was made."))
    status: Completion | None = attrs.field(
        default=None, **f.code(Completion, "The completion level at that date.", optional=True)
    )
    completion_percent: float | None = attrs.field(
        default=None,
        **f.since("1.1", f.percent("The share completed at that date, 0 to 100, as reported.")),
    )
    text: Text | None = attrs.field(default=None, **f.text("What was done."))
    evidence: tuple[Link, ...] = attrs.field(
        factory=tuple, converter=f.to_tuple, **f.entities(Link, "Links to evidence.")
    )
    evidence_note: Text | None = attrs.field(
        default=None,
        **f.since("1.1", f.text("Evidence described in words, where there is no address.")),
    )
    challenges: Text | None = attrs.field(default=None, **f.text("Challenges met."))
    author_id: str | None = attrs.field(
        default=None, **f.ref("stakeholder", "The stakeholder who reported.")
    )
    extensions: Mapping[str, Any] = f.extensions()


# --- commitments and milestones -----------------------------------------------------------------

_HISTORY = "The dated lifecycle events that led to status, oldest first."


#: How deep milestones may nest (real trackers nest 2 levels: milestone → indicator).
MAX_MILESTONE_DEPTH = 32


def _height(milestones: tuple["Milestone", ...]) -> int:
    """How many levels of milestones *milestones* hold (1: no grandchildren), without recursion."""
    height = 0
    stack = [(m, 1) for m in milestones]
    while stack:
        milestone, level = stack.pop()
        height = max(height, level)
        stack.extend((child, level + 1) for child in milestone.milestones)
    return height


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
        **f.string("The milestone's id, unique within its commitment at every depth.", "Id")
    )
    title: Text = attrs.field(
        **f.text("The activity with a verifiable deliverable.", required=True)
    )
    status: MilestoneStatus | None = attrs.field(default=None, **f.status(MilestoneStatus))
    description: Text | None = attrs.field(
        default=None, **f.since("1.1", f.text("What the activity is, at length."))
    )
    expected_outputs: Text | None = attrs.field(
        default=None, **f.text("What the milestone will deliver.")
    )
    period: Period | None = attrs.field(
        default=None, **f.entity(Period, "When; the end is the expected completion date.")
    )
    deadline_note: Text | None = attrs.field(
        default=None, **f.text("A free-text deadline as published ('Fall 2027').")
    )
    responsible_ids: tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.refs("stakeholder", "Stakeholder ids of those responsible."),
    )
    history: tuple[TransitionEvent[MilestoneStatus], ...] = attrs.field(
        factory=tuple, converter=f.to_tuple, **f.history(TransitionEvent, MilestoneStatus, _HISTORY)
    )
    progress: tuple[ProgressReport, ...] = attrs.field(
        factory=tuple, converter=f.to_tuple, **f.entities(ProgressReport, "Dated progress updates.")
    )
    milestones: "tuple[Milestone, ...]" = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.entities(lambda: (Milestone,), "Child milestones (indicators, sub-commitments)."),
    )
    links: tuple[Link, ...] = attrs.field(
        factory=tuple, converter=f.to_tuple, **f.entities(Link, "Related web pages and documents.")
    )
    extensions: Mapping[str, Any] = f.extensions()

    def iter_milestones(self) -> Iterator["Milestone"]:
        """Yield the child milestones at every depth, depth first."""
        return _walk(self.milestones)

    def __attrs_post_init__(self) -> None:
        if self.milestones and _height(self.milestones) + 1 > MAX_MILESTONE_DEPTH:
            raise InvalidValue(
                "Milestone.milestones",
                f"milestones nested more than {MAX_MILESTONE_DEPTH} levels deep",
                f"milestones nested at most {MAX_MILESTONE_DEPTH} levels deep",
            )


# Milestones nest: resolve the string annotation of ``milestones`` now that the class exists.
attrs.resolve_types(Milestone)


@attrs.frozen
class Commitment:
    """A reform promise of the plan, with its milestones and lifecycle."""

    id: str = attrs.field(
        **f.string(
            "OGP-style id where known (CLMPU0001, US0113), else any id unique in the plan.", "Id"
        )
    )
    title: Text = attrs.field(**f.text("The commitment's title.", required=True))
    status: CommitmentStatus | None = attrs.field(default=None, **f.status(CommitmentStatus))
    problem: Text | None = attrs.field(default=None, **f.text("The public problem it addresses."))
    status_quo: Text | None = attrs.field(
        default=None, **f.text("The situation before the commitment.")
    )
    action: Text | None = attrs.field(default=None, **f.text("What the commitment will do."))
    expected_results: Text | None = attrs.field(
        default=None, **f.text("How it will contribute to solving the problem.")
    )
    vision_goal_id: str | None = attrs.field(
        default=None, **f.ref("goal", "The strategic-vision goal it serves.")
    )
    ogp_values: tuple[OGPValue, ...] = attrs.field(
        factory=tuple, converter=f.to_tuple, **f.codes(OGPValue, "The OGP values it advances.")
    )
    policy_areas: tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.open_codes("policy-area", "Policy areas (open codelist 'policy-area')."),
    )
    primary_sector: str | None = attrs.field(
        default=None,
        **f.open_code("primary-sector", "OGP's primary sector (open codelist 'primary-sector')."),
    )
    grand_challenge: GrandChallenge | None = attrs.field(
        default=None,
        **f.since(
            "1.1",
            f.code(
                GrandChallenge,
                "The OGP grand challenge it addresses (national plans of 2011-2015).",
                optional=True,
            ),
        ),
    )
    period: Period | None = attrs.field(
        default=None, **f.entity(Period, "When the commitment runs.")
    )
    lead_ids: tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.refs("stakeholder", "Stakeholder ids of the lead institution(s)."),
    )
    supporting_ids: tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.refs("stakeholder", "Stakeholder ids of supporting stakeholders."),
    )
    milestones: tuple[Milestone, ...] = attrs.field(
        factory=tuple, converter=f.to_tuple, **f.entities(Milestone, "The commitment's milestones.")
    )
    history: tuple[TransitionEvent[CommitmentStatus], ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.history(TransitionEvent, CommitmentStatus, _HISTORY),
    )
    progress: tuple[ProgressReport, ...] = attrs.field(
        factory=tuple, converter=f.to_tuple, **f.entities(ProgressReport, "Dated progress updates.")
    )
    links: tuple[Link, ...] = attrs.field(
        factory=tuple, converter=f.to_tuple, **f.entities(Link, "Related web pages and documents.")
    )
    extensions: Mapping[str, Any] = f.extensions()

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

    forum_exists: bool | None = attrs.field(default=None, **f.boolean("A forum exists."))
    forum_multistakeholder: bool | None = attrs.field(
        default=None, **f.boolean("The forum is multi-stakeholder.")
    )
    plan_endorsed_by_non_government: bool | None = attrs.field(
        default=None,
        **f.boolean("Non-government stakeholders endorsed the plan before submission."),
    )
    website_updated: bool | None = attrs.field(
        default=None,
        **f.boolean("A public web page on the process is updated at least every four months."),
    )
    information_shared_before_meetings: bool | None = attrs.field(
        default=None, **f.boolean("The government shared relevant information before meetings.")
    )
    extensions: Mapping[str, Any] = f.extensions()


@attrs.frozen
class CommitmentDesign:
    """An inception report's design assessment of one commitment."""

    commitment_id: str = attrs.field(
        **f.ref("commitment", "The assessed commitment.", optional=False)
    )
    verifiable: Verifiable | None = attrs.field(
        default=None, **f.code(Verifiable, "Whether the commitment is verifiable.", optional=True)
    )
    relevant: bool | None = attrs.field(
        default=None, **f.boolean("Whether it is relevant to OGP values.")
    )
    novelty: Novelty | None = attrs.field(
        default=None, **f.code(Novelty, "Continuation of a practice, or a new one.", optional=True)
    )
    potential_for_results: PotentialForResults | None = attrs.field(
        default=None, **f.code(PotentialForResults, "The potential for results.", optional=True)
    )
    extensions: Mapping[str, Any] = f.extensions()


@attrs.frozen
class InceptionReport:
    """An OGP Local monitoring body's inception report (due within 2 months of submission)."""

    type: ClassVar[AssessmentType] = AssessmentType.INCEPTION_REPORT

    date: PartialDate = attrs.field(**f.partial_date("When the report was made."))
    requirements: InceptionRequirements = attrs.field(
        factory=InceptionRequirements,
        **f.entity(InceptionRequirements, "The minimum requirements checked.", required=True),
    )
    commitments: tuple[CommitmentDesign, ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.entities(CommitmentDesign, "The design assessment of each commitment.", required=True),
    )
    evaluator_id: str | None = attrs.field(
        default=None, **f.ref("stakeholder", "The stakeholder who assessed.")
    )
    extensions: Mapping[str, Any] = f.extensions()


@attrs.frozen
class DidItOpenGovernment:
    """The 'Did it open government?' answers of an end-of-commitment report."""

    access_to_information: DIOGDimension | None = attrs.field(
        default=None, **f.code(DIOGDimension, "Access to information.", optional=True)
    )
    civic_participation: DIOGDimension | None = attrs.field(
        default=None, **f.code(DIOGDimension, "Civic participation.", optional=True)
    )
    public_accountability: DIOGDimension | None = attrs.field(
        default=None, **f.code(DIOGDimension, "Public accountability.", optional=True)
    )
    overall: DIOG | None = attrs.field(default=None, **f.code(DIOG, "Overall.", optional=True))
    extensions: Mapping[str, Any] = f.extensions()


@attrs.frozen
class EndOfCommitmentReport:
    """An OGP Local end-of-commitment report (due within 1 month of the commitment's completion)."""

    type: ClassVar[AssessmentType] = AssessmentType.END_OF_COMMITMENT_REPORT

    date: PartialDate = attrs.field(**f.partial_date("When the report was made."))
    commitment_id: str = attrs.field(
        **f.ref("commitment", "The assessed commitment.", optional=False)
    )
    completion: Completion = attrs.field(**f.code(Completion, "The level of completion."))
    did_it_open_government: DidItOpenGovernment = attrs.field(
        factory=DidItOpenGovernment,
        **f.entity(DidItOpenGovernment, "Did it open government?", required=True),
    )
    explanation: Text | None = attrs.field(
        default=None, **f.text("The explanation of the ratings.")
    )
    evidence: tuple[Link, ...] = attrs.field(
        factory=tuple, converter=f.to_tuple, **f.entities(Link, "Evidence.")
    )
    evidence_note: Text | None = attrs.field(
        default=None,
        **f.since("1.1", f.text("Evidence described in words, where there is no address.")),
    )
    evaluator_id: str | None = attrs.field(
        default=None, **f.ref("stakeholder", "The stakeholder who assessed.")
    )
    extensions: Mapping[str, Any] = f.extensions()


@attrs.frozen
class IrmReview:
    """An IRM assessment of a commitment (national members, and legacy local reports)."""

    type: ClassVar[AssessmentType] = AssessmentType.IRM_REVIEW

    date: PartialDate = attrs.field(**f.partial_date("When the report was published."))
    commitment_id: str = attrs.field(
        **f.ref("commitment", "The assessed commitment.", optional=False)
    )
    product: IRMProduct = attrs.field(**f.code(IRMProduct, "The IRM report it comes from."))
    verifiable: Verifiable | None = attrs.field(
        default=None, **f.code(Verifiable, "Verifiable (2021+).", optional=True)
    )
    relevant: bool | None = attrs.field(default=None, **f.boolean("Relevant to OGP values."))
    specificity: Specificity | None = attrs.field(
        default=None, **f.code(Specificity, "Specificity (legacy).", optional=True)
    )
    potential_impact: PotentialImpact | None = attrs.field(
        default=None, **f.code(PotentialImpact, "Potential impact (legacy).", optional=True)
    )
    potential_for_results: PotentialForResults | None = attrs.field(
        default=None, **f.code(PotentialForResults, "Potential for results (2020+).", optional=True)
    )
    completion: Completion | None = attrs.field(
        default=None, **f.code(Completion, "Completion.", optional=True)
    )
    did_it_open_government: DIOG | None = attrs.field(
        default=None, **f.code(DIOG, "Did it open government?", optional=True)
    )
    early_results: DIOG | None = attrs.field(
        default=None, **f.code(DIOG, "Early results.", optional=True)
    )
    extensions: Mapping[str, Any] = f.extensions()


#: An assessment of the plan or of a commitment; the wire form is tagged by ``type``.
Assessment = InceptionReport | EndOfCommitmentReport | IrmReview


# --- the plan --------------------------------------------------------------------------------------


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

    id: str = attrs.field(**f.string("The plan's id, e.g. 'maipu-chile-2023-2024'.", "PlanId"))
    title: Text = attrs.field(**f.text("The plan's title.", required=True))
    language: str = attrs.field(
        **f.string(
            "BCP 47 tag of the plan's plain-string text ('es', 'en', 'fr-CA').", "LanguageTag"
        )
    )
    member: Member = attrs.field(
        **f.entity(Member, "The OGP member whose plan this is.", optional=False)
    )
    period: Period = attrs.field(
        **f.entity(Period, "The plan's implementation period.", optional=False)
    )
    status: PlanStatus | None = attrs.field(default=None, **f.status(PlanStatus))
    schema_version: str = attrs.field(
        default=SCHEMA_VERSION,
        **f.changed(
            f.const(SCHEMA_VERSION, "The OGP JSON version of the document."),
            until="1.0",
            was=f.const("1.0", "The OGP JSON version of the document."),
            required=True,
        ),
    )
    base_url: str | None = attrs.field(
        default=None,
        **f.since(
            "1.1",
            f.string(
                "The address that relative link URLs are relative to (RFC 3986).",
                "Url",
                optional=True,
            ),
        ),
    )
    history: tuple[TransitionEvent[PlanStatus], ...] = attrs.field(
        factory=tuple, converter=f.to_tuple, **f.history(TransitionEvent, PlanStatus, _HISTORY)
    )
    submitted_on: datetime.date | None = attrs.field(
        default=None, **f.date("When the plan was delivered to OGP.", optional=True)
    )
    description: Text | None = attrs.field(default=None, **f.text("What the plan is about."))
    strategic_vision: StrategicVision | None = attrs.field(
        default=None, **f.entity(StrategicVision, "The local Open Government Strategic Vision.")
    )
    stakeholders: tuple[Stakeholder, ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.entities(
            Stakeholder, "Every institution, organisation, group or person the plan mentions."
        ),
    )
    point_of_contact_id: str | None = attrs.field(
        default=None, **f.ref("stakeholder", "The stakeholder who is the OGP point of contact.")
    )
    forum: Forum | None = attrs.field(
        default=None, **f.entity(Forum, "The multi-stakeholder forum.")
    )
    monitoring_body: MonitoringBody | None = attrs.field(
        default=None, **f.entity(MonitoringBody, "The monitoring body.")
    )
    endorsements: tuple[Endorsement, ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.entities(Endorsement, "Who endorsed the plan before submission."),
    )
    commitments: tuple[Commitment, ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.entities(
            Commitment, "The plan's commitments (may be empty while drafting).", required=True
        ),
    )
    assessments: tuple[Assessment, ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.entities(
            (InceptionReport, EndOfCommitmentReport, IrmReview),
            "Monitoring-body and IRM assessments.",
        ),
    )
    links: tuple[Link, ...] = attrs.field(
        factory=tuple,
        converter=f.to_tuple,
        **f.entities(Link, "The published plan, the member page, …"),
    )
    extensions: Mapping[str, Any] = f.extensions()

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

    def url_of(self, link: Link, language: str | None = None) -> str | None:
        """
        The absolute address of *link*, resolved against the plan's ``base_url``.

        Where the link has one address per language, the one in *language* (by default the
        plan's ``language``). `None` when there is no such address, or a relative one cannot
        be resolved because the plan has no ``base_url``.
        """
        return link.absolute(self.base_url, self.language if language is None else language)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """
        Print the plan as one line of code that reads it back: ``ogpmodel.loads('{...}')``.

        IPython and Hypothesis (a falsifying example) print a plan so, as its exact OGP JSON in
        compact form; `repr` is unchanged.
        """
        printer.text(f"ogpmodel.loads({_compact_json[0](self)!r})")

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


def _first_compact_json(plan: ActionPlan) -> str:
    """The writer below, once `ogpmodel.serialize` is imported (`ogpmodel._loaders`)."""
    complete()
    writer = _compact_json[0]
    return repr(plan) if writer is _first_compact_json else writer(plan)


#: Writes a plan as compact OGP JSON text, for `ActionPlan._repr_pretty_`; `ogpmodel.serialize`,
#: which sits above the model (it needs the converter), puts its writer here.
_compact_json: list[Callable[[ActionPlan], str]] = [_first_compact_json]
