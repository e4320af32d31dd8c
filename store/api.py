"""The query API: everything the CLI and the app ask of an index. Answers come from SQLite only.

`Index` is the facade: one method per question, documented here; the bodies live in the modules it delegates
to, one per kind of question (store.articles, store.entity_lookup, store.drilldown, store.number_table,
store.compare, store.story_views, store.saved_searches, store.edits). The search itself is answered here, with
store.search's plan. Nothing here loads the morphological analyzer; opening an Index reads no table whole.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cached_property

from . import articles, compare, drilldown, edits, entity_lookup, number_table, saved_searches, story_views
from .articles import part_text, sentence_around
from .backends import connect
from .db import HEADINGS, has_index
from .extract.resolve import Resolver
from .number_table import read_amount
from .outlet_codes import OutletCodes
from .query import All, Entity, Query, Text
from .query import parse as parse_query
from .results import (
    ArticleCount,
    ArticleDetail,
    ArticleHit,
    ArticleInfo,
    Comparison,
    EditRow,
    EntityDetail,
    EntityHit,
    EntityInfo,
    Facets,
    Instead,
    Mention,
    MentionRows,
    NumberRow,
    SearchResult,
    StoryDetail,
    StoryPage,
    StoryRow,
)
from .search import NEWEST_WINDOW, RANK_WINDOW, SearchPlan
from .textindex import has_tags

__all__ = ["Index", "QueryCancelled", "part_text", "read_amount", "sentence_around", "RELATED_SPAN", "TYPO_ARTICLES"]

TYPO_ARTICLES = 2  # a query found in at most this many articles may be a typo: search also offers near names
TYPO_LETTERS = 3  # a word this long or longer that no article holds may be read as the name it nearly spells
RELATED_SPAN = 1000  # co-mentions are counted over an entity's newest articles, at most this many


class QueryCancelled(Exception):
    """The query's owner no longer wants the answer (raised between statements; SQLite's own interrupt raises
    sqlite3.OperationalError within one)."""


class Index:
    """A read/write handle on one hanscope database."""

    def __init__(self, db) -> None:
        self.db = db
        self.rank_window = RANK_WINDOW  # hits sort:rank scores (store.search); tests make it small
        self.newest_window = NEWEST_WINDOW  # articles a keystroke's word with digits is first searched in (store.search)
        # Asked before each statement (store.connections sets it): a cancelled query's next statement does not
        # start. SQLite's interrupt stops only the statement running when it is called.
        self.stop_requested: Callable[[], bool] | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = False, readonly: bool = False) -> "Index":
        return cls(connect(path, create=create, readonly=readonly))

    def close(self) -> None:
        self.db.close()

    def _rows(self, sql: str, params=()) -> list[tuple]:
        if self.stop_requested is not None and self.stop_requested():
            raise QueryCancelled("cancelled before its next statement")
        return self.db.execute(sql, params).fetchall()

    def _batches(self, sql: str, params=(), size: int = 10_000, first: int | None = None) -> Iterator[list[tuple]]:
        """The rows of a statement `size` at a time (`first` in the first batch): hundreds of thousands are counted
        without being held."""
        if self.stop_requested is not None and self.stop_requested():
            raise QueryCancelled("cancelled before its next statement")
        cursor = self.db.execute(sql, params)
        rows = cursor.fetchmany(first or size)
        while rows:
            yield rows
            rows = cursor.fetchmany(size)

    def _outlet_codes(self) -> OutletCodes:
        """Each article's outlet as a number (store.outlet_codes), caught up after another connection's commit."""
        codes = self.__dict__.get("_outlet_table")
        if codes is None or not (codes.current(self.db) or codes.caught_up(self.db)):
            codes = self.__dict__["_outlet_table"] = OutletCodes(self.db)
        return codes

    # --- articles -------------------------------------------------------------------------------

    def max_article_id(self) -> int:
        """The highest article id: a size the query planner can read in O(1) (count(*) walks the table)."""
        return articles.max_article_id(self)

    def outlets(self) -> list[str]:
        """Every outlet name, read once per change of the article set (articles_outlet_newest makes it an index walk)."""
        return articles.outlets(self)

    def article_count(self) -> int:
        return articles.article_count(self)

    def articles(self, limit: int | None = None, offset: int = 0) -> list[ArticleInfo]:
        return articles.articles(self, limit, offset)

    def article_stream(self, limit: int | None = None, offset: int = 0) -> Iterator[ArticleInfo]:
        """`articles` as they are read, a batch at a time: every article of a big index is never held."""
        return articles.article_stream(self, limit, offset)

    def article_info(self, article_id: int) -> ArticleInfo | None:
        return articles.article_info(self, article_id)

    def article(self, article_id: int) -> ArticleDetail | None:
        return articles.article(self, article_id)

    def mentions_in(self, article_id: int, part: str | None = "body") -> list[tuple[int, int, int, str, str]]:
        """(start, end, entity_id, entity_type, surface) for each mention in one part of an article (body, title,
        deck, caption), in text order; offsets are inside that part. part=None: every part (for counting only:
        offsets of different texts mix)."""
        return articles.mentions_in(self, article_id, part)

    def mentions_outside_body(self, article_id: int) -> dict[tuple[str, int], list[tuple[int, int, int, str, str]]]:
        """The article's headline, deck and caption mentions, by (part, index: a caption's position, else 0), each a
        list like mentions_in's with offsets inside that text: for drawing them where those texts are shown."""
        return articles.mentions_outside_body(self, article_id)

    def numbers_in(self, article_id: int) -> list[NumberRow]:
        return number_table.number_rows(self, "n.article_id = ?", [article_id], order="n.start")

    # --- search ---------------------------------------------------------------------------------

    def search(self, query: str, limit: int | None = 20, offset: int = 0, facets: bool = False,
               exact_count: bool = True, newest_first: bool = False) -> SearchResult:
        """Articles (a page of `limit` from `offset`, with the total), entities and numbers for a query in the
        language of store.query; QuerySyntaxError when it cannot be read. `facets` adds counts by outlet, month
        and entity over every matching article (not only the page). Without `exact_count` counting stops past
        the ranked window and the page (`total_exact` False): what a keystroke can afford; `facets_and_count`
        gives the rest. With `newest_first` too, a word with digits (005930, 1조2000억원) may be searched in the
        newest articles alone (`newest_only` says how many: SearchPlan._window_floor); the same call without it
        gives the whole answer."""
        q = parse_query(query)
        # a page within the ranked window: a window of the newest articles holding more hits than that is whole
        windowed = (newest_first and not exact_count and not facets and limit is not None
                    and offset + limit <= self.rank_window)
        plan, instead = self._plan(q, self.newest_window if windowed else None)
        hits = plan.page(limit, offset)
        cap = None if exact_count else max(plan.rank_window, offset + (limit or 0)) + 1
        found_facets, counted = None, True
        if facets and exact_count:  # the month facet's pass counts every hit: no second count
            found_facets, total = plan.facets_and_count()
        else:  # a keystroke's count may stop past the page with at least `total` (SearchPlan.capped_count)
            total, counted = (plan.count(), True) if cap is None else plan.capped_count(cap, offset + (limit or 0) + 1)
            found_facets = plan.facets(total) if facets else None
        # Near spellings only for a spelling the corpus hardly uses (엔비디야): for a word it does use (정상회의,
        # 웨이퍼), fuzzy hits are names that merely look alike (정상혜), and skipping them spares ~40 ms.
        # a corrected word keeps its own entity row (엔비디아, fuzzy), not the exact one its entity term would give
        entities = self._entity_section(q, [] if instead else plan.entity_ids, fuzzy=total <= TYPO_ARTICLES or bool(instead))
        newest_only, numbers = plan.newest_only, plan.numbers(bounded=windowed)
        return SearchResult(query, hits, entities, numbers, total, offset=offset, sort=plan.sort,
                            facets=found_facets, notes=plan.notes,
                            total_exact=(cap is None or (total < cap and counted)) and newest_only is None,
                            ranked_newest=plan.ranked_newest, by_headline=plan.by_headline, instead=instead,
                            hint=q.date_hint(), newest_only=newest_only, numbers_newest_hits=plan.numbers_newest_hits)

    def search_page(self, query: str, limit: int, offset: int) -> list[ArticleHit]:
        """Only the hits [offset, offset + limit) of a query: what a list scrolled to a page needs (no count, no
        entity or number section)."""
        return self._plan(parse_query(query))[0].page(limit, offset)

    def facets_and_count(self, query: str) -> tuple[Facets, int]:
        """A query's facets and its exact number of hits: the part of an answer that grows with the hits,
        which the app asks for after painting the first page."""
        return self._plan(parse_query(query))[0].facets_and_count()

    def _plan(self, q: Query, newest: int | None = None) -> tuple[SearchPlan, Instead | None]:
        """The query's plan, or its correction's (`_correction`) where the query as typed finds nothing."""
        plan = SearchPlan(self, q, self.rank_window, newest)
        return self._correction(q, plan) or (plan, None)

    def _correction(self, q: Query, plan: SearchPlan) -> tuple[SearchPlan, Instead] | None:
        """The plan of the name a query's lone word nearly spells, None when it is no typo. A word no article holds
        that nearly spells a name the corpus uses (엔비디야, 삼성전쟈) is read as that entity, as a search engine shows
        the results for its correction: the app searches as one types, and a typo otherwise showed an empty list
        under the right entity. Quoted ("엔비디야") it is a phrase and searched as typed. A word that filters alone
        leave without hits (하이닉스 outlet:없음) is no typo, and a correction the filters leave without hits is not
        offered. Nor is a string of digits one: a near one is another number (and a plan read from the newest
        articles alone has not seen every article)."""
        word = q.root
        if (not isinstance(word, Text) or word.kind != "word" or len(word.letters) < TYPO_LETTERS
                or word.letters.isdigit() or plan.count(cap=1)):
            return None
        unfiltered = Query(q.source, word, sort=q.sort)
        if unfiltered != q and SearchPlan(self, unfiltered, self.rank_window).count(cap=1):
            return None
        near = self.resolve(word.text, limit=1, fuzzy=True)
        if not near or not near[0].articles:
            return None
        fixed = SearchPlan(self, replace(q, root=Entity(near[0].name, near[0].id, word.position)), self.rank_window)
        if unfiltered != q and not fixed.count(cap=1):
            return None
        return fixed, Instead(word.text, near[0].id, near[0].name)

    def _entity_section(self, q: Query, entity_ids: list[int], fuzzy: bool) -> list[EntityHit]:
        """Entities the query names: its @entities first, then what each of its first words resolves to."""
        hits: dict[int, EntityHit] = {}
        for info in self._entity_infos(entity_ids):  # one read for all of the query's @entities
            hits.setdefault(info.id, EntityHit(info.id, info.name, info.type, 100.0, "exact", info.mentions, info.articles))
        texts = [t for t in q.texts() if t.kind != "amount"]
        names = [t.text for t in texts[:3]]
        if len(texts) > 1 and q.root == All(tuple(texts)):  # 샘 알트만: the words together may be one name
            names.insert(0, " ".join(t.text for t in texts))
        for name in names:
            for hit in self.resolve(name, limit=8, fuzzy=fuzzy):
                hits.setdefault(hit.id, hit)
        found = [h for h in hits.values() if not q.types or h.type in q.types]
        # A word that names no entity (AI) only appears inside names: a few of those, not a screenful above the articles
        return found[:8] if any(h.how == "exact" for h in found) else found[:3]

    def _numbers_matching(self, amount_text: str, within: number_table.Hits | None, limit: int = 50,
                          read_hits: bool = True) -> list[NumberRow] | None:
        return number_table.numbers_matching(self, amount_text, within, limit, read_hits)

    # --- saved searches -------------------------------------------------------------------------

    def saved_searches(self) -> dict[str, str]:
        """{name: query}, kept in the index so `hanscope index` can say what each one gained."""
        return saved_searches.saved_searches(self)

    def save_search(self, name: str, query: str) -> None:
        saved_searches.save_search(self, name, query)

    def delete_saved_search(self, name: str) -> bool:
        return saved_searches.delete_saved_search(self, name)

    def saved_gains(self, after_id: int) -> list[tuple[str, int]]:
        """(name, matching articles with an id above `after_id`) per saved search: what an index run added.
        A saved query that no longer parses counts -1 rather than stopping the report."""
        return saved_searches.saved_gains(self, after_id)

    # --- entities -------------------------------------------------------------------------------

    @cached_property
    def _resolver(self) -> Resolver:
        """The in-memory name index: loaded from the state the linker stored, else built from the aliases."""
        return entity_lookup.load_resolver(self)

    @cached_property
    def search_tags(self) -> bool:
        """Whether the search table names each article's outlet (textindex.has_tags): read once per open."""
        return has_tags(self.db)

    @cached_property
    def search_headings(self) -> str:
        """The FTS5 table a ranked page's headline scan reads: the headings alone (db.HEADINGS) where the file has
        them, else the search table's title column; read once per open (a table made later serves the next open)."""
        return HEADINGS if has_index(self.db, HEADINGS, "table") else "articles_fts"

    def refresh(self) -> None:
        """Forget cached lookups after the index changed (e.g. an entity edit)."""
        self.__dict__.pop("_resolver", None)
        self.__dict__.pop("_outlet_table", None)

    def resolve(self, name: str, limit: int = 10, fuzzy: bool = True) -> list[EntityHit]:
        return entity_lookup.resolve(self, name, limit, fuzzy)

    def find_entity(self, name_or_id: str | int) -> EntityInfo | None:
        """An entity by id, or the single confident answer of the resolver for a name."""
        return entity_lookup.find_entity(self, name_or_id)

    def unmentioned_entity(self, name: str) -> str | None:
        """The name of a known entity (alias file, edits) that `name` spells but no article mentions (삼성SDI),
        else None: such a name is no typo of another, and the user is told it is known."""
        return entity_lookup.unmentioned_entity(self, name)

    def _entity_infos(self, ids: list[int]) -> list[EntityInfo]:
        return entity_lookup.entity_infos(self, ids)

    def entities(self, type: str | None = None, min_mentions: int = 1, limit: int | None = None,
                 offset: int = 0) -> list[EntityInfo]:
        """Entities with at least `min_mentions`, the most mentioned first: `limit` of them from the `offset`-th."""
        return entity_lookup.entities(self, type, min_mentions, limit, offset)

    def _articles_naming(self, eid: int, order: str = "ae.recency DESC", limit: int | None = None,
                         offset: int = 0) -> list[ArticleCount]:
        """Articles that name the entity, newest first (the order of its mention list) or in `order`: a page walks
        the entity's rows of article_entities in recency order and stops (no sort of all of them)."""
        return drilldown.articles_naming(self, eid, order, limit, offset)

    def entity_mentions(self, name_or_id: str | int, offset: int = 0, limit: int | None = None) -> list[Mention]:
        """A page of the entity's mentions in its drill-down order (newest article first, then by position):
        `limit` mentions from the `offset`-th. A virtual list asks for the page on screen, at any depth."""
        return drilldown.entity_mentions(self, name_or_id, offset, limit)

    def mention_rows(self, eid: int, offset: int, limit: int) -> MentionRows:
        """Rows [offset, offset + limit) of the entity's drill-down list (a heading per article, then its
        mentions), for a virtual list laid out from the entity's totals: its articles' counts are read in order
        until the rows are covered (as store.drilldown's `_mention_articles` does), then only those articles and
        mentions are read."""
        return drilldown.mention_rows(self, eid, offset, limit)

    def mention_row(self, eid: int, article_id: int | None = None, month: str | None = None) -> int | None:
        """The row of the heading of `article_id`, or of the newest article of `month` (YYYY-MM, or "no date"), in
        the entity's drill-down list (see `mention_rows`); None when no article of the entity matches. Two
        aggregates over the entity's rows of article_entities, whose recency is the list's order."""
        return drilldown.mention_row(self, eid, article_id, month)

    def mention_stream(self, eid: int, offset: int = 0) -> Iterator[Mention]:
        """Every mention of the entity from the `offset`-th, in the order of `entity`'s, as they are read: a few
        hundred articles' at a time, so a whole list of the largest entity of a big index fits in memory."""
        return drilldown.mention_stream(self, eid, offset)

    def articles_naming_stream(self, eid: int, offset: int = 0) -> Iterator[ArticleCount]:
        """Every article naming the entity from the `offset`-th, most mentions first (`entity`'s order), as read."""
        return drilldown.articles_naming_stream(self, eid, drilldown.BY_MENTIONS, offset)

    def entity(self, name_or_id: str | int, mention_limit: int | None = None, offset: int = 0,
               article_limit: int | None = None, related_span: int | None = None,
               timeline: bool = True) -> EntityDetail | None:
        """An entity's mentions newest first (a page of `mention_limit` from mention `offset`), its articles by
        mentions (a page of `article_limit` from article `offset`, all by default), co-mentions over its newest
        `related_span` articles (RELATED_SPAN by default, 0 for none) and (unless `timeline` is False) its timeline."""
        return drilldown.entity(self, name_or_id, mention_limit, offset, article_limit,
                                RELATED_SPAN if related_span is None else related_span,
                               timeline)

    # --- numbers --------------------------------------------------------------------------------

    def numbers(
        self,
        unit: str | None = None,
        min: float | None = None,
        max: float | None = None,
        near: float | None = None,
        entity: str | None = None,
        limit: int | None = None,
        order: str = "value",
    ) -> list[NumberRow]:
        """Amounts matching the filters. `order`: "value" (largest first), "unit" (grouped by unit and counter,
        largest first within each), "article" (by article, then position) or "raw" (the text as written); `near`
        orders by distance instead. A page (`limit`) is always the start of the whole ordered table."""
        return list(number_table.numbers(self, unit, min, max, near, entity, limit, order))

    def number_stream(self, unit: str | None = None, min: float | None = None, max: float | None = None,
                      near: float | None = None, entity: str | None = None, limit: int | None = None,
                      order: str = "value") -> Iterator[NumberRow]:
        """`numbers` as they are read, a few thousand at a time: the whole table of a big index is never held."""
        return number_table.numbers(self, unit, min, max, near, entity, limit, order)

    def number_counts(self, by: str, unit: str | None = None, min: float | None = None,
                      max: float | None = None) -> list[tuple[str, str, int]]:
        """(key, label, count) of the numbers matching the filters, counted by "unit" or "article", largest first:
        the frequency table of the numbers screen, over the whole table."""
        return number_table.number_counts(self, by, unit, min, max)

    # --- compare --------------------------------------------------------------------------------

    def compare(self, left_id: int, right_id: int) -> Comparison | None:
        return compare.compare(self, left_id, right_id)

    # --- stories --------------------------------------------------------------------------------

    def story_count(self, query: str | None = None) -> int:
        return story_views.story_count(self, query)

    def stories(self, query: str | None = None, limit: int | None = 50, offset: int = 0) -> list[StoryRow]:
        """One row per story, the most widely run first: its first article's headline and date, the outlets."""
        return self.stories_page(query, limit, offset).rows

    def stories_page(self, query: str | None = None, limit: int | None = 50, offset: int = 0) -> StoryPage:
        """stories(), with the correction the query was read with: a typo (엔비디야) narrows the stories by the
        name it nearly spells, as search reads it, and says so."""
        return story_views.stories(self, query, limit, offset)

    def near_groups(self, article_ids: list[int]) -> dict[int, tuple[int, int]]:
        """For each article: (its near-duplicate group, how many articles the group holds, itself included).
        Identical copies share their original's group. What folding a result list into "+N similar" needs."""
        return story_views.near_groups(self, article_ids)

    def story_of(self, article_id: int) -> int | None:
        return story_views.story_of(self, article_id)

    def story(self, story_id: int) -> StoryDetail | None:
        """A story's articles in time order (the first marked) with what each adds: entities, figures and
        paragraphs no other telling has, the paragraphs it copies from an earlier one, and the amounts its
        articles convert differently (5000억 달러 → 약 700조원 in one, 약 690조 원 in another)."""
        return story_views.story(self, story_id)

    # --- entity edits ---------------------------------------------------------------------------

    def edit(self, op: str, **args) -> None:
        """Apply and store a user edit (merge, rename, retype, alias-add, alias-remove, split, delete, define).

        Raises EditError when it cannot apply, and its subclass NothingToChange when it would change nothing
        (merging two names of one entity, retyping to the same type); nothing is stored then."""
        edits.edit(self, op, **args)

    def undo(self) -> list[EditRow]:
        """Revert the newest edit (an alias import as a whole); returns the edits undone, [] if there were none."""
        return edits.undo(self)

    def edits(self) -> list[EditRow]:
        """Every stored edit, oldest first, with when it was made and what it did in words."""
        return edits.edits(self)

    def export_aliases(self) -> str:
        """Every entity as a line of the alias-file format: type<TAB>name<TAB>alias|alias."""
        return edits.export_aliases(self)

    def import_aliases(self, text: str) -> int:
        """Define (or extend) an entity for each line; stored as edits so they survive re-indexing."""
        return edits.import_aliases(self, text)
