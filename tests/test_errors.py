"""Tests of `ogpmodel.errors`: the exception hierarchy, messages and pickling."""

import pickle
from collections.abc import Callable

import pytest

from ogpmodel import Link, PartialDate, Text, errors
from ogpmodel.errors import (
    AmbiguousId,
    InvalidDocument,
    InvalidPlan,
    InvalidValue,
    OGPModelError,
    TransitionError,
    UnknownId,
)
from ogpmodel.report import Finding, Severity, ValidationReport
from ogpmodel.rules import rules


def error_finding(index: int = 0) -> Finding:
    """A finding of a registered rule of severity error."""
    rule = next(r for r in rules() if r.severity is Severity.ERROR)
    return Finding(rule.code, Severity.ERROR, f"/commitments/{index}/id", {"id": f"C{index}"})


def report(errors: int = 1) -> ValidationReport:
    """A report with *errors* error findings and one warning."""
    warning = next(r for r in rules() if r.severity is Severity.WARNING)
    findings = [error_finding(i) for i in range(errors)]
    return ValidationReport([*findings, Finding(warning.code, Severity.WARNING, "/title")])


#: One instance of every exception class, carrying the data it is built from.
EXAMPLES: list[Callable[[], OGPModelError]] = [
    lambda: OGPModelError("something went wrong"),
    lambda: InvalidValue("Commitment.title", Text("  "), "a non-empty Text"),
    lambda: InvalidValue("Link.date", "2023-03", "a PartialDate or None"),
    lambda: InvalidValue(
        "Milestone.links[0]", Link("https://x.org", extensions={"k": [1]}), "a Link"
    ),
    lambda: UnknownId("milestone", "m9"),
    lambda: AmbiguousId("milestone", "m1", ("C1", "C2")),
    lambda: InvalidPlan(report()),
    lambda: InvalidDocument(report(errors=4)),
    lambda: TransitionError("cannot submit: no commitments", (error_finding(),)),
]
EXAMPLE_PARAMS = [pytest.param(make, id=type(make()).__name__) for make in EXAMPLES]


class TestHierarchy:
    @pytest.mark.parametrize(
        ("cls", "builtin"),
        [
            (InvalidValue, ValueError),
            (InvalidPlan, ValueError),
            (InvalidDocument, ValueError),
            (InvalidDocument, InvalidPlan),
            (TransitionError, ValueError),
            (UnknownId, LookupError),
            (AmbiguousId, LookupError),
        ],
    )
    def test_subclasses_the_builtin(self, cls: type[Exception], builtin: type[Exception]) -> None:
        """Each exception derives from OGPModelError and from the builtin a caller would catch."""
        expected = (True, True)
        assert expected == (issubclass(cls, OGPModelError), issubclass(cls, builtin))

    def test_every_exported_exception_derives_from_the_base(self) -> None:
        """Every exception the errors module exports derives from OGPModelError."""
        classes = [getattr(errors, name) for name in errors.__all__]

        expected: list[str] = []
        assert expected == [c.__name__ for c in classes if not issubclass(c, OGPModelError)]

    def test_examples_cover_every_exception(self) -> None:
        """The pickling examples include every exception class the errors module exports."""
        expected = set(errors.__all__)
        assert expected == {type(make()).__name__ for make in EXAMPLES}

    def test_base_is_an_exception(self) -> None:
        """OGPModelError is an Exception, so `except Exception` catches it."""
        assert issubclass(OGPModelError, Exception)

    def test_construction_errors_are_value_errors(self) -> None:
        """A bad field value raised by the model can be caught as ValueError."""
        with pytest.raises(ValueError, match="PartialDate") as info:
            PartialDate.parse("2023-13")

        assert isinstance(info.value, InvalidValue)


class TestMessages:
    def test_invalid_value(self) -> None:
        """InvalidValue names the field, says what it accepts and shows the value."""
        error = InvalidValue("Commitment.period", "2023", "a Period or None")

        expected = ("'Commitment.period' must be a Period or None (got '2023')", "2023")
        assert expected == (str(error), error.value)

    def test_unknown_id(self) -> None:
        """UnknownId names the kind and the id."""
        expected = "no commitment with id 'C9'"
        assert expected == str(UnknownId("commitment", "C9"))

    def test_unknown_id_is_not_quoted_like_a_key_error(self) -> None:
        """Being a LookupError but not a KeyError, UnknownId's message is not wrapped in quotes."""
        error = UnknownId("stakeholder", "s1")

        expected = (False, "no stakeholder with id 's1'")
        assert expected == (isinstance(error, KeyError), str(error))

    def test_ambiguous_id(self) -> None:
        """AmbiguousId counts and names the owners and says how to choose."""
        error = AmbiguousId("milestone", "m1", ("C1", "C2"))

        expected = (
            "2 commitments have a milestone with id 'm1' (C1, C2): pass commitment='C1' to choose"
            " one"
        )
        assert expected == str(error)

    def test_invalid_plan_shows_three_errors_and_counts_the_rest(self) -> None:
        """InvalidPlan lists the first three errors with path and code, and counts the others."""
        error = InvalidPlan(report(errors=5))
        code = error_finding().code

        expected = (
            True,
            True,
            ["/commitments/0/id", "/commitments/1/id", "/commitments/2/id"],
            3,
        )
        assert expected == (
            str(error).startswith("invalid OGP action plan, 5 error(s): "),
            str(error).endswith("(and 2 more)"),
            [f"/commitments/{i}/id" for i in range(5) if f"/commitments/{i}/id:" in str(error)],
            str(error).count(f"[{code}]"),
        )

    def test_invalid_document_says_document(self) -> None:
        """InvalidDocument speaks of a document, not a plan."""
        expected = "invalid OGP JSON document, 1 error(s): "
        assert expected == str(InvalidDocument(report()))[: len(expected)]


class TestPickle:
    @pytest.mark.parametrize("make", EXAMPLE_PARAMS)
    def test_round_trip(self, make: Callable[[], OGPModelError]) -> None:
        """An exception survives pickling with its type, message, args and attributes."""
        error = make()
        again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own data

        expected = (type(error), str(error), error.args, vars(error))
        assert expected == (type(again), str(again), again.args, vars(again))

    def test_round_trip_keeps_the_report(self) -> None:
        """A pickled InvalidPlan still carries a report with every finding."""
        original = report(errors=2)
        again = pickle.loads(pickle.dumps(InvalidPlan(original)))  # noqa: S301 - our own data

        expected = (original, 2, 1)
        assert expected == (again.report, len(again.report.errors), len(again.report.warnings))
