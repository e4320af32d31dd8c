"""The `hanscope` commands, one module per group; tui.cli holds the click group that registers them.

Each command module imports only the store's query path at the top (no Textual, no analyzer): the heavier
imports stay inside the commands that need them.
"""
