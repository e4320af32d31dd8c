"""Discovery: candidate entities for one article, from the rules (and the analyzer when there is one),
grouped per entity and named."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from typing import Any

from .aliases import ALIAS_FILE, _Known, load_alias_file
from .hangul import normalize_name
from .lexicon import _Credits, _has_hangul, _has_latin
from ..model import Article, Candidate
from .rules import _EVIDENCE_RANK, _FUNCTION_WORDS, _Article, _Hit, _guess_type, _is_amount

_BRACKETED = re.compile(r"\([^()]*\)")


def _typos_of_known_names(hits: list[_Hit], text: str, known: _Known, prepared: _Article) -> dict[str, str]:
    """Normalized surface -> group key ("=" + known name) for discovered names that misspell a known
    one: 삼셩전자 in a headline over a body that says 삼성전자. The evidence: one jamo apart (see
    _Known.near_miss), the same type, and the known name written at least as often in this very article (a
    headline typo is written once, like the name the body spells right: both are matched as mentions now).
    Never persons: 이재용/이재웅 and 김범수/김범주 are different people."""
    typo_of: dict[str, str] = {}
    seen: set[str] = set()
    for h in hits:
        key = normalize_name(h.surface)
        if key in seen:
            continue
        seen.add(key)
        near = known.near_miss(h.surface)
        if near is None:
            continue
        name, type_ = near
        if type_ == "person" or (h.type or _guess_type(h.surface, prepared)) != type_:
            continue
        if text.count(h.surface) <= sum(text.count(s) for s in known.surfaces[name]):
            typo_of[key] = "=" + name
    return typo_of


def _candidates(article: Article, tokens: list[Any] | None, text: str, known: _Known) -> list[Candidate]:
    prepared = _Article(text, tokens, known)
    bracket_hits, pairs = prepared.bracket_hits()
    junior_hits, junior_pairs = prepared.junior_hits()
    pairs += junior_pairs
    people = prepared.title_hits() + prepared.age_hits() + prepared.role_hits() + prepared.honorific_hits() + prepared.late_hits()
    people += prepared.lineup_hits() + prepared.japanese_name_hits()
    people += prepared.dot_list_people(people)
    rule_hits = (people + prepared.suffix_hits() + prepared.firm_list_hits() + prepared.periodical_hits() + prepared.source_hits() + prepared.legal_form_hits() + prepared.apposition_hits() + prepared.district_hits() + prepared.venue_hits() + prepared.plant_town_hits() + prepared.subsidiary_hits() + prepared.model_hits()
                 + prepared.quoted_work_hits() + prepared.edition_event_hits() + prepared.bullet_list_hits() + prepared.kind_apposition_hits()
                 + junior_hits + bracket_hits)
    rule_hits += prepared.committee_hits() + prepared.estate_hits() + prepared.plant_word_hits() + prepared.series_round_hits()
    rule_hits += prepared.group_list_hits() + prepared.foreign_firm_hits() + prepared.route_carrier_hits() + prepared.plan_hits() + prepared.group_affiliate_hits()
    outlet_reporters = prepared.outlet_reporter_hits()
    rule_hits += outlet_reporters + prepared.local_hits()
    rule_hits = [h for h in rule_hits if not prepared.branch_of_parent(h)]  # 고용노동부 경기지청: the parent, no branch
    pairs += prepared.institution_pairs(rule_hits) + prepared.committee_pairs(rule_hits) + prepared.estate_pairs(rule_hits)
    pairs += prepared.named_by_pairs(rule_hits)
    # 서초연구개발(R&D)캠퍼스 as written and 서초연구개발캠퍼스: one name (the bracketless one), the written one its alias
    pairs += [(_BRACKETED.sub("", h.surface), h.surface) for h in rule_hits if "(" in h.surface and h.type == "place"]
    pairs += _host_and_event_pairs(rule_hits) + _branch_office_pairs(rule_hits) + _edition_pairs(rule_hits)
    spans = [(h.start, h.start + len(h.surface)) for h in rule_hits]
    name_parts = {part for h in rule_hits if h.type == "person" for part in h.surface.split()[1:] + h.surface.split()[:1]
                  if " " in h.surface}
    pairs += _half_name_pairs(rule_hits, name_parts)
    hits = [
        h for h in prepared.analyzer_hits()
        # 김경 inside 김경훈, 가먼 inside 맷 가먼: the rule saw the whole name
        if h.surface not in name_parts and h.surface not in prepared.glosses and not any(s <= h.start and h.start + len(h.surface) <= e for s, e in spans)
    ] + rule_hits
    hits = _without_marks(hits, text)
    pairs += _city_hall_pairs(hits, known)
    excluded = prepared.reporters(article.reporters)
    excluded -= {h.surface for h in outlet_reporters if h.type == "person"} - set(article.reporters)  # 게임메카 김미희 기자를

    # one group per entity: same normalized surface, same alias-file entity, or two sides of a bracket
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    typo_of = _typos_of_known_names(hits, text, known, prepared)

    def group_key(surface: str) -> str:
        hit = known.get(surface)
        if hit:
            return "=" + hit[0]
        key = normalize_name(surface)
        return typo_of.get(key, key)

    for outer, inner in pairs:
        a, b = root(group_key(outer)), root(group_key(inner))
        if a != b and not (a.startswith("=") and b.startswith("=")):
            if b.startswith("="):
                a, b = b, a
            parent[b] = a  # an alias-file entity stays the root of its group

    credits = _Credits(text)
    groups: dict[str, list[_Hit]] = defaultdict(list)
    for hit in hits:
        surface = hit.surface.strip()
        if not surface or surface in excluded or normalize_name(surface) == "":
            continue
        if _has_hangul(surface) and len(surface.replace(" ", "")) < 2 and not _has_latin(surface):
            continue  # 최, 이, 황: a surname or one syllable is not a name
        if _is_amount(surface) or not _FUNCTION_WORDS.isdisjoint(surface.split()):
            continue  # 250메가와트(MW), 이와 함께 … 회장: an amount or a connective is not a name
        if _DESIGNATION.fullmatch(surface):
            continue  # '2024-2025 예비문화관광축제'로 선정: a designation a festival is given, no event (the lead's decision)
        if "=" in surface or hit.start in credits:
            continue  # 사진제공=삼성전자: a credit names no entity
        groups[root(group_key(surface))].append(hit)

    outer_of: dict[str, str] = {}  # each group's first bracket outer (or full name) of the pairs, found once: linear
    for outer, _ in pairs:
        outer_of.setdefault(root(group_key(outer)), outer)
    result: list[Candidate] = []
    for key, members in groups.items():
        canonical = known.get(key[1:]) if key.startswith("=") else None
        if canonical is None:
            for h in members:
                canonical = known.get(h.surface) or canonical
        surfaces = Counter(h.surface for h in members)
        if canonical:
            name, type_ = canonical
        else:
            bracket_outer = outer_of.get(key)
            name = bracket_outer if bracket_outer else max(surfaces, key=lambda s: (surfaces[s], _has_hangul(s), len(s)))
            typed = [h.type for h in members if h.type]
            type_ = Counter(typed).most_common(1)[0][0] if typed else _guess_type(name, prepared)
        name_key = normalize_name(name)
        aliases = sorted({s for s in surfaces if normalize_name(s) != name_key}, key=lambda s: (-surfaces[s], s))
        alias_keys: set[str] = set()
        aliases = [a for a in aliases if not (normalize_name(a) in alias_keys or alias_keys.add(normalize_name(a)))]
        evidence = max((h.evidence for h in members), key=_EVIDENCE_RANK.__getitem__)
        count = len({h.start for h in members})
        result.append(Candidate(name=name, type=type_, aliases=aliases, evidence=evidence, count=count))
    result.sort(key=lambda c: (-c.count, c.name))
    return result


# A legal form glued before a name is no part of it (㈜성원에어테크 is 성원에어테크); a copyright mark before one names the page's
# own outlet in its footer (Copyrights ⓒ황성신문), no entity of the story.
_LEGAL_PREFIXES = ("㈜", "(주)", "㈔")
_COPYRIGHT_MARKS = ("ⓒ", "©")


_HYPHEN_LIST = re.compile(r"[가-힣]{2}-[가-힣]")  # (한-아세안센터: a country's one syllable before the hyphen is a name's)
# Words no person's name holds that a name-shaped rule may take (시리즈 투자: a page's label, a series round).
_NO_NAME_WORDS = frozenset("시리즈 펀딩 투자 라운드".split())


def _without_marks(hits: list[_Hit], text: str) -> list[_Hit]:
    kept: list[_Hit] = []
    for h in hits:
        surface = h.surface
        if surface.startswith(_COPYRIGHT_MARKS) or _after_copyright(text, h.start):
            continue
        if h.type == "person" and " " in surface and not _NO_NAME_WORDS.isdisjoint(surface.split()):
            continue
        if "-" in surface and _HYPHEN_LIST.search(surface):
            continue  # 전략유치팀-대외협력사무소: two units listed with a hyphen (the page writes 교통-복지, 행-재정적), no one name
        for mark in _LEGAL_PREFIXES:
            if surface.startswith(mark) and len(surface) > len(mark) + 1:
                h = _Hit(surface[len(mark):].lstrip(), h.start + len(surface) - len(surface[len(mark):].lstrip()), h.evidence, h.type)
                break
        kept.append(h)
    return kept


def _after_copyright(text: str, start: int) -> bool:
    """Whether a copyright mark stands right before `start` (ⓒ 황성신문, © 연합뉴스)."""
    before = text[max(0, start - 4) : start].rstrip()
    return before.endswith(_COPYRIGHT_MARKS)


def _half_name_pairs(hits: list[_Hit], name_parts: set[str]) -> list[tuple[str, str]]:
    """A person found by a title with half a name (모테기 외무상은) when another rule found the whole name (모테기 도시미쓰 일본
    외무상): the same person, named in full."""
    halves = {h.surface for h in hits if h.type == "person" and h.surface in name_parts}
    return [(h.surface, part) for h in hits if h.type == "person" and " " in h.surface
            for part in {h.surface.split()[0], h.surface.split()[-1]} & halves]


_EDITION_YEAR = re.compile(r"^(?:19|20)\d\d\s*|\s*(?:19|20)\d\d$")
_SAME_EVENT_WORDS = {"오토쇼": "모터쇼"}  # a motor show is written either way (뉴욕 오토쇼 = 뉴욕 모터쇼)


def _edition_pairs(hits: list[_Hit]) -> list[tuple[str, str]]:
    """An event named with its year and without, or with the other word for the same kind ('2013 뉴욕 모터쇼', 뉴욕 오토쇼에서):
    one event."""
    first: dict[str, str] = {}
    pairs: list[tuple[str, str]] = []
    for h in hits:
        if h.type != "event":
            continue
        key = _EDITION_YEAR.sub("", h.surface)
        for word, same in _SAME_EVENT_WORDS.items():
            if key.endswith(word):
                key = key[: -len(word)] + same
        key = key.replace(" ", "")
        if len(key) < 3:
            continue
        if key in first and first[key] != h.surface:
            pairs.append((first[key], h.surface))
        first.setdefault(key, h.surface)
    return pairs


_BRANCH_OFFICES = ("지청", "출장소")


# A ministry's designation of festivals (문화관광축제, 예비문화관광축제, '2024-2025 예비문화관광축제'): a grade, no event.
_DESIGNATION = re.compile(r"(?:(?:19|20)\d\d(?:\s?[-~–∼]\s?(?:19|20)?\d\d)?년?\s?)?"
                          r"(?:예비|명예|대표|최우수|우수|유망|육성|글로벌육성|글로벌|지역대표)?\s?(?:문화관광축제|관광축제)")


def _city_hall_pairs(hits: list[_Hit], known: _Known) -> list[tuple[str, str]]:
    """진주시청, 거창군청, 서초구청: a city's, county's or district's hall names the place the alias file knows (the lead's
    decision: a city hall is its city, not a body of its own)."""
    pairs: list[tuple[str, str]] = []
    for h in hits:
        surface = h.surface
        if surface.endswith(("시청", "군청", "구청")) and len(surface) >= 4 and known.type_of(surface[:-1]) == "place":
            pairs.append((surface[:-1], surface))
    return pairs


def _branch_office_pairs(hits: list[_Hit]) -> list[tuple[str, str]]:
    """A branch office named in full and then by its town and the office's word alone (고용노동부 통영고용지청, later 통영지청과의):
    one office, named in full. The full name is the short one with a word of one to four syllables between town and office."""
    offices = {h.surface for h in hits if h.type == "org" and h.surface.endswith(_BRANCH_OFFICES) and " " not in h.surface}
    if len(offices) < 2:
        return []
    pairs: list[tuple[str, str]] = []
    for full in offices:  # each full name's shorter forms looked up: linear in the offices
        suffix = next(x for x in _BRANCH_OFFICES if full.endswith(x))
        stem = full[: -len(suffix)]
        pairs += [(full, stem[:k] + suffix) for k in range(max(2, len(stem) - 4), len(stem)) if stem[:k] + suffix in offices]
    return pairs


def _host_and_event_pairs(hits: list[_Hit]) -> list[tuple[str, str]]:
    """An event named once with its host's word in front and once without (‘KAIST 국제 신소재 공학 워크숍’, ‘국제 신소재 공학
    워크숍’): one event, named without the host."""
    events = {h.surface for h in hits if h.type == "event" and " " in h.surface}
    return [(long.split(" ", 1)[1], long) for long in events if long.split(" ", 1)[1] in events]  # one look-up each: linear


def _article_text(article: Article) -> str:
    """Every text whose names the linker counts as mentions: headline, deck, photo captions and body (a caption
    is often the only place that names the people in a photo: (오른쪽부터)손재일 한화에어로스페이스 대표와 …)."""
    return "\n\n".join(part for part in (article.title, article.subtitle, *article.captions, article.body) if part)


# --- the analyzer -----------------------------------------------------------------------------------


class Discoverer:
    """Finds candidate entities in articles. Builds one kiwipiepy analyzer on first use (seconds,
    ~0.5 GB), with every Hangul name of the alias file added as a user word before the first
    analysis (DESIGN.md: adding words later costs a 2.2 s rebuild)."""

    def __init__(self, alias_path: str | Path | None = None) -> None:
        self._alias_entities = load_alias_file(alias_path)
        self._known = _Known.from_candidates(self._alias_entities)
        self._kiwi: Any = None

    @property
    def kiwi(self) -> Any:
        if self._kiwi is None:
            from kiwipiepy import Kiwi

            # One thread: on 2 cores neither Kiwi's own pool (59k chars/s) nor two threads sharing it (56k)
            # beat one thread (63k); parallelism comes from the indexer's worker processes instead.
            kiwi = Kiwi(num_workers=1)
            for entity in self._alias_entities:
                for surface in (entity.name, *entity.aliases):
                    if _has_hangul(surface) and len(surface) >= 2:
                        kiwi.add_user_word(surface, "NNP", 0.0)
            self._kiwi = kiwi
        return self._kiwi

    def discover(self, article: Article) -> list[Candidate]:
        text = _article_text(article)
        return _candidates(article, self.kiwi.tokenize(text), text, self._known)


def rule_candidates(article: Article, alias_path: str | Path | None = None) -> list[Candidate]:
    """Title, suffix and bracket rules without the analyzer: for indexing with --no-analyzer."""
    text = _article_text(article)
    return _candidates(article, None, text, _known_from_file(str(alias_path or ALIAS_FILE)))


@cache
def _known_from_file(path: str) -> _Known:
    return _Known.from_candidates(load_alias_file(path))


def shared_discoverer(alias_path: str | Path | None = None) -> Discoverer:
    """One Discoverer per process and alias file (its analyzer costs seconds and ~0.5 GB)."""
    return _discoverer_for(str(Path(alias_path).resolve()) if alias_path else str(ALIAS_FILE))


@cache
def _discoverer_for(alias_path: str) -> Discoverer:
    return Discoverer(alias_path)
