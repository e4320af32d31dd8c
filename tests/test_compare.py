"""Index.compare: shared figures are paired one to one (issue 11)."""
from __future__ import annotations

from pathlib import Path

import pytest

from store.api import Index
from store.db import connect
from store.indexer import index_paths


@pytest.fixture
def pair(tmp_path) -> tuple[Index, int, int]:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "삼성전자는 HBM 점유율을 25%로 끌어올렸다. 투자액은 3조원이다.\n\n월 90만장 규모다.", encoding="utf-8")
    (folder / "b.txt").write_text(
        "SK하이닉스의 영업이익률은 25%였다. 매출은 25% 늘었고 투자액은 3조 원, 또 3조원이다.\n\n"
        "삼성전자와 90만 장, 월 90만장을 두고 겨룬다.", encoding="utf-8")
    conn = connect(tmp_path / "t.db", create=True)
    index_paths(conn, [folder], workers=0)
    conn.close()
    index = Index.open(tmp_path / "t.db")
    ids = {Path(a.source).name: a.id for a in index.articles()}
    yield index, ids["a.txt"], ids["b.txt"]
    index.close()


def test_one_figure_is_paired_with_one_equal_figure(pair):
    """One 25% on the left against two on the right made two pairs (the left figure twice)."""
    index, left, right = pair
    shared = index.compare(left, right).shared_numbers
    assert sorted((n.unit, n.value) for n in shared) == [("%", 25.0), ("KRW", 3e12), ("count", 9e5)]
    assert len({n.left_start for n in shared}) == len({n.right_start for n in shared}) == 3
    # the right side's first 25%, and the figure written like the left one (월 90만장, not 90만 장)
    right_body = index.article(right).body
    by_unit = {n.unit: n for n in shared}
    assert right_body.index("25%") == by_unit["%"].right_start
    assert by_unit["count"].right_raw == by_unit["count"].left_raw


def test_swapping_sides_pairs_the_same_number_of_figures(pair):
    index, left, right = pair
    assert len(index.compare(right, left).shared_numbers) == len(index.compare(left, right).shared_numbers) == 3
