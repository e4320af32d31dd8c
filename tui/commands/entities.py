"""An entity's drill-down (`hanscope entity`) and the list of every entity (`hanscope entities`)."""
from __future__ import annotations

from pathlib import Path

import click

from store.model import ENTITY_TYPES

from ..quick import EXIT_NOT_FOUND, QueryError, open_index
from .common import (cell, console, day, db_option, emit_json, emit_json_stream, json_option, plural, print_table,
                     rich_text, to_terminal)


@click.command()
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
    # Without --limit every mention and article is written as it is read (the largest entity of a big index does
    # not fit in memory as lists): the detail holds the rest
    whole = limit is None
    detail = index.entity(name, mention_limit=0 if whole else limit, offset=offset, article_limit=0 if whole else limit)
    if detail is None:
        known = index.unmentioned_entity(name)
        if known is not None:  # not a typo: a near name would mislead (삼성SDI is not 삼성)
            raise QueryError(f"{known} is known but no article mentions it", EXIT_NOT_FOUND)
        near = index.resolve(name, limit=5)
        hint = f"; did you mean {', '.join(h.name for h in near)}?" if near else ""
        raise QueryError(f"no entity matches {name!r}{hint}", EXIT_NOT_FOUND)
    e = detail.entity
    mentions = index.mention_stream(e.id, offset) if whole else iter(detail.mentions)
    if as_json:
        # part: body, title, deck or caption; start/end (and paragraph: a caption's index) are inside that text
        return emit_json_stream([
            ("entity", e), ("offset", detail.offset),
            ("mentions", ({"article_id": m.article_id, "source": m.source, "part": m.part, "paragraph": m.paragraph,
                           "start": m.start, "end": m.end, "surface": m.surface, "context": m.context} for m in mentions)),
            ("articles", index.articles_naming_stream(e.id, offset) if whole else iter(detail.articles)),
            ("related", detail.related), ("related_over", detail.related_over), ("timeline", detail.timeline)])
    about = [f"{e.name}\t{e.type}\t{' / '.join(e.aliases)}",
             f"{plural(e.mentions, 'mention')} in {plural(e.articles, 'article')}"]
    if detail.related:
        span = f" (in its newest {detail.related_over:,} articles)" if detail.related_over < e.articles else ""
        about.append(f"related{span}: " + ", ".join(f"{r.name} ({r.count})" for r in detail.related[:12]))
    header = ["article", "date", "left", "mention", "right"]
    rows = ([m.article_id, day(m.date), _part_mark(m.part) + m.left, m.surface, m.right] for m in mentions)
    if not to_terminal():  # the entity as `#` lines, then one mention per line
        click.echo("\n".join("# " + cell(line) for line in about))
        print_table(header, rows)
        return
    from rich.text import Text

    out = console()
    out.print(Text.assemble((e.name, "bold"), f"  {e.type}  ", (" / ".join(e.aliases), "dim")))
    out.print(rich_text(about[1]))
    print_table(header, rows, right=("article", "left"), styles={"mention": "bold"})
    if detail.related:
        out.print(rich_text(about[2]))


def _part_mark(part: str) -> str:
    """A mention outside the body is marked where its context starts: `[title] `, `[caption] `."""
    return "" if part == "body" else f"[{part}] "


@click.command()
@db_option
@click.option("--type", "type_", type=click.Choice(ENTITY_TYPES), default=None)
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many, the most mentioned first.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@json_option
def entities(db: Path | None, type_: str | None, limit: int | None, offset: int, as_json: bool) -> None:
    """Every entity with its mention and article counts, the most mentioned first.

    \b
    hanscope entities --type company --limit 20
    """
    rows = open_index(db).entities(type=type_, limit=limit, offset=offset)
    if as_json:
        emit_json(rows)
    if not rows:
        raise QueryError("no entities past this offset" if offset else "no entities", EXIT_NOT_FOUND)
    if as_json:
        return
    print_table(["id", "type", "name", "mentions", "articles", "aliases"],
                 [[e.id, e.type, e.name, e.mentions, e.articles, " / ".join(e.aliases)] for e in rows],
                 right=("id", "mentions", "articles"))
