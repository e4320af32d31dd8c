"""Indexing into PostgreSQL from several processes at once, and after a kill -9: every article exactly once,
every article linked, the same entities and mentions as SQLite finds in the same folder."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import HANSCOPE, ROOT, SEEDS

GENERATED = 120


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds plus generated articles (bench/make_corpus.py), one file each."""
    folder = tmp_path_factory.mktemp("pg-corpus")
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(GENERATED), str(folder / "gen"),
                    "--workers", "1"], check=True, capture_output=True, timeout=120)
    return folder


@pytest.fixture(scope="module")
def sqlite_counts(corpus, tmp_path_factory):
    proc = _index(corpus, str(tmp_path_factory.mktemp("pg-lite") / "index.db"))
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _create_schema(uri: str) -> None:
    from store.backends import connect

    connect(uri, create=True).close()


def _env():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("HANSCOPE_DB", None)
    return env


def _start(corpus, db: str, workers: int = 0) -> subprocess.Popen:
    return subprocess.Popen([*HANSCOPE, "index", str(corpus), "--db", db, "--json", "--workers", str(workers)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=_env())


def _index(corpus, db: str) -> subprocess.CompletedProcess:
    return subprocess.run([*HANSCOPE, "index", str(corpus), "--db", db, "--json", "--workers", "0"],
                          capture_output=True, text=True, cwd=ROOT, env=_env(), timeout=300)


def _state(uri: str) -> dict:
    import psycopg

    with psycopg.connect(uri) as conn:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "sources": one("SELECT count(DISTINCT source) FROM articles"),
            "files_done": one("SELECT count(*) FROM files WHERE status = 'ok'"),
            "queued": one("SELECT count(*) FROM files WHERE status = 'queued'"),
            "unlinked": one("SELECT count(*) FROM articles WHERE linked = 0"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "entities": one("SELECT count(*) FROM entities WHERE mentions > 0"),
            "fts": one("SELECT count(*) FROM articles_fts"),
        }


def _assert_complete(uri: str, sqlite_counts: dict) -> None:
    total = GENERATED + 5
    state = _state(uri)
    assert state["articles"] == state["sources"] == state["files_done"] == state["fts"] == total, state
    assert state["queued"] == 0 and state["unlinked"] == 0, state
    assert (state["entities"], state["mentions"]) == (sqlite_counts["entities_total"], sqlite_counts["mentions_total"])


def test_two_processes_index_one_folder_together_each_file_once(pg_server, corpus, sqlite_counts):
    uri = pg_server()
    _create_schema(uri)  # both processes start on the queue at once
    first, second = _start(corpus, uri, workers=2), _start(corpus, uri)  # the first claims from two processes
    outputs = [proc.communicate(timeout=300) for proc in (first, second)]
    assert first.returncode == second.returncode == 0, outputs
    summaries = [json.loads(out) for out, _ in outputs]
    # each file was written by exactly one of them: nothing added twice, nothing replaced
    assert sum(s["articles_added"] for s in summaries) == GENERATED + 5, summaries
    assert all(s["articles_removed"] == 0 for s in summaries)
    assert all(s["articles_added"] > 0 for s in summaries), summaries  # both did share the work
    _assert_complete(uri, sqlite_counts)


def test_a_run_killed_mid_way_loses_nothing_and_a_rerun_finishes(pg_server, corpus, sqlite_counts):
    uri = pg_server()
    _create_schema(uri)
    proc = _start(corpus, uri)
    deadline = time.monotonic() + 120
    while _state(uri)["files_done"] < 20 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    killed = _state(uri)
    assert proc.returncode == -signal.SIGKILL and killed["queued"] > 0, killed  # it died mid-run
    assert killed["articles"] == killed["files_done"] == killed["fts"]  # no half-written file
    started = time.monotonic()
    rerun = _index(corpus, uri)
    assert rerun.returncode == 0, rerun.stderr
    assert time.monotonic() - started < 120  # no lease to wait out: the dead session's locks went with it
    summary = json.loads(rerun.stdout)
    assert summary["articles_added"] == GENERATED + 5 - killed["articles"] and summary["articles_removed"] == 0
    _assert_complete(uri, sqlite_counts)
    again = json.loads(_index(corpus, uri).stdout)  # idempotent: nothing left to do
    assert again["articles_added"] == 0 and again["files_unchanged"] == GENERATED + 5


def test_a_claim_aborted_by_a_deadlock_is_claimed_again(pg_server, tmp_path):
    """Another transaction holds the `link_stale` row the claim writes last and then waits for the claimed file:
    PostgreSQL aborts the claim (the indexer's server process detects the deadlock first). The file was still
    queued, so the indexer claims it again and finishes: exit 0, one article, and the server counted a deadlock."""
    import psycopg

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("삼성전자 평택 공장 가동\n\n삼성전자가 평택 공장에서 90만 장을 생산한다.\n", encoding="utf-8")
    uri = pg_server()
    _create_schema(uri)
    with psycopg.connect(uri, autocommit=True) as watcher, psycopg.connect(uri) as other:
        deadlocks = lambda: watcher.execute(  # noqa: E731
            "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()").fetchone()[0]
        before = deadlocks()
        other.execute("SET deadlock_timeout = '60s'")  # this side waits; the indexer's side detects the cycle
        other.execute("INSERT INTO meta(key, value) VALUES ('link_stale', '0') "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value")  # holds the row the claim writes last
        proc = _start(folder, uri)
        deadline = time.monotonic() + 60
        while not watcher.execute("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                  "AND query LIKE '%link_stale%' AND pid <> pg_backend_pid()").fetchone():
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            time.sleep(0.05)
        other.execute("SELECT id FROM files FOR UPDATE").fetchall()  # waits for the claimed file: the cycle
        other.rollback()
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert json.loads(out)["articles_added"] == 1
        assert watcher.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        deadline = time.monotonic() + 10  # the server's statistics arrive a little after the transaction ends
        while deadlocks() == before and time.monotonic() < deadline:
            watcher.execute("SELECT pg_stat_clear_snapshot()")
            time.sleep(0.2)
        assert deadlocks() > before
