"""What the small dialogs share (export path, entity edits, a name): Cancel and an action button under the
fields; enter in a text box or the action button applies, esc or Cancel dismisses with None."""
from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    """A modal dialog that ends in `apply` (which dismisses with a value, or stays to say what is missing) or in
    `dismiss(None)`. Subclasses yield `buttons(...)` at the end of `compose` and write `apply`."""

    def buttons(self, action: str, variant: str = "primary") -> ComposeResult:
        with Horizontal(id="edit-buttons"):
            yield Button("Cancel", id="cancel")
            yield Button(action, id="apply", variant=variant)  # type: ignore[arg-type]

    def apply(self) -> None:
        raise NotImplementedError

    def on_input_submitted(self) -> None:
        self.apply()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "apply":
            self.apply()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
