"""The ranked window's headline matches found in memory (store.window_headings) and in the headings table (db.HEADINGS)
are the ones the search table's title column gives: the same pages in the same order, with outlet tags, captions and
decks, in every window size."""
from __future__ import annotations

import pytest

import store.window_headings as window_headings
from store.db import HEADINGS
from store.query import parse
from store.fts_query import fts_expression
from store.textindex import ID_MASK

QUERIES = ["AI", "반도체", "삼성", "엔비디아", "HBM", "달러", "AI outlet:헤럴드경제", "반도체 -엔비디아", "AI after:2025-01-01"]


def _pages(index, query: str) -> list[tuple[int, float]]:
    return [(a.id, a.score) for a in index.search(query, limit=None).articles]


@pytest.mark.parametrize("window", [1, 2, 3])
def test_in_memory_headings_and_the_headings_table_rank_as_the_title_scan(seeds_index, monkeypatch, window):
    seeds_index.rank_window = window  # the seeds' answers are bigger than the window: ranked by headline
    try:
        for query in QUERIES:
            monkeypatch.setattr(seeds_index, "search_headings", "articles_fts")  # a file made before the table
            monkeypatch.setattr(window_headings, "COST_PER_HIT_MS", float("inf"))  # the title scan
            scanned = _pages(seeds_index, query)
            monkeypatch.setattr(window_headings, "COST_PER_HIT_MS", 0.0)  # in memory
            assert _pages(seeds_index, query) == scanned, query
            monkeypatch.setattr(seeds_index, "search_headings", HEADINGS)  # what every file indexed now has
            assert _pages(seeds_index, query) == scanned, query
    finally:
        seeds_index.rank_window = 1000


def test_every_heading_part_is_matched(seeds_index):
    """Headline, deck and captions, as the writer indexed them: each window row's match in memory equals FTS5's."""
    rows = [r for (r,) in seeds_index._rows("SELECT rowid FROM articles_fts")]
    for word in ("AI", "반도체", "삼성전자", "엔비디아", "사진", "기자", "달러", "HBM", "90만 장", "90만", "0만"):
        expression = f"title : ({fts_expression(parse(word).root, starts=True)})"  # numbers' starts marked: 90 is one
        in_memory = window_headings.titled_in_memory(seeds_index, rows, expression, starts=True)
        scanned = {r for (r,) in seeds_index._rows("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (expression,))}
        assert in_memory == scanned, word
        kept_apart = {r for (r,) in seeds_index._rows(f"SELECT rowid FROM {HEADINGS} WHERE {HEADINGS} MATCH ?", (expression,))}
        assert kept_apart == scanned, word
        assert {r & ID_MASK for r in in_memory} <= {r & ID_MASK for r in rows}
