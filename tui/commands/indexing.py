"""`hanscope index`: build or update an index from files and folders, with a progress bar on a terminal and
what each saved search gained."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import click

from store.backends import is_server, masked
from store.db import DatabaseError
from store.model import to_json

from ..quick import EXIT_NOT_FOUND, QueryError, db_target, open_index
from .common import console, db_option, emit_json, json_option, plural, rich_text


def build_index(db_path: Path, paths: list[Path], *, prune: bool = False, workers: int | None = None,
                analyzer: bool = False, show_progress: bool = True):
    """Index `paths` into `db_path` with a progress bar on a terminal; returns the summary."""
    from store.backends import connect

    try:
        db = connect(db_path, create=True)
    except DatabaseError as err:
        raise QueryError(str(err)) from None
    try:
        return _index_with_progress(db, paths, prune=prune, workers=workers, analyzer=analyzer,
                                    show_progress=show_progress)
    except DatabaseError as err:  # disk full, read-only file, a server gone: what was committed stays
        raise QueryError(f"{masked(db_path)}: {err}") from None
    finally:
        db.close()


def _index_with_progress(db, paths: list[Path], *, prune: bool, workers: int | None, analyzer: bool, show_progress: bool):
    if getattr(db, "backend", "sqlite") == "postgres":
        from store.backends.postgres.indexer import index_paths
    else:
        from store.indexer import index_paths

    if not (show_progress and sys.stderr.isatty()):
        return index_paths(db, paths, prune=prune, workers=workers, use_analyzer=analyzer)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("[bold]indexing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.fields[current]}", markup=False), console=console(stderr=True), transient=True,
    ) as bar:
        task = bar.add_task("index", total=None, current="")

        def report(done: int, total: int, current: str) -> None:
            bar.update(task, completed=done, total=total, current=rich_text(Path(current).name).plain if current else "")

        return index_paths(db, paths, prune=prune, workers=workers, use_analyzer=analyzer, progress=report)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--prune", is_flag=True, help="Remove articles whose files are gone.")
@click.option("--workers", type=click.IntRange(0, 64), default=None, help="Extraction processes (0: in-process).")
@click.option("--analyzer/--no-analyzer", default=False, show_default=True,
              help="Also propose names with the Kiwi morphological analyzer (about 6x slower; pip install 'hanscope[analyzer]').")
@json_option
def index(paths: tuple[Path, ...], db: Path | str | None, prune: bool, workers: int | None, analyzer: bool, as_json: bool) -> None:
    """Index files and folders (recursive). Unchanged files are skipped; changed ones replaced.

    \b
    hanscope index seeds/
    hanscope index ~/news --prune --json
    """
    if analyzer and importlib.util.find_spec("kiwipiepy") is None:
        raise QueryError("--analyzer needs kiwipiepy: pip install 'hanscope[analyzer]'")
    db_path = db_target(db)
    last_id = _last_article_id(db_path)
    summary = build_index(db_path, list(paths), prune=prune, workers=workers, analyzer=analyzer,
                          show_progress=not as_json)
    gains = open_index(db_path).saved_gains(last_id) if summary.articles_added else []
    if as_json:
        emit_json({"db": masked(db_path), **to_json(summary),
                    "saved_searches": [{"name": name, "new_articles": n} for name, n in gains]})
    else:
        _print_summary(db_path, summary)
        for name, n in gains:
            console(stderr=True).print(rich_text(f"  saved search {name!r}: " + (
                "its query no longer reads" if n < 0 else f"{n} new article{'' if n == 1 else 's'}")))
    if summary.files_seen == 0:
        raise QueryError("no article files found (.txt .md .html .htm .json .jsonl)", EXIT_NOT_FOUND)
    if summary.files_failed == summary.files_seen:  # a script must not read "0" as "indexed"
        raise QueryError(f"nothing indexed: {plural(summary.files_seen, 'file')} seen, every one failed",
                         EXIT_NOT_FOUND)


def _last_article_id(db_path: Path | str) -> int:
    """The highest article id before an index run (ids only grow): articles above it are new."""
    if not is_server(db_path) and not db_path.is_file():
        return 0
    try:
        return open_index(db_path)._rows("SELECT coalesce(max(id), 0) FROM articles")[0][0]
    except QueryError:
        return 0  # not an index yet, or unusable: build_index says why


def _print_summary(db_path: Path | str, s) -> None:
    out = console(stderr=True)
    out.print(
        f"{plural(s.files_seen, 'file')}: {s.files_indexed} indexed, {s.files_unchanged} unchanged, {s.files_failed} failed"
        + (f", {s.files_pruned} pruned" if s.files_pruned else "")
        + f" · {plural(s.articles_total, 'article')}, {plural(s.entities_total, 'entity', 'entities')}, "
        + plural(s.numbers_total, "number")
        + f" · {s.seconds:.1f}s → {masked(db_path)}",
        markup=False,
    )
    for p in s.failed:
        out.print(rich_text(f"  failed  {p.path}: {p.reason}"), style="red")
    for p in s.warnings:
        out.print(rich_text(f"  warning {p.path}: {p.reason}"), style="yellow")
