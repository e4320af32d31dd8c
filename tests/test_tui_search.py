"""Pilot tests of the search screen's query language features: every hit reachable, export of all of them,
facets that narrow, the sort key, errors in place, history across runs, saved searches."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from test_tui_app import SMALL, BIG, options, settle, type_query
from tui.app import HanscopeApp
from tui.screens.facets import FacetScreen
from tui.screens.prompt import PromptScreen

OUTLETS = ("뉴스1", "연합뉴스", "헤럴드경제")
HITS = 130  # more than two pages of results


@pytest.fixture(scope="module")
def many_db(tmp_path_factory) -> Path:
    """130 short articles that all say HBM (three outlets, three months), and 10 that do not."""
    from store.db import connect
    from store.indexer import index_paths

    folder = tmp_path_factory.mktemp("many")
    for i in range(HITS + 10):
        outlet = OUTLETS[i % 3]
        month = 9 + i % 3
        word = "HBM" if i < HITS else "웨이퍼"
        (folder / f"{i:03d}.txt").write_text(
            f"삼성전자 {word} 기사 {i}번\n\n[{outlet}=홍길동 기자] 삼성전자가 {word} 공급을 {i + 1}만 개 늘린다고 "
            f"2025년 {month}월 {i % 27 + 1}일 밝혔다.\n\n입력 2025-{month:02d}-{i % 27 + 1:02d} 10:00\n",
            encoding="utf-8")
    db_path = folder / "many.db"
    db = connect(db_path, create=True)
    summary = index_paths(db, [folder], workers=0)
    db.close()
    assert summary.articles_total == HITS + 10
    return db_path


@pytest.fixture
def many_app(many_db, tmp_path):
    return HanscopeApp(many_db, export_dir=tmp_path, history_path=tmp_path / "history")


def article_keys(app) -> list[str]:
    return [key for key, _ in options(app.screen.query_one("#results", OptionList)) if key and key.startswith("a:")]


async def test_the_result_list_reaches_every_hit(many_app):
    async with many_app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "HBM")
        assert many_app.screen.result.total_articles == HITS
        assert len(article_keys(many_app)) == 50  # the first page
        assert "130 articles (50 loaded)" in str(many_app.screen.query_one("#status", Static).content)
        for _ in range(4):  # scrolling down loads the next pages
            await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")
            await settle(pilot)
        assert len(article_keys(many_app)) > 50
        await pilot.press("ctrl+end")  # everything, and the cursor on the last hit
        await settle(pilot)
        keys = article_keys(many_app)
        assert len(keys) == len(set(keys)) == HITS
        results = many_app.screen.query_one("#results", OptionList)
        assert results.get_option_at_index(results.highlighted).id == keys[-1]


async def test_export_writes_every_hit_not_only_the_loaded_page(many_app, tmp_path):
    async with many_app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "HBM")
        await pilot.press("ctrl+s")  # every hit is read, then the path dialog shows
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        exported = next(tmp_path.glob("*.csv"))
        rows = list(csv.reader(exported.read_text(encoding="utf-8-sig").splitlines()))
        assert sum(1 for row in rows if row[0] == "article") == HITS


async def test_facets_show_and_narrow_the_query(many_app):
    async with many_app.run_test(size=BIG) as pilot:
        await type_query(pilot, "HBM")
        strip = str(many_app.screen.query_one("#facets", Static).content)
        assert "뉴스1 44" in strip and "연합뉴스 43" in strip and "months" in strip and "삼성전자" in strip
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(many_app.screen, FacetScreen)
        picker = many_app.screen.query_one("#facet-list", OptionList)
        ids = [key for key, _ in options(picker) if key]
        assert "outlet:연합뉴스" in ids and "date:2025-10" in ids and "@삼성전자" in ids
        picker.highlighted = next(i for i in range(picker.option_count) if picker.get_option_at_index(i).id == "outlet:연합뉴스")
        await pilot.press("enter")
        await settle(pilot)
        assert many_app.screen.query_one("#query", Input).value == "HBM outlet:연합뉴스"
        assert many_app.screen.result.total_articles == 43


async def test_the_sort_key_writes_sort_into_the_query(many_app):
    async with many_app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "HBM")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert many_app.screen.query_one("#query", Input).value == "HBM sort:new"
        dates = [a.date for a in many_app.screen.result.articles]
        assert dates == sorted(dates, reverse=True)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert many_app.screen.query_one("#query", Input).value == "HBM sort:old"
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert many_app.screen.query_one("#query", Input).value == "HBM"


async def test_history_recalls_earlier_queries_across_runs(many_db, tmp_path):
    history = tmp_path / "history"
    first = HanscopeApp(many_db, export_dir=tmp_path, history_path=history)
    async with first.run_test(size=SMALL) as pilot:
        for query in ("웨이퍼", "HBM outlet:뉴스1"):
            first.screen.query_one("#query", Input).value = ""
            await type_query(pilot, query)
            await pilot.press("enter")  # opening a result keeps the query
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
    assert history.read_text(encoding="utf-8").splitlines() == ["웨이퍼", "HBM outlet:뉴스1"]
    second = HanscopeApp(many_db, export_dir=tmp_path, history_path=history)
    async with second.run_test(size=SMALL) as pilot:
        await settle(pilot)
        box = second.screen.query_one("#query", Input)
        await pilot.press("up")
        await settle(pilot)
        assert box.value == "HBM outlet:뉴스1" and second.screen.result.query == "HBM outlet:뉴스1"
        await pilot.press("up")
        await settle(pilot)
        assert box.value == "웨이퍼"
        await pilot.press("down", "down")
        await settle(pilot)
        assert box.value == ""  # back to what was typed before
        await type_query(pilot, "HBM")
        await pilot.press("down")  # not walking the history: the cursor moves in the results
        await settle(pilot)
        assert box.value == "HBM"


async def test_save_a_search_under_a_name(many_db, tmp_path):
    import shutil

    from store.api import Index

    db = tmp_path / "copy.db"
    shutil.copy(many_db, db)
    app = HanscopeApp(db, export_dir=tmp_path, history_path=tmp_path / "history")
    async with app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "HBM -outlet:뉴스1")
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"메모리", "enter")
        await settle(pilot)
        assert "Saved as “메모리”" in str(app.screen.query_one("#status", Static).content)
    assert Index.open(db).saved_searches() == {"메모리": "HBM -outlet:뉴스1"}


async def test_help_lists_the_query_syntax(many_app):
    async with many_app.run_test(size=(120, 60)) as pilot:
        await pilot.press("f1")
        await settle(pilot)
        from textual.widgets import Static as S

        text = "\n".join(str(w.content) for w in many_app.screen.query(S))
        for form in ("Query language", '"스타게이트 프로젝트"', "-비트코인", "@삼성전자", "outlet:뉴스1", "date:2025-10",
                     "sort:new", "type:person", "ctrl+g", "ctrl+o"):
            assert form in text, form
