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
from pathlib import Path

import sqlite_utils

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

from . import linker, stories
from .batch_writer import BatchWriter, delete_articles, mark_number_starts, numbers_total, write_headings
from .linking.pool import on_demand_workers
from .db import HEADINGS, DatabaseError, article_total, has_index
from .pipeline import ExtractedFile, shared_extractor, worker_extract, worker_init
from .ingest.readers import discover_files
from .results import FileProblem, IndexSummary

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

    writer = BatchWriter(db.conn, summary)
    try:
        # a file from before the marks: its rows first, as every new row has them; the rewrite leaves a dozen segments
        # (100k: 13), which made digit searches up to 4x slower than the compacted file's one: merged at once
        if mark_number_starts(db.conn, on_note):
            _merge_search_segments(db.conn)
        if write_headings(db.conn, on_note):
            _merge_search_segments(db.conn, HEADINGS)
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
    summary.articles_total = article_total(db.conn)
    _compact(db.conn, summary.articles_added, summary.articles_total)
    # entities the corpus names: the alias file's ~500 rows are not found entities until an article mentions them
    summary.entities_total = db.execute("SELECT count(*) FROM entities WHERE mentions > 0").fetchone()[0]
    # the linker keeps each entity's count (7M mention rows at 100k took 1.8 s to count, cold)
    summary.mentions_total = db.execute("SELECT coalesce(sum(mentions), 0) FROM entities").fetchone()[0]
    summary.numbers_total = numbers_total(db.conn)
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

# Files handed to a worker ahead of the writer. The writer stops taking results while it commits or checkpoints
# (up to a second or more into a big index); with 16 (~0.1 s of a worker's work) the workers then stood idle: a
# 100k build used 1.8 of the 2 cores while extracting. 128 (~0.7 s) keeps them at ~1.96 for 256 results held
# (~9 MB at 100k's articles); 6.7% off that phase (BENCHMARKS.md, "Workers idle while the writer commits").
IN_FLIGHT_PER_WORKER = 128
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


def _stored_error(db: sqlite_utils.Database, key: str) -> str:
    row = db.execute("SELECT error FROM files WHERE path = ?", [key]).fetchone()
    return (row[0] if row else None) or "failed"


# --- writing --------------------------------------------------------------------------------------


COMPACT_SHARE = 0.5  # the file is compacted once at least this share of its articles came since it last was (_compact)


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


MERGE_STEP_PAGES = 2000  # FTS5 'merge' work per transaction: ~0.25 s and ~8 MB of log at 1M (BENCHMARKS.md)


def _merge_search_segments(conn: sqlite3.Connection, table: str = "articles_fts") -> None:
    """Merge the search table's (or the headings table's: `table`) segments into one, as FTS5 'optimize' does, but in
    steps of its 'merge' command, each its own transaction: FTS5 drops the input leaves a step has copied, so the
    file grows by a step's pages, not by the search table's size, and the log stays small. A negative budget starts
    the merge of every segment; positive ones carry it on (a new segment then waits rather than restarting it); a
    step that changes fewer than two rows means it is done (FTS5 docs, 'merge'). At 1M: 12 segments to 1 in 128 s,
    82 CPU-s, the file 77 MB larger at most; a search for 엔비디아 in process 14-17 -> 11-12 ms, for 하 18-24 -> 10 ms."""
    budget = -MERGE_STEP_PAGES
    while True:
        before = conn.total_changes
        with conn:
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('merge', ?)", [budget])  # (a name of ours)
        if conn.total_changes - before < 2:
            return
        budget = MERGE_STEP_PAGES


def _compact(conn: sqlite3.Connection, added: int, total: int) -> bool:
    """Once the index has doubled since it was last compacted (a first build, however many runs it took): merge
    the search table's segments into one, then rewrite the file without the slack that rows inserted out of key
    order leave in half-full pages (VACUUM). c5k: 124.5 -> 117 MB for ~2% of the run's CPU (BENCHMARKS.md,
    "Index size"). Not after a small addition: VACUUM rewrites the whole file (100k: 91 s wall, 38 CPU-s, mostly
    I/O), and adding 1,000 articles must stay cheap. The merge needs little room and always runs; VACUUM only
    with room for its copies. Best effort: with another writer in the way the index stays as it was (whole,
    usable) and the next run, even one with nothing to add, tries again. True when it compacted (merged, and
    vacuumed where there was room)."""
    kept = conn.execute("SELECT value FROM meta WHERE key = 'compacted_at'").fetchone()
    # a file made before the key was kept: what this run found (a build resumed there is judged by its last run)
    before = int(kept[0]) if kept and str(kept[0]).isdigit() else total - added
    if not total or total - before < COMPACT_SHARE * total:  # due even after a run that added nothing: one stopped
        return False  # during its compaction (or kept from it by another writer) leaves it due for the next run
    try:
        if conn.in_transaction:
            conn.commit()
        _merge_search_segments(conn)
        if has_index(conn, HEADINGS, "table"):
            _merge_search_segments(conn, HEADINGS)
        with conn:
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('compacted_at', ?)", [str(total)])
        if _room_to_compact(conn):
            conn.execute("VACUUM")  # in WAL mode the copy goes through the log: truncate it rather than keep its size
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError:
        if conn.in_transaction:
            conn.rollback()
        return False
    return True


def _prune(db: sqlite_utils.Database) -> tuple[int, int]:
    gone = [(fid, path) for fid, path in db.execute("SELECT id, path FROM files").fetchall() if not os.path.exists(path)]
    removed = 0
    with db.conn:
        for fid, _ in gone:
            removed += delete_articles(db.conn, "file_id = ?", [fid])
            db.conn.execute("DELETE FROM files WHERE id = ?", [fid])
        if gone:
            linker.mark_stale(db.conn)
    return len(gone), removed
