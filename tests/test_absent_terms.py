"""A query word's spacing variants that hold a term the index never held match no row, so the plan leaves them out
(store.search_terms.absent_terms): the same articles, counts, facets and bm25 scores, for fewer phrases for FTS5 to
set up (하이닉스 with its Latin names: 40 phrases, 1 at 100k generated articles)."""
from __future__ import annotations

import shutil

import pytest

import store.plan_binding
from store.api import Index
from store.db import connect
from store.indexer import index_paths
from store.query import parse as parse_query
from store.search import SearchPlan
from store.fts_query import term_fts
from store.search_terms import absent_terms
from store.textindex import BRIDGE

from conftest import index_of_seeds_and

# Written for this test in the style of wire copy: a name spaced inside (하이 닉스), a Latin name spaced (Open AI),
# numbers spaced and with separators (90만 장, 5,000억 달러), a particle on a mixed-script name (오픈AI는).
EXTRA = {
    "wire.txt": "하이 닉스, 청주 공장 증설\n\n[서울=뉴스1] 홍길동 기자 = SK 하이닉스는 월 90만 장 규모의 웨이퍼를"
                " 더 만든다고 밝혔다. 업계는 5,000억 달러 시장을 말한다.",
    "column.txt": "Open AI와 삼성 전자\n\n오픈AI는 삼성전자와 메모리 공급을 논의했다. 엔비디아도 같은 날 발표했다.",
}
WORDS = ["하이닉스", "하이닉스는", "SK하이닉스", "삼성", "삼성전자", "삼성과", "오픈AI", "오픈AI는", "OpenAI", "90만장",
         "90만 장", "5000억달러", "엔비디아", "nvidia", "하이닉쓰", "반도체 -웨이퍼", "웨이퍼 | 공장", "청주 공장", "삼성 sort:new",
         "청주공장", "openai"]  # the last two are written only spaced (청주 공장, Open AI): a bridge variant finds them


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    return index_of_seeds_and(tmp_path_factory.mktemp("absent-terms"), EXTRA)


def answers(index: Index, query: str):
    result = index.search(query, limit=None)
    return result.total_articles, [(a.id, a.score) for a in result.articles], index.facets_and_count(query)


def phrases(expression: str) -> int:
    return expression.count(" OR ") + 1


@pytest.mark.parametrize("window", [1000, 2])  # bm25 over the whole answer; the newest 2 ranked by headline
def test_every_word_answers_as_all_its_variants_did(corpus_db, monkeypatch, window):
    index = Index.open(corpus_db)
    index.rank_window = window
    pruned = {word: answers(index, word) for word in WORDS}
    assert any(total for total, _, _ in pruned.values())
    monkeypatch.setattr(store.plan_binding, "absent_terms", lambda conn, terms: set())
    assert {word: answers(index, word) for word in WORDS} == pruned


def test_a_word_asks_only_the_variants_the_index_holds(corpus_db, monkeypatch):
    index = Index.open(corpus_db)
    driver = SearchPlan(index, parse_query("하이닉스")).driver
    assert f'"하이" + "이닉{BRIDGE}" + "닉스"' in driver  # written spaced once (하이 닉스): kept
    assert f'"하이{BRIDGE}" + "이닉" + "닉스"' not in driver  # 하 이닉스 is written nowhere
    assert '"hy"' not in driver  # the spellings Hynix and SK Hynix are written nowhere: left out
    openai = SearchPlan(index, parse_query("오픈AI")).driver
    assert f'"op" + "pe" + "en" + "na{BRIDGE}" + "ai"' in openai  # Open AI, spaced, is written once: kept
    monkeypatch.setattr(store.plan_binding, "absent_terms", lambda conn, terms: set())
    assert phrases(SearchPlan(index, parse_query("하이닉스")).driver) > phrases(driver)
    assert '"hy"' in SearchPlan(index, parse_query("하이닉스")).driver


def test_a_variant_first_written_later_is_found(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("하이닉스 실적\n\n하이닉스가 3분기 실적을 냈다.", encoding="utf-8")
    db = connect(tmp_path / "i.db", create=True)
    index_paths(db, [folder], workers=0)
    index = Index.open(tmp_path / "i.db")
    assert index.search("하이닉스", limit=None).total_articles == 1
    (folder / "b.txt").write_text("메모리 값\n\n하 이닉스 주가가 올랐다.", encoding="utf-8")  # a spacing no row had
    index_paths(db, [folder], workers=0)
    db.close()
    assert Index.open(tmp_path / "i.db").search("하이닉스", limit=None).total_articles == 2


def test_one_variant_stays_when_every_one_holds_an_absent_term():
    assert term_fts("하이닉스", absent=lambda terms: set(terms)) == '"하이" + "이닉" + "닉스"'
    assert term_fts("하이닉스", absent=lambda terms: set(terms), keep_one=False) is None  # a spelling to leave out
    assert term_fts("하이닉스", absent=lambda terms: set()) == term_fts("하이닉스")
    assert phrases(term_fts("하이닉스")) == 7  # the plain word, three with one gap, three with two


def test_a_file_without_the_term_list_calls_nothing_absent(corpus_db, tmp_path):
    copy = tmp_path / "old.db"
    shutil.copy(corpus_db, copy)
    db = connect(copy)
    assert absent_terms(db, {"이닉_", "하이_", "하이"}) == {"하이_"}
    with db:
        db.execute("UPDATE meta SET value = replace(value, 'search_terms', 'x') WHERE key = 'additions'")
    assert absent_terms(db, {"이닉_", "하이_", "하이"}) == set()
    db.close()
