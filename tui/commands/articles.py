"""Reading articles: `hanscope articles` (the list), `show` (one article) and `compare` (two side by side)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from store.model import to_json

from ..quick import EXIT_NOT_FOUND, QueryError, open_index
from .common import (cell, console, day, db_option, emit_json, emit_json_list_stream, json_option, peeked,
                     print_table, rich_text, to_terminal)


@click.command()
@db_option
@click.option("--limit", type=click.IntRange(1), default=None)
@json_option
def articles(db: Path | None, limit: int | None, as_json: bool) -> None:
    """List articles, newest first."""
    rows = peeked(open_index(db).article_stream(limit=limit))  # written as read: 1M articles as a list took ~3.8 GB
    if as_json:
        emit_json_list_stream(rows or iter(()))  # [] on stdout, and still exit 1: scripts see "nothing" alike
    if rows is None:
        raise QueryError("the index has no articles", EXIT_NOT_FOUND)
    if as_json:
        return
    print_table(["id", "date", "outlet", "title", "chars"],
                 ([a.id, day(a.date) or a.date_text, a.outlet, a.title or Path(a.source).name, a.chars] for a in rows),
                 right=("id", "chars"))


@click.command()
@click.argument("article_id", type=int)
@db_option
@json_option
def show(article_id: int, db: Path | None, as_json: bool) -> None:
    """Show one article: metadata and body."""
    detail = open_index(db).article(article_id)
    if detail is None:
        raise QueryError(f"no article with id {article_id}", EXIT_NOT_FOUND)
    if as_json:
        return emit_json(detail)
    meta = " · ".join(x for x in [detail.outlet, ", ".join(detail.reporters), detail.date or detail.date_text, detail.source] if x)
    title = detail.title or "(no title)"
    if detail.title_from in ("deck", "lede"):  # no headline in the text: say where this title comes from
        title += f"  ({detail.title_from})"
    if not to_terminal():  # whole lines: one per paragraph, so grep finds a sentence however long it is
        captions = ["", "captions", *(f"  {c}" for c in detail.captions)] if detail.captions else []
        click.echo("\n".join(cell(x) for x in [title, detail.subtitle or "", meta, "",
                                                 *(p.text for p in detail.paragraphs), *captions]))
        return
    out = console()
    out.print(rich_text(title), style="bold")
    if detail.subtitle:
        out.print(rich_text(detail.subtitle), style="italic")
    out.print(rich_text(meta), style="dim")
    out.print()
    for p in detail.paragraphs:
        out.print(rich_text(p.text))
        out.print()
    if detail.captions:
        out.print("captions", style="dim")
        for caption in detail.captions:
            out.print(rich_text(f"  {caption}"), style="italic")


@click.command()
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
    if not to_terminal():  # one record per line: what, count or id, then the names or the title
        click.echo("\n".join("\t".join(cell(c) for c in r) for r in records + figures))
        return
    out = console()
    for what, count, text in records:
        out.print(rich_text(f"{what:<10} {count}: {text}" if what.startswith(("shared", "only")) else f"{what:<10} #{count}: {text}"))
    for _what, raws, left_context, right_context in figures:
        out.print(rich_text(f"same figure {raws}\n  L: {left_context}\n  R: {right_context}"))
