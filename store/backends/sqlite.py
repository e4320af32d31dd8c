"""The SQLite backend: one file, opened by store.db; indexed by store.indexer (FTS5 over character bigrams)."""
from __future__ import annotations

from ..db import connect

__all__ = ["connect", "index_paths"]


def index_paths(db, paths, **options):
    from ..indexer import index_paths as index_file

    return index_file(db, paths, **options)
