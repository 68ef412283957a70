"""
Structure rules (always errors): schema codes, ids, references, names, links and empty text.

The ``schema.*`` codes and ``text.empty`` are reported when a document (a dict or JSON text) is
read; a model object cannot break them, since its constructor refuses such values.
"""

from collections.abc import Iterator

from ogpmodel import _patterns
from ogpmodel._catalogue import define, register
from ogpmodel._fast import referenced
from ogpmodel._fields import instances, references
from ogpmodel.model import InceptionReport
from ogpmodel.report import Severity, escape_pointer
from ogpmodel.rules._context import Context, Hit, MilestoneSite
from ogpmodel.values import Link

_CONTRACT = "design (OGP JSON contract)"

define(
    "schema.invalid-json",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="the text is not JSON (position given).",
    en="The text is not valid JSON: {reason} (line {line}, column {column}).",
)
define(
    "schema.type",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="a value has the wrong JSON type.",
    en="Expected {expected}, got {actual}.",
)
define(
    "schema.required",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="a required field is missing.",
    en="The required field {field!r} is missing.",
)
define(
    "schema.enum",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="a code is not in its closed codelist (the message lists the valid codes and the nearest one).",
    en="{value!r} is not a code of {codelist}; expected one of {allowed}.{hint}",
)
define(
    "schema.format",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="a string is not a valid id, date, partial date, language tag, country code, URL or e-mail.",
    en="{value!r} is not {expected}.",
)
define(
    "schema.additional-property",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="a field the schema does not define (outside extensions); the message names the nearest known field.",
    en="Unknown field {field!r}.{hint} Content outside the standard belongs under 'extensions'.",
)
define(
    "schema.range",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="a number is outside the range its field allows.",
    en="{value} is outside the range {minimum} to {maximum}.",
)
define(
    "schema.version",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="schema_version is missing or not one this library reads.",
    en="schema_version is {value!r}; this library reads {supported}.",
)


@register(
    "id.duplicate",
    severity=Severity.ERROR,
    family="structure",
    exemptions=(
        "Milestones of different commitments may share an id: a milestone id is unique within its commitment.",
    ),
    source=_CONTRACT,
    title_en="two stakeholders, two commitments, or two milestones of one commitment share an id.",
    en="The id {id!r} is already used by the {kind} at {first}.",
)
def _duplicate_ids(ctx: Context) -> Iterator[Hit]:
    # Paths are made only for a repeat and its first use: most plans have none.
    plan = ctx.plan
    yield from _repeats("stakeholder", "/stakeholders", [s.id for s in plan.stakeholders])
    yield from _repeats("commitment", "/commitments", [c.id for c in plan.commitments])
    by_commitment: dict[int, dict[str, MilestoneSite]] = {}
    for site in ctx.milestone_sites:
        sites = by_commitment.setdefault(site.commitment_index, {})
        earlier = sites.setdefault(site.milestone.id, site)
        if earlier is not site:
            yield Hit(
                f"{site.path}/id",
                {"id": site.milestone.id, "kind": "milestone", "first": f"{earlier.path}/id"},
            )
    if plan.strategic_vision is not None:
        goals = [g.id for g in plan.strategic_vision.goals]
        yield from _repeats("goal", "/strategic_vision/goals", goals)


def _repeats(kind: str, prefix: str, ids: list[str]) -> Iterator[Hit]:
    """The hits of the ids that repeat one earlier in *ids*, the list at *prefix*."""
    first: dict[str, int] = {}
    for index, entity_id in enumerate(ids):
        if first.setdefault(entity_id, index) != index:
            where = f"{prefix}/{first[entity_id]}/id"
            yield Hit(f"{prefix}/{index}/id", {"id": entity_id, "kind": kind, "first": where})


@register(
    "reference.unknown-stakeholder",
    severity=Severity.ERROR,
    family="structure",
    exemptions=(
        "validate() does not report an id that names an entity in a part of the document with errors: schema.unchecked lists that part.",
    ),
    source=_CONTRACT,
    title_en="a *_id(s) field names no stakeholder.",
    en="No stakeholder has the id {id!r}.",
)
def _unknown_stakeholders(ctx: Context) -> Iterator[Hit]:
    known = ctx.stakeholder_ids
    if known.issuperset(referenced(ctx.plan, "stakeholder")):  # the common case: no path made
        return
    for path, ref in references(ctx.plan, "stakeholder"):
        if ref not in known:
            yield Hit(path, {"id": ref})


@register(
    "reference.unknown-goal",
    severity=Severity.ERROR,
    family="structure",
    exemptions=(
        "validate() does not report an id that names an entity in a part of the document with errors: schema.unchecked lists that part.",
    ),
    source=_CONTRACT,
    title_en="vision_goal_id names no strategic-vision goal.",
    en="No goal of the strategic vision has the id {id!r}.",
)
def _unknown_goals(ctx: Context) -> Iterator[Hit]:
    for path, commitment in ctx.commitments():
        goal = commitment.vision_goal_id
        if goal is not None and goal not in ctx.goal_ids:
            yield Hit(f"{path}/vision_goal_id", {"id": goal})


@register(
    "reference.unknown-commitment",
    severity=Severity.ERROR,
    family="structure",
    exemptions=(
        "validate() does not report an id that names an entity in a part of the document with errors: schema.unchecked lists that part.",
    ),
    source=_CONTRACT,
    title_en="an assessment names no commitment.",
    en="No commitment has the id {id!r}.",
)
def _unknown_commitments(ctx: Context) -> Iterator[Hit]:
    for index, assessment in enumerate(ctx.plan.assessments):
        if isinstance(assessment, InceptionReport):
            for d_index, design in enumerate(assessment.commitments):
                if design.commitment_id not in ctx.commitment_ids:
                    path = f"/assessments/{index}/commitments/{d_index}/commitment_id"
                    yield Hit(path, {"id": design.commitment_id})
        elif assessment.commitment_id not in ctx.commitment_ids:
            yield Hit(f"/assessments/{index}/commitment_id", {"id": assessment.commitment_id})


@register(
    "stakeholder.unnamed",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="a stakeholder has neither a name nor an acronym.",
    en="Stakeholder {id!r} has neither a name nor an acronym; give at least one.",
)
def _unnamed_stakeholders(ctx: Context) -> Iterator[Hit]:
    for index, stakeholder in enumerate(ctx.plan.stakeholders):
        if stakeholder.name is None and stakeholder.acronym is None:
            yield Hit(f"/stakeholders/{index}", {"id": stakeholder.id})


@register(
    "link.relative-without-base",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT + "; RFC 3986 section 5 (reference resolution)",
    title_en="a link's address is relative, and the plan has no base_url to resolve it.",
    en="The address {url!r} is relative; give the plan a base_url, or an absolute address.",
)
def _relative_links(ctx: Context) -> Iterator[Hit]:
    if ctx.plan.base_url is not None:
        return
    for path, link in instances(ctx.plan, Link):
        if isinstance(link.url, str):
            if not _patterns.matches(_patterns.URL, link.url):
                yield Hit(f"{path}/url", {"url": link.url})
            continue
        for tag, url in link.urls().items():
            if not _patterns.matches(_patterns.URL, url):
                yield Hit(f"{path}/url/{escape_pointer(tag)}", {"url": url})


define(
    "text.empty",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="a required text is empty or only whitespace (or a language map with no non-empty entry).",
    en="This text is required and must not be empty.",
)

# --- the limits of a document (ogpmodel.Limits) and what the rules could not check ------------

_LIMITS = "design (ogpmodel.Limits: at least ten times what real plans need)"

define(
    "limits.document-size",
    severity=Severity.ERROR,
    family="structure",
    source=_LIMITS,
    title_en="the document is larger than the size limit; it is not read.",
    en="The document has {size} characters or bytes; the limit is {limit}.",
)
define(
    "limits.depth",
    severity=Severity.ERROR,
    family="structure",
    source=_LIMITS,
    title_en="arrays and objects are nested deeper than the depth limit.",
    en="Arrays and objects are nested more than {limit} levels deep here.",
)
define(
    "limits.string-length",
    severity=Severity.ERROR,
    family="structure",
    source=_LIMITS,
    title_en="a string is longer than the string-length limit.",
    en="This string has {length} characters; the limit is {limit}.",
)
define(
    "limits.items",
    severity=Severity.ERROR,
    family="structure",
    source=_LIMITS,
    title_en="an array or an object has more items than the item limit.",
    en="This array or object has {count} items; the limit is {limit}.",
)
define(
    "schema.unchecked",
    severity=Severity.INFO,
    family="structure",
    source="design",
    title_en="the rules could not check the parts of a document that have errors.",
    en="The rules did not check {count} part(s) with errors: {paths}.",
)
define(
    "validation.rule-failed",
    severity=Severity.ERROR,
    family="structure",
    source="design",
    title_en="a rule could not check the plan (a defect of ogpmodel: please report it).",
    en="The rule {rule} could not check this plan ({error}); please report it.",
)

__all__: list[str] = []
