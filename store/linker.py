"""Turn per-article candidates into one entity set, replay the user's edits, then find every mention.

The entity set = the shipped alias file + candidates with enough evidence, merged wherever two share an
alias. User edits (merge, rename, retype, alias add/remove, split, delete, define) are stored as operations
and replayed after every rebuild, so they survive re-indexing. Mentions come from matching every alias in
every text of every article (headline, deck, photo captions and body; Aho-Corasick), so recall does not depend
on the analyzer seeing each occurrence. Each mention records its part and offsets inside that part's text.

Adding articles costs what they bring, not the index's size: the candidates grouped by name are kept (meta
`link_candidates`) with the highest article id they include, so a link reads only newer candidates, matches only
newer articles, adds the mentions of new entities and spellings to old articles that keep theirs (re-matching only
those where the old choice could change: store.linking.touched), and moves entity counts by what changed. A
deletion drops what was kept, and the next link does everything the full way once (as it does on PostgreSQL). So
`linked = 0` alone no longer sends an old article back to matching: drop the kept groups too (tests/test_edits.py
does).

The parts live in store.linking: the entity set (entity_set), the kept candidate groups (candidates), matching
(matching), which old articles a change reaches (touched), writing rows by difference (rows), counts by delta (counts),
the user's edits (user_edits). This module decides what a link redoes and drives them; callers import its names
from here.
"""
from __future__ import annotations

import json
from collections import Counter, deque
from itertools import islice

import sqlite_utils

from .backends import backend_of
from .extract.aliases import alias_file_digest
from .extract.entities import Matcher
from .extract.resolve import ALIAS_ROWS, Resolver
from .linking.candidates import GROUPS_KEY, candidate_groups, forget, keep_groups
from .linking.counts import move_counts, recount
from .linking.edit_words import describe_edit
from .linking.entity_set import (EDIT_OPS, EditError, EntitySet, NothingToChange, Spec, entity_set_from,
                                 signature as entity_set_signature)
from .linking.matching import PARTS, MentionRow, article_parts, ids_json, match as _match, match_articles
from .linking.rows import (add_mentions, renamed_entities, store_mentions, store_mentions_by_difference,
                           sync_entities)
from .linking.rules import RULES_KEY, SOURCES_KEY, rules_unchanged, rules_version, sources_digest
from .linking.touched import Adder, EntityChange, Reach, candidates, entity_change, reach, reach_in_worker
from .linking.user_edits import record_edits, undo_last_edit

__all__ = ["EDIT_OPS", "GROUPS_KEY", "PARTS", "EditError", "EntitySet", "MentionRow", "NothingToChange", "Spec",
           "article_parts", "build_entity_set", "describe_edit", "forget", "link", "mark_stale", "match_articles",
           "needs_link", "record_edits", "undo_last_edit"]


def mark_stale(conn) -> None:
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('link_stale', '1')")


ALIASES_KEY = "link_aliases"  # meta: alias_file_digest() of the shipped alias file the last link read


def needs_link(db: sqlite_utils.Database) -> bool:
    """Files changed since the last link, its mentions were found by other matching rules than this code's, or
    the shipped alias file is not the one it read (a new version of hanscope knows more names: the link then
    matches what the changed entities reach, as after an edit)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'link_stale'").fetchone()
    return bool(row and row[0] == "1") or _rules_changed(db.conn) or _aliases_changed(db.conn)


def _aliases_changed(conn) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [ALIASES_KEY]).fetchone()
    return (not row or row[0] != alias_file_digest()) and _any_linked(conn)


def _rules_changed(conn) -> bool:
    """Linked articles whose mentions other matching rules found (store.linking.rules): an index linked before
    the rules were recorded counts as such."""
    return not rules_unchanged(*_recorded_rules(conn)) and _any_linked(conn)


def _recorded_rules(conn) -> tuple[str | None, str | None]:
    recorded = dict(conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?)", [RULES_KEY, SOURCES_KEY]))
    return recorded.get(RULES_KEY), recorded.get(SOURCES_KEY)


def _any_linked(conn) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE linked = 1 LIMIT 1").fetchone() is not None


def build_entity_set(db: sqlite_utils.Database) -> EntitySet:
    return entity_set_from(db.conn, candidate_groups(db.conn)[0])


PARALLEL_LINK = 500  # articles to match from which the matching goes to the worker processes, when there are some
LINK_CHUNK = 500  # articles a worker matches per task


def link(db: sqlite_utils.Database, entities: EntitySet | None = None, pool=None, *, rules: bool = False,
         tell=None) -> None:
    """Rebuild entities and aliases from candidates + edits, then (re)match mentions where needed.

    `entities`: the set as build_entity_set(db) would make it now, when the caller already has it.
    `pool`: the indexer's worker processes (concurrent.futures), which then find the mentions of large runs.
    `rules`: an index run: when the matching rules changed since the articles were matched, match them all again
    (an entity edit does not: it would wait minutes on a big index; the next index run does it). `tell` hears
    one line before that re-match.
    """
    conn = db.conn
    if backend_of(conn) == "postgres":  # one transaction; the caller holds the advisory lock
        with conn:
            _link(conn, entities, None, rules, tell)
        return
    if conn.in_transaction:
        conn.commit()
    # The write lock first, then read: entities read before another writer's link committed would be
    # inserted again (UNIQUE constraint failed: entities.name)
    conn.execute("BEGIN IMMEDIATE")
    try:
        _link(conn, entities, pool, rules, tell)
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def _link(conn, entities: EntitySet | None, pool, rules: bool = False, tell=None) -> None:
    """What changed is linked: the articles added since the last link (their ids are higher: `candidate_groups`)
    and the articles an entity change may touch; entity counts move by what their mentions did. Without the
    last link's groups (a first link, a deletion since, PostgreSQL) every unlinked article is found by a scan
    and every count is recounted. After a change of the matching rules (`rules`), every article is matched."""
    groups, through, newest = candidate_groups(conn)
    if entities is None:
        entities = entity_set_from(conn, groups)
    # every article is matched by this code's rules when none was linked before, or when they all are re-matched
    all_by_these_rules = not _any_linked(conn)
    relink_all = rules and not all_by_these_rules and _rules_changed(conn)
    if relink_all:
        total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        (tell or (lambda line: None))(
            f"the mention-matching rules changed since this index was linked: finding the mentions of all "
            f"{total:,} articles again (once)")
        # every article is in `todo` below, in this one transaction: no row is marked unlinked first (that
        # rewrote each article row's first page twice, 100k pages at 100k)
        all_by_these_rules = True
    incremental = through is not None and not relink_all
    signature = entity_set_signature(entities)
    old = conn.execute("SELECT value FROM meta WHERE key = 'link_signature'").fetchone()
    changed = not old or old[0] != signature
    touched: set[int] = set()
    additions: list[MentionRow] = []
    counts: Counter | None = Counter() if incremental else None  # (entity, "m" | "a") -> change
    # After a change of the rules most mentions come out as they were: only the difference is written (an
    # edit's re-match keeps replacing its articles' rows: tests/test_edits.py reads new ids as re-matched)
    by_difference = relink_all and backend_of(conn) == "sqlite"

    def store(chunk: list[int], rows: list[MentionRow]) -> None:
        if by_difference:  # counts: this link recounts
            store_mentions_by_difference(conn, chunk, rows)
        else:
            store_mentions(conn, chunk, rows, counts)

    path = _database_file(conn)
    # Workers read the file while this transaction writes it: only WAL lets them (in a rollback journal, the
    # writer's lock makes their reads fail "database is locked"; a file copied by VACUUM INTO is one)
    in_workers = (pool is not None and path is not None
                  and conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal")
    new_ids = [r[0] for r in conn.execute("SELECT id FROM articles WHERE id > ? ORDER BY id", [through])] \
        if incremental else []
    early: _Matches | None = None  # the added articles, matched while the workers read what the change reaches
    specs = None  # what the matchers are built from, once the entity rows are written

    def store_early() -> None:
        for chunk, rows in early or ():
            store(chunk, rows)

    if changed:
        renames = renamed_entities(conn, entities)  # read once, before sync_entities rewrites the rows
        change = entity_change(conn, entities, additive=incremental, renames=renames)
        touched = {row[0] for row in conn.execute(
            "SELECT DISTINCT article_id FROM article_entities WHERE entity_id IN (SELECT value FROM json_each(?))",
            [json.dumps(change.gone_ids)])}
        sync_entities(conn, entities, renames)
        if not relink_all:  # else every article is matched anyway
            if in_workers and len(new_ids) >= PARALLEL_LINK:
                specs = _specs(conn, entities)
                early = _Matches(pool, path, signature, specs, new_ids)
            reached = _reach(conn, change, touched, signature, pool, meanwhile=store_early)
            store_early()  # when the reach did not (it found little to read)
            touched |= reached.rematch
            additions = [row for row in reached.additions if row[1] not in touched]
    if incremental:
        todo = sorted(touched | set(new_ids))
    elif relink_all:
        todo = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    else:
        if touched:
            conn.executemany("UPDATE articles SET linked = 0 WHERE id = ?", [(i,) for i in touched])
        todo = [r[0] for r in conn.execute("SELECT id FROM articles WHERE linked = 0 ORDER BY id")]
    if additions:
        add_mentions(conn, additions, counts)
    to_match = sorted(touched) if early else todo  # the added ones are stored already
    if to_match:  # a prune alone re-counts, and needs no automaton over every alias
        specs = specs or _specs(conn, entities)
        # the workers that matched the added articles hold a matcher for this entity set: a few re-matched
        # articles go to them too (building one here over every alias cost ~1 s of this process's CPU at 100k)
        if in_workers and (len(to_match) >= PARALLEL_LINK or early is not None):
            for chunk, rows in _Matches(pool, path, signature, specs, to_match):
                store(chunk, rows)
        else:
            matcher = Matcher(*specs)
            for start in range(0, len(to_match), LINK_CHUNK):
                chunk = to_match[start:start + LINK_CHUNK]
                store(chunk, _match(conn, matcher, specs[1], chunk))
    if incremental:
        for start in range(0, len(todo), 10_000):
            conn.execute("UPDATE articles SET linked = 1 WHERE id IN (SELECT value FROM json_each(?)) AND linked = 0",
                         [ids_json(todo[start:start + 10_000])])
        move_counts(conn, counts)
    else:
        conn.execute("UPDATE articles SET linked = 1 WHERE linked = 0")
        recount(conn)
    # The name index every query process would otherwise rebuild (weights are the fresh mention counts).
    resolver = Resolver(conn.execute(ALIAS_ROWS))
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('resolver', ?)", [resolver.state()])
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('link_signature', ?)", [signature])
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [ALIASES_KEY, alias_file_digest()])
    # the rules every linked article was matched by are this code's: recorded, as are their bytes where an index run
    # found them unchanged by their syntax trees alone (a layout change, or a file from before SOURCES_KEY)
    if all_by_these_rules or rules and _recorded_rules(conn)[1] != sources_digest():
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [RULES_KEY, rules_version()])
        if sources_digest() is not None:  # none where the sources are not shipped: the version stands for them
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [SOURCES_KEY, sources_digest()])
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('link_stale', '0')")
    keep_groups(conn, groups, newest)


def _specs(conn, entities: EntitySet) -> tuple[list[tuple[int, list[str]]], dict[int, str]]:
    """What a matcher is built from: (entity id, its surfaces) for every entity, and each id's type."""
    ids = dict(conn.execute("SELECT name, id FROM entities"))
    kinds = dict(conn.execute("SELECT id, type FROM entities"))
    return [(ids[s.name], sorted(s.surfaces())) for s in entities.specs], kinds


class _Matches:
    """Articles matched in the worker processes, a chunk at a time, yielded in order as (chunk, mention rows).
    A few chunks are in flight per worker: results waiting to be stored cost memory (60 MB per 5k articles); a
    small run (1,000 added articles) goes in at least two chunks a worker, so that every core matches. The
    first chunks are submitted at once, so that work submitted after them (the reach of an entity change) queues
    behind them."""

    def __init__(self, pool, path: str, signature: str, specs, ids: list[int]) -> None:
        size = max(100, min(LINK_CHUNK, -(-len(ids) // (2 * pool._max_workers))))
        self._chunks = iter([ids[i:i + size] for i in range(0, len(ids), size)])
        self._submit = lambda chunk: pool.submit(match_articles, path, signature, *specs, chunk)
        self._pending = deque((chunk, self._submit(chunk)) for chunk in islice(self._chunks, 2 * pool._max_workers))

    def __iter__(self):
        while self._pending:
            chunk, future = self._pending.popleft()
            rows = future.result()
            for more in islice(self._chunks, 1):
                self._pending.append((more, self._submit(more)))
            yield chunk, rows


def _database_file(conn) -> str | None:
    if backend_of(conn) != "sqlite":  # worker processes read SQLite files only
        return None
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or None
    return None


def _reach(conn, change: EntityChange, touched: set[int], signature: str, pool, meanwhile=None) -> Reach:
    """What the entity change does to the linked articles (store.linking.touched), read in the worker processes
    when there are many candidates. `touched` are re-matched already; the entity rows are the new ones.
    `meanwhile` runs once the workers have their chunks (storing the added articles' mentions, whose matching
    was submitted first), before their results are read."""
    if not (change.rematch_surfaces or change.added) or not conn.execute(
            "SELECT 1 FROM articles WHERE linked = 1 LIMIT 1").fetchone():
        return Reach()
    ids = dict(conn.execute("SELECT name, id FROM entities"))
    kinds = dict(conn.execute("SELECT id, type FROM entities"))
    rematch_specs = [(0, sorted(change.rematch_surfaces))] if change.rematch_surfaces else []
    add_specs = [(ids[name], sorted(surfaces)) for name, surfaces in sorted(change.added.items()) if surfaces]
    rematcher = Matcher(rematch_specs) if rematch_specs else None
    adder = Adder(add_specs, kinds) if add_specs else None
    found = candidates(conn, change, rematcher, adder)
    if found is None:  # every text is read
        found = [r[0] for r in conn.execute("SELECT id FROM articles WHERE linked = 1 ORDER BY id")]
    todo = [i for i in found if i not in touched]
    path = _database_file(conn)
    out = Reach()
    if (pool is not None and path and len(todo) >= PARALLEL_LINK
            and conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"):
        size = max(100, min(LINK_CHUNK, -(-len(todo) // (2 * pool._max_workers))))
        futures = [pool.submit(reach_in_worker, path, signature, rematch_specs, add_specs, kinds, todo[i:i + size])
                   for i in range(0, len(todo), size)]
        if meanwhile is not None:  # the main process's work while the workers read
            meanwhile()
        for future in futures:
            part = future.result()
            out.rematch |= part.rematch
            out.additions += part.additions
        return out
    for start in range(0, len(todo), LINK_CHUNK):
        part = reach(conn, todo[start:start + LINK_CHUNK], rematcher, adder, kinds)
        out.rematch |= part.rematch
        out.additions += part.additions
    return out
