"""Round 15: amounts on set15's causes (text written for these tests)."""
import time

from cpu_budget import ceiling
from store.extract.numbers import parse_numbers


def test_space_before_yeo_eok():
    (a,) = parse_numbers("사업비 2천5백 여억원을 투입한다")
    assert a.value == 2.5e11 and a.unit == "KRW" and "여" in a.qualifier
    (b,) = parse_numbers("1조 3천 여억원 규모다")
    assert b.value == 1.3e12 and "여" in b.qualifier


def test_space_before_yeo_negative():
    assert parse_numbers("5백 억원") == []  # a space before 억 without 여 is not joined
    assert parse_numbers("3 여억") == []


def test_space_before_yeo_linear():
    text = ("2천5백 여" * 100_000) + "억원"
    t = time.process_time()
    parse_numbers(text)
    assert time.process_time() - t < ceiling(10)
