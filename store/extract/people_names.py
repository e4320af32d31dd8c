"""Name tests and constants both people mixins read: rules_people (a name before a title) and rules_people_lists
(names in lists), so that the lists' module does not import the titles' rules."""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import _TITLES, title_family
from .name_shapes import _looks_korean_name
from .rules_base import _strip_tail

_TITLE_STARTS = tuple(t for t in _TITLES if not t.isascii())
_PLACE_TITLES = ("도지사", "지사", "시장", "군수", "교육감")  # titles only when glued to a known place (경북도지사)
# A compiled pre-check (C speed) for the per-word rules: a word without any of these strings holds no title.
_TITLE_HINT = re.compile("|".join(map(re.escape, sorted({*_TITLES, *_PLACE_TITLES}, key=len, reverse=True))))
_NAME_BEFORE = re.compile(r"(?<![가-힣A-Za-z0-9])[가-힣]{2,4}\Z")  # 2-4 Hangul letters that end the text and start a word
_BODY_SHORT_ENDINGS = frozenset("위회단청처부실과소")  # 조직위, 추진단, 기획실: a body's short name, no given name's end


def _is_title_word(token: str) -> bool:
    """A title alone, particles allowed (의장, 명예교수, 교수는); not a name glued to one (김철수의원)."""
    family = title_family(token)
    return bool(family) and not _glued_name(token) and len(_strip_tail(token)) <= 5


@lru_cache(maxsize=1 << 14)
def _glued_name(core: str) -> str | None:
    """The Korean name a word starts with when a title follows it in the same word (황광민의원으로 → 황광민)."""
    for n in (3, 4):
        head, rest = core[:n], core[n:]
        if rest and _looks_korean_name(head) and rest.startswith(_TITLE_STARTS) and title_family(rest):
            return head
    return None
