"""The start screen: search as you type, results grouped (entities, articles, numbers), an fzf-style preview.

With an empty query it lists articles newest first, a page at a time (more load as the cursor nears the end).
`SearchScreen(picking=True)` is the same screen used as a picker: Enter dismisses it with an article id.
"""
from __future__ import annotations

import re
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.results import ArticleDetail, ArticleInfo, EntityDetail, NumberRow, SearchResult

from ..app import BaseScreen
from ..bindings import bindings_for
from ..widgets import (
    HIGHLIGHT_STYLE,
    KeyFooter,
    around_first,
    unit_label,
    badge,
    clean_line,
    fit,
    highlighted,
    kwic,
    korean_amount,
    render_block,
    blocks,
    title_of,
    to_tsv,
    type_style,
)

PAGE = 60  # articles per page of the empty-query list
SEARCH_LIMIT = 50


def first_match(body: str, snippet: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where the snippet's first highlight sits in the body (the snippet has its whitespace collapsed)."""
    if not spans:
        return None
    start, end = spans[0]
    lead = len(snippet) - len(snippet.lstrip("…"))
    loose = lambda s: r"\s+".join(re.escape(w) for w in s.split())  # noqa: E731
    context = snippet[max(lead, start - 12):start]
    pattern = loose(context) + r"\s*" if context.strip() else ""
    found = re.search(pattern + "(" + loose(snippet[start:end]) + ")", body)
    return (found.start(1), found.end(1)) if found else None


class SearchScreen(BaseScreen):
    BINDINGS = bindings_for("search")

    def __init__(self, query: str = "", picking: bool = False) -> None:
        super().__init__()
        self.initial_query = query
        self.picking = picking
        self.items: dict[str, object] = {}  # option id -> EntityHit | ArticleHit | ArticleInfo | NumberRow
        self.result: SearchResult | None = None
        self.recent: list[ArticleInfo] = []
        self.recent_done = False
        self.compare_left: int | None = None

    def remake(self) -> "SearchScreen":
        return SearchScreen(self.query_one("#query", Input).value)

    def compose(self) -> ComposeResult:
        hint = "Pick an article: " if self.picking else ""
        yield Input(value=self.initial_query, id="query",
                    placeholder=f"{hint}search articles, entities, numbers — 엔비디아, 엔비디야, ㅇㅂㄷㅇ, NVIDIA, 90만장")
        with Horizontal(id="search-main"):
            yield OptionList(id="results")
            yield VerticalScroll(Static(id="preview-text"), id="preview")
        yield Static(id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.focus_query()
        self.run_query(self.initial_query)

    def focus_query(self) -> None:
        self.query_one("#query", Input).focus()

    def reload(self) -> None:
        self.run_query(self.query_one("#query", Input).value)

    def show_query(self, query: str) -> None:
        self.query_one("#query", Input).value = query
        self.focus_query()

    def clear_query(self) -> None:
        self.query_one("#query", Input).value = ""
        self.focus_query()

    # --- querying ---------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "query":
            self.run_query(event.value)

    def run_query(self, query: str) -> None:
        query = query.strip()
        self.query_one("#status", Static).update(Text("searching…", style="dim italic"))
        if query:
            self.fetch("results", lambda ix: ix.search(query, limit=SEARCH_LIMIT), group="search")
        else:
            self.recent, self.recent_done = [], False
            self.fetch("recent", lambda ix: ix.articles(limit=PAGE, offset=0), group="search")

    def got_results(self, result: SearchResult) -> None:
        if result.query.strip() != self.query_one("#query", Input).value.strip():
            return  # an older answer that finished after a newer keystroke
        self.result = result
        self.render_results()

    def got_recent(self, page: list[ArticleInfo]) -> None:
        if self.query_one("#query", Input).value.strip():
            return
        self.result = None
        self.recent_done = len(page) < PAGE
        self.recent.extend(page)
        self.render_results(keep_highlight=True)

    def _width(self) -> int:
        results = self.query_one("#results", OptionList)
        return max(20, results.scrollable_content_region.width - 1 or 60)

    def render_results(self, keep_highlight: bool = False) -> None:
        results = self.query_one("#results", OptionList)
        highlighted_index = results.highlighted
        width = self._width()
        options: list[Option | None] = []
        self.items = {}
        if self.result is None:
            options.append(Option(Text("Articles, newest first", style="bold"), disabled=True))
            for info in self.recent:
                options.append(self._article_option(f"a:{info.id}", info, width, info.title, None, []))
            status = f"{len(self.recent)} articles{'' if self.recent_done else ' (more load as you scroll)'}"
        else:
            r = self.result
            if r.entities:
                options.append(Option(Text(f"Entities ({len(r.entities)})", style="bold"), disabled=True))
                for e in r.entities:
                    self.items[f"e:{e.id}"] = e
                    # the name has priority over the counts when the list is narrow
                    name_cells = min(cell_len(e.name), max(4, width - 9))
                    name = fit(Text(e.name, style=type_style(e.type)), name_cells)
                    counts = fit(Text(f"  {e.mentions} mentions · {e.articles} articles", style="dim"),
                                 max(0, width - 8 - name_cells))
                    line = Text.assemble(badge(e.type), " ", name, counts)
                    if not e.mentions:  # a known name (alias file, edits) that no article uses
                        line.stylize("dim")
                    options.append(Option(line, id=f"e:{e.id}"))
            if r.articles:
                options.append(Option(Text(f"Articles ({r.total_articles})", style="bold"), disabled=True))
                for a in r.articles:
                    options.append(self._article_option(f"a:{a.id}", a, width, a.title, a.snippet, a.highlights))
            if r.numbers:
                options.append(Option(Text(f"Numbers ({len(r.numbers)})", style="bold"), disabled=True))
                for i, n in enumerate(r.numbers):
                    self.items[f"n:{i}"] = n
                    head = Text.assemble((clean_line(n.raw), "bold #ffaf5f"), "  ",
                                         korean_amount(n.value, unit_label(n.unit, n.counter)),
                                         (f"  #{n.article_id} {title_of(n.title, n.source)}", "dim"))
                    options.append(Option(fit(head, width), id=f"n:{i}"))
            if not options:
                options.append(Option(Text("Nothing matches. Try fewer characters, initials (ㅅㅅㅈㅈ) or a Latin name."),
                                      disabled=True))
            more = f" (first {len(r.articles)} shown)" if r.total_articles > len(r.articles) else ""
            status = f"{len(r.entities)} entities · {r.total_articles} articles{more} · {len(r.numbers)} numbers"
        results.set_options(options)
        self.query_one("#status", Static).update(Text(status, style="dim"))
        selectable = [i for i, o in enumerate(options) if o is not None and not o.disabled]
        if keep_highlight and highlighted_index is not None and highlighted_index < len(options):
            results.highlighted = highlighted_index
        elif selectable:
            results.highlighted = selectable[0]
        else:
            self.query_one("#preview-text", Static).update("")

    def _article_option(self, key: str, a, width: int, title: str | None, snippet: str | None, spans) -> Option:
        self.items[key] = a
        meta = " · ".join(x for x in (clean_line(a.outlet), a.date or getattr(a, "date_text", None), f"#{a.id}") if x)
        lines = [fit(Text(title_of(title, a.source), style="bold"), width), fit(Text(meta, style="dim"), width)]
        if snippet:
            lines.append(fit(around_first(highlighted(snippet, spans), spans, width), width))
        return Option(Text("\n").join(lines), id=key)

    def on_resize(self) -> None:
        if self.result is not None or self.recent:
            self.call_after_refresh(self.render_results, True)

    # --- the cursor and the preview ---------------------------------------------------------------

    def _results(self) -> OptionList:
        return self.query_one("#results", OptionList)

    def action_cursor_down(self) -> None:
        self._results().action_cursor_down()

    def action_cursor_up(self) -> None:
        self._results().action_cursor_up()

    def action_page_down(self) -> None:
        self._results().action_page_down()

    def action_page_up(self) -> None:
        self._results().action_page_up()

    def current(self) -> tuple[str, object] | None:
        results = self._results()
        if results.highlighted is None:
            return None
        option = results.get_option_at_index(results.highlighted)
        if option.id is None or option.id not in self.items:
            return None
        return option.id, self.items[option.id]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        key = event.option.id
        if key is None or key not in self.items:
            return
        item = self.items[key]
        kind = key[0]
        if kind == "e":
            self.fetch("entity_preview", lambda ix: ix.entity(item.id, mention_limit=12), group="preview")
        elif kind == "a":
            self.fetch("article_preview", lambda ix: (ix.article(item.id), ix.mentions_in(item.id), item), group="preview")
        else:
            self.show_number(item)
        if self.result is None and not self.recent_done and event.option_index >= event.option_list.option_count - 5:
            offset = len(self.recent)
            self.recent_done = True  # until the page arrives, so one page is asked for once
            self.fetch("recent", lambda ix: ix.articles(limit=PAGE, offset=offset), group="page")

    def _preview(self, text: Text) -> None:
        self.query_one("#preview-text", Static).update(text)
        self.query_one("#preview", VerticalScroll).scroll_home(animate=False)

    def got_entity_preview(self, detail: EntityDetail | None) -> None:
        if detail is None:
            return
        e = detail.entity
        width = max(20, self.query_one("#preview", VerticalScroll).scrollable_content_region.width - 1)
        out = Text.assemble(badge(e.type), " ", (e.name, type_style(e.type)),
                            (f"\n{e.mentions} mentions in {e.articles} articles\n", "dim"))
        if e.aliases:
            out.append_text(Text.assemble(("also: ", "dim"), " · ".join(e.aliases), "\n"))
        out.append("\n")
        for m in detail.mentions:
            out.append_text(kwic(m.left, m.surface, m.right, width, type_style(e.type)))
            out.append("\n")
        if detail.related:
            out.append_text(Text("\nCo-mentioned: ", style="bold"))
            out.append(", ".join(f"{r.name} ({r.count})" for r in detail.related[:10]))
        self._preview(out)

    def got_article_preview(self, value: tuple[ArticleDetail | None, list, object]) -> None:
        detail, mentions, item = value
        if detail is None:
            return
        out = Text(title_of(detail.title, detail.source) + "\n", style="bold")
        if detail.subtitle:
            out.append(clean_line(detail.subtitle) + "\n", style="italic")
        meta = [clean_line(detail.outlet), ", ".join(clean_line(r) for r in detail.reporters), detail.date or detail.date_text,
                Path(detail.source).name if detail.title else None]
        out.append(" · ".join(x for x in meta if x) + "\n\n", style="dim")
        parts = blocks(detail.body, [(p.start, p.end) for p in detail.paragraphs])
        match = first_match(detail.body, getattr(item, "snippet", ""), getattr(item, "highlights", []))
        first = max(0, next((i for i, b in enumerate(parts) if match and b.start <= match[0] < b.end), 0) - 1)
        if first:
            out.append("…\n\n", style="dim")
        for block in parts[first:first + 8]:
            out.append_text(render_block(detail.body, block, mentions, [], current=match, current_style=HIGHLIGHT_STYLE))
            out.append("\n\n")
        self._preview(out)

    def show_number(self, n: NumberRow) -> None:
        out = Text.assemble((clean_line(n.raw), "bold #ffaf5f"), "  ", korean_amount(n.value, unit_label(n.unit, n.counter)),
                            (f"  ({n.unit}{', ' + n.counter if n.counter else ''})\n", "dim"),
                            (f"#{n.article_id} {title_of(n.title, n.source)}\n\n", "bold"))
        context = clean_line(n.context)
        pos = context.find(clean_line(n.raw))
        out.append_text(highlighted(context, [(pos, pos + len(clean_line(n.raw)))] if pos >= 0 else []))
        self._preview(out)

    # --- opening ----------------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "query":
            self.action_open()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        found = self.current()
        if found is None:
            return
        key, item = found
        kind = key[0]
        if self.picking:
            if kind == "a":
                self.dismiss(item.id)
            elif kind == "n":
                self.dismiss(item.article_id)
            else:
                self.notify("Pick an article (or a number, for its article)", severity="warning")
            return
        if kind == "e":
            self.app.open_entity(item.id)
        elif kind == "a":
            self.app.open_article(item.id)
        else:
            self.app.open_article(item.article_id, focus=(item.start, item.end))

    def action_compare_pick(self) -> None:
        found = self.current()
        if found is None or found[0][0] not in "an":
            self.notify("Highlight an article to compare", severity="warning")
            return
        item = found[1]
        article_id = item.id if found[0][0] == "a" else item.article_id
        if self.compare_left is None or self.compare_left == article_id:
            self.compare_left = article_id
            self.notify(f"Compare: left is #{article_id}. Highlight another article and press ctrl+t.")
        else:
            left, self.compare_left = self.compare_left, None
            self.app.open_compare(left, article_id)

    # --- copy and export --------------------------------------------------------------------------

    def table(self) -> tuple[str, list[str], list[list]]:
        """The result list as (name, header, rows) for the clipboard and exports."""
        header = ["kind", "id", "name_or_title", "detail", "article_id", "context"]
        rows: list[list] = []
        if self.result is None:
            rows = [["article", a.id, a.title or a.source, a.date or "", a.id, a.source] for a in self.recent]
            return "articles", header, rows
        r = self.result
        rows += [["entity", e.id, e.name, e.type, "", f"{e.mentions} mentions in {e.articles} articles"] for e in r.entities]
        rows += [["article", a.id, a.title or a.source, a.date or "", a.id, a.snippet] for a in r.articles]
        rows += [["number", n.id, n.raw, f"{n.value:g} {n.unit}", n.article_id, n.context] for n in r.numbers]
        return f"search-{r.query}", header, rows

    def action_copy_results(self) -> None:
        _name, header, rows = self.table()
        self.app.copy(to_tsv(header, rows), f"{len(rows)} results as TSV")

    def action_export(self) -> None:
        self.export_rows(*self.table(), noun="rows")
