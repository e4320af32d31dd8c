"""The articles of a query that only excludes words (`-삼성`, `-삼성 -하이닉스 date:2025-01`), in page order, as far as
a page or a capped count needs them.

As a condition, `-삼성` is `a.id NOT IN` every hit of 삼성: the list was read whole before the first article, twice
a keystroke (the page and the capped count), 66k rowids at 100k (16-20 ms each) and ten times that at 1M. Here the
articles are walked in the page's order a batch at a time, and each batch drops the articles whose search row the
excluded words match among the rows of the batch's days (a search rowid is its article's day above its id:
textindex.fts_rowid), so what is read is bounded by the articles walked, not by the words' hits.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .textindex import ID_BITS, fts_rowid

if TYPE_CHECKING:
    from .api import Index


def _days(rowids: list[int]) -> list[tuple[int, int]]:
    """The rowid ranges to ask for a batch: its dated rows' span and, apart, its undated rows' (day 0). An unreadable
    date sorts among the dated by its text but is day 0: one range over both would cover every day between."""
    dated = [r for r in rowids if r >> ID_BITS]
    undated = [r for r in rowids if not r >> ID_BITS]
    return [(min(part), max(part)) for part in (dated, undated) if part]


def kept_ids(index: "Index", batches: Iterable[list[tuple[int, str]]], excluded: list[str], want: int | None) -> list[int]:
    """The ids, in the order of `batches` (lists of (id, date) rows), of the first `want` articles (all of them when
    None) that no FTS5 expression in `excluded` matches."""
    kept: list[int] = []
    for batch in batches:
        rowids = [fts_rowid(article_id, date) for article_id, date in batch]
        matched: set[int] = set()
        for low, high in _days(rowids):
            for expression in excluded:
                matched.update(r for (r,) in index._rows(
                    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? AND rowid <= ?",
                    (expression, low, high)))
        kept += [article_id for (article_id, _), rowid in zip(batch, rowids) if rowid not in matched]
        if want is not None and len(kept) >= want:
            return kept[:want]
    return kept
