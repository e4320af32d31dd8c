"""Turn per-article candidates into one entity set, replay the user's edits, then find every mention.

The entity set = the shipped alias file + candidates with enough evidence, merged wherever two share an
alias. User edits (merge, rename, retype, alias add/remove, split, delete, define) are stored as operations
and replayed after every rebuild, so they survive re-indexing. Mentions come from matching every alias in
every text of every article (headline, deck, photo captions and body; Aho-Corasick), so recall does not depend
on the analyzer seeing each occurrence. Each mention records its part and offsets inside that part's text.

Adding articles costs what they bring, not the index's size: the candidates grouped by name are kept (meta
`link_candidates`) with the highest article id they include, so a link reads only newer candidates, matches only
newer articles (and those an entity change may touch), and moves entity counts by what changed. A deletion drops
what was kept, and the next link does everything the full way once (as it does on PostgreSQL). So `linked = 0`
alone no longer sends an old article back to matching: drop the kept groups too (tests/test_edits.py does).

The parts live in store.linking: the entity set (entity_set), the kept candidate groups (candidates), matching
(matching), writing rows by difference (rows), counts by delta (counts), the user's edits (user_edits). This module
decides what a link redoes and drives them; callers import its names from here.
"""
from __future__ import annotations

import json
import re
from collections import Counter, deque
from itertools import islice

import sqlite_utils

from .extract.entities import Matcher
from .extract.resolve import ALIAS_ROWS, Resolver
from .linking.candidates import GROUPS_KEY, candidate_groups, forget, keep_groups
from .linking.counts import move_counts, recount
from .linking.entity_set import (EDIT_OPS, EditError, EntitySet, NothingToChange, Spec, entity_set_from,
                                 signature as entity_set_signature)
from .linking.matching import PARTS, MentionRow, article_parts, ids_json, match as _match, match_articles
from .linking.rows import sync_entities, store_mentions
from .linking.user_edits import describe_edit, record_edits, undo_last_edit
from .textindex import ID_MASK

__all__ = ["EDIT_OPS", "GROUPS_KEY", "PARTS", "EditError", "EntitySet", "MentionRow", "NothingToChange", "Spec",
           "article_parts", "build_entity_set", "describe_edit", "forget", "link", "mark_stale", "match_articles",
           "needs_link", "record_edits", "undo_last_edit"]


def mark_stale(conn) -> None:
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('link_stale', '1')")


def needs_link(db: sqlite_utils.Database) -> bool:
    row = db.execute("SELECT value FROM meta WHERE key = 'link_stale'").fetchone()
    return bool(row and row[0] == "1")


def build_entity_set(db: sqlite_utils.Database) -> EntitySet:
    return entity_set_from(db.conn, candidate_groups(db.conn)[0])


PARALLEL_LINK = 500  # articles to match from which the matching goes to the worker processes, when there are some
LINK_CHUNK = 500  # articles a worker matches per task


def link(db: sqlite_utils.Database, entities: EntitySet | None = None, pool=None) -> None:
    """Rebuild entities and aliases from candidates + edits, then (re)match mentions where needed.

    `entities`: the set as build_entity_set(db) would make it now, when the caller already has it.
    `pool`: the indexer's worker processes (concurrent.futures), which then find the mentions of large runs.
    """
    conn = db.conn
    if getattr(conn, "backend", "sqlite") == "postgres":  # one transaction; the caller holds the advisory lock
        with conn:
            _link(conn, entities, None)
        return
    if conn.in_transaction:
        conn.commit()
    # The write lock first, then read: entities read before another writer's link committed would be
    # inserted again (UNIQUE constraint failed: entities.name)
    conn.execute("BEGIN IMMEDIATE")
    try:
        _link(conn, entities, pool)
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def _link(conn, entities: EntitySet | None, pool) -> None:
    """What changed is linked: the articles added since the last link (their ids are higher: `candidate_groups`)
    and the articles an entity change may touch; entity counts move by what their mentions did. Without the
    last link's groups (a first link, a deletion since, PostgreSQL) every unlinked article is found by a scan
    and every count is recounted."""
    groups, through, newest = candidate_groups(conn)
    if entities is None:
        entities = entity_set_from(conn, groups)
    incremental = through is not None
    signature = entity_set_signature(entities)
    old = conn.execute("SELECT value FROM meta WHERE key = 'link_signature'").fetchone()
    changed = not old or old[0] != signature
    touched: set[int] = set()
    if changed:
        touched = _articles_touched(conn, entities)
        sync_entities(conn, entities)
    if incremental:
        todo = sorted(touched | {r[0] for r in conn.execute("SELECT id FROM articles WHERE id > ?", [through])})
    else:
        if touched:
            conn.executemany("UPDATE articles SET linked = 0 WHERE id = ?", [(i,) for i in touched])
        todo = [r[0] for r in conn.execute("SELECT id FROM articles WHERE linked = 0 ORDER BY id")]
    counts: Counter | None = Counter() if incremental else None  # (entity, "m" | "a") -> change
    if todo:  # a prune alone re-counts, and needs no automaton over every alias
        ids = dict(conn.execute("SELECT name, id FROM entities"))
        kinds = dict(conn.execute("SELECT id, type FROM entities"))
        specs = [(ids[s.name], sorted(s.surfaces())) for s in entities.specs]
        path = _database_file(conn)
        # Workers read the file while this transaction writes it: only WAL lets them (in a rollback journal, the
        # writer's lock makes their reads fail "database is locked"; a file copied by VACUUM INTO is one)
        if (pool is not None and path and len(todo) >= PARALLEL_LINK
                and conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"):
            # a few chunks in flight per worker: results waiting to be stored cost memory (60 MB per 5k articles);
            # a small run (1,000 added articles) in at least two chunks a worker, so that every core matches
            size = max(100, min(LINK_CHUNK, -(-len(todo) // (2 * pool._max_workers))))
            chunks = iter([todo[i:i + size] for i in range(0, len(todo), size)])
            pending = deque((chunk, pool.submit(match_articles, path, signature, specs, kinds, chunk))
                            for chunk in islice(chunks, 2 * pool._max_workers))
            while pending:
                chunk, future = pending.popleft()
                rows = future.result()
                for more in islice(chunks, 1):
                    pending.append((more, pool.submit(match_articles, path, signature, specs, kinds, more)))
                store_mentions(conn, chunk, rows, counts)
        else:
            matcher = Matcher(specs, kinds)
            for start in range(0, len(todo), LINK_CHUNK):
                chunk = todo[start:start + LINK_CHUNK]
                store_mentions(conn, chunk, _match(conn, matcher, kinds, chunk), counts)
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
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('link_stale', '0')")
    keep_groups(conn, groups, newest)


def _database_file(conn) -> str | None:
    if getattr(conn, "backend", "sqlite") != "sqlite":  # worker processes read SQLite files only
        return None
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or None
    return None


def _articles_touched(conn, entities: EntitySet) -> set[int]:
    """Linked articles whose mentions may differ under `entities`: an edit re-matches only these.

    An article's mentions can change only if it contains a surface of an entity that changed (added, removed,
    retyped, or with different surfaces), in the old set or the new one; short forms (최 회장) hang on a full
    name in the same article. An entity that only gained spellings (same name and type) changes nothing where
    none of them is written: only its new spellings are scanned for. So: articles that mention a changed entity, plus a scan of every text (headline,
    deck, captions, body) with a matcher over the changed surfaces (its automaton, so nothing it could find is missed).
    """
    old: dict[str, tuple[int, str, set[str]]] = {}
    for entity_id, name, type_, alias in conn.execute(
        "SELECT e.id, e.name, e.type, a.alias FROM entities e LEFT JOIN aliases a ON a.entity_id = e.id"
    ):
        old.setdefault(name, (entity_id, type_, {name}))[2].add(alias or name)
    new = {spec.name: (spec.type, spec.surfaces()) for spec in entities.specs}
    gone_ids, surfaces = [], set()

    def grew(name: str) -> bool:  # the same entity with more spellings: an add's new candidates bring these
        return name in old and name in new and new[name][0] == old[name][1] and old[name][2] <= new[name][1]

    for name, (entity_id, type_, known) in old.items():
        if new.get(name) == (type_, known):
            continue
        if grew(name):  # a mention can change only where a new spelling is written: those are scanned for, and
            surfaces |= new[name][1] - known  # not every article naming it (66k for 삼성전자 at 100k)
            continue
        gone_ids.append(entity_id)
        surfaces |= known
    for name, (type_, wanted) in new.items():
        if name not in old or (old[name][1:] != (type_, wanted) and not grew(name)):
            surfaces |= wanted
    touched = {row[0] for row in conn.execute(
        "SELECT DISTINCT article_id FROM article_entities WHERE entity_id IN (SELECT value FROM json_each(?))",
        [json.dumps(gone_ids)],
    )}
    if surfaces and conn.execute("SELECT 1 FROM articles WHERE linked = 1 LIMIT 1").fetchone():
        matcher = Matcher([(0, sorted(surfaces))])
        candidates = _articles_with_letters_of(conn, surfaces, matcher)
        if candidates is None:  # every text is read
            rows = conn.execute("SELECT id, title, title_from, subtitle, captions, body FROM articles WHERE linked = 1")
        else:
            rows = conn.execute("SELECT id, title, title_from, subtitle, captions, body FROM articles WHERE linked = 1 "
                                "AND id IN (SELECT value FROM json_each(?))", [ids_json(sorted(candidates - touched))])
        touched.update(article_id for article_id, *texts in rows
                       if article_id not in touched and any(matcher.may_match(t) for _, _, t in article_parts(*texts)))
    return touched


def _articles_with_letters_of(conn, surfaces: set[str], matcher: Matcher) -> set[int] | None:
    """The articles whose search rows hold the letters of some surface in a row (across any gap), from the full-text
    index: a superset of those the matcher can find a surface in, as it compares letters with only blanks, dots and
    the surface's own marks between them. Adding 1,000 articles to 100k re-reads these, not every text.
    None when that does not hold: a surface of fewer than two letters, or the matcher's country and 경기도 rules,
    which find 한·미 and 경기 북부 without the surface's letters."""
    if matcher._countries or matcher._gyeonggi is not None:
        return None
    phrases = set()
    for surface in surfaces:
        letters = "".join(_LETTER_RUN.findall(surface.casefold()))
        if len(letters) < 2:
            return None
        # every pair as a prefix: the bigram inside a word or the bridge (`_`) across a gap (store.textindex)
        phrases.add(" + ".join(f'"{letters[i:i + 2]}"*' for i in range(len(letters) - 1)))
    found: set[int] = set()
    phrases_sorted = sorted(phrases)
    for start in range(0, len(phrases_sorted), 50):
        expression = " OR ".join(f"({p})" for p in phrases_sorted[start:start + 50])
        found.update(r[0] for r in conn.execute(f"SELECT rowid & {ID_MASK} FROM articles_fts WHERE articles_fts MATCH ?",
                                                [expression]))  # the article id inside a search rowid
    return found


_LETTER_RUN = re.compile(r"[^\W_]+")  # what the full-text index keeps of a text (store.textindex)
