"""`hanscope search`, and saving a search (--save) or running a saved one (--saved). The answer is printed by
tui.quick.run_search, the fast path's code too."""
from __future__ import annotations

from pathlib import Path

import click

from ..quick import MAX_SEARCH_LIMIT, SEARCH_LIMIT, QueryError, SearchArgs, open_index, run_search
from .common import db_option, json_option


# ignore_unknown_options: a query may start with a minus (`-비트코인 삼성`) and is then no option
@click.command(context_settings={"ignore_unknown_options": True})
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
