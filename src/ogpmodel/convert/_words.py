"""
The words of workbooks: sheet names and headings in English (the field names) and in Spanish.

A heading is a path of field names (``period/end``); its Spanish form translates each part
(``período/fin``), and leaves language tags and ``json`` as they are. Readers accept both forms,
with or without accents, in any case (`fold`).
"""

import re
import unicodedata
from collections.abc import Mapping

from ogpmodel.codelists import Language

__all__ = [
    "EXTRA_SHEETS",
    "PARTS",
    "SHEETS",
    "fold",
    "heading",
    "sheet_name",
]

#: The sheets a workbook has beside the tables: read by people, never as data.
EXTRA_SHEETS: Mapping[str, Mapping[str, str]] = {
    "instructions": {"en": "instructions", "es": "instrucciones"},
    "codelists": {"en": "codelists", "es": "códigos"},
}

#: The Spanish name of each table's sheet (the English name is the table's).
SHEETS: Mapping[str, str] = {
    "plan": "plan",
    "stakeholders": "partes_interesadas",
    "commitments": "compromisos",
    "milestones": "hitos",
    "progress": "avances",
    "history": "historial",
    "assessments": "evaluaciones",
    "commitment_designs": "diseño_compromisos",
    "links": "enlaces",
    "goals": "metas",
    "meetings": "reuniones",
    "endorsements": "respaldos",
    "identifiers": "identificadores",
    "other_names": "otros_nombres",
}

#: The Spanish word of each part of a heading.
PARTS: Mapping[str, str] = {
    "access_to_information": "acceso_a_la_información",
    "acronym": "sigla",
    "action": "acción",
    "actor_id": "id_actor",
    "administration_term_end": "fin_del_mandato",
    "assessment_position": "posición_evaluación",
    "author_id": "id_autor",
    "base_url": "url_base",
    "challenges": "desafíos",
    "civic_participation": "participación_cívica",
    "commitment_id": "id_compromiso",
    "completion": "cumplimiento",
    "completion_percent": "porcentaje_de_avance",
    "contact": "contacto",
    "country": "país",
    "date": "fecha",
    "deadline_note": "nota_de_plazo",
    "description": "descripción",
    "did_it_open_government": "abrió_el_gobierno",
    "early_results": "resultados_tempranos",
    "email": "correo",
    "end": "fin",
    "evaluator_id": "id_evaluador",
    "evidence_note": "nota_de_evidencia",
    "expected_outputs": "productos_esperados",
    "expected_results": "resultados_esperados",
    "explanation": "explicación",
    "extensions": "extensiones",
    "forum": "foro",
    "forum_exists": "existe_foro",
    "forum_multistakeholder": "foro_multiactor",
    "from": "desde",
    "grand_challenge": "gran_desafío",
    "id": "id",
    "information_shared_before": "información_previa",
    "information_shared_before_meetings": "información_antes_de_reuniones",
    "jurisdiction": "jurisdicción",
    "kind": "clase",
    "language": "idioma",
    "lead_ids": "ids_líderes",
    "link": "enlace",
    "member": "miembro",
    "member_ids": "ids_miembros",
    "membership": "membresía",
    "milestone_id": "id_hito",
    "monitoring_body": "órgano_de_monitoreo",
    "name": "nombre",
    "note": "nota",
    "novelty": "novedad",
    "ogp_values": "valores_ogp",
    "overall": "general",
    "parent_id": "id_superior",
    "period": "período",
    "phone": "teléfono",
    "plan_endorsed_by_non_government": "respaldo_no_gubernamental",
    "point_of_contact_id": "id_punto_de_contacto",
    "policy_areas": "áreas_de_política",
    "position": "posición",
    "potential_for_results": "potencial_de_resultados",
    "potential_impact": "impacto_potencial",
    "primary_sector": "sector_principal",
    "problem": "problema",
    "product": "producto",
    "progress_position": "posición_avance",
    "public_accountability": "rendición_de_cuentas",
    "relevant": "relevante",
    "requirements": "requisitos",
    "responsible_ids": "ids_responsables",
    "roles": "roles",
    "scheme": "esquema",
    "sector": "sector",
    "specificity": "especificidad",
    "stakeholder_id": "id_parte_interesada",
    "start": "inicio",
    "status": "estado",
    "status_quo": "situación_actual",
    "strategic_vision": "visión_estratégica",
    "submitted_on": "fecha_de_envío",
    "supporting_ids": "ids_de_apoyo",
    "text": "texto",
    "title": "título",
    "to": "hasta",
    "type": "tipo",
    "url": "url",
    "verifiable": "verificable",
    "vision_goal_id": "id_meta_visión",
    "website_updated": "sitio_web_actualizado",
}


def heading(canonical: str, lang: Language) -> str:
    """The heading *canonical* (``period/end``) in *lang*; a part without a word stays as it is."""
    if lang == "en":
        return canonical
    return "/".join(PARTS.get(part, part) for part in canonical.split("/"))


def sheet_name(name: str, lang: Language) -> str:
    """The name of the sheet of table (or extra sheet) *name* in *lang*."""
    if name in EXTRA_SHEETS:
        return EXTRA_SHEETS[name][lang]
    return SHEETS.get(name, name) if lang == "es" else name


def fold(text: str) -> str:
    """*text* for a tolerant match: stripped, no accents, no case, ``_`` for spaces."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\s\-]+", "_", bare.strip().casefold())
