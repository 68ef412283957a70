"""
Interleaved timing: competitors run round-robin, several rounds, in one process.

Each round runs every competitor of a group once, in an order rotated by one each round (so no
competitor always runs first or last, right after another's garbage), with a `gc.collect`
before each run. A competitor's figure is the median of its rounds, its spread the
interquartile range; the ratio of two competitors is the median of their per-round ratios
(same round, same machine load), with that ratio's interquartile range. The machine may be
shared: the per-round ratios are what to trust first.

The inputs prepared before the rounds (the corpus, its plans, the peers' objects) are moved to
the garbage collector's permanent generation (`gc.freeze`), so a collection during one
competitor's run traverses what that run allocates, not every other competitor's inputs.
"""

import gc
import statistics
import time
from collections.abc import Callable, Sequence
from typing import NamedTuple

__all__ = [
    "Competitor",
    "Figure",
    "Passes",
    "Timings",
    "full_passes",
    "ratio",
    "round_robin",
    "summary",
]


class Competitor(NamedTuple):
    """Something to time: *run* does one pass; the time is divided by *per* (items per pass)."""

    name: str
    run: Callable[[], object]
    per: int = 1


class Figure(NamedTuple):
    """A median with its spread: the first and third quartiles (equal to it for one value)."""

    median: float
    low: float
    high: float

    @property
    def relative_spread(self) -> float:
        """The interquartile range divided by the median."""
        return (self.high - self.low) / self.median if self.median else 0.0


#: The per-round times of each competitor, in seconds per item.
Timings = dict[str, list[float]]


def round_robin(
    competitors: Sequence[Competitor],
    rounds: int,
    *,
    warmup: int = 1,
    progress: Callable[[str], object] | None = None,
) -> Timings:
    """Run every competitor *rounds* times, interleaved; return each one's times per item."""
    for _ in range(warmup):
        for competitor in competitors:
            competitor.run()
    times: Timings = {c.name: [] for c in competitors}
    gc.collect()
    gc.freeze()
    try:
        for number in range(rounds):
            shift = number % len(competitors)
            for competitor in (*competitors[shift:], *competitors[:shift]):
                gc.collect()
                start = time.perf_counter()
                competitor.run()
                elapsed = time.perf_counter() - start
                times[competitor.name].append(elapsed / competitor.per)
            if progress is not None:
                progress(f"round {number + 1}/{rounds}")
    finally:
        gc.unfreeze()
    return times


class Passes(NamedTuple):
    """The garbage collector's full passes during one run, and the time they took."""

    number: int
    seconds: float


def full_passes(run: Callable[[], object]) -> Passes:
    """
    The collector's full (generation 2) passes during one *run*, as `round_robin` runs it.

    CPython makes a full pass when the objects kept since the last one reach a quarter of
    those it kept then: a run that keeps many objects pays passes over everything it keeps.
    """
    starts: list[float] = []
    took: list[float] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            starts.append(time.perf_counter())
        elif starts:
            took.append(time.perf_counter() - starts.pop())

    gc.collect()
    gc.freeze()
    gc.callbacks.append(watch)
    try:
        run()
    finally:
        gc.callbacks.remove(watch)
        gc.unfreeze()
    return Passes(len(took), sum(took))


def summary(values: Sequence[float]) -> Figure:
    """The median and quartiles of *values*."""
    median = statistics.median(values)
    if len(values) < 2:
        return Figure(median, median, median)
    low, _, high = statistics.quantiles(values, n=4, method="inclusive")
    return Figure(median, low, high)


def ratio(times: Timings, subject: str, baseline: str) -> Figure:
    """The per-round ratios subject / baseline, summarised."""
    pairs = zip(times[subject], times[baseline], strict=True)
    return summary([s / b for s, b in pairs])
