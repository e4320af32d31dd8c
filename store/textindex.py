"""Korean-aware full-text matching on top of FTS5: what is indexed, and the search rows' ids and tags.

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

The query side (a query tree as an FTS5 expression) is store.fts_query, the list of terms store.search_terms,
snippets and highlights store.snippets.
"""
from __future__ import annotations

import datetime
import hashlib
import re
from functools import cache
from typing import NamedTuple

_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")  # 5,000억: one number, not two runs
BRIDGE = "_"  # the tokenizer's extra token character (db.py): marks a pair across a gap
NUMBER_MARK = "_"  # opens a token that starts at a number's first digit (the same character: the only extra one)
NUMBER_STARTS = "number_starts"  # meta: this file's search rows carry NUMBER_MARK
_DIGITS = frozenset("0123456789")
_MAGNITUDES = frozenset("백천만억조")  # after a digit, the digits that follow continue the number: 1조 2000억, 3천500만

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
    for run in tokenizing(False).run.findall(text.casefold()):
        out.extend(_run_grams(run))
    return " ".join(out)


# the same as _THOUSANDS, opening with the comma: a pattern that starts with a literal is searched for it (in C),
# one that starts with a look-behind tries every position (47 vs 7 µs for a 2,000-letter body)
_THOUSANDS_FAST = re.compile(r",(?<=\d,)(?=\d{3}(?!\d))")

# Where numbers' starts are marked, `%` is a letter too (and `％` is `%`): a percentage then ends in a letter, so 10%
# is no hit in 100% or 10.5%, as 10조 is none in 10.5조 (the index cannot mark where a bare number ends: the query
# does not know the letter after it)
PERCENT = "%"


class Tokenizing(NamedTuple):
    """What the index takes for a letter, in one of its two modes (`starts`: numbers' starts marked, `%` a letter)."""

    run: re.Pattern[str]  # a run of letters
    letter: re.Pattern[str]  # one letter
    next: re.Pattern[str]  # a letter with one after it, in its run (a bigram) or past a gap (a bridge): a token each
    lone_last: re.Pattern[str]  # a last run of one letter, indexed on its own


@cache
def tokenizing(starts: bool) -> Tokenizing:
    letter, gap = (r"[^\W_]|%", r"[^\w%]|_") if starts else (r"[^\W_]", r"[\W_]")
    one, gaps = f"(?:{letter})", f"(?:{gap})"
    return Tokenizing(re.compile(f"{one}+"), re.compile(letter), re.compile(f"({one})(?=({one})|{gaps}+({one}))"),
                      re.compile(f"(?:^|{gaps})({one}){gaps}*\\Z"))


def _fold(text: str, starts: bool) -> str:
    """The text as its tokens are made: lower-cased, and in a file with numbers' starts `％` as `%`."""
    return text.casefold().replace("％", PERCENT) if starts else text.casefold()


def word_runs(text: str, starts: bool) -> list[str]:
    """A query word's letter runs as the index makes them: folded, thousands separators gone (5,000억 is one run)."""
    return tokenizing(starts).run.findall(_THOUSANDS.sub("", _fold(text, starts)))


@cache
def _bmp_where(pattern: re.Pattern[str]):
    """A numpy bool per BMP code point: whether `pattern` matches it (made when first asked; the regex itself decides,
    so the numpy and regex paths agree)."""
    import numpy as np  # index time only: the query path never loads numpy

    table = np.zeros(0x10000, dtype=bool)
    table[[m.start() for m in pattern.finditer("".join(map(chr, range(0x10000))))]] = True
    return table


_MAGNITUDE = re.compile(f"[{''.join(sorted(_MAGNITUDES))}]")


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
    return _starts(low, [m.start() for m in tokenizing(True).letter.finditer(low)])


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
    at = np.flatnonzero(_bmp_where(tokenizing(starts).letter)[codes])
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
    magnitude = _bmp_where(_MAGNITUDE)[letters[:-1]]
    held = np.zeros(letters.size - 1, bool)  # letter i is a magnitude joined to a digit before it
    held[1:] = digit[:-2] & joined[:-1]
    after_magnitude = magnitude & held & (joined | (single & (between == ord(" "))))
    marks = digit.copy()
    marks[1:] &= ~(after_digit | after_magnitude)
    return marks


def _index_grams_re(text: str, starts: bool = True) -> str:
    """index_grams by regexes (any text; slower): what the numpy path must equal."""
    text = _THOUSANDS.sub("", _fold(text, starts))
    patterns = tokenizing(starts)
    at = [m.start() for m in patterns.letter.finditer(text)]
    marks = _starts(text, at) if starts else [False] * len(at)
    # `next` matches each letter that has one after it: its i-th match is the i-th letter
    out = [(NUMBER_MARK if marks[i] else "") + (a + b if b else a + c + BRIDGE)
           for i, (a, b, c) in enumerate(patterns.next.findall(text))]
    lone = patterns.lone_last.search(text)
    if lone:
        out.append((NUMBER_MARK if marks[-1] else "") + lone.group(1))
    return " ".join(out)
