"""Rules that find performers: a name right after the word for what they are (가수 임영웅이, 배우 김재범, 정문성이),
a name right before it (이지숙 배우가), and casts before 주연/출연 (조형균·이창용 주연). Over rules_people's name shapes;
`_Article` (rules.py) joins them with the other kinds of rule (the club and player rules they call live in
rules_players)."""
from __future__ import annotations

import re
from bisect import bisect_left

from .hangul import strip_particle
from .lexicon import _is_hangul, title_family
from .rules_base import _ArticleBase, _Hit, _LOANWORD_SYLLABLES, _NOT_NAMES
from .name_shapes import _looks_korean_name

# Words that say the name after them is a performer or a player (가수 임영웅이, 걸그룹 르세라핌이, 작곡가 이트라이브와,
# 투수 윤규진의). 그룹 alone is left out: in business news it is a company group (그룹 계열사).
_ROLE_WORDS = frozenset("""가수 배우 작곡가 작사가 프로듀서 래퍼 걸그룹 보이그룹 혼성그룹 아이돌그룹 밴드 듀오 개그맨 개그우먼 코미디언
    방송인 투수 타자 포수 외야수 내야수 공격수 수비수 미드필더 골키퍼 골퍼 극작가 연출가 안무가 지휘자 성악가
    마무리투수 선발투수 구원투수 탤런트 시인 소설가 조각가 화가 서양화가 한국화가 평론가 미술평론가""".split())
# Positions a foreign player is written after without his club (그리고 투수 드류 루친스키와 에디 버틀러).
_PLAYER_WORDS = frozenset("투수 타자 포수 외야수 내야수 공격수 수비수 미드필더 골키퍼 마무리투수 선발투수 구원투수".split())
# 인 may follow the role word (뮤지컬 배우인 김소현도: "who is an actor").
_ROLE_WORD = re.compile("(?<!\\S)(?:" + "|".join(sorted(_ROLE_WORDS | {"그룹"}, key=len, reverse=True)) + ")인?(?=\\s)")
# Role words that also stand after the name they say what it is (전미도와 이지숙 배우가, 김하윤 가수는).
_CAST = re.compile(r"(?<![가-힣·])[가-힣]{2,4}(?:·[가-힣]{2,4}){1,9}(?= (?:주연|출연))")
_COMMA_CAST = re.compile(r"(?<![가-힣])([가-힣]{3}(?:, ?[가-힣]{3}){1,9})(?:이|가|은|는|도) (?:출연|주연)")
# Names listed after a word for who they are and 로는 (하남출신 작가로는 조민균, 김민찬, 박지원이 참여한다; 연사로는 김하늘, 박서준이):
# Korean names of three syllables joined by commas, the last with its particle.
_LISTED_AS = re.compile(r"(?:작가|화가|조각가|가수|배우|선수|연사|강사|후보|참석자|참가자|출연자|출연진|수상자|심사위원|발표자|토론자|패널)"
                        r"(?:로는|으로는) ([가-힣]{3}(?:, ?[가-힣]{3}){1,19})(?:이|가|은|는|도)(?![가-힣])")
# Artists and writers too (김상대 조각가, 양해연 시인, 이화진 서양화가가, 김종근 미술평론가가): a word that starts after a space, so
# 문화가 (culture + particle) never reads as 화가.
_ROLE_AFTER_NAME = re.compile(
    r"(?<=[가-힣] )(?:배우|가수|성악가|시인|소설가|조각가|(?:서양|동양|한국)?화가|(?:미술|문학|음악|영화)?평론가)(?=[이가은는도와과의로,]|\s|$)")
_AND_OTHERS = re.compile(r" 등(?:[이은을과의도]|\s|$)")  # 가수 김하윤 등이: "and others" closes a name like a particle
_ROLE_AFTER_HINT = re.compile("배우|가수|성악가|시인|소설가|조각가|화가|평론가")
# What follows such a word without being a name (가수 활동을, 배우 출신인).
_ROLE_NOUNS = frozenset("""활동 데뷔 출신 지망생 생활 겸 등 들 시절 인생 경력 데뷔작 본인 자신 부문 자격 전향 겸업 인생 역할 변신 오디션
    매니저 소속사 팬 선배 후배 동료 최초 최고 최초로 이상 출신인 신기록 기록 신곡 앨범 무대 콘서트 공연""".split())
# The particle a name takes (별이, 아스트로가, 윤규진에게): one, cut from the end; longest first.
_NAME_PARTICLES = ("에게서", "이라는", "에게", "에서", "으로", "처럼", "까지", "부터", "보다", "과의", "와의", "라는", "이", "가", "은", "는",
                   "을", "를", "의", "와", "과", "도", "로", "에", "만")


class _RoleRules(_ArticleBase):
    def role_hits(self) -> list[_Hit]:
        """A performer or player named right after the word for what they are (see _ROLE_WORDS): the next word, a name
        of two syllables or more with a particle or a bracket after it; 아이돌 그룹 아스트로가 too."""
        hits: list[_Hit] = []
        words = self.words
        for found in _ROLE_WORD.finditer(self.text):  # one compiled scan finds the few role words
            i = bisect_left(self._word_starts, found.start())
            if i >= len(words) - 1 or words[i].start != found.start():
                continue
            w = words[i]
            if w.core != found.group() or w.closes or w.core.startswith("그룹") and not (i and words[i - 1].core == "아이돌"):
                continue
            after = words[i + 1]
            if after.line_start or after.opens and not after.core:
                continue
            club = self._club_before(i)
            if club or w.core in _PLAYER_WORDS and self._transliterated_first(i + 1):
                # SK 와이번스의 투수 브록 다익손, 한화 이글스의 투수 워웍 서폴드와 채드 벨; 그리고 투수 드류 루친스키와 에디 버틀러
                listed = self._foreign_players(i + 1)
                if listed and not club and not all(any(c in _LOANWORD_SYLLABLES for c in part) for part in listed[0].surface.split()):
                    listed = []  # 투수 스트레칭 시간이다: without a club, every word of the first name is transliterated
                if listed:
                    hits += listed
                    continue
            listed = self.text[after.end : after.end + 1] == ","  # 극작가 윤소이, …: a comma ends the name, no particle
            name = after.core if listed else next(
                (after.core[: -len(p)] for p in _NAME_PARTICLES if after.core.endswith(p) and len(after.core) > len(p) + 1),
                after.core)
            if name.endswith("씨") and len(name) > 2:
                name = name[:-1]  # 배우 최불암씨는: the name without 씨
            bracketed = self.text[after.end : after.end + 1] == "("
            if name == after.core and not bracketed and not after.closes and not (
                    _looks_korean_name(name) and _AND_OTHERS.match(self.text, after.end)):
                continue  # no particle, bracket or punctuation after it: a compound noun (가수 활동 기간); 탤런트 나도현 등이 is a name
            if (len(name) < 2 or name in _ROLE_NOUNS or name in _NOT_NAMES or title_family(name) or name in _ROLE_WORDS
                    or not (all(map(_is_hangul, name)) or name.isascii() and name[:1].isalpha())):
                continue
            if self.known.type_of(name) in (None, "person"):
                hits.append(_Hit(name, after.start, "title", "person"))
                if self.text[after.end : after.end + 1] == ",":
                    hits += self._listed_after(i + 2)  # 배우 김재범, 정문성, 정욱진이: the cast goes on
        return hits + self._names_before_roles()

    def _transliterated_first(self, k: int) -> bool:
        """Whether words[k] opens a foreign name: Hangul with a loanword syllable, no particle (드류, not 교체는)."""
        if k >= len(self.words):
            return False
        core = self.words[k].core
        return (all(map(_is_hangul, core)) and any(c in _LOANWORD_SYLLABLES for c in core) and strip_particle(core) == core
                and not self.words[k].closes)

    def _listed_after(self, k: int) -> list[_Hit]:
        """Korean names listed with commas from words[k] on, after a performer named by a role word; the list ends at a
        name with a particle (정욱진이) or at a word that is not a name."""
        hits: list[_Hit] = []
        words, text = self.words, self.text
        while k < len(words) and len(hits) < 15:
            w = words[k]
            comma = text[w.end : w.end + 1] == ","
            name = w.core if comma else strip_particle(w.core)
            if (w.line_start or w.opens or not _looks_korean_name(name) or name in _NOT_NAMES or title_family(name)
                    or self.known.type_of(name) not in (None, "person") or not comma and name == w.core):
                break
            hits.append(_Hit(name, w.start, "title", "person"))
            if not comma:
                break
            k += 1
        return hits

    def _comma_listed(self, found: re.Match[str], *, titles_too: bool) -> list[_Hit]:
        """The names of a comma list (`found`'s first group) when every part is a Korean name that names nothing else (and,
        with `titles_too`, no title word), else none."""
        parts = re.split(r", ?", found.group(1))
        if not all(_looks_korean_name(p) and p not in _NOT_NAMES and not (titles_too and title_family(p))
                   and self.known.type_of(p) in (None, "person") for p in parts):
            return []
        hits, offset = [], found.start(1)
        for part in parts:
            offset = self.text.index(part, offset)
            hits.append(_Hit(part, offset, "title", "person"))
        return hits

    def _names_before_roles(self) -> list[_Hit]:
        """A Korean name right before 배우 or 가수 (이지숙 배우가), and one joined to it by 와/과 (전미도와 이지숙 배우가); Korean
        names joined by · before 주연 or 출연 (조형균·이창용 주연: the cast)."""
        hits: list[_Hit] = []
        words = self.words
        if "주연" in self.text or "출연" in self.text:
            for found in _CAST.finditer(self.text):
                w = self._word_at(found.start())
                if w is not None and w.start == found.start():
                    hits += self._dot_names(w)
            for found in _COMMA_CAST.finditer(self.text):  # 성종완, 고훈정이 출연한다
                hits += self._comma_listed(found, titles_too=False)
        if "로는" in self.text:
            for found in _LISTED_AS.finditer(self.text):  # 작가로는 조민균, 김민찬, 박지원이
                hits += self._comma_listed(found, titles_too=True)
        if not _ROLE_AFTER_HINT.search(self.text):
            return hits
        for found in _ROLE_AFTER_NAME.finditer(self.text):
            i = bisect_left(self._word_starts, found.start())
            if not 0 < i < len(words) or words[i].start != found.start() or words[i].line_start:
                continue
            prev = words[i - 1]
            if (prev.closes or not _looks_korean_name(prev.core) or prev.core in _NOT_NAMES or title_family(prev.core)
                    or self.known.type_of(prev.core) not in (None, "person")):
                continue
            hits.append(_Hit(prev.core, prev.start, "title", "person"))
            if i >= 2 and not prev.line_start:
                first = words[i - 2]
                name = first.core[:-1] if first.core.endswith(("와", "과")) else ""
                if (not first.closes and _looks_korean_name(name) and name not in _NOT_NAMES
                        and self.known.type_of(name) in (None, "person")):
                    hits.append(_Hit(name, first.start, "title", "person"))
        return hits
