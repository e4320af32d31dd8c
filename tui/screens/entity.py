"""Entity drill-down: name, type, aliases; every mention keyword-in-context, grouped by article (newest first);
co-mentioned entities; mentions over time. Enter on a mention opens the article scrolled to it.

Mentions load a page at a time (the last line loads more), so an entity with 50k mentions opens quickly.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.api import sentence_around
from store.results import EntityDetail, Mention

from ..app import BaseScreen
from ..bindings import bindings_for
from ..widgets import KeyFooter, badge, clean_line, fit, kwic, title_of, to_tsv, type_style

PAGE = 200  # mentions per page; the last line of the list loads more
BARS = " ▁▂▃▄▅▆▇█"


def months_between(first: str, last: str) -> list[str]:
    """Every YYYY-MM from first to last, so months without mentions show as gaps."""
    try:
        year, month = int(first[:4]), int(first[5:7])
        end = (int(last[:4]), int(last[5:7]))
    except ValueError:
        return [first, last]
    out = []
    while (year, month) <= end and len(out) < 600:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


class EntityScreen(BaseScreen):
    BINDINGS = bindings_for("entity")

    def __init__(self, entity: int | str) -> None:
        super().__init__()
        self.entity_key = entity
        self.limit = PAGE
        self.detail: EntityDetail | None = None

    def remake(self) -> "EntityScreen":
        return EntityScreen(self.detail.entity.id if self.detail else self.entity_key)

    def compose(self) -> ComposeResult:
        yield Static(Text("loading…", style="dim"), id="entity-head")
        yield Static(id="timeline")
        with Horizontal(id="entity-main"):
            yield OptionList(id="mentions")
            yield OptionList(id="related")
        yield Static(id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()

    def reload(self) -> None:
        self.load()

    def load(self) -> None:
        key, limit = self.entity_key, self.limit
        self.fetch("entity", lambda ix: ix.entity(key, mention_limit=limit))

    def got_entity(self, detail: EntityDetail | None) -> None:
        if detail is None and self.detail is not None:  # an undo took away the entity on show (a split-off name)
            self.notify(f"{self.detail.entity.name} no longer exists")
            self.app.action_back()
            return
        if detail is None:
            self.notify(f"No entity matches {clean_line(str(self.entity_key))!r}", severity="error")
            self.app.action_back()
            if isinstance(self.entity_key, str) and hasattr(self.app.screen, "show_query"):
                self.app.screen.show_query(self.entity_key)  # the search shows what comes close
            return
        first_load = self.detail is None
        self.detail = detail
        self.entity_key = detail.entity.id
        self.render_detail()
        if first_load:
            self.query_one("#mentions", OptionList).focus()

    def render_detail(self) -> None:
        detail = self.detail
        assert detail is not None
        e = detail.entity
        head = Text.assemble(badge(e.type), " ", (e.name, type_style(e.type)),
                             (f"   {e.mentions} mentions in {e.articles} articles   #{e.id}", "dim"))
        if e.aliases:
            head.append_text(Text.assemble(("\nalso: ", "dim"), " · ".join(clean_line(a) for a in e.aliases)))
        self.query_one("#entity-head", Static).update(head)
        self.query_one("#timeline", Static).update(self.timeline())
        self.fill_mentions()
        self.fill_related()

    def timeline(self) -> Text:
        """Mentions per month as one line of bars (first and last month named, the peak called out)."""
        detail = self.detail
        assert detail is not None
        if not detail.timeline:
            return Text("over time: no dated articles", style="dim")
        top_month, top = max(detail.timeline, key=lambda t: t[1])
        counts = dict(detail.timeline)
        bars = "".join(BARS[max(1, round(counts[m] / top * 8))] if counts.get(m) else "·"
                       for m in months_between(detail.timeline[0][0], detail.timeline[-1][0]))
        first, last = detail.timeline[0][0], detail.timeline[-1][0]
        out = Text.assemble(("over time: ", "dim"), f"{first} ", (bars, type_style(detail.entity.type)))
        if last != first:
            out.append(f" {last}")
        out.append(f"   peak {top_month}: {top} mentions", style="dim")
        return out

    def fill_mentions(self) -> None:
        detail = self.detail
        assert detail is not None
        mentions = self.query_one("#mentions", OptionList)
        previous = mentions.highlighted
        width = max(30, mentions.scrollable_content_region.width - 1 or 80)
        counts = {a.id: a.count for a in detail.articles}
        style = type_style(detail.entity.type)
        options: list[Option] = []
        current_article = None
        for i, m in enumerate(detail.mentions):
            if m.article_id != current_article:
                current_article = m.article_id
                about = " · ".join(x for x in (m.date, f"{counts.get(m.article_id, 0)} mentions") if x)
                head = Text.assemble((f"#{m.article_id} ", "dim"), (title_of(m.title, m.source), "bold"), (f"  {about}", "dim"))
                options.append(Option(fit(head, width), disabled=True))
            options.append(Option(kwic(m.left, m.surface, m.right, width, style), id=f"m{i}"))
        if len(detail.mentions) >= self.limit:
            options.append(Option(Text(f"… {detail.entity.mentions - len(detail.mentions)} more: Enter loads them",
                                       style="italic"), id="more"))
        mentions.set_options(options)
        if previous is not None and previous < len(options):
            mentions.highlighted = previous
        elif len(options) > 1:
            mentions.highlighted = 1

    def fill_related(self) -> None:
        detail = self.detail
        assert detail is not None
        related = self.query_one("#related", OptionList)
        width = max(16, related.scrollable_content_region.width - 1 or 30)
        options = [Option(Text("Co-mentioned", style="bold"), disabled=True)]
        if detail.related_over < detail.entity.articles:  # counted over its newest articles only
            options.append(Option(Text(f"in its newest {detail.related_over:,} articles", style="dim"), disabled=True))
        for r in detail.related:
            count = f" {r.count}"
            options.append(Option(Text.assemble(fit(Text(r.name, style=type_style(r.type)), width - len(count)),
                                                (count, "dim")), id=f"r{r.id}"))
        related.set_options(options)

    def on_resize(self) -> None:
        if self.detail is not None:
            self.call_after_refresh(self.render_detail)

    # --- actions ----------------------------------------------------------------------------------

    def current_mention(self) -> Mention | None:
        mentions = self.query_one("#mentions", OptionList)
        if self.detail is None or mentions.highlighted is None:
            return None
        option = mentions.get_option_at_index(mentions.highlighted)
        if option.id and option.id.startswith("m"):
            return self.detail.mentions[int(option.id[1:])]
        return None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.open_option(event.option.id)

    def action_open(self) -> None:
        focused = self.focused if isinstance(self.focused, OptionList) else self.query_one("#mentions", OptionList)
        if focused.highlighted is not None:
            self.open_option(focused.get_option_at_index(focused.highlighted).id)

    def open_option(self, key: str | None) -> None:
        if key is None or self.detail is None:
            return
        if key == "more":
            self.limit *= 4
            self.load()
        elif key.startswith("m"):
            m = self.detail.mentions[int(key[1:])]
            self.app.open_article(m.article_id, focus=(m.start, m.end))
        elif key.startswith("r"):
            self.app.open_entity(int(key[1:]))

    def action_switch_list(self) -> None:
        target = "#related" if self.focused is self.query_one("#mentions") else "#mentions"
        self.query_one(target, OptionList).focus()

    def action_copy_sentence(self) -> None:
        m = self.current_mention()
        if m is None:
            return
        aid, span = m.article_id, (m.start, m.end)
        self.fetch("sentence", lambda ix: sentence_around(ix.article(aid).body, *span))

    def got_sentence(self, sentence: str) -> None:
        self.app.copy(sentence, "the sentence")

    def table(self) -> tuple[str, list[str], list[list]]:
        detail = self.detail
        assert detail is not None
        header = ["entity", "type", "article_id", "title", "date", "source", "paragraph", "start", "end", "surface",
                  "left", "right"]
        rows = [[detail.entity.name, detail.entity.type, m.article_id, m.title or "", m.date or "", m.source,
                 m.paragraph, m.start, m.end, m.surface, m.left, m.right] for m in detail.mentions]
        return f"entity-{detail.entity.name}", header, rows

    def action_copy_list(self) -> None:
        if self.detail is not None:
            _name, header, rows = self.table()
            self.app.copy(to_tsv(header, rows), f"{len(rows)} mentions as TSV")

    def action_export(self) -> None:
        if self.detail is None:
            return
        self.export_rows(*self.table(), noun="mentions")

    # --- editing ----------------------------------------------------------------------------------

    def action_edit(self, op: str) -> None:
        from .edit import EditScreen

        if self.detail is None:
            return
        entity = self.detail.entity

        def done(result: tuple[str, dict, str] | None) -> None:
            if result is None:
                return
            op, args, _follow = result
            self.fetch("edited", lambda ix: (ix.edit(op, **args), op, ix.edits()[-1].description)[1:], write=True)

        self.app.push_screen(EditScreen(op, entity), done)

    def got_edited(self, value: tuple[str, str]) -> None:
        op, said = value
        said = f"{said[:1].upper()}{said[1:]} · u undoes it"
        if op == "delete":
            self.app.action_back()
            self.app.say(said)  # type: ignore[attr-defined]
            return
        self.say(said)
        self.load()  # by id: an entity keeps its id through renames and merges into it

    def action_undo(self) -> None:
        self.undo_edit()
