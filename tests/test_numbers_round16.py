"""Round 16: amounts on set15's and set16's causes (text written for these tests)."""
import time

import pytest
from cpu_budget import ceiling

from store.extract.numbers import parse_numbers


def one(text):
    (a,) = parse_numbers(text)
    return a


@pytest.mark.parametrize("text, value, counter", [
    ("관객수는 모두 267만명인 것으로 집계됐다", 2.67e6, "명"),
    ("참가자는 1200명인 셈이다", 1200, "명"),
])
def test_count_before_in(text, value, counter):
    a = one(text)
    assert a.value == value and a.counter == counter


def test_won_before_in():
    a = one("지원금은 1000만원인 것으로")
    assert a.value == 1e7 and a.unit == "KRW"


@pytest.mark.parametrize("text", ["한 개인의 선택", "그 원인은", "명인 3대"])
def test_in_is_no_follower_elsewhere(text):
    assert [a for a in parse_numbers(text) if a.counter in ("개", "명")] == []


def test_languages_counted_as_countries():
    a = one("16개국어 번역 기능을 넣었다")
    assert a.value == 16 and a.counter == "개국" and a.raw == "16개국어"
    assert one("세계 20개국어로").value == 20


@pytest.mark.parametrize("text", ["한미일 3국 협력", "한·중·일 3국의 정상", "북중러 3국이 만났다", "한미 2국간 회의"])
def test_countries_after_initials(text):
    a = one(text)
    assert a.counter == "국" and a.value in (2, 3)


@pytest.mark.parametrize("text", ["제3국 출신", "3국 협력", "바둑 3국에서", "한미일 3국장"])
def test_guk_without_initials_is_no_count(text):
    assert [a for a in parse_numbers(text) if a.counter == "국"] == []


@pytest.mark.parametrize("text, value", [("소장품 등 15점으로 구성됐다", 15), ("작품 30여점을 선보인다", 30), ("유물 약 200점이 나왔다", 200)])
def test_works_in_jeom(text, value):
    a = one(text)
    assert a.counter == "점" and a.value == value


@pytest.mark.parametrize("text", ["평균 90점을 받았다", "3점슛을 넣었다", "15점 차로 이겼다", "100점 만점에"])
def test_scores_are_no_count(text):
    assert [a for a in parse_numbers(text) if a.counter == "점"] == []


@pytest.mark.parametrize("text", [
    "한·" * 100_000 + "3국",
    "소장품 " * 100_000 + "15점",
    "267만명인" * 100_000,
    "16개국어" * 100_000,
], ids=lambda text: f"{len(text)}-chars")  # the texts themselves would be megabytes of test id
def test_linear(text):
    t = time.process_time()
    parse_numbers(text)
    assert time.process_time() - t < ceiling(20)
