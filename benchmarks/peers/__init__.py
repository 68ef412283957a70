"""
The peers `make bench` compares ogpmodel with, each behind the same small interface.

- ``json`` and ``orjson``: the floors, parsing to and writing from plain dicts (no checks);
- ``pydantic``: `benchmarks.peers.pydantic_model`, generated from the published schema
  (`benchmarks.peers.gen_pydantic` lists the fixes it needed), strict mode;
- ``msgspec``: `benchmarks.peers.msgspec_model`, written by hand, as strict as msgspec allows.

A peer whose package is not installed has ``version`` `None` and no functions: the harness
prints "not installed" for it and never fails.
"""

import importlib
import importlib.metadata
import json
from collections.abc import Callable
from typing import Any, NamedTuple

__all__ = ["PEERS", "Peer", "load"]


class Peer(NamedTuple):
    """One peer: how it decodes a document, how it encodes what it decoded, what it raises."""

    name: str
    version: str | None
    decode: Callable[[str], Any] | None = None
    encode: Callable[[Any], object] | None = None
    rejects: tuple[type[BaseException], ...] = ()
    checks: bool = False  # whether decoding checks the contract (False: a floor)

    @property
    def installed(self) -> bool:
        """Whether the peer's package is importable."""
        return self.version is not None


def _version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def _json() -> Peer:
    import platform

    def encode(data: Any) -> str:
        return json.dumps(data, ensure_ascii=False)

    return Peer(
        "json",
        f"stdlib (Python {platform.python_version()})",
        json.loads,
        encode,
        (ValueError,),
    )


def _orjson() -> Peer:
    orjson = importlib.import_module("orjson")
    return Peer("orjson", _version("orjson"), orjson.loads, orjson.dumps, (orjson.JSONDecodeError,))


def _pydantic() -> Peer:
    pydantic = importlib.import_module("pydantic")
    model = importlib.import_module("benchmarks.peers.pydantic_model").ActionPlan

    def encode(plan: Any) -> str:
        return str(plan.model_dump_json(by_alias=True, exclude_none=True))

    return Peer(
        "pydantic",
        _version("pydantic"),
        model.model_validate_json,
        encode,
        (pydantic.ValidationError,),
        checks=True,
    )


def _msgspec() -> Peer:
    msgspec = importlib.import_module("msgspec")
    model = importlib.import_module("benchmarks.peers.msgspec_model")
    return Peer(
        "msgspec",
        _version("msgspec"),
        model.decode,
        model.encode,
        (msgspec.ValidationError, msgspec.DecodeError),
        checks=True,
    )


#: The peers, in table order, with the function that loads each.
PEERS: dict[str, Callable[[], Peer]] = {
    "json": _json,
    "orjson": _orjson,
    "pydantic": _pydantic,
    "msgspec": _msgspec,
}


def load(name: str) -> Peer:
    """The peer *name*, or a not-installed `Peer` when its package cannot be imported."""
    try:
        return PEERS[name]()
    except ImportError:
        return Peer(name, None)
