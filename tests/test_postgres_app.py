"""The app on a PostgreSQL index: the same Pilot steps as on SQLite find the same things (each thread of the app
holds its own server connection, as it holds its own SQLite one)."""
from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.conftest import HANSCOPE, ROOT, SEEDS
from tui.app import HanscopeApp
from tui.screens.entity import EntityScreen
from tui.screens.search import SearchScreen
from tui.widgets import MentionList


@pytest.fixture(scope="module")
def pg_index(pg_server) -> str:
    uri = pg_server()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([*HANSCOPE, "index", str(SEEDS), "--db", uri, "--json"], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 0 and json.loads(proc.stdout)["articles_total"] == 5, proc.stderr
    return uri


async def _settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_typing_a_korean_query_and_opening_an_entity_work_on_postgres(pg_index, seeds_index, tmp_path):
    app = HanscopeApp(pg_index, export_dir=tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await _settle(pilot)
        await pilot.press(*"90만 장")
        await _settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        result = app.screen.result
        expected = seeds_index.search("90만 장")
        assert result.query == "90만 장" and result.total_articles == expected.total_articles > 0
        assert sorted(a.source for a in result.articles) == sorted(a.source for a in expected.articles)
        app.open_entity("엔비디아")
        await _settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        assert app.screen.detail.entity.name == "엔비디아"
        info, every = seeds_index.find_entity("엔비디아"), seeds_index.entity_mentions("엔비디아")
        mentions = app.screen.query_one("#mentions", MentionList)
        assert mentions.row_count == info.mentions + info.articles and len(every) > 0  # laid out from the totals
        shown = [mentions.mention(i) for i, _ in mentions.lines() if i is not None]
        assert [(m.part, m.start, m.surface) for m in shown] == [(m.part, m.start, m.surface) for m in every]
        await pilot.press("F")  # by month, the busiest first: enter puts the list on its newest article
        await _settle(pilot)
        await pilot.press("enter")
        await _settle(pilot)
        busiest = max(seeds_index.entity("엔비디아").timeline, key=lambda t: t[1])[0]
        assert isinstance(app.screen, EntityScreen) and app.screen.current_mention().date.startswith(busiest)
        await pilot.press("escape")
        await _settle(pilot)
        assert isinstance(app.screen, SearchScreen)


def test_a_cancelled_worker_stops_its_query_on_the_server(pg_index):
    """A newer keystroke cancels the older search's worker: on PostgreSQL the server is told to stop the statement
    (as SQLite's progress handler stops it), so a slow query does not run on for nothing."""
    import threading
    import time

    from store.connections import Connections

    class Worker:
        is_cancelled = False

    worker = Worker()
    connections = Connections(pg_index)
    threading.Timer(0.3, lambda: setattr(worker, "is_cancelled", True)).start()
    started = time.monotonic()
    with pytest.raises(Exception) as raised:
        connections.run(lambda index: index._rows("SELECT pg_sleep(20)"), worker)
    assert time.monotonic() - started < 5 and "cancel" in str(raised.value).lower(), raised.value
    assert connections.run(lambda index: index.article_count()) == 5  # the connection is usable after it
    connections.close()
