"""The bundled demo corpus: five Korean news articles on the AI industry, indexed by a first bare `hanscope`."""
from __future__ import annotations

from pathlib import Path


def folder() -> Path:
    return Path(__file__).parent


def ids(db: str | Path) -> dict[str, int]:
    """Article id of each seed in an index of this folder, by file-name prefix ("000" … "004")."""
    from store.api import Index

    index = Index.open(db)
    try:
        return {Path(a.source).name[:3]: a.id for a in index.articles()}
    finally:
        index.close()
