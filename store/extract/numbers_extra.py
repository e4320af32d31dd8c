"""Amounts read from the words around a number, merged into the ones the core found: won written without 원 after
a money noun (누적펀딩액 1,400억을), firms counted in 사 after their industry (통신 3사), countries in 국 after their initials
(한미일 3국), and a bracketed amount that restates the one before it (5000억 달러(약 700조원))."""
from __future__ import annotations

import re

from store.model import Amount

from .numbers_core import (
    CURRENCIES, _CONVERSION_GAP_RE, _MAX_PREFIX, _Number, _PREFIX_RE, _SEC, _SP, _SUFFIX_RE, _UNIT, _alt, _join,
)


# Won written without 원 where money is spoken of: "누적펀딩액 1,400억을 달성", "'헬로우머니', 50억 시리즈 A 펀딩": a number
# in 억 or 조 with no unit after it, right after a money noun or right before a funding round. Anything else unit-less
# ("인구 50억", "조회수 1억", "정의선 회장 31조 투자 발표": a deck's shorthand, no noun of money before it) stays no amount.
_BARE_BIG_RE = re.compile(
    rf"(?=\d)(?<![\w.,/%=&?#@\\])(?<!\w-)(?P<num>{_SEC}조(?:{_SP}?{_SEC}여?억)?(?:{_SP}?{_SEC}여?만)?|{_SEC}여?억(?:{_SP}?{_SEC}여?만)?)"
    rf"(?P<yeo>여)?(?=[^가-힣]|$|(?:을|를|이|가|은|는|의|에|으로|로|과|와|도|까지|부터|씩|규모|이상|이하|가량|정도|안팎))"
)
_MONEY_NOUNS = ("펀딩액", "펀딩", "투자액", "투자금", "투자", "유치액", "매출액", "매출", "영업이익", "영업손실", "순이익", "순손실",
                "자금", "예산", "기업가치", "몸값", "시가총액", "시총", "거래액", "거래대금", "연봉", "상금", "보상금", "보증금",
                "자본금", "적자", "흑자", "사업비", "공사비")
_MONEY_BEFORE_RE = re.compile(
    rf"(?:{_alt(_MONEY_NOUNS)})(?:은|는|이|가|을|를|도|만)?{_SP}?[:：]?{_SP}?(?:(?:약|총|최대|무려|누적){_SP})?\Z")
_ROUND_AFTER_RE = re.compile(rf"{_SP}?\(?{_SP}?시리즈{_SP}?[A-F](?![A-Za-z])")  # "50억 시리즈 A", "50억(시리즈 B)"
_MONEY_WORD_RE = re.compile(rf"{_alt(_MONEY_NOUNS)}|시리즈")
_UNIT_AFTER_RE = re.compile(rf"{_SP}?(?:{_UNIT}|[A-Za-z$€£¥₩])")
_MAX_MONEY_GAP = 16


# Firms counted in 사 after their industry: "국내 통신 3사(KT·SK텔레콤·LG유플러스)", "이동통신3사 중", "카드 8사". 사 alone is
# no counter: "2사 만루" (two outs), "1사 1교" (a campaign); the industry word before it says firms.
_FIRM_KINDS = ("이동통신", "통신", "이통", "카드", "보험", "손보", "생보", "증권", "건설", "정유", "완성차", "항공", "배터리", "게임",
               "조선", "유통", "홈쇼핑", "제약", "포털", "해운", "은행", "금융지주", "유료방송", "지상파", "종편", "백화점", "편의점")
_FIRM_COUNT_RE = re.compile(
    rf"(?:{_alt(_FIRM_KINDS)}){_SP}?(?P<num>\d{{1,2}})사(?=[^가-힣]|$|(?:가|는|의|에|와|도|를|간|중|만|까지|보다)(?![가-힣]))")


def _add_firm_counts(text: str, amounts: list[Amount]) -> None:
    """Counts of firms in 사 after their industry (see _FIRM_COUNT_RE), merged into `amounts` in order."""
    added = [Amount(start=m.start("num"), end=m.end(), raw=text[m.start("num"):m.end()], value=float(m["num"]), unit="count",
                    counter="사") for m in _FIRM_COUNT_RE.finditer(text)]
    _merge(amounts, added)


# Countries counted in 국 after their initials: "한미일 3국 협력", "한·중·일 3국의", "북중러 3국". 국 alone is no counter
# ("3국" may be a bureau or a game's round); the initials before it say countries.
_COUNTRY_INITIALS = "한미일중러북영프독"
# what the scan looks for first: 국 after a digit (the pattern opens with the literal, which the engine finds fast), then
# one or two digits before it and no more
_COUNTRY_GUK_RE = re.compile(r"국(?<=\d국)")
_COUNTRY_NUM_RE = re.compile(r"(?<![\d.,])\d{1,2}국")
_COUNTRY_BEFORE_RE = re.compile(rf"(?<![가-힣])[{_COUNTRY_INITIALS}](?:·?[{_COUNTRY_INITIALS}]){{1,4}}{_SP}?\Z")
_COUNTRY_AFTER_RE = re.compile(r"(?=[^가-힣]|$|(?:가|는|의|에|와|과|도|를|이|은|간|중|만|까지)(?![가-힣]))")
_MAX_INITIALS = 10


def _add_country_counts(text: str, amounts: list[Amount]) -> None:
    """Counts of countries in 국 after their initials (see _COUNTRY_INITIALS), merged into `amounts` in order."""
    added = []
    for guk in _COUNTRY_GUK_RE.finditer(text):
        m = _COUNTRY_NUM_RE.match(text, max(0, guk.start() - 2), guk.end()) or _COUNTRY_NUM_RE.match(
            text, guk.start() - 1, guk.end())
        if m and _COUNTRY_BEFORE_RE.search(text, max(0, m.start() - _MAX_INITIALS), m.start()) and _COUNTRY_AFTER_RE.match(
                text, m.end()):
            added.append(Amount(start=m.start(), end=m.end(), raw=m.group(), value=float(m.group()[:-1]), unit="count",
                                counter="국"))
    _merge(amounts, added)


def _outside(amounts: list[Amount], spans: list[tuple[int, int]]) -> list[Amount]:
    """The amounts (in order) not inside any of `spans` (in order, apart): one pass over both, linear."""
    kept, k = [], 0
    for b in amounts:
        while k < len(spans) and spans[k][1] <= b.start:
            k += 1  # spans wholly before this amount can hold no later one either
        if not (k < len(spans) and spans[k][0] <= b.start and b.end <= spans[k][1]):
            kept.append(b)
    return kept


def _merge(amounts: list[Amount], extra: list[Amount]) -> None:
    """`extra` amounts (in order) merged into `amounts` (in order), each only where it overlaps none: linear."""
    if not extra:
        return
    kept: list[Amount] = []
    i = 0
    for a in extra:
        while i < len(amounts) and amounts[i].end <= a.start:
            i += 1
        if (i < len(amounts) and amounts[i].start < a.end) or (kept and kept[-1].end > a.start):
            continue
        kept.append(a)
    if kept:
        amounts[:] = sorted(amounts + kept, key=lambda a: a.start)


def _add_bare_won(text: str, amounts: list[Amount]) -> None:
    """Won amounts written without 원 (see _BARE_BIG_RE), merged into `amounts` in order; none overlaps one found."""
    found = amounts[:]  # in order, not overlapping: walked once beside the matches (linear in the text)
    added: list[Amount] = []
    i, last_end = 0, 0  # the next found amount that may overlap; the end of the last amount before the match
    for m in _BARE_BIG_RE.finditer(text):
        start, end = m.start(), m.end()
        while i < len(found) and found[i].end <= start:
            last_end = max(last_end, found[i].end)
            i += 1
        if (i < len(found) and found[i].start < end) or start < last_end or _UNIT_AFTER_RE.match(text, end):
            continue
        if not (_MONEY_BEFORE_RE.search(text, max(0, start - _MAX_MONEY_GAP), start) or _ROUND_AFTER_RE.match(text, end)):
            continue
        value = _Number(m["num"]).value
        qualifier = "여" if m["yeo"] or "여" in m["num"] else None
        prefix = _PREFIX_RE.search(text, max(last_end, start - _MAX_PREFIX), start)
        if prefix is not None and prefix.start() < start and prefix["qual"]:
            start, qualifier = prefix.start(), _join(prefix["qual"], qualifier)
        suffix = _SUFFIX_RE.match(text, end)
        if suffix is not None and suffix["q"] and not (i < len(found) and found[i].start < suffix.end()):
            end, qualifier = suffix.end(), _join(qualifier, suffix["q"])
        added.append(Amount(start=start, end=end, raw=text[start:end], value=value, unit="KRW", qualifier=qualifier))
        last_end = end
    if added:
        amounts[:] = sorted(found + added, key=lambda a: a.start)


def _link_conversions(text: str, amounts: list[Amount]) -> None:
    """5000억 달러(약 700조원): the bracketed amount restates the one just before it."""
    for i in range(1, len(amounts)):
        before, after = amounts[i - 1], amounts[i]
        if not _CONVERSION_GAP_RE.fullmatch(text, before.end, after.start):
            continue
        if before.unit == after.unit or (before.unit in CURRENCIES and after.unit in CURRENCIES):
            after.converts = i - 1
