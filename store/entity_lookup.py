"""Names to entities: the aliases index answers exact and prefix lookups, the in-memory resolver (typos, initials
ㅇㅂㄷㅇ, substrings) is loaded only when they find nothing; and entity rows with the spellings to show.

`store.api.Index` delegates here (resolve, find_entity, entities, ...) and keeps the loaded resolver.
"""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from .extract.hangul import is_initials_query, normalize_name
from .extract.resolve import ALIAS_ROWS, NAMEABLE, Match, Resolver, query_forms
from .results import EntityHit, EntityInfo

if TYPE_CHECKING:
    from .api import Index


# The newest stored state and its resolver, shared by every thread's Index: a resolver is read-only once built, and
# each app thread loading its own cost ~20 ms CPU and a few MB at 100k articles (the app has up to 8 threads)
_shared: tuple[str, Resolver] | None = None
_shared_lock = threading.Lock()


def load_resolver(index: Index) -> Resolver:
    """The in-memory name index: loaded from the state the linker stored, else built from the aliases."""
    global _shared
    stored = index._rows("SELECT value FROM meta WHERE key = 'resolver'")
    if not stored:
        return Resolver(index._rows(ALIAS_ROWS))
    state = stored[0][0]
    with _shared_lock:
        if _shared is not None and _shared[0] == state:  # the same text: the same aliases, the same resolver
            return _shared[1]
    resolver = Resolver.from_state(state)
    if resolver is None:  # a state of another format: built from the aliases, not kept under that text
        return Resolver(index._rows(ALIAS_ROWS))
    with _shared_lock:
        _shared = (state, resolver)
    return resolver


def _by_alias(index: Index, name: str, limit: int) -> list[Match]:
    """Exact, then prefix matches of the name's lookup key, answered by the aliases index alone.

    Most lookups are exact or prefix ones; the in-memory resolver (which grows with the corpus) is
    built only when these find nothing: typos, initials, substrings.
    """
    forms = query_forms(name)  # the name's key, and without a particle (오픈AI는 -> 오픈ai)
    if not forms:
        return []
    marks = ",".join("?" * len(forms))
    exact = index._rows(
        f"SELECT a.entity_id, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id "
        f"WHERE a.norm IN ({marks}) AND {NAMEABLE} ORDER BY e.mentions DESC",
        forms,
    )
    if not exact:
        return []
    key = forms[0]
    prefix = index._rows(
        "SELECT a.entity_id, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id "
        f"WHERE a.norm > ? AND a.norm < ? AND {NAMEABLE} ORDER BY e.mentions DESC LIMIT ?",
        (key, key + "\U0010ffff", limit * 4),
    )
    found: dict[int, Match] = {}
    for eid, alias in exact:
        found.setdefault(eid, Match(eid, alias, 100.0, "exact"))
    for eid, alias in prefix:
        found.setdefault(eid, Match(eid, alias, 90.0, "prefix"))
    return list(found.values())[:limit]


def resolve(index: Index, name: str, limit: int, fuzzy: bool) -> list[EntityHit]:
    matches = _by_alias(index, name, limit)
    if not matches and (fuzzy or is_initials_query(name) or _inside_an_alias(index, name)):
        matches = index._resolver.resolve(name, limit=limit, fuzzy=fuzzy)
    if not matches:
        return []
    infos = {e.id: e for e in entity_infos(index, [m.entity_id for m in matches])}
    return [
        EntityHit(m.entity_id, infos[m.entity_id].name, infos[m.entity_id].type, round(m.score, 1), m.how,
                  infos[m.entity_id].mentions, infos[m.entity_id].articles)
        for m in matches
        if m.entity_id in infos
    ]


def _inside_an_alias(index: Index, name: str) -> bool:
    """Whether some alias contains the name: without fuzzy matching, the in-memory resolver (~15 ms to
    load at 5k articles) can only find substrings, so a word no alias holds (웨이퍼) need not load it."""
    forms = [form for form in query_forms(name) if len(form) >= 2]
    if not forms:
        return False
    return bool(index._rows(f"SELECT 1 FROM aliases WHERE {' OR '.join(['instr(norm, ?)'] * len(forms))} LIMIT 1", forms))


def find_entity(index: Index, name_or_id: str | int) -> EntityInfo | None:
    if isinstance(name_or_id, int):
        found = entity_infos(index, [name_or_id])
        return found[0] if found else None
    exact = {m.entity_id for m in _by_alias(index, name_or_id, 10) if m.how == "exact"}
    if len(exact) == 1:
        entity_id = exact.pop()
    elif not exact and _names_an_unmentioned_entity(index, name_or_id):
        return None  # 삼성SDI is a known company the corpus never names: not a typo of 삼성
    else:
        best = index._resolver.best(name_or_id)
        if best is None:
            return None
        entity_id = best.entity_id
    found = entity_infos(index, [entity_id])
    return found[0] if found else None


def _names_an_unmentioned_entity(index: Index, name: str) -> bool:
    return index.unmentioned_entity(name) is not None


def unmentioned_entity(index: Index, name: str) -> str | None:
    forms = query_forms(name)
    if not forms:
        return None
    rows = index._rows(
        f"SELECT e.name FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.norm IN ({','.join('?' * len(forms))}) "
        "AND e.mentions = 0 ORDER BY a.norm = ? DESC LIMIT 1", [*forms, forms[0]])
    return rows[0][0] if rows else None


def entity_infos(index: Index, ids: list[int]) -> list[EntityInfo]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = index._rows(
        f"SELECT id, name, type, mentions, articles FROM entities WHERE id IN ({marks})",
        ids,
    )
    # One spelling per lookup key (NVIDIA, not NVIDIA · Nvidia; 오픈AI, not 오픈 AI beside it): the name's own key is
    # the name, and of the others the one written most plainly (fewest spaces and dots), then the first in order.
    spellings: dict[int, dict[str, str]] = {r[0]: {normalize_name(r[1]): r[1]} for r in rows}
    for eid, alias, norm in index._rows(
        f"SELECT entity_id, alias, norm FROM aliases WHERE entity_id IN ({marks}) "
        "ORDER BY length(alias) - length(replace(replace(replace(alias, ' ', ''), '·', ''), '.', '')), alias",
        ids,
    ):
        spellings[eid].setdefault(norm, alias)
    by_id = {r[0]: EntityInfo(r[0], r[1], r[2], sorted(a for a in spellings[r[0]].values() if a != r[1]), r[3], r[4])
             for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def entities(index: Index, type: str | None, min_mentions: int, limit: int | None = None,
             offset: int = 0) -> list[EntityInfo]:
    rows = index._rows(  # a page's ids first: only its entities' aliases are read
        f"SELECT id FROM entities WHERE mentions >= ? {'AND type = ?' if type else ''} ORDER BY mentions DESC, name "
        "LIMIT ? OFFSET ?",
        [min_mentions] + ([type] if type else []) + [-1 if limit is None else limit, offset],
    )
    return entity_infos(index, [r[0] for r in rows])
