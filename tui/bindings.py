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
    writes: bool = False  # changes the index (an entity edit, undo, a saved search): off in a read-only app

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
    "mentions": "Mention list (drill-down)",
    "co-mentions": "Co-mentioned entities (drill-down; tab moves there)",
    "frequency": "Frequency table (F on the drill-down and the numbers table)",
    "stories": "Stories",
    "story-list": "The list of stories",
    "story": "One story",
    "help": "Help",
    "edit": "Entity edit dialog",
    "facets": "Narrow a search (facets)",
    "prompt": "Name dialog",
    "edit-menu": "Edit menu (e on the drill-down)",
    "export": "Export dialog (ctrl+s): the path is shown and can be changed",
}

KEYS: tuple[Key, ...] = (
    # everywhere, in the footer's order of importance after the screen's own keys
    # `/` and `?` are typed while a text box has focus (원/달러 is a query): f1 is the help key that always works
    Key("f1,question_mark", "help", "More", "global", display="f1",
        help="Every key, this screen's first (in a text box, ? is typed)"),
    Key("slash", "focus_search", "Search", "global", display="/",
        help="Go to the search box (in a text box, / is typed)"),
    Key("escape", "back", "Back", "global", display="esc"),
    Key("q", "back_or_quit", "Back", "global", show=False,
        help="Back; on the start screen, quit (in a text box, q is typed)"),
    Key("alt+left", "back", "Back", "global", show=False),
    Key("alt+right", "forward", "Forward", "global", show=False),
    # ctrl+n / ctrl+p move in lists as in fzf (even from a text box), so the palette and Numbers live elsewhere
    # ctrl+k wins over a text box's delete-to-end (ctrl+u still clears a box); `:` is typed inside one
    Key("ctrl+k", "command_palette", "Palette", "global", display="^k", priority=True,
        help="Command palette: jump to an entity or article by name"),
    Key("colon", "command_palette", "Palette", "global", show=False, help="The command palette, outside a text box"),
    Key("N,f3", "numbers", "Numbers", "global", display="N", show=False,
        help="The numbers table (in a text box, N is typed: f3 always works)"),
    Key("S,f4", "stories", "Stories", "global", display="f4",
        help="Stories: the articles that tell one event, who ran it first (in a text box, S is typed: f4 always works)"),
    Key("ctrl+r", "reload", "Reload", "global", show=False,
        help="Re-read the index (after `hanscope index` added articles while the app was open)"),
    Key("ctrl+q", "quit", "Quit", "global", priority=True),
    Key("u", "undo", "Undo edit", "global", show=False, writes=True,
        help="Undo the newest entity edit, from any screen (as `hanscope undo`)"),
    # moving in lists and panes, as in a terminal pager (j k g G are typed inside a text box)
    Key("j,ctrl+n", "move('down')", "Down", "global", show=False, help="Down in a list or pane (ctrl+n from a text box too)"),
    Key("k,ctrl+p", "move('up')", "Up", "global", show=False, help="Up in a list or pane (ctrl+p from a text box too)"),
    Key("g", "move('top')", "Top", "global", show=False, help="To the top of a list or pane"),
    Key("G", "move('bottom')", "Bottom", "global", show=False, help="To the bottom of a list or pane"),
    # search
    Key("down", "cursor_down", "Next result", "search", show=False,
        help="Next result (after ↑ recalled an earlier query: the next newer query)"),
    Key("up", "cursor_up", "Previous result", "search", show=False,
        help="Previous result; on the first result (or with none), the earlier query from the history"),
    Key("pagedown", "page_down", "Page down results", "search", show=False),
    Key("pageup", "page_up", "Page up results", "search", show=False),
    Key("enter", "open", "Open", "search"),
    Key("ctrl+t", "compare_pick", "Compare", "search", help="Compare: press on one article, then on another"),
    Key("ctrl+y", "copy_results", "Copy TSV", "search", show=False),
    Key("ctrl+s", "export", "Export", "search", help="Export every result (all pages) to CSV and JSON"),
    Key("ctrl+g", "facets", "Narrow", "search",
        help="Counts by outlet, month and entity over every hit; ⏎ adds one to the query (outlet:…, date:…, @…)"),
    Key("ctrl+f", "fold", "Fold similar", "search", show=False,
        help="Unfold near-duplicates (reprints, light edits: shown as +N similar under the first), or fold them again"),
    Key("ctrl+o", "sort", "Sort", "search", help="Order results by rank, newest, oldest (adds sort:new / sort:old)"),
    Key("ctrl+b", "save_search", "Save search", "search", show=False, writes=True,
        help="Save the query under a name: the palette lists saved searches; `hanscope index` says what each gained"),
    Key("ctrl+end,end", "last_result", "Last result", "search", show=False,
        help="The last result, at once however many there are (end: in the list, outside the search box)"),
    Key("ctrl+home,home", "first_result", "First result", "search", show=False,
        help="The first result (home: in the list, outside the search box)"),
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
    Key("y", "copy_sentence", "Copy", "entity", help="Copy the sentence around the mention"),
    Key("ctrl+y", "copy_list", "Copy TSV", "entity", show=False),
    Key("ctrl+s", "export", "Export", "entity", help="Export every mention to CSV and JSON"),
    Key("e", "edit_menu", "Edit…", "entity", writes=True, help="Every entity edit in one list, with its key"),
    Key("r", "edit('rename')", "Rename", "entity", show=False, writes=True, help="Rename (the old name stays a name of it)"),
    Key("t", "edit('retype')", "Retype", "entity", show=False, writes=True, help="Change the type (company, person …)"),
    Key("m", "edit('merge')", "Merge", "entity", show=False, writes=True, help="Merge another entity into this one"),
    Key("a", "edit('alias-add')", "Add alias", "entity", show=False, writes=True, help="Add a name (an alias) to this entity"),
    Key("s", "edit('split')", "Split alias", "entity", show=False, writes=True, help="Split an alias off into an entity of its own"),
    Key("x", "edit('alias-remove')", "Remove alias", "entity", show=False, writes=True, help="Remove a name (its mentions go unlinked)"),
    Key("D", "edit('delete')", "Delete entity", "entity", show=False, writes=True, help="Delete a false entity (stays deleted)"),
    Key("u", "undo", "Undo", "entity", writes=True, help="Undo the newest entity edit (`hanscope edits` lists them)"),
    Key("F", "frequency", "Counts", "entity",
        help="Mentions counted by month or by article, largest first (VisiData's frequency table); enter jumps there"),
    # the drill-down's mention list (a virtual list: these are its own keys)
    Key("down", "cursor_down", "Next mention", "mentions", show=False),
    Key("up", "cursor_up", "Previous mention", "mentions", show=False),
    Key("pagedown", "page_down", "Page down", "mentions", show=False),
    Key("pageup", "page_up", "Page up", "mentions", show=False),
    Key("home", "first", "First mention", "mentions", show=False),
    Key("end", "last", "Last mention", "mentions", show=False, help="Last mention (at once, however many)"),
    Key("enter", "select", "Open", "mentions", show=False, help="Open the article at the mention"),
    # the drill-down's co-mentioned entities (a virtual list too)
    Key("down", "cursor_down", "Next entity", "co-mentions", show=False),
    Key("up", "cursor_up", "Previous entity", "co-mentions", show=False),
    Key("pagedown", "page_down", "Page down", "co-mentions", show=False),
    Key("pageup", "page_up", "Page up", "co-mentions", show=False),
    Key("home", "first", "First entity", "co-mentions", show=False),
    Key("end", "last", "Last entity", "co-mentions", show=False),
    Key("enter", "select", "Open", "co-mentions", show=False, help="Drill down into the co-mentioned entity"),
    # compare (in the footer's order: what a reader needs first)
    Key("n", "next_number", "Same figure", "compare", help="Step through figures found in both articles"),
    Key("right_square_bracket", "step_mention(1)", "Mention", "compare", display="]",
        help="Next entity mention in this pane (tab: the other pane); enter opens its entity"),
    Key("left_square_bracket", "step_mention(-1)", "Prev mention", "compare", show=False),
    Key("enter", "open_mention", "Entity", "compare", help="Open the entity of the marked mention"),
    Key("a", "align", "Align", "compare", help="Scroll the other side to the paragraph similar to this one (≈k marks)"),
    Key("tab", "switch_pane", "Other pane", "compare", show=False),
    Key("w", "swap", "Swap", "compare"),
    Key("l", "pick('left')", "Pick left", "compare", show=False, help="Pick another article for the left side"),
    Key("r", "pick('right')", "Pick right", "compare", show=False, help="Pick another article for the right side"),
    # numbers
    Key("enter", "open", "Open article", "numbers"),
    Key("s", "sort", "Sort column", "numbers"),
    Key("f", "focus_filter", "Filter", "numbers", help="Filter by unit (KRW, USD, %, count) and range (10조, 1e9)"),
    Key("ctrl+s", "export", "Export", "numbers", help="Export the table to CSV and JSON"),
    Key("ctrl+y", "copy_list", "Copy TSV", "numbers", show=False),
    Key("F", "frequency", "Counts", "numbers",
        help="Numbers counted by unit or by article over the whole (filtered) table; enter filters to a unit or opens the article"),
    Key("escape", "leave_filter", "Back", "numbers", show=False,
        help="In a filter box: back to the table, the filter kept; elsewhere: back"),
    # stories
    Key("enter", "open", "Open story", "stories"),
    Key("down", "cursor_down", "Next story", "story-list", show=False),
    Key("up", "cursor_up", "Previous story", "story-list", show=False),
    Key("pagedown", "page_down", "Page down", "story-list", show=False),
    Key("pageup", "page_up", "Page up", "story-list", show=False),
    Key("home", "first", "First story", "story-list", show=False),
    Key("end", "last", "Last story read", "story-list", show=False, help="Last story read so far (the next page follows)"),
    Key("f", "focus_filter", "Narrow", "stories", help="Narrow the stories to those with an article the words find"),
    # one story
    Key("enter", "open", "Open article", "story"),
    Key("space", "mark", "Mark", "story", help="Mark an article to compare (mark two, or one and move to another)"),
    Key("c", "compare", "Compare", "story", help="Compare the two marked articles (or the marked one with this one)"),
    # modal dialogs
    Key("escape", "close", "Close", "help"),
    Key("escape", "cancel", "Cancel", "edit"),
    Key("escape", "close", "Close", "facets"),
    Key("escape", "cancel", "Cancel", "prompt"),
    Key("escape", "cancel", "Cancel", "export"),
    Key("escape", "close", "Close", "edit-menu"),
    Key("tab", "next_column", "Next column", "frequency", help="Count by the next column"),
    Key("escape", "close", "Close", "frequency"),
)


# The actions that change the index, by name ("edit('rename')" is "edit"), and the dialogs only they open: a
# read-only app (`hanscope serve` without --allow-edits) refuses the first and lists neither.
WRITE_ACTIONS = frozenset(k.action.split("(")[0] for k in KEYS if k.writes)
WRITE_SCOPES = frozenset({"edit", "edit-menu"})
READ_ONLY_REFUSAL = "Read-only: edits are off here (the app was started without --allow-edits)"


def writes(action: str) -> bool:
    """Whether an action (as Textual passes it: `edit`, `app.undo`, `edit('merge')`) changes the index."""
    return action.split("(")[0].rpartition(".")[2] in WRITE_ACTIONS


def bindings_for(scope: str) -> list[Binding]:
    """The Textual bindings of one scope, in registry order."""
    return [
        Binding(k.keys, k.action, k.description, show=k.show, priority=k.priority, key_display=k.display)
        for k in KEYS
        if k.scope == scope
    ]


def keys_by_scope(first: str | None = None, read_only: bool = False) -> list[tuple[str, list[Key]]]:
    """(scope title, keys) in the order the help screen shows them: `first` (the screen it was opened on), then
    the keys that work everywhere, then the other screens'. `read_only` leaves out the keys that change the index
    and the edit dialogs."""
    mine = {first, *COMPANIONS.get(first or "", ())}
    order = sorted((s for s in SCOPES if not (read_only and s in WRITE_SCOPES)),
                   key=lambda scope: (scope not in mine, scope != "global"))
    return [(SCOPES[scope], [k for k in KEYS if k.scope == scope and not (read_only and k.writes)]) for scope in order]


# Scopes that belong to a screen's help section: the drill-down's mention list has keys of its own.
COMPANIONS: dict[str, tuple[str, ...]] = {"entity": ("mentions", "co-mentions", "frequency", "edit-menu"),
                                          "numbers": ("frequency",), "stories": ("story-list",)}


def scope_of(screen: object) -> str | None:
    """The registry scope of a screen: its class name without `Screen` (EntityScreen -> entity)."""
    name = type(screen).__name__.removesuffix("Screen").lower()
    return name if name in SCOPES else None
