"""What every command shares: the --db and --json options, and output that is whole in a pipe and readable on a
terminal (tables, JSON, untrusted text made literal)."""
from __future__ import annotations

import functools
import itertools
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import click

from store.backends import check_target, uri_scheme
from store.db import DatabaseError
from store.model import to_json

from ..quick import ReaderLeft


def quiet_when_the_reader_leaves(write: Callable[..., None]) -> Callable[..., None]:
    """A writer of stdout whose reader may leave mid-stream (`hanscope numbers | head`): the broken pipe ends the
    command quietly with 0 (tui.quick.finish), as for a search, not click's exit 1."""
    @functools.wraps(write)
    def guarded(*args, **kwargs) -> None:
        try:
            write(*args, **kwargs)
        except BrokenPipeError:
            raise ReaderLeft from None
    return guarded


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


def peeked(stream: Iterator) -> Iterator | None:
    """The stream whole, or None when it is empty (a list command says "nothing" without holding its rows)."""
    first = next(stream, None)
    return None if first is None else itertools.chain([first], stream)


STREAM_ROWS = 1000  # rows of a streamed table written (or laid out, on a terminal) at a time


@quiet_when_the_reader_leaves
def print_table(header: list[str], rows: Iterable[list], *, right: tuple[str, ...] = (),
                styles: dict[str, str] | None = None) -> None:
    """A table on stdout: one whole record per tab-separated line in a pipe (grep, cut and sort work on it); on a
    terminal, columns that wrap inside their cells without dropping a character. `rows` may be a stream: it is
    written STREAM_ROWS at a time, never held whole (on a terminal, the columns keep the widths of the first rows)."""
    chunks = (list(itertools.islice(rows_iter, STREAM_ROWS)) for rows_iter in itertools.repeat(iter(rows)))
    if not to_terminal():
        click.echo("\t".join(cell(c) for c in header))
        for chunk in itertools.takewhile(bool, chunks):
            click.echo("\n".join("\t".join(cell(c) for c in line) for line in chunk))
        return
    from rich.table import Table

    out, widths = console(), None
    for number, chunk in enumerate(itertools.chain([next(chunks)], itertools.takewhile(bool, chunks))):
        cells = [[rich_text(cell(c)) for c in row] for row in chunk]
        if number == 0 and len(chunk) == STREAM_ROWS:  # more may follow: every part keeps these widths
            widths = _column_widths(header, cells, out.width)
        table = Table(box=None, show_header=number == 0)  # (fewer rows: one table, its widths its own)
        for i, name in enumerate(header):
            table.add_column(name, overflow="fold", justify="right" if name in right else "left",
                             style=(styles or {}).get(name, ""), width=widths[i] if widths else None)
        for row in cells:
            table.add_row(*row)
        out.print(table)


def _column_widths(header: list[str], cells: list[list], room: int) -> list[int]:
    """Widths for a table printed in parts: each column's widest cell among the first rows, the widest columns
    narrowed one cell at a time until the row fits the terminal (a cell wider than its column folds)."""
    widths = [max([len(name)] + [row[i].cell_len for row in cells]) for i, name in enumerate(header)]
    room -= 2 * len(header)  # a cell of padding on each side of every column (rich's default, box=None)
    while sum(widths) > room and max(widths) > 4:
        widths[widths.index(max(widths))] -= 1
    return widths


def day(date: str | None) -> str:
    """A date column in one format (YYYY-MM-DD) although some articles carry a time; --json keeps it whole."""
    return (date or "")[:10]


@quiet_when_the_reader_leaves
def emit_json(value) -> None:
    click.echo(json.dumps(to_json(value), ensure_ascii=False, indent=2))


@quiet_when_the_reader_leaves
def emit_json_stream(fields: list[tuple[str, object]]) -> None:
    """emit_json of a dict whose values may be streams (iterators, written as lists): the same text, written as the
    items come, so the whole list of a large entity is never held."""
    write = sys.stdout.write
    write("{")
    for number, (key, value) in enumerate(fields):
        write(("," if number else "") + "\n  " + json.dumps(key, ensure_ascii=False) + ": ")
        if isinstance(value, Iterator):
            _write_json_list(value, "  ")
        else:  # a newline inside a JSON string is escaped: these are the layout's
            write(json.dumps(to_json(value), ensure_ascii=False, indent=2).replace("\n", "\n  "))
    write("\n}\n")


@quiet_when_the_reader_leaves
def emit_json_list_stream(items: Iterator) -> None:
    """emit_json of a list given as a stream: the same text, written as the items come."""
    _write_json_list(items, "")
    sys.stdout.write("\n")


def _write_json_list(items: Iterator, pad: str) -> None:
    """A JSON list (indent 2) whose line starts at `pad`, written STREAM_ROWS items at a time (one dumps a batch:
    one an item cost 15% more)."""
    write, empty = sys.stdout.write, True
    while batch := list(itertools.islice(items, STREAM_ROWS)):
        inner = json.dumps(to_json(batch), ensure_ascii=False, indent=2)[2:-2]  # its items, without [ and ]
        write(("[\n" if empty else ",\n") + pad + inner.replace("\n", "\n" + pad))
        empty = False
    write("[]" if empty else "\n" + pad + "]")


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
