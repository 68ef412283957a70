"""
ogpmodel: typed, immutable models of Open Government Partnership action plans.

The public names are listed in ``__all__``; everything else is private.
"""

from typing import Any

from ogpmodel import timeline as timeline
from ogpmodel._resources import SUPPORTED_VERSIONS
from ogpmodel._versions import upgrade
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
from ogpmodel.errors import (
    AmbiguousId,
    InvalidDocument,
    InvalidPlan,
    InvalidValue,
    OGPModelError,
    TransitionError,
    UnknownId,
)
from ogpmodel.lifecycle import (
    allowed_transitions,
    check_transition,
    mermaid,
    replay,
    tables_json,
    transition,
)
from ogpmodel.model import (
    MAX_MILESTONE_DEPTH,
    SCHEMA_VERSION,
    ActionPlan,
    Assessment,
    Commitment,
    CommitmentDesign,
    Contact,
    DidItOpenGovernment,
    EndOfCommitmentReport,
    Endorsement,
    Forum,
    Goal,
    Identifier,
    InceptionReport,
    InceptionRequirements,
    IrmReview,
    Meeting,
    Member,
    Milestone,
    MonitoringBody,
    OtherName,
    ProgressReport,
    Stakeholder,
    StrategicVision,
    TransitionEvent,
)
from ogpmodel.report import Finding, Severity, ValidationReport
from ogpmodel.rules import PROFILES, Profile, Rule, explain, rules
from ogpmodel.schema import schema
from ogpmodel.serialize import (
    Limits,
    dump,
    dump_lines,
    dumps,
    from_dict,
    iter_load,
    load,
    loads,
    to_dict,
)
from ogpmodel.stats import Stats, stats
from ogpmodel.validation import validate
from ogpmodel.values import Link, PartialDate, Period, Text

__all__ = [
    "DIOG",
    "MAX_MILESTONE_DEPTH",
    "PROFILES",
    "SCHEMA_VERSION",
    "SUPPORTED_VERSIONS",
    "ActionPlan",
    "AmbiguousId",
    "Assessment",
    "AssessmentType",
    "Commitment",
    "CommitmentDesign",
    "CommitmentStatus",
    "Completion",
    "Contact",
    "DIOGDimension",
    "DidItOpenGovernment",
    "EndOfCommitmentReport",
    "Endorsement",
    "Finding",
    "Forum",
    "Goal",
    "GrandChallenge",
    "IRMProduct",
    "Identifier",
    "InceptionReport",
    "InceptionRequirements",
    "InvalidDocument",
    "InvalidPlan",
    "InvalidValue",
    "IrmReview",
    "Jurisdiction",
    "Limits",
    "Link",
    "Meeting",
    "Member",
    "Membership",
    "Milestone",
    "MilestoneStatus",
    "MonitoringBody",
    "Novelty",
    "OGPModelError",
    "OGPValue",
    "OtherName",
    "PartialDate",
    "Period",
    "PlanStatus",
    "PotentialForResults",
    "PotentialImpact",
    "Profile",
    "ProgressReport",
    "Role",
    "Rule",
    "Sector",
    "Severity",
    "Specificity",
    "Stakeholder",
    "StakeholderKind",
    "Stats",
    "StrategicVision",
    "Text",
    "TransitionError",
    "TransitionEvent",
    "UnknownId",
    "ValidationReport",
    "Verifiable",
    "allowed_transitions",
    "check_transition",
    "dump",
    "dump_lines",
    "dumps",
    "explain",
    "from_dict",
    "iter_load",
    "load",
    "loads",
    "mermaid",
    "replay",
    "rules",
    "schema",
    "stats",
    "tables_json",
    "to_dict",
    "transition",
    "upgrade",
    "validate",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from ogpmodel._version import VERSION

        return VERSION
    msg = f"module 'ogpmodel' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "__version__"})
