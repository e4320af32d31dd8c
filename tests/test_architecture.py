"""Contracts that keep the code base easy to carry on: the data layer has no UI and the query path stays light."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_store_never_imports_textual_or_tui():
    for path in (ROOT / "store").rglob("*.py"):
        assert not imported_modules(path) & {"textual", "tui"}, f"{path.name} imports UI code"


def test_datasketch_is_a_test_dependency_only():
    """The story step makes datasketch's MinHash itself (numpy); datasketch (and the scipy it pulls in) is only the
    reference a test checks it against, so it is in the [test] extra, not a run-time dependency."""
    for folder in ("store", "tui"):
        for path in (ROOT / folder).rglob("*.py"):
            assert not imported_modules(path) & {"datasketch", "scipy"}, path.name
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    runtime = project[project.index("dependencies = ["):project.index("[project.optional-dependencies]")]
    assert "datasketch" not in runtime and "numpy" in runtime


def test_every_package_of_the_source_tree_is_installed():
    """pyproject lists the packages a regular install copies; one left out works from the source tree (where the
    tests run) and fails in an install: `store.linking` was missing, and bare `hanscope` stopped at its first run
    with "No module named 'store.linking'"."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    in_tree = {".".join(init.parent.relative_to(ROOT).parts) for folder in ("store", "tui")
               for init in (ROOT / folder).rglob("__init__.py")}
    assert in_tree <= listed, sorted(in_tree - listed)


def test_tui_never_imports_the_analyzer():
    for path in (ROOT / "tui").rglob("*.py"):
        assert "kiwipiepy" not in imported_modules(path), path.name
        assert "store.extract.entities" not in path.read_text(encoding="utf-8"), path.name


def test_query_path_loads_no_textual_and_no_analyzer():
    code = (
        "import sys, tui.cli, store.api; "
        "bad = [m for m in ('textual', 'kiwipiepy', 'store.extract.entities', 'store.linker') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == ""


def test_the_indexers_own_process_loads_no_cleaning_and_no_discovery_until_it_extracts():
    """Workers extract; the process that writes and links should not compile the cleaning and discovery rules
    (~0.6 s at every `hanscope index`). A small job extracts in-process and loads them then."""
    code = (
        "import sys, store.indexer, store.linker, store.stories; "
        "heavy = ('store.ingest.clean', 'store.extract.discovery', 'store.extract.rules'); "
        "print(','.join(m for m in heavy if m in sys.modules)); "
        "from store.pipeline import shared_extractor; "
        "shared_extractor(False).extract_file('seeds/' + sorted(__import__('os').listdir('seeds'))[0]); "
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.splitlines() == ["", "store.ingest.clean,store.extract.discovery,store.extract.rules"]


def top_level_imports(path: Path, package: str) -> set[str]:
    """Modules of `package` that a file imports when it is loaded (imports inside functions run later)."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = parts[: len(parts) - node.level]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if module.split(".")[0] == package:
                names.add(module)
                names.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.split(".")[0] == package)
    return names


def import_graph(package: str) -> dict[str, set[str]]:
    """Each module of `package` and the modules of it that it imports when loaded."""
    modules = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
               for p in (ROOT / package).rglob("*.py")}
    return {name: {m for m in top_level_imports(path, package) if m in modules and m != name}
            for name, path in modules.items()}


def assert_no_import_circle(graph: dict[str, set[str]]) -> None:
    state: dict[str, int] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for other in graph[name]:
            assert state.get(other) != 1, "import circle: " + " -> ".join([*trail, name, other])
            if other not in state:
                visit(other, [*trail, name])
        state[name] = 2

    for name in graph:
        if name not in state:
            visit(name, [])


def test_the_app_has_no_import_circle_and_screens_never_import_the_app():
    """Imports run app -> screens -> widgets (Harlequin, Frogmouth): a screen reaches the app through self.app."""
    graph = import_graph("tui")
    for name in graph:
        if name.startswith("tui.screens."):
            assert "tui.app" not in graph[name], f"{name} imports tui.app"
    assert_no_import_circle(graph)


def test_the_store_has_no_import_circle_and_the_modules_index_delegates_to_never_load_the_facade():
    """store.api's Index delegates to store.articles, store.drilldown, ...: they take the Index as an argument
    (its type only under TYPE_CHECKING), so none of them loads store.api and the facade can import them all."""
    graph = import_graph("store")
    for name in graph["store.api"] & graph.keys():
        assert "store.api" not in graph[name], f"{name} imports store.api"
    assert_no_import_circle(graph)
