"""Hostile text: queries are searched as text (never FTS5 or SQL syntax); article text and file names that carry
Rich markup, terminal escape sequences or control bytes are stored without the control bytes and shown
literally by every CLI command, in tables and in JSON.

Property-based tests of query escaping live in test_textindex.py; these run the real CLI on real indexes.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest

from conftest import HANSCOPE, ROOT
from test_faults import run_cli

# --- hostile queries --------------------------------------------------------------------------------

# Query syntax means what the query language says (store/query.py) and nothing more: each query here behaves
# like the plain query beside it, or is refused with the parser's own one-line reason. Neither FTS5 nor SQL
# ever sees it as syntax.
AS_TEXT = {
    '"경주"': "경주",
    "하이닉스*": "하이닉스",
    "^웨이퍼": "웨이퍼",
    "{body}": "body",
    "NEAR(삼성 경주)": "near 삼성 경주",  # NEAR is a word here, the brackets group
    "삼성 AND": "삼성",
    "%삼성%": "삼성",
    "삼_성": '"삼 성"',
    "\\경주": "경주",
    "경주\\": "경주",
    "1' OR '1'='1": "1 | 1 1",
    "오픈AI는'": "오픈AI는",
    "삼성 NOT 경주": "삼성 -경주",
    "SELECT * FROM articles": "select from articles",
}
REFUSED = {
    '"삼성': "quote is never closed",
    '"': "quote is never closed",
    "(경주": "'(' is never closed",
    "경주)": "')' closes nothing",
    "()": "empty parentheses",
    "title:경주": "unknown field title:",
    "'; DROP TABLE articles; --": "lone '-'",
    "--": "lone '-'",
    "-": "lone '-'",
    "|": "needs a term on each side",
    "삼성 |": "needs a term on each side",
    '""': "empty phrase",
    "date:2025-13": "no such month",
    "date:2025-12..2025-01": "ends before it starts",
    "삼성\x07": "control character U+0007",
    "삼" * 10_001: "at most 1,000",
    "'": "nothing to search for",
    "%": "nothing to search for",
    "_": "nothing to search for",
    "*": "nothing to search for",
    "\\": "nothing to search for",
    ";": "nothing to search for",
}


def ids(result) -> list[int]:
    return [a.id for a in result.articles]


@pytest.mark.parametrize("query", list(AS_TEXT))
def test_syntax_in_a_query_means_only_what_the_language_says(seeds_index, query):
    result = seeds_index.search(query)
    expected = seeds_index.search(AS_TEXT[query])
    assert ids(result) == ids(expected) and result.total_articles == expected.total_articles
    seeds_index.resolve(query)  # the entity side takes the same input without complaint
    seeds_index.entity(query)
    assert seeds_index.article_count() == 5


@pytest.mark.parametrize("query", list(REFUSED), ids=lambda query: query[:20] + (f"…{len(query)}" if len(query) > 20 else ""))
def test_a_query_the_parser_cannot_read_is_refused_with_its_reason(seeds_index, query):
    from store.query import QuerySyntaxError

    with pytest.raises(QuerySyntaxError) as refused:
        seeds_index.search(query)
    assert REFUSED[query] in str(refused.value) and "(at character " in str(refused.value)
    seeds_index.entity(query)  # a name lookup takes any text without complaint
    assert seeds_index.article_count() == 5


def test_syntax_does_not_change_a_working_query(seeds_index):
    """Sanity for the table above: the plain forms do find articles, so 'same ids' is not vacuous."""
    for plain in ("삼성", "경주", "하이닉스", "웨이퍼", "오픈AI는"):
        assert seeds_index.search(plain).articles, plain


@pytest.mark.parametrize("query", ['"삼성', "하이닉스*", "NEAR(삼성 경주)", "'; DROP TABLE articles; --", "%", "\\",
                                   "-삼성", "title:경주"])
def test_hostile_query_through_the_cli(seeds_db, query):
    proc = run_cli("search", "--json", "--db", str(seeds_db), query)  # a query may start with "-" (-삼성)
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    if query in REFUSED:
        assert proc.returncode == 2 and proc.stdout == ""
        assert proc.stderr.strip().splitlines() == [f"Error: cannot read the query: {proc.stderr.split(': ', 2)[2].strip()}"]
        assert REFUSED[query] in proc.stderr
    else:
        data = json.loads(proc.stdout)
        assert data["query"] == query
        assert proc.returncode == (0 if data["articles"] or data["entities"] or data["numbers"] else 1)
        if proc.returncode == 1:
            assert len(proc.stderr.strip().splitlines()) == 1  # "nothing matches ..."
    table = run_cli("search", "--db", str(seeds_db), query)
    assert table.returncode == proc.returncode and "Traceback" not in table.stderr, table.stderr


@pytest.mark.parametrize("args", [
    ["entity", "'; DROP TABLE entities; --"],
    ["entity", "%"],
    ["entity", "[bold]삼성[/]"],
    ["numbers", "--unit", "KRW' OR '1'='1"],
    ["numbers", "--entity", "%"],
    ["show", "1 OR 1=1"],
])
def test_hostile_arguments_to_other_commands(seeds_db, args):
    proc = run_cli(*args, "--db", str(seeds_db))
    assert proc.returncode in (1, 2), (proc.returncode, proc.stdout)
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    conn = sqlite3.connect(seeds_db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    assert conn.execute("SELECT count(*) FROM entities").fetchone()[0] > 0
    conn.close()


def test_like_wildcards_are_not_wildcards_in_numbers_filters(seeds_db):
    every = json.loads(run_cli("numbers", "--json", "--db", str(seeds_db)).stdout)
    assert every
    for unit in ("%", "_", "K_W", "%W"):
        rows = json.loads(run_cli("numbers", "--unit", unit, "--json", "--db", str(seeds_db)).stdout)
        assert all(r["unit"] == unit for r in rows), (unit, rows[:2])


# --- hostile article text -----------------------------------------------------------------------------

ESCAPES = {
    "csi colour": "\x1b[31m",
    "csi reset": "\x1b[0m",
    "osc title": "\x1b]0;pwned\x07",
    "osc 8 hyperlink": "\x1b]8;;https://evil.example\x1b\\",
    "8-bit csi": "\x9b2J",
    "bell": "\x07",
    "backspace": "\x08",
    "NUL": "\x00",
    "bidi override": "\u202e",
}
# The markup a Rich console would obey if article text were ever parsed as markup.
MARKUP = ("[bold]삼성전자[/bold]", "[link=https://evil.example]새 공장[/link]", "[/]", "[red on white]색깔 표시[/red on white]",
          ":smile:")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile_body(tag: str) -> str:
    return (
        f"[bold]삼성전자[/bold]가 경주에서 [link=https://evil.example]새 공장[/link]에 3조원을 투자한다고 밝혔다. 표지{tag}다.\n\n"
        f"회사는 {ESCAPES['csi colour']}빨간 경고{ESCAPES['csi reset']}를 무시하고 {ESCAPES['osc title']}제목을 바꿨다고 [/] 전했다. "
        f"종소리{ESCAPES['bell']}와 백스페이스{ESCAPES['backspace']}, 8비트{ESCAPES['8-bit csi']} 제어와 "
        f"거꾸로{ESCAPES['bidi override']}쓰기도 있었다.\n\n"
        f"마지막 문단은 [red on white]색깔 표시[/red on white]와 :smile: 그리고 {ESCAPES['osc 8 hyperlink']}링크"
        "\x1b]8;;\x1b\\를 담았다. 삼성전자는 경주 공장에 3조원을 쓴다.\n"
    )


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "markup.txt").write_text("[bold]경주 공장[/bold] 소식 [link=https://evil.example]더보기[/link]\n"
                                      + hostile_body("텍스트"), encoding="utf-8")
    record = {"title": "[blink]삼성 JSON 제목[/blink]\u001b[2J", "outlet": "[i]누리뉴스[/i]",
              "reporters": ["[b]김민수[/b] 기자"], "body": hostile_body("제이슨") + "널문자\u0000도 있다."}
    (corpus / "dump.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (corpus / "evil\x1b]0;pwned\x07[red]name.txt").write_bytes(b"")  # a file name that is an escape sequence
    db = folder / "hostile.db"
    proc = run_cli("index", str(corpus), "--db", str(db), "--no-analyzer", "--workers", "0", "--json")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["articles_total"] == 2, summary
    return db


def stored_rows(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT title, subtitle, outlet, reporters, body FROM articles ORDER BY id").fetchall()
    finally:
        conn.close()


def test_stored_without_control_bytes_and_with_markup_intact(hostile_db):
    rows = stored_rows(hostile_db)
    for row in rows:
        for value in row:
            assert not CONTROL.search(value or ""), repr(value)
        body = row[-1]
        for markup in MARKUP:
            assert markup in body
        assert "빨간 경고를 무시하고 제목을 바꿨다고" in body  # the escapes went, the words around them stayed
    titles = {row[0] for row in rows}
    assert "[blink]삼성 JSON 제목[/blink]" in titles


def cli_env(**extra: str) -> dict[str, str]:
    # A wide "terminal" with colours forced on: Rich then emits its own styles, so any escape sequence
    # that is not Rich's own (a colour from the text, a hyperlink from [link=...]) stands out.
    return {**os.environ, "COLUMNS": "400", "FORCE_COLOR": "1", "TERM": "xterm-256color", **extra}


SGR = re.compile(r"\x1b\[[0-9;]*m")


def shown(*args: str, db: Path) -> str:
    proc = subprocess.run([*HANSCOPE, *args, "--db", str(db)], capture_output=True, text=True, timeout=60,
                          cwd=ROOT, env=cli_env())
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    out = proc.stdout + proc.stderr
    assert "\x1b]" not in out, "an OSC sequence (title, hyperlink) reached the terminal"
    assert "\x07" not in out and "\x08" not in out and "\x9b" not in out and "\u202e" not in out
    leftover = SGR.sub("", out)
    assert "\x1b" not in leftover, repr(leftover[leftover.index("\x1b") - 20:][:60])
    assert "\x1b[5m" not in out  # [blink] was not obeyed
    return leftover


def test_show_prints_markup_literally(hostile_db):
    for article_id in ("1", "2"):
        text = shown("show", article_id, db=hostile_db)
        for markup in MARKUP:
            assert markup in text, markup
        assert "빨간 경고" in text


def test_tables_print_markup_literally(hostile_db):
    listing = shown("articles", db=hostile_db)
    assert "[blink]삼성 JSON 제목[/blink]" in listing and "[i]누리뉴스[/i]" in listing
    assert "[bold]경주 공장[/bold]" in listing

    numbers = shown("numbers", db=hostile_db)
    assert "[bold]삼성전자[/bold]" in numbers or "[link=https://evil.example]" in numbers

    found = shown("search", "무시하고", db=hostile_db)
    assert "[/]" in found and "[blink]삼성 JSON 제목[/blink]" in found

    entity = shown("entity", "삼성전자", db=hostile_db)
    assert "[bold]" in entity or "[/bold]" in entity  # the mention's context, as written

    compared = shown("compare", "1", "2", db=hostile_db)
    assert "[blink]삼성 JSON 제목[/blink]" in compared


def test_json_output_has_the_markup_literally(hostile_db):
    proc = run_cli("show", "1", "--json", "--db", str(hostile_db))
    detail = json.loads(proc.stdout)
    for markup in MARKUP:
        assert markup in detail["body"]
    assert detail["title"] == "[blink]삼성 JSON 제목[/blink]"
    assert detail["outlet"] == "[i]누리뉴스[/i]"
    assert all(p["text"] == detail["body"][p["start"]:p["end"]] for p in detail["paragraphs"])
    assert not CONTROL.search(proc.stdout.replace("\n", ""))

    hits = json.loads(run_cli("search", "무시하고", "--json", "--db", str(hostile_db)).stdout)["articles"]
    assert hits and all("[/]" in h["snippet"] for h in hits)


def test_escape_sequence_in_a_file_name_is_reported_without_the_escape(hostile_db, tmp_path):
    corpus = hostile_db.parent / "corpus"
    proc = subprocess.run([*HANSCOPE, "index", str(corpus), "--db", str(tmp_path / "x.db"), "--no-analyzer",
                           "--workers", "0"], capture_output=True, text=True, timeout=60, cwd=ROOT, env=cli_env())
    assert proc.returncode == 0, proc.stderr
    line = next(line for line in proc.stderr.splitlines() if "name.txt" in line)
    assert "\x1b]" not in line and "\x07" not in line
    assert "[red]name.txt: empty file" in SGR.sub("", line)

    summary = json.loads(run_cli("index", str(corpus), "--db", str(tmp_path / "x.db"), "--json").stdout)
    bad = [p for p in summary["failed"] if p["path"].endswith("name.txt")]
    assert bad and "\x1b]0;pwned\x07" in bad[0]["path"]  # JSON keeps the real path (escaped by JSON itself)
