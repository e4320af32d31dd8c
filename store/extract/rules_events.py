"""Rules for festivals and events named by the words around them, not by their own word alone: an event's words back to
its head (CME그룹 투어 챔피언십, LPGA 투어 롯데 챔피언십, 뉴욕 국제 오토쇼), a town's festival or fair written after the town
(홍천 맥주축제, 사천 항공우주엑스포, 하동 북천 코스모스 메밀꽃 축제), a festival named after the kind it is (겨울축제인
얼음축제는), a title sponsor's name inside its league's (신한은행 MY CAR KBO리그), and one event written with and without its
town (화천산천어축제 … 산천어축제). `_Article` (rules.py) joins them; rules_bodies' suffix rules call them, and their place
test is rules_bodies' _is_place."""
from __future__ import annotations

import re

from .lexicon import _has_latin, _is_hangul, _is_tail
from .rules_base import _ArticleBase, _GENERIC_LATIN_UPPER, _Hit, _NOT_NAMES, _Word, _strip_tail
from .rules_bodies import _EVENT_PLACE_WORDS, _GENERIC_FESTIVAL_STEMS, _HANGUL_RUN

# Words that may stand between an event's head and its event word: CME그룹 투어 챔피언십, HSBC 위민스 월드 챔피언십,
# BAFTA 게임 어워즈, 뉴욕 국제 오토쇼. The head is a Latin name or a known company or product (the title sponsor:
# LPGA 투어 롯데 챔피언십 is 롯데 챔피언십), or a known place before 국제/세계 (뉴욕 국제 오토쇼: see _EVENT_PLACE_WORDS).
_EVENT_CONNECTORS = frozenset("투어 월드 위민스 여자 남자 게임 국제 세계 아시아 뮤직 인비테이셔널 마스터스 클래식".split())
# A festival named after the word for its kind (see festival_apposition_hits).
_FESTIVAL_APPOSITION = re.compile(r"축제인 ([가-힣]{2,8}축제)")


class _EventRules(_ArticleBase):
    """Festivals and events (see the module's docstring)."""

    def festival_apposition_hits(self) -> list[_Hit]:
        """A festival named after the kind it is (대표 지역축제인 빙어축제가, 겨울축제인 얼음축제는): the name after 인 is one
        festival, even when its stem is one common word; not a kind again (지역축제인 겨울축제)."""
        if "축제인" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _FESTIVAL_APPOSITION.finditer(self.text):
            name = m.group(1)
            rest = _HANGUL_RUN.match(self.text, m.end()).group()
            if (not rest or _is_tail(rest)) and name[:-2] not in _GENERIC_FESTIVAL_STEMS and self.known.type_of(name) in (None, "event"):
                hits.append(_Hit(name, m.start(1), "rule", "event"))
        return hits

    def _festival_of_town(self, i: int, core: str, word: str = "축제") -> _Hit | None:
        """홍천 맥주축제엔, 양구 곰취축제, 사천 항공우주엑스포, 양산 삽량문화축전: a known place, then a festival or fair of its
        own (the place is part of the name, no mention of its own); not a kind of festival (강원 겨울축제, 지역 대표축제)."""
        w, prev = self.words[i], self.words[i - 1]
        stem = core[: -len(word)]
        if (len(stem) < 2 or not all(map(_is_hangul, stem)) or stem in _GENERIC_FESTIVAL_STEMS or stem in _NOT_NAMES
                or prev.closes or w.line_start or w.opens or not self._is_place(prev.core)):
            return None
        return _Hit(f"{prev.core} {core}", prev.start, "rule", "event")

    def _town_festival_words(self, i: int) -> list[_Word] | None:
        """A known town, one to three plain words (no particle, no kind: 지역, 대표, 겨울) and the word 축제 alone after them
        (하동 북천 코스모스 메밀꽃 축제 55만 명): regional round-ups name a town's festival so; the words back to the town, or
        None."""
        words = self.words
        taken: list[_Word] = []
        j = i - 1
        while j >= 0 and i - j <= 4 and not words[j + 1].line_start and not words[j].closes and not words[j + 1].opens:
            word = words[j]
            if self._is_place(word.core) and taken:
                return [word, *taken]
            core = word.core
            if (not 2 <= len(core) <= 5 or not all(map(_is_hangul, core)) or _strip_tail(core) != core or core in _NOT_NAMES
                    or core in _GENERIC_FESTIVAL_STEMS or self.known.type_of(core) is not None):
                return None
            taken.insert(0, word)
            j -= 1
        return None

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

    def _sponsors_event(self, i: int) -> bool:
        """Whether a known event follows words[i] directly or after Latin words only (신한은행 MY CAR KBO리그)."""
        words = self.words
        for k in range(i + 1, min(i + 4, len(words))):
            if words[k].line_start or words[k - 1].closes:
                return False
            if self.known.type_of(words[k].core) == "event" or self.known.type_of(_strip_tail(words[k].core)) == "event":
                return True
            if not words[k].core.isascii():
                return False  # 해동바이오 전무는 CES 2025: a firm's officer at an event, not its sponsor
        return False

    def _town_event_pairs(self, hits: list[_Hit]) -> list[tuple[str, str]]:
        """An event named with its town in front and without (화천산천어축제 … 산천어축제, 홍천 맥주축제 … 맥주축제 where the
        shorter is found too): one event, named in full. Each full name's endings are looked up: linear."""
        events = {h.surface.replace(" ", ""): h.surface for h in hits if h.type == "event"}
        if len(events) < 2:
            return []
        pairs: list[tuple[str, str]] = []
        for key, full in events.items():
            for k in range(2, min(6, len(key) - 3) + 1):  # a town of 2-5 syllables (+ 시/군), then a name of 3 or more
                short = events.get(key[k:])
                if short is not None and short != full and self._is_place(key[:k]):
                    pairs.append((full, short))
                    break
        return pairs
