"""
Examples per second of the Hypothesis strategies of `ogpmodel.strategies`.

Run ``python -m benchmarks.bench_strategies [--examples N]``. Each figure is the number of
examples a ``@given`` test drew divided by the wall time of the run: generation only (the test
body does nothing), then generation with `ogpmodel.validate`, which is what a property test of
the rules pays. Runs are derandomized and skip shrinking and the example database, so that two
runs draw the same examples.
"""

import argparse
import time
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.strategies import SearchStrategy

import ogpmodel
from ogpmodel.strategies import BrokenPlan, action_plans, broken_plans, documents


def rate(
    strategy: SearchStrategy[Any], examples: int, body: Callable[[Any], object] = lambda _: None
) -> float:
    """Examples per second of a ``@given(strategy)`` test running *body* on each example."""
    drawn = 0

    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(value: Any) -> None:
        nonlocal drawn
        drawn += 1
        body(value)

    start = time.perf_counter()
    run()
    return drawn / (time.perf_counter() - start)


def validate_broken(broken: BrokenPlan) -> object:
    """Validate a broken plan as a test of the rules would."""
    return ogpmodel.validate(broken.plan_or_document, as_of=broken.as_of)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the examples per second of each strategy; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1] if __doc__ else None)
    parser.add_argument("--examples", type=int, default=200, help="examples per run (200)")
    args = parser.parse_args(argv)
    runs: list[tuple[str, SearchStrategy[Any], Callable[[Any], object]]] = [
        ("action_plans()", action_plans(), lambda _: None),
        ("action_plans(valid=False)", action_plans(valid=False), lambda _: None),
        ("documents()", documents(), lambda _: None),
        ("broken_plans()", broken_plans(), lambda _: None),
        ("action_plans() + validate", action_plans(), ogpmodel.validate),
        ("broken_plans() + validate", broken_plans(), validate_broken),
    ]
    print(f"{'strategy':<30} {'examples/s':>10}")
    for name, strategy, body in runs:
        print(f"{name:<30} {rate(strategy, args.examples, body):>10.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
