"""Stories: one row per event the corpus tells (first date, how many articles, which outlets, the first
headline), the most widely run first. Words in the box narrow them to stories with an article the words find;
Enter opens a story.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Input, Static

from store.results import StoryRow

from ..base import BaseScreen
from ..bindings import bindings_for
from ..widgets import KeyFooter, clean_line, fit

PAGE = 100  # rows per page (a screenful is 40): the next page loads when the cursor nears the end
AHEAD = 3  # the next page starts loading this many rows before the end
OUTLET_CELLS = 22  # two outlets and "+N": the headline keeps most of an 80-column screen


def outlets_cell(outlets: list[str]) -> Text:
    shown = ", ".join(clean_line(o) for o in outlets[:2])
    more = f" +{len(outlets) - 2}" if len(outlets) > 2 else ""
    return fit(Text(shown + more), OUTLET_CELLS)


class StoriesScreen(BaseScreen):
    BINDINGS = bindings_for("stories")
    DEFAULT_CSS = """
    #story-table { height: 1fr; }
    """

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial_query = query
        self.rows: list[StoryRow] = []
        self.total = 0
        self.limit = PAGE

    def remake(self) -> "StoriesScreen":
        return StoriesScreen(self.query_one("#story-query", Input).value)

    def compose(self) -> ComposeResult:
        yield Input(self.initial_query, placeholder="narrow: a word or a name (삼성, 스타게이트)…", id="story-query")
        yield DataTable(id="story-table", cursor_type="row", zebra_stripes=True)
        yield Static(Text("loading…", style="dim"), id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#story-table", DataTable)
        for label in ("first", "articles", "outlets", "headline of the first"):
            table.add_column(label)
        table.focus()
        self.load()

    def reload(self) -> None:
        self.load()

    def query_text(self) -> str | None:
        return self.query_one("#story-query", Input).value.strip() or None

    def load(self) -> None:
        query, limit = self.query_text(), self.limit
        self.fetch("stories", lambda ix: (ix.stories(query, limit=limit), ix.story_count(query) if query is None else None),
                   group="stories")

    def got_stories(self, answer: tuple[list[StoryRow], int | None]) -> None:
        rows, total = answer
        self.rows = rows
        self.total = total if total is not None else len(rows)
        table = self.query_one("#story-table", DataTable)
        cursor = table.cursor_row
        table.clear()
        for r in rows:
            table.add_row(Text((r.first_date or "—")[:10]), Text(str(r.articles), justify="right"), outlets_cell(r.outlets),
                          Text(clean_line(r.title) or "(no title)"), key=str(r.id))
        if cursor and rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))
        query = self.query_text()
        if not rows:
            status = f"no story has an article matching {query!r}" if query else "the index has no articles"
        else:
            shown = f"the first {len(rows):,} of {self.total:,}" if self.total > len(rows) else f"{len(rows):,}"
            status = f"{shown} stories" + (f" with an article matching {query!r}" if query else ", most widely run first")
        self.query_one("#status", Static).update(Text(status + " · enter opens · f narrows", style="dim"))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.limit = PAGE
        self.load()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#story-table", DataTable).focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if len(self.rows) < self.total and event.cursor_row >= len(self.rows) - 1 - AHEAD:
            self.limit += PAGE
            self.load()

    def action_focus_filter(self) -> None:
        self.query_one("#story-query", Input).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_story(int(event.row_key.value))

    def action_open(self) -> None:
        table = self.query_one("#story-table", DataTable)
        if self.rows and table.cursor_row is not None:
            self.app.open_story(self.rows[table.cursor_row].id)
