"""
Convert two real commitment trackers into OGP JSON test fixtures.

- ``data/us-nap5/nap5_tracker.json`` (the U.S. 5th National Action Plan tracker, open.usa.gov)
  becomes ``tests/fixtures/us-nap5.json``;
- ``data/canada-nap/nap5.json`` (Canada's 5th National Action Plan tracker definition,
  open.canada.ca) becomes ``tests/fixtures/canada-nap5.json``.

Both are built with the public ``ogpmodel`` API and written with `ogpmodel.dump`. Every source
value is kept: a value the model has no field for goes into the ``extensions`` of the entity it
belongs to (``us_nap5`` / ``canada_nap5``). ``tests/fixtures/SOURCE.md`` documents the
provenance, the licences and every mapping decision.

Usage::

    python tasks/import_trackers.py [--shared PATH]           # (re)write both fixtures
    python tasks/import_trackers.py [--shared PATH] --check   # exit 1 when a fixture differs

``--shared`` is the directory holding ``data/`` (by default ``../shared`` next to the repository).
"""

import argparse
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import ogpmodel
from ogpmodel import (
    ActionPlan,
    Commitment,
    Link,
    Member,
    Membership,
    Milestone,
    MilestoneStatus,
    PartialDate,
    Period,
    ProgressReport,
    Sector,
    Stakeholder,
    StakeholderKind,
    Text,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
DEFAULT_SHARED = ROOT.parent / "shared"

US_SOURCE = Path("data/us-nap5/nap5_tracker.json")
#: The site the tracker's pages are published on: its permalinks are relative to it.
US_SITE = "https://open.usa.gov/"
CANADA_SOURCE = Path("data/canada-nap/nap5.json")
US_OUTPUT = FIXTURES / "us-nap5.json"
CANADA_OUTPUT = FIXTURES / "canada-nap5.json"

#: Where each source comes from (copied from the SOURCE.md next to the data).
US_PROVENANCE = {
    "repository": "https://github.com/GSA/open.usa.gov",
    "commit": "deb38b92069f5520c858bd5070a3b67b7a5baae6",
    "files": ["_commitments/*.md", "_subcommitments/*.md"],
    "licence": (
        "U.S. Government work: public domain in the U.S., and CC0 1.0 worldwide (LICENSE.md)."
    ),
}
CANADA_PROVENANCE = {
    "repository": "https://github.com/open-data/ckanext-canada",
    "commit": "fb4263fb23e93bef342e0ea3f867a43629172a9e",
    "files": ["ckanext/canada/tables/nap5.yaml"],
    "licence": (
        "The repository's LICENSE: Crown Copyright, Government of Canada, distributed under the"
        " MIT License. The plan text is the Government of Canada's published plan (open.canada.ca"
        " content is normally under the Open Government Licence - Canada)."
    ),
}


class SourceError(Exception):
    """The source data breaks an assumption the conversion relies on."""


# --- shared helpers -------------------------------------------------------------------------------


def _read_json(path: Path) -> Any:
    """Return the parsed JSON of *path*."""
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _rest(record: Mapping[str, Any], mapped: Iterable[str]) -> dict[str, Any]:
    """Return the items of *record* whose keys are not in *mapped*, in the source order."""
    skip = set(mapped)
    return {key: value for key, value in record.items() if key not in skip}


def _is_blank(value: object) -> bool:
    """Whether *value* is missing, or a string that is empty or white space only."""
    return value is None or (isinstance(value, str) and not value.strip())


def _slug(text: str) -> str:
    """Return a lower-case ASCII slug of *text* (``"Office of X"`` -> ``"office-of-x"``)."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if not slug:
        raise SourceError(f"cannot make an id of {text!r}")
    return slug


def render(plan: ActionPlan) -> str:
    """Return the text `ogpmodel.dump` writes for *plan*."""
    buffer = io.StringIO()
    ogpmodel.dump(plan, buffer)
    return buffer.getvalue()


# --- United States --------------------------------------------------------------------------------

US_MILESTONE_STATUS = {
    "Not Started": MilestoneStatus.PLANNED,
    "In Progress": MilestoneStatus.IN_PROGRESS,
    "Complete": MilestoneStatus.COMPLETED,
}

#: Commitment fields with a home in the model or in the named extension keys.
US_COMMITMENT_MAPPED = (
    "commitment_id",
    "permalink",
    "commitment_link",
    "title",
    "commitment_detail_sub",
    "commitment_theme_name",
    "commitment_theme_slug",
    "layout",
)
#: Sub-commitment fields with a home in the model (or checked equal to the parent's).
US_SUB_MAPPED = (
    "commitment_detail_sub_id",
    "permalink",
    "title",
    "commitment_status",
    "aug_2023_progress",
    "_body",
    "commitment_id",
    "commitment_theme_name",
    "layout",
)


class UsAgencies:
    """
    The lead agencies of the sub-commitments, as a hierarchy of stakeholders.

    ``commitment_agency`` holds one to three lines joined with ``<br>`` ("Executive Office of the
    President <br> Office of Science and Technology Policy"). Each line becomes a stakeholder; a
    later line is part of (``parent_id``) the line before it, and the last line is the agency
    responsible for the sub-commitment. Ids are the slugs of the lines from the top, joined with
    ``/``, so the same office under two parents stays two stakeholders, as published.
    """

    def __init__(self) -> None:
        self._by_id: dict[str, Stakeholder] = {}

    def responsible(self, agency: str) -> str:
        """Register the stakeholders of one ``commitment_agency`` value; return the last one's id."""
        lines = [line.strip() for line in agency.split("<br>")]
        if any(not line for line in lines):
            raise SourceError(f"empty line in commitment_agency {agency!r}")
        parent: str | None = None
        for line in lines:
            stakeholder_id = _slug(line) if parent is None else f"{parent}/{_slug(line)}"
            known = self._by_id.get(stakeholder_id)
            if known is None:
                self._by_id[stakeholder_id] = Stakeholder(
                    id=stakeholder_id,
                    name=Text(line),
                    kind=StakeholderKind.ORGANIZATION,
                    sector=Sector.GOVERNMENT,
                    parent_id=parent,
                )
            elif known.name != Text(line):
                raise SourceError(f"{line!r} and {known.name} share the id {stakeholder_id!r}")
            parent = stakeholder_id
        assert parent is not None  # noqa: S101 - split() returns at least one line
        return parent

    @property
    def stakeholders(self) -> tuple[Stakeholder, ...]:
        """Every stakeholder, in order of first mention (a parent before its children)."""
        return tuple(self._by_id.values())


def us_milestone(sub: Mapping[str, Any], agencies: UsAgencies) -> Milestone:
    """Return the milestone of one sub-commitment record."""
    sub_id = sub["commitment_detail_sub_id"]
    try:
        status = US_MILESTONE_STATUS[sub["commitment_status"]]
    except KeyError:
        raise SourceError(f"{sub_id}: unknown status {sub['commitment_status']!r}") from None
    extra = _rest(sub, US_SUB_MAPPED)
    detail = extra.pop("commitment_detail_sub")
    description = None if detail == sub["title"] else Text(detail)  # the same text: kept once
    progress = []
    for date, key in (("2023-08", "aug_2023_progress"), ("2024-02", "_body")):
        if _is_blank(sub[key]):
            extra[key] = sub[key]  # kept as published, though it says nothing
        else:
            progress.append(ProgressReport(date=PartialDate.parse(date), text=Text(sub[key])))
    return Milestone(
        id=sub_id,
        title=Text(sub["title"]),
        status=status,
        description=description,
        responsible_ids=(agencies.responsible(sub["commitment_agency"]),),
        links=(Link(sub["permalink"]),),  # relative to the site, the plan's base_url
        progress=tuple(progress),
        extensions={"us_nap5": extra},
    )


def build_us(data: Mapping[str, Any]) -> ActionPlan:
    """Return the U.S. 5th National Action Plan of the parsed tracker *data*."""
    if data.get("parse_errors"):
        raise SourceError(f"the tracker has parse errors: {data['parse_errors']!r}")
    layouts = {record["layout"] for record in (*data["commitments"], *data["subcommitments"])}
    if layouts != {"commitment"}:
        raise SourceError(f"unexpected page layouts {sorted(layouts)!r}")
    agencies = UsAgencies()
    subs_of: dict[str, list[Mapping[str, Any]]] = {}
    for sub in data["subcommitments"]:
        subs_of.setdefault(sub["commitment_id"], []).append(sub)
    known = {record["commitment_id"] for record in data["commitments"]}
    if set(subs_of) - known:
        raise SourceError(f"sub-commitments of unknown commitments {sorted(set(subs_of) - known)}")

    themes: dict[str, str] = {}
    commitments = []
    for record in data["commitments"]:
        commitment_id = record["commitment_id"]
        subs = subs_of.get(commitment_id, [])
        for sub in subs:
            if sub["commitment_theme_name"] != record["commitment_theme_name"]:
                raise SourceError(f"{sub['commitment_detail_sub_id']}: theme differs from parent")
        milestones = tuple(us_milestone(sub, agencies) for sub in subs)
        themes.setdefault(record["commitment_theme_slug"], record["commitment_theme_name"])
        extra = {
            "theme": record["commitment_theme_name"],
            "theme_slug": record["commitment_theme_slug"],
            **_rest(record, US_COMMITMENT_MAPPED),
        }
        if extra.get("_body") == "":
            del extra["_body"]  # every commitment page has an empty body
        commitments.append(
            Commitment(
                id=commitment_id,
                title=Text(record["title"]),
                action=Text(record["commitment_detail_sub"]),
                milestones=milestones,
                links=(Link(record["permalink"]), Link(record["commitment_link"])),
                extensions={"us_nap5": extra},
            )
        )

    return ActionPlan(
        id="united-states-nap5-2022-2024",
        title=Text("Fifth U.S. Open Government National Action Plan"),
        language="en",
        member=Member(name=Text("United States"), membership=Membership.NATIONAL, country="US"),
        period=Period(PartialDate.parse("2022"), PartialDate.parse("2024")),
        base_url=US_SITE,
        stakeholders=agencies.stakeholders,
        commitments=tuple(commitments),
        links=(
            Link(
                "https://open.usa.gov/national-action-plan/5/",
                Text("Fifth U.S. Open Government National Action Plan"),
                PartialDate.parse("2022-12"),
            ),
            Link(
                "https://open.usa.gov/national-action-plan/5/commitments/",
                Text("NAP 5 commitment tracker"),
            ),
            Link(
                "https://www.opengovpartnership.org/wp-content/uploads/2023/12/"
                "United-States_Action-Plan-Review_2022-2024_for-public-comment.pdf",
                Text("IRM Action Plan Review 2022-2024 (for public comment)"),
                PartialDate.parse("2023-12"),
            ),
        ),
        extensions={
            "us_nap5": {
                "source": {**US_PROVENANCE, "extraction": data["_provenance"]},
                "plan_date": "December 2022",
                "record_layout": "commitment",
                "themes": [{"slug": slug, "name": name} for slug, name in themes.items()],
                "milestone_status_map": {
                    label: status.value for label, status in US_MILESTONE_STATUS.items()
                },
                "progress_dates": {"aug_2023_progress": "2023-08", "_body": "2024-02"},
            }
        },
    )


# --- Canada -----------------------------------------------------------------------------------

#: The tracker fields whose choice lists are the plan's commitments, milestones and indicators.
CANADA_STRUCTURE = ("commitments", "milestones", "indicators")
#: Indicator keys with a home in the model (the departments are also kept in extensions).
CANADA_INDICATOR_MAPPED = ("en", "fr", "due_date", "deadline")


def _bilingual(choice: Mapping[str, Any], where: str) -> Text:
    """Return the ``en`` / ``fr`` pair of a choice as a language map."""
    if _is_blank(choice.get("en")) and _is_blank(choice.get("fr")):
        raise SourceError(f"{where} has no text")
    return Text({"en": choice["en"], "fr": choice["fr"]})


def _parent_id(code: str) -> str:
    """Return the code one level up (``C02.1.01`` -> ``C02.1``)."""
    return code.rsplit(".", 1)[0]


class CanadaDepartments:
    """The departments named by indicator slugs (``lead_dept``, ``supt_sept``), as stakeholders."""

    def __init__(self) -> None:
        self._ids: dict[str, None] = {}

    def add(self, slug: Any, where: str) -> str:
        """Register one department slug; return it (it is the stakeholder id)."""
        if not isinstance(slug, str) or _is_blank(slug):
            raise SourceError(f"{where}: bad department slug {slug!r}")
        self._ids.setdefault(slug, None)
        return slug

    @property
    def stakeholders(self) -> tuple[Stakeholder, ...]:
        """
        One government organization per slug, in order of first mention.

        The tracker gives only the department's bilingual acronym (``tbs-sct``): it is the
        stakeholder's acronym, and the stakeholder has no name, as published.
        """
        return tuple(
            Stakeholder(
                id=slug,
                acronym=slug,
                kind=StakeholderKind.ORGANIZATION,
                sector=Sector.GOVERNMENT,
            )
            for slug in self._ids
        )


def canada_indicator(
    code: str, choice: Mapping[str, Any], departments: CanadaDepartments
) -> Milestone:
    """Return the milestone of one indicator (the third level of the tracker)."""
    responsible = [departments.add(choice.get("lead_dept"), code)]
    if choice.get("supt_sept") is not None:
        responsible.append(departments.add(choice["supt_sept"], code))
    due = choice.get("due_date")
    deadline = choice.get("deadline")
    return Milestone(
        id=code,
        title=_bilingual(choice, code),
        period=Period(end=PartialDate.parse(due)) if due is not None else None,
        deadline_note=Text(dict(deadline)) if deadline is not None else None,
        responsible_ids=tuple(dict.fromkeys(responsible)),
        extensions={"canada_nap5": _rest(choice, CANADA_INDICATOR_MAPPED)},
    )


def build_canada(data: Mapping[str, Any]) -> ActionPlan:
    """Return Canada's 5th National Action Plan of the parsed tracker definition *data*."""
    fields = {field["datastore_id"]: field for field in data["fields"]}
    choices = {name: fields[name]["choices"] for name in CANADA_STRUCTURE}
    for name, parents in (("milestones", "commitments"), ("indicators", "milestones")):
        orphans = [code for code in choices[name] if _parent_id(code) not in choices[parents]]
        if orphans:
            raise SourceError(f"{name} without a parent: {orphans}")
    for name in ("commitments", "milestones"):
        for code, choice in choices[name].items():
            if set(choice) != {"en", "fr"}:
                raise SourceError(f"{code}: unexpected keys {sorted(choice)!r}")

    departments = CanadaDepartments()
    indicators_of: dict[str, list[Milestone]] = {}
    for code, choice in choices["indicators"].items():
        indicator = canada_indicator(code, choice, departments)
        indicators_of.setdefault(_parent_id(code), []).append(indicator)
    milestones_of: dict[str, list[Milestone]] = {}
    for code, choice in choices["milestones"].items():
        milestone = Milestone(
            id=code,
            title=_bilingual(choice, code),
            milestones=tuple(indicators_of.get(code, ())),
        )
        milestones_of.setdefault(_parent_id(code), []).append(milestone)
    commitments = tuple(
        Commitment(
            id=code,
            title=_bilingual(choice, code),
            milestones=tuple(milestones_of.get(code, ())),
        )
        for code, choice in choices["commitments"].items()
    )

    # Everything but the three choice lists above is kept verbatim in the plan's extensions.
    field_definitions = [
        _rest(field, ("choices",)) if field["datastore_id"] in CANADA_STRUCTURE else dict(field)
        for field in data["fields"]
    ]
    document = _rest(data, ("fields", "_provenance", "_note"))
    return ActionPlan(
        id="canada-nap5-2022-2024",
        title=Text(
            {
                "en": "2022-2024 National Action Plan on Open Government",
                "fr": "Plan d'action national du Canada pour un gouvernement ouvert de 2022-2024",
            }
        ),
        language="en",
        member=Member(name=Text("Canada"), membership=Membership.NATIONAL, country="CA"),
        period=Period(PartialDate.parse("2022"), PartialDate.parse("2024")),
        stakeholders=departments.stakeholders,
        commitments=commitments,
        extensions={
            "canada_nap5": {
                "source": {
                    **CANADA_PROVENANCE,
                    "extraction": {"provenance": data["_provenance"], "note": data["_note"]},
                },
                **document,
                "fields": field_definitions,
            }
        },
    )


# --- command line -------------------------------------------------------------------------------


def outputs(shared: Path) -> dict[Path, Callable[[], ActionPlan]]:
    """Every fixture and the function that builds its plan from the data under *shared*."""
    return {
        US_OUTPUT: lambda: build_us(_read_json(shared / US_SOURCE)),
        CANADA_OUTPUT: lambda: build_canada(_read_json(shared / CANADA_SOURCE)),
    }


def main(argv: list[str] | None = None) -> int:
    """Write both fixtures, or with ``--check`` report whether the committed ones are current."""
    parser = argparse.ArgumentParser(description="Convert the trackers into OGP JSON fixtures.")
    parser.add_argument(
        "--shared", type=Path, default=DEFAULT_SHARED, help="the directory holding data/"
    )
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 if a fixture differs"
    )
    args = parser.parse_args(argv)
    stale = 0
    for path, build in outputs(args.shared).items():
        plan = build()
        if args.check:
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if current != render(plan):
                sys.stderr.write(f"{path.relative_to(ROOT)} is out of date\n")
                stale += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        ogpmodel.dump(plan, path)
        sys.stdout.write(f"wrote {path.relative_to(ROOT)}\n")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
