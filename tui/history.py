"""Search history kept across runs: one query per line in the user's data directory (like a shell's history).

↑/↓ in the search box walk it (tui.screens.search); a query joins it when the user acts on its results (opens
one, exports, saves it). The newest query is last; a query used again moves to the end instead of repeating.
"""
from __future__ import annotations

import os
from pathlib import Path

MAX_ENTRIES = 1000


def default_history_path() -> Path:
    from store.db import data_dir

    return Path(data_dir()) / "history"


class QueryHistory:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: list[str] = []
        if path is not None:
            try:
                self.entries = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            except (OSError, UnicodeDecodeError):
                self.entries = []  # no history yet, or an unreadable one: start afresh rather than fail

    def add(self, query: str) -> None:
        query = " ".join(query.split())
        if not query:
            return
        if query in self.entries:
            self.entries.remove(query)
        self.entries.append(query)
        del self.entries[:-MAX_ENTRIES]
        self._save()

    def _save(self) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text("\n".join(self.entries) + "\n", encoding="utf-8")
            os.replace(temporary, self.path)  # a crash mid-write never leaves half a history
        except OSError:
            pass  # a read-only home costs the history, never the search
