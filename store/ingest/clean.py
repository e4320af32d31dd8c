"""Document -> Article: strip web-page debris, find the headline, deck, byline and date, keep the story.

The input is text as web-to-text converters leave it (see seeds/): one paragraph per line, with page
chrome around the story (font-size buttons, reaction counters, weather strips, related-headline lists,
price tickers, tip-line and comment footers) and photo captions inside it. Rules work line by line and
are written for Korean news pages in general, not for the five seed outlets.

Order: classify each line (debris / date / byline / caption / text: clean_scan) -> find headline and deck lines at
the top -> drop repeated paragraphs -> Article. Structured metadata (JSON fields, HTML meta) wins over
anything guessed from the text.
"""
from __future__ import annotations

import re

from ..model import Article, Document, InputError
from .clean_base import _CLOSERS, _WEEKDAY
from .clean_chrome import drop_top_chrome
from .clean_flat import _split_wire_line, _unflatten
from .clean_furniture import (MIN_JOINED_TITLE, drop_label_between_titles, outlet_names, own_analysis_outlet, prepare,
                              split_joined_deck)
from .clean_menus import _drop_menu_rows, _drop_menus
from .clean_meta import parse_date
from .clean_captions import _credited_captions
from .clean_head import _head
from .clean_repeats import MIN_CUT_CAPTION, _cut_caption, _dedupe, _key
from .clean_transcript import split_transcript
from .decode import sanitize
from .clean_scan import _DASH_BULLETS, _DOT_BULLETS, _scan


# --- the article --------------------------------------------------------------------------------

def _first(*values: object) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _meta_list(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in items if isinstance(v, (str, int)) and str(v).strip()]


_HTML_BREAK = re.compile(r"[ \t]*<br\s*/?>[ \t]*", re.I)
_BOARD_SUFFIX = re.compile(r"\s+>\s+[가-힣A-Za-z0-9 ]{0,12}게시판$")
# "기사/뉴스 [단독] …": a forum post's category before its title (words of news boards joined by slashes)
# "[펌글] 4대 프로스포츠 …": a forum's label of a reposted post
_BOARD_PREFIX = re.compile(r"^(?:(?:기사|뉴스|정보|이슈|소식|시사|속보)(?:\s?/\s?(?:기사|뉴스|정보|이슈|소식|시사|속보))+\s+"
                           r"|\[\s?(?:펌글|펌|퍼온\s?글|스압|약\s?스압|스크랩)\s?\]\s*)(?=\S)")


def clean(doc: Document) -> Article:
    """The article in `doc`: its paragraphs without page debris, plus title, deck, byline and date."""
    meta = doc.meta or {}
    raw = doc.text
    if "<br" in raw or "<BR" in raw:
        raw = _HTML_BREAK.sub("\n", raw)  # a transcript scraped with its HTML line breaks ("… 말했습니다. <br /> <br />[기자]")
    found = _scan(split_transcript(_split_wire_line(_unflatten(prepare(sanitize(raw))))))
    _drop_menus(found.lines)
    _drop_menu_rows(found.lines)
    _credited_captions(found.lines)
    drop_top_chrome(found.lines, found.reporters or found.voice)
    drop_label_between_titles(found.lines)
    title, deck, body_start = _head(found.lines)
    meta_title = _first(meta.get("title"))
    if meta_title and title != meta_title:
        title, deck, body_start = meta_title, [], next(
            (i for i, ln in enumerate(found.lines) if ln.kind not in ("blank", "sep")), len(found.lines)
        )
    if title and title[:1] in _DOT_BULLETS and not meta_title:
        title = title[1:].lstrip() or None  # round 18: "• 헤드라인" heading a section list's item: the bullet is no title's
    if title and not meta_title:
        # "… 꼭 보고 싶어 > 자유게시판", "기사/뉴스 [단독] …": a forum post's title with its board or category
        title = _BOARD_PREFIX.sub("", _BOARD_SUFFIX.sub("", title))
    if title and not meta_title and title[:2] in _COLUMN_STARTS:
        title, deck = _past_column_label(title, deck)
    if title and not meta_title and len(title) >= MIN_JOINED_TITLE:  # round 21: "헤드라인 - 부제" joined on one line
        title, joined = split_joined_deck(title)
        deck = [joined, *deck] if joined else deck
    title_from = ("meta" if meta_title and title == meta_title else "headline") if title else None
    head_texts = {_key(t) for t in [title or "", *deck] if t}
    rest = found.lines[body_start:]
    # every caption, also one above the headline; a short one printed twice once
    captions = list(dict.fromkeys(_dedupe([ln.text for ln in found.lines if ln.kind == "caption"], head_texts)))
    # a caption repeated without its credit is still the caption, also when the page was cut inside the repeat
    keys = [_key(c) for c in captions]
    caption_keys = set(keys)
    by_prefix: dict[str, list[str]] = {}
    for key in keys:  # in the page's order: the same few tried on every run
        if len(key) >= MIN_CUT_CAPTION:
            by_prefix.setdefault(key[:MIN_CUT_CAPTION], []).append(key)
    paragraphs = _dedupe([ln.text for ln in rest if ln.kind == "text"], head_texts | caption_keys)
    if paragraphs and _cut_caption(paragraphs[-1], by_prefix):  # only the page's end can cut a repeat
        paragraphs.pop()
    if not paragraphs and captions and deck:
        # the page was cut after its deck and photos: the deck is the story's text, the captions stay captions
        paragraphs, deck = deck, []
    if not paragraphs:  # a photo page: its captions are the story
        paragraphs, captions = captions, []
    if not paragraphs:
        raise InputError("no article text after cleaning")
    deck = [d for d in deck if _key(d) != _key(title or "")]  # an aggregator repeats the headline below its buttons
    if not title and deck:  # no headline: the deck's first line stands in (seed 003)
        title, deck, title_from = deck[0], deck[1:], "deck"
    elif not title:  # nor a deck: the lede's first sentence, never a file name
        title, title_from = lede_title(paragraphs[0]), "lede"
    if title and title[:2] in _DASH_BULLETS and title_from in ("deck", "lede"):  # round 21: "- 헤드라인" atop an aggregator's list
        title = title[2:].lstrip() or None
    subtitle = _first(meta.get("subtitle")) or ("\n".join(deck) if deck else None)

    date_text = _first(meta.get("date"))
    date = parse_date(date_text) if date_text else None
    dates = found.dates or found.edit_dates or found.photo_dates
    if not date_text and dates:
        # A date written with its weekday is the page's "today" in a header (2024.11.22 금요일): the story's own
        # date, when there is one, wins; otherwise the first readable date.
        date, date_text = next(((iso, text) for iso, text in dates if iso and not _WEEKDAY.search(text)),
                               next(((iso, text) for iso, text in dates if iso), dates[0]))
        if date and "T" not in date:  # " date 2025-10-01" stored before "입력 2025-10-01 16:58": the same day with its time
            date, date_text = next(((iso, text) for iso, text in dates if iso and iso.startswith(date + "T") and not _WEEKDAY.search(text)),
                                   (date, date_text))
    reporters = _meta_list(meta.get("reporters")) or found.reporters or found.voice
    found.footer_outlets = outlet_names(found.footer_outlets)  # round 21: "일반뉴스" above the headline is a section
    outlet = _first(meta.get("outlet"), *found.byline_outlets, *found.footer_outlets, *found.credit_outlets,
                    *found.tag_outlets) or own_analysis_outlet(paragraphs)  # round 21: "13일 데이터뉴스가 … 분석한 결과"
    if outlet and not meta.get("outlet"):
        # [서구 세계타임즈=…] over "저작권자ⓒ 강원세계타임즈": the footer spells the byline's outlet in full
        outlet = next((f for f in found.footer_outlets if f != outlet and f.endswith(outlet) and len(outlet) >= 3), outlet)
    if title and title_from == "headline" and outlet and len(title) > len(outlet) + 8 and title.endswith(outlet) and (
            title[-len(outlet) - 1] in " -|:·"):  # "… 꺾어…하나투어 뉴시스": an aggregator's source label after the headline
        title = title[: -len(outlet)].rstrip(" -|:·")
    return Article.from_paragraphs(
        doc.source,
        paragraphs,
        title=title,
        subtitle=subtitle,
        outlet=outlet,
        reporters=reporters,
        date=date,
        date_text=date_text,
        url=_first(meta.get("url")),
        title_from=title_from,
        captions=captions,
    )


# A column's name above its headline ("독자 한마디" / "기자 사칭 금품 요구 주의") or before it ("스포트라이트 ‘거대 자본도 척척’ …"):
# the column, not the headline. Only a column's name followed by a quote or bracket is cut from a headline's start:
# "삼성전자 “…”", "현대차 '통큰 투자'" are a subject and its quote.
_COLUMN_LABEL = (r"(?:스포트라이트|독자\s?한마디|독자\s?투고|독자의\s?(?:소리|편지)|기자\s?수첩|데스크\s?칼럼|기고|칼럼|사설|시론"
                 r"|오피니언|이슈\s?분석|기자의\s?눈)")
_COLUMN_ALONE = re.compile(rf"{_COLUMN_LABEL}")
_COLUMN_BEFORE = re.compile(rf"{_COLUMN_LABEL}\s+(?=[‘“'\"\[])")
_COLUMN_STARTS = frozenset({"스포", "독자", "기자", "데스", "기고", "칼럼", "사설", "시론", "오피", "이슈"})


def _past_column_label(title: str, deck: list[str]) -> tuple[str, list[str]]:
    """(title, deck) with a column's name above or before the headline dropped (see _COLUMN_LABEL)."""
    if deck and _COLUMN_ALONE.fullmatch(title):
        return deck[0], deck[1:]
    before = _COLUMN_BEFORE.match(title)
    if before and len(title) - before.end() >= 8:
        return title[before.end():], deck
    return title, deck


MAX_LEDE_TITLE_CHARS = 100
_FIRST_SENTENCE = re.compile(rf"^.+?[.!?。][{re.escape(_CLOSERS)}]*(?=\s|$)")


def lede_title(paragraph: str) -> str:
    """A title for a text without a headline: the first sentence of its lede, cut at a word if long."""
    match = _FIRST_SENTENCE.match(paragraph[: 4 * MAX_LEDE_TITLE_CHARS])
    sentence = match.group(0) if match else paragraph
    if len(sentence) <= MAX_LEDE_TITLE_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, MAX_LEDE_TITLE_CHARS)
    return sentence[: cut if cut > MAX_LEDE_TITLE_CHARS // 2 else MAX_LEDE_TITLE_CHARS].rstrip(" ,") + "…"
