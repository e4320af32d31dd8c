"""Every key of every screen, straight from the bindings registry."""
from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..bindings import bindings_for, keys_by_scope

KEY_COLUMN = 16


def help_text(first: str | None = None, read_only: bool = False) -> Text:
    """Every key, grouped by where it works; the keys of scope `first` (the screen help was opened on) on top.
    A read-only app lists no key that would change the index."""
    out = Text()
    out.append("hanscope keys", style="bold underline")
    out.append("  (mouse works too: click results, scroll panes, click footer keys)\n", style="dim")
    if read_only:
        out.append("Read-only: entity edits, undo and saving searches are off here.\n", style="yellow")
    for title, keys in keys_by_scope(first, read_only):
        if not keys:
            continue
        out.append(f"\n{title}\n", style="bold")
        for key in keys:
            label = key.label
            out.append("  " + label + " " * max(1, KEY_COLUMN - cell_len(label)), style="bold #ffaf5f")
            out.append(key.explanation + "\n")
    out.append("\nSearch understands particles (오픈AI는), typos (엔비디야), initials (ㅇㅂㄷㅇ), Latin names (NVIDIA)\n"
               "and amounts (90만장, 5000억 달러).\n", style="dim")
    out.append("\nQuery language\n", style="bold")
    for syntax, meaning in QUERY_SYNTAX:
        out.append("  " + syntax + " " * max(1, SYNTAX_COLUMN - cell_len(syntax)), style="bold #ffaf5f")
        out.append(meaning + "\n")
    return out


SYNTAX_COLUMN = 34
QUERY_SYNTAX = (
    ("삼성 HBM", "both words (a space is AND; spacing inside words never matters: 90만장 = 90만 장)"),
    ('"스타게이트 프로젝트"', "a phrase: adjacent, in this order"),
    ("-비트코인   NOT 경주", "leave out"),
    ("삼성 | SK   (삼성 OR SK) HBM", "either; brackets group"),
    ("@삼성전자   entity:#465", "articles that mention the entity under any name (typos, ㅅㅅㅈㅈ, Latin)"),
    ("outlet:뉴스1   by:김현일", "outlet, reporter (prefix; two of one field mean either)"),
    ("date:2025-10   after:2025-10-01", "dates; also before:2025-11, date:2025-09-01..2025-10-31"),
    ("sort:new   sort:old   sort:rank", "order (ctrl+o cycles it)"),
    ("type:person", "narrows the entities listed"),
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = bindings_for("help")

    def __init__(self, first: str | None = None, read_only: bool = False) -> None:
        super().__init__()
        self.first = first
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(help_text(self.first, self.read_only))

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()

    def action_close(self) -> None:
        self.dismiss(None)
