"""
Coverage-guided fuzzing of ogpmodel's readers and validator with atheris (libFuzzer).

    pip install atheris
    python fuzz/fuzz_ogpmodel.py -atheris_runs=1000000 fuzz/corpus

The promise under test: for any bytes or text, `ogpmodel.loads` and `ogpmodel.from_dict` either
return a plan or raise `ogpmodel.InvalidDocument` (`from_dict` of a JSON string is a `TypeError`
naming the reader of text, as the readers' policy says), and `ogpmodel.validate` (with and without
``as_of``) returns a `ogpmodel.ValidationReport` whose findings each have a code, a JSON Pointer
path and a message that renders. A plan that was read also survives ``loads(dumps(plan))`` and
``repr``/``hash``. Anything else that escapes is a crash.

Targets (``--target=NAME``, or ``OGPMODEL_FUZZ_TARGET``; the default ``all`` sends each input to
one target chosen from a checksum of the input):

- ``loads``: ``loads(data)`` on the raw bytes, then the round trip of a plan it reads.
- ``validate-bytes``: ``validate(data)``, with an ``as_of`` date drawn from the input or none.
- ``validate-text``: ``validate(text)``, the bytes decoded with ``surrogateescape`` (so bytes that
  are not UTF-8 become lone surrogates in the text), with or without ``as_of``.
- ``from-dict``: ``from_dict(json.loads(data))`` and ``validate`` of the same data, for inputs the
  standard library parses (NaN and Infinity included).

``OGPMODEL_FUZZ_FINDINGS=DIRECTORY`` turns a crash into a record and goes on: the smallest input
of each distinct escape (its exception type and the ogpmodel line it came from) is kept there as
``escape-*.bin`` with its traceback in ``escape-*.txt``, so one long run lists every distinct
escape instead of stopping at the first.

When the corpus directory holds no seeds, they are built first (``fuzz/make_corpus.py``), and
the token dictionary ``fuzz/ogpmodel.dict`` is passed to libFuzzer unless ``-dict=`` is given.
"""

import datetime
import hashlib
import json
import os
import pathlib
import re
import sys
import traceback
import zlib
from collections.abc import Callable

import atheris

with atheris.instrument_imports(include=["ogpmodel"]):
    import ogpmodel
    from ogpmodel import InvalidDocument, ValidationReport

HERE = pathlib.Path(__file__).resolve().parent
#: An RFC 6901 JSON Pointer: empty, or "/"-separated tokens with "~" only as "~0" or "~1".
POINTER = re.compile(r"(/([^~/]|~[01])*)*", re.DOTALL)
#: Dates at the edges of what `datetime.date` holds, and ordinary ones.
DATES = (
    datetime.date.min,
    datetime.date(1, 1, 31),
    datetime.date(2023, 2, 28),
    datetime.date(2024, 1, 1),
    datetime.date(2024, 2, 29),
    datetime.date(9999, 11, 15),
    datetime.date(9999, 12, 1),
    datetime.date.max,
)


class ContractBroken(AssertionError):
    """ogpmodel returned something its contract rules out."""


def as_of_for(data: bytes) -> datetime.date | None:
    """An ``as_of`` date drawn from *data*: none, an edge date or any date (a quarter each)."""
    checksum = zlib.crc32(data)
    choice = checksum % 4
    if choice == 0:
        return None
    if choice == 1:
        return DATES[(checksum >> 2) % len(DATES)]
    return datetime.date.fromordinal(1 + (checksum >> 2) % datetime.date.max.toordinal())


def check_report(report: object) -> None:
    """*report* is a `ValidationReport` whose findings have a code, a pointer and a message."""
    if not isinstance(report, ValidationReport):
        raise ContractBroken(f"validate returned {type(report).__name__}, not a ValidationReport")
    for finding in report.findings:
        code: object = finding.code  # checked at run time: the annotations are the promise
        path: object = finding.path
        if not isinstance(code, str) or not code:
            raise ContractBroken(f"a finding has no code: {finding!r}")
        if not isinstance(path, str) or not POINTER.fullmatch(path):
            raise ContractBroken(f"{code}: {path!r} is not a JSON Pointer")
        message: object = finding.message
        if not isinstance(message, str) or not message or not str(finding):
            raise ContractBroken(f"{code}: the message is empty")
        json.dumps(finding.to_dict())
    report.summary()


def check_plan(plan: ogpmodel.ActionPlan) -> None:
    """A plan that was read writes, prints, hashes and reads back equal."""
    text = ogpmodel.dumps(plan)
    repr(plan)
    hash(plan)
    again = ogpmodel.loads(text)  # InvalidDocument here is a crash: the plan was valid
    if again != plan:
        raise ContractBroken("loads(dumps(plan)) != plan")


def target_loads(data: bytes) -> None:
    """``loads`` of the raw bytes: a plan (that round-trips) or `InvalidDocument`."""
    try:
        plan = ogpmodel.loads(data)
    except InvalidDocument as error:
        check_report(error.report)
        str(error)
        return
    check_plan(plan)


def target_validate_bytes(data: bytes) -> None:
    """``validate`` of the raw bytes, with or without ``as_of``."""
    check_report(ogpmodel.validate(data, as_of=as_of_for(data)))


def target_validate_text(data: bytes) -> None:
    """``validate`` of text, bytes that are not UTF-8 kept as lone surrogates."""
    text = data.decode("utf-8", "surrogateescape")
    check_report(ogpmodel.validate(text, as_of=as_of_for(data)))


def target_from_dict(data: bytes) -> None:
    """``from_dict`` and ``validate`` of what the standard library parses."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):  # not JSON for the standard library either
        return
    if isinstance(document, str):  # text, not a document: from_dict says to use load or loads
        try:
            ogpmodel.from_dict(document)
        except TypeError as error:
            if "use ogpmodel.load" not in str(error):
                raise ContractBroken(f"from_dict of a str says no reader: {error}") from None
        else:
            raise ContractBroken("from_dict read a str")
    else:
        try:
            plan = ogpmodel.from_dict(document)
        except InvalidDocument as error:
            check_report(error.report)
        else:
            check_plan(plan)
    check_report(ogpmodel.validate(document, as_of=as_of_for(data)))


TARGETS: dict[str, Callable[[bytes], None]] = {
    "loads": target_loads,
    "validate-bytes": target_validate_bytes,
    "validate-text": target_validate_text,
    "from-dict": target_from_dict,
}
NAMES = sorted(TARGETS)


def target_all(data: bytes) -> None:
    """One target per input, chosen from a checksum of the input."""
    TARGETS[NAMES[zlib.adler32(data) % len(NAMES)]](data)


def signature(error: BaseException) -> str:
    """What tells escapes apart: the exception type and the ogpmodel line it left from."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if f"{os.sep}ogpmodel{os.sep}" in frame.filename]
    if isinstance(error, RecursionError) or not ours:
        where = "any"
    else:
        frame = ours[-1]
        where = f"{pathlib.Path(frame.filename).stem}-{frame.lineno}"
    return f"{type(error).__name__}-{where}"


def recorder(run: Callable[[bytes], None], folder: pathlib.Path) -> Callable[[bytes], None]:
    """*run*, with each escape kept in *folder* (the smallest input per signature) not raised."""
    folder.mkdir(parents=True, exist_ok=True)

    def test_one_input(data: bytes) -> None:
        try:
            run(data)
        except Exception as error:  # every escape is a finding; record it and go on
            name = f"escape-{signature(error)}"
            kept = folder / f"{name}.bin"
            if kept.exists() and kept.stat().st_size <= len(data):
                return
            is_new = not kept.exists()
            kept.write_bytes(data)
            digest = hashlib.sha1(data).hexdigest()  # noqa: S324 - a name, not a secret
            text = "".join(traceback.format_exception(error))
            (folder / f"{name}.txt").write_text(
                f"input: {len(data)} bytes, sha1 {digest}\n{text}", encoding="utf-8"
            )
            if is_new:
                print(f"NEW ESCAPE {name}: {type(error).__name__}: {error!s:.200}", file=sys.stderr)

    return test_one_input


def prepare(argv: list[str]) -> list[str]:
    """
    The libFuzzer arguments, with the seeds and the dictionary built when they are missing.

    The seeds go into the first corpus directory when it holds none; the dictionary is passed
    unless ``-dict=`` is given.
    """
    directories = [pathlib.Path(arg) for arg in argv[1:] if not arg.startswith("-")]
    corpus = directories[0] if directories and not directories[0].is_file() else None
    dictionary = HERE / "ogpmodel.dict"
    if corpus is not None and (not any(corpus.glob("seed-*")) or not dictionary.exists()):
        sys.path.insert(0, str(HERE))
        import make_corpus

        make_corpus.main(["make_corpus", str(corpus)])
    if dictionary.exists() and not any(arg.startswith("-dict=") for arg in argv):
        return [*argv, f"-dict={dictionary}"]
    return argv


def main(argv: list[str]) -> None:
    """Parse ``--target=``, prepare the corpus and dictionary, and run libFuzzer."""
    name = os.environ.get("OGPMODEL_FUZZ_TARGET", "all")
    rest = []
    for arg in argv:
        if arg.startswith("--target="):
            name = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    if name != "all" and name not in TARGETS:
        sys.exit(f"unknown target {name!r}; choose from all, {', '.join(NAMES)}")
    rest = prepare(rest)
    run = target_all if name == "all" else TARGETS[name]
    findings = os.environ.get("OGPMODEL_FUZZ_FINDINGS")
    if findings:
        run = recorder(run, pathlib.Path(findings))
    atheris.Setup(rest, run)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
