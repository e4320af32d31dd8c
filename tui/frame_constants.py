"""What every line of a line-drawn widget needs, worked out once a frame instead of at each line.

`scrollable_content_region` is computed anew at each ask and `rich_style` walks the styles of every ancestor; a
list or pane that asked for them at each of a frame's ~33 lines spent a fifth of a preview's frame on it
(profiled at 100k). Textual draws a widget's lines inside its `render_lines`: they are taken there."""
from __future__ import annotations

from rich.style import Style
from textual.geometry import Offset, Region
from textual.scroll_view import ScrollView
from textual.strip import Strip


class FrameConstants(ScrollView):
    _frame: tuple[int, Offset, Style] | None = None  # while a frame is drawn

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame = (self.scrollable_content_region.width, self.scroll_offset, self.rich_style)
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def frame_constants(self) -> tuple[int, Offset, Style]:
        """(content width, scroll offset, style): the frame's, or worked out now for a line asked outside one."""
        return self._frame or (self.scrollable_content_region.width, self.scroll_offset, self.rich_style)
