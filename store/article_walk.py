"""Queries without words to drive, read in page order as far as a page or a capped count needs (a mixin of
store.search.SearchPlan): the articles walked newest (or oldest) first through articles_newest with the date filter as
its range, conditions with words asked of each batch (store.batch_conditions), or a driving @entity's rows newest day
first with the other conditions asked at each of them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cached_property, reduce
from heapq import merge
from itertools import chain, islice
from operator import and_, or_, sub

from .batch_conditions import Batch, walk_kept
from .db import article_total, has_index
from .plan_sql import (_ARTICLE_COLUMN, _ARTICLE_ORDER, _ENTITY_LIST, _ENTITY_PROBE, _ORDER_PARTS, _OUTLET_LIST, _SINCE,
                       _UNTIL, _WORDS_AT_ROW, _WORDS_LIST, WORDS_AT_ROW_TERMS)
from .query import All, Entity, Not, Text
from .fts_query import fts_expression, has_entity
from .textindex import DATED_FROM, ID_BITS, date_key

WALK_BATCH = 256  # articles a walk in page order reads at a time (_in_order): a page of 38 without 삼성 reads ~115, a
# capped count of 1,001 ~3,000 (batches doubling from 128 were 10-35% slower at 100k: the last reads past the answer)
ENTITY_PAGE_BATCH = 64  # rows a page driven by an entity steps at a time: it stops once the page is full
DENSE_ENTITY_SHARE = 200  # an entity in one article of this many: a batch of WALK_BATCH of its rows spans ~51k articles
# The keys of _ORDER_PARTS' orders over (id, date or '') rows, for merging walks: newest (reversed), then oldest dated
# and the undated by id
_MERGE_KEYS = {"new": (lambda row: (row[1], -row[0]),), "old": (lambda row: (row[1], row[0]), lambda row: row[0])}


def _asked_at_row(where: str, params: list, at_row: str = _WORDS_AT_ROW) -> str:
    """`where` with each word condition whose FTS5 expression (its parameter) is short asked at the row (of an
    entity's article_entities row `ae`, or with `at_row` another)."""
    pieces = where.split(_WORDS_LIST)
    out, at = [pieces[0]], pieces[0].count("?")
    for piece in pieces[1:]:
        short = params[at].count('"') // 2 <= WORDS_AT_ROW_TERMS  # each term is one quoted token
        out += [at_row if short else _WORDS_LIST, piece]
        at += 1 + piece.count("?")
    return "".join(out)


class ArticleWalk:
    """SearchPlan's reading of a query without words to drive: the plan's conditions, sort and index are its own."""

    def _articles_for(self, conditions: list[tuple[str, list]]) -> str:
        """The articles a plan without words reads: lists of ids alone (by:, a rare @entity) find their dates, which
        the page and the count order them by, in articles_placing, not a 4 KB row apart each (by:김 at 100k, 4,533
        articles: 7.8 -> 3.0 ms a page); a `by:` of many articles walks articles_newest (_filters)."""
        if self._sqlite and conditions and all(c.startswith("a.id IN (SELECT") for c, _ in conditions) \
                and has_index(self.index.db, "articles_placing"):
            if self._common_reporters and all(c != _ENTITY_LIST for c, _ in conditions):
                return "articles a INDEXED BY articles_newest"
            return "articles a INDEXED BY articles_placing"
        return "articles a"

    def _asked_of_batch(self, node) -> Callable[[Batch], set[int]]:
        """A subtree's condition as _condition reads it, over a batch of articles (store.batch_conditions): words
        with no entity below them are one FTS5 expression, an entity is its article_entities rows."""
        if isinstance(node, Entity):
            return lambda batch: batch.naming(node.id)
        if isinstance(node, Not):
            inner = self._asked_of_batch(node.node)
            return lambda batch: batch.ids - inner(batch)
        expression = fts_expression(node, self._forms, self._one_letter, self._absent, self.number_starts) \
            if not has_entity(node) else None
        if expression is not None:
            return lambda batch: batch.words(expression)
        if isinstance(node, Text):
            return lambda batch: batch.none()
        if isinstance(node, All):
            return self._asked_of_all(node.nodes)
        parts = [self._asked_of_batch(child) for child in node.nodes]
        # operators, not set methods: the facets ask the same of the whole index as arrays (store.whole_sets)
        return lambda batch: reduce(or_, (part(batch) for part in parts))

    def _asked_of_all(self, nodes: list) -> Callable[[Batch], set[int]]:
        """Every one of `nodes` (an AND, or the query's conditions), the excluded ones taken from what the others keep:
        `@삼성전자 -HBM` is 삼성전자's articles less HBM's, and every article is read only when nothing else names any
        (for the whole index 114 ms at 1M)."""
        kept = [self._asked_of_batch(child) for child in nodes if not isinstance(child, Not)]
        dropped = [self._asked_of_batch(child.node) for child in nodes if isinstance(child, Not)]
        if not kept:
            return lambda batch: reduce(sub, (part(batch) for part in dropped), batch.ids)
        return lambda batch: reduce(sub, (part(batch) for part in dropped),
                                    reduce(and_, (part(batch) for part in kept)))

    def _newest_range(self) -> tuple[str, list]:
        """A query without words: its date filter again, as a range of articles_newest's own expression, for the
        statements that walk that index (the page and the capped count). On `a.date` alone SQLite walked it from the
        newest article down to the range (date:2025-01 at 100k: 38 ms a page, as much again for the count). Not in
        the plan's conditions: the facets' pass over every hit reads articles_placing whole, cheaper than the row
        look-ups the range would lead it to (date:..2024-02: 5.7 against 51 ms). An undated article is '' to the index,
        and an empty date undated, as in a search row's day: the range implies the filter's `a.date` conditions."""
        sql, params = "", []
        if self.driver is None and self.q.since:
            sql, params = " AND coalesce(a.date, '') >= ?", [self.q.since]
        if self.driver is None and self.q.until:
            sql, params = sql + " AND coalesce(a.date, '') > '' AND coalesce(a.date, '') < ?", params + [self.q.until]
        return sql, params

    def _walked_ids(self, want: int | None, sort: str) -> list[int]:
        """The first `want` hits (all: None) of a query whose conditions with words are asked a batch at a time, in
        `sort`'s order."""
        asked, rest = self.batch_walk
        ids = walk_kept(self.index, self._in_order(sort, rest), asked, want, sort=sort)[0]
        if sort == "new" and (want is None or len(ids) < want):  # every hit, newest first: the count needs no walk
            self._walked_every = ids
        return ids

    def _in_order(self, sort: str, conditions: list[tuple[str, list]]) -> Iterator[list[tuple[int, str]]]:
        """(id, date or '') of the articles that meet `conditions` and the date filter, in `sort`'s order, in
        batches: each part of the order (_ORDER_PARTS) starts only when the one before ran out. The date filter is
        the walk's range alone (_walk_where: -삼성 before:2024-02-01 read each article's row, 44 ms)."""
        where, params = self._walk_where(conditions)
        source = self._articles_for(self._undated(conditions))
        apart = self._each_outlet(conditions)
        for at, (part, order) in enumerate(_ORDER_PARTS[sort]):
            if apart is None:
                yield from self.index._batches(f"SELECT a.id, coalesce(a.date, '') FROM {source} WHERE {where}{part} "
                                               f"ORDER BY {order}", params, size=WALK_BATCH)
                continue
            walks = [chain.from_iterable(self.index._batches(
                f"SELECT a.id, coalesce(a.date, '') FROM {source} WHERE {where_one}{part} ORDER BY {order}", params_one,
                size=WALK_BATCH)) for where_one, params_one in apart]
            rows = merge(*walks, key=_MERGE_KEYS[sort][at], reverse=sort == "new")
            while batch := list(islice(rows, WALK_BATCH)):
                yield batch

    @cached_property
    def _outlets_apart(self) -> bool:
        """A query without words whose `outlet:` picks several outlets: its page and capped count walk them one outlet
        at a time (_each_outlet, _in_order), as sort:old's page walks its dates."""
        return self.driver is None and self._sqlite and self._each_outlet(self.conditions) is not None

    def _walked_in_order(self, sort: str, offset: int, want: int | None) -> list[int]:
        """The ids from `offset` to `want` (all: None) of a query without words, in `sort`'s order, walked a batch at a
        time (_in_order)."""
        rows = chain.from_iterable(self._in_order(sort, self.conditions))
        return [article_id for article_id, _ in islice(rows, offset, want)]

    def _each_outlet(self, conditions: list[tuple[str, list]]) -> list[tuple[str, list]] | None:
        """An `outlet:` that picks several outlets (`outlet:뉴` is 뉴시스 and 뉴스웍스), as one walk per outlet, whose
        rows _in_order merges: for `a.outlet IN (?, ?)` SQLite read every article of both through
        articles_outlet_newest and sorted them before the first (at 1M `@삼성전자 -반도체 outlet:뉴`, 88k articles each
        probed for the entity: 477 ms a keystroke; `by:김 outlet:뉴` 176 ms). None: one walk. A page and a capped
        count without words walk this way whenever it is not None (SearchPlan._page_ids, count)."""
        for at, (sql, names) in enumerate(conditions):
            if sql.startswith(_OUTLET_LIST) and len(names) > 1:
                return [self._walk_where([*conditions[:at], (f"{_OUTLET_LIST}?)", [name]), *conditions[at + 1:]])
                        for name in names]
        return None

    @staticmethod
    def _undated(conditions: list[tuple[str, list]]) -> list[tuple[str, list]]:
        """The conditions but the date filter's (the statements that walk articles_newest read it as their range)."""
        return [c for c in conditions if c[0] not in (_SINCE, _UNTIL)]

    def _walk_where(self, conditions: list[tuple[str, list]]) -> tuple[str, list]:
        """`conditions` as a walk of articles_newest reads them: the date filter as a range of the index's own
        expression alone (_newest_range), which implies its `a.date` conditions exactly; testing those as well read
        each article's row (at 1M `by:김 date:2025-01` read a month's 20k rows: 204 ms)."""
        kept = self._undated(conditions)
        walked, bounds = self._newest_range()
        return (" AND ".join(c for c, _ in kept) or "1") + walked, [p for _, values in kept for p in values] + bounds

    @cached_property
    def driving_entity(self) -> int | None:
        """For a query without words that ANDs an @entity: which condition it is (the entity fewest articles name),
        so that its article_entities rows drive the scan (newest first: its recency order), unless an `outlet:`
        names fewer articles (a probe at each of them then costs less). None: the articles drive, as SQLite plans
        it (newest first through articles_newest, probing the entity at each: at 1M `@삼성전자 date:2023-01`, which
        no article matches, read all of them in 4.2 s)."""
        if self.driver is not None or not self._sqlite:
            return None
        entities = sorted((self.entity_articles.get(params[0], 0), at) for at, (sql, params) in enumerate(self.conditions)
                          if sql in (_ENTITY_PROBE, _ENTITY_LIST))
        if not entities:
            return None
        fewest, at = entities[0]
        for sql, names in self.conditions:
            if sql.startswith(_OUTLET_LIST) and self.index._rows(
                    f"SELECT count(*) FROM articles a WHERE {sql}", names)[0][0] < fewest:
                return None
        return at

    @cached_property
    def _entity_batches(self) -> bool:
        """Whether a page or a capped count reads the driving entity's rows a batch at a time with the conditions with
        words asked of each batch (store.batch_conditions), not at each row: when the entity names at least one
        article in DENSE_ENTITY_SHARE, its batch's days hold few enough hits to read. FTS5 seeks each term of the words
        in each search segment at a row: at 1M 0.1-0.9 ms a row, and `@삼성전자 -HBM`, whose rows mostly hold HBM,
        probed ~2,000 rows for its first 10 (1.8 s)."""
        if self.batch_walk is None or self.driving_entity is None:
            return False
        entity = self.conditions[self.driving_entity][1][0]
        return self.entity_articles.get(entity, 0) * DENSE_ENTITY_SHARE >= article_total(self.index.db)

    def _from_entity(self, columns: str, words_at_row: bool = False, words_apart: bool = False) -> tuple[str, tuple]:
        """SELECT `columns` over the driving entity's rows (ae) and their articles (a) that meet the other conditions,
        the date filters also as a range of its rows (recency holds the day). `words_at_row`: each word condition is
        asked at the row (a page or a capped count reads few rows), not read whole once (every row is read);
        `words_apart`: left out, for the caller to ask of each batch (_entity_batches)."""
        at = self.driving_entity
        rest = [condition for i, condition in enumerate(self.conditions)
                if i != at and not (words_apart and i in self._worded)]
        where = " AND ".join(sql for sql, _ in rest) or "1"
        if words_at_row:
            where = _asked_at_row(where, [p for _, params in rest for p in params])
        for day, op in ((self.q.since, ">="), (self.q.until, "<")):
            if day and date_key(day) > 1:  # 1: 1900-01-01 and before, all one day to date_key
                where += f" AND ae.recency {op} {date_key(day) << ID_BITS}"
        # the date from the narrow placing index, not the 4 KB article row, when no condition reads another column
        narrow = set(_ARTICLE_COLUMN.findall(where)) <= {"id", "date"} and has_index(self.index.db, "articles_placing")
        return (f"SELECT {columns} FROM article_entities ae CROSS JOIN articles a"
                f"{' INDEXED BY articles_placing' if narrow else ''} ON a.id = ae.article_id "
                f"WHERE ae.entity_id = ? AND {where}",
                (self.conditions[at][1][0], *[p for _, params in rest for p in params]))

    def _entity_page_ids(self, limit: int, offset: int) -> list[tuple[int, float]]:
        """A page of a query without words from the driving entity's rows in their order (newest day first, or
        oldest for sort:old), read until the page is full and its last day read whole: the page's order
        (_ARTICLE_ORDER, by the articles' full dates) is then sorted out within that day."""
        want = None if limit < 0 else offset + limit
        if self.sort == "old":  # dated oldest first, then the undated by id (day 0: recency descending)
            parts = [(f" AND ae.recency >= {DATED_FROM}", "ae.recency"), (f" AND ae.recency < {DATED_FROM}", "ae.recency DESC")]
        else:
            parts = [("", "ae.recency DESC")]
        batched = self._entity_batches
        sql, params = self._from_entity(f"ae.article_id, coalesce(a.date, ''), ae.recency >> {ID_BITS}",
                                        words_at_row=True, words_apart=batched)
        rows = (row for bound, order in parts  # each part's statement starts only when the one before ran out
                for batch in self.index._batches(f"{sql}{bound} ORDER BY {order}", params,
                                                 size=WALK_BATCH if batched else ENTITY_PAGE_BATCH)
                for row in (self._meeting_words(batch) if batched else batch))
        found: list[tuple[int, str]] = []
        last = None
        for article_id, date, day in rows:
            if want is not None and len(found) >= want and (day != last or not day):  # undated: already in order
                break
            found.append((article_id, date))
            last = day
        if self.sort == "old":
            found.sort(key=lambda hit: (not hit[1], hit[1], hit[0]))  # _ARTICLE_ORDER["old"]
        else:
            found.sort(key=lambda hit: (hit[1], -hit[0]), reverse=True)
        return [(article_id, 0.0) for article_id, _ in found[offset:want]]

    def _walked_count(self, cap: int, enough: int | None = None) -> tuple[int, bool] | None:
        """A capped count of a query whose conditions with words are asked a batch at a time (the article walk, or a
        common driving entity's rows), and whether it is that count (store.batch_conditions.walk_kept: with
        `enough`, it may stop with at least that many); None for a query read otherwise."""
        walked = self._walked(cap, enough)
        return None if walked is None else (len(walked[0]), walked[1])

    def walked_hits(self, cap: int) -> list[int] | None:
        """The ids of the newest `cap` hits (all of them when fewer) of a query a capped count walks a batch at a time
        (_walked_count), read as that count reads them; None for a query read otherwise."""
        walked = self._walked(cap)
        return None if walked is None else walked[0]

    def _walked(self, cap: int, enough: int | None = None) -> tuple[list[int], bool] | None:
        if self._walked_every is not None:  # a page walked them all (`-하`: 7 of 100k articles, each walk 120 ms)
            return self._walked_every[:cap], True
        if self._entity_batches:
            sql, params = self._from_entity("ae.article_id, coalesce(a.date, '')", words_apart=True)
            batches = self.index._batches(f"{sql} ORDER BY ae.recency DESC", params, size=WALK_BATCH)
        elif self.batch_walk is not None and self.driving_entity is None:
            batches = self._in_order("new", self.batch_walk[1])
        else:
            return None
        return walk_kept(self.index, batches, self.batch_walk[0], cap, enough, sort="new")

    def _meeting_words(self, rows: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
        """The rows (article id, date, day) of a batch of the driving entity's whose articles meet the conditions with
        words."""
        meeting = Batch(self.index, [(article_id, date) for article_id, date, _ in rows]).meeting(self.batch_walk[0])
        return [row for row in rows if row[0] in meeting]
