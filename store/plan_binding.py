"""The query tree bound to one index (a mixin of store.search.SearchPlan): entity names resolved, each word's other
spellings looked up, the words that drive the scan split from the conditions on the articles, and the filters
(outlet:, by:, dates) as SQL or as terms of the search table.
"""
from __future__ import annotations

import re
from functools import cached_property
from math import isqrt

from .db import has_index
from .extract.hangul import is_initials_query, normalize_name
from .plan_sql import (_ENTITY_LIST, _ENTITY_PROBE, _ENTITY_ROWS, _NOTHING, _OUTLET_LIST, _REPORTER_IN_JSON, _SINCE,
                       _UNTIL, _WORDS_LIST, WORDS_AT_ROW_TERMS)
from .query import All, Entity, Not, Text
from .fts_query import fts_expression, has_entity
from .search_terms import absent_terms, one_letter_terms
from .textindex import number_starts, outlet_term

_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")
RARE_AT_ROW = 1000  # articles: at ~0.17 ms a row, a rare entity's rows cost at most ~170 ms


class QueryBinding:
    """SearchPlan's binding of its query: the plan's index, query, sort and backend are its own."""

    def _bind(self, node):
        """Resolve entity names to ids, read an initials-only word (ㅅㅅㅈㅈ) as the entity it names, and look
        up each word's other spellings."""
        if isinstance(node, Text):
            if node.kind == "word" and is_initials_query(node.text):
                return self._bind(Entity(node.text, None, node.position))
            self.forms[node] = self._text_forms(node)
            return node
        if isinstance(node, Entity):
            if node.id is not None:
                found = self.index.find_entity(node.id)
            else:
                found = self.index.find_entity(node.name)
            if found is None:
                self.notes.append(f"no entity matches {node.name or '#' + str(node.id)!r}")
                return Entity(node.name, -1, node.position)
            self.entity_ids.append(found.id)
            self.entity_articles[found.id] = found.articles
            return Entity(found.name, found.id, node.position)
        if isinstance(node, Not):
            return Not(self._bind(node.node))
        return type(node)(tuple(self._bind(child) for child in node.nodes))

    def _text_forms(self, text: Text) -> tuple[str, ...]:
        """A word and, when it is exactly a known name, that entity's names in the other script: nvidia also
        finds 엔비디아, 오픈AI also finds OpenAI (fuzzy scores cannot bridge scripts; the alias table can)."""
        if text.kind != "word" or len(text.letters) < 2:
            return (text.text,)
        rows = self.index._rows(
            "SELECT DISTINCT other.alias FROM aliases a JOIN entities e ON e.id = a.entity_id "
            "JOIN aliases other ON other.entity_id = a.entity_id WHERE a.norm = ? AND e.mentions > 0 LIMIT 40",
            (normalize_name(text.text),),
        )
        hangul = bool(_HANGUL.search(text.text))
        if hangul:  # 오픈AI -> OpenAI: names written in Latin letters only
            others = [a for (a,) in rows if _LATIN.search(a) and not _HANGUL.search(a)]
        else:  # nvidia -> 엔비디아
            others = [a for (a,) in rows if _HANGUL.search(a)]
        return (text.text, *sorted(others)[:6])

    def _split(self, root) -> tuple[str | None, list[tuple[str, list]]]:
        """(the FTS5 expression that drives the scan, or None; SQL conditions for the rest of the tree)."""
        if root is None:
            return None, []
        children = list(root.nodes) if isinstance(root, All) else [root]
        words = [c for c in children if not isinstance(c, Not) and not has_entity(c)]
        excluded = [c for c in children if isinstance(c, Not) and not has_entity(c)]
        rest = [c for c in children if c not in words and c not in excluded]
        def expression(node, expand=self._one_letter):
            return fts_expression(node, self._forms, expand, self._absent, self.number_starts)

        driver = expression(All(tuple(words + excluded))) if words else None
        # bm25 weighs each term by its rarity, so one-letter words keep their prefix form where it scores (an
        # answer of up to RANK_WINDOW hits: their postings are that few); the OR form finds the same rows
        self.bm25_driver = expression(All(tuple(words + excluded)), expand=None) if driver else None
        # ... and the words alone where some are excluded: an excluded word adds nothing to a hit's score (no hit
        # holds it), but bm25 would read its every posting for its IDF (RankedWindow._scored_among)
        self.scored_driver = expression(All(tuple(words)), expand=None) if driver and excluded else None
        # each word alone: bm25 reads every posting of each for its IDF, however few hits the whole query has
        self.word_drivers = [expression(word) for word in words] if driver else []
        if driver is None:  # no words to drive (or none with letters): every part becomes a condition
            rest = children
        self._driven = driver is not None
        self._short_words = driver is not None and driver.count('"') // 2 <= WORDS_AT_ROW_TERMS  # one quoted token a term
        self._condition_nodes = rest  # in the conditions' order (the filters follow)
        return driver, [self._anded_condition(c) for c in rest]

    def _anded_condition(self, node) -> tuple[str, list]:
        """A condition ANDed to the words: a rare @entity's rows as the search rows to match when the words are short
        (within OR, a rowid list would make SQLite ask FTS5 for each branch apart, which MATCH refuses)."""
        if (isinstance(node, Entity) and self._driven and self._short_words and self._sqlite
                and (node.id or 0) > 0 and self.entity_articles.get(node.id, 0) <= RARE_AT_ROW):
            return _ENTITY_ROWS, [node.id]
        return self._condition(node)

    @cached_property
    def number_starts(self) -> bool:
        """Whether the index marks where numbers start, so the query's digits match only there (textindex)."""
        return self._sqlite and number_starts(self.index.db)

    def _forms(self, text: Text) -> tuple[str, ...]:
        return self.forms.get(text, (text.text,))

    def _one_letter(self, letter: str) -> list[str] | None:
        return one_letter_terms(self.index.db, letter) if self._sqlite else None  # PostgreSQL: its own plan

    def _absent(self, terms: set[str]) -> set[str]:
        """The terms of a word's spacing variants that the index never held (search_terms.absent_terms), each asked
        once a plan: 엔비디아's 23 phrases (with NVIDIA's) are 5 at 100k, 하이닉스's 40 one."""
        if not self._sqlite:
            return set()  # PostgreSQL: its own plan
        todo = terms - self._term_held.keys()
        if todo:
            gone = absent_terms(self.index.db, todo)
            self._term_held.update((t, t not in gone) for t in todo)
        return {t for t in terms if not self._term_held[t]}

    def _condition(self, node) -> tuple[str, list]:
        """SQL over `a.id` for a subtree: FTS5 where it can, entity lists, NOT/AND/OR around them."""
        if isinstance(node, Entity):
            # Probing each article in scan order stops at the page; listing the entity's articles first costs
            # all of them (73 ms for 삼성전자's 32k at 100k, the probe 0.4 ms) but wins for a rare entity with
            # no words to drive, where the probe would walk every article to find its few.
            articles = self.entity_articles.get(node.id, 0)
            if self._driven or articles * articles > 50 * self.index.max_article_id():
                return _ENTITY_PROBE, [node.id]
            return _ENTITY_LIST, [node.id]
        if isinstance(node, Not):
            sql, params = self._condition(node.node)
            return f"NOT ({sql})", params
        expression = fts_expression(node, self._forms, self._one_letter, self._absent, self.number_starts) \
            if not has_entity(node) else None
        if expression is not None:
            return _WORDS_LIST, [expression]
        if isinstance(node, Text):
            return _NOTHING
        parts = [self._condition(child) for child in node.nodes]
        joiner = " AND " if isinstance(node, All) else " OR "
        return "(" + joiner.join(sql for sql, _ in parts) + ")", [p for _, params in parts for p in params]

    def _picked_outlets(self, names: list[str]) -> list[str]:
        """The outlet names, as stored, that `outlet:` prefixes pick (spaces and case ignored)."""
        keys = [name.lower().replace(" ", "") for name in names]
        return [o for o in self.index.outlets() if any(o.lower().replace(" ", "").startswith(k) for k in keys)]

    def _outlet_tags(self) -> str | None:
        """`outlet:` as FTS5 terms to join to the words' expression (`AND ("__o…" OR …) NOT (…)`: each search row's
        tags column names its outlet, textindex.outlet_term), so FTS5 walks only the rows of both; as a condition it
        probed each word hit for its outlet until a page filled (~30k probes for an outlet of 1 in 30 at 100k).
        None when conditions on the articles must do it: PostgreSQL, a file made before the tags column, no
        `outlet:`, or names that pick no outlet (the condition "0" answers that at once)."""
        q = self.q
        if not (q.outlets or q.not_outlets) or not self._sqlite or not self.index.search_tags:
            return None
        picked, avoided = self._picked_outlets(q.outlets), self._picked_outlets(q.not_outlets)
        if q.outlets and not picked:
            return None

        def either(outlets: list[str]) -> str:
            return "(" + " OR ".join(f'"{outlet_term(o)}"' for o in outlets) + ")"  # hex tokens: nothing to escape

        return (f"AND {either(picked)}" if picked else "") + (f" NOT {either(avoided)}" if avoided else "")

    def _filters(self, outlets: bool = True) -> list[tuple[str, list]]:
        q = self.q
        out: list[tuple[str, list]] = []
        for names, negated in ((q.outlets, False), (q.not_outlets, True)) if outlets else ():
            if names:  # the few outlet names the prefixes pick, compared as they are stored (articles_outlet_newest)
                picked = self._picked_outlets(names)
                either = f"{_OUTLET_LIST}{', '.join('?' * len(picked))})"
                if negated and picked:  # an article without an outlet is not one of them
                    out.append((f"(a.outlet IS NULL OR NOT {either})", picked))
                elif not negated:  # no outlet by that name: a constant 0, which SQLite tests once, not on every hit
                    out.append((either, picked) if picked else ("0", []))
        # asked only of a query with by: (a lookup in sqlite_master), else each article's JSON list is read
        listed = (q.reporters or q.not_reporters) and has_index(self.index.db, "article_reporters", "table")
        for names, negated in ((q.reporters, False), (q.not_reporters, True)):
            if not names:
                continue
            keys = [name.lower().replace(" ", "") for name in names]
            if listed:  # a prefix is a range of names: every name that starts with it sorts below it + U+10FFFF
                ranges = " OR ".join(["(reporter >= ? AND reporter < ?)"] * len(keys))
                either = f"a.id IN (SELECT article_id FROM article_reporters WHERE {ranges})"
                params = [p for key in keys for p in (key, key + "\U0010ffff")]
                if not negated:
                    self._reporter_ranges = (ranges, params)
                if not negated and self.driver is None and self._sqlite:
                    # A common prefix (by:김, 45k articles at 1M) is walked newest first through articles_newest, each
                    # article looked up in the list, rather than sorted by date: 105 -> 51 ms a keystroke at 1M. A
                    # list of n articles in N takes ~N/n steps a hit walked and ~1 a hit sorted: it is walked when
                    # the capped count's 1,001 hits cost less that way, n² > 1,001 × N (by:김 at 100k is not)
                    enough = isqrt((self.rank_window + 1) * self.index.max_article_id()) + 1
                    self._common_reporters = self.index._rows(
                        f"SELECT count(*) FROM (SELECT 1 FROM article_reporters WHERE {ranges} LIMIT ?)",
                        (*params, enough))[0][0] >= enough
            else:
                either = "(" + " OR ".join([_REPORTER_IN_JSON] * len(keys)) + ")"
                params = [p for key in keys for p in (len(key), key)]
            out.append((f"NOT {either}" if negated else either, params))
        # With words to drive the scan, the rowid range is the date filter (a row's day is its article's date:
        # textindex.fts_rowid), and testing a.date again would read every hit's article row
        if q.since and self.driver is None:
            out.append((_SINCE, [q.since]))
        if q.until and self.driver is None:
            out.append((_UNTIL, [q.until]))
        return out
