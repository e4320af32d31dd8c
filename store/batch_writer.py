"""Writing extracted files into the index: a file's rows (its file row, articles, paragraphs, numbers, candidates,
signatures and search rows) in the caller's transaction, batched by BatchWriter so a batch always holds whole files;
and deleting a file's articles with their search rows. Kept apart from the run that drives it (store.indexer)."""
from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

from . import linker, stories
from .pipeline import ExtractedFile, article_grams
from .pipeline import heading_grams as pipeline_heading_grams
from .db import HEADINGS, HEADINGS_TABLE, SEARCH_TABLE, WRITER_COUNTS_NUMBERS, article_total, has_index
from .results import FileProblem, IndexSummary
from .search_terms import record_terms
from .textindex import NUMBER_STARTS, fts_rowid, has_tags, index_grams, number_starts, outlet_term


NUMBERS_TOTAL = "numbers_total"  # meta: count(*) of numbers, kept until a write changes the articles


def numbers_total(conn: sqlite3.Connection) -> int:
    """The count of numbers, kept in meta: every write of a file's rows moves it in the same transaction
    (_move_numbers_total), so a run never counts 3.2M rows (1.25 s cold at 100k). Counted once where missing."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [NUMBERS_TOTAL]).fetchone()
    if row:
        return int(row[0])
    total = conn.execute("SELECT count(*) FROM numbers").fetchone()[0]
    try:
        with conn:
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [NUMBERS_TOTAL, str(total)])
    except sqlite3.OperationalError:  # another writer: counted again next time
        pass
    return total


def _move_numbers_total(conn: sqlite3.Connection, change: int) -> None:
    if change:  # a missing count stays missing: the end of the run counts the rows
        conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = ?", [change, NUMBERS_TOTAL])


class NumberCounts:
    """A batch's numbers counted by unit, by article and by both, written once at the batch's commit instead of by
    the insert triggers a number at a time (db.ADDITIONS numbers_counted_by_batch: they step aside while this
    transaction holds the meta row WRITER_COUNTS_NUMBERS). In a file whose triggers cannot step aside, this counts
    nothing and the triggers count as before."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # every insert trigger on numbers steps aside for the row, and both of ours are there (the count tables too)
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'numbers' "
                                "AND sql LIKE '%AFTER INSERT%'").fetchall()
        self.enabled = {name for name, _ in triggers} >= {"numbers_counted", "numbers_counted_in_unit"} and all(
            WRITER_COUNTS_NUMBERS in sql for _, sql in triggers) and conn.isolation_level is not None  # not autocommit:
        # there the row would be committed on its own, and other writers' numbers left uncounted until it goes
        self.marked = False  # the meta row is written in the open transaction
        self.by_unit_article: Counter[tuple[str, int]] = Counter()

    def add(self, numbers: list[tuple]) -> None:
        """Count the rows about to be inserted (in the order of _write_file_rows' INSERT: article id second, unit
        ninth)."""
        if not self.enabled or not numbers:
            return
        if not self.marked:
            self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, '1')", [WRITER_COUNTS_NUMBERS])
            self.marked = True
        self.by_unit_article.update((row[8], row[1]) for row in numbers)

    def write(self) -> None:
        """The counts into their tables, and the meta row gone, before the batch commits."""
        if not self.marked:
            return
        by_unit: Counter[str] = Counter()
        by_article: Counter[int] = Counter()
        for (unit, article_id), n in self.by_unit_article.items():
            by_unit[unit] += n
            by_article[article_id] += n
        conn = self.conn
        conn.executemany("INSERT INTO number_unit_counts VALUES (?, ?) ON CONFLICT(unit) DO UPDATE SET n = n + excluded.n",
                         list(by_unit.items()))
        conn.executemany("INSERT INTO article_number_counts VALUES (?, ?) "
                         "ON CONFLICT(article_id) DO UPDATE SET n = n + excluded.n", list(by_article.items()))
        conn.executemany("INSERT INTO unit_article_counts VALUES (?, ?, ?) "
                         "ON CONFLICT(unit, article_id) DO UPDATE SET n = n + excluded.n",
                         [(unit, article_id, n) for (unit, article_id), n in self.by_unit_article.items()])
        conn.execute("DELETE FROM meta WHERE key = ?", [WRITER_COUNTS_NUMBERS])
        self.clear()

    def clear(self) -> None:
        self.marked = False
        self.by_unit_article.clear()


def heading_grams(title: str | None, subtitle: str | None, captions: str = "[]") -> str:
    """The search text of an article's headline, deck and photo captions (JSON list, as stored): all rank above the body."""
    return pipeline_heading_grams(title, subtitle, json.loads(captions or "[]"))


def _search_rows(conn: sqlite3.Connection, rows: list[tuple[int, str, str, str]], delete: bool = False) -> None:
    """Insert (or `delete`: a contentless table needs the old values) search rows (rowid, body, heading, tags), and
    their headings where the file keeps them apart (db.HEADINGS); a file made before the tags column takes the first
    three values."""
    if has_tags(conn):
        conn.executemany(_fts_insert("articles_fts", "body, title, tags", delete), rows)
    else:
        conn.executemany(_fts_insert("articles_fts", "body, title", delete), [row[:3] for row in rows])
    if has_index(conn, HEADINGS, "table"):
        conn.executemany(_fts_insert(HEADINGS, "title, tags", delete),
                         [(rowid, heading, tags) for rowid, _, heading, tags in rows])


def _fts_insert(table: str, columns: str, delete: bool = False) -> str:
    """The statement that adds a row (rowid, `columns`) to an FTS5 table of ours, or deletes it: FTS5's delete is an
    insert that names the table and says 'delete', with the row's old values."""
    command, value = (f"{table}, ", "'delete', ") if delete else ("", "")
    marks = ", ".join("?" * (columns.count(",") + 1))
    return f"INSERT INTO {table}({command}rowid, {columns}) VALUES ({value}?, {marks})"


_STORED = "id, date, title, subtitle, captions, body, outlet"  # an article's columns its search row is made from
_HEADED = "id, date, title, subtitle, captions, outlet"  # ... and its headings row (db.HEADINGS)


def _heading_row(aid: int, date, title, subtitle, captions: str, outlet) -> tuple[int, str, str]:
    """A stored article's headings row (_HEADED's columns): rowid, heading tokens and outlet tag, as its search row
    holds them."""
    return fts_rowid(aid, date), heading_grams(title, subtitle, captions), outlet_term(outlet)


def _search_row(aid: int, date, title, subtitle, captions: str, body: str, outlet) -> tuple[int, str, str, str]:
    """A stored article's search row as the writer made it (_STORED's columns): what a delete or a rewrite gives."""
    rowid, heading, tag = _heading_row(aid, date, title, subtitle, captions, outlet)
    return rowid, index_grams(body), heading, tag


def delete_articles(conn: sqlite3.Connection, where: str, params: list) -> int:
    """Delete articles and their search rows (a contentless FTS5 table needs the old values to delete)."""
    rows = conn.execute(f"SELECT {_STORED} FROM articles WHERE {where}", params).fetchall()
    if not rows:
        return 0
    stories.forget(conn, [(aid, body) for aid, _, _, _, _, body, _ in rows])
    _move_numbers_total(conn, -conn.execute("SELECT count(*) FROM numbers WHERE article_id IN (SELECT value FROM json_each(?))",
                                            [json.dumps([row[0] for row in rows])]).fetchone()[0])
    _search_rows(conn, [_search_row(*row) for row in rows], delete=True)
    conn.executemany("DELETE FROM articles WHERE id = ?", [(row[0],) for row in rows])
    return len(rows)


MARKING_CHUNK = 2_000  # articles read (with their bodies) at a time while their search rows are written again


def mark_number_starts(conn: sqlite3.Connection, tell: Callable[[str], None]) -> bool:
    """Write the search table again with numbers' starts marked (textindex.NUMBER_MARK) and `%` kept in its tokens,
    for a file whose rows have none (made before them): once, in one transaction, so a reader sees the old rows (and
    asks without marks) or the new ones (and asks with them), never a mix; a stopped run leaves the old ones. The log
    file grows to about the search table's size meanwhile. SQLite only (PostgreSQL's rows have no marks, nor do its
    queries). Whether it wrote anything."""
    if number_starts(conn):
        return False
    with _whole_or_nothing(conn, tell, "writing the search index again once, so that a number in a query matches "
                           "only where a number starts (1조 no longer finds 21조)"):
        # made again, not emptied: its tokenizer keeps `%` in a token now (db.SCHEMA); the headings are made after it,
        # with the marks (write_headings)
        conn.execute("DROP TABLE articles_fts")
        conn.execute(f"DROP TABLE IF EXISTS {HEADINGS}")
        conn.execute(SEARCH_TABLE)
        written: set[str] = set()
        last = 0
        while True:
            rows = conn.execute(f"SELECT {_STORED} FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                                [last, MARKING_CHUNK]).fetchall()
            if not rows:
                break
            last = rows[-1][0]
            search = [_search_row(*row) for row in rows]
            _search_rows(conn, search)
            terms = record_terms(conn, search, written)
            if len(written) < TERMS_KEPT:
                written |= terms
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, '1')", [NUMBER_STARTS])
    return True


def write_headings(conn: sqlite3.Connection, tell: Callable[[str], None]) -> bool:
    """Make the search rows' headings table (db.HEADINGS) for a file made before it, from the stored articles, in one
    transaction (a stopped run leaves none, and the rows are ranked from the search table as before). Whether it
    wrote anything."""
    if has_index(conn, HEADINGS, "table"):
        return False
    with _whole_or_nothing(conn, tell, "keeping the headlines' search rows apart once, so that ranking a big answer "
                           "reads them alone"):
        conn.execute(HEADINGS_TABLE)
        last = 0
        while rows := conn.execute(f"SELECT {_HEADED} FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                                   [last, MARKING_CHUNK]).fetchall():
            last = rows[-1][0]
            conn.executemany(_fts_insert(HEADINGS, "title, tags"), [_heading_row(*row) for row in rows])
    return True


@contextmanager
def _whole_or_nothing(conn: sqlite3.Connection, tell: Callable[[str], None], doing: str) -> Iterator[None]:
    """A rewrite of a whole table over every article, said first (`doing`, with the count, when there are any): one
    write transaction, begun at once (no other writer between its reads and its writes) and rolled back whole if
    anything stops it, so readers see it before or after, never half done."""
    total = article_total(conn)
    if total:
        tell(f"{doing}: {total:,} articles")
    if conn.in_transaction:
        conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


BATCH_FILES = 512  # files per transaction at most ...
BATCH_SECONDS = 1.0  # ... and a commit at least this often at first, so readers (the app, a search) see progress,
BATCH_SECONDS_MAX = 8.0  # ... doubling after each commit up to this: each commit into a big index rewrites most
# leaves of its randomly keyed B-trees (numbers by value, articles by body hash): adding 1,000 to 100k committed 19
# times on a loaded machine, 11.6 s of wall and 1.8 s of CPU in the commits; with fewer, larger batches 6.2 / 1.15 s


TERMS_KEPT = 2_000_000  # search terms a run remembers as written (~100 bytes each); past it, later batches check more


class BatchWriter:
    """Writes extracted files in transactions of many files: a transaction per file cost more than the rows
    (FTS5 flushes a segment at every commit). Each file is still whole or absent after a kill -9: a batch
    holds whole files, and a re-run indexes the files of a batch that never committed. Batches start at one
    file and one second and double, so the first results are readable at once and a failure early loses little."""

    def __init__(self, conn: sqlite3.Connection, summary: IndexSummary) -> None:
        self.conn = conn
        self.summary = summary
        self.committed = 0  # files in committed batches
        self.pending = 0  # files written in the open batch
        self.limit = 1
        self.seconds = BATCH_SECONDS  # the open batch commits after this long, whatever its size
        self.opened = time.perf_counter()
        self._ids: dict[str, int] = {}
        self._added = 0
        # search rows wait for the commit, to go in by rowid: FTS5 flushes its pending terms as a new segment
        # whenever a rowid is lower than the last one written, and rowids are by date (c5k: 0.62 -> 0.44 ms a row)
        self._search: list[tuple[int, str, str, str]] = []
        # the search terms of this run's committed batches (in search_terms): a batch checks and inserts only new ones
        self._terms: set[str] = set()
        self._terms_pending: set[str] = set()
        self._counts = NumberCounts(conn)

    def _next_id(self, table: str) -> int:
        """Row ids handed out here (inside the write transaction, so no other writer takes them): rows that
        refer to each other (a number and the one it converts) go in with one executemany."""
        if table not in self._ids:
            self._ids[table] = self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        self._ids[table] += 1
        return self._ids[table]

    def add(self, extracted: ExtractedFile, digest: str, size: int, mtime: float) -> None:
        self._added += _write_file_rows(self.conn, extracted, digest, size, mtime, self.summary, self._next_id,
                                        self._search, self._counts)
        self.pending += 1
        if self.pending >= self.limit or time.perf_counter() - self.opened >= self.seconds:
            self.commit()

    def commit(self) -> None:
        if self._search:
            self._search.sort(key=lambda row: row[0])
            _search_rows(self.conn, self._search)
            self._terms_pending = record_terms(self.conn, self._search, self._terms)
            self._search.clear()
        self._counts.write()
        if self.pending:
            linker.mark_stale(self.conn)
            self.conn.commit()
            if len(self._terms) < TERMS_KEPT:
                self._terms |= self._terms_pending
            self.summary.articles_added += self._added
            self.committed += self.pending
            self.limit = min(BATCH_FILES, self.limit * 2)
            self.seconds = min(BATCH_SECONDS_MAX, self.seconds * 2)
        self.pending = self._added = 0
        self._ids.clear()
        self._terms_pending = set()
        self.opened = time.perf_counter()

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.rollback()
        self.pending = self._added = 0
        self._ids.clear()
        self._search.clear()
        self._counts.clear()
        self._terms_pending = set()


def write_file(db, extracted: ExtractedFile, digest: str, size: int, mtime: float, summary: IndexSummary) -> int:
    """One file in its own transaction (tests, and callers writing a single file)."""
    conn = db.conn if hasattr(db, "conn") else db
    before = summary.articles_added
    writer = BatchWriter(conn, summary)
    writer.add(extracted, digest, size, mtime)
    writer.commit()
    return summary.articles_added - before


def _write_file_rows(conn: sqlite3.Connection, extracted: ExtractedFile, digest: str, size: int, mtime: float,
                     summary: IndexSummary, next_id: Callable[[str], int],
                     search_rows: list[tuple[int, str, str, str]] | None = None,
                     counts: NumberCounts | None = None) -> int:
    """A file's rows, in the caller's transaction; returns how many articles it added. Its search rows (rowid,
    body tokens, heading tokens, tags) go to `search_rows` when given, for the caller to insert before it commits; its
    numbers are counted by `counts` when given (written before that commit), else by the triggers."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    status = "failed" if extracted.error else ("partial" if extracted.warnings else "ok")
    for warning in extracted.warnings:
        summary.warnings.append(FileProblem(extracted.path, warning))
    if extracted.error:
        summary.failed.append(FileProblem(extracted.path, extracted.error))
    else:
        summary.files_indexed += 1
    conn.execute(
        "INSERT INTO files(path, hash, size, mtime, status, error, indexed_at) VALUES (?,?,?,?,?,?,?) "
        "ON CONFLICT(path) DO UPDATE SET hash=excluded.hash, size=excluded.size, mtime=excluded.mtime, "
        "status=excluded.status, error=excluded.error, indexed_at=excluded.indexed_at",
        [extracted.path, digest, size, mtime, status, extracted.error or "; ".join(extracted.warnings) or None, now],
    )
    # not RETURNING: beside FTS5 inserts in one transaction that cost 0.15 ms more a file than this lookup
    file_id = conn.execute("SELECT id FROM files WHERE path = ?", [extracted.path]).fetchone()[0]
    summary.articles_removed += delete_articles(conn, "file_id = ?", [file_id])
    articles, paragraphs, search, numbers, candidates, signatures = [], [], [], [], [], []
    for item in extracted.articles:
        a = item.article  # a reprint of another article's body is kept too: the story step marks it a copy
        article_id = next_id("articles")
        articles.append((article_id, file_id, a.source, a.title, a.subtitle, a.outlet,
                         json.dumps(a.reporters, ensure_ascii=False), a.date, a.date_text, a.url, a.title_from,
                         json.dumps(a.captions, ensure_ascii=False), a.body, len(a.body), item.body_hash))
        paragraphs.extend((article_id, i, s, e) for i, (s, e) in enumerate(a.paragraphs))
        heading, body = item.grams or article_grams(a)
        search.append((fts_rowid(article_id, a.date), body, heading, outlet_term(a.outlet)))
        ids = [next_id("numbers") for _ in item.numbers]
        numbers.extend((ids[i], article_id, paragraph, n.start, n.end, n.raw, n.value, n.value_max, n.unit, n.counter,
                        n.qualifier, n.period, ids[n.converts] if n.converts is not None and n.converts < len(ids) else None)
                       for i, (paragraph, n) in enumerate(item.numbers))
        candidates.extend((article_id, c.name, c.type, json.dumps(c.aliases, ensure_ascii=False) if c.aliases else "[]",
                           c.evidence, getattr(c, "count", 1)) for c in item.candidates)
        if item.signature is not None:  # made by the worker; the story step re-signs a body that holds boilerplate
            signatures.append((article_id, item.signature))
    conn.executemany(
        "INSERT INTO articles(id, file_id, source, title, subtitle, outlet, reporters, date, date_text, url, title_from, "
        "captions, body, chars, body_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", articles)
    conn.executemany('INSERT INTO paragraphs(article_id, idx, start, "end") VALUES (?,?,?,?)', paragraphs)
    if search_rows is None:
        _search_rows(conn, search)
        record_terms(conn, search)
    else:
        search_rows.extend(search)
    if counts is not None:
        counts.add(numbers)
    # a number refers to the one it converts by id (a later id is fine: foreign keys are checked at the statement's end)
    conn.executemany(
        'INSERT INTO numbers(id, article_id, paragraph, start, "end", raw, value, value_max, unit, counter, qualifier, '
        "period, converts) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", numbers)
    conn.executemany("INSERT INTO candidates(article_id, name, type, aliases, evidence, count) VALUES (?,?,?,?,?,?)",
                     candidates)
    conn.executemany("INSERT INTO signatures(article_id, minhash) VALUES (?, ?)", signatures)
    _move_numbers_total(conn, len(numbers))
    return len(articles)
