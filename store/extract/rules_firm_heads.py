"""Rules that find a company by its head: the firm written before its head's name and title (한빛랩스 김하늘 대표는,
누리AI 박서준 CEO는) or glued before a bracket that names its head (누리소프트(대표 김하늘)는). The people rules
(rules_people) find the name and the title and ask these which word before them is the firm."""
from __future__ import annotations

import re

from .hangul import strip_particle
from .lexicon import _has_latin, _is_hangul, title_family
from .name_shapes import _looks_korean_name
from .rules_base import _ArticleBase, _FUNCTION_WORDS, _GENERIC_LATIN_UPPER, _Hit, _NOT_NAMES, _Word, _suffix_type

# Words that say what kind of head someone is, between a name and 대표 (김하나 상임 대표), not a firm.
_HEAD_KINDS = frozenset("상임 원내 당 비대위 공동 각자 대표 총괄 명예 수석 최고 초대 직무 권한 현 전 신임 고문 부".split())
# Words that open a clause before a name and its title, not a firm (결국 김하늘 대표는, 다만 …, 지난달 …), and endings of kinds of
# body that a head's name follows (시민단체 김하늘 대표, 노조 …, 스타트업 …).
_CLAUSE_OPENERS = frozenset("""결국 오히려 특히 다만 아직 이미 여전히 당연히 물론 실제 사실 우선 먼저 현재 당시 즉 곧 바로 또 다시 그러나 하지만
    그런데 그래서 따라서 그리고 한편 이어 반면 동시에 무엇보다 아울러 게다가 더욱이 끝으로 마지막으로 최근 요즘 지금 작년 올해 내년
    전날 당일 이날 이튿날 오전 오후 새벽 밤 저녁 아침 그간 향후 과거 예전 당초 원래 본래 역대 전임 후임 초대 현직 전직 직전 차기
    창업주 오너 총수 설립자 공동대표 각자대표 대표 회사 업체 기업 그룹 계열사 자회사 본사 지사 법인 브랜드 매장
    벤처캐피털 프랜차이즈 핀테크 게임 유통 물류 패션 화장품 컨설팅 투자 엔터 식품 외식 부동산 야당 여당 해외 국내 지역""".split())
_BODY_KIND_ENDINGS = ("단체", "모임", "연대", "노조", "조합", "센터", "네트워크", "본부", "업체", "기업", "회사", "스타트업", "벤처",
                      "법인", "협회", "학회", "연구소", "재단", "위원회", "당", "팀", "부문", "사업부", "업계", "시장", "정부", "기관")
_WORD_BEFORE = re.compile(r"(?:^|\s)(\S+) \Z")
# Words that say what the firm after them is (제조사 슬로커(대표 …), 전문업체인 대원강업(주)(…)): the name starts after them.
_APPOSITION_ENDS = ("제조사", "업체", "기업", "회사", "스타트업", "브랜드", "계열사", "자회사", "협력사", "법인", "업체인", "기업인",
                    "회사인", "개발사", "운영사", "전문기업", "사인", "체인", "업인")
_FIRM_BEFORE = re.compile(r"(?<![가-힣A-Za-z0-9&])[가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14}\Z")
_CHAMBER_WORDS = ("상공회의소", "회의소")
_LEGAL_MARKS_AFTER = ("(주)", "㈜", " (주)", " ㈜")  # a legal form written after the firm's name
_MIXED_FIRM = re.compile(r"[가-힣]{1,8}[A-Za-z][A-Za-z0-9&]{0,9}|[A-Za-z][A-Za-z0-9&]{0,9}[가-힣]{1,8}")  # 누리AI, KT클라우드


class _FirmHeadRules(_ArticleBase):
    def _firm_between(self, w: _Word) -> _Hit | None:
        """The one word between a Korean name and a firm's title, as a company: Hangul or Latin of two letters or more that
        the alias file does not know as something else, no particle, not a word that says what kind of head (공동, 상임)."""
        core = w.core
        if (len(core) < 2 or w.closes or w.opens or core in _NOT_NAMES or core in _FUNCTION_WORDS or core in _HEAD_KINDS
                or strip_particle(core) != core or title_family(core) or _looks_korean_name(core) and len(core) == 3
                or not (all(map(_is_hangul, core)) or core.isascii() and core[:1].isalpha())):
            return None
        if self.known.type_of(core) is not None or _suffix_type(core) is not None:
            return None  # known, or named by its suffix already (경성미디어그룹)
        if core.endswith(_CHAMBER_WORDS) and len(core) > 4:
            return _Hit(core, w.start, "rule", "org")  # 최순호 경주상공회의소 회장: a chamber of commerce is a body
        return _Hit(core, w.start, "rule", "company")

    def _starts_a_name(self, k: int) -> bool:
        """Whether words[k] can be the first word of a name: the word before it ends a phrase (punctuation, a particle, a
        line's end), says what kind of firm follows, is a known place or a clause's opener (하나 팩토리 오토메이션 안순해 대표:
        오토메이션 is the end of a longer name)."""
        if k == 0 or self.words[k].line_start or self.words[k].opens or self.words[k - 1].closes:
            return True
        core = self.words[k - 1].core
        return (core.endswith(_APPOSITION_ENDS) or core in _CLAUSE_OPENERS or core in _NOT_NAMES or core in _FUNCTION_WORDS
                or self.known.type_of(core) == "place" or strip_particle(core) != core or not _is_hangul(core[-1])
                or self.has_barrier(self.words[k - 1]))

    def _firm_before_name(self, w: _Word) -> _Hit | None:
        """The word before a Korean name and a firm's title, as a company (see _firm_between), when it is no adverb, time or
        connective that opens the clause (결국 김하늘 대표는, 이날 …) nor a kind of body (시민단체 김하늘 대표)."""
        core = w.core
        if (core in _CLAUSE_OPENERS or core.endswith(_BODY_KIND_ENDINGS) or core[-1] in "히게서며고면데" or core.isdigit()
                or len(core) == 2 and core[-1] in "아어여라"  # 찾아, 맞아, 따라: a verb's connective form
                or self.has_barrier(w) or _has_latin(core) and core.upper() in _GENERIC_LATIN_UPPER):
            return None  # 참석한 김하늘 대표: a verb's form
        if _MIXED_FIRM.fullmatch(core) and _has_latin(core) and not core.isascii():
            # 누리AI 김하늘 CEO: a Hangul and Latin name (_firm_between takes one script)
            if w.closes or w.opens or self.known.type_of(core) is not None or _suffix_type(core) is not None:
                return None
            return _Hit(core, w.start, "rule", "company")
        return self._firm_between(w)

    def _firm_ending_like_a_verb(self, w: _Word) -> bool:
        """람다 right before CEO: a word ending in 다 reads as a verb to the particle check, but a verb's 다 ends a sentence;
        with no punctuation after it and a title next, it is a name."""
        core = w.core
        return (not w.closes and core.endswith("다") and len(core) >= 2 and all(map(_is_hangul, core)) and core not in _NOT_NAMES
                and self.known.type_of(core) in (None, "company") and w.tags is None)

    def _firm_before_bracket(self, start: int) -> _Hit | None:
        """The word glued before a bracket that names a firm's head (see _FIRM_BRACKET_HEADS): a company when it is no
        Korean name, no kind of body and not known or typed as anything else by its ending."""
        for mark in _LEGAL_MARKS_AFTER:
            if self.text.endswith(mark, max(0, start - len(mark)), start):
                start -= len(mark)  # 청오디피케이(주)(대표 김영훈): the legal form between the firm and its head's bracket
                break
        before = _FIRM_BEFORE.search(self.text, max(0, start - 16), start)
        if before is None:
            return None
        name = before.group()
        found = _suffix_type(name)
        prev = _WORD_BEFORE.search(self.text, max(0, before.start() - 20), before.start())
        if prev and not (prev.group(1).endswith(_APPOSITION_ENDS) or self.known.type_of(prev.group(1)) == "place"
                         or strip_particle(prev.group(1)) != prev.group(1) or not _is_hangul(prev.group(1)[-1])):
            return None  # 하나 팩토리 오토메이션(대표 …): the firm's name may start a word earlier; not half a name
        if (name in _NOT_NAMES or name in _CLAUSE_OPENERS or name.endswith(_BODY_KIND_ENDINGS) or _looks_korean_name(name)
                or name.upper() in _GENERIC_LATIN_UPPER or found is not None and found[0] != "company"
                or self.known.type_of(name) not in (None, "company") or title_family(name)):
            return None
        return _Hit(name, before.start(), "rule", "company")
