"""The figures a query names, in its hits (a mixin of store.search.SearchPlan): the whole answer's, or a keystroke's
bounded by what it has read.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .query import Text
from .results import NumberRow
from .textindex import ID_MASK

if TYPE_CHECKING:
    from . import number_table


class _KnownHits:
    """number_table.Hits of articles already read (a keystroke's newest hits: SearchPlan.numbers)."""

    def __init__(self, ids: set[int]) -> None:
        self.ids = ids

    def known_hits(self) -> set[int]:
        return self.ids

    def hits_among(self, article_ids: list[int]) -> set[int]:
        return self.ids.intersection(article_ids)

    def matching_ids_sql(self) -> tuple[str, list]:
        return "SELECT value FROM json_each(?)", [json.dumps(sorted(self.ids))]


class PlanNumbers:
    """SearchPlan's numbers: the plan's query, window and hits are its own."""

    def numbers(self, bounded: bool = False) -> list[NumberRow]:
        """Figures equal to the query's amounts (90만장 = 월 최대 90만 장), in the matching articles when the
        query says more than the amount. `bounded`: a keystroke's, whose cost may not grow with the hits (below)."""
        amounts = [t for t in self.q.texts() if t.kind == "amount"]
        if not amounts:
            return []
        alone = len(amounts) == 1 and self.q.root == amounts[0] and self.where == "1" and self.outlet_tags is None
        short_window = self.window_floor is not None and self.newest_only is not None
        if alone or not bounded or self.driver is None or short_window:
            # (a window short of a page keeps its own hits' numbers, known: the whole answer follows it)
            return self._numbers(amounts, None if alone else self)
        # A keystroke's answer with more hits than its ranked window (a window of the newest articles that holds a
        # whole page is one): its numbers are the whole answer's where the hits need not all be read for them
        # (probed: `반도체 30%` at 1M, 21 ms). Else (an OR of spellings or of a one-letter word's terms, hits too
        # sparse among the amount's rows) that read grows with the hits (at 100k `전력 500메가와트` 47 ms of a 58 ms
        # keystroke, `1조원 이` 140 of 162): the numbers of the newest hits the plan has read, said by
        # numbers_newest_hits, and the app asks for the whole answer next, as for a window short of a page.
        newest = self._newest()  # (read first: an answer it holds whole has its hits known)
        plan = self if self.window_floor is None else type(self)(self.index, self.q, self.rank_window)
        whole = plan._numbers(amounts, plan, read_hits=False)
        if whole is not None:
            return whole
        self.numbers_newest_hits = len(newest)
        return self._numbers(amounts, _KnownHits({rowid & ID_MASK for rowid in newest}))

    def _numbers(self, amounts: list[Text], within: "number_table.Hits | None", read_hits: bool = True
                 ) -> list[NumberRow] | None:
        rows: list[NumberRow] = []
        for amount in amounts:
            found = self.index._numbers_matching(amount.text, within, read_hits=read_hits)
            if found is None:
                return None
            rows += found
        return rows
