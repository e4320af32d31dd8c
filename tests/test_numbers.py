"""The Korean number parser: forms, traps, the five seeds, and properties over any text."""
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.model import Amount
from store.extract.numbers import format_amount, parse_numbers, parse_query_amount, same_quantity

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def only(text: str) -> Amount:
    amounts = parse_numbers(text)
    assert len(amounts) == 1, amounts
    amount = amounts[0]
    assert amount.raw == text[amount.start:amount.end]
    return amount


def fields(a: Amount) -> tuple:
    return (a.raw, a.value, a.value_max, a.unit, a.counter, a.qualifier, a.period, a.converts)


# text, raw, value, value_max, unit, counter, qualifier, period
FORMS = [
    # 만/억/조 and 천/백 after digits, glued or spaced, with particles after
    ("1조2000억원을 투자", "1조2000억원", 1.2e12, None, "KRW", None, None, None),
    ("매출 29조 3700억 원을 기록", "29조 3700억 원", 29.37e12, None, "KRW", None, None, None),
    ("171억 3000만 달러의 흑자", "171억 3000만 달러", 17.13e9, None, "USD", None, None, None),
    ("가격은 1만200원이다", "1만200원", 10200, None, "KRW", None, None, None),
    ("5000억 달러 규모", "5000억 달러", 5e11, None, "USD", None, None, None),
    ("20조원을 투자하겠다", "20조원", 20e12, None, "KRW", None, None, None),
    ("3천억원에 달한다", "3천억원", 3e11, None, "KRW", None, None, None),
    ("5백만 명이 봤다", "5백만 명", 5e6, None, "count", "명", None, None),
    ("3천5백만 원", "3천5백만 원", 3.5e7, None, "KRW", None, None, None),
    ("1,000억 원", "1,000억 원", 1e11, None, "KRW", None, None, None),
    ("2.5조 원", "2.5조 원", 2.5e12, None, "KRW", None, None, None),
    ("1만 5,000 명", "1만 5,000 명", 15000, None, "count", "명", None, None),
    # currencies
    # 30억 달러 is $3 billion (3e9); $30 billion is 300억 달러
    ("$3 billion", "$3 billion", 3e9, None, "USD", None, None, None),
    ("$30 billion", "$30 billion", 3e10, None, "USD", None, None, None),
    ("US$ 5 million", "US$ 5 million", 5e6, None, "USD", None, None, None),
    ("USD 30", "USD 30", 30, None, "USD", None, None, None),
    ("30억 USD", "30억 USD", 3e9, None, "USD", None, None, None),
    ("100불짜리", "100불", 100, None, "USD", None, None, None),
    ("€2.5 million", "€2.5 million", 2.5e6, None, "EUR", None, None, None),
    ("3억 유로를", "3억 유로", 3e8, None, "EUR", None, None, None),
    ("¥300억", "¥300억", 3e10, None, "JPY", None, None, None),
    ("1조엔의", "1조엔", 1e12, None, "JPY", None, None, None),
    ("100위안", "100위안", 100, None, "CNY", None, None, None),
    ("£5bn", "£5bn", 5e9, None, "GBP", None, None, None),
    ("50파운드", "50파운드", 50, None, "GBP", None, None, None),
    ("순이익은 4523억 대만달러로", "4523억 대만달러", 4.523e11, None, "TWD", None, None, None),
    ("4523억 대만 달러", "4523억 대만 달러", 4.523e11, None, "TWD", None, None, None),
    ("100억 엔화", "100억 엔화", 1e10, None, "JPY", None, None, None),
    # power and energy
    ("500메가와트급 설비", "500메가와트", 5e8, None, "W", None, None, None),
    ("1.5기가와트", "1.5기가와트", 1.5e9, None, "W", None, None, None),
    ("500MW급 발전소", "500MW", 5e8, None, "W", None, None, None),
    ("300 kW", "300 kW", 3e5, None, "W", None, None, None),
    ("300MWh를 저장", "300MWh", 3e8, None, "Wh", None, None, None),
    ("2메가와트시", "2메가와트시", 2e6, None, "Wh", None, None, None),
    ("연 10TWh", "연 10TWh", 1e13, None, "Wh", None, None, "year"),
    # percent and points
    ("5.59%로 올랐다", "5.59%", 5.59, None, "%", None, None, None),
    ("30퍼센트를", "30퍼센트", 30, None, "%", None, None, None),
    ("3%p 올랐다", "3%p", 3, None, "%p", None, None, None),
    ("2.5퍼센트포인트", "2.5퍼센트포인트", 2.5, None, "%p", None, None, None),
    ("• -1.93%", "-1.93%", -1.93, None, "%", None, None, None),
    ("30%대 성장", "30%대", 30, None, "%", None, "대", None),
    # counts
    ("26만 장 규모의 GPU", "26만 장", 2.6e5, None, "count", "장", None, None),
    ("9000명 규모의 고용", "9000명", 9000, None, "count", "명", None, None),
    ("멤버사 19곳이 참여", "19곳", 19, None, "count", "곳", None, None),
    ("국내 23개 AI 기업", "23개", 23, None, "count", "개", None, None),
    ("이 4가지 전략", "4가지", 4, None, "count", "가지", None, None),
    ("23개국에서", "23개국", 23, None, "count", "개국", None, None),
    ("GPU 3대를 샀다", "3대", 3, None, "count", "대", None, None),
    ("3대만 남았다", "3대", 3, None, "count", "대", None, None),
    ("로봇 120대를", "120대", 120, None, "count", "대", None, None),
    ("1만대 판매", "1만대", 1e4, None, "count", "대", None, None),
    ("1000만 주를 매입", "1000만 주", 1e7, None, "count", "주", None, None),
    ("하루 200만 배럴", "하루 200만 배럴", 2e6, None, "count", "배럴", None, "day"),
    ("2000원대로 '뚝'", "2000원대", 2000, None, "KRW", None, "대", None),
    # Korean numerals before a counter
    ("한 곳에서", "한 곳", 1, None, "count", "곳", None, None),
    ("두 명이", "두 명", 2, None, "count", "명", None, None),
    ("세 개의", "세 개", 3, None, "count", "개", None, None),
    ("두 가지 목표를", "두 가지", 2, None, "count", "가지", None, None),
    ("한두 곳", "한두 곳", 1, 2, "count", "곳", None, None),
    ("서너 명", "서너 명", 3, 4, "count", "명", None, None),
    # ranges: the unit and magnitude apply to both ends
    ("3~4조원 규모", "3~4조원", 3e12, 4e12, "KRW", None, None, None),
    ("3조~4조원", "3조~4조원", 3e12, 4e12, "KRW", None, None, None),
    ("3조원~4조원", "3조원~4조원", 3e12, 4e12, "KRW", None, None, None),
    ("1~2천억원", "1~2천억원", 1e11, 2e11, "KRW", None, None, None),
    ("5000억~1조원", "5000억~1조원", 5e11, 1e12, "KRW", None, None, None),
    ("10-20%", "10-20%", 10, 20, "%", None, None, None),
    ("3 ~ 4명", "3 ~ 4명", 3, 4, "count", "명", None, None),
    # qualifiers before and after
    ("(약 700조원)", "약 700조원", 7e14, None, "KRW", None, "약", None),
    ("총 30억 달러를 투자", "총 30억 달러", 3e9, None, "USD", None, "총", None),
    ("무려 1000명", "무려 1000명", 1000, None, "count", "명", "무려", None),
    ("1000억원 이상의 매출", "1000억원 이상", 1e11, None, "KRW", None, "이상", None),
    ("9000명가량", "9000명가량", 9000, None, "count", "명", "가량", None),
    ("100명 미만", "100명 미만", 100, None, "count", "명", "미만", None),
    ("10% 안팎", "10% 안팎", 10, None, "%", None, "안팎", None),
    ("약 5조 원 안팎", "약 5조 원 안팎", 5e12, None, "KRW", None, "약 안팎", None),
    ("1000여명이", "1000여명", 1000, None, "count", "명", "여", None),
    ("100여 곳", "100여 곳", 100, None, "count", "곳", "여", None),
    ("5억여 원", "5억여 원", 5e8, None, "KRW", None, "여", None),
    ("3대 이상", "3대 이상", 3, None, "count", "대", "이상", None),
    # vague amounts: qualifier 수, range 2..9 of the magnitude
    ("수십억 달러를", "수십억 달러", 2e9, 9e9, "USD", None, "수", None),
    ("수천억원", "수천억원", 2e11, 9e11, "KRW", None, "수", None),
    ("수만 명", "수만 명", 2e4, 9e4, "count", "명", "수", None),
    # rates
    ("월 90만장의 HBM", "월 90만장", 9e5, None, "count", "장", None, "month"),
    ("월 최대 90만장에", "월 최대 90만장", 9e5, None, "count", "장", "최대", "month"),
    ("연간 약 10조원", "연간 약 10조원", 1e13, None, "KRW", None, "약", "year"),
    ("연 5%", "연 5%", 5, None, "%", None, None, "year"),
    ("매년 3000명", "매년 3000명", 3000, None, "count", "명", None, "year"),
    ("주 3회", "주 3회", 3, None, "count", "회", None, "week"),
    ("하루 평균 3000명", "하루 평균 3000명", 3000, None, "count", "명", "평균", "day"),
    ("분기 3조원", "분기 3조원", 3e12, None, "KRW", None, None, "quarter"),
]


@pytest.mark.parametrize("text, raw, value, value_max, unit, counter, qualifier, period", FORMS)
def test_forms(text, raw, value, value_max, unit, counter, qualifier, period):
    a = only(text)
    assert a.start == text.index(raw) and a.raw == raw
    assert math.isclose(a.value, value)
    assert (a.value_max is None) == (value_max is None)
    if value_max is not None:
        assert math.isclose(a.value_max, value_max)
    assert (a.unit, a.counter, a.qualifier, a.period, a.converts) == (unit, counter, qualifier, period, None)


def test_prefix_qualifier_needs_its_own_word():
    # 약 inside 계약 is no qualifier; 10월 is a date, not a monthly rate.
    assert fields(only("계약 3조원")) == ("3조원", 3e12, None, "KRW", None, None, None, None)
    assert only("10월 3만장").period is None


@pytest.mark.parametrize("text, first, second", [
    ("5000억 달러(약 700조원) 규모", "5000억 달러", "약 700조원"),
    ("5000억 달러(한화 약 700조원)", "5000억 달러", "약 700조원"),
    ("$30 billion(약 40조원)", "$30 billion", "약 40조원"),
    ("30억 달러 (약 4조 원)", "30억 달러", "약 4조 원"),
])
def test_bracketed_conversion_points_at_the_amount_it_restates(text, first, second):
    a, b = parse_numbers(text)
    assert (a.raw, b.raw) == (first, second)
    assert (a.converts, b.converts) == (None, 0)


def test_bracket_with_another_kind_of_amount_is_no_conversion():
    assert [a.converts for a in parse_numbers("3억 달러(10%)")] == [None, None]


def test_conversion_index_counts_earlier_amounts():
    amounts = parse_numbers("9000명이 일하고, 5000억 달러(약 700조원)를 쓴다")
    assert [a.raw for a in amounts] == ["9000명", "5000억 달러", "약 700조원"]
    assert amounts[2].converts == 1


def test_ten_of_which_six_are_both_counts():
    assert [(a.raw, a.value) for a in parse_numbers("직장인 10명 중 6명 '조용한 휴가'")] == [("10명", 10), ("6명", 6)]


NOT_AMOUNTS = [
    "HBM4", "SK3", "T모바일", "K-AI", "슈퍼컴퓨터 6호기", "GS25편의점", "A4용지",
    "2024년", "2025.11.12 (수)", "10월 31일", "11.21 장종료", "입력 2024-11-04 17:28", "24시간 변동률",
    "향후 40년간", "향후 4년간", "10개월 만에", "3주 동안", "52주 신고가",
    "AI 3대 강국", "글로벌 3대 AI 강국", "4대 강점", "2대 주요치료비", "500대 기업", "20대 남성",
    "20~30대가", "3대1로 이겼다", "2대 주주",
    "AI 3강", "세 번째", "두 번째", "제2차관", "SK 1층", "글로벌 1위", "3차 회의",
    "137,285,000", "2030까지", "2025 APEC", "좋아요0", "010-1234-5678", "v1.2.3", "Python 3.11",
    "http://talk.tf.co.kr/bbs/report/write", "https://a.com/x/3%20b", "jebo@tf.co.kr",
    "천 명", "백 개", "다시 한번", "한 목소리", "두 축", "세 기업이", "한 개인", "미래세대", "HBM 4세대",
    "한명숙", "최대 규모", "90만", "12.3℃", "1.5 명", "5~3%", "MWC 2025", "3불가", "엔비디아",
]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_not_amounts(text):
    assert parse_numbers(text) == []


def seed_amounts(name: str) -> list[tuple]:
    text = next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
    amounts = parse_numbers(text)
    for a in amounts:
        assert a.raw == text[a.start:a.end]
    return [fields(a) for a in amounts]


def test_seed_000_conversion_and_monthly_rate():
    assert seed_amounts("000") == [
        ("5000억 달러", 5e11, None, "USD", None, None, None, None),
        ("약 700조원", 7e14, None, "KRW", None, "약", None, 0),
        ("월 90만장", 9e5, None, "count", "장", None, "month", None),
    ]


def test_seed_001_counts_and_ticker_percentages_but_not_ticker_prices():
    ticker = ["+4.65%", "+7.43%", "+14.27%", "+0.38%", "+3.13%", "-1.93%", "+5.28%", "+1.81%", "-1.74%",
              "+6.22%", "+3.49%", "+3.8%"]
    assert seed_amounts("001") == [
        ("23개", 23, None, "count", "개", None, None, None),
        ("19곳", 19, None, "count", "곳", None, None, None),
        ("10명", 10, None, "count", "명", None, None, None),
        ("6명", 6, None, "count", "명", None, None, None),
        ("2000원대", 2000, None, "KRW", None, "대", None, None),
        *[(raw, float(raw.rstrip("%")), None, "%", None, None, None, None) for raw in ticker],
    ]


def test_seed_002_monthly_maximum():
    assert seed_amounts("002") == [("월 최대 90만장", 9e5, None, "count", "장", "최대", "month", None)]


def test_seed_003_body_twice():
    once = [
        ("4가지", 4, None, "count", "가지", None, None, None),
        ("20조원", 2e13, None, "KRW", None, None, None, None),
        ("500메가와트", 5e8, None, "W", None, None, None, None),
        ("두 가지", 2, None, "count", "가지", None, None, None),
        ("약 2조원", 2e12, None, "KRW", None, "약", None, None),
        ("9000명", 9000, None, "count", "명", None, None, None),
    ]
    assert seed_amounts("003") == once + once


def test_seed_004_gpus_and_dollars():
    assert seed_amounts("004") == [
        ("26만 장", 2.6e5, None, "count", "장", None, None, None),
        ("26만 장", 2.6e5, None, "count", "장", None, None, None),
        ("30억 달러", 3e9, None, "USD", None, None, None, None),
        ("총 30억 달러", 3e9, None, "USD", None, "총", None, None),
    ]


@pytest.mark.parametrize("query, value, unit, counter", [
    ("90만장", 9e5, "count", "장"),
    ("90만 장", 9e5, "count", "장"),
    ("30억 달러", 3e9, "USD", None),
    ("5000억달러", 5e11, "USD", None),
    ("20조원", 2e13, "KRW", None),
    (" 500MW ", 5e8, "W", None),
    ("500mw", 5e8, "W", None),
    ("1.5gw", 1.5e9, "W", None),
    ("300 kwh", 3e5, "Wh", None),
    ("9000명", 9000, "count", "명"),
    ("5.59%", 5.59, "%", None),
    ("$3 billion", 3e9, "USD", None),
    ("약 700조원", 7e14, "KRW", None),
])
def test_query_that_is_one_amount(query, value, unit, counter):
    a = parse_query_amount(query)
    assert a is not None and math.isclose(a.value, value) and (a.unit, a.counter) == (unit, counter)


@pytest.mark.parametrize("query", ["", "삼성", "HBM4", "2025", "90만", "삼성 90만장", "90만장 30억 달러", "3대 강국"])
def test_query_that_is_not_one_amount(query):
    assert parse_query_amount(query) is None


@pytest.mark.parametrize("value, unit, counter, text", [
    (9e5, "count", "장", "90만 장"),
    (5e11, "USD", None, "5,000억 달러"),
    (7e14, "KRW", None, "700조 원"),
    (1.2e12, "KRW", None, "1조 2,000억 원"),
    (9000, "count", "명", "9,000 명"),
    (23, "count", None, "23 개"),
    (5e8, "W", None, "500MW"),
    (1.5e9, "W", None, "1.5GW"),
    (2.5e8, "Wh", None, "250MWh"),
    (5.59, "%", None, "5.59%"),
    (3, "%p", None, "3%p"),
    (-1.93, "%", None, "-1.93%"),
    (12345.67, "KRW", None, "1만 2,345.67 원"),
])
def test_format_amount(value, unit, counter, text):
    assert format_amount(value, unit, counter) == text
    back = parse_query_amount(text)
    assert back is not None and math.isclose(back.value, value) and back.unit == unit


def test_format_amount_rejects_unknown_units():
    with pytest.raises(ValueError):
        format_amount(3, "furlong")


def amount(value: float, unit: str = "KRW", value_max: float | None = None, counter: str | None = None) -> Amount:
    return Amount(start=0, end=1, raw="x", value=value, unit=unit, value_max=value_max, counter=counter)


def test_same_quantity():
    assert same_quantity(only("5000억 달러"), only("$500 billion"))
    assert same_quantity(only("월 90만장"), only("90만 장"))
    assert same_quantity(amount(1000), amount(1004))
    assert not same_quantity(amount(1000), amount(1010))
    assert not same_quantity(amount(1000), amount(1000, "USD"))
    assert not same_quantity(only("26만 장"), only("26만 명"))
    assert same_quantity(only("3~4조원"), only("3.5조원"))
    assert not same_quantity(only("3~4조원"), only("5조원"))
    assert same_quantity(only("수십억 달러"), only("30억 달러"))


@pytest.mark.parametrize("text, raw, value, unit", [
    ("기아 EV3의 배터리는 81.4㎾h다", "81.4㎾h", 81400.0, "Wh"),
    ("77.4㎾h(킬로와트시) 배터리", "77.4㎾h", 77400.0, "Wh"),
    ("태양광 500㎿를 짓는다", "500㎿", 5e8, "W"),
    ("ESS 1.2㎿h 규모", "1.2㎿h", 1.2e6, "Wh"),
    ("출력 5㎽ 레이저", "5㎽", 0.005, "W"),
    ("충전기는 7.2㎾로 늘었다", "7.2㎾", 7200.0, "W"),
])
def test_squared_unit_characters_read_as_their_units(text, raw, value, unit):
    a = only(text)
    assert (a.raw, a.value, a.unit) == (raw, value, unit)


def test_per_charge_is_a_rate_not_a_count():
    assert parse_numbers("1회 충전으로 500km를 달린다") == []
    assert parse_numbers("1회 완충 시 429km") == []
    assert only("올해만 3회 연속 수주했다").counter == "회"  # a count of times stays one


def test_amounts_after_squared_units_keep_their_offsets():
    text = "배터리는 28㎾h에서 38.3㎾h로 커졌고, 주행거리는 294㎞로 5.1% 늘었다. 가격은 4670만 원이다."
    amounts = parse_numbers(text)
    assert [(a.raw, a.value, a.unit) for a in amounts] == [
        ("28㎾h", 28000.0, "Wh"), ("38.3㎾h", 38300.0, "Wh"), ("5.1%", 5.1, "%"), ("4670만 원", 4.67e7, "KRW")]
    assert all(text[a.start:a.end] == a.raw for a in amounts)


# Text that looks like numbers: digits, Korean units, counters, particles, punctuation.
NUMBERISH = st.text(
    alphabet=st.sampled_from(list("0123456789,.~-+%$€ ()약최대월연주수십백천만억조원달러명장개곳대주여이상의을는가량GWMkhp한두세네열㎾㎿㎽㎞㏊㎡")
                             + ["\n"]),
    max_size=60,
)


def check_invariants(text: str) -> None:
    amounts = parse_numbers(text)
    previous_end = 0
    for i, a in enumerate(amounts):
        assert previous_end <= a.start < a.end <= len(text)
        assert a.raw == text[a.start:a.end]
        assert a.converts is None or 0 <= a.converts < i
        assert a.value_max is None or a.value < a.value_max
        assert (a.counter is not None) == (a.unit == "count")
        previous_end = a.end


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_sorted_disjoint_amounts_with_true_offsets(text):
    check_invariants(text)


@settings(max_examples=500, deadline=None)
@given(NUMBERISH)
def test_numberish_text_gives_sorted_disjoint_amounts_with_true_offsets(text):
    check_invariants(text)


MONEY = st.sampled_from(["KRW", "USD", "EUR", "JPY", "CNY", "GBP", "TWD"])
COUNTERS = st.sampled_from([None, "장", "명", "개", "곳", "건", "척", "회", "차례", "가구", "배럴", "톤", "가지"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.tuples(st.floats(min_value=0, max_value=1e16), MONEY, st.none()),
    st.tuples(st.integers(min_value=0, max_value=10**16).map(float), st.just("count"), COUNTERS),
    st.tuples(st.floats(min_value=-1e4, max_value=1e4), st.sampled_from(["%", "%p"]), st.none()),
    st.tuples(st.floats(min_value=0, max_value=1e15), st.sampled_from(["W", "Wh"]), st.none()),
))
def test_format_then_parse_gives_back_value_and_unit(case):
    value, unit, counter = case
    text = format_amount(value, unit, counter)
    back = parse_query_amount(text)
    assert back is not None, text
    assert back.unit == unit and back.counter == (counter or "개" if unit == "count" else None)
    assert math.isclose(back.value, value, rel_tol=1e-6, abs_tol=1e-6), text


def test_about_before_the_last_big_unit_and_a_polite_ending_after_the_unit():
    """농심은 1조 3천여억 원어치를 출하했다 (여 inside the number: qualifier 여); 상금은 30만 달러입니다 (a broadcast's 입니다
    after the unit); 3천여 명 keeps working as before."""
    got = [(a.raw, a.value, a.unit, a.qualifier) for a in parse_numbers(
        "농심은 1조 3천여억 원어치를 출하했다. 우승 상금은 30만 달러입니다. 관중 3천여 명이 왔다.")]
    assert got == [("1조 3천여억 원", 1.3e12, "KRW", "여"), ("30만 달러", 3e5, "USD", None), ("3천여 명", 3000.0, "count", "여")]
