"""Facets counted in one pass over the hits, the same months, outlets, entity counts and total as counting every hit
by hand: a query without words to drive the scan (an @entity with filters or exclusions, filters alone), read from
the @entity's own rows unless an `outlet:` names fewer articles; words with @entities named or excluded."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import store.facets
from store.api import Index
from store.db import connect
from store.indexer import index_paths
from store.query import parse
from store.search import SearchPlan
from store.textindex import fts_rowid

ARTICLES = [  # (outlet, date, body); two articles of one day at different hours, one undated, one without outlet
    ("한빛일보", "2025-10-01 09:00", "삼성전자와 SK하이닉스가 HBM 공급 계약을 맺었다. 웨이퍼 수요는 월 90만장이다."),
    ("한빛일보", "2025-10-02 08:10", "삼성전자는 반도체 투자를 늘린다고 밝혔다. 이재용 회장이 현장을 찾았다."),
    ("나라경제", "2025-10-02 17:45", "오픈AI는 삼성전자와 협력의향서를 체결했다. 웨이퍼 90만 장이 필요하다."),
    ("나라경제", "2025-11-03", "반도체 업황이 살아나면서 삼성전자의 실적이 개선됐다. SK하이닉스도 웃었다."),
    ("누리뉴스", "2025-11-04", "삼성전자 반도체 부문이 3분기 영업이익 12조원을 기록했다."),
    (None, "2025-11-05", "출처가 적히지 않은 글에도 삼성전자와 오픈AI가 나온다."),
    ("가온신문", None, "날짜 없는 기사에서 삼성전자는 HBM4 샘플을 SK하이닉스보다 먼저 보냈다."),
    ("가온신문", "2025-12-01", "SK하이닉스는 웨이퍼 투자를 늘린다."),
]
QUERIES = ["@삼성전자 after:2025-10-02", "@삼성전자 -반도체", "@삼성전자 @SK하이닉스", "@삼성전자 -@SK하이닉스",
           "@삼성전자 outlet:한빛일보", "@삼성전자 -outlet:나라경제", "@오픈AI before:2025-11-01", "@삼성전자 sort:old -웨이퍼",
           "@SK하이닉스 date:2025-11", "outlet:가온신문", "after:2025-11-01", "-반도체", "-웨이퍼 sort:old",
           "@삼성전자 OR @오픈AI", "@삼성전자 outlet:없는신문", "@삼성전자", "@삼성전자 sort:old", "@SK하이닉스",
           "sort:old", "sort:new"]


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Index:
    folder = tmp_path_factory.mktemp("news")
    for i, (outlet, date, body) in enumerate(ARTICLES):
        record = {"title": f"기사 {i}", "body": body, **({"outlet": outlet} if outlet else {}),
                  **({"date": date} if date else {})}
        (folder / f"a{i:02d}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    db_path = folder / "i.db"
    conn = connect(db_path, create=True)
    try:
        index_paths(conn, [folder], workers=0)
    finally:
        conn.close()
    opened = Index.open(db_path)
    yield opened
    opened.close()


def by_hand(index: Index, query: str, span: int, words: bool = False):
    """Every hit read from the articles: outlets, months, and the entities of the newest (or oldest) `span` hits
    (with `words`, newest by search row: day, then id, as the words' hits are read)."""
    ids = [hit.id for hit in index.search(query, limit=None).articles]
    rows = index._rows("SELECT id, outlet, date FROM articles WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))
    outlets: dict[str, int] = {}
    months: dict[str, int] = {}
    for _, outlet, date in rows:
        if outlet:
            outlets[outlet] = outlets.get(outlet, 0) + 1
        if date:
            months[date[:7]] = months.get(date[:7], 0) + 1
    if words:
        kept = sorted(rows, key=lambda r: fts_rowid(r[0], r[2]), reverse="sort:old" not in query)[:span]
    elif "sort:old" in query:  # undated last, then by date, then by id
        kept = sorted(rows, key=lambda r: (r[2] is None, r[2] or "", r[0]))[:span]
    else:  # newest date first (to the minute), then by id
        kept = sorted(rows, key=lambda r: (r[2] or "", -r[0]), reverse=True)[:span]
    named: dict[str, int] = {}
    for article_id, *_ in kept:
        for (name,) in index._rows("SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
                                   "WHERE ae.article_id = ?", (article_id,)):
            named[name] = named.get(name, 0) + 1
    return (sorted(outlets.items(), key=lambda o: (-o[1], o[0])), sorted(months.items()), named, len(ids))


@pytest.mark.parametrize("span", [5000, 2])
@pytest.mark.parametrize("query", QUERIES)
def test_the_facets_of_a_query_without_words_count_what_every_hit_counts(index, query, span, monkeypatch):
    monkeypatch.setattr(store.facets, "ENTITY_FACET_SPAN", span)  # 2: which hits are newest decides the counts
    facets, total = index.facets_and_count(query)
    outlets, months, named, hits = by_hand(index, query, span)
    assert (facets.outlet, facets.month, total) == (outlets, months, hits)
    assert {name: n for name, _, n, _ in facets.entity} == named
    assert facets.entity_over == min(hits, span)


@pytest.mark.parametrize("with_numpy", [True, False])  # many word hits as arrays, few in Python
@pytest.mark.parametrize("query", ["HBM -@오픈AI", "웨이퍼 @삼성전자 @SK하이닉스", "반도체 @삼성전자 -@SK하이닉스",
                                   "웨이퍼 -@오픈AI -@삼성전자", "90만 장 @삼성전자", "삼성전자와 -@오픈AI sort:old"])
@pytest.mark.parametrize("span", [5000, 2, 1])
def test_the_facets_of_words_with_entities_named_or_excluded_count_what_every_hit_counts(index, query, with_numpy, span,
                                                                                         monkeypatch):
    monkeypatch.setattr(store.facets, "_numpy_pays", lambda hits: with_numpy)
    monkeypatch.setattr(store.facets, "ENTITY_FACET_SPAN", span)
    facets, total = index.facets_and_count(query)
    outlets, months, named, hits = by_hand(index, query, span, words=True)
    assert (facets.outlet, facets.month, total) == (outlets, months, hits) and hits > 0
    assert {name: n for name, _, n, _ in facets.entity} == named


def test_the_queries_have_hits_and_the_entity_facet_sees_the_minutes_of_a_day(index, monkeypatch):
    # the newest of 삼성전자's articles on 2025-10-02 is the 17:45 one (나라경제, with 오픈AI), not the smaller id
    assert all(index.facets_and_count(q)[1] > 0 for q in QUERIES if "없는신문" not in q)
    monkeypatch.setattr(store.facets, "ENTITY_FACET_SPAN", 1)
    facets, total = index.facets_and_count("@삼성전자 before:2025-10-03 after:2025-10-02")
    assert total == 2 and {name for name, *_ in facets.entity} == {"삼성전자", "오픈AI"}


def test_an_entity_drives_unless_an_outlet_names_fewer_articles(index):
    def source(query: str) -> str:
        return SearchPlan(index, parse(query))._hits_with_dates()[0]

    assert "FROM article_entities ae" in source("@오픈AI after:2025-10-01")  # 2 articles against all of them
    assert "FROM article_entities ae" in source("@오픈AI outlet:한빛일보")  # 2 against 2: the entity still drives
    assert "FROM article_entities ae" not in source("@삼성전자 outlet:누리뉴스")  # 7 against 1
    assert "FROM article_entities ae" not in source("after:2025-10-01")
