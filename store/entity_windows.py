"""The newest hits of words that an @entity (or several) also names (`@이재용 반도체`), as the ranked page and the
keystroke's capped count ask for them: the newest RANK_WINDOW + 1.

Read as the words' hits newest first, each probed in article_entities, the answer cost a probe for every word hit
down to the 1,001st that the entity names: for an entity in 1 article in 20 that is ~20,000 probes (35-49 ms at
100k), and an entity rarer still walks all of a common word's hits (780k of 반도체 at 1M). Here the rarest entity's
rows, newest first, come a batch at a time; each batch's days are read from the search table as one rowid range
(a search rowid and an entity row's recency both hold the day above the id: textindex.fts_rowid, recency), and the
two are intersected in Python. What is read is the entity's rows down to the answer's last day and the words' hits
over those days, each once. When the words turn out rarer than the entity (fewer hits than its rows over a batch's
days: `@삼성전자 양자내성암호`), their hits drive from there on, each probed as before.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .batch_conditions import articles_naming
from .textindex import ID_BITS, ID_MASK

if TYPE_CHECKING:
    from .api import Index

BATCH = 256  # entity rows a step: for an entity in 1 article in 3 at 1M, under a day of hits (batches doubling, or of
# 1,024, were 5-40% slower at 100k: the last step reads past the answer)


def newest_with_entities(index: "Index", expression: str, bounds: list[tuple[str, int]], entities: list[int],
                         want: int, words_below: Callable[[int, int], list[int]]) -> list[int]:
    """The newest `want` search rowids that the FTS5 `expression` matches within `bounds` (rowid comparisons) and
    whose article names every entity of `entities`, the first of which drives (the rarest). `words_below(rowid, n)`
    gives the newest n answers below a rowid the other way (the words' hits, each probed)."""
    driving, others = entities[0], entities[1:]
    where = "".join(f" AND recency {op} {bound}" for op, bound in bounds)  # a recency holds its day where a rowid does
    found: list[int] = []
    for batch in index._batches(f"SELECT recency >> {ID_BITS} << {ID_BITS} | article_id FROM article_entities "
                                f"WHERE entity_id = ?{where} ORDER BY recency DESC", (driving,), size=BATCH):
        rowids = {rowid for (rowid,) in batch}
        low, high = min(rowids), max(rowids)
        words = [rowid for (rowid,) in index._rows(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ? AND rowid <= ?",
            (expression, low, high))]
        hits = [rowid for rowid in words if rowid in rowids]
        if others and hits:
            hits = _naming_all(index, hits, others)
        found = sorted(found + hits, reverse=True)  # a day split between two batches interleaves their rows
        day = low >> ID_BITS
        # found[:final] are the newest answers of all: the entity's rows of their days are all read
        final = next((i for i, rowid in enumerate(found) if rowid >> ID_BITS <= day), len(found))
        if final >= want:
            return found[:want]
        if len(words) < len(batch):  # the words are the rarer: their hits drive below the days read whole
            return found[:final] + words_below((day + 1) << ID_BITS, want - final)
    return found[:want]


def _naming_all(index: "Index", rowids: list[int], entities: list[int]) -> list[int]:
    """The search rowids whose article names each entity of `entities`."""
    kept = {rowid & ID_MASK: rowid for rowid in rowids}
    for entity in entities:
        named = articles_naming(index, kept, entity)
        kept = {a: r for a, r in kept.items() if a in named}
    return list(kept.values())
