"""What one extracted file writes into PostgreSQL (the extraction itself, store.pipeline, never touches a
database). The caller holds the transaction: a file's row, articles, paragraphs, numbers, candidates and
full-text rows commit together or not at all."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from ...pipeline import ExtractedFile
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


def write_file(conn, file_id: int, extracted: ExtractedFile) -> tuple[int, int]:
    """Replace the file's articles with `extracted`'s and mark the file done; returns (added, removed)."""
    status = "failed" if extracted.error else ("partial" if extracted.warnings else "ok")
    removed = delete_file_articles(conn, file_id)
    cursor = conn.raw.cursor()
    added = 0
    for item in extracted.articles:
        a = item.article
        captions = json.dumps(a.captions, ensure_ascii=False)
        cursor.execute(
            "INSERT INTO articles(file_id, source, title, subtitle, outlet, reporters, date, date_text, url, title_from, "
            "captions, body, chars, body_hash) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) RETURNING id",
            [file_id, a.source, a.title, a.subtitle, a.outlet, json.dumps(a.reporters, ensure_ascii=False),
             a.date, a.date_text, a.url, a.title_from, captions, a.body, len(a.body), item.body_hash],
        )
        article_id = cursor.fetchone()[0]
        cursor.executemany('INSERT INTO paragraphs(article_id, idx, start, "end") VALUES (%s,%s,%s,%s)',
                           [(article_id, i, s, e) for i, (s, e) in enumerate(a.paragraphs)])
        cursor.execute("INSERT INTO articles_fts(rowid, tsv) VALUES (%s, %s::tsvector)",
                       [article_id, tsvector_literal(heading_text(a.title, a.subtitle, a.captions), a.body)])
        ids = []
        for paragraph, n in item.numbers:
            cursor.execute(
                'INSERT INTO numbers(article_id, paragraph, start, "end", raw, value, value_max, unit, counter, qualifier, '
                "period) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) RETURNING id",
                [article_id, paragraph, n.start, n.end, n.raw, n.value, n.value_max, n.unit, n.counter, n.qualifier, n.period])
            ids.append(cursor.fetchone()[0])
        links = [(ids[n.converts], ids[i]) for i, (_, n) in enumerate(item.numbers)
                 if n.converts is not None and n.converts < len(ids)]
        if links:
            cursor.executemany("UPDATE numbers SET converts = %s WHERE id = %s", links)
        if item.candidates:
            cursor.executemany(
                "INSERT INTO candidates(article_id, name, type, aliases, evidence, count) VALUES (%s,%s,%s,%s,%s,%s)",
                [(article_id, c.name, c.type, json.dumps(c.aliases, ensure_ascii=False), c.evidence, getattr(c, "count", 1))
                 for c in item.candidates])
        added += 1
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    cursor.execute("UPDATE files SET status = %s, error = %s, indexed_at = %s, claimed_by = NULL WHERE id = %s",
                   [status, extracted.error or "; ".join(extracted.warnings) or None, now, file_id])
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('link_stale', '1')")  # as linker.mark_stale
    return added, removed
