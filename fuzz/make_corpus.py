"""
Build the seed corpus and the token dictionary of the atheris harness.

    python fuzz/make_corpus.py [DIRECTORY]   # default: fuzz/corpus

The seeds are real plans (the Maipú example, slices of the Canadian and US fixtures, small
enough for the fuzzer to mutate quickly) and hand-made mutations of them that reach the
slow paths: schema errors, impossible dates, unknown codes, deep nesting, strict-JSON
refusals, bytes that are not UTF-8. Each seed is written as ``seed-NAME.json``; files the
fuzzer adds to the directory are left alone. The dictionary (``fuzz/ogpmodel.dict``) lists the
field names and codes of the published schema as libFuzzer tokens.

Only the standard library is used, so the corpus can be built without ogpmodel installed.
"""

import copy
import json
import pathlib
import sys
from collections.abc import Iterator
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[1]
FIXTURES = [
    ROOT / "tests" / "fixtures" / "canada-nap5.json",
    ROOT / "tests" / "fixtures" / "us-nap5.json",
]
EXAMPLE = ROOT / "examples" / "maipu-2023-2024.json"
SCHEMA_DIR = ROOT / "schemas" / "1.0"
#: The largest seed, in bytes; `make fuzz` passes the same bound as libFuzzer's -max_len.
MAX_SEED = 16384

MINIMAL: dict[str, Any] = {
    "schema_version": "1.0",
    "id": "demo-2024",
    "title": "Plan",
    "language": "es",
    "member": {"name": "Demo", "membership": "local", "country": "CL"},
    "period": {},
    "status": "planning",
    "commitments": [],
}


def dumps(data: Any) -> bytes:
    """Compact JSON as UTF-8 bytes, characters kept."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def trim(value: Any, limit: int = 120) -> Any:
    """The value with long strings cut and long lists shortened (to keep seeds small)."""
    if isinstance(value, str):
        return value[:limit]
    if isinstance(value, list):
        return [trim(item, limit) for item in value[:3]]
    if isinstance(value, dict):
        return {key: trim(item, limit) for key, item in value.items()}
    return value


def slices(plan: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Small plans cut from a real one: no commitments, and one commitment at a time."""
    head = {key: trim(value) for key, value in plan.items() if key != "extensions"}
    yield "head", dict(head, commitments=[])
    for index, commitment in enumerate(plan.get("commitments", [])[:3]):
        yield f"commitment{index}", dict(head, commitments=[trim(commitment)])


def nest(depth: int, leaf: Any) -> Any:
    """*leaf* inside *depth* arrays."""
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


def mutations(base: dict[str, Any]) -> Iterator[tuple[str, bytes]]:
    """Documents that break *base* in one way each, as bytes."""
    for key in base:
        yield f"without-{key}", dumps({k: v for k, v in base.items() if k != key})
    yield "status-typo", dumps(dict(base, status="implementaton"))
    yield "status-number", dumps(dict(base, status=3))
    yield "multi-defect", dumps(dict(base, status="implementaton", period={"start": "2023-02-30"}))
    yield "impossible-date", dumps(dict(base, period={"start": "2023-02-30", "end": "2024-13"}))
    yield "submitted-far", dumps(dict(base, submitted_on="9999-11-15"))
    yield "submitted-early", dumps(dict(base, submitted_on="0001-01-01"))
    yield "version-2", dumps(dict(base, schema_version="2.0"))
    yield "unknown-field", dumps(dict(base, unknown=[1, 2.5, None, True]))
    yield "deep-extensions", dumps(dict(base, extensions={"x": nest(300, 0)}))
    yield "surrogate-title", json.dumps(dict(base, title="Plan \ud800")).encode("ascii")
    yield "language-map", dumps(dict(base, title={"es": "Plan", "en": "Plan", "xx-": 1}))
    yield "null-fields", dumps(dict.fromkeys(base))
    member = base.get("member")
    if isinstance(member, dict):
        yield "membership-typo", dumps(dict(base, member=dict(member, membership="locall")))
    commitments = base.get("commitments")
    if isinstance(commitments, list) and commitments:
        first = commitments[0]
        yield "commitment-twice", dumps(dict(base, commitments=[first, first]))
        broken = dict(first, status="bogus", ogp_values=["nope"], milestones=[{"id": 1}])
        yield "commitment-broken", dumps(dict(base, commitments=[broken]))
    text = dumps(base)
    yield "bom", b"\xef\xbb\xbf" + text
    yield (
        "latin-1",
        json.dumps(dict(base, title="Acción Maipú"), ensure_ascii=False).encode(
            "latin-1", "replace"
        ),
    )
    yield "truncated", text[: len(text) // 2]
    yield "duplicate-key", text[:-1] + b',"id":"again"}'
    yield "nan", text[:-1] + b',"extensions":{"x":NaN}}'
    yield "big-number", text[:-1] + b',"extensions":{"x":1' + b"0" * 4300 + b"}}"
    yield "two-lines", text + b"\n" + text + b"\n"


def hand_made() -> Iterator[tuple[str, bytes]]:
    """Inputs that are not plans at all."""
    yield "empty", b""
    yield "null", b"null"
    yield "array", b"[]"
    yield "string", b'"plan"'
    yield "object", b"{}"
    yield "deep-arrays", b"[" * 2000 + b"]" * 2000
    yield "deep-objects", b'{"a":' * 600 + b"1" + b"}" * 600
    yield "long-number", b"1" + b"0" * 4300
    yield "not-utf8", b'{"title":"\xff\xfe"}'


def seeds() -> Iterator[tuple[str, bytes]]:
    """Every seed of the corpus, named."""
    yield "minimal", dumps(MINIMAL)
    for name, data in mutations(MINIMAL):
        yield f"minimal-{name}", data
    maipu = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    yield "maipu", EXAMPLE.read_bytes()
    small = {key: value for key, value in maipu.items() if key != "extensions"}
    yield "maipu-compact", dumps(small)
    for name, data in mutations(copy.deepcopy(small)):
        yield f"maipu-{name}", data
    for path in FIXTURES:
        plan = json.loads(path.read_text(encoding="utf-8"))
        stem = path.stem
        for name, piece in slices(plan):
            yield f"{stem}-{name}", dumps(piece)
        head = next(piece for name, piece in slices(plan) if name == "commitment0")
        for name, data in mutations(head):
            yield f"{stem}-{name}", data
    yield from hand_made()


def schema_words() -> list[str]:
    """The property names and enum values of the published schemas, sorted."""
    words: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    words.update(value)
                if key in ("enum", "const"):
                    values = value if isinstance(value, list) else [value]
                    words.update(v for v in values if isinstance(v, str))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in sorted(SCHEMA_DIR.rglob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return sorted(words)


def dictionary() -> str:
    """A libFuzzer dictionary: JSON syntax, the schema's words, interesting dates and numbers."""
    tokens = ['"{"', '"}"', '"["', '"]"', '":"', '","', '"null"', '"true"', '"false"', '"\\"\\""']
    tokens += ['"-02-30"', '"-12-31"', '"9999"', '"0000"', '"1e999"', '"NaN"', '"\\\\ud800"']
    tokens += [json.dumps(json.dumps(word)) for word in schema_words()]
    return "".join(f"{token}\n" for token in tokens)


def main(argv: list[str]) -> int:
    """Write the seeds into the directory (default ``fuzz/corpus``) and the dictionary."""
    target = pathlib.Path(argv[1]) if len(argv) > 1 else ROOT / "fuzz" / "corpus"
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, data in seeds():
        if len(data) > MAX_SEED:
            continue
        (target / f"seed-{name}.json").write_bytes(data)
        count += 1
    (ROOT / "fuzz" / "ogpmodel.dict").write_text(dictionary(), encoding="utf-8")
    print(f"{count} seeds in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
