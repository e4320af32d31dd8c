"""What every command shares: the --db and --json options, and output that is whole in a pipe and readable on a
terminal (tables, JSON, untrusted text made literal)."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from store.backends import check_target, uri_scheme
from store.db import DatabaseError
from store.model import to_json


def console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 article`, `2 articles`, `1 entity`, `3 entities`."""
    return f"{count:,} {word if count == 1 else words or word + 's'}"


def to_terminal() -> bool:
    return sys.stdout.isatty()


def cell(value) -> str:
    """One TSV cell: whole, on one line (tabs and newlines inside become spaces), escape bytes made inert."""
    from store.ingest.decode import sanitize

    return re.sub(r"[\t\r\n]+", " ", sanitize("" if value is None else str(value)))


def print_table(header: list[str], rows: list[list], *, right: tuple[str, ...] = (), styles: dict[str, str] | None = None) -> None:
    """A table on stdout: one whole record per tab-separated line in a pipe (grep, cut and sort work on it); on a
    terminal, columns that wrap inside their cells without dropping a character."""
    if not to_terminal():
        click.echo("\n".join("\t".join(cell(c) for c in line) for line in [header, *rows]))
        return
    from rich.table import Table

    table = Table(box=None)
    for name in header:
        table.add_column(name, overflow="fold", justify="right" if name in right else "left",
                         style=(styles or {}).get(name, ""))
    for row in rows:
        table.add_row(*(rich_text(cell(c)) for c in row))
    console().print(table)


def day(date: str | None) -> str:
    """A date column in one format (YYYY-MM-DD) although some articles carry a time; --json keeps it whole."""
    return (date or "")[:10]


def emit_json(value) -> None:
    click.echo(json.dumps(to_json(value), ensure_ascii=False, indent=2))


class DbTarget(click.ParamType):
    """An index file (a Path) or a server URI (kept a str: Path would fold its `//` and make it a file name)."""

    name = "PATH|URI"

    def convert(self, value, param, ctx):
        if isinstance(value, Path) or (isinstance(value, str) and uri_scheme(value) is not None):
            try:
                check_target(value)
            except DatabaseError as err:
                self.fail(str(err), param, ctx)
            return value
        return Path(value)


db_option = click.option(
    "--db", type=DbTarget(), default=None,  # a directory is refused by connect(), in one line
    help="Index file, or postgresql://user:password@host/dbname (default: $HANSCOPE_DB or the user data directory).",
)


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")


def rich_text(value: str | None, style: str = ""):
    """Untrusted text as a literal rich Text: never parsed as markup, and without escape sequences or control
    bytes (article text is scrubbed at ingest, but file names are not: `evil\x1b]0;title\x07.txt`)."""
    from rich.text import Text

    from store.ingest.decode import sanitize

    return Text(sanitize(value or ""), style=style)
