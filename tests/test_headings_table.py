"""The search rows' headings kept apart (db.HEADINGS): written, changed and deleted with the search rows, made once for
a file from before it, and ranking a big answer exactly as the search table's title column does."""
from __future__ import annotations

import sqlite3

import pytest

from store import batch_writer
from store.api import Index
from store.db import HEADINGS, connect
from store.fts_query import fts_expression
from store.indexer import index_paths
from store.query import parse

from test_faults import write_corpus

WORDS = ["반도체", "삼성전자", "공장", "3조원", "12조원", "조원", "울산", "doc0003", "신설"]
QUERIES = ["반도체", "공장 신설", "조원", "삼성전자 반도체", "3조원", "울산 -삼성전자"]


def _titled(conn: sqlite3.Connection, table: str, word: str) -> set[int]:
    expression = f"title : ({fts_expression(parse(word).root, starts=True)})"
    return {r for (r,) in conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (expression,))}


def _same_headings(path) -> None:
    """Every word's headline rows are the same in both tables (a row the headings table kept past its article's
    delete, or one it missed, would show here), and both hold one row an article."""
    conn = sqlite3.connect(path)
    try:
        for word in WORDS:
            assert _titled(conn, HEADINGS, word) == _titled(conn, "articles_fts", word), word
        rows = conn.execute(f"SELECT count(*) FROM {HEADINGS}_docsize").fetchone()[0]
        assert rows == conn.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
    finally:
        conn.close()


def _index(path, folder, prune: bool = False, heard: list[str] | None = None) -> None:
    conn = connect(path, create=True)
    try:
        index_paths(conn, [folder], workers=0, prune=prune, on_note=(heard.append if heard is not None else None))
    finally:
        conn.close()


def _pages(path) -> list[list[tuple[int, float]]]:
    index = Index.open(path)
    index.rank_window = 3  # the answers are bigger than the window: ranked by headline
    try:
        return [[(a.id, a.score) for a in index.search(q, limit=None).articles] for q in QUERIES]
    finally:
        index.close()


def test_headings_follow_the_search_rows_through_adds_changes_and_deletes(tmp_path):
    folder = write_corpus(tmp_path / "news", 24)
    path = tmp_path / "index.db"
    _index(path, folder)
    _same_headings(path)
    changed = folder / "part1" / "article_0005.txt"
    changed.write_text("울산시, 반도체 공장 12조원 유치\n\n[한빛경제=홍길동 기자] 울산시가 공장을 유치했다.\n", encoding="utf-8")
    (folder / "part2" / "article_0006.txt").unlink()
    write_corpus(tmp_path / "more", 4)
    for f in (tmp_path / "more").rglob("*.txt"):
        f.rename(folder / f"new_{f.name}")
    _index(path, folder, prune=True)
    _same_headings(path)
    index = Index.open(path)
    assert index.search_headings == HEADINGS
    assert [a.title for a in index.search("울산시 12조원").articles] == ["울산시, 반도체 공장 12조원 유치"]
    index.close()


def test_a_file_from_before_the_table_ranks_the_same_and_gets_it_once_at_its_next_run(tmp_path):
    folder = write_corpus(tmp_path / "news", 24)
    path = tmp_path / "index.db"
    _index(path, folder)
    pages = _pages(path)
    assert all(pages)
    conn = sqlite3.connect(path)
    conn.execute(f"DROP TABLE {HEADINGS}")  # as a file indexed before it was made
    conn.commit()
    conn.close()
    index = Index.open(path)
    assert index.search_headings == "articles_fts"  # ranked from the search table's title column meanwhile
    index.close()
    assert _pages(path) == pages

    heard: list[str] = []
    _index(path, folder, heard=heard)
    assert [line for line in heard if "headlines' search rows apart" in line], heard
    _same_headings(path)
    assert _pages(path) == pages
    heard.clear()
    _index(path, folder, heard=heard)  # once
    assert not [line for line in heard if "headlines' search rows apart" in line]


def test_a_stopped_making_of_the_table_leaves_none(tmp_path, monkeypatch):
    folder = write_corpus(tmp_path / "news", 8)
    path = tmp_path / "index.db"
    _index(path, folder)
    conn = sqlite3.connect(path)
    conn.execute(f"DROP TABLE {HEADINGS}")
    conn.commit()
    conn.close()

    def stop(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch_writer, "heading_grams", stop)
    with pytest.raises(KeyboardInterrupt):
        _index(path, folder)
    monkeypatch.undo()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (HEADINGS,)).fetchone() is None
    conn.close()
    _index(path, folder)  # the next run makes it whole
    _same_headings(path)
