"""What the cleaning modules share: name and job patterns, sentence tests, and the record a page scan fills."""
from __future__ import annotations

import re
from dataclasses import dataclass, field


_NAME = r"[가-힣]{2,4}"
_NAMES = rf"{_NAME}(?:\s*[·ㆍ,]\s*{_NAME})*"
_NAMES_SP = rf"{_NAME}(?:(?:\s*[·ㆍ,]\s*|\s+){_NAME})*"  # also "홍길동 김철수": only where 기자/특파원 follows
# round 20: 재외기자, 시민기자, 명예기자, 학생기자, 청소년기자, 편집기자, 취재기자: kinds of reporter glued to 기자, read as an
# outlet before ("박정연 재외기자": outlet 재외) — many community, overseas-Korean and campus papers sign so
_JOB = r"(?:선임|수석|전문|객원|인턴|수습|사진|영상|대표|재외|시민|명예|학생|청소년|편집|취재)?(?:기자|특파원)"  # 대표기자: the lead reporter, not an outlet "대표"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_CLOSERS = "\"'”’」』)]>"
_PERIOD_END = re.compile(rf"(?<!\.)[.。][{re.escape(_CLOSERS)}]*$")  # "...다." ends prose; "…" and "?" may end a headline
# A list item's bullet at the start of a line: "• 정치/행정", "1) 첫째"
_BULLET = re.compile(r"^(?:[•◦▪▫●∙⋅*]|\d{1,2}[.)](?=\s))\s*")
_AFTER_SENTENCE = rf"(?<=[.!?{re.escape(_CLOSERS)}])"  # what a tail glued to a paragraph follows: a sentence's end
_SENTENCE_END = re.compile(rf"[.!?。][{re.escape(_CLOSERS)}]*$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")
_HANGUL = re.compile(r"[가-힣]")
# Common Korean surnames: tells "뉴스웍스 이한익 기자" (outlet, name) from "홍길동 한경닷컴 기자" (name, outlet)
SURNAMES = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 홍 전 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 우 구 "
    "민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 "
    "어 은 편 용 예 경 봉 사 부 가 복 태 목 형 피 두 감 음 빈 동 온 호 범 좌 팽 승 간 상 갈 단 견 당 화 창 옹 순 빙 좌".split()
)
COMPOUND_SURNAMES = frozenset("제갈 남궁 황보 선우 독고 사공 서문 동방 망절 어금".split())


# Words a broadcast line may end with before 입니다 that open with a surname's syllable: "중계방송 현장입니다" names no one
SIGN_OFF_WORDS = frozenset("현장 지금 오늘 이상 이번 여기 정도 문제 사실 전망 소식 내용 결과 상황 단독 속보 전부 다음 마지막 시작 "
                           "하나 모두 주인공 정답 기본 우리 저희 처음 최고 최초 공식 방송 안내 예고 광고".split())


def _looks_like_name(token: str) -> bool:
    if not re.fullmatch(r"[가-힣]{2,4}", token):
        return False
    if len(token) == 4 or token[:2] in COMPOUND_SURNAMES:
        return token[:2] in COMPOUND_SURNAMES
    return token[0] in SURNAMES


_WEEKDAY = re.compile(r"\([월화수목금토일]\)|[월화수목금토일]요일|\d\.?\s+[월화수목금토일]\s*$")  # (금), 금요일, "22 금"
_MAX_FOOTER_CHARS = 200  # a copyright or tip-line line is short; a long line mentioning "저작권자" is prose
_BAR_SPLIT = re.compile(r"\s*[|｜│]\s*")


@dataclass(slots=True)
class _Line:
    text: str
    kind: str  # "text" | "caption" | "blank" | "sep" (dropped chrome, date or byline: separates blocks)
    after_byline: bool = False
    stamp: bool = False  # a date or byline line (dropped): what stands right above it is the headline
    credited: bool = False  # a reporter's name and 기자 were cut from its end: a caption's photographer, or a story's byline


@dataclass(slots=True)
class _Found:
    lines: list[_Line] = field(default_factory=list)
    dates: list[tuple[str | None, str]] = field(default_factory=list)  # (iso, as written)
    byline_outlets: list[str] = field(default_factory=list)
    footer_outlets: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    photo_dates: list[tuple[str | None, str]] = field(default_factory=list)
    tag_outlets: list[str] = field(default_factory=list)  # "[게임플] 국내 최대의…" under a byline: the last resort
    credit_outlets: list[str] = field(default_factory=list)  # "ⓒ시사저널 김동현": an outlet and its photographer  # "2025.3.27/뉴스1": used when no date line
    voice: list[str] = field(default_factory=list)  # round 21: a broadcast's hand-off and sign-off names (see clean)
    edit_dates: list[tuple[str | None, str]] = field(default_factory=list)  # round 21: labelled 수정/편집/업데이트
    seen_prose: bool = False
    seen_paragraph: bool = False  # a long paragraph of prose: the story has begun (a headline may end with "?")


# A space character other than " ": a line with none of them and no two spaces in a row is left as it is by _SPACES
# (which rewrites every single space too, building the line again from its pieces: ~9% of cleaning, profiled)
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u3000]")


def _norm(line: str) -> str:
    if "  " not in line and not _ODD_SPACE.search(line):
        return line.strip()
    return _SPACES.sub(" ", line).strip()


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def _is_prose(text: str) -> bool:
    return len(text) >= 20 and _ends_sentence(text) and len(_HANGUL.findall(text)) >= 8


_SENTENCE_INSIDE = re.compile(r"[가-힣][.!?]\s")


def _is_story_paragraph(text: str) -> bool:
    """A long paragraph of several sentences, also when the page was cut before its last full stop: a story, never a
    related headline (a list of headlines is short lines without full stops inside)."""
    return len(text) >= 200 and len(_SENTENCE_INSIDE.findall(text)) >= 2
