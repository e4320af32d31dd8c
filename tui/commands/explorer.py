"""The explorer (the Textual app in tui.app): `hanscope tui`, the default command, in a terminal, and
`hanscope serve` to browsers."""
from __future__ import annotations

from pathlib import Path

import click

from ..launch import open_app
from ..quick import db_target
from .common import db_option


@click.command()
@db_option
@click.option("--entity", "entity_name", default=None, help="Open on this entity's drill-down.")
@click.option("--article", "article_id", type=int, default=None, help="Open on this article.")
@click.option("--compare", "compare_ids", type=int, nargs=2, default=None, help="Open two articles side by side.")
def tui(db: Path | None, entity_name: str | None, article_id: int | None, compare_ids: tuple[int, int] | None) -> None:
    """Open the explorer (the default command; `hanscope FILE` opens that index)."""
    open_app(db, entity=entity_name, article=article_id, compare=tuple(compare_ids) if compare_ids else None)


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
