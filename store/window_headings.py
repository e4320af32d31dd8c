"""Which hits of a ranked window hold the query in their headline, deck or captions, matched in memory.

The ranked page puts the window's headline matches first (SearchPlan._by_headline) with one FTS5 scan of the title
column over the window's rowid range. FTS5 keeps one doclist for all columns, so that scan evaluates the query at each
row in the range that holds its terms anywhere: for a phrase of common terms whose hits are spread thin (1조2000억원,
whose newest 1,001 hits reach back over every day at 1M) it costs what finding the window did, ~200 ms. Here the
window's headings are read from the articles, turned into their search text as the writer made it (and as a delete
makes it again: batch_writer.heading_grams), and the same expression is asked of them in a table in memory with the
same tokenizer: ~60-150 µs a hit, whatever the archive's size (the inserts most of it, then the headings' grams).
"""
from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from .db import SEARCH_TABLE
from .textindex import ID_MASK, outlet_term

if TYPE_CHECKING:
    from .api import Index

COST_PER_HIT_MS = 0.1  # what matching a window hit in memory costs (1,000 hits at 1M: 63-146 ms, 2026-12-07)


def titled_in_memory(index: "Index", window: list[int], expression: str, starts: bool) -> set[int]:
    """The search rowids of `window` whose headline, deck or captions (and outlet tag) the FTS5 `expression` matches,
    as the search table's title and tags columns would answer it (`starts`: with numbers' starts marked, as the
    file's rows are: textindex.number_starts)."""
    from .pipeline import heading_grams  # the extraction's modules: not on the app's start

    by_id = {rowid & ID_MASK: rowid for rowid in window}
    rows = index._rows("SELECT id, title, subtitle, captions, outlet FROM articles "
                       "WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(by_id)),))
    memory = sqlite3.connect(":memory:")
    try:
        # as db.SCHEMA makes the search table, the body left empty: the expression asks the title column (`title :`)
        # and the outlet's tag, which only the tags column holds
        memory.execute(SEARCH_TABLE)
        memory.executemany("INSERT INTO articles_fts(rowid, body, title, tags) VALUES (?, '', ?, ?)",
                           [(by_id[aid], heading_grams(title, subtitle, json.loads(captions or "[]"), starts),
                             outlet_term(outlet))
                            for aid, title, subtitle, captions, outlet in rows])
        return {rowid for (rowid,) in memory.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
                                                     (expression,))}
    finally:
        memory.close()
