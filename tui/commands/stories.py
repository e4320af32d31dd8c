"""Stories: `hanscope stories` (one row per story) and `hanscope story` (one story and what each article adds)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from store.model import to_json

from ..quick import EXIT_NOT_FOUND, QueryError, open_index
from .common import console, day, db_option, emit_json, json_option, print_table, rich_text


@click.command()
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
        page = open_index(db).stories_page(query, limit=limit, offset=offset)
    except QuerySyntaxError as err:
        raise QueryError(f"cannot read the query: {err}") from None
    rows, instead = page.rows, page.instead
    if instead is not None:  # a typo narrows by the name it nearly spells, and says so: on stderr, where
        # it stays out of the table's tab-separated lines and the JSON a pipe reads
        console(stderr=True).print(rich_text(instead.showing("stories with an article that mentions"), "dim"), soft_wrap=True)
    if as_json:
        emit_json(rows)
    if not rows:
        what = f"no story matches {query!r}" if query else ("no stories past this offset" if offset else "the index has no articles")
        raise QueryError(what, EXIT_NOT_FOUND)
    if as_json:
        return
    header = ["story", "first", "articles", "outlets", "headline of the first"]
    print_table(header, [[r.id, day(r.first_date) or "—", r.articles, ", ".join(r.outlets), r.title or "(no title)"]
                          for r in rows], right=("story", "articles"))


@click.command()
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
    out = console()
    for a in detail.articles:
        mark = "first " if a.first else ("copy  " if a.copy_of else "      ")
        head = f"{mark}{a.id:>6}  {a.date or '—':16}  {a.outlet or '—'}  {a.title or '(no title)'}"
        out.print(rich_text(head, "bold" if a.first else ""))
        if a.copy_of:
            out.print(rich_text(f"        same text as article {a.copy_of}"), style="dim")
            continue
        if a.copied:
            sources = sorted({c.from_article for c in a.copied})
            out.print(rich_text(f"        copies {len(a.copied)} of {len(a.paragraphs)} paragraphs from "
                            + ", ".join(map(str, sources))), style="dim")
        if a.only_entities:
            out.print(rich_text("        only here: " + ", ".join(e.name for e in a.only_entities)))
        if a.only_figures:
            out.print(rich_text("        figures only here: " + ", ".join(f.raw for f in a.only_figures)))
        for p in a.only_paragraphs:
            text = a.paragraphs[p]
            out.print(rich_text(f"        + {text[:90]}{'…' if len(text) > 90 else ''}"))
        if not a.compared:
            out.print("        (not compared: the story has too many distinct texts)", style="dim")
    for figure in detail.conversions:
        original = figure.conversions[0].original_raw
        out.print(rich_text(f"one figure, {len(figure.conversions)} conversions: {original} → "
                        + " / ".join(f"{c.raw} (article {c.article_id})" for c in figure.conversions)))
