"""
The ``ogpmodel`` command line.

Exit codes: 0 the input is valid (no errors), 1 it has errors, 2 a usage or I/O problem. Errors
are one line on stderr, never a traceback.

    ogpmodel validate PLAN.json [--as-of 2024-01-31] [--profile local] [--lang es] [--format json]
    ogpmodel summary PLAN.json [--lang es]
    ogpmodel explain CODE [--lang es]
    ogpmodel rules [--lang es] [--format json]
    ogpmodel schema [--report]
"""

import argparse
import contextlib
import datetime
import json
import sys
from collections.abc import Iterator, Sequence
from typing import IO, cast

from ogpmodel._catalogue import word
from ogpmodel._reading import read_text
from ogpmodel.codelists import Language
from ogpmodel.model import ActionPlan
from ogpmodel.report import ValidationReport, format_finding
from ogpmodel.rules import PROFILES, explain, rules
from ogpmodel.schema import schema
from ogpmodel.validation import validate
from ogpmodel.values import Text

__all__ = ["describe", "main", "run"]


def __dir__() -> list[str]:
    return sorted(__all__)


EXIT_VALID, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _UsageError(Exception):
    """A problem with the command line or the files it names (exit code 2)."""


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        msg = f"expected a date as YYYY-MM-DD, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ogpmodel", description="Read, check and explain OGP JSON 1.0 action plans."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=("en", "es"), default="en", help="message language")

    check = commands.add_parser(
        "validate",
        parents=[lang],
        help="check plans against the schema and every rule",
        description="Check OGP JSON files (a .jsonl file holds one plan per line; '-' is stdin).",
    )
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--as-of", type=_date, help="check deadlines against this date (YYYY-MM-DD)")
    check.add_argument("--profile", choices=sorted(PROFILES), help="override the member's profile")
    check.add_argument("--format", choices=("text", "json"), default="text")

    summary = commands.add_parser(
        "summary", parents=[lang], help="summarise a plan and its findings"
    )
    summary.add_argument("file", metavar="FILE")
    summary.add_argument("--as-of", type=_date, help="check deadlines against this date")

    what = commands.add_parser("explain", parents=[lang], help="describe a rule code")
    what.add_argument("code")

    listing = commands.add_parser("rules", parents=[lang], help="list every rule code")
    listing.add_argument("--format", choices=("text", "json"), default="text")

    dump = commands.add_parser("schema", help="print the OGP JSON 1.0 JSON Schema")
    dump.add_argument("--report", action="store_true", help="print the validation report schema")
    return parser


def _read_text(path: str, stdin: IO[str]) -> str | bytes:
    if path == "-":
        return stdin.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()  # decoded by the reading pipeline, as `loads` decodes bytes
    except OSError as error:
        msg = f"cannot read {path}: {error.strerror or error}"
        raise _UsageError(msg) from None


def _documents(path: str, stdin: IO[str]) -> Iterator[tuple[str, str | bytes]]:
    """Yield ``(label, text)``: one document, or one per non-blank line of a .jsonl file."""
    text = _read_text(path, stdin)
    if path.endswith(".jsonl"):
        data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
        for number, line in enumerate(data.splitlines(), start=1):
            if line.strip():
                yield f"{path}:{number}", line
    else:
        yield path, text


def _validate(args: argparse.Namespace, stdout: IO[str], stdin: IO[str]) -> int:
    lang = cast("Language", args.lang)
    worst = EXIT_VALID
    results = []
    for path in args.files:
        for label, text in _documents(path, stdin):
            report = validate(text, as_of=args.as_of, profile=args.profile)
            if not report.is_valid:
                worst = EXIT_INVALID
            results.append((label, report))
    if args.format == "json":
        payload = [{"file": label, "report": report.to_dict(lang)} for label, report in results]
        stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        for label, report in results:
            for finding in report.findings:
                stdout.write(format_finding(finding, lang, source=label) + "\n")
            stdout.write(f"{label}: {report.summary(lang)}\n")
    return worst


def _summary(args: argparse.Namespace, stdout: IO[str], stdin: IO[str]) -> int:
    lang = cast("Language", args.lang)
    plan, report = read_text(_read_text(args.file, stdin))
    if plan is None:
        stdout.write(report.to_text(lang) + "\n")
        return EXIT_INVALID
    report = validate(plan, as_of=args.as_of)
    stdout.write(describe(plan, report, lang) + "\n")
    return EXIT_VALID  # a summary informs; `validate` is the command that judges


def describe(plan: ActionPlan, report: ValidationReport, lang: Language = "en") -> str:
    """A short human summary of a plan and its report."""

    def text(value: object) -> str:
        if isinstance(value, Text):
            return value.get(lang, default_language=plan.language) or str(value)
        return str(value)

    period = f"{plan.period.start or '?'} .. {plan.period.end or '?'}"
    milestones = sum(1 for _ in plan.iter_milestones())
    lines = [
        text(plan.title),
        f"  {word('member', lang)}: {text(plan.member.name)} ({plan.member.membership.label(lang)}, {plan.member.country})",
        f"  {word('period', lang)}: {period}",
        f"  {word('status', lang)}: {plan.status.label(lang)}",
        f"  {word('commitments', lang)}: {len(plan.commitments)}, "
        f"{word('milestones', lang)}: {milestones}, "
        f"{word('stakeholders', lang)}: {len(plan.stakeholders)}",
    ]
    lines.extend(f"    {c.id}  {text(c.title)}  [{c.status.label(lang)}]" for c in plan.commitments)
    lines.append(f"  {word('findings', lang)}: {report.summary(lang)}")
    lines.extend(f"    {format_finding(f, lang)}" for f in report.findings)
    return "\n".join(lines)


def _explain(args: argparse.Namespace, stdout: IO[str]) -> int:
    try:
        stdout.write(explain(args.code, cast("Language", args.lang)) + "\n")
    except KeyError as error:
        raise _UsageError(str(error.args[0])) from None
    return EXIT_VALID


def _rules(args: argparse.Namespace, stdout: IO[str]) -> int:
    lang = cast("Language", args.lang)
    if args.format == "json":
        payload = [
            {
                "code": r.code,
                "severity": r.severity.value,
                "stage_dependent": r.stage_dependent,
                "family": r.family,
                "source": r.source,
                "title": r.title[lang],
                "message": r.messages[lang],
            }
            for r in rules()
        ]
        stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        for r in rules():
            severity = "S" if r.stage_dependent else r.severity.value
            stdout.write(f"{r.code:50} {severity:8} {r.title[lang]}\n")
    return EXIT_VALID


def run(argv: Sequence[str], *, stdout: IO[str], stderr: IO[str], stdin: IO[str]) -> int:
    """Run the command line *argv* (without the program name); return the exit code."""
    parser = _parser()
    try:
        # argparse prints usage and help to the process streams: send them to ours.
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            args = parser.parse_args(list(argv))
    except SystemExit as exit_:
        return EXIT_VALID if exit_.code == 0 else EXIT_USAGE
    try:
        if args.command == "validate":
            return _validate(args, stdout, stdin)
        if args.command == "summary":
            return _summary(args, stdout, stdin)
        if args.command == "explain":
            return _explain(args, stdout)
        if args.command == "rules":
            return _rules(args, stdout)
        name = "report" if args.report else "action-plan"
        stdout.write(json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n")
    except _UsageError as error:
        stderr.write(f"ogpmodel: error: {error}\n")
        return EXIT_USAGE
    return EXIT_VALID


def main(argv: Sequence[str] | None = None) -> int:
    """The console entry point."""
    return run(
        sys.argv[1:] if argv is None else argv,
        stdout=sys.stdout,
        stderr=sys.stderr,
        stdin=sys.stdin,
    )
