"""Tests of `ogpmodel.codelists`: the enums, their CSV files, countries and open codelists."""

import csv
import re
from pathlib import Path

import pytest

from ogpmodel import (
    DIOG,
    CommitmentStatus,
    Completion,
    MilestoneStatus,
    OGPValue,
    PlanStatus,
    PotentialForResults,
    PotentialImpact,
    Role,
    Sector,
    Specificity,
    Verifiable,
)
from ogpmodel.codelists import (
    CODELISTS,
    COUNTRIES,
    LANGUAGES,
    OPEN_CODELISTS,
    Code,
    OpenCodelist,
    codelist_name,
)

CODELIST_DIR = Path(__file__).resolve().parents[1] / "schemas" / "1.1" / "codelists"
#: The codelists as OGP JSON 1.0 published them (never changed).
CODELIST_DIR_1_0 = Path(__file__).resolve().parents[1] / "schemas" / "1.0" / "codelists"
#: Files in the codelist folder that are not closed codelists.
NOT_CLOSED = {"country", "policy-area", "primary-sector"}
SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")


def read_rows(name: str) -> list[dict[str, str]]:
    """The rows of ``schemas/1.1/codelists/<name>.csv``, in file order."""
    with (CODELIST_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


CLOSED = [pytest.param(name, enum, id=name) for name, enum in CODELISTS.items()]
ALL_CODES = [
    pytest.param(code, id=f"{name}:{code.value}")
    for name, enum in CODELISTS.items()
    for code in enum
]


class TestFilesAndEnums:
    def test_every_closed_codelist_file_is_registered(self) -> None:
        """Every CSV file of the folder, but the country and open lists, is a closed codelist."""
        expected = {path.stem for path in CODELIST_DIR.glob("*.csv")} - NOT_CLOSED
        assert expected == set(CODELISTS)

    @pytest.mark.parametrize(
        "name", sorted(path.stem for path in CODELIST_DIR_1_0.glob("*.csv")), ids=str
    )
    def test_a_later_version_keeps_every_earlier_code(self, name: str) -> None:
        """OGP JSON 1.1 is compatible: each 1.0 codelist is in 1.1 with its codes, in order, first."""
        with (CODELIST_DIR_1_0 / f"{name}.csv").open(encoding="utf-8", newline="") as file:
            earlier = [row["code"] for row in csv.DictReader(file)]
        later = [row["code"] for row in read_rows(name)]
        assert earlier == later[: len(earlier)]

    @pytest.mark.parametrize(("name", "enum"), CLOSED)
    def test_codes_match_the_file_in_order(self, name: str, enum: type[Code]) -> None:
        """The enum's values are the file's codes, in the same order."""
        expected = [row["code"] for row in read_rows(name)]
        assert expected == [code.value for code in enum]

    @pytest.mark.parametrize(("name", "enum"), CLOSED)
    def test_file_has_the_expected_columns(self, name: str, enum: type[Code]) -> None:
        """Each codelist file has a code column, then titles and descriptions in every language."""
        titles = [f"title_{lang}" for lang in LANGUAGES]
        expected = ["code", *titles, *(f"description_{lang}" for lang in LANGUAGES)]
        with (CODELIST_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as file:
            assert expected == next(csv.reader(file))

    @pytest.mark.parametrize(("name", "enum"), CLOSED)
    def test_codelist_name_is_the_file_name(self, name: str, enum: type[Code]) -> None:
        """codelist_name gives back the file name an enum is registered under."""
        assert name == codelist_name(enum)

    @pytest.mark.parametrize("code", ALL_CODES)
    def test_every_code_has_titles_and_descriptions(self, code: Code) -> None:
        """Every code has non-blank titles and descriptions in English and Spanish."""
        texts = [code.label("en"), code.label("es"), code.describe("en"), code.describe("es")]

        expected = [True] * 4
        assert expected == [bool(text.strip()) for text in texts]

    @pytest.mark.parametrize(("name", "enum"), CLOSED)
    def test_labels_and_descriptions_come_from_the_file(self, name: str, enum: type[Code]) -> None:
        """The label and describe methods return the file's title and description in each language."""
        expected = [
            (row["title_en"], row["title_es"], row["description_en"], row["description_es"])
            for row in read_rows(name)
        ]
        assert expected == [
            (code.label("en"), code.label("es"), code.describe("en"), code.describe("es"))
            for code in enum
        ]

    @pytest.mark.parametrize("code", ALL_CODES)
    def test_codes_are_snake_case(self, code: Code) -> None:
        """Wire values are lower snake_case, as the contract says."""
        assert SNAKE_CASE.fullmatch(code.value)


#: The closed codelists of the contract ("Codelists (wire values)"), in the contract's order.
CONTRACT = [
    (PlanStatus, "planning co_creation submitted implementation ended closed withdrawn"),
    (CommitmentStatus, "planned in_progress completed withdrawn"),
    (MilestoneStatus, "planned in_progress delayed completed cancelled"),
    (
        OGPValue,
        "access_to_information civic_participation public_accountability technology_and_innovation",
    ),
    (Completion, "no_evidence not_started limited substantial complete"),
    (DIOG, "worsened did_not_change marginal major outstanding"),
    (PotentialForResults, "unclear modest substantial"),
    (Verifiable, "yes no unclear"),
    (Specificity, "none low medium high"),
    (PotentialImpact, "none minor moderate transformative"),
    (Sector, "government civil_society private_sector academia multilateral community other"),
    (Role, "point_of_contact head_of_government forum_member monitoring_body evaluator"),
]


class TestCodes:
    @pytest.mark.parametrize(
        ("enum", "values"), [pytest.param(e, v, id=e.__name__) for e, v in CONTRACT]
    )
    def test_wire_values_follow_the_contract(self, enum: type[Code], values: str) -> None:
        """Each closed codelist has exactly the contract's wire values."""
        expected = values.split()
        assert expected == [code.value for code in enum]

    def test_label_and_describe(self) -> None:
        """The label and describe methods read the title and description in the language asked for."""
        code = PlanStatus.CO_CREATION

        expected = ("Co-creation", "Co-creation", "Cocreación", True, True)
        assert expected == (
            code.label(),
            code.label("en"),
            code.label("es"),
            code.describe("en").startswith("Government and non-governmental stakeholders"),
            code.describe("es").startswith("El gobierno y los actores no gubernamentales"),
        )

    def test_info_is_the_codelist_row(self) -> None:
        """The info method returns the code's row, whose title and description take a language."""
        info = Verifiable.YES.info()

        row = next(row for row in read_rows("verifiable") if row["code"] == "yes")
        expected = ("yes", "Yes", "Sí", row["description_es"])
        assert expected == (info.code, info.title(), info.title("es"), info.description("es"))

    def test_codes_are_their_wire_strings(self) -> None:
        """A code equals, prints as and is looked up by its wire string."""
        wire: str = "co_creation"

        expected = (True, wire, wire, PlanStatus.CO_CREATION)
        assert expected == (
            wire == PlanStatus.CO_CREATION,
            str(PlanStatus.CO_CREATION),
            f"{PlanStatus.CO_CREATION}",
            PlanStatus(wire),
        )

    def test_unknown_wire_string_is_refused(self) -> None:
        """Looking up a value that is not a code raises ValueError."""
        with pytest.raises(ValueError, match="drafting"):
            PlanStatus("drafting")

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (OGPValue.ACCESS_TO_INFORMATION, True),
            (OGPValue.CIVIC_PARTICIPATION, True),
            (OGPValue.PUBLIC_ACCOUNTABILITY, True),
            (OGPValue.TECHNOLOGY_AND_INNOVATION, False),
        ],
    )
    def test_ogp_value_is_core(self, value: OGPValue, expected: bool) -> None:
        """Only technology and innovation does not make a commitment relevant on its own."""
        assert expected == value.is_core


class TestCountries:
    def test_has_every_iso_code(self) -> None:
        """COUNTRIES holds the 249 ISO 3166-1 alpha-2 codes of country.csv."""
        expected = [row["code"] for row in read_rows("country")]
        assert (249, expected) == (len(COUNTRIES), list(COUNTRIES))

    def test_codes_are_two_upper_case_letters(self) -> None:
        """Every country code is two upper-case ASCII letters."""
        expected: list[str] = []
        assert expected == [code for code in COUNTRIES if not re.fullmatch(r"[A-Z]{2}", code)]

    @pytest.mark.parametrize(
        ("code", "name_en", "name_es"),
        [
            ("CL", "Chile", "Chile"),
            ("US", "United States", "Estados Unidos"),
            ("CA", "Canada", "Canadá"),
        ],
    )
    def test_known_countries(self, code: str, name_en: str, name_es: str) -> None:
        """Member countries are there, with their English and Spanish names."""
        info = COUNTRIES[code]

        expected = (True, name_en, name_es)
        assert expected == (code in COUNTRIES, info.title("en"), info.title("es"))

    @pytest.mark.parametrize("code", ["XX", "cl", "CHL", "", 56, None])
    def test_unknown_codes(self, code: object) -> None:
        """Codes that are not ISO 3166-1 alpha-2 are not in COUNTRIES."""
        expected = False
        assert expected == (code in COUNTRIES)

    def test_missing_code_raises_key_error(self) -> None:
        """Looking up an unknown country raises KeyError."""
        with pytest.raises(KeyError, match="XX"):
            COUNTRIES["XX"]


class TestOpenCodelists:
    def test_names(self) -> None:
        """The open codelists are policy areas and primary sector, each under its file name."""
        expected = {"policy-area": "policy-area", "primary-sector": "primary-sector"}
        assert expected == {key: value.name for key, value in OPEN_CODELISTS.items()}

    @pytest.mark.parametrize("name", ["policy-area", "primary-sector"])
    def test_seed_codes_come_from_the_file(self, name: str) -> None:
        """An open codelist's seed codes are its file's codes, in order, all snake_case."""
        codes = list(OPEN_CODELISTS[name].codes)

        expected = [row["code"] for row in read_rows(name)]
        assert (expected, []) == (codes, [c for c in codes if not SNAKE_CASE.fullmatch(c)])

    @pytest.mark.parametrize(
        ("name", "code", "expected"),
        [
            ("primary-sector", "public_safety", True),
            ("primary-sector", "other", True),
            ("primary-sector", "Public safety", False),
            ("policy-area", "access_to_justice", True),
            ("policy-area", "public_safety", False),
            ("policy-area", 1, False),
        ],
    )
    def test_contains(self, name: str, code: object, expected: bool) -> None:
        """The in operator tells whether a code is one of the seed codes."""
        assert expected == (code in OPEN_CODELISTS[name])

    def test_seed_codes_have_titles(self) -> None:
        """Seed codes carry English and Spanish titles."""
        info = OpenCodelist("primary-sector").codes["public_safety"]

        expected = ("Public safety", "Seguridad pública")
        assert expected == (info.title("en"), info.title("es"))
