"""
``make bench``: ogpmodel against its peers, interleaved, in one table.

Run ``python -m benchmarks [--plans N] [--rounds R] [--seed S] [--full]``. Every comparison is a
group of competitors timed round-robin in this one process (`benchmarks.harness`): a row gives
the subject's and the baseline's medians with their spread (interquartile range over median),
and the median of the per-round ratios subject / baseline with its interquartile range.

Sections (each a few rows of the table):

- **corpus**: per plan of a seeded corpus (`benchmarks.corpus`, 200 plans by default):
  ``loads`` against ``json.loads``, ``orjson.loads``, pydantic ``model_validate_json`` and
  msgspec ``decode``; ``dumps`` against ``json.dumps``, ``orjson.dumps``, pydantic
  ``model_dump_json`` and msgspec ``encode``; ``validate(plan)`` against ``loads``.
- **report**: the full report on a document with 1, 1,000 and 100,000 (more rounds with ``--full``)
  bad codelist values against loading the same document with valid codes; the text of a report
  of 1,000 findings in each translated language against the same text in English.
- **startup**: ``import attrs``, ``import ogpmodel`` (which loads each name on first use),
  ``from ogpmodel import loads`` (the model), ``ogpmodel --version`` and
  ``ogpmodel validate FILE`` against ``python -c pass`` (subprocesses).
- **scaling**: the 10x corpus against the 1x corpus (load, dump, validate; ratio near 10 is
  linear), and one plan 10x larger than another (validate, dumps, loads, the slow path).
- **memory**: what the loaded objects hold (``tracemalloc``) against the same documents as
  dicts, for ogpmodel, pydantic and msgspec; ``iter_load``'s peak for N and 10N plans.
- **strictness**: how many of a fixed list of invalid documents (`benchmarks.strictness`)
  each checking decoder rejects.
- **import**: converting each real tracker that the tests keep (`tests/fixtures/sources/`: the
  U.S. 5th plan tracker's pages and its JSON form, Canada's 5th plan definition in YAML) against
  ``loads`` of the OGP JSON of the plan it converts into.
- **spreadsheets**: a plan of 50 commitments through a workbook (`write_xlsx` then
  `read_xlsx`), a CSV folder and a SQLite database, against ``dumps`` then ``loads`` of the
  same plan.
- **cli**: the peak resident memory of ``ogpmodel validate --format json`` (a process of its
  own, measured by `os.wait4` from a small parent) on the corpus of N plans and of 10N plans: a ratio near 1 is memory bounded
  by the largest plan, whatever the number of plans.

A peer that is not installed shows "not installed". Corpora are cached in
``benchmarks/.cache/`` (ignored by git).
"""

import argparse
import compileall
import functools
import gc
import hashlib
import importlib.metadata
import json
import os
import pathlib
import platform
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

import ogpmodel
from benchmarks import peers, strictness
from benchmarks.corpus import CACHE, bad_code_documents, make_plan, write_corpus
from benchmarks.harness import (
    Competitor,
    Figure,
    Passes,
    Timings,
    full_passes,
    ratio,
    round_robin,
    summary,
)
from ogpmodel.codelists import LANGUAGES
from ogpmodel.convert import MissingExtra, reader

ROOT = pathlib.Path(__file__).resolve().parents[1]
EXAMPLE = "examples/maipu-2023-2024.json"


# --- the table ------------------------------------------------------------------------------------


class Row(NamedTuple):
    """One line of the table (a heading when only *label* is given)."""

    label: str
    subject: str = ""
    baseline: str = ""
    ratio: str = ""
    spread: str = ""


def _time(seconds: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            value = seconds / scale
            return f"{value:.3g} {unit}" if value < 100 else f"{value:.0f} {unit}"
    return f"{seconds * 1e9:.0f} ns"


def _figure(figure: Figure) -> str:
    return f"{_time(figure.median)} ±{figure.relative_spread * 50:.0f}%"


def _ratio(figure: Figure) -> tuple[str, str]:
    def fmt(value: float) -> str:
        return f"{value:.3g}" if value < 100 else f"{value:.0f}"

    return f"x{fmt(figure.median)}", f"{fmt(figure.low)}-{fmt(figure.high)}"


class Table:
    """The rows collected so far, printed once at the end."""

    def __init__(self) -> None:
        self.rows: list[Row] = []

    def heading(self, text: str) -> None:
        """Start a section of the table."""
        self.rows.append(Row(f"**{text}**"))

    def add(self, row: Row) -> None:
        """Add one row."""
        self.rows.append(row)

    def timed(self, label: str, times: Timings, subject: str, baseline: str) -> None:
        """A row comparing two competitors of one round-robin group."""
        multiplier, spread = _ratio(ratio(times, subject, baseline))
        self.rows.append(
            Row(
                label,
                f"{subject}: {_figure(summary(times[subject]))}",
                f"{baseline}: {_figure(summary(times[baseline]))}",
                multiplier,
                spread,
            )
        )

    def render(self) -> str:
        """The table in Markdown, columns aligned."""
        header = Row("comparison", "subject (median ±IQR/2)", "baseline", "ratio", "ratio IQR")
        rows = [header, *self.rows]
        widths = [max(len(getattr(r, f)) for r in rows) for f in Row._fields]
        lines = []
        for index, row in enumerate(rows):
            cells = [getattr(row, f).ljust(w) for f, w in zip(Row._fields, widths, strict=True)]
            lines.append("| " + " | ".join(cells) + " |")
            if index == 0:
                lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        return "\n".join(lines)


def _log(message: str) -> None:
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()


# --- the corpora ----------------------------------------------------------------------------------


def _corpus_digest() -> str:
    """A digest of what the corpus depends on: the generator and the contract."""
    digest = hashlib.sha256((ROOT / "benchmarks" / "corpus.py").read_bytes())
    digest.update(json.dumps(ogpmodel.schema(), sort_keys=True).encode())
    return digest.hexdigest()[:12]


def corpus_file(count: int, seed: int) -> pathlib.Path:
    """The corpus as a JSON Lines file, written once to the cache."""
    path = CACHE / f"corpus-{count}-seed{seed}-{_corpus_digest()}.jsonl"
    if not path.exists():
        _log(f"writing the corpus of {count} plans to {path.relative_to(ROOT)}")
        partial = path.with_suffix(".partial")
        write_corpus(partial, count, seed)
        partial.replace(path)
    return path


def corpus_texts(count: int, seed: int) -> list[str]:
    """The corpus as JSON texts, written once to the cache and read back on later runs."""
    return corpus_file(count, seed).read_text(encoding="utf-8").splitlines()


# --- the sections ---------------------------------------------------------------------------------


class Options(NamedTuple):
    """The command line's options."""

    plans: int
    seed: int
    rounds: int
    full: bool


def _each(function: Callable[[Any], object], items: Sequence[Any]) -> Callable[[], object]:
    """A pass of *function* over *items*."""

    def run() -> object:
        return [function(item) for item in items]

    return run


def _peer_or_row(table: Table, name: str, label: str, texts: Sequence[str]) -> peers.Peer | None:
    """The installed peer that decodes every text, or `None` after a row saying why not."""
    peer = peers.load(name)
    if peer.decode is None:
        table.add(Row(label, "not installed"))
        return None
    for index, text in enumerate(texts):
        try:
            peer.decode(text)
        except Exception as error:  # the peer refuses a valid plan: say so, do not time it
            table.add(Row(label, f"rejects corpus plan {index}: {type(error).__name__}"))
            return None
    return peer


def corpus_section(table: Table, options: Options, texts: list[str]) -> None:
    """Loads, dumps and validate per plan of the corpus, against the peers."""
    count = len(texts)
    table.heading(f"corpus: {count} plans, per plan")
    plans = [ogpmodel.loads(t) for t in texts]
    dicts = [json.loads(t) for t in texts]
    competitors = [
        Competitor("ogpmodel.loads", _each(ogpmodel.loads, texts), count),
        Competitor("ogpmodel.dumps", _each(ogpmodel.dumps, plans), count),
        Competitor("ogpmodel.validate", _each(ogpmodel.validate, plans), count),
    ]
    labels = {
        "json": ("json.loads", "json.dumps"),
        "orjson": ("orjson.loads", "orjson.dumps"),
        "pydantic": ("pydantic model_validate_json", "pydantic model_dump_json"),
        "msgspec": ("msgspec decode", "msgspec encode"),
    }
    missing: dict[str, str] = {}
    for name, (decode_label, encode_label) in labels.items():
        notes = Table()
        peer = _peer_or_row(notes, name, decode_label, texts)
        if peer is None or peer.decode is None or peer.encode is None:
            missing[name] = notes.rows[0].subject if notes.rows else "not installed"
            continue
        decode, encode = peer.decode, peer.encode
        objects = dicts if not peer.checks else [decode(t) for t in texts]
        competitors.append(Competitor(decode_label, _each(decode, texts), count))
        competitors.append(Competitor(encode_label, _each(encode, objects), count))
    _log(f"corpus: {len(competitors)} competitors, {options.rounds} rounds")
    times = round_robin(competitors, options.rounds, progress=lambda m: _log(f"corpus: {m}"))
    for verb, index in (("loads", 0), ("dumps", 1)):
        for name, pair in labels.items():
            label = f"{verb} vs {pair[index]}"
            if name in missing:
                table.add(Row(label, f"{pair[index]}: {missing[name]}"))
            else:
                table.timed(label, times, f"ogpmodel.{verb}", pair[index])
    table.timed("validate(plan) vs loads", times, "ogpmodel.validate", "ogpmodel.loads")


def report_section(table: Table, options: Options) -> None:
    """The full report on documents with bad codes against loading them with valid codes."""
    table.heading("report: full report on an invalid document vs loading it valid")
    for bad in (1, 1000, 100_000):
        label = f"{bad:,} bad codelist value{'s' if bad > 1 else ''}"
        invalid, valid = (json.dumps(d, ensure_ascii=False) for d in bad_code_documents(bad))
        reports: list[ogpmodel.ValidationReport] = []
        report = functools.partial(_keep, reports, ogpmodel.validate, invalid)
        largest = 3 if options.full else 1
        rounds = (
            options.rounds if bad == 1 else min(options.rounds, 5) if bad < 100_000 else largest
        )
        _log(f"report: {label} ({len(invalid) / 1e6:.1f} MB), {rounds} rounds")
        times = round_robin(
            [
                Competitor("validate(invalid)", report),
                Competitor("loads(valid)", functools.partial(ogpmodel.loads, valid)),
            ],
            rounds,
            warmup=1 if bad < 100_000 else 0,
        )
        found = len(reports[0].by_code("schema.enum"))
        what = f"{found:,} finding{'s' if found != 1 else ''}" + (
            ", 1 round" if rounds == 1 else ""
        )
        table.timed(f"{label} ({what})", times, "validate(invalid)", "loads(valid)")
        reports.clear()
        dicts, kept = _retained(functools.partial(json.loads, invalid))
        del kept
        used = _peak(functools.partial(ogpmodel.validate, invalid))
        table.add(
            Row(
                f"{label}: peak memory of the report vs the document's dicts",
                f"validate(invalid): {_kib(used)}",
                f"dicts: {_kib(dicts)}",
                f"x{used / dicts:.3g}",
            )
        )
    invalid, _ = (json.dumps(d, ensure_ascii=False) for d in bad_code_documents(1000))
    many = ogpmodel.validate(invalid)
    for lang in LANGUAGES[1:]:
        subject = f"to_text({lang!r})"
        times = round_robin(
            [
                Competitor(subject, functools.partial(many.to_text, lang)),
                Competitor("to_text('en')", functools.partial(many.to_text, "en")),
            ],
            options.rounds,
            warmup=1,
        )
        label = f"{len(many.findings):,} findings as text in {lang} vs en"
        table.timed(label, times, subject, "to_text('en')")


def _keep(
    kept: list[ogpmodel.ValidationReport],
    function: Callable[[str], ogpmodel.ValidationReport],
    text: str,
) -> None:
    """Call *function* on *text* and keep only its latest result in *kept*."""
    kept[:] = [function(text)]


def _subprocess(*args: str) -> Callable[[], object]:
    def run() -> object:
        return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
            [sys.executable, *args], cwd=ROOT, capture_output=True, check=False
        )

    return run


def startup_section(table: Table, options: Options) -> None:
    """Subprocess start-up costs against a bare interpreter."""
    table.heading("startup: subprocesses, against `python -c pass`")
    # An installed package has its bytecode (pip compiles it; Python writes it on first import),
    # but not under PYTHONDONTWRITEBYTECODE: without it every start would compile the source.
    if not compileall.compile_dir(pathlib.Path(ogpmodel.__file__).parent, quiet=1):
        _log("startup: the package's bytecode could not be written; start-up compiles the source")
    competitors = [
        Competitor("python -c pass", _subprocess("-c", "pass")),
        Competitor("import attrs", _subprocess("-c", "import attrs")),
        Competitor("import ogpmodel", _subprocess("-c", "import ogpmodel")),
        # `import ogpmodel` loads each name on first use: this is what a first use costs.
        Competitor("from ogpmodel import loads", _subprocess("-c", "from ogpmodel import loads")),
        Competitor("ogpmodel --version", _subprocess("-m", "ogpmodel", "--version")),
        Competitor("ogpmodel validate FILE", _subprocess("-m", "ogpmodel", "validate", EXAMPLE)),
    ]
    rounds = max(options.rounds, 7)
    _log(f"startup: {rounds} rounds")
    times = round_robin(competitors, rounds)
    table.timed(
        "import attrs (a required dependency) vs python -c pass",
        times,
        "import attrs",
        "python -c pass",
    )
    table.timed("import ogpmodel vs python -c pass", times, "import ogpmodel", "python -c pass")
    table.timed(
        "from ogpmodel import loads (the model) vs python -c pass",
        times,
        "from ogpmodel import loads",
        "python -c pass",
    )
    table.timed(
        "ogpmodel --version vs python -c pass", times, "ogpmodel --version", "python -c pass"
    )
    table.timed(
        f"ogpmodel validate {pathlib.Path(EXAMPLE).name} vs python -c pass",
        times,
        "ogpmodel validate FILE",
        "python -c pass",
    )


def scaling_section(table: Table, options: Options, texts: list[str]) -> None:
    """The 10x corpus against the 1x corpus, and one 10x larger plan against a small one."""
    table.heading("scaling: 10x against 1x (ratio near 10 is linear)")
    _corpus_scaling(table, options, texts)
    gc.collect()
    _plan_scaling(table, options)


def _corpus_scaling(table: Table, options: Options, texts: list[str]) -> None:
    tens = corpus_texts(10 * len(texts), options.seed)
    _log(f"scaling: loading the {len(tens)} plans of the 10x corpus")
    plans = [ogpmodel.loads(t) for t in texts]
    plans10 = [ogpmodel.loads(t) for t in tens]
    competitors = [
        Competitor("loads 1x", _each(ogpmodel.loads, texts)),
        Competitor("loads 10x", _each(ogpmodel.loads, tens)),
        Competitor("json.loads 1x", _each(json.loads, texts)),
        Competitor("json.loads 10x", _each(json.loads, tens)),
        Competitor("loads 1x, collector paused", _paused(_each(ogpmodel.loads, texts))),
        Competitor("loads 10x, collector paused", _paused(_each(ogpmodel.loads, tens))),
        Competitor("dumps 1x", _each(ogpmodel.dumps, plans)),
        Competitor("dumps 10x", _each(ogpmodel.dumps, plans10)),
        Competitor("validate 1x", _each(ogpmodel.validate, plans)),
        Competitor("validate 10x", _each(ogpmodel.validate, plans10)),
    ]
    rounds = min(options.rounds, 3)  # a 10x round loads 2,000 plans: about a minute
    _log(f"scaling: {len(tens)} vs {len(texts)} plans, {rounds} rounds")
    times = round_robin(competitors, rounds, warmup=0, progress=lambda m: _log(f"scaling: {m}"))
    for verb, how in (
        ("loads", ""),
        ("json.loads", ""),
        ("loads", ", collector paused"),
        ("dumps", ""),
        ("validate", ""),
    ):
        label = f"{verb}{how}: {len(tens)} plans vs {len(texts)}"
        table.timed(label, times, f"{verb} 10x{how}", f"{verb} 1x{how}")
    # What the collector adds: its full passes while the plans are kept, once more each.
    tenfold, onefold = (full_passes(_each(ogpmodel.loads, t)) for t in (tens, texts))
    table.add(
        Row(
            f"loads: the collector's full passes, {len(tens)} plans vs {len(texts)}",
            f"10x: {_passes(tenfold)}",
            f"1x: {_passes(onefold)}",
            f"x{tenfold.seconds / onefold.seconds:.3g}" if onefold.seconds else "",
        )
    )


def _passes(passes: Passes) -> str:
    return f"{passes.number} pass{'' if passes.number == 1 else 'es'}, {_time(passes.seconds)}"


def _paused(run: Callable[[], object]) -> Callable[[], object]:
    """*run* with the garbage collector off: what loading costs without the collector's passes."""

    def paused() -> object:
        gc.disable()
        try:
            return run()
        finally:
            gc.enable()

    return paused


def _plan_scaling(table: Table, options: Options) -> None:
    small, large = make_plan(5, 4), make_plan(50, 4)
    small_text, large_text = ogpmodel.dumps(small), ogpmodel.dumps(large)

    def broken(text: str) -> str:
        data = json.loads(text)
        data["status"] = "implementaton"
        return json.dumps(data)

    small_broken, large_broken = broken(small_text), broken(large_text)
    plan_competitors = [
        Competitor("validate small", lambda: ogpmodel.validate(small)),
        Competitor("validate large", lambda: ogpmodel.validate(large)),
        Competitor("dumps small", lambda: ogpmodel.dumps(small)),
        Competitor("dumps large", lambda: ogpmodel.dumps(large)),
        Competitor("loads small", lambda: ogpmodel.loads(small_text)),
        Competitor("loads large", lambda: ogpmodel.loads(large_text)),
        Competitor("slow small", lambda: ogpmodel.validate(small_broken)),
        Competitor("slow large", lambda: ogpmodel.validate(large_broken)),
    ]
    _log(f"scaling: one plan, {options.rounds} rounds")
    times = round_robin(plan_competitors, options.rounds)
    milestones = [sum(1 for _ in p.iter_milestones()) for p in (small, large)]
    what = f"a plan of 50 commitments ({milestones[1]} milestones) vs 5 ({milestones[0]})"
    table.timed(f"validate(plan): {what}", times, "validate large", "validate small")
    table.timed("dumps(plan): the same plans", times, "dumps large", "dumps small")
    table.timed("loads(text), fast path: the same plans", times, "loads large", "loads small")
    table.timed(
        "validate(text with an error), slow path: the same", times, "slow large", "slow small"
    )


def _retained(build: Callable[[], object]) -> tuple[float, object]:
    """The memory that *build*'s result holds, in bytes (traced), and the result."""
    gc.collect()
    tracemalloc.start()
    try:
        result = build()
        gc.collect()
        return tracemalloc.get_traced_memory()[0], result
    finally:
        tracemalloc.stop()


def _peak(call: Callable[[], object]) -> float:
    """The peak traced memory of one call, in bytes (its result let go)."""
    gc.collect()
    tracemalloc.start()
    try:
        call()
        return float(tracemalloc.get_traced_memory()[1])
    finally:
        tracemalloc.stop()


def _kib(value: float) -> str:
    return f"{value / 1024:.0f} KiB" if value >= 10 * 1024 else f"{value / 1024:.1f} KiB"


def memory_section(table: Table, options: Options, texts: list[str]) -> None:
    """What the loaded objects hold against the same documents as dicts; iter_load's peak."""
    sample = texts[: min(len(texts), 50)]
    count = len(sample)
    table.heading(f"memory: what {count} loaded plans hold, per plan (tracemalloc)")
    _log(f"memory: {count} plans")
    dicts, kept = _retained(_each(json.loads, sample))
    del kept
    text_size = sum(len(t.encode()) for t in sample) / count
    table.add(
        Row(
            "dicts (json.loads) vs the JSON text (UTF-8)",
            f"dicts: {_kib(dicts / count)}",
            f"text: {_kib(text_size)}",
            f"x{dicts / count / text_size:.3g}",
        )
    )
    contenders: list[tuple[str, Callable[[str], object] | None, str]] = [
        ("ogpmodel", ogpmodel.loads, "ogpmodel plans")
    ]
    for name, label in (("pydantic", "pydantic models"), ("msgspec", "msgspec structs")):
        peer = peers.load(name)
        contenders.append((name, peer.decode, label))
    for name, decode, label in contenders:
        if decode is None:
            table.add(Row(f"{label} vs dicts", f"{name}: not installed"))
            continue
        held, kept = _retained(_each(decode, sample))
        del kept
        table.add(
            Row(
                f"{label} vs dicts",
                f"{name}: {_kib(held / count)}",
                f"dicts: {_kib(dicts / count)}",
                f"x{held / dicts:.3g}",
            )
        )

    def peak(path: pathlib.Path) -> float:
        gc.collect()
        tracemalloc.start()
        try:
            for _ in ogpmodel.iter_load(path):
                pass
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    with tempfile.TemporaryDirectory() as folder:
        counts = (30, 300)
        peaks = []
        small = make_plan(5, 4)
        for number in counts:
            path = pathlib.Path(folder) / f"corpus-{number}.jsonl"
            ogpmodel.dump_lines((small for _ in range(number)), path)
            peaks.append(peak(path))
        size = path.stat().st_size
    table.add(
        Row(
            f"iter_load peak: {counts[1]} plans ({size / 1e6:.1f} MB) vs {counts[0]} (bounded: x1)",
            f"{counts[1]}: {_kib(peaks[1])}",
            f"{counts[0]}: {_kib(peaks[0])}",
            f"x{peaks[1] / peaks[0]:.3g}",
        )
    )


#: Run ``python ARGS`` from a small process of its own and print its peak RSS: the peak of a
#: child forked from this (large) process would count this process's memory too.
_MEASURE = """
import os, sys
null = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
pid = os.posix_spawn(sys.executable, [sys.executable, *sys.argv[1:]], os.environ, file_actions=null)
print(os.wait4(pid, 0)[2].ru_maxrss)
"""


def peak_rss(*args: str) -> int:
    """The peak resident memory of ``python ARGS`` in its own process, in bytes (POSIX)."""
    done = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", _MEASURE, *args], cwd=ROOT, capture_output=True, check=True
    )
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    return int(done.stdout) * scale


def cli_section(table: Table, options: Options) -> None:
    """The peak memory of ``ogpmodel validate`` on a corpus of N and of 10N plans."""
    table.heading("cli: peak memory of `ogpmodel validate --format json CORPUS` (bounded: x1)")
    if not hasattr(os, "posix_spawn"):  # pragma: no cover - Windows
        table.add(Row("peak RSS", "not measured: no os.posix_spawn"))
        return
    counts = (options.plans, 10 * options.plans)
    peaks = []
    for count in counts:
        path = corpus_file(count, options.seed)
        _log(f"cli: validate {count} plans ({path.stat().st_size / 1e6:.0f} MB)")
        peaks.append(peak_rss("-m", "ogpmodel", "validate", "--format", "json", str(path)))
    table.add(
        Row(
            f"peak RSS: {counts[1]} plans vs {counts[0]}",
            f"{counts[1]}: {_kib(peaks[1])}",
            f"{counts[0]}: {_kib(peaks[0])}",
            f"x{peaks[1] / peaks[0]:.3g}",
        )
    )


#: The real trackers the tests keep, and the reader of each.
TRACKERS = (
    ("us-nap5 (its 106 pages)", "us-nap5", "tests/fixtures/sources/us-nap5"),
    ("us-nap5 (its JSON form)", "us-nap5", "tests/fixtures/sources/us-nap5/nap5_tracker.json"),
    ("canada-nap (nap5.yaml)", "canada-nap", "tests/fixtures/sources/canada-nap/nap5.yaml"),
)


def import_section(table: Table, options: Options) -> None:
    """Converting each real tracker against loading the OGP JSON of its plan."""
    table.heading("import: converting a real tracker vs loads of its plan's OGP JSON")
    competitors: list[Competitor] = []
    labels: list[tuple[str, str]] = []
    for label, kind, source in TRACKERS:
        try:
            read = reader(kind)
        except MissingExtra as error:
            table.add(Row(f"convert {label}", f"not installed: {error}"))
            continue
        path = ROOT / source
        plan = read(path).plan
        assert plan is not None, source
        text = ogpmodel.dumps(plan)
        competitors.append(Competitor(f"convert {label}", functools.partial(read, path)))
        competitors.append(Competitor(f"loads {label}", functools.partial(ogpmodel.loads, text)))
        labels.append((label, f"{len(text) / 1024:.0f} KiB of OGP JSON"))
    if not competitors:
        return
    _log(f"import: {len(labels)} trackers, {options.rounds} rounds")
    times = round_robin(competitors, options.rounds)
    for label, size in labels:
        table.timed(
            f"convert {label} vs loads ({size})", times, f"convert {label}", f"loads {label}"
        )


def strictness_section(table: Table) -> None:
    """How many invalid documents each checking decoder rejects."""
    texts = strictness.documents()
    table.heading(f"strictness: invalid documents rejected, of {len(texts)}")
    chosen, missing = strictness.decoders()
    results = strictness.rejections(texts, chosen)
    for name, outcomes in results.items():
        rejected = sum(o.rejected for o in outcomes)
        crashes = sum(o.crashed is not None for o in outcomes)
        accepted = [texts[i][0] for i, o in enumerate(outcomes) if not o.rejected]
        note = f" ({crashes} with an unexpected exception)" if crashes else ""
        table.add(
            Row(
                name,
                f"rejects {rejected}/{len(texts)}{note}",
                "accepts: " + "; ".join(accepted) if accepted else "",
            )
        )
    for label in missing:
        table.add(Row(label, "not installed"))


def spreadsheets_section(table: Table, options: Options) -> None:
    """Round trips of one 50-commitment plan through the spreadsheet formats vs OGP JSON."""
    from ogpmodel.convert import Conversion, sqlite
    from ogpmodel.convert.spreadsheet import read_csv, read_xlsx, write_csv, write_xlsx

    plan = make_plan(50, 4)
    milestones = sum(1 for _ in plan.iter_milestones())
    table.heading(
        f"spreadsheets: a plan of 50 commitments ({milestones} milestones), "
        "round trips vs dumps + loads"
    )
    with tempfile.TemporaryDirectory() as folder:
        book = pathlib.Path(folder) / "plan.xlsx"
        csv_folder = pathlib.Path(folder) / "csv"
        database = pathlib.Path(folder) / "plans.db"

        def workbook() -> Conversion:
            write_xlsx([plan], book)
            return read_xlsx(book)

        def csv_files() -> Conversion:
            write_csv([plan], csv_folder)
            return read_csv(csv_folder)

        for round_trip in (workbook, csv_files):
            assert round_trip().plan == plan
        competitors = [
            Competitor("dumps + loads", lambda: ogpmodel.loads(ogpmodel.dumps(plan))),
            Competitor("xlsx round trip", workbook),
            Competitor("csv round trip", csv_files),
            Competitor("sqlite write", lambda: sqlite.write([plan], database)),
        ]
        rounds = min(options.rounds, 5)
        _log(f"spreadsheets: {rounds} rounds")
        times = round_robin(competitors, rounds)
    for name in ("xlsx round trip", "csv round trip", "sqlite write"):
        table.timed(f"{name} vs dumps + loads", times, name, "dumps + loads")


# --- the machine ------------------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _versions() -> Iterator[str]:
    for name in (
        "ogpmodel",
        "attrs",
        "cattrs",
        "jsonschema",
        "pydantic",
        "pydantic-core",
        "msgspec",
        "orjson",
        "datamodel-code-generator",
    ):
        try:
            yield f"{name} {importlib.metadata.version(name)}"
        except importlib.metadata.PackageNotFoundError:
            yield f"{name} not installed"


def machine() -> str:
    """One paragraph: cores, CPU, Python and package versions."""
    return (
        f"machine: {os.cpu_count()} cores, {_cpu_model()}; "
        f"Python {platform.python_version()} ({platform.python_implementation()}); "
        + ", ".join(_versions())
    )


# --- the command line -------------------------------------------------------------------------------

SECTIONS = (
    "corpus",
    "report",
    "startup",
    "scaling",
    "memory",
    "strictness",
    "import",
    "spreadsheets",
    "cli",
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks and print the table; return the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description="ogpmodel against its peers, in one table."
    )
    parser.add_argument("--plans", type=int, default=200, help="plans in the corpus (200)")
    parser.add_argument("--seed", type=int, default=0, help="the corpus seed (0)")
    parser.add_argument("--rounds", type=int, default=7, help="rounds of each group (7)")
    parser.add_argument(
        "--full",
        action="store_true",
        help="three rounds, not one, of the report on 100,000 bad values",
    )
    parser.add_argument(
        "--only", default=",".join(SECTIONS), help=f"sections to run ({','.join(SECTIONS)})"
    )
    args = parser.parse_args(argv)
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = sorted(set(chosen) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown sections: {', '.join(unknown)}")
    options = Options(args.plans, args.seed, args.rounds, args.full)
    started = time.perf_counter()
    texts = corpus_texts(options.plans, options.seed)
    size = sum(len(t.encode()) + 1 for t in texts)
    table = Table()
    for section in chosen:
        _log(f"section {section}")
        if section == "corpus":
            corpus_section(table, options, texts)
        elif section == "report":
            report_section(table, options)
        elif section == "startup":
            startup_section(table, options)
        elif section == "scaling":
            scaling_section(table, options, texts)
        elif section == "memory":
            memory_section(table, options, texts)
        elif section == "strictness":
            strictness_section(table)
        elif section == "import":
            import_section(table, options)
        elif section == "spreadsheets":
            spreadsheets_section(table, options)
        elif section == "cli":
            cli_section(table, options)
    out = sys.stdout
    out.write(machine() + "\n\n")
    out.write(
        f"corpus: {len(texts)} plans (seed {options.seed}), {size / 1e6:.1f} MB of JSON Lines; "
        f"{options.rounds} rounds; ratio = subject / baseline, per round\n\n"
    )
    out.write(table.render() + "\n\n")
    out.write(f"total time: {time.perf_counter() - started:.0f} s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
