"""The hanscope explorer: a Textual app over one index, reached only through `store.api.Index`.

Database access: every thread asks through its own `Index` (`store.connections.Connections`), so a slow query (a
drill-down on an entity with 80k mentions) never holds up the next keystroke's search: SQLite in WAL mode runs
readers side by side. Queries run in thread workers (`BaseScreen.fetch` in tui/base.py, exclusive per group;
`open_entity` reads an entity's first page before its screen opens) that post a message back; a worker cancelled
by a newer keystroke has its running query interrupted and its answer dropped. Edits go
through one write lock and are never interrupted. Navigation keeps Frogmouth-style history: escape / alt+left go
back, alt+right goes forward (screens are rebuilt from their `remake()`).
"""
from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TypeVar
from weakref import WeakKeyDictionary

from rich.text import Text
from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Input
from textual.worker import get_current_worker

from store.api import Index
from store.connections import Connections

from . import gc_pause
from .base import BaseScreen
from .bindings import READ_ONLY_REFUSAL, bindings_for, scope_of, writes
from .widgets import badge, clean_line, default_export_dir, plural, title_of

T = TypeVar("T")
QUIET_BEFORE_WARM_UP = 0.3  # seconds without typing before the app does what its start left (_warm_up_when_quiet)


class FirstPageRead(Message):
    """A screen's first page, read before the screen opens (`open_with_first_page`), or the error reading it."""

    def __init__(self, done: Callable[[object, Exception | None], None], value: object,
                 error: Exception | None = None) -> None:
        super().__init__()
        self.done, self.value, self.error = done, value, error


class IndexCommands(Provider):
    """Command palette: entities (by any name, typo or initials) and articles (full text)."""

    async def discover(self) -> Hits:
        app: HanscopeApp = self.app  # type: ignore[assignment]
        recent = await asyncio.to_thread(app.ask, lambda ix: ix.articles(limit=8))
        for info in recent:
            yield DiscoveryHit(Text(title_of(info.title, info.source)), lambda i=info.id: app.open_article(i),
                               text=title_of(info.title, info.source), help=f"article #{info.id} · {(info.date or '')[:10]}")

    async def search(self, query: str) -> Hits:
        app: HanscopeApp = self.app  # type: ignore[assignment]
        if not query.strip():
            return
        try:
            result = await asyncio.to_thread(app.ask, lambda ix: ix.search(query, limit=8))
        except Exception as err:  # the palette would swallow it and say "No matches"
            app.notify(f"search: {clean_line(str(err))}", severity="error")
            return
        for e in result.entities:
            yield Hit(min(1.0, e.score / 100), Text.assemble(badge(e.type), " ", e.name),
                      lambda i=e.id: app.open_entity(i), text=e.name,
                      help=f"entity · {plural(e.mentions, 'mention')} in {plural(e.articles, 'article')} ({e.how})")
        for rank, a in enumerate(result.articles):
            title = title_of(a.title, a.source)
            yield Hit(0.5 - rank * 0.01, Text.assemble(("article ", "dim"), title), lambda i=a.id: app.open_article(i),
                      text=title, help=clean_line(" · ".join(x for x in (a.outlet, a.date) if x)))


class SavedSearches(Provider):
    """Command palette: the saved searches of this index; choosing one runs it on the search screen."""

    async def _saved(self) -> dict[str, str]:
        app: HanscopeApp = self.app  # type: ignore[assignment]
        return await asyncio.to_thread(app.ask, lambda ix: ix.saved_searches())

    async def discover(self) -> Hits:
        app: HanscopeApp = self.app  # type: ignore[assignment]
        for name, query in sorted((await self._saved()).items()):
            yield DiscoveryHit(Text.assemble(("saved ", "dim"), name), lambda q=query: app.run_query(q),
                               text=name, help=query)

    async def search(self, query: str) -> Hits:
        app: HanscopeApp = self.app  # type: ignore[assignment]
        matcher = self.matcher(query)
        for name, saved in sorted((await self._saved()).items()):
            score = matcher.match(f"{name} {saved}")
            if score > 0:
                yield Hit(score, Text.assemble(("saved ", "dim"), matcher.highlight(name)),
                          lambda q=saved: app.run_query(q), text=name, help=saved)


class HanscopeApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "hanscope"
    BINDINGS = bindings_for("global")
    COMMAND_PALETTE_BINDING = "ctrl+k"  # ctrl+p moves up in lists, as in fzf
    COMMANDS = App.COMMANDS | {IndexCommands, SavedSearches}

    def __init__(
        self,
        db_path: Path,
        *,
        entity: str | None = None,
        article: int | None = None,
        compare: tuple[int, int] | None = None,
        export_dir: Path | None = None,
        history_path: Path | None = None,
        read_only: bool = False,
    ) -> None:
        """`read_only`: the index is only read (`hanscope serve` without --allow-edits): the keys that would change
        it (tui.bindings `writes`) are refused with a status line and left out of the footer and help."""
        from .history import QueryHistory, default_history_path

        super().__init__()
        from store.backends import is_server

        self.db_path = db_path if is_server(db_path) else Path(db_path)  # a server URI stays a str: Path folds its //
        self.connections = Connections(self.db_path)
        self.connections.index()  # an unusable file fails here, before the app starts
        self.export_dir = export_dir or default_export_dir()
        self.history = QueryHistory(history_path or default_history_path())
        self.forward: list[Screen] = []  # screens made by `remake()` as they were left, not yet mounted
        self._deep_link = (entity, article, compare)
        self.read_only = read_only
        self._filled: WeakKeyDictionary[Input, bool] = WeakKeyDictionary()  # each text box: has it a value?
        self._typed_at = 0.0  # time.monotonic() of the last change of a text box
        from .screens.search import start_list

        self._early_start_list = self._read_early(start_list)

    def _read_early(self, query: Callable[[Index], T]) -> Future[T]:
        """`query` in a thread of its own, started now: it reads while Textual starts its driver, its styles and the
        first screen (SQLite leaves the GIL while it reads). The thread's connection stays open with the app's
        others until the app closes. The start screen waits for its list this way (tui.screens.search)."""
        answer: Future[T] = Future()

        def read() -> None:
            try:
                answer.set_result(self.connections.run(query))
            except BaseException as err:  # the app is closing, or the index failed: the screen asks again
                answer.set_exception(err)

        threading.Thread(target=read, name="hanscope-early-read", daemon=True).start()
        return answer

    def ask(self, query: Callable[[Index], T]) -> T:
        """Run one query on the calling thread's index (for callers already off the UI thread)."""
        return self.connections.run(query)

    def on_mount(self) -> None:
        from .screens.search import SearchScreen

        self.push_screen(SearchScreen(early_start_list=self._early_start_list))
        self._early_start_list = None
        self.call_after_refresh(self._after_first_paint)
        entity, article, compare = self._deep_link
        if compare:
            self.open_compare(*compare)
        elif article is not None:
            self.open_article(article)
        elif entity:
            self.open_entity(entity)

    def _after_first_paint(self) -> None:
        self.set_timer(QUIET_BEFORE_WARM_UP, self._warm_up_when_quiet)

    def _warm_up_when_quiet(self) -> None:
        """What the start leaves for later, done on the main thread once the typing pauses: right after the first
        paint, a query typed at once waited for it (tmux at 100k on a 2-core Xeon, 7 alternated starts: 52-173 ms to
        its answer, median 146; with the import below moved here, 30-77, median 71).
        - The amount parser (amount queries, number rows) compiles its regexes on import: ~70 ms. In a thread of
          its own it took the GIL from the searches in 5 ms turns (the same query 81-534 ms). A query with an
          amount before then imports it where it runs.
        - The start's objects are collected once and frozen out of later collections (gc_pause.freeze_startup,
          20-26 ms at 100k); after the import, so that its objects are frozen too."""
        quiet = time.monotonic() - self._typed_at
        if quiet < QUIET_BEFORE_WARM_UP:
            self.set_timer(QUIET_BEFORE_WARM_UP - quiet, self._warm_up_when_quiet)
            return
        import store.extract.numbers  # noqa: F401

        gc_pause.freeze_startup()
        # The name index (typos, initials, a prefix inside a name such as 엔비) loads on the first query that needs
        # it: 28 ms of that keystroke at 100k, traced. Loaded now, once, for every thread (store.entity_lookup); in
        # a worker, since it reads the index (47 ms at 100k here, mostly Python). Right after the first paint it ran
        # beside a query typed at once, which does not need it (삼성: its search 10 -> 55 ms, or queued behind it)
        self.run_worker(lambda: self.connections.run(lambda ix: ix._resolver), name="name-index", group="name-index",
                        thread=True, exit_on_error=False)

    def on_unmount(self) -> None:
        self.connections.close()
        gc_pause.unfreeze()  # an app run inside a longer process (tests, a notebook) must leave no heap frozen

    # --- navigation -------------------------------------------------------------------------------

    def navigate(self, screen: BaseScreen) -> None:
        """Open a screen as a new step in history (clears forward history). A toast left from the last screen
        would cover the new one's content: it goes."""
        self.forward.clear()
        self.clear_notifications()
        self.push_screen(screen)

    def open_article(self, article_id: int, focus: tuple[int, int] | None = None) -> None:
        from .screens.article import ArticleScreen

        self.navigate(ArticleScreen(article_id, focus=focus))

    def open_with_first_page(self, group: str, read: Callable[[Index], object],
                             done: Callable[[object, Exception | None], None]) -> None:
        """Read a screen's first page, then open the screen with it (`done(value, error)` on the main thread).

        Opened first and filled when the answer came, a screen was laid out twice (empty, then full: ~40 ms at
        100k) and its query ran beside the first layout for the GIL (1 ms alone, 34 ms beside it); this way the
        query runs while the main thread is idle and the screen is laid out once, with its content. `done` resumes
        the collector once the screen has painted (or at once when it opens nothing)."""
        paused = gc_pause.pause()  # opening a screen makes thousands of objects: a collection (47-88 ms traced) waits
        self.set_timer(gc_pause.LONGEST_PAUSE, lambda: gc_pause.resume(paused))

        def job() -> None:
            worker = get_current_worker()
            try:
                value = self.connections.run(read, worker)
            except Exception as err:  # shown as a notification, never a crash
                if not worker.is_cancelled:
                    self.post_message(FirstPageRead(done, None, err))
                return
            if not worker.is_cancelled:
                self.post_message(FirstPageRead(done, value))

        self.run_worker(job, name=group, group=group, exclusive=True, thread=True, exit_on_error=False)

    def on_first_page_read(self, message: FirstPageRead) -> None:
        message.done(message.value, message.error)

    def open_entity(self, entity: int | str) -> None:
        from .screens.entity import EntityScreen

        def done(value: object, error: Exception | None) -> None:
            if error is not None:
                gc_pause.resume()
                self.notify(f"Could not load entity: {clean_line(str(error))}", severity="error")
            elif value is None:
                gc_pause.resume()
                self.notify(f"No entity matches {clean_line(str(entity))!r}", severity="error")
                if isinstance(entity, str) and hasattr(self.screen, "show_query"):
                    self.screen.show_query(entity)  # the search shows what comes close
            else:
                self.navigate(EntityScreen(entity, first=value))

        self.open_with_first_page("open-entity", lambda ix: EntityScreen.first_paint(ix, entity, 0), done)

    def open_compare(self, left: int, right: int) -> None:
        from .screens.compare import CompareScreen

        self.navigate(CompareScreen(left, right))

    def open_story(self, story_id: int) -> None:
        from .screens.story import StoryScreen

        self.navigate(StoryScreen(story_id))

    def _history_depth(self) -> int:
        """Screens above the search screen (the default screen and search are always there)."""
        return len(self.screen_stack) - 2

    def action_back(self) -> None:
        screen = self.screen
        if isinstance(screen, ModalScreen) or getattr(screen, "picking", False):
            screen.dismiss(None)
        elif self._history_depth() > 0:
            self.forward.append(screen.remake())  # type: ignore[attr-defined]  # made now: it reads the live screen
            self.pop_screen()
        elif hasattr(screen, "clear_query"):
            screen.clear_query()

    def action_back_or_quit(self) -> None:
        """`q` outside a text box: back where there is somewhere to go back to, else quit."""
        if isinstance(self.screen, ModalScreen) or getattr(self.screen, "picking", False) or self._history_depth() > 0:
            self.action_back()
        else:
            self.exit()

    def action_move(self, where: str) -> None:
        """j/k/g/G and ctrl+n/ctrl+p: move the screen's list (the search results, even from the search box) or else
        the focused list or pane."""
        own = {"down": "action_cursor_down", "up": "action_cursor_up", "top": "action_first", "bottom": "action_last"}[where]
        method = getattr(self.screen, own, None)  # a screen that steers its own list (search) says so by name
        if method is None and self.focused is not None:
            names = {"down": ("action_cursor_down", "action_scroll_down"), "up": ("action_cursor_up", "action_scroll_up"),
                     "top": ("action_first", "action_scroll_top", "action_scroll_home"),
                     "bottom": ("action_last", "action_scroll_bottom", "action_scroll_end")}[where]
            method = next((getattr(self.focused, n) for n in names if hasattr(self.focused, n)), None)
        if method is not None:
            method()

    def _nothing_to_go_back_from(self) -> bool:
        """On the start screen with an empty search box, esc has nothing to do: the footer must not offer it."""
        screen = self.screen
        if isinstance(screen, ModalScreen) or getattr(screen, "picking", False) or self._history_depth() > 0:
            return False
        return not any(box.value for box in screen.query(Input))

    def on_input_changed(self, event: Input.Changed) -> None:
        # esc appears on the start screen once there is a query to clear. Only a box that turns empty or stops
        # being empty can change that: the footer worked out at every keystroke took ~1 ms of the main thread
        # just before the keystroke's search started
        self._typed_at = time.monotonic()
        filled = bool(event.value)
        if self._filled.get(event.input) != filled:
            self._filled[event.input] = filled
            self.refresh_bindings()

    def action_forward(self) -> None:
        if self.forward and not isinstance(self.screen, ModalScreen):
            self.push_screen(self.forward.pop())

    def run_query(self, query: str) -> None:
        """Go back to the search screen and search for `query` (a saved search from the palette)."""
        self.action_focus_search()
        if hasattr(self.screen, "show_query"):
            self.screen.show_query(query)

    def action_focus_search(self) -> None:
        """`/` from anywhere: back to the search screen (forward history keeps where you were)."""
        if getattr(self.screen, "picking", False):
            self.screen.focus_query()  # type: ignore[attr-defined]
            return
        while self._history_depth() > 0 and not isinstance(self.screen, ModalScreen):
            self.forward.append(self.screen.remake())  # type: ignore[attr-defined]
            self.pop_screen()
        if hasattr(self.screen, "focus_query"):
            self.screen.focus_query()

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(scope_of(self.screen), read_only=self.read_only))

    def action_numbers(self) -> None:
        from .screens.numbers import NumbersScreen

        if not isinstance(self.screen, NumbersScreen):
            self.navigate(NumbersScreen())

    def action_undo(self) -> None:
        if isinstance(self.screen, BaseScreen):
            self.screen.undo_edit()

    def action_stories(self) -> None:
        from .screens.stories import StoriesScreen

        if isinstance(self.screen, StoriesScreen):
            return

        def done(value: object, error: Exception | None) -> None:
            if error is not None:
                gc_pause.resume()
                self.notify(f"Could not load stories: {clean_line(str(error))}", severity="error")
            else:
                self.navigate(StoriesScreen(first=value))

        self.open_with_first_page("open-stories", lambda ix: StoriesScreen.first_page(ix, None), done)

    def action_reload(self) -> None:
        """Forget cached lookups and ask the current screen again: an index may have grown meanwhile."""
        self.connections.refresh()
        reload = getattr(self.screen, "reload", None)
        if reload is not None:
            reload()
        from store.backends import masked

        self.say(f"Reloaded {self.db_path.name if isinstance(self.db_path, Path) else masked(self.db_path)}")

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        """Every key, footer click and palette command passes here: in a read-only app an edit is refused in words
        (before check_action, which hides it from the footer and would drop the key without a word)."""
        if self.read_only and isinstance(action, str) and writes(action):
            self.say(READ_ONLY_REFUSAL, severity="warning")
            return True
        return await super().run_action(action, default_namespace, namespaces)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.read_only and writes(action):
            return False
        if action in ("focus_search", "help", "numbers", "stories") and isinstance(self.screen, ModalScreen):
            return False
        if action == "back" and self._nothing_to_go_back_from():
            return False
        # In a text box `/` is typed: the footer must not offer it as the search key there.
        if action == "focus_search" and isinstance(self.focused, Input):
            return False
        return True

    # --- clipboard and files ----------------------------------------------------------------------

    def copy(self, text: str, what: str) -> None:
        self.copy_to_clipboard(text)
        self.say(f"Copied {what} ({len(text):,} characters) to the clipboard (OSC 52: some terminals ignore it)")

    def say(self, message: str, severity: str = "information") -> None:
        """A message in the current screen's status line (see BaseScreen.say)."""
        if isinstance(self.screen, BaseScreen):
            self.screen.say(message, severity)
        else:
            self.notify(message, severity=severity)  # type: ignore[arg-type]


def run_app(
    db_path: Path,
    *,
    entity: str | None = None,
    article: int | None = None,
    compare: tuple[int, int] | None = None,
    read_only: bool = False,
) -> None:
    """Open the explorer on `db_path`, optionally deep-linked to an entity, an article or a comparison."""
    HanscopeApp(db_path, entity=entity, article=article, compare=compare, read_only=read_only).run()
