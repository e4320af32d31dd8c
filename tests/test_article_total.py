"""The number of articles is kept in meta by triggers (store.db ADDITIONS `articles_total`), so the app's start list
and the end of `hanscope index` read one row instead of counting every article: it must stay the count whoever
writes the articles, and a file made before the count is counted until a writer adds it."""
from __future__ import annotations

import sqlite3

from store.api import Index
from store.db import article_total, connect
from test_outlet_facet import ARTICLES, build, write


def counted(db_path) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def kept(db_path) -> str | None:
    with sqlite3.connect(db_path) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'articles_total'").fetchone()
    return None if row is None else row[0]


def test_the_kept_count_follows_adds_changes_prunes_and_other_writers(tmp_path):
    news, db_path = tmp_path / "news", tmp_path / "i.db"
    write(news, ARTICLES)
    build(news, db_path)
    assert kept(db_path) == "7" and counted(db_path) == 7
    index = Index.open(db_path)  # open beside the writers, as the app is
    try:
        assert index.article_count() == 7
        write(news, [("새벽경제", "2025-12-01", "삼성과 오픈AI가 스타게이트 공급을 논의했다.")])
        build(news, db_path)
        assert index.article_count() == 8 == counted(db_path)
        files = sorted(news.iterdir())
        files[0].unlink()  # pruned: its article goes
        files[1].write_text('{"title": "바뀐 기사", "body": "SK하이닉스는 HBM 90만 장을 공급한다."}', encoding="utf-8")
        build(news, db_path, prune=True)
        assert index.article_count() == 7 == counted(db_path)
        with sqlite3.connect(db_path) as other:  # not our writer: the triggers count it too
            other.execute("DELETE FROM articles WHERE id = (SELECT max(id) FROM articles)")
        assert index.article_count() == 6 == counted(db_path)
    finally:
        index.close()


def test_a_file_made_before_the_count_is_counted_and_gains_it_when_opened_for_indexing(tmp_path):
    news, db_path = tmp_path / "news", tmp_path / "i.db"
    write(news, ARTICLES)
    build(news, db_path)
    with sqlite3.connect(db_path) as conn:  # as a file made before the count
        conn.execute("DROP TRIGGER articles_total_added")
        conn.execute("DROP TRIGGER articles_total_removed")
        conn.execute("DELETE FROM meta WHERE key = 'articles_total'")
        conn.execute("UPDATE meta SET value = replace(value, 'articles_total', '') WHERE key = 'additions'")
        conn.execute("DELETE FROM articles WHERE id = 1")  # a change the count never saw
    reader = connect(db_path, readonly=True)
    try:
        assert kept(db_path) is None and article_total(reader) == 6
    finally:
        reader.close()
    writer = connect(db_path, create=True)  # what `hanscope index` opens: the addition, counted once
    writer.close()
    assert kept(db_path) == "6"
    write(news, [("새벽경제", "2025-12-01", "엔비디아는 웨이퍼 5,000억달러어치를 사들인다.")])
    build(news, db_path)
    assert kept(db_path) == "7" == str(counted(db_path))
