"""Opening the explorer on an index: the checks before the app starts, with no click (see tui.quick: bare
`hanscope` on an index that exists starts without the click CLI's import)."""
from __future__ import annotations

import sys
from pathlib import Path

from store.backends import is_server

from .quick import QueryError, db_target, open_index


def open_checked(db: Path | None):
    """The app's index (building the seeds' on a first run), opened once here so that a file that is not an index
    fails with one clear line before the app starts. It stays open while the app runs: closing the last
    connection to a SQLite file in WAL mode checkpoints it and removes its -wal and -shm files, which the app's
    own connections then made again (two opens and closes cost 20-60 ms of the first paint at 100k)."""
    checked = open_index(db) if db is not None and (is_server(db) or db.exists()) else None
    try:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):  # else Textual waits on a pipe, busy, forever
            where = "input" if not sys.stdin.isatty() else "output"
            raise QueryError(f"the app needs a terminal, and its {where} is not one; in scripts use the commands "
                             "(hanscope search, entity, numbers … --json)")
        path = db_target(db)
        if checked is None:
            if db is None and not is_server(path) and stale_seeds_index(path):
                print(f"{path} holds only the bundled seeds, in an older hanscope's format: indexing them again",
                      file=sys.stderr)
                path.unlink()
                for extra in ("-wal", "-shm"):
                    Path(f"{path}{extra}").unlink(missing_ok=True)
            if not is_server(path) and not path.exists():
                if db is not None:
                    raise QueryError(f"no index at {path}: build one with `hanscope index FOLDER --db {path}`")
                print(f"First run: indexing the bundled seed articles into {path}", file=sys.stderr)
                from hanscope_seeds import folder as seeds_folder

                from .commands.indexing import build_index

                try:
                    build_index(path, [seeds_folder()])
                except BaseException:
                    # an index left empty by a failed build would open as "0 articles" ever after: the seeds' index
                    # is theirs alone, so it goes, and the next bare `hanscope` builds it again
                    for leftover in ("", "-wal", "-shm", "-indexing"):
                        Path(f"{path}{leftover}").unlink(missing_ok=True)
                    raise
            checked = open_index(path)
        return path, checked
    except BaseException:
        if checked is not None:
            checked.close()
        raise


def stale_seeds_index(path: Path) -> bool:
    """Whether the default index is one bare `hanscope` built from the bundled seeds under an older schema: rebuilt
    by itself (nothing of the user's is lost; their own corpus's index gets the "old schema: rebuild" message)."""
    import sqlite3

    from hanscope_seeds import folder as seeds_folder
    from store.db import SCHEMA_VERSION

    if not path.is_file():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            version = int(conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])
            # every file's path only for an old schema: bare `hanscope` on a big default index read them all
            files = [row[0] for row in conn.execute("SELECT path FROM files")] if version < SCHEMA_VERSION else []
        conn.close()
    except (sqlite3.Error, TypeError, ValueError):
        return False  # not an index of ours: open_index says what it is
    seeds = Path(seeds_folder()).resolve()
    return bool(files) and all(Path(f).resolve().is_relative_to(seeds) for f in files)


def open_app(db: Path | None, entity: str | None = None, article: int | None = None,
             compare: tuple[int, int] | None = None) -> None:
    """Check the index, then run the app on it until the person quits."""
    path, checked = open_checked(db)
    try:
        from tui.app import run_app

        run_app(path, entity=entity, article=article, compare=compare)
    finally:
        checked.close()
