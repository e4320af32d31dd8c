"""Stories: one row per event the corpus tells (first date, how many articles, which outlets, the first
headline), the most widely run first. Words in the box narrow them to stories with an article the words find;
Enter opens a story.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Static

from store.results import Instead, StoryRow

from .. import gc_pause
from ..base import BaseScreen
from ..bindings import bindings_for
from ..story_list import StoryList
from ..widgets import KeyFooter, StatusLine

PAGE = 50  # rows per page: a screenful is 40 (the list paints only those)
AHEAD = 3  # the next page starts loading this many rows before the end, and is added below the others
# the first page's rows, how many stories there are when no words narrow them, the correction the words were read with
FirstPage = tuple[list[StoryRow], int | None, Instead | None]


class StoriesScreen(BaseScreen):
    BINDINGS = bindings_for("stories")
    DEFAULT_CSS = """
    #story-table { height: 1fr; }
    #story-head { height: 1; color: $text-muted; }
    """

    def __init__(self, query: str = "", first: FirstPage | None = None) -> None:
        super().__init__()
        self.initial_query = query
        self.first = first  # the first page, when read before the screen opened (app.action_stories)
        self.total = 0
        self.loading_more = False
        self.instead: Instead | None = None  # the box's typo, read as the name it nearly spells (엔비디야)

    def remake(self) -> "StoriesScreen":
        return StoriesScreen(self.query_one("#story-query", Input).value)

    def compose(self) -> ComposeResult:
        yield Input(self.initial_query, placeholder="narrow: a word or a name (삼성, 스타게이트)…", id="story-query")
        yield Static(id="story-head")
        yield StoryList(id="story-table")
        yield StatusLine(Text("loading…", style="dim"), id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#story-table", StoryList).focus()
        if self.first is None:  # back/forward and reloads read it now
            self.load()
            return
        first, self.first = self.first, None  # filled before the first layout: laid out once, with its rows
        self.got_stories(first)
        gc_pause.resume_after_paint(self)

    def reload(self) -> None:
        self.load()

    def query_text(self) -> str | None:
        return self.query_one("#story-query", Input).value.strip() or None

    @staticmethod
    def first_page(ix, query: str | None) -> FirstPage:
        """The first page of stories, how many there are in all when no words narrow them, and the correction
        the words were read with (a typo narrows by the name it nearly spells, as search reads it)."""
        page = ix.stories_page(query, limit=PAGE)
        return page.rows, ix.story_count(query) if query is None else None, page.instead

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

    def got_stories(self, answer: FirstPage) -> None:
        rows, total, self.instead = answer
        self.total = total if total is not None else len(rows)
        self.query_one("#story-table", StoryList).set_rows(rows)
        self.shown(rows)

    def got_more_stories(self, answer: tuple[str | None, int, list[StoryRow]]) -> None:
        query, offset, rows = answer
        if query != self.query_text() or offset != len(self.rows):  # asked for a list since replaced
            return
        self.loading_more = False
        self.query_one("#story-table", StoryList).add_rows(rows)
        self.shown(rows)

    @property
    def rows(self) -> list[StoryRow]:
        return self.query_one("#story-table", StoryList).rows

    def shown(self, page: list[StoryRow]) -> None:
        """A page of rows came: the column names (the count column fits the largest count) and the status."""
        table = self.query_one("#story-table", StoryList)
        self.query_one("#story-head", Static).update(table.header(table.text_width))
        if self.query_text() is not None:  # a narrowed list is counted as its pages come: a page short of full ends it
            self.total = len(self.rows) + (1 if len(page) == PAGE else 0)
        self.show_status()

    def show_status(self) -> None:
        query, shown = self.query_text(), len(self.rows)
        if not self.rows:
            status = f"no story has an article matching {query!r}" if query else "the index has no articles"
        elif query:
            more = "+" if self.total > shown else ""
            counted = f"{shown:,}{more} {_stories(shown, more)}"
            status = (f"{counted} with an article matching {query!r}" if self.instead is None
                      else self.instead.showing(f"{counted} with an article that mentions"))
        else:
            status = (f"the first {shown:,} of {self.total:,}" if self.total > shown else f"{shown:,}") + \
                f" {_stories(self.total)}, most widely run first"
        self.query_one("#status", Static).update(Text(status + " · enter opens · f narrows", style="dim"))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.load()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#story-table", StoryList).focus()

    def on_story_list_highlighted(self, event: StoryList.Highlighted) -> None:
        if not self.loading_more and len(self.rows) < self.total and event.index >= len(self.rows) - 1 - AHEAD:
            self.load_more()

    def action_focus_filter(self) -> None:
        self.query_one("#story-query", Input).focus()

    def on_story_list_chosen(self, event: StoryList.Chosen) -> None:
        self.app.open_story(event.story_id)

    def action_open(self) -> None:
        table = self.query_one("#story-table", StoryList)
        if self.rows and 0 <= table.cursor < len(self.rows):
            self.app.open_story(self.rows[table.cursor].id)


def _stories(count: int, more: str = "") -> str:
    return "story" if count == 1 and not more else "stories"
