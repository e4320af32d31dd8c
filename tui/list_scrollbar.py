"""The vertical scrollbar of the virtual lists, drawn straight into strips and kept while it looks the same.

Textual draws a scrollbar as a rich renderable, then passes each of its lines through the styles cache like any
widget's. A search answer changes the result list's length, so its scrollbar was redrawn on every keystroke:
~2 ms of the ~8 ms of CPU the results frame took at 120x40 (headless, 100k index). This one asks Textual's own
`ScrollBarRender.render_bar` for the same segments (glyphs, colours, mouse actions), makes one strip a line,
applies the app's line filters as the styles cache would, and keeps the strips until the bar would look different.
The lists keep their bar shown (overflow-y: scroll) so that it never comes or goes with their length, which laid
the whole screen out again; while a list fits, its bar is drawn blank, as the gutter it stands in for.
"""
from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip


class ListScrollBar(ScrollBar):
    def __init__(self, vertical: bool = True, name: str | None = None, *, thickness: int = 1) -> None:
        super().__init__(vertical, name, thickness=thickness)
        self._drawn: tuple | None = None
        self._strips: list[Strip] = []

    def render_lines(self, crop: Region) -> list[Strip]:
        bar = self.render()
        width, height = self.size
        if not self.vertical or not isinstance(bar, ScrollBarRender) or not width or not height:
            return super().render_lines(crop)
        if not bar.window_size:  # the list fits: blank, as the gutter it stands in for
            blank = Strip.blank(width, self._gutter_style())
            return [blank.crop(crop.x, crop.right)] * crop.height
        background = self.background_colors[1]
        filters = self.get_line_filters()
        base = self.visual_style.rich_style  # what Textual renders the bar's segments over
        looks = (width, height, bar.virtual_size, bar.window_size, bar.position, bar.style, base, background,
                 tuple(filters))
        if looks != self._drawn:
            self._strips = self._draw(bar, width, height, base, background, filters)
            self._drawn = looks
        strips = self._strips[crop.y:crop.bottom]
        if crop.column_span != (0, width):
            strips = [strip.crop(crop.x, crop.right) for strip in strips]
        return strips

    def _gutter_style(self) -> Style:
        base_background, background = self.parent.background_colors  # type: ignore[union-attr]
        return Style(bgcolor=(base_background + background).rich_color)

    def _draw(self, bar: ScrollBarRender, width: int, height: int, base: Style, background, filters) -> list[Strip]:
        style = bar.style
        segments = bar.render_bar(size=height, virtual_size=bar.virtual_size, window_size=bar.window_size,
                                  position=bar.position, thickness=width, vertical=True,
                                  back_color=style.bgcolor, bar_color=style.color).segments
        strips = []
        for segment in segments:
            strip = Strip([Segment(segment.text, base + segment.style if segment.style else base)], width)
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, background)
            strips.append(strip)
        return strips
