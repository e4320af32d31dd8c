"""Entity drill-down: name, type, aliases; every mention keyword-in-context, grouped by article (newest first);
co-mentioned entities; mentions over time. Enter on a mention opens the article scrolled to it.

The mention list is virtual (`MentionList`): it is laid out from the entity's totals (a heading per article, a
row per mention), renders only the rows on screen and asks the index for the page of rows they show, so an entity
in 66k articles opens for the price of one page and `end` reaches its last mention at once. The timeline and
co-mentions, which grow with the entity, are read after that first paint. The frequency table reads its months and
most-mentioned articles only when it is opened.
"""
from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from store.api import part_text, sentence_around
from store.results import EntityDetail, Mention, MentionRows

from .. import gc_pause
from ..base import BaseScreen
from ..bindings import bindings_for
from ..related_list import RelatedList
from ..widgets import (MENTION_PAGE, KeyFooter, MentionList, StatusLine, badge, bar_chart, clean_line, plural,
                       title_of, to_tsv, type_style)

BARS = " ▁▂▃▄▅▆▇█"
CHART_MIN_HEIGHT = 34  # rows of terminal from which mentions over time get a chart with axes (else one line)
CHART_ROWS = 4
FREQUENCY_ARTICLES = 1000  # most-mentioned articles the frequency table lists by article


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

    def __init__(self, entity: int | str, cursor: int = 1,
                 first: tuple[EntityDetail, int, MentionRows] | None = None) -> None:
        """`first`: the answer of `first_paint`, read before the screen opened (app.open_entity), shown as the
        screen mounts, so its first layout is its last."""
        super().__init__()
        self.entity_key = entity
        self.start_cursor = cursor  # the mention list's row: back/forward returns to the same mention
        self.first = first
        self.detail: EntityDetail | None = None
        self.counted = False  # the timeline and co-mentions are in (they come after the first paint)
        self._timeline_lines: int | None = None  # lines the chart took when last shown

    def remake(self) -> "EntityScreen":
        cursor = self.query_one("#mentions", MentionList).cursor if self.is_mounted else self.start_cursor
        return EntityScreen(self.detail.entity.id if self.detail else self.entity_key, cursor)

    def compose(self) -> ComposeResult:
        self.mention_list = MentionList(id="mentions")
        self.mention_list.cursor = self.start_cursor  # before the first layout, so back/forward land on it
        yield Static(Text("loading…", style="dim"), id="entity-head")
        yield Static(id="timeline")
        with Horizontal(id="entity-main"):
            yield self.mention_list
            yield RelatedList(id="related")
        yield StatusLine(id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.mention_list.focus()  # now, not when the rows come: a focus move then changed the footer's keys
        if self.first is not None:  # read before the screen opened: shown before the first layout
            first, self.first = self.first, None
            self.got_entity(first)
            return
        # Opening a screen makes thousands of objects: a full collection (47 ms traced at 100k) waits for its rows
        paused = gc_pause.pause()
        self.app.set_timer(gc_pause.LONGEST_PAUSE, lambda: gc_pause.resume(paused))  # the app's: this may close first
        self.load()

    def reload(self) -> None:
        self.load()

    @staticmethod
    def first_paint(ix, key: int | str, page: int) -> tuple[EntityDetail, int, MentionRows] | None:
        """The entity and the page of mention rows the list opens on. No articles, no mentions: the list is laid out
        from the totals and reads the page it shows. The timeline and co-mentions grow with the entity (72 of HBM's
        75 ms at 100k): they come after the paint (`got_counted`)."""
        detail = ix.entity(key, mention_limit=0, article_limit=0, related_span=0, timeline=False)
        return None if detail is None else (detail, page, ix.mention_rows(detail.entity.id, page * MENTION_PAGE,
                                                                          MENTION_PAGE))

    def load(self) -> None:
        key = self.entity_key
        page = max(0, self.mention_list.cursor) // MENTION_PAGE  # the rows the list opens on (back/forward, edits)
        self.fetch("entity", lambda ix: self.first_paint(ix, key, page))

    def got_entity(self, value: tuple[EntityDetail, int, MentionRows] | None) -> None:
        detail, page, rows = value if value is not None else (None, 0, None)
        if detail is None:
            gc_pause.resume()  # nothing to paint: the screen goes back
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
        self.detail, self.counted = detail, False
        self.entity_key = detail.entity.id
        mentions = self.query_one("#mentions", MentionList)
        mentions.show(detail.entity.mentions, detail.entity.articles, type_style(detail.entity.type), page, rows)
        # Said now, not when the list's Highlighted message comes round: that came after the first paint and two
        # more layouts (60-90 ms later at 100k), and the status line is how a person knows the rows are the answer
        self.say_mention(mentions.mention_index(mentions.cursor), detail.entity.mentions)
        self.render_detail()
        gc_pause.resume_after_paint(self)
        eid = detail.entity.id
        self.call_after_refresh(lambda: self.fetch("counted", lambda ix: ix.entity(eid, mention_limit=0, article_limit=0),
                                                   group="counted", background=True))

    def got_counted(self, counted: EntityDetail | None) -> None:
        if counted is None or self.detail is None or counted.entity.id != self.detail.entity.id:
            return  # gone, or another entity's (an edit reloaded the screen)
        self.detail = replace(self.detail, related=counted.related, related_over=counted.related_over,
                              timeline=counted.timeline)
        self.counted = True
        self.show_timeline()
        self.fill_related()

    def render_detail(self) -> None:
        detail = self.detail
        assert detail is not None
        e = detail.entity
        head = Text.assemble(badge(e.type), " ", (e.name, type_style(e.type)),
                             (f"   {plural(e.mentions, 'mention')} in {plural(e.articles, 'article')}   #{e.id}", "dim"))
        if e.aliases:
            head.append_text(Text.assemble(("\nalso: ", "dim"), " · ".join(clean_line(a) for a in e.aliases)))
        self.query_one("#entity-head", Static).update(head)
        self.show_timeline()
        self.fill_related()
        self._rendered_for = self._layout_inputs()

    def show_timeline(self) -> None:
        """The chart, laid out again only when its height changes: "counting…" holds the chart's lines, so the
        counts coming in repaint it (a layout of the screen was 20-30 ms at 100k, traced)."""
        chart = self.timeline()
        lines = len(chart.wrap(self.app.console, max(1, self.app.size.width - 2)))  # as the pane wraps it (padding 1)
        self.query_one("#timeline", Static).update(chart, layout=lines != self._timeline_lines)
        self._timeline_lines = lines

    def _layout_inputs(self) -> tuple:
        """What render_detail's lines depend on besides the data: the terminal's size (the timeline; the lists fit
        their rows when they paint them)."""
        return (self.app.size,)

    def timeline(self) -> Text:
        """Mentions per month: a bar chart with axes on a tall terminal, one line of bars on a short one (first
        and last month named, the peak called out)."""
        detail = self.detail
        assert detail is not None
        tall = self.app.size.height >= CHART_MIN_HEIGHT
        if not self.counted:  # as many lines as the chart will take, so the list below does not jump
            return Text("mentions per month   counting…" + "\n" * (CHART_ROWS + 1) if tall else "over time: counting…",
                        style="dim")
        if not detail.timeline:
            return Text("over time: no dated articles", style="dim")
        top_month, top = max(detail.timeline, key=lambda t: t[1])
        counts = dict(detail.timeline)
        if tall:
            months = months_between(detail.timeline[0][0], detail.timeline[-1][0])
            out = Text.assemble(("mentions per month", "bold"), (f"   peak {top_month}: {plural(top, 'mention')}", "dim"),
                                "\n")
            out.append_text(bar_chart(months, counts, max(20, self.app.size.width - 2), CHART_ROWS,
                                      type_style(detail.entity.type)))
            return out
        bars = "".join(BARS[max(1, round(counts[m] / top * 8))] if counts.get(m) else "·"
                       for m in months_between(detail.timeline[0][0], detail.timeline[-1][0]))
        first, last = detail.timeline[0][0], detail.timeline[-1][0]
        out = Text.assemble(("over time: ", "dim"), f"{first} ", (bars, type_style(detail.entity.type)))
        if last != first:
            out.append(f" {last}")
        out.append(f"   peak {top_month}: {plural(top, 'mention')}", style="dim")
        return out

    def fill_related(self) -> None:
        detail = self.detail
        assert detail is not None
        notes = [Text("Co-mentioned", style="bold")]
        if not self.counted:
            notes.append(Text("counting…", style="dim"))
        elif detail.related_over < detail.entity.articles:  # counted over its newest articles only
            notes.append(Text(f"in its newest {plural(detail.related_over, 'article')}", style="dim"))
        self.query_one("#related", RelatedList).fill(
            notes, [(r.id, Text(r.name, style=type_style(r.type)), f" {r.count}") for r in detail.related])

    def on_resize(self) -> None:
        # Lines are fitted to the sizes they were made for: made again only when those changed (the first layout
        # resizes the screen to the size it was composed for, and another layout of the screen cost 40-90 ms)
        if self.detail is not None:
            self.call_after_refresh(self._render_if_resized)

    def _render_if_resized(self) -> None:
        if self.detail is not None and self._layout_inputs() != getattr(self, "_rendered_for", None):
            self.render_detail()

    # --- actions ----------------------------------------------------------------------------------

    def current_mention(self) -> Mention | None:
        return self.query_one("#mentions", MentionList).current() if self.detail is not None else None

    def on_mention_list_wanted(self, event: MentionList.Wanted) -> None:
        mentions = self.query_one("#mentions", MentionList)
        if self.detail is None or event.generation != mentions.generation:
            return
        eid, generation, page = self.detail.entity.id, event.generation, event.page

        def page_if_in_view(ix) -> tuple[int, int, MentionRows | None]:
            in_view = page in mentions.wanted_pages()  # scrolled past before its turn: not worth reading
            return generation, page, ix.mention_rows(eid, page * MENTION_PAGE, MENTION_PAGE) if in_view else None

        self.fetch("page", page_if_in_view, group=f"page-{page}")

    def got_page(self, value: tuple[int, int, MentionRows | None]) -> None:
        self.query_one("#mentions", MentionList).add_page(*value)

    def on_mention_list_highlighted(self, event: MentionList.Highlighted) -> None:
        self.say_mention(event.index, event.total)

    def say_mention(self, index: int | None, total: int) -> None:
        if index is not None:
            self.say(f"mention {index + 1:,} of {total:,} · ⏎ opens it in its article")

    def on_mention_list_selected(self, event: MentionList.Selected) -> None:
        m = self.query_one("#mentions", MentionList).mention(event.index)
        if m is not None:  # offsets of a headline, deck or caption mention are not body offsets: open at the top
            self.app.open_article(m.article_id, focus=(m.start, m.end) if m.part == "body" else None)

    def on_related_list_chosen(self, event: RelatedList.Chosen) -> None:
        event.stop()
        self.app.open_entity(event.entity_id)

    def action_open(self) -> None:
        if isinstance(self.focused, RelatedList):
            self.focused.action_select()
        else:
            self.query_one("#mentions", MentionList).action_select()

    def action_switch_list(self) -> None:
        mentions = self.query_one("#mentions", MentionList)
        (self.query_one("#related", RelatedList) if self.focused is mentions else mentions).focus()

    def action_copy_sentence(self) -> None:
        m = self.current_mention()
        if m is None:
            return
        aid, part, index, span = m.article_id, m.part, m.paragraph, (m.start, m.end)
        self.fetch("sentence", lambda ix: sentence_around(part_text(ix.article(aid), part, index), *span))

    def got_sentence(self, sentence: str) -> None:
        self.app.copy(sentence, "the sentence")

    def table(self, mentions: list[Mention]) -> tuple[str, list[str], list[list]]:
        detail = self.detail
        assert detail is not None
        header = ["entity", "type", "article_id", "title", "date", "source", "part", "paragraph", "start", "end",
                  "surface", "left", "right"]
        rows = [[detail.entity.name, detail.entity.type, m.article_id, m.title or "", m.date or "", m.source,
                 m.part, m.paragraph, m.start, m.end, m.surface, m.left, m.right] for m in mentions]
        return f"entity-{detail.entity.name}", header, rows

    def every_mention(self, purpose: str) -> None:
        """Copies and exports take every mention, not the pages seen: read in a worker."""
        if self.detail is None:
            return
        eid = self.detail.entity.id
        self.say(f"reading {plural(self.detail.entity.mentions, 'mention')}…")
        self.fetch("every_mention", lambda ix: (purpose, ix.entity_mentions(eid)))

    def got_every_mention(self, value: tuple[str, list[Mention]]) -> None:
        purpose, mentions = value
        name, header, rows = self.table(mentions)
        if purpose == "copy":
            self.app.copy(to_tsv(header, rows), f"{plural(len(rows), 'mention')} as TSV")
        else:
            self.export_rows(name, header, rows, noun="mention")

    def action_copy_list(self) -> None:
        self.every_mention("copy")

    def action_export(self) -> None:
        self.every_mention("export")

    # --- editing ----------------------------------------------------------------------------------

    def action_edit_menu(self) -> None:
        from .edit_menu import EditMenuScreen

        if self.detail is not None:
            self.app.push_screen(EditMenuScreen(self.detail.entity.name),
                                 lambda op: self.action_edit(op) if op else None)

    def action_edit(self, op: str) -> None:
        from .edit import EditScreen

        if self.detail is None:
            return
        entity = self.detail.entity

        def done(result: tuple[str, dict, str] | None) -> None:
            if result is None:
                return
            op, args, _follow = result
            self.say("editing: finding the mentions the edit changes…")  # seconds where it reaches many articles
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

    # --- frequency table --------------------------------------------------------------------------

    def action_frequency(self) -> None:
        from .frequency import FrequencyScreen

        detail = self.detail
        if detail is None:
            return
        eid = detail.entity.id
        self.say("counting mentions by article…")
        self.fetch("frequency", lambda ix: ix.entity(eid, mention_limit=0, article_limit=FREQUENCY_ARTICLES,
                                                     related_span=0))

    def got_frequency(self, top: EntityDetail | None) -> None:
        """The by-month column from the timeline (undated articles make "no date"), the by-article one from the
        most-mentioned articles, read now."""
        from .frequency import FrequencyScreen

        detail = self.detail
        if detail is None or top is None:
            return
        by_month = [(month, month, n) for month, n in top.timeline]
        undated = detail.entity.mentions - sum(n for _, n in top.timeline)
        if undated > 0:
            by_month.append(("no date", "no date", undated))
        columns = {
            "month": by_month,
            "article": [(f"#{a.id} {title_of(a.title, a.source)}", str(a.id), a.count) for a in top.articles],
        }
        notes = {}
        if len(top.articles) < detail.entity.articles:
            notes["article"] = f"the {len(top.articles):,} most-mentioned of {plural(detail.entity.articles, 'article')}"
        self.app.push_screen(FrequencyScreen(f"{plural(detail.entity.mentions, 'mention')}", columns, notes),
                             self.drill)

    def drill(self, chosen: tuple[str, str] | None) -> None:
        """Put the mention list on the first mention behind the chosen value (its newest article for a month): its
        row is counted by the index, in a worker."""
        if chosen is None or self.detail is None:
            return
        column, key = chosen
        eid = self.detail.entity.id
        if column == "article":
            self.fetch("drilled", lambda ix: ix.mention_row(eid, article_id=int(key)))
        else:
            self.fetch("drilled", lambda ix: ix.mention_row(eid, month=key))

    def got_drilled(self, head: int | None) -> None:
        if head is None:
            return
        mentions = self.query_one("#mentions", MentionList)
        mentions.move_to(head + 1, +1)
        mentions.focus()
