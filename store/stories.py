"""Copies, near-duplicates and stories, kept up to date as articles are added.

- A copy: the same cleaned body as an earlier article (same body_hash; a reprint under another headline or
  byline, since the cleaner takes both off the body); it points at that one (`copy_of`).
- Near-duplicates: reprints with small edits (a reworded sentence, a dropped paragraph). MinHash signatures (datasketch)
  over character 5-grams of each paragraph with whitespace removed (word shingles break on particles:
  삼성과 / 삼성은), with paragraphs that very many bodies share (a standard disclaimer) left out so that
  boilerplate never makes two articles look alike. Articles whose signatures agree on NEAR_DUPLICATE of
  their values share a `near_group` (the id of the group's first article).
- Stories: articles about one event: text similarity, shared rare entities and shared figures, within
  ±WINDOW_DAYS (undated articles by text alone). Same companies with other figures is another event.

Incremental: a run assigns only articles without a story, a slice of them at a time (each slice is what an add of
those articles would be, committed on its own). Candidates come from stored state (LSH band
keys in `lsh_bands`, signatures in `signatures`, entity and figure tables), never from a pass over the
corpus; a new article joins the best-matching story or starts its own, and only the rows of the stories
that changed are rewritten. Entity edits re-link mentions but leave story assignments alone. All of this
module's SQL is here.

Speed: the extraction workers sign every body (store.minhash's `body_signature`, a pure function of the cleaned body), and
the indexer stores the signature with the article; the single-threaded story step signs again only a body
that holds boilerplate, and otherwise reads signatures, looks up LSH bands and scores candidates, reading
its inputs a chunk of articles at a time.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache

import numpy as np

from . import linker
from .backends import backend_of
from .db import article_total, has_index
from .minhash import NUM_PERM, band_keys, body_signature, paragraph_key, paragraph_keys
from .textindex import ID_BITS, ID_MASK, date_key

NEAR_DUPLICATE = 0.7  # estimated Jaccard from which two bodies are the same text with small edits
STORY_TEXT = 0.3  # text alone this similar (in the date window) is the same story
STORY_TEXT_UNDATED = 0.45  # ... and for an undated article, with no window to narrow it
STORY_HINT = 0.1  # weaker text similarity that, with a shared figure and a rare entity, is the same story
WINDOW_DAYS = 3
BOILERPLATE_DOCS = 25  # a paragraph in at least this many distinct bodies (and BOILERPLATE_SHARE of them) ...
BOILERPLATE_SHARE = 0.005  # ... is boilerplate: its shingles are left out of signatures
RARE_ARTICLES = 30  # an entity or figure in at most max(this, RARE_SHARE of articles) articles is telling ...
RARE_SHARE = 0.01
TELLING_ARTICLES = 20  # ... and counts in full in at most max(this, TELLING_SHARE of articles); half above that
TELLING_SHARE = 0.002
WINDOW_FIGURE_HOLDERS = 30  # a figure that more articles state within the window (1조원) says nothing of the event


def _day(value: str | None) -> int | None:
    return _day_of(value[:10]) if value else None


@lru_cache(maxsize=1 << 14)
def _day_of(text: str) -> int | None:
    """Placing 1,000 articles at 100k reads the dates of ~87k candidates: a few thousand distinct days."""
    try:
        return Date.fromisoformat(text).toordinal()
    except ValueError:
        return None


# --- keeping the state when articles go -------------------------------------------------------------


def forget(conn, rows: list[tuple[int, str]]) -> None:
    """Before articles (id, body) are deleted: uncount their paragraphs, and send back to assignment the
    articles that point at them (their copies and near-duplicates), so they find another first article."""
    if not rows:
        return
    linker.forget(conn)  # their candidates leave the entity set: the next link groups them all again
    gone = [aid for aid, _ in rows]
    ids = _json(gone)
    dependants = conn.execute(
        "SELECT id, body FROM articles WHERE id NOT IN (SELECT value FROM json_each(?)) "
        "AND (copy_of IN (SELECT value FROM json_each(?)) OR near_group IN (SELECT value FROM json_each(?)))",
        [ids, ids, ids]).fetchall()
    everyone = rows + dependants
    counted = {aid for (aid,) in conn.execute(
        "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) AND story IS NOT NULL AND copy_of IS NULL",
        [_json([aid for aid, _ in everyone])])}
    keys = [(key,) for aid, body in everyone if aid in counted for key in {paragraph_key(p) for p in body.split("\n\n")}]
    keys += [(figure_doc_key(key),) for key in _figures_by_body(conn, sorted(counted))]
    conn.executemany("UPDATE paragraph_docs SET docs = docs - 1 WHERE key = ?", keys)
    conn.execute("DELETE FROM paragraph_docs WHERE docs <= 0")
    conn.execute("DELETE FROM meta WHERE key = ?", [BOILERPLATE_KEY])  # counts went down: the next run reads them all
    again = _json([aid for aid, _ in dependants])
    conn.execute("DELETE FROM signatures WHERE article_id IN (SELECT value FROM json_each(?))", [again])
    conn.execute("DELETE FROM lsh_bands WHERE article_id IN (SELECT value FROM json_each(?))", [again])
    conn.execute("DELETE FROM figure_days WHERE article_id IN (SELECT value FROM json_each(?))", [again])
    conn.execute("UPDATE articles SET story = NULL, near_group = NULL, copy_of = NULL "
                 "WHERE id IN (SELECT value FROM json_each(?))", [again])
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('stories_stale', '1')")


# --- assignment -----------------------------------------------------------------------------------

CHUNK = 256  # articles whose inputs (copies, stored signatures, figures, bodies) are read in one statement each
FULL_REFRESH = 10_000  # a slice that touched more stories than this (and a good share of all) rewrites every story row
SLICE = 20_000  # unplaced articles placed and committed together: what a slice holds is bounded by it, and a stop loses one
BAND_KEPT = 64  # holders of one LSH band read as candidates, the latest indexed: _BAND_HOLDERS
PLACING_KEPT = 100_000  # candidates' rows kept in memory by a slice (~300 bytes each), then read again

# The placed articles in the window that state one figure, with its weight, unless more than a bound state it there
# (then it is too common to tell: the bound is checked once, before the figure's rows are read). Summed per article
# in SQL: at 1M a generated article's figures had ~600 (figure, article) pairs in the window, ~60 distinct articles.
_FIGURE_HOLDERS = ("SELECT CAST(? AS REAL) AS weight, article_id FROM figure_days WHERE key = ? AND day BETWEEN ? AND ? "
                   "AND (SELECT count(*) FROM (SELECT 1 FROM figure_days WHERE key = ? AND day BETWEEN ? AND ? LIMIT ?) AS h) <= ?")


# The placed articles holding one of these LSH band keys, the BAND_KEPT latest indexed (highest ids) of each key:
# a band that more articles share is a reprint many outlets ran (its holders went into one group as they came, so
# the latest of them stand for the rest) or text that many bodies repeat without being a paragraph of boilerplate;
# either way reading every holder says nothing more. At 1M generated articles 86 of 800 band keys of 50 added
# articles had over 50 holders (up to 7,211): 1,145 distinct candidates an article, 159 with the newest 64 a key.
_BAND_HOLDERS = ("SELECT DISTINCT b.article_id FROM json_each(?) AS j JOIN lsh_bands b ON b.key = j.value "
                 "AND b.article_id >= coalesce((SELECT h.article_id FROM lsh_bands h WHERE h.key = j.value "
                 "ORDER BY h.article_id DESC LIMIT 1 OFFSET ?), 0)")


def figure_key(unit: str, value: float, counter: str | None) -> int:
    """A figure's identity: a hash of its unit, value as written by repr, and counter. The story step asks for each
    figure of an article twice (counting, placing), and a corpus states the same few figures over and over: the
    hash is kept for the ones seen, but for zero (0.0 and -0.0 are equal keys with different reprs) and NaN."""
    if value == 0 or value != value:
        return _figure_digest(unit, value, counter)
    return _kept_figure_key(unit, value, counter)


def _figure_digest(unit: str, value: float, counter: str | None) -> int:
    digest = hashlib.blake2b(f"{unit}|{value!r}|{counter or ''}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


_kept_figure_key = lru_cache(maxsize=1 << 16, typed=True)(_figure_digest)  # typed: 5 and 5.0 have different reprs


Figure = tuple[int, str, float, str]  # (figure_key, unit, value, counter)


@dataclass(slots=True)
class _Candidate:
    id: int
    text: float = 0.0
    entities: float = 0.0  # shared rare entities, weighted: 1 for a telling one, 0.5 for a merely rare one
    figures: float = 0.0  # figures both state that few articles state (in the window, and at all), weighted so


# The candidates of an article being placed, with their signatures; a candidate that is a copy stands for its
# original (the one holding the signature). {hint}: _Assigner.by_placing
PLACING_ROWS = ("SELECT a.id, a.date, a.near_group, a.story, s.minhash FROM articles a{hint} "
                "LEFT JOIN signatures s ON s.article_id = coalesce(a.copy_of, a.id) "
                "WHERE a.id IN (SELECT value FROM json_each(?)) AND a.story IS NOT NULL")


class _Assigner:
    def __init__(self, conn) -> None:
        self.conn = conn
        total = article_total(conn)
        self.rare = max(RARE_ARTICLES, int(total * RARE_SHARE))
        self.telling = max(TELLING_ARTICLES, int(total * TELLING_SHARE))
        self._weights: dict[int, float] = {}  # figure key -> weight, for this slice
        self.paragraphs: dict[int, bytes] = {}  # counted bodies' paragraph keys (8 bytes each) until they are placed
        self.boilerplate: frozenset[int] = frozenset()  # set once this slice's bodies are counted
        self.counted: set[int] = set()  # paragraph keys whose counts this slice raised
        self.stories: set[int] = set()  # stories this slice placed articles in: their rows are refreshed
        # Candidates' date, near_group, story and copy_of from the covering index: SQLite's planner prefers the
        # rowid, whose rows hold the body before those columns (2.0 s of the step's 2.3 s adding 1,000 at 100k)
        self.by_placing = " INDEXED BY articles_placing" if has_index(conn, "articles_placing") else ""
        # PLACING_ROWS of the candidates read so far: a placed article's row does not change while a run places
        # others, and half the candidates of an add's articles come up again (88k rows, 43k distinct at 100k)
        self._placing: dict[int, tuple] = {}

    def originals(self, ids: list[int]) -> dict[int, tuple[int, int, int]]:
        """For each of these articles whose body a placed article has (not a copy itself): (that article, its
        near_group, its story), the first such article by id."""
        found: dict[int, tuple[int, int, int]] = {}
        for aid, oid, group, story in self.conn.execute(
            "SELECT a.id, o.id, o.near_group, o.story FROM articles a JOIN articles o ON o.body_hash = a.body_hash "
            "AND o.id != a.id AND o.copy_of IS NULL AND o.story IS NOT NULL "
            "WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.id, o.id", [_json(ids)]):
            found.setdefault(aid, (oid, group, story))
        return found

    def count_paragraphs(self, chunk: list[tuple[int, str, str | None]], seen: set[str]) -> None:
        """Count the paragraphs of each body in the chunk that neither a placed article nor an earlier one of
        this run has; keep their keys for placing."""
        originals = self.originals([aid for aid, _, _ in chunk])
        new = []
        for aid, body_hash, _ in chunk:
            if body_hash not in seen and aid not in originals:
                new.append(aid)
            seen.add(body_hash)
        if not new:
            return
        docs: Counter[int] = Counter()
        for aid, body in self.conn.execute(
                "SELECT id, body FROM articles WHERE id IN (SELECT value FROM json_each(?))", [_json(new)]):
            keys = paragraph_keys(body)
            self.paragraphs[aid] = np.array(keys, dtype=np.int64).tobytes()
            docs.update(set(keys))
        self.counted.update(docs)
        docs.update(figure_doc_key(key) for key in _figures_by_body(self.conn, new))
        self.conn.executemany(
            "INSERT INTO paragraph_docs(key, docs) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET docs = docs + excluded.docs",
            list(docs.items()))

    def place(self, chunk: list[tuple[int, str, str | None]]) -> None:
        """Place the chunk's articles in order: a copy goes where its original is; any other article joins the
        best-matching story (or near-duplicate group) or starts its own."""
        conn = self.conn
        ids = _json([aid for aid, _, _ in chunk])
        originals = self.originals([aid for aid, _, _ in chunk])
        stored = {aid: np.frombuffer(blob, dtype=np.uint32) for aid, blob in conn.execute(
            "SELECT article_id, minhash FROM signatures WHERE article_id IN (SELECT value FROM json_each(?))", [ids])}
        figures: dict[int, list[Figure]] = {}
        for aid, unit, value, counter in conn.execute(
            "SELECT DISTINCT article_id, unit, value, coalesce(counter, '') FROM numbers "
            "WHERE article_id IN (SELECT value FROM json_each(?)) AND converts IS NULL AND unit != '%'", [ids]):
            figures.setdefault(aid, []).append((figure_key(unit, value, counter), unit, value, counter))
        self.weigh([f for held in figures.values() for f in held])
        first_here: dict[str, tuple[int, int, int]] = {}  # body_hash -> (id, near_group, story) placed in this chunk
        copies = []
        for aid, body_hash, date in chunk:
            original = first_here.get(body_hash) or originals.get(aid)
            if original:
                conn.execute("UPDATE articles SET copy_of = ?, near_group = ?, story = ? WHERE id = ?", [*original, aid])
                copies.append(aid)
                self.stories.add(original[2])
                continue
            near_group, story = self.place_one(aid, _day(date), stored.get(aid), figures.get(aid, []))
            first_here[body_hash] = (aid, near_group, story)
            self.stories.add(story)
        if copies:  # signed at extraction like every body; a copy is compared through its original
            conn.execute("DELETE FROM signatures WHERE article_id IN (SELECT value FROM json_each(?))", [_json(copies)])

    def signature_of(self, article_id: int, stored: np.ndarray | None) -> np.ndarray | None:
        """The stored signature (made at extraction over the whole body), unless the body holds boilerplate or
        none was stored (a short body, or one indexed before signatures were made there): then sign it here."""
        packed = self.paragraphs.pop(article_id, None)
        keys = np.frombuffer(packed, dtype=np.int64).tolist() if packed is not None else None
        if stored is not None and keys is not None and self.boilerplate.isdisjoint(keys):
            return stored
        sig = body_signature(self.body(article_id), self.boilerplate)
        if sig is not None:
            self.conn.execute("INSERT OR REPLACE INTO signatures(article_id, minhash) VALUES (?, ?)",
                              [article_id, sig.tobytes()])
        elif stored is not None:
            self.conn.execute("DELETE FROM signatures WHERE article_id = ?", [article_id])
        return sig

    def body(self, article_id: int) -> str:
        return self.conn.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()[0]

    def place_one(self, article_id: int, day: int | None, stored: np.ndarray | None, figures: list[Figure]) -> tuple[int, int]:
        conn = self.conn
        sig = self.signature_of(article_id, stored)
        keys = band_keys(sig) if sig is not None else []
        found = self.candidates(article_id, sig, keys, day, figures)
        near_group, story = article_id, article_id
        if found:
            rows = self.placing_rows(found)
            signed = [i for i, row in enumerate(rows) if row[4] is not None]
            if sig is not None and signed:  # every candidate's similarity in one comparison
                others = np.frombuffer(b"".join(rows[i][4] for i in signed), dtype=np.uint32).reshape(len(signed), NUM_PERM)
                for i, agree in zip(signed, np.count_nonzero(others == sig, axis=1).tolist()):
                    found[rows[i][0]].text = agree / NUM_PERM
            best_near, best_story = None, None
            for cid, cdate, cgroup, cstory, _ in rows:
                c = found[cid]
                if c.text >= NEAR_DUPLICATE:
                    if best_near is None or c.text > best_near[0]:
                        best_near = (c.text, cgroup, cstory)
                    continue
                other = _day(cdate)
                if day is not None and other is not None:
                    if abs(day - other) > WINDOW_DAYS:
                        continue
                    same = same_event(c)
                else:
                    same = c.text >= STORY_TEXT_UNDATED
                if same:
                    score = c.text + 0.05 * min(c.entities, 4) + 0.1 * min(c.figures, 4)
                    if best_story is None or score > best_story[0]:
                        best_story = (score, cstory)
            if best_near is not None:
                near_group, story = best_near[1], best_near[2]
            elif best_story is not None:
                story = best_story[1]
        if day is not None and figures:
            conn.executemany("INSERT OR IGNORE INTO figure_days(key, day, article_id) VALUES (?, ?, ?)",
                             [(key, day, article_id) for key, *_ in figures])
        if keys:
            conn.executemany("INSERT OR IGNORE INTO lsh_bands(key, article_id) VALUES (?, ?)", [(k, article_id) for k in keys])
        conn.execute("UPDATE articles SET copy_of = NULL, near_group = ?, story = ? WHERE id = ?",
                     [near_group, story, article_id])
        return near_group, story

    def placing_rows(self, ids) -> list[tuple]:
        """PLACING_ROWS of these articles, by id (the order ties are broken in), read once a run."""
        missing = [i for i in ids if i not in self._placing]
        if missing:
            if len(self._placing) > PLACING_KEPT:
                self._placing.clear()
            for row in self.conn.execute(PLACING_ROWS.format(hint=self.by_placing), [_json(missing)]):
                self._placing[row[0]] = row
        return [self._placing[i] for i in sorted(ids) if i in self._placing]

    def candidates(self, article_id: int, sig: np.ndarray | None, keys: list[int], day: int | None,
                   figures: list[Figure]) -> dict[int, _Candidate]:
        """Placed articles that may tell the same event: similar text (any date), and, for a dated article,
        articles within the window that share a rare entity or a figure few articles state."""
        conn = self.conn
        found: dict[int, _Candidate] = {}
        if sig is not None:  # DISTINCT: one candidate each (~87 an article at 100k)
            found = {cid: _Candidate(cid) for (cid,) in conn.execute(_BAND_HOLDERS, [_json(keys), BAND_KEPT - 1])}
        if day is None:
            return found  # an undated article is placed by its text alone
        first, last = Date.fromordinal(day - WINDOW_DAYS).isoformat(), Date.fromordinal(day + WINDOW_DAYS).isoformat()
        # Rare entities shared (the commonest names say nothing about which event this is). An entity's articles
        # are read for the window only (article_entities is ordered by day within an entity): a rare entity at
        # 100k articles is named by up to a thousand of them over the years.
        for cid, n in conn.execute(
            "SELECT b.article_id, sum(CASE WHEN e.articles <= ? THEN 1.0 ELSE 0.5 END) FROM article_entities a "
            "JOIN entities e ON e.id = a.entity_id "
            "JOIN article_entities b ON b.entity_id = a.entity_id AND b.recency BETWEEN ? AND ? AND b.article_id != a.article_id "
            f"JOIN articles o{self.by_placing} ON o.id = b.article_id "
            "WHERE a.article_id = ? AND e.articles <= ? AND o.story IS NOT NULL AND o.date BETWEEN ? AND ? "
            "GROUP BY b.article_id",
            [self.telling, date_key(first) << ID_BITS, date_key(last) << ID_BITS | ID_MASK, article_id, self.rare,
             first, last + "~"],
        ):
            found.setdefault(cid, _Candidate(cid)).entities = n
        # Figures shared in the window: the amounts as stated (not their conversions), when few state them at all
        # (a figure in many articles, 1조원, says nothing of the event) and few in the window
        weighed = [(key, self._weights[key]) for key, *_ in figures if self._weights[key]]
        first_day, last_day = day - WINDOW_DAYS, day + WINDOW_DAYS
        for start in range(0, len(weighed), 100):  # one statement for many figures: a round trip each cost ~50 µs
            chunk = weighed[start:start + 100]
            sql = ("SELECT article_id, sum(weight) FROM (" + " UNION ALL ".join([_FIGURE_HOLDERS] * len(chunk))
                   + ") AS held WHERE article_id != ? GROUP BY article_id")
            params = [x for key, weight in chunk for x in (weight, key, first_day, last_day, key, first_day, last_day,
                                                           WINDOW_FIGURE_HOLDERS + 1, WINDOW_FIGURE_HOLDERS)]
            for cid, weight in conn.execute(sql, params + [article_id]):
                found.setdefault(cid, _Candidate(cid)).figures += weight
        return found

    def weigh(self, figures: list[Figure]) -> None:
        """How much sharing each figure says: 1 when few bodies state it, 0.5 when rather few, else 0. The distinct
        bodies stating a figure are counted as bodies are (paragraph_docs, under the figure's key): every indexed
        article's, this run's included, so a batch run sees the whole corpus. Was a count over `numbers` joined to
        `articles` per figure: up to 1,000 article rows read for a common figure at 100k (12 s of CPU an add)."""
        todo = sorted({key for key, *_ in figures if key not in self._weights})
        for start in range(0, len(todo), 500):
            chunk = todo[start:start + 500]
            held = dict(self.conn.execute("SELECT key, docs FROM paragraph_docs WHERE key IN (SELECT value FROM json_each(?))",
                                          [_json([figure_doc_key(k) for k in chunk])]))
            for key in chunk:
                holders = held.get(figure_doc_key(key), 0)
                self._weights[key] = 1.0 if holders <= self.telling else (0.5 if holders <= self.rare else 0.0)


def figure_doc_key(key: int) -> int:
    """A figure's row in paragraph_docs: negative, where paragraph keys are not (both are 63-bit hashes)."""
    return -1 - key


def _figures_by_body(conn, article_ids: list[int]) -> list[int]:
    """The figures (keys) each of these articles states, once per article: what a body adds to figure counts."""
    return [figure_key(unit, value, counter) for _, unit, value, counter in conn.execute(
        "SELECT DISTINCT article_id, unit, value, coalesce(counter, '') FROM numbers "
        "WHERE article_id IN (SELECT value FROM json_each(?)) AND converts IS NULL AND unit != '%'", [_json(article_ids)])]


def _count_figures_once(conn) -> None:
    """Indexes made before figures were counted with the bodies: count the placed bodies' figures once (the articles
    this run places are counted as it goes). A new index (no article placed yet) has nothing to count: the count
    would still read every number and its article's row (8.9 s CPU at the first story step of a 100k build)."""
    if conn.execute("SELECT 1 FROM meta WHERE key = 'figure_docs'").fetchone():
        return
    if _placed(conn):
        _count_placed_figures(conn)
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('figure_docs', '1')")


def _placed(conn) -> bool:
    """Whether any article has its story (one look in the articles_story index)."""
    return conn.execute("SELECT 1 FROM articles WHERE story IS NOT NULL LIMIT 1").fetchone() is not None


def _count_placed_figures(conn) -> None:
    docs = [(figure_doc_key(figure_key(unit, value, counter)), n) for unit, value, counter, n in conn.execute(
        "SELECT n.unit, n.value, coalesce(n.counter, ''), count(DISTINCT a.body_hash) FROM numbers n "
        "JOIN articles a ON a.id = n.article_id WHERE a.story IS NOT NULL AND n.converts IS NULL AND n.unit != '%' "
        "GROUP BY n.unit, n.value, coalesce(n.counter, '')")]
    conn.executemany(
        "INSERT INTO paragraph_docs(key, docs) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET docs = docs + excluded.docs", docs)


def same_event(c: _Candidate) -> bool:
    """Two dated articles in the window tell one event: their texts are alike, or they state the same telling
    figures and name the same rare entity (a rewrite shares facts, not words). Two events of the same companies
    share names but not figures."""
    return (c.text >= STORY_TEXT or c.figures >= 3 or (c.figures >= 2 and c.entities >= 1)
            or (c.figures >= 1 and c.entities >= 1 and c.text >= STORY_HINT))


def _json(values: list[int]) -> str:
    return "[" + ",".join(str(int(v)) for v in values) + "]"


def assign(conn, tell=None) -> int:
    """Put every article without a story into one (earliest first, so the first telling starts it), SLICE
    articles at a time, each slice in its own transaction with the rows of the stories it changed. Returns how
    many articles were assigned. `tell` hears one line when the work takes more than one slice."""
    order = np.fromiter((aid for (aid,) in conn.execute(  # the articles_story index, in this order: no sort
        "SELECT id FROM articles WHERE story IS NULL ORDER BY coalesce(date, '9999'), id")), dtype=np.int64)
    stale = conn.execute("SELECT value FROM meta WHERE key = 'stories_stale'").fetchone()
    stale = bool(stale and stale[0] == "1")
    if not len(order) and not stale:
        return 0
    if len(order) > SLICE and tell:
        tell(f"placing {len(order):,} articles in stories, {SLICE:,} at a time (a stop keeps the slices placed)")
    with conn:
        _count_figures_once(conn)
    for start in range(0, max(len(order), 1), SLICE):
        with conn:
            _assign_slice(conn, order[start:start + SLICE].tolist(), refresh_all=stale and start == 0)
    return len(order)


def _assign_slice(conn, ids: list[int], refresh_all: bool) -> None:
    """Place these unplaced articles (in this order), as an add of them would: count their bodies' paragraphs
    first (a disclaimer this slice makes common is boilerplate for all of its articles, not only for those
    placed after it crossed the line), then place them, then rewrite the rows of the stories they joined.
    What a slice holds (paragraph keys, body hashes, figure weights, candidates' rows) is bounded by SLICE:
    one transaction over a first build's 1M articles held ~3 GB and ran over an hour without a commit."""
    rows = {aid: (aid, body_hash, date) for aid, body_hash, date in conn.execute(
        "SELECT id, body_hash, date FROM articles WHERE id IN (SELECT value FROM json_each(?))", [_json(ids)])}
    todo = [rows[aid] for aid in ids if aid in rows]
    assigner = _Assigner(conn)
    seen: set[str] = set()
    for start in range(0, len(todo), CHUNK):
        assigner.count_paragraphs(todo[start:start + CHUNK], seen)
    # placed bodies = placed articles - copies (every copy is placed): the articles less the unplaced (a range of
    # articles_story, this run's few) and the copies (a partial index). The count of placed non-copies read every
    # article row (7 s cold at 100k); the placed counted on the index, every entry of it (0.2-0.6 s cold at 1M)
    bodies = article_total(conn) - conn.execute(
        "SELECT (SELECT count(*) FROM articles WHERE story IS NULL) "
        "+ (SELECT count(*) FROM articles WHERE copy_of IS NOT NULL)").fetchone()[0] + len(assigner.paragraphs)
    floor = max(BOILERPLATE_DOCS, int(bodies * BOILERPLATE_SHARE))
    assigner.boilerplate = _boilerplate(conn, floor, assigner.counted)
    for start in range(0, len(todo), CHUNK):
        assigner.place(todo[start:start + CHUNK])
    refresh_story_rows(conn, None if refresh_all or _refresh_all_cheaper(conn, assigner.stories) else assigner.stories)
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('stories_stale', '0')")


def _refresh_all_cheaper(conn, touched: set[int]) -> bool:
    """Whether rewriting every story row beats rewriting the touched ones: when they are many and a good share of
    all (one pass over the articles_story index against a look-up per story). A first build's slices touch a
    slice's worth each, a small share of the stories placed before them once there are a few slices."""
    if len(touched) <= FULL_REFRESH:
        return False
    total = conn.execute("SELECT value FROM meta WHERE key = 'stories_total'").fetchone()
    return not total or len(touched) * 4 > int(total[0])


BOILERPLATE_KEY = "stories_boilerplate"  # meta: the boilerplate paragraph keys of the last run, and its floor


def _boilerplate(conn, floor: int, counted: set[int]) -> frozenset[int]:
    """The paragraph keys that at least `floor` bodies hold. Counts only grow between two runs (a deletion drops
    what is kept here), and the floor with them: a key below the last run's floor that this run did not count is
    below this one's. So only the last run's keys and this run's are read, not every paragraph (1.9M rows at 100k,
    0.1 s CPU, 0.26 s cold). PostgreSQL (several writers at once) reads them all."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [BOILERPLATE_KEY]).fetchone() \
        if backend_of(conn) == "sqlite" else None
    kept = json.loads(row[0]) if row else None
    if kept is None or floor < kept["floor"]:
        keys = frozenset(k for (k,) in conn.execute("SELECT key FROM paragraph_docs WHERE docs >= ? AND key >= 0", [floor]))
    else:
        keys = frozenset(k for (k,) in conn.execute(
            "SELECT key FROM paragraph_docs WHERE key IN (SELECT value FROM json_each(?)) AND docs >= ?",
            [_json(sorted(set(kept["keys"]) | counted)), floor]))
    if backend_of(conn) == "sqlite":
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                     [BOILERPLATE_KEY, json.dumps({"floor": floor, "keys": sorted(keys)})])
    return keys


def refresh_story_rows(conn, stories: set[int] | None = None) -> None:
    """One row per story: its first article (earliest date, then first indexed), dates, counts, outlets; for
    the given stories only (the ones a run placed articles in), or for all. The number of stories is kept
    in meta: the Stories screen shows it without counting the rows."""
    select = ("SELECT story, (SELECT b.id FROM articles b WHERE b.story = a.story ORDER BY coalesce(b.date, '9999'), b.id LIMIT 1), "
              "min(date), max(date), count(*), count(DISTINCT outlet) FROM articles a WHERE story IS NOT NULL")
    insert = "INSERT INTO stories(id, first_article, first_date, last_date, articles, outlets) "
    if stories is None:
        conn.execute("DELETE FROM stories")
        conn.execute(insert + select + " GROUP BY story")
    else:
        ids = sorted(stories)
        for start in range(0, len(ids), 1000):
            chunk = _json(ids[start:start + 1000])
            conn.execute("DELETE FROM stories WHERE id IN (SELECT value FROM json_each(?))", [chunk])
            conn.execute(insert + select + " AND story IN (SELECT value FROM json_each(?)) GROUP BY story", [chunk])
    total = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('stories_total', ?)", [str(total)])
