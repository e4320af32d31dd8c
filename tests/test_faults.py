"""Faults: unusable database files, read-only and full disks, `kill -9` mid-index, readers during an index.

Every case runs the real `hanscope` CLI in a subprocess (exit codes and stderr are what a user sees) and then
looks inside the SQLite file: integrity, and that nothing was lost or written twice.

Read-only databases: read commands open the file read-write and SQLite falls back to read-only access when
the file is not writable, so `articles`/`search` work on a chmod 444 index and only `index` (and entity
edits) fail, in one line. `Index.open(path, readonly=True)` is there for callers that want a guarantee.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import HANSCOPE, ROOT
from store.db import SCHEMA_VERSION, DatabaseError, connect

MARKER = "시험기사"  # every generated article says it once, so a search counts them
OUTLETS = ("한빛일보", "새벽경제", "누리뉴스", "바른신문")
REPORTERS = ("김민수", "이서연", "박지훈", "최유진", "정하늘")
COMPANIES = ("삼성전자", "SK하이닉스", "네이버", "카카오", "LG에너지솔루션", "현대차")
PLACES = ("경주", "판교", "울산", "평택", "광주")


def run_cli(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*HANSCOPE, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT, **kwargs)


def assert_one_line_error(proc: subprocess.CompletedProcess, *needles: str, code: int = 2) -> str:
    """The process failed with `code` and said why in exactly one line, without a traceback."""
    assert proc.returncode == code, (proc.returncode, proc.stdout, proc.stderr)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def article_text(i: int, marker: str = MARKER) -> str:
    """A small seed-shaped Korean article; `doc{i:04d}` is its unique searchable code."""
    company, place = COMPANIES[i % len(COMPANIES)], PLACES[i % len(PLACES)]
    return (
        f"{company}, {place}에 {i + 3}조원 규모 반도체 공장 신설 {marker}\n"
        f"[{OUTLETS[i % len(OUTLETS)]}={REPORTERS[i % len(REPORTERS)]} 기자] {company}가 {place}에 "
        f"총 {i + 3}조원을 들여 새 공장을 짓는다고 {i % 28 + 1}일 밝혔다. 관리번호 doc{i:04d} {marker}다.\n"
        f"회사는 월 {i + 10}만장의 웨이퍼를 생산할 계획이며 직원 {i * 7 + 100}명을 새로 뽑는다.\n"
        f"업계는 {company}과 {place}시의 협력이 지역 경제에 도움이 될 것으로 내다봤다.\n"
    )


def write_corpus(folder: Path, count: int, marker: str = MARKER) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        sub = folder / f"part{i % 4}"  # a few subfolders, as a real corpus has
        sub.mkdir(exist_ok=True)
        (sub / f"article_{i:04d}.txt").write_text(article_text(i, marker), encoding="utf-8")
    return folder


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def files_written(path: Path) -> int:
    """Files committed so far (0 while the schema does not exist yet); read while an indexer writes."""
    if not path.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return 0
    try:
        return conn.execute("SELECT count(*) FROM files").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def make_index(path: Path) -> None:
    connect(path, create=True).close()


# --- unusable database files ----------------------------------------------------------------------


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(16384))


def _sqlite_header_then_garbage(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(16368))


def _other_apps_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('홍길동', '010-1234-5678')")
    conn.commit()
    conn.close()


def _with_meta(**values: str):
    def make(path: Path) -> None:
        make_index(path)
        conn = sqlite3.connect(path)
        conn.executemany("UPDATE meta SET value = ? WHERE key = ?", [(v, k) for k, v in values.items()])
        conn.commit()
        conn.close()

    return make


UNUSABLE = {
    "random bytes": (_random_bytes, "not a usable hanscope database"),
    "SQLite header, then garbage": (_sqlite_header_then_garbage, "not a usable hanscope database"),
    "another program's database": (_other_apps_database, "not a hanscope index"),
    "older schema": (_with_meta(schema_version="0"), "old schema"),
    "newer schema": (_with_meta(schema_version=str(SCHEMA_VERSION + 1)), "newer hanscope"),
    "damaged schema_version": (_with_meta(schema_version="one"), "damaged"),
    "another app id": (_with_meta(app="datasette"), "not a hanscope index"),
}


@pytest.mark.parametrize("kind", list(UNUSABLE))
def test_unusable_database_is_refused_in_one_line_and_left_untouched(kind, tmp_path):
    make, message = UNUSABLE[kind]
    db = tmp_path / "index.db"
    make(db)
    before = db.read_bytes()
    for args in (["articles"], ["search", "삼성", "--json"], ["index", str(ROOT / "seeds"), "--no-analyzer", "--workers", "0"]):
        proc = run_cli(*args, "--db", str(db))
        line = assert_one_line_error(proc, message, str(db))
        assert proc.stdout == "", (args, proc.stdout)
        if kind == "older schema" and args[0] == "index":
            assert "remove it" in line  # indexing into it would fail again: the hint must not send the user in a loop
    assert db.read_bytes() == before  # a refusal never writes, not even a schema into another program's file


def test_an_index_one_upgrade_behind_is_brought_up_to_date_when_opened_and_refused_when_read_only(tmp_path, monkeypatch):
    """A schema that the next one only adds an index to is upgraded when opened (no re-index); a read-only copy
    that cannot take it meets the one-line old-schema refusal, not a "no such index" error in a search. No
    version is one such step behind today (UPGRADES is empty), so the step is the last one that existed (8 -> 9)."""
    import store.db

    db = tmp_path / "index.db"
    run_cli("index", str(ROOT / "seeds"), "--db", str(db), "--no-analyzer", "--workers", "0")
    conn = sqlite3.connect(db)
    conn.executescript(f"DROP INDEX articles_id_outlet; UPDATE meta SET value = '{SCHEMA_VERSION - 1}' "
                       "WHERE key = 'schema_version';")
    conn.close()
    older = db.read_bytes()
    monkeypatch.setattr(store.db, "UPGRADES",
                        {SCHEMA_VERSION - 1: "CREATE INDEX IF NOT EXISTS articles_id_outlet ON articles(id, outlet);"})

    frozen = tmp_path / "frozen.db"
    frozen.write_bytes(older)
    with pytest.raises(DatabaseError, match="old schema"):
        connect(frozen, readonly=True)  # mode=ro: the index cannot be added
    assert frozen.read_bytes() == older

    connect(db).close()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_id_outlet'").fetchone()
    conn.close()


def test_an_index_without_the_placing_index_gains_it_in_place_when_opened_for_indexing_and_only_then(tmp_path):
    """articles_placing (store.db.ADDITIONS) is added to a schema-10 file without a version bump: opened for
    indexing it is made and recorded in meta; a reader's open and a read-only open leave the file as it is, and
    the story step then reads its rows as before. With it the placing query reads no article row (body-sized)."""
    from store import stories

    db = tmp_path / "index.db"
    run_cli("index", str(ROOT / "seeds"), "--db", str(db), "--no-analyzer", "--workers", "0")
    conn = sqlite3.connect(db)
    assert "articles_placing" in conn.execute("SELECT value FROM meta WHERE key = 'additions'").fetchone()[0].split(",")
    conn.executescript("DROP INDEX articles_placing; DELETE FROM meta WHERE key = 'additions';")  # as schema 10 was
    conn.close()
    older = db.read_bytes()
    connect(db).close()
    connect(db, readonly=True).close()
    assert db.read_bytes() == older  # a reader never builds an index (nor waits for one)
    without = connect(db)
    assert stories._Assigner(without).by_placing == ""
    without.close()

    conn = connect(db, create=True)  # what `hanscope index` opens
    assert "articles_placing" in conn.execute("SELECT value FROM meta WHERE key = 'additions'").fetchone()[0].split(",")
    assigner = stories._Assigner(conn)
    plan = " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + stories.PLACING_ROWS.format(
        hint=assigner.by_placing), ["[1, 2, 3]"]))
    assert "SEARCH a USING COVERING INDEX articles_placing (id=?" in plan, plan
    ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
    rows = conn.execute(stories.PLACING_ROWS.format(hint=assigner.by_placing), [json.dumps(ids)]).fetchall()
    plain = conn.execute(stories.PLACING_ROWS.format(hint=""), [json.dumps(ids)]).fetchall()
    assert sorted(rows) == sorted(plain) and len(rows) == 5  # the same answer, read from the index
    conn.close()


def test_an_index_of_schema_9_is_refused_unchanged_because_its_search_table_has_the_old_column_order(tmp_path):
    """Schema 10 put the search table's body column first: a 9 file cannot be upgraded by adding an index, so
    every command meets the one-line refusal (nothing written), and `index` says to remove it first."""
    db = tmp_path / "index.db"
    run_cli("index", str(ROOT / "seeds"), "--db", str(db), "--no-analyzer", "--workers", "0")
    conn = sqlite3.connect(db)
    conn.executescript("UPDATE meta SET value = '9' WHERE key = 'schema_version';")
    conn.close()
    before = db.read_bytes()
    for args in (["search", "삼성"], ["index", str(ROOT / "seeds")]):
        proc = run_cli(*args, "--db", str(db))
        assert proc.returncode == 2 and "old schema (9)" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert db.read_bytes() == before


def test_an_index_of_schema_11_or_10_is_refused_unchanged_because_its_mentions_keep_their_surfaces(tmp_path):
    """Schema 12 stores mentions keyed by article, their part as a number and without the surface (the text at
    their offsets): an 11 file (and a 10 one, read as it was until then) cannot be upgraded by adding an index, so
    every command meets the one-line refusal (nothing written), and `index` says to remove it first."""
    db = tmp_path / "index.db"
    run_cli("index", str(ROOT / "seeds"), "--db", str(db), "--no-analyzer", "--workers", "0")
    for version in ("11", "10"):
        conn = sqlite3.connect(db)
        conn.executescript(f"UPDATE meta SET value = '{version}' WHERE key = 'schema_version';")
        conn.close()
        before = db.read_bytes()
        for args in (["search", "삼성"], ["entity", "삼성전자"], ["index", str(ROOT / "seeds")]):
            proc = run_cli(*args, "--db", str(db))
            assert proc.returncode == 2 and f"old schema ({version})" in proc.stderr and "Traceback" not in proc.stderr, \
                proc.stderr
        assert db.read_bytes() == before


# SCHEMA_VERSION -> fingerprint of store.db.SCHEMA (comments and spacing ignored). An index written by an
# earlier schema must meet the one-line "old schema" refusal, not a "no such column" crash in the middle of
# a query: so a schema change has to bump SCHEMA_VERSION, and add its fingerprint here.
SCHEMA_FINGERPRINTS = {1: "e6cbf70384fd28c6", 2: "ea4a0857db1af411", 3: "ea4a0857db1af411", 4: "4ca13fbf1f5ab3f7",
                       5: "1d2826c3e09a0e01", 6: "a432f03ebb8b776d", 7: "9e1a4de32509705c",
                       8: "9136c65c541d933b", 9: "5bf6a9d36d91a71a", 10: "94dd331d801f5ee1",
                       11: "d6485f5d8d099ea0", 12: "340a0b00a1f90c38",
                       13: "c23a55692ff0d364",  # 13: the search table's tokens keep `%` (store.db)
                       14: "b1f51542f91faeff"}  # 14: the headings table (db.HEADINGS)


def schema_fingerprint(schema: str) -> str:
    import hashlib
    import re

    return hashlib.sha256(" ".join(re.sub(r"--[^\n]*", "", schema).split()).encode()).hexdigest()[:16]


def test_a_schema_change_bumps_the_schema_version():
    from store.db import SCHEMA

    known = SCHEMA_FINGERPRINTS.get(SCHEMA_VERSION)
    assert known == schema_fingerprint(SCHEMA), (
        f"store.db.SCHEMA changed (fingerprint {schema_fingerprint(SCHEMA)}) but SCHEMA_VERSION is still "
        f"{SCHEMA_VERSION}: bump it (or migrate), then record the fingerprint in SCHEMA_FINGERPRINTS"
    )


# SCHEMA_VERSION -> fingerprint of the search rows one fixed article gets. The FTS5 table is contentless: a
# changed file's old rows are deleted by recomputing their values from the stored article, so if the values
# an article is indexed with change (another tokenisation, the deck added to the headline column), deleting
# rows written by the earlier code silently leaves stale entries. Such a change must bump SCHEMA_VERSION too.
SEARCH_ROW_FINGERPRINTS = {2: "958147e28b89b82d", 3: "8220027a449526d6", 4: "8220027a449526d6", 5: "8220027a449526d6",
                           6: "8220027a449526d6", 7: "f020753deda82633", 8: "f020753deda82633",
                           9: "f020753deda82633", 10: "f020753deda82633", 11: "f020753deda82633",
                           12: "f020753deda82633",
                           13: "2be7b217b81a1726",  # 13: numbers' first digits marked (a 12 file is rewritten)
                           14: "2be7b217b81a1726"}


def test_a_change_in_what_is_indexed_for_search_bumps_the_schema_version(tmp_path):
    import hashlib

    import sqlite_utils

    from store.batch_writer import write_file
    from store.model import Article
    from store.pipeline import ExtractedArticle, ExtractedFile, body_hash
    from store.results import IndexSummary

    article = Article.from_paragraphs(
        "/sample.txt", ["SK하이닉스는 오픈AI에 HBM을 공급한다고 밝혔다.", "삼성전자도 월 90만장 협력에 참여한다."],
        title="SK하이닉스, 오픈AI와 HBM 협력", subtitle="경주 APEC에서 발표\n웨이퍼 공급")
    conn = connect(tmp_path / "x.db", create=True)
    extracted = ExtractedFile("/sample.txt", [ExtractedArticle(article, body_hash(article.body), [], [])])
    write_file(sqlite_utils.Database(conn), extracted, "0" * 32, 1, 0.0, IndexSummary())
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles_fts, 'instance')")
    rows = conn.execute("SELECT term, col, offset FROM temp.vocab ORDER BY col, offset, term").fetchall()
    conn.close()
    found = hashlib.sha256(repr(rows).encode()).hexdigest()[:16]
    assert SEARCH_ROW_FINGERPRINTS.get(SCHEMA_VERSION) == found, (
        f"the search rows of an article changed (fingerprint {found}) but SCHEMA_VERSION is still {SCHEMA_VERSION}: "
        "bump it so older indexes are refused instead of half-deleted, then record the fingerprint here"
    )


def test_missing_database_for_a_read_command_says_how_to_build_one(tmp_path):
    db = tmp_path / "nowhere" / "index.db"
    for args in (["articles"], ["search", "경주"], ["show", "3"], ["entity", "오픈AI"], ["compare", "1", "2"]):
        line = assert_one_line_error(run_cli(*args, "--db", str(db)), "no index at", "hanscope index")
        assert str(db) in line
    assert not db.parent.exists()  # reading never creates folders or files


def test_default_database_from_environment_is_checked_the_same_way(tmp_path):
    env = {**os.environ, "HANSCOPE_DB": str(tmp_path / "missing.db")}
    assert_one_line_error(run_cli("articles", env=env), "no index at", "missing.db")


def test_db_option_pointing_at_a_directory(tmp_path):
    folder = tmp_path / "index.db"
    folder.mkdir()
    for args in (["articles"], ["search", "삼성"], ["index", str(ROOT / "seeds")]):
        assert_one_line_error(run_cli(*args, "--db", str(folder)), "is a directory")
    assert list(folder.iterdir()) == []


def test_empty_file_is_not_an_index_for_readers_but_can_be_built(tmp_path):
    db = tmp_path / "index.db"
    db.touch()
    assert_one_line_error(run_cli("articles", "--db", str(db)), "is empty", "hanscope index")
    corpus = write_corpus(tmp_path / "news", 3)
    proc = run_cli("index", str(corpus), "--db", str(db), "--no-analyzer", "--workers", "0", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["articles_total"] == 3


def test_database_errors_from_the_library_are_one_line(tmp_path):
    """The API raises DatabaseError (never a bare sqlite3 error) for every unusable kind."""
    for kind, (make, message) in UNUSABLE.items():
        db = tmp_path / f"{abs(hash(kind))}.db"
        make(db)
        for options in ({}, {"create": True}, {"readonly": True}):
            with pytest.raises(DatabaseError) as err:
                connect(db, **options)
            assert message in str(err.value) and "\n" not in str(err.value)


# --- read-only files ------------------------------------------------------------------------------


def _as_unprivileged() -> list[str]:
    """A command prefix under which file permissions apply (root ignores chmod unless it drops DAC capabilities)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: chmod 444 would not stop root from writing")
    probe = subprocess.run([setpriv, "--bounding-set", "-dac_override,-dac_read_search", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot drop DAC capabilities here: {probe.stderr.decode().strip()}")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]


def test_read_only_index_reads_fine_and_indexing_into_it_fails_in_one_line(seeds_db_copy, tmp_path):
    prefix = _as_unprivileged()
    seeds_db_copy.chmod(0o444)
    before = seeds_db_copy.read_bytes()

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*prefix, *HANSCOPE, *args, "--db", str(seeds_db_copy)],
                              capture_output=True, text=True, timeout=60, cwd=ROOT)

    listed = cli("articles", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 5
    found = cli("search", "하이닉스", "--json")
    assert found.returncode == 0 and json.loads(found.stdout)["articles"], found.stderr

    corpus = write_corpus(tmp_path / "news", 2)
    assert_one_line_error(cli("index", str(corpus), "--no-analyzer", "--workers", "0"), "readonly")
    assert seeds_db_copy.read_bytes() == before
    assert integrity(seeds_db_copy) == "ok"


def test_index_on_read_only_media_is_readable(seeds_db_copy, tmp_path):
    """File and folder read-only (a CD, a read-only mount): SQLite cannot create the WAL index beside it."""
    prefix = _as_unprivileged()
    media = tmp_path / "media"
    media.mkdir()
    db = media / "index #1?.db"  # URI-special characters in the name, too
    seeds_db_copy.rename(db)
    db.chmod(0o444)
    media.chmod(0o555)
    try:
        def cli(*args: str) -> subprocess.CompletedProcess:
            return subprocess.run([*prefix, *HANSCOPE, *args, "--db", str(db)], capture_output=True, text=True,
                                  timeout=60, cwd=ROOT)

        found = cli("search", "경주", "--json")
        assert found.returncode == 0 and json.loads(found.stdout)["articles"], found.stderr
        assert_one_line_error(cli("index", str(ROOT / "seeds")), "read-only")
        assert sorted(p.name for p in media.iterdir()) == [db.name]
    finally:
        media.chmod(0o755)


def test_index_open_readonly_reads_and_refuses_writes(seeds_db):
    from store.api import Index

    index = Index.open(seeds_db, readonly=True)
    try:
        assert index.article_count() == 5
        assert index.search("경주").articles
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            index.db.execute("DELETE FROM articles")
    finally:
        index.close()


# --- disk full and write errors -------------------------------------------------------------------


def test_disk_full_stops_with_one_error_and_keeps_earlier_files(tmp_path):
    """SQLITE_FULL from `PRAGMA max_page_count`: the files committed before it stay, whole; a re-run finishes."""
    from store.api import Index
    from store.indexer import index_paths

    corpus = write_corpus(tmp_path / "news", 60)
    db_path = tmp_path / "index.db"
    conn = connect(db_path, create=True)
    empty_pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {empty_pages + 25}")
    with pytest.raises(DatabaseError) as err:
        index_paths(conn, [corpus], workers=0, use_analyzer=False)
    conn.close()
    message = str(err.value)
    assert "full" in message and "stay indexed" in message and "\n" not in message

    assert integrity(db_path) == "ok"
    index = Index.open(db_path)
    kept = index.article_count()
    files = index.db.execute("SELECT count(*), count(*) FILTER (WHERE status = 'ok') FROM files").fetchone()
    index.close()
    assert 0 < kept < 60
    assert files == (kept, kept)  # every file row that exists has its article: no half-written file
    assert f"{kept} files written" in message

    proc = run_cli("index", str(corpus), "--db", str(db_path), "--no-analyzer", "--workers", "0", "--json")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["files_unchanged"] == kept and summary["files_indexed"] == 60 - kept
    assert summary["articles_total"] == 60


def test_write_error_in_the_cli_is_one_line_and_committed_files_stay(tmp_path):
    """A real write failure in a real `hanscope index`: the file size limit (RLIMIT_FSIZE) makes SQLite's write fail."""
    import resource

    corpus = write_corpus(tmp_path / "news", 120)
    db_path = tmp_path / "index.db"
    make_index(db_path)
    limit = db_path.stat().st_size + 48 * 1024

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write(), not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run([*HANSCOPE, "index", str(corpus), "--db", str(db_path), "--no-analyzer", "--workers", "0"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT, preexec_fn=limit_file_size)
    assert_one_line_error(proc, "cannot write the index", str(db_path))
    assert integrity(db_path) == "ok"
    rerun = run_cli("index", str(corpus), "--db", str(db_path), "--no-analyzer", "--workers", "0", "--json")
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads(rerun.stdout)["articles_total"] == 120


# --- kill -9 --------------------------------------------------------------------------------------


def assert_indexed_exactly_once(db_path: Path, count: int, marker: str = MARKER) -> None:
    from store.api import Index

    assert integrity(db_path) == "ok"
    index = Index.open(db_path)
    try:
        db = index.db
        assert db.execute("SELECT count(*), count(DISTINCT source), count(DISTINCT body_hash) FROM articles").fetchone() \
            == (count, count, count)
        assert db.execute("SELECT count(*), count(*) FILTER (WHERE status = 'ok') FROM files").fetchone() == (count, count)
        assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == count  # one search row per article
        assert db.execute("SELECT count(*) FROM paragraphs p LEFT JOIN articles a ON a.id = p.article_id "
                          "WHERE a.id IS NULL").fetchone()[0] == 0
        assert index.search(marker, limit=1).total_articles == count
        for i in (0, count // 2, count - 1):
            hits = index.search(f"doc{i:04d}").articles
            assert [Path(h.source).name for h in hits] == [f"article_{i:04d}.txt"]
    finally:
        index.close()


def _kill_when(proc: subprocess.Popen, ready) -> None:
    deadline = time.monotonic() + 60
    while proc.poll() is None and not ready() and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)


KILL_MOMENTS = ("while the database is being created", "after the first files", "half way",
                "after the last file (linking)")


@pytest.mark.parametrize("analyzer, count, moments", [
    pytest.param(False, 300, KILL_MOMENTS, id="rules-only"),
    # The opt-in analyzer loads Kiwi (~5 s) in every run: ~15 s in all, so only with HANSCOPE_SLOW_TESTS=1.
    pytest.param(True, 16, ("half way",), id="analyzer", marks=pytest.mark.skipif(
        not os.environ.get("HANSCOPE_SLOW_TESTS"), reason="slow: set HANSCOPE_SLOW_TESTS=1")),
])
def test_kill_9_at_several_moments_then_rerun_indexes_every_file_once(tmp_path, analyzer, count, moments):
    if analyzer:
        pytest.importorskip("kiwipiepy")
    corpus = write_corpus(tmp_path / "news", count)
    db_path = tmp_path / "index.db"
    command = [*HANSCOPE, "index", str(corpus), "--db", str(db_path), "--workers", "0", "--json",
               "--analyzer" if analyzer else "--no-analyzer"]
    ready_at = {
        "while the database is being created": lambda: db_path.exists(),
        "after the first files": lambda: files_written(db_path) >= 5,
        "half way": lambda: files_written(db_path) >= count // 2,
        "after the last file (linking)": lambda: files_written(db_path) >= count,
    }
    progress = []
    for moment in moments:
        ready = ready_at[moment]
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
        _kill_when(proc, ready)
        if db_path.exists() and db_path.stat().st_size:
            assert integrity(db_path) == "ok", moment
        progress.append(files_written(db_path))
    assert progress == sorted(progress)  # each interrupted run kept what the one before it committed

    proc = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["files_seen"] == count and summary["files_failed"] == 0
    assert summary["files_unchanged"] + summary["files_indexed"] == count
    assert_indexed_exactly_once(db_path, count)

    again = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert json.loads(again.stdout)["files_unchanged"] == count  # and nothing is redone


# --- readers during an index ----------------------------------------------------------------------


def test_readers_keep_working_while_an_index_runs(tmp_path):
    from store.api import Index

    count = 300
    corpus = write_corpus(tmp_path / "news", count)
    db_path = tmp_path / "index.db"
    make_index(db_path)
    writer = subprocess.Popen([*HANSCOPE, "index", str(corpus), "--db", str(db_path), "--workers", "0", "--no-analyzer"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    api_counts: list[int] = []
    api_errors: list[BaseException] = []

    def read_through_the_api() -> None:
        while writer.poll() is None:
            try:
                index = Index.open(db_path)
                api_counts.append(index.search(MARKER, limit=5).total_articles)
                index.articles(limit=10)
                index.close()
            except BaseException as err:  # noqa: BLE001 - every failure is the test's finding
                api_errors.append(err)
            time.sleep(0.002)

    reader = threading.Thread(target=read_through_the_api)
    reader.start()
    cli_runs = []
    while writer.poll() is None:
        proc = run_cli("search", MARKER, "--json", "--db", str(db_path))
        cli_runs.append(proc)
    reader.join()
    assert writer.wait() == 0, writer.stderr.read()

    assert not api_errors, api_errors[:3]
    assert api_counts == sorted(api_counts) and len(api_counts) > 10  # counts only grow: readers see commits
    assert cli_runs, "the index finished before a reader ran: make the corpus bigger"
    for proc in cli_runs:
        assert "locked" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
        assert proc.returncode in (0, 1), proc.stderr  # 1: nothing committed yet
    final = run_cli("search", MARKER, "--json", "--db", str(db_path))
    assert json.loads(final.stdout)["total_articles"] == count


def test_db_in_a_folder_that_cannot_exist(tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file where the index folder should be")
    db = blocker / "index" / "index.db"
    assert_one_line_error(run_cli("index", str(ROOT / "seeds"), "--db", str(db)), "cannot create")
    assert blocker.read_text().startswith("a file")


def test_kill_9_while_changed_files_replace_their_articles(tmp_path):
    """Re-indexing edited files deletes their old search rows (contentless FTS5: by value) and writes new
    ones; a kill in the middle and a re-run leave each article once, and no old text is still found."""
    count, revised = 200, "개정기사"
    corpus = write_corpus(tmp_path / "news", count)
    db_path = tmp_path / "index.db"
    command = [*HANSCOPE, "index", str(corpus), "--db", str(db_path), "--workers", "0", "--no-analyzer", "--json"]
    assert subprocess.run(command, capture_output=True, timeout=120, cwd=ROOT).returncode == 0
    write_corpus(corpus, count, marker=revised)  # every file edited: title and body

    def replaced() -> int:
        try:
            conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
            return conn.execute("SELECT count(*) FROM articles WHERE instr(body, ?)", [revised]).fetchone()[0]
        except sqlite3.Error:
            return 0

    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _kill_when(proc, lambda: replaced() >= count // 2)
    assert integrity(db_path) == "ok"
    assert 0 < replaced() < count

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert rerun.returncode == 0, rerun.stderr
    assert_indexed_exactly_once(db_path, count, marker=revised)
    from store.api import Index

    index = Index.open(db_path)
    try:
        stale = index.search(MARKER)
        assert stale.total_articles == 0 and stale.articles == []  # no search row of an old version survives
    finally:
        index.close()


def test_default_index_location_follows_the_platform_rules(monkeypatch, tmp_path):
    from store.db import default_db_path

    monkeypatch.delenv("HANSCOPE_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "데이터"))
    if sys.platform.startswith("linux"):
        assert default_db_path() == str(tmp_path / "데이터" / "hanscope" / "index.db")
        monkeypatch.setenv("XDG_DATA_HOME", "")
        monkeypatch.setenv("HOME", str(tmp_path))
        assert default_db_path() == str(tmp_path / ".local" / "share" / "hanscope" / "index.db")
    monkeypatch.setenv("HANSCOPE_DB", "~/뉴스/index.db")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_db_path() == str(tmp_path / "뉴스" / "index.db")


def test_the_default_seeds_index_of_an_older_version_is_rebuilt_but_a_users_index_is_not(tmp_path):
    """Bare `hanscope` rebuilds its own seeds index after a schema change (nothing of the user's is lost); an index
    of anything else keeps the one-line "old schema: rebuild" refusal."""
    import sqlite3

    from hanscope_seeds import folder as seeds_folder
    from store.db import connect
    from store.indexer import index_paths
    from tui.launch import stale_seeds_index

    old = tmp_path / "index.db"  # built as bare `hanscope` builds it: from the installed seeds package
    db = connect(old, create=True)
    index_paths(db, [seeds_folder()], workers=0)
    db.close()
    assert not stale_seeds_index(old)  # current schema: opened as it is
    conn = sqlite3.connect(old)
    conn.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
    conn.commit()
    assert stale_seeds_index(old)
    conn.execute("INSERT INTO files(path, status) VALUES (?, 'ok')", (str(tmp_path / "내기사" / "삼성전자.txt"),))
    conn.commit()
    conn.close()
    assert not stale_seeds_index(old)  # a file of the user's: refused with the message, never deleted
    (tmp_path / "notes.db").write_bytes(b"not a database at all")
    assert not stale_seeds_index(tmp_path / "notes.db") and not stale_seeds_index(tmp_path / "missing.db")
