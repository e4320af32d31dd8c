"""Korean-aware full-text matching on top of FTS5: what is indexed, and a query tree as an FTS5 expression.

FTS5's unicode61 keeps `SK하이닉스는` as one token and trigram finds nothing for 2-character queries
(DESIGN.md), so each article is indexed as overlapping character bigrams of every letter/digit run:
`SK하이닉스는` -> `sk k하 하이 이닉 닉스 스는`. A query word becomes the phrase of its own bigrams, which finds it
anywhere, inside compounds and before particles.

Spacing. Korean writers space the same words differently (90만장 / 90만 장, 젠슨황 / 젠슨 황), so between two runs
the index also holds a *bridge*: the pair across the gap, marked with `_` (`90만 장` -> `90 0만 만장_`). A query
of three or more letters matches each of its bigrams either plain or as a bridge, up to two gaps
(`"90" + "0만" + "만장" OR "90" + "0만" + "만장_" OR …`), which takes the word inside a run and across spaces alike.
Plain terms, not prefixes: FTS5 merges every doclist of a prefix before it can stop, so a prefix query costs all
postings of its bigrams even for the first page, while plain terms seek (bench/ at 100k: "hb"* + "bm"* 13 ms to
the 2000th-newest hit, the variants 1.1 ms). A two-letter word (경주) matches only inside a word, so
`대경 주식` is no hit for 경주. A run of one letter is indexed on its own only when nothing follows it (else
its bridge holds it, and a phrase across it stays adjacent). A thousands separator between digits is no gap
(5,000억 is indexed as 5000억), so an amount spans at most the gaps its words have, and a query tries no gap between
two digits it writes together (2000억 is never 2 000억).

Numbers. A token that starts at the first digit of a number is marked with a leading `_` (`1조2000억원` ->
`_1조 조2 20 00 00 0억 억원`), and so is a query word's, so `1조2000억원` is no hit inside `21조2000억원`, `500메가와트`
none inside `1,500메가와트` and `3.7%` none inside `13.7%`. A digit continues a number after a digit (joined, or
across a decimal point) and after a magnitude joined to one (`1조2000억`, `1조 2000억`: `2000억원` is no hit there);
after a letter or any other gap it starts one (`100` finds `H100` and `010-1234`'s `1234`). In such a file `%` is a
letter (its tokenizer keeps it), so a percentage ends there: `10%` is no hit in `100%` or `10.5%`. Where a bare
number ends is not marked (`500` finds `5000`): no token can say it without the letter after it, which the query
does not know. A file made before the mark (meta `number_starts` absent) is searched without it, `%` no letter,
until its next index run writes its search table again (batch_writer.mark_number_starts).

Rows. The FTS5 rowid is the article's day, shifted left of its id (`fts_rowid`): FTS5 walks rowids in order and
stops at a LIMIT, so "newest first" and "the newest N hits" cost what the page shows, not the number of hits
(store.search). Undated articles have day 0: last when newest come first. Days, not minutes: FTS5 stores each
doclist's rowids as deltas, and a delta that crosses a key costs a varint of the key's size; with minutes every
dated article was its own key (the search table of 5k articles 32.4 MB by plain id, 45.0 MB by minute, 37.6 MB
by day: bench/, 2026-12-01). Within a day, the later-indexed article counts as newer.

Only letters and digits of user text reach an expression, every piece is quoted, and operators come from the
parsed tree (store.query), so no user text is ever FTS5 syntax.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import re
import sqlite3
from functools import lru_cache
from itertools import accumulate, combinations
from math import comb

from .query import All, Any, Entity, Node, Not, Text

_RUN = re.compile(r"[^\W_]+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")  # 5,000억: one number, not two runs
BRIDGE = "_"  # the tokenizer's extra token character (db.py): marks a pair across a gap
NUMBER_MARK = "_"  # opens a token that starts at a number's first digit (the same character: the only extra one)
NUMBER_STARTS = "number_starts"  # meta: this file's search rows carry NUMBER_MARK
_DIGITS = frozenset("0123456789")
_MAGNITUDES = frozenset("백천만억조")  # after a digit, the digits that follow continue the number: 1조 2000억, 3천500만
MAX_GAPS = 2  # spacing variants a query word matches: 5000억달러 = 5,000 억 달러 is two (after separators go)
MAX_VARIANTS = 24  # past this many phrases a long word matches with one gap only (cost grows with each phrase)

ID_BITS = 28  # an FTS rowid holds the article id in its low bits (268 million ids) ...
ID_MASK = (1 << ID_BITS) - 1
_EPOCH = datetime.date(1900, 1, 1).toordinal()  # ... and the day since 1900 above them
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def date_key(date: str | None) -> int:
    """Days since 1900-01-01 of an article date (YYYY-MM-DD…); 0 when undated or unreadable."""
    m = _DATE.match(date or "")
    if not m:
        return 0
    try:
        day = datetime.date(int(m[1]), int(m[2]), int(m[3])).toordinal() - _EPOCH
    except ValueError:
        return 0
    return max(day, 1)  # 1900-01-01 and before still count as dated


def day_month(day: int) -> str:
    """YYYY-MM of a day number of date_key (days since 1900-01-01)."""
    return datetime.date.fromordinal(_EPOCH + day).strftime("%Y-%m")


def fts_rowid(article_id: int, date: str | None) -> int:
    """The search row of an article: its day above its id, so rowid order is date order."""
    if not 0 < article_id <= ID_MASK:
        raise ValueError(f"article id {article_id} does not fit a search row ({ID_BITS} bits)")
    return date_key(date) << ID_BITS | article_id


DATED_FROM = 1 << ID_BITS  # the first rowid of a dated article


# opens a tags-column token: a gram or bridge starts with `_` only before a digit, so no word meets one
OUTLET_TAG = "__o"


def outlet_term(outlet: str | None) -> str:
    """The search row's tags-column token for an article's outlet ('' for none): the stored name hashed, as a
    token holds only letters, digits and `_`. `outlet:` then joins the words inside FTS5, which walks only the rows
    of both, where a condition on the articles probed every word hit for its outlet (store.search)."""
    if not outlet:
        return ""
    return OUTLET_TAG + hashlib.blake2b(outlet.encode("utf-8"), digest_size=8).hexdigest()


def has_tags(conn) -> bool:
    """Whether the search table has the tags column (files made before it answer `outlet:` by probing articles)."""
    return conn.execute("SELECT 1 FROM pragma_table_info('articles_fts') WHERE name = 'tags'").fetchone() is not None


def recency(article_id: int, date: str | None) -> int:
    """An article's place in "newest day first, then by id" as one integer that sorts descending: its day above
    the complement of its id (article_entities.recency, so an entity's newest articles are an index range)."""
    return date_key(date) << ID_BITS | (ID_MASK - article_id)


def _run_grams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def grams(text: str) -> str:
    """Bigrams of each letter/digit run of `text` (lower-cased), for comparing paragraphs."""
    out: list[str] = []
    for run in _RUN.findall(text.casefold()):
        out.extend(_run_grams(run))
    return " ".join(out)


# one token for each letter that has a letter after it: the bigram inside a run, or the bridge across a gap
_NEXT = re.compile(r"([^\W_])(?=([^\W_])|[\W_]+([^\W_]))")
_LONE_LAST = re.compile(r"(?:^|[\W_])([^\W_])[\W_]*\Z")  # a last run of one letter, indexed on its own
# the same as _THOUSANDS, opening with the comma: a pattern that starts with a literal is searched for it (in C),
# one that starts with a look-behind tries every position (47 vs 7 µs for a 2,000-letter body)
_THOUSANDS_FAST = re.compile(r",(?<=\d,)(?=\d{3}(?!\d))")
_LETTER = re.compile(r"[^\W_]")
_letter_tables: dict[bool, object] = {}  # numpy bool per BMP code point: what is a letter (made when first asked)

# Where numbers' starts are marked, `%` is a letter too (and `％` is `%`): a percentage then ends in a letter, so 10%
# is no hit in 100% or 10.5%, as 10조 is none in 10.5조 (the index cannot mark where a bare number ends: the query
# does not know the letter after it)
PERCENT = "%"
_RUN_P = re.compile(r"(?:[^\W_]|%)+")
_LETTER_P = re.compile(r"[^\W_]|%")
_NEXT_P = re.compile(r"([^\W_]|%)(?=([^\W_]|%)|(?:[^\w%]|_)+([^\W_]|%))")
_LONE_LAST_P = re.compile(r"(?:^|[^\w%]|_)([^\W_]|%)(?:[^\w%]|_)*\Z")


def _fold(text: str, starts: bool) -> str:
    """The text as its tokens are made: lower-cased, and in a file with numbers' starts `％` as `%`."""
    return text.casefold().replace("％", PERCENT) if starts else text.casefold()


def _letters_of_bmp(starts: bool = False):
    table = _letter_tables.get(starts)
    if table is None:
        import numpy as np  # index time only: the query path never loads numpy

        table = np.zeros(0x10000, dtype=bool)
        every = "".join(map(chr, range(0x10000)))
        letter = _LETTER_P if starts else _LETTER
        table[[m.start() for m in letter.finditer(every)]] = True  # the regex itself decides, so the two paths agree
        _letter_tables[starts] = table
    return table


def number_starts(conn) -> bool:
    """Whether this file's search rows mark where numbers start (NUMBER_MARK): every file made or indexed since."""
    return conn.execute("SELECT 1 FROM meta WHERE key = ?", (NUMBER_STARTS,)).fetchone() is not None


def _starts(text: str, at: list[int]) -> list[bool]:
    """For each letter of `text` (at these offsets; casefolded, thousands separators gone), whether it is a digit that
    starts a number: no digit before it (joined, or across a decimal point: 13.7) and no magnitude joined to a digit
    (1조2000억, 1조 2000억; one space may follow the magnitude). What index_grams does with numpy, as a loop."""
    out = []
    for i, here in enumerate(at):
        if text[here] not in _DIGITS:
            out.append(False)
            continue
        if i == 0:
            out.append(True)
            continue
        before = at[i - 1]
        gap = text[before + 1 : here]
        after_digit = text[before] in _DIGITS and gap in ("", ".")
        after_magnitude = (text[before] in _MAGNITUDES and gap in ("", " ") and i > 1 and at[i - 2] == before - 1
                           and text[at[i - 2]] in _DIGITS)
        out.append(not (after_digit or after_magnitude))
    return out


def query_starts(text: str) -> list[bool]:
    """_starts over a query word's letters (`%` one of them): its first digit starts a number (nothing is before it)."""
    low = _THOUSANDS.sub("", _fold(text, True))
    return _starts(low, [m.start() for m in _LETTER_P.finditer(low)])


def index_grams(text: str, starts: bool = True) -> str:
    """The token string FTS5 indexes for `text`: bigrams within runs, and a marked bridge across each gap.

    `SK 하이닉스` -> `sk k하_ 하이 이닉 닉스`: for each letter that has a letter after it, the pair, with the bridge
    mark when a gap lies between them; a last run of one letter on its own; with `starts`, NUMBER_MARK before each
    token that starts at a number's first digit (`_starts`). Made with numpy over the code points (a token a Python
    loop or a regex match cost 0.3 µs; 0.68 -> 0.08 ms an article, c5k); `_index_grams_re`, the regex definition,
    gives the same string (tests compare them) and takes text outside the BMP."""
    low = _THOUSANDS_FAST.sub("", _fold(text, starts))
    if not low:
        return ""
    import numpy as np

    try:
        codes = np.frombuffer(low.encode("utf-32-le"), np.uint32)
    except UnicodeEncodeError:  # a lone surrogate
        return _index_grams_re(text, starts)
    if codes.max() > 0xFFFF:
        return _index_grams_re(text, starts)
    at = np.flatnonzero(_letters_of_bmp(starts)[codes])
    if not at.size:
        return ""
    letters = codes[at]
    step = np.diff(at)
    gap = step > 1  # between letter i and i+1
    # one row of five code points per token: the number mark or NUL (dropped below), first, second, the bridge mark
    # or NUL, a space
    rows = np.empty((at.size - 1, 5), np.uint32)
    marks = _number_marks(codes, at, letters, step) if starts else None
    rows[:, 0] = 0 if marks is None else marks[:-1] * np.uint32(ord(NUMBER_MARK))
    rows[:, 1] = letters[:-1]
    rows[:, 2] = letters[1:]
    rows[:, 3] = gap * ord(BRIDGE)
    rows[:, 4] = ord(" ")
    out = rows.tobytes().decode("utf-32-le").replace("\x00", "")[:-1]  # NUL is no letter, so only fillers go
    if at.size == 1 or gap[-1]:
        lone = (NUMBER_MARK if marks is not None and marks[-1] else "") + chr(letters[-1])
        out = out + " " + lone if out else lone
    return out


def _number_marks(codes, at, letters, step):
    """`_starts` over every letter at once (numpy bools; None when no letter is a digit): a digit with no digit joined
    (or across a decimal point) before it, and no magnitude joined to a digit before it (a space may follow it)."""
    import numpy as np

    digit = (letters >= ord("0")) & (letters <= ord("9"))
    if not digit.any():
        return None
    joined = step == 1  # letter i and i+1 touch
    between = codes[at[1:] - 1]  # the character just before letter i+1 (the gap's last, or letter i itself)
    single = step == 2  # one character between them
    after_digit = digit[:-1] & (joined | (single & (between == ord("."))))
    magnitude = _magnitudes_of_bmp()[letters[:-1]]
    held = np.zeros(letters.size - 1, bool)  # letter i is a magnitude joined to a digit before it
    held[1:] = digit[:-2] & joined[:-1]
    after_magnitude = magnitude & held & (joined | (single & (between == ord(" "))))
    marks = digit.copy()
    marks[1:] &= ~(after_digit | after_magnitude)
    return marks


_magnitude_table = None


def _magnitudes_of_bmp():
    global _magnitude_table
    if _magnitude_table is None:
        import numpy as np

        table = np.zeros(0x10000, dtype=bool)
        table[[ord(c) for c in _MAGNITUDES]] = True
        _magnitude_table = table
    return _magnitude_table


def _index_grams_re(text: str, starts: bool = True) -> str:
    """index_grams by regexes (any text; slower): what the numpy path must equal."""
    text = _THOUSANDS.sub("", _fold(text, starts))
    at = [m.start() for m in (_LETTER_P if starts else _LETTER).finditer(text)]
    marks = _starts(text, at) if starts else [False] * len(at)
    # _NEXT matches each letter that has one after it: its i-th match is the i-th letter
    out = [(NUMBER_MARK if marks[i] else "") + (a + b if b else a + c + BRIDGE)
           for i, (a, b, c) in enumerate((_NEXT_P if starts else _NEXT).findall(text))]
    lone = (_LONE_LAST_P if starts else _LONE_LAST).search(text)
    if lone:
        out.append((NUMBER_MARK if marks[-1] else "") + lone.group(1))
    return " ".join(out)


# --- one-letter words: the OR of the terms that start with the letter -------------------------------------------

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


def term_fts(text: str, kind: str = "word", expand=None, absent=None, keep_one: bool = True,
             starts: bool = False) -> str | None:
    """One text term as an FTS5 phrase, or None when it has no letters or digits. `expand(letter)` gives the terms
    a one-letter word stands for (one_letter_terms), or None for a prefix. `absent(terms)` gives those of its
    terms the index never held (absent_terms): the spacing variants that hold one are left out, since they match
    no row (bm25 scores them 0, so ranks stay the same); when every one does, the plain one stays, or with
    `keep_one` False the term is None. `starts`: the index marks where numbers start (number_starts), and so does
    the term (a word that opens with a digit matches only where a number opens with it)."""
    # 5,000억 is 5000억, as the index holds it
    runs = (_RUN_P if starts else _RUN).findall(_THOUSANDS.sub("", _fold(text, starts)))
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


_BRIDGE, _BRIDGE_REACH = r"[\W_]{0,3}?", 3  # between the letters of a highlighted spelling; how far it reaches


# where a highlighted number may not start (`starts`): after a digit, a digit and a decimal point or a thousands
# separator, or a digit and a magnitude (and a space): the search's own rule (_starts), for what snippets mark
_NOT_A_NUMBER_START = "".join(f"(?<!{before})" for before in (
    "[0-9]", "[0-9][.,]", f"[0-9][{''.join(sorted(_MAGNITUDES))}]", f"[0-9][{''.join(sorted(_MAGNITUDES))}] "))


def highlight_pattern(forms: list[str], starts: bool = False) -> re.Pattern[str] | None:
    """A regex that finds these spellings in original text whatever the spacing, for snippets and highlights;
    with `starts`, a spelling that opens with a digit only where a number opens (`1조` not inside `21조`)."""
    alternatives = []
    for form in forms:
        runs = (_RUN_P if starts else _RUN).findall(_fold(form, starts))
        letters = "".join(runs)
        if not letters:
            continue
        opens = _NOT_A_NUMBER_START if starts and letters[0] in _DIGITS else ""
        if len(letters) <= 2 and len(runs) == 1:
            alternatives.append(opens + re.escape(letters))
        else:  # what a bridge spans: a space or a mark between letters (SK 하이닉스, 5,000억)
            alternatives.append(opens + _BRIDGE.join(re.escape(ch) for ch in letters))
    if not alternatives:
        return None
    alternatives.sort(key=lambda alt: len(alt.replace(_NOT_A_NUMBER_START, "")), reverse=True)  # longest first
    return re.compile("|".join(alternatives), re.IGNORECASE)


@lru_cache(maxsize=32)
def _longest_match(pattern: re.Pattern[str]) -> int:
    """How long a match of a highlight_pattern can be: its alternatives are letters (never "|"; re.escape leaves
    them as they are) and bridges, after a number's look-behinds (which match nothing). Once per pattern, not per
    hit."""
    return max(len(alt.replace(_NOT_A_NUMBER_START, "")) - (len(_BRIDGE) - _BRIDGE_REACH) * alt.count(_BRIDGE)
               for alt in pattern.pattern.split("|"))


SNIPPET_PREFIX = 512  # characters of a body read first for its snippet; x8 while that is not enough
_NON_SPACE = re.compile(r"\S")  # the complement of what str.split() splits on


def snippet(text: str, pattern: re.Pattern[str] | None, width: int = 90) -> tuple[str, list[tuple[int, int]]]:
    """A window of `text`, its spaces collapsed, around the first match (or its start), with match offsets inside
    the window. Collapsing a prefix of the text gives a prefix of the whole collapsed text, so only as much is read
    as the window needs: a page of 38 snippets of the 1M bench's bodies (~2,200 characters) 2.2 -> 1.8 ms, of
    bodies five times as long 9.1 -> 4.0 ms (BENCHMARKS.md). A first match counts once no match can still start
    before it and run past the prefix (`reach`). Only for highlight_pattern's patterns."""
    reach = _longest_match(pattern) if pattern else 0
    # no match starts before `searched`; a number's look-behind reads only what is before it, the same in a longer
    # prefix
    size, searched = SNIPPET_PREFIX, 0
    while True:
        whole = size >= len(text) or _NON_SPACE.search(text, size) is None  # nothing but spaces after it
        flat = " ".join(text[:size].split())
        match = pattern.search(flat, searched) if pattern else None
        if match is None and (whole or not pattern and len(flat) > width):
            return (flat[:width] + ("…" if len(flat) > width or not whole else ""), [])
        if match is not None:
            start = max(0, match.start() - width // 3)
            if whole or (match.start() + reach <= len(flat) and start + width <= len(flat)):
                break
        # a match that would start before here and fit in this prefix was looked for
        searched = min(match.start() if match else len(flat), max(searched, len(flat) - reach))
        size *= 8
    end = min(len(flat), start + width)
    start = max(0, min(start, end - width))
    window = flat[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) or not whole else ""
    shift = len(prefix)
    spans = [(m.start() + shift, m.end() + shift) for m in pattern.finditer(window)]
    return prefix + window + suffix, spans
