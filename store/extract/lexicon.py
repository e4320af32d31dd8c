"""What the entity rules and the matcher share: character classes, the particles and endings that may
follow a name, title words, brackets, compound surnames and photo credits."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .hangul import strip_particle

# --- characters ---------------------------------------------------------------------------------


def _is_hangul(char: str) -> bool:
    return "가" <= char <= "힣"


def _is_latin_or_digit(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _has_hangul(s: str) -> bool:
    return any(_is_hangul(c) for c in s)


def _has_latin(s: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in s)


def _script(char: str) -> str:
    return "hangul" if _is_hangul(char) else "other"


# --- particles, endings and title words -----------------------------------------------------------

# What may follow a name inside the same written word, concatenated: 와+의, 에서+는, 이+라는, 였+다.
_TAIL_PIECES = frozenset(
    "이 가 은 는 을 를 의 에 와 과 도 만 로 으로 서 에서 에게 께 께서 한테 부터 까지 보다 처럼 같이 마저 조차 "
    "라도 나 든 랑 뿐 밖에 대로 마다 엔 요 다 였 었 고 며 면 라 란 라는 라고 지만 인 인데 야 죠 입니다 "
    "측 등 내 간 발 산 형 들 씨 님 회장 부회장 사장 대표 의장 "
    # a site glued to the name it belongs to: 울산공장, 평택캠퍼스, 구미사업장, 카카오본사; a region: 북미지역
    "공장 캠퍼스 사업장 본사 사옥 법인 지사 지역 "
    # a group's firms named after it: 두산계열 사모펀드, 삼성계열사
    "계열 계열사".split()
)
_TAIL_MAX = 6


@lru_cache(maxsize=1 << 16)
def _is_tail(run: str) -> bool:
    """True when a run of Hangul is nothing but particles/endings (과의, 에서는, 이라는, 회장은)."""
    if len(run) > _TAIL_MAX:
        return False
    reachable = [True] + [False] * len(run)
    for i in range(len(run)):
        if reachable[i]:
            for j in range(i + 1, min(len(run), i + 4) + 1):
                if run[i:j] in _TAIL_PIECES:
                    reachable[j] = True
    return reachable[-1]


# Title word -> family (the word a short form repeats: 최수연 … 대표이사, later 최 대표).
_TITLES: dict[str, str] = {
    "회장": "회장", "명예회장": "회장", "부회장": "부회장", "사장": "사장", "부사장": "부사장",
    "대표": "대표", "대표이사": "대표", "공동대표": "대표", "각자대표": "대표",
    "CEO": "CEO", "최고경영자": "CEO", "CTO": "CTO", "최고기술책임자": "CTO", "CFO": "CFO", "COO": "COO",
    "최고책임자": "책임자", "책임자": "책임자", "창업자": "창업자", "창업주": "창업자", "총수": "총수",
    "의장": "의장", "이사장": "이사장", "대통령": "대통령", "부총리": "부총리", "총리": "총리",
    "장관": "장관", "차관": "차관", "수석": "수석", "수석비서관": "수석", "비서관": "비서관",
    "비서실장": "비서실장", "실장": "실장", "대변인": "대변인", "위원장": "위원장", "부위원장": "부위원장", "원장": "원장",
    "청장": "청장", "처장": "처장", "본부장": "본부장", "센터장": "센터장", "소장": "소장", "총재": "총재",
    "사무총장": "사무총장", "교수": "교수", "의원": "의원", "대사": "대사", "지사장": "지사장",
    "부문장": "부문장", "사업부장": "사업부장", "전무": "전무", "상무": "상무", "부장": "부장", "팀장": "팀장", "리더": "리더", "총괄": "총괄",
    # sports, culture and public offices (김효주 선수, 김창열 화백, 방선규 문화예술국장)
    "선수": "선수", "감독": "감독", "코치": "코치", "화백": "화백", "작가": "작가", "국장": "국장", "관장": "관장", "단장": "단장",
    # police ranks, courts and a deputy head (김지훈 경위, 심준보 부장판사, 남태헌 중앙산불방지대책본부 차장)
    "차장": "차장", "경위": "경위", "경감": "경감", "경정": "경정", "총경": "총경", "경장": "경장", "순경": "순경",
    "판사": "판사", "부장판사": "판사", "검사장": "검사장", "변호사": "변호사",
    # universities (허영우 경북대 총장, 김병철 부총장, 이은정 학장)
    "총장": "총장", "부총장": "부총장", "학장": "학장",
    # researchers and editors (주소연 신소재공학과 박사, 박 박사는; 학술지 편집장)
    "박사": "박사", "편집장": "편집장",
    # schools (김걸 용산고 교장, 전경열 교장은); 교감 is also rapport (주민과 교감을), 교사 a kind of job (과학 교사)
    "교장": "교장",
    # a Japanese firm's senior adviser (오카다 구니히로 J.프론트리테일링 상담역)
    "상담역": "상담역",
    # a local government's officers (정민성 기획예산담당관은, 김지수 주무관)
    "담당관": "담당관", "주무관": "주무관",
    # a ministry's or agency's director-level officers (문화재청 황권순 기획조정관, 정책관, 심의관): in every policy story
    "조정관": "조정관", "정책관": "정책관", "심의관": "심의관",
    # Japan's ministers (모테기 도시미쓰 일본 외무상): ministers, so 모테기 장관 and 모테기 외무상 are one short form
    "외무상": "장관", "방위상": "장관", "재무상": "장관", "경제산업상": "장관",
    # generals, among them historical figures (강감찬 장군, 이순신 장군)
    "장군": "장군",
    # a farm's owner, named before the word in farm stories (석상호 농장주는)
    "농장주": "농장주",
    # heads of co-operatives (농협·수협·축협 조합장): every local election page names them (김원태 현 조합장, 조남선 조합장은)
    "조합장": "조합장",
    # candidates and the elected, named before the word on every election page (조인선 후보가, 이승엽 당선자는)
    "후보": "후보", "후보자": "후보", "예비후보": "후보", "당선자": "당선자", "당선인": "당선자",
}
_TITLES_LONGEST_FIRST = sorted(_TITLES, key=len, reverse=True)
# Titles news glues to a person's name (황광민의원으로, 홍길동장관은, 김철수시장이, 유성훈구청장과): the title words and the heads
# of places, which stand glued to a name but never alone after one as a title (시장 alone is a market).
_GLUED_TITLE = re.compile(
    "(?:" + "|".join(map(re.escape, sorted({*_TITLES, "시장", "구청장", "군수", "도지사", "교육감"}, key=len, reverse=True)))
    + ")"
)
# The longest title ending a string, in one compiled search (the leftmost match of an alternation anchored at the end
# is the longest suffix), instead of ~80 endswith calls per cut.
_LONGEST_TITLE = len(_TITLES_LONGEST_FIRST[0])
_TITLE_AT_END = re.compile("(?:" + "|".join(map(re.escape, _TITLES_LONGEST_FIRST)) + r")\Z")
_OPENERS = "‘“\"'[<《〈「『▲■△▶·-"
_CLOSERS = "’”\"']>》〉」』,.;:!?…·"


# Common nouns that end in a title's letters: 제1주차장 is a car park, not a deputy head (차장).
_NOT_TITLE_ENDINGS = ("주차장", "행사장", "공사장", "발사장")  # 축제 당일 행사장: a venue, not a president (사장)


@lru_cache(maxsize=1 << 16)
def title_family(word: str) -> str | None:
    """The title a written word ends in, particles allowed after it (회장은, SK회장, 제2차관도,
    AI미래기획수석비서관는, CEO가) -> its family; None for 대표해, 리더십, 회장단."""
    word = word.rstrip(_CLOSERS)
    for cut in range(len(word), max(0, len(word) - _TAIL_MAX) - 1, -1):
        head, tail = word[:cut], word[cut:]
        if tail and (not _is_tail(tail) or tail.startswith("발의")):
            continue  # 대표발의: sponsoring a bill (발 and 의 are tails alone), not a representative
        m = _TITLE_AT_END.search(head, max(0, cut - _LONGEST_TITLE))  # a title ends the head: look at its tail only
        if m is None or head.endswith(_NOT_TITLE_ENDINGS):
            continue
        title = m.group()
        if title == "리더" and tail.startswith(("라", "니")):
            continue  # 몰리더라도, 달리더니: a verb's -더라도/-더니 after 리, no leader
        before = head[: m.start()]
        if title.isascii() and before and _is_latin_or_digit(before[-1]):
            continue  # MCEO, XCTO: no shorter title ends an ASCII one, so this cut has none
        return _TITLES[title]
    return None


_MINISTER_AFTER_BODY = re.compile(r"장관(?:상|님|실)?")


_HEAD_BODY_ENDINGS = ("학회", "협회", "연합회", "협의회", "연맹", "재단", "연구원", "연구소", "센터", "사단", "군단", "여단", "함대", "비행단")  # …연구원장, …센터장: its head


def head_tail(name: str, run: str) -> bool:
    """True when a run glued after a society is its head's title and particles (충청정치학회장, 한국문인협회장을)."""
    return name.endswith(_HEAD_BODY_ENDINGS) and run[:1] == "장" and (len(run) == 1 or _is_tail(run[1:]))


@lru_cache(maxsize=1 << 14)
def minister_tail(run: str) -> bool:
    """True when a run glued after a ministry is its minister's title or award and particles (국방부장관은, 보건사회부장관상,
    교육인적자원부장관): the ministry is mentioned; not 장관급 (a rank)."""
    m = _MINISTER_AFTER_BODY.match(run)
    if m is None:
        return False
    rest = run[m.end():]
    return not rest or _is_tail(rest)


@lru_cache(maxsize=1 << 14)
def titled_tail(run: str) -> bool:
    """True when a Hangul run glued after a name is a title and particles (의원으로, 장관은, 구청장이, 시장님과);
    not 의원실, 시장성, 대표발의 (sponsoring a bill)."""
    m = _GLUED_TITLE.match(run)  # the alternation is longest first: 부총장 before 부총
    if m is None:
        return False
    rest = run[m.end():]
    return not rest or (_is_tail(rest) and not rest.startswith("발의"))


_PAREN = re.compile(r"\([^()\n]*\)")


def _without_brackets(text: str) -> tuple[str, list[int]]:
    """Text with (…) groups removed, and for each kept character its offset in the original."""
    kept: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _PAREN.finditer(text):
        kept.append(text[pos : m.start()])
        offsets.extend(range(pos, m.start()))
        pos = m.end()
    kept.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return "".join(kept), offsets


def title_after(text: str, pos: int) -> str | None:
    """Title family written right after a name ending at pos, within four words of the same clause
    (최태원 SK그룹 회장, 김경훈 오픈AI 코리아 대표가, 유영상(오른쪽) SK텔레콤 대표이사)."""
    if pos < len(text) and (_is_hangul(text[pos]) or _is_latin_or_digit(text[pos])):
        return None  # the name carries a particle: the sentence goes on, no title follows
    window, _ = _without_brackets(text[pos : pos + 120])
    window = window.split("\n", 1)[0]
    for word in window.split()[:4]:
        family = title_family(word)
        if family:
            return family
        if word[-1] in _CLOSERS or word[0] in _OPENERS or strip_particle(word) != word:
            return None
    return None

# --- names --------------------------------------------------------------------------------

_COMPOUND_SURNAMES = ("남궁", "황보", "제갈", "선우", "독고", "사공", "서문")

# A photo or graphic credit names no entity: 사진제공=삼성전자, (사진=연합뉴스), 그래픽=홍길동. Nor does a wire dateline, the
# place and the agency in brackets that open or close a story: (서울=연합뉴스), [세종=뉴시스], (로스앤젤레스·서울=뉴스1).
_CREDIT = re.compile(r"(?:사진|그래픽|자료|영상|이미지|일러스트|디자인)(?: ?제공)? ?= ?[^\s\])/,=]+"
                     r"|[(\[][가-힣]{1,8}(?:[·,] ?[가-힣]{1,8}){0,2} ?= ?[가-힣A-Za-z0-9]{1,12}[)\]]")


class _Credits:
    """The credits of a text (see _CREDIT), to ask whether an offset falls inside one (bisect: linear overall)."""

    def __init__(self, text: str) -> None:
        self.spans = [m.span() for m in _CREDIT.finditer(text)] if "=" in text else []
        self.starts = [s for s, _ in self.spans]

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.spans[i][1]
