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


def test_tui_never_imports_the_analyzer():
    for path in (ROOT / "tui").rglob("*.py"):
        assert "kiwipiepy" not in imported_modules(path), path.name
        assert "store.entities" not in path.read_text(encoding="utf-8"), path.name


def test_query_path_loads_no_textual_and_no_analyzer():
    code = (
        "import sys, tui.cli, store.api; "
        "bad = [m for m in ('textual', 'kiwipiepy', 'store.entities', 'store.linker') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == ""
