"""The cleaning's substring checks before a regex search (round 12: a search of every line cost CPU on every
article) must never hide a match: each check names text that every match of its pattern holds."""
from __future__ import annotations

from store.ingest.clean_base import _JOB
from store.ingest.clean_debris import _IMAGE_STUB, _OTHER_ARTICLES, _is_debris
from store.ingest.clean import clean
from store.model import Document


def test_byline_tail_check_assumes_job_words_end_in_reporter_or_correspondent():
    # clean._scan searches _BYLINE_TAIL only when 기자 or 특파원 is in the line: its _JOB must end in one of them
    assert _JOB.endswith("(?:기자|특파원)")


def test_other_articles_and_image_stub_matches_hold_the_checked_words():
    for line in ("홍길동 기자의 다른기사 보기", "김철수 특파원 구독", "이 기자의 다른 기사 보기"):
        assert _OTHER_ARTICLES.search(line) and any(w in line for w in ("기자", "특파원", "다른"))
        assert _is_debris(line)
    for raw in ("![삼성전자 로고](https://img.example/a.png)삼성전자가 3조원을 투자한다.", "본문 이미지 - 한빛전자 공장"):
        assert _IMAGE_STUB.search(raw) and ("![" in raw or "본문" in raw)


def test_byline_tail_and_image_stub_still_cleaned():
    text = ("한빛전자 3조원 투자\n"
            "![한빛전자 공장](https://img.example/p.jpg)한빛전자가 경주에 3조원을 투자한다고 2일 밝혔다. 공장은 2027년 완공된다.\n"
            "회사 측은 고용 500명을 기대한다고 말했다. 홍길동 기자 hong@example.com\n"
            "홍길동 기자의 다른기사 보기\n")
    article = clean(Document(source="t.txt", text=text, kind="text"))
    assert "홍길동" in article.reporters
    assert "![" not in article.body and "다른기사" not in article.body and "hong@" not in article.body
    assert article.body.startswith("한빛전자가 경주에 3조원을")
