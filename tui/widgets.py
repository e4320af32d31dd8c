"""The app's own widgets shared by the screens: the status line and the drill-down's mention list.

The rendering helpers the screens also import from here live in modules of their own and are gathered below,
so every `from .widgets import ...` keeps working: styles and one-line text (tui.styled_text), article bodies
(tui.article_text), exports (tui.exports), the timeline chart (tui.bar_chart) and the key footer (tui.key_footer).
"""
from __future__ import annotations

from bisect import bisect_right

from rich.text import Text
from textual.message import Message
from textual.visual import VisualType
from textual.widgets import Static

from .article_text import BLOCK_CHARS, Block, blocks, offset_at, render_block, styled_line, wrapped_lines
from .bar_chart import EIGHTHS, bar_chart
from .bindings import bindings_for
from .key_footer import GLOBAL_ORDER, KeyFooter, footer_width
from .exports import default_export_dir, export, export_files, export_stem, export_zip, neutralise, to_csv, to_tsv
from .styled_text import (
    CURRENT_STYLE,
    FLASH_STYLE,
    HIGHLIGHT_STYLE,
    NUMBER_STYLE,
    PALETTE,
    PART_MARKS,
    TYPE_STYLES,
    around_first,
    badge,
    clean_line,
    fit,
    highlighted,
    korean_amount,
    kwic,
    one_line,
    plural,
    tail,
    title_of,
    type_style,
    unit_label,
)
from .virtual_list import VirtualList

__all__ = [
    "KeyFooter", "MentionList", "MENTION_PAGE", "MENTION_PREFETCH", "GLOBAL_ORDER", "footer_width",
    "BLOCK_CHARS", "Block", "blocks", "offset_at", "render_block", "styled_line", "wrapped_lines", "EIGHTHS",
    "bar_chart", "default_export_dir", "export", "export_files", "export_stem", "export_zip", "neutralise",
    "to_csv", "to_tsv", "CURRENT_STYLE", "FLASH_STYLE", "HIGHLIGHT_STYLE", "NUMBER_STYLE", "PALETTE",
    "PART_MARKS", "TYPE_STYLES", "around_first", "badge", "clean_line", "fit", "highlighted", "korean_amount",
    "kwic", "one_line", "plural", "tail", "title_of", "type_style", "unit_label",
]


# --- the status line ---------------------------------------------------------------------------

class StatusLine(Static):
    """The one-line status under a list. Its height is fixed by the stylesheet (`#status { height: 1 }`), so a new
    message repaints the line without laying the screen out again (Static.update would: ~5-10 ms a keystroke)."""

    def update(self, content: VisualType = "", *, layout: bool = False) -> None:
        super().update(content, layout=layout)


# --- the drill-down's mention list ----------------------------------------------------------------------

MENTION_PAGE = 200  # rows per page asked of the index (headings and mentions)
MENTION_PREFETCH = 10  # rows ahead of (and behind) the cursor whose page is read before it gets there


class MentionList(VirtualList):
    """Every mention of an entity, keyword-in-context under a heading per article, as a virtual list.

    It is laid out from the entity's totals alone (a heading per article, a row per mention), renders only the
    rows on screen and asks the index for the page of rows they fall in (`Wanted`, a `MentionRows`): which
    article each row belongs to comes with its page, so a 66,840-article entity opens for the price of one page
    and `end` reaches its last mention at the cost of one more. `Highlighted` and `Selected` carry the mention's
    position in drill-down order. A row whose page is on its way counts as selectable; when the page comes and the
    cursor turns out to sit on a heading it steps onto the heading's first mention."""

    BINDINGS = bindings_for("mentions")
    MIN_TEXT_WIDTH = 30  # a keyword-in-context row: its left and right context need room

    class Wanted(Message):
        """Rows page `page` of list generation `generation` came into view."""

        def __init__(self, generation: int, page: int) -> None:
            super().__init__()
            self.generation = generation
            self.page = page

    class Highlighted(Message):
        def __init__(self, index: int | None, total: int) -> None:
            super().__init__()
            self.index = index
            self.total = total

    class Selected(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.generation = 0
        self.total_mentions = 0
        self.rows = 0
        self.pages: dict[int, object] = {}  # page -> MentionRows
        self.asked: set[int] = set()
        self.cursor = 1
        self.entity_style = ""
        self.direction = 1  # of the last move: a cursor left on a heading steps this way when its page comes

    # --- rows -----------------------------------------------------------------------------------------

    def show(self, mentions: int, articles: int, entity_style: str, first_page: int, rows) -> None:
        """Lay out `articles` headings and `mentions` rows, with the rows of page `first_page` (a MentionRows)
        already read, and keep the cursor where it was."""
        self.generation += 1
        self.entity_style = entity_style
        self.total_mentions, self.rows = mentions, mentions + articles
        self.pages, self.asked = {first_page: rows}, {first_page}
        self.refresh_items()
        self.move_to(min(self.cursor, max(0, self.rows - 1)), +1)

    @property
    def item_count(self) -> int:
        return self.rows

    @property
    def row_count(self) -> int:
        return self.rows

    def page_of(self, row: int):
        """The MentionRows holding `row`, or None (asked for) while it is on its way."""
        page = row // MENTION_PAGE
        rows = self.pages.get(page)
        if rows is None and page not in self.asked and 0 <= row < self.rows:
            self.asked.add(page)
            self.post_message(self.Wanted(self.generation, page))
        return rows

    def locate(self, row: int) -> tuple[object, int, int | None] | None:
        """(its article, its article's position on its page, mention index or None for the heading) of a row, or
        None while its page is on its way."""
        rows = self.page_of(row)
        if rows is None or not rows.heads:
            return None
        k = max(0, bisect_right(rows.heads, row) - 1)
        head = rows.heads[k]
        return rows.articles[k], k, None if head == row else rows.firsts[k] + row - head - 1

    def selectable(self, item: int) -> bool:
        at = self.locate(item) if self.rows else None
        return bool(self.rows) and (at is None or at[2] is not None)

    def mention(self, index: int):
        """The mention at `index` in drill-down order, or None when no page read holds it."""
        for rows in self.pages.values():
            at = index - rows.mention_offset
            if 0 <= at < len(rows.mentions):
                return rows.mentions[at]
        return None

    def wanted_pages(self) -> set[int]:
        """The pages of the rows on screen and a few either side of the cursor: a page scrolled past before its
        turn came is not worth reading."""
        top, height = self.scroll_offset.y, max(1, self.scrollable_content_region.height)
        rows = {*range(top, min(self.rows, top + height)),
                *(r for r in (self.cursor - MENTION_PREFETCH, self.cursor, self.cursor + MENTION_PREFETCH)
                  if 0 <= r < self.rows)}
        return {row // MENTION_PAGE for row in rows}

    def add_page(self, generation: int, page: int, rows) -> None:
        """A page of rows arrived (dropped when the list was laid out again since); None: it was skipped, being
        out of view by the time its turn came, and is asked for again when it shows."""
        if generation != self.generation:
            return
        if rows is None:
            self.asked.discard(page)
            if page in self.wanted_pages():
                self.page_of(page * MENTION_PAGE)
            return
        self.pages[page] = rows
        self.refresh_items()
        if self.cursor // MENTION_PAGE == page:
            if not self.selectable(self.cursor):  # it sat on a heading: onto a mention
                self.move_to(self.cursor + self.direction, self.direction)
            else:
                self.cursor_moved(self.cursor)  # its mention has come: say which it is

    def current(self):
        """The mention under the cursor (None on a heading or while its page loads)."""
        at = self.locate(self.cursor) if 0 <= self.cursor < self.rows else None
        return None if at is None or at[2] is None else self.mention(at[2])

    def lines(self) -> list[tuple[int | None, Text]]:
        """(mention index or None for a heading, text) of every row whose page is loaded (for tests and copies)."""
        out = []
        for page in sorted(self.pages):
            for row in range(page * MENTION_PAGE, min(self.rows, (page + 1) * MENTION_PAGE)):
                at = self.locate(row)
                text = self.row_text(row, self.text_width)
                if at is not None and text is not None:
                    out.append((at[2], text))
        return out

    def row_text(self, row: int, width: int) -> Text | None:
        at = self.locate(row)
        if at is None:
            return None
        article, _k, index = at
        if index is None:
            about = " · ".join(x for x in ((article.date or "")[:10], plural(article.count, "mention")) if x)
            head = Text.assemble((f"#{article.id} ", "dim"), (title_of(article.title, article.source), "bold"),
                                 (f"  {about}", "dim"))
            return fit(head, width)
        m = self.mention(index)
        if m is None:
            return None
        return kwic(m.left, m.surface, m.right, width, self.entity_style, m.part)

    def item_lines(self, item: int, width: int) -> list[Text] | None:
        text = self.row_text(item, width) if self.rows else None
        return None if text is None else [text]

    # --- the cursor -----------------------------------------------------------------------------------

    def move_to(self, item: int, direction: int = 1) -> None:
        self.direction = direction or 1
        super().move_to(item, direction)

    def cursor_moved(self, item: int) -> None:
        self.post_message(self.Highlighted(self.mention_index(item), self.total_mentions))

    def mention_index(self, row: int) -> int | None:
        """The drill-down position of the mention on `row` (None on a heading or while its page loads)."""
        at = self.locate(row) if 0 <= row < self.rows else None
        return None if at is None else at[2]

    def item_chosen(self, item: int) -> None:
        at = self.locate(item)
        if at is not None and at[2] is not None:
            self.post_message(self.Selected(at[2]))
