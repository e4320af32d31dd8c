"""Two articles side by side: the entities they share and each names alone, the figures both use (paired one to
one), and the paragraphs that say much the same thing.

`store.api.Index` delegates here (compare).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .articles import info_of
from .entity_lookup import entity_infos
from .results import Comparison, Paragraph, SharedNumber, SimilarParagraphs
from .textindex import grams

if TYPE_CHECKING:
    from .api import Index


def compare(index: Index, left_id: int, right_id: int) -> Comparison | None:
    left, right = index.article(left_id), index.article(right_id)
    if left is None or right is None:
        return None
    lents = {r[2] for r in index.mentions_in(left_id)}
    rents = {r[2] for r in index.mentions_in(right_id)}
    by_id = {e.id: e for e in entity_infos(index, sorted(lents | rents))}
    order = lambda ids: sorted((by_id[i] for i in ids if i in by_id), key=lambda e: (-e.mentions, e.name))  # noqa: E731
    # One to one: each figure on either side is paired at most once (one 25% on the left against two on the
    # right is one pair, not two), with the closest unused figure, and among equals the first in the text.
    shared_numbers = []
    unpaired = index.numbers_in(right_id)
    for ln in index.numbers_in(left_id):
        fits = [rn for rn in unpaired if ln.unit == rn.unit and _close(ln.value, rn.value)
                and (ln.counter or None) == (rn.counter or None)]
        if not fits:
            continue
        rn = min(fits, key=lambda r: (abs(r.value - ln.value), r.raw != ln.raw, r.start))
        unpaired.remove(rn)
        shared_numbers.append(SharedNumber(ln.value, ln.value_max, ln.unit, ln.counter, ln.raw, rn.raw,
                                           ln.context, rn.context, ln.start, rn.start))
    return Comparison(
        info_of(left), info_of(right), order(lents & rents), order(lents - rents), order(rents - lents),
        shared_numbers, similar_paragraphs(left.paragraphs, right.paragraphs),
    )


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def similar_paragraphs(left: list[Paragraph], right: list[Paragraph], threshold: float = 45.0) -> list[SimilarParagraphs]:
    """Pairs of paragraphs that say much the same thing, aligned in order (greedy best match per left paragraph)."""
    from rapidfuzz import fuzz
    pairs = []
    used: set[int] = set()
    right_grams = [grams(p.text) for p in right]
    for i, lp in enumerate(left):
        lg = grams(lp.text)
        best, best_score = None, threshold
        for j, rg in enumerate(right_grams):
            if j in used:
                continue
            score = fuzz.token_set_ratio(lg, rg) if min(len(lg), len(rg)) > 20 else 0.0
            if score > best_score:
                best, best_score = j, score
        if best is not None:
            used.add(best)
            pairs.append(SimilarParagraphs(i, best, round(best_score, 1)))
    return pairs
