"""Tests for ogpmodel.timeline: a plan as a Mermaid Gantt chart and as text."""

import datetime
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ogpmodel
from ogpmodel import ActionPlan, MilestoneStatus, Text, examples, timeline
from ogpmodel.strategies import action_plans, dates
from tests.builders import commitment, complete_local_plan, milestone, period

any_plans = action_plans(valid=False)
as_ofs = st.none() | dates()

#: Words that open a statement of a Mermaid Gantt chart when they start a line.
KEYWORDS = (
    "gantt",
    "title",
    "section",
    "dateformat",
    "axisformat",
    "tickinterval",
    "includes",
    "excludes",
    "todaymarker",
    "inclusiveenddates",
    "topaxis",
    "weekday",
    "weekend",
    "click",
    "acctitle",
    "accdescr",
)
NAME = r"[^:;#%`\n\r\t]+"
DAY = r"\d{4}-\d{2}-\d{2}"
TAGS = r"(?:(?:done|active|crit|milestone), )*"
LINES = [
    re.compile(r"gantt"),
    re.compile(f"    title {NAME}"),
    re.compile(r"    dateFormat YYYY-MM-DD"),
    re.compile(r"    axisFormat %Y-%m"),
    re.compile(r"    inclusiveEndDates"),
    re.compile(r"    todayMarker off"),
    re.compile(r"    %% [^\n]*"),
    re.compile(f"    section {NAME}"),
    re.compile(f"    (?P<name>{NAME}) :{TAGS}t\\d+, (?P<start>{DAY}), (?P<end>{DAY}|0d)"),
]


def safe_line(line: str) -> re.Match[str] | None:
    """The match of *line* against the statements a chart may hold."""
    return next((m for pattern in LINES if (m := pattern.fullmatch(line))), None)


def columns(line: str) -> int:
    """How many terminal columns *line* takes: wide characters two, combining ones none."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in line
    )


def items(plan: ActionPlan) -> int:
    return len(plan.commitments) + sum(1 for _ in plan.iter_milestones())


class TestMermaid:
    @given(any_plans, as_ofs)
    def test_every_line_is_a_safe_statement(
        self, plan: ActionPlan, as_of: datetime.date | None
    ) -> None:
        """Any plan gives lines Mermaid reads as the statements meant, one item each."""
        chart = timeline.mermaid(plan, as_of=as_of)
        assert chart.endswith("\n")
        lines = chart.splitlines()
        assert lines[0] == "gantt"
        tasks = comments = 0
        for line in lines:
            match = safe_line(line)
            assert match is not None, f"unsafe line {line!r}"
            if "name" in match.groupdict():
                name = match["name"]
                assert name == name.strip()
                assert not name.lower().startswith(KEYWORDS)
                if match["end"] != "0d":
                    assert match["start"] <= match["end"]
                tasks += 1
            elif line.startswith("    %% no dates: "):
                comments += 1
        assert tasks + comments == items(plan)

    def test_names_lose_what_mermaid_cannot_take(self) -> None:
        """Colons, semicolons, hashes, percent signs and line breaks leave a task's name."""
        title = Text("Fase 1: datos; #abiertos 100%%\nsection falsa\u2028fin")
        plan = complete_local_plan(commitments=(commitment(title=title),))
        line = next(x for x in timeline.mermaid(plan).splitlines() if x.endswith("2024-08-31"))
        assert line == (
            "    [>] CLMPU0001 Fase 1 datos abiertos 100 section falsa fin :active, t1, "
            "2023-03-01, 2024-08-31"
        )

    def test_partial_dates_cover_their_interval(self) -> None:
        """A month starts on its first day; a year ends on its last."""
        child = milestone(period=period("2023-03", "2023"))
        plan = complete_local_plan(commitments=(commitment(milestones=(child,)),))
        assert "t2, 2023-03-01, 2023-12-31" in timeline.mermaid(plan)

    def test_one_end_is_a_marker_and_no_dates_a_comment(self) -> None:
        """An item with one known end is a milestone marker; one without dates a comment."""
        due = milestone(id="1", period=period(None, "2023-06"))
        undated = milestone(id="2", period=None)
        plan = complete_local_plan(commitments=(commitment(milestones=(due, undated)),))
        chart = timeline.mermaid(plan)
        assert ":active, milestone, t2, 2023-06-30, 0d" in chart
        assert "    %% no dates: · [>] 2 Publicar el diagnóstico (2)" in chart
        backwards = milestone(period=period("2023-09", "2023-04"))
        plan = complete_local_plan(commitments=(commitment(milestones=(backwards,)),))
        assert ":active, milestone, t2, 2023-09-01, 0d" in timeline.mermaid(plan)

    def test_status_and_overdue_tags(self) -> None:
        """Completed is done; a milestone past its end on as_of is crit."""
        done = milestone(id="1", status=MilestoneStatus.COMPLETED, history=())
        late = milestone(id="2")
        plan = complete_local_plan(commitments=(commitment(milestones=(done, late)),))
        chart = timeline.mermaid(plan, as_of=datetime.date(2024, 1, 1))
        assert ":done, t2, 2023-03-01, 2023-12-31" in chart
        assert "[!] 2 Publicar el diagnóstico (2) :crit, t3," in chart
        assert "%% as of 2024-01-01" in chart

    def test_long_names_are_cut(self) -> None:
        """A task name is cut to 80 characters with an ellipsis."""
        plan = complete_local_plan(commitments=(commitment(title=Text("palabra " * 30)),))
        name = next(
            m["name"]
            for x in timeline.mermaid(plan).splitlines()
            if (m := safe_line(x)) and "name" in m.groupdict()
        )
        assert len(name) <= 80
        assert name.endswith("…")

    def test_maipu(self) -> None:
        """The Maipú example: one dated commitment drawn, three listed without dates."""
        chart = timeline.mermaid(examples.maipu())
        assert "    section CLMPU0001" in chart
        assert ":t2, 2023-03-01, 2024-08-31" in chart
        assert chart.count("%% no dates: ") == 3


class TestText:
    @given(any_plans, st.integers(timeline.MIN_WIDTH, 160), as_ofs)
    def test_no_line_is_wider_than_width(
        self, plan: ActionPlan, width: int, as_of: datetime.date | None
    ) -> None:
        """A heading and one line per item, none wider than width, each a bar of one width."""
        lines = timeline.text(plan, width=width, as_of=as_of).splitlines()
        assert len(lines) == 1 + items(plan)
        for line in lines:
            assert columns(line) <= width, line
            assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", line)
        for line in lines[1:]:  # each item ends with a bar over the same days
            assert re.fullmatch(r" \|[ .=*:]*\|", line[-(width // 2) - 1 :]), line

    def test_bars_over_the_plan_period(self) -> None:
        """The bar runs over the item's period within the plan's; as_of is marked."""
        plan = complete_local_plan(period=period("2023-01", "2024-12"))
        lines = timeline.text(plan, width=40, as_of=datetime.date(2024, 1, 1)).splitlines()
        assert lines[0] == "Plan de acción 2023-2024 (2023-01-01 ..~"
        commitment_bar = lines[1].split("|")[1]
        milestone_bar = lines[2].split("|")[1]
        assert len(commitment_bar) == 18
        assert commitment_bar.startswith(".=")
        assert commitment_bar.endswith("=...")
        assert commitment_bar.count(":") == 1
        assert milestone_bar.startswith(".=======:.")
        assert lines[2].startswith("  [!] 1 ")  # overdue on as_of

    def test_wide_characters_count_twice(self) -> None:
        """A title in wide characters is cut by columns, not characters."""
        plan = complete_local_plan(title=Text("开放政府" * 20))
        line = timeline.text(plan, width=40).splitlines()[0]
        assert columns(line) <= 40
        assert line.endswith("~")

    @pytest.mark.parametrize("width", [39, 0, -1, True, 80.0])
    def test_width_below_the_minimum(self, width: object) -> None:
        """A width the chart cannot fit in is refused, naming the minimum."""
        with pytest.raises(ValueError, match="at least 40"):
            timeline.text(complete_local_plan(), width=width)  # type: ignore[arg-type]

    def test_fixtures(self) -> None:
        """The US and Canada plans fit 80 columns; Canada's dated milestones are marked."""
        root = "tests/fixtures/"
        for name in ("us-nap5.json", "canada-nap5.json"):
            plan = ogpmodel.load(root + name)
            text = timeline.text(plan)
            assert all(columns(line) <= 80 for line in text.splitlines())
            assert len(text.splitlines()) == 1 + items(plan)
        canada = timeline.text(ogpmodel.load(root + "canada-nap5.json"))
        assert "*" in canada

    def test_undated_plan(self) -> None:
        """A plan without any date has a heading with '?' and empty bars."""
        plan = complete_local_plan(
            period=period(None, None),
            commitments=(commitment(period=None, milestones=(milestone(period=None),)),),
        )
        lines = timeline.text(plan, width=40).splitlines()
        assert lines[0].endswith("(?)")
        assert lines[1].endswith("|" + " " * 18 + "|")
