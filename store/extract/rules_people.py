"""Rules that find people: a name before a title, a father's name and 주니어, bylines. The firm a head's name and title
name (한빛랩스 김하늘 대표) is rules_firm_heads'; people read from lists (commas, middle dots, titled brackets, line-ups,
bulleted works, performers) are rules_people_lists'; people named by a mark around the name (an age in
brackets, 씨, 故, a speaker label, a Hanja gloss) or by a Japanese name's shape are rules_people_marks'."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .hangul import strip_particle
from .lexicon import _TAIL_PIECES, _is_hangul, _is_tail, title_family
from .name_shapes import _JP_MARKERS, _SURNAMES, _WESTERN_GIVEN, _japanese_pair, _japanese_shaped, _looks_korean_name, _name_pair
from .people_names import _BODY_SHORT_ENDINGS, _PLACE_TITLES, _TITLE_HINT, _glued_name
from .rules_base import _BARRIER_TAGS, _FUNCTION_WORDS, _Hit, _LOANWORD_SYLLABLES, _NOT_NAMES, _Word, _strip_tail, _suffix_type
from .rules_firm_heads import _FirmHeadRules

_JUNIOR_NAME = re.compile(r"(?<![가-힣])([가-힣]{1,5}(?: [가-힣]{1,5})?) (?:주니어|2세)")
_ITEM_MARKS = frozenset("△▲▶■□●◆◇○•")
# Titles a foreign surname may stand before alone (루비오 국무장관, 베선트 재무장관): a firm never heads a ministry; not
# 대통령 or 총리, after which a country the alias file lacks would pass for a surname.
_MINISTER_TITLES = frozenset("장관 차관 대사".split())
# Titles a firm's name stands before (스티븐 발라반 람다 CEO): the word between a foreign name and one of these is the firm.
# Titles a head of state or government, a minister or an envoy holds, written after their country (폼페이오 미 국무장관).
_STATE_TITLES = frozenset("장관 차관 대사 총리 대통령".split())
_COUNTRY_ABBREVIATIONS = frozenset("미 중 일 러 영 독 북".split())  # 미 국무장관, 중 외교부장
_FIRM_TITLES = frozenset("CEO CTO CFO COO 대표 회장 부회장 사장 부사장 창업자".split())
# Heads of places written apart from a name (황정수 군수는, 김관영 도지사, 정근식 교육감이, 김경희 시장님과): 군수, 도지사 and
# 교육감 name no one else; 시장 and 지사 alone are a market and a branch, but never with 님.
# Their deputies are named so too (금철완 부시장, 박은주 부군수는, 정해진 부구청장과, 김현숙 부교육감): 부시장 is never a market.
_SPACED_HEAD_TITLE = re.compile(r"(?:(?:군수|도지사|교육감|부시장|부군수|부구청장|부교육감|행정부지사|경제부지사|행정부시장|경제부시장)(?:님)?"
                                r"|(?:시장|지사|구청장)님)(?P<tail>[가-힣]{0,3})")
_OPENER_PARTICLES = frozenset("엔 은 는 을 를 에 의 도 과 와 만".split())
# Compiled pre-checks (C speed) for the per-word rules: a word without any of these strings cannot fire the rule.
_BYLINE_WORD = re.compile("기자|특파원")
# A reporter of another outlet named in running text (an awards story): `게임메카 김미희 기자를`, the outlet a word of
# its own right before the name, 기자 followed by a particle (a byline's 기자 is followed by a space, = or an address).
_OUTLET_REPORTER = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z][가-힣A-Za-z0-9]{1,11}) ([가-힣]{3}) 기자"
                              r"(?=(?:가|를|는|와|과|의|에게|도|이|로)(?![가-힣A-Za-z0-9]))")
_OUTLET_ENDINGS = ("뉴스", "일보", "신문", "방송", "경제", "투데이", "타임스", "타임즈", "저널", "미디어", "메카", "포커스", "동아",
                   "데일리", "인사이트", "닷컴", "TV")
_OUTLET_UPPER = re.compile(r"[A-Z]{2,6}")  # KBS, JTBC, YTN
# The longest name run _REPORTER takes before 기자/특파원: 2-4 syllables, five more ·-names, a space.
_REPORTER_REACH = 4 + 5 * 5 + 1
_REPORTER = re.compile(r"([가-힣]{2,4}(?:·[가-힣]{2,4}){0,5})\s?(?:기자|특파원)")  # bounded: a 10^5-name ·-chain stays linear


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


# A firm's head's titles, written alone after the name (not a society's 협회장, a group's 그룹 회장 is the firm's)
_FIRM_HEAD_TITLES = frozenset("대표 대표이사 회장 부회장 사장 부사장 CEO CTO CFO COO 창업자 의장".split())
# A candidate after the party's name (더불어민주당 오세현, 국민의힘 박경귀 예비후보가): a name of three syllables, then a comma,
# a line's end or a word for a candidate or a lawmaker.
_PARTY_CANDIDATE = re.compile(r"(?<![가-힣])(?:더불어민주당|국민의힘|조국혁신당|개혁신당|정의당|진보당|민주당|국민의당|자유한국당|바른미래당"
                              r"|새누리당|미래통합당|무소속) ([가-힣]{3})(?=\s*[,·\n]| (?:예비)?후보|(?:예비)?후보| 의원| 당선인|$)")
# A North Korean vice minister, named before the ministry (…성) and 부상 (최수헌 외무성 부상이, 김성남 국방성 제1부상): 부상 alone is
# an injury, but never after a ministry's name. The ministry is an org of its own.
_VICE_MINISTER = re.compile(r"(?<![가-힣])([가-힣]{3}) ((?:외무|국방|국가보위|사회안전|인민보안|대외경제|대외무역|무역|체신|철도|보건|재정|농업"
                            r"|수산|문화|교육|상업|노동|체육|[가-힣]{1,4}공업)성) (?:제1)?부상(?=[이은는을과와의도]?(?![가-힣]))")
# The US Secretary of State named by the country and title (콜린 파월 미 국무장관, 미국 국무장관은): the title names the State
# Department (set16's convention: a head's title names the body), written with its country so the alias says no other
# country's minister (교황청 국무장관 is the Holy See's). rules_places.named_by_pairs joins it to 국무부.
_STATE_SECRETARY = re.compile(r"(?<![가-힣A-Za-z0-9])(?:미|미국) ?국무장관(?=(?:[은는이가을를의과와도에간]|에게|으로|과의|와의)?(?![가-힣]))")



_UNIVERSITY = re.compile(r"[가-힣]{2,4}대")  # 명지대, 한양대: a university before 교수
_ACADEMIC_TITLES = frozenset("교수 총장 부총장 학장".split())
# Nouns and adverbs of three syllables or with a particle that look like a surname and a given name before a title (사람이
# 교장이다, 이로써 김 교장과).
_NOT_NAME_STEMS = frozenset("사람 이로".split())
# before 교수 or 박사: a hospital's department (산부인과) or a university's (신소재공학과, 생명과학부)
_DEPARTMENT = re.compile(r"[가-힣]{0,8}(?:의학|내|외|신경|안|치|피부|비뇨기|이비인후|소아청소년|소아|산부인|병리)과|[가-힣]{1,10}학(?:과|부)")
# Determiners that stand before a noun and never before a person's name (각 부서별 팀장, 모든 지역별 담당자).
_DISTRIBUTIVES = frozenset("각 모든 여러 해당 매 각각의".split())
_SCHOOL_WORD = re.compile(r"[가-힣]{2,8}(?:고등학교|중학교|초등학교|여고|여중|고|중)")  # before 교장 (see rules_schools.school_hits)  # titles a university may stand before (김용하 건양대 총장)


# Words that close or join a list (선진과 창조의 모임 등 3당 원내대표, 김 및 이 의원): never one word of a foreign name.
_LIST_WORDS = frozenset("등 등등 및 외".split())
# -ist nouns (금메달리스트 손 시브메이스 선수, 저널리스트, 애널리스트, 피아니스트): what a person is, never a word of a name.
_IST_ENDINGS = ("리스트", "니스트", "티스트", "키스트")
# Election words that follow a candidate's or winner's name (조인선 후보가, 이승엽 당선자는): common nouns too (신약 후보 물질,
# 여야 후보들), so only a Korean name right before the word, with nothing between, is taken.
_ELECTION_TITLES = frozenset(("후보", "당선자"))


class _PeopleRules(_FirmHeadRules):
    """Persons. The players' rules (rules_players: transfers, clubs, results) and the list rules (rules_people_lists) are
    reached through `_Article`."""

    def is_name_word(self, w: _Word) -> bool:
        """One word of a foreign name (맷, 가먼, 브로크만): Hangul, a proper noun or unknown word."""
        core = w.core
        if (not all(_is_hangul(c) for c in core) or core in _NOT_NAMES or core in _LIST_WORDS or title_family(core)
                or core.endswith(_IST_ENDINGS)):
            return False
        kind = self.known.type_of(core)
        if kind is not None and kind != "person":
            return False
        if self.has_barrier(w) and not self._ends_like_a_particle_only(w):
            return False
        if w.tags is not None and not (all(tag == "NNP" for _, tag in w.tags) or (len(w.tags) == 1 and w.tags[0][1] == "NNG")):
            return False
        suffix = _suffix_type(core) if len(core) >= 4 else None
        return suffix is None or len(suffix[1]) < 2  # 당 과학기술특별위원회 위원장: a body and its head, not a name

    @staticmethod
    def _ends_like_a_particle_only(w: _Word) -> bool:
        """A transliterated name whose last syllable reads as a verb ending or particle (오카다, 기시다, 구니히로, 수베로):
        three syllables or more in the Japanese inventory, a marker syllable in it or 로 at its end, and no final
        consonant at the end (인사한, 주민이 stay words: no marker, or a verb's ㄴ)."""
        core = w.core
        return (len(core) >= 3 and not w.closes and (ord(core[-1]) - 0xAC00) % 28 == 0 and _japanese_shaped(core)
                and (core[-1] == "로" or any(c in _JP_MARKERS for c in core)))

    def is_korean_name(self, w: _Word, before_title: bool = False) -> bool:
        """최태원, 김경훈, 유영상: a surname syllable and a given name, not a common noun (이사회).
        Right before a title that takes a particle itself, a name may end like one: 안동은 부사장을,
        홍성은 대표는 (a place with a topic particle is not followed by a title noun)."""
        core = w.core
        if not _looks_korean_name(core) or core in _NOT_NAMES or title_family(core):
            return False
        if core[:2] in _NOT_NAMES and core[2:] in _OPENER_PARTICLES or core[:2] in _NOT_NAME_STEMS:
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
        # 최고의 작가, 최초의 여성 대표: a word in the genitive modifies the title, no name ends in 의 before one
        return before_title and core[-1] != "의" or strip_particle(core) == core

    # rules

    def title_hits(self) -> list[_Hit]:
        """Persons named by a title or by what the sentence does with them (these rules, rules_people_lists', rules_players',
        rules_people_shapes')."""
        return (self._titled_word_hits() + self.bracket_title_hits() + self.transfer_hits() + self.club_player_hits() + self.quoted_pair_hits()
                + self.speaker_label_hits() + self.scorer_hits() + self.hanja_name_hits() + self.music_group_hits()
                + self.party_candidate_hits() + self.item_work_hits() + self.vice_minister_hits() + self.state_secretary_hits()
                + self.people_shape_hits())

    def state_secretary_hits(self) -> list[_Hit]:
        """The State Department named by its head's title with the country (see _STATE_SECRETARY): the title as written."""
        if "국무장관" not in self.text:
            return []
        return [_Hit(m.group(), m.start(), "rule", "org") for m in _STATE_SECRETARY.finditer(self.text)]

    def vice_minister_hits(self) -> list[_Hit]:
        """A North Korean vice minister and the ministry (see _VICE_MINISTER)."""
        if "성 " not in self.text or "부상" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _VICE_MINISTER.finditer(self.text):
            name = m.group(1)
            if self._free_korean_name(name) and self.known.type_of(m.group(2)) in (None, "org"):
                hits += [_Hit(name, m.start(1), "title", "person"), _Hit(m.group(2), m.start(2), "rule", "org")]
        return hits

    def _free_korean_name(self, name: str) -> bool:
        """A word that looks like a Korean name, is no title or known non-name, and names nothing else in the alias file."""
        return (_looks_korean_name(name) and name not in _NOT_NAMES and not title_family(name)
                and self.known.type_of(name) in (None, "person"))

    def party_candidate_hits(self) -> list[_Hit]:
        """A candidate or lawmaker named right after the party (see _PARTY_CANDIDATE)."""
        if "당 " not in self.text and "무소속 " not in self.text and "국민의힘 " not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _PARTY_CANDIDATE.finditer(self.text):
            name = m.group(1)
            if (_looks_korean_name(name) and name not in _NOT_NAMES and not title_family(name) and name[-1] not in _BODY_SHORT_ENDINGS
                    and strip_particle(name) == name and self.known.type_of(name) in (None, "person")):
                hits.append(_Hit(name, m.start(1), "title", "person"))  # (국민의힘 지도부,: the party's body, no one)
        return hits

    def _titled_word_hits(self) -> list[_Hit]:
        """Persons named left of a title word: the name, then up to five organisation words."""
        hits: list[_Hit] = []
        words = self.words
        for i in self.hinted(_TITLE_HINT):  # the others hold no title word: the checks below would all say no
            w = words[i]
            spaced = self._spaced_head_title(i)
            if not (title_family(w.core) or _place_title_heads(w.core) and self._place_title(w.core) or spaced) or (
                    w.tags is not None and not self._title_is_noun(w)):
                continue
            if spaced:
                hits += spaced
                continue
            family = title_family(w.core)
            if family == "대사" and (w.core.startswith("주한") or i and words[i - 1].core == "주한"):
                hits += self._envoy_to_korea(i - 1 if w.core.startswith("주한") else i - 2)
                continue
            # 안동은 부사장을 / 안동은 대표는: the title is the noun phrase; 안동은 대표 관광지: an adjective
            title_ends_clause = w.closes or strip_particle(w.core) != w.core
            run: list[_Word] = []
            person: str | None = None
            start = 0
            j, steps = i - 1, 0
            workplace = False  # a school, university or department stands right before the title
            while j >= 0 and steps < 6 and not words[j + 1].line_start:
                word = words[j]
                if word.closes or title_family(word.core):
                    break
                if "·" in word.core and not run:
                    hits += self._dot_names(word)  # 김영식·구자근 국민의힘 의원: each a person
                    break
                if family in _ACADEMIC_TITLES and not run and _UNIVERSITY.fullmatch(word.core) and self.known.type_of(word.core) in (None, "org"):
                    hits.append(_Hit(word.core, word.start, "rule", "org"))  # 유홍준 명지대 교수: 명지대 is where, not who
                    j, steps, workplace = j - 1, steps + 1, j == i - 1
                    continue
                if j == i - 1 and word.core in _SURNAMES and word.core not in "전현" and not (
                        j > 0 and any(c in _LOANWORD_SYLLABLES for c in words[j - 1].core)):
                    break  # 이로써 김 교장과: a surname alone is a short form (전 총리: former; 젠슨 황 CEO: a foreign name)
                if family in ("교수", "박사") and not run and j == i - 1 and _DEPARTMENT.fullmatch(word.core):
                    j, steps, workplace = j - 1, steps + 1, True  # 조금준 산부인과 교수: the department is where, not who
                    continue
                if family == "교장" and not run and j == i - 1 and _SCHOOL_WORD.fullmatch(word.core):
                    j, steps, workplace = j - 1, steps + 1, True  # 김걸 용산고 교장: the school (school_hits names it) is where
                    continue
                if workplace and j == i - 2 and self._two_syllable_name(word) and not (
                        j > 0 and not words[j - 1].closes and not words[j].line_start and self.is_name_word(words[j - 1])
                        and not _looks_korean_name(words[j - 1].core)):
                    # 김걸 용산고 교장; not 레오 마틴 버클리대 교수, where 마틴 ends a foreign name
                    person, start = word.core, word.start  # 김걸 용산고 교장: a workplace between makes a short name safe
                    break
                # △이학은 마산대학교 총장: a list item opens with its name, which may end like a particle
                item = word.opens and self.text[word.start - 1 : word.start] in _ITEM_MARKS
                if len(run) == 1 and _looks_korean_name(word.core) and _japanese_pair(word.core, run[0].core):
                    person, start = f"{word.core} {run[0].core}", word.start  # 오카다 아키라 감독: not a Korean 오카다
                    break
                if self.is_korean_name(word, before_title=j == i - 1 and title_ends_clause or item) and len(run) < 2:
                    if j > 0 and words[j - 1].core in _DISTRIBUTIVES and not words[j].line_start:
                        break  # 각 부서별 팀장: "each" before it, a kind of unit (…별), no name
                    person, start = word.core, word.start
                    break
                if self.is_name_word(word) or j == i - 1 and self._firm_ending_like_a_verb(word):
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
            if (person is not None and not run and j == i - 1 and j > 0 and not words[j].line_start
                    and _strip_tail(w.core) in _FIRM_HEAD_TITLES
                    and self.known.type_of(f"{words[j - 1].core} {person}") is None  # 순다르 피차이 CEO: one foreign name
                    and self._starts_a_name(j - 1)):
                firm = self._firm_before_name(words[j - 1])  # 누리랩스 김하늘 대표는: the firm, then its head's name and title
                if firm:
                    hits.append(firm)
            if person is not None and len(run) == 1 and family in _FIRM_TITLES:
                firm = self._firm_between(run[0])  # 박재필 아유경제 대표, 문기주 크로앙스 회장: the word between is his firm
                if firm:
                    hits.append(firm)
            if family in _STATE_TITLES and len(run) >= 2 and run[-1].core in _COUNTRY_ABBREVIATIONS:
                run = run[:-1]  # 지난달 파월 미 국무장관: 미 is the country, no word of his name
            pair = None if self.verb_after_a_date(run) else _name_pair(run)  # 19일 열린 농협 조합장: no name
            if person is None and pair is not None:
                person, start = " ".join(x.core for x in pair), pair[0].start
                firm = run[run.index(pair[1]) + 1 :]
                if len(firm) == 1 and family in _FIRM_TITLES and self.known.type_of(firm[0].core) is None:
                    hits.append(_Hit(firm[0].core, firm[0].start, "rule", "company"))  # 스티븐 발라반 람다 CEO: his firm
            if person is None and i >= 3 and not run:
                person, start = self._japanese_name_before_body(i)  # 오카무라 다다시 일본상의 회장: the body reads as particles
            if person is None and family in _STATE_TITLES and i >= 3:
                person, start = self._foreign_name_before_country(i)  # 마이크 폼페이오 미 국무장관, 모테기 도시미쓰 일본 외무상
            if person is None and family in _MINISTER_TITLES and i > 0 and not w.line_start:
                lone = self._lone_foreign_surname(i - 1)  # 논의해 온 베선트 재무장관이: his surname alone
                if lone is not None:
                    person, start = lone.core, lone.start
            last = i - 1  # the word the listed names run back from
            if person is None and j == i - 1 and words[j].closes:
                glued = _glued_name(w.core)  # 황광민의원으로, after 강영록, 김영덕, …,
                if glued and self._comma_names(i - 1, need=2):
                    person, start, last = glued, w.start, i
            if person and family in _ELECTION_TITLES and (run or start != words[i - 1].start or " " in person):
                continue  # 정해진 가운데 후보들이, 당뇨 신약 후보 물질: a candidate's name stands right before the word, alone
            if person:
                hits.append(_Hit(person, start, "title", "person"))
                if start == words[last].start and last > 0:
                    hits += self._comma_names(last - 1, need=2)
        return hits

    def _spaced_head_title(self, i: int) -> list[_Hit]:
        """The Korean name of three syllables right before a head's title written apart (see _SPACED_HEAD_TITLE)."""
        w = self.words[i]
        m = _SPACED_HEAD_TITLE.fullmatch(w.core)
        if m is None or i == 0 or w.line_start or m.group("tail") and not _is_tail(m.group("tail")):
            return []
        prev = self.words[i - 1]
        if (i >= 2 and not prev.closes and not prev.line_start and prev.core[-1:] in "도시군구"
                and self.known.type_of(prev.core) == "place"):
            prev = self.words[i - 2]  # 정만호 강원도 경제부지사: the place he heads written between name and title
        if prev.closes or len(prev.core) != 3 or not self.is_korean_name(prev, before_title=True):
            return []
        return [_Hit(prev.core, prev.start, "title", "person")]

    def _envoy_to_korea(self, k: int) -> list[_Hit]:
        """The name before 주한…대사 (필립 골드버그 주한미국대사, 미즈시마 고이치 주한 일본대사): a foreign envoy, so the two to four
        name words that end at words[k] are one transliterated name, even where one looks Korean (고이치, 모휘니)."""
        run: list[_Word] = []
        words = self.words
        if k > 0 and not words[k].line_start and self.known.type_of(words[k].core) == "place":
            k -= 1  # 유스프 샤리프조다 타지키스탄 주한대사: the country written before 주한
        while k >= 0 and len(run) < 4:
            word = words[k]
            transliterated = all(map(_is_hangul, word.core)) and any(c in _LOANWORD_SYLLABLES for c in word.core)
            if word.closes or not (self.is_name_word(word) or transliterated) or word.core in _FUNCTION_WORDS:
                break  # 샤리프조다 ends like a verb (다) but is transliterated: a name word here
            run.insert(0, word)
            if word.line_start or word.opens:
                break
            k -= 1
        if len(run) < 2 or len(run) > 3 and not any(c in _LOANWORD_SYLLABLES for w in run for c in w.core):
            return []
        return [_Hit(" ".join(w.core for w in run), run[0].start, "title", "person")]

    def _foreign_name_before_country(self, i: int) -> tuple[str | None, int]:
        """Two name words right before a country and the state title at words[i] (마이크 폼페이오 미국 국무장관, 모테기 도시미쓰
        일본 외무상): a foreign name when it is Japanese-shaped or has a loanword syllable (not 지난달 폼페이오)."""
        first, last, country = self.words[i - 3 : i]
        if not (country.core in _COUNTRY_ABBREVIATIONS or self.known.type_of(country.core) == "place"):
            return None, 0
        initial = ""
        if (i >= 4 and first.closes and len(first.core) == 1 and "A" <= first.core <= "Z"
                and self.text.startswith(". ", first.end) and not first.line_start):
            initial, first = f" {first.core}.", self.words[i - 4]  # 조지 W. 부시 미국 대통령: a middle initial
        western = first.core in _WESTERN_GIVEN
        # 잭 스트로 영국 외무장관: a transliterated surname may end like a particle (로) after a Western given name
        last_ok = self.is_name_word(last) or western and all(map(_is_hangul, last.core)) and any(
            c in _LOANWORD_SYLLABLES for c in last.core) and self.known.type_of(last.core) is None
        if (first.closes or last.closes or country.closes or last.line_start or country.line_start or self.words[i].line_start
                or not self.is_name_word(first) or not last_ok
                or first.core in _FUNCTION_WORDS or last.core in _FUNCTION_WORDS):
            return None, 0
        if not (western or _japanese_pair(first.core, last.core) or any(c in _LOANWORD_SYLLABLES for c in first.core + last.core)):
            return None, 0
        if initial and not western:
            return None, 0
        return f"{first.core}{initial} {last.core}", first.start

    def _two_syllable_name(self, w: _Word) -> bool:
        """김걸, 김방: a surname and one syllable, no particle, no word the rules know as something else."""
        core = w.core
        return (len(core) == 2 and core[0] in _SURNAMES and all(map(_is_hangul, core)) and not w.closes and core not in _NOT_NAMES
                and strip_particle(core) == core and not title_family(core) and self.known.type_of(core) in (None, "person"))

    def _japanese_name_before_body(self, i: int) -> tuple[str | None, int]:
        """A Japanese name two words before the title at words[i], the word between being its firm or body (사토 시게타카
        케이한전기철도 CEO, 오카무라 다다시 일본상의 회장), which the walk back stopped at because it ends like a particle."""
        first, last, body = self.words[i - 3 : i]
        if (first.closes or last.closes or body.opens or last.line_start or body.line_start or self.words[i].line_start
                or not _japanese_pair(first.core, last.core)):
            return None, 0
        return f"{first.core} {last.core}", first.start

    def _lone_foreign_surname(self, k: int) -> _Word | None:
        """words[k] when it is a transliterated surname standing alone before a minister's or ambassador's title: loanword
        syllables in it, unknown to the alias file, and no name word before it (베선트, 러트닉; 미국 is a known place)."""
        w = self.words[k]
        if len(w.core) < 2 or not any(c in _LOANWORD_SYLLABLES for c in w.core) or not self.is_name_word(w):
            return None
        if self.known.type_of(w.core) is not None or _suffix_type(w.core) is not None:
            return None
        if k == 0 or w.line_start or w.opens:
            return w
        before = self.words[k - 1]
        return w if before.closes or self.has_barrier(before) or not self.is_name_word(before) else None

    def _place_title(self, core: str) -> bool:
        """경북도지사, 구미시장, 성남시장은, 양구군수: a head of a place, written glued to a place the alias file knows,
        also without its 시 or 군 (양구군수 heads 양구군); alone, 시장 is a market (전기차 시장)."""
        return any(self.known.type_of(place) == "place" for head in _place_title_heads(core)
                   for place in (head, head + "군", head + "시"))

    def _title_is_noun(self, w: _Word) -> bool:
        # 대표해/VV and 리더십 never reach here (title_family); this drops titles the analyzer reads as verbs
        return not any(tag.startswith(("V", "E")) and _is_hangul(form[0]) and form not in _TAIL_PIECES
                       for form, tag in w.tags or [])

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

    def outlet_reporter_hits(self) -> list[_Hit]:
        """Reporters of other outlets named in running text (see _OUTLET_REPORTER): the person when the word before is
        an outlet — a firm the alias file knows, an outlet-shaped name (게임메카, 게임동아, 파이낸셜뉴스) or capitals
        (KBS) — and that outlet a company (a known name, or as written when it is outlet-shaped)."""
        if " 기자" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _OUTLET_REPORTER.finditer(self.text):
            outlet, name = m.group(1), m.group(2)
            kind = self.known.type_of(outlet)
            shaped = outlet.endswith(_OUTLET_ENDINGS) and len(outlet) > 2 or _OUTLET_UPPER.fullmatch(outlet) is not None
            if not (kind == "company" or kind is None and shaped) or not self._free_korean_name(name):
                continue
            hits += [_Hit(name, m.start(2), "title", "person"), _Hit(outlet, m.start(1), "rule", "company")]
        return hits

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
