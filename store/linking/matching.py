"""Finding mentions: every alias matched in every text of an article (headline, deck, photo captions, body), in this
process or in the indexer's worker processes (each reads the committed articles through its own connection)."""
from __future__ import annotations

import json
from bisect import bisect_right

from ..extract.entities import Matcher, short_forms
from ..extract.rules_places import listed_short_places
from ..extract.short_names import party_short_names

PARTS = ("title", "deck", "caption", "body")  # where a mention is: the headline, the subtitle, a photo caption, the body


def article_parts(title: str | None, title_from: str | None, subtitle: str | None, captions: str | None,
                  body: str) -> list[tuple[str, int, str]]:
    """(part, index, text) of every text of an article that names entities: the headline and deck, each caption
    (index = its position in the captions list, stored as JSON), the body. Offsets of a mention are inside its text.
    A title made from the lede's first sentence copies the body: its names are body mentions already."""
    parts = [("title", 0, "" if title_from == "lede" else title or ""), ("deck", 0, subtitle or "")]
    parts += [("caption", i, c) for i, c in enumerate(json.loads(captions or "[]"))]
    parts.append(("body", 0, body))
    return [p for p in parts if p[2]]


MentionRow = tuple[int, int, str, int, int, int, str]  # entity, article, part, paragraph, start, end, surface


def match(conn, matcher: Matcher, kinds: dict[int, str], article_ids: list[int]) -> list[MentionRow]:
    """Every mention in these articles (read in one statement each for texts and paragraph starts)."""
    marks = ids_json(article_ids)
    starts: dict[int, list[int]] = {}
    for article_id, start in conn.execute(
            "SELECT article_id, start FROM paragraphs WHERE article_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY article_id, idx", [marks]):
        starts.setdefault(article_id, []).append(start)
    rows: list[MentionRow] = []
    for article_id, *texts in conn.execute(
            "SELECT id, title, title_from, subtitle, captions, body FROM articles "
            "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id", [marks]):
        para_starts = starts.get(article_id, [])
        first = len(rows)
        for part, index, text in article_parts(*texts):
            found = matcher.find(text)
            found += short_forms(text, found, kinds)  # 최 회장 hangs on a full name in the same text
            found += listed_short_places(text, matcher, found)  # 공주·금산·부여: 공주시, 금산군, 부여군 in this list only
            for s, e, eid, surface in sorted(found):
                paragraph = max(0, bisect_right(para_starts, s) - 1) if part == "body" else index
                rows.append((eid, article_id, part, paragraph, s, e, surface))
        # 민주당 beside 더불어민주당 in the same article: the party, written short (any of its texts may hold either)
        remap = party_short_names(((r[0], r[6]) for r in rows[first:]), kinds)
        if remap:
            rows[first:] = [(remap.get(r[0], r[0]), *r[1:]) for r in rows[first:]]
    return rows


def ids_json(values: list[int]) -> str:
    return "[" + ",".join(str(int(v)) for v in values) + "]"


# --- in a worker process: the matching of a large link (the matcher is built once per worker and link) ---

_worker_state: dict = {}


def match_articles(path: str, signature: str, specs: list[tuple[int, list[str]]], kinds: dict[int, str],
                   article_ids: list[int]) -> list[MentionRow]:
    """Mentions in these articles, read through this process's own read-only connection (the articles are
    committed before linking; the entity ids come with the call, as the linker's transaction has not)."""
    if _worker_state.get("key") != (path, signature):
        import sqlite3

        if _worker_state.get("conn") is not None:
            _worker_state["conn"].close()
        conn = sqlite3.connect(path, check_same_thread=False)
        conn.execute("PRAGMA query_only = 1")
        _worker_state.update(key=(path, signature), conn=conn, matcher=Matcher(specs, kinds))
    return match(_worker_state["conn"], _worker_state["matcher"], kinds, article_ids)

