"""Repeated paragraphs of a page: the key two copies share, each long paragraph and each repeated run kept once
(a page that runs its story again as one block too), and a caption repeated at the page's end, cut short.
Part of store.ingest.clean (a pure move)."""
from __future__ import annotations

from .clean_debris import _CAPTION_MARK

MIN_DEDUP_CHARS = 30  # shorter repeats ("네.", a subhead) go only as part of a repeated run
_QUOTE_PAIRS = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'))
_PREFIX_KEY = 20  # characters of a paragraph's key that index it for the concatenation check


def _key(text: str) -> str:
    """A paragraph without whitespace, curly quotes made straight (split and replace: 4x cheaper than re.sub and
    translate over Hangul text)."""
    key = "".join(text.split())
    for curly, straight in _QUOTE_PAIRS:
        if curly in key:
            key = key.replace(curly, straight)
    return key


def _is_concatenation(key: str, keys: list[str], upto: int, by_prefix: dict[str, list[int]]) -> bool:
    """Is `key` earlier paragraphs (before index `upto`) run together (a page repeating its story as one block)? Each earlier
    paragraph is tried as the start at most once per call, and each step consumes text: linear in the key."""
    for first in by_prefix.get(key[:_PREFIX_KEY], ())[:4]:  # a few starts: 20k paragraphs alike stay linear
        pos, i = 0, first
        while i < upto and key.startswith(keys[i], pos) and keys[i]:
            pos += len(keys[i])
            i += 1
        if pos == len(key) and i - first > 1:
            return True
    return False


def _dedupe(texts: list[str], drop: set[str]) -> list[str]:
    """Paragraphs in order, each long paragraph once and each repeated run once; `drop` keys never."""
    keys = [_key(t) for t in texts]
    seen: set[str] = set()
    by_prefix: dict[str, list[int]] = {}
    repeat = []
    for i, key in enumerate(keys):
        concatenated = len(key) >= MIN_DEDUP_CHARS and _is_concatenation(key, keys, i, by_prefix)
        repeat.append(key in seen or concatenated)
        seen.add(key)
        if len(key) >= _PREFIX_KEY:
            by_prefix.setdefault(key[:_PREFIX_KEY], []).append(i)
    kept = []
    for i, text in enumerate(texts):
        if keys[i] in drop:
            continue
        in_run = (i > 0 and repeat[i - 1]) or (i + 1 < len(texts) and repeat[i + 1])
        if repeat[i] and (len(keys[i]) >= MIN_DEDUP_CHARS or in_run):
            continue
        kept.append(text)
    return kept


MIN_CUT_CAPTION = 30


def _cut_caption(paragraph: str, by_prefix: dict[str, list[str]]) -> bool:
    """Is `paragraph` the start of a caption, repeated and cut by the page's end ("▲ '내려와라 … 지킬 것인가 버")?
    `by_prefix`: caption keys by their first MIN_CUT_CAPTION characters (a few tried: linear in the page)."""
    if not by_prefix:
        return False
    head = _key(_CAPTION_MARK.sub("", paragraph[: 3 * MIN_CUT_CAPTION]))[:MIN_CUT_CAPTION]  # a cheap look first
    if head not in by_prefix:
        return False
    key = _key(_CAPTION_MARK.sub("", paragraph))
    return len(key) >= MIN_CUT_CAPTION and any(c.startswith(key) for c in by_prefix[head][:4])
