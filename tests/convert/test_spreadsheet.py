"""
The spreadsheet round trip on the bundled Maipú plan.

Its workbook's sheets, headings and drop-downs, the templates, and what reading a workbook
reports when someone has edited its cells.
"""

import csv
import datetime
import io
import json
import pathlib
from collections.abc import Callable
from typing import Any

import attrs
import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

import ogpmodel
from ogpmodel import ActionPlan, CommitmentStatus, PartialDate, ProgressReport, Text
from ogpmodel.cli import run
from ogpmodel.convert import Conversion, reader, writer
from ogpmodel.convert._layout import TABLES, base_headings
from ogpmodel.convert._words import PARTS
from ogpmodel.convert._words import SHEETS as SPANISH_SHEETS
from ogpmodel.convert.spreadsheet import (
    read_csv,
    read_xlsx,
    write_csv,
    write_template,
    write_xlsx,
)
from ogpmodel.report import Finding
from ogpmodel.rules import get_rule

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "maipu-2023-2024.json"

SHEETS = [
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
]
SHEETS_ES = [
    "plan",
    "partes_interesadas",
    "compromisos",
    "hitos",
    "avances",
    "historial",
    "evaluaciones",
    "diseño_compromisos",
    "enlaces",
    "metas",
    "reuniones",
    "respaldos",
    "identificadores",
    "otros_nombres",
]
#: The headings of Maipú's commitments sheet: CLMPU0001 (row 3) has its status in F3, the end of
#: its period in S3.
COMMITMENTS = [
    "position",
    "id",
    "title",
    "title/en",
    "title/es",
    "status",
    "problem",
    "problem/en",
    "status_quo",
    "action",
    "expected_results",
    "vision_goal_id",
    "ogp_values",
    "policy_areas",
    "primary_sector",
    "grand_challenge",
    "period",
    "period/start",
    "period/end",
    "lead_ids",
    "supporting_ids",
    "extensions",
]


@pytest.fixture(scope="module")
def maipu() -> ActionPlan:
    return ogpmodel.load(EXAMPLE)


@pytest.fixture(scope="module")
def maipu_xlsx(maipu: ActionPlan, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("maipu") / "maipu.xlsx"
    write_xlsx([maipu], path)
    return path.read_bytes()


@pytest.fixture
def book(tmp_path: pathlib.Path, maipu_xlsx: bytes) -> pathlib.Path:
    """Maipú's workbook, for one test to edit."""
    path = tmp_path / "maipu.xlsx"
    path.write_bytes(maipu_xlsx)
    return path


def edited(path: pathlib.Path, change: Callable[[openpyxl.Workbook], None]) -> Conversion:
    """Read the workbook at *path* after *change* (as a user would edit it)."""
    workbook = openpyxl.load_workbook(path)
    change(workbook)
    workbook.save(path)
    return read_xlsx(path)


def sheet(workbook: openpyxl.Workbook, name: str) -> Worksheet:
    found = workbook[name]
    assert isinstance(found, Worksheet)
    return found


def the(conversion: Conversion, code: str) -> Finding:
    """The one finding of *conversion* with *code*."""
    found = conversion.report.by_code(code)
    assert len(found) == 1, [str(f) for f in conversion.report.findings]
    return found[0]


def renders(conversion: Conversion) -> None:
    """Every finding has the parameters of its messages, which differ by language."""
    for finding in conversion.report.findings:
        assert get_rule(finding.code).param_names - {"hint"} <= set(finding.params)
        assert finding.render("en") != finding.render("es")


def headings(workbook: openpyxl.Workbook, name: str) -> list[Any]:
    return [cell.value for cell in sheet(workbook, name)[1]]


class TestWorkbook:
    def test_sheets(self, book: pathlib.Path) -> None:
        assert ["instructions", *SHEETS, "codelists"] == openpyxl.load_workbook(book).sheetnames

    def test_headings(self, book: pathlib.Path) -> None:
        workbook = openpyxl.load_workbook(book)
        assert COMMITMENTS == headings(workbook, "commitments")
        assert [
            "commitment_id",
            "parent_id",
            "position",
            "id",
            "title",
            "status",
            "description",
            "expected_outputs",
            "period",
            "period/start",
            "period/end",
            "deadline_note",
            "responsible_ids",
            "extensions",
        ] == headings(workbook, "milestones")
        assert ["id", "title", "title/en", "language"] == headings(workbook, "plan")[:4]

    def test_status_has_a_drop_down_of_its_codes(self, book: pathlib.Path) -> None:
        workbook = openpyxl.load_workbook(book)
        commitments = sheet(workbook, "commitments")
        (check,) = [v for v in commitments.data_validations.dataValidation if "F2" in v.sqref]
        assert (check.type, check.showErrorMessage) == ("list", True)
        assert str(check.sqref) == "F2:F1048576"
        target, cells = check.formula1.split("!")
        assert target == "'codelists'"
        codes = [
            c.value for row in sheet(workbook, "codelists")[cells.replace("$", "")] for c in row
        ]
        assert [s.value for s in CommitmentStatus] == codes

    def test_leads_have_a_drop_down_of_stakeholder_ids(self, book: pathlib.Path) -> None:
        commitments = sheet(openpyxl.load_workbook(book), "commitments")
        (check,) = [v for v in commitments.data_validations.dataValidation if "T2" in v.sqref]
        assert check.formula1 == "'stakeholders'!$B$2:$B$2000"
        assert not check.showErrorMessage  # a list of ids: several may be typed

    def test_headings_have_notes(self, book: pathlib.Path) -> None:
        commitments = sheet(openpyxl.load_workbook(book), "commitments")
        note = commitments["F1"].comment
        assert note is not None
        assert note.text.startswith("A code of 'commitment-status'.")

    def test_round_trip(self, book: pathlib.Path, maipu: ActionPlan) -> None:
        conversion = read_xlsx(book)
        assert [] == list(conversion.report.findings)
        assert maipu == conversion.plan

    def test_values_xml_cannot_hold_and_formulas_round_trip(
        self, tmp_path: pathlib.Path, maipu: ActionPlan
    ) -> None:
        odd = Text("=1+1 \x01 _x0041_ a\r\nb \uffff")
        commitment = attrs.evolve(maipu.commitments[0], title=odd)
        plan = attrs.evolve(maipu, commitments=(commitment, *maipu.commitments[1:]))
        path = tmp_path / "odd.xlsx"
        write_xlsx([plan], path)
        cell = sheet(openpyxl.load_workbook(path), "commitments")["C2"]
        assert (cell.data_type, cell.value) == (
            "s",
            "=1+1 _x0001_ _x005F_x0041_ a_x000D_\nb _xFFFF_",
        )
        assert plan == read_xlsx(path).plan

    def test_one_plan_per_workbook(self, tmp_path: pathlib.Path, maipu: ActionPlan) -> None:
        with pytest.raises(ValueError, match="one plan, and 2 were given"):
            write_xlsx([maipu, maipu], tmp_path / "two.xlsx")


class TestCsv:
    def test_files_and_round_trip(self, tmp_path: pathlib.Path, maipu: ActionPlan) -> None:
        write_csv([maipu], tmp_path / "maipu")
        assert sorted(f"{name}.csv" for name in SHEETS) == sorted(
            p.name for p in (tmp_path / "maipu").iterdir()
        )
        text = (tmp_path / "maipu" / "commitments.csv").read_text(encoding="utf-8")
        assert ",".join(COMMITMENTS) == text.splitlines()[0]
        conversion = read_csv(tmp_path / "maipu")
        assert [] == list(conversion.report.findings)
        assert maipu == conversion.plan

    def test_semicolons_and_a_byte_order_mark(
        self, tmp_path: pathlib.Path, maipu: ActionPlan
    ) -> None:
        """As a spreadsheet set to a European locale saves CSV files."""
        write_csv([maipu], tmp_path)
        path = tmp_path / "stakeholders.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows(rows)
        assert ";" in path.read_text(encoding="utf-8-sig").splitlines()[0]
        assert maipu == read_csv(tmp_path).plan

    def test_not_utf8(self, tmp_path: pathlib.Path, maipu: ActionPlan) -> None:
        write_csv([maipu], tmp_path)
        (tmp_path / "goals.csv").write_bytes("position,id,text\n1,g1,visión\n".encode("latin-1"))
        conversion = read_csv(tmp_path)
        finding = the(conversion, "import.unreadable")
        assert dict(finding.params) == {"source": "goals.csv", "reason": "it is not UTF-8 text"}

    def test_not_a_folder(self, tmp_path: pathlib.Path) -> None:
        conversion = read_csv(tmp_path / "nowhere")
        assert conversion.plan is None
        assert "no such file" in the(conversion, "import.unreadable").params["reason"]


class TestTemplate:
    def test_spanish(self, tmp_path: pathlib.Path) -> None:
        write_template(tmp_path / "plantilla.xlsx", "es")
        workbook = openpyxl.load_workbook(tmp_path / "plantilla.xlsx")
        assert ["instrucciones", *SHEETS_ES, "códigos"] == workbook.sheetnames
        assert [
            "posición",
            "id",
            "título",
            "estado",
            "problema",
            "situación_actual",
            "acción",
            "resultados_esperados",
        ] == headings(workbook, "compromisos")[:8]
        assert "período/fin" in headings(workbook, "compromisos")
        assert ["id_compromiso", "id_superior", "posición", "id", "título"] == headings(
            workbook, "hitos"
        )[:5]
        instructions = sheet(workbook, "instrucciones")
        assert instructions["A1"].value == "Libro de un plan de acción OGP (OGP JSON 1.1)"
        assert str(instructions["A3"].value).startswith("Una hoja por cada parte del plan.")
        compromisos = sheet(workbook, "compromisos")
        status = [v for v in compromisos.data_validations.dataValidation if "D2" in v.sqref]
        assert [v.formula1.split("!")[0] for v in status] == ["'códigos'"]
        assert compromisos.column_dimensions["R"].number_format == "@"  # período/fin: text
        assert all(len(list(sheet(workbook, name).rows)) == 1 for name in SHEETS_ES)

    def test_every_heading_has_spanish_words(self) -> None:
        """A field added to the model gets its column at once; this asks for its Spanish word."""
        parts = {
            part
            for spec in TABLES.values()
            for heading in base_headings(spec)
            for part in heading.split("/")
        }
        assert sorted(parts - set(PARTS)) == []
        assert set(SHEETS_ES) == {SPANISH_SHEETS[name]["es"] for name in TABLES}

    def test_english(self, tmp_path: pathlib.Path) -> None:
        write_template(tmp_path / "template.xlsx")
        workbook = openpyxl.load_workbook(tmp_path / "template.xlsx")
        assert ["instructions", *SHEETS, "codelists"] == workbook.sheetnames
        assert headings(workbook, "commitments") == [
            h for h in COMMITMENTS if "/" not in h or h.startswith("period/")
        ]

    def test_a_filled_spanish_template_converts(self, tmp_path: pathlib.Path) -> None:
        path = tmp_path / "plantilla.xlsx"
        write_template(path, "es")
        workbook = openpyxl.load_workbook(path)
        fill(sheet(workbook, "plan"), {
            "id": "maipu-2025", "título": "Plan de acción 2025", "idioma": "es",
            "miembro/nombre": "Maipú", "miembro/membresía": "local", "miembro/país": "CL",
            "período/inicio": "2025-01", "período/fin": "2026", "estado": "Planificación",
        })  # fmt: skip
        fill(sheet(workbook, "compromisos"), {
            "id": "CLMPU0005", "título": "Presupuesto participativo", "estado": "planned",
            "valores_ogp": "civic_participation; access_to_information",
        })  # fmt: skip
        fill(sheet(workbook, "hitos"), {
            "id_compromiso": "CLMPU0005", "id": "h1", "título": "Consulta", "período/fin": "2025-06",
        })  # fmt: skip
        workbook.save(path)
        conversion = read_xlsx(path)
        assert ["import.converted-cell"] == [f.code for f in conversion.report.findings]
        plan = conversion.plan
        assert plan is not None
        assert (plan.id, plan.title, plan.status) == (
            "maipu-2025",
            Text("Plan de acción 2025"),
            "planning",
        )
        assert plan.period == ogpmodel.Period(PartialDate(2025, 1), PartialDate(2026))
        commitment = plan.commitment("CLMPU0005")
        assert [v.value for v in commitment.ogp_values] == [
            "civic_participation",
            "access_to_information",
        ]
        assert commitment.milestone("h1").period == ogpmodel.Period(None, PartialDate(2025, 6))
        assert ogpmodel.validate(plan).warnings  # the plan's own problems are for validate


def fill(worksheet: Worksheet, values: dict[str, Any]) -> None:
    """Fill the next row of *worksheet* under the headings of *values*."""
    names = [cell.value for cell in worksheet[1]]
    row = worksheet.max_row + 1
    for name, value in values.items():
        worksheet.cell(row, names.index(name) + 1, value)


class TestFindings:
    """Each problem names its cell (``commitments!F3``) and the JSON path of the value."""

    def test_a_bad_code(self, book: pathlib.Path) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            sheet(workbook, "commitments")["F3"] = "in progres"

        conversion = edited(book, change)
        finding = the(conversion, "import.bad-code")
        assert finding.path == "/commitments/1/status"
        assert dict(finding.params) == {
            "cell": "commitments!F3",
            "value": "in progres",
            "codelist": "commitment-status",
            "codes": ("planned", "in_progress", "completed", "withdrawn"),
            "nearest": "in_progress",
        }
        assert finding.render("en") == (
            "commitments!F3: 'in progres' is not a code of 'commitment-status', which has:"
            " 'planned', 'in_progress', 'completed', 'withdrawn'. Did you mean 'in_progress'?"
        )
        assert conversion.plan is not None
        assert conversion.plan.commitment("CLMPU0001").status is None
        renders(conversion)

    def test_a_code_as_its_title(self, book: pathlib.Path) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            sheet(workbook, "commitments")["F3"] = "En curso"

        conversion = edited(book, change)
        assert the(conversion, "import.converted-cell").params["read"] == "in_progress"
        assert conversion.plan is not None
        assert conversion.plan.commitment("CLMPU0001").status == "in_progress"

    def test_a_bad_date(self, book: pathlib.Path) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            sheet(workbook, "commitments")["S3"] = "2024-13"

        conversion = edited(book, change)
        finding = the(conversion, "import.bad-value")
        assert (finding.path, finding.params["cell"]) == (
            "/commitments/1/period/end",
            "commitments!S3",
        )
        assert finding.params["expected"] == "partial_date"
        assert finding.render("es") == (
            "commitments!S3: '2024-13' no es una fecha como AAAA, AAAA-MM o AAAA-MM-DD; no se lee."
        )

    def test_a_date_cell_is_the_day(self, book: pathlib.Path) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            sheet(workbook, "commitments")["R3"] = datetime.datetime(2023, 3, 1)

        conversion = edited(book, change)
        finding = the(conversion, "import.converted-cell")
        assert (finding.path, finding.params["cell"]) == (
            "/commitments/1/period/start",
            "commitments!R3",
        )
        assert (finding.severity, finding.params["read"]) == ("info", "2023-03-01")
        assert conversion.plan is not None
        period = conversion.plan.commitment("CLMPU0001").period
        assert period is not None
        assert period.start == PartialDate(2023, 3, 1)

    def test_a_year_typed_as_a_number(self, book: pathlib.Path) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            sheet(workbook, "commitments")["S3"] = 2024

        conversion = edited(book, change)
        assert the(conversion, "import.converted-cell").params == {
            "cell": "commitments!S3",
            "actual": "number",
            "read": "2024",
        }
        assert conversion.plan is not None
        assert conversion.plan.commitment("CLMPU0001").period == ogpmodel.Period(
            PartialDate(2023, 3), PartialDate(2024)
        )

    def test_a_number_typed_as_text(self, book: pathlib.Path) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            fill(sheet(workbook, "progress"), {
                "commitment_id": "CLMPU0001", "date": "2024-01", "completion_percent": "40 %",
            })  # fmt: skip

        conversion = edited(book, change)
        finding = the(conversion, "import.converted-cell")
        assert (finding.params["cell"], finding.path) == (
            "progress!F2",
            "/commitments/1/progress/0/completion_percent",
        )
        assert conversion.plan is not None
        assert conversion.plan.commitment("CLMPU0001").progress == (
            ProgressReport(date=PartialDate(2024, 1), completion_percent=40),
        )

    def test_a_missing_sheet(self, book: pathlib.Path, maipu: ActionPlan) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            del workbook["milestones"]

        conversion = edited(book, change)
        assert the(conversion, "import.missing-sheet").params == {"sheet": "milestones"}
        assert maipu == conversion.plan

    def test_a_missing_heading(self, book: pathlib.Path) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            sheet(workbook, "commitments")["B1"] = None

        conversion = edited(book, change)
        finding = the(conversion, "import.missing-heading")
        assert dict(finding.params) == {
            "cell": "commitments!1:1",
            "sheet": "commitments",
            "heading": "id",
        }
        assert conversion.plan is not None
        assert conversion.plan.commitments == ()
        orphan = the(conversion, "import.unknown-owner")  # CLMPU0001's link
        assert orphan.params["cell"] == "links!2:2"
        assert orphan.params["key"] == "commitment_id 'CLMPU0001'"
        renders(conversion)

    def test_an_unknown_column_is_kept(self, book: pathlib.Path) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            commitments = sheet(workbook, "commitments")
            commitments["W1"], commitments["W3"] = "budget", 120000

        conversion = edited(book, change)
        finding = the(conversion, "import.unknown-column")
        assert (finding.params["cell"], finding.params["heading"]) == ("commitments!W1", "budget")
        assert conversion.plan is not None
        extensions = conversion.plan.commitment("CLMPU0001").extensions
        assert extensions["budget"] == 120000
        assert "ogpmodel_example" in extensions

    def test_a_misspelt_heading(self, book: pathlib.Path) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            sheet(workbook, "commitments")["F1"] = "statu"

        conversion = edited(book, change)
        assert the(conversion, "import.unknown-column").params["nearest"] == "status"
        assert "Did you mean 'status'?" in the(conversion, "import.unknown-column").render()

    def test_an_unknown_sheet_is_kept(self, book: pathlib.Path) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            notes = workbook.create_sheet("notes")
            notes.append(["note", "by"])
            notes.append(["call the forum", "ana"])

        conversion = edited(book, change)
        assert the(conversion, "import.unknown-sheet").params["sheet"] == "notes"
        assert conversion.plan is not None
        assert conversion.plan.extensions["notes"] == ({"note": "call the forum", "by": "ana"},)

    def test_a_row_of_an_unknown_commitment(self, book: pathlib.Path) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            fill(
                sheet(workbook, "milestones"),
                {"commitment_id": "CLMPU0009", "id": "m1", "title": "x"},
            )

        conversion = edited(book, change)
        finding = the(conversion, "import.unknown-owner")
        assert dict(finding.params) == {
            "cell": "milestones!2:2",
            "owner": "commitment",
            "key": "commitment_id 'CLMPU0009'",
        }
        assert finding.render("es") == (
            "milestones!2:2: el registro (compromiso) al que pertenece esta fila"
            " (commitment_id 'CLMPU0009') no está en el plan; la fila no se lee."
        )

    def test_a_required_value_is_missing(self, book: pathlib.Path) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            commitments = sheet(workbook, "commitments")
            commitments["D3"] = commitments["E3"] = None

        conversion = edited(book, change)
        finding = the(conversion, "import.record-not-read")
        assert (finding.params["cell"], finding.params["heading"]) == ("commitments!C3", "title")
        assert conversion.plan is not None
        assert [c.id for c in conversion.plan.commitments] == [
            "maipu-eclac-1",
            "maipu-eclac-3",
            "maipu-eclac-4",
        ]

    def test_plain_text_beside_languages(self, book: pathlib.Path) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            sheet(workbook, "commitments")["C3"] = "Maipú"

        conversion = edited(book, change)
        finding = the(conversion, "import.conflicting-cells")
        assert finding.params["headings"] == ("title", "title/en", "title/es")
        assert finding.params["used"] == "title/en"

    def test_sorted_rows_keep_the_plan_s_order(self, book: pathlib.Path, maipu: ActionPlan) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            stakeholders = sheet(workbook, "stakeholders")
            rows = [[c.value for c in row] for row in stakeholders.iter_rows(min_row=2)]
            for number, row in enumerate(sorted(rows, key=lambda r: str(r[1])), start=2):
                for column, value in enumerate(row, start=1):
                    stakeholders.cell(number, column).value = value

        conversion = edited(book, change)
        assert [] == list(conversion.report.findings)
        assert maipu == conversion.plan

    def test_a_position_between_two(self, book: pathlib.Path) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            fill(sheet(workbook, "commitments"), {"position": 2.5, "id": "new", "title": "Nuevo"})

        conversion = edited(book, change)
        assert conversion.plan is not None
        assert [c.id for c in conversion.plan.commitments] == [
            "maipu-eclac-1",
            "CLMPU0001",
            "new",
            "maipu-eclac-3",
            "maipu-eclac-4",
        ]

    def test_spanish_headings_of_an_exported_sheet(
        self, book: pathlib.Path, maipu: ActionPlan
    ) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            commitments = sheet(workbook, "commitments")
            commitments.title = "compromisos"
            commitments["C1"], commitments["D1"], commitments["F1"] = (
                "Título",
                "titulo/en",
                "ESTADO",
            )

        conversion = edited(book, change)
        assert [] == list(conversion.report.findings)
        assert maipu == conversion.plan

    def test_several_plans(self, book: pathlib.Path) -> None:
        def change(workbook: openpyxl.Workbook) -> None:
            plan = sheet(workbook, "plan")
            plan.append([c.value for c in plan[2]])

        finding = the(edited(book, change), "import.several-plans")
        assert dict(finding.params) == {"cell": "plan!3:3", "sheet": "plan"}

    def test_no_plan(self, tmp_path: pathlib.Path) -> None:
        write_template(tmp_path / "empty.xlsx")
        conversion = read_xlsx(tmp_path / "empty.xlsx")
        assert conversion.plan is None
        assert the(conversion, "import.no-plan").params == {"sheet": "plan"}

    def test_not_a_workbook(self, tmp_path: pathlib.Path) -> None:
        (tmp_path / "plan.xlsx").write_text("id,title\n", encoding="utf-8")
        conversion = read_xlsx(tmp_path / "plan.xlsx")
        assert conversion.plan is None
        assert (
            the(conversion, "import.unreadable").params["reason"].startswith("it is not a workbook")
        )


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err, stdin=io.StringIO())
    return code, out.getvalue(), err.getvalue()


class TestCommandLine:
    def test_export_and_convert(self, tmp_path: pathlib.Path, maipu: ActionPlan) -> None:
        book, plan = str(tmp_path / "maipu.xlsx"), tmp_path / "maipu.json"
        assert (0, "", "") == cli("export", str(EXAMPLE), "--to", "xlsx", "-o", book)
        code, _, err = cli("convert", book, "--from", "xlsx", "-o", str(plan))
        assert (code, err) == (0, f"{book}: 0 errors, 0 warnings, 0 infos\n")
        assert maipu == ogpmodel.loads(plan.read_text(encoding="utf-8"))

    def test_csv(self, tmp_path: pathlib.Path, maipu: ActionPlan) -> None:
        folder = str(tmp_path / "maipu")
        assert cli("export", str(EXAMPLE), "--to", "csv", "-o", folder)[0] == 0
        code, out, _ = cli("convert", folder, "--from", "csv")
        assert code == 0
        assert maipu == ogpmodel.from_dict(json.loads(out))

    def test_template(self, tmp_path: pathlib.Path) -> None:
        path = tmp_path / "plantilla.xlsx"
        assert cli("template", "--to", "xlsx", "--lang", "es", "-o", str(path))[0] == 0
        assert openpyxl.load_workbook(path).sheetnames[0] == "instrucciones"

    def test_errors_name_cells(self, book: pathlib.Path) -> None:
        workbook = openpyxl.load_workbook(book)
        sheet(workbook, "commitments")["F3"] = "in progres"
        workbook.save(book)
        code, _, err = cli("convert", str(book), "--from", "xlsx", "--lang", "es")
        assert code == 1
        assert (
            f"{book}:/commitments/1/status: error: commitments!F3: 'in progres' no es un código"
            in err
        )

    def test_two_plans_to_one_workbook(self, tmp_path: pathlib.Path) -> None:
        code, _, err = cli(
            "export", str(EXAMPLE), str(EXAMPLE), "--to", "xlsx", "-o", str(tmp_path / "x.xlsx")
        )
        assert (code, err) == (
            2,
            "ogpmodel: error: ValueError: a workbook or a CSV folder holds one plan, and 2 were given\n",
        )

    def test_the_registry_names_these_converters(self) -> None:
        assert reader("xlsx") is read_xlsx
        assert reader("csv") is read_csv
        assert writer("xlsx") is write_xlsx
        assert writer("csv") is write_csv
