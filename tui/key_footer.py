"""The footer: one line of keys, fitted to its width, painted as one piece of text.

The screen's own keys come first, then the global ones in registry order (search, back, palette, quit), stopping
at the first that no longer fits, so no label is ever cut; `f1 More` always ends it, saying where the other keys
are. Clicking a key presses it.

Why not Textual's Footer: it mounts a widget per key and lays the screen out again whenever the keys change.
The first character typed in the empty search box changes them (`esc` appears), and that remount cost 150 ms
of the first keystroke's 250-600 ms at 100k articles (traced in tmux). Here a change of keys is a repaint of
one line."""
from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widget import Widget

from .bindings import KEYS

GLOBAL_ORDER = {k.action: i for i, k in enumerate(k for k in KEYS if k.scope == "global")}


@dataclass(frozen=True)
class FooterEntry:
    """One key as the footer shows it, and the cells it takes (`x` from the footer's left edge)."""

    key: str
    key_display: str
    description: str
    action: str
    enabled: bool
    tooltip: str
    x: int
    width: int


def footer_width(key_display: str, description: str) -> int:
    """Cells a key takes: the key padded by one on each side, the description followed by one space."""
    return cell_len(key_display) + 2 + cell_len(description) + 1


class KeyFooter(Widget, can_focus=False):
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description", "key-footer--hover"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--hover {
            background: $block-hover-background;
        }
    }
    """
    ALLOW_SELECT = False

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[FooterEntry] = []
        self._ready = False  # the screen's bindings are known once it signals them (as Textual's Footer waits)
        self._hover: int | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen) -> None:
        self._ready = True
        if screen is self.screen and self.is_attached and self._on_view():
            self._update_entries()

    def on_resize(self) -> None:
        if self._ready:
            self._update_entries()

    def _update_entries(self) -> None:
        entries = self.fitted(self.size.width or self.app.size.width)
        if entries != self.entries:
            self.entries = entries
            self.refresh()

    def _on_view(self) -> bool:
        """Whether the footer's screen is on top, or just under a dialog (a modal screen shows it dimmed); a screen
        hidden under another asks again when it is back on top (BaseScreen.on_screen_resume)."""
        stack = self.app.screen_stack
        return stack[-1] is self.screen or (len(stack) > 1 and stack[-2] is self.screen and isinstance(stack[-1], ModalScreen))

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        hover_style = self.get_component_rich_style("key-footer--hover")
        line = Text(no_wrap=True, overflow="crop", end="")
        for i, entry in enumerate(self.entries):
            start = len(line)
            line.append(f" {entry.key_display} ", key_style)
            line.append(f"{entry.description} ", description_style)
            if not entry.enabled:
                line.stylize("dim", start)
            if i == self._hover:
                line.stylize(hover_style, start)
        return line

    # --- which keys ---------------------------------------------------------------------------------------

    def fitted(self, width: int) -> list[FooterEntry]:
        """The keys that fit in `width` cells, most important first, `f1 More` last."""
        keys = self.keys_by_importance()
        more = [k for k in keys if k[0].action == "help"]
        cells = lambda k: footer_width(self.app.get_key_display(k[0]), k[0].description)  # noqa: E731
        used = sum(cells(k) for k in more)
        fitted = []
        for item in keys:
            if item in more:
                continue
            used += cells(item)
            if used > width:
                break
            fitted.append(item)
        entries, x = [], 0
        for binding, enabled, tooltip in fitted + more:
            shown = self.app.get_key_display(binding)
            entries.append(FooterEntry(binding.key, shown, binding.description, binding.action, enabled, tooltip, x,
                                       footer_width(shown, binding.description)))
            x += entries[-1].width
        return entries

    def keys_by_importance(self) -> list[tuple[Binding, bool, str]]:
        """One binding per action, the screen's before the app's.

        A screen's key stays listed when a focused list shadows it with a hidden key of its own (enter on a list
        selects the row, which the screen opens), so `⏎ Open` shows on the entity and numbers screens."""
        active = self.screen.active_bindings
        chosen: dict[str, tuple[bool, int, Binding, bool, str]] = {}
        for node, bindings in self.screen._modal_binding_chain:
            for key, binding in bindings:
                current = active.get(key)
                if current is None or not binding.show or binding.action in chosen:
                    continue
                if current.binding is not binding and (current.binding.show or current.node is self.app):
                    continue  # shadowed by a key the user can see (or one the app owns)
                state = self.app._check_action_state(binding.action, node)
                if state is False:
                    continue
                is_global = node is self.app
                rank = GLOBAL_ORDER.get(binding.action, len(GLOBAL_ORDER)) if is_global else len(chosen)
                chosen[binding.action] = (is_global, rank, binding, bool(state), binding.tooltip)
        return [(b, e, t) for _g, _r, b, e, t in sorted(chosen.values(), key=lambda c: c[:2])]

    # --- the mouse --------------------------------------------------------------------------------------

    def entry_at(self, x: int) -> int | None:
        return next((i for i, e in enumerate(self.entries) if e.x <= x < e.x + e.width), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self.entry_at(event.x)
        if hover != self._hover:
            self._hover = hover
            self.tooltip = self.entries[hover].tooltip or None if hover is not None else None
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        i = self.entry_at(event.x)
        if i is None:
            return
        if self.entries[i].enabled:
            self.app.simulate_key(self.entries[i].key)
        else:
            self.app.bell()
