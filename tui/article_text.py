"""An article body as the article and compare screens show it: cut into blocks (one widget each), wrapped into
lines whose cells map back to body offsets, with mentions coloured and numbers marked."""
from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

from .styled_text import CONTROL_CHARS, CURRENT_STYLE, NUMBER_STYLE, clean_line, one_line, type_style

BLOCK_CHARS = 1200  # long paragraphs are shown in blocks so one widget never holds megabytes of text


@dataclass(slots=True)
class Block:
    """A piece of an article body shown as one widget: [start, end) offsets into the body."""

    start: int
    end: int
    paragraph: int


def blocks(body: str, paragraphs: list[tuple[int, int]], limit: int = BLOCK_CHARS) -> list[Block]:
    """Paragraphs, with long ones cut at a space near `limit` characters (so a mention is rarely split)."""
    out: list[Block] = []
    for idx, (start, end) in enumerate(paragraphs):
        pos = start
        while end - pos > limit:
            space = body.rfind(" ", pos + limit // 2, pos + limit)
            cut = space + 1 if space > 0 else pos + limit
            out.append(Block(pos, cut, idx))
            pos = cut
        out.append(Block(pos, end, idx))
    return out


def wrapped_lines(console, body: str, block: Block, width: int) -> list[tuple[int, str]]:
    """(body offset, text) of each line of `block` as a Static of `width` cells wraps it."""
    out, seen = [], block.start
    for line in Text(body[block.start:block.end]).wrap(console, max(1, width)):
        out.append((seen, line.plain))
        seen += len(line.plain)
    return out


def offset_at(lines: list[tuple[int, str]], x: int, y: int) -> int | None:
    """The body offset under cell (x, y) of wrapped `lines` (Hangul takes two cells), None below the last."""
    if not 0 <= y < len(lines):
        return None
    start, text = lines[y]
    column = 0
    for j, ch in enumerate(text):
        column += cell_len(ch)
        if column > x:
            return start + j
    return start + len(text)


def styled_line(value: str, mentions: list[tuple[int, int, int, str, str]], style: str = "") -> Text:
    """A headline or deck as one clean line with its mentions coloured by type. Mention offsets index the raw text:
    each is carried over to the cleaned line (whitespace runs collapsed, the ends stripped)."""
    out = Text(clean_line(value), style=style)
    for start, end, _entity_id, entity_type, _surface in mentions:
        if 0 <= start < end <= len(value):
            at = len(one_line(value[:start]).lstrip())
            out.stylize(type_style(entity_type), at, at + len(one_line(value[start:end])))
    return out


def render_block(
    body: str,
    block: Block,
    mentions: list[tuple[int, int, int, str, str]],
    numbers: list[tuple[int, int]],
    *,
    current: tuple[int, int] | None = None,
    current_style: str = CURRENT_STYLE,
    entity_styles: dict[int, str] | None = None,
) -> Text:
    """The block's text with mentions coloured (by type, or by `entity_styles`) and numbers marked."""
    text = Text(CONTROL_CHARS.sub("\ufffd", body[block.start:block.end]))
    for start, end in numbers:
        if start < block.end and end > block.start:
            text.stylize(NUMBER_STYLE, start - block.start, end - block.start)
    for start, end, entity_id, entity_type, _surface in mentions:
        if start < block.end and end > block.start:
            style = entity_styles.get(entity_id, "underline dim") if entity_styles is not None else type_style(entity_type)
            text.stylize(style, start - block.start, end - block.start)
    if current and current[0] < block.end and current[1] > block.start:
        text.stylize(current_style, current[0] - block.start, current[1] - block.start)
    return text
