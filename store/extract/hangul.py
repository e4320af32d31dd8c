"""Hangul helpers for name lookup: jamo decomposition, initial consonants, particles, lookup keys.

Pure Python, no dependencies, no analyzer: everything here runs in the query path.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

SYLLABLE_FIRST, SYLLABLE_LAST = 0xAC00, 0xD7A3
_PER_INITIAL = 588  # 21 vowels x 28 finals
_PER_VOWEL = 28

# Compatibility jamo (what a keyboard types alone) in choseong / jungseong / jongseong order.
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_INITIAL_SET = frozenset(INITIALS)


@cache
def _initial_table() -> dict[int, str]:
    """Built on first use, not at import: milliseconds that exact-name lookups never need."""
    initial: dict[int, str] = {code: INITIALS[(code - SYLLABLE_FIRST) // _PER_INITIAL]
                               for code in range(SYLLABLE_FIRST, SYLLABLE_LAST + 1)}
    # Leading jamo left alone after NFC (no vowel followed) count as typed initials.
    for lead, char in enumerate(INITIALS):
        initial[0x1100 + lead] = char
    return initial


# NFD splits a syllable into conjoining jamo (leading U+1100.., vowel U+1161.., trailing U+11A8..); typed
# compatibility jamo stay as they are, so they are mapped here. A bare typed consonant means "a syllable starting
# with it", so it maps to the leading form; clusters like ㄳ exist only as finals.
_TYPED_JAMO = {ord(char): chr(0x1100 + lead) for lead, char in enumerate(INITIALS)}
for _final, _char in enumerate(_FINALS, start=1):
    _TYPED_JAMO.setdefault(ord(_char), chr(0x11A7 + _final))
_TYPED_JAMO.update({ord(char): chr(0x1161 + vowel) for vowel, char in enumerate(_VOWELS)})

_SEPARATORS = " \t\r\n\u00a0\u3000·・‧∙-_./"
_NAME_TABLE: dict[int, int | None] = {ord(c): None for c in _SEPARATORS}
# Full-width Latin and digits (ＳＫ, ＡＩ) as typed by some Korean IMEs; NFKC would also
# turn ㅅ into its leading form, which breaks initial-consonant queries.
_NAME_TABLE.update({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)})


def is_syllable(char: str) -> bool:
    return SYLLABLE_FIRST <= ord(char) <= SYLLABLE_LAST


def to_jamo(s: str) -> str:
    """Hangul syllables split into conjoining jamo; typed compatibility jamo mapped to the same forms.

    Other characters are lowercased and kept, so fuzzy scores compare letter by letter.
    """
    return unicodedata.normalize("NFD", unicodedata.normalize("NFC", s).lower()).translate(_TYPED_JAMO)


def initials(s: str) -> str:
    """Each Hangul syllable replaced by its initial consonant (ㄱ..ㅎ); other characters lowercased."""
    return unicodedata.normalize("NFC", s).lower().translate(_initial_table())


def is_initials_query(q: str) -> bool:
    """True when the query holds a bare consonant (ㅅㅅㅈㅈ, 삼ㅅㅈ)."""
    return any(char in _INITIAL_SET for char in _initials_key(q))


@lru_cache(maxsize=1 << 16)
def normalize_name(s: str) -> str:
    """Key for exact alias lookup: NFC, casefolded, without spaces and ·-_./ (SK 하이닉스 == SK하이닉스).

    Kept for the names seen last: indexing asks for the same few thousand names ~150 times an article (rules,
    grouping, linking, stories), 1.8 µs each made, 0.05 µs kept."""
    return unicodedata.normalize("NFC", s).casefold().translate(_NAME_TABLE)


_LEADING_TO_TYPED = {0x1100 + lead: char for lead, char in enumerate(INITIALS)}


def _initials_key(query: str) -> str:
    """normalize_name, with lone leading jamo (left by decomposed input) read as typed consonants."""
    return normalize_name(query).translate(_LEADING_TO_TYPED)


def initial_pattern(query: str) -> str:
    """A regular expression for the query's characters, each bare consonant standing for any syllable
    that starts with it (ㅅ -> [ㅅ사-싷]). Matches normalize_name keys; the query is normalised too."""
    parts: list[str] = []
    for char in _initials_key(query):
        if char in _INITIAL_SET:
            first = SYLLABLE_FIRST + INITIALS.index(char) * _PER_INITIAL
            parts.append(f"[{char}{chr(first)}-{chr(first + _PER_INITIAL - 1)}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def matches_initials(query: str, name: str) -> bool:
    """True when the query matches the name somewhere, each query character being either the name's
    character at that position or the initial consonant of that syllable (ㅇㅂㄷㅇ ~ 엔비디아,
    ㅎㅇㄴㅅ ~ SK하이닉스, 삼ㅅㅈ ~ 삼성전자). Spaces and the separators of normalize_name are ignored."""
    q = _initials_key(query)
    n = normalize_name(name)
    if not q:
        return False
    n_initials = n.translate(_initial_table())  # one character per character of n, aligned
    for start in range(len(n) - len(q) + 1):
        for offset, char in enumerate(q):
            here = start + offset
            if char != n[here] and not (char in _INITIAL_SET and char == n_initials[here]):
                break
        else:
            return True
    return False


# Particle -> what the word must end in for it to attach: "C" a final consonant (삼성과),
# "V" a vowel (엔비디아가), "L" a vowel or ㄹ (서울로), "" anything. Latin letters and digits
# carry no written final, so any particle may follow them (오픈AI는, SK가, LG와).
_PARTICLES: dict[str, str] = {
    "은": "C", "는": "V", "이": "C", "가": "V", "을": "C", "를": "V", "과": "C", "와": "V",
    "의": "", "에": "", "도": "", "만": "", "께": "",
    "에서": "", "에게": "", "까지": "", "부터": "", "처럼": "", "보다": "", "한테": "", "께서": "",
    "에는": "", "에도": "", "에선": "", "만의": "", "조차": "", "마저": "", "밖에": "",
    "으로": "C", "로": "L", "라고": "V", "이라고": "C",
    "과의": "C", "와의": "V", "과는": "C", "와는": "V", "과도": "C", "와도": "V",
    "에서의": "", "에서는": "", "에서도": "", "에게는": "", "까지는": "", "부터는": "", "보다는": "",
    "으로는": "C", "로는": "L", "으로서": "C", "로서": "L", "으로써": "C", "로써": "L",
    "으로부터": "C", "로부터": "L", "이라는": "C", "라는": "V",
}
_PARTICLE_SIZES = sorted({len(p) for p in _PARTICLES}, reverse=True)


def _accepts(stem_end: str, rule: str) -> bool:
    if not rule or not is_syllable(stem_end):
        return True
    final = (ord(stem_end) - SYLLABLE_FIRST) % _PER_VOWEL
    if rule == "C":
        return final != 0
    if rule == "V":
        return final == 0
    return final in (0, 8)  # "L": no final or ㄹ


def strip_particle(word: str) -> str:
    """The word without one trailing particle, when the particle fits the word's last sound and at
    least two characters remain (오픈AI는 -> 오픈AI, 삼성과 -> 삼성, 경주 -> 경주, 사과 -> 사과).

    Meant for queries: a name may itself end in a particle-like syllable (마이크로), so callers
    should try the raw word first."""
    word = word.rstrip()
    for size in _PARTICLE_SIZES:  # longest first; of one length only word[-size:] can be the particle (a dict look-up)
        if size < len(word):
            particle = word[-size:]
            rule = _PARTICLES.get(particle)
            if rule is not None:
                stem = word[:-size].rstrip()
                if len(stem) >= 2 and _accepts(stem[-1], rule):
                    return stem
    return word
