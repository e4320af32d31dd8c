"""The discovery rules: one article's words, and the names its titles, suffixes, brackets, model codes,
subsidiaries, quoted works and analyzer tokens propose (each a _Hit with its evidence)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from .aliases import _Known
from .hangul import normalize_name, strip_particle
from .lexicon import (_CLOSERS, _COMPOUND_SURNAMES, _OPENERS, _PAREN, _TAIL_MAX, _TAIL_PIECES, _TITLES, _has_hangul,
                      _has_latin, _is_hangul, _is_tail, _without_brackets, title_family)
from .matching import _is_gap
from .numbers import parse_numbers

_BRACKET_LOOKBACK = 120  # characters before a '(' that can hold the name it glosses

_JUNIOR_NAME = re.compile(r"(?<![가-힣])([가-힣]{1,5}(?: [가-힣]{1,5})?) (?:주니어|2세)")

# --- discovery: word lists, stop lists -------------------------------------------------------------

_SURNAMES = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 "
    "우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 "
    "맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 태 피".split()
)
# Syllables of transliterated foreign names that Korean given names do not use (나델라, 발라반).
_LOANWORD_SYLLABLES = frozenset(
    "타 티 스 트 크 프 브 드 즈 츠 르 튼 턴 슨 먼 델 렐 벨 젤 펠 텔 켈 맥 렉 릭 닉 믹 퍼 커 버 저 뷔 퓨 쿠 푸 틴 탈 션 숀".split())

# Proper-noun look-alikes: generic words the analyzer tags NNP, page furniture, adverbs that open a
# clause. They are never names on their own.
_NOT_NAMES = frozenset(
    """서밋 포럼 작게 크게 가장작게 가장크게 기본 좋아요 화나요 슬퍼요 추가취재 댓글 댓글목록 주요 뉴스 생성형 인터뷰
    멤버사 암호화폐 모빌리티 클라우드 코리아 글로벌 국내 해외 현지 단독 속보 종합 뉴 노멀 뉴노멀 인공지능 정부 회사 기업
    그룹 업계 관계자 재벌 대기업 계열 계열사 이날 이번 당시 지난 또한 이에 이어 특히 한편 아울러 오늘 내일 올해 지난해
    내년 뉴 노멀 신임 공동 초대 차기 한국형 사진 제공 기자 특파원 캐시 오피스 파트너 파트너사 스타트업 데이터센터 플랫폼
    테크 에너지 인프라 디지털 솔루션 서비스 프로젝트 얼라이언스 위원회 대외협력 전략 정책 시장 산업
    또 및 다시 역시 이미 바로 모두 함께 더 덜 곧 늘 잘 꼭 각 총 전 현 前 現
    최근 현재 앞서 당초 향후 그간 그동안 이후 직접 최초 시스템 클러스터 단지 벨트
    한미 한중 한일 미중 승용 상용 연방 상원 하원 주정부 연방정부""".split()
)
# Acronyms that name no one: the analyzer and the bracket rule ignore them.
_GENERIC_LATIN = frozenset(
    """AI CEO CTO CFO COO CIO CSO CPO GPU CPU NPU TPU LLM SLM AGI API SW HW IT ICT IoT AR VR XR MR
    MOU MoU LOI NDA IPO M&A ESG R&D GDP PC TV OS DX AX SDV EV UAM PBV DB SaaS B2B B2C KPI
    SUMMIT Summit FORUM Forum CEO서밋 PR Q&A VS vs OK No NO PM AM KST IP
    TF AP SoC PHEV HEV BEV FCEV OLED LCD ADAS OTA ETF EUV ESS SUV""".split()
)
_TECH_ACRONYMS = frozenset("AI IT ICT IoT DX AX OS SW HW XR VR AR".split())
_STOCK_CODE = re.compile(r"(?:A|KRX: ?|코스피: ?|코스닥: ?)?\d{6}")
_GENERIC_LATIN_UPPER = frozenset(s.upper() for s in _GENERIC_LATIN)  # a bracket may write them lower case: (phev)
# Small words of an English phrase: a bracket of 4+ words with one translates a slogan or a title, not a name.
_ENGLISH_FUNCTION_WORDS = frozenset("a an the of in on to for with and or at by from".split())
_SUBSIDIARY_WORDS = frozenset("자회사 손자회사 계열사 관계사 자회사인 계열사인".split())
_FIRM_WORDS = frozenset("시장조사업체 시장조사기관 조사업체 리서치업체 컨설팅업체 컨설팅사 컨설팅기업".split())
# A model code: capitals and 3-4 digits (H100, MI450, AI250, GB200), never glued to other letters or digits.
_MODEL_CODE = re.compile(r"(?<![A-Za-z0-9&.\-])[A-Z]{1,3}\d{3,4}[A-Z]?(?![A-Za-z0-9%~만억조천백]|[.,]\d)")
_NOT_MODEL_PREFIXES = ("RE", "ISO", "KS", "ES", "SP", "PM", "TOP")
# A product family followed by its model: 갤럭시 S25, 갤럭시 Z 폴드7, 아이오닉6, 아이폰 16.
_FAMILY_MODEL = re.compile(
    r"(?<![가-힣A-Za-z0-9])(?:(?:갤럭시(?: ?(?:탭|워치|버즈|북))?|아이오닉|아이폰|아이패드|맥북(?: ?(?:에어|프로))?|픽셀) ?"
    r"(?:[A-Z]{1,2} ?)?(?:폴드|플립)?\d{1,3}|엑시노스 ?\d{3,4}|스냅드래곤 ?\d{1,3})[A-Z+]?(?![A-Za-z0-9%~만억조천백]|[.,]\d)"
)
_MODEL_VARIANT = re.compile(
    r" (?:울트라|플러스|프로 맥스|프로|엣지|미니|FE|Ultra|Plus|Pro Max|Pro|엘리트|Elite|(?:Gen|젠) ?\d)(?![A-Za-z0-9])")
_ORG_SUFFIXES = ("위원회", "협의회", "연구소", "연구원", "재단", "협회", "연합회", "학회", "공사", "공단", "사무소",
                 "진흥원", "평가원", "기술원", "연맹", "얼라이언스", "대학교", "부", "처", "청")
_COMPANY_SUFFIXES = ("그룹", "전자", "증권", "텔레콤", "중공업", "홀딩스", "물산", "건설", "화학", "바이오",
                     "반도체", "테크", "제약", "정밀", "케미칼", "디스플레이", "로보틱스", "제철", "모빌리티",
                     "신용평가", "자산운용")
# Stems that make a common noun, not a company, with those suffixes (메모리반도체, 재생에너지, 첨단테크).
_GENERIC_STEMS = frozenset("""국립 시립 도립 구립 공립 사립 현대 개인 야구 축구 전용 실내 보조 홈 종합 지역 동네 인근
    메모리 시스템 전력 차량용 차세대 첨단 국산 국내 해외 글로벌 파워 화합물 지능형 고성능 저전력 비메모리
    AI 인공지능 미래 퓨처 산업 기초 정밀 의료 공공 대기업 중소기업 석유 정유 종합 생활 산업용 하이 로봇 자율주행 민자 국제
    고층 초고층 오피스 업무용 상업용 사무용 신축 노후 대형 임대""".split())
_EVENT_SUFFIXES = ("정상회의", "포럼", "서밋", "엑스포", "박람회", "컨퍼런스", "콘퍼런스", "쇼케이스", "페스티벌", "모터쇼", "오토쇼", "어워즈", "어워드",
                   "모빌리티쇼", "챔피언십", "축제")
# Words that may stand between an event's head and its event word: CME그룹 투어 챔피언십, HSBC 위민스 월드 챔피언십,
# BAFTA 게임 어워즈, 뉴욕 국제 오토쇼. The head is a Latin name or a known company or product (the title sponsor:
# LPGA 투어 롯데 챔피언십 is 롯데 챔피언십), or a known place before 국제/세계 (뉴욕 국제 오토쇼).
_EVENT_CONNECTORS = frozenset("투어 월드 위민스 여자 남자 게임 국제 세계 아시아 뮤직 인비테이셔널 마스터스 클래식".split())
_EVENT_PLACE_WORDS = frozenset("국제 세계".split())
# Suffixes that may stand as a word of their own after a name (K-AI 얼라이언스, 도이치 텔레콤); 사무소 ends a
# body's name only inside its word (방송통신사무소): 한국 사무소 is a branch office.
_STANDALONE_SUFFIXES = frozenset(_ORG_SUFFIXES + _COMPANY_SUFFIXES + _EVENT_SUFFIXES) - {"사무소"}
_PLACE_TITLES = ("도지사", "지사", "시장", "군수", "교육감")  # titles only when glued to a known place (경북도지사)
# Named roads and districts end in these (영동고속도로, 판교테크노밸리); 고속도로 alone is no name.
# Words that say the quoted title after them is a game or an app (게임 '에버소울', 기대작 ‘아키에이지 워’).
_WORK_WORDS = frozenset("게임 신작 기대작 후속작 흥행작 대표작 모바일게임 온라인게임 앱 애플리케이션 챗봇".split())
# Words that say the quoted name after them is a firm (신규 법인인 '민트로켓', 장비 전문기업 ‘엑시콘’).
_FIRM_KIND_WORDS = ("법인", "자회사", "계열사", "스타트업", "기업", "업체", "회사", "게임사", "개발사", "제조사")
_HEADLINE_MAX = 300
_OPENER_PARTICLES = frozenset("엔 은 는 을 를 에 의 도 과 와 만".split())
# Words that say the quoted name after them is an event (개발자 행사 '이프 카카오 2025'), and bodies whose quoted
# multi-word names end in one of these (‘제조 스타트업 얼라이언스’): one-syllable ones (부, 처, 청) end common words.
_EVENT_WORDS = frozenset("행사 콘퍼런스 컨퍼런스 축제 박람회 전시회 시상식 개발자회의".split())
_BODY_SUFFIXES = ("얼라이언스", "위원회", "협의회", "연합회", "협회", "재단", "연구소", "연구원", "학회")
_EDITION_AT_END = re.compile(r" (?:19|20)\d\d$")
_FIRM_NAME = re.compile(r"[가-힣]{2,8}|[A-Za-z][A-Za-z0-9&.\-]{1,15}")
_TRAILING_GLOSS = re.compile(r"\s*\([A-Za-z][^()]*\)$")
_NAMED_AS = re.compile(r"(?:이)?라는\s?이름(?:으로|의|을)")
_LAUNCH_VERB = re.compile(r"출시|공개|선보|내놓|내놨|론칭|런칭")
_QUOTED_NAME = re.compile(r"[‘'\"“]([^‘’'\"“”\n,.]{2,30})[’'\"”]")
_SITE_SUFFIXES = ("고속도로", "테크노밸리", "테크노벨리", "카운티", "빌딩", "대공원",  # 벨리: a common misspelling, still the place
                  "미술관", "박물관", "컨트리클럽", "골프클럽", "구장", "경기장")  # venues: 서울미술관, 사직구장, 월드컵경기장
# A market is named by its town and kind glued (군위전통시장, 선비골문화시장) or by a gate or quarter after its town
# (대구 서문시장, 보령 중앙시장); 전통시장 alone, 주식시장, 전기차 시장 and 부산시장 (the mayor) are none.
_MARKET_KINDS = ("전통", "문화", "재래", "수산", "농수산물", "농수산", "종합", "상설", "약령")
_MARKET_QUARTERS = frozenset("중앙 남부 북부 동부 서부 서문 동문 남문 북문".split())
_MARKET_GENERIC = frozenset("지역 인근 동네 주변 전국 관내 도내 시내 국내 골목 대형 소형 우리 대표 온라인".split())
_WORD = re.compile(r"[^\s…]+")  # an ellipsis ends a phrase: 공급”…LG전자와 is two words
_GLUED_SENTENCE = re.compile(r"[가-힣][.!?][`'’\"”]?[가-힣]")
_WORD_OR_SENTENCE = re.compile(
    r"[^\s…]+?(?:(?<=[가-힣][.!?])(?=[가-힣])|(?<=[가-힣][.!?][`'’\"”])(?=[가-힣])|(?=[\s…])|\Z)")
_TOWN = re.compile(r"[가-힣]{2,3}읍")  # a town (읍); 면 and 리 end too many common nouns (측면, 라면, 거리)
_UNIT_ENDINGS = ("본부", "사업부", "총괄부", "지도부", "집행부")
_PLACE_SUFFIXES = ("특별시", "광역시", "시", "군", "구", "도", "권")
_LIST_BREAK = re.compile(r"[·・‧∙…”“’‘\"']")
_C_LEVEL = re.compile(r"C[A-Z]{1,3}O")  # CRO, CMO, CHRO, CISO
_NUMBERED_PART = re.compile(r"\d+[가-힣]{1,3}")
_PART_CODE = re.compile(r"[A-Z]{1,2}\d{1,2}")
# What a spelled-out technology acronym ends in (소형모듈원전, 그래픽처리장치, 전고체전지); a firm named
# like that (…반도체, …에너지) is left alone: those words are not here.
_TECH_HEADS = ("원전", "원자로", "메모리", "기술", "공정", "전지", "소자", "장치", "모듈", "센서", "발전소", "모델",
               "지능", "통신망", "네트워크", "패키징", "자동차", "처리기")
_K_SLOGAN = re.compile(r"[A-Z]-?")
# Compiled pre-checks (C speed) for the per-word rules: a word without any of these strings cannot fire the rule.
_TITLE_HINT = re.compile("|".join(map(re.escape, sorted({*_TITLES, *_PLACE_TITLES}, key=len, reverse=True))))
_SUFFIX_HINT = re.compile("|".join(map(re.escape, sorted(
    {*_EVENT_SUFFIXES, *_COMPANY_SUFFIXES, *_ORG_SUFFIXES, *_SITE_SUFFIXES, "·", "읍", "시장", "역"}, key=len, reverse=True))))
_FIRM_WORD_HINT = re.compile("|".join(map(re.escape, sorted({*_SUBSIDIARY_WORDS, *_FIRM_WORDS}, key=len,
                                                              reverse=True))))
_EVIDENCE_RANK = {"bracket": 4, "title": 3, "rule": 2, "analyzer": 1}
_BARRIER_TAGS = ("J", "E", "V", "XSV", "XSA", "MAG", "MAJ", "NP", "IC")
_BYLINE_WORD = re.compile("기자|특파원")
# The longest name run _REPORTER takes before 기자/특파원: 2-4 syllables, five more ·-names, a space.
_REPORTER_REACH = 4 + 5 * 5 + 1
_REPORTER = re.compile(r"([가-힣]{2,4}(?:·[가-힣]{2,4}){0,5})\s?(?:기자|특파원)")  # bounded: a 10^5-name ·-chain stays linear


@lru_cache(maxsize=1 << 16)
def _suffix_type(name: str) -> tuple[str, str] | None:
    """(type, suffix) for a name ending in an organisation, company or event word."""
    for suffixes, type_ in ((_EVENT_SUFFIXES, "event"), (_COMPANY_SUFFIXES, "company"), (_ORG_SUFFIXES, "org"),
                            (_SITE_SUFFIXES, "place")):
        for suffix in suffixes:
            if name.endswith(suffix) and len(name) > len(suffix):
                return type_, suffix
    return None


@lru_cache(maxsize=1 << 16)
def _place_title_heads(core: str) -> tuple[str, ...]:
    """What comes before a place title ending the word (경북도지사 -> 경북), particles allowed after the title."""
    if "시장" not in core and "지사" not in core and "군수" not in core and "교육감" not in core:
        return ()
    heads = []
    for word in (core, _strip_tail(core)):  # 경북도지사 must not lose 도지사 as particles (도, 지사)
        for title in _PLACE_TITLES:
            if word.endswith(title) and len(word) > len(title):
                heads.append(word[: -len(title)])
    return tuple(heads)


def _site_core(word: str) -> str | None:
    """The name of a road or district with its particles cut (영동고속도로를: 도로 looks like particles to _strip_tail)."""
    for suffix in _SITE_SUFFIXES:
        i = word.find(suffix)
        if i > 0 and (i + len(suffix) == len(word) or _is_tail(word[i + len(suffix) :])):
            return word[: i + len(suffix)]
    return None


def _name_pair(run: list[_Word]) -> list[_Word] | None:
    """The two words of a run of name-like words that name a person: the first pair that starts with a
    transliterated word (만난 젠슨 황 → 젠슨 황; 스티븐 발라반 람다 → 스티븐 발라반), else the first that can be
    a foreign name at all (팀 쿡), else none (만난 최)."""
    pairs = [run[i : i + 2] for i in range(len(run) - 1) if _foreign_name_pair(run[i].core, run[i + 1].core)]
    for first, last in pairs:
        if any(c in _LOANWORD_SYLLABLES for c in first.core):
            return [first, last]
    if len(run) > 2:
        return None  # “금리 인하 고려 여건 형성”: a phrase of common nouns, none of them transliterated, is no name
    return pairs[0] if pairs else None


def _foreign_name_pair(first: str, last: str) -> bool:
    """Two words that can be a foreign name. A one-syllable Korean surname after a word with no loanword
    syllable is a verb or adverb before a surname and title (만난 최 회장, 찾은 황 CEO), not a name like
    젠슨 황."""
    if len(last) == 1 and last in _SURNAMES and not any(c in _LOANWORD_SYLLABLES for c in first):
        return False
    # A long word with no loanword syllable is a Korean compound (도곡시장 전라도반찬집 사장), not half a foreign name
    return not any(len(w) >= 4 and not any(c in _LOANWORD_SYLLABLES for c in w) for w in (first, last))


def _looks_korean_name(core: str) -> bool:
    if len(core) == 4 and core[:2] in _COMPOUND_SURNAMES:
        given = core[2:]
    elif len(core) == 3 and core[0] in _SURNAMES:
        given = core[1:]
    else:
        return False
    if core.endswith("당"):
        return False  # 공화당, 민주당, 정의당: parties; no given name ends in 당
    return all(_is_hangul(c) for c in core) and not any(c in _LOANWORD_SYLLABLES for c in given)


# One-syllable verb forms that stand before a noun (온, 간, 본, 할): never the first word of a foreign name (존, 팀, 빌).
_ADNOMINALS = frozenset("온 간 한 된 난 본 쓴 든 탄 단 할 될 갈 올 볼 줄 던 찾은 만난 맡은 있는 없는 하는".split())
_UNIVERSITY = re.compile(r"[가-힣]{2,4}대")  # 명지대, 한양대: a university before 교수
# Connectives and postpositional words that the title rule can take for a two-word name.
_FUNCTION_WORDS = frozenset("""이와 함께 이에 따라 따르면 위해 통해 대해 대한 관련 이후 이전 당시 가운데 동안 이어 또한 아울러 기간 중
    마련해 이사회""".split())


def _is_amount(surface: str) -> bool:
    """True when the whole surface is a number with a unit (1기가와트, 500메가와트, 20조원)."""
    found = parse_numbers(surface)
    return bool(found) and found[0].start == 0 and found[-1].end >= len(surface.rstrip())


@lru_cache(maxsize=1 << 16)
def _strip_tail(core: str) -> str:
    """The word without trailing particles (뷔나그룹은 -> 뷔나그룹, SK하이닉스와의 -> SK하이닉스, 카카오페이가 ->
    카카오페이: 이 after a vowel is no particle)."""
    for cut in range(max(1, len(core) - _TAIL_MAX), len(core)):
        if _is_hangul(core[cut]) and _is_tail(core[cut:]) and len(core[:cut]) >= 2 and _particle_fits(core[cut - 1], core[cut:]):
            return core[:cut]
    return core


_AFTER_CONSONANT = ("은", "을", "과", "으로")  # particles written only after a final consonant (삼성은, 삼성과)
_AFTER_VOWEL = ("는", "를", "와", "가")  # and only after a vowel (카카오는, 카카오와)
_COPULA_ENDINGS = ("다", "라", "란", "며", "고", "나", "었", "던", "지만", "ㄴ")


def _particle_fits(last: str, tail: str) -> bool:
    """Whether a particle run can follow a syllable: 카카오페+이가 cannot (after a vowel the subject particle is
    가, and 이가 is no particle run), so 카카오페이가 is 카카오페이+가. Non-Hangul before the tail: anything goes."""
    if not _is_hangul(last):
        return True
    has_final = (ord(last) - 0xAC00) % 28 != 0
    if has_final:
        return not tail.startswith(_AFTER_VOWEL)
    if tail.startswith(_AFTER_CONSONANT):
        return False
    return not tail.startswith("이") or tail[1:].startswith(_COPULA_ENDINGS)  # 카카오페이다 may be 카카오페 + 이다


@dataclass(slots=True)
class _Word:
    core: str  # the written word without opening/closing punctuation
    start: int  # offset of core[0] in the text
    end: int  # offset after core[-1]
    opens: bool  # punctuation before it: a clause or quotation starts here
    closes: bool  # punctuation after it: a clause ends here
    line_start: bool  # first word of a line
    tags: list[tuple[str, str]] | None  # analyzer tokens over the word; None without the analyzer


class _Token(NamedTuple):
    form: str
    tag: str
    start: int
    len: int


@dataclass(slots=True)
class _Hit:
    surface: str
    start: int
    evidence: str
    type: str | None = None


class _Article:
    """One article's text prepared for the rules: words with the brackets taken out, analyzer tokens."""

    def __init__(self, text: str, tokens: list[Any] | None, known: _Known) -> None:
        self.text = text
        self.known = known
        # plain tuples: attribute access on the analyzer's token objects is slow
        self.tokens = None if tokens is None else [_Token(t.form, t.tag, t.start, t.len) for t in tokens]
        self.words = self._words(text, self.tokens)
        self.glosses: set[str] = set()  # bracket sides that name nothing (filled by bracket_hits)
        self._word_starts = [w.start for w in self.words]

    @staticmethod
    def _words(text: str, tokens: list[_Token] | None) -> list[_Word]:
        stripped, offsets = _without_brackets(text)
        starts = [t.start for t in tokens] if tokens is not None else []
        words: list[_Word] = []
        # the first line break after the last word kept: a word past it starts a line (one find per line, not per word)
        newline = stripped.find("\n")
        if newline < 0:
            newline = len(stripped)
        # Sentences glued without a space (…입니다.자문위원회는): split after the full stop, only where it happens
        for m in (_WORD_OR_SENTENCE if _GLUED_SENTENCE.search(stripped) else _WORD).finditer(stripped):
            raw = m.group()
            lead = len(raw) - len(raw.lstrip(_OPENERS)) if raw[0] in _OPENERS else 0
            trail = len(raw) - len(raw.rstrip(_CLOSERS)) if raw[-1] in _CLOSERS else 0
            core = raw[lead : len(raw) - trail] if len(raw) > lead + trail else ""
            cut = core.rfind("]") + 1 if "]" in core else 0
            if cut:  # [KBS 전주]LS그룹이: a dateline glued to the first word; the word starts after it
                core, lead = core[cut:], lead + cut
            if not core:
                continue
            first, last = m.start() + lead, m.end() - trail - 1
            start, end = offsets[first], offsets[last] + 1
            line_start = newline < m.start() or not words
            if newline < m.start():
                newline = stripped.find("\n", m.end())
                if newline < 0:
                    newline = len(stripped)
            tags = None
            if tokens is not None:
                k = bisect_left(starts, start)
                tags = []
                if k > 0 and starts[k - 1] + tokens[k - 1].len > start:
                    tags.append((tokens[k - 1].form, tokens[k - 1].tag))  # 샘 올트먼: one token, two words
                bracketed = end - start != last - first + 1  # (…) removed from inside this word
                while k < len(tokens) and starts[k] < end:
                    if not bracketed or starts[k] in offsets[first : last + 1]:
                        tags.append((tokens[k].form, tokens[k].tag))
                    k += 1
            # text[start:end] holds a bracket: one removed from inside the word (then it is longer than the core),
            # or one left unmatched in the core itself
            if end - start != last - first + 1 or "(" in core or ")" in core:
                core = re.sub(r"\([^()]*\)", "", core)
            words.append(_Word(core, start, end, lead > 0, trail > 0, line_start, tags))
        return words

    # word predicates: with analyzer tokens when there are any, from spelling alone otherwise

    def has_barrier(self, w: _Word) -> bool:
        """A particle, verb ending or adverb: the word ends (or is not) a noun phrase."""
        if w.tags is not None:
            return any(tag.startswith(_BARRIER_TAGS) for _, tag in w.tags)
        if w.core in _ADNOMINALS:
            return True  # 논의해 온 베선트 장관: a verb's one-syllable form before a name, not a first name
        return strip_particle(w.core) != w.core or w.core[-1] in "다며고해한된던서면는엔"  # 있는, 옆엔

    def is_name_word(self, w: _Word) -> bool:
        """One word of a foreign name (맷, 가먼, 브로크만): Hangul, a proper noun or unknown word."""
        core = w.core
        if not all(_is_hangul(c) for c in core) or core in _NOT_NAMES or title_family(core):
            return False
        kind = self.known.type_of(core)
        if kind is not None and kind != "person":
            return False
        if self.has_barrier(w):
            return False
        if w.tags is not None and not (all(tag == "NNP" for _, tag in w.tags) or (len(w.tags) == 1 and w.tags[0][1] == "NNG")):
            return False
        suffix = _suffix_type(core) if len(core) >= 4 else None
        return suffix is None or len(suffix[1]) < 2  # 당 과학기술특별위원회 위원장: a body and its head, not a name

    def is_korean_name(self, w: _Word, before_title: bool = False) -> bool:
        """최태원, 김경훈, 유영상: a surname syllable and a given name, not a common noun (이사회).
        Right before a title that takes a particle itself, a name may end like one: 안동은 부사장을,
        홍성은 대표는 (a place with a topic particle is not followed by a title noun)."""
        core = w.core
        if not _looks_korean_name(core) or core in _NOT_NAMES or title_family(core):
            return False
        if core[:2] in _NOT_NAMES and core[2:] in _OPENER_PARTICLES:
            return False  # 최근엔, 이번엔: a clause-opening word with a particle, not 최 + 근엔 (한미서 is a name)
        kind = self.known.type_of(core)
        if kind is not None:
            return kind == "person"
        if w.tags is not None:
            if len(w.tags) == 1 and w.tags[0][1] != "NNP" or any(" " in form for form, _ in w.tags):
                return False  # a common noun (이사회), or one word of a longer name (사티아 나델라)
            # 정부가 = noun + particle; 김경훈 may come out as 김경/NNP 후/NNG ᆫ/JX (a jamo, not a particle)
            return not any(tag.startswith(_BARRIER_TAGS) and _is_hangul(form[0]) for form, tag in w.tags)
        if core[-1] in "한된던는":
            return False  # 인사한 장관, 참석한 대표: a verb before the title, not a name (no analyzer to tell 김정한 apart)
        return before_title or strip_particle(core) == core

    # rules

    def title_hits(self) -> list[_Hit]:
        """Persons named left of a title word: the name, then up to five organisation words."""
        hits: list[_Hit] = []
        words = self.words
        for i, w in enumerate(words):
            if not _TITLE_HINT.search(w.core):
                continue  # no title word in it: the checks below would all say no
            if not (title_family(w.core) or _place_title_heads(w.core) and self._place_title(w.core)) or (
                    w.tags is not None and not self._title_is_noun(w)):
                continue
            family = title_family(w.core)
            # 안동은 부사장을 / 안동은 대표는: the title is the noun phrase; 안동은 대표 관광지: an adjective
            title_ends_clause = w.closes or strip_particle(w.core) != w.core
            run: list[_Word] = []
            person: str | None = None
            start = 0
            j, steps = i - 1, 0
            while j >= 0 and steps < 6 and not words[j + 1].line_start:
                word = words[j]
                if word.closes or title_family(word.core):
                    break
                if "·" in word.core and not run:
                    hits += self._dot_names(word)  # 김영식·구자근 국민의힘 의원: each a person
                    break
                if family == "교수" and not run and _UNIVERSITY.fullmatch(word.core) and self.known.type_of(word.core) in (None, "org"):
                    hits.append(_Hit(word.core, word.start, "rule", "org"))  # 유홍준 명지대 교수: 명지대 is where, not who
                    j, steps = j - 1, steps + 1
                    continue
                if self.is_korean_name(word, before_title=j == i - 1 and title_ends_clause) and len(run) < 2:
                    person, start = word.core, word.start
                    break
                if self.is_name_word(word):
                    run.insert(0, word)
                elif run:
                    if len(run) >= 2:
                        break
                    run = []
                    if self.has_barrier(word):
                        break
                elif self.has_barrier(word):
                    break
                if word.opens:
                    break
                j, steps = j - 1, steps + 1
            pair = _name_pair(run)
            if person is None and pair is not None:
                person, start = " ".join(x.core for x in pair), pair[0].start
            if person:
                hits.append(_Hit(person, start, "title", "person"))
        return hits

    def _place_title(self, core: str) -> bool:
        """경북도지사, 구미시장, 성남시장은: a head of a place, written glued to a place the alias file knows (alone,
        시장 is a market: 전기차 시장)."""
        return any(self.known.type_of(head) == "place" for head in _place_title_heads(core))

    def _dot_names(self, w: _Word) -> list[_Hit]:
        """Korean names joined by middle dots before a title (김영식·구자근 의원): every part must look like one."""
        parts = w.core.split("·")
        if not 2 <= len(parts) <= 6:
            return []
        hits: list[_Hit] = []
        offset = w.start
        for part in parts:
            if (not _looks_korean_name(part) or part in _NOT_NAMES or title_family(part)
                    or self.known.type_of(part) not in (None, "person")):
                return []
            hits.append(_Hit(part, offset, "title", "person"))
            offset += len(part) + 1
        return hits

    def _title_is_noun(self, w: _Word) -> bool:
        # 대표해/VV and 리더십 never reach here (title_family); this drops titles the analyzer reads as verbs
        return not any(tag.startswith(("V", "E")) and _is_hangul(form[0]) and form not in _TAIL_PIECES
                       for form, tag in w.tags or [])

    def suffix_hits(self) -> list[_Hit]:
        """과학기술정보통신부, SK수펙스추구협의회, 뷔나그룹, 퓨처테크포럼, K-AI 얼라이언스."""
        hits: list[_Hit] = []
        for i, w in enumerate(self.words):
            if not _SUFFIX_HINT.search(w.core):
                continue  # holds no suffix, town, site or list dot: none of the rules below can fire
            core = any(s in w.core for s in _SITE_SUFFIXES) and _site_core(w.core) or _strip_tail(w.core)
            if core.endswith(("시장", "역")):
                hits += self._market_or_station(i, core)
                continue
            found = _suffix_type(core)
            if found is None and _TOWN.fullmatch(core) and core[:-1] not in _NOT_NAMES:
                hits.append(_Hit(core, w.start, "rule", "place"))  # 장안읍, 기장읍: a town
                continue
            if found is None and core in _STANDALONE_SUFFIXES and i > 0:
                event = self._event_words_before(i) if core in _EVENT_SUFFIXES else None
                if event:
                    hits.append(_Hit(" ".join(x.core for x in event) + " " + core, event[0].start, "rule", "event"))
                    continue
                # standalone suffix word after a Latin or proper-noun word: K-AI 얼라이언스, 도이치 텔레콤
                prev = self.words[i - 1]
                if not prev.closes and not w.line_start and not w.opens and self._can_head(prev):
                    hits.append(_Hit(f"{prev.core} {core}", prev.start, "rule", _suffix_type("x" + core)[0]))
                continue
            if found is not None and found[0] == "event" and i > 0 and core[: -len(found[1])] in _EVENT_PLACE_WORDS:
                prev = self.words[i - 1]  # 뉴욕 국제오토쇼: a place names the show its generic stem does not
                if not prev.closes and not w.line_start and not w.opens and self.known.type_of(prev.core) == "place":
                    hits.append(_Hit(f"{prev.core} {core}", prev.start, "rule", "event"))
                continue
            if "·" in core:
                hits += self._dot_list_hits(w, core)
                continue
            if found is None or not self._suffix_word_ok(w, core, *found):
                continue
            hits.append(_Hit(core, w.start, "rule", found[0]))
        return hits

    def _market_or_station(self, i: int, core: str) -> list[_Hit]:
        """군위전통시장, 대구 서문시장 (see _MARKET_KINDS); 청량리역, 영주역: a station named after a known place."""
        w = self.words[i]
        if core.endswith("역"):
            known = len(core) >= 3 and self.known.type_of(core[:-1]) == "place" and _is_hangul(core[-2])
            return [_Hit(core, w.start, "rule", "place")] if known else []
        stem = core[:-2]
        for kind in _MARKET_KINDS:
            if stem.endswith(kind):
                town = stem[: -len(kind)]
                if len(town) >= 2 and town not in _MARKET_GENERIC and town not in _NOT_NAMES and all(map(_is_hangul, town)):
                    return [_Hit(core, w.start, "rule", "place")]
                return []
        if stem in _MARKET_QUARTERS and i > 0:
            prev = self.words[i - 1]
            if not prev.closes and not w.line_start and not w.opens and self.known.type_of(prev.core) == "place":
                return [_Hit(f"{prev.core} {core}", prev.start, "rule", "place")]
        return []

    def _dot_list_hits(self, w: _Word, core: str) -> list[_Hit]:
        """Each name of a ·-joined list read on its own: 방송통신사무소·시청자미디어재단·한국방송광고진흥공사
        (메모리·시스템반도체 stays a pair of common nouns: 시스템 is a generic stem)."""
        hits: list[_Hit] = []
        offset = w.start
        for part in core.split("·"):
            found = _suffix_type(part) if len(part) >= 3 else None
            if found is not None:
                alone = _Word(part, offset, offset + len(part), False, False, False, None)
                if self._suffix_word_ok(alone, part, *found):
                    hits.append(_Hit(part, offset, "rule", found[0]))
            offset += len(part) + 1
        return hits

    def subsidiary_hits(self) -> list[_Hit]:
        """A firm named right after the word that says what it is: after 자회사/계열사 one called after a known
        company (자회사 카카오게임즈가, 계열사 카카오페이·카카오모빌리티; 자회사 설립 names no one), after
        시장조사업체/컨설팅업체 a Latin or transliterated name (시장조사업체 카운터포인트리서치에 따르면; 조사 is no
        name)."""
        hits: list[_Hit] = []
        for i, w in enumerate(self.words[:-1]):
            if not _FIRM_WORD_HINT.search(w.core):
                continue
            head = _strip_tail(w.core)
            if w.closes or (head not in _SUBSIDIARY_WORDS and head not in _FIRM_WORDS):
                continue
            after = self.words[i + 1]
            if after.line_start:
                continue
            offset = after.start
            for part in after.core.split("·"):
                name = _strip_tail(part)
                if self._named_after_a_company(name) if head in _SUBSIDIARY_WORDS else self._foreign_firm_name(name):
                    hits.append(_Hit(name, offset, "rule", "company"))
                offset += len(part) + 1
        return hits

    def _foreign_firm_name(self, name: str) -> bool:
        if len(name) < 2 or name in _NOT_NAMES or name in _GENERIC_LATIN or self.known.get(name):
            return False
        if _has_latin(name):
            return name.isascii() and name[0].isupper()  # IDC, Gartner; not 'AI반도체'
        return len(name) >= 3 and all(_is_hangul(c) for c in name) and any(c in _LOANWORD_SYLLABLES for c in name)

    def _named_after_a_company(self, name: str) -> bool:
        if len(name) < 3 or name in _NOT_NAMES or self.known.get(name) or not (_has_hangul(name) or _has_latin(name)):
            return False
        return any(self.known.type_of(name[:k]) == "company" for k in range(len(name) - 1, 1, -1))

    def junior_hits(self) -> tuple[list[_Hit], list[tuple[str, str]]]:
        """도널드 트럼프 주니어: a known person's name and 주니어 (or 2세) is the son, a person of his own; 트럼프
        주니어 is the same son (paired with the full name, as a bracket pairs two names)."""
        if "주니어" not in self.text and "2세" not in self.text:
            return [], []
        hits: list[_Hit] = []
        pairs: list[tuple[str, str]] = []
        for m in _JUNIOR_NAME.finditer(self.text):
            father = m.group(1)
            for words in (father, father.split(" ", 1)[-1]):  # 도널드 트럼프 주니어, 트럼프 주니어
                known = self.known.get(words)
                if known is not None and known[1] == "person" and self._tail_ok(m.end()):  # not 2세대
                    start = m.start(1) + len(father) - len(words)
                    surface = self.text[start : m.end()]
                    hits.append(_Hit(surface, start, "rule", "person"))
                    pairs.append((known[0] + surface[len(words):], surface))
                    break
        return hits, pairs

    def quoted_work_hits(self) -> list[_Hit]:
        """A title in quotation marks right after the word that says it is a game or an app: 서브컬처 게임 '에버소울',
        기대작 ‘아키에이지 워’, 신작 "오딘"; a firm's name after the word that says it is one: 신규 법인인 '민트로켓',
        전문기업 ‘엑시콘’; a quoted name of words ending in an event word is an event (‘K-테크 쇼케이스’). Anything else
        quoted (a slogan, a quote) is left alone."""
        hits: list[_Hit] = []
        text = self.text
        headline_end = text.find("\n")
        if headline_end > _HEADLINE_MAX:
            headline_end = -1  # a first line that long is no headline (and counting names in it would be quadratic)
        for m in _QUOTED_NAME.finditer(text):
            name = _TRAILING_GLOSS.sub("", m.group(1).strip())  # ‘이프카카오(ifkakao)’: the name, not its Latin gloss
            start = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())
            parts = name.split()
            if not parts:
                continue
            body_type = "event" if parts[-1].endswith(_EVENT_SUFFIXES) else (
                "org" if parts[-1].endswith(_BODY_SUFFIXES) else None)
            if (body_type and 2 <= len(parts) <= 6 and self.known.type_of(name) in (None, body_type)
                    and self._tail_ok(m.end())):
                # ‘K-테크 쇼케이스’, 'EV9 온라인 미디어 콘퍼런스'에서, '글로벌 AI 텔코 얼라이언스'를
                hits.append(_Hit(name, start, "rule", body_type))
                continue
            lead = text[max(0, m.start() - 12) : m.start()]
            words = lead.split()
            if not words or lead[-1:] not in (" ", ""):
                continue
            if _strip_tail(words[-1]) in _EVENT_WORDS and (_has_hangul(name) or _has_latin(name)) and len(parts) <= 5:
                edition = _EDITION_AT_END.search(name)
                event = name[: edition.start()] if edition else name  # 행사 '이프 카카오 2025': the event, not its year
                if (len(event) >= 2 and name[-1] not in "다요" and self.known.type_of(event) in (None, "event")
                        and (self._tail_ok(m.end()) or self._event_word_after(m.end()))):
                    hits.append(_Hit(event, start, "rule", "event"))
                continue
            head = _strip_tail(words[-1])
            type_ = "product" if words[-1] in _WORK_WORDS else "company" if head.endswith(_FIRM_KIND_WORDS) else None
            if type_ is None and self._launched(m.end(), name):
                type_ = "product"  # ‘에이전트N’을 내놨다, ‘네이버플러스 스토어’라는 이름으로
            if type_ is None:
                continue
            if type_ == "company" and (" " in name or not _FIRM_NAME.fullmatch(name)):
                continue  # 법인인 '민트로켓', 전문기업 ‘엑시콘’: one word, a name; not 기업 '밸류업 프로그램'
            if m.start() < headline_end and text.count(name) < 2:
                continue  # a headline's quotes are often wordplay (신작 ‘잠깐 멈춤’): a name there is written again
            if len(name) < 2 or len(name.split()) > 4 or name in _NOT_NAMES or self.known.type_of(name) not in (None, "product"):
                continue
            if name[-1] in "다요" or not (_has_hangul(name) or _has_latin(name)):
                continue  # a sentence quoted, not a title
            if self._tail_ok(m.end()):
                hits.append(_Hit(name, start, "rule", type_))
        return hits

    def _event_word_after(self, end: int) -> bool:
        """‘단24’행사에서: an event word (and its particles) glued after the closing quote."""
        run_end = end
        while run_end < len(self.text) and _is_hangul(self.text[run_end]) and run_end - end < 12:
            run_end += 1
        tail = self.text[end:run_end]
        return any(tail.startswith(word) and (len(tail) == len(word) or _is_tail(tail[len(word):])) for word in _EVENT_WORDS)

    def _launched(self, end: int, name: str) -> bool:
        """A quoted name introduced as a new thing: ‘…’라는 이름으로 (이라는 이름의), or ‘…’을/를 followed within three words by a
        launch verb (출시, 공개, 선보, 내놓, 론칭). Only names that look like a product's: Latin letters or digits in them
        (AI브리핑, 에이전트N), or a known company's or product's name inside (카나나 인 카카오톡); a slogan (‘특단의 대책’을
        내놨다) has neither."""
        after = self.text[end : end + 40]
        named = _NAMED_AS.match(after)
        if not named and not (after[:1] in ("을", "를") and _LAUNCH_VERB.search(" ".join(after[1:].split()[:3]))):
            return False
        if len(name.split()) > 4 or name[-1] in "다요" or name in _NOT_NAMES or self.known.type_of(name) not in (None, "product"):
            return False
        if named:
            return True
        if re.search(r"[A-Za-z0-9]", name) and _has_hangul(name) or _has_latin(name) and name.upper() not in _GENERIC_LATIN_UPPER:
            return True
        return any(self.known.type_of(w) in ("company", "product") for w in name.split()[1:]) or any(
            self.known.type_of(name[:k]) in ("company", "product") for k in range(2, len(name.split()[0])))

    def model_hits(self) -> list[_Hit]:
        """Products written with a model code: H100, MI450, AI250; 갤럭시 S25 (울트라), 아이오닉6, 아이폰 16 프로."""
        hits: list[_Hit] = []
        text = self.text
        for m in _MODEL_CODE.finditer(text):
            code = m.group()
            if re.fullmatch(r"[A-Z]+(?:19|20)\d\d", code) or code.startswith(_NOT_MODEL_PREFIXES):
                continue  # CES2025 is an edition, RE100 a pledge, ISO9001 a standard
            if self._tail_ok(m.end()):
                hits.append(_Hit(code, m.start(), "rule", "product"))
        for m in _FAMILY_MODEL.finditer(text):
            end = m.end()
            surface = m.group()
            variant = _MODEL_VARIANT.match(text, end)
            if variant and not self._tail_ok(variant.end()):
                continue  # 스냅드래곤 7 엘리트급: a class of chips, not the model before the tier word
            if variant:
                surface, end = text[m.start() : variant.end()], variant.end()
            if self._tail_ok(end):
                hits.append(_Hit(" ".join(surface.split()), m.start(), "rule", "product"))
        return hits

    def _tail_ok(self, end: int) -> bool:
        """Whether a name ending at `end` ends the written word there (아이오닉6는, 갤럭시 S25와; not 아이폰 2대)."""
        text = self.text
        run_end = end
        while run_end < len(text) and _is_hangul(text[run_end]):
            run_end += 1
        return run_end == end or _is_tail(text[end:run_end])

    def _event_words_before(self, i: int) -> list[_Word] | None:
        """The words naming the event whose event word is words[i], back to its head (see _EVENT_CONNECTORS), or None."""
        words = self.words
        taken: list[_Word] = []
        j = i - 1
        while j >= 0 and i - j <= 4 and not words[j + 1].line_start and not words[j].closes:
            word = words[j]
            kind = self.known.type_of(word.core)
            latin_name = _has_latin(word.core) and word.core.upper() not in _GENERIC_LATIN_UPPER
            if kind in ("company", "product") or latin_name and kind in (None, "event"):
                return [word, *taken]
            if kind == "place":
                return [word, *taken] if any(x.core in _EVENT_PLACE_WORDS for x in taken) else None
            if word.core not in _EVENT_CONNECTORS or word.opens:
                return None
            taken.insert(0, word)
            j -= 1
        return None

    def _can_head(self, prev: _Word) -> bool:
        if prev.core in _GENERIC_LATIN or prev.core in _NOT_NAMES or self.has_barrier(prev):
            return False
        if _LIST_BREAK.search(prev.core):
            return False  # 메모리·AI 반도체, 시스템·AI 반도체: a list of kinds before a common noun, not a firm's name
        if self.known.type_of(prev.core) == "place":
            return False  # 용인 반도체 (클러스터), 한국 사무소: where, not a name
        if _suffix_type(prev.core) is not None:
            return False  # 삼성전자 반도체 (부문): a named firm and one of its businesses, not a new firm
        if _has_latin(prev.core):
            return prev.core.rstrip("0123456789") not in _GENERIC_LATIN
        return prev.tags is not None and bool(prev.tags) and all(tag == "NNP" for _, tag in prev.tags)

    def _suffix_word_ok(self, w: _Word, core: str, type_: str, suffix: str) -> bool:
        stem = core[: -len(suffix)]
        if not stem or stem in _NOT_NAMES or stem in _GENERIC_STEMS or any(c in "·/" for c in core) or stem.isdigit():
            return False
        if _K_SLOGAN.fullmatch(stem):
            return False  # K-테크, K-바이오, K반도체: a national slogan, not a firm
        if not (_has_hangul(stem) or _has_latin(stem)):
            return False
        if suffix == "부" and core.endswith(_UNIT_ENDINGS):
            return False  # 공약개발본부, 반도체사업부: a unit inside a party or firm, not a ministry
        if len(suffix) == 1 and (len(stem) < 3 or any(c in _LOANWORD_SYLLABLES for c in stem)):
            # 정부, 수요처, 지도부 (국방부 is in the alias file); 인프라스트럭처 is no agency
            return False
        name_like = _has_latin(stem)
        if w.tags is not None:
            tags = list(w.tags)
            while tags and tags[-1][1].startswith("J"):
                tags.pop()
            if len(tags) == 1 and tags[0][1] in ("NNG", "NNB"):
                return False  # one dictionary noun: 수요처, 이사회
            stem_tags = tags[:-1] if tags and tags[-1][0] == suffix else []
            # a proper noun, or a stem the analyzer had to break into odd pieces (뷔/NNG 나/JC): an
            # unknown word, most likely a name; a stem of dictionary nouns (재벌그룹) is not
            name_like = name_like or any(t == "NNP" for _, t in tags) or any(
                not t.startswith(("NN", "XSN", "XPN")) for _, t in stem_tags)
        if type_ == "company" or type_ == "place":
            return name_like or (w.tags is None and len(stem) >= 2)
        return name_like or len(stem) >= 3

    def bracket_hits(self) -> tuple[list[_Hit], list[tuple[str, str]]]:
        """아마존웹서비스(AWS), 그렉 브로크만(Greg Brockman), HBM(고대역폭 메모리): both sides, linked."""
        hits: list[_Hit] = []
        pairs: list[tuple[str, str]] = []
        text = self.text
        for m in _PAREN.finditer(text):
            inner = m.group()[1:-1].strip()
            # A name before a bracket is a few words long: look back a bounded stretch, so a 3 MB line
            # with many brackets stays linear.
            line_start = max(text.rfind("\n", max(0, m.start() - _BRACKET_LOOKBACK), m.start()) + 1,
                             m.start() - _BRACKET_LOOKBACK)
            before = text[line_start : m.start()]
            if not before or before[-1].isspace() or not inner:
                continue
            if _STOCK_CODE.fullmatch(inner):
                hits += self._listed_firm(before, m.start())
                continue
            year = re.search(r"\s+(19|20)\d\d$", inner)
            if year:  # SK AI 서밋 2024(SK AI Summit 2024): the names without the edition
                inner = inner[: year.start()]
                before = re.sub(r"\s+(19|20)\d\d$", "", before)
            if re.fullmatch(r"[A-Za-z][A-Za-z0-9&.\- ]*[A-Za-z0-9+]|[A-Za-z]", inner):
                inner_is_latin = True
            elif re.fullmatch(r"[가-힣][가-힣 ]*", inner) and len(inner) <= 20:
                inner_is_latin = False
            else:
                continue
            n_words = len(inner.split()) if inner_is_latin else 1
            if inner_is_latin and n_words >= 2 and inner.split()[-1] in _TECH_ACRONYMS:
                continue  # ‘온 서비스AI(On-Service AI)’, 에이전틱 AI(Agentic AI): a strategy or technology, not a name
            if inner_is_latin and (n_words >= 6 or n_words >= 4 and not _ENGLISH_FUNCTION_WORDS.isdisjoint(inner.split())):
                continue  # ‘모바일 AI 경험의 다음 큰 도약(The Next Big Leap in Mobile AI Experiences)’: a phrase
            outer_words = before.split()[-n_words:]
            if any(c in _CLOSERS for w in outer_words[:-1] for c in w[-1:]):
                outer_words = outer_words[-1:]
            outer_words = [w for w in (x.lstrip(_OPENERS) for x in outer_words) if w]
            if len(outer_words) > 1 and any(self._word_at(text.rfind(x, 0, m.start())) is None for x in outer_words):
                outer_words = outer_words[-1:]
            outer = re.sub(r"\s+(19|20)\d\d$", "", " ".join(outer_words))
            # D램·소형모듈원전(SMR), 투자…AI 반도체(…): the name starts after a list dot or an ellipsis
            outer = _LIST_BREAK.split(outer)[-1].strip()
            if outer and outer[-1].isdigit() and not _has_latin(outer):
                continue
            if not self._bracket_pair_ok(outer, inner, inner_is_latin, m.start() - len(outer)):
                continue
            type_ = self.known.type_of(outer) or self.known.type_of(inner)
            if type_ is None and inner_is_latin and len(inner.split()) >= 2 and all(
                x[:1].isupper() and not x.isupper() for x in inner.split()
            ) and len(outer.split()) == len(inner.split()):
                type_ = "person"  # 그렉 브로크만(Greg Brockman)
            start = m.start() - len(outer)
            hits.append(_Hit(outer, start, "bracket", type_))
            hits.append(_Hit(inner, m.start() + 1, "bracket", type_))
            pairs.append((outer, inner))
        return hits, pairs

    def _listed_firm(self, before: str, bracket: int) -> list[_Hit]:
        """카카오게임즈(293490), 에코프로비엠(A247540): a name with its six-digit stock code is a listed company."""
        name = _LIST_BREAK.split(before.split()[-1].lstrip(_OPENERS))[-1]
        if (len(name) < 2 or name in _NOT_NAMES or name.upper() in _GENERIC_LATIN_UPPER or name[0].isdigit() or name[-1].isdigit()
                or not (_has_hangul(name) or _has_latin(name)) or self.known.type_of(name) not in (None, "company")):
            return []
        return [_Hit(name, bracket - len(name), "rule", "company")]

    def _word_at(self, offset: int) -> _Word | None:
        i = bisect_right(self._word_starts, offset) - 1
        if i >= 0 and self.words[i].start <= offset < self.words[i].end:
            return self.words[i]
        return None

    def _bracket_pair_ok(self, outer: str, inner: str, inner_is_latin: bool, outer_start: int) -> bool:
        if len(outer) < 2 or len(inner) < 2:
            return False
        if self._is_gloss(outer, inner, inner_is_latin):
            self.glosses.update((outer, inner))  # the analyzer may not propose them either
            return False
        if inner.upper() in _GENERIC_LATIN_UPPER or outer in _GENERIC_LATIN or outer in _NOT_NAMES or inner in _NOT_NAMES:
            return False
        if inner_is_latin == (not _has_hangul(outer)):
            return False  # both Latin or both Hangul: a gloss (버틀넥(병목현상)), not a second name
        if self.known.get(outer) and self.known.get(inner):
            return self.known.get(outer) == self.known.get(inner)
        latin, hangul = (inner, outer) if inner_is_latin else (outer, inner)
        if _ACRONYM.fullmatch(latin) and not self._spells_out(hangul, latin):
            return False  # 메모리 반도체(HBM), 지식재산권(IP): a noun glossed by an acronym it does not spell
        if not inner_is_latin:
            return True  # HBM(고대역폭 메모리): a Latin name spelled out
        w = self._word_at(outer_start + len(outer) - 1)
        if w is not None and w.tags is not None:
            nouns = [t for _, t in w.tags if not t.startswith("J")]
            if len(nouns) == 1 and nouns[0] == "NNG" and len(outer.split()) == 1:
                return False  # 반도체(HBM): a common noun glossed by a name
        return True

    def _spells_out(self, name: str, acronym: str) -> bool:
        """Whether a Hangul name may be written beside an acronym (아마존웹서비스(AWS), HBM(고대역폭 메모리)):
        its words spell the acronym's letters (see spells_acronym), or the alias file names both sides as
        one entity, or the name holds a known spelling of the acronym's entity (초고대역폭메모리 holds
        고대역폭메모리). 메모리 반도체(HBM) is none of these: 반도체 is no name for HBM."""
        if spells_acronym(name, acronym):
            return True
        entity = self.known.get(acronym)
        if entity is None:
            return False
        squeezed = normalize_name(name)
        return any(len(k) >= 3 and k in squeezed for k in map(normalize_name, self.known.surfaces.get(entity[0], ())))

    def _is_gloss(self, outer: str, inner: str, inner_is_latin: bool) -> bool:
        """A bracket that spells out or labels something that is not a name."""
        if title_family(outer) or _C_LEVEL.fullmatch(inner):
            return True  # 최고매출책임자(CRO): a job title
        if _is_amount(outer):
            return True  # 250메가와트(MW): a unit
        if _NUMBERED_PART.fullmatch(outer) and _PART_CODE.fullmatch(inner):
            return True  # 4라인(P4), 2공장(P2): a numbered line or plant and its code
        if inner_is_latin and not _ACRONYM.fullmatch(inner) and _is_hangul(outer[0]) and not (
                self.known.get(outer) or self.known.get(inner)) and not _sounds_like(outer, inner):
            return True  # 사전학습(Pretraining), 매개 변수(parameter), 온디바이스(On-device): a term glossed in English
        # 소형모듈원전(SMR), 그래픽처리장치(GPU): a technology spelled out
        return (inner_is_latin and inner.isupper() and outer.endswith(_TECH_HEADS) and len(outer) >= 4
                and _is_hangul(outer[0]) and not self.known.get(outer) and not self.known.get(inner))

    def analyzer_hits(self) -> list[_Hit]:
        """Runs of touching NNP/SL/SN tokens with a proper noun in them, or an acronym/brand alone."""
        if not self.tokens:
            return []
        hits: list[_Hit] = []
        inside = self._inside_brackets()
        run: list[_Token] = []

        def flush() -> None:
            if run:
                start = run[0].start
                surface = self.text[start : run[-1].start + run[-1].len]
                if self._analyzer_surface_ok(surface, run, inside[start] if start < len(inside) else False):
                    hits.append(_Hit(surface, start, "analyzer"))
                run.clear()

        for token in self.tokens:
            if token.tag in ("NNP", "SL", "SN") and (not run or run[-1].start + run[-1].len == token.start):
                run.append(token)
            else:
                flush()
                if token.tag in ("NNP", "SL", "SN"):
                    run.append(token)
        flush()
        return hits

    def _inside_brackets(self) -> list[bool]:
        inside = [False] * len(self.text)
        for m in _PAREN.finditer(self.text):
            for k in range(m.start(), m.end()):
                inside[k] = True
        return inside

    @staticmethod
    def _analyzer_surface_ok(surface: str, run: list[_Token], in_brackets: bool) -> bool:
        if surface.replace(" ", "") in _NOT_NAMES or surface in _GENERIC_LATIN or not any(c.isalpha() for c in surface):
            return False
        if any(t.tag == "NNP" for t in run):
            return len(surface) >= 2 and not surface[-1].isdigit() or _has_latin(surface)
        if in_brackets or len(surface) < 2 or not _has_latin(surface):
            return False
        letters = [c for c in surface if c.isalpha()]
        acronym = len(letters) >= 2 and all(c.isupper() for c in letters)
        brand = any(c.isupper() for c in surface[1:]) and any(c.islower() for c in surface)  # OpenAI
        return acronym or brand

    def reporters(self, listed: Iterable[str]) -> set[str]:
        names = set(listed)
        text = self.text
        # A byline ends at 기자/특파원 and starts at most _REPORTER_REACH characters before it: scan only those stretches
        # (merged where they touch), not the whole text from every Hangul syllable. Same matches, found faster.
        lo = hi = -1
        for m in _BYLINE_WORD.finditer(text):
            start = max(0, m.start() - _REPORTER_REACH)
            if start > hi and hi >= 0:
                names.update(n for r in _REPORTER.finditer(text, lo, hi) for n in r.group(1).split("·"))
                lo = -1
            lo, hi = (start if lo < 0 else lo), m.end()
        if hi >= 0:
            names.update(n for r in _REPORTER.finditer(text, lo, hi) for n in r.group(1).split("·"))
        return names

    @cached_property
    def quoted(self) -> set[str]:
        return {m.group(1).strip() for m in re.finditer(r"[‘'\"“]([^‘’'\"“”\n]{2,30})[’'\"”]", self.text)}


# An acronym: capitals only (AWS, HBM, IP, SK); NVIDIA and KAKAO are written that way too.
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
# The initial consonants a Hangul word may start with when it transliterates an English word that starts
# with the letter (Amazon 아마존, Web 웹, Services 서비스, Cloud 클라우드, Center 센터, General 제너럴).
_LETTER_INITIALS = {
    "A": "ㅇ", "E": "ㅇ", "I": "ㅇ", "O": "ㅇ", "U": "ㅇ", "Y": "ㅇ", "W": "ㅇ", "B": "ㅂㅃ", "V": "ㅂ",
    "C": "ㅋㅅㅆㅊ", "K": "ㅋㄱㄲ", "Q": "ㅋ", "G": "ㄱㅈ", "D": "ㄷㄸ", "T": "ㅌㄸ", "F": "ㅍ", "P": "ㅍㅃ",
    "H": "ㅎ", "J": "ㅈ", "Z": "ㅈ", "L": "ㄹ", "R": "ㄹ", "M": "ㅁ", "N": "ㄴ", "S": "ㅅㅆ", "X": "ㅇ",
}
# Letters as Korean says them (에스케이 = SK, 엔비디아 starts with 엔 = N).
_LETTER_NAMES = {
    "A": "에이", "B": "비", "C": "씨", "D": "디", "E": "이", "F": "에프", "G": "지", "H": "에이치", "I": "아이",
    "J": "제이", "K": "케이", "L": "엘", "M": "엠", "N": "엔", "O": "오", "P": "피", "Q": "큐", "R": "알",
    "S": "에스", "T": "티", "U": "유", "V": "브이", "W": "더블유", "X": "엑스", "Y": "와이", "Z": "지",
}
_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"


def _starts_letter(units: str, i: int, letter: str) -> bool:
    """Whether the name, from its i-th character, can begin a word for `letter`."""
    c = units[i]
    if c.isascii():
        return c.upper() == letter
    if not _is_hangul(c):
        return False
    return _CHOSEONG[(ord(c) - 0xAC00) // 588] in _LETTER_INITIALS.get(letter, "") or units.startswith(
        _LETTER_NAMES.get(letter, "\0"), i)


@lru_cache(maxsize=1 << 12)
def spells_acronym(name: str, acronym: str) -> bool:
    """Whether a Hangul name transliterates the acronym: its first character starts a word for the first
    letter, and each further letter starts a later word, in order (아마존웹서비스 ~ AWS, 마이크로소프트 ~ MS,
    에스케이텔레콤 ~ SKT). A name shorter than the acronym is the acronym read as a word: its first letter
    is enough (엔비디아 ~ NVIDIA, 카카오 ~ KAKAO). 반도체 ~ HBM and 지식재산권 ~ IP fail at the first letter."""
    units = "".join(c for c in name if not _is_gap(c))
    letters = [c for c in acronym.upper() if c.isalpha()]
    if not units or not letters or not _starts_letter(units, 0, letters[0]):
        return False
    if len(units) < len(letters):
        return True
    i = 1
    for letter in letters[1:]:
        while i < len(units) and not _starts_letter(units, i, letter):
            i += 1
        if i >= len(units):
            return False
        i += 1
    return True


# Transliteration starts the letters' table (_LETTER_INITIALS) does not list: 폭스바겐 Volkswagen, 샤오미 Xiaomi.
_MORE_INITIALS = {"V": "ㅍ", "X": "ㅅ", "S": "ㅈ"}


def _sounds_like(hangul: str, latin: str) -> bool:
    """Whether a Hangul name can be the Latin one written in Korean: it starts with a sound of the first letter
    (아마존 Amazon, 그렉 브로크만 Greg Brockman, 폭스바겐 Volkswagen), and the Latin is a name, not a lower-case
    term (parameter, On-device). A translation fails (사전학습 Pretraining, 생성형 AI Generative AI)."""
    if latin.islower() or re.search(r"-[a-z]", latin):
        return False
    units = "".join(c for c in hangul if not _is_gap(c))
    letter = latin[0].upper()
    return _starts_letter(units, 0, letter) or (
        _is_hangul(units[0]) and _CHOSEONG[(ord(units[0]) - 0xAC00) // 588] in _MORE_INITIALS.get(letter, ""))


def _guess_type(surface: str, article: _Article) -> str:
    by_suffix = _suffix_type(surface)
    if by_suffix:
        return by_suffix[0]
    if _has_hangul(surface) and " " not in surface and len(surface) >= 3 and surface.endswith(_PLACE_SUFFIXES):
        return "place"  # 종로구, 전라남도, 서남권 (before the name test: 서남권 also looks like a name)
    if _looks_korean_name(surface):
        return "person"
    if surface in article.quoted:
        return "product"
    return "company"
