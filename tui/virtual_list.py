"""A virtual list: items one or more lines high, of which only the lines on screen are ever rendered.

The list is laid out from counts alone (how many items, how high each is), so a list of 50,000 items opens at
once and its last item is one keystroke away; a subclass fetches what an item shows when it first comes into
view (the drill-down's mentions, the search hits) and says so with `refresh_items` when it arrives. Toolong
and VisiData work this way; Textual's OptionList builds every row up front.
"""
from __future__ import annotations

from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .frame_constants import FrameConstants
from .list_scrollbar import ListScrollBar

LOADING = Text("  …", style="dim")
CACHE_ITEMS = 400  # rendered items kept between repaints (a screenful is a few dozen)


class VirtualList(FrameConstants, can_focus=True):
    """Subclasses give `item_count`, `item_top`/`item_at` (when items are not all one line), `item_lines` and
    `selectable`, and react to the cursor in `cursor_moved` / `item_chosen`. `cursor` is an item index."""

    COMPONENT_CLASSES = {"virtual-list--cursor"}
    MIN_TEXT_WIDTH = 20  # cells items are laid out in however narrow the list (a width of 0 before layout: 80)
    # The scrollbar is always there (ListScrollBar draws it blank while the list fits): a bar that came and went
    # with the list's length laid the whole screen out again (a keystroke whose answer fits, co-mentions arriving)
    DEFAULT_CSS = """
    VirtualList { overflow-y: scroll; }
    VirtualList > .virtual-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground;
                                          text-style: $block-cursor-text-style; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cursor = 0
        self._rendered: dict[tuple[int, int], list[Text]] = {}

    @property
    def vertical_scrollbar(self) -> ListScrollBar:
        # Textual's own property with the bar drawn by ListScrollBar (redrawn only when it looks different)
        if self._vertical_scrollbar is None:
            bar = self._vertical_scrollbar = ListScrollBar(vertical=True, name="vertical",
                                                           thickness=self.scrollbar_size_vertical)
            bar.display = False
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar  # type: ignore[return-value]

    # --- what a subclass says -------------------------------------------------------------------------

    @property
    def item_count(self) -> int:
        return 0

    def item_top(self, item: int) -> int:
        """The first line of `item` (of `item_count` for the line below the last item)."""
        return item

    def item_at(self, line: int) -> int:
        """The item that covers `line`."""
        return line

    def item_lines(self, item: int, width: int) -> list[Text] | None:
        """What `item` shows, one Text per line, or None while its data is on its way."""
        return None

    def selectable(self, item: int) -> bool:
        return True

    @property
    def cursor_shown(self) -> bool:
        return True

    def cursor_moved(self, item: int) -> None:
        """The cursor came to rest on `item`."""

    def item_chosen(self, item: int) -> None:
        """Enter (or a click) on `item`."""

    # --- layout ---------------------------------------------------------------------------------------

    @property
    def line_count(self) -> int:
        return self.item_top(self.item_count)

    def refresh_items(self) -> None:
        """The items changed (their number, or data arrived): resize the scroll range and repaint what is shown.

        Assigning `virtual_size` would lay out the whole screen (9–13 ms at 120×40 after each answer); only the
        scrollbar depends on it, and `_scroll_update` lays out by itself when the scrollbar appears or goes."""
        self._rendered.clear()
        size = Size(self.virtual_size.width, self.line_count)
        if size != self.virtual_size:
            if self.container_size:
                self.set_reactive(ScrollView.virtual_size, size)
                self._scroll_update(size)
            else:  # not laid out yet
                self.virtual_size = size
        self.refresh()

    @property
    def text_width(self) -> int:
        return max(self.MIN_TEXT_WIDTH, self.frame_constants()[0] or 80)

    def rendered(self, item: int, width: int) -> list[Text] | None:
        key = (item, width)
        lines = self._rendered.get(key)
        if lines is None:
            lines = self.item_lines(item, width)
            if lines is None:
                return None
            if len(self._rendered) >= CACHE_ITEMS:
                self._rendered.clear()
            self._rendered[key] = lines
        return lines

    def render_line(self, y: int) -> Strip:
        width, offset, style = self.frame_constants()
        line = offset.y + y
        if line >= self.line_count or not self.item_count:
            return Strip.blank(width, style)
        item = self.item_at(line)
        text_width = self.text_width
        lines = self.rendered(item, text_width)
        at = line - self.item_top(item)
        text = lines[at] if lines is not None and at < len(lines) else (LOADING if lines is None and at == 0 else Text(""))
        if item == self.cursor and self.cursor_shown and self.selectable(item):
            text = text.copy()
            text.stylize(self.get_component_rich_style("virtual-list--cursor"))
            text.pad_right(max(0, text_width - text.cell_len))
        segments = list(text.render(self.app.console, end=""))
        return Strip(segments).extend_cell_length(width).crop(offset.x, offset.x + width)

    # --- the cursor -----------------------------------------------------------------------------------

    def nearest_selectable(self, item: int, direction: int) -> int | None:
        """The first selectable item from `item` in `direction`, else in the other direction (headings are skipped;
        they are few, so this looks at a handful of items)."""
        count = self.item_count
        item = max(0, min(item, count - 1))
        for step in (direction or 1, -(direction or 1)):
            at = item
            while 0 <= at < count:
                if self.selectable(at):
                    return at
                at += step
        return None

    def move_to(self, item: int, direction: int = 1) -> None:
        """Put the cursor on `item`, or on the nearest selectable item from it in `direction`, and scroll it into view."""
        found = self.nearest_selectable(item, direction)
        if found is None:
            return
        self.cursor = found
        self.scroll_to_item(found)
        self.refresh()
        self.cursor_moved(found)

    def scroll_to_item(self, item: int) -> None:
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        first, last = self.item_top(item), self.item_top(item + 1) - 1
        if item > 0 and not self.selectable(item - 1):
            first = self.item_top(item - 1)  # keep the heading above in view when possible
        if first < top:
            self.scroll_to(y=max(0, first), animate=False)
        elif height and last >= top + height:
            self.scroll_to(y=last - height + 1, animate=False)

    def lines_per_page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1, +1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1, -1)

    def action_page_down(self) -> None:
        self.move_to(self.item_at(min(self.line_count - 1, self.item_top(self.cursor) + self.lines_per_page())), +1)

    def action_page_up(self) -> None:
        self.move_to(self.item_at(max(0, self.item_top(self.cursor) - self.lines_per_page())), -1)

    def action_first(self) -> None:
        self.move_to(0, +1)

    def action_last(self) -> None:
        self.move_to(self.item_count - 1, -1)

    def action_select(self) -> None:
        if 0 <= self.cursor < self.item_count and self.selectable(self.cursor):
            self.item_chosen(self.cursor)

    def at_first(self) -> bool:
        """Whether the cursor is on the first selectable item (or there is none)."""
        first = self.nearest_selectable(0, +1)
        return first is None or self.cursor <= first

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self.item_count:
            return
        line = offset.y + self.scroll_offset.y
        if line < self.line_count and self.selectable(self.item_at(line)):
            self.move_to(self.item_at(line), +1)
            self.action_select()

    def on_resize(self) -> None:
        self._rendered.clear()
        self.refresh()
