"""The `hanscope` command. Every command takes --db; data commands take --json for scripts.

Exit codes: 0 success, 1 nothing found to act on (a message on stderr), 2 bad usage or an unusable database.
The query commands import only the store's query path: no Textual, no analyzer.

This module holds the click group, registers the commands (one module per group in tui.commands) and turns every
error into one line; the options and output the commands share are in tui.commands.common.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from .commands import articles, edits, entities, explorer, indexing, numbers, search, stories
from .quick import QueryError, finish


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="hanscope")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Explore a Korean news corpus from the terminal.

    \b
    hanscope                      open the app (builds an index of the bundled seeds on first run)
    hanscope index ~/news         index a folder of .txt/.md/.html/.json/.jsonl articles
    hanscope search 하이닉스       full-text, entity and number search
    hanscope entity 엔비디야       an entity's mentions (typos, initials ㅇㅂㄷㅇ, NVIDIA all work)
    hanscope stories              one row per story: who ran it, who ran it first
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(explorer.tui)


for command in (
    indexing.index,
    articles.articles, articles.show, articles.compare,
    search.search,
    entities.entity, entities.entities,
    numbers.numbers,
    stories.stories, stories.story,
    edits.edits, edits.undo, edits.merge, edits.rename, edits.retype, edits.delete_entity, edits.alias,
    edits.export_aliases, edits.import_aliases,
    explorer.tui, explorer.serve,
):
    cli.add_command(command)


def one_line(message: str) -> str:
    return " ".join(message.split())


def _open_path_argument(argv: list[str]) -> list[str]:
    """`hanscope FILE [options]` opens that index, as `harlequin my.db` or `datasette my.db` do: FILE becomes
    `tui --db FILE` when it is no command name and exists on disk."""
    if not argv or argv[0].startswith("-") or argv[0] in cli.commands:
        return argv
    path = Path(argv[0]).expanduser()
    if path.is_dir():
        raise QueryError(f"{argv[0]} is a folder: index it first (hanscope index {argv[0]}), then open the index")
    return ["tui", "--db", argv[0], *argv[1:]] if path.exists() else argv


def main() -> NoReturn:
    """The click CLI (tui.quick.main answers plain searches before it)."""
    def run() -> int:
        args = _open_path_argument(sys.argv[1:])
        # standalone_mode=False: click would print "Aborted!" and exit 1 (our "nothing found") on Ctrl-C.
        try:
            code = cli.main(args=args, prog_name="hanscope", standalone_mode=False)
        except click.exceptions.Abort:
            raise KeyboardInterrupt from None
        except click.UsageError as err:  # click prints usage, a hint and the error on three lines: the README promises one
            where = err.ctx.command_path if err.ctx is not None else "hanscope"
            click.echo(f"Error: {one_line(err.format_message())} (see '{where} --help')", err=True)
            return err.exit_code
        except click.ClickException as err:
            click.echo(f"Error: {one_line(err.format_message())}", err=True)
            return err.exit_code
        return code if isinstance(code, int) else 0

    sys.exit(finish(run))
