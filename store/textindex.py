"""Korean-aware full-text matching on top of FTS5.

FTS5's unicode61 keeps `SK하이닉스는` as one token and trigram finds nothing for 2-character queries
(DESIGN.md), so each article is indexed as overlapping character bigrams of every letter/digit run:
`SK하이닉스는` -> `sk k하 하이 이닉 닉스 스는`. A query word becomes the phrase of its own bigrams, which finds it
anywhere, inside compounds and before particles. Queries are rebuilt from letter/digit runs only and every
phrase is quoted, so no user text ever reaches FTS5 as syntax.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .hangul import strip_particle

_RUN = re.compile(r"[^\W_]+")
_SCRIPT_CHANGE = re.compile(r"(?<=[a-z0-9])(?=[가-힣])|(?<=[가-힣])(?=[a-z0-9])")


def _run_grams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def grams(text: str) -> str:
    """The bigram string FTS5 indexes for `text` (lower-cased)."""
    out: list[str] = []
    for run in _RUN.findall(text.casefold()):
        out.extend(_run_grams(run))
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query as words; each word has the surface forms that count as a match for it."""

    words: tuple[tuple[str, ...], ...]

    def fts(self) -> str | None:
        """The FTS5 MATCH expression, or None when the query has no letters or digits."""
        if not self.words:
            return None
        clauses = []
        for forms in self.words:
            phrases = sorted({_phrase(f) for f in forms})
            clauses.append(phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")")
        return " AND ".join(clauses)

    def pattern(self) -> re.Pattern[str] | None:
        """A regex that finds the query's words in original text, for snippets and highlights."""
        alternatives = []
        for forms in self.words:
            for form in forms:
                # Spaces in the text may sit anywhere inside a form (SK 하이닉스 for SK하이닉스).
                alternatives.append(r"\s?".join(re.escape(ch) for ch in form.replace(" ", "")))
        if not alternatives:
            return None
        alternatives.sort(key=len, reverse=True)
        return re.compile("|".join(alternatives), re.IGNORECASE)


def _phrase(form: str) -> str:
    parts = []
    for run in form.split(" "):
        parts.extend(_run_grams(run))
    if len(parts) == 1 and len(parts[0]) == 1:
        return f'"{parts[0]}"*'  # one character: any bigram that starts with it
    return '"' + " ".join(parts) + '"'


def parse_query(query: str) -> ParsedQuery:
    words = []
    for run in _RUN.findall(query.casefold()):
        base = strip_particle(run)
        forms = {base}
        split = _SCRIPT_CHANGE.sub(" ", base)
        if split != base:
            forms.add(split)  # SK하이닉스 also finds "SK 하이닉스"
        words.append(tuple(sorted(forms)))
    return ParsedQuery(tuple(words))


def snippet(text: str, pattern: re.Pattern[str] | None, width: int = 90) -> tuple[str, list[tuple[int, int]]]:
    """A window of `text` around the first match (or its start), with match offsets inside the window."""
    text = " ".join(text.split())
    match = pattern.search(text) if pattern else None
    if match is None:
        window = text[:width]
        return (window + ("…" if len(text) > width else ""), [])
    start = max(0, match.start() - width // 3)
    end = min(len(text), start + width)
    start = max(0, min(start, end - width))
    window = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix)
    spans = [(m.start() + shift, m.end() + shift) for m in pattern.finditer(window)]
    return prefix + window + suffix, spans
