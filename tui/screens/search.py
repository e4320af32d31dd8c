"""The start screen: search as you type, results grouped (entities, articles, numbers), an fzf-style preview.

With an empty query it lists articles newest first, a page at a time (more load as the cursor nears the end).
`SearchScreen(picking=True)` is the same screen used as a picker: Enter dismisses it with an article id.
"""
from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.query import QuerySyntaxError
from store.results import ArticleDetail, ArticleInfo, EntityDetail, Facets, NumberRow, SearchResult

from ..base import BaseScreen
from ..bindings import bindings_for
from ..facet_strip import facet_strip
from ..search_preview import article_preview, entity_preview, number_preview
from ..widgets import KeyFooter, around_first, badge, clean_line, fit, highlighted, korean_amount, title_of, to_tsv, \
    type_style, unit_label

PAGE = 60  # articles per page of the empty-query list
SEARCH_LIMIT = 50  # articles per page of a search; more load as the cursor nears the end
_SORT_FIELD = re.compile(r"(?<!\S)sort:\S*")
NEXT_SORT = {"rank": "new", "new": "old", "old": "rank"}


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
        self.facets: Facets | None = None
        self.loading_more = False
        self.jump_to_last = False  # ctrl+end asked for every page: go to the last hit once they are in
        self.unfolded = False  # near-duplicates (reprints, light edits) shown one row per group unless unfolded
        self.groups_shown: set[int] = set()
        self.history_at: int | None = None  # position in the history while ↑/↓ walk it
        self.draft = ""  # what was typed before walking the history

    def remake(self) -> "SearchScreen":
        return SearchScreen(self.query_one("#query", Input).value)

    def compose(self) -> ComposeResult:
        hint = "Pick an article: " if self.picking else ""
        yield Input(value=self.initial_query, id="query",
                    placeholder=f"{hint}search articles, entities, numbers — 엔비디아, 엔비디야, ㅇㅂㄷㅇ, NVIDIA, 90만장")
        yield Static(id="facets")
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
            if self.history_at is not None and event.value != self._history_entry():
                self.history_at = None  # typing ends the walk through the history
            self.run_query(event.value)

    def run_query(self, query: str) -> None:
        query = query.strip()
        self.query_one("#status", Static).update(Text("searching…", style="dim italic"))
        self.loading_more = False
        if query:
            self.fetch("results", lambda ix: ix.search(query, limit=SEARCH_LIMIT), group="search")
        else:
            self.recent, self.recent_done = [], False
            self.facets = None
            self.query_one("#facets", Static).display = False  # the start list has no facets: no blank line
            self.fetch("recent", lambda ix: ix.articles(limit=PAGE, offset=0), group="search")

    def _current_query(self) -> str:
        return self.query_one("#query", Input).value.strip()

    def got_results(self, result: SearchResult) -> None:
        if result.query.strip() != self._current_query():
            return  # an older answer that finished after a newer keystroke
        self.result = result
        self.render_results()
        # Facets count every hit: they come after the first page is painted, and a newer keystroke cancels them.
        query = result.query
        self.fetch("facets", lambda ix: (query, ix.facets(query)), group="facets")

    def failed_results(self, error: Exception) -> bool:
        """A query the parser cannot read: say why in the status line and keep the last good results."""
        if not isinstance(error, QuerySyntaxError):
            return False
        line = Text.assemble(("✗ ", "bold red"), (clean_line(str(error)), "red"),
                             ("  (the last results stay below)" if self.result or self.recent else "", "dim"))
        self.query_one("#status", Static).update(line)
        return True

    def got_facets(self, value: tuple[str, Facets]) -> None:
        query, facets = value
        if query.strip() != self._current_query():
            return
        self.facets = facets
        strip = self.query_one("#facets", Static)
        strip.update(facet_strip(facets, max(20, self.size.width - 2)))
        strip.display = bool(facets.outlet or facets.month or facets.entity)  # no hits: no lines of dashes

    # --- every hit: pages load as the cursor nears the end -------------------------------------------

    def _more_articles(self) -> int:
        r = self.result
        return 0 if r is None else r.total_articles - r.offset - len(r.articles)

    def load_more(self, everything: bool = False) -> None:
        if self.loading_more or self._more_articles() <= 0:
            return
        self.loading_more = True
        query, offset = self.result.query, self.result.offset + len(self.result.articles)
        limit = None if everything else SEARCH_LIMIT
        self.fetch("more", lambda ix: ix.search(query, limit=limit, offset=offset), group="page")

    def got_more(self, page: SearchResult) -> None:
        self.loading_more = False
        r = self.result
        if r is None or page.query != r.query or page.offset != r.offset + len(r.articles):
            return  # a page of an older query
        results = self.query_one("#results", OptionList)
        if self._more_articles() > 0 and results.option_count:
            results.remove_option_at_index(results.option_count - 1)  # the "N more" line
        width = self._width()
        r.articles.extend(page.articles)
        results.add_options([self._hit_option(a, width) for a in page.articles if self._shows(a)] + self._more_line())
        self.query_one("#status", Static).update(self._status())
        if self.jump_to_last:
            self.jump_to_last = False
            self.action_last_result()

    def _more_line(self) -> list[Option]:
        more = self._more_articles()
        if more <= 0:
            return []
        return [Option(Text(f"… {more:,} more article{'' if more == 1 else 's'}: they load as you scroll "
                            "(ctrl+end loads all)", style="dim italic"), disabled=True)]

    def action_last_result(self) -> None:
        if self._more_articles() > 0:
            self.jump_to_last = True
            self.load_more(everything=True)
            return
        results = self._results()
        selectable = [i for i in range(results.option_count) if not results.get_option_at_index(i).disabled]
        if selectable:
            results.highlighted = selectable[-1]

    def _status(self) -> str:
        r = self.result
        loaded = len(r.articles)
        shown = f" ({loaded:,} loaded)" if loaded < r.total_articles - r.offset else ""
        order = {"rank": "by rank", "new": "newest first", "old": "oldest first"}[r.sort]
        folded = sum(1 for a in r.articles if a.similar and a.near_group in self.groups_shown) - len(self.groups_shown)
        if folded > 0 and not self.unfolded:
            order += f", {folded:,} near-duplicate{'' if folded == 1 else 's'} folded (ctrl+f)"
        return (f"{len(r.entities)} entit{'y' if len(r.entities) == 1 else 'ies'} · {r.total_articles:,} "
                f"article{'' if r.total_articles == 1 else 's'}{shown}, {order} · {len(r.numbers)} "
                f"number{'' if len(r.numbers) == 1 else 's'}")

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
            if r.numbers:
                options.append(Option(Text(f"Numbers ({len(r.numbers)})", style="bold"), disabled=True))
                for i, n in enumerate(r.numbers):
                    self.items[f"n:{i}"] = n
                    head = Text.assemble((clean_line(n.raw), "bold #ffaf5f"), "  ",
                                         korean_amount(n.value, unit_label(n.unit, n.counter)),
                                         (f"  #{n.article_id} {title_of(n.title, n.source)}", "dim"))
                    options.append(Option(fit(head, width), id=f"n:{i}"))
            if r.articles:  # last, so further pages append below them
                options.append(Option(Text(f"Articles ({r.total_articles:,})", style="bold"), disabled=True))
                self.groups_shown = set()
                options += [self._hit_option(a, width) for a in r.articles if self._shows(a)]
                options += self._more_line()
            if not options:
                hint = " ".join(r.notes) + " " if r.notes else ""
                options.append(Option(Text(f"Nothing matches. {hint}Try fewer characters, initials (ㅅㅅㅈㅈ) or a "
                                           "Latin name."), disabled=True))
            status = self._status()
        results.set_options(options)
        self.query_one("#status", Static).update(Text(status, style="dim"))
        selectable = [i for i, o in enumerate(options) if o is not None and not o.disabled]
        if keep_highlight and highlighted_index is not None and highlighted_index < len(options):
            results.highlighted = highlighted_index
        elif selectable:
            results.highlighted = selectable[0]
        else:
            self.query_one("#preview-text", Static).update("")

    def _shows(self, hit) -> bool:
        """Whether a hit gets a row: folded, only the best-ranked of its near-duplicate group does."""
        if self.unfolded or hit.near_group is None or not hit.similar:
            return True
        if hit.near_group in self.groups_shown:
            return False
        self.groups_shown.add(hit.near_group)
        return True

    def _hit_option(self, a, width: int) -> Option:
        folded = f"+{a.similar} similar" if a.similar and not self.unfolded else None
        return self._article_option(f"a:{a.id}", a, width, a.title, a.snippet, a.highlights, folded)

    def _article_option(self, key: str, a, width: int, title: str | None, snippet: str | None, spans,
                        note: str | None = None) -> Option:
        self.items[key] = a
        date = a.date[:10] if a.date else getattr(a, "date_text", None)  # one date format down the list
        meta = " · ".join(x for x in (clean_line(a.outlet), date, f"#{a.id}", note)
                          if x)
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
        if self.history_at is not None:
            self._walk_history(+1)
            return
        self._results().action_cursor_down()

    def action_cursor_up(self) -> None:
        results = self._results()
        selectable = [i for i in range(results.option_count) if not results.get_option_at_index(i).disabled]
        if self.history_at is not None or not selectable or results.highlighted in (None, selectable[0]):
            self._walk_history(-1)  # like a shell: ↑ at the top recalls the earlier query
            return
        results.action_cursor_up()

    def _history(self) -> list[str]:
        return self.app.history.entries  # type: ignore[attr-defined]

    def _history_entry(self) -> str | None:
        entries = self._history()
        return entries[self.history_at] if self.history_at is not None and self.history_at < len(entries) else None

    def _walk_history(self, step: int) -> None:
        entries = self._history()
        if self.history_at is None:
            if step > 0 or not entries:
                return
            self.draft = self.query_one("#query", Input).value
            at = len(entries)
        else:
            at = self.history_at
        at += step
        if at < 0:
            return  # the oldest query stays
        box = self.query_one("#query", Input)
        if at >= len(entries):
            self.history_at = None
            box.value = self.draft
        else:
            self.history_at = at
            box.value = entries[at]
        box.cursor_position = len(box.value)

    def remember_query(self) -> None:
        query = self._current_query()
        if query:
            self.app.history.add(query)  # type: ignore[attr-defined]

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
        if self.result is not None and event.option_index >= event.option_list.option_count - 5:
            self.load_more()
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
        width = max(20, self.query_one("#preview", VerticalScroll).scrollable_content_region.width - 1)
        self._preview(entity_preview(detail, width))

    def got_article_preview(self, value: tuple[ArticleDetail | None, list, object]) -> None:
        detail, mentions, item = value
        if detail is not None:
            self._preview(article_preview(detail, mentions, item))

    def show_number(self, n: NumberRow) -> None:
        self._preview(number_preview(n))

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
        self.remember_query()
        key, item = found
        kind = key[0]
        if self.picking:
            if kind == "a":
                self.dismiss(item.id)
            elif kind == "n":
                self.dismiss(item.article_id)
            else:
                self.say("Pick an article (or a number, for its article)", severity="warning")
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
            self.say("Highlight an article to compare", severity="warning")
            return
        item = found[1]
        article_id = item.id if found[0][0] == "a" else item.article_id
        if self.compare_left is None or self.compare_left == article_id:
            self.compare_left = article_id
            self.say(f"Compare: left is #{article_id}. Highlight another article and press ctrl+t.")
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
        """Every hit, not only the loaded pages: the rest is read first."""
        self.remember_query()
        if self._more_articles() > 0:
            query = self.result.query
            self.query_one("#status", Static).update(Text(f"reading all {self.result.total_articles:,} articles…",
                                                          style="dim italic"))
            self.fetch("export_all", lambda ix: ix.search(query, limit=None), group="export")
            return
        self.export_rows(*self.table(), noun="rows")

    def got_export_all(self, result: SearchResult) -> None:
        if self.result is None or result.query != self.result.query:
            return
        self.result = result
        self.render_results(keep_highlight=True)
        self.export_rows(*self.table(), noun="rows")

    def action_fold(self) -> None:
        """Show every near-duplicate (reprint, light edit) as its own row, or fold them again under the first."""
        self.unfolded = not self.unfolded
        if self.result is not None:
            self.render_results(keep_highlight=True)

    def action_sort(self) -> None:
        """Cycle rank → newest → oldest by rewriting the sort: field, so the order stays visible and editable."""
        box = self.query_one("#query", Input)
        current = self.result.sort if self.result is not None else "rank"
        base = " ".join(_SORT_FIELD.sub("", box.value).split())
        wanted = NEXT_SORT[current]
        if not base:
            self.say("Type a query first: the start list is newest first", severity="warning")
            return
        box.value = base if wanted == "rank" else f"{base} sort:{wanted}"
        box.cursor_position = len(box.value)

    def action_facets(self) -> None:
        from .facets import FacetScreen

        if self.facets is None or self.result is None:
            self.say("Type a query first: facets count its hits", severity="warning")
            return

        def add(token: str | None) -> None:
            if token:
                box = self.query_one("#query", Input)
                box.value = f"{box.value.rstrip()} {token}".strip()
                box.cursor_position = len(box.value)
                self.focus_query()

        self.app.push_screen(FacetScreen(self.facets, self.result.query), add)

    def action_save_search(self) -> None:
        from .prompt import PromptScreen

        query = self._current_query()
        if not query:
            self.say("Type a query to save", severity="warning")
            return

        def save(name: str | None) -> None:
            if name:
                self.remember_query()
                self.fetch("saved", lambda ix: (ix.save_search(name, query), name)[1], group="save", write=True)

        self.app.push_screen(PromptScreen(f"Save “{query}” as", "a name, e.g. 반도체 수출"), save)

    def got_saved(self, name: str) -> None:
        self.query_one("#status", Static).update(Text(f"Saved as “{name}”: ctrl+p lists saved searches; "
                                                      "`hanscope index` says what each gains", style="dim"))

