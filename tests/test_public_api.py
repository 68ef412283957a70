"""Tests of the public names of the `ogpmodel` package."""

import importlib.metadata
import inspect

import pytest

import ogpmodel


def isort_key(name: str) -> tuple[int, str]:
    """Sort as ruff's RUF022 does: CONSTANTS, then Classes, then the rest, each alphabetically."""
    if name.isupper():
        return (0, name)
    return (1, name) if name[:1].isupper() else (2, name)


PUBLIC = [pytest.param(name, id=name) for name in ogpmodel.__all__]
#: The public classes and functions (not constants or type aliases).
DEFINITIONS = [
    pytest.param(name, id=name)
    for name in ogpmodel.__all__
    if inspect.isclass(getattr(ogpmodel, name, None))
    or inspect.isfunction(getattr(ogpmodel, name, None))
]


class TestAll:
    def test_is_sorted(self) -> None:
        """__all__ is in isort order: constants, then classes, then functions."""
        expected = sorted(ogpmodel.__all__, key=isort_key)
        assert expected == ogpmodel.__all__

    def test_has_no_duplicates(self) -> None:
        """Every name appears once in __all__."""
        expected = len(ogpmodel.__all__)
        assert expected == len(set(ogpmodel.__all__))

    @pytest.mark.parametrize("name", PUBLIC)
    def test_name_exists(self, name: str) -> None:
        """Every name in __all__ is an attribute of the package, listed by dir()."""
        expected = (True, True)
        assert expected == (hasattr(ogpmodel, name), name in dir(ogpmodel))

    def test_classes_and_functions_are_found(self) -> None:
        """The package exports classes and functions to check (the lists below are not empty)."""
        expected = True
        assert expected == ("ActionPlan" in [param.id for param in DEFINITIONS])

    @pytest.mark.parametrize("name", DEFINITIONS)
    def test_public_objects_are_documented(self, name: str) -> None:
        """Every public class and function has a docstring of its own, not an inherited one."""
        obj = getattr(ogpmodel, name)
        own = vars(obj).get("__doc__") if inspect.isclass(obj) else obj.__doc__

        expected = True
        assert expected == bool(own and own.strip())

    @pytest.mark.parametrize("name", DEFINITIONS)
    def test_public_objects_live_in_the_package(self, name: str) -> None:
        """Every public class and function is defined in an ogpmodel module."""
        module: str = getattr(ogpmodel, name).__module__

        expected = "ogpmodel"
        assert expected == module.split(".")[0]


class TestModuleAttributes:
    def test_version_is_the_installed_version(self) -> None:
        """__version__ is the version of the installed distribution."""
        expected = importlib.metadata.version("ogpmodel")
        assert expected == ogpmodel.__version__

    def test_version_is_listed_by_dir(self) -> None:
        """dir() lists __version__, though it is computed on access."""
        assert "__version__" in dir(ogpmodel)

    def test_unknown_attribute(self) -> None:
        """Asking for a name the package does not have raises AttributeError naming it."""
        with pytest.raises(AttributeError) as info:
            _ = ogpmodel.no_such_name

        expected = "module 'ogpmodel' has no attribute 'no_such_name'"
        assert expected == str(info.value)
