"""The package's shape: imports flow one way (no cycle, counting imports made only for type
checking), and no function is too complex to read (radon's cyclomatic complexity ≤ 25)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
MAX_COMPLEXITY = 25


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Every accord module that ``path`` imports, at any depth of the file (lazy imports and
    ``TYPE_CHECKING`` blocks included: a cycle through either is still a cycle in the design)."""
    name = _module(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    files = sorted(SRC.rglob("*.py"))
    modules = {_module(f) for f in files}
    graph = {_module(f): _imports(f, modules) for f in files}
    # a package's __init__ re-exporting its own modules is not a dependency of those modules
    for name, deps in graph.items():
        graph[name] = {d for d in deps if not name.startswith(d + ".")}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_find_cycle_sees_a_cycle_and_its_absence() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_lazy_imports_are_edges() -> None:
    graph = import_graph()
    assert "accord.case" in graph["accord.cli.validate"]


def test_no_import_cycle_in_src() -> None:
    assert find_cycle(import_graph()) is None


def test_no_function_above_the_complexity_limit() -> None:
    radon = pytest.importorskip("radon.complexity", reason="radon is a dev dependency")
    too_complex = set()
    for path in sorted(SRC.rglob("*.py")):
        for block in radon.cc_visit(path.read_text(encoding="utf-8")):
            for item in [block, *getattr(block, "methods", [])]:
                if not hasattr(item, "methods") and item.complexity > MAX_COMPLEXITY:
                    where = f"{path.relative_to(SRC)}:{item.lineno} {item.fullname}"
                    too_complex.add(f"{where} ({item.complexity})")
    assert not too_complex, "split these into named steps:\n" + "\n".join(sorted(too_complex))
