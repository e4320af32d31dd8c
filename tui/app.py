"""The hanscope explorer: a Textual app over one index, reached only through `store.api.Index`.

Database access: every thread asks through its own `Index` (`Connections`), so a slow query (a drill-down on an
entity with 80k mentions) never holds up the next keystroke's search: SQLite in WAL mode runs readers side by
side. Queries run in thread workers (`Screen.fetch`, exclusive per group) that post an `Answered` message back;
a worker cancelled by a newer keystroke has its running query interrupted and its answer dropped. Edits go
through one write lock and are never interrupted. Navigation keeps Frogmouth-style history: escape / alt+left go
back, alt+right goes forward (screens are rebuilt from their `remake()`).
"""
from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from rich.text import Text
from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Input
from textual.worker import Worker, get_current_worker

from store.api import Index

from .bindings import bindings_for
from .widgets import badge, clean_line, export, title_of

T = TypeVar("T")

CHECK_EVERY = 50_000  # SQLite VM steps between cancellation checks: ~1.5 ms of query time


class Connections:
    """One `Index` per thread, opened on first use and kept: Textual thread workers and `asyncio.to_thread` run
    on the event loop's pool, whose few threads live as long as the app.

    `refresh()` makes every thread's index forget its cached lookups before its next query (after an edit, or
    ctrl+r). A query asked for a worker stops with `sqlite3.OperationalError` once that worker is cancelled.
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.write_lock = threading.Lock()  # SQLite has one writer; edits wait for each other, not for readers
        self._local = threading.local()
        self._opened: list[Index] = []
        self._opened_lock = threading.Lock()
        self._generation = 0
        self._closing = False

    def index(self) -> Index:
        """This thread's index (opened now if it has none), refreshed if the index changed since its last query."""
        local = self._local
        index: Index | None = getattr(local, "index", None)
        if index is None:
            index = Index.open(self.db_path)
            index.db.set_progress_handler(self._should_stop, CHECK_EVERY)
            with self._opened_lock:
                if self._closing:
                    index.close()
                    raise RuntimeError("the app is closing")
                self._opened.append(index)
            local.index, local.generation, local.worker = index, self._generation, None
        elif local.generation != self._generation:
            local.generation = self._generation
            index.refresh()
        return index

    def _should_stop(self) -> bool:
        worker: Worker | None = getattr(self._local, "worker", None)
        return self._closing or (worker is not None and worker.is_cancelled)

    def run(self, query: Callable[[Index], T], worker: Worker | None = None) -> T:
        """`query(index)` on this thread's index, interrupted if `worker` is cancelled meanwhile."""
        index = self.index()
        self._local.worker = worker
        try:
            return query(index)
        finally:
            self._local.worker = None

    def write(self, change: Callable[[Index], T]) -> T:
        """Run an edit to completion (never interrupted), then have every thread re-read cached lookups."""
        with self.write_lock:
            try:
                return self.run(change)
            finally:
                self.refresh()

    def refresh(self) -> None:
        with self._opened_lock:
            self._generation += 1

    def close(self) -> None:
        """Close every thread's index; a query still running on one is interrupted first."""
        with self._opened_lock:
            self._closing = True
            opened, self._opened = self._opened, []
        for index in opened:
            index.close()


class Answered(Message):
    """A worker's answer (or error) for the screen that asked."""

    def __init__(self, what: str, value: Any = None, error: Exception | None = None) -> None:
        super().__init__()
        self.what = what
        self.value = value
        self.error = error


class BaseScreen(Screen):
    """A screen that can be rebuilt for history and that asks the index through workers."""

    def remake(self) -> "BaseScreen":
        raise NotImplementedError

    def fetch(self, what: str, query: Callable[[Index], T], group: str | None = None, write: bool = False) -> None:
        """Run `query(index)` in a thread worker; the answer arrives as `Answered(what, value)` on this screen.

        A newer fetch in the same group cancels this one. `write=True` for an edit: it runs to the end even if
        cancelled (only its answer is dropped)."""
        app: HanscopeApp = self.app  # type: ignore[assignment]

        def job() -> None:
            worker = get_current_worker()
            if worker.is_cancelled:
                return
            try:
                value = app.connections.write(query) if write else app.connections.run(query, worker)
            except Exception as err:  # shown to the user as a notification, never a crash
                if not worker.is_cancelled:
                    self.post_message(Answered(what, error=err))
                return
            if not worker.is_cancelled:
                self.post_message(Answered(what, value))

        self.run_worker(job, name=what, group=group or what, exclusive=True, thread=True, exit_on_error=False)

    def export_rows(self, name: str, header: list[str], rows: list[list[Any]], noun: str) -> None:
        """Write a list to CSV and JSON in the export folder and say where."""
        app: HanscopeApp = self.app  # type: ignore[assignment]
        try:
            csv_path, json_path = export(app.export_dir, name, header, rows)
        except OSError as err:
            self.notify(f"Export failed: {err}", severity="error")
            return
        self.notify(f"Exported {len(rows)} {noun} to {csv_path.name} and {json_path.name} in {csv_path.parent}")

    async def on_answered(self, message: Answered) -> None:
        message.stop()
        if message.error is not None:
            self.notify(clean_line(str(message.error)), title=f"Could not load {message.what.replace('_', ' ')}"
                        if message.what != "edited" else "Edit refused", severity="error", timeout=6)
            return
        handler = getattr(self, f"got_{message.what}", None)
        if handler is not None:
            result = handler(message.value)
            if inspect.isawaitable(result):
                await result


class IndexCommands(Provider):
    """Command palette: entities (by any name, typo or initials) and articles (full text)."""

    async def discover(self) -> Hits:
        app: HanscopeApp = self.app  # type: ignore[assignment]
        recent = await asyncio.to_thread(app.ask, lambda ix: ix.articles(limit=8))
        for info in recent:
            yield DiscoveryHit(Text(title_of(info.title, info.source)), lambda i=info.id: app.open_article(i),
                               text=title_of(info.title, info.source), help=f"article #{info.id} · {info.date or ''}")

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
                      help=f"entity · {e.mentions} mentions in {e.articles} articles ({e.how})")
        for rank, a in enumerate(result.articles):
            title = title_of(a.title, a.source)
            yield Hit(0.5 - rank * 0.01, Text.assemble(("article ", "dim"), title), lambda i=a.id: app.open_article(i),
                      text=title, help=clean_line(" · ".join(x for x in (a.outlet, a.date) if x)))


class HanscopeApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "hanscope"
    BINDINGS = bindings_for("global")
    COMMANDS = App.COMMANDS | {IndexCommands}

    def __init__(
        self,
        db_path: Path,
        *,
        entity: str | None = None,
        article: int | None = None,
        compare: tuple[int, int] | None = None,
        export_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.connections = Connections(self.db_path)
        self.connections.index()  # an unusable file fails here, before the app starts
        self.export_dir = export_dir or Path.cwd()
        self.forward: list[Callable[[], Screen]] = []
        self._deep_link = (entity, article, compare)

    def ask(self, query: Callable[[Index], T]) -> T:
        """Run one query on the calling thread's index (for callers already off the UI thread)."""
        return self.connections.run(query)

    def on_mount(self) -> None:
        from .screens.search import SearchScreen

        self.push_screen(SearchScreen())
        entity, article, compare = self._deep_link
        if compare:
            self.open_compare(*compare)
        elif article is not None:
            self.open_article(article)
        elif entity:
            self.open_entity(entity)

    def on_unmount(self) -> None:
        self.connections.close()

    # --- navigation -------------------------------------------------------------------------------

    def navigate(self, screen: BaseScreen) -> None:
        """Open a screen as a new step in history (clears forward history)."""
        self.forward.clear()
        self.push_screen(screen)

    def open_article(self, article_id: int, focus: tuple[int, int] | None = None) -> None:
        from .screens.article import ArticleScreen

        self.navigate(ArticleScreen(article_id, focus=focus))

    def open_entity(self, entity: int | str) -> None:
        from .screens.entity import EntityScreen

        self.navigate(EntityScreen(entity))

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
            self.forward.append(screen.remake)  # type: ignore[attr-defined]
            self.pop_screen()
        elif hasattr(screen, "clear_query"):
            screen.clear_query()

    def action_forward(self) -> None:
        if self.forward and not isinstance(self.screen, ModalScreen):
            self.push_screen(self.forward.pop()())

    def action_focus_search(self) -> None:
        """`/` from anywhere: back to the search screen (forward history keeps where you were)."""
        if getattr(self.screen, "picking", False):
            self.screen.focus_query()  # type: ignore[attr-defined]
            return
        while self._history_depth() > 0 and not isinstance(self.screen, ModalScreen):
            self.forward.append(self.screen.remake)  # type: ignore[attr-defined]
            self.pop_screen()
        if hasattr(self.screen, "focus_query"):
            self.screen.focus_query()

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_numbers(self) -> None:
        from .screens.numbers import NumbersScreen

        if not isinstance(self.screen, NumbersScreen):
            self.navigate(NumbersScreen())

    def action_stories(self) -> None:
        from .screens.stories import StoriesScreen

        if not isinstance(self.screen, StoriesScreen):
            self.navigate(StoriesScreen())

    def action_reload(self) -> None:
        """Forget cached lookups and ask the current screen again: an index may have grown meanwhile."""
        self.connections.refresh()
        reload = getattr(self.screen, "reload", None)
        if reload is not None:
            reload()
        self.notify(f"Reloaded {self.db_path.name}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("focus_search", "help", "numbers", "stories") and isinstance(self.screen, ModalScreen):
            return False
        # In a text box `/` is typed: the footer must not offer it as the search key there.
        if action == "focus_search" and isinstance(self.focused, Input):
            return False
        return True

    # --- clipboard and files ----------------------------------------------------------------------

    def copy(self, text: str, what: str) -> None:
        self.copy_to_clipboard(text)
        self.notify(f"Copied {what} ({len(text)} characters)")


def run_app(
    db_path: Path,
    *,
    entity: str | None = None,
    article: int | None = None,
    compare: tuple[int, int] | None = None,
) -> None:
    """Open the explorer on `db_path`, optionally deep-linked to an entity, an article or a comparison."""
    HanscopeApp(db_path, entity=entity, article=article, compare=compare).run()
