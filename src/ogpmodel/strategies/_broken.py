"""Plans that break exactly one rule: `BrokenPlan`, `broken_plans` and `breakable_codes`."""

import datetime
import difflib
from collections.abc import Mapping
from typing import Any

import attrs
import hypothesis.strategies as st
from hypothesis.strategies import SearchStrategy

import ogpmodel
from ogpmodel.codelists import (
    Membership,
    OGPValue,
    PlanStatus,
)
from ogpmodel.rules import Rule
from ogpmodel.strategies._draw import _pick
from ogpmodel.strategies._mutations import (
    PlanOrDocument,
    _closed_without_report,
    _commitment_change,
    _commitment_outside,
    _completion_regressed,
    _document,
    _duplicate_assessment,
    _duplicate_id,
    _duplicate_milestone,
    _duplicate_title,
    _end_of_commitment_overdue,
    _ended_before_end,
    _implementation_before_start,
    _inception_overdue,
    _indicator_era,
    _invalid_json,
    _invalid_transition,
    _milestone_outside,
    _milestone_outside_plan,
    _milestone_overdue,
    _missing_period,
    _moved_outside_implementation,
    _Mutation,
    _no_commitments,
    _no_end_date,
    _no_forum,
    _no_note,
    _no_point_of_contact,
    _not_endorsed,
    _one_of,
    _one_sided_forum,
    _open_milestone,
    _out_of_order,
    _plan_period_over,
    _pop,
    _relative_without_base,
    _rename_commitment,
    _reversed_plan_period,
    _set,
    _status_mismatch,
    _submitted_after_start,
    _uncertain_order,
    _unchanged,
    _unknown_commitment,
    _unknown_goal,
    _unknown_stakeholder,
    _unnamed_stakeholder,
    _unrecorded_status,
    _unverifiable_rated,
)
from ogpmodel.strategies._valid_plans import _draw_valid_plan, _PlanSpec
from ogpmodel.values import Text


class BrokenPlan(tuple[PlanOrDocument, str]):
    """
    A plan (or an OGP JSON document, or JSON text) that breaks exactly one rule.

    It unpacks as the pair ``(plan_or_document, code)`` and also carries ``as_of``: the date to
    validate with, for the ``deadline.*`` rules (`None` for every other code).

    >>> from ogpmodel import validate
    >>> broken = BrokenPlan("{", "schema.invalid-json")
    >>> document, code = broken
    >>> code in validate(document, as_of=broken.as_of).codes
    True
    """

    as_of: datetime.date | None

    def __new__(
        cls, plan_or_document: PlanOrDocument, code: str, as_of: datetime.date | None = None
    ) -> "BrokenPlan":
        """Make the pair, with *as_of* as an attribute."""
        self = super().__new__(cls, (plan_or_document, code))
        object.__setattr__(self, "as_of", as_of)
        return self

    @property
    def plan_or_document(self) -> PlanOrDocument:
        """The `ActionPlan`, the document (a dict) or the JSON text."""
        return self[0]

    @property
    def code(self) -> str:
        """The code of the rule it breaks."""
        return self[1]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"BrokenPlan is immutable (cannot set {name!r})")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, BrokenPlan):
            return tuple(self) == tuple(other) and self.as_of == other.as_of
        return super().__eq__(other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((tuple(self), self.as_of))

    def __reduce__(self) -> tuple[Any, ...]:
        return (BrokenPlan, (self[0], self[1], self.as_of))

    def __repr__(self) -> str:
        return (
            f"BrokenPlan(code={self.code!r}, as_of={self.as_of!r}, "
            f"plan_or_document={self.plan_or_document!r})"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Print as `repr` does, with a plan as one line of OGP JSON (``ogpmodel.loads(...)``)."""
        printer.text(f"BrokenPlan(code={self.code!r}, as_of={self.as_of!r}, plan_or_document=")
        printer.pretty(self.plan_or_document)
        printer.text(")")


@attrs.frozen
class _Breaker:
    """How to break one rule: which plans to start from, and the one change to make."""

    mutate: _Mutation
    #: Each variant is a set of `_PlanSpec` fields; one is drawn for the plan to start from.
    variants: tuple[Mapping[str, Any], ...] = ({},)


def _base_spec(**changes: Any) -> _PlanSpec:
    fields: dict[str, Any] = {
        "memberships": tuple(Membership),
        "statuses": tuple(PlanStatus),
        "min_commitments": 1,
        "max_commitments": 3,
        "max_milestones": 2,
        "max_depth": 2,
        "languages": ("es", "en"),
        "optional_fields": True,
        "complete": True,
        "withdrawn_after_submission": True,
    }
    fields.update(changes)
    return _PlanSpec(**fields)


_SUBMITTED_STATES = (
    PlanStatus.SUBMITTED,
    PlanStatus.IMPLEMENTATION,
    PlanStatus.ENDED,
    PlanStatus.CLOSED,
    PlanStatus.WITHDRAWN,
)
_LOCAL = (Membership.LOCAL,)


_DRAFTS = {"statuses": (PlanStatus.PLANNING, PlanStatus.CO_CREATION)}
_SUBMITTED = {"statuses": _SUBMITTED_STATES}
_MOVING_NOW = (PlanStatus.IMPLEMENTATION, PlanStatus.ENDED)
_MOVED = {"statuses": _MOVING_NOW, "completed_commitment": True}
#: The states of a plan whose history went through ``submitted → implementation``.
_IMPLEMENTED = (*_MOVING_NOW, PlanStatus.CLOSED)
_BLANK_TEXTS = ("", " ", "\n\t", {"es": " "}, {"en": "", "es": "  "})

_LIMITS = ogpmodel.Limits()


def _nested(levels: int) -> Any:
    """An array *levels* deep."""
    value: Any = []
    for _ in range(levels - 1):
        value = [value]
    return value


#: The one change that breaks each rule, by code.
_BREAKERS: Mapping[str, _Breaker] = {
    # structure: documents and JSON text
    "schema.invalid-json": _Breaker(_invalid_json),
    "limits.depth": _Breaker(_one_of(_set(("extensions",), {"deep": _nested(200)}))),
    "limits.string-length": _Breaker(
        _one_of(_set(("description",), "x" * (_LIMITS.max_string_length + 1)))
    ),
    "limits.items": _Breaker(
        _one_of(_set(("links",), [{"url": "https://example.org"}] * (_LIMITS.max_items + 1)))
    ),
    "schema.type": _Breaker(
        _one_of(
            _set(("title",), 42),
            _set(("commitments",), "none"),
            _set(("history",), {}),
            _set(("member",), "Maipú"),
            _set(("submitted_on",), 20230131),
            _set(("commitments", 0, "milestones"), {}),
            _set(("commitments", 0, "lead_ids"), "muni"),
        )
    ),
    "schema.required": _Breaker(
        _one_of(
            _pop(("title",)),
            _pop(("id",)),
            _pop(("language",)),
            _pop(("member",)),
            _pop(("period",)),
            _pop(("member", "membership")),
            _pop(("commitments", 0, "title")),
            _pop(("commitments", 0, "id")),
            _pop(("commitments", 0, "milestones", 0, "title")),
            _pop(("stakeholders", 0, "sector")),
        )
    ),
    "schema.enum": _Breaker(
        _one_of(
            _set(("status",), "submited"),
            _set(("member", "membership"), "locale"),
            _set(("commitments", 0, "status"), "done"),
            _set(("commitments", 0, "milestones", 0, "status"), "Completed"),
            _set(("stakeholders", 0, "sector"), "goverment"),
        )
    ),
    "schema.format": _Breaker(
        _one_of(
            _set(("language",), "español"),
            _set(("id",), "-plan 2023"),
            _set(("member", "country"), "XX"),
            _set(("period", "start"), "2023-02-30"),
            _set(("period", "end"), "2023/12"),
            _set(("commitments", 0, "id"), "CL MPU 0001"),
        )
    ),
    "schema.additional-property": _Breaker(
        _one_of(
            _set(("titel",), "Plan"),
            _set(("commitments", 0, "milestone"), []),
            _set(("member", "countries"), ["CL"]),
        )
    ),
    "schema.range": _Breaker(
        _one_of(
            *(
                _set(("commitments", 0, "progress"), [{"date": "2024", "completion_percent": n}])
                for n in (101, -1, 100.5, 1000)
            )
        )
    ),
    "schema.version": _Breaker(
        _one_of(
            _set(("schema_version",), "2.0"),
            _set(("schema_version",), "0.9"),
            _pop(("schema_version",)),
        )
    ),
    "text.empty": _Breaker(
        _document(
            lambda draw, document: _pick(
                draw,
                (
                    _set(("title",), _pick(draw, _BLANK_TEXTS)),
                    _set(("member", "name"), _pick(draw, _BLANK_TEXTS)),
                    _set(("commitments", 0, "title"), _pick(draw, _BLANK_TEXTS)),
                    _set(("stakeholders", 0, "name"), _pick(draw, _BLANK_TEXTS)),
                ),
            )(draw, document)
        )
    ),
    # structure: the plan's own consistency
    "id.duplicate": _Breaker(_duplicate_id),
    "reference.unknown-stakeholder": _Breaker(_unknown_stakeholder),
    "reference.unknown-goal": _Breaker(_unknown_goal),
    "reference.unknown-commitment": _Breaker(_unknown_commitment),
    "stakeholder.unnamed": _Breaker(_unnamed_stakeholder),
    "link.relative-without-base": _Breaker(_relative_without_base),
    # dates
    "period.end-before-start": _Breaker(_reversed_plan_period, (_DRAFTS,)),
    "period.milestone-outside-commitment": _Breaker(_milestone_outside),
    "period.milestone-outside-plan": _Breaker(_milestone_outside_plan, (_DRAFTS,)),
    "period.commitment-outside-plan": _Breaker(_commitment_outside),
    "period.submitted-after-start": _Breaker(_submitted_after_start, (_SUBMITTED,)),
    # formulation
    "commitment.missing-problem": _Breaker(_commitment_change(problem=(None, Text(" ")))),
    "commitment.missing-action": _Breaker(_commitment_change(action=(None, Text({"es": ""})))),
    "commitment.no-core-value": _Breaker(
        _commitment_change(ogp_values=((), (OGPValue.TECHNOLOGY_AND_INNOVATION,)))
    ),
    "commitment.no-lead": _Breaker(_commitment_change(lead_ids=((),))),
    "commitment.no-milestones": _Breaker(_commitment_change(milestones=((),))),
    "commitment.missing-period": _Breaker(_missing_period),
    "milestone.no-end-date": _Breaker(_no_end_date(note=False)),
    "milestone.deadline-note-only": _Breaker(_no_end_date(note=True)),
    "commitment.unlinked-vision-goal": _Breaker(
        _commitment_change(vision_goal_id=(None,)), ({"memberships": _LOCAL},)
    ),
    "commitment.id-format": _Breaker(_rename_commitment),
    "commitment.duplicate-title": _Breaker(_duplicate_title, ({"min_commitments": 2},)),
    "milestone.duplicate": _Breaker(_duplicate_milestone),
    # process
    "plan.no-commitments": _Breaker(_no_commitments),
    "plan.too-many-commitments": _Breaker(
        _unchanged,
        (
            {
                "memberships": _LOCAL,
                "min_commitments": 6,
                "max_commitments": 7,
                "max_milestones": 1,
                "max_depth": 1,
            },
        ),
    ),
    "plan.commitment-count-outside-recommendation": _Breaker(
        _unchanged, ({"memberships": (Membership.NATIONAL,), "max_commitments": 4},)
    ),
    "plan.no-forum": _Breaker(_no_forum),
    "plan.forum-not-multistakeholder": _Breaker(_one_sided_forum),
    "plan.not-endorsed": _Breaker(_not_endorsed),
    "plan.no-monitoring-body": _Breaker(
        lambda draw, plan: (attrs.evolve(plan, monitoring_body=None), None),
        ({"memberships": _LOCAL},),
    ),
    "plan.no-point-of-contact": _Breaker(_no_point_of_contact),
    "plan.missing-submission-date": _Breaker(
        lambda draw, plan: (attrs.evolve(plan, submitted_on=None), None), (_SUBMITTED,)
    ),
    # deadlines (validate with as_of)
    "deadline.inception-report-overdue": _Breaker(
        _inception_overdue, ({"memberships": _LOCAL, "statuses": _SUBMITTED_STATES[:-1]},)
    ),
    "deadline.end-of-commitment-report-overdue": _Breaker(
        _end_of_commitment_overdue, ({**_MOVED, "memberships": _LOCAL},)
    ),
    "deadline.milestone-overdue": _Breaker(
        _milestone_overdue,
        ({"statuses": (PlanStatus.PLANNING, PlanStatus.CO_CREATION, PlanStatus.SUBMITTED)},),
    ),
    "deadline.plan-period-over": _Breaker(
        _plan_period_over, ({"statuses": (PlanStatus.IMPLEMENTATION,)},)
    ),
    # lifecycle
    "lifecycle.invalid-transition": _Breaker(_invalid_transition, (_SUBMITTED,)),
    "lifecycle.status-mismatch": _Breaker(_status_mismatch, (_MOVED,)),
    "lifecycle.history-out-of-order": _Breaker(_out_of_order, (_SUBMITTED,)),
    "lifecycle.history-order-uncertain": _Breaker(_uncertain_order, (_SUBMITTED,)),
    "status.unrecorded": _Breaker(_unrecorded_status),
    "lifecycle.completed-with-open-milestones": _Breaker(
        _open_milestone, ({**_MOVED, "statuses": (*_MOVING_NOW, PlanStatus.CLOSED)},)
    ),
    "lifecycle.note-required": _Breaker(_no_note, ({"statuses": (PlanStatus.WITHDRAWN,)},)),
    "lifecycle.plan-not-in-implementation": _Breaker(
        _moved_outside_implementation, ({**_MOVED, "statuses": _IMPLEMENTED},)
    ),
    "lifecycle.plan-period-not-started": _Breaker(
        _implementation_before_start, ({"statuses": _IMPLEMENTED},)
    ),
    "lifecycle.plan-period-not-over": _Breaker(
        _ended_before_end, ({"statuses": (PlanStatus.ENDED, PlanStatus.CLOSED)},)
    ),
    "lifecycle.missing-end-of-commitment-report": _Breaker(
        _closed_without_report,
        ({**_MOVED, "memberships": _LOCAL, "statuses": (PlanStatus.CLOSED,)},),
    ),
    # assessments
    "assessment.completion-regressed": _Breaker(_completion_regressed),
    "assessment.unverifiable-rated": _Breaker(_unverifiable_rated),
    "assessment.indicator-era": _Breaker(
        _indicator_era, ({"years": (2021, 2035)}, {"years": (2000, 2017)})
    ),
    "assessment.duplicate": _Breaker(_duplicate_assessment),
}


def _registered() -> Mapping[str, Rule]:
    return {rule.code: rule for rule in ogpmodel.rules(include_transition_only=True)}


def _guard_only(rule: Rule) -> bool:
    """Whether only a lifecycle transition reports the rule (never `ogpmodel.validate`)."""
    return rule.transition_only


#: The codes no plan breaks alone, and why.
UNBREAKABLE: Mapping[str, str] = {
    "limits.document-size": (
        "the text of a document beyond the size limit is hundreds of megabytes: pass "
        "validate() a smaller ogpmodel.Limits(max_bytes=...) to see the finding"
    ),
    "schema.unchecked": "an info that comes with the errors of a document, never alone",
    "validation.rule-failed": "a defect of ogpmodel, which no plan should be able to cause",
    # Every code of the converters of ogpmodel.convert: they describe a source, not a plan.
    **{
        rule.code: (
            "reported by the converters of ogpmodel.convert about their sources, never by "
            "validate()"
        )
        for rule in ogpmodel.rules()
        if rule.family == "import"
    },
}


def breakable_codes() -> tuple[str, ...]:
    """
    The codes `broken_plans` can break, in catalogue order.

    Every rule of `ogpmodel.rules()`, that is every rule `ogpmodel.validate` checks, but those of
    `UNBREAKABLE` (a document hundreds of megabytes long, an info that only comes with other
    errors, the report of a defect of ogpmodel, and the findings of the converters of
    `ogpmodel.convert` about their sources). The transition-only codes are not
    among them: `ogpmodel.lifecycle.transition` reports them when it refuses a move, so no plan
    breaks them. ``lifecycle.submission-requirements-unmet`` (the guard of
    ``co_creation → submitted``) shows on a plan as the failing stage-dependent rules
    themselves, and ``lifecycle.from-unrecorded-status`` (a move from a status not recorded) as
    ``status.unrecorded``.
    """
    return tuple(
        code
        for code, rule in _registered().items()
        if code in _BREAKERS and not _guard_only(rule) and code not in UNBREAKABLE
    )


def _check_code(code: str) -> None:
    registered = _registered()
    if code not in registered:
        near = difflib.get_close_matches(code, list(registered), n=1, cutoff=0)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise ValueError(f"no rule has the code {code!r}{hint}")
    if _guard_only(registered[code]):
        raise ValueError(
            f"{code!r} is a finding of lifecycle transitions only: ogpmodel.lifecycle.transition "
            "reports it when it refuses a move, and validate() reports what the plan records "
            "instead (the failing rules themselves, or status.unrecorded), so no plan breaks it"
        )
    if code in UNBREAKABLE:
        raise ValueError(f"broken_plans cannot break {code!r}: {UNBREAKABLE[code]}")
    if code not in _BREAKERS:
        raise ValueError(f"broken_plans does not know how to break {code!r} yet")


@st.composite
def _broken(draw: st.DrawFn, code: str) -> BrokenPlan:
    breaker = _BREAKERS[code]
    variant = _pick(draw, breaker.variants)
    plan = _draw_valid_plan(draw, _base_spec(**variant))
    broken, as_of = breaker.mutate(draw, plan)
    return BrokenPlan(broken, code, as_of)


def broken_plans(code: str | None = None) -> SearchStrategy[BrokenPlan]:
    """
    Yield plans that break exactly one rule, as `BrokenPlan` pairs ``(plan_or_document, code)``.

    Each starts from a valid plan of `action_plans` (in a status where the rule applies; any
    status for the stage-dependent rules, which are warnings before submission) and makes the
    one change that breaks the rule. ``validate(plan_or_document, as_of=broken.as_of)`` then
    reports *code* and no other error; warnings and infos may come with it.

    - ``schema.*`` and ``text.empty`` yield OGP JSON documents (dicts), and
      ``schema.invalid-json`` JSON text: a model object cannot break them. The document layer
      reports *code* and no other problem; the rules then run on the rest of the document
      and may report what the part with the error leaves missing (a stakeholder whose sector
      is wrong is not counted in the forum, say), beside a ``schema.unchecked`` info.
    - ``deadline.*`` rules run only with an ``as_of`` date: use ``broken.as_of`` (it is `None`
      for every other code).
    - The guards of the transition tables break through the plan's recorded history (a move
      dated before the plan period starts, and the like), except the transition-only codes
      ``lifecycle.submission-requirements-unmet`` and ``lifecycle.from-unrecorded-status``,
      which no plan breaks; see `breakable_codes`.

    Args:
        code: The rule to break; any of `breakable_codes` when `None`.

    Shrinks toward the first breakable code, then as `action_plans` does.

    Raises:
        ValueError: No rule has *code* (the message names the nearest code), or no plan can
            break it.
    """
    if code is not None:
        _check_code(code)
        return _broken(code)
    return st.sampled_from(breakable_codes()).flatmap(_broken)
