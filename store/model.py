"""Plain data passed along the pipeline: files -> documents -> articles -> extraction.

Every step reads the previous step's output once; nothing here touches the database.
Offsets are Python string indices (code points) into `Article.body`.
"""
from __future__ import annotations

from dataclasses import dataclass, field


class InputError(Exception):
    """A file (or record) that cannot be used; the message is one line a user can act on."""


@dataclass(slots=True)
class Document:
    """One decoded record of a source file, before cleaning.

    `source` is the file path, with `#N` appended for the N-th record (1-based) of a JSON/JSONL file.
    `meta` carries what a structured input already states: title, subtitle, date, outlet, url, reporters.
    """

    source: str
    text: str
    kind: str  # "text" | "html" | "json"
    meta: dict[str, object] = field(default_factory=dict)


@dataclass(slots=True)
class Article:
    """A cleaned article: body is its paragraphs joined by a blank line ("\\n\\n")."""

    source: str
    body: str
    paragraphs: list[tuple[int, int]]  # (start, end) offsets into body, in order
    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    reporters: list[str] = field(default_factory=list)
    date: str | None = None  # ISO 8601 (YYYY-MM-DD or YYYY-MM-DDTHH:MM) when a full date is present
    date_text: str | None = None  # the date as written in the source
    url: str | None = None
    title_from: str | None = None  # "headline" | "meta" | "deck" | "lede": where the title was read
    captions: list[str] = field(default_factory=list)  # photo captions, kept apart from the body

    @classmethod
    def from_paragraphs(cls, source: str, texts: list[str], **meta: object) -> "Article":
        body_parts: list[str] = []
        spans: list[tuple[int, int]] = []
        pos = 0
        for text in texts:
            if body_parts:
                pos += 2
            spans.append((pos, pos + len(text)))
            body_parts.append(text)
            pos += len(text)
        return cls(source=source, body="\n\n".join(body_parts), paragraphs=spans, **meta)


@dataclass(slots=True)
class Amount:
    """A number as written in Korean text, normalised to a base unit.

    unit: ISO currency (KRW, USD, EUR, JPY, CNY, GBP), "%", "W" (power), "Wh" (energy) or "count".
    value is in the base unit (won, dollars, watts, ...); value_max is set for ranges (3~4조원).
    """

    start: int
    end: int
    raw: str
    value: float
    unit: str
    value_max: float | None = None
    counter: str | None = None  # 장, 명, 곳, 개, 대, 건 ... for counts
    qualifier: str | None = None  # 약, 최대, 최소, 총, 이상, 이하, 여, 가량, 미만, 초과 ...
    period: str | None = None  # "month" | "year" | "day" | "week" | "quarter" for rates (월 90만장)
    converts: int | None = None  # index (in the same list) of the amount this one restates: 5000억 달러(약 700조원)


@dataclass(slots=True)
class Candidate:
    """An entity proposed for one article by the analyzer or a rule."""

    name: str  # canonical surface (e.g. 아마존웹서비스)
    type: str  # company | person | org | place | product | event
    aliases: list[str] = field(default_factory=list)  # other surfaces seen for it (e.g. AWS)
    evidence: str = "rule"  # "rule" | "analyzer" | "bracket" | "title"
    count: int = 1  # distinct places in the article where it was seen (the analyzer threshold needs it)


ENTITY_TYPES = ("company", "person", "org", "place", "product", "event")


_SCALARS = (str, int, float, bool, type(None))


def to_json(obj: object) -> object:
    """Dataclasses (and lists/dicts of them) as plain JSON-ready values."""
    if isinstance(obj, _SCALARS):
        return obj
    fields = getattr(obj, "__dataclass_fields__", None)
    if fields is not None:  # one walk: asdict would deep-copy first, then this would walk its copy
        return {name: value if isinstance(value := getattr(obj, name), _SCALARS) else to_json(value) for name in fields}
    if isinstance(obj, (list, tuple)):
        return [to_json(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_json(v) for k, v in obj.items()}
    return obj
