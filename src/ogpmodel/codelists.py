"""
The codelists of OGP JSON.

Closed codelists are enums whose values are the wire strings. Their English titles and one-line
descriptions come from one data source, the CSV files under ``schemas/<version>/codelists/``
(shipped inside the wheel); the catalogues translate them (context
``codelist:NAME:CODE:title`` or ``:description``), and ``make schema`` writes every language's
columns into the files for other tools. Open codelists (policy areas, primary sector) are seed
lists: any string is accepted on the wire.

>>> PlanStatus.CO_CREATION.value
'co_creation'
>>> PlanStatus.CO_CREATION.label("es")
'Cocreación'
>>> LANGUAGES[0]
'en'
"""

import csv
import functools
from collections.abc import Iterator, Mapping
from enum import Enum
from types import MappingProxyType

import attrs

from ogpmodel._resources import schema_dir
from ogpmodel._translations import Texts, declare, languages

__all__ = [
    "CODELISTS",
    "COUNTRIES",
    "DIOG",
    "LANGUAGES",
    "OPEN_CODELISTS",
    "AssessmentType",
    "Code",
    "CodeInfo",
    "CommitmentStatus",
    "Completion",
    "DIOGDimension",
    "GrandChallenge",
    "IRMProduct",
    "Jurisdiction",
    "Language",
    "Membership",
    "MilestoneStatus",
    "Novelty",
    "OGPValue",
    "OpenCodelist",
    "PlanStatus",
    "PotentialForResults",
    "PotentialImpact",
    "Role",
    "Sector",
    "Specificity",
    "StakeholderKind",
    "Verifiable",
    "codelist_name",
]


def __dir__() -> list[str]:
    return sorted(__all__)


#: A language of titles, descriptions, messages and labels: English or a catalogue's language.
Language = str

#: The languages ogpmodel speaks: English (the source of every text), then one per catalogue.
LANGUAGES: tuple[str, ...] = languages()


@attrs.frozen
class CodeInfo:
    """
    One row of a codelist file: the code with its title and description in every language.

    Attributes:
        code: The code.
        titles: Its title (English in the file, other languages in the catalogues).
        descriptions: Its one-line description (empty for countries).
    """

    code: str
    titles: Texts = attrs.field(eq=False, repr=False)
    descriptions: Texts = attrs.field(eq=False, repr=False)

    def title(self, lang: Language = "en") -> str:
        """The title in *lang*; raises `ValueError` for a language ogpmodel does not speak."""
        return self.titles.text(lang)

    def description(self, lang: Language = "en") -> str:
        """The one-line description in *lang*; raises `ValueError` for an unknown language."""
        return self.descriptions.text(lang)


@functools.cache
def _read(name: str) -> Mapping[str, CodeInfo]:
    """Read ``schemas/<version>/codelists/<name>.csv`` (codes in file order, English columns)."""
    path = schema_dir() / "codelists" / f"{name}.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = {
        row["code"]: CodeInfo(
            row["code"],
            declare(f"codelist:{name}:{row['code']}:title", row["title_en"]),
            declare(f"codelist:{name}:{row['code']}:description", row["description_en"]),
        )
        for row in csv.DictReader(lines)
    }
    return MappingProxyType(rows)


class Code(str, Enum):
    """Base of the closed codelists: each member's value is its wire string."""

    def info(self) -> CodeInfo:
        """The codelist row of this code."""
        return _read(codelist_name(type(self)))[self.value]

    def label(self, lang: Language = "en") -> str:
        """The title of this code in *lang* (a language of `LANGUAGES`)."""
        return self.info().title(lang)

    def describe(self, lang: Language = "en") -> str:
        """The one-line description of this code in *lang*."""
        return self.info().description(lang)

    def __str__(self) -> str:
        return str(self.value)


class PlanStatus(Code):
    """The lifecycle state of an action plan."""

    PLANNING = "planning"
    CO_CREATION = "co_creation"
    SUBMITTED = "submitted"
    IMPLEMENTATION = "implementation"
    ENDED = "ended"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


class CommitmentStatus(Code):
    """The lifecycle state of a commitment."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"


class MilestoneStatus(Code):
    """The lifecycle state of a milestone."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DELAYED = "delayed"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class OGPValue(Code):
    """The OGP values a commitment advances; only the first three make it relevant."""

    ACCESS_TO_INFORMATION = "access_to_information"
    CIVIC_PARTICIPATION = "civic_participation"
    PUBLIC_ACCOUNTABILITY = "public_accountability"
    TECHNOLOGY_AND_INNOVATION = "technology_and_innovation"

    @property
    def is_core(self) -> bool:
        """Whether the value makes a commitment relevant on its own."""
        return self is not OGPValue.TECHNOLOGY_AND_INNOVATION


class Completion(Code):
    """The IRM / monitoring-body completion scale."""

    NO_EVIDENCE = "no_evidence"
    NOT_STARTED = "not_started"
    LIMITED = "limited"
    SUBSTANTIAL = "substantial"
    COMPLETE = "complete"


class DIOG(Code):
    """Did it open government? The early-results scale."""

    WORSENED = "worsened"
    DID_NOT_CHANGE = "did_not_change"
    MARGINAL = "marginal"
    MAJOR = "major"
    OUTSTANDING = "outstanding"


class DIOGDimension(Code):
    """A per-dimension answer of an end-of-commitment report: a DIOG rating or not applicable."""

    WORSENED = "worsened"
    DID_NOT_CHANGE = "did_not_change"
    MARGINAL = "marginal"
    MAJOR = "major"
    OUTSTANDING = "outstanding"
    NOT_APPLICABLE = "not_applicable"


class PotentialForResults(Code):
    """The IRM's potential-for-results (ambition) indicator, 2020 plans onwards."""

    UNCLEAR = "unclear"
    MODEST = "modest"
    SUBSTANTIAL = "substantial"


class Verifiable(Code):
    """Whether a commitment is verifiable."""

    YES = "yes"
    NO = "no"
    UNCLEAR = "unclear"


class Specificity(Code):
    """Legacy IRM specificity indicator (plans before 2021)."""

    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class PotentialImpact(Code):
    """Legacy IRM potential-impact indicator (plans before 2020)."""

    NONE = "none"
    MINOR = "minor"
    MODERATE = "moderate"
    TRANSFORMATIVE = "transformative"


class Sector(Code):
    """The sector a stakeholder belongs to."""

    GOVERNMENT = "government"
    CIVIL_SOCIETY = "civil_society"
    PRIVATE_SECTOR = "private_sector"
    ACADEMIA = "academia"
    MULTILATERAL = "multilateral"
    COMMUNITY = "community"
    OTHER = "other"


class Role(Code):
    """A plan-level role of a stakeholder."""

    POINT_OF_CONTACT = "point_of_contact"
    HEAD_OF_GOVERNMENT = "head_of_government"
    FORUM_MEMBER = "forum_member"
    MONITORING_BODY = "monitoring_body"
    EVALUATOR = "evaluator"


class Membership(Code):
    """Whether the member takes part as a local or a national government."""

    LOCAL = "local"
    NATIONAL = "national"


class Jurisdiction(Code):
    """The kind of jurisdiction of a local member."""

    MUNICIPALITY = "municipality"
    CITY = "city"
    COUNTY = "county"
    PROVINCE = "province"
    STATE = "state"
    REGION = "region"
    OTHER = "other"


class StakeholderKind(Code):
    """Whether a stakeholder (or a monitoring body) is an organization, a group or a person."""

    ORGANIZATION = "organization"
    GROUP = "group"
    PERSON = "person"


class Novelty(Code):
    """Inception report: does the commitment continue an ongoing practice or bring a new one."""

    CONTINUATION = "continuation"
    NEW = "new"


class GrandChallenge(Code):
    """OGP's grand challenges, which national plans of 2011-2015 named for each commitment."""

    IMPROVING_PUBLIC_SERVICES = "improving_public_services"
    INCREASING_PUBLIC_INTEGRITY = "increasing_public_integrity"
    MORE_EFFECTIVELY_MANAGING_PUBLIC_RESOURCES = "more_effectively_managing_public_resources"
    CREATING_SAFER_COMMUNITIES = "creating_safer_communities"
    INCREASING_CORPORATE_ACCOUNTABILITY = "increasing_corporate_accountability"


class IRMProduct(Code):
    """The IRM report an ``irm_review`` assessment comes from."""

    DESIGN_REPORT = "design_report"
    PROGRESS_REPORT = "progress_report"
    END_OF_TERM_REPORT = "end_of_term_report"
    ACTION_PLAN_REVIEW = "action_plan_review"
    RESULTS_REPORT = "results_report"


class AssessmentType(Code):
    """The ``type`` tag of an assessment."""

    INCEPTION_REPORT = "inception_report"
    END_OF_COMMITMENT_REPORT = "end_of_commitment_report"
    IRM_REVIEW = "irm_review"


#: Every closed codelist, by its file name under ``schemas/<version>/codelists/``.
CODELISTS: Mapping[str, type[Code]] = MappingProxyType(
    {
        "plan-status": PlanStatus,
        "commitment-status": CommitmentStatus,
        "milestone-status": MilestoneStatus,
        "ogp-value": OGPValue,
        "completion": Completion,
        "diog": DIOG,
        "diog-dimension": DIOGDimension,
        "potential-for-results": PotentialForResults,
        "verifiable": Verifiable,
        "specificity": Specificity,
        "potential-impact": PotentialImpact,
        "sector": Sector,
        "role": Role,
        "membership": Membership,
        "jurisdiction": Jurisdiction,
        "stakeholder-kind": StakeholderKind,
        "novelty": Novelty,
        "irm-product": IRMProduct,
        "assessment-type": AssessmentType,
        "grand-challenge": GrandChallenge,
    }
)
_NAMES = {enum: name for name, enum in CODELISTS.items()}


def codelist_name(enum: type[Code]) -> str:
    """The file name (without ``.csv``) of a closed codelist enum."""
    return _NAMES[enum]


@attrs.frozen
class OpenCodelist:
    """
    An open codelist: a seed list of known codes; any non-empty string is accepted.

    Attributes:
        name: The file name under ``schemas/<version>/codelists/`` without ``.csv``.
    """

    name: str

    @property
    def codes(self) -> Mapping[str, CodeInfo]:
        """The seed codes with their titles, in file order."""
        return _read(self.name)

    def __contains__(self, code: object) -> bool:
        return code in self.codes


#: The open codelists, by file name.
OPEN_CODELISTS: Mapping[str, OpenCodelist] = MappingProxyType(
    {"policy-area": OpenCodelist("policy-area"), "primary-sector": OpenCodelist("primary-sector")}
)


class _Countries(Mapping[str, CodeInfo]):
    """ISO 3166-1 alpha-2 country codes with their names in every language."""

    def __getitem__(self, code: str) -> CodeInfo:
        return _read("country")[code]

    def __iter__(self) -> Iterator[str]:
        return iter(_read("country"))

    def __len__(self) -> int:
        return len(_read("country"))

    def __contains__(self, code: object) -> bool:
        return code in _read("country")


#: ISO 3166-1 alpha-2 codes (``schemas/<version>/codelists/country.csv``), read on first use.
COUNTRIES: Mapping[str, CodeInfo] = _Countries()
