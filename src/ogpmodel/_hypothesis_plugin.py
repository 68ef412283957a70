"""
The Hypothesis plugin of ogpmodel: ``st.from_type`` for every model class.

Hypothesis calls `_setup` when it is imported, through the ``hypothesis`` entry point that
``pip install ogpmodel[hypothesis]`` declares. `_setup` registers a resolver for each attrs class
that ``ogpmodel`` exports, so ``st.from_type(ActionPlan)`` (and ``@given(plan=...)`` with type
inference) draws from `ogpmodel.strategies` without that module being imported by hand.

`ogpmodel.strategies` is imported only when a type is first resolved: importing it imports
Hypothesis, and a user who imports ``ogpmodel.strategies`` first would otherwise have this hook
import the half-initialised module.

`_setup` also loads the settings profile ``"ogpmodel"``: Hypothesis' defaults less the health
checks that whole plans trip on a busy machine with nothing wrong (`SLOW_BUT_SAFE`), so that
``@given(action_plans())`` passes with default settings. A profile the user loads replaces it,
and so does the ``"ci"`` profile Hypothesis loads itself on a CI server (it already suppresses
``too_slow`` and has no deadline); the profile stays registered either way.
"""

from typing import Any


def _resolve(cls: type[Any]) -> Any:
    """Return the strategy of *cls* (called by Hypothesis with the type it resolves)."""
    from ogpmodel import strategies

    try:
        return strategies.strategy_for(cls)
    except LookupError:
        return NotImplemented  # Hypothesis then infers a strategy itself


#: The health checks that drawing whole plans trips with nothing wrong, on a busy machine: a
#: valid plan takes 20 to 300 ms to draw (a broken one up to 700 ms), so the first ten can
#: pass the one second of ``too_slow``, and a large plan now and then exceeds the choices
#: Hypothesis allows one input (``data_too_large``), which is discarded. The others
#: (``filter_too_much``, ``large_base_example``, …) stay on.
SLOW_BUT_SAFE = ("too_slow", "data_too_large")

#: The name of the settings profile the plugin loads.
PROFILE = "ogpmodel"


def _setup() -> None:
    """Register a type strategy for every attrs class that ``ogpmodel`` exports; load the profile."""
    import attrs
    import hypothesis.strategies as st
    from hypothesis import HealthCheck, settings

    import ogpmodel

    default = settings.get_profile("default")  # not the current one: that may be Hypothesis' "ci"
    suppressed = (*default.suppress_health_check, *map(HealthCheck.__getitem__, SLOW_BUT_SAFE))
    settings.register_profile(PROFILE, default, suppress_health_check=suppressed)
    if settings.get_current_profile_name() == "default":  # a profile chosen before stays
        settings.load_profile(PROFILE)

    for name in ogpmodel.__all__:
        obj = getattr(ogpmodel, name)
        if isinstance(obj, type) and attrs.has(obj):
            st.register_type_strategy(obj, _resolve)
