"""Korean full text in core PostgreSQL: the character bigrams of store.textindex in a tsvector (GIN-indexed),
and the query side's expressions as tsqueries.

What is indexed is exactly what SQLite's FTS5 table holds (`index_grams`: bigrams within letter/digit runs, and a
`_`-marked bridge across each gap), with each token's position, so a phrase is a chain of `<->`: 90만장 and
90만 장 meet on `'90':* <-> '0만':* <-> '만장':*`, the bridge `만장_` taking the prefix `만장`. The headline, deck
and captions come first with weight A, then the body (weight D) after a gap of positions, so no phrase runs from
one into the other. The tsvector is written as a literal: no text-search parser or dictionary touches a token.

The query is the one store.textindex compiles from the parsed query tree (store.query) for FTS5, a grammar of
quoted bigrams, `*`, `+` (adjacent), AND, OR, NOT and parentheses; `tsquery` turns it into the same tree for
PostgreSQL. Anything outside that grammar is refused, so no user text reaches a tsquery as syntax.

Limits of PostgreSQL's tsvector: positions stop at 16,383 (about 16k characters of headline and body; a phrase
after that point matches loosely), and a token keeps at most 256 positions.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...textindex import index_grams

GAP = 8  # positions between the headline part and the body: a phrase never spans the two
MAX_POSITION = 16383
RANK_WEIGHTS = "{0.25, 0.25, 0.25, 1.0}"  # {D, C, B, A}: a headline hit weighs 4 body hits, as bm25(…, 1.0, 4.0) (body, title)


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(heading: str, body: str) -> str:
    """The tsvector of an article: `heading` (headline, deck, captions) at weight A, then `body`, with positions."""
    positions: dict[str, list[str]] = {}
    at = 0
    for text, weight in ((heading, "A"), (body, "")):
        for token in index_grams(text).split():
            at += 1
            if at > MAX_POSITION:
                break
            positions.setdefault(token, []).append(f"{at}{weight}")
        at += GAP
    return " ".join(f"{_quote(token)}:{','.join(places[:256])}" for token, places in positions.items())


_TOKEN = re.compile(r'\s*(?:(?P<phrase>"[^"\\]*"\*?(?:\s*\+\s*"[^"\\]*"\*?)*)|(?P<op>AND|OR|NOT)\b|(?P<paren>[()]))')
_TERM = re.compile(r'"([^"\\]*)"(\*?)')


class ExpressionError(ValueError):
    """Not an expression store.textindex writes."""


@lru_cache(maxsize=1024)  # a pure function of its text, ~1-2 ms for a word with its spellings' branches; queries recur
def tsquery(expression: str, loose: bool = False) -> str:
    """An FTS5 expression of store.textindex (`("sk" + "k하"* AND ("삼성" NOT "전자"))`) as a tsquery.

    `loose`: the query a GIN index answers by itself, a superset of the strict one's matches: a phrase's terms
    joined by `&` instead of `<->`, exclusions left out. The index keeps no positions, so it must recheck a
    phrase by reading each candidate's tsvector (~14 KB out of TOAST); for the loose query it needs none, and a
    search reads the candidates' row ids in the order it wants, then checks the strict query only on the rows it
    keeps (store/backends/postgres/search.py)."""
    tokens: list[tuple[str, str]] = []
    at = 0
    expression = expression.rstrip()
    while at < len(expression):
        match = _TOKEN.match(expression, at)
        if match is None or match.end() == at:
            raise ExpressionError(f"not a full-text expression at {at}")
        kind = match.lastgroup
        tokens.append((kind, match.group(kind)))
        at = match.end()
    position = 0

    def peek() -> tuple[str, str] | None:
        return tokens[position] if position < len(tokens) else None

    def take() -> tuple[str, str]:
        nonlocal position
        if position >= len(tokens):
            raise ExpressionError("the expression ends early")
        position += 1
        return tokens[position - 1]

    def primary() -> str:
        kind, text = take()
        if kind == "paren" and text == "(":
            inner = either()
            if take() != ("paren", ")"):
                raise ExpressionError("unbalanced parentheses")
            return inner
        if kind != "phrase":
            raise ExpressionError(f"unexpected {text!r}")
        terms = []
        for letters, star in _TERM.findall(text):
            if not letters:
                raise ExpressionError("an empty term")
            terms.append(_quote(letters) + (":*" if star else ""))
        return "(" + (" & " if loose else " <-> ").join(terms) + ")" if len(terms) > 1 else terms[0]

    def without() -> str:  # NOT binds tightest in FTS5: `a NOT b` is a and not b
        left = primary()
        while peek() == ("op", "NOT"):
            take()
            right = primary()
            if not loose:
                left = f"({left} & !{right})"
        return left

    def both() -> str:
        parts = [without()]
        while peek() == ("op", "AND"):
            take()
            parts.append(without())
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"

    def either() -> str:
        parts = [both()]
        while peek() == ("op", "OR"):
            take()
            parts.append(both())
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"

    result = either()
    if position != len(tokens):
        raise ExpressionError("text after the expression")
    return result


_OPERAND = re.compile(r"'((?:[^']|'')*)'(:\*)?")


@lru_cache(maxsize=1024)
def rank_query(query: str) -> str:
    """A tsquery that `ts_rank` scores exactly as it scores `query` (a tsquery of `tsquery()`), with each lexeme once.

    ts_rank reads a query's operands only: it sorts them, drops repeats, and scores the set, with `calc_rank_and`
    when the query's root is AND or a phrase and `calc_rank_or` otherwise (tsrank.c). A word's spacing variants
    repeat each bigram in every branch (삼성 with its aliases: ~250 operands, 15 distinct), and that sort ran on every
    ranked row (~40-60 us of a row's ~70). The same distinct operands under a root of the same kind give the
    same float. When a lexeme appears both with and without a prefix mark (which one survives the sort is
    not defined), the query is returned as it is."""
    operands: dict[str, str] = {}
    for match in _OPERAND.finditer(query):
        lexeme, star = match.group(1), match.group(2) or ""
        if operands.setdefault(lexeme, star) != star:
            return query
    if len(operands) < 2:
        return query
    joiner = " | " if _root(query) == "|" else " & "
    return "(" + joiner.join(f"'{lexeme}'{star}" for lexeme, star in operands.items()) + ")"


def _root(query: str) -> str | None:
    """The root operator of a tsquery of `tsquery()`: `|`, `&`, `<->`, or None for a lone operand. Each level of
    those joins its parts with one operator kind inside one pair of parentheses."""
    body = _OPERAND.sub("x", query)
    if body.startswith("(") and _closing(body, 0) == len(body) - 1:
        body = body[1:-1]
    depth = 0
    for i, ch in enumerate(body):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0:
            for op in ("<->", "|", "&"):
                if body.startswith(op, i):
                    return op
    return None


def _closing(text: str, at: int) -> int:
    depth = 0
    for i in range(at, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i
    return -1
