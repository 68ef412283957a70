r"""
The ``ogpmodel`` command line.

Exit codes: 0 the input is valid (no errors), 1 it has errors, 2 a usage or I/O problem. Errors
are one line on stderr, never a traceback (an unexpected failure too: exit code 2).

Output is safe for a terminal: in text, control characters (C0, DEL, C1, so every ANSI escape
and OSC sequence), lone surrogates, bidirectional controls and characters the stream cannot
encode are shown escaped (``\x1b``, ``\u009b``, ``\ud800``); JSON escapes them as JSON does,
so it stays valid JSON on any stream.

    ogpmodel validate PLAN.json [--as-of 2024-01-31] [--profile local] [--lang es] [--format json]
    ogpmodel summary PLAN.json [--lang es]
    ogpmodel explain CODE [--lang es]
    ogpmodel rules [--lang es] [--format json]
    ogpmodel schema [--report]
    ogpmodel stats PLAN.json PLANS.jsonl [--as-of 2024-01-31] [--format json] [--lang es]
    ogpmodel timeline PLAN.json [--format text] [--width 100] [--as-of 2024-01-31]
"""

import argparse
import contextlib
import datetime
import importlib.metadata
import inspect
import json
import re
import sys
from collections.abc import Iterator, Sequence
from typing import IO, Any, cast

from ogpmodel import timeline
from ogpmodel._catalogue import word
from ogpmodel._parsing import JSONProblem, decode, parse
from ogpmodel._reading import read_text
from ogpmodel._resources import SCHEMA_VERSION, SUPPORTED_VERSIONS
from ogpmodel._versions import upgrade
from ogpmodel.codelists import Code, Language
from ogpmodel.convert import READERS, TEMPLATES, WRITERS, Conversion, MissingExtra
from ogpmodel.errors import InvalidDocument
from ogpmodel.model import ActionPlan
from ogpmodel.report import ValidationReport, format_finding
from ogpmodel.rules import PROFILES, explain, rules
from ogpmodel.schema import schema
from ogpmodel.serialize import _utf8, to_dict, write_atomically
from ogpmodel.stats import stats
from ogpmodel.validation import validate
from ogpmodel.values import Text

__all__ = ["describe", "main", "run"]


def __dir__() -> list[str]:
    return sorted(__all__)


EXIT_VALID, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _UsageError(Exception):
    """A problem with the command line or the files it names (exit code 2)."""


# --- output safe for a terminal -----------------------------------------------------------------

#: What text output never writes raw: C0 controls (newline included: a line is one line), DEL,
#: C1 controls, lone surrogates, the line and paragraph separators and bidirectional controls.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: The same, newlines apart: for text whose lines are ours (help, a summary, an explanation).
_UNSAFE_BUT_NEWLINE = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
#: What JSON output escapes beyond what `json.dumps` does (it escapes C0 controls only).
_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(char: str) -> str:
    r"""One character as a visible escape: ``\x1b``, ``\u009b``, ``\U0001f600``."""
    code = ord(char)
    if code < 0x80:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _visible(text: str, *, newlines: bool = False) -> str:
    """*text* with every unsafe character escaped (newlines kept when *newlines*)."""
    unsafe = _UNSAFE_BUT_NEWLINE if newlines else _UNSAFE
    return unsafe.sub(lambda match: _escape(match.group()), text)


def _encoding(stream: object) -> str:
    return getattr(stream, "encoding", None) or "utf-8"


def _encodable(text: str, encoding: str) -> str:
    """*text* with the characters that *encoding* cannot encode escaped."""
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return "".join(_encodable_char(char, encoding) for char in text)
    except LookupError:  # an encoding Python does not know: keep the text as it is
        return text
    return text


def _encodable_char(char: str, encoding: str) -> str:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return _escape(char)
    return char


class _Output:
    """Writes to a stream only what a terminal shows as text and the stream can encode."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.encoding = _encoding(stream)

    def line(self, text: str) -> None:
        """One line: every control character in *text*, newlines included, is escaped."""
        self.stream.write(_encodable(_visible(text), self.encoding) + "\n")

    def text(self, text: str) -> None:
        """Lines that are ours (joined by newlines), then a newline."""
        self.stream.write(_encodable(_visible(text, newlines=True), self.encoding) + "\n")

    def json(self, payload: Any) -> None:
        """JSON text: valid JSON on any stream, with nothing a terminal would act on."""
        text = json.dumps(payload, ensure_ascii=False, indent=2)
        text = _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
        if _encodable(text, self.encoding) != text:
            text = json.dumps(payload, ensure_ascii=True, indent=2)
        self.stream.write(text + "\n")


class _SafeStream:
    """A text stream for argparse (usage, help, its errors): what it writes is made safe."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.encoding = _encoding(stream)

    def write(self, text: str) -> int:
        return self.stream.write(_encodable(_visible(text, newlines=True), self.encoding))

    def flush(self) -> None:
        self.stream.flush()


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        msg = f"expected a date as YYYY-MM-DD, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _version() -> str:
    """The installed version of ogpmodel (``unknown`` when it is not installed)."""
    try:
        return importlib.metadata.version("ogpmodel")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ogpmodel",
        description=(
            f"Read, check, explain and upgrade OGP JSON action plans"
            f" (reads {', '.join(SUPPORTED_VERSIONS)}; writes {SCHEMA_VERSION})."
        ),
    )
    parser.add_argument("--version", action="version", version=f"ogpmodel {_version()}")
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

    dump = commands.add_parser("schema", help="print the OGP JSON JSON Schema")
    dump.add_argument("--report", action="store_true", help="print the validation report schema")
    dump.add_argument(
        "--version",
        choices=SUPPORTED_VERSIONS,
        default=SCHEMA_VERSION,
        dest="schema_version",
        help=f"the OGP JSON version (default {SCHEMA_VERSION})",
    )

    convert = commands.add_parser(
        "convert",
        parents=[lang],
        help="convert a tracker or a workbook into OGP JSON",
        description=(
            "Convert a source into OGP JSON. What the converter met in the source is printed to"
            " stderr, each line naming its record; the plan goes to stdout or OUT."
        ),
        epilog="kinds: " + "; ".join(f"{name}: {c.help}" for name, c in READERS.items()),
    )
    convert.add_argument("source", metavar="SOURCE", help="the file or folder to convert")
    convert.add_argument("--from", dest="kind", required=True, choices=sorted(READERS))
    convert.add_argument("-o", "--output", metavar="OUT", help="write here (default: stdout)")

    export = commands.add_parser(
        "export",
        parents=[lang],
        help="export plans to a workbook, CSV files or a SQLite database",
        epilog="kinds: " + "; ".join(f"{name}: {c.help}" for name, c in WRITERS.items()),
    )
    export.add_argument("plans", nargs="+", metavar="PLAN", help="OGP JSON files")
    export.add_argument("--to", dest="kind", required=True, choices=sorted(WRITERS))
    export.add_argument("-o", "--output", metavar="OUT", required=True, help="the file or folder")

    template = commands.add_parser(
        "template",
        parents=[lang],
        help="write an empty workbook to fill in, with instructions and drop-downs",
    )
    template.add_argument("--to", dest="kind", required=True, choices=sorted(TEMPLATES))
    template.add_argument("-o", "--output", metavar="OUT", required=True, help="the file")

    lift = commands.add_parser(
        "upgrade",
        parents=[lang],
        help=f"upgrade a document to OGP JSON {SCHEMA_VERSION}",
        description=(
            "Upgrade an OGP JSON document of an earlier version, losslessly; the content is not"
            " checked (run validate on the result)."
        ),
    )
    lift.add_argument("file", metavar="FILE", help="the document ('-' is stdin)")
    lift.add_argument("-o", "--output", metavar="OUT", help="write here (default: stdout)")
    lift.add_argument(
        "--to", choices=SUPPORTED_VERSIONS, default=SCHEMA_VERSION, help="the version to reach"
    )
    _add_stats_and_timeline(commands, lang)
    return parser


def _read_text(path: str, stdin: IO[str]) -> str | bytes:
    if path == "-":
        buffer = getattr(stdin, "buffer", None)  # bytes, decoded as a file's are
        return buffer.read() if buffer is not None else stdin.read()
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


def _validate(args: argparse.Namespace, stdout: _Output, stdin: IO[str]) -> int:
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
        stdout.json(payload)
    else:
        for label, report in results:
            for finding in report.findings:
                stdout.line(format_finding(finding, lang, source=label))
            stdout.line(f"{label}: {report.summary(lang)}")
    return worst


def _upgrade(args: argparse.Namespace, stdout: _Output, stdin: IO[str]) -> int:
    lang = cast("Language", args.lang)
    text = _read_text(args.file, stdin)
    try:
        data = parse(decode(text) if isinstance(text, bytes) else text)
        upgraded = upgrade(data, to=args.to)
    except (JSONProblem, InvalidDocument) as problem:
        report = (
            ValidationReport([problem.finding])
            if isinstance(problem, JSONProblem)
            else problem.report
        )
        for finding in report.findings:
            stdout.line(format_finding(finding, lang, source=args.file))
        return EXIT_INVALID
    _write_json(upgraded, args.output, stdout)
    return EXIT_VALID


def _load(converters: Any, name: str) -> Any:
    try:
        return converters[name].load()
    except MissingExtra as error:
        raise _UsageError(str(error)) from None


def _write_json(data: Any, output: str | None, stdout: _Output) -> None:
    """*data* as JSON text on stdout, or written whole to the file *output*."""
    if output is None:
        stdout.json(data)
        return
    content = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if not _utf8(content):  # a lone surrogate of the input: keep it as a JSON escape
        content = json.dumps(data, ensure_ascii=True, indent=2) + "\n"
    try:
        write_atomically(output, content)
    except OSError as error:
        msg = f"cannot write {output}: {error.strerror or error}"
        raise _UsageError(msg) from None


def _convert(args: argparse.Namespace, stdout: _Output, stderr: _Output) -> int:
    lang = cast("Language", args.lang)
    conversion: Conversion = _load(READERS, args.kind)(args.source)
    for finding in conversion.report.findings:
        stderr.line(format_finding(finding, lang, source=args.source))
    stderr.line(f"{args.source}: {conversion.report.summary(lang)}")
    if conversion.plan is None:
        return EXIT_INVALID
    _write_json(to_dict(conversion.plan), args.output, stdout)
    return EXIT_INVALID if conversion.report.errors else EXIT_VALID


def _export(args: argparse.Namespace, stdout: _Output, stdin: IO[str]) -> int:
    lang = cast("Language", args.lang)
    write = _load(WRITERS, args.kind)
    plans = []
    for path in args.plans:
        plan, report = read_text(_read_text(path, stdin))
        if plan is None:
            for finding in report.findings:
                stdout.line(format_finding(finding, lang, source=path))
            return EXIT_INVALID
        plans.append(plan)
    # A writer with words of its own (a workbook's headings) writes them in --lang.
    words = {"lang": lang} if "lang" in inspect.signature(write).parameters else {}
    try:
        write(plans, args.output, **words)
    except OSError as error:
        msg = f"cannot write {args.output}: {error.strerror or error}"
        raise _UsageError(msg) from None
    return EXIT_VALID


def _template(args: argparse.Namespace) -> int:
    write = _load(TEMPLATES, args.kind)
    try:
        write(args.output, args.lang)
    except OSError as error:
        msg = f"cannot write {args.output}: {error.strerror or error}"
        raise _UsageError(msg) from None
    return EXIT_VALID


def _summary(args: argparse.Namespace, stdout: _Output, stdin: IO[str]) -> int:
    lang = cast("Language", args.lang)
    plan, report = read_text(_read_text(args.file, stdin))
    if plan is None:
        for finding in report.findings:
            stdout.line(format_finding(finding, lang))
        stdout.line(report.summary(lang))
        return EXIT_INVALID
    report = validate(plan, as_of=args.as_of)
    stdout.text(describe(plan, report, lang))
    return EXIT_VALID  # a summary informs; `validate` is the command that judges


def _status(status: Code | None, lang: Language) -> str:
    return word("unrecorded", lang) if status is None else status.label(lang)


def describe(plan: ActionPlan, report: ValidationReport, lang: Language = "en") -> str:
    r"""
    A short human summary of a plan and its report, safe to print on a terminal.

    Each line is one line: control characters (ANSI escapes included), lone surrogates and
    bidirectional controls in the plan's text are shown escaped (``\x1b``).
    """

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
        f"  {word('status', lang)}: {_status(plan.status, lang)}",
        f"  {word('commitments', lang)}: {len(plan.commitments)}, "
        f"{word('milestones', lang)}: {milestones}, "
        f"{word('stakeholders', lang)}: {len(plan.stakeholders)}",
    ]
    lines.extend(
        f"    {c.id}  {text(c.title)}  [{_status(c.status, lang)}]" for c in plan.commitments
    )
    lines.append(f"  {word('findings', lang)}: {report.summary(lang)}")
    lines.extend(f"    {format_finding(f, lang)}" for f in report.findings)
    return "\n".join(_visible(line) for line in lines)


def _explain(args: argparse.Namespace, stdout: _Output) -> int:
    try:
        stdout.text(explain(args.code, cast("Language", args.lang)))
    except KeyError as error:
        raise _UsageError(str(error.args[0])) from None
    return EXIT_VALID


def _rules(args: argparse.Namespace, stdout: _Output) -> int:
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
        stdout.json(payload)
    else:
        for r in rules():
            severity = "S" if r.stage_dependent else r.severity.value
            stdout.line(f"{r.code:50} {severity:8} {r.title[lang]}")
    return EXIT_VALID


# --- stats and timeline ---------------------------------------------------------------------------


def _width(text: str) -> int:
    try:
        width = int(text)
    except ValueError:
        width = 0
    if width < timeline.MIN_WIDTH:
        msg = f"expected a number of columns of at least {timeline.MIN_WIDTH}, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return width


def _add_stats_and_timeline(commands: Any, lang: argparse.ArgumentParser) -> None:
    counts = commands.add_parser(
        "stats",
        parents=[lang],
        help="count commitments and milestones over plans",
        description=(
            "Count commitments by status, OGP value and latest completion, and milestones"
            " completed and overdue, over every plan of the files (a .jsonl file holds one plan"
            " per line; '-' is stdin). A plan that cannot be read is reported on stderr and"
            " left out of the counts (exit 1); a file that cannot be opened too (exit 2)."
        ),
    )
    counts.add_argument("files", nargs="+", metavar="FILE")
    counts.add_argument("--as-of", type=_date, help="count milestones overdue on this date")
    counts.add_argument("--format", choices=("text", "json"), default="text")

    chart = commands.add_parser(
        "timeline",
        help="draw a plan's commitments and milestones over time",
        description="A Gantt chart of a plan: Mermaid source, or text for a terminal.",
    )
    chart.add_argument("file", metavar="FILE", help="the plan ('-' is stdin)")
    chart.add_argument("--format", choices=("mermaid", "text"), default="mermaid")
    chart.add_argument("--as-of", type=_date, help="mark milestones overdue on this date")
    chart.add_argument("--width", type=_width, default=80, help="columns of text (default 80)")


def _stats(args: argparse.Namespace, stdout: _Output, stderr: _Output, stdin: IO[str]) -> int:
    lang = cast("Language", args.lang)
    worst = EXIT_VALID

    def plans_of(path: str) -> Iterator[ActionPlan]:
        nonlocal worst
        try:
            for label, text in _documents(path, stdin):
                plan, report = read_text(text)
                if plan is None:
                    worst = max(worst, EXIT_INVALID)
                    first = format_finding(report.findings[0], lang, source=label)
                    stderr.line(f"{first} ({report.summary(lang)})")
                else:
                    yield plan
        except _UsageError as error:
            worst = EXIT_USAGE
            stderr.line(f"ogpmodel: error: {error}")

    plans = (plan for path in args.files for plan in plans_of(path))
    counted = stats(plans, as_of=args.as_of)
    if args.format == "json":
        stdout.json(counted.to_dict())
    else:
        stdout.text(counted.to_text(lang))
    return worst


def _timeline(args: argparse.Namespace, stdout: _Output, stderr: _Output, stdin: IO[str]) -> int:
    plan, report = read_text(_read_text(args.file, stdin))
    if plan is None:
        for finding in report.findings:
            stderr.line(format_finding(finding, source=args.file))
        return EXIT_INVALID
    if args.format == "text":
        chart = timeline.text(plan, width=args.width, as_of=args.as_of)
    else:
        chart = timeline.mermaid(plan, as_of=args.as_of)
    stdout.text(chart.rstrip("\n"))
    return EXIT_VALID


# --- running -------------------------------------------------------------------------------------


def run(argv: Sequence[str], *, stdout: IO[str], stderr: IO[str], stdin: IO[str]) -> int:
    """
    Run the command line *argv* (without the program name); return the exit code.

    Nothing is raised: a failure, expected or not, is one line on *stderr* and exit code 2.
    """
    errors = _Output(stderr)
    try:
        return _run(argv, _Output(stdout), stdin, stderr)
    except _UsageError as error:
        message = str(error)
    except Exception as error:  # the command line never shows a traceback
        message = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    with contextlib.suppress(Exception):  # a stderr that cannot be written to: nothing to say
        errors.line(f"ogpmodel: error: {message}")
    return EXIT_USAGE


def _run(argv: Sequence[str], stdout: _Output, stdin: IO[str], stderr: IO[str]) -> int:
    parser = _parser()
    try:
        # argparse prints usage and help to the process streams: send them to ours, made safe.
        safe_out = cast("IO[str]", _SafeStream(stdout.stream))
        safe_err = cast("IO[str]", _SafeStream(stderr))
        with contextlib.redirect_stdout(safe_out), contextlib.redirect_stderr(safe_err):
            args = parser.parse_args(list(argv))
    except SystemExit as exit_:
        return EXIT_VALID if exit_.code == 0 else EXIT_USAGE
    if args.command == "validate":
        return _validate(args, stdout, stdin)
    if args.command == "summary":
        return _summary(args, stdout, stdin)
    if args.command == "explain":
        return _explain(args, stdout)
    if args.command == "rules":
        return _rules(args, stdout)
    if args.command == "upgrade":
        return _upgrade(args, stdout, stdin)
    if args.command == "convert":
        return _convert(args, stdout, _Output(stderr))
    if args.command == "export":
        return _export(args, stdout, stdin)
    if args.command == "template":
        return _template(args)
    if args.command in ("stats", "timeline"):
        handler = _stats if args.command == "stats" else _timeline
        return handler(args, stdout, _Output(stderr), stdin)
    stdout.json(schema("report" if args.report else "action-plan", args.schema_version))
    return EXIT_VALID


def main(argv: Sequence[str] | None = None) -> int:
    """The console entry point."""
    return run(
        sys.argv[1:] if argv is None else argv,
        stdout=sys.stdout,
        stderr=sys.stderr,
        stdin=sys.stdin,
    )
