"""The search screen's result list: entities and numbers on top, then every article hit, as a virtual list.

The few entity and number rows come with the first answer; the article hits are laid out from their total
alone and asked of the index a page at a time as they come into view (`Wanted`), so the last of 4,041 hits is
one keystroke away and costs one page. Near-duplicates (reprints, light edits) fold under the best-ranked hit
of their group as the pages that hold them arrive: a group seen on one page hides its later members on every
other page read so far.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.message import Message

from store.results import NumberRow, SearchResult

from .virtual_list import VirtualList

PREFETCH = 10  # hits ahead of (and behind) the cursor whose page is read before it gets there
from .widgets import (around_first, badge, clean_line, fit, highlighted, korean_amount, plural, title_of, type_style,
                      unit_label)


@dataclass(slots=True)
class Fixed:
    """A row above the hits: a heading (no key) or an entity / number (key e:ID / n:I)."""

    key: str | None
    value: object
    render: Callable[[int], Text]


def count_label(result: SearchResult) -> str:
    """The number of hits, or "1,000+" while the exact count is on its way (it comes with the facets); "3+" for the
    hits of the newest articles alone, while the older ones are searched (SearchResult.newest_only)."""
    if result.newest_only is not None:
        return f"{result.total_articles:,}+"
    return f"{result.total_articles:,}" if result.total_exact else f"{result.total_articles - 1:,}+"


def heading(text: str) -> Fixed:
    return Fixed(None, None, lambda _width: Text(text, style="bold"))


def entity_row(e, width: int) -> Text:
    # the name has priority over the counts when the list is narrow
    name_cells = min(cell_len(e.name), max(4, width - 9))
    name = fit(Text(e.name, style=type_style(e.type)), name_cells)
    counts = fit(Text(f"  {plural(e.mentions, 'mention')} · {plural(e.articles, 'article')}", style="dim"), max(0, width - 8 - name_cells))
    line = Text.assemble(badge(e.type), " ", name, counts)
    if not e.mentions:  # a known name (alias file, edits) that no article uses
        line.stylize("dim")
    return line


def number_row(n: NumberRow, width: int) -> Text:
    head = Text.assemble((clean_line(n.raw), "bold #ffaf5f"), "  ", korean_amount(n.value, unit_label(n.unit, n.counter)),
                         (f"  #{n.article_id} {title_of(n.title, n.source)}", "dim"))
    return fit(head, width)


def article_lines(a, width: int, note: str | None = None) -> list[Text]:
    """A hit (title, meta, snippet with its match in view) or a start-list article (title, meta)."""
    date = a.date[:10] if a.date else getattr(a, "date_text", None)  # one date format down the list
    meta = " · ".join(x for x in (clean_line(a.outlet), date, f"#{a.id}", note) if x)
    lines = [fit(Text(title_of(a.title, a.source), style="bold"), width), fit(Text(meta, style="dim"), width)]
    snippet = getattr(a, "snippet", None)
    if snippet is not None:
        spans = a.highlights
        lines.append(fit(around_first(highlighted(snippet, spans), spans, width), width) if snippet else Text(""))
    return lines


class ResultList(VirtualList, inherit_bindings=False):
    """Rows: `fixed` (headings, entities, numbers), then `total` article hits of `hit_height` lines each, read a
    page of `page_size` at a time. `cursor` is an item index; `current()` gives (key, value) under it.

    It has no keys of its own (not even a scroll container's ↑/↓): the search screen's keys steer it from the
    search box and from the list alike, so ↑ on the first row recalls the earlier query either way."""


    class Wanted(Message):
        """The page `page` of the hits of list generation `generation` came into view."""

        def __init__(self, generation: int, page: int) -> None:
            super().__init__()
            self.generation = generation
            self.page = page

    class Row(Message):
        """A row's key (e:ID, n:I, a:ID) and what it shows."""

        def __init__(self, key: str, value: object) -> None:
            super().__init__()
            self.key = key
            self.value = value

    class Highlighted(Row):
        """The cursor came to rest on the row (once its data is in)."""

    class Selected(Row):
        """Enter or a click on the row."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.generation = 0
        self.fixed: list[Fixed] = []
        self.total = 0
        self.hit_height = 3
        self.page_size = 50
        self.pages: dict[int, list] = {}
        self.asked: set[int] = set()
        self.unfolded = False
        self.groups: dict[int, int] = {}  # offset -> near-duplicate group, for the loaded hits that have one
        self.hidden: list[int] = []  # offsets of folded hits (sorted)
        self.count_heading: int | None = None  # the fixed row that says how many hits
        self.articles_label = "Articles"  # the hits' heading: whose articles they are when a word was corrected

    # --- what it shows ------------------------------------------------------------------------------

    def show_search(self, result: SearchResult, page_size: int, unfolded: bool) -> None:
        """The answer to a query: its entities, numbers and first page of hits; the cursor on the first row."""
        fixed: list[Fixed] = []
        if result.entities:
            fixed.append(heading(f"Entities ({len(result.entities)})"))
            fixed += [Fixed(f"e:{e.id}", e, lambda w, e=e: entity_row(e, w)) for e in result.entities]
        if result.numbers:
            fixed.append(heading(f"Numbers ({len(result.numbers)})"))
            fixed += [Fixed(f"n:{i}", n, lambda w, n=n: number_row(n, w)) for i, n in enumerate(result.numbers)]
        self.count_heading = None
        # a corrected word's hits are its entity's (엔비디야 -> 엔비디아): the heading says whose they are
        self.articles_label = "Articles" if result.instead is None else f"Articles that mention {result.instead.entity}"
        if result.total_articles:
            self.count_heading = len(fixed)
            fixed.append(heading(f"{self.articles_label} ({count_label(result)})"))
        if not fixed and result.newest_only is not None:  # the older articles are still being searched
            said = f"Nothing in the newest {result.newest_only:,} articles; searching older…"
            fixed.append(Fixed(None, None, lambda _width: Text(said)))
        elif not fixed:
            hint = " ".join(result.notes) + " " if result.notes else ""
            said = f"Nothing matches. {hint}Try fewer characters, initials (ㅅㅅㅈㅈ) or a Latin name."
            fixed.append(Fixed(None, None, lambda _width: Text(said)))
        self._reset(fixed, result.total_articles, 3, page_size, {result.offset // page_size: result.articles}, unfolded)

    def set_total(self, total: int) -> None:
        """The exact number of hits, once counted (a keystroke's answer counts only past its first page)."""
        self.total = total
        if self.count_heading is not None:
            self.fixed[self.count_heading] = heading(f"{self.articles_label} ({total:,})")
        self.refresh_items()

    def show_articles(self, total: int, first_page: list, page_size: int) -> None:
        """The start list: every article, newest first."""
        self.count_heading = None
        self._reset([heading("Articles, newest first")], total, 2, page_size, {0: first_page}, True)

    def _reset(self, fixed: list[Fixed], total: int, height: int, page_size: int, pages: dict[int, list],
               unfolded: bool) -> None:
        self.generation += 1
        self.fixed, self.total, self.hit_height, self.page_size = fixed, total, height, page_size
        self.pages, self.asked = dict(pages), set(pages)
        self.unfolded = unfolded
        self.groups, self.hidden = {}, []
        for page, hits in pages.items():
            self._note_groups(page, hits)
        self._fold()
        self.refresh_items()
        self.scroll_to(y=0, animate=False)
        self.move_to(0, +1)

    def wanted_pages(self) -> set[int]:
        """The pages of the hits on screen and of those a few rows either side of the cursor: a page scrolled past
        before its turn came is not worth reading (a drag of the scrollbar over 4,000 hits would queue 80)."""
        top, height = self.scroll_offset.y, max(1, self.scrollable_content_region.height)
        items = {*range(self.item_at(top), self.item_at(top + height - 1) + 1), *self._near_cursor()}
        offsets = (self.hit_offset(item) for item in items)
        return {offset // self.page_size for offset in offsets if offset is not None}

    def _near_cursor(self) -> tuple[int, ...]:
        return tuple(item for item in (self.cursor - PREFETCH, self.cursor, self.cursor + PREFETCH)
                     if 0 <= item < self.item_count)

    def add_page(self, generation: int, page: int, hits: list | None) -> None:
        """A page of hits arrived (dropped when it belongs to an earlier query); None: it was skipped, being out
        of view by the time its turn came, and is asked for again when it shows."""
        if generation != self.generation:
            return
        if hits is None:
            self.asked.discard(page)
            if page in self.wanted_pages():
                self.hit(page * self.page_size)
            return
        at = self.hit_offset(self.cursor)
        self.pages[page] = hits
        self._note_groups(page, hits)
        if self._fold() and at is not None:
            self.cursor = min(self.item_of_offset(at), self.item_count - 1)  # the cursor stays on its hit
            self.scroll_to_item(self.cursor)
        self.refresh_items()
        if at is not None and at // self.page_size == page:
            self.cursor_moved(self.cursor)  # its hit has come: the preview can show it

    def set_unfolded(self, unfolded: bool) -> None:
        at = self.hit_offset(self.cursor)
        self.unfolded = unfolded
        self._fold()
        self.refresh_items()
        if at is not None:
            self.move_to(self.item_of_offset(at), +1)

    # --- folding ------------------------------------------------------------------------------------

    def _note_groups(self, page: int, hits: list) -> None:
        for i, hit in enumerate(hits):
            if getattr(hit, "similar", 0) and hit.near_group is not None:
                self.groups[page * self.page_size + i] = hit.near_group

    def _fold(self) -> bool:
        """Recompute the folded offsets from the groups seen so far; whether they changed."""
        hidden: list[int] = []
        if not self.unfolded:
            first: dict[int, int] = {}
            for offset in sorted(self.groups):
                group = self.groups[offset]
                if group in first:
                    hidden.append(offset)
                else:
                    first[group] = offset
        changed = hidden != self.hidden
        self.hidden = hidden
        return changed

    @property
    def folded(self) -> int:
        return len(self.hidden)

    # --- items --------------------------------------------------------------------------------------

    @property
    def item_count(self) -> int:
        return len(self.fixed) + self.total - len(self.hidden)

    def item_top(self, item: int) -> int:
        f = len(self.fixed)
        return item if item <= f else f + (item - f) * self.hit_height

    def item_at(self, line: int) -> int:
        f = len(self.fixed)
        return line if line < f else f + (line - f) // self.hit_height

    def hit_offset(self, item: int) -> int | None:
        """The offset among all hits of the hit shown as `item` (None for a fixed row): the v-th unfolded hit."""
        v = item - len(self.fixed)
        if v < 0 or v >= self.total - len(self.hidden):
            return None
        if not self.hidden:
            return v
        lo, hi = v, v + len(self.hidden)  # the smallest offset with v + 1 shown hits up to it
        while lo < hi:
            mid = (lo + hi) // 2
            if mid + 1 - bisect_right(self.hidden, mid) >= v + 1:
                hi = mid
            else:
                lo = mid + 1
        return lo

    def item_of_offset(self, offset: int) -> int:
        """The item of the hit at `offset` (of the next shown hit when that one is folded)."""
        return len(self.fixed) + offset - bisect_left(self.hidden, offset)

    def hit(self, offset: int):
        """The hit at `offset`, or None while its page is on its way (asked for once)."""
        page = offset // self.page_size
        hits = self.pages.get(page)
        if hits is None:
            if page not in self.asked:
                self.asked.add(page)
                self.post_message(self.Wanted(self.generation, page))
            return None
        at = offset % self.page_size
        return hits[at] if at < len(hits) else None

    def entry(self, item: int) -> tuple[str | None, object | None]:
        """(key, value) of an item: a:ID and the hit (None while loading), or a fixed row's."""
        if item < len(self.fixed):
            row = self.fixed[item]
            return row.key, row.value
        offset = self.hit_offset(item)
        if offset is None:
            return None, None
        hit = self.hit(offset)
        return (None, None) if hit is None else (f"a:{hit.id}", hit)

    def current(self) -> tuple[str, object] | None:
        """(key, value) under the cursor, None on nothing or while its page loads."""
        if not 0 <= self.cursor < self.item_count:
            return None
        key, value = self.entry(self.cursor)
        return None if key is None else (key, value)

    def selectable(self, item: int) -> bool:
        return item >= len(self.fixed) or self.fixed[item].key is not None

    def item_lines(self, item: int, width: int) -> list[Text] | None:
        if item < len(self.fixed):
            return [self.fixed[item].render(width)]
        offset = self.hit_offset(item)
        hit = None if offset is None else self.hit(offset)
        if hit is None:
            return None
        note = f"+{hit.similar} similar" if getattr(hit, "similar", 0) and not self.unfolded else None
        return article_lines(hit, width, note)

    def loaded(self) -> list[tuple[str | None, str]]:
        """(key, text) of every row whose data is in (for tests): what the list shows, line by line joined."""
        out = []
        for item in range(len(self.fixed)):
            out.append((self.fixed[item].key, self.fixed[item].render(self.text_width).plain))
        for page in sorted(self.pages):
            for i in range(len(self.pages[page])):
                offset = page * self.page_size + i
                if offset in self.hidden:
                    continue
                item = self.item_of_offset(offset)
                key, _value = self.entry(item)
                out.append((key, "\n".join(t.plain for t in self.item_lines(item, self.text_width) or [])))
        return out

    # --- the cursor ---------------------------------------------------------------------------------

    def cursor_moved(self, item: int) -> None:
        for near in self._near_cursor():  # the next page is asked for before the cursor reaches it
            offset = self.hit_offset(near)
            if offset is not None:
                self.hit(offset)
        key, value = self.entry(item)
        if key is not None:
            self.post_message(self.Highlighted(key, value))

    def item_chosen(self, item: int) -> None:
        key, value = self.entry(item)
        if key is not None:
            self.post_message(self.Selected(key, value))

    def move_to_key(self, key: str) -> bool:
        """Put the cursor on the loaded row with `key`; whether there is one."""
        for item in range(len(self.fixed)):
            if self.fixed[item].key == key:
                self.move_to(item)
                return True
        for page in sorted(self.pages):
            for i, hit in enumerate(self.pages[page]):
                offset = page * self.page_size + i
                if f"a:{hit.id}" == key and offset not in self.hidden:
                    self.move_to(self.item_of_offset(offset))
                    return True
        return False

    def painted_key(self) -> str | None:
        """The key of the row under the cursor once its data is in and it is on screen (for timing it)."""
        found = self.current()
        if found is None:
            return None
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        first = self.item_top(self.cursor)
        return found[0] if top <= first < top + height else None
