"""Build and refresh the index: changed files are extracted (in worker processes), then written in batches.

Crash safety: a file's row, articles, numbers and search rows are committed together (a batch holds whole
files), so a `kill -9` leaves every file either fully indexed or not at all; re-running indexes what is
missing. Entity mentions are re-linked at the end of a run (and on the next run if that one was interrupted).
One run at a time writes to an index: a second waits for the first (`_one_indexer`).
"""
from __future__ import annotations

import hashlib
import itertools
import json
import multiprocessing
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

from . import linker, stories
from .linking.pool import on_demand_workers
from .db import DatabaseError
from .pipeline import ExtractedFile, article_grams, shared_extractor, worker_extract, worker_init
from .pipeline import heading_grams as pipeline_heading_grams
from .ingest.readers import discover_files
from .results import FileProblem, IndexSummary
from .textindex import fts_rowid, has_tags, index_grams, outlet_term, record_terms

Progress = Callable[[int, int, str], None]  # (files done, files total, current path)

SMALL_JOB = 8  # below this many changed files, extract in-process rather than start workers


def _file_hash(path: Path) -> tuple[str, int, float]:
    digest = hashlib.blake2b(digest_size=16)
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    stat = path.stat()
    return digest.hexdigest(), stat.st_size, stat.st_mtime


def index_paths(
    db: sqlite_utils.Database | sqlite3.Connection,
    paths: list[Path],
    *,
    prune: bool = False,
    workers: int | None = None,
    use_analyzer: bool = False,
    progress: Progress | None = None,
    on_wait: Callable[[str], None] | None = None,
    on_note: Callable[[str], None] | None = None,
) -> IndexSummary:
    """Index what changed under `paths`. `on_wait` hears one line when another run holds this index (the
    default writes it to stderr); this run then waits for that one and does what is left. `on_note` hears one
    line before a long step the files alone do not explain (re-matching every article after the matching rules
    changed; default: stderr)."""
    started = time.perf_counter()
    if isinstance(db, sqlite3.Connection):
        db = sqlite_utils.Database(db)
    with _one_indexer(db.conn, on_wait), _writer_settings(db.conn):
        return _index_paths(db, paths, prune=prune, workers=workers, use_analyzer=use_analyzer, progress=progress,
                            started=started, on_note=on_note or _tell_stderr)


CACHE_KIB = 128 * 1024  # the writer's page cache: a big index's B-tree pages stay read between batches (default 2 MB)
CHECKPOINT_PAGES = 65_536  # WAL pages (256 MB) between checkpoints: a page written by several batches is copied once.
# Adding 1,000 to 100k writes into most leaves of the randomly keyed B-trees (numbers by value, mentions by entity,
# LSH bands, paragraph counts) in every batch, the link and the story step: with 64 MB it wrote 1.9 GB, with 256 MB
# 0.7 GB (30-34 s wall against 36 s at load 6-7). The log file grows to ~256 MB during a run; SQLite removes it
# when the last connection closes (the CLI's, after the run).


@contextmanager
def _writer_settings(conn: sqlite3.Connection):
    """For the run: a larger page cache, and checkpoints every 64 MB of log rather than every 4 MB. Adding 1,000
    articles to 100k wrote their rows into big B-trees and full-text segments through a 2 MB cache, and each of
    its ~30 commits checkpointed (copied and synced) the pages written since the last one; most were the same
    interior and tail pages each time. The caller's connection gets its settings back."""
    before = [conn.execute(f"PRAGMA {name}").fetchone()[0] for name in ("cache_size", "wal_autocheckpoint")]
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {before[0]}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {before[1]}")


def _index_paths(db: sqlite_utils.Database, paths: list[Path], *, prune: bool, workers: int | None,
                 use_analyzer: bool, progress: Progress | None, started: float,
                 on_note: Callable[[str], None] = print) -> IndexSummary:
    summary = IndexSummary()
    files, problems = discover_files(paths)
    for path, reason in problems:
        summary.failed.append(FileProblem(path, reason))
    summary.files_seen = len(files) + len(problems)

    known = _stored_files(db.conn, [key for key, _ in files])
    todo: list[tuple[str, str, int, float]] = []
    restat: list[tuple[int, float, int]] = []
    skipped = 0  # unchanged files, good or failed: not extracted again
    for key, shown in files:
        row = known.get(key)
        try:
            stat = os.stat(key)
            if row and row[1] and row[3] == stat.st_size and row[4] == stat.st_mtime:
                digest, size, mtime = row[1], stat.st_size, stat.st_mtime  # unchanged: not read again
            else:
                digest, size, mtime = _file_hash(Path(key))
        except OSError as err:
            summary.failed.append(FileProblem(shown, f"cannot read: {err.strerror or err}"))
            continue
        if row and row[1] == digest:
            if (row[3], row[4]) != (size, mtime):  # touched, not changed: not hashed again next time
                restat.append((size, mtime, row[0]))
            skipped += 1
            if row[2] == "failed":  # failed before, unchanged: it fails again, counted once (as failed)
                summary.failed.append(FileProblem(key, _stored_error(db, key)))
            else:
                summary.files_unchanged += 1
            continue
        todo.append((key, digest, size, mtime))
    del files, known  # every path and its stored row (~1 GB at 1M): not held while extracting and linking

    writer = _BatchWriter(db.conn, summary)
    try:
        with _extraction_pool(len(todo), workers, use_analyzer) as pool, _link_pool(pool, workers) as link_pool:
            if restat:
                with db.conn:
                    db.conn.executemany("UPDATE files SET size = ?, mtime = ? WHERE id = ?", restat)
            if prune:
                summary.files_pruned, summary.articles_removed = _prune(db)

            done = skipped
            total = summary.files_seen
            if progress:
                progress(done, total, "")
            for extracted, (key, digest, size, mtime) in zip(_extract_all(todo, pool, use_analyzer), todo):
                writer.add(extracted, digest, size, mtime)
                done += 1
                if progress:
                    progress(done, total, key)
            writer.commit()
            wrote = bool(todo)
            del todo, restat  # a tuple a changed file (1M at a first build of 1M): not held through the link

            if wrote or summary.files_pruned or linker.needs_link(db):
                linker.link(db, pool=link_pool, rules=True, tell=on_note)
            stories.assign(db.conn, tell=on_note)  # after linking: stories weigh shared entities; a no-op when all are placed
    except sqlite3.OperationalError as err:
        # Disk full, a read-only file, an I/O error: stop. Files are committed in whole batches, so the files
        # written so far stay indexed and a re-run (with room to write) finishes the job.
        writer.rollback()
        raise DatabaseError(f"cannot write the index ({err}); {writer.committed} files written before it stay indexed") from None
    except BaseException:
        writer.rollback()
        raise
    summary.failed.sort(key=lambda p: p.path)
    summary.files_failed = len(summary.failed)
    summary.articles_total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    _compact(db.conn, summary.articles_added, summary.articles_total)
    # entities the corpus names: the alias file's ~500 rows are not found entities until an article mentions them
    summary.entities_total = db.execute("SELECT count(*) FROM entities WHERE mentions > 0").fetchone()[0]
    # the linker keeps each entity's count (7M mention rows at 100k took 1.8 s to count, cold)
    summary.mentions_total = db.execute("SELECT coalesce(sum(mentions), 0) FROM entities").fetchone()[0]
    summary.numbers_total = _numbers_total(db.conn)
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


FILES_LOOKED_UP = 4  # paths are looked up one by one when the index holds this many times more files


def _stored_files(conn: sqlite3.Connection, paths: list[str]) -> dict[str, list]:
    """{path: [id, hash, status, size, mtime]} of the stored files among `paths`. A re-run over the whole folder
    reads every row at once (tuples, not sqlite_utils' dicts: a million rows); adding a folder of 1,000 to 100k
    looks its paths up instead (reading all 100k rows was 0.15 s CPU, 0.4 s cold)."""
    stored = conn.execute("SELECT coalesce(max(id), 0) FROM files").fetchone()[0]  # an upper bound on the rows, O(1)
    if len(paths) * FILES_LOOKED_UP > stored:
        return {path: rest for path, *rest in conn.execute("SELECT path, id, hash, status, size, mtime FROM files")}
    known: dict[str, list] = {}
    for start in range(0, len(paths), 10_000):
        known.update((path, rest) for path, *rest in conn.execute(
            "SELECT path, id, hash, status, size, mtime FROM files WHERE path IN (SELECT value FROM json_each(?))",
            [json.dumps(paths[start:start + 10_000], ensure_ascii=False)]))
    return known


NUMBERS_TOTAL = "numbers_total"  # meta: count(*) of numbers, kept until a write changes the articles


def _numbers_total(conn: sqlite3.Connection) -> int:
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


# --- one indexer at a time ------------------------------------------------------------------------


def _database_file(conn: sqlite3.Connection) -> str | None:
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or None  # "" for an in-memory database
    return None


@contextmanager
def _one_indexer(conn: sqlite3.Connection, on_wait: Callable[[str], None] | None):
    """Hold the index's indexer lock for the run: a second `hanscope index` on the same file waits (after one
    line saying so) instead of writing beside the first. The lock is an flock on `FILE-indexing`, which the
    system releases when a process dies, even by kill -9, so a crashed run never leaves the index locked;
    the run that holds it removes the file when done."""
    path = _database_file(conn)
    if path is None or fcntl is None:  # in memory; or no flock (Windows): SQLite's own locking only
        yield
        return
    lock_path = path + "-indexing"
    told = False
    while True:
        try:
            handle = open(lock_path, "a+b")
        except OSError:  # a read-only folder: nothing can index into it anyway, and SQLite says so
            yield
            return
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not told:
                message = f"another `hanscope index` is writing to {path}: waiting for it to finish…"
                (on_wait or _tell_stderr)(message)
                told = True
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:  # the holder before us may have removed the file it locked: then lock the one at the path now
            same = os.fstat(handle.fileno()).st_ino == os.stat(lock_path).st_ino
        except OSError:
            same = False
        if same:
            break
        handle.close()
    try:
        yield
    finally:
        try:
            os.unlink(lock_path)  # while still holding it: a waiter then sees its file is gone and retries
        except OSError:
            pass
        handle.close()


def _tell_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- extraction -----------------------------------------------------------------------------------

IN_FLIGHT_PER_WORKER = 16  # files handed to a worker ahead of the writer: results waiting to be written cost memory
FILES_PER_TASK = 4  # files a worker extracts per task: each task costs the pool's bookkeeping in the writer process


@contextmanager
def _extraction_pool(files: int, workers: int | None, use_analyzer: bool):
    """Worker processes for extraction (and the linker's matching), or None to work in this process."""
    if workers is None:
        workers = 0 if files < SMALL_JOB else max(1, min(os.cpu_count() or 1, 4))
    if workers == 0:
        yield None
        return
    # spawn, not fork: an analyzer inherited through fork() hangs the child (DESIGN.md).
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=worker_init, initargs=(use_analyzer,))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _link_pool(extraction_pool: ProcessPoolExecutor | None, workers: int | None):
    """The link's worker processes: the extraction's, or, for a run with few files to extract, processes started
    only if the link reaches many articles (new matching rules re-match them all: 134 s of one core at 100k with
    no changed file; a new alias file or a pruned file reach what they change)."""
    if extraction_pool is not None or workers == 0:
        yield extraction_pool
        return
    with on_demand_workers() as pool:
        yield pool


def _extract_all(todo: list[tuple[str, str, int, float]], pool: ProcessPoolExecutor | None,
                 use_analyzer: bool) -> Iterator[ExtractedFile]:
    paths = [key for key, *_ in todo]
    if pool is None:
        for path in paths:
            yield _extract_or_report(shared_extractor(use_analyzer).extract_file, path)
        return
    # A bounded window rather than pool.map: map submits every file at once, and when the writer is slower
    # than the workers their results pile up in memory (1.2 GB in the parent at 100k files). Files go in tasks of
    # a few: a task per file cost the writer process ~0.1 ms of the pool's bookkeeping (futures, queues, pickling).
    per_task = max(1, min(FILES_PER_TASK, len(paths) // (2 * pool._max_workers)))  # small jobs: every worker busy
    window = max(1, IN_FLIGHT_PER_WORKER // per_task) * pool._max_workers
    tasks = (paths[i : i + per_task] for i in range(0, len(paths), per_task))
    pending: deque = deque()
    for task in itertools.islice(tasks, window):
        pending.append(pool.submit(_worker_extract_files, task))
    while pending:
        results = pending.popleft().result()
        for task in itertools.islice(tasks, 1):
            pending.append(pool.submit(_worker_extract_files, task))
        yield from results


def _extract_or_report(extract: Callable[[str], ExtractedFile], path: str) -> ExtractedFile:
    """An unexpected error on one odd file (RecursionError on 100k nested JSON arrays) fails that file, not the run."""
    try:
        return extract(path)
    except Exception as err:  # noqa: BLE001 - whatever it is, the user gets the file and one line, the rest is indexed
        reason = " ".join(f"{type(err).__name__}: {err}".split())
        return ExtractedFile(path=path, error=f"could not be read ({reason[:200]})")


def _worker_extract_or_report(path: str) -> ExtractedFile:
    return _extract_or_report(worker_extract, path)


def _worker_extract_files(paths: list[str]) -> list[ExtractedFile]:
    return [_extract_or_report(worker_extract, path) for path in paths]


def heading_grams(title: str | None, subtitle: str | None, captions: str = "[]") -> str:
    """The search text of an article's headline, deck and photo captions (JSON list, as stored): all rank above the body."""
    return pipeline_heading_grams(title, subtitle, json.loads(captions or "[]"))


def _search_rows(conn: sqlite3.Connection, sql: str, rows: list[tuple[int, str, str, str]]) -> None:
    """Insert or delete search rows (rowid, body, heading, tags) with `sql` (its `{tags}` and `{more}` mark the tags
    column): a file made before that column takes the first three values."""
    if has_tags(conn):
        conn.executemany(sql.format(tags=", tags", more=", ?"), rows)
    else:
        conn.executemany(sql.format(tags="", more=""), [row[:3] for row in rows])


_INSERT_SEARCH = "INSERT INTO articles_fts(rowid, body, title{tags}) VALUES (?, ?, ?{more})"


def _stored_error(db: sqlite_utils.Database, key: str) -> str:
    row = db.execute("SELECT error FROM files WHERE path = ?", [key]).fetchone()
    return (row[0] if row else None) or "failed"


def _delete_articles(conn: sqlite3.Connection, where: str, params: list) -> int:
    """Delete articles and their search rows (a contentless FTS5 table needs the old values to delete)."""
    rows = conn.execute(f"SELECT id, date, title, subtitle, captions, body, outlet FROM articles WHERE {where}",
                        params).fetchall()
    if not rows:
        return 0
    stories.forget(conn, [(aid, body) for aid, _, _, _, _, body, _ in rows])
    _move_numbers_total(conn, -conn.execute("SELECT count(*) FROM numbers WHERE article_id IN (SELECT value FROM json_each(?))",
                                            [json.dumps([row[0] for row in rows])]).fetchone()[0])
    _search_rows(conn, "INSERT INTO articles_fts(articles_fts, rowid, body, title{tags}) VALUES ('delete', ?, ?, ?{more})",
                 [(fts_rowid(aid, date), index_grams(body), heading_grams(title, subtitle, captions), outlet_term(outlet))
                  for aid, date, title, subtitle, captions, body, outlet in rows])
    conn.executemany("DELETE FROM articles WHERE id = ?", [(row[0],) for row in rows])
    return len(rows)


# --- writing --------------------------------------------------------------------------------------


COMPACT_SHARE = 0.5  # a run that added at least this share of the index's articles compacts the file (_compact)


def _room_to_compact(conn: sqlite3.Connection) -> bool:
    """VACUUM writes a temporary copy of the file (in SQLite's temp folder) and then the whole file again through
    the write-ahead log beside it: it needs about the file's size twice over next to it and once in the temp
    folder. Without that room it is not tried (a disk filled to its end troubles every program on it)."""
    path = _database_file(conn)
    if path is None:
        return True  # in memory
    size = conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]  # WAL too
    # SQLite's own order of temp folders on Unix (os.c: unixTempFileDir); elsewhere the system's
    temp = [os.environ.get("SQLITE_TMPDIR"), os.environ.get("TMPDIR"), "/var/tmp", "/usr/tmp", "/tmp"] \
        if os.name == "posix" else [tempfile.gettempdir()]
    temp_dir = next((d for d in temp if d and os.path.isdir(d) and os.access(d, os.W_OK | os.X_OK)), ".")
    try:
        here, there = shutil.disk_usage(os.path.dirname(os.path.abspath(path))), shutil.disk_usage(temp_dir)
    except OSError:
        return False
    if os.stat(os.path.dirname(os.path.abspath(path))).st_dev == os.stat(temp_dir).st_dev:
        return here.free >= 3.2 * size
    return here.free >= 2.2 * size and there.free >= 1.1 * size


def _compact(conn: sqlite3.Connection, added: int, total: int) -> bool:
    """After a run that wrote most of the index (a first build, a doubling): merge the search table's segments
    into one (FTS5 'optimize') and rewrite the file without the slack that rows inserted out of key order leave
    in half-full pages (VACUUM). c5k: 124.5 -> 117 MB for ~2% of the run's CPU (BENCHMARKS.md, "Index size").
    Not after a small addition: it rewrites the whole file (100k: 91 s wall, 38 CPU-s, mostly I/O), and adding
    1,000 articles must stay cheap. Best effort: without room for the copy, or with another writer in the way,
    the index stays as it was (whole, usable). True when it compacted."""
    if not added or added < COMPACT_SHARE * total or not _room_to_compact(conn):
        return False
    try:
        if conn.in_transaction:
            conn.commit()
        with conn:
            conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
        conn.execute("VACUUM")  # in WAL mode the copy goes through the log: truncate it rather than keep its size
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError:
        if conn.in_transaction:
            conn.rollback()
        return False
    return True


BATCH_FILES = 512  # files per transaction at most ...
BATCH_SECONDS = 1.0  # ... and a commit at least this often at first, so readers (the app, a search) see progress,
BATCH_SECONDS_MAX = 8.0  # ... doubling after each commit up to this: each commit into a big index rewrites most
# leaves of its randomly keyed B-trees (numbers by value, articles by body hash): adding 1,000 to 100k committed 19
# times on a loaded machine, 11.6 s of wall and 1.8 s of CPU in the commits; with fewer, larger batches 6.2 / 1.15 s


TERMS_KEPT = 2_000_000  # search terms a run remembers as written (~100 bytes each); past it, later batches check more


class _BatchWriter:
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

    def _next_id(self, table: str) -> int:
        """Row ids handed out here (inside the write transaction, so no other writer takes them): rows that
        refer to each other (a number and the one it converts) go in with one executemany."""
        if table not in self._ids:
            self._ids[table] = self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        self._ids[table] += 1
        return self._ids[table]

    def add(self, extracted: ExtractedFile, digest: str, size: int, mtime: float) -> None:
        self._added += _write_file_rows(self.conn, extracted, digest, size, mtime, self.summary, self._next_id,
                                        self._search)
        self.pending += 1
        if self.pending >= self.limit or time.perf_counter() - self.opened >= self.seconds:
            self.commit()

    def commit(self) -> None:
        if self._search:
            self._search.sort(key=lambda row: row[0])
            _search_rows(self.conn, _INSERT_SEARCH, self._search)
            self._terms_pending = record_terms(self.conn, self._search, self._terms)
            self._search.clear()
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
        self._terms_pending = set()


def _write_file(db, extracted: ExtractedFile, digest: str, size: int, mtime: float, summary: IndexSummary) -> int:
    """One file in its own transaction (tests, and callers writing a single file)."""
    conn = db.conn if hasattr(db, "conn") else db
    before = summary.articles_added
    writer = _BatchWriter(conn, summary)
    writer.add(extracted, digest, size, mtime)
    writer.commit()
    return summary.articles_added - before


def _write_file_rows(conn: sqlite3.Connection, extracted: ExtractedFile, digest: str, size: int, mtime: float,
                     summary: IndexSummary, next_id: Callable[[str], int],
                     search_rows: list[tuple[int, str, str, str]] | None = None) -> int:
    """A file's rows, in the caller's transaction; returns how many articles it added. Its search rows (rowid,
    body tokens, heading tokens, tags) go to `search_rows` when given, for the caller to insert before it commits."""
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
    summary.articles_removed += _delete_articles(conn, "file_id = ?", [file_id])
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
        _search_rows(conn, _INSERT_SEARCH, search)
        record_terms(conn, search)
    else:
        search_rows.extend(search)
    # a number refers to the one it converts by id (a later id is fine: foreign keys are checked at the statement's end)
    conn.executemany(
        'INSERT INTO numbers(id, article_id, paragraph, start, "end", raw, value, value_max, unit, counter, qualifier, '
        "period, converts) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", numbers)
    conn.executemany("INSERT INTO candidates(article_id, name, type, aliases, evidence, count) VALUES (?,?,?,?,?,?)",
                     candidates)
    conn.executemany("INSERT INTO signatures(article_id, minhash) VALUES (?, ?)", signatures)
    _move_numbers_total(conn, len(numbers))
    return len(articles)


def _prune(db: sqlite_utils.Database) -> tuple[int, int]:
    gone = [(fid, path) for fid, path in db.execute("SELECT id, path FROM files").fetchall() if not os.path.exists(path)]
    removed = 0
    with db.conn:
        for fid, _ in gone:
            removed += _delete_articles(db.conn, "file_id = ?", [fid])
            db.conn.execute("DELETE FROM files WHERE id = ?", [fid])
        if gone:
            linker.mark_stale(db.conn)
    return len(gone), removed
