"""The one change to a valid plan that breaks each rule."""

import datetime
from collections.abc import Callable, Iterable
from typing import Any

import attrs
import hypothesis.strategies as st

from ogpmodel.codelists import (
    CommitmentStatus,
    Completion,
    IRMProduct,
    MilestoneStatus,
    PlanStatus,
    PotentialForResults,
    PotentialImpact,
    Role,
    Sector,
    Specificity,
    Verifiable,
)
from ogpmodel.model import (
    ActionPlan,
    Assessment,
    CommitmentDesign,
    EndOfCommitmentReport,
    Endorsement,
    InceptionReport,
    IrmReview,
    Milestone,
    TransitionEvent,
)
from ogpmodel.serialize import dumps, to_dict
from ogpmodel.strategies._draw import T, _between, _flag, _pick, day_of, last_day_of
from ogpmodel.strategies._entities import _DELIVERABLES
from ogpmodel.strategies._values import _draw_day, dates
from ogpmodel.values import Link, PartialDate, Period, Text

#: What `BrokenPlan` carries: a plan, an OGP JSON document or JSON text.
PlanOrDocument = ActionPlan | dict[str, Any] | str
_Mutated = tuple[PlanOrDocument, datetime.date | None]
_Mutation = Callable[[st.DrawFn, ActionPlan], _Mutated]


def _fresh(taken: Iterable[str], base: str = "nobody") -> str:
    used = set(taken)
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}{n}"
    return candidate


def _replace(items: tuple[T, ...], index: int, item: T) -> tuple[T, ...]:
    return (*items[:index], item, *items[index + 1 :])


def _edit_commitment(plan: ActionPlan, index: int, **changes: Any) -> ActionPlan:
    commitment = attrs.evolve(plan.commitments[index], **changes)
    return attrs.evolve(plan, commitments=_replace(plan.commitments, index, commitment))


def _edit_first_milestone(plan: ActionPlan, index: int, **changes: Any) -> ActionPlan:
    commitment = plan.commitments[index]
    milestone = attrs.evolve(commitment.milestones[0], **changes)
    return _edit_commitment(plan, index, milestones=_replace(commitment.milestones, 0, milestone))


def _with_first_leaf(milestones: tuple[Milestone, ...], **changes: Any) -> tuple[Milestone, ...]:
    """*milestones* with the first one that has no children (first child first) changed."""
    first = milestones[0]
    if first.milestones:
        changed = attrs.evolve(first, milestones=_with_first_leaf(first.milestones, **changes))
    else:
        changed = attrs.evolve(first, **changes)
    return _replace(milestones, 0, changed)


def _first_leaf(milestone: Milestone) -> Milestone:
    """The first milestone without children under *milestone* (itself when it has none)."""
    while milestone.milestones:
        milestone = milestone.milestones[0]
    return milestone


def _any_commitment(draw: st.DrawFn, plan: ActionPlan) -> int:
    return _between(draw, 0, len(plan.commitments) - 1)


def _day_after(draw: st.DrawFn, day: datetime.date, at_least: int = 1) -> datetime.date:
    return day + datetime.timedelta(days=at_least + _between(draw, 0, 400))


def _document(mutate: Callable[[st.DrawFn, dict[str, Any]], None]) -> _Mutation:
    def apply(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
        document = to_dict(plan)
        mutate(draw, document)
        return document, None

    return apply


def _one_of(*mutations: Callable[[st.DrawFn, dict[str, Any]], None]) -> _Mutation:
    return _document(lambda draw, document: _pick(draw, mutations)(draw, document))


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[st.DrawFn, dict[str, Any]], None]:
    def apply(draw: st.DrawFn, document: dict[str, Any]) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return apply


def _pop(path: tuple[str | int, ...]) -> Callable[[st.DrawFn, dict[str, Any]], None]:
    def apply(draw: st.DrawFn, document: dict[str, Any]) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        target.pop(path[-1])

    return apply


def _invalid_json(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    text = dumps(plan)
    how = _between(draw, 0, 2)
    if how == 0:
        return text[: _between(draw, 0, len(text) - 1)], None
    if how == 1:
        return text + _pick(draw, ("}", ",", "x", " {")), None
    return '{"id": "again", ' + text[1:], None  # a key twice in one object


def _reversed_plan_period(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    year = _between(draw, 2000, 2030)
    if _flag(draw):
        month = _between(draw, 2, 12)
        period = Period(PartialDate(year, month), PartialDate(year, month - 1))
    else:
        period = Period(PartialDate(year + _between(draw, 1, 3)), PartialDate(year))
    return attrs.evolve(plan, period=period), None


def _milestone_outside(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    index = _any_commitment(draw, plan)
    end = plan.commitments[index].period.end  # type: ignore[union-attr]
    assert end is not None  # noqa: S101 - complete plans have complete periods
    year = end.year + _between(draw, 1, 3)
    return _edit_first_milestone(
        plan, index, period=Period(PartialDate(year), PartialDate(year))
    ), None


def _commitment_outside(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    index = _any_commitment(draw, plan)
    commitment = plan.commitments[index]
    assert commitment.period is not None  # noqa: S101 - complete plans have complete periods
    assert plan.period.end is not None  # noqa: S101
    end = PartialDate(plan.period.end.year + _between(draw, 1, 3))
    return _edit_commitment(plan, index, period=Period(commitment.period.start, end)), None


def _submitted_after_start(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    assert plan.submitted_on is not None  # noqa: S101 - the plan was submitted
    assert plan.period.start is not None  # noqa: S101
    year = min(plan.submitted_on.year - 1, plan.period.start.year)
    return attrs.evolve(plan, period=Period(PartialDate(year), plan.period.end)), None


def _commitment_change(**options: tuple[Any, ...]) -> _Mutation:
    """Set one field of one commitment to one of its *options*."""

    def apply(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
        ((field, values),) = options.items()
        index = _any_commitment(draw, plan)
        return _edit_commitment(plan, index, **{field: _pick(draw, values)}), None

    return apply


def _missing_period(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    index = _any_commitment(draw, plan)
    period = plan.commitments[index].period
    assert period is not None  # noqa: S101
    changed = _pick(draw, (None, Period(period.start, None), Period(None, period.end)))
    return _edit_commitment(plan, index, period=changed), None


def _no_end_date(note: bool) -> _Mutation:
    """Drop the end date of a milestone without children (a parent's dates derive from them)."""

    def apply(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
        index = _any_commitment(draw, plan)
        milestones = plan.commitments[index].milestones
        period = _first_leaf(milestones[0]).period
        start = period.start if period is not None else None
        changed = _pick(draw, (Period(start, None), None))
        deadline = Text(_pick(draw, _DELIVERABLES)) if note else None
        leaves = _with_first_leaf(milestones, period=changed, deadline_note=deadline)
        return _edit_commitment(plan, index, milestones=leaves), None

    return apply


def _milestone_outside_plan(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """Drop a commitment's period, and move its first milestone (now childless) past the plan's."""
    index = _any_commitment(draw, plan)
    assert plan.period.end is not None  # noqa: S101 - complete plans have complete periods
    year = PartialDate(plan.period.end.year + _between(draw, 1, 3))
    plan = _edit_first_milestone(plan, index, period=Period(year, year), milestones=())
    return _edit_commitment(plan, index, period=None), None


def _duplicate_title(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """Give a commitment the title of another, spaced differently (spacing does not count)."""
    first, second = _some_pair(draw, len(plan.commitments))
    title = plan.commitments[first].title.to_json()
    spaced = f" {title}  " if isinstance(title, str) else {t: f"{v} " for t, v in title.items()}
    return _edit_commitment(plan, second, title=Text(spaced)), None


def _some_pair(draw: st.DrawFn, count: int) -> tuple[int, int]:
    """Two different indices below *count* (at least 2)."""
    first = _between(draw, 0, count - 1)
    second = (first + _between(draw, 1, count - 1)) % count
    return first, second


def _duplicate_milestone(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """Repeat a commitment's first milestone (title and period) under a new id, without children."""
    index = _any_commitment(draw, plan)
    commitment = plan.commitments[index]
    first = commitment.milestones[0]
    again = attrs.evolve(
        first, id=_fresh((m.id for m in commitment.iter_milestones()), "copy"), milestones=()
    )
    return _edit_commitment(plan, index, milestones=(*commitment.milestones, again)), None


def _rename_commitment(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    index = _any_commitment(draw, plan)
    old = plan.commitments[index].id
    new = _fresh((c.id for c in plan.commitments), f"c-{_between(draw, 1, 99)}")

    def renamed(item: Assessment) -> Assessment:
        if isinstance(item, InceptionReport):
            designs = tuple(
                attrs.evolve(d, commitment_id=new) if d.commitment_id == old else d
                for d in item.commitments
            )
            return attrs.evolve(item, commitments=designs)
        return attrs.evolve(item, commitment_id=new) if item.commitment_id == old else item

    plan = _edit_commitment(plan, index, id=new)
    return attrs.evolve(plan, assessments=tuple(renamed(a) for a in plan.assessments)), None


def _no_commitments(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    kept = tuple(
        attrs.evolve(a, commitments=()) for a in plan.assessments if isinstance(a, InceptionReport)
    )
    return attrs.evolve(plan, commitments=(), assessments=kept), None


def _unchanged(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    return plan, None


def _government(plan: ActionPlan) -> set[str]:
    return {s.id for s in plan.stakeholders if s.sector is Sector.GOVERNMENT}


def _no_forum(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    assert plan.forum is not None  # noqa: S101
    forum = _pick(draw, (None, attrs.evolve(plan.forum, member_ids=())))
    return attrs.evolve(plan, forum=forum), None


def _one_sided_forum(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    assert plan.forum is not None  # noqa: S101
    government = _government(plan)
    keep_government = _flag(draw)
    members = tuple(m for m in plan.forum.member_ids if (m in government) is keep_government)
    return attrs.evolve(plan, forum=attrs.evolve(plan.forum, member_ids=members)), None


def _not_endorsed(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    government = _government(plan)
    how = _between(draw, 0, 2)
    if how == 0:
        return attrs.evolve(plan, endorsements=()), None
    kept = tuple(e for e in plan.endorsements if e.stakeholder_id in government)
    if how == 1 or plan.submitted_on is None:
        return attrs.evolve(plan, endorsements=kept), None
    late = tuple(
        Endorsement(e.stakeholder_id, _day_after(draw, plan.submitted_on))
        for e in plan.endorsements
        if e.stakeholder_id not in government
    )
    return attrs.evolve(plan, endorsements=kept + late), None


def _no_point_of_contact(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    people = tuple(
        attrs.evolve(s, roles=tuple(r for r in s.roles if r is not Role.POINT_OF_CONTACT))
        for s in plan.stakeholders
    )
    return attrs.evolve(plan, point_of_contact_id=None, stakeholders=people), None


def _inception_overdue(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    assert plan.submitted_on is not None  # noqa: S101
    kept = tuple(a for a in plan.assessments if not isinstance(a, InceptionReport))
    return attrs.evolve(plan, assessments=kept), _day_after(draw, plan.submitted_on, 63)


def _end_of_commitment_overdue(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    commitment = plan.commitments[0]
    completed_on = last_day_of(commitment.history[-1].date)  # due a month after its last day
    kept = tuple(
        a
        for a in plan.assessments
        if not (isinstance(a, EndOfCommitmentReport) and a.commitment_id == commitment.id)
    )
    return attrs.evolve(plan, assessments=kept), _day_after(draw, completed_on, 32)


def _milestone_overdue(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """Validate after every milestone's end, with the first leaf's status recorded (planned)."""
    first = plan.commitments[0]
    if _first_leaf(first.milestones[0]).status is None:  # not recorded: not known to be open
        leaves = _with_first_leaf(first.milestones, status=MilestoneStatus.PLANNED)
        plan = _edit_commitment(plan, 0, milestones=leaves)
    ends = [m.period.end.latest for _, m in plan.iter_milestones() if m.period and m.period.end]
    return plan, _day_after(draw, max(ends))


def _plan_period_over(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    assert plan.period.end is not None  # noqa: S101
    return plan, _day_after(draw, plan.period.end.latest)


def _invalid_transition(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    first, second, *rest = plan.history
    skipped = attrs.evolve(second, from_=first.from_)
    return attrs.evolve(plan, history=(skipped, *rest)), None


def _status_mismatch(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    if _flag(draw):
        other = (
            PlanStatus.ENDED
            if plan.status is PlanStatus.IMPLEMENTATION
            else PlanStatus.IMPLEMENTATION
        )
        return attrs.evolve(plan, status=other), None
    return _edit_commitment(plan, 0, status=CommitmentStatus.IN_PROGRESS), None


def _uncertain_order(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """
    Date the plan's first two events (to co-creation, to submitted) by the submission's year.

    Each interval then holds the other, so their order is uncertain; it only widens dates
    that no recorded guard looks at, and still holds ``submitted_on``.
    """
    first, second, *rest = plan.history
    year = PartialDate(day_of(second.date).year)
    dated = (attrs.evolve(first, date=year), attrs.evolve(second, date=year))
    return attrs.evolve(plan, history=(*dated, *rest)), None


def _unrecorded_status(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """Leave the status of the plan, a commitment or a milestone unrecorded (its history kept)."""
    how = _between(draw, 0, 2)
    if how == 0:
        return attrs.evolve(plan, status=None), None
    index = _any_commitment(draw, plan)
    if how == 1 or not plan.commitments[index].milestones:
        return _edit_commitment(plan, index, status=None), None
    return _edit_first_milestone(plan, index, status=None), None


def _out_of_order(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    first, second, *rest = plan.history
    late = attrs.evolve(first, date=_day_after(draw, day_of(second.date)))
    return attrs.evolve(plan, history=(late, second, *rest)), None


def _open_milestone(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    if _flag(draw):
        started = plan.commitments[0].history[0].date
        event = TransitionEvent(MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS, started)
        return _edit_first_milestone(
            plan, 0, status=MilestoneStatus.IN_PROGRESS, history=(event,)
        ), None
    return _edit_first_milestone(plan, 0, status=MilestoneStatus.PLANNED, history=()), None


def _no_note(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    last = attrs.evolve(plan.history[-1], note=_pick(draw, (None, Text(" "), Text({"es": ""}))))
    return attrs.evolve(plan, history=(*plan.history[:-1], last)), None


def _event_index(plan: ActionPlan, to: PlanStatus) -> int:
    """The index of the plan's history event that moved it to *to*."""
    return next(i for i, event in enumerate(plan.history) if event.to is to)


def _redate(plan: ActionPlan, index: int, day: datetime.date) -> ActionPlan:
    event = attrs.evolve(plan.history[index], date=day)
    return attrs.evolve(plan, history=_replace(plan.history, index, event))


def _day_between(draw: st.DrawFn, lo: datetime.date, hi: datetime.date) -> datetime.date | None:
    """A day in ``[lo, hi)``, or `None` when there is none."""
    if hi <= lo:
        return None
    return _draw_day(draw, lo, hi - datetime.timedelta(days=1))


def _implementation_before_start(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """Enter implementation before the plan period starts (or drop the period's start)."""
    index = _event_index(plan, PlanStatus.IMPLEMENTATION)
    entered = day_of(plan.history[index].date)
    start, end = plan.period.start, plan.period.end
    assert start is not None  # noqa: S101 - submitted plans have complete periods
    assert end is not None  # noqa: S101
    how = _between(draw, 0, 2)
    if how == 1:
        # Earlier, but not before the previous event: dates stay non-decreasing.
        day = _day_between(draw, day_of(plan.history[index - 1].date), start.earliest)
        if day is not None:
            return _redate(plan, index, day), None
    if how == 2:
        later = PartialDate.from_date(_day_after(draw, entered))
        if later.earliest <= end.latest:
            return attrs.evolve(plan, period=Period(later, end)), None
    return attrs.evolve(plan, period=Period(None, end)), None


def _ended_before_end(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """End the plan before its period is over while a commitment is still open."""
    closed = (None, CommitmentStatus.COMPLETED, CommitmentStatus.WITHDRAWN)  # None: not known
    if all(c.status in closed for c in plan.commitments):
        plan = _edit_commitment(
            plan, _any_commitment(draw, plan), status=CommitmentStatus.PLANNED, history=()
        )
    index = _event_index(plan, PlanStatus.ENDED)
    ended = day_of(plan.history[index].date)
    end = plan.period.end
    assert end is not None  # noqa: S101 - submitted plans have periods
    if _flag(draw):
        # Earlier, but not before the previous event: dates stay non-decreasing.
        day = _day_between(draw, day_of(plan.history[index - 1].date), end.earliest)
        if day is not None:
            return _redate(plan, index, day), None
    later = PartialDate.from_date(_day_after(draw, ended))
    return attrs.evolve(plan, period=Period(plan.period.start, later)), None


def _moved_outside_implementation(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """Date a move of a commitment or milestone before the plan's implementation, or after it."""
    commitment = plan.commitments[0]  # completed: it has a history
    entered = day_of(plan.history[_event_index(plan, PlanStatus.IMPLEMENTATION)].date)
    if plan.status is PlanStatus.CLOSED and _flag(draw):
        closed = day_of(plan.history[_event_index(plan, PlanStatus.CLOSED)].date)
        last = attrs.evolve(commitment.history[-1], date=_day_after(draw, closed))
        return _edit_commitment(plan, 0, history=(*commitment.history[:-1], last)), None
    early = entered - datetime.timedelta(days=_between(draw, 1, 400))
    first_milestone = commitment.milestones[0] if commitment.milestones else None
    if first_milestone is not None and first_milestone.history and _flag(draw):
        step = attrs.evolve(first_milestone.history[0], date=early)
        history = (step, *first_milestone.history[1:])
        return _edit_first_milestone(plan, 0, history=history), None
    moved = attrs.evolve(commitment.history[0], date=early)
    return _edit_commitment(plan, 0, history=(moved, *commitment.history[1:])), None


def _closed_without_report(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """Drop the end-of-commitment report of a completed commitment of a closed local plan."""
    completed = plan.commitments[0].id
    kept = tuple(
        a
        for a in plan.assessments
        if not (isinstance(a, EndOfCommitmentReport) and a.commitment_id == completed)
    )
    return attrs.evolve(plan, assessments=kept), None


def _irm(commitment_id: str, day: datetime.date, **ratings: Any) -> IrmReview:
    product = ratings.pop("product", IRMProduct.PROGRESS_REPORT)
    return IrmReview(
        date=PartialDate.from_date(day), commitment_id=commitment_id, product=product, **ratings
    )


def _with_assessments(plan: ActionPlan, *items: Assessment) -> ActionPlan:
    return attrs.evolve(plan, assessments=(*plan.assessments, *items))


def _completion_regressed(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    cid = plan.commitments[_any_commitment(draw, plan)].id
    levels = list(Completion)
    high = _between(draw, 1, len(levels) - 1)
    low = _between(draw, 0, high - 1)
    day = draw(dates())
    later = _day_after(draw, day)
    return _with_assessments(
        plan,
        _irm(cid, day, completion=levels[high]),
        _irm(cid, later, completion=levels[low], product=IRMProduct.END_OF_TERM_REPORT),
    ), None


def _unverifiable_rated(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    cid = plan.commitments[_any_commitment(draw, plan)].id
    day = draw(dates())
    if _flag(draw):
        design = CommitmentDesign(cid, verifiable=Verifiable.NO, relevant=_flag(draw))
        report = InceptionReport(date=PartialDate.from_date(day), commitments=(design,))
        return _with_assessments(plan, report), None
    return _with_assessments(
        plan, _irm(cid, day, verifiable=Verifiable.NO, relevant=_flag(draw))
    ), None


def _indicator_era(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    assert plan.period.start is not None  # noqa: S101
    cid = plan.commitments[_any_commitment(draw, plan)].id
    day = draw(dates())
    if plan.period.start.year >= 2021:
        rating: dict[str, Any] = _pick(
            draw,
            (
                {"specificity": _pick(draw, Specificity)},
                {"potential_impact": _pick(draw, PotentialImpact)},
            ),
        )
    else:
        rating = _pick(
            draw,
            (
                {"potential_for_results": _pick(draw, PotentialForResults)},
                {"verifiable": _pick(draw, (Verifiable.YES, Verifiable.UNCLEAR))},
            ),
        )
    return _with_assessments(plan, _irm(cid, day, **rating)), None


def _duplicate_assessment(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    cid = plan.commitments[_any_commitment(draw, plan)].id
    review = _irm(cid, draw(dates()), product=_pick(draw, IRMProduct))
    return _with_assessments(plan, review, review), None


def _duplicate_id(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    index = _any_commitment(draw, plan)
    commitment = plan.commitments[index]
    how = _between(draw, 0, 3 if plan.strategic_vision is not None else 2)
    if how == 0:
        copy = plan.stakeholders[_between(draw, 0, len(plan.stakeholders) - 1)]
        return attrs.evolve(plan, stakeholders=(*plan.stakeholders, copy)), None
    if how == 1:
        return attrs.evolve(plan, commitments=(*plan.commitments, commitment)), None
    if how == 2:
        milestones = (*commitment.milestones, commitment.milestones[0])
        return _edit_commitment(plan, index, milestones=milestones), None
    vision = plan.strategic_vision
    assert vision is not None  # noqa: S101
    return attrs.evolve(
        plan, strategic_vision=attrs.evolve(vision, goals=(*vision.goals, vision.goals[0]))
    ), None


def _unknown_stakeholder(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    nobody = _fresh(s.id for s in plan.stakeholders)
    index = _any_commitment(draw, plan)
    commitment = plan.commitments[index]
    how = _between(draw, 0, 4)
    if how == 0:
        return _edit_commitment(
            plan, index, supporting_ids=(*commitment.supporting_ids, nobody)
        ), None
    if how == 1:
        return _edit_commitment(plan, index, lead_ids=(*commitment.lead_ids, nobody)), None
    if how == 2:
        return attrs.evolve(plan, point_of_contact_id=nobody), None
    if how == 3:
        people = _replace(
            plan.stakeholders, 0, attrs.evolve(plan.stakeholders[0], parent_id=nobody)
        )
        return attrs.evolve(plan, stakeholders=people), None
    milestone = commitment.milestones[0]
    return _edit_first_milestone(
        plan, index, responsible_ids=(*milestone.responsible_ids, nobody)
    ), None


def _unnamed_stakeholder(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """Take away a stakeholder's name and acronym."""
    index = _between(draw, 0, len(plan.stakeholders) - 1)
    nameless = attrs.evolve(plan.stakeholders[index], name=None, acronym=None)
    return attrs.evolve(plan, stakeholders=_replace(plan.stakeholders, index, nameless)), None


def _relative_without_base(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    """Drop the plan's base_url, and link to a relative address (or one per language)."""
    address = _pick(draw, ("plan.pdf", "/en/report", "../minutes?id=1"))
    url: str | Text = address if _flag(draw) else Text({"es": address, "en": address})
    links = (*plan.links, Link(url))
    return attrs.evolve(plan, base_url=None, links=links), None


def _unknown_goal(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    vision = plan.strategic_vision
    goals = [g.id for g in vision.goals] if vision is not None else []
    return _edit_commitment(
        plan, _any_commitment(draw, plan), vision_goal_id=_fresh(goals, "g")
    ), None


def _unknown_commitment(draw: st.DrawFn, plan: ActionPlan) -> _Mutated:
    nobody = _fresh((c.id for c in plan.commitments), "XX9999")
    day = PartialDate.from_date(draw(dates()))
    choices: tuple[Assessment, ...] = (
        IrmReview(date=day, commitment_id=nobody, product=IRMProduct.DESIGN_REPORT),
        InceptionReport(date=day, commitments=(CommitmentDesign(nobody),)),
        EndOfCommitmentReport(date=day, commitment_id=nobody, completion=Completion.COMPLETE),
    )
    item = _pick(draw, choices)
    return _with_assessments(plan, item), None
