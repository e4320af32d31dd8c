"""A PostgreSQL connection that the store's code can use as it uses sqlite3's: `execute(sql, params)` with `?`
placeholders, cursors to fetch from or iterate, `with conn:` as one transaction, and sqlite_utils' `.conn` and
`.query` (the linker's). SQL is rewritten once per statement text (dialect.py).

Failures: a server that goes away mid-command raises DatabaseError with one line, the URI's password masked.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager

import psycopg
from psycopg.types.numeric import FloatLoader

from ...db import DatabaseError
from .dialect import translate
from .fulltext import ExpressionError, tsquery


CANCEL_POLL = 0.02  # seconds between checks whether a running query's owner still wants it


class TransactionAborted(DatabaseError):
    """PostgreSQL rolled the transaction back for another one's sake (a deadlock, a serialization failure):
    nothing of it was written, and running it again is the documented remedy."""


def rolled_back(err: Exception) -> bool:
    """Whether PostgreSQL aborted the transaction for another's sake: SQLSTATE class 40 (40P01 deadlock_detected,
    40001 serialization_failure; psycopg's classes for them do not share a base)."""
    return str(getattr(err, "sqlstate", None) or "").startswith("40")


class PgConnection:
    backend = "postgres"

    def __init__(self, raw: psycopg.Connection, shown: str, uri: str) -> None:
        self.raw = raw
        self.shown = shown  # the URI with its password masked: the only form that may be printed
        self._uri = uri  # for worker processes to connect with; never printed
        self._transactions: list = []
        # sum() over integers is numeric in PostgreSQL: read numerics as floats, as SQLite gives them
        raw.adapters.register_loader("numeric", FloatLoader)

    # --- sqlite3's surface --------------------------------------------------------------------------

    def execute(self, sql: str, params: Sequence | None = (), *, raw: bool = False) -> psycopg.Cursor:
        """Run one statement (`raw`: PostgreSQL SQL as it is, several statements allowed, no parameters)."""
        cursor = self.raw.cursor()
        try:
            if raw:
                cursor.execute(sql)
            else:
                text, fts = translate(sql)
                cursor.execute(text, _bind(params, fts))
        except psycopg.OperationalError as err:
            raise self._lost(err) from None
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> None:
        text, fts = translate(sql)
        rows = [_bind(row, fts) for row in rows]
        if not rows:
            return
        try:
            with self.raw.cursor() as cursor:
                cursor.executemany(text, rows)
        except psycopg.OperationalError as err:
            raise self._lost(err) from None

    def __enter__(self) -> "PgConnection":
        transaction = self.raw.transaction()
        transaction.__enter__()
        self._transactions.append(transaction)
        return self

    def __exit__(self, *exc) -> bool:
        try:
            return bool(self._transactions.pop().__exit__(*exc))
        except psycopg.OperationalError as err:
            raise self._lost(err) from None

    def commit(self) -> None:
        """Statements outside `with conn:` commit as they run (autocommit): nothing is pending."""

    def close(self) -> None:
        self.raw.close()

    def set_progress_handler(self, handler, steps: int) -> None:
        """SQLite's cancellation hook; a PostgreSQL query is cancelled with `interrupt()` instead."""

    def interrupt(self) -> None:
        self.raw.cancel_safe()

    @contextmanager
    def cancel_when(self, stop: Callable[[], bool], every: float = CANCEL_POLL) -> Iterator[None]:
        """While the block runs, ask the server to cancel the running statement once `stop()` is true: SQLite's
        progress handler, for a server (a newer keystroke's search makes the older one stop)."""
        done = threading.Event()

        def watch() -> None:
            while not done.wait(every):
                if stop():
                    self.interrupt()
                    return

        watcher = threading.Thread(target=watch, name="hanscope-cancel", daemon=True)
        watcher.start()
        try:
            yield
        finally:
            done.set()

    # --- sqlite_utils' surface (store.linker, store.indexer) ------------------------------------------

    @property
    def conn(self) -> "PgConnection":
        return self

    def query(self, sql: str, params: Sequence = ()) -> Iterator[dict]:
        cursor = self.execute(sql, params)
        names = [c.name for c in cursor.description or ()]
        for row in cursor:
            yield dict(zip(names, row))

    def _lost(self, err: Exception) -> DatabaseError:
        reason = " ".join(str(err).split()) or type(err).__name__
        kind = TransactionAborted if rolled_back(err) else DatabaseError
        return kind(f"PostgreSQL at {self.shown} failed: {reason[:300]}")


def _bind(params: Sequence | None, fts: tuple[int, ...]) -> tuple:
    params = tuple(params or ())
    if not fts:
        return params
    params = list(params)
    for i in fts:
        try:
            params[i] = tsquery(params[i])
        except ExpressionError as err:  # a bug in the store's own SQL, never user text
            raise ValueError(f"not a full-text expression: {err}") from None
    return tuple(params)
