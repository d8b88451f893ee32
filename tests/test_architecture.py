"""The import graph of ``src/diplolib``: no cycles, no imports of another module's private names.

The graph is read from the source with :mod:`ast`, so imports inside functions
count too; imports under ``if TYPE_CHECKING:`` are type names only and do not
run, so they are left out of the cycle check (but not of the private-name check).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "diplolib"


@dataclass
class Graph:
    modules: set[str] = field(default_factory=set)
    edges: dict[str, set[str]] = field(default_factory=dict)
    private: list[str] = field(default_factory=list)


def _module_name(path: Path, root: Path) -> tuple[str, list[str]]:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
        return ".".join(parts), parts
    return ".".join(parts), parts[:-1]


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    guarded: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                guarded.update(id(n) for n in ast.walk(inner))
    return guarded


def build_graph(root: Path) -> Graph:
    """Every module of the package at ``root``, what it imports, and private names it imports."""
    graph = Graph()
    sources: dict[str, tuple[Path, list[str]]] = {}
    for path in sorted(root.rglob("*.py")):
        name, package = _module_name(path, root)
        sources[name] = (path, package)
    graph.modules = set(sources)
    top = root.name
    for name, (path, package) in sources.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        typing_only = _type_checking_nodes(tree)
        targets = graph.edges.setdefault(name, set())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == top and id(node) not in typing_only:
                        targets.add(alias.name)
                continue
            if not isinstance(node, ast.ImportFrom):
                continue
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            if module.split(".")[0] != top:
                continue
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                target = submodule if submodule in sources else module
                if id(node) not in typing_only and target != name:
                    targets.add(target)
                private = alias.name.startswith("_") and not alias.name.startswith("__")
                if target == module and private:
                    graph.private.append(f"{name} imports {alias.name} from {module}")
    for name, targets in graph.edges.items():
        # Importing a.b.c runs the packages a.b first, unless they are the importer's own.
        own = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
        for target in list(targets):
            parts = target.split(".")
            parents = {".".join(parts[:i]) for i in range(2, len(parts))}
            targets.update(p for p in parents - own if p in graph.modules and p != name)
    return graph


def find_cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle a depth-first walk meets (each as a path that ends where it starts)."""
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return cycles


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_graph(SRC)


def test_the_graph_sees_the_whole_package(graph: Graph) -> None:
    assert {"diplolib.models", "diplolib.po", "diplolib.cli._content", "diplolib.az"} <= (
        graph.modules
    )
    assert "diplolib.models" in graph.edges["diplolib.library"]
    assert "diplolib.library" in graph.edges["diplolib.cli._content"]  # a lazy import counts
    assert "diplolib.az._normalize" in graph.edges["diplolib.az"]


def test_no_import_cycles(graph: Graph) -> None:
    assert find_cycles(graph.edges) == []


def test_no_module_imports_another_modules_private_names(graph: Graph) -> None:
    assert graph.private == []


def test_checks_find_what_they_look_for(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "a.py").write_text("from .b import thing\n", encoding="utf-8")
    (package / "b.py").write_text("def f():\n    from .sub.c import _hidden\n", encoding="utf-8")
    (package / "sub" / "__init__.py").write_text("from .. import a\n", encoding="utf-8")
    (package / "sub" / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..a import x\n",
        encoding="utf-8",
    )
    found = build_graph(package)
    assert found.private == ["pkg.b imports _hidden from pkg.sub.c"]
    assert found.edges["pkg.sub.c"] == set()
    assert found.edges["pkg.b"] == {"pkg.sub", "pkg.sub.c"}  # the package runs first
    assert find_cycles(found.edges) == [["pkg.a", "pkg.b", "pkg.sub", "pkg.a"]]


def test_catalog_runtime_stands_apart_from_tooling_and_content(graph: Graph) -> None:
    runtime = {m for m in graph.modules if m.startswith("diplolib._gettext")}
    assert runtime >= {
        "diplolib._gettext.po",
        "diplolib._gettext.mo",
        "diplolib._gettext.plural",
        "diplolib._gettext.template",
        "diplolib._gettext.catalogs",
    }
    outside = {t for m in runtime for t in graph.edges[m] if not t.startswith("diplolib._gettext")}
    assert outside <= {"diplolib.errors", "diplolib.languages"}
    users = {m for m, targets in graph.edges.items() if targets & runtime} - runtime
    assert {"diplolib.i18n", "diplolib._catalog_tools", "diplolib.po"} <= users
    assert "diplolib.po" not in graph.edges["diplolib._catalog_tools"]


# The layers docs/architecture.md shows, lowest first: a module imports only from
# its own layer or lower ones (the package root only re-exports, lazily).
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"errors"}),
    frozenset(
        {
            "languages",
            "text_rules",
            "_deprecation",
            "_journal",
            "_content_guard",
            "content_types",
            "_resources",
            "_atomic",
            "_gc",
            "_gettext",
            "az",
            "_detect_features",
            "_detect_model",
            "_detect_evidence",
        }
    ),
    frozenset({"text", "i18n", "_ui_strings", "names", "slugs", "detect", "clock", "web"}),
    frozenset({"models", "staleness", "reader", "_query"}),
    frozenset({"dates", "numbers", "library", "publish", "_labels", "search"}),
    frozenset({"_catalog_tools", "po", "jinja", "sitemaps", "feeds", "store"}),
    frozenset({"preview"}),
    frozenset({"_demo", "cli", "__main__", "django"}),
)


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_imports_go_down_the_layers(graph: Graph) -> None:
    layer = {name: i for i, names in enumerate(LAYERS) for name in names}
    parts = {_part(m) for m in graph.modules} - {""}
    assert parts == set(layer), "every module belongs to one layer"
    upward = sorted(
        f"{source} -> {target}"
        for source, targets in graph.edges.items()
        for target in targets
        if _part(source) and _part(target) and layer[_part(target)] > layer[_part(source)]
    )
    assert upward == []
