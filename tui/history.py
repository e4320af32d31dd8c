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


class HistoryWalk:
    """Where ↑/↓ stand in the history while they walk it (None: not walking), and what was typed before."""

    def __init__(self) -> None:
        self.at: int | None = None
        self.draft = ""

    @property
    def walking(self) -> bool:
        return self.at is not None

    def typed(self, entries: list[str], value: str) -> None:
        """The box changed: typing (anything but the entry the walk put there) ends the walk."""
        if self.at is not None and (self.at >= len(entries) or value != entries[self.at]):
            self.at = None

    def step(self, entries: list[str], typed: str, step: int) -> str | None:
        """One step back (-1) or forward (+1) from the box holding `typed`: the text for the box, or None to leave
        it (the oldest query stays; forward past the newest gives back the draft)."""
        if self.at is None:
            if step > 0 or not entries:
                return None
            self.draft = typed
            at = len(entries)
        else:
            at = self.at
        at += step
        if at < 0:
            return None
        if at >= len(entries):
            self.at = None
            return self.draft
        self.at = at
        return entries[at]
