"""Money, counts, power/energy and percentages in Korean news text.

One regex finds the core of each amount (sign, currency symbol, digits with 천/백/만/억/조, a range,
the unit); a few lines of code then add what sits around it: a period word and a qualifier before
("월 최대 90만장"), a qualifier after ("1000억원 이상"), a conversion in brackets
("5000억 달러(약 700조원)").

Conventions (decisions the callers can rely on):
- unit: an ISO currency (KRW USD EUR JPY CNY GBP; TWD HKD AUD CAD SGD for 대만달러 ...), "%" (percent),
  "%p" (percentage points: 3%p, 3퍼센트포인트), "W" (power, in watts), "Wh" (energy, in watt-hours)
  or "count" (with `counter` set).
- Vague amounts "수십억 달러", "수천억원", "수만 명" are kept with qualifier "수" and the range
  2..9 times the named magnitude (수십억 = 20억..90억).
- "1000여명", "5억여 원" give qualifier "여"; a glued "대" after a unit ("2000원대", "30%대") gives
  qualifier "대" (a band). Two qualifiers are joined by a space ("최대 ... 이상" -> "최대 이상").
- A sign glued before the number is kept: "-1.93%" has value -1.93.
- Skipped on purpose: digits glued after a letter (HBM4, 제2차관, 6호기), dates, times, durations
  (년, 개월, 일, 시간), ordinals and ranks (1위, 1층, 3대 강국, 세 번째), bare numbers, words
  천/백/십 used alone, decimals counted with a counter (11.21 장), and:
  * 대 below 1만 followed by a word ("3대 강국", "500대 기업") or a digit ("3대1"), and 10대..90대 (ages);
  * 주 (shares) below 1000 (3주 = three weeks);
  * Korean numerals only before a counter (한 곳, 두 가지, 세 대; 한두 곳 is the range 1..2).
"""
from __future__ import annotations

import re

from store.model import Amount

from .amount_format import format_amount, same_quantity
from .numbers_core import (
    _ATOM_RE, _BAND_RE, _CURRENCY_CODES, _LOST_POINT_RE, _MAX_PREFIX, _NATIVE, _PERIODS, _PREFIX_RE, _SPACE_CHARS,
    _SUFFIX_RE, _atom, _join, _unfold_units,
)
from .numbers_extra import (
    _MONEY_WORD_RE, _add_bare_won, _add_country_counts, _add_firm_counts, _link_conversions, _merge, _outside,
)

__all__ = ["parse_numbers", "parse_query_amount", "format_amount", "same_quantity"]


def parse_numbers(text: str) -> list[Amount]:
    """Every money, count, power/energy and percentage amount in `text`, in order, with offsets."""
    unfolded, where = _unfold_units(text)
    if where is None:
        return _parse_numbers(text)
    amounts = _parse_numbers(unfolded)
    for a in amounts:
        # an end inside a spelled-out character (never, units end on one) maps past that character
        a.start = where[a.start]
        a.end = where[a.end - 1] + 1
        a.raw = text[a.start:a.end]
    return amounts


def _parse_numbers(text: str, glued: bool = True) -> list[Amount]:
    """`glued`: also read amounts glued to the particle before them (off for the look at one such amount's own text)."""
    amounts: list[Amount] = []
    previous_end = 0
    for m in _ATOM_RE.finditer(text):
        parsed = _atom(m, text)
        if parsed is None:
            continue
        value, value_max, unit, counter, qualifier = parsed
        start, end = m.start(), m.end()
        if unit in ("%", "%p") and m["num"] and _LOST_POINT_RE.search(text, max(0, start - 4), start) and (
                "." not in m["num"]):
            continue  # "약 1 5%": a transcript whose decimal points were lost (1.5%), no 5% and no 15%

        period = None
        # each of _PREFIX_RE's words ends in a space right before the number: without one the search could only find
        # its empty match at `start`, so it is not run (most numbers; the search was ~10% of this loop, profiled)
        prefix = _PREFIX_RE.search(text, max(previous_end, start - _MAX_PREFIX), start) if (
            start > 0 and text[start - 1] in _SPACE_CHARS) else None
        if prefix is not None and prefix.start() < start:
            start = prefix.start()
            period = _PERIODS[prefix["period"]] if prefix["period"] else None
            qualifier = _join(prefix["qual"], qualifier)

        if unit != "count" or counter != "대":
            band = _BAND_RE.match(text, end)
            if band is not None and unit not in ("W", "Wh"):
                end = band.end()
                qualifier = _join(qualifier, "대")
        suffix = _SUFFIX_RE.match(text, end)
        if suffix is not None:
            end = suffix.end()
            qualifier = _join(qualifier, suffix["q"] or "여")

        amounts.append(Amount(start=start, end=end, raw=text[start:end], value=value, unit=unit,
                              value_max=value_max, counter=counter, qualifier=qualifier, period=period))
        previous_end = end
    if ("억" in text or "조" in text) and _MONEY_WORD_RE.search(text):  # a cheap look first: most texts have neither
        _add_bare_won(text, amounts)
    if "사" in text:
        _add_firm_counts(text, amounts)
    if "국" in text:
        _add_country_counts(text, amounts)
    if "편씩" in text:
        _merge(amounts, [Amount(start=m.start(), end=m.end(1), raw=m[1], value=float(_NATIVE[m[1][:-1]][0]), unit="count",
                                counter="편") for m in _EACH_FLIGHT_RE.finditer(text)])
    if glued and ("만" in text or "억" in text or "조" in text):
        _add_glued_big(text, amounts)
    if "회" in text:
        _drop_innings(text, amounts)
    if any(a.counter in _TALLY_COUNTERS for a in amounts) and _SPORT_STAT_HINT.search(text):
        _drop_sport_tallies(text, amounts)
    if "천여" in text or "백여" in text:
        _merge(amounts, [Amount(start=m.start(), end=m.end(), raw=m.group(), value=_HUNDREDS[m[1]], unit="count", counter=m[2],
                                qualifier="여") for m in _HANGUL_HUNDREDS_RE.finditer(text)])
    _link_conversions(text, amounts)
    return amounts


# A baseball paragraph (one of its own words: 홈런, 이닝, 투런, 마운드 …; amounts are read a paragraph at a time) numbers its
# innings in 회 (3회 나지완이, 6회에는, 11회 말): every outlet's game story does, and an inning is no count. Not a season's
# tally (통산 5회, 3회 연속 우승, 5회째).
_BASEBALL_RE = re.compile("홈런|이닝|안타(?!깝)|타자(?!기)|투수|타석|타점|프로야구|KBO|투런|스리런|솔로포|만루|끝내기|마운드|타선|삼진|볼넷|루타")
_INNING_RE = re.compile(r"(?:1[0-5]|[1-9])회(?=\s?[초말](?![가-힣])|(?:에|에는|에도|엔|부터|까지)?(?![가-힣]))")
_NOT_INNING_BEFORE = ("통산", "시즌", "연속", "모두", "최다", "총", "무려", "제")
_NOT_INNING_AFTER = re.compile(r"\s?(?:연속|우승|출전|등판|선발|수상|이상|째|차례|만에|동안|열|개최|실시|진행)")


# A game's own tallies next to the play they count (결승골 5778회, 세 차례 동점, 홈런 3개, 리바운드 10개): sports statistics, no
# amounts, in every outlet's game story; only 회, 차례 and 개 right beside a play's word are read so.
_SPORT_STAT_WORDS = "골|결승골|득점|실점|동점|역전|홈런|안타|도루|삼진|볼넷|리바운드|어시스트|블록슛|스틸|3점슛|슈팅|도움|세이브|에이스|서브에이스|블로킹"
_SPORT_STAT_HINT = re.compile(_SPORT_STAT_WORDS)
_TALLY_COUNTERS = frozenset(("회", "차례", "개"))
_STAT_BEFORE = re.compile(rf"(?<![가-힣])(?:{_SPORT_STAT_WORDS})\s?\Z")
_STAT_AFTER = re.compile(rf"\s?(?:{_SPORT_STAT_WORDS})(?:[은는이가을를의도과와]|으로|에|까지)?(?![가-힣])")


def _drop_sport_tallies(text: str, amounts: list[Amount]) -> None:
    kept = [a for a in amounts if not (a.counter in _TALLY_COUNTERS and a.value_max is None and (
        _STAT_BEFORE.search(text, max(0, a.start - 6), a.start) or _STAT_AFTER.match(text, a.end)))]
    if len(kept) != len(amounts):
        amounts[:] = kept


def _drop_innings(text: str, amounts: list[Amount]) -> None:
    innings = [a for a in amounts if a.counter == "회" and a.value_max is None and a.qualifier is None and a.value <= 15]
    if not innings or not _BASEBALL_RE.search(text):
        return
    gone = set()
    for a in innings:
        before = text[max(0, a.start - 3) : a.start].rstrip()
        inning = _INNING_RE.match(text, a.start)
        if inning and inning.end() == a.end and not before.endswith(_NOT_INNING_BEFORE) and not _NOT_INNING_AFTER.match(text, a.end):
            gone.add(id(a))
    amounts[:] = [a for a in amounts if id(a) not in gone]


# 천여명, 백여 곳: a Hangul hundred or thousand alone before 여 and a counter (broadcast scripts write them so; "천" or "백"
# glued after another syllable is a word: 화천여, 일백여 are not read)
_HUNDREDS = {"천": 1000.0, "백": 100.0}
_HANGUL_HUNDREDS_RE = re.compile(r"(?<![가-힣0-9.,])([천백])여\s?(명|곳|건|가구|개|마리)(?=[^가-힣]|$|[이가은는을를의에도와과]|에서)")


# "하루 한편씩 예천-제주간 노선에": flights (or works) counted natively in 편, glued, only before 씩 (한편 alone is "meanwhile")
_EACH_FLIGHT_RE = re.compile(r"(?<![가-힣])((?:한|두|세|네)편)씩")


# A big amount glued to the particle before it, a typo for a space: "관광객 수가155만 7천 명으로" (the whole, not 7천 명). Only
# after a particle and with 만/억/조 in the digits' first section: "그룹14", "코로나19", "제3국" stay no amount.
_GLUED_BIG_RE = re.compile(r"[가이은는을를도로에](?=\d[\d,]{0,12}(?:\.\d{1,3})?[만억조])")


def _add_glued_big(text: str, amounts: list[Amount]) -> None:
    """Amounts whose digits are glued to a particle (see _GLUED_BIG_RE), replacing the tail read alone."""
    added = []
    for m in _GLUED_BIG_RE.finditer(text):
        if m.start() == 0 or not "가" <= text[m.start() - 1] <= "힣":
            continue  # the particle follows a word
        start = m.end()
        first = _parse_numbers(text[start:start + 80], glued=False)  # the amount at `start`: no nested glued look
        if first and first[0].start == 0:
            a = first[0]
            a.start, a.end = start, start + a.end
            a.raw = text[a.start:a.end]
            added.append(a)
    if added:
        amounts[:] = _outside(amounts, [(a.start, a.end) for a in added])
    _merge(amounts, added)


_QUERY_UNITS = re.compile(rf"(?i)(?<=[\d ])(kwh|mwh|gwh|twh|kw|mw|gw|tw|{'|'.join(_CURRENCY_CODES)})(?![a-z])")


def parse_query_amount(query: str) -> Amount | None:
    """The amount a whole search query reads as ("90만장", "30억 달러", "500MW"), else None."""
    query = query.strip()
    if not query:
        return None
    for candidate in (query, _QUERY_UNITS.sub(lambda m: _canonical_unit(m[1]), query)):
        amounts = parse_numbers(candidate)
        if len(amounts) == 1 and amounts[0].start == 0 and amounts[0].end == len(candidate):
            return amounts[0]
    return None


def _canonical_unit(unit: str) -> str:
    unit = unit.upper()
    if unit.endswith("WH"):
        unit = unit[:-1] + "h"
    return unit.replace("KW", "kW")
