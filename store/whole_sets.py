"""Conditions with words or entities on a query that has no words to drive (`-삼성`, `@삼성전자 OR 하이닉스`), asked of
the whole index at once: what the facets and the exact count of such a query need (store.facets), and of words with
many hits and @entities (`@삼성전자 반도체`).

SQL reads them as `a.id IN` (or NOT IN) every hit of the words, and EXISTS in article_entities, tested at each of
the index's articles: at 1M `-삼성` took 1.3 s, `@삼성전자 OR 하이닉스` 1.8-3.5 s. Here each leaf of the condition is
read once as one text of search rowids (SQLite's group_concat: no Python row per hit) into a sorted numpy array, and
the condition is worked out with array set operations, as SearchPlan._asked_of_batch reads it for a batch of the
walk (store.batch_conditions): WholeIndex answers what a Batch answers. A search rowid is its article's day above its
id (textindex.fts_rowid) and an entity's article_entities row holds the same day (its recency), so sets of rowids
combine as sets of articles do and keep each hit's day for the months, and a date filter is a range of both. Every
article has one search row: the whole index (or the filter's days) is every rowid of the search table there, checked
against the number of articles SQL's date conditions count.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from .plan_sql import _ARTICLE_ORDER
from .textindex import DATED_FROM, ID_BITS, ID_MASK

if TYPE_CHECKING:
    from .api import Index


class NotWhole(Exception):
    """The search table's rows are not the index's articles (a file written otherwise): the facets count in SQL."""


class Rowids:
    """A set of search rowids: a sorted numpy array without repeats, with the operators of a Python set."""

    def __init__(self, values: np.ndarray) -> None:
        self.values = values

    def __and__(self, other: Rowids) -> Rowids:
        return Rowids(np.intersect1d(self.values, other.values, assume_unique=True))

    def __or__(self, other: Rowids) -> Rowids:
        return Rowids(np.union1d(self.values, other.values))

    def __sub__(self, other: Rowids) -> Rowids:
        return Rowids(np.setdiff1d(self.values, other.values, assume_unique=True))

    def __len__(self) -> int:
        return len(self.values)


class WholeIndex:
    """Every article (within rowid bounds: a date filter), asked what store.batch_conditions.Batch is asked of its
    own: ids, words, naming, none."""

    def __init__(self, index: "Index", bounds: list[tuple[str, int]], expected: Callable[[], int]) -> None:
        """`bounds`: ((">=", low), ("<", high)) of SearchPlan._rowid_range, the days as a search rowid holds them (an
        entity's recency too); `expected`: how many articles the whole is, counted as SQL reads the dates."""
        self.index, self.expected, self.bounds = index, expected, bounds
        self._ids: Rowids | None = None

    @property
    def ids(self) -> Rowids:
        """Every article (needed only when nothing but exclusions names them: `-삼성`), within the bounds."""
        if self._ids is None:
            values = every_rowid(self.index)
            for op, bound in self.bounds:  # ">=" low, "<" high: both a first position at or past the bound
                at = int(np.searchsorted(values, bound))
                values = values[at:] if op == ">=" else values[:at]
            self._ids = Rowids(values)
            if len(self._ids) != self.expected():
                raise NotWhole(f"{len(self._ids)} search rows for {self.expected()} articles")
        return self._ids

    def words(self, expression: str) -> Rowids:
        """The articles whose search row the FTS5 expression matches."""
        return self._read(f"SELECT group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH ?{self._within('rowid')}",
                          (expression,))

    def naming(self, entity_id: int) -> Rowids:
        """The articles that name the entity, as search rowids (its rows' day above the article id)."""
        return self._read(f"SELECT group_concat(recency >> {ID_BITS} << {ID_BITS} | article_id) FROM article_entities "
                          f"WHERE entity_id = ?{self._within('recency')}", (entity_id,))

    @staticmethod
    def none() -> Rowids:
        return Rowids(np.empty(0, dtype=np.int64))

    def _within(self, column: str) -> str:
        return "".join(f" AND {column} {op} {int(bound)}" for op, bound in self.bounds)

    def _read(self, sql: str, params: tuple = ()) -> Rowids:
        return rowids_of(self.index._rows(sql, params)[0][0])


def every_rowid(index: "Index") -> np.ndarray:
    """Every search rowid, sorted: read once (114 ms at 1M, for each facet count of `-삼성` or `-HBM -반`) and kept on
    the open index until the file changes (another connection's commit: PRAGMA data_version; this one's own writes:
    total_changes)."""
    changed = (index.db.execute("PRAGMA data_version").fetchone()[0], index.db.total_changes)
    kept = index.__dict__.get("_every_rowid")
    if kept is None or kept[0] != changed:
        listed = index._rows("SELECT group_concat(rowid) FROM articles_fts")[0][0]
        kept = index.__dict__["_every_rowid"] = (changed, rowids_of(listed).values)
    return kept[1]


def rowids_of(listed: str | None) -> Rowids:
    """The rowids of a group_concat ("5,9,…"; None: none)."""
    if not listed:
        return WholeIndex.none()
    values = np.sort(np.fromstring(listed, dtype=np.int64, sep=","))  # a word's come sorted, an entity's not
    # without repeats (np.unique hashes: 0.45 s for 1M values here, against ~10 ms for this)
    return Rowids(values[np.concatenate(([True], values[1:] != values[:-1]))])


def first_ids(index: "Index", hits: Rowids, sort: str, size: int) -> list[int]:
    """The ids of the first `size` hits in a query's order without words (plan_sql._ARTICLE_ORDER: dated newest
    first, or oldest for sort:old, by the full date, then by id; the undated after, by id). The rowids put the days
    in order; only the day where the first `size` end is read from the articles for its dates, which order it to
    the minute. Walking the articles for them read most of the index when hits are sparse (450 ms at 100k)."""
    values = hits.values
    undated, dated = values[values < DATED_FROM], values[values >= DATED_FROM]
    if len(dated) < size:  # every dated hit, then the undated by id (a day-0 rowid is the id)
        return (dated & ID_MASK).tolist() + undated[:size - len(dated)].tolist()
    ordered = dated[::-1] if sort != "old" else dated
    last_day = int(ordered[size - 1]) >> ID_BITS
    days = ordered >> ID_BITS
    before = ordered[(days > last_day) if sort != "old" else (days < last_day)]
    on_last = (ordered[days == last_day] & ID_MASK).tolist()
    order = _ARTICLE_ORDER["old" if sort == "old" else "new"]
    rest = [article_id for (article_id,) in index._rows(
        f"SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY {order} LIMIT ?",
        (json.dumps(on_last), size - len(before)))]
    return (before & ID_MASK).tolist() + rest


def in_outlets(hits: Rowids, table: np.ndarray, codes: list[int], negated: bool) -> Rowids:
    """The hits whose article's outlet code (`table`, by article id: store.outlet_codes) is one of `codes`, or with
    `negated` is none of them (an article without an outlet, code 0, among those)."""
    inside = np.isin(table[hits.values & ID_MASK], codes)
    return Rowids(hits.values[~inside if negated else inside])
