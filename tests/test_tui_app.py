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
from textual.widgets import DataTable, Footer, Input, OptionList, Static
from textual.widgets._footer import FooterKey

from tui.app import HanscopeApp
from tui.bindings import KEYS
from tui.screens.article import ArticleScreen
from tui.screens.compare import CompareScreen
from tui.screens.entity import EntityScreen
from tui.screens.help import HelpScreen
from tui.screens.numbers import NumbersScreen
from tui.screens.search import SearchScreen
from tui.widgets import HIGHLIGHT_STYLE, Block, type_style, wrapped_lines

BIG, SMALL = (160, 45), (80, 24)
HOSTILE = "[bold red]위험[/] 삼성전자 발표. 끝 [/] 표시 \x1b[31m빨강\x1b[0m [link=http://x]링크[/link] 삼성전자가 말했다.\n"


async def settle(pilot) -> None:
    """Let workers finish and their answers render."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_query(pilot, text: str) -> None:
    await pilot.press(*text)
    await settle(pilot)


def options(option_list: OptionList) -> list[tuple[str | None, str]]:
    return [(o.id, o.prompt.plain if isinstance(o.prompt, Text) else str(o.prompt))
            for o in (option_list.get_option_at_index(i) for i in range(option_list.option_count))]


def seed_id(index, prefix: str) -> int:
    return next(a.id for a in index.articles() if Path(a.source).name.startswith(prefix))


def footer_keys(app) -> dict[str, str]:
    """What the footer offers: key as shown -> label."""
    return {k.key_display: k.description for k in app.screen.query(FooterKey)}


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
        found = [key for key, _ in options(app.screen.query_one("#results", OptionList)) if key]
        assert found[0].startswith("e:")
        assert [k for k in found if k.startswith("a:")][0] == f"a:{most}"
        # the preview follows the highlight: the entity with its KWIC lines
        preview = app.screen.query_one("#preview-text", Static).content
        assert "엔비디아" in str(preview) and "mentions in" in str(preview)
        # on an article, the preview opens at the match, highlighted
        await pilot.press("down", "down")
        await settle(pilot)
        preview = app.screen.query_one("#preview-text", Static).content
        marked = [preview.plain[s.start:s.end] for s in preview.spans if s.style == HIGHLIGHT_STYLE]
        assert marked == ["엔비디아"]


@pytest.mark.parametrize("query", ["엔비디야", "ㅇㅂㄷㅇ", "NVIDIA"])
async def test_typos_initials_and_latin_names_find_the_entity(app, seeds_index, query):
    nvidia = seeds_index.find_entity("엔비디아").id
    async with app.run_test(size=SMALL) as pilot:
        await type_query(pilot, query)
        results = app.screen.query_one("#results", OptionList)
        assert results.get_option_at_index(results.highlighted).id == f"e:{nvidia}"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        assert app.screen.detail.entity.name == "엔비디아"


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
        assert "/" not in keys and keys.get("f1") == "Help"  # the footer offers only keys that work while typing
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


async def test_a_cancelled_query_stops_running_and_its_answer_is_dropped(app):
    """A query made stale by a newer one in its group is interrupted, so stale queries never pile up on the pool."""
    finished = threading.Event()

    def count(ix):  # some ten seconds of SQLite work
        try:
            return ix.db.execute(COUNT_TO_100M).fetchone()[0]
        finally:
            finished.set()

    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        answers: list[int] = []
        app.screen.got_count = answers.append
        app.screen.fetch("count", count, group="count")
        await pilot.pause(0.2)
        app.screen.fetch("count", lambda ix: ix.article_count(), group="count")  # cancels the first
        assert await asyncio.to_thread(finished.wait, 2)
        await settle(pilot)
        assert answers == [5]
        assert not [n for n in app._notifications if n.severity == "error"]


@pytest.mark.parametrize("query", ['"삼성', "삼성 OR *", "NEAR(삼성", "[/]", "%_\\", "'; DROP TABLE articles; --"])
async def test_query_syntax_is_searched_as_text(app, query):
    async with app.run_test(size=SMALL) as pilot:
        app.screen.query_one("#query", Input).value = query
        await settle(pilot)
        assert app.screen.result is not None and app.screen.result.query == query
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_empty_query_lists_articles_and_enter_opens_one(app, seeds_index):
    newest = seeds_index.articles(limit=1)[0]
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        first = [k for k, _ in options(app.screen.query_one("#results", OptionList)) if k][0]
        assert first == f"a:{newest.id}"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.article_id == newest.id


# --- drill-down, article, history ---------------------------------------------------------------


async def test_drill_into_openai_then_article_then_back_and_forward(app, seeds_index):
    expected = {a.id for a in seeds_index.entity("오픈AI").articles}
    assert len(expected) == 4
    async with app.run_test(size=BIG) as pilot:
        await type_query(pilot, "오픈AI")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EntityScreen)
        lines = options(screen.query_one("#mentions", OptionList))
        shown = {screen.detail.mentions[int(k[1:])].article_id for k, _ in lines if k and k.startswith("m")}
        assert shown == expected
        assert sum(1 for k, _ in lines if k is None) == 4  # one heading per article
        assert any(k and k.startswith("r") for k, _ in options(screen.query_one("#related", OptionList)))

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
        assert target.content.plain.startswith(f"≈L{mine + 1} ")
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
        await pilot.press("ctrl+n")
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
    from tui.screens.stories import StoriesScreen
    from tui.screens.story import StoryScreen

    owners = {"global": HanscopeApp, "search": SearchScreen, "article": ArticleScreen, "entity": EntityScreen,
              "compare": CompareScreen, "numbers": NumbersScreen, "help": HelpScreen, "edit": EditScreen,
              "stories": StoriesScreen, "story": StoryScreen}
    for key in KEYS:
        name = key.action.split("(")[0]
        assert hasattr(owners[key.scope], f"action_{name}"), (key.scope, key.action)


async def test_command_palette_finds_entities_and_articles(app):
    from textual.command import CommandPalette

    async with app.run_test(size=BIG) as pilot:
        await pilot.press("ctrl+p")
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
        written = sorted(tmp_path.glob("hanscope-entity-*"))
        assert [p.suffix for p in written] == [".csv", ".json"]
        rows = list(csv.reader(written[0].read_text(encoding="utf-8-sig").splitlines()))
        assert rows[0][:3] == ["entity", "type", "article_id"] and len(rows) == 1 + app.screen.detail.entity.mentions
        await pilot.press("ctrl+y")
        assert app.clipboard.count("\n") == 1 + len(app.screen.detail.mentions)


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
        assert app.ask(lambda ix: ix.find_entity(alias)).name == alias
        await pilot.press("D")
        await pilot.click("#apply")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.ask(lambda ix: ix.find_entity("엔비디아코리아")) is None


async def test_article_compare_with_picker(app, seeds_index):
    left, right = seed_id(seeds_index, "000"), seed_id(seeds_index, "002")
    async with app.run_test(size=BIG) as pilot:
        app.open_article(left)
        await settle(pilot)
        await pilot.press("c")
        assert isinstance(app.screen, SearchScreen) and app.screen.picking
        await type_query(pilot, "웨이퍼")
        results = app.screen.query_one("#results", OptionList)
        results.highlighted = next(i for i, (k, _) in enumerate(options(results)) if k == f"a:{right}")
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
print(",".join(m for m in ("kiwipiepy", "store.entities", "store.linker") if m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1:] in ([], [""]), out.stdout


# --- layout: Korean is two cells wide ---------------------------------------------------------


@pytest.mark.parametrize("size", [SMALL, (200, 50)])
async def test_kwic_columns_line_up_in_cells(app, size):
    async with app.run_test(size=size) as pilot:
        app.open_entity("오픈AI")
        await settle(pilot)
        screen = app.screen
        mentions = screen.query_one("#mentions", OptionList)
        width = mentions.scrollable_content_region.width - 1
        columns = set()
        for i in range(mentions.option_count):
            option = mentions.get_option_at_index(i)
            assert option.prompt.cell_len <= width
            if option.id and option.id.startswith("m"):
                m = screen.detail.mentions[int(option.id[1:])]
                (span,) = [s for s in option.prompt.spans if s.style == type_style(screen.detail.entity.type)]
                assert option.prompt.plain[span.start:span.end] == m.surface
                columns.add(cell_len(option.prompt.plain[:span.start]))
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
            footer = app.screen.query_one(Footer)
            keys = list(app.screen.query(FooterKey))
            spans = sorted((k.region.x, k.region.right) for k in keys)
            assert spans and spans[-1][1] <= footer.region.right, scope  # nothing runs off the edge
            assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), scope  # nor under another key
            actions = [k.action for k in sorted(keys, key=lambda k: k.region.x)]
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
        results = app.screen.query_one("#results", OptionList)
        found = options(results)
        snippets = [p for k, p in found if k and k.startswith("a:")]
        assert any("[bold red]위험[/]" in p for p in snippets), snippets  # literal in the snippet
        results.highlighted = next(i for i, (k, _) in enumerate(found) if k and k.startswith("a:"))
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
        lines = [p for k, p in options(app.screen.query_one("#mentions", OptionList)) if k and k.startswith("m")]
        assert any("위험[/] 삼성전자" in line for line in lines), lines
        assert not any("\x1b" in line for line in lines)


async def test_drill_down_says_when_co_mentions_cover_only_the_newest_articles(app, monkeypatch):
    import store.api

    async with app.run_test(size=BIG) as pilot:
        app.open_entity("SK하이닉스")
        await settle(pilot)
        assert not [t for _, t in options(app.screen.query_one("#related", OptionList)) if "newest" in t]
        monkeypatch.setattr(store.api, "RELATED_SPAN", 2)  # SK하이닉스 is in 4 seed articles
        app.open_entity("SK하이닉스")
        await settle(pilot)
        assert app.screen.detail.related_over == 2
        assert "in its newest 2 articles" in [t for _, t in options(app.screen.query_one("#related", OptionList))]


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
