"""A query tree (store.query) as an FTS5 expression over the index's tokens (store.textindex): each word the phrase
of its bigrams and their spacing variants, with numbers' starts marked where the file marks them.

Only letters and digits of user text reach an expression, every piece is quoted, and operators come from the
parsed tree (store.query), so no user text is ever FTS5 syntax.
"""
from __future__ import annotations

import re
from itertools import accumulate, combinations
from math import comb

from .query import All, Any, Entity, Node, Not, Text
from .textindex import BRIDGE, NUMBER_MARK, query_starts, word_runs

MAX_GAPS = 2  # spacing variants a query word matches: 5000억달러 = 5,000 억 달러 is two (after separators go)
MAX_VARIANTS = 24  # past this many phrases a long word matches with one gap only (cost grows with each phrase)


def term_fts(text: str, kind: str = "word", expand=None, absent=None, keep_one: bool = True,
             starts: bool = False) -> str | None:
    """One text term as an FTS5 phrase, or None when it has no letters or digits. `expand(letter)` gives the terms
    a one-letter word stands for (one_letter_terms), or None for a prefix. `absent(terms)` gives those of its
    terms the index never held (absent_terms): the spacing variants that hold one are left out, since they match
    no row (bm25 scores them 0, so ranks stay the same); when every one does, the plain one stays, or with
    `keep_one` False the term is None. `starts`: the index marks where numbers start (number_starts), and so does
    the term (a word that opens with a digit matches only where a number opens with it)."""
    runs = word_runs(text, starts)  # 5,000억 is 5000억, as the index holds it
    letters = "".join(runs)
    if not letters:
        return None
    opens = [NUMBER_MARK if start else "" for start in query_starts(text)] if starts else [""] * len(letters)
    if len(letters) == 1:  # one character: any bigram (or bridge) that starts with it, or the letter alone
        letter = opens[0] + letters
        terms = expand(letter) if expand is not None else None
        if terms is None:
            return f'"{letter}"*'
        if not terms:
            return f'"{letter}"'  # no term starts with it: matches nothing, as the prefix would
        return f'"{terms[0]}"' if len(terms) == 1 else "(" + " OR ".join(f'"{t}"' for t in terms) + ")"
    if len(letters) == 2 and len(runs) == 1:
        return f'"{opens[0]}{letters}"'  # a 2-letter word, inside a word only (not across 대경 주식)
    pairs = [letters[i : i + 2] for i in range(len(letters) - 1)]
    # two digits the query writes together are never apart in a match, and two it writes apart never together:
    # nobody writes 2000억 as 2 000억 (a thousands separator is no gap), each such variant was another phrase over
    # the commonest terms ("00", "20"), and 3.7% is no 37%
    gaps_at = set(accumulate(map(len, runs[:-1])))  # where the query's own runs meet: a letter there starts a run
    digits = {i for i, pair in enumerate(pairs) if pair[0].isdigit() and pair[1].isdigit()}
    apart = {i for i in digits if i + 1 in gaps_at}  # bridged in every variant
    spaced = [i for i in range(len(pairs)) if i not in digits]
    gaps = MAX_GAPS
    while gaps > 1 and sum(comb(len(spaced), k) for k in range(gaps + 1)) > MAX_VARIANTS:
        gaps -= 1
    variants = [[f"{opens[i]}{pair}{BRIDGE}" if i in bridged or i in apart else opens[i] + pair
                 for i, pair in enumerate(pairs)]
                for k in range(gaps + 1) for bridged in combinations(spaced, k)]
    if absent is not None and (len(variants) > 1 or not keep_one):
        gone = absent({term for i, pair in enumerate(pairs) for term in (opens[i] + pair, opens[i] + pair + BRIDGE)})
        if gone:
            variants = [v for v in variants if gone.isdisjoint(v)] or (variants[:1] if keep_one else [])
            if not variants:
                return None
    phrases = [" + ".join(f'"{term}"' for term in variant) for variant in variants]
    return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"


def fts_expression(node: Node, forms=lambda text: (text.text,), expand=None, absent=None,
                   starts: bool = False) -> str | None:
    """The FTS5 expression of a query tree without entities, or None when it cannot be one (an entity, only
    negations, no letters). `forms(text)` gives the spellings a text term matches (cross-script aliases);
    `expand`, `absent` and `starts` are term_fts's."""
    if isinstance(node, Text):
        # a spelling none of whose variants the index holds is left out too, unless no other one is held
        phrases = sorted({p for form in forms(node)
                          if (p := term_fts(form, node.kind, expand, absent, keep_one=False, starts=starts))}
                         or {p for form in forms(node)
                             if (p := term_fts(form, node.kind, expand, absent, starts=starts))})
        if not phrases:
            return None
        return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"
    if isinstance(node, Any):
        parts = [fts_expression(child, forms, expand, absent, starts) for child in node.nodes]
        return None if None in parts else "(" + " OR ".join(parts) + ")"
    if isinstance(node, All):
        positive = [c for c in node.nodes if not isinstance(c, Not)]
        negative = [c.node for c in node.nodes if isinstance(c, Not)]
        if not positive:
            return None
        parts = [fts_expression(child, forms, expand, absent, starts) for child in positive]
        excluded = [fts_expression(child, forms, expand, absent, starts) for child in negative]
        if None in parts or None in excluded:
            return None
        expression = "(" + " AND ".join(parts) + ")"
        for part in excluded:
            expression = f"({expression} NOT {part})"
        return expression
    return None  # Not alone, Entity: the caller builds SQL around them


_FTS_TOKEN = re.compile(r'"(?:[^"]|"")*"\*?|[()+]|[^\s()+"]+')


def alternatives_are_terms(expression: str) -> bool:
    """Whether every alternative of every OR in an FTS5 expression (fts_expression's) is one term (a one-letter
    word's pairs), never a phrase of several ("엔비" + "비디": NVIDIA's spellings), an AND or a NOT: those may be
    sparse, and FTS5 reads a sparse one on past a row it is asked at, to its next match. False for what it cannot
    read."""
    try:
        tree = _FtsReader(_FTS_TOKEN.findall(expression)).whole()
    except ValueError:
        return False
    return _terms_in_or(tree, in_or=False)


def _terms_in_or(node: tuple, in_or: bool) -> bool:
    kind, parts = node
    if kind == "or":
        return all(_terms_in_or(part, True) for part in parts)
    if kind == "phrase":
        return len(parts) == 1 or not in_or
    return not in_or and all(_terms_in_or(part, False) for part in parts)  # and, not


class _FtsReader:
    """FTS5's query syntax as fts_expression writes it, read into (kind, parts): NOT binds before AND before OR, and
    phrases side by side are ANDed."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens, self.at = tokens, 0

    def whole(self) -> tuple:
        tree = self.alternatives()
        if self.at != len(self.tokens):
            raise ValueError("unread tokens")
        return tree

    def _take(self, token: str) -> bool:
        if self.at < len(self.tokens) and self.tokens[self.at] == token:
            self.at += 1
            return True
        return False

    def alternatives(self) -> tuple:
        parts = [self.conjunction()]
        while self._take("OR"):
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else ("or", parts)

    def conjunction(self) -> tuple:
        parts = [self.negation()]
        while self.at < len(self.tokens) and self.tokens[self.at] not in ("OR", ")"):
            self._take("AND")
            parts.append(self.negation())
        return parts[0] if len(parts) == 1 else ("and", parts)

    def negation(self) -> tuple:
        node = self.primary()
        while self._take("NOT"):
            node = ("not", [node, self.primary()])
        return node

    def primary(self) -> tuple:
        if self._take("("):
            node = self.alternatives()
            if not self._take(")"):
                raise ValueError("unclosed bracket")
            return node
        terms = [self._term()]
        while self._take("+"):
            terms.append(self._term())
        return ("phrase", terms)

    def _term(self) -> str:
        if self.at >= len(self.tokens) or not self.tokens[self.at].startswith('"'):
            raise ValueError("not a term")
        self.at += 1
        return self.tokens[self.at - 1]


def has_entity(node: Node) -> bool:
    if isinstance(node, Entity):
        return True
    if isinstance(node, Not):
        return has_entity(node.node)
    if isinstance(node, (All, Any)):
        return any(has_entity(child) for child in node.nodes)
    return False
