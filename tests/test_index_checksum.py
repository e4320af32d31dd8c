"""bench/index_checksum.py: the before/after check of indexer speed work. Two builds of the same files give the same
lines; a changed mention, number or search posting changes its own table's line and no other."""
from __future__ import annotations

import importlib.util
import sqlite3
import sys

from conftest import ROOT, SEEDS
from store.db import connect
from store.indexer import index_paths

_spec = importlib.util.spec_from_file_location("index_checksum", ROOT / "bench" / "index_checksum.py")
index_checksum = importlib.util.module_from_spec(_spec)
sys.modules["index_checksum"] = index_checksum
_spec.loader.exec_module(index_checksum)


def _build(path):
    db = connect(path, create=True)
    index_paths(db, [SEEDS], workers=0)
    db.close()
    return path


def test_two_builds_of_the_same_files_checksum_the_same_and_a_changed_row_shows_in_its_table_only(tmp_path):
    one = index_checksum.checksums(str(_build(tmp_path / "one.db")))
    two_path = _build(tmp_path / "two.db")
    assert index_checksum.checksums(str(two_path)) == one  # indexed_at, mtimes and link times are left out
    for table in ("articles", "mentions", "numbers", "entities", "stories", "fts instances", "headings instances"):
        assert one[table][0] > 0, table

    conn = sqlite3.connect(two_path)
    conn.execute('UPDATE mentions SET "end" = "end" + 1 WHERE id = (SELECT min(id) FROM mentions)')
    conn.commit()
    after = index_checksum.checksums(str(two_path))
    assert after["mentions"][0] == one["mentions"][0] and after["mentions"][1] != one["mentions"][1]
    assert {k: v for k, v in after.items() if k != "mentions"} == {k: v for k, v in one.items() if k != "mentions"}

    # a search posting the table rows do not show: the body's tokens for the search table differ
    rowid, = conn.execute("SELECT rowid FROM articles_fts LIMIT 1").fetchone()
    conn.execute("INSERT INTO articles_fts(rowid, body, title) VALUES (?, '90만장', '')", [rowid + 1_000_000])
    conn.commit()
    conn.close()
    changed = index_checksum.checksums(str(two_path))
    assert changed["fts instances"] != after["fts instances"]
    assert changed["articles"] == one["articles"] and changed["numbers"] == one["numbers"]


def test_a_missing_or_broken_file_is_one_line_and_exit_2(tmp_path, capsys):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database" * 100)
    assert index_checksum.main([str(tmp_path / "nowhere.db")]) == 2
    assert index_checksum.main([str(broken)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("cannot read ") for line in err)
