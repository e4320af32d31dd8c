"""Rules that find people by a mark around the name rather than a title: an age in brackets (신재민(36)), 씨, 여사 or 作
after it, 故 or 고 before it, a transcript's speaker label ([정성호/법무부 장관]), a Hanja gloss before a title (진념 (陳稔)
기아그룹 회장), and a Japanese family and given name by their shape. `_Article` (rules.py) joins them; the name tests
they share with the title rules are rules_people's (is_korean_name, _free_korean_name) and people_names'."""
from __future__ import annotations

import re

from .hangul import strip_particle
from .lexicon import _TAIL_MAX, _is_tail, title_after, title_family, titled_tail
from .name_shapes import _NOT_JAPANESE_FAMILY, _SURNAMES, _japanese_pair, _japanese_shaped, _looks_korean_name, hanja_glossed_name
from .people_names import _NAME_BEFORE, _glued_name
from .rules_base import _ArticleBase, _Hit, _NOT_NAMES, _strip_tail

# A Korean name with an age in brackets, as news writes the people it names without a title: 신재민(36), 강민지(30)·서솔(30)씨,
# 이은해(31, 왼쪽). The number is years (up to 110, 세/살 allowed), a short note may follow it; 김씨(30) is no name.
# _NAME_BEFORE: the 2-4 Hangul letters that end right before the bracket and start a word.
_AGE_BRACKET = re.compile(r"\((\d{1,3})(?:세|살)?(?:\s*[,·]\s*[^()\n]{1,20})?\)")  # found first: rare, so the scan is cheap
_NOT_GIVEN_NAMES = frozenset("씨 군 양 옹 측 등 모".split())  # 이모(44)씨, 김모(30): a name withheld
# A Korean name with 씨 after it, glued or spaced (배수민씨(박사과정), 윤하진 씨가): 씨 is said of people only. The name starts a
# word; what follows 씨 must be particles (씨앗, 씨름 are other words).
# 여사 too (김건희 여사는): said of women only; and 作 after an artist's name in a caption (▲ 김명석作 `집단적 환상`)
_HONORIFIC = re.compile(r"(?<![가-힣A-Za-z0-9·])([가-힣]{3}) ?(?:씨|여사|作(?![가-힣]))")
_SPEAKER_LABEL = re.compile(r"\[([가-힣]{2,4}) ?/ ?([^\[\]\n/]{1,30})\]")
# The late (고 백남기 농민의, 故 이한열 열사, 고(故) 김용균씨): 故 before a Korean name says it is a person; 고 alone is also an
# adjective's stem written apart (고 소득층, 고 위험군), so after 고 the name must be followed by 씨/님 or by a word for who the
# person was (a title, or one of _LATE_ROLES).
_LATE = re.compile(r"[고故](?<![가-힣A-Za-z0-9]고)\s?(?:\(故\)\s?)?([가-힣]{3})(?:(?![가-힣])|(?=[씨님의가는를와과은을도]))")
_LATE_ROLES = frozenset("""농민 열사 선생 선생님 할머니 할아버지 학생 군 양 일병 이병 상병 병장 하사 중사 상사 소위 중위 대위 소령 중령 대령
    소방관 소방교 소방장 경사 순경 경장 노동자 교사 작가 시인 화백 배우 가수 씨 님 어린이 여사 신부 목사 스님 장병 병사 선수""".split())
# A TV transcript's speaker label on a line of its own, name / where from or what (이우현 / 경북 안동시), before a quoted line.
_LINE_SPEAKER = re.compile(r"^([가-힣]{3}) ?/ ?[가-힣A-Za-z0-9 ·]{1,30}\n(?:[ \t]*\n)?[ \t]*[\"“]", re.M)
# A name glossed by its Hanja in brackets, as archives and formal stories write officials (진념 (陳稔) 기아그룹 회장, 고건 (高建)
# 국무총리, 김수한 (金守漢) 국회의장): the Hangul word starts a word; hanja_glossed_name checks the surname.
_HANJA_GLOSS = re.compile(r"\(([\u4e00-\u9fff\uf900-\ufaff]{2,4})\)")  # the bracket first (a literal: a fast scan), then the name
_GLUED_RUN = re.compile(r"[가-힣]{1,10}")
_HANJA_NAME = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,4}) ?\Z")  # 위원장=김용준 명예교수: the name after the = is a word of its own


class _PeopleMarkRules(_ArticleBase):
    """Persons named by a mark around the name (see the module's docstring)."""

    def hanja_name_hits(self) -> list[_Hit]:
        """A Korean name glossed by its Hanja (see _HANJA_GLOSS) with a title after it (진념 (陳稔) 기아그룹 회장은), or listed with
        commas before such a name (고건 (高建) 국무총리, 김수한 (金守漢) 국회의장과): a word glossed so (고가 (高價)) has no title."""
        text = self.text
        if "(" not in text:
            return []
        found = []
        for m in _HANJA_GLOSS.finditer(text):
            name = _HANJA_NAME.search(text, max(0, m.start() - 5), m.start())
            if name is not None and hanja_glossed_name(name.group(1), m.group(1)):
                found.append((name, m))
        hits: list[_Hit] = []
        listed_before = -1  # where the accepted glossed name after this one starts (read right to left)
        for named, m in reversed(found):
            name = named.group(1)
            if name in _NOT_NAMES or title_family(name) or self.known.type_of(name) not in (None, "person"):
                continue
            glued = _GLUED_RUN.match(text, m.end())  # 이회창(李會昌)총재와: the title glued to the bracket
            titled = title_after(text, m.end()) is not None or bool(glued) and titled_tail(glued.group())
            listed = listed_before >= 0 and text[m.end() : listed_before].strip() in (",", "·", "및", "와", "과")
            if titled or listed:
                hits.append(_Hit(name, named.start(1), "title", "person"))
                listed_before = named.start(1)
            else:
                listed_before = -1
        return hits

    def speaker_label_hits(self) -> list[_Hit]:
        """A transcript's speaker label, name / body and title in square brackets ([정성호/법무부 장관], [김민수 / 시의원]): the
        name, when it looks like a Korean name and the label ends in a title."""
        if "/" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _SPEAKER_LABEL.finditer(self.text):
            name, role = m.group(1), m.group(2).split()
            if (role and title_family(role[-1]) and _looks_korean_name(name) and name not in _NOT_NAMES
                    and self.known.type_of(name) in (None, "person")):
                hits.append(_Hit(name, m.start(1), "title", "person"))
        if "\n" in self.text:
            for m in _LINE_SPEAKER.finditer(self.text):
                name = m.group(1)
                if (_looks_korean_name(name) and name not in _NOT_NAMES and not title_family(name)
                        and self.known.type_of(name) in (None, "person")):
                    hits.append(_Hit(name, m.start(1), "title", "person"))
        return hits

    def late_hits(self) -> list[_Hit]:
        """The late, named after 故 or 고 (see _LATE): three syllables that look like a Korean name, unknown or a person."""
        text = self.text
        if "故" not in text and " 고 " not in text and "\n고 " not in text and "'고 " not in text and "‘고 " not in text and (
                not text.startswith("고 ")):
            return []  # substring tests (C speed): 고 ending a verb (하고 ) is glued to it
        hits: list[_Hit] = []
        for m in _LATE.finditer(text):
            name, start = m.group(1), m.start(1)
            if not self._free_korean_name(name):
                continue
            if "故" not in text[m.start() : start]:
                after = text[start + 3 : start + 16]
                glued = after[:1] in ("씨", "님")
                next_word = after.split()[0] if after[:1] == " " and after.split() else ""
                role = _strip_tail(next_word) if next_word else ""
                if not (glued or next_word and (role in _LATE_ROLES or next_word in _LATE_ROLES
                                                 or title_family(next_word) and not _glued_name(next_word))):
                    continue  # 고 소득층의, 고 위험군은: an adjective's stem, no late person
            hits.append(_Hit(name, start, "title", "person"))
        return hits

    def age_hits(self) -> list[_Hit]:
        """People named with their age in brackets (see _NAME_AGE): three syllables that look like a Korean name, or two
        (a surname and one syllable: 서솔(30)) since the age says it is a person."""
        if "(" not in self.text:
            return []
        hits: list[_Hit] = []
        text = self.text
        for m in _AGE_BRACKET.finditer(text):
            before = _NAME_BEFORE.search(text, max(0, m.start() - 5), m.start())
            if before is None or not 1 <= int(m.group(1)) <= 110:
                continue
            if text[m.end() : m.end() + 1] in ("\n", "") and text[before.start() - 1 : before.start()] in ("\n", ""):
                continue  # 경제(31) alone on its line: a menu's count of stories, not an age
            name = before.group()
            two = len(name) == 2 and name[0] in _SURNAMES and name[1] not in _NOT_GIVEN_NAMES
            if not (two or _looks_korean_name(name)) or name in _NOT_NAMES or title_family(name):
                continue
            if self.known.type_of(name) in (None, "person"):
                hits.append(_Hit(name, before.start(), "title", "person"))
        return hits

    def japanese_name_hits(self) -> list[_Hit]:
        """A Japanese family and given name without a title (2위 시부노 히나코를, 외무상 하야시 다카오는): two words in the
        kana inventory with marker syllables (see _japanese_pair), the second with its particle; neither known as anything
        else, nor a word the rules know is no name."""
        hits: list[_Hit] = []
        words = self.words
        positions = self._core_positions  # the shape test once a distinct core: most fail it, the checks below run for few
        shaped = sorted([i for core, at in positions.items() if _japanese_shaped(core) for i in at])
        for i in shaped:
            if i + 1 == len(words):
                break
            first, last = words[i], words[i + 1]
            if first.closes or last.line_start or last.opens:
                continue
            given = strip_particle(last.core)
            if (strip_particle(first.core) != first.core or first.core in _NOT_JAPANESE_FAMILY or last.core.endswith("인")
                    or self.known.type_of(first.core.rstrip("와과")) not in (None, "person")):
                continue  # 도요타와 …, 투수 케이시, 시즌 루키인 (인: "who is"): a word of the sentence, no family name
            if not _japanese_pair(first.core, given) or _japanese_pair(first.core, last.core) and given != last.core and (
                    self._ends_like_a_particle_only(last)):
                continue  # 오카다 구니히로: a particle-like end kept only when the whole word is no name
            if any(self.known.type_of(x) not in (None, "person") for x in (first.core, given, f"{first.core} {given}")):
                continue
            hits.append(_Hit(f"{first.core} {given}", first.start, "rule", "person"))
        return hits

    def honorific_hits(self) -> list[_Hit]:
        """People named with 씨 after them (see _HONORIFIC): a name of three syllables that looks Korean."""
        if "씨" not in self.text and "여사" not in self.text and "作" not in self.text:
            return []
        hits: list[_Hit] = []
        text = self.text
        for m in _HONORIFIC.finditer(text):
            name = m.group(1)
            run = re.match(r"[가-힣]*", text[m.end() : m.end() + _TAIL_MAX + 1]).group()
            if run and not _is_tail(run):
                continue
            if self._free_korean_name(name):
                hits.append(_Hit(name, m.start(1), "title", "person"))
        return hits
