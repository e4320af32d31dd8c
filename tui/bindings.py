"""The one registry of key bindings: every screen's BINDINGS, the footer and the help screen come from here.

A key is declared once with the scope it works in ("global" = everywhere, else a screen's name). Screens call
`bindings_for(scope)`; the help screen walks `KEYS` grouped by scope, so the help can never drift from the keys.
"""
from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.keys import format_key


@dataclass(frozen=True, slots=True)
class Key:
    keys: str  # Textual key spec, comma-separated alternatives
    action: str
    description: str
    scope: str
    show: bool = True  # in the footer (the help screen lists every key regardless)
    priority: bool = False  # wins over a focused text box (a printable key then cannot be typed)
    display: str | None = None  # footer label, when the key's own name is unclear
    help: str | None = None  # longer text for the help screen

    @property
    def explanation(self) -> str:
        return self.help or self.description

    @property
    def label(self) -> str:
        """Every key that triggers it, as the help screen shows them: `n / ]`, `? / f1`, `ctrl+q`."""
        return " / ".join(format_key(k) for k in self.keys.split(","))


SCOPES: dict[str, str] = {
    "global": "Everywhere",
    "search": "Search (start screen)",
    "article": "Article",
    "entity": "Entity drill-down",
    "compare": "Compare two articles",
    "numbers": "Numbers table",
    "stories": "Stories",
    "story": "One story",
    "help": "Help",
    "edit": "Entity edit dialog",
}

KEYS: tuple[Key, ...] = (
    # everywhere, in the footer's order of importance after the screen's own keys
    # `/` and `?` are typed while a text box has focus (원/달러 is a query): f1 is the help key that always works
    Key("f1,question_mark", "help", "Help", "global", display="f1", help="This help (in a text box, ? is typed)"),
    Key("slash", "focus_search", "Search", "global", display="/",
        help="Go to the search box (in a text box, / is typed)"),
    Key("escape", "back", "Back", "global", display="esc"),
    Key("alt+left", "back", "Back", "global", show=False),
    Key("alt+right", "forward", "Forward", "global", show=False),
    Key("ctrl+p", "command_palette", "Palette", "global", help="Command palette: jump to an entity or article by name"),
    Key("ctrl+n", "numbers", "Numbers", "global", show=False),
    Key("ctrl+o", "stories", "Stories", "global", help="Stories: the articles that tell one event, who ran it first"),
    Key("ctrl+r", "reload", "Reload", "global", show=False,
        help="Re-read the index (after `hanscope index` added articles while the app was open)"),
    Key("ctrl+q", "quit", "Quit", "global", priority=True),
    # search
    Key("down", "cursor_down", "Next result", "search", show=False),
    Key("up", "cursor_up", "Previous result", "search", show=False),
    Key("pagedown", "page_down", "Page down results", "search", show=False),
    Key("pageup", "page_up", "Page up results", "search", show=False),
    Key("enter", "open", "Open", "search"),
    Key("ctrl+t", "compare_pick", "Compare", "search", help="Compare: press on one article, then on another"),
    Key("ctrl+y", "copy_results", "Copy TSV", "search", show=False),
    Key("ctrl+s", "export", "Export", "search", help="Export the results to CSV and JSON"),
    # article
    Key("n,right_square_bracket", "next_mention", "Next mention", "article"),
    Key("p,left_square_bracket", "prev_mention", "Prev mention", "article"),
    Key("enter", "open_mention", "Entity", "article"),
    Key("c", "compare_with", "Compare", "article", help="Compare with an article picked from search"),
    Key("y", "copy_sentence", "Copy sentence", "article", show=False),
    Key("Y", "copy_article", "Copy article", "article", show=False),
    # entity
    Key("enter", "open", "Open", "entity"),
    Key("tab", "switch_list", "Mentions ⇄ related", "entity", show=False),
    Key("y", "copy_sentence", "Copy sentence", "entity", show=False),
    Key("ctrl+y", "copy_list", "Copy TSV", "entity", show=False),
    Key("ctrl+s", "export", "Export", "entity", help="Export every mention to CSV and JSON"),
    Key("r", "edit('rename')", "Rename", "entity"),
    Key("t", "edit('retype')", "Retype", "entity", show=False),
    Key("m", "edit('merge')", "Merge", "entity", show=False),
    Key("a", "edit('alias-add')", "Add alias", "entity", show=False),
    Key("s", "edit('split')", "Split alias", "entity", show=False, help="Split an alias off into an entity of its own"),
    Key("x", "edit('alias-remove')", "Remove alias", "entity", show=False),
    Key("D", "edit('delete')", "Delete entity", "entity", show=False),
    # compare
    Key("tab", "switch_pane", "Other pane", "compare", show=False),
    Key("w", "swap", "Swap", "compare"),
    Key("l", "pick('left')", "Pick left", "compare"),
    Key("r", "pick('right')", "Pick right", "compare"),
    Key("a", "align", "Align", "compare", help="Scroll the other side to the paragraph similar to this one (≈ marks)"),
    Key("n", "next_number", "Same figure", "compare", help="Step through figures found in both articles"),
    # numbers
    Key("enter", "open", "Open article", "numbers"),
    Key("s", "sort", "Sort column", "numbers"),
    Key("f", "focus_filter", "Filter", "numbers", help="Filter by unit (KRW, USD, %, count) and range (10조, 1e9)"),
    Key("ctrl+s", "export", "Export", "numbers", help="Export the table to CSV and JSON"),
    Key("ctrl+y", "copy_list", "Copy TSV", "numbers", show=False),
    # stories
    Key("enter", "open", "Open story", "stories"),
    Key("f", "focus_filter", "Narrow", "stories", help="Narrow the stories to those with an article the words find"),
    # one story
    Key("enter", "open", "Open article", "story"),
    Key("space", "mark", "Mark", "story", help="Mark an article to compare (mark two, or one and move to another)"),
    Key("c", "compare", "Compare", "story", help="Compare the two marked articles (or the marked one with this one)"),
    # modal dialogs
    Key("escape", "close", "Close", "help"),
    Key("escape", "cancel", "Cancel", "edit"),
)


def bindings_for(scope: str) -> list[Binding]:
    """The Textual bindings of one scope, in registry order."""
    return [
        Binding(k.keys, k.action, k.description, show=k.show, priority=k.priority, key_display=k.display)
        for k in KEYS
        if k.scope == scope
    ]


def keys_by_scope() -> list[tuple[str, list[Key]]]:
    """(scope title, keys) in the order the help screen shows them."""
    return [(title, [k for k in KEYS if k.scope == scope]) for scope, title in SCOPES.items()]
