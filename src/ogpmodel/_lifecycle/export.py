"""The transition tables exported: as JSON data and as Mermaid state diagrams."""

from typing import Any

from ogpmodel._lifecycle.tables import (
    COMPLETED_WITH_OPEN_MILESTONES,
    MISSING_END_OF_COMMITMENT_REPORT,
    PLAN_NOT_IN_IMPLEMENTATION,
    PLAN_PERIOD_NOT_OVER,
    PLAN_PERIOD_NOT_STARTED,
    SUBMISSION_REQUIREMENTS_UNMET,
    TABLES,
    Kind,
    table_of,
)

__all__ = ["mermaid", "tables_json"]

#: Short English labels of the guards of single transitions, for diagrams.
_GUARD_LABELS = {
    SUBMISSION_REQUIREMENTS_UNMET: "no S rule fails",
    PLAN_PERIOD_NOT_STARTED: "on or after the period start",
    PLAN_PERIOD_NOT_OVER: "period over or every commitment closed",
    MISSING_END_OF_COMMITMENT_REPORT: "end-of-commitment reports (local plans)",
    COMPLETED_WITH_OPEN_MILESTONES: "every milestone completed or cancelled",
    PLAN_NOT_IN_IMPLEMENTATION: "on or after the last commitment or milestone move",
}
#: Short English labels of the guards of every move of a kind, drawn as a note.
_KIND_GUARD_LABELS = {
    PLAN_NOT_IN_IMPLEMENTATION: "moves only while the plan is in implementation or ended",
}


def tables_json() -> dict[str, Any]:
    """
    The three tables as JSON data, keyed by kind.

    >>> tables_json()["plan"]["terminal"]
    ['closed', 'withdrawn']
    """
    return {kind: table.to_json() for kind, table in TABLES.items()}


def mermaid(kind: Kind) -> str:
    """
    The table of *kind* as a Mermaid ``stateDiagram-v2``, generated from the table.

    >>> print(mermaid("commitment").splitlines()[1])
        [*] --> planned

    Raises:
        ValueError: *kind* is not ``"plan"``, ``"commitment"`` or ``"milestone"``.
    """
    table = table_of(kind)
    lines = ["stateDiagram-v2", f"    [*] --> {table.initial.value}"]
    for t in table.transitions:
        labels = [_GUARD_LABELS[code] for code in t.guards]
        if t.note_required:
            labels.append("note required")
        labels.extend(f"sets {field}" for field in t.sets)
        label = f" : {', '.join(labels)}" if labels else ""
        lines.append(f"    {t.from_.value} --> {t.to.value}{label}")
    lines.extend(f"    {s.value} --> [*]" for s in table.states if s in table.terminal)
    lines.extend(
        f"    note right of {table.initial.value} : {_KIND_GUARD_LABELS[code]}"
        for code in table.guards
    )
    return "\n".join(lines) + "\n"
