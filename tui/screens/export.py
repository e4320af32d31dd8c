"""Where an export goes: a small dialog showing the path (editable) before anything is written.

Dismisses with the chosen path stem (the .csv and .json go next to each other) or None.
"""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label

from ..bindings import bindings_for
from ..dialog import Dialog


class ExportScreen(Dialog[Path | None]):
    BINDINGS = bindings_for("export")

    def __init__(self, what: str, stem: Path) -> None:
        super().__init__()
        self.what = what
        self.stem = stem

    def compose(self) -> ComposeResult:
        with Vertical(id="edit-box"):
            yield Label(Text.assemble(("Export ", "bold"), self.what, (" as CSV and JSON", "bold")), id="export-title")
            yield Label(Text("File (.csv and .json are added; the folder is made if missing):", style="dim"))
            yield Input(str(self.stem), id="path")
            yield from self.buttons("Export")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def apply(self) -> None:
        value = self.query_one("#path", Input).value.strip()
        if not value:
            self.notify("Give a file name", severity="warning")
            return
        path = Path(value).expanduser()
        self.dismiss(path.with_suffix("") if path.suffix.lower() in (".csv", ".json") else path)
