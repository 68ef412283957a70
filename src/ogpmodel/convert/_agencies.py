"""
Organisations named by lines of text, from the top of a hierarchy down, as stakeholders.

Trackers name the agency responsible for a record with the organisations it is part of, one per
line ("Executive Office of the President <br> Office of Science and Technology Policy"), or as a
list. Each distinct name is one government stakeholder: names are trimmed and compared without
case or spacing, and nothing else about them is corrected, so a name with a typing error stays a
stakeholder of its own (reported as like another, ``import.similar-names``). Each line is part of
(``parent_id``) the line before it; the last line is the one responsible.
"""

from ogpmodel.codelists import Sector, StakeholderKind
from ogpmodel.convert import _sources as s
from ogpmodel.model import Stakeholder
from ogpmodel.values import Text

__all__ = ["Agencies"]


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


class Agencies:
    """The organisations of one source's records, one stakeholder per distinct name."""

    def __init__(self, notes: s.Notes, field: str) -> None:
        self.notes = notes
        #: The field of a record that names them.
        self.field = field
        self._names: dict[str, str] = {}  # key: the name as first given
        self._ids: dict[str, str] = {}
        self._parents: dict[str, str | None] = {}
        self._first: dict[str, s.Record] = {}
        self._taken: set[str] = set()

    def responsible(self, fields: s.Fields) -> tuple[str, ...]:
        """Register the organisations one record names; return the id of the last, if any."""
        parent: str | None = None
        for name in self._lines(fields):
            key = _key(name)
            if key not in self._ids:
                self._names[key] = name
                self._ids[key] = s.unique_id(s.slug(name) or "agency", self._taken)
                self._parents[key] = parent
                self._first[key] = fields.record
            elif parent is not None and self._parents[key] is None and not self._above(key, parent):
                self._parents[key] = parent  # named alone before: now its parent is known
            elif parent is not None and self._parents[key] != parent:
                self._conflict(fields, key, parent)
            parent = key
        return () if parent is None else (self._ids[parent],)

    def _above(self, key: str, other: str) -> bool:
        """Whether *key* is *other* or one of the organisations *other* is part of."""
        seen: str | None = other
        while seen is not None:
            if seen == key:
                return True
            seen = self._parents[seen]
        return False

    def _conflict(self, fields: s.Fields, key: str, parent: str) -> None:
        first = self._parents[key]
        self.notes.add(
            "import.parent-conflict",
            fields.record,
            fields.path,
            self.field,
            name=self._names[key],
            parent=self._names[parent],
            first=self._names[first] if first is not None else "",
            first_record=self._first[key].name,
        )

    def _lines(self, fields: s.Fields) -> list[str]:
        """The names of a record's value: its ``<br>`` lines, or its list items, trimmed."""
        one_string = isinstance(fields.peek(self.field), str)
        lines: list[str] = []
        for item in fields.strings(self.field):
            if item != item.strip() and item.strip():
                self.notes.add("import.trimmed", fields.record, fields.path, self.field)
            lines.extend(s.BR.split(item) if one_string else [item])
        tags = s.html_tags(" ".join(lines))
        if tags:  # line breaks are how the field is written; any other markup is reported
            self.notes.add("import.html", fields.record, fields.path, self.field, tags=tags)
        names = [line.strip() for line in lines if line.strip()]
        if not names:
            self.notes.add("import.empty-value", fields.record, fields.path, self.field)
        return names

    def stakeholders(self) -> tuple[Stakeholder, ...]:
        """Every organisation, in order of first mention (a parent before its children)."""
        keys = list(self._names)
        names = [self._names[key] for key in keys]
        for later, earlier in s.similar(names):
            index = names.index(later)
            self.notes.add(
                "import.similar-names",
                self._first[keys[index]],
                f"/stakeholders/{index}",
                name=later,
                other=earlier,
            )
        return tuple(self._stakeholder(key) for key in keys)

    def _stakeholder(self, key: str) -> Stakeholder:
        parent = self._parents[key]
        return Stakeholder(
            id=self._ids[key],
            name=Text(self._names[key]),
            kind=StakeholderKind.ORGANIZATION,
            sector=Sector.GOVERNMENT,
            parent_id=None if parent is None else self._ids[parent],
        )
