"""Site menus above a story (bulleted one-word items, or short rows of section labels): dropped before the first prose."""
from __future__ import annotations

import re

from .clean_base import _Line, _is_prose
from .clean_debris import menu_row_labels


_MENU_ITEM = re.compile(r"^[•◦▪▫●∙⋅*]\s*[^\s.!?]{1,10}$")  # "• 은행", "• 운세/사주"
_MENU_HEADING = re.compile(r"^[가-힣A-Za-z·&]{1,6}$")  # "머니", "플러스" between a menu's groups
MIN_MENU_ITEMS = 3


def _drop_menus(lines: list[_Line]) -> None:
    """A site's menu above the story: a run of one-word bulleted items (with their one-word group headings and blank
    lines between) holding at least three items. Only before the first paragraph of prose."""
    i, n = 0, len(lines)
    while i < n:
        ln = lines[i]
        if ln.kind == "text" and _is_prose(ln.text):
            return
        if ln.kind != "text" or not (_MENU_ITEM.match(ln.text) or _MENU_HEADING.match(ln.text)):
            i += 1
            continue
        j, items = i, 0
        while j < n and (lines[j].kind in ("blank", "sep") or (
                lines[j].kind == "text" and (_MENU_ITEM.match(lines[j].text) or _MENU_HEADING.match(lines[j].text)))):
            items += lines[j].kind == "text" and bool(_MENU_ITEM.match(lines[j].text))
            j += 1
        if items >= MIN_MENU_ITEMS:
            for k in range(i, j):
                if lines[k].kind == "text":
                    lines[k] = _Line("", "sep")
        i = max(j, i + 1)


MIN_ROWS, MIN_ROW_LABELS = 3, 4


def _drop_menu_rows(lines: list[_Line]) -> None:
    """A site's menu above the story as rows of a few words ("IT·과학 산업 경제" / "정치 사회 문화·생활" / "오피니언 포토·영상
    기획&시리즈"): a run of lines with no blank line between, each a dropped line or a short row of words (see
    menu_row_labels), holding three rows or more and four section labels or more. Only before the first prose."""
    i, n = 0, len(lines)
    while i < n:
        ln = lines[i]
        if ln.kind == "text" and _is_prose(ln.text):
            return
        if ln.kind != "text" or menu_row_labels(ln.text) is None:
            i += 1
            continue
        j, rows, labels = i, 0, 0
        while j < n:
            if lines[j].kind == "sep":
                rows += 1  # a row the debris rules dropped already ("IT·과학 산업 경제")
            elif lines[j].kind == "text":
                count = menu_row_labels(lines[j].text)
                if count is None:
                    break
                rows, labels = rows + 1, labels + count
            else:
                break
            j += 1
        start = i
        while start > 0 and lines[start - 1].kind == "sep":  # the dropped rows right above the run count too
            start -= 1
            rows += 1
        if rows >= MIN_ROWS and labels >= MIN_ROW_LABELS:
            for k in range(i, j):
                if lines[k].kind == "text":
                    lines[k] = _Line("", "sep")
        i = max(j, i + 1)
