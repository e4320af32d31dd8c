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

Incremental: a run assigns only articles without a story. Candidates come from stored state (LSH band
keys in `lsh_bands`, signatures in `signatures`, entity and figure tables), never from a pass over the
corpus; a new article joins the best-matching story or starts its own. Entity edits re-link mentions
but leave story assignments alone. All of this module's SQL is here.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date as Date
from functools import cache

import numpy as np

NUM_PERM = 64  # 256 bytes a signature; Jaccard estimates within ~±0.06
SHINGLE = 5  # characters
LSH_THRESHOLD = 0.4  # bands (b, r) chosen by datasketch for this Jaccard (16 x 4): text candidates; a reprint at
# 0.7 is missed with probability 1%, while templated news at 0.15 rarely comes up (the rest is entities and figures)
NEAR_DUPLICATE = 0.7  # estimated Jaccard from which two bodies are the same text with small edits
STORY_TEXT = 0.3  # text alone this similar (in the date window) is the same story
STORY_TEXT_UNDATED = 0.45  # ... and for an undated article, with no window to narrow it
STORY_HINT = 0.1  # weaker text similarity that, with a shared figure and a rare entity, is the same story
WINDOW_DAYS = 3
MIN_SHINGLES = 30  # fewer shingles (a body of one short line): only exact copies are detected
BOILERPLATE_DOCS = 25  # a paragraph in at least this many distinct bodies (and BOILERPLATE_SHARE of them) ...
BOILERPLATE_SHARE = 0.005  # ... is boilerplate: its shingles are left out of signatures
RARE_ARTICLES = 30  # an entity or figure in at most max(this, RARE_SHARE of articles) articles is telling ...
RARE_SHARE = 0.01
TELLING_ARTICLES = 20  # ... and counts in full in at most max(this, TELLING_SHARE of articles); half above that
TELLING_SHARE = 0.002
WINDOW_FIGURE_HOLDERS = 30  # a figure that more articles state within the window (1조원) says nothing of the event
_MERSENNE = np.uint64((1 << 61) - 1)


@cache
def _minhash_template():
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return MinHash(num_perm=NUM_PERM, seed=1), lsh.hashranges


def squeeze(text: str) -> str:
    return "".join(text.split())


def paragraph_key(text: str) -> int:
    """A paragraph's identity for boilerplate counting: its text without whitespace, hashed to 63 bits."""
    return int.from_bytes(hashlib.blake2b(squeeze(text).encode(), digest_size=8).digest(), "big") >> 1


def shingle_hashes(texts: list[str]) -> np.ndarray:
    """32-bit hashes of the character 5-grams of each text (whitespace removed; none across texts)."""
    joined = "\x00".join(squeeze(t) for t in texts)  # NUL never survives cleaning: a safe boundary
    if len(joined) < SHINGLE:
        return np.zeros(0, dtype=np.uint32)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(codes) - SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):  # a polynomial over the 5 code points, mod 2^61-1: deterministic across processes
        h = (h * np.uint64(1_000_003) + codes[k:k + n]) % _MERSENNE
    boundary = np.concatenate(([0], np.cumsum(codes == 0)))
    within = boundary[SHINGLE:SHINGLE + n] == boundary[:n]  # no NUL inside the window
    # not made unique: a repeated shingle leaves a minimum unchanged, and sorting cost more than the repeats
    return (h[within] & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash of a set of 32-bit shingle hashes (datasketch's permutations, applied in one batch)."""
    from datasketch import MinHash

    template, _ = _minhash_template()
    m = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=int, permutations=template.permutations, scheme=template.scheme)
    m.update_batch(hashes.tolist())
    return m.hashvalues.astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One key per LSH band (datasketch's band layout for LSH_THRESHOLD); the band number is part of the key."""
    _, ranges = _minhash_template()
    keys = []
    for band, (start, end) in enumerate(ranges):
        digest = hashlib.blake2b(bytes([band]) + sig[start:end].tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big") >> 1)
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two bodies' shingle sets."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def _day(value: str | None) -> int | None:
    try:
        return Date.fromisoformat(value[:10]).toordinal() if value else None
    except ValueError:
        return None


# --- keeping the state when articles go -------------------------------------------------------------


def forget(conn, rows: list[tuple[int, str]]) -> None:
    """Before articles (id, body) are deleted: uncount their paragraphs, and send back to assignment the
    articles that point at them (their copies and near-duplicates), so they find another first article."""
    if not rows:
        return
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
    conn.executemany("UPDATE paragraph_docs SET docs = docs - 1 WHERE key = ?", keys)
    conn.execute("DELETE FROM paragraph_docs WHERE docs <= 0")
    again = _json([aid for aid, _ in dependants])
    conn.execute("DELETE FROM signatures WHERE article_id IN (SELECT value FROM json_each(?))", [again])
    conn.execute("DELETE FROM lsh_bands WHERE article_id IN (SELECT value FROM json_each(?))", [again])
    conn.execute("DELETE FROM figure_days WHERE article_id IN (SELECT value FROM json_each(?))", [again])
    conn.execute("UPDATE articles SET story = NULL, near_group = NULL, copy_of = NULL "
                 "WHERE id IN (SELECT value FROM json_each(?))", [again])
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('stories_stale', '1')")


# --- assignment -----------------------------------------------------------------------------------


# The placed articles in the window that state one figure (up to a bound: then it is too common to tell there)
_FIGURE_HOLDERS = "SELECT * FROM (SELECT ? AS figure, article_id FROM figure_days WHERE key = ? AND day BETWEEN ? AND ? LIMIT ?)"


def figure_key(unit: str, value: float, counter: str | None) -> int:
    digest = hashlib.blake2b(f"{unit}|{value!r}|{counter or ''}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


@dataclass(slots=True)
class _Candidate:
    id: int
    text: float = 0.0
    entities: float = 0.0  # shared rare entities, weighted: 1 for a telling one, 0.5 for a merely rare one
    figures: float = 0.0  # figures both state that few articles state (in the window, and at all), weighted so


class _Assigner:
    def __init__(self, conn) -> None:
        self.conn = conn
        total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        self.rare = max(RARE_ARTICLES, int(total * RARE_SHARE))
        self.telling = max(TELLING_ARTICLES, int(total * TELLING_SHARE))
        self._figures: tuple[int, list] = (-1, [])  # the last article's figures: asked twice while placing it
        self._weights: dict[int, float] = {}  # figure key -> weight, for this run
        self._paragraph_keys: dict[int, np.ndarray] = {}  # counted in the first pass, used when placed
        self.bodies = 0  # distinct bodies counted in paragraph_docs: set by assign() once this run's are counted

    def boilerplate(self, keys: list[int]) -> set[int]:
        floor = max(BOILERPLATE_DOCS, int(self.bodies * BOILERPLATE_SHARE))
        marks = ",".join("?" * len(keys))
        return {k for (k,) in self.conn.execute(
            f"SELECT key FROM paragraph_docs WHERE key IN ({marks}) AND docs >= ?", [*keys, floor])}

    def count_paragraphs(self, article_id: int, body: str) -> None:
        keys = [paragraph_key(p) for p in body.split("\n\n")]
        self._paragraph_keys[article_id] = np.array(keys, dtype=np.int64)  # 8 bytes a paragraph until it is placed
        self.conn.executemany(
            "INSERT INTO paragraph_docs(key, docs) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET docs = docs + 1",
            [(k,) for k in set(keys)])

    def signature_of(self, article_id: int, body: str) -> np.ndarray | None:
        paragraphs = body.split("\n\n")
        known = self._paragraph_keys.pop(article_id, None)
        keys = known.tolist() if known is not None else [paragraph_key(p) for p in paragraphs]
        common = self.boilerplate(keys)
        hashes = shingle_hashes([p for p, k in zip(paragraphs, keys) if k not in common])
        return signature(hashes) if len(hashes) >= MIN_SHINGLES else None

    def candidates(self, article_id: int, sig: np.ndarray | None, keys: list[int], day: int | None) -> dict[int, _Candidate]:
        """Placed articles that may tell the same event: similar text (any date), and, for a dated article,
        articles within the window that share a rare entity or a figure few articles state."""
        conn = self.conn
        found: dict[int, _Candidate] = {}
        if sig is not None:
            for (cid,) in conn.execute(
                "SELECT DISTINCT article_id FROM lsh_bands WHERE key IN (SELECT value FROM json_each(?))",
                [_json(keys)],
            ):
                found.setdefault(cid, _Candidate(cid))
        if day is None:
            return found  # an undated article is placed by its text alone
        window = [Date.fromordinal(day - WINDOW_DAYS).isoformat(), Date.fromordinal(day + WINDOW_DAYS).isoformat() + "~"]
        # Rare entities shared (the commonest names say nothing about which event this is)
        for cid, n in conn.execute(
            "SELECT b.article_id, sum(CASE WHEN e.articles <= ? THEN 1.0 ELSE 0.5 END) FROM article_entities a "
            "JOIN entities e ON e.id = a.entity_id "
            "JOIN article_entities b ON b.entity_id = a.entity_id AND b.article_id != a.article_id "
            "JOIN articles o ON o.id = b.article_id "
            "WHERE a.article_id = ? AND e.articles <= ? AND o.story IS NOT NULL AND o.date BETWEEN ? AND ? "
            "GROUP BY b.article_id",
            [self.telling, article_id, self.rare, *window],
        ):
            found.setdefault(cid, _Candidate(cid)).entities = n
        # Figures shared in the window: the amounts as stated (not their conversions), when few state them at all
        # (a figure in many articles, 1조원, says nothing of the event) and few in the window
        figures = [(key, self.weight(key, unit, value, counter)) for key, unit, value, counter in self.figures(article_id)]
        figures = [(key, weight) for key, weight in figures if weight]
        for start in range(0, len(figures), 100):  # one statement for many figures: a round trip each cost ~50 µs
            chunk = figures[start:start + 100]
            sql = " UNION ALL ".join([_FIGURE_HOLDERS] * len(chunk))
            params = [x for i, (key, _) in enumerate(chunk)
                      for x in (i, key, day - WINDOW_DAYS, day + WINDOW_DAYS, WINDOW_FIGURE_HOLDERS + 1)]
            holders: dict[int, list[int]] = {}
            for i, cid in conn.execute(sql, params):
                holders.setdefault(i, []).append(cid)
            for i, held in holders.items():
                if len(held) <= WINDOW_FIGURE_HOLDERS:
                    for cid in held:
                        if cid != article_id:
                            found.setdefault(cid, _Candidate(cid)).figures += chunk[i][1]
        return found

    def figures(self, article_id: int) -> list[tuple[int, str, float, str]]:
        """(key, unit, value, counter) of each distinct amount the article states (not conversions, not %)."""
        if self._figures[0] != article_id:
            self._figures = (article_id, [(figure_key(*row), *row) for row in self.conn.execute(
                "SELECT DISTINCT unit, value, coalesce(counter, '') FROM numbers WHERE article_id = ? AND converts IS NULL "
                "AND unit != '%'", [article_id])])
        return self._figures[1]

    def weight(self, key: int, unit: str, value: float, counter: str) -> float:
        """How much sharing this figure says: 1 when few bodies state it, 0.5 when rather few, else 0. Counted
        over every indexed article (placed or not, so a batch run sees the whole corpus), once per run."""
        known = self._weights.get(key)
        if known is None:
            holders = self.conn.execute(  # distinct bodies: a story's verbatim reprints do not make its figures common
                "SELECT count(*) FROM (SELECT DISTINCT a.body_hash FROM numbers n JOIN articles a ON a.id = n.article_id "
                "WHERE n.unit = ? AND n.value = ? AND coalesce(n.counter, '') = ? AND n.converts IS NULL LIMIT ?)",
                [unit, value, counter, self.rare + 1]).fetchone()[0]
            known = self._weights[key] = 1.0 if holders <= self.telling else (0.5 if holders <= self.rare else 0.0)
        return known

    def original(self, article_id: int, body_hash: str) -> tuple[int, int, int] | None:
        """(id, near_group, story) of the placed article whose body this one repeats, if any."""
        return self.conn.execute(
            "SELECT id, near_group, story FROM articles WHERE body_hash = ? AND id != ? AND copy_of IS NULL "
            "AND story IS NOT NULL ORDER BY id LIMIT 1", [body_hash, article_id]).fetchone()

    def body(self, article_id: int) -> str:
        return self.conn.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()[0]

    def assign(self, article_id: int, body_hash: str, day: int | None) -> None:
        conn = self.conn
        original = self.original(article_id, body_hash)
        if original:
            conn.execute("UPDATE articles SET copy_of = ?, near_group = ?, story = ? WHERE id = ?",
                         [original[0], original[1], original[2], article_id])
            return
        sig = self.signature_of(article_id, self.body(article_id))
        keys = band_keys(sig) if sig is not None else []
        found = self.candidates(article_id, sig, keys, day)
        near_group, story = article_id, article_id
        if found:
            ids = _json(list(found))
            # A candidate that is a copy stands for its original (the one holding the signature)
            rows = conn.execute(
                "SELECT a.id, a.date, a.near_group, a.story, s.minhash FROM articles a "
                "LEFT JOIN signatures s ON s.article_id = coalesce(a.copy_of, a.id) "
                "WHERE a.id IN (SELECT value FROM json_each(?)) AND a.story IS NOT NULL", [ids]).fetchall()
            best_near, best_story = None, None
            for cid, cdate, cgroup, cstory, blob in rows:
                c = found[cid]
                if sig is not None and blob is not None:
                    c.text = similarity(sig, np.frombuffer(blob, dtype=np.uint32))
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
        if day is not None:
            conn.executemany("INSERT OR IGNORE INTO figure_days(key, day, article_id) VALUES (?, ?, ?)",
                             [(key, day, article_id) for key, *_ in self.figures(article_id)])
        if sig is not None:
            conn.execute("INSERT OR REPLACE INTO signatures(article_id, minhash) VALUES (?, ?)", [article_id, sig.tobytes()])
            conn.executemany("INSERT OR IGNORE INTO lsh_bands(key, article_id) VALUES (?, ?)", [(k, article_id) for k in keys])
        conn.execute("UPDATE articles SET copy_of = NULL, near_group = ?, story = ? WHERE id = ?",
                     [near_group, story, article_id])


def same_event(c: _Candidate) -> bool:
    """Two dated articles in the window tell one event: their texts are alike, or they state the same telling
    figures and name the same rare entity (a rewrite shares facts, not words). Two events of the same companies
    share names but not figures."""
    return (c.text >= STORY_TEXT or c.figures >= 3 or (c.figures >= 2 and c.entities >= 1)
            or (c.figures >= 1 and c.entities >= 1 and c.text >= STORY_HINT))


def _json(values: list[int]) -> str:
    return "[" + ",".join(str(int(v)) for v in values) + "]"


def assign(conn, progress=None) -> int:
    """Put every article without a story into one (earliest first, so the first telling starts it); then
    refresh the per-story rows. Returns how many articles were assigned."""
    todo = conn.execute(
        "SELECT id, body_hash, date FROM articles WHERE story IS NULL ORDER BY coalesce(date, '9999'), id").fetchall()
    stale = conn.execute("SELECT value FROM meta WHERE key = 'stories_stale'").fetchone()
    if not todo and not (stale and stale[0] == "1"):
        return 0
    with conn:
        assigner = _Assigner(conn)
        # Count every new body's paragraphs first: a disclaimer that this run makes common is boilerplate for
        # all of its articles, not only for those placed after it crossed the line. Bodies are read one at a
        # time: a run of 100k articles never holds them all.
        seen: set[str] = set()
        for article_id, body_hash, _ in todo:
            if body_hash not in seen and assigner.original(article_id, body_hash) is None:
                assigner.count_paragraphs(article_id, assigner.body(article_id))
            seen.add(body_hash)
        assigner.bodies = conn.execute("SELECT count(*) FROM articles WHERE copy_of IS NULL AND story IS NOT NULL").fetchone()[0] \
            + len(seen)
        for article_id, body_hash, date in todo:
            assigner.assign(article_id, body_hash, _day(date))
        refresh_story_rows(conn)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('stories_stale', '0')")
    return len(todo)


def refresh_story_rows(conn) -> None:
    """One row per story: its first article (earliest date, then first indexed), dates, counts, outlets."""
    conn.execute("DELETE FROM stories")
    conn.execute(
        "INSERT INTO stories(id, first_article, first_date, last_date, articles, outlets) "
        "SELECT story, (SELECT b.id FROM articles b WHERE b.story = a.story ORDER BY coalesce(b.date, '9999'), b.id LIMIT 1), "
        "min(date), max(date), count(*), count(DISTINCT outlet) FROM articles a WHERE story IS NOT NULL GROUP BY story"
    )


# --- what each telling adds (read side; no SQL) ----------------------------------------------------

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
