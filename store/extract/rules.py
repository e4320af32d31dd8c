"""The discovery rules: one article's words, and the names its titles, suffixes, brackets, model codes,
subsidiaries, quoted works and analyzer tokens propose (each a _Hit with its evidence). Each kind of rule lives in its
own module (rules_people, rules_people_lists, rules_firm_heads, rules_players, rules_bodies, rules_events, rules_schools, rules_firm_cues, rules_places, rules_products,
rules_brackets, rules_local) over rules_base's words."""
from __future__ import annotations

from .lexicon import _has_hangul
from .rules_base import _EVIDENCE_RANK, _FUNCTION_WORDS, _PLACE_SUFFIXES, _Hit, _is_amount, _suffix_type
from .rules_bodies import _BodyRules
from .rules_brackets import _BracketRules, spells_acronym
from .rules_events import _EventRules
from .rules_firm_cues import _FirmCueRules
from .name_shapes import _looks_korean_name
from .rules_people import _PeopleRules
from .rules_people_lists import _PeopleListRules
from .rules_people_marks import _PeopleMarkRules
from .rules_people_shapes import _PeopleShapeRules
from .rules_local import _LocalRules
from .rules_places import _PlaceRules
from .rules_players import _PlayerRules
from .rules_roles import _RoleRules
from .rules_products import _ProductRules

__all__ = ["_EVIDENCE_RANK", "_FUNCTION_WORDS", "_Article", "_Hit", "_guess_type", "_is_amount", "spells_acronym"]


class _Article(_LocalRules, _PeopleRules, _PeopleListRules, _PeopleMarkRules, _PeopleShapeRules, _RoleRules, _PlayerRules, _BodyRules, _EventRules, _FirmCueRules, _PlaceRules, _ProductRules, _BracketRules):
    """One article's text prepared for the rules: words with the brackets taken out, analyzer tokens."""


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
