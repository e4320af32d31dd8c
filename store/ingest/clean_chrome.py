"""Round 20: page chrome that many Korean news sites print the same way, each a whole line on its own (a browser's
script notice, a share prompt, a broadcast's crew credits, a channel listing, an outlet's social-channel links, a
reporter's contact handles, a breadcrumb down to "기사 본문", leftover empty HTML tags, a calendar's weekday row, a
video player's fallback notice, reading/support/subscribe widgets), and the chrome at the top of a page (a section label above the headline, the
reporter's name alone under it). store.ingest.clean asks `chrome_line` for each line and `drop_top_chrome` once the
lines are read."""
from __future__ import annotations

import re

from .clean_base import _EMAIL, _Line, _is_prose, _looks_like_name
from .clean_furniture import furniture_line
from .clean_head import _headline_like

MAX_CHROME_LINE = 120  # each pattern below spells a short line; longer lines are never looked at

# "이 사이트의 기능을 모두 활용하기 위해서는 자바스크립트를 활성화 시킬 필요가 있습니다.": a site's <noscript> notice
_SCRIPT_NOTICE = re.compile(r"(?:자바\s?스크립트|javascript)[^.!?]{0,30}(?:활성화|사용\s?(?:설정|하도록|해야)|켜\s?주|enable)"
                            r"|(?:enable|turn on)\s(?:the\s)?javascript", re.I)
_SCRIPT_CONTEXT = ("사이트", "브라우저", "페이지", "기능", "browser", "Browser")
# "이 기사가 마음에 드셨다면 공유해 주세요", "기사가 도움이 되셨다면 …": a share or like prompt under the story
_SHARE_PROMPT = re.compile(r"^(?:이\s?)?기사가?\s?(?:마음에\s?드셨다면|유익하셨다면|도움이\s?되셨다면|좋으셨다면|괜찮으셨다면)"
                           r"[^.!?]{0,40}[.!]?$")
# "영상취재 김덕룡", "영상편집 조성빈", "그래픽 홍길동": a broadcast story's crew, the label and names (no colon: with one the
# credit-line pattern of clean_debris reads it)
_CREW = re.compile(r"^(?:영상\s?(?:취재|편집|촬영|디자인|제작)|촬영\s?기자|그래픽|CG|연출|구성)\s+"
                   r"(?P<names>[가-힣]{2,4}(?:\s*[,·]\s*[가-힣]{2,4}){0,3})$")
_CREW_FIRST = frozenset("영촬그C연구")  # the first letters of _CREW's labels: other lines skip its look
# "( KTV 국민방송 케이블방송, 위성방송 ch164, www.ktv.go.kr )": a broadcaster's channel listing under its story
_CHANNEL_LISTING = re.compile(r"^\(\s*(?P<outlet>[A-Za-z가-힣][A-Za-z0-9가-힣]{1,12}(?:\s[A-Za-z0-9가-힣]{1,12})?)\s+"
                              r"(?:케이블|위성|IPTV|지상파|스카이라이프)[^()]{0,80}\)$")
_CHANNEL_MARK = re.compile(r"\bch\s?\d{1,4}\b|채널\s?\d{1,4}|www\.", re.I)
# "비즈엠 포스트", "한빛일보 유튜브" under the story: the outlet's links to its social channels
_SOCIAL_LINK = re.compile(r"^[가-힣A-Za-z0-9]{2,12}\s?(?:유튜브|페이스북|인스타그램|네이버\s?포스트|포스트|블로그|트위터|틱톡"
                          r"|카카오\s?채널|카카오톡\s?채널|텔레그램)$")
# "hong@x.comX: @hong_news", "hong@x.com 트위터 : @hong": a reporter's contact box (email and social handles)
_CONTACT_HANDLES = re.compile(rf"^(?:{_EMAIL})?\s*(?:(?:X|Twitter|트위터|Facebook|페이스북|Instagram|인스타그램|Threads)\s*[:：]\s*"
                              r"@?[\w.]+\s*)+$")
# "헤럴드생생뉴스/onlinenews@heraldcorp.com", "온라인뉴스팀 / web@x.com": a desk's byline, its name, a slash, its email
_DESK_EMAIL = re.compile(rf"^(?:[가-힣][가-힣A-Za-z0-9]{{1,19}})\s*/\s*{_EMAIL}$")
# "일 | 월 | 화 | 수 | 목 | 금 | 토 |": a calendar widget's weekday row (schedules of games, events, exhibitions)
_WEEKDAY_ROW = re.compile(r"^\|?\s*(?:[일월화수목금토]\s*\|\s*){6}[일월화수목금토]\s*\|?$|^(?:(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)\s*\|?\s*){7}$")
# "Your browser does not support the video tag.", "이 브라우저는 비디오 태그를 지원하지 않습니다.": a video player's fallback
_PLAYER_NOTICE = re.compile(r"^(?:Your browser does not support (?:the )?(?:video|audio|HTML5)[^.]{0,40}\.?"
                            r"|(?:이\s|현재\s|사용하시는\s|고객님의\s)?(?:브라우저|웹\s?브라우저)[가-힣]{0,2}\s(?:[가-힣0-9A-Za-z]{1,12}\s){0,3}"
                            r"(?:비디오|동영상|영상|video|HTML5)[^.]{0,30}지원하지\s?않습니다\.?)$", re.I)
# Reading and reader-support widgets: "기사를 읽어드립니다", "음성으로 듣기", "본문 듣기", "AI 요약 보기" (text-to-speech and
# summary buttons), "이 기사를 추천합니다", "기사 원문 보기", "프린트 하기", "기사 잘 보셨나요?", "독자님의 후원이 큰 힘이
# 됩니다", "후원하기", "네이버에서 한빛일보 구독하기", "한빛일보를 구독하세요"
_WIDGET = re.compile(r"^(?:(?:이\s)?기사를?\s?(?:읽어\s?드립니다|읽어드려요|추천합니다|추천하기)|(?:기사|본문|음성으로|AI\s?음성으로)\s?듣기"
                     r"|음성\s?(?:듣기|재생)|AI\s?요약\s?(?:보기|듣기)|요약\s?보기|(?:기사\s?)?원문\s?보기|프린트\s?하기|인쇄\s?하기"
                     r"|기사\s?(?:잘\s)?(?:보셨나요|어떠셨나요|유익하셨나요)\??|(?:독자님|독자\s?여러분|여러분)의\s?후원[^.!?]{0,20}(?:됩니다|부탁드립니다|기다립니다|필요합니다)[.!]?"
                     r"|(?:정기\s?)?후원\s?(?:하기|회원\s?가입|신청(?:하기)?))$")
_WIDGET_FIRST = frozenset("이기본음A요원프인독여후정")  # the first letters _WIDGET's lines open with
MAX_SUBSCRIBE_PROMPT = 40
_SUBSCRIBE_PROMPT = re.compile(r"^(?:(?:네이버|다음|구글)(?:\s?(?:메인|뉴스스탠드|뉴스))?에서\s?)?[가-힣A-Za-z0-9]{2,15}(?:\s?뉴스)?(?:을|를)?\s?"
                               r"구독(?:하기|하세요|해\s?주세요)[.!]?$")
# "<연합뉴스>" alone under a table or graphic: its source's mark (a wire's, not necessarily the page's outlet)
_SOURCE_MARK = re.compile(r"^<\s*[가-힣A-Za-z0-9]{1,15}(?:일보|경제|뉴스|신문|방송|닷컴|데일리|투데이|저널|미디어|TV)\s*>$")
# "<p></p>", "</div>": HTML tags a converter left with nothing between them
_EMPTY_TAGS = re.compile(r"^(?:</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,60})?/?>\s*)+$")
# "新華網韓國語 >> 기사 본문", "홈 > 뉴스 > 기사보기": a breadcrumb whose last step is the story's own page
_CRUMB_ENDS = ("기사 본문", "기사본문", "기사 보기", "기사보기", "뉴스 본문", "뉴스본문", "본문 보기", "본문보기")
MAX_CRUMB = 60


def chrome_line(core: str, seen_prose: bool) -> str | None:
    """The outlet a chrome line names ("" when it names none) when `core` is one of the lines above; else None."""
    n = len(core)
    if n > MAX_CHROME_LINE or n < 2:
        return None
    furniture = furniture_line(core, seen_prose)  # round 21: an ad slot, a button's alt text, a broadcaster's masthead
    if furniture is not None:
        return furniture
    first = core[0]
    if first == "<":
        if _EMPTY_TAGS.match(core) or _SOURCE_MARK.match(core):
            return ""
        return None
    if first == "(" and core.endswith(")"):
        listing = _CHANNEL_LISTING.match(core)
        if listing and _CHANNEL_MARK.search(core):
            return listing["outlet"]
        return None
    if "@" in core:
        if _CONTACT_HANDLES.match(core):
            return ""
        if _DESK_EMAIL.match(core):
            return ""  # a desk's name ("헤럴드생생뉴스", "온라인뉴스팀") is no outlet's, though it may end as one does
        return None
    if ("스크립트" in core or "script" in core or "Script" in core) and _SCRIPT_NOTICE.search(core) and any(
            w in core for w in _SCRIPT_CONTEXT):
        return ""
    if n <= MAX_CHROME_LINE // 2 and first in _WIDGET_FIRST and _WIDGET.match(core):
        return ""
    if n <= MAX_SUBSCRIBE_PROMPT and "구독" in core and _SUBSCRIBE_PROMPT.match(core):
        return ""
    if ("|" in core or first in "SMTWF") and _WEEKDAY_ROW.match(core):
        return ""
    if ("지원하지" in core or "support" in core) and _PLAYER_NOTICE.match(core):
        return ""
    if "기사" in core[:4] and _SHARE_PROMPT.match(core):
        return ""
    crew = _CREW.match(core) if first in _CREW_FIRST else None
    if crew and all(_looks_like_name(name) for name in re.split(r"\s*[,·]\s*", crew["names"])):
        return ""
    if n <= MAX_CRUMB and core.endswith(_CRUMB_ENDS) and (">" in core or "›" in core or "»" in core) and not _is_prose(core):
        return ""
    if seen_prose and n <= 20 and _SOCIAL_LINK.match(core):
        return ""
    return None


# "이혜은 앵커>", "홍길동 기자>": a transcript's turn label with the speaker's name, its opening < lost (as <앵커>)
NAMED_TURN = re.compile(r"^(?:[가-힣]{2,4}\s?)?(?:앵커|기자|리포트|특파원)\s?>$")


# --- the top of the page ---------------------------------------------------------------------------

# "금융IT", "섹션", "기후위기시계": a one-word section or widget label above the headline
_TOP_LABEL = re.compile(r"^[가-힣A-Za-z0-9·&/]{2,8}$")
MAX_TOP_LOOK = 12  # lines looked at from the top for the reporter's name alone


def drop_top_chrome(lines: list[_Line], reporters: list[str]) -> None:
    """A one-word label opening the page, right above a headline-like line that stands apart (a blank line, a date or
    a byline after it), is a section's or a widget's label, not the headline: dropped. And the reporter's name alone on
    a line above the story's first paragraph (the byline printed as a name, "박현영", its 기자 elsewhere): dropped."""
    n = len(lines)
    i = next((k for k, ln in enumerate(lines) if ln.kind not in ("blank", "sep", "caption")), n)
    if i < n and lines[i].kind == "text" and _TOP_LABEL.match(lines[i].text) and not _looks_like_name(lines[i].text):
        j = i + 1
        while j < n and lines[j].kind in ("blank", "sep") and not lines[j].stamp:
            j += 1
        if j < n and j > i + 1 and _headline_like(lines[j]) and j + 1 < n and (
                lines[j + 1].kind in ("blank", "sep") or lines[j + 1].after_byline):
            lines[i] = _Line("", "sep")
    if not reporters:
        return
    names = set(reporters)
    for k in range(min(n, MAX_TOP_LOOK)):
        ln = lines[k]
        if ln.kind != "text":
            continue
        if ln.text in names:
            lines[k] = _Line("", "sep")
        elif len(ln.text) >= 60 and _is_prose(ln.text):
            return  # the story's first paragraph: a name below it is the story's
