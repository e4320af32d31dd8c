"""The SQLite SQL of the query API and the linker, as PostgreSQL reads it.

store.api, store.search and store.linker write portable SQL wherever they can; what remains SQLite's own is
rewritten here, one rule per construct, each a fixed pattern of the store's own SQL (never of user text, which
only ever arrives as bound parameters):

- `?` placeholders -> `%s` (and a literal `%` -> `%%`);
- `articles_fts MATCH ?` -> `tsv @@ tsquery`, the bound FTS5 expression converted by fulltext.tsquery, and
  `bm25(articles_fts, w1, w2)` -> `-ts_rank` with body and headline weighted as bm25's w1:w2 (SQLite's column
  order: body, title);
- `INSERT OR REPLACE` / `INSERT OR IGNORE` -> `ON CONFLICT` clauses;
- `json_each(…)` -> the schema's `hs_each_int` / `hs_each_text`; `instr(…)` -> `strpos(…) > 0`; `LIMIT -1` (no limit) ->
  `LIMIT NULL`; a bare `1`/`0` condition -> TRUE/FALSE; `CROSS JOIN … ON` -> `JOIN … ON`;
- `INDEXED BY name` (a hint for SQLite's planner) is dropped;
- `ON CONFLICT … DO UPDATE SET x = x + 1` names the table's x (PostgreSQL finds `x` ambiguous);
- grouping by `ae.entity_id` where the query also reads `e.`'s columns groups by `e.id` too (PostgreSQL wants
  the key whose columns it reads).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .fulltext import RANK_WEIGHTS

# the conflict key of each table an `INSERT OR REPLACE` writes
PRIMARY_KEYS = {"meta": ("key",), "signatures": ("article_id",), "paragraph_docs": ("key",),
                "article_entities": ("entity_id", "recency", "article_id")}

_FTS_FROM = re.compile(r"FROM articles_fts(?P<join>(?: CROSS JOIN articles a ON [^()]*\([^()]*\))?) WHERE articles_fts MATCH \?")
_BM25 = re.compile(r"bm25\(articles_fts(?:,\s*([\d.]+)\s*,\s*([\d.]+))?\)")
_REPLACE = re.compile(r"INSERT OR REPLACE INTO (\w+)\s*\(([^)]*)\)")
_IGNORE = re.compile(r"INSERT OR IGNORE INTO")
_JSON_EACH_PARAM = re.compile(r"json_each\(\?\)")
_JSON_EACH_COLUMN = re.compile(r"json_each\(([\w.]+)\)")
_INSTR = re.compile(r"\binstr\(([^()]*)\)")
_LIMIT = re.compile(r"\bLIMIT \?")
_BOOLEAN = re.compile(r"(\bWHERE |\bAND |\bOR |\bNOT |\()([01])(?=\s*(?:$|\)|AND\b|OR\b|ORDER\b|GROUP\b|LIMIT\b))")
_CROSS_JOIN = re.compile(r"CROSS JOIN (\w+ \w+ ON)")
_INDEXED_BY = re.compile(r" INDEXED BY \w+")
_GROUP_ENTITY = re.compile(r"GROUP BY ae\.entity_id\b")
_UPSERT_SELF = re.compile(r"INSERT INTO (\w+)(.*ON CONFLICT\s*\([^)]*\) DO UPDATE SET )(\w+) = \3\b", re.S)
_MARK = "\x00fts\x00"  # where a placeholder's parameter is an FTS5 expression


def _weights(match: re.Match) -> str:
    body, title = float(match.group(1) or 1.0), float(match.group(2) or 1.0)  # the FTS5 table's column order
    top = max(title, body)
    weights = RANK_WEIGHTS if (title, body) == (4.0, 1.0) else \
        "{" + ", ".join([f"{body / top:g}"] * 3 + [f"{title / top:g}"]) + "}"
    return f"(-ts_rank('{weights}', articles_fts.tsv, fts.q))"


@lru_cache(maxsize=512)
def translate(sql: str) -> tuple[str, tuple[int, ...]]:
    """(PostgreSQL SQL with %s placeholders, the indexes of the parameters that are FTS5 expressions)."""
    sql = sql.replace("%", "%%")
    sql = _INDEXED_BY.sub("", sql)  # SQLite's planner hint; PostgreSQL picks its indexes itself
    # explicit joins only: after a comma, a JOIN's ON could not see articles_fts
    sql = _FTS_FROM.sub(lambda m: f"FROM articles_fts CROSS JOIN (SELECT ?{_MARK}::tsquery AS q) fts{m['join']} "
                                  "WHERE articles_fts.tsv @@ fts.q", sql)
    sql = _BM25.sub(_weights, sql)
    replaced = _REPLACE.search(sql)
    if replaced:
        table, columns = replaced.group(1), [c.strip().strip('"') for c in replaced.group(2).split(",")]
        keys = PRIMARY_KEYS.get(table)
        if keys is None:
            raise ValueError(f"INSERT OR REPLACE into {table}: no conflict key known")
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c not in keys)
        sql = _REPLACE.sub(lambda m: f"INSERT INTO {m.group(1)}({m.group(2)})", sql, count=1)
        sql += f" ON CONFLICT ({', '.join(keys)}) DO " + (f"UPDATE SET {updates}" if updates else "NOTHING")
    elif _IGNORE.search(sql):
        sql = _IGNORE.sub("INSERT INTO", sql) + " ON CONFLICT DO NOTHING"
    sql = _UPSERT_SELF.sub(r"INSERT INTO \1\2\3 = \1.\3", sql)  # SET docs = docs + 1: the row's own value
    sql = _JSON_EACH_PARAM.sub("hs_each_int(?)", sql)
    sql = _JSON_EACH_COLUMN.sub(r"hs_each_text(\1)", sql)
    sql = _LIMIT.sub("LIMIT NULLIF(?::bigint, -1)", sql)
    sql = _INSTR.sub(r"(strpos(\1) > 0)", sql)  # used as a condition: SQLite's integers are true when nonzero
    sql = _BOOLEAN.sub(lambda m: m.group(1) + ("TRUE" if m.group(2) == "1" else "FALSE"), sql)
    sql = _CROSS_JOIN.sub(r"JOIN \1", sql)
    if "JOIN entities e ON e.id = ae.entity_id" in sql:
        sql = _GROUP_ENTITY.sub("GROUP BY ae.entity_id, e.id", sql)
    return _placeholders(sql)


def _placeholders(sql: str) -> tuple[str, tuple[int, ...]]:
    """`?` outside string literals -> `%s`; which of them carry an FTS5 expression."""
    out, fts, index, quoted = [], [], 0, False
    i = 0
    while i < len(sql):
        ch = sql[i]
        if ch == "'":
            quoted = not quoted
        elif ch == "?" and not quoted:
            if sql.startswith(_MARK, i + 1):
                fts.append(index)
                i += len(_MARK)
            out.append("%s")
            index += 1
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out), tuple(fts)
