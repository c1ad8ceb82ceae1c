"""The generator's shape: stage packages, imports that run one way, no import circle anywhere.

Every import in every module of scripts/ counts, including imports inside functions and under
``if TYPE_CHECKING:``: a circle hidden that way is still a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

SCRIPTS = REPO / "scripts"
STAGES = ["errors", "store", "content", "i18n", "render", "site", "preview"]
"""The pipeline, in the order data flows: a stage may import only the stages before it."""
APART = {"importer": ["errors", "store", "content"], "dev": STAGES, "cli": [*STAGES, "importer"], "__main__": ["cli"]}
"""Packages beside the line, and the stages each may use."""


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in SCRIPTS.rglob("*.py")}


def imports(path: Path, known: set[str]) -> set[str]:
    """Every module of scripts/ that ``path`` imports, anywhere in the file."""
    own = module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != own and name != "scripts":
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports(path, set(found)) for name, path in found.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle (strongly connected component with more than one module, or a self-import)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in edges.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1 or node in edges.get(node, ()):
                out.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return out


def test_the_cycle_finder_finds_hidden_circles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle_anywhere_in_scripts() -> None:
    assert cycles(graph()) == []


def stage_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_imports_run_one_way_down_the_pipeline() -> None:
    wrong = []
    for module, targets in graph().items():
        stage = stage_of(module)
        if stage in STAGES:
            allowed = STAGES[: STAGES.index(stage) + 1]
        elif stage in APART:
            allowed = [*APART[stage], stage]
        else:
            allowed = STAGES
        wrong += [f"{module} imports {target}" for target in targets if stage_of(target) not in allowed]
    assert wrong == []


@pytest.mark.parametrize("path", sorted(SCRIPTS.rglob("*.py")), ids=lambda p: module_name(p))
def test_every_module_reads_in_one_sitting(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


def test_every_stage_is_a_package_with_a_docstring() -> None:
    for stage in [*STAGES[2:], "importer", "dev"]:  # errors and store are single modules
        init = SCRIPTS / stage / "__init__.py"
        assert init.is_file(), stage
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), stage


NETWORK = {"requests", "urllib.request", "http.client", "socket", "urllib3", "httpx", "aiohttp", "ftplib"}
"""Modules that reach other machines."""


def test_only_the_importer_fetcher_uses_the_network() -> None:
    """Building, checking and previewing never contact another machine; only importing does, in one place."""
    users = set()
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            found = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            if any(f == n or f.startswith(n + ".") for f in found for n in NETWORK):
                users.add(name)
    assert users == {"scripts.importer.fetch"}
