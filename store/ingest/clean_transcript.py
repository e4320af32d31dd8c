"""A broadcast transcript flattened into one line (a video mirror's description): its turn labels, the programme's
tag, the anchor's hand-off and the reporter's sign-off each put on a line of their own, so the line rules read the
reporter and outlet from them and drop them with the tip line after the story. A line is a transcript when it holds two
turn labels or more.

"한미약품, 5조원 기술 수출… [연합뉴스20] [앵커] 한미약품이 … 노은지 기자의 보도입니다 [기자] 한미약품이 … 연합뉴스TV
노은지입니다 연합뉴스TV : 02-398-4409(제보) …" becomes the headline, "[앵커]", the anchor's words, "노은지 기자의 보도입니다",
"[기자]", the report, "연합뉴스TV 노은지입니다" and the tip line. Only lines holding a turn label inside them are touched.
"""
from __future__ import annotations

import re

from .clean_base import SIGN_OFF_WORDS, _NAME, _looks_like_name

# "[앵커]", "<기자>", "[앵커 멘트]", "[리포트]": who speaks next (a turn label alone on its line is dropped as chrome)
_TURN = re.compile(r"\s*((?:\[|<)(?:앵커|기자|리포트)(?:\s?멘트)?(?:\]|>))\s*")
_TURN_MARKS = ("[앵커", "[기자", "[리포트", "<앵커", "<기자", "<리포트")
# "[연합뉴스20]": the programme's tag right before the first turn label (one bracketed word, no speaker's " / ")
_PROGRAMME_TAG = re.compile(r"\s*\[[^\[\]\s/]{2,12}\]$")
# "… 5천억 원에 이릅니다 노은지 기자의 보도입니다": the anchor's hand-off at the end of the anchor's turn
_HAND_OFF_TAIL = re.compile(
    rf"\s((?:(?:먼저|이어서|계속해서)\s)?{_NAME}\s?(?:기자|특파원)(?:입니다|의\s?보도입니다|가\s?(?:취재했습니다|보도합니다|전해드립니다|전합니다))\.?)$")
# "… 수출했습니다 연합뉴스TV 노은지입니다 연합뉴스TV : 02-…": the sign-off inside the last turn, the tip line after it
_SIGN_OFF_INSIDE = re.compile(
    r"(?<=\s)((?:[A-Za-z0-9가-힣]{2,10}\s?뉴스|[A-Za-z0-9가-힣]{1,10}(?:TV|방송))\s+(?P<name>[가-힣]{2,4})입니다\.?)(?=\s|$)")
MAX_TAIL = 200  # a sign-off stands near the end of the last turn: the tip line after it is short


def split_transcript(text: str) -> str:
    """`text` with each line that holds a turn label inside it split at its labels, hand-off and sign-off."""
    if not any(mark in text for mark in _TURN_MARKS):
        return text
    return "\n".join(_split_line(line) if any(mark in line for mark in _TURN_MARKS) else line for line in text.split("\n"))


def _split_line(line: str) -> str:
    parts = _TURN.split(line)  # text, label, text, label, …, text
    if len(parts) < 5:
        return line  # a label alone on its line, or one label in prose ("이 기사는 [기자] 수첩 코너에…"): no turns
    out: list[str] = []
    for k in range(0, len(parts), 2):
        piece = parts[k].strip()
        label = parts[k + 1] if k + 1 < len(parts) else None
        if k == 0 and label is not None:
            piece = _PROGRAMME_TAG.sub("", piece)
        if label is not None and label.strip("[]<>").startswith("기자"):
            hand_off = _HAND_OFF_TAIL.search(piece, max(0, len(piece) - 60))
            if hand_off:
                piece = piece[: hand_off.start()] + "\n" + hand_off.group(1)
        elif label is None:  # the last turn: the reporter's sign-off and the tip line after it
            sign_off = None  # the last one that names a person ("중계방송 현장입니다" does not)
            for hit in _SIGN_OFF_INSIDE.finditer(piece, max(0, len(piece) - MAX_TAIL)):
                if _looks_like_name(hit["name"]) and hit["name"] not in SIGN_OFF_WORDS:
                    sign_off = hit
            if sign_off:
                piece = "\n".join(p for p in (piece[: sign_off.start()].rstrip(), sign_off.group(1),
                                              piece[sign_off.end():].strip()) if p)
        if piece:
            out.append(piece)
        if label is not None:
            out.append(label)
    return "\n".join(out)
