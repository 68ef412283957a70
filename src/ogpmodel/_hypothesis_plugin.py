"""
The Hypothesis plugin of ogpmodel: ``st.from_type`` for every model class.

Hypothesis calls `_setup` when it is imported, through the ``hypothesis`` entry point that
``pip install ogpmodel[hypothesis]`` declares. `_setup` registers a resolver for each attrs class
that ``ogpmodel`` exports, so ``st.from_type(ActionPlan)`` (and ``@given(plan=...)`` with type
inference) draws from `ogpmodel.strategies` without that module being imported by hand.

`ogpmodel.strategies` is imported only when a type is first resolved: importing it imports
Hypothesis, and a user who imports ``ogpmodel.strategies`` first would otherwise have this hook
import the half-initialised module.
"""

from typing import Any


def _resolve(cls: type[Any]) -> Any:
    """Return the strategy of *cls* (called by Hypothesis with the type it resolves)."""
    from ogpmodel import strategies

    try:
        return strategies.strategy_for(cls)
    except LookupError:
        return NotImplemented  # Hypothesis then infers a strategy itself


def _setup() -> None:
    """Register a type strategy for every attrs class that ``ogpmodel`` exports."""
    import attrs
    import hypothesis.strategies as st

    import ogpmodel

    for name in ogpmodel.__all__:
        obj = getattr(ogpmodel, name)
        if isinstance(obj, type) and attrs.has(obj):
            st.register_type_strategy(obj, _resolve)
