"""The Stories screen's list: one row per story (first date, articles, outlets, the first headline) under a line
of column names.

A virtual list: a row's text is made when it is painted, so a page of stories costs the rows on screen. Textual's
DataTable, which it replaces, measured every row it was given and rendered cell by cell: 20-50 ms of the
screen's first paint at 100k articles (traced in tmux), against issue 13's 100 ms for the whole of it."""
from __future__ import annotations

from rich.text import Text
from textual.message import Message

from store.results import StoryRow

from .bindings import bindings_for
from .styled_text import clean_line, fit
from .virtual_list import VirtualList

DATE_CELLS = 10
OUTLET_CELLS = 22  # two outlets and "+N": the headline keeps most of an 80-column screen
GAP = "  "
COLUMNS = ("first", "articles", "outlets", "headline of the first")


def outlets_cell(outlets: list[str]) -> Text:
    shown = ", ".join(clean_line(o) for o in outlets[:2])
    more = f" +{len(outlets) - 2}" if len(outlets) > 2 else ""
    return fit(Text(shown + more), OUTLET_CELLS)


class StoryList(VirtualList):
    BINDINGS = bindings_for("story-list")

    class Highlighted(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Chosen(Message):
        def __init__(self, story_id: int) -> None:
            super().__init__()
            self.story_id = story_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[StoryRow] = []
        self.count_cells = len(COLUMNS[1])  # the articles column: as wide as its name or its largest count

    def set_rows(self, rows: list[StoryRow]) -> None:
        """A new list (the cursor stays on the same line when it still has one)."""
        self.rows = list(rows)
        self.count_cells = len(COLUMNS[1])
        self._widen_counts(rows)
        self.cursor = min(self.cursor, max(0, len(rows) - 1))
        self.refresh_items()
        if rows:
            self.scroll_to_item(self.cursor)
            self.cursor_moved(self.cursor)

    def add_rows(self, rows: list[StoryRow]) -> None:
        """The next page, below the others."""
        self.rows += rows
        self._widen_counts(rows)
        self.refresh_items()

    def _widen_counts(self, rows: list[StoryRow]) -> None:
        # kept as rows come, not measured over every row on each painted line
        self.count_cells = max([self.count_cells, *(len(str(r.articles)) for r in rows)])

    @property
    def item_count(self) -> int:
        return len(self.rows)

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def cells(self, index: int) -> list[Text]:
        """A row's four cells, unfitted but for the outlets (for tests and copies)."""
        r = self.rows[index]
        return [Text((r.first_date or "—")[:10]), Text(str(r.articles)), outlets_cell(r.outlets),
                Text(clean_line(r.title) or "(no title)")]

    def header(self, width: int) -> Text:
        return self._line([Text(c, style="bold") for c in COLUMNS], width)

    def item_lines(self, item: int, width: int) -> list[Text]:
        return [self._line(self.cells(item), width)]

    def _line(self, cells: list[Text], width: int) -> Text:
        date, count, outlets, title = cells
        count = count.copy()
        count.align("right", self.count_cells)
        used = DATE_CELLS + self.count_cells + OUTLET_CELLS + 3 * len(GAP)
        return Text.assemble(fit(date, DATE_CELLS), GAP, count, GAP, fit(outlets, OUTLET_CELLS), GAP,
                             fit(title, max(10, width - used)))

    def cursor_moved(self, item: int) -> None:
        self.post_message(self.Highlighted(item))

    def item_chosen(self, item: int) -> None:
        self.post_message(self.Chosen(self.rows[item].id))
