"""The numbers counted by unit and by article (in all, and within a unit) are kept by triggers (store.db ADDITIONS
`number_counts`, `unit_article_counts`), so the numbers screen's frequency view reads a few rows instead of every
number (2.2-2.5 s at 1M; KRW alone 2.0 s at 100k): the kept counts must equal a count of the numbers whoever writes
them, through adds, changed files, prunes and other writers, and a file made before them is counted in full until a
writer adds them."""
from __future__ import annotations

import sqlite3

import store.number_table as number_table
from store.api import Index
from store.batch_writer import NumberCounts
from store.db import _COUNT_NUMBER, _COUNT_UNIT_ARTICLE, WRITER_COUNTS_NUMBERS, connect
from store.indexer import index_paths
from test_outlet_facet import ARTICLES, build, write

MORE = [("새벽경제", "2025-12-01", "삼성은 웨이퍼 90만 장과 HBM 12만장을 5,000억원에 사들인다. 점유율은 35%다."),
        ("새벽경제", "2025-12-02", "엔비디아는 1조2000억원, 오픈AI는 300억 달러를 쓴다.")]


def _views(index: Index) -> dict:
    return {(by, unit): index.number_counts(by, unit=unit) for by in ("unit", "article") for unit in (None, "KRW")}


def _counted(index: Index, monkeypatch) -> dict:
    """The same views counted from the numbers themselves, as a file without the kept counts answers them."""
    with monkeypatch.context() as patch:
        patch.setattr(number_table, "has_index", lambda *args, **kwargs: False)
        return _views(index)


def _check(index: Index, monkeypatch) -> None:
    statements: list[str] = []
    index.db.set_trace_callback(statements.append)
    try:
        kept = _views(index)
    finally:
        index.db.set_trace_callback(None)
    assert not any("GROUP BY" in s for s in statements), statements  # every view from the kept rows
    assert kept == _counted(index, monkeypatch)
    assert kept[("unit", None)] and kept[("article", None)]  # something to compare
    assert sum(c for *_, c in kept[("unit", None)]) == index.db.execute("SELECT count(*) FROM numbers").fetchone()[0]


def test_the_kept_counts_follow_adds_changes_prunes_and_other_writers(tmp_path, monkeypatch):
    news, db_path = tmp_path / "news", tmp_path / "i.db"
    write(news, ARTICLES)
    build(news, db_path)
    index = Index.open(db_path)  # open beside the writers, as the app is
    try:
        assert index.db.execute("SELECT count(*) FROM number_unit_counts").fetchone()[0] > 0
        _check(index, monkeypatch)
        write(news, MORE)
        build(news, db_path)
        _check(index, monkeypatch)
        files = sorted(news.iterdir())
        files[0].unlink()  # pruned: its numbers go
        files[1].write_text('{"title": "바뀐 기사", "body": "SK하이닉스는 HBM 90만 장을 3조원에 공급한다."}', encoding="utf-8")
        build(news, db_path, prune=True)
        _check(index, monkeypatch)
        with sqlite3.connect(db_path) as other:  # not our writer: the triggers count it too
            other.execute("PRAGMA foreign_keys = ON")
            other.execute("DELETE FROM articles WHERE id = (SELECT article_id FROM numbers ORDER BY id DESC LIMIT 1)")
        _check(index, monkeypatch)
        # a unit whose last number goes leaves no row of 0
        units = {u for (u,) in index.db.execute("SELECT unit FROM number_unit_counts")}
        assert units == {u for (u,) in index.db.execute("SELECT DISTINCT unit FROM numbers")}
    finally:
        index.close()


def test_a_file_made_before_the_counts_counts_every_number_until_opened_for_indexing(tmp_path, monkeypatch):
    news, db_path = tmp_path / "news", tmp_path / "i.db"
    write(news, [*ARTICLES, *MORE])
    build(news, db_path)
    with sqlite3.connect(db_path) as conn:  # as a file made before the counts
        conn.executescript("DROP TRIGGER numbers_counted; DROP TRIGGER numbers_uncounted; "
                           "DROP TABLE number_unit_counts; DROP TABLE article_number_counts; "
                           "DROP TRIGGER numbers_counted_in_unit; DROP TRIGGER numbers_uncounted_in_unit; "
                           "DROP TABLE unit_article_counts; "
                           "UPDATE meta SET value = replace(replace(value, 'unit_article_counts', ''), 'number_counts', '') "
                           "WHERE key = 'additions'; "
                           "PRAGMA foreign_keys = ON; DELETE FROM articles WHERE id = 1;")  # a change never counted
    reader = Index(connect(db_path, readonly=True))
    try:
        assert reader.number_counts("unit") == _counted(reader, monkeypatch)[("unit", None)] != []
        assert reader.number_counts("article", unit="KRW") == _counted(reader, monkeypatch)[("article", "KRW")] != []
    finally:
        reader.close()
    connect(db_path, create=True).close()  # what `hanscope index` opens: the addition, counted once
    index = Index.open(db_path)
    try:
        assert index.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'article_number_counts'").fetchone()
        assert index.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'unit_article_counts'").fetchone()
        _check(index, monkeypatch)
    finally:
        index.close()


def test_the_writer_counts_a_batch_itself_and_leaves_other_writers_to_the_triggers(tmp_path, monkeypatch):
    """The batch writer counts its numbers once an article and unit at its commit (the insert triggers step aside
    while its transaction holds a meta row): that row never outlives the batch, so a number another writer adds is
    counted by the triggers; and where the triggers cannot step aside the writer leaves the counting to them."""
    news, db_path = tmp_path / "news", tmp_path / "i.db"
    write(news, ARTICLES)
    build(news, db_path)
    index = Index.open(db_path)
    try:
        assert index.db.execute("SELECT 1 FROM meta WHERE key = ?", [WRITER_COUNTS_NUMBERS]).fetchone() is None
        assert NumberCounts(index.db).enabled
        autocommit = sqlite3.connect(db_path, isolation_level=None)  # the row would commit on its own: not there
        try:
            assert not NumberCounts(autocommit).enabled
        finally:
            autocommit.close()
        with sqlite3.connect(db_path) as other:  # not our writer: a number of 만 명 in the first article
            other.execute('INSERT INTO numbers(article_id, paragraph, start, "end", raw, value, unit, counter) '
                          "VALUES (1, 0, 0, 4, '3만 명', 30000, 'count', '명')")
        _check(index, monkeypatch)
        # triggers made before they could step aside (the addition not made yet): they count the writer's numbers
        with sqlite3.connect(db_path) as conn:
            conn.executescript(
                "DROP TRIGGER numbers_counted; DROP TRIGGER numbers_counted_in_unit; "
                f"CREATE TRIGGER numbers_counted AFTER INSERT ON numbers BEGIN {_COUNT_NUMBER} END; "
                f"CREATE TRIGGER numbers_counted_in_unit AFTER INSERT ON numbers BEGIN {_COUNT_UNIT_ARTICLE} END;")
        assert not NumberCounts(index.db).enabled
        conn = sqlite3.connect(db_path)
        try:
            index_paths(conn, [_more(tmp_path)], workers=0)  # not connect(create=True): the triggers stay as they are
        finally:
            conn.close()
        _check(index, monkeypatch)
    finally:
        index.close()


def _more(tmp_path):
    folder = tmp_path / "more"
    write(folder, MORE)
    return folder
