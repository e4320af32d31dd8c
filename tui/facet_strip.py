"""The facet strip above the search results: outlets, a sparkline of months and the top entities of every hit."""
from __future__ import annotations

from rich.text import Text
from textual.visual import VisualType
from textual.widgets import Static

from store.results import Facets

from .widgets import clean_line, fit

SPARK = "▁▂▃▄▅▆▇█"


def facet_strip(facets: Facets, width: int) -> Text:
    """One line of outlets, a sparkline of months and one line of top entities, above the results."""
    outlets = " · ".join(f"{clean_line(name)} {n}" for name, n in facets.outlet[:6])
    line = Text.assemble(("outlets ", "bold"), outlets or "—")
    if facets.month:
        counts = [n for _, n in facets.month][-24:]
        top = max(counts)
        spark = "".join(SPARK[min(7, (n * 8 - 1) // top)] for n in counts)
        first, last = facets.month[max(0, len(facets.month) - 24)][0], facets.month[-1][0]
        line.append_text(Text.assemble(("  months ", "bold"), (spark, "#5fafff"), f" {first}…{last}"))
    entities = " · ".join(f"{clean_line(name)} {n}" for name, _kind, n, _id in facets.entity[:8])
    second = Text.assemble(("top ", "bold"), entities or "—", ("  ctrl+g narrows", "dim italic"))
    return Text("\n").join([fit(line, width), fit(second, width)])


class FacetStrip(Static):
    """The strip's two lines. Their height is fixed by the stylesheet, so new facets repaint the strip without laying
    the screen out again (Static.update would, 5-13 ms at 120×40 after every answer, beside the next keystroke);
    showing or hiding the strip still does."""

    def update(self, content: VisualType = "", *, layout: bool = False) -> None:
        super().update(content, layout=layout)

    def fade(self) -> None:
        """Dim the last query's facets while the new answer's are counted: the strip keeps its place (hiding it would
        move the list a line up and back at every keystroke) without passing for the new answer's counts."""
        if isinstance(self.content, Text) and self.content.style != "dim":
            faded = self.content.copy()
            faded.style = "dim"  # (over its spans' colours; a second answer before the counts changes nothing)
            self.update(faded)
