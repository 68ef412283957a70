"""
The parts of a Canadian tracker definition: its choices, departments, bilingual values, dates.

`Values` reads what a choice holds (English and French text, due dates and free-text deadlines)
and reports what it meets; `Departments` makes the stakeholders of the departments' slugs.
"""

import re
from collections.abc import Mapping
from typing import Any

import attrs

from ogpmodel.codelists import Sector, StakeholderKind
from ogpmodel.convert import _sources as s
from ogpmodel.convert._dates import date_in_words, partial_date
from ogpmodel.model import Stakeholder
from ogpmodel.values import PartialDate, Text

__all__ = [
    "LANGUAGES",
    "Choice",
    "Departments",
    "Values",
    "by_parent",
    "parent_of",
    "report_padding",
]

LANGUAGES = ("en", "fr")


def parent_of(code: str) -> str:
    """The code one level up (``C02.1.01`` -> ``C02.1``; ``""`` at the top)."""
    return code.rsplit(".", 1)[0] if "." in code else ""


@attrs.frozen
class Choice:
    """One choice of a level: its code, its record and its value."""

    code: str
    record: s.Record
    value: Any


class Departments:
    """The departments indicators name, by their slug: government stakeholders known by it."""

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}
        self._taken: set[str] = set()

    def add(self, acronym: str) -> str:
        """The stakeholder id of the department *acronym* (registered on first mention)."""
        if acronym not in self._ids:
            wanted = acronym if not any(c.isspace() for c in acronym) else s.slug(acronym)
            self._ids[acronym] = s.unique_id(wanted or "department", self._taken)
        return self._ids[acronym]

    def stakeholders(self) -> tuple[Stakeholder, ...]:
        """
        One stakeholder per department, in order of first mention.

        The definition gives only each department's bilingual slug (``tbs-sct``): it is the
        stakeholder's acronym, and no name is made up.
        """
        return tuple(
            Stakeholder(
                id=identifier,
                acronym=acronym,
                kind=StakeholderKind.ORGANIZATION,
                sector=Sector.GOVERNMENT,
            )
            for acronym, identifier in self._ids.items()
        )


class Values:
    """Reads the values of choices, reporting what it meets."""

    def __init__(self, notes: s.Notes, namespace: str, usual: set[str]) -> None:
        self.notes = notes
        self.namespace = namespace
        #: The fields some indicator gives: their absence elsewhere is worth a word.
        self.usual = usual

    def bilingual(
        self,
        fields: s.Fields,
        name: str,
        *,
        trim: bool = False,
        pair: tuple[str, str] | None = None,
    ) -> Text | None:
        """
        The English and French text of *name*: a ``{en, fr}`` mapping, or the two fields *pair*.

        A plain string is kept as one text (in the plan's language); a language without text is
        reported (``import.one-language``).
        """
        if pair is None:
            value = fields.get(name)
            if isinstance(value, str):
                return self.one(fields, name, value, trim)
            if value is not None and not isinstance(value, Mapping):
                fields.keep(name, value, "object")
                return None
            given = {lang: value.get(lang) for lang in LANGUAGES} if value else {}
        else:
            given = dict(zip(LANGUAGES, (fields.get(field) for field in pair), strict=True))
        texts = {}
        for lang, text in given.items():
            field = f"{name}.{lang}" if pair is None else pair[LANGUAGES.index(lang)]
            if isinstance(text, str) and text.strip():
                texts[lang] = self.one(fields, field, text, trim).to_json()
            elif text is not None and not isinstance(text, str):
                fields.keep(field, text, "string")
        return self._languages(fields, name, texts)

    def one(self, fields: s.Fields, field: str, text: str, trim: bool) -> Text:
        """*text* of *field* as one text: trimmed if *trim*; its HTML reported, not removed."""
        if trim:
            text = s.trimmed(text, fields.record, field, self.notes, fields.path)
        s.report_html(text, fields.record, field, self.notes, fields.path)
        return Text(text)

    def _languages(self, fields: s.Fields, name: str, texts: dict[str, Any]) -> Text | None:
        """The language map *texts* of *name*, a missing language reported; `None` if empty."""
        if not texts:
            return None
        missing = [lang for lang in LANGUAGES if lang not in texts]
        if missing:
            self.notes.add(
                "import.one-language",
                fields.record,
                fields.path,
                name,
                missing=missing,
                present=list(texts),
            )
        return Text(texts)

    def title(self, fields: s.Fields, choice: Choice, code: str) -> Text:
        """The bilingual title of a choice (or its one string); its id *code* where it has none."""
        fields.shapes.note(
            f"{fields.kind}.title", "title", choice.value, choice.record, fields.path
        )
        if isinstance(choice.value, str) and choice.value.strip():
            return self.one(fields, "title", choice.value, trim=True)
        title = self.bilingual(fields, "title", trim=True, pair=("en", "fr"))
        if title is not None:
            return title
        self.notes.add("import.empty-title", choice.record, fields.path, "title", used="code")
        return Text(code)

    def end(self, fields: s.Fields, deadline: Text | None) -> PartialDate | None:
        """
        The end of an indicator: its ``due_date``; else the month or year its deadline names.

        Where both are given and disagree, both are kept as published and the disagreement is
        reported; a ``due_date`` that is not a date is kept in the extensions.
        """
        raw = fields.get("due_date")
        due = partial_date(raw)
        if raw is not None and due is None:
            fields.keep("due_date", raw)
            self.notes.add(
                "import.bad-date",
                fields.record,
                fields.path,
                "due_date",
                value=str(raw),
                kept_in=f"extensions.{self.namespace}.due_date",
            )
        elif isinstance(raw, str) and raw != raw.strip():
            self.notes.add("import.trimmed", fields.record, fields.path, "due_date")
        named = self._named_date(fields, deadline)
        if (
            due is not None
            and named is not None
            and not (due.contains(named[0]) or named[0].contains(due))
        ):
            self.notes.add(
                "import.dates-disagree",
                fields.record,
                fields.path,
                "due_date",
                date=str(due),
                other_field="deadline",
                other=named[1],
            )
        if due is not None or raw is not None:
            return due
        if named is not None:
            self.notes.add(
                "import.date-from-note",
                fields.record,
                fields.path,
                "due_date",
                date=str(named[0]),
                note_field="deadline",
                note=named[1],
            )
            return named[0]
        if "due_date" in self.usual:
            self.notes.add("import.missing-date", fields.record, fields.path, "due_date")
        return None

    def _named_date(
        self, fields: s.Fields, deadline: Text | None
    ) -> tuple[PartialDate, str] | None:
        """The month or year the deadline names and its words (English first), if it names one."""
        if deadline is None:
            return None
        texts = deadline.as_dict("en")
        named = {lang: date_in_words(text, lang) for lang, text in texts.items()}
        found = [(date, texts[lang]) for lang, date in named.items() if date is not None]
        if len(found) == 2 and found[0][0] != found[1][0]:
            self.notes.add(
                "import.dates-disagree",
                fields.record,
                fields.path,
                "deadline.en",
                date=str(found[0][0]),
                other_field="deadline.fr",
                other=found[1][1],
            )
        return found[0] if found else None


def report_padding(
    levels: Mapping[str, list[Choice]], paths: Mapping[str, str], notes: s.Notes
) -> None:
    """Report the parents whose children's ids are zero-padded where others are not."""
    for level, parent_level in (("indicators", "milestones"), ("milestones", "commitments")):
        groups = by_parent(levels[level])
        padded = {
            p: [c.code for c in cs if re.search(r"\.0\d+$", c.code)] for p, cs in groups.items()
        }
        plain = [c.code for cs in groups.values() for c in cs if re.search(r"\.[1-9]$", c.code)]
        if not plain:
            continue
        records = {c.code: c.record for c in levels[parent_level]}
        for parent, codes in padded.items():
            if codes and parent in records:
                notes.add(
                    "import.id-padding",
                    records[parent],
                    paths.get(parent, ""),
                    example=codes[0],
                    other=plain[0],
                )


def by_parent(choices: list[Choice]) -> dict[str, list[Choice]]:
    """The choices by the code of their parent, in source order."""
    groups: dict[str, list[Choice]] = {}
    for choice in choices:
        groups.setdefault(parent_of(choice.code), []).append(choice)
    return groups
