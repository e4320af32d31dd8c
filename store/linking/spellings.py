"""Whether an entity's change of spelling can change mentions only where a changed spelling is written: read from
the matcher's own patterns (store.extract.matching), built for the entity alone and for the whole set.

Nothing here decides a mention: the rules' digest (store.linking.rules) leaves this module out, and the matcher's
module is read, not changed (a change there re-matches every article of every index once)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..extract.matching import Matcher, _match_key


def entity_patterns(surfaces: Iterable[str], kind: str | None) -> dict[str, frozenset[tuple]]:
    """One entity's patterns as the matcher builds them (its surfaces and the forms it derives from them, such as
    a committee's chair), by match key, without the entity id."""
    matcher = Matcher([(0, sorted(surfaces))], {0: kind} if kind else {})
    return {key: frozenset((p.surface, p.exact_case, p.space_gaps, p.kind, p.all_tail, p.market) for p in patterns)
            for key, (_, patterns) in matcher._automaton.items()}


def set_wide_forms(entities: Iterable[tuple[int, Iterable[str]]], kinds: Mapping[int, str]) -> tuple:
    """What the matcher derives from the whole entity set beyond each entity's own patterns: the entities of its
    country and 경기도 rules, the clubs named after towns, the short names of financial firms (우리 for 우리은행 in
    a list of banks). ~75 ms for the 16k entities of 100k."""
    matcher = Matcher(entities, kinds)
    firms = matcher._short_firms
    return (matcher._countries, matcher._gyeonggi,
            {place: frozenset(ids) for place, ids in matcher._club_by_place.items()},
            firms.stems, {k: frozenset(v) for k, v in firms.ids.items() if v},
            {k: frozenset(v) for k, v in firms.of.items() if v}, firms.groups)


def respelled(old_type: str, old_surfaces: set[str], new_type: str, new_surfaces: set[str]
              ) -> tuple[set[str], set[str]] | None:
    """(spellings added, spellings removed) when an entity keeps its type and the matcher's patterns of it differ
    only in those spellings' own keys: then its mentions can change only where they are written. None when the
    type or a kept spelling's pattern changed, or a changed spelling derives another form (a committee's chair)."""
    if old_type != new_type:
        return None
    added, removed = new_surfaces - old_surfaces, old_surfaces - new_surfaces
    before, after = entity_patterns(old_surfaces, old_type), entity_patterns(new_surfaces, new_type)
    own_keys = {_match_key(s.strip()) for s in added | removed}
    if any(before.get(key) != after.get(key) for key in before.keys() | after.keys() if key not in own_keys):
        return None
    return added, removed
