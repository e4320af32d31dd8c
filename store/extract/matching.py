"""Mention matching: every place a known entity is written in a text (Aho-Corasick over all surfaces,
word-edge rules, leftmost-longest). Short names that hold only within one article (최 회장, 민주당) are in short_names."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import ahocorasick

from .lexicon import (_CLOSERS, _Credits, _is_hangul, _is_latin_or_digit, _is_tail, _script, head_tail, minister_tail,
                      titled_tail)

Mention = tuple[int, int, int, str]  # (start, end, entity_id, surface)

# --- matching -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Pattern:
    entity_id: int
    surface: str
    exact_case: bool  # short all-Latin names (MS, SK, LG, AMD) must keep their capitals
    space_gaps: frozenset[int]  # positions in the key where the surface itself has a space
    kind: str | None = None  # the entity's type, when the caller gave types
    all_tail: bool = False  # the name is itself a particle run (이란 = 이+란, 인도 = 인+도)
    market: bool = False  # a country or region: 미국시장 is its market (a city's 울산시장 is its mayor: no mention)


# Middle dots join words the way a space does: 아시아·태평양 is the alias file's 아시아태평양.
_DOTS = "·・‧∙"



def _game_against(run: str) -> bool:
    """전 and particles after a club's name of two words (두산 베어스전을, KIA 타이거즈전에서): a game against the club."""
    return run[0] == "전" and (len(run) == 1 or _is_tail(run[1:]))

def _is_gap(c: str) -> bool:
    return c.isspace() or c in _DOTS


def _match_key(s: str) -> str:
    """What the automaton compares: lower case (per character, so offsets stay aligned), no spaces or
    middle dots."""
    return "".join(_lower1(c) for c in s if not _is_gap(c))


def _lower1(c: str) -> str:
    low = c.lower()
    return low if len(low) == 1 else c


_BLANKS = " \t\u00a0\u3000" + _DOTS  # what _squeeze drops
_NOT_BLANK = re.compile(f"[^{_BLANKS}]+")
_DROP_BLANKS = str.maketrans("", "", _BLANKS)


_KEEP_TABLE = None  # numpy bool per BMP code point: not in _BLANKS (U+FFFF stands for every code point above)
_SHORT_TEXT = 128  # below this many characters the regex path is as fast as numpy's fixed costs


def _squeeze(text: str) -> tuple[str, list[int]]:
    """`text` lower-cased with blanks and middle dots removed, and each kept character's offset in `text`.

    With numpy over the code points for a long text (a body: 0.45 -> 0.1 ms; a Python extend per word before);
    _squeeze_re, the definition, for short ones and for a lone surrogate. Tests compare the two."""
    if len(text) < _SHORT_TEXT:
        return _squeeze_re(text)
    low = text.lower()
    if len(low) != len(text):  # a few characters lower to two (İ): keep those as they are
        low = "".join(_lower1(c) for c in text)
    import numpy as np  # index time: matching runs in the indexer and the linker's workers, which load numpy anyway

    try:
        codes = np.frombuffer(low.encode("utf-32-le"), np.uint32)
    except UnicodeEncodeError:
        return _squeeze_re(text)
    global _KEEP_TABLE
    if _KEEP_TABLE is None:
        table = np.ones(0x10000, dtype=bool)
        table[[ord(c) for c in _BLANKS]] = False
        _KEEP_TABLE = table
    keep = _KEEP_TABLE[np.minimum(codes, 0xFFFF)]
    return codes[keep].tobytes().decode("utf-32-le"), np.flatnonzero(keep).tolist()


def _squeeze_re(text: str) -> tuple[str, list[int]]:
    low = text.lower()
    if len(low) != len(text):
        low = "".join(_lower1(c) for c in text)
    parts: list[str] = []
    offsets: list[int] = []
    for run in _NOT_BLANK.finditer(low):
        parts.append(run.group())
        offsets.extend(range(run.start(), run.end()))
    return "".join(parts), offsets


# One-syllable country names, written only inside ·-joined compounds of them: 한·미 정상회담, 미·중 갈등,
# 한·미·일, 북·러. A part outside this table (산·학, 중·장기, 대·중소기업) makes the run no compound.
# (영 and 인 are left out: 한·영 is a translation direction, 인·허가 a permit.)
_COUNTRY_SYLLABLES = {"한": "한국", "미": "미국", "일": "일본", "중": "중국", "북": "북한", "러": "러시아", "독": "독일"}
_COUNTRY_COMPOUND = re.compile(
    r"(?<![가-힣A-Za-z0-9·・‧∙])[한미일중북러독](?: ?[·・‧∙] ?[한미일중북러독])+"
)

# A country's syllable before a hyphen and a partner (한-G7, 한-EU, 한-아세안, 미-중): 한-G7 차원의 협력 names 한국.
_COUNTRY_HYPHEN = re.compile(
    r"(?<![가-힣A-Za-z0-9·-])([한미일중북러독])-(?:([한미일중북러독])(?![가-힣])|(?=[A-Z]{2}|G\d|아세안|유럽|아프리카|중남미|중동|태평양))"
)


def _country_compounds(text: str, ids: Mapping[str, int]) -> list[Mention]:
    """Each country of a compound like 한·미 or 미·중·일 as a mention of that country's entity."""
    found: list[Mention] = []
    for m in _COUNTRY_COMPOUND.finditer(text):
        end = m.end()
        run_end = end
        while run_end < len(text) and _is_hangul(text[run_end]):
            run_end += 1
        if run_end > end and not _is_tail(text[end:run_end]):
            continue  # 호·불호가, 중·일반: the last syllable opens a longer word
        parts = [(m.start() + i, c) for i, c in enumerate(m.group()) if _is_hangul(c)]
        if all(c in ids for _, c in parts):
            found.extend((i, i + 1, ids[c], c) for i, c in parts)
    return found


# 경기 is also "the economy" (경기 침체), so it names 경기도 only right before one of its cities or halves:
# 경기 용인, 경기 성남시, 경기 남부.
_GYEONGGI = re.compile(
    r"(?<![가-힣])경기(?= (?:수원|성남|용인|고양|화성|부천|안산|안양|남양주|평택|의정부|시흥|파주|김포|광명|광주|"
    r"군포|하남|오산|이천|양주|안성|포천|의왕|여주|양평|동두천|과천|가평|연천|판교|분당|일산|남부|북부))"
)

_EDITION = re.compile(r"(?:19|20)?\d\d(?![A-Za-z0-9])")  # CES2025, MWC25
_DAY_GLUED = re.compile(r"(?<=(?<![0-9])[0-9])일|(?<=(?<![0-9])[0-3][0-9])일")  # 2일서울, 13일서울: a day glued before a name

_HANGUL_RUN = re.compile("[가-힣]*")  # the run a name's particles sit in (what a loop of _is_hangul walked)

_JUNIOR = re.compile(r" ?(?:주니어|2세(?!대)|Jr\b)")


def _market_tail(run: str) -> bool:
    """미국시장이, 중국시장에서: 시장 (a market) and particles glued after a country or region."""
    return run.startswith("시장") and (len(run) == 2 or _is_tail(run[2:]))


# A head's title glued to a city, county, district or province names that place (lead's decision, round 15):
# 아산시장은 -> 아산시, 부여군수 -> 부여군, 동구청장 -> 동구, 강원도지사 -> 강원도. Only the head's own title for the place's
# last syllable, with particles after it (not 아산시장터, 부여군수산): 시장 as a market glued to a country stays _market_tail's.
_HEAD_OF = {"시": ("장",), "군": ("수",), "구": ("청장",), "도": ("지사",)}


def _head_of_place(written: str, run: str) -> bool:
    heads = _HEAD_OF.get(written[-1:]) if len(written) >= 2 else None
    if not heads:
        return False
    for head in heads:
        if run.startswith(head):
            rest = run[len(head):]
            return not rest or rest == "님" or _is_tail(rest)
    return False


def _chair_forms(surfaces: Iterable[str]) -> list[str]:
    """A committee's chair written for the committee (김주현 금융위원장, 공정거래위원장은): 금융위원회 -> 금융위원장. The
    committee is named (as a society by its head, see lexicon.head_tail); only names of 2 letters or more before 위원회."""
    return [s.strip()[:-1] + "장" for s in surfaces if s.strip().endswith("위원회") and len(s.strip()) >= 5]


def _outside_credits(text: str, hits: list[Mention]) -> list[Mention]:
    credits = _Credits(text)
    return [hit for hit in hits if hit[0] not in credits] if credits.spans else hits


_COPYRIGHT = "ⓒ©"
# A share button's label on a line of its own (네이버 블로그 공유하기, 네이버 밴드에 공유하기): page furniture, no mention.
_SHARE_BUTTON = re.compile(r"^[^\S\n]*(?:[•·▶-][^\S\n]*)?[^\n]{1,30}공유하기[^\S\n]*$", re.M)


# A share row written one button a line (공유하기 / facebook 공유 / twitter / kakao / 복사): a line that is only a service's name,
# with 공유 or 복사 on a line near it.
_SHARE_SERVICE_LINE = re.compile(r"^[^\S\n]*(?:kakao(?:talk|story)?|facebook|twitter|naver|band|line|telegram|카카오톡|카카오스토리|카카오|"
                                 r"페이스북|트위터|네이버 ?(?:블로그|밴드)?|밴드|라인|텔레그램)(?: ?공유)?[^\S\n]*$", re.M | re.I)
_SHARE_REACH = 40  # characters around a service's line in which 공유 (share) or 복사 (copy the link) must stand
_SHARE_CUE = re.compile("공유|복사")


def _outside_share_buttons(text: str, hits: list[Mention]) -> list[Mention]:
    spans = [m.span() for m in _SHARE_BUTTON.finditer(text)] if "공유하기" in text else []
    spans += [m.span() for m in _SHARE_SERVICE_LINE.finditer(text)
              if _SHARE_CUE.search(text, max(0, m.start() - _SHARE_REACH), m.end() + _SHARE_REACH)]
    spans.sort()
    if not spans:
        return hits
    starts = [s for s, _ in spans]
    kept = []
    for hit in hits:
        i = bisect_left(starts, hit[0] + 1) - 1
        if not (i >= 0 and hit[0] < spans[i][1]):
            kept.append(hit)
    return kept


def _glosses(text: str, name: Mention, inner: Mention) -> bool:
    """Whether `inner` is the same entity written in brackets right after `name` (아마존웹서비스(AWS),
    HBM(고대역폭 메모리), 그렉 브로크만(Greg Brockman)): the whole bracket holds nothing else."""
    if name[2] != inner[2] or inner[0] - name[1] > 3:
        return False
    gap = text[name[1] : inner[0]].strip()
    return gap == "(" and text[inner[1] : inner[1] + 2].strip()[:1] == ")"


class Matcher:
    """Every mention of the given entities in a text: Aho-Corasick over all surfaces, then word-edge
    rules and leftmost-longest selection (see the module docstring)."""

    def __init__(self, entities: Iterable[tuple[int, Iterable[str]]], kinds: Mapping[int, str] | None = None) -> None:
        """entities: (id, surfaces); kinds: id -> type, for the rules that hang on it (한국인 names no place,
        도널드 트럼프 주니어 is not 도널드 트럼프)."""
        kinds = kinds or {}
        self._automaton = ahocorasick.Automaton()
        table: dict[str, list[_Pattern]] = defaultdict(list)
        by_country = {name: syllable for syllable, name in _COUNTRY_SYLLABLES.items()}
        self._countries: dict[str, int] = {}  # 한 -> the id of the entity named 한국
        self._gyeonggi: int | None = None
        for entity_id, surfaces in entities:
            surfaces = list(surfaces)
            if kinds.get(entity_id) == "org":
                surfaces += _chair_forms(surfaces)
            market = kinds.get(entity_id) == "place" and not any(
                len(s.strip()) >= 2 and s.strip()[-1] in "시군구" and _is_hangul(s.strip()[-1]) for s in surfaces)
            for surface in surfaces:
                surface = surface.strip()
                if surface in by_country:
                    self._countries[by_country[surface]] = entity_id
                elif surface == "경기도":
                    self._gyeonggi = entity_id
                key = _match_key(surface)
                if not key:
                    continue
                gaps, k = set(), 0
                for c in surface:
                    if _is_gap(c):
                        gaps.add(k)
                    else:
                        k += 1
                exact = surface.isascii() and surface.isalpha() and len(surface) <= 3
                table[key].append(_Pattern(entity_id, surface, exact, frozenset(gaps), kinds.get(entity_id),
                                           _is_hangul(key[0]) and _is_tail(key), market))
        self._club_by_place = _clubs_by_place(table)
        self._short_firms = _ShortFirms(table, kinds)
        for key, patterns in table.items():
            self._automaton.add_word(key, (key, patterns))
        self._empty = not table
        if not self._empty:
            self._automaton.make_automaton()

    def may_match(self, text: str) -> bool:
        """False only when find(text) is surely empty; 10x cheaper than find (no offsets), for scanning a corpus."""
        if self._empty or not text:
            return False
        if (self._countries and (any(c in text for c in _DOTS) or "-" in text and _COUNTRY_HYPHEN.search(text))) or (
                self._gyeonggi is not None and "경기 " in text):
            return True
        low = text.lower()
        if len(low) != len(text):
            return True  # a character that lowers to two: leave it to find()
        return next(self._automaton.iter(low.translate(_DROP_BLANKS)), None) is not None

    def find(self, text: str) -> list[Mention]:
        if self._empty or not text:
            return []
        norm, offsets = _squeeze(text)
        hits: list[tuple[int, int, int, str]] = []
        for last, (key, patterns) in self._automaton.iter(norm):
            first = last - len(key) + 1
            start, end = offsets[first], offsets[last] + 1
            for pattern in patterns:
                if self._accepts(text, norm, offsets, first, last, start, end, pattern):
                    hits.append((start, end, pattern.entity_id, text[start:end]))
                    break
        if self._countries and any(c in text for c in _DOTS):
            hits += _country_compounds(text, self._countries)
        if self._countries and "-" in text:
            hits += [(m.start(k), m.start(k) + 1, self._countries[m.group(k)], m.group(k)) for m in _COUNTRY_HYPHEN.finditer(text)
                     for k in (1, 2) if m.group(k) and m.group(k) in self._countries]
        if self._gyeonggi is not None and "경기 " in text:
            hits += [(m.start(), m.end(), self._gyeonggi, "경기") for m in _GYEONGGI.finditer(text)]
        if "=" in text:
            hits = _outside_credits(text, hits)
        if "공유" in text or "복사" in text:
            hits = _outside_share_buttons(text, hits)
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0]), h[2]))
        chosen: list[Mention] = []
        reach = -1
        for hit in hits:
            if hit[0] >= reach:
                if chosen and _glosses(text, chosen[-1], hit):
                    reach = hit[1]  # nor a shorter name inside the bracket (후지쯔 지멘스(Fujitsu Siemens): not Siemens)
                    continue  # 고대역폭메모리(HBM): one mention, the name before the bracket
                chosen.append(hit)
                reach = hit[1]
        if self._club_by_place:
            chosen = self._clubs_for_their_towns(chosen)
        if self._short_firms.stems:
            chosen = self._short_firms.listed(text, chosen)
        return chosen

    def _clubs_for_their_towns(self, chosen: list[Mention]) -> list[Mention]:
        """On a page that names a club after its town (제주유나이티드, 대전하나시티즌, 강원FC), the town written alone is the
        club (남기일 제주 감독, 대전은 승점 1점): sports pages call clubs by their towns."""
        ids = {h[2] for h in chosen}
        club_of: dict[int, int] = {}
        for place in ids.intersection(self._club_by_place):
            clubs = self._club_by_place[place] & ids
            if len(clubs) == 1:
                club_of[place] = next(iter(clubs))
        if not club_of:
            return chosen
        return [(s, e, club_of.get(eid, eid), surface) for s, e, eid, surface in chosen]

    @staticmethod
    def _accepts(text: str, norm: str, offsets: list[int], first: int, last: int,
                 start: int, end: int, pattern: _Pattern) -> bool:
        written = text[start:end]
        if pattern.exact_case and "".join(written.split()) != "".join(pattern.surface.split()):
            return False
        # a space inside the match is fine where the name has one, or between two scripts (SK 하이닉스);
        # a middle dot also between two words of 2+ letters (아시아·태평양), not inside one (한·국)
        # (offsets only grow, so a match written without a gap spans exactly its letters: no loop then)
        for k in range(first + 1, last + 1) if end - start != last - first + 1 else ():
            if offsets[k] - offsets[k - 1] > 1:
                gap = text[offsets[k - 1] + 1 : offsets[k]]
                if "\n" in gap:
                    return False
                if k - first in pattern.space_gaps:
                    continue
                if any(c in _DOTS for c in gap):
                    if min(k - first, last + 1 - k) < 2:
                        return False
                elif _script(norm[k - 1]) == _script(norm[k]):
                    return False
        head, tail = text[start], text[end - 1]
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        if before:
            if "가" <= head <= "힣" and "가" <= before <= "힣":  # _is_hangul, inline: 100k calls per 1,000 articles
                if not (before == "한" and _envoy(text, start, end) or before == "일" and _DAY_GLUED.match(text, start - 1)):
                    return False  # (2일서울 종로구: a date glued to the place, a space left out)
            if head.isascii() and head.isalnum() and before.isascii() and before.isalnum():  # _is_latin_or_digit
                return False
            if pattern.all_tail and (_is_latin_or_digit(before) or before in _CLOSERS or before in ")]"):
                return False  # HBM이란, ‘소버린 AI’인도: particles after a word, not 이란 or 인도
            if before == "@" or before == "." and head.isascii() and start > 1 and _is_latin_or_digit(text[start - 2]):
                return False  # hong@naver.com, www.naver.com: an address, not the firm
            if before in _COPYRIGHT or before == " " and start > 1 and text[start - 2] in _COPYRIGHT:
                return False  # Copyrights ⓒ황성신문: the page's own footer, no mention in the story
            if pattern.kind in ("place", "person") and (before == "㈜" or before == ")" and text.endswith("(주)", 0, start)):
                return False  # ㈜광진, (주)서울: a firm's legal form opens its name, no place or person
        if after:
            if after == "." and tail.isascii() and end + 1 < len(text) and text[end + 1].isascii() and text[end + 1].isalpha():
                return False  # naver.com, hankyung.com: a domain
            if _is_latin_or_digit(after) and (_is_latin_or_digit(tail) or _is_hangul(tail)):
                if not (pattern.kind == "event" and _EDITION.match(text, end)):
                    return False  # MSIT, 삼성SDI (but CES2025, 컴퓨텍스2025: an event and its year)
            if "가" <= after <= "힣":
                run_end = _HANGUL_RUN.match(text, end).end()
                run = text[end:run_end]
                if (not _is_tail(run) and not (pattern.kind == "person" and titled_tail(run)) and not _envoy(text, start, end)
                        and not (pattern.kind == "org" and text[end - 1] == "부" and minister_tail(run))
                        and not (pattern.kind == "company" and " " in written and _game_against(run))
                        and not (pattern.kind == "org" and head_tail(written, run))
                        and not (pattern.market and _market_tail(run))
                        and not (pattern.kind == "place" and _head_of_place(written, run))):
                    return False  # 삼성 in 삼성전자, 카카오 in 카카오톡 (but 황광민의원으로: a person, a title glued)
                if pattern.kind == "place" and text[end] in "인형":
                    return False  # 한국인, 미국인들: a people, not the place; 한국형 AI: a kind, not the place
            elif pattern.kind == "place" and after == " " and _RECEIVED.match(text, end):
                return False  # 조선소로부터 인도 받은 선박: a delivery received (인도), no country is received
        if written == "한화" and (before == "(" and _WON_AFTER.match(text, end) or _WON_GLUED.match(text, end)):
            return False  # 43억달러(한화 약 5조7000억원), 한화로 약 1조원: Korean won, not the group
        if pattern.kind == "person" and _JUNIOR.match(text, end):
            return False  # 도널드 트럼프 주니어 is the son, not 도널드 트럼프
        return True

# --- financial groups and banks by their short names, in a list --------------------------------------------------

# News lists financial groups and banks by the part of their names before 금융지주/은행/증권/카드 (KB·신한·하나·우리 등 4대
# 금융지주; 10개 금융지주사(KB국민 신한 NH농협 우리 하나 …)). 우리, 하나, 신한, 국민 alone are words (우리는, 하나의), so a short
# name names the firm only in a list whose every item is such a short name or a firm, with a word for their kind right after
# the list or right before its bracket; the kind picks the firm (우리 in a list of 금융지주 is 우리금융지주, of 은행 우리은행).
_KIND_SUFFIXES = (("금융지주", "holding"), ("금융그룹", "holding"), ("금융", "holding"), ("은행", "bank"), ("증권", "securities"),
                  ("카드", "card"), ("생명", "life"), ("손해보험", "nonlife"), ("화재", "nonlife"), ("해상", "nonlife"))
_KIND_WORDS = (r"(금융지주회사|금융지주사|금융지주|금융그룹|금융사|금융|지주회사|지주사|시중은행|지방은행|인터넷은행|은행권|은행|증권사|"
               r"증권|카드사|카드|생명보험사|생명보험|생보사|생보|손해보험사|손해보험|손보사|손보)")
_KIND_OF_CUE = {"은행": "bank", "증권": "securities", "카드": "card", "생명": "life", "생보": "life", "손해": "nonlife",
                "손보": "nonlife"}  # by the cue's first letters; the rest: holding
# Insurers are listed by their groups' names (생명보험 4개사(삼성‧한화‧교보‧신한라이프), 손보 5개사(삼성‧DB‧현대‧메리츠‧KB)): in a
# list of such a kind, a group's name the file knows (삼성, 한화) is the group's insurer of that kind (삼성생명, 한화생명).
_GROUP_KINDS = frozenset({"life", "nonlife"})
_KIND_CUE = re.compile(_KIND_WORDS)  # literal alternation (C speed): only the text around these is read
_LIST_ITEM = r"[A-Za-z가-힣][A-Za-z0-9가-힣&]{0,7}"
# KB·신한·하나·우리 (등 4대 ), KB, 신한, 하나: two items or more joined by a middle dot or a comma, right before the kind word
# (우리은행: glued to it too); and 10개 금융지주사(KB국민 신한 …), 금융지주회사 10곳(…): the list in a bracket right after it
_LIST_BEFORE_CUE = re.compile(rf"(?<![A-Za-z0-9가-힣&·‧・∙])({_LIST_ITEM}(?: ?[·,‧・∙] ?{_LIST_ITEM})+) ?(?:등의? ?)?"
                              r"(?:(?:국내|주요|대형) ?){0,2}(?:\d{1,2} ?(?:대|개|곳) ?)?(?:(?:국내|주요|대형) ?){0,2}\Z")
_BRACKET_AFTER_CUE = re.compile(r"(?: ?\d{1,2} ?(?:곳|개|개사))? ?\(([^()\n]{2,160})\)")
_LIST_REACH = 160  # characters before a kind word that a list can take
_LIST_ITEMS = re.compile(r"[^\s·,‧・∙]+")  # any middle dot joins the items (삼성‧한화)
_KIND_ENDINGS = tuple(suffix for suffix, _ in _KIND_SUFFIXES)


def _cue_kind(cue: str) -> str:
    return next((kind for word, kind in _KIND_OF_CUE.items() if word in cue), "holding")


class _ShortFirms:
    """The short names of the financial groups and banks among the entities (see _LIST_BEFORE_CUE), and the lists that name them."""

    def __init__(self, table: Mapping[str, list[_Pattern]], kinds: Mapping[int, str]) -> None:
        self.stems: dict[str, dict[str, int]] = {}  # kind -> short name -> entity id
        self.ids: dict[str, set[int]] = defaultdict(set)  # short name -> every entity it is short for
        self.of: dict[int, set[str]] = defaultdict(set)  # entity id -> its short names
        self.groups: dict[str, dict[str, int]] = {}  # insurer kind -> a group's name the file knows -> its insurer
        self.kinds = kinds
        if not kinds:
            return
        ambiguous: set[tuple[str, str]] = set()
        for patterns in table.values():
            for p in patterns:
                if p.kind != "company":
                    continue
                surface = p.surface
                for suffix, kind in _KIND_SUFFIXES:
                    stem = surface[: -len(suffix)]
                    if not surface.endswith(suffix) or len(stem) < 2 or " " in stem:
                        continue
                    owners = {q.entity_id for q in table.get(_match_key(stem), ())}
                    if owners - {p.entity_id}:
                        if kind in _GROUP_KINDS:
                            group = self.groups.setdefault(kind, {})
                            if group.get(stem, p.entity_id) != p.entity_id:
                                ambiguous.add(("=" + kind, stem))
                            group[stem] = p.entity_id
                        break  # 삼성 (삼성카드), 부산 (부산은행): the short name is another entity's name
                    known = self.stems.setdefault(kind, {})
                    if known.get(stem, p.entity_id) != p.entity_id:
                        ambiguous.add((kind, stem))
                    known[stem] = p.entity_id
                    self.ids[stem].add(p.entity_id)
                    self.of[p.entity_id].add(stem)
                    break
        for kind, stem in ambiguous:
            if kind.startswith("="):
                self.groups[kind[1:]].pop(stem, None)
            else:
                del self.stems[kind][stem]
        self.stems = {kind: stems for kind, stems in self.stems.items() if stems}

    def resolve(self, item: str, kind: str) -> int | None:
        """The firm of this kind a short name stands for: its own (우리 -> 우리금융지주), the group's of another of the same firm's
        short names (한투, short for 한국투자증권, -> 한국투자금융지주), or the longest short name of the kind it starts with
        (KB국민 -> KB금융지주)."""
        known = self.stems.get(kind, {})
        if item in known:
            return known[item]
        for other in sorted(self.ids.get(item, ())):
            for stem in sorted(self.of[other]):
                if stem in known:
                    return known[stem]
        for n in range(len(item) - 1, 1, -1):
            if item[:n] in known:
                return known[item[:n]]
        return None

    def listed(self, text: str, chosen: list[Mention]) -> list[Mention]:
        """`chosen` with the short names of the lists in the text added as mentions of their firms."""
        lists: list[tuple[str, list[tuple[int, int]]]] = []
        for cue in _KIND_CUE.finditer(text):
            kind = _cue_kind(cue.group())
            inside = _BRACKET_AFTER_CUE.match(text, cue.end())
            if inside:
                lists.append((kind, [(inside.start(1) + i.start(), inside.start(1) + i.end())
                                     for i in _LIST_ITEMS.finditer(inside.group(1))]))
            if not _word_ends(text, cue.end()):
                continue  # 금융투자, 은행나무: the kind word is part of another
            low = max(0, cue.start() - _LIST_REACH)
            if text.find("·", low, cue.start()) < 0 and text.find(",", low, cue.start()) < 0:
                continue  # no list joins anything before the kind word (C speed: most kind words stand alone)
            before = _LIST_BEFORE_CUE.search(text, low, cue.start())
            if before:
                lists.append((kind, [(before.start(1) + i.start(), before.start(1) + i.end())
                                     for i in _LIST_ITEMS.finditer(before.group(1))]))
        if not lists:
            return chosen
        at = {s: (e, eid) for s, e, eid, _ in chosen}
        added: list[Mention] = []
        renamed: dict[int, int] = {}  # start -> the insurer a group's name stands for in a list of insurers
        for kind, items in lists:
            bare = []
            groups = self.groups.get(kind, {})
            named: dict[int, int] = {}
            for s, e in items:
                hit = at.get(s)
                if hit is not None and self.kinds.get(hit[1]) == "company":
                    if hit[0] == e and text[s:e] in groups:
                        named[s] = groups[text[s:e]]  # 한화 in a list of life insurers: 한화생명
                    continue  # a firm the alias file names in full (우리은행)
                if text[s:e] not in self.ids or hit is not None:
                    break  # 우리·너희, 하나·둘: not a list of firms
                bare.append((s, e))
            else:
                if len(items) < 2:
                    continue
                renamed.update(named)
                for s, e in bare:
                    eid = self.resolve(text[s:e], kind)
                    if eid is not None and not _overlaps(chosen, s, e):
                        added.append((s, e, eid, text[s:e]))
                        at[s] = (e, eid)
        if renamed:
            chosen = [(s, e, renamed.get(s, eid), w) for s, e, eid, w in chosen]
        return sorted(chosen + added) if added else chosen


def _word_ends(text: str, end: int) -> bool:
    """Whether a word ends at `end`, particles and 들 allowed after it (은행들이, 금융지주가; not 은행나무)."""
    run = _HANGUL_RUN.match(text, end).group()
    return not run or _is_tail(run) or run[0] == "들" and (len(run) == 1 or _is_tail(run[1:]))


def _overlaps(chosen: list[Mention], start: int, end: int) -> bool:
    """Whether a mention of `chosen` (sorted by start, none overlapping) overlaps [start, end)."""
    i = bisect_left(chosen, (end,)) - 1
    return i >= 0 and chosen[i][1] > start


# How sports clubs' names end (제주유나이티드, 강원FC, 대전하나시티즌, 롯데 자이언츠): a club's name that starts with a town's.
_CLUB_ENDINGS = ("FC", "유나이티드", "시티즌", "블루윙즈", "스틸러스", "드래곤즈", "타이거즈", "이글스", "자이언츠", "라이온즈",
                 "트윈스", "베어스", "위즈", "다이노스", "히어로즈", "랜더스", "와이번스", "원더스", "모터스")


def _clubs_by_place(table: Mapping[str, list[_Pattern]]) -> dict[int, set[int]]:
    """place entity id -> the ids of the clubs named after it (see Matcher._clubs_for_their_towns), from the patterns: the
    town before the club's word (제주유나이티드, 강원FC) or after FC (FC서울)."""
    places: dict[str, int] = {}
    clubs: list[tuple[str, int]] = []
    for patterns in table.values():
        for p in patterns:
            if p.kind == "place" and 2 <= len(p.surface) <= 4:
                places[p.surface] = p.entity_id
            elif p.kind == "company" and (p.surface.endswith(_CLUB_ENDINGS) or p.surface.startswith("FC")):
                clubs.append((p.surface, p.entity_id))
    found: dict[int, set[int]] = defaultdict(set)
    for surface, club in clubs:
        for n in (2, 3, 4):
            place = places.get(surface[:n])
            if place is not None and len(surface) > n:
                found[place].add(club)
        if surface.startswith("FC") and surface[2:].strip() in places:
            found[places[surface[2:].strip()]].add(club)  # FC서울, FC안양: the town after FC
    return dict(found)


_ENVOY_POST = re.compile(r"(?:대사관|대사|총영사관|총영사|공사|무관)")


def _envoy(text: str, start: int, end: int) -> bool:
    """The country of an envoy to Korea, glued to the post after 주한 (주한영국대사, 주한EU대사관, 주한 캐나다대사가)."""
    return (text[max(0, start - 2) : start] == "주한" or text[max(0, start - 3) : start] == "주한 ") and _ENVOY_POST.match(
        text, end) is not None


# --- words after a name that say it is no mention -------------------------------------------------

_RECEIVED = re.compile(r" 받(?:은|아|을|았|기|는|고|지|게)")
_WON_AFTER = re.compile(r"\s*(?:로|으로)?\s*(?:약\s*)?\d")
_WON_GLUED = re.compile(r"로\s*(?:약\s*)?\d")
