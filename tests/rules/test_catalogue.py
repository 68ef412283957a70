"""
Tests that the registry matches the rule catalogue (docs/design/rules.md) and renders well.

The catalogue's tables give each code its family (the section), its default severity and
whether it is stage-dependent (*S*). Messages are checked with the parameters their checks
really produce, collected by running every family's broken plans.
"""

import re
import string
from pathlib import Path

import attrs
import pytest
from tests.builders import AS_OF, complete_local_plan
from tests.rules import test_assessments as assessment_tests
from tests.rules import test_dates as date_tests
from tests.rules import test_deadlines as deadline_tests
from tests.rules import test_formulation as formulation_tests
from tests.rules import test_process as process_tests
from tests.rules.support import Broken, codes, draft, national_plan

from ogpmodel._catalogue import TRANSLATED_PARAMS, VOCABULARY
from ogpmodel.codelists import LANGUAGES
from ogpmodel.report import Finding, Severity
from ogpmodel.rules import Rule, explain, get_rule, rules

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "docs" / "design" / "rules.md"
#: The codes added after the contract, in the contract's style.
ADDITIONS = ROOT / "docs" / "design" / "rules-additions.md"
SHARED_CATALOGUE = ROOT.parent / "shared" / "design" / "rules.md"

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

#: Catalogue sections (by the start of their heading) and the rule families they list.
SECTIONS = {
    "Structure": "structure",
    "Dates": "dates",
    "Commitment formulation": "formulation",
    "Plan and co-creation process": "process",
    "Deadlines": "deadlines",
    "Lifecycle consistency": "lifecycle",
    "Assessments": "assessments",
    "Import": "import",
}

#: The families whose rules this suite implements and breaks one by one.
TESTED_FAMILIES = ("dates", "formulation", "process", "deadlines", "assessments")

BROKEN: Broken = {
    **date_tests.BROKEN,
    **formulation_tests.BROKEN,
    **process_tests.BROKEN,
    **deadline_tests.BROKEN,
    **assessment_tests.BROKEN,
}


#: Codes that a rule's broken plan must also break, by the rule's nature: a milestone is checked
#: against the plan's period only when its commitment has none, which is reported itself.
COMPANIONS: dict[str, set[str]] = {"period.milestone-outside-plan": {"commitment.missing-period"}}


@attrs.frozen
class Entry:
    """One row of a catalogue table."""

    code: str
    family: str
    severity: Severity
    stage_dependent: bool
    local: bool
    what: str


def read_catalogue(path: Path) -> dict[str, Entry]:
    """The rows of the catalogue's rule tables, by code."""
    entries: dict[str, Entry] = {}
    family: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:]
            family = next((f for name, f in SECTIONS.items() if heading.startswith(name)), None)
            continue
        if family is None or not line.startswith("| `"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        code = cells[0].strip("`")
        # The structure table has no severity column: its rules are always errors.
        severity_text, what = ("error", cells[1]) if len(cells) == 2 else (cells[1], cells[2])
        staged = severity_text.startswith("S")
        entries[code] = Entry(
            code=code,
            family=family,
            severity=Severity.ERROR if staged else Severity(severity_text),
            stage_dependent=staged,
            local="(local)" in severity_text or what.startswith("local:"),
            what=what,
        )
    return entries


CONTRACT = read_catalogue(CATALOGUE)
ADDED = read_catalogue(ADDITIONS)
ENTRIES = {**CONTRACT, **ADDED}


def _fields(template: str) -> set[str]:
    return {
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    }


class TestCatalogueCopy:
    def test_copy_matches_the_shared_catalogue(self) -> None:
        """The repository's copy of the catalogue is the shared one, verbatim."""
        if not SHARED_CATALOGUE.exists():
            pytest.skip("no ../shared/design/rules.md next to the repository")
        assert CATALOGUE.read_bytes() == SHARED_CATALOGUE.read_bytes()

    def test_additions_are_new_codes(self) -> None:
        """An addition never redefines a code of the contract, and every family is known."""
        assert set() == set(CONTRACT) & set(ADDED)
        assert ADDED
        assert {e.family for e in ADDED.values()} <= set(SECTIONS.values())

    def test_tables_are_read(self) -> None:
        """Every family has rows, and every code is in family.kebab-name style."""
        assert {e.family for e in ENTRIES.values()} == set(SECTIONS.values())
        for code in ENTRIES:
            assert re.fullmatch(r"[a-z]+\.[a-z]+(-[a-z]+)*", code), code


class TestRegistry:
    @pytest.mark.parametrize("code", sorted(ENTRIES))
    def test_code_is_registered_as_catalogued(self, code: str) -> None:
        """Each catalogue code is registered with its family, severity and stage dependence."""
        entry, rule = ENTRIES[code], get_rule(code)
        assert (rule.family, rule.severity, rule.stage_dependent) == (
            entry.family,
            entry.severity,
            entry.stage_dependent,
        )
        if entry.local:
            assert rule.local_only
        assert rule.needs_as_of == (entry.family == "deadlines")

    def test_every_registered_code_of_the_tested_families_is_catalogued(self) -> None:
        """The five families register no code the catalogue lacks."""
        registered = {rule.code for rule in rules() if rule.family in TESTED_FAMILIES}
        assert registered <= set(ENTRIES)

    @pytest.mark.parametrize(
        "code", sorted(c for c, e in ENTRIES.items() if e.family in TESTED_FAMILIES)
    )
    def test_title_is_the_catalogue_wording(self, code: str) -> None:
        """The English title is the catalogue's 'what' column (without Markdown backticks)."""
        assert get_rule(code).title["en"] == ENTRIES[code].what.replace("`", "")

    @pytest.mark.parametrize(
        "code", sorted(c for c, e in ENTRIES.items() if e.family in TESTED_FAMILIES)
    )
    def test_source_is_given(self, code: str) -> None:
        """Each rule cites an OGP page or says it is a design rule."""
        source = get_rule(code).source
        assert source.startswith("design") or "https://" in source or "http://" in source

    @pytest.mark.parametrize("rule", rules(), ids=lambda rule: rule.code)
    def test_messages_and_titles_in_every_language(self, rule: Rule) -> None:
        """Every rule has titles and messages in every language, with the same parameters."""
        assert set(rule.title) == set(rule.messages) == set(LANGUAGES)
        assert all(text.strip() for text in (*rule.title.values(), *rule.messages.values()))
        for lang in LANGUAGES[1:]:
            assert rule.title["en"] != rule.title[lang]
            assert _fields(rule.messages["en"]) == _fields(rule.messages[lang])

    @pytest.mark.parametrize("rule", rules(), ids=lambda rule: rule.code)
    @pytest.mark.parametrize("lang", ["en", "es"])
    def test_explain(self, rule: Rule, lang: str) -> None:
        """explain() describes every rule in English and in Spanish."""
        text = explain(rule.code, "es" if lang == "es" else "en")
        first, *rest = text.splitlines()
        assert first == f"{rule.code}: {rule.title[lang]}"
        assert rest[0].startswith("Severidad: " if lang == "es" else "Severity: ")


class TestBrokenPlans:
    def test_every_rule_of_the_tested_families_has_a_broken_plan(self) -> None:
        """Each code of the five families is broken by one plan of its test module."""
        expected = {c for c, e in ENTRIES.items() if e.family in TESTED_FAMILIES}
        assert set(BROKEN) == expected

    @pytest.mark.parametrize("code", sorted(BROKEN))
    def test_broken_plan_renders(self, code: str) -> None:
        """The findings of each broken plan carry every message parameter and render cleanly."""
        found: list[Finding] = BROKEN[code]().findings()
        assert {f.code for f in found} - COMPANIONS.get(code, set()) == {code}
        found = [f for f in found if f.code == code]
        rule = get_rule(code)
        for finding in found:
            assert rule.param_names <= set(finding.params)
            # Translated parameters hold vocabulary keys, or dates (which need no translation).
            for name in TRANSLATED_PARAMS & set(finding.params):
                value = finding.params[name]
                assert value in VOCABULARY or ISO_DATE.fullmatch(value), (name, value)
            english, spanish = finding.render("en"), finding.render("es")
            for text in (english, spanish):
                assert "?" not in text, text
                assert "None" not in text, text
            assert english != spanish


class TestValidPlans:
    def test_complete_local_plan(self) -> None:
        """The complete local plan yields no finding at all."""
        assert codes(complete_local_plan()) == set()

    def test_complete_local_plan_as_of(self) -> None:
        """The complete local plan yields no finding when deadlines are checked on AS_OF."""
        assert codes(complete_local_plan(), as_of=AS_OF) == set()

    def test_draft_of_the_complete_plan(self) -> None:
        """The complete plan as a draft in co-creation yields no finding."""
        assert codes(draft(complete_local_plan()), as_of=AS_OF) == set()

    def test_national_plan(self) -> None:
        """The five-commitment national plan yields no finding."""
        assert codes(national_plan(), as_of=AS_OF) == set()
