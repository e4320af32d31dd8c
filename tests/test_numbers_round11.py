"""Numbers on round 11's pages (issue 11): households counted in 세대 beside generations, editions counted in 회."""
import pytest

from store.extract.numbers import parse_numbers


def amounts(text: str) -> list[tuple[str, float, str, str | None]]:
    return [(a.raw, a.value, a.unit, a.counter) for a in parse_numbers(text)]


@pytest.mark.parametrize("text, expected", [
    ("작년 인구는 줄었는데도 61만 세대가 늘어났다", [("61만 세대", 610000.0, "count", "세대")]),
    ("총 300세대 규모의 아파트가 들어선다", [("총 300세대", 300.0, "count", "세대")]),
    ("1,200세대를 공급한다", [("1,200세대", 1200.0, "count", "세대")]),
    ("2천 세대가 입주했다", [("2천 세대", 2000.0, "count", "세대")]),
])
def test_households_counted_in_sedae(text, expected):
    assert amounts(text) == expected


@pytest.mark.parametrize("text", [
    "6세대 HBM과 4세대 이동통신",  # generations of a product
    "2030세대와 5060세대의 표심",  # two age bands run together
    "386세대 정치인들",  # a generation's name
    "1세대 1주택자는 비과세",  # a tax category
])
def test_generations_are_no_amount(text):
    assert amounts(text) == []


@pytest.mark.parametrize("text", [
    "한빛사진전은 올해로 54회를 맞았으며 오는 3일까지 열린다",
    "54회째 열린 한빛사진전",
    "올해 30회를 맞는 축제",
])
def test_an_edition_is_no_count(text):
    assert amounts(text) == []


def test_counts_of_times_stay():
    assert amounts("3회 연속 우승했다") == [("3회", 3.0, "count", "회")]
    assert amounts("연 2회 개최한다")[0][1:] == (2.0, "count", "회")


@pytest.mark.parametrize("text, expected", [
    ("삼성전자 1천300여억원, SK텔레콤 240여억원", [("1천300여억원", 130000000000.0, "KRW", None), ("240여억원", 24000000000.0, "KRW", None)]),
    ("관객 10여만 명이 찾았다", [("10여만 명", 100000.0, "count", "명")]),
    ("배터리 60만 유닛을 생산한다", [("60만 유닛", 600000.0, "count", "유닛")]),
])
def test_about_before_a_big_unit_and_units_counted(text, expected):
    assert amounts(text) == expected
    assert all(a.qualifier == "여" for a in parse_numbers(text) if "여" in a.raw)
