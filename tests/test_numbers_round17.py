"""Round 17 (set17's amounts): a big amount glued to its particle, 였 after a counter, a range whose left end is
written in full (U+223C), teams counted in 팀."""
import time

from cpu_budget import ceiling
from store.extract.numbers import parse_numbers


def _read(text):
    return [(a.raw, a.value, a.value_max, a.unit, a.counter) for a in parse_numbers(text)]


def test_counter_before_past_of_ida():
    assert ("2,625회", 2625.0, None, "count", "회") in _read("김해공항도 2,625회였던 게 2,797회로 늘었다.")
    assert _read("모두 3명였다")[0][:2] == ("3명", 3.0)


def test_big_amount_glued_to_particle():
    assert _read("관광객 수가155만 7천 명으로 늘었다") == [("155만 7천 명", 1557000.0, None, "count", "명")]
    assert _read("예산은3억 원이다") == [("3억 원", 3e8, None, "KRW", None)]
    assert _read("관광객 155만 7000 명 다녀가") == [("155만 7000 명", 1557000.0, None, "count", "명")]


def test_glued_digits_that_are_names_stay_no_amount():
    assert _read("그룹14 테크놀로지와 코로나19 이후 제3국") == []
    assert _read("수사1팀과 제2팀") == []


def test_range_with_left_end_in_full():
    assert _read("여기에 5000∼1만원 사이로") == [("5000∼1만원", 5000.0, 10000.0, "KRW", None)]
    assert _read("8000~1만 원") == [("8000~1만 원", 8000.0, 10000.0, "KRW", None)]
    assert _read("3~4조원")[0][1:3] == (3e12, 4e12)
    assert _read("300~500만원")[0][1:3] == (3e6, 5e6)
    assert _read("9~10만원")[0][1:3] == (9e4, 1e5)


def test_teams():
    assert _read("결선 무대에 오를 8팀을 선정한다")[0][:2] == ("8팀", 8.0)
    assert [r[0] for r in _read("대상 3천만 원(1팀), 장려상 5백만 원(5팀)")] == ["3천만 원", "1팀", "5백만 원", "5팀"]
    assert _read("3팀장이 말했다") == []


def test_win_tallies_stay_no_amount():
    assert _read("시즌 20승을 올렸다") == []


def test_glued_particles_hostile_linear():
    text = "수가1" * 100_000
    t = time.process_time()
    parse_numbers(text)
    parse_numbers(("가" + "1" * 12) * 20_000 + "만")
    assert time.process_time() - t < ceiling(10)


def test_many_glued_amounts_that_match_stay_linear():
    """Each glued amount is read once from its own text (no nested look, no pass over all the others per amount)."""
    t = time.process_time()
    amounts = parse_numbers("관광객 수가155만 7천 명 " * 50_000)
    assert time.process_time() - t < ceiling(10)
    assert len(amounts) == 50_000 and {a.raw for a in amounts} == {"155만 7천 명"}


def test_native_count_in_pyeon_before_ssik():
    assert _read("하루 한편씩 예천-제주간 노선에") == [("한편", 1.0, None, "count", "편")]
    assert _read("한편, 지방공항의 운항편수") == []
    assert _read("한편씩") == [("한편", 1.0, None, "count", "편")]
