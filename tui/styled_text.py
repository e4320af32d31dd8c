"""The styles of the app and the helpers that turn untrusted strings into rich `Text`, one line at a time.

Article text is untrusted: everything here builds rich `Text` objects from plain strings (never markup), and
measures widths in terminal cells (`cell_len`: Hangul is two cells), so `[bold]`, `[/]` or escape bytes show
literally and columns of Korean text line up. No Textual here: rich alone.
"""
from __future__ import annotations

import re
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text


TYPE_STYLES: dict[str, str] = {
    "company": "bold cyan",
    "person": "bold magenta",
    "org": "bold green",
    "place": "bold blue",
    "product": "bold yellow",
    "event": "bold red",
}
NUMBER_STYLE = "bold underline #ffaf5f"
CURRENT_STYLE = "reverse"
FLASH_STYLE = "bold black on #ffd75f"
HIGHLIGHT_STYLE = "bold black on #5fafff"
# Shared entities get one of these on both sides of a comparison; distinct enough on 256-colour terminals.
PALETTE = ("#ff8787", "#87d7ff", "#afd787", "#ffd787", "#d7afff", "#87ffd7", "#ffafd7", "#d7d7af", "#5fafaf", "#ff9f5f")

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")


def one_line(value: str | None) -> str:
    """One display line: control bytes become visible placeholders, whitespace runs one space."""
    return _SPACES.sub(" ", CONTROL_CHARS.sub("\ufffd", value or ""))


def clean_line(value: str | None) -> str:
    return one_line(value).strip()


def type_style(entity_type: str) -> str:
    return TYPE_STYLES.get(entity_type, "bold")


def badge(entity_type: str) -> Text:
    """A fixed-width type badge: `company` etc. padded to 7 cells."""
    return Text(f"{entity_type[:7]:<7}", style=type_style(entity_type).replace("bold ", "") + " reverse")


def fit(text: Text | str, width: int) -> Text:
    """Exactly `width` cells: cut (with …) or padded, never splitting a wide character."""
    text = Text(text) if isinstance(text, str) else text.copy()
    text.no_wrap = True
    if width <= 0:
        return Text("")
    text.truncate(width, overflow="ellipsis", pad=True)
    return text


def tail(value: str, width: int) -> Text:
    """The last `width` cells of `value`, right-aligned (…-prefixed when cut): the left column of a KWIC line."""
    value = one_line(value).lstrip()
    if cell_len(value) <= width:
        return Text(" " * (width - cell_len(value)) + value)
    kept, used = [], 1
    for ch in reversed(value):
        w = cell_len(ch)
        if used + w > width:
            break
        kept.append(ch)
        used += w
    return Text(" " * (width - used) + "…" + "".join(reversed(kept)))


PART_MARKS = {"title": "title", "deck": "deck", "caption": "caption"}  # a mention outside the body says where it is


def kwic(left: str, surface: str, right: str, width: int, style: str, part: str = "body") -> Text:
    """left context · mention · right context in `width` cells, the mention starting at the same column on every line.

    A mention in the headline, deck or a caption gets a small marker at the start of its left side."""
    mention = fit(Text(clean_line(surface), style=style), min(cell_len(clean_line(surface)), max(4, width // 2)))
    side = max(4, (width - mention.cell_len) // 2)
    mark = PART_MARKS.get(part)
    if mark and side > len(mark) + 6:
        line = Text.assemble((mark, "dim italic"), tail(left, side - len(mark)), mention)
    else:
        line = Text.assemble(tail(left, side), mention)
    line.append_text(fit(Text(one_line(right).rstrip(), style="dim"), max(0, width - line.cell_len)))
    return line


def korean_amount(value: float, unit: str) -> str:
    """A value in its unit's own magnitude words: 5,000억 달러, 700조 원, 500MW, 5.59%, 90만 장.

    `unit` is a unit code (KRW, USD, %, W, Wh, count) or a counter word (장, 명) as `unit_label` gives it."""
    from store.extract.numbers import format_amount  # its regexes compile in ~15 ms: not before the first paint

    try:
        return format_amount(value, unit)
    except ValueError:  # a counter word (or a unit the formatter does not know)
        return format_amount(value, "count", None if unit == "count" else unit)


def highlighted(value: str, spans: list[tuple[int, int]], style: str = HIGHLIGHT_STYLE) -> Text:
    """Plain text with the given (start, end) spans styled; control bytes made visible without moving offsets."""
    text = Text(CONTROL_CHARS.sub("\ufffd", value.replace("\n", " ")))
    for start, end in spans:
        text.stylize(style, start, end)
    return text


def around_first(text: Text, spans: list[tuple[int, int]], width: int) -> Text:
    """`text` cut on the left (with …) when its first highlight would fall past `width` cells: narrow lists still
    show why a snippet matched."""
    if not spans or cell_len(text.plain[:spans[0][1]]) <= width - 2:
        return text
    start = spans[0][0]
    cut, used = start, 0
    while cut > 0 and used + cell_len(text.plain[cut - 1]) <= width // 3:
        cut -= 1
        used += cell_len(text.plain[cut])
    return Text("…").join([Text(""), text[cut:]])


def unit_label(unit: str, counter: str | None) -> str:
    """The counter word for counts (장, 명), else the unit code (KRW, USD, %)."""
    return counter if unit == "count" and counter else unit


def plural(count: int, word: str) -> str:
    """`1 mention`, `2 mentions`, `1,024 articles`."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def title_of(title: str | None, source: str) -> str:
    return clean_line(title) or Path(source).name
