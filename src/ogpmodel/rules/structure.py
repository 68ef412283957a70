"""
Structure rules (always errors): schema codes, ids, references, names, links and empty text.

The ``schema.*`` codes and ``text.empty`` are reported when a document (a dict or JSON text) is
read; a model object cannot break them, since its constructor refuses such values.
"""

from collections.abc import Iterator

from ogpmodel import _patterns
from ogpmodel._catalogue import define, register
from ogpmodel._fields import instances
from ogpmodel.model import InceptionReport
from ogpmodel.report import Severity, escape_pointer
from ogpmodel.rules._context import Context, Hit
from ogpmodel.values import Link

_CONTRACT = "design (OGP JSON contract)"

define(
    "schema.invalid-json",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="the text is not JSON (position given).",
    title_es="el texto no es JSON (se indica la posición).",
    en="The text is not valid JSON: {reason} (line {line}, column {column}).",
    es="El texto no es JSON válido: {reason} (línea {line}, columna {column}).",
)
define(
    "schema.type",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="a value has the wrong JSON type.",
    title_es="un valor tiene un tipo JSON incorrecto.",
    en="Expected {expected}, got {actual}.",
    es="Se esperaba {expected}, se recibió {actual}.",
)
define(
    "schema.required",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="a required field is missing.",
    title_es="falta un campo obligatorio.",
    en="The required field {field!r} is missing.",
    es="Falta el campo obligatorio {field!r}.",
)
define(
    "schema.enum",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="a code is not in its closed codelist (the message lists the valid codes and the nearest one).",
    title_es="un código no está en su lista cerrada (el mensaje indica los códigos válidos y el más cercano).",
    en="{value!r} is not a code of {codelist}; expected one of {allowed}.{hint}",
    es="{value!r} no es un código de {codelist}; se esperaba uno de {allowed}.{hint}",
)
define(
    "schema.format",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="a string is not a valid id, date, partial date, language tag, country code, URL or e-mail.",
    title_es="una cadena no es un id, fecha, fecha parcial, etiqueta de idioma, código de país, URL o correo válido.",
    en="{value!r} is not {expected}.",
    es="{value!r} no es {expected}.",
)
define(
    "schema.additional-property",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="a field the schema does not define (outside extensions); the message names the nearest known field.",
    title_es="un campo que el esquema no define (fuera de extensions); el mensaje indica el campo conocido más cercano.",
    en="Unknown field {field!r}.{hint} Content outside the standard belongs under 'extensions'.",
    es="Campo desconocido {field!r}.{hint} El contenido fuera del estándar va en 'extensions'.",
)
define(
    "schema.range",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="a number is outside the range its field allows.",
    title_es="un número está fuera del rango que su campo admite.",
    en="{value} is outside the range {minimum} to {maximum}.",
    es="{value} está fuera del rango de {minimum} a {maximum}.",
)
define(
    "schema.version",
    severity=Severity.ERROR,
    family="structure",
    source=_CONTRACT,
    title_en="schema_version is missing or not one this library reads.",
    title_es="schema_version falta o no es una versión que esta biblioteca lee.",
    en="schema_version is {value!r}; this library reads {supported}.",
    es="schema_version es {value!r}; esta biblioteca lee {supported}.",
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
    title_es="dos partes interesadas, dos compromisos o dos hitos de un compromiso comparten un id.",
    en="The id {id!r} is already used by the {kind} at {first}.",
    es="El id {id!r} ya lo usa otro elemento ({kind}) en {first}.",
)
def _duplicate_ids(ctx: Context) -> Iterator[Hit]:
    plan = ctx.plan
    seen: dict[str, str] = {}
    for index, stakeholder in enumerate(plan.stakeholders):
        path = f"/stakeholders/{index}/id"
        if stakeholder.id in seen:
            yield Hit(
                path, {"id": stakeholder.id, "kind": "stakeholder", "first": seen[stakeholder.id]}
            )
        else:
            seen[stakeholder.id] = path
    seen = {}
    for index, commitment in enumerate(plan.commitments):
        path = f"/commitments/{index}/id"
        if commitment.id in seen:
            yield Hit(
                path, {"id": commitment.id, "kind": "commitment", "first": seen[commitment.id]}
            )
        else:
            seen[commitment.id] = path
    by_commitment: dict[int, dict[str, str]] = {}
    for site in ctx.milestone_sites:
        ids = by_commitment.setdefault(site.commitment_index, {})
        path = f"{site.path}/id"
        if site.milestone.id in ids:
            yield Hit(
                path,
                {"id": site.milestone.id, "kind": "milestone", "first": ids[site.milestone.id]},
            )
        else:
            ids[site.milestone.id] = path
    if plan.strategic_vision is not None:
        seen = {}
        for index, goal in enumerate(plan.strategic_vision.goals):
            path = f"/strategic_vision/goals/{index}/id"
            if goal.id in seen:
                yield Hit(path, {"id": goal.id, "kind": "goal", "first": seen[goal.id]})
            else:
                seen[goal.id] = path


@register(
    "reference.unknown-stakeholder",
    severity=Severity.ERROR,
    family="structure",
    exemptions=(
        "validate() does not report an id that names an entity in a part of the document with errors: schema.unchecked lists that part.",
    ),
    source=_CONTRACT,
    title_en="a *_id(s) field names no stakeholder.",
    title_es="un campo *_id(s) nombra una parte interesada que no existe.",
    en="No stakeholder has the id {id!r}.",
    es="Ninguna parte interesada tiene el id {id!r}.",
)
def _unknown_stakeholders(ctx: Context) -> Iterator[Hit]:
    known = ctx.stakeholder_ids
    for path, ref in ctx.stakeholder_references:
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
    title_es="vision_goal_id nombra una meta de la visión estratégica que no existe.",
    en="No goal of the strategic vision has the id {id!r}.",
    es="Ninguna meta de la visión estratégica tiene el id {id!r}.",
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
    title_es="una evaluación nombra un compromiso que no existe.",
    en="No commitment has the id {id!r}.",
    es="Ningún compromiso tiene el id {id!r}.",
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
    title_es="una parte interesada no tiene nombre ni sigla.",
    en="Stakeholder {id!r} has neither a name nor an acronym; give at least one.",
    es="La parte interesada {id!r} no tiene nombre ni sigla; indique al menos uno.",
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
    title_es="la dirección de un enlace es relativa y el plan no tiene base_url para resolverla.",
    en="The address {url!r} is relative; give the plan a base_url, or an absolute address.",
    es="La dirección {url!r} es relativa; indique un base_url del plan o una dirección absoluta.",
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
    title_es="un texto obligatorio está vacío o solo tiene espacios (o un mapa de idiomas sin ninguna entrada no vacía).",
    en="This text is required and must not be empty.",
    es="Este texto es obligatorio y no puede estar vacío.",
)

# --- the limits of a document (ogpmodel.Limits) and what the rules could not check ------------

_LIMITS = "design (ogpmodel.Limits: at least ten times what real plans need)"

define(
    "limits.document-size",
    severity=Severity.ERROR,
    family="structure",
    source=_LIMITS,
    title_en="the document is larger than the size limit; it is not read.",
    title_es="el documento supera el tamaño máximo; no se lee.",
    en="The document has {size} characters or bytes; the limit is {limit}.",
    es="El documento tiene {size} caracteres o bytes; el máximo es {limit}.",
)
define(
    "limits.depth",
    severity=Severity.ERROR,
    family="structure",
    source=_LIMITS,
    title_en="arrays and objects are nested deeper than the depth limit.",
    title_es="arreglos y objetos anidados más allá de la profundidad máxima.",
    en="Arrays and objects are nested more than {limit} levels deep here.",
    es="Aquí hay arreglos y objetos anidados a más de {limit} niveles.",
)
define(
    "limits.string-length",
    severity=Severity.ERROR,
    family="structure",
    source=_LIMITS,
    title_en="a string is longer than the string-length limit.",
    title_es="una cadena supera la longitud máxima.",
    en="This string has {length} characters; the limit is {limit}.",
    es="Esta cadena tiene {length} caracteres; el máximo es {limit}.",
)
define(
    "limits.items",
    severity=Severity.ERROR,
    family="structure",
    source=_LIMITS,
    title_en="an array or an object has more items than the item limit.",
    title_es="un arreglo o un objeto tiene más elementos que el máximo.",
    en="This array or object has {count} items; the limit is {limit}.",
    es="Este arreglo u objeto tiene {count} elementos; el máximo es {limit}.",
)
define(
    "schema.unchecked",
    severity=Severity.INFO,
    family="structure",
    source="design",
    title_en="the rules could not check the parts of a document that have errors.",
    title_es="las reglas no pudieron revisar las partes del documento que tienen errores.",
    en="The rules did not check {count} part(s) with errors: {paths}.",
    es="Las reglas no revisaron {count} parte(s) con errores: {paths}.",
)
define(
    "validation.rule-failed",
    severity=Severity.ERROR,
    family="structure",
    source="design",
    title_en="a rule could not check the plan (a defect of ogpmodel: please report it).",
    title_es="una regla no pudo revisar el plan (un defecto de ogpmodel: por favor, infórmelo).",
    en="The rule {rule} could not check this plan ({error}); please report it.",
    es="La regla {rule} no pudo revisar este plan ({error}); por favor, infórmelo.",
)

__all__: list[str] = []
