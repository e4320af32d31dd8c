"""One article: metadata, then the body with mentions coloured by type and numbers marked.

n / p move between mentions (the current one is reversed), Enter drills into its entity. Opened from a
drill-down or a number, the screen scrolls to that span and flashes it.
"""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.geometry import Region
from textual.widgets import Static
from textual.containers import VerticalScroll

from store.api import sentence_around
from store.results import ArticleDetail, NumberRow

from ..base import BaseScreen
from ..bindings import bindings_for
from ..widgets import (CURRENT_STYLE, FLASH_STYLE, Block, KeyFooter, StatusLine, blocks, clean_line, offset_at,
                       plural, render_block, styled_line, title_of, wrapped_lines)

FLASH_SECONDS = 1.2


def block_of(parts: list[Block], offset: int) -> int:
    for i, b in enumerate(parts):
        if b.start <= offset < b.end:
            return i
    return max(0, len(parts) - 1)


class ArticleScreen(BaseScreen):
    BINDINGS = bindings_for("article")

    def __init__(self, article_id: int, focus: tuple[int, int] | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.focus_span = focus
        self.detail: ArticleDetail | None = None
        self.mentions: list[tuple[int, int, int, str, str]] = []  # in the body, at body offsets
        self.head_mentions: dict[tuple[str, int], list] = {}  # (title|deck|caption, index) -> mentions at their own offsets
        self.number_spans: list[tuple[int, int]] = []
        self.parts: list[Block] = []
        self.statics: list[Static] = []
        self.current: int | None = None  # index into self.mentions
        self.span: tuple[int, int] | None = None  # the marked span (a mention or a number)

    def remake(self) -> "ArticleScreen":
        return ArticleScreen(self.article_id, focus=self.span)

    def compose(self) -> ComposeResult:
        yield Static(Text("loading…", style="dim"), id="article-head")
        yield VerticalScroll(id="body")
        yield StatusLine(id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()

    def reload(self) -> None:
        """Re-read the article (entity edits change its mentions), keeping the marked span and the scroll."""
        self.focus_span = self.span
        self.load()

    def load(self) -> None:
        aid = self.article_id
        # body mentions are drawn at body offsets; the headline's, the deck's and the captions' in those texts
        self.fetch("article", lambda ix: (ix.article(aid), ix.mentions_in(aid), ix.numbers_in(aid),
                                          ix.mentions_outside_body(aid)))

    async def got_article(self, value: tuple[ArticleDetail | None, list, list[NumberRow], dict]) -> None:
        detail, mentions, numbers, self.head_mentions = value
        if detail is None:
            self.notify(f"No article #{self.article_id}", severity="error")
            self.app.action_back()
            return
        self.detail, self.mentions = detail, list(mentions)
        self.number_spans = [(n.start, n.end) for n in numbers]
        self.query_one("#article-head", Static).update(self.header())
        self.parts = blocks(detail.body, [(p.start, p.end) for p in detail.paragraphs])
        body = self.query_one("#body", VerticalScroll)
        scrolled = body.scroll_y
        await body.remove_children()
        self.current, self.span = None, None
        widgets = []
        for i, part in enumerate(self.parts):
            joined = i + 1 < len(self.parts) and self.parts[i + 1].paragraph == part.paragraph
            widgets.append(Static(self.render_part(i), classes="block joined" if joined else "block"))
        self.statics = widgets
        if detail.captions:  # shown apart, after the body (not a body block: no body offsets, not marked by n/p)
            widgets = [*widgets, Static(self.captions(), classes="block captions")]
        await body.mount_all(widgets)
        body.focus()
        self.update_status()
        if self.focus_span:
            start, end = self.focus_span
            self.current = next((i for i, m in enumerate(self.mentions) if m[0] == start), None)
            self.mark((start, end), flash=True)
        elif scrolled:  # a reload with nothing marked stays where the reader was
            self.call_after_refresh(body.scroll_to, y=scrolled, animate=False)

    def header(self) -> Text:
        d = self.detail
        assert d is not None
        heads = self.head_mentions
        if d.title and clean_line(d.title):
            out = styled_line(d.title, heads.get(("title", 0), []), "bold")
        else:
            out = Text(title_of(d.title, d.source), style="bold")
        if d.subtitle:
            out.append("\n")
            out.append_text(styled_line(d.subtitle, heads.get(("deck", 0), []), "italic"))
        meta = [clean_line(d.outlet), ", ".join(clean_line(r) for r in d.reporters), d.date or clean_line(d.date_text),
                Path(d.source).name if d.title else None, f"#{d.id}"]
        out.append("\n" + " · ".join(x for x in meta if x), style="dim")
        return out

    def captions(self) -> Text:
        """The photo captions, one a line, their mentions coloured at their own offsets."""
        assert self.detail is not None
        out = Text("captions", style="dim")
        for i, caption in enumerate(self.detail.captions):
            out.append("\n")
            out.append_text(styled_line(caption, self.head_mentions.get(("caption", i), []), "italic"))
        return out

    def render_part(self, i: int, style: str = CURRENT_STYLE) -> Text:
        assert self.detail is not None
        return render_block(self.detail.body, self.parts[i], self.mentions, self.number_spans, current=self.span,
                            current_style=style)

    def update_status(self) -> None:
        if self.current is not None:
            m = self.mentions[self.current]
            text = Text.assemble(f"mention {self.current + 1}/{len(self.mentions)}: ", (clean_line(m[4]), "bold"),
                                 f" ({m[3]}) · Enter opens the entity")
        else:
            text = Text(f"{plural(len(self.mentions), 'mention')} · {plural(len(self.number_spans), 'number')}"
                        " · n/p to move between mentions")
        text.stylize("dim")
        self.query_one("#status", Static).update(text)

    # --- the marked span --------------------------------------------------------------------------

    def mark(self, span: tuple[int, int] | None, flash: bool = False) -> None:
        """Mark `span` (re-rendering the blocks it leaves and enters) and scroll it into the middle."""
        old = self.span
        self.span = span
        touched = {block_of(self.parts, s[0]) for s in (old, span) if s}
        statics = self.statics
        for i in touched:
            statics[i].update(self.render_part(i, FLASH_STYLE if flash else CURRENT_STYLE))
        self.update_status()
        if span is None:
            return
        i = block_of(self.parts, span[0])
        self.call_after_refresh(self.reveal, statics[i], i, span[0])
        if flash:
            self.set_timer(FLASH_SECONDS, lambda: self.span == span and statics[i].update(self.render_part(i)))

    def lines_of(self, widget: Static, i: int) -> list[tuple[int, str]]:
        """(body offset, text) of each line of block `i` as the widget wraps it."""
        assert self.detail is not None
        return wrapped_lines(self.app.console, self.detail.body, self.parts[i], widget.content_region.width)

    def reveal(self, widget: Static, i: int, offset: int) -> None:
        """Scroll so the line holding `offset` is centred."""
        lines = self.lines_of(widget, i)
        row = next((r for r, (start, text) in enumerate(lines) if start + len(text) > offset), len(lines) - 1)
        body = self.query_one("#body", VerticalScroll)
        region = widget.virtual_region
        body.scroll_to_region(Region(0, region.y + row, 1, 1), center=True, animate=False)

    def on_click(self, event: events.Click) -> None:
        """Click a mention to make it current; click the current one again to open its entity."""
        if event.widget not in self.statics:
            return
        i = self.statics.index(event.widget)
        where = event.get_content_offset(event.widget)
        if where is None:
            return
        offset = offset_at(self.lines_of(event.widget, i), where.x, where.y)
        if offset is None:
            return
        hit = next((k for k, m in enumerate(self.mentions) if m[0] <= offset < m[1]), None)
        if hit is None:
            return
        if hit == self.current:
            self.action_open_mention()
        else:
            self.current = hit
            self.mark(tuple(self.mentions[hit][:2]))

    def action_next_mention(self) -> None:
        self._step(1)

    def action_prev_mention(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.mentions:
            self.say("No entity mentions in this article")
            return
        if self.current is None:
            self.current = 0 if delta > 0 else len(self.mentions) - 1
        else:
            self.current = (self.current + delta) % len(self.mentions)
        m = self.mentions[self.current]
        self.mark((m[0], m[1]))

    def action_open_mention(self) -> None:
        if self.current is None:
            self.say("Press n to pick a mention first")
            return
        self.app.open_entity(self.mentions[self.current][2])

    def action_compare_with(self) -> None:
        from .search import SearchScreen

        left = self.article_id

        def picked(right: int | None) -> None:
            if right is not None:
                self.app.open_compare(left, right)

        self.app.push_screen(SearchScreen(picking=True), picked)

    def action_copy_sentence(self) -> None:
        if self.detail is None or self.span is None:
            self.say("Press n to pick a mention first")
            return
        self.app.copy(sentence_around(self.detail.body, *self.span), "the sentence")

    def action_copy_article(self) -> None:
        if self.detail is not None:
            self.app.copy(self.detail.body, "the article text")
