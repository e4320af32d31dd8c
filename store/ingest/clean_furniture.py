"""Round 21: page furniture and metadata shapes that recur across Korean news sites, kept out of clean._scan:

- a broadcast script's section labels (◀ANC▶, ◀VCR▶, ◀SYN▶ 장흥군, ◀END▶), which regional broadcasters (MBC, KBS, CBS
  affiliates) print into the story their web desk posts;
- a broadcast's hand-off and sign-off names the voice of the report, not the page's byline: they are the reporter
  only when the page names none (see `add_voice`);
- a blog host's ad slots ("728x90", "반응형": Tistory prints both above every post, and many papers repost there);
- a button's image alt text glued to its label ("지면보기링크", "인쇄 아이콘");
- a site's notice the converter broke over two lines ("글자크기 설정 시 다른 기사의 본문도" / "동일하게 적용됩니다."),
  joined back before the lines are read so the notice goes as one line;
- the company that owns the page written before its paper's name ("ⓒ (주)한빛신문사": the outlet 한빛신문);
- a section label printed between the page's title and the same headline again (title / section / h1).
"""
from __future__ import annotations

import re

from .clean_base import _EMAIL, _Found, _Line, _looks_like_name
from .clean_meta import _HANGUL_OUTLET, _add_byline, _names
from .clean_debris import PAGE_BUTTONS

# "◀ANC▶", "◀ VCR ▶", "◀SYN▶", "◀INT▶": a script's label alone on its line (split_turn_labels puts a speaker after one,
# "◀SYN▶ 장흥군 관계자", on a line of its own: the speaker is the report's)
SCRIPT_LABEL = re.compile(r"^◀\s?[A-Za-z가-힣][A-Za-z0-9가-힣/-]{0,9}\s?▶$")
# a script label, or a broadcast-only bracket label (녹취, 현장음, 싱크), opening a line with more after it; "[인터뷰]"
# only before a speaker and role ("[인터뷰] 홍길동/주민"), as a headline may open with it
_LABEL_BEFORE = re.compile(r"(?m)^[ \t]*(◀[ \t]?[A-Za-z가-힣][A-Za-z0-9가-힣/-]{0,9}[ \t]?▶"
                           r"|[\[<(][ \t]?(?:녹취|현장음|싱크|SYNC|SOT)[ \t]?[\]>)]"
                           r"|[\[<(][ \t]?인터뷰[ \t]?[\]>)](?=[ \t]*[가-힣A-Za-z0-9 ]{2,12}[ \t]?/))[ \t]*(?=\S)")


def split_turn_labels(text: str) -> str:
    """`text` with a broadcast script's label that opens a line put on a line of its own ("◀SYN▶ 장흥군" -> "◀SYN▶",
    "장흥군"), so the label goes and the speaker stays."""
    if "◀" not in text and "녹취" not in text and "현장음" not in text and "싱크" not in text and "SYNC" not in text and (
            "SOT" not in text and "인터뷰" not in text):
        return text
    return _LABEL_BEFORE.sub("\\1\n", text)


def add_voice(found: _Found, outlet: str | None, names: str) -> None:
    """A broadcast's hand-off ("홍길동 기자가 취재했습니다") or sign-off ("MBC뉴스 홍길동입니다"): the outlet is read as a
    byline's (a broadcaster's letters in capitals: "mbc뉴스" is MBC's), the name kept apart in found.voice. A page's
    own byline ("김양훈 기자 입력 …") names the reporter of record; the voice is used only when it names none."""
    if outlet:
        _add_byline(found, outlet.upper() if outlet.isascii() else outlet, None)
    for name in _names(names):
        if _looks_like_name(name) and name not in found.voice:
            found.voice.append(name)


# "728x90", "320x100", "반응형": a blog host's ad slot and its label
_AD_SLOT = re.compile(r"^(?:\d{3}\s?[xX×]\s?\d{2,3}|반응형)$")
# "지면보기링크", "인쇄 아이콘", "공유하기 버튼": a button's label and its image's alt word
_BUTTON_ALT = re.compile(r"^(?P<label>.{1,12}?)\s?(?:링크|아이콘|버튼|이미지)$")


# "목포MBC", "안동 MBC", "청주CBS": a regional broadcaster's masthead, its town and its network's letters, alone above the story
_BROADCAST_MASTHEAD = re.compile(r"^(?P<outlet>[가-힣]{2,4}\s?(?:MBC|KBS|SBS|CBS|BBS|PBC|TBC|KBC|TJB|CJB|JTV|JIBS|UBC|KNN))$")


# A broadcast transcript's turn labels inside the story, alone on their line: "(앵커)", "앵커:", "[스탠드업]", "[CG]",
# "[인터뷰]", "<녹취>" (only after the story has begun: "[인터뷰]" at the top may open a headline). A speaker after a
# label is the report's (its name and role are mentions): split_turn_labels puts it on a line of its own first.
_TURN_WORD = r"(?:인터뷰|녹취|현장음|싱크|SYNC|SOT|스탠드업|스탠딩|CG|자막|앵커|기자|리포트)"
_TURN_LABEL = re.compile(rf"^[\[<(]\s*{_TURN_WORD}\s*[\]>)]$|^{_TURN_WORD}\s?[:：]$")
MAX_TURN_LABEL = 12
# "출처 : 한빛일보(https://www.hanbit.co.kr)": the copy-source line a CMS (ndsoft's) appends under the story, the outlet and
# its own address (a chart's "출처: 통계청" has none, and names no outlet)
_SOURCE_URL = re.compile(r"^출처\s*[:：]\s*(?P<outlet>[가-힣][가-힣A-Za-z0-9]{1,19})\s*\(\s*(?:https?://)?(?:www\.)?[A-Za-z0-9-]+"
                         r"(?:\.[A-Za-z0-9-]+)+/?\s*\)$")
# "한빛일보의 모든 콘텐츠는 저작권법의 보호를 받습니다": a copyright notice naming the outlet
_RIGHTS_NOTICE = re.compile(r"^(?P<outlet>[가-힣][가-힣A-Za-z0-9]{1,19})의\s?모든\s?(?:콘텐츠|컨텐츠|기사)(?:는|은)\s?저작권법의?\s?"
                            r"보호를\s?받습니다\.?$")
MAX_FURNITURE = 80  # the longest piece above but a tip line (a crew list of several roles)
MAX_TIP_LINE = 120
MAX_PORTAL_PROMPT = 40


def furniture_line(core: str, seen_prose: bool) -> str | None:
    """The outlet a furniture line names ("" when it names none) when the whole line is one of the pieces above (an ad
    slot, a button's alt text, a broadcaster's masthead above the story); else None. Most lines are the story's and
    longer than any piece: they are let go after a length check and a look for @ (profiled)."""
    n = len(core)
    if n > MAX_FURNITURE:
        return _tip_line(core) if n <= MAX_TIP_LINE and "@" in core else None
    first = core[0]
    if n <= 9 and _AD_SLOT.match(core):
        return ""
    if n <= 16 and (core[-2:] in ("링크", "버튼") or core[-3:] in ("아이콘", "이미지")):
        alt = _BUTTON_ALT.match(core)
        return "" if alt and alt["label"] in PAGE_BUTTONS else None
    if core in _END_MARKS:
        return ""
    if seen_prose and ((core[2:] if core[:2] in ("- ", "– ") else core) in _TAG_HEADER or (
            first == "#" and _HASHTAG_ROW.match(core)) or (
            n <= MAX_TURN_LABEL and first in "[<(인녹현싱SC스자앵기리" and _TURN_LABEL.match(core))):
        return ""
    if first == "0" and _CHAR_COUNTER.match(core):
        return ""
    if first in _CREW_START:
        crew = _CREW_LIST.match(core)
        if crew and all(_looks_like_name(name) for name in re.split(r"\s*[,·]\s*", crew["first"])):
            return ""
    if "@" in core:
        return _tip_line(core)
    if first == "출" and core[:2] == "출처" and "(" in core:
        source = _SOURCE_URL.match(core)
        if source and _HANGUL_OUTLET.search(source["outlet"]):
            return source["outlet"]
    if core[-1] in "다." and core.endswith(("받습니다", "받습니다.")):
        notice = _RIGHTS_NOTICE.match(core)
        if notice:
            return notice["outlet"] if _HANGUL_OUTLET.search(notice["outlet"]) else ""
    if n <= MAX_PORTAL_PROMPT and "에서" in core:
        prompt = _PORTAL_PROMPT.match(core)
        if prompt:
            return prompt["outlet"] if _HANGUL_OUTLET.search(prompt["outlet"]) else ""
    if not seen_prose and n <= 9 and core[-1] in "SCVNB":
        masthead = _BROADCAST_MASTHEAD.match(core)
        return masthead["outlet"].replace(" ", "") if masthead else None
    return None


def _tip_line(core: str) -> str | None:
    tip = _TIP_EMAIL.match(core)
    if tip is None:
        return None
    return tip["outlet"] if tip["outlet"] and _HANGUL_OUTLET.search(tip["outlet"]) else ""


# "글자크기 설정 시 다른 기사의 본문도\n동일하게 적용됩니다.": a font-size widget's notice broken over two lines
_SPLIT_NOTICE = re.compile(r"(글자\s?크기\s?설정[^\n]{0,30}본문(?:에)?도)\n+(?=(?:동일하게|똑같이|함께)\s?적용됩니다\.?(?:\n|$))")


def join_split_notices(text: str) -> str:
    return _SPLIT_NOTICE.sub(r"\1 ", text) if "적용됩니다" in text else text


# A section label between two copies of the headline: "헤드라인" / "우리이웃" / "헤드라인" (the page's title, the section, the
# article's own h1)
_SECTION_LABEL = re.compile(r"^[가-힣A-Za-z0-9·&/]{2,8}$")
# "TAG", "Tags", "태그" under the story: a tag list's header (its tags were links the converter dropped)
_TAG_HEADER = frozenset({"TAG", "TAGS", "Tag", "Tags", "태그", "#태그", "관련태그", "관련 태그", "키워드", "관련 키워드", "#키워드"})
# "#한빛시 #도로정비 #예산": a row of hashtags under the story (each a word, not "#1" numbering)
_HASHTAG_ROW = re.compile(r"^#[가-힣A-Za-z][^\s#]{0,19}(?:\s*#[가-힣A-Za-z][^\s#]{0,19})*$")
# "[끝]", "[email protected]" alone, "기사 공유하기": end marks, a hidden e-mail, a share button's label
_END_MARKS = frozenset({"[끝]", "【끝】", "-끝-", "- 끝 -", "[email protected]", "email protected", "기사 공유하기", "기사공유하기",
                        # a site's own links: subscription, advertising, home, a search box's label
                        "구독신청", "구독 신청", "광고문의", "광고 문의", "광고안내", "홈으로", "홈으로 가기", "입력창", "검색창",
                        "검색어 입력창", "검색 입력폼", "검색입력폼", "검색어 입력폼", "검색어를 입력하세요", "검색어를 입력해주세요",
                        "검색어를 입력해 주세요"})
# "0 / 400", "0/1000자": a comment box's character counter
_CHAR_COUNTER = re.compile(r"^0\s?/\s?[1-9]\d{2,3}\s?(?:자|bytes?)?$")
# "[영상취재 홍길동 / 영상편집 김철수]", "촬영기자: 홍길동", "영상편집 : 김철수, 이영희": a broadcast's crew credits
_CREW_LABEL = r"(?:영상\s?(?:취재|편집|촬영|디자인|제작)|촬영\s?기자|촬영|편집|그래픽|CG|연출|구성|디자인|작가|VJ|PD)"
_CREW_NAMES = r"[가-힣]{2,4}(?:\s*[,·]\s*[가-힣]{2,4}){0,3}"
_CREW_LIST = re.compile(rf"^[\[(<]?\s*{_CREW_LABEL}\s*[:：]?\s*(?P<first>{_CREW_NAMES})"
                        rf"(?:\s*[/|]\s*{_CREW_LABEL}\s*[:：]?\s*{_CREW_NAMES}){{0,4}}\s*[\])>]?$")
_CREW_START = frozenset("[(<영촬편그C연구디작VP")
# "보도자료 및 제보 hong@x.com", "기사 제보: news@x.com", "한빛일보 기사제보 news@x.com": the desk's tip line and its e-mail
_TIP_EMAIL = re.compile(rf"^(?:(?P<outlet>[가-힣][가-힣A-Za-z0-9]{{1,15}})\s)?(?:보도\s?자료|기사\s?제보|뉴스\s?제보|제보|문의)(?:\s?(?:및|·|/)\s?(?:보도\s?자료|제보|문의|광고))*"
                        rf"\s*[:：]?\s*{_EMAIL}$")
# "한빛일보를 네이버 메인에서 보세요": a prompt to follow the outlet on a portal (it names the outlet)
_PORTAL_PROMPT = re.compile(r"^(?P<outlet>[가-힣A-Za-z0-9]{2,15})(?:을|를)\s?(?:네이버|다음|구글)\s?(?:메인|뉴스스탠드|뉴스|채널)?에서\s?"
                            r"(?:보세요|만나\s?보세요|만나세요|구독하세요|확인하세요)[.!]?$")
MAX_TOP_TEXTS = 5  # the title, two labels between at most, the headline again
MAX_TOP_LINES = 40
MAX_SECTION_LABEL = 8


def drop_label_between_titles(lines: list[_Line]) -> None:
    """A one-word label (a section's name) between the page's first text line and that same line printed again a few
    lines below it is dropped: the title, the section, the article's own headline."""
    texts = [k for k, ln in enumerate(lines[:MAX_TOP_LINES]) if ln.kind == "text"][:MAX_TOP_TEXTS]
    if len(texts) < 3:
        return
    first = lines[texts[0]].text
    again = next((j for j, k in enumerate(texts[2:], 2) if lines[k].text == first), None)
    if again is None or len(first) <= MAX_SECTION_LABEL:
        return
    for k in texts[1:again]:
        if _SECTION_LABEL.match(lines[k].text):
            lines[k] = _Line("", "sep")


# "13일 데이터뉴스가 건강보험심사평가원의 통계를 분석한 결과, …": an outlet's own analysis, named in its lede with the day
# (data desks write it so: "24일 한빛경제가 … 집계한 결과", "한빛일보가 … 조사한 결과에 따르면")
_OWN_ANALYSIS = re.compile(r"(?:^|\s)\d{1,2}일\s(?P<outlet>[가-힣][가-힣A-Za-z0-9]{1,14})(?:가|이)\s[^.!?]{0,120}?"
                           r"(?:분석|조사|집계|취재)(?:한|해\s?본)\s?결과")
MAX_ANALYSIS_LOOK = 300  # the lede's first sentences: an outlet names its own analysis at once


def own_analysis_outlet(paragraphs: list[str]) -> str | None:
    """The outlet a story's opening names as the author of its own analysis, when it ends as an outlet's name does
    (the last resort for the outlet: a page that names it nowhere else)."""
    for paragraph in paragraphs[:2]:
        hit = _OWN_ANALYSIS.search(paragraph[:MAX_ANALYSIS_LOOK])
        if hit and _HANGUL_OUTLET.search(hit["outlet"]):
            return hit["outlet"]
    return None


# "법원, 허위기사 보도한 기자에게 중형 선고 - 무료급식소를 상대로 악의적 기사 수십 차례 보도한 A기자 징역 6개월에 …": a
# headline and its deck joined by " - " into one long line (a CMS's page title, or a converter joining h1 and h2)
MIN_JOINED_TITLE = 80  # longer than a Korean headline runs
MIN_HEADLINE_PART, MAX_HEADLINE_PART = 10, 60
_DECK_DASH = " - "


def split_joined_deck(title: str) -> tuple[str, str | None]:
    """(headline, deck) of a long title holding both around one " - ", the deck longer than the headline; else
    (title, None)."""
    if len(title) < MIN_JOINED_TITLE or title.count(_DECK_DASH) != 1:
        return title, None
    head, deck = (part.strip() for part in title.split(_DECK_DASH))
    if MIN_HEADLINE_PART <= len(head) <= MAX_HEADLINE_PART and len(deck) > len(head):
        return head, deck
    return title, None


def prepare(text: str) -> str:
    """The two rewrites above, before the lines are read: a notice broken over two lines joined, a script's label
    split from its speaker."""
    return split_turn_labels(join_split_notices(text))


# "일반뉴스", "종합뉴스", "포토뉴스", "지역소식": a section's label shaped like an outlet's name (a word, then 뉴스): dropped as
# a logo line but never the outlet ("국제뉴스", "경제뉴스" are left alone: outlets carry such names)
_SECTION_NEWS = re.compile(r"^(?:일반|종합|지역|최신|주요|전체|포토|영상|오늘의|실시간|속보|해외|정치|사회|문화|연예|생활|인물|전국|"
                           r"라이프|기획|이슈|핫|인기|추천|관련|단독|특집|행사|동정|뉴스)\s?(?:뉴스|소식)$")


def outlet_names(names: list[str]) -> list[str]:
    """`names` without section labels shaped like outlets' names (see _SECTION_NEWS)."""
    return [name for name in names if name and not _SECTION_NEWS.match(name)]
