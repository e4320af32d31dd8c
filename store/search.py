"""A parsed query (store.query) as SQL over one index: the matching articles, their count, a page, and facets.

The plan keeps the FTS5 part of the query in one MATCH that drives the scan, and adds entity conditions,
exclusions and filters as SQL on the articles it yields; without words it scans the articles (newest first
through articles_newest). Every user value is a bound parameter; the FTS5 expression is built from letters and
digits only (store.textindex).

What a page costs. FTS5 rowids are in date order (textindex.fts_rowid) and FTS5 walks them in order, so a page
of the newest or oldest hits stops at its LIMIT whatever the number of hits. bm25 cannot stop early, and its IDF
reads every posting of every phrase of the query once per query, however few rows it scores (45 ms for "HBM",
26 phrases with its spellings, at 100k articles; 2 ms for its 1,000 newest rowids). So `sort:rank` scores with
bm25 only answers of up to RANK_WINDOW hits (their postings are that few); a bigger answer ranks its newest
RANK_WINDOW hits by where the query matches, headline/deck/captions before body (one FTS5 scan of the window in
the title column), each newest first, and the older hits follow, newest first: every hit is still listed once
and a note says so. (Scoring the window with bm25 in Python from the bodies cost 40-80 ms at 100k.) On
PostgreSQL ts_rank has no IDF, so it scores the window itself. Counting every hit is linear: the app asks for a
capped count while typing (`count(cap=…)`) and the exact count after painting the first page.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .article_walk import ArticleWalk, _asked_at_row
from .backends import backend_of
from .facets import FacetCounting
from .plan_binding import QueryBinding
from .plan_numbers import PlanNumbers
from .plan_sql import _ARTICLE_COLUMN, _ARTICLE_ID, _ARTICLE_ORDER, _ID, _WORDS_AT_ARTICLE, _WORDS_LIST, rowid_bounds
from .query import Entity, Query, Text
from .ranked_window import WINDOW_SLICES, RankedWindow
from .results import ArticleHit
from .fts_query import alternatives_are_terms
from .snippets import highlight_pattern, snippet
from .textindex import DATED_FROM, ID_BITS, ID_MASK, date_key

if TYPE_CHECKING:
    from .api import Index

RANK_WINDOW = 1000  # sort:rank: bm25 over answers up to this many hits; beyond, the newest this many by headline
# said with a query's digits on an index made before numbers' starts were marked (textindex.number_starts), which
# finds them inside longer ones until an index run writes its search table again; short, for the app's status line
OLD_NUMBERS_NOTE = "older index: 1조 also finds 21조 until `hanscope index` runs"
NEWEST_WINDOW = 20_000  # a keystroke's answer to a word with digits reads these newest articles first (_window_floor)
DIGITS_AT_LEAST = 2  # ... a word with this many digits or more (005930, 1조2000억원, 30%): beside other words one
# digit pair made a keystroke's other reads long (반도체 30%: 693 ms whole at 1M, 36 ms so; BENCHMARKS.md says which)
BODIES_AT_ONCE = 2000  # a page of every hit (limit=None: the app's export of 66k hits of 삼성 at 100k peaked at
# 383 MB with every body read at once) reads its bodies this many at a time


def _slice_sizes(newest: int) -> tuple[int, ...]:
    """How many of the newest articles each slice of a window of `newest` holds (RankedWindow reads it in slices)."""
    return tuple(max(1, newest // part) for part in WINDOW_SLICES)


def _newest_floors(index: "Index", counts: tuple[int, ...]) -> list[int | None]:
    """The search rowid of the n-th newest article for each n of `counts` (None past the last), kept on the index
    while its newest search row stays the same: reading them walked 2.5 ms of rows at 1M, each keystroke; checking
    the newest row costs 0.01 ms. (Articles removed since leave the window that many articles short until the next
    add: it bounds the cost, not the answer, which the whole one replaces.)"""
    top = index._rows("SELECT rowid FROM articles_fts ORDER BY rowid DESC LIMIT 1")
    key = (top[0][0] if top else None, counts)
    kept = index.__dict__.get("_newest_floors")
    if kept is None or kept[0] != key:
        floors = [index._rows("SELECT rowid FROM articles_fts ORDER BY rowid DESC LIMIT 1 OFFSET ?", (n - 1,))
                  for n in counts]
        kept = index.__dict__["_newest_floors"] = (key, [row[0][0] if row else None for row in floors])
    return kept[1]


class SearchPlan(QueryBinding, PlanNumbers, ArticleWalk, RankedWindow, FacetCounting):
    """One query bound to one index: entity names resolved, each word's other spellings looked up, and the SQL
    built once; `count`, `page`, `numbers` and `facets` then ask the index with it. On PostgreSQL the plan is
    store.backends.postgres.search's, which shapes the same answers for a tsvector under a GIN index. Its parts are
    mixins, each in its own module: binding the query (plan_binding), its numbers (plan_numbers), walks without words
    (article_walk), the ranked window (ranked_window), facets (facets)."""

    def __new__(cls, index: "Index", *args, **kwargs):
        if cls is SearchPlan and backend_of(index.db) == "postgres":
            from .backends.postgres.search import PgSearchPlan
            cls = PgSearchPlan
        return super().__new__(cls)

    def __init__(self, index: "Index", q: Query, rank_window: int = RANK_WINDOW, newest: int | None = None) -> None:
        self.index, self.q, self.rank_window = index, q, rank_window
        self._newest_rows: list[int] | None = None
        self._walked_every: list[int] | None = None  # every hit, when a page's walk read them all (ArticleWalk)
        self._window_ms = 0.0  # how long finding the newest hits took (_by_headline reads their headings by it)
        self.ranked_newest: int | None = None  # set when a page was ranked within the newest-hits window
        self.by_headline = False  # set when a page was ranked by headline matches, then newest (no bm25)
        self.notes: list[str] = []
        self.entity_ids: list[int] = []
        self.entity_articles: dict[int, int] = {}  # id -> articles naming it: picks how its condition reads
        self.forms: dict[Text, tuple[str, ...]] = {}
        self._term_held: dict[str, bool] = {}  # query terms looked up in the index's list (_absent)
        self._condition_nodes: list = []  # each condition's subtree (_split)
        self._common_reporters = False  # a `by:` of many articles (_filters): they are walked, not sorted
        self._reporter_ranges: tuple[str, list] | None = None  # a `by:` read from article_reporters (_filters)
        root = self._bind(q.root) if q.root is not None else None
        driver, conditions = self._split(root)
        if self._sqlite and not self.number_starts and any(c.isdigit() for t in q.texts() for c in t.text):
            self.notes.append(OLD_NUMBERS_NOTE)
        self.headline_driver = driver  # the words alone: what a headline can hold (_by_headline)
        self.outlet_tags = self._outlet_tags() if driver is not None else None
        if self.outlet_tags is not None:
            driver, self.bm25_driver = (f"(({d}) {self.outlet_tags})" for d in (driver, self.bm25_driver))
        self.ranked = driver is not None
        self.sort = q.sort or ("rank" if self.ranked else "new")
        if self.sort == "rank" and not self.ranked:
            self.sort = "new"  # nothing to rank by: newest first
        self.driver = driver
        conditions += self._filters(outlets=self.outlet_tags is None)
        # `@삼성전자` alone: its hits are its rows in article_entities, counted there (an index range) rather than by
        # probing articles newest first (12.7 ms to count the first 1,001 of 엔비디아's 25k at 100k)
        self.sole_entity = root.id if isinstance(root, Entity) and (root.id or 0) > 0 and len(conditions) == 1 else None
        # `by:한` alone: its hits are its articles in article_reporters, counted there (0.4 ms to 1,001 at 1M) rather
        # than by walking the articles newest first and asking each (30 ms)
        self.sole_reporters = self._reporter_ranges if root is None and len(conditions) == 1 else None
        self.conditions = conditions  # ANDed: one of them may drive the facets of a query without words
        self.where = " AND ".join(c for c, _ in conditions) or "1"
        self.where_params = [p for _, params in conditions for p in params]
        self.window_size: int | None = None  # set with window_floor: the answer is read from that many newest articles
        self.numbers_newest_hits: int | None = None  # set by numbers(): they are those of this many newest hits alone
        self.window_slices: list[int] = []  # ... in slices down to these floors (_window_floor)
        self.window_floor = self._window_floor(newest) if newest else None
        if driver is not None:
            # The FTS5 table drives (CROSS JOIN keeps it outside, where its rowid order can end the scan);
            # articles join only when a condition needs their columns.
            rowids = self._rowid_range()
            self.joined = f"articles_fts CROSS JOIN articles a ON a.id = {_ID}"
            self.source = "articles_fts" if self.where == "1" else self.joined
            if self.where != "1" and self._sqlite and set(_ARTICLE_COLUMN.findall(self.where)) <= {"id"}:
                # Conditions on the id alone (an @entity), or on the search row: no article needs reading
                self.where = _ARTICLE_ID.sub(_ID, self.where)
                self.source = "articles_fts"
            elif self.where != "1" and self._sqlite and set(_ARTICLE_COLUMN.findall(self.where)) <= {"id", "outlet"}:
                # Conditions on the outlet and the id alone (an outlet, an @entity) read the narrow (id, outlet)
                # index, not each hit's article row: at 100k `삼성 outlet:디지털타임스` probed ~30k rows, 4 KB apart,
                # to fill its window (38 ms; the narrow index holds ~150 articles a page)
                self.source = f"articles_fts CROSS JOIN articles a INDEXED BY articles_id_outlet ON a.id = {_ID}"
            self.match = "articles_fts MATCH ?" + rowid_bounds(rowids)
            self.source_params: list = [driver]
        else:
            self.joined = "articles a"
            self.source = self._articles_for(self._undated(conditions))
            self.match, self.source_params = "1", []
        # Conditions with words and none to drive (`-삼성`, `@삼성전자 OR 하이닉스`): a page or a capped count walks the
        # articles and asks those conditions of each batch (store.batch_conditions) rather than reading every hit first;
        # so does one read from a common driving entity's rows (ArticleWalk._entity_batches)
        worded = [i for i, (sql, _) in enumerate(conditions[:len(self._condition_nodes)]) if _WORDS_LIST in sql]
        self.batch_walk = None
        self._worded = set(worded)
        if driver is None and worded and self._sqlite:
            self.batch_walk = ([self._asked_of_batch(self._condition_nodes[i]) for i in worded],
                               [c for i, c in enumerate(conditions) if i not in worded])

    def _rowid_range(self, floor: int | None = None, below: int | None = None) -> list[tuple[str, int]]:
        """A date filter as a rowid range, so FTS5 seeks to it rather than filtering every hit; its lower bound
        raised to the window's floor (or to `floor`), its upper one lowered to `below`. One bound each way: FTS5
        seeks to the first it is given."""
        out = []
        if self.q.since:
            out.append((">=", max(date_key(self.q.since), 1) << ID_BITS))
        elif self.q.until:  # an undated article's rows are day 0: a date filter leaves it out
            out.append((">=", DATED_FROM))
        if self.q.until:
            out.append(("<", max(date_key(self.q.until), 1) << ID_BITS))
        floor = floor if floor is not None else self.window_floor
        if floor is not None:
            out = [(">=", max([floor, *(bound for op, bound in out if op == ">=")]))] + [b for b in out if b[0] != ">="]
        if below is not None:
            out = [b for b in out if b[0] != "<"] + [("<", min([below, *(bound for op, bound in out if op == "<")]))]
        return out

    def _window_floor(self, newest: int) -> int | None:
        """The search rowid of the `newest`-th newest article, when this keystroke's answer is read from there on.

        Why: digit pairs are the index's commonest terms (`00` is in nearly every article), so a word with digits
        that few articles hold, or that they hold thinly (a stock code, a phone number, 2025.01.15, 1조2000억원,
        `반도체 30%`), is a phrase whose every term FTS5 walks, checking positions in nearly every article: 89-469 ms
        at 1M (BENCHMARKS.md) for the first, 233-763 ms to the ranked window's 1,001 hits for the others. A rowid floor
        does not shorten a descending read (FTS5's costs the same with it), but read ascending from it, the
        newest 20k articles cost 1-20 ms. So the app's keystroke reads them first, says so (`newest_only`), and
        asks for the whole answer after painting it. Only words with digits, with no condition outside the search
        table and an order that starts at the newest: a word of letters seeks. RankedWindow._newest_in_window reads
        the window in slices, so a common string (2025, 100억원) costs about what its whole read does."""
        if not (self._sqlite and self.driver is not None and self.where == "1" and self.sort != "old"
                and any(sum(c.isdigit() for c in t.letters) >= DIGITS_AT_LEAST for t in self.q.texts())):
            return None
        floors = _newest_floors(self.index, _slice_sizes(newest))
        if floors[-1] is None:  # fewer articles than the window: the whole answer costs what the window's would
            return None
        self.window_size = newest
        self.window_slices = floors  # each slice's floor, the newest slice's first
        return floors[-1]

    @property
    def newest_only(self) -> int | None:
        """The window's size when the answer was read from the newest articles alone and may lack hits: fewer than
        `rank_window` + 1 matched there (the older ones could outrank them, and they count); None when whole."""
        if self.window_floor is None or len(self._newest()) > self.rank_window:
            return None
        return self.window_size

    # --- answers -----------------------------------------------------------------------------------------

    @property
    def _id(self) -> str:
        return _ID if self.driver is not None else "a.id"

    def _select(self, columns: str, tail: str = "", params: tuple = (), joined: bool = False,
                narrow: bool = False, driver: str | None = None) -> list[tuple]:
        """Over the hits; `joined` when `columns` or `tail` read the articles' own columns, `narrow` when they read
        only a.outlet (then, with no other condition on the articles, their narrow index serves instead of their
        rows: one 4 KB page per article read for a name)."""
        source = self.joined if joined else self.source
        if narrow and self.driver is not None and self.where == "1":
            source = f"articles_fts CROSS JOIN articles a INDEXED BY articles_id_outlet ON a.id = {_ID}"
        sql = f"SELECT {columns} FROM {source} WHERE {self.match} AND {self.where} {tail}"
        source_params = [driver] if driver is not None else self.source_params
        return self.index._rows(sql, (*source_params, *self.where_params, *params))

    def article_probe_sql(self, alias: str, dense: bool = False) -> tuple[str, list] | None:
        """An SQL condition true when the article `alias` (a row of articles) is a hit, asked of its search row alone
        (a seek per term), or without words to drive, of its own row (an entity's row, the reporters' list, its
        outlet and date; short words asked at its search row); None on PostgreSQL, or for words that drive as
        more than one phrase (an OR of spellings costs a seek per phrase and FTS5 may read on past the row:
        `엔비디아 30%` at 1M, 7 ms an article). When the caller knows the hits are `dense` (most articles), ORs
        are probed too where each alternative is one term (fts_query.alternatives_are_terms): a plain term seeks
        and stops at the row, and a phrase ANDed with the rest is in most articles, its next match near."""
        if self._sqlite and self.driver is None:
            where = _asked_at_row(self.where, self.where_params, _WORDS_AT_ARTICLE)
            return f"EXISTS (SELECT 1 FROM articles a WHERE a.id = {alias}.id AND {where})", list(self.where_params)
        probeable = self.driver is not None and (" OR " not in self.driver
                                                 or dense and alternatives_are_terms(self.driver))
        if not (self._sqlite and probeable):
            return None
        # db.connect's textindex.fts_rowid ('9999', as the articles_story index reads an undated, is day 0 as NULL is)
        return (f"EXISTS (SELECT 1 FROM {self.source} WHERE {self.match} AND {self.where} AND articles_fts.rowid = "
                f"hanscope_search_row({alias}.id, coalesce({alias}.date, '9999')))",
                [*self.source_params, *self.where_params])

    def share_of_newest(self) -> float | None:
        """The share of the newest articles (the first slice of a keystroke's window: 2,500) that are hits, read
        as a count of at most that many rows from their floor up: how densely the hits lie, to choose how to find
        them. None without words to drive, on PostgreSQL, or in an index with fewer articles."""
        if not (self._sqlite and self.driver is not None):
            return None
        counts = _slice_sizes(NEWEST_WINDOW)
        floor = _newest_floors(self.index, counts)[0]  # the keystroke's slices: their floors are kept
        if floor is None:
            return None
        ids_sql, params = self.matching_ids_sql()
        return self.index._rows(f"SELECT count(*) FROM ({ids_sql} AND articles_fts.rowid >= ?)",
                                [*params, floor])[0][0] / counts[0]

    def hits_among(self, article_ids: list[int]) -> set[int] | None:
        """Which of these articles are hits, each probed at its search row (~0.3 ms an article at 1M, whatever the
        hits); None where no probe serves (article_probe_sql), or in a window of the newest articles, whose hits
        are at most the window (`반도체 30%` at 1M: 14k, 9 ms) and most of an amount's numbers older than it (a probe
        of them would mostly miss: 9 ms more)."""
        probe = self.article_probe_sql("m") if self.window_floor is None else None
        if probe is None:
            return None
        return {aid for (aid,) in self.index._rows(
            f"SELECT m.id FROM articles m WHERE m.id IN (SELECT value FROM json_each(?)) AND {probe[0]}",
            [json.dumps(article_ids), *probe[1]])}

    def known_hits(self) -> set[int] | None:
        """Every hit's article id when the plan has read them all already (its ranked window held them); else None."""
        rows = self._newest_rows
        return None if rows is None or len(rows) > self.rank_window else {rowid & ID_MASK for rowid in rows}

    def matching_ids_sql(self) -> tuple[str, list]:
        """A subquery of every matching article id, with its parameters (for numbers, stories, exports)."""
        return (f"SELECT {self._id} FROM {self.source} WHERE {self.match} AND {self.where}",
                [*self.source_params, *self.where_params])

    def count(self, extra: tuple[str, list] | None = None, cap: int | None = None) -> int:
        """How many articles match (and also meet the SQL condition `extra`, when given). With `cap`, counting
        stops there: the newest `cap` hits cost what they are, however many there are."""
        if extra is not None:
            return self._select("count(*)", f"AND {extra[0]}", tuple(extra[1]), joined=True)[0][0]
        if self.sole_entity is not None:
            limit = "" if cap is None else f" LIMIT {int(cap)}"
            return self.index._rows(f"SELECT count(*) FROM (SELECT 1 FROM article_entities WHERE entity_id = ?{limit})",
                                    (self.sole_entity,))[0][0]
        if self.sole_reporters is not None:
            ranges, params = self.sole_reporters
            limit = "" if cap is None else f" LIMIT {int(cap)}"
            return self.index._rows(f"SELECT count(*) FROM (SELECT DISTINCT article_id FROM article_reporters "
                                    f"WHERE {ranges}{limit})", params)[0][0]
        if self._walked_every is not None:  # a page's walk read every hit
            return len(self._walked_every) if cap is None else min(cap, len(self._walked_every))
        if cap is not None and (walked := self._walked_count(cap)) is not None:
            return walked[0]
        if self.driving_entity is not None:  # its rows, as far as the cap; each word asked at a row unless all are read
            sql, params = self._from_entity("1", words_at_row=cap is not None)
            limit = "" if cap is None else f" LIMIT {int(cap)}"
            return self.index._rows(f"SELECT count(*) FROM ({sql}{limit})", params)[0][0]
        if cap is not None and self.driver is not None and cap <= self.rank_window + 1:
            return min(len(self._newest()), cap)  # the rows the ranked page read already
        if cap is not None and self._outlets_apart:
            return len(self._walked_in_order("new", 0, cap))
        if cap is not None and self.driver is None:
            where, params = self._walk_where(self.conditions)
            return self.index._rows(f"SELECT count(*) FROM (SELECT a.id FROM {self.source} WHERE {where} "
                                    f"ORDER BY {_ARTICLE_ORDER['new']} LIMIT ?)", (*params, cap))[0][0]
        if cap is not None:
            sql, params = self.matching_ids_sql()
            return self.index._rows(f"SELECT count(*) FROM ({sql} ORDER BY articles_fts.rowid DESC LIMIT ?)",
                                    (*params, cap))[0][0]
        return self._select("count(*)")[0][0]

    def capped_count(self, cap: int, enough: int) -> tuple[int, bool]:
        """count(cap=cap) for a keystroke, and whether it is that count: a query walked a batch at a time may stop
        with at least `enough` (_walked_count); the exact count comes with the facets once typing pauses."""
        walked = self._walked_count(cap, enough)
        return walked if walked is not None else (self.count(cap=cap), True)

    def _ids(self, order: str, limit: int, offset: int, bound: str = "", rank: str = "0.0") -> list[tuple[int, float]]:
        # scored: with the one-letter words' prefix form, where it differs (only SQLite expands them)
        driver = self.bm25_driver if rank != "0.0" and self.bm25_driver != self.driver else None
        return self._select(f"{self._id}, {rank}", f"{bound} ORDER BY {order} LIMIT ? OFFSET ?", (limit, offset),
                            driver=driver)

    def _page_ids(self, limit: int | None, offset: int) -> list[tuple[int, float]]:
        """(article id, rank) of a page in the plan's order, reading as few hits as that order allows."""
        limit = -1 if limit is None else limit
        if self.driving_entity is not None:
            return self._entity_page_ids(limit, offset)
        want = None if limit < 0 else offset + limit
        if self.batch_walk is not None:
            return [(article_id, 0.0) for article_id in self._walked_ids(want, self.sort)[offset:]]
        if (self.driver is None and self._sqlite and self.sort == "old") or self._outlets_apart:
            return [(article_id, 0.0) for article_id in self._walked_in_order(self.sort, offset, want)]
        if self.driver is None:
            where, params = self._walk_where(self.conditions)
            return self.index._rows(f"SELECT a.id, 0.0 FROM {self.source} WHERE {where} "
                                    f"ORDER BY {_ARTICLE_ORDER[self.sort]} LIMIT ? OFFSET ?", (*params, limit, offset))
        if self.sort == "new" and self.window_floor is not None:  # a page within the window's newest hits
            return [(rowid & ID_MASK, 0.0) for rowid in self._newest()[offset:offset + limit]]
        if self.sort == "new":  # rowid order is date order: undated (date key 0) come last
            return self._ids("articles_fts.rowid DESC", limit, offset)
        if self.sort == "old":  # dated hits oldest first, then the undated
            dated = self._ids("articles_fts.rowid", limit, offset, f"AND articles_fts.rowid >= {DATED_FROM}")
            if limit >= 0 and len(dated) == limit:
                return dated
            # Past the dated hits: how many there were (counted only when the page starts beyond them)
            before = 0 if dated or not offset else self._select("count(*)", f"AND articles_fts.rowid >= {DATED_FROM}")[0][0]
            rest = -1 if limit < 0 else limit - len(dated)
            return dated + self._ids("articles_fts.rowid", rest, max(0, offset - before),
                                     f"AND articles_fts.rowid < {DATED_FROM}")
        return self._ranked_ids(limit, offset)

    @property
    def _sqlite(self) -> bool:
        return backend_of(self.index.db) == "sqlite"

    def page(self, limit: int | None, offset: int) -> list[ArticleHit]:
        # Sort ids and keys only, then read the page's bodies: sorting rows that carry bodies moves megabytes.
        rows = self._page_ids(limit, max(0, offset))
        if not rows:
            return []
        order = {aid: (i, rank) for i, (aid, rank) in enumerate(rows)}
        pattern = highlight_pattern([form for text in self.q.texts() for form in self._forms(text)]
                                    + self._entity_names(), starts=self.number_starts)
        ids = list(order)
        groups = self.index.near_groups(ids)
        hits = []
        for at in range(0, len(ids), BODIES_AT_ONCE):  # every hit (an export): not every body at once
            details = self.index._rows(
                "SELECT id, title, outlet, date, source, body FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids[at:at + BODIES_AT_ONCE]),))
            for aid, title, outlet, date, source, body in sorted(details, key=lambda r: order[r[0]][0]):
                text, spans = snippet(body, pattern)
                group, size = groups.get(aid, (None, 1))
                hits.append(ArticleHit(aid, title, outlet, date, source, -order[aid][1] or 0.0, text, spans, group,
                                       size - 1))
        return hits

    def _entity_names(self) -> list[str]:
        """The names of the query's @entities, so a snippet opens at a mention even without words."""
        if not self.entity_ids:
            return []
        return [r[0] for r in self.index._rows(
            "SELECT alias FROM aliases WHERE entity_id IN (SELECT value FROM json_each(?)) LIMIT 40",
            (json.dumps(self.entity_ids),))]
