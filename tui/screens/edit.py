"""A small dialog for one entity edit: rename, retype, merge another into this one, add or split off an alias,
delete. It only gathers the arguments; the entity screen applies them through `Index.edit` in a worker.

Dismisses with (op, args, name to reload) or None.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from store.model import ENTITY_TYPES
from store.results import EntityInfo

from ..bindings import bindings_for

TITLES = {  # what the dialog does, in words (never the stored op name)
    "rename": "Rename",
    "retype": "Change the type of",
    "merge": "Merge another entity into",
    "alias-add": "Add a name to",
    "split": "Split a name off",
    "alias-remove": "Remove a name from",
    "delete": "Delete",
}
PROMPTS = {
    "rename": "New name (the old one stays an alias)",
    "retype": "New type",
    "merge": "Entity to merge into this one (its names become aliases)",
    "alias-add": "Alias to add",
    "split": "Alias to split off into an entity of its own",
    "alias-remove": "Alias to remove (its mentions go unlinked)",
    "delete": "Delete this entity? It stays deleted across re-indexing.",
}


class EditScreen(ModalScreen[tuple[str, dict, str] | None]):
    BINDINGS = bindings_for("edit")

    def __init__(self, op: str, entity: EntityInfo) -> None:
        super().__init__()
        self.op = op
        self.entity = entity

    def compose(self) -> ComposeResult:
        with Vertical(id="edit-box"):
            yield Label(Text.assemble((f"{TITLES[self.op]} ", "bold"), self.entity.name, (f" ({self.entity.type})", "dim")),
                        id="edit-title")
            yield Label(Text(PROMPTS[self.op]))
            if self.op == "retype":
                yield Select([(t, t) for t in ENTITY_TYPES], value=self.entity.type, allow_blank=False, id="value")
            elif self.op in ("split", "alias-remove"):
                if self.entity.aliases:
                    yield Select([(a, a) for a in self.entity.aliases], value=self.entity.aliases[0], allow_blank=False,
                                 id="value")
                else:
                    yield Label(Text("This entity has no other aliases.", style="italic"))
            elif self.op != "delete":
                yield Input(id="value")
            with Horizontal(id="edit-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Delete" if self.op == "delete" else "Apply", id="apply",
                             variant="error" if self.op == "delete" else "primary")

    def on_mount(self) -> None:
        widgets = self.query("#value")
        (widgets.first() if widgets else self.query_one("#apply")).focus()

    def value(self) -> str:
        widgets = self.query("#value")
        if not widgets:
            return ""
        widget = widgets.first()
        return str(widget.value if isinstance(widget, Select) else widget.value).strip()

    def on_input_submitted(self) -> None:
        self.apply()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "apply":
            self.apply()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def apply(self) -> None:
        name, value = self.entity.name, self.value()
        if self.op != "delete" and not value:
            self.notify("Nothing to apply", severity="warning")
            return
        args: dict[str, str] = {
            "rename": {"entity": name, "name": value},
            "retype": {"entity": name, "type": value},
            "merge": {"into": name, "from": value},
            "alias-add": {"entity": name, "alias": value},
            "split": {"entity": name, "alias": value},
            "alias-remove": {"entity": name, "alias": value},
            "delete": {"entity": name},
        }[self.op]
        self.dismiss((self.op, args, value if self.op == "rename" else name))
