"""`hanscope search` on its fast path (tui.quick): same answers and messages as the click CLI, without click or rich."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from tui.quick import SEARCH_LIMIT, SearchArgs, Style, parse_search

CLICK_CLI = [sys.executable, "-c", "import sys; from tui.cli import main; sys.argv[0] = 'hanscope'; main()"]
FAST_CLI = [sys.executable, "-m", "tui"]


def run(cmd: list[str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=60, cwd=ROOT)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["search", "삼성과"], SearchArgs("삼성과")),
        (["search", "오픈AI는", "--json"], SearchArgs("오픈AI는", as_json=True)),
        (["search", "--db", "x.db", "90만장", "--limit", "3"], SearchArgs("90만장", "x.db", 3)),
        (["search", "--db=x.db", "--limit=7", "ㅅㅅㅈㅈ"], SearchArgs("ㅅㅅㅈㅈ", "x.db", 7)),
        (["search", "하이닉스"], SearchArgs("하이닉스", None, SEARCH_LIMIT, False)),
    ],
)
def test_plain_searches_take_the_fast_path(argv, expected):
    assert parse_search(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        [], ["index", "seeds"], ["entity", "삼성"], ["search"], ["search", "-h"], ["search", "삼성", "--help"],
        ["search", "삼성", "--limit", "0"], ["search", "삼성", "--limit", "١٢"], ["search", "삼성", "--limit"],
        ["search", "삼성", "--limit", "-5"], ["search", "삼성", "--db"], ["search", "삼성", "전자"],
        ["search", "--", "-5%"], ["search", "삼성", "--jsn"],
    ],
)
def test_everything_else_goes_to_click(argv):
    assert parse_search(argv) is None


@pytest.mark.parametrize("args", [["삼성과"], ["오픈AI는", "--json"], ["90만장", "--limit", "2"], ["ㅇㅂㄷㅇ"],
                                  ["없는말쿼리xyzzy"]])
def test_fast_and_click_paths_print_the_same(seeds_db, args):
    fast = run(FAST_CLI, "search", *args, "--db", str(seeds_db))
    slow = run(CLICK_CLI, "search", *args, "--db", str(seeds_db))
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr)
    assert fast.returncode in (0, 1) and "Traceback" not in fast.stderr
    if fast.returncode == 0:
        assert fast.stdout.strip()


def test_fast_path_imports_neither_click_nor_rich_nor_textual(seeds_db):
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "tui", "search", "삼성전자", "--db", str(seeds_db)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0 and "삼성전자" in proc.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "store.api" in imported
    assert not {"click", "rich", "textual", "rapidfuzz", "kiwipiepy"} & imported


def test_search_output_is_plain_in_a_pipe_and_styled_on_a_terminal():
    plain, styled = Style(False), Style(True)
    text = "SK하이닉스와 삼성전자"
    assert plain.marked(text, [(0, 6)]) == text
    assert styled.marked(text, [(0, 6), (8, 12)]) == "\x1b[7mSK하이닉스\x1b[0m와 \x1b[7m삼성전자\x1b[0m"
    assert styled.bold("") == ""


def test_escape_bytes_in_titles_print_inert():
    hostile = "삼성\x1b]0;pwned\x07전자\x1b[31m"
    for style in (Style(False), Style(True)):
        assert "\x1b]" not in style.bold(hostile) and "\x1b[31m" not in style.bold(hostile)
        assert "삼성" in style.bold(hostile) and "전자" in style.bold(hostile)


def test_a_closed_pipe_is_not_an_error(seeds_db):
    proc = subprocess.run(f"{sys.executable} -m tui search 삼성 --limit 200 --db {seeds_db} | head -c 10",
                          shell=True, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.stderr == "" and proc.stdout


def test_search_text_says_one_mention_in_one_article(seeds_db):
    """The fast path's entity lines agree in number, as the app's rows do (was "1 mentions in 1 articles")."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "tui", "search", "TSMC", "--db", str(seeds_db), "--limit", "1"],
                         capture_output=True, text=True, check=True).stdout
    assert "1 mention in 1 article " in out and "1 mentions" not in out
