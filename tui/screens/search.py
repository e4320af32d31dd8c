"""The start screen: search as you type, results grouped (entities, articles, numbers), an fzf-style preview.

The result list is virtual (`ResultList`): every hit has its row from the start and the rows on screen are read
a page at a time, so the last of thousands of hits is one keystroke away. With an empty query it lists every
article, newest first, the same way.
`SearchScreen(picking=True)` is the same screen used as a picker: Enter dismisses it with an article id.
"""
from __future__ import annotations

import re
from concurrent.futures import Future

from rich.text import Text
from textual import messages
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static

from store.query import QuerySyntaxError
from store.results import ArticleDetail, ArticleInfo, EntityDetail, Facets, NumberRow, SearchResult

from .. import gc_pause
from ..base import BaseScreen
from ..bindings import bindings_for
from ..facet_strip import FacetStrip, facet_strip
from ..history import HistoryWalk
from ..preview_pane import PreviewPane
from ..query_box import QueryBox
from ..result_list import ResultList, count_label
from ..search_preview import article_preview, entity_preview, number_preview
from ..widgets import KeyFooter, StatusLine, clean_line, plural, to_tsv

PAGE = 60  # articles per page of the empty-query list
EARLY_START_LIST_WAIT = 0.2  # seconds the screen's first frame waits for the start list read while the app started
SEARCH_PAGE = 20  # hits per page of a search at least (a hit is 3 lines: 120x40 shows ~10), read as they come into view
SEARCHING_AFTER = 0.15  # seconds a search runs before the status line says "searching…"
FACETS_AFTER = 0.25  # seconds of no typing before the facets (a count of every hit) start: a person types a key
# every 100-250 ms, and facets begun between keys competed with the next key's search (the typing tail at 100k)
PREVIEW_RELATED_SPAN = 200  # the preview counts co-mentions over this many newest articles (the entity screen: 1,000)
_SORT_FIELD = re.compile(r"(?<!\S)sort:\S*")
NEXT_SORT = {"rank": "new", "new": "old", "old": "rank"}


def start_list(ix) -> tuple[int, list[ArticleInfo]]:
    """The empty query's answer: how many articles there are, and the newest PAGE of them."""
    return ix.article_count(), ix.articles(limit=PAGE, offset=0)


class SearchScreen(BaseScreen):
    BINDINGS = bindings_for("search")

    def __init__(self, query: str = "", picking: bool = False,
                 early_start_list: Future[tuple[int, list[ArticleInfo]]] | None = None) -> None:
        """`early_start_list`: `start_list`, being read since the app started: the screen's first frame waits for it
        (EARLY_START_LIST_WAIT at most; else it is read again as any answer is)."""
        super().__init__()
        self.initial_query = query
        self.picking = picking
        self.early_start_list = early_start_list
        self.result: SearchResult | None = None
        self.articles_total = 0  # the start list (empty query): every article, newest first
        self.compare_left: int | None = None
        self.facets: Facets | None = None  # those of self.result's query, once counted
        self.facets_wanted: str | None = None  # ctrl+g pressed before that query's facets came: opened when they do
        self.unfolded = False  # near-duplicates (reprints, light edits) shown one row per group unless unfolded
        self.walk = HistoryWalk()  # ↑/↓ through earlier queries, like a shell
        self.answered: str | None = None  # the query whose answer (or error) the screen shows
        self.asked: str | None = None  # the last query typed (stripped): its answer is shown or on its way
        self.gc_paused: int | None = None  # the collector's pause for the newest keystroke (gc_pause.pause's number)
        self.first_key: str | None = None  # the row under the cursor when the last answer was painted (_moved_to)

    def remake(self) -> "SearchScreen":
        return SearchScreen(self.query_one("#query", Input).value)

    def compose(self) -> ComposeResult:
        hint = "Pick an article: " if self.picking else ""
        yield QueryBox(value=self.initial_query, id="query",
                    placeholder=f"{hint}search articles, entities, numbers — 엔비디아, 엔비디야, ㅇㅂㄷㅇ, NVIDIA, 90만장")
        yield FacetStrip(id="facets")
        with Horizontal(id="search-main"):
            yield ResultList(id="results")
            yield PreviewPane(id="preview")
        yield StatusLine(id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.focus_query()
        self.asked = self.initial_query.strip()
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
            self.walk.typed(self._history(), event.value)
            if event.value.strip() == self.asked:
                return  # a space typed at either end: the same query, its answer shown or coming (asked again, its
                # facets restarted and the exact count blinked back to "≥1,001" for up to a second at 100k)
            self.asked = event.value.strip()
            self.run_query(event.value)

    def run_query(self, query: str) -> None:
        query = query.strip()
        # "searching…" only for a search still running after SEARCHING_AFTER: painting it at once cost every
        # keystroke a frame (5-10 ms) while its search ran, and it flickered on the ones that answer in 20 ms
        self.set_timer(SEARCHING_AFTER, lambda: self._say_searching(query))
        # The last query's facets and preview are moot: stop them now (their queries are interrupted), so the
        # new search has the cores to itself (at 100k they took the keystroke's p95 from ~30 to ~200 ms)
        self.cancel_fetches("facets", "preview")
        self.facets_wanted = None  # ctrl+g was pressed for the last query's facets
        if query:
            # No collection until this query's results are painted, at most LONGEST_PAUSE (on the app's clock: this
            # screen may close first)
            paused = self.gc_paused = gc_pause.pause()
            self.app.set_timer(gc_pause.LONGEST_PAUSE, lambda: gc_pause.resume(paused))
            # A keystroke counts only what it shows; the exact count comes with the facets
            # A page is what the screen shows and a little more: each hit's body is read and cut into a snippet, and
            # 50 of them were a third of a keystroke's search at 100k (4.9 -> 3.1 ms CPU a query at 20)
            self._fetch_results(query, self.search_page(), newest_first=True)
        else:
            self.facets = None
            self.query_one("#facets", Static).display = False  # the start list has no facets: no blank line
            early, self.early_start_list = self.early_start_list, None
            if early is not None:
                try:
                    # Waited for, before the screen's first frame: the read is a few ms of SQLite once it has the
                    # GIL, but beside the main thread laying out an empty list it waited for the GIL at every row,
                    # and the list came frames later. Tmux, 100k: Textual imported → the list painted, median
                    # 236 ms (an empty list first) → 137 ms (the list in the first frame)
                    self.got_recent(early.result(timeout=EARLY_START_LIST_WAIT))
                    return
                except Exception:  # not read in time (a cold disk), or failed: asked again as any answer is
                    pass
            self.fetch("recent", start_list, group="search")

    def _fetch_results(self, query: str, size: int, newest_first: bool) -> None:
        # `newest_first`: a word with digits may be answered from the newest articles first (their whole read costs
        # 0.1-1 s at 1M: store.search's _window_floor); got_results then asks for the whole answer
        self.fetch("results", lambda ix: (size, ix.search(query, limit=size, exact_count=False,
                                                          newest_first=newest_first)), group="search")

    def _say_searching(self, query: str) -> None:
        if query == self._current_query() and self.answered != query:
            self.query_one("#status", Static).update(Text("searching…", style="dim italic"))

    def _current_query(self) -> str:
        return self.query_one("#query", Input).value.strip()

    def search_page(self) -> int:
        return max(SEARCH_PAGE, self.size.height // 3 + 2)

    def got_results(self, answer: tuple[int, SearchResult]) -> None:
        size, result = answer
        if result.query.strip() != self._current_query():
            return  # an older answer that finished after a newer keystroke
        moved_to = self._moved_to(result)
        self.result, self.answered = result, result.query.strip()
        # the last query's facets are not this one's: not offered to ctrl+g, dimmed in the strip until counted (a
        # query the parser cannot read keeps the last results, and their facets)
        self.facets = None
        self.query_one("#facets", FacetStrip).fade()
        self._results().show_search(result, size, self.unfolded)
        if moved_to is not None:
            self._results().move_to_key(moved_to)
        found = self._results().current()
        self.first_key = found[0] if found else None
        # Paint the new rows in the very next frame: the list's own repaint request travels through its message
        # queue and often missed that frame, showing the results a frame (16-30 ms) late. Asked of the screen
        # directly, it is handled before the screen goes idle (a whole-screen refresh cost ~5 ms of compositing).
        self.post_message(messages.Update(self._results()))
        gc_pause.resume_after_paint(self, self.gc_paused)
        self._say_status()
        if self._results().current() is None:  # nothing to preview: not the last query's article
            self.query_one("#preview", PreviewPane).show(Text(""))
        query = result.query
        if result.partial:  # the newest articles' answer, or their numbers: the whole one next (a keystroke cancels it)
            self._fetch_results(query, size, newest_first=False)
            return
        # Facets count every hit: asked for once the first page is painted (started beside the paint, their worker
        # slowed it) and typing pauses (FACETS_AFTER), and a newer keystroke cancels them.
        self.call_after_refresh(self._fetch_facets, query)

    def _moved_to(self, whole: SearchResult) -> str | None:
        """The row a person moved the cursor to while the older articles were searched (the last answer was this
        query's newest articles alone, or its numbers were: SearchResult.partial), kept under the cursor in the
        whole answer."""
        last = self.result
        if last is None or not last.partial or last.query != whole.query:
            return None
        found = self._results().current()
        return found[0] if found and found[0] != self.first_key else None

    def _fetch_facets(self, query: str) -> None:
        if self.result is not None and self.result.query == query:
            self.fetch("facets", lambda ix: (query, *ix.facets_and_count(query)), group="facets", background=True,
                       after=FACETS_AFTER)

    def got_recent(self, value: tuple[int, list[ArticleInfo]]) -> None:
        if self._current_query():
            return
        self.result, self.answered = None, ""
        self.articles_total, first_page = value
        self._results().show_articles(self.articles_total, first_page, PAGE)
        self._say_status()

    def failed_results(self, error: Exception) -> bool:
        """A query the parser cannot read: say why in the status line and keep the last good results."""
        gc_pause.resume()
        self.answered = self._current_query()  # answered with an error: not "searching…"
        if not isinstance(error, QuerySyntaxError):
            return False
        line = Text.assemble(("✗ ", "bold red"), (clean_line(str(error)), "red"),
                             ("  (the last results stay below)" if self._results().item_count else "", "dim"))
        self.query_one("#status", Static).update(line)
        return True

    def got_facets(self, value: tuple[str, Facets, int]) -> None:
        query, facets, total = value
        if query.strip() != self._current_query():
            return
        self.facets = facets
        if self.result is not None and self.result.query == query and not self.result.total_exact:
            self.result.total_articles, self.result.total_exact = total, True
            self._results().set_total(total)  # every hit gets its row; the heading and status say how many
            self._say_status()
        strip = self.query_one("#facets", Static)
        strip.update(facet_strip(facets, max(20, self.size.width - 2)))
        strip.display = bool(facets.outlet or facets.month or facets.entity)  # no hits: no lines of dashes
        wanted, self.facets_wanted = self.facets_wanted, None
        if wanted == query and self.app.screen is self:  # (not over a screen opened meanwhile)
            self.action_facets()

    # --- every hit: pages are read as they come into view ---------------------------------------------

    def on_result_list_wanted(self, event: ResultList.Wanted) -> None:
        results, generation, page = self._results(), event.generation, event.page
        if generation != results.generation:
            return  # asked for by the list of an earlier query
        if self.result is not None:
            query, size = self.result.query, results.page_size
            read = lambda ix: ix.search_page(query, size, page * size)  # noqa: E731
        else:
            read = lambda ix: ix.articles(limit=PAGE, offset=page * PAGE)  # noqa: E731

        def page_if_in_view(ix):  # in the worker: a page scrolled past while it waited is not read
            return generation, page, read(ix) if page in results.wanted_pages() else None

        self.fetch("page", page_if_in_view, group=f"page-{page}")

    def got_page(self, value: tuple[int, int, list]) -> None:
        results = self._results()
        folded = results.folded
        results.add_page(*value)
        if results.folded != folded:
            self._say_status()

    def action_last_result(self) -> None:
        self._results().action_last()

    def action_first_result(self) -> None:
        self._results().action_first()

    def _say_status(self) -> None:
        r = self.result
        if r is None:
            status = f"{plural(self.articles_total, 'article')}, newest first"
        else:
            order = {"rank": "by rank", "new": "newest first", "old": "oldest first"}[r.sort]
            if r.ranked_newest:  # the store ranked only the newest hits: say so
                order = f"by rank among the newest {r.ranked_newest:,}, then newest first"
            elif r.by_headline:  # few hits of a common word: no bm25 (store.search)
                order = "headline matches first, then newest"
            folded = self._results().folded
            if folded and not self.unfolded:
                order += f", {plural(folded, 'near-duplicate')} folded (ctrl+f)"
            articles = "article" if r.total_articles == 1 and r.total_exact else "articles"
            numbers = plural(len(r.numbers), 'number')
            if r.numbers_newest_hits is not None:
                numbers += f" in the newest {r.numbers_newest_hits:,} hits, searching older…"
            status = (f"{len(r.entities)} entit{'y' if len(r.entities) == 1 else 'ies'} · "
                      f"{count_label(r)} {articles}, {order} · {numbers}")
            if r.instead is not None:
                status = f"{r.instead.note} · {status}"
            if r.caveats and (r.total_articles or r.entities or r.numbers):  # what the index cannot answer as asked
                # (a file made before numbers were marked), after the counts, which a narrow line keeps; with nothing
                # found the list's own message says it (ResultList.show_search)
                status = f"{status} · {' '.join(r.caveats)}"
            if r.hint is not None:
                status = f"{r.hint} · {status}"
            if r.newest_only is not None:
                status = f"searched the newest {r.newest_only:,} articles, searching older… · {status}"
        self.query_one("#status", Static).update(Text(status, style="dim"))

    def on_resize(self) -> None:
        if self.facets is not None and self.query_one("#facets", Static).display:
            self.query_one("#facets", Static).update(facet_strip(self.facets, max(20, self.size.width - 2)))

    # --- the cursor and the preview ---------------------------------------------------------------

    def _results(self) -> ResultList:
        return self.query_one("#results", ResultList)

    def action_cursor_down(self) -> None:
        if self.walk.walking:
            self._walk_history(+1)
            return
        self._results().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.walk.walking or self._results().at_first():
            self._walk_history(-1)  # like a shell: ↑ at the top recalls the earlier query
            return
        self._results().action_cursor_up()

    def _history(self) -> list[str]:
        return self.app.history.entries  # type: ignore[attr-defined]

    def _walk_history(self, step: int) -> None:
        box = self.query_one("#query", Input)
        value = self.walk.step(self._history(), box.value, step)
        if value is not None:
            box.value = value
            box.cursor_position = len(value)

    def remember_query(self) -> None:
        query = self._current_query()
        if query:
            self.app.history.add(query)  # type: ignore[attr-defined]

    def action_page_down(self) -> None:
        self._results().action_page_down()

    def action_page_up(self) -> None:
        self._results().action_page_up()

    def current(self) -> tuple[str, object] | None:
        return self._results().current()

    def on_result_list_highlighted(self, event: ResultList.Highlighted) -> None:
        # Asked for once the rows (or the moved cursor) are painted: a preview query started beside the new
        # answer held the GIL for ~4 ms just before its frame
        self.call_after_refresh(self._fetch_preview, event.key, event.value)

    def _fetch_preview(self, key: tuple, item) -> None:
        if self._results().current() != (key, item):
            return  # the cursor moved on, or a newer answer came, before this frame
        kind = key[0]
        if kind == "e":
            # no article list: the preview does not show one, and reading 엔비디아's 25k at 100k held the GIL
            # while the result list painted (the keystroke's p95)
            # What the pane shows and no more: a preview beside a keystroke's results, not the entity screen
            self.fetch("entity_preview", lambda ix: ix.entity(item.id, mention_limit=12, article_limit=0,
                                                              related_span=PREVIEW_RELATED_SPAN, timeline=False),
                       group="preview", background=True)
        elif kind == "a":
            self.fetch("article_preview", lambda ix: (ix.article(item.id), ix.mentions_in(item.id), item), group="preview",
                       background=True)
        else:
            self.show_number(item)

    def _preview(self, text: Text) -> None:
        # After the frame in progress: a preview that answered before the result rows were painted (a rare word's
        # article, ~7 ms) made that frame lay out and wrap the preview too, 5-10 ms later for the rows
        self.call_after_refresh(self._show_preview, text)

    def _show_preview(self, text: Text) -> None:
        if not self.is_attached or not self.query("#preview"):
            return  # the screen closed in between (a picker that was answered)
        self.query_one("#preview", PreviewPane).show(text)

    def got_entity_preview(self, detail: EntityDetail | None) -> None:
        if detail is None:
            return
        width = max(20, self.query_one("#preview", PreviewPane).scrollable_content_region.width - 1)
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

    def on_result_list_selected(self, event: ResultList.Selected) -> None:
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

    def every_row(self, purpose: str) -> None:
        """Copies and exports take every hit, not only the pages seen: they are read in a worker."""
        r = self.result
        if r is None:
            self.say(f"reading {plural(self.articles_total, 'article')}…")
            self.fetch("every_row", lambda ix: (purpose, None, ix.articles()), group="export")
            return
        query = r.query
        self.say(f"reading {plural(r.total_articles, 'article')}…")
        self.fetch("every_row", lambda ix: (purpose, query, ix.search(query, limit=None)), group="export")

    def got_every_row(self, value: tuple[str, str | None, SearchResult | list[ArticleInfo]]) -> None:
        purpose, query, answer = value  # query None: the start list
        if query != (self.result.query if self.result is not None else None):
            return  # the query changed while every hit was read
        name, header, rows = table(answer)
        if purpose == "copy":
            self.app.copy(to_tsv(header, rows), f"{plural(len(rows), 'result')} as TSV")
        else:
            self.export_rows(name, header, rows, noun="rows")
        self._say_status()

    def action_copy_results(self) -> None:
        self.every_row("copy")

    def action_export(self) -> None:
        self.remember_query()
        self.every_row("export")

    def action_fold(self) -> None:
        """Show every near-duplicate (reprint, light edit) as its own row, or fold them again under the first."""
        self.unfolded = not self.unfolded
        if self.result is not None:
            self._results().set_unfolded(self.unfolded)
            self._say_status()

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

        if self.result is None:
            self.say("Type a query first: facets count its hits", severity="warning")
            return
        if self.facets is None:  # counted once typing pauses (FACETS_AFTER); a big answer takes a moment
            self.facets_wanted = self.result.query
            self.say("Counting this query's facets: they open when counted")
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


def table(answer: SearchResult | list[ArticleInfo]) -> tuple[str, list[str], list[list]]:
    """Every result as (name, header, rows) for the clipboard and exports: a search's entities, articles and
    numbers, or the start list's articles."""
    header = ["kind", "id", "name_or_title", "detail", "article_id", "context"]
    if isinstance(answer, list):
        return "articles", header, [["article", a.id, a.title or a.source, a.date or "", a.id, a.source] for a in answer]
    r = answer
    rows = [["entity", e.id, e.name, e.type, "", f"{e.mentions} mentions in {e.articles} articles"] for e in r.entities]
    rows += [["article", a.id, a.title or a.source, a.date or "", a.id, a.snippet] for a in r.articles]
    rows += [["number", n.id, n.raw, f"{n.value:g} {n.unit}", n.article_id, n.context] for n in r.numbers]
    return f"search-{r.query}", header, rows
