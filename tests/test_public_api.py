"""Tests of the public names of the `ogpmodel` package."""

import ast
import importlib.metadata
import inspect
import pathlib
import subprocess
import sys

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


def _run(code: str) -> str:
    """What *code* prints in a fresh interpreter."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def _imported_names() -> dict[str, tuple[str, ...]]:
    """The names the package's ``if TYPE_CHECKING:`` block imports, by module."""
    source = pathlib.Path(ogpmodel.__file__).read_text(encoding="utf-8")
    block = next(
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    return {
        node.module.removeprefix("ogpmodel."): tuple(alias.name for alias in node.names)
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module and node.module != "ogpmodel"
    }


class TestLazyImports:
    def test_import_loads_no_module_of_the_package(self) -> None:
        """``import ogpmodel`` imports none of its modules, nor attrs: names load when used."""
        code = (
            "import sys, ogpmodel; "
            "print(sorted(m for m in sys.modules if m.startswith(('ogpmodel.', 'attr'))))"
        )
        expected = "['ogpmodel._loaders']"  # a list, empty until a rule is looked up
        assert expected == _run(code)

    @pytest.mark.parametrize(
        "code",
        [
            "from ogpmodel.serialize import loads\ntry: loads(b'')\nexcept Exception as e: print(e)",
            "import ogpmodel\ntry: ogpmodel.loads('[]')\nexcept Exception as e: print(e)",
            "from ogpmodel.report import Finding, Severity\n"
            "print(Finding('schema.required', Severity.ERROR, '/id', {'field': 'id'}))",
        ],
    )
    def test_a_finding_renders_whatever_was_imported(self, code: str) -> None:
        """A finding made before any rule module was imported renders: the rules load first."""
        printed = _run(code)
        assert "[schema." in printed
        assert "no rule with code" not in printed

    def test_the_errors_and_the_version_load_no_model(self) -> None:
        """A tool that only catches errors or names the version pays for neither attrs nor the model."""
        code = (
            "import sys, ogpmodel; ogpmodel.InvalidDocument, ogpmodel.SCHEMA_VERSION; "
            "print(sorted(m for m in sys.modules if m.startswith(('ogpmodel.', 'attr'))))"
        )
        expected = "['ogpmodel._loaders', 'ogpmodel._resources', 'ogpmodel.errors']"
        assert expected == _run(code)

    def test_a_plan_prints_as_ogp_json_whatever_was_imported(self) -> None:
        """A plan made with the model alone pretty-prints as the OGP JSON that reads it back."""
        code = (
            "import sys\n"
            "from ogpmodel.codelists import Membership, PlanStatus\n"
            "from ogpmodel.model import ActionPlan, Member\n"
            "from ogpmodel.values import PartialDate, Period, Text\n"
            "plan = ActionPlan(id='p', title=Text('Plan'), language='en',\n"
            "    status=PlanStatus('planning'), period=Period(PartialDate.parse('2025')),\n"
            "    member=Member(name=Text('Maipú'), membership=Membership('local'), country='CL'))\n"
            "before = 'ogpmodel.serialize' in sys.modules\n"
            "class Printer(list):  # what IPython's and Hypothesis' printers are to it\n"
            "    text = list.append\n"
            "printer = Printer()\n"
            "plan._repr_pretty_(printer, False)\n"
            "import ogpmodel\n"
            "print(before, eval(''.join(printer), {'ogpmodel': ogpmodel}) == plan)"
        )
        expected = "False True"
        assert expected == _run(code)

    def test_homes_are_what_type_checkers_see(self) -> None:
        """The run-time homes of the names are the imports type checkers read."""
        expected = _imported_names()
        assert expected == ogpmodel._HOMES

    def test_every_public_name_has_a_home(self) -> None:
        """Each name of ``__all__`` is loaded from one module, and only those are."""
        expected = sorted(ogpmodel.__all__)
        assert expected == sorted(ogpmodel._HOME_OF)

    @pytest.mark.parametrize("name", PUBLIC)
    def test_a_name_is_its_modules_object(self, name: str) -> None:
        """The package's name is the very object its module defines."""
        home = importlib.import_module(f"ogpmodel.{ogpmodel._HOME_OF[name]}")
        assert getattr(ogpmodel, name) is getattr(home, name)

    def test_functions_keep_their_names_when_their_modules_load(self) -> None:
        """After ``import ogpmodel.rules`` (a module), ``ogpmodel.rules`` is still the function."""
        code = (
            "import ogpmodel.rules, ogpmodel.schema, ogpmodel.stats, ogpmodel; "
            "print([type(getattr(ogpmodel, n)).__name__ for n in ('rules', 'schema', 'stats')])"
        )
        expected = "['function', 'function', 'function']"
        assert expected == _run(code)

    def test_submodules_stay_attributes(self) -> None:
        """``ogpmodel.timeline``, a module the package imported, is one of its attributes."""
        code = "import ogpmodel; print(ogpmodel.timeline.__name__)"
        expected = "ogpmodel.timeline"
        assert expected == _run(code)


#: The public names of each public module before the package was layered: each stays importable.
NAMES_BEFORE_LAYERING: dict[str, tuple[str, ...]] = {
    "ogpmodel": (
        "DIOG",
        "PROFILES",
        "SCHEMA_VERSION",
        "ActionPlan",
        "AmbiguousId",
        "Assessment",
        "AssessmentType",
        "Commitment",
        "CommitmentDesign",
        "CommitmentStatus",
        "Completion",
        "Contact",
        "DIOGDimension",
        "DidItOpenGovernment",
        "EndOfCommitmentReport",
        "Endorsement",
        "Finding",
        "Forum",
        "Goal",
        "IRMProduct",
        "Identifier",
        "InceptionReport",
        "InceptionRequirements",
        "InvalidDocument",
        "InvalidPlan",
        "InvalidValue",
        "IrmReview",
        "Jurisdiction",
        "Link",
        "Meeting",
        "Member",
        "Membership",
        "Milestone",
        "MilestoneStatus",
        "MonitoringBody",
        "Novelty",
        "OGPModelError",
        "OGPValue",
        "PartialDate",
        "Period",
        "PlanStatus",
        "PotentialForResults",
        "PotentialImpact",
        "Profile",
        "ProgressReport",
        "Role",
        "Rule",
        "Sector",
        "Severity",
        "Specificity",
        "Stakeholder",
        "StakeholderKind",
        "StrategicVision",
        "Text",
        "TransitionError",
        "TransitionEvent",
        "UnknownId",
        "ValidationReport",
        "Verifiable",
        "allowed_transitions",
        "check_transition",
        "dump",
        "dump_lines",
        "dumps",
        "explain",
        "from_dict",
        "iter_load",
        "load",
        "loads",
        "mermaid",
        "replay",
        "rules",
        "schema",
        "tables_json",
        "to_dict",
        "transition",
        "validate",
    ),
    "ogpmodel.assessment": (
        "CommitmentIndicators",
        "PlanIndicators",
        "high_completion",
        "indicators",
        "starred",
        "strong_early_results",
    ),
    "ogpmodel.cli": ("main", "run"),
    "ogpmodel.codelists": (
        "CODELISTS",
        "COUNTRIES",
        "DIOG",
        "OPEN_CODELISTS",
        "AssessmentType",
        "Code",
        "CodeInfo",
        "CommitmentStatus",
        "Completion",
        "DIOGDimension",
        "IRMProduct",
        "Jurisdiction",
        "Language",
        "Membership",
        "MilestoneStatus",
        "Novelty",
        "OGPValue",
        "OpenCodelist",
        "PlanStatus",
        "PotentialForResults",
        "PotentialImpact",
        "Role",
        "Sector",
        "Specificity",
        "StakeholderKind",
        "Verifiable",
        "codelist_name",
    ),
    "ogpmodel.errors": (
        "AmbiguousId",
        "InvalidDocument",
        "InvalidPlan",
        "InvalidValue",
        "OGPModelError",
        "TransitionError",
        "UnknownId",
    ),
    "ogpmodel.lifecycle": (
        "COMMITMENT",
        "MILESTONE",
        "PLAN",
        "TABLES",
        "Kind",
        "Status",
        "Table",
        "Target",
        "Transition",
        "allowed_transitions",
        "check_transition",
        "mermaid",
        "replay",
        "tables_json",
        "transition",
    ),
    "ogpmodel.model": (
        "SCHEMA_VERSION",
        "ActionPlan",
        "Assessment",
        "Commitment",
        "CommitmentDesign",
        "Contact",
        "DidItOpenGovernment",
        "EndOfCommitmentReport",
        "Endorsement",
        "Forum",
        "Goal",
        "Identifier",
        "InceptionReport",
        "InceptionRequirements",
        "IrmReview",
        "Meeting",
        "Member",
        "Milestone",
        "MonitoringBody",
        "ProgressReport",
        "Stakeholder",
        "State",
        "StrategicVision",
        "TransitionEvent",
    ),
    "ogpmodel.report": ("Finding", "Severity", "ValidationReport", "escape_pointer", "pointer"),
    "ogpmodel.rules": (
        "PROFILES",
        "Context",
        "Hit",
        "Profile",
        "Rule",
        "check_plan",
        "explain",
        "get_rule",
        "resolve_profile",
        "rules",
    ),
    "ogpmodel.rules.assessments": ("LEGACY_INDICATORS", "NEW_INDICATORS", "out_of_era"),
    "ogpmodel.schema": (
        "REPORT_SCHEMA_ID",
        "SCHEMA_ID",
        "generate_schema",
        "iter_schema_findings",
        "schema",
    ),
    "ogpmodel.serialize": (
        "dump",
        "dump_lines",
        "dumps",
        "from_dict",
        "iter_load",
        "load",
        "loads",
        "read",
        "to_dict",
    ),
    "ogpmodel.strategies": (
        "BrokenPlan",
        "action_plans",
        "assessments",
        "breakable_codes",
        "broken_plans",
        "commitments",
        "dates",
        "documents",
        "histories",
        "links",
        "milestones",
        "partial_dates",
        "periods",
        "stakeholders",
        "strategy_for",
        "texts",
    ),
    "ogpmodel.validation": ("validate",),
    "ogpmodel.values": ("Link", "PartialDate", "Period", "Precision", "Text"),
}

PUBLIC_MODULES = (
    "ogpmodel",
    "ogpmodel.assessment",
    "ogpmodel.cli",
    "ogpmodel.codelists",
    "ogpmodel.convert",
    "ogpmodel.convert.canada_nap",
    "ogpmodel.convert.us_nap5",
    "ogpmodel.errors",
    "ogpmodel.lifecycle",
    "ogpmodel.model",
    "ogpmodel.profiles",
    "ogpmodel.report",
    "ogpmodel.rules",
    "ogpmodel.schema",
    "ogpmodel.serialize",
    "ogpmodel.stats",
    "ogpmodel.strategies",
    "ogpmodel.timeline",
    "ogpmodel.validation",
    "ogpmodel.values",
)


@pytest.mark.parametrize(
    ("module", "name"),
    [(m, n) for m, names in NAMES_BEFORE_LAYERING.items() for n in names],
)
def test_names_stay_importable(module: str, name: str) -> None:
    assert hasattr(importlib.import_module(module), name)


@pytest.mark.parametrize("module", PUBLIC_MODULES)
def test_public_modules_declare_all_and_dir(module: str) -> None:
    imported = importlib.import_module(module)
    names = imported.__all__
    assert sorted(names, key=isort_key) == list(names)
    assert all(hasattr(imported, n) for n in names)
    assert set(names) <= set(dir(imported))
    assert "__dir__" in vars(imported)
