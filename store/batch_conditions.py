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
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from .textindex import ID_BITS, ID_MASK, date_key

if TYPE_CHECKING:
    from .api import Index

NAMING_RANGE_ROWS = 4  # an entity's rows over a batch's days read as a range up to this many an article of the batch
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


class Batch:
    """Articles walked together: their ids, and what the search table and article_entities say of them."""

    def __init__(self, index: "Index", rows: list[tuple[int, str]]) -> None:
        self.index = index
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
                rows = self.index._rows("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? "
                                        "AND rowid <= ?", (expression, low, high))
                self.read += len(rows)
                hits.update(rowid & ID_MASK for (rowid,) in rows if rowid in self.rowids)
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


def walk_kept(index: "Index", batches: Iterable[list[tuple[int, str]]], conditions: list[Callable[[Batch], set[int]]],
              want: int | None, enough: int | None = None) -> tuple[list[int], bool]:
    """The ids, in the order of `batches` (lists of (id, date) rows), of the first `want` articles (all of them when
    None) that meet every condition (each gives the batch's articles that meet it), and whether they are those: with
    `enough`, the walk stops once its batches have read COUNT_WALK_READ rows and it has kept that many (False), the
    most a keystroke's capped count reads."""
    kept: list[int] = []
    read = 0
    for rows in batches:
        batch = Batch(index, rows)
        meeting = batch.meeting(conditions)
        kept += [article_id for article_id in batch.order if article_id in meeting]
        if want is not None and len(kept) >= want:
            return kept[:want], True
        read += batch.read
        if enough is not None and read >= COUNT_WALK_READ and len(kept) >= enough:
            return kept, False
    return kept, True
