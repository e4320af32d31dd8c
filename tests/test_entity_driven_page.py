"""A query without words that names an @entity (with filters, exclusions or other entities) is read from that entity's
rows, newest day first: the page is the same as sorting every hit by date to the minute, then id (or the oldest
first for sort:old, the undated last), at every offset; and counts, capped or not, are every hit's."""
from __future__ import annotations

import json

import pytest

import store.article_walk as article_walk
from store.api import Index
from store.db import connect
from store.indexer import index_paths
from store.query import parse
from store.search import SearchPlan

TOPICS = ["반도체 투자를 늘렸다", "HBM 공급을 논의했다", "웨이퍼 90만 장을 확보했다", "실적 발표를 앞뒀다"]


def article(i: int) -> dict:
    """삼성전자 in every one; SK하이닉스 in every third; a topic in turn; several an hour apart on one day, some undated."""
    body = f"삼성전자는 {TOPICS[i % 4]}." + (" SK하이닉스와 오픈AI도 함께했다." if i % 3 == 0 else "")
    record = {"title": f"기사 {i}", "body": body, "outlet": ["한빛일보", "나라경제", "누리뉴스"][i % 3]}
    if i % 7 != 6:  # every seventh undated
        day = 1 + i // 4  # four articles a day
        record["date"] = f"2025-10-{day:02d} {23 - i % 4:02d}:{i:02d}" if i % 2 else f"2025-10-{day:02d}"
    return record


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Index:
    folder = tmp_path_factory.mktemp("news")
    for i in range(40):
        (folder / f"a{i:02d}.json").write_text(json.dumps(article(i), ensure_ascii=False), encoding="utf-8")
    conn = connect(folder / "i.db", create=True)
    try:
        index_paths(conn, [folder], workers=0)
    finally:
        conn.close()
    opened = Index.open(folder / "i.db")
    yield opened
    opened.close()


def in_order(index: Index, query: str) -> list[int]:
    """Every hit, sorted by hand: newest date (to the minute) first then by id, or oldest first, the undated last."""
    plan = SearchPlan(index, parse(query))
    ids = [row[0] for row in index._rows(f"SELECT a.id FROM articles a WHERE {plan.where}", plan.where_params)]
    dates = dict(index._rows("SELECT id, date FROM articles WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),)))
    if plan.sort == "old":
        return sorted(ids, key=lambda i: (dates[i] is None, dates[i] or "", i))
    return sorted(ids, key=lambda i: (dates[i] or "", -i), reverse=True)


QUERIES = ["@삼성전자", "@삼성전자 sort:old", "@삼성전자 -반도체", "@삼성전자 -HBM sort:old", "@삼성전자 @SK하이닉스",
           "@삼성전자 -@SK하이닉스 after:2025-10-03", "@삼성전자 date:2025-10-05..2025-10-07", "@삼성전자 before:2025-10-04",
           "@오픈AI -웨이퍼", "@삼성전자 -(반도체 OR 웨이퍼)", "@오픈AI outlet:한빛일보 -\"90만 장\"", "@삼성전자 date:2023-01"]


@pytest.fixture(params=["batches of 1", "batches of 3", "batches of 256", "at each row"])
def walk(request, monkeypatch):
    """How a page reads an entity's rows with conditions with words: a batch at a time with the words asked of the
    batch's days (a common entity: every one here), or the words asked at each row (a rare entity)."""
    if request.param == "at each row":
        monkeypatch.setattr(article_walk, "DENSE_ENTITY_SHARE", 0)
    else:
        monkeypatch.setattr(article_walk, "WALK_BATCH", int(request.param.split()[-1]))
    return request.param


@pytest.mark.parametrize("query", QUERIES)
def test_every_page_is_the_hits_sorted_by_date_to_the_minute(index, query, walk):
    assert SearchPlan(index, parse(query)).driving_entity is not None
    expected = in_order(index, query)
    for size in (1, 3, 4, 7):  # pages that end inside a day, at its end, across several days
        pages = [hit.id for offset in range(0, len(expected) + size, size)
                 for hit in index.search(query, limit=size, offset=offset, exact_count=False).articles]
        assert pages == expected, size
    assert [hit.id for hit in index.search(query, limit=None).articles] == expected


@pytest.mark.parametrize("query", QUERIES)
def test_counts_capped_or_not_are_every_hits(index, query, walk):
    plan = SearchPlan(index, parse(query))
    expected = len(in_order(index, query))
    assert plan.count() == expected
    assert plan.count(cap=5) == min(5, expected)


def test_a_common_entitys_rows_have_their_words_asked_a_batch_at_a_time(index, monkeypatch):
    """With an entity that names many articles, a page and a capped count ask FTS5 for the words over each batch's
    days, never at a row: at 1M `@삼성전자 -HBM` probed ~2,000 rows, each seeking HBM's terms in every search
    segment, for its first 10 (1.8 s); a rare entity's few rows still ask at each."""
    def statements(query: str) -> list[str]:
        seen: list[str] = []
        index.db.set_trace_callback(seen.append)
        try:
            index.search(query, limit=5, exact_count=False)
        finally:
            index.db.set_trace_callback(None)
        return [s for s in seen if "articles_fts MATCH" in s]
    monkeypatch.setattr(article_walk, "WALK_BATCH", 8)
    asked = statements("@삼성전자 -반도체")
    assert asked and all("rowid >= " in s for s in asked), asked  # over the batches' days, read along the walk
    # one read of the words for each part (dated, undated) of each walk (the page's, the count's), not one a batch
    assert len(asked) <= 4 and len(in_order(index, "@삼성전자")) > 4 * 8, asked
    assert not any("ae.recency >> 28 << 28 | ae.article_id" in s for s in asked)
    monkeypatch.setattr(article_walk, "DENSE_ENTITY_SHARE", 0)  # as for an entity in under 1 article of 200
    assert any("ae.recency >> 28 << 28 | ae.article_id" in s for s in statements("@삼성전자 -반도체"))


def test_a_keystrokes_count_of_a_common_entity_stops_once_it_has_read_enough(index, monkeypatch):
    """As the article walk's (test_batch_conditions): past COUNT_WALK_READ rows read, a keystroke's count of
    `@삼성전자 -반도체` stops with more hits than the page, and says it is a lower bound."""
    expected = in_order(index, "@삼성전자 -반도체")
    monkeypatch.setattr(article_walk, "WALK_BATCH", 3)
    monkeypatch.setattr("store.batch_conditions.COUNT_WALK_READ", 1)
    stopped = index.search("@삼성전자 -반도체", limit=2, exact_count=False)
    assert [hit.id for hit in stopped.articles] == expected[:2]
    assert not stopped.total_exact and 3 <= stopped.total_articles < len(expected)
    assert index.facets_and_count("@삼성전자 -반도체")[1] == len(expected) == 30


@pytest.mark.parametrize("query", ["-HBM outlet:한빛 outlet:누리", "-HBM outlet:한빛 outlet:나라 sort:old",
                                   "(@SK하이닉스 OR 실적) outlet:나라 outlet:누리"])
@pytest.mark.parametrize("batch", [1, 256])
def test_several_outlets_walked_apart_merge_in_the_pages_order(index, monkeypatch, query, batch):
    """Articles of one day with no time, in different outlets, come in id order across the outlets' walks."""
    monkeypatch.setattr(article_walk, "WALK_BATCH", batch)
    expected = in_order(index, query)
    assert len(expected) >= 6
    pages = [hit.id for offset in range(0, len(expected) + 4, 4)
             for hit in index.search(query, limit=4, offset=offset, exact_count=False).articles]
    assert pages == expected


def test_the_queries_find_what_they_should(index):
    assert index.search("@삼성전자 date:2023-01", limit=None).articles == []
    assert len(in_order(index, "@삼성전자")) == 40
    assert 0 < len(in_order(index, "@삼성전자 -반도체")) < 40
    hits = index.search("@삼성전자 -반도체", limit=None).articles
    assert all("반도체" not in hit.snippet for hit in hits)
    # of one day, the article written at 23:xx comes before the one of the same day with no time, and a later day first
    dates = [hit.date for hit in index.search("@삼성전자", limit=None).articles if hit.date]
    assert dates == sorted(dates, reverse=True)


def test_an_outlet_that_names_fewer_articles_than_the_entity_drives_instead(index):
    assert SearchPlan(index, parse("@삼성전자 after:2025-10-03")).driving_entity is not None
    assert SearchPlan(index, parse("@삼성전자 outlet:한빛일보")).driving_entity is None  # 14 articles against 40
    assert SearchPlan(index, parse("반도체 @삼성전자")).driving_entity is None  # words drive


WORDS_WITH_A_RARE_ENTITY = {  # query: whether an entity's rows are what FTS5 matches
    "반도체 @SK하이닉스": True, "웨이퍼 @오픈AI sort:old": True, "반도체 @SK하이닉스 @오픈AI": True, "투자 @SK하이닉스 -웨이퍼": True,
    "반도체 @SK하이닉스 outlet:한빛일보": True, "공급을 @오픈AI sort:new": True, "반도체 @삼성전자 -@오픈AI": True,
    "90만 장 @오픈AI after:2025-10-05": True,  # the amount's spacings no article writes are left out: a few terms
    "반도체 (@SK하이닉스 OR @오픈AI)": False,  # within OR, FTS5 would be asked apart for each branch, which MATCH refuses
    "반도체 -@오픈AI": False,  # an excluded entity's rows cannot be what matches
}


def test_words_of_over_ten_terms_are_not_asked_at_each_row_of_a_rare_entity(index, monkeypatch):
    monkeypatch.setattr("store.plan_binding.absent_terms", lambda conn, terms: set())  # every spacing of 90만 장 asked
    plan = SearchPlan(index, parse("90만 장 @오픈AI after:2025-10-05"))
    assert plan.driver.count('"') // 2 > 10 and "articles_fts.rowid IN" not in plan.where  # each at a row costs more


def whole_answer(index: Index, query: str):
    pages = [[hit.id for hit in index.search(query, limit=3, offset=offset, exact_count=False).articles]
             for offset in range(0, 15, 3)]
    every = index.search(query, limit=None)
    return pages, [(hit.id, hit.score) for hit in every.articles], every.total_articles, index.facets_and_count(query)


@pytest.mark.parametrize("query", WORDS_WITH_A_RARE_ENTITY)
def test_short_words_with_a_rare_entity_match_at_its_rows_with_the_same_answer(index, query, monkeypatch):
    assert ("articles_fts.rowid IN" in SearchPlan(index, parse(query)).where) == WORDS_WITH_A_RARE_ENTITY[query]
    at_rows = whole_answer(index, query)
    monkeypatch.setattr("store.plan_binding.RARE_AT_ROW", 0)  # every entity probed at each of the words' hits, as before
    assert "articles_fts.rowid IN" not in SearchPlan(index, parse(query)).where
    assert whole_answer(index, query) == at_rows and at_rows[2] > 0
