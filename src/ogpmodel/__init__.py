"""
ogpmodel: typed, immutable models of Open Government Partnership action plans.

The public names are listed in ``__all__``; everything else is private. ``import ogpmodel`` is
quick: each name is imported from its module the first time it is used (PEP 562), so a tool pays
only for what it uses (``ogpmodel.InvalidDocument`` or ``ogpmodel.SCHEMA_VERSION`` load neither
attrs nor the model).
"""

import sys as _sys

import ogpmodel._loaders as _loaders

# Not `typing.TYPE_CHECKING`: importing `typing` would take more time than the rest of this
# module (type checkers know the name).
TYPE_CHECKING = False
if TYPE_CHECKING:  # what type checkers and editors see; at run time, `__getattr__` below
    __version__: str
    from ogpmodel import timeline as timeline
    from ogpmodel._resources import SCHEMA_VERSION, SUPPORTED_VERSIONS
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

#: The module each public name is defined in (`tests/test_public_api.py` checks it against the
#: imports above and `__all__`).
_HOMES: dict[str, tuple[str, ...]] = {
    "_resources": ("SCHEMA_VERSION", "SUPPORTED_VERSIONS"),
    "_versions": ("upgrade",),
    "codelists": (
        "DIOG",
        "AssessmentType",
        "CommitmentStatus",
        "Completion",
        "DIOGDimension",
        "GrandChallenge",
        "IRMProduct",
        "Jurisdiction",
        "Membership",
        "MilestoneStatus",
        "Novelty",
        "OGPValue",
        "PlanStatus",
        "PotentialForResults",
        "PotentialImpact",
        "Role",
        "Sector",
        "Specificity",
        "StakeholderKind",
        "Verifiable",
    ),
    "errors": (
        "AmbiguousId",
        "InvalidDocument",
        "InvalidPlan",
        "InvalidValue",
        "OGPModelError",
        "TransitionError",
        "UnknownId",
    ),
    "lifecycle": (
        "allowed_transitions",
        "check_transition",
        "mermaid",
        "replay",
        "tables_json",
        "transition",
    ),
    "model": (
        "MAX_MILESTONE_DEPTH",
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
        "StrategicVision",
        "TransitionEvent",
    ),
    "report": (
        "Finding",
        "Severity",
        "ValidationReport",
    ),
    "rules": (
        "PROFILES",
        "Profile",
        "Rule",
        "explain",
        "rules",
    ),
    "schema": ("schema",),
    "serialize": (
        "Limits",
        "dump",
        "dump_lines",
        "dumps",
        "from_dict",
        "iter_load",
        "load",
        "loads",
        "to_dict",
    ),
    "stats": (
        "Stats",
        "stats",
    ),
    "validation": ("validate",),
    "values": (
        "Link",
        "PartialDate",
        "Period",
        "Text",
    ),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}
#: Submodules that are attributes of the package, as they were when it imported them all.
_SUBMODULES = ("timeline",)


def _complete_the_layers() -> None:
    """Import what completes the lower layers: every rule, and how a plan prints (`_loaders`)."""
    import ogpmodel.rules  # importing the rules registers them
    import ogpmodel.serialize  # noqa: F401 - gives the model its compact writer


_loaders.LOADERS.append(_complete_the_layers)


def __getattr__(name: str) -> object:
    home = _HOME_OF.get(name)
    if home is not None:
        value = getattr(__import__(f"ogpmodel.{home}", fromlist=(name,)), name)
    elif name in _SUBMODULES:
        value = __import__(f"ogpmodel.{name}", fromlist=(name,))
    elif name == "__version__":
        from ogpmodel._version import VERSION

        return VERSION
    else:
        msg = f"module 'ogpmodel' has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value  # the next look-up does not come here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, *_SUBMODULES, "__version__"})


if TYPE_CHECKING:
    from types import ModuleType as _ModuleType
else:
    _ModuleType = type(_sys)  # as `types.ModuleType`, without importing `types`


class _Package(_ModuleType):
    """
    The package, keeping its public names when their modules load.

    Loading a submodule binds it to its name in its package; three submodules share their name
    with a function they define (`rules`, `schema`, `stats`), and the package's name is the
    function's, whichever is imported first.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, _ModuleType) and _HOME_OF.get(name) == name:
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
