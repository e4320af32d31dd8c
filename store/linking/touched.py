"""Which linked articles a change of the entity set reaches, and how: re-matched whole, or given the new mentions.

An article's mentions can change only if it contains a surface of an entity that changed, in the old set or the
new one. Three kinds of change:
- an entity removed, retyped or merged away: its articles are re-matched (those that mention it, and those whose
  text holds one of its surfaces);
- an entity renamed (its old name kept as an alias) or with a spelling less, its type and its other patterns as
  they were, while nothing the matcher derives from the whole set changes (short names of financial firms, clubs
  by town): only the articles whose text holds a changed spelling are re-matched;
- a new entity, or a known one with new spellings and the same type (what an add's candidates bring: at 100k two
  new place names are written in 47k old articles): the matcher's old patterns are unchanged and new ones join, so
  the new hits are added to the stored mentions, unless one of them could change what the old patterns chose: it
  overlaps a stored mention, lies within the 3 characters a bracketed gloss may span of a stored mention of the same
  entity (아마존웹서비스(AWS) is one mention), or names a person (short forms hang on persons). Such an article is
  re-matched whole. (A name of another entity next to a stored one changes nothing: the matcher relates neighbours
  only through overlap and glosses, and a gloss's gap holds only blanks and one bracket.)
Candidates come from the full-text index (the letters of some changed surface), then the texts are read."""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..articles import PART_CODES
from ..extract.entities import Matcher
from ..textindex import ID_MASK
from .entity_set import EntitySet
from .matching import MentionRow, article_parts, ids_json
from .rows import Renames
from .spellings import respelled, set_wide_forms

NEAR = 3  # characters between two mentions of one entity across which the matcher relates them (a gloss)


@dataclass
class EntityChange:
    """How the entity set differs from the stored entities (read before they are rewritten)."""
    gone_ids: list[int] = field(default_factory=list)  # stored entities whose every article is re-matched
    rematch_surfaces: set[str] = field(default_factory=set)  # where one is written, the article is re-matched
    added: dict[str, set[str]] = field(default_factory=dict)  # entity name -> surfaces whose hits are added


def entity_change(conn, entities: EntitySet, additive: bool, renames: Renames) -> EntityChange:
    """`additive`: new entities and new spellings may be added to stored mentions (an incremental link); otherwise
    their articles are re-matched too. `renames`: rows.renamed_entities of this set, read before the rows change."""
    old: dict[str, tuple[int, str, set[str]]] = {}
    for entity_id, name, type_, alias in conn.execute(
        "SELECT e.id, e.name, e.type, a.alias FROM entities e LEFT JOIN aliases a ON a.entity_id = e.id"
    ):
        old.setdefault(name, (entity_id, type_, {name}))[2].add(alias or name)
    new = {spec.name: (spec.type, spec.surfaces()) for spec in entities.specs}
    change = EntityChange()
    _, _, heirs = renames
    name_of = {entity_id: name for name, (entity_id, _, _) in old.items()}
    now_named = {name: name for name in old if name in new} | {name_of[i]: name for name, i in heirs.items()}
    handled: set[str] = set()  # new names whose change is worked out from their old entity's
    wide_equal: list[bool] = []  # computed once, when a spelling change needs it

    def grew(name: str) -> bool:  # the same entity with more spellings: an add's new candidates bring these
        return name in old and name in new and new[name][0] == old[name][1] and old[name][2] <= new[name][1]

    def same_set_wide_forms() -> bool:
        if not wide_equal:
            ids = {name: entity_id for name, (entity_id, _, _) in old.items()} | heirs
            placeholders = {name: -1 - k for k, name in enumerate(n for n in new if n not in ids)}
            ids |= placeholders
            wide_equal.append(
                set_wide_forms([(i, known) for i, _, known in old.values()], {i: t for i, t, _ in old.values()})
                == set_wide_forms([(ids[n], wanted) for n, (_, wanted) in new.items()],
                                  {ids[n]: t for n, (t, _) in new.items()}))
        return wide_equal[0]

    for name, (entity_id, type_, known) in old.items():
        if new.get(name) == (type_, known):
            continue
        if grew(name):  # a mention can change only where a new spelling is written: those are scanned for, and
            change.added[name] = new[name][1] - known  # not every article naming it (66k for 삼성전자 at 100k)
            continue
        now = now_named.get(name)
        spelled = respelled(type_, known, *new[now]) if now is not None else None
        if spelled is not None and same_set_wide_forms():
            # renamed (the old name kept as an alias) or a spelling less: the stored mentions stand except where a
            # changed spelling is written (a rename of 삼성전자 re-matched its 66k articles at 100k, 55 s)
            added, removed = spelled
            handled.add(now)
            if removed:
                change.rematch_surfaces |= added | removed
            elif added:
                change.added[now] = added
            continue
        change.gone_ids.append(entity_id)
        change.rematch_surfaces |= known
    for name, (type_, wanted) in new.items():
        if name in handled:
            continue
        if name not in old:
            change.added[name] = set(wanted)
        elif old[name][1:] != (type_, wanted) and not grew(name):
            change.rematch_surfaces |= wanted
    if not additive:
        for surfaces in change.added.values():
            change.rematch_surfaces |= surfaces
        change.added = {}
    return change


@dataclass
class Reach:
    """What a change does to the linked articles: `rematch` are matched again whole; `additions` are the mention
    rows the others gain."""
    rematch: set[int] = field(default_factory=set)
    additions: list[MentionRow] = field(default_factory=list)


def candidates(conn, change: EntityChange, rematcher: Matcher | None, adder: Adder | None) -> list[int] | None:
    """Articles that may hold a changed surface, from the full-text index; None: every linked article. Unlinked
    ones among them (this run's added articles) are left to `reach`, which reads only linked rows: asking the
    articles table here read the row of each of the 47k candidates at 100k (`linked` lies past the body)."""
    found: set[int] = set()
    added = {s for v in change.added.values() for s in v}
    for surfaces, matcher in ((change.rematch_surfaces, rematcher), (added, adder and adder.matcher)):
        if matcher is None:
            continue
        letters = articles_with_letters_of(conn, surfaces, matcher)
        if letters is None:
            return None
        found |= letters
    return sorted(found)


def reach(conn, article_ids: list[int] | None, rematcher: Matcher | None, adder: Adder | None,
          kinds: dict[int, str]) -> Reach:
    """Read these linked articles' texts (None: every linked article) and sort them into re-matched ones and the
    mentions the others gain. Runs in the linking process or a worker (its own connection, the committed mentions)."""
    if article_ids is None:
        rows = conn.execute("SELECT id, title, title_from, subtitle, captions, body FROM articles WHERE linked = 1")
    else:
        rows = conn.execute("SELECT id, title, title_from, subtitle, captions, body FROM articles "
                            "WHERE id IN (SELECT value FROM json_each(?)) AND linked = 1", [ids_json(article_ids)])
    out = Reach()
    hits: list[tuple[int, str, int, int, int, int, str]] = []  # article, part, index, start, end, entity, surface
    for article_id, *texts in rows:
        parts = article_parts(*texts)
        if rematcher is not None and any(rematcher.may_match(t) for _, _, t in parts):
            out.rematch.add(article_id)
            continue
        if adder is None:
            continue
        found = [(article_id, part, index, s, e, eid, surface)
                 for part, index, text in parts for s, e, eid, surface in adder.find(text)]
        if any(kinds.get(h[5]) == "person" or kinds.get(h[5]) == "org" and h[6].endswith("당") for h in found):
            # a new person may bring short forms (최 회장) anywhere in the article, a party its short name (민주당)
            out.rematch.add(article_id)
        else:
            hits += found
    if not hits:
        return out
    # a stored mention that overlaps a hit, or one of the same entity within a gloss's reach of it
    near = {r[0] for r in conn.execute(
        "WITH h(article, part, idx, s, e, entity) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2, "
        "value ->> 3, value ->> 4, value ->> 5 FROM json_each(?)) "
        "SELECT DISTINCT h.article FROM h JOIN mentions m ON m.article_id = h.article AND m.part = h.part "
        "AND (m.part != 3 OR m.paragraph = h.idx) "
        'AND ((m.start < h.e AND m."end" > h.s) OR (m.entity_id = h.entity AND m.start <= h.e + ? AND m."end" >= h.s - ?))',
        [json.dumps([(h[0], PART_CODES[h[1]], *h[2:6]) for h in hits]), NEAR, NEAR])}
    out.rematch |= near
    added = sorted({h[0] for h in hits} - near)
    starts: dict[int, list[int]] = {}
    for article_id, start in conn.execute(
            "SELECT article_id, start FROM paragraphs WHERE article_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY article_id, idx", [ids_json(added)]):
        starts.setdefault(article_id, []).append(start)
    for article_id, part, index, s, e, eid, surface in hits:
        if article_id not in near:
            paragraph = max(0, bisect_right(starts.get(article_id, []), s) - 1) if part == "body" else index
            out.additions.append((eid, article_id, part, paragraph, s, e, surface))
    return out


def needles(surfaces) -> list[str] | None:
    """For each surface, the characters every written form of it holds as they are (its Hangul syllables and digits:
    no case, never a blank): a text that lacks one of each surface's holds none of them. None: a surface has none."""
    found = set()
    for surface in surfaces:
        marks = "".join(sorted({c for c in surface if "가" <= c <= "힣" or c.isdigit() and c.isascii()}))
        if not marks:
            return None
        found.add(marks)
    return sorted(found)


class Adder:
    """The matcher of the added surfaces, reading only the lines of a text that hold the needles of one (an article
    names a new place in one paragraph of ten; the matcher's cost is in preparing the whole text)."""

    def __init__(self, specs: list[tuple[int, list[str]]], kinds: dict[int, str]) -> None:
        self.matcher = Matcher(specs, kinds)
        self.needles = needles(s for _, surfaces in specs for s in surfaces)

    def find(self, text: str) -> list[tuple[int, int, int, str]]:
        """matcher.find(text), line by line. The same hits: a mention never crosses a line break, nor do the
        matcher's rules, but two: a bracketed gloss may follow its name on the next line, and 한화's won rule reads
        blanks past it. A hit that could be either sends the whole text to the matcher."""
        matcher, marks = self.matcher, self.needles
        if marks is None or matcher._countries or matcher._gyeonggi is not None:
            return matcher.find(text)
        lines = set()  # (start, end) of each line that holds every needle of some surface
        for group in marks:
            if not all(c in text for c in group):
                continue
            rarest = min(group, key=text.count)  # the lines it is on are the only ones to look at
            at = text.find(rarest)
            while at >= 0:
                start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
                end = len(text) if end < 0 else end
                if all(c in text[start:end] for c in group):
                    lines.add((start, end))
                at = text.find(rarest, end)
        hits = []
        for start, end in sorted(lines):
            line = text[start:end]
            for s, e, entity_id, surface in matcher.find(line):
                if surface == "한화" or (s <= NEAR and line[:s].strip() == "("):
                    return matcher.find(text)
                hits.append((s + start, e + start, entity_id, surface))
        return hits


_LETTER_RUN = re.compile(r"[^\W_]+")  # what the full-text index keeps of a text (store.textindex)


def articles_with_letters_of(conn, surfaces: set[str], matcher: Matcher) -> set[int] | None:
    """The articles whose search rows hold the letters of some surface in a row (across any gap), from the full-text
    index: a superset of those the matcher can find a surface in, as it compares letters with only blanks, dots and
    the surface's own marks between them. Adding 1,000 articles to 100k re-reads these, not every text.
    None when that does not hold: a surface of fewer than two letters, or the matcher's country and 경기도 rules,
    which find 한·미 and 경기 북부 without the surface's letters."""
    if matcher._countries or matcher._gyeonggi is not None:
        return None
    phrases = set()
    for surface in surfaces:
        letters = "".join(_LETTER_RUN.findall(surface.casefold()))
        if len(letters) < 2:
            return None
        # every pair as a prefix: the bigram inside a word or the bridge (`_`) across a gap (store.textindex)
        phrases.add(" + ".join(f'"{letters[i:i + 2]}"*' for i in range(len(letters) - 1)))
    found: set[int] = set()
    phrases_sorted = sorted(phrases)
    for start in range(0, len(phrases_sorted), 50):
        expression = " OR ".join(f"({p})" for p in phrases_sorted[start:start + 50])
        found.update(r[0] for r in conn.execute(f"SELECT rowid & {ID_MASK} FROM articles_fts WHERE articles_fts MATCH ?",
                                                [expression]))  # the article id inside a search rowid
    return found


# --- in a worker process: the reach of a large change, a chunk of candidates at a time ---

_worker_state: dict = {}


def reach_in_worker(path: str, key: str, rematch_specs: list[tuple[int, list[str]]],
                    add_specs: list[tuple[int, list[str]]], kinds: dict[int, str], article_ids: list[int]) -> Reach:
    """`reach` through this process's own read-only connection: it sees the mentions as the last link committed
    them, which is what the new hits are compared with (the linker's transaction rewrites no old article's
    mentions before every chunk is back)."""
    if _worker_state.get("key") != (path, key):
        import sqlite3

        if _worker_state.get("conn") is not None:
            _worker_state["conn"].close()
        conn = sqlite3.connect(path, check_same_thread=False)
        conn.execute("PRAGMA query_only = 1")
        _worker_state.update(key=(path, key), conn=conn,
                             rematcher=Matcher(rematch_specs, kinds) if rematch_specs else None,
                             adder=Adder(add_specs, kinds) if add_specs else None)
    return reach(_worker_state["conn"], article_ids, _worker_state["rematcher"], _worker_state["adder"], kinds)
