"""Reading articles: the list, one article whole, its mentions by part, and the text around an offset.

Every other view (search hits, drill-down, stories, compare) starts from these rows; `store.api.Index` delegates
here. Each function takes the Index and reads through `index._rows`.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .db import article_total
from .results import ArticleDetail, ArticleInfo, Paragraph

if TYPE_CHECKING:
    from .api import Index

_SENTENCE_BREAK = re.compile(r"(?<=[.?!])\s+|\n")
ARTICLE_COLS = "id, title, subtitle, outlet, reporters, date, date_text, source, chars"
# Where a mention is, as mentions.part stores it: the body 0 (no bytes in an SQLite record, nor is 1), and its name.
PART_CODES = {"body": 0, "title": 1, "deck": 2, "caption": 3}
PART_NAMES = ("body", "title", "deck", "caption")
# An article's mentions in reading order: headline, deck, body, then the photo captions shown after it.
PART_ORDER = "CASE m.part WHEN 1 THEN 0 WHEN 2 THEN 1 WHEN 0 THEN 2 ELSE 3 END"


def article_info_of(row) -> ArticleInfo:
    """An ArticleInfo from a row of ARTICLE_COLS."""
    return ArticleInfo(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5], row[6], row[7], row[8])


def info_of(d: ArticleDetail) -> ArticleInfo:
    return ArticleInfo(d.id, d.title, d.subtitle, d.outlet, d.reporters, d.date, d.date_text, d.source, d.chars)


def sentence_around(text: str, start: int, end: int, limit: int = 240) -> str:
    """The sentence holding text[start:end]: bounded by . ? ! + space or a line break, at most `limit` each side."""
    left = max(0, start - limit)
    for brk in _SENTENCE_BREAK.finditer(text, left, start):
        left = brk.end()
    brk = _SENTENCE_BREAK.search(text, end, min(len(text), end + limit))
    right = brk.start() if brk else min(len(text), end + limit)
    return text[left:right].strip()


def part_text(article: ArticleDetail, part: str, index: int = 0) -> str:
    """The text a mention's offsets index: the body, the headline, the deck, or caption number `index`."""
    if part == "title":
        return article.title or ""
    if part == "deck":
        return article.subtitle or ""
    if part == "caption":
        return article.captions[index] if 0 <= index < len(article.captions) else ""
    return article.body


def max_article_id(index: Index) -> int:
    return index._rows("SELECT coalesce(max(id), 0) FROM articles")[0][0]


def outlets(index: Index) -> list[str]:
    key = index.max_article_id()  # a changed file's articles come back with new ids; a pruned name only stays
    if getattr(index, "_outlets", (None, []))[0] != key:
        index._outlets = (key, [r[0] for r in index._rows("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")])
    return index._outlets[1]


def article_count(index: Index) -> int:
    return article_total(index.db)


def articles(index: Index, limit: int | None, offset: int) -> list[ArticleInfo]:
    return list(article_stream(index, limit, offset))


def article_stream(index: Index, limit: int | None, offset: int) -> Iterator[ArticleInfo]:
    """Articles newest first as the statement yields them, a batch at a time (a million would not fit as a list)."""
    sql = f"SELECT {ARTICLE_COLS} FROM articles ORDER BY coalesce(date, '') DESC, id LIMIT ? OFFSET ?"
    for rows in index._batches(sql, (limit if limit is not None else -1, offset)):
        yield from (article_info_of(r) for r in rows)


def article_info(index: Index, article_id: int) -> ArticleInfo | None:
    rows = index._rows(f"SELECT {ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,))
    return article_info_of(rows[0]) if rows else None


def article(index: Index, article_id: int) -> ArticleDetail | None:
    rows = index._rows(f"SELECT {ARTICLE_COLS}, url, body, title_from, captions FROM articles WHERE id = ?", (article_id,))
    if not rows:
        return None
    r = rows[0]
    body = r[10]
    paragraphs = [
        Paragraph(s, e, body[s:e])
        for s, e in index._rows('SELECT start, "end" FROM paragraphs WHERE article_id = ? ORDER BY idx', (article_id,))
    ]
    return ArticleDetail(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7], r[8], r[9], body, paragraphs,
                         r[11], json.loads(r[12] or "[]"))


def part_texts(body: str, title: str | None, subtitle: str | None, captions: str | None) -> tuple:
    """The texts a mention's offsets index, by part code: body, headline, deck, and the captions' list."""
    return body, title or "", subtitle or "", json.loads(captions or "[]")


def code_text(texts: tuple, part: int, index: int) -> str:
    """The text of part `part` (a PART_CODES value) in `texts` (part_texts): caption number `index` for a caption."""
    if part == 3:
        captions = texts[3]
        return captions[index] if 0 <= index < len(captions) else ""
    return texts[part]


def _texts_of(index: Index, article_id: int) -> tuple:
    rows = index._rows("SELECT body, title, subtitle, captions FROM articles WHERE id = ?", (article_id,))
    return part_texts(*rows[0]) if rows else ("", "", "", [])


def mentions_in(index: Index, article_id: int, part: str | None) -> list[tuple[int, int, int, str, str]]:
    where = "" if part is None else " AND m.part = ?"
    rows = index._rows(
        'SELECT m.start, m."end", m.entity_id, e.type, m.part, m.paragraph FROM mentions m JOIN entities e ON e.id = m.entity_id '
        f"WHERE m.article_id = ?{where} ORDER BY {PART_ORDER}, m.paragraph, m.start",
        (article_id,) if part is None else (article_id, PART_CODES.get(part, -1)),
    )
    if not rows:
        return []
    texts = _texts_of(index, article_id)  # the surface is the text at start..end of its part
    return [(s, e, eid, kind, code_text(texts, code, par)[s:e]) for s, e, eid, kind, code, par in rows]


def mentions_outside_body(index: Index, article_id: int) -> dict[tuple[str, int], list[tuple[int, int, int, str, str]]]:
    out: dict[tuple[str, int], list[tuple[int, int, int, str, str]]] = {}
    rows = index._rows(
        'SELECT m.part, m.paragraph, m.start, m."end", m.entity_id, e.type FROM mentions m '
        "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? AND m.part != 0 ORDER BY m.start",
        (article_id,),
    )
    if not rows:
        return out
    texts = _texts_of(index, article_id)
    for code, position, s, e, eid, kind in rows:
        out.setdefault((PART_NAMES[code], position), []).append((s, e, eid, kind, code_text(texts, code, position)[s:e]))
    return out
