"""
The U.S. 5th Open Government National Action Plan tracker (open.usa.gov) as one OGP JSON plan.

The tracker is a folder of Jekyll pages: ``_commitments/*.md`` (one per commitment) and
``_subcommitments/*.md`` (one per sub-commitment), each with YAML front matter, and the
sub-commitment's latest update as its Markdown body. Its JSON form is the same records parsed
into ``{"commitments": [...], "subcommitments": [...]}``, each with its file name in ``_file``
and its body in ``_body``. `read` takes either (a folder, one ``.md`` file, a ``.json`` file, or
the parsed JSON) and returns the plan with the report of what it met:

- each commitment record is a commitment (``commitment_detail_sub`` is its ``action``), each
  sub-commitment a milestone under it (``commitment_detail_sub`` is its ``description`` where
  it is not the title again), with the tracker's status;
- ``commitment_agency`` (lines joined by ``<br>``, or a list) names the responsible agency and
  the organisations it is part of: one government stakeholder per distinct name, trimmed, the
  later line part of (``parent_id``) the line before;
- each dated update (``aug_2023_progress``; the body, the February 2024 update) is a progress
  report, with the links it gives as evidence;
- the pages' site-relative addresses are links resolved by the plan's ``base_url``;
- every other value is kept in the ``extensions`` (``us_nap5``) of its entity.
"""

import os
import pathlib
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from ogpmodel._inputs import json_text_as_path, wrong_kind
from ogpmodel.codelists import Membership, MilestoneStatus
from ogpmodel.convert import _sources as s
from ogpmodel.convert._agencies import Agencies
from ogpmodel.convert._conversion import Conversion
from ogpmodel.convert._files import Unreadable, front_matter, load_json, read_text
from ogpmodel.model import ActionPlan, Commitment, Member, Milestone, ProgressReport
from ogpmodel.report import Finding
from ogpmodel.values import Link, PartialDate, Period, Text

__all__ = ["read"]


def __dir__() -> list[str]:
    return sorted(__all__)


# --- what the tracker is (its pages say so; no record does) --------------------------------------

#: The site the tracker's pages are published on: their addresses are relative to it.
SITE = "https://open.usa.gov/"
PLAN_ID = "united-states-nap5-2022-2024"
PLAN_TITLE = "Fifth U.S. Open Government National Action Plan"
#: The plan page (dated December 2022) and the tracker, as the plan page links them.
PLAN_LINKS = (
    Link("/national-action-plan/5/", Text(PLAN_TITLE), PartialDate(2022, 12)),
    Link("/national-action-plan/5/commitments/", Text("Commitment Tracker")),
)
#: The plan is "2022-2024" (the Mid-Term Self-Assessment); no month is stated.
PERIOD = Period(PartialDate(2022), PartialDate(2024))
NAMESPACE = "us_nap5"
#: The tracker's three statuses of a sub-commitment (labels compared without case or spacing).
STATUSES = {
    "Not Started": MilestoneStatus.PLANNED,
    "In Progress": MilestoneStatus.IN_PROGRESS,
    "Complete": MilestoneStatus.COMPLETED,
}
_STATUS_KEYS = {" ".join(label.split()).casefold(): status for label, status in STATUSES.items()}
#: An update field named by its month: ``aug_2023_progress``.
_UPDATE = re.compile(r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)_(\d{4})_progress$")
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
#: The body of a sub-commitment page is the bi-annual update of February 2024 ("the second
#: bi-annual status update process conducted in February 2024", the Mid-Term Self-Assessment).
BODY = "_body"
BODY_DATE = PartialDate(2024, 2)
FOLDERS = {"_commitments": "commitments", "_subcommitments": "subcommitments"}


# --- reading the source ----------------------------------------------------------------------


@attrs.frozen
class _Tracker:
    """The records of a tracker, in the shape of its JSON form, and what could not be read."""

    name: str
    commitments: list[tuple[s.Record, Any]]
    subcommitments: list[tuple[s.Record, Any]]
    rest: Mapping[str, Any]
    problems: list[Finding]


#: What `read` takes.
_TAKES = "a path or a mapping (a str or a pathlib.Path, or the parsed JSON)"


def read(source: str | os.PathLike[str] | Mapping[str, Any]) -> Conversion:
    """
    Convert the U.S. 5th national plan tracker into a plan and the report of its conversion.

    *source* is the tracker's folder, one of its ``.md`` pages, its JSON form (a ``.json`` file),
    or that JSON already parsed. A source that cannot be read gives no plan and an
    ``import.unreadable`` finding naming the file and the line; a page that cannot be read is
    reported the same way, and the rest is converted.

    Raises:
        TypeError: *source* is not a path or a mapping.
        ValueError: *source* is a `str` of JSON text, not a path.
    """
    error = json_text_as_path("source", source, "to convert it, pass json.loads(text)")
    if error is not None:
        raise error
    if not isinstance(source, (Mapping, str, os.PathLike)):
        raise wrong_kind("source", _TAKES, source, hints=False)
    try:
        if isinstance(source, Mapping):
            tracker = _from_json(source, "data")
        else:
            tracker = _from_path(pathlib.Path(source), os.fspath(source))
    except Unreadable as problem:
        return Conversion.of(None, [problem.finding])
    if tracker.problems and not (tracker.commitments or tracker.subcommitments):
        return Conversion.of(None, tracker.problems)  # not one page could be read
    return _Builder(tracker).conversion()


def _from_path(path: pathlib.Path, name: str) -> _Tracker:
    if path.is_dir():
        return _from_folder(path, name)
    if path.suffix.lower() == ".json":
        return _from_json(load_json(read_text(path, name), name), name)
    if path.suffix.lower() == ".md":
        return _from_pages([(path, name, FOLDERS.get(path.parent.name))], name)
    if not path.exists():
        raise Unreadable(name, "no such file or folder")
    raise Unreadable(name, "not the tracker's folder, one of its .md pages or its .json form")


def _from_folder(folder: pathlib.Path, name: str) -> _Tracker:
    pages: list[tuple[pathlib.Path, str, str | None]] = []
    for sub, kind in FOLDERS.items():
        found = sorted((folder / sub).glob("*.md"), key=lambda p: s.natural_key(p.name))
        pages.extend((path, f"{sub}/{path.name}", kind) for path in found)
    if not (folder / "_commitments").is_dir():
        raise Unreadable(name, "no _commitments folder: not the tracker's folder")
    return _from_pages(pages, name)


def _from_pages(pages: list[tuple[pathlib.Path, str, str | None]], name: str) -> _Tracker:
    """The records of Markdown pages, each with its file name and body, as the JSON form has them."""
    found: dict[str, list[tuple[s.Record, Any]]] = {
        "commitments": [],
        "subcommitments": [],
    }
    problems = []
    for path, label, kind in pages:
        try:
            page = front_matter(read_text(path, label), label)
        except Unreadable as problem:
            problems.append(problem.finding)
            continue
        if not isinstance(page.data, Mapping):
            problems.append(Unreadable(f"{label}:2", "the front matter is not a mapping").finding)
            continue
        record = s.Record(label, 1, page.lines.of(page.data))
        problems.extend(_repeats(record, page.lines.repeats))
        data = {**page.data, "_file": label, BODY: page.body}
        is_sub = "commitment_detail_sub_id" in data if kind is None else kind == "subcommitments"
        found["subcommitments" if is_sub else "commitments"].append((record, data))
    return _Tracker(name, found["commitments"], found["subcommitments"], {}, problems)


def _repeats(record: s.Record, repeats: list[Any]) -> Iterator[Finding]:
    notes = s.Notes()
    for repeat in repeats:
        line_record = attrs.evolve(record, line=repeat.line, lines={})
        notes.add("import.duplicate-key", line_record, key=repeat.key, first=repeat.first)
    return iter(notes)


def _from_json(data: object, name: str) -> _Tracker:
    if not isinstance(data, Mapping) or not isinstance(data.get("commitments"), list):
        raise Unreadable(name, "not the tracker's JSON form (no 'commitments' list)")
    subs = data.get("subcommitments", [])
    if not isinstance(subs, list):
        raise Unreadable(name, "not the tracker's JSON form ('subcommitments' is not a list)")
    rest = {k: v for k, v in data.items() if k not in ("commitments", "subcommitments")}
    return _Tracker(
        name,
        _records(data["commitments"], "commitments"),
        _records(subs, "subcommitments"),
        rest,
        [],
    )


def _records(items: list[Any], kind: str) -> list[tuple[s.Record, Any]]:
    """Each item with its record: named by its ``_file``, else by its place in the list."""
    records = []
    for index, item in enumerate(items):
        named = item.get("_file") if isinstance(item, Mapping) else None
        label = named.strip() if isinstance(named, str) and named.strip() else f"{kind}[{index}]"
        records.append((s.Record(label), item))
    return records


# --- building the plan -----------------------------------------------------------------------


class _Builder:
    """Builds the plan of one tracker, reporting what it meets."""

    def __init__(self, tracker: _Tracker) -> None:
        self.tracker = tracker
        self.notes = s.Notes()
        self.notes.extend(tracker.problems)
        self.shapes = s.Shapes()
        self.agencies = Agencies(self.notes, "commitment_agency")
        self.kept: dict[str, Any] = {}
        #: The date of each update field met.
        self.dates: dict[str, PartialDate] = {}

    def fields(self, data: Mapping[Any, Any], record: s.Record, path: str, kind: str) -> s.Fields:
        return s.Fields(
            data,
            record,
            path,
            notes=self.notes,
            shapes=self.shapes,
            kind=kind,
            namespace=NAMESPACE,
        )

    def conversion(self) -> Conversion:
        """The plan and its report."""
        commitments = self._commitments()
        stakeholders = self.agencies.stakeholders()
        self.shapes.report(self.notes)
        plan = ActionPlan(
            id=PLAN_ID,
            title=Text(PLAN_TITLE),
            language="en",
            member=Member(name=Text("United States"), membership=Membership.NATIONAL, country="US"),
            period=PERIOD,
            base_url=SITE,
            stakeholders=stakeholders,
            commitments=commitments,
            links=PLAN_LINKS,
            extensions={NAMESPACE: self._plan_extension()},
        )
        return Conversion.of(plan, self.notes)

    def _plan_extension(self) -> dict[str, Any]:
        record = s.Record(pathlib.PurePath(self.tracker.name).name or self.tracker.name)
        for key in self.tracker.rest:
            self.notes.add(
                "import.kept-in-extensions",
                record,
                "",
                key,
                kept_in=f"extensions.{NAMESPACE}.{key}",
            )
        return {
            "milestone_statuses": {label: status.value for label, status in STATUSES.items()},
            "progress_dates": {field: str(date) for field, date in self.dates.items()},
            **s.jsonable(dict(self.tracker.rest)),
            **self.kept,
        }

    def _unread(self, record: s.Record, path: str, item: object, kind: str) -> None:
        """A record that is not a mapping: reported, and kept in the plan's extensions."""
        self.kept.setdefault("records_not_read", []).append(s.jsonable(item))
        self.notes.add(
            "import.wrong-type",
            record,
            path,
            kind,
            actual=s.shape_of(item),
            expected="object",
            kept_in=f"extensions.{NAMESPACE}.records_not_read",
        )

    def _commitments(self) -> tuple[Commitment, ...]:
        subs: dict[str, list[tuple[s.Record, Any]]] = {}
        for record, data in self.tracker.subcommitments:
            parent = data.get("commitment_id") if isinstance(data, Mapping) else None
            subs.setdefault(_parent_key(parent), []).append((record, data))
        commitments: list[Commitment] = []
        ids = s.Ids(self.notes)
        for record, data in self.tracker.commitments:
            path = f"/commitments/{len(commitments)}"
            if not isinstance(data, Mapping):
                self._unread(record, "", data, "commitments")
                continue
            fields = self.fields(data, record, path, "commitment")
            commitments.append(self._commitment(fields, ids, subs))
        for parent, orphans in subs.items():
            for record, data in orphans:
                self._orphan(record, parent, data)
        return tuple(commitments)

    def _orphan(self, record: s.Record, parent: str, data: object) -> None:
        if not isinstance(data, Mapping):
            self._unread(record, "", data, "subcommitments")
            return
        self.kept.setdefault("orphans", []).append(s.jsonable(data))
        kept_in = f"extensions.{NAMESPACE}.orphans"
        self.notes.add("import.orphan", record, "", "commitment_id", parent=parent, kept_in=kept_in)

    def _id(self, fields: s.Fields, field: str, ids: s.Ids) -> str:
        """The record's id: trimmed; its file name where it has none; made unique if repeated."""
        value = fields.string(field)
        wanted = s.trimmed(value, fields.record, field, self.notes, fields.path) if value else ""
        fallback = s.slug(pathlib.PurePosixPath(fields.record.name).stem) or "record"
        return ids.claim(wanted, fields.record, fields.path, field, fallback)

    def _title(self, fields: s.Fields, identifier: str, id_field: str) -> Text:
        """The trimmed title; where it is empty, the record's text, else its id (reported)."""
        title = fields.string("title")
        if title is not None:
            title = s.trimmed(title, fields.record, "title", self.notes, fields.path)
            s.report_html(title, fields.record, "title", self.notes, fields.path)
        if title:
            return Text(title)
        detail = fields.peek("commitment_detail_sub")
        used, title = (
            ("commitment_detail_sub", detail.strip())
            if isinstance(detail, str) and detail.strip()
            else (id_field, identifier)
        )
        self.notes.add("import.empty-title", fields.record, fields.path, "title", used=used)
        return Text(title)

    def _links(self, fields: s.Fields, *names: str) -> tuple[Link, ...]:
        """The site-relative page addresses of a record, as links."""
        links = []
        for field in names:
            value = fields.peek(field)
            if not isinstance(value, str) or s.link_kind(value.strip()) == "bad":
                if not s.is_blank(value):  # left unread: kept in extensions
                    self.notes.add("import.bad-link", fields.record, fields.path, field, url=value)
                continue
            fields.get(field)
            links.append(Link(s.trimmed(value, fields.record, field, self.notes, fields.path)))
        return tuple(links)

    def _commitment(
        self, fields: s.Fields, ids: s.Ids, subs: dict[str, list[tuple[s.Record, Any]]]
    ) -> Commitment:
        """The commitment of one record, with the sub-commitments that name it (taken from *subs*)."""
        identifier = self._id(fields, "commitment_id", ids)
        title = self._title(fields, identifier, "commitment_id")
        action = fields.string("commitment_detail_sub")
        if action:
            s.report_html(action, fields.record, "commitment_detail_sub", self.notes, fields.path)
        links = self._links(fields, "permalink", "commitment_link")
        extension = fields.rest()
        own = _parent_key(fields.peek("commitment_id"))  # as its sub-commitments name it
        mine = subs.pop(own, []) if own else []
        return Commitment(
            id=identifier,
            title=title,
            action=Text(action) if action and action.strip() else None,
            milestones=self._milestones(mine, fields.path, fields.data),
            links=links,
            extensions={NAMESPACE: extension},
        )

    def _milestones(
        self,
        subs: list[tuple[s.Record, Any]],
        path: str,
        parent: Mapping[str, Any],
    ) -> tuple[Milestone, ...]:
        milestones: list[Milestone] = []
        ids = s.Ids(self.notes)
        for record, data in subs:
            if not isinstance(data, Mapping):
                self._unread(record, "", data, "subcommitments")
                continue
            where = f"{path}/milestones/{len(milestones)}"
            milestones.append(
                self._milestone(self.fields(data, record, where, "subcommitment"), ids, parent)
            )
        return tuple(milestones)

    def _milestone(self, fields: s.Fields, ids: s.Ids, parent: Mapping[str, Any]) -> Milestone:
        identifier = self._id(fields, "commitment_detail_sub_id", ids)
        fields.get("commitment_id")  # expressed by the nesting
        if fields.peek("commitment_theme_name") == parent.get("commitment_theme_name"):
            fields.get("commitment_theme_name")  # the parent's theme, kept there
        title = self._title(fields, identifier, "commitment_detail_sub_id")
        detail = fields.string("commitment_detail_sub")
        description = None
        if detail and detail.strip() and detail.strip() != str(title):
            detail = s.trimmed(
                detail, fields.record, "commitment_detail_sub", self.notes, fields.path
            )
            s.report_html(detail, fields.record, "commitment_detail_sub", self.notes, fields.path)
            description = Text(detail)
        links = self._links(fields, "permalink")
        page = str(links[0].url) if links else None
        return Milestone(
            id=identifier,
            title=title,
            status=self._status(fields),
            description=description,
            responsible_ids=self.agencies.responsible(fields),
            progress=self._progress(fields, page),
            links=links,
            extensions={NAMESPACE: {**fields.rest(), **_raw_agency(fields)}},
        )

    def _status(self, fields: s.Fields) -> MilestoneStatus | None:
        value = fields.string("commitment_status")
        if value is None or not value.strip():
            self.notes.add("import.empty-value", fields.record, fields.path, "commitment_status")
            return None
        status = _STATUS_KEYS.get(" ".join(value.split()).casefold())
        if status is None:
            self.notes.add(
                "import.unknown-status",
                fields.record,
                fields.path,
                "commitment_status",
                value=value,
                known=list(STATUSES),
            )
        return status

    def _progress(self, fields: s.Fields, page: str | None) -> tuple[ProgressReport, ...]:
        """The dated updates of a sub-commitment, oldest first, with their links as evidence."""
        reports = []
        for field in list(fields.data):
            date = _update_date(field)
            if date is None:
                continue
            self.dates.setdefault(field, date)
            text = fields.string(field)
            if text is None or not text.strip():
                self.notes.add("import.empty-value", fields.record, fields.path, field)
                continue
            s.report_html(text, fields.record, field, self.notes, fields.path)
            evidence = s.evidence(text, fields.record, field, self.notes, fields.path, page)
            progress, note = _split_update(text) if field == BODY else (text, None)
            reports.append(
                ProgressReport(
                    date=date,
                    text=Text(progress) if progress else None,
                    evidence=evidence,
                    evidence_note=Text(note) if note else None,
                )
            )
        return tuple(sorted(reports, key=lambda report: report.date.sort_key()))


def _parent_key(value: object) -> str:
    """How a sub-commitment names its commitment, as the commitment's own record gives its id."""
    return "" if s.is_blank(value) else str(value).strip()


def _raw_agency(fields: s.Fields) -> dict[str, Any]:
    """The ``commitment_agency`` value as published, kept beside the stakeholders made of it."""
    value = fields.peek("commitment_agency")
    return {} if value is None else {"commitment_agency": s.jsonable(value)}


def _update_date(field: str) -> PartialDate | None:
    """The month of an update field (``aug_2023_progress``; the page body), else `None`."""
    if field == BODY:
        return BODY_DATE
    found = _UPDATE.match(field)
    if found is None:
        return None
    return PartialDate(int(found[2]), _MONTHS.index(found[1]) + 1)


_HEAD = re.compile(r"\s*Progress\s+Update\s*:", re.IGNORECASE)
_EVIDENCE = re.compile(r"^[ \t]*Evidence[ \t]*:", re.IGNORECASE | re.MULTILINE)
_EDGES = re.compile(r"^(?:\s|<\s*br\s*/?\s*>)+|(?:\s|<\s*br\s*/?\s*>)+$", re.IGNORECASE)


def _split_update(body: str) -> tuple[str, str | None]:
    """
    A page body "Progress Update: … Evidence: …" as its progress text and its evidence text.

    The two headings are the update form's labels; the text between them and after the second
    is kept as published, without the white space and line breaks at its ends. A body that is
    not in that form is the progress text, whole.
    """
    head = _HEAD.match(body)
    evidence = _EVIDENCE.search(body, head.end()) if head else None
    if head is None or evidence is None:
        return body, None
    progress = _EDGES.sub("", body[head.end() : evidence.start()])
    note = _EDGES.sub("", body[evidence.end() :])
    return progress, note or None
