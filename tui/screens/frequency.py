"""A frequency table, as VisiData's: the rows of a list counted by one column (month, article …), largest first,
with bars; tab switches the column, enter drills into the rows behind a value.

Dismisses with (column, key) of the chosen value, or None.
"""
from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ..bindings import bindings_for
from ..widgets import fit

BAR_CELLS = 20


class FrequencyScreen(ModalScreen[tuple[str, str] | None]):
    BINDINGS = bindings_for("frequency")

    def __init__(self, what: str, columns: dict[str, list[tuple[str, str, int]]],
                 notes: dict[str, str] | None = None) -> None:
        """`columns`: column name -> (label, key, count) per value; `notes`: column name -> what its values are
        when they are not all of them."""
        super().__init__()
        self.what = what
        self.columns = columns
        self.notes = notes or {}
        self.column = next(iter(columns))

    def compose(self) -> ComposeResult:
        with Vertical(id="frequency-box"):
            yield Label(id="frequency-title")
            yield OptionList(id="counts")

    def on_mount(self) -> None:
        self.fill()

    def fill(self) -> None:
        rows = sorted(self.columns[self.column], key=lambda r: (-r[2], r[0]))
        names = " · ".join(f"[{c}]" if c == self.column else c for c in self.columns)
        self.query_one("#frequency-title", Label).update(Text.assemble(
            (f"{self.what} by {self.column}", "bold"),
            (f"  {self.notes[self.column]}" if self.column in self.notes else "", "dim"),
            (f"  {len(rows):,} values · tab {names} · ⏎ jumps", "dim")))
        box = self.query_one("#counts", OptionList)
        top = max((r[2] for r in rows), default=1)
        width = max((cell_len(r[0]) for r in rows), default=8)
        room = self.app.size.width * 9 // 10 - 4 - 9 - BAR_CELLS - 2  # box 90% wide: borders, count, bar, scrollbar
        label_cells = max(8, min(width, room))
        box.set_options([Option(Text.assemble(fit(Text(label), label_cells), f" {count:>7,} ",
                                              ("█" * max(1, round(count / top * BAR_CELLS)), "#5fafff")), id=key)
                         for label, key, count in rows])
        box.highlighted = 0 if rows else None
        box.focus()

    def action_next_column(self) -> None:
        names = list(self.columns)
        self.column = names[(names.index(self.column) + 1) % len(names)]
        self.fill()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss((self.column, event.option.id or ""))

    def action_close(self) -> None:
        self.dismiss(None)
