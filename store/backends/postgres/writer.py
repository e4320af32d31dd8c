"""What one extracted file writes into PostgreSQL (the extraction itself, store.pipeline, never touches a
database). The caller holds the transaction: a file's row, articles, paragraphs, numbers, candidates and
full-text rows commit together or not at all."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from ...pipeline import ExtractedFile
from ...textindex import fts_rowid
from .fulltext import tsvector_literal


def heading_text(title: str | None, subtitle: str | None, captions: list[str]) -> str:
    """The headline, deck and photo captions: searched together, ranked above the body (as in SQLite)."""
    return "\n".join([title or "", subtitle or "", *captions])


def delete_file_articles(conn, file_id: int) -> int:
    """Remove a file's articles (their rows in every table go with them: ON DELETE CASCADE)."""
    from ... import stories

    rows = conn.execute("SELECT id, body FROM articles WHERE file_id = ?", [file_id]).fetchall()
    stories.forget(conn, [(aid, body) for aid, body in rows])
    conn.execute("DELETE FROM articles WHERE file_id = ?", [file_id])
    return len(rows)


def _new_ids(cursor, table: str, count: int) -> list[int]:
    """`count` ids from the table's sequence in one round trip: rows are then copied in with their ids known."""
    if count == 0:
        return []
    cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count])
    return [row[0] for row in cursor.fetchall()]


def _copy(cursor, table: str, columns: str, rows: list[tuple]) -> None:
    if rows:
        with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def write_file(conn, file_id: int, extracted: ExtractedFile) -> tuple[int, int]:
    """Replace the file's articles with `extracted`'s and mark the file done; returns (added, removed).

    Ids come from the sequences first, then every table's rows go in with one COPY each: a file costs about ten
    round trips to the server, not one per number."""
    status = "failed" if extracted.error else ("partial" if extracted.warnings else "ok")
    removed = delete_file_articles(conn, file_id)
    cursor = conn.raw.cursor()
    items = extracted.articles
    article_ids = _new_ids(cursor, "articles", len(items))
    number_ids = iter(_new_ids(cursor, "numbers", sum(len(item.numbers) for item in items)))
    articles, texts, paragraphs, numbers, candidates = [], [], [], [], []
    for article_id, item in zip(article_ids, items):
        a = item.article
        captions = json.dumps(a.captions, ensure_ascii=False)
        articles.append((article_id, file_id, a.source, a.title, a.subtitle, a.outlet,
                         json.dumps(a.reporters, ensure_ascii=False), a.date, a.date_text, a.url, a.title_from, captions,
                         a.body, len(a.body), item.body_hash))
        texts.append((fts_rowid(article_id, a.date), article_id,
                      tsvector_literal(heading_text(a.title, a.subtitle, a.captions), a.body)))
        paragraphs += [(article_id, i, start, end) for i, (start, end) in enumerate(a.paragraphs)]
        ids = [next(number_ids) for _ in item.numbers]
        for i, (paragraph, n) in enumerate(item.numbers):
            converts = ids[n.converts] if n.converts is not None and n.converts < len(ids) else None
            numbers.append((ids[i], article_id, paragraph, n.start, n.end, n.raw, n.value, n.value_max, n.unit,
                            n.counter, n.qualifier, n.period, converts))
        candidates += [(article_id, c.name, c.type, json.dumps(c.aliases, ensure_ascii=False), c.evidence,
                        getattr(c, "count", 1)) for c in item.candidates]
    _copy(cursor, "articles", "id, file_id, source, title, subtitle, outlet, reporters, date, date_text, url, title_from, "
                              "captions, body, chars, body_hash", articles)
    _copy(cursor, "articles_fts", "rowid, article_id, tsv", texts)
    _copy(cursor, "paragraphs", 'article_id, idx, start, "end"', paragraphs)
    _copy(cursor, "numbers", 'id, article_id, paragraph, start, "end", raw, value, value_max, unit, counter, qualifier, '
                             "period, converts", numbers)
    _copy(cursor, "candidates", "article_id, name, type, aliases, evidence, count", candidates)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    cursor.execute("UPDATE files SET status = %s, error = %s, indexed_at = %s, claimed_by = NULL WHERE id = %s",
                   [status, extracted.error or "; ".join(extracted.warnings) or None, now, file_id])
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('link_stale', '1')")  # as linker.mark_stale
    return len(items), removed
