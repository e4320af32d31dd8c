"""The headline and deck at the top of a page's lines: which line is the title, which follow it as the deck, and where
the body starts (store.ingest.clean reads the lines, then asks _head)."""
from __future__ import annotations

import re

from .clean_base import _BULLET, _PERIOD_END, _Line, _is_prose

# --- headline and deck ------------------------------------------------------------------------

MAX_HEADLINE_CHARS = 120
MAX_DECK_CHARS = 80
MAX_DECK_LINES = 3
_NOT_HEADLINE_START = re.compile(r"^(?:[■◆▲△【※―-]|[QA]\s*[.:)])")  # subheads, list items, interview turns


def _headline_like(line: _Line) -> bool:
    text = line.text
    return (
        line.kind == "text"
        and not line.after_byline
        and 5 <= len(text) <= MAX_HEADLINE_CHARS
        and bool(re.search(r"[가-힣A-Za-z]", text))
        and not _PERIOD_END.search(text)
        and not re.search(r"[다요]\.\s", text)
        and not _NOT_HEADLINE_START.match(text)
    )


MAX_MENU_WALK = 12
MIN_MENU_ROWS = 2


def _headline_above_stamp(lines: list[_Line], run_end: int, logo: bool = False) -> int | None:
    """A page whose first text lines are menus ("전체기사 최신뉴스 …", "KYD 디데이"), then dropped chrome (속보, 더보기),
    then the headline right above its date line: the index of that headline, or None. The top run stands apart
    from it by dropped chrome (or is a `logo`'s one word, apart by blank lines only), and only blank lines stand
    between the headline and its date."""
    chrome, candidate = logo, None
    for i in range(run_end, min(len(lines), run_end + MAX_MENU_WALK)):
        ln = lines[i]
        if ln.stamp:
            return candidate if chrome else None
        if ln.kind == "sep":
            if candidate is not None:
                return None  # chrome between the headline and its date: a deck or a menu above it, not sure which
            chrome = True
        elif ln.kind == "text":
            if candidate is not None or not _headline_like(ln):
                return None
            candidate = i
        elif ln.kind == "caption":
            return None
    return None


MAX_TOP_BULLETS = 4


def _past_top_bullets(lines: list[_Line], start: int) -> int:
    """Bulleted items at the top ("• 정치/행정", "• 6·1 지방선거": a section path; "• 영화 323편…" over its headline
    printed again on a tag page) are no headline when an unbulleted headline-like line follows them, past blank and
    dropped lines only: that line's index (the bulleted lines dropped), else `start`."""
    i, n, bullets = start, len(lines), []
    while i < n and len(bullets) <= MAX_TOP_BULLETS:
        ln = lines[i]
        if ln.kind in ("blank", "sep"):
            i += 1
        elif ln.kind == "text" and _BULLET.match(ln.text) and not _is_prose(ln.text):
            bullets.append(i)
            i += 1
        else:
            break
    if not bullets or len(bullets) > MAX_TOP_BULLETS or i >= n or not _headline_like(lines[i]) or _BULLET.match(lines[i].text):
        return start
    for k in bullets:
        lines[k] = _Line("", "sep")
    return i


def _head(lines: list[_Line]) -> tuple[str | None, list[str], int]:
    """(title, deck lines, index where the body starts) from the top of the text.

    A headline is the first line when it is headline-like and stands apart: alone before the body,
    or followed by deck lines and then a blank line, a date or a byline. Two or more headline-like
    lines running straight into prose are deck lines of a page whose headline was lost (seed 003).
    """
    n = len(lines)
    # a photo's caption above the headline ("왼쪽부터 … 삼성전자 제공", then the deck) is not where the text starts
    start = next((i for i, ln in enumerate(lines) if ln.kind not in ("blank", "sep", "caption")), n)
    start = _past_top_bullets(lines, start)
    run_end = start
    while run_end < n and _headline_like(lines[run_end]):
        run_end += 1
    run = [ln.text for ln in lines[start:run_end]]
    rest = [ln for ln in lines[run_end:] if ln.kind in ("text", "caption")]
    if not run or not rest:  # nothing headline-like, or the "headline" is all there is
        return None, [], start
    after = lines[run_end]
    separated = after.kind in ("blank", "sep") or after.after_byline
    if len(run) > 1 and not separated:
        # lines past the deck's limit are the story's first lines (a speech's salutations), not lost
        return None, run[:MAX_DECK_LINES], start + min(len(run), MAX_DECK_LINES)
    # rows of menus on top, or a logo's one word ("theCFO"), and the headline right above its date: a lone top line of
    # words is the headline itself (with chrome and its deck between it and the date)
    above = _headline_above_stamp(lines, run_end, logo=len(run) == 1 and " " not in run[0]) if (
        len(run) >= MIN_MENU_ROWS or " " not in run[0]) else None
    if above is not None:
        run, run_end = [lines[above].text], above + 1
    title, deck = run[0], run[1:]
    if deck:
        return title, deck, run_end
    # deck lines after the headline's blank line, date line or font-size buttons
    i = run_end
    while i < n and lines[i].kind in ("blank", "sep"):
        i += 1
    j = i
    while j < n and j - i < MAX_DECK_LINES and _headline_like(lines[j]) and len(lines[j].text) <= MAX_DECK_CHARS:
        j += 1
    if j > i and any(ln.kind in ("text", "caption") for ln in lines[j:]):
        return title, [ln.text for ln in lines[i:j]], j
    return title, [], run_end
