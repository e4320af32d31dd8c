"""Numbers on round 14's pages (issue 11, set14 and set13): guns counted in 문 and machines in 대 after their name, won
written without 원 where money is spoken of, firms counted in 사 after their industry, and no amount from a transcript
whose decimal points were lost. Every text here
was written for these tests."""
import time

import pytest
from cpu_budget import ceiling

from store.extract.numbers import parse_numbers


def amounts(text: str) -> list[tuple[str, float, str, str | None, str | None]]:
    return [(a.raw, a.value, a.unit, a.counter, a.qualifier) for a in parse_numbers(text)]


@pytest.mark.parametrize("text, expected", [
    ("한빛방산은 K9 자주포 54문 등에 대한 공급 계약을 맺었다", [("54문", 54.0, "count", "문", None)]),
    ("K9 자주포 20여문을 약 3500억 원에 공급한다",
     [("20여문", 20.0, "count", "문", "여"), ("약 3500억 원", 3.5e11, "KRW", None, "약")]),
    ("견인 곡사포 120문과 박격포 30문을 도입", [("120문", 120.0, "count", "문", None), ("30문", 30.0, "count", "문", None)]),
    ("자주포 총 48문을 배치", [("총 48문", 48.0, "count", "문", "총")]),
])
def test_guns_counted_in_mun(text, expected):
    assert amounts(text) == expected


@pytest.mark.parametrize("text", [
    "3문 3답으로 풀어본 예산안",  # three questions
    "1문 1답 인터뷰",
    "정문 2문은 닫혀 있었다",  # gates, no gun before
    "5문항 설문",  # 문항: a word, not the counter
])
def test_mun_without_a_gun_before_is_no_count(text):
    assert amounts(text) == []


@pytest.mark.parametrize("text, expected", [
    ("K9 자주포 54문과 K10 탄약운반차 36대 등을 납품한다",
     [("54문", 54.0, "count", "문", None), ("36대", 36.0, "count", "대", None)]),
    ("공군은 전투기 40대 도입을 추진한다", [("40대", 40.0, "count", "대", None)]),  # 40 jets, not people in their forties
    ("차량 3대 추돌 사고", [("3대", 3.0, "count", "대", None)]),
    ("전기버스 12대 등이 투입된다", [("12대", 12.0, "count", "대", None)]),  # listed with 등
])
def test_machines_counted_in_dae_after_their_name_or_listed(text, expected):
    assert amounts(text) == expected


@pytest.mark.parametrize("text", [
    "세계 3대 강국으로 도약", "국내 500대 기업 조사", "완성차 5대 업체", "20대 청년 고용", "3대 1로 이겼다", "등장인물 3대 가문",
])
def test_ranks_ages_and_scores_in_dae_stay_no_count(text):
    assert amounts(text) == []


@pytest.mark.parametrize("text, expected", [
    ("“핀테크 스타트업 ‘한빛머니’, 50억 시리즈 A 펀딩 성공”", [("50억", 5e9, "KRW", None, None)]),
    ("한빛랩, 120억(시리즈 B) 유치", [("120억", 1.2e10, "KRW", None, None)]),
    ("한빛펀딩은 누적펀딩액 1,400억을 달성했다", [("1,400억", 1.4e11, "KRW", None, None)]),
    ("매출 5000억 돌파", [("5000억", 5e11, "KRW", None, None)]),
    ("영업이익 1조 2000억을 기록", [("1조 2000억", 1.2e12, "KRW", None, None)]),
    ("투자금 약 300억 규모", [("약 300억", 3e10, "KRW", None, "약")]),
    ("시가총액은 10조 이상으로", [("10조 이상", 1e13, "KRW", None, "이상")]),
])
def test_won_without_won_where_money_is_spoken_of(text, expected):
    assert amounts(text) == expected


@pytest.mark.parametrize("text", [
    "세계 인구 80억 시대",  # people
    "조회수 1억 돌파",  # views
    "정의선 회장 31조 투자 발표",  # a deck's shorthand: no money noun before it
    "50억년 전 지구",  # years
    "시리즈 B 100억",  # the round before the number, not after
    "매출 50억 달러",  # a unit after: dollars, as before
])
def test_unitless_numbers_elsewhere_are_no_won(text):
    found = amounts(text)
    assert all(unit != "KRW" for _, _, unit, _, _ in found)
    if text == "매출 50억 달러":
        assert found == [("50억 달러", 5e9, "USD", None, None)]


def test_a_money_noun_before_a_number_with_its_unit_changes_nothing():
    assert amounts("매출 5000억 원, 영업이익 300억원") == [("5000억 원", 5e11, "KRW", None, None), ("300억원", 3e10, "KRW", None, None)]


@pytest.mark.parametrize("text, expected", [
    ("국내 통신 3사(한빛텔레콤·두리텔레콤·세빛모바일)의 요금제", [("3사", 3.0, "count", "사", None)]),
    ("국내 이동통신3사 중 한빛텔레콤이", [("3사", 3.0, "count", "사", None)]),  # glued to the industry, as written
    ("카드 8사가 참여한다", [("8사", 8.0, "count", "사", None)]),
    ("게임 3사간 경쟁이 치열하다", [("3사", 3.0, "count", "사", None)]),
])
def test_firms_counted_in_sa_after_their_industry(text, expected):
    assert amounts(text) == expected


@pytest.mark.parametrize("text", [
    "9회말 2사 만루에서 역전 안타",  # two outs
    "1사 1교 자매결연",  # a campaign
    "국내 3사단 병력",  # a division
    "통신 3사장 회동",  # 사장: a word
])
def test_sa_without_an_industry_before_is_no_count(text):
    assert amounts(text) == []


@pytest.mark.parametrize("text", ["글로벌 제약 시장의 약 1 5%밖에 안 돼", "금리는 3 2%p 올랐다"])
def test_a_transcript_s_lost_decimal_point_gives_no_amount(text):
    assert amounts(text) == []


@pytest.mark.parametrize("text, expected", [
    ("2024 15% 증가", [("15%", 15.0, "%", None, None)]),  # a year before: not a lost point
    ("올해 15% 증가", [("15%", 15.0, "%", None, None)]),
    ("1.5%와 2.5%", [("1.5%", 1.5, "%", None, None), ("2.5%", 2.5, "%", None, None)]),
])
def test_percentages_beside_other_numbers_stay(text, expected):
    assert amounts(text) == expected


HOSTILE = {
    "100k money nouns": lambda: "매출 1억 " * 100_000,
    "100k funding totals": lambda: "누적펀딩액 1,400억을 " * 100_000,
    "100k bare 억": lambda: "1억 " * 100_000,
    "100k lost points": lambda: "1 5% " * 100_000,
    "100k guns": lambda: "K9 자주포 54문 " * 100_000,
    "100k machines": lambda: "탄약운반차 3대 도입 " * 100_000,
    "50k rounds beside won": lambda: "매출 1억원 5000억 시리즈 A " * 50_000,
    "100k firm counts": lambda: "통신 3사 " * 100_000,
    "100k industries glued": lambda: "이동통신" * 100_000 + "3사",
    "100k outs": lambda: "2사 만루 " * 100_000,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_texts_parse_in_seconds(name):
    text = HOSTILE[name]()
    started = time.process_time()
    parse_numbers(text)
    assert time.process_time() - started < ceiling(8), name
