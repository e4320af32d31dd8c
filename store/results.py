"""What the query API returns: small dataclasses that serialise straight to the CLI's JSON (see `to_json`)."""
from __future__ import annotations

from dataclasses import dataclass, field


class OrderNote(str):
    """A note that says how an answer is ordered (only its newest hits ranked, a common word's headline matches
    first): the CLI prints it; the app's status line says the order from ranked_newest and by_headline instead."""


@dataclass(slots=True)
class ArticleInfo:
    id: int
    title: str | None
    subtitle: str | None
    outlet: str | None
    reporters: list[str]
    date: str | None
    date_text: str | None
    source: str
    chars: int


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class ArticleDetail(ArticleInfo):
    url: str | None
    body: str
    paragraphs: list[Paragraph]
    title_from: str | None = None  # headline | meta | deck | lede (a text without a headline is titled by its deck or lede)
    captions: list[str] = field(default_factory=list)  # photo captions, apart from the body


@dataclass(slots=True)
class ArticleHit:
    id: int
    title: str | None
    outlet: str | None
    date: str | None
    source: str
    score: float
    snippet: str
    highlights: list[tuple[int, int]]
    near_group: int | None = None  # its near-duplicate group (reprints and light edits share one)
    similar: int = 0  # how many other articles of the corpus are in that group: the app folds them as "+N similar"


@dataclass(slots=True)
class EntityHit:
    id: int
    name: str
    type: str
    score: float
    how: str  # exact | prefix | initials | fuzzy
    mentions: int
    articles: int


@dataclass(slots=True)
class NumberRow:
    id: int
    article_id: int
    source: str
    title: str | None
    raw: str
    value: float
    value_max: float | None
    unit: str
    counter: str | None
    qualifier: str | None
    period: str | None
    start: int
    end: int
    context: str  # the sentence the number sits in


@dataclass(slots=True)
class Facets:
    """Counts over every article a query matches, not only the page shown."""

    outlet: list[tuple[str, int]]  # (outlet, articles), most first
    month: list[tuple[str, int]]  # (YYYY-MM, articles), in time order; undated articles are not counted
    entity: list[tuple[str, str, int, int]]  # (name, type, articles, entity id), most first
    entity_over: int = 0  # how many hits `entity` counts: all of them, up to store.facets.ENTITY_FACET_SPAN


@dataclass(slots=True)
class Instead:
    """A lone word no article holds, read as the entity it nearly spells (엔비디야 -> 엔비디아): the articles shown are
    that entity's. Quoted ("엔비디야"), the word is searched as typed."""

    typed: str
    entity_id: int
    entity: str

    @property
    def note(self) -> str:
        return self.showing("articles that mention")

    def showing(self, what: str) -> str:
        """The note, for a list of `what` the entity's articles give (the Stories screen: "4 stories with an article that mentions")."""
        return f"no article has {self.typed}: showing {what} {self.entity} (\"{self.typed}\" in quotes searches the word as typed)"


@dataclass(slots=True)
class SearchResult:
    query: str
    articles: list[ArticleHit]  # one page: `offset` onwards
    entities: list[EntityHit]
    numbers: list[NumberRow]
    total_articles: int  # every match, before the page
    offset: int = 0
    sort: str = "rank"  # rank | new | old
    facets: Facets | None = None
    notes: list[str] = field(default_factory=list)  # what the answer left out and why (an unknown @entity)
    total_exact: bool = True  # False: counting stopped at total_articles (the app's first paint; more may match)
    ranked_newest: int | None = None  # sort:rank scored only this many newest hits; the rest follow newest first
    by_headline: bool = False  # sort:rank put headline matches first, then newest (a common word: no bm25)
    instead: Instead | None = None  # the query's lone word had no hits: these are the entity it nearly spells
    hint: str | None = None  # what a word may have meant (2025-01 read as text: the date: filter), said beside the answer
    newest_only: int | None = None  # read from only the newest this many articles (a keystroke's first answer to a
    # word with digits, store.search): the whole answer may hold more, older hits and rank them otherwise
    numbers_newest_hits: int | None = None  # the numbers alone are those in the newest this many hits (a keystroke's
    # answer whose whole numbers would read every hit: SearchPlan.numbers); the whole answer has them all

    @property
    def caveats(self) -> list[str]:
        """The notes that are not about the order: what the answer left out or cannot tell apart."""
        return [note for note in self.notes if not isinstance(note, OrderNote)]

    @property
    def partial(self) -> bool:
        """Part of this answer was read from the newest articles alone: the same call without `newest_first` differs."""
        return self.newest_only is not None or self.numbers_newest_hits is not None


@dataclass(slots=True)
class EntityInfo:
    id: int
    name: str
    type: str
    aliases: list[str]
    mentions: int = 0
    articles: int = 0


@dataclass(slots=True)
class Mention:
    id: int
    entity_id: int
    article_id: int
    source: str
    title: str | None
    date: str | None
    paragraph: int
    start: int
    end: int
    surface: str
    left: str  # context before the mention, within its paragraph (or its headline, deck or caption)
    right: str  # context after the mention, within its paragraph (or its headline, deck or caption)
    part: str = "body"  # body | title | deck | caption: start/end are offsets inside that text, not the body

    @property
    def context(self) -> str:
        return f"{self.left}{self.surface}{self.right}"


@dataclass(slots=True)
class ArticleCount:
    id: int
    title: str | None
    source: str
    date: str | None
    count: int


@dataclass(slots=True)
class MentionRows:
    """Rows [offset, offset + limit) of an entity's drill-down list, which shows a heading per article (newest
    first) followed by a row per mention of it. `articles` are those the rows belong to (the first may start
    above `offset`), `heads[k]` the row of the k-th one's heading and `firsts[k]` the drill-down index of its
    first mention; `mentions` are the mentions on the rows, from index `mention_offset`."""

    offset: int
    articles: list[ArticleCount]
    heads: list[int]
    firsts: list[int]
    mention_offset: int
    mentions: list[Mention]


@dataclass(slots=True)
class EntityCount:
    id: int
    name: str
    type: str
    count: int


@dataclass(slots=True)
class EntityDetail:
    entity: EntityInfo
    mentions: list[Mention]  # grouped by article, newest article first, then by position
    articles: list[ArticleCount]
    related: list[EntityCount]  # co-mentioned entities, most shared articles first
    timeline: list[tuple[str, int]]  # (YYYY-MM, mentions) where articles carry dates
    related_over: int = 0  # how many of its newest articles `related` counts (all of them up to RELATED_SPAN)
    offset: int = 0  # where the pages of mentions and articles start


@dataclass(slots=True)
class EditRow:
    """A stored entity edit: replayed after every re-index; `hanscope undo` removes the newest."""

    id: int
    op: str
    args: dict
    at: str  # UTC, as SQLite's datetime('now') wrote it
    description: str  # in words: "renamed 과학기술정보통신부 to 과기정통부"


@dataclass(slots=True)
class SharedNumber:
    value: float
    value_max: float | None
    unit: str
    counter: str | None
    left_raw: str
    right_raw: str
    left_context: str
    right_context: str
    left_start: int
    right_start: int


@dataclass(slots=True)
class SimilarParagraphs:
    left: int  # paragraph index in the left article
    right: int
    score: float


@dataclass(slots=True)
class Comparison:
    left: ArticleInfo
    right: ArticleInfo
    shared_entities: list[EntityInfo]
    only_left: list[EntityInfo]
    only_right: list[EntityInfo]
    shared_numbers: list[SharedNumber]
    similar_paragraphs: list[SimilarParagraphs]


@dataclass(slots=True)
class FileProblem:
    path: str
    reason: str


@dataclass(slots=True)
class IndexSummary:
    files_seen: int = 0
    files_indexed: int = 0
    files_unchanged: int = 0
    files_failed: int = 0
    files_pruned: int = 0
    articles_added: int = 0
    articles_removed: int = 0
    articles_total: int = 0
    entities_total: int = 0
    mentions_total: int = 0
    numbers_total: int = 0
    seconds: float = 0.0
    failed: list[FileProblem] = field(default_factory=list)
    warnings: list[FileProblem] = field(default_factory=list)


@dataclass(slots=True)
class StoryRow:
    """One story in a list: its first telling and how widely it ran."""
    id: int
    first_article: int
    title: str | None  # the first article's headline
    first_date: str | None
    last_date: str | None
    articles: int
    outlets: list[str]  # distinct outlets that ran it, in order of first appearance


@dataclass(slots=True)
class StoryPage:
    """A page of stories, and the correction the query narrowing them was read with (as SearchResult.instead)."""
    rows: list[StoryRow]
    instead: Instead | None = None


@dataclass(slots=True)
class StoryFigure:
    raw: str
    value: float
    unit: str
    counter: str | None
    start: int  # offset in the article body


@dataclass(slots=True)
class CopiedParagraph:
    paragraph: int  # index in this article
    from_article: int  # the earliest article of the story with (nearly) the same paragraph
    from_paragraph: int
    score: float  # 0-1 similarity of their character 5-grams; 1.0 for the same text


@dataclass(slots=True)
class Conversion:
    article_id: int
    raw: str  # 약 690조 원
    value: float
    unit: str
    original_raw: str  # the amount it converts: 5천억 달러


@dataclass(slots=True)
class ConvertedFigure:
    """One amount that the story's articles convert differently: 5000억 달러 → 약 700조원 / 약 690조 원."""
    value: float
    unit: str
    conversions: list[Conversion]  # one per distinct converted value, earliest article first


@dataclass(slots=True)
class StoryArticle:
    id: int
    title: str | None
    outlet: str | None
    reporters: list[str]
    date: str | None
    source: str
    first: bool  # the story's first telling (earliest date, then first indexed)
    copy_of: int | None  # an identical body was indexed before: that article
    near_group: int | None  # its near-duplicate group (the group's first article)
    only_entities: list[EntityInfo] = field(default_factory=list)  # named by no other article of the story
    only_figures: list[StoryFigure] = field(default_factory=list)  # stated by no other article of the story
    only_paragraphs: list[int] = field(default_factory=list)  # paragraphs no other article of the story has
    copied: list[CopiedParagraph] = field(default_factory=list)  # paragraphs an earlier article already had
    paragraphs: list[str] = field(default_factory=list)
    compared: bool = True  # False past the story's first STORY_COMPARED distinct bodies (a giant story)


@dataclass(slots=True)
class StoryDetail:
    id: int
    articles: list[StoryArticle]  # in time order, the first one first
    conversions: list[ConvertedFigure]
