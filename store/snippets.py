"""Snippets and highlights: where a query's spellings sit in an article's original text, whatever its spacing."""
from __future__ import annotations

import re
from functools import lru_cache

from .textindex import _DIGITS, _MAGNITUDES, word_runs

_BRIDGE, _BRIDGE_REACH = r"[\W_]{0,3}?", 3  # between the letters of a highlighted spelling; how far it reaches


# where a highlighted number may not start (`starts`): after a digit, a digit and a decimal point or a thousands
# separator, or a digit and a magnitude (and a space): the search's own rule (_starts), for what snippets mark
_NOT_A_NUMBER_START = "".join(f"(?<!{before})" for before in (
    "[0-9]", "[0-9][.,]", f"[0-9][{''.join(sorted(_MAGNITUDES))}]", f"[0-9][{''.join(sorted(_MAGNITUDES))}] "))


def highlight_pattern(forms: list[str], starts: bool = False) -> re.Pattern[str] | None:
    """A regex that finds these spellings in original text whatever the spacing, for snippets and highlights;
    with `starts`, a spelling that opens with a digit only where a number opens (`1조` not inside `21조`)."""
    alternatives = []
    for form in forms:
        runs = word_runs(form, starts)
        letters = "".join(runs)
        if not letters:
            continue
        opens = _NOT_A_NUMBER_START if starts and letters[0] in _DIGITS else ""
        if len(letters) <= 2 and len(runs) == 1:
            alternatives.append(opens + re.escape(letters))
        else:  # what a bridge spans: a space or a mark between letters (SK 하이닉스, 5,000억)
            alternatives.append(opens + _BRIDGE.join(re.escape(ch) for ch in letters))
    if not alternatives:
        return None
    alternatives.sort(key=lambda alt: len(alt.replace(_NOT_A_NUMBER_START, "")), reverse=True)  # longest first
    return re.compile("|".join(alternatives), re.IGNORECASE)


@lru_cache(maxsize=32)
def _longest_match(pattern: re.Pattern[str]) -> int:
    """How long a match of a highlight_pattern can be: its alternatives are letters (never "|"; re.escape leaves
    them as they are) and bridges, after a number's look-behinds (which match nothing). Once per pattern, not per
    hit."""
    return max(len(alt.replace(_NOT_A_NUMBER_START, "")) - (len(_BRIDGE) - _BRIDGE_REACH) * alt.count(_BRIDGE)
               for alt in pattern.pattern.split("|"))


SNIPPET_PREFIX = 512  # characters of a body read first for its snippet; x8 while that is not enough
_NON_SPACE = re.compile(r"\S")  # the complement of what str.split() splits on


def snippet(text: str, pattern: re.Pattern[str] | None, width: int = 90) -> tuple[str, list[tuple[int, int]]]:
    """A window of `text`, its spaces collapsed, around the first match (or its start), with match offsets inside
    the window. Collapsing a prefix of the text gives a prefix of the whole collapsed text, so only as much is read
    as the window needs: a page of 38 snippets of the 1M bench's bodies (~2,200 characters) 2.2 -> 1.8 ms, of
    bodies five times as long 9.1 -> 4.0 ms (BENCHMARKS.md). A first match counts once no match can still start
    before it and run past the prefix (`reach`). Only for highlight_pattern's patterns."""
    reach = _longest_match(pattern) if pattern else 0
    # no match starts before `searched`; a number's look-behind reads only what is before it, the same in a longer
    # prefix
    size, searched = SNIPPET_PREFIX, 0
    while True:
        whole = size >= len(text) or _NON_SPACE.search(text, size) is None  # nothing but spaces after it
        flat = " ".join(text[:size].split())
        match = pattern.search(flat, searched) if pattern else None
        if match is None and (whole or not pattern and len(flat) > width):
            return (flat[:width] + ("…" if len(flat) > width or not whole else ""), [])
        if match is not None:
            start = max(0, match.start() - width // 3)
            if whole or (match.start() + reach <= len(flat) and start + width <= len(flat)):
                break
        # a match that would start before here and fit in this prefix was looked for
        searched = min(match.start() if match else len(flat), max(searched, len(flat) - reach))
        size *= 8
    end = min(len(flat), start + width)
    start = max(0, min(start, end - width))
    window = flat[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) or not whole else ""
    shift = len(prefix)
    spans = [(m.start() + shift, m.end() + shift) for m in pattern.finditer(window)]
    return prefix + window + suffix, spans
