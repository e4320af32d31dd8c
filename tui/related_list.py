"""The drill-down's co-mentioned entities: a heading, a note, then one row per entity with its count.

A virtual list like the mention list beside it: a row's text is made when it is painted, fitted to the width it
is painted at, so filling the list asks for no layout. Textual's OptionList, which it replaces, measured its
rows while rendering and laid the whole screen out once more after the drill-down's first paint (13-30 ms at
120x40, traced in tmux at 100k articles)."""
from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message

from .bindings import bindings_for
from .styled_text import fit
from .virtual_list import VirtualList


class RelatedList(VirtualList):
    BINDINGS = bindings_for("co-mentions")

    class Chosen(Message):
        """Enter (or a click) on a co-mentioned entity."""

        def __init__(self, entity_id: int) -> None:
            super().__init__()
            self.entity_id = entity_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.notes: list[Text] = []  # the heading and a dim note under it: not selectable
        self.entities: list[tuple[int, Text, str]] = []  # (entity id, its name styled, its count)

    def fill(self, notes: list[Text], entities: list[tuple[int, Text, str]]) -> None:
        at = max(0, self.cursor - len(self.notes))  # the entity under the cursor stays under it (notes change)
        self.notes, self.entities = notes, entities
        self.cursor = len(notes) + min(at, max(0, len(entities) - 1))
        self.refresh_items()

    @property
    def item_count(self) -> int:
        return len(self.notes) + len(self.entities)

    def selectable(self, item: int) -> bool:
        return item >= len(self.notes)

    def item_lines(self, item: int, width: int) -> list[Text] | None:
        if item < len(self.notes):
            return [self.notes[item]]
        _id, name, count = self.entities[item - len(self.notes)]
        return [Text.assemble(fit(name, width - 1 - len(count)), (count, "dim"))]

    def entries(self) -> list[tuple[int | None, str]]:
        """(entity id, or None for a note; the row's text) of every row, as shown at the list's width."""
        return [(None if item < len(self.notes) else self.entities[item - len(self.notes)][0],
                 self.item_lines(item, self.text_width)[0].plain) for item in range(self.item_count)]

    @property
    def cursor_shown(self) -> bool:
        """Only while the list has focus: unfocused it is a list to read, not a choice made."""
        return self.has_focus

    def on_focus(self, _event: events.Focus) -> None:
        self.refresh()

    def on_blur(self, _event: events.Blur) -> None:
        self.refresh()

    def item_chosen(self, item: int) -> None:
        if self.selectable(item):
            self.post_message(self.Chosen(self.entities[item - len(self.notes)][0]))
