"""Pilot tests: drive every screen of the explorer on the seed index (and on a hostile article)."""
from __future__ import annotations

import asyncio
import csv
import threading
import time
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable, Input, OptionList, Static

from tui.app import HanscopeApp
from tui.preview_pane import PreviewPane
from tui.related_list import RelatedList
from tui.story_list import StoryList
from tui.bindings import KEYS
from tui.screens.article import ArticleScreen
from tui.screens.compare import CompareScreen
from tui.screens.entity import EntityScreen
from tui.screens.help import HelpScreen
from tui.screens.numbers import NumbersScreen
from tui.screens.search import SearchScreen
from tui.result_list import ResultList
from tui.key_footer import KeyFooter
from tui.widgets import HIGHLIGHT_STYLE, Block, MentionList, type_style, wrapped_lines

BIG, SMALL = (160, 45), (80, 24)
HOSTILE = "[bold red]위험[/] 삼성전자 발표. 끝 [/] 표시 \x1b[31m빨강\x1b[0m [link=http://x]링크[/link] 삼성전자가 말했다.\n"


async def settle(pilot) -> None:
    """Let workers finish and their answers render."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def until(condition, limit: float = 10.0) -> None:
    """Wait for the app's timers until `condition()` holds (at most `limit` seconds)."""
    started = time.monotonic()
    while not condition() and time.monotonic() - started < limit:
        await asyncio.sleep(0.02)


async def type_query(pilot, text: str) -> None:
    await pilot.press(*text)
    await settle(pilot)


def options(option_list: OptionList) -> list[tuple[str | None, str]]:
    return [(o.id, o.prompt.plain if isinstance(o.prompt, Text) else str(o.prompt))
            for o in (option_list.get_option_at_index(i) for i in range(option_list.option_count))]


def result_rows(app) -> list[tuple[str | None, str]]:
    """(key, text) of every row of the search screen's result list whose data is in."""
    return app.screen.query_one("#results", ResultList).loaded()


def highlighted_key(app) -> str | None:
    found = app.screen.query_one("#results", ResultList).current()
    return found[0] if found else None


def seed_id(index, prefix: str) -> int:
    return next(a.id for a in index.articles() if Path(a.source).name.startswith(prefix))


def footer_keys(app) -> dict[str, str]:
    """What the footer offers: key as shown -> label."""
    return {e.key_display: e.description for e in app.screen.query_one(KeyFooter).entries}


def body_text(screen: ArticleScreen) -> list[Text]:
    return [w.content for w in screen.statics]


@pytest.fixture
def app(seeds_db, tmp_path):
    return HanscopeApp(seeds_db, export_dir=tmp_path)


# --- search -----------------------------------------------------------------------------------


async def test_search_puts_the_article_that_mentions_it_most_first(app, seeds_index):
    most = seeds_index.entity("엔비디아").articles[0].id
    async with app.run_test(size=BIG) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, Input)  # the start screen is ready to type
        await type_query(pilot, "엔비디아")
        found = [key for key, _ in result_rows(app) if key]
        assert found[0].startswith("e:")
        assert [k for k in found if k.startswith("a:")][0] == f"a:{most}"
        # the preview follows the highlight: the entity with its KWIC lines
        preview = app.screen.query_one("#preview", PreviewPane).content
        assert "엔비디아" in str(preview) and "mentions in" in str(preview)
        # on an article, the preview opens at the match, highlighted
        await pilot.press("down", "down")
        await settle(pilot)
        preview = app.screen.query_one("#preview", PreviewPane).content
        marked = [preview.plain[s.start:s.end] for s in preview.spans if s.style == HIGHLIGHT_STYLE]
        assert marked == ["엔비디아"]


@pytest.mark.parametrize("query", ["엔비디야", "ㅇㅂㄷㅇ", "NVIDIA"])
async def test_typos_initials_and_latin_names_find_the_entity(app, seeds_index, query):
    nvidia = seeds_index.find_entity("엔비디아").id
    async with app.run_test(size=SMALL) as pilot:
        await type_query(pilot, query)
        assert highlighted_key(app) == f"e:{nvidia}"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        assert app.screen.detail.entity.name == "엔비디아"


async def test_a_typo_lists_the_articles_of_the_name_it_nearly_spells_and_says_so(app, seeds_index):
    expected = {f"a:{a.id}" for a in seeds_index.entity("엔비디아").articles}
    async with app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "엔비디야는")
        rows = result_rows(app)
        assert f"Articles that mention 엔비디아 ({len(expected)})" in [text for _, text in rows]
        assert {key for key, _ in rows if key and key.startswith("a:")} == expected
        assert str(app.screen.query_one("#status", Static).content).startswith("no article has 엔비디야: showing")
        await pilot.press("home", '"', "end", "backspace", '"')  # quoted: the word as typed, which no article has
        await settle(pilot)
        assert app.screen.result.query == '"엔비디야"' and app.screen.result.total_articles == 0
        assert not str(app.screen.query_one("#status", Static).content).startswith("no article has")


async def test_a_date_typed_as_a_word_gets_the_date_filter_in_the_status_line(app):
    async with app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "삼성 2025-11")  # text no seed writes; seed 5 is dated 2025-11-12
        assert app.screen.result.total_articles == 0
        assert str(app.screen.query_one("#status", Static).content).startswith(
            "2025-11 is searched as text; date:2025-11 filters by date · ")
        await pilot.press(*["backspace"] * 7, *"date:2025-11")
        await settle(pilot)
        assert app.screen.result.total_articles == 1
        assert "filters by date" not in str(app.screen.query_one("#status", Static).content)


async def test_newer_keystroke_wins(app):
    """Every keystroke starts a query; the list shows the answer for the final text only."""
    async with app.run_test(size=BIG) as pilot:
        await pilot.press(*"삼성전자")
        await pilot.press("backspace", "backspace")
        await settle(pilot)
        assert app.screen.result.query == "삼성"
        await pilot.press("ctrl+r")  # re-reads the index and asks again
        await settle(pilot)
        assert app.screen.result.query == "삼성"


async def test_slash_and_question_mark_are_typed_in_the_search_box(app):
    """원/달러 (the won-dollar rate) and a question are queries; f1 still opens help, `/` elsewhere still searches."""
    async with app.run_test(size=BIG) as pilot:
        await type_query(pilot, "원/달러?")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#query", Input).value == "원/달러?" == app.screen.result.query
        keys = footer_keys(app)
        assert "/" not in keys and keys.get("f1") == "More"  # the footer offers only keys that work while typing
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        app.open_entity("엔비디아")
        await settle(pilot)
        assert footer_keys(app).get("/") == "Search"
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen) and isinstance(app.focused, Input)
        assert app.screen.query_one("#query", Input).value == "원/달러?"  # the key moved focus and typed nothing


async def test_a_slow_query_does_not_hold_up_the_next_keystroke(app):
    """On a 20k-article index a drill-down can take a second or more; the next keystroke's search must not wait."""
    gate = threading.Event()

    def slow(ix):  # stands in for a query that takes as long as the test wants
        gate.wait(10)
        return ix.entity("엔비디아")

    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        try:
            app.screen.fetch("slow", slow)
            await pilot.press(*"삼성")
            started = time.perf_counter()
            while time.perf_counter() - started < 3 and getattr(app.screen.result, "query", None) != "삼성":
                await pilot.pause(0.02)
            assert getattr(app.screen.result, "query", None) == "삼성"
        finally:
            gate.set()


COUNT_TO_100M = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) SELECT count(*) FROM c"


@pytest.mark.parametrize("background", [False, True])
async def test_a_cancelled_query_stops_running_and_its_answer_is_dropped(app, background):
    """A query made stale by a newer one in its group is interrupted, so stale queries never pile up on the pool.
    Background work (facets, previews: they follow an answer) runs on a nicer thread, so on two cores it gives way
    to the next keystroke's search, and is cancelled the same way."""
    import os

    from store.connections import BACKGROUND_NICE

    finished = threading.Event()
    seen: dict[str, int] = {}

    def count(ix):  # some ten seconds of SQLite work
        seen["nice"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        try:
            return ix.db.execute(COUNT_TO_100M).fetchone()[0]
        finally:
            finished.set()

    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        answers: list[int] = []
        app.screen.got_count = answers.append
        app.screen.fetch("count", count, group="count", background=background)
        await pilot.pause(0.2)
        app.screen.fetch("count", lambda ix: ix.article_count(), group="count", background=background)  # cancels the first
        assert await asyncio.to_thread(finished.wait, 2)
        await settle(pilot)
        assert answers == [5]
        assert not [n for n in app._notifications if n.severity == "error"]
    own = os.getpriority(os.PRIO_PROCESS, 0)
    assert seen["nice"] == (min(19, own + BACKGROUND_NICE) if background else own)


async def test_collection_waits_for_a_keystrokes_results_and_startup_objects_are_frozen(app):
    """A full garbage collection (15-90 ms at 100k) must not land between a keystroke and its painted results:
    collection pauses from the key to the paint, and the startup heap is frozen out of every collection."""
    import gc

    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await until(lambda: gc.get_freeze_count() > 0)  # frozen once the typing pauses (none typed here)
        assert gc.get_freeze_count() > 10_000 and gc.isenabled()
        states: list[bool] = []
        got = app.screen.got_results
        app.screen.got_results = lambda result: (states.append(gc.isenabled()), got(result))
        await type_query(pilot, "삼성")
        assert states and not any(states)  # paused while each answer was on its way
        assert gc.isenabled()  # and collecting again once it was painted
        app.screen.query_one("#query", Input).value = "(삼성"  # an error resumes collection too
        await settle(pilot)
        assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # an app that ends leaves nothing frozen in its process


def test_an_older_keystrokes_pause_timer_does_not_end_a_newer_keystrokes_pause():
    """Each keystroke pauses the collector with a timer to end it; a timer of an earlier key fires mid-keystroke."""
    import gc

    from tui import gc_pause

    try:
        first, second = gc_pause.pause(), gc_pause.pause()
        gc_pause.resume(first)
        assert not gc.isenabled()
        gc_pause.resume(second)
        assert gc.isenabled()
    finally:
        gc.enable()


async def test_collection_held_from_the_start_resumes_after_the_first_paint(app):
    """`hanscope` holds collection from its first line (gc_pause.hold_startup) until the app has painted and the
    typing paused: the start's objects are frozen then, and collection runs again, unless a keystroke typed ahead
    still holds it."""
    import gc

    from tui import gc_pause

    try:
        gc_pause.hold_startup()
        async with app.run_test(size=SMALL) as pilot:
            assert not gc.isenabled()  # nothing painted yet
            await settle(pilot)
            await until(lambda: gc.get_freeze_count() > 0)
            assert gc.isenabled()
        held = gc_pause.pause()  # a keystroke's pause when the first paint comes
        gc_pause.freeze_startup()
        assert not gc.isenabled()
        gc_pause.resume(held)
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


async def test_collection_waits_for_an_entity_screen_and_resumes_if_it_closes_first(app):
    """Opening the entity screen pauses collection until its rows are painted; a screen closed before its answer
    came must not leave the collector off (its own timers die with it: the app's resumes collection)."""
    import gc

    from tui.gc_pause import LONGEST_PAUSE

    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        seen: list[bool] = []
        real = EntityScreen.got_entity
        EntityScreen.got_entity = lambda self, value: (seen.append(gc.isenabled()), real(self, value))[1]
        try:
            app.open_entity("엔비디아")
            await settle(pilot)
            assert seen == [False] and gc.isenabled()  # paused until the rows, collecting after the paint
            await pilot.press("escape")
            await settle(pilot)
            app.open_entity("삼성전자")
            await pilot.press("escape")  # gone before its answer
            await pilot.pause(LONGEST_PAUSE + 0.3)
            assert gc.isenabled()
        finally:
            EntityScreen.got_entity = real


@pytest.mark.parametrize("query, reason", [('"삼성', "never closed"), ("삼성 OR *", "each side"),
                                           ("NEAR(삼성", "never closed"), ("[/]", "nothing to search for"),
                                           ("%_\\", "nothing to search for"), ("'; DROP TABLE articles; --", "lone '-'")])
async def test_a_query_that_cannot_be_read_says_why_and_keeps_the_last_results(app, query, reason):
    async with app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "삼성")
        before = result_rows(app)
        assert any(key and key.startswith("a:") for key, _ in before)
        app.screen.query_one("#query", Input).value = query
        await settle(pilot)
        status = str(app.screen.query_one("#status", Static).content)
        assert reason in status and "at character" in status
        assert result_rows(app) == before
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_empty_query_lists_articles_and_enter_opens_one(app, seeds_index):
    newest = seeds_index.articles(limit=1)[0]
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        first = [k for k, _ in result_rows(app) if k][0]
        assert first == f"a:{newest.id}"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.article_id == newest.id


# --- drill-down, article, history ---------------------------------------------------------------


async def test_a_resize_to_the_size_a_screen_is_laid_out_at_lays_nothing_out(app, monkeypatch):
    """Textual answers a new screen's first Resize with a second whole layout at the same size (20-50 ms at 100k)."""
    from textual.geometry import Size
    from textual.screen import Screen

    layouts = []
    refresh_layout = Screen._refresh_layout
    monkeypatch.setattr(Screen, "_refresh_layout",
                        lambda self, size=None, scroll=False: (layouts.append(size), refresh_layout(self, size, scroll)))
    async with app.run_test(size=SMALL) as pilot:
        app.open_entity("오픈AI")
        await settle(pilot)
        screen, before = app.screen, len(layouts)
        screen._screen_resized(Size(*SMALL))
        assert len(layouts) == before
        screen._screen_resized(Size(SMALL[0] + 1, SMALL[1]))  # a real change of size is laid out
        assert len(layouts) == before + 1


async def test_tab_moves_to_the_co_mentioned_entities_and_enter_drills_into_one(app, seeds_index):
    detail = seeds_index.entity("오픈AI")
    second = detail.related[1]  # by count, as the list shows them
    async with app.run_test(size=BIG) as pilot:
        app.open_entity("오픈AI")
        await settle(pilot)
        related = app.screen.query_one("#related", RelatedList)
        rows = related.entries()
        assert [k for k, _ in rows if k is not None] == [r.id for r in detail.related]
        assert all(cell_len(t) <= related.text_width for _, t in rows)  # fitted: one line each
        assert not related.has_focus
        await pilot.press("tab", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen) and app.screen.detail.entity.id == second.id
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.detail.entity.id == detail.entity.id


async def test_drill_into_openai_then_article_then_back_and_forward(app, seeds_index):
    expected = {a.id for a in seeds_index.entity("오픈AI").articles}
    assert len(expected) == 4
    async with app.run_test(size=BIG) as pilot:
        await type_query(pilot, "오픈AI")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EntityScreen)
        mention_list = screen.query_one("#mentions", MentionList)
        lines = mention_list.lines()
        shown = {mention_list.mention(i).article_id for i, _ in lines if i is not None}
        assert shown == expected
        assert sum(1 for i, _ in lines if i is None) == 4  # one heading per article
        assert any(k is not None for k, _ in screen.query_one("#related", RelatedList).entries())

        mention = screen.current_mention()
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen)
        assert article.article_id == mention.article_id and article.span == (mention.start, mention.end)
        assert article.detail.body[mention.start:mention.end] == mention.surface

        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("alt+right")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.span == (mention.start, mention.end)


async def test_article_moves_between_mentions_and_drills_into_one(app, seeds_index):
    aid = seed_id(seeds_index, "002")
    mentions = seeds_index.mentions_in(aid)
    async with app.run_test(size=BIG) as pilot:
        app.open_article(aid)
        await settle(pilot)
        screen = app.screen
        await pilot.press("n", "n")
        assert screen.span == tuple(mentions[1][:2])
        await pilot.press("p")
        assert screen.span == tuple(mentions[0][:2])
        await pilot.press("y")
        assert mentions[0][4] in app.clipboard
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen) and app.screen.detail.entity.id == mentions[0][2]
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen) and isinstance(app.focused, Input)


async def test_ctrl_r_rereads_the_article_after_an_edit_elsewhere(seeds_db_copy, tmp_path):
    """`hanscope delete-entity 엔비디아` in another terminal, then ctrl+r: the article drops those mentions and keeps
    the current one marked."""
    from store.api import Index

    app = HanscopeApp(seeds_db_copy, export_dir=tmp_path)
    async with app.run_test(size=BIG) as pilot:
        aid = app.ask(lambda ix: seed_id(ix, "004"))
        app.open_article(aid)
        await settle(pilot)
        screen = app.screen
        assert any(m[4] == "엔비디아" for m in screen.mentions)
        await pilot.press("n")
        kept = screen.span
        assert screen.mentions[screen.current][4] != "엔비디아"
        other = Index.open(seeds_db_copy)
        other.edit("delete", entity="엔비디아")
        other.close()
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.screen is screen
        assert screen.mentions and not any(m[4] == "엔비디아" for m in screen.mentions)
        shown = "".join(t.plain for t in body_text(screen))
        assert shown.count(screen.detail.body[:20]) == 1  # the body is shown once, not appended again
        assert screen.span == kept and tuple(screen.mentions[screen.current][:2]) == kept


async def test_clicking_a_mention_selects_it_and_a_second_click_drills_in(app, seeds_index):
    aid = seed_id(seeds_index, "002")
    async with app.run_test(size=BIG) as pilot:
        app.open_article(aid)
        await settle(pilot)
        screen = app.screen
        block = screen.parts[0]
        second = [m for m in seeds_index.mentions_in(aid) if block.start <= m[0] < block.end][1]
        column = cell_len(screen.detail.body[block.start:second[0]])  # on the first line at 160 columns
        await pilot.click(screen.statics[0], offset=(column + 1, 0))
        assert screen.span == (second[0], second[1])
        await pilot.click(screen.statics[0], offset=(column + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen) and app.screen.detail.entity.id == second[2]


async def test_a_deep_link_to_an_unknown_entity_lands_on_the_search(seeds_db, tmp_path):
    app = HanscopeApp(seeds_db, entity="없는회사이름", export_dir=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#query", Input).value == "없는회사이름"
        assert any("No entity matches" in n.message for n in app._notifications)


# --- compare ----------------------------------------------------------------------------------


async def open_seed_compare(app, pilot, seeds_index) -> CompareScreen:
    """Seeds 000 and 002 side by side (both say 월 90만장, of different things)."""
    app.open_compare(seed_id(seeds_index, "000"), seed_id(seeds_index, "002"))
    await settle(pilot)
    assert isinstance(app.screen, CompareScreen)
    return app.screen


async def test_compare_shows_shared_entities_and_the_shared_900k_figure(app, seeds_index):
    async with app.run_test(size=BIG) as pilot:
        screen = await open_seed_compare(app, pilot, seeds_index)
        left, right = screen.ids
        summary = screen.query_one("#summary", Static).content.plain
        shared = screen.comparison.shared_entities
        assert f"shared {len(shared)}" in summary and "오픈AI" in summary
        figures = screen.query_one("#shared-numbers-text", Static).content.plain
        assert "월 90만장의 고대역폭메모리(HBM)" in figures and "웨이퍼 수요가 월 최대 90만장" in figures
        # a shared entity wears the same colour on both sides
        oid = next(e.id for e in shared if e.name == "오픈AI")
        colour = screen.entity_styles[oid]
        for side in (0, 1):
            spans = [s for w in screen.statics[side] for s in w.content.spans if str(s.style) == colour]
            assert spans, f"no {colour} span on side {side}"
        # `a` aligns the other side on the paragraph similar to the first one (marked ≈ on both sides)
        mine, theirs = min((p.left, p.right) for p in screen.comparison.similar_paragraphs)
        await pilot.press("a")
        await pilot.pause()
        pane = screen.query_one("#right")
        target = next(w for b, w in zip(screen.parts[1], screen.statics[1]) if b.paragraph == theirs)
        assert pane.scroll_y == min(pane.max_scroll_y, target.virtual_region.y)
        source = next(w for b, w in zip(screen.parts[0], screen.statics[0]) if b.paragraph == mine)
        mark = source.content.plain.split(" ")[0]
        assert mark.startswith("≈") and target.content.plain.startswith(mark.split(",")[0])  # the same ≈k on both sides
        left_marks = {w.content.plain.split(" ")[0] for w in screen.statics[0] if w.content.plain.startswith("≈")}
        right_marks = {w.content.plain.split(" ")[0] for w in screen.statics[1] if w.content.plain.startswith("≈")}
        labels = lambda marks: {k for m in marks for k in m[1:].split(",")}  # noqa: E731
        assert labels(left_marks) == labels(right_marks)  # ≈R16 / ≈L5 named paragraph numbers shown nowhere
        await pilot.press("w")
        await settle(pilot)
        assert screen.ids == [right, left]
        await pilot.press("n")
        await settle(pilot)


async def test_compare_picked_from_search(app, seeds_index):
    async with app.run_test(size=BIG) as pilot:
        await type_query(pilot, "90만장")
        await pilot.press("ctrl+t")
        await pilot.press("down")
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert len(set(app.screen.ids)) == 2


# --- numbers, help, palette, export -----------------------------------------------------------


async def test_numbers_table_filters_by_unit_and_opens_the_article(app):
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NumbersScreen)
        assert screen.query_one("#table", DataTable).row_count == len(screen.rows) > 5
        screen.query_one("#unit", Input).value = "KRW"
        await settle(pilot)
        assert screen.rows and {n.unit for n in screen.rows} == {"KRW"}
        screen.query_one("#low", Input).value = "10조"
        await settle(pilot)
        assert all(n.value >= 1e13 for n in screen.rows)
        first = screen.rows[0]
        screen.query_one("#table", DataTable).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.span == (first.start, first.end)


async def test_help_lists_every_key_from_the_registry(app):
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one(Static).content.plain
        for key in KEYS:
            assert key.explanation in text and key.label in text
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)
        app.open_entity("오픈AI")
        await settle(pilot)
        await pilot.press("question_mark")  # where nothing is typed, ? is the help key too
        assert isinstance(app.screen, HelpScreen)


def test_every_registry_action_exists_on_its_screen():
    from tui.screens.edit import EditScreen
    from tui.screens.export import ExportScreen
    from tui.screens.edit_menu import EditMenuScreen
    from tui.screens.facets import FacetScreen
    from tui.screens.frequency import FrequencyScreen
    from tui.screens.prompt import PromptScreen
    from tui.screens.stories import StoriesScreen
    from tui.screens.story import StoryScreen

    owners = {"global": HanscopeApp, "search": SearchScreen, "article": ArticleScreen, "entity": EntityScreen,
              "compare": CompareScreen, "numbers": NumbersScreen, "help": HelpScreen, "edit": EditScreen,
              "mentions": MentionList, "co-mentions": RelatedList, "story-list": StoryList, "export": ExportScreen, "frequency": FrequencyScreen,
              "edit-menu": EditMenuScreen, "facets": FacetScreen, "prompt": PromptScreen,
              "stories": StoriesScreen, "story": StoryScreen}
    for key in KEYS:
        name = key.action.split("(")[0]
        assert hasattr(owners[key.scope], f"action_{name}"), (key.scope, key.action)


async def test_command_palette_finds_entities_and_articles(app):
    from textual.command import CommandPalette

    async with app.run_test(size=BIG) as pilot:
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"오픈AI")
        for _ in range(20):
            await pilot.pause(0.05)
            hits = [str(getattr(o.prompt, "plain", o.prompt)) for o in app.screen.query(OptionList).first()._options]
            if any("오픈AI" in h for h in hits):
                break
        assert any("오픈AI" in h for h in hits)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen) and app.screen.detail.entity.name == "오픈AI"


async def test_export_and_copy_the_drill_down(app, tmp_path):
    async with app.run_test(size=BIG) as pilot:
        app.open_entity("오픈AI")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        from tui.screens.export import ExportScreen

        assert isinstance(app.screen, ExportScreen)  # nothing is written before the path is shown
        assert not list(tmp_path.glob("hanscope-entity-*"))
        proposed = app.screen.query_one("#path", Input).value
        assert proposed.startswith(str(tmp_path / "hanscope-entity-오픈AI-"))
        assert "mentions" in app.screen.query_one("#export-title").render().plain
        await pilot.press("enter")
        await settle(pilot)
        written = sorted(tmp_path.glob("hanscope-entity-*"))
        assert [p.suffix for p in written] == [".csv", ".json"]
        rows = list(csv.reader(written[0].read_text(encoding="utf-8-sig").splitlines()))
        assert rows[0][:3] == ["entity", "type", "article_id"] and len(rows) == 1 + app.screen.detail.entity.mentions
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert app.clipboard.count("\n") == 1 + app.screen.detail.entity.mentions


async def test_entity_edits_rename_then_delete(seeds_db_copy, tmp_path):
    from tui.screens.edit import EditScreen

    app = HanscopeApp(seeds_db_copy, export_dir=tmp_path)
    async with app.run_test(size=BIG) as pilot:
        app.open_entity("엔비디아")
        await settle(pilot)
        await pilot.press("r")
        assert isinstance(app.screen, EditScreen)
        await pilot.press(*"엔비디아코리아", "enter")
        await settle(pilot)
        entity = app.screen.detail.entity
        assert entity.name == "엔비디아코리아" and "엔비디아" in entity.aliases and entity.mentions == 13
        assert "엔비디아코리아" in app.screen.query_one("#entity-head", Static).content.plain
        alias = entity.aliases[0]
        await pilot.press("s")  # split the first alias off into an entity of its own
        await pilot.click("#apply")
        await settle(pilot)
        assert alias not in app.screen.detail.entity.aliases
        # NVIDIA is never written in the seeds: its own entity now, with no mention, so no lookup offers it
        assert alias in {e.name for e in app.ask(lambda ix: ix.entities(min_mentions=0))}
        assert app.ask(lambda ix: ix.find_entity(alias)) is None
        await pilot.press("D")
        await pilot.click("#apply")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.ask(lambda ix: ix.find_entity("엔비디아코리아")) is None


async def test_a_preview_that_lands_as_the_picker_closes_is_dropped(app, seeds_index):
    """A preview is shown after the frame in progress; if the picker was answered meanwhile, it has nowhere to go
    (this crashed the app when the suite ran under load)."""
    async with app.run_test(size=BIG) as pilot:
        app.open_article(seed_id(seeds_index, "000"))
        await settle(pilot)
        await pilot.press("c")
        picker = app.screen
        assert isinstance(picker, SearchScreen) and picker.picking
        picker.dismiss(None)
        await settle(pilot)
        picker._show_preview(Text("엔비디아 미리보기"))  # the deferred preview, run once the picker is gone
        assert isinstance(app.screen, ArticleScreen)


async def test_article_compare_with_picker(app, seeds_index):
    left, right = seed_id(seeds_index, "000"), seed_id(seeds_index, "002")
    async with app.run_test(size=BIG) as pilot:
        app.open_article(left)
        await settle(pilot)
        await pilot.press("c")
        assert isinstance(app.screen, SearchScreen) and app.screen.picking
        await type_query(pilot, "웨이퍼")
        assert app.screen.query_one("#results", ResultList).move_to_key(f"a:{right}")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen) and app.screen.ids == [left, right]
        await pilot.press("escape")
        assert isinstance(app.screen, ArticleScreen)  # the picker is not a step in history


def test_the_app_never_loads_the_analyzer(seeds_db):
    """Start, search, drill down and compare in a fresh interpreter: no analyzer, no entity extractor."""
    import subprocess
    import sys

    code = f"""
import asyncio, sys
from tui.app import HanscopeApp
async def main():
    app = HanscopeApp({str(seeds_db)!r})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"엔비디아")
        await app.workers.wait_for_complete()
        app.open_entity("엔비디아")
        app.open_compare(1, 2)
        await pilot.pause()
        await app.workers.wait_for_complete()
asyncio.run(main())
print(",".join(m for m in ("kiwipiepy", "store.extract.entities", "store.linker") if m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1:] in ([], [""]), out.stdout


def test_the_amount_parser_is_imported_after_the_first_paint_once_typing_pauses(seeds_db):
    """Its regexes compile in ~70 ms on the main thread: the first paint does without them, a query typed at once
    does not wait for them (it did: 65-180 ms to its answer in tmux), and they are ready once the typing pauses,
    before a person types 90만장; the start's objects are frozen then too (gc_pause.freeze_startup). The pause is set to 1 s here so that a slow machine's stall between two keys
    (typed 0.1 s apart) cannot pass for one."""
    import subprocess
    import sys

    code = f"""
import asyncio, gc, sys, time
import textual.app
import tui.app
from tui.app import HanscopeApp
tui.app.QUIET_BEFORE_WARM_UP = 1.0
seen = []
display = textual.app.App._display
def first(self, *args, **kwargs):
    if not seen:
        seen.append("store.extract.numbers" in sys.modules)
    return display(self, *args, **kwargs)
textual.app.App._display = first
async def main():
    app = HanscopeApp({str(seeds_db)!r})
    async with app.run_test(size=(80, 24)) as pilot:
        for key in [*"삼성전자 하이닉스", *["backspace"] * 8]:  # 1.7 s of typing, never a pause
            await pilot.press(key)
            await asyncio.sleep(0.1)
        seen.append("store.extract.numbers" in sys.modules or gc.get_freeze_count() > 0)
        started = time.monotonic()
        while gc.get_freeze_count() == 0 and time.monotonic() - started < 10:
            await asyncio.sleep(0.05)
        seen.append("store.extract.numbers" in sys.modules and gc.get_freeze_count() > 0)
        await pilot.press("ctrl+u", *"90만장")
        await app.workers.wait_for_complete()
        await pilot.pause()
        seen.append(any("90만" in n.raw for n in app.screen.result.numbers))
asyncio.run(main())
print(seen)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[False, False, True, True]"


async def test_the_start_list_is_in_the_first_frame_of_the_start_screen(seeds_db, monkeypatch):
    """The start list is read while the app starts, and the start screen's first frame waits for it: read once
    the screen had mounted, it came frames later (an empty list painted first, the list ~100 ms after it in tmux
    at 100k)."""
    import textual.app

    from tui.result_list import ResultList

    rows_at_each_frame = []
    display = textual.app.App._display

    def counting(self, *args, **kwargs):
        lists = self.screen.query(ResultList)
        if lists:
            rows_at_each_frame.append(lists.first().item_count)
        return display(self, *args, **kwargs)

    monkeypatch.setattr(textual.app.App, "_display", counting)
    app = HanscopeApp(seeds_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "5 articles, newest first" in str(app.screen.query_one("#status").render())
    assert rows_at_each_frame and rows_at_each_frame[0] == rows_at_each_frame[-1] > 0, rows_at_each_frame


async def test_the_name_index_loads_once_the_typing_pauses_once_for_every_thread(app, monkeypatch):
    """A prefix inside a name (엔비), a typo or initials need the in-memory name index: loading it on that keystroke
    cost 28 ms at 100k. It loads once the typing pauses after the first paint (not beside a query typed at once,
    which may not need it), and the thread that answers a later keystroke uses it."""
    from store import entity_lookup

    loads = []
    load = entity_lookup.load_resolver
    monkeypatch.setattr(entity_lookup, "_shared", None)  # as in a fresh process
    monkeypatch.setattr(entity_lookup, "load_resolver", lambda ix: loads.append(ix) or load(ix))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await until(lambda: loads)
        await settle(pilot)
        assert len(loads) == 1  # before any key
        await type_query(pilot, "엔비디야")  # fuzzy: the name index answers
        assert app.screen.result.instead is not None
        assert entity_lookup._shared is not None and all(ix._resolver is entity_lookup._shared[1] for ix in loads)


# --- layout: Korean is two cells wide ---------------------------------------------------------


@pytest.mark.parametrize("size", [SMALL, (200, 50)])
async def test_kwic_columns_line_up_in_cells(app, size):
    async with app.run_test(size=size) as pilot:
        app.open_entity("오픈AI")
        await settle(pilot)
        screen = app.screen
        mentions = screen.query_one("#mentions", MentionList)
        width = mentions.scrollable_content_region.width
        columns = set()
        for index, prompt in mentions.lines():
            assert prompt.cell_len <= width
            if index is not None:
                m = mentions.mention(index)
                (span,) = [s for s in prompt.spans if s.style == type_style(screen.detail.entity.type)]
                assert prompt.plain[span.start:span.end] == m.surface
                columns.add(cell_len(prompt.plain[:span.start]))
        assert len(columns) == 1, columns  # every mention starts in the same terminal column


# --- the footer -------------------------------------------------------------------------------


async def test_the_footer_fits_80_columns_most_important_keys_first(app, seeds_index):
    """At 80 columns every screen's footer shows whole labels only: its own keys first, then help, search, back."""
    left, right = seed_id(seeds_index, "000"), seed_id(seeds_index, "002")
    async with app.run_test(size=SMALL) as pilot:
        for scope, open_screen in (("search", lambda: None), ("article", lambda: app.open_article(right)),
                                   ("entity", lambda: app.open_entity("오픈AI")),
                                   ("compare", lambda: app.open_compare(left, right)), ("numbers", app.action_numbers)):
            open_screen()
            await settle(pilot)
            footer = app.screen.query_one(KeyFooter)
            keys = footer.entries
            spans = [(k.x, k.x + k.width) for k in keys]
            assert spans and spans[-1][1] <= footer.size.width, scope  # nothing runs off the edge
            assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), scope  # nor under another key
            assert footer.render().cell_len == spans[-1][1], scope  # the painted line is those keys, whole
            actions = [k.action for k in keys]
            own = [action in {k.action for k in KEYS if k.scope == scope} for action in actions]
            assert own[0] and own == sorted(own, reverse=True), (scope, actions)  # the screen's keys, then global
            assert "help" in actions, scope


# --- hostile text -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    from store.db import connect
    from store.indexer import index_paths

    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text("위험한 기사\n\n" + HOSTILE * 3, encoding="utf-8")
    path = folder / "hostile.db"
    db = connect(path, create=True)
    index_paths(db, [folder], workers=0, use_analyzer=False)
    db.close()
    return path


async def test_markup_and_escape_bytes_are_shown_literally(hostile_db, tmp_path):
    app = HanscopeApp(hostile_db, export_dir=tmp_path)
    async with app.run_test(size=BIG) as pilot:
        await type_query(pilot, "위험")
        results = app.screen.query_one("#results", ResultList)
        found = result_rows(app)
        snippets = [p for k, p in found if k and k.startswith("a:")]
        assert any("[bold red]위험[/]" in p for p in snippets), snippets  # literal in the snippet
        assert results.move_to_key(next(k for k, _ in found if k and k.startswith("a:")))
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        shown = "".join(t.plain for t in body_text(screen))
        assert "[bold red]위험[/]" in shown and "[link=http://x]링크[/link]" in shown
        assert "\x1b" not in shown
        for t in body_text(screen):  # no span styled by the would-be markup
            assert not any("red" in str(s.style) and "bold" in str(s.style) and "위험" in t.plain[s.start:s.end] for s in t.spans)
        svg = app.export_screenshot()
        assert "[bold&#160;red]" in svg or "[bold red]" in svg
        # the drill-down's KWIC lines are literal too
        app.open_entity("삼성전자")
        await settle(pilot)
        lines = [t.plain for i, t in app.screen.query_one("#mentions", MentionList).lines() if i is not None]
        assert any("위험[/] 삼성전자" in line for line in lines), lines
        assert not any("\x1b" in line for line in lines)


async def test_drill_down_says_when_co_mentions_cover_only_the_newest_articles(app, monkeypatch):
    import store.api

    async with app.run_test(size=BIG) as pilot:
        app.open_entity("SK하이닉스")
        await settle(pilot)
        assert not [t for _, t in app.screen.query_one("#related", RelatedList).entries() if "newest" in t]
        monkeypatch.setattr(store.api, "RELATED_SPAN", 2)  # SK하이닉스 is in 4 seed articles
        app.open_entity("SK하이닉스")
        await settle(pilot)
        assert app.screen.detail.related_over == 2
        assert "in its newest 2 articles" in [t for _, t in app.screen.query_one("#related", RelatedList).entries()]


async def test_clicking_a_mention_in_a_compare_pane_opens_its_entity(app, seeds_index):
    """Paragraphs with a partner start with a ≈ mark (≈L17): a click must land on the text under it, not 4 cells off."""
    async with app.run_test(size=BIG) as pilot:
        screen = await open_seed_compare(app, pilot, seeds_index)
        # a two-syllable name (삼성) inside a marked paragraph: a click shifted by the mark's 4 cells misses it
        i, mention = next((i, m) for i, (b, w) in enumerate(zip(screen.parts[1], screen.statics[1]))
                          if w.content.plain.startswith("≈") for m in screen.mentions[1]
                          if b.start < m[0] < b.end and cell_len(m[4]) <= 4)
        widget, block = screen.statics[1][i], screen.parts[1][i]
        shown = widget.content.plain
        mark = len(shown) - (block.end - block.start)
        at = mark + mention[0] - block.start  # the mention's place in what the widget shows
        lines = wrapped_lines(app.console, shown, Block(0, len(shown), 0), widget.content_region.width)
        row = next(r for r, (start, text) in enumerate(lines) if start <= at < start + len(text))
        column = cell_len(lines[row][1][:at - lines[row][0]])
        screen.query_one("#right").scroll_to_widget(widget, animate=False)
        await pilot.pause()
        await pilot.click(widget, offset=(column + 1, row))
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen) and app.screen.detail.entity.id == mention[2]


# --- terminal habits ----------------------------------------------------------------------------------


async def test_j_k_g_G_move_in_the_mention_list(app):
    async with app.run_test(size=BIG) as pilot:
        app.open_entity("오픈AI")
        await settle(pilot)
        mentions = app.screen.query_one("#mentions", MentionList)
        assert app.focused is mentions
        start = mentions.cursor
        await pilot.press("j", "j")
        assert mentions.cursor > start
        await pilot.press("k", "k")
        assert mentions.cursor == start
        await pilot.press("G")
        assert mentions.cursor == mentions.row_count - 1
        await pilot.press("g")
        assert mentions.cursor == start  # the first mention (the article heading above it is not selectable)


async def test_ctrl_n_ctrl_p_move_the_results_from_the_search_box_as_in_fzf(app):
    async with app.run_test(size=BIG) as pilot:
        await type_query(pilot, "삼성")
        results = app.screen.query_one("#results", ResultList)
        first = results.cursor
        await pilot.press("ctrl+n", "ctrl+n")
        assert isinstance(app.screen, SearchScreen) and isinstance(app.focused, Input)  # not the numbers table
        assert results.cursor > first
        await pilot.press("ctrl+p", "ctrl+p")
        assert results.cursor == first
        assert app.screen.query_one("#query", Input).value == "삼성"


async def test_j_and_q_are_typed_in_a_text_box_and_q_goes_back_or_quits_outside(app, monkeypatch):
    quit_calls = []
    monkeypatch.setattr(app, "exit", lambda *a, **k: quit_calls.append(a))
    async with app.run_test(size=BIG) as pilot:
        await type_query(pilot, "jq")
        assert app.screen.query_one("#query", Input).value == "jq" and not quit_calls
        app.open_entity("오픈AI")
        await settle(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, SearchScreen) and not quit_calls  # back, not out
        app.screen.query_one("#results", ResultList).focus()
        await pilot.press("q")
        assert quit_calls  # from the start screen, outside the box, q quits


async def test_escape_is_not_offered_where_it_does_nothing(app):
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert "esc" not in footer_keys(app)  # the start screen, empty box: "esc Back" did nothing
        await type_query(pilot, "삼성")
        assert "esc" in footer_keys(app)  # now it clears the query
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one("#query", Input).value == ""


async def test_the_footer_changes_its_keys_without_laying_out_the_screen(app):
    """The first character in the empty box makes `esc` appear in the footer. Textual's Footer remounted a widget
    per key and laid the screen out again for that (150 ms of the first keystroke at 100k); this footer repaints
    its one line."""
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        asked, refresh = [], footer.refresh
        footer.refresh = lambda *regions, **flags: (asked.append(flags), refresh(*regions, **flags))[1]
        before = footer.entries
        await type_query(pilot, "삼")
        assert "esc" in footer_keys(app) and footer.entries != before
        assert "esc" in footer.render().plain  # what is painted follows the keys
        await type_query(pilot, "성과")
        status = app.screen.query_one("#status", Static)
        assert "searching" not in str(status.render())  # an answer in ms never flashes "searching…"
        await pilot.press("ctrl+u")
        await settle(pilot)
        assert "esc" not in footer_keys(app)  # the box emptied: the keys changed back
        assert len(asked) == 2 and not any(flags.get("layout") or flags.get("recompose") for flags in asked)
        assert not footer.children


async def test_typing_on_in_a_box_that_has_a_value_leaves_the_keys_alone(app):
    """Only the first character (or emptying the box) can change the footer's keys: working them out again at each
    keystroke cost the main thread ~1 ms just before the keystroke's search started."""
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = app.screen
        asked, refresh = [], screen.refresh_bindings
        screen.refresh_bindings = lambda: (asked.append(1), refresh())[1]
        await type_query(pilot, "삼")
        assert len(asked) == 1 and "esc" in footer_keys(app)
        await type_query(pilot, "성과 90만 장")
        assert len(asked) == 1
        await pilot.press("ctrl+u")
        await settle(pilot)
        assert len(asked) == 2 and "esc" not in footer_keys(app)
        await type_query(pilot, "오픈AI는")
        assert len(asked) == 3 and "esc" in footer_keys(app)


async def test_the_preview_and_the_result_list_ask_their_style_once_a_frame(app, monkeypatch):
    """rich_style walks every ancestor's styles: asked at each of a pane's lines it was a fifth of a preview's frame."""
    from textual.dom import DOMNode

    asked: list[str] = []
    for cls in (PreviewPane, ResultList):
        monkeypatch.setattr(cls, "rich_style", property(
            lambda self: (asked.append(type(self).__name__), DOMNode.rich_style.fget(self))[1]))
    async with app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "삼성과")
        await settle(pilot)
        pane, results = app.screen.query_one("#preview", PreviewPane), app.screen.query_one(ResultList)
        assert pane.virtual_size.height > 8 and results.line_count > 8
        asked.clear()
        pane.refresh()
        results.refresh()
        await pilot.pause()
        assert 1 <= asked.count("PreviewPane") <= 2 and 1 <= asked.count("ResultList") <= 2
        strip = results.render_line(0)  # a line asked outside a frame works it out for itself
        assert strip.cell_length == results.scrollable_content_region.width


async def test_a_click_on_a_footer_key_presses_it(app):
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        more = next(e for e in footer.entries if e.action == "help")
        await pilot.click(KeyFooter, offset=(more.x + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_numbers_on_N_and_f3_and_the_palette_on_ctrl_k(app):
    from textual.command import CommandPalette

    async with app.run_test(size=BIG) as pilot:
        app.open_entity("오픈AI")
        await settle(pilot)
        await pilot.press("N")
        await settle(pilot)
        assert isinstance(app.screen, NumbersScreen)
        table = app.screen.query_one("#table", DataTable)
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)


# --- footer and help ---------------------------------------------------------------------------------


async def test_help_opens_on_the_current_screens_keys(app):
    async with app.run_test(size=BIG) as pilot:
        for open_screen, title in ((lambda: app.open_entity("오픈AI"), "Entity drill-down"),
                                   (app.action_numbers, "Numbers table")):
            open_screen()
            await settle(pilot)
            await pilot.press("f1")
            lines = [line for line in app.screen.query_one(Static).content.plain.splitlines() if line.strip()]
            assert lines[1] == title, lines[:3]  # right under the heading, before "Everywhere" and "Search"
            assert lines.index("Everywhere") < lines.index("Search (start screen)")
            await pilot.press("escape")


async def test_the_footer_shows_enter_and_where_the_other_keys_are(app):
    async with app.run_test(size=SMALL) as pilot:
        for open_screen in (lambda: app.open_entity("오픈AI"), app.action_numbers):
            open_screen()
            await settle(pilot)
            shown = footer_keys(app)
            assert shown.get("⏎") and shown["⏎"].startswith("Open"), shown  # hidden behind the list's own enter
            assert shown.get("f1") == "More", shown
            assert app.screen.query_one(KeyFooter).entries[-1].action == "help"  # always there, at the end


async def test_u_undoes_the_last_edit_and_the_entity_keeps_its_id(seeds_db_copy, tmp_path):
    from tui.screens.edit import EditScreen

    app = HanscopeApp(seeds_db_copy, export_dir=tmp_path)
    async with app.run_test(size=BIG) as pilot:
        app.open_entity("최태원")
        await settle(pilot)
        before = app.screen.detail.entity
        await pilot.press("a")
        assert isinstance(app.screen, EditScreen)
        title = app.screen.query_one("#edit-title").render().plain
        assert title.startswith("Add a name to 최태원") and "alias-add" not in title
        await pilot.press(*"최 회장님", "enter")
        await settle(pilot)
        assert "최 회장님" in app.screen.detail.entity.aliases and app.screen.detail.entity.id == before.id
        await pilot.press("r")
        await pilot.press(*"최태원 회장", "enter")
        await settle(pilot)
        assert app.screen.detail.entity.name == "최태원 회장" and app.screen.detail.entity.id == before.id
        await pilot.press("u")
        await settle(pilot)
        assert app.screen.detail.entity.name == "최태원" and app.screen.detail.entity.id == before.id
        await pilot.press("u")
        await settle(pilot)
        assert app.screen.detail.entity.aliases == before.aliases
        assert app.ask(lambda ix: ix.edits()) == []


# --- numbers ---------------------------------------------------------------------------------------


def table_cells(screen, column: int) -> list[str]:
    table = screen.query_one("#table", DataTable)
    return [str(table.get_row_at(i)[column]) for i in range(table.row_count)]


async def test_numbers_sort_the_whole_table_not_the_rows_loaded(app, seeds_index, monkeypatch):
    import tui.screens.numbers as numbers_screen

    monkeypatch.setattr(numbers_screen, "PAGE", 4)  # the seeds hold 16 numbers: four pages
    every = seeds_index.numbers()
    async with app.run_test(size=BIG) as pilot:
        app.action_numbers()
        await settle(pilot)
        screen = app.screen
        assert len(screen.rows) == 4
        await pilot.press("s")
        await settle(pilot)
        assert "sorted by article" in str(screen.query_one("#status", Static).content)
        lowest = min((n.article_id, n.start) for n in every)
        assert (screen.rows[0].article_id, screen.rows[0].start) == lowest  # not the lowest among the 4 largest values


async def test_numbers_group_units_and_read_in_their_own_words(app):
    async with app.run_test(size=BIG) as pilot:
        app.action_numbers()
        await settle(pilot)
        screen = app.screen
        groups = [(n.unit, n.counter) for n in screen.rows]
        firsts = [g for i, g in enumerate(groups) if i == 0 or groups[i - 1] != g]
        assert len(firsts) == len(set(firsts))  # each unit in one run: 700조 원 never above 5,000억 달러 among KRW
        values = dict(zip(table_cells(screen, 2), table_cells(screen, 0)))
        assert values["500메가와트"] == "500MW" and values["5000억 달러"] == "5,000억 달러"
        assert values["약 700조원"] == "700조 원" and values["월 90만장"] == "90만 장"
        assert not any("억 W" in v or "KRW" in v for v in values.values())


async def test_escape_in_a_numbers_filter_leaves_the_box_and_the_filter_survives_history(app):
    async with app.run_test(size=BIG) as pilot:
        app.action_numbers()
        await settle(pilot)
        await pilot.press("f", *"KRW")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NumbersScreen) and isinstance(app.focused, DataTable)
        assert {n.unit for n in screen.rows} == {"KRW"}
        await pilot.press("s")  # sorted by article
        await settle(pilot)
        await pilot.press("escape")  # from the table: back to the start screen
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("alt+right")
        await settle(pilot)
        again = app.screen
        assert isinstance(again, NumbersScreen) and again is not screen
        assert again.query_one("#unit", Input).value == "KRW" and {n.unit for n in again.rows} == {"KRW"}
        assert "sorted by article" in str(again.query_one("#status", Static).content)


# --- messages hide nothing ------------------------------------------------------------------------------


async def test_compare_messages_go_to_a_status_line_not_over_the_figures(app, seeds_index):
    left, right = seed_id(seeds_index, "000"), seed_id(seeds_index, "002")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        results = app.screen.query_one("#results", ResultList)
        assert results.move_to_key(f"a:{left}")
        await pilot.press("ctrl+t")  # "Compare: left is #…" on the search screen
        assert results.move_to_key(f"a:{right}")
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert not app._notifications  # the toast from the search screen no longer covers the 90만장 lines
        await pilot.press("n")
        await settle(pilot)
        assert not app._notifications
        status = app.screen.query_one("#status", Static).content.plain
        assert "90만장" in status and "1/" in status
        numbers = app.screen.query_one("#shared-numbers")
        assert numbers.region.bottom <= app.screen.query_one("#status").region.y  # nothing stacked over them


async def test_copy_says_where_it_went_in_the_status_line(app):
    async with app.run_test(size=SMALL) as pilot:
        app.open_entity("오픈AI")
        await settle(pilot)
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert not app._notifications
        assert "Copied" in app.screen.query_one("#status", Static).content.plain


# --- a big entity: the mention list is virtual ----------------------------------------------------------


@pytest.fixture(scope="module")
def big_entity_db(tmp_path_factory) -> Path:
    """60 articles naming 삼성전자 25 times each: 1,500 mentions, eight pages of the list."""
    from store.db import connect
    from store.indexer import index_paths

    folder = tmp_path_factory.mktemp("big-entity")
    for i in range(60):
        lines = [f"삼성전자 기사 {i}호", ""]
        lines += [f"삼성전자가 {i}번째 기사의 {j}번째 문단에서 반도체 투자를 발표했다. 삼성전자와 SK하이닉스는 협력한다."
                  for j in range(13)]
        (folder / f"{i:03d}.txt").write_text("\n\n".join(lines), encoding="utf-8")
    path = folder / "big.db"
    db = connect(path, create=True)
    index_paths(db, [folder], workers=0)
    db.close()
    return path


async def test_the_end_of_a_big_mention_list_is_one_key_away(big_entity_db, tmp_path):
    from store.api import Index

    index = Index.open(big_entity_db)
    every = index.entity_mentions("삼성전자")
    index.close()
    assert len(every) >= 1500
    app = HanscopeApp(big_entity_db, export_dir=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        app.open_entity("삼성전자")
        await settle(pilot)
        mentions = app.screen.query_one("#mentions", MentionList)
        assert mentions.row_count == len(every) + 60  # every mention and heading has its row before any is read
        started = time.perf_counter()
        await pilot.press("end")
        await settle(pilot)
        assert time.perf_counter() - started < 2
        assert app.screen.current_mention().id == every[-1].id
        assert len(mentions.pages) <= 3  # the first page and the ones on screen: not all eight
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.span == (every[-1].start, every[-1].end)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.current_mention().id == every[-1].id  # back on the same mention: its page read first
        await pilot.press("ctrl+y")  # a copy takes every mention, not the pages seen
        await settle(pilot)
        assert app.clipboard.count("\n") == 1 + len(every)


async def test_an_export_can_go_where_the_user_says(app, tmp_path):
    async with app.run_test(size=BIG) as pilot:
        app.action_numbers()
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        box = app.screen.query_one("#path", Input)
        box.value = str(tmp_path / "보고서" / "수치.csv")  # a folder that does not exist yet; the extension is optional
        await pilot.press("enter")
        await settle(pilot)
        assert sorted(p.name for p in (tmp_path / "보고서").iterdir()) == ["수치.csv", "수치.json"]
        assert "수치.csv" in app.screen.query_one("#status", Static).content.plain
        await pilot.press("ctrl+s", "escape")  # esc cancels: nothing more is written
        await settle(pilot)
        assert isinstance(app.screen, NumbersScreen) and len(list((tmp_path / "보고서").iterdir())) == 2


async def test_an_export_that_cannot_be_written_says_why_and_the_app_goes_on(app, tmp_path):
    """The files are written in a worker (a big export froze the screen for seconds): a path under a file fails there,
    and the status line says so in one line."""
    (tmp_path / "메모.txt").write_text("파일", encoding="utf-8")
    async with app.run_test(size=BIG) as pilot:
        app.action_numbers()
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        app.screen.query_one("#path", Input).value = str(tmp_path / "메모.txt" / "수치")
        await pilot.press("enter")
        await settle(pilot)
        status = app.screen.query_one("#status", Static).content.plain
        assert isinstance(app.screen, NumbersScreen) and status.startswith("Export failed") and "\n" not in status
        assert sorted(p.name for p in tmp_path.iterdir()) == ["메모.txt"]


async def test_every_dialog_applies_on_enter_or_its_button_and_cancels_on_esc_or_cancel(app, seeds_index, tmp_path):
    """Export, entity edit and name dialogs share one base (tui.dialog): the same four ways out behave alike."""
    from tui.screens.edit import EditScreen
    from tui.screens.export import ExportScreen
    from tui.screens.prompt import PromptScreen

    entity = seeds_index.find_entity("오픈AI")
    dialogs = [
        (lambda: ExportScreen("3 rows", tmp_path / "결과"), "#path", tmp_path / "결과"),
        (lambda: PromptScreen("Save as", "a name"), "#prompt-input", "반도체 수출"),
        (lambda: EditScreen("alias-add", entity), "#value", ("alias-add", {"entity": "오픈AI", "alias": "오픈 AI"}, "오픈AI")),
    ]
    async with app.run_test(size=BIG) as pilot:
        await settle(pilot)
        for make, field, applied in dialogs:
            for way_out in ("enter", "#apply", "escape", "#cancel"):
                got = []
                app.push_screen(make(), got.append)
                await settle(pilot)
                box = app.screen.query_one(field, Input)
                if not box.value:
                    box.value = applied if isinstance(applied, str) else applied[1]["alias"]
                await (pilot.click(way_out) if way_out.startswith("#") else pilot.press(way_out))
                await settle(pilot)
                assert isinstance(app.screen, SearchScreen)
                assert got == ([applied] if way_out in ("enter", "#apply") else [None]), (make, way_out)


def test_exports_default_to_a_documented_folder_not_the_working_directory(monkeypatch, tmp_path):
    from tui.widgets import default_export_dir

    monkeypatch.setenv("HANSCOPE_EXPORTS", str(tmp_path / "out"))
    assert default_export_dir() == tmp_path / "out"
    monkeypatch.delenv("HANSCOPE_EXPORTS")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_export_dir() == tmp_path
    (tmp_path / "Downloads").mkdir()
    assert default_export_dir() == tmp_path / "Downloads"


async def test_an_entity_opens_from_compare_by_keyboard(app, seeds_index):
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_seed_compare(app, pilot, seeds_index)
        await pilot.press("tab")  # the right pane
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        second = screen.mentions[1][1]
        assert f"right mention 2/{len(screen.mentions[1])}: {second[4]}" in screen.query_one("#status", Static).content.plain
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen) and app.screen.detail.entity.id == second[2]


async def test_the_merge_dialog_completes_entity_names(seeds_db_copy, tmp_path):
    from tui.screens.edit import EditScreen

    app = HanscopeApp(seeds_db_copy, export_dir=tmp_path)
    async with app.run_test(size=BIG) as pilot:
        app.open_entity("오픈AI")
        await settle(pilot)
        await pilot.press("m")
        assert isinstance(app.screen, EditScreen)
        await pilot.press(*"ㅇㅂㄷㅇ")  # initials: no inline completion, but the list knows
        await settle(pilot)
        candidates = app.screen.query_one("#candidates", OptionList)
        assert [p for _, p in options(candidates)][0].split()[1] == "엔비디아"
        await pilot.press("down", "enter")
        assert app.screen.query_one("#value", Input).value == "엔비디아"
        box = app.screen.query_one("#value", Input)
        box.value = ""
        await pilot.press(*"챗G")
        await settle(pilot)
        await pilot.press("right")  # accepts the inline suggestion, as in a shell
        assert box.value == "챗GPT"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen) and "챗GPT" in app.screen.detail.entity.aliases


async def test_adding_a_name_that_names_another_entity_says_so(app):
    async with app.run_test(size=BIG) as pilot:
        app.open_entity("오픈AI")
        await settle(pilot)
        await pilot.press("a", *"엔비디아")
        await settle(pilot)
        assert "names 엔비디아 (company) now: adding it here moves it" in app.screen.query_one("#hint", Static).content.plain


async def test_the_mention_list_opens_on_one_page_of_rows_and_reads_the_rest_as_they_show(big_entity_db, tmp_path,
                                                                                           monkeypatch):
    """The first paint reads no article list and one page of rows (the list is laid out from the entity's totals);
    paging down reads the pages that come into view, and every row of them sits in drill-down order under its own
    article's heading."""
    from store.api import Index

    index = Index.open(big_entity_db)
    every = index.entity_mentions("삼성전자")
    index.close()
    asked = []
    entity, rows = Index.entity, Index.mention_rows
    monkeypatch.setattr(Index, "entity", lambda self, key, **kw: asked.append(("entity", kw)) or entity(self, key, **kw))
    monkeypatch.setattr(Index, "mention_rows", lambda self, eid, offset, limit: asked.append(("rows", offset)) or
                        rows(self, eid, offset, limit))
    app = HanscopeApp(big_entity_db, export_dir=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        app.open_entity("삼성전자")
        await settle(pilot)
        # the first paint: no article list (not 60 articles), no co-mentions, no timeline (they grow with the
        # entity); then one page of rows; then, after that paint, the co-mentions and timeline
        assert [(what, kw.get("article_limit"), kw.get("related_span"), kw.get("timeline", True)) if what == "entity"
                else (what, kw) for what, kw in asked] == [("entity", 0, 0, False), ("rows", 0), ("entity", 0, None, True)]
        assert app.screen.counted and app.screen.detail.related  # (these articles carry no dates: no timeline)
        mentions = app.screen.query_one("#mentions", MentionList)
        assert mentions.row_count == len(every) + 60 and set(mentions.pages) == {0}
        for _ in range(12):
            await pilot.press("pagedown")
            await settle(pilot)
        assert 1 < len(mentions.pages) < 8
        current = app.screen.current_mention()
        assert current is not None and current.id == every[mentions.locate(mentions.cursor)[2]].id
        above, seen = None, 0
        for i, text in mentions.lines():
            if i is None:
                above = int(text.plain.split()[0].lstrip("#"))
            else:
                m = mentions.mention(i)
                assert (m.id, m.article_id) == (every[i].id, above), i
                seen += 1
        assert seen > 200


async def test_the_frequency_table_takes_months_from_the_timeline_and_the_top_articles(app, seeds_index,
                                                                                        monkeypatch):
    """By month: the timeline's months and "no date" for the rest; by article: the most-mentioned ones only, said
    so; enter on a month puts the list on that month's newest article, counted by the index."""
    import tui.screens.entity as entity_screen

    monkeypatch.setattr(entity_screen, "FREQUENCY_ARTICLES", 2)
    detail = seeds_index.entity("한국")
    by_month: dict[str, int] = {}
    for a in detail.articles:
        by_month[(a.date or "")[:7] or "no date"] = by_month.get((a.date or "")[:7] or "no date", 0) + a.count
    assert "no date" in by_month and len(by_month) >= 3 and len(detail.articles) > 2
    async with app.run_test(size=BIG) as pilot:
        app.open_entity("한국")
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        counts = app.screen.query_one("#counts", OptionList)
        shown = {key: int(prompt.split()[-2].replace(",", "")) for key, prompt in options(counts)}
        assert shown == by_month
        month = min(m for m in by_month if m != "no date")  # the oldest month: the list must move down to it
        counts.highlighted = [key for key, _ in options(counts)].index(month)
        await pilot.press("tab")
        title = app.screen.query_one("#frequency-title").content.plain
        assert f"the 2 most-mentioned of {len(detail.articles)} articles" in title
        assert len(options(counts)) == 2
        await pilot.press("tab")
        counts.highlighted = [key for key, _ in options(counts)].index(month)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        newest_of_month = next(a for a in seeds_index._articles_naming(detail.entity.id) if (a.date or "").startswith(month))
        assert app.screen.current_mention().article_id == newest_of_month.id


async def test_the_frequency_table_counts_mentions_and_enter_jumps_there(app, seeds_index):
    from tui.screens.frequency import FrequencyScreen

    detail = seeds_index.entity("삼성")
    busiest = max(detail.articles, key=lambda a: a.count)
    async with app.run_test(size=SMALL) as pilot:
        app.open_entity("삼성")
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, FrequencyScreen) and app.screen.column == "month"
        await pilot.press("tab")
        counts = app.screen.query_one("#counts", OptionList)
        rows = [p for _, p in options(counts)]
        assert rows[0].startswith(f"#{busiest.id} ") and f" {busiest.count} " in rows[0]  # largest first
        assert all(cell_len(p) <= counts.scrollable_content_region.width for p in rows)  # one line each
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        assert app.screen.current_mention().article_id == busiest.id  # drilled to that article's mentions


async def test_a_long_sentence_is_whole_and_the_table_scrolls_sideways(app):
    async with app.run_test(size=SMALL) as pilot:
        app.action_numbers()
        await settle(pilot)
        screen = app.screen
        sentences = table_cells(screen, 4)
        row = next(i for i, n in enumerate(screen.rows) if n.raw == "5000억 달러")
        assert sentences[row] == screen.rows[row].context  # was cut at 70 cells: `오픈AI·오라클·소`
        table = screen.query_one("#table", DataTable)
        await pilot.press("right", "right", "right")
        assert table.scroll_x > 0


async def test_numbers_frequency_by_unit_drills_into_that_unit(app, seeds_index):
    from collections import Counter

    from tui.screens.frequency import FrequencyScreen

    truth = Counter(n.unit for n in seeds_index.numbers())
    async with app.run_test(size=SMALL) as pilot:
        app.action_numbers()
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, FrequencyScreen) and app.screen.column == "unit"
        counts = app.screen.query_one("#counts", OptionList)
        shown = [p.split() for _, p in options(counts)]
        assert [(row[0], int(row[1])) for row in shown] == sorted(truth.items(), key=lambda kv: (-kv[1], kv[0]))
        await pilot.press("down", "enter")  # the second most frequent unit
        await settle(pilot)
        assert isinstance(app.screen, NumbersScreen)
        second = shown[1][0]
        assert app.screen.query_one("#unit", Input).value == second and {n.unit for n in app.screen.rows} == {second}


async def test_back_and_forward_return_to_the_same_mention(app):
    async with app.run_test(size=SMALL) as pilot:
        app.open_entity("오픈AI")
        await settle(pilot)
        await pilot.press("j", "j", "j", "j", "j")
        mention = app.screen.current_mention()
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("alt+right")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen) and app.screen.current_mention().id == mention.id


async def test_every_edit_is_one_key_away_from_the_footer(seeds_db_copy, tmp_path):
    from tui.screens.edit import EditScreen
    from tui.screens.edit_menu import EditMenuScreen

    app = HanscopeApp(seeds_db_copy, export_dir=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        app.open_entity("엔비디아")
        await settle(pilot)
        assert footer_keys(app).get("e") == "Edit…"
        await pilot.press("e")
        assert isinstance(app.screen, EditMenuScreen)
        listed = [p for _, p in options(app.screen.query_one("#edit-ops", OptionList))]
        assert len(listed) == 7 and any("Rename" in p for p in listed) and any("Delete" in p for p in listed)
        await pilot.press("t")  # an edit's own key works in the menu
        assert isinstance(app.screen, EditScreen) and app.screen.op == "retype"
        await pilot.press("escape", "e", "down", "enter")  # or move and enter: the second, retype again
        assert isinstance(app.screen, EditScreen) and app.screen.op == "retype"


async def test_mention_rows_sit_under_their_own_article_when_two_share_a_day(same_day_db, tmp_path):
    """The store pages mentions newest day first, then by id; the list must lay out its article rows the same way,
    or a mention shows under another article's heading."""
    db_path = same_day_db
    app = HanscopeApp(db_path, export_dir=tmp_path, history_path=tmp_path / "history")
    async with app.run_test(size=SMALL) as pilot:
        app.open_entity("삼성전자")
        await settle(pilot)
        mentions = app.screen.query_one("#mentions", MentionList)
        rows = mentions.lines()
        assert len(rows) == mentions.row_count and sum(i is not None for i, _ in rows) == mentions.total_mentions >= 4
        above = None
        for index, text in rows:
            if index is None:
                above = int(text.plain.split()[0].lstrip("#"))  # a heading: "#ID title · date · n mentions"
            else:
                assert mentions.mention(index).article_id == above, (index, text.plain)


async def test_an_entity_screen_opens_with_its_first_page_already_read(app, monkeypatch):
    """open_entity reads the entity and its first mention rows, then opens the screen with them: the screen is
    laid out once, with its content, and asks for nothing before its first paint."""
    mounted = []
    on_mount = EntityScreen.on_mount

    def record(screen):
        on_mount(screen)
        mounted.append((screen.detail.entity.name if screen.detail else None,
                        screen.query_one("#mentions", MentionList).row_count))

    monkeypatch.setattr(EntityScreen, "on_mount", record)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        app.open_entity("엔비디아")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        assert mounted and mounted[0][0] == "엔비디아" and mounted[0][1] > 0  # filled as it mounted
        assert app.screen.query_one("#mentions", MentionList).mention(1) is not None  # the first row's data is in


async def test_an_entity_screen_asks_for_no_second_layout_of_its_own_before_its_counts(app, monkeypatch):
    """Its first page comes with it (open_entity), its status line has a fixed height, the toast rack's style is
    set before the first layout, and its lines are not made again for the size they were made for. Each of these
    laid the whole screen out again after the first paint (40-90 ms at 100k, traced)."""
    from textual.widgets._toast import ToastRack

    layouts, late, details, laying_out = [], [], [], []
    refresh_layout, render_detail = EntityScreen._refresh_layout, EntityScreen.render_detail

    def count_layout(self, *a, **k):
        layouts.append(1)
        laying_out.append(1)  # a layout resizes widgets, and each then asks for one more: not a new request
        try:
            return refresh_layout(self, *a, **k)
        finally:
            laying_out.pop()

    monkeypatch.setattr(EntityScreen, "_refresh_layout", count_layout)
    monkeypatch.setattr(EntityScreen, "render_detail", lambda self: (details.append(self.counted), render_detail(self))[1])
    refresh = Static.refresh

    def spy(self, *regions, **flags):
        on_entity = self.is_attached and isinstance(self.screen, EntityScreen)
        if flags.get("layout") and on_entity and layouts and not laying_out and not self.screen.counted:
            late.append(self.id)
        return refresh(self, *regions, **flags)

    monkeypatch.setattr(Static, "refresh", spy)
    monkeypatch.setattr(ToastRack, "refresh", spy)
    async with app.run_test(size=SMALL) as pilot:
        await type_query(pilot, "엔비디아")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen) and "mention 1 of" in str(app.screen.query_one("#status").render())
        assert details == [False]  # once, with the first page (the counts fill their own widgets)
        assert late == []
