"""Rules that read people from lists: names listed with commas or spaced middle dots before a titled name (강영록, 김영덕,
황광민 의원), names joined by middle dots (김영식·구자근 의원, 임영웅·싸이·이수영), names with their titles in brackets, alone or
listed (외과팀(외과 장진영, 권우일, 김홍범 교수)), a photo's line-up (왼쪽부터 …), a bulleted list of artists and their works
(△이현정의 '…' △김유림의 '…'), and performers listed before 등 가수들 or named before their members. `_Article` (rules.py)
joins them; rules_people's title rules call _comma_names and _dot_names; the name tests both read are people_names'."""
from __future__ import annotations

import re

from .hangul import strip_particle
from .lexicon import _is_hangul, _is_tail, title_family
from .name_shapes import _looks_korean_name
from .rules_base import _ArticleBase, _Hit, _NOT_NAMES, _Word, _strip_tail, _suffix_type
from .people_names import _BODY_SHORT_ENDINGS, _NAME_BEFORE, _PLACE_TITLES, _TITLE_HINT, _glued_name, _is_title_word

_ABBREVIATION_FIRST = re.compile(r"[A-Z][A-Za-z0-9&]{1,9},")  # (KGMA, 회장 이택수)
# A photo's line-up in brackets ((왼쪽부터 현민재 한빛대 교수, 레오 마틴 UC버클리 교수)): the words are taken out of the text
# the rules read, so the bracket is read on its own.
_LINEUP = re.compile(r"\((?:사진\s?)?(?:왼쪽|오른쪽|좌측|우측|앞줄 왼쪽|뒷줄 왼쪽)(?:부터|에서)\s?([^()\n]{4,300})\)")
# a legal form may sit inside ((주)ISC 대표): its own brackets are part of the inner text
_SHORT_BRACKET = re.compile(r"\(((?:[^()\n]|\((?:주|재|사|유)\)){2,60})\)")
# Titles in a bracket after a firm, before its head's name (누리소프트(대표 김하늘), 한빛건설(대표이사 박서준)): 회장 heads societies
# as often, so not it.
_FIRM_BRACKET_HEADS = frozenset("대표 대표이사 사장 CEO 대표집행임원".split())  # 현대LNG해운(대표집행임원 이규봉)
# Heads of local offices written before their name in the office's bracket (강화소방서(서장 김성덕), 인천서부교육지원청(교육장
# 김광범), 홍성읍(읍장 이정희)): titles only there (서장, 읍장 and 면장 alone are rare; 교육장 is also a training hall).
_OFFICE_BRACKET_HEADS = frozenset("서장 교육장 지청장 지검장 병원장 읍장 면장 동장 조합장 지점장 지부장 지회장 지사장 학교장".split())
_BRACKET_TOKEN = re.compile(r"[^\s=]+")
# Music groups and singers are persons here (bench/gold_pages/set14/SOURCES.md); rules_roles reads one after the word for what
# it is (걸그룹 에스파는, 아이돌 그룹 아스트로가).
# A list of them closed by 등 and a word for performers (세븐틴, 엔하이픈, 뉴진스 등 레이블 아티스트들이; 임영웅·이찬원 등 가수들): one
# word may stand between 등 and the kind.
_PERFORMERS_AFTER = re.compile(r" 등(?:의)? (?:[가-힣A-Za-z0-9]{1,6} )?(?:(?:인기|트로트|유명|초대) ?)?(?:아티스트|가수|아이돌|걸그룹|보이그룹|아이돌 ?그룹)(?:들)?"
                               r"(?=[이가은는을를의과와도에]|\s|[,.]|$)")
# A bulleted list of artists, each item a name, its possessive and a quoted work (△이현정의 '공(空) · 간(間)' △김유림의
# 'TOMATOMA EUL', △박지원 '뿔이난 동심'): the work's quote after the name. Fixed widths: one scan, no backtracking.
_ITEM_WORK = re.compile(r"[△▲▶■□●◆◇○•] ?([가-힣]{3})(?:의)? ?(?=['‘\"“「『〈《<])")
# Any item of such a list (△김지훈 전시전): a name of three syllables after the mark, then a space, a quote or 의.
_ITEM_NAME = re.compile(r"[△▲▶■□●◆◇○•] ?([가-힣]{3})(?=의|\s|['‘\"“「『〈《<])")
_LIST_ITEM = re.compile(r"[가-힣A-Za-z][가-힣A-Za-z0-9&\-]{1,15}")
# A group before its members (방탄소년단 멤버들의, 뉴진스의 멤버 하니), read only in a story about music (_MUSIC_WORDS): the word
# before 멤버, unless it says which members (핵심 멤버, 창립 멤버) or what kind of body they belong to (팀, 위원회).
_GROUP_MEMBERS = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z][가-힣A-Za-z0-9&\-]{1,15}?)(?:의)? 멤버(?P<tail>[가-힣]{0,4})(?![가-힣])")
_MUSIC_WORDS = re.compile(r"앨범|음반|컴백|아이돌|걸그룹|보이그룹|월드투어|빌보드|K팝|케이팝|팬덤|음원|타이틀곡")
_NOT_GROUPS = frozenset("""핵심 창립 원년 기존 신규 새 팀 그룹 밴드 유닛 크루 위원회 이사회 정식 준 일부 다른 모든 각 나머지 해당 주요 전 현 전체
    구성 합류 탈퇴 출신 남성 여성 남자 여자 막내 리더 일반 정규 고정 프로젝트 연합 동료 기존의 원래 최연소 최고령 멤버 해외 국내 한국인 외국인
    중국인 일본인 그 이 저 두 세 네 다섯 여섯 일곱 여덟 아홉 열 전원 나머지 클럽 동아리 가족 회원 파티 스태프 출연진
    예능 방송 프로그램 시즌 완전체 오리지널 댄스 보컬 래퍼""".split())
_TITLE_BEFORE_BRACKET = re.compile("(?:" + "|".join(("회장", "사장", "대표", "대표이사", "부회장", "CEO")) + r")\Z")


class _PeopleListRules(_ArticleBase):
    """Persons read from lists and enumerations (the title walks they serve are rules_people's, the name tests people_names')."""

    def _comma_names(self, k: int, need: int) -> list[_Hit]:
        """The names listed with commas that end at words[k] (강영록, 김영덕, 김정숙, …): Korean names only, each followed by a
        comma, at least `need` of them (one name and a comma before a titled name may be a clause: 이사회, 김 의장)."""
        found: list[_Hit] = []
        words, text = self.words, self.text
        noted = False  # a name with its role in brackets (양성수(외과),) is one even alone before a titled name
        while k >= 0 and len(found) < 30:
            w = words[k]
            after = w.end
            if text[after : after + 1] == "(":
                close = text.find(")", after, after + 30)
                after, noted = (close + 1, True) if close > 0 else (after, noted)
            # the list is the evidence: 이상만, is a name here (alone, 이상만 may be "only above"); a spaced middle dot joins
            # names only (이정민 · 강서준 교수), so one is enough
            dotted = text.startswith(" · ", after)
            noted = noted or dotted
            if (text[after : after + 1] != "," and not dotted or not _looks_korean_name(w.core) or w.core in _NOT_NAMES or title_family(w.core)
                    or self.known.type_of(w.core) not in (None, "person")):
                break
            found.append(_Hit(w.core, w.start, "title", "person"))
            if w.line_start or w.opens:
                break
            k -= 1
        return found if len(found) >= need or noted else []

    def _dot_names(self, w: _Word) -> list[_Hit]:
        """Korean names joined by middle dots before a title (김영식·구자근 의원): every part must look like one. A bill's
        sponsors may be listed twenty in a row (길정우·이철우·…·정병국 의원 등 20명): the all-parts check keeps long lists safe."""
        parts = w.core.split("·")
        if not 2 <= len(parts) <= 30:
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

    def dot_list_people(self, people: list[_Hit]) -> list[_Hit]:
        """The other names of a ·-joined list in which one is a person found by another rule (임영웅·싸이·이수영: 임영웅 is a
        singer): each a Hangul word of two to four syllables that names nothing else."""
        found = {h.surface for h in people if h.type == "person"}
        if not found:
            return []
        hits: list[_Hit] = []
        for w in self.words:
            if "·" not in w.core:
                continue
            parts = w.core.split("·")
            if not 2 <= len(parts) <= 6 or not found & set(parts):
                continue
            offset = w.start
            for part in parts:
                if (part not in found and 2 <= len(part) <= 4 and all(map(_is_hangul, part)) and part not in _NOT_NAMES
                        and not title_family(part) and self.known.type_of(part) in (None, "person")):
                    hits.append(_Hit(part, offset, "title", "person"))
                offset += len(part) + 1
        return hits

    def bracket_title_hits(self) -> list[_Hit]:
        """People named with their title inside brackets, alone or listed (나주시의회(김선용 의장), 외과팀(외과 장진영, 권우일,
        김홍범 교수)): the bracket's words end in a title; the names before it look like Korean names, the earlier ones each
        followed by a comma."""
        if "(" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _SHORT_BRACKET.finditer(self.text):
            inner = m.group(1)
            if self.known.type_of(inner.strip()) == "company":
                before = _NAME_BEFORE.search(self.text, max(0, m.start() - 5), m.start())
                name = before.group() if before else ""
                if (_looks_korean_name(name) and name not in _NOT_NAMES and not title_family(name)
                        and self.known.type_of(name) is None):
                    hits.append(_Hit(name, before.start(), "title", "person"))  # 김재환(두산 베어스): a player and his club
                continue
            if not _TITLE_HINT.search(inner) and inner.split(" ", 1)[0] not in _OFFICE_BRACKET_HEADS:
                continue  # no title word in it
            tokens = list(_BRACKET_TOKEN.finditer(inner))
            if len(tokens) == 3 and _ABBREVIATION_FIRST.fullmatch(tokens[0].group()):
                tokens = tokens[1:]  # 한국게임전문미디어협회(KGMA, 회장 이택수): the body's abbreviation, then its head
            head = tokens[0].group() if len(tokens) == 2 else ""
            if head and (head in _PLACE_TITLES or head == "구청장" or head in _FIRM_BRACKET_HEADS or head in _OFFICE_BRACKET_HEADS
                         or _is_title_word(head) and strip_particle(head) == head):
                name = tokens[1].group()  # 서대문구(구청장 이성헌), 연합회(회장 이규홍): the head after its title
                if _looks_korean_name(name) and name not in _NOT_NAMES and self.known.type_of(name) in (None, "person"):
                    hits.append(_Hit(name, m.start(1) + tokens[1].start(), "title", "person"))
                    if head in _FIRM_BRACKET_HEADS:
                        firm = self._firm_before_bracket(m.start())
                        if firm:
                            hits.append(firm)  # 누리소프트(대표 김하늘)는: the firm its head is named after
                continue
            if not tokens or not inner.rstrip().endswith(tokens[-1].group()):
                continue
            last = tokens[-1].group()
            if (len(tokens) >= 2 and title_family(last) and not _glued_name(last) and strip_particle(last) == last
                    and not any(_looks_korean_name(t.group().rstrip(",")) for t in tokens[:-1])):
                named = self._name_before_titled_bracket(m.start())
                if named:
                    hits.append(named)  # 정영배((주)ISC 대표), 채희봉(산업통상자원부 무역투자실장): the name, its post in brackets
                    continue
            if len(tokens) < 2 or not _is_title_word(last):
                continue
            if len(tokens) == 2 and _TITLE_BEFORE_BRACKET.search(self.text, max(0, m.start() - 8), m.start()):
                continue  # 오카무라 다다시 일본상의 회장(도시바 상담역): a titled person's other post, its firm before the title
            offset = m.start(1)
            for n, token in enumerate(reversed(tokens[:-1])):
                name = token.group().rstrip(",")
                if (n and not token.group().endswith(",") or n == 0 and token.group().endswith(",")
                        or not _looks_korean_name(name) or name in _NOT_NAMES or self.known.type_of(name) not in (None, "person")):
                    break
                hits.append(_Hit(name, offset + token.start(), "title", "person"))
        return hits

    def _name_before_titled_bracket(self, start: int) -> _Hit | None:
        """The Korean name written right before a bracket that holds a post and its body and names no one in it
        (김하늘(한빛전자 대표)): three syllables that start a word and look like a name, unknown or a known person; not a
        body's short name (조직위(대회 위원장), 준비단(단 단장)), nor a lone title ((위원장) may follow a body)."""
        before = _NAME_BEFORE.search(self.text, max(0, start - 5), start)
        name = before.group() if before else ""
        if (len(name) >= 3 and name[-1] not in _BODY_SHORT_ENDINGS and _looks_korean_name(name) and name not in _NOT_NAMES
                and not title_family(name)
                and self.known.type_of(name) in (None, "person")):
            return _Hit(name, before.start(), "title", "person")
        return None

    def lineup_hits(self) -> list[_Hit]:
        """People (and their universities) named with titles in a bracketed photo line-up (see _LINEUP)."""
        if "부터" not in self.text and "에서" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _LINEUP.finditer(self.text):
            inside = type(self)(m.group(1), None, self.known)
            hits += [_Hit(h.surface, h.start + m.start(1), h.evidence, h.type) for h in inside._titled_word_hits()]
        return hits

    def item_work_hits(self) -> list[_Hit]:
        """Artists in a bulleted list of works (see _ITEM_WORK): two items or more on one line, each a name and its quoted
        work; every name of them must look Korean (all or none), and then every item of that line that opens with a name
        is one too (△김지훈 전시전)."""
        text = self.text
        if not any(mark in text for mark in "△▲▶■□●◆◇○•"):
            return []
        by_line: dict[int, list[re.Match]] = {}
        line_start, seen = -1, 0  # the line start is looked for only between matches: linear on a one-line text
        for m in _ITEM_WORK.finditer(text):
            line_start = max(line_start, text.rfind("\n", seen, m.start()))
            seen = m.start()
            by_line.setdefault(line_start, []).append(m)
        hits: list[_Hit] = []
        for line_start, found in by_line.items():
            if len(found) < 2 or not all(self._free_korean_name(m.group(1)) for m in found):
                continue
            line_end = text.find("\n", found[-1].end())
            for m in _ITEM_NAME.finditer(text, line_start + 1, len(text) if line_end < 0 else line_end):
                if self._free_korean_name(m.group(1)):
                    hits.append(_Hit(m.group(1), m.start(1), "title", "person"))
        return hits

    def _group_name_ok(self, name: str) -> bool:
        return (name not in _NOT_GROUPS and name not in _NOT_NAMES and not title_family(name) and _suffix_type(name) is None
                and self.known.type_of(name) in (None, "person"))

    def music_group_hits(self) -> list[_Hit]:
        """Music groups and singers named in a list closed by a word for performers, or before their members (see
        _PERFORMERS_AFTER, _GROUP_MEMBERS)."""
        text = self.text
        hits: list[_Hit] = []
        if "등" in text:
            floor = 0
            for m in _PERFORMERS_AFTER.finditer(text):
                items: list[tuple[int, str]] = []
                k, low, floor = m.start(), floor, m.end()
                while len(items) < 30 and k > low:
                    sep = max(text.rfind(",", low, k), text.rfind("·", low, k), text.rfind("\n", low, k))
                    begin = sep + 1 if sep >= 0 else low  # no separator: the piece starts where the last list ended, not at
                    piece = text[begin:k]                 # the text's start (that made a long text quadratic)
                    item = piece.strip()
                    if not _LIST_ITEM.fullmatch(item) and items and text[k] == "·" and piece[-1:] != " ":
                        item = piece.split()[-1] if piece.split() else ""  # 무대에선 임영웅·이찬원 등: a dot joins words only
                        if _LIST_ITEM.fullmatch(item):
                            items.append((k - len(item), item))
                        break
                    if not _LIST_ITEM.fullmatch(item):
                        words = piece.split()
                        last = words[-1] if len(words) >= 2 and piece[-1:] != " " else ""
                        if (len(items) >= 2 and text[k] == "," and _LIST_ITEM.fullmatch(last)
                                and last[-1] not in "다고며서돼해된한던는은을를의와과도에이가로"):
                            items.append((k - len(last), last))  # 행사가 진행돼 초아, 할리퀸, 도미노보이즈 등: the list's first
                        break
                    items.append((begin + len(piece) - len(piece.lstrip()), item))
                    if sep < 0 or text[sep] == "\n":
                        break
                    k = sep
                if len(items) >= 2 and all(self._group_name_ok(item) and item[-1] not in "은는을를의와과도에" for _, item in items):
                    hits += [_Hit(item, start, "title", "person") for start, item in items]
        if "멤버" in text and _MUSIC_WORDS.search(text):
            for m in _GROUP_MEMBERS.finditer(text):
                name = m.group(1)
                if (self._group_name_ok(name) and _strip_tail(name) == name and name[-1] not in "은는을를의와과도에"
                        and (not m.group("tail") or _is_tail(m.group("tail")))):
                    hits.append(_Hit(name, m.start(1), "title", "person"))
        return hits
