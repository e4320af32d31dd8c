"""Amounts shown and compared: a Korean rendering that a search reads back (90만 장, 1.5GW) and the test of two
amounts being the same quantity."""
from __future__ import annotations

from store.model import Amount


_CURRENCY_NAMES = {
    "KRW": "원", "USD": "달러", "EUR": "유로", "JPY": "엔", "CNY": "위안", "GBP": "파운드",
    "TWD": "대만달러", "HKD": "홍콩달러", "AUD": "호주달러", "CAD": "캐나다달러", "SGD": "싱가포르달러",
}


def format_amount(value: float, unit: str, counter: str | None = None) -> str:
    """A readable Korean rendering that parse_query_amount reads back: "90만 장", "1.5GW", "5.59%"."""
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    if unit in _CURRENCY_NAMES:
        return f"{sign}{_korean_digits(magnitude)} {_CURRENCY_NAMES[unit]}"
    if unit == "count":
        return f"{sign}{_korean_digits(magnitude)} {counter or '개'}"
    if unit in ("%", "%p"):
        return f"{sign}{plain_number(magnitude)}{unit}"
    if unit in ("W", "Wh"):
        for scale, prefix in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1.0, "")):
            if magnitude >= scale:
                break
        return f"{sign}{plain_number(magnitude / scale)}{prefix}{unit}"
    raise ValueError(f"unknown unit {unit!r}")


def plain_number(x: float) -> str:
    """1,200,000, 3.5, 0.25: thousands grouped, up to six decimals, none when whole."""
    return f"{x:,.6f}".rstrip("0").rstrip(".")


def _korean_digits(value: float) -> str:
    """1.2e12 -> "1조 2,000억"; parts below 만 keep up to six decimals."""
    value = round(value, 6)
    whole = int(value)
    fraction = round(value - whole, 6)
    parts = []
    for size, name in ((10**12, "조"), (10**8, "억"), (10**4, "만")):
        count, whole = divmod(whole, size)
        if count:
            parts.append(f"{count:,}{name}")
    if whole or fraction or not parts:
        parts.append(plain_number(whole + fraction) if fraction else f"{whole:,}")
    return " ".join(parts)


def same_quantity(a: Amount, b: Amount, tolerance: float = 0.005) -> bool:
    """Same unit (and counter, when both have one) and values within 0.5%; ranges count if they overlap."""
    if a.unit != b.unit or (a.counter and b.counter and a.counter != b.counter):
        return False
    a_low, a_high = sorted((a.value, a.value if a.value_max is None else a.value_max))
    b_low, b_high = sorted((b.value, b.value if b.value_max is None else b.value_max))
    slack = tolerance * max(abs(a_low), abs(a_high), abs(b_low), abs(b_high))
    return a_low - slack <= b_high and b_low - slack <= a_high
