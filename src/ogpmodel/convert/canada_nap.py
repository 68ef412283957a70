"""
A Government of Canada national action plan tracker definition as one OGP JSON plan.

Canada publishes each national plan on open government as a table definition of its open-data
portal (a ckanext-recombinant YAML file: ``dataset_type``, ``title``, and a ``resources`` list
whose entry holds the ``fields``). The plan is in the choice lists of three fields, nested by
code prefix: ``commitments`` (``C01``), ``milestones`` (``C01.1``) and ``indicators``
(``C01.1.1``), each choice with its English and French text (``en``, ``fr``). `read` takes the
YAML as published, the same YAML parsed to JSON unchanged, or that data already parsed:

- commitments, milestones and indicators become commitments, milestones and their child
  milestones, with bilingual titles; the ids are kept as published, whatever their padding;
- an indicator's ``due_date`` is the end of its period; its free-text ``deadline`` is its
  ``deadline_note``, and gives the end date where there is no ``due_date`` and it names a month
  or a year (checked against the ``due_date`` where there is one);
- the departments (``lead_dept``, then ``supt_sept``; a slug or a list of slugs) are government
  stakeholders known by that acronym, and responsible for the indicator;
- the template's example record is a progress report of its indicator, marked as an example,
  its status read on the NS/LP/SP/C scale;
- everything else (the other fields' definitions, the triggers, the form settings) is kept in
  the plan's ``extensions`` (``canada_nap``), and each indicator's other values in its own.

Nothing in it depends on one plan's ids, counts or wording: the 4th, 5th and 6th plans differ in
all three, and the format's field names and status codes are all it relies on.
"""

import os
import pathlib
import re
from collections.abc import Mapping
from typing import Any

import attrs

from ogpmodel._inputs import json_text_as_path, wrong_kind
from ogpmodel.codelists import Completion, Membership
from ogpmodel.convert import _sources as s
from ogpmodel.convert._canada import (
    Choice,
    Departments,
    Values,
    by_parent,
    parent_of,
    report_padding,
)
from ogpmodel.convert._conversion import Conversion
from ogpmodel.convert._dates import partial_date
from ogpmodel.convert._files import NO_LINES, Lines, Unreadable, load_json, load_yaml, read_text
from ogpmodel.model import ActionPlan, Commitment, Member, Milestone, ProgressReport
from ogpmodel.values import PartialDate, Period, Text

__all__ = ["read"]


def __dir__() -> list[str]:
    return sorted(__all__)


NAMESPACE = "canada_nap"
#: The fields whose choice lists are the plan, from the top down.
LEVELS = ("commitments", "milestones", "indicators")
#: The tracker's status scale of a progress record, and OGP's completion level of each code.
STATUSES = {
    "NS": Completion.NOT_STARTED,
    "LP": Completion.LIMITED,
    "SP": Completion.SUBSTANTIAL,
    "C": Completion.COMPLETE,
}
MEMBER = Member(name=Text("Canada"), membership=Membership.NATIONAL, country="CA")
_YEARS = re.compile(r"\b(\d{4})\s*[-\u2013]\s*(\d{4})\b")


# --- reading the source ----------------------------------------------------------------------


@attrs.frozen
class _Definition:
    """A tracker definition: the document, the resource that holds the plan, its key lines."""

    name: str
    document: Mapping[str, Any]
    resource: Mapping[str, Any]
    fields: Mapping[str, Mapping[str, Any]]
    lines: Lines

    def choices(self, level: str) -> Mapping[Any, Any]:
        """The choice list of the field *level* (empty when the field or its choices are absent)."""
        choices = self.fields.get(level, {}).get("choices")
        return choices if isinstance(choices, Mapping) else {}


#: What `read` takes.
_TAKES = "a path or a mapping (a str or a pathlib.Path, or the parsed JSON)"


def read(source: str | os.PathLike[str] | Mapping[str, Any]) -> Conversion:
    """
    Convert a Canadian national action plan tracker definition into a plan and its report.

    *source* is the definition's YAML file as published, that YAML parsed to JSON (a ``.json``
    file with the same ``resources`` list), or that data already parsed. A source that cannot
    be read gives no plan and an ``import.unreadable`` finding naming the file and the line.

    Raises:
        TypeError: *source* is not a path or a mapping.
        ValueError: *source* is a `str` of JSON text, not a path.
    """
    error = json_text_as_path("source", source, "to convert it, pass json.loads(text)")
    if error is not None:
        raise error
    if isinstance(source, Mapping):
        document, lines, name = source, NO_LINES, "data"
    elif isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        try:
            document, lines = _load(pathlib.Path(source), name)
        except Unreadable as problem:
            return Conversion.of(None, [problem.finding])
    else:
        raise wrong_kind("source", _TAKES, source, hints=False)
    try:
        definition = _definition(document, lines, name)
    except Unreadable as problem:
        return Conversion.of(None, [problem.finding])
    return _Builder(definition).conversion()


def _load(path: pathlib.Path, name: str) -> tuple[Any, Lines]:
    text = read_text(path, name)
    if path.suffix.lower() == ".json":
        return load_json(text, name), NO_LINES
    return load_yaml(text, name)


def _definition(document: object, lines: Lines, name: str) -> _Definition:
    """The parts of a tracker definition the plan is made of, or why it is not one."""
    resources = document.get("resources") if isinstance(document, Mapping) else None
    if not isinstance(document, Mapping) or not isinstance(resources, list):
        raise Unreadable(name, "not a tracker definition (no 'resources' list)")
    for resource in resources:
        fields = resource.get("fields") if isinstance(resource, Mapping) else None
        by_id = {
            str(field.get("datastore_id")): field
            for field in (fields if isinstance(fields, list) else [])
            if isinstance(field, Mapping)
        }
        if LEVELS[0] in by_id:
            if not isinstance(by_id[LEVELS[0]].get("choices"), Mapping):
                line = lines.of(by_id[LEVELS[0]]).get("datastore_id")
                where = name if line is None else f"{name}:{line}"
                raise Unreadable(where, "the 'commitments' field has no choices")
            assert isinstance(resource, Mapping)  # noqa: S101 - it has fields
            return _Definition(name, document, resource, by_id, lines)
    line = lines.of(document).get("resources")
    where = name if line is None else f"{name}:{line}"
    raise Unreadable(where, "no resource has a 'commitments' field")


# --- building the plan -----------------------------------------------------------------------


class _Builder:
    """Builds the plan of one tracker definition, reporting what it meets."""

    def __init__(self, definition: _Definition) -> None:
        self.definition = definition
        #: How findings name the definition: its file's name.
        self.label = pathlib.PurePath(definition.name).name or definition.name
        self.notes = s.Notes()
        self.shapes = s.Shapes()
        self.departments = Departments()
        self.orphans: dict[str, dict[str, Any]] = {}
        self.paths: dict[str, str] = {}
        indicators = [
            c for c in definition.choices("indicators").values() if isinstance(c, Mapping)
        ]
        #: The fields some indicator gives: their absence elsewhere is worth a word.
        self.usual = {k for choice in indicators for k in ("due_date", "lead_dept") if k in choice}
        self.values = Values(self.notes, NAMESPACE, self.usual)
        self.example = self._example_target()

    def fields(self, choice: Choice, path: str, kind: str) -> s.Fields:
        data = choice.value if isinstance(choice.value, Mapping) else {}
        return s.Fields(
            data,
            choice.record,
            path,
            notes=self.notes,
            shapes=self.shapes,
            kind=kind,
            namespace=NAMESPACE,
        )

    # --- the plan ---

    def conversion(self) -> Conversion:
        """The plan and its report."""
        for repeat in self.definition.lines.repeats:
            record = s.Record(self.label, repeat.line)
            self.notes.add("import.duplicate-key", record, key=repeat.key, first=repeat.first)
        levels = {level: self._choices(level) for level in LEVELS}
        commitments = self._commitments(levels)
        report_padding(levels, self.paths, self.notes)
        self.shapes.report(self.notes)
        title = self._title()
        period = self._period()
        plan = ActionPlan(
            id=self._plan_id(period),
            title=title,
            language="en",
            member=MEMBER,
            period=period,
            stakeholders=self.departments.stakeholders(),
            commitments=commitments,
            extensions={NAMESPACE: self._plan_extension()},
        )
        return Conversion.of(plan, self.notes)

    def _title(self) -> Text:
        document, resource = self.definition.document, self.definition.resource
        for where, field in ((document, "title"), (resource, "title")):
            value = where.get(field)
            if isinstance(value, str) and value.strip():
                record = s.Record(self.label, self.definition.lines.of(where).get(field))
                return Text(s.trimmed(value, record, field, self.notes, "/title"))
        used = str(document.get("dataset_type") or "canada-nap")
        self.notes.add("import.empty-title", s.Record(self.label), "/title", used="dataset_type")
        return Text(used)

    def _period(self) -> Period:
        """The plan's years as its commitments' description names them, else its reporting periods."""
        description = self.definition.fields["commitments"].get("description")
        texts = description.values() if isinstance(description, Mapping) else [description]
        for text in texts:
            found = _YEARS.search(text) if isinstance(text, str) else None
            if found and int(found[1]) <= int(found[2]):
                return Period(PartialDate(int(found[1])), PartialDate(int(found[2])))
        periods = [partial_date(k) for k in self.definition.choices("reporting_period")]
        dates = [date for date in periods if date is not None]
        if dates:
            return Period(
                PartialDate(min(d.year for d in dates)), PartialDate(max(d.year for d in dates))
            )
        self.notes.add("import.missing-date", s.Record(self.label), "/period", "period")
        return Period()

    def _plan_id(self, period: Period) -> str:
        document, resource = self.definition.document, self.definition.resource
        name = document.get("dataset_type") or resource.get("resource_name") or ""
        base = "canada-" + (s.slug(str(name)) or "nap")
        if period.start is not None and period.end is not None:
            return f"{base}-{period.start.year}-{period.end.year}"
        return base

    def _plan_extension(self) -> dict[str, Any]:
        """The definition without what became the plan, as JSON data; each part reported."""
        document, resource = self.definition.document, self.definition.resource
        kept = {}
        for key, value in document.items():
            if key != "resources":
                kept[str(key)] = s.jsonable(value)
                self._kept(document, str(key), str(key), self.label)
        resources = [
            self._resource(each) if each is resource else s.jsonable(each)
            for each in self.definition.document["resources"]
        ]
        index = next(i for i, each in enumerate(document["resources"]) if each is resource)
        for key in resource:
            self._kept(resource, str(key), f"resources[{index}].{key}", f"resources/{index}")
        return {
            **kept,
            "completion_of_status": {code: level.value for code, level in STATUSES.items()},
            "resources": resources,
            **({"orphans": self.orphans} if self.orphans else {}),
        }

    def _kept(self, where: Mapping[Any, Any], key: str, kept_in: str, name: str) -> None:
        """Report that *key* of *where* (the record *name*) is kept in the plan's extensions."""
        if key != "title":  # the plan's title, also kept with the definition
            record = s.Record(name, self.definition.lines.of(where).get(key))
            self.notes.add(
                "import.kept-in-extensions",
                record,
                "",
                key,
                kept_in=f"extensions.{NAMESPACE}.{kept_in}",
            )

    def _resource(self, resource: Mapping[Any, Any]) -> dict[str, Any]:
        """The resource without the choices of the plan's levels and the example record used."""
        copy = dict(resource)
        copy["fields"] = [
            {k: v for k, v in field.items() if k != "choices"}
            if isinstance(field, Mapping) and field.get("datastore_id") in LEVELS
            else field
            for field in resource.get("fields", [])
        ]
        examples = resource.get("examples")
        if self.example is not None and isinstance(examples, Mapping):
            copy["examples"] = {k: v for k, v in examples.items() if k != "record"}
        return {str(key): s.jsonable(value) for key, value in copy.items()}

    # --- the levels ---

    def _choices(self, level: str) -> list[Choice]:
        """The choices of *level*, codes trimmed, each with its record (and its lines)."""
        choices = self.definition.choices(level)
        lines = self.definition.lines
        found = []
        for key, value in choices.items():
            code = str(key)
            record = s.Record(
                f"{level}/{code.strip()}", lines.of(choices).get(code), lines.of(value)
            )
            found.append(Choice(s.trimmed(code, record, "code", self.notes, ""), record, value))
        return found

    def _commitments(self, levels: Mapping[str, list[Choice]]) -> tuple[Commitment, ...]:
        indicators = by_parent(levels["indicators"])
        milestones = by_parent(levels["milestones"])
        commitments: list[Commitment] = []
        ids = s.Ids(self.notes)
        for choice in levels["commitments"]:
            path = f"/commitments/{len(commitments)}"
            code = ids.claim(choice.code, choice.record, path, "code", "code")
            fields = self.fields(choice, path, "commitment")
            title = self.values.title(fields, choice, code)
            within = s.Ids(self.notes)  # milestone ids are unique within their commitment
            children = tuple(
                self._milestone(child, f"{path}/milestones/{index}", indicators, within)
                for index, child in enumerate(milestones.pop(choice.code, []))
            )
            self.paths[choice.code] = path
            commitments.append(
                Commitment(
                    id=code,
                    title=title,
                    milestones=children,
                    extensions=_extension(fields.rest()),
                )
            )
        for parent, orphans in [*milestones.items(), *indicators.items()]:
            for orphan in orphans:
                self._orphan(orphan, parent)
        return tuple(commitments)

    def _orphan(self, choice: Choice, parent: str) -> None:
        level = choice.record.name.split("/")[0]
        self.orphans.setdefault(level, {})[choice.code] = s.jsonable(choice.value)
        kept_in = f"extensions.{NAMESPACE}.orphans.{level}"
        self.notes.add("import.orphan", choice.record, "", parent=parent, kept_in=kept_in)

    def _milestone(
        self, choice: Choice, path: str, indicators: dict[str, list[Choice]], ids: s.Ids
    ) -> Milestone:
        code = ids.claim(choice.code, choice.record, path, "code", "code")
        fields = self.fields(choice, path, "milestone")
        title = self.values.title(fields, choice, code)
        self.paths[choice.code] = path
        children: list[Milestone] = []
        for child in indicators.pop(choice.code, []):
            where = f"{path}/milestones/{len(children)}"
            children.append(self._indicator(child, where, ids))
        return Milestone(
            id=code,
            title=title,
            milestones=tuple(children),
            extensions=_extension(fields.rest()),
        )

    def _indicator(self, choice: Choice, path: str, ids: s.Ids) -> Milestone:
        code = ids.claim(choice.code, choice.record, path, "code", "code")
        fields = self.fields(choice, path, "indicator")
        title = self.values.title(fields, choice, code)
        deadline = self.values.bilingual(fields, "deadline", trim=True)
        end = self.values.end(fields, deadline)
        responsible = self._responsible(fields)
        example = choice.code == self.example
        roles = {
            k: s.jsonable(fields.peek(k))
            for k in ("lead_dept", "supt_sept")
            if fields.peek(k) is not None
        }
        return Milestone(
            id=code,
            title=title,
            period=Period(end=end) if end is not None else None,
            deadline_note=deadline,
            responsible_ids=responsible,
            progress=(self._example_report(choice.code, path),) if example else (),
            extensions=_extension({**fields.rest(), **roles}),
        )

    def _responsible(self, fields: s.Fields) -> tuple[str, ...]:
        """The departments of an indicator: its lead, then its supporting ones, each once."""
        ids: list[str] = []
        for field in ("lead_dept", "supt_sept"):
            for item in fields.strings(field):
                acronym = s.trimmed(item, fields.record, field, self.notes, fields.path)
                if acronym:
                    ids.append(self.departments.add(acronym))
                elif field == "lead_dept":
                    self.notes.add("import.empty-value", fields.record, fields.path, field)
            if field == "lead_dept" and fields.peek(field) is None and field in self.usual:
                self.notes.add("import.empty-value", fields.record, fields.path, field)
        return tuple(dict.fromkeys(ids))

    # --- the example record ---

    def _example_target(self) -> str | None:
        """
        The indicator the template's example record is about, if it can be its progress report.

        A record that names no indicator of the plan, or has no reporting period, is reported
        and stays in the plan's extensions with the rest of the definition.
        """
        examples = self.definition.resource.get("examples")
        data = examples.get("record") if isinstance(examples, Mapping) else None
        if not isinstance(data, Mapping):
            return None
        lines = self.definition.lines
        record = s.Record("examples/record", lines.of(examples).get("record"), lines.of(data))
        kept_in = f"extensions.{NAMESPACE}.resources.examples.record"
        target = data.get("indicators")
        codes = {str(code).strip() for code in self.definition.choices("indicators")}
        if not isinstance(target, str) or target.strip() not in codes:
            self.notes.add("import.orphan", record, "", parent=str(target), kept_in=kept_in)
            return None
        if partial_date(data.get("reporting_period")) is None:
            self.notes.add("import.missing-date", record, "", "reporting_period")
            return None
        return target.strip()

    def _example_report(self, code: str, path: str) -> ProgressReport:
        """The example record as a progress report of its indicator, marked as an example."""
        examples = self.definition.resource["examples"]
        data = examples["record"]
        lines = self.definition.lines
        record = s.Record("examples/record", lines.of(examples).get("record"), lines.of(data))
        where = f"{path}/progress/0"
        fields = s.Fields(
            data,
            record,
            where,
            notes=self.notes,
            shapes=self.shapes,
            kind="record",
            namespace=NAMESPACE,
        )
        fields.get("indicators")
        for level, ancestor in (
            ("milestones", parent_of(code)),
            ("commitments", parent_of(parent_of(code))),
        ):
            if isinstance(fields.peek(level), str) and fields.peek(level).strip() == ancestor:
                fields.get(level)  # the indicator's place, which the nesting says
        date = partial_date(fields.get("reporting_period"))
        assert date is not None  # noqa: S101 - checked by _example_target
        evidence = self.values.bilingual(fields, "evidence", pair=("evidence_en", "evidence_fr"))
        links = []
        for text in evidence.as_dict("en").values() if evidence else ():
            links.extend(s.evidence(text, record, "evidence", self.notes, where))
        challenges = self.values.bilingual(
            fields, "challenges", pair=("challenges_en", "challenges_fr")
        )
        if challenges is None:
            challenges = self.values.bilingual(
                fields, "challenges_other", pair=("challenges_other_en", "challenges_other_fr")
            )
        self.notes.add("import.example-record", record, where, target=code)
        return ProgressReport(
            date=date,
            status=self._status(fields),
            text=self.values.bilingual(fields, "progress", pair=("progress_en", "progress_fr")),
            evidence=tuple({str(link.url): link for link in links}.values()),
            evidence_note=evidence,
            challenges=challenges,
            extensions={NAMESPACE: {"example": True, **fields.rest()}},
        )

    def _status(self, fields: s.Fields) -> Completion | None:
        value = fields.string("status")
        if value is None:
            return None
        status = STATUSES.get(value.strip())
        if status is None:
            known = [str(code) for code in self.definition.choices("status")] or list(STATUSES)
            self.notes.add(
                "import.unknown-status",
                fields.record,
                fields.path,
                "status",
                value=value,
                known=known,
            )
        return status


def _extension(rest: Mapping[str, Any]) -> dict[str, Any]:
    """The ``extensions`` of an entity with the values *rest* (none when there are none)."""
    return {NAMESPACE: dict(rest)} if rest else {}
