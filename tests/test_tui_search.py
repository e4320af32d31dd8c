"""Pilot tests of the search screen's query language features: every hit reachable, export of all of them,
facets that narrow, the sort key, errors in place, history across runs, saved searches."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Input, OptionList, Static

from test_tui_app import SMALL, BIG, options, result_rows, settle, type_query
from tui.app import HanscopeApp
from tui.preview_pane import PreviewPane
from tui.result_list import ResultList
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
    return [key for key, _ in result_rows(app) if key and key.startswith("a:")]


def painted(widget) -> list[str]:
    """The lines a widget paints on screen right now."""
    return ["".join(segment.text for segment in widget.render_line(y)) for y in range(widget.scrollable_content_region.height)]


async def test_ctrl_end_shows_the_last_hit_at_once_reading_one_page(many_app):
    async with many_app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "HBM")
        await pilot.press("ctrl+f")  # these articles differ in a few figures: near-duplicates, folded by default
        await settle(pilot)
        results = many_app.screen.query_one("#results", ResultList)
        assert many_app.screen.result.total_articles == HITS
        assert results.item_count == len(results.fixed) + HITS  # every hit has its row before it is read
        assert set(results.pages) == {0}
        await pilot.press("ctrl+end")
        await settle(pilot)
        last = many_app.ask(lambda ix: ix.search("HBM", limit=1, offset=HITS - 1).articles[0])
        assert results.current() == (f"a:{last.id}", results.current()[1])
        assert any(last.title in line for line in painted(results))
        assert 1 not in results.pages  # the hits in between were never read
        results.hit(60)  # a page asked for but out of view when its turn comes is skipped, and asked again later
        await settle(pilot)
        assert 1 not in results.pages and 1 not in results.asked
        assert len(results._rendered) <= results.scrollable_content_region.height  # only what is on screen
        preview = str(many_app.screen.query_one("#preview", PreviewPane).content)
        assert last.title in preview  # the preview follows the cursor to the last hit
        results.focus()
        await pilot.press("g")
        await settle(pilot)
        assert results.at_first() and results.scroll_offset.y == 0  # the top: 삼성전자, the entity row
        await pilot.press("G")
        await settle(pilot)
        assert results.current()[0] == f"a:{last.id}"


async def test_the_start_list_reaches_the_oldest_article_at_once(many_app):
    """The empty query lists every article, newest first: ctrl+end goes to the oldest without the pages between."""
    async with many_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        results = many_app.screen.query_one("#results", ResultList)
        assert results.item_count == 1 + HITS + 10  # the heading and every article
        await pilot.press("ctrl+end")
        await settle(pilot)
        oldest = many_app.ask(lambda ix: ix.articles(limit=1, offset=HITS + 9)[0])
        assert results.current()[0] == f"a:{oldest.id}"
        assert any(oldest.title in line for line in painted(results))
        assert set(results.pages) == {0, 2}  # 60 a page: the first and the last
        assert "140 articles, newest first" in str(many_app.screen.query_one("#status", Static).content)


async def test_the_screen_keys_steer_the_list_when_it_has_the_focus(many_app):
    """The list is a scroll view, whose own ↑/↓/home/end would only scroll it: they move the cursor, as from the box."""
    async with many_app.run_test(size=SMALL) as pilot:
        many_app.history.add("웨이퍼")
        await type_query(pilot, "HBM")
        results = many_app.screen.query_one("#results", ResultList)
        results.focus()
        first = results.cursor
        await pilot.press("down", "down")
        await settle(pilot)
        second = results.nearest_selectable(first + 1, +1)  # headings are skipped
        assert results.cursor == results.nearest_selectable(second + 1, +1) and results.current()[0].startswith("a:")
        await pilot.press("end")
        await settle(pilot)
        assert results.cursor == results.item_count - 1 and results.current() is not None
        await pilot.press("home")
        await settle(pilot)
        assert results.cursor == first
        await pilot.press("up")  # on the first row: the earlier query, as from the search box
        await settle(pilot)
        assert many_app.screen.query_one("#query", Input).value == "웨이퍼"


async def test_paging_down_reads_each_page_once_and_shows_every_hit_in_rank_order(many_app):
    async with many_app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "HBM")
        await pilot.press("ctrl+f")
        await settle(pilot)
        results, seen = many_app.screen.query_one("#results", ResultList), []
        for _ in range(60):  # page down to the last hit, then once more: the cursor stays there
            at_end = results.cursor == results.item_count - 1
            await pilot.press("pagedown")
            await settle(pilot)
            seen.append(many_app.screen.current()[0])
            if at_end:
                break
        keys = article_keys(many_app)
        ranked = [f"a:{a.id}" for a in many_app.ask(lambda ix: ix.search("HBM", limit=None).articles)]
        assert keys == ranked  # pages 0, 1 and 2, in rank order, no hit twice
        assert seen[-1] == ranked[-1] and seen == sorted(seen, key=ranked.index)


async def test_the_next_page_is_read_before_the_cursor_reaches_it(many_app):
    async with many_app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "HBM")
        await pilot.press("ctrl+f")
        await settle(pilot)
        results = many_app.screen.query_one("#results", ResultList)
        size = results.page_size  # 20 at 80x24
        results.move_to(results.item_of_offset(size - 12))  # hits 8-13 on screen: page 1 (20-39) is not
        await settle(pilot)
        assert 1 not in results.pages
        results.move_to(results.item_of_offset(size - 8))
        await settle(pilot)
        assert 1 in results.pages and 2 not in results.pages


async def test_near_duplicates_fold_across_pages(many_app):
    """A group's later members fold under its best-ranked hit even when they sit on another page."""
    async with many_app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "HBM")
        results = many_app.screen.query_one("#results", ResultList)
        hits = many_app.ask(lambda ix: ix.search("HBM", limit=None).articles)
        for _ in range(100):  # page down through every hit
            if results.cursor == results.item_count - 1:
                break
            await pilot.press("pagedown")
            await settle(pilot)
        first_of: dict = {}
        for hit in hits:
            if hit.similar:
                first_of.setdefault(hit.near_group, hit.id)
        shown = {f"a:{h.id}" for h in hits if not h.similar or first_of[h.near_group] == h.id}
        assert set(article_keys(many_app)) == shown and len(shown) < HITS
        assert results.item_count == len(results.fixed) + len(shown)
        assert f"{HITS - len(shown)} near-duplicates folded" in str(many_app.screen.query_one("#status", Static).content)
        assert results.current()[0] == max(shown, key=lambda k: [f"a:{h.id}" for h in hits].index(k))
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert len(article_keys(many_app)) == HITS


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


STORY = ("삼성전자가 평택캠퍼스에 새 HBM 생산라인을 짓는다고 밝혔다. 투자 규모는 30조원으로 2027년 가동이 목표다.\n\n"
         "회사는 인공지능 데이터센터 수요가 늘면서 고대역폭메모리 공급이 부족하다고 설명했다. 업계는 이번 투자가 "
         "SK하이닉스와의 점유율 경쟁을 다시 불붙일 것으로 본다.\n\n"
         "평택시는 인허가 절차를 서둘러 지원하겠다고 했다. 지역 협력업체 120곳이 장비와 자재를 공급할 예정이다.\n\n"
         "증권가는 내년 메모리 업황이 개선되면서 투자 회수 기간이 짧아질 것으로 내다봤다.\n")


@pytest.fixture(scope="module")
def reprint_db(tmp_path_factory) -> Path:
    """One wire story run by three outlets (their own bylines, one trims the last paragraph) and one other story."""
    from store.db import connect
    from store.indexer import index_paths

    folder = tmp_path_factory.mktemp("reprints")
    for i, (outlet, reporter) in enumerate((("뉴스1", "김민수"), ("연합뉴스", "이서연"), ("헤럴드경제", "박지훈"))):
        body = STORY if i < 2 else STORY.rsplit("\n\n", 1)[0] + "\n"
        (folder / f"wire{i}.txt").write_text(f"삼성전자, 평택에 HBM 라인 신설\n\n[{outlet}={reporter} 기자] {body}"
                                             f"\n입력 2025-10-0{i + 1} 09:00\n", encoding="utf-8")
    (folder / "other.txt").write_text("SK하이닉스 HBM 실적 발표\n\n[뉴스1=홍길동 기자] SK하이닉스가 3분기 HBM 매출이 "
                                      "크게 늘었다고 밝혔다.\n\n회사는 엔비디아 공급이 늘었다고 설명했다.\n", encoding="utf-8")
    db_path = folder / "reprints.db"
    db = connect(db_path, create=True)
    index_paths(db, [folder], workers=0)
    db.close()
    return db_path


def test_search_hits_carry_their_near_duplicate_group(reprint_db):
    from store.api import Index

    hits = Index.open(reprint_db).search("HBM", limit=None).articles
    wires = [h for h in hits if "평택" in (h.title or "")]
    assert len(wires) == 3 and len({h.near_group for h in wires}) == 1 and {h.similar for h in wires} == {2}
    other = next(h for h in hits if "평택" not in (h.title or ""))
    assert other.similar == 0 and other.near_group not in {h.near_group for h in wires}


async def test_near_duplicates_fold_into_one_row_and_unfold(reprint_db, tmp_path):
    app = HanscopeApp(reprint_db, export_dir=tmp_path, history_path=tmp_path / "history")
    async with app.run_test(size=BIG) as pilot:
        await type_query(pilot, "HBM")
        rows = result_rows(app)
        articles = [text for key, text in rows if key and key.startswith("a:")]
        assert len(articles) == 2 and app.screen.result.total_articles == 4  # 3 reprints fold into one row
        assert sum("+2 similar" in text for text in articles) == 1
        await pilot.press("ctrl+f")
        await settle(pilot)
        articles = [text for key, text in result_rows(app) if key and key.startswith("a:")]
        assert len(articles) == 4 and not any("similar" in text for text in articles)


def test_stories_narrow_with_the_query_language(reprint_db):
    from store.api import Index

    index = Index.open(reprint_db)
    every = {s.id for s in index.stories()}
    pyeongtaek = {s.id for s in index.stories("평택")}
    assert len(every) == 2 and len(pyeongtaek) == 1
    assert {s.id for s in index.stories("HBM -평택")} == every - pyeongtaek
    assert {s.id for s in index.stories("outlet:연합뉴스")} == pyeongtaek


async def test_a_query_without_hits_shows_no_facet_strip(many_app):
    async with many_app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "HBM")
        assert many_app.screen.query_one("#facets", Static).display
        await type_query(pilot, "엔비디야")  # a typo: the entity is offered, no article matches
        assert many_app.screen.result.total_articles == 0
        assert not many_app.screen.query_one("#facets", Static).display


async def test_a_keystroke_paints_before_every_hit_is_counted(many_app, monkeypatch):
    """Typing asks for what the screen shows (counting stops past the ranked window); the exact count follows
    with the facets and replaces the `N+` in the header and status line."""
    monkeypatch.setattr("store.api.RANK_WINDOW", 20)
    async with many_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen, painted = many_app.screen, []
        got_results = screen.got_results
        monkeypatch.setattr(screen, "got_results", lambda a: (painted.append((a[1].total_articles, a[1].total_exact)), got_results(a)))
        await type_query(pilot, "HBM")
        page = screen.search_page()
        assert page == 20  # at 80x24: hits of 3 lines, the screen shows a few
        assert painted[-1] == (page + 1, False)  # the first paint: "20+" (the page, one more to know there are more)
        assert (screen.result.total_articles, screen.result.total_exact) == (HITS, True)
        assert f"{HITS} articles" in str(screen.query_one("#status", Static).content)
        assert "Articles (130)" in [text for _, text in result_rows(many_app)]
        assert screen.query_one("#results").total == HITS  # every hit has its row once counted


async def test_the_status_line_says_when_rank_covers_only_the_newest_hits(many_app, monkeypatch):
    monkeypatch.setattr("store.api.RANK_WINDOW", 20)
    async with many_app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "HBM")
        status = str(many_app.screen.query_one("#status", Static).content)
        assert "by rank among the newest 20, then newest first" in status
        assert "ranked the newest" not in status  # the store's note says the same: the CLI prints it, not the line
        assert "ranked the newest 20 hits" in many_app.screen.result.notes[0]
        await type_query(pilot, " sort:new")
        assert "newest first" in str(many_app.screen.query_one("#status", Static).content)


async def test_the_entity_preview_counts_co_mentions_over_its_newest_articles_and_says_so(many_app, monkeypatch):
    """The preview beside a keystroke's results reads a bounded span (the entity screen reads more): it must say
    when the counts cover only the newest articles."""
    import tui.screens.search as search_screen

    monkeypatch.setattr(search_screen, "PREVIEW_RELATED_SPAN", 40)
    async with many_app.run_test(size=BIG) as pilot:
        await type_query(pilot, "삼성전자")
        assert many_app.screen.query_one("#results", ResultList).current()[0].startswith("e:")
        preview = str(many_app.screen.query_one("#preview", PreviewPane).content)
        assert "삼성전자" in preview and "in its newest 40 articles" in preview
        assert "HBM (" in preview  # 130 of the 140 articles name HBM: counted over the 40 newest


async def test_typing_and_its_answers_repaint_the_box_and_the_list_without_laying_out_the_screen(many_app):
    """A layout of the whole screen cost 5-13 ms a keystroke at 120×40: Textual's Input asks for one whenever its
    text gets wider, a list whenever its number of rows changes, a Static whenever its text's height does. Neither
    box nor list nor preview changes size for that."""
    async with many_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        box, results = many_app.screen.query_one("#query", Input), many_app.screen.query_one("#results", ResultList)
        preview = many_app.screen.query_one("#preview", PreviewPane)
        asked = []
        for widget in (box, results, preview):
            def spy(*regions, _widget=widget, _refresh=widget.refresh, **flags):
                if flags.get("layout"):
                    asked.append(_widget.id)
                return _refresh(*regions, **flags)
            widget.refresh = spy
        rows_before = len(article_keys(many_app))
        await type_query(pilot, "삼성전자 HBM 1")  # each keystroke widens the text; the hits drop from 140
        assert box.value == "삼성전자 HBM 1"
        assert 0 < len(article_keys(many_app)) < rows_before
        assert results.virtual_size.height == results.line_count  # the scroll range still follows the rows
        assert asked == []
        # text wider than the box (114 cells at 120×40): the box scrolls to keep the cursor in view
        await pilot.press(*"0" * (box.content_region.width - cell_len(box.value) + 8))
        await pilot.pause()
        assert box.scroll_offset.x > 0 and box.virtual_size.width == cell_len(box.value) + 1


async def test_new_facets_repaint_the_strip_without_laying_out_the_screen(many_app):
    """Facets arrive after every answer, often while the next key is typed: a layout of the screen for them cost
    5-13 ms at 120×40. The strip keeps its two lines; only showing or hiding it lays the screen out."""
    async with many_app.run_test(size=(120, 40)) as pilot:
        await type_query(pilot, "삼성전자")
        strip = many_app.screen.query_one("#facets", Static)
        first = str(strip.content)
        asked, refresh = [], strip.refresh
        strip.refresh = lambda *regions, **flags: (asked.append(flags), refresh(*regions, **flags))[1]
        await type_query(pilot, " HBM")
        assert str(strip.content) != first and "outlets" in str(strip.content)  # new facets, painted
        assert asked and not any(flags.get("layout") for flags in asked)
        assert strip.size.height == 2


async def test_facets_wait_until_typing_pauses(many_app, monkeypatch):
    """A count of every hit for each keystroke would compete with the next key's search: the facets of a query
    start only when no key came for FACETS_AFTER, so typing 삼성전자 counts once, for 삼성전자."""
    import tui.screens.search
    from store.api import Index

    counted = []
    facets_and_count = Index.facets_and_count
    monkeypatch.setattr(Index, "facets_and_count", lambda self, q, *a, **k: (counted.append(q), facets_and_count(self, q, *a, **k))[1])
    # a loaded CI machine once let 0.25 s pass between two keys of the pilot (test_newest_window saw a prefix's
    # facets): the pause a person's typing never makes is made longer than the pilot's worst
    monkeypatch.setattr(tui.screens.search, "FACETS_AFTER", 2.0)
    async with many_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press(*"삼성전자")
        await settle(pilot)
        assert counted == ["삼성전자"]
        assert "outlets" in str(many_app.screen.query_one("#facets", Static).content)


async def test_the_last_querys_facets_are_dimmed_and_not_offered_for_the_next(many_app, monkeypatch):
    """Between a new answer and its own facets (counted once typing pauses), the strip still holds the last query's
    counts: dimmed, and ctrl+g does not open them under the new query's name (it opened 삼성전자's counts for
    `삼성전자 HBM`, and a flaky test caught the screen holding them); it opens the new ones when they are counted."""
    from tui.screens.search import SearchScreen

    fetch_facets = SearchScreen._fetch_facets
    async with many_app.run_test(size=BIG) as pilot:
        await type_query(pilot, "삼성전자")
        screen = many_app.screen
        strip = screen.query_one("#facets", Static)
        assert screen.facets is not None and strip.content.style != "dim"
        monkeypatch.setattr(SearchScreen, "_fetch_facets", lambda screen, query: None)  # held back
        await type_query(pilot, " HBM")
        assert screen.result.query == "삼성전자 HBM" and screen.facets is None
        assert strip.display and strip.content.style == "dim" and "outlets" in str(strip.content)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert many_app.screen is screen and "Counting this query's facets" in str(screen.query_one("#status", Static).render())
        fetch_facets(screen, "삼성전자 HBM")  # counted now
        await settle(pilot)
        assert isinstance(many_app.screen, FacetScreen)
        assert many_app.screen.search_query == "삼성전자 HBM" and many_app.screen.facets is screen.facets
        assert strip.content.style != "dim"


async def test_a_query_the_parser_cannot_read_keeps_the_last_results_facets(many_app):
    """`삼성전자 (OR` is an error in place: the last results stay below, and so do their facets for ctrl+g."""
    async with many_app.run_test(size=BIG) as pilot:
        await type_query(pilot, "삼성전자")
        screen = many_app.screen
        counted = screen.facets
        await type_query(pilot, " (OR")
        assert "✗" in str(screen.query_one("#status", Static).render()) and screen.result.query == "삼성전자"
        assert screen.facets is counted
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(many_app.screen, FacetScreen) and many_app.screen.search_query == "삼성전자"


async def test_a_space_at_either_end_asks_nothing_again(many_app, monkeypatch):
    """`HBM ` is the query `HBM`: typing the space (on the way to `HBM outlet:…`) must not search again, which
    restarted the facets and put the exact count back to `N+` for up to a second at 100k."""
    monkeypatch.setattr("store.api.RANK_WINDOW", 20)
    async with many_app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "HBM")
        screen, asked = many_app.screen, []
        fetch = screen.fetch
        monkeypatch.setattr(screen, "fetch", lambda name, *a, **k: (asked.append(name), fetch(name, *a, **k)))
        assert (screen.result.total_articles, screen.result.total_exact) == (HITS, True)
        await type_query(pilot, " ")
        assert asked == [] and screen.result.total_exact  # nothing asked, the exact count stays
        await type_query(pilot, "-")  # `HBM -`: a lone minus, an error in place
        await pilot.press("backspace", "backspace")
        await settle(pilot)
        assert "results" in asked and screen.result.query == "HBM" and screen.result.total_exact


async def test_the_status_line_says_when_a_common_word_ranks_by_headline(many_app, monkeypatch):
    """A filter leaves few hits of a word the window cannot hold: they rank headline first, and the status says so."""
    monkeypatch.setattr("store.api.RANK_WINDOW", 20)
    async with many_app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "HBM outlet:뉴스1 date:2025-09-01..2025-09-05")
        assert 0 < many_app.screen.result.total_articles <= 20
        status = str(many_app.screen.query_one("#status", Static).content)
        assert "headline matches first, then newest" in status and "a word is in over" not in status
