"""The search box: Textual's Input, minus a whole-screen layout on every keystroke.

Input keeps the width of its text in `virtual_size`, a reactive declared with layout=True, so each character
typed lays out every widget on the screen (5–6 ms at 120×40, on the main thread while the search runs). The
box's own size never depends on its text (width 1fr, one line, no scrollbar), so here `virtual_size` only
repaints; the horizontal scroll limit still follows the text because the value is stored the same way.
"""
from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class QueryBox(Input):
    virtual_size = Reactive(Size(0, 0), layout=False)
