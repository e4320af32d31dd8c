"""The app's text helpers: cell widths with Hangul, literal rendering, safe exports, amount filters."""
from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.screens.entity import months_between
from tui.screens.numbers import parse_amount
from tui.widgets import (
    Block,
    around_first,
    blocks,
    export,
    export_stem,
    fit,
    highlighted,
    kwic,
    neutralise,
    render_block,
    tail,
    to_csv,
    to_tsv,
)

korean_text = st.text(alphabet=st.sampled_from(list("삼성전자가엔비디아와 오픈AI는SK하이닉스·…“”[]/\x1b\n\t0123456789")), max_size=80)


@given(korean_text, st.integers(min_value=1, max_value=60))
def test_fit_and_tail_are_exactly_the_width_and_never_split_a_syllable(value, width):
    assert fit(value, width).cell_len == width
    cut = tail(value, width)
    assert cut.cell_len == width
    assert "\x1b" not in cut.plain


@given(korean_text, st.text(alphabet="엔비디아NVIDIA오픈", min_size=1, max_size=8), korean_text, st.integers(24, 200))
def test_kwic_line_fits_and_puts_the_mention_at_a_fixed_column(left, surface, right, width):
    line = kwic(left, surface, right, width, "bold")
    assert line.cell_len <= width
    (span,) = [s for s in line.spans if s.style == "bold"]
    shown = min(cell_len(surface), max(4, width // 2))  # a very long name is cut to half the line
    assert cell_len(line.plain[:span.start]) == max(4, (width - shown) // 2)


def test_kwic_on_a_seed_sentence():
    line = kwic("또한 “", "엔비디아", "와 삼성, SK 등 한국 기업 간 긴밀한 협력은", 40, "bold")
    assert line.plain.startswith(" " * 10 + "또한 “엔비디아와 삼성")  # “ is one cell, Hangul two
    assert line.cell_len == 40


def test_markup_is_text():
    text = highlighted("[bold red]위험[/] 삼성전자 [link=x]y[/link]", [(15, 19)])
    assert text.plain == "[bold red]위험[/] 삼성전자 [link=x]y[/link]"
    assert [(s.start, s.end) for s in text.spans] == [(15, 19)]
    body = "[bold]굵게[/] 삼성전자\x1b[31m"
    rendered = render_block(body, Block(0, len(body), 0), [(13, 17, 1, "company", "삼성전자")], [])
    assert rendered.plain == "[bold]굵게[/] 삼성전자\ufffd[31m"  # the escape byte is made visible, nothing styled by markup
    assert [(s.start, s.end) for s in rendered.spans] == [(13, 17)]


def test_a_narrow_snippet_keeps_its_match_visible():
    snippet = "… 초대형 프로젝트다. 삼성과 SK는 여기에 필요한 월 90만장의 고대역폭메모리(HBM)를 공급하기로 했다."
    start = snippet.index("90만장")
    cut = around_first(highlighted(snippet, [(start, start + 4)]), [(start, start + 4)], 40)
    assert "90만장" in fit(cut, 40).plain
    assert cut.plain[cut.spans[0].start:cut.spans[0].end] == "90만장"


def test_long_paragraphs_become_blocks_cut_at_spaces():
    body = ("삼성전자 " * 700).strip()
    parts = blocks(body, [(0, len(body))], limit=1200)
    assert len(parts) > 2 and parts[0].start == 0 and parts[-1].end == len(body)
    assert all(a.end == b.start for a, b in zip(parts, parts[1:]))
    assert all(body[p.end - 1] == " " for p in parts[:-1])  # never inside a word


@pytest.mark.parametrize("cell", ["=1+1", "+82", "-3", "@SUM(A1)", "\t=x"])
def test_formula_cells_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell
    row = next(csv.reader(io.StringIO(to_csv(["a"], [[cell]]).splitlines()[1])))
    assert row == ["'" + cell]


def test_plain_cells_and_tsv_are_untouched(tmp_path):
    assert neutralise("삼성전자") == "삼성전자" and neutralise(None) == "" and neutralise(3) == "3"
    assert to_tsv(["a", "b"], [["x\ty", "줄\n바꿈"]]) == "a\tb\nx y\t줄 바꿈\n"
    csv_path, json_path = export(export_stem(tmp_path, "entity-오픈AI/../x"), ["name", "n"], [["=오픈AI", 3]])
    assert csv_path.parent == tmp_path and "오픈AI" in csv_path.name
    assert "'=오픈AI" in csv_path.read_text(encoding="utf-8-sig")
    assert json.loads(json_path.read_text(encoding="utf-8")) == [{"name": "=오픈AI", "n": 3}]


@pytest.mark.parametrize("text, value", [("10조", 1e13), ("1조2000억", 1.2e12), ("90만", 9e5), ("3,000", 3000.0),
                                         ("1e9", 1e9), ("30억 달러", 3e9), ("", None)])
def test_numbers_filter_reads_korean_amounts(text, value):
    assert parse_amount(text) == value


def test_numbers_filter_rejects_words():
    with pytest.raises(ValueError):
        parse_amount("삼성")


def test_timeline_months_include_gaps():
    assert months_between("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]


def test_bar_chart_has_axes_labels_and_bars_in_proportion():
    from tui.widgets import bar_chart

    months = ["2024-11", "2024-12", "2025-01", "2025-02"]
    chart = bar_chart(months, {"2024-11": 2, "2025-01": 8}, width=40, rows=4, style="bold").plain.splitlines()
    assert len(chart) == 5 and chart[0].startswith("8┤") and chart[-1].startswith("0└")
    assert "2024-11" in chart[-1] and "2025" in chart[-1] and chart[-1].rstrip().endswith("2025-02")
    span = (len(chart[0]) - 2) // len(months)
    column = lambda i: "".join(line[2 + i * span] for line in chart[:-1])  # noqa: E731 - a month's column, top down
    assert column(2) == "████"  # the peak fills the height
    assert column(0) == "   █"  # a quarter of it: one row of four
    assert column(1).strip() == ""  # a month without mentions stays empty


async def test_the_drill_down_charts_mentions_per_month_on_a_tall_terminal(seeds_db, tmp_path):
    from tui.app import HanscopeApp

    app = HanscopeApp(seeds_db, export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_entity("엔비디아")
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        chart = app.screen.query_one("#timeline").content.plain.splitlines()
        assert chart[0].startswith("mentions per month") and "peak 2025-11" in chart[0]
        assert chart[-1].lstrip().startswith("0└2024-11") and chart[-1].rstrip().endswith("2025-11")
        # before the counts come (after the first paint), a placeholder of the chart's height: the list does not jump
        app.screen.counted = False
        assert app.screen.timeline().plain.split("\n") == ["mentions per month   counting…"] + [""] * (len(chart) - 1)


@given(st.integers(0, 400), st.sets(st.integers(0, 399), max_size=120), st.integers(0, 4))
def test_the_result_list_maps_rows_to_hits_around_folded_ones(total, folded, fixed):
    """Row i of the hits is the i-th hit that is not folded, and back, whatever is folded (a few or most)."""
    from tui.result_list import Fixed, ResultList

    results = ResultList()
    results.fixed = [Fixed(None, None, lambda _w: None)] * fixed
    results.total = total
    results.hidden = sorted(o for o in folded if o < total)
    shown = [o for o in range(total) if o not in folded]
    assert results.item_count == fixed + len(shown)
    assert [results.hit_offset(fixed + v) for v in range(len(shown))] == shown
    assert all(results.item_of_offset(o) == fixed + v for v, o in enumerate(shown))
    assert results.hit_offset(fixed + len(shown)) is None and all(results.hit_offset(i) is None for i in range(fixed))
    results.hit_height = 3
    for item in range(results.item_count):
        assert results.item_at(results.item_top(item)) == item and results.item_at(results.item_top(item + 1) - 1) == item


def test_the_history_walk_goes_back_and_forward_and_typing_ends_it():
    from tui.history import HistoryWalk

    entries, walk = ["웨이퍼", "HBM outlet:뉴스1", "삼성과 오픈AI는"], HistoryWalk()
    assert walk.step(entries, "90만", +1) is None and not walk.walking  # ↓ before any walk: nothing
    assert walk.step(entries, "90만", -1) == "삼성과 오픈AI는"
    assert walk.step(entries, "삼성과 오픈AI는", -1) == "HBM outlet:뉴스1"
    walk.typed(entries, "HBM outlet:뉴스1")  # the box now shows the entry the walk put there: still walking
    assert walk.step(entries, "HBM outlet:뉴스1", -1) == "웨이퍼"
    assert walk.step(entries, "웨이퍼", -1) is None  # the oldest stays
    assert walk.step(entries, "웨이퍼", +1) == "HBM outlet:뉴스1"
    assert walk.step(entries, "", +1) == "삼성과 오픈AI는"
    assert walk.step(entries, "", +1) == "90만" and not walk.walking  # past the newest: what was typed
    walk.step(entries, "90만", -1)
    walk.typed(entries, "삼성과 오픈AI는 9")  # typing ends the walk
    assert not walk.walking


def test_the_entity_preview_counts_as_the_rest_of_the_app_does():
    """276,199 mentions in 66,840 articles, as the entity screen and the result rows say it; 1 mention, not 1 mentions."""
    from store.results import EntityDetail, EntityInfo
    from tui.search_preview import entity_preview

    def head(mentions: int, articles: int) -> str:
        detail = EntityDetail(EntityInfo(511, "고대역폭메모리", "product", [], mentions, articles), [], [], [], [])
        return entity_preview(detail, 60).plain.splitlines()[1]

    assert head(276199, 66840) == "276,199 mentions in 66,840 articles"
    assert head(1, 1) == "1 mention in 1 article"
