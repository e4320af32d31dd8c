"""The bigram search layer: Korean matching rules and query escaping, on a real FTS5 table."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.textindex import grams, parse_query, snippet

DOCS = {
    1: "SK하이닉스는 HBM 공급을 늘린다. 삼성전자와 경주에서 만났다.",
    2: "오픈AI는 스타게이트 프로젝트에 웨이퍼 월 90만장을 원한다.",
    3: "엔비디아-TSMC-SK 하이닉스 삼각 협력과 AI 서밋.",
    4: "삼성과 SK는 데이터센터를 짓는다.",
}


@pytest.fixture(scope="module")
def fts():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, content='', tokenize='unicode61 remove_diacritics 0')")
    conn.executemany("INSERT INTO t(rowid, body) VALUES (?, ?)", [(k, grams(v)) for k, v in DOCS.items()])
    return conn


def found(conn, query: str) -> set[int]:
    expression = parse_query(query).fts()
    if expression is None:
        return set()
    return {r[0] for r in conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,))}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("삼성", {1, 4}),  # 2 syllables, also inside 삼성전자
        ("경주", {1}),
        ("AI", {2, 3}),  # inside 오픈AI and alone
        ("하이닉스", {1, 3}),  # substring of a compound, with or without the space
        ("SK하이닉스", {1, 3}),  # the spaced spelling "SK 하이닉스" too
        ("오픈AI는", {2}),  # a particle on the query is dropped
        ("삼성과", {1, 4}),
        ("웨이퍼", {2}),
        ("90만장", {2}),
        ("hbm", {1}),  # case-insensitive
        ("삼성 경주", {1}),  # words AND together
        ("구글", set()),
    ],
)
def test_korean_matching(fts, query, expected):
    assert found(fts, query) == expected


@pytest.mark.parametrize(
    "hostile",
    ['"', "삼성*", "(삼성", "NEAR(삼성 SK)", "-삼성", "body:삼성", "삼성 OR", "'; DROP TABLE t; --", "\\", "%_", "AND", "^삼성"],
)
def test_fts_syntax_is_searched_as_text(fts, hostile):
    # Never an FTS5 syntax error; the letters in it are searched as words.
    found(fts, hostile)
    assert found(fts, "(삼성") == found(fts, "삼성")


def test_query_without_letters_matches_nothing(fts):
    assert parse_query("!!! ---").fts() is None


def test_snippet_highlights_spaced_and_cased_forms():
    text = "엔비디아-TSMC-SK 하이닉스와의 삼각 협력"
    window, spans = snippet(text, parse_query("sk하이닉스").pattern())
    assert [window[s:e] for s, e in spans] == ["SK 하이닉스"]


@given(st.text(max_size=200))
def test_any_query_is_a_valid_fts_expression(text):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, content='')")
    expression = parse_query(text).fts()
    if expression is not None:
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()
