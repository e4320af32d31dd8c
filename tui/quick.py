"""The console entry point, and `hanscope search` without click or rich.

A search costs SQLite 2-3 ms, but importing click (~40 ms) and rich (~25 ms) made the whole process 3× slower
than `rg -l` over 5,000 articles. So `main()` first reads argv as a plain `search QUERY [--db PATH] [--limit N]
[--offset N] [--json] [--facets]`; the query may start with `-` (`-비트코인 삼성`). Anything else (another command, --help, an option it does not know, a bad value) goes to the click CLI
in `tui.cli`, which owns every usage message. Both paths print through `run_search`, so they cannot drift.

The fast path also turns the garbage collector off (a short process; collections during imports cost ~8 ms) and
leaves with os._exit after flushing (interpreter teardown cost ~14 ms). So this module imports nothing heavy at
the top: tui.cli imports it too, and the store is imported once the collector is off.
"""
from __future__ import annotations

import gc
import os
import sys
from collections import namedtuple
from pathlib import Path

EXIT_NOT_FOUND = 1
EXIT_UNUSABLE = 2
SEARCH_LIMIT = 20  # the default number of articles, for both paths
MAX_SEARCH_LIMIT = 10_000


class QueryError(Exception):
    """A one-line failure with its exit code, printed as `Error: ...` on stderr (as click prints its own)."""

    def __init__(self, message: str, code: int = EXIT_UNUSABLE) -> None:
        super().__init__(message)
        self.code = code


class ReaderLeft(Exception):
    """The reader of stdout closed its end (`hanscope numbers | head`) while a command was still writing: not an
    error (raised in place of BrokenPipeError, which click would turn into exit 1)."""


SearchArgs = namedtuple("SearchArgs", "query db limit as_json offset facets saved",
                        defaults=(None, SEARCH_LIMIT, False, 0, False, None))


def is_option(token: str) -> bool:
    """Whether a command-line word is an option rather than a query: `--limit`, `-h`, but not `-비트코인` or `-SK`
    (a query may start with a minus: the search has no one-letter options besides -h)."""
    return token.startswith("--") or token == "-h"


def parse_search(argv: list[str]) -> SearchArgs | None:
    """`search QUERY [--db PATH] [--limit N] [--offset N] [--json] [--facets]`, or None for click to read (and
    explain) instead."""
    if not argv or argv[0] != "search":
        return None
    query, db, limit, offset, as_json, facets = None, None, SEARCH_LIMIT, 0, False, False
    rest = list(argv[1:])
    while rest:
        token = rest.pop(0)
        name, eq, inline = token.partition("=")
        if name in ("--db", "--limit", "--offset"):
            value = inline if eq else (rest.pop(0) if rest and not is_option(rest[0]) else None)
            if not value:
                return None
            if name == "--db":
                db = value
            elif not (value.isascii() and value.isdigit()):
                return None
            elif name == "--offset":
                offset = int(value)
            elif 1 <= int(value) <= MAX_SEARCH_LIMIT:
                limit = int(value)
            else:
                return None
        elif token == "--json":
            as_json = True
        elif token == "--facets":
            facets = True
        elif is_option(token) or query is not None:
            return None  # -h, an unknown option, `--`, a second QUERY: click says what is wrong
        else:
            query = token
    return SearchArgs(query, db, limit, as_json, offset, facets) if query is not None else None


# The click CLI's commands (tests/test_cli.py checks the list): `hanscope NAME` is a command even when a file NAME exists
COMMANDS = frozenset({"alias", "articles", "compare", "delete-entity", "edits", "entities", "entity", "export-aliases",
                      "import-aliases", "index", "merge", "numbers", "rename", "retype", "search", "serve", "show",
                      "stories", "story", "tui", "undo"})


AppArgs = namedtuple("AppArgs", "db")  # db None: the default index (open_checked rebuilds a stale seeds index)


def parse_app(argv: list[str]) -> AppArgs | None:
    """The index file that bare `hanscope`, `hanscope tui [--db FILE]` or `hanscope FILE` opens, when it exists: the
    app then starts without the click CLI, whose import (~30 ms) was a tenth of the first paint. None for click to
    read: a first run, a server URI, another option, a folder, --help."""
    from store.backends import uri_scheme

    given = True
    if not argv or argv == ["tui"]:
        target, given = db_target(None), False
    elif argv[0] == "tui" and len(argv) <= 3:
        name, eq, inline = argv[1].partition("=")
        if name != "--db" or len(argv) != (2 if eq else 3):
            return None
        target = inline if eq else argv[2]
    elif len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        target = argv[0]
    else:
        return None
    if not target or uri_scheme(str(target)) is not None or not Path(target).is_file():
        return None
    return AppArgs(Path(target) if given else None)


def open_index(db, *, create: bool = False):
    from store.api import Index
    from store.db import DatabaseError, default_db_path

    try:
        return Index.open(db or default_db_path(), create=create)
    except DatabaseError as err:
        raise QueryError(str(err)) from None


def db_target(db: Path | str | None) -> Path | str:
    """--db, else $HANSCOPE_DB or the default file: a Path for SQLite, the URI string for a server."""
    if db is not None:
        return db
    from store.backends import uri_scheme
    from store.db import default_db_path

    default = default_db_path()
    return default if uri_scheme(default) is not None else Path(default)


def run_search(args: SearchArgs) -> None:
    """Print a search on stdout (JSON or lines); QueryError(code 1) when nothing matches, code 2 for a query
    the parser cannot read (the reason and where, in one line)."""
    from store.query import QuerySyntaxError

    index = open_index(args.db)
    query = args.query
    if args.saved is not None:
        query = index.saved_searches().get(args.saved)
        if query is None:
            known = ", ".join(sorted(index.saved_searches())) or "none yet"
            raise QueryError(f"no saved search named {args.saved!r} (saved: {known})")
    try:
        # JSON always carries the facets (scripts want the whole answer); a terminal shows them on request
        result = index.search(query, limit=args.limit, offset=args.offset, facets=args.as_json or args.facets)
    except QuerySyntaxError as err:
        raise QueryError(f"cannot read the query: {err}") from None
    if args.as_json:
        import json

        from store.model import to_json

        print(json.dumps(to_json(result), ensure_ascii=False, indent=2))
    else:
        print_search(result, Style.for_stream(sys.stdout))
    if not (result.articles or result.entities or result.numbers):
        said = [*result.notes, *([result.hint] if result.hint else [])]
        why = f" ({'; '.join(said)})" if said else ""
        past = f" past the first {result.total_articles}" if result.total_articles else ""
        raise QueryError(f"nothing matches {query!r}{past}{why}", EXIT_NOT_FOUND)


class Style:
    """Bold, dim and reverse as SGR codes on a terminal, nothing in a pipe (NO_COLOR and TERM=dumb respected).

    Every piece of text goes through `sanitize`: a title or file name with escape bytes prints them inert."""

    def __init__(self, on: bool) -> None:
        from store.ingest.decode import sanitize

        self.on = on
        self.sanitize = sanitize

    @classmethod
    def for_stream(cls, stream) -> Style:
        is_tty = getattr(stream, "isatty", lambda: False)()
        return cls(is_tty and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb")

    def __call__(self, text: str, sgr: str = "") -> str:
        text = self.sanitize(text)
        return f"\x1b[{sgr}m{text}\x1b[0m" if self.on and sgr and text else text

    def bold(self, text: str) -> str:
        return self(text, "1")

    def dim(self, text: str) -> str:
        return self(text, "2")

    def marked(self, text: str, spans: list[tuple[int, int]]) -> str:
        """`text` with each (start, end) span in reverse video."""
        out, at = [], 0
        for start, end in sorted(spans):
            if start < at:
                continue
            out += [self(text[at:start]), self(text[start:end], "7")]
            at = end
        return "".join(out) + self(text[at:])


def print_search(result, style: Style) -> None:
    lines = []
    if result.entities:
        lines.append(style.bold("entities"))
        for e in result.entities:
            mentions, articles = ("mention" if e.mentions == 1 else "mentions"), ("article" if e.articles == 1 else "articles")
            lines.append(f"  {e.type:<8} {style.bold(e.name)}  {e.mentions} {mentions} in {e.articles} {articles}  ({e.how})")
    if result.instead is not None:
        lines.append(style.dim(result.instead.note))
    if result.articles:
        shown = len(result.articles)
        more = "" if shown == result.total_articles else \
            f", {result.offset + 1}–{result.offset + shown} shown, sorted by {result.sort}"
        lines.append(f"{style.bold('articles')} ({result.total_articles}{more})")
        for a in result.articles:
            title, where = a.title or os.path.basename(a.source), f"{a.outlet or ''} {(a.date or '')[:10]}"  # one date format
            lines.append(f"  {a.id:>5}  {style.bold(title)}  {style.dim(where)}")
            lines.append("         " + style.marked(a.snippet, list(a.highlights)))
    elif result.entities or result.numbers:  # else nothing matched at all: one line on stderr (run_search)
        # said, not left out: entity lines alone read as if the articles were missing from the output
        past = f", none past {result.offset}" if result.total_articles else ""
        lines.append(f"{style.bold('articles')} ({result.total_articles}{past})")
    if result.numbers:
        from store.extract.amount_format import plain_number  # (3.5%: rounded to a whole number it read 4)

        lines.append(style.bold("numbers"))
        for n in result.numbers:
            lines.append(f"  {style.bold(n.raw)}  {plain_number(n.value)} {n.unit}  {style.dim(n.context[:80])}")
    if result.facets is not None:
        f = result.facets
        for name, pairs in (("outlets", f.outlet), ("months", f.month),
                            ("entities", [(f"{e[0]} ({e[1]})", e[2]) for e in f.entity])):
            if pairs:
                lines.append(f"{style.bold(name)}  " + " · ".join(f"{style(str(k))} {n}" for k, n in pairs[:12]))
    for note in result.notes:
        lines.append(style.dim(f"note: {note}"))
    if result.hint and lines:  # with nothing else to print it goes with the error line (run_search)
        lines.append(style.dim(f"hint: {result.hint}"))
    if lines:
        print("\n".join(lines))


def finish(run) -> int:
    """run()'s exit code; Ctrl-C is 130 and any failure one line on stderr, never a traceback."""
    try:
        return run() or 0
    except QueryError as err:
        print(f"Error: {err}", file=sys.stderr)
        return err.code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except (BrokenPipeError, ReaderLeft):  # the reader left (`hanscope search x | head -1`): not an error; drop
        # what is buffered
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as err:  # a bug must still end in one line
        from store.db import DatabaseError

        if isinstance(err, DatabaseError):  # a server that went away mid-command: its one line, credentials masked
            print(f"Error: {err}", file=sys.stderr)
            return EXIT_UNUSABLE
        print(f"hanscope: internal error: {type(err).__name__}: {err}", file=sys.stderr)
        return EXIT_UNUSABLE


def main() -> None:
    args = parse_search(sys.argv[1:])
    app = parse_app(sys.argv[1:]) if args is None else None
    if app is not None:
        from . import gc_pause

        gc_pause.hold_startup()  # until the first paint: the app's imports are most of it
        from .launch import open_app

        sys.exit(finish(lambda: open_app(app.db)))
    if args is None:
        from .cli import main as click_main

        click_main()
        return
    gc.disable()
    code = finish(lambda: run_search(args))
    flushed = finish(sys.stdout.flush)  # a broken pipe may surface only here
    sys.stderr.flush()
    os._exit(code or flushed)
