"""A number in a query matches only where a number starts (store.textindex.NUMBER_MARK): `1조2000억원` is no hit inside
`21조2000억원`, `500메가와트` none inside `1,500메가와트`, `3.7%` none inside `13.7%`, `2000억원` none inside
`1조 2000억원`. An index made before the marks is searched as it was until its next index run writes its rows again."""
from __future__ import annotations

import sqlite3

import pytest

from store import batch_writer
from store.api import Index
from store.db import SCHEMA_VERSION, connect
from store.indexer import index_paths
from store.query import parse
from store.search import OLD_NUMBERS_NOTE
from store.fts_query import fts_expression
from store.snippets import highlight_pattern, snippet
from store.textindex import NUMBER_STARTS, index_grams

from conftest import index_of_pages, matched, search_table_of

# Sentences in the style of business wire copy, written for this test.
DOCS = {
    1: "한빛전자는 3분기 영업이익 1조2000억원을 기록했다고 밝혔다.",
    2: "한빛전자의 매출은 21조2000억원, 영업이익은 11조 2000억원이었다.",
    3: "정부는 반도체 투자액이 1조 2000억원이라고 발표했다.",
    4: "한빛시는 예산 2000억원을 배정했다.",
    5: "새 발전소는 1,500메가와트 규모다.",
    6: "데이터센터는 500메가와트 규모로 지어진다.",
    7: "시장 점유율은 13.7%로 올랐다.",
    8: "시장 점유율은 3.7%로 올랐다.",
    9: "엔비디아 H100 칩 1만5000개를 들여온다.",
    10: "문의 전화는 010-1234-5678이다.",
    11: "총 3천500만 원이 들었다.",
    12: "가동률은 100%에 이르렀고 수율은 10.5%였다.",
    13: "금리는 10 %, 물가는 5%포인트 올랐다.",
    14: "점유율은 3.75%, 전년에는 50％였다.",
}


def table(starts: bool = True) -> sqlite3.Connection:
    return search_table_of(DOCS, starts)


def found(conn: sqlite3.Connection, query: str, starts: bool = True) -> set[int]:
    return matched(conn, fts_expression(parse(query).root, starts=starts))


@pytest.mark.parametrize("query, expected", [
    ("1조2000억원", {1, 3}),  # not 21조2000억원 nor 11조 2000억원 (doc 2); 1조 2000억원 spaced (doc 3) too
    ("1조 2000억원", {1, 3}),
    ("21조2000억원", {2}),
    ("2000억원", {4}),  # not the 2000억원 of 1조2000억원: after a magnitude joined to a digit the number goes on
    ("1조", {1, 3}),  # a two-letter word: not inside 21조 or 11조
    ("11조", {2}),
    ("500메가와트", {6}),  # not inside 1,500메가와트
    ("1500메가와트", {5}),  # the thousands separator is no gap
    ("1,500메가와트", {5}),
    ("3.7%", {8}),  # not 13.7%: a decimal point goes on with the number; nor 3.75% (`%` a letter, below)
    ("13.7%", {7}),
    ("100", {9, 12}),  # H100: after a letter a number starts; and 100% (a bare number's end is not marked)
    ("5000개", set()),  # inside 1만5000개
    ("1만5000개", {9}),
    ("1234", {10}),  # 010-1234-5678: after a hyphen a number starts
    ("500만", set()),  # inside 3천500만
    ("3천500만", {11}),
    ("한빛전자 1조", {1}),  # with words
    ("점유율 -3.7%", {7, 14}),
    # % is a letter: a percentage ends there
    ("10%", {13}),  # not 100% nor 10.5% (doc 12); 10 % spaced (doc 13)
    ("100%", {12}),
    ("10.5%", {12}),
    ("5%", {13}),  # 5%포인트; not 50％ (doc 14) nor 10.5%
    ("50%", {14}),  # the full-width ％ is %
    ("3.75%", {14}),
])
def test_a_number_matches_where_a_number_starts(query, expected):
    assert found(table(), query) == expected


def test_a_lone_digit_is_a_number_that_starts_with_it():
    # with no list of terms a one-letter word is a prefix: here of the tokens that open a number with 1
    starting_with_one = {1, 2, 3, 5, 7, 9, 10, 12, 13}  # 1조, 11조, 1조, 1500, 13.7, H100 and 1만, 1234, 100 and 10.5, 10
    assert found(table(), "1") == starting_with_one


def test_without_the_marks_a_number_matches_inside_others_as_before():
    # an index made before the marks is asked without them, and answers as it did (a superset, nothing lost)
    unmarked = table(starts=False)
    assert found(unmarked, "1조2000억원", starts=False) == {1, 2, 3}
    assert found(unmarked, "500메가와트", starts=False) == {5, 6}
    assert found(unmarked, "3.7%", starts=False) == {7, 8, 14}  # even there 3.7% is no 37%: see test_search_cost
    assert found(unmarked, "10%", starts=False) == {9, 10, 12, 13}  # H100, 010, 100%, 10.5%, 10 %


def test_highlights_mark_the_number_the_search_found():
    text = "매출은 21조2000억원, 영업이익은 1조 2000억원, 순이익은 11조2000억원이었다."
    window, spans = snippet(text, highlight_pattern(["1조2000억원"], starts=True))
    assert [window[s:e] for s, e in spans] == ["1조 2000억원"]
    window, spans = snippet(text, highlight_pattern(["1조2000억원"]))  # an index without marks: as it matched
    assert [window[s:e] for s, e in spans] == ["1조2000억원", "1조 2000억원", "1조2000억원"]


# --- an index made before the marks ---------------------------------------------------------------------------

PAGES = {
    "a.txt": "한빛전자, 3분기 영업이익 1조2000억원\n\n한빛경제 홍길동 기자\n\n한빛전자는 3분기 영업이익 1조2000억원을 기록했다.",
    "b.txt": "한빛전자 매출 21조\n\n한빛경제 김철수 기자\n\n한빛전자의 매출은 21조2000억원이었다. 점유율은 13.7%다.",
    "c.txt": "점유율 3.7%\n\n한빛경제 이영희 기자\n\n새 제품의 점유율은 3.7%로 올랐다. 가동률은 100%다.",
}


def made_before_the_marks(path) -> None:
    """The file as a hanscope of schema 12 left it: search rows without marks in a table whose tokens hold no `%`, no
    meta row saying they have them."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DROP TABLE articles_fts")
        conn.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(body, title, tags, content='', "
                     "tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")")
        for aid, date, title, subtitle, captions, body, outlet in conn.execute(
                "SELECT id, date, title, subtitle, captions, body, outlet FROM articles").fetchall():
            import json

            from store.pipeline import heading_grams
            from store.textindex import fts_rowid, outlet_term

            heading = heading_grams(title, subtitle, json.loads(captions), starts=False)
            conn.execute("INSERT INTO articles_fts(rowid, body, title, tags) VALUES (?, ?, ?, ?)",
                         (fts_rowid(aid, date), index_grams(body, starts=False), heading, outlet_term(outlet)))
        conn.execute("DELETE FROM meta WHERE key = ?", [NUMBER_STARTS])
        conn.execute("UPDATE meta SET value = '12' WHERE key = 'schema_version'")
    conn.close()


def titles(index: Index, query: str) -> set[str]:
    return {a.title for a in index.search(query, limit=None).articles}


@pytest.fixture
def old_index(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    path = index_of_pages(folder, PAGES)
    made_before_the_marks(path)
    return folder, path


def test_an_old_index_is_searched_as_it_was_then_written_again_once(old_index):
    folder, path = old_index
    index = Index.open(path)
    assert titles(index, "1조2000억원") == {"한빛전자, 3분기 영업이익 1조2000억원", "한빛전자 매출 21조"}  # as before
    assert titles(index, "3.7%") == {"점유율 3.7%", "한빛전자 매출 21조"}
    assert OLD_NUMBERS_NOTE in index.search("1조2000억원").notes  # and says so where digits are asked
    assert OLD_NUMBERS_NOTE not in index.search("한빛전자").notes
    index.close()

    heard: list[str] = []
    conn = connect(path, create=True)
    index_paths(conn, [folder], workers=0, on_note=heard.append)
    assert [line for line in heard if "search index again" in line], heard
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    heard.clear()
    index_paths(conn, [folder], workers=0, on_note=heard.append)  # once
    assert not [line for line in heard if "search index again" in line]
    conn.close()

    index = Index.open(path)
    assert titles(index, "1조2000억원") == {"한빛전자, 3분기 영업이익 1조2000억원"}
    assert titles(index, "3.7%") == {"점유율 3.7%"}
    assert titles(index, "13.7%") == {"한빛전자 매출 21조"}
    assert titles(index, "100%") == {"점유율 3.7%"} and titles(index, "10%") == set()  # its tokenizer keeps % now
    assert OLD_NUMBERS_NOTE not in index.search("1조2000억원").notes
    index.close()


def test_a_changed_page_after_the_rewrite_leaves_no_old_row(old_index):
    folder, path = old_index
    conn = connect(path, create=True)
    index_paths(conn, [folder], workers=0)
    (folder / "a.txt").write_text("한빛전자, 영업이익 900억원\n\n한빛경제 홍길동 기자\n\n한빛전자는 영업이익 900억원을 냈다.",
                                  encoding="utf-8")
    index_paths(conn, [folder], workers=0)  # the old row is deleted by the tokens it was written with
    conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 0)")
    conn.close()
    index = Index.open(path)
    assert titles(index, "1조2000억원") == set()
    assert titles(index, "900억원") == {"한빛전자, 영업이익 900억원"}
    index.close()


def test_a_rewrite_that_stops_leaves_the_old_rows(old_index, monkeypatch):
    folder, path = old_index
    monkeypatch.setattr(batch_writer, "MARKING_CHUNK", 1)
    calls = []

    def fail_on_the_second(conn, rows, written=frozenset()):
        calls.append(rows)
        if len(calls) == 2:
            raise OSError("disk gone")
        return set()

    monkeypatch.setattr(batch_writer, "record_terms", fail_on_the_second)
    conn = connect(path, create=True)
    with pytest.raises(OSError):
        index_paths(conn, [folder], workers=0)
    conn.close()
    monkeypatch.undo()
    index = Index.open(path)  # still unmarked, and asked as such
    assert titles(index, "1조2000억원") == {"한빛전자, 3분기 영업이익 1조2000억원", "한빛전자 매출 21조"}
    index.close()
    conn = connect(path, create=True)
    index_paths(conn, [folder], workers=0)
    conn.close()
    index = Index.open(path)
    assert titles(index, "1조2000억원") == {"한빛전자, 3분기 영업이익 1조2000억원"}
    index.close()


async def test_the_app_says_an_old_index_finds_numbers_inside_longer_ones(old_index, tmp_path):
    """The app's status line carries the note the CLI prints, while the hits of `1조2000억원` include 21조2000억원."""
    from textual.widgets import Static

    from tests.test_tui_app import result_rows, settle, type_query
    from tui.app import HanscopeApp

    _folder, path = old_index
    async with HanscopeApp(path, export_dir=tmp_path).run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        await type_query(pilot, "1조2000억원")
        status = str(pilot.app.screen.query_one("#status", Static).render())
        assert status.endswith("until `hanscope index` runs") and "2 articles" in status, status
        await pilot.press("escape")  # the box emptied
        await type_query(pilot, "한빛전자")
        assert "hanscope index" not in str(pilot.app.screen.query_one("#status", Static).render())
        await pilot.press("escape")
        await type_query(pilot, "9조9999억원")  # nothing found: the list's message says it, once on the screen
        assert "hanscope index" not in str(pilot.app.screen.query_one("#status", Static).render())
        assert "until `hanscope index` runs" in "".join(text for _, text in result_rows(pilot.app))
