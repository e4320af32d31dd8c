"""Worker processes for an entity edit's re-match: started at the edit's first task, so an edit that reaches a few
articles (a rename: store.linking.touched) starts none, and one that reaches 25k (a retype of 엔비디아 at 100k: 46 s in
one process) matches them on every core."""
from __future__ import annotations

import multiprocessing
import os
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
            from ..pipeline import link_worker_init

            # spawn, not fork: the app's threads (and an analyzer) must not be copied mid-use (DESIGN.md)
            self._pool = ProcessPoolExecutor(self._max_workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=link_worker_init)
        return self._pool.submit(fn, *args)

    @property
    def started(self) -> bool:
        return self._pool is not None

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def edit_pool() -> Iterator[OnDemandPool | None]:
    """Workers for an edit's link on a machine with two cores or more (as many as the indexer takes); None on one."""
    workers = min(os.cpu_count() or 1, 4)
    if workers < 2:
        yield None
        return
    pool = OnDemandPool(workers)
    try:
        yield pool
    finally:
        pool.shutdown()
