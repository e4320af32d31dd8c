"""Writing what a link decided by difference: entity and alias rows that stay as they are are not written (and keep
their ids), and an article's mentions are replaced while the counts hear how they moved."""
from __future__ import annotations

import json
from collections import Counter

from ..articles import PART_CODES
from ..db import has_index
from ..extract.hangul import normalize_name
from ..textindex import recency
from .entity_set import EntitySet
from .matching import MentionRow, ids_json

RETIRED_KEEP = 5000  # names of deleted entities whose ids an undo (or a re-index) may bring back


Renames = tuple[dict[str, int], dict[str, int], dict[str, int]]  # what renamed_entities gives


def renamed_entities(conn, entities: EntitySet) -> Renames:
    """(name -> id of every stored entity, those of them the set no longer names, new name -> the id it inherits).
    A new name inherits the id of a vanished entity that it shares a surface with: a rename keeps the old name as
    an alias, and its undo finds the new name among the old entity's aliases. Read before the rows are rewritten."""
    existing = dict(conn.execute("SELECT name, id FROM entities"))
    wanted = {s.name: s for s in entities.specs}
    gone = {n: i for n, i in existing.items() if n not in wanted}
    gone_surfaces: dict[int, set[str]] = {}
    if gone:
        gone_ids = set(gone.values())
        for entity_id, norm in conn.execute("SELECT entity_id, norm FROM aliases"):
            if entity_id in gone_ids:
                gone_surfaces.setdefault(entity_id, set()).add(norm)
    heirs: dict[str, int] = {}
    for name, spec in wanted.items() if gone else ():
        if name in existing:
            continue
        norms = {normalize_name(x) for x in spec.surfaces()}
        heir = next((i for n, i in gone.items() if i not in heirs.values()
                     and (normalize_name(n) in norms or normalize_name(name) in gone_surfaces.get(i, ()))), None)
        if heir is not None:
            heirs[name] = heir
    return existing, gone, heirs


def sync_entities(conn, entities: EntitySet, renames: Renames) -> None:
    """Keep ids of entities that still exist (deep links, history and open screens stay valid).

    An entity whose name changed keeps its id too: a new name takes the id of a vanished entity that it shares a
    surface with (a rename keeps the old name as an alias; its undo finds the new name among the old aliases).
    A deleted entity's id is remembered by name, so undoing the delete brings the same id back. `renames`:
    renamed_entities of this set, read before any row changed (the linker's entity_change reads it too)."""
    existing, gone, heirs = renames
    reuse = dict(heirs)
    wanted = {s.name: s for s in entities.specs}
    gone_ids = set(gone.values())
    row = conn.execute("SELECT value FROM meta WHERE key = 'retired_ids'").fetchone()
    retired: dict[str, int] = json.loads(row[0]) if row else {}
    in_use = set(existing.values()) | set(reuse.values())
    for name in wanted:
        if name not in existing and name not in reuse and retired.get(name) is not None and retired[name] not in in_use:
            reuse[name] = retired[name]
            in_use.add(retired[name])
    dropped = {n: i for n, i in gone.items() if i not in reuse.values()}
    # their mentions first, found through their articles (mentions has no index by entity, nor a cascade from it)
    conn.executemany("DELETE FROM mentions WHERE article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ?) "
                     "AND entity_id = ?", [(i, i) for i in dropped.values()])
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


def store_mentions(conn, article_ids: list[int], rows: list[MentionRow], counts: Counter | None = None) -> None:
    """Replace these articles' mentions; `counts` (when given) hears how each entity's mentions ("m") and
    articles ("a") moved."""
    marks = ids_json(article_ids)
    if counts is not None:
        for entity_id, mentions, articles in conn.execute(
                "SELECT entity_id, sum(mentions), count(*) FROM article_entities "
                "WHERE article_id IN (SELECT value FROM json_each(?)) GROUP BY entity_id", [marks]):
            counts[entity_id, "m"] -= mentions
            counts[entity_id, "a"] -= articles
    conn.execute("DELETE FROM mentions WHERE article_id IN (SELECT value FROM json_each(?))", [marks])
    conn.execute("DELETE FROM article_entities WHERE article_id IN (SELECT value FROM json_each(?))", [marks])
    insert_mentions(conn, rows)
    found = Counter((row[0], row[1]) for row in rows)
    ranks = _recencies(conn, marks)
    conn.executemany("INSERT INTO article_entities(entity_id, article_id, mentions, recency) VALUES (?,?,?,?)",
                     [(eid, article_id, n, ranks[article_id]) for (eid, article_id), n in found.items()])
    if counts is not None:
        for (entity_id, _), n in found.items():
            counts[entity_id, "m"] += n
            counts[entity_id, "a"] += 1



def store_mentions_by_difference(conn, article_ids: list[int], rows: list[MentionRow]) -> None:
    """Make these articles' mentions `rows`, writing only what differs from the stored ones: a mention that stays
    keeps its row (and id), and an (entity, article) count that stays is not written. For a re-match of every
    article after the matching rules changed, where most mentions come out the same: deleting and inserting 7M
    mention rows at 100k was most of that run's writing. Counts are not heard here: such a link recounts."""
    marks = ids_json(article_ids)
    # a row's surface is the text at its offsets, the same text while the article is: its place is the key
    wanted = Counter(_place(row) for row in rows)
    gone: list[tuple[int, int]] = []  # (article, id)
    for mention_id, *stored in conn.execute(
            'SELECT id, entity_id, article_id, part, paragraph, start, "end" FROM mentions '
            "WHERE article_id IN (SELECT value FROM json_each(?))", [marks]):
        key = tuple(stored)
        if wanted[key] > 0:
            wanted[key] -= 1
        else:
            gone.append((stored[1], mention_id))
    if gone:
        conn.executemany("DELETE FROM mentions WHERE article_id = ? AND id = ?", gone)
    fresh = []  # the rows no stored mention stands for, in the rows' order
    for row in rows:
        if wanted[_place(row)] > 0:
            wanted[_place(row)] -= 1
            fresh.append(row)
    if fresh:
        insert_mentions(conn, fresh)
    found = Counter((row[0], row[1]) for row in rows)
    stored_counts = {(entity_id, article_id): (n, rank) for article_id, entity_id, n, rank in conn.execute(
        "SELECT article_id, entity_id, mentions, recency FROM article_entities "
        "WHERE article_id IN (SELECT value FROM json_each(?))", [marks])}
    conn.executemany("DELETE FROM article_entities WHERE entity_id = ? AND recency = ? AND article_id = ?",
                     [(entity_id, rank, article_id) for (entity_id, article_id), (_, rank) in stored_counts.items()
                      if (entity_id, article_id) not in found])
    conn.executemany("UPDATE article_entities SET mentions = ? WHERE entity_id = ? AND recency = ? AND article_id = ?",
                     [(n, entity_id, stored_counts[entity_id, article_id][1], article_id)
                      for (entity_id, article_id), n in found.items()
                      if (entity_id, article_id) in stored_counts and stored_counts[entity_id, article_id][0] != n])
    new_pairs = [key for key in found if key not in stored_counts]
    if new_pairs:
        ranks = _recencies(conn, ids_json(sorted({article_id for _, article_id in new_pairs})))
        conn.executemany("INSERT INTO article_entities(entity_id, article_id, mentions, recency) VALUES (?,?,?,?)",
                         [(entity_id, article_id, found[entity_id, article_id], ranks[article_id])
                          for entity_id, article_id in new_pairs])


def add_mentions(conn, rows: list[MentionRow], counts: Counter) -> None:
    """Add mentions to articles that keep the ones they have (new entities and spellings found where no stored
    mention is near: store.linking.touched); `counts` hears how each entity's mentions and articles moved."""
    insert_mentions(conn, rows)
    found = Counter((row[0], row[1]) for row in rows)
    pairs = json.dumps(sorted(found))
    stored = {(entity_id, article_id): rank for entity_id, article_id, rank in conn.execute(
        "SELECT ae.entity_id, ae.article_id, ae.recency FROM json_each(?) AS p JOIN article_entities ae "
        "ON ae.article_id = p.value ->> 1 AND ae.entity_id = p.value ->> 0", [pairs])}
    conn.executemany("UPDATE article_entities SET mentions = mentions + ? WHERE entity_id = ? AND recency = ? AND article_id = ?",
                     [(n, entity_id, stored[entity_id, article_id], article_id)
                      for (entity_id, article_id), n in found.items() if (entity_id, article_id) in stored])
    fresh = sorted(key for key in found if key not in stored)
    articles = ids_json(sorted({article_id for _, article_id in fresh}))
    ranks = _recencies(conn, articles)
    conn.executemany("INSERT INTO article_entities(entity_id, article_id, mentions, recency) VALUES (?,?,?,?)",
                     [(entity_id, article_id, found[entity_id, article_id], ranks[article_id])
                      for entity_id, article_id in fresh])
    for (entity_id, _), n in found.items():
        counts[entity_id, "m"] += n
    for entity_id, _ in fresh:
        counts[entity_id, "a"] += 1


def _place(row: MentionRow) -> tuple:
    """A mention row as the table keeps it (entity, article, part code, paragraph, start, end): no surface."""
    return row[0], row[1], PART_CODES[row[2]], row[3], row[4], row[5]


MENTION_ID = "mention_id"  # meta: the last mention id handed out


def insert_mentions(conn, rows: list[MentionRow]) -> None:
    """Insert mention rows (their surfaces stay out: the text at their offsets), with ids handed out here in the
    rows' order, above every id given before (meta mention_id, moved in the same transaction): the table is keyed by
    article, so max(id) would read all of it. PostgreSQL's table takes ids from its sequence."""
    if not rows:
        return
    if getattr(conn, "backend", "sqlite") != "sqlite":
        conn.executemany('INSERT INTO mentions(entity_id, article_id, part, paragraph, start, "end") VALUES (?,?,?,?,?,?)',
                         [_place(row) for row in rows])
        return
    found = conn.execute(f"SELECT value FROM meta WHERE key = '{MENTION_ID}'").fetchone()
    last = int(found[0]) if found else conn.execute("SELECT coalesce(max(id), 0) FROM mentions").fetchone()[0]
    conn.executemany('INSERT INTO mentions(article_id, id, entity_id, part, paragraph, start, "end") VALUES (?,?,?,?,?,?,?)',
                     [(row[1], last + i, row[0], PART_CODES[row[2]], row[3], row[4], row[5])
                      for i, row in enumerate(rows, 1)])
    conn.execute(f"INSERT OR REPLACE INTO meta(key, value) VALUES ('{MENTION_ID}', ?)", [str(last + len(rows))])


class _Recencies(dict):
    """{article id: textindex.recency} of articles; one the index did not return ranks as undated."""

    def __missing__(self, article_id: int) -> int:
        return recency(article_id, None)


def _recencies(conn, marks: str) -> dict[int, int]:
    """The recency of these articles (a JSON list of ids), each worked out once (an article has ~35 entities), from
    their dates in the covering index when the file has it: an add's new names reach ~47k old articles at 100k, each
    a page of its own in the articles table."""
    hint = " INDEXED BY articles_placing" if has_index(conn, "articles_placing") else ""
    return _Recencies((article_id, recency(article_id, date)) for article_id, date in conn.execute(
        f"SELECT id, date FROM articles{hint} WHERE id IN (SELECT value FROM json_each(?))", [marks]))
