"""Worker processes for a link that may reach many articles or few (an entity edit; an index run with few files to
extract, whose link may re-match every article on new rules): started at the link's first task, so an edit that
reaches a few articles (a rename: store.linking.touched) starts none, and one that reaches 25k (a retype of 엔비디아 at
100k: 46 s in one process) matches them on every core."""
from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager


class OnDemandPool:
    """The part of ProcessPoolExecutor the linker uses (`submit`, `_max_workers`), its processes started when the
    first task is submitted."""

    def __init__(self, workers: int) -> None:
        self._max_workers = workers  # ProcessPoolExecutor's name for it: the linker sizes its chunks by it
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, fn, /, *args) -> Future:
        if self._pool is None:
            from ..pipeline import link_worker_init  # its imports (cleaning, numbers) only once workers start

            with _stderr_with_a_descriptor() as in_app:
                # spawn, not fork: the app's threads (and an analyzer) must not be copied mid-use (DESIGN.md)
                self._pool = ProcessPoolExecutor(self._max_workers, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=link_worker_init, initargs=(in_app,))
                return self._pool.submit(fn, *args)  # the first submit starts the processes
        return self._pool.submit(fn, *args)

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _stderr_with_a_descriptor() -> Iterator[bool]:
    """multiprocessing hands its resource tracker sys.stderr's file descriptor. Inside the app, Textual captures
    stderr (no descriptor), and starting the workers failed with "bad value(s) in fds_to_keep": there the tracker
    is given /dev/null for the while (True: the workers should keep quiet too, their terminal is the app's)."""
    try:
        usable = sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        yield False
        return
    captured = sys.stderr
    with open(os.devnull, "w") as null:
        sys.stderr = null
        try:
            yield True
        finally:
            sys.stderr = captured


@contextmanager
def on_demand_workers() -> Iterator[OnDemandPool | None]:
    """Workers for an edit's link (or an index run's with few files to extract) on a machine with two cores or more,
    as many as the indexer takes; None on one."""
    workers = min(os.cpu_count() or 1, 4)
    if workers < 2:
        yield None
        return
    pool = OnDemandPool(workers)
    try:
        yield pool
    finally:
        pool.shutdown()
