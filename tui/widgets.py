"""Rendering helpers shared by the screens, and result exports.

Article text is untrusted: everything here builds rich `Text` objects from plain strings (never markup), and
measures widths in terminal cells (`cell_len`: Hangul is two cells), so `[bold]`, `[/]` or escape bytes show
literally and columns of Korean text line up.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

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

from store.extract.numbers import format_amount

from .bindings import KEYS, bindings_for
from .virtual_list import VirtualList

TYPE_STYLES: dict[str, str] = {
    "company": "bold cyan",
    "person": "bold magenta",
    "org": "bold green",
    "place": "bold blue",
    "product": "bold yellow",
    "event": "bold red",
}
NUMBER_STYLE = "bold underline #ffaf5f"
CURRENT_STYLE = "reverse"
FLASH_STYLE = "bold black on #ffd75f"
HIGHLIGHT_STYLE = "bold black on #5fafff"
# Shared entities get one of these on both sides of a comparison; distinct enough on 256-colour terminals.
PALETTE = ("#ff8787", "#87d7ff", "#afd787", "#ffd787", "#d7afff", "#87ffd7", "#ffafd7", "#d7d7af", "#5fafaf", "#ff9f5f")

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")
BLOCK_CHARS = 1200  # long paragraphs are shown in blocks so one widget never holds megabytes of text


def one_line(value: str | None) -> str:
    """One display line: control bytes become visible placeholders, whitespace runs one space."""
    return _SPACES.sub(" ", _CONTROL.sub("\ufffd", value or ""))


def clean_line(value: str | None) -> str:
    return one_line(value).strip()


def type_style(entity_type: str) -> str:
    return TYPE_STYLES.get(entity_type, "bold")


def badge(entity_type: str) -> Text:
    """A fixed-width type badge: `company` etc. padded to 7 cells."""
    return Text(f"{entity_type[:7]:<7}", style=type_style(entity_type).replace("bold ", "") + " reverse")


def fit(text: Text | str, width: int) -> Text:
    """Exactly `width` cells: cut (with …) or padded, never splitting a wide character."""
    text = Text(text) if isinstance(text, str) else text.copy()
    text.no_wrap = True
    if width <= 0:
        return Text("")
    text.truncate(width, overflow="ellipsis", pad=True)
    return text


def tail(value: str, width: int) -> Text:
    """The last `width` cells of `value`, right-aligned (…-prefixed when cut): the left column of a KWIC line."""
    value = one_line(value).lstrip()
    if cell_len(value) <= width:
        return Text(" " * (width - cell_len(value)) + value)
    kept, used = [], 1
    for ch in reversed(value):
        w = cell_len(ch)
        if used + w > width:
            break
        kept.append(ch)
        used += w
    return Text(" " * (width - used) + "…" + "".join(reversed(kept)))


PART_MARKS = {"title": "title", "deck": "deck", "caption": "caption"}  # a mention outside the body says where it is


def kwic(left: str, surface: str, right: str, width: int, style: str, part: str = "body") -> Text:
    """left context · mention · right context in `width` cells, the mention starting at the same column on every line.

    A mention in the headline, deck or a caption gets a small marker at the start of its left side."""
    mention = fit(Text(clean_line(surface), style=style), min(cell_len(clean_line(surface)), max(4, width // 2)))
    side = max(4, (width - mention.cell_len) // 2)
    mark = PART_MARKS.get(part)
    if mark and side > len(mark) + 6:
        line = Text.assemble((mark, "dim italic"), tail(left, side - len(mark)), mention)
    else:
        line = Text.assemble(tail(left, side), mention)
    line.append_text(fit(Text(one_line(right).rstrip(), style="dim"), max(0, width - line.cell_len)))
    return line


def korean_amount(value: float, unit: str) -> str:
    """A value in its unit's own magnitude words: 5,000억 달러, 700조 원, 500MW, 5.59%, 90만 장.

    `unit` is a unit code (KRW, USD, %, W, Wh, count) or a counter word (장, 명) as `unit_label` gives it."""
    try:
        return format_amount(value, unit)
    except ValueError:  # a counter word (or a unit the formatter does not know)
        return format_amount(value, "count", None if unit == "count" else unit)


def highlighted(value: str, spans: list[tuple[int, int]], style: str = HIGHLIGHT_STYLE) -> Text:
    """Plain text with the given (start, end) spans styled; control bytes made visible without moving offsets."""
    text = Text(_CONTROL.sub("\ufffd", value.replace("\n", " ")))
    for start, end in spans:
        text.stylize(style, start, end)
    return text


def around_first(text: Text, spans: list[tuple[int, int]], width: int) -> Text:
    """`text` cut on the left (with …) when its first highlight would fall past `width` cells: narrow lists still
    show why a snippet matched."""
    if not spans or cell_len(text.plain[:spans[0][1]]) <= width - 2:
        return text
    start = spans[0][0]
    cut, used = start, 0
    while cut > 0 and used + cell_len(text.plain[cut - 1]) <= width // 3:
        cut -= 1
        used += cell_len(text.plain[cut])
    return Text("…").join([Text(""), text[cut:]])


def unit_label(unit: str, counter: str | None) -> str:
    """The counter word for counts (장, 명), else the unit code (KRW, USD, %)."""
    return counter if unit == "count" and counter else unit


def plural(count: int, word: str) -> str:
    """`1 mention`, `2 mentions`, `1,024 articles`."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def title_of(title: str | None, source: str) -> str:
    return clean_line(title) or Path(source).name


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


# --- article bodies -----------------------------------------------------------------------------


@dataclass(slots=True)
class Block:
    """A piece of an article body shown as one widget: [start, end) offsets into the body."""

    start: int
    end: int
    paragraph: int


def blocks(body: str, paragraphs: list[tuple[int, int]], limit: int = BLOCK_CHARS) -> list[Block]:
    """Paragraphs, with long ones cut at a space near `limit` characters (so a mention is rarely split)."""
    out: list[Block] = []
    for idx, (start, end) in enumerate(paragraphs):
        pos = start
        while end - pos > limit:
            space = body.rfind(" ", pos + limit // 2, pos + limit)
            cut = space + 1 if space > 0 else pos + limit
            out.append(Block(pos, cut, idx))
            pos = cut
        out.append(Block(pos, end, idx))
    return out


def wrapped_lines(console, body: str, block: Block, width: int) -> list[tuple[int, str]]:
    """(body offset, text) of each line of `block` as a Static of `width` cells wraps it."""
    out, seen = [], block.start
    for line in Text(body[block.start:block.end]).wrap(console, max(1, width)):
        out.append((seen, line.plain))
        seen += len(line.plain)
    return out


def offset_at(lines: list[tuple[int, str]], x: int, y: int) -> int | None:
    """The body offset under cell (x, y) of wrapped `lines` (Hangul takes two cells), None below the last."""
    if not 0 <= y < len(lines):
        return None
    start, text = lines[y]
    column = 0
    for j, ch in enumerate(text):
        column += cell_len(ch)
        if column > x:
            return start + j
    return start + len(text)


def styled_line(value: str, mentions: list[tuple[int, int, int, str, str]], style: str = "") -> Text:
    """A headline or deck as one clean line with its mentions coloured by type. Mention offsets index the raw text:
    each is carried over to the cleaned line (whitespace runs collapsed, the ends stripped)."""
    out = Text(clean_line(value), style=style)
    for start, end, _entity_id, entity_type, _surface in mentions:
        if 0 <= start < end <= len(value):
            at = len(one_line(value[:start]).lstrip())
            out.stylize(type_style(entity_type), at, at + len(one_line(value[start:end])))
    return out


def render_block(
    body: str,
    block: Block,
    mentions: list[tuple[int, int, int, str, str]],
    numbers: list[tuple[int, int]],
    *,
    current: tuple[int, int] | None = None,
    current_style: str = CURRENT_STYLE,
    entity_styles: dict[int, str] | None = None,
) -> Text:
    """The block's text with mentions coloured (by type, or by `entity_styles`) and numbers marked."""
    text = Text(_CONTROL.sub("\ufffd", body[block.start:block.end]))
    for start, end in numbers:
        if start < block.end and end > block.start:
            text.stylize(NUMBER_STYLE, start - block.start, end - block.start)
    for start, end, entity_id, entity_type, _surface in mentions:
        if start < block.end and end > block.start:
            style = entity_styles.get(entity_id, "underline dim") if entity_styles is not None else type_style(entity_type)
            text.stylize(style, start - block.start, end - block.start)
    if current and current[0] < block.end and current[1] > block.start:
        text.stylize(current_style, current[0] - block.start, current[1] - block.start)
    return text


# --- exports ------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell) -> str:
    """A CSV cell a spreadsheet will not run as a formula: a leading ' before = + - @ (and tab/CR)."""
    value = "" if cell is None else str(cell)
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([neutralise(h) for h in header])
    writer.writerows([[neutralise(c) for c in row] for row in rows])
    return out.getvalue()


def to_tsv(header: list[str], rows: list[list]) -> str:
    """Tab-separated lines for the clipboard; tabs and newlines inside cells become spaces."""
    line = lambda cells: "\t".join(re.sub(r"[\t\r\n]+", " ", "" if c is None else str(c)) for c in cells)  # noqa: E731
    return "\n".join([line(header), *(line(r) for r in rows)]) + "\n"


def default_export_dir() -> Path:
    """Where exports go unless the user says otherwise: $HANSCOPE_EXPORTS, else ~/Downloads if there is one,
    else the home folder (never wherever the app happened to be started)."""
    import os

    configured = os.environ.get("HANSCOPE_EXPORTS")
    if configured:
        return Path(configured).expanduser()
    downloads = Path.home() / "Downloads"
    return downloads if downloads.is_dir() else Path.home()


def export_stem(folder: Path, name: str) -> Path:
    """`folder`/hanscope-`name`-<time>, the path an export proposes (without its .csv / .json)."""
    stem = re.sub(r"[^\w가-힣.-]+", "_", name).strip("_")[:60] or "export"
    return folder / f"hanscope-{stem}-{datetime.now():%Y%m%d-%H%M%S}"


def export_files(header: list[str], rows: list[list]) -> tuple[bytes, bytes]:
    """The bytes of an export's .csv and .json."""
    records = [dict(zip(header, row)) for row in rows]
    # the BOM makes spreadsheets read UTF-8 Korean
    return (to_csv(header, rows).encode("utf-8-sig"),
            json.dumps(records, ensure_ascii=False, indent=2).encode("utf-8"))


def export(stem: Path, header: list[str], rows: list[list]) -> tuple[Path, Path]:
    """Write `stem`.csv and `stem`.json (making the folder); returns both paths."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    csv_path, json_path = stem.with_name(stem.name + ".csv"), stem.with_name(stem.name + ".json")
    csv_bytes, json_bytes = export_files(header, rows)
    csv_path.write_bytes(csv_bytes)
    json_path.write_bytes(json_bytes)
    return csv_path, json_path


def export_zip(name: str, header: list[str], rows: list[list]) -> bytes:
    """One .zip holding `name`.csv and `name`.json: what a browser downloads (a page may start one download per
    key press; a second would be stopped as a pop-up)."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for suffix, data in zip((".csv", ".json"), export_files(header, rows)):
            archive.writestr(name + suffix, data)
    return out.getvalue()


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


# --- mentions over time -------------------------------------------------------------------------------

EIGHTHS = " ▁▂▃▄▅▆▇█"


def bar_chart(months: list[str], counts: dict[str, int], width: int, rows: int, style: str) -> Text:
    """Counts per month as a bar chart `rows` high in `width` cells: a y axis labelled with the peak and 0, bars in
    eighths of a cell, an x axis naming the first month, each January's year and the last month."""
    top = max(counts.values(), default=0) or 1
    gutter = len(f"{top:,}") + 1
    span = max(1, min(4, (width - gutter - 1) // max(1, len(months))))  # cells per month
    out = Text()
    for r in range(rows - 1, -1, -1):
        label = f"{top:,}" if r == rows - 1 else ""
        out.append(f"{label:>{gutter - 1}}┤" if label else " " * (gutter - 1) + "│", style="dim")
        line = []
        for month in months:
            level = counts.get(month, 0) / top * rows * 8
            eighths = max(0, min(8, round(level - r * 8)))
            if counts.get(month) and r == 0 and eighths == 0:
                eighths = 1  # a month with mentions never looks empty
            line.append(EIGHTHS[eighths] * span)
        out.append("".join(line), style=style)
        out.append("\n")
    axis = [" "] * (len(months) * span)
    def put(at: int, label: str) -> None:
        if at + len(label) <= len(axis) and all(c == " " for c in axis[max(0, at - 1):at + len(label) + 1]):
            axis[at:at + len(label)] = label
    put(0, months[0])
    put(max(0, (len(months) - 1) * span - len(months[-1]) + span), months[-1])
    for i, month in enumerate(months[1:-1], 1):
        if month.endswith("-01"):
            put(i * span, month[:4])
    out.append(f"{'0':>{gutter - 1}}└", style="dim")
    out.append("".join(axis), style="dim")
    return out
