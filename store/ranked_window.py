"""The newest hits of a query with words, and the ranked page made from them (a mixin of store.search.SearchPlan).

bm25 reads every posting of every phrase of the query for its IDF, however few rows it scores, so `sort:rank`
scores with bm25 only answers of up to `rank_window` hits; a bigger answer ranks its newest `rank_window` hits by
where the query matches (headline, deck and captions before the body), each newest first, and the older hits
follow newest first (store.search's docstring says what each costs).
"""
from __future__ import annotations

import json
import time

from . import window_headings
from .entity_windows import newest_with_entities
from .plan_sql import _ENTITY_PROBE, _ID, rowid_bounds
from .results import OrderNote
from .textindex import ID_MASK

WINDOW_SLICES = (8, 1)  # a window of the newest articles is read in slices: its newest eighth, then all of it
SPARSE_HEADLINES = 2  # this many words ANDed (of two letters or more) seldom all stand in one headline (_by_headline)


class RankedWindow:
    """SearchPlan's ranked window: the plan's driver, conditions, rowid range and `_ids` are the plan's own."""

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
        if self.window_floor is not None:
            return self._newest_in_window(below, limit)
        bound = "" if below is None else f"AND articles_fts.rowid < {int(below)}"
        return [r[0] for r in self._select("articles_fts.rowid", f"{bound} ORDER BY articles_fts.rowid DESC LIMIT ?",
                                           (limit,))]

    def _newest_in_window(self, below: int | None, limit: int) -> list[int]:
        """`_newest_below` in a window of the newest articles: the newest slice's hits read ascending, then, when
        they are dense enough to fill `limit` within the window, the rest newest first up to `limit` (a descending
        read stops there: 100억원 at 1M, 26 -> 15 ms); else the next slice ascending, and so on (SearchPlan's
        _window_floor says why; the plan has no condition outside the search table)."""
        rows: list[int] = []
        for i, floor in enumerate(self.window_slices):
            rows += self._matching_rowids(self.source_params, self._rowid_range(floor, below))[::-1]
            if len(rows) >= limit:
                break
            if i == 0 and len(rows) * WINDOW_SLICES[0] >= limit:
                rest = self._matching_rowids(self.source_params, self._rowid_range(None, floor),
                                             f" DESC LIMIT {int(limit - len(rows))}")
                return rows + rest
            below = floor
        return rows[:limit]

    def _matching_rowids(self, params, bounds: list[tuple[str, int]], order: str = "", table: str = "articles_fts"
                         ) -> list[int]:
        """The search rows the FTS5 expression (`params`' one) matches within `bounds`, in rowid `order` (ascending,
        or " DESC LIMIT n"), in the search table or the headings' (`table`, a name of ours)."""
        return [r for (r,) in self.index._rows(f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
                                               f"{rowid_bounds(bounds, table)} ORDER BY rowid{order}", params)]

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
        if len(newest) <= self.rank_window and newest and self._sqlite and (
                self.window_floor is not None or self._common_word()):
            # Few hits of common words (`삼성 outlet:… @…`): bm25's IDF would read each word's every posting (58 ms
            # for 206 hits of 삼성 at 100k, 25 ms this way); ranked as the words alone rank their window. So are the
            # hits of a window of the newest articles (SearchPlan._window_floor): the IDF reads outside it.
            note = OrderNote(f"a word is in over {self.rank_window:,} articles: headline or deck matches first, then newest")
            if self.window_floor is None and note not in self.notes:
                self.notes.append(note)
            self.by_headline = True
            end = None if limit < 0 else offset + limit
            return self._by_headline(newest, None, end)[offset:end]
        if len(newest) <= self.rank_window:  # all of them fit (or none): ranked whole, as before
            if newest and self.scored_driver is not None and self._sqlite:
                return self._scored_among(newest, rank, limit, offset)
            return self._ids(f"{rank}, {self._id}", limit, offset, rank=rank) if newest else []
        edge = newest[self.rank_window]
        self.ranked_newest = self.rank_window
        headline_first = self._sqlite
        how = " (headline or deck matches first, then newest)" if headline_first else ""
        note = OrderNote(f"ranked the newest {self.rank_window:,} hits{how}; older ones follow, newest first")
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

    def _scored_among(self, hits: list[int], rank: str, limit: int, offset: int) -> list[tuple[int, float]]:
        """(article id, bm25) of the known `hits` (search rowids) scored by the words alone, for a query that excludes
        words: the scores are the same (an excluded word is in no hit), and bm25 no longer reads the excluded
        word's every posting for its IDF (at 100k the prefix of 하 in `삼성 -하`: 130 ms to score 3 hits;
        `양자내성암호 -하이닉스` 12.4 -> 6.2 ms a keystroke). The words' scan is narrowed to the hits' range and each
        row checked against them; a `rowid IN` that FTS5 saw would run the whole query once per row (8.4 s for
        1,001 hits)."""
        bounds = rowid_bounds([(">=", min(hits)), ("<=", max(hits))])
        return self.index._rows(
            f"SELECT {_ID}, {rank} FROM articles_fts WHERE articles_fts MATCH ?{bounds} AND +articles_fts.rowid IN "
            f"(SELECT value FROM json_each(?)) ORDER BY {rank}, {_ID} LIMIT ? OFFSET ?",
            (self.scored_driver, json.dumps(hits), limit, offset))

    def _common_word(self) -> bool:
        """Whether a word of the query, alone, matches more than `rank_window` articles (each count stops there);
        asked only of an answer that fits the window, whose words alone usually do not, unless a filter, another
        word or an excluded one narrowed them."""
        if (len(self.word_drivers) == 1 and self.scored_driver is None and self.outlet_tags is None
                and self.where == "1" and not self._rowid_range()):
            return False  # the word alone is the answer: it fits
        return any(self.index._rows("SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? "
                                    "LIMIT ?)", (word, self.rank_window + 1))[0][0] > self.rank_window
                   for word in self.word_drivers if word is not None)

    def _by_headline(self, window: list[int], edge: int | None, first: int | None = None) -> list[tuple[int, float]]:
        """(article id, score) of the window's hits (search rowids, newest first, after `edge` when given): those
        whose headline matches first (score 2), then the others (score 1), each newest first; with `first`, at
        least the first `first` of them. One FTS5 scan of the headings (db.HEADINGS; in a file made before it, the
        search table's title column) over the window's rows, narrowed by the outlet terms and the date range: its
        cost is the window's, where bm25 read every posting of every phrase for its IDF. A page within the headline matches is read newest first and ends at its last one. But past an
        `edge` FTS5 checks that lower bound only at a row that matches, so newest first it walks on past the edge
        while the title matches none: SPARSE_HEADLINES words ANDed, which seldom all stand in a headline, are read
        ascending from the edge (`삼성전자 영업이익 12` at 1M: 122 ms newest first for no headline, 4 ms ascending;
        `삼성전자 영업이익 1` 40 -> 15). One word's headline matches are dense, and an ascending start seeks each of
        its terms, slow for common ones (엔비디아, whose NVIDIA has `id` and `di`: 2.7 ms newest first, 8.6
        ascending), and for a one-letter word's many (`이 12`: 15 -> 31 ms, `삼성 이` 14 -> 30): those stay newest
        first."""
        bounds = [(">", edge)] if edge is not None else self._rowid_range()
        params = (f"title : ({self.headline_driver}) {self.outlet_tags or ''}",)
        newest_first = first and self.window_floor is None and (
            edge is None or " AND " not in self.headline_driver
            or sum(len(t.letters) > 1 for t in self.q.texts()) < SPARSE_HEADLINES)
        table = self.index.search_headings
        if table == "articles_fts" and self._window_ms > window_headings.COST_PER_HIT_MS * len(window):
            # finding the window was slow, so its rows hold the query's terms thinly: the title scan over the search
            # table's range would cost as much again (1조2000억원 at 1M: 207 ms); its headings are matched in memory
            # instead (a file with the headings table apart scans that: 5.8% of the body's characters at 100k)
            titled = window_headings.titled_in_memory(self.index, window, params[0], self.number_starts)
        elif newest_first:
            hits = set(window)
            newest = self._matching_rowids(params, bounds, f" DESC LIMIT {int(first)}", table=table)
            in_window = [r for r in newest if r in hits]
            if len(in_window) >= first:  # the page's rows are the newest headline matches among the hits
                return [(rowid & ID_MASK, -2.0) for rowid in in_window]
            # a condition left some out: read them all
            titled = set(newest if len(newest) < first else self._matching_rowids(params, bounds, table=table))
        else:
            titled = set(self._matching_rowids(params, bounds, table=table))
        # ranks as bm25 gives them (lower is better): the score shown is the rank negated
        return ([(rowid & ID_MASK, -2.0) for rowid in window if rowid in titled]
                + [(rowid & ID_MASK, -1.0) for rowid in window if rowid not in titled])
