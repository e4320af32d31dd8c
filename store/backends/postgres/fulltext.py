"""Korean full text in core PostgreSQL: the character bigrams of store.textindex in a tsvector (GIN-indexed),
and the query side's expressions as tsqueries.

What is indexed is what SQLite's FTS5 table holds (`index_grams`: bigrams within letter/digit runs, and a
`_`-marked bridge across each gap; not yet the mark of a number's first digit, nor `%` as a letter), with each
token's position, so a phrase is a chain of `<->`: 90만장 and 90만 장 meet on `'90':* <-> '0만':* <-> '만장':*`, the bridge `만장_` taking the prefix `만장`. The headline, deck
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
        for token in index_grams(text, starts=False).split():  # no number marks: its queries ask none (textindex)
            at += 1
            if at > MAX_POSITION:
                break
            positions.setdefault(token, []).append(f"{at}{weight}")
        at += GAP
    return " ".join(f"{_quote(token)}:{','.join(places[:256])}" for token, places in positions.items())


_TOKEN = re.compile(r'\s*(?:(?P<phrase>"[^"\\]*"\*?(?:\s*\+\s*"[^"\\]*"\*?)*)|(?P<op>AND|OR|NOT)\b|(?P<paren>[()]))')
_TERM = re.compile(r'"([^"\\]*)"(\*?)')
_PAIR = re.compile(r"[^_'\\]{2}_?")  # a term of two letters, or two with the bridge mark (store.textindex.BRIDGE)


class ExpressionError(ValueError):
    """Not an expression store.textindex writes."""


def tsquery(expression: str, loose: bool = False) -> str:
    """An FTS5 expression of store.textindex (`("sk" + "k하"* AND ("삼성" NOT "전자"))`) as a tsquery.

    `loose`: the query a GIN index answers by itself, a superset of the strict one's matches: a phrase's terms
    joined by `&` instead of `<->`, exclusions left out. The index keeps no positions, so it must recheck a
    phrase by reading each candidate's tsvector (~14 KB out of TOAST); for the loose query it needs none, and a
    search reads the candidates' row ids in the order it wants, then checks the strict query only on the rows it
    keeps (store/backends/postgres/search.py).

    The loose query is also compact: a phrase's term `xy` and its bridge `xy_` (a gap between the two letters) are
    one prefix `'xy':*` (the only lexemes it matches: tokens are letters, pairs, or pairs with the mark), so the
    spacing variants of a word (each one bridge apart) become one branch, and repeated branches go. The GIN index
    evaluates its query on every item of the posting lists it merges: 삼성 with its aliases' phrases was 265
    operands (26.5 ms at 20k articles, the same 13,224 candidates in 5.2 ms as 18); (삼성 | SK) HBM 427 (101.5 ms,
    then 12.9 ms as 30)."""
    return _compiled(expression)[1 if loose else 0]


def sure_tsquery(expression: str) -> str | None:
    """A tsquery without phrases whose matches all match the strict one (None: no such part): what the GIN index
    answers exactly, so those rows need no tsvector read. A word of one pair is one; a phrase is not; `a NOT b` is
    a's sure part without any of b's loose matches; an OR, its branches' sure parts; an AND, all or nothing.
    삼성 (its aliases' phrases beside it) is sure on '삼성': all 13,224 of its hits at 20k articles hold it."""
    return _compiled(expression)[2]


@lru_cache(maxsize=1024)  # a pure function of its text, ~1-2 ms for a word with its spellings' branches; queries recur
def _compiled(expression: str) -> tuple[str, str, str | None]:
    """(strict, loose, sure) tsqueries of an expression, in one pass over its tokens."""
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
    Forms = tuple  # (strict, loose, sure or None)

    def peek() -> tuple[str, str] | None:
        return tokens[position] if position < len(tokens) else None

    def take() -> tuple[str, str]:
        nonlocal position
        if position >= len(tokens):
            raise ExpressionError("the expression ends early")
        position += 1
        return tokens[position - 1]

    def primary() -> Forms:
        kind, text = take()
        if kind == "paren" and text == "(":
            inner = either()
            if take() != ("paren", ")"):
                raise ExpressionError("unbalanced parentheses")
            return inner
        if kind != "phrase":
            raise ExpressionError(f"unexpected {text!r}")
        strict, loose = [], []
        found = _TERM.findall(text)
        for letters, star in found:
            if not letters:
                raise ExpressionError("an empty term")
            term = _quote(letters) + (":*" if star else "")
            strict.append(term)
            if len(found) > 1 and not star and _PAIR.fullmatch(letters):
                loose.append(_quote(letters[:2]) + ":*")  # the pair with or without its bridge mark
            else:
                loose.append(term)
        if len(strict) == 1:
            return strict[0], loose[0], strict[0]  # one term: the index knows it exactly
        return ("(" + " <-> ".join(strict) + ")", "(" + " & ".join(dict.fromkeys(loose)) + ")", None)

    def without() -> Forms:  # NOT binds tightest in FTS5: `a NOT b` is a and not b
        strict, loose, sure = primary()
        while peek() == ("op", "NOT"):
            take()
            right = primary()
            strict = f"({strict} & !{right[0]})"
            # loose: the exclusion left out; sure: none of the excluded part's candidates
            sure = None if sure is None else f"({sure} & !{right[1]})"
        return strict, loose, sure

    def joined(parts: list[Forms], op: str) -> Forms:
        strict = [p[0] for p in parts]
        loose = list(dict.fromkeys(p[1] for p in parts))  # a & a, a | a: the spacing variants, one branch once compact
        if op == "&":
            sures = [p[2] for p in parts]
            sure = None if None in sures else sures
        else:
            sure = list(dict.fromkeys(p[2] for p in parts if p[2] is not None)) or None

        def form(items: list[str]) -> str:
            return items[0] if len(items) == 1 else "(" + f" {op} ".join(items) + ")"
        return form(strict), form(loose), None if sure is None else form(sure)

    def both() -> Forms:
        parts = [without()]
        while peek() == ("op", "AND"):
            take()
            parts.append(without())
        return joined(parts, "&")

    def either() -> Forms:
        parts = [both()]
        while peek() == ("op", "OR"):
            take()
            parts.append(both())
        return joined(parts, "|")

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
