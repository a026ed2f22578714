"""The import directions of ARCHITECTURE.md, kept true.

Every module of `daemon/followup` is parsed with `ast` (nothing is imported, so no import
side effect can hide an edge); every `import followup...` / `from followup... import ...`,
at the top or inside a function, is an arrow from that module. The arrows must follow the
layer list in ARCHITECTURE.md (its ```layers block is the one declaration: the test reads
it) and must form no cycle, between modules or between packages.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "daemon"
ARCHITECTURE = ROOT / "ARCHITECTURE.md"

Graph = dict[str, set[str]]


@dataclass(frozen=True)
class Module:
    name: str  # dotted, e.g. "followup.judge.classify"; a package is its __init__
    path: Path
    is_package: bool


def find_modules(source: Path, package: str = "followup") -> dict[str, Module]:
    """Every module of `package` under `source`, by dotted name."""
    found = {}
    for path in sorted((source / package).rglob("*.py")):
        parts = list(path.relative_to(source).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        found[".".join(parts)] = Module(".".join(parts), path, is_package)
    return found


def _nearest_module(name: str, modules: Mapping[str, Module]) -> str | None:
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(module: Module, modules: Mapping[str, Module], package: str = "followup"
               ) -> set[str]:
    """The modules of `package` that `module` imports, wherever the import statement is."""
    found: set[str] = set()
    tree = ast.parse(module.path.read_text(encoding="utf-8"), str(module.path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = module.name.split(".")
                if not module.is_package:
                    base.pop()
                base = base[:len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            # `from followup.cli import gmail` imports the submodule followup.cli.gmail.
            targets = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules
                       else source for alias in node.names]
        else:
            continue
        for target in targets:
            if target == package or target.startswith(package + "."):
                nearest = _nearest_module(target, modules)
                if nearest and nearest != module.name:
                    found.add(nearest)
    return found


def import_graph(source: Path, package: str = "followup") -> Graph:
    modules = find_modules(source, package)
    return {name: imports_of(module, modules, package) for name, module in modules.items()}


def unit_of(module: str) -> str:
    """The package or top-level module a module belongs to: `followup.judge.classify` →
    `judge`, `followup.runner` → `runner`, `followup` (its __init__) → `followup`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def unit_graph(graph: Graph) -> Graph:
    units: Graph = {}
    for module, targets in graph.items():
        edges = units.setdefault(unit_of(module), set())
        edges.update(unit_of(target) for target in targets if unit_of(target) != unit_of(module))
    return units


def cycles(graph: Graph) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
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
    return sorted(found)


def declared_layers(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The ```layers block of ARCHITECTURE.md, top first: `name: unit, unit, ...` lines."""
    match = re.search(r"^```layers\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    if match is None:
        raise AssertionError("ARCHITECTURE.md has no ```layers block")
    layers = []
    for line in match.group(1).splitlines():
        name, _, units = line.partition(":")
        layers.append((name.strip(), tuple(u.strip() for u in units.split(",") if u.strip())))
    return layers


def upward_imports(graph: Graph, layers: Iterable[tuple[str, tuple[str, ...]]]) -> list[str]:
    """Each import from a module to a module in a higher layer, as a readable line."""
    rank = {unit: (depth, name) for depth, (name, units) in enumerate(layers) for unit in units}
    problems = []
    for module in sorted(graph):
        if unit_of(module) not in rank:
            continue  # undeclared: the test of the declaration names it
        depth, layer = rank[unit_of(module)]
        for target in sorted(graph[module]):
            target_depth, target_layer = rank.get(unit_of(target), (depth, "undeclared"))
            if target_depth < depth:
                problems.append(f"{module} ({layer}) imports {target} ({target_layer}, above)")
    return problems


@pytest.fixture(scope="module")
def graph() -> Graph:
    return import_graph(SOURCE)


@pytest.fixture(scope="module")
def layers() -> list[tuple[str, tuple[str, ...]]]:
    return declared_layers(ARCHITECTURE.read_text(encoding="utf-8"))


def test_every_package_and_top_level_module_has_one_layer(graph: Graph, layers: list) -> None:
    declared = [unit for _, units in layers for unit in units]
    assert len(declared) == len(set(declared)), f"declared twice: {declared}"
    present = {unit_of(module) for module in graph}
    assert not present - set(declared), (
        f"not in ARCHITECTURE.md's layers: {sorted(present - set(declared))}; add each to the "
        "layer it belongs to (the lowest one whose imports it needs)")
    assert not set(declared) - present, (
        f"ARCHITECTURE.md declares what no longer exists: {sorted(set(declared) - present)}")


def test_no_import_points_up_a_layer(graph: Graph, layers: list) -> None:
    problems = upward_imports(graph, layers)
    assert not problems, "imports against ARCHITECTURE.md's layers:\n" + "\n".join(problems)


def test_no_cycle_between_modules(graph: Graph) -> None:
    found = cycles(graph)
    assert not found, "modules importing each other:\n" + "\n".join(map(str, found))


def test_no_cycle_between_packages(graph: Graph) -> None:
    # Module-level acyclicity is not enough: judge.senders -> track.senders and
    # track.grouping -> judge.model made judge and track depend on each other.
    found = cycles(unit_graph(graph))
    assert not found, "packages importing each other:\n" + "\n".join(map(str, found))


def test_the_graph_sees_top_level_lazy_and_submodule_imports(graph: Graph) -> None:
    assert "followup.judge.classify" in graph["followup.runner"]  # at the top
    assert "followup.runner" in graph["followup.cli.commands"]  # inside a function
    assert "followup.cli.gmail" in graph["followup.cli"]  # `from followup.cli import gmail`
    assert "followup.mail.senders" in graph["followup.judge.prefilter"]
    assert len(graph) > 80


def test_the_checks_catch_a_cycle_and_an_upward_import(tmp_path: Path) -> None:
    package = tmp_path / "followup"
    (package / "low").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "low" / "__init__.py").write_text("")
    (package / "low" / "a.py").write_text("from followup.low import b\n")
    (package / "low" / "b.py").write_text(
        "def later():\n    from followup.high import thing\n")
    (package / "high.py").write_text("from .low.a import x\nthing = 1\n")
    graph = import_graph(tmp_path)
    assert graph["followup.low.a"] == {"followup.low.b"}
    assert graph["followup.high"] == {"followup.low.a"}  # relative import resolved
    layers = [("top", ("high",)), ("bottom", ("low", "followup"))]
    assert upward_imports(graph, layers) == [
        "followup.low.b (bottom) imports followup.high (top, above)"]
    assert cycles(graph) == [["followup.high", "followup.low.a", "followup.low.b"]]
    assert cycles(unit_graph(graph)) == [["high", "low"]]


def _defines(module: Module, names: list[str]) -> bool:
    """True if `module` defines `names[0]` at the top (and `names[1]` in it, for a class)."""
    tree = ast.parse(module.path.read_text(encoding="utf-8"))
    scope: list[ast.stmt] = tree.body
    for name in names[:2]:
        found = None
        for node in scope:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                    and node.name == name:
                found = node
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                    found = node
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                if any((alias.asname or alias.name) == name for alias in node.names):
                    found = node
        if found is None:
            return False
        scope = found.body if isinstance(found, ast.ClassDef) else []
    return True


def test_what_architecture_md_names_exists(layers: list) -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    modules = find_modules(SOURCE)
    units = {unit for _, names in layers for unit in names}
    missing = []
    for path in set(re.findall(r"`((?:[\w.]+/)*\w+\.py)`", text)):
        if not ((SOURCE / "followup" / path).exists() or (ROOT / path).exists()):
            missing.append(path)
    for dotted in set(re.findall(r"`([a-z_]+(?:\.\w+)+)", text)):
        if dotted.split(".")[0] not in units or dotted.endswith(".py"):
            continue
        module = _nearest_module(f"followup.{dotted}", modules)
        rest = f"followup.{dotted}"[len(module or ""):].strip(".").split(".")
        if module is None or (rest != [""] and not _defines(modules[module], rest)):
            missing.append(dotted)
    assert not missing, f"ARCHITECTURE.md names what does not exist: {sorted(missing)}"


def test_nothing_shipped_cites_a_spec_that_is_not_in_the_repository() -> None:
    # The product's reference lived outside the repository; what a reader of the code needs
    # is in README.md ("Safety", "When drafts appear") and ARCHITECTURE.md.
    assert not (ROOT / "SPEC.md").exists()
    citing = [f"{path.relative_to(ROOT)}:{number}"
              for path in [*sorted((SOURCE / "followup").rglob("*.py")),
                           ROOT / "config.example.yaml", ROOT / "README.md"]
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if re.search(r"\bSPEC\b", line)]
    assert not citing, f"cite README.md or ARCHITECTURE.md instead of SPEC.md: {citing}"


CORE = ("mail", "judge", "track", "compose")
# What the pure core must not use: storage, network, processes, the terminal, a scheduler.
IO_LIBRARIES = ("sqlite3", "socket", "ssl", "subprocess", "shutil", "http", "urllib.request",
                "imapclient", "googleapiclient", "google", "httplib2", "apscheduler", "click",
                "rich", "requests", "keyring")
CLOCK_CALLS = {("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"),
               ("date", "today"), ("time", "time"), ("time", "monotonic"),
               ("time", "perf_counter")}


def _external_imports(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module)
    return names


def _uses(names: Iterable[str], libraries: Iterable[str]) -> list[str]:
    return sorted(name for name in names for library in libraries
                  if name == library or name.startswith(library + "."))


def core_problems(source: Path) -> list[str]:
    """Each I/O library the core imports and each clock it reads, as a readable line."""
    problems = []
    for name, module in find_modules(source).items():
        if unit_of(name) not in CORE:
            continue
        tree = ast.parse(module.path.read_text(encoding="utf-8"))
        problems += [f"{name} imports {lib}" for lib in
                     _uses(_external_imports(tree), IO_LIBRARIES)]
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    isinstance(node.func.value, ast.Name) and \
                    (node.func.value.id, node.func.attr) in CLOCK_CALLS:
                problems.append(f"{name}:{node.lineno} reads the clock "
                                f"({node.func.value.id}.{node.func.attr}); take `now`")
    return problems


def test_the_core_does_no_io_and_never_reads_the_clock() -> None:
    problems = core_problems(SOURCE)
    assert not problems, "\n".join(problems)


def test_the_core_check_catches_io_and_the_clock(tmp_path: Path) -> None:
    (tmp_path / "followup" / "track").mkdir(parents=True)
    (tmp_path / "followup" / "track" / "__init__.py").write_text("")
    (tmp_path / "followup" / "track" / "late.py").write_text(
        "import sqlite3\nfrom datetime import datetime\n\n"
        "def due():\n    return datetime.now()\n")
    (tmp_path / "followup" / "store.py").write_text("import sqlite3\n")  # an edge may
    assert core_problems(tmp_path) == [
        "followup.track.late imports sqlite3",
        "followup.track.late:5 reads the clock (datetime.now); take `now`"]


def test_each_mail_client_library_is_imported_by_its_backend_only() -> None:
    gmail = "followup.backends.gmail"
    owners = {"imapclient": "followup.backends.imap", "googleapiclient": gmail,
              "google": gmail, "google_auth_oauthlib": gmail, "httplib2": gmail}
    problems = []
    for name, module in find_modules(SOURCE).items():
        tree = ast.parse(module.path.read_text(encoding="utf-8"))
        for library, owner in owners.items():
            # imap_fetch, imap_messages, gmail_auth, ... are the backend's own modules.
            if _uses(_external_imports(tree), [library]) and not name.startswith(owner):
                problems.append(f"{name} imports {library}")
    assert not problems, "\n".join(problems)
