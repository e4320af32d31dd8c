"""The numbers table: amounts filtered by unit and range, ordered, counted by unit or article, and the amounts a
query names (90만장, 30억 달러); each row carries the sentence it was written in.

`store.api.Index` delegates here (numbers, number_counts, numbers_in) and the search asks for `numbers_matching`.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from heapq import merge
from itertools import chain, islice
from math import isqrt
from typing import TYPE_CHECKING, Protocol

from .articles import sentence_around
from .db import has_index
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


class Hits(Protocol):
    """A query's matching articles as the numbers read them (store.search.SearchPlan)."""

    def matching_ids_sql(self) -> tuple[str, list]: ...  # every hit's id, as a subquery
    def known_hits(self) -> set[int] | None: ...  # every hit's id when already read
    def hits_among(self, article_ids: list[int]) -> set[int] | None: ...  # which of these are hits (None: no probe)


def numbers_matching(index: Index, amount_text: str, within: Hits | None, limit: int,
                     read_hits: bool = True) -> list[NumberRow] | None:
    """The numbers that state a query's amount, in the articles `within` holds (None: every article): first those
    equal to it (or a range holding it), then those within NEAR of it that round to it as written or that it rounds
    to (another outlet's rounding: 약 29조6000억원 for 29조5500억원, not 29조6900억원), each largest first. Without
    `read_hits`, None where they could only be found by reading every hit (a keystroke's bound: store.search)."""
    from .extract.numbers import parse_query_amount

    amount = parse_query_amount(amount_text)
    if amount is None:
        return []
    top = amount.value if amount.value_max is None else amount.value_max
    same = _window(amount.value, top, SAME)
    windows = _near_windows(amount.value, amount.value_max, _window(amount.value, top, NEAR))
    unit_where = "n.unit = ?" + (" AND (n.counter = ? OR n.counter IS NULL)" if amount.counter else "")
    unit_params = [amount.unit, *([amount.counter] if amount.counter else [])]
    same_where, same_params = _into((same,))
    near_where, near_params = _into(windows)
    if not has_index(index.db, READY):  # an older file, and PostgreSQL: a statement for each tier
        if within is not None:
            if not read_hits:
                return None
            ids_sql, ids_params = within.matching_ids_sql()
            unit_where += f" AND n.article_id IN ({ids_sql})"
            unit_params += ids_params
        rows = chain(number_stream(index, f"{unit_where} AND {same_where}", [*unit_params, *same_params], limit=limit),
                     number_stream(index, f"{unit_where} AND NOT {same_where} AND {near_where}",
                                   [*unit_params, *same_params, *near_params], limit=limit))
        return list(islice(rows, limit))
    groups = [(amount.unit, c) for c in (None, amount.counter)] if amount.counter else _groups(index, amount.unit)
    # each window's rows largest first, merged as one statement orders them
    near = merge(*(_grouped(index, groups, *window, "value") for window in windows), key=lambda row: (-row[3], -row[0]))
    rows = chain(_grouped(index, groups, *same, "value"), _not_equal(near, same))
    if within is not None:
        # (floats formatted by repr into ORDER BY: a parsed amount, never the query's text)
        order = (f"(n.value <= {same[1]!r} AND coalesce(n.value_max, n.value) >= {same[0]!r}) DESC, "
                 "n.value DESC, n.id DESC")
        where = f"{unit_where} AND ({same_where} OR {near_where})"
        found = _of_hits(index, rows, within, where, [*unit_params, *same_params, *near_params], order, limit,
                         read_hits)
        return None if found is None else list(found)
    return list(_with_sentences(index, _chunks(rows, limit)))


def _not_equal(rows: Iterator[tuple], same: tuple[float, float]) -> Iterator[tuple]:
    """The near tier's grouped rows without the equal tier's (those reaching into `same`), each once (a range that
    reaches two of its windows is read from both)."""
    met: set[int] = set()
    for row in rows:
        nid, value, value_max = row[0], row[3], row[4]
        if nid not in met and not (value <= same[1] and (value if value_max is None else value_max) >= same[0]):
            met.add(nid)
            yield row


SAME = 1e-9  # relative slack of an equal amount (1.5조 and 1조5000억 parse to the same float, or nearly)
NEAR = 0.005  # relative slack of a near one: the same figure rounded (shown after the equal ones)


def _window(low: float, high: float, slack: float) -> tuple[float, float]:
    return low - abs(low) * slack, high + abs(high) * slack


def _into(windows) -> tuple[str, list]:
    """A condition on `n` for the numbers that reach into any of these windows (a range, 3~5조, when it overlaps
    one), and its parameters."""
    return ("(" + " OR ".join(["(n.value <= ? AND coalesce(n.value_max, n.value) >= ?)"] * len(windows)) + ")",
            [bound for low, high in windows for bound in (high, low)])


def _near_windows(value: float, value_max: float | None, near: tuple[float, float]) -> list[tuple[float, float]]:
    """The windows of a query amount's near tier, inside `near`: the values that round to it as written (within half
    its last digit's place: 29조5450억~29조5550억 for 29조5500억, all of `near` for 30) and the rounder ones it rounds to
    (29조5000억 and 29조6000억 for 29조5500억). A range (3~5조) or zero: `near` whole."""
    if value_max is not None or value == 0:
        return [near]
    step = _step(value)
    windows = [(max(near[0], value - step / 2), min(near[1], value + step / 2))]
    place = step * 10
    while place <= abs(value) * 10:
        for rounded in {math.floor(value / place) * place, math.ceil(value / place) * place}:
            # (a half-way value rounds either way; the slack absorbs the floats of decimal places)
            if abs(rounded - value) <= place / 2 * (1 + SAME) and near[0] <= rounded <= near[1] \
                    and abs(rounded - value) > abs(value) * SAME:
                windows.append(_window(rounded, rounded, SAME))
        place *= 10
    return list(dict.fromkeys(windows))


def _step(value: float) -> float:
    """The place of a number's last significant digit as written: 100억 for 29조5500억, 0.01 for 30.15, 10 for 30 (a
    whole number's trailing zeros are read as rounding: 30% may be 29.9% rounded)."""
    size = abs(value)
    if abs(size - round(size)) <= size * SAME:
        whole, step = round(size), 1
        while whole and whole % (step * 10) == 0:
            step *= 10
        return float(step)
    for places in range(1, 7):
        if abs(round(size, places) - size) <= size * SAME:
            return 10.0 ** -places
    return 1e-6


def _of_hits(index: Index, rows: Iterator[tuple], within: Hits, where: str, params: list, order: str,
             limit: int, read_hits: bool) -> Iterator[NumberRow] | None:
    """The grouped `rows` whose articles are hits. A big answer's first page is found by probing the articles of
    the rows in turn while they are hits often enough to fill it within PROBED_AT_MOST rows (`반도체 30%` at 1M:
    ~70 of 54k rows of 30%, 21 ms, where reading its 739k hits took 607 ms); else, or with no probe, the hits are
    read once (the plan's own when it holds them all) and the rows filtered by them: without `read_hits`, None."""
    members = within.known_hits()
    taken: list[tuple] = []
    if members is None:
        kept: list[tuple] = []
        while len(taken) < PROBED_AT_MOST:
            chunk = list(islice(rows, PROBED_CHUNK))
            taken += chunk
            found = within.hits_among(sorted({row[1] for row in chunk})) if chunk else set()  # article id second
            if found is None:
                break
            kept += [row for row in chunk if row[1] in found]
            if len(kept) >= limit or len(chunk) < PROBED_CHUNK:
                return _with_sentences(index, _chunks(iter(kept), limit))
            if (limit - len(kept)) * len(taken) > (PROBED_AT_MOST - len(taken)) * max(len(kept), 1):
                break  # at this share of hits the page would need more rows than a probe is worth
        if not read_hits:
            return None
        # The matching articles, read once: as a subquery of the statements that read the ranges reaching the
        # amount, 200 at a time, the query's search ran again in each (at 1M `1조2000억원 outlet:뉴시스`: 63 s)
        ids_sql, ids_params = within.matching_ids_sql()
        members = {a for (a,) in index._rows(f"SELECT * FROM ({ids_sql})", ids_params)}
    return _of_articles(index, chain(taken, rows), members, where, params, order, limit)


def _of_articles(index: Index, rows: Iterator[tuple], members: set[int], where: str, params: list, order: str,
                 limit: int | None) -> Iterator[NumberRow]:
    """The grouped `rows` (in `order`, matching `where`) of these articles only: when they are few, their own numbers,
    sorted (SQLite's own choice walked a unit's numbers: 6.2 s for 90만장 outlet:뉴시스 at 1M); else `rows` filtered as
    they come."""
    if len(members) <= FEW_ARTICLES:
        return number_stream(index, f"{where} AND n.article_id IN (SELECT value FROM json_each(?))",
                             [*params, json.dumps(sorted(members))], order=order, limit=limit,
                             source="numbers n INDEXED BY numbers_article")
    return _with_sentences(index, _chunks((row for row in rows if row[1] in members), limit))  # article id second


def _reaching_from_below(unit: str, counter: str | None, low: float, high: float | None) -> tuple[list[str], list]:
    """Conditions on `n` for a group's ranges (3~5조) that start below `low` and reach it (numbers_ranges)."""
    bound = ["n.value <= ?"] if high is not None else []
    return (["n.unit = ?", "n.counter IS ?", "n.value_max >= ?", "n.value < ?", *bound],
            [unit, counter, low, low, *([high] if high is not None else [])])


NUMBER_BATCH = 2000  # numbers read at a time by number_stream, their articles' bodies with them
FEW_ARTICLES = 2000  # a query's amount within this many matching articles reads their numbers (~32 an article)
PROBED_CHUNK = 64  # rows of an amount whose articles are asked at once whether they are hits (_of_hits) ...
PROBED_AT_MOST = 512  # ... up to this many (~0.3 ms an article at 1M): past it, reading every hit is the cheaper
GROUPED = "numbers_unit_counter"  # db.ADDITIONS "numbers_by_group": numbers(unit, counter, value) and two of ranges
READY = "numbers_ranges_value"  # the addition's last index: a file that has it has the others
KEPT_COUNTS = "article_number_counts"  # db.ADDITIONS "number_counts": made with its unit table and triggers at once
KEPT_IN_UNIT = "unit_article_counts"  # db.ADDITIONS "unit_article_counts": by article within each unit
_COLUMNS = 'n.id, n.article_id, n.raw, n.value, n.value_max, n.unit, n.counter, n.qualifier, n.period, n.start, n."end"'


def number_rows(index: Index, where: str, params: list, order: str = "n.value DESC, n.id DESC", limit: int | None = None) -> list[NumberRow]:
    return list(number_stream(index, where, params, order, limit))


def number_stream(index: Index, where: str, params: list, order: str = "n.value DESC, n.id DESC",
                  limit: int | None = None, source: str = "numbers n") -> Iterator[NumberRow]:
    """The numbers matching `where` in `order`, as they are read: NUMBER_BATCH narrow rows at a time, then the
    bodies of their articles, once an article, for the sentences. A body joined to every row held 17 GB for the
    3.2M numbers of 100k (and sorting rows that carried bodies took 2.9 s for 158k numbers)."""
    return _with_sentences(index, index._batches(
        f"SELECT {_COLUMNS} FROM {source} WHERE {where} ORDER BY {order} LIMIT ?", [*params, -1 if limit is None else limit],
        size=NUMBER_BATCH))


def _with_sentences(index: Index, batches: Iterable[list[tuple]]) -> Iterator[NumberRow]:
    for rows in batches:
        articles = {aid: (source, title, body) for aid, source, title, body in index._rows(
            "SELECT id, source, title, body FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted({r[1] for r in rows})),))}
        for nid, aid, *values, start, end in rows:
            if aid in articles:  # (a number outlives its article only inside another writer's transaction)
                source, title, body = articles[aid]
                yield NumberRow(nid, aid, source, title, *values, start, end,
                                context=sentence_around(body, start, end))


def _chunks(rows: Iterator[tuple], limit: int | None) -> Iterator[list[tuple]]:
    """The first `limit` rows (all when None) in lists of NUMBER_BATCH, as _with_sentences reads them."""
    rows = islice(rows, limit)
    while chunk := list(islice(rows, NUMBER_BATCH)):
        yield chunk


# --- grouped reads: a page costs what it shows -----------------------------------------------------
# By (unit, counter) the table is a few groups (KRW, USD, W, %, and a count's 개/명/장…), each ordered by value in
# numbers_unit_counter. The whole table by unit, or a unit's numbers largest first, was a sort of every matching
# row before the first (1.3-2.4 s at 100k, 600k-1.1M rows); read group by group, a page reads about its own rows.


def _first(index: Index, sql: str, params: list) -> object:
    row = index._rows(sql, params)
    return row[0][0] if row else None


def _groups(index: Index, unit: str | None) -> list[tuple[str, str | None]]:
    """The (unit, counter) pairs in the table, in its order (counter NULL first), each found by one seek."""
    source = f"numbers INDEXED BY {GROUPED}"
    units: list[str] = []
    if unit is not None:
        units.append(unit)
    else:
        u = _first(index, f"SELECT unit FROM {source} ORDER BY unit LIMIT 1", [])
        while u is not None:
            units.append(u)  # type: ignore[arg-type]
            u = _first(index, f"SELECT unit FROM {source} WHERE unit > ? ORDER BY unit LIMIT 1", [u])
    groups: list[tuple[str, str | None]] = []
    for u in units:
        if _first(index, f"SELECT 1 FROM {source} WHERE unit = ? AND counter IS NULL LIMIT 1", [u]):
            groups.append((u, None))
        c = _first(index, f"SELECT counter FROM {source} WHERE unit = ? AND counter IS NOT NULL ORDER BY counter LIMIT 1", [u])
        while c is not None:
            groups.append((u, c))  # type: ignore[arg-type]
            c = _first(index, f"SELECT counter FROM {source} WHERE unit = ? AND counter > ? ORDER BY counter LIMIT 1", [u, c])
    return groups


def _in_range(unit: str, counter: str | None, low: float | None, high: float | None) -> tuple[list[str], list]:
    """Conditions on `n` for a group's numbers whose value lies in [low, high] (a missing bound is open): a range of
    numbers_unit_counter."""
    where, params = ["n.unit = ?", "n.counter IS ?"], [unit, counter]
    if high is not None:
        where.append("n.value <= ?")
        params.append(high)
    if low is not None:
        where.append("n.value >= ?")
        params.append(low)
    return where, params


def _group_rows(index: Index, unit: str, counter: str | None, low: float | None, high: float | None,
                tie: str) -> Iterator[tuple]:
    """One group's numbers with value <= high and coalesce(value_max, value) >= low, largest first: those whose
    value is in [low, high] from numbers_unit_counter, then the ranges (3~5조) that start below low and reach into
    it (_reaching; a scan for them through every smaller value of the group was 1.1 s at 100k for an amount no
    article states)."""
    where, params = _in_range(unit, counter, low, high)
    if low is not None:  # a range written low~high whose maximum is below its value is no match (as before)
        where.append("coalesce(n.value_max, n.value) >= ?")
        params.append(low)
    for rows in index._batches(f"SELECT {_COLUMNS} FROM numbers n INDEXED BY {GROUPED} WHERE {' AND '.join(where)}"
                               f" ORDER BY n.value DESC, {tie}", params, size=200, first=GROUP_FIRST):
        yield from rows
    if low is None:
        return
    ids = _reaching(index, unit, counter, low, high, tie)
    while chunk := list(islice(ids, 200)):
        found = {row[0]: row for row in index._rows(
            f"SELECT {_COLUMNS} FROM numbers n WHERE n.id IN (SELECT value FROM json_each(?))", [json.dumps(chunk)])}
        yield from (found[i] for i in chunk if i in found)


GROUP_FIRST = 32  # a group's first batch: a page merged from every group mostly draws on one or two of them
REACH_BATCH = 256  # index entries read from each side at a time by _reaching


def _reaching(index: Index, unit: str, counter: str | None, low: float, high: float | None, tie: str) -> Iterator[int]:
    """The ids of one group's ranges that start below `low` and reach it, largest value first (ties by `tie`).
    Two partial indexes hold only the ranges: by value, where they come in order from just below `low` and the
    page usually fills at once, and by how far they reach, where an amount few ranges reach (123조원) ends at once.
    Read a batch from each in turn: when the first runs out every range was met in order; when the second does, it
    holds every one. Either way about twice the smaller of the two scans (in process at 100k, the page of 1조2000억원
    read 9,607 reaching ranges with their rows and sorted them: 34 ms)."""
    bound = " AND n.value <= ?" if high is not None else ""
    more = [high] if high is not None else []
    by_value = index._batches(
        f"SELECT n.id, n.value, n.value_max FROM numbers n INDEXED BY numbers_ranges_value WHERE n.unit = ? AND "
        f"n.counter IS ? AND n.value_max IS NOT NULL AND n.value < ?{bound} ORDER BY n.value DESC, {tie}",
        [unit, counter, low, *more], size=REACH_BATCH)
    reach, reach_params = _reaching_from_below(unit, counter, low, high)
    by_reach = index._batches(  # read only when first asked (a generator)
        f"SELECT n.id, n.value FROM numbers n INDEXED BY numbers_ranges WHERE {' AND '.join(reach)}", reach_params,
        size=REACH_BATCH)
    met: list[tuple[int, float]] = []
    given: set[int] = set()
    while True:
        batch = next(by_value, [])
        for nid, _value, value_max in batch:
            if value_max >= low:
                given.add(nid)
                yield nid
        if len(batch) < REACH_BATCH:
            return
        reached = next(by_reach, [])
        met += reached
        if len(reached) < REACH_BATCH:
            newest_first = tie.endswith("DESC")
            met.sort(key=lambda row: (-row[1], -row[0] if newest_first else row[0]))
            yield from (nid for nid, _ in met if nid not in given)
            return


def _grouped(index: Index, groups: list[tuple[str, str | None]], low: float | None, high: float | None,
             order: str) -> Iterator[tuple]:
    """The groups' numbers in `order`: "unit" one group after another, "value" merged largest first (ties newest
    id first), as the single statement orders them."""
    if order == "unit":
        return chain.from_iterable(_group_rows(index, u, c, low, high, "n.id") for u, c in groups)
    return merge(*(_group_rows(index, u, c, low, high, "n.id DESC") for u, c in groups),
                 key=lambda row: (-row[3], -row[0]))


def numbers(index: Index, unit: str | None, min: float | None, max: float | None, near: float | None,
            entity: str | None, limit: int | None, order: str) -> Iterator[NumberRow]:
    """The rows of `Index.numbers`, as a stream (the API makes the list; the CLI writes them as they come)."""
    orders = {"value": "n.value DESC, n.id DESC", "unit": "n.unit, n.counter, n.value DESC, n.id",
              "article": "n.article_id, n.start, n.id", "raw": "n.raw, n.id"}
    if order not in orders:
        raise ValueError(f"unknown order {order!r}: one of {', '.join(orders)}")
    entity_id = None
    if entity is not None:
        info = index.find_entity(entity)
        if info is None:
            return iter(())
        entity_id = info.id
    # `near` is a float by type, so formatting it into ORDER BY cannot inject SQL.
    sql_order = f"abs(n.value - {float(near)!r}), n.value, n.id" if near is not None else orders[order]
    filters, filter_params = _number_filters(unit, min, max)
    where, params = list(filters), list(filter_params)
    if near is not None:
        where.append("n.value BETWEEN ? AND ?")
        params += [near * 0.9, near * 1.1]
    if entity_id is not None:
        where.append(_OF_ENTITY)
        params.append(entity_id)
    if not has_index(index.db, READY):  # a file made before the groups (or PostgreSQL): one statement
        return number_stream(index, " AND ".join(where), params, order=sql_order, limit=limit)
    if near is None and order in ("unit", "value"):
        rows = _grouped(index, _groups(index, unit or None), min, max, order)
        if entity_id is not None:
            members = {a for (a,) in index._rows("SELECT article_id FROM article_entities WHERE entity_id = ?", [entity_id])}
            return _of_articles(index, rows, members, " AND ".join(filters), filter_params, orders[order], limit)
        return _with_sentences(index, _chunks(rows, limit))
    if order == "article" and near is None and entity_id is None and limit is not None and len(where) > 1 \
            and _matches_at_least(index, unit or None, min, max, limit):
        return number_stream(index, " AND ".join(where), params, order=sql_order, limit=limit,
                             source="numbers n INDEXED BY numbers_article")
    if min is None and max is None and near is None:  # no value bounds: a unit's range, else every number
        return number_stream(index, " AND ".join(where), params, order=sql_order, limit=limit)
    # the bounds' ranges read from the indexes alone (they hold unit, counter, value and id); the rows are read in
    # id order and checked against the filters themselves (`where`), so the answer is the single statement's
    values = (near * 0.9, near * 1.1) if near is not None else None
    ranges = _ranges_source(index, unit or None, min, max, values, "n.id, n.value")
    if ranges is None:
        return iter(())
    inner, inner_params = ranges
    page = f"SELECT r.id FROM ({inner}) r"
    if near is not None and min is None and entity_id is None:  # every range row matches: the page by distance here
        page += f" ORDER BY abs(r.value - {float(near)!r}), r.value, r.id LIMIT ?"
        inner_params.append(-1 if limit is None else limit)
    return number_stream(index, " AND ".join([f"n.id IN ({page})", *where]), [*inner_params, *params],
                         order=sql_order, limit=limit, source=_BY_ID)


_OF_ENTITY = "n.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)"
_BY_ID = "numbers n NOT INDEXED"  # rows looked up by the ids found: SQLite walked a unit's index testing each for them
SCANNED_SHARE = 8  # a count whose bounds match more than 1/8 of the numbers reads the table through, not by id


def _ranges_source(index: Index, unit: str | None, low: float | None, high: float | None,
                   values: tuple[float, float] | None, columns: str) -> tuple[str, list] | None:
    """`columns` (of the indexes: id, unit, counter, value) of the numbers with value <= high and value >= low or
    a range's maximum >= low (and a value within `values`), as a UNION ALL of index ranges, one or two a group: the
    rows a bound can match, without an index of the whole table by value (db.ADDITIONS no_numbers_value) or a scan
    of it. A superset when `low` is set: a malformed range (its maximum below its value and `low`) is no match, so
    the caller applies the filters themselves to the rows. None when the table has no group."""
    parts, params = [], []
    for u, c in _groups(index, unit):
        where, p = _in_range(u, c, low, high)
        reads = [(GROUPED, where, p)]
        if low is not None:
            reads.append(("numbers_ranges", *_reaching_from_below(u, c, low, high)))
        for index_name, conditions, more in reads:
            if values is not None:
                conditions, more = [*conditions, "n.value >= ?", "n.value <= ?"], [*more, *values]
            parts.append(f"SELECT {columns} FROM numbers n INDEXED BY {index_name} WHERE {' AND '.join(conditions)}")
            params += more
    if not parts:
        return None
    return " UNION ALL ".join(parts), params


def _unit_counts_within(index: Index, unit: str | None, low: float | None, high: float | None) -> dict[str, int]:
    """{unit: numbers with value <= high and coalesce(value_max, value) >= low}, counted in the indexes alone: a
    group's values in range, less its malformed ranges there (a maximum below `low`), plus the ranges reaching up
    from below `low`."""
    counts: dict[str, int] = {}
    for u, c in _groups(index, unit):
        where, p = _in_range(u, c, low, high)
        found = _first(index, f"SELECT count(*) FROM numbers n INDEXED BY {GROUPED} WHERE {' AND '.join(where)}", p)
        if low is not None:
            found -= _first(index, f"SELECT count(*) FROM numbers n INDEXED BY {READY} WHERE {' AND '.join(where)} "
                                   "AND n.value_max IS NOT NULL AND n.value_max < ?", [*p, low])
            reach, reach_params = _reaching_from_below(u, c, low, high)
            found += _first(index, f"SELECT count(*) FROM numbers n INDEXED BY numbers_ranges WHERE {' AND '.join(reach)}",
                            reach_params)
        counts[u] = counts.get(u, 0) + found
    return counts


def _matches_at_least(index: Index, unit: str | None, low: float | None, high: float | None, limit: int) -> bool:
    """Whether a page by article is cheaper walked in article order than sorted: walking reads about limit x N / M
    numbers (N in the table, M matching), sorting reads M, so walk when M >= sqrt(limit x N). M is counted in the
    groups' value ranges up to that bound (the ranges reaching in from below are left out: an estimate)."""
    total = _first(index, "SELECT max(id) FROM numbers", []) or 0
    need = isqrt(limit * int(total)) + 1  # type: ignore[call-overload]
    for u, c in _groups(index, unit):
        where, params = _in_range(u, c, low, high)
        need -= _first(index, f"SELECT count(*) FROM (SELECT 1 FROM numbers n INDEXED BY {GROUPED} "
                              f"WHERE {' AND '.join(where)} LIMIT ?)", [*params, need])  # type: ignore[operator]
        if need <= 0:
            return True
    return False


def number_counts(index: Index, by: str, unit: str | None, min: float | None,
                  max: float | None) -> list[tuple[str, str, int]]:
    if by not in ("unit", "article"):
        raise ValueError(f"unknown column {by!r}: unit or article")
    if min is None and max is None and (by == "unit" or not unit) and has_index(index.db, KEPT_COUNTS, "table"):
        return _kept_counts(index, by, unit or None)
    if min is None and max is None and by == "article" and has_index(index.db, KEPT_IN_UNIT, "table"):
        return _article_counts(index, "SELECT article_id, n AS c FROM unit_article_counts WHERE unit = ? "
                                      "ORDER BY n DESC, article_id LIMIT 1000", [unit])
    where, params = _number_filters(unit, min, max)
    bounded = (min is not None or max is not None) and has_index(index.db, READY)
    if bounded and by == "unit":
        counts = _unit_counts_within(index, unit or None, min, max)
        return [(u, u, c) for u, c in sorted(counts.items(), key=lambda item: (-item[1], item[0])) if c]
    source = "numbers n"
    if bounded and sum(_unit_counts_within(index, unit or None, min, max).values()) * SCANNED_SHARE \
            < (_first(index, "SELECT max(id) FROM numbers", []) or 0):  # few: their rows by id, in id order
        ranges = _ranges_source(index, unit or None, min, max, None, "n.id")
        if ranges is None:
            return []
        where, params, source = [f"n.id IN ({ranges[0]})", *where], [*ranges[1], *params], _BY_ID
    condition = " AND ".join(where)
    if by == "unit":
        return [(u, u, c) for u, c in index._rows(
            f"SELECT n.unit, count(*) AS c FROM numbers n WHERE {condition} GROUP BY n.unit ORDER BY c DESC, n.unit",
            params)]
    return _article_counts(index, f"SELECT n.article_id, count(*) AS c FROM {source} WHERE {condition} "
                                  "GROUP BY n.article_id ORDER BY c DESC, n.article_id LIMIT 1000", params)


def _article_counts(index: Index, counted: str, params: list) -> list[tuple[str, str, int]]:
    """(id, label, count) of the articles a subquery of (article_id, c) counts, most first."""
    return [(str(i), f"#{i} {t or s.rsplit('/', 1)[-1]}", c) for i, t, s, c in index._rows(
        f"SELECT a.id, a.title, a.source, c FROM ({counted}) g JOIN articles a ON a.id = g.article_id "
        "ORDER BY c DESC, a.id", params)]


def _kept_counts(index: Index, by: str, unit: str | None) -> list[tuple[str, str, int]]:
    """number_counts without a range (nor a unit, by article) from the counts triggers keep (db.ADDITIONS
    number_counts): a read of the units' few rows, or of the 1,000 articles with the most, not of every number."""
    if by == "unit":
        return [(u, u, c) for u, c in index._rows(
            "SELECT unit, n FROM number_unit_counts WHERE n > 0" + (" AND unit = ?" if unit else "")
            + " ORDER BY n DESC, unit", [unit] if unit else [])]
    return _article_counts(index, "SELECT article_id, n AS c FROM article_number_counts WHERE n > 0 "
                                  "ORDER BY n DESC, article_id LIMIT 1000", [])


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
