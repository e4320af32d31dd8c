"""The search table's list of terms (`search_terms`): a one-letter word as the OR of the terms that start with it,
and the spacing variants of a query word that hold a term the index never held (store.textindex makes the terms)."""
from __future__ import annotations

import json
import re
import sqlite3

from .textindex import NUMBER_MARK

ONE_LETTER_OR = 2000  # past this many terms a one-letter word stays a prefix (an OR costs ~27 µs a term at 100k)
_AS_WRITTEN = re.compile(r"[가-힣a-z0-9_%]+\Z")  # tokens FTS5's unicode61 keeps exactly as index_grams wrote them


def record_terms(conn, search_rows, written: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """Add the terms of new search rows (rowid, body tokens, heading tokens[, tags]) to `search_terms`, in the writer's
    transaction, and return them. A term FTS5 might spell otherwise (another script's case folding) marks its letter
    `c*`: that letter stays a prefix, so no hit is ever lost to a spelling. Terms in `written` (the indexer's run
    keeps those of its committed batches) are in the table already: only the others are checked and inserted (most
    of a batch's ~100k distinct terms are, after the first batches)."""
    terms = set()
    for _rowid, body, heading, *_tags in search_rows:  # tags are no words: one-letter queries never expand to one
        terms.update(body.split())
        terms.update(heading.split())
    terms.difference_update(written)
    rows = [(t,) if _AS_WRITTEN.match(t) else (_letter_of(t) + "*",) for t in terms]
    try:
        conn.executemany("INSERT OR IGNORE INTO search_terms(term) VALUES (?)", rows)
    except sqlite3.OperationalError as err:  # no list yet (db.ADDITIONS could not be made): read whole when it is
        if "no such table" not in str(err):
            raise
    return terms


def _letter_of(term: str) -> str:
    """What a term starts with, as a one-letter word asks for it: its letter, with the number mark before a digit."""
    return term[:2] if term.startswith(NUMBER_MARK) else term[:1]


def one_letter_terms(conn, letter: str) -> list[str] | None:
    """The search terms that start with `letter` (bigrams, bridges, the lone letter; `_1`: those that start a number
    with 1), or None when the letter must stay a prefix: the index does not list its terms, it marked the letter,
    or there are too many.

    Why: FTS5 answers `"하"*` by merging the doclist of every term that starts with 하 before it yields a row (91
    ms at 100k articles, and linear in their postings), while an OR of those terms walks them lazily and stops at
    the page (2.8 ms for 하's 119 terms; the same rows)."""
    if not _AS_WRITTEN.match(letter) or letter == "_":
        return None
    if not _lists_terms(conn):
        return None
    terms = [t for (t,) in conn.execute("SELECT term FROM search_terms WHERE term >= ? AND term < ? LIMIT ?",
                                         (letter, letter[:-1] + chr(ord(letter[-1]) + 1), ONE_LETTER_OR + 1))]
    if len(terms) > ONE_LETTER_OR or letter + "*" in terms:
        return None
    return terms


def _lists_terms(conn) -> bool:
    """Whether the file lists its search terms (a file from before the list, not yet opened for indexing, does not:
    db.ADDITIONS)."""
    additions = conn.execute("SELECT value FROM meta WHERE key = 'additions'").fetchone()
    return additions is not None and "search_terms" in additions[0].split(",")


def absent_terms(conn, terms: set[str]) -> set[str]:
    """Of these query terms (bigrams and bridges), those the search table has never held: a phrase with one matches
    no row, so a query leaves it out (term_fts's `absent`) and FTS5 does not seek its terms in every segment. The
    list only grows (terms of deleted rows stay), and a letter marked `c*` may be spelled otherwise, so its terms
    are never called absent; a file without the list calls none absent."""
    asked = sorted(t for t in terms if _AS_WRITTEN.match(t))
    if not asked or not _lists_terms(conn):
        return set()
    marks = sorted({_letter_of(t) + "*" for t in asked})
    held = {t for (t,) in conn.execute("SELECT term FROM search_terms WHERE term IN (SELECT value FROM json_each(?))",
                                       (json.dumps(asked + marks, ensure_ascii=False),))}
    return {t for t in asked if t not in held and _letter_of(t) + "*" not in held}
