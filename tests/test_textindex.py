"""The bigram search layer: Korean matching rules, spacing, and query trees as FTS5 expressions on a real table."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.query import QuerySyntaxError, parse
from store.fts_query import _FTS_TOKEN, _FtsReader, alternatives_are_terms, fts_expression
from store.snippets import highlight_pattern, snippet
from store.textindex import _index_grams_re, index_grams

from conftest import matched, search_table_of

DOCS = {
    1: "SK하이닉스는 HBM 공급을 늘린다. 삼성전자와 경주에서 만났다.",
    2: "오픈AI는 스타게이트 프로젝트에 웨이퍼 월 90만장을 원한다.",
    3: "엔비디아-TSMC-SK 하이닉스 삼각 협력과 AI 서밋.",
    4: "삼성과 SK는 데이터센터를 짓는다.",
    5: "젠슨 황 CEO는 5000억 달러 투자를 말했다. 대경 주식은 올랐다.",
    6: "젠슨황은 스타게이트프로젝트와 90만 장을 언급했다. 스타게이트는 새 프로젝트다.",
    7: "5,000억달러 규모의 계약.",
}


@pytest.fixture(scope="module")
def fts():
    return search_table_of(DOCS)


def found(conn, query: str) -> set[int]:
    return matched(conn, fts_expression(parse(query).root, starts=True))  # the rows mark numbers' starts


@pytest.mark.parametrize(
    "query, expected",
    [
        ("삼성", {1, 4}),  # 2 syllables, also inside 삼성전자
        ("경주", {1}),  # not across 대경 주식 (doc 5): a 2-letter word stays inside a word
        ("AI", {2, 3}),  # inside 오픈AI and alone
        ("하이닉스", {1, 3}),  # substring of a compound, with or without the space
        ("SK하이닉스", {1, 3}),  # the spaced spelling "SK 하이닉스" too
        ("오픈AI는", {2}),  # a particle on the query is dropped
        ("삼성과", {1, 4}),
        ("웨이퍼", {2}),
        ("hbm", {1}),  # case-insensitive
        ("삼성 경주", {1}),  # words AND together
        ("구글", set()),
        # spacing, both ways
        ("90만장", {2, 6}),
        ("90만 장", {2, 6}),
        ("젠슨황", {5, 6}),
        ("젠슨 황", {5, 6}),
        ('"젠슨 황 CEO"', {5}),  # a one-letter word inside a phrase stays adjacent to both sides
        ("5000억달러", {5, 7}),  # 5,000억 too: a mark between digits is a gap like a space
        ("5000억 달러", {5, 7}),
        ('"스타게이트 프로젝트"', {2, 6}),
        ("스타게이트프로젝트", {2, 6}),
        # operators
        ("삼성 -경주", {4}),
        ("삼성 | 웨이퍼", {1, 2, 4}),
        ("(삼성 | 웨이퍼) -경주", {2, 4}),
        ('SK -"SK 하이닉스"', {4}),
    ],
)
def test_korean_matching(fts, query, expected):
    assert found(fts, query) == expected


def test_a_phrase_needs_its_words_adjacent_and_in_order(fts):
    # doc 6 also says 스타게이트는 … 프로젝트다 (apart); doc 2 and 6 have them adjacent
    assert found(fts, '"프로젝트 스타게이트"') == set()
    assert found(fts, "스타게이트 프로젝트") == {2, 6}  # as two words, order and distance do not matter


def test_bridges_are_marked_and_one_letter_runs_fold_into_them():
    assert index_grams("90만 장") == "_90 0만 만장_ 장"  # `_90`: a number starts there
    assert index_grams("90만 장", starts=False) == "90 0만 만장_ 장"
    assert index_grams("젠슨 황 CEO") == "젠슨 슨황_ 황c_ ce eo"
    assert index_grams("경주") == "경주"


GRAM_ALPHABET = st.sampled_from(list("삼성과 SK하이닉스는 오픈AI 90만장 5,000억 1,2345 ß İ _-·.\n\t①") + ["😀", "\ud800", "\x00", "ㅅㅈ"])


@settings(max_examples=500, deadline=None)
@given(st.lists(GRAM_ALPHABET, max_size=40).map("".join))
def test_the_fast_token_string_equals_the_regex_definition(text):
    # the numpy path (index time) and the regexes it replaced: one search table, whichever made its rows
    assert index_grams(text) == _index_grams_re(text)
    assert index_grams(text, starts=False) == _index_grams_re(text, starts=False)


NUMBER_ALPHABET = st.sampled_from(list("0123456789 .,-조억만천백원장경년H%％가_") + ["1조 ", "  ", "\n"])


@settings(max_examples=500, deadline=None)
@given(st.lists(NUMBER_ALPHABET, max_size=30).map("".join))
def test_the_fast_number_marks_equal_the_loop(text):
    assert index_grams(text) == _index_grams_re(text)


def test_the_fast_token_string_on_articles():
    for text in ["SK 하이닉스와 삼성전자는 5,000억 달러(약 700조원)를 월 90만 장에.", "젠슨황 CEO는 오픈AI에 a b c",
                 "가", "가 나", " 다 ", "", "___", "İstanbul의 1,000,000원 straße", "최 회장 😀 HBM3E 12단"]:
        assert index_grams(text) == _index_grams_re(text)
    assert index_grams("삼성과 a b c") == "삼성 성과 과a_ ab_ bc_ c"


def test_snippet_highlights_spaced_and_cased_forms():
    text = "엔비디아-TSMC-SK 하이닉스와의 삼각 협력, 90만 장"
    window, spans = snippet(text, highlight_pattern(["sk하이닉스", "90만장"]))
    assert [window[s:e] for s, e in spans] == ["SK 하이닉스", "90만 장"]


def _snippet_of_the_whole_text(text, pattern, width=90):
    """The snippet as it was: collapse the whole body, then search it."""
    text = " ".join(text.split())
    match = pattern.search(text) if pattern else None
    if match is None:
        return (text[:width] + ("…" if len(text) > width else ""), [])
    start = max(0, match.start() - width // 3)
    end = min(len(text), start + width)
    start = max(0, min(start, end - width))
    window = text[start:end]
    prefix, suffix = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    return prefix + window + suffix, [(m.start() + len(prefix), m.end() + len(prefix)) for m in pattern.finditer(window)]


BODY_PIECES = st.sampled_from(["삼성", "전자", "삼", "성", "하이닉스", "SK", "sk", "90만", "장", "원", "오픈AI는", "HBM",
                               " ", "  ", "\n", "\n\n\n\n", "\u00a0", "\u3000", "\x1c", "-", ",", "·", "…", "가나다라마바사 " * 20])


@settings(max_examples=400, deadline=None)
@given(st.lists(BODY_PIECES, max_size=400).map("".join),
       st.lists(st.sampled_from(["삼성전자", "삼성", "sk하이닉스", "90만장", "성", "오픈AI", "hbm", "원", "-", "가나"]),
                max_size=3))
def test_a_snippet_read_from_a_prefix_is_the_snippet_of_the_whole_body(body, forms):
    """Long bodies whose first match is far in, or split by runs of spaces and newlines, or absent, or only
    spaces after the first prefix: the same window, ellipses and highlights as collapsing the whole body."""
    pattern = highlight_pattern(forms)
    assert snippet(body, pattern) == _snippet_of_the_whole_text(body, pattern)
    spaced = body + " " * 600 + "\n" * 600  # trailing spaces beyond the first prefix
    assert snippet(spaced, pattern) == _snippet_of_the_whole_text(spaced, pattern)


def test_a_long_spelling_that_runs_past_the_prefix_still_wins_over_a_later_short_one(monkeypatch):
    """A 28-letter name written with a bridge between each letter (109 characters) starts the body; the short
    form 하 is inside it. Read from a prefix that cuts the long match, the first match seen would be 하's."""
    import store.snippets as snippets

    letters = "가나다라마바사아자차카타하파" * 2
    body = "-·-".join(letters) + " 뒤의 본문" * 40
    pattern = highlight_pattern([letters, "하"])
    monkeypatch.setattr(snippets, "SNIPPET_PREFIX", 108)  # 하 at 48, the long match to 109
    window, spans = snippet(body, pattern)
    assert (window, spans) == _snippet_of_the_whole_text(body, pattern)
    assert window.startswith("가-·-나")  # opened at the long match, the body's start


QUERY_ALPHABET = st.sampled_from(list('삼성 경주ㅅㅈ가AIsk09"()|-*@:.#만억 ') + ["OR", "NOT", "outlet:", "date:", "entity:",
                                                                              "sort:", "type:", "by:", "foo:"])


@settings(max_examples=300, deadline=None)
@given(st.lists(QUERY_ALPHABET, max_size=30).map("".join))
def test_any_query_is_refused_by_the_parser_or_a_valid_fts_expression(text):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, content='')")
    try:
        query = parse(text)
    except QuerySyntaxError as err:
        assert 0 <= err.position <= len(text)
        return
    if query.root is not None:
        expression = fts_expression(query.root)
        if expression is not None:
            conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()
            _FtsReader(_FTS_TOKEN.findall(expression)).whole()  # alternatives_are_terms reads all that is written


@pytest.mark.parametrize("query, plain", [
    ("스", True),  # the OR of the pairs a letter starts
    ("반도체 d", True),  # a phrase ANDed with them: in most articles where most articles are hits
    ("삼성 -하", True), ("하 | 스", True), ("삼성", True), ("반도체", True),
    ("데이터센터 | 원", False),  # a phrase is an alternative: it may be in few articles
    ("(반도체 HBM) | 원", False),  # so is an AND
    ("엔비디아 3", False),  # its other spelling (NVIDIA): an OR of phrases
    ("반도체 -삼성", True), ("반도체 -엔비디아", False),  # asked at a row, the excluded spellings are alternatives too
])
def test_an_or_whose_alternatives_are_terms_alone(query, plain):
    """As the index reads a query: a letter is the OR of the pairs it starts, spacing variants the index never held
    are left out (here every bridged one), 엔비디아 is also NVIDIA."""
    expression = fts_expression(parse(query).root, forms=lambda t: (t.text, "nvidia") if t.text == "엔비디아" else (t.text,),
                                expand=lambda letter: [letter + "가", letter + "나"],
                                absent=lambda terms: {t for t in terms if t.endswith("_")})
    assert alternatives_are_terms(expression) == plain, expression
    assert not alternatives_are_terms('"a" OR') and not alternatives_are_terms('("a"')  # unread: never probed
