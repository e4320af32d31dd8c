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

__all__ = ["parse_numbers", "parse_query_amount", "format_amount", "same_quantity"]

_SP = r"[ \u00a0]"
_SPACE_CHARS = " \u00a0"  # what _SP matches

# What may follow a Korean unit directly: nothing Hangul, or a particle / suffix.
_FOLLOWERS = (
    "으로|로|이|가|을|를|은|는|의|에|와|과|도|만|씩|까지|부터|보다|나|라|란|쯤|당|급|대|어치|짜리|꼴"
    "|여|안팎|내외|남짓|정도|규모|수준|뿐|밖|미만|초과|가량|입니"  # 30만 달러입니다
    "|였"  # "2,625회였던 게": the past of 이다 glued
)
_FOLLOW_KO = rf"(?=[^가-힣]|$|(?:{_FOLLOWERS}))"
_FOLLOW_LATIN = r"(?![A-Za-z0-9])"

_CURRENCY_WORDS = {
    "원": "KRW", "달러": "USD", "불": "USD", "유로": "EUR", "엔": "JPY", "위안": "CNY", "파운드": "GBP",
    "원화": "KRW", "달러화": "USD", "유로화": "EUR", "엔화": "JPY", "위안화": "CNY",
    # Other dollars: "4523억 대만달러" is TWD (and must not read as 4523억 대, a count).
    "대만달러": "TWD", "홍콩달러": "HKD", "호주달러": "AUD", "캐나다달러": "CAD", "싱가포르달러": "SGD",
}
_CURRENCY_SYMBOLS = {"US$": "USD", "$": "USD", "＄": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "￥": "JPY", "₩": "KRW"}
_CURRENCY_CODES = ("USD", "EUR", "JPY", "CNY", "GBP", "KRW", "TWD", "HKD", "AUD", "CAD", "SGD")
CURRENCIES = frozenset(_CURRENCY_CODES)

_POWER_KO = {"테라와트": 1e12, "기가와트": 1e9, "메가와트": 1e6, "킬로와트": 1e3, "와트": 1.0}
_POWER_LATIN = {"TW": 1e12, "GW": 1e9, "MW": 1e6, "kW": 1e3, "KW": 1e3, "mW": 1e-3, "W": 1.0}
_PERCENT = {"퍼센트포인트": "%p", "%포인트": "%p", "%p": "%p", "%P": "%p", "퍼센트": "%", "%": "%", "％": "%"}

# Counters after digits. 세대 counts households only from 100 up: "4세대" is a generation (see _atom).
_COUNTERS = (
    "개국", "개사", "개소", "개", "명", "곳", "장", "세대", "대", "건", "척", "회", "차례", "가구", "채", "주",
    "배럴", "톤", "가지", "마리", "종", "편", "권", "유닛", "문", "개국어", "점", "팀",
)
_NATIVE_COUNTERS = ("명", "개", "곳", "가지", "대", "건", "척", "차례", "가구", "채", "장", "마리", "종", "권")
_NATIVE_GLUED = ("명", "개", "곳", "가지")  # 한곳, 두가지: common glued spellings that are safe
_NATIVE = {
    "한두": (1, 2), "두세": (2, 3), "서너": (3, 4), "네댓": (4, 5), "한": (1, None), "두": (2, None),
    "세": (3, None), "네": (4, None), "다섯": (5, None), "여섯": (6, None), "일곱": (7, None),
    "여덟": (8, None), "아홉": (9, None), "열": (10, None), "스무": (20, None),
}

_SMALL = {"천": 1e3, "백": 1e2, "십": 1e1}
_BIG = {"조": 1e12, "억": 1e8, "만": 1e4}
_ENGLISH = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6, "tn": 1e12,
    "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9,
}

_PERIODS = {
    "매월": "month", "월간": "month", "매달": "month", "월": "month",
    "매년": "year", "연간": "year", "연": "year",
    "매일": "day", "하루": "day", "일": "day",
    "매주": "week", "주": "week",
    "분기": "quarter",
}
_PREFIX_QUALIFIERS = ("대략", "최대", "최소", "최고", "최저", "무려", "평균", "불과", "약", "총")
_SUFFIX_QUALIFIERS = ("이상", "이하", "미만", "초과", "가량", "안팎", "내외", "남짓", "정도", "쯤")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_DIG = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SEC = rf"{_DIG}(?:[천백](?:{_DIG})?)*"
_TAIL = r"(?:\d,\d{3}|\d{1,4})(?:\.\d+)?(?:[천백]\d{0,3})*(?![\d,])"
_NUMBER = (  # "1조 3천여억": 여 may stand before the last big unit (read as the qualifier 여)
    rf"(?:{_SEC}조(?:{_SP}?{_SEC}(?:{_SP}?여)?억)?(?:{_SP}?{_SEC}여?만)?(?:{_SP}?{_TAIL})?"
    rf"|{_SEC}(?:{_SP}?여)?억(?:{_SP}?{_SEC}여?만)?(?:{_SP}?{_TAIL})?"  # "2천5백 여억원"  # "240여억원", "1천300여억원"
    rf"|{_SEC}여?만(?:{_SP}?{_TAIL})?"  # "10여만 명"
    rf"|{_SEC})"
)
_VAGUE = r"수(?:[십백천][만억조]?|[만억조])"

_UNIT = (
    "(?:"
    r"(?:%포인트|%p|%P|%|％)(?![A-Za-z0-9])"
    rf"|(?:퍼센트포인트|퍼센트){_FOLLOW_KO}"
    rf"|(?:{_alt(k + '시' for k in _POWER_KO)}|{_alt(_POWER_KO)}){_FOLLOW_KO}"
    rf"|(?:{_alt(k + 'h' for k in _POWER_LATIN)}|{_alt(_POWER_LATIN)}){_FOLLOW_LATIN}"
    rf"|(?:(?:대만|홍콩|호주|캐나다|싱가포르){_SP}?달러|{_alt(w for w in _CURRENCY_WORDS if w != '불')}){_FOLLOW_KO}"
    r"|불(?=[^가-힣]|$|을|의|로|에|씩|짜리|어치)"
    rf"|(?:{_alt(_CURRENCY_CODES)}){_FOLLOW_LATIN}"
    rf"|(?:{_alt(_COUNTERS)}){_FOLLOW_KO}"
    r"|[명원](?=인(?![가-힣]))"  # "관객수는 모두 267만명인 것으로", "1000만원인 셈": 인 and a space (not 한 개인, 원인)
    ")"
)
_ENGLISH_RE = rf"(?:{_SP}?(?:thousand|million|billion|trillion|bn|mn|tn)(?![A-Za-z])|[KkMmBb](?![A-Za-z0-9]))"

# Every first character an amount can start with: a cheap test before the lookbehinds (3x faster).
_FIRST_CHARS = "".join(sorted({"+", "-", "−", "U", "수", *"$＄€£¥￥₩", *(c[0] for c in _CURRENCY_CODES), *(n[0] for n in _NATIVE)}))
_ATOM_RE = re.compile(
    rf"""
    (?=[\d{re.escape(_FIRST_CHARS)}])(?<![\w.,/%=&?#@\\])(?<!\w-)
    (?P<sign>[+\-−](?=[\d$＄€£¥￥₩]))?
    (?:
        (?P<cur>(?:US\$|[$＄€£¥￥₩]|{_alt(_CURRENCY_CODES)}){_SP}?)
        (?P<cnum>{_NUMBER})(?P<eng>{_ENGLISH_RE})?(?![\d]|[.,]\d)
      |
        (?:
            (?P<num>{_NUMBER})
            (?:(?P<lunit>{_UNIT})?(?P<sep>{_SP}?[~～〜∼]{_SP}?|-)(?P<num2>{_NUMBER}))?
          | (?P<vague>{_VAGUE})
        )
        (?P<yeo>{_SP}?여)?{_SP}?(?P<unit>{_UNIT})  # "1000 여건": round 18, 여 spaced from the number
      |
        (?P<native>{_alt(_NATIVE)})
        (?:{_SP}(?P<ncounter>{_alt(_NATIVE_COUNTERS)})|(?P<nglued>{_alt(_NATIVE_GLUED)})){_FOLLOW_KO}
    )
    """,
    re.VERBOSE,
)

_PREFIX_RE = re.compile(
    rf"(?:(?<![\w.])(?P<period>{_alt(_PERIODS)}){_SP})?(?:(?<![\w.])(?P<qual>{_alt(_PREFIX_QUALIFIERS)}){_SP})?\Z"
)
_SUFFIX_RE = re.compile(rf"(?:{_SP}?(?P<q>{_alt(_SUFFIX_QUALIFIERS)})|(?P<yeo>여)){_FOLLOW_KO}")
_BAND_RE = re.compile(rf"대{_FOLLOW_KO}")
_WORD_AFTER_RE = re.compile(rf"{_SP}+([가-힣A-Za-z0-9]+)")
_EDITION_AFTER_RE = re.compile(r"째|[을를]\s?맞")  # "54회째", "54회를 맞아": the Nth edition
_EDITION_BEFORE_RE = re.compile(rf"올해로{_SP}?\Z")  # "올해로 54회"
_PER_CHARGE_RE = re.compile(rf"{_SP}?(?:충전|완충|주유)")
_CONVERSION_GAP_RE = re.compile(rf"{_SP}?\({_SP}?(?:(?:한화|원화|우리{_SP}?돈){_SP}?)?")
_TOKEN_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)|([천백십])|([조억만])")

# Words that may follow "N대" after a space and keep it a count ("1000대 규모", "3대 이상").
_DAE_FOLLOWERS = ("규모", "수준", "분량", *_SUFFIX_QUALIFIERS)
_AGE_BANDS = (10, 20, 30, 40, 50, 60, 70, 80, 90)
_ETC_RE = re.compile(r"등(?:[을를이가은는의에도과와]|에서|으로)?")
# Guns counted in 문 ("K9 자주포 54문", "곡사포 20여문"), and machines whose count in 대 a word may follow ("탄약운반차
# 36대 구매", "전투기 48대 도입"): the noun right before the number, a space between
_GUNS = ("자주포", "곡사포", "견인포", "박격포", "야포", "함포", "기관포", "고사포", "평사포", "대포", "포", "화포", "로켓포")
_MACHINES = ("운반차", "장갑차", "전차", "자주포", "전투기", "헬기", "헬리콥터", "수송기", "항공기", "여객기", "화물기", "훈련기",
             "정찰기", "공격기", "드론", "차량", "트럭", "버스", "열차", "기관차", "전동차", "발사대", "레이더",
             # round 18: a fire or rescue call's vehicles and gear ("소방차 20대, 인력 45명"), other vehicles
             "소방차", "펌프차", "구급차", "물탱크차", "굴절차", "사다리차", "구조공작차", "승용차", "화물차", "지게차", "굴착기",
             "굴삭기", "장비", "택시", "오토바이", "어선", "선박")
_MAX_GUN_GAP = 12
_GUN_BEFORE_RE = re.compile(rf"(?:{_alt(_GUNS)}){_SP}(?:약{_SP}|총{_SP}|최대{_SP})?\Z")
_MACHINE_BEFORE_RE = re.compile(rf"(?:{_alt(_MACHINES)}){_SP}(?:약{_SP}|총{_SP}|최대{_SP})?\Z")
_MAX_PREFIX = 12  # longest period + qualifier prefix: "월간 대략 "
# Works and goods counted in 점 ("소장품 등 15점", "작품 30여점"): the noun right before the number, or before 등
_WORKS = ("작품", "소장품", "미술품", "예술품", "유물", "문화재", "유품", "그림", "회화", "판화", "조각", "조각품", "서예", "도자기",
          "공예품", "전시품", "출품작", "기증품", "애장품", "유작", "사진", "작")
_MAX_WORKS_GAP = 14
_WORKS_BEFORE_RE = re.compile(rf"(?:{_alt(_WORKS)})(?:{_SP}?등)?{_SP}(?:약{_SP}|총{_SP}|모두{_SP})?\Z")
_LOST_POINT_RE = re.compile(r"(?<![\d.,])\d{1,2} \Z")  # "1 " before "5%"


class _Number:
    """A parsed digit run: its value and the multiplier of its first section (for 3~4조)."""

    __slots__ = ("value", "first_small", "first_big", "has_small", "has_big")

    def __init__(self, text: str) -> None:
        total = section = 0.0
        current: float | None = None
        self.first_small: float | None = None
        self.first_big: float | None = None
        self.has_small = self.has_big = False
        for digits, small, big in _TOKEN_RE.findall(text):
            if digits:
                current = float(digits.replace(",", ""))
            elif small:
                if self.first_small is None and self.first_big is None:
                    self.first_small = _SMALL[small]
                self.has_small = True
                section += (1.0 if current is None else current) * _SMALL[small]
                current = None
            else:
                if self.first_big is None:
                    self.first_big = _BIG[big]
                self.has_big = True
                section += current or 0.0
                total += (section or 1.0) * _BIG[big]
                section, current = 0.0, None
        self.value = total + section + (current or 0.0)

    def scale_like(self, right: "_Number") -> float:
        """The value of a bare left end of a range, read in the right end's magnitude (3~4조)."""
        value = self.value
        if not self.has_big and right.first_big and value < right.value <= value * right.first_big:
            return value  # "5000∼1만원": the left end already in full (5000 won, not 5000만)
        if not self.has_big:
            value *= right.first_big or 1.0
            if not self.has_small:
                value *= right.first_small or 1.0
        return value


def _unit_of(unit: str) -> tuple[str, float, str | None]:
    """(unit, multiplier, counter) for a unit as written."""
    if unit in _PERCENT:
        return _PERCENT[unit], 1.0, None
    written = re.sub(_SP, "", unit)  # "대만 달러"
    if written in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[written], 1.0, None
    if unit in _CURRENCY_CODES:
        return unit, 1.0, None
    energy = unit.endswith(("시", "h"))
    base = unit[:-1] if energy else unit
    scale = _POWER_KO.get(base) or _POWER_LATIN.get(base)
    if scale is not None:
        return ("Wh" if energy else "W"), scale, None
    if unit == "개국어":
        return "count", 1.0, "개국"  # "16개국어 번역": languages of 16 countries, counted as the countries
    return "count", 1.0, unit


def _atom(m: re.Match[str], text: str) -> tuple[float, float | None, str, str | None, str | None] | None:
    """(value, value_max, unit, counter, qualifier) of one regex match, or None when it is no amount."""
    sign = -1.0 if m["sign"] in ("-", "−") else 1.0
    if m["cur"] is not None:
        number = _Number(m["cnum"])
        scale = _ENGLISH[m["eng"].strip()] if m["eng"] else 1.0
        return sign * number.value * scale, None, _CURRENCY_SYMBOLS.get(m["cur"].strip()) or m["cur"].strip(), None, None
    if m["native"] is not None:
        low, high = _NATIVE[m["native"]]
        return float(low), (float(high) if high else None), "count", m["ncounter"] or m["nglued"], None

    unit, scale, counter = _unit_of(m["unit"])
    qualifier = "여" if m["yeo"] or (m["num"] and "여" in m["num"]) else None
    value_max: float | None = None
    if m["vague"] is not None:
        base = _SMALL.get(m["vague"][1:2], 1.0) * _BIG.get(m["vague"][-1], 1.0)
        value, value_max, qualifier = 2 * base, 9 * base, "수"
    else:
        number = _Number(m["num"])
        value = number.value
        if m["num2"] is not None:
            if m["lunit"] is not None and _unit_of(m["lunit"]) != (unit, scale, counter):
                return None
            right = _Number(m["num2"])
            value, value_max = number.scale_like(right), right.value
        elif counter is not None and number.value != int(number.value):
            return None  # counts are whole: "11.21 장" is a date next to a word
        if counter == "대" and not number.has_big and not _is_machine_count(text, m.start(), m.end(), value, value_max):
            return None
        if counter == "문" and not _GUN_BEFORE_RE.search(text, max(0, m.start() - _MAX_GUN_GAP), m.start()):
            return None  # "K9 자주포 54문": guns are counted in 문; "3문 3답", "1문" are no count
        if counter == "점" and not _WORKS_BEFORE_RE.search(text, max(0, m.start() - _MAX_WORKS_GAP), m.start()):
            return None  # "소장품 등 15점": works counted in 점; "90점", "3점슛" are scores
        if counter == "주" and value < 1000:
            return None  # 3주: weeks, not shares
        if counter == "회" and _PER_CHARGE_RE.match(text, m.end()):
            return None  # "1회 충전으로 500km": a rate (per charge), not a count of charges
        if counter == "회" and (_EDITION_AFTER_RE.match(text, m.end()) or _EDITION_BEFORE_RE.search(text, max(0, m.start() - 6), m.start())):
            return None  # "올해로 54회를 맞았으며": an edition, not a count of times
        if counter == "세대" and not _is_households(number, value, value_max):
            return None  # "6세대 HBM", "2030세대", "386세대": generations; "61만 세대", "300세대": households
    value *= sign * scale  # the sign belongs to the left end: -3~4% runs from -3 to 4
    if value_max is not None:
        value_max *= scale
        if value >= value_max:
            return None
    return value, value_max, unit, counter, qualifier


_GENERATION_NAMES = frozenset({386, 486, 586, 686})  # 386세대: a generation's name, not 386 households


def _is_households(number: "_Number", value: float, value_max: float | None) -> bool:
    """N세대 counts households from 100 up, except a generation's name and two age bands run together (2030세대)."""
    if value < 100 or value in _GENERATION_NAMES:
        return False
    whole = int(value)
    if not number.has_big and not number.has_small and value_max is None and 1000 <= whole <= 9999:
        first, second = divmod(whole, 100)
        if first % 10 == 0 and second == first + 10:  # 2030, 5060: 20s and 30s
            return False
    return True


def _is_machine_count(text: str, start: int, end: int, value: float, value_max: float | None) -> bool:
    """N대 below 1만 is a count of machines only when no rank, age band or score reading fits."""
    if end < len(text) and text[end].isdigit():
        return False  # 3대1: a score
    if not (value in _AGE_BANDS and (value_max is None or value_max in _AGE_BANDS)):  # 20대, 20~30대: ages, unless…
        word = _WORD_AFTER_RE.match(text, end)
        if word is None or word[1].startswith(_DAE_FOLLOWERS) or _ETC_RE.fullmatch(word[1]):
            return True  # a word after: 3대 강국, 500대 기업 are ranks, unless…; "36대 등을" is a count, listed
    # …a machine's name stands right before the number: "K10 탄약운반차 36대 구매", "전투기 40대 도입"; not when a
    # person follows ("구급차 20대 남성 이송": an age)
    word = _WORD_AFTER_RE.match(text, end)
    if word is not None and word[1].startswith(_PERSON_WORDS):
        return False
    return bool(_MACHINE_BEFORE_RE.search(text, max(0, start - _MAX_GUN_GAP), start))


_PERSON_WORDS = ("남성", "여성", "남자", "여자", "남녀", "청년", "운전자", "운전사", "기사", "환자", "주민", "직장인", "부부", "아들",
                 "딸", "남편", "아내", "엄마", "아빠", "학생", "근로자", "노동자", "외국인", "중국인", "일본인", "회사원", "A씨", "B씨")


# Squared unit characters (U+3371..U+33DF: ㎾ ㎿ ㎽ ㎾h… are "kW" "MW" "mW" in one character) read as their
# NFKC spelling; offsets and `raw` stay those of the text as written.
_SQUARED_UNITS = re.compile("[\u3371-\u33df]")


def _unfold_units(text: str) -> tuple[str, list[int] | None]:
    """`text` with squared unit characters spelled out, and for each position of it the position in `text`
    (one more entry for the end). None when nothing changed: the common case costs one regex scan."""
    if not _SQUARED_UNITS.search(text):
        return text, None
    import unicodedata

    parts: list[str] = []
    where: list[int] = []
    last = 0
    for m in _SQUARED_UNITS.finditer(text):
        parts.append(text[last:m.start()])
        where.extend(range(last, m.start()))
        spelled = unicodedata.normalize("NFKC", m.group(0))
        parts.append(spelled)
        where.extend([m.start()] * len(spelled))
        last = m.end()
    parts.append(text[last:])
    where.extend(range(last, len(text) + 1))
    return "".join(parts), where


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
    _link_conversions(text, amounts)
    return amounts


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


def _join(first: str | None, second: str | None) -> str | None:
    if first and second:
        return f"{first} {second}"
    return first or second


def _link_conversions(text: str, amounts: list[Amount]) -> None:
    """5000억 달러(약 700조원): the bracketed amount restates the one just before it."""
    for i in range(1, len(amounts)):
        before, after = amounts[i - 1], amounts[i]
        if not _CONVERSION_GAP_RE.fullmatch(text, before.end, after.start):
            continue
        if before.unit == after.unit or (before.unit in CURRENCIES and after.unit in CURRENCIES):
            after.converts = i - 1


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
        return f"{sign}{_plain(magnitude)}{unit}"
    if unit in ("W", "Wh"):
        for scale, prefix in ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1.0, "")):
            if magnitude >= scale:
                break
        return f"{sign}{_plain(magnitude / scale)}{prefix}{unit}"
    raise ValueError(f"unknown unit {unit!r}")


def _plain(x: float) -> str:
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
        parts.append(_plain(whole + fraction) if fraction else f"{whole:,}")
    return " ".join(parts)


def same_quantity(a: Amount, b: Amount, tolerance: float = 0.005) -> bool:
    """Same unit (and counter, when both have one) and values within 0.5%; ranges count if they overlap."""
    if a.unit != b.unit or (a.counter and b.counter and a.counter != b.counter):
        return False
    a_low, a_high = sorted((a.value, a.value if a.value_max is None else a.value_max))
    b_low, b_high = sorted((b.value, b.value if b.value_max is None else b.value_max))
    slack = tolerance * max(abs(a_low), abs(a_high), abs(b_low), abs(b_high))
    return a_low - slack <= b_high and b_low - slack <= a_high
