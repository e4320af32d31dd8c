"""A one-line question in a small dialog (the name of a saved search)."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..bindings import bindings_for


class PromptScreen(ModalScreen[str | None]):
    """Dismissed with the typed text (stripped; None when empty or cancelled)."""

    BINDINGS = bindings_for("prompt")

    def __init__(self, question: str, placeholder: str = "") -> None:
        super().__init__()
        self.question = question
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Static(Text(self.question, style="bold"))
            yield Input(placeholder=self.placeholder, id="prompt-input")
            yield Static(Text("⏎ save · esc cancel", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#prompt-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
