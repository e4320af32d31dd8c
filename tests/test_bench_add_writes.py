"""bench/add_writes.py: the pages an add writes, attributed to their tables, on a real index and the real CLI."""
from __future__ import annotations

import hashlib
import importlib.util
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

spec = importlib.util.spec_from_file_location("add_writes", ROOT / "bench" / "add_writes.py")
add_writes = importlib.util.module_from_spec(spec)
sys.modules["add_writes"] = add_writes
spec.loader.exec_module(add_writes)


def test_pages_differing_or_new_count_for_their_owner_after():
    before = [b"a", b"b", b"c"]
    owners = {1: "articles", 2: "numbers", 3: "mentions", 4: "numbers"}
    assert add_writes.page_changes(before, owners, [b"a", b"B", b"c", b"d"]) == {"numbers": {"changed": 1, "new": 1}}
    assert add_writes.page_changes([b"a", b"b"], {1: "articles"}, [b"a", b"x"]) == {"(free)": {"changed": 1, "new": 0}}


def test_an_add_is_measured_on_a_copy_and_a_second_add_of_the_same_files_writes_little(tmp_path):
    from store.db import connect
    from store.indexer import index_paths

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    for number, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        shutil.copy(path, first if number < 3 else second)
    index = tmp_path / "index.db"
    db = connect(index, create=True)
    index_paths(db, [first], workers=0)
    db.close()
    digest = hashlib.sha256(index.read_bytes()).hexdigest()

    copy = tmp_path / "copy.db"
    added = add_writes.measure(index, second, copy)
    assert hashlib.sha256(index.read_bytes()).hexdigest() == digest  # the index itself is only read
    tables = added["tables"]
    assert added["pages_written"] == sum(t["changed"] + t["new"] for t in tables.values()) > 0
    assert {"articles", "articles_fts_data", "mentions", "numbers"} <= set(tables)
    assert added["summary"]["files_indexed"] == 2

    again = add_writes.measure(copy, second, tmp_path / "again.db")  # the same two files: unchanged, skipped
    assert again["summary"]["files_indexed"] == 0
    assert again["pages_written"] < added["pages_written"] / 4 and "articles" not in again["tables"]
