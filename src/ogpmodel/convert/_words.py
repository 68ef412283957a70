"""
The words of workbooks: sheet names and headings in English (the field names) and translated.

A heading is a path of field names (``period/end``); its form in another language translates
each part (``período/fin``, context ``workbook:heading:PART``), and leaves language tags and
``json`` as they are. Readers accept every language's form, with or without accents, in any
case (`fold`).
"""

import re
import unicodedata
from collections.abc import Mapping

from ogpmodel._translations import SOURCE_LANGUAGE, Texts, declare, languages
from ogpmodel.codelists import Language

__all__ = [
    "EXTRA_SHEETS",
    "PARTS",
    "SHEETS",
    "fold",
    "heading",
    "sheet_name",
    "table_sheet_names",
]

#: The sheets a workbook has beside the tables: read by people, never as data.
EXTRA_SHEETS: Mapping[str, Texts] = {
    name: declare(f"workbook:sheet:{name}", name) for name in ("instructions", "codelists")
}

#: The sheet of each table, in table order (its English name is the table's).
SHEETS: Mapping[str, Texts] = {
    name: declare(f"workbook:sheet:{name}", name)
    for name in (
        "plan",
        "stakeholders",
        "commitments",
        "milestones",
        "progress",
        "history",
        "assessments",
        "commitment_designs",
        "links",
        "goals",
        "meetings",
        "endorsements",
        "identifiers",
        "other_names",
    )
}

#: The parts of headings that have a word in each language (field names; its English is itself).
PARTS: Mapping[str, Texts] = {
    part: declare(f"workbook:heading:{part}", part)
    for part in (
        "access_to_information",
        "acronym",
        "action",
        "actor_id",
        "administration_term_end",
        "assessment_position",
        "author_id",
        "base_url",
        "challenges",
        "civic_participation",
        "commitment_id",
        "completion",
        "completion_percent",
        "contact",
        "country",
        "date",
        "deadline_note",
        "description",
        "did_it_open_government",
        "early_results",
        "email",
        "end",
        "evaluator_id",
        "evidence_note",
        "expected_outputs",
        "expected_results",
        "explanation",
        "extensions",
        "forum",
        "forum_exists",
        "forum_multistakeholder",
        "from",
        "grand_challenge",
        "id",
        "information_shared_before",
        "information_shared_before_meetings",
        "jurisdiction",
        "kind",
        "language",
        "lead_ids",
        "link",
        "member",
        "member_ids",
        "membership",
        "milestone_id",
        "monitoring_body",
        "name",
        "note",
        "novelty",
        "ogp_values",
        "overall",
        "parent_id",
        "period",
        "phone",
        "plan_endorsed_by_non_government",
        "point_of_contact_id",
        "policy_areas",
        "position",
        "potential_for_results",
        "potential_impact",
        "primary_sector",
        "problem",
        "product",
        "progress_position",
        "public_accountability",
        "relevant",
        "requirements",
        "responsible_ids",
        "roles",
        "scheme",
        "sector",
        "specificity",
        "stakeholder_id",
        "start",
        "status",
        "status_quo",
        "strategic_vision",
        "submitted_on",
        "supporting_ids",
        "text",
        "title",
        "to",
        "type",
        "url",
        "verifiable",
        "vision_goal_id",
        "website_updated",
    )
}


def heading(canonical: str, lang: Language) -> str:
    """The heading *canonical* (``period/end``) in *lang*; a part without a word stays as it is."""
    if lang == SOURCE_LANGUAGE:
        return canonical
    return "/".join(
        PARTS[part].text(lang) if part in PARTS else part for part in canonical.split("/")
    )


def sheet_name(name: str, lang: Language) -> str:
    """The name of the sheet of table (or extra sheet) *name* in *lang*."""
    texts = EXTRA_SHEETS.get(name) or SHEETS.get(name)
    return name if texts is None else texts.text(lang)


def table_sheet_names() -> list[str]:
    """The sheet names of the tables in every language, English first, each in table order."""
    return [texts.text(lang) for lang in languages() for texts in SHEETS.values()]


def fold(text: str) -> str:
    """*text* for a tolerant match: stripped, no accents, no case, ``_`` for spaces."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\s\-]+", "_", bare.strip().casefold())
