"""store.search's plan on PostgreSQL: the same answers, in statements shaped for a tsvector under a GIN index.

What a hit costs here. The GIN index keeps no positions, so for a phrase (every word of 3+ letters is a chain of
bigrams) it returns candidates that PostgreSQL rechecks by reading each one's tsvector out of TOAST (~14 KB,
~9 us to fetch, as much again to evaluate 40 spacing branches) — and reads it again for every statement and every
expression that names it (`@@`, then `ts_rank`). The portable SQL of store.search, translated, read the hits four
times for a keystroke (the newest window, then ts_rank over it; months, outlets and the entity span for the
facets), and its `ORDER BY rowid DESC LIMIT n` walked the primary key and rechecked every article of the corpus
when a word had fewer than n hits. So here:

- the candidates' row ids come from the GIN index with the *loose* tsquery (fulltext.tsquery: `&` for `<->`, no
  exclusions), which it answers without a recheck and without reading one tsvector; they are sorted by rowid,
  and the strict tsquery is checked on them in that order only until the window or page is full;
- those the *sure* tsquery matches (fulltext.sure_tsquery: the part of the query without phrases, 삼성 beside its
  aliases' phrases) are hits as they come from the index: only the others' tsvectors are read for the check, and
  the counts and facets read none for them;
- the newest window's ranks come in that same statement (ts_rank on the rows kept, not a second scan);
- count, months, outlets and the entity span come from one statement over one pass of the hits.

The answers are store.search's: the same rows in the same order (ts_rank's float4 and the id break ties as the
SQL did), the same counts and facets; tests/test_postgres_contract.py compares every CLI command with SQLite's.
"""
from __future__ import annotations

from ...facets import ENTITY_FACET_SPAN, FACET_SIZE
from ...search import SearchPlan
from ...results import Facets, OrderNote
from ...textindex import ID_BITS, ID_MASK, day_month
from .dialect import RANK_WEIGHTS
from .fulltext import rank_query, sure_tsquery, tsquery

_RANK = f"ts_rank('{RANK_WEIGHTS}', $tsv, ?::tsquery)"  # bm25(articles_fts, 1.0, 4.0), as dialect.py


class PgSearchPlan(SearchPlan):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._window_rows: list[tuple[int, float]] | None = None
        if self.driver is not None:
            self.strict = tsquery(self.driver)
            self.loose = tsquery(self.driver, loose=True)
            self.sure = sure_tsquery(self.driver)
            # A query without phrases (2-letter words, their ORs and exclusions) is answered by the index exactly
            self.exact = self.sure == self.strict
            self.ranker = rank_query(self.strict)  # ts_rank's own reading of the strict query, each lexeme once

    # --- the hits in rowid order, from the index's candidates ------------------------------------------------

    def _candidates(self, bound: str = "") -> tuple[str, str, list]:
        """(the CTE `c` of the index's candidates (rowid, sure), by the loose tsquery within the date range and
        `bound`, `sure` when the sure tsquery matches them (hits without a check); a source of those among them that
        meet the plan's other conditions, read from the articles by rowid before any tsvector is: an entity's or an
        outlet's test costs an index probe, the strict tsquery a tsvector; their parameters)."""
        ranges = "".join(f" AND articles_fts.rowid {op} {value}" for op, value in self._rowid_range())
        if self.exact or self.sure is None:
            cte = (f"WITH c AS MATERIALIZED (SELECT articles_fts.rowid, {self.exact} AS sure FROM articles_fts "
                   f"WHERE articles_fts.tsv @@ ?::tsquery{ranges} {bound}) ")
            params = [self.strict if self.exact else self.loose]
        else:  # two index scans, each answered without a recheck: the sure hits, then the other candidates
            cte = (f"WITH c AS MATERIALIZED (SELECT articles_fts.rowid, TRUE AS sure FROM articles_fts "
                   f"WHERE articles_fts.tsv @@ ?::tsquery{ranges} {bound} UNION ALL SELECT articles_fts.rowid, FALSE "
                   f"FROM articles_fts WHERE articles_fts.tsv @@ ?::tsquery{ranges} {bound}) ")
            params = [self.sure, f"({self.loose} & !{self.sure})"]
        kept = "c" if self.where == "1" else \
            f"(SELECT c.rowid, c.sure FROM c JOIN articles a ON a.id = (c.rowid & {ID_MASK}) WHERE {self.where}) c"
        return cte, kept, params

    # a lookup per candidate, after which the strict tsquery is checked: OFFSET 0 keeps the planner from making it a
    # join that walks the primary key (or scans every row) with the strict tsquery as a filter
    _LOOKUP = "CROSS JOIN LATERAL (SELECT * FROM articles_fts WHERE articles_fts.rowid = c.rowid OFFSET 0) articles_fts"
    # the same, with the row as one value: making it reads the tsvector out of TOAST once, and `(f).tsv` is that
    # copy, so the phrase check and ts_rank share one read (each read its own, ~2 us more a ranked row)
    _LOOKUP_WHOLE = ("CROSS JOIN LATERAL (SELECT articles_fts.rowid, articles_fts AS f FROM articles_fts "
                     "WHERE articles_fts.rowid = c.rowid OFFSET 0) articles_fts")

    def _check(self, tsv: str = "articles_fts.tsv") -> tuple[str, tuple]:
        """The strict tsquery's test of a looked-up candidate (`c.sure` first: a sure one's tsvector is not read)."""
        if self.exact:
            return "TRUE", ()
        return f"(c.sure OR {tsv} @@ ?::tsquery)", (self.strict,)

    def _ordered(self, columns: str, params: tuple, descending: bool, limit: int, offset: int,
                 bound: str = "", ranked: bool = False) -> list[tuple]:
        """`columns` of the hits in rowid order (newest first when `descending`), `offset` on, `limit` of them (-1:
        all): the candidates meeting the plan's conditions, sorted, then the strict tsquery checked in that order
        only until the page is full."""
        cte, kept, cte_params = self._candidates(bound)
        whole = ranked and not self.exact  # ts_rank after the phrase check: one read of the tsvector for both
        tsv = "(articles_fts.f).tsv" if whole else "articles_fts.tsv"
        check, strict = self._check(tsv)
        direction = "DESC" if descending else ""
        sql = (f"{cte}SELECT {columns.replace('$tsv', tsv)} FROM (SELECT rowid, sure FROM {kept} ORDER BY rowid "
               f"{direction} OFFSET 0) c {self._LOOKUP_WHOLE if whole else self._LOOKUP} WHERE {check} "
               f"ORDER BY c.rowid {direction} LIMIT ? OFFSET ?")
        return self.index._rows(sql, (*cte_params, *params, *self.where_params, *strict, limit, offset))

    def _ids(self, order: str, limit: int, offset: int, bound: str = "", rank: str = "0.0") -> list[tuple[int, float]]:
        if order not in ("articles_fts.rowid", "articles_fts.rowid DESC") or rank != "0.0":
            return super()._ids(order, limit, offset, bound, rank)
        if order.endswith("DESC") and not bound and offset == 0 and 0 <= limit <= self.rank_window + 1:
            # sort:new's first page: the newest window that the capped count reads next anyway, one statement
            return [(rowid & ID_MASK, 0.0) for rowid, _ in self._window()[:limit]]
        return self._ordered(f"(articles_fts.rowid & {ID_MASK}), 0.0", (), order.endswith("DESC"), limit, offset, bound)

    def _window(self) -> list[tuple[int, float]]:
        """(search rowid, ts_rank) of the newest `rank_window` + 1 hits, newest first; ranks only for sort:rank."""
        if self._window_rows is None:
            if self.sort == "rank":
                rows = self._ordered(f"articles_fts.rowid, {_RANK}", (self.ranker,), True, self.rank_window + 1, 0,
                                     ranked=True)
            else:
                rows = self._ordered("articles_fts.rowid, 0.0", (), True, self.rank_window + 1, 0)
            self._window_rows = rows
        return self._window_rows

    def _newest(self) -> list[int]:
        if self.driver is None:
            return super()._newest()
        return [rowid for rowid, _ in self._window()]

    def _ranked_ids(self, limit: int, offset: int) -> list[tuple[int, float]]:
        """ts_rank over every hit when there are at most `rank_window`, else over the newest `rank_window`, then
        the older hits newest first: store.search's order, from the window's one statement."""
        window = self._window()
        if len(window) > self.rank_window:
            self.ranked_newest = self.rank_window
            note = OrderNote(f"ranked the newest {self.rank_window:,} hits; older ones follow, newest first")
            if note not in self.notes:
                self.notes.append(note)
        ranked = sorted(((rowid & ID_MASK, -rank) for rowid, rank in window[:self.rank_window]),
                        key=lambda row: (row[1], row[0]))  # -ts_rank ascending, then the article id
        end = None if limit < 0 else offset + limit
        page = ranked[offset:end]
        if len(window) <= self.rank_window or len(page) == limit:
            return page
        edge = window[self.rank_window][0]
        rest = -1 if limit < 0 else limit - len(page)
        return page + self._ids("articles_fts.rowid DESC", rest, max(0, offset - self.rank_window),
                                f"AND articles_fts.rowid <= {edge}")

    def count(self, extra: tuple[str, list] | None = None, cap: int | None = None) -> int:
        if self.driver is None or extra is not None or cap is None or cap <= self.rank_window + 1:
            return super().count(extra, cap)
        return len(self._ordered("1", (), True, cap, 0))

    # --- facets: one pass over the hits ------------------------------------------------------------------------

    def facets_and_count(self, total: int | None = None) -> tuple[Facets, int]:
        """store.search's facets and count, from one statement: the hits are found (and rechecked) once, then
        grouped by day, by outlet, and their newest (oldest for sort:old) ENTITY_FACET_SPAN by entity."""
        if self.driver is None:
            return super().facets_and_count(total)
        if self.where == "1":  # the hits straight from the index: the sure ones as they come, the others checked
            ranges = "".join(f" AND articles_fts.rowid {op} {value}" for op, value in self._rowid_range())
            # ts_match_vq is `@@` that the planner does not take to the index: the index answers the loose query
            # (compact, no recheck) and the strict one is a filter on what it returns. As the index's condition,
            # the strict query cost the GIN scan its every operand (265 for 삼성 with its aliases' phrases).
            checked = (f"SELECT rowid FROM articles_fts WHERE articles_fts.tsv @@ ?::tsquery{ranges} "
                       f"AND ts_match_vq(articles_fts.tsv, ?::tsquery)")
            if self.exact:
                hits = f"WITH h AS MATERIALIZED (SELECT rowid FROM articles_fts WHERE articles_fts.tsv @@ ?::tsquery{ranges}) "
                params = [self.strict]
            elif self.sure is None:
                hits = f"WITH h AS MATERIALIZED ({checked}) "
                params = [self.loose, self.strict]
            else:
                hits = (f"WITH h AS MATERIALIZED (SELECT rowid FROM articles_fts WHERE articles_fts.tsv @@ ?::tsquery{ranges} "
                        f"UNION ALL {checked}) ")
                params = [self.sure, f"({self.loose} & !{self.sure})", self.strict]
        else:  # the candidates meeting the other conditions first: only theirs are the tsvectors read
            cte, kept, params = self._candidates()
            check, strict = self._check()
            hits = (f"{cte}, h AS MATERIALIZED (SELECT c.rowid FROM (SELECT rowid, sure FROM {kept} OFFSET 0) c "
                    f"{self._LOOKUP} WHERE {check}) ")
            params += [*self.where_params, *strict]
        span_order = "" if self.sort == "old" else "DESC"
        types = ""
        if self.q.types:
            types = (f" JOIN entities e ON e.id = ae.entity_id AND e.type IN "
                     f"({','.join('?' * len(self.q.types))})")
        sql = (f"{hits}"
               f"SELECT 'd', (rowid >> {ID_BITS})::bigint, count(*), NULL::text FROM h GROUP BY 2 "
               f"UNION ALL (SELECT 'o', NULL, count(*), a.outlet FROM h JOIN articles a ON a.id = (h.rowid & {ID_MASK}) "
               f"WHERE a.outlet IS NOT NULL GROUP BY a.outlet ORDER BY 3 DESC, a.outlet LIMIT {FACET_SIZE}) "
               f"UNION ALL (SELECT 'e', ae.entity_id::bigint, count(*), NULL FROM article_entities ae{types} "
               f"WHERE ae.article_id IN (SELECT rowid & {ID_MASK} FROM h ORDER BY rowid {span_order} "
               f"LIMIT {ENTITY_FACET_SPAN}) GROUP BY ae.entity_id ORDER BY 3 DESC, ae.entity_id LIMIT {FACET_SIZE * 2})")
        rows = self.index._rows(sql, (*params, *self.q.types))
        months: dict[str, int] = {}
        counted = 0
        outlets, counts = [], []
        for kind, key, n, name in rows:
            if kind == "d":
                counted += n
                if key:  # 0: undated
                    month = day_month(key)
                    months[month] = months.get(month, 0) + n
            elif kind == "o":
                outlets.append((name, n))
            else:
                counts.append((key, n))
        total = counted if total is None else total
        infos = {e.id: e for e in self.index._entity_infos([eid for eid, _ in counts])}
        entities = sorted(((infos[eid].name, infos[eid].type, n, eid) for eid, n in counts if eid in infos),
                          key=lambda e: (-e[2], e[0]))[:FACET_SIZE]
        return Facets(outlets, sorted(months.items()), entities, entity_over=min(total, ENTITY_FACET_SPAN)), total
