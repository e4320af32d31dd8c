"""The search screen's preview pane: a text wrapped to the pane and scrolled, drawn a line at a time.

A Static inside a VerticalScroll (as it was) takes the height of its text, so every new preview laid the whole
screen out (5-13 ms at 120×40), once after each answer while the next key was being typed. Here the pane keeps
its size; a new text changes only the scroll range, and only the scrollbar's coming or going lays out."""
from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .frame_constants import FrameConstants


class PreviewPane(FrameConstants, can_focus=False):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.content = Text("")
        self._lines: list[Strip] = []
        self._wrapped_at = 0

    def show(self, text: Text) -> None:
        """Show `text` from its top."""
        self.content = text
        self._wrap()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def _wrap(self) -> None:
        width = max(10, self.scrollable_content_region.width or self.size.width or 40)
        console = self.app.console
        lines = self.content.wrap(console, width, overflow="fold") if self.content.plain else []
        self._lines = [Strip(list(line.render(console, end=""))).extend_cell_length(width) for line in lines]
        self._wrapped_at = width
        size = Size(width, len(self._lines))
        if size != self.virtual_size:
            if self.container_size:  # assigning virtual_size would lay out the whole screen
                self.set_reactive(ScrollView.virtual_size, size)
                self._scroll_update(size)
            else:  # not laid out yet
                self.virtual_size = size

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._wrapped_at:
            self._wrap()
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width, offset, style = self.frame_constants()
        line = offset.y + y
        if line >= len(self._lines):
            return Strip.blank(width, style)
        return self._lines[line].crop(0, width).apply_style(style)
