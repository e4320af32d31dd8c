"""Stories: one row per event the corpus tells (first date, how many articles, which outlets, the first
headline), the most widely run first. Words in the box narrow them to stories with an article the words find;
Enter opens a story.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Input, Static

from store.results import StoryRow

from .. import gc_pause
from ..base import BaseScreen
from ..bindings import bindings_for
from ..widgets import KeyFooter, StatusLine, clean_line, fit

PAGE = 50  # rows per page: a screenful is 40, and the table measures every row it is given before it paints
AHEAD = 3  # the next page starts loading this many rows before the end, and is added below the others
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

    def __init__(self, query: str = "", first: tuple[list[StoryRow], int | None] | None = None) -> None:
        super().__init__()
        self.initial_query = query
        self.first = first  # the first page, when read before the screen opened (app.action_stories)
        self.rows: list[StoryRow] = []
        self.total = 0
        self.loading_more = False

    def remake(self) -> "StoriesScreen":
        return StoriesScreen(self.query_one("#story-query", Input).value)

    def compose(self) -> ComposeResult:
        yield Input(self.initial_query, placeholder="narrow: a word or a name (삼성, 스타게이트)…", id="story-query")
        yield DataTable(id="story-table", cursor_type="row", zebra_stripes=True)
        yield StatusLine(Text("loading…", style="dim"), id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.first is None:
            self.load()  # first: the worker reads the page while the table is set up
        table = self.query_one("#story-table", DataTable)
        for label in ("first", "articles", "outlets", "headline of the first"):
            table.add_column(label)
        table.focus()
        if self.first is not None:  # filled before the first layout: laid out once, with its rows
            first, self.first = self.first, None
            self.got_stories(first)
            self.call_after_refresh(gc_pause.resume)

    def reload(self) -> None:
        self.load()

    def query_text(self) -> str | None:
        return self.query_one("#story-query", Input).value.strip() or None

    @staticmethod
    def first_page(ix, query: str | None) -> tuple[list[StoryRow], int | None]:
        """The first page of stories, and how many there are in all when no words narrow them."""
        return ix.stories(query, limit=PAGE), ix.story_count(query) if query is None else None

    def load(self) -> None:
        """The first page (again): on opening, on a reload and when the words in the box change."""
        query = self.query_text()
        self.loading_more = False
        self.fetch("stories", lambda ix: self.first_page(ix, query), group="stories")

    def load_more(self) -> None:
        """The next page, read from where the shown rows end (each page costs the same, however far down)."""
        query, offset = self.query_text(), len(self.rows)
        self.loading_more = True
        self.fetch("more_stories", lambda ix: (query, offset, ix.stories(query, limit=PAGE, offset=offset)), group="stories")

    def got_stories(self, answer: tuple[list[StoryRow], int | None]) -> None:
        rows, total = answer
        self.rows = []
        self.total = total if total is not None else len(rows)
        table = self.query_one("#story-table", DataTable)
        cursor = table.cursor_row
        table.clear()
        self.add_rows(rows)
        if cursor and rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))

    def got_more_stories(self, answer: tuple[str | None, int, list[StoryRow]]) -> None:
        query, offset, rows = answer
        if query != self.query_text() or offset != len(self.rows):  # asked for a list since replaced
            return
        self.loading_more = False
        self.add_rows(rows)

    def add_rows(self, rows: list[StoryRow]) -> None:
        table = self.query_one("#story-table", DataTable)
        for r in rows:
            table.add_row(Text((r.first_date or "—")[:10]), Text(str(r.articles), justify="right"), outlets_cell(r.outlets),
                          Text(clean_line(r.title) or "(no title)"), key=str(r.id))
        self.rows += rows
        if self.query_text() is not None:  # a narrowed list is counted as its pages come: a page short of full ends it
            self.total = len(self.rows) + (1 if len(rows) == PAGE else 0)
        self.show_status()

    def show_status(self) -> None:
        query, shown = self.query_text(), len(self.rows)
        if not self.rows:
            status = f"no story has an article matching {query!r}" if query else "the index has no articles"
        elif query:
            more = "+" if self.total > shown else ""
            status = f"{shown:,}{more} stories with an article matching {query!r}"
        else:
            status = (f"the first {shown:,} of {self.total:,}" if self.total > shown else f"{shown:,}") + \
                " stories, most widely run first"
        self.query_one("#status", Static).update(Text(status + " · enter opens · f narrows", style="dim"))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.load()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#story-table", DataTable).focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if not self.loading_more and len(self.rows) < self.total and event.cursor_row >= len(self.rows) - 1 - AHEAD:
            self.load_more()

    def action_focus_filter(self) -> None:
        self.query_one("#story-query", Input).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_story(int(event.row_key.value))

    def action_open(self) -> None:
        table = self.query_one("#story-table", DataTable)
        if self.rows and table.cursor_row is not None:
            self.app.open_story(self.rows[table.cursor_row].id)
