"""The app's own widgets shared by the screens: the fitted key footer and the drill-down's mention list.

The rendering helpers the screens also import from here live in modules of their own and are gathered below,
so every `from .widgets import ...` keeps working: styles and one-line text (tui.styled_text), article bodies
(tui.article_text), exports (tui.exports) and the timeline chart (tui.bar_chart).
"""
from __future__ import annotations

from bisect import bisect_right

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import ModalScreen
from textual.visual import VisualType
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from .article_text import BLOCK_CHARS, Block, blocks, offset_at, render_block, styled_line, wrapped_lines
from .bar_chart import EIGHTHS, bar_chart
from .bindings import KEYS, bindings_for
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


# --- the footer -------------------------------------------------------------------------------

GLOBAL_ORDER = {k.action: i for i, k in enumerate(k for k in KEYS if k.scope == "global")}


def footer_width(key_display: str, description: str) -> int:
    """Cells a FooterKey takes: the key padded by one on each side, the description followed by one space."""
    return cell_len(key_display) + 2 + cell_len(description) + 1


class StatusLine(Static):
    """The one-line status under a list. Its height is fixed by the stylesheet (`#status { height: 1 }`), so a new
    message repaints the line without laying the screen out again (Static.update would: ~5-10 ms a keystroke)."""

    def update(self, content: VisualType = "", *, layout: bool = False) -> None:
        super().update(content, layout=layout)


class KeyFooter(Footer):
    """The footer, fitted to its width: the screen's own keys, then the global ones in registry order (search, back,
    palette, quit), stopping at the first that no longer fits, so no label is ever cut; `f1 More` always ends it,
    saying where the other keys are.

    It remounts its keys (a recompose, which lays the screen out again: 15-40 ms at 100k articles) only when what
    it shows changes, at most once per frame, and only on the screen on top. Textual's Footer recomposes on every
    bindings signal: each keystroke in the search box, and four times while the entity screen opened."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)  # the palette key is an ordinary key here, dropped when narrow
        self.fitted_width = 0
        self.shown: tuple | None = None  # what the last compose showed: (key, label, action, enabled) of each key
        self._recompose_asked = False

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:  # as Footer: bindings are known once the screen signals them
            return
        self.fitted_width = self.size.width or self.app.size.width
        keys = self.fitted_keys(self.fitted_width)
        self.shown = self.signature(keys)
        for item in keys:
            yield self.key(*item)

    def bindings_changed(self, screen) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._ask_recompose()

    def on_resize(self) -> None:
        if self._bindings_ready and self.size.width != self.fitted_width:
            self._ask_recompose()

    def _ask_recompose(self) -> None:
        if not self._recompose_asked:
            self._recompose_asked = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._recompose_asked = False
        if not self.is_attached or (self.shown is not None and not self._on_view()):
            return  # a screen hidden under another: BaseScreen.on_screen_resume asks again when it is back on top
        width = self.size.width or self.app.size.width
        if self.shown is not None and self.signature(self.fitted_keys(width)) == self.shown:
            self.fitted_width = width  # the same keys fit: nothing to remount
            return
        await self.recompose()

    def _on_view(self) -> bool:
        """Whether the footer's screen is on top, or just under a dialog (a modal screen shows it dimmed)."""
        stack = self.app.screen_stack
        return stack[-1] is self.screen or (len(stack) > 1 and stack[-2] is self.screen and isinstance(stack[-1], ModalScreen))

    @staticmethod
    def signature(keys: list[tuple[Binding, bool, str]]) -> tuple:
        return tuple((b.key, b.key_display, b.description, b.action, enabled, tooltip) for b, enabled, tooltip in keys)

    def fitted_keys(self, width: int) -> list[tuple[Binding, bool, str]]:
        """The keys that fit in `width` cells, most important first, `f1 More` last."""
        keys = self.keys_by_importance()
        more = [k for k in keys if k[0].action == "help"]
        cells = lambda k: footer_width(self.app.get_key_display(k[0]), k[0].description)  # noqa: E731
        used = sum(cells(k) for k in more)
        fitted = []
        for item in keys:
            if item in more:
                continue
            used += cells(item)
            if used > width:
                break
            fitted.append(item)
        return fitted + more

    def key(self, binding: Binding, enabled: bool, tooltip: str) -> FooterKey:
        return FooterKey(binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                         disabled=not enabled, tooltip=tooltip).data_bind(compact=Footer.compact)

    def keys_by_importance(self) -> list[tuple[Binding, bool, str]]:
        """One binding per action, the screen's before the app's.

        A screen's key stays listed when a focused list shadows it with a hidden key of its own (enter on a list
        selects the row, which the screen opens), so `⏎ Open` shows on the entity and numbers screens."""
        active = self.screen.active_bindings
        chosen: dict[str, tuple[bool, int, Binding, bool, str]] = {}
        for node, bindings in self.screen._modal_binding_chain:
            for key, binding in bindings:
                current = active.get(key)
                if current is None or not binding.show or binding.action in chosen:
                    continue
                if current.binding is not binding and (current.binding.show or current.node is self.app):
                    continue  # shadowed by a key the user can see (or one the app owns)
                state = self.app._check_action_state(binding.action, node)
                if state is False:
                    continue
                is_global = node is self.app
                rank = GLOBAL_ORDER.get(binding.action, len(GLOBAL_ORDER)) if is_global else len(chosen)
                chosen[binding.action] = (is_global, rank, binding, bool(state), binding.tooltip)
        return [(b, e, t) for _g, _r, b, e, t in sorted(chosen.values(), key=lambda c: c[:2])]


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

    @property
    def text_width(self) -> int:
        return max(30, self.scrollable_content_region.width or 80)

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
        at = self.locate(item)
        self.post_message(self.Highlighted(None if at is None else at[2], self.total_mentions))

    def item_chosen(self, item: int) -> None:
        at = self.locate(item)
        if at is not None and at[2] is not None:
            self.post_message(self.Selected(at[2]))
