"""Rules that find places by their kind: markets, stations, towns; roads and venues by suffix (see rules_base)."""
from __future__ import annotations

import re

from .lexicon import _is_hangul, _is_tail
from .rules_base import _ArticleBase, _Hit, _NOT_NAMES, _SITE_SUFFIXES

# A market is named by its town and kind glued (군위전통시장, 선비골문화시장) or by a gate or quarter after its town
# (대구 서문시장, 보령 중앙시장); 전통시장 alone, 주식시장, 전기차 시장 and 부산시장 (the mayor) are none.
_MARKET_KINDS = ("전통", "문화", "재래", "수산", "농수산물", "농수산", "종합", "상설", "약령")
_MARKET_QUARTERS = frozenset("중앙 남부 북부 동부 서부 서문 동문 남문 북문".split())
_MARKET_GENERIC = frozenset("지역 인근 동네 주변 전국 관내 도내 시내 국내 골목 대형 소형 우리 대표 온라인".split())
_TOWN = re.compile(r"[가-힣]{2,3}읍")  # a town (읍); 면 and 리 end too many common nouns (측면, 라면, 거리)


def _site_core(word: str) -> str | None:
    """The name of a road or district with its particles cut (영동고속도로를: 도로 looks like particles to _strip_tail)."""
    for suffix in _SITE_SUFFIXES:
        i = word.find(suffix)
        if i > 0 and (i + len(suffix) == len(word) or _is_tail(word[i + len(suffix) :])):
            return word[: i + len(suffix)]
    return None


class _PlaceRules(_ArticleBase):
    """Places by kind (suffix_hits of rules_bodies hands them the words that end in 시장 or 역)."""

    def _market_or_station(self, i: int, core: str) -> list[_Hit]:
        """군위전통시장, 대구 서문시장 (see _MARKET_KINDS); 청량리역, 영주역: a station named after a known place."""
        w = self.words[i]
        if core.endswith("역"):
            known = len(core) >= 3 and self.known.type_of(core[:-1]) == "place" and _is_hangul(core[-2])
            return [_Hit(core, w.start, "rule", "place")] if known else []
        stem = core[:-2]
        for kind in _MARKET_KINDS:
            if stem.endswith(kind):
                town = stem[: -len(kind)]
                if len(town) >= 2 and town not in _MARKET_GENERIC and town not in _NOT_NAMES and all(map(_is_hangul, town)):
                    return [_Hit(core, w.start, "rule", "place")]
                return []
        if stem in _MARKET_QUARTERS and i > 0:
            prev = self.words[i - 1]
            if not prev.closes and not w.line_start and not w.opens and self.known.type_of(prev.core) == "place":
                return [_Hit(f"{prev.core} {core}", prev.start, "rule", "place")]
        return []
