"""The translation catalogues: complete, current, compiled, packaged, and open to a new language."""

import doctest
import io
import pathlib
import shutil
import string
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from hatch_build import compile_catalogues
from hypothesis import given
from hypothesis import strategies as st
from tasks.translations import TEMPLATE, render_template, texts

import ogpmodel
from ogpmodel import _translations
from ogpmodel._catalogue import VOCABULARY, word
from ogpmodel.cli import run
from ogpmodel.codelists import LANGUAGES, PlanStatus
from ogpmodel.convert._layout import TABLES, base_headings
from ogpmodel.convert._words import EXTRA_SHEETS, SHEETS, fold, heading
from ogpmodel.convert.spreadsheet import read_xlsx, write_template, write_xlsx
from ogpmodel.report import Finding, Severity, ValidationReport, format_finding
from ogpmodel.rules import Rule, explain, get_rule, rules
from ogpmodel.schema import generate_rules_data

ROOT = pathlib.Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "ogpmodel" / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/ogpmodel.po"))
#: The texts the code fills with str.format: their placeholders must survive translation.
TEMPLATES = ("rule:", "word:", "workbook:holds:")


def language_of(path: pathlib.Path) -> str:
    return path.parents[1].name


def read(path: pathlib.Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def entries(catalogue: Catalog) -> Iterator[tuple[str, str, str, bool]]:
    """(context, English, translation, fuzzy) of each message but the header."""
    for message in catalogue:
        if message.id:
            yield str(message.context), str(message.id), str(message.string), message.fuzzy


def fields(template: str) -> list[tuple[str, str, str]]:
    """The replacement fields of *template*: name, conversion and format spec."""
    parsed = string.Formatter().parse(template)
    return sorted(
        (name, conv or "", spec or "") for _, name, spec, conv in parsed if name is not None
    )


class TestCatalogues:
    def test_the_languages_are_english_and_each_catalogue(self) -> None:
        """English is the source; every other language is the catalogue of a .po file."""
        expected = ("en", *sorted(language_of(path) for path in CATALOGUES))
        assert expected == LANGUAGES == _translations.languages()
        assert {"en", "es", "fr"} <= set(LANGUAGES)

    def test_template_is_current(self) -> None:
        """The committed template is what `make translations` writes from the library's texts."""
        committed = TEMPLATE.read_text(encoding="utf-8")
        assert render_template() == committed, "ogpmodel.pot is stale: run `make translations`"

    def test_make_translations_alone_finds_every_text(self) -> None:
        """In an interpreter of its own (as `make translations` runs), the template is whole."""
        code = (
            "import sys; from tasks.translations import TEMPLATE, render_template; "
            "sys.exit(render_template() != TEMPLATE.read_text(encoding='utf-8'))"
        )
        root = pathlib.Path(__file__).resolve().parents[1]
        done = subprocess.run([sys.executable, "-c", code], cwd=root, check=False)
        assert done.returncode == 0, "a fresh interpreter renders another template"

    def test_every_text_has_a_context_and_english(self) -> None:
        """The library declares each text once, at a place, in English."""
        found = texts()
        kinds = {context.split(":")[0] for context in found}
        assert {"rule", "vocabulary", "word", "codelist", "workbook"} == kinds
        assert all(english.strip() for english in found.values())
        assert {f"rule:{r.code}:message" for r in rules(include_transition_only=True)} <= set(found)

    @pytest.mark.parametrize("path", CATALOGUES, ids=language_of)
    def test_catalogue_translates_every_text_and_nothing_else(self, path: pathlib.Path) -> None:
        """Each .po has every context and English text of the library, none stale."""
        have = {(context, english) for context, english, _, _ in entries(read(path))}
        want = set(texts().items())
        assert (set(), set()) == (want - have, have - want), "run `make translations`"

    @pytest.mark.parametrize("path", CATALOGUES, ids=language_of)
    def test_every_translation_is_done(self, path: pathlib.Path) -> None:
        """No translation is empty or fuzzy."""
        unfinished = [c for c, _, text, fuzzy in entries(read(path)) if fuzzy or not text.strip()]
        assert [] == unfinished

    @pytest.mark.parametrize("path", CATALOGUES, ids=language_of)
    def test_placeholders_are_kept(self, path: pathlib.Path) -> None:
        """A translated template has the same {fields} as its English."""
        wrong = [
            context
            for context, english, text, _ in entries(read(path))
            if context.startswith(TEMPLATES) and fields(english) != fields(text)
        ]
        assert [] == wrong

    @pytest.mark.parametrize("path", CATALOGUES, ids=language_of)
    def test_compiled_catalogue_is_current(self, path: pathlib.Path) -> None:
        """The installed .mo says what the .po says (run `make translations` if not)."""
        lang = language_of(path)
        stale = [
            context
            for context, english, text, _ in entries(read(path))
            if _translations.translate(context, english, lang) != text
        ]
        assert [] == stale


def rule_params(rule: Rule) -> st.SearchStrategy[dict[str, Any]]:
    """Any values for the parameters of *rule*'s messages, words of the vocabulary among them."""
    words = st.text(st.characters(exclude_characters="{}"), max_size=20)
    value = st.one_of(
        words,
        st.integers(),
        st.lists(words, max_size=3),
        st.sampled_from(sorted(VOCABULARY)),
    )
    names = sorted({"nearest" if name == "hint" else name for name in rule.param_names})
    return st.fixed_dictionaries(dict.fromkeys(names, value))


@st.composite
def findings(draw: st.DrawFn) -> tuple[Rule, dict[str, Any]]:
    rule = draw(st.sampled_from(rules(include_transition_only=True)))
    return rule, draw(rule_params(rule))


class TestRendering:
    @given(findings(), st.sampled_from(LANGUAGES))
    def test_every_message_renders_in_every_language(
        self, drawn: tuple[Rule, dict[str, Any]], lang: str
    ) -> None:
        """Whatever its parameters, a message renders in each language and fills every field."""
        rule, params = drawn
        text = rule.render(params, lang)
        assert "{" not in text
        assert "}" not in text

    def test_french(self) -> None:
        """French uses OGP's words: engagement, jalon, partie prenante, MEI."""
        finding = Finding("deadline.milestone-overdue", Severity.WARNING, "/commitments/0", {
            "id": "M1", "commitment": "C1", "end": "2024-01-31", "status": "planned",
        })  # fmt: skip
        assert "/commitments/0: avertissement: Le jalon 'M1' de l'engagement 'C1'" in (
            format_finding(finding, "fr")
        )
        assert "Cocréation" == PlanStatus.CO_CREATION.label("fr")
        assert "examen du MEI" == VOCABULARY["irm_review"].text("fr")

    @pytest.mark.parametrize(
        "call",
        [
            lambda: get_rule("schema.type").render({}, "de"),
            lambda: word("error", "de"),
            lambda: PlanStatus.PLANNING.label("de"),
            lambda: PlanStatus.PLANNING.describe("de"),
            lambda: explain("schema.type", "de"),
            lambda: ValidationReport(()).to_dict("de"),
            lambda: ValidationReport(()).summary("de"),
            lambda: format_finding(Finding("text.empty", Severity.ERROR, "/title", {}), "de"),
        ],
        ids=["render", "word", "label", "describe", "explain", "to_dict", "summary", "format"],
    )
    def test_an_unknown_language_is_refused(self, call: Any) -> None:
        """Every API that takes a language names the available ones for one it does not speak."""
        with pytest.raises(ValueError, match=r"unknown language 'de': ogpmodel speaks 'en', 'es'"):
            call()

    def test_a_workbook_in_an_unknown_language_is_refused(self, tmp_path: pathlib.Path) -> None:
        with pytest.raises(ValueError, match="unknown language 'de'"):
            write_template(tmp_path / "book.xlsx", "de")
        assert not (tmp_path / "book.xlsx").exists()


class TestWorkbooks:
    @pytest.mark.parametrize("name", TABLES)
    def test_no_two_fields_are_written_alike(self, name: str) -> None:
        """In no language is a field's heading, folded, that of another field of its sheet."""
        written: dict[str, set[str]] = {}
        for lang in LANGUAGES:
            for base in base_headings(TABLES[name]):
                written.setdefault(fold(heading(base, lang)), set()).add(base)
        assert {} == {text: bases for text, bases in written.items() if len(bases) > 1}

    def test_no_two_sheets_are_named_alike(self) -> None:
        named: dict[str, set[str]] = {}
        for sheet, names in {**SHEETS, **EXTRA_SHEETS}.items():
            for text in names.values():
                named.setdefault(fold(text), set()).add(sheet)
        assert {} == {text: sheets for text, sheets in named.items() if len(sheets) > 1}
        assert all(len(text) <= 31 for names in SHEETS.values() for text in names.values())

    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_a_workbook_in_every_language_round_trips(
        self, lang: str, tmp_path: pathlib.Path
    ) -> None:
        """A plan written with the headings of any language reads back as the same plan."""
        plan = ogpmodel.load(ROOT / "examples" / "maipu-2023-2024.json")
        write_xlsx([plan], tmp_path / "plan.xlsx", lang=lang)
        conversion = read_xlsx(tmp_path / "plan.xlsx")
        assert ([], plan) == (list(conversion.report.findings), conversion.plan)


@pytest.fixture
def fourth_language(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> pathlib.Path:
    """A copy of the catalogues with one more: 'xx', the French catalogue under a new name."""
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE, locale)
    (locale / "xx" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(LOCALE / "fr" / "LC_MESSAGES" / "ogpmodel.po", locale / "xx" / "LC_MESSAGES")
    monkeypatch.setattr(_translations, "LOCALE_DIR", locale)
    return locale


class TestANewLanguage:
    def test_a_new_po_file_is_a_new_language(self, fourth_language: pathlib.Path) -> None:
        """Dropping a .po file (and compiling it) adds a language everywhere, with no code."""
        compile_catalogues(fourth_language)
        assert (*LANGUAGES, "xx") == _translations.languages()
        assert get_rule("schema.type").title["fr"] == get_rule("schema.type").title["xx"]
        assert "Cocréation" == PlanStatus.CO_CREATION.label("xx")
        data = generate_rules_data()
        assert "xx" in data["languages"]
        assert data["rules"][0]["message"]["xx"] == data["rules"][0]["message"]["fr"]
        out, err = io.StringIO(), io.StringIO()
        code = run(
            ["explain", "schema.type", "--lang", "xx"], stdout=out, stderr=err, stdin=io.StringIO()
        )
        assert (0, "schema.type: une valeur a le mauvais type JSON.") == (
            code,
            out.getvalue().splitlines()[0],
        )

    def test_an_uncompiled_catalogue_says_how_to_compile_it(
        self, fourth_language: pathlib.Path
    ) -> None:
        """A .po file without its .mo is listed, and using it says what to run."""
        assert "xx" in _translations.languages()
        with pytest.raises(FileNotFoundError, match="make translations"):
            word("error", "xx")


class TestPackaging:
    def test_wheel_carries_a_compiled_catalogue_per_language(self, tmp_path: pathlib.Path) -> None:
        """The wheel holds the .mo of every .po, compiled by the build hook, current."""
        subprocess.run(
            [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        (wheel,) = tmp_path.glob("*.whl")
        with zipfile.ZipFile(wheel) as archive:
            compiled = {
                name: archive.read(name) for name in archive.namelist() if name.endswith(".mo")
            }
        expected = {
            f"ogpmodel/locale/{language_of(path)}/LC_MESSAGES/ogpmodel.mo": path.with_suffix(
                ".mo"
            ).read_bytes()
            for path in CATALOGUES
        }
        assert expected == compiled


def test_the_translation_guide_runs() -> None:
    """The examples of docs/translate.md are true."""
    result = doctest.testfile(str(ROOT / "docs" / "translate.md"), module_relative=False)
    assert (0, True) == (result.failed, result.attempted > 0)
