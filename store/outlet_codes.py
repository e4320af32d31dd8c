"""Each article's outlet as a small number, held in memory by an open index, so that the outlet facet of words
alone (or of one entity alone) counts its hits from the rows that hold their article ids (search rowids, an entity's
article_entities rows) without a join per hit.

At 1M articles 삼성's 667k hits took 857 ms to count by outlet through a join with the (id, outlet) index, one
probe per hit; reading their rowids once for both the months and the outlets takes ~310 ms. The table costs 4 bytes
an article (4 MB at 1M) and is read once per open (612 ms at 1M, ~60 ms at 100k). After another connection's
commit (`PRAGMA data_version`) it reads the articles added since, when no article was removed or given another
outlet meanwhile (meta `articles_removed`, counted by triggers: store.db ADDITIONS); else, or in a file without
that count, it is read again: a facet never counts an outlet an article no longer has, even when a new article
takes a removed one's id.
"""
from __future__ import annotations

from array import array


class OutletCodes:
    """codes[article id] -> index into names (0: no outlet, or no such article)."""

    def __init__(self, conn) -> None:
        self.version = _data_version(conn)
        self.removed = _removed(conn)
        self.names: list[str | None] = [None]
        self._number: dict[str, int] = {}
        self.codes = array("I")
        self.extend(conn)

    def codes_of(self, names: list[str]) -> list[int]:
        """The codes of these outlet names (a name no article has: none)."""
        return [self._number[name] for name in names if name in self._number]

    def current(self, conn) -> bool:
        """Whether no other connection committed since the table was read."""
        return _data_version(conn) == self.version

    def caught_up(self, conn) -> bool:
        """After another connection's commit: extended to it when that only added articles (True), else False (the
        table must be read again)."""
        version, removed = _data_version(conn), _removed(conn)
        if removed is None or removed != self.removed:
            return False
        self.extend(conn)
        if _removed(conn) != removed:  # a removal committed while extending: read it all
            return False
        self.version = version
        return True

    def extend(self, conn) -> None:
        """Read the outlets of articles added since (ids above the table's): a commit that lands while a facet
        is being counted."""
        start = len(self.codes)
        top = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
        if top < start:
            return
        self.codes.extend(array("I", bytes(self.codes.itemsize * (top + 1 - start))))
        for article_id, outlet in conn.execute(
                "SELECT id, outlet FROM articles INDEXED BY articles_id_outlet WHERE id >= ? AND id <= ? "
                "AND outlet IS NOT NULL", [start, top]):
            number = self._number.get(outlet)
            if number is None:
                number = self._number[outlet] = len(self.names)
                self.names.append(outlet)
            self.codes[article_id] = number


def _data_version(conn) -> int:
    return conn.execute("PRAGMA data_version").fetchone()[0]


def _removed(conn) -> str | None:
    """The file's count of articles removed or given another outlet; None when it keeps none."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'articles_removed'").fetchone()
    return None if row is None else str(row[0])
