"""
The exceptions ogpmodel raises.

Every exception derives from `OGPModelError` and from the builtin a caller would naturally
catch (`ValueError`, `LookupError`), and carries the data that produced it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ogpmodel.report import ValidationReport

__all__ = [
    "AmbiguousId",
    "InvalidDocument",
    "InvalidPlan",
    "InvalidValue",
    "OGPModelError",
    "TransitionError",
    "UnknownId",
]


def __dir__() -> list[str]:
    return sorted(__all__)


class OGPModelError(Exception):
    """Base class of every exception raised by ogpmodel."""


class InvalidValue(OGPModelError, ValueError):
    """
    A model object was constructed with a value its field does not accept.

    Attributes:
        field: The name of the field (``Commitment.period``).
        value: The value that was given.
        expected: What the field accepts, in words.
    """

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{field!r} must be {expected} (got {value!r})")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.field, self.value, self.expected))


class UnknownId(OGPModelError, LookupError):
    """
    No entity of the plan has the id that was asked for.

    Attributes:
        kind: What was looked up (``"commitment"``, ``"milestone"``, ``"stakeholder"``).
        id: The id that was asked for.
    """

    def __init__(self, kind: str, id: str) -> None:  # noqa: A002 - the domain's own word
        self.kind = kind
        self.id = id
        super().__init__(f"no {kind} with id {id!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.kind, self.id))


class InvalidPlan(OGPModelError, ValueError):
    """
    A plan breaks rules of severity error (raised by `ValidationReport.raise_for_errors`).

    Attributes:
        report: The `ValidationReport` that lists every finding, each with its code and
            JSON Pointer path.
    """

    _what = "invalid OGP action plan"

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        count = len(report.errors)
        super().__init__(f"{self._what}, {count} error(s): {report.headline()}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.report,))


class InvalidDocument(InvalidPlan):
    """
    An OGP JSON document could not be read into a plan (raised by `ogpmodel.loads` and friends).

    Its `report` lists every problem found, not only the first, with ``schema.*`` codes.

    Attributes:
        line: For JSON Lines input, the number (from 1) of the line that holds the document.
    """

    _what = "invalid OGP JSON document"

    def __init__(self, report: ValidationReport, *, line: int | None = None) -> None:
        self.line = line
        if line is not None:
            self._what = f"invalid OGP JSON document on line {line}"
        super().__init__(report)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_invalid_document, (self.report, self.line))


def _rebuild_invalid_document(report: ValidationReport, line: int | None) -> InvalidDocument:
    return InvalidDocument(report, line=line)


class TransitionError(OGPModelError, ValueError):
    """
    A lifecycle transition is not allowed; nothing was changed.

    Attributes:
        findings: One finding per failed guard.
    """

    def __init__(self, message: str, findings: tuple[Any, ...]) -> None:
        self.findings = findings
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.args[0], self.findings))


class AmbiguousId(OGPModelError, LookupError):
    """
    More than one entity has the id that was asked for; name the commitment to choose.

    Attributes:
        kind: What was looked up (``"milestone"``).
        id: The id that was asked for.
        owners: The ids of the commitments that have such an entity.
        choose: The argument that chooses one, as the caller would write it: by default
            ``commitment='C1'`` (of `ActionPlan.milestone`), with the first owner.
    """

    def __init__(
        self,
        kind: str,
        id: str,  # noqa: A002
        owners: tuple[str, ...],
        choose: str | None = None,
    ) -> None:
        self.kind = kind
        self.id = id
        self.owners = owners
        self.choose = f"commitment={owners[0]!r}" if choose is None else choose
        super().__init__(
            f"{len(owners)} commitments have a {kind} with id {id!r} ({', '.join(owners)}):"
            f" pass {self.choose} to choose one"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.kind, self.id, self.owners, self.choose))
