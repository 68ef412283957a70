"""
The public strategies pass Hypothesis' health checks with the settings a user gets by default.

Installing the ``hypothesis`` extra loads the settings profile ``"ogpmodel"`` (the plugin):
Hypothesis' defaults, deadline included, less the two health checks that whole plans trip on a
busy machine with nothing wrong. Every other health check stays on, and every public strategy
passes them.
"""

import os
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.strategies import SearchStrategy

from ogpmodel import _hypothesis_plugin, strategies

PUBLIC: dict[str, SearchStrategy[Any]] = {
    "action_plans": strategies.action_plans(),
    "action_plans(valid=False)": strategies.action_plans(valid=False),
    "documents": strategies.documents(),
    "broken_plans": strategies.broken_plans(),
    "texts": strategies.texts(),
    "partial_dates": strategies.partial_dates(),
    "dates": strategies.dates(),
    "periods": strategies.periods(),
    "links": strategies.links(),
    "stakeholders": strategies.stakeholders(),
    "milestones": strategies.milestones(),
    "commitments": strategies.commitments(),
    "assessments": strategies.assessments(),
    "histories": strategies.histories("plan"),
}

#: What a user's ``@given`` runs with when nothing is set: the profile of the plugin.
USER_DEFAULTS = settings(settings.get_profile(_hypothesis_plugin.PROFILE), database=None)


@pytest.mark.parametrize("strategy", PUBLIC.values(), ids=list(PUBLIC))
def test_public_strategy_passes_the_default_health_checks(strategy: SearchStrategy[Any]) -> None:
    """A few examples with the default health checks and deadline: none trips."""

    @settings(USER_DEFAULTS, max_examples=10)
    @given(strategy)
    def draw(value: object) -> None:
        assert value is not None

    draw()


def test_the_profile_suppresses_only_the_two_checks_of_size() -> None:
    """The profile keeps Hypothesis' deadline and every health check but too_slow and data_too_large."""
    profile = settings.get_profile(_hypothesis_plugin.PROFILE)
    default = settings.get_profile("default")
    assert set(profile.suppress_health_check) == {HealthCheck.too_slow, HealthCheck.data_too_large}
    assert (profile.deadline, profile.max_examples) == (default.deadline, default.max_examples)


#: The variables by which Hypothesis knows it runs on a CI server (and loads its "ci" profile).
CI_VARIABLES = (
    "CI",
    "TF_BUILD",
    "BUILDKITE",
    "CIRCLECI",
    "CIRRUS_CI",
    "GITHUB_ACTIONS",
    "GITLAB_CI",
)


@pytest.mark.parametrize(
    ("variables", "expected"),
    [({}, "ogpmodel"), ({"HYPOTHESIS_NO_PLUGINS": "1"}, "default"), ({"CI": "true"}, "ci")],
    ids=["plugin", "no plugins", "on a CI server"],
)
def test_importing_hypothesis_loads_the_profile(variables: dict[str, str], expected: str) -> None:
    """With the plugin, Hypothesis starts in the profile; without, or on CI, in its own."""
    code = (
        "from hypothesis import settings; print(settings.get_current_profile_name());"
        "print(settings.get_profile('ogpmodel').suppress_health_check)"
    )
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in CI_VARIABLES and name != "HYPOTHESIS_NO_PLUGINS"
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**environment, **variables},
        check=False,
    )
    if "HYPOTHESIS_NO_PLUGINS" in variables:  # no plugin: no profile of ours either
        assert "'ogpmodel' is not registered" in result.stderr
        assert result.stdout.strip() == expected
    else:
        assert result.returncode == 0, result.stderr
        current, suppressed = result.stdout.strip().splitlines()
        assert current == expected
        assert "too_slow" in suppressed
        assert "data_too_large" in suppressed
