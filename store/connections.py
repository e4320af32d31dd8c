"""One read connection per thread over one index, for a UI that queries from worker threads.

Datasette's pattern: each thread gets its own `Index` (SQLite in WAL mode runs readers side by side,
so a slow drill-down never holds up the next keystroke's search), and writes go through one lock. A query asked
for a worker is interrupted (sqlite3.OperationalError) once that worker says it is cancelled: at once when its owner
calls `interrupt(worker)`, else at the query's next progress check; and none of its later statements starts.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol, TypeVar

from .api import Index

T = TypeVar("T")

CLOSE_WAIT = 2.0  # seconds close() waits for a thread's query to stop before leaving its connection open
CHECK_EVERY = 50_000  # SQLite VM steps between cancellation checks: ~1.5 ms of query time
# A background thread checks seldom (~50 ms of query time): its owner interrupts it (`interrupt`). Each check is a
# Python call, so the nice-10 thread takes the GIL for it, and one preempted while holding it (the app's threads
# outrank it) makes them wait. (Suspected in round 9's trace of slow searches after cancelled facets; round 10's A/B
# showed no change in the typing p95 either way: BENCHMARKS.md.)
CHECK_EVERY_BACKGROUND = 2_000_000
BACKGROUND_THREADS = 2  # facets and a preview at once, neither waiting for the other
BACKGROUND_NICE = 10  # CFS gives a nice-10 thread ~1/9 of a nice-0 one's share when both want a core


_thread_kind = threading.local()


def _lower_priority() -> None:
    """Make this thread yield the CPU to the app's others (Linux sets niceness per thread; elsewhere a no-op)."""
    _thread_kind.background = True
    try:
        # relative to the app's own niceness (the main thread's: its id is the pid), so `nice hanscope` still ranks them
        own = os.getpriority(os.PRIO_PROCESS, os.getpid())
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), min(19, own + BACKGROUND_NICE))
    except (AttributeError, OSError):
        pass


class Cancellable(Protocol):
    """What a query's owner tells: whether it still wants the answer (a Textual Worker is one)."""

    @property
    def is_cancelled(self) -> bool: ...


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
        self._opened: list[tuple[Index, threading.RLock]] = []  # each thread's index and the lock its queries hold
        self._opened_lock = threading.Lock()
        self._generation = 0
        self._closing = False
        self._background: ThreadPoolExecutor | None = None
        self._running: dict[int, object] = {}  # id(worker) -> the connection its query runs on, while it runs

    def index(self) -> Index:
        """This thread's index (opened now if it has none), refreshed if the index changed since its last query."""
        local = self._local
        index: Index | None = getattr(local, "index", None)
        if index is None:
            index = Index.open(self.db_path)
            background = getattr(_thread_kind, "background", False)
            index.db.set_progress_handler(self._should_stop, CHECK_EVERY_BACKGROUND if background else CHECK_EVERY)
            index.stop_requested = self._should_stop  # between statements, where SQLite's interrupt does nothing
            with self._opened_lock:
                if self._closing:
                    index.close()
                    raise RuntimeError("the app is closing")
                local.busy = threading.RLock()
                self._opened.append((index, local.busy))
            local.index, local.generation, local.worker = index, self._generation, None
        elif local.generation != self._generation:
            local.generation = self._generation
            index.refresh()
        return index

    def _should_stop(self) -> bool:
        worker: Cancellable | None = getattr(self._local, "worker", None)
        return self._closing or (worker is not None and worker.is_cancelled)

    def run(self, query: Callable[[Index], T], worker: Cancellable | None = None) -> T:
        """`query(index)` on this thread's index, interrupted if `worker` is cancelled meanwhile."""
        index = self.index()
        self._local.worker = worker
        cancel_when = getattr(index.db, "cancel_when", None)  # a server connection (store.backends.postgres)
        try:
            with self._local.busy:  # close() waits for this: closing a connection mid-query can crash the process
                if self._closing:
                    raise RuntimeError("the app is closing")
                if worker is not None:
                    with self._opened_lock:
                        self._running[id(worker)] = index.db
                if worker is not None and cancel_when is not None:
                    with cancel_when(lambda: self._closing or worker.is_cancelled):
                        return query(index)
                return query(index)
        finally:
            self._local.worker = None
            if worker is not None:
                with self._opened_lock:
                    self._running.pop(id(worker), None)

    def interrupt(self, worker: Cancellable) -> None:
        """Stop the query a cancelled worker is running now, from the canceller's thread (SQLite's and the server's
        interrupt are safe to call from any thread). Between two of its statements, its next one does not start
        (`Index.stop_requested`)."""
        with self._opened_lock:
            db = self._running.get(id(worker))
            # A server's cancel is a round trip: its own watcher thread sends it (`cancel_when`), not the caller's
            if db is not None and getattr(db, "cancel_when", None) is None:
                db.interrupt()

    def run_background(self, query: Callable[[Index], T], worker: Cancellable | None = None) -> T:
        """`run`, on a thread of lower CPU priority: for what follows an answer (facets over every hit, a preview),
        which on two cores otherwise takes a core from the next keystroke's search. The caller's thread waits."""
        with self._opened_lock:
            if self._background is None:
                self._background = ThreadPoolExecutor(BACKGROUND_THREADS, "hanscope-background", _lower_priority)
        return self._background.submit(self.run, query, worker).result()

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
        """Close every thread's index once its query has stopped: a running one is interrupted at its next progress
        check (~1.5 ms). One that does not stop within CLOSE_WAIT is left open for the process's exit: closing a
        SQLite connection while another thread steps a statement on it crashed the interpreter (seen in the suite)."""
        with self._opened_lock:
            self._closing = True
            opened, self._opened = self._opened, []
            background, self._background = self._background, None
        for index, busy in opened:
            if busy.acquire(timeout=CLOSE_WAIT):
                try:
                    index.close()
                finally:
                    busy.release()
        if background is not None:
            background.shutdown(wait=False, cancel_futures=True)
