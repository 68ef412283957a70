"""Stakeholders, milestones and commitments."""

import datetime
import math
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from ogpmodel.codelists import (
    COUNTRIES,
    OPEN_CODELISTS,
    CommitmentStatus,
    Completion,
    MilestoneStatus,
    OGPValue,
    Role,
    Sector,
    StakeholderKind,
)
from ogpmodel.lifecycle import TABLES, Kind
from ogpmodel.model import (
    Commitment,
    Contact,
    Identifier,
    Milestone,
    OtherName,
    ProgressReport,
    Stakeholder,
    TransitionEvent,
)
from ogpmodel.strategies._draw import (
    _ALNUM,
    _ID_CHARS,
    _between,
    _check_languages,
    _Config,
    _draw_distinct_text,
    _draw_extensions,
    _draw_text,
    _draw_url,
    _enum,
    _flag,
    _maybe,
    _maybe_many,
    _maybe_some,
    _maybe_text,
    _pick,
    _some,
    _unrecorded,
    day_of,
)
from ogpmodel.strategies._kinds import build as _build
from ogpmodel.strategies._lifecycle import _draw_events, _draw_path
from ogpmodel.strategies._values import _bounds, _draw_day, _draw_link, _draw_period
from ogpmodel.values import PartialDate, Period, Precision, Text

_READABLE_IDS = (
    "muni",
    "ong",
    "secpla",
    "fundacion",
    "consejo",
    "universidad",
    "monitor",
    "vecinos",
    "camara",
    "prensa",
)
_MEMBER_CODES = ("MPU", "PIL", "BUE", "SCL", "MEX", "AAA")
_DELIVERABLES = ("Fall 2027", "Primer semestre", "Q3", "When funded")
_ACRONYMS = ("SECPLA", "TBS", "DIDECO", "EPA", "CPLT")
_NAME_NOTES = ("former name", "department code", "translation")
#: The precisions of the dates of commitment and milestone events (trackers give months).
_EVENT_PRECISIONS: tuple[Precision, ...] = ("day", "month")
#: The completion percent a progress report may give at each level (none at no_evidence).
_PERCENT_BANDS: Mapping[Completion, tuple[int, int]] = {
    Completion.NOT_STARTED: (0, 0),
    Completion.LIMITED: (1, 49),
    Completion.SUBSTANTIAL: (50, 99),
    Completion.COMPLETE: (100, 100),
}
_COUNTRIES_FIRST = ("CL", "AR", "MX", "CO", "PE", "US", "CA", "ES", "KE", "PH")
#: Country codes, the most common first (they shrink toward ``CL``).
_COUNTRY_CODES = tuple(dict.fromkeys((*_COUNTRIES_FIRST, *sorted(COUNTRIES))))
_CORE_VALUES = tuple(v for v in OGPValue if v.is_core)
_CLOSED_MILESTONE = (MilestoneStatus.COMPLETED, MilestoneStatus.CANCELLED)
_ENTITY_IDS: SearchStrategy[str] = st.one_of(
    st.sampled_from(_READABLE_IDS),
    st.text(_ALNUM, min_size=1, max_size=8),
    st.text(_ID_CHARS, min_size=1, max_size=12),
)
_EMAILS: SearchStrategy[str] = st.builds(
    lambda user, host: f"{user}@{host}",
    st.sampled_from(("contacto", "info", "ogp")),
    st.sampled_from(("example.org", "municipio.example.cl")),
)
_PHONES: SearchStrategy[str] = st.integers(0, 99_999_999).map(
    lambda n: f"+56 2 {n // 10_000:04d} {n % 10_000:04d}"
)


# --- parties ---------------------------------------------------------------------------------------


def _draw_names(draw: st.DrawFn, cfg: _Config, *, named: bool) -> dict[str, Any]:
    """
    A stakeholder's ``name`` and ``acronym``: a name, both, or an acronym only.

    Only a name when optional fields are off; neither, sometimes, when not *named* (a record
    the rule ``stakeholder.unnamed`` reports).
    """
    form = _between(draw, 0, 2 if named else 3) if cfg.optional else 0
    return {
        "name": _draw_text(draw, cfg) if form < 2 else None,
        "acronym": _pick(draw, _ACRONYMS) if form in (1, 2) else None,
    }


def _draw_other_name(draw: st.DrawFn, cfg: _Config) -> OtherName:
    return _build(
        draw,
        cfg,
        OtherName,
        name=_draw_text(draw, cfg),
        note=_maybe(draw, cfg, lambda: Text(_pick(draw, _NAME_NOTES))),
        period=_maybe(draw, cfg, lambda: _draw_period(draw, complete=False)),
    )


def _draw_stakeholder(
    draw: st.DrawFn,
    cfg: _Config,
    identifier: str,
    sector: Sector,
    parents: Sequence[str] = (),
    *,
    named: bool = True,
) -> Stakeholder:
    return _build(
        draw,
        cfg,
        Stakeholder,
        id=identifier,
        **_draw_names(draw, cfg, named=named),
        kind=_pick(draw, StakeholderKind),
        sector=sector,
        parent_id=_maybe(draw, cfg, lambda: _pick(draw, parents)) if parents else None,
        roles=_maybe_some(draw, cfg, Role, unique=True, max_size=2),
        contact=_maybe(
            draw,
            cfg,
            lambda: _build(
                draw,
                cfg,
                Contact,
                email=_maybe(draw, cfg, lambda: draw(_EMAILS)),
                phone=_maybe(draw, cfg, lambda: draw(_PHONES)),
                url=_maybe(draw, cfg, lambda: _draw_url(draw)),
            ),
        ),
        identifiers=_maybe_many(
            draw,
            cfg,
            lambda: _build(
                draw,
                cfg,
                Identifier,
                scheme=_pick(draw, ("CL-RUT", "ogp", "wikidata")),
                id=draw(st.text("0123456789ABCDEFGHIJ", min_size=1, max_size=9)),
            ),
            max_size=1,
        ),
        other_names=_maybe_many(draw, cfg, lambda: _draw_other_name(draw, cfg), max_size=1),
        extensions=_draw_extensions(draw, cfg),
    )


@st.composite
def stakeholders(
    draw: st.DrawFn,
    *,
    ids: Sequence[str] | None = None,
    sectors: Sequence[Sector] | None = None,
    parent_ids: Sequence[str] = (),
    languages: Sequence[str] = ("es", "en"),
    optional_fields: bool = True,
) -> Stakeholder:
    """
    Yield `Stakeholder` values, each with a name, an acronym or both.

    Args:
        ids: The ids to draw from; readable or arbitrary ids (no white space) when `None`.
        sectors: The sectors to draw from; every sector when `None`.
        parent_ids: The ids a ``parent_id`` may name (none when empty).
        languages: The language tags of the name and other names.
        optional_fields: `False` omits every optional field (a stakeholder then has a name).

    Shrinks toward a government organization ``muni`` with a one-word name.
    """
    cfg = _Config(languages=_check_languages(languages), optional=optional_fields)
    identifier = _pick(draw, tuple(ids)) if ids else draw(_ENTITY_IDS)
    sector = _pick(draw, tuple(sectors) if sectors else tuple(Sector))
    return _draw_stakeholder(draw, cfg, identifier, sector, tuple(parent_ids))


# --- milestones and commitments --------------------------------------------------------------------


@attrs.frozen
class _Window:
    """The days in which commitments and milestones may move (`None`: they may not)."""

    first: datetime.date
    last: datetime.date


def _draw_status_and_history(
    draw: st.DrawFn,
    cfg: _Config,
    kind: Kind,
    window: _Window | None,
    choices: Sequence[Any],
    *,
    last: datetime.date | None = None,
    forced: bool = False,
) -> tuple[Any, tuple[TransitionEvent[Any], ...]]:
    """
    A status of *choices* and the history that led to it, within *window*.

    Unless the status is *forced* (asked for), it is sometimes not recorded (`None`), and then
    has no history either. Without a window, nothing moves: the initial state.
    """
    if not forced and _unrecorded(draw, cfg):
        return None, ()
    if window is None:
        return TABLES[kind].initial, ()
    status = _pick(draw, tuple(choices))
    path = _draw_path(draw, kind, status)
    events = _draw_events(
        draw, cfg, path, window.first, last=last or window.last, precisions=_EVENT_PRECISIONS
    )
    return status, events


def _completed_on(status: Any, history: tuple[TransitionEvent[Any], ...]) -> datetime.date | None:
    """The (first) day of the completion of a completed commitment or milestone, else `None`."""
    done = status in (CommitmentStatus.COMPLETED, MilestoneStatus.COMPLETED)
    return day_of(history[-1].date) if done and history else None


def _percents(draw: st.DrawFn, cfg: _Config, levels: Sequence[Completion]) -> list[float | None]:
    """
    A completion percent (or none) for each of *levels*, in order.

    Each is an int or a float within its level's band (`_PERCENT_BANDS`), never less than the
    one before.
    """
    floor = 0
    percents: list[float | None] = []
    for level in levels:
        band = _PERCENT_BANDS.get(level)
        if band is None or not (cfg.optional and _flag(draw)):
            percents.append(None)
            continue
        value = _between(draw, max(band[0], floor), band[1])
        percent = value + 0.5 if value < band[1] and _flag(draw) else value
        floor = math.ceil(percent)
        percents.append(percent)
    return percents


def _draw_progress(
    draw: st.DrawFn, cfg: _Config, window: _Window | None
) -> tuple[ProgressReport, ...]:
    if window is None:
        return ()
    reports = sorted(
        _maybe_many(
            draw,
            cfg,
            lambda: (_draw_day(draw, window.first, window.last), _pick(draw, Completion)),
        ),
        key=lambda r: r[0],
    )
    levels = sorted((r[1] for r in reports), key=list(Completion).index)
    percents = _percents(draw, cfg, levels)
    return tuple(
        _build(
            draw,
            cfg,
            ProgressReport,
            date=PartialDate.from_date(day),
            status=level,
            completion_percent=percent,
            text=_maybe_text(draw, cfg),
            evidence=_maybe_many(draw, cfg, lambda: _draw_link(draw, cfg), max_size=1),
            challenges=_maybe_text(draw, cfg),
            author_id=(
                _maybe(draw, cfg, lambda: _pick(draw, cfg.stakeholder_ids))
                if cfg.stakeholder_ids
                else None
            ),
        )
        for (day, _), level, percent in zip(reports, levels, percents, strict=True)
    )


def _draw_shape(draw: st.DrawFn, count: int, max_depth: int) -> list[int | None]:
    """The parent (an earlier index, or `None` for the top level) of each of *count* milestones."""
    parents: list[int | None] = []
    depths: list[int] = []
    for index in range(count):
        open_nodes = [j for j in range(index) if depths[j] < max_depth - 1]
        choice = _between(draw, 0, len(open_nodes)) if open_nodes else 0
        if choice == 0:
            parents.append(None)
            depths.append(0)
        else:
            parent = open_nodes[choice - 1]
            parents.append(parent)
            depths.append(depths[parent] + 1)
    return parents


def _draw_milestone_tree(
    draw: st.DrawFn,
    cfg: _Config,
    *,
    count: int,
    max_depth: int,
    outer: Period | None,
    window: _Window | None,
    closed: bool,
    complete: bool,
    last: datetime.date | None = None,
    shape: list[int | None] | None = None,
    root_statuses: Sequence[MilestoneStatus] | None = None,
) -> tuple[Milestone, ...]:
    """
    Draw *count* milestones nested at most *max_depth* deep, with ids ``1``, ``1.1``, ``2``.

    Their titles differ. Under a *closed* commitment, and under a completed milestone, every
    milestone is completed, cancelled or unrecorded, and moved no later than its owner's
    completion (*last*).
    """
    parents = _draw_shape(draw, count, max_depth) if shape is None else shape
    children: dict[int | None, list[int]] = {}
    for index, parent in enumerate(parents):
        children.setdefault(parent, []).append(index)
    titles: set[str] = set()

    def build(
        index: int,
        identifier: str,
        bound: Period | None,
        *,
        root: bool,
        closed: bool,
        last: datetime.date | None,
    ) -> Milestone:
        if complete:
            period: Period | None = _draw_period(draw, complete=True, within=bound)
        else:
            period = _maybe(draw, cfg, lambda: _draw_period(draw, complete=False, within=bound))
        wanted = tuple(root_statuses or ()) if root else ()
        choices = wanted or (_CLOSED_MILESTONE if closed else tuple(MilestoneStatus))
        status, history = _draw_status_and_history(
            draw, cfg, "milestone", window, choices, last=last, forced=bool(wanted)
        )
        inner = period if period is not None else bound
        completed_on = _completed_on(status, history)
        title = _draw_distinct_text(draw, cfg, titles)
        kids = tuple(
            build(
                kid,
                f"{identifier}.{n}",
                inner,
                root=False,
                closed=closed or completed_on is not None,
                last=completed_on or last,
            )
            for n, kid in enumerate(children.get(index, []), start=1)
        )
        return _build(
            draw,
            cfg,
            Milestone,
            id=identifier,
            title=title,
            status=status,
            expected_outputs=_maybe_text(draw, cfg),
            period=period,
            deadline_note=_maybe(draw, cfg, lambda: Text(_pick(draw, _DELIVERABLES))),
            responsible_ids=_maybe_some(
                draw, cfg, cfg.stakeholder_ids, min_size=1, max_size=2, unique=True
            ),
            history=history,
            progress=_draw_progress(draw, cfg, window),
            milestones=kids,
            links=_maybe_many(draw, cfg, lambda: _draw_link(draw, cfg), max_size=1),
            extensions=_draw_extensions(draw, cfg),
        )

    return tuple(
        build(index, str(n), outer, root=True, closed=closed, last=last)
        for n, index in enumerate(children.get(None, []), start=1)
    )


def _draw_commitment(
    draw: st.DrawFn,
    cfg: _Config,
    *,
    identifier: str,
    plan_period: Period | None,
    window: _Window | None,
    complete: bool,
    lead_ids: Sequence[str],
    goal_ids: Sequence[str],
    max_milestones: int,
    max_depth: int,
    statuses: Sequence[CommitmentStatus] | None = None,
    titles: set[str] | None = None,
) -> Commitment:
    """
    A commitment whose title is not among *titles* (the plan's others; it joins them).

    A completed commitment has only closed (or unrecorded) milestones, moved no later than it.
    Milestones lie within its period, or within the plan's where it has none.
    """
    if complete:
        period: Period | None = _draw_period(draw, complete=True, within=plan_period)
    else:
        period = _maybe(draw, cfg, lambda: _draw_period(draw, complete=False, within=plan_period))
    status, history = _draw_status_and_history(
        draw,
        cfg,
        "commitment",
        window,
        statuses or tuple(CommitmentStatus),
        forced=statuses is not None,
    )
    completed_on = _completed_on(status, history)
    title = _draw_distinct_text(draw, cfg, set() if titles is None else titles)
    low = 1 if complete and max_milestones else 0
    count = _between(draw, low, max_milestones) if max_depth > 0 else 0
    milestones = _draw_milestone_tree(
        draw,
        cfg,
        count=count,
        max_depth=max_depth,
        outer=period or plan_period,
        window=window,
        closed=completed_on is not None,
        complete=complete,
        last=completed_on,
    )
    if complete:
        values = _some(draw, OGPValue, min_size=1, max_size=3, unique=True)
        if not any(v.is_core for v in values):
            values = (_pick(draw, _CORE_VALUES), *values)
        leads = _some(draw, lead_ids, min_size=1, max_size=2, unique=True)
    else:
        values = _maybe_some(draw, cfg, OGPValue, max_size=3, unique=True)
        leads = _maybe_some(draw, cfg, lead_ids, max_size=2, unique=True)
    policy_areas = tuple(OPEN_CODELISTS["policy-area"].codes)
    return _build(
        draw,
        cfg,
        Commitment,
        id=identifier,
        title=title,
        status=status,
        problem=_draw_text(draw, cfg) if complete else _maybe_text(draw, cfg),
        status_quo=_maybe_text(draw, cfg),
        action=_draw_text(draw, cfg) if complete else _maybe_text(draw, cfg),
        expected_results=_maybe_text(draw, cfg),
        vision_goal_id=_maybe(draw, cfg, lambda: _pick(draw, tuple(goal_ids)))
        if goal_ids
        else None,
        ogp_values=values,
        policy_areas=_maybe_some(draw, cfg, policy_areas, max_size=2, unique=True),
        primary_sector=_maybe(
            draw,
            cfg,
            lambda: _pick(draw, tuple(OPEN_CODELISTS["primary-sector"].codes)),
        ),
        period=period,
        lead_ids=leads,
        supporting_ids=_maybe_some(draw, cfg, cfg.stakeholder_ids, max_size=2, unique=True),
        milestones=milestones,
        history=history,
        progress=_draw_progress(draw, cfg, window),
        links=_maybe_many(draw, cfg, lambda: _draw_link(draw, cfg), max_size=1),
        extensions=_draw_extensions(draw, cfg),
    )


def _check_sizes(max_milestones: int, max_depth: int) -> None:
    if max_milestones < 0 or max_depth < 0:
        raise InvalidArgument(
            f"max_milestones and max_depth must be >= 0 (got {max_milestones}, {max_depth})"
        )


def _window_of(start: datetime.date | None, within: Period | None) -> _Window:
    """Two years from *start* (or from the start of *within*) in which to move."""
    lo, _ = _bounds(within, 2000, 2035)
    first = start or lo
    return _Window(first, first + datetime.timedelta(days=730))


def _single_root(draw: st.DrawFn, max_children: int, max_depth: int) -> list[int | None]:
    """The parents of a tree with one root, at most *max_children* per node."""
    parents: list[int | None] = [None]
    level = [0]
    for _ in range(max_depth - 1):
        below = []
        for node in level:
            for _ in range(_between(draw, 0, max_children)):
                parents.append(node)
                below.append(len(parents) - 1)
        level = below
    return parents


@st.composite
def milestones(
    draw: st.DrawFn,
    *,
    status: MilestoneStatus | str | None = None,
    within: Period | None = None,
    max_children: int = 2,
    max_depth: int = 2,
    stakeholder_ids: Sequence[str] = (),
    start: datetime.date | None = None,
    languages: Sequence[str] = ("es", "en"),
    optional_fields: bool = True,
) -> Milestone:
    """
    Yield a `Milestone` with a consistent history and, possibly, child milestones.

    The milestone and its children have complete periods, each inside its parent's (and inside
    *within*), and different titles, so that the formulation and date rules hold once the
    milestone is in a commitment. A completed milestone has only completed, cancelled or
    unrecorded children, moved no later than it. Event dates are days, or months that overlap
    no other event of the history.

    Args:
        status: Its status; any when `None` (sometimes unrecorded: `None`, with no history),
            and its children have any status a completed parent allows.
        within: The period it must lie within (its commitment's).
        max_children: The most children of each milestone.
        max_depth: The levels of nesting, the milestone itself included (1: no children).
        stakeholder_ids: The ids ``responsible_ids`` and history actors may name.
        start: The earliest date of its history; the start of *within* (or 2000) when `None`.
        languages: The language tags of its texts.
        optional_fields: `False` omits every optional field.

    Shrinks toward a planned milestone ``1`` with no children, no history and a one-year period.
    """
    _check_sizes(max_children, max_depth)
    if max_depth < 1:
        raise InvalidArgument("max_depth must be at least 1: the milestone itself")
    cfg = _Config(
        languages=_check_languages(languages),
        optional=optional_fields,
        stakeholder_ids=tuple(stakeholder_ids),
    )
    wanted = _enum(MilestoneStatus, status, "status")
    shape = _single_root(draw, max_children, max_depth)
    (head,) = _draw_milestone_tree(
        draw,
        cfg,
        count=len(shape),
        max_depth=max_depth,
        outer=within,
        window=_window_of(start, within),
        closed=False,
        complete=True,
        shape=shape,
        root_statuses=(wanted,) if wanted is not None else None,
    )
    return head


@st.composite
def commitments(
    draw: st.DrawFn,
    *,
    status: CommitmentStatus | str | None = None,
    within: Period | None = None,
    max_milestones: int = 3,
    max_depth: int = 2,
    stakeholder_ids: Sequence[str] = (),
    goal_ids: Sequence[str] = (),
    identifier: str | None = None,
    start: datetime.date | None = None,
    languages: Sequence[str] = ("es", "en"),
    optional_fields: bool = True,
) -> Commitment:
    """
    Yield a `Commitment` that meets every commitment rule once in a plan declaring its ids.

    It has a problem, an action, a core OGP value, a complete period (inside *within*), at least
    one milestone (when *max_milestones* allows) with a complete period inside the commitment's,
    milestone titles that differ, and a consistent history; a completed commitment (or
    milestone) has only completed, cancelled or unrecorded milestones, moved no later than it.

    Args:
        status: Its status; any when `None` (sometimes unrecorded: `None`, with no history).
        within: The period it must lie within (its plan's).
        max_milestones: The most milestones at every depth.
        max_depth: The levels of milestone nesting (1: no child milestones).
        stakeholder_ids: The ids leads, supporters and others may name (a lead needs one).
        goal_ids: The strategic-vision goal ids ``vision_goal_id`` may name.
        identifier: Its id; an OGP-style id such as ``CLMPU0001`` when `None`.
        start: The earliest date of its history; the start of *within* (or 2000) when `None`.
        languages: The language tags of its texts.
        optional_fields: `False` omits every optional field.

    Shrinks toward a planned commitment with one milestone and one-word texts.
    """
    _check_sizes(max_milestones, max_depth)
    cfg = _Config(
        languages=_check_languages(languages),
        optional=optional_fields,
        stakeholder_ids=tuple(stakeholder_ids),
    )
    wanted = _enum(CommitmentStatus, status, "status")
    if identifier is None:
        country = _pick(draw, _COUNTRY_CODES)
        code = _pick(draw, _MEMBER_CODES)
        identifier = f"{country}{code}{_between(draw, 1, 9999):04d}"
    return _draw_commitment(
        draw,
        cfg,
        identifier=identifier,
        plan_period=within,
        window=_window_of(start, within),
        complete=True,
        lead_ids=tuple(stakeholder_ids),
        goal_ids=tuple(goal_ids),
        max_milestones=max_milestones,
        max_depth=max_depth,
        statuses=(wanted,) if wanted is not None else None,
    )
