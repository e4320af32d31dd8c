"""The query API: everything the CLI and the app ask of an index. Answers come from SQLite only.

Nothing here loads the morphological analyzer; opening an Index reads no table whole.
"""
from __future__ import annotations

import json
import os
import re
from functools import cached_property

from .backends import connect
from .extract.hangul import is_initials_query, normalize_name
from .extract.resolve import ALIAS_ROWS, NAMEABLE, Match, Resolver, query_forms
from .results import (
    ArticleCount,
    ArticleHit,
    ArticleDetail,
    ArticleInfo,
    Comparison,
    Conversion,
    ConvertedFigure,
    CopiedParagraph,
    EditRow,
    EntityCount,
    EntityDetail,
    EntityHit,
    EntityInfo,
    Facets,
    Mention,
    MentionRows,
    NumberRow,
    Paragraph,
    SearchResult,
    SharedNumber,
    SimilarParagraphs,
    StoryArticle,
    StoryDetail,
    StoryFigure,
    StoryRow,
)
from .query import All, Query
from .query import parse as parse_query
from .search import RANK_WINDOW, SearchPlan
from .textindex import DATED_FROM, ID_BITS, date_key, day_month, grams

KWIC_WIDTH = 40  # characters of context on each side of a mention
TYPO_ARTICLES = 2  # a query found in at most this many articles may be a typo: search also offers near names
RELATED_SPAN = 1000  # co-mentions are counted over an entity's newest articles, at most this many
_SENTENCE_BREAK = re.compile(r"(?<=[.?!])\s+|\n")
_ARTICLE_COLS = "id, title, subtitle, outlet, reporters, date, date_text, source, chars"
# An article's mentions in reading order: headline, deck, body, then the photo captions shown after it.
_PART_ORDER = "CASE m.part WHEN 'title' THEN 0 WHEN 'deck' THEN 1 WHEN 'body' THEN 2 ELSE 3 END"


def _info(row) -> ArticleInfo:
    return ArticleInfo(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5], row[6], row[7], row[8])


def read_amount(text: str) -> float | None:
    """A number as a user types a filter bound: 1e12, 3,000, 90만, 1조2000억, 30억 달러, 90만장; else None."""
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        pass
    from .extract.numbers import parse_query_amount

    # A bare magnitude (90만, 1조) is no amount without a unit: read it as a count to get its value.
    amount = parse_query_amount(text) or parse_query_amount(text + "개")
    return amount.value if amount else None


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


class Index:
    """A read/write handle on one hanscope database."""

    def __init__(self, db) -> None:
        self.db = db
        self.rank_window = RANK_WINDOW  # hits sort:rank scores (store.search); tests make it small

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = False, readonly: bool = False) -> "Index":
        return cls(connect(path, create=create, readonly=readonly))

    def close(self) -> None:
        self.db.close()

    def _rows(self, sql: str, params=()) -> list[tuple]:
        return self.db.execute(sql, params).fetchall()

    # --- articles -------------------------------------------------------------------------------

    def max_article_id(self) -> int:
        """The highest article id: a size the query planner can read in O(1) (count(*) walks the table)."""
        return self._rows("SELECT coalesce(max(id), 0) FROM articles")[0][0]

    def outlets(self) -> list[str]:
        """Every outlet name, read once per change of the article set (articles_outlet makes it an index walk)."""
        key = self.max_article_id()  # a changed file's articles come back with new ids; a pruned name only stays
        if getattr(self, "_outlets", (None, []))[0] != key:
            self._outlets = (key, [r[0] for r in self._rows("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")])
        return self._outlets[1]

    def article_count(self) -> int:
        return self._rows("SELECT count(*) FROM articles")[0][0]

    def articles(self, limit: int | None = None, offset: int = 0) -> list[ArticleInfo]:
        sql = f"SELECT {_ARTICLE_COLS} FROM articles ORDER BY coalesce(date, '') DESC, id LIMIT ? OFFSET ?"
        return [_info(r) for r in self._rows(sql, (limit if limit is not None else -1, offset))]

    def article_info(self, article_id: int) -> ArticleInfo | None:
        rows = self._rows(f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,))
        return _info(rows[0]) if rows else None

    def article(self, article_id: int) -> ArticleDetail | None:
        rows = self._rows(f"SELECT {_ARTICLE_COLS}, url, body, title_from, captions FROM articles WHERE id = ?", (article_id,))
        if not rows:
            return None
        r = rows[0]
        body = r[10]
        paragraphs = [
            Paragraph(s, e, body[s:e])
            for s, e in self._rows('SELECT start, "end" FROM paragraphs WHERE article_id = ? ORDER BY idx', (article_id,))
        ]
        return ArticleDetail(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7], r[8], r[9], body, paragraphs,
                             r[11], json.loads(r[12] or "[]"))

    def mentions_in(self, article_id: int, part: str | None = "body") -> list[tuple[int, int, int, str, str]]:
        """(start, end, entity_id, entity_type, surface) for each mention in one part of an article (body, title,
        deck, caption), in text order; offsets are inside that part. part=None: every part (for counting only:
        offsets of different texts mix)."""
        where = "" if part is None else " AND m.part = ?"
        return self._rows(
            'SELECT m.start, m."end", m.entity_id, e.type, m.surface FROM mentions m JOIN entities e ON e.id = m.entity_id '
            f"WHERE m.article_id = ?{where} ORDER BY {_PART_ORDER}, m.paragraph, m.start",
            (article_id,) if part is None else (article_id, part),
        )

    def mentions_outside_body(self, article_id: int) -> dict[tuple[str, int], list[tuple[int, int, int, str, str]]]:
        """The article's headline, deck and caption mentions, by (part, index: a caption's position, else 0), each a
        list like mentions_in's with offsets inside that text: for drawing them where those texts are shown."""
        out: dict[tuple[str, int], list[tuple[int, int, int, str, str]]] = {}
        for part, index, *mention in self._rows(
            'SELECT m.part, m.paragraph, m.start, m."end", m.entity_id, e.type, m.surface FROM mentions m '
            "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? AND m.part != 'body' ORDER BY m.start",
            (article_id,),
        ):
            out.setdefault((part, index), []).append(tuple(mention))
        return out

    def numbers_in(self, article_id: int) -> list[NumberRow]:
        return self._number_rows("n.article_id = ?", [article_id], order="n.start")

    # --- search ---------------------------------------------------------------------------------

    def search(self, query: str, limit: int | None = 20, offset: int = 0, facets: bool = False,
               exact_count: bool = True) -> SearchResult:
        """Articles (a page of `limit` from `offset`, with the total), entities and numbers for a query in the
        language of store.query; QuerySyntaxError when it cannot be read. `facets` adds counts by outlet, month
        and entity over every matching article (not only the page). Without `exact_count` counting stops past
        the ranked window and the page (`total_exact` False): what a keystroke can afford; `facets_and_count`
        gives the rest."""
        q = parse_query(query)
        plan = SearchPlan(self, q, self.rank_window)
        hits = plan.page(limit, offset)
        cap = None if exact_count else max(plan.rank_window, offset + (limit or 0)) + 1
        found_facets = None
        if facets and exact_count:  # the month facet's pass counts every hit: no second count
            found_facets, total = plan.facets_and_count()
        else:
            total = plan.count(cap=cap)
            found_facets = plan.facets(total) if facets else None
        # Near spellings only for a spelling the corpus hardly uses (엔비디야): for a word it does use (정상회의,
        # 웨이퍼), fuzzy hits are names that merely look alike (정상혜), and skipping them spares ~40 ms.
        entities = self._entity_section(q, plan, fuzzy=total <= TYPO_ARTICLES)
        return SearchResult(query, hits, entities, plan.numbers(), total, offset=offset, sort=plan.sort,
                            facets=found_facets, notes=plan.notes,
                            total_exact=cap is None or total < cap, ranked_newest=plan.ranked_newest)

    def search_page(self, query: str, limit: int, offset: int) -> list[ArticleHit]:
        """Only the hits [offset, offset + limit) of a query: what a list scrolled to a page needs (no count, no
        entity or number section)."""
        return SearchPlan(self, parse_query(query), self.rank_window).page(limit, offset)

    def facets_and_count(self, query: str) -> tuple[Facets, int]:
        """A query's facets and its exact number of hits: the part of an answer that grows with the hits,
        which the app asks for after painting the first page."""
        return SearchPlan(self, parse_query(query), self.rank_window).facets_and_count()

    def _entity_section(self, q: Query, plan: "SearchPlan", fuzzy: bool) -> list[EntityHit]:
        """Entities the query names: its @entities first, then what each of its first words resolves to."""
        hits: dict[int, EntityHit] = {}
        for info in self._entity_infos(plan.entity_ids):  # one read for all of the query's @entities
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

    def _numbers_matching(self, amount_text: str, within: tuple[str, list] | None, limit: int = 50) -> list[NumberRow]:
        from .extract.numbers import parse_query_amount

        amount = parse_query_amount(amount_text)
        if amount is None:
            return []
        low, high = amount.value * 0.995, (amount.value_max or amount.value) * 1.005
        where = "n.unit = ? AND n.value <= ? AND coalesce(n.value_max, n.value) >= ?"
        params: list = [amount.unit, high, low]
        if amount.counter:
            where += " AND (n.counter = ? OR n.counter IS NULL)"
            params.append(amount.counter)
        if within is not None:
            where += f" AND n.article_id IN ({within[0]})"
            params += within[1]
        return self._number_rows(where, params, limit=limit)

    # --- saved searches -------------------------------------------------------------------------

    def saved_searches(self) -> dict[str, str]:
        """{name: query}, kept in the index so `hanscope index` can say what each one gained."""
        rows = self._rows("SELECT value FROM meta WHERE key = 'saved_searches'")
        return json.loads(rows[0][0]) if rows else {}

    def save_search(self, name: str, query: str) -> None:
        name = " ".join(name.split())
        if not name or len(name) > 80:
            raise ValueError("a saved search needs a name of 1 to 80 characters")
        parse_query(query)  # a query that cannot be read is not saved (QuerySyntaxError)
        self._write_saved({**self.saved_searches(), name: query})

    def delete_saved_search(self, name: str) -> bool:
        saved = self.saved_searches()
        if saved.pop(name, None) is None:
            return False
        self._write_saved(saved)
        return True

    def _write_saved(self, saved: dict[str, str]) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('saved_searches', ?)",
                            (json.dumps(saved, ensure_ascii=False),))

    def saved_gains(self, after_id: int) -> list[tuple[str, int]]:
        """(name, matching articles with an id above `after_id`) per saved search: what an index run added.
        A saved query that no longer parses counts -1 rather than stopping the report."""
        from .query import QuerySyntaxError

        gains = []
        for name, query in sorted(self.saved_searches().items()):
            try:
                gains.append((name, SearchPlan(self, parse_query(query)).count(("a.id > ?", [after_id]))))
            except QuerySyntaxError:
                gains.append((name, -1))
        return gains

    # --- entities -------------------------------------------------------------------------------

    @cached_property
    def _resolver(self) -> Resolver:
        """The in-memory name index: loaded from the state the linker stored, else built from the aliases."""
        stored = self._rows("SELECT value FROM meta WHERE key = 'resolver'")
        return (stored and Resolver.from_state(stored[0][0])) or Resolver(self._rows(ALIAS_ROWS))

    def refresh(self) -> None:
        """Forget cached lookups after the index changed (e.g. an entity edit)."""
        self.__dict__.pop("_resolver", None)

    def _by_alias(self, name: str, limit: int) -> list[Match]:
        """Exact, then prefix matches of the name's lookup key, answered by the aliases index alone.

        Most lookups are exact or prefix ones; the in-memory resolver (which grows with the corpus) is
        built only when these find nothing: typos, initials, substrings.
        """
        forms = query_forms(name)  # the name's key, and without a particle (오픈AI는 -> 오픈ai)
        if not forms:
            return []
        marks = ",".join("?" * len(forms))
        exact = self._rows(
            f"SELECT a.entity_id, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id "
            f"WHERE a.norm IN ({marks}) AND {NAMEABLE} ORDER BY e.mentions DESC",
            forms,
        )
        if not exact:
            return []
        key = forms[0]
        prefix = self._rows(
            "SELECT a.entity_id, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id "
            f"WHERE a.norm > ? AND a.norm < ? AND {NAMEABLE} ORDER BY e.mentions DESC LIMIT ?",
            (key, key + "\U0010ffff", limit * 4),
        )
        found: dict[int, Match] = {}
        for eid, alias in exact:
            found.setdefault(eid, Match(eid, alias, 100.0, "exact"))
        for eid, alias in prefix:
            found.setdefault(eid, Match(eid, alias, 90.0, "prefix"))
        return list(found.values())[:limit]

    def resolve(self, name: str, limit: int = 10, fuzzy: bool = True) -> list[EntityHit]:
        matches = self._by_alias(name, limit)
        if not matches and (fuzzy or is_initials_query(name) or self._inside_an_alias(name)):
            matches = self._resolver.resolve(name, limit=limit, fuzzy=fuzzy)
        if not matches:
            return []
        infos = {e.id: e for e in self._entity_infos([m.entity_id for m in matches])}
        return [
            EntityHit(m.entity_id, infos[m.entity_id].name, infos[m.entity_id].type, round(m.score, 1), m.how,
                      infos[m.entity_id].mentions, infos[m.entity_id].articles)
            for m in matches
            if m.entity_id in infos
        ]

    def _inside_an_alias(self, name: str) -> bool:
        """Whether some alias contains the name: without fuzzy matching, the in-memory resolver (~15 ms to
        load at 5k articles) can only find substrings, so a word no alias holds (웨이퍼) need not load it."""
        forms = [form for form in query_forms(name) if len(form) >= 2]
        if not forms:
            return False
        return bool(self._rows(f"SELECT 1 FROM aliases WHERE {' OR '.join(['instr(norm, ?)'] * len(forms))} LIMIT 1", forms))

    def find_entity(self, name_or_id: str | int) -> EntityInfo | None:
        """An entity by id, or the single confident answer of the resolver for a name."""
        if isinstance(name_or_id, int):
            found = self._entity_infos([name_or_id])
            return found[0] if found else None
        exact = {m.entity_id for m in self._by_alias(name_or_id, 10) if m.how == "exact"}
        if len(exact) == 1:
            entity_id = exact.pop()
        elif not exact and self._names_an_unmentioned_entity(name_or_id):
            return None  # 삼성SDI is a known company the corpus never names: not a typo of 삼성
        else:
            best = self._resolver.best(name_or_id)
            if best is None:
                return None
            entity_id = best.entity_id
        found = self._entity_infos([entity_id])
        return found[0] if found else None

    def _names_an_unmentioned_entity(self, name: str) -> bool:
        return self.unmentioned_entity(name) is not None

    def unmentioned_entity(self, name: str) -> str | None:
        """The name of a known entity (alias file, edits) that `name` spells but no article mentions (삼성SDI),
        else None: such a name is no typo of another, and the user is told it is known."""
        forms = query_forms(name)
        if not forms:
            return None
        rows = self._rows(
            f"SELECT e.name FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.norm IN ({','.join('?' * len(forms))}) "
            "AND e.mentions = 0 ORDER BY a.norm = ? DESC LIMIT 1", [*forms, forms[0]])
        return rows[0][0] if rows else None

    def _entity_infos(self, ids: list[int]) -> list[EntityInfo]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._rows(
            f"SELECT id, name, type, mentions, articles FROM entities WHERE id IN ({marks})",
            ids,
        )
        # One spelling per lookup key (NVIDIA, not NVIDIA · Nvidia; 오픈AI, not 오픈 AI beside it): the name's own key is
        # the name, and of the others the one written most plainly (fewest spaces and dots), then the first in order.
        spellings: dict[int, dict[str, str]] = {r[0]: {normalize_name(r[1]): r[1]} for r in rows}
        for eid, alias, norm in self._rows(
            f"SELECT entity_id, alias, norm FROM aliases WHERE entity_id IN ({marks}) "
            "ORDER BY length(alias) - length(replace(replace(replace(alias, ' ', ''), '·', ''), '.', '')), alias",
            ids,
        ):
            spellings[eid].setdefault(norm, alias)
        by_id = {r[0]: EntityInfo(r[0], r[1], r[2], sorted(a for a in spellings[r[0]].values() if a != r[1]), r[3], r[4])
                 for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def entities(self, type: str | None = None, min_mentions: int = 1) -> list[EntityInfo]:
        rows = self._rows(
            f"SELECT id FROM entities WHERE mentions >= ? {'AND type = ?' if type else ''} ORDER BY mentions DESC, name",
            [min_mentions] + ([type] if type else []),
        )
        return self._entity_infos([r[0] for r in rows])

    def _articles_naming(self, eid: int, order: str = "ae.recency DESC", limit: int | None = None,
                         offset: int = 0) -> list[ArticleCount]:
        """Articles that name the entity, newest first (the order of its mention list) or in `order`: a page walks
        the entity's rows of article_entities in recency order and stops (no sort of all of them)."""
        # Cut the page from the entity's own rows first, then join the articles: joining before the sort read
        # every article that names the entity (a by-mentions page of 삼성전자 at 100k).
        return [ArticleCount(*r) for r in self._rows(
            "SELECT a.id, a.title, a.source, a.date, ae.mentions FROM (SELECT article_id, mentions, recency "
            f"FROM article_entities ae WHERE entity_id = ? ORDER BY {order} LIMIT ? OFFSET ?) ae "
            f"JOIN articles a ON a.id = ae.article_id ORDER BY {order}",
            (eid, -1 if limit is None else limit, max(0, offset)),
        )]

    def _mention_articles(self, eid: int, offset: int, limit: int | None) -> tuple[list[int], int]:
        """The articles (newest first) that hold mentions [offset, offset + limit), and how many mentions of the
        first one come before the page: counts are read in order until the page is covered, not for every article."""
        page, skip, held = [], offset, 0
        for aid, count in self.db.execute(
                "SELECT article_id, mentions FROM article_entities WHERE entity_id = ? ORDER BY recency DESC", (eid,)):
            if not page and skip >= count:
                skip -= count  # an article entirely before the page
                continue
            if limit is not None and held - skip >= limit:
                break
            page.append(aid)
            held += count
        return page, skip

    def entity_mentions(self, name_or_id: str | int, offset: int = 0, limit: int | None = None) -> list[Mention]:
        """A page of the entity's mentions in its drill-down order (newest article first, then by position):
        `limit` mentions from the `offset`-th. A virtual list asks for the page on screen, at any depth."""
        info = self.find_entity(name_or_id)
        if info is None:
            return []
        return self._mention_page(info.id, offset, limit)

    def mention_rows(self, eid: int, offset: int, limit: int) -> MentionRows:
        """Rows [offset, offset + limit) of the entity's drill-down list (a heading per article, then its
        mentions), for a virtual list laid out from the entity's totals: its articles' counts are read in order
        until the rows are covered (as `_mention_articles` does), then only those articles and mentions are read."""
        row = index = 0
        held: list[tuple[int, int]] = []  # (article id, mentions) of the articles on the rows
        heads: list[int] = []
        firsts: list[int] = []
        for aid, count in self.db.execute(
                "SELECT article_id, mentions FROM article_entities WHERE entity_id = ? ORDER BY recency DESC", (eid,)):
            if row >= offset + limit:
                break
            if row + 1 + count > offset:
                held.append((aid, count))
                heads.append(row)
                firsts.append(index)
            row += 1 + count
            index += count
        if not held:
            return MentionRows(offset, [], [], [], 0, [])
        # the mentions whose rows lie in the page: from the first one at or after `offset` to the last before its end
        first = firsts[0] + max(0, offset - heads[0] - 1)
        last_head = heads[-1]
        end = firsts[-1] + min(held[-1][1], max(0, offset + limit - last_head - 1))
        info = {a.id: a for a in self._rows_of_articles(eid, [aid for aid, _ in held])}
        skip = first - firsts[0]
        mentions = self._mentions_of(eid, [aid for aid, _ in held], skip, end - first)
        return MentionRows(offset, [info[aid] for aid, _ in held], heads, firsts, first, mentions)

    def _rows_of_articles(self, eid: int, ids: list[int]) -> list[ArticleCount]:
        return [ArticleCount(*r) for r in self._rows(
            "SELECT a.id, a.title, a.source, a.date, ae.mentions FROM article_entities ae JOIN articles a "
            "ON a.id = ae.article_id WHERE ae.entity_id = ? AND ae.article_id IN (SELECT value FROM json_each(?))",
            (eid, json.dumps(ids)))]

    def mention_row(self, eid: int, article_id: int | None = None, month: str | None = None) -> int | None:
        """The row of the heading of `article_id`, or of the newest article of `month` (YYYY-MM, or "no date"), in
        the entity's drill-down list (see `mention_rows`); None when no article of the entity matches. Two
        aggregates over the entity's rows of article_entities, whose recency is the list's order."""
        if article_id is not None:
            low = high = None
            found = self._rows("SELECT recency FROM article_entities WHERE entity_id = ? AND article_id = ?",
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
            found = self._rows("SELECT max(recency) FROM article_entities WHERE entity_id = ? AND recency >= ? "
                               "AND recency < ?", (eid, low, high))
        if not found or found[0][0] is None:
            return None
        newer, mentions = self._rows("SELECT count(*), coalesce(sum(mentions), 0) FROM article_entities "
                                     "WHERE entity_id = ? AND recency > ?", (eid, found[0][0]))[0]
        return int(newer) + int(mentions)  # PostgreSQL sums to a Decimal

    def _mention_page(self, eid: int, offset: int, limit: int | None) -> list[Mention]:
        """Mentions [offset, offset + limit) in drill-down order. Reads only the articles that hold them (with their
        bodies), not all of them: whole articles before `offset` are skipped by their counts."""
        page, skip = self._mention_articles(eid, offset, limit)
        return self._mentions_of(eid, page, skip, limit)

    def _mentions_of(self, eid: int, page: list[int], skip: int, limit: int | None) -> list[Mention]:
        """`limit` mentions of the articles `page` (consecutive in drill-down order), after the first `skip`."""
        if not page or limit == 0:
            return []
        rows = self._rows(
            'SELECT m.id, m.article_id, a.source, a.title, a.date, m.part, m.paragraph, m.start, m."end", m.surface, '
            'p.start, p."end" FROM mentions m JOIN articles a ON a.id = m.article_id '
            "LEFT JOIN paragraphs p ON m.part = 'body' AND p.article_id = m.article_id AND p.idx = m.paragraph "
            "WHERE m.entity_id = ? AND m.article_id IN (SELECT value FROM json_each(?)) "
            f"ORDER BY substr(coalesce(a.date, ''), 1, 10) DESC, a.id, {_PART_ORDER}, m.paragraph, m.start LIMIT ? OFFSET ?",
            (eid, json.dumps(page), limit if limit is not None else -1, skip),
        )
        # Bodies once per article, after sorting: sorting rows that carry them moved 40 MB for 6.7k mentions.
        texts = {aid: (body, {"title": title or "", "deck": subtitle or "", "caption": json.loads(captions or "[]")})
                 for aid, body, title, subtitle, captions in self._rows(
                     "SELECT id, body, title, subtitle, captions FROM articles WHERE id IN (SELECT value FROM json_each(?))",
                     (json.dumps(sorted({r[1] for r in rows})),))}
        mentions = []
        for mid, aid, source, title, date, part, par, s, e, surface, ps, pe in rows:
            body, others = texts[aid]
            if part == "body":
                text = body
            else:  # the context of a headline, deck or caption mention is that text
                captions = others["caption"]
                text = (captions[par] if 0 <= par < len(captions) else "") if part == "caption" else others[part]
                ps, pe = 0, len(text)
            left = text[max(ps, s - KWIC_WIDTH):s]
            right = text[e:min(pe, e + KWIC_WIDTH)]
            mentions.append(Mention(mid, eid, aid, source, title, date, par, s, e, surface, left, right, part))
        return mentions

    def entity(self, name_or_id: str | int, mention_limit: int | None = None, offset: int = 0,
               article_limit: int | None = None, related_span: int | None = None,
               timeline: bool = True) -> EntityDetail | None:
        """An entity's mentions newest first (a page of `mention_limit` from mention `offset`), its articles by
        mentions (a page of `article_limit` from article `offset`, all by default), co-mentions over its newest
        `related_span` articles (RELATED_SPAN by default) and (unless `timeline` is False) its timeline."""
        info = self.find_entity(name_or_id)
        if info is None:
            return None
        eid = info.id
        mentions = self._mention_page(eid, max(0, offset), mention_limit)
        articles = self._articles_naming(eid, "ae.mentions DESC, ae.recency DESC", article_limit, offset)
        # Co-mentions over the newest RELATED_SPAN articles: exact for most entities, bounded for the giants
        # (over 13k articles it took 360 ms exactly, 50 ms this way at 20k; and recent company is what a reader wants).
        over = [aid for (aid,) in self._rows(
            "SELECT article_id FROM article_entities WHERE entity_id = ? ORDER BY recency DESC LIMIT ?", (eid, related_span or RELATED_SPAN))]
        related = [
            EntityCount(*r)
            for r in self._rows(
                "SELECT e.id, e.name, e.type, count(*) AS n FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
                "WHERE ae.article_id IN (SELECT value FROM json_each(?)) AND ae.entity_id != ? "
                "GROUP BY ae.entity_id ORDER BY n DESC, sum(ae.mentions) DESC, e.name LIMIT 30",
                (json.dumps(over), eid),
            )
        ]
        return EntityDetail(info, mentions, articles, related, self._timeline(eid) if timeline else [], related_over=len(over), offset=max(0, offset))

    def _timeline(self, eid: int) -> list[tuple[str, int]]:
        """Mentions per month over every dated article, from the entity's own rows (their recency holds the day):
        no join with the articles (joining them cost 83 ms for 66k articles)."""
        per_month: dict[str, int] = {}
        for day, n in self._rows(
                f"SELECT recency >> {ID_BITS} AS day, sum(mentions) FROM article_entities "
                f"WHERE entity_id = ? AND recency >= {DATED_FROM} GROUP BY day", (eid,)):
            month = day_month(day)
            per_month[month] = per_month.get(month, 0) + n
        return sorted(per_month.items())

    # --- numbers --------------------------------------------------------------------------------

    def _number_rows(self, where: str, params: list, order: str = "n.value DESC, n.id DESC", limit: int | None = None) -> list[NumberRow]:
        # Order and cut the narrow number rows first, then join the bodies: sorting rows that carried bodies took
        # 2.9 s for 158k numbers when no index serves the order (by unit and counter).
        rows = self._rows(
            'SELECT n.id, n.article_id, a.source, a.title, n.raw, n.value, n.value_max, n.unit, n.counter, n.qualifier, '
            f'n.period, n.start, n."end", a.body FROM (SELECT * FROM numbers n WHERE {where} ORDER BY {order} LIMIT ?) n '
            f"JOIN articles a ON a.id = n.article_id ORDER BY {order}",
            [*params, limit if limit is not None else -1],
        )
        return [NumberRow(*r[:13], context=sentence_around(r[13], r[11], r[12])) for r in rows]

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
        where, params = _number_filters(unit, min, max)
        if near is not None:
            where.append("n.value BETWEEN ? AND ?")
            params += [near * 0.9, near * 1.1]
        if entity is not None:
            info = self.find_entity(entity)
            if info is None:
                return []
            where.append("n.article_id IN (SELECT article_id FROM mentions WHERE entity_id = ?)")
            params.append(info.id)
        # `near` is a float by type, so formatting it into ORDER BY cannot inject SQL.
        orders = {"value": "n.value DESC, n.id DESC", "unit": "n.unit, n.counter, n.value DESC, n.id",
                  "article": "n.article_id, n.start", "raw": "n.raw, n.id"}
        if order not in orders:
            raise ValueError(f"unknown order {order!r}: one of {', '.join(orders)}")
        sql_order = f"abs(n.value - {float(near)!r})" if near is not None else orders[order]
        return self._number_rows(" AND ".join(where), params, order=sql_order, limit=limit)

    def number_counts(self, by: str, unit: str | None = None, min: float | None = None,
                      max: float | None = None) -> list[tuple[str, str, int]]:
        """(key, label, count) of the numbers matching the filters, counted by "unit" or "article", largest first:
        the frequency table of the numbers screen, over the whole table."""
        where, params = _number_filters(unit, min, max)
        condition = " AND ".join(where)
        if by == "unit":
            return [(u, u, c) for u, c in self._rows(
                f"SELECT n.unit, count(*) AS c FROM numbers n WHERE {condition} GROUP BY n.unit ORDER BY c DESC, n.unit",
                params)]
        if by == "article":
            return [(str(i), f"#{i} {t or s.rsplit('/', 1)[-1]}", c) for i, t, s, c in self._rows(
                f"SELECT a.id, a.title, a.source, c FROM (SELECT n.article_id, count(*) AS c FROM numbers n WHERE {condition} "
                "GROUP BY n.article_id ORDER BY c DESC, n.article_id LIMIT 1000) g JOIN articles a ON a.id = g.article_id "
                "ORDER BY c DESC, a.id", params)]
        raise ValueError(f"unknown column {by!r}: unit or article")

    # --- compare --------------------------------------------------------------------------------

    def compare(self, left_id: int, right_id: int) -> Comparison | None:
        left, right = self.article(left_id), self.article(right_id)
        if left is None or right is None:
            return None
        lents = {r[2] for r in self.mentions_in(left_id)}
        rents = {r[2] for r in self.mentions_in(right_id)}
        by_id = {e.id: e for e in self._entity_infos(sorted(lents | rents))}
        order = lambda ids: sorted((by_id[i] for i in ids if i in by_id), key=lambda e: (-e.mentions, e.name))  # noqa: E731
        # One to one: each figure on either side is paired at most once (one 25% on the left against two on the
        # right is one pair, not two), with the closest unused figure, and among equals the first in the text.
        shared_numbers = []
        unpaired = self.numbers_in(right_id)
        for ln in self.numbers_in(left_id):
            fits = [rn for rn in unpaired if ln.unit == rn.unit and _close(ln.value, rn.value)
                    and (ln.counter or None) == (rn.counter or None)]
            if not fits:
                continue
            rn = min(fits, key=lambda r: (abs(r.value - ln.value), r.raw != ln.raw, r.start))
            unpaired.remove(rn)
            shared_numbers.append(SharedNumber(ln.value, ln.value_max, ln.unit, ln.counter, ln.raw, rn.raw,
                                               ln.context, rn.context, ln.start, rn.start))
        return Comparison(
            _info_of(left), _info_of(right), order(lents & rents), order(lents - rents), order(rents - lents),
            shared_numbers, similar_paragraphs(left.paragraphs, right.paragraphs),
        )

    # --- stories --------------------------------------------------------------------------------

    def _stories_matching(self, query: str) -> list[int]:
        """Stories with an article the query (in the search's query language) finds, any of its hits."""
        ids_sql, params = SearchPlan(self, parse_query(query)).matching_ids_sql()
        return [r[0] for r in self._rows(
            f"SELECT DISTINCT story FROM articles WHERE id IN ({ids_sql}) AND story IS NOT NULL", params)]

    def story_count(self, query: str | None = None) -> int:
        if query is not None and query.strip():
            return len(self._stories_matching(query))
        kept = self._rows("SELECT value FROM meta WHERE key = 'stories_total'")  # counting 100k rows took ~10 ms
        return int(kept[0][0]) if kept else self._rows("SELECT count(*) FROM stories")[0][0]

    def stories(self, query: str | None = None, limit: int | None = 50, offset: int = 0) -> list[StoryRow]:
        """One row per story, the most widely run first: its first article's headline and date, the outlets."""
        where, params = "", []
        if query is not None and query.strip():
            where, params = "WHERE s.id IN (SELECT value FROM json_each(?))", [json.dumps(self._stories_matching(query))]
        # The page's stories first (the stories_biggest index alone: skipping to a far page reads no other
        # table), then their headlines: joined before the OFFSET, 5,000 skipped rows read 5,000 articles
        rows = self._rows(
            "SELECT s.id, s.first_article, a.title, s.first_date, s.last_date, s.articles FROM stories s "
            "JOIN articles a ON a.id = s.first_article "
            f"WHERE s.id IN (SELECT s.id FROM stories s {where} "
            "ORDER BY s.articles DESC, coalesce(s.first_date, '') DESC, s.id LIMIT ? OFFSET ?) "
            "ORDER BY s.articles DESC, coalesce(s.first_date, '') DESC, s.id",
            (*params, limit if limit is not None else -1, offset),
        )
        outlets: dict[int, list[str]] = {r[0]: [] for r in rows}
        for story, outlet in self._rows(
            "SELECT story, outlet FROM articles WHERE story IN (SELECT value FROM json_each(?)) AND outlet IS NOT NULL "
            "ORDER BY story, coalesce(date, '9999'), id", (json.dumps(list(outlets)),)
        ):
            if outlet not in outlets[story]:
                outlets[story].append(outlet)
        return [StoryRow(*r, outlets=outlets[r[0]]) for r in rows]

    def near_groups(self, article_ids: list[int]) -> dict[int, tuple[int, int]]:
        """For each article: (its near-duplicate group, how many articles the group holds, itself included).
        Identical copies share their original's group. What folding a result list into "+N similar" needs."""
        return {aid: (group, size) for aid, group, size in self._rows(
            "SELECT a.id, a.near_group, (SELECT count(*) FROM articles b WHERE b.near_group = a.near_group) FROM articles a "
            "WHERE a.id IN (SELECT value FROM json_each(?)) AND a.near_group IS NOT NULL", (json.dumps(list(article_ids)),))}

    def story_of(self, article_id: int) -> int | None:
        rows = self._rows("SELECT story FROM articles WHERE id = ?", (article_id,))
        return rows[0][0] if rows else None

    def story(self, story_id: int) -> StoryDetail | None:
        """A story's articles in time order (the first marked) with what each adds: entities, figures and
        paragraphs no other telling has, the paragraphs it copies from an earlier one, and the amounts its
        articles convert differently (5000억 달러 → 약 700조원 in one, 약 690조 원 in another)."""
        from .stories import STORY_COMPARED, paragraph_matches

        rows = self._rows(
            "SELECT id, title, outlet, reporters, date, source, copy_of, near_group, body, body_hash FROM articles "
            "WHERE story = ? ORDER BY coalesce(date, '9999'), id", (story_id,))
        if not rows:
            return None
        ids = json.dumps([r[0] for r in rows])
        spans: dict[int, list[tuple[int, int]]] = {}
        for aid, start, end in self._rows(
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
        for aid, eid in self._rows("SELECT article_id, entity_id FROM article_entities "
                                   "WHERE article_id IN (SELECT value FROM json_each(?))", (json.dumps(reps),)):
            entities[aid].add(eid)
        figures: dict[int, list[StoryFigure]] = {aid: [] for aid in reps}
        for aid, raw, value, unit, counter, start in self._rows(
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
        infos = {e.id: e for e in self._entity_infos(sorted(e for e, n in entity_bodies.items() if n == 1))}
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
        return StoryDetail(story_id, articles, self._story_conversions(ids, [r[0] for r in rows]))

    def _story_conversions(self, ids: str, order: list[int]) -> list[ConvertedFigure]:
        position = {aid: i for i, aid in enumerate(order)}
        groups: dict[tuple[str, float], dict[tuple[str, float], Conversion]] = {}
        rows = self._rows(
            "SELECT c.article_id, c.raw, c.value, c.unit, o.raw, o.value, o.unit FROM numbers c "
            "JOIN numbers o ON o.id = c.converts WHERE c.article_id IN (SELECT value FROM json_each(?))", (ids,))
        for aid, raw, value, unit, original_raw, original_value, original_unit in sorted(rows, key=lambda r: position[r[0]]):
            groups.setdefault((original_unit, original_value), {}).setdefault(
                (unit, value), Conversion(aid, raw, value, unit, original_raw))
        return [ConvertedFigure(value, unit, list(conversions.values()))
                for (unit, value), conversions in groups.items() if len(conversions) > 1]

    # --- entity edits ---------------------------------------------------------------------------

    def _for_linker(self, sqlite_utils):
        """What store.linker writes through: sqlite_utils over an SQLite file; a server connection (store.backends)
        offers the same `.conn` and `.execute` itself."""
        return self.db if getattr(self.db, "backend", "sqlite") != "sqlite" else sqlite_utils.Database(self.db)

    def edit(self, op: str, **args) -> None:
        """Apply and store a user edit (merge, rename, retype, alias-add, alias-remove, split, delete, define).

        Raises EditError when it cannot apply, and its subclass NothingToChange when it would change nothing
        (merging two names of one entity, retyping to the same type); nothing is stored then."""
        import sqlite_utils

        from .linker import record_edits  # the linker (and its matcher) is only needed to write

        record_edits(self._for_linker(sqlite_utils), [(op, args)])
        self.refresh()

    def undo(self) -> list[EditRow]:
        """Revert the newest edit (an alias import as a whole); returns the edits undone, [] if there were none."""
        import sqlite_utils

        from .linker import describe_edit, undo_last_edit

        undone = undo_last_edit(self._for_linker(sqlite_utils))
        self.refresh()
        return [EditRow(i, op, args, at, describe_edit(op, args)) for i, op, args, at in undone]

    def edits(self) -> list[EditRow]:
        """Every stored edit, oldest first, with when it was made and what it did in words."""
        from .linker import describe_edit

        out = []
        for edit_id, op, args, at in self._rows("SELECT id, op, args, at FROM edits ORDER BY id"):
            parsed = json.loads(args)
            out.append(EditRow(edit_id, op, parsed, at, describe_edit(op, parsed)))
        return out

    def export_aliases(self) -> str:
        """Every entity as a line of the alias-file format: type<TAB>name<TAB>alias|alias."""
        lines = ["# hanscope aliases: type<TAB>name<TAB>aliases separated by |"]
        for info in self._entity_infos([r[0] for r in self._rows("SELECT id FROM entities ORDER BY type, name")]):
            lines.append(f"{info.type}\t{info.name}\t{'|'.join(info.aliases)}")
        return "\n".join(lines) + "\n"

    def import_aliases(self, text: str) -> int:
        """Define (or extend) an entity for each line; stored as edits so they survive re-indexing."""
        import sqlite_utils

        from .extract.entities import parse_alias_lines
        from .linker import record_edits

        edits = [("define", {"name": c.name, "type": c.type, "aliases": c.aliases}) for c in parse_alias_lines(text)]
        # lines the index already holds (the shipped alias file's, in an export) are not stored again
        stored = record_edits(self._for_linker(sqlite_utils), edits, skip_unchanged=True)
        self.refresh()
        return stored


def _number_filters(unit: str | None, min: float | None, max: float | None) -> tuple[list[str], list]:
    """SQL conditions (and parameters) on numbers `n` for the table's unit and range filters."""
    where, params = ["1"], []
    if unit:
        where.append("n.unit = ?")
        params.append(unit)
    if min is not None:
        where.append("coalesce(n.value_max, n.value) >= ?")
        params.append(min)
    if max is not None:
        where.append("n.value <= ?")
        params.append(max)
    return where, params


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def _info_of(d: ArticleDetail) -> ArticleInfo:
    return ArticleInfo(d.id, d.title, d.subtitle, d.outlet, d.reporters, d.date, d.date_text, d.source, d.chars)


def similar_paragraphs(left: list[Paragraph], right: list[Paragraph], threshold: float = 45.0) -> list[SimilarParagraphs]:
    """Pairs of paragraphs that say much the same thing, aligned in order (greedy best match per left paragraph)."""
    from rapidfuzz import fuzz
    pairs = []
    used: set[int] = set()
    right_grams = [grams(p.text) for p in right]
    for i, lp in enumerate(left):
        lg = grams(lp.text)
        best, best_score = None, threshold
        for j, rg in enumerate(right_grams):
            if j in used:
                continue
            score = fuzz.token_set_ratio(lg, rg) if min(len(lg), len(rg)) > 20 else 0.0
            if score > best_score:
                best, best_score = j, score
        if best is not None:
            used.add(best)
            pairs.append(SimilarParagraphs(i, best, round(best_score, 1)))
    return pairs
