"""The CLI contract on the seeds: JSON shapes on stdout with --json, exit codes (0 found, 1 nothing to act on
with one line on stderr, 2 bad usage or unusable database), and readable tables otherwise.

Every call is a real `python -m tui` subprocess against the session's seed index (read-only by convention).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import HANSCOPE, ROOT, SEEDS, index_of_dated
from test_faults import assert_one_line_error, run_cli

ARTICLE_KEYS = {"id", "title", "subtitle", "outlet", "reporters", "date", "date_text", "source", "chars"}
SUMMARY_KEYS = {"db", "files_seen", "files_indexed", "files_unchanged", "files_failed", "files_pruned", "articles_added",
                "articles_removed", "articles_total", "entities_total", "mentions_total", "numbers_total", "seconds",
                "failed", "warnings", "saved_searches"}
ENTITY_KEYS = {"id", "name", "type", "aliases", "mentions", "articles"}
NUMBER_KEYS = {"article_id", "source", "raw", "value", "value_max", "unit", "counter", "qualifier", "period", "context"}


def cli_json(*args: str, db, code: int = 0):
    proc = run_cli(*args, "--json", "--db", str(db))
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def bodies(seeds_db) -> dict[int, str]:
    return {a["id"]: cli_json("show", str(a["id"]), db=seeds_db)["body"] for a in cli_json("articles", db=seeds_db)}


# --- index --------------------------------------------------------------------------------------------


def test_index_summary_shape_rerun_and_prune(tmp_path):
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    db = tmp_path / "x.db"
    first = cli_json("index", str(corpus), "--no-analyzer", "--workers", "0", db=db)
    assert set(first) == SUMMARY_KEYS
    assert (first["files_seen"], first["files_indexed"], first["files_failed"], first["articles_total"]) == (5, 5, 0, 5)
    assert first["failed"] == [] and first["db"] == str(db)

    again = cli_json("index", str(corpus), "--no-analyzer", "--workers", "0", db=db)
    assert (again["files_unchanged"], again["files_indexed"], again["articles_added"], again["articles_total"]) == (5, 0, 0, 5)

    next(corpus.glob("002_*.txt")).unlink()
    pruned = cli_json("index", str(corpus), "--prune", "--no-analyzer", "--workers", "0", db=db)
    assert (pruned["files_pruned"], pruned["articles_removed"], pruned["articles_total"]) == (1, 1, 4)

    text = run_cli("index", str(corpus), "--no-analyzer", "--workers", "0", "--db", str(db))
    assert text.returncode == 0 and text.stdout == ""  # the summary is for people: stderr
    assert "4 files" in text.stderr and "4 unchanged" in text.stderr


def test_index_usage_errors():
    assert run_cli("index").returncode == 2  # no PATH
    proc = run_cli("index", str(SEEDS), "--workers", "-1")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


# --- articles and show ----------------------------------------------------------------------------------


def test_articles(seeds_db):
    rows = cli_json("articles", db=seeds_db)
    assert len(rows) == 5 and all(set(r) == ARTICLE_KEYS for r in rows)
    assert sorted(r["source"].rsplit("/", 1)[1] for r in rows) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len({r["id"] for r in rows}) == 5
    assert all(isinstance(r["reporters"], list) and r["chars"] > 500 for r in rows)
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated, reverse=True)  # newest first
    assert [r["id"] for r in cli_json("articles", "--limit", "2", db=seeds_db)] == [r["id"] for r in rows[:2]]

    table = run_cli("articles", "--db", str(seeds_db))
    assert table.returncode == 0 and all(str(r["chars"]) in table.stdout for r in rows)


def test_show(seeds_db, bodies):
    for article_id, body in bodies.items():
        detail = cli_json("show", str(article_id), db=seeds_db)
        assert set(detail) == ARTICLE_KEYS | {"url", "body", "paragraphs", "title_from", "captions"}
        assert detail["title"] and detail["title_from"] in ("headline", "meta", "deck", "lede")  # never untitled
        assert all(isinstance(c, str) and c not in {p["text"] for p in detail["paragraphs"]} for c in detail["captions"])
        assert detail["chars"] == len(body)
        assert detail["paragraphs"] and all(set(p) == {"start", "end", "text"} for p in detail["paragraphs"])
        assert all(body[p["start"]:p["end"]] == p["text"] for p in detail["paragraphs"])
        assert "\n\n".join(p["text"] for p in detail["paragraphs"]) == body
    article_id, body = next(iter(bodies.items()))
    table = run_cli("show", str(article_id), "--db", str(seeds_db))
    squeeze = lambda text: "".join(text.split())  # noqa: E731 - the table wraps lines at the terminal width
    assert table.returncode == 0 and squeeze(body) in squeeze(table.stdout)


def test_show_unknown_and_bad_ids(seeds_db):
    proc = run_cli("show", "999", "--json", "--db", str(seeds_db))
    assert_one_line_error(proc, "no article with id 999", code=1)
    assert proc.stdout == ""
    assert run_cli("show", "abc", "--db", str(seeds_db)).returncode == 2


# --- search ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query, word", [("삼성", "삼성"), ("경주", "경주"), ("하이닉스", "하이닉스"), ("웨이퍼", "웨이퍼"),
                                         ("오픈AI는", "오픈AI"), ("SK하이닉스", "하이닉스")])
def test_search_finds_every_seed_article_that_contains_the_word(seeds_db, bodies, query, word):
    result = cli_json("search", query, db=seeds_db)
    assert set(result) >= {"query", "articles", "entities", "numbers", "total_articles"}
    assert result["query"] == query
    expected = {i for i, body in bodies.items() if word.casefold() in body.casefold()}
    found = {a["id"] for a in result["articles"]}
    assert expected <= found, (expected - found)
    assert result["total_articles"] == len(result["articles"])
    for hit in result["articles"]:
        assert set(hit) >= {"id", "title", "source", "score", "snippet"}
        assert isinstance(hit["score"], float) and hit["snippet"]
    scores = [a["score"] for a in result["articles"]]
    assert scores == sorted(scores, reverse=True)


def test_search_limit_and_nothing_found(seeds_db):
    limited = cli_json("search", "AI", "--limit", "1", db=seeds_db)
    assert len(limited["articles"]) == 1 and limited["total_articles"] >= 4

    nothing = run_cli("search", "쿼리없음xyzzy", "--json", "--db", str(seeds_db))
    assert_one_line_error(nothing, "nothing matches", code=1)
    empty = json.loads(nothing.stdout)  # scripts still get the object, with empty groups
    assert empty["articles"] == [] and empty["total_articles"] == 0
    assert run_cli("search", "--db", str(seeds_db)).returncode == 2  # no QUERY
    assert run_cli("search", "x", "--limit", "0", "--db", str(seeds_db)).returncode == 2


def test_search_for_an_amount_finds_the_number(seeds_db):
    result = cli_json("search", "90만장", db=seeds_db)
    assert {n["raw"] for n in result["numbers"]} >= {"월 90만장"}
    assert all(n["value"] == 900000 and n["unit"] == "count" for n in result["numbers"])


# --- entities -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("spelling", ["엔비디아", "엔비디야", "ㅇㅂㄷㅇ", "NVIDIA"])
def test_entity_by_any_spelling(seeds_db, bodies, spelling):
    result = cli_json("entity", spelling, db=seeds_db)
    assert set(result) == {"entity", "offset", "mentions", "articles", "related", "related_over", "timeline"}
    entity = result["entity"]
    assert result["related_over"] == entity["articles"] == len(result["articles"])  # few articles: counted exactly
    assert set(entity) == ENTITY_KEYS and entity["name"] == "엔비디아" and entity["type"] == "company"
    assert entity["mentions"] == len(result["mentions"]) > 0
    for m in result["mentions"]:
        assert set(m) == {"article_id", "source", "part", "paragraph", "start", "end", "surface", "context"}
        assert m["part"] != "body" or bodies[m["article_id"]][m["start"]:m["end"]] == m["surface"]
        assert m["surface"] in m["context"]
    assert sum(a["count"] for a in result["articles"]) == entity["mentions"]
    assert all(isinstance(month, str) and count > 0 for month, count in result["timeline"])


def test_entity_limit_unknown_and_hint(seeds_db):
    assert len(cli_json("entity", "오픈AI", "--limit", "2", db=seeds_db)["mentions"]) == 2
    proc = run_cli("entity", "존재하지않는회사이름", "--json", "--db", str(seeds_db))
    assert_one_line_error(proc, "no entity matches", code=1)
    assert proc.stdout == ""


def test_entities(seeds_db):
    rows = cli_json("entities", db=seeds_db)
    assert rows and all(set(r) == ENTITY_KEYS for r in rows)
    names = {r["name"] for r in rows}
    assert {"삼성전자", "SK하이닉스", "오픈AI", "엔비디아"} <= names
    companies = cli_json("entities", "--type", "company", db=seeds_db)
    assert companies and all(r["type"] == "company" for r in companies)
    assert run_cli("entities", "--type", "planet", "--db", str(seeds_db)).returncode == 2
    # a page of the list, the most mentioned first, as `articles` and `stories` page theirs
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)
    assert cli_json("entities", "--limit", "2", "--offset", "1", db=seeds_db) == rows[1:3]
    assert cli_json("entities", "--type", "company", "--limit", "3", db=seeds_db) == companies[:3]
    table = run_cli("entities", "--limit", "1", "--db", str(seeds_db))
    assert table.returncode == 0 and rows[0]["name"] in table.stdout and rows[1]["name"] not in table.stdout
    from test_faults import assert_one_line_error
    assert_one_line_error(run_cli("entities", "--offset", str(len(rows)), "--db", str(seeds_db)),
                          "no entities past this offset", code=1)
    assert run_cli("entities", "--limit", "0", "--db", str(seeds_db)).returncode == 2


# --- numbers --------------------------------------------------------------------------------------------


def test_numbers_filters(seeds_db, bodies):
    rows = cli_json("numbers", db=seeds_db)
    assert rows and all(set(r) == NUMBER_KEYS for r in rows)
    assert all(r["raw"] in bodies[r["article_id"]] for r in rows)
    krw = cli_json("numbers", "--unit", "KRW", "--min", "1조", db=seeds_db)
    assert krw and all(r["unit"] == "KRW" and r["value"] >= 1e12 for r in krw)
    assert {"20조원"} <= {r["raw"] for r in krw}
    near = cli_json("numbers", "--near", "90만", db=seeds_db)
    assert {r["article_id"] for r in near if "90만장" in r["raw"]} and all(810_000 <= r["value"] <= 990_000 for r in near)
    assert len(cli_json("numbers", "--limit", "3", db=seeds_db)) == 3


@pytest.mark.parametrize("per_read", [1, 7])
def test_numbers_read_a_few_at_a_time_are_the_whole_table(seeds_index, monkeypatch, per_read):
    """`hanscope numbers` without --limit writes the table as it is read (as one list, 100k's 3.2M numbers took
    17 GB): read `per_read` numbers and their articles at a time, every order and filter gives the same rows."""
    import store.number_table

    asks = [dict(order=order, **kw) for order in ("value", "unit", "article", "raw")
            for kw in ({}, {"unit": "KRW"}, {"near": 900_000.0}, {"entity": "삼성전자"}, {"limit": 5})]
    wanted = [[(n.id, n.context, n.title, n.raw) for n in seeds_index.numbers(**ask)] for ask in asks]
    assert all(wanted) and any("90만" in raw for *_, raw in wanted[0])
    monkeypatch.setattr(store.number_table, "NUMBER_BATCH", per_read)
    for ask, rows in zip(asks, wanted):
        assert [(n.id, n.context, n.title, n.raw) for n in seeds_index.number_stream(**ask)] == rows, ask


def test_numbers_nothing_and_bad_values(seeds_db):
    proc = run_cli("numbers", "--unit", "XYZ", "--json", "--db", str(seeds_db))
    assert_one_line_error(proc, "no numbers match", code=1)
    assert json.loads(proc.stdout) == []
    bad = run_cli("numbers", "--min", "많이", "--db", str(seeds_db))
    assert bad.returncode == 2 and "is not a number" in bad.stderr and "Traceback" not in bad.stderr


# --- compare --------------------------------------------------------------------------------------------


def test_compare_surfaces_the_same_figure_used_differently(seeds_db):
    articles = {n["article_id"] for n in cli_json("search", "90만장", db=seeds_db)["numbers"]}
    assert len(articles) == 2, articles
    left, right = sorted(articles)
    result = cli_json("compare", str(left), str(right), db=seeds_db)
    assert set(result) == {"left", "right", "shared_entities", "only_left", "only_right", "shared_numbers",
                           "similar_paragraphs"}
    assert set(result["left"]) == ARTICLE_KEYS and result["left"]["id"] == left and result["right"]["id"] == right
    for key in ("shared_entities", "only_left", "only_right"):
        assert all(set(e) == {"id", "name", "type"} for e in result[key])
    shared = {e["id"] for e in result["shared_entities"]}
    assert not shared & {e["id"] for e in result["only_left"]} and not shared & {e["id"] for e in result["only_right"]}
    figures = [n for n in result["shared_numbers"] if n["value"] == 900000]
    assert figures and figures[0]["left_context"] != figures[0]["right_context"]

    table = run_cli("compare", str(left), str(right), "--db", str(seeds_db))
    assert table.returncode == 0 and "90만장" in table.stdout


def test_compare_unknown_article(seeds_db):
    for args in (("1", "999"), ("999", "1")):
        proc = run_cli("compare", *args, "--json", "--db", str(seeds_db))
        assert_one_line_error(proc, "no article with id 999", code=1)


# --- every command, as a table ----------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["articles"], ["show", "1"], ["search", "하이닉스"], ["entity", "오픈AI"],
                                  ["entities"], ["numbers"], ["compare", "1", "2"]])
def test_tables_print_on_stdout_without_errors(seeds_db, args):
    proc = run_cli(*args, "--db", str(seeds_db))
    assert proc.returncode == 0 and proc.stdout.strip() and proc.stderr == "", proc.stderr


def test_version_help_and_unknown_command():
    assert run_cli("--version").returncode == 0
    assert "index" in run_cli("--help").stdout
    unknown = run_cli("frobnicate")
    assert unknown.returncode == 2 and "No such command" in unknown.stderr


def test_json_is_one_document_on_stdout(seeds_db):
    proc = subprocess.run([*HANSCOPE, "search", "삼성", "--json", "--db", str(seeds_db)],
                          capture_output=True, timeout=60)
    json.loads(proc.stdout.decode("utf-8"))  # UTF-8, not \\u escapes; nothing else mixed in
    assert "삼성".encode() in proc.stdout


# --- nothing lost: whole records in a pipe, folded cells on a terminal ------------------------------------


def run_on_terminal(*args: str, columns: int = 80) -> str:
    """The CLI's stdout when it is an 80-column terminal (a pty), escape sequences removed."""
    import fcntl
    import os
    import pty
    import re
    import struct
    import termios

    from conftest import ROOT

    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {**os.environ, "COLUMNS": str(columns), "TERM": "xterm"}
    proc = subprocess.Popen([*HANSCOPE, *args], stdout=child, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(main)
    return re.sub(r"\x1b\[[0-9;]*m", "", b"".join(chunks).decode("utf-8")).replace("\r", "")


def test_articles_in_a_pipe_are_whole_tab_separated_records(seeds_db):
    rows = cli_json("articles", db=seeds_db)
    lines = run_cli("articles", "--db", str(seeds_db)).stdout.splitlines()
    assert lines[0].split("\t") == ["id", "date", "outlet", "title", "chars"]
    assert len(lines) == 1 + len(rows) and all(line.count("\t") == 4 for line in lines)
    titles = {line.split("\t")[0]: line.split("\t")[3] for line in lines[1:]}
    for r in rows:
        assert titles[str(r["id"])] == (r["title"] or r["source"].rsplit("/", 1)[1])
    assert any("韓 AI 생태계 큰 발전 기대" in t for t in titles.values())  # 계 was dropped where the table wrapped
    dates = [line.split("\t")[1] for line in lines[1:] if line.split("\t")[1]]
    assert dates and all(len(d) == 10 for d in dates)  # one format in the column (no 2024-11-04T17:28 among them)


def test_entity_in_a_pipe_is_one_mention_per_line(seeds_db):
    mentions = cli_json("entity", "엔비디야", db=seeds_db)["mentions"]
    lines = run_cli("entity", "엔비디야", "--db", str(seeds_db)).stdout.splitlines()
    records = [line.split("\t") for line in lines if not line.startswith("#")]
    assert records[0] == ["article", "date", "left", "mention", "right"]
    assert len(records) == 1 + len(mentions) and all(len(r) == 5 for r in records)
    assert any("글로벌" in r[2] + r[4] for r in records[1:])  # 벌 was lost from 글로벌 in the wrapped table
    assert lines[0].startswith("# 엔비디아")


def test_compare_in_a_pipe_keeps_the_path_and_sentences_whole(seeds_db):
    info = {a["id"]: a for a in cli_json("articles", db=seeds_db)}
    # (every seed has a title now: a text without a headline is titled by its deck or lede, never its file name)
    longest = max(info, key=lambda i: len(info[i]["title"] or info[i]["source"]))
    other = next(i for i in info if i != longest)
    lines = run_cli("compare", str(longest), str(other), "--db", str(seeds_db)).stdout.splitlines()
    assert lines[0].split("\t") == ["left", str(longest), info[longest]["title"] or info[longest]["source"]]
    assert all(line.split("\t")[0] in {"left", "right", "shared", "only left", "only right", "same figure"}
               for line in lines)


def test_tables_on_a_terminal_wrap_without_dropping_a_character(seeds_db):
    screen = run_on_terminal("articles", "--db", str(seeds_db))
    assert screen.count("생태계") == 2 and "id" in screen.splitlines()[0]  # "韓 AI 생태 …" lost 계 in one title
    assert max(len(line) for line in screen.splitlines()) <= 80
    entity = run_on_terminal("entity", "엔비디야", "--db", str(seeds_db))
    assert "”고" in entity and "엔비디아" in entity  # "기대한다” … 강조했다" lost 고


@pytest.mark.parametrize("args, needle", [(["articles", "--limit", "x"], "--limit"), (["frobnicate"], "No such command"),
                                          (["index"], "Missing argument"), (["numbers", "--min", "많이"], "--min")])
def test_usage_errors_take_one_line(args, needle):
    assert_one_line_error(run_cli(*args), needle, code=2)


@pytest.mark.parametrize("args", [["tui"], []])
def test_the_app_without_a_terminal_says_so_and_exits_2(seeds_db, tmp_path, args):
    """`hanscope tui </dev/null | cat` spun at 80% of a core for 47 minutes; bare `hanscope` did the same."""
    proc = run_cli(*args, *(["--db", str(seeds_db)] if args else []), stdin=subprocess.DEVNULL, timeout=20,
                   env={**__import__("os").environ, "HANSCOPE_DB": str(tmp_path / "none.db")})
    assert_one_line_error(proc, "needs a terminal", code=2)
    assert not (tmp_path / "none.db").exists()  # no first-run indexing either


def test_counts_take_the_singular_for_one(seeds_db, tmp_path):
    single = next(e for e in cli_json("entities", db=seeds_db) if e["mentions"] == 1 and e["articles"] == 1)
    lines = run_cli("entity", single["name"], "--db", str(seeds_db)).stdout.splitlines()
    assert "# 1 mention in 1 article" in lines  # was "1 mentions in 1 articles"
    one = tmp_path / "one"
    one.mkdir()
    (one / "a.txt").write_text("삼성전자가 90만장을 공급한다고 밝혔다.\n\n삼성전자는 반도체 회사다.", encoding="utf-8")
    summary = run_cli("index", str(one), "--workers", "0", "--db", str(tmp_path / "one.db")).stderr
    assert summary.startswith("1 file: ") and " · 1 article, " in summary


def test_hanscope_path_opens_that_index(seeds_db, tmp_path):
    """`hanscope my.db` as `harlequin my.db`: the file is the index to open."""
    opened = run_cli(str(seeds_db), stdin=subprocess.DEVNULL)
    assert_one_line_error(opened, "needs a terminal", code=2)  # it reached the app, with that index
    notes = tmp_path / "메모.txt"
    notes.write_text("그냥 메모", encoding="utf-8")
    assert_one_line_error(run_cli(str(notes), stdin=subprocess.DEVNULL), "not a usable hanscope database", code=2)
    assert_one_line_error(run_cli(str(tmp_path)), "is a folder: index it first", code=2)
    assert_one_line_error(run_cli(str(tmp_path / "없음.db")), "No such command", code=2)


def test_the_quick_path_knows_every_command_of_the_click_cli():
    """`hanscope search` with a file named `search` beside it is the command, not that file opened in the app."""
    from tui.cli import cli
    from tui.quick import COMMANDS

    assert COMMANDS == set(cli.commands)


def test_the_app_on_an_index_that_exists_starts_without_click(seeds_db, tmp_path, monkeypatch):
    """Importing the click CLI and its commands was ~30 ms of a ~0.3 s first paint: bare `hanscope`, `hanscope FILE`
    and `hanscope tui --db FILE` skip it; a first run, a server, a folder, other options still go through it."""
    from tui.quick import AppArgs, parse_app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "검색.db").write_bytes(seeds_db.read_bytes())
    (tmp_path / "search").write_text("a file named as a command")
    (tmp_path / "폴더").mkdir()
    monkeypatch.setenv("HANSCOPE_DB", str(seeds_db))
    assert parse_app([]) == parse_app(["tui"]) == AppArgs(None)  # the default index: open_checked may rebuild it
    assert parse_app(["검색.db"]) == parse_app(["tui", "--db", "검색.db"]) == parse_app(["tui", "--db=검색.db"]) \
        == AppArgs(Path("검색.db"))
    for argv in (["search"], ["폴더"], ["없음.db"], ["tui", "--db", "없음.db"], ["tui", "--entity", "삼성전자"],
                 ["tui", "--db", "검색.db", "--article", "1"], ["tui", "--db"], ["--help"], ["tui", "--db="],
                 ["tui", "--db", "postgresql://u:p@localhost/news"]):
        assert parse_app(argv) is None, argv
    monkeypatch.setenv("HANSCOPE_DB", str(tmp_path / "처음.db"))
    assert parse_app([]) is None  # a first run: click's path builds the seeds' index and says so
    # the whole process, up to the app's terminal check: click never imported
    probe = ("import atexit, sys; atexit.register(lambda: print('click' in sys.modules)); "
             f"sys.argv = ['hanscope', {str(seeds_db)!r}]; from tui.quick import main; main()")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=30,
                          stdin=subprocess.DEVNULL, cwd=Path(__file__).parent.parent)
    assert proc.returncode == 2 and "needs a terminal" in proc.stderr and proc.stdout.strip() == "False", proc


def test_the_apps_index_is_opened_once_and_kept_open_for_the_app(seeds_db_copy, monkeypatch):
    """Opening and closing the index to check it, then again in the app, removed and remade its -wal and -shm files
    (the last connection to close checkpoints them away): 20-60 ms of the first paint at 100k."""
    from tui.launch import open_checked

    for stream in (sys.stdin, sys.stdout):
        monkeypatch.setattr(stream, "isatty", lambda: True)
    path, checked = open_checked(seeds_db_copy)
    try:
        assert path == seeds_db_copy
        assert Path(f"{path}-shm").exists()  # what the app's connections find in place
        assert checked.search("삼성과", limit=1).articles  # a working index, particles and all
    finally:
        checked.close()
    assert not Path(f"{path}-shm").exists()


def test_a_first_run_whose_build_fails_leaves_no_empty_index(tmp_path, monkeypatch):
    """A seeds' build that stopped (an install without one of the store's packages did) left an index with no
    article, and every later bare `hanscope` opened it as "0 articles" instead of building the seeds."""
    import tui.commands.indexing
    from tui.launch import open_checked

    for stream in (sys.stdin, sys.stdout):
        monkeypatch.setattr(stream, "isatty", lambda: True)
    default = tmp_path / "data" / "index.db"
    monkeypatch.setenv("HANSCOPE_DB", str(default))
    real_build = tui.commands.indexing.build_index

    def failing_build(path, folders):
        from store.db import connect

        connect(path, create=True).close()  # the file is made before the build fails, as it was
        raise ModuleNotFoundError("No module named 'store.linking'")

    monkeypatch.setattr(tui.commands.indexing, "build_index", failing_build)
    with pytest.raises(ModuleNotFoundError):
        open_checked(None)
    assert not default.exists() and not Path(f"{default}-wal").exists()
    monkeypatch.setattr(tui.commands.indexing, "build_index", real_build)
    path, checked = open_checked(None)  # the next start builds the seeds
    try:
        assert path == default and checked.search("삼성과", limit=1).articles
    finally:
        checked.close()


def test_an_index_checked_then_refused_is_left_closed(seeds_db_copy, tmp_path, monkeypatch):
    from tui.launch import open_checked
    from tui.quick import QueryError

    bad = tmp_path / "뉴스.db"
    bad.write_text("기사 목록이 아닙니다")
    with pytest.raises(QueryError, match="not a usable hanscope database"):
        open_checked(bad)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    with pytest.raises(QueryError, match="needs a terminal"):  # a good index, but no terminal for the app
        open_checked(seeds_db_copy)
    assert not Path(f"{seeds_db_copy}-shm").exists()  # its check's connection was closed


def test_streamed_json_and_tables_are_the_text_of_whole_lists(monkeypatch, capsys):
    """An entity's lists are written as they are read (tui.commands.common): the same text as the whole list's, in
    batches of any size, and on a terminal every part keeps the first part's column widths."""
    import io

    from rich.cells import cell_len
    from rich.console import Console

    import tui.commands.common as common
    from store.results import ArticleCount

    articles = [ArticleCount(i, f"삼성전자 {i}번째 기사 \"따옴표\"\n", f"/뉴스/{i}.txt", None if i % 2 else "2025-10-02", i)
                for i in range(1, 8)]
    value = {"entity": {"name": "삼성전자", "aliases": ["Samsung", "ㅅㅅㅈㅈ"]}, "offset": 0, "mentions": [],
             "articles": articles, "related": [], "timeline": [["2025-10", 7]]}
    common.emit_json(value)
    whole = capsys.readouterr().out
    for per_batch in (1, 2, 3, 1000):
        monkeypatch.setattr(common, "STREAM_ROWS", per_batch)
        common.emit_json_stream([(k, iter(v) if isinstance(v, list) and k != "timeline" else v) for k, v in value.items()])
        assert capsys.readouterr().out == whole, per_batch
    for items in (articles, []):
        common.emit_json(items)
        whole = capsys.readouterr().out
        common.emit_json_list_stream(iter(items))  # `hanscope numbers --json`: a list at the top
        assert capsys.readouterr().out == whole
    rows = [[a.id, a.date or "", "왼쪽 맥락 " * (a.id % 3), "삼성전자", "오른쪽"] for a in articles]
    header = ["article", "date", "left", "mention", "right"]
    common.print_table(header, rows)
    tsv = capsys.readouterr().out
    monkeypatch.setattr(common, "STREAM_ROWS", 3)
    common.print_table(header, iter(rows))
    assert capsys.readouterr().out == tsv and tsv.count("\n") == 8
    screen = io.StringIO()
    monkeypatch.setattr(common, "to_terminal", lambda: True)
    monkeypatch.setattr(common, "console", lambda: Console(file=screen, width=60, highlight=False))
    common.print_table(header, iter(rows), right=("article", "left"))
    lines = [line for line in screen.getvalue().splitlines() if "삼성전자" in line]
    assert len(lines) == 7 and screen.getvalue().count("mention") == 1  # one header, every row
    # the mention column starts at one place (in cells: a Korean letter is two) in every part
    assert len({cell_len(line[:line.index("삼성전자")]) for line in lines}) == 1


def test_a_reader_that_leaves_mid_stream_ends_the_command_quietly(monkeypatch, tmp_path):
    """`hanscope numbers | head` now writes as it reads, so the pipe closes mid-command: exit 0 and no message (as
    for a search), not click's silent exit 1."""
    import tui.commands.common as common
    from tui.quick import ReaderLeft

    class ClosedPipe:
        written = 0

        def write(self, text: str) -> int:
            self.written += 1
            if self.written > 2:
                raise BrokenPipeError(32, "Broken pipe")
            return len(text)

        def flush(self) -> None:
            pass

        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(common, "STREAM_ROWS", 2)
    rows = ([i, "90만 장", "삼성전자"] for i in range(100))
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    with pytest.raises(ReaderLeft):
        common.print_table(["article", "raw", "name"], rows)
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    with pytest.raises(ReaderLeft):
        common.emit_json_list_stream({"raw": "90만장", "id": i} for i in range(100))
    # and the whole command, whose reader leaves after 10 bytes of ~200 KB
    news = tmp_path / "news"
    news.mkdir()
    sentences = " ".join(f"삼성전자는 {i}월에 메모리 {i * 10}만 장을 더 팔았다고 밝혔다." for i in range(1, 1500))
    (news / "a.txt").write_text(f"삼성전자 실적\n\n입력 2025-10-02 09:00\n\n{sentences}\n", encoding="utf-8")
    db = tmp_path / "numbers.db"
    assert run_cli("index", str(news), "--workers", "0", "--db", str(db)).returncode == 0
    proc = subprocess.run(f"{' '.join(HANSCOPE)} numbers --db {db} | head -c 10; exit ${{PIPESTATUS[0]}}", shell=True,
                          executable="/bin/bash", capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert (proc.returncode, proc.stderr, proc.stdout) == (0, "", "article\tra")


def test_a_fraction_is_printed_as_it_was_written(tmp_path):
    """The text output printed a value rounded to a whole number: 3.5% read `4 %`."""
    db = index_of_dated(tmp_path / "news", [("2025-10-01", "반도체 시황", "삼성전자 주가는 3.5% 올랐다. 수출은 월 90만 장이다.")])
    searched = run_cli("search", "삼성전자 3.5%", "--db", str(db))
    assert searched.returncode == 0 and "3.5%  3.5 %" in searched.stdout, searched.stdout
    listed = run_cli("numbers", "--db", str(db))
    assert listed.returncode == 0 and "\t3.5\t%" in listed.stdout and "\t900,000\t" in listed.stdout, listed.stdout
