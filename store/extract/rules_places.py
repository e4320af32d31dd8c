"""Rules that find places by their kind: markets, stations, towns; roads and venues by suffix (see rules_base)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .lexicon import _is_hangul, _is_tail, title_family
from .matching import _match_key
from .rules_base import _ArticleBase, _Hit, _Word, _LOANWORD_SYLLABLES, _NOT_NAMES, _SITE_SUFFIXES, _strip_tail, _suffix_type

# A market is named by its town and kind glued (군위전통시장, 선비골문화시장) or by a gate or quarter after its town
# (대구 서문시장, 보령 중앙시장); 전통시장 alone, 주식시장, 전기차 시장 and 부산시장 (the mayor) are none.
_MARKET_KINDS = ("전통", "문화", "재래", "수산", "농수산물", "농수산", "종합", "상설", "약령")
_MARKET_QUARTERS = frozenset("중앙 남부 북부 동부 서부 서문 동문 남문 북문".split())
_MARKET_GENERIC = frozenset("지역 인근 동네 주변 전국 관내 도내 시내 국내 골목 대형 소형 우리 대표 온라인".split())
_TOWN = re.compile(r"[가-힣]{2,3}읍")  # a town (읍); 면 and 리 end too many common nouns (측면, 라면, 거리)
# A district written after the city or county it belongs to: 부산 금정구, 장수군 번암면, 나주시 영산동. Alone, 면, 동 and 구
# end too many common nouns (측면, 활동, 연구); after a known place, a name of two syllables or more before them is the
# district (one syllable only for the compass wards: 서울 중구, 대구 동구).
_DISTRICT = re.compile(r"([가-힣]{1,4})(구|군|면|동|리|산)")  # also a mountain: 수원시 광교산
_DISTRICT_WORD = re.compile(r"(?<!\S)([가-힣]{1,4}[구군면동리산])(?:[은는이가을를의에와과도로만]|에서|으로|에는|과의|와의|부터|까지)?(?![가-힣])")
_WARDS = frozenset("중 동 서 남 북".split())
# A numbered neighbourhood (창신3동, 신월1동, 종로5·6가동) names itself: a word of two syllables or more and one or two digits
# before 동 is no common noun (a flat's 101동 has no word glued before its number).
_NUMBERED_DONG = re.compile(r"(?<![가-힣A-Za-z0-9·])[가-힣]{2,4}\d{1,2}(?:·\d{1,2}){0,3}가?동(?![가-힣A-Za-z0-9])|"
                            r"(?<![가-힣A-Za-z0-9·])[가-힣]{2,4}\d{1,2}(?:·\d{1,2}){0,3}가?동(?=(?:[은는이가을를의에와과도로만]|에서|으로|에는|과의|와의|부터|까지)(?![가-힣]))")
_DISTRICT_GENERIC = frozenset("""지역 선거 자치 관할 인근 일부 전체 해당 행정 주변 시내 외곽 도심 공동 합동 연구 협동 노동 활동 이동 운동
    행동 변동 작동 가동 출동 감동 연동 자동 수동 폭동 난동 소동 발동 진동 구동 입구 출구 창구 요구 추구 탐구 도구 가구 인구 항구
    장면 측면 정면 전면 국면 화면 표면 이면 단면 방면 내면 외면 대면 직면 반면 당면 수면 지면 라면 거리 처리 관리 원리 논리 수리
    승리 정리 심리 요리 무리 대리 의리 유리 실리 조리 경리 총리 진리 권리 부리 소리 부동산 유동산 총자산 순자산 대량생산 공산 농수산
    수산 축산 출산 재산 자산 생산 예산 투자산 수출산""".split())


# Syllables before 역 in common nouns (지역, 무역, 영역, 구역, 전역, 광역, 권역, 방역, 검역, 번역, 통역, 하역, 해역, 수역, 성역, 배역,
# 역할 is cut before: 할 is no tail): a word ending so is no station's name.
# Rural stories name a township or village by its head (임채영 가야면장은, 이종택 농가(대전리 이장)): the title says the word
# before it is a township (면, 읍) or a village (리, 동); the people rules take the person.
_HEAD_OF_TOWN = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,3}(?:면|읍))장(?=[은는이가을의과와도]?(?![가-힣]))"
                           r"|(?<![가-힣A-Za-z0-9])([가-힣]{2,3}(?:리|동)) (?:이장|동장|통장)(?=[은는이가을의과와도]?(?![가-힣]))")
_HEAD_WORDS = ("면장", "읍장", " 이장", " 동장", " 통장")
_SLOPE_WORDS = ("자락", "기슭", "능선", "중턱", "정상")
# A mountain by what lies on it (비계산 자락에, 지리산 기슭, 한라산 정상에): any outlet's rural, hiking or fire story; the common
# nouns in 산 (예산, 부동산, 생산) never stand before these words.
_SLOPE = re.compile(r"산 (?:자락|기슭|능선|중턱|산자락|산기슭|정상(?=[에을의까]|에서))")
_MOUNTAIN_NAME = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,4}산)\Z")
_COMMON_SAN = frozenset("""생산 재산 자산 예산 출산 유산 청산 수산 농산 축산 정산 결산 합산 환산 계산 확산 분산 해산 양산 증산 감산 타산 승산
    공산 부동산 국산 외산 광산 등산 하산 입산 야산 뒷산 앞산 동산 선산 명산 고산 화산 탄산 위산 초산 뒷동산 인근산 주변산""".split())
# A stream named after its town (화천천에서 개막한 축제, 양재천 둔치, 안양천변): local stories everywhere write it so; the town
# (a known place, 2-3 syllables) makes it a place, and a number's 천 never follows one.
_TOWN_STREAM = re.compile(r"(?<![가-힣A-Za-z0-9])(([가-힣]{2,3})천)(?=(?:에서|에|을|의|이|은|과|와|변|변에|둔치|일대|으로|까지)?(?![가-힣0-9]))")
_STREAM_END = re.compile(r"천(?=(?:에서|에|을|의|이|은|과|와|변|변에|둔치|일대|으로|까지)?(?![가-힣0-9]))")
# A nuclear plant by its site (영광원전은, 고리원전, 한빛원전 3호기): energy and local stories everywhere write a plant so; a
# kind of plant (신규원전, 노후원전, 해외원전) is none.
_NUCLEAR_PLANT = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,3}원전)(?=[은는이가을를의에과와도]?(?![가-힣])|에서|으로|\d)")
_GENERIC_PLANT_STEMS = frozenset("""신규 노후 해외 국내 소형 대형 기존 수출 가동 상업 인근 국산 한국형 차세대 원전 신형 구형 추가 후속 주변 인접 해당
    영구 폐로 중단 건설 신설 증설""".split())
# A hamlet (…마을) after its township and village (진안읍 가림리 사인동마을): the rural address every local paper writes.
_HAMLET = re.compile(r"(?<![가-힣A-Za-z0-9])[가-힣]{2,4}[읍면] [가-힣]{2,4}리 ([가-힣]{2,5}마을)(?=[은는이가을를의에과와도]?(?![가-힣])|에서)")
_NOT_STATION_ENDS = frozenset("지무영구전광권방검번통하해수성배대주노")
# A hotel, resort or hall where something happens, after the city or site it stands in (뉴욕 파크호텔에서, 제주 해비치리조트에서,
# 경주엑스포대공원 문무홀에서): a venue, so a place (alone, …호텔 names the firm as often). The stem is no kind of hotel or hall
# (특급호텔, 관광호텔, 콘서트홀, 웨딩홀).
_VENUE_END = re.compile(r"(?:호텔|리조트|홀)(?=에서|에 |에$|에\n)")  # literal first (C speed); the word is found from its end
_VENUE_NAME = re.compile(r"[가-힣A-Za-z]{2,10}(?:호텔|리조트|홀)")
_GENERIC_VENUE_STEMS = frozenset("""특급 고급 관광 비즈니스 부티크 대형 소형 5성급 4성급 인근 주변 현지 시내 도심 한 한옥 캡슐 러브 모텔 가족
    호텔 리조트 숙박 해외 국내 지역 근처 주요 유명 전용 인근의 다른 같은
    콘서트 컨벤션 웨딩 이벤트 다목적 메인 그랜드 대 소 연회 공연 전시 세미나 아트 뮤직 라이브 댄스 스터디 푸드 맥주 볼링 당구
    노래 게임 커뮤니티 로비 체육 강당 대강당 소강당 시청 구청 군청 공연장 전시장""".split())
# A building's word alone before a hall in it (600주년 기념관 새천년홀에서, 문화회관 대공연장 is no hall: 홀 ends the name).
_BUILDING_WORDS = frozenset("기념관 박물관 미술관 회관 체육관 빌딩 문화관 학생회관 본관 신관 별관".split())
# A plant named after its town, after the country or region (체코 노쇼비체 공장, 텍사스 테일러 공장에서, 홋카이도 지토세 공장):
# the word between a known place and 공장 is the town, unless it says what the plant makes or what kind it is (미국 배터리
# 공장, 베트남 생산 공장, 중국 현지 공장).
_PLANT = re.compile(r" 공장(?:(?![가-힣])|(?=(?:에서|으로|에|은|이|을|의|과|도|로|만)(?![가-힣])))")  # literal first (C speed)
# Last syllables of a verb's form before a noun (세운 공장, 지을 공장, 만든, 있던, 멈춘): no town
_ADNOMINAL_ENDS = frozenset("운 은 는 든 던 한 된 진 린 난 간 온 인 쓴 둔 준 친 킨 춘 울 을 할 될 갈 줄 릴 질 칠 킬".split())
_PLANT_KINDS = frozenset("""전기차 배터리 반도체 자동차 완성차 부품 신규 현지 생산 해외 국내 기존 주력 합작 스마트 차량 엔진 타이어 철강 조선
    가전 디스플레이 패널 소재 양극재 음극재 분리막 전구체 휴대폰 스마트폰 파운드리 메모리 신설 건설 증설 착공 준공 가동 제조 조립 전용
    첨단 대형 중형 소형 최대 최초 첫번째 두번째 세번째 유일한 새 모듈 화학 석유 정유 시멘트 식품 음료 의약품 바이오 백신 섬유 의류
    신발 가구 제지 유리 비료 사료 맥주 수소 태양광 풍력 원전 로봇 드론 항공기 선박 방산 탄약 전자 전지 이차전지 자재 장비 기계 금속
    알루미늄 구리 니켈 리튬 칩 웨이퍼 공장 모터 변압기 케이블 전선 강판 냉연 열연 제철 자체 인근 주변 기가 메가 시범 스마트팩토리
    노후 폐쇄 매각 인수 핵심 거점 글로벌 직영 협력사 협력 하청 위탁 제2 제3 제4 주요 우리 자사 본사""".split())
# A neighbourhood or village before its lot number: 은천동 634번지, 영산동 757-1.
_LOT_ADDRESS = re.compile(r"(?<![가-힣])([가-힣]{1,4}동|[가-힣]{2,4}리)\s?\d{1,5}(?:-\d{1,5}|번지)(?![\d.%])")
_DIGIT_DONG = re.compile(r"\d가?동")
_SCHEDULE_DATE = re.compile(r"\d{1,2}일")
_DONG_WORD = re.compile(r"[가-힣]{2,4}(?:\d{1,2}(?:·\d{1,2}){0,3}가?)?동")


# Industrial estates: 은남일반산업단지, 구미국가산업단지, 장암농공단지, 은남산단 (the short form news uses), 외동공단 (an older word for one).
# The stem is a name of two syllables or more; kinds of estate (국가산단, 노후 산단, 인근 산업단지) name none. 공단 also ends
# public corporations (국민연금공단, 도로교통공단), so X공단 is an estate only with a two-syllable stem and a word that puts
# firms in it (외동공단 내, 공단에 입주한) or a known place as its stem (구미공단).
_ESTATE = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,8}?)((?:일반|국가|지방|농공|첨단|도시첨단)?산업단지|농공단지|산단|공단)"
                     r"(?=(?:[은는이가을를의에와과도로]|에서|으로|에는|부터|까지)?(?![가-힣]))")
# The same with a space before a kind that says which estate it is (상주 청리 일반산업단지, 구미 하이테크 국가산업단지 is no: one
# word of two to four syllables, then 일반/국가/지방/첨단산업단지 or 농공단지).
_SPACED_ESTATE = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,4}) ((?:일반|국가|지방|첨단|도시첨단)산업단지|농공단지)"
                            r"(?=(?:[은는이가을를의에와과도로]|에서|으로|에는|부터|까지)?(?![가-힣]))")
_ESTATE_GENERIC = frozenset("""인근 주변 지역 해당 관내 도내 시내 국가 일반 지방 농공 첨단 도시첨단 스마트 노후 신규 기존 대규모 대형 소형 주요
    각 전국 국내 해외 산업 산업단 공공 민간 신설 조성 지정 미분양 입주 배후 산업 연관 전용 전문 특화 외국인 인접 소재 같은 다른 인근의""".split())
_PLANT_WORD = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2})공장(?=(?:[은는이가을를의에와과도로]|에서|으로|에는|부터|까지)?(?![가-힣A-Za-z0-9]))")
_ESTATE_CUE = re.compile(r" ?(?:내|안|입주)(?![가-힣])|에 입주| 입주")


# A known place glued to 출신 (하남출신 작가로는, 부산출신인): the person comes from it, so the place is named; the word is found
# as written and joined to the place (named_by_pairs), as the matcher takes no 출신 glued to a name.
_NATIVE_OF = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,4})출신(?=(?:[은는이인을의으로도]|으로|이다|이며)?(?![가-힣]))")


@lru_cache(maxsize=1 << 14)
def _schedule_word(core: str) -> str | None:
    """'dong' for a neighbourhood-shaped word (부암동, 창신3동; not 활동), 'date' for 8일, else None."""
    if _SCHEDULE_DATE.fullmatch(core):
        return "date"
    if _DONG_WORD.fullmatch(core) and core not in _DISTRICT_GENERIC and core[:-1] not in _NOT_NAMES:
        return "dong"
    return None


def _site_core(word: str) -> str | None:
    """The name of a road or district with its particles cut (영동고속도로를: 도로 looks like particles to _strip_tail)."""
    for suffix in _SITE_SUFFIXES:
        i = word.find(suffix)
        if i > 0 and (i + len(suffix) == len(word) or _is_tail(word[i + len(suffix) :])):
            return word[: i + len(suffix)]
    return None


# Cities and counties listed by their short names (공주·금산·부여·계룡, 천안·아산·당진시, 충북 보은과 옥천, (청주, 보은, 음성)):
# the alias file keeps 공주시, 보은군, 음성군 whole on purpose, as 공주, 보은, 음성 are common words; in a list of two items or
# more where EVERY item is such a short form (a 시/군 place's name less its 시/군, two syllables or more), each item is
# that city or county. The last item may keep its 시/군 or a particle (부여에서, 당진시). All or none: 공주·왕자, 음성·영상,
# 보은과 감사 name no place. Matched per text beside the matcher's mentions (store.linking.matching), never made an alias:
# an alias would name the princess of another article 공주시. Items are Hangul runs found in one scan; the gap between
# two runs says whether the list goes on.
_HANGUL_RUN = re.compile(r"[가-힣]+")
# the runs a list can join, found first in one compiled scan (most words of a text are in none): a separator and a run on
# either side; a run starts no match inside itself, and a separator is never Hangul, so each run is read once
_LIST_SPAN = re.compile(r"(?<![가-힣])[가-힣]+(?:(?:[·ㆍ]|, ?|(?<=[과와]) )[가-힣]+)+")
_LIST_GAPS = frozenset(("·", ",", ", ", "ㆍ"))
_LIST_PARTICLES = ("에서는", "에서도", "에서", "에는", "에도", "으로", "까지", "부터", "에", "은", "는", "이", "가", "을", "를",
                   "의", "도", "로", "과", "와")


_PARTICLE_SET = frozenset(_LIST_PARTICLES)
_shorts_of: list = [None, {}, frozenset()]  # the last matcher read, its short forms and its full names


def _matcher_shorts(matcher) -> tuple[dict[str, int], frozenset[str]]:
    """For a matcher's entities, built once per matcher: short form -> the one place entity named it + 시 or 군 (공주 ->
    공주시's id), or -1 where the matcher knows the short form itself as that place (논산); and the full names (당진시)
    whose short form is one of these."""
    if _shorts_of[0] is matcher:
        return _shorts_of[1], _shorts_of[2]
    automaton = matcher._automaton
    named: dict[str, set[int]] = {}
    twice: set[str] = set()
    for key, (_, patterns) in automaton.items():
        if len(key) >= 3 and key[-1] in "시군" and all(map(_is_hangul, key)):
            ids = {p.entity_id for p in patterns if p.kind == "place"}
            if ids:
                if key[:-1] in named:
                    twice.add(key[:-1])  # 고성시 and 고성군: which one is not said
                named[key[:-1]] = ids
    shorts: dict[str, int] = {}
    for short, ids in named.items():
        if short in twice:
            continue
        own = automaton.get(short, None)
        if own is None:
            shorts[short] = min(ids)  # the same name twice in an alias file is one entity once linked
        elif {p.entity_id for p in own[1]} <= ids:
            shorts[short] = -1  # 논산: the matcher's own place, an item of the list
    fulls = frozenset(short + suffix for short in shorts for suffix in ("시", "군")
                      if automaton.get(short + suffix, None) is not None)
    _shorts_of[:] = [matcher, shorts, fulls]
    return shorts, fulls


def listed_short_places(text: str, matcher, found: list) -> list[tuple[int, int, int, str]]:
    """Mentions (start, end, entity id, surface) of the cities and counties a list in `text` names by their short names
    (see _HANGUL_RUN), for the matcher's entities; `found` is the matcher's mentions of the text (an item inside one is
    none of these)."""
    if "·" not in text and "," not in text and "ㆍ" not in text and "과 " not in text and "와 " not in text:
        return []
    if getattr(matcher, "_empty", True):
        return []
    shorts, fulls = _matcher_shorts(matcher)
    if not shorts:
        return []

    def city(word: str) -> int | None:
        return shorts.get(word)

    out: list[tuple[int, int, int, str]] = []
    run: list[tuple[int | None, int, str]] = []  # the list so far: (entity id, -1 for the matcher's own, None; start; item)
    more = conj = False  # whether the list goes on after `·`/`,` (an item with no particle) or a space (보은과)
    prev_end = -1

    def close() -> None:
        if len(run) >= 2 and all(eid is not None for eid, _, _ in run):
            out.extend((start, start + len(item), eid, item) for eid, start, item in run if eid is not None and eid >= 0)

    for m in (run_ for span in _LIST_SPAN.finditer(text) for run_ in _HANGUL_RUN.finditer(text, span.start(), span.end())):
        word, start = m.group(), m.start()
        gap = text[prev_end:start] if 0 <= prev_end and start - prev_end <= 2 else None
        prev_end = m.end()
        if not (run and (more and gap in _LIST_GAPS or conj and gap == " ")):
            close()
            run = []
        eid = city(word)
        if eid is not None:
            run.append((eid, start, word))
            more, conj = True, False
            continue
        core, tail = word, ""
        if word not in fulls:
            for k in (1, 2, 3):
                base = word[:-k]
                if len(base) >= 2 and word[-k:] in _PARTICLE_SET and (base in shorts or base in fulls):
                    core, tail = base, word[-k:]
                    break
        eid = city(core)
        if eid is not None:
            run.append((eid, start, core))  # 보은과 옥천 goes on after a space; 부여에서 is the last item
            more, conj = False, tail in ("과", "와")
        elif core in fulls:
            run.append((-1, start, core))  # 당진시, 영동군에서: the last item, the matcher's own
            more = conj = False
        else:
            run.append((None, start, word))  # 왕자 in 공주·왕자: no place, so no item of this list is one
            more, conj = True, word.endswith(("과", "와"))
    close()
    if out and found:
        spans = sorted((s, e) for s, e, _, _ in found)
        starts = [s for s, _ in spans]
        out = [x for x in out if not ((i := bisect_right(starts, x[0]) - 1) >= 0 and spans[i][1] > x[0]
                                      or (j := bisect_left(starts, x[0])) < len(starts) and starts[j] < x[1])]
    return out


# A flight route and its airline (부산-기타큐슈(스타플라이어)는, 부산-마카오(에어부산)): two towns joined by a hyphen, the
# carrier in a bracket right after; one town the alias file knows as a place makes the other a place and the bracket a firm.
_ROUTE_CARRIER = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,6})-([가-힣]{2,6})\(([가-힣A-Za-z][가-힣A-Za-z0-9]{1,11})\)")
_ROUTE_WORDS = re.compile("취항|노선|항공|운항|탑승|직항|전세기")


class _PlaceRules(_ArticleBase):
    """Places by kind (suffix_hits of rules_bodies hands them the words that end in 시장 or 역)."""

    def _market_or_station(self, i: int, core: str) -> list[_Hit]:
        """군위전통시장, 대구 서문시장 (see _MARKET_KINDS); 청량리역, 영주역: a station named after a known place."""
        w = self.words[i]
        if core.endswith("역"):
            known = len(core) >= 3 and self.known.type_of(core[:-1]) == "place" and _is_hangul(core[-2])
            return [_Hit(core, w.start, "rule", "place")] if known or self._station_after_district(i, core) else []
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

    def route_carrier_hits(self) -> list[_Hit]:
        """Flight routes with their carriers in brackets (see _ROUTE_CARRIER), in an article about flights."""
        if "-" not in self.text or "(" not in self.text or not _ROUTE_WORDS.search(self.text):
            return []
        hits: list[_Hit] = []
        for m in _ROUTE_CARRIER.finditer(self.text):
            kinds = [self.known.type_of(m.group(i)) for i in (1, 2)]
            carrier = self.known.type_of(m.group(3))
            if "place" not in kinds or any(k not in (None, "place") for k in kinds) or carrier not in (None, "company"):
                continue
            for i in (1, 2):
                if kinds[i - 1] is None and m.group(i)[-1] not in "의는은를을에":
                    hits.append(_Hit(m.group(i), m.start(i), "rule", "place"))
            hits.append(_Hit(m.group(3), m.start(3), "rule", "company"))
        return hits

    def estate_hits(self) -> list[_Hit]:
        """Industrial estates by their word (see _ESTATE): places."""
        if "산업단지" not in self.text and "산단" not in self.text and "공단" not in self.text and "농공단지" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _ESTATE.finditer(self.text):
            stem, kind = m.group(1), m.group(2)
            if stem in _ESTATE_GENERIC or stem in _NOT_NAMES or stem[-1] in "의에과와를을" or self.known.type_of(m.group()) not in (None, "place"):
                continue
            if kind == "공단" and not (len(stem) == 2 and (_ESTATE_CUE.match(self.text, m.end()) or self.known.type_of(stem) == "place")):
                continue  # 국민연금공단, 도로교통공단: a public corporation's name
            hits.append(_Hit(m.group(), m.start(), "rule", "place"))
        if " " in self.text:
            for m in _SPACED_ESTATE.finditer(self.text):
                stem = m.group(1)
                if (stem in _ESTATE_GENERIC or stem in _NOT_NAMES or stem[-1] in "의에과와를을은는이가도로" or stem[-1] in _ADNOMINAL_ENDS
                        or self.known.type_of(stem) is not None or self.known.type_of(m.group()) not in (None, "place")):
                    continue  # 인근 일반산업단지, 새로운 농공단지, 경북 국가산업단지: a kind, a verb's form, or a known place's
                hits.append(_Hit(m.group(), m.start(), "rule", "place"))
        return hits

    def plant_word_hits(self) -> list[_Hit]:
        """A plant named by its town glued to 공장 (대산공장 정기보수, 서산공장에서): two syllables that are no kind of plant
        (배터리공장, 합작공장, 전용공장), no known name (울산공장 is a mention of 울산) and no verb's form."""
        if "공장" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _PLANT_WORD.finditer(self.text):
            stem = m.group(1)
            if (stem in _PLANT_KINDS or stem in _NOT_NAMES or stem in _ESTATE_GENERIC or stem[-1] in _ADNOMINAL_ENDS
                    or stem[-1] in "의에과와를을" or self.known.type_of(stem) is not None or self.known.type_of(m.group()) not in (None, "place")):
                continue
            hits.append(_Hit(m.group(), m.start(), "rule", "place"))
        return hits

    @staticmethod
    def estate_pairs(hits: list[_Hit]) -> list[tuple[str, str]]:
        """(은남일반산업단지, 은남산단): one estate, its full name and the short form, both found in the article."""
        full: dict[str, str] = {}
        for h in hits:
            m = _ESTATE.fullmatch(h.surface) if h.type == "place" else None
            if m and m.group(2).endswith("산업단지"):
                full.setdefault(m.group(1), h.surface)
        return [(full[m.group(1)], h.surface) for h in hits if h.type == "place" and (m := _ESTATE.fullmatch(h.surface))
                and m.group(2) in ("산단", "공단") and m.group(1) in full]

    @staticmethod
    def named_by_pairs(hits: list[_Hit]) -> list[tuple[str, str]]:
        """(name, hit) for hits written as a word that names something else: 하남출신 names 하남, 미 국무장관
        (rules_people.state_secretary_hits) the State Department."""
        return ([(h.surface[:-2], h.surface) for h in hits if h.type == "place" and h.surface.endswith("출신")]
                + [("국무부", h.surface) for h in hits if h.type == "org" and h.surface.endswith("국무장관")])

    def venue_hits(self) -> list[_Hit]:
        """Hotels, resorts and halls where something happens, after their city or site (see _VENUE_END)."""
        if "호텔" not in self.text and "리조트" not in self.text and "홀" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _VENUE_END.finditer(self.text):
            i = bisect_right(self._word_starts, m.start()) - 1
            if i <= 0 or self.words[i].end < m.end():
                continue
            w, prev = self.words[i], self.words[i - 1]
            name = self.text[w.start : m.end()]
            stem = name[:-3] if name.endswith("리조트") else name[:-1] if name.endswith("홀") else name[:-2]
            if not _VENUE_NAME.fullmatch(name) or stem in _GENERIC_VENUE_STEMS:
                continue
            site = _suffix_type(prev.core)
            if (prev.closes or w.line_start or w.opens or self.known.type_of(name) not in (None, "place")
                    or self.known.type_of(prev.core) != "place" and not (site and site[0] == "place") and prev.core not in _BUILDING_WORDS):
                continue
            hits.append(_Hit(name, w.start, "rule", "place"))
        return hits

    def plant_town_hits(self) -> list[_Hit]:
        """The town a plant is named after, between a known place and 공장 (see _PLANT_KINDS)."""
        if " 공장" not in self.text:
            return []
        hits: list[_Hit] = []
        words = self.words
        for found in _PLANT.finditer(self.text):
            i = bisect_left(self._word_starts, found.start() + 1)
            if i < 2 or i >= len(words) or words[i].start != found.start() + 1:
                continue
            town, place = words[i - 1], words[i - 2]
            core = town.core
            if (town.closes or place.closes or town.opens or town.line_start or words[i].line_start
                    or not 2 <= len(core) <= 5 or not all(map(_is_hangul, core)) or core[-1] in _ADNOMINAL_ENDS
                    or core[-1] in "의에을를과와도" or core.endswith(("에서", "으로", "부터", "까지")) or core in _PLANT_KINDS
                    or core in _NOT_NAMES or self.known.type_of(core) is not None or self.known.get(_strip_tail(core))
                    or self.known.type_of(place.core) != "place"):
                continue
            hits.append(_Hit(core, town.start, "rule", "place"))
        return hits

    def _station_after_district(self, i: int, core: str) -> bool:
        """구의동 강변역, 마포구 합정역: a station written after the neighbourhood or ward it stands in (a …동 or …구 word of
        the address, not a common noun in 동/구); the station's own stem two to five Hangul syllables, not a common noun in
        역 (지역, 무역, 영역, 권역, 방역, 통역 …)."""
        if i == 0:
            return False
        w, prev = self.words[i], self.words[i - 1]
        stem = core[:-1]
        if prev.closes or w.line_start or w.opens or not 2 <= len(stem) <= 5 or not all(map(_is_hangul, stem)):
            return False
        if stem[-1] in _NOT_STATION_ENDS or stem in _NOT_NAMES or self.known.type_of(core) not in (None, "place"):
            return False
        district = prev.core
        return (3 <= len(district) <= 5 and district[-1] in "동구" and all(map(_is_hangul, district))
                and district not in _DISTRICT_GENERIC and district[-2:] not in _DISTRICT_GENERIC
                and district[:-1] not in _NOT_NAMES and self.known.type_of(district) in (None, "place"))

    def rural_place_hits(self) -> list[_Hit]:
        """A township or village named by its head's title (see _HEAD_OF_TOWN), a mountain by what lies on it (see _MOUNTAIN), a
        hamlet after its township and village (see _HAMLET)."""
        text = self.text
        hits: list[_Hit] = []
        if any(word in text for word in _HEAD_WORDS):  # literal scans first (C speed): most texts name no such head
            for m in _HEAD_OF_TOWN.finditer(text):
                k = 1 if m.group(1) else 2
                core = m.group(k)
                if core not in _DISTRICT_GENERIC and core[:-1] not in _NOT_NAMES and self.known.type_of(core) in (None, "place"):
                    hits.append(_Hit(core, m.start(k), "rule", "place"))
        if "산 " in text and any(word in text for word in _SLOPE_WORDS):
            for slope in _SLOPE.finditer(text):  # the slope word found first (a literal start: C speed), then the name before
                m = _MOUNTAIN_NAME.search(text, max(0, slope.start() - 4), slope.start() + 1)
                if m is None:
                    continue
                core = m.group(1)
                if core not in _COMMON_SAN and core[-3:] not in _COMMON_SAN and core[:-1] not in _NOT_NAMES and (
                        self.known.type_of(core) in (None, "place")):
                    hits.append(_Hit(core, m.start(1), "rule", "place"))
        for stream in _STREAM_END.finditer(text):  # each 천 with a particle or a space after (a literal start: C speed)
            at = stream.start()
            for back in (2, 3):
                m = _TOWN_STREAM.match(text, at - back) if at >= back else None
                if m and self._is_place(m.group(2)) and self.known.type_of(m.group(1)) in (None, "place"):
                    hits.append(_Hit(m.group(1), m.start(1), "rule", "place"))  # 화천천에서: the stream named after its town
                    break
        if "원전" in text:
            for m in _NUCLEAR_PLANT.finditer(text):
                stem = m.group(1)[:-2]
                if stem not in _GENERIC_PLANT_STEMS and stem not in _NOT_NAMES and self.known.type_of(m.group(1)) in (None, "place"):
                    hits.append(_Hit(m.group(1), m.start(1), "rule", "place"))
        if "마을" in text and ("읍 " in text or "면 " in text):
            for m in _HAMLET.finditer(text):
                core = m.group(1)
                if core[:-2] not in _NOT_NAMES and self.known.type_of(core) in (None, "place"):
                    hits.append(_Hit(core, m.start(1), "rule", "place"))
        return hits

    def district_hits(self) -> list[_Hit]:
        """Districts after the place they belong to (see _DISTRICT): 부산 금정구, 장수군 번암면, 나주시 영산동, and after such a
        district (수원시 영통구 망포동)."""
        hits: list[_Hit] = []
        words = self.words
        known = self.known
        districts: set[int] = set()  # words taken: a district names the one after it too (수원시 영통구 망포동)
        # the words that can be one, found in one compiled scan of the text (a loop over every word costs more)
        for found in _DISTRICT_WORD.finditer(self.text):
            i = bisect_left(self._word_starts, found.start())
            if i == 0 or i >= len(words) or words[i].start != found.start():
                continue
            prev = words[i - 1]
            w = words[i]
            if not prev.closes and not w.line_start and self._ward_before_dong(prev, w):
                hits += [_Hit(prev.core, prev.start, "rule", "place"),  # 양천구 목동: a ward and its neighbourhood
                         _Hit(_strip_tail(w.core), w.start, "rule", "place")]
                districts.update((i - 1, i))
                continue
            # after a known place, a district taken, or a town (배방읍 공수리)
            if prev.closes or known.type_of(prev.core) != "place" and not _TOWN.fullmatch(prev.core) and (
                    i - 1 not in districts or prev.core != _strip_tail(prev.core)):
                continue
            # 금마면에서: _strip_tail reads 면 as a tail (금마), so the word's own match gives the core after the others
            m = _DISTRICT.fullmatch(w.core) or _DISTRICT.fullmatch(_strip_tail(w.core)) or _DISTRICT.fullmatch(found.group(1))
            if m is None or w.line_start or w.opens:
                continue
            stem, core = m.group(1), m.group()
            if (len(stem) < 2 and not (m.group(2) == "구" and stem in _WARDS)) or core in _DISTRICT_GENERIC or stem in _NOT_NAMES:
                continue
            if title_family(core):
                continue  # 일본 신임총리가: a head of government after the country, not a village (리)
            if any(c in _LOANWORD_SYLLABLES or c in "터러" for c in stem):
                continue  # 판교 테크노밸리, 북미 배터리, 서울 갤러리: a transliterated word ending in 리 is no district
            if known.type_of(core) is not None:
                continue
            districts.add(i)
            hits.append(_Hit(core, w.start, "rule", "place"))
        if "번지" in self.text or "-" in self.text:
            for m in _LOT_ADDRESS.finditer(self.text):  # 은천동 634번지, (나주시 영산동 757-1)
                core = m.group(1)
                if core not in _DISTRICT_GENERIC and core[:-1] not in _NOT_NAMES and known.type_of(core) is None:
                    hits.append(_Hit(core, m.start(1), "rule", "place"))
        if "출신" in self.text:
            hits += [_Hit(m.group(), m.start(), "rule", "place") for m in _NATIVE_OF.finditer(self.text)
                     if known.type_of(m.group(1)) == "place"]
        if _DIGIT_DONG.search(self.text):  # a literal scan first: most texts have no 3동
            numbered = [_Hit(m.group(), m.start(), "rule", "place") for m in _NUMBERED_DONG.finditer(self.text)
                        if known.type_of(m.group()) is None]
            hits += numbered
            if numbered:
                hits += self._listed_dongs({h.start for h in numbered})
        return hits + self.rural_place_hits()

    def _ward_before_dong(self, prev: _Word, w: _Word) -> bool:
        """A ward (…구, two syllables or more before 구, no common noun: 연구, 입구, 자치구) right before a neighbourhood (…동,
        no common noun: 활동, 이동): 양천구 목동, 마포구 상수동 — each names the other as a place."""
        dong = _strip_tail(w.core)
        if not (prev.core.endswith("구") and 3 <= len(prev.core) <= 5 and dong.endswith("동")):
            return False
        return (prev.core not in _DISTRICT_GENERIC and prev.core[-2:] not in _DISTRICT_GENERIC and prev.core[:-1] not in _NOT_NAMES
                and all(map(_is_hangul, prev.core)) and 2 <= len(dong) <= 5 and dong not in _DISTRICT_GENERIC
                and dong[:-1] not in _NOT_NAMES and self.known.type_of(prev.core) in (None, "place")
                and self.known.type_of(dong) in (None, "place"))

    def _listed_dongs(self, numbered: set[int]) -> list[_Hit]:
        """The neighbourhoods of a schedule that lists them with dates (8일 부암동, 평창동 11일 청운효자동 … 18일 창신3동): in a
        run of words that are only neighbourhoods and dates, three neighbourhoods or more, one of them numbered, are all
        places (활동, 이동 and other common nouns in 동 break a run)."""
        hits: list[_Hit] = []
        run: list[_Word] = []
        for w in [*self.words, None]:
            kind = None if w is None or w.line_start and run else _schedule_word(w.core)
            if kind is not None:
                run.append(w)
                continue
            dongs = [x for x in run if _schedule_word(x.core) == "dong"]
            if len(dongs) >= 3 and any(x.start in numbered for x in dongs):
                hits += [_Hit(x.core, x.start, "rule", "place") for x in dongs
                         if x.start not in numbered and self.known.type_of(x.core) is None]
            run = [w] if w is not None and _schedule_word(w.core) is not None else []
        return hits
