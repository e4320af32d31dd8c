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
import re
import time
from collections.abc import Callable, Iterator
from functools import cached_property
from itertools import chain, islice
from math import isqrt
from typing import TYPE_CHECKING

from .backends import backend_of
from .batch_conditions import Batch, kept_ids
from .db import has_index
from .entity_windows import newest_with_entities
from .extract.hangul import is_initials_query, normalize_name
from .facets import FacetCounting
from .plan_sql import (_ARTICLE_COLUMN, _ARTICLE_ID, _ARTICLE_ORDER, _ENTITY_LIST, _ENTITY_PROBE, _ENTITY_ROWS,
                       _ID, _NOTHING, _ORDER_PARTS, _OUTLET_LIST, _REPORTER_IN_JSON, _SINCE, _UNTIL,
                       _WORDS_AT_ROW, _WORDS_LIST)
from .query import All, Entity, Not, Query, Text
from .results import ArticleHit, NumberRow
from . import window_headings
from .textindex import (DATED_FROM, ID_BITS, ID_MASK, absent_terms, date_key, fts_expression, has_entity,
                        highlight_pattern, one_letter_terms, outlet_term, snippet)

if TYPE_CHECKING:
    from .api import Index

_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")
RANK_WINDOW = 1000  # sort:rank: bm25 over answers up to this many hits; beyond, the newest this many by headline
WORDS_AT_ROW_TERMS = 10  # terms: a word expression this short is asked at a row (plan_sql._WORDS_AT_ROW)
RARE_AT_ROW = 1000  # articles: at ~0.17 ms a row, a rare entity's rows cost at most ~170 ms
WALK_BATCH = 256  # articles a walk in page order reads at a time (_in_order): a page of 38 without 삼성 reads ~115, a
# capped count of 1,001 ~3,000 (batches doubling from 128 were 10-35% slower at 100k: the last reads past the answer)
ENTITY_PAGE_BATCH = 64  # rows a page driven by an entity steps at a time: it stops once the page is full


def _asked_at_row(where: str, params: list) -> str:
    """`where` with each word condition whose FTS5 expression (its parameter) is short asked at the row."""
    pieces = where.split(_WORDS_LIST)
    out, at = [pieces[0]], pieces[0].count("?")
    for piece in pieces[1:]:
        short = params[at].count('"') // 2 <= WORDS_AT_ROW_TERMS  # each term is one quoted token
        out += [_WORDS_AT_ROW if short else _WORDS_LIST, piece]
        at += 1 + piece.count("?")
    return "".join(out)


BODIES_AT_ONCE = 2000  # a page of every hit (limit=None: the app's export of 66k hits of 삼성 at 100k peaked at
# 383 MB with every body read at once) reads its bodies this many at a time


class SearchPlan(FacetCounting):
    """One query bound to one index: entity names resolved, each word's other spellings looked up, and the SQL
    built once; `count`, `page`, `numbers` and `facets` then ask the index with it. On PostgreSQL the plan is
    store.backends.postgres.search's, which shapes the same answers for a tsvector under a GIN index."""

    def __new__(cls, index: "Index", *args, **kwargs):
        if cls is SearchPlan and backend_of(index.db) == "postgres":
            from .backends.postgres.search import PgSearchPlan
            cls = PgSearchPlan
        return super().__new__(cls)

    def __init__(self, index: "Index", q: Query, rank_window: int = RANK_WINDOW) -> None:
        self.index, self.q, self.rank_window = index, q, rank_window
        self._newest_rows: list[int] | None = None
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
        root = self._bind(q.root) if q.root is not None else None
        driver, conditions = self._split(root)
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
        self.conditions = conditions  # ANDed: one of them may drive the facets of a query without words
        self.where = " AND ".join(c for c, _ in conditions) or "1"
        self.where_params = [p for _, params in conditions for p in params]
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
            self.match = "articles_fts MATCH ?" + "".join(f" AND articles_fts.rowid {op} {bound}" for op, bound in rowids)
            self.source_params: list = [driver]
        else:
            self.joined = "articles a"
            self.source = self._articles_for(self._undated(conditions))
            self.match, self.source_params = "1", []
        # Conditions with words and none to drive (`-삼성`, `@삼성전자 OR 하이닉스`): a page or a capped count walks the
        # articles and asks those conditions of each batch (store.batch_conditions) rather than reading every hit first
        worded = [i for i, (sql, _) in enumerate(conditions[:len(self._condition_nodes)]) if _WORDS_LIST in sql]
        self.batch_walk = None
        if driver is None and worded and self._sqlite:
            self.batch_walk = ([self._asked_of_batch(self._condition_nodes[i]) for i in worded],
                               [c for i, c in enumerate(conditions) if i not in worded])

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

    def _rowid_range(self) -> list[tuple[str, int]]:
        """A date filter as a rowid range, so FTS5 seeks to it rather than filtering every hit."""
        out = []
        if self.q.since:
            out.append((">=", max(date_key(self.q.since), 1) << ID_BITS))
        elif self.q.until:  # an undated article's rows are day 0: a date filter leaves it out
            out.append((">=", DATED_FROM))
        if self.q.until:
            out.append(("<", max(date_key(self.q.until), 1) << ID_BITS))
        return out

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
            self.entity_articles[found.id] = found.articles
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
        def expression(node, expand=self._one_letter):
            return fts_expression(node, self._forms, expand, self._absent)

        driver = expression(All(tuple(words + excluded))) if words else None
        # bm25 weighs each term by its rarity, so one-letter words keep their prefix form where it scores (an
        # answer of up to RANK_WINDOW hits: their postings are that few); the OR form finds the same rows
        self.bm25_driver = expression(All(tuple(words + excluded)), expand=None) if driver else None
        # each word alone: bm25 reads every posting of each for its IDF, however few hits the whole query has
        self.word_drivers = [expression(word) for word in words] if driver else []
        if driver is None:  # no words to drive (or none with letters): every part becomes a condition
            rest = children
        self._driven = driver is not None
        self._short_words = driver is not None and driver.count('"') // 2 <= WORDS_AT_ROW_TERMS  # one quoted token a term
        self._condition_nodes = rest  # in the conditions' order (the filters follow)
        return driver, [self._anded_condition(c) for c in rest]

    def _anded_condition(self, node) -> tuple[str, list]:
        """A condition ANDed to the words: a rare @entity's rows as the search rows to match when the words are short
        (within OR, a rowid list would make SQLite ask FTS5 for each branch apart, which MATCH refuses)."""
        if (isinstance(node, Entity) and self._driven and self._short_words and self._sqlite
                and (node.id or 0) > 0 and self.entity_articles.get(node.id, 0) <= RARE_AT_ROW):
            return _ENTITY_ROWS, [node.id]
        return self._condition(node)

    def _forms(self, text: Text) -> tuple[str, ...]:
        return self.forms.get(text, (text.text,))

    def _one_letter(self, letter: str) -> list[str] | None:
        return one_letter_terms(self.index.db, letter) if self._sqlite else None  # PostgreSQL: its own plan

    def _absent(self, terms: set[str]) -> set[str]:
        """The terms of a word's spacing variants that the index never held (textindex.absent_terms), each asked
        once a plan: 엔비디아's 23 phrases (with NVIDIA's) are 5 at 100k, 하이닉스's 40 one."""
        if not self._sqlite:
            return set()  # PostgreSQL: its own plan
        todo = terms - self._term_held.keys()
        if todo:
            gone = absent_terms(self.index.db, todo)
            self._term_held.update((t, t not in gone) for t in todo)
        return {t for t in terms if not self._term_held[t]}

    def _condition(self, node) -> tuple[str, list]:
        """SQL over `a.id` for a subtree: FTS5 where it can, entity lists, NOT/AND/OR around them."""
        if isinstance(node, Entity):
            # Probing each article in scan order stops at the page; listing the entity's articles first costs
            # all of them (73 ms for 삼성전자's 32k at 100k, the probe 0.4 ms) but wins for a rare entity with
            # no words to drive, where the probe would walk every article to find its few.
            articles = self.entity_articles.get(node.id, 0)
            if self._driven or articles * articles > 50 * self.index.max_article_id():
                return _ENTITY_PROBE, [node.id]
            return _ENTITY_LIST, [node.id]
        if isinstance(node, Not):
            sql, params = self._condition(node.node)
            return f"NOT ({sql})", params
        expression = fts_expression(node, self._forms, self._one_letter, self._absent) if not has_entity(node) else None
        if expression is not None:
            return _WORDS_LIST, [expression]
        if isinstance(node, Text):
            return _NOTHING
        parts = [self._condition(child) for child in node.nodes]
        joiner = " AND " if isinstance(node, All) else " OR "
        return "(" + joiner.join(sql for sql, _ in parts) + ")", [p for _, params in parts for p in params]

    def _asked_of_batch(self, node) -> Callable[[Batch], set[int]]:
        """A subtree's condition as _condition reads it, over a batch of articles (store.batch_conditions): words
        with no entity below them are one FTS5 expression, an entity is its article_entities rows."""
        if isinstance(node, Entity):
            return lambda batch: batch.naming(node.id)
        if isinstance(node, Not):
            inner = self._asked_of_batch(node.node)
            return lambda batch: batch.ids - inner(batch)
        expression = fts_expression(node, self._forms, self._one_letter, self._absent) if not has_entity(node) else None
        if expression is not None:
            return lambda batch: batch.words(expression)
        if isinstance(node, Text):
            return lambda batch: set()
        parts = [self._asked_of_batch(child) for child in node.nodes]
        if isinstance(node, All):
            return lambda batch: set.intersection(*(part(batch) for part in parts))
        return lambda batch: set().union(*(part(batch) for part in parts))

    def _picked_outlets(self, names: list[str]) -> list[str]:
        """The outlet names, as stored, that `outlet:` prefixes pick (spaces and case ignored)."""
        keys = [name.lower().replace(" ", "") for name in names]
        return [o for o in self.index.outlets() if any(o.lower().replace(" ", "").startswith(k) for k in keys)]

    def _outlet_tags(self) -> str | None:
        """`outlet:` as FTS5 terms to join to the words' expression (`AND ("__o…" OR …) NOT (…)`: each search row's
        tags column names its outlet, textindex.outlet_term), so FTS5 walks only the rows of both; as a condition it
        probed each word hit for its outlet until a page filled (~30k probes for an outlet of 1 in 30 at 100k).
        None when conditions on the articles must do it: PostgreSQL, a file made before the tags column, no
        `outlet:`, or names that pick no outlet (the condition "0" answers that at once)."""
        q = self.q
        if not (q.outlets or q.not_outlets) or not self._sqlite or not self.index.search_tags:
            return None
        picked, avoided = self._picked_outlets(q.outlets), self._picked_outlets(q.not_outlets)
        if q.outlets and not picked:
            return None

        def either(outlets: list[str]) -> str:
            return "(" + " OR ".join(f'"{outlet_term(o)}"' for o in outlets) + ")"  # hex tokens: nothing to escape

        return (f"AND {either(picked)}" if picked else "") + (f" NOT {either(avoided)}" if avoided else "")

    def _filters(self, outlets: bool = True) -> list[tuple[str, list]]:
        q = self.q
        out: list[tuple[str, list]] = []
        for names, negated in ((q.outlets, False), (q.not_outlets, True)) if outlets else ():
            if names:  # the few outlet names the prefixes pick, compared as they are stored (articles_outlet_newest)
                picked = self._picked_outlets(names)
                either = f"{_OUTLET_LIST}{', '.join('?' * len(picked))})"
                if negated and picked:  # an article without an outlet is not one of them
                    out.append((f"(a.outlet IS NULL OR NOT {either})", picked))
                elif not negated:  # no outlet by that name: a constant 0, which SQLite tests once, not on every hit
                    out.append((either, picked) if picked else ("0", []))
        # asked only of a query with by: (a lookup in sqlite_master), else each article's JSON list is read
        listed = (q.reporters or q.not_reporters) and has_index(self.index.db, "article_reporters", "table")
        for names, negated in ((q.reporters, False), (q.not_reporters, True)):
            if not names:
                continue
            keys = [name.lower().replace(" ", "") for name in names]
            if listed:  # a prefix is a range of names: every name that starts with it sorts below it + U+10FFFF
                ranges = " OR ".join(["(reporter >= ? AND reporter < ?)"] * len(keys))
                either = f"a.id IN (SELECT article_id FROM article_reporters WHERE {ranges})"
                params = [p for key in keys for p in (key, key + "\U0010ffff")]
                if not negated and self.driver is None and self._sqlite:
                    # A common prefix (by:김, 45k articles at 1M) is walked newest first through articles_newest, each
                    # article looked up in the list, rather than sorted by date: 105 -> 51 ms a keystroke at 1M. A
                    # list of n articles in N takes ~N/n steps a hit walked and ~1 a hit sorted: it is walked when
                    # the capped count's 1,001 hits cost less that way, n² > 1,001 × N (by:김 at 100k is not)
                    enough = isqrt((self.rank_window + 1) * self.index.max_article_id()) + 1
                    self._common_reporters = self.index._rows(
                        f"SELECT count(*) FROM (SELECT 1 FROM article_reporters WHERE {ranges} LIMIT ?)",
                        (*params, enough))[0][0] >= enough
            else:
                either = "(" + " OR ".join([_REPORTER_IN_JSON] * len(keys)) + ")"
                params = [p for key in keys for p in (len(key), key)]
            out.append((f"NOT {either}" if negated else either, params))
        # With words to drive the scan, the rowid range is the date filter (a row's day is its article's date:
        # textindex.fts_rowid), and testing a.date again would read every hit's article row
        if q.since and self.driver is None:
            out.append((_SINCE, [q.since]))
        if q.until and self.driver is None:
            out.append((_UNTIL, [q.until]))
        return out

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
        if self.driving_entity is not None:  # its rows, as far as the cap; each word asked at a row unless all are read
            sql, params = self._from_entity("1", words_at_row=cap is not None)
            limit = "" if cap is None else f" LIMIT {int(cap)}"
            return self.index._rows(f"SELECT count(*) FROM ({sql}{limit})", params)[0][0]
        if cap is not None and self.batch_walk is not None:
            return len(self._walked_ids(cap, "new"))
        if cap is not None and self.driver is not None and cap <= self.rank_window + 1:
            return min(len(self._newest()), cap)  # the rows the ranked page read already
        if cap is not None and self.driver is None:
            where, params = self._walk_where(self.conditions)
            return self.index._rows(f"SELECT count(*) FROM (SELECT a.id FROM {self.source} WHERE {where} "
                                    f"ORDER BY {_ARTICLE_ORDER['new']} LIMIT ?)", (*params, cap))[0][0]
        if cap is not None:
            sql, params = self.matching_ids_sql()
            return self.index._rows(f"SELECT count(*) FROM ({sql} ORDER BY articles_fts.rowid DESC LIMIT ?)",
                                    (*params, cap))[0][0]
        return self._select("count(*)")[0][0]

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
        return kept_ids(self.index, self._in_order(sort, rest), asked, want)

    def _in_order(self, sort: str, conditions: list[tuple[str, list]]) -> Iterator[list[tuple[int, str]]]:
        """(id, date or '') of the articles that meet `conditions` and the date filter, in `sort`'s order, in
        batches: each part of the order (_ORDER_PARTS) starts only when the one before ran out. The date filter is
        the walk's range alone (_walk_where: -삼성 before:2024-02-01 read each article's row, 44 ms)."""
        where, params = self._walk_where(conditions)
        source = self._articles_for(self._undated(conditions))
        for part, order in _ORDER_PARTS[sort]:
            yield from self.index._batches(f"SELECT a.id, coalesce(a.date, '') FROM {source} WHERE {where}{part} "
                                           f"ORDER BY {order}", params, size=WALK_BATCH)

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
        if self.driver is None and self.sort == "old" and self._sqlite:
            return [(article_id, 0.0) for article_id, _ in islice(chain.from_iterable(self._in_order("old", self.conditions)),
                                                                  offset, want)]
        if self.driver is None:
            where, params = self._walk_where(self.conditions)
            return self.index._rows(f"SELECT a.id, 0.0 FROM {self.source} WHERE {where} "
                                    f"ORDER BY {_ARTICLE_ORDER[self.sort]} LIMIT ? OFFSET ?", (*params, limit, offset))
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

    def _newest(self) -> list[int]:
        """The newest `rank_window` + 1 matching search rows: one scan that stops there, read once per plan; words
        with @entities from the rarest entity's rows and the words' hits over their days (store.entity_windows)."""
        if self._newest_rows is None:
            want, entities = self.rank_window + 1, self._anded_entities()
            started = time.perf_counter()
            if entities:
                self._newest_rows = newest_with_entities(self.index, self.driver, self._rowid_range(), entities, want,
                                                         self._newest_below)
            else:
                self._newest_rows = self._newest_below(None, want)
            self._window_ms = (time.perf_counter() - started) * 1000
        return self._newest_rows

    def _newest_below(self, below: int | None, limit: int) -> list[int]:
        """The newest `limit` matching search rows below the rowid `below` (None: from the newest)."""
        bound = "" if below is None else f"AND articles_fts.rowid < {int(below)}"
        return [r[0] for r in self._select("articles_fts.rowid", f"{bound} ORDER BY articles_fts.rowid DESC LIMIT ?",
                                           (limit,))]

    def _anded_entities(self) -> list[int] | None:
        """Words whose every condition is an @entity probed at each hit: the entities, the rarest first."""
        if not (self._sqlite and self.driver is not None and self.conditions
                and all(sql == _ENTITY_PROBE for sql, _ in self.conditions)):
            return None
        return sorted((params[0] for _, params in self.conditions), key=lambda e: self.entity_articles.get(e, 0))

    def _ranked_ids(self, limit: int, offset: int) -> list[tuple[int, float]]:
        """bm25 over every hit when there are at most `rank_window`; else the newest `rank_window` hits ranked by
        headline (`_by_headline`; bm25 on PostgreSQL, whose ts_rank reads no IDF), then the rest newest first."""
        newest = self._newest()
        rank = "bm25(articles_fts, 1.0, 4.0)"  # weights in column order: body, headline (db.py) ...
        if self.outlet_tags is not None:  # ... and tags: an outlet's term scores nothing (its rarity says no relevance)
            rank = "bm25(articles_fts, 1.0, 4.0, 0.0)"
        if len(newest) <= self.rank_window and newest and self._sqlite and self._common_word():
            # Few hits of common words (`삼성 outlet:… @…`): bm25's IDF would read each word's every posting (58 ms
            # for 206 hits of 삼성 at 100k, 25 ms this way); ranked as the words alone rank their window
            note = f"a word is in over {self.rank_window:,} articles: headline or deck matches first, then newest"
            if note not in self.notes:
                self.notes.append(note)
            self.by_headline = True
            end = None if limit < 0 else offset + limit
            return self._by_headline(newest, None, end)[offset:end]
        if len(newest) <= self.rank_window:  # all of them fit (or none): ranked whole, as before
            return self._ids(f"{rank}, {self._id}", limit, offset, rank=rank) if newest else []
        edge = newest[self.rank_window]
        self.ranked_newest = self.rank_window
        headline_first = self._sqlite
        how = " (headline or deck matches first, then newest)" if headline_first else ""
        note = f"ranked the newest {self.rank_window:,} hits{how}; older ones follow, newest first"
        if note not in self.notes:
            self.notes.append(note)
        ranked = []
        if offset < self.rank_window:
            if headline_first:
                end = self.rank_window if limit < 0 else offset + limit
                ranked = self._by_headline(newest[:self.rank_window], edge, end)[offset:end]
            else:
                ranked = self._ids(f"{rank}, {self._id}", limit, offset, f"AND articles_fts.rowid > {edge}", rank=rank)
            if len(ranked) == limit:
                return ranked
        rest = -1 if limit < 0 else limit - len(ranked)
        return ranked + self._ids("articles_fts.rowid DESC", rest, max(0, offset - self.rank_window),
                                  f"AND articles_fts.rowid <= {edge}")

    @property
    def _sqlite(self) -> bool:
        return backend_of(self.index.db) == "sqlite"

    def _common_word(self) -> bool:
        """Whether a word of the query, alone, matches more than `rank_window` articles (each count stops there);
        asked only of an answer that fits the window, whose words alone usually do not, unless a filter or
        another word narrowed them."""
        if len(self.word_drivers) == 1 and self.outlet_tags is None and self.where == "1" and not self._rowid_range():
            return False  # the word alone is the answer: it fits
        return any(self.index._rows("SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? "
                                    "LIMIT ?)", (word, self.rank_window + 1))[0][0] > self.rank_window
                   for word in self.word_drivers if word is not None)

    def _by_headline(self, window: list[int], edge: int | None, first: int | None = None) -> list[tuple[int, float]]:
        """(article id, score) of the window's hits (search rowids, newest first, after `edge` when given): those
        whose headline matches first (score 2), then the others (score 1), each newest first; with `first`, at
        least the first `first` of them. One FTS5 scan of the window's rows in the title column, narrowed by the
        outlet terms and the date range: its cost is the window's, where bm25 read every posting of every phrase
        for its IDF. A page within the headline matches (the first page of a common word: ~1 hit in 5 of the
        window at 100k) ends that scan at its last one, newest first."""
        bounds = [(">", edge)] if edge is not None else self._rowid_range()
        sql = ("SELECT articles_fts.rowid FROM articles_fts WHERE articles_fts MATCH ?"
               + "".join(f" AND articles_fts.rowid {op} {bound}" for op, bound in bounds))
        params = (f"title : ({self.headline_driver}) {self.outlet_tags or ''}",)
        if self._window_ms > window_headings.COST_PER_HIT_MS * len(window):
            # finding the window was slow, so its rows hold the query's terms thinly: the title scan over its range
            # would cost as much again (1조2000억원 at 1M: 207 ms); its headings are matched in memory instead
            titled = window_headings.titled_in_memory(self.index, window, params[0])
        elif first:
            hits = set(window)
            newest = [r for (r,) in self.index._rows(f"{sql} ORDER BY articles_fts.rowid DESC LIMIT ?", (*params, first))]
            in_window = [r for r in newest if r in hits]
            if len(in_window) >= first:  # the page's rows are the newest headline matches among the hits
                return [(rowid & ID_MASK, -2.0) for rowid in in_window]
            if len(newest) == first:  # a condition left some out: read them all
                newest = [r for (r,) in self.index._rows(sql, params)]
            titled = set(newest)
        else:
            titled = {r for (r,) in self.index._rows(sql, params)}
        # ranks as bm25 gives them (lower is better): the score shown is the rank negated
        return ([(rowid & ID_MASK, -2.0) for rowid in window if rowid in titled]
                + [(rowid & ID_MASK, -1.0) for rowid in window if rowid not in titled])

    def page(self, limit: int | None, offset: int) -> list[ArticleHit]:
        # Sort ids and keys only, then read the page's bodies: sorting rows that carry bodies moves megabytes.
        rows = self._page_ids(limit, max(0, offset))
        if not rows:
            return []
        order = {aid: (i, rank) for i, (aid, rank) in enumerate(rows)}
        pattern = highlight_pattern([form for text in self.q.texts() for form in self._forms(text)]
                                    + self._entity_names())
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

    def numbers(self) -> list[NumberRow]:
        """Figures equal to the query's amounts (90만장 = 월 최대 90만 장), in the matching articles when the
        query says more than the amount."""
        amounts = [t for t in self.q.texts() if t.kind == "amount"]
        if not amounts:
            return []
        alone = len(amounts) == 1 and self.q.root == amounts[0] and self.where == "1" and self.outlet_tags is None
        within = None if alone else self.matching_ids_sql()
        rows: list[NumberRow] = []
        for amount in amounts:
            rows += self.index._numbers_matching(amount.text, within)
        return rows

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

    def _from_entity(self, columns: str, words_at_row: bool = False) -> tuple[str, tuple]:
        """SELECT `columns` over the driving entity's rows (ae) and their articles (a) that meet the other conditions,
        the date filters also as a range of its rows (recency holds the day). `words_at_row`: each word condition is
        asked at the row (a page or a capped count reads few rows), not read whole once (every row is read)."""
        at = self.driving_entity
        rest = [condition for i, condition in enumerate(self.conditions) if i != at]
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
        sql, params = self._from_entity(f"ae.article_id, a.date, ae.recency >> {ID_BITS}", words_at_row=True)
        rows = (row for bound, order in parts  # each part's statement starts only when the one before ran out
                for batch in self.index._batches(f"{sql}{bound} ORDER BY {order}", params, size=ENTITY_PAGE_BATCH)
                for row in batch)
        found: list[tuple[int, str | None]] = []
        last = None
        for article_id, date, day in rows:
            if want is not None and len(found) >= want and (day != last or not day):  # undated: already in order
                break
            found.append((article_id, date))
            last = day
        if self.sort == "old":
            found.sort(key=lambda hit: (not hit[1], hit[1] or "", hit[0]))  # _ARTICLE_ORDER["old"]
        else:
            found.sort(key=lambda hit: (hit[1] or "", -hit[0]), reverse=True)
        return [(article_id, 0.0) for article_id, _ in found[offset:want]]
