"""The user's entity edits: checked against the current entity set, stored as operations (replayed after every
rebuild, so they survive re-indexing), undone newest first; each store or undo re-links once."""
from __future__ import annotations

import json
from contextlib import contextmanager

import sqlite_utils

from .entity_set import EDIT_OPS, EditError, NothingToChange
from .pool import on_demand_workers


def record_edits(db: sqlite_utils.Database, edits: list[tuple[str, dict]], skip_unchanged: bool = False) -> int:
    """Check edits against the current entity set, store them, and re-link once; returns how many were stored.

    An edit that changes nothing raises NothingToChange, unless skip_unchanged (an imported alias file whose
    lines are partly known already): then it is left out, and NothingToChange is raised only if all are."""
    from ..linker import build_entity_set, link  # at call time: the linker loads this module for its callers
    entities = build_entity_set(db)
    kept: list[tuple[str, dict]] = []
    for op, args in edits:
        if op not in EDIT_OPS:
            raise EditError(f"unknown edit {op!r}")
        try:
            entities.apply(op, args)  # raises EditError with a clear line if it cannot apply
        except NothingToChange:
            if not skip_unchanged:
                raise
            continue
        kept.append((op, args))
    if not kept:
        raise NothingToChange("every entity and alias is already in the index: nothing changed")
    rows = [(op, json.dumps(args, ensure_ascii=False)) for op, args in kept]
    before = db.conn.execute("SELECT coalesce(max(id), 0) FROM edits").fetchone()[0]
    with db.conn:
        db.conn.executemany("INSERT INTO edits(op, args) VALUES (?, ?)", rows)
    with _made_or_forgotten(db, "DELETE FROM edits WHERE id > ? AND op = ? AND args = ?", [(before, *r) for r in rows]):
        with on_demand_workers() as pool:
            link(db, entities, pool)  # the checked set already holds every stored edit plus these: no second build
    return len(rows)


@contextmanager
def _made_or_forgotten(db: sqlite_utils.Database, statement: str, rows: list[tuple]):
    """Run the link of a stored (or unstored) edit; when it fails, put the edits table back as it was (`statement`
    over `rows`). Otherwise the next link would make an edit the user was told had failed: a retype refused in the
    app stayed stored, and trying it again said "already a person"."""
    try:
        yield
    except BaseException:
        try:
            with db.conn:
                db.conn.executemany(statement, rows)
        except Exception:  # the link's own error (a full disk, say) is the one to report
            pass
        raise


def undo_last_edit(db: sqlite_utils.Database) -> list[tuple[int, str, dict, str]]:
    """Forget the newest stored edit and re-link; returns the (id, op, args, at) undone ([] when there is nothing).

    An alias import is one edit to the user: its `define` lines, stored together, go together."""
    from ..linker import link  # at call time: the linker loads this module for its callers
    conn = db.conn
    last = conn.execute("SELECT id, op, at FROM edits ORDER BY id DESC LIMIT 1").fetchone()
    if last is None:
        return []
    rows = [(last[0], last[1])]
    if last[1] == "define":
        rows = []
        for edit_id, op, at in conn.execute("SELECT id, op, at FROM edits ORDER BY id DESC"):
            if op != "define" or at != last[2]:
                break
            rows.append((edit_id, op))
    stored = [tuple(row) for row in conn.execute(
        "SELECT id, op, args, at FROM edits WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
        [json.dumps([r[0] for r in rows])])]
    undone = [(edit_id, op, json.loads(args), at) for edit_id, op, args, at in stored]
    with conn:
        conn.executemany("DELETE FROM edits WHERE id = ?", [(r[0],) for r in rows])
    with _made_or_forgotten(db, "INSERT INTO edits(id, op, args, at) VALUES (?, ?, ?, ?)", stored):
        with on_demand_workers() as pool:
            link(db, pool=pool)
    return undone
