"""Photo captions among a page's lines: a caption credited to its photographer between the story's paragraphs, a
wire photo's caption block under its dateline credit, a line printed twice (an image's alt text and its caption).
Part of store.ingest.clean (a pure move)."""
from __future__ import annotations

import re

from .clean_base import _AFTER_SENTENCE, _EMAIL, _JOB, _NAMES, _Line, _is_prose, _norm


MAX_CREDITED_CAPTION = 150
# A photo credit naming only its owner after a caption's sentence: "…하고 있다. ⓒ데일리안" (not a photographer: ⓒ권우성; not an agency's: ⓒ연합뉴스 stays
# the agency's photo in another outlet's story)
_OWN_CREDIT_TAIL = re.compile(rf"{_AFTER_SENTENCE}\s*[ⓒ©]\s?(?P<outlet>[가-힣]{{3,8}})$")


def _credited_captions(lines: list[_Line]) -> None:
    """"5일 최문순 화천군수가 … 환영하고 있다. 전경해 기자" between the story's paragraphs: one sentence that shows a scene
    (…하고 있다, or where someone stands), then its photographer's name and 기자, with more of the story after it, is a
    caption (the story's own byline ends its last paragraph)."""
    if not any(ln.credited for ln in lines):  # most pages: no line had a byline cut from it
        return
    last_prose = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].kind == "text" and _is_prose(lines[i].text)), -1)
    for i, ln in enumerate(lines[:last_prose]):
        if not ln.credited or ln.kind != "text" or len(ln.text) > MAX_CREDITED_CAPTION:
            continue
        text = ln.text
        if _SENTENCE_BREAK.search(text) or not (text.endswith("있다.") or _POSITION_IN_PHOTO.search(text)):
            continue
        lines[i] = _Line(text, "caption")


MIN_DOUBLED_CAPTION = 30
MIN_DOUBLED_LINE = 8
MAX_CAPTION_BLOCK = 4  # lines of a wire photo's caption
MAX_STORY_LOOK = 6  # non-blank lines looked at after a caption block for the story's own dateline
MAX_STORY_SPAN = 24  # lines (blank ones too) looked at for them

# round 18: "(서울=연합뉴스) 홍길동 기자 = 5일 … 경기.\n… 하고 있다. 2023.5.5 hong@yna.co.kr": a wire photo's caption,
# the photographer's dateline credit before it and the photo's date and mail after it
_WIRE_DATELINE = re.compile(rf"^[\[(【]\s*[가-힣]{{1,10}}\s*=\s*[^\[\]()【】=\s]{{2,12}}\s*[\])】]\s*{_NAMES}\s*{_JOB}\s*=\s*")
_WIRE_PHOTO_STAMP = re.compile(rf"(?<=[.!?\s])\s*(?:19|20)\d\d\.\d{{1,2}}\.\d{{1,2}}\.?(?:\s+(?:{_EMAIL}|\[email\s?protected\]))?$")


def _wire_caption_block(raws: list[str], i: int) -> int:
    """The end (exclusive) of a wire photo's caption block opening at line `i` with a dateline credit: its lines run
    on (no blank between) to one ending with the photo's date (and mail), and the story's own dateline credit follows
    within a few lines (a photo page whose caption is all there is keeps its byline). `i` when it is no such block."""
    end = i
    for j in range(i, min(len(raws), i + MAX_CAPTION_BLOCK)):
        if not raws[j].strip():
            break
        if _WIRE_PHOTO_STAMP.search(raws[j].rstrip(), max(0, len(raws[j].rstrip()) - 60)):
            end = j + 1
            break
    if end == i:
        return i
    looked = 0
    for j in range(end, min(len(raws), end + MAX_STORY_SPAN)):  # a bounded look: a page of such blocks stays linear
        if looked >= MAX_STORY_LOOK:
            break
        if raws[j].strip():
            looked += 1
            if _WIRE_DATELINE.match(_norm(raws[j])):
                return end
    return i


MIN_DOUBLED_HALF = 8


def _undouble(line: str) -> str:
    """"서부산 산업단지. 한빛진흥원 제공서부산 산업단지. 한빛진흥원 제공": a page's text printed twice on one line (an
    image's alt text glued to its caption) once."""
    n = len(line)
    if n < 2 * MIN_DOUBLED_HALF or " " not in line:  # words, not a laugh (하하하하…)
        return line
    half = n // 2
    if n % 2 == 0 and line[:half] == line[half:]:
        return line[:half]
    if n % 2 == 1 and line[half] == " " and line[:half] == line[half + 1:]:
        return line[:half]
    return line


# "… 모델을 공개하고 있다. 홍길동 기자 hong@x.com": a caption's one sentence and its photographer's credit
_PHOTOGRAPHER_TAIL = re.compile(rf"(?<=[.!?])\s*(?:[가-힣]{{1,8}}\s*=\s*)?{_NAMES}\s*{_JOB}\s*(?:[(<]?{_EMAIL}[)>]?)?$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s")
_POSITION_IN_PHOTO = re.compile(r"\([^()]{0,10}(?:왼쪽|오른쪽|가운데|앞줄|뒷줄)[^()]{0,10}\)")


def _credited_caption(line: str) -> str | None:
    """The caption in a line a page printed twice in a row (an image's alt text, then its caption): one sentence that
    shows a scene (…하고 있다, or where someone stands: (오른쪽)) and its photographer's credit. The photographer is
    not the story's reporter. None for anything else (a story's last paragraph and its byline, repeated)."""
    tail = _PHOTOGRAPHER_TAIL.search(line)
    if tail is None:
        return None
    head = line[: tail.start()].rstrip()
    if _SENTENCE_BREAK.search(head) or not (head.endswith("있다.") or _POSITION_IN_PHOTO.search(head)):
        return None
    return head
