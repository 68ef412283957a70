"""
The SQLite export of the bundled Maipú plan.

Its tables and keys, and the queries of the how-to (docs/howto-sqlite.md), each run on the
example database against the results the page shows.
"""

import io
import pathlib
import re
import sqlite3
from collections.abc import Iterator

import attrs
import pytest

import ogpmodel
from ogpmodel import ActionPlan
from ogpmodel.cli import run
from ogpmodel.convert import sqlite

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "maipu-2023-2024.json"
HOWTO = ROOT / "docs" / "howto-sqlite.md"
FIXTURES = ROOT / "tests" / "fixtures"

TABLES = [
    "plans",
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
]


@pytest.fixture(scope="module")
def maipu() -> ActionPlan:
    return ogpmodel.load(EXAMPLE)


@pytest.fixture(scope="module")
def database(
    maipu: ActionPlan, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[sqlite3.Connection]:
    path = tmp_path_factory.mktemp("sqlite") / "plans.db"
    sqlite.write([maipu], path)
    connection = sqlite3.connect(path)
    yield connection
    connection.close()


def test_tables(database: sqlite3.Connection) -> None:
    names = [r[0] for r in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert TABLES == names


def test_rows(database: sqlite3.Connection) -> None:
    counts = {t: database.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}  # noqa: S608
    assert {
        "plans": 1,
        "stakeholders": 7,
        "commitments": 4,
        "milestones": 0,
        "progress": 0,
        "history": 2,
        "assessments": 0,
        "commitment_designs": 0,
        "links": 4,
        "goals": 0,
        "meetings": 3,
        "endorsements": 0,
        "identifiers": 0,
        "other_names": 0,
    } == counts


def test_keys_of_milestones(database: sqlite3.Connection) -> None:
    """A milestone is known by its commitment and its id, and names its commitment and parent."""
    columns = database.execute("PRAGMA table_info(milestones)").fetchall()
    assert [("plan_id", 1), ("commitment_id", 2), ("id", 3)] == [
        (c[1], c[5]) for c in columns if c[5]
    ]
    keys: dict[int, list[tuple[str, str, str]]] = {}
    for row in database.execute("PRAGMA foreign_key_list(milestones)"):
        keys.setdefault(row[0], []).append((row[2], row[3], row[4]))
    assert sorted(keys.values()) == [
        [("commitments", "plan_id", "plan_id"), ("commitments", "commitment_id", "id")],
        [
            ("milestones", "plan_id", "plan_id"),
            ("milestones", "commitment_id", "commitment_id"),
            ("milestones", "parent_id", "id"),
        ],
        [("plans", "plan_id", "id")],
    ]


def test_references_are_keys(database: sqlite3.Connection) -> None:
    targets = {
        (row[3], row[2], row[4])
        for row in database.execute("PRAGMA foreign_key_list(stakeholders)")
    }
    assert ("parent_id", "stakeholders", "id") in targets
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []


def test_values(database: sqlite3.Connection) -> None:
    row = database.execute(
        "SELECT title_en, title_es, ogp_values, period_start, period_end, lead_ids"
        " FROM commitments WHERE id = 'CLMPU0001'"
    ).fetchone()
    assert row == (
        "Maipú, a Commune for Children and Adolescents",
        "Maipú, una Comuna de Niños, Niñas y Adolescentes",
        '["civic_participation"]',
        "2023-03",
        "2024-08",
        None,
    )
    (example,) = database.execute(
        "SELECT json_extract(extensions, '$.ogpmodel_example.eclac_article_number')"
        " FROM commitments WHERE id = 'CLMPU0001'"
    ).fetchone()
    assert example == 2


def queries() -> list[tuple[str, list[tuple[str, ...]]]]:
    """Each ```sql block of the how-to with the Markdown table of results that follows it."""
    text = HOWTO.read_text(encoding="utf-8")
    found = []
    for match in re.finditer(r"```sql\n(.*?)```", text, flags=re.DOTALL):
        after = text[match.end() :]
        table = re.search(r"((?:^\|.*\|\n)+)", after, flags=re.MULTILINE)
        assert table is not None, match.group(1)
        lines = table.group(1).splitlines()[2:]  # without the heading and the rule
        rows = [tuple(cell.strip() for cell in line.strip("|").split("|")) for line in lines]
        found.append((match.group(1), rows))
    return found


def test_the_how_to_has_three_queries() -> None:
    assert len(queries()) == 3


@pytest.mark.parametrize(("query", "shown"), queries(), ids=["sectors", "days", "overdue"])
def test_how_to_queries_give_what_the_page_shows(
    database: sqlite3.Connection, query: str, shown: list[tuple[str, ...]]
) -> None:
    rows = database.execute(query, {"as_of": "2025-01-01"} if ":as_of" in query else {})
    got = [tuple("" if v is None else str(v) for v in row) for row in rows]
    assert shown == got


def test_many_plans(tmp_path: pathlib.Path, maipu: ActionPlan) -> None:
    plans = [maipu, *(ogpmodel.load(FIXTURES / f"{n}.json") for n in ("us-nap5", "canada-nap5"))]
    path = tmp_path / "plans.db"
    sqlite.write(plans, path)
    database = sqlite3.connect(path)
    try:
        ids = [r[0] for r in database.execute("SELECT id FROM plans ORDER BY id")]
        assert ids == sorted(p.id for p in plans)
        milestones = database.execute("SELECT count(*) FROM milestones").fetchone()[0]
        assert milestones == sum(1 for p in plans for _ in p.iter_milestones())
        (query, _) = queries()[2]
        overdue = database.execute(query, {"as_of": "2025-01-01"}).fetchall()
        assert {r[0] for r in overdue} >= {"maipu-chile-2023-2024", "canada-nap5-2022-2024"}
        assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        database.close()


def test_repeated_ids_are_refused(tmp_path: pathlib.Path, maipu: ActionPlan) -> None:
    with pytest.raises(ValueError, match="'plans'"):
        sqlite.write([maipu, maipu], tmp_path / "twice.db")
    twice = attrs.evolve(maipu, stakeholders=(*maipu.stakeholders, maipu.stakeholders[0]))
    with pytest.raises(ValueError, match="'stakeholders'"):
        sqlite.write([twice], tmp_path / "twice.db")
    assert not (tmp_path / "twice.db").exists()


def test_a_database_is_replaced(tmp_path: pathlib.Path, maipu: ActionPlan) -> None:
    path = tmp_path / "plans.db"
    path.write_text("old", encoding="utf-8")
    sqlite.write([maipu], path)
    database = sqlite3.connect(path)
    assert database.execute("SELECT count(*) FROM plans").fetchone() == (1,)
    database.close()


def test_command_line(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "plans.db"
    out, err = io.StringIO(), io.StringIO()
    argv = [
        "export",
        str(EXAMPLE),
        str(FIXTURES / "us-nap5.json"),
        "--to",
        "sqlite",
        "-o",
        str(path),
    ]
    assert run(argv, stdout=out, stderr=err, stdin=io.StringIO()) == 0
    database = sqlite3.connect(path)
    assert database.execute("SELECT count(*) FROM plans").fetchone() == (2,)
    database.close()


def test_no_plans(tmp_path: pathlib.Path) -> None:
    """The tables and their keys, ready for plans written later with SQL of one's own."""
    sqlite.write([], tmp_path / "empty.db")
    database = sqlite3.connect(tmp_path / "empty.db")
    names = [r[0] for r in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert TABLES == names
    assert database.execute("SELECT count(*) FROM commitments").fetchone() == (0,)
    database.close()
