"""Entities: the shipped alias file, discovery of new names in an article, and mention matching.

The public names other code imports live here; the work is split by step: `aliases` (the alias file),
`lexicon` (particles, titles, characters the other steps share), `rules` (what one article's words propose),
`discovery` (grouping the rules' hits into candidates; the analyzer) and `matching` (mentions, short forms).

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

from importlib import import_module

from .aliases import ALIAS_FILE, load_alias_file, parse_alias_lines
from .lexicon import title_after, title_family
from .matching import Matcher, Mention
from .short_names import short_forms

# Discovery's names load on first use: its rules compile ~0.5 s of patterns at import, which the indexer's own
# process (it links; workers extract) and every matching-only caller would otherwise pay for nothing.
_DISCOVERY = {"Discoverer": ".discovery", "rule_candidates": ".discovery", "shared_discoverer": ".discovery",
              "spells_acronym": ".rules"}


def __getattr__(name: str):
    if name in _DISCOVERY:
        return getattr(import_module(_DISCOVERY[name], __package__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "ALIAS_FILE", "Discoverer", "Matcher", "Mention", "load_alias_file", "parse_alias_lines", "rule_candidates",
    "shared_discoverer", "short_forms", "spells_acronym", "title_after", "title_family",
]
