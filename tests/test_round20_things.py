"""Round 20 (things): products named by general Korean-news cues that recur on every outlet."""
from __future__ import annotations

import pytest
from cpu_budget import ceiling, cpu
from test_matching import all_names, mentions, names_of, shipped  # noqa: F401 (shipped is a fixture)


def _products(shipped, text):
    """Products found in the text as a body paragraph (a headline line first: quoted names in a headline are read apart)."""
    return {w for w, _, k in mentions(shipped, "오늘의 소식\n" + text) if k == "product"}


@pytest.mark.parametrize("text, name", [
    ("한화생명은 저해지환급형 상품 ‘스페셜통합종신보험’을 출시했다.", "스페셜통합종신보험"),
    ("교보생명이 '교보실속있는치매종신보험'을 출시한다고 밝혔다.", "교보실속있는치매종신보험"),
    ("국민은행은 ‘KB스타정기예금’을 선보였다.", "KB스타정기예금"),
    ("신한카드는 ‘딥드림플러스카드’를 내놨다.", "딥드림플러스카드"),
])
def test_a_quoted_financial_product_launched_is_a_product(shipped, text, name):
    assert name in _products(shipped, text)


@pytest.mark.parametrize("text", [
    "보험사들은 ‘종신보험’을 출시했다.",  # the kind alone
    "은행은 ‘청년적금’을 출시했다.",  # a kind with one word before: 청년 + 적금 is still a kind
    "정부는 ‘특단의 대책’을 내놨다.",
])
def test_a_quoted_kind_is_no_financial_product(shipped, text):
    assert not (_products(shipped, text) & {"종신보험", "청년적금", "특단의 대책"})


@pytest.mark.parametrize("text, names", [
    ("배모씨 등 3명이 제조한 ‘한산소곡주’, ‘한산민속주’ 제품을 판매 중단 및 회수 조치한다.", {"한산소곡주", "한산민속주"}),
    ("식약처는 ‘바삭김부각’ 제품을 회수한다고 밝혔다.", {"바삭김부각"}),
    ("이번 ‘고소한참깨’ 제품은 전량 리콜된다.", {"고소한참깨"}),
])
def test_quoted_names_called_products_in_a_recall_are_products(shipped, text, names):
    assert names <= _products(shipped, text)


@pytest.mark.parametrize("text", [
    "‘친환경 인증’ 제품을 판매한다.",  # spaced words: a description
    "‘친환경’ 제품이 인기다.",  # no sale or recall after it
    "‘저렴한 가격’ 제품을 출시했다.",
])
def test_a_quoted_description_before_product_is_no_product(shipped, text):
    assert not (_products(shipped, text) & {"친환경 인증", "친환경", "저렴한 가격"})


@pytest.mark.parametrize("text", [
    "스탠더드앤드푸어스(S&P)500지수는 전장보다 16.02포인트 올랐다.",
    "스탠다드앤푸어(S&P) 500 지수는 17.87포인트 상승했다.",
    "모건스탠리캐피털인터내셔널(MSCI) 신흥국지수에 편입됐다. 스탠더드앤드푸어스(S&P)500지수가 올랐다.",
])
def test_a_bracket_pair_before_an_index_is_no_firm(shipped, text):
    """An index named after its compiler: stock indices are no entity (gold convention)."""
    found = {w for w, _, k in mentions(shipped, "시황\n" + text) if k == "company"}
    assert not (found & {"스탠더드앤드푸어스", "스탠다드앤푸어", "S&P"}), found


def test_the_compilers_pair_without_an_index_stays_a_firm(shipped):
    found = names_of(shipped, "시황\n국제 신용평가사 스탠더드앤드푸어스(S&P)는 한국의 신용등급을 유지했다.", "company")
    assert "스탠더드앤드푸어스" in found, found


@pytest.mark.parametrize("text, name", [
    ("23일 뉴욕증권거래소(NYSE)에서 다우존스 지수는 올랐다.", "뉴욕증권거래소"),
    ("이 회사는 런던증권거래소에 상장했다.", "런던증권거래소"),
    ("도쿄증권거래소의 닛케이 지수는 내렸다.", "도쿄증권거래소"),
])
def test_a_citys_stock_exchange_is_an_org(shipped, text, name):
    assert name in names_of(shipped, "시황\n" + text, "org")


def test_a_kind_of_exchange_is_no_org(shipped):
    found = all_names(shipped, "시황\n가상자산거래소와 증권거래소에서 거래됐다. 해외증권거래소, 각국증권거래소도 있다.")
    assert not (found & {"가상자산거래소", "증권거래소", "해외증권거래소", "각국증권거래소"}), found


@pytest.mark.parametrize("text, name", [
    ("행사는 주캄보디아대한민국대사관 주최로 열렸다.", "주캄보디아대한민국대사관"),
    ("주중한국대사관은 교민 안전에 유의하라고 밝혔다.", "주중한국대사관"),
    ("주상하이총영사관에 따르면 피해는 없다.", "주상하이총영사관"),
])
def test_a_mission_abroad_named_with_ju_is_an_org(shipped, text, name):
    assert name in names_of(shipped, "소식\n" + text, "org")


def test_a_kind_of_embassy_is_no_org(shipped):
    found = all_names(shipped, "소식\n현지대사관과 주재국대사관, 각국대사관에 알렸다.")
    assert not (found & {"현지대사관", "주재국대사관", "각국대사관"}), found


@pytest.mark.parametrize("text", [
    "‘가나다’" + ", ‘가나다’" * 30_000 + " 제품",  # a long list of quoted names never closed by a sale verb
    "‘가나다’ 제품을 가나 " * 50_000,
    "‘가나다라보험’을 " * 50_000,
    "(" * 10_000 + "‘" + "·" * 100_000,
    "가나(S&P) 500 " * 50_000,
    "뉴욕증권거래소 " * 50_000,
    "주캄보디아대한민국대사관(대사 " * 50_000,
], ids=["quoted-list", "product-no-verb", "insurance", "brackets-dots", "index-brackets", "exchanges", "embassies"])
def test_round20_things_rules_stay_linear_on_hostile_text(shipped, text):
    start = cpu()
    found = mentions(shipped, text)
    assert cpu() - start < ceiling(3.0) and found is not None
