"""The app's per-thread connections: closing them while a worker still queries must not pull a connection from
under that worker (SQLite then reads freed memory; the suite once died of it when the app quit mid-query)."""
from __future__ import annotations

import sqlite3
import threading
import time

from store.connections import Connections


def test_close_waits_for_a_running_query_then_interrupts_it(seeds_db):
    connections = Connections(seeds_db)
    started, gate, outcome = threading.Event(), threading.Event(), {}

    def query(ix):  # the worker is inside its query (between statements) when the app closes
        started.set()
        gate.wait(5)
        return ix._rows("SELECT count(*) FROM articles WHERE title LIKE ?", ("%삼성%",))

    def worker():
        try:
            outcome["value"] = connections.run(query)
        except (sqlite3.Error, RuntimeError) as err:
            outcome["error"] = err

    thread = threading.Thread(target=worker)
    thread.start()
    assert started.wait(5)
    closer = threading.Thread(target=connections.close)
    closer.start()
    time.sleep(0.2)
    assert closer.is_alive()  # waiting for the worker's query, not closing its connection under it
    gate.set()
    thread.join(5)
    closer.join(5)
    assert not closer.is_alive()
    # the query ran on an open connection: it answered, or stopped at the progress check (the app is closing),
    # never "Cannot operate on a closed database"
    error = outcome.get("error")
    assert "value" in outcome or isinstance(error, (sqlite3.OperationalError, RuntimeError)), outcome
    assert "closed" not in str(error or "")


def test_after_close_a_thread_is_told_the_app_is_closing(seeds_db):
    connections = Connections(seeds_db)
    assert connections.run(lambda ix: ix.article_count()) == 5
    connections.close()
    try:
        connections.run(lambda ix: ix.article_count())
    except RuntimeError as err:
        assert "closing" in str(err)
    else:
        raise AssertionError("a closed pool answered")
