"""
The package is layered as docs/architecture.md lists it.

Every import of an ogpmodel module by another is read from the source (top level, inside
functions, under ``TYPE_CHECKING``), and importing a module of a subpackage counts as importing
the subpackage too (Python runs its ``__init__`` first), except from inside that subpackage. Run-time imports must point to the same
layer or a lower one and form no cycle; type-only imports may point up.

``python -m tests.test_architecture`` prints the graph's figures.
"""

import ast
import pathlib
import re
from collections.abc import Iterator, Mapping

import attrs
import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "ogpmodel"
ARCHITECTURE = ROOT / "docs" / "architecture.md"


@attrs.frozen
class Edge:
    source: str
    target: str
    line: int
    type_only: bool


def module_names() -> dict[str, pathlib.Path]:
    """Every module of the package by dotted name (``ogpmodel.rules._engine``)."""
    names = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, type_only: bool = False) -> Iterator[tuple[ast.AST, bool]]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node, type_only
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                yield from _imports(ast.Module(body=[child], type_ignores=[]), True)
            for child in node.orelse:
                yield from _imports(ast.Module(body=[child], type_ignores=[]), type_only)
        else:
            yield from _imports(node, type_only)


def _with_parents(name: str, modules: Mapping[str, pathlib.Path]) -> Iterator[str]:
    """*name* and the subpackages Python imports first (never the root package itself)."""
    parts = name.split(".")
    for end in range(2, len(parts)):
        parent = ".".join(parts[:end])
        if parent in modules:
            yield parent
    yield name


def edges() -> list[Edge]:
    """Every import of one ogpmodel module by another."""
    modules = module_names()
    found: list[Edge] = []
    for source, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        is_package = path.name == "__init__.py"
        for node, type_only in _imports(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = source.split(".")
                    if not is_package:
                        anchor = anchor[:-1]
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join([*anchor, *([base] if base else [])])
                submodules = [f"{base}.{a.name}" for a in node.names]
                targets = [name for name in submodules if name in modules]
                if len(targets) < len(submodules):  # names defined in the module *base*
                    targets.append(base)
            line = getattr(node, "lineno", 0)
            for target in targets:
                if not target.startswith("ogpmodel"):
                    continue
                # A module's own packages are initialised before it: not an edge.
                found.extend(
                    Edge(source, name, line, type_only)
                    for name in _with_parents(target, modules)
                    if name in modules and not (source == name or source.startswith(name + "."))
                )
    return found


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def run_time_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in module_names()}
    for edge in edges():
        if not edge.type_only:
            graph[edge.source].add(edge.target)
    return graph


_LAYER_ROW = re.compile(r"^\|\s*(\d+)\s*\|[^|]*\|(.*)\|\s*$")


def layers() -> dict[str, int]:
    """The layer of each module pattern, from the table in docs/architecture.md."""
    table: dict[str, int] = {}
    for line in ARCHITECTURE.read_text(encoding="utf-8").splitlines():
        match = _LAYER_ROW.match(line)
        if match:
            for pattern in re.findall(r"`([^`]+)`", match.group(2)):
                table[pattern] = int(match.group(1))
    return table


def layer_of(module: str, table: Mapping[str, int]) -> int | None:
    """The layer of *module*: its own row, else the row of its package's ``pkg.*`` pattern."""
    short = module.removeprefix("ogpmodel").removeprefix(".") or "ogpmodel"
    if short in table:
        return table[short]
    parts = short.split(".")
    for end in range(len(parts) - 1, 0, -1):
        pattern = ".".join(parts[:end]) + ".*"
        if pattern in table:
            return table[pattern]
    return None


def test_every_module_has_a_layer() -> None:
    table = layers()
    assert table, "docs/architecture.md has no layer table"
    missing = [m for m in module_names() if layer_of(m, table) is None]
    assert missing == []


def test_run_time_imports_point_down() -> None:
    table = layers()
    upward = [
        f"{e.source} (layer {layer_of(e.source, table)}) line {e.line} imports "
        f"{e.target} (layer {layer_of(e.target, table)})"
        for e in edges()
        if not e.type_only and (layer_of(e.target, table) or 0) > (layer_of(e.source, table) or 0)
    ]
    assert upward == []


def test_no_import_cycle() -> None:
    assert cycles(run_time_graph()) == []


def test_the_analysis_sees_every_kind_of_import(tmp_path: pathlib.Path) -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "import ogpmodel.errors\n"
        "from ogpmodel.rules import _engine\n"
        "if TYPE_CHECKING:\n"
        "    from ogpmodel.report import Finding\n"
        "def f():\n"
        "    from ogpmodel import model\n"
    )
    found = [
        (type_only, getattr(node, "lineno", 0)) for node, type_only in _imports(ast.parse(source))
    ]
    assert [(False, 1), (False, 2), (False, 3), (True, 5), (False, 7)] == found


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}, "c": set()}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ],
)
def test_cycles_are_found(graph: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert expected == cycles(graph)


def main() -> None:
    """Print the figures of the import graph."""
    all_edges = edges()
    run_time = {(e.source, e.target) for e in all_edges if not e.type_only}
    type_only = {(e.source, e.target) for e in all_edges if e.type_only} - run_time
    found = cycles(run_time_graph())
    sizes = {name: len(path.read_text().splitlines()) for name, path in module_names().items()}
    largest = max(sizes, key=lambda n: sizes[n])
    print(f"modules: {len(sizes)}")
    print(f"run-time edges: {len(run_time)}; type-only edges: {len(type_only)}")
    print(f"cycles: {len(found)}; modules in cycles: {sum(len(c) for c in found)}")
    for component in found:
        print("  cycle:", ", ".join(component))
    print(f"largest module: {largest} ({sizes[largest]} lines)")


if __name__ == "__main__":
    main()
