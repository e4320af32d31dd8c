"""Facets of words and entities without a filter or words to drive (`-삼성`, `@삼성전자 OR 하이닉스`), worked out as
sets of search rowids over the whole index (store.whole_sets): the same facets as counting every hit by hand, after
articles are changed and removed, and in SQL where the search table is not one row an article."""
from __future__ import annotations

import json
import sqlite3

import pytest

import store.facets
from store.api import Index
from store.db import connect
from store.indexer import index_paths
from store.query import parse
from store.search import SearchPlan
from test_facets_one_pass import ARTICLES, by_hand

# three undated articles: the span may end among them (they follow the dated, by id)
NEWS = ARTICLES + [("가온신문", None, "날짜 없는 글: 오픈AI는 웨이퍼를 사들였다."),
                   (None, None, "날짜도 출처도 없는 글에 SK하이닉스와 이재용 회장이 나온다.")]
QUERIES = ["-삼성전자", "-반도체 sort:old", "@삼성전자 OR 웨이퍼", "(@삼성전자 -HBM) OR 오픈AI는", "-(웨이퍼 OR @SK하이닉스)",
           "-@오픈AI", "@삼성전자 -@SK하이닉스", "-90만 장", "-삼성", "-없는말",
           # date filters: a range of the search rowids and of the entities' rows (both hold the day)
           "@삼성전자 after:2025-10-02", "-반도체 before:2025-11-04", "(@삼성전자 OR 웨이퍼) date:2025-10",
           "-@SK하이닉스 after:2025-11-01 sort:old", "-없는말 date:2025-11",
           # outlet filters: the open index's outlet codes; a name no article has keeps nothing (or, negated, all)
           "-반도체 outlet:한빛일보", "(@삼성전자 OR 웨이퍼) -outlet:나라경제", "-없는말 outlet:없는신문", "-없는말 -outlet:없는신문",
           "@삼성전자 -@SK하이닉스 outlet:한빛 outlet:누리", "-오픈AI는 -outlet:가온신문 after:2025-10-02"]


def write(folder, rows) -> None:
    for i, (outlet, date, body) in enumerate(rows):
        record = {"title": f"기사 {i}", "body": body, **({"outlet": outlet} if outlet else {}),
                  **({"date": date} if date else {})}
        (folder / f"a{i:02d}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def build(folder, db_path, prune: bool = False) -> None:
    conn = connect(db_path, create=True)
    try:
        index_paths(conn, [folder], workers=0, prune=prune)
    finally:
        conn.close()


@pytest.fixture()
def db_path(tmp_path):
    write(tmp_path, NEWS)
    build(tmp_path, tmp_path / "i.db")
    return tmp_path / "i.db"


def answer(index: Index, query: str):
    facets, total = index.facets_and_count(query)
    return facets.outlet, facets.month, {name: n for name, _, n, _ in facets.entity}, total


def test_the_whole_index_sets_are_what_the_plans_ask(db_path, monkeypatch):
    asked = []
    real = store.facets.FacetCounting._facets_of_whole_sets
    monkeypatch.setattr(store.facets.FacetCounting, "_facets_of_whole_sets",
                        lambda self, total: asked.append(self.q) or real(self, total))
    index = Index.open(db_path)
    try:
        for query in QUERIES:
            assert answer(index, query) == by_hand(index, query, 5000), query
        index.facets_and_count("삼성 -반도체")  # words drive: not asked of the whole index
        index.facets_and_count("-반도체 by:김")  # a filter other than dates and outlets: in SQL
    finally:
        index.close()
    assert len(asked) == len(QUERIES)


@pytest.mark.parametrize("span", [1, 2, 3, 4, 5, 6, 8, 9])
def test_the_entity_facet_spans_the_first_hits_in_the_plans_order_to_the_minute(db_path, monkeypatch, span):
    # 2025-10-02 holds two articles, 08:10 and 17:45; three are undated; sort:old puts the undated last too
    monkeypatch.setattr(store.facets, "ENTITY_FACET_SPAN", span)
    index = Index.open(db_path)
    try:
        for query in ["-웨이퍼", "-웨이퍼 sort:old", "@삼성전자 OR 웨이퍼", "-없는말", "-없는말 sort:old",
                      "-없는말 after:2025-10-02"]:
            assert answer(index, query) == by_hand(index, query, span), (query, span)
    finally:
        index.close()


def test_changed_and_removed_articles_are_counted_as_they_are_now(db_path, tmp_path):
    (tmp_path / "a00.json").unlink()  # removed
    changed = {"title": "바뀐 기사", "body": "SK하이닉스는 웨이퍼 90만장을 사들였다.", "outlet": "누리뉴스", "date": "2025-12-02"}
    (tmp_path / "a01.json").write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    build(tmp_path, db_path, prune=True)
    index = Index.open(db_path)
    try:
        for query in QUERIES:
            assert answer(index, query) == by_hand(index, query, 5000), query
    finally:
        index.close()


def test_a_search_table_that_is_not_one_row_an_article_is_counted_in_sql(db_path):
    with sqlite3.connect(db_path) as conn:  # as a file written otherwise: the kept count disagrees with the search rows
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'articles_total'")
    index = Index.open(db_path)
    try:
        assert SearchPlan(index, parse("-삼성전자"))._facets_of_whole_sets(None) is None
        assert answer(index, "-삼성전자") == by_hand(index, "-삼성전자", 5000)  # SQL's
        assert answer(index, "-삼성전자")[3] == 3
    finally:
        index.close()


def test_a_date_the_search_rows_do_not_hold_is_counted_in_sql(db_path):
    # an article's date changed by hand: SQL reads the new text, its search row keeps the old day
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("UPDATE articles SET date = '2025-11-20' WHERE date LIKE '2025-10-01%'").rowcount == 1
    index = Index.open(db_path)
    try:
        assert SearchPlan(index, parse("-없는말 after:2025-11-01"))._facets_of_whole_sets(None) is None
        assert answer(index, "-없는말 after:2025-11-01") == by_hand(index, "-없는말 after:2025-11-01", 5000)
    finally:
        index.close()


def test_a_small_index_in_a_process_without_numpy_counts_in_sql(db_path, monkeypatch):
    """numpy's import (65-125 ms) costs a one-shot `search --json` on a small index more than SQL's pass over it."""
    asked = []
    real = store.facets.FacetCounting._facets_of_whole_sets
    monkeypatch.setattr(store.facets.FacetCounting, "_facets_of_whole_sets",
                        lambda self, total: asked.append(self.q) or real(self, total))
    monkeypatch.setattr(store.facets, "_numpy_loaded", lambda: False)  # as in `hanscope search`: nothing imported it
    index = Index.open(db_path)
    try:
        assert answer(index, "-삼성전자") == by_hand(index, "-삼성전자", 5000) and not asked
        monkeypatch.setattr(store.facets, "WHOLE_SETS_FROM", 5)  # an index of that size: worth the import
        assert answer(index, "-삼성전자") == by_hand(index, "-삼성전자", 5000) and len(asked) == 1
    finally:
        index.close()


def _whole_reads(index: Index, query: str) -> int:
    seen: list[str] = []
    index.db.set_trace_callback(seen.append)
    try:
        index.facets_and_count(query)
    finally:
        index.db.set_trace_callback(None)
    return sum(s == "SELECT group_concat(rowid) FROM articles_fts" for s in seen)


def test_every_rowid_is_read_once_and_only_for_exclusions_alone(db_path):
    """`@삼성전자 -반도체` is 삼성전자's articles less 반도체's, without every article; `-반도체` needs every article, read
    once for the open index (114 ms at 1M) and kept."""
    index = Index.open(db_path)
    try:
        assert _whole_reads(index, "@삼성전자 -반도체") == 0
        assert _whole_reads(index, "(@삼성전자 -HBM) OR 오픈AI는") == 0
        assert _whole_reads(index, "-반도체") == 1
        assert _whole_reads(index, "-삼성 after:2025-10-02") == 0  # kept: the days are a range of it
        for query in ["@삼성전자 -반도체", "-반도체", "-삼성 after:2025-10-02", "-(웨이퍼 OR @SK하이닉스)"]:
            assert answer(index, query) == by_hand(index, query, 5000), query
    finally:
        index.close()


def test_the_kept_rowids_follow_the_file(db_path, tmp_path):
    """Every rowid is read again after another connection's commit and after this connection's own writes: an
    article given another day keeps the number of articles but moves its search row."""
    def redated(at: int, day: str) -> list:
        news[at] = (news[at][0], day, news[at][2])
        return news
    news = list(NEWS)
    index = Index.open(db_path)
    try:
        assert answer(index, "-없는말") == by_hand(index, "-없는말", 5000)
        write(tmp_path, redated(2, "2026-03-05"))
        build(tmp_path, db_path)  # another connection
        assert answer(index, "-없는말") == by_hand(index, "-없는말", 5000)
        assert ("2026-03", 1) in answer(index, "-없는말")[1]
        write(tmp_path, redated(3, "2026-04-06"))
        index_paths(index.db, [tmp_path], workers=0)  # this one
        assert answer(index, "-없는말") == by_hand(index, "-없는말", 5000)
        assert ("2026-04", 1) in answer(index, "-없는말")[1]
    finally:
        index.close()
