"""A keystroke's answer to a word with digits read from the newest articles first (store.search's _window_floor):
digit pairs are the index's commonest terms, so a stock code, a phone number or 1조2000억원 costs a walk of nearly
every article however few hold it. The first answer is the whole answer's hits among the newest articles, and says so
(`newest_only`); the app then asks for the whole one. Twelve articles of one month, the newest three the window."""
from __future__ import annotations

from pathlib import Path

import pytest

WINDOW = 3  # the newest three: 2025-01-10, -11, -12


_OWN = [  # a sentence of each day's own, so no two articles are near-duplicates (folded under one row in the app)
    "조선업 수주가 늘었다.", "항공사 유가 부담이 커졌다.", "게임 업계가 신작을 냈다.", "철강 가격이 내렸다.",
    "배터리 소재 수출이 늘었다.", "은행 대출 금리가 올랐다.", "바이오 기업이 임상을 시작했다.", "건설 경기가 식었다.",
    "유통 업계가 할인 행사를 연다.", "통신사가 요금제를 바꿨다.", "자동차 판매가 회복됐다.", "화학 업체가 증설을 발표했다."]


def _article(day: int) -> str:
    headline = "005930 주가 급등" if day == 12 else f"1월 {day}일 시장 동향"
    body = f"2025년 1월 {day}일 시장 소식이다. {_OWN[day - 1]}"
    if day in (2, 5, 11):
        body += " 종목코드 005930 거래가 늘었다."
    if day in (5, 11, 12):
        body += " 삼성 관련 소식도 있었다."
    if day in (1, 3):
        body += " 문의는 02-1234-5678 로 하면 된다."
    if day == 6:
        body += " 계좌번호는 777-7777 이다."
    if day in (4, 12):
        body += " 투자액은 1조2000억원이다."
    if day == 10:
        body += " 대표번호 02 1234 5678 는 바뀌지 않았다."  # spaced: the same digits across gaps
    return f"{headline}\n\n입력 2025-01-{day:02d} 09:00\n\n{body}\n"


@pytest.fixture(scope="module")
def month_db(tmp_path_factory) -> Path:
    from test_outlet_facet import build

    folder = tmp_path_factory.mktemp("month")
    corpus = folder / "news"
    corpus.mkdir()
    for day in range(1, 13):
        (corpus / f"{day:02d}.txt").write_text(_article(day), encoding="utf-8")
    build(corpus, folder / "month.db")
    return folder / "month.db"


@pytest.fixture(scope="module")
def month(month_db):
    from store.api import Index

    index = Index.open(month_db)
    index.newest_window = WINDOW
    yield index
    index.close()


def _days(index, ids) -> list[int]:
    return [int(index.article_info(i).date[8:10]) for i in ids]


def _keystroke(index, query: str, limit: int = 20):
    return index.search(query, limit=limit, exact_count=False, newest_first=True)


@pytest.mark.parametrize("query, newest, whole", [
    ("005930", [12, 11], {2, 5, 11, 12}),  # the headline match first
    ("sort:new 005930", [12, 11], {2, 5, 11, 12}),
    ("02-1234-5678", [10], {1, 3, 10}),
    ("2025.01.15", [], set()),
    ("삼성 005930", [12, 11], {5, 11, 12}),
    ("005930 | 02-1234-5678", [12, 11, 10], {1, 2, 3, 5, 10, 11, 12}),
    ("005930 before:2025-01-12", [11], {2, 5, 11}),
    ("005930 after:2025-01-05", [12, 11], {5, 11, 12}),
    ("005930 -삼성", [], {2}),  # an exclusion within the search table
    ("1조2000억원", [12], {4, 12}),  # digits and letters
    ("777-7777", [], {6}),
    ("12일", [12], {12}),  # two digits are enough
    ("시장 12일", [12], {12}),  # beside other words
])
def test_a_string_of_digits_is_first_read_in_the_newest_articles(month, query, newest, whole):
    first = _keystroke(month, query)
    assert _days(month, [a.id for a in first.articles]) == newest
    assert first.newest_only == WINDOW and not first.total_exact and first.total_articles == len(newest)
    # the whole answer, as the app asks for it next: every hit, and nothing says it is partial
    rest = month.search(query, limit=20, exact_count=False)
    assert set(_days(month, [a.id for a in rest.articles])) == whole and rest.newest_only is None
    assert set(newest) <= whole and {d for d in whole if d >= 10} == set(newest)


def test_a_window_with_more_hits_than_the_ranked_window_is_the_whole_answer(month):
    """Hits of the newest articles are newer than every other hit: once they fill the ranked window (made 1 here),
    the first page and the capped count are the whole answer's, and it is not called partial."""
    month.rank_window = 1
    try:
        for query in ("2025", "sort:new 2025", "005930"):
            first, whole = _keystroke(month, query, limit=1), month.search(query, limit=1, exact_count=False)
            assert first.newest_only is None, query
            assert [a.id for a in first.articles] == [a.id for a in whole.articles], query
            assert (first.total_articles, first.total_exact) == (whole.total_articles, whole.total_exact), query
        # a page past the ranked window is never read from the newest articles alone
        assert _keystroke(month, "005930", limit=2).newest_only is None
    finally:
        month.rank_window = 1000


@pytest.mark.parametrize("query", ["삼성", "시장", "2나노", "sort:old 005930", "005930 by:홍길동"])
def test_words_of_letters_one_digit_and_oldest_first_are_read_whole(month, query):
    """A word of letters seeks (its page stops at the newest hits), and one digit is no more than a letter; the
    oldest hits are not among the newest articles; a condition outside the search table (a reporter) is asked of
    each hit."""
    first, whole = _keystroke(month, query), month.search(query, limit=20, exact_count=False)
    assert first.newest_only is None
    assert [a.id for a in first.articles] == [a.id for a in whole.articles]


def test_the_cli_and_counting_answers_are_whole(month):
    for kwargs in ({"exact_count": True}, {"facets": True}, {"limit": None}):
        result = month.search("005930", newest_first=True, **{"limit": 20, "exact_count": False, **kwargs})
        assert result.newest_only is None and result.total_articles == 4, kwargs


def test_a_string_of_digits_is_no_typo(month):
    """A near string of digits is another number (005931 is not 005930): never read as a name it nearly spells."""
    assert month.search("005931").instead is None and month.search("005931").total_articles == 0


@pytest.fixture
def app(month_db, tmp_path, monkeypatch):
    """The app on the month, its index handles (opened by the app) reading the three newest articles first."""
    import store.api
    from tui.app import HanscopeApp

    monkeypatch.setattr(store.api, "NEWEST_WINDOW", WINDOW)
    return HanscopeApp(month_db, export_dir=tmp_path)


async def test_the_app_paints_the_newest_articles_answer_then_the_whole_one(app, monkeypatch):
    """Typing a stock code: the newest articles' hits are painted first with a status that says so, then the whole
    answer replaces them, and only then are the facets counted."""
    from textual.widgets import Static
    from tests.test_tui_app import settle, type_query
    from tui.screens.search import SearchScreen

    painted = []
    got_results = SearchScreen.got_results

    def recording(screen, answer):
        got_results(screen, answer)
        if answer[1].query == "005930":
            painted.append((answer[1].newest_only, str(screen.query_one("#status", Static).render()),
                            screen.facets is None))

    monkeypatch.setattr(SearchScreen, "got_results", recording)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_query(pilot, "005930")
        (first, first_status, _), (whole, whole_status, no_facets_yet) = painted
        assert first == WINDOW and "searched the newest 3 articles, searching older…" in first_status
        assert "2+ articles" in first_status
        assert whole is None and "searching older" not in whole_status and no_facets_yet
        assert app.screen.result.total_articles == 4 and app.screen.result.newest_only is None
        await settle(pilot)
        assert app.screen.facets is not None and "4 articles" in str(app.screen.query_one("#status", Static).render())


async def test_the_app_says_the_window_is_empty_and_keeps_the_row_moved_to(app, monkeypatch):
    """While the older articles are searched, an empty window is not "nothing matches"; and a row the cursor was
    moved to meanwhile stays under it when the whole answer replaces the list."""
    from tests.test_tui_app import settle, type_query
    from tui.result_list import ResultList
    from tui.screens.search import SearchScreen

    held = []
    fetch_results = SearchScreen._fetch_results

    def holding(screen, query, size, newest_first):  # the whole answer waits until the test lets it go
        if newest_first:
            fetch_results(screen, query, size, newest_first)
        else:
            held.append(lambda: fetch_results(screen, query, size, newest_first))

    monkeypatch.setattr(SearchScreen, "_fetch_results", holding)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_query(pilot, "777-7777")
        results = app.screen.query_one("#results", ResultList)
        assert [text for _, text in results.loaded()] == ["Nothing in the newest 3 articles; searching older…"]
        held.pop()()
        await settle(pilot)
        assert [key for key, _ in results.loaded() if key] == [f"a:{app.screen.result.articles[0].id}"]

        await pilot.press("ctrl+u")
        await type_query(pilot, "005930")
        release = held[-1]  # the whole answer to the last key typed (the others' were superseded)
        first = [key for key, _ in results.loaded() if key]
        assert len(first) == 2 and results.current()[0] == first[0]
        await pilot.press("down")
        await settle(pilot)
        assert results.current()[0] == first[1]
        release()
        await settle(pilot)
        assert app.screen.result.newest_only is None and len([k for k, _ in results.loaded() if k]) == 4
        assert results.current()[0] == first[1]  # the row moved to, wherever the whole answer ranks it


async def test_the_app_paints_a_windows_own_numbers_then_the_whole_answers(tmp_path, monkeypatch):
    """A window of the newest articles that holds a whole page, where the whole answer's numbers would read every hit
    (an OR of words has no probe): its own numbers are painted first with a status that says so, then the whole
    answer's replace them."""
    import store.api
    from textual.widgets import Static
    from conftest import index_of_dated
    from tests.test_tui_app import settle, type_query
    from tui.app import HanscopeApp
    from tui.screens.search import SearchScreen

    goods = ["반도체", "D램", "메모리 반도체"]
    db = index_of_dated(tmp_path / "news", [  # each day's own figure, so no two pages are one story
        (f"2025-10-{day:02d}", f"시황 {day}호", f"{goods[day % 3]} 품목 {day}번 수출이 30% 늘었다고 {day}일 밝혔다.")
        for day in range(1, 27)])
    monkeypatch.setattr(store.api, "NEWEST_WINDOW", 24)
    monkeypatch.setattr(store.api, "RANK_WINDOW", 20)  # the newest 24 hold more hits than it: a whole page
    painted = []
    got_results = SearchScreen.got_results

    def recording(screen, answer):
        got_results(screen, answer)
        if answer[1].query == "(반도체 | D램) 30%":
            painted.append((answer[1].numbers_newest_hits, len(answer[1].numbers),
                            str(screen.query_one("#status", Static).render())))

    monkeypatch.setattr(SearchScreen, "got_results", recording)
    async with HanscopeApp(db, export_dir=tmp_path).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_query(pilot, "(반도체 | D램) 30%")
        (window, window_numbers, window_status), (whole, whole_numbers, whole_status) = painted
        assert window == 21 and window_numbers == 21  # the newest hits read: the ranked window and one
        assert "21 numbers in the newest 21 hits, searching older…" in window_status
        assert whole is None and whole_numbers == 26 and "searching older" not in whole_status
