"""SVG snapshots of the main screens on the seed index (pytest-textual-snapshot).

Update after an intended visual change with: pytest tests/test_tui_snapshots.py --snapshot-update
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import HanscopeApp


def seed_ids(db: Path) -> dict[str, int]:
    from store.api import Index

    index = Index.open(db)
    try:
        return {Path(a.source).name[:3]: a.id for a in index.articles()}
    finally:
        index.close()


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
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


def test_search_screen(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(160, 45), run_before=typing(*"엔비디아"))


def test_entity_screen(snap_compare, make_app):
    assert snap_compare(make_app(entity="오픈AI"), terminal_size=(120, 36), run_before=settle)


def test_article_screen_small_terminal(snap_compare, make_app, seeds_db):
    app = make_app(article=seed_ids(seeds_db)["002"])
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_compare_screen(snap_compare, make_app, seeds_db):
    ids = seed_ids(seeds_db)
    assert snap_compare(make_app(compare=(ids["000"], ids["002"])), terminal_size=(160, 45), run_before=settle)


def test_help_screen(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(100, 40), run_before=typing("f1"))
