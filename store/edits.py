"""User edits of entities (merge, rename, retype, aliases, split, delete, define), their undo and history, and the
alias file export and import: written through store.linker, which is imported only when an edit is made.

`store.api.Index` delegates here.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .backends import backend_of
from .entity_lookup import entity_infos
from .results import EditRow

if TYPE_CHECKING:
    from .api import Index


def _for_linker(index: Index, sqlite_utils):
    """What store.linker writes through: sqlite_utils over an SQLite file; a server connection (store.backends)
    offers the same `.conn` and `.execute` itself."""
    return index.db if backend_of(index.db) != "sqlite" else sqlite_utils.Database(index.db)


def edit(index: Index, op: str, **args) -> None:
    import sqlite_utils

    from .linker import record_edits  # the linker (and its matcher) is only needed to write

    record_edits(_for_linker(index, sqlite_utils), [(op, args)])
    index.refresh()


def undo(index: Index) -> list[EditRow]:
    import sqlite_utils

    from .linker import undo_last_edit
    from .linking.edit_words import describe_edit

    undone = undo_last_edit(_for_linker(index, sqlite_utils))
    index.refresh()
    return [EditRow(i, op, args, at, describe_edit(op, args)) for i, op, args, at in undone]


def edits(index: Index) -> list[EditRow]:
    from .linking.edit_words import describe_edit

    out = []
    for edit_id, op, args, at in index._rows("SELECT id, op, args, at FROM edits ORDER BY id"):
        parsed = json.loads(args)
        out.append(EditRow(edit_id, op, parsed, at, describe_edit(op, parsed)))
    return out


def export_aliases(index: Index) -> str:
    lines = ["# hanscope aliases: type<TAB>name<TAB>aliases separated by |"]
    for info in entity_infos(index, [r[0] for r in index._rows("SELECT id FROM entities ORDER BY type, name")]):
        lines.append(f"{info.type}\t{info.name}\t{'|'.join(info.aliases)}")
    return "\n".join(lines) + "\n"


def import_aliases(index: Index, text: str) -> int:
    import sqlite_utils

    from .extract.entities import parse_alias_lines
    from .linker import record_edits

    edits = [("define", {"name": c.name, "type": c.type, "aliases": c.aliases}) for c in parse_alias_lines(text)]
    # lines the index already holds (the shipped alias file's, in an export) are not stored again
    stored = record_edits(_for_linker(index, sqlite_utils), edits, skip_unchanged=True)
    index.refresh()
    return stored
