r"""
The ``ogpmodel`` command line.

Exit codes: 0 no input has errors, 1 an input has errors, 2 a usage or I/O problem. Every input
is still read and reported when another one fails: a file that cannot be read is one line on
stderr, and the others are checked. Errors are one line on stderr with a hint, never a traceback
(an unexpected failure too: exit code 2).

Output is safe for a terminal: in text, control characters (C0, DEL, C1, so every ANSI escape
and OSC sequence), lone surrogates, bidirectional controls and characters the stream cannot
encode are shown escaped (``\x1b``, ``\u009b``, ``\ud800``); JSON escapes them as JSON does,
so it stays valid JSON on any stream. Colour (the findings, by severity) only on a terminal, and
never when ``NO_COLOR`` is set.

    ogpmodel validate FILE...|- [--format text|json] [--min-severity LEVEL] [--as-of DATE]
                                [--profile local|national] [--lang es]
    ogpmodel summary FILE...
    ogpmodel explain CODE
    ogpmodel rules [--format json]
    ogpmodel codelists [--format json|csv]
    ogpmodel schema [--version V] [--report]
    ogpmodel lifecycle [--entity plan|commitment|milestone] [--format mermaid|json]
    ogpmodel transition FILE --to STATE [--target ID [MILESTONE]] --on DATE [--note TEXT] [-o OUT]
    ogpmodel stats FILE... [--as-of DATE] [--format text|json]
    ogpmodel timeline FILE [--format mermaid|text] [--width N] [--as-of DATE]
    ogpmodel convert SOURCE --from KIND [-o OUT]
    ogpmodel export PLAN... --to KIND -o OUT
    ogpmodel template --to KIND -o OUT
    ogpmodel upgrade FILE [--to VERSION] [-o OUT]
"""

import argparse
import contextlib
import csv
import datetime
import difflib
import inspect
import io
import itertools
import json
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, NamedTuple, NoReturn, cast

from ogpmodel import timeline
from ogpmodel._catalogue import word
from ogpmodel._parsing import JSONProblem, decode, parse
from ogpmodel._patterns import BEYOND_C0, TERMINAL_CONTROLS
from ogpmodel._reading import read_text
from ogpmodel._resources import SCHEMA_VERSION, SUPPORTED_VERSIONS
from ogpmodel._translations import languages
from ogpmodel._version import VERSION
from ogpmodel._versions import upgrade
from ogpmodel.codelists import CODELISTS, COUNTRIES, OPEN_CODELISTS, Code, CodeInfo, Language
from ogpmodel.convert import READERS, TEMPLATES, WRITERS, Conversion, MissingExtra
from ogpmodel.errors import AmbiguousId, InvalidDocument, InvalidValue, TransitionError, UnknownId
from ogpmodel.model import ActionPlan
from ogpmodel.report import Finding, Severity, ValidationReport, format_finding
from ogpmodel.rules import PROFILES, explain, rules
from ogpmodel.schema import schema
from ogpmodel.serialize import to_dict, write_json
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
_UNSAFE = re.compile(f"[{TERMINAL_CONTROLS}]")
#: The same, newlines apart: for text whose lines are ours (help, a summary, an explanation).
_UNSAFE_BUT_NEWLINE = re.compile(f"[\\x00-\\x09\\x0b-\\x1f{BEYOND_C0}]")
#: What JSON output escapes beyond what `json.dumps` does (it escapes C0 controls only).
_UNSAFE_IN_JSON = re.compile(f"[{BEYOND_C0}]")


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


def _is_terminal(stream: object) -> bool:
    """Whether *stream* is a terminal (a stream that cannot tell is not one)."""
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except Exception:  # no isatty, or a closed stream
        return False


#: The colour of each severity (ANSI SGR), for findings on a terminal.
_COLOURS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_RESET = "\x1b[0m"


class _Output:
    """Writes to a stream only what a terminal shows as text and the stream can encode."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.encoding = _encoding(stream)
        #: Colour findings: on a terminal, unless NO_COLOR is set (https://no-color.org).
        self.colour = _is_terminal(stream) and not os.environ.get("NO_COLOR")

    def line(self, text: str) -> None:
        """One line: every control character in *text*, newlines included, is escaped."""
        self.stream.write(_encodable(_visible(text), self.encoding) + "\n")

    def finding(self, finding: Finding, lang: Language, source: str | None = None) -> None:
        """The one text form of *finding* on one line, in its severity's colour on a terminal."""
        text = _encodable(_visible(format_finding(finding, lang, source=source)), self.encoding)
        if self.colour:
            text = f"{_COLOURS[finding.severity]}{text}{_RESET}"
        self.stream.write(text + "\n")

    def text(self, text: str) -> None:
        """Lines that are ours (joined by newlines), then a newline."""
        self.stream.write(_encodable(_visible(text, newlines=True), self.encoding) + "\n")

    def json(self, payload: Any, *, indent: int | None = 2) -> None:
        """JSON text: valid JSON on any stream, with nothing a terminal would act on."""
        text = json.dumps(payload, ensure_ascii=False, indent=indent)
        text = _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
        if _encodable(text, self.encoding) != text:
            text = json.dumps(payload, ensure_ascii=True, indent=indent)
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


class _Progress:
    """
    A count of plans read and of plans with errors, on a terminal only, updated in place.

    Shown from the second plan on (a corpus), at most every *interval* seconds, and ended with
    the final count when a line was shown.
    """

    interval = 0.1

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.enabled = _is_terminal(stream)
        self.plans = self.invalid = 0
        self.shown = False
        self.last = -float("inf")

    def count(self, report: ValidationReport) -> None:
        self.plans += 1
        self.invalid += not report.is_valid
        now = time.monotonic()
        if self.enabled and self.plans > 1 and now - self.last >= self.interval:
            self.last = now
            self._write()

    def _write(self, end: str = "") -> None:
        self.stream.write(f"\r{self.plans:,} plans read, {self.invalid:,} with errors\x1b[K{end}")
        self.stream.flush()
        self.shown = not end

    def clear(self) -> None:
        """Take the line away before other output (it comes back at the next count)."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.shown = False
            self.last = -float("inf")

    def done(self) -> None:
        if self.enabled and self.plans > 1:
            self._write("\n")


# --- the arguments ------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line with a hint (exit code 2)."""

    def error(self, message: str) -> NoReturn:
        msg = f"{message} (see '{self.prog} --help')"
        raise _UsageError(msg)


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        msg = f"expected a date as YYYY-MM-DD, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


class _ShowVersion(argparse.Action):
    """``--version``: print the installed version (read only then) and exit."""

    def __init__(self, option_strings: Sequence[str], dest: str) -> None:
        super().__init__(option_strings, argparse.SUPPRESS, nargs=0, help="show the version")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> NoReturn:
        sys.stdout.write(f"ogpmodel {VERSION}\n")  # the command's stdout (redirected)
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ogpmodel",
        description=(
            f"Read, check, explain and upgrade OGP JSON action plans"
            f" (reads {', '.join(SUPPORTED_VERSIONS)}; writes {SCHEMA_VERSION})."
        ),
        epilog="exit codes: 0 no input has errors, 1 an input has errors, 2 a usage or I/O error",
    )
    parser.add_argument("--version", action=_ShowVersion)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    lang = _Parser(add_help=False)
    lang.add_argument("--lang", choices=languages(), default="en", help="message language")
    checks = _Parser(add_help=False)
    checks.add_argument("--as-of", type=_date, help="check deadlines against this date")
    checks.add_argument("--profile", choices=sorted(PROFILES), help="override the member's profile")

    check = commands.add_parser(
        "validate",
        parents=[lang, checks],
        help="check plans against the schema and every rule",
        description=(
            "Check OGP JSON files ('-' is stdin), one report per plan as it is read. A file that"
            " holds several documents, one per line (JSON Lines) or one after another, is"
            " recognised by its content, whatever its name."
        ),
        epilog=(
            "--min-severity hides findings below that level from the output; the summary counts"
            " and the exit code are those of every finding (an error always gives exit code 1)."
        ),
    )
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text, or json: JSON Lines, one object per plan with file, line and report",
    )
    check.add_argument(
        "--min-severity",
        choices=[s.value for s in Severity],
        default=Severity.INFO.value,
        help="print only findings of this severity or worse (default: info, every finding)",
    )

    summary = commands.add_parser(
        "summary", parents=[lang, checks], help="summarise plans and their findings"
    )
    summary.add_argument("files", nargs="+", metavar="FILE")

    what = commands.add_parser("explain", parents=[lang], help="describe a rule code")
    what.add_argument("code")

    listing = commands.add_parser("rules", parents=[lang], help="list every rule code")
    listing.add_argument("--format", choices=("text", "json"), default="text")

    lists = commands.add_parser(
        "codelists", parents=[lang], help="list every codelist with its codes and titles"
    )
    lists.add_argument("--format", choices=("text", "json", "csv"), default="text")

    dump = commands.add_parser("schema", help="print the OGP JSON JSON Schema")
    dump.add_argument("--report", action="store_true", help="print the validation report schema")
    dump.add_argument(
        "--version",
        choices=SUPPORTED_VERSIONS,
        default=SCHEMA_VERSION,
        dest="schema_version",
        help=f"the OGP JSON version (default {SCHEMA_VERSION})",
    )

    states = commands.add_parser(
        "lifecycle", help="print the lifecycle tables: states and allowed transitions"
    )
    states.add_argument(
        "--entity", choices=("plan", "commitment", "milestone"), help="one table (default: all)"
    )
    states.add_argument("--format", choices=("mermaid", "json"), default="mermaid")

    move = commands.add_parser(
        "transition",
        parents=[lang],
        help="move a plan, a commitment or a milestone to a new state",
        description=(
            "Move the plan (or --target) to STATE on DATE, checking every guard. A refused move"
            " prints the failed guards on stderr (exit code 1); a move made writes the plan."
        ),
    )
    move.add_argument("file", metavar="FILE", help="the plan ('-' is stdin)")
    move.add_argument("--to", required=True, metavar="STATE", help="the new state")
    move.add_argument(
        "--target",
        nargs="+",
        metavar="ID",
        help="a commitment id, a milestone id, or a commitment id then one of its milestone ids"
        " (default: the plan)",
    )
    move.add_argument("--on", type=_date, required=True, help="the day of the move (YYYY-MM-DD)")
    move.add_argument("--note", help="why (needed for withdrawn and cancelled)")
    move.add_argument("-o", "--output", metavar="OUT", help="write here (default: stdout)")

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


# --- reading inputs -----------------------------------------------------------------------------


def _cannot(verb: str, path: str, error: OSError) -> _UsageError:
    """The one-line error of a file that cannot be read or written, with a hint."""
    reason = error.strerror or str(error)
    hint = {
        "read": "check the path; '-' reads standard input",
        "write": "check that the folder exists and can be written to",
    }[verb]
    return _UsageError(f"cannot {verb} {path}: {reason} ({hint})")


def _read_text(path: str, stdin: IO[str]) -> str | bytes:
    """The whole content of *path* (``-``: standard input), as bytes where it can."""
    if path == "-":
        buffer = getattr(stdin, "buffer", None)  # bytes, decoded as a file's are
        return buffer.read() if buffer is not None else stdin.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()  # decoded by the reading pipeline, as `loads` decodes bytes
    except OSError as error:
        raise _cannot("read", path, error) from None


def _lines(path: str, stdin: IO[str]) -> Iterator[bytes]:
    """The lines of *path* (``-``: standard input) as bytes, read one at a time."""
    if path == "-":
        buffer = getattr(stdin, "buffer", None)
        if buffer is None:  # a text stream without bytes (tests, embedding)
            yield from (line.encode("utf-8", "surrogatepass") for line in stdin)
        else:
            yield from buffer
        return
    try:
        with open(path, "rb") as handle:
            yield from handle
    except OSError as error:
        raise _cannot("read", path, error) from None


#: A JSON string, to follow the nesting of a document across lines without its strings.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')


def _brackets(line: bytes) -> tuple[int, int]:
    """How many brackets *line* opens and how many it closes (those in strings apart)."""
    if b'"' in line:
        line = _STRING.sub(b"", line)
    return line.count(b"{") + line.count(b"["), line.count(b"}") + line.count(b"]")


def _documents(lines: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    """
    Yield ``(line, text)`` of each document of an input, holding one document at a time.

    A document ends at the end of the line where its brackets close: one document per line
    (JSON Lines), formatted documents one after another, or a mix. A line without brackets is a
    document by itself, and a line that starts with a bracket while a document is still open
    starts a new one (the open one was cut short, as a broken line of JSON Lines is). The first
    document starts at line 1, with any blank lines before it; an input of blank lines only is
    one (empty) document.
    """
    start, depth, opened, first = 1, 0, False, True
    parts: list[bytes] = []
    for number, line in enumerate(lines, start=1):
        if not parts and not first and not line.strip():
            continue  # blank lines between documents
        if depth > 0 and line[:1] in (b"{", b"["):
            yield start, b"".join(parts)
            parts, depth, opened, first = [], 0, False, False
        if not parts:
            start = 1 if first else number
        parts.append(line)
        opens, closes = _brackets(line)
        depth += opens - closes
        opened = opened or opens > 0
        ended = depth <= 0 if opened else bool(line.strip())  # or a line without brackets
        if ended:
            yield start, b"".join(parts)
            parts, depth, opened, first = [], 0, False, False
    if first or parts:  # an input of blank lines only, or a document left open
        yield start, b"".join(parts)


class _Document(NamedTuple):
    """One document of an input: its file, where it starts, and its text."""

    path: str
    line: int
    text: bytes
    #: How findings name it: the path, with ``:LINE`` when the input holds several documents.
    label: str


def _inputs(path: str, stdin: IO[str]) -> Iterator[_Document]:
    """
    Yield each document of *path*, one at a time (and one more read ahead).

    Raises:
        _UsageError: The file cannot be read (when it is opened, or midway).
    """
    documents = _documents(_lines(path, stdin))
    try:
        ahead = list(itertools.islice(documents, 2))
        several = len(ahead) > 1
        for line, text in itertools.chain(ahead, documents):
            yield _Document(path, line, text, f"{path}:{line}" if several else path)
    except OSError as error:  # a read that fails midway (a file opened fails in _lines)
        raise _cannot("read", path, error) from None


class _Inputs:
    """
    Every document of every path, in order; a path that cannot be read is one line on stderr.

    Attributes:
        failed: Whether a path could not be read (exit code 2, once every path was read).
    """

    def __init__(
        self, paths: Sequence[str], stdin: IO[str], errors: _Output, progress: _Progress
    ) -> None:
        self.paths, self.stdin, self.errors, self.progress = paths, stdin, errors, progress
        self.failed = False

    def __iter__(self) -> Iterator[_Document]:
        for path in self.paths:
            yield from self._documents(path)

    def _documents(self, path: str) -> Iterator[_Document]:
        try:
            yield from _inputs(path, self.stdin)
        except _UsageError as error:
            self.progress.clear()
            self.errors.line(f"ogpmodel: error: {error}")
            self.failed = True

    def exit_code(self, invalid: bool) -> int:
        """2 when a path could not be read, else 1 when an input has errors, else 0."""
        return EXIT_USAGE if self.failed else EXIT_INVALID if invalid else EXIT_VALID


# --- the commands -------------------------------------------------------------------------------

#: The severities at or above each ``--min-severity``.
_AT_LEAST = {
    Severity.INFO.value: frozenset(Severity),
    Severity.WARNING.value: frozenset({Severity.WARNING, Severity.ERROR}),
    Severity.ERROR.value: frozenset({Severity.ERROR}),
}


def _validate(args: argparse.Namespace, stdout: _Output, stderr: _Output, stdin: IO[str]) -> int:
    lang = cast("Language", args.lang)
    shown = _AT_LEAST[args.min_severity]
    progress = _Progress(stderr.stream)
    inputs = _Inputs(args.files, stdin, stderr, progress)
    same_screen = _is_terminal(stdout.stream)
    invalid = False
    for document in inputs:
        report = validate(document.text, as_of=args.as_of, profile=args.profile)
        invalid = invalid or not report.is_valid
        if same_screen:
            progress.clear()
        if args.format == "json":
            data = report.to_dict(lang)
            data["findings"] = [f for f in data["findings"] if f["severity"] in shown]
            stdout.json({"file": document.path, "line": document.line, "report": data}, indent=None)
        else:
            for finding in report.findings:
                if finding.severity in shown:
                    stdout.finding(finding, lang, source=document.label)
            stdout.line(f"{document.label}: {report.summary(lang)}")
        progress.count(report)
    progress.done()
    return inputs.exit_code(invalid)


def _write_json(data: Any, output: str | None, stdout: _Output) -> None:
    """*data* as JSON text on stdout, or written whole (atomically) to the file *output*."""
    if output is None:
        stdout.json(data)
        return
    try:
        write_json(output, data)
    except OSError as error:
        raise _cannot("write", output, error) from None


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
            stdout.finding(finding, lang, source=args.file)
        return EXIT_INVALID
    _write_json(upgraded, args.output, stdout)
    return EXIT_VALID


def _load(converters: Any, name: str) -> Any:
    try:
        return converters[name].load()
    except MissingExtra as error:
        raise _UsageError(str(error)) from None


def _convert(args: argparse.Namespace, stdout: _Output, stderr: _Output) -> int:
    lang = cast("Language", args.lang)
    conversion: Conversion = _load(READERS, args.kind)(args.source)
    for finding in conversion.report.findings:
        stderr.finding(finding, lang, source=args.source)
    stderr.line(f"{args.source}: {conversion.report.summary(lang)}")
    if conversion.plan is None:
        return EXIT_INVALID
    _write_json(to_dict(conversion.plan), args.output, stdout)
    return EXIT_INVALID if conversion.report.errors else EXIT_VALID


def _export(args: argparse.Namespace, stdout: _Output, stderr: _Output, stdin: IO[str]) -> int:
    lang = cast("Language", args.lang)
    write = _load(WRITERS, args.kind)
    inputs = _Inputs(args.plans, stdin, stderr, _Progress(stderr.stream))
    plans, invalid = [], False
    for document in inputs:
        plan, report = read_text(document.text)
        if plan is None:
            invalid = True
            for finding in report.findings:
                stdout.finding(finding, lang, source=document.label)
        else:
            plans.append(plan)
    if invalid or inputs.failed:  # nothing is written from a part of the plans
        return inputs.exit_code(invalid)
    # A writer with words of its own (a workbook's headings) writes them in --lang.
    words = {"lang": lang} if "lang" in inspect.signature(write).parameters else {}
    try:
        write(plans, args.output, **words)
    except OSError as error:
        raise _cannot("write", args.output, error) from None
    return EXIT_VALID


def _template(args: argparse.Namespace) -> int:
    write = _load(TEMPLATES, args.kind)
    try:
        write(args.output, args.lang)
    except OSError as error:
        raise _cannot("write", args.output, error) from None
    return EXIT_VALID


def _summary(args: argparse.Namespace, stdout: _Output, stderr: _Output, stdin: IO[str]) -> int:
    lang = cast("Language", args.lang)
    inputs = _Inputs(args.files, stdin, stderr, _Progress(stderr.stream))
    invalid = False
    for number, document in enumerate(inputs):
        if number:
            stdout.line("")
        plan, report = read_text(document.text)
        if plan is None:
            invalid = True
            for finding in report.findings:
                stdout.finding(finding, lang, source=document.label)
            stdout.line(f"{document.label}: {report.summary(lang)}")
            continue
        report = validate(plan, as_of=args.as_of, profile=args.profile)
        if len(args.files) > 1 or document.label != document.path:
            stdout.line(document.label)
        stdout.text(describe(plan, report, lang))
    # A summary informs: only a document that cannot be read (or a file) fails it.
    return inputs.exit_code(invalid)


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
    except KeyError:
        codes = [r.code for r in rules()]
        near = [repr(code) for code in difflib.get_close_matches(args.code, codes, n=3)]
        if not near:
            msg = f"no rule with code {args.code!r} (see 'ogpmodel rules' for every code)"
        elif len(near) == 1:
            msg = f"no rule with code {args.code!r}; did you mean {near[0]}?"
        else:
            msg = f"no rule with code {args.code!r}; did you mean {', '.join(near[:-1])} or {near[-1]}?"
        raise _UsageError(msg) from None
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


def _codelists() -> Iterator[tuple[str, bool, Iterable[CodeInfo]]]:
    """``(name, open, rows)`` of every codelist: the closed ones, the open ones, countries."""
    for name, enum in CODELISTS.items():
        yield name, False, (code.info() for code in enum)
    for name, codelist in OPEN_CODELISTS.items():
        yield name, True, codelist.codes.values()
    yield "country", False, COUNTRIES.values()


def _codelists_command(args: argparse.Namespace, stdout: _Output) -> int:
    lang = cast("Language", args.lang)
    lists = [
        (name, is_open, [(r.code, r.title(lang), r.description(lang)) for r in rows])
        for name, is_open, rows in _codelists()
    ]
    if args.format == "json":
        stdout.json(
            [
                {
                    "codelist": name,
                    "open": is_open,
                    "codes": [{"code": c, "title": t, "description": d} for c, t, d in rows],
                }
                for name, is_open, rows in lists
            ]
        )
    elif args.format == "csv":
        buffer = io.StringIO()
        table = csv.writer(buffer, lineterminator="\n")
        table.writerow(["codelist", "open", "code", "title", "description"])
        for name, is_open, rows in lists:
            table.writerows([name, "yes" if is_open else "no", *row] for row in rows)
        stdout.text(buffer.getvalue().removesuffix("\n"))
    else:
        for name, is_open, rows in lists:
            stdout.line(f"{name}{' (open: any code is accepted)' if is_open else ''}")
            for code, title, _ in rows:
                stdout.line(f"  {code:40} {title}")
    return EXIT_VALID


def _lifecycle(args: argparse.Namespace, stdout: _Output) -> int:
    from ogpmodel.lifecycle import TABLES, mermaid, tables_json

    kinds = [args.entity] if args.entity else list(TABLES)
    if args.format == "json":
        tables = tables_json()
        stdout.json(tables[args.entity] if args.entity else tables)
    else:
        diagrams = [
            mermaid(kind) if args.entity else f"%% {kind}\n{mermaid(kind)}" for kind in kinds
        ]
        stdout.text("\n".join(diagrams).removesuffix("\n"))
    return EXIT_VALID


def _transition(args: argparse.Namespace, stdout: _Output, stderr: _Output, stdin: IO[str]) -> int:
    from ogpmodel.lifecycle import transition

    lang = cast("Language", args.lang)
    target: str | tuple[str, str] | None = None
    if args.target is not None:
        if len(args.target) > 2:
            msg = "--target takes a commitment id, a milestone id, or a commitment id then a milestone id"
            raise _UsageError(f"{msg} (see 'ogpmodel transition --help')")
        target = args.target[0] if len(args.target) == 1 else (args.target[0], args.target[1])
    plan, report = read_text(_read_text(args.file, stdin))
    if plan is None:
        for finding in report.findings:
            stderr.finding(finding, lang, source=args.file)
        stderr.line(f"{args.file}: {report.summary(lang)}")
        return EXIT_INVALID
    try:
        moved = transition(plan, args.to, on=args.on, target=target, note=args.note)
    except TransitionError as refusal:
        for finding in refusal.findings:
            stderr.finding(finding, lang, source=args.file)
        stderr.line(f"{args.file}: the move is refused: {len(refusal.findings)} failed guard(s)")
        return EXIT_INVALID
    except AmbiguousId as error:
        owners = " or ".join(f"--target {owner} {error.id}" for owner in error.owners)
        msg = (
            f"{len(error.owners)} commitments have a milestone with id {error.id!r}: pass {owners}"
        )
        raise _UsageError(msg) from None
    except UnknownId as error:
        msg = f"{error} in {args.file} (see 'ogpmodel summary {args.file}' for its ids)"
        raise _UsageError(msg) from None
    except InvalidValue as error:
        to = f"--to must be {error.expected}, got {error.value!r}"
        raise _UsageError(to if error.field == "to" else str(error)) from None
    _write_json(to_dict(moved), args.output, stdout)
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
    inputs = _Inputs(args.files, stdin, stderr, _Progress(stderr.stream))
    invalid = False

    def plans() -> Iterator[ActionPlan]:
        nonlocal invalid
        for document in inputs:
            plan, report = read_text(document.text)
            if plan is None:
                invalid = True
                first = format_finding(report.findings[0], lang, source=document.label)
                stderr.line(f"{first} ({report.summary(lang)})")
            else:
                yield plan

    counted = stats(plans(), as_of=args.as_of)
    if args.format == "json":
        stdout.json(counted.to_dict())
    else:
        stdout.text(counted.to_text(lang))
    return inputs.exit_code(invalid)


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
        return _run(argv, _Output(stdout), stdin, errors)
    except _UsageError as error:
        message = str(error)
    except BrokenPipeError:  # the reader of stdout went away (`| head`): nothing more to say
        return EXIT_USAGE
    except Exception as error:  # the command line never shows a traceback
        message = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    with contextlib.suppress(Exception):  # a stderr that cannot be written to: nothing to say
        errors.line(f"ogpmodel: error: {message}")
    return EXIT_USAGE


def _run(argv: Sequence[str], stdout: _Output, stdin: IO[str], stderr: _Output) -> int:
    parser = _parser()
    try:
        # argparse prints usage and help to the process streams: send them to ours, made safe.
        safe_out = cast("IO[str]", _SafeStream(stdout.stream))
        safe_err = cast("IO[str]", _SafeStream(stderr.stream))
        with contextlib.redirect_stdout(safe_out), contextlib.redirect_stderr(safe_err):
            args = parser.parse_args(list(argv))
    except SystemExit as exit_:  # --help and --version
        return EXIT_VALID if exit_.code == 0 else EXIT_USAGE
    command = args.command
    if command == "validate":
        return _validate(args, stdout, stderr, stdin)
    if command == "summary":
        return _summary(args, stdout, stderr, stdin)
    if command == "explain":
        return _explain(args, stdout)
    if command == "rules":
        return _rules(args, stdout)
    if command == "codelists":
        return _codelists_command(args, stdout)
    if command == "lifecycle":
        return _lifecycle(args, stdout)
    if command == "transition":
        return _transition(args, stdout, stderr, stdin)
    if command == "upgrade":
        return _upgrade(args, stdout, stdin)
    if command == "convert":
        return _convert(args, stdout, stderr)
    if command == "export":
        return _export(args, stdout, stderr, stdin)
    if command == "template":
        return _template(args)
    if command == "stats":
        return _stats(args, stdout, stderr, stdin)
    if command == "timeline":
        return _timeline(args, stdout, stderr, stdin)
    stdout.json(schema("report" if args.report else "action-plan", args.schema_version))
    return EXIT_VALID


def main(argv: Sequence[str] | None = None) -> int:
    """The console entry point."""
    code = run(
        sys.argv[1:] if argv is None else argv,
        stdout=sys.stdout,
        stderr=sys.stderr,
        stdin=sys.stdin,
    )
    with contextlib.suppress(BrokenPipeError):
        sys.stdout.flush()
        return code
    # Python flushes stdout again at exit: point it at nothing, so that no error is printed.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_USAGE
