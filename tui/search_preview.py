"""The search screen's preview pane (fzf's): what the highlighted entity, article or number looks like."""
from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text

from store.results import ArticleDetail, EntityDetail, NumberRow

from .widgets import (HIGHLIGHT_STYLE, badge, blocks, clean_line, highlighted, korean_amount, kwic, plural, render_block,
                      title_of, type_style, unit_label)


def first_match(body: str, snippet: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where the snippet's first highlight sits in the body (the snippet has its whitespace collapsed)."""
    if not spans:
        return None
    start, end = spans[0]
    lead = len(snippet) - len(snippet.lstrip("…"))
    loose = lambda s: r"\s+".join(re.escape(w) for w in s.split())  # noqa: E731
    context = snippet[max(lead, start - 12):start]
    pattern = loose(context) + r"\s*" if context.strip() else ""
    found = re.search(pattern + "(" + loose(snippet[start:end]) + ")", body)
    return (found.start(1), found.end(1)) if found else None


def entity_preview(detail: EntityDetail, width: int) -> Text:
    e = detail.entity
    out = Text.assemble(badge(e.type), " ", (e.name, type_style(e.type)),
                        (f"\n{plural(e.mentions, 'mention')} in {plural(e.articles, 'article')}\n", "dim"))
    if e.aliases:
        out.append_text(Text.assemble(("also: ", "dim"), " · ".join(e.aliases), "\n"))
    out.append("\n")
    for m in detail.mentions:
        out.append_text(kwic(m.left, m.surface, m.right, width, type_style(e.type), m.part))
        out.append("\n")
    if detail.related:
        out.append_text(Text("\nCo-mentioned: ", style="bold"))
        if detail.related_over < e.articles:
            out.append(f"(in its newest {detail.related_over:,} articles) ", style="dim")
        out.append(", ".join(f"{r.name} ({r.count})" for r in detail.related[:10]))
    return out


def article_preview(detail: ArticleDetail, mentions: list, item: object) -> Text:
    out = Text(title_of(detail.title, detail.source) + "\n", style="bold")
    if detail.subtitle:
        out.append(clean_line(detail.subtitle) + "\n", style="italic")
    meta = [clean_line(detail.outlet), ", ".join(clean_line(r) for r in detail.reporters), detail.date or detail.date_text,
            Path(detail.source).name if detail.title else None]
    out.append(" · ".join(x for x in meta if x) + "\n\n", style="dim")
    parts = blocks(detail.body, [(p.start, p.end) for p in detail.paragraphs])
    match = first_match(detail.body, getattr(item, "snippet", ""), getattr(item, "highlights", []))
    first = max(0, next((i for i, b in enumerate(parts) if match and b.start <= match[0] < b.end), 0) - 1)
    if first:
        out.append("…\n\n", style="dim")
    for block in parts[first:first + 8]:
        out.append_text(render_block(detail.body, block, mentions, [], current=match, current_style=HIGHLIGHT_STYLE))
        out.append("\n\n")
    return out


def number_preview(n: NumberRow) -> Text:
    out = Text.assemble((clean_line(n.raw), "bold #ffaf5f"), "  ", korean_amount(n.value, unit_label(n.unit, n.counter)),
                        (f"  ({n.unit}{', ' + n.counter if n.counter else ''})\n", "dim"),
                        (f"#{n.article_id} {title_of(n.title, n.source)}\n\n", "bold"))
    context = clean_line(n.context)
    pos = context.find(clean_line(n.raw))
    out.append_text(highlighted(context, [(pos, pos + len(clean_line(n.raw)))] if pos >= 0 else []))
    return out
