"""The entity edits in one list (`e` on the drill-down), each with its own key: what lazygit's menus do for
keys that do not all fit in the footer. Dismisses with the chosen edit's op, or None."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ..bindings import KEYS, bindings_for


def edit_keys() -> list[tuple[str, str, str]]:
    """(op, key label, what it does) of every edit key of the drill-down, from the registry."""
    out = []
    for key in KEYS:
        if key.scope == "entity" and key.action.startswith("edit("):
            out.append((key.action[len("edit('"):-2], key.label, key.explanation))
    return out


class EditMenuScreen(ModalScreen[str | None]):
    BINDINGS = bindings_for("edit-menu")

    def __init__(self, name: str) -> None:
        super().__init__()
        self.entity_name = name

    def compose(self) -> ComposeResult:
        with Vertical(id="edit-box"):
            yield Label(Text.assemble(("Edit ", "bold"), self.entity_name, ("   ⏎ or the key · esc closes", "dim")))
            yield OptionList(*(Option(Text.assemble((f" {label:<3}", "bold #ffaf5f"), " ", what), id=op)
                               for op, label, what in edit_keys()), id="edit-ops")

    def on_mount(self) -> None:
        ops = self.query_one("#edit-ops", OptionList)
        ops.highlighted = 0
        ops.focus()

    def on_key(self, event) -> None:
        """The edit's own key works here too (r renames)."""
        for op, label, _what in edit_keys():
            if event.character and event.character == label:
                event.stop()
                self.dismiss(op)
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
