"""Shared test configuration: Hypothesis profiles, chosen with HYPOTHESIS_PROFILE."""

import os

from hypothesis import HealthCheck, settings

# "ci": deterministic (the same examples every run) so CI results are reproducible.
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=100,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
# "dev": random exploration, the default on a developer's machine.
settings.register_profile("dev", deadline=None, max_examples=100)
# "fast": a quick smoke run.
settings.register_profile("fast", deadline=None, max_examples=10)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
