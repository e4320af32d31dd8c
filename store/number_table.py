"""The numbers table: amounts filtered by unit and range, ordered, counted by unit or article, and the amounts a
query names (90만장, 30억 달러); each row carries the sentence it was written in.

`store.api.Index` delegates here (numbers, number_counts, numbers_in) and the search asks for `numbers_matching`.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .articles import sentence_around
from .results import NumberRow

if TYPE_CHECKING:
    from .api import Index


def read_amount(text: str) -> float | None:
    """A number as a user types a filter bound: 1e12, 3,000, 90만, 1조2000억, 30억 달러, 90만장; else None."""
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        pass
    from .extract.numbers import parse_query_amount

    # A bare magnitude (90만, 1조) is no amount without a unit: read it as a count to get its value.
    amount = parse_query_amount(text) or parse_query_amount(text + "개")
    return amount.value if amount else None


def numbers_matching(index: Index, amount_text: str, within: tuple[str, list] | None, limit: int) -> list[NumberRow]:
    from .extract.numbers import parse_query_amount

    amount = parse_query_amount(amount_text)
    if amount is None:
        return []
    low, high = amount.value * 0.995, (amount.value_max or amount.value) * 1.005
    where = "n.unit = ? AND n.value <= ? AND coalesce(n.value_max, n.value) >= ?"
    params: list = [amount.unit, high, low]
    if amount.counter:
        where += " AND (n.counter = ? OR n.counter IS NULL)"
        params.append(amount.counter)
    if within is not None:
        where += f" AND n.article_id IN ({within[0]})"
        params += within[1]
    return number_rows(index, where, params, limit=limit)


NUMBER_BATCH = 2000  # numbers read at a time by number_stream, their articles' bodies with them


def number_rows(index: Index, where: str, params: list, order: str = "n.value DESC, n.id DESC", limit: int | None = None) -> list[NumberRow]:
    return list(number_stream(index, where, params, order, limit))


def number_stream(index: Index, where: str, params: list, order: str = "n.value DESC, n.id DESC",
                  limit: int | None = None) -> Iterator[NumberRow]:
    """The numbers matching `where` in `order`, as they are read: NUMBER_BATCH narrow rows at a time, then the
    bodies of their articles, once an article, for the sentences. A body joined to every row held 17 GB for the
    3.2M numbers of 100k (and sorting rows that carried bodies took 2.9 s for 158k numbers)."""
    for rows in index._batches(
            'SELECT n.id, n.article_id, n.raw, n.value, n.value_max, n.unit, n.counter, n.qualifier, n.period, n.start, '
            f'n."end" FROM numbers n WHERE {where} ORDER BY {order} LIMIT ?', [*params, -1 if limit is None else limit],
            size=NUMBER_BATCH):
        articles = {aid: (source, title, body) for aid, source, title, body in index._rows(
            "SELECT id, source, title, body FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted({r[1] for r in rows})),))}
        for nid, aid, *values, start, end in rows:
            if aid in articles:  # (a number outlives its article only inside another writer's transaction)
                source, title, body = articles[aid]
                yield NumberRow(nid, aid, source, title, *values, start, end,
                                context=sentence_around(body, start, end))


def numbers(index: Index, unit: str | None, min: float | None, max: float | None, near: float | None,
            entity: str | None, limit: int | None, order: str) -> Iterator[NumberRow]:
    """The rows of `Index.numbers`, as a stream (the API makes the list; the CLI writes them as they come)."""
    where, params = _number_filters(unit, min, max)
    if near is not None:
        where.append("n.value BETWEEN ? AND ?")
        params += [near * 0.9, near * 1.1]
    if entity is not None:
        info = index.find_entity(entity)
        if info is None:
            return iter(())
        where.append("n.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)")
        params.append(info.id)
    # `near` is a float by type, so formatting it into ORDER BY cannot inject SQL.
    orders = {"value": "n.value DESC, n.id DESC", "unit": "n.unit, n.counter, n.value DESC, n.id",
              "article": "n.article_id, n.start", "raw": "n.raw, n.id"}
    if order not in orders:
        raise ValueError(f"unknown order {order!r}: one of {', '.join(orders)}")
    sql_order = f"abs(n.value - {float(near)!r})" if near is not None else orders[order]
    return number_stream(index, " AND ".join(where), params, order=sql_order, limit=limit)


def number_counts(index: Index, by: str, unit: str | None, min: float | None,
                  max: float | None) -> list[tuple[str, str, int]]:
    where, params = _number_filters(unit, min, max)
    condition = " AND ".join(where)
    if by == "unit":
        return [(u, u, c) for u, c in index._rows(
            f"SELECT n.unit, count(*) AS c FROM numbers n WHERE {condition} GROUP BY n.unit ORDER BY c DESC, n.unit",
            params)]
    if by == "article":
        return [(str(i), f"#{i} {t or s.rsplit('/', 1)[-1]}", c) for i, t, s, c in index._rows(
            f"SELECT a.id, a.title, a.source, c FROM (SELECT n.article_id, count(*) AS c FROM numbers n WHERE {condition} "
            "GROUP BY n.article_id ORDER BY c DESC, n.article_id LIMIT 1000) g JOIN articles a ON a.id = g.article_id "
            "ORDER BY c DESC, a.id", params)]
    raise ValueError(f"unknown column {by!r}: unit or article")


def _number_filters(unit: str | None, min: float | None, max: float | None) -> tuple[list[str], list]:
    """SQL conditions (and parameters) on numbers `n` for the table's unit and range filters."""
    where, params = ["1"], []
    if unit:
        where.append("n.unit = ?")
        params.append(unit)
    if min is not None:
        where.append("coalesce(n.value_max, n.value) >= ?")
        params.append(min)
    if max is not None:
        where.append("n.value <= ?")
        params.append(max)
    return where, params
