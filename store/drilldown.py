"""An entity's drill-down: its mentions page by page in reading order (newest article first), the rows of the
virtual list that shows them, the articles naming it, its co-mentions and its timeline.

Every read is bounded by the page asked for, walking the entity's rows of article_entities in recency order;
`store.api.Index` delegates here (entity, entity_mentions, mention_rows, mention_row).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .articles import PART_NAMES, PART_ORDER, code_text, part_texts
from .results import ArticleCount, EntityCount, EntityDetail, Mention, MentionRows
from .textindex import DATED_FROM, ID_BITS, date_key, day_month

if TYPE_CHECKING:
    from .api import Index

KWIC_WIDTH = 40  # characters of context on each side of a mention
BY_MENTIONS = "ae.mentions DESC, ae.recency DESC"  # an entity's articles, most mentions first
STREAM_ARTICLES = 500  # articles whose mentions mention_stream reads at once


def _articles_naming_sql(order: str) -> str:
    # Cut the page from the entity's own rows first, then join the articles: joining before the sort read
    # every article that names the entity (a by-mentions page of 삼성전자 at 100k).
    return ("SELECT a.id, a.title, a.source, a.date, ae.mentions FROM (SELECT article_id, mentions, recency "
            f"FROM article_entities ae WHERE entity_id = ? ORDER BY {order} LIMIT ? OFFSET ?) ae "
            f"JOIN articles a ON a.id = ae.article_id ORDER BY {order}")


def articles_naming(index: Index, eid: int, order: str, limit: int | None,
                     offset: int) -> list[ArticleCount]:
    return [ArticleCount(*r) for r in index._rows(_articles_naming_sql(order),
                                                  (eid, -1 if limit is None else limit, max(0, offset)))]


def articles_naming_stream(index: Index, eid: int, order: str, offset: int) -> Iterator[ArticleCount]:
    """Every article naming the entity from the `offset`-th, in `order`, as the statement yields them (not a list)."""
    for rows in index._batches(_articles_naming_sql(order), (eid, -1, max(0, offset))):
        yield from (ArticleCount(*row) for row in rows)


def mention_stream(index: Index, eid: int, offset: int) -> Iterator[Mention]:
    """Every mention from the `offset`-th in drill-down order, read STREAM_ARTICLES articles at a time, the
    articles taken in the order `_mentions_of` sorts by (so that each read continues the one before): the memory
    is one read's, where `hanscope entity 엔비디아 --json` at 100k held every body and mention at once (800 MB).
    (Not in recency order, where a day's reads could not be cut: undated articles are one day, half of them here.)"""
    chunk: list[int] = []
    skip = max(0, offset)
    for rows in index._batches(
            "SELECT ae.article_id, ae.mentions FROM article_entities ae JOIN articles a ON a.id = ae.article_id "
            "WHERE ae.entity_id = ? ORDER BY substr(coalesce(a.date, ''), 1, 10) DESC, a.id", (eid,)):
        for aid, count in rows:
            if not chunk and skip >= count:
                skip -= count  # an article entirely before the offset
                continue
            chunk.append(aid)
            if len(chunk) == STREAM_ARTICLES:
                yield from _mentions_of(index, eid, chunk, skip, None)
                chunk, skip = [], 0
    if chunk:
        yield from _mentions_of(index, eid, chunk, skip, None)


def _mention_articles(index: Index, eid: int, offset: int, limit: int | None) -> tuple[list[int], int]:
    """The articles (newest first) that hold mentions [offset, offset + limit), and how many mentions of the
    first one come before the page: counts are read in order until the page is covered, not for every article."""
    page, skip, held = [], offset, 0
    for aid, count in index.db.execute(
            "SELECT article_id, mentions FROM article_entities WHERE entity_id = ? ORDER BY recency DESC", (eid,)):
        if not page and skip >= count:
            skip -= count  # an article entirely before the page
            continue
        if limit is not None and held - skip >= limit:
            break
        page.append(aid)
        held += count
    return page, skip


def entity_mentions(index: Index, name_or_id: str | int, offset: int, limit: int | None) -> list[Mention]:
    info = index.find_entity(name_or_id)
    if info is None:
        return []
    return _mention_page(index, info.id, offset, limit)


def mention_rows(index: Index, eid: int, offset: int, limit: int) -> MentionRows:
    row = mentions_before = 0
    held: list[tuple[int, int]] = []  # (article id, mentions) of the articles on the rows
    heads: list[int] = []
    firsts: list[int] = []
    for aid, count in index.db.execute(
            "SELECT article_id, mentions FROM article_entities WHERE entity_id = ? ORDER BY recency DESC", (eid,)):
        if row >= offset + limit:
            break
        if row + 1 + count > offset:
            held.append((aid, count))
            heads.append(row)
            firsts.append(mentions_before)
        row += 1 + count
        mentions_before += count
    if not held:
        return MentionRows(offset, [], [], [], 0, [])
    # the mentions whose rows lie in the page: from the first one at or after `offset` to the last before its end
    first = firsts[0] + max(0, offset - heads[0] - 1)
    last_head = heads[-1]
    end = firsts[-1] + min(held[-1][1], max(0, offset + limit - last_head - 1))
    info = {a.id: a for a in _rows_of_articles(index, eid, [aid for aid, _ in held])}
    skip = first - firsts[0]
    mentions = _mentions_of(index, eid, [aid for aid, _ in held], skip, end - first)
    return MentionRows(offset, [info[aid] for aid, _ in held], heads, firsts, first, mentions)


def _rows_of_articles(index: Index, eid: int, ids: list[int]) -> list[ArticleCount]:
    return [ArticleCount(*r) for r in index._rows(
        "SELECT a.id, a.title, a.source, a.date, ae.mentions FROM article_entities ae JOIN articles a "
        "ON a.id = ae.article_id WHERE ae.entity_id = ? AND ae.article_id IN (SELECT value FROM json_each(?))",
        (eid, json.dumps(ids)))]


def mention_row(index: Index, eid: int, article_id: int | None, month: str | None) -> int | None:
    if article_id is not None:
        low = high = None
        found = index._rows("SELECT recency FROM article_entities WHERE entity_id = ? AND article_id = ?",
                           (eid, article_id))
    else:
        if month == "no date":
            low, high = -(1 << 62), DATED_FROM
        else:
            try:
                year, number = int((month or "")[:4]), int((month or "")[5:7])
            except ValueError:
                return None
            after = f"{year + number // 12:04d}-{number % 12 + 1:02d}-01"
            low, high = date_key(f"{year:04d}-{number:02d}-01") << ID_BITS, date_key(after) << ID_BITS
            if not low or not high:
                return None
        found = index._rows("SELECT max(recency) FROM article_entities WHERE entity_id = ? AND recency >= ? "
                           "AND recency < ?", (eid, low, high))
    if not found or found[0][0] is None:
        return None
    newer, mentions = index._rows("SELECT count(*), coalesce(sum(mentions), 0) FROM article_entities "
                                 "WHERE entity_id = ? AND recency > ?", (eid, found[0][0]))[0]
    return int(newer) + int(mentions)  # PostgreSQL sums to a Decimal


def _mention_page(index: Index, eid: int, offset: int, limit: int | None) -> list[Mention]:
    """Mentions [offset, offset + limit) in drill-down order. Reads only the articles that hold them (with their
    bodies), not all of them: whole articles before `offset` are skipped by their counts. All of them (no limit)
    come from mention_stream: one read held every body of the entity at once (285 MB peak for 엔비디아 at 100k,
    128 MB this way, most of it the mentions themselves)."""
    if limit is None:
        return list(mention_stream(index, eid, offset))
    page, skip = _mention_articles(index, eid, offset, limit)
    return _mentions_of(index, eid, page, skip, limit)


def _mentions_of(index: Index, eid: int, page: list[int], skip: int, limit: int | None) -> list[Mention]:
    """`limit` mentions of the articles `page` (consecutive in drill-down order), after the first `skip`."""
    if not page or limit == 0:
        return []
    rows = index._rows(
        'SELECT m.id, m.article_id, a.source, a.title, a.date, m.part, m.paragraph, m.start, m."end", '
        'p.start, p."end" FROM mentions m JOIN articles a ON a.id = m.article_id '
        "LEFT JOIN paragraphs p ON m.part = 0 AND p.article_id = m.article_id AND p.idx = m.paragraph "
        "WHERE m.entity_id = ? AND m.article_id IN (SELECT value FROM json_each(?)) "
        f"ORDER BY substr(coalesce(a.date, ''), 1, 10) DESC, a.id, {PART_ORDER}, m.paragraph, m.start LIMIT ? OFFSET ?",
        (eid, json.dumps(page), limit if limit is not None else -1, skip),
    )
    # Texts once per article, after sorting: sorting rows that carry them moved 40 MB for 6.7k mentions. The
    # surface is the text at start..end of the mention's part (the index keeps no copy of it).
    texts = {aid: part_texts(body, title, subtitle, captions)
             for aid, body, title, subtitle, captions in index._rows(
                 "SELECT id, body, title, subtitle, captions FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                 (json.dumps(sorted({r[1] for r in rows})),))}
    mentions = []
    for mid, aid, source, title, date, code, par, s, e, ps, pe in rows:
        text = code_text(texts[aid], code, par)
        if code != 0:  # the context of a headline, deck or caption mention is that text
            ps, pe = 0, len(text)
        left = text[max(ps, s - KWIC_WIDTH):s]
        right = text[e:min(pe, e + KWIC_WIDTH)]
        mentions.append(Mention(mid, eid, aid, source, title, date, par, s, e, text[s:e], left, right, PART_NAMES[code]))
    return mentions


def entity(index: Index, name_or_id: str | int, mention_limit: int | None, offset: int, article_limit: int | None,
           related_span: int, timeline: bool) -> EntityDetail | None:
    info = index.find_entity(name_or_id)
    if info is None:
        return None
    eid = info.id
    mentions = _mention_page(index, eid, max(0, offset), mention_limit)
    articles = articles_naming(index, eid, BY_MENTIONS, article_limit, offset)
    # Co-mentions over the newest `related_span` articles (store.api.RELATED_SPAN unless asked): exact for most entities, bounded for the giants
    # (over 13k articles it took 360 ms exactly, 50 ms this way at 20k; and recent company is what a reader wants).
    over = [aid for (aid,) in index._rows(
        "SELECT article_id FROM article_entities WHERE entity_id = ? ORDER BY recency DESC LIMIT ?",
        (eid, related_span))] if related_span > 0 else []
    related = [
        EntityCount(*r)
        for r in index._rows(
            # grouped before the join: one entities lookup per co-mentioned entity, not per (article, entity) row
            "SELECT e.id, e.name, e.type, r.n FROM (SELECT entity_id, count(*) AS n, sum(mentions) AS m "
            "FROM article_entities WHERE article_id IN (SELECT value FROM json_each(?)) AND entity_id != ? "
            "GROUP BY entity_id) r JOIN entities e ON e.id = r.entity_id ORDER BY r.n DESC, r.m DESC, e.name LIMIT 30",
            (json.dumps(over), eid),
        )
    ] if over else []
    return EntityDetail(info, mentions, articles, related, _timeline(index, eid) if timeline else [], related_over=len(over), offset=max(0, offset))


def _timeline(index: Index, eid: int) -> list[tuple[str, int]]:
    """Mentions per month over every dated article, from the entity's own rows (their recency holds the day):
    no join with the articles (joining them cost 83 ms for 66k articles)."""
    per_month: dict[str, int] = {}
    for day, n in index._rows(
            f"SELECT recency >> {ID_BITS} AS day, sum(mentions) FROM article_entities "
            f"WHERE entity_id = ? AND recency >= {DATED_FROM} GROUP BY day", (eid,)):
        month = day_month(day)
        per_month[month] = per_month.get(month, 0) + n
    return sorted(per_month.items())
