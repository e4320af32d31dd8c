"""Counts and checksums of an index's contents, to show that a change to the indexer leaves its output as it was.

    python bench/index_checksum.py INDEX.db [--json]

Every table is read whole, its rows sorted, and hashed (sha256 of their reprs), leaving out what differs between
two runs over the same files by nature: when a file was indexed and its mtime, the link timestamps in meta. The
search table and the headings table are contentless, so their postings are hashed instead (every term, row,
column and offset, through fts5vocab). Two indexes built from the same files by two versions of the code print the same lines exactly when
they hold the same articles, mentions, numbers, entities, stories and search postings.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys

VOLATILE_COLUMNS = {"files": {"indexed_at", "mtime"}}
VOLATILE_META = {"linked_at", "indexed_at"}


def checksums(path: str) -> dict[str, tuple[int, str]]:
    """{table: (rows, sha256 prefix)} for every table of the index, and "fts instances" for the search postings."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out: dict[str, tuple[int, str]] = {}
        names = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%' "
            "AND name NOT LIKE 'headings_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for name in names:
            skip = VOLATILE_COLUMNS.get(name, set())
            columns = [row[1] for row in conn.execute("SELECT * FROM pragma_table_info(?)", [name]) if row[1] not in skip]
            select = ", ".join('"' + c.replace('"', '""') + '"' for c in columns)
            rows = conn.execute(f'SELECT {select} FROM "{name}"').fetchall()
            if name == "meta":
                rows = [row for row in rows if row[0] not in VOLATILE_META]
            out[name] = _digest(sorted(map(repr, rows)))
        # the search postings, and the headings' (schema 14) where the file has them: contentless, and their segments
        # differ between two builds of the same files
        for table, name in (("articles_fts", "fts instances"), ("headings_fts", "headings instances")):
            if table == "articles_fts" or conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [table]).fetchone():
                conn.execute(f"CREATE VIRTUAL TABLE temp.vocab_{table} USING fts5vocab(main, '{table}', 'instance')")
                out[name] = _digest(
                    repr(row) for row in conn.execute(f"SELECT term, doc, col, offset FROM temp.vocab_{table} "
                                                      "ORDER BY term, doc, col, offset"))
        return out
    finally:
        conn.close()


def _digest(reprs) -> tuple[int, str]:
    h = hashlib.sha256()
    n = 0
    for text in reprs:
        h.update(text.encode("utf-8", "surrogatepass"))
        h.update(b"\n")
        n += 1
    return n, h.hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    try:
        sums = checksums(args.index)
    except sqlite3.Error as err:
        print(f"cannot read {args.index}: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({k: list(v) for k, v in sums.items()}, indent=1))
    else:
        for name, (rows, digest) in sums.items():
            print(f"{name:24s} {rows:9d} {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
