"""Pages flattened to one line: a headline, a labelled date and page buttons before the story (`_unflatten`), and an
aggregator's copy of a wire story with its subscribe row, photo button and read-more link (`_split_wire_line`), put back
on lines of their own before the line-by-line reader sees them."""
from __future__ import annotations

import re

from .clean_base import _NAME
from .clean_debris import PAGE_BUTTONS

# A page flattened to one line: "전자 부품 반도체 KOREA, 파이팅! 발행일 : 2015-01-05 08:00 지면 : 2015-01-05 1면 공유하기 페이스북
# X(트위터) 메일 URL 복사 글자크기 설정 가 작게 가 보통 가 크게 반도체는 …": a headline, a labelled date within the first
# characters, then the page's buttons before the story
_FLAT_DATE = re.compile(r"\s(?=(?:발행일|기사\s?입력|입력|등록|승인)\s*[:：]?\s*(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2})")
_FLAT_DATE_PIECE = re.compile(
    r"^(?:(?:발행일|기사\s?입력|입력|등록|승인|수정|지면)\s*[:：]?\s*(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?|\s+\d{1,3}면)?\s*)+")
_FLAT_BUTTONS = frozenset({"X(트위터)", "보통", "복사", "설정", "글자크기", "URL", "공유하기", "메일", "작게", "크게", "가"}) | PAGE_BUTTONS
_FLAT_LABEL = re.compile(r"\s(?=(?:수정|지면)\s*[:：])")  # "발행일 : … 지면 : …": one line each
MAX_FLAT_HEAD = 150
MIN_FLAT_LINE = 200


def _unflatten(text: str) -> str:
    """A one-line page's headline, date line and story on lines of their own (see _FLAT_DATE); other text as it is."""
    if len(text) < MIN_FLAT_LINE or "\n" in text.strip():
        return text
    line = text.strip()
    cut = _FLAT_DATE.search(line, 0, MAX_FLAT_HEAD)
    if cut is None or cut.start() < 5:
        return text
    head, rest = line[: cut.start()], line[cut.end():]
    dated = _FLAT_DATE_PIECE.match(rest)
    if dated is None:
        return text
    date_lines, rest = _FLAT_LABEL.split(rest[: dated.end()].strip()), rest[dated.end():]
    words = rest.split(" ")
    k = 0
    while k < len(words) and words[k] in _FLAT_BUTTONS:
        k += 1
    return "\n".join([head, *(d.strip() for d in date_lines if d.strip()), " ".join(words[k:])])

# A wire story's page flattened into one line by an aggregator (wn.com): "최송아기자 구독 구독중 이전 다음 {deck} 이미지 확대
# {caption} [촬영 최송아] (울산=연합뉴스) 최송아 기자 = {lede}... read full story": the reporter's subscribe row, the photo
# button before a caption and its credit, and the aggregator's link, each put on a line of its own (or cut)
_SUBSCRIBE_ROW = re.compile(rf"^({_NAME}\s?(?:기자|특파원)\s구독\s구독중(?:\s이전\s다음)?)\s+(?=\S)", re.M)
SUBSCRIBE_BYLINE = re.compile(rf"^(?P<names>{_NAME})\s?(?:기자|특파원)\s?구독(?:\s?구독중)?(?:\s?이전\s?다음)?$")
_PHOTO_BUTTON = re.compile(
    r"\s이미지 확대\s(?P<caption>[^\[\]\n]{2,200}?\s?\[[^\[\]\n]{1,40}\])\s*(?=[(\[][가-힣]{1,10}=[^()\[\]\n]{2,20}[)\]])")
_READ_MORE = re.compile(r"\s*(?:\.{2,3}|…)\s?read full story\s*$", re.I | re.M)


def _split_wire_line(text: str) -> str:
    if "구독중" in text:
        text = _SUBSCRIBE_ROW.sub("\\1\n", text)
    if "이미지 확대" in text:
        text = _PHOTO_BUTTON.sub("\n이미지 확대\n\\g<caption>\n", text)
    if "read full story" in text or "Read full story" in text:
        text = _READ_MORE.sub("", text)
    return text
