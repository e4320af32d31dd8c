"""The rules' words built by one regex match each (round 12) and the words a hint picks out from the answers kept for
each distinct core: both must give exactly what the word-by-word loop and searches gave."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from store.extract.discovery import ALIAS_FILE, _known_from_file
from store.extract.rules import _Article
from store.extract import rules_base
from store.extract.rules_base import _ArticleBase
from store.extract.rules_bodies import _SUFFIX_HINT
from store.extract.rules_firm_cues import _FIRM_WORD_HINT
from store.extract.people_names import _TITLE_HINT

_PIECES = ["삼성전자", "가", "는", "의", "과", "SK하이닉스", "홍길동", "회장", "대표이사", "자회사", "협의회", "경찰서", "시장", "역",
           "(주)", "(", ")", "[", "]", "[서울]", "·", "‧", "‘", "’", "“", "”", "'", '"', ".", ",", "!", "?", "…", "-", "▲", "%",
           "다.", "다.그", "3조원", " ", " ", "\n", "\t", "\u3000"]
texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def _fields(words, with_tags=True):
    return [(w.core, w.start, w.end, w.opens, w.closes, w.line_start) + ((w.tags,) if with_tags else ()) for w in words]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_plain_words_equal_the_word_loop(text):
    # tokens=[] takes the loop (each word's tags then [] instead of None): every other field must agree
    assert _fields(_ArticleBase._words(text, None), False) == _fields(_ArticleBase._words(text, []), False)


def test_plain_words_on_korean_prose():
    text = "[서울=뉴시스] 삼성전자(005930)는 ‘갤럭시’를… SK하이닉스·LG전자와 3조원을\n투자한다. 홍길동 회장은 “좋다”고 말했다."
    words = _ArticleBase._words(text, None)
    assert _fields(words, False) == _fields(_ArticleBase._words(text, []), False)
    cores = [w.core for w in words]
    assert "삼성전자는" in cores and "갤럭시’를" in cores and "[서울=뉴시스]" not in cores and "SK하이닉스·LG전자와" in cores
    assert [w.line_start for w in words if w.core == "투자한다"] == [True]
    samsung = next(w for w in words if w.core == "삼성전자는")
    assert text[samsung.start:samsung.end] == "삼성전자(005930)는"  # the bracket is inside the word's span, not its core


@settings(max_examples=400, deadline=None)
@given(texts)
def test_hinted_equals_a_search_per_word(text):
    article = _Article(text, None, _known_from_file(str(ALIAS_FILE)))
    for hint in (_SUFFIX_HINT, _TITLE_HINT, _FIRM_WORD_HINT, re.compile(r"전자\b"), re.compile("^홍")):
        assert article.hinted(hint) == [i for i, w in enumerate(article.words) if hint.search(w.core)]


def test_hint_answers_kept_across_articles_stay_exact_and_bounded(monkeypatch):
    monkeypatch.setattr(rules_base, "HINT_MEMO_CORES", 3)
    monkeypatch.setattr(rules_base, "_hint_memos", {})
    known = _known_from_file(str(ALIAS_FILE))
    texts = ["홍길동 회장은 자회사 협의회에 갔다. 홍길동 회장이", "김철수 대표이사와 홍길동 회장은\n자회사를 두고 회장이",
             "회장 회장 회장", "아무 말도 없는 글"]
    for text in texts + texts:  # the second round answers from what the first kept (or from a memo begun again)
        article = _Article(text, None, known)
        for hint in (_SUFFIX_HINT, _TITLE_HINT, re.compile("^홍"), re.compile("회장$")):
            assert article.hinted(hint) == [i for i, w in enumerate(article.words) if hint.search(w.core)], (text, hint)
            searched, matched = rules_base._hint_memos[hint]
            assert matched <= searched and len(searched) <= 3 + len({w.core for w in article.words})
