"""The SQL fragments a search plan is made of (store.search), shared with its facet counting (store.facets): a
condition's text says which kind it is (an @entity probed or listed, words read whole or asked at a row, an outlet
list), which is how each picks its cheapest reading."""
from __future__ import annotations

import re

from .textindex import ID_BITS, ID_MASK

_ARTICLE_ORDER = {  # without words to match, the articles table is scanned (articles_newest)
    "new": "coalesce(a.date, '') DESC, a.id",
    "old": "coalesce(a.date, '') = '', coalesce(a.date, ''), a.id",  # an empty date is undated, as for "new"
}
# ... and as SQLite walks articles_newest in those orders, a batch at a time (SearchPlan._in_order): sort:old in one
# statement sorted every article (9-12 ms at 100k for a page); the dated part sorts only the ids within one date
_ORDER_PARTS = {
    "new": (("", "coalesce(a.date, '') DESC, a.id"),),
    "old": ((" AND coalesce(a.date, '') > ''", "coalesce(a.date, ''), a.id"), (" AND coalesce(a.date, '') = ''", "a.id")),
}
_NOTHING = ("0", [])
# A date filter without words to drive: an empty date is undated, as it is to a search row's day (textindex.date_key)
_SINCE = "a.date >= ?"
_UNTIL = "a.date > '' AND a.date < ?"
_ID = f"(articles_fts.rowid & {ID_MASK})"  # the article id inside a search rowid
_ARTICLE_COLUMN = re.compile(r"\ba\.(\w+)")  # the article columns a plan's conditions read
_ARTICLE_ID = re.compile(r"\ba\.id\b")
# One entity's condition, probing article_entities for each article: over `a.id`, and as it reads inside a search row
_ENTITY_PROBE = "EXISTS (SELECT 1 FROM article_entities ae WHERE ae.entity_id = ? AND ae.article_id = a.id)"
_ENTITY_EXCLUDED = f"NOT ({_ENTITY_PROBE})"
_ENTITY_LIST = "a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)"  # a rare entity's, read first
_OUTLET_LIST = "a.outlet IN ("  # how an `outlet:` filter's condition starts (_filters)
# `by:` in an article's JSON list of reporters (PostgreSQL, a file opened read-only before it had article_reporters)
_REPORTER_IN_JSON = "EXISTS (SELECT 1 FROM json_each(a.reporters) r WHERE substr(replace(lower(r.value), ' ', ''), 1, ?) = ?)"
_WORDS_LIST = f"a.id IN (SELECT {_ID} FROM articles_fts WHERE articles_fts MATCH ?)"  # every hit of some words, read once
WORDS_AT_ROW_TERMS = 10  # terms: a word expression this short is asked at a row (_WORDS_AT_ROW)
# ... and the same words asked at one row of a driving entity (its search rowid is its day above its id). FTS5 seeks
# each term of the expression in turn: at 1M ~0.17 ms for 반도체 (8 terms: its spacings), 0.8 ms for 90만장 (21),
# 1.9 ms for HBM (140, with its other names), 21 ms for "메모리 반도체" (80, a phrase); so only a short expression
# is asked at each row, a longer one read whole once
_WORDS_AT_ROW = (f"EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? "
                 f"AND articles_fts.rowid = (ae.recency >> {ID_BITS} << {ID_BITS} | ae.article_id))")
# ... or at an article's own search row (db.connect's hanscope_search_row: textindex.fts_rowid), asked of one article
_WORDS_AT_ARTICLE = ("EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? "
                     "AND articles_fts.rowid = hanscope_search_row(a.id, coalesce(a.date, '9999')))")
# Short words with a rare @entity (`반도체 @박하원`): the entity's search rows, each handed to FTS5 to match at that row,
# instead of the words' every hit probed for the entity (at 1M 반도체's 600k, 2.0 s, for 195 articles: ~35 ms)
_ENTITY_ROWS = (f"articles_fts.rowid IN (SELECT recency >> {ID_BITS} << {ID_BITS} | article_id FROM article_entities "
                "WHERE entity_id = ?)")


def rowid_bounds(bounds: list[tuple[str, int]], table: str = "articles_fts") -> str:
    """` AND articles_fts.rowid >= n …`: a range of search rows FTS5 seeks to (SearchPlan._rowid_range's bounds), in
    the search table or the headings' (`table`, a name of ours: they share rowids)."""
    return "".join(f" AND {table}.rowid {op} {int(bound)}" for op, bound in bounds)
