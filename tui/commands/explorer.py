"""The explorer (the Textual app in tui.app): `hanscope tui`, the default command, in a terminal, and
`hanscope serve` to browsers."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from store.backends import is_server

from ..quick import QueryError, open_index
from .common import db_option, db_target
from .indexing import build_index


@click.command()
@db_option
@click.option("--entity", "entity_name", default=None, help="Open on this entity's drill-down.")
@click.option("--article", "article_id", type=int, default=None, help="Open on this article.")
@click.option("--compare", "compare_ids", type=int, nargs=2, default=None, help="Open two articles side by side.")
def tui(db: Path | None, entity_name: str | None, article_id: int | None, compare_ids: tuple[int, int] | None) -> None:
    """Open the explorer (the default command; `hanscope FILE` opens that index)."""
    path, checked = open_checked(db)
    try:
        from tui.app import run_app

        run_app(path, entity=entity_name, article=article_id, compare=tuple(compare_ids) if compare_ids else None)
    finally:
        checked.close()


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
                click.echo(f"{path} holds only the bundled seeds, in an older hanscope's format: indexing them again",
                           err=True)
                path.unlink()
                for extra in ("-wal", "-shm"):
                    Path(f"{path}{extra}").unlink(missing_ok=True)
            if not is_server(path) and not path.exists():
                if db is not None:
                    raise QueryError(f"no index at {path}: build one with `hanscope index FOLDER --db {path}`")
                click.echo(f"First run: indexing the bundled seed articles into {path}", err=True)
                from hanscope_seeds import folder as seeds_folder

                build_index(path, [seeds_folder()])
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
            files = [row[0] for row in conn.execute("SELECT path FROM files")]
        conn.close()
    except (sqlite3.Error, TypeError, ValueError):
        return False  # not an index of ours: open_index says what it is
    seeds = Path(seeds_folder()).resolve()
    return version < SCHEMA_VERSION and bool(files) and all(Path(f).resolve().is_relative_to(seeds) for f in files)


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every interface, for a team).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--allow-edits", is_flag=True, help="Allow entity edits, undo and saved searches (read-only without).")
@click.option("--public-url", default=None, help="The address browsers reach the server at, behind a proxy (by "
              "default, whatever address the browser used).")
def serve(db: Path | None, host: str, port: int, allow_edits: bool, public_url: str | None) -> None:
    """Serve the app to browsers (textual-serve): one app per tab, read-only unless --allow-edits."""
    from tui.serve import serve as run_server

    run_server(db_target(db), host=host, port=port, allow_edits=allow_edits, url=public_url)
