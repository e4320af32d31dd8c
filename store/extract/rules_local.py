"""Rules for the shapes of local news (round 18): the townships an electoral district covers, candidates listed after
their party or a count, a township and its village, a farm or shop named in quotes, a league season named after its
sponsor, and a branch named after its parent body (no entity of its own)."""
from __future__ import annotations

import re

from .hangul import strip_particle
from .lexicon import title_family
from .name_shapes import _SURNAMES, _looks_korean_name
from .rules_base import _ArticleBase, _Hit, _LOANWORD_SYLLABLES, _NOT_NAMES

_BODY_SHORT_ENDINGS = frozenset("위회단청처부실과소")  # 지도부, 선대위, 조직위: a body's short name, no given name's end

# An electoral district and the townships it covers, listed in a bracket by their short names (나 선거구(홍북, 금마,구항,
# 갈산), 가선거구(홍성읍), 제2선거구(온양1·2·3동)): each item a place as written. Bounded: one bracket of 80 characters.
_DISTRICT_BRACKET = re.compile(r"선거구 ?\(([^()\n]{2,80})\)")
_DISTRICT_ITEM = re.compile(r"[가-힣]{2,4}|[가-힣]{1,4}\d{1,2}(?:·\d{1,2}){0,3}동")
_TOWNSHIP_ENDS = ("읍", "면", "동")

# Candidates listed after their party (자유한국당 김헌수, 방은희, 권영식 예비후보가; 더불어민주당 백수기, 한건택, 이병국씨가;
# 신동규, 윤용관, 정상운 3명의): Korean names of three syllables with commas, the last one closed by a word for a candidate,
# 씨, a count of people or a particle. The first one alone is rules_people's _PARTY_CANDIDATE.
_PARTIES = ("더불어민주당|국민의힘|조국혁신당|개혁신당|정의당|진보당|민주당|국민의당|자유한국당|바른미래당|새누리당|미래통합당|한나라당"
            "|새정치민주연합|민주평화당|민중당|녹색당|무소속")
_PARTY_LIST = re.compile(r"(?<![가-힣])(?:" + _PARTIES + r") ([가-힣]{3}(?:, ?[가-힣]{3}){1,19})"
                         r"(?= ?(?:예비)?후보| ?씨| \d{1,2}명| 의원|(?:이|가|은|는|도|와|과)(?![가-힣]))")
# Names in a bracket right after a count of people (4명(최선경, 오석범, 한기권, 채현병)의 후보가): all of them or none.
_COUNT_NAMES = re.compile(r"\d{1,3}명 ?\(([가-힣]{3}(?: ?[,·] ?[가-힣]{3}){1,29})\)")
_NAME_SPLIT = re.compile(r" ?[,·] ?")

# A township and its village written together (도개면 신곡리, 송해면 당산리에서): both places. 면 and 리 end many common words
# and verb forms (측면, 장면, 하면, 보면; 처리, 우리, 자리), so both stems are two syllables, neither word is a common noun and
# the township's second syllable is no verb stem of a conditional (하면, 되면, 가려면).
_TOWNSHIP_VILLAGE = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2}면) ([가-힣]{2}리)"
                               r"(?=(?:[은는이가을를의에와과도]|에서|으로|로|에는|까지|부터)?(?![가-힣A-Za-z0-9]))")
_NOT_TOWNSHIPS = frozenset("""장면 측면 정면 전면 국면 화면 표면 이면 단면 방면 내면 외면 대면 직면 반면 당면 수면 지면 라면 일면 양면
    다면 사면 후면 평면 곡면 면면 체면 안면 복면 가면 상면 하면 되면 보면 오면 주면 나면 이면 지면 려면 으면 라면 다면 자면""".split())
_CONDITIONAL_STEMS = frozenset("하되보오가주나이지려으라다자서내치키시우두트드르러")
_NOT_VILLAGES = frozenset("""거리 처리 관리 원리 논리 수리 승리 정리 심리 요리 무리 대리 의리 유리 실리 조리 경리 총리 진리 권리 부리 소리
    자리 머리 우리 그리 다리 빨리 멀리 널리 고리 꼬리 마리 보리 미리 나리 이리 저리 도리 모리 비리 사리 주리 가리 갈리 몰리 걸리 열리
    들리 불리 팔리 밀리 살리 올리 풀리 흘리 달리 별리 분리 설리 섭리 순리 이리 차리 추리 파리 한리 회리 효리 물리 합리 편리 금리 국리
    질리 거리로 배리 사리 수리 정리 교리 기리 노리 누리 두리 마리 무리 서리 어리 오리 조리 지리 호리 후리""".split())

# A farm, orchard, ranch or shop named in quotes (사과농장 ‘솔개농원’에서, "행복목장"의): a company. Not a kind in quotes
# (‘주말농장’, ‘스마트팜’, ‘체험농장’).
_QUOTED_SHOP = re.compile(r"[‘'“\"]([가-힣]{1,8}(?:농원|농장|목장|과수원|사과원|양조장|상회|방앗간|정미소|농산))[’'”\"]")
_GENERIC_SHOP_STEMS = frozenset("""주말 체험 관광 스마트 가족 도시 공동 학교 치유 교육 시범 실습 사과 배 포도 딸기 감귤 한우 양돈 양계 젖소 축산
    유기 유기농 친환경 무농약 대규모 소규모 기업 개인 마을 동네 공유 텃밭 돌봄 사회적 청년 귀농 농업 농촌 우리 작은 행복한 동물 곤충
    태양광 수직 식물 버섯 인삼 버려진 폐 빈 옛 새 생태""".split())

# A league season named after its sponsor (프로축구 하나원큐 K리그1 2023의, 신한은행 SOL KBO리그 2024): the sponsor's word, a
# league the alias file knows as an event and the year: one event, named as written (the sponsor no mention of its own).
_SPONSORED_SEASON = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z][가-힣A-Za-z0-9]{1,9}(?: [A-Z]{2,5})?) ([가-힣A-Za-z]{0,6}리그[12]?) "
                               r"((?:19|20)\d\d)(?![\d년])")

# A season of a sport named after its sponsor and its year, in quotes ('2012 팔도 프로야구' 미디어데이, ‘신한은행 프로농구 2024’): an
# event (the sport's word alone is no name: the sponsor and the year make it one).
_QUOTED_SEASON = re.compile(r"[‘'“\"]((?:(?:19|20)\d\d )?([가-힣A-Za-z][가-힣A-Za-z0-9.]{1,10}) (?:프로야구|프로축구|프로농구|프로배구)"
                            r"(?: (?:19|20)\d\d)?)[’'”\"]")

# A branch named after its parent and the region it serves, written after the parent (고용노동부 경기지청, 한국전력 강원본부,
# 국민연금공단 서울지사): the parent (set18's convention), so the branch is no entity and its region no place.
_BRANCH_WORDS = ("지청", "지사", "본부", "지부", "지회", "지역본부", "지원", "사무소")


# A quoted work's closing mark, then its authors in a bracket (bounded items: linear).
_WORK_AUTHORS = re.compile(r"[’'”\"》」』]\(([가-힣]{2,4}(?: ?[,·] ?[가-힣]{2,4}){1,5})\)")
_HANGUL_RUN = re.compile(r"[가-힣]+")
# A name, its district in a bracket (bounded: linear), then 의원 (설훈(부천 원미구을) 의원실에)
_LAWMAKER_DISTRICT = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,4})\([^()\n]{0,24}(?:[갑을병정]|[가-힣][시군구])\) ?의원")


class _LocalRules(_ArticleBase):
    """Local news shapes (see the module's docstring)."""

    def local_hits(self) -> list[_Hit]:
        return (self.district_township_hits() + self.candidate_list_hits() + self.township_village_hits()
                + self.quoted_shop_hits() + self.sponsored_season_hits() + self.quoted_work_author_hits()
                + self.lawmaker_district_hits())

    def lawmaker_district_hits(self) -> list[_Hit]:
        """A lawmaker with his electoral district in a bracket between name and title (설훈(부천 원미구을) 의원실에,
        김도윤(국민의힘·서울 강남갑) 의원은): the bracket ends in a district's 갑/을/병/정 or a city, county or ward, so the
        word before it is a name even when it has two syllables."""
        if "의원" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _LAWMAKER_DISTRICT.finditer(self.text):
            name = m.group(1)
            two = len(name) == 2 and name[0] in _SURNAMES and name[-1] not in _BODY_SHORT_ENDINGS and name[-1] != "당"
            if (two and name not in _NOT_NAMES and not title_family(name) and strip_particle(name) == name
                    and self.known.type_of(name) in (None, "person")) or (len(name) > 2 and self._free_candidate_name(name)):
                hits.append(_Hit(name, m.start(1), "title", "person"))
        return hits

    def quoted_work_author_hits(self) -> list[_Hit]:
        """A report's or book's authors in a bracket right after its quoted title ('2021 한국반려동물보고서'(황원경, 손광표)에
        따르면, 《…》(김지수·이현우)): two to six Korean names, every one of them a free name, or none."""
        hits: list[_Hit] = []
        for m in _WORK_AUTHORS.finditer(self.text):
            items = [(m.start(1) + p.start(), p.group()) for p in _HANGUL_RUN.finditer(m.group(1))]
            if all(self._free_candidate_name(t) for _, t in items):
                hits += [_Hit(t, s, "rule", "person") for s, t in items]
        return hits

    def district_township_hits(self) -> list[_Hit]:
        """The townships an electoral district's bracket lists (see _DISTRICT_BRACKET): two items or more, each two to
        four Hangul syllables, or one township written whole (…읍, …면, …동); all of them or none."""
        if "선거구" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _DISTRICT_BRACKET.finditer(self.text):
            inner, offset = m.group(1), m.start(1)
            items = [(p.start(), p.group()) for p in re.finditer(r"[^,·ㆍ]+", inner)]
            items = [(offset + s + len(t) - len(t.lstrip()), t.strip()) for s, t in items]
            if not items or any(not _DISTRICT_ITEM.fullmatch(t) or t in _NOT_NAMES or title_family(t)
                                or self.known.type_of(t) not in (None, "place") for _, t in items):
                continue
            if len(items) == 1 and not items[0][1].endswith(_TOWNSHIP_ENDS):
                continue
            hits += [_Hit(t, s, "rule", "place") for s, t in items]
        return hits

    def _free_candidate_name(self, name: str) -> bool:
        return (_looks_korean_name(name) and name not in _NOT_NAMES and not title_family(name) and name[-1] not in _BODY_SHORT_ENDINGS
                and strip_particle(name) == name and self.known.type_of(name) in (None, "person"))

    def candidate_list_hits(self) -> list[_Hit]:
        """Candidates listed after their party (see _PARTY_LIST) or in a bracket after a count of people (see
        _COUNT_NAMES): all the names of a list look Korean, or none is taken."""
        text = self.text
        hits: list[_Hit] = []
        if "당 " in text or "무소속 " in text or "국민의힘 " in text:
            for m in _PARTY_LIST.finditer(text):
                hits += self._listed_names(m.group(1), m.start(1))
        if "명(" in text or "명 (" in text:
            for m in _COUNT_NAMES.finditer(text):
                hits += self._listed_names(m.group(1), m.start(1))
        return hits

    def _listed_names(self, listed: str, offset: int) -> list[_Hit]:
        found: list[_Hit] = []
        pos = 0
        for piece in _NAME_SPLIT.split(listed):
            start = listed.index(piece, pos)
            pos = start + len(piece)
            if not self._free_candidate_name(piece):
                return []
            found.append(_Hit(piece, offset + start, "title", "person"))
        return found

    def township_village_hits(self) -> list[_Hit]:
        """A township and its village (see _TOWNSHIP_VILLAGE)."""
        if "면 " not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _TOWNSHIP_VILLAGE.finditer(self.text):
            township, village = m.group(1), m.group(2)
            if (township in _NOT_TOWNSHIPS or township[1] in _CONDITIONAL_STEMS or village in _NOT_VILLAGES
                    or township[:2] in _NOT_NAMES or village[:2] in _NOT_NAMES
                    or any(c in _LOANWORD_SYLLABLES for c in township + village)
                    or self.known.type_of(township) not in (None, "place") or self.known.type_of(village) not in (None, "place")):
                continue
            hits += [_Hit(township, m.start(1), "rule", "place"), _Hit(village, m.start(2), "rule", "place")]
        return hits

    def quoted_shop_hits(self) -> list[_Hit]:
        """A farm or shop named in quotes (see _QUOTED_SHOP): a company."""
        text = self.text
        if not any(word in text for word in ("농원", "농장", "목장", "과수원", "사과원", "양조장", "상회", "방앗간", "정미소", "농산")):
            return []
        hits: list[_Hit] = []
        for m in _QUOTED_SHOP.finditer(text):
            name = m.group(1)
            stem = name[: -3] if name.endswith(("과수원", "사과원", "양조장", "방앗간", "정미소")) else name[:-2]
            if stem and stem not in _GENERIC_SHOP_STEMS and stem not in _NOT_NAMES and self.known.type_of(name) in (None, "company"):
                hits.append(_Hit(name, m.start(1), "rule", "company"))
        return hits

    def sponsored_season_hits(self) -> list[_Hit]:
        """A league season named after its sponsor (see _SPONSORED_SEASON): the league one the alias file knows as an event,
        the sponsor's word no known place, body or common word; and a sport's season in quotes with its sponsor and year
        (see _QUOTED_SEASON)."""
        hits: list[_Hit] = []
        for m in _SPONSORED_SEASON.finditer(self.text) if "리그" in self.text else ():
            sponsor, league = m.group(1), m.group(2)
            if (self.known.type_of(league) != "event" or sponsor in _NOT_NAMES or sponsor.split()[0] in _NOT_NAMES
                    or self.known.type_of(sponsor) not in (None, "company") or title_family(sponsor)
                    or strip_particle(sponsor) != sponsor):
                continue
            hits.append(_Hit(m.group(), m.start(), "rule", "event"))
        if "프로" in self.text:
            for m in _QUOTED_SEASON.finditer(self.text):
                name, sponsor = m.group(1), m.group(2)
                if (name[:2] in ("19", "20") or name[-2:].isdigit()) and sponsor not in _NOT_NAMES and not title_family(sponsor) \
                        and self.known.type_of(sponsor) in (None, "company") and self.known.type_of(name) in (None, "event"):
                    hits.append(_Hit(name, m.start(1), "rule", "event"))
        return hits

    def branch_of_parent(self, hit: _Hit) -> bool:
        """Whether an org hit is a branch written right after its parent (see _BRANCH_WORDS): the parent a body or firm
        the alias file knows, the branch's stem a place it knows, alone or with 도 or 시 (경기, 강원, 수원)."""
        surface = hit.surface
        if hit.type not in ("org", None) or " " in surface or not surface.endswith(_BRANCH_WORDS):
            return False
        suffix = next(w for w in sorted(_BRANCH_WORDS, key=len, reverse=True) if surface.endswith(w))
        stem = surface[: -len(suffix)]
        if len(stem) < 2 or "place" not in (self.known.type_of(stem), self.known.type_of(stem + "도"), self.known.type_of(stem + "시")):
            return False  # 경기지청: 경기 alone is a game, 경기도 the province
        before = self.text[max(0, hit.start - 24) : hit.start]
        if not before.endswith(" "):
            return False
        word = before.rstrip().rsplit(None, 1)[-1] if before.strip() else ""
        return self.known.type_of(word) in ("org", "company")
