"""The write path: two indexers on one file, batches, the linker's worker processes, re-runs over unchanged files.

Every case indexes real generated Korean articles (tests/test_faults.py's corpus) and looks at the SQLite file.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
import sqlite_utils

from conftest import HANSCOPE, ROOT
from store.db import connect
from store.indexer import index_paths
from test_faults import MARKER, article_text, assert_indexed_exactly_once, files_written, write_corpus


def _table(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


MENTION_ROWS = 'SELECT entity_id, article_id, part, paragraph, start, "end", surface FROM mention_texts ORDER BY id'


def _holds_flock(pid: int) -> bool:
    """Whether process `pid` holds an flock, read from /proc/locks without taking one (a probe with flock itself
    could make the indexer wait on the test). The lock file alone is not enough: it exists from the indexer's
    open(), and a first run stopped between that and its flock let the second take the lock (a CI failure)."""
    lines = Path("/proc/locks").read_text().splitlines()
    return any(fields[1:2] == ["FLOCK"] and fields[4:5] == [str(pid)] for fields in map(str.split, lines))


def test_two_index_runs_on_one_file_both_finish_and_index_each_file_once(tmp_path):
    """Issue 15: the second run used to die with `UNIQUE constraint failed: entities.name`. Now it waits for the
    first (one line on stderr), then finds every file indexed. The first is stopped from the moment it holds the lock
    until the second says it waits: timed instead, the first (600 files, ~2 s) sometimes finished before a second
    started on a loaded machine had come to the lock, and nothing was tested."""
    import signal

    if not Path("/proc/locks").exists():
        pytest.skip("needs /proc/locks (Linux) to see when the first run holds its lock")
    count = 200
    corpus = write_corpus(tmp_path / "news", count)
    db_path = tmp_path / "index.db"
    command = [*HANSCOPE, "index", str(corpus), "--db", str(db_path), "--workers", "0", "--no-analyzer", "--json"]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    deadline = time.monotonic() + 60
    while not _holds_flock(first.pid) and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    first.send_signal(signal.SIGSTOP)
    wait_line = "another `hanscope index` is writing"
    err2_path = tmp_path / "second.err"
    try:
        with open(err2_path, "w") as err2_file:
            second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err2_file, text=True, cwd=ROOT)
        # it may first wait on SQLite, if the first stopped inside a transaction: then the first must go on
        deadline = time.monotonic() + 20
        while wait_line not in err2_path.read_text() and second.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        first.send_signal(signal.SIGCONT)
    out1, err1 = first.communicate(timeout=180)
    out2, _ = second.communicate(timeout=180)
    err2 = err2_path.read_text()

    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    assert "Traceback" not in err1 + err2 and "IntegrityError" not in err1 + err2
    waited = [line for line in err2.splitlines() if wait_line in line]
    assert len(waited) == 1 and str(db_path) in waited[0], err2
    assert json.loads(out1)["files_indexed"] == count
    assert json.loads(out2)["files_unchanged"] == count  # the second found the first one's work done
    assert_indexed_exactly_once(db_path, count)
    assert not Path(f"{db_path}-indexing").exists()  # the lock file goes with the run that made it


def test_a_run_killed_while_holding_the_lock_does_not_block_the_next(tmp_path):
    import signal

    corpus = write_corpus(tmp_path / "news", 150)
    db_path = tmp_path / "index.db"
    command = [*HANSCOPE, "index", str(corpus), "--db", str(db_path), "--workers", "0", "--no-analyzer", "--json"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + 60
    while files_written(db_path) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert rerun.returncode == 0, rerun.stderr
    assert "another `hanscope index`" not in rerun.stderr  # the dead run's lock went with it
    assert_indexed_exactly_once(db_path, 150)


def test_files_are_committed_in_growing_batches_and_a_failed_batch_leaves_whole_files(tmp_path):
    """Batches start at one file and double: a reader sees the first file at once; a write that fails in the middle
    of a batch loses that batch only, never part of a file."""
    from store import batch_writer, indexer
    from store.results import IndexSummary

    corpus = write_corpus(tmp_path / "news", 40)
    db_path = tmp_path / "index.db"
    conn = connect(db_path, create=True)
    seen: list[int] = []
    original = batch_writer.BatchWriter.commit

    def commit_and_count(self) -> None:
        original(self)
        seen.append(self.committed)

    batch_writer.BatchWriter.commit = commit_and_count
    try:
        summary = indexer.index_paths(conn, [corpus], workers=0)
    finally:
        batch_writer.BatchWriter.commit = original
    conn.close()
    assert summary.articles_added == 40 and summary.files_indexed == 40
    assert seen[:4] == [1, 3, 7, 15]
    assert_indexed_exactly_once(db_path, 40)

    # a batch that cannot commit: rolled back whole, the batches before it stay
    conn = connect(tmp_path / "other.db", create=True)
    writer = batch_writer.BatchWriter(conn, IndexSummary())
    extracted = [indexer._extract_or_report(indexer.shared_extractor(False).extract_file, str(p))
                 for p in sorted(corpus.rglob("*.txt"))[:3]]
    writer.add(extracted[0], "a" * 32, 1, 0.0)  # commits alone (the first batch is one file)
    writer.add(extracted[1], "b" * 32, 1, 0.0)
    writer.rollback()  # as when the second batch fails
    assert writer.committed == 1
    assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 1
    conn.close()


def test_the_time_between_commits_doubles_up_to_a_bound(tmp_path, monkeypatch):
    """A slow run (a loaded machine, a big index) commits after one second at first, then two, four, up to eight:
    each commit into a big index rewrites most leaves of its randomly keyed B-trees, and a commit every second made
    19 of them for 1,000 files added to 100k. Readers still see the first file at once and news every 8 s."""
    from store import batch_writer, indexer
    from store.results import IndexSummary

    corpus = write_corpus(tmp_path / "news", 40)
    extracted = [indexer._extract_or_report(indexer.shared_extractor(False).extract_file, str(p))
                 for p in sorted(corpus.rglob("*.txt"))]
    now = [0.0]
    monkeypatch.setattr(indexer.time, "perf_counter", lambda: now[0])
    conn = connect(tmp_path / "index.db", create=True)
    writer = batch_writer.BatchWriter(conn, IndexSummary())
    commits: list[tuple[int, float]] = []
    for i, item in enumerate(extracted):
        now[0] += 0.6  # each file takes 0.6 s to come: batches close on time, not on their size
        writer.add(item, f"{i:032x}", 1, 0.0)
        if writer.committed != (commits[-1][0] if commits else 0):
            commits.append((writer.committed, now[0]))
    writer.commit()
    conn.close()
    assert commits[0] == (1, 0.6)  # the first file is readable at once
    gaps = [b[1] - a[1] for a, b in zip(commits, commits[1:])]
    assert max(gaps) <= batch_writer.BATCH_SECONDS_MAX + 0.6 and gaps[-1] >= 4  # later batches stay open longer ...
    assert len(commits) <= 8  # ... so 40 files over 24 s commit 7 times, not 20
    assert_indexed_exactly_once(tmp_path / "index.db", 40)


def test_numbers_that_restate_another_point_at_it_by_id(tmp_path):
    """Numbers go in with one executemany and ids given in Python: 5,000억 달러(약 700조원) still links the
    conversion to the amount it restates."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "오픈AI, 스타게이트에 5000억 달러 투자\n[한빛일보=김민수 기자] 오픈AI는 5000억 달러(약 700조원)를 들여 "
        "데이터센터를 짓는다고 밝혔다. 삼성전자는 월 90만장의 웨이퍼를 공급한다.\n", encoding="utf-8")
    db_path = tmp_path / "index.db"
    conn = connect(db_path, create=True)
    from store.indexer import index_paths

    index_paths(conn, [folder], workers=0)
    rows = conn.execute("SELECT n.raw, n.unit, c.raw FROM numbers n LEFT JOIN numbers c ON c.id = n.converts "
                        "ORDER BY n.start").fetchall()
    conn.close()
    assert rows == [("5000억 달러", "USD", None), ("약 700조원", "KRW", "5000억 달러"), ("월 90만장", "count", None)]


def test_linking_in_worker_processes_gives_the_same_mentions_as_in_process(tmp_path, monkeypatch):
    from store import linker
    from store.indexer import index_paths

    corpus = write_corpus(tmp_path / "news", 60)
    serial, parallel = tmp_path / "serial.db", tmp_path / "parallel.db"
    conn = connect(serial, create=True)
    index_paths(conn, [corpus], workers=0)
    conn.close()

    monkeypatch.setattr(linker, "PARALLEL_LINK", 10)
    monkeypatch.setattr(linker, "LINK_CHUNK", 7)  # many chunks, more than are in flight at once
    in_process = []
    monkeypatch.setattr(linker, "_match", lambda *args: in_process.append(args) or [])
    conn = connect(parallel, create=True)
    index_paths(conn, [corpus], workers=2)
    conn.close()
    assert in_process == []  # the matching ran in the workers (spawned: they have the real _match), not here

    rows = _table(serial, MENTION_ROWS)
    assert len(rows) > 200
    assert _table(parallel, MENTION_ROWS) == rows
    counts = "SELECT name, mentions, articles FROM entities ORDER BY name"
    assert _table(parallel, counts) == _table(serial, counts)


def test_an_unchanged_file_is_not_read_again_and_a_changed_one_is(tmp_path, monkeypatch):
    """A re-run compares size and mtime first (a million unchanged files in seconds); content is hashed only
    when they differ, and a file touched without a change in content is still unchanged."""
    from store import indexer

    corpus = write_corpus(tmp_path / "news", 12)
    db_path = tmp_path / "index.db"
    conn = connect(db_path, create=True)
    indexer.index_paths(conn, [corpus], workers=0)

    hashed: list[str] = []
    original = indexer._file_hash
    monkeypatch.setattr(indexer, "_file_hash", lambda path: hashed.append(path.name) or original(path))
    again = indexer.index_paths(conn, [corpus], workers=0)
    assert again.files_unchanged == 12 and hashed == []

    files = sorted(corpus.rglob("*.txt"))
    os.utime(files[0], (time.time() + 5, time.time() + 5))  # touched, same bytes
    files[1].write_text(article_text(1).replace(MARKER, "개정기사"), encoding="utf-8")  # edited
    third = indexer.index_paths(conn, [corpus], workers=0)
    assert sorted(hashed) == sorted([files[0].name, files[1].name])
    assert third.files_unchanged == 11 and third.files_indexed == 1
    total = conn.execute("SELECT count(*) FROM articles_fts('\"개정\" + \"정기\" + \"기사\"')").fetchone()[0]
    assert total == 1
    hashed.clear()
    assert indexer.index_paths(conn, [corpus], workers=0).files_unchanged == 12 and hashed == []  # the touch is recorded
    conn.close()


def test_a_re_run_says_a_bad_unchanged_file_failed_once_and_the_summary_adds_up(tmp_path):
    """A file that failed before and has not changed fails again: it is reported once, as failed, not also as
    unchanged (the summary read `2 files: 1 indexed, 1 unchanged, 1 failed`). Every file is counted once."""
    from store import indexer

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "기사.txt").write_text(NAMED_BEFORE, encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")  # an image renamed .txt
    conn = connect(tmp_path / "index.db", create=True)
    first = indexer.index_paths(conn, [folder], workers=0)
    again = indexer.index_paths(conn, [folder], workers=0)
    conn.close()
    assert (first.files_seen, first.files_indexed, first.files_unchanged, first.files_failed) == (2, 1, 0, 1)
    assert (again.files_seen, again.files_indexed, again.files_unchanged, again.files_failed) == (2, 0, 1, 1)
    assert [Path(p.path).name for p in again.failed] == ["photo.txt"] and "PNG" in again.failed[0].reason


def test_a_re_run_over_unchanged_files_resolves_folders_not_files_and_counts_no_big_table(tmp_path, monkeypatch):
    """A re-run over a million unchanged files must take under a minute (issue 14): each file costs one stat,
    not a realpath (an lstat per component of its path, done twice before) and not a row made into a dict;
    the summary's mentions come from the entity counts the linker keeps and its numbers from the count the
    last writing run kept (7M and 3M rows took 3 s to count at 100k). The totals stay exact."""
    from store import indexer
    import store.ingest.readers as readers

    corpus = write_corpus(tmp_path / "news", 24)
    (corpus / "linked.txt").symlink_to(sorted(corpus.rglob("*.txt"))[0])  # the same file twice: indexed once
    conn = connect(tmp_path / "index.db", create=True)
    first = indexer.index_paths(conn, [corpus], workers=0)
    folders = 1 + sum(1 for p in corpus.rglob("*") if p.is_dir())
    counted = lambda table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
    assert (first.mentions_total, first.numbers_total) == (counted("mentions"), counted("numbers")) != (0, 0)

    resolved: list[str] = []
    real = os.path.realpath
    monkeypatch.setattr(readers.os.path, "realpath", lambda p, **kw: resolved.append(str(p)) or real(p, **kw))
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    again = indexer.index_paths(conn, [corpus], workers=0)
    conn.set_trace_callback(None)
    monkeypatch.undo()
    assert (again.files_seen, again.files_unchanged) == (24, 24)  # the link is the file it names: seen once
    assert len(resolved) <= folders + 1, resolved  # each folder, and the one link
    assert not [sql for sql in statements if sql.endswith(("count(*) FROM mentions", "count(*) FROM numbers"))]
    assert (again.mentions_total, again.numbers_total) == (first.mentions_total, first.numbers_total)

    files = sorted(corpus.rglob("*.txt"))
    files[3].unlink()  # writes move the kept count in their own transaction
    files[4].write_text(article_text(4).replace(MARKER, "90만 장 20조원 30억 달러"), encoding="utf-8")
    statements.clear()
    conn.set_trace_callback(statements.append)
    changed = indexer.index_paths(conn, [corpus], workers=0, prune=True)
    conn.set_trace_callback(None)
    assert not [sql for sql in statements if sql.endswith(("count(*) FROM mentions", "count(*) FROM numbers"))]
    assert (changed.files_pruned, changed.files_indexed) == (1, 1)
    assert changed.numbers_total == counted("numbers") != first.numbers_total
    assert changed.mentions_total == counted("mentions") < first.mentions_total
    conn.close()


def test_a_run_writes_with_a_larger_cache_and_fewer_checkpoints_and_gives_the_connection_back(tmp_path):
    """A big index's B-tree pages stay cached between batches, and the log is checkpointed every 64 MB rather than
    at nearly every commit (an add into 100k spent most of its commits copying the same pages again); the
    caller's connection has its own settings back afterwards."""
    from store import indexer

    corpus = write_corpus(tmp_path / "news", 12)
    conn = connect(tmp_path / "index.db", create=True)
    conn.execute("PRAGMA cache_size = -1000")
    seen: list[tuple] = []
    report = lambda done, total, path: seen.append(  # noqa: E731
        (conn.execute("PRAGMA cache_size").fetchone()[0], conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]))
    indexer.index_paths(conn, [corpus], workers=0, progress=report)
    assert seen and set(seen) == {(-indexer.CACHE_KIB, indexer.CHECKPOINT_PAGES)}
    assert (conn.execute("PRAGMA cache_size").fetchone()[0], conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]) \
        == (-1000, 1000)
    conn.close()


NEW_COMPANY_LATER = ("누리칩스, 상장 추진\n[새벽경제=이서연 기자] 반도체 설계업체 누리칩스(NuriChips)는 내년 코스닥 상장을 "
                     "추진한다고 밝혔다. 누리칩스 대표는 성장을 자신했다.\n")
NAMED_BEFORE = ("반도체 협력 확대\n[한빛일보=김민수 기자] 삼성전자는 누리 칩스와 함께 새 공장을 짓는다고 밝혔다. 업계는 "
                "NURICHIPS의 기술력과 누리칩스는 물론 SK하이닉스의 90만장 생산 능력을 높이 평가했다.\n")


@pytest.mark.parametrize("narrowed", [True, False], ids=["full-text-narrowed", "every-text-read"])
def test_an_entity_found_in_new_articles_is_linked_in_old_ones(tmp_path, monkeypatch, narrowed):
    """Adding articles can make a name an entity (누리칩스, with its English name); articles indexed before that
    name it too, in capitals. Only articles whose indexed letters hold a changed name are re-read
    (the full-text index finds them), and they get the same mentions as when every text is read."""
    from store.indexer import index_paths
    from store.linking import touched

    old, new = tmp_path / "old", tmp_path / "new"
    write_corpus(old, 30)
    (old / "named.txt").write_text(NAMED_BEFORE, encoding="utf-8")
    new.mkdir()
    (new / "later.txt").write_text(NEW_COMPANY_LATER, encoding="utf-8")
    db_path = tmp_path / "index.db"
    conn = connect(db_path, create=True)
    index_paths(conn, [old], workers=0)
    assert conn.execute("SELECT count(*) FROM entities WHERE name = '누리칩스'").fetchone()[0] == 0

    reads: list[int] = []
    original_parts = touched.article_parts
    monkeypatch.setattr(touched, "article_parts", lambda *texts: reads.append(1) or original_parts(*texts))
    if not narrowed:
        monkeypatch.setattr(touched, "articles_with_letters_of", lambda *args: None)
    index_paths(conn, [new], workers=0)
    surfaces = conn.execute(
        "SELECT a.source, m.surface FROM mention_texts m JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id "
        "WHERE e.name = '누리칩스' ORDER BY a.id, m.start").fetchall()
    conn.close()
    named_before = [surface for source, surface in surfaces if source.endswith("named.txt")]
    assert named_before == ["NURICHIPS", "누리칩스"]  # (누리 칩스: a space only where a spelling has one)
    # the touched scan read the one old article that names it, not all 31
    assert (len(reads) == 1) if narrowed else (len(reads) == 31)


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads the process table in /proc")
def test_worker_processes_end_when_the_indexer_is_killed(tmp_path):
    """kill -9 leaves the pool no time to stop its workers: they used to wait forever on their queue. Now they
    end within seconds, and a re-run finishes the job."""
    import signal

    count = 160
    corpus = write_corpus(tmp_path / "news", count)
    db_path = tmp_path / "index.db"
    command = [*HANSCOPE, "index", str(corpus), "--db", str(db_path), "--workers", "2", "--no-analyzer", "--json"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None and (len(workers) < 2 or files_written(db_path) < 10):
        workers = _children(proc.pid)
        time.sleep(0.01)
    assert len(workers) >= 2, "the index finished before its workers were seen: make the corpus bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{pid}") for pid in workers):
        time.sleep(0.1)
    alive = [pid for pid in workers if os.path.exists(f"/proc/{pid}")]
    for pid in alive:  # do not leave them behind if the test fails
        os.kill(pid, signal.SIGKILL)
    assert alive == []

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert rerun.returncode == 0, rerun.stderr
    assert_indexed_exactly_once(db_path, count)


# --- the numpy paths of the index's hot loops equal the definitions they replaced ------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from store.extract.matching import Matcher, _squeeze, _squeeze_re  # noqa: E402

SQUEEZE_ALPHABET = st.sampled_from(list("삼성과 SK하이닉스는 오픈AI 90만장 ß İ\u00a0\u3000·・‧∙\t\n-_") + ["😀", "\ud800", "Ⅻ"])


@settings(max_examples=300, deadline=None)
@given(st.lists(SQUEEZE_ALPHABET, min_size=100, max_size=400).map("".join))
def test_the_squeezed_text_and_its_offsets_equal_the_regex_definition(text):
    assert _squeeze(text) == _squeeze_re(text)


def test_mentions_in_a_long_body_are_found_at_their_written_offsets():
    body = ("삼성과 SK 하이닉스는 오픈AI에 웨이퍼 월 90만 장을 공급한다. 아시아·태평양 시장에서 İstanbul 지사도 연다. " * 6).strip()
    matcher = Matcher([(1, ["삼성"]), (2, ["SK하이닉스"]), (3, ["오픈AI"]), (4, ["아시아태평양"])])
    assert len(body) >= 128  # the numpy path
    found = matcher.find(body)
    assert [(body[s:e], eid) for s, e, eid, _ in found[:4]] == [("삼성", 1), ("SK 하이닉스", 2), ("오픈AI", 3), ("아시아·태평양", 4)]
    assert all(body[s:e] == surface for s, e, _, surface in found) and len(found) == 24


def test_record_terms_skips_the_terms_a_run_wrote_and_returns_the_new_ones(tmp_path):
    """The writer remembers the search terms of its committed batches: record_terms neither checks nor inserts them
    again, and hands back what it added (bigrams, bridges, a lone letter; another script's term as its letter's mark)."""
    from store.search_terms import record_terms
    from store.textindex import index_grams

    conn = connect(tmp_path / "terms.db", create=True)
    body, heading = index_grams("삼성과 SK 하이닉스는 90만 장을"), index_grams("오픈AI는 Ελλάδα")
    with conn:
        first = record_terms(conn, [(1, body, heading)])
    assert first == set(body.split()) | set(heading.split()) and {"삼성", "k하_", "_90", "만장_"} <= first  # _90: a number
    stored = {t for (t,) in conn.execute("SELECT term FROM search_terms")}
    assert "삼성" in stored and "ελ" not in stored and "ε*" in stored  # Greek folds otherwise in FTS5: a prefix mark

    conn.execute("DELETE FROM search_terms WHERE term = '삼성'")  # were it checked again, it would come back
    with conn:
        second = record_terms(conn, [(2, index_grams("삼성과 LG전자"), "")], written=first)
    assert second == {"과l_", "lg", "g전", "전자"}  # 삼성, 성과 were written
    stored = {t for (t,) in conn.execute("SELECT term FROM search_terms")}
    assert "삼성" not in stored and {"과l_", "lg", "g전", "전자"} <= stored
    conn.close()


def test_a_run_in_many_batches_lists_every_search_term_once(tmp_path, monkeypatch):
    """With batches of one file, later batches skip the terms earlier ones wrote; the list still holds every term
    of the search table but the outlet tags (no query word expands to one), as a run in one batch makes it."""
    from store import batch_writer

    corpus = write_corpus(tmp_path / "news", 24)
    lists = []
    for name, batch in (("small", 1), ("one", 512)):
        monkeypatch.setattr(batch_writer, "BATCH_FILES", batch)
        path = tmp_path / f"{name}.db"
        db = connect(path, create=True)
        index_paths(db, [corpus], workers=0)
        db.close()
        lists.append(_table(path, "SELECT term FROM search_terms ORDER BY term"))
        vocab = sqlite3.connect(path)
        vocab.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'articles_fts', 'col')")
        terms = {t for (t,) in vocab.execute("SELECT term FROM temp.v WHERE col != 'tags'")}
        vocab.close()
        assert {t for (t,) in lists[-1]} == terms and len(terms) > 200
    assert lists[0] == lists[1]


def test_recencies_are_worked_out_once_per_article_and_an_unknown_id_ranks_undated(seeds_db):
    from store.linking.rows import _recencies
    from store.textindex import recency

    conn = sqlite3.connect(seeds_db)
    dates = dict(conn.execute("SELECT id, date FROM articles"))
    ranks = _recencies(conn, json.dumps(sorted(dates)))
    assert dict(ranks) == {aid: recency(aid, date) for aid, date in dates.items()}
    assert any(dates.values()) and ranks[999_999] == recency(999_999, None)
    conn.close()


def test_a_file_whose_name_is_not_utf8_fails_alone_with_one_line(tmp_path):
    """A name the file system holds as bytes that are not UTF-8 (a zip unpacked from an old Korean Windows: CP949)
    stopped `hanscope index` with an internal error; it is now one failed file, shown with U+FFFD, and the rest is
    indexed."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "삼성과_SK.txt").write_text("삼성과 SK하이닉스가 HBM 공급을 월 90만 장으로 늘린다고 밝혔다.", encoding="utf-8")
    odd = os.path.join(os.fsencode(folder), "삼성전자".encode("cp949") + b".txt")
    with open(odd, "wb") as fh:
        fh.write("오픈AI는 5000억 달러(약 700조원)를 들여 데이터센터를 짓는다.".encode("utf-8"))
    conn = connect(tmp_path / "index.db", create=True)
    try:
        summary = index_paths(conn, [folder], workers=0)
        assert summary.files_indexed == 1 and summary.articles_added == 1
        assert [(Path(p.path).parent, p.reason) for p in summary.failed] == [
            (folder, "its name is not valid UTF-8: rename the file to index it")]
        assert "\ufffd" in summary.failed[0].path and summary.failed[0].path.encode("utf-8")
    finally:
        conn.close()
