"""Saved searches: named queries kept in the index's meta table, so `hanscope index` can say what each gained.

`store.api.Index` delegates here.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .query import parse as parse_query
from .search import SearchPlan

if TYPE_CHECKING:
    from .api import Index


def saved_searches(index: Index) -> dict[str, str]:
    rows = index._rows("SELECT value FROM meta WHERE key = 'saved_searches'")
    return json.loads(rows[0][0]) if rows else {}


def save_search(index: Index, name: str, query: str) -> None:
    name = " ".join(name.split())
    if not name or len(name) > 80:
        raise ValueError("a saved search needs a name of 1 to 80 characters")
    parse_query(query)  # a query that cannot be read is not saved (QuerySyntaxError)
    _write_saved(index, {**index.saved_searches(), name: query})


def delete_saved_search(index: Index, name: str) -> bool:
    saved = index.saved_searches()
    if saved.pop(name, None) is None:
        return False
    _write_saved(index, saved)
    return True


def _write_saved(index: Index, saved: dict[str, str]) -> None:
    with index.db:
        index.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('saved_searches', ?)",
                        (json.dumps(saved, ensure_ascii=False),))


def saved_gains(index: Index, after_id: int) -> list[tuple[str, int]]:
    from .query import QuerySyntaxError

    gains = []
    for name, query in sorted(index.saved_searches().items()):
        try:
            gains.append((name, SearchPlan(index, parse_query(query)).count(("a.id > ?", [after_id]))))
        except QuerySyntaxError:
            gains.append((name, -1))
    return gains
