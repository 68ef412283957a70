"""Tests for ogpmodel.report and ogpmodel.validate: findings, reports and their rendering."""

import json
import pickle

import jsonschema
import pytest

import ogpmodel
from ogpmodel import Finding, InvalidPlan, Severity, ValidationReport
from ogpmodel.report import escape_pointer, pointer
from tests.builders import complete_local_plan, minimal_plan


def report(*findings: Finding) -> ValidationReport:
    """A report of the given findings."""
    return ValidationReport(findings)


ERROR = Finding(
    "reference.unknown-stakeholder", Severity.ERROR, "/point_of_contact_id", {"id": "x"}
)
WARNING = Finding("plan.no-point-of-contact", Severity.WARNING, "")
INFO = Finding("commitment.id-format", Severity.INFO, "/commitments/0/id", {"id": "c1"})


class TestPointer:
    def test_tokens_are_escaped(self) -> None:
        """'~' and '/' in a token are escaped as RFC 6901 says."""
        assert "/a~1b/c~0d/3" == pointer("a/b", "c~d", 3)

    def test_escape_order(self) -> None:
        """'~1' in a key stays distinguishable from '/'."""
        assert "~01" == escape_pointer("~1")


class TestValidationReport:
    def test_views_by_severity(self) -> None:
        """errors, warnings and infos split the findings by severity."""
        r = report(ERROR, WARNING, INFO)
        assert ((ERROR,), (WARNING,), (INFO,)) == (r.errors, r.warnings, r.infos)

    def test_is_valid_ignores_warnings(self) -> None:
        """Warnings and infos do not make a report invalid; one error does."""
        assert report(WARNING, INFO).is_valid
        assert not report(ERROR).is_valid

    def test_counts(self) -> None:
        """counts() gives the number of findings per code."""
        assert {"plan.no-point-of-contact": 2, "commitment.id-format": 1} == report(
            WARNING, INFO, WARNING
        ).counts()

    def test_versions(self) -> None:
        """The report records the ogpmodel and schema versions that produced it."""
        r = report()
        assert ogpmodel.__version__ == r.ogpmodel_version
        assert "1.1" == r.schema_version

    def test_raise_for_errors(self) -> None:
        """raise_for_errors raises InvalidPlan carrying the report, only when there are errors."""
        report(WARNING).raise_for_errors()
        with pytest.raises(InvalidPlan) as caught:
            report(ERROR, WARNING).raise_for_errors()
        assert (ERROR,) == caught.value.report.errors
        assert "/point_of_contact_id" in str(caught.value)

    def test_to_dict_conforms_to_the_report_schema(self) -> None:
        """to_dict output validates against the published report schema, in both languages."""
        r = report(ERROR, WARNING, INFO)
        for lang in ("en", "es"):
            jsonschema.validate(r.to_dict(lang), ogpmodel.schema("report"))

    def test_to_json_round_trips(self) -> None:
        """to_json is the JSON text of to_dict."""
        r = report(ERROR)
        assert r.to_dict("es") == json.loads(r.to_json("es"))

    def test_to_text_in_both_languages(self) -> None:
        """to_text renders one line per finding and a summary, in English or Spanish."""
        r = report(ERROR)
        assert "No stakeholder has the id 'x'." in r.to_text()
        assert "Ninguna parte interesada tiene el id 'x'." in r.to_text("es")
        assert r.to_text().endswith("1 error, 0 warnings, 0 infos")

    def test_findings_pickle(self) -> None:
        """Findings and reports survive pickling."""
        r = report(ERROR, INFO)
        assert r == pickle.loads(pickle.dumps(r))  # noqa: S301 - our own data


class TestValidate:
    def test_accepts_a_plan_a_dict_and_text(self) -> None:
        """validate gives the same findings for a plan, its dict and its JSON text."""
        plan = minimal_plan()
        expected = ogpmodel.validate(plan).findings
        assert expected == ogpmodel.validate(ogpmodel.to_dict(plan)).findings
        assert expected == ogpmodel.validate(ogpmodel.dumps(plan)).findings
        assert expected == ogpmodel.validate(ogpmodel.dumps(plan).encode()).findings

    def test_complete_plan_has_no_findings(self) -> None:
        """The complete local plan meets every rule."""
        assert () == ogpmodel.validate(complete_local_plan()).findings

    def test_schema_findings_stop_the_rules(self) -> None:
        """A document that cannot be read gives its schema findings only, never raising."""
        r = ogpmodel.validate({"schema_version": "1.0", "id": 3})
        assert r.errors
        assert all(f.code.startswith(("schema.", "text.")) for f in r.findings)

    def test_bad_json_text(self) -> None:
        """Invalid JSON text gives one schema.invalid-json finding."""
        assert {"schema.invalid-json"} == ogpmodel.validate("{").codes

    def test_unknown_profile_is_a_caller_error(self) -> None:
        """An unknown profile name raises ValueError listing the profiles."""
        with pytest.raises(ValueError, match="local"):
            ogpmodel.validate(minimal_plan(), profile="regional")

    def test_rules_lists_every_code_once(self) -> None:
        """rules() has no duplicate codes and every code has the family.kebab-name form."""
        codes = [r.code for r in ogpmodel.rules()]
        assert len(codes) == len(set(codes))
        assert all(c.count(".") == 1 and c == c.lower() for c in codes)
