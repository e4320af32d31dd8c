"""The link's recount on PostgreSQL is planned on statistics that count the link's own rows.

Round 9's 5k team bench: the last step of a link, `UPDATE entities … FROM (SELECT entity_id, sum(mentions), count(*)
FROM article_entities GROUP BY entity_id)`, ran for over 5 minutes as a nested loop that re-read all of
article_entities for every entity, planned on statistics another session had taken while the link's rows were
still uncommitted (they said the tables were empty). Here that session's ANALYZE is made to happen at that moment."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEEDS

RECOUNT = ("UPDATE entities SET mentions = c.n, articles = c.a FROM (SELECT entity_id, sum(mentions) AS n, "
           "count(*) AS a FROM article_entities GROUP BY entity_id) AS c WHERE c.entity_id = entities.id")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pg-link-corpus")
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "80", str(folder / "gen"),
                    "--workers", "1"], check=True, capture_output=True, timeout=120)
    return folder


def _nodes(plan: dict):
    yield plan
    for child in plan.get("Plans", ()):
        yield from _nodes(child)


def test_the_recount_is_planned_on_the_links_own_rows_after_another_sessions_analyze(pg_server, corpus, monkeypatch):
    psycopg = pytest.importorskip("psycopg")
    import store.backends.postgres.indexer as pg_indexer
    from store import linker
    from store.backends import connect

    uri = pg_server()
    db = connect(uri, create=True)
    try:
        # the files phase of `hanscope index` (every file written, nothing linked yet; the run's ANALYZE at its end)
        with monkeypatch.context() as files_only:
            files_only.setattr(pg_indexer, "_global_steps", lambda db: None)
            pg_indexer.index_paths(db, [corpus], workers=0)
        seen: dict = {}
        real_recount = linker.recount

        def recount_after_another_analyze(conn):
            with psycopg.connect(uri, autocommit=True) as other:  # sees none of the link's rows
                other.execute("ANALYZE article_entities, entities")
                seen["stale"] = dict(other.execute(
                    "SELECT relname, reltuples FROM pg_class WHERE relname IN ('article_entities', 'entities')"))
            real_recount(conn)
            seen["rows"] = conn.raw.execute("SELECT count(*) FROM article_entities").fetchone()[0]
            seen["plan"] = conn.raw.execute("EXPLAIN (FORMAT JSON) " + RECOUNT).fetchone()[0][0]["Plan"]

        monkeypatch.setattr(linker, "recount", recount_after_another_analyze)
        linker.link(db, rules=True)
        assert seen["stale"] == {"article_entities": 0.0, "entities": 0.0}  # what the other session recorded
        # with the drill-down's covering index there (round 9's plan went through it)
        assert db.raw.execute("SELECT to_regclass('article_entities_recency_mentions') IS NOT NULL").fetchone()[0]
        assert seen["rows"] > 1000
        nodes = list(_nodes(seen["plan"]))
        kinds = [node["Node Type"] for node in nodes]
        assert "Nested Loop" not in kinds, json.dumps(seen["plan"], indent=1)
        scanned = [node for node in nodes if node.get("Relation Name") == "article_entities"]
        assert scanned and scanned[0]["Plan Rows"] > seen["rows"] / 2  # the estimate counts the link's rows
        # and the counts it wrote are the rows' (the recount ran once, in the link's transaction)
        wrong = db.raw.execute(
            "SELECT count(*) FROM entities e LEFT JOIN (SELECT entity_id, sum(mentions) AS n, count(*) AS a "
            "FROM article_entities GROUP BY entity_id) c ON c.entity_id = e.id "
            "WHERE e.mentions <> coalesce(c.n, 0) OR e.articles <> coalesce(c.a, 0)").fetchone()[0]
        assert wrong == 0
    finally:
        db.close()
