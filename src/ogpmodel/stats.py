"""
Counts over one plan or a corpus of plans: what a dashboard of action plans shows.

`stats` reads each plan once and keeps only counts, so a corpus of any size (an iterable of
plans, consumed once: ``stats(iter_load("plans.jsonl"))``) needs the memory of one plan. The
result is a frozen `Stats`; ``to_dict()`` and ``to_json()`` give its JSON form, whose schema is
``schemas/<version>/stats.schema.json`` (`stats_schema`).

- Commitments and milestones by status, in the order of the codelist, then ``unrecorded`` for
  those whose status is not recorded (never guessed).
- Commitments by OGP value: a commitment counts once under each value it lists, and under
  ``unrecorded`` when it lists none.
- Completion: the latest completion rating of each commitment (of the latest assessment that
  records one), ``unrecorded`` for a commitment no assessment rates; high completion, starred
  and substantial potential for results, as `ogpmodel.assessment` defines them (the same
  functions the ``assessment.*`` rules use).
- Milestones completed, and overdue on ``as_of`` as the ``deadline.milestone-overdue`` rule
  sees them (`None` without ``as_of``).

>>> from ogpmodel import examples
>>> counts = stats(examples.maipu())
>>> counts.commitments, sum(counts.commitments_by_status.values())
(4, 4)
"""

import datetime
import json
import types
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ogpmodel._catalogue import word
from ogpmodel._resources import schema_id
from ogpmodel.assessment import indicators, milestone_overdue
from ogpmodel.codelists import (
    Code,
    CommitmentStatus,
    Completion,
    Language,
    MilestoneStatus,
    OGPValue,
)
from ogpmodel.model import ActionPlan

__all__ = [
    "COMMITMENT_STATUSES",
    "COMPLETIONS",
    "MILESTONE_STATUSES",
    "OGP_VALUES",
    "UNRECORDED",
    "Stats",
    "stats",
    "stats_schema",
]


def __dir__() -> list[str]:
    return sorted(__all__)


#: The key of the counts of what is not recorded (a status, a value, a completion rating).
UNRECORDED = "unrecorded"


def _keys(codes: type[Code]) -> tuple[str, ...]:
    return (*(code.value for code in codes), UNRECORDED)


#: The keys of ``commitments_by_status``, in order.
COMMITMENT_STATUSES = _keys(CommitmentStatus)
#: The keys of ``milestones_by_status``, in order.
MILESTONE_STATUSES = _keys(MilestoneStatus)
#: The keys of ``commitments_by_value``, in order.
OGP_VALUES = _keys(OGPValue)
#: The keys of ``completion``, in order.
COMPLETIONS = _keys(Completion)

_CODES: Mapping[tuple[str, ...], type[Code]] = {
    COMMITMENT_STATUSES: CommitmentStatus,
    MILESTONE_STATUSES: MilestoneStatus,
    OGP_VALUES: OGPValue,
    COMPLETIONS: Completion,
}


def _counts(keys: tuple[str, ...], name: str) -> Any:
    """The converter of a field of counts: every key of *keys*, in order, read-only."""

    def convert(given: Mapping[str, int]) -> Mapping[str, int]:
        unknown = sorted(set(given) - set(keys))
        if unknown:
            msg = f"Stats.{name} has no key {unknown[0]!r}; the keys are {', '.join(keys)}"
            raise ValueError(msg)
        return types.MappingProxyType({key: given.get(key, 0) for key in keys})

    return convert


def _field(keys: tuple[str, ...], name: str) -> Any:
    return attrs.field(factory=dict, converter=_counts(keys, name))


@attrs.frozen
class Stats:
    """
    Counts over one plan or a corpus (add two with ``+``).

    Every mapping of counts holds each code of its codelist in the codelist's order, then
    `UNRECORDED`, zeros included; it is read-only.

    Attributes:
        as_of: The date milestones are checked against (`None`: not checked).
        plans: How many plans were counted.
        commitments: How many commitments.
        commitments_by_status: Commitments by status (they add up to ``commitments``).
        commitments_by_value: Commitments by OGP value (one commitment may count under several).
        completion: Commitments by their latest completion rating (they add up to
            ``commitments``).
        high_completion: Commitments whose latest completion is substantial or complete.
        substantial_potential: Commitments whose latest ratings give substantial potential for
            results (or transformative potential impact).
        starred: Commitments starred by a legacy IRM review.
        milestones: How many milestones, at every depth.
        milestones_by_status: Milestones by status (they add up to ``milestones``).
        milestones_overdue: Milestones overdue on ``as_of`` (by default 0); `None` exactly
            when there is no ``as_of``.
    """

    as_of: datetime.date | None = None
    plans: int = 0
    commitments: int = 0
    commitments_by_status: Mapping[str, int] = _field(COMMITMENT_STATUSES, "commitments_by_status")
    commitments_by_value: Mapping[str, int] = _field(OGP_VALUES, "commitments_by_value")
    completion: Mapping[str, int] = _field(COMPLETIONS, "completion")
    high_completion: int = 0
    substantial_potential: int = 0
    starred: int = 0
    milestones: int = 0
    milestones_by_status: Mapping[str, int] = _field(MILESTONE_STATUSES, "milestones_by_status")
    milestones_overdue: int | None = attrs.field(
        default=attrs.Factory(lambda self: None if self.as_of is None else 0, takes_self=True)
    )

    @milestones_overdue.validator
    def _overdue_as_of(self, _: object, overdue: int | None) -> None:
        if (overdue is None) != (self.as_of is None):
            msg = "Stats.milestones_overdue is counted exactly when as_of is given"
            raise ValueError(msg)

    @property
    def milestones_completed(self) -> int:
        """How many milestones are completed."""
        return self.milestones_by_status[MilestoneStatus.COMPLETED.value]

    @property
    def substantial_potential_share(self) -> float | None:
        """The share of commitments with substantial potential (`None` without commitments)."""
        return self.substantial_potential / self.commitments if self.commitments else None

    def __add__(self, other: "Stats") -> "Stats":
        """The counts of both, for the same ``as_of``."""
        if not isinstance(other, Stats):
            return NotImplemented
        if other.as_of != self.as_of:
            msg = f"cannot add stats as of {self.as_of} and as of {other.as_of}"
            raise ValueError(msg)
        sums: dict[str, Any] = {}
        for field in attrs.fields(Stats):
            mine, theirs = getattr(self, field.name), getattr(other, field.name)
            if field.name == "as_of":
                sums[field.name] = mine
            elif isinstance(mine, Mapping):
                sums[field.name] = {key: mine[key] + theirs[key] for key in mine}
            else:
                sums[field.name] = None if mine is None else mine + theirs
        return Stats(**sums)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (`stats_schema` describes it)."""
        return {
            "as_of": None if self.as_of is None else self.as_of.isoformat(),
            "plans": self.plans,
            "commitments": {
                "total": self.commitments,
                "by_status": dict(self.commitments_by_status),
                "by_value": dict(self.commitments_by_value),
                "completion": dict(self.completion),
                "high_completion": self.high_completion,
                "substantial_potential": self.substantial_potential,
                "substantial_potential_share": self.substantial_potential_share,
                "starred": self.starred,
            },
            "milestones": {
                "total": self.milestones,
                "by_status": dict(self.milestones_by_status),
                "completed": self.milestones_completed,
                "overdue": self.milestones_overdue,
            },
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The JSON form as text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_text(self, lang: Language = "en") -> str:
        """The counts as lines of text in *lang*, for a terminal."""

        def counts(values: Mapping[str, int], codes: type[Code]) -> str:
            return ", ".join(
                f"{word('unrecorded', lang) if key == UNRECORDED else codes(key).label(lang)} {n}"
                for key, n in values.items()
            )

        share = self.substantial_potential_share
        lines = [
            f"{word('plans', lang)}: {self.plans}",
            f"{word('commitments', lang)}: {self.commitments}",
            f"  {word('status', lang)}: {counts(self.commitments_by_status, CommitmentStatus)}",
            f"  {word('ogp_values', lang)}: {counts(self.commitments_by_value, OGPValue)}",
            f"  {word('completion', lang)}: {counts(self.completion, Completion)}",
            f"  {word('high_completion', lang)}: {self.high_completion}",
            f"  {word('substantial_potential', lang)}: {self.substantial_potential}"
            + ("" if share is None else f" ({share:.0%})"),
            f"  {word('starred', lang)}: {self.starred}",
            f"{word('milestones', lang)}: {self.milestones}",
            f"  {word('status', lang)}: {counts(self.milestones_by_status, MilestoneStatus)}",
        ]
        if self.as_of is not None:
            overdue = word("overdue_on", lang).format(as_of=self.as_of.isoformat())
            lines.append(f"  {overdue}: {self.milestones_overdue}")
        return "\n".join(lines)


class _Tally:
    """The running counts of `stats`: one plan at a time, nothing of it kept."""

    def __init__(self, as_of: datetime.date | None) -> None:
        self.as_of = as_of
        self.totals: Counter[str] = Counter()
        self.by: dict[str, Counter[str]] = {
            "commitments_by_status": Counter(),
            "commitments_by_value": Counter(),
            "completion": Counter(),
            "milestones_by_status": Counter(),
        }

    def add(self, plan: ActionPlan) -> None:
        totals, by, as_of = self.totals, self.by, self.as_of
        totals["plans"] += 1
        for commitment in plan.commitments:
            totals["commitments"] += 1
            by["commitments_by_status"][_code(commitment.status)] += 1
            values = {_code(value) for value in commitment.ogp_values} or {UNRECORDED}
            by["commitments_by_value"].update(values)
            for milestone in commitment.iter_milestones():
                totals["milestones"] += 1
                by["milestones_by_status"][_code(milestone.status)] += 1
                if as_of is not None and milestone_overdue(plan, commitment, milestone, as_of):
                    totals["milestones_overdue"] += 1
        for rated in indicators(plan).commitments:
            by["completion"][_code(rated.completion)] += 1
            totals["high_completion"] += rated.high_completion
            totals["substantial_potential"] += rated.substantial_potential
            totals["starred"] += rated.starred

    def result(self) -> Stats:
        totals = self.totals
        return Stats(
            as_of=self.as_of,
            plans=totals["plans"],
            commitments=totals["commitments"],
            high_completion=totals["high_completion"],
            substantial_potential=totals["substantial_potential"],
            starred=totals["starred"],
            milestones=totals["milestones"],
            milestones_overdue=None if self.as_of is None else totals["milestones_overdue"],
            **{name: dict(counter) for name, counter in self.by.items()},
        )


def _code(code: Code | None) -> str:
    return UNRECORDED if code is None else code.value


def stats(
    plan_or_plans: ActionPlan | Iterable[ActionPlan], *, as_of: datetime.date | None = None
) -> Stats:
    """
    Count the commitments and milestones of one plan, or of every plan of an iterable.

    An iterable is consumed once, one plan at a time, and no plan is kept: pass a generator
    (``iter_load(path)``) to count a corpus larger than memory.

    Args:
        plan_or_plans: An `ActionPlan`, or an iterable of them.
        as_of: The date milestones are checked against for ``milestones_overdue``.

    Raises:
        TypeError: *plan_or_plans* is neither a plan nor an iterable of plans (an item that is
            not a plan is named by its position), or *as_of* is not a date.
    """
    given: object = plan_or_plans  # checked at run time: callers may pass anything
    if as_of is not None and not isinstance(as_of, datetime.date):
        msg = f"as_of must be a datetime.date or None, got {type(as_of).__name__}"
        raise TypeError(msg)
    if isinstance(given, (str, bytes, bytearray, Mapping)) or not (
        isinstance(given, ActionPlan) or hasattr(given, "__iter__")
    ):
        msg = (
            "plan_or_plans must be an ActionPlan or an iterable of ActionPlan, "
            f"got {type(given).__name__}"
        )
        raise TypeError(msg)
    plans: Iterable[object] = (
        (plan_or_plans,) if isinstance(plan_or_plans, ActionPlan) else plan_or_plans
    )
    tally = _Tally(as_of)
    for index, plan in enumerate(plans):
        if not isinstance(plan, ActionPlan):
            msg = f"plan_or_plans[{index}] must be an ActionPlan, got {type(plan).__name__}"
            raise TypeError(msg)
        tally.add(plan)
    return tally.result()


def _count_object(title: str, keys: tuple[str, ...], codes: type[Code]) -> dict[str, Any]:
    return {
        "title": title,
        "description": (
            f"One count per code of the codelist '{codes.__name__}', in its order, then "
            f"'{UNRECORDED}'."
        ),
        "type": "object",
        "required": list(keys),
        "additionalProperties": False,
        "properties": {key: {"$ref": "#/$defs/Count"} for key in keys},
    }


def stats_schema() -> dict[str, Any]:
    """The JSON Schema of `Stats.to_dict` (published as ``stats.schema.json``)."""

    def closed(description: str, properties: dict[str, Any]) -> dict[str, Any]:
        return {
            "description": description,
            "type": "object",
            "required": list(properties),
            "additionalProperties": False,
            "properties": properties,
        }

    count = {"$ref": "#/$defs/Count"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id("stats"),
        "title": "OGP action plan statistics",
        "description": "Counts over one plan or a corpus of plans (ogpmodel.stats).",
        **closed(
            "The counts.",
            {
                "as_of": {
                    "description": "The date milestones were checked against, or null.",
                    "type": ["string", "null"],
                    "format": "date",
                },
                "plans": {**count, "description": "How many plans were counted."},
                "commitments": closed(
                    "The commitments.",
                    {
                        "total": count,
                        "by_status": {"$ref": "#/$defs/CommitmentStatusCounts"},
                        "by_value": {"$ref": "#/$defs/OGPValueCounts"},
                        "completion": {"$ref": "#/$defs/CompletionCounts"},
                        "high_completion": count,
                        "substantial_potential": count,
                        "substantial_potential_share": {
                            "description": "substantial_potential / total; null without any.",
                            "type": ["number", "null"],
                            "minimum": 0,
                            "maximum": 1,
                        },
                        "starred": count,
                    },
                ),
                "milestones": closed(
                    "The milestones, at every depth.",
                    {
                        "total": count,
                        "by_status": {"$ref": "#/$defs/MilestoneStatusCounts"},
                        "completed": count,
                        "overdue": {
                            "description": "Overdue on as_of; null without as_of.",
                            "oneOf": [count, {"type": "null"}],
                        },
                    },
                ),
            },
        ),
        "$defs": {
            "Count": {"title": "Count", "type": "integer", "minimum": 0},
            **{
                f"{codes.__name__}Counts": _count_object(f"Counts by {codes.__name__}", keys, codes)
                for keys, codes in _CODES.items()
            },
        },
    }
