"""The app's per-thread connections: closing them while a worker still queries must not pull a connection from
under that worker (SQLite then reads freed memory; the suite once died of it when the app quit mid-query)."""
from __future__ import annotations

import sqlite3
import threading
import time

from store.api import QueryCancelled
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
        except (sqlite3.Error, RuntimeError, QueryCancelled) as err:
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
    assert "value" in outcome or isinstance(error, (sqlite3.OperationalError, RuntimeError, QueryCancelled)), outcome
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


COUNT_TO = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?) SELECT count(*) FROM c"


class Worker:
    is_cancelled = False


def test_interrupt_stops_a_cancelled_background_query_at_once(seeds_db):
    """A newer keystroke cancels the last query's facets: `interrupt` stops them now, from the keystroke's thread,
    not at the background thread's next (seldom) progress check."""
    connections = Connections(seeds_db)
    worker, outcome = Worker(), {}

    def facets():
        started = time.monotonic()
        try:
            connections.run_background(lambda ix: ix._rows(COUNT_TO, (10**9,)), worker)  # minutes if not stopped
        except sqlite3.OperationalError as err:
            outcome["error"] = err
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=facets)
    thread.start()
    time.sleep(0.3)
    worker.is_cancelled = True
    connections.interrupt(worker)
    thread.join(10)
    assert "interrupted" in str(outcome.get("error")) and outcome["seconds"] < 2, outcome
    # the thread's connection answers its next query: no interrupt is left pending on it
    assert connections.run_background(lambda ix: ix.article_count(), Worker()) == 5
    connections.interrupt(worker)  # a worker whose query has ended: nothing to stop, nothing raised
    connections.close()


def test_a_cancel_between_statements_stops_the_next_one(seeds_db):
    """Facets are several statements: SQLite's interrupt, called while none runs, does nothing, and the next one
    ran to its end (round 11's trace: facets went on 7-70 ms into the next keystroke). It must not start."""
    connections = Connections(seeds_db)
    worker, ran = Worker(), []

    def facets(ix):
        ran.append(ix._rows("SELECT count(*) FROM articles")[0][0])
        worker.is_cancelled = True  # the keystroke comes between the two statements
        connections.interrupt(worker)
        ran.append(ix._rows(COUNT_TO, (10**9,)))  # minutes if it started
        return ran

    started = time.monotonic()
    try:
        connections.run_background(facets, worker)
    except QueryCancelled:
        pass
    else:
        raise AssertionError("the statement after the cancel ran")
    assert ran == [5] and time.monotonic() - started < 2
    assert connections.run_background(lambda ix: ix.article_count(), Worker()) == 5  # the next query is not stopped
    connections.close()


def test_a_background_query_takes_the_gil_for_few_progress_checks(seeds_db, monkeypatch):
    """Each progress check is a Python call, so a low-priority thread takes the GIL for it; preempted while holding
    it, it held up the app's keystroke. A background query's checks come ~40x less often than a foreground one's."""
    connections = Connections(seeds_db)
    checks = {"n": 0}
    should_stop = connections._should_stop

    def counted():
        checks["n"] += 1
        return should_stop()

    monkeypatch.setattr(connections, "_should_stop", counted)
    steps = (10**6,)  # ~7M VM steps
    connections.run(lambda ix: ix._rows(COUNT_TO, steps), Worker())
    foreground, checks["n"] = checks["n"], 0
    connections.run_background(lambda ix: ix._rows(COUNT_TO, steps), Worker())
    assert foreground >= 50 and checks["n"] * 20 <= foreground, (foreground, checks["n"])
    connections.close()
