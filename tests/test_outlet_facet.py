"""The outlet facet of words alone (or of one @entity alone), counted from the hits' search rows and each article's outlet held in memory
(store.outlet_codes): the same counts as a join of every hit with its article, and current after another
process adds articles."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import store.facets
from store.api import Index
from store.db import connect
from store.indexer import index_paths

ARTICLES = [  # (outlet, date, body)
    ("한빛일보", "2025-10-01", "삼성과 SK하이닉스가 HBM 공급 계약을 맺었다. 웨이퍼 수요는 월 90만장에 이른다."),
    ("한빛일보", "2025-10-02", "삼성전자는 반도체 투자를 늘린다고 밝혔다."),
    ("나라경제", "2025-10-02", "오픈AI는 삼성과 협력의향서를 체결했다. 웨이퍼 90만 장이 필요하다."),
    ("나라경제", "2025-11-03", "반도체 업황이 살아나면서 삼성의 실적이 개선됐다."),
    ("누리뉴스", "2025-11-04", "삼성 반도체 부문이 3분기 영업이익 12조원을 기록했다."),
    (None, "2025-11-05", "출처가 적히지 않은 글에도 삼성과 반도체가 나온다."),
    ("가온신문", None, "날짜 없는 기사에서 삼성은 HBM4 샘플을 보냈다."),
]


def write(folder: Path, rows) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, (outlet, date, body) in enumerate(rows):
        record = {"title": f"기사 {i}", "body": body}
        if outlet:
            record["outlet"] = outlet
        if date:
            record["date"] = date
        (folder / f"a{i:02d}_{len(list(folder.iterdir()))}.json").write_text(json.dumps(record, ensure_ascii=False),
                                                                              encoding="utf-8")


def build(folder: Path, db_path: Path, prune: bool = False) -> None:
    conn = connect(db_path, create=True)
    try:
        index_paths(conn, [folder], workers=0, prune=prune)
    finally:
        conn.close()


@pytest.fixture()
def outlet_db(tmp_path) -> Path:
    write(tmp_path / "news", ARTICLES)
    build(tmp_path / "news", tmp_path / "i.db")
    return tmp_path / "i.db"


def joined_counts(index: Index, query: str) -> list[tuple[str, int]]:
    """Every hit's outlet read from its article row, most first, then by name."""
    hits = [hit.id for hit in index.search(query, limit=None).articles]
    rows = index._rows("SELECT outlet, count(*) AS n FROM articles WHERE id IN (SELECT value FROM json_each(?)) "
                       "AND outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet", (json.dumps(hits),))
    return [tuple(r) for r in rows]


def joined_months(index: Index, query: str) -> list[tuple[str, int]]:
    hits = [hit.id for hit in index.search(query, limit=None).articles]
    rows = index._rows("SELECT substr(date, 1, 7) AS m, count(*) FROM articles WHERE id IN (SELECT value FROM json_each(?)) "
                       "AND date IS NOT NULL GROUP BY m ORDER BY m", (json.dumps(hits),))
    return [tuple(r) for r in rows]


@pytest.mark.parametrize("with_numpy", [True, False])  # store.facets counts many hits with numpy, few in Python
@pytest.mark.parametrize("query", ["삼성과", "삼성", "90만 장", "90만장", "반도체 -실적", "HBM OR 웨이퍼", "오픈AI는",
                                   "@삼성전자", "@오픈AI", "@SK하이닉스", "@삼성전자 반도체", "HBM @SK하이닉스",
                                   "@오픈AI 90만 장", "반도체 @삼성전자 sort:old"])
def test_the_outlet_and_month_facets_of_words_or_one_entity_count_what_a_join_counts(outlet_db, query, with_numpy,
                                                                                      monkeypatch):
    monkeypatch.setattr(store.facets, "_numpy_pays", lambda hits: with_numpy)
    index = Index.open(outlet_db)
    try:
        facets, total = index.facets_and_count(query)
        assert facets.outlet == joined_counts(index, query)
        assert facets.month == joined_months(index, query)
        assert total == len(index.search(query, limit=None).articles) > 0
    finally:
        index.close()


def test_ties_are_ordered_by_name_and_an_article_without_an_outlet_is_in_no_outlet(outlet_db):
    index = Index.open(outlet_db)
    try:
        facets, total = index.facets_and_count("삼성")
    finally:
        index.close()
    assert total == 7 and sum(n for _, n in facets.outlet) == 6
    assert facets.outlet == [("나라경제", 2), ("한빛일보", 2), ("가온신문", 1), ("누리뉴스", 1)]
    assert dict(facets.month) == {"2025-10": 3, "2025-11": 3}  # the undated one in no month


def test_articles_another_process_adds_are_counted_by_the_open_index(outlet_db, tmp_path):
    index = Index.open(outlet_db)
    try:
        before, _ = index.facets_and_count("삼성")
        write(tmp_path / "news", [("새벽경제", "2025-12-01", "삼성과 오픈AI가 스타게이트 공급을 논의했다.")])
        build(tmp_path / "news", outlet_db)  # its own connection, as `hanscope index` in another terminal
        after, total = index.facets_and_count("삼성")
    finally:
        index.close()
    assert ("새벽경제", 1) not in before.outlet and ("새벽경제", 1) in after.outlet and total == 8


def test_an_id_a_deleted_article_leaves_and_a_new_one_takes_is_read_again(outlet_db, tmp_path):
    # The last article's file goes and a new one comes in one run with pruning: the new article takes the freed
    # highest id, so an outlet table read before would still name the old outlet for it.
    index = Index.open(outlet_db)
    try:
        before, _ = index.facets_and_count("삼성")
        last = max((tmp_path / "news").iterdir())
        last.unlink()
        write(tmp_path / "news", [("새벽경제", "2025-12-01", "삼성과 오픈AI가 스타게이트 공급을 논의했다.")])
        conn = connect(outlet_db)
        try:
            freed = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
            index_paths(conn, [tmp_path / "news"], workers=0, prune=True)
            assert conn.execute("SELECT max(id) FROM articles").fetchone()[0] == freed  # the id is taken again
        finally:
            conn.close()
        after, total = index.facets_and_count("삼성")
    finally:
        index.close()
    assert ("가온신문", 1) in before.outlet and total == 7
    assert ("가온신문", 1) not in after.outlet and ("새벽경제", 1) in after.outlet


def test_a_rare_word_with_a_common_entity_counts_the_same_as_a_join(tmp_path):
    # 삼성전자 in twelve articles, 웨이퍼 in two of them and in one without it: the word's hits are fewer than a
    # quarter of the entity's articles, so they are looked up by id rather than reading the entity's articles.
    rows = [(f"매체{i % 3}", f"2025-10-{i + 1:02d}", f"삼성전자는 {i + 1}분기 실적을 발표했다.") for i in range(12)]
    rows[3] = ("매체0", "2025-10-04", "삼성전자가 웨이퍼 90만장 공급을 약속했다.")
    rows[7] = ("매체1", "2025-11-08", "삼성전자와 SK하이닉스가 웨이퍼 수요를 나눠 맡는다.")
    rows.append(("매체2", "2025-11-09", "SK하이닉스는 웨이퍼 투자를 늘린다."))
    write(tmp_path / "news", rows)
    build(tmp_path / "news", tmp_path / "i.db")
    index = Index.open(tmp_path / "i.db")
    try:
        facets, total = index.facets_and_count("@삼성전자 웨이퍼")
        assert total == 2 and facets.outlet == joined_counts(index, "@삼성전자 웨이퍼") == [("매체0", 1), ("매체1", 1)]
        assert facets.month == [("2025-10", 1), ("2025-11", 1)]
        assert any(name == "SK하이닉스" and n == 1 for name, _, n, _ in facets.entity)
    finally:
        index.close()


def test_articles_only_added_by_another_process_extend_the_table_it_is_not_read_again(outlet_db, tmp_path):
    index = Index.open(outlet_db)
    try:
        index.facets_and_count("삼성")
        table = index._outlet_codes()
        write(tmp_path / "news", [("새벽경제", "2025-12-01", "삼성과 오픈AI가 스타게이트 공급을 논의했다.")])
        build(tmp_path / "news", outlet_db)  # adds one article, removes none
        after, total = index.facets_and_count("삼성")
        assert index._outlet_codes() is table and ("새벽경제", 1) in after.outlet and total == 8
        (tmp_path / "news" / sorted(p.name for p in (tmp_path / "news").iterdir())[0]).unlink()
        conn = connect(outlet_db)
        try:
            index_paths(conn, [tmp_path / "news"], workers=0, prune=True)  # one article removed
        finally:
            conn.close()
        pruned, total = index.facets_and_count("삼성")
        assert index._outlet_codes() is not table and total == 7
        assert pruned.outlet == joined_counts(index, "삼성")
    finally:
        index.close()


def test_a_file_that_keeps_no_removal_count_reads_the_table_again_after_any_commit(outlet_db, tmp_path):
    import sqlite3

    with sqlite3.connect(outlet_db) as conn:  # as a file made before the count
        conn.execute("DROP TRIGGER articles_removed_count")
        conn.execute("DROP TRIGGER articles_outlet_changed")
        conn.execute("DELETE FROM meta WHERE key = 'articles_removed'")
        conn.execute("UPDATE meta SET value = replace(value, 'articles_removed', '') WHERE key = 'additions'")
    index = Index.open(outlet_db)
    try:
        index.facets_and_count("삼성")
        table = index._outlet_codes()
        write(tmp_path / "news", [("새벽경제", "2025-12-01", "삼성과 오픈AI가 스타게이트 공급을 논의했다.")])
        conn = connect(outlet_db)  # a writer (not create=True: the count stays missing)
        try:
            index_paths(conn, [tmp_path / "news"], workers=0)
        finally:
            conn.close()
        after, _ = index.facets_and_count("삼성")
        assert index._outlet_codes() is not table and ("새벽경제", 1) in after.outlet
    finally:
        index.close()
