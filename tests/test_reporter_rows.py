"""`by:` read from article_reporters (each article's reporters as rows, kept by triggers) gives the answers that
reading each article's JSON list gives: prefixes, spaces, Latin case, negation, with words, @entities and outlets;
the rows follow re-indexed and removed articles; a file made before gets them when opened for indexing."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from store.api import Index
from store.db import connect
from store.indexer import index_paths

ARTICLES = [  # (reporters, outlet, date, body)
    (["한민미"], "한빛일보", "2025-10-01", "삼성전자가 HBM 공급 계약을 맺었다."),
    (["한민미", "송민윤"], "나라경제", "2025-10-02", "SK하이닉스는 반도체 투자를 늘린다고 밝혔다."),
    (["한 수"], "한빛일보", "2025-10-03", "오픈AI는 삼성전자와 웨이퍼 90만 장 협력의향서를 체결했다."),
    (["Kim Minsu"], "누리뉴스", "2025-10-04", "엔비디아가 삼성전자에 HBM4 샘플을 요청했다."),
    (["송민윤"], "누리뉴스", "2025-11-05", "반도체 업황이 살아나면서 삼성의 실적이 개선됐다."),
    ([], "가온신문", "2025-11-06", "기자 이름이 없는 기사에도 삼성전자와 반도체가 나온다."),
]
QUERIES = ["by:한민", "by:한", "by:한수", "by:한 수", "by:kim", "by:KIMMIN", "by:송민윤 반도체", "반도체 -by:한민",
           "@삼성전자 by:한", "@삼성전자 -by:한민", "by:한민 by:송민", "by:한 outlet:한빛일보", "by:없는기자",
           "by:송민 sort:old", "삼성 by:Kim"]


def write(folder: Path, rows) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, (reporters, outlet, date, body) in enumerate(rows):
        record = {"title": f"기사 {i}", "body": body, "reporters": reporters, "outlet": outlet, "date": date}
        (folder / f"a{i:02d}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def build(folder: Path, db_path: Path, **options) -> None:
    conn = connect(db_path, create=True)
    try:
        index_paths(conn, [folder], workers=0, **options)
    finally:
        conn.close()


def answers(db_path: Path) -> dict:
    index = Index.open(db_path)
    try:
        out = {}
        for query in QUERIES:
            result = index.search(query, limit=None, facets=True)
            out[query] = ([hit.id for hit in result.articles], result.total_articles, result.facets.outlet,
                          result.facets.month)
        return out
    finally:
        index.close()


def rows_from_json(db_path: Path) -> set[tuple[str, int]]:
    with sqlite3.connect(db_path) as conn:
        return {(name.lower().replace(" ", ""), article_id)
                for article_id, reporters in conn.execute("SELECT id, reporters FROM articles")
                for name in json.loads(reporters)}


def kept_rows(db_path: Path) -> set[tuple[str, int]]:
    with sqlite3.connect(db_path) as conn:
        return set(conn.execute("SELECT reporter, article_id FROM article_reporters"))


@pytest.fixture()
def built(tmp_path) -> Path:
    write(tmp_path / "news", ARTICLES)
    build(tmp_path / "news", tmp_path / "i.db")
    return tmp_path / "i.db"


def without_rows(db_path: Path, to: Path) -> Path:
    """A copy of the index as a file made before article_reporters, opened read-only (so it stays without)."""
    shutil.copy(db_path, to)
    with sqlite3.connect(to) as conn:
        for trigger in ("added", "removed", "changed"):
            conn.execute(f"DROP TRIGGER article_reporters_{trigger}")
        conn.execute("DROP TABLE article_reporters")
        conn.execute("UPDATE meta SET value = replace(value, 'article_reporters', '') WHERE key = 'additions'")
    return to


def test_by_answers_the_same_from_the_rows_as_from_each_articles_list(built, tmp_path):
    kept = answers(built)
    assert kept == answers(without_rows(built, tmp_path / "before.db"))
    counts = {query: len(ids) for query, (ids, *_) in kept.items()}
    assert counts["by:한민"] == 2 and counts["by:한수"] == 1 and counts["by:한"] == 3  # 한민미 twice, "한 수" once
    assert counts["by:kim"] == counts["by:KIMMIN"] == counts["삼성 by:Kim"] == 1 and counts["by:송민윤 반도체"] == 2
    assert kept["by:없는기자"][1] == 0 and kept["by:한 outlet:한빛일보"][1] == 2


def test_the_rows_follow_articles_indexed_again_and_removed(built, tmp_path):
    assert kept_rows(built) == rows_from_json(built)
    assert {name for name, _ in kept_rows(built)} == {"한민미", "송민윤", "한수", "kimminsu"}
    changed = list(ARTICLES)
    changed[0] = (["박하늘"], "한빛일보", "2025-10-01", "삼성전자가 HBM 공급 계약을 다시 맺었다.")
    write(tmp_path / "news", changed)
    (tmp_path / "news" / "a01.json").unlink()
    build(tmp_path / "news", built, prune=True)
    rows = kept_rows(built)
    assert rows == rows_from_json(built)
    assert "박하늘" in {name for name, _ in rows} and ("송민윤" in {name for name, _ in rows})
    assert len([1 for name, _ in rows if name == "한민미"]) == 0  # both of 한민미's articles changed or went


def test_a_file_made_before_gets_the_rows_when_opened_for_indexing(built, tmp_path):
    before = without_rows(built, tmp_path / "before.db")
    connect(before, create=True).close()
    assert kept_rows(before) == rows_from_json(before) != set()
    assert answers(before) == answers(built)


def test_by_alone_orders_its_articles_from_the_narrow_index(built):
    """`by:한` alone is a list of ids; their dates come from articles_placing, not from each 4 KB article row (by:김
    at 100k, 4,533 articles: 7.8 -> 3.0 ms a page), newest first as the rows say."""
    from test_search_cost import newest_page_plan

    index = Index.open(built)
    try:
        ids = [hit.id for hit in index.search("by:한", limit=None).articles]
        dates = dict(index.db.execute("SELECT id, date FROM articles"))
        assert len(ids) == 3 and ids == sorted(ids, key=lambda i: (dates[i], -i), reverse=True)
        plan = newest_page_plan(index, "by:한")
        assert "COVERING INDEX articles_placing" in plan, plan
    finally:
        index.close()


@pytest.mark.parametrize("query", ["by:한", "by:송민 sort:old", "by:한 date:2025-10", "by:한 before:2025-10-03",
                                   "by:한 outlet:한빛일보", "-삼성 by:한", "by:한민 by:송민"])
def test_a_common_by_walks_the_newest_articles_with_the_same_answers(built, query):
    """A `by:` whose list is big against the archive (n² > the count's 1,001 × articles: by:김 at 1M) is walked newest
    first through articles_newest, each article looked up in the list, instead of sorted by date (105 -> 51 ms a
    keystroke at 1M); a date filter is that walk's range. Same pages and counts as the sorted list."""
    from test_search_cost import newest_page_plan

    index = Index.open(built)
    try:
        listed = [hit.id for hit in index.search(query, limit=None).articles]
        index.rank_window = 0  # a list of 1 or more articles is now "common"; a keystroke's count stops at 2
        assert [hit.id for hit in index.search(query, limit=None).articles] == listed, query
        assert [hit.id for offset in range(len(listed)) for hit in index.search(query, limit=1, offset=offset).articles] == listed
        assert index.search(query, limit=1, exact_count=False).total_articles == min(len(listed), 2), query
        assert index.search(query, limit=1).total_articles == len(listed), query
        if query == "by:한":
            assert "articles_newest" in newest_page_plan(index, query)
    finally:
        index.close()


def test_a_by_alone_is_counted_in_the_rows(built):
    """`by:` alone is counted in article_reporters (an article with two matching names once) rather than by walking
    the articles: the same count whatever the cap, and only when nothing else narrows the query."""
    from store.query import parse
    from store.search import SearchPlan

    index = Index.open(built)
    try:
        for query in QUERIES:
            counted = SearchPlan(index, parse(query))
            walked = SearchPlan(index, parse(query))
            walked.sole_reporters = None
            alone = query in ("by:한민", "by:한", "by:한수", "by:kim", "by:KIMMIN", "by:없는기자", "by:한민 by:송민",
                             "by:송민 sort:old")
            assert (counted.sole_reporters is not None) == alone, query
            for cap in (None, 1, 2, 3):
                assert counted.count(cap=cap) == walked.count(cap=cap), (query, cap)
        assert SearchPlan(index, parse("by:한민 by:송민")).count() == 3  # 한민미 and 송민윤 share an article: once
    finally:
        index.close()
