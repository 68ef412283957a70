"""
``make bench``: speed and memory figures, with the ratios that show how they scale.

- validation time per plan for a small plan and a 10x larger one (linear: ratio near 10);
- ``loads``/``dumps`` time for the same two plans;
- the slow path (a document with errors, full JSON Schema report) against the fast path;
- peak memory of reading a JSON Lines corpus with ``iter_load`` for N and 10N plans
  (bounded: ratio near 1).

Times are the best of several runs (``time.perf_counter``); memory is ``tracemalloc``'s peak.
"""

import json
import pathlib
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from typing import Any

import ogpmodel
from benchmarks.corpus import make_plan


def best_of(function: Callable[[], object], repeat: int = 7, number: int = 3) -> float:
    """The best time of *repeat* runs, each the mean of *number* calls, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            function()
        times.append((time.perf_counter() - start) / number)
    return min(times)


def peak_memory(function: Callable[[], object]) -> float:
    """The peak traced memory of one call, in bytes."""
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def row(label: str, small: float, large: float, unit: str = "ms") -> str:
    """One line of the table: both figures and their ratio."""
    scale = 1000 if unit == "ms" else 1 / 1024
    return (
        f"{label:42} {small * scale:10.2f} {large * scale:10.2f} {unit:>3}   x{large / small:5.2f}"
    )


def main() -> int:
    """Run every benchmark and print the table."""
    small, large = make_plan(5, 4), make_plan(50, 4)
    sizes = [sum(1 for _ in p.iter_milestones()) for p in (small, large)]
    out = sys.stdout
    out.write(f"plans: {len(small.commitments)} vs {len(large.commitments)} commitments, ")
    out.write(f"{sizes[0]} vs {sizes[1]} milestones (10x)\n\n")
    out.write(f"{'':42} {'small':>10} {'10x':>10}        ratio\n")

    for plan in (small, large):
        report = ogpmodel.validate(plan)
        if not report.is_valid:
            out.write(report.to_text() + "\n")
            return 1

    def pair(
        label: str, function: Callable[[Any], object], inputs: list[Any], repeat: int = 7
    ) -> None:
        small_time, large_time = (
            best_of(partial(function, item), repeat=repeat) for item in inputs
        )
        out.write(row(label, small_time, large_time) + "\n")

    plans = [small, large]
    texts = [ogpmodel.dumps(p) for p in plans]
    pair("validate(plan)", ogpmodel.validate, plans)
    pair("dumps(plan)", ogpmodel.dumps, plans)
    pair("loads(text), fast path", ogpmodel.loads, texts)

    def broken(text: str) -> str:
        data = json.loads(text)
        data["status"] = "implementaton"
        return json.dumps(data)

    pair(
        "validate(text with an error), slow path", ogpmodel.validate, [broken(t) for t in texts], 3
    )

    def count_plans(path: pathlib.Path) -> int:
        return sum(1 for _ in ogpmodel.iter_load(path))

    peaks: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for count in (200, 2000):
            path = pathlib.Path(folder) / f"corpus-{count}.jsonl"
            ogpmodel.dump_lines((small for _ in range(count)), path)
            peaks.append(peak_memory(partial(count_plans, path)))
            size = path.stat().st_size
    out.write(row("iter_load peak memory (200 vs 2000 plans)", peaks[0], peaks[1], "KiB") + "\n")
    out.write(f"  (the 2000-plan file is {size / 1024:.0f} KiB)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
