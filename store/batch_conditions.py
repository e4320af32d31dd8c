"""Conditions with words on a query that has no words to drive (`-삼성`, `@삼성전자 OR 하이닉스`), asked of the articles
a batch at a time as they are walked in page order, as far as a page or a capped count needs them.

In SQL such a condition is `a.id IN` (or NOT IN) every hit of its words: the list was read whole before the first
article, twice a keystroke (the page and the capped count), 66k rowids for 삼성 at 100k (16-20 ms each) and ten times
that at 1M. Here each batch asks the search table for the words' hits among the rows of the batch's days (a search
rowid is its article's day above its id: textindex.fts_rowid) and article_entities for the batch's articles, and the
condition is worked out from those sets as its SQL reads it (SearchPlan._asked_of_batch): what is read is bounded by
the articles walked, not by the words' hits.
"""
from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache
from operator import neg
from typing import TYPE_CHECKING

from .textindex import DATED_FROM, ID_BITS, ID_MASK, date_key

if TYPE_CHECKING:
    from .api import Index

NAMING_RANGE_ROWS = 4  # an entity's rows over a batch's days read as a range up to this many an article of the batch
READ_AHEAD = 512  # rows a read of a word's hits along a walk (AlongWalk) fetches at a time
COUNT_WALK_READ = 25_000  # a keystroke's capped count reads this many rows at most once it has more than the page: at 1M
# `-HBM -반` read 570k (its batches' own rows and the words' hits over their days) for its 1,001 hits, 1.4 s; `-삼성` 11k


@lru_cache(maxsize=1 << 12)
def _day_key(day: str) -> int:
    """textindex.date_key of a YYYY-MM-DD, cached: a batch of 256 articles holds a day or two (parsing each row's date
    was 3.4 ms of the 19 ms capped count of `@삼성전자 OR 하이닉스` at 1M)."""
    return date_key(day)


def _spans(keys: Iterable[int]) -> list[tuple[int, int]]:
    """The range of the dated keys and, apart, of the undated ones (day 0): search rowids or recencies, both with the
    day in the bits above ID_BITS. An unreadable date sorts among the dated by its text but is day 0: one range over
    both would cover every day between."""
    dated = [k for k in keys if k >> ID_BITS]
    undated = [k for k in keys if not k >> ID_BITS]
    return [(min(part), max(part)) for part in (dated, undated) if part]


class AlongWalk:
    """An FTS5 expression's hits (search rowids), its dated or its undated ones, read by one statement in the order a
    walk reaches them, as far as it has. A statement per batch sought each of the expression's terms in each segment
    again: `-하` (~200 terms) at 100k walked 400 batches in 413 ms. What is read is what those statements read: the
    batches' spans, which a walk covers from its first batch to its last without a gap. A walk newest first reads the
    dated newest day first, then the undated by id; sort:old both oldest first. Batches of one day interleave ids
    (their order is the time, then the id), so a dated hit is held until the walk has passed its day."""

    def __init__(self, index: "Index", expression: str, dated: bool, descending: bool, first: tuple[int, int]) -> None:
        """Read from the unit of the walk's `first` span (its start: a date filter's newest day, say) on."""
        self._unit = unit = ID_BITS if dated else 0  # a dated hit is held for its day, an undated one for its own row
        part = "rowid >= ?" if dated else "rowid < ?"
        start = ((first[1] >> unit) + 1 << unit) - 1 if descending else first[0] >> unit << unit
        self._rows = index._batches(f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND {part} AND rowid "
                                    f"{'<=' if descending else '>='} ? ORDER BY rowid {'DESC' if descending else 'ASC'}",
                                    (expression, DATED_FROM, start), size=READ_AHEAD)
        self._descending = descending
        self._held: list[int] = []  # read and on a unit a later batch may reach
        self._last: int | None = None  # the last rowid read: every hit before it has been read
        self._passed: int | None = None  # the unit the walk has reached: hits beyond it are no longer held

    def between(self, low: int, high: int) -> list[int] | None:
        """The hits from `low` to `high` (one span of a batch); None when the walk turned back past a unit it has left
        (its hits there are no longer held: the caller asks the search table)."""
        first, last = (high, low) if self._descending else (low, high)
        if self._passed is not None and (first >> self._unit > self._passed if self._descending
                                         else first >> self._unit < self._passed):
            return None
        while self._last is None or (self._last >= low if self._descending else self._last <= high):
            rows = next(self._rows, None)
            if rows is None:
                self._last = -1 if self._descending else 1 << 62
                break
            self._held += [rowid for (rowid,) in rows]
            self._last = rows[-1][0]
        held = self._held  # in read order: the span and what is past it are slices (bisect), not scans
        self._passed = last >> self._unit  # later batches are on this unit or past it
        if self._descending:
            found = held[bisect_left(held, -high, key=neg):bisect_right(held, -low, key=neg)]
            self._held = held[bisect_right(held, -((self._passed + 1) << self._unit), key=neg):]
        else:
            found = held[bisect_left(held, low):bisect_right(held, high)]
            self._held = held[bisect_left(held, self._passed << self._unit):]
        return found

    def close(self) -> None:
        self._rows.close()


class Batch:
    """Articles walked together: their ids, and what the search table and article_entities say of them."""

    def __init__(self, index: "Index", rows: list[tuple[int, str]], walk: "WalkReaders | None" = None) -> None:
        self.index = index
        self.walk = walk  # each expression's hits read along the walk (None: a statement a span)
        self.order = [article_id for article_id, _ in rows]
        self.ids = set(self.order)
        self.rowids = {_day_key(date[:10]) << ID_BITS | article_id for article_id, date in rows}
        self._words: dict[str, set[int]] = {}
        self.read = len(rows)  # rows read for the batch: its own, and the words' and entities' over its days

    @cached_property
    def _recencies(self) -> dict[int, int]:
        """The batch's articles by their article_entities.recency (textindex.recency: the day above the id's
        complement)."""
        return {(rowid >> ID_BITS << ID_BITS) | (ID_MASK - (rowid & ID_MASK)): rowid & ID_MASK for rowid in self.rowids}

    def words(self, expression: str) -> set[int]:
        """The batch's articles whose search row the FTS5 expression matches."""
        if expression not in self._words:
            hits: set[int] = set()
            for low, high in _spans(self.rowids):
                rows = None if self.walk is None else self.walk.between(expression, low, high)
                if rows is None:
                    rows = [rowid for (rowid,) in self.index._rows("SELECT rowid FROM articles_fts WHERE articles_fts "
                                                                   "MATCH ? AND rowid >= ? AND rowid <= ?",
                                                                   (expression, low, high))]
                self.read += len(rows)
                hits.update(rowid & ID_MASK for rowid in rows if rowid in self.rowids)
            self._words[expression] = hits
        return self._words[expression]

    def naming(self, entity_id: int) -> set[int]:
        """The batch's articles that name the entity: the entity's rows over the batch's days, an index range (a look-up
        per article was 9 ms of the 19 ms capped count of `@삼성전자 OR 하이닉스` at 1M, 12 batches); when the
        entity names very many articles of those days (every article one day), a look-up per article instead."""
        found: set[int] = set()
        limit = NAMING_RANGE_ROWS * len(self.order)
        for low, high in _spans(self._recencies):
            rows = self.index._rows("SELECT recency FROM article_entities WHERE entity_id = ? AND recency BETWEEN ? AND ? "
                                    "LIMIT ?", (entity_id, low, high, limit + 1))
            self.read += len(rows)
            if len(rows) > limit:
                return articles_naming(self.index, self.order, entity_id)
            found.update(self._recencies[r] for (r,) in rows if r in self._recencies)
        return found

    def meeting(self, conditions: list[Callable[["Batch"], set[int]]]) -> set[int]:
        """The batch's articles that meet every condition."""
        return set.intersection(*(condition(self) for condition in conditions))

    @staticmethod
    def none() -> set[int]:
        return set()


def articles_naming(index: "Index", article_ids: Iterable[int], entity_id: int) -> set[int]:
    """Which of the articles name the entity: one look-up each in article_entities_article (by entity it would
    read the entity's every row)."""
    return {a for (a,) in index._rows(
        "SELECT article_id FROM article_entities INDEXED BY article_entities_article "
        "WHERE article_id IN (SELECT value FROM json_each(?)) AND entity_id = ?", (json.dumps(list(article_ids)), entity_id))}


class WalkReaders:
    """The AlongWalk readers of one walk: one per expression and part (dated, undated), made as batches ask."""

    def __init__(self, index: "Index", newest_first: bool) -> None:
        self.index, self.newest_first = index, newest_first
        self._readers: dict[tuple[str, bool], AlongWalk] = {}

    def between(self, expression: str, low: int, high: int) -> list[int] | None:
        """AlongWalk.between of the expression's reader for the span's part, made at its first span."""
        key = (expression, low >= DATED_FROM)
        if key not in self._readers:  # the undated come last either way, by id
            descending = key[1] and self.newest_first
            self._readers[key] = AlongWalk(self.index, expression, key[1], descending, (low, high))
        return self._readers[key].between(low, high)

    def close(self) -> None:
        """End each reader's statement: an open one keeps its read transaction (and the log it reads) alive."""
        for reader in self._readers.values():
            reader.close()


def walk_kept(index: "Index", batches: Iterable[list[tuple[int, str]]], conditions: list[Callable[[Batch], set[int]]],
              want: int | None, enough: int | None = None, sort: str | None = None) -> tuple[list[int], bool]:
    """The ids, in the order of `batches` (lists of (id, date) rows), of the first `want` articles (all of them when
    None) that meet every condition (each gives the batch's articles that meet it), and whether they are those: with
    `enough`, the walk stops once its batches have read COUNT_WALK_READ rows and it has kept that many (False), the
    most a keystroke's capped count reads. Batches in a `sort` order ("new", "old": _ORDER_PARTS', or an entity's
    rows newest first) read each expression's hits along the walk (AlongWalk); without it, a statement a span."""
    kept: list[int] = []
    read = 0
    readers = None if sort is None else WalkReaders(index, newest_first=sort == "new")
    try:
        for rows in batches:
            batch = Batch(index, rows, readers)
            meeting = batch.meeting(conditions)
            kept += [article_id for article_id in batch.order if article_id in meeting]
            if want is not None and len(kept) >= want:
                return kept[:want], True
            read += batch.read
            if enough is not None and read >= COUNT_WALK_READ and len(kept) >= enough:
                return kept, False
        return kept, True
    finally:
        if readers is not None:
            readers.close()
