"""What each telling of a story adds: every paragraph's match in an earlier body, and whether another body has it
(read side, for `hanscope story` and the Stories screen; no SQL)."""
from __future__ import annotations

from dataclasses import dataclass

from .minhash import shingle_hashes, squeeze


STORY_COMPARED = 100  # distinct bodies compared paragraph by paragraph in one story (the first ones)
SAME_PARAGRAPH = 0.5  # paragraphs whose 5-grams overlap this much say the same thing (a byline, a clause changed)


@dataclass(slots=True)
class ParagraphMatch:
    body: int  # index of the other body
    paragraph: int
    score: float


def paragraph_matches(bodies: list[list[str]]) -> tuple[list[list[ParagraphMatch | None]], list[list[bool]]]:
    """For bodies in time order: each paragraph's best match in the earliest earlier body that has it (None
    when none does), and whether any other body has it."""
    sets: list[list[frozenset[int]]] = [[frozenset(shingle_hashes([p]).tolist()) for p in body] for body in bodies]
    postings: dict[int, list[tuple[int, int]]] = {}
    exact: dict[str, list[tuple[int, int]]] = {}
    for b, body in enumerate(sets):
        for p, shingles in enumerate(body):
            for h in shingles:
                postings.setdefault(h, []).append((b, p))
            exact.setdefault(squeeze(bodies[b][p]), []).append((b, p))
    earlier: list[list[ParagraphMatch | None]] = []
    elsewhere: list[list[bool]] = []
    for b, body in enumerate(sets):
        earlier.append([])
        elsewhere.append([])
        for p, shingles in enumerate(body):
            overlap: dict[tuple[int, int], int] = {}
            for h in shingles:
                for other in postings[h]:
                    if other[0] != b:
                        overlap[other] = overlap.get(other, 0) + 1
            scores = {other: n / (len(shingles) + len(sets[other[0]][other[1]]) - n) for other, n in overlap.items()}
            for other in exact[squeeze(bodies[b][p])]:
                if other[0] != b:
                    scores[other] = 1.0
            alike = [(o, s) for o, s in scores.items() if s >= SAME_PARAGRAPH]
            elsewhere[b].append(bool(alike))
            before = [(o, s) for o, s in alike if o[0] < b]
            if before:
                first_body = min(o[0] for o, _ in before)
                (ob, op), score = max(((o, s) for o, s in before if o[0] == first_body), key=lambda x: x[1])
                earlier[b].append(ParagraphMatch(ob, op, round(score, 3)))
            else:
                earlier[b].append(None)
    return earlier, elsewhere
