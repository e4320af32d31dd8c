"""Short names that hold only within one article: a person named again by surname and title (최 회장 after 최태원 SK그룹
회장), a party by the end of its name beside the full one (민주당 beside 더불어민주당). Both read the mentions the matcher
found in the same article (store.extract.matching)."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping

from .lexicon import _COMPOUND_SURNAMES, _TITLES, _TITLES_LONGEST_FIRST, _has_hangul, _is_hangul, _is_tail, title_after
from .matching import Mention, _match_key

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
    named = [m for m in mentions if kinds.get(m[2]) == "person"]
    if not named:
        return []  # most texts (headlines, captions): nothing to sort
    for start, end, entity_id, surface in sorted(named):
        family = title_after(text, end)
        for key in _person_keys(surface):
            persons[key].append((start, family, entity_id))
    if not persons:
        return []
    taken = sorted((s, e) for s, e, _, _ in mentions)  # mentions never overlap: sorted by start, ends too
    taken_starts = [s for s, _ in taken]
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


_PARTY_SHORT_MIN = 3  # 민주당, 한국당, 통합당: a party's short name keeps at least two syllables before 당


def party_short_names(mentions: Iterable[tuple[int, str]], kinds: Mapping[int, str]) -> dict[int, int]:
    """A party written short beside its full name in one article (더불어민주당 … 민주당, 자유한국당 … 한국당): the short name's
    entity -> the full name's, when exactly one other party mentioned in the article ends in the short name. Written alone
    (a 2011 story's 민주당, an American story's 민주당 and 공화당) the short name stays its own entity.

    `mentions`: (entity id, surface) of every mention of the article, in all its texts. Linear: each party's written
    forms are looked up by their own endings (a few per name), never compared pairwise."""
    parties: dict[str, set[int]] = {}  # match key of a surface ending in 당 -> the org entities written so
    for entity_id, surface in mentions:
        if kinds.get(entity_id) == "org" and surface.endswith("당"):
            parties.setdefault(_match_key(surface), set()).add(entity_id)
    if len(parties) < 2:
        return {}
    longer: dict[str, set[int]] = {}  # a short key -> the entities of the longer keys ending in it
    for key, owners in parties.items():
        for k in range(1, len(key) - _PARTY_SHORT_MIN + 1):
            if key[k:] in parties:
                longer.setdefault(key[k:], set()).update(owners)
    remap: dict[int, int] = {}
    for key, owners in longer.items():
        short = parties[key]
        if len(short) == 1 and len(owners - short) == 1:
            remap[next(iter(short))] = next(iter(owners - short))
    return remap
