"""Resolve a typed name to entities: exact alias, initial consonants, prefix/substring, then jamo fuzzy.

Built once from (entity_id, alias, weight) rows; every query runs in memory without an analyzer.
"""
from __future__ import annotations

import heapq
import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import add

from .hangul import initial_pattern, is_initials_query, normalize_name, strip_particle, to_jamo

FUZZY_THRESHOLD = 80.0  # jamo ratio: typos of one letter score 83-91, unrelated names stay below
FUZZY_GAP = 5.0  # a fuzzy answer is confident only this far ahead of the next entity
INITIALS_FLOOR = 80.0
INITIALS_WHOLE = 99.0  # the query covers the whole alias (ㅅㅅ on 삼성); just below an exact hit
PREFIX_FLOOR = 80.0
# Names a lookup may answer with: only entities some article mentions. An alias-file entity the corpus never
# names (삼성SDI, 삼성동 under 삼성) or a discovered one no body holds (a headline typo like 삼셩전자) would only
# crowd the real answers off the screen with `0 mentions`.
NAMEABLE = "e.mentions > 0"
# What a Resolver is built from in an index: (entity_id, alias, weight = the entity's mentions).
ALIAS_ROWS = f"SELECT a.entity_id, a.alias, e.mentions FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE {NAMEABLE}"
STATE_FORMAT = 3  # of Resolver.state(); a stored state of another format is rebuilt from the aliases


@dataclass(frozen=True, slots=True)
class Match:
    entity_id: int
    alias: str
    score: float
    how: str  # "exact" | "initials" | "prefix" | "fuzzy"


class Resolver:
    """In-memory name index over entity aliases.

    Aliases that normalise to the same key (SK하이닉스 / SK 하이닉스) share one key, so each lookup
    step scans unique keys once; a key shared by two entities stays ambiguous on purpose.
    Keys are held shortest first: initial and substring scores fall with key length, so a scan can
    stop at the first length that can no longer beat what it has (a lone ㅇ matches most keys).
    """

    def __init__(self, entries: Iterable[tuple[int, str, int]]) -> None:
        """From (entity_id, alias as written, weight) rows."""
        owners_by_key: dict[str, dict[int, tuple[str, int]]] = {}
        for entity_id, text, weight in entries:
            key = normalize_name(text)
            if not key:
                continue
            owners = owners_by_key.setdefault(key, {})
            known = owners.get(entity_id)
            if known is None or weight > known[1]:
                owners[entity_id] = (text.strip(), weight)
        keys = sorted(owners_by_key, key=len)
        owners = [tuple((entity_id, text, weight) for entity_id, (text, weight) in owners_by_key[key].items()) for key in keys]
        weights: dict[int, int] = {}
        for per_key in owners:
            for entity_id, _, weight in per_key:
                weights[entity_id] = max(weight, weights.get(entity_id, -1))
        # One to_jamo call for all keys instead of one per key (newlines: no key contains one).
        self._index(keys, owners, to_jamo("\n".join(keys)).split("\n"), weights)

    def state(self) -> str:
        """The built name index as text: the linker stores it, so a query process loads it (~8 ms at 5k
        articles) instead of normalising and decomposing every alias again (~45 ms). Keys and jamo are
        newline-joined strings (split in C); owners per key are JSON."""
        head = {"format": STATE_FORMAT, "owners": self._owners, "weights": list(self._entity_weight.items())}
        return "\n".join([json.dumps(head, ensure_ascii=False,
                                      separators=(",", ":")), "\t".join(self._keys), "\t".join(self._jamo)])

    @classmethod
    def from_state(cls, text: str) -> Resolver | None:
        """The resolver `state()` saved, or None when the text is from another format."""
        try:
            head, keys, jamo = text.split("\n")
            data = json.loads(head)
            if data.get("format") != STATE_FORMAT:
                return None
            keys_list, jamo_list = keys.split("\t") if keys else [], jamo.split("\t") if jamo else []
            owners = data["owners"]
            if not len(keys_list) == len(jamo_list) == len(owners):
                return None
            resolver = cls.__new__(cls)
            # Tuples, not JSON's lists: a tuple of ints and strings leaves the garbage collector's sight, lists stay
            # (~28k of them at 100k articles, walked by every full collection: 10+ ms inside an app keystroke)
            owners = [tuple(map(tuple, per_key)) for per_key in owners]
            resolver._index(keys_list, owners, jamo_list, dict(data["weights"]))
            return resolver
        except (ValueError, TypeError, KeyError, AttributeError):
            return None

    def _index(self, keys: list[str], owners: list, jamo: list[str], weights: dict[int, int]) -> None:
        """keys: shortest first; owners: per key, the entities it names as (entity_id, alias as written, weight);
        jamo: per key, to_jamo(key); weights: per entity, its heaviest alias's weight. Loops run in C: this is
        every query process's start-up when the name index is loaded from the database."""
        self._keys, self._owners, self._jamo, self._entity_weight = keys, owners, jamo, weights
        self._key_index = dict(zip(keys, range(len(keys))))
        # Keys joined by newlines (which no key contains): one regex or find() pass covers many keys.
        self._blob = "\n".join(keys)
        sizes = list(map(len, keys))
        self._starts = list(accumulate(map(add, sizes, repeat(1)), initial=0))[:-1]
        # (key length, blob offset of its first key, blob offset past its last key), shortest first.
        self._lengths: list[tuple[int, int, int]] = []
        for size in sorted(set(sizes)):
            first, last = bisect_left(sizes, size), bisect_right(sizes, size) - 1
            self._lengths.append((size, self._starts[first], self._starts[last] + size))

    def __len__(self) -> int:
        return len(self._keys)

    def resolve(self, query: str, limit: int = 10, fuzzy: bool = True) -> list[Match]:
        """Candidate entities for the query, best first, one row per entity (its best alias).

        fuzzy=False leaves out near spellings (and rapidfuzz's ~20 ms import)."""
        forms = query_forms(query)
        if not forms:
            return []
        steps = [self._rank(self._exact(forms), "exact", limit)]
        if is_initials_query(query):
            steps.append(self._rank(self._initials(forms[0], limit), "initials", limit))
        else:
            steps.append(self._rank(self._prefix(forms, limit), "prefix", limit))
            if fuzzy:
                steps.append(self._rank(self._fuzzy(forms, FUZZY_THRESHOLD, limit), "fuzzy", limit))
        best_per_entity: dict[int, Match] = {}
        for match in sorted((m for step in steps for m in step), key=self._order):
            best_per_entity.setdefault(match.entity_id, match)
        return sorted(best_per_entity.values(), key=self._order)[:limit]

    def best(self, query: str) -> Match | None:
        """The one entity the query surely means, or None when it is unknown or ambiguous.

        Confident means: a unique exact alias; a unique initial-consonant match (or a unique alias the
        consonants cover whole: ㅅㅅ -> 삼성 over 삼성전자); a unique prefix/substring match; or a fuzzy
        score >= FUZZY_THRESHOLD that leads every other entity by FUZZY_GAP.
        """
        forms = query_forms(query)
        if not forms:
            return None
        exact = self._exact(forms)
        if exact:
            return self._single(exact, "exact")
        # Two entities are enough to know a step is ambiguous.
        if is_initials_query(query):
            hits = self._initials(forms[0], 2)
            whole = {index: score for index, score in hits.items() if score >= INITIALS_WHOLE}
            return self._single(whole or hits, "initials")
        prefix = self._prefix(forms, 2)
        if prefix:
            return self._single(prefix, "prefix")
        ranked = self._rank(self._fuzzy(forms, FUZZY_THRESHOLD - FUZZY_GAP, 2), "fuzzy", 2)
        if not ranked or ranked[0].score < FUZZY_THRESHOLD:
            return None
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        return ranked[0] if ranked[0].score - runner_up >= FUZZY_GAP else None

    def _rank(self, hits: dict[int, float], how: str, limit: int) -> list[Match]:
        """The best `limit` entities (with ties) for scored key indices, each with its best alias."""
        best_per_entity: dict[int, Match] = {}
        floor = -1.0
        for index in sorted(hits, key=hits.__getitem__, reverse=True):
            score = round(hits[index], 1)
            if score < floor:
                break
            for entity_id, text, _ in self._owners[index]:
                match = Match(entity_id, text, score, how)
                current = best_per_entity.get(entity_id)
                if current is None or self._order(match) < self._order(current):
                    best_per_entity[entity_id] = match
            if len(best_per_entity) >= limit:
                floor = score  # keep going only through keys that tie with this one
        return sorted(best_per_entity.values(), key=self._order)[:limit]

    def _order(self, match: Match) -> tuple[float, int, str]:
        """Sort key: higher score, then heavier entity (more mentions), then alias text."""
        return (-match.score, -self._entity_weight[match.entity_id], match.alias)

    def _single(self, hits: dict[int, float], how: str) -> Match | None:
        """The match when all hits belong to one entity, else None."""
        ranked = self._rank(hits, how, 2)
        return ranked[0] if len(ranked) == 1 else None

    def _exact(self, forms: list[str]) -> dict[int, float]:
        """The key equal to the raw query, or failing that to the particle-stripped query."""
        for form in forms:
            index = self._key_index.get(form)
            if index is not None:
                return {index: 100.0}
        return {}

    def _initials(self, form: str, wanted: int) -> dict[int, float]:
        """Keys containing the consonant pattern, scored 80-99 by how much of the key it covers."""
        # The trailing .* eats the rest of the key, so each key yields one hit at most.
        pattern = re.compile(initial_pattern(form) + ".*")

        def find(start: int, end: int) -> Iterator[int]:
            return (found.start() for found in pattern.finditer(self._blob, start, end))

        def score(length: int, _at_start: bool) -> float:
            return INITIALS_FLOOR + (INITIALS_WHOLE - INITIALS_FLOOR) * len(form) / length

        return self._scan(find, score, len(form), wanted)

    def _prefix(self, forms: list[str], wanted: int) -> dict[int, float]:
        """Keys containing a query form of 2+ characters, scored 80-90 by coverage (+1 at the start)."""
        hits: dict[int, float] = {}
        for form in forms:
            if len(form) < 2:
                continue

            def find(start: int, end: int, form: str = form) -> Iterator[int]:
                position = self._blob.find(form, start, end)
                while position >= 0:
                    yield position
                    # One hit per key is enough: resume at the next key.
                    position = self._blob.find(form, self._blob.find("\n", position, end) + 1 or end, end)

            def score(length: int, at_start: bool, form: str = form) -> float:
                return PREFIX_FLOOR + 9.0 * len(form) / length + (1.0 if at_start else 0.0)

            for index, value in self._scan(find, score, len(form), wanted).items():
                if value > hits.get(index, 0.0):
                    hits[index] = value
        return hits

    def _scan(
        self,
        find: Callable[[int, int], Iterator[int]],
        score_of: Callable[[int, bool], float],
        min_length: int,
        wanted: int,
    ) -> dict[int, float]:
        """Hits of `find` (blob offsets) over keys of min_length and longer, shortest keys first,
        stopping once `wanted` entities score above anything a longer key could reach."""
        hits: dict[int, float] = {}
        entity_best: dict[int, float] = {}
        for length, start, end in self._lengths:
            if length < min_length:
                continue
            if len(entity_best) >= wanted:
                nth_best = heapq.nlargest(wanted, entity_best.values())[-1]
                if score_of(length, True) < nth_best:
                    break
            for offset in find(start, end):
                index = bisect_right(self._starts, offset) - 1
                score = score_of(length, offset == self._starts[index])
                if score > hits.get(index, 0.0):
                    hits[index] = score
                    for entity_id, _, _ in self._owners[index]:
                        entity_best[entity_id] = max(score, entity_best.get(entity_id, 0.0))
        return hits

    def _fuzzy(self, forms: list[str], cutoff: float, limit: int) -> dict[int, float]:
        """Keys whose jamo string is within `cutoff` of a query form's (fuzz.ratio)."""
        from rapidfuzz import fuzz, process  # here: exact, initial and substring lookups never need it

        hits: dict[int, float] = {}
        # Several aliases of one entity can crowd the top, so ask for more than the caller shows.
        wanted = max(4 * limit, 32)
        for form in forms:
            for _, score, index in process.extract(
                to_jamo(form), self._jamo, scorer=fuzz.ratio, score_cutoff=cutoff, limit=wanted
            ):
                if score > hits.get(index, 0.0):
                    hits[index] = score
        return hits


def query_forms(query: str) -> list[str]:
    """Normalised query, then its particle-stripped form when that differs (오픈AI는 -> 오픈ai)."""
    raw = normalize_name(query)
    if not raw:
        return []
    stripped = normalize_name(strip_particle(query.strip()))
    return [raw, stripped] if stripped and stripped != raw else [raw]
