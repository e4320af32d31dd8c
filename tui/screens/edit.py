"""A small dialog for one entity edit: rename, retype, merge another into this one, add or split off an alias,
delete. It only gathers the arguments; the entity screen applies them through `Index.edit` in a worker.

Merging completes entity names as you type (inline, → accepts) and lists what the name could mean, typos and
initials included (↓ then enter picks one); adding a name says when it already names another entity.
Dismisses with (op, args, name to reload) or None.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from store.model import ENTITY_TYPES
from store.results import EntityInfo

from ..bindings import bindings_for
from ..dialog import Dialog
from ..widgets import badge, clean_line, plural

CANDIDATES = 6


class EntityNames(Suggester):
    """Inline completion of entity names (the first that starts with what is typed), asked of the index in a thread."""

    def __init__(self, ask) -> None:
        super().__init__(use_cache=False, case_sensitive=True)  # the index folds case itself
        self.ask = ask

    async def get_suggestion(self, value: str) -> str | None:
        import asyncio

        if not value.strip():
            return None
        try:
            hits = await asyncio.to_thread(self.ask, lambda ix: ix.resolve(value, limit=CANDIDATES, fuzzy=False))
        except Exception:  # a suggestion is a nicety: never an error
            return None
        return next((h.name for h in hits if h.name.casefold().startswith(value.casefold())), None)

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


class EditScreen(Dialog[tuple[str, dict, str] | None]):
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
            elif self.op == "merge":
                yield Input(id="value", suggester=EntityNames(self.app.ask))  # type: ignore[attr-defined]
                yield OptionList(id="candidates")
            elif self.op != "delete":
                yield Input(id="value")
            if self.op in ("merge", "alias-add", "rename"):
                yield Static(id="hint")
            yield from self.buttons("Delete" if self.op == "delete" else "Apply",
                                    "error" if self.op == "delete" else "primary")

    def on_mount(self) -> None:
        widgets = self.query("#value")
        (widgets.first() if widgets else self.query_one("#apply")).focus()

    def value(self) -> str:
        widgets = self.query("#value")
        if not widgets:
            return ""
        widget = widgets.first()
        return str(widget.value if isinstance(widget, Select) else widget.value).strip()

    # --- what a typed name means ------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        value = event.value.strip()
        if not value or self.op not in ("merge", "alias-add", "rename"):
            self.show_candidates(value, [])
            return
        fuzzy = self.op == "merge"  # an alias or a new name is new text: only an exact owner matters

        def job() -> None:
            hits = self.app.ask(lambda ix: ix.resolve(value, limit=CANDIDATES, fuzzy=fuzzy))  # type: ignore[attr-defined]
            self.app.call_from_thread(self.show_candidates, value, hits)

        self.run_worker(job, thread=True, exclusive=True, group="candidates", exit_on_error=False)

    def show_candidates(self, value: str, hits: list) -> None:
        if not self.is_mounted or value != self.value():
            return  # a newer keystroke is on its way
        hint = self.query("#hint")
        if self.op == "merge":
            others = [h for h in hits if h.id != self.entity.id]
            box = self.query_one("#candidates", OptionList)
            box.set_options([Option(Text.assemble(badge(h.type), " ", h.name,
                                                  (f"  {plural(h.mentions, 'mention')}", "dim")), id=str(h.id))
                             for h in others])
            box.display = bool(others)
            if hint:
                hint.first(Static).update(Text("↓ then enter picks one of these" if others else
                                               ("no entity by that name" if value else ""), style="dim"))
            self.candidates = {str(h.id): h.name for h in others}
            return
        owner = next((h for h in hits if h.how == "exact" and h.id != self.entity.id), None)
        if hint:
            hint.first(Static).update(Text(
                f"{clean_line(value)} names {owner.name} ({owner.type}) now: "
                + ("adding it here moves it" if self.op == "alias-add" else "merge the two instead") if owner else "",
                style="yellow"))

    def on_key(self, event) -> None:
        if event.key == "down" and self.op == "merge" and isinstance(self.focused, Input):
            box = self.query_one("#candidates", OptionList)
            if box.option_count:
                event.stop()
                box.focus()
                box.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        box = self.query_one("#value", Input)
        box.value = getattr(self, "candidates", {}).get(event.option.id or "", box.value)
        box.cursor_position = len(box.value)
        box.focus()

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
