"""Entities: the shipped alias file, discovery of new names in an article, and mention matching.

Discovery (`Discoverer.discover`) proposes candidates for one article from
- the analyzer: kiwipiepy proper nouns (NNP), touching NNP/SL/SN runs merged (오픈+AI, SK+하이닉스),
  never across spaces (DESIGN.md: that made recall worse); Latin-only runs only when acronym- or
  brand-shaped (AWS, OpenAI), never inside brackets and never a generic acronym (CEO, AI, MOU);
- titles: a name left of a title word (최태원 SK그룹 회장, 맷 가먼 아마존웹서비스(AWS) CEO) -> person;
- suffixes: …부/처/청/위원회/협의회/연구소/재단/협회 -> org, …그룹/전자/텔레콤 -> company,
  …포럼/서밋/정상회의 -> event;
- brackets: 아마존웹서비스(AWS), 그렉 브로크만(Greg Brockman): both sides are one candidate.
`rule_candidates` runs the same rules without the analyzer (cheaper, less precise).

Type guess, first that applies: the alias file's type; title -> person; suffix type; …시/군/구/도/권
-> place; a 3-syllable name starting with a surname (no loanword syllable) -> person; a name
that is the whole of a quotation ('카나나') -> product; anything else -> company (in this domain
an unknown proper noun is most often a firm or brand; the user can retype it).

Candidates carry `count` (distinct places seen in the article) and `evidence`; the linker keeps a
new name when it has rule/title/bracket evidence or was seen twice.

Matching (`Matcher.find`) finds every alias with Aho-Corasick on a copy of the text without spaces,
then keeps hits whose edges are word edges: a Hangul name may be followed only by particles and
endings (오픈AI는, SK하이닉스와의, 삼성과) so 삼성 never matches inside 삼성전자 or 삼성물산; a Latin
name is never glued to Latin letters or digits (MS is not in MSIT), and Latin names of 3 letters or
fewer keep their capitals (ms is not MS). A space may be missing or extra only where the name has
one or between two scripts (SK 하이닉스 = SK하이닉스; 한 국가 is not 한국). Overlaps go to the leftmost,
then longest. `short_forms` adds 최 회장 / 김 대표 / 그렉 회장 for a person named earlier in the
same article with the same title, when exactly one such person exists.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick

from .hangul import normalize_name, strip_particle
from ..model import ENTITY_TYPES, Article, Candidate, InputError
from .numbers import parse_numbers

ALIAS_FILE = Path(__file__).resolve().parent.parent / "data" / "aliases.tsv"

Mention = tuple[int, int, int, str]  # (start, end, entity_id, surface)

# --- characters ---------------------------------------------------------------------------------


def _is_hangul(char: str) -> bool:
    return "가" <= char <= "힣"


def _is_latin_or_digit(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _has_hangul(s: str) -> bool:
    return any(_is_hangul(c) for c in s)


def _has_latin(s: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in s)


def _script(char: str) -> str:
    return "hangul" if _is_hangul(char) else "other"


# --- particles, endings and title words -----------------------------------------------------------

# What may follow a name inside the same written word, concatenated: 와+의, 에서+는, 이+라는, 였+다.
_TAIL_PIECES = frozenset(
    "이 가 은 는 을 를 의 에 와 과 도 만 로 으로 서 에서 에게 께 께서 한테 부터 까지 보다 처럼 같이 마저 조차 "
    "라도 나 든 랑 뿐 밖에 대로 마다 엔 요 다 였 었 고 며 면 라 란 라는 라고 지만 인 인데 야 죠 입니다 "
    "측 등 내 간 발 산 형 들 씨 님 회장 부회장 사장 대표 의장 "
    # a site glued to the name it belongs to: 울산공장, 평택캠퍼스, 구미사업장, 카카오본사
    "공장 캠퍼스 사업장 본사 사옥 법인 지사".split()
)
_TAIL_MAX = 6


@lru_cache(maxsize=1 << 16)
def _is_tail(run: str) -> bool:
    """True when a run of Hangul is nothing but particles/endings (과의, 에서는, 이라는, 회장은)."""
    if len(run) > _TAIL_MAX:
        return False
    reachable = [True] + [False] * len(run)
    for i in range(len(run)):
        if reachable[i]:
            for j in range(i + 1, min(len(run), i + 4) + 1):
                if run[i:j] in _TAIL_PIECES:
                    reachable[j] = True
    return reachable[-1]


# Title word -> family (the word a short form repeats: 최수연 … 대표이사, later 최 대표).
_TITLES: dict[str, str] = {
    "회장": "회장", "명예회장": "회장", "부회장": "부회장", "사장": "사장", "부사장": "부사장",
    "대표": "대표", "대표이사": "대표", "공동대표": "대표", "각자대표": "대표",
    "CEO": "CEO", "최고경영자": "CEO", "CTO": "CTO", "최고기술책임자": "CTO", "CFO": "CFO", "COO": "COO",
    "최고책임자": "책임자", "책임자": "책임자", "창업자": "창업자", "창업주": "창업자", "총수": "총수",
    "의장": "의장", "이사장": "이사장", "대통령": "대통령", "부총리": "부총리", "총리": "총리",
    "장관": "장관", "차관": "차관", "수석": "수석", "수석비서관": "수석", "비서관": "비서관",
    "비서실장": "비서실장", "실장": "실장", "위원장": "위원장", "부위원장": "부위원장", "원장": "원장",
    "청장": "청장", "처장": "처장", "본부장": "본부장", "센터장": "센터장", "소장": "소장", "총재": "총재",
    "사무총장": "사무총장", "교수": "교수", "의원": "의원", "대사": "대사", "지사장": "지사장",
    "전무": "전무", "상무": "상무", "부장": "부장", "팀장": "팀장", "리더": "리더", "총괄": "총괄",
}
_TITLES_LONGEST_FIRST = sorted(_TITLES, key=len, reverse=True)
_OPENERS = "‘“\"'[<《〈「『▲■△▶·-"
_CLOSERS = "’”\"']>》〉」』,.;:!?…·"


@lru_cache(maxsize=1 << 16)
def title_family(word: str) -> str | None:
    """The title a written word ends in, particles allowed after it (회장은, SK회장, 제2차관도,
    AI미래기획수석비서관는, CEO가) -> its family; None for 대표해, 리더십, 회장단."""
    word = word.rstrip(_CLOSERS)
    for cut in range(len(word), max(0, len(word) - _TAIL_MAX) - 1, -1):
        head, tail = word[:cut], word[cut:]
        if tail and not _is_tail(tail):
            continue
        for title in _TITLES_LONGEST_FIRST:
            if head.endswith(title):
                before = head[: -len(title)]
                if title.isascii() and before and _is_latin_or_digit(before[-1]):
                    continue
                return _TITLES[title]
    return None


_PAREN = re.compile(r"\([^()\n]*\)")


def _without_brackets(text: str) -> tuple[str, list[int]]:
    """Text with (…) groups removed, and for each kept character its offset in the original."""
    kept: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _PAREN.finditer(text):
        kept.append(text[pos : m.start()])
        offsets.extend(range(pos, m.start()))
        pos = m.end()
    kept.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return "".join(kept), offsets


def title_after(text: str, pos: int) -> str | None:
    """Title family written right after a name ending at pos, within four words of the same clause
    (최태원 SK그룹 회장, 김경훈 오픈AI 코리아 대표가, 유영상(오른쪽) SK텔레콤 대표이사)."""
    if pos < len(text) and (_is_hangul(text[pos]) or _is_latin_or_digit(text[pos])):
        return None  # the name carries a particle: the sentence goes on, no title follows
    window, _ = _without_brackets(text[pos : pos + 120])
    window = window.split("\n", 1)[0]
    for word in window.split()[:4]:
        family = title_family(word)
        if family:
            return family
        if word[-1] in _CLOSERS or word[0] in _OPENERS or strip_particle(word) != word:
            return None
    return None


# --- the alias file -----------------------------------------------------------------------------


def parse_alias_lines(text: str, origin: str = "alias-file") -> list[Candidate]:
    """Entities from alias-file text: type<TAB>name<TAB>alias|alias; # comments, blank lines skipped."""
    found: list[Candidate] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.rstrip("\r\n").split("\t")
        if len(parts) < 2 or len(parts) > 3:
            raise InputError(f"line {number}: expected type<TAB>name<TAB>aliases, got {line.strip()!r}")
        type_, name = parts[0].strip(), parts[1].strip()
        if type_ not in ENTITY_TYPES:
            raise InputError(f"line {number}: unknown type {type_!r} (one of {', '.join(ENTITY_TYPES)})")
        if not name:
            raise InputError(f"line {number}: the name is empty")
        aliases = [a.strip() for a in (parts[2] if len(parts) == 3 else "").split("|") if a.strip()]
        found.append(Candidate(name=name, type=type_, aliases=aliases, evidence=origin))
    return found


@cache
def _alias_file_text(path: str, mtime: float) -> str:
    return Path(path).read_text(encoding="utf-8-sig")


def load_alias_file(path: str | Path | None = None) -> list[Candidate]:
    """The entities of an alias file (the shipped one by default), evidence "alias-file"."""
    file = Path(path) if path else ALIAS_FILE
    return parse_alias_lines(_alias_file_text(str(file), file.stat().st_mtime))


@dataclass(slots=True)
class _Known:
    """Alias-file lookups used by discovery: normalized surface -> (canonical name, type), and the
    near-miss index that lets a typo (삼셩전자) join the entity it misspells."""

    by_key: dict[str, tuple[str, str]] = field(default_factory=dict)
    surfaces: dict[str, list[str]] = field(default_factory=dict)  # canonical name -> every surface
    # a Hangul key with one syllable blanked (삼?전자) -> the keys that fill it (삼성전자)
    near: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_candidates(cls, entities: Iterable[Candidate]) -> "_Known":
        known = cls()
        for c in entities:
            known.surfaces[c.name] = [c.name, *c.aliases]
            for surface in (c.name, *c.aliases):
                key = normalize_name(surface)
                if known.by_key.setdefault(key, (c.name, c.type)) != (c.name, c.type):
                    continue
                if _typo_prone(key):
                    for i in range(len(key)):
                        known.near.setdefault(key[:i] + "?" + key[i + 1 :], []).append(key)
        return known

    def get(self, surface: str) -> tuple[str, str] | None:
        return self.by_key.get(normalize_name(surface))

    def type_of(self, surface: str) -> str | None:
        hit = self.get(surface)
        return hit[1] if hit else None

    def near_miss(self, surface: str) -> tuple[str, str] | None:
        """The one known entity the surface misspells by a single jamo (삼셩전자 -> 삼성전자), if any.
        Only Hangul-only names of 3+ syllables: shorter ones (삼성/삼상) and Latin ones (LG/LS) are
        too often distinct names; a name listed in the file (삼성전기) is never a near miss."""
        key = normalize_name(surface)
        if key in self.by_key or not _typo_prone(key):
            return None
        found = {
            self.by_key[other]
            for i in range(len(key))
            for other in self.near.get(key[:i] + "?" + key[i + 1 :], ())
            if _one_jamo_apart(key[i], other[i])
        }
        return found.pop() if len(found) == 1 else None


def _typo_prone(key: str) -> bool:
    return len(key) >= 3 and all(_is_hangul(c) for c in key)


def _one_jamo_apart(a: str, b: str) -> bool:
    """Two syllables that differ in exactly one of initial, vowel and final (셩/성, 전/저, 자/차)."""
    x, y = ord(a) - 0xAC00, ord(b) - 0xAC00
    parts_x = (x // 588, x % 588 // 28, x % 28)
    parts_y = (y // 588, y % 588 // 28, y % 28)
    return sum(p != q for p, q in zip(parts_x, parts_y)) == 1


# --- matching -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Pattern:
    entity_id: int
    surface: str
    exact_case: bool  # short all-Latin names (MS, SK, LG, AMD) must keep their capitals
    space_gaps: frozenset[int]  # positions in the key where the surface itself has a space
    kind: str | None = None  # the entity's type, when the caller gave types
    all_tail: bool = False  # the name is itself a particle run (이란 = 이+란, 인도 = 인+도)


# Middle dots join words the way a space does: 아시아·태평양 is the alias file's 아시아태평양.
_DOTS = "·・‧∙"


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


def _squeeze(text: str) -> tuple[str, list[int]]:
    """`text` lower-cased with blanks and middle dots removed, and each kept character's offset in `text`."""
    low = text.lower()
    if len(low) != len(text):  # a few characters lower to two (İ): keep those as they are
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

_BRACKET_LOOKBACK = 120  # characters before a '(' that can hold the name it glosses
_EDITION = re.compile(r"(?:19|20)?\d\d(?![A-Za-z0-9])")  # CES2025, MWC25
_JUNIOR_NAME = re.compile(r"(?<![가-힣])([가-힣]{1,5}(?: [가-힣]{1,5})?) (?:주니어|2세)")
_JUNIOR = re.compile(r" ?(?:주니어|2세(?!대)|Jr\b)")
# A photo or graphic credit names no entity: 사진제공=삼성전자, (사진=연합뉴스), 그래픽=홍길동.
_CREDIT = re.compile(r"(?:사진|그래픽|자료|영상|이미지|일러스트|디자인)(?: ?제공)? ?= ?[^\s\])/,=]+")


class _Credits:
    """The credits of a text (see _CREDIT), to ask whether an offset falls inside one (bisect: linear overall)."""

    def __init__(self, text: str) -> None:
        self.spans = [m.span() for m in _CREDIT.finditer(text)] if "=" in text else []
        self.starts = [s for s, _ in self.spans]

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.spans[i][1]


def _outside_credits(text: str, hits: list[Mention]) -> list[Mention]:
    credits = _Credits(text)
    return [hit for hit in hits if hit[0] not in credits] if credits.spans else hits


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
                                           _is_hangul(key[0]) and _is_tail(key)))
        for key, patterns in table.items():
            self._automaton.add_word(key, (key, patterns))
        self._empty = not table
        if not self._empty:
            self._automaton.make_automaton()

    def may_match(self, text: str) -> bool:
        """False only when find(text) is surely empty; 10x cheaper than find (no offsets), for scanning a corpus."""
        if self._empty or not text:
            return False
        if (self._countries and any(c in text for c in _DOTS)) or (self._gyeonggi is not None and "경기 " in text):
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
        if self._gyeonggi is not None and "경기 " in text:
            hits += [(m.start(), m.end(), self._gyeonggi, "경기") for m in _GYEONGGI.finditer(text)]
        if "=" in text:
            hits = _outside_credits(text, hits)
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0]), h[2]))
        chosen: list[Mention] = []
        reach = -1
        for hit in hits:
            if hit[0] >= reach:
                if chosen and _glosses(text, chosen[-1], hit):
                    continue  # 고대역폭메모리(HBM): one mention, the name before the bracket
                chosen.append(hit)
                reach = hit[1]
        return chosen

    @staticmethod
    def _accepts(text: str, norm: str, offsets: list[int], first: int, last: int,
                 start: int, end: int, pattern: _Pattern) -> bool:
        written = text[start:end]
        if pattern.exact_case and "".join(written.split()) != "".join(pattern.surface.split()):
            return False
        # a space inside the match is fine where the name has one, or between two scripts (SK 하이닉스);
        # a middle dot also between two words of 2+ letters (아시아·태평양), not inside one (한·국)
        for k in range(first + 1, last + 1):
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
            if _is_hangul(head) and _is_hangul(before):
                return False
            if _is_latin_or_digit(head) and _is_latin_or_digit(before):
                return False
            if pattern.all_tail and (_is_latin_or_digit(before) or before in _CLOSERS or before in ")]"):
                return False  # HBM이란, ‘소버린 AI’인도: particles after a word, not 이란 or 인도
        if after:
            if _is_latin_or_digit(after) and (_is_latin_or_digit(tail) or _is_hangul(tail)):
                if not (pattern.kind == "event" and _EDITION.match(text, end)):
                    return False  # MSIT, 삼성SDI (but CES2025, 컴퓨텍스2025: an event and its year)
            if _is_hangul(after):
                run_end = end
                while run_end < len(text) and _is_hangul(text[run_end]):
                    run_end += 1
                if not _is_tail(text[end:run_end]):
                    return False  # 삼성 in 삼성전자, 카카오 in 카카오톡
                if pattern.kind == "place" and text[end] == "인":
                    return False  # 한국인, 미국인들: a people, not the place
        if pattern.kind == "person" and _JUNIOR.match(text, end):
            return False  # 도널드 트럼프 주니어 is the son, not 도널드 트럼프
        return True


# --- short forms --------------------------------------------------------------------------------

_COMPOUND_SURNAMES = ("남궁", "황보", "제갈", "선우", "독고", "사공", "서문")
_SHORT_FORM = re.compile(
    r"(?<![가-힣A-Za-z0-9])([가-힣]{1,5}) ?(" + "|".join(_TITLES_LONGEST_FIRST) + r")(?![A-Za-z0-9])"
)


def _person_keys(surface: str) -> list[str]:
    """How a person may be named again with a title: a Korean surname (최), a foreign first or last
    name (그렉, 가먼)."""
    words = surface.split()
    if len(words) >= 2 and all(_has_hangul(w) for w in words):
        return [words[0], words[-1]]
    if len(words) == 1 and _has_hangul(surface) and 3 <= len(surface) <= 4:
        if len(surface) == 4 and surface[:2] in _COMPOUND_SURNAMES:
            return [surface[:2]]
        if len(surface) == 3:
            return [surface[0]]
    return []


def short_forms(text: str, mentions: list[Mention], kinds: Mapping[int, str]) -> list[Mention]:
    """Extra person mentions written as surname (or foreign first/last name) + title: 최 회장 after
    최태원 SK그룹 회장, 김 대표 after 김경훈 … 대표, 그렉 회장 after 그렉 브로크만 … 회장.

    A short form counts only when, among persons named earlier in this article, exactly one has that
    surname and the same title family (최 대표 -> 최수연 대표이사 even after 최태원 회장); a person
    whose title was not written right after the name matches any title."""
    persons: dict[str, list[tuple[int, str | None, int]]] = defaultdict(list)  # key -> (start, title family, id)
    taken = sorted((s, e) for s, e, _, _ in mentions)  # mentions never overlap: sorted by start, ends too
    taken_starts = [s for s, _ in taken]
    for start, end, entity_id, surface in sorted(mentions):
        if kinds.get(entity_id) != "person":
            continue
        family = title_after(text, end)
        for key in _person_keys(surface):
            persons[key].append((start, family, entity_id))
    if not persons:
        return []
    extra: list[Mention] = []
    for m in _SHORT_FORM.finditer(text):
        start, end = m.start(), m.end()
        rest = end
        while rest < len(text) and _is_hangul(text[rest]):
            rest += 1
        if rest > end and not _is_tail(text[end:rest]):
            continue  # 최 회장단, 김 대표적
        i = bisect_left(taken_starts, end) - 1  # the last mention starting before this one ends
        if i >= 0 and taken[i][1] > start:
            continue
        key, family = m.group(1), _TITLES[m.group(2)]
        owners = {
            eid for p_start, p_family, eid in persons.get(key, ())
            if p_start < start and (p_family is None or p_family == family)
        }
        if len(owners) == 1:
            extra.append((start, end, owners.pop(), text[start:end]))
    return extra


# --- discovery: word lists, stop lists -------------------------------------------------------------

_SURNAMES = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 "
    "우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 "
    "맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 태 피".split()
)
# Syllables of transliterated foreign names that Korean given names do not use (나델라, 발라반).
_LOANWORD_SYLLABLES = frozenset("타 티 스 트 크 프 브 드 즈 츠 르 튼 턴 슨 먼 델 렐 벨 젤 펠 텔 켈 맥 렉 릭 닉 믹 퍼 커 버 저 뷔 퓨 쿠 푸 틴 탈".split())

# Proper-noun look-alikes: generic words the analyzer tags NNP, page furniture, adverbs that open a
# clause. They are never names on their own.
_NOT_NAMES = frozenset(
    """서밋 포럼 작게 크게 가장작게 가장크게 기본 좋아요 화나요 슬퍼요 추가취재 댓글 댓글목록 주요 뉴스 생성형 인터뷰
    멤버사 암호화폐 모빌리티 클라우드 코리아 글로벌 국내 해외 현지 단독 속보 종합 뉴 노멀 뉴노멀 인공지능 정부 회사 기업
    그룹 업계 관계자 재벌 대기업 계열 계열사 이날 이번 당시 지난 또한 이에 이어 특히 한편 아울러 오늘 내일 올해 지난해
    내년 뉴 노멀 신임 공동 초대 차기 한국형 사진 제공 기자 특파원 캐시 오피스 파트너 파트너사 스타트업 데이터센터 플랫폼
    테크 에너지 인프라 디지털 솔루션 서비스 프로젝트 얼라이언스 위원회 대외협력 전략 정책 시장 산업
    또 및 다시 역시 이미 바로 모두 함께 더 덜 곧 늘 잘 꼭 각 총 전 현 前 現
    최근 현재 앞서 당초 향후 그간 그동안 이후 직접 최초 시스템 클러스터 단지 벨트
    한미 한중 한일 미중 승용 상용""".split()
)
# Acronyms that name no one: the analyzer and the bracket rule ignore them.
_GENERIC_LATIN = frozenset(
    """AI CEO CTO CFO COO CIO CSO CPO GPU CPU NPU TPU LLM SLM AGI API SW HW IT ICT IoT AR VR XR MR
    MOU MoU LOI NDA IPO M&A ESG R&D GDP PC TV OS DX AX SDV EV UAM PBV DB SaaS B2B B2C KPI
    SUMMIT Summit FORUM Forum CEO서밋 PR Q&A VS vs OK No NO PM AM KST IP
    TF AP SoC PHEV HEV BEV FCEV OLED LCD ADAS OTA ETF EUV ESS SUV""".split()
)
_STOCK_CODE = re.compile(r"(?:A|KRX: ?|코스피: ?|코스닥: ?)?\d{6}")
_GENERIC_LATIN_UPPER = frozenset(s.upper() for s in _GENERIC_LATIN)  # a bracket may write them lower case: (phev)
# Small words of an English phrase: a bracket of 4+ words with one translates a slogan or a title, not a name.
_ENGLISH_FUNCTION_WORDS = frozenset("a an the of in on to for with and or at by from".split())
_SUBSIDIARY_WORDS = frozenset("자회사 손자회사 계열사 관계사 자회사인 계열사인".split())
_FIRM_WORDS = frozenset("시장조사업체 시장조사기관 조사업체 리서치업체 컨설팅업체 컨설팅사 컨설팅기업".split())
# A model code: capitals and 3-4 digits (H100, MI450, AI250, GB200), never glued to other letters or digits.
_MODEL_CODE = re.compile(r"(?<![A-Za-z0-9&.\-])[A-Z]{1,3}\d{3,4}[A-Z]?(?![A-Za-z0-9%~만억조천백]|[.,]\d)")
_NOT_MODEL_PREFIXES = ("RE", "ISO", "KS", "ES", "SP", "PM", "TOP")
# A product family followed by its model: 갤럭시 S25, 갤럭시 Z 폴드7, 아이오닉6, 아이폰 16.
_FAMILY_MODEL = re.compile(
    r"(?<![가-힣A-Za-z0-9])(?:(?:갤럭시(?: ?(?:탭|워치|버즈|북))?|아이오닉|아이폰|아이패드|맥북(?: ?(?:에어|프로))?|픽셀) ?"
    r"(?:[A-Z]{1,2} ?)?(?:폴드|플립)?\d{1,3}|엑시노스 ?\d{3,4}|스냅드래곤 ?\d{1,3})[A-Z+]?(?![A-Za-z0-9%~만억조천백]|[.,]\d)"
)
_MODEL_VARIANT = re.compile(
    r" (?:울트라|플러스|프로 맥스|프로|엣지|미니|FE|Ultra|Plus|Pro Max|Pro|엘리트|Elite|(?:Gen|젠) ?\d)(?![A-Za-z0-9])")
_ORG_SUFFIXES = ("위원회", "협의회", "연구소", "연구원", "재단", "협회", "연합회", "학회", "공사", "공단", "사무소",
                 "진흥원", "평가원", "기술원", "연맹", "얼라이언스", "대학교", "부", "처", "청")
_COMPANY_SUFFIXES = ("그룹", "전자", "증권", "텔레콤", "중공업", "홀딩스", "물산", "건설", "화학", "바이오",
                     "반도체", "테크", "제약", "정밀", "케미칼", "디스플레이", "로보틱스", "제철", "모빌리티",
                     "신용평가", "자산운용")
# Stems that make a common noun, not a company, with those suffixes (메모리반도체, 재생에너지, 첨단테크).
_GENERIC_STEMS = frozenset("""메모리 시스템 전력 차량용 차세대 첨단 국산 국내 해외 글로벌 파워 화합물 지능형 고성능 저전력 비메모리
    AI 인공지능 미래 퓨처 산업 기초 정밀 의료 공공 대기업 중소기업 석유 정유 종합 생활 산업용 하이 로봇 자율주행 민자 국제""".split())
_EVENT_SUFFIXES = ("정상회의", "포럼", "서밋", "엑스포", "박람회", "컨퍼런스", "콘퍼런스", "쇼케이스", "페스티벌")
# Suffixes that may stand as a word of their own after a name (K-AI 얼라이언스, 도이치 텔레콤); 사무소 ends a
# body's name only inside its word (방송통신사무소): 한국 사무소 is a branch office.
_STANDALONE_SUFFIXES = frozenset(_ORG_SUFFIXES + _COMPANY_SUFFIXES + _EVENT_SUFFIXES) - {"사무소"}
_PLACE_TITLES = ("도지사", "지사", "시장", "군수", "교육감")  # titles only when glued to a known place (경북도지사)
# Named roads and districts end in these (영동고속도로, 판교테크노밸리); 고속도로 alone is no name.
# Words that say the quoted title after them is a game or an app (게임 '에버소울', 기대작 ‘아키에이지 워’).
_WORK_WORDS = frozenset("게임 신작 기대작 후속작 흥행작 대표작 모바일게임 온라인게임 앱 애플리케이션 챗봇".split())
_QUOTED_NAME = re.compile(r"[‘'\"“]([^‘’'\"“”\n,.]{2,30})[’'\"”]")
_SITE_SUFFIXES = ("고속도로", "테크노밸리")
_UNIT_ENDINGS = ("본부", "사업부", "총괄부", "지도부", "집행부")
_PLACE_SUFFIXES = ("특별시", "광역시", "시", "군", "구", "도", "권")
_LIST_BREAK = re.compile(r"[·・‧∙…”“’‘\"']")
_C_LEVEL = re.compile(r"C[A-Z]{1,3}O")  # CRO, CMO, CHRO, CISO
_NUMBERED_PART = re.compile(r"\d+[가-힣]{1,3}")
_PART_CODE = re.compile(r"[A-Z]{1,2}\d{1,2}")
# What a spelled-out technology acronym ends in (소형모듈원전, 그래픽처리장치, 전고체전지); a firm named
# like that (…반도체, …에너지) is left alone: those words are not here.
_TECH_HEADS = ("원전", "원자로", "메모리", "기술", "공정", "전지", "소자", "장치", "모듈", "센서", "발전소", "모델",
               "지능", "통신망", "네트워크", "패키징", "자동차", "처리기")
_EVIDENCE_RANK = {"bracket": 4, "title": 3, "rule": 2, "analyzer": 1}
_BARRIER_TAGS = ("J", "E", "V", "XSV", "XSA", "MAG", "MAJ", "NP", "IC")
_REPORTER = re.compile(r"([가-힣]{2,4}(?:·[가-힣]{2,4}){0,5})\s?(?:기자|특파원)")  # bounded: a 10^5-name ·-chain stays linear


@lru_cache(maxsize=1 << 16)
def _suffix_type(name: str) -> tuple[str, str] | None:
    """(type, suffix) for a name ending in an organisation, company or event word."""
    for suffixes, type_ in ((_EVENT_SUFFIXES, "event"), (_COMPANY_SUFFIXES, "company"), (_ORG_SUFFIXES, "org"),
                            (_SITE_SUFFIXES, "place")):
        for suffix in suffixes:
            if name.endswith(suffix) and len(name) > len(suffix):
                return type_, suffix
    return None


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


def _site_core(word: str) -> str | None:
    """The name of a road or district with its particles cut (영동고속도로를: 도로 looks like particles to _strip_tail)."""
    for suffix in _SITE_SUFFIXES:
        i = word.find(suffix)
        if i > 0 and (i + len(suffix) == len(word) or _is_tail(word[i + len(suffix) :])):
            return word[: i + len(suffix)]
    return None


def _name_pair(run: list[_Word]) -> list[_Word] | None:
    """The two words of a run of name-like words that name a person: the first pair that starts with a
    transliterated word (만난 젠슨 황 → 젠슨 황; 스티븐 발라반 람다 → 스티븐 발라반), else the first that can be
    a foreign name at all (팀 쿡), else none (만난 최)."""
    pairs = [run[i : i + 2] for i in range(len(run) - 1) if _foreign_name_pair(run[i].core, run[i + 1].core)]
    for first, last in pairs:
        if any(c in _LOANWORD_SYLLABLES for c in first.core):
            return [first, last]
    return pairs[0] if pairs else None


def _foreign_name_pair(first: str, last: str) -> bool:
    """Two words that can be a foreign name. A one-syllable Korean surname after a word with no loanword
    syllable is a verb or adverb before a surname and title (만난 최 회장, 찾은 황 CEO), not a name like
    젠슨 황."""
    return not (len(last) == 1 and last in _SURNAMES and not any(c in _LOANWORD_SYLLABLES for c in first))


def _looks_korean_name(core: str) -> bool:
    if len(core) == 4 and core[:2] in _COMPOUND_SURNAMES:
        given = core[2:]
    elif len(core) == 3 and core[0] in _SURNAMES:
        given = core[1:]
    else:
        return False
    if core.endswith("당"):
        return False  # 공화당, 민주당, 정의당: parties; no given name ends in 당
    return all(_is_hangul(c) for c in core) and not any(c in _LOANWORD_SYLLABLES for c in given)


# Connectives and postpositional words that the title rule can take for a two-word name.
_FUNCTION_WORDS = frozenset("""이와 함께 이에 따라 따르면 위해 통해 대해 대한 관련 이후 이전 당시 가운데 동안 이어 또한 아울러 기간 중
    마련해 이사회""".split())


def _is_amount(surface: str) -> bool:
    """True when the whole surface is a number with a unit (1기가와트, 500메가와트, 20조원)."""
    found = parse_numbers(surface)
    return bool(found) and found[0].start == 0 and found[-1].end >= len(surface.rstrip())


@lru_cache(maxsize=1 << 16)
def _strip_tail(core: str) -> str:
    """The word without trailing particles (뷔나그룹은 -> 뷔나그룹, SK하이닉스와의 -> SK하이닉스, 카카오페이가 ->
    카카오페이: 이 after a vowel is no particle)."""
    for cut in range(max(1, len(core) - _TAIL_MAX), len(core)):
        if _is_hangul(core[cut]) and _is_tail(core[cut:]) and len(core[:cut]) >= 2 and _particle_fits(core[cut - 1], core[cut:]):
            return core[:cut]
    return core


_AFTER_CONSONANT = ("은", "을", "과", "으로")  # particles written only after a final consonant (삼성은, 삼성과)
_AFTER_VOWEL = ("는", "를", "와", "가")  # and only after a vowel (카카오는, 카카오와)
_COPULA_ENDINGS = ("다", "라", "란", "며", "고", "나", "었", "던", "지만", "ㄴ")


def _particle_fits(last: str, tail: str) -> bool:
    """Whether a particle run can follow a syllable: 카카오페+이가 cannot (after a vowel the subject particle is
    가, and 이가 is no particle run), so 카카오페이가 is 카카오페이+가. Non-Hangul before the tail: anything goes."""
    if not _is_hangul(last):
        return True
    has_final = (ord(last) - 0xAC00) % 28 != 0
    if has_final:
        return not tail.startswith(_AFTER_VOWEL)
    if tail.startswith(_AFTER_CONSONANT):
        return False
    return not tail.startswith("이") or tail[1:].startswith(_COPULA_ENDINGS)  # 카카오페이다 may be 카카오페 + 이다


@dataclass(slots=True)
class _Word:
    core: str  # the written word without opening/closing punctuation
    start: int  # offset of core[0] in the text
    end: int  # offset after core[-1]
    opens: bool  # punctuation before it: a clause or quotation starts here
    closes: bool  # punctuation after it: a clause ends here
    line_start: bool  # first word of a line
    tags: list[tuple[str, str]] | None  # analyzer tokens over the word; None without the analyzer


class _Token(NamedTuple):
    form: str
    tag: str
    start: int
    len: int


@dataclass(slots=True)
class _Hit:
    surface: str
    start: int
    evidence: str
    type: str | None = None


class _Article:
    """One article's text prepared for the rules: words with the brackets taken out, analyzer tokens."""

    def __init__(self, text: str, tokens: list[Any] | None, known: _Known) -> None:
        self.text = text
        self.known = known
        # plain tuples: attribute access on the analyzer's token objects is slow
        self.tokens = None if tokens is None else [_Token(t.form, t.tag, t.start, t.len) for t in tokens]
        self.words = self._words(text, self.tokens)
        self.glosses: set[str] = set()  # bracket sides that name nothing (filled by bracket_hits)
        self._word_starts = [w.start for w in self.words]

    @staticmethod
    def _words(text: str, tokens: list[_Token] | None) -> list[_Word]:
        stripped, offsets = _without_brackets(text)
        starts = [t.start for t in tokens] if tokens is not None else []
        words: list[_Word] = []
        previous_end = 0
        for m in re.finditer(r"[^\s…]+", stripped):  # an ellipsis ends a phrase: 공급”…LG전자와 is two words
            raw = m.group()
            lead = len(raw) - len(raw.lstrip(_OPENERS))
            trail = len(raw) - len(raw.rstrip(_CLOSERS))
            core = raw[lead : len(raw) - trail] if len(raw) > lead + trail else ""
            cut = core.rfind("]") + 1 if "]" in core else 0
            if cut:  # [KBS 전주]LS그룹이: a dateline glued to the first word; the word starts after it
                core, lead = core[cut:], lead + cut
            if not core:
                continue
            first, last = m.start() + lead, m.end() - trail - 1
            start, end = offsets[first], offsets[last] + 1
            line_start = "\n" in stripped[previous_end : m.start()] or not words
            previous_end = m.end()
            tags = None
            if tokens is not None:
                k = bisect_left(starts, start)
                tags = []
                if k > 0 and starts[k - 1] + tokens[k - 1].len > start:
                    tags.append((tokens[k - 1].form, tokens[k - 1].tag))  # 샘 올트먼: one token, two words
                bracketed = end - start != last - first + 1  # (…) removed from inside this word
                while k < len(tokens) and starts[k] < end:
                    if not bracketed or starts[k] in offsets[first : last + 1]:
                        tags.append((tokens[k].form, tokens[k].tag))
                    k += 1
            if "(" in text[start:end] or ")" in text[start:end]:
                core = re.sub(r"\([^()]*\)", "", core)
            words.append(_Word(core, start, end, lead > 0, trail > 0, line_start, tags))
        return words

    # word predicates: with analyzer tokens when there are any, from spelling alone otherwise

    def has_barrier(self, w: _Word) -> bool:
        """A particle, verb ending or adverb: the word ends (or is not) a noun phrase."""
        if w.tags is not None:
            return any(tag.startswith(_BARRIER_TAGS) for _, tag in w.tags)
        return strip_particle(w.core) != w.core or w.core[-1] in "다며고해한된던서면"

    def is_name_word(self, w: _Word) -> bool:
        """One word of a foreign name (맷, 가먼, 브로크만): Hangul, a proper noun or unknown word."""
        core = w.core
        if not all(_is_hangul(c) for c in core) or core in _NOT_NAMES or title_family(core):
            return False
        kind = self.known.type_of(core)
        if kind is not None and kind != "person":
            return False
        if self.has_barrier(w):
            return False
        if w.tags is not None and not (all(tag == "NNP" for _, tag in w.tags) or (len(w.tags) == 1 and w.tags[0][1] == "NNG")):
            return False
        suffix = _suffix_type(core) if len(core) >= 4 else None
        return suffix is None or len(suffix[1]) < 2  # 당 과학기술특별위원회 위원장: a body and its head, not a name

    def is_korean_name(self, w: _Word, before_title: bool = False) -> bool:
        """최태원, 김경훈, 유영상: a surname syllable and a given name, not a common noun (이사회).
        Right before a title that takes a particle itself, a name may end like one: 안동은 부사장을,
        홍성은 대표는 (a place with a topic particle is not followed by a title noun)."""
        core = w.core
        if not _looks_korean_name(core) or core in _NOT_NAMES or title_family(core):
            return False
        kind = self.known.type_of(core)
        if kind is not None:
            return kind == "person"
        if w.tags is not None:
            if len(w.tags) == 1 and w.tags[0][1] != "NNP" or any(" " in form for form, _ in w.tags):
                return False  # a common noun (이사회), or one word of a longer name (사티아 나델라)
            # 정부가 = noun + particle; 김경훈 may come out as 김경/NNP 후/NNG ᆫ/JX (a jamo, not a particle)
            return not any(tag.startswith(_BARRIER_TAGS) and _is_hangul(form[0]) for form, tag in w.tags)
        return before_title or strip_particle(core) == core

    # rules

    def title_hits(self) -> list[_Hit]:
        """Persons named left of a title word: the name, then up to five organisation words."""
        hits: list[_Hit] = []
        words = self.words
        for i, w in enumerate(words):
            if not (title_family(w.core) or _place_title_heads(w.core) and self._place_title(w.core)) or (
                    w.tags is not None and not self._title_is_noun(w)):
                continue
            # 안동은 부사장을 / 안동은 대표는: the title is the noun phrase; 안동은 대표 관광지: an adjective
            title_ends_clause = w.closes or strip_particle(w.core) != w.core
            run: list[_Word] = []
            person: str | None = None
            start = 0
            j, steps = i - 1, 0
            while j >= 0 and steps < 6 and not words[j + 1].line_start:
                word = words[j]
                if word.closes or title_family(word.core):
                    break
                if "·" in word.core and not run:
                    hits += self._dot_names(word)  # 김영식·구자근 국민의힘 의원: each a person
                    break
                if self.is_korean_name(word, before_title=j == i - 1 and title_ends_clause) and len(run) < 2:
                    person, start = word.core, word.start
                    break
                if self.is_name_word(word):
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
            pair = _name_pair(run)
            if person is None and pair is not None:
                person, start = " ".join(x.core for x in pair), pair[0].start
            if person:
                hits.append(_Hit(person, start, "title", "person"))
        return hits

    def _place_title(self, core: str) -> bool:
        """경북도지사, 구미시장, 성남시장은: a head of a place, written glued to a place the alias file knows (alone,
        시장 is a market: 전기차 시장)."""
        return any(self.known.type_of(head) == "place" for head in _place_title_heads(core))

    def _dot_names(self, w: _Word) -> list[_Hit]:
        """Korean names joined by middle dots before a title (김영식·구자근 의원): every part must look like one."""
        parts = w.core.split("·")
        if not 2 <= len(parts) <= 6:
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

    def _title_is_noun(self, w: _Word) -> bool:
        # 대표해/VV and 리더십 never reach here (title_family); this drops titles the analyzer reads as verbs
        return not any(tag.startswith(("V", "E")) and _is_hangul(form[0]) and form not in _TAIL_PIECES
                       for form, tag in w.tags or [])

    def suffix_hits(self) -> list[_Hit]:
        """과학기술정보통신부, SK수펙스추구협의회, 뷔나그룹, 퓨처테크포럼, K-AI 얼라이언스."""
        hits: list[_Hit] = []
        for i, w in enumerate(self.words):
            core = ("고속도로" in w.core or "테크노밸리" in w.core) and _site_core(w.core) or _strip_tail(w.core)
            found = _suffix_type(core)
            if found is None and core in _STANDALONE_SUFFIXES and i > 0:
                # standalone suffix word after a Latin or proper-noun word: K-AI 얼라이언스, 도이치 텔레콤
                prev = self.words[i - 1]
                if not prev.closes and not w.line_start and not w.opens and self._can_head(prev):
                    hits.append(_Hit(f"{prev.core} {core}", prev.start, "rule", _suffix_type("x" + core)[0]))
                continue
            if "·" in core:
                hits += self._dot_list_hits(w, core)
                continue
            if found is None or not self._suffix_word_ok(w, core, *found):
                continue
            hits.append(_Hit(core, w.start, "rule", found[0]))
        return hits

    def _dot_list_hits(self, w: _Word, core: str) -> list[_Hit]:
        """Each name of a ·-joined list read on its own: 방송통신사무소·시청자미디어재단·한국방송광고진흥공사
        (메모리·시스템반도체 stays a pair of common nouns: 시스템 is a generic stem)."""
        hits: list[_Hit] = []
        offset = w.start
        for part in core.split("·"):
            found = _suffix_type(part) if len(part) >= 3 else None
            if found is not None:
                alone = _Word(part, offset, offset + len(part), False, False, False, None)
                if self._suffix_word_ok(alone, part, *found):
                    hits.append(_Hit(part, offset, "rule", found[0]))
            offset += len(part) + 1
        return hits

    def subsidiary_hits(self) -> list[_Hit]:
        """A firm named right after the word that says what it is: after 자회사/계열사 one called after a known
        company (자회사 카카오게임즈가, 계열사 카카오페이·카카오모빌리티; 자회사 설립 names no one), after
        시장조사업체/컨설팅업체 a Latin or transliterated name (시장조사업체 카운터포인트리서치에 따르면; 조사 is no
        name)."""
        hits: list[_Hit] = []
        for i, w in enumerate(self.words[:-1]):
            head = _strip_tail(w.core)
            if w.closes or (head not in _SUBSIDIARY_WORDS and head not in _FIRM_WORDS):
                continue
            after = self.words[i + 1]
            if after.line_start:
                continue
            offset = after.start
            for part in after.core.split("·"):
                name = _strip_tail(part)
                if self._named_after_a_company(name) if head in _SUBSIDIARY_WORDS else self._foreign_firm_name(name):
                    hits.append(_Hit(name, offset, "rule", "company"))
                offset += len(part) + 1
        return hits

    def _foreign_firm_name(self, name: str) -> bool:
        if len(name) < 2 or name in _NOT_NAMES or name in _GENERIC_LATIN or self.known.get(name):
            return False
        if _has_latin(name):
            return name.isascii() and name[0].isupper()  # IDC, Gartner; not 'AI반도체'
        return len(name) >= 3 and all(_is_hangul(c) for c in name) and any(c in _LOANWORD_SYLLABLES for c in name)

    def _named_after_a_company(self, name: str) -> bool:
        if len(name) < 3 or name in _NOT_NAMES or self.known.get(name) or not (_has_hangul(name) or _has_latin(name)):
            return False
        return any(self.known.type_of(name[:k]) == "company" for k in range(len(name) - 1, 1, -1))

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

    def quoted_work_hits(self) -> list[_Hit]:
        """A title in quotation marks right after the word that says it is a game or an app: 서브컬처 게임 '에버소울',
        기대작 ‘아키에이지 워’, 신작 "오딘". Anything else quoted (a slogan, a quote) is left alone."""
        hits: list[_Hit] = []
        text = self.text
        for m in _QUOTED_NAME.finditer(text):
            name = m.group(1).strip()
            lead = text[max(0, m.start() - 12) : m.start()]
            words = lead.split()
            if not words or lead[-1:] not in (" ", "") or words[-1] not in _WORK_WORDS:
                continue
            if len(name) < 2 or len(name.split()) > 4 or name in _NOT_NAMES or self.known.type_of(name) not in (None, "product"):
                continue
            if name[-1] in "다요" or not (_has_hangul(name) or _has_latin(name)):
                continue  # a sentence quoted, not a title
            if self._tail_ok(m.end()):
                hits.append(_Hit(name, m.start(1) + len(m.group(1)) - len(m.group(1).lstrip()), "rule", "product"))
        return hits

    def model_hits(self) -> list[_Hit]:
        """Products written with a model code: H100, MI450, AI250; 갤럭시 S25 (울트라), 아이오닉6, 아이폰 16 프로."""
        hits: list[_Hit] = []
        text = self.text
        for m in _MODEL_CODE.finditer(text):
            code = m.group()
            if re.fullmatch(r"[A-Z]+(?:19|20)\d\d", code) or code.startswith(_NOT_MODEL_PREFIXES):
                continue  # CES2025 is an edition, RE100 a pledge, ISO9001 a standard
            if self._tail_ok(m.end()):
                hits.append(_Hit(code, m.start(), "rule", "product"))
        for m in _FAMILY_MODEL.finditer(text):
            end = m.end()
            surface = m.group()
            variant = _MODEL_VARIANT.match(text, end)
            if variant and not self._tail_ok(variant.end()):
                continue  # 스냅드래곤 7 엘리트급: a class of chips, not the model before the tier word
            if variant:
                surface, end = text[m.start() : variant.end()], variant.end()
            if self._tail_ok(end):
                hits.append(_Hit(" ".join(surface.split()), m.start(), "rule", "product"))
        return hits

    def _tail_ok(self, end: int) -> bool:
        """Whether a name ending at `end` ends the written word there (아이오닉6는, 갤럭시 S25와; not 아이폰 2대)."""
        text = self.text
        run_end = end
        while run_end < len(text) and _is_hangul(text[run_end]):
            run_end += 1
        return run_end == end or _is_tail(text[end:run_end])

    def _can_head(self, prev: _Word) -> bool:
        if prev.core in _GENERIC_LATIN or prev.core in _NOT_NAMES or self.has_barrier(prev):
            return False
        if self.known.type_of(prev.core) == "place":
            return False  # 용인 반도체 (클러스터), 한국 사무소: where, not a name
        if _suffix_type(prev.core) is not None:
            return False  # 삼성전자 반도체 (부문): a named firm and one of its businesses, not a new firm
        if _has_latin(prev.core):
            return prev.core.rstrip("0123456789") not in _GENERIC_LATIN
        return prev.tags is not None and bool(prev.tags) and all(tag == "NNP" for _, tag in prev.tags)

    def _suffix_word_ok(self, w: _Word, core: str, type_: str, suffix: str) -> bool:
        stem = core[: -len(suffix)]
        if not stem or stem in _NOT_NAMES or stem in _GENERIC_STEMS or any(c in "·/" for c in core) or stem.isdigit():
            return False
        if not (_has_hangul(stem) or _has_latin(stem)):
            return False
        if suffix == "부" and core.endswith(_UNIT_ENDINGS):
            return False  # 공약개발본부, 반도체사업부: a unit inside a party or firm, not a ministry
        if len(suffix) == 1 and (len(stem) < 3 or any(c in _LOANWORD_SYLLABLES for c in stem)):
            # 정부, 수요처, 지도부 (국방부 is in the alias file); 인프라스트럭처 is no agency
            return False
        name_like = _has_latin(stem)
        if w.tags is not None:
            tags = list(w.tags)
            while tags and tags[-1][1].startswith("J"):
                tags.pop()
            if len(tags) == 1 and tags[0][1] in ("NNG", "NNB"):
                return False  # one dictionary noun: 수요처, 이사회
            stem_tags = tags[:-1] if tags and tags[-1][0] == suffix else []
            # a proper noun, or a stem the analyzer had to break into odd pieces (뷔/NNG 나/JC): an
            # unknown word, most likely a name; a stem of dictionary nouns (재벌그룹) is not
            name_like = name_like or any(t == "NNP" for _, t in tags) or any(
                not t.startswith(("NN", "XSN", "XPN")) for _, t in stem_tags)
        if type_ == "company" or type_ == "place":
            return name_like or (w.tags is None and len(stem) >= 2)
        return name_like or len(stem) >= 3

    def bracket_hits(self) -> tuple[list[_Hit], list[tuple[str, str]]]:
        """아마존웹서비스(AWS), 그렉 브로크만(Greg Brockman), HBM(고대역폭 메모리): both sides, linked."""
        hits: list[_Hit] = []
        pairs: list[tuple[str, str]] = []
        text = self.text
        for m in _PAREN.finditer(text):
            inner = m.group()[1:-1].strip()
            # A name before a bracket is a few words long: look back a bounded stretch, so a 3 MB line
            # with many brackets stays linear.
            line_start = max(text.rfind("\n", max(0, m.start() - _BRACKET_LOOKBACK), m.start()) + 1,
                             m.start() - _BRACKET_LOOKBACK)
            before = text[line_start : m.start()]
            if not before or before[-1].isspace() or not inner:
                continue
            if _STOCK_CODE.fullmatch(inner):
                hits += self._listed_firm(before, m.start())
                continue
            year = re.search(r"\s+(19|20)\d\d$", inner)
            if year:  # SK AI 서밋 2024(SK AI Summit 2024): the names without the edition
                inner = inner[: year.start()]
                before = re.sub(r"\s+(19|20)\d\d$", "", before)
            if re.fullmatch(r"[A-Za-z][A-Za-z0-9&.\- ]*[A-Za-z0-9+]|[A-Za-z]", inner):
                inner_is_latin = True
            elif re.fullmatch(r"[가-힣][가-힣 ]*", inner) and len(inner) <= 20:
                inner_is_latin = False
            else:
                continue
            n_words = len(inner.split()) if inner_is_latin else 1
            if inner_is_latin and (n_words >= 6 or n_words >= 4 and not _ENGLISH_FUNCTION_WORDS.isdisjoint(inner.split())):
                continue  # ‘모바일 AI 경험의 다음 큰 도약(The Next Big Leap in Mobile AI Experiences)’: a phrase
            outer_words = before.split()[-n_words:]
            if any(c in _CLOSERS for w in outer_words[:-1] for c in w[-1:]):
                outer_words = outer_words[-1:]
            outer_words = [w for w in (x.lstrip(_OPENERS) for x in outer_words) if w]
            if len(outer_words) > 1 and any(self._word_at(text.rfind(x, 0, m.start())) is None for x in outer_words):
                outer_words = outer_words[-1:]
            outer = re.sub(r"\s+(19|20)\d\d$", "", " ".join(outer_words))
            # D램·소형모듈원전(SMR), 투자…AI 반도체(…): the name starts after a list dot or an ellipsis
            outer = _LIST_BREAK.split(outer)[-1].strip()
            if outer and outer[-1].isdigit() and not _has_latin(outer):
                continue
            if not self._bracket_pair_ok(outer, inner, inner_is_latin, m.start() - len(outer)):
                continue
            type_ = self.known.type_of(outer) or self.known.type_of(inner)
            if type_ is None and inner_is_latin and len(inner.split()) >= 2 and all(
                x[:1].isupper() and not x.isupper() for x in inner.split()
            ) and len(outer.split()) == len(inner.split()):
                type_ = "person"  # 그렉 브로크만(Greg Brockman)
            start = m.start() - len(outer)
            hits.append(_Hit(outer, start, "bracket", type_))
            hits.append(_Hit(inner, m.start() + 1, "bracket", type_))
            pairs.append((outer, inner))
        return hits, pairs

    def _listed_firm(self, before: str, bracket: int) -> list[_Hit]:
        """카카오게임즈(293490), 에코프로비엠(A247540): a name with its six-digit stock code is a listed company."""
        name = _LIST_BREAK.split(before.split()[-1].lstrip(_OPENERS))[-1]
        if (len(name) < 2 or name in _NOT_NAMES or name.upper() in _GENERIC_LATIN_UPPER or name[0].isdigit() or name[-1].isdigit()
                or not (_has_hangul(name) or _has_latin(name)) or self.known.type_of(name) not in (None, "company")):
            return []
        return [_Hit(name, bracket - len(name), "rule", "company")]

    def _word_at(self, offset: int) -> _Word | None:
        i = bisect_right(self._word_starts, offset) - 1
        if i >= 0 and self.words[i].start <= offset < self.words[i].end:
            return self.words[i]
        return None

    def _bracket_pair_ok(self, outer: str, inner: str, inner_is_latin: bool, outer_start: int) -> bool:
        if len(outer) < 2 or len(inner) < 2:
            return False
        if self._is_gloss(outer, inner, inner_is_latin):
            self.glosses.update((outer, inner))  # the analyzer may not propose them either
            return False
        if inner.upper() in _GENERIC_LATIN_UPPER or outer in _GENERIC_LATIN or outer in _NOT_NAMES or inner in _NOT_NAMES:
            return False
        if inner_is_latin == (not _has_hangul(outer)):
            return False  # both Latin or both Hangul: a gloss (버틀넥(병목현상)), not a second name
        if self.known.get(outer) and self.known.get(inner):
            return self.known.get(outer) == self.known.get(inner)
        latin, hangul = (inner, outer) if inner_is_latin else (outer, inner)
        if _ACRONYM.fullmatch(latin) and not self._spells_out(hangul, latin):
            return False  # 메모리 반도체(HBM), 지식재산권(IP): a noun glossed by an acronym it does not spell
        if not inner_is_latin:
            return True  # HBM(고대역폭 메모리): a Latin name spelled out
        w = self._word_at(outer_start + len(outer) - 1)
        if w is not None and w.tags is not None:
            nouns = [t for _, t in w.tags if not t.startswith("J")]
            if len(nouns) == 1 and nouns[0] == "NNG" and len(outer.split()) == 1:
                return False  # 반도체(HBM): a common noun glossed by a name
        return True

    def _spells_out(self, name: str, acronym: str) -> bool:
        """Whether a Hangul name may be written beside an acronym (아마존웹서비스(AWS), HBM(고대역폭 메모리)):
        its words spell the acronym's letters (see spells_acronym), or the alias file names both sides as
        one entity, or the name holds a known spelling of the acronym's entity (초고대역폭메모리 holds
        고대역폭메모리). 메모리 반도체(HBM) is none of these: 반도체 is no name for HBM."""
        if spells_acronym(name, acronym):
            return True
        entity = self.known.get(acronym)
        if entity is None:
            return False
        squeezed = normalize_name(name)
        return any(len(k) >= 3 and k in squeezed for k in map(normalize_name, self.known.surfaces.get(entity[0], ())))

    def _is_gloss(self, outer: str, inner: str, inner_is_latin: bool) -> bool:
        """A bracket that spells out or labels something that is not a name."""
        if title_family(outer) or _C_LEVEL.fullmatch(inner):
            return True  # 최고매출책임자(CRO): a job title
        if _is_amount(outer):
            return True  # 250메가와트(MW): a unit
        if _NUMBERED_PART.fullmatch(outer) and _PART_CODE.fullmatch(inner):
            return True  # 4라인(P4), 2공장(P2): a numbered line or plant and its code
        # 소형모듈원전(SMR), 그래픽처리장치(GPU): a technology spelled out
        return (inner_is_latin and inner.isupper() and outer.endswith(_TECH_HEADS) and len(outer) >= 4
                and _is_hangul(outer[0]) and not self.known.get(outer) and not self.known.get(inner))

    def analyzer_hits(self) -> list[_Hit]:
        """Runs of touching NNP/SL/SN tokens with a proper noun in them, or an acronym/brand alone."""
        if not self.tokens:
            return []
        hits: list[_Hit] = []
        inside = self._inside_brackets()
        run: list[_Token] = []

        def flush() -> None:
            if run:
                start = run[0].start
                surface = self.text[start : run[-1].start + run[-1].len]
                if self._analyzer_surface_ok(surface, run, inside[start] if start < len(inside) else False):
                    hits.append(_Hit(surface, start, "analyzer"))
                run.clear()

        for token in self.tokens:
            if token.tag in ("NNP", "SL", "SN") and (not run or run[-1].start + run[-1].len == token.start):
                run.append(token)
            else:
                flush()
                if token.tag in ("NNP", "SL", "SN"):
                    run.append(token)
        flush()
        return hits

    def _inside_brackets(self) -> list[bool]:
        inside = [False] * len(self.text)
        for m in _PAREN.finditer(self.text):
            for k in range(m.start(), m.end()):
                inside[k] = True
        return inside

    @staticmethod
    def _analyzer_surface_ok(surface: str, run: list[_Token], in_brackets: bool) -> bool:
        if surface.replace(" ", "") in _NOT_NAMES or surface in _GENERIC_LATIN or not any(c.isalpha() for c in surface):
            return False
        if any(t.tag == "NNP" for t in run):
            return len(surface) >= 2 and not surface[-1].isdigit() or _has_latin(surface)
        if in_brackets or len(surface) < 2 or not _has_latin(surface):
            return False
        letters = [c for c in surface if c.isalpha()]
        acronym = len(letters) >= 2 and all(c.isupper() for c in letters)
        brand = any(c.isupper() for c in surface[1:]) and any(c.islower() for c in surface)  # OpenAI
        return acronym or brand

    def reporters(self, listed: Iterable[str]) -> set[str]:
        names = set(listed)
        for m in _REPORTER.finditer(self.text):
            names.update(m.group(1).split("·"))
        return names

    @cached_property
    def quoted(self) -> set[str]:
        return {m.group(1).strip() for m in re.finditer(r"[‘'\"“]([^‘’'\"“”\n]{2,30})[’'\"”]", self.text)}


# An acronym: capitals only (AWS, HBM, IP, SK); NVIDIA and KAKAO are written that way too.
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
# The initial consonants a Hangul word may start with when it transliterates an English word that starts
# with the letter (Amazon 아마존, Web 웹, Services 서비스, Cloud 클라우드, Center 센터, General 제너럴).
_LETTER_INITIALS = {
    "A": "ㅇ", "E": "ㅇ", "I": "ㅇ", "O": "ㅇ", "U": "ㅇ", "Y": "ㅇ", "W": "ㅇ", "B": "ㅂㅃ", "V": "ㅂ",
    "C": "ㅋㅅㅆㅊ", "K": "ㅋㄱㄲ", "Q": "ㅋ", "G": "ㄱㅈ", "D": "ㄷㄸ", "T": "ㅌㄸ", "F": "ㅍ", "P": "ㅍㅃ",
    "H": "ㅎ", "J": "ㅈ", "Z": "ㅈ", "L": "ㄹ", "R": "ㄹ", "M": "ㅁ", "N": "ㄴ", "S": "ㅅㅆ", "X": "ㅇ",
}
# Letters as Korean says them (에스케이 = SK, 엔비디아 starts with 엔 = N).
_LETTER_NAMES = {
    "A": "에이", "B": "비", "C": "씨", "D": "디", "E": "이", "F": "에프", "G": "지", "H": "에이치", "I": "아이",
    "J": "제이", "K": "케이", "L": "엘", "M": "엠", "N": "엔", "O": "오", "P": "피", "Q": "큐", "R": "알",
    "S": "에스", "T": "티", "U": "유", "V": "브이", "W": "더블유", "X": "엑스", "Y": "와이", "Z": "지",
}
_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"


def _starts_letter(units: str, i: int, letter: str) -> bool:
    """Whether the name, from its i-th character, can begin a word for `letter`."""
    c = units[i]
    if c.isascii():
        return c.upper() == letter
    if not _is_hangul(c):
        return False
    return _CHOSEONG[(ord(c) - 0xAC00) // 588] in _LETTER_INITIALS.get(letter, "") or units.startswith(
        _LETTER_NAMES.get(letter, "\0"), i)


@lru_cache(maxsize=1 << 12)
def spells_acronym(name: str, acronym: str) -> bool:
    """Whether a Hangul name transliterates the acronym: its first character starts a word for the first
    letter, and each further letter starts a later word, in order (아마존웹서비스 ~ AWS, 마이크로소프트 ~ MS,
    에스케이텔레콤 ~ SKT). A name shorter than the acronym is the acronym read as a word: its first letter
    is enough (엔비디아 ~ NVIDIA, 카카오 ~ KAKAO). 반도체 ~ HBM and 지식재산권 ~ IP fail at the first letter."""
    units = "".join(c for c in name if not _is_gap(c))
    letters = [c for c in acronym.upper() if c.isalpha()]
    if not units or not letters or not _starts_letter(units, 0, letters[0]):
        return False
    if len(units) < len(letters):
        return True
    i = 1
    for letter in letters[1:]:
        while i < len(units) and not _starts_letter(units, i, letter):
            i += 1
        if i >= len(units):
            return False
        i += 1
    return True


def _guess_type(surface: str, article: _Article) -> str:
    by_suffix = _suffix_type(surface)
    if by_suffix:
        return by_suffix[0]
    if _has_hangul(surface) and " " not in surface and len(surface) >= 3 and surface.endswith(_PLACE_SUFFIXES):
        return "place"  # 종로구, 전라남도, 서남권 (before the name test: 서남권 also looks like a name)
    if _looks_korean_name(surface):
        return "person"
    if surface in article.quoted:
        return "product"
    return "company"


def _typos_of_known_names(hits: list[_Hit], text: str, known: _Known, prepared: _Article) -> dict[str, str]:
    """Normalized surface -> group key ("=" + known name) for discovered names that misspell a known
    one: 삼셩전자 in a headline over a body that says 삼성전자. The evidence: one jamo apart (see
    _Known.near_miss), the same type, and the known name written at least as often in this very article (a
    headline typo is written once, like the name the body spells right: both are matched as mentions now).
    Never persons: 이재용/이재웅 and 김범수/김범주 are different people."""
    typo_of: dict[str, str] = {}
    seen: set[str] = set()
    for h in hits:
        key = normalize_name(h.surface)
        if key in seen:
            continue
        seen.add(key)
        near = known.near_miss(h.surface)
        if near is None:
            continue
        name, type_ = near
        if type_ == "person" or (h.type or _guess_type(h.surface, prepared)) != type_:
            continue
        if text.count(h.surface) <= sum(text.count(s) for s in known.surfaces[name]):
            typo_of[key] = "=" + name
    return typo_of


def _candidates(article: Article, tokens: list[Any] | None, text: str, known: _Known) -> list[Candidate]:
    prepared = _Article(text, tokens, known)
    bracket_hits, pairs = prepared.bracket_hits()
    junior_hits, junior_pairs = prepared.junior_hits()
    pairs += junior_pairs
    rule_hits = (prepared.title_hits() + prepared.suffix_hits() + prepared.subsidiary_hits() + prepared.model_hits() + prepared.quoted_work_hits()
                 + junior_hits + bracket_hits)
    spans = [(h.start, h.start + len(h.surface)) for h in rule_hits]
    name_parts = {part for h in rule_hits if h.type == "person" for part in h.surface.split()[1:] + h.surface.split()[:1]
                  if " " in h.surface}
    hits = [
        h for h in prepared.analyzer_hits()
        # 김경 inside 김경훈, 가먼 inside 맷 가먼: the rule saw the whole name
        if h.surface not in name_parts and h.surface not in prepared.glosses and not any(s <= h.start and h.start + len(h.surface) <= e for s, e in spans)
    ] + rule_hits
    excluded = prepared.reporters(article.reporters)

    # one group per entity: same normalized surface, same alias-file entity, or two sides of a bracket
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    typo_of = _typos_of_known_names(hits, text, known, prepared)

    def group_key(surface: str) -> str:
        hit = known.get(surface)
        if hit:
            return "=" + hit[0]
        key = normalize_name(surface)
        return typo_of.get(key, key)

    for outer, inner in pairs:
        a, b = root(group_key(outer)), root(group_key(inner))
        if a != b and not (a.startswith("=") and b.startswith("=")):
            if b.startswith("="):
                a, b = b, a
            parent[b] = a  # an alias-file entity stays the root of its group

    credits = _Credits(text)
    groups: dict[str, list[_Hit]] = defaultdict(list)
    for hit in hits:
        surface = hit.surface.strip()
        if not surface or surface in excluded or normalize_name(surface) == "":
            continue
        if _has_hangul(surface) and len(surface.replace(" ", "")) < 2 and not _has_latin(surface):
            continue  # 최, 이, 황: a surname or one syllable is not a name
        if _is_amount(surface) or not _FUNCTION_WORDS.isdisjoint(surface.split()):
            continue  # 250메가와트(MW), 이와 함께 … 회장: an amount or a connective is not a name
        if "=" in surface or hit.start in credits:
            continue  # 사진제공=삼성전자: a credit names no entity
        groups[root(group_key(surface))].append(hit)

    result: list[Candidate] = []
    for key, members in groups.items():
        canonical = known.get(key[1:]) if key.startswith("=") else None
        if canonical is None:
            for h in members:
                canonical = known.get(h.surface) or canonical
        surfaces = Counter(h.surface for h in members)
        if canonical:
            name, type_ = canonical
        else:
            bracket_outer = [o for o, _ in pairs if root(group_key(o)) == key]
            name = bracket_outer[0] if bracket_outer else max(surfaces, key=lambda s: (surfaces[s], _has_hangul(s), len(s)))
            typed = [h.type for h in members if h.type]
            type_ = Counter(typed).most_common(1)[0][0] if typed else _guess_type(name, prepared)
        name_key = normalize_name(name)
        aliases = sorted({s for s in surfaces if normalize_name(s) != name_key}, key=lambda s: (-surfaces[s], s))
        alias_keys: set[str] = set()
        aliases = [a for a in aliases if not (normalize_name(a) in alias_keys or alias_keys.add(normalize_name(a)))]
        evidence = max((h.evidence for h in members), key=_EVIDENCE_RANK.__getitem__)
        count = len({h.start for h in members})
        result.append(Candidate(name=name, type=type_, aliases=aliases, evidence=evidence, count=count))
    result.sort(key=lambda c: (-c.count, c.name))
    return result


def _article_text(article: Article) -> str:
    return "\n\n".join(part for part in (article.title, article.subtitle, article.body) if part)


# --- the analyzer -----------------------------------------------------------------------------------


class Discoverer:
    """Finds candidate entities in articles. Builds one kiwipiepy analyzer on first use (seconds,
    ~0.5 GB), with every Hangul name of the alias file added as a user word before the first
    analysis (DESIGN.md: adding words later costs a 2.2 s rebuild)."""

    def __init__(self, alias_path: str | Path | None = None) -> None:
        self._alias_entities = load_alias_file(alias_path)
        self._known = _Known.from_candidates(self._alias_entities)
        self._kiwi: Any = None

    @property
    def kiwi(self) -> Any:
        if self._kiwi is None:
            from kiwipiepy import Kiwi

            # One thread: on 2 cores neither Kiwi's own pool (59k chars/s) nor two threads sharing it (56k)
            # beat one thread (63k); parallelism comes from the indexer's worker processes instead.
            kiwi = Kiwi(num_workers=1)
            for entity in self._alias_entities:
                for surface in (entity.name, *entity.aliases):
                    if _has_hangul(surface) and len(surface) >= 2:
                        kiwi.add_user_word(surface, "NNP", 0.0)
            self._kiwi = kiwi
        return self._kiwi

    def discover(self, article: Article) -> list[Candidate]:
        text = _article_text(article)
        return _candidates(article, self.kiwi.tokenize(text), text, self._known)


def rule_candidates(article: Article, alias_path: str | Path | None = None) -> list[Candidate]:
    """Title, suffix and bracket rules without the analyzer: for indexing with --no-analyzer."""
    text = _article_text(article)
    return _candidates(article, None, text, _known_from_file(str(alias_path or ALIAS_FILE)))


@cache
def _known_from_file(path: str) -> _Known:
    return _Known.from_candidates(load_alias_file(path))


def shared_discoverer(alias_path: str | Path | None = None) -> Discoverer:
    """One Discoverer per process and alias file (its analyzer costs seconds and ~0.5 GB)."""
    return _discoverer_for(str(Path(alias_path).resolve()) if alias_path else str(ALIAS_FILE))


@cache
def _discoverer_for(alias_path: str) -> Discoverer:
    return Discoverer(alias_path)
