"""Numbers: every amount in the index as a sortable table (value, unit, raw, article, sentence), filtered by
unit and range. Enter opens the article at the number.

The index sorts (a page is always the start of the whole ordered table, so a sort never covers only the rows
loaded so far); sorting by value groups the units, so 700조 원 never sits above 5,000억 달러 as if comparable.
Values read in their unit's own words: 500MW, 5,000억 달러, 90만 장.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Static

from store.api import read_amount
from store.extract.numbers import format_amount
from store.results import NumberRow

from ..base import BaseScreen
from ..bindings import bindings_for
from ..widgets import KeyFooter, StatusLine, clean_line, fit, plural, title_of, to_tsv

PAGE = 500  # rows per page; the next page loads when the cursor reaches the end
# (column, the index's order, how the status line says it)
SORTS = (("value", "unit", "value, within each unit"), ("article", "article", "article"), ("raw", "raw", "text as written"))


def shown_value(n: NumberRow) -> str:
    """The value in its unit's magnitude words (a range as low~high)."""
    try:
        low = format_amount(n.value, n.unit, n.counter)
        return low if n.value_max is None else f"{low}~{format_amount(n.value_max, n.unit, n.counter)}"
    except ValueError:  # a unit the formatter does not know: the plain number
        return f"{n.value:,.6g} {n.unit}"


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

    def __init__(self, unit: str = "", low: str = "", high: str = "", sort_index: int = 0) -> None:
        super().__init__()
        self.filters = (unit, low, high)  # kept current, so back/forward rebuilds the screen as it was left
        self.rows: list[NumberRow] = []
        self.sort_index = sort_index
        self.limit = PAGE

    def remake(self) -> "NumbersScreen":
        return NumbersScreen(*self.filters, sort_index=self.sort_index)

    def compose(self) -> ComposeResult:
        unit, low, high = self.filters
        with Horizontal(id="filters"):
            yield Input(unit, placeholder="unit: KRW USD % W count…", id="unit")
            yield Input(low, placeholder="min: 1억, 1e9", id="low")
            yield Input(high, placeholder="max: 3조", id="high")
        yield DataTable(id="table", cursor_type="row", zebra_stripes=True)
        yield StatusLine(id="status")
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
        self.filters = tuple(self.query_one(f"#{k}", Input).value for k in ("unit", "low", "high"))  # type: ignore[assignment]
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
        limit, order = self.limit, SORTS[self.sort_index][1]
        self.query_one("#status", Static).update(Text("reading the index…", style="dim italic"))  # rows below are stale
        self.fetch("numbers", lambda ix: ix.numbers(unit=unit, min=low, max=high, limit=limit, order=order),
                   group="numbers")

    def got_numbers(self, rows: list[NumberRow]) -> None:
        self.rows = rows
        self.fill()

    def fill(self) -> None:
        rows = self.rows
        table = self.query_one("#table", DataTable)
        cursor = table.cursor_row
        table.clear()
        for i, n in enumerate(rows):
            unit = n.unit + (f" {n.counter}" if n.counter else "")
            table.add_row(Text(shown_value(n), justify="right"), Text(unit), Text(clean_line(n.raw), style="bold"),
                          fit(f"#{n.article_id} {title_of(n.title, n.source)}", 24),
                          Text(clean_line(n.context)), key=str(i))  # whole: ← → scroll the table sideways
        if cursor:
            table.move_cursor(row=min(cursor, len(rows) - 1))
        said = SORTS[self.sort_index][2]
        loaded = f"first {len(rows):,} (more at the end)" if self.has_more() else plural(len(rows), "number")
        self.query_one("#status", Static).update(Text(f"{loaded} · sorted by {said} · s sorts · f filters", style="dim"))

    def has_more(self) -> bool:
        return len(self.rows) >= self.limit

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.has_more() and event.cursor_row >= len(self.rows) - 3:
            self.limit += PAGE
            self.load()

    def action_sort(self) -> None:
        self.resort((self.sort_index + 1) % len(SORTS))

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        names = [s[0] for s in SORTS]
        if event.column_key.value in names:
            self.resort(names.index(event.column_key.value))

    def resort(self, sort_index: int) -> None:
        """Ask the index for the start of the whole table in the new order."""
        self.sort_index, self.limit = sort_index, PAGE
        self.query_one("#table", DataTable).move_cursor(row=0)
        self.load()

    def action_focus_filter(self) -> None:
        self.query_one("#unit", Input).focus()

    def action_leave_filter(self) -> None:
        """esc in a filter box goes back to the table (the filter stays); elsewhere it goes back as everywhere."""
        if isinstance(self.focused, Input):
            self.query_one("#table", DataTable).focus()
        else:
            self.app.action_back()  # type: ignore[attr-defined]

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
        self.app.copy(to_tsv(header, rows), f"{plural(len(rows), 'number')} as TSV")

    def action_export(self) -> None:
        self.export_rows("numbers", *self.table(), noun="number")

    # --- frequency table --------------------------------------------------------------------------

    def action_frequency(self) -> None:
        unit = self.query_one("#unit", Input).value.strip() or None
        try:
            low = parse_amount(self.query_one("#low", Input).value)
            high = parse_amount(self.query_one("#high", Input).value)
        except ValueError as err:
            self.say(str(err), severity="error")
            return
        self.fetch("counts", lambda ix: {by: [(label, key, n) for key, label, n in
                                              ix.number_counts(by, unit=unit, min=low, max=high)]
                                         for by in ("unit", "article")})

    def got_counts(self, columns: dict[str, list[tuple[str, str, int]]]) -> None:
        from .frequency import FrequencyScreen

        total = sum(n for _label, _key, n in columns["unit"])
        self.app.push_screen(FrequencyScreen(plural(total, "number"), columns), self.drill)

    def drill(self, chosen: tuple[str, str] | None) -> None:
        """A unit filters the table to it; an article opens with its numbers marked."""
        if chosen is None:
            return
        column, key = chosen
        if column == "unit":
            self.query_one("#unit", Input).value = key  # the filter reloads the table
            self.query_one("#table", DataTable).focus()
        else:
            self.app.open_article(int(key))
