"""An entity's mentions over time as a text bar chart, in eighths of a cell."""
from __future__ import annotations

from rich.text import Text

EIGHTHS = " ▁▂▃▄▅▆▇█"


def bar_chart(months: list[str], counts: dict[str, int], width: int, rows: int, style: str) -> Text:
    """Counts per month as a bar chart `rows` high in `width` cells: a y axis labelled with the peak and 0, bars in
    eighths of a cell, an x axis naming the first month, each January's year and the last month."""
    top = max(counts.values(), default=0) or 1
    gutter = len(f"{top:,}") + 1
    span = max(1, min(4, (width - gutter - 1) // max(1, len(months))))  # cells per month
    out = Text()
    for r in range(rows - 1, -1, -1):
        label = f"{top:,}" if r == rows - 1 else ""
        out.append(f"{label:>{gutter - 1}}┤" if label else " " * (gutter - 1) + "│", style="dim")
        line = []
        for month in months:
            level = counts.get(month, 0) / top * rows * 8
            eighths = max(0, min(8, round(level - r * 8)))
            if counts.get(month) and r == 0 and eighths == 0:
                eighths = 1  # a month with mentions never looks empty
            line.append(EIGHTHS[eighths] * span)
        out.append("".join(line), style=style)
        out.append("\n")
    axis = [" "] * (len(months) * span)
    def put(at: int, label: str) -> None:
        if at + len(label) <= len(axis) and all(c == " " for c in axis[max(0, at - 1):at + len(label) + 1]):
            axis[at:at + len(label)] = label
    put(0, months[0])
    put(max(0, (len(months) - 1) * span - len(months[-1]) + span), months[-1])
    for i, month in enumerate(months[1:-1], 1):
        if month.endswith("-01"):
            put(i * span, month[:4])
    out.append(f"{'0':>{gutter - 1}}└", style="dim")
    out.append("".join(axis), style="dim")
    return out
