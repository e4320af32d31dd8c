"""The core of reading amounts: the words and units of Korean money, counts, power and percentages, the one regex
that finds each amount's sign, digits (with 천/백/만/억/조), range and unit, and the value of what it found. numbers.py
puts these together (see its docstring for the conventions); numbers_extra.py reads what stands around them."""
from __future__ import annotations

import re

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
    # after 조 or 억 the 만 group may stand a space from its digits (51억 8735 만 원: typed by hand, any outlet)
    rf"(?:{_SEC}조(?:{_SP}?{_SEC}(?:{_SP}?여)?억)?(?:{_SP}?{_SEC}{_SP}?여?만)?(?:{_SP}?{_TAIL})?"
    rf"|{_SEC}(?:{_SP}?여)?억(?:{_SP}?{_SEC}{_SP}?여?만)?(?:{_SP}?{_TAIL})?"  # "2천5백 여억원"  # "240여억원", "1천300여억원"
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
# "54회째", "54회를 맞아": the Nth edition; "2회 추경예산안", "제2회 추가경정예산": a budget's Nth supplement (every local
# government's budget story numbers its supplements so)
_EDITION_AFTER_RE = re.compile(r"째|[을를]\s?맞|\s?추(?:경|가경정)")
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


def _join(first: str | None, second: str | None) -> str | None:
    if first and second:
        return f"{first} {second}"
    return first or second
