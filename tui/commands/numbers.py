"""`hanscope numbers`: the amounts found in the articles, filtered by unit, range (Korean amounts accepted:
1조, 90만, 30억 달러) or entity."""
from __future__ import annotations

import click

from store.extract.amount_format import plain_number

from ..quick import EXIT_NOT_FOUND, QueryError, open_index
from .common import db_option, emit_json_list_stream, json_option, peeked, print_table


def _amount_option(value: str | None, option: str) -> float | None:
    """--min/--max/--near accept plain numbers or Korean amounts (3조, 90만, 30억 달러)."""
    if value is None:
        return None
    from store.api import read_amount

    amount = read_amount(value)
    if amount is None:
        raise click.BadParameter(f"{value!r} is not a number (try 1e12, 10조, 30억 달러)", param_hint=option)
    return amount


@click.command()
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
    # written as they are read: the whole table of 100k (3.2M numbers) held as a list took 17 GB
    rows = peeked(open_index(db).number_stream(unit=unit, **bounds, entity=entity_name, limit=limit))
    if as_json:
        keys = ("article_id", "source", "raw", "value", "value_max", "unit", "counter", "qualifier", "period", "context")
        emit_json_list_stream({k: getattr(n, k) for k in keys} for n in rows or ())
    if rows is None:
        raise QueryError("no numbers match", EXIT_NOT_FOUND)
    if as_json:
        return
    print_table(["article", "raw", "value", "unit", "sentence"],
                 ([n.article_id, n.raw, plain_number(n.value), n.unit + (f" ({n.counter})" if n.counter else ""), n.context]
                  for n in rows), right=("article", "value"))
