"""SVG snapshots of the main screens on the seed index (pytest-textual-snapshot).

Update after an intended visual change with: pytest tests/test_tui_snapshots.py --snapshot-update
"""
from __future__ import annotations

import pytest

from hanscope_seeds import ids as seed_ids_in
from tui.app import HanscopeApp


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def make_app(seeds_db, tmp_path):
    return lambda **deep_link: HanscopeApp(seeds_db, export_dir=tmp_path, **deep_link)


def typing(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        # the cursor blinks every 0.5 s and settling waits for the facets (FACETS_AFTER): keep it shown
        pilot.app.screen.query_one("#query").cursor_blink = False
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


def test_search_screen(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(160, 45), run_before=typing(*"엔비디아"))


def test_entity_screen(snap_compare, make_app):
    assert snap_compare(make_app(entity="오픈AI"), terminal_size=(120, 36), run_before=settle)


def test_article_screen_small_terminal(snap_compare, make_app, seeds_db):
    app = make_app(article=seed_ids_in(seeds_db)["002"])
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_compare_screen(snap_compare, make_app, seeds_db):
    ids = seed_ids_in(seeds_db)
    assert snap_compare(make_app(compare=(ids["000"], ids["002"])), terminal_size=(160, 45), run_before=settle)


def test_help_screen(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(100, 40), run_before=typing("f1"))
