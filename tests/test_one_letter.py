"""A one-letter word (the first key typed) is the OR of the search terms that start with its letter, not an FTS5
prefix: the same articles in the same order, for the price of the page (store.search_terms.one_letter_terms)."""
from __future__ import annotations

import re
import shutil

import pytest

import store.plan_binding
import store.search
from store.api import Index
from store.db import connect
from store.indexer import index_paths
from store.query import parse as parse_query
from store.search_terms import one_letter_terms

from conftest import index_of_seeds_and

# Written for this test in the style of a wire story: particles, spacing, Latin and digits, a Hanja gloss, a
# thousands separator, and letters that stand last in a text (이하, a lone 삼) where no bigram starts with them.
EXTRA = {
    "wire.txt": "삼성전자 반도체 실적 발표\n\n[서울=뉴스1] 홍길동 기자 = 삼성전자는 3분기 영업이익이 12조1000억원으로"
                " 집계됐다고 밝혔다. HBM 매출은 5,000억 달러 규모 시장의 일부다. 평택 공장은 월 90만 장 이하",
    "column.txt": "반도체 韓國 산업의 하루\n\n엔비디아와 오픈AI는 젠슨 황 CEO의 발표 뒤 협력을 늘렸다. 삼",
}


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    return index_of_seeds_and(tmp_path_factory.mktemp("one-letter"), EXTRA)


def letters_of(index: Index) -> list[str]:
    text = " ".join(" ".join(filter(None, row)) for row in index._rows("SELECT title, subtitle, captions, body FROM articles"))
    return sorted(set(re.findall(r"[^\W_]", text.casefold())))


def answers(index: Index, query: str):
    result = index.search(query, limit=None)
    return result.total_articles, [(a.id, a.score) for a in result.articles]


@pytest.mark.parametrize("window", [1000, 3])  # bm25 over the whole answer; the newest 3 ranked by headline
def test_every_letter_answers_as_its_prefix_did(corpus_db, monkeypatch, window):
    index = Index.open(corpus_db)
    index.rank_window = window
    letters = letters_of(index)
    assert {"삼", "하", "h", "1", "韓"} <= set(letters) and len(letters) > 300
    expanded = {letter: answers(index, letter) for letter in letters}
    monkeypatch.setattr(store.plan_binding, "one_letter_terms", lambda conn, letter: None)  # every letter a prefix
    for letter in letters:
        assert expanded[letter] == answers(index, letter), letter
    assert expanded["삼"][0] == 7  # 삼 last in column.txt is still a hit


def test_a_one_letter_word_is_an_or_of_its_terms_also_inside_a_query(corpus_db):
    index = Index.open(corpus_db)
    terms = one_letter_terms(index.db, "삼")
    assert "삼성" in terms and "삼" in terms and all(t.startswith("삼") for t in terms)  # the lone 삼 of column.txt
    plan = store.search.SearchPlan(index, parse_query("삼 -HBM"))
    assert '"삼성"' in plan.driver and "*" not in plan.driver
    assert index.search("삼 -HBM").total_articles == index.search("삼").total_articles - index.search("삼 HBM").total_articles


def test_a_letter_whose_terms_fts5_may_spell_otherwise_stays_a_prefix(corpus_db):
    index = Index.open(corpus_db)
    assert one_letter_terms(index.db, "韓") is None  # 韓國: outside the letters whose terms are kept as written
    assert one_letter_terms(index.db, "國") is None
    assert one_letter_terms(index.db, "_") is None and one_letter_terms(index.db, "*") is None


def test_an_index_from_before_the_terms_table_searches_by_prefix_then_reads_its_terms_once(corpus_db, tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(corpus_db, path)
    db = connect(path)
    with db:
        db.execute("DROP TABLE search_terms")
        db.execute("UPDATE meta SET value = 'articles_placing' WHERE key = 'additions'")
    db.close()
    index = Index.open(path)
    assert one_letter_terms(index.db, "삼") is None
    before = answers(index, "삼")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "new.txt").write_text("삼척 발전소 준공\n\n삼척시는 발전소 준공식을 열었다.", encoding="utf-8")
    db = connect(path, create=True)  # as `hanscope index` opens it: the missing additions are made
    index_paths(db, [tmp_path / "more"], workers=0)
    db.close()
    index = Index.open(path)
    terms = one_letter_terms(index.db, "삼")
    assert "삼척" in terms and "삼성" in terms  # the old rows' terms and the new file's
    assert answers(index, "삼")[0] == before[0] + 1
