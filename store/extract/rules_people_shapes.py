"""Round 21's person shapes (issue 11), each one that recurs across Korean outlets, not one page's: a presiding judge in
the bench's bracket or before 재판장 (every court story), a research team named after its leader (문명운 박사팀이: every
science desk), a township's head glued to the township (임채영 가야면장은: every local page), a mayor named with 시장
where only the office can stand (최대호 시장은 “…”, 박형준 시장 취임 이후, 조병돈 시장을 비롯 이현호 의장), and
players ranked with their tallies in brackets (데얀(56골), 김신욱(52골)). `_Article` (rules.py) joins them; rules_people's
title_hits calls people_shape_hits."""
from __future__ import annotations

import re
from bisect import bisect_left

from .hangul import strip_particle
from .lexicon import _is_hangul, _is_tail, title_family
from .name_shapes import _WESTERN_GIVEN, _looks_korean_name
from .rules_base import _ArticleBase, _Hit, _LOANWORD_SYLLABLES, _NOT_NAMES

# The presiding judge in the bench's bracket (형사합의부(재판장 오기두), 제1형사부(재판장 김아무개 부장판사)) or before the word
# (오기두 재판장은): 재판장 names a judge and nothing else; 주심 (the justice or referee in charge) too, in its bracket only.
_BENCH_BRACKET = re.compile(r"\((?:재판장|주심) ?(?:부장판사 |판사 |대법관 )?([가-힣]{3})(?: ?(?:부장판사|판사|대법관))?\)")
_BEFORE_PRESIDING = re.compile(r"(?<![가-힣A-Za-z0-9·])([가-힣]{3}) 재판장(?:님)?(?P<tail>[가-힣]{0,3})(?![가-힣])")

# A team named after its leader's title (문명운 박사팀이, 우성훈 KIST 박사팀은, 최희철(화학) 교수팀이, 김하늘 교수연구팀): up to two
# words of the body between (KIST, 천문연); the name is the person.
_TEAM_WORD = re.compile(r"(?:박사|교수)(?: ?연구)?팀")
_TEAM_WORD_FULL = re.compile(r"(?:박사|교수)(?:연구)?팀(?P<tail>[가-힣]{0,3})")

# A township's head glued to it (가야면장은, 호법면장, 온양읍장과): a Korean name right before. 동장 is left out (운동장).
_TOWNSHIP_HEAD = re.compile(r"[가-힣]{1,4}(?:면장|읍장)(?P<tail>[가-힣]{0,3})")

# 시장 after a name is a mayor only where a market cannot stand: speaking (최대호 시장은 “…), taking or holding office (박형준
# 시장 취임 이후, 주낙영 시장은 민선7기), or first in a list of titled dignitaries (조병돈 시장을 비롯 이현호 시의회의장). 지사 after a
# name is a governor the same way (a branch, 지사, neither speaks nor takes office).
_MAYOR = re.compile(r"(?<![가-힣A-Za-z0-9·])([가-힣]{3}) (?:시장|지사)(?P<tail>[은는이가을과와의]?)(?![가-힣])")  # at each " 시장"/" 지사"
_QUOTE_AFTER = re.compile(r" ?[“\"]")
# what closes a quotation someone said: a sentence's ending, the closing mark and a quotative (“…했다”며, “…겠다”고, “…요.”라고);
# not a market's quoted word (“상승세”를 이어갔다, “캐즘”이라고 불린다)
_SAID = re.compile(r"[다요죠까자네][.!?]?[”\"](?:이)?(?:라)?(?:고|며|면서)(?![가-힣])")
_OFFICE_AFTER = re.compile(r" (?:취임|재임|임기|당선|민선|시정|도정)")
_AMONG = re.compile(r" 비롯(?:해|한)?,? ")

# Players ranked with their tallies in brackets (데얀(56골), 김신욱(52골), 정조국·우성용(이상 40골); 양현종(10승)): items of one
# sentence, two Korean-name-shaped at least, so a list of clubs (울산(3승)) names no one. Bounded items: linear.
_TALLY_ITEM = re.compile(r"(?<![가-힣A-Za-z0-9·])([가-힣]{2,5}(?:·[가-힣]{2,5}){0,4})\((?:이상 |각 )?\d{1,4}"
                         r"(?:골|도움|홈런|타점|승|세이브|안타|득점|어시스트|리바운드|블로킹)\)")


# A player named right after his field position (주전 세터 김다인이, 유격수 박찬호는, 리베로 임명옥과): positions of volleyball,
# baseball, basketball and football that name nothing else (센터, 가드, 라이트 do: a building, a rail, a light). A Korean name
# of three syllables with its particle only (세터 자리를 is no player).
_POSITION_WORD = re.compile("세터|리베로|미들블로커|아웃사이드히터|아포짓스파이커|아포짓|윙스파이커|유격수|1루수|2루수|3루수|중견수"
                            "|좌익수|우익수|지명타자|포인트가드|슈팅가드|스트라이커|윙어|골잡이")  # literals: found first
_POSITION = re.compile(r"(?<![가-힣A-Za-z0-9])(?:" + _POSITION_WORD.pattern + r") ([가-힣]{3})"
                       r"(?:이|가|은|는|을|를|의|와|과|도|에게|까지|만)(?![가-힣])")


# A day or time word before a verb's modifier (19일 열린 농협 조합장, 이날 열린 회의): "held on the 19th", the commonest clause of a
# news lead; its ㄴ-form is no foreign given name.
_DATE_WORD = re.compile(r"\d{1,2}일(?:께|쯤|에)?|지난|이날|당일|오늘|어제|전날|이튿날|최근")


_TALLY_HINT = re.compile(r"(?:골|도움|홈런|타점|승|세이브|안타|득점|어시스트|리바운드|블로킹)\)")


class _PeopleShapeRules(_ArticleBase):
    """Round 21's person shapes (see the module's docstring)."""

    def people_shape_hits(self) -> list[_Hit]:
        return (self.judge_hits() + self.team_lead_hits() + self.township_head_hits() + self.mayor_hits() + self.tally_hits()
                + self.position_hits())

    def position_hits(self) -> list[_Hit]:
        """A player right after his position (see _POSITION)."""
        text = self.text
        if "경기" not in text and "시즌" not in text and "감독" not in text:
            return []  # a game report names its game, season or manager: two substring tests (C speed) spare the others a scan
        hits: list[_Hit] = []
        for word in _POSITION_WORD.finditer(self.text):
            m = _POSITION.match(self.text, word.start())
            if m is not None and self._shape_free_name(m.group(1)) and strip_particle(m.group(1)) == m.group(1):
                hits.append(_Hit(m.group(1), m.start(1), "title", "person"))
        return hits

    def verb_after_a_date(self, run: list) -> bool:
        """Whether a two-word run the title rule would read as a foreign name is a verb's ㄴ-modifier after a day word and a
        noun (19일 열린 농협 조합장): neither word has a loanword syllable (일론 머스크, 존 케리 keep theirs or their given name)."""
        if len(run) != 2 or any(c in _LOANWORD_SYLLABLES for w in run for c in w.core) or run[0].core in _WESTERN_GIVEN:
            return False
        first = run[0].core
        if len(first) < 2 or not _is_hangul(first[-1]) or (ord(first[-1]) - 0xAC00) % 28 != 4:
            return False  # ends in no ㄴ (열린, 개최된, 마련한)
        k = bisect_left(self._word_starts, run[0].start)
        return k > 0 and not self.words[k - 1].closes and _DATE_WORD.fullmatch(self.words[k - 1].core) is not None

    def _shape_free_name(self, name: str) -> bool:
        return (_looks_korean_name(name) and name not in _NOT_NAMES and not title_family(name)
                and self.known.type_of(name) in (None, "person"))

    def judge_hits(self) -> list[_Hit]:
        text = self.text
        if "재판장" not in text and "주심" not in text:
            return []
        hits = [_Hit(m.group(1), m.start(1), "title", "person") for m in _BENCH_BRACKET.finditer(text) if self._shape_free_name(m.group(1))]
        if "재판장" in text:
            for m in _BEFORE_PRESIDING.finditer(text):
                if (not m.group("tail") or _is_tail(m.group("tail"))) and self._shape_free_name(m.group(1)):
                    hits.append(_Hit(m.group(1), m.start(1), "title", "person"))
        return hits

    def _shape_name_word(self, k: int) -> bool:
        """words[k] is a Korean name as written, no particle, nothing known as anything else."""
        w = self.words[k]
        return strip_particle(w.core) == w.core and self._shape_free_name(w.core)

    def team_lead_hits(self) -> list[_Hit]:
        if "박사" not in self.text and "교수" not in self.text:
            return []
        hits: list[_Hit] = []
        words = self.words
        for i in self.hinted(_TEAM_WORD):
            m = _TEAM_WORD_FULL.fullmatch(words[i].core)
            if m is None or words[i].line_start or m.group("tail") and not _is_tail(m.group("tail")):
                continue
            for k in range(i - 1, max(i - 4, -1), -1):  # the name, then at most two words of its body
                w = words[k]
                if w.closes and k < i - 1:
                    break
                if self._shape_name_word(k):
                    hits.append(_Hit(w.core, w.start, "title", "person"))
                    break
                if w.line_start or w.opens or strip_particle(w.core) != w.core or w.closes:
                    break
        return hits

    def township_head_hits(self) -> list[_Hit]:
        if "면장" not in self.text and "읍장" not in self.text:
            return []
        hits: list[_Hit] = []
        words = self.words
        for i in self.hinted(re.compile("면장|읍장")):
            m = _TOWNSHIP_HEAD.fullmatch(words[i].core)
            if (m is None or i == 0 or words[i].line_start or words[i - 1].closes
                    or m.group("tail") and not _is_tail(m.group("tail"))):
                continue
            if self._shape_name_word(i - 1) and len(words[i - 1].core) == 3:
                hits.append(_Hit(words[i - 1].core, words[i - 1].start, "title", "person"))
        return hits

    def mayor_hits(self) -> list[_Hit]:
        hits: list[_Hit] = []
        for title in (" 시장", " 지사"):
            hits += self._heads_before(title)
        return hits

    def _heads_before(self, title: str) -> list[_Hit]:
        text = self.text
        hits: list[_Hit] = []
        pos = text.find(title, 3)
        while pos >= 0:  # the literal first (C speed), the name's pattern only where it is
            m = _MAYOR.match(text, pos - 3)
            pos = text.find(title, pos + 3)
            if m is None:
                continue
            name = m.group(1)
            if not self._shape_free_name(name):
                continue
            after = m.end()
            tail = m.group("tail")
            speaking = tail in ("은", "는", "이", "가") and _QUOTE_AFTER.match(text, after) is not None and self._said(after)
            office = tail in ("", "은", "는", "이", "가") and _OFFICE_AFTER.match(text, after) is not None
            among = m.group("tail") == "을" and self._titled_next(text, after)
            if speaking or office or among:
                hits.append(_Hit(name, m.start(1), "title", "person"))
        return hits

    def _said(self, after: int) -> bool:
        """Whether the quotation opening right after `after` closes, on its line within 400 characters, as said words."""
        text = self.text
        opened = text.find("“", after, after + 3)
        opened = opened if opened >= 0 else text.find('"', after, after + 3)
        line_end = text.find("\n", opened + 1, opened + 400)
        stop = line_end if line_end >= 0 else min(len(text), opened + 400)
        return _SAID.search(text, opened + 1, stop) is not None

    def _titled_next(self, text: str, after: int) -> bool:
        """After 시장을, 비롯(해) and a Korean name with a title word (…을 비롯 이현호 시의회의장,): a list of dignitaries."""
        m = _AMONG.match(text, after)
        if m is None:
            return False
        i = bisect_left(self._word_starts, m.end())
        words = self.words
        if i + 1 >= len(words) or words[i].start != m.end() or words[i].closes or words[i + 1].line_start:
            return False
        return self._shape_name_word(i) and title_family(words[i + 1].core) is not None

    def tally_hits(self) -> list[_Hit]:
        text = self.text
        if "(" not in text or not _TALLY_HINT.search(text):
            return []
        hits: list[_Hit] = []
        group: list[tuple[str, int]] = []
        last_end = -1
        for m in _TALLY_ITEM.finditer(text):
            gap = text[last_end : m.start()] if last_end >= 0 else ""
            if last_end < 0 or gap.strip() not in (",", "·", "와", "과", "및", ", 그리고"):
                hits += self._tally_group(group)
                group = []
            offset = m.start(1)
            for part in m.group(1).split("·"):
                group.append((part, offset))
                offset += len(part) + 1
            last_end = m.end()
        return hits + self._tally_group(group)

    def _tally_group(self, group: list[tuple[str, int]]) -> list[_Hit]:
        if sum(_looks_korean_name(p) and len(p) == 3 for p, _ in group) < 2:
            return []
        if not all(all(map(_is_hangul, p)) and p not in _NOT_NAMES and not title_family(p)
                   and self.known.type_of(p) in (None, "person") for p, _ in group):
            return []
        return [_Hit(p, start, "title", "person") for p, start in group]
