"""`hanscope index DIR --db postgresql://…`: any number of processes, on any number of machines sharing the
folder, index it together.

The queue is the `files` table. Each process hashes the files it was given and marks the new and changed ones
`queued`; then it claims one queued file at a time with `SELECT … FOR UPDATE SKIP LOCKED`, extracts it
(store.pipeline: no database there) and writes its rows in the same transaction that holds the claim. A process
killed with -9 loses its connection: PostgreSQL rolls its open file back and releases the row lock at once, so
the file is still `queued` and the next run (or a process still running) takes it. Nothing waits out a lease.

The global steps (entity linking, stories) run when a process has no file left to claim, under an advisory lock:
one process at a time, and the last one to finish links what the others wrote. While it links it holds the
`link_stale` row, so an article committed meanwhile cannot be marked linked without its mentions: that file's
transaction waits for the link to commit, then marks the index stale again for its own process to link.
"""
from __future__ import annotations

import os
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ...db import DatabaseError
from ...indexer import _file_hash  # one way to tell a changed file, on both backends
from ...ingest.readers import discover
from ...results import FileProblem, IndexSummary
from .connection import TransactionAborted, rolled_back
from .writer import write_file

Progress = Callable[[int, int, str], None]
LINK_LOCK = 0x68736C6B  # pg_advisory_lock key of the global steps
SMALL_JOB = 8  # below this many queued files, index in-process rather than start workers (as store.indexer)
ABORTED_TRIES = 5  # a transaction PostgreSQL aborted for another's sake (a deadlock) is run this many times at most


def _again_if_aborted(step: Callable[[], object]):
    """`step()`, one whole transaction, run again when PostgreSQL rolled it back for another transaction's sake:
    indexers claiming side by side and the one linking can wait on each other's rows (a deadlock, met once by the
    two-process test under a loaded CI run). An aborted transaction wrote nothing (its file is still queued), so
    running it again is PostgreSQL's own remedy."""
    for attempt in range(1, ABORTED_TRIES + 1):
        try:
            return step()
        except Exception as err:  # noqa: BLE001 - only an aborted transaction is run again, the rest go on up
            if not (isinstance(err, TransactionAborted) or rolled_back(err)):
                raise
            if attempt == ABORTED_TRIES:
                reason = " ".join(str(err).split())[:300]
                raise DatabaseError(f"PostgreSQL aborted a transaction {ABORTED_TRIES} times: {reason}") from None
            time.sleep(0.1 * attempt)  # the other transaction commits meanwhile


def _extract(path: str, use_analyzer: bool):
    from ...pipeline import ExtractedFile, shared_extractor

    try:
        return shared_extractor(use_analyzer).extract_file(path)
    except Exception as err:  # noqa: BLE001 - one odd file fails alone, in one line (as store.indexer does)
        reason = " ".join(f"{type(err).__name__}: {err}".split())
        return ExtractedFile(path=path, error=f"could not be read ({reason[:200]})")


def index_paths(db, paths: list[Path], *, prune: bool = False, workers: int | None = None,
                use_analyzer: bool = False, progress: Progress | None = None) -> IndexSummary:
    """Index `paths` into the server `db` (a PgConnection); safe to run in several processes at once."""
    started = time.perf_counter()
    summary = IndexSummary()
    files, problems = discover(paths)
    summary.failed += [FileProblem(path, reason) for path, reason in problems]
    summary.files_seen = len(files) + len(problems)
    hashed: dict[str, tuple[str, int, float]] = {}
    for path in files:
        try:
            hashed[str(path.resolve())] = _file_hash(path)
        except OSError as err:
            summary.failed.append(FileProblem(str(path), f"cannot read: {err.strerror or err}"))
    mine = sorted(hashed)
    # A commit need not wait for its WAL flush: a crash loses at most the last few files' transactions whole,
    # and those files are still `queued` for the next run. About 1 ms less per file.
    db.raw.execute("SET synchronous_commit = off")
    _make_mine(db, mine)
    _enqueue(db, hashed)
    if prune:
        summary.files_pruned, summary.articles_removed = _prune(db)
    if progress:
        progress(0, len(mine), "")
    queued = db.raw.execute("SELECT count(*) FROM files f JOIN mine USING (path) WHERE f.status = 'queued'").fetchone()[0]
    if workers is None:
        workers = 0 if queued < SMALL_JOB else max(1, min(os.cpu_count() or 1, 4))
    if workers == 0 or queued == 0:
        done = 0
        while (claimed := _again_if_aborted(lambda: _claim_and_index(db, _me(), use_analyzer, summary))) is not None:
            done += 1
            if progress:
                progress(done, len(mine), claimed)
    else:
        done = _in_processes(db, mine, workers, use_analyzer, summary, progress)
    _again_if_aborted(lambda: _global_steps(db))
    if done:  # fresh statistics for the planner (a new index otherwise plans blind until autovacuum comes)
        db.raw.execute("ANALYZE")
    reported = {p.path for p in summary.failed}
    failed_before = [(path, error) for path, error in _stored_failures(db, mine) if path not in reported]
    for path, error in failed_before:  # failed before and unchanged: it fails again, counted once (as failed)
        summary.failed.append(FileProblem(path, error or "failed"))
    # unchanged, or indexed meanwhile by another process; as store.indexer, every file counts once
    summary.files_unchanged = len(mine) - done - len(failed_before)
    summary.failed.sort(key=lambda p: p.path)
    summary.files_failed = len(summary.failed)
    count = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    summary.articles_total = count("SELECT count(*) FROM articles")
    summary.entities_total = count("SELECT count(*) FROM entities WHERE mentions > 0")
    summary.mentions_total = count("SELECT count(*) FROM mentions")
    summary.numbers_total = count("SELECT count(*) FROM numbers")
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _me() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _make_mine(db, paths: list[str]) -> None:
    """The session's temporary table `mine`: the files this run was given (it claims only those)."""
    db.raw.execute('CREATE TEMP TABLE IF NOT EXISTS mine (path text COLLATE "C" PRIMARY KEY)')
    db.raw.execute("TRUNCATE mine")
    with db.raw.cursor().copy("COPY mine (path) FROM STDIN") as copy:
        for path in paths:
            copy.write_row((path,))
    db.raw.execute("ANALYZE mine")


def _in_processes(db, mine: list[str], workers: int, use_analyzer: bool, summary: IndexSummary,
                  progress: Progress | None) -> int:
    """`workers` processes claim from the queue side by side (as separate `hanscope index` runs would);
    returns how many files they wrote, their results merged into `summary`."""
    import multiprocessing
    from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait

    context = multiprocessing.get_context("spawn")  # as store.indexer: an analyzer inherited by fork() hangs
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        futures = [pool.submit(_worker_run, db._uri, mine, use_analyzer) for _ in range(workers)]
        pending = futures
        while pending:
            _, pending = wait(pending, timeout=0.25, return_when=FIRST_EXCEPTION)
            if progress:
                written = db.raw.execute(
                    "SELECT count(*) FROM files f JOIN mine USING (path) WHERE f.status <> 'queued'").fetchone()[0]
                progress(written, len(mine), "")
        done = 0
        for future in futures:
            count, part = future.result()  # a worker's DatabaseError (the server gone) is raised here
            done += count
            summary.articles_added += part.articles_added
            summary.articles_removed += part.articles_removed
            summary.files_indexed += part.files_indexed
            summary.warnings += part.warnings
            summary.failed += part.failed
    return done


def _worker_run(uri: str, mine: list[str], use_analyzer: bool) -> tuple[int, IndexSummary]:
    from . import connect

    db = connect(uri)
    try:
        db.raw.execute("SET synchronous_commit = off")
        _make_mine(db, mine)
        part, done, me = IndexSummary(), 0, _me()
        while _again_if_aborted(lambda: _claim_and_index(db, me, use_analyzer, part)) is not None:
            done += 1
        return done, part
    finally:
        db.close()


def _enqueue(db, hashed: dict[str, tuple[str, int, float]]) -> None:
    """New files and files whose content changed become `queued` (a file another process already queued, or
    one indexed with the same content, is left as it is)."""
    # No lock on a file that is unchanged: an upsert of every path (ON CONFLICT DO UPDATE … WHERE changed) locks
    # each existing row even when its WHERE is false, so a process starting while another indexes waited on every
    # file that one held, chasing it down the queue (measured: 5 of 300 files for the second of two processes).
    # New paths go in with DO NOTHING (a path another process inserts meanwhile is its), changed ones are updated.
    known = dict(db.raw.execute("SELECT f.path, f.hash FROM files f JOIN mine USING (path)").fetchall())
    rows = sorted((path, digest, size, mtime) for path, (digest, size, mtime) in hashed.items()  # one lock order
                  if known.get(path) != digest)
    new = [row for row in rows if row[0] not in known]
    changed = [(digest, size, mtime, path, digest) for path, digest, size, mtime in rows if path in known]
    with db:
        cursor = db.raw.cursor()
        if new:
            cursor.executemany("INSERT INTO files(path, hash, size, mtime, status) VALUES (%s, %s, %s, %s, 'queued') "
                               "ON CONFLICT (path) DO NOTHING", new)
        if changed:
            cursor.executemany("UPDATE files SET hash = %s, size = %s, mtime = %s, status = 'queued', error = NULL "
                               "WHERE path = %s AND hash IS DISTINCT FROM %s", changed)


def _claim_and_index(db, me: str, use_analyzer: bool, summary: IndexSummary) -> str | None:
    """Claim one queued file of ours that no one holds, extract it and write it in the claim's transaction."""
    with db:
        row = db.raw.execute(
            "SELECT f.id, f.path FROM files f JOIN mine USING (path) WHERE f.status = 'queued' ORDER BY f.path "
            "LIMIT 1 FOR UPDATE OF f SKIP LOCKED").fetchone()
        if row is None:
            return None
        file_id, path = row
        db.raw.execute("UPDATE files SET claimed_by = %s WHERE id = %s", [me, file_id])
        extracted = _extract(path, use_analyzer)
        added, removed = write_file(db, file_id, extracted)
    summary.articles_added += added
    summary.articles_removed += removed
    summary.warnings += [FileProblem(path, w) for w in extracted.warnings]
    if extracted.error:
        summary.failed.append(FileProblem(path, extracted.error))
    else:
        summary.files_indexed += 1
    return path


def _stored_failures(db, paths: list[str]) -> list[tuple[str, str | None]]:
    if not paths:
        return []
    return db.raw.execute("SELECT path, error FROM files WHERE status = 'failed' AND path = ANY(%s)", [paths]).fetchall()


def _global_steps(db) -> None:
    """Entity linking and stories, one process at a time; a no-op when no file changed since the last link."""
    from ... import linker, stories

    db.raw.execute("SELECT pg_advisory_lock(%s)", [LINK_LOCK])
    try:
        with db:
            # hold link_stale from the start (see the module's docstring)
            db.raw.execute("INSERT INTO meta(key, value) VALUES ('link_stale', '0') ON CONFLICT (key) DO NOTHING")
            stale = db.raw.execute("SELECT value FROM meta WHERE key = 'link_stale' FOR UPDATE").fetchone()[0]
            unlinked = db.raw.execute("SELECT 1 FROM articles WHERE linked = 0 LIMIT 1").fetchone()
            if stale == "1" or unlinked or linker.needs_link(db):
                linker.link(db, rules=True, tell=lambda line: print(line, file=sys.stderr, flush=True))
            stories.assign(db)
    finally:
        db.raw.execute("SELECT pg_advisory_unlock(%s)", [LINK_LOCK])


def _prune(db) -> tuple[int, int]:
    """Files gone from disk leave the index with their articles (those this machine can see are gone)."""
    from .writer import delete_file_articles

    gone = [(fid, path) for fid, path in db.raw.execute("SELECT id, path FROM files").fetchall() if not os.path.exists(path)]
    removed = 0
    with db:
        for fid, _ in gone:
            removed += delete_file_articles(db, fid)
            db.raw.execute("DELETE FROM files WHERE id = %s", [fid])
        if gone:
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('link_stale', '1')")
    return len(gone), removed


__all__ = ["index_paths", "DatabaseError"]
