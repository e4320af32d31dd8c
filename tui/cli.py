"""The `hanscope` command. Every command takes --db; data commands take --json for scripts.

Exit codes: 0 success, 1 nothing found to act on (a message on stderr), 2 bad usage or an unusable database.
The query commands import only the store's query path: no Textual, no analyzer.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import NoReturn

import click

from store.backends import check_target, is_server, masked, uri_scheme
from store.db import DatabaseError, default_db_path
from store.model import ENTITY_TYPES, to_json

from .quick import EXIT_NOT_FOUND, MAX_SEARCH_LIMIT, SEARCH_LIMIT, QueryError, SearchArgs, finish, open_index, run_search


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def _plural(count: int, word: str, words: str | None = None) -> str:
    """`1 article`, `2 articles`, `1 entity`, `3 entities`."""
    return f"{count:,} {word if count == 1 else words or word + 's'}"


def one_line(message: str) -> str:
    return " ".join(message.split())


def _to_terminal() -> bool:
    return sys.stdout.isatty()


def _cell(value) -> str:
    """One TSV cell: whole, on one line (tabs and newlines inside become spaces), escape bytes made inert."""
    from store.ingest.decode import sanitize

    return re.sub(r"[\t\r\n]+", " ", sanitize("" if value is None else str(value)))


def _print_table(header: list[str], rows: list[list], *, right: tuple[str, ...] = (), styles: dict[str, str] | None = None) -> None:
    """A table on stdout: one whole record per tab-separated line in a pipe (grep, cut and sort work on it); on a
    terminal, columns that wrap inside their cells without dropping a character."""
    if not _to_terminal():
        click.echo("\n".join("\t".join(_cell(c) for c in line) for line in [header, *rows]))
        return
    from rich.table import Table

    table = Table(box=None)
    for name in header:
        table.add_column(name, overflow="fold", justify="right" if name in right else "left",
                         style=(styles or {}).get(name, ""))
    for row in rows:
        table.add_row(*(_text(_cell(c)) for c in row))
    _console().print(table)


def _day(date: str | None) -> str:
    """A date column in one format (YYYY-MM-DD) although some articles carry a time; --json keeps it whole."""
    return (date or "")[:10]


def _emit_json(value) -> None:
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


def _target(db: Path | str | None) -> Path | str:
    """--db, else $HANSCOPE_DB or the default file: a Path for SQLite, the URI string for a server."""
    if db is not None:
        return db
    default = default_db_path()
    return default if uri_scheme(default) is not None else Path(default)


db_option = click.option(
    "--db", type=DbTarget(), default=None,  # a directory is refused by connect(), in one line
    help="Index file, or postgresql://user:password@host/dbname (default: $HANSCOPE_DB or the user data directory).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON on stdout.")


def _text(value: str | None, style: str = ""):
    """Untrusted text as a literal rich Text: never parsed as markup, and without escape sequences or control
    bytes (article text is scrubbed at ingest, but file names are not: `evil\x1b]0;title\x07.txt`)."""
    from rich.text import Text

    from store.ingest.decode import sanitize

    return Text(sanitize(value or ""), style=style)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="hanscope")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Explore a Korean news corpus from the terminal.

    \b
    hanscope                      open the app (builds an index of the bundled seeds on first run)
    hanscope index ~/news         index a folder of .txt/.md/.html/.json/.jsonl articles
    hanscope search 하이닉스       full-text, entity and number search
    hanscope entity 엔비디야       an entity's mentions (typos, initials ㅇㅂㄷㅇ, NVIDIA all work)
    hanscope stories              one row per story: who ran it, who ran it first
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(tui)


# --- indexing ---------------------------------------------------------------------------------


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
        TextColumn("{task.fields[current]}", markup=False), console=_console(stderr=True), transient=True,
    ) as bar:
        task = bar.add_task("index", total=None, current="")

        def report(done: int, total: int, current: str) -> None:
            bar.update(task, completed=done, total=total, current=_text(Path(current).name).plain if current else "")

        return index_paths(db, paths, prune=prune, workers=workers, use_analyzer=analyzer, progress=report)


@cli.command()
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
    db_path = _target(db)
    last_id = _last_article_id(db_path)
    summary = build_index(db_path, list(paths), prune=prune, workers=workers, analyzer=analyzer,
                          show_progress=not as_json)
    gains = open_index(db_path).saved_gains(last_id) if summary.articles_added else []
    if as_json:
        _emit_json({"db": masked(db_path), **to_json(summary),
                    "saved_searches": [{"name": name, "new_articles": n} for name, n in gains]})
    else:
        _print_summary(db_path, summary)
        for name, n in gains:
            _console(stderr=True).print(_text(f"  saved search {name!r}: " + (
                "its query no longer reads" if n < 0 else f"{n} new article{'' if n == 1 else 's'}")))
    if summary.files_seen == 0:
        raise QueryError("no article files found (.txt .md .html .htm .json .jsonl)", EXIT_NOT_FOUND)


def _last_article_id(db_path: Path | str) -> int:
    """The highest article id before an index run (ids only grow): articles above it are new."""
    if not is_server(db_path) and not db_path.is_file():
        return 0
    try:
        return open_index(db_path)._rows("SELECT coalesce(max(id), 0) FROM articles")[0][0]
    except QueryError:
        return 0  # not an index yet, or unusable: build_index says why


def _print_summary(db_path: Path | str, s) -> None:
    out = _console(stderr=True)
    out.print(
        f"{_plural(s.files_seen, 'file')}: {s.files_indexed} indexed, {s.files_unchanged} unchanged, {s.files_failed} failed"
        + (f", {s.files_pruned} pruned" if s.files_pruned else "")
        + f" · {_plural(s.articles_total, 'article')}, {_plural(s.entities_total, 'entity', 'entities')}, "
        + _plural(s.numbers_total, "number")
        + f" · {s.seconds:.1f}s → {masked(db_path)}",
        markup=False,
    )
    for p in s.failed:
        out.print(_text(f"  failed  {p.path}: {p.reason}"), style="red")
    for p in s.warnings:
        out.print(_text(f"  warning {p.path}: {p.reason}"), style="yellow")


# --- reading ----------------------------------------------------------------------------------


@cli.command()
@db_option
@click.option("--limit", type=click.IntRange(1), default=None)
@json_option
def articles(db: Path | None, limit: int | None, as_json: bool) -> None:
    """List articles, newest first."""
    rows = open_index(db).articles(limit=limit)
    if as_json:
        _emit_json(rows)  # [] on stdout, and still exit 1: scripts see "nothing" the same way in every command
    if not rows:
        raise QueryError("the index has no articles", EXIT_NOT_FOUND)
    if as_json:
        return
    _print_table(["id", "date", "outlet", "title", "chars"],
                 [[a.id, _day(a.date) or a.date_text, a.outlet, a.title or Path(a.source).name, a.chars] for a in rows],
                 right=("id", "chars"))


@cli.command()
@click.argument("article_id", type=int)
@db_option
@json_option
def show(article_id: int, db: Path | None, as_json: bool) -> None:
    """Show one article: metadata and body."""
    detail = open_index(db).article(article_id)
    if detail is None:
        raise QueryError(f"no article with id {article_id}", EXIT_NOT_FOUND)
    if as_json:
        return _emit_json(detail)
    meta = " · ".join(x for x in [detail.outlet, ", ".join(detail.reporters), detail.date or detail.date_text, detail.source] if x)
    title = detail.title or "(no title)"
    if detail.title_from in ("deck", "lede"):  # no headline in the text: say where this title comes from
        title += f"  ({detail.title_from})"
    if not _to_terminal():  # whole lines: one per paragraph, so grep finds a sentence however long it is
        captions = ["", "captions", *(f"  {c}" for c in detail.captions)] if detail.captions else []
        click.echo("\n".join(_cell(x) for x in [title, detail.subtitle or "", meta, "",
                                                 *(p.text for p in detail.paragraphs), *captions]))
        return
    out = _console()
    out.print(_text(title), style="bold")
    if detail.subtitle:
        out.print(_text(detail.subtitle), style="italic")
    out.print(_text(meta), style="dim")
    out.print()
    for p in detail.paragraphs:
        out.print(_text(p.text))
        out.print()
    if detail.captions:
        out.print("captions", style="dim")
        for caption in detail.captions:
            out.print(_text(f"  {caption}"), style="italic")


# ignore_unknown_options: a query may start with a minus (`-비트코인 삼성`) and is then no option
@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("query", required=False)
@db_option
@click.option("--limit", type=click.IntRange(1, MAX_SEARCH_LIMIT), default=SEARCH_LIMIT, show_default=True,
              help="Articles per page.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many articles (page through every hit).")
@click.option("--facets", is_flag=True, help="Also count hits by outlet, month and entity (always in --json).")
@click.option("--saved", metavar="NAME", help="Run the search saved under NAME (instead of QUERY).")
@click.option("--save", metavar="NAME", help="Save QUERY under NAME (`hanscope index` then says what it gained).")
@json_option
def search(query: str | None, db: Path | None, limit: int, offset: int, facets: bool, saved: str | None,
           save: str | None, as_json: bool) -> None:
    """Search articles, entities and numbers with the query language.

    \b
    삼성 HBM                  both words (particles dropped: 삼성과 = 삼성)
    "스타게이트 프로젝트"       a phrase; spacing never matters (90만장 = 90만 장)
    삼성 -비트코인             exclude (NOT); 삼성 | SK, (삼성 OR SK) HBM: either
    @삼성전자, entity:#465    articles naming that entity under any of its names
    outlet:뉴스1 by:김현일     outlet, reporter (prefix); date:2025-10, after:2025-10-01,
                              before:2025-11, date:2025-09-01..2025-10-31; sort:new|old|rank;
                              type:person narrows the entities listed
    \b
    hanscope search "삼성 -비트코인" --json
    hanscope search "@오픈AI outlet:헤럴드 sort:new" --offset 20
    """
    if (query is None) == (saved is None):
        raise click.UsageError("give a QUERY or --saved NAME (one of them)")
    if save is not None:
        if query is None:
            raise click.UsageError("--save NAME needs a QUERY to save")
        _save_search(db, save, query)
    run_search(SearchArgs(query, db, limit, as_json, offset, facets, saved))  # the fast path's code too


def _save_search(db: Path | None, name: str, query: str) -> None:
    from store.query import QuerySyntaxError

    index = open_index(db)
    try:
        index.save_search(name, query)
    except QuerySyntaxError as err:
        raise QueryError(f"cannot read the query: {err}") from None
    except ValueError as err:
        raise QueryError(str(err)) from None


@cli.command()
@click.argument("name")
@db_option
@click.option("--limit", type=click.IntRange(1), default=None,
              help="At most this many mentions, and this many articles (a page; all by default).")
@click.option("--offset", type=click.IntRange(0), default=0, help="Start the pages of mentions and articles here.")
@json_option
def entity(name: str, db: Path | None, limit: int | None, offset: int, as_json: bool) -> None:
    """Every mention of an entity, however it is spelled (엔비디아, NVIDIA, 엔비디야, ㅇㅂㄷㅇ).

    \b
    hanscope entity 엔비디야 --limit 50              the newest 50 mentions, the 50 articles naming it most
    hanscope entity 엔비디야 --limit 50 --offset 50  the next page of both
    """
    index = open_index(db)
    detail = index.entity(name, mention_limit=limit, offset=offset, article_limit=limit)
    if detail is None:
        known = index.unmentioned_entity(name)
        if known is not None:  # not a typo: a near name would mislead (삼성SDI is not 삼성)
            raise QueryError(f"{known} is known but no article mentions it", EXIT_NOT_FOUND)
        near = index.resolve(name, limit=5)
        hint = f"; did you mean {', '.join(h.name for h in near)}?" if near else ""
        raise QueryError(f"no entity matches {name!r}{hint}", EXIT_NOT_FOUND)
    if as_json:
        # part: body, title, deck or caption; start/end (and paragraph: a caption's index) are inside that text
        mentions = [{"article_id": m.article_id, "source": m.source, "part": m.part, "paragraph": m.paragraph,
                     "start": m.start, "end": m.end, "surface": m.surface, "context": m.context} for m in detail.mentions]
        return _emit_json({"entity": detail.entity, "offset": detail.offset, "mentions": mentions,
                           "articles": detail.articles, "related": detail.related,
                           "related_over": detail.related_over, "timeline": detail.timeline})
    e = detail.entity
    about = [f"{e.name}\t{e.type}\t{' / '.join(e.aliases)}",
             f"{_plural(e.mentions, 'mention')} in {_plural(e.articles, 'article')}"]
    if detail.related:
        span = f" (in its newest {detail.related_over:,} articles)" if detail.related_over < e.articles else ""
        about.append(f"related{span}: " + ", ".join(f"{r.name} ({r.count})" for r in detail.related[:12]))
    header = ["article", "date", "left", "mention", "right"]
    rows = [[m.article_id, _day(m.date), _part_mark(m.part) + m.left, m.surface, m.right] for m in detail.mentions]
    if not _to_terminal():  # the entity as `#` lines, then one mention per line
        click.echo("\n".join("# " + _cell(line) for line in about))
        _print_table(header, rows)
        return
    from rich.text import Text

    out = _console()
    out.print(Text.assemble((e.name, "bold"), f"  {e.type}  ", (" / ".join(e.aliases), "dim")))
    out.print(_text(about[1]))
    _print_table(header, rows, right=("article", "left"), styles={"mention": "bold"})
    if detail.related:
        out.print(_text(about[2]))


def _part_mark(part: str) -> str:
    """A mention outside the body is marked where its context starts: `[title] `, `[caption] `."""
    return "" if part == "body" else f"[{part}] "


@cli.command()
@db_option
@click.option("--type", "type_", type=click.Choice(ENTITY_TYPES), default=None)
@json_option
def entities(db: Path | None, type_: str | None, as_json: bool) -> None:
    """Every entity with its mention and article counts."""
    rows = open_index(db).entities(type=type_)
    if as_json:
        _emit_json(rows)
    if not rows:
        raise QueryError("no entities", EXIT_NOT_FOUND)
    if as_json:
        return
    _print_table(["id", "type", "name", "mentions", "articles", "aliases"],
                 [[e.id, e.type, e.name, e.mentions, e.articles, " / ".join(e.aliases)] for e in rows],
                 right=("id", "mentions", "articles"))


def _amount_option(value: str | None, option: str) -> float | None:
    """--min/--max/--near accept plain numbers or Korean amounts (3조, 90만, 30억 달러)."""
    if value is None:
        return None
    from store.api import read_amount

    amount = read_amount(value)
    if amount is None:
        raise click.BadParameter(f"{value!r} is not a number (try 1e12, 10조, 30억 달러)", param_hint=option)
    return amount


@cli.command()
@db_option
@click.option("--unit", default=None, help="KRW, USD, %, W, Wh, count ...")
@click.option("--min", "min_", default=None, help="Lowest value (e.g. 1e12 or 1조).")
@click.option("--max", "max_", default=None, help="Highest value.")
@click.option("--near", default=None, help="Values within 10% of this one.")
@click.option("--entity", "entity_name", default=None, help="Only articles that mention this entity.")
@click.option("--limit", type=click.IntRange(1), default=None)
@json_option
def numbers(db, unit, min_, max_, near, entity_name, limit, as_json) -> None:
    """Amounts found in the articles: money, counts, power, percentages.

    \b
    hanscope numbers --unit USD --min 1억
    hanscope numbers --near 90만 --json
    """
    bounds = {"min": _amount_option(min_, "--min"), "max": _amount_option(max_, "--max"),
              "near": _amount_option(near, "--near")}  # a bad value is a usage error, whatever the index
    rows = open_index(db).numbers(unit=unit, **bounds, entity=entity_name, limit=limit)
    if as_json:
        keys = ("article_id", "source", "raw", "value", "value_max", "unit", "counter", "qualifier", "period", "context")
        _emit_json([{k: getattr(n, k) for k in keys} for n in rows])
    if not rows:
        raise QueryError("no numbers match", EXIT_NOT_FOUND)
    if as_json:
        return
    _print_table(["article", "raw", "value", "unit", "sentence"],
                 [[n.article_id, n.raw, f"{n.value:,.0f}", n.unit + (f" ({n.counter})" if n.counter else ""), n.context]
                  for n in rows], right=("article", "value"))


@cli.command()
@click.argument("left", type=int)
@click.argument("right", type=int)
@db_option
@json_option
def compare(left: int, right: int, db: Path | None, as_json: bool) -> None:
    """What two articles share and what each says alone, including the same figure used differently."""
    result = open_index(db).compare(left, right)
    if result is None:
        raise QueryError(f"no article with id {left if open_index(db).article_info(left) is None else right}", EXIT_NOT_FOUND)
    if as_json:
        data = to_json(result)
        for key in ("shared_entities", "only_left", "only_right"):
            data[key] = [{"id": e["id"], "name": e["name"], "type": e["type"]} for e in data[key]]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    names = lambda es: ", ".join(e.name for e in es) or "—"  # noqa: E731
    records = [["left", result.left.id, result.left.title or result.left.source],
               ["right", result.right.id, result.right.title or result.right.source],
               ["shared", len(result.shared_entities), names(result.shared_entities)],
               ["only left", len(result.only_left), names(result.only_left)],
               ["only right", len(result.only_right), names(result.only_right)]]
    figures = [["same figure", f"{n.left_raw} / {n.right_raw}", n.left_context, n.right_context]
               for n in result.shared_numbers]
    if not _to_terminal():  # one record per line: what, count or id, then the names or the title
        click.echo("\n".join("\t".join(_cell(c) for c in r) for r in records + figures))
        return
    out = _console()
    for what, count, text in records:
        out.print(_text(f"{what:<10} {count}: {text}" if what.startswith(("shared", "only")) else f"{what:<10} #{count}: {text}"))
    for _what, raws, left_context, right_context in figures:
        out.print(_text(f"same figure {raws}\n  L: {left_context}\n  R: {right_context}"))


# --- stories ----------------------------------------------------------------------------------


@cli.command()
@click.argument("query", required=False)
@db_option
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@json_option
def stories(query: str | None, db: Path | None, limit: int, offset: int, as_json: bool) -> None:
    """Stories: the articles that tell one event, most widely run first (QUERY in the search's query language
    keeps the stories with an article it finds).

    \b
    hanscope stories
    hanscope stories "스타게이트 -비트코인 date:2025-10" --json
    """
    from store.query import QuerySyntaxError

    try:
        rows = open_index(db).stories(query, limit=limit, offset=offset)
    except QuerySyntaxError as err:
        raise QueryError(f"cannot read the query: {err}") from None
    if as_json:
        _emit_json(rows)
    if not rows:
        what = f"no story matches {query!r}" if query else ("no stories past this offset" if offset else "the index has no articles")
        raise QueryError(what, EXIT_NOT_FOUND)
    if as_json:
        return
    header = ["story", "first", "articles", "outlets", "headline of the first"]
    _print_table(header, [[r.id, _day(r.first_date) or "—", r.articles, ", ".join(r.outlets), r.title or "(no title)"]
                          for r in rows], right=("story", "articles"))


@cli.command()
@click.argument("story_id", type=int)
@db_option
@json_option
def story(story_id: int, db: Path | None, as_json: bool) -> None:
    """One story: its articles in time order, the first marked, and what each one adds.

    \b
    hanscope story 12
    hanscope story 12 --json
    """
    detail = open_index(db).story(story_id)
    if detail is None:
        raise QueryError(f"no story with id {story_id}", EXIT_NOT_FOUND)
    if as_json:
        data = to_json(detail)
        for article in data["articles"]:
            article["only_entities"] = [{"id": e["id"], "name": e["name"], "type": e["type"]} for e in article["only_entities"]]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    out = _console()
    for a in detail.articles:
        mark = "first " if a.first else ("copy  " if a.copy_of else "      ")
        head = f"{mark}{a.id:>6}  {a.date or '—':16}  {a.outlet or '—'}  {a.title or '(no title)'}"
        out.print(_text(head, "bold" if a.first else ""))
        if a.copy_of:
            out.print(_text(f"        same text as article {a.copy_of}"), style="dim")
            continue
        if a.copied:
            sources = sorted({c.from_article for c in a.copied})
            out.print(_text(f"        copies {len(a.copied)} of {len(a.paragraphs)} paragraphs from "
                            + ", ".join(map(str, sources))), style="dim")
        if a.only_entities:
            out.print(_text("        only here: " + ", ".join(e.name for e in a.only_entities)))
        if a.only_figures:
            out.print(_text("        figures only here: " + ", ".join(f.raw for f in a.only_figures)))
        for p in a.only_paragraphs:
            text = a.paragraphs[p]
            out.print(_text(f"        + {text[:90]}{'…' if len(text) > 90 else ''}"))
        if not a.compared:
            out.print("        (not compared: the story has too many distinct texts)", style="dim")
    for figure in detail.conversions:
        original = figure.conversions[0].original_raw
        out.print(_text(f"one figure, {len(figure.conversions)} conversions: {original} → "
                        + " / ".join(f"{c.raw} (article {c.article_id})" for c in figure.conversions)))


# --- entity edits -----------------------------------------------------------------------------


def _edit(db: Path | None, op: str, **args) -> None:
    from store.linker import EditError

    index = open_index(db)
    try:
        index.edit(op, **args)
    except EditError as err:  # an unknown name, or an edit that would change nothing (NothingToChange)
        raise QueryError(str(err), EXIT_NOT_FOUND) from None
    said = index.edits()[-1].description
    click.echo(f"{said[:1].upper()}{said[1:]} (hanscope undo reverts it)", err=True)


@cli.command()
@db_option
@json_option
def edits(db: Path | None, as_json: bool) -> None:
    """The entity edits stored in the index, oldest first (replayed after every re-index)."""
    rows = open_index(db).edits()
    if as_json:
        _emit_json(rows)
    if not rows:
        raise QueryError("no entity edits yet", EXIT_NOT_FOUND)
    if not as_json:
        _print_table(["id", "when (UTC)", "edit"], [[r.id, r.at[:16], r.description] for r in rows], right=("id",))


@cli.command()
@db_option
def undo(db: Path | None) -> None:
    """Revert the newest entity edit (an alias import counts as one)."""
    undone = open_index(db).undo()
    if not undone:
        raise QueryError("no entity edits to undo", EXIT_NOT_FOUND)
    what = undone[0].description if len(undone) == 1 else f"the import of {len(undone)} entities"
    click.echo(f"Undid: {what}", err=True)


@cli.command()
@click.argument("into")
@click.argument("other")
@db_option
def merge(into: str, other: str, db: Path | None) -> None:
    """Merge entity OTHER into entity INTO (OTHER's names become aliases of INTO)."""
    _edit(db, "merge", **{"into": into, "from": other})


@cli.command()
@click.argument("entity_name")
@click.argument("new_name")
@db_option
def rename(entity_name: str, new_name: str, db: Path | None) -> None:
    """Rename an entity (the old name stays as an alias)."""
    _edit(db, "rename", entity=entity_name, name=new_name)


@cli.command()
@click.argument("entity_name")
@click.argument("type_", metavar="TYPE", type=click.Choice(ENTITY_TYPES))
@db_option
def retype(entity_name: str, type_: str, db: Path | None) -> None:
    """Change an entity's type."""
    _edit(db, "retype", entity=entity_name, type=type_)


@cli.command("delete-entity")
@click.argument("entity_name")
@db_option
def delete_entity(entity_name: str, db: Path | None) -> None:
    """Delete a false entity; it stays deleted across re-indexing."""
    _edit(db, "delete", entity=entity_name)


@cli.group()
def alias() -> None:
    """Add, remove or split off an entity's aliases."""


@alias.command("add")
@click.argument("entity_name")
@click.argument("alias_text", metavar="ALIAS")
@db_option
def alias_add(entity_name: str, alias_text: str, db: Path | None) -> None:
    """Make ALIAS another name of ENTITY."""
    _edit(db, "alias-add", entity=entity_name, alias=alias_text)


@alias.command("remove")
@click.argument("entity_name")
@click.argument("alias_text", metavar="ALIAS")
@db_option
@click.option("--split", is_flag=True, help="Make the alias an entity of its own.")
def alias_remove(entity_name: str, alias_text: str, db: Path | None, split: bool) -> None:
    """Remove ALIAS from ENTITY (with --split it becomes its own entity)."""
    _edit(db, "split" if split else "alias-remove", entity=entity_name, alias=alias_text)


@cli.command("export-aliases")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
def export_aliases(file: Path, db: Path | None) -> None:
    """Write every entity and its aliases to FILE (type<TAB>name<TAB>alias|alias; '-' for stdout)."""
    text = open_index(db).export_aliases()
    if str(file) == "-":
        click.echo(text, nl=False)
    else:
        try:
            file.write_text(text, encoding="utf-8")
        except OSError as err:
            raise QueryError(f"cannot write {file}: {err.strerror or err}") from None


@cli.command("import-aliases")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
def import_aliases(file: Path, db: Path | None) -> None:
    """Define entities and aliases from FILE (the export-aliases format); kept across re-indexing."""
    from store.linker import EditError, NothingToChange

    try:
        count = open_index(db).import_aliases(file.read_text(encoding="utf-8"))
    except NothingToChange as err:
        raise QueryError(f"{file}: {err}", EXIT_NOT_FOUND) from None
    except (UnicodeDecodeError, EditError) as err:
        raise QueryError(f"{file}: {err}") from None
    click.echo(f"Imported {_plural(count, 'entity', 'entities')} (lines the index already held are left out; "
               "hanscope undo reverts the import)", err=True)


# --- the app ----------------------------------------------------------------------------------


@cli.command()
@db_option
@click.option("--entity", "entity_name", default=None, help="Open on this entity's drill-down.")
@click.option("--article", "article_id", type=int, default=None, help="Open on this article.")
@click.option("--compare", "compare_ids", type=int, nargs=2, default=None, help="Open two articles side by side.")
def tui(db: Path | None, entity_name: str | None, article_id: int | None, compare_ids: tuple[int, int] | None) -> None:
    """Open the explorer (the default command; `hanscope FILE` opens that index)."""
    if db is not None and (is_server(db) or db.exists()):
        open_index(db).close()  # not an index, corrupt, a folder: one clear line, terminal or not
    if not (sys.stdin.isatty() and sys.stdout.isatty()):  # else Textual waits on a pipe, busy, forever
        where = "input" if not sys.stdin.isatty() else "output"
        raise QueryError(f"the app needs a terminal, and its {where} is not one; in scripts use the commands "
                         "(hanscope search, entity, numbers … --json)")
    path = _target(db)
    if not is_server(path) and not path.exists():
        if db is not None:
            raise QueryError(f"no index at {path}: build one with `hanscope index FOLDER --db {path}`")
        click.echo(f"First run: indexing the bundled seed articles into {path}", err=True)
        from hanscope_seeds import folder as seeds_folder

        build_index(path, [seeds_folder()])
    open_index(path).close()  # fail here with one clear line rather than inside the app
    from tui.app import run_app

    run_app(path, entity=entity_name, article=article_id, compare=tuple(compare_ids) if compare_ids else None)


@cli.command()
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

    run_server(_target(db), host=host, port=port, allow_edits=allow_edits, url=public_url)


def _open_path_argument(argv: list[str]) -> list[str]:
    """`hanscope FILE [options]` opens that index, as `harlequin my.db` or `datasette my.db` do: FILE becomes
    `tui --db FILE` when it is no command name and exists on disk."""
    if not argv or argv[0].startswith("-") or argv[0] in cli.commands:
        return argv
    path = Path(argv[0]).expanduser()
    if path.is_dir():
        raise QueryError(f"{argv[0]} is a folder: index it first (hanscope index {argv[0]}), then open the index")
    return ["tui", "--db", argv[0], *argv[1:]] if path.exists() else argv


def main() -> NoReturn:
    """The click CLI (tui.quick.main answers plain searches before it)."""
    def run() -> int:
        args = _open_path_argument(sys.argv[1:])
        # standalone_mode=False: click would print "Aborted!" and exit 1 (our "nothing found") on Ctrl-C.
        try:
            code = cli.main(args=args, prog_name="hanscope", standalone_mode=False)
        except click.exceptions.Abort:
            raise KeyboardInterrupt from None
        except click.UsageError as err:  # click prints usage, a hint and the error on three lines: the README promises one
            where = err.ctx.command_path if err.ctx is not None else "hanscope"
            click.echo(f"Error: {one_line(err.format_message())} (see '{where} --help')", err=True)
            return err.exit_code
        except click.ClickException as err:
            click.echo(f"Error: {one_line(err.format_message())}", err=True)
            return err.exit_code
        return code if isinstance(code, int) else 0

    sys.exit(finish(run))
