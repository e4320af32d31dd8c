"""Each entity's mention and article counts: moved by what its mentions did in the re-matched articles (an add), or
counted again from every article (a full link)."""
from __future__ import annotations

from collections import Counter

from ..backends import backend_of


def move_counts(conn, counts: Counter) -> None:
    """`counts`: (entity id, "m" | "a") -> change, as store.linking.rows.store_mentions heard it."""
    moved: dict[int, list[int]] = {}
    for (entity_id, what), n in counts.items():
        moved.setdefault(entity_id, [0, 0])[what == "a"] += n
    conn.executemany("UPDATE entities SET mentions = mentions + ?, articles = articles + ? WHERE id = ?",
                     [(m, a, entity_id) for entity_id, (m, a) in moved.items() if m or a])


def recount(conn) -> None:
    if backend_of(conn) == "postgres":
        # The link's rows are not yet committed: statistics another session took meanwhile (its run's ANALYZE,
        # autovacuum) count none of them, and on "empty" tables the statement below became a nested loop that
        # re-read all of article_entities for every entity (round 9's 5k team bench: over 5 minutes; the stories
        # step after it too). ANALYZE in this transaction counts its own rows.
        conn.execute("ANALYZE article_entities, entities")
    conn.execute("UPDATE entities SET mentions = 0, articles = 0")
    conn.execute(
        "UPDATE entities SET mentions = c.n, articles = c.a FROM (SELECT entity_id, sum(mentions) AS n, "
        "count(*) AS a FROM article_entities GROUP BY entity_id) AS c WHERE c.entity_id = entities.id"
    )
