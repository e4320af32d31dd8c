"""A one-line question in a small dialog (the name of a saved search)."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from ..bindings import bindings_for
from ..dialog import Dialog


class PromptScreen(Dialog[str | None]):
    """Dismissed with the typed text (stripped; None when empty or cancelled)."""

    BINDINGS = bindings_for("prompt")

    def __init__(self, question: str, placeholder: str = "", action: str = "Save") -> None:
        super().__init__()
        self.action_label = action
        self.question = question
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Static(Text(self.question, style="bold"))
            yield Input(placeholder=self.placeholder, id="prompt-input")
            yield from self.buttons(self.action_label)

    def on_mount(self) -> None:
        self.query_one("#prompt-input", Input).focus()

    def apply(self) -> None:
        self.dismiss(self.query_one("#prompt-input", Input).value.strip() or None)
