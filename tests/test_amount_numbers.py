"""A query's amount lists the numbers equal to it first, then those within 0.5% that round to it as written or that
it rounds to (the same figure rounded by another outlet), each largest first. Ordered by value alone, an index of
20,000 generated articles answered `29조5500억원` with fifty rows of 29조6900억원 down to 29조5600억원 and none of its
own four, and `30%` with fifty of 30.15%: the larger near amounts filled the page before the equal ones; and
29조6900억원, which no rounding of 29조5500억원 gives, was listed as near it."""
from __future__ import annotations

import pytest

import store.number_table as number_table
from store.api import Index

from conftest import index_of_dated

# (day, headline, body): each near amount is larger than the query's, so "largest first" alone puts it on top
PAGES = [
    ("2025-10-01", "한빛전자, 반도체 투자 확대", "한빛전자는 반도체 설비에 29조6900억원을 투자한다. 가동률은 30.15%로 올랐다."),
    ("2025-10-02", "누리소재 실적 발표", "누리소재의 매출은 29조 6000억원이다. 점유율은 30.1%에 이른다."),
    ("2025-10-03", "세진화학 공장 착공", "세진화학은 울산에 29조 5500억원 규모의 공장을 짓는다. 반도체 수율은 30%다."),
    ("2025-10-04", "대원테크 수주", "대원테크의 수주 잔고는 29.55조원으로 늘었다. 반도체 점유율은 30.0%를 넘었다."),
    ("2025-10-05", "정부, 반도체 지원", "정부는 1~4조원을 투입한다. 별도로 1조50억원을 배정했고 1조원을 더한다."),
    ("2025-10-06", "웨이퍼 공급 계약", "가온전자는 월 90만3000장의 웨이퍼를 공급하고, 보람전자는 월 90만 장을 공급한다."),
    ("2025-10-07", "반도체 점유율 하락", "보람반도체의 점유율은 30.1%에서 30 %로 내렸다."),
]

CASES = [  # query, the raw text of its equal numbers, of its near ones
    ("29조5500억원", {"29조 5500억원", "29.55조원"}, {"29조 6000억원"}),  # 29조6900억원 is no rounding of it
    ("30.15%", {"30.15%"}, {"30.1%", "30%", "30.0%", "30 %"}),  # it rounds to 30.1% (and to 30%)
    ("30%", {"30%", "30.0%", "30 %"}, {"30.15%", "30.1%"}),
    ("1조원", {"1조원", "1~4조원"}, {"1조50억원"}),  # a range that holds the amount is equal to it
    ("90만장", {"90만 장"}, {"90만3000장"}),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    path = index_of_dated(tmp_path_factory.mktemp("amounts") / "pages", PAGES)
    opened = Index.open(path)
    yield opened
    opened.close()


def _raws(rows) -> list[str]:
    return [n.raw.removeprefix("월 ") for n in rows]


@pytest.mark.parametrize("grouped", [True, False])  # read by (unit, counter) groups, or one statement a tier
@pytest.mark.parametrize("query, equal, near", CASES)
def test_the_equal_numbers_come_before_the_near_ones(index, monkeypatch, grouped, query, equal, near):
    if not grouped:
        monkeypatch.setattr(number_table, "has_index", lambda *args, **kwargs: False)
    page = _raws(number_table.numbers_matching(index, query, None, len(equal)))
    assert set(page) == equal, page
    whole = _raws(number_table.numbers_matching(index, query, None, 50))
    assert set(whole[:len(equal)]) == equal and set(whole[len(equal):]) == near, whole


@pytest.mark.parametrize("grouped", [True, False])
@pytest.mark.parametrize("few", [0, 2000])  # the hits' own numbers sorted, or the amount's rows filtered by the hits
def test_with_words_the_equal_numbers_of_the_hits_come_first(index, monkeypatch, grouped, few):
    """`반도체 30%`: of the articles holding 반도체 and 30% (세진화학 and 보람반도체), their 30% first, then 30.1%."""
    monkeypatch.setattr(number_table, "FEW_ARTICLES", few)
    if not grouped:
        monkeypatch.setattr(number_table, "has_index", lambda *args, **kwargs: False)
    found = _raws(index.search("반도체 30%", limit=20, exact_count=False).numbers)
    assert sorted(found[:2]) == ["30 %", "30%"] and found[2:] == ["30.1%"], found


def test_the_search_shows_the_amount_s_own_numbers_first(index):
    result = index.search("29조5500억원", limit=20)
    assert {a.title for a in result.articles} == {"세진화학 공장 착공"}  # the text search: as written (spacing aside)
    assert set(_raws(result.numbers)[:2]) == {"29조 5500억원", "29.55조원"}
