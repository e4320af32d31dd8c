"""What a page of hits costs is bounded by the page, not by the hits (issue 14), and the answer stays whole:
date-ordered search rows, the ranked window of sort:rank, counting that stops, and the exact count after."""
from __future__ import annotations

import pytest

from store.query import parse
from store.search import RANK_WINDOW, SearchPlan
from store.fts_query import fts_expression
from store.textindex import DATED_FROM, ID_MASK, date_key, fts_rowid

from conftest import index_of_dated, matched, search_table_of

ALL = {1, 2, 3, 4, 5}


def ordered(index, query: str, **kw) -> list[int]:
    return [a.id for a in index.search(query, limit=None, **kw).articles]


def pages(index, query: str, size: int) -> list[int]:
    out, offset = [], 0
    while page := index.search(query, limit=size, offset=offset).articles:
        out += [a.id for a in page]
        offset += size
    return out


@pytest.mark.parametrize("date, key", [
    (None, 0), ("", 0), ("2025년 10월", 0), ("2025-02-30", 0),  # undated or unreadable: key 0
    ("1900-01-01", 1), ("1899-12-31", 1),  # before 1900 still counts as dated
    ("1900-01-03", 2), ("1900-01-03T23:59", 2), ("2025-10-02T07:53", 45930),  # days: the time does not count
])
def test_date_key(date, key):
    assert date_key(date) == key


def test_search_rows_sort_like_dates_and_keep_the_id():
    rows = [fts_rowid(7, "2025-11-12T09:30"), fts_rowid(3, "2025-11-12"), fts_rowid(9, "2024-01-01"), fts_rowid(2, None)]
    assert rows == sorted(rows, reverse=True)  # newest day first (then the later id), undated last
    assert [r & ID_MASK for r in rows] == [7, 3, 9, 2]
    with pytest.raises(ValueError):
        fts_rowid(ID_MASK + 1, "2025-11-12")  # an id past its bits would corrupt the date order
    assert rows[-1] < DATED_FROM <= rows[-2]


def test_spacing_variants_are_plain_terms_and_reach_two_gaps():
    conn = search_table_of({1: "오픈AI는 5,000억 달러를 말했다", 2: "오픈 AI 5000 억 달러", 3: "5 0 0 0억달러", 4: "50억 달러"})
    expression = fts_expression(parse("5000억달러").root, starts=True)
    assert "*" not in expression  # no prefix: FTS5 merges every doclist of a prefix before it can stop
    assert matched(conn, expression) == {1, 2}  # not 3 gaps
    assert matched(conn, fts_expression(parse("오픈AI").root, starts=True)) == {1, 2}


def test_no_gap_between_digits_the_query_writes_together():
    """Inside a number the query writes whole, no spacing variant splits two digits (nobody writes 2 000억; each such
    variant was another phrase over the commonest terms "00" and "20": 1조2000억원 at 100k 92 -> 57 ms); a gap between
    a digit and a letter still varies (1조 2000억원), and a gap the query has between digits (3.7%) is always one (37%
    is another number)."""
    conn = search_table_of({1: "영업이익 1조2000억원을 냈다", 2: "영업이익 1조 2000억 원을 냈다", 3: "영업이익 1조2 000억원을 냈다",
                            4: "점유율 3.7%로 올랐다", 5: "점유율 37%로 올랐다"})
    amount = fts_expression(parse("1조2000억원").root, starts=True)
    assert '"20_"' not in amount and '"00_"' not in amount and '"조2_"' in amount
    assert matched(conn, amount) == {1, 2}
    share = fts_expression(parse("3.7%").root, starts=True)
    assert matched(conn, share) == {4}  # not 37%


def test_newest_and_oldest_with_words_follow_the_dates(seeds_index):
    dated = {a.id: a.date for a in seeds_index.articles() if a.date}
    newest = ordered(seeds_index, "AI sort:new")
    assert set(newest) == ALL and newest[:len(dated)] == sorted(dated, key=dated.get, reverse=True)  # undated last
    oldest = ordered(seeds_index, "AI sort:old")
    assert set(oldest) == ALL and oldest[:len(dated)] == sorted(dated, key=dated.get)
    for query in ("AI sort:new", "AI sort:old", "AI"):  # pages put together are the whole list, each hit once
        for size in (1, 2, 3):
            assert pages(seeds_index, query, size) == ordered(seeds_index, query), (query, size)


def test_rank_scores_the_newest_window_and_the_rest_follow_newest_first(seeds_index):
    everything = seeds_index.search("AI", limit=None)
    assert not everything.notes  # 5 hits, a window of 1000: all ranked
    seeds_index.rank_window = 2
    windowed = seeds_index.search("AI", limit=None)
    newest = ordered(seeds_index, "AI sort:new")
    ids = [a.id for a in windowed.articles]
    assert set(ids[:2]) == set(newest[:2]) and ids[2:] == newest[2:]
    scores = [a.score for a in windowed.articles[:2]]
    assert scores == sorted(scores, reverse=True) and all(a.score == 0 for a in windowed.articles[2:])
    assert any("newest 2 hits" in note for note in windowed.notes)
    assert pages(seeds_index, "AI", 1) == pages(seeds_index, "AI", 3) == ids  # the window's edge inside a page
    # a query with no more hits than the window is ranked whole, as before
    assert seeds_index.search("젠슨황", limit=None).notes == []


def _hynix_index(tmp_path):
    """Five dated articles that say 하이닉스 in the headline or the body (once spaced), newest last."""
    from store.api import Index

    return Index.open(index_of_dated(tmp_path / "news", [  # (day, headline, body): newest last
        ("2025-10-01", "반도체 수출 늘었다", "SK하이닉스는 HBM 물량을 늘렸다."),
        ("2025-10-02", "SK하이닉스, 청주 공장 증설", "회사는 새 공장을 짓는다."),
        ("2025-10-03", "메모리 값 올라", "SK하이 닉스와 삼성전자가 값을 올렸다."),
        ("2025-10-04", "하이닉스 노조 파업 예고", "노조는 임금을 요구했다."),
        ("2025-10-05", "증시 마감", "하이닉스가 3% 올랐다."),
    ]))


def test_a_big_answer_ranks_its_window_by_headline_without_bm25(tmp_path):
    """Beyond the window, bm25 would read every posting of the query for its IDF (45 ms for HBM at 100k, growing
    with the hits); the window is ranked by where the word is instead: headline or deck first, then the body,
    each newest first, then the older hits. Particles and spacing count as in any search (하이닉스는, 하이 닉스)."""
    index = _hynix_index(tmp_path)
    by_day = {a.date[:10]: a.id for a in index.articles()}
    whole = index.search("하이닉스", limit=None)
    assert not whole.notes and len(whole.articles) == 5  # within the window: bm25, as before
    index.rank_window = 3  # the newest three: 10-05 (body), 10-04 (headline), 10-03 (body, spaced)
    windowed = index.search("하이닉스", limit=None)
    ids = [a.id for a in windowed.articles]
    assert ids == [by_day[d] for d in ("2025-10-04", "2025-10-05", "2025-10-03", "2025-10-02", "2025-10-01")]
    assert [a.score for a in windowed.articles] == [2.0, 1.0, 1.0, 0.0, 0.0]
    assert any("headline" in note for note in windowed.notes)
    assert pages(index, "하이닉스", 2) == ids  # the window's order holds across pages
    assert pages(index, "하이닉스", 1) == ids


def test_headlines_of_words_past_the_windows_edge_are_read_ascending_from_it(tmp_path, monkeypatch):
    """FTS5 checks a scan's lower rowid bound only at a row that matches: newest first, a title scan that finds no
    headline walks on past the window's edge to the oldest article (`삼성전자 영업이익 12` at 1M: 122 ms), which
    words ANDed, seldom all in a headline, risk; ascending it starts there. One word's headlines are dense, and a
    one-letter word beside one matches many: those are read newest first, which stops at the page."""
    from store.api import Index

    monkeypatch.setattr("store.window_headings.COST_PER_HIT_MS", 1e6)  # the scan, not headings matched in memory
    # one headline with both words (10-05); 삼성전자는, 영업이익이: particles
    index = Index.open(index_of_dated(tmp_path / "news", [
        (f"2025-10-{day:02d}", "삼성전자 영업이익 12조" if day == 5 else f"증시 마감 {day}",
         "삼성전자는 3분기 영업이익이 늘었다고 밝혔다.") for day in range(1, 7)]))
    index.rank_window = 3

    def title_scans(query: str) -> tuple[list[str], list[str]]:
        statements: list[str] = []
        index.db.set_trace_callback(statements.append)
        try:
            page = [a.date[5:10] for a in index.search(query, limit=2).articles]
        finally:
            index.db.set_trace_callback(None)
        # the title scan (its expression bound), in the headings table that every file indexed now has
        return page, [s for s in statements if f"{index.search_headings}.rowid > " in s]

    page, scans = title_scans("삼성전자 영업이익")
    assert page == ["10-05", "10-06"] and scans and all("DESC" not in s for s in scans), scans
    page, scans = title_scans("영업이익")
    assert page == ["10-05", "10-06"] and scans and all("DESC LIMIT" in s for s in scans), scans
    page, scans = title_scans("삼 영업이익")  # a one-letter word: every term that starts with 삼
    assert page == ["10-05", "10-06"] and scans and all("DESC LIMIT" in s for s in scans), scans


def test_a_page_that_ends_at_the_headline_matches_skips_those_that_are_no_hits(tmp_path):
    """A headline match that is no hit (here newer than the date range, which the title scan past the window's edge
    does not carry) must not take a place on a page, nor push a real one off."""
    index = _hynix_index(tmp_path)
    by_day = {a.date[:10]: a.id for a in index.articles()}
    index.rank_window = 2  # hits 10-03, 10-02 (headline) in the window, 10-01 after it; 10-04's headline is out of range
    query = "하이닉스 date:2025-10-01..2025-10-03"
    expected = [by_day[d] for d in ("2025-10-02", "2025-10-03", "2025-10-01")]
    assert ordered(index, query) == expected
    for size in (1, 2, 3):
        assert pages(index, query, size) == expected, size
    assert [(a.id, a.score) for a in index.search(query, limit=1).articles] == [(by_day["2025-10-02"], 2.0)]


def test_few_hits_of_a_common_word_rank_by_headline_without_bm25(tmp_path):
    """A filter can leave a few hits of a word in thousands of articles; bm25 would still read all of that word's
    postings for its IDF (58 ms for 206 hits of 삼성 at 100k), so such an answer ranks as a big one does: headline
    or deck first, then newest; a word that is rare keeps bm25."""
    index = _hynix_index(tmp_path)
    by_day = {a.date[:10]: a.id for a in index.articles()}
    ranked = index.search("하이닉스 date:2025-10-02..2025-10-04", limit=None)
    assert {a.id for a in ranked.articles} == {by_day[d] for d in ("2025-10-02", "2025-10-03", "2025-10-04")}
    assert not ranked.notes and len({a.score for a in ranked.articles}) == 3  # in 5 articles, within the window: bm25
    index.rank_window = 3
    windowed = index.search("하이닉스 date:2025-10-02..2025-10-04", limit=None)
    assert [a.id for a in windowed.articles] == [by_day[d] for d in ("2025-10-04", "2025-10-02", "2025-10-03")]
    assert [a.score for a in windowed.articles] == [2.0, 2.0, 1.0] and any("headline" in n for n in windowed.notes)
    assert pages(index, "하이닉스 date:2025-10-02..2025-10-04", 1) == [a.id for a in windowed.articles]
    assert not index.search("청주 공장 after:2025-10-02", limit=None).notes  # rare words: bm25


def test_an_excluded_word_is_scored_by_no_one_and_read_by_no_bm25(tmp_path, monkeypatch):
    """An excluded word is in no hit, so it adds nothing to a hit's bm25; but bm25 read its every posting for its IDF
    (`삼성 -하` at 100k: the prefix of 하, 130 ms to score 3 hits). The hits are scored by the words alone:
    the same scores, and no statement that scores them names the excluded word."""
    from store.ranked_window import RankedWindow

    index = _hynix_index(tmp_path)
    statements: list[str] = []
    index.db.set_trace_callback(statements.append)
    try:
        scored = {q: [(a.id, a.score) for a in index.search(q, limit=None).articles]
                  for q in ("하이닉스 -노조", "하이닉스 -노", "하이닉스 -삼성전자 -파업")}
    finally:
        index.db.set_trace_callback(None)
    monkeypatch.setattr(RankedWindow, "_scored_among", lambda plan, hits, rank, limit, offset: plan._ids(
        f"{rank}, {plan._id}", limit, offset, rank=rank))
    assert scored == {q: [(a.id, a.score) for a in index.search(q, limit=None).articles] for q in scored}
    assert [len(ids) for ids in scored.values()] == [4, 4, 3] and len({s for _, s in scored["하이닉스 -노조"]}) > 1
    scoring = [s for s in statements if "bm25" in s]
    assert len(scoring) == 3 and not any(word in s for s in scoring for word in ("노조", "노", "삼성", "파업")), scoring
    assert pages(index, "하이닉스 -노조", 1) == [a for a, _ in scored["하이닉스 -노조"]]


def test_few_hits_of_a_common_word_with_an_excluded_one_rank_by_headline(tmp_path):
    """A word alone is its answer, whose hits all fit the window when it does; with an excluded word beside it, the
    word alone may be in thousands of articles (`삼성 -하` at 100k: 3 hits of 66,249, ranked by bm25 in 130 ms):
    it ranks by headline, as few hits of a common word narrowed by a filter do."""
    index = _hynix_index(tmp_path)
    index.rank_window = 3
    few = index.search("하이닉스 -노조 -HBM", limit=None)
    assert len(few.articles) == 3 and few.by_headline and any("headline" in n for n in few.notes)
    assert [a.score for a in few.articles] == [2.0, 1.0, 1.0]


def test_a_keystroke_counts_only_past_what_it_shows(seeds_index):
    seeds_index.rank_window = 2
    quick = seeds_index.search("AI", limit=1, exact_count=False)
    assert (quick.total_articles, quick.total_exact) == (3, False)  # stopped at the window + 1: "2+"
    facets, total = seeds_index.facets_and_count("AI")
    assert total == 5 == seeds_index.search("AI", limit=1).total_articles
    assert sum(n for _, n in facets.outlet) <= total
    few = seeds_index.search("젠슨황", limit=1, exact_count=False)
    assert few.total_exact and few.total_articles == seeds_index.search("젠슨황").total_articles


def test_date_filters_become_a_rowid_range(seeds_index):
    plan = SearchPlan(seeds_index, parse("AI after:2025-01-01 before:2026-01"))
    assert "articles_fts.rowid >=" in plan.match and "articles_fts.rowid <" in plan.match
    assert {a.id for a in seeds_index.search("AI after:2025-01-01 before:2026-01", limit=None).articles} == {5}


def dated_index(tmp_path):
    """Six articles of two outlets across a year end and month ends, one undated."""
    from store.api import Index
    from store.db import connect
    from store.indexer import index_paths

    corpus = tmp_path / "news"
    corpus.mkdir(parents=True)
    days = ["2024-12-31 23:50", "2025-01-01 00:10", "2025-01-31 12:00", "2025-02-01 08:00", "2025-02-28 09:00", None]
    for n, day in enumerate(days):
        outlet = ["한빛데일리", "새벽경제"][n % 2]
        stamp = f"입력 {day}\n\n" if day else ""
        (corpus / f"{n}.txt").write_text(
            f"반도체 수출 {n}보\n\n{outlet} 홍길동 기자\n{stamp}삼성전자와 SK하이닉스의 반도체 수출이 {n + 1}0억 달러를 넘었다.\n",
            encoding="utf-8")
    db = connect(tmp_path / "f.db", create=True)
    index_paths(db, [corpus], workers=0)
    db.close()
    return Index.open(tmp_path / "f.db")


def test_facets_read_months_from_the_search_rows_and_outlets_from_the_narrow_index(tmp_path):
    """The month facet groups the days kept in search rowids (no article row read) and the outlet facet reads
    articles_id_outlet: both must agree with the articles' own dates and outlets, across month and year ends
    and with undated articles, which count in the total but in no month."""
    index = dated_index(tmp_path)
    # the last two join the articles (a filter, an @entity): every facet comes from one statement over the hits
    for query in ("반도체", "수출 -새벽경제", "반도체 after:2025-01-01", "반도체 outlet:한빛데일리", "수출 @SK하이닉스 -3보"):
        facets, total = index.facets_and_count(query)
        hits = {a.id for a in index.search(query, limit=None).articles}
        marks = ",".join("?" * len(hits))
        by_date = index._rows(f"SELECT substr(date, 1, 7) m, count(*) FROM articles WHERE id IN ({marks}) "
                              "AND date IS NOT NULL GROUP BY m ORDER BY m", tuple(hits))
        by_outlet = index._rows(f"SELECT outlet, count(*) FROM articles WHERE id IN ({marks}) AND outlet IS NOT NULL "
                                "GROUP BY outlet", tuple(hits))
        assert total == len(hits) and facets.month == [tuple(r) for r in by_date], query
        assert sorted(facets.outlet) == sorted(tuple(r) for r in by_outlet), query
        by_entity = index._rows(f"SELECT entity_id, count(*) FROM article_entities WHERE article_id IN ({marks}) "
                                "GROUP BY entity_id", tuple(hits))
        assert sorted((eid, n) for *_, n, eid in facets.entity) == sorted(tuple(r) for r in by_entity), query
    assert index.facets_and_count("반도체 outlet:한빛데일리")[0].outlet == [("한빛데일리", 3)]
    assert index.facets_and_count("수출 @SK하이닉스 -3보")[1] == 5
    assert index.facets_and_count("반도체")[0].month == [("2024-12", 1), ("2025-01", 2), ("2025-02", 2)]
    assert index.facets_and_count("반도체")[1] == 6


def newest_page_plan(index, query: str) -> str:
    """SQLite's plan for the first page of a query without words, newest first (the statement the search runs)."""
    statements: list[str] = []
    index.db.set_trace_callback(statements.append)
    try:
        index.search_page(query, 1, 0)
    finally:
        index.db.set_trace_callback(None)
    page = next(s for s in statements if "ORDER BY coalesce(a.date, '') DESC" in s)
    return " ".join(r[3] for r in index.db.execute("EXPLAIN QUERY PLAN " + page))


def test_a_date_filter_without_words_is_a_range_of_the_newest_index(tmp_path):
    """`date:2025-01` alone: the page and its capped count seek to the range of articles_newest instead of walking
    it from the newest article down (74-148 ms a page at 100k for a month a year back); answers as the dates say,
    across month and year ends, in both orders and page by page, the undated article in none."""
    index = dated_index(tmp_path)
    dates = {a.id: a.date for a in index.articles()}
    cases = {"date:2025-01": ("2025-01-01", "2025-02-01"), "date:..2025-01": (None, "2025-02-01"),
             "date:2025-02..": ("2025-02-01", None), "date:2024-12..2025-01": ("2024-12-01", "2025-02-01")}
    for query, (since, until) in cases.items():
        inside = {i for i, d in dates.items() if d and (since is None or d >= since) and (until is None or d < until)}
        newest = sorted(inside, key=lambda i: (dates[i], -i), reverse=True)
        assert ordered(index, query) == newest and pages(index, query, 1) == newest, query
        assert ordered(index, query + " sort:old") == newest[::-1], query
        index.rank_window = 1  # a keystroke's count stops past the page: at 2 here
        assert index.search(query, limit=1, exact_count=False).total_articles == min(len(inside), 2), query
        index.rank_window = RANK_WINDOW
        assert index.facets_and_count(query)[1] == len(inside), query
        plan = newest_page_plan(index, query)
        assert "USING INDEX articles_newest (<expr>" in plan, plan  # a range of the index, not a walk of it


def test_an_outlet_alone_is_a_range_of_its_newest_articles(tmp_path):
    """`outlet:한빛데일리` alone reads the outlet's newest articles from articles_outlet_newest, as far as the page,
    instead of sorting all of them (15.9 ms at 100k for 4,328); the order is the dates', the undated last."""
    index = dated_index(tmp_path)
    rows = {a.id: (a.outlet, a.date or "") for a in index.articles()}
    for outlet in ("한빛데일리", "새벽경제"):
        mine = sorted((i for i, (o, _) in rows.items() if o == outlet), key=lambda i: (rows[i][1], -i), reverse=True)
        assert len(mine) == 3 and ordered(index, f"outlet:{outlet}") == mine and pages(index, f"outlet:{outlet}", 1) == mine
        plan = newest_page_plan(index, f"outlet:{outlet}")
        assert "articles_outlet_newest" in plan and "TEMP B-TREE" not in plan, plan


def test_an_entity_alone_is_counted_from_its_own_rows(seeds_index):
    """`@삼성전자` alone: its hits are its rows in article_entities, counted there; probing articles newest first to
    count them cost 12.7 ms at 100k for 엔비디아 (the count of a keystroke, and of every typo read as a name)."""
    statements: list[str] = []
    seeds_index.db.set_trace_callback(statements.append)
    try:
        for name in ("삼성전자", "엔비디아", "오픈AI"):
            entity = seeds_index.find_entity(name)
            expected = {a.id for a in seeds_index.entity(entity.id).articles}
            plan = SearchPlan(seeds_index, parse(f"@{name}"))
            statements.clear()
            assert plan.count() == len(expected) and plan.count(cap=2) == min(2, len(expected)), name
            assert not [s for s in statements if "FROM articles" in s], statements
        # with a filter the articles must be read: counted the usual way, and right
        narrowed = SearchPlan(seeds_index, parse("@엔비디아 outlet:더팩트"))
        assert narrowed.sole_entity is None and narrowed.count() == len(ids_of(seeds_index, "@엔비디아 outlet:더팩트"))
        assert SearchPlan(seeds_index, parse("@없는회사이름")).sole_entity is None
    finally:
        seeds_index.db.set_trace_callback(None)


def ids_of(index, query: str) -> set[int]:
    return {a.id for a in index.search(query, limit=None).articles}


def test_filters_on_the_outlet_and_entities_read_no_article_and_dates_the_rowids(tmp_path):
    """With words to drive, a date filter is the search rows' range alone (their day is the article's date), an
    outlet a search term and an @entity a test of the search row's id (without the tags column the outlet reads the
    (id, outlet) index), so no hit's article row is read to filter it (at 100k the row
    probes of `삼성 outlet:…` cost 38 ms a keystroke). The answers are the articles' own dates and outlets, and an
    undated article is left out by any date filter, `before:` alone included."""
    index = dated_index(tmp_path)
    rows = index._rows("SELECT id, date, outlet FROM articles")
    for query, keep in [
        ("반도체 after:2025-01-01", lambda d, o: d is not None and d >= "2025-01-01"),
        ("반도체 before:2025-02", lambda d, o: d is not None and d < "2025-02-01"),
        ("반도체 date:2025-01", lambda d, o: d is not None and "2025-01-01" <= d < "2025-02-01"),
        ("반도체 outlet:한빛 before:2025-02", lambda d, o: o == "한빛데일리" and d is not None and d < "2025-02-01"),
        ("수출 @삼성전자 outlet:새벽", lambda d, o: o == "새벽경제"),
    ]:
        assert {a.id for a in index.search(query, limit=None).articles} == {i for i, d, o in rows if keep(d, o)}, query
        plan = SearchPlan(index, parse(query))
        assert "a.date" not in plan.where, query
        if plan.where != "1":  # an @entity: the search row's id is enough, no article is read
            assert plan.source == "articles_fts" and "a." not in plan.where, query
    assert "INDEXED BY" not in SearchPlan(index, parse("반도체 by:홍길동")).source  # reporters are in the row
    with_both = SearchPlan(index, parse("수출 @삼성전자 -outlet:새벽"))
    assert "a.outlet" not in with_both.where and with_both.source == "articles_fts"  # the outlet is a search term
    index.search_tags = False  # as a file made before the tags column: the narrow index serves the outlet
    old_file = SearchPlan(index, parse("수출 @삼성전자 -outlet:새벽"))
    assert "a.outlet" in old_file.where and "INDEXED BY articles_id_outlet" in old_file.source
    assert {a.id for a in index.search("수출 @삼성전자 -outlet:새벽", limit=None).articles} == {
        i for i, d, o in rows if o != "새벽경제"}


def test_an_outlet_is_a_search_term_and_answers_as_its_condition_did(tmp_path, monkeypatch):
    """Each search row names its outlet in a tags column, so `outlet:` joins the words inside FTS5 (at 100k the
    condition probed ~30k hits for their outlet). The answers (order, totals, facets, numbers) are those of the
    condition, which a file made before the column still uses."""
    import store.db

    index = dated_index(tmp_path / "tags")
    monkeypatch.setattr(store.db, "SCHEMA", store.db.SCHEMA.replace("fts5(body, title, tags,", "fts5(body, title,"))
    old = dated_index(tmp_path / "old")
    assert index.search_tags and not old.search_tags
    for query in ("반도체 outlet:한빛", "반도체 -outlet:한빛", "수출 outlet:한빛 outlet:새벽", "반도체 outlet:없는곳",
                  "반도체 outlet:한빛 before:2025-02 sort:new", "수출 @삼성전자 outlet:새벽 sort:old", "반도체 outlet:한빛 sort:rank",
                  "40억 달러 -outlet:한빛", "(삼성 | SK) outlet:\"새벽 경제\" -2보"):
        new_answer, old_answer = (ix.search(query, limit=None, facets=True) for ix in (index, old))
        assert [(a.id, a.score) for a in new_answer.articles] == [(a.id, a.score) for a in old_answer.articles], query
        assert new_answer.total_articles == old_answer.total_articles and new_answer.facets == old_answer.facets, query
        assert [n.article_id for n in new_answer.numbers] == [n.article_id for n in old_answer.numbers], query
    assert ids_of(index, "반도체 outlet:한빛") == {1, 3, 5} and ids_of(index, "반도체 -outlet:한빛") == {2, 4, 6}
    plan = SearchPlan(index, parse("반도체 outlet:한빛 -outlet:새벽"))
    assert plan.where == "1" and plan.driver.count('"__o') == 2  # no condition on the articles left
    assert "a.outlet" in SearchPlan(old, parse("반도체 outlet:한빛")).where


def test_a_reindexed_article_leaves_no_outlet_term_behind(tmp_path):
    """A contentless search table deletes a row by its old values: the old outlet's term must go with it."""
    from store.db import connect
    from store.indexer import index_paths

    index = dated_index(tmp_path)
    first = tmp_path / "news" / "0.txt"
    first.write_text(first.read_text(encoding="utf-8").replace("한빛데일리", "새벽경제"), encoding="utf-8")
    db = connect(tmp_path / "f.db", create=True)
    index_paths(db, [tmp_path / "news"], workers=0)
    db.close()
    index = type(index).open(tmp_path / "f.db")
    moved = {a.id for a in index.articles() if a.title.startswith("반도체 수출 0보")}
    assert index.search("반도체 outlet:한빛").total_articles == 2
    assert moved <= ids_of(index, "반도체 outlet:새벽") and len(ids_of(index, "반도체 outlet:새벽")) == 4
