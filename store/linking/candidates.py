"""The candidates grouped by name, kept between links so that a link reads only the candidates of newer articles."""
from __future__ import annotations

import json

from ..backends import backend_of
from ..extract.hangul import normalize_name

GROUPS_KEY = "link_candidates"  # meta: the candidates grouped by name as the last link saw them (JSON)


def candidate_groups(conn) -> tuple[dict[str, list], int | None, int]:
    """Every candidate grouped by its normalized name, in the order names first appear (the order decides which
    spelling names an entity): {norm: [name, {type: count}, aliases, evidence, count, articles]}, the highest
    article id the groups include before this call (None when they were made from scratch) and after it.

    The last link's groups are kept in meta: only the candidates of articles added since are read (adding 1,000
    articles to 100k read 1.35M candidate rows, 12 s). Articles only ever get higher ids than those linked
    before, as long as none is deleted; a deletion (stories.forget, the hook of every one) drops the kept
    groups, and the next link groups every candidate again. PostgreSQL (ids from sequences, several writers)
    always groups them all."""
    kept = None
    if backend_of(conn) == "sqlite":
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [GROUPS_KEY]).fetchone()
        kept = json.loads(row[0]) if row else None
    # An article's candidates come together (they are written together, so SQLite's rowid order keeps them so;
    # PostgreSQL's heap order is not kept: it is asked for): a name is in a new article when the article id differs
    # from the last one it was counted in. A set of article ids per name held ~16M ids at 1M (1.1 GB).
    if kept is None:
        groups, through, rows = {}, None, conn.execute(
            "SELECT name, type, aliases, evidence, count, article_id FROM candidates"
            + (" ORDER BY article_id" if backend_of(conn) == "postgres" else ""))
    else:
        groups, through = kept["groups"], kept["through"]
        # `+rowid`: ordered by rowid, SQLite's planner scanned the whole table in that order (1.26M rows at 100k,
        # 80 ms CPU warm, the table's pages read from disk cold) rather than sort the few new rows from the index
        rows = conn.execute("SELECT name, type, aliases, evidence, count, article_id FROM candidates "
                            "WHERE article_id > ? ORDER BY +rowid", [through])
    last: dict[str, int] = {}  # the article this call last counted each name in
    keys: dict[str, str] = {}  # name -> normalized: a name comes up in many articles
    for name, type_, aliases, evidence, count, article_id in rows:
        key = keys.get(name)
        if key is None:
            key = keys[name] = normalize_name(name)
        g = groups.get(key)
        if g is None:
            g = groups[key] = [name, {}, [], [], 0, 0]
        g[1][type_] = g[1].get(type_, 0) + count
        for alias in json.loads(aliases) if aliases != "[]" else ():  # most candidates have no alias
            if alias not in g[2]:
                g[2].append(alias)
        if evidence not in g[3]:
            g[3].append(evidence)
        g[4] += count
        if last.get(key) != article_id:  # a new article id: never among those counted before this call
            last[key] = article_id
            g[5] += 1
    newest = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
    return groups, through, newest


def keep_groups(conn, groups: dict[str, list], through: int) -> None:
    if backend_of(conn) != "sqlite":
        return
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                 [GROUPS_KEY, json.dumps({"through": through, "groups": groups}, ensure_ascii=False, separators=(",", ":"))])


def forget(conn) -> None:
    """Articles are about to be deleted: their candidates leave the groups, so the next link groups them all."""
    conn.execute("DELETE FROM meta WHERE key = ?", [GROUPS_KEY])

