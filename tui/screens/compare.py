"""Two articles side by side. Shared entities wear the same colour on both sides; a summary bar counts shared /
only-left / only-right entities; shared figures are listed with both sentences (the seeds' 월 90만장 of HBM vs of
wafers); paragraphs that say much the same thing carry a ≈ mark naming their partner, and `a` aligns them.
"""
from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from store.results import ArticleDetail, Comparison, EntityInfo, NumberRow

from ..base import BaseScreen
from ..bindings import bindings_for
from ..widgets import (PALETTE, Block, KeyFooter, StatusLine, blocks, clean_line, fit, highlighted, offset_at,
                       render_block, title_of, wrapped_lines)

SIDES = ("left", "right")


class CompareScreen(BaseScreen):
    BINDINGS = bindings_for("compare")

    def __init__(self, left: int, right: int) -> None:
        super().__init__()
        self.ids = [left, right]
        self.comparison: Comparison | None = None
        self.details: list[ArticleDetail] = []
        self.mentions: list[list] = []
        self.numbers: list[list[NumberRow]] = []
        self.parts: list[list[Block]] = [[], []]
        self.statics: list[list[Static]] = [[], []]
        self.entity_styles: dict[int, str] = {}
        self.number_index = -1
        self.mention_at: list[int | None] = [None, None]  # the keyboard's mention in each pane (] / [ move it)

    def remake(self) -> "CompareScreen":
        return CompareScreen(*self.ids)

    def compose(self) -> ComposeResult:
        yield Static(Text("loading…", style="dim"), id="summary")
        with Horizontal(id="panes"):
            yield VerticalScroll(id="left", classes="pane")
            yield VerticalScroll(id="right", classes="pane")
        yield VerticalScroll(Static(id="shared-numbers-text"), id="shared-numbers")
        yield StatusLine(id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()

    def reload(self) -> None:
        self.load()

    def load(self) -> None:
        left, right = self.ids

        def query(ix):
            return (ix.compare(left, right), [ix.article(left), ix.article(right)],
                    [ix.mentions_in(left), ix.mentions_in(right)], [ix.numbers_in(left), ix.numbers_in(right)])

        self.fetch("comparison", query)

    def got_comparison(self, value) -> None:
        comparison, details, mentions, numbers = value
        if comparison is None:
            self.notify(f"No article #{self.ids[0] if details[0] is None else self.ids[1]}", severity="error")
            self.app.action_back()
            return
        self.comparison, self.details, self.mentions, self.numbers = comparison, details, mentions, numbers
        self.entity_styles = {e.id: f"bold {PALETTE[i % len(PALETTE)]}" for i, e in enumerate(comparison.shared_entities)}
        self.number_index = -1
        self.mention_at = [None, None]
        self.query_one("#summary", Static).update(self.summary())
        self.query_one("#shared-numbers-text", Static).update(self.shared_numbers())
        for side in (0, 1):
            self.fill_pane(side)
        self.query_one("#left").focus()

    def summary(self) -> Text:
        c = self.comparison
        assert c is not None
        half = max(10, (self.size.width - 10) // 2)
        out = Text.assemble(("◀ ", "dim"), fit(Text(f"#{c.left.id} {title_of(c.left.title, c.left.source)}", style="bold"), half),
                            ("  ▶ ", "dim"), fit(Text(f"#{c.right.id} {title_of(c.right.title, c.right.source)}", style="bold"),
                                                 half), "\n")
        out.append(f"shared {len(c.shared_entities)}: ", style="bold")
        for i, e in enumerate(c.shared_entities):
            out.append(("" if i == 0 else ", "))
            out.append(clean_line(e.name), style=self.entity_styles[e.id])
        out.append(f"\nonly left {len(c.only_left)}: ", style="bold")
        out.append(self.names(c.only_left), style="dim")
        out.append(f"   only right {len(c.only_right)}: ", style="bold")
        out.append(self.names(c.only_right), style="dim")
        return out

    @staticmethod
    def names(entities: list[EntityInfo], limit: int = 8) -> str:
        shown = ", ".join(clean_line(e.name) for e in entities[:limit])
        return shown + (f" +{len(entities) - limit}" if len(entities) > limit else "") if entities else "—"

    def shared_numbers(self) -> Text:
        c = self.comparison
        assert c is not None
        if not c.shared_numbers:
            return Text("No figure appears in both articles.", style="dim")
        out = Text(f"Same figure in both ({len(c.shared_numbers)}) · n steps through them\n", style="bold")
        for n in c.shared_numbers:
            for side, raw, context in (("◀", n.left_raw, n.left_context), ("▶", n.right_raw, n.right_context)):
                context = clean_line(context)
                pos = context.find(clean_line(raw))
                out.append(f" {side} ", style="bold")
                out.append_text(highlighted(context, [(pos, pos + len(clean_line(raw)))] if pos >= 0 else []))
                out.append("\n")
        return out

    def fill_pane(self, side: int) -> None:
        """Replace a pane's widgets with the article's title and body blocks."""
        detail = self.details[side]
        pane = self.query_one(f"#{SIDES[side]}", VerticalScroll)
        pane.remove_children()
        self.parts[side] = blocks(detail.body, [(p.start, p.end) for p in detail.paragraphs])
        self.statics[side] = [Static(classes="block") for _ in self.parts[side]]
        pane.mount_all([Static(Text(title_of(detail.title, detail.source), style="bold underline"), classes="block"),
                        *self.statics[side]])
        self.paint_pane(side)

    def paint_pane(self, side: int, current: tuple[int, int] | None = None) -> None:
        c = self.comparison
        assert c is not None
        detail = self.details[side]
        marks = self.pair_marks(side)
        spans = [(n.start, n.end) for n in self.numbers[side]]
        seen: set[int] = set()
        for part, widget in zip(self.parts[side], self.statics[side]):
            text = render_block(detail.body, part, self.mentions[side], spans, current=current,
                                entity_styles=self.entity_styles)
            if part.paragraph in marks and part.paragraph not in seen:
                text = Text.assemble((f"≈{','.join(map(str, marks[part.paragraph]))} ", "bold reverse"), text)
            seen.add(part.paragraph)
            widget.update(text)

    def pair_marks(self, side: int) -> dict[int, list[int]]:
        """Paragraph -> the numbers of its similar pairs: both paragraphs of a pair carry the same `≈k`, so the
        mark names something on screen (the other side's `≈k`), not a paragraph number shown nowhere."""
        c = self.comparison
        assert c is not None
        marks: dict[int, list[int]] = {}
        for k, pair in enumerate(sorted(c.similar_paragraphs, key=lambda p: (p.left, p.right)), 1):
            marks.setdefault(pair.left if side == 0 else pair.right, []).append(k)
        return marks

    def on_click(self, event: events.Click) -> None:
        """Click a coloured mention in either pane to open that entity's drill-down."""
        side = next((k for k in (0, 1) if event.widget in self.statics[k]), None)
        where = event.get_content_offset(event.widget) if side is not None else None
        if where is None:
            return
        part = self.parts[side][self.statics[side].index(event.widget)]
        # wrap what the widget shows: a paragraph with a partner starts with its ≈ mark
        shown = event.widget.content.plain
        mark = len(shown) - (part.end - part.start)
        lines = wrapped_lines(self.app.console, shown, Block(0, len(shown), part.paragraph),
                              event.widget.content_region.width)
        at = offset_at(lines, where.x, where.y)
        offset = part.start + at - mark if at is not None and at >= mark else None
        hit = next((m for m in self.mentions[side] if offset is not None and m[0] <= offset < m[1]), None)
        if hit is not None:
            self.app.open_entity(hit[2])

    # --- actions ----------------------------------------------------------------------------------

    def on_resize(self) -> None:
        if self.comparison is not None:
            self.query_one("#summary", Static).update(self.summary())

    def _side(self) -> int:
        return 1 if self.focused is self.query_one("#right") else 0

    def action_switch_pane(self) -> None:
        self.query_one(f"#{SIDES[1 - self._side()]}").focus()

    def action_swap(self) -> None:
        self.ids.reverse()
        self.load()

    def action_pick(self, side: str) -> None:
        from .search import SearchScreen

        def picked(article_id: int | None) -> None:
            if article_id is not None:
                self.ids[SIDES.index(side)] = article_id
                self.load()

        self.app.push_screen(SearchScreen(picking=True), picked)

    def _scroll_to_paragraph(self, side: int, paragraph: int) -> None:
        pane = self.query_one(f"#{SIDES[side]}", VerticalScroll)
        index = next((i for i, b in enumerate(self.parts[side]) if b.paragraph == paragraph), 0)
        pane.scroll_to(y=self.statics[side][index].virtual_region.y, animate=False)

    def _paragraph_at_top(self, side: int) -> int:
        pane = self.query_one(f"#{SIDES[side]}", VerticalScroll)
        for part, widget in zip(self.parts[side], self.statics[side]):
            if widget.virtual_region.bottom > pane.scroll_y:
                return part.paragraph
        return 0

    def action_align(self) -> None:
        """Scroll the other pane to the paragraph similar to the one at the top of this pane."""
        c = self.comparison
        if c is None:
            return
        side = self._side()
        here = self._paragraph_at_top(side)
        pairs = [(p.left, p.right) if side == 0 else (p.right, p.left) for p in c.similar_paragraphs]
        after = [pair for pair in pairs if pair[0] >= here]
        if not after:
            self.say("No similar paragraph from here on")
            return
        mine, theirs = min(after)
        self._scroll_to_paragraph(side, mine)
        self._scroll_to_paragraph(1 - side, theirs)

    def action_next_number(self) -> None:
        c = self.comparison
        if c is None or not c.shared_numbers:
            self.say("No figure appears in both articles")
            return
        self.number_index = (self.number_index + 1) % len(c.shared_numbers)
        n = c.shared_numbers[self.number_index]
        for side, start, raw in ((0, n.left_start, n.left_raw), (1, n.right_start, n.right_raw)):
            self.paint_pane(side, current=(start, start + len(raw)))
            paragraph = next((b.paragraph for b in self.parts[side] if b.start <= start < b.end), 0)
            self.call_after_refresh(self._scroll_to_paragraph, side, paragraph)
        self.say(f"Same figure {self.number_index + 1}/{len(c.shared_numbers)}: {n.left_raw} ◀▶ {n.right_raw}")

    # --- mentions by keyboard ---------------------------------------------------------------------

    def action_step_mention(self, delta: int) -> None:
        """] / [ : the next / previous entity mention in the focused pane, marked; enter opens its entity."""
        side = self._side()
        mentions = self.mentions[side] if self.mentions else []
        if not mentions:
            self.say("No entity mentions on this side")
            return
        at = self.mention_at[side]
        at = (0 if delta > 0 else len(mentions) - 1) if at is None else (at + delta) % len(mentions)
        self.mention_at[side] = at
        start, end, _eid, kind, surface = mentions[at]
        self.paint_pane(side, current=(start, end))
        index = next((i for i, b in enumerate(self.parts[side]) if b.start <= start < b.end), 0)
        pane = self.query_one(f"#{SIDES[side]}", VerticalScroll)
        self.call_after_refresh(pane.scroll_to_widget, self.statics[side][index], animate=False)
        self.say(f"{SIDES[side]} mention {at + 1}/{len(mentions)}: {surface} ({kind}) · ⏎ opens the entity")

    def action_open_mention(self) -> None:
        side = self._side()
        at = self.mention_at[side]
        if at is None:
            self.say("Press ] to pick a mention first (tab switches sides)")
            return
        self.app.open_entity(self.mentions[side][at][2])
