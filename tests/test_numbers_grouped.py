"""The numbers read group by group (unit, counter) give what the single statement gives, and a page reads about its
own rows: the numbers screen's default order and a query's amount no longer sort or scan a unit's every number, and
the order by article walks the articles when enough numbers match to fill the page soon."""
from __future__ import annotations

import random
import sqlite3

import pytest

import store.number_table as number_table
from store.api import Index
from store.query import parse
from store.search import SearchPlan

from conftest import index_of_dated


def _add_numbers(path, count: int, seed: int = 7, ties: bool = True) -> None:
    """Synthetic rows on the seed articles: every unit, NULL and Korean counters, many equal values (ties), ranges
    that start below a bound and reach past it, and a few malformed ranges (a maximum below the value)."""
    rng = random.Random(seed)
    db = sqlite3.connect(path)
    articles = [r[0] for r in db.execute("SELECT id FROM articles")]
    groups = [("KRW", None), ("USD", None), ("%", None), ("W", None), ("count", "명"), ("count", "장"), ("count", "개"),
              ("count", None)]
    top = db.execute("SELECT coalesce(max(id), 0) FROM numbers").fetchone()[0]
    rows = []
    for i in range(count):
        unit, counter = rng.choice(groups)
        value = float(rng.choice([1, 5, 10, 90, 900_000, 1e8, 3e12, 5e12, 1.23e14]) if ties and rng.random() < 0.5
                      else rng.randrange(1, 10**rng.randrange(1, 14)))
        value_max = None
        if rng.random() < 0.15:
            value_max = value * rng.choice([1.5, 2, 10, 100]) if rng.random() < 0.95 else value / 2
        start = rng.randrange(50)  # a few numbers of an article share a start: ties the order by article breaks by id
        rows.append((top + 1 + i, rng.choice(articles), 0, start, start + 2, "90만장", value, value_max, unit, counter))
    db.executemany('INSERT INTO numbers(id, article_id, paragraph, start, "end", raw, value, value_max, unit, counter) '
                   "VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    db.commit()
    db.close()


@pytest.fixture
def numbers_index(seeds_db_copy):
    _add_numbers(seeds_db_copy, 3000)
    index = Index.open(seeds_db_copy)
    yield index
    index.close()


class OddArticles:
    """store.number_table.Hits: the articles with odd ids, read as a subquery, known already, or probed."""

    def __init__(self, how: str = "read") -> None:
        self.how = how

    def matching_ids_sql(self) -> tuple[str, list]:
        return "SELECT id FROM articles WHERE id % 2 = 1", []

    def known_hits(self) -> set[int] | None:
        return set(range(1, 10_000, 2)) if self.how == "known" else None

    def hits_among(self, article_ids: list[int]) -> set[int] | None:
        return {a for a in article_ids if a % 2} if self.how == "probed" else None


def _both(monkeypatch, read):
    """(grouped answer, single statement's answer) of `read()`."""
    grouped = read()
    with monkeypatch.context() as patch:
        patch.setattr(number_table, "has_index", lambda *args, **kwargs: False)
        single = read()
    return grouped, single


def test_a_new_index_reads_numbers_by_group(numbers_index):
    names = {r[0] for r in numbers_index.db.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'numbers'")}
    assert {"numbers_unit_counter", "numbers_ranges", "numbers_ranges_value"} <= names and "numbers_unit_value" not in names


@pytest.mark.parametrize("order", ["unit", "value", "article"])
@pytest.mark.parametrize("filters", [{}, {"unit": "KRW"}, {"unit": "count"}, {"min": 1e12}, {"max": 10},
                                     {"unit": "USD", "min": 1e3, "max": 1e9}, {"unit": "KRW", "min": 1.23e14},
                                     {"min": 100, "max": 50}, {"unit": "XYZ"}, {"unit": "", "min": 0.0}])
@pytest.mark.parametrize("limit", [1, 37, None])
def test_grouped_pages_equal_the_single_statement(numbers_index, monkeypatch, order, filters, limit):
    monkeypatch.setattr(number_table, "REACH_BATCH", 2)
    def read():
        return [(n.id, n.value, n.context) for n in numbers_index.numbers(order=order, limit=limit, **filters)]

    grouped, single = _both(monkeypatch, read)
    assert grouped == single
    if not filters.get("unit", "").startswith("X") and filters != {"min": 100, "max": 50}:
        assert grouped


@pytest.mark.parametrize("reach_batch", [1, 3, 256])  # the ranges read from both sides, turn by turn
@pytest.mark.parametrize("few", [0, 1000])  # the matching articles' own numbers, or the amount's filtered by them
@pytest.mark.parametrize("amount", ["90만장", "90만 장", "1조원", "3~5조원", "123조원", "5명", "10%", "30억 달러", "1억",
                                    "5조100억원", "29조5500억원"])  # near tiers of several windows (5조 and 5조50억±)
def test_a_query_amount_equals_the_single_statement(numbers_index, monkeypatch, amount, reach_batch, few):
    monkeypatch.setattr(number_table, "REACH_BATCH", reach_batch)
    monkeypatch.setattr(number_table, "FEW_ARTICLES", few)
    for inside in (None, OddArticles()):
        grouped, single = _both(monkeypatch, lambda: [n.id for n in number_table.numbers_matching(
            numbers_index, amount, inside, 50)])
        assert grouped == single, (amount, inside)


@pytest.mark.parametrize("how, chunk, at_most", [
    ("known", 64, 512), ("probed", 64, 512), ("probed", 1, 4), ("probed", 3, 40), ("probed", 7, 10_000)])
@pytest.mark.parametrize("amount", ["90만장", "1조원", "3~5조원", "5명", "10%", "30억 달러", "5조100억원"])
@pytest.mark.parametrize("few", [0, 1000])
def test_hits_known_or_probed_find_what_reading_them_finds(numbers_index, monkeypatch, amount, how, chunk, at_most,
                                                            few):
    """Probing the rows' articles a chunk at a time, giving up past `at_most` rows (the rows probed then go on
    through the filter), or the hits the plan already holds: the same numbers as reading every hit."""
    monkeypatch.setattr(number_table, "FEW_ARTICLES", few)
    monkeypatch.setattr(number_table, "PROBED_CHUNK", chunk)
    monkeypatch.setattr(number_table, "PROBED_AT_MOST", at_most)
    for limit in (1, 5, 50):
        read = number_table.numbers_matching(numbers_index, amount, OddArticles(), limit)
        other = number_table.numbers_matching(numbers_index, amount, OddArticles(how), limit)
        assert [n.id for n in other] == [n.id for n in read], (amount, limit)
        assert all(n.article_id % 2 for n in other)


@pytest.mark.parametrize("few", [0, 1000])
def test_the_matching_articles_are_read_once(numbers_index, monkeypatch, few):
    """A query's amount with more words reads its matching articles once: as a subquery of each statement that read
    200 reaching ranges, the query's search ran again in each (at 1M `1조2000억원 outlet:뉴시스`: 450 times, 63 s)."""
    monkeypatch.setattr(number_table, "REACH_BATCH", 1)
    monkeypatch.setattr(number_table, "FEW_ARTICLES", few)
    statements: list[str] = []
    numbers_index.db.set_trace_callback(statements.append)
    try:
        found = number_table.numbers_matching(numbers_index, "5조원", OddArticles(), 500)
    finally:
        numbers_index.db.set_trace_callback(None)
    assert found and len([s for s in statements if "id % 2 = 1" in s]) == 1


def test_a_range_reaching_into_the_bounds_is_found_from_below(numbers_index):
    """3~5조 matches a filter from 4조: its value is below the bound, its maximum inside it."""
    rows = numbers_index.numbers(unit="KRW", min=4e12, order="value")
    assert any(n.value < 4e12 <= n.value_max for n in rows if n.value_max)
    assert all(max(n.value, n.value_max or n.value) >= 4e12 for n in rows)


def _steps(index, read) -> int:
    """SQLite virtual-machine steps (in hundreds) that `read()` costs: what a statement reads, not the clock."""
    steps = [0]

    def count():
        steps[0] += 1
        return 0

    index.db.set_progress_handler(count, 100)
    try:
        read()
    finally:
        index.db.set_progress_handler(None, 100)
    return steps[0]


def test_a_page_reads_about_its_own_rows(seeds_db_copy, monkeypatch):
    """The screen's first page by unit, on 10,000 numbers and then on 40,000: the single statement sorts every
    number of the first unit, so its cost grows with the table; the grouped read costs about the same on both.
    An amount no article states scanned every smaller number of its unit; grouped, it reads only ranges (3~5조):
    those below it and those reaching past it, a batch of each in turn until one side runs out (here, where most
    synthetic ranges are on both sides, about twice the smaller side)."""
    index = Index.open(seeds_db_copy)
    page = lambda: index.numbers(order="unit", limit=20)  # noqa: E731
    absent = lambda: number_table.numbers_matching(index, "7억3천2백만 달러", None, 50)  # noqa: E731
    costs = []
    try:
        for seed in (3, 4):  # 10,000 numbers, then 30,000 more
            _add_numbers(seeds_db_copy, 10_000 if seed == 3 else 30_000, seed=seed, ties=False)
            grouped = (_steps(index, page), _steps(index, absent))
            with monkeypatch.context() as patch:
                patch.setattr(number_table, "has_index", lambda *args, **kwargs: False)
                single = (_steps(index, page), _steps(index, absent))
            costs.append((grouped, single))
    finally:
        index.close()
    (small_grouped, small_single), (big_grouped, big_single) = costs
    assert big_single[0] > 3 * small_single[0] and big_grouped[0] < 1.5 * small_grouped[0] + 5, costs
    assert small_grouped[1] * 2 < small_single[1] and big_grouped[1] * 4 < big_single[1], costs


def test_the_order_by_article_walks_only_when_many_match(numbers_index):
    """Walking every number in article order to find a rare unit's few would read the table; sorting a common
    unit's every number would read most of it: walk when at least sqrt(page x table) match."""
    assert number_table._matches_at_least(numbers_index, "KRW", None, None, 5)
    assert not number_table._matches_at_least(numbers_index, "KRW", 1e5, 1.1e5, 5)
    assert not number_table._matches_at_least(numbers_index, "XYZ", None, None, 5)


@pytest.mark.parametrize("few", [0, 2000])  # the entity's articles' own numbers sorted, or the groups' walk filtered
@pytest.mark.parametrize("order", ["value", "unit", "article", "raw"])
@pytest.mark.parametrize("filters", [{"near": 1e8}, {"near": 90, "unit": "count"}, {"near": 5e12, "min": 4e12},
                                     {"near": 3e12, "max": 3.1e12}, {"entity": "삼성전자"}, {"entity": "SK하이닉스", "min": 1e6},
                                     {"entity": "삼성전자", "near": 5e12}, {"entity": "없는회사"}, {"max": 10},
                                     {"min": 5e12, "unit": "KRW"}])
def test_near_entity_and_bounds_equal_the_single_statement(numbers_index, monkeypatch, few, order, filters):
    """Without an index of every number by value (db.ADDITIONS no_numbers_value), `near`, an entity and the value
    bounds of every order read the groups' ranges: the same rows in the same order as the single statement."""
    monkeypatch.setattr(number_table, "REACH_BATCH", 2)
    monkeypatch.setattr(number_table, "FEW_ARTICLES", few)
    grouped, single = _both(monkeypatch, lambda: [(n.id, n.value) for n in numbers_index.numbers(order=order, limit=40,
                                                                                              **filters)])
    assert grouped == single
    if filters.get("entity") != "없는회사":
        assert grouped


@pytest.mark.parametrize("by", ["unit", "article"])
@pytest.mark.parametrize("filters", [{}, {"min": 1e12}, {"max": 10}, {"unit": "KRW", "min": 4e12}, {"unit": "XYZ", "max": 5},
                                     {"min": 100, "max": 50}, {"unit": "count", "min": 1, "max": 1e6}])
def test_counts_within_bounds_equal_the_single_statement(numbers_index, monkeypatch, by, filters):
    grouped, single = _both(monkeypatch, lambda: numbers_index.number_counts(by, **filters))
    assert grouped == single
    if filters in ({}, {"min": 1e12}, {"max": 10}):
        assert grouped


def test_no_index_of_every_number_by_value(seeds_db_copy):
    """A new index has none; a file that has one loses it when next opened for indexing, and answers the same."""
    from store.db import connect

    index = Index.open(seeds_db_copy)
    names = lambda: {r[0] for r in index.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}  # noqa: E731
    assert "numbers_value" not in names()
    before = [n.id for n in index.numbers(limit=30)]
    index.close()
    db = sqlite3.connect(seeds_db_copy)
    db.executescript("CREATE INDEX numbers_value ON numbers(value); "
                     "UPDATE meta SET value = replace(value, 'no_numbers_value', '') WHERE key = 'additions'")
    db.close()
    connect(seeds_db_copy, create=True).close()
    index = Index.open(seeds_db_copy)
    try:
        assert "numbers_value" not in names() and [n.id for n in index.numbers(limit=30)] == before
    finally:
        index.close()


@pytest.fixture
def chips_index(tmp_path):
    """Six dated articles with 30% in them, five on 반도체 (반도체는, 반도체가, 반도체의: particles)."""
    bodies = ["반도체 수출이 30% 늘었다. 메모리는 12% 올랐다.", "반도체는 재고가 30% 줄었다.",
              "D램 값이 30% 뛰었다. 반도체가 끌었다.", "자동차 판매가 30% 늘었다.", "반도체 매출 비중이 30%를 넘었다.",
              "반도체의 30%는 메모리다."]
    index = Index.open(index_of_dated(tmp_path / "news", [
        (f"2025-10-0{n + 1}", f"시황 {n}", body) for n, body in enumerate(bodies)]))
    yield index
    index.close()


@pytest.mark.parametrize("query", ["반도체 30%", "반도체 -D램 30%", "30% 반도체 outlet:한빛경제", "반도 체 30%"])
def test_a_search_finds_the_same_numbers_from_its_window_probed_or_read(chips_index, monkeypatch, query):
    """The hits the ranked window already holds, each probed at its search row, or all read again: one answer."""
    def numbers() -> list[int]:
        return [n.id for n in chips_index.search(query).numbers]

    known = numbers()  # a few hits: the ranked window holds them all
    chips_index.rank_window = 1
    monkeypatch.setattr(number_table, "PROBED_CHUNK", 2)
    probed = numbers()
    monkeypatch.setattr(SearchPlan, "hits_among", lambda plan, ids: None)
    assert len(known) >= 2 and probed == known and numbers() == known, query


def test_a_big_answer_probes_the_articles_of_its_amount_instead_of_reading_every_hit(chips_index):
    """At 1M `반도체 30%` read its 739k hits to keep the numbers of 30% in them (607 ms); the articles of the first
    numbers of 30%, asked one by one whether they are hits, fill the page (21 ms)."""
    chips_index.rank_window = 1  # more hits than the ranked window holds
    statements: list[str] = []
    chips_index.db.set_trace_callback(statements.append)
    try:
        found = chips_index.search("반도체 30%").numbers
    finally:
        chips_index.db.set_trace_callback(None)
    hits = {a.id for a in chips_index.search("반도체 30%").articles}
    assert len(found) == len(hits) >= 3 and {n.article_id for n in found} == hits
    assert any("hanscope_search_row(m.id" in s for s in statements)
    assert not any(s.startswith("SELECT * FROM (SELECT") for s in statements), statements


def test_a_window_of_the_newest_articles_reads_its_hits_rather_than_probe(chips_index):
    """A keystroke's window of the newest articles holds few hits (at most the window), and most of an amount's
    numbers are older than it: probing them would mostly miss (`반도체 30%` at 1M: 9 ms more than reading its 14k)."""
    whole, windowed = SearchPlan(chips_index, parse("반도체 30%")), SearchPlan(chips_index, parse("반도체 30%"), newest=3)
    assert windowed.window_floor is not None and whole.window_floor is None
    assert windowed.hits_among([1, 2, 3]) is None and whole.hits_among([1, 2, 3]) == {1, 2, 3}
    assert {n.article_id for n in windowed.numbers()} == {a.id for a in windowed.page(None, 0)} != set()


def test_a_window_that_holds_a_whole_page_keeps_the_whole_answers_numbers(chips_index):
    """A keystroke's window of the newest articles that holds more hits than the ranked window is the answer: no
    second one follows it, so its numbers must be the whole answer's, not only the window's (at 1M `반도체 30%`
    showed other 30%s in the app than on the command line)."""
    chips_index.newest_window, chips_index.rank_window = 3, 1  # the newest three hold two hits of 반도체 30%
    keystroke = chips_index.search("반도체 30%", limit=1, exact_count=False, newest_first=True)
    whole = chips_index.search("반도체 30%", limit=1, exact_count=False)
    assert keystroke.newest_only is None and [a.id for a in keystroke.articles] == [a.id for a in whole.articles]
    assert [n.id for n in keystroke.numbers] == [n.id for n in whole.numbers] and len(whole.numbers) == 5
    assert keystroke.numbers_newest_hits is None and not keystroke.partial  # probed: the whole answer's, at once


def test_a_window_whose_whole_numbers_would_read_every_hit_keeps_its_own_and_says_so(chips_index):
    """Where the whole answer's numbers could only be had by reading every hit (an OR of words has no probe), a
    keystroke's window that holds a whole page keeps its own articles' numbers and says so: at 100k `전력
    500메가와트` read its 10,539 hits for them (47 ms of a 58 ms keystroke; ten times that at 1M). The app then
    asks for the whole answer, as for a window short of a page."""
    chips_index.newest_window, chips_index.rank_window = 3, 1  # the newest three hold two hits
    query = "(반도체 | D램) 30%"
    keystroke = chips_index.search(query, limit=1, exact_count=False, newest_first=True)
    whole = chips_index.search(query, limit=1, exact_count=False)
    assert keystroke.newest_only is None and [a.id for a in keystroke.articles] == [a.id for a in whole.articles]
    assert keystroke.numbers_newest_hits == 2 and keystroke.partial and not whole.partial
    newest = {a.id for a in chips_index.search(query, limit=None).articles if a.date >= "2025-10-04"}
    assert {n.article_id for n in keystroke.numbers} == newest and len(newest) == 2
    assert len(whole.numbers) == 5 and {n.id for n in keystroke.numbers} < {n.id for n in whole.numbers}


def test_a_keystroke_without_a_window_keeps_the_numbers_of_its_newest_hits(chips_index):
    """A word with one digit reads no window of the newest articles, but its numbers may still need every hit read:
    `1조원 이` at 100k (이's ~200 terms: no probe) read 30,150 hits, 140 ms of a 162 ms keystroke. A keystroke keeps
    the numbers of the newest hits it read and says how many; the whole answer has them all."""
    chips_index.newest_window, chips_index.rank_window = 100, 1  # more articles than the index holds: no window
    query = "(반도체 | D램) 30%"
    keystroke = chips_index.search(query, limit=1, exact_count=False, newest_first=True)
    whole = chips_index.search(query, limit=1, exact_count=False)
    assert keystroke.newest_only is None and keystroke.numbers_newest_hits == 2 and not whole.partial
    newest = {a.id for a in chips_index.search(query, limit=None).articles if a.date >= "2025-10-05"}
    assert {n.article_id for n in keystroke.numbers} == newest and len(newest) == 2 and len(whole.numbers) == 5
