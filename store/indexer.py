"""Build and refresh the index: each changed file is extracted, then written in its own transaction.

Crash safety: a file's row, articles, numbers and search rows are committed together, so a `kill -9`
leaves every file either fully indexed or not at all; re-running indexes what is missing. Entity
mentions are re-linked at the end of a run (and on the next run if that one was interrupted).
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from . import linker, stories
from .db import DatabaseError
from .pipeline import ExtractedFile, shared_extractor, worker_extract, worker_init
from .ingest.readers import discover
from .results import FileProblem, IndexSummary
from .textindex import fts_rowid, index_grams

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
) -> IndexSummary:
    started = time.perf_counter()
    if isinstance(db, sqlite3.Connection):
        db = sqlite_utils.Database(db)
    summary = IndexSummary()
    files, problems = discover(paths)
    for path, reason in problems:
        summary.failed.append(FileProblem(path, reason))
    summary.files_seen = len(files) + len(problems)

    known = {row["path"]: row for row in db.query("SELECT id, path, hash, status FROM files")}
    todo: list[tuple[str, str, int, float]] = []
    for path in files:
        key = str(path.resolve())
        try:
            digest, size, mtime = _file_hash(path)
        except OSError as err:
            summary.failed.append(FileProblem(str(path), f"cannot read: {err.strerror or err}"))
            continue
        row = known.get(key)
        if row and row["hash"] == digest:
            summary.files_unchanged += 1
            if row["status"] == "failed":
                summary.failed.append(FileProblem(key, _stored_error(db, key)))
            continue
        todo.append((key, digest, size, mtime))

    written = 0
    try:
        if prune:
            summary.files_pruned, summary.articles_removed = _prune(db)

        done = summary.files_unchanged
        total = summary.files_seen
        if progress:
            progress(done, total, "")
        for extracted, (key, digest, size, mtime) in zip(_extract_all(todo, workers, use_analyzer), todo):
            added = _write_file(db, extracted, digest, size, mtime, summary)
            summary.articles_added += added
            summary.files_indexed += extracted.error is None
            written += 1
            done += 1
            if progress:
                progress(done, total, key)

        if todo or summary.files_pruned or linker.needs_link(db):
            linker.link(db)
        stories.assign(db.conn)  # after linking: stories weigh shared entities; a no-op when all are placed
    except sqlite3.OperationalError as err:
        # Disk full, a read-only file, an I/O error: stop. Each file is its own transaction, so the
        # files written so far stay indexed and a re-run (with room to write) finishes the job.
        raise DatabaseError(f"cannot write the index ({err}); {written} files written before it stay indexed") from None
    summary.failed.sort(key=lambda p: p.path)
    summary.files_failed = len(summary.failed)
    summary.articles_total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    # entities the corpus names: the alias file's ~500 rows are not found entities until an article mentions them
    summary.entities_total = db.execute("SELECT count(*) FROM entities WHERE mentions > 0").fetchone()[0]
    summary.mentions_total = db.execute("SELECT count(*) FROM mentions").fetchone()[0]
    summary.numbers_total = db.execute("SELECT count(*) FROM numbers").fetchone()[0]
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _extract_all(todo: list[tuple[str, str, int, float]], workers: int | None, use_analyzer: bool) -> Iterator[ExtractedFile]:
    paths = [key for key, *_ in todo]
    if workers is None:
        workers = 0 if len(paths) < SMALL_JOB else max(1, min(os.cpu_count() or 1, 4))
    if workers == 0:
        for path in paths:
            yield _extract_or_report(shared_extractor(use_analyzer).extract_file, path)
        return
    # spawn, not fork: an analyzer inherited through fork() hangs the child (DESIGN.md).
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=worker_init, initargs=(use_analyzer,)) as pool:
        yield from pool.map(_worker_extract_or_report, paths, chunksize=4)


def _extract_or_report(extract: Callable[[str], ExtractedFile], path: str) -> ExtractedFile:
    """An unexpected error on one odd file (RecursionError on 100k nested JSON arrays) fails that file, not the run."""
    try:
        return extract(path)
    except Exception as err:  # noqa: BLE001 - whatever it is, the user gets the file and one line, the rest is indexed
        reason = " ".join(f"{type(err).__name__}: {err}".split())
        return ExtractedFile(path=path, error=f"could not be read ({reason[:200]})")


def _worker_extract_or_report(path: str) -> ExtractedFile:
    return _extract_or_report(worker_extract, path)


def heading_grams(title: str | None, subtitle: str | None, captions: str = "[]") -> str:
    """The search text of an article's headline, deck and photo captions (JSON list, as stored): all rank above the body."""
    return index_grams("\n".join([title or "", subtitle or "", *json.loads(captions or "[]")]))


def _stored_error(db: sqlite_utils.Database, key: str) -> str:
    row = db.execute("SELECT error FROM files WHERE path = ?", [key]).fetchone()
    return (row[0] if row else None) or "failed"


def _delete_articles(db: sqlite_utils.Database, where: str, params: list) -> int:
    """Delete articles and their search rows (a contentless FTS5 table needs the old values to delete)."""
    rows = db.execute(f"SELECT id, date, title, subtitle, captions, body FROM articles WHERE {where}", params).fetchall()
    stories.forget(db.conn, [(aid, body) for aid, _, _, _, _, body in rows])
    db.conn.executemany(
        "INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
        [(fts_rowid(aid, date), heading_grams(title, subtitle, captions), index_grams(body))
         for aid, date, title, subtitle, captions, body in rows],
    )
    db.conn.executemany("DELETE FROM articles WHERE id = ?", [(row[0],) for row in rows])
    return len(rows)


def _write_file(db, extracted: ExtractedFile, digest: str, size: int, mtime: float, summary: IndexSummary) -> int:
    conn = db.conn
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    status = "failed" if extracted.error else ("partial" if extracted.warnings else "ok")
    for warning in extracted.warnings:
        summary.warnings.append(FileProblem(extracted.path, warning))
    if extracted.error:
        summary.failed.append(FileProblem(extracted.path, extracted.error))
    added = 0
    with conn:  # one transaction per file
        conn.execute(
            "INSERT INTO files(path, hash, size, mtime, status, error, indexed_at) VALUES (?,?,?,?,?,?,?) "
            "ON CONFLICT(path) DO UPDATE SET hash=excluded.hash, size=excluded.size, mtime=excluded.mtime, "
            "status=excluded.status, error=excluded.error, indexed_at=excluded.indexed_at",
            [extracted.path, digest, size, mtime, status, extracted.error or "; ".join(extracted.warnings) or None, now],
        )
        file_id = conn.execute("SELECT id FROM files WHERE path = ?", [extracted.path]).fetchone()[0]
        summary.articles_removed += _delete_articles(db, "file_id = ?", [file_id])
        for item in extracted.articles:
            a = item.article  # a reprint of another article's body is kept too: the story step marks it a copy
            captions = json.dumps(a.captions, ensure_ascii=False)
            cur = conn.execute(
                "INSERT INTO articles(file_id, source, title, subtitle, outlet, reporters, date, date_text, url, title_from, "
                "captions, body, chars, body_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [file_id, a.source, a.title, a.subtitle, a.outlet, json.dumps(a.reporters, ensure_ascii=False),
                 a.date, a.date_text, a.url, a.title_from, captions, a.body, len(a.body), item.body_hash],
            )
            article_id = cur.lastrowid
            conn.executemany(
                'INSERT INTO paragraphs(article_id, idx, start, "end") VALUES (?,?,?,?)',
                [(article_id, i, s, e) for i, (s, e) in enumerate(a.paragraphs)],
            )
            conn.execute(
                "INSERT INTO articles_fts(rowid, title, body) VALUES (?,?,?)",
                [fts_rowid(article_id, a.date), heading_grams(a.title, a.subtitle, captions), index_grams(a.body)],
            )
            _insert_numbers(conn, article_id, item.numbers)
            conn.executemany(
                "INSERT INTO candidates(article_id, name, type, aliases, evidence, count) VALUES (?,?,?,?,?,?)",
                [(article_id, c.name, c.type, json.dumps(c.aliases, ensure_ascii=False), c.evidence, getattr(c, "count", 1))
                 for c in item.candidates],
            )
            added += 1
        linker.mark_stale(conn)
    return added


def _insert_numbers(conn, article_id: int, numbers) -> None:
    ids: list[int] = []
    for paragraph, n in numbers:
        cur = conn.execute(
            'INSERT INTO numbers(article_id, paragraph, start, "end", raw, value, value_max, unit, counter, qualifier, period) '
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [article_id, paragraph, n.start, n.end, n.raw, n.value, n.value_max, n.unit, n.counter, n.qualifier, n.period],
        )
        ids.append(cur.lastrowid)
    links = [(ids[n.converts], ids[i]) for i, (_, n) in enumerate(numbers) if n.converts is not None and n.converts < len(ids)]
    conn.executemany("UPDATE numbers SET converts = ? WHERE id = ?", links)


def _prune(db: sqlite_utils.Database) -> tuple[int, int]:
    gone = [(fid, path) for fid, path in db.execute("SELECT id, path FROM files").fetchall() if not os.path.exists(path)]
    removed = 0
    with db.conn:
        for fid, _ in gone:
            removed += _delete_articles(db, "file_id = ?", [fid])
            db.conn.execute("DELETE FROM files WHERE id = ?", [fid])
        if gone:
            linker.mark_stale(db.conn)
    return len(gone), removed
