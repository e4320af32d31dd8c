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
"""
from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from collections import Counter, deque
from dataclasses import dataclass, field
from itertools import islice

import sqlite_utils

from .extract.entities import Matcher, load_alias_file, short_forms
from .extract.hangul import normalize_name
from .model import ENTITY_TYPES
from .textindex import ID_MASK, recency
from .extract.resolve import ALIAS_ROWS, Resolver

EDIT_OPS = ("merge", "rename", "retype", "alias-add", "alias-remove", "split", "delete", "define")


class EditError(ValueError):
    """An entity edit that cannot apply (unknown name, bad type); one line for the user."""


class NothingToChange(EditError):
    """An entity edit that would leave every entity as it is (merging an entity into itself, renaming it to
    its name, adding an alias it has): one line for the user, and nothing is stored."""


@dataclass
class Spec:
    name: str
    type: str
    origin: str
    aliases: set[str] = field(default_factory=set)
    votes: Counter = field(default_factory=Counter)

    def surfaces(self) -> set[str]:
        return {self.name, *self.aliases}


def mark_stale(conn) -> None:
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('link_stale', '1')")


def needs_link(db: sqlite_utils.Database) -> bool:
    row = db.execute("SELECT value FROM meta WHERE key = 'link_stale'").fetchone()
    return bool(row and row[0] == "1")


class EntitySet:
    """Entities keyed by the normalized form of every surface they own."""

    def __init__(self) -> None:
        self.specs: list[Spec] = []
        self.by_key: dict[str, Spec] = {}

    def find(self, surface: str) -> Spec | None:
        return self.by_key.get(normalize_name(surface))

    def require(self, surface: str) -> Spec:
        spec = self.find(surface)
        if spec is None:
            raise EditError(f"no entity named {surface!r}")
        return spec

    def add(self, name: str, type_: str, aliases, origin: str) -> Spec:
        """Add surfaces; fold them into an existing entity that already owns one of them."""
        surfaces = [s for s in (name, *aliases) if normalize_name(s)]
        owners = []
        for s in surfaces:
            owner = self.by_key.get(normalize_name(s))
            if owner is not None and owner not in owners:
                owners.append(owner)
        if owners:
            spec = owners[0]
            for other in owners[1:]:
                if other.origin == "alias-file" and spec.origin == "alias-file":
                    continue  # the shipped file keeps its distinct entities distinct (삼성 vs 삼성전자)
                self._absorb(spec, other)
        else:
            spec = Spec(name=name, type=type_, origin=origin)
            self.specs.append(spec)
        for s in surfaces:
            key = normalize_name(s)
            owner = self.by_key.setdefault(key, spec)
            # every spelling the entity owns reaches the matcher: 도이치 텔레콤 beside 도이치텔레콤 lets the
            # text write the space (a space between two Hangul words matches only where a spelling has one)
            if owner is spec and s != spec.name:
                spec.aliases.add(s)
        spec.votes[type_] += 1
        return spec

    def _absorb(self, into: Spec, other: Spec) -> None:
        for s in other.surfaces():
            self.by_key[normalize_name(s)] = into
            if s != into.name:
                into.aliases.add(s)
        into.votes.update(other.votes)
        self.specs.remove(other)

    def remove(self, spec: Spec) -> None:
        for s in spec.surfaces():
            if self.by_key.get(normalize_name(s)) is spec:
                del self.by_key[normalize_name(s)]
        self.specs.remove(spec)

    def drop_alias(self, spec: Spec, alias: str) -> None:
        key = normalize_name(alias)
        spec.aliases = {a for a in spec.aliases if normalize_name(a) != key}
        if self.by_key.get(key) is spec:
            del self.by_key[key]

    # --- user edits -------------------------------------------------------------------------------

    def apply(self, op: str, args: dict) -> None:
        if op == "merge":
            into, other = self.require(args["into"]), self.require(args["from"])
            if into is other:
                raise NothingToChange(f"{args['into']!r} and {args['from']!r} are already one entity ({into.name}): nothing merged")
            self._absorb(into, other)
        elif op == "rename":
            spec = self.require(args["entity"])
            new = args["name"].strip()
            owner = self.find(new)
            if owner is not None and owner is not spec:
                raise EditError(f"{new!r} already names another entity: merge them instead")
            if new == spec.name:
                raise NothingToChange(f"{spec.name!r} is already the entity's name: nothing renamed")
            spec.aliases.add(spec.name)
            spec.aliases.discard(new)
            spec.name = new
            self.by_key[normalize_name(new)] = spec
            spec.origin = "user"
        elif op == "retype":
            if args["type"] not in ENTITY_TYPES:
                raise EditError(f"unknown type {args['type']!r}: one of {', '.join(ENTITY_TYPES)}")
            spec = self.require(args["entity"])
            if spec.type == args["type"]:
                raise NothingToChange(f"{spec.name!r} is already a {spec.type}: nothing retyped")
            spec.type = args["type"]
            spec.votes = Counter({args["type"]: 1_000_000})
        elif op == "alias-add":
            spec = self.require(args["entity"])
            owner = self.find(args["alias"])
            if owner is spec:
                raise NothingToChange(f"{args['alias']!r} already names {spec.name!r}: no alias added")
            if owner is not None and owner is not spec:
                self.drop_alias(owner, args["alias"])
            spec.aliases.add(args["alias"])
            self.by_key[normalize_name(args["alias"])] = spec
        elif op in ("alias-remove", "split"):
            spec = self.require(args["entity"])
            if normalize_name(args["alias"]) == normalize_name(spec.name):
                raise EditError(f"{args['alias']!r} is the entity's name: rename it first")
            if self.find(args["alias"]) is not spec:
                raise NothingToChange(f"{args['alias']!r} is not an alias of {spec.name!r}: nothing removed")
            self.drop_alias(spec, args["alias"])
            if op == "split":
                self.add(args["alias"], args.get("type") or spec.type, [], "user").type = args.get("type") or spec.type
        elif op == "delete":
            self.remove(self.require(args["entity"]))
        elif op == "define":
            known = self.find(args["name"])
            if known is not None and known.type == args["type"] and all(
                self.find(a) is known for a in args.get("aliases", [])
            ):
                raise NothingToChange(f"{args['name']!r} is already a {known.type} with those aliases: nothing defined")
            spec = self.add(args["name"], args["type"], args.get("aliases", []), "user")
            spec.type = args["type"]
            spec.votes = Counter({args["type"]: 1_000_000})
        else:
            raise EditError(f"unknown edit {op!r}")

    def settle_types(self) -> None:
        for spec in self.specs:
            if spec.votes and spec.origin != "alias-file":
                spec.type = spec.votes.most_common(1)[0][0]


def _qualifies(evidence: set[str], count: int, articles: int) -> bool:
    """A discovered name becomes an entity with a rule/bracket hit, or when the analyzer saw it twice."""
    return bool(evidence - {"analyzer"}) or count >= 2 or articles >= 2


def build_entity_set(db: sqlite_utils.Database) -> EntitySet:
    return _entity_set(db.conn, _candidate_groups(db.conn)[0])


def _entity_set(conn, groups: dict[str, list]) -> EntitySet:
    entities = EntitySet()
    for c in load_alias_file():
        spec = entities.add(c.name, c.type, c.aliases, "alias-file")
        spec.type = c.type
    for name, types, aliases, evidence, count, articles in groups.values():
        if _qualifies(set(evidence), count, articles):
            entities.add(name, Counter(types).most_common(1)[0][0], sorted(aliases), "discovered")
    entities.settle_types()
    for op, args in conn.execute("SELECT op, args FROM edits ORDER BY id"):
        try:
            entities.apply(op, json.loads(args))
        except EditError:
            pass  # an edit whose target no longer exists after re-indexing has nothing to act on
    return entities


GROUPS_KEY = "link_candidates"  # meta: the candidates grouped by name as the last link saw them (JSON)


def _candidate_groups(conn) -> tuple[dict[str, list], int | None, int]:
    """Every candidate grouped by its normalized name, in the order names first appear (the order decides which
    spelling names an entity): {norm: [name, {type: count}, aliases, evidence, count, articles]}, the highest
    article id the groups include before this call (None when they were made from scratch) and after it.

    The last link's groups are kept in meta: only the candidates of articles added since are read (adding 1,000
    articles to 100k read 1.35M candidate rows, 12 s). Articles only ever get higher ids than those linked
    before, as long as none is deleted; a deletion (stories.forget, the hook of every one) drops the kept
    groups, and the next link groups every candidate again. PostgreSQL (ids from sequences, several writers)
    always groups them all."""
    kept = None
    if getattr(conn, "backend", "sqlite") == "sqlite":
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [GROUPS_KEY]).fetchone()
        kept = json.loads(row[0]) if row else None
    if kept is None:
        groups, through, rows = {}, None, conn.execute(
            "SELECT name, type, aliases, evidence, count, article_id FROM candidates")
    else:
        groups, through = kept["groups"], kept["through"]
        rows = conn.execute("SELECT name, type, aliases, evidence, count, article_id FROM candidates "
                            "WHERE article_id > ? ORDER BY rowid", [through])
    seen: dict[str, set[int]] = {}  # articles this call found each name in
    for name, type_, aliases, evidence, count, article_id in rows:
        key = normalize_name(name)
        g = groups.get(key)
        if g is None:
            g = groups[key] = [name, {}, [], [], 0, 0]
        g[1][type_] = g[1].get(type_, 0) + count
        for alias in json.loads(aliases):
            if alias not in g[2]:
                g[2].append(alias)
        if evidence not in g[3]:
            g[3].append(evidence)
        g[4] += count
        found = seen.setdefault(key, set())
        if article_id not in found:  # a new article id: never among those counted before this call
            found.add(article_id)
            g[5] += 1
    newest = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
    return groups, through, newest


def _keep_groups(conn, groups: dict[str, list], through: int) -> None:
    if getattr(conn, "backend", "sqlite") != "sqlite":
        return
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                 [GROUPS_KEY, json.dumps({"through": through, "groups": groups}, ensure_ascii=False, separators=(",", ":"))])


def forget(conn) -> None:
    """Articles are about to be deleted: their candidates leave the groups, so the next link groups them all."""
    conn.execute("DELETE FROM meta WHERE key = ?", [GROUPS_KEY])


def _signature(entities: EntitySet) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for spec in sorted(entities.specs, key=lambda s: s.name):
        digest.update(f"{spec.name}\t{spec.type}\t{'|'.join(sorted(spec.aliases))}\n".encode())
    return digest.hexdigest()


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
    """What changed is linked: the articles added since the last link (their ids are higher: `_candidate_groups`)
    and the articles an entity change may touch; entity counts move by what their mentions did. Without the
    last link's groups (a first link, a deletion since, PostgreSQL) every unlinked article is found by a scan
    and every count is recounted."""
    groups, through, newest = _candidate_groups(conn)
    if entities is None:
        entities = _entity_set(conn, groups)
    incremental = through is not None
    signature = _signature(entities)
    old = conn.execute("SELECT value FROM meta WHERE key = 'link_signature'").fetchone()
    changed = not old or old[0] != signature
    touched: set[int] = set()
    if changed:
        touched = _articles_touched(conn, entities)
        _sync_entities(conn, entities)
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
                _store_mentions(conn, chunk, rows, counts)
        else:
            matcher = Matcher(specs, kinds)
            for start in range(0, len(todo), LINK_CHUNK):
                chunk = todo[start:start + LINK_CHUNK]
                _store_mentions(conn, chunk, _match(conn, matcher, kinds, chunk), counts)
    if incremental:
        for start in range(0, len(todo), 10_000):
            conn.execute("UPDATE articles SET linked = 1 WHERE id IN (SELECT value FROM json_each(?)) AND linked = 0",
                         [_json(todo[start:start + 10_000])])
        moved: dict[int, list[int]] = {}
        for (entity_id, what), n in counts.items():
            moved.setdefault(entity_id, [0, 0])[what == "a"] += n
        conn.executemany("UPDATE entities SET mentions = mentions + ?, articles = articles + ? WHERE id = ?",
                         [(m, a, entity_id) for entity_id, (m, a) in moved.items() if m or a])
    else:
        conn.execute("UPDATE articles SET linked = 1 WHERE linked = 0")
        conn.execute("UPDATE entities SET mentions = 0, articles = 0")
        conn.execute(
            "UPDATE entities SET mentions = c.n, articles = c.a FROM (SELECT entity_id, sum(mentions) AS n, "
            "count(*) AS a FROM article_entities GROUP BY entity_id) AS c WHERE c.entity_id = entities.id"
        )
    # The name index every query process would otherwise rebuild (weights are the fresh mention counts).
    resolver = Resolver(conn.execute(ALIAS_ROWS))
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('resolver', ?)", [resolver.state()])
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('link_signature', ?)", [signature])
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('link_stale', '0')")
    _keep_groups(conn, groups, newest)


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
                                "AND id IN (SELECT value FROM json_each(?))", [_json(sorted(candidates - touched))])
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


RETIRED_KEEP = 5000  # names of deleted entities whose ids an undo (or a re-index) may bring back


def _sync_entities(conn, entities: EntitySet) -> None:
    """Keep ids of entities that still exist (deep links, history and open screens stay valid).

    An entity whose name changed keeps its id too: a new name takes the id of a vanished entity that it shares a
    surface with (a rename keeps the old name as an alias; its undo finds the new name among the old aliases).
    A deleted entity's id is remembered by name, so undoing the delete brings the same id back."""
    existing = dict(conn.execute("SELECT name, id FROM entities"))
    wanted = {s.name: s for s in entities.specs}
    gone = {n: i for n, i in existing.items() if n not in wanted}
    gone_ids = set(gone.values())
    gone_surfaces: dict[int, set[str]] = {}
    for entity_id, norm in conn.execute("SELECT entity_id, norm FROM aliases"):
        if entity_id in gone_ids:
            gone_surfaces.setdefault(entity_id, set()).add(norm)
    row = conn.execute("SELECT value FROM meta WHERE key = 'retired_ids'").fetchone()
    retired: dict[str, int] = json.loads(row[0]) if row else {}
    in_use, reuse = set(existing.values()), {}
    for name, spec in wanted.items():
        if name in existing:
            continue
        norms = {normalize_name(x) for x in spec.surfaces()}
        heir = next((i for n, i in gone.items() if i not in reuse.values()
                     and (normalize_name(n) in norms or normalize_name(name) in gone_surfaces.get(i, ()))), None)
        if heir is None and retired.get(name) is not None and retired[name] not in in_use:
            heir = retired[name]
        if heir is not None:
            reuse[name] = heir
            in_use.add(heir)
    dropped = {n: i for n, i in gone.items() if i not in reuse.values()}
    conn.executemany("DELETE FROM entities WHERE id = ?", [(i,) for i in dropped.values()])
    retired = {n: i for n, i in retired.items() if n not in wanted} | dropped
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('retired_ids', ?)",
                 [json.dumps(dict(list(retired.items())[-RETIRED_KEEP:]), ensure_ascii=False)])
    kept = {name: (type_, origin) for name, type_, origin in conn.execute("SELECT name, type, origin FROM entities")}
    for name, spec in wanted.items():
        if name in existing:
            if kept.get(name) != (spec.type, spec.origin):  # rows that stay as they are are not written
                conn.execute("UPDATE entities SET type = ?, origin = ? WHERE id = ?", [spec.type, spec.origin, existing[name]])
        elif name in reuse and reuse[name] in gone_ids:
            conn.execute("UPDATE entities SET name = ?, type = ?, origin = ? WHERE id = ?",
                         [name, spec.type, spec.origin, reuse[name]])
        else:
            conn.execute("INSERT INTO entities(id, name, type, origin) VALUES (?,?,?,?)",
                         [reuse.get(name), name, spec.type, spec.origin])
    ids = dict(conn.execute("SELECT name, id FROM entities"))
    wanted_aliases = {(ids[s.name], a): normalize_name(a) for s in entities.specs for a in s.surfaces()}
    stored = {(entity_id, alias): norm for entity_id, alias, norm in conn.execute("SELECT entity_id, alias, norm FROM aliases")}
    conn.executemany("DELETE FROM aliases WHERE entity_id = ? AND alias = ?",
                     [key for key, norm in stored.items() if wanted_aliases.get(key) != norm])
    conn.executemany("INSERT INTO aliases(entity_id, alias, norm) VALUES (?,?,?)",
                     sorted((*key, norm) for key, norm in wanted_aliases.items() if stored.get(key) != norm))


_LETTER_RUN = re.compile(r"[^\W_]+")  # what the full-text index keeps of a text (store.textindex)

PARTS = ("title", "deck", "caption", "body")  # where a mention is: the headline, the subtitle, a photo caption, the body


def article_parts(title: str | None, title_from: str | None, subtitle: str | None, captions: str | None,
                  body: str) -> list[tuple[str, int, str]]:
    """(part, index, text) of every text of an article that names entities: the headline and deck, each caption
    (index = its position in the captions list, stored as JSON), the body. Offsets of a mention are inside its text.
    A title made from the lede's first sentence copies the body: its names are body mentions already."""
    parts = [("title", 0, "" if title_from == "lede" else title or ""), ("deck", 0, subtitle or "")]
    parts += [("caption", i, c) for i, c in enumerate(json.loads(captions or "[]"))]
    parts.append(("body", 0, body))
    return [p for p in parts if p[2]]


MentionRow = tuple[int, int, str, int, int, int, str]  # entity, article, part, paragraph, start, end, surface


def _match(conn, matcher: Matcher, kinds: dict[int, str], article_ids: list[int]) -> list[MentionRow]:
    """Every mention in these articles (read in one statement each for texts and paragraph starts)."""
    marks = _json(article_ids)
    starts: dict[int, list[int]] = {}
    for article_id, start in conn.execute(
            "SELECT article_id, start FROM paragraphs WHERE article_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY article_id, idx", [marks]):
        starts.setdefault(article_id, []).append(start)
    rows: list[MentionRow] = []
    for article_id, *texts in conn.execute(
            "SELECT id, title, title_from, subtitle, captions, body FROM articles "
            "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id", [marks]):
        para_starts = starts.get(article_id, [])
        for part, index, text in article_parts(*texts):
            found = matcher.find(text)
            found += short_forms(text, found, kinds)  # 최 회장 hangs on a full name in the same text
            for s, e, eid, surface in sorted(found):
                paragraph = max(0, bisect_right(para_starts, s) - 1) if part == "body" else index
                rows.append((eid, article_id, part, paragraph, s, e, surface))
    return rows


def _store_mentions(conn, article_ids: list[int], rows: list[MentionRow], counts: Counter | None = None) -> None:
    """Replace these articles' mentions; `counts` (when given) hears how each entity's mentions ("m") and
    articles ("a") moved."""
    marks = _json(article_ids)
    if counts is not None:
        for entity_id, mentions, articles in conn.execute(
                "SELECT entity_id, sum(mentions), count(*) FROM article_entities "
                "WHERE article_id IN (SELECT value FROM json_each(?)) GROUP BY entity_id", [marks]):
            counts[entity_id, "m"] -= mentions
            counts[entity_id, "a"] -= articles
    conn.execute("DELETE FROM mentions WHERE article_id IN (SELECT value FROM json_each(?))", [marks])
    conn.execute("DELETE FROM article_entities WHERE article_id IN (SELECT value FROM json_each(?))", [marks])
    conn.executemany(
        'INSERT INTO mentions(entity_id, article_id, part, paragraph, start, "end", surface) VALUES (?,?,?,?,?,?,?)', rows)
    found = Counter((row[0], row[1]) for row in rows)
    dates = dict(conn.execute("SELECT id, date FROM articles WHERE id IN (SELECT value FROM json_each(?))", [marks]))
    conn.executemany("INSERT INTO article_entities(entity_id, article_id, mentions, recency) VALUES (?,?,?,?)",
                     [(eid, article_id, n, recency(article_id, dates.get(article_id))) for (eid, article_id), n in found.items()])
    if counts is not None:
        for (entity_id, _), n in found.items():
            counts[entity_id, "m"] += n
            counts[entity_id, "a"] += 1


def _json(values: list[int]) -> str:
    return "[" + ",".join(str(int(v)) for v in values) + "]"


# --- in a worker process: the matching of a large link (the matcher is built once per worker and link) ---

_worker_state: dict = {}


def match_articles(path: str, signature: str, specs: list[tuple[int, list[str]]], kinds: dict[int, str],
                   article_ids: list[int]) -> list[MentionRow]:
    """Mentions in these articles, read through this process's own read-only connection (the articles are
    committed before linking; the entity ids come with the call, as the linker's transaction has not)."""
    if _worker_state.get("key") != (path, signature):
        import sqlite3

        if _worker_state.get("conn") is not None:
            _worker_state["conn"].close()
        conn = sqlite3.connect(path, check_same_thread=False)
        conn.execute("PRAGMA query_only = 1")
        _worker_state.update(key=(path, signature), conn=conn, matcher=Matcher(specs, kinds))
    return _match(_worker_state["conn"], _worker_state["matcher"], kinds, article_ids)


def record_edits(db: sqlite_utils.Database, edits: list[tuple[str, dict]], skip_unchanged: bool = False) -> int:
    """Check edits against the current entity set, store them, and re-link once; returns how many were stored.

    An edit that changes nothing raises NothingToChange, unless skip_unchanged (an imported alias file whose
    lines are partly known already): then it is left out, and NothingToChange is raised only if all are."""
    entities = build_entity_set(db)
    kept: list[tuple[str, dict]] = []
    for op, args in edits:
        if op not in EDIT_OPS:
            raise EditError(f"unknown edit {op!r}")
        try:
            entities.apply(op, args)  # raises EditError with a clear line if it cannot apply
        except NothingToChange:
            if not skip_unchanged:
                raise
            continue
        kept.append((op, args))
    if not kept:
        raise NothingToChange("every entity and alias is already in the index: nothing changed")
    edits = kept
    with db.conn:
        db.conn.executemany(
            "INSERT INTO edits(op, args) VALUES (?, ?)", [(op, json.dumps(args, ensure_ascii=False)) for op, args in edits]
        )
    link(db, entities)  # the checked set already holds every stored edit plus these: no second build
    return len(edits)


def undo_last_edit(db: sqlite_utils.Database) -> list[tuple[int, str, dict, str]]:
    """Forget the newest stored edit and re-link; returns the (id, op, args, at) undone ([] when there is nothing).

    An alias import is one edit to the user: its `define` lines, stored together, go together."""
    conn = db.conn
    last = conn.execute("SELECT id, op, at FROM edits ORDER BY id DESC LIMIT 1").fetchone()
    if last is None:
        return []
    rows = [(last[0], last[1])]
    if last[1] == "define":
        rows = []
        for edit_id, op, at in conn.execute("SELECT id, op, at FROM edits ORDER BY id DESC"):
            if op != "define" or at != last[2]:
                break
            rows.append((edit_id, op))
    undone = [(edit_id, op, json.loads(args), at) for edit_id, op, args, at in conn.execute(
        "SELECT id, op, args, at FROM edits WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
        [json.dumps([r[0] for r in rows])])]
    with conn:
        conn.executemany("DELETE FROM edits WHERE id = ?", [(r[0],) for r in rows])
    link(db)
    return undone


def describe_edit(op: str, args: dict) -> str:
    """An edit in words, for people (`renamed 과학기술정보통신부 to 과기정통부`), never the stored op name."""
    words = {
        "merge": "merged {from} into {into}",
        "rename": "renamed {entity} to {name}",
        "retype": "made {entity} a {type}",
        "alias-add": "added {alias} as a name of {entity}",
        "alias-remove": "removed the name {alias} from {entity}",
        "split": "split {alias} off {entity} as an entity of its own",
        "delete": "deleted {entity}",
        "define": "defined {name} ({type})",
    }
    try:
        return words[op].format(**args)
    except (KeyError, IndexError):
        return f"{op} {json.dumps(args, ensure_ascii=False)}"
