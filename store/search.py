"""A parsed query (store.query) as SQL over one index: the matching articles, their count, a page, and facets.

The plan keeps the FTS5 part of the query in one MATCH that drives the scan (bm25 ranks it), and adds entity
conditions, exclusions and filters as SQL on the articles it yields; without words it scans the articles
(newest first through articles_newest). Every user value is a bound parameter; the FTS5 expression is built
from letters and digits only (store.textindex).
"""
from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from .extract.hangul import is_initials_query, normalize_name
from .query import All, Entity, Not, Query, Text
from .results import ArticleHit, Facets, NumberRow
from .textindex import fts_expression, has_entity, highlight_pattern, snippet

if TYPE_CHECKING:
    from .api import Index

_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")
FACET_SIZE = 20  # outlets and entities listed per facet
ENTITY_FACET_SPAN = 5000  # hits whose entities the entity facet counts (all of them up to this many)
_ORDER = {
    "rank": "rank, a.id",
    "new": "coalesce(a.date, '') DESC, a.id",
    "old": "a.date IS NULL, a.date, a.id",
}
_NOTHING = ("0", [])


class SearchPlan:
    """One query bound to one index: entity names resolved, each word's other spellings looked up, and the SQL
    built once; `count`, `page`, `numbers` and `facets` then ask the index with it."""

    def __init__(self, index: "Index", q: Query) -> None:
        self.index, self.q = index, q
        self.notes: list[str] = []
        self.entity_ids: list[int] = []
        self.forms: dict[Text, tuple[str, ...]] = {}
        root = self._bind(q.root) if q.root is not None else None
        driver, conditions = self._split(root)
        self.ranked = driver is not None
        self.sort = q.sort or ("rank" if self.ranked else "new")
        if self.sort == "rank" and not self.ranked:
            self.sort = "new"  # nothing to rank by: newest first
        if driver is not None:
            rank = "bm25(articles_fts, 4.0, 1.0)" if self.sort == "rank" else "0.0"
            self.source = (f"(SELECT rowid, {rank} AS rank FROM articles_fts WHERE articles_fts MATCH ?) f "
                           "JOIN articles a ON a.id = f.rowid")
            self.source_params: list = [driver]
            self.driver = driver
        else:
            self.source, self.source_params, self.driver = "articles a", [], None
        conditions += self._filters()
        self.where = " AND ".join(c for c, _ in conditions) or "1"
        self.where_params = [p for _, params in conditions for p in params]

    # --- the tree, bound to this index ---------------------------------------------------------------------

    def _bind(self, node):
        """Resolve entity names to ids, read an initials-only word (ㅅㅅㅈㅈ) as the entity it names, and look
        up each word's other spellings."""
        if isinstance(node, Text):
            if node.kind == "word" and is_initials_query(node.text):
                return self._bind(Entity(node.text, None, node.position))
            self.forms[node] = self._text_forms(node)
            return node
        if isinstance(node, Entity):
            if node.id is not None:
                found = self.index.find_entity(node.id)
            else:
                found = self.index.find_entity(node.name)
            if found is None:
                self.notes.append(f"no entity matches {node.name or '#' + str(node.id)!r}")
                return Entity(node.name, -1, node.position)
            self.entity_ids.append(found.id)
            return Entity(found.name, found.id, node.position)
        if isinstance(node, Not):
            return Not(self._bind(node.node))
        return type(node)(tuple(self._bind(child) for child in node.nodes))

    def _text_forms(self, text: Text) -> tuple[str, ...]:
        """A word and, when it is exactly a known name, that entity's names in the other script: nvidia also
        finds 엔비디아, 오픈AI also finds OpenAI (fuzzy scores cannot bridge scripts; the alias table can)."""
        if text.kind != "word" or len(text.letters) < 2:
            return (text.text,)
        rows = self.index._rows(
            "SELECT DISTINCT other.alias FROM aliases a JOIN entities e ON e.id = a.entity_id "
            "JOIN aliases other ON other.entity_id = a.entity_id WHERE a.norm = ? AND e.mentions > 0 LIMIT 40",
            (normalize_name(text.text),),
        )
        hangul = bool(_HANGUL.search(text.text))
        if hangul:  # 오픈AI -> OpenAI: names written in Latin letters only
            others = [a for (a,) in rows if _LATIN.search(a) and not _HANGUL.search(a)]
        else:  # nvidia -> 엔비디아
            others = [a for (a,) in rows if _HANGUL.search(a)]
        return (text.text, *sorted(others)[:6])

    def _split(self, root) -> tuple[str | None, list[tuple[str, list]]]:
        """(the FTS5 expression that drives the scan, or None; SQL conditions for the rest of the tree)."""
        if root is None:
            return None, []
        children = list(root.nodes) if isinstance(root, All) else [root]
        words = [c for c in children if not isinstance(c, Not) and not has_entity(c)]
        excluded = [c for c in children if isinstance(c, Not) and not has_entity(c)]
        rest = [c for c in children if c not in words and c not in excluded]
        driver = fts_expression(All(tuple(words + excluded)), self._forms) if words else None
        if driver is None:  # no words to drive (or none with letters): every part becomes a condition
            rest = children
        return driver, [self._condition(c) for c in rest]

    def _forms(self, text: Text) -> tuple[str, ...]:
        return self.forms.get(text, (text.text,))

    def _condition(self, node) -> tuple[str, list]:
        """SQL over `a.id` for a subtree: FTS5 where it can, entity lists, NOT/AND/OR around them."""
        if isinstance(node, Entity):
            return "a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)", [node.id]
        if isinstance(node, Not):
            sql, params = self._condition(node.node)
            return f"NOT ({sql})", params
        expression = fts_expression(node, self._forms) if not has_entity(node) else None
        if expression is not None:
            return "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [expression]
        if isinstance(node, Text):
            return _NOTHING
        parts = [self._condition(child) for child in node.nodes]
        joiner = " AND " if isinstance(node, All) else " OR "
        return "(" + joiner.join(sql for sql, _ in parts) + ")", [p for _, params in parts for p in params]

    def _filters(self) -> list[tuple[str, list]]:
        q = self.q
        out: list[tuple[str, list]] = []
        outlet = "substr(replace(lower(coalesce(a.outlet, '')), ' ', ''), 1, ?) = ?"
        reporter = ("EXISTS (SELECT 1 FROM json_each(a.reporters) r "
                    "WHERE substr(replace(lower(r.value), ' ', ''), 1, ?) = ?)")
        for names, sql, negated in ((q.outlets, outlet, False), (q.not_outlets, outlet, True),
                                    (q.reporters, reporter, False), (q.not_reporters, reporter, True)):
            if not names:
                continue
            keys = [name.lower().replace(" ", "") for name in names]
            either = "(" + " OR ".join([sql] * len(keys)) + ")"
            out.append((f"NOT {either}" if negated else either, [p for key in keys for p in (len(key), key)]))
        if q.since:
            out.append(("a.date >= ?", [q.since]))
        if q.until:
            out.append(("a.date < ?", [q.until]))
        return out

    # --- answers -----------------------------------------------------------------------------------------

    def _select(self, columns: str, tail: str = "", params: tuple = ()) -> list[tuple]:
        sql = f"SELECT {columns} FROM {self.source} WHERE {self.where} {tail}"
        return self.index._rows(sql, (*self.source_params, *self.where_params, *params))

    def matching_ids_sql(self) -> tuple[str, list]:
        """A subquery of every matching article id, with its parameters (for numbers, stories, exports)."""
        return (f"SELECT a.id FROM {self.source} WHERE {self.where}", [*self.source_params, *self.where_params])

    def count(self, extra: tuple[str, list] | None = None) -> int:
        """How many articles match (and also meet the SQL condition `extra`, when given)."""
        if extra is None and self.driver is not None and self.where == "1":  # words only: FTS5 counts alone
            return self.index._rows("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (self.driver,))[0][0]
        if extra is None:
            return self._select("count(*)")[0][0]
        return self._select("count(*)", f"AND {extra[0]}", tuple(extra[1]))[0][0]

    def page(self, limit: int | None, offset: int) -> list[ArticleHit]:
        # Sort ids and keys only, then read the page's bodies: sorting rows that carry bodies moves megabytes.
        rank = "f.rank" if self.driver is not None else "0.0"
        rows = self._select(f"a.id, {rank} AS rank", f"ORDER BY {_ORDER[self.sort]} LIMIT ? OFFSET ?",
                            (limit if limit is not None else -1, max(0, offset)))
        if not rows:
            return []
        order = {aid: (i, rank) for i, (aid, rank) in enumerate(rows)}
        details = self.index._rows(
            "SELECT id, title, outlet, date, source, body FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(order)),),
        )
        pattern = highlight_pattern([form for text in self.q.texts() for form in self._forms(text)]
                                    + self._entity_names())
        groups = self.index.near_groups(list(order))
        hits = []
        for aid, title, outlet, date, source, body in sorted(details, key=lambda r: order[r[0]][0]):
            text, spans = snippet(body, pattern)
            group, size = groups.get(aid, (None, 1))
            hits.append(ArticleHit(aid, title, outlet, date, source, -order[aid][1] or 0.0, text, spans, group, size - 1))
        return hits

    def _entity_names(self) -> list[str]:
        """The names of the query's @entities, so a snippet opens at a mention even without words."""
        if not self.entity_ids:
            return []
        return [r[0] for r in self.index._rows(
            "SELECT alias FROM aliases WHERE entity_id IN (SELECT value FROM json_each(?)) LIMIT 40",
            (json.dumps(self.entity_ids),))]

    def numbers(self) -> list[NumberRow]:
        """Figures equal to the query's amounts (90만장 = 월 최대 90만 장), in the matching articles when the
        query says more than the amount."""
        amounts = [t for t in self.q.texts() if t.kind == "amount"]
        if not amounts:
            return []
        alone = len(amounts) == 1 and self.q.root == amounts[0] and self.where == "1"
        within = None if alone else self.matching_ids_sql()
        rows: list[NumberRow] = []
        for amount in amounts:
            rows += self.index._numbers_matching(amount.text, within)
        return rows

    def facets(self, total: int | None = None) -> Facets:
        """Outlets and months over every hit; entities over every hit up to ENTITY_FACET_SPAN (the best-ranked,
        or newest, that many beyond it: counting 13k hits' entities took 0.4 s at 20k articles)."""
        outlets = self._select("a.outlet, count(*) AS n", "AND a.outlet IS NOT NULL GROUP BY a.outlet "
                               f"ORDER BY n DESC, a.outlet LIMIT {FACET_SIZE}")
        months = self._select("substr(a.date, 1, 7) AS m, count(*)", "AND a.date IS NOT NULL GROUP BY m ORDER BY m")
        rank = "f.rank" if self.driver is not None else "0.0"
        span_sql = (f"SELECT a.id FROM {self.source} WHERE {self.where} "
                    f"ORDER BY {_ORDER[self.sort].replace('rank', rank, 1)} LIMIT {ENTITY_FACET_SPAN}")
        over = min(self.count() if total is None else total, ENTITY_FACET_SPAN)  # a search has counted already
        types = ""
        if self.q.types:  # a join, not `entity_id IN (…)`: that let the planner walk every person's rows (23 s)
            types = (f" CROSS JOIN entities e ON e.id = ae.entity_id AND e.type IN "
                     f"({','.join('?' * len(self.q.types))})")
        # Group the ids alone, then name the top ones: joining entities before grouping doubled the cost.
        counts = self.index._rows(
            f"SELECT ae.entity_id, count(*) AS n FROM article_entities ae{types} WHERE ae.article_id IN ({span_sql}) "
            f"GROUP BY ae.entity_id ORDER BY n DESC LIMIT {FACET_SIZE * 2}",
            (*self.q.types, *self.source_params, *self.where_params),
        )
        infos = {e.id: e for e in self.index._entity_infos([eid for eid, _ in counts])}
        entities = sorted(((infos[eid].name, infos[eid].type, n, eid) for eid, n in counts if eid in infos),
                          key=lambda e: (-e[2], e[0]))[:FACET_SIZE]
        return Facets([tuple(r) for r in outlets], [tuple(r) for r in months], entities, entity_over=over)
