"""Document -> Article: strip web-page debris, find the headline, deck, byline and date, keep the story.

The input is text as web-to-text converters leave it (see seeds/): one paragraph per line, with page
chrome around the story (font-size buttons, reaction counters, weather strips, related-headline lists,
price tickers, tip-line and comment footers) and photo captions inside it. Rules work line by line and
are written for Korean news pages in general, not for the five seed outlets.

Order: classify each line (debris / date / byline / caption / text) -> find headline and deck lines at
the top -> drop repeated paragraphs -> Article. Structured metadata (JSON fields, HTML meta) wins over
anything guessed from the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from .decode import sanitize
from .model import Article, Document, InputError

# --- shared pieces ------------------------------------------------------------------------------

_NAME = r"[가-힣]{2,4}"
_NAMES = rf"{_NAME}(?:\s*[·ㆍ,]\s*{_NAME})*"
_JOB = r"(?:선임|수석|전문|객원|인턴|수습|사진|영상)?(?:기자|특파원)"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_CLOSERS = "\"'”’」』)]>"
_SENTENCE_END = re.compile(rf"[.!?。][{re.escape(_CLOSERS)}]*$")
_PERIOD_END = re.compile(rf"(?<!\.)[.。][{re.escape(_CLOSERS)}]*$")  # "...다." ends prose; "…" and "?" may end a headline
_BULLET = re.compile(r"^(?:[•◦▪▫●∙⋅*]|\d{1,2}[.)](?=\s))\s*")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")
_HANGUL = re.compile(r"[가-힣]")
# Common Korean surnames: tells "뉴스웍스 이한익 기자" (outlet, name) from "홍길동 한경닷컴 기자" (name, outlet)
SURNAMES = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 홍 전 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 우 구 "
    "민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 "
    "어 은 편 용 예 경 봉 사 부 가 복 태 목 형 피 두 감 음 빈 동 온 호 범 좌 팽 승 간 상 갈 단 견 당 화 창 옹 순 빙 좌".split()
)
COMPOUND_SURNAMES = frozenset("제갈 남궁 황보 선우 독고 사공 서문 동방 망절 어금".split())


def _looks_like_name(token: str) -> bool:
    if not re.fullmatch(r"[가-힣]{2,4}", token):
        return False
    if len(token) == 4 or token[:2] in COMPOUND_SURNAMES:
        return token[:2] in COMPOUND_SURNAMES
    return token[0] in SURNAMES

# --- debris: whole lines that are page chrome ----------------------------------------------------

PAGE_BUTTONS = frozenset({
    "가장작게", "작게", "기본", "크게", "가장크게", "글자크기", "글씨크기", "글자 크기", "글씨 크기", "본문 글자 크기",
    "폰트 크기", "인쇄", "프린트", "공유", "공유하기", "스크랩", "URL복사", "URL 복사", "링크복사", "링크 복사", "주소복사",
    "기사듣기", "음성듣기", "기사 듣기", "번역", "닫기", "페이스북", "트위터", "카카오톡", "카카오스토리", "밴드",
    "네이버블로그", "구독", "구독하기", "기사저장", "북마크", "목록", "이전기사", "다음기사", "맨위로", "TOP", "가", "가가",
    "+", "-", "본문 바로가기", "기사 본문",
})
SECTION_LABELS = frozenset(
    "정치 경제 사회 국제 세계 문화 생활 라이프 연예 스포츠 IT 과학 IT과학 IT/과학 IT·과학 산업 재계 금융 증권 "
    "부동산 오피니언 사설 칼럼 전국 지역 기업 테크 유통 건강 여행 교육 환경 북한 외교 국방 피플 인물 포토 영상 "
    "경제일반 사회일반 정치일반 전체기사 최신기사 종합 뉴스 비즈 비즈니스 글로벌 마켓 자동차 모바일 게임 헬스".split()
)
_FONT_SIZE = re.compile(r"^(?:본문\s?)?(?:글자|글씨|폰트|텍스트)\s?(?:크기|사이즈)(?:\s?(?:설정|조절|변경|선택))?$")
_REACTION = re.compile(r"^(?:(?:[가-힣]{1,6}\s?){1,3}요\s*\d+\s*)+$|^(?:추천|비추천|공감|비공감|찬성|반대|댓글)\s*\d+$")
_WEATHER = re.compile(
    r"^(?:맑음|흐림|구름많음|구름조금|구름|비|눈|소나기|비/눈|눈/비|안개|황사|박무|연무|천둥번개|진눈깨비)?"
    r"\s*[가-힣]{1,6}\s*[-−]?\d+(?:\.\d+)?\s*(?:℃|°C?)$"
)
_WEATHER_CREDIT = re.compile(r"^(?:자료\s*[:=]\s*)?기상청\s*제공$")
_NUMBERS_ONLY = re.compile(r"^[+\-−±▲▼△▽]?\s*[\d,.]+\s*%?$")
_BREADCRUMB = re.compile(r"^(?:홈|HOME|Home)\s*[>›»]")
_LINK_FOOTER = re.compile(
    r"^[▶☞☎►▷]\s*.*(?:제보|카카오톡|카톡|이메일|e-?mail|홈페이지|구독|바로가기|기사\s?보기|채널|유튜브|네이버|"
    r"텔레그램|인스타그램|페이스북|다운로드|https?://|www\.|@)",
    re.I,
)
_CONTACT = re.compile(r"^(?:제보|기사\s?제보|문의|이메일|e-?mail|카카오톡|카톡|전화|홈페이지|팩스)\s*[:：]", re.I)
_COPYRIGHT = re.compile(
    r"무단\s?전재|재배포\s?금지|재판매\s?및\s?DB\s?금지|All rights reserved|저작권자\s*(?:[ⓒ©]|\(c\))|"
    r"Copyright\s*(?:[ⓒ©]|\(c\)|\d{4})|^\s*[ⓒ©]|제보를 기다립니다|제보하기",
    re.I,
)
_MAX_FOOTER_CHARS = 200  # a copyright or tip-line line is short; a long line mentioning "저작권자" is prose
_URL_OR_EMAIL = re.compile(rf"^(?:https?://\S+|www\.\S+|{_EMAIL})$")
_OTHER_ARTICLES = re.compile(r"(?:기자|특파원)의?\s*(?:다른\s*기사|기사\s*더보기|구독)|다른\s*기사\s*보기$")
# Headers after which a page lists other stories or prices until the next paragraph of prose
_LIST_HEADER = re.compile(
    r"^(?:(?:주요|많이\s?본|가장\s?많이\s?본|인기|관련|추천|최신|실시간|오늘의|이\s?시각|핫|HOT|베스트|BEST|화제의|"
    r"에디터\s?픽|함께\s?보면\s?좋은|이\s?기사와\s?함께\s?많이\s?본|지금\s?뜨는|당신이\s?좋아할\s?만한)\s*"
    r"(?:뉴스|기사|콘텐츠|소식|포토|영상|검색어|이슈|랭킹)(?:\s*(?:더보기|TOP\s?\d+|랭킹))?|"
    r"실시간\s*(?:암호화폐|가상화폐|코인)\s*시세|(?:오늘의\s*)?(?:상승|하락)\s*종목|관련\s*(?:기사|뉴스)\s*더보기)$",
    re.I,
)
_COMMENT_HEADER = re.compile(r"^(?:댓글\s?목록|전체\s?댓글(?:\s*\d+)?|댓글\s?\(\d+\))$")
_COMMENT_LINE = re.compile(
    r"^(?:등록된 댓글이 없습니다\.?|댓글\s?쓰기|댓글을 (?:입력|작성)해\s?주세요\.?|로그인 후 .*댓글.*|"
    r"첫 (?:번째 )?댓글을 남겨주세요\.?|댓글\s?\d*|댓글\s?보기|댓글\s?더보기)$"
)

# --- photo captions and credits ------------------------------------------------------------------

_IMAGE_STUB = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_CREDIT_TAILS = (
    # (사진제공=SK수펙스추구협의회)  [사진=뉴시스]  <자료=통계청>
    re.compile(r"\s*[\[(<【]\s*(?:사진|자료|그래픽|영상|출처|사진\s?제공|자료\s?제공|사진\s?출처)\s*[=:：]?[^\[\]()<>【】]{0,30}[\])>】]$"),
    # [SK 제공]  (삼성전자 제공)  [연합뉴스 자료사진]
    re.compile(r"\s*[\[(<【][^\[\]()<>【】]{1,30}?\s*(?:제공|자료\s?사진|DB|캡처|캡쳐)\s*[\])>】]$"),
    # "... 있다. /SK그룹"  "/사진=연합뉴스"
    re.compile(rf"(?<=[.!?{re.escape(_CLOSERS)}])\s*/\s*(?:사진\s*[=:]\s*)?[^\s/]{{1,20}}(?:\s+(?:제공|기자))?$"),
    # "... photo@newsis.com"  "... 2024.11.04."
    re.compile(rf"(?<=[.!?{re.escape(_CLOSERS)}])\s*[(<]?{_EMAIL}[)>]?$"),
    re.compile(rf"(?<=[.!?{re.escape(_CLOSERS)}])\s*(?:19|20)\d{{2}}[.\-/]\d{{1,2}}[.\-/]\d{{1,2}}\.?$"),
    # "... 있다. ⓒ뉴스1"
    re.compile(rf"(?<=[.!?{re.escape(_CLOSERS)}])\s*[ⓒ©]\s*\S{{1,20}}$"),
    # "... 있다. 경주=임세준 기자"  "사진=홍길동 기자"
    re.compile(rf"(?<=[.!?{re.escape(_CLOSERS)}])\s*(?:사진\s*[=:]\s*)?[가-힣]{{1,8}}\s*=\s*{_NAMES}\s*{_JOB}$"),
)
_CAPTION_NAME_CREDIT = re.compile(rf"(?<=[.!?{re.escape(_CLOSERS)}])\s*{_NAMES}\s*{_JOB}$")  # "... 있다. 박혜원 기자"
_CAPTION_SHORT_TAIL = re.compile(rf"^(.*[.!?。][{re.escape(_CLOSERS)}]*)\s+(\S.{{0,24}})$")
_CAPTION_MARK = re.compile(r"^[▲△▶◀]\s*")

# --- bylines ------------------------------------------------------------------------------------

_BYLINE_PREFIXES = (
    # [뉴스웍스=이한익 기자]  [헤럴드경제(경주)=김현일·박혜원 기자]
    re.compile(rf"^[\[【]\s*(?P<outlet>[^\[\]【】=()]{{1,30}}?)\s*(?:\([^()]{{1,15}}\))?\s*=\s*(?P<names>{_NAMES})\s*{_JOB}\s*[\]】]"),
    # [비즈데일리 최진호 기자]
    re.compile(rf"^[\[【]\s*(?P<outlet>[^\[\]【】=]{{1,30}}?)\s+(?P<names>{_NAMES})\s*{_JOB}\s*[\]】]"),
    # (서울=연합뉴스) 홍길동 기자 =   [서울=뉴시스]홍길동 기자 =
    re.compile(
        rf"^[\[(【]\s*(?!사진|자료|그래픽|출처|제공)[가-힣]{{1,10}}\s*=\s*(?P<outlet>[^\[\]()【】=]{{1,20}}?)\s*[\])】]"
        rf"\s*(?:(?P<names>{_NAMES})\s*{_JOB}\s*=)?"
    ),
    # 홍길동 기자 = 본문
    re.compile(rf"^(?P<names>{_NAMES})\s*{_JOB}\s*="),
)
# A line that is only a byline: "[비즈데일리 최진호 기자]", "홍길동 기자 hong@x.com", "/홍길동 기자"
_BYLINE_LINE = re.compile(
    rf"^[\[(<【/]?\s*(?:(?P<outlet>[^\s\[\]()<>=/]{{2,20}})\s+)?(?P<names>{_NAMES})\s*{_JOB}"
    rf"\s*(?:[(<\[]?\s*{_EMAIL}\s*[)>\]]?)?\s*[\])>】]?$"
)
# "... 말했다. 홍길동 기자 hong@x.com" at the end of the last paragraph
_BYLINE_TAIL = re.compile(rf"(?<=[.!?{re.escape(_CLOSERS)}])\s*/?\s*(?P<names>{_NAMES})\s*{_JOB}\s*(?:[(<]?{_EMAIL}[)>]?)?$")
_NOT_OUTLET = re.compile(r"(?:부|팀|국|센터|데스크|취재|기자|사진)$")
_FOOTER_OUTLET = re.compile(
    r"(?:^|\s)(?P<outlet>[^\s]{2,20}?)(?:은|는|이|가)\s+(?:[^\s]+\s+){0,4}?(?:제보|뉴스\s?제보)를\s+기다립니다"
)
_COPYRIGHT_OUTLET = re.compile(
    r"(?:[ⓒ©]|\([cC]\))\s*(?:\d{4}\s+)?(?P<outlet>(?![\d\s])[가-힣A-Za-z0-9]{2,20})(?!\.(?:com|co|kr|net))"
)

# --- dates --------------------------------------------------------------------------------------

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-./]|년)\s*(?P<m>\d{1,2})\s*(?:[-./]|월)\s*(?P<d>\d{1,2})(?!\d)\s*(?:일|\.)?"
    r"(?:\s*\(?\s*[월화수목금토일](?:요일)?\s*\)?)?"
    r"(?:\s*T?\s*(?P<ampm>오전|오후|AM|PM|am|pm)?\s*(?P<H>\d{1,2})\s*(?::|시)\s*(?P<M>\d{2})(?:\s*분)?(?::\d{2}(?:\.\d+)?)?)?"
)
_DATE_LABEL = r"(?:기사\s?입력|최종\s?수정|입력|수정|등록|발행|승인|게재|송고|업데이트|작성|Posted|Updated|Published)"
_DATE_SEGMENT = re.compile(rf"{_DATE_LABEL}?\s*(?:일시|시간)?\s*[:：]?\s*{_DATE.pattern}")
_COMPACT_DATE = re.compile(r"^(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:(?P<H>\d{2})(?P<M>\d{2})(?:\d{2})?)?$")


def parse_date(text: str) -> str | None:
    """ISO 8601 for the first full date in `text` (YYYY-MM-DD, or YYYY-MM-DDTHH:MM when a time follows)."""
    match = _DATE.search(text) or _COMPACT_DATE.match(text.strip())
    if not match:
        return None
    parts = match.groupdict()
    try:
        day = datetime(int(parts["y"]), int(parts["m"]), int(parts["d"]))
        if parts.get("H") is None:
            return day.strftime("%Y-%m-%d")
        hour = int(parts["H"])
        if (parts.get("ampm") or "").lower() in ("오후", "pm") and hour < 12:
            hour += 12
        return day.replace(hour=hour, minute=int(parts["M"])).strftime("%Y-%m-%dT%H:%M")
    except ValueError:
        return None


# --- line classification ------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    text: str
    kind: str  # "text" | "caption" | "blank" | "sep" (dropped chrome, date or byline: separates blocks)
    after_byline: bool = False


@dataclass(slots=True)
class _Found:
    lines: list[_Line] = field(default_factory=list)
    dates: list[tuple[str | None, str]] = field(default_factory=list)  # (iso, as written)
    byline_outlets: list[str] = field(default_factory=list)
    footer_outlets: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    seen_prose: bool = False


def _norm(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def _is_prose(text: str) -> bool:
    return len(text) >= 20 and _ends_sentence(text) and len(_HANGUL.findall(text)) >= 8


def _is_debris(core: str) -> bool:
    """Page chrome that is a whole line on its own (core = the line without a bullet mark)."""
    if core in PAGE_BUTTONS or core in SECTION_LABELS or _FONT_SIZE.match(core):
        return True
    if "/" in core or "·" in core or ">" in core:  # "IT/과학", "경제 > 산업"
        parts = [p.strip() for p in re.split(r"[/·>›]", core)]
        if all(p in SECTION_LABELS for p in parts if p) and any(parts):
            return True
    if not re.search(r"\w", core):  # only symbols: "|", "---", "…"
        return True
    checks = (_REACTION, _WEATHER, _WEATHER_CREDIT, _NUMBERS_ONLY, _BREADCRUMB, _LINK_FOOTER, _CONTACT,
              _URL_OR_EMAIL, _COMMENT_LINE)
    if any(rx.search(core) for rx in checks):
        return True
    if len(core) <= _MAX_FOOTER_CHARS and (_COPYRIGHT.search(core) or _OTHER_ARTICLES.search(core)):
        return True
    return False


def _names(group: str) -> list[str]:
    return [n for n in re.split(r"\s*[·ㆍ,]\s*", group) if n]


def _add_byline(found: _Found, outlet: str | None, names: str | None) -> None:
    if outlet and names and _looks_like_name(outlet) and not all(map(_looks_like_name, _names(names))):
        outlet, names = names, outlet  # "홍길동 한경닷컴 기자"
    if outlet:
        outlet = outlet.strip(" ·,")
        if outlet and not _NOT_OUTLET.search(outlet):
            found.byline_outlets.append(outlet)
    for name in _names(names or ""):
        if _looks_like_name(name) and name not in found.reporters:
            found.reporters.append(name)


def _date_or_byline_line(text: str, found: _Found) -> bool:
    """True (and the date/byline recorded) when the whole line is dates, bylines and separators."""
    parts = [p for p in re.split(r"\s*[|｜│]\s*", text) if p]
    dates: list[tuple[str | None, str]] = []
    bylines: list[re.Match[str]] = []
    for part in parts:
        byline = _BYLINE_LINE.match(part)
        if byline:
            bylines.append(byline)
            continue
        segments = list(_DATE_SEGMENT.finditer(part))
        rest = _DATE_SEGMENT.sub("", part)
        if not segments or re.sub(rf"{_DATE_LABEL}|[\s:：,·]", "", rest):
            return False
        for seg in segments:
            written = _DATE.search(seg.group(0))
            if written:
                dates.append((parse_date(written.group(0)), written.group(0).strip()))
    found.dates.extend(dates)
    for byline in bylines:
        _add_byline(found, byline.group("outlet"), byline.group("names"))
    return True


def _strip_credits(text: str, caption: bool) -> tuple[str, bool]:
    """Remove trailing photo credits; in a caption also a bare name credit or a short tail after the last sentence."""
    stripped = False
    changed = True
    while changed and text:
        changed = False
        patterns = _CREDIT_TAILS + ((_CAPTION_NAME_CREDIT,) if caption else ())
        for rx in patterns:
            new = rx.sub("", text).rstrip()
            if new != text and new:
                text, changed, stripped = new, True, True
    if caption:  # whatever short, sentence-less tail follows the caption's last sentence is a credit
        short_tail = _CAPTION_SHORT_TAIL.match(text)
        if short_tail and not _ends_sentence(short_tail.group(2)):
            text, stripped = short_tail.group(1), True
    if stripped:
        text = _CAPTION_MARK.sub("", text)
    return text, stripped


def _scan(text: str) -> _Found:
    found = _Found()
    in_list = False  # inside a related-headlines list or price ticker
    in_comments = False
    for raw in text.split("\n"):
        line = _norm(_IMAGE_STUB.sub("", raw))
        if not line:
            found.lines.append(_Line("", "blank" if not raw.strip() else "sep"))
            continue
        if in_comments:
            continue
        core = _BULLET.sub("", line)
        bulleted = core != line
        if in_list:
            if not bulleted and (_is_prose(core) or core.startswith(("■", "◆"))):
                in_list = False
            else:
                continue
        if line.startswith("|") and line.endswith("|") and len(line) > 1:
            _caption_row(line, found)
            continue
        if _COMMENT_HEADER.match(core):
            in_comments = found.seen_prose  # a comment count in a top toolbar must not end the story
            found.lines.append(_Line("", "sep"))
            continue
        if _LIST_HEADER.match(core):
            in_list = True
            found.lines.append(_Line("", "sep"))
            continue
        if _is_debris(core):
            for rx in (_FOOTER_OUTLET, _COPYRIGHT_OUTLET):  # "더팩트는 24시간 ... 제보를 기다립니다", "ⓒ 연합뉴스"
                hit = rx.search(core)
                if hit:
                    found.footer_outlets.append(hit.group("outlet"))
            found.lines.append(_Line("", "sep"))
            continue
        if _date_or_byline_line(line, found):
            found.lines.append(_Line("", "sep"))
            continue
        after_byline = False
        for rx in _BYLINE_PREFIXES:
            byline = rx.match(line)
            if byline:
                _add_byline(found, byline.groupdict().get("outlet"), byline.group("names"))
                line, after_byline = line[byline.end():].strip(), True
                break
        if not line:
            found.lines.append(_Line("", "sep"))
            continue
        tail = _BYLINE_TAIL.search(line)
        if tail:
            _add_byline(found, None, tail.group("names"))
            line = line[: tail.start()].rstrip()
        line, is_caption = _strip_credits(line, caption=False)
        if is_caption:
            found.lines.append(_Line(line, "caption"))
            continue
        found.seen_prose = found.seen_prose or _ends_sentence(line)
        found.lines.append(_Line(line, "text", after_byline))
    return found


def _caption_row(line: str, found: _Found) -> None:
    """A `| ... |` row: keep each cell that is a prose caption, without its photo credit."""
    kept = False
    for cell in line.strip("|").split("|"):
        cell = _norm(cell)
        if not cell or re.fullmatch(r":?-{2,}:?", cell):
            continue
        caption, _ = _strip_credits(cell, caption=True)
        if len(_HANGUL.findall(caption)) >= 8 and (_ends_sentence(caption) or len(caption) >= 40):
            found.lines.append(_Line(caption, "caption"))
            kept = True
    if not kept:
        found.lines.append(_Line("", "sep"))


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


def _head(lines: list[_Line]) -> tuple[str | None, list[str], int]:
    """(title, deck lines, index where the body starts) from the top of the text.

    A headline is the first line when it is headline-like and stands apart: alone before the body,
    or followed by deck lines and then a blank line, a date or a byline. Two or more headline-like
    lines running straight into prose are deck lines of a page whose headline was lost (seed 003).
    """
    n = len(lines)
    start = next((i for i, ln in enumerate(lines) if ln.kind not in ("blank", "sep")), n)
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
        return None, run[:MAX_DECK_LINES], run_end
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


# --- the article --------------------------------------------------------------------------------

MIN_DEDUP_CHARS = 30  # shorter repeats ("네.", a subhead) go only as part of a repeated run


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _dedupe(texts: list[str], drop: set[str]) -> list[str]:
    """Paragraphs in order, each long paragraph once and each repeated run once; `drop` keys never."""
    keys = [_key(t) for t in texts]
    seen: set[str] = set()
    repeat = []
    for key in keys:
        repeat.append(key in seen)
        seen.add(key)
    kept = []
    for i, text in enumerate(texts):
        if keys[i] in drop:
            continue
        in_run = (i > 0 and repeat[i - 1]) or (i + 1 < len(texts) and repeat[i + 1])
        if repeat[i] and (len(keys[i]) >= MIN_DEDUP_CHARS or in_run):
            continue
        kept.append(text)
    return kept


def _first(*values: object) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _meta_list(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in items if isinstance(v, (str, int)) and str(v).strip()]


def clean(doc: Document) -> Article:
    """The article in `doc`: its paragraphs without page debris, plus title, deck, byline and date."""
    meta = doc.meta or {}
    found = _scan(sanitize(doc.text))
    title, deck, body_start = _head(found.lines)
    meta_title = _first(meta.get("title"))
    if meta_title and title != meta_title:
        title, deck, body_start = meta_title, [], next(
            (i for i, ln in enumerate(found.lines) if ln.kind not in ("blank", "sep")), len(found.lines)
        )
    subtitle = _first(meta.get("subtitle")) or ("\n".join(deck) if deck else None)
    head_texts = {_key(t) for t in [title or "", *(subtitle or "").split("\n")] if t}
    paragraphs = _dedupe([ln.text for ln in found.lines[body_start:] if ln.kind in ("text", "caption")], head_texts)
    if not paragraphs:
        raise InputError("no article text after cleaning")

    date_text = _first(meta.get("date"))
    date = parse_date(date_text) if date_text else None
    if not date_text and found.dates:
        date, date_text = next(((iso, text) for iso, text in found.dates if iso), found.dates[0])
    reporters = _meta_list(meta.get("reporters")) or found.reporters
    outlet = _first(meta.get("outlet"), *found.byline_outlets, *found.footer_outlets)
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
    )
