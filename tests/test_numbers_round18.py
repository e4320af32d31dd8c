"""Round 18 (set18's amounts), in other words: 여 spaced from its number ("500 여명"), and vehicles counted in 대 at a
fire or rescue call ("펌프차 10대", "구급차 20대") where the number is also an age band; a person after it keeps the age."""
import time

from cpu_budget import ceiling
from store.extract.numbers import parse_numbers


def read(text: str) -> list[tuple[str, float, str | None]]:
    return [(n.raw, n.value, n.qualifier) for n in parse_numbers(text)]


def test_spaced_yeo_before_counter():
    assert read("참가 기업들은 500 여건의 상담을 했다.") == [("500 여건", 500.0, "여")]
    assert read("주민 30 여명이 모였다.") == [("30 여명", 30.0, "여")]
    assert read("관객 1,200 여 명이 찾았다.") == [("1,200 여 명", 1200.0, "여")]


def test_spaced_yeo_not_a_word():
    assert read("지난 3 여러 곳에서") == []
    assert read("사진 5 여성 모델") == []


def test_fire_vehicles_in_dae():
    for noun in ("소방차", "펌프차", "구급차", "장비", "굴착기"):
        assert read(f"{noun} 20대, 인원 60명을 동원했다.") == [("20대", 20.0, None), ("60명", 60.0, None)], noun
    assert read("소방차 30대가 출동했다.") == [("30대", 30.0, None)]


def test_age_band_after_vehicle_kept_an_age():
    for text in ("구급차 20대 남성 이송", "승용차 30대 운전자가 다쳤다", "택시 40대 기사", "20대 남성이 다쳤다"):
        assert read(text) == [], text


def test_hostile_linear():
    t = time.process_time()
    parse_numbers("1 여" * 300_000)
    parse_numbers("소방차 20대 " * 100_000)
    parse_numbers("·" * 100_000 + "1 여건")
    parse_numbers("(" * 10_000 + "20 여 명")
    assert time.process_time() - t < ceiling(20)
