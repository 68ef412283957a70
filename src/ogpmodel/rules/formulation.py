"""
Commitment formulation rules: what the OGP commitment template and the IRM design criteria ask.

Most are stage-dependent (*S*): warnings while the plan is drafted, errors once it is submitted.
Text that is empty or white space only counts as missing.
"""

import re
from collections.abc import Iterator

from ogpmodel._catalogue import register
from ogpmodel.report import Severity
from ogpmodel.rules._context import Context, Hit, MilestoneSite
from ogpmodel.values import Period, Text

__all__: list[str] = []

_LOCAL_TEMPLATE = (
    "https://opengovpartnership.org/documents/ogp-local-handbook (3.2.1.2 Commitments); "
    "template as published on https://opengovpartnership.org/members/maip%C3%BA-chile/commitments/clmpu0001"
)
_COMMITMENT = "https://www.opengovpartnership.org/glossary/commitment/"
_VERIFIABILITY = "https://opengovpartnership.org/glossary/verifiability"

#: The OGP commitment id patterns: local (country, member code, number) and national.
_LOCAL_ID = re.compile(r"[A-Z]{2}[A-Z]{3}[0-9]{4}")
_NATIONAL_ID = re.compile(r"[A-Z]{2}[0-9]{4}")


def _missing(text: Text | None) -> bool:
    return text is None or text.is_blank


@register(
    "commitment.missing-problem",
    severity=Severity.ERROR,
    stage_dependent=True,
    family="formulation",
    source=_COMMITMENT,
    title_en="no problem statement.",
    en="Commitment {id!r} has no problem statement: say which public problem it addresses.",
)
def _missing_problem(ctx: Context) -> Iterator[Hit]:
    for path, commitment in ctx.commitments():
        if _missing(commitment.problem):
            yield Hit(path, {"id": commitment.id})


@register(
    "commitment.missing-action",
    severity=Severity.ERROR,
    stage_dependent=True,
    family="formulation",
    source=_COMMITMENT,
    title_en="no description of what the commitment will do.",
    en="Commitment {id!r} does not describe what it will do (its action).",
)
def _missing_action(ctx: Context) -> Iterator[Hit]:
    for path, commitment in ctx.commitments():
        if _missing(commitment.action):
            yield Hit(path, {"id": commitment.id})


@register(
    "commitment.no-core-value",
    severity=Severity.ERROR,
    stage_dependent=True,
    family="formulation",
    source="https://www.opengovpartnership.org/glossary/relevance/",
    title_en=(
        "no core OGP value (access to information, civic participation, public accountability); "
        "technology and innovation alone does not make a commitment relevant."
    ),
    en=(
        "Commitment {id!r} lists as OGP values: {actual}; it needs at least one core value "
        "(access to information, civic participation or public accountability)."
    ),
)
def _no_core_value(ctx: Context) -> Iterator[Hit]:
    for path, commitment in ctx.commitments():
        values = commitment.ogp_values
        if not any(value.is_core for value in values):
            actual = "technology_only" if values else "no_ogp_values"
            yield Hit(path, {"id": commitment.id, "actual": actual})


@register(
    "commitment.no-lead",
    severity=Severity.ERROR,
    stage_dependent=True,
    family="formulation",
    source=_LOCAL_TEMPLATE,
    title_en="no lead institution.",
    en="Commitment {id!r} names no lead institution (lead_ids is empty).",
)
def _no_lead(ctx: Context) -> Iterator[Hit]:
    for path, commitment in ctx.commitments():
        if not commitment.lead_ids:
            yield Hit(path, {"id": commitment.id})


@register(
    "commitment.no-milestones",
    severity=Severity.ERROR,
    stage_dependent=True,
    family="formulation",
    source=_VERIFIABILITY,
    title_en="no milestones.",
    en="Commitment {id!r} has no milestones; it needs at least one milestone with a verifiable deliverable.",
)
def _no_milestones(ctx: Context) -> Iterator[Hit]:
    for path, commitment in ctx.commitments():
        if not commitment.milestones:
            yield Hit(path, {"id": commitment.id})


@register(
    "commitment.missing-period",
    severity=Severity.ERROR,
    stage_dependent=True,
    family="formulation",
    source=_LOCAL_TEMPLATE,
    title_en="no start or no end.",
    en="Commitment {id!r} has no {expected}; a commitment needs both a start and an end date.",
)
def _missing_period(ctx: Context) -> Iterator[Hit]:
    for path, commitment in ctx.commitments():
        period = commitment.period
        start = period is not None and period.start is not None
        end = period is not None and period.end is not None
        if not start and not end:
            yield Hit(path, {"id": commitment.id, "expected": "start_and_end_dates"})
        elif not start:
            yield Hit(path, {"id": commitment.id, "expected": "start_date"})
        elif not end:
            yield Hit(path, {"id": commitment.id, "expected": "end_date"})


@register(
    "milestone.no-end-date",
    severity=Severity.ERROR,
    stage_dependent=True,
    family="formulation",
    exemptions=(
        "A milestone with child milestones is not reported: its dates come from its children.",
        "A milestone with a deadline note (deadline_note) is not reported: milestone.deadline-note-only reports it.",
    ),
    source=_VERIFIABILITY,
    title_en="a milestone has neither an end date nor a deadline note: it cannot be verified.",
    en=(
        "Milestone {id!r} of commitment {commitment!r} has neither an end date nor a deadline "
        "note, so its completion cannot be verified."
    ),
)
def _no_end_date(ctx: Context) -> Iterator[Hit]:
    # A parent milestone's dates derive from its children (Canada's indicators carry the dates
    # of their milestone): only a milestone without children is reported, where the date goes.
    for site in ctx.milestone_sites:
        milestone = site.milestone
        has_end = milestone.period is not None and milestone.period.end is not None
        if not has_end and not milestone.milestones and _missing(milestone.deadline_note):
            yield Hit(site.path, {"id": milestone.id, "commitment": site.commitment.id})


@register(
    "milestone.deadline-note-only",
    severity=Severity.WARNING,
    family="formulation",
    source=_VERIFIABILITY,
    title_en="a milestone has only a free-text deadline.",
    en=(
        "Milestone {id!r} of commitment {commitment!r} gives only a free-text deadline "
        "({note!r}); an end date (period.end) would make it verifiable."
    ),
)
def _deadline_note_only(ctx: Context) -> Iterator[Hit]:
    language = ctx.plan.language
    for site in ctx.milestone_sites:
        milestone, note = site.milestone, site.milestone.deadline_note
        has_end = milestone.period is not None and milestone.period.end is not None
        if not has_end and note is not None and not note.is_blank:
            text = note.get(language, default_language=language) or str(note)
            yield Hit(
                f"{site.path}/deadline_note",
                {"id": milestone.id, "commitment": site.commitment.id, "note": text},
            )


def _key(text: Text) -> tuple[tuple[str, str], ...]:
    """A title as compared for repeats: case and runs of white space do not count."""
    value = text.to_json()
    if isinstance(value, str):  # the usual case: one plain string
        return (("", " ".join(value.split()).casefold()),)
    return tuple(sorted((tag, " ".join(t.split()).casefold()) for tag, t in value.items()))


@register(
    "commitment.duplicate-title",
    severity=Severity.WARNING,
    family="formulation",
    exemptions=(
        "Titles given in several languages repeat only when they repeat in every language.",
    ),
    source="design (a repeated record, as trackers export them)",
    title_en="two commitments have the same title.",
    en="Commitment {id!r} has the same title as the commitment at {first}.",
)
def _duplicate_commitment_titles(ctx: Context) -> Iterator[Hit]:
    seen: dict[tuple[tuple[str, str], ...], str] = {}
    for path, commitment in ctx.commitments():
        key = _key(commitment.title)
        if key in seen:
            yield Hit(f"{path}/title", {"id": commitment.id, "first": seen[key]})
        else:
            seen[key] = path


def _period_key(period: Period | None) -> object:
    """A period as compared for repeats, as its fields (equal exactly when the periods are)."""
    if period is None:
        return None
    start, end = period
    return (
        None if start is None else (start.year, start.month, start.day),
        None if end is None else (end.year, end.month, end.day),
    )


@register(
    "milestone.duplicate",
    severity=Severity.WARNING,
    family="formulation",
    exemptions=(
        "Milestones of different commitments with the same title and period are not repeats.",
        "Milestones of one commitment with the same title and different periods are not repeats.",
    ),
    source="design (a repeated record, as trackers export them)",
    title_en="two milestones of one commitment have the same title and period.",
    en="Milestone {id!r} of commitment {commitment!r} repeats the milestone at {first} (same title and period).",
)
def _duplicate_milestones(ctx: Context) -> Iterator[Hit]:
    # Titles are compared only within a commitment and a period: a milestone alone in its
    # period (most are) is never keyed. A group's first milestone is keyed when a second comes.
    first_of: dict[tuple[int, object], MilestoneSite] = {}
    keyed: set[tuple[int, object]] = set()
    seen: dict[tuple[int, object, tuple[tuple[str, str], ...]], str] = {}
    for site in ctx.milestone_sites:
        group = (site.commitment_index, _period_key(site.milestone.period))
        first = first_of.setdefault(group, site)
        if first is site:
            continue
        if group not in keyed:
            keyed.add(group)
            seen[(*group, _key(first.milestone.title))] = first.path
        key = (*group, _key(site.milestone.title))
        if key in seen:
            yield Hit(
                site.path,
                {"id": site.milestone.id, "commitment": site.commitment.id, "first": seen[key]},
            )
        else:
            seen[key] = site.path


@register(
    "commitment.unlinked-vision-goal",
    severity=Severity.WARNING,
    local_only=True,
    family="formulation",
    source="https://opengovpartnership.org/documents/ogp-local-handbook (3.2.1.1 Local Open Government Strategic Vision)",
    title_en="a local commitment is not linked to a strategic-vision goal.",
    en="Commitment {id!r} is not linked to a goal of the strategic vision (vision_goal_id is missing).",
)
def _unlinked_vision_goal(ctx: Context) -> Iterator[Hit]:
    for path, commitment in ctx.commitments():
        if commitment.vision_goal_id is None:
            yield Hit(path, {"id": commitment.id})


@register(
    "commitment.id-format",
    severity=Severity.INFO,
    family="formulation",
    source=(
        "design, after OGP's published ids (local: "
        "https://opengovpartnership.org/members/maip%C3%BA-chile/commitments/clmpu0001; national: "
        "https://www.opengovpartnership.org/members/liberia/commitments/LR0041/)"
    ),
    title_en="the id does not follow OGP's pattern (local CCMMM9999, national CC9999).",
    en="The commitment id {id!r} does not follow OGP's pattern; expected {expected}.",
)
def _id_format(ctx: Context) -> Iterator[Hit]:
    pattern, expected = (
        (_LOCAL_ID, "local_commitment_id")
        if ctx.is_local
        else (_NATIONAL_ID, "national_commitment_id")
    )
    for path, commitment in ctx.commitments():
        if pattern.fullmatch(commitment.id) is None:
            yield Hit(f"{path}/id", {"id": commitment.id, "expected": expected})
