"""Issue 14, index size: what the file spends its bytes on, and that spending fewer changes no answer.

Each case indexes real Korean articles (tests/test_faults.py's corpus, or files written here) into a file.
"""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from store import indexer
from store.api import Index
from store.db import HEADINGS, connect
from test_faults import write_corpus

QUERIES = ["삼성전자", "웨이퍼", "90만장", "90만 장", "공장 sort:rank", "doc0007", "하이닉스 OR 엔비디아", "반도체 -웨이퍼"]


def _index(db_path: Path, folder: Path) -> list[str]:
    """Index `folder` in-process; the statements the run executed (to see whether it compacted)."""
    statements: list[str] = []
    conn = connect(db_path, create=True)
    conn.set_trace_callback(statements.append)
    try:
        indexer.index_paths(sqlite_utils.Database(conn), [folder], workers=0)
    finally:
        conn.close()
    return statements


def _merged(db_path: Path, table: str = "articles_fts") -> bool:
    """Whether the search table (or the headings') is one segment, by FTS5's own test (docs, 'merge'): a step that
    would start merging every segment changes fewer than two rows. Rolled back, so it changes nothing itself."""
    conn = sqlite3.connect(db_path)
    try:
        before = conn.total_changes
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('merge', -16)")
        return conn.total_changes - before < 2
    finally:
        conn.rollback()
        conn.close()


def _contents(db_path: Path) -> str:
    """A hash of every ordinary table's rows, in key order (the search and headings tables are contentless: their
    answers are compared through queries)."""
    conn = sqlite3.connect(db_path)
    digest = hashlib.sha256()
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%' "
        "AND name NOT LIKE 'headings_fts%' AND name != 'meta' ORDER BY name")]
    for table in tables:
        columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})") if c[1] != "indexed_at"]  # a clock
        listed = ", ".join(f'"{c}"' for c in columns)
        for row in conn.execute(f"SELECT {listed} FROM {table} ORDER BY {listed}"):
            digest.update(repr(row).encode())
    conn.close()
    return digest.hexdigest()


def _answers(db_path: Path) -> list:
    index = Index.open(db_path, readonly=True)
    try:
        return [(query, [(hit.id, hit.title, hit.score) for hit in index.search(query, limit=None).articles]) for query in QUERIES]
    finally:
        index.close()


def test_a_first_build_is_compacted_smaller_with_the_same_rows_and_answers(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "news", 120)
    compacted = tmp_path / "compacted.db"
    assert any(s.strip().upper() == "VACUUM" for s in _index(compacted, corpus))
    monkeypatch.setattr(indexer, "COMPACT_SHARE", float("inf"))  # never
    plain = tmp_path / "plain.db"
    assert not any("VACUUM" in s.upper() or "'merge'" in s for s in _index(plain, corpus))

    assert compacted.stat().st_size < plain.stat().st_size
    assert _merged(compacted) and not _merged(plain)  # the plain build's batches left several segments
    assert _merged(compacted, HEADINGS) and not _merged(plain, HEADINGS)
    conn = sqlite3.connect(compacted)
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert _contents(compacted) == _contents(plain)
    answers = _answers(compacted)
    assert answers == _answers(plain)
    assert all(hits for query, hits in answers if query != "반도체 -웨이퍼")  # the comparison compared something


def test_adding_a_few_files_to_a_big_index_does_not_rewrite_the_file(tmp_path):
    """Compaction rewrites the whole file: after a small addition (issue 14: 1,000 articles in ≤ 10 s) it waits."""
    db_path = tmp_path / "index.db"
    _index(db_path, write_corpus(tmp_path / "news", 80))
    more = tmp_path / "more"
    more.mkdir()
    (more / "new.txt").write_text("삼성전자, 평택에 5조원 규모 웨이퍼 공장 신설\n[한빛일보=김하늘 기자] 삼성전자가 "
                                  "평택에 총 5조원을 들여 월 90만 장의 웨이퍼를 만든다고 3일 밝혔다.\n", encoding="utf-8")
    statements = _index(db_path, more)
    assert any("INSERT INTO articles" in s for s in statements)  # the file was indexed ...
    assert not any("VACUUM" in s.upper() or "'merge'" in s for s in statements)  # ... and nothing rewritten
    index = Index.open(db_path, readonly=True)
    try:
        assert [hit.title for hit in index.search("90만장 평택").articles] == ["삼성전자, 평택에 5조원 규모 웨이퍼 공장 신설"]
    finally:
        index.close()


def test_compaction_is_skipped_without_harm_when_the_file_is_locked(tmp_path, monkeypatch):
    """Another writer holding the file (a second program) makes it fail: the index stays whole and usable, and
    the next run, with nothing new to index, compacts it."""
    db_path = tmp_path / "index.db"
    monkeypatch.setattr(indexer, "COMPACT_SHARE", float("inf"))
    _index(db_path, write_corpus(tmp_path / "news", 30))  # not compacted, so still due
    monkeypatch.undo()
    writer = connect(db_path)
    blocker = connect(db_path)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the lock: the first merge step meets "database is locked"
    writer.execute("PRAGMA busy_timeout = 50")
    try:
        assert indexer._compact(writer, 30, 30) is False
    finally:
        blocker.rollback()
        blocker.close()
    assert writer.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not writer.in_transaction
    writer.close()
    statements = _index(db_path, tmp_path / "news")  # nothing new: the compaction the lock kept back is still due
    assert not any("INSERT INTO articles(" in s for s in statements)
    assert any(s.strip().upper() == "VACUUM" for s in statements) and _merged(db_path)
    index = Index.open(db_path, readonly=True)
    try:
        assert len(index.search("doc0007").articles) == 1
    finally:
        index.close()


@pytest.mark.parametrize("where", ["headline", "body"])
def test_a_headline_hit_outranks_a_body_hit_with_the_body_column_first(tmp_path, where):
    """bm25's weights are given in the search table's column order (body, then title): the headline still counts
    4 times a body hit. Two articles name 웨이퍼 once each, one in the headline, the other in the body; both are
    the same length, whichever of the two is indexed first."""
    folder = tmp_path / "news"
    folder.mkdir()
    headline = "SK하이닉스, 청주에 웨이퍼 공장 신설\n[한빛일보=김하늘 기자] SK하이닉스가 청주에 새 공장을 짓는다고 2일 밝혔다. 회사는 장비를 들인다.\n"
    body = "SK하이닉스, 청주에 반도체 공장 신설\n[한빛일보=김하늘 기자] SK하이닉스가 청주에 새 공장을 짓는다고 2일 밝혔다. 회사는 웨이퍼를 만든다.\n"
    first, second = (headline, body) if where == "headline" else (body, headline)
    (folder / "a.txt").write_text(first, encoding="utf-8")
    (folder / "b.txt").write_text(second, encoding="utf-8")
    db_path = tmp_path / "index.db"
    _index(db_path, folder)
    index = Index.open(db_path, readonly=True)
    try:
        titles = [hit.title for hit in index.search("웨이퍼 sort:rank").articles]
    finally:
        index.close()
    assert titles == ["SK하이닉스, 청주에 웨이퍼 공장 신설", "SK하이닉스, 청주에 반도체 공장 신설"]


def test_a_postgresql_index_of_an_older_schema_meets_the_rebuild_line_since_12_changed_its_mentions(pg_server, tmp_path):
    """Schema 12 stores mentions without their surface and with a numeric part on PostgreSQL too (the query side's
    SQL is shared): an index of 11 (or the 9 and 10 that used to be re-stamped) is refused with the one line that
    says to rebuild, never a traceback; today's answers as before."""
    import subprocess

    import psycopg

    from conftest import HANSCOPE, ROOT, SEEDS

    uri = pg_server()
    run = lambda *args: subprocess.run([*HANSCOPE, *args, "--db", uri], capture_output=True, text=True, timeout=300,
                                       cwd=ROOT)
    assert run("index", str(SEEDS), "--workers", "0").returncode == 0
    before = run("search", "삼성전자", "--json")
    assert before.returncode == 0 and "삼성전자" in before.stdout
    for version in ("11", "10", "9"):
        with psycopg.connect(uri, autocommit=True) as conn:
            conn.execute("UPDATE meta SET value = %s WHERE key = 'schema_version'", [version])
        proc = run("search", "삼성전자", "--json")
        assert proc.returncode == 2 and f"old schema ({version})" in proc.stderr and "Traceback" not in proc.stderr


def test_a_build_resumed_after_an_interruption_is_compacted_when_it_ends(tmp_path, monkeypatch):
    """A first build stopped after its last commit (Ctrl-C, a laptop asleep, kill -9) and resumed: the run that
    ends it added only a fifth of the articles, yet the index has never been compacted, so it is; an addition
    after that is not (it grew by one article, not by half)."""
    corpus = write_corpus(tmp_path / "news", 50)
    first = tmp_path / "first"
    first.mkdir()
    for path in sorted(corpus.rglob("*.txt"))[:40]:
        path.rename(first / path.name)
    db_path = tmp_path / "index.db"
    with monkeypatch.context() as patched:
        patched.setattr(indexer, "_compact", lambda *args: False)  # stopped before it got there
        _index(db_path, first)
    assert not _merged(db_path)
    statements = _index(db_path, corpus)  # the ten left
    assert any(s.strip().upper() == "VACUUM" for s in statements) and _merged(db_path)
    assert not any("'merge'" in s for s in _index(db_path, corpus))  # a re-run over the same files: done already
    more = tmp_path / "more"
    more.mkdir()
    (more / "new.txt").write_text("삼성전자, 평택에 웨이퍼 공장 신설\n[한빛일보=김하늘 기자] 삼성전자가 평택에 월 90만 장의 "
                                  "웨이퍼를 만든다고 3일 밝혔다.\n", encoding="utf-8")
    statements = _index(db_path, more)
    assert any("INSERT INTO articles" in s for s in statements)
    assert not any("VACUUM" in s.upper() or "'merge'" in s for s in statements)


def test_without_room_for_the_copies_a_first_build_is_merged_but_not_vacuumed(tmp_path, monkeypatch):
    """VACUUM needs about the file's size three times over; with less free space it is not tried at all. The
    search table's segments are still merged into one (in steps: it needs little room), with the same answers."""
    import shutil
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    real = shutil.disk_usage
    room = {"free": 0}

    def disk_usage(path):
        total = real(path).total
        return usage(total, total - room["free"], room["free"])

    monkeypatch.setattr(shutil, "disk_usage", disk_usage)
    corpus = write_corpus(tmp_path / "news", 40)
    room["free"] = 100_000  # less than three times the index
    tight = tmp_path / "tight.db"
    statements = _index(tight, corpus)
    assert tight.stat().st_size * 3 > room["free"]
    assert any("INSERT INTO articles" in s for s in statements)
    assert not any("VACUUM" in s.upper() for s in statements)
    assert _merged(tight)
    room["free"] = 10 * 1024 ** 3
    roomy = tmp_path / "roomy.db"
    assert any(s.strip().upper() == "VACUUM" for s in _index(roomy, corpus))
    assert _answers(tight) == _answers(roomy)


def test_kill_9_at_any_moment_of_a_compaction_leaves_a_sound_index_with_the_same_answers(tmp_path, monkeypatch):
    """Compaction rewrites the whole file: killed before, during or after its merge steps and VACUUM, the index
    opens, passes SQLite's integrity check and answers as before (each is one transaction through the WAL)."""
    import shutil
    import subprocess
    import sys
    import time

    from conftest import ROOT

    monkeypatch.setattr(indexer, "COMPACT_SHARE", float("inf"))
    base = tmp_path / "base.db"
    _index(base, write_corpus(tmp_path / "news", 150))  # not compacted; closed, so the file is whole
    pristine = tmp_path / "pristine.db"
    shutil.copy(base, pristine)
    answers = _answers(base)
    script = ("import sys; from store.db import connect; from store import indexer; conn = connect(sys.argv[1]); "
              "print('go', flush=True); print(indexer._compact(conn, 1, 1), flush=True)")
    outcomes = []
    for delay in (0.0, 0.002, 0.005, 0.01, 0.02, 0.04, 0.08, None):  # None: let it finish
        copy = tmp_path / f"killed-{delay}.db"
        shutil.copy(pristine, copy)
        proc = subprocess.Popen([sys.executable, "-c", script, str(copy)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert proc.stdout.readline().strip() == "go"
        if delay is not None:
            time.sleep(delay)
            proc.kill()
        outcomes.append(proc.communicate(timeout=120)[0].strip())
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        assert _answers(copy) == answers, delay
    assert outcomes[-1] == "True"  # the comparison covered a compacted file too
