"""Stories as the CLI and the app read them: the list (most widely run first, or those a query finds), one story
with what each of its articles adds, near-duplicate groups. store.stories builds them at index time.

`store.api.Index` delegates here.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from math import isqrt
from typing import TYPE_CHECKING, TypeVar

from .db import has_index
from .entity_lookup import entity_infos
from .query import parse as parse_query
from .results import (
    Conversion,
    ConvertedFigure,
    CopiedParagraph,
    Instead,
    StoryArticle,
    StoryDetail,
    StoryFigure,
    StoryPage,
    StoryRow,
)
from .search import SearchPlan

if TYPE_CHECKING:
    from .api import Index

T = TypeVar("T", list[int], list[StoryRow])


def _stories_matching(index: Index, plan: SearchPlan) -> list[int]:
    """Stories with an article the query (in the search's query language) finds, any of its hits."""
    return _stories_of(index, *plan.matching_ids_sql())


def _stories_of(index: Index, ids_sql: str, params: list) -> list[int]:
    """The stories of the articles a subquery of ids (with its parameters) gives."""
    # each hit's story from the covering index, not from the row, where it sits after the body (172 -> 62 ms for
    # the 66,249 hits of 삼성 at 100k)
    placing = " INDEXED BY articles_placing" if has_index(index.db, "articles_placing") else ""
    return [r[0] for r in index._rows(
        f"SELECT DISTINCT story FROM articles{placing} WHERE id IN ({ids_sql}) AND story IS NOT NULL", params)]


def _first_hits(index: Index, plan: SearchPlan, cap: int) -> list[int] | None:
    """The ids of the first `cap` hits (all of them when fewer), or None where they are not read here. Counting the
    hits and then reading them for their stories read the search table twice (`1조2000억원` at 1M: its digits' terms
    are in nearly every article, 865 -> 258 ms a page of 40 in the Stories box); conditions alone that are walked a
    batch at a time keep what their walk read (`by:김 -반도체` at 100k: 103 -> 48 ms, a set of every 반도체 hit no
    longer made), and others are counted by their own rows (SearchPlan.count)."""
    if plan.driver is None:
        return plan.walked_hits(cap)
    ids_sql, params = plan.matching_ids_sql()
    return [r[0] for r in index._rows(f"{ids_sql} LIMIT ?", [*params, cap])]


def _as_search_reads(index: Index, query: str, answer: Callable[[SearchPlan], T]) -> tuple[T, Instead | None]:
    """`answer` of the query's plan; where it is empty and the query's lone word nearly spells a name (엔비디야),
    of that name's plan (Index._correction), with the correction. Asked of an empty answer alone: a query with
    hits still reads them once."""
    q = parse_query(query)
    plan = SearchPlan(index, q)
    found = answer(plan)
    if found or (corrected := index._correction(q, plan)) is None:
        return found, None
    return answer(corrected[0]), corrected[1]


def story_count(index: Index, query: str | None) -> int:
    if query is not None and query.strip():
        return len(_as_search_reads(index, query, lambda plan: _stories_matching(index, plan))[0])
    return _stories_total(index)


def _stories_total(index: Index) -> int:
    kept = index._rows("SELECT value FROM meta WHERE key = 'stories_total'")  # counting 100k rows took ~10 ms
    return int(kept[0][0]) if kept else index._rows("SELECT count(*) FROM stories")[0][0]


PROBED_FROM = 6  # x the walk's threshold: from this many hits of one phrase, a story's members are probed (below)
MOST_ARTICLES = 0.5  # an OR is probed too where at least this share of the newest articles are hits


def _story_filter(index: Index, plan: SearchPlan, limit: int | None, offset: int) -> tuple[str, list]:
    """The condition on stories `s` of those the query's plan finds. With many hits, each story, biggest first, is asked
    whether one of its articles is a hit, until the page is full: about page x stories / hits of them, against a
    look-up of every hit's story (at 100k 삼성's 66,249: 62 ms; walked, ~20). With few hits, those look-ups are the
    cheaper: the walk is taken from sqrt(page x stories) hits on (~3,000 for a page of 50 at 100k).

    The walk asks "is this member a hit" of a set of every hit, made first: at 1M 677k hits of 삼성, 825 ms. Where
    the words are one phrase (no OR of spellings) and hits are many, each member is probed in the search table by
    its search row instead (a seek per term; 6 ms). An OR of spellings costs a seek per phrase and a probe walk is
    long where hits are fewer (엔비디아 at 1M: 1.3 s probed against 0.4 s), so those keep the set. Conditions alone
    (`@삼성전자`, `by:김`, `-삼성`) are asked at each member's own rows from the walk's threshold on (the set of
    `@삼성전자`'s hits: 837 ms at 1M; probed, 7 ms). Fewer hits than that are read once, not counted first."""
    if limit is not None:
        dense = isqrt((limit + offset) * max(_stories_total(index), 1)) + 1
        probe = plan.article_probe_sql("member")
        # (conditions alone are probed at each member's own rows, a seek or two each, from the walk's threshold on)
        probed = None if probe is None else dense if plan.driver is None else dense * PROBED_FROM
        cap, need = dense if probed is None else min(dense, probed), max(dense, probed or 0)
        first = _first_hits(index, plan, cap)  # (probed: the walk's first)
        if first is not None and len(first) < cap:  # every hit read: their stories
            stories_of_few = _stories_of(index, "SELECT value FROM json_each(?)", [json.dumps(first)])
            return "WHERE s.id IN (SELECT value FROM json_each(?))", [json.dumps(stories_of_few)]
        hits = cap if first is not None and cap >= need else plan.count(cap=need)
        if probe is not None and hits >= probed:
            return _with_member(*probe)
        if hits >= dense:
            # An OR (a one-letter word's pairs: 스, 2, `반도체 d`) whose hits are most of the newest articles: a member
            # probed is a hit nearly always, and the set is nearly every article (스 at 100k: 129 -> 70 ms; 반 32 ->
            # 4), where no sparse phrase is an alternative (SearchPlan.article_probe_sql).
            most = plan.article_probe_sql("member", dense=True) if probe is None else None
            if most is not None and (plan.share_of_newest() or 0) >= MOST_ARTICLES:
                return _with_member(*most)
            ids_sql, params = plan.matching_ids_sql()
            return _with_member(f"member.id IN ({ids_sql})", params)
    return "WHERE s.id IN (SELECT value FROM json_each(?))", [json.dumps(_stories_matching(index, plan))]


def _with_member(condition: str, params: list) -> tuple[str, list]:
    """The stories with a member article (`member`) that meets the condition, asked member by member."""
    return (f"WHERE EXISTS (SELECT 1 FROM articles member INDEXED BY articles_story WHERE member.story = s.id "
            f"AND {condition})", params)


def stories(index: Index, query: str | None, limit: int | None, offset: int) -> StoryPage:
    """A page of the stories, or of those with an article the query finds. A lone word that finds none but nearly
    spells a name (엔비디야) narrows them by that name, as search reads it (Index._correction), and says so."""
    if query is None or not query.strip():
        return StoryPage(_page(index, "", [], limit, offset))
    return StoryPage(*_as_search_reads(
        index, query, lambda plan: _page(index, *_story_filter(index, plan, limit, offset), limit, offset)))


def _page(index: Index, where: str, params: list, limit: int | None, offset: int) -> list[StoryRow]:
    """The stories `where` keeps (all: ""), most widely run first, from `offset`."""
    # The page's stories first (the stories_biggest index alone: skipping to a far page reads no other
    # table), then their headlines: joined before the OFFSET, 5,000 skipped rows read 5,000 articles
    rows = index._rows(
        "SELECT s.id, s.first_article, a.title, s.first_date, s.last_date, s.articles FROM stories s "
        "JOIN articles a ON a.id = s.first_article "
        f"WHERE s.id IN (SELECT s.id FROM stories s {where} "
        "ORDER BY s.articles DESC, coalesce(s.first_date, '') DESC, s.id LIMIT ? OFFSET ?) "
        "ORDER BY s.articles DESC, coalesce(s.first_date, '') DESC, s.id",
        (*params, limit if limit is not None else -1, offset),
    )
    outlets: dict[int, list[str]] = {r[0]: [] for r in rows}
    for story, outlet in index._rows(
        "SELECT story, outlet FROM articles WHERE story IN (SELECT value FROM json_each(?)) AND outlet IS NOT NULL "
        "ORDER BY story, coalesce(date, '9999'), id", (json.dumps(list(outlets)),)
    ):
        if outlet not in outlets[story]:
            outlets[story].append(outlet)
    return [StoryRow(*r, outlets=outlets[r[0]]) for r in rows]


def near_groups(index: Index, article_ids: list[int]) -> dict[int, tuple[int, int]]:
    return {aid: (group, size) for aid, group, size in index._rows(
        "SELECT a.id, a.near_group, (SELECT count(*) FROM articles b WHERE b.near_group = a.near_group) FROM articles a "
        "WHERE a.id IN (SELECT value FROM json_each(?)) AND a.near_group IS NOT NULL", (json.dumps(list(article_ids)),))}


def story_of(index: Index, article_id: int) -> int | None:
    rows = index._rows("SELECT story FROM articles WHERE id = ?", (article_id,))
    return rows[0][0] if rows else None


def story(index: Index, story_id: int) -> StoryDetail | None:
    from .paragraph_matches import STORY_COMPARED, paragraph_matches

    rows = index._rows(
        "SELECT id, title, outlet, reporters, date, source, copy_of, near_group, body, body_hash FROM articles "
        "WHERE story = ? ORDER BY coalesce(date, '9999'), id", (story_id,))
    if not rows:
        return None
    ids = json.dumps([r[0] for r in rows])
    spans: dict[int, list[tuple[int, int]]] = {}
    for aid, start, end in index._rows(
        'SELECT article_id, start, "end" FROM paragraphs WHERE article_id IN (SELECT value FROM json_each(?)) '
        "ORDER BY article_id, idx", (ids,)):
        spans.setdefault(aid, []).append((start, end))
    # Copies share everything: compare each distinct body once, told by its earliest article.
    told_by: dict[str, int] = {}  # body_hash -> index into bodies
    bodies: list[tuple[int, list[str]]] = []
    tellings: dict[str, int] = {}
    for aid, *_, body, body_hash in rows:
        tellings[body_hash] = tellings.get(body_hash, 0) + 1
        if body_hash not in told_by:
            told_by[body_hash] = len(bodies)
            bodies.append((aid, [body[s:e] for s, e in spans.get(aid, [])]))
    compared = bodies[:STORY_COMPARED]
    earlier, elsewhere = paragraph_matches([texts for _, texts in compared])
    reps = [aid for aid, _ in compared]
    entities: dict[int, set[int]] = {aid: set() for aid in reps}
    for aid, eid in index._rows("SELECT article_id, entity_id FROM article_entities "
                               "WHERE article_id IN (SELECT value FROM json_each(?))", (json.dumps(reps),)):
        entities[aid].add(eid)
    figures: dict[int, list[StoryFigure]] = {aid: [] for aid in reps}
    for aid, raw, value, unit, counter, start in index._rows(
        "SELECT article_id, raw, value, unit, counter, start FROM numbers WHERE converts IS NULL "
        "AND article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, start", (json.dumps(reps),)):
        figures[aid].append(StoryFigure(raw, value, unit, counter, start))
    entity_bodies: dict[int, int] = {}
    figure_bodies: dict[tuple, int] = {}
    for aid in reps:
        for eid in entities[aid]:
            entity_bodies[eid] = entity_bodies.get(eid, 0) + 1
        for key in {(f.unit, f.value, f.counter) for f in figures[aid]}:
            figure_bodies[key] = figure_bodies.get(key, 0) + 1
    infos = {e.id: e for e in entity_infos(index, sorted(e for e, n in entity_bodies.items() if n == 1))}
    articles: list[StoryArticle] = []
    for aid, title, outlet, reporters, date, source, copy_of, near_group, body, body_hash in rows:
        item = StoryArticle(aid, title, outlet, json.loads(reporters), date, source, first=not articles,
                            copy_of=copy_of, near_group=near_group)
        b = told_by[body_hash]
        rep = bodies[b][0]
        item.paragraphs = bodies[b][1]
        if rep != aid:  # a later telling of the same body: it copies every paragraph
            item.copied = [CopiedParagraph(p, rep, p, 1.0) for p in range(len(item.paragraphs))]
        elif b < len(compared):
            item.copied = [CopiedParagraph(p, reps[m.body], m.paragraph, m.score)
                           for p, m in enumerate(earlier[b]) if m is not None]
            if tellings[body_hash] == 1:  # what a body shared by several articles has is no one's alone
                item.only_paragraphs = [p for p, shared in enumerate(elsewhere[b]) if not shared]
                item.only_entities = sorted((infos[e] for e in entities[aid] if e in infos),
                                            key=lambda e: (-e.mentions, e.name))
                item.only_figures = [f for f in figures[aid] if figure_bodies[(f.unit, f.value, f.counter)] == 1]
        else:
            item.compared = False
        articles.append(item)
    return StoryDetail(story_id, articles, _story_conversions(index, ids, [r[0] for r in rows]))


def _story_conversions(index: Index, ids: str, order: list[int]) -> list[ConvertedFigure]:
    position = {aid: i for i, aid in enumerate(order)}
    groups: dict[tuple[str, float], dict[tuple[str, float], Conversion]] = {}
    rows = index._rows(
        "SELECT c.article_id, c.raw, c.value, c.unit, o.raw, o.value, o.unit FROM numbers c "
        "JOIN numbers o ON o.id = c.converts WHERE c.article_id IN (SELECT value FROM json_each(?))", (ids,))
    for aid, raw, value, unit, original_raw, original_value, original_unit in sorted(rows, key=lambda r: position[r[0]]):
        groups.setdefault((original_unit, original_value), {}).setdefault(
            (unit, value), Conversion(aid, raw, value, unit, original_raw))
    return [ConvertedFigure(value, unit, list(conversions.values()))
            for (unit, value), conversions in groups.items() if len(conversions) > 1]
