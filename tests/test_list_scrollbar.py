"""The virtual lists' scrollbar draws exactly what Textual's would, and only again when it would look different."""
from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Offset, Region
from textual.scrollbar import ScrollBar

from tui.list_scrollbar import ListScrollBar
from tui.virtual_list import VirtualList


class Headlines(VirtualList):
    def __init__(self, count: int) -> None:
        super().__init__(id="list")
        self.count = count

    @property
    def item_count(self) -> int:
        return self.count

    def on_mount(self) -> None:
        self.refresh_items()

    def item_lines(self, item: int, width: int) -> list[Text]:
        return [Text(f"{item + 1}번째 기사: 삼성전자, HBM 90만 장 공급")]


class ListApp(App):
    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        yield Headlines(self.count)


async def mounted(pilot, app: ListApp) -> tuple[Headlines, ListScrollBar]:
    await pilot.pause()
    items = app.query_one(Headlines)
    return items, items.vertical_scrollbar


def drawn(bar: ListScrollBar, crop: Region | None = None) -> list[list]:
    return [list(strip) for strip in bar.render_lines(crop or Region(0, 0, *bar.size))]


def textual_lines(bar: ListScrollBar) -> list[list]:
    """The same bar drawn Textual's way (a rich renderable through the widget's styles cache)."""
    bar._styles_cache.clear()
    return [list(strip) for strip in ScrollBar.render_lines(bar, Region(0, 0, *bar.size))]


@pytest.mark.asyncio
@pytest.mark.parametrize("count", [30, 400, 50_000])
async def test_the_bar_is_textuals_at_every_position(count):
    app = ListApp(count)
    async with app.run_test(size=(50, 12)) as pilot:
        items, bar = await mounted(pilot, app)
        assert isinstance(bar, ListScrollBar) and bar.display
        for item in (0, count // 3, count // 2, count - 1):
            items.move_to(item)
            await pilot.pause()
            mine = drawn(bar)
            assert len(mine) == bar.size.height
            assert mine == textual_lines(bar)
        # a grabbed bar changes colour: drawn again, still Textual's
        bar.grabbed = Offset(0, 0)
        await pilot.pause()
        assert drawn(bar) == textual_lines(bar)


@pytest.mark.asyncio
async def test_the_bar_is_kept_while_it_looks_the_same():
    app = ListApp(400)
    async with app.run_test(size=(50, 12)) as pilot:
        items, bar = await mounted(pilot, app)
        whole = Region(0, 0, *bar.size)
        first = bar.render_lines(whole)
        assert bar.render_lines(whole)[0] is first[0]  # nothing changed: the same strips
        items.move_to(200)
        await pilot.pause()
        moved = bar.render_lines(whole)
        assert [list(s) for s in moved] != [list(s) for s in first]  # the thumb went down
        items.count = 50_000  # a longer answer: a smaller thumb
        items.refresh_items()
        await pilot.pause()
        assert drawn(bar) != [list(s) for s in moved]
        assert drawn(bar) == textual_lines(bar)
        assert drawn(bar, Region(0, 2, bar.size.width, 3)) == textual_lines(bar)[2:5]  # a crop: the same lines


@pytest.mark.asyncio
async def test_a_list_that_comes_to_fit_or_overflow_lays_nothing_out_again():
    app = ListApp(5)
    async with app.run_test(size=(50, 12)) as pilot:
        items, bar = await mounted(pilot, app)
        layouts = []
        screen = app.screen
        original = screen._refresh_layout
        screen._refresh_layout = lambda *a, **k: (layouts.append(1), original(*a, **k))[1]
        fits = bar.render_lines(Region(0, 0, *bar.size))
        assert bar.display and {s.text for s in fits} == {" " * bar.size.width}  # a blank gutter while 5 fit
        assert not any(segment.style and segment.style.meta for strip in fits for segment in strip)
        for count in (400, 5, 50_000, 0):
            items.count = count
            items.refresh_items()
            await pilot.pause()
        assert layouts == []
        items.count = 400
        items.refresh_items()
        await pilot.pause()
        assert drawn(bar) == textual_lines(bar)
