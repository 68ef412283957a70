"""
OGP JSON 1.1 as msgspec Structs, written by hand after ``schemas/1.1/action-plan.schema.json``.

As strict as msgspec allows: every Struct forbids unknown fields, decoding is strict (no
coercion from strings), required fields are required and not nullable, closed codelists are
``Literal`` types, ids, language tags, URLs, e-mails and partial dates carry the schema's
patterns, full dates are `datetime.date` (real calendar dates), percents are bounded numbers,
and assessments are a union tagged by ``type``. ``omit_defaults`` makes the encoder omit absent
fields, as OGP JSON does.

What msgspec cannot express, so these documents are accepted: a required text that is a
language map of blank strings only (the blank plain string is refused by a pattern), a partial
date ``YYYY-MM-DD`` that is not a calendar date (a pattern only; event dates, a day or a
partial date, are such patterns too: a union may hold only one string type), and every
cross-field rule of ``ogpmodel.validate``.
"""

import datetime
from typing import Annotated, Any, Literal

import msgspec

__all__ = ["ActionPlan", "decode", "encode"]

_END = r"$(?!\n)"
Id = Annotated[str, msgspec.Meta(pattern=r"^[^\s]+" + _END)]
PlanId = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*" + _END)]
LanguageTag = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?"
        r"(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*" + _END
    ),
]
PartialDate = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^(?!0000)[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?" + _END
    ),
]
Url = Annotated[str, msgspec.Meta(pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+[^\s]*" + _END)]
UrlReference = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^(?:[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+[^\s]*|(?![A-Za-z][A-Za-z0-9+.-]*:)[^\s]+)"
        + _END
    ),
]
UrlText = UrlReference | Annotated[dict[LanguageTag, UrlReference], msgspec.Meta(min_length=1)]
Percent = Annotated[float, msgspec.Meta(ge=0, le=100)]
Email = Annotated[str, msgspec.Meta(pattern=r"^[^\s@]+@[^\s@]+\.[^\s@]+" + _END)]
NonBlank = Annotated[str, msgspec.Meta(pattern=r"\S")]
Text = str | Annotated[dict[LanguageTag, str], msgspec.Meta(min_length=1)]
RequiredText = NonBlank | Annotated[dict[LanguageTag, str], msgspec.Meta(min_length=1)]
Extensions = dict[str, Any]

PlanStatus = Literal[
    "planning", "co_creation", "submitted", "implementation", "ended", "closed", "withdrawn"
]
CommitmentStatus = Literal["planned", "in_progress", "completed", "withdrawn"]
MilestoneStatus = Literal["planned", "in_progress", "delayed", "completed", "cancelled"]
OGPValue = Literal[
    "access_to_information",
    "civic_participation",
    "public_accountability",
    "technology_and_innovation",
]
Completion = Literal["no_evidence", "not_started", "limited", "substantial", "complete"]
DIOG = Literal["worsened", "did_not_change", "marginal", "major", "outstanding"]
DIOGDimension = Literal[
    "worsened", "did_not_change", "marginal", "major", "outstanding", "not_applicable"
]
PotentialForResults = Literal["unclear", "modest", "substantial"]
Verifiable = Literal["yes", "no", "unclear"]
Specificity = Literal["none", "low", "medium", "high"]
PotentialImpact = Literal["none", "minor", "moderate", "transformative"]
Sector = Literal[
    "government",
    "civil_society",
    "private_sector",
    "academia",
    "multilateral",
    "community",
    "other",
]
Role = Literal[
    "point_of_contact", "head_of_government", "forum_member", "monitoring_body", "evaluator"
]
Membership = Literal["local", "national"]
Jurisdiction = Literal["municipality", "city", "county", "province", "state", "region", "other"]
StakeholderKind = Literal["organization", "group", "person"]
Novelty = Literal["continuation", "new"]
GrandChallenge = Literal[
    "improving_public_services",
    "increasing_public_integrity",
    "more_effectively_managing_public_resources",
    "creating_safer_communities",
    "increasing_corporate_accountability",
]
IRMProduct = Literal[
    "design_report", "progress_report", "end_of_term_report", "action_plan_review", "results_report"
]
# ISO 3166-1 alpha-2, as in the schema's CountryCode enum
CountryCode = Literal[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX",
    "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ",
    "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK",
    "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
    "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR",
    "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS",
    "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN",
    "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN",
    "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV",
    "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ",
    "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI",
    "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
    "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC",
    "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV",
    "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR",
    "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
]  # fmt: skip


class _Struct(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    """The options of every Struct of the contract."""


class Period(_Struct):
    """A time span of partial dates."""

    start: PartialDate | None = None
    end: PartialDate | None = None


class Link(_Struct):
    """A web page or document."""

    url: UrlText
    title: Text | None = None
    date: PartialDate | None = None
    extensions: Extensions | None = None


class Member(_Struct):
    """The OGP member."""

    name: RequiredText
    membership: Membership
    country: CountryCode
    jurisdiction: Jurisdiction | None = None
    administration_term_end: PartialDate | None = None
    extensions: Extensions | None = None


class Goal(_Struct):
    """A strategic-vision goal."""

    id: Id
    text: RequiredText
    extensions: Extensions | None = None


class StrategicVision(_Struct):
    """The local Open Government Strategic Vision."""

    text: RequiredText
    goals: list[Goal] | None = None
    extensions: Extensions | None = None


class Contact(_Struct):
    """How to reach a stakeholder."""

    email: Email | None = None
    phone: str | None = None
    url: Url | None = None
    extensions: Extensions | None = None


class Identifier(_Struct):
    """An identifier in some scheme."""

    scheme: NonBlank
    id: NonBlank
    extensions: Extensions | None = None


class OtherName(_Struct):
    """Another name of a stakeholder."""

    name: RequiredText
    note: Text | None = None
    period: Period | None = None
    extensions: Extensions | None = None


class Stakeholder(_Struct):
    """An institution, organisation, group or person."""

    id: Id
    kind: StakeholderKind
    sector: Sector
    name: RequiredText | None = None
    acronym: NonBlank | None = None
    parent_id: Id | None = None
    roles: list[Role] | None = None
    contact: Contact | None = None
    identifiers: list[Identifier] | None = None
    other_names: list[OtherName] | None = None
    extensions: Extensions | None = None


class Meeting(_Struct):
    """A forum meeting."""

    date: datetime.date
    title: Text | None = None
    link: Link | None = None
    information_shared_before: bool | None = None
    extensions: Extensions | None = None


class Forum(_Struct):
    """The multi-stakeholder forum."""

    name: RequiredText
    member_ids: list[Id] | None = None
    meetings: list[Meeting] | None = None
    extensions: Extensions | None = None


class MonitoringBody(_Struct):
    """The OGP Local monitoring body."""

    name: RequiredText
    kind: StakeholderKind
    member_ids: list[Id] | None = None
    extensions: Extensions | None = None


class Endorsement(_Struct):
    """An endorsement of the plan."""

    stakeholder_id: Id
    date: datetime.date
    extensions: Extensions | None = None


class PlanTransitionEvent(_Struct):
    """A dated move between plan states."""

    from_: PlanStatus = msgspec.field(name="from")
    to: PlanStatus
    date: PartialDate  # a day, a month or a year
    actor_id: Id | None = None
    note: Text | None = None
    extensions: Extensions | None = None


class CommitmentTransitionEvent(_Struct):
    """A dated move between commitment states."""

    from_: CommitmentStatus = msgspec.field(name="from")
    to: CommitmentStatus
    date: PartialDate  # a day, a month or a year
    actor_id: Id | None = None
    note: Text | None = None
    extensions: Extensions | None = None


class MilestoneTransitionEvent(_Struct):
    """A dated move between milestone states."""

    from_: MilestoneStatus = msgspec.field(name="from")
    to: MilestoneStatus
    date: PartialDate  # a day, a month or a year
    actor_id: Id | None = None
    note: Text | None = None
    extensions: Extensions | None = None


class ProgressReport(_Struct):
    """A progress update."""

    date: PartialDate
    status: Completion | None = None
    completion_percent: Percent | None = None
    text: Text | None = None
    evidence: list[Link] | None = None
    evidence_note: Text | None = None
    challenges: Text | None = None
    author_id: Id | None = None
    extensions: Extensions | None = None


class Milestone(_Struct):
    """A milestone; milestones nest."""

    id: Id
    title: RequiredText
    status: MilestoneStatus | None = None
    description: Text | None = None
    expected_outputs: Text | None = None
    period: Period | None = None
    deadline_note: Text | None = None
    responsible_ids: list[Id] | None = None
    history: list[MilestoneTransitionEvent] | None = None
    progress: list[ProgressReport] | None = None
    milestones: "list[Milestone] | None" = None
    links: list[Link] | None = None
    extensions: Extensions | None = None


PolicyArea = NonBlank


class Commitment(_Struct):
    """A commitment of the plan."""

    id: Id
    title: RequiredText
    status: CommitmentStatus | None = None
    problem: Text | None = None
    status_quo: Text | None = None
    action: Text | None = None
    expected_results: Text | None = None
    vision_goal_id: Id | None = None
    ogp_values: list[OGPValue] | None = None
    policy_areas: list[PolicyArea] | None = None
    primary_sector: NonBlank | None = None
    grand_challenge: GrandChallenge | None = None
    period: Period | None = None
    lead_ids: list[Id] | None = None
    supporting_ids: list[Id] | None = None
    milestones: list[Milestone] | None = None
    history: list[CommitmentTransitionEvent] | None = None
    progress: list[ProgressReport] | None = None
    links: list[Link] | None = None
    extensions: Extensions | None = None


class InceptionRequirements(_Struct):
    """The requirements an inception report checks."""

    forum_exists: bool | None = None
    forum_multistakeholder: bool | None = None
    plan_endorsed_by_non_government: bool | None = None
    website_updated: bool | None = None
    information_shared_before_meetings: bool | None = None
    extensions: Extensions | None = None


class CommitmentDesign(_Struct):
    """The design assessment of one commitment."""

    commitment_id: Id
    verifiable: Verifiable | None = None
    relevant: bool | None = None
    novelty: Novelty | None = None
    potential_for_results: PotentialForResults | None = None
    extensions: Extensions | None = None


class InceptionReport(_Struct, tag_field="type", tag="inception_report"):
    """An inception report."""

    date: PartialDate
    requirements: InceptionRequirements
    commitments: list[CommitmentDesign]
    evaluator_id: Id | None = None
    extensions: Extensions | None = None


class DidItOpenGovernment(_Struct):
    """The 'Did it open government?' answers."""

    access_to_information: DIOGDimension | None = None
    civic_participation: DIOGDimension | None = None
    public_accountability: DIOGDimension | None = None
    overall: DIOG | None = None
    extensions: Extensions | None = None


class EndOfCommitmentReport(_Struct, tag_field="type", tag="end_of_commitment_report"):
    """An end-of-commitment report."""

    date: PartialDate
    commitment_id: Id
    completion: Completion
    did_it_open_government: DidItOpenGovernment
    explanation: Text | None = None
    evidence: list[Link] | None = None
    evidence_note: Text | None = None
    evaluator_id: Id | None = None
    extensions: Extensions | None = None


class IrmReview(_Struct, tag_field="type", tag="irm_review"):
    """An IRM assessment."""

    date: PartialDate
    commitment_id: Id
    product: IRMProduct
    verifiable: Verifiable | None = None
    relevant: bool | None = None
    specificity: Specificity | None = None
    potential_impact: PotentialImpact | None = None
    potential_for_results: PotentialForResults | None = None
    completion: Completion | None = None
    did_it_open_government: DIOG | None = None
    early_results: DIOG | None = None
    extensions: Extensions | None = None


Assessment = InceptionReport | EndOfCommitmentReport | IrmReview


class ActionPlan(_Struct):
    """An OGP action plan: the root of an OGP JSON document."""

    schema_version: Literal["1.1"]
    id: PlanId
    title: RequiredText
    language: LanguageTag
    member: Member
    period: Period
    commitments: list[Commitment]
    status: PlanStatus | None = None
    base_url: Url | None = None
    history: list[PlanTransitionEvent] | None = None
    submitted_on: datetime.date | None = None
    description: Text | None = None
    strategic_vision: StrategicVision | None = None
    stakeholders: list[Stakeholder] | None = None
    point_of_contact_id: Id | None = None
    forum: Forum | None = None
    monitoring_body: MonitoringBody | None = None
    endorsements: list[Endorsement] | None = None
    assessments: list[Assessment] | None = None
    links: list[Link] | None = None
    extensions: Extensions | None = None


_decoder = msgspec.json.Decoder(ActionPlan, strict=True)
_encoder = msgspec.json.Encoder()


def decode(text: str | bytes) -> ActionPlan:
    """Decode and check one document (raises `msgspec.ValidationError`)."""
    return _decoder.decode(text)


def encode(plan: ActionPlan) -> bytes:
    """Encode one plan as compact JSON."""
    return _encoder.encode(plan)
