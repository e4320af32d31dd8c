"""Numbers: every amount in the index as a sortable table (value, unit, raw, article, sentence), filtered by
unit and range. Enter opens the article at the number.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Static

from store.api import read_amount
from store.results import NumberRow

from ..app import BaseScreen
from ..bindings import bindings_for
from ..widgets import KeyFooter, clean_line, fit, korean_amount, title_of, to_tsv

PAGE = 500  # rows per page; the next page loads when the cursor reaches the end
CONTEXT_CELLS = 70
SORTS = (("value", lambda n: n.value), ("unit", lambda n: (n.unit, n.value)), ("article", lambda n: (n.article_id, n.start)),
         ("raw", lambda n: n.raw))




def parse_amount(value: str) -> float | None:
    """A filter bound: a plain number (1e12, 3,000), scale words (10조, 1조2000억, 90만) or an amount with a unit
    as the query API reads it (30억 달러, 90만장). Raises ValueError."""
    if not value.strip():
        return None
    amount = read_amount(value)
    if amount is None:
        raise ValueError(f"{value!r} is not an amount (try 1e12, 10조, 1조2000억, 30억 달러)")
    return amount


class NumbersScreen(BaseScreen):
    BINDINGS = bindings_for("numbers")

    def __init__(self, unit: str = "", low: str = "", high: str = "") -> None:
        super().__init__()
        self.filters = (unit, low, high)
        self.rows: list[NumberRow] = []
        self.sort_index = 0
        self.limit = PAGE

    def remake(self) -> "NumbersScreen":
        return NumbersScreen(*(self.query_one(f"#{k}", Input).value for k in ("unit", "low", "high")))

    def compose(self) -> ComposeResult:
        unit, low, high = self.filters
        with Horizontal(id="filters"):
            yield Input(unit, placeholder="unit: KRW USD % W count…", id="unit")
            yield Input(low, placeholder="min: 1억, 1e9", id="low")
            yield Input(high, placeholder="max: 3조", id="high")
        yield DataTable(id="table", cursor_type="row", zebra_stripes=True)
        yield Static(id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#table", DataTable)
        table.add_column("value", key="value")
        table.add_column("unit", key="unit")
        table.add_column("raw", key="raw")
        table.add_column("article", key="article")
        table.add_column("sentence", key="sentence")
        table.focus()
        self.load()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.limit = PAGE
        self.load()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#table", DataTable).focus()

    def reload(self) -> None:
        self.load()

    def load(self) -> None:
        unit = self.query_one("#unit", Input).value.strip() or None
        try:
            low = parse_amount(self.query_one("#low", Input).value)
            high = parse_amount(self.query_one("#high", Input).value)
        except ValueError as err:
            self.query_one("#status", Static).update(Text(str(err), style="red"))
            return
        limit = self.limit
        self.fetch("numbers", lambda ix: ix.numbers(unit=unit, min=low, max=high, limit=limit), group="numbers")

    def got_numbers(self, rows: list[NumberRow]) -> None:
        self.rows = rows
        self.fill()

    def fill(self) -> None:
        name, key = SORTS[self.sort_index]
        rows = sorted(self.rows, key=key, reverse=name == "value")
        self.rows = rows
        table = self.query_one("#table", DataTable)
        cursor = table.cursor_row
        table.clear()
        for i, n in enumerate(rows):
            unit = n.unit + (f" {n.counter}" if n.counter else "")
            value = korean_amount(n.value, "").strip() + (f"~{korean_amount(n.value_max, '').strip()}" if n.value_max else "")
            table.add_row(Text(value, justify="right"), Text(unit), Text(clean_line(n.raw), style="bold"),
                          fit(f"#{n.article_id} {title_of(n.title, n.source)}", 24),
                          fit(clean_line(n.context), CONTEXT_CELLS), key=str(i))
        if cursor:
            table.move_cursor(row=min(cursor, len(rows) - 1))
        loaded = f"the first {len(rows)} by value (more load at the end)" if self.has_more() else f"{len(rows)} numbers"
        self.query_one("#status", Static).update(
            Text(f"{loaded}, sorted by {name} · s changes the sort · f filters", style="dim"))

    def has_more(self) -> bool:
        return len(self.rows) >= self.limit

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.has_more() and event.cursor_row >= len(self.rows) - 3:
            self.limit += PAGE
            self.load()

    def action_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(SORTS)
        self.fill()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        names = [s[0] for s in SORTS]
        if event.column_key.value in names:
            self.sort_index = names.index(event.column_key.value)
            self.fill()

    def action_focus_filter(self) -> None:
        self.query_one("#unit", Input).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_row(int(event.row_key.value))

    def action_open(self) -> None:
        table = self.query_one("#table", DataTable)
        if self.rows and table.cursor_row is not None:
            self.open_row(table.cursor_row)

    def open_row(self, i: int) -> None:
        n = self.rows[i]
        self.app.open_article(n.article_id, focus=(n.start, n.end))

    def table(self) -> tuple[list[str], list[list]]:
        header = ["article_id", "source", "raw", "value", "value_max", "unit", "counter", "qualifier", "period", "context"]
        return header, [[n.article_id, n.source, n.raw, n.value, n.value_max, n.unit, n.counter, n.qualifier, n.period,
                         n.context] for n in self.rows]

    def action_copy_list(self) -> None:
        header, rows = self.table()
        self.app.copy(to_tsv(header, rows), f"{len(rows)} numbers as TSV")

    def action_export(self) -> None:
        self.export_rows("numbers", *self.table(), noun="numbers")
