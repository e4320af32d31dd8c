"""One story: its articles in time order (★ the first telling, = a copy of an earlier body, ≈ a near-duplicate),
and beside them what the highlighted article adds: paragraphs, names and figures no other telling has, and which
paragraphs it copies from an earlier one. Amounts the tellings convert differently are listed under it.
Space marks articles; c compares two of them side by side.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Static

from store.results import StoryArticle, StoryDetail

from ..base import BaseScreen
from ..bindings import bindings_for
from ..widgets import KeyFooter, StatusLine, badge, clean_line, fit, korean_amount, title_of, unit_label

TITLE_CELLS = 40


def short_date(value: str | None) -> str:
    """MM-DD HH:MM (the year is in the story's head line): the list keeps room for headlines at 80 columns."""
    if not value:
        return "—"
    return value[5:16].replace("T", " ") if len(value) >= 10 else value


def adds_cell(a: StoryArticle) -> str:
    """What the article brings, in a few characters: +2¶ +3 names +1 fig, or where it comes from."""
    if a.copy_of is not None:
        return f"copy of #{a.copy_of}"
    if not a.compared:
        return "not compared"
    parts = [f"+{len(a.only_paragraphs)}¶" if a.only_paragraphs else "",
             f"+{len(a.only_entities)} names" if a.only_entities else "",
             f"+{len(a.only_figures)} fig" if a.only_figures else ""]
    adds = " ".join(p for p in parts if p)
    if a.copied:
        adds = (adds + " " if adds else "") + f"copies {len(a.copied)}/{len(a.paragraphs)}¶"
    return adds or "—"


class StoryScreen(BaseScreen):
    BINDINGS = bindings_for("story")
    DEFAULT_CSS = """
    #story-head { height: auto; max-height: 4; padding: 0 1; background: $boost; }
    #story-main { height: 1fr; }
    #story-articles { width: 3fr; height: 1fr; }
    #story-adds { width: 2fr; min-width: 30; height: 1fr; padding: 0 1; border-left: vkey $primary 50%; scrollbar-gutter: stable; }
    """

    def __init__(self, story_id: int) -> None:
        super().__init__()
        self.story_id = story_id
        self.detail: StoryDetail | None = None
        self.marked: list[int] = []  # article ids, in the order they were marked (left, right)

    def remake(self) -> "StoryScreen":
        return StoryScreen(self.story_id)

    def compose(self) -> ComposeResult:
        yield Static(Text("loading…", style="dim"), id="story-head")
        with Horizontal(id="story-main"):
            yield DataTable(id="story-articles", cursor_type="row")
            yield VerticalScroll(Static(id="story-adds-text"), id="story-adds")
        yield StatusLine(id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#story-articles", DataTable)
        for label in ("", "date", "outlet", "headline", "adds"):
            table.add_column(label)
        table.focus()
        self.load()

    def reload(self) -> None:
        self.load()

    def load(self) -> None:
        story_id = self.story_id
        self.fetch("story", lambda ix: ix.story(story_id))

    def got_story(self, detail: StoryDetail | None) -> None:
        head = self.query_one("#story-head", Static)
        if detail is None:
            head.update(Text(f"no story with id {self.story_id}", style="red"))
            return
        self.detail = detail
        first = detail.articles[0]
        outlets = len({a.outlet for a in detail.articles if a.outlet})
        head.update(Text.assemble(
            (f"story {detail.id}  ", "dim"), (title_of(first.title, first.source), "bold"),
            (f"\n{len(detail.articles)} articles · {outlets} outlets · first {first.date or 'undated'}"
             f" ({clean_line(first.outlet) or 'unknown outlet'})", "dim")))
        self.fill()

    def fill(self) -> None:
        assert self.detail is not None
        table = self.query_one("#story-articles", DataTable)
        cursor = table.cursor_row
        table.clear()
        for a in self.detail.articles:
            table.add_row(self.marks(a), Text(short_date(a.date)), fit(clean_line(a.outlet) or "—", 10),
                          fit(title_of(a.title, a.source), TITLE_CELLS), Text(adds_cell(a), style="dim"), key=str(a.id))
        if cursor:
            table.move_cursor(row=min(cursor, len(self.detail.articles) - 1))
        self.show_adds()
        self.show_status()

    def marks(self, a: StoryArticle) -> Text:
        text = Text()
        text.append("★" if a.first else ("=" if a.copy_of is not None else ("≈" if a.near_group not in (None, a.id) else " ")),
                    style="bold yellow" if a.first else "dim")
        if a.id in self.marked:
            text.append("LR"[self.marked.index(a.id)], style="reverse bold")
        else:
            text.append(" ")
        return text

    def current(self) -> StoryArticle | None:
        table = self.query_one("#story-articles", DataTable)
        if self.detail is None or table.cursor_row is None or not self.detail.articles:
            return None
        return self.detail.articles[min(table.cursor_row, len(self.detail.articles) - 1)]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_adds()

    def show_adds(self) -> None:
        a = self.current()
        if a is None or self.detail is None:
            return
        by_id = {x.id: x for x in self.detail.articles}
        text = Text.assemble((title_of(a.title, a.source), "bold"), "\n",
                             (" · ".join(clean_line(x) for x in (a.outlet, ", ".join(a.reporters), a.date) if x), "dim"), "\n")
        if a.first:
            text.append("the first telling of this story\n", style="yellow")
        if a.copy_of is not None:
            text.append(f"\nthe same text as #{a.copy_of} ({clean_line(by_id[a.copy_of].outlet) if a.copy_of in by_id else 'elsewhere'})\n")
        elif a.copied:
            sources = sorted({c.from_article for c in a.copied})
            text.append(f"\ncopies {len(a.copied)} of {len(a.paragraphs)} paragraphs from "
                        + ", ".join(f"#{s} {clean_line(by_id[s].outlet) if s in by_id else ''}".strip() for s in sources) + "\n")
        if a.only_entities:
            text.append("\nnames only here: ", style="bold")
            for i, e in enumerate(a.only_entities):
                text.append_text(Text.assemble(("" if not i else ", "), badge(e.type), " ", clean_line(e.name)))
            text.append("\n")
        if a.only_figures:
            text.append("figures only here: ", style="bold")
            text.append(", ".join(clean_line(f.raw) for f in a.only_figures) + "\n")
        if a.only_paragraphs:
            text.append(f"\n{len(a.only_paragraphs)} paragraphs only here:\n", style="bold")
            for p in a.only_paragraphs:
                text.append("+ ", style="green")
                text.append(clean_line(a.paragraphs[p]) + "\n")
        if not a.compared:
            text.append("\n(not compared: the story has too many distinct texts)\n", style="dim")
        for figure in self.detail.conversions:
            text.append(f"\none figure, {len(figure.conversions)} conversions: ", style="bold")
            text.append(f"{clean_line(figure.conversions[0].original_raw)} ({korean_amount(figure.value, unit_label(figure.unit, None))})\n")
            for c in figure.conversions:
                text.append(f"  → {clean_line(c.raw)}  in #{c.article_id} "
                            f"{clean_line(by_id[c.article_id].outlet) if c.article_id in by_id else ''}\n")
        self.query_one("#story-adds-text", Static).update(text)

    def show_status(self) -> None:
        if len(self.marked) == 2:
            hint = f"c compares #{self.marked[0]} with #{self.marked[1]}"
        elif self.marked:
            hint = f"#{self.marked[0]} marked: mark another, or move to one and press c"
        else:
            hint = "space marks articles to compare · enter opens one"
        self.query_one("#status", Static).update(Text(hint, style="dim"))

    def action_open(self) -> None:
        a = self.current()
        if a is not None:
            self.app.open_article(a.id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_article(int(event.row_key.value))

    def action_mark(self) -> None:
        a = self.current()
        if a is None:
            return
        if a.id in self.marked:
            self.marked.remove(a.id)
        else:
            self.marked = (self.marked + [a.id])[-2:]  # a third mark replaces the oldest
        self.fill()

    def action_compare(self) -> None:
        a = self.current()
        pair = list(self.marked)
        if len(pair) == 1 and a is not None and a.id != pair[0]:
            pair.append(a.id)
        if len(pair) != 2:
            self.notify("Mark two articles with space (or one, then move to another) to compare them")
            return
        self.app.open_compare(*pair)
