"""What adding a folder to an index writes, table by table: pages changed or added, from the pages themselves.

    python bench/add_writes.py INDEX FOLDER [--keep COPY] [--json]

A copy of INDEX is checkpointed and each of its pages hashed, with the table or index that owns it (SQLite's
dbstat); `hanscope index FOLDER` runs on the copy (the real CLI, this interpreter); the copy is checkpointed and
hashed again. A page that differs, or is new, counts for the table that owns it afterwards. The count does not
depend on the machine's speed or its page cache: it is what an add costs on a big index, where each such page is
read cold and written twice (the log, then the checkpoint). INDEX itself is only read.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def snapshot(path: Path) -> tuple[int, dict[int, str], list[bytes]]:
    """(page size, {page number: owning table or index}, [hash of each page]) of the file, checkpointed first."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        owners = dict(conn.execute("SELECT pageno, name FROM dbstat"))
    finally:
        conn.close()
    hashes = []
    with open(path, "rb") as f:
        while page := f.read(page_size):
            hashes.append(hashlib.blake2b(page, digest_size=8).digest())
    return page_size, owners, hashes


def page_changes(before: list[bytes], owners: dict[int, str], hashes: list[bytes]) -> dict[str, dict[str, int]]:
    """{owner: {"changed": n, "new": n}} of the pages whose hash differs from `before` or that are new, by their
    owner afterwards (freed pages: "(free)")."""
    changed, new = Counter(), Counter()
    for number, digest in enumerate(hashes):
        if number < len(before) and before[number] == digest:
            continue
        owner = owners.get(number + 1, "(free)")
        (changed if number < len(before) else new)[owner] += 1
    return {owner: {"changed": changed[owner], "new": new[owner]} for owner in changed | new}


def measure(index: Path, folder: Path, copy: Path) -> dict:
    shutil.copyfile(index, copy)
    if Path(f"{index}-wal").exists():  # a copy without its log would miss the last commits
        shutil.copyfile(f"{index}-wal", f"{copy}-wal")
    _, _, before = snapshot(copy)
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "tui", "index", str(folder), "--db", str(copy), "--json"],
                         cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if run.returncode != 0:
        raise SystemExit(f"hanscope index failed ({run.returncode}): {run.stderr.strip()[-500:]}")
    page_size, owners, after = snapshot(copy)
    tables = page_changes(before, owners, after)
    total = sum(t["changed"] + t["new"] for t in tables.values())
    return {"index": str(index), "folder": str(folder), "seconds": round(seconds, 1), "page_size": page_size,
            "pages_before": len(before), "pages_after": len(after), "pages_written": total,
            "mb_written": round(total * page_size / 1e6, 1), "summary": _json_or_text(run.stdout),
            "tables": dict(sorted(tables.items(), key=lambda item: -(item[1]["changed"] + item[1]["new"])))}


def _json_or_text(text: str):
    try:
        return json.loads(text)
    except ValueError:
        return text.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--keep", type=Path, help="where the copy goes (kept); else a temporary file")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    if not args.index.is_file():
        parser.error(f"no index file at {args.index}")
    if not args.folder.is_dir():
        parser.error(f"no folder at {args.folder}")
    with tempfile.TemporaryDirectory(dir=args.keep.parent if args.keep else None) as scratch:
        result = measure(args.index, args.folder, args.keep or Path(scratch) / "copy.db")
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(f"{result['pages_written']:,} pages written ({result['mb_written']:,} MB) adding {args.folder} to "
          f"{args.index} ({result['pages_before']:,} pages before, {result['pages_after']:,} after; "
          f"{result['seconds']} s)")
    for owner, pages in result["tables"].items():
        print(f"{pages['changed'] + pages['new']:9,}  changed {pages['changed']:9,}  new {pages['new']:9,}  {owner}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
