"""The query language, parsed once for the CLI and the app alike. No database here: `store.api` compiles a Query.

    삼성 HBM                    both words (particles dropped: 삼성과 = 삼성)
    "스타게이트 프로젝트"          a phrase: adjacent, in this order, with or without the space
    -비트코인   -"증권 시황"      exclude (also NOT)
    삼성 OR SK   삼성 | SK       either; ( ) group: (삼성 | SK) HBM
    하이닉*                      prefix (every word already matches inside longer words)
    @삼성전자  entity:삼성전자  entity:#465     articles that mention the entity under any of its names
    outlet:뉴스1  by:김현일      outlet, reporter (prefix; several of one field mean either; -outlet: excludes)
    date:2025-10  date:2025-09-01..2025-10-31  after:2025-10-01  before:2025-11
    sort:new  sort:old  sort:rank
    type:person                 narrows the entity section of the answer

Amounts (90만장, 90만 장, 5000억 달러) are read as one term each: a magnitude word after digits is never a particle.
Errors are QuerySyntaxError with the position of the problem; user text never becomes FTS or SQL syntax here —
terms keep only their letters and digits (see store.textindex).
"""
from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from .extract.hangul import strip_particle

MAX_QUERY_CHARS = 1000
ENTITY_TYPES = ("company", "person", "org", "place", "product", "event")
SORTS = {"rank": "rank", "relevance": "rank", "new": "new", "newest": "new", "latest": "new", "old": "old", "oldest": "old"}
FILTER_FIELDS = ("outlet", "by", "date", "after", "before", "sort", "type")
FIELDS = ("entity",) + FILTER_FIELDS
_LETTERS = re.compile(r"[^\W_]+")
_QUOTES = {'"': '"', "“": "”"}
_FIELD = re.compile(r"([A-Za-z]+):")
_DATE = re.compile(r"(\d{4})(?:[-./](\d{1,2})(?:[-./](\d{1,2}))?)?")
_DIGIT_MAGNITUDE = re.compile(r"\d[만억조천]$")
_EDGE_MARKS = re.compile(r"^[\W_]+|[\W_]+$")


class QuerySyntaxError(ValueError):
    """A query the parser cannot read: `reason` says what, `position` (0-based) says where."""

    def __init__(self, reason: str, position: int) -> None:
        super().__init__(f"{reason} (at character {position + 1})")
        self.reason = reason
        self.position = position


# --- the tree -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    """A word, a phrase or an amount, matched in headlines and bodies whatever the spacing."""

    text: str  # as matched: a word without its particle, a phrase as typed, an amount's digits and unit
    kind: str  # word | phrase | amount
    position: int

    @property
    def letters(self) -> str:
        return "".join(_LETTERS.findall(self.text.casefold()))


@dataclass(frozen=True, slots=True)
class Entity:
    """Articles that mention one entity; `name` is resolved by the index (typos, initials, Latin), or `id`."""

    name: str | None
    id: int | None
    position: int


@dataclass(frozen=True, slots=True)
class Not:
    node: "Node"


@dataclass(frozen=True, slots=True)
class All:
    nodes: tuple["Node", ...]


@dataclass(frozen=True, slots=True)
class Any:
    nodes: tuple["Node", ...]


Node = Text | Entity | Not | All | Any


@dataclass(frozen=True, slots=True)
class _Field:  # a filter field while parsing; lifted out of the tree into the Query
    name: str
    value: str
    position: int


@dataclass(slots=True)
class Query:
    source: str
    root: Node | None  # None: filters only (every article that passes them)
    outlets: list[str] = field(default_factory=list)
    not_outlets: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    not_reporters: list[str] = field(default_factory=list)
    since: str | None = None  # inclusive, YYYY-MM-DD
    until: str | None = None  # exclusive, YYYY-MM-DD
    sort: str | None = None  # rank | new | old; None: rank when there are words, else newest first
    types: list[str] = field(default_factory=list)

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None

    def texts(self, positive: bool = True) -> list[Text]:
        """The text terms, in order; positive ones only by default (for highlights and the entity section)."""
        out: list[Text] = []

        def walk(node, negated: bool) -> None:
            if isinstance(node, Text):
                if negated != positive:
                    out.append(node)
            elif isinstance(node, Not):
                walk(node.node, not negated)
            elif isinstance(node, (All, Any)):
                for child in node.nodes:
                    walk(child, negated)

        walk(self.root, False)
        return out

    def date_hint(self) -> str | None:
        """For the first searched word that reads as a date (2025-01), the filter it may have meant, when the query
        has no date filter of its own."""
        if self.dated:
            return None
        for text in self.texts():
            if text.kind == "word" and (date := _date_filter_for(text.text)):
                return f"{text.text} is searched as text; {date} filters by date"
        return None

    def entities(self) -> list[Entity]:
        out: list[Entity] = []

        def walk(node) -> None:
            if isinstance(node, Entity):
                out.append(node)
            elif isinstance(node, Not):
                pass  # an excluded entity is no answer to show
            elif isinstance(node, (All, Any)):
                for child in node.nodes:
                    walk(child)

        walk(self.root)
        return out


# --- reading ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # ( ) | - text entity field
    position: int
    value: object = None


def parse(source: str) -> Query:
    """The Query a user typed; QuerySyntaxError names the problem and where it is."""
    if len(source) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(f"the query is {len(source):,} characters long; at most {MAX_QUERY_CHARS:,} are read",
                               MAX_QUERY_CHARS)
    for i, ch in enumerate(source):
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") and ch not in "\t\n\r":
            raise QuerySyntaxError(f"control character U+{ord(ch):04X} in the query", i)
    tokens = _Tokens(_tokenize(source))
    root = _parse_or(tokens, top=True) if tokens.peek() is not None else None
    if tokens.peek() is not None:  # only a ')' stops the top level early
        raise QuerySyntaxError("')' closes nothing", tokens.peek().position)
    query = Query(source, None)
    query.root = _lift_filters(root, query)
    if query.root is None and not _has_filter(query):
        raise QuerySyntaxError("nothing to search for: type a word, a \"phrase\", @entity or a field such as outlet:", 0)
    return query


def _tokenize(s: str) -> list[_Token]:
    amounts = _amounts(s)
    by_digit = {a.digit: a for a in amounts}
    out: list[_Token] = []
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if ch.isspace():
            i += 1
        elif ch in "()|":
            out.append(_Token(ch, i))
            i += 1
        elif ch in _QUOTES:
            text, end = _quoted(s, i)
            if not _LETTERS.search(text):
                raise QuerySyntaxError("empty phrase: put words between the quotes", i)
            out.append(_Token("text", i, Text(text, "phrase", i)))
            i = end
        elif ch == "-":  # at the start of a term: NOT (inside a word, 엔비디아-TSMC, it is part of the word)
            if i + 1 == n or s[i + 1].isspace() or s[i + 1] in ")|":
                raise QuerySyntaxError("a lone '-' excludes nothing: write it before a word, -비트코인", i)
            out.append(_Token("-", i))
            i += 1
        elif i in by_digit:
            amount = by_digit[i]
            out.append(_Token("text", i, Text(s[i:amount.end], "amount", i)))
            i = amount.end
        elif ch == "@":
            value, end = _value(s, i + 1)
            if not value:
                raise QuerySyntaxError("'@' needs an entity name: @삼성전자", i)
            out.append(_Token("field", i, _Field("entity", value, i)))
            i = end
        else:
            i = _word(s, i, out, amounts)
    return out


def _word(s: str, start: int, out: list[_Token], amounts: list["_Amount"]) -> int:
    """Read a bare word or a field (name:value) from s[start]; append its token; return where it ends."""
    i, n = start, len(s)
    while i < n and not s[i].isspace() and s[i] not in '()|"“':
        if s[i] == ":" and _FIELD.fullmatch(s, start, i + 1):
            name = s[start:i].lower()
            if name not in FIELDS:
                raise QuerySyntaxError(f"unknown field {s[start:i]}: (fields: {', '.join(FIELDS)}; put text in quotes "
                                       "to search for it)", start)
            value, end = _value(s, i + 1)
            if not value:
                raise QuerySyntaxError(f"{name}: needs a value", start)
            out.append(_Token("field", start, _Field(name, value, start)))
            return end
        i += 1
    word = s[start:i]
    if word == "OR":
        out.append(_Token("|", start))
    elif word == "NOT":
        out.append(_Token("-", start))
    elif word == "AND" or any(a.start <= start and i <= a.digit for a in amounts):
        pass  # AND: a space says it already; 월 in 월 90만장, 약 in 약 700조원: qualifiers of the amount after them
    else:
        # Marks around a word are no part of it (오픈AI는' = 오픈AI는); every word already matches inside longer
        # words, so a trailing * (하이닉*) changes nothing
        text = _EDGE_MARKS.sub("", word)
        if _LETTERS.search(text):
            if not _DIGIT_MAGNITUDE.search(text):  # 90만: 만 is a magnitude here, not the particle "only"
                text = strip_particle(text)
            out.append(_Token("text", start, Text(text, "word", start)))
        elif out and out[-1].kind == "-" and out[-1].position == start - 1:
            raise QuerySyntaxError(f"'-{word}' has no letters or digits to exclude", start - 1)
    return i


def _quoted(s: str, i: int) -> tuple[str, int]:
    """The text between the quote at s[i] and its closing quote, and the position after it."""
    end = s.find(_QUOTES[s[i]], i + 1)
    if end < 0:
        raise QuerySyntaxError("this quote is never closed", i)
    return s[i + 1:end], end + 1


def _value(s: str, i: int) -> tuple[str, int]:
    """A field's value from s[i]: "quoted words" or a bare run up to a space or a bracket."""
    if i < len(s) and s[i] in _QUOTES:
        text, end = _quoted(s, i)
        return text.strip(), end
    start = i
    while i < len(s) and not s[i].isspace() and s[i] not in "()|":
        i += 1
    return s[start:i], i


@dataclass(frozen=True, slots=True)
class _Amount:
    start: int  # where its qualifier (월, 약, 최대) starts
    digit: int  # its first digit: the term starts here
    end: int


def _amounts(s: str) -> list[_Amount]:
    """Amounts in the query, each read as one term: 90만 장 is one, not 90 and 장."""
    if not any(ch.isdigit() for ch in s):
        return []  # spares the number parser's import
    from .extract.numbers import parse_numbers

    found = []
    for amount in parse_numbers(s):
        digit = next((j for j in range(amount.start, amount.end) if s[j].isdigit()), None)
        if digit is None or (digit > 0 and not (s[digit - 1].isspace() or s[digit - 1] in "(|-")):
            continue  # glued to a word (H100, 삼성90만): the word is the term
        if any(ch in _QUOTES or ch in "()|" for ch in s[amount.start:amount.end]):
            continue  # inside or across a phrase or a bracket: the syntax wins
        found.append(_Amount(amount.start, digit, amount.end))
    return found


class _Tokens:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens, self.at = tokens, 0

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token


def _parse_or(tokens: _Tokens, top: bool = False):
    nodes = [_parse_and(tokens)]
    while (t := tokens.peek()) is not None and t.kind == "|":
        tokens.take()
        after = tokens.peek()
        if after is None or after.kind in ")|":
            raise QuerySyntaxError("'|' (OR) needs a term on each side", t.position)
        nodes.append(_parse_and(tokens))
    return nodes[0] if len(nodes) == 1 else Any(tuple(nodes))


def _parse_and(tokens: _Tokens):
    nodes = []
    while (t := tokens.peek()) is not None and t.kind not in ")|":
        nodes.append(_parse_unary(tokens))
    if not nodes:
        t = tokens.peek()
        position = t.position if t else 0
        raise QuerySyntaxError("'|' (OR) needs a term on each side" if t and t.kind == "|" else "')' closes nothing",
                               position)
    return nodes[0] if len(nodes) == 1 else All(tuple(nodes))


def _parse_unary(tokens: _Tokens):
    t = tokens.peek()
    if t.kind == "-":
        tokens.take()
        after = tokens.peek()
        if after is None or after.kind in ")|-":
            raise QuerySyntaxError("'-' (NOT) needs a term after it", t.position)
        return Not(_parse_primary(tokens))
    return _parse_primary(tokens)


def _parse_primary(tokens: _Tokens):
    t = tokens.take()
    if t.kind == "(":
        after = tokens.peek()
        if after is None:
            raise QuerySyntaxError("this '(' is never closed", t.position)
        if after.kind == ")":
            raise QuerySyntaxError("empty parentheses", t.position)
        node = _parse_or(tokens)
        close = tokens.peek()
        if close is None or close.kind != ")":
            raise QuerySyntaxError("this '(' is never closed", t.position)
        tokens.take()
        return node
    if t.kind == ")":
        raise QuerySyntaxError("')' closes nothing", t.position)
    if t.kind == "field" and t.value.name == "entity":
        return _entity(t.value)
    return t.value  # a Text, or a filter _Field lifted out below


def _entity(f: _Field) -> Entity:
    value = f.value
    if value.startswith("#"):
        if not value[1:].isascii() or not value[1:].isdigit():
            raise QuerySyntaxError(f"entity:{value}: an id is # and digits, entity:#465", f.position)
        return Entity(None, int(value[1:]), f.position)
    return Entity(value, None, f.position)


# --- filters ------------------------------------------------------------------------------------------------


def _lift_filters(root, query: Query):
    """Move the filter fields of the top-level AND into `query`; anywhere else they are an error."""
    children = list(root.nodes) if isinstance(root, All) else ([root] if root is not None else [])
    kept = []
    for child in children:
        negated = isinstance(child, Not)
        inner = child.node if negated else child
        if isinstance(inner, _Field):
            _apply_filter(query, inner, negated)
        else:
            _refuse_nested_filters(child)
            kept.append(child)
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else All(tuple(kept))


def _refuse_nested_filters(node) -> None:
    if isinstance(node, _Field):
        raise QuerySyntaxError(f"{node.name}: applies to the whole query: put it outside ( ) and OR", node.position)
    if isinstance(node, Not):
        _refuse_nested_filters(node.node)
    elif isinstance(node, (All, Any)):
        for child in node.nodes:
            _refuse_nested_filters(child)


def _apply_filter(q: Query, f: _Field, negated: bool) -> None:
    if negated and f.name not in ("outlet", "by"):
        raise QuerySyntaxError(f"{f.name}: cannot be excluded" + (" (use before: or after:)" if f.name == "date" else ""),
                               f.position)
    if f.name == "outlet":
        (q.not_outlets if negated else q.outlets).append(f.value)
    elif f.name == "by":
        (q.not_reporters if negated else q.reporters).append(f.value)
    elif f.name == "sort":
        sort = SORTS.get(f.value.lower())
        if sort is None:
            raise QuerySyntaxError(f"sort:{f.value}: use sort:rank, sort:new or sort:old", f.position)
        q.sort = sort
    elif f.name == "type":
        kind = f.value.lower()
        if kind not in ENTITY_TYPES:
            raise QuerySyntaxError(f"type:{f.value}: use one of {', '.join(ENTITY_TYPES)}", f.position)
        q.types.append(kind)
    else:
        since, until = _date_range(f)
        if since is not None:
            q.since = max(q.since, since) if q.since else since
        if until is not None:
            q.until = min(q.until, until) if q.until else until
        if q.since and q.until and q.since >= q.until:
            raise QuerySyntaxError("the dates of this query leave no day between them", f.position)


def _has_filter(q: Query) -> bool:
    return bool(q.outlets or q.not_outlets or q.reporters or q.not_reporters or q.dated or q.sort or q.types)


def _date_filter_for(word: str) -> str | None:
    """`date:WORD` when a searched word reads as a month, a day or a range of them (2025-01, 2025.01.15,
    2025-01..2025-03). Such a word is searched as text, a phrase of digit pairs (the index's commonest terms: a
    scan of every article at 1M, BENCHMARKS.md), and the filter is most likely what was meant. A year alone (2025)
    is a number people search for, and what `date:` cannot read (2025-13) is no date: None."""
    m = _DATE.fullmatch(word)
    if (m is None or m.group(2) is None) and ".." not in word:
        return None
    try:
        _date_range(_Field("date", word, 0))
    except QuerySyntaxError:
        return None
    return f"date:{word}"


def _date_range(f: _Field) -> tuple[str | None, str | None]:
    """(inclusive start, exclusive end) as YYYY-MM-DD for date:, after: and before:."""
    if f.name == "after":
        return _period(f.value, f)[0], None
    if f.name == "before":
        return None, _period(f.value, f)[0]
    if ".." in f.value:
        left, _, right = f.value.partition("..")
        since = _period(left, f)[0] if left else None
        until = _period(right, f)[1] if right else None
        if since is None and until is None:
            raise QuerySyntaxError("date:.. needs a date on at least one side", f.position)
        if since and until and since >= until:
            raise QuerySyntaxError(f"date:{f.value}: the range ends before it starts", f.position)
        return since, until
    return _period(f.value, f)


def _period(text: str, f: _Field) -> tuple[str, str]:
    """2025 / 2025-10 / 2025-10-05 (also with . or /) as the days it covers: [first, day after last)."""
    m = _DATE.fullmatch(text.strip())
    if m is None:
        raise QuerySyntaxError(f"{f.name}:{f.value}: write dates as 2025, 2025-10 or 2025-10-05", f.position)
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    try:
        if day:
            first = datetime.date(year, month, day)
            after = first + datetime.timedelta(days=1)
        elif month:
            first = datetime.date(year, month, 1)
            after = datetime.date(year + month // 12, month % 12 + 1, 1)
        else:
            first, after = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
    except ValueError:
        what = "month" if month and not 1 <= month <= 12 else "day"
        raise QuerySyntaxError(f"{f.name}:{f.value}: no such {what}", f.position) from None
    return first.isoformat(), after.isoformat()
