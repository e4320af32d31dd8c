"""Rules that find organisations, companies and events by the word that ends their name (…위원회, …그룹,
…챔피언십) or by a ·-joined list of them; the schools and universities they also name live in rules_schools, the firms
named by the words around them (자회사 …) in rules_firm_cues, the festivals and events named by the words around them
(홍천 맥주축제, LPGA 투어 롯데 챔피언십) in rules_events."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property, lru_cache

from .lexicon import _has_hangul, _has_latin, _is_hangul, _is_tail
from .rules_base import (_ArticleBase, _COMPANY_SUFFIXES, _PLACE_INSTITUTIONS, _EVENT_SUFFIXES, _GENERIC_LATIN, _Hit,
                         _LIST_BREAK, _LOANWORD_SYLLABLES, _NOT_NAMES, _ORG_SUFFIXES, _SITE_SUFFIXES, _Word,
                         _strip_tail, _suffix_type)
from .name_shapes import _looks_korean_name
from .rules_places import _TOWN, _site_core
from .rules_schools import _SchoolRules

# Stems that make a common noun, not a company, with those suffixes (메모리반도체, 재생에너지, 첨단테크).
_GENERIC_STEMS = frozenset("""국립 시립 도립 구립 공립 사립 현대 개인 야구 축구 전용 실내 보조 홈 종합 지역 동네 인근
    지방 일선 관할 해당 메모리 시스템 전력 차량용 차세대 첨단 국산 국내 해외 글로벌 파워 화합물 지능형 고성능 저전력 비메모리
    AI 인공지능 미래 퓨처 산업 기초 정밀 의료 공공 대기업 중소기업 석유 정유 종합 생활 산업용 하이 로봇 자율주행 민자 국제 전기
    고층 초고층 오피스 업무용 상업용 사무용 신축 노후 대형 임대
    시중 국책 인터넷 투자 상업 저축 개발 중앙 특수 외국 외국계 지역 협동 세계 아시아개발 새 인간 동물 태아 소중한 정책 제1금융""".split())
# A known place before 국제/세계 heads an event (뉴욕 국제 오토쇼, 뉴욕 국제오토쇼; see rules_events._EVENT_CONNECTORS).
_EVENT_PLACE_WORDS = frozenset("국제 세계".split())
# Suffixes that may stand as a word of their own after a name (K-AI 얼라이언스, 도이치 텔레콤); 사무소 ends a
# body's name only inside its word (방송통신사무소): 한국 사무소 is a branch office.
_STANDALONE_SUFFIXES = frozenset(_ORG_SUFFIXES + _COMPANY_SUFFIXES + _EVENT_SUFFIXES) - {"사무소"}
# Stems that make a kind of park, square or hall, not one (국립공원, 근린공원, 중앙광장, 마을회관, 문화회관).
_GENERIC_SITE_STEMS = frozenset("""국립 도립 군립 시립 구립 도시 근린 어린이 테마 수변 체육 생태 해상 자연 소공 놀이 공공 역사 문화 시민
    주민 마을 노인 경로 복지 학생 청소년 여성 농민 종합 대 소 중앙 열린 광장 공원 인근 주변 지역 동네 아파트 단지 놀이터 반려견 애견
    테마파크 도심 도심속 야외 실내 임시 전용 공동 국가 국가도시 수목 해양 호수 강변 하천 산림 기념 추모 평화 통일 독립 민주""".split())
_GENERIC_FACILITY_STEMS = frozenset("""대형 중형 소형 중소 중소형 국내 해외 국내외 주요 대표 전용 민간 국영 해군 경쟁 경쟁사 현지 자사 자체 신규 기존 최대
    메인 본 분 제1 제2 제3 제4 신 새 대학 대학교 학교 사이버 온라인 오프라인 가상 메타버스 스마트 글로벌 미래 연구 연구개발 R&D 통합 첨단 지역
    세계 최초 유일 수리 건조 해양 선박""".split())
_COUNTRY_STEMS = frozenset("한국 중국 일본 미국 유럽 국내 베트남 필리핀 싱가포르 독일 영국 인도".split())
_GENERIC_SITE_TAILS = ("근린공원", "어린이공원", "체육공원", "수변공원", "생태공원", "자치회관", "복지회관", "노인회관")  # 주민자치회관
_ARTS_SUFFIXES = ("뮤지컬단", "합창단", "교향악단", "관현악단", "국악단", "무용단", "악단")
_GENERIC_ENSEMBLE_STEMS = frozenset("혼성 남성 소년소녀 아동 실버 시립 도립 구립 군립 국립 교회 성가 합창 밴드 전속 소속 대학 학교".split())
_QUOTE_BEFORE_TAIL = re.compile(r"[’'”\"](?:[가-힣]{1,3})?$")
# A society or association glued to its head's title (충청정치학회장, 한국문인협회장을): the body is named.
_HEAD_GLUED = re.compile(r"(?<![가-힣])([가-힣]{2,15}(?:학회|협회|연합회|협의회|연맹|재단|연구원|연구소|센터))장(?=[은는이가을를의과와도]?(?![가-힣]))")
# Kinds of institute or centre, not one (선임연구원장 is no word; 데이터센터장 heads a data centre, 지역센터장 any region's).
_GENERIC_HEAD_BODIES = frozenset("""선임연구원 책임연구원 수석연구원 연구원 연구소 센터 데이터센터 지역센터 지원센터 고객센터 콜센터
    상담센터 서비스센터 연구센터 기술센터 물류센터 교육센터 체험센터 복지센터 주민센터 보건센터""".split())
# A deputy's title glued to the word before it (원내수석부대표, 국회부의장), or 부서 (홍보담당부서는: a department): the 부
# opens the word after it, it ends no ministry.
_DEPUTY_TITLE = re.compile("대표|의장|위원장|회장|사장|총재|대변인|단장|원장|지사|시장|총장|실장|본부장|서")
# The syllable before 처 in English words ending in -ture (아키텍처, 시그니처, 픽처, 캡처, 컬처, 벤처, 스트럭처, 피처, 퓨처).
_TURE_SYLLABLES = frozenset("텍 니 픽 캡 컬 벤 럭 피 퓨 스 이".split())  # 네이처 too
_PURPOSE_WORD = re.compile(r"[A-Za-z0-9.\-]+(?:용|향)")  # AI용, 5G용, B2B향: a use or a market, not a name
# Two names glued by 와/과 before a Latin letter (삼성전자와SK텔레콤): the rules find each name, the whole is none.
_GLUED_PAIR = re.compile(r"[가-힣]{2,}(?:와|과)(?=[A-Za-z])")
_MINISTER_GLUED = re.compile(r"(?<![가-힣])([가-힣]{3,10}부)장관(?=상|님|실|[은는이가을를의과와도]?(?![가-힣]))")
_CHAMBER = re.compile(r"(?<![가-힣])([가-힣]{2,4})상의(?=[^가-힣]|(?:은|는|이|가|를|와|과|에|도|의|에서|로)(?![가-힣])|$)")
_UNIT_ENDINGS = ("본부", "사업부", "총괄부", "지도부", "집행부")
# Words in 부 that are no ministry: a parish's priests and a region's half (주임신부, 보좌신부, 경상서부, 충청남부); a ministry
# may end in the same letters (과학기술정보통신부, 고용노동부), so whole words only.
_NOT_MINISTRY = re.compile(r"(?:주임|보좌|본당|담당|수석)신부|(?:경상|전라|충청|경기|강원|영남|호남|충남|충북|전남|전북|경남|경북|수도권)[동서남북중]부")
_K_SLOGAN = re.compile(r"[A-Z]-?")
_K_SLOGAN_WORD = re.compile(r"K-?[가-힣]{1,3}")  # K팝 그룹, K-뷰티 기업: a kind of business, not a firm's name
# Games and tournaments named after their host: 파리 올림픽, 카타르 월드컵 (a known place before the event word).
_HOSTED_EVENTS = frozenset("올림픽 월드컵 아시안게임 패럴림픽 아시안컵 모터쇼 오토쇼".split())  # 뉴욕 오토쇼, 서울 모터쇼 too
# What an agency's name (…청) ends in when it is a request, not an agency: 공조요청, 참가신청, 특별초청.
_NOT_AGENCIES = ("요청", "신청", "초청", "경청", "간청")
# Stems that make a kind of newspaper or a court's questioning, not a paper's name (지역신문, 인터넷신문, 증인신문, 피의자신문).
_GENERIC_PAPER_STEMS = frozenset("""지역 지방 중앙 종이 일간 주간 월간 석간 조간 인터넷 온라인 무가 무료 유료 종합 경제 전문 스포츠 영자 외국 해외
    국내 대학 학교 학생 교내 기관 가판 구독 증인 피의자 피고인 참고인 반대 주 재주 보충 대질 검찰 경찰 법정 본인 당사자 일일""".split())
# A court's own bench or its kind (재판부, 고등법원 alone): named only with its place (see _suffix_word_hits).
# Bodies a place's name opens (무주 사진가협회, 경남도 지역신문발전위원회, 금산군 농업인연합회): a known place right before one of
# these is part of its name.
_PLACED_BODY_SUFFIXES = frozenset("협회 연합회 협의회 위원회".split())
_PLURAL_FIRM_SUFFIXES = frozenset("시스템즈 네트웍스 인더스트리즈 솔루션즈 테크놀로지스".split())
_SHARE_NAMES = re.compile("페이스북|트위터|인스타그램|유튜브|카카오톡|카카오스토리|네이버채널|네이버블로그|네이버밴드|텔레그램|블로그")
_GENERIC_COURT_STEMS = frozenset("고등 지방 가정 행정 특허 회생 연방".split())
_GENERIC_HOSPITALS = ("요양", "대학", "종합", "동물", "전문", "지역", "공공", "협력", "거점", "상급", "일반", "치과", "한방", "정신",
                      "아동", "여성", "재활", "대형", "중소", "개인", "인근", "민간", "국공립", "군", "응급", "연구중심")
# Stems that make a kind of festival, not one (겨울축제, 지역축제, 대표축제): a town before them does not name a festival.
_GENERIC_FESTIVAL_STEMS = frozenset("""겨울 여름 봄 가을 봄철 여름철 겨울철 가을철 사계절 계절 지역 대표 전통 문화 문화예술 마을 동네 향토 민속
    대학 학교 거리 음식 먹거리 농산물 특산물 수산물 관광 주민 시민 군민 구민 도민 가족 어린이 청소년 각종 각 대형 소규모 주요 인기 유명
    작은 첫 야간 온라인 비대면""".split())
_ARTS_FESTIVALS = frozenset("예술제 문화제 영화제 가요제 음악제 연극제".split())
_GENERIC_ARTS_FESTIVAL_STEMS = frozenset("""국제 독립 단편 장편 청소년 학생 대학 대학생 전국 세계 국내 해외 소규모 지역 향토 시민 예술 문화 음악 연극 영화
    가요 창작 실험 다큐 다큐멘터리 애니메이션 인권 여성 노동 환경 어린이 동요 합창 국악 전통 종합 정기 교내 학내 사내 작은 온라인""".split())
_GENERIC_ARTS_FESTIVAL_ENDS = ("청소년", "대학", "대학생", "학생", "단편", "독립", "어린이")
# A numbered army unit (3사단, 2군단, 제7함대, 11전투비행단): digits glued to the unit's word; 제 is no part of the name.
_ARMY_UNIT_WORDS = ("사단", "군단", "여단", "함대", "비행단")
_ARMY_UNIT = re.compile(r"(?<![0-9A-Za-z가-힣.,])제?(\d{1,3}(?:사단|군단|여단|함대|전투비행단|비행단))")
_HANGUL_RUN = re.compile("[가-힣]*")
# A co-op named after its town (김화농협, 제주수협, 부천신협, 횡성축협) (see coop_hits).
_COOP_WORDS = ("농협", "수협", "축협", "신협")
_COOP = re.compile(r"(?<![가-힣A-Za-z0-9])(([가-힣]{2,5})(?:농협|수협|축협|신협))")
_GENERIC_COOP_STEMS = frozenset("지역 단위 회원 전국 해당 인근 관내 일선 지방 조합 각 시 군 도 읍 면 동 중앙 농 수 축 신 새 한".split())
_INSTITUTION_HINT = re.compile("|".join(_PLACE_INSTITUTIONS))
_GENERIC_BODY_HEADS = ("지방", "관할", "해당", "일선", "인근")
_NUMBERED = re.compile(r"(?:(?:형사|민사|행정|가사|특허|파산|회생)(?:항소|합의|재정|신청)?)?제?\d{1,3}(?!\d)")  # 형사1부: a court's division
# A court's division named by its kind alone (형사합의부, 민사항소부, 형사부): every district court has one; no body's name
# Four-character idioms (사자성어) whose last syllable is a body's or a place's suffix (명실상부 …부, 일사천리 …리, 혼비백산 …산):
# set phrases every outlet writes as adverbs or predicates (명실상부 전남 거점 병원, 일사천리로), never a ministry or a village.
FOUR_CHARACTER_IDIOMS = frozenset("""명실상부 일사천리 어부지리 경거망동 부화뇌동 혼비백산 십중팔구 천우신조 일석이조 유명무실 대동소이
    이구동성 호시탐탐 우왕좌왕 동분서주 좌충우돌 파란만장 천신만고 자포자기 인산인해 각양각색 천차만별 일취월장 승승장구""".split())
# A town's festivals and fairs are written after its name in every regional story (진주 남강유등축제, 사천 항공우주엑스포,
# 양산 삽량문화축전): the same reading as 축제's (see rules_events' _festival_of_town)
_TOWN_FESTIVAL_WORDS = frozenset("축제 엑스포 박람회 축전 페스티벌".split())
_GENERIC_FESTIVAL_HEADS = ("세계", "국제", "전국", "지역", "청소년", "대학", "체육", "생활체육")
# A members' association before its branch in a place (특수임무유공자회 세종지회, 대한노인회 경기도지부): every local story names a
# veterans', seniors' or trade association by its branch so; the association (five syllables or more, ending in 회) is an org.
_PARENT_OF_BRANCH = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{4,11}회) ([가-힣]{2,4}(?:시|도|군|구)?(?:지회|지부))(?=[은는이가을를의에와과도]?(?![가-힣])|에서)")
_BRANCH_PLACE = re.compile("(?:지회|지부)$")
# A local council's standing committees (예산결산특별위원회, 의회운영위원회, 윤리특별위원회): every council has them, and a story
# writing one right after its council (고성군의회는 예산결산특별위원회를) names no body of its own; the National Assembly's
# (국회 예산결산특별위원회) is one and stays (국회 is no …의회).
_COUNCIL_COMMITTEES = ("특별위원회", "운영위원회")
_COUNCIL_BEFORE = re.compile(r"[가-힣](?<!협)의회(?:[은는이가의와과도]|에서)?\s[^.\n]{0,20}\Z")
_LEVEL_COUNCIL = re.compile("[시도군구]의회")  # the story's council by its level alone (see rules_firm_cues._LEVEL_BODY)
_COURT_DIVISION = re.compile(r"(?:형사|민사|행정|가사|특허|파산|회생)(?:항소|합의|재정|신청|단독)?\Z")
# Courts and prosecutors' offices are written short as often as in full (대전지법 = 대전지방법원): one body, both spellings.
_SHORT_INSTITUTIONS = {"지법": "지방법원", "고법": "고등법원", "지검": "지방검찰청", "고검": "고등검찰청"}
_SHORT_ENDINGS = tuple(_SHORT_INSTITUTIONS)
# Compiled pre-checks (C speed) for the per-word rules: a word without any of these strings cannot fire the rule.
_SUFFIX_HINT = re.compile("|".join(map(re.escape, sorted(
    {*_EVENT_SUFFIXES, *_COMPANY_SUFFIXES, *_ORG_SUFFIXES, *_SITE_SUFFIXES, "·", "읍", "시장", "역", "의회", "축전"}, key=len, reverse=True))))


# Stems of 대학교 that name a kind of university, not one (국립대학교, 해당 대학교); 국제대학교 is a name.
_GENERIC_UNIVERSITY_STEMS = frozenset("국립 사립 공립 시립 도립 지방 지역 해당 인근 일반 명문 전문 외국 해외 국내 다른 같은 각 타 본".split())


@lru_cache(maxsize=1 << 16)
def _institution_core(word: str) -> str | None:
    """A public body's name with its particles cut (경찰서는: 서는 looks like particles to _strip_tail)."""
    if not _INSTITUTION_HINT.search(word):
        return None
    for suffix in _PLACE_INSTITUTIONS:
        i = word.find(suffix)
        if i >= 0 and (i + len(suffix) == len(word) or _is_tail(word[i + len(suffix) :])):
            return word[: i + len(suffix)]
    return None


def _ecc_core(word: str) -> str | None:
    """A firm ending in 이앤씨 (E&C) with its particles cut: 씨 reads as an honorific to _strip_tail (DL이앤씨는 -> DL이앤)."""
    i = word.find("이앤씨")
    if i <= 0:
        return None
    rest = word[i + 3 :]
    return word[: i + 3] if not rest or _is_tail(rest) else None


class _BodyRules(_SchoolRules):
    """Organisations, companies and events."""

    def suffix_hits(self) -> list[_Hit]:
        """Bodies named by the word that ends their name, and universities written short (see university_hits)."""
        return (self._suffix_word_hits() + self.university_hits() + self.school_hits() + self.chamber_hits() + self.ministry_hits()
                + self.head_glued_hits() + self.army_unit_hits() + self.coop_hits() + self.festival_apposition_hits()
                + self.parent_of_branch_hits())

    def parent_of_branch_hits(self) -> list[_Hit]:
        """A members' association written before its local branch (see _PARENT_OF_BRANCH): the association is an org."""
        if "지회" not in self.text and "지부" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _PARENT_OF_BRANCH.finditer(self.text):
            name = m.group(1)
            if name[:-1] in _GENERIC_STEMS or name[:-1] in _NOT_NAMES or self.known.type_of(name) not in (None, "org"):
                continue
            if not self._is_place(_BRANCH_PLACE.sub("", m.group(2))):
                continue  # 세종지회, 경기도지부: a known place names the branch
            hits.append(_Hit(name, m.start(1), "rule", "org"))
        return hits

    def coop_hits(self) -> list[_Hit]:
        """A local co-op named after its town (김화농협 농특산물, 제주수협은, 부천신협이): a company; not a kind of co-op
        (지역농협, 단위농협) and not one the alias file knows (NH농협, 농협은행)."""
        if not any(word in self.text for word in _COOP_WORDS):
            return []
        hits: list[_Hit] = []
        for m in _COOP.finditer(self.text):
            name, stem = m.group(1), m.group(2)
            rest = _HANGUL_RUN.match(self.text, m.end()).group()
            if ((not rest or _is_tail(rest)) and stem not in _GENERIC_COOP_STEMS and stem not in _NOT_NAMES
                    and self.known.type_of(name) in (None, "company")):
                hits.append(_Hit(name, m.start(1), "rule", "company"))
        return hits

    def army_unit_hits(self) -> list[_Hit]:
        """A numbered army unit (3사단이, 2군단장, 27사단장이, 제7함대): an org, named as written without 제; the matcher
        reads the mention through a glued 장 (lexicon.head_tail). Not 2개 사단, 3사단계."""
        if not any(word in self.text for word in _ARMY_UNIT_WORDS):
            return []
        hits: list[_Hit] = []
        for m in _ARMY_UNIT.finditer(self.text):
            rest = _HANGUL_RUN.match(self.text, m.end()).group()
            if not rest or _is_tail(rest) or rest[0] == "장" and (len(rest) == 1 or _is_tail(rest[1:])):
                hits.append(_Hit(m.group(1), m.start(1), "rule", "org"))
        return hits

    def head_glued_hits(self) -> list[_Hit]:
        """A society glued to its head's title (see _HEAD_GLUED); the matcher reads the mention through the glued 장
        (lexicon.head_tail)."""
        if "장" not in self.text:
            return []
        return [_Hit(m.group(1), m.start(1), "rule", "org") for m in _HEAD_GLUED.finditer(self.text)
                if len(m.group(1)) >= 4 and self.known.type_of(m.group(1)) in (None, "org")
                and m.group(1) not in _GENERIC_HEAD_BODIES and not m.group(1).endswith(("주민센터", "고객센터", "콜센터"))
                and not self._unit_of_named_body(m.start(1), m.group(1))]

    def _unit_of_named_body(self, start: int, body: str) -> bool:
        """Whether the word before a body glued to its head's title names the firm or body it belongs to (기아 디자인센터장,
        울산대병원 로봇수술센터장): an internal unit, no entity of its own."""
        k = bisect_right(self._word_starts, start) - 1
        if k <= 0 or self.words[k].line_start or self.words[k].opens:
            return False
        prev = self.words[k - 1]
        if prev.closes:
            return False
        # 전상현 로봇수술센터장: a person's post in a unit of the hospital the story is about; but a society's or a foundation's
        # head named before it heads the body itself (이동희 한국사진기자협회장의)
        person_unit = body.endswith(("센터", "연구소", "연구원"))
        return (self.known.type_of(prev.core) in ("company", "org") or _suffix_type(prev.core) is not None
                or person_unit and len(prev.core) == 3 and _looks_korean_name(prev.core)
                and self.known.type_of(prev.core) in (None, "person"))

    def ministry_hits(self) -> list[_Hit]:
        """A ministry glued to its minister's title or award (보건사회부장관상, 교육인적자원부장관 표창): the word is no title of a
        person, but it names the ministry (the matcher reads the mention through the glued title: lexicon.minister_tail)."""
        if "부장관" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _MINISTER_GLUED.finditer(self.text):
            name = m.group(1)
            if (len(name) >= 4 and not name.endswith(_UNIT_ENDINGS) and not _NOT_MINISTRY.fullmatch(name)
                    and self.known.type_of(name) in (None, "org")):
                hits.append(_Hit(name, m.start(1), "rule", "org"))
        return hits

    def chamber_hits(self) -> list[_Hit]:
        """A chamber of commerce written short after its known city or country (서울상의, 오사카상의, 일본상의 회장, 대한·서울상의):
        상의 alone is a jacket or a talk (상의를 벗고, 상의했다)."""
        if "상의" not in self.text:
            return []
        return [_Hit(m.group(), m.start(), "rule", "org") for m in _CHAMBER.finditer(self.text)
                if self.known.type_of(m.group(1)) == "place" and self.known.type_of(m.group()) in (None, "org")]

    def _suffix_word_hits(self) -> list[_Hit]:
        """과학기술정보통신부, SK수펙스추구협의회, 뷔나그룹, 퓨처테크포럼, K-AI 얼라이언스."""
        hits: list[_Hit] = []
        for i in self.hinted(_SUFFIX_HINT):  # the others hold no suffix, town, site or list dot: no rule below can fire
            w = self.words[i]
            word = w.core
            quote = _QUOTE_BEFORE_TAIL.search(word)
            if quote and (quote.end() - quote.start() == 1 or _is_tail(word[quote.start() + 1 :])):
                word = word[: quote.start()]  # ‘예그린악단’의: the closing quote and the particle after it are no part of the name
            core = (any(s in word for s in _SITE_SUFFIXES) and _site_core(word) or _institution_core(word)
                    or _ecc_core(word) or _strip_tail(word))
            if core.endswith(("시장", "역")):
                hits += self._market_or_station(i, core)
                continue
            if core.endswith("의회") and not core.endswith("협의회"):
                council = self._council(i, core)
                if council:
                    hits.append(council)  # 세종시의회, 나주시 의회: a known place's council
                    continue
            found = _suffix_type(core)
            pair = _GLUED_PAIR.match(core) if found is not None else None
            if pair:
                left = core[: pair.end() - 1]
                left_found = _suffix_type(left)
                if self.known.type_of(left) or left_found:
                    # 삼성전자와SK텔레콤, 한빛화학과SK텔레콤: two names glued by a particle; the right one is found apart
                    if not self.known.type_of(left) and self._suffix_word_ok(w, left, *left_found):
                        hits.append(_Hit(left, w.start, "rule", left_found[0]))
                    continue
            if found is None and _TOWN.fullmatch(core) and core[:-1] not in _NOT_NAMES:
                hits.append(_Hit(core, w.start, "rule", "place"))  # 장안읍, 기장읍: a town
                continue
            if found is None and core in _STANDALONE_SUFFIXES and i > 0:
                named = self._named_after_place(i, core)
                if named:
                    hits.append(named)  # 강남 경찰서, 파리 올림픽: the place and the word are the name
                    continue
                event = self._event_words_before(i) if core in _EVENT_SUFFIXES else None
                if event is None and core == "축제":
                    event = self._town_festival_words(i)  # 하동 북천 코스모스 메밀꽃 축제: a town, the festival's words, 축제
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
            if found is not None and found[1] in ("법원", "검찰청") and core[: -len(found[1])] in _GENERIC_COURT_STEMS:
                court = self._foreign_court(i, core)
                if court:
                    hits.append(court)  # 오클랜드 고등법원: a foreign city names the court
                continue
            if found is None and core.endswith("축전") and len(core) >= 5 and all(map(_is_hangul, core)) and not core.startswith(
                    _GENERIC_FESTIVAL_HEADS):
                found = ("event", "축전")  # 대장경축전, (양산) 삽량문화축전: a festival's other word (축전 alone is a telegram)
            if found is not None and found[1] in _TOWN_FESTIVAL_WORDS and i > 0:
                festival = self._festival_of_town(i, core, found[1])
                if festival:
                    hits.append(festival)  # 홍천 맥주축제: the town and its festival are the name
                    continue
            if found is None or not self._suffix_word_ok(w, core, *found):
                continue
            if core.endswith("위원회") and i > 0 and _LEVEL_COUNCIL.fullmatch(self.words[i - 1].core) and not (
                    self.words[i - 1].closes or w.line_start or w.opens):
                continue  # 시의회 예산결산특별위원회는: a committee of the page's council named by its level alone, no name
            if core.endswith(_COUNCIL_COMMITTEES) and _COUNCIL_BEFORE.search(self.text, max(0, w.start - 30), w.start):
                continue  # 고성군의회는 예산결산특별위원회를: a local council's standing committee, named without the council
            if found[1] in _COOP_WORDS and _COOP.fullmatch(core):
                continue  # 강릉원주농협: a local co-op, a company (see coop_hits)
            if found[1] in _PLACE_INSTITUTIONS and i > 0 and self.known.type_of(core[: -len(found[1])]) != "place":
                prev = self.words[i - 1]  # 서울 지하철경찰대: the city names the unit (종로경찰서 names its own place)
                if not prev.closes and not w.line_start and not w.opens and self.known.type_of(prev.core) == "place":
                    hits.append(_Hit(f"{prev.core} {core}", prev.start, "rule", "org"))
                    continue
            if found[0] == "company" and core == w.core and self._sponsors_event(i):
                continue  # 2018 신한은행 MY CAR KBO리그: the title sponsor's name is part of the league's
            if found[1] in _PLACED_BODY_SUFFIXES and i > 0 and self.known.type_of(core) is None:
                prev = self.words[i - 1]  # 무주 사진가협회, 경남도 지역신문발전위원회: the place is part of the body's name
                if not prev.closes and not w.line_start and not w.opens and self._is_place(prev.core):
                    hits.append(_Hit(f"{prev.core} {core}", prev.start, "rule", found[0]))
                    continue
            hits.append(_Hit(core, w.start, "rule", found[0]))
            if found[0] == "place" and len(w.core) != w.end - w.start:
                written = self._as_written(w, core)
                if written != core:
                    hits.append(_Hit(written, w.start, "rule", "place"))  # 서초연구개발(R&D)캠퍼스: the mention as written
        return hits

    def _as_written(self, w: _Word, core: str) -> str:
        """The text a word's core was read from, brackets kept (서초연구개발(R&D)캠퍼스 for 서초연구개발캠퍼스), or the core."""
        raw, j, k = self.text[w.start : w.end], 0, 0
        while k < len(raw) and j < len(core):
            if raw[k] == "(":
                close = raw.find(")", k)
                if close < 0:
                    return core
                k = close + 1
            elif raw[k] == core[j]:
                j, k = j + 1, k + 1
            else:
                return core
        return raw[:k] if j == len(core) else core

    def _masthead(self, w: _Word, core: str) -> bool:
        """Whether a paper's name stands in the page's masthead: alone on its line (or with its logo's label), or in a row
        of share buttons (서울신문 페이스북서울신문 유튜브)."""
        breaks = self._line_breaks
        k = bisect_right(breaks, w.start)  # the line's bounds from the sorted breaks: no scan back through a long line
        start, end = breaks[k - 1] + 1 if k else 0, breaks[k] if k < len(breaks) else len(self.text)
        if end - start > 200:
            return False  # a paragraph, not a masthead or a share row
        line = self.text[start:end].strip()
        rest = line.replace(core, "", 1).strip()
        return not rest or rest.lower() in ("ci", "bi", "로고", "logo") or bool(_SHARE_NAMES.search(line))

    @cached_property
    def _line_breaks(self) -> list[int]:
        return [m.start() for m in re.finditer("\n", self.text)]

    def _foreign_court(self, i: int, core: str) -> _Hit | None:
        """A kind of court after the word that places it (오클랜드 고등법원, 뉴욕 연방법원): a known place or a transliterated
        city (loanword syllables, no particle); alone, 고등법원 is no name."""
        w, prev = self.words[i], self.words[i - 1] if i else None
        if prev is None or prev.closes or w.line_start or w.opens or not all(map(_is_hangul, prev.core)) or len(prev.core) < 2:
            return None
        placed = self.known.type_of(prev.core) == "place" or (
            self.known.type_of(prev.core) is None and any(c in _LOANWORD_SYLLABLES for c in prev.core) and not self.has_barrier(prev))
        return _Hit(f"{prev.core} {core}", prev.start, "rule", "org") if placed else None

    def _council(self, i: int, core: str) -> _Hit | None:
        """A council named after a place the alias file knows, glued (세종시의회, 경기도의회) or written apart (나주시 의회)."""
        head = core[:-2]
        if head:
            return _Hit(core, self.words[i].start, "rule", "org") if self._is_place(head) else None
        w, prev = self.words[i], self.words[i - 1] if i else None
        if prev is None or prev.closes or w.line_start or w.opens or not self._is_place(prev.core):
            return None
        return _Hit(f"{prev.core} {core}", prev.start, "rule", "org")

    def _is_place(self, name: str) -> bool:
        """A place the alias file knows, written with or without its 시/군/구/도 (경남도, 무주 for 무주군)."""
        known = self.known.type_of
        return (known(name) == "place" or len(name) > 2 and name[-1] in "시군구도" and known(name[:-1]) == "place"
                or len(name) >= 2 and _is_hangul(name[-1]) and (known(name + "군") == "place" or known(name + "시") == "place"))

    def institution_pairs(self, hits: list[_Hit]) -> list[tuple[str, str]]:
        """(full, short) spellings of one court or prosecutors' office (see _SHORT_INSTITUTIONS), one university or one event
        found among the hits."""
        pairs = self._town_event_pairs(hits)
        universities = {h.surface for h in hits if h.type == "org" and h.surface.endswith(("대", "대학교"))}
        if len(universities) > 1:
            # one university, written in full and short (배재대학교 = 배재대) or with and without its country (한국교통대 = 교통대)
            for name in universities:
                short = name[:-2] if name.endswith("대학교") else name
                pairs += [(name, other) for other in universities if other != name and len(other) < len(name)
                          and short.endswith(other) and len(other) >= 3]
        schools = {h.surface for h in hits if h.type == "org" and h.surface.endswith(("학교", "고", "중"))}
        for name in schools:
            if name.endswith(("고등학교", "중학교")):  # 오현중학교 = 오현중, 상일여자고등학교 = 상일여고
                stem = name[: -4 if name.endswith("고등학교") else -3].removesuffix("여자")
                short = [stem + ("여" if "여자" in name else "") + ("고" if "고등" in name else "중")]
                pairs += [(name, other) for other in short if other in schools]
        hospitals = {h.surface for h in hits if h.type == "org" and h.surface.endswith("대학교병원")}
        if hospitals:
            # 서울대학교병원 = 서울대학병원 = 서울대병원: a university hospital written in full and short on one page
            found = {h.surface for h in hits if h.type == "org" and h.surface.endswith(("대학병원", "대병원"))}
            pairs += [(name, short) for name in hospitals for short in (name[:-5] + "대학병원", name[:-5] + "대병원") if short in found]
        if not any(h.surface.endswith(_SHORT_ENDINGS) for h in hits if h.type == "org"):
            return pairs
        for h in hits:
            for short, full in _SHORT_INSTITUTIONS.items():
                if h.surface.endswith(short) and len(h.surface) > len(short):
                    pairs.append((h.surface[: -len(short)] + full, h.surface))
        return pairs

    def _named_after_place(self, i: int, core: str) -> _Hit | None:
        """강남 경찰서, 대전 지방법원 (a public body of a place), 파리 올림픽 (a game hosted there): a known place, then the
        word on its own."""
        if core not in _PLACE_INSTITUTIONS and core not in _HOSTED_EVENTS:
            return None
        w, prev = self.words[i], self.words[i - 1]
        if prev.closes or w.line_start or w.opens or self.known.type_of(prev.core) != "place":
            return None
        return _Hit(f"{prev.core} {core}", prev.start, "rule", "org" if core in _PLACE_INSTITUTIONS else "event")

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

    def _can_head(self, prev: _Word) -> bool:
        if prev.core in _GENERIC_LATIN or prev.core in _NOT_NAMES or self.has_barrier(prev) or _K_SLOGAN_WORD.fullmatch(prev.core):
            return False
        if _LIST_BREAK.search(prev.core):
            return False  # 메모리·AI 반도체, 시스템·AI 반도체: a list of kinds before a common noun, not a firm's name
        if self.known.type_of(prev.core) == "place":
            return False  # 용인 반도체 (클러스터), 한국 사무소: where, not a name
        if _suffix_type(prev.core) is not None:
            return False  # 삼성전자 반도체 (부문): a named firm and one of its businesses, not a new firm
        if _has_latin(prev.core):
            if _PURPOSE_WORD.fullmatch(prev.core):
                return False  # AI용 반도체, 5G용 칩: what it is for, not a firm's name
            return prev.core.rstrip("0123456789") not in _GENERIC_LATIN
        return prev.tags is not None and bool(prev.tags) and all(tag == "NNP" for _, tag in prev.tags)

    def _suffix_word_ok(self, w: _Word, core: str, type_: str, suffix: str) -> bool:
        stem = core[: -len(suffix)]
        if suffix in ("신문", "신문사") and (stem in _GENERIC_PAPER_STEMS or any(
                stem[:k] in _GENERIC_PAPER_STEMS and stem[k:] in _GENERIC_PAPER_STEMS for k in range(1, len(stem)))):
            return False  # 지역신문, 인터넷신문, 증인신문, 지역일간신문: a kind of paper or a questioning (매일경제신문 is one)
        if suffix in ("신문", "신문사", "일보") and self._masthead(w, core):
            return False  # 서울신문 alone on its line, 서울신문 페이스북서울신문 유튜브: the page's masthead and share row
        if core.endswith("재판부") or suffix in ("법원", "검찰청") and stem in _GENERIC_COURT_STEMS:
            return False  # 재판부는, 고등법원: a court's bench or a kind of court; 서울고등법원 names its place
        if suffix in ("대학교", "학당") and len(stem) == 2:
            # 거제대학교, 배재학당: a two-syllable stem names a school (국립대학교 is a kind of one)
            return all(map(_is_hangul, stem)) and stem not in _GENERIC_UNIVERSITY_STEMS
        if stem.startswith("제공") and w.core.startswith("제공"):
            return False  # 부산경제진흥원 제공서부 산업단지: a credit's 제공 glued to the caption after it, no name
        if suffix in _ARTS_FESTIVALS and (len(stem) < 2 or stem in _GENERIC_FESTIVAL_STEMS or stem in _GENERIC_ARTS_FESTIVAL_STEMS
                                          or stem.endswith(_GENERIC_ARTS_FESTIVAL_ENDS)):
            return False  # 국제영화제, 대학가요제, 청소년연극제: a kind of festival (부산국제영화제, 개천예술제 are one)
        if suffix in _ARTS_FESTIVALS and stem not in _NOT_NAMES and stem not in _GENERIC_STEMS and all(map(_is_hangul, stem)):
            return True  # 개천예술제, 백제문화제: a two-syllable stem names one (the org rule's three-syllable floor is for bodies)
        generic = stem in _GENERIC_STEMS and suffix not in _PLURAL_FIRM_SUFFIXES  # 미래시스템즈 is a firm, 미래산업 a kind
        if not stem or stem in _NOT_NAMES or generic or any(c in "·/" for c in core) or stem.isdigit():
            return False
        if stem.startswith(_GENERIC_BODY_HEADS) and type_ == "org":
            return False  # 지방산림청, 관할경찰서장: a kind of office (any region's), not one body
        if _NUMBERED.match(stem):
            return False  # 제1형사부, 3분과위원회: a numbered division, not a body's name (2030세계박람회 is an edition)
        if core in FOUR_CHARACTER_IDIOMS:
            return False  # 명실상부 전남 서남부권 거점 종합병원: an idiom ending in 부, no ministry
        if suffix == "부" and _COURT_DIVISION.match(stem):
            return False  # 형사합의부(재판장 …), 민사항소부: a court's division by its kind, numbered or not (the court names it)
        if suffix == "연구원" and len(stem) >= 2 and self._is_place(stem) and not w.core[len(core):].startswith("들"):
            return True  # 강원연구원 박사, 서울연구원: a region's research institute (a researcher is 연구원 after a name or a word)
        if (suffix in _PLACE_INSTITUTIONS or suffix in _HOSTED_EVENTS or suffix in ("엑스포", "박람회")) and self.known.type_of(stem) == "place":
            return True  # 대전지방법원, 도쿄올림픽, 여수엑스포: a known place names it (a fair is held by its city)
        if suffix in ("대사관", "총영사관"):
            # 주캄보디아대한민국대사관, 주중한국대사관: a mission's official name opens with 주 (駐) and its host country (round 20)
            return len(stem) >= 2 and stem[0] == "주" and not stem.startswith("주재") and all(map(_is_hangul, stem))
        if suffix == "증권거래소":
            return self._is_place(stem)  # 뉴욕증권거래소, 도쿄증권거래소: a known city or country names it (round 20)
        if suffix in _PLACE_INSTITUTIONS:
            return len(stem) >= 2 and all(map(_is_hangul, stem))  # 종로경찰서, 수원중부경찰서: a district names it
        if suffix == "청" and core.endswith(_NOT_AGENCIES):
            return False
        if suffix in _ARTS_SUFFIXES and (stem in _GENERIC_SITE_STEMS or stem in _GENERIC_ENSEMBLE_STEMS):
            return False  # 어린이합창단, 소년소녀합창단, 시립교향악단: a kind of ensemble
        if suffix in ("조선소", "캠퍼스") and (stem in _GENERIC_SITE_STEMS or stem in _GENERIC_FACILITY_STEMS or stem in _COUNTRY_STEMS):
            return False  # 대형조선소, 중국조선소, 메인캠퍼스, 제2캠퍼스: a kind of shipyard or campus (옥포조선소, 울산조선소 are one)
        if suffix == "캠퍼스" and not any(self._is_place(stem[:k]) or self.known.type_of(stem[:k] + "구") == "place"
                                        for k in range(2, min(len(stem), 4) + 1)):
            return False  # 산업단지캠퍼스, 현장캠퍼스, 개방형캠퍼스: kinds; a campus is named after its place (세종캠퍼스, 서초연구개발캠퍼스)
        if suffix in ("공원", "광장", "회관") and (stem in _GENERIC_SITE_STEMS or core.endswith(_GENERIC_SITE_TAILS)):
            return False  # 국립공원, 어린이공원, 마을회관, 문화회관: a kind of park, square or hall (서구문화회관 is one)
        if suffix == "병원" and (len(stem) < 2 or any(
                stem.endswith(g) and (len(stem) - len(g) < 2 or stem[: -len(g)] in _GENERIC_STEMS or stem[: -len(g)] in _GENERIC_HOSPITALS)
                for g in _GENERIC_HOSPITALS)):
            return False  # 요양병원, 대학병원, 상급종합병원: kinds of hospital (강동경희대한방병원 is one: a name before its kind)
        if _K_SLOGAN.fullmatch(stem):
            return False  # K-테크, K-바이오, K반도체: a national slogan, not a firm
        if not (_has_hangul(stem) or _has_latin(stem)):
            return False
        if suffix == "부" and (core.endswith(_UNIT_ENDINGS) or _NOT_MINISTRY.fullmatch(core)):
            return False  # 공약개발본부, 반도체사업부: a unit inside a party or firm; 주임신부, 경상서부: a priest, a region
        if suffix == "부" and w.core.startswith(core) and _DEPUTY_TITLE.match(w.core, len(core)) and self.known.type_of(core) is None:
            return False  # 원내수석부대표는, 국회부의장, 홍보담당부서: 부 opens a deputy's title or 부서 (국방부서 stays: 국방부 is known)
        if len(suffix) == 1 and (len(stem) < 3 or any(c in _LOANWORD_SYLLABLES for c in stem)):
            # 정부, 수요처, 지도부 (국방부 is in the alias file); 인프라스트럭처 is no agency
            return False
        if suffix == "처" and stem[-1] in _TURE_SYLLABLES:
            return False  # 아키텍처, 시그니처, 어드벤처: an English word in -ture, no agency (법제처, 인사혁신처 are)
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
