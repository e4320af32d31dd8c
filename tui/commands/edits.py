"""Entity edits from the command line: merge, rename, retype, delete, aliases (add, remove, split), the edit
history and undo, and the alias file export and import. Every edit is stored and replayed after re-indexing."""
from __future__ import annotations

from pathlib import Path

import click

from store.model import ENTITY_TYPES

from ..quick import EXIT_NOT_FOUND, QueryError, open_index
from .common import db_option, emit_json, json_option, plural, print_table


def _edit(db: Path | None, op: str, **args) -> None:
    from store.linker import EditError

    index = open_index(db)
    try:
        index.edit(op, **args)
    except EditError as err:  # an unknown name, or an edit that would change nothing (NothingToChange)
        raise QueryError(str(err), EXIT_NOT_FOUND) from None
    said = index.edits()[-1].description
    click.echo(f"{said[:1].upper()}{said[1:]} (hanscope undo reverts it)", err=True)


@click.command()
@db_option
@json_option
def edits(db: Path | None, as_json: bool) -> None:
    """The entity edits stored in the index, oldest first (replayed after every re-index)."""
    rows = open_index(db).edits()
    if as_json:
        emit_json(rows)
    if not rows:
        raise QueryError("no entity edits yet", EXIT_NOT_FOUND)
    if not as_json:
        print_table(["id", "when (UTC)", "edit"], [[r.id, r.at[:16], r.description] for r in rows], right=("id",))


@click.command()
@db_option
def undo(db: Path | None) -> None:
    """Revert the newest entity edit (an alias import counts as one)."""
    undone = open_index(db).undo()
    if not undone:
        raise QueryError("no entity edits to undo", EXIT_NOT_FOUND)
    what = undone[0].description if len(undone) == 1 else f"the import of {len(undone)} entities"
    click.echo(f"Undid: {what}", err=True)


@click.command()
@click.argument("into")
@click.argument("other")
@db_option
def merge(into: str, other: str, db: Path | None) -> None:
    """Merge entity OTHER into entity INTO (OTHER's names become aliases of INTO)."""
    _edit(db, "merge", **{"into": into, "from": other})


@click.command()
@click.argument("entity_name")
@click.argument("new_name")
@db_option
def rename(entity_name: str, new_name: str, db: Path | None) -> None:
    """Rename an entity (the old name stays as an alias)."""
    _edit(db, "rename", entity=entity_name, name=new_name)


@click.command()
@click.argument("entity_name")
@click.argument("type_", metavar="TYPE", type=click.Choice(ENTITY_TYPES))
@db_option
def retype(entity_name: str, type_: str, db: Path | None) -> None:
    """Change an entity's type."""
    _edit(db, "retype", entity=entity_name, type=type_)


@click.command("delete-entity")
@click.argument("entity_name")
@db_option
def delete_entity(entity_name: str, db: Path | None) -> None:
    """Delete a false entity; it stays deleted across re-indexing."""
    _edit(db, "delete", entity=entity_name)


@click.group()
def alias() -> None:
    """Add, remove or split off an entity's aliases."""


@alias.command("add")
@click.argument("entity_name")
@click.argument("alias_text", metavar="ALIAS")
@db_option
def alias_add(entity_name: str, alias_text: str, db: Path | None) -> None:
    """Make ALIAS another name of ENTITY."""
    _edit(db, "alias-add", entity=entity_name, alias=alias_text)


@alias.command("remove")
@click.argument("entity_name")
@click.argument("alias_text", metavar="ALIAS")
@db_option
@click.option("--split", is_flag=True, help="Make the alias an entity of its own.")
def alias_remove(entity_name: str, alias_text: str, db: Path | None, split: bool) -> None:
    """Remove ALIAS from ENTITY (with --split it becomes its own entity)."""
    _edit(db, "split" if split else "alias-remove", entity=entity_name, alias=alias_text)


@click.command("export-aliases")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
def export_aliases(file: Path, db: Path | None) -> None:
    """Write every entity and its aliases to FILE (type<TAB>name<TAB>alias|alias; '-' for stdout)."""
    text = open_index(db).export_aliases()
    if str(file) == "-":
        click.echo(text, nl=False)
    else:
        try:
            file.write_text(text, encoding="utf-8")
        except OSError as err:
            raise QueryError(f"cannot write {file}: {err.strerror or err}") from None


@click.command("import-aliases")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
def import_aliases(file: Path, db: Path | None) -> None:
    """Define entities and aliases from FILE (the export-aliases format); kept across re-indexing."""
    from store.linker import EditError, NothingToChange

    try:
        count = open_index(db).import_aliases(file.read_text(encoding="utf-8"))
    except NothingToChange as err:
        raise QueryError(f"{file}: {err}", EXIT_NOT_FOUND) from None
    except (UnicodeDecodeError, EditError) as err:
        raise QueryError(f"{file}: {err}") from None
    click.echo(f"Imported {plural(count, 'entity', 'entities')} (lines the index already held are left out; "
               "hanscope undo reverts the import)", err=True)
