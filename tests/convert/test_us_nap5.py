"""
The U.S. 5th national plan tracker importer: the real tracker in both its forms, and its mess.

The real tracker (tests/fixtures/sources/us-nap5) converts into one plan whose counts, statuses,
agencies and updates are checked against the source; every oddity it really holds is reported,
and nothing else. The variants are small trackers written here, each with one kind of mess.
"""

import json
import pathlib
from collections import Counter
from typing import Any

import pytest
import yaml

import ogpmodel
from ogpmodel.codelists import MilestoneStatus
from ogpmodel.convert import Conversion, reader, us_nap5
from ogpmodel.model import ActionPlan
from ogpmodel.values import PartialDate, Text
from tests.convert.support import SOURCES, assert_renders, assert_sound, codes, found, plan_of

REAL = SOURCES / "us-nap5"
JSON_FORM = REAL / "nap5_tracker.json"


@pytest.fixture(scope="module")
def folder() -> Conversion:
    """The real tracker, from its folder of Markdown pages."""
    return us_nap5.read(REAL)


@pytest.fixture(scope="module")
def plan(folder: Conversion) -> ActionPlan:
    return plan_of(folder)


@pytest.fixture(scope="module")
def from_json() -> Conversion:
    """The real tracker, from its JSON form."""
    return us_nap5.read(JSON_FORM)


# --- the real tracker --------------------------------------------------------------------------


class TestRealTracker:
    def test_commitments_and_milestones(self, plan: ActionPlan) -> None:
        """36 commitments US0113 … US0148 in order, 70 sub-commitments as their milestones."""
        assert [c.id for c in plan.commitments] == [f"US{n:04d}" for n in range(113, 149)]
        ids = [m.id for _, m in plan.iter_milestones()]
        assert 70 == len(ids)
        assert ids[:8] == [f"US0113.{n}" for n in range(1, 8)] + ["US0114.0"]
        assert "US0148.0" == ids[-1]
        assert all(not m.milestones for _, m in plan.iter_milestones())

    def test_language_is_english_plain_text(self, plan: ActionPlan) -> None:
        """The tracker is in English: the plan's language, and every text is a plain string."""
        assert "en" == plan.language
        texts = [c.title for c in plan.commitments] + [m.title for _, m in plan.iter_milestones()]
        assert all(text.is_plain for text in texts)

    def test_statuses(self, plan: ActionPlan) -> None:
        """Sub-commitments keep the tracker's statuses; commitments and the plan record none."""
        statuses = Counter(m.status for _, m in plan.iter_milestones())
        assert {
            MilestoneStatus.COMPLETED: 33,
            MilestoneStatus.IN_PROGRESS: 36,
            MilestoneStatus.PLANNED: 1,
        } == statuses
        assert MilestoneStatus.PLANNED is plan.milestone("US0118.2").status
        assert {None} == {c.status for c in plan.commitments}
        assert plan.status is None

    def test_nothing_is_invented(self, plan: ActionPlan) -> None:
        """No dates, histories, leads or problems that the records do not give."""
        assert all(m.period is None and not m.history for _, m in plan.iter_milestones())
        assert all(c.period is None and not c.lead_ids for c in plan.commitments)
        assert all(c.problem is None and not c.history for c in plan.commitments)
        assert plan.submitted_on is None
        assert not plan.history

    def test_agencies_are_split_trimmed_and_deduplicated(self, plan: ActionPlan) -> None:
        """Each distinct agency line is one stakeholder, under the line before it."""
        assert 42 == len(plan.stakeholders)
        names = [str(s.name) for s in plan.stakeholders]
        assert len(set(names)) == len(names)
        assert all(name == name.strip() and "<br" not in name for name in names)
        milestone = plan.milestone("US0113.1")
        (office,) = plan.resolve(milestone.responsible_ids)
        assert Text("Office of Science and Technology Policy") == office.name
        assert office.parent_id is not None
        assert Text("Executive Office of the President") == plan.stakeholder(office.parent_id).name
        # a typing error of the source stays as published: a stakeholder of its own
        assert "Exeecutive Office of the President" in names
        raw = milestone.extensions["us_nap5"]["commitment_agency"]
        assert (
            "Executive Office of the President <br> Office of Science and Technology Policy" == raw
        )

    def test_one_line_agency(self, plan: ActionPlan) -> None:
        """An agency of one line is a stakeholder without a parent."""
        (nara,) = plan.resolve(plan.milestone("US0118.1").responsible_ids)
        assert Text("National Archives and Records Administration") == nara.name
        assert nara.parent_id is None

    def test_updates_are_dated_progress_reports(self, plan: ActionPlan) -> None:
        """The August 2023 field and the page body (February 2024) are two progress reports."""
        assert all(len(m.progress) == 2 for _, m in plan.iter_milestones())
        august, february = plan.milestone("US0113.1").progress
        assert (PartialDate(2023, 8), PartialDate(2024, 2)) == (august.date, february.date)
        assert '<a href="https://www.whitehouse.gov/' in str(august.text)  # kept as published
        assert [
            "https://www.whitehouse.gov/briefing-room/presidential-actions/2023/02/16/executive-order-on-further-advancing-racial-equity-and-support-for-underserved-communities-through-the-federal-government/",
            "https://www.whitehouse.gov/wp-content/uploads/2023/03/Progress-on-Equitable-Data-Mar2023.pdf",
        ] == [str(link.url) for link in august.evidence]
        assert Text("This commitment was previously completed") == february.text
        assert Text("None.") == february.evidence_note
        assert () == february.evidence
        assert all(r.status is None for _, m in plan.iter_milestones() for r in m.progress)

    def test_markdown_evidence_links(self, plan: ActionPlan) -> None:
        """The links of an update's evidence are its evidence, each address once."""
        february = plan.milestone("US0139.3").progress[1]
        assert ["https://www.foia.gov/", "https://www.foia.gov/wizard.html"] == [
            str(link.url) for link in february.evidence
        ]
        assert str(february.evidence_note).startswith("FOIA URL: [https://www.foia.gov/]")

    def test_site_relative_links(self, plan: ActionPlan) -> None:
        """Pages and site-relative evidence stay relative, resolved by the plan's base_url."""
        assert "https://open.usa.gov/" == plan.base_url
        (page,) = plan.milestone("US0113.1").links
        assert page.is_relative
        assert "https://open.usa.gov/national-action-plan/5/US0113-1/" == plan.url_of(page)
        commitment = plan.commitment("US0113")
        assert 2 == len(commitment.links)
        relative = [
            link
            for _, m in plan.iter_milestones()
            for r in m.progress
            for link in r.evidence
            if link.is_relative
        ]
        assert relative
        assert all(str(plan.url_of(link)).startswith("https://open.usa.gov/") for link in relative)

    def test_descriptions(self, plan: ActionPlan) -> None:
        """A sub-commitment's text is its description only where it is not its title again."""
        described = [m.id for _, m in plan.iter_milestones() if m.description is not None]
        assert ["US0116.2", "US0137.4"] == described
        assert str(plan.commitment("US0113").action).startswith("Sub-Commitments:")

    def test_findings_are_what_the_data_deserves(self, folder: Conversion) -> None:
        """Each oddity of the source is reported once, and nothing else is."""
        assert {
            "import.html": 72,
            "import.kept-in-extensions": 7,
            "import.trimmed": 4,
            "import.bad-link": 3,
            "import.similar-names": 2,
            "import.parent-conflict": 1,
        } == codes(folder)
        trimmed = [f.params["record"] for f in found(folder, "import.trimmed")]
        assert [
            "_subcommitments/us0113-1.md",
            "_subcommitments/us0118-1.md",
            "_subcommitments/us0118-2.md",
            "_subcommitments/us0127-2.md",
        ] == trimmed
        assert {f.params["field"] for f in found(folder, "import.trimmed")} == {"title"}
        bad = {(f.params["record"], f.params["url"]) for f in found(folder, "import.bad-link")}
        assert {
            ("_subcommitments/us0113-2.md", "https:https://www.performance.gov/participation"),
            ("_subcommitments/us0122-0.md", "https:https://www.performance.gov/participation"),
            ("_subcommitments/us0122-0.md", "www.whitehouse.gov/equity"),
        } == bad
        similar = {
            (f.params["name"], f.params["other"]) for f in found(folder, "import.similar-names")
        }
        assert {
            ("Exeecutive Office of the President", "Executive Office of the President"),
            ("Council on Environment Quality", "Counil on Environmental Quality"),
        } == similar
        (conflict,) = found(folder, "import.parent-conflict")
        assert "_subcommitments/us0113-3.md" == conflict.params["record"]
        assert "Exeecutive Office of the President" == conflict.params["parent"]

    def test_findings_name_records_and_lines(self, folder: Conversion) -> None:
        """Every finding names a page of the source, and the line of its field."""
        assert_renders(folder)
        pages = {f"{p.parent.name}/{p.name}" for p in REAL.glob("_*/*.md")}
        records = {f.params["record"] for f in folder.report.findings}
        assert records <= pages
        (trim, *_) = found(folder, "import.trimmed")
        assert 3 == trim.params["line"]  # `title:` is on the third line of us0113-1.md
        assert "/commitments/0/milestones/0" == trim.path

    def test_plan_is_sound(self, plan: ActionPlan) -> None:
        assert_sound(plan)

    def test_nothing_is_dropped(self, plan: ActionPlan) -> None:
        """Every value of every record is in the plan: converted, or kept in its extensions."""
        data = json.loads(JSON_FORM.read_text(encoding="utf-8"))
        converted = {
            "commitment": {"commitment_id", "title", "commitment_detail_sub", "permalink"},
            "subcommitment": {"commitment_detail_sub_id", "title", "commitment_detail_sub"},
        }
        converted["commitment"] |= {"commitment_link", "_body"}  # the body of a commitment is empty
        converted["subcommitment"] |= {"permalink", "commitment_status", "aug_2023_progress"}
        converted["subcommitment"] |= {"_body", "commitment_id", "commitment_theme_name"}
        for kind, key, records in (
            ("commitment", "commitments", data["commitments"]),
            ("subcommitment", "subcommitments", data["subcommitments"]),
        ):
            for record in records:
                entity = (
                    plan.commitment(record["commitment_id"])
                    if kind == "commitment"
                    else plan.milestone(record["commitment_detail_sub_id"])
                )
                kept = entity.extensions["us_nap5"]
                for field, value in record.items():
                    assert field in converted[kind] or kept[field] == value, (key, field)


class TestJsonForm:
    def test_same_plan_as_the_folder(self, folder: Conversion, from_json: Conversion) -> None:
        """The JSON form converts into the same plan; only the plan's extensions hold more."""
        by_folder, by_json = plan_of(folder), plan_of(from_json)
        assert by_folder.commitments == by_json.commitments
        assert by_folder.stakeholders == by_json.stakeholders
        assert by_json.extensions["us_nap5"]["_provenance"].startswith("GSA/open.usa.gov @")

    def test_same_findings_and_the_extract_s_own_fields(self, from_json: Conversion) -> None:
        """The same oddities, plus the extract's own two fields kept with the plan."""
        assert 9 == codes(from_json)["import.kept-in-extensions"]
        kept = [f.params["field"] for f in found(from_json, "import.kept-in-extensions")]
        assert ["_provenance", "parse_errors"] == kept[-2:]
        assert 72 == codes(from_json)["import.html"]
        assert_renders(from_json)

    def test_parsed_data(self) -> None:
        """The JSON form already parsed converts too."""
        data = json.loads(JSON_FORM.read_text(encoding="utf-8"))
        conversion = us_nap5.read(data)
        assert 70 == len(list(plan_of(conversion).iter_milestones()))

    def test_the_registry_names_this_reader(self) -> None:
        assert us_nap5.read is reader("us-nap5")
        assert ["read"] == us_nap5.__all__ == dir(us_nap5)


# --- trackers with one kind of mess ----------------------------------------------------------


def commitment(number: int, **fields: Any) -> dict[str, Any]:
    """A commitment record of the tracker's shape."""
    return {
        "layout": "commitment",
        "title": f"Commitment {number}",
        "permalink": f"/national-action-plan/5/US{number:04d}/",
        "commitment_id": f"US{number:04d}",
        "commitment_link": f"/national-action-plan/5/#commitment-{number}",
        "commitment_theme_name": "A theme",
        "commitment_theme_slug": "a-theme",
        "commitment_detail_sub": f"What commitment {number} does.",
        **fields,
    }


def sub(number: int, item: int, **fields: Any) -> dict[str, Any]:
    """A sub-commitment record of the tracker's shape."""
    text = f"Sub-commitment {number}.{item}"
    return {
        "layout": "commitment",
        "title": text,
        "permalink": f"/national-action-plan/5/US{number:04d}-{item}/",
        "c_permalink": f"/national-action-plan/5/us{number:04d}/",
        "commitment_id": f"US{number:04d}",
        "commitment_theme_name": "A theme",
        "commitment_detail_sub": text,
        "commitment_detail_sub_id": f"US{number:04d}.{item}",
        "commitment_agency": "Department of Examples <br> Office of Samples",
        "commitment_status": "In Progress",
        "aug_2023_progress": "Work goes on.",
        **fields,
    }


def page(data: dict[str, Any], body: str = "") -> str:
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n{body}\n"


def tracker(
    tmp_path: pathlib.Path,
    commitments: list[dict[str, Any]],
    subs: list[tuple[dict[str, Any], str]],
) -> pathlib.Path:
    """A tracker folder with these records (sub-commitments with their bodies)."""
    (tmp_path / "_commitments").mkdir()
    (tmp_path / "_subcommitments").mkdir()
    for record in commitments:
        path = tmp_path / "_commitments" / f"{record['commitment_id']}.md"
        path.write_text(page(record), encoding="utf-8")
    for index, (record, body) in enumerate(subs):
        name = f"{str(record.get('commitment_id', 'x')).lower()}-{index}.md"
        (tmp_path / "_subcommitments" / name).write_text(page(record, body), encoding="utf-8")
    return tmp_path


class TestVariants:
    def test_a_list_where_a_string_was(self, tmp_path: pathlib.Path) -> None:
        """An agency given as a list is read line by line, and reported as the odd one."""
        listed = sub(1, 2, commitment_agency=["Department of Examples", " Office of Lists"])
        folder = tracker(
            tmp_path, [commitment(1)], [(sub(1, 1), ""), (listed, ""), (sub(1, 3), "")]
        )
        conversion = us_nap5.read(folder)
        plan = plan_of(conversion)
        (office,) = plan.resolve(plan.milestone("US0001.2").responsible_ids)
        assert Text("Office of Lists") == office.name
        assert plan.stakeholder(str(office.parent_id)).name == Text("Department of Examples")
        (mixed,) = found(conversion, "import.mixed-shapes")
        assert "_subcommitments/us0001-1.md" == mixed.params["record"]
        assert ("commitment_agency", "array", "string") == (
            mixed.params["field"],
            mixed.params["actual"],
            mixed.params["expected"],
        )
        assert "an array here and a string in other records" in mixed.render()
        assert "es un arreglo aquí y una cadena en otros registros" in mixed.render("es")
        assert_sound(plan)

    def test_a_title_as_a_list(self, tmp_path: pathlib.Path) -> None:
        """A title given as lines is read as one text, its lines kept."""
        folder = tracker(tmp_path, [commitment(1, title=["First line", "second line"])], [])
        plan = plan_of(us_nap5.read(folder))
        assert Text("First line\nsecond line") == plan.commitment("US0001").title

    def test_html_and_trailing_spaces(self, tmp_path: pathlib.Path) -> None:
        """HTML is reported and kept; white space around a title is reported and trimmed."""
        record = sub(
            1, 1, title="Publish <b>data</b>  ", commitment_detail_sub="Publish <b>data</b>  "
        )
        conversion = us_nap5.read(tracker(tmp_path, [commitment(1)], [(record, "")]))
        milestone = plan_of(conversion).milestone("US0001.1")
        assert Text("Publish <b>data</b>") == milestone.title
        assert milestone.description is None  # the same text again
        (html,) = found(conversion, "import.html")
        assert (["b"], "title") == (list(html.params["tags"]), html.params["field"])
        assert ["title"] == [f.params["field"] for f in found(conversion, "import.trimmed")]

    def test_empty_titles(self, tmp_path: pathlib.Path) -> None:
        """An empty title is reported; the record's text is the title, else its id."""
        with_text = sub(1, 1, title="  ", commitment_detail_sub="The text of it")
        without = sub(1, 2, title=None, commitment_detail_sub="")
        conversion = us_nap5.read(
            tracker(tmp_path, [commitment(1)], [(with_text, ""), (without, "")])
        )
        plan = plan_of(conversion)
        assert Text("The text of it") == plan.milestone("US0001.1").title
        assert Text("US0001.2") == plan.milestone("US0001.2").title
        used = [f.params["used"] for f in found(conversion, "import.empty-title")]
        assert ["commitment_detail_sub", "commitment_detail_sub_id"] == used
        assert_sound(plan)

    def test_relative_and_bad_links(self, tmp_path: pathlib.Path) -> None:
        """A relative link is kept relative to the site; one that is no address is reported."""
        body = "Progress Update:\nDone.\n\nEvidence:\n[report](../files/r.pdf) and [x](https:https://example.org)"
        conversion = us_nap5.read(tracker(tmp_path, [commitment(1)], [(sub(1, 1), body)]))
        plan = plan_of(conversion)
        (report,) = plan.milestone("US0001.1").progress[1].evidence
        assert "/national-action-plan/5/files/r.pdf" == report.url
        assert Text("report") == report.title
        assert "https://open.usa.gov/national-action-plan/5/files/r.pdf" == plan.url_of(report)
        (bad,) = found(conversion, "import.bad-link")
        assert "https:https://example.org" == bad.params["url"]  # named as published
        assert_sound(plan)

    def test_unknown_status_and_empty_update(self, tmp_path: pathlib.Path) -> None:
        """A status that is not one of the three is reported and not recorded; no update, no report."""
        record = sub(1, 1, commitment_status="Delayed", aug_2023_progress=" ")
        conversion = us_nap5.read(tracker(tmp_path, [commitment(1)], [(record, "")]))
        milestone = plan_of(conversion).milestone("US0001.1")
        assert milestone.status is None
        assert () == milestone.progress
        (unknown,) = found(conversion, "import.unknown-status")
        assert ["Not Started", "In Progress", "Complete"] == list(unknown.params["known"])
        empty = [f.params["field"] for f in found(conversion, "import.empty-value")]
        assert ["aug_2023_progress", "_body"] == empty

    def test_status_labels_are_compared_without_case_or_spacing(
        self, tmp_path: pathlib.Path
    ) -> None:
        record = sub(1, 1, commitment_status=" complete ")
        plan = plan_of(us_nap5.read(tracker(tmp_path, [commitment(1)], [(record, "")])))
        assert MilestoneStatus.COMPLETED is plan.milestone("US0001.1").status

    def test_orphans_and_repeated_ids(self, tmp_path: pathlib.Path) -> None:
        """A sub-commitment of no commitment is kept in extensions; a repeated id is renamed."""
        orphan = sub(9, 1)
        subs = [(sub(1, 1), ""), (sub(1, 1), ""), (orphan, "")]
        conversion = us_nap5.read(tracker(tmp_path, [commitment(1)], subs))
        plan = plan_of(conversion)
        assert ["US0001.1", "US0001.1-2"] == [m.id for _, m in plan.iter_milestones()]
        (renamed,) = found(conversion, "import.duplicate-id")
        assert "US0001.1-2" == renamed.params["new_id"]
        (kept,) = plan.extensions["us_nap5"]["orphans"]
        assert "US0009.1" == kept["commitment_detail_sub_id"]
        (reported,) = found(conversion, "import.orphan")
        assert "US0009" == reported.params["parent"]
        assert_sound(plan)

    def test_ids_that_cannot_be_ids(self, tmp_path: pathlib.Path) -> None:
        """An id with white space is joined with hyphens; a missing one is the page's name."""
        spaced = commitment(1, commitment_id="US 0001")
        unnamed = sub(1, 1, commitment_id="US 0001", commitment_detail_sub_id=None)
        conversion = us_nap5.read(tracker(tmp_path, [spaced], [(unnamed, "")]))
        plan = plan_of(conversion)
        assert ["US-0001"] == [c.id for c in plan.commitments]
        assert ["us-0001-0"] == [m.id for _, m in plan.iter_milestones()]
        changed = [(f.params["id"], f.params["new_id"]) for f in found(conversion, "import.bad-id")]
        assert [("US 0001", "US-0001"), ("", "us-0001-0")] == changed
        assert_sound(plan)

    def test_a_page_that_cannot_be_read(self, tmp_path: pathlib.Path) -> None:
        """A page with broken front matter is an error naming its line; the rest is converted."""
        folder = tracker(tmp_path, [commitment(1)], [(sub(1, 1), "")])
        broken = folder / "_subcommitments" / "us0001-9.md"
        broken.write_text("---\ntitle: [unclosed\nlayout: commitment\n---\n", encoding="utf-8")
        conversion = us_nap5.read(folder)
        assert 1 == len(list(plan_of(conversion).iter_milestones()))
        (error,) = conversion.report.errors
        assert "import.unreadable" == error.code
        assert error.params["source"].startswith("_subcommitments/us0001-9.md:3:")

    def test_a_repeated_key(self, tmp_path: pathlib.Path) -> None:
        """A key given twice in a page is reported with both lines; the later value is read."""
        folder = tracker(tmp_path, [commitment(1)], [])
        path = folder / "_commitments" / "US0001.md"
        path.write_text(path.read_text(encoding="utf-8").replace("---\n", "---\ntitle: First\n", 1))
        conversion = us_nap5.read(folder)
        (repeat,) = found(conversion, "import.duplicate-key")
        assert ("title", 4, 2) == (
            repeat.params["key"],
            repeat.params["line"],
            repeat.params["first"],
        )
        assert Text("Commitment 1") == plan_of(conversion).commitment("US0001").title

    def test_one_page(self, tmp_path: pathlib.Path) -> None:
        """One commitment page is a plan of one commitment."""
        folder = tracker(tmp_path, [commitment(1)], [])
        plan = plan_of(us_nap5.read(folder / "_commitments" / "US0001.md"))
        assert ["US0001"] == [c.id for c in plan.commitments]

    def test_records_that_are_not_mappings(self) -> None:
        """A record that is not an object is reported and kept in the plan's extensions."""
        conversion = us_nap5.read({"commitments": [commitment(1), "stray"], "subcommitments": [7]})
        plan = plan_of(conversion)
        assert ["stray", 7] == list(plan.extensions["us_nap5"]["records_not_read"])
        assert 2 == codes(conversion)["import.wrong-type"]


class TestUnreadable:
    @pytest.mark.parametrize(
        ("name", "content", "where"),
        [
            ("plan.json", '{"commitments": [1, }', "plan.json:1:"),
            ("plan.json", '["not", "the", "tracker"]', "plan.json"),
            ("plan.json", '{"commitments": [], "subcommitments": {}}', "plan.json"),
            ("plan.md", "no front matter", "plan.md:1"),
            ("plan.txt", "what is this", "plan.txt"),
            ("plan.json", b"\xff\xfe{}", "plan.json:1:"),
        ],
    )
    def test_no_plan_and_one_error(
        self, tmp_path: pathlib.Path, name: str, content: str | bytes, where: str
    ) -> None:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        conversion = us_nap5.read(path)
        assert conversion.plan is None
        (error,) = conversion.report.findings
        assert "import.unreadable" == error.code
        assert str(error.params["source"]).startswith(str(tmp_path / where))
        assert str(tmp_path) in error.render("es")

    def test_missing_file_and_folder_without_pages(self, tmp_path: pathlib.Path) -> None:
        for source in (tmp_path / "missing.json", tmp_path):
            conversion = us_nap5.read(source)
            assert conversion.plan is None
            assert ["import.unreadable"] == [f.code for f in conversion.report.findings]

    @pytest.mark.parametrize("source", [42, None, b"tracker", ["a"]])
    def test_caller_errors_raise_type_error(self, source: Any) -> None:
        with pytest.raises(TypeError, match="a path or a mapping"):
            us_nap5.read(source)


def test_converted_plan_validates_with_the_command_line_s_reader() -> None:
    """The plan written as OGP JSON reads back with `ogpmodel.loads`."""
    plan = plan_of(us_nap5.read(JSON_FORM))
    assert plan == ogpmodel.loads(ogpmodel.dumps(plan))
