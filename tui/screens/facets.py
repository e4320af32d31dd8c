"""The facet picker: counts over every hit of the current search; Enter adds the chosen one to the query as
text the user sees and can edit (outlet:뉴스1, date:2025-10, @삼성전자), like VisiData's frequency table."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.results import Facets

from ..bindings import bindings_for
from ..widgets import badge, clean_line, fit, type_style

BAR_CELLS = 12


def field_value(value: str) -> str:
    """A field value as query text: bare when it is one word, else quoted (quotes inside are dropped)."""
    value = clean_line(value).replace('"', "")
    return value if value and not any(ch.isspace() or ch in '()|"' for ch in value) else f'"{value}"'


def facet_options(facets: Facets, width: int) -> list[Option]:
    """Outlets, months (with a bar) and entities, each option's id the query text it adds."""
    options: list[Option] = []
    top = max([n for _, n in facets.month] or [1])
    groups = (
        ("Outlets", [(f"outlet:{field_value(name)}", Text(clean_line(name)), n) for name, n in facets.outlet]),
        ("Months", [(f"date:{month}", Text.assemble(month, " ", ("█" * max(1, round(BAR_CELLS * n / top)), "#5fafff")),
                     n) for month, n in facets.month]),
        ("Entities", [(f"@{field_value(name)}", Text.assemble(badge(kind), " ", (clean_line(name), type_style(kind))), n)
                      for name, kind, n, _id in facets.entity]),
    )
    for title, rows in groups:
        if not rows:
            continue
        options.append(Option(Text(title, style="bold"), disabled=True))
        for token, label, n in rows:
            line = Text.assemble(label, (f"  {n} article{'' if n == 1 else 's'}", "dim"))
            options.append(Option(fit(line, width), id=token))
    return options


class FacetScreen(ModalScreen[str | None]):
    """Dismissed with the query text of the chosen facet, or None."""

    BINDINGS = bindings_for("facets")

    def __init__(self, facets: Facets, query: str) -> None:
        super().__init__()
        self.facets = facets
        self.search_query = query

    def compose(self) -> ComposeResult:
        with Vertical(id="facet-box"):
            yield Static(Text.assemble(("Narrow ", "bold"), (clean_line(self.search_query), "italic"),
                                       ("  (⏎ adds to the query · esc closes)", "dim")))
            yield OptionList(*facet_options(self.facets, 60), id="facet-list")

    def on_mount(self) -> None:
        self.query_one("#facet-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
