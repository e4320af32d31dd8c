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
from typing import TYPE_CHECKING

from .textindex import ID_BITS, ID_MASK, fts_rowid

if TYPE_CHECKING:
    from .api import Index


class Batch:
    """Articles walked together: their ids, and what the search table and article_entities say of them."""

    def __init__(self, index: "Index", rows: list[tuple[int, str]]) -> None:
        self.index = index
        self.order = [article_id for article_id, _ in rows]
        self.ids = set(self.order)
        self.rowids = {fts_rowid(article_id, date) for article_id, date in rows}
        self._words: dict[str, set[int]] = {}

    def _days(self) -> list[tuple[int, int]]:
        """The rowid ranges to ask: the dated rows' span and, apart, the undated rows' (day 0). An unreadable date
        sorts among the dated by its text but is day 0: one range over both would cover every day between."""
        dated = [r for r in self.rowids if r >> ID_BITS]
        undated = [r for r in self.rowids if not r >> ID_BITS]
        return [(min(part), max(part)) for part in (dated, undated) if part]

    def words(self, expression: str) -> set[int]:
        """The batch's articles whose search row the FTS5 expression matches."""
        if expression not in self._words:
            hits: set[int] = set()
            for low, high in self._days():
                hits.update(rowid & ID_MASK for (rowid,) in self.index._rows(
                    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? AND rowid <= ?",
                    (expression, low, high)) if rowid in self.rowids)
            self._words[expression] = hits
        return self._words[expression]

    def naming(self, entity_id: int) -> set[int]:
        """The batch's articles that name the entity."""
        return articles_naming(self.index, self.order, entity_id)

    @staticmethod
    def none() -> set[int]:
        return set()


def articles_naming(index: "Index", article_ids: Iterable[int], entity_id: int) -> set[int]:
    """Which of the articles name the entity: one look-up each in article_entities_article (by entity it would
    read the entity's every row)."""
    return {a for (a,) in index._rows(
        "SELECT article_id FROM article_entities INDEXED BY article_entities_article "
        "WHERE article_id IN (SELECT value FROM json_each(?)) AND entity_id = ?", (json.dumps(list(article_ids)), entity_id))}


def kept_ids(index: "Index", batches: Iterable[list[tuple[int, str]]], conditions: list[Callable[[Batch], set[int]]],
             want: int | None) -> list[int]:
    """The ids, in the order of `batches` (lists of (id, date) rows), of the first `want` articles (all of them when
    None) that meet every condition (each gives the batch's articles that meet it)."""
    kept: list[int] = []
    for rows in batches:
        batch = Batch(index, rows)
        meeting = set.intersection(*(condition(batch) for condition in conditions))
        kept += [article_id for article_id in batch.order if article_id in meeting]
        if want is not None and len(kept) >= want:
            return kept[:want]
    return kept
