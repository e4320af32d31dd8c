"""Queries without words to drive (`-삼성`, `sort:old`, `before:`) walk the articles in page order as far as the page
or the capped count needs (issue 14): the answers are the ones the dates and the texts say, page by page and in both
orders, and what is read stops at the page instead of starting with every hit of the excluded word."""
from __future__ import annotations

import re

import pytest

import store.article_walk as article_walk
import store.batch_conditions as batch_conditions
from store.api import Index
from store.db import connect
from store.indexer import index_paths
from store.search import RANK_WINDOW
from test_search_cost import pages  # pytest puts tests/ on sys.path (no __init__.py)

OUTLETS = ["한빛데일리", "새벽경제", "동녘일보"]
REPORTERS = ["홍길동", "김서연", "박하원"]
TOPICS = ["삼성전자가 HBM 공급을 늘렸다", "SK하이닉스는 90만 장을 더 만든다", "삼성과 하이닉스가 나란히 올랐다",
          "오픈AI는 5,000억달러를 모은다", "현대차가 관세 대응에 나섰다"]


def _write(corpus, n: int, day: str | None) -> None:
    stamp = f"입력 {day}\n\n" if day else ""
    outlet, reporter, topic = OUTLETS[n % 3], REPORTERS[n % 3], TOPICS[n % 5]
    (corpus / f"{n:02}.txt").write_text(
        f"시장 소식 {n}보\n\n{outlet} {reporter} 기자\n{stamp}{topic}. 업계는 {n + 1}0억 원 규모로 본다.\n",
        encoding="utf-8")


@pytest.fixture(scope="module")
def walked(tmp_path_factory):
    """30 articles over twelve days (several a day, some at the same minute), three undated; one then given an
    empty date and one an unreadable date, as another tool might have written them (both day 0 to a search row)."""
    tmp = tmp_path_factory.mktemp("walk")
    corpus = tmp / "news"
    corpus.mkdir()
    for n in range(30):
        day = None if n in (4, 17, 28) else f"2025-0{1 + n % 3}-{10 + n % 12:02} {8 + n % 2:02}:00"
        _write(corpus, n, day)
    db = connect(tmp / "w.db", create=True)
    index_paths(db, [corpus], workers=0)
    db.execute("UPDATE articles SET date = '' WHERE id = (SELECT id FROM articles WHERE source LIKE '%/17.txt')")
    db.execute("UPDATE articles SET date = '2025-02-30' WHERE id = (SELECT id FROM articles WHERE source LIKE '%/28.txt')")
    db.commit()
    db.close()
    return Index.open(tmp / "w.db")


def _rows(index):
    return {a.id: a for a in index.articles()}


def _text(index, article_id: int) -> str:
    title, body = index._rows("SELECT title, body FROM articles WHERE id = ?", (article_id,))[0]
    return f"{title}\n{body}"


def _entities(index, article_id: int) -> set[str]:
    return {name for (name,) in index._rows("SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
                                            "WHERE ae.article_id = ?", (article_id,))}


def _newest(ids, dates):
    return sorted(ids, key=lambda i: (dates[i] or "", -i), reverse=True)


def _oldest(ids, dates):
    return sorted(ids, key=lambda i: (not dates[i], dates[i] or "", i))  # an empty date is undated


CASES = {  # query: (which articles, by their text, outlet, reporter and date)
    "-삼성": lambda t, o, r, d, e: "삼성" not in t,
    "-삼성 -하이닉스": lambda t, o, r, d, e: "삼성" not in t and "하이닉스" not in t,
    "-하이닉스 outlet:새벽경제": lambda t, o, r, d, e: "하이닉스" not in t and o == "새벽경제",
    "-삼성 by:김서연": lambda t, o, r, d, e: "삼성" not in t and "김서연" in r,
    "-삼성 after:2025-02-01": lambda t, o, r, d, e: "삼성" not in t and (d or "") >= "2025-02-01",
    "-삼성 before:2025-02-15": lambda t, o, r, d, e: "삼성" not in t and "" < (d or "") < "2025-02-15",
    "-오픈AI date:2025-02": lambda t, o, r, d, e: "오픈AI" not in t and "2025-02-01" <= (d or "") < "2025-03-01",
    "before:2025-01-15": lambda t, o, r, d, e: "" < (d or "") < "2025-01-15",
    "outlet:동녘일보": lambda t, o, r, d, e: o == "동녘일보",
    "by:홍길동": lambda t, o, r, d, e: "홍길동" in r,
    "type:person": lambda t, o, r, d, e: True,
    # conditions with words inside OR and NOT, beside entities: asked of each batch as their SQL reads them
    "(@삼성전자 OR 하이닉스)": lambda t, o, r, d, e: "삼성전자" in e or "하이닉스" in t,
    "(@오픈AI OR 관세) -90만": lambda t, o, r, d, e: ("오픈AI" in e or "관세" in t) and "90만" not in t,
    "-(HBM OR @현대차)": lambda t, o, r, d, e: not ("HBM" in t or "현대자동차" in e),  # its name; 현대차 an alias
    "(@SK하이닉스 OR 관세) outlet:새벽경제": lambda t, o, r, d, e: ("SK하이닉스" in e or "관세" in t) and o == "새벽경제",
    "((@삼성전자 -HBM) OR 오픈AI)": lambda t, o, r, d, e: ("삼성전자" in e and "HBM" not in t) or "오픈AI" in t,
    # several outlets: a walk each, merged in the page's order
    "-삼성 outlet:한빛 outlet:동녘": lambda t, o, r, d, e: "삼성" not in t and o in ("한빛데일리", "동녘일보"),
    "outlet:한빛 outlet:새벽": lambda t, o, r, d, e: o in ("한빛데일리", "새벽경제"),
    "by:김서연 outlet:새벽 outlet:동녘 before:2025-03-01":
        lambda t, o, r, d, e: "김서연" in r and o in ("새벽경제", "동녘일보") and "" < (d or "") < "2025-03-01",
    "(@SK하이닉스 OR 관세) outlet:새벽 outlet:동녘 after:2025-02-01":
        lambda t, o, r, d, e: ("SK하이닉스" in e or "관세" in t) and o in ("새벽경제", "동녘일보") and (d or "") >= "2025-02-01",
}


@pytest.mark.parametrize("query", list(CASES))
@pytest.mark.parametrize("batch", [1, 2, 256])
def test_walked_answers_are_the_texts_and_dates(walked, monkeypatch, query, batch):
    monkeypatch.setattr(article_walk, "WALK_BATCH", batch)  # batches that end inside a day, at the undated, at the end
    rows = _rows(walked)
    dates = {i: a.date for i, a in rows.items()}
    keep = CASES[query]
    inside = [i for i, a in rows.items()
              if keep(_text(walked, i), a.outlet, " ".join(a.reporters or []), a.date, _entities(walked, i))]
    assert inside, query
    newest, oldest = _newest(inside, dates), _oldest(inside, dates)
    assert [a.id for a in walked.search(query, limit=None).articles] == newest, query
    assert [a.id for a in walked.search(query + " sort:old", limit=None).articles] == oldest, query
    for size in (1, 4):
        assert pages(walked, query, size) == newest and pages(walked, query + " sort:old", size) == oldest, query
    walked.rank_window = 2  # a keystroke's count stops past the page: at 3 here
    try:
        assert walked.search(query, limit=1, exact_count=False).total_articles == min(len(inside), 3), query
    finally:
        walked.rank_window = RANK_WINDOW
    assert walked.search(query, limit=1).total_articles == len(inside), query
    assert walked.facets_and_count(query)[1] == len(inside), query


def test_an_empty_or_unreadable_date_is_undated(walked):
    """An empty date sorts with the undated in both orders (it came first in sort:old), and a date filter leaves it
    out, as it does for a search row, to which it is day 0; an unreadable date is kept as written."""
    rows = _rows(walked)
    empty = next(i for i, a in rows.items() if a.date == "")
    unreadable = next(i for i, a in rows.items() if a.date == "2025-02-30")
    undated = sorted(i for i, a in rows.items() if not a.date)
    assert empty in undated and len(undated) == 2
    assert [a.id for a in walked.search("sort:old", limit=None).articles][-2:] == undated
    assert [a.id for a in walked.search("sort:new", limit=None).articles][-2:] == undated
    assert empty not in {a.id for a in walked.search("before:2026-01-01", limit=None).articles}
    # its text sorts it among February's; its search row is day 0's: the walk asks that day apart (a range over both
    # would reach back over every day)
    assert "삼성" not in _text(walked, unreadable)
    assert unreadable in {a.id for a in walked.search("-삼성 date:2025-02", limit=None).articles}


def test_an_excluded_word_is_read_over_the_pages_days_only(walked, monkeypatch):
    """The first page of `-삼성` reads 삼성's hits from the newest day its walk starts at, as far as the walk goes (a
    row at a time here), never every hit; a page of one with batches of two stops after a batch or two. One read of
    the word along each walk (the page's, the count's), not a statement a batch (`-하` at 100k: 400 of them)."""
    monkeypatch.setattr(article_walk, "WALK_BATCH", 2)
    monkeypatch.setattr(batch_conditions, "READ_AHEAD", 1)
    statements: list[str] = []
    fetched = []
    batches = walked._batches

    def counted(sql, params=(), *args, **kwargs):
        for rows in batches(sql, params, *args, **kwargs):
            fetched.extend(rows if "articles_fts MATCH" in sql else [])
            yield rows
    monkeypatch.setattr(walked, "_batches", counted)
    walked.rank_window = 1  # the keystroke's count stops at 2
    walked.db.set_trace_callback(statements.append)
    try:
        assert walked.search("-삼성", limit=1, exact_count=False).total_articles == 2
    finally:
        walked.db.set_trace_callback(None)
        walked.rank_window = RANK_WINDOW
    asked = [s for s in statements if "articles_fts MATCH" in s and not s.startswith("--")]
    assert asked and all("rowid >=" in s and "rowid <=" in s for s in asked), asked
    assert not any("NOT (a.id IN" in s for s in statements)
    assert len(asked) <= 2  # one read along the page's walk, one along the count's
    every = walked._rows("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"삼성\"'")[0][0]
    assert 0 < len(fetched) <= 8 < every  # a batch or two's days for the page, as many for the count


def test_a_page_that_walked_every_hit_counts_them_without_walking_again(walked, monkeypatch):
    """A page longer than the hits (`-하` at 100k: 7 articles, every one walked) is every hit: the count, capped or
    exact, is its length (it walked a second time: 300 -> 150 ms a keystroke)."""
    monkeypatch.setattr(article_walk, "WALK_BATCH", 4)
    for query in ("-삼성 -하이닉스", "-삼성 outlet:새벽경제", "-관세 by:김서연"):
        inside = walked.facets_and_count(query)[1]
        assert 0 < inside < 50, query
        for exact in (True, False):
            statements: list[str] = []
            walked.db.set_trace_callback(statements.append)
            try:
                result = walked.search(query, limit=50, exact_count=exact)
            finally:
                walked.db.set_trace_callback(None)
            assert result.total_articles == len(result.articles) == inside and result.total_exact, query
            walks = [s for s in statements if "ORDER BY coalesce(a.date, '') DESC" in s and "MATCH" not in s]
            assert len(walks) == 1, (query, exact, walks)


@pytest.mark.parametrize("sort", ["new", "old"])
def test_a_word_read_along_the_walk_is_what_a_statement_a_batch_reads(walked, sort):
    """Batches in the walk's order (days interleaving ids, an unreadable date among the dated, the undated last) and
    then the walk's first batches again, as a walk that turned back would: each batch's articles holding the word
    are the ones its own statement finds."""
    dated = sorted(((a.id, a.date or "") for a in walked.articles() if a.date),
                   key=lambda row: (row[1], -row[0]), reverse=sort == "new")
    undated = sorted((a.id, "") for a in walked.articles() if not a.date)
    order = dated + undated
    batches = [order[i:i + 3] for i in range(0, len(order), 3)] + [order[:3], order[3:5]]
    readers = batch_conditions.WalkReaders(walked, newest_first=sort == "new")
    for expression in ('"삼성"', '("하이" + "이닉" OR "관세")'):
        for rows in batches:
            along = batch_conditions.Batch(walked, rows, readers).words(expression)
            assert along == batch_conditions.Batch(walked, rows).words(expression), (expression, rows)
        assert any(batch_conditions.Batch(walked, rows).words(expression) for rows in batches)


def test_sort_old_without_words_reads_the_newest_index_backwards(walked):
    """`sort:old` alone walks articles_newest from the oldest date, sorting only the ids within one date, where one
    ORDER BY sorted every article (11 ms a page at 100k)."""
    statements: list[str] = []
    walked.db.set_trace_callback(statements.append)
    try:
        walked.search("sort:old", limit=2)
    finally:
        walked.db.set_trace_callback(None)
    page = next(s for s in statements if "coalesce(a.date, '') > ''" in s)
    plan = " ".join(r[3] for r in walked.db.execute("EXPLAIN QUERY PLAN " + page))
    assert "USING INDEX articles_newest" in plan and "RIGHT PART OF ORDER BY" in plan, plan


@pytest.mark.parametrize("query", [q for q in CASES if "@" in q])
def test_an_entity_is_read_over_a_batchs_days_or_at_each_article_with_one_answer(walked, monkeypatch, query):
    """A batch asks article_entities for the entity's rows over its days (a range of recency), and when those are more
    than NAMING_RANGE_ROWS an article of the batch, one look-up per article instead: the same articles either way."""
    def answers() -> tuple:
        statements: list[str] = []
        walked.db.set_trace_callback(statements.append)
        try:
            found = ([a.id for a in walked.search(query, limit=None).articles],
                     [a.id for a in walked.search(query + " sort:old", limit=4, offset=2).articles],
                     walked.search(query, limit=1, exact_count=False).total_articles)
        finally:
            walked.db.set_trace_callback(None)
        return found, any("recency BETWEEN" in s for s in statements), any("INDEXED BY article_entities_article" in s
                                                                            for s in statements)
    monkeypatch.setattr(article_walk, "WALK_BATCH", 3)
    ranged, by_range, by_article = answers()
    assert by_range and not by_article
    monkeypatch.setattr(batch_conditions, "NAMING_RANGE_ROWS", 0)  # any row of the entity: look up each article
    looked_up, by_range, by_article = answers()
    assert by_article and looked_up == ranged and ranged[0]


def test_a_keystrokes_count_stops_past_the_page_once_it_has_read_enough(walked, monkeypatch):
    """A keystroke's capped count of a walked query stops, once its batches have read COUNT_WALK_READ rows, with more
    hits than the page: a lower bound, said to be one (the app shows "N+" until the exact count after the pause). At
    1M `-HBM -반` read 570k rows for its 1,001 (1.4 s). The page is the page either way; the exact count is every hit."""
    monkeypatch.setattr(article_walk, "WALK_BATCH", 2)
    rows = _rows(walked)
    inside = _newest([i for i in rows if "삼성" not in _text(walked, i)], {i: a.date for i, a in rows.items()})
    assert len(inside) == 18
    monkeypatch.setattr(batch_conditions, "COUNT_WALK_READ", 1)
    stopped = walked.search("-삼성", limit=3, exact_count=False)
    assert [a.id for a in stopped.articles] == inside[:3]
    assert not stopped.total_exact and 4 <= stopped.total_articles < 18  # the page and one more, at least
    later = walked.search("-삼성", limit=3, offset=6, exact_count=False)
    assert [a.id for a in later.articles] == inside[6:9] and 10 <= later.total_articles < 18
    assert walked.facets_and_count("-삼성")[1] == 18
    monkeypatch.setattr(batch_conditions, "COUNT_WALK_READ", 10 ** 9)
    whole = walked.search("-삼성", limit=3, exact_count=False)
    assert whole.total_exact and whole.total_articles == 18


def test_several_outlets_are_walked_one_by_one_and_merged(walked, monkeypatch):
    """`outlet:` picking several outlets walks each through its own (outlet, date) index, merged in the page's order:
    as one `IN (?, ?)` SQLite read every article of both and sorted them before the first (at 1M `@삼성전자 -반도체
    outlet:뉴`: 477 ms a keystroke)."""
    monkeypatch.setattr(article_walk, "WALK_BATCH", 2)
    statements: list[str] = []
    walked.db.set_trace_callback(statements.append)
    try:
        walked.search("-삼성 outlet:한빛 outlet:동녘", limit=3, exact_count=False)
        walked.search("-삼성 outlet:한빛 outlet:동녘 sort:old", limit=3, exact_count=False)
        walked.search("outlet:한빛 outlet:동녘", limit=3, exact_count=False)  # no words: the page and count as well
    finally:
        walked.db.set_trace_callback(None)
    assert not any(re.search(r"a\.outlet IN \([^)]*,", s) for s in statements)  # never both in one statement
    walks = [s for s in statements if s.startswith("SELECT a.id, coalesce(a.date, '') FROM articles")]
    assert walks and all("a.outlet IN (" in s for s in walks)
    assert {"한빛데일리", "동녘일보"} <= {name for s in walks for name in ("한빛데일리", "동녘일보") if f"IN ('{name}')" in s}
    for s in walks:
        plan = " ".join(r[3] for r in walked.db.execute("EXPLAIN QUERY PLAN " + s))
        assert "TEMP B-TREE FOR ORDER BY" not in plan, plan  # RIGHT PART: ids within one date
