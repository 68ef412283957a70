"""
Strictness: a fixed list of invalid variants of one valid plan, and who rejects each.

Each `Mutation` breaks the OGP JSON 1.1 contract in exactly one place (a wrong type, ``"yes"``
for a boolean, an unknown field, a bad code, a date that is not a calendar date, a missing or
null required field, ...). `rejections` decodes every variant with each decoder and records
whether it was rejected with the decoder's own error (any other exception is a crash, shown as
such). Run ``python -m benchmarks.strictness`` for the per-mutation matrix.
"""

import copy
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

import ogpmodel
from benchmarks import peers
from benchmarks.corpus import random_plan

__all__ = ["MUTATIONS", "Mutation", "Outcome", "decoders", "documents", "rejections"]

Document = dict[str, Any]


class Mutation(NamedTuple):
    """One way to break the contract: a name and an in-place change of a valid document."""

    name: str
    apply: Callable[[Document], None]


def _first_milestone(d: Document) -> Document:
    milestone: Document = d["commitments"][0]["milestones"][0]
    return milestone


def _set(path: Sequence[str | int], value: Any) -> Callable[[Document], None]:
    def apply(d: Document) -> None:
        target: Any = d
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return apply


def _drop(path: Sequence[str | int]) -> Callable[[Document], None]:
    def apply(d: Document) -> None:
        target: Any = d
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return apply


def _milestone_field(key: str, value: Any) -> Callable[[Document], None]:
    def apply(d: Document) -> None:
        _first_milestone(d)[key] = value

    return apply


def _drop_milestone_title(d: Document) -> None:
    del _first_milestone(d)["title"]


_REQ = ("assessments", 0, "requirements")

#: The mutations, in table order. Every one makes the document invalid OGP JSON 1.1.
MUTATIONS: tuple[Mutation, ...] = (
    Mutation("number for a text (title: 42)", _set(("title",), 42)),
    Mutation("boolean for a text (stakeholder name: true)", _set(("stakeholders", 1, "name"), True)),
    Mutation("number in a language map ({'es': 5})", _set(("title",), {"es": 5})),
    Mutation("empty language map (description: {})", _set(("description",), {})),
    Mutation("blank required text (title: '   ')", _set(("title",), "   ")),
    Mutation("blank language map for a required text", _set(("title",), {"es": " ", "en": ""})),
    Mutation("'yes' for a boolean", _set((*_REQ, "forum_exists"), "yes")),
    Mutation("1 for a boolean", _set((*_REQ, "website_updated"), 1)),
    Mutation("number for a string (phone: 5550100)", _set(("stakeholders", 0, "contact", "phone"), 5550100)),
    Mutation("unknown field at the root ('titel')", _set(("titel",), "Plan")),
    Mutation("unknown field in a milestone ('statut')", _milestone_field("statut", "planned")),
    Mutation("bad plan status ('implementaton')", _set(("status",), "implementaton")),
    Mutation("bad milestone status ('planed')", _milestone_field("status", "planed")),
    Mutation("bad assessment type ('midterm_report')", _set(("assessments", 1, "type"), "midterm_report")),
    Mutation("bad country code ('XX')", _set(("member", "country"), "XX")),
    Mutation("bad language tag ('español')", _set(("language",), "español")),
    Mutation("bad date '2023-02-30' (submitted_on)", _set(("submitted_on",), "2023-02-30")),
    Mutation("bad partial date '2023-02-30' (period start)", _set(("period", "start"), "2023-02-30")),
    Mutation("bad date format '31/01/2023' (endorsement)", _set(("endorsements", 0, "date"), "31/01/2023")),
    Mutation("bad plan id pattern ('plan de acción')", _set(("id",), "plan de acción")),
    Mutation("bad stakeholder id pattern ('gov 1')", _set(("stakeholders", 1, "id"), "gov 1")),
    Mutation("bad URL ('ftp://example.org')", _set(("links", 0, "url"), "ftp://example.org")),
    Mutation("bad e-mail ('contacto(at)example.org')", _set(("stakeholders", 0, "contact", "email"), "contacto(at)example.org")),
    Mutation("missing required field (member.country)", _drop(("member", "country"))),
    Mutation("missing required field (milestone title)", _drop_milestone_title),
    Mutation("null for a required field (membership: null)", _set(("member", "membership"), None)),
    Mutation("null for a required list (commitments: null)", _set(("commitments",), None)),
    Mutation("string for a list (commitments: 'none')", _set(("commitments",), "none")),
    Mutation("string for a list of ids (lead_ids: 'gov-1')", _set(("commitments", 0, "lead_ids"), "gov-1")),
    Mutation("object for a list (stakeholders: {})", _set(("stakeholders",), {})),
    Mutation("unsupported schema_version ('2.0')", _set(("schema_version",), "2.0")),
)  # fmt: skip


def documents(seed: int = 0) -> list[tuple[str, str]]:
    """``(mutation name, JSON text)`` for every mutation of plan 0 of the corpus of *seed*."""
    base = ogpmodel.to_dict(random_plan(seed, 0))
    base["description"] = base.get("description") or "Plan"
    out = []
    for mutation in MUTATIONS:
        document = copy.deepcopy(base)
        mutation.apply(document)
        out.append((mutation.name, json.dumps(document, ensure_ascii=False)))
    return out


class Outcome(NamedTuple):
    """What one decoder did with one invalid document."""

    rejected: bool
    crashed: str | None = None  # the unexpected exception's type, if any


#: A decoder to test: its name, the function, and the exceptions that mean "rejected".
Decoder = tuple[str, Callable[[str], object], tuple[type[BaseException], ...]]


def decoders() -> tuple[list[Decoder], list[str]]:
    """The checking decoders that are installed, and the names of those that are not."""
    found: list[Decoder] = [("ogpmodel.loads", ogpmodel.loads, (ogpmodel.InvalidDocument,))]
    missing = []
    for name, label in (
        ("pydantic", "pydantic model_validate_json"),
        ("msgspec", "msgspec decode"),
    ):
        peer = peers.load(name)
        if peer.decode is None:
            missing.append(label)
        else:
            found.append((label, peer.decode, peer.rejects))
    return found, missing


def rejections(
    texts: Sequence[tuple[str, str]], chosen: Sequence[Decoder]
) -> Mapping[str, list[Outcome]]:
    """For each decoder, the outcome on each document, in order."""
    results: dict[str, list[Outcome]] = {}
    for name, decode, rejects in chosen:
        outcomes = []
        for _, text in texts:
            try:
                decode(text)
            except rejects:
                outcomes.append(Outcome(rejected=True))
            except Exception as error:  # a crash is not a clean rejection: report it
                outcomes.append(Outcome(rejected=True, crashed=type(error).__name__))
            else:
                outcomes.append(Outcome(rejected=False))
        results[name] = outcomes
    return results


def main() -> int:
    """Print the matrix: one row per mutation, one column per decoder."""
    texts = documents()
    chosen, missing = decoders()
    results = rejections(texts, chosen)
    names = [name for name, _, _ in chosen]
    out = sys.stdout
    out.write(f"{'mutation':<52}" + "".join(f"{n[:20]:>22}" for n in names) + "\n")
    for index, (mutation, _) in enumerate(texts):
        cells = []
        for name in names:
            outcome = results[name][index]
            mark = "rejected" if outcome.rejected else "ACCEPTED"
            cells.append(f"{mark if outcome.crashed is None else 'crash ' + outcome.crashed:>22}")
        out.write(f"{mutation:<52}" + "".join(cells) + "\n")
    total = len(texts)
    out.write(
        f"{'rejected':<52}"
        + "".join(f"{sum(o.rejected for o in results[n]):>19}/{total}" for n in names)
        + "\n"
    )
    for label in missing:
        out.write(f"{label}: not installed\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
