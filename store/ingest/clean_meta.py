"""Metadata read from a page's lines: bylines and datelines (outlet, reporters), date lines, outlets named by
copyright and footer lines."""
from __future__ import annotations

import re
from datetime import datetime

from .clean_base import (_AFTER_SENTENCE, _BAR_SPLIT, _EMAIL, _Found, _HANGUL, _JOB, _MAX_FOOTER_CHARS,
                         _NAME, _NAMES, _NAMES_SP, _WEEKDAY, _looks_like_name)

# How outlet names end: tells "한겨레 홍길동 기자" (outlet, name) from "김준석 임수빈 기자" (two names)
_OUTLET_TAIL = re.compile(r"(?:일보|경제|뉴스|신문|방송|닷컴|데일리|투데이|저널|타임스|타임즈|미디어|겨레|한경|매경|비즈|포스트|TV|[A-Za-z0-9])$")
# 매일일보 = 강소슬 기자 | 본문: the outlet (or a town: "구미=홍길동 기자 |", kept as no outlet), =, the names, then a bar
EQUALS_PREFIX = re.compile(
    rf"^(?P<outlet>[가-힣A-Za-z0-9]{{2,20}})\s*=\s*(?P<names>{_NAMES_SP})\s*{_JOB}\s*\|(?!\s*(?:\d|입력|수정|등록|승인|기사|업데이트))\s*")
_BYLINE_PREFIXES = (
    # [뉴스웍스=이한익 기자]  [헤럴드경제(경주)=김현일·박혜원 기자]  [매체명=(시카고) 홍길동 특파원]  (조세금융신문=김명진 기자)
    re.compile(
        rf"^[\[【(]\s*(?P<outlet>[^\[\]【】=()]{{1,30}}?)\s*(?:\([^()]{{1,15}}\))?\s*=\s*(?:\([^()]{{1,15}}\)\s*)?"
        rf"(?:(?![가-힣]*(?:뉴스|신문|일보|투데이|경제|방송|미디어|타임즈|타임스|저널))[가-힣]{{1,6}}\s?/\s?)?(?P<names>{_NAMES_SP})\s*{_JOB}\s*[\]】)]"  # [대전인터넷신문=세종/홍길동 기자]: a desk's town
    ),
    # [비즈데일리 최진호 기자]  (엑스포츠뉴스 홍길동 기자)
    re.compile(rf"^(?:[\[【]|\((?!사진|자료|그래픽))\s*(?P<outlet>[^\[\]【】=()]{{1,30}}?)\s+(?P<names>{_NAMES})\s*{_JOB}\s*[\]】)]"),
    # [대전=더뉴스투데이 / 홍길동 기자]: a dateline, the outlet, a slash and the names
    re.compile(rf"^[\[(【]\s*[가-힣]{{1,10}}\s*=\s*(?P<outlet>[^\[\]()【】=/]{{1,20}}?)\s*/\s*(?P<names>{_NAMES_SP})\s*{_JOB}\s*[\])】]"),
    # (서울=연합뉴스) 홍길동 기자 =   [서울=뉴시스]홍길동 기자 =   (경주=뉴스1) 홍길동 김철수 기자 =   [바르셀로나(스페인)=뉴시스]
    re.compile(
        rf"^[\[(【]\s*(?!사진|자료|그래픽|출처|제공)[가-힣]{{1,10}}(?:\([가-힣]{{1,10}}\))?\s*=\s*(?P<outlet>[^\[\]()【】=]{{1,20}}?)\s*[\])】]"
        rf"\s*(?:(?P<names>{_NAMES_SP})\s*{_JOB}\s*=)?"
    ),
    # [스포탈코리아] 홍길동 기자= 본문: the outlet in brackets, then the names and = before the lede
    re.compile(rf"^[\[【]\s*(?P<outlet>[^\[\]【】=]{{2,30}}?)\s*[\]】]\s*(?P<names>{_NAMES_SP})\s*{_JOB}\s*="),
    EQUALS_PREFIX,
    # 홍길동 기자 = 본문   홍길동 김철수 기자 = 본문   아주경제 홍길동 기자 = 본문   케이부동산뉴스 홍길동 기자 | 본문 (not a date after |)
    re.compile(rf"^(?:(?P<outlet>[^\s=\[\]()|]{{2,20}})\s+)?(?P<names>{_NAMES_SP})\s*{_JOB}\s*(?:=|\|(?!\s*(?:\d|입력|수정|등록|승인|기사|업데이트)))"),
)
# "【철원】철원군의 …": a regional desk's dateline glued before the lede (the town, no outlet)
DESK_DATELINE = re.compile(r"^【\s*(?P<desk>[가-힣]{2,6})\s*】\s*(?=\S)")  # round 20: named, an outlet's mark is read (see clean)
# "(화천 더리더) 대한민국을 …": the town and the outlet in brackets before the lede
# (the outlet's name three letters or more, not ending as a place's does: "(부산 해운대)", "(대구 달서구)" are places)
TOWN_OUTLET_PAREN = re.compile(r"^\(\s*(?!사진|자료|그래픽|영상|출처|제공)[가-힣]{2,5}\s(?P<outlet>[가-힣][가-힣A-Za-z0-9]{2,11})"
                               r"(?<![시군구동읍면리도대로길역항포산강천])\s*\)\s*(?=\S)")
_OUTLET_DATELINE = re.compile(r"^[\[【]\s*(?P<outlet>[가-힣A-Za-z0-9]{3,20})\s*[\]】]\s*(?=\S)")
_OUTLET_PAREN = re.compile(r"^\(\s*(?P<outlet>[가-힣A-Za-z0-9]{3,20})\s*\)\s*(?=\S)")  # "(용인신문) 문재인 대통령은…"
# ...and its name must be a Korean outlet's: [bold], [OSEN] or [단독] opening a lede are no outlet
_HANGUL_OUTLET = re.compile(r"^[가-힣][가-힣A-Za-z0-9]*(?:일보|경제|뉴스|신문|방송|닷컴|데일리|투데이|저널|타임스|타임즈|미디어|포스트|비즈|TV)$")
# "[게임플] 국내 최대의 …": a bracketed Hangul name opening the lede under a reporter's byline is the outlet's tag, unless
# it is a story's kind or series ([단독], [현장], [기자수첩], [특별기획])
_STORY_TAG = re.compile(
    r"(?:단독|속보|종합|인터뷰|포토|사진|영상|기획|르포|현장|이슈|분석|해설|칼럼|사설|기고|특집|팩트체크|시론|수첩|초점|포커스|리뷰|"
    r"리포트|인사|부고|동정|게시판|알림|정정|반론|전문|일문일답|진단|탐방|화제|논단|카드뉴스|브리핑|체험|스케치|돋보기|줌인|"
    r"결산|전망|오늘|주간|월간|연재|시리즈|긴급|앵커|기자|프리뷰|취재|후기)$")
_LATIN_OUTLET = re.compile(r"[A-Z][A-Z0-9]{1,5}")  # a broadcaster's letters: KBS, MBC, YTN, JTBC
_SPACED_PREFIX = _BYLINE_PREFIXES[-1]  # its outlet and names are only separated by spaces
# Page chrome glued to the end of a paragraph's last sentence (one-line pages): related headlines, tags, reactions,
# the copyright; cut when the tail is short
_INLINE_TAIL = re.compile(
    r"(?<=[.!?\"”'’)])(?<!\s[\"'“‘])\s*(?:관련\s?기사(?=\S)|#[가-힣A-Za-z0-9]|좋아요\s?\d|[<\[(]?\s*(?:[ⓒ©Ⓒ]|Copyright|저작권자))"
)
_MAX_INLINE_TAIL = 400
_LATIN_SPELLING = r"(?:\s?\([A-Za-z][A-Za-z0-9 .&-]{1,20}\))"  # "로이슈(lawissue)": an outlet's name in Latin letters after it
# round 21: an email the page hid from scrapers: cut after its @ ("홍길동 기자 hong@") or replaced ("[email protected]")
_CUT_EMAIL = r"[A-Za-z0-9._+-]+@(?![\w.-])|email\s?protected"
# round 21: the desk or column in brackets after 기자: "홍길동 기자(사회부)", "홍길동기자(그라운드 톡톡)"
_DESK_PAREN = r"\((?!\s*(?:사진|자료|제공))[가-힣][가-힣 ·]{0,12}\)"
# round 21: "기사 작성 : 홍길동 기자", "작성자 : 홍길동 기자", "글·사진=홍길동 기자": the labels CMSs print before a byline; and
# (below) "홍길동 기자 / hong@x.com", "홍길동 기자 · hong@x.com": a slash or dot before the e-mail (an outlet before a slash
# has its own pattern: "서울 / 홍길동 기자" is not read, a town would pass for a name)
_BYLINE_LABEL = r"(?:기사\s?)?작성(?:자)?\s*[:：]\s*|(?:글\s?[·ㆍ/]\s?사진|사진\s?[·ㆍ/]\s?글)\s*[=:：]\s*"
# "취재기자 : 홍길동", "기자 : 홍길동 (hong@x.com)": the job as a label before the name (outlet: none, an empty group)
_LABELLED_REPORTER = re.compile(rf"^(?P<outlet>)(?:취재\s?)?기자\s*[:：]\s*(?P<names>{_NAMES})(?:\s*[(<\[]?\s*{_EMAIL}\s*[)>\]]?)?$")
# "한빛일보 / 홍길동 기자": an outlet (its name ends as an outlet's does: a town before the slash is not read), a slash, the byline
_OUTLET_SLASH_BYLINE = re.compile(rf"^(?P<outlet>[가-힣][가-힣A-Za-z0-9]{{1,15}}(?:일보|신문|뉴스|방송|경제|투데이|데일리|저널|타임스|타임즈|"
                                  rf"미디어|TV))\s*/\s*(?P<names>{_NAMES_SP})\s*{_JOB}(?:\s*[(<\[]?\s*{_EMAIL}\s*[)>\]]?)?$")
# A line that is only a byline: "[비즈데일리 최진호 기자]", "홍길동 기자 hong@x.com", "/홍길동 기자"
_BYLINE_LINE = re.compile(
    rf"^(?:글\s*[:：]\s*|기자명\s*[:：]?\s*|{_EMAIL}\s+|[가-힣]{{1,8}}\s*=\s*|{_BYLINE_LABEL})?"  # "기자명 홍길동 기자"  "글 : 홍길동 월간조선 기자"  "hong@x.com 홍길동 기자"  "구미=홍길동 기자"
    rf"[\[(<【/]?\s*(?:(?P<outlet>(?!\d)[^\s\[\]()<>=/@]{{2,20}}){_LATIN_SPELLING}?\s+)?(?P<names>{_NAMES_SP})\s*{_JOB}"
    rf"\s*(?:(?:[/·ㆍ]\s*)?[(<\[]?\s*(?:{_EMAIL}|{_CUT_EMAIL})\s*[)>\]]?|{_DESK_PAREN})?\s*[\])>】]?$"
)
# "홍길동 한국금융신문 기자 hong@x.com": a name, then an outlet longer than a name; "홍길동 매체명(maeche) 기자": the
# outlet with its Latin spelling in brackets
_NAME_OUTLET_LINE = re.compile(
    rf"^(?P<names>{_NAME})\s+(?P<outlet>[^\s\[\]()<>=/@]{{2,20}}){_LATIN_SPELLING}?\s*{_JOB}\s*(?:[(<\[]?\s*{_EMAIL}\s*[)>\]]?)?$"
)
# "[뉴스핌 Newspim] 홍길동 기자 (hong@x.com)"  "[비즈데일리] 홍길동 기자"
_BRACKET_OUTLET_BYLINE = re.compile(
    rf"^[\[【]\s*(?P<outlet>[^\[\]【】=]{{1,30}}?)\s*[\]】]\s*(?P<names>{_NAMES_SP})\s*{_JOB}\s*(?:[(<\[]?\s*{_EMAIL}\s*[)>\]]?)?$"
)
# "| 매체명 = 홍길동 기자 |": a byline cell in a caption row
_CELL_BYLINE = re.compile(rf"^(?P<outlet>[^=|]{{1,20}}?)\s*=\s*(?P<names>{_NAMES_SP})\s*{_JOB}$")
# "안규현(춘삼)" or "박종진" beside a date at the top: a reporter named without 기자
_BARE_NAME = re.compile(r"^(?P<names>[가-힣]{2,4})(?:\s*\([^()]{1,10}\))?$")
# "... 말했다. 홍길동 기자 hong@x.com" at the end of the last paragraph; "... 분석했다. (서울=연합뉴스) 김종현기자"
_BYLINE_TAIL = re.compile(
    rf"{_AFTER_SENTENCE}\s*(?:/\s*(?:(?P<outlet>[^\s/]{{2,20}})\s+(?={_NAME}\s*{_JOB})|(?!사진|자료|그래픽|영상)[가-힣]{{1,10}}\s*=\s*)?|<"
    rf"|\(\s*[가-힣]{{1,10}}\s*=\s*(?P<wire>[^()\s]{{2,20}})\s*\)\s*)?"
    rf"(?P<names>{_NAMES})\s*{_JOB}(?:\s*,\s*(?P<more>{_NAMES})\s*{_JOB})?\s*>?\s*(?:[(<]?{_EMAIL}[)>]?|[·ㆍ][A-Za-z]{{1,8}})?$"
)  # "... 말했다. 홍길동 기자 hong@x.com"  "... <홍길동기자>"  "... /디스이즈게임 홍길동 기자, 김철수 기자"
# round 18: "... /홍길동기자·web": a CMS's editor mark glued after the byline
# round 20: "... 기록했다./음성=홍길동기자": a regional paper's sign-off, its desk's town and = before the name (a credit
# word there, "/사진=홍길동 기자", is a photo's)
# "…압수수색했다.최지예 텐아시아 기자 wisdomart@tenasia.co.kr": the name, then the outlet, then 기자 and an email (the
# email says byline: without it "… 말했다. 홍길동 한빛 기자" could be two names)
NAME_OUTLET_TAIL = re.compile(
    rf"{_AFTER_SENTENCE}\s*(?P<names>{_NAME})\s+(?P<outlet>[가-힣A-Za-z0-9]{{2,12}})\s*{_JOB}\s*[(<]?{_EMAIL}[)>]?$")
MAX_NAME_OUTLET_TAIL = 80
# "…밝혔습니다.이문현기자 mhlee@wowtv.co.kr한국경제TV 핫뉴스ㆍ…": on a page flattened to one line the byline and its
# email end the story and related headlines follow; the email is ASCII (\w would run on into the Hangul after it)
_BYLINE_EMAIL_INSIDE = re.compile(
    rf"{_AFTER_SENTENCE}\s*(?:(?!사진|자료|그래픽|영상)[가-힣]{{1,8}}\s*=\s*)?(?P<names>{_NAMES})\s*{_JOB}\s*[(<]?[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z]{{2,}})+[)>]?"
)  # "… 움직이고 있다. 이천=김동욱기자 gphoto@etnews.com 반도체이천…": a photo byline with its town
# A broadcast story's hand-off to its reporter: "정윤섭 기자입니다.", "윤두열 기자가 취재했습니다.", "먼저 노도일 기자가
# 보도합니다.", "워싱턴 홍상희 특파원입니다."
# round 20: "홍길동 기자가 (현장에) 다녀왔습니다.", "… 기자가 알아봤습니다/짚어봤습니다": the anchor's other hand-offs, also after
# "자세한 내용(은)", "자세한 소식": "자세한 내용 홍길동 기자가 전해드립니다."
# round 21: a topic before 소식 ("프로야구 소식 홍길동 기자입니다."), and up to three words before the verb ("홍길동 기자가
# 그 실태를 취재했습니다."): the same hand-off in the anchor's words
_HAND_OFF = re.compile(
    rf"^(?:(?:먼저|이어서|계속해서|자세한\s(?:내용|소식)(?:은|을)?|(?:자세한\s)?(?:내용|소식)은|(?:[가-힣A-Za-z0-9]{{1,10}}\s){{1,2}}소식(?:은|을)?)\s)?"
    rf"(?:[가-힣]{{2,6}}\s(?={_NAME}\s?특파원))?(?P<names>{_NAME})\s?(?:기자|특파원)"
    rf"(?:입니다|의\s?보도입니다|가\s?(?:[가-힣]{{1,6}}\s){{0,3}}(?:(?:현장에\s?|현장을\s?)?(?:취재했습니다|보도합니다|전해드립니다|전합니다|다녀왔습니다"
    rf"|알아봤습니다|짚어봤습니다|정리했습니다|만나봤습니다|따라가봤습니다|돌아봤습니다|가봤습니다)))\.?$")
# "▲ 김동수기자 사진영상부 차장": a photographer's byline with the desk's title; "YTN 황보혜경 (bohk@ytn.co.kr)", "박상돈(kaka@yna.co.kr)"
_DESK_BYLINE = re.compile(rf"^[▲△]?\s*(?P<names>{_NAME})\s?{_JOB}\s+[가-힣]{{2,8}}부\s?(?:차장|부장|팀장|데스크)?$")
_NAME_EMAIL = re.compile(
    rf"^(?:(?P<outlet>[A-Za-z0-9가-힣]{{2,12}})\s+)?(?P<name>{_NAME})(?:\s*[(<\[]\s*{_EMAIL}\s*[)>\]]|\s+{_EMAIL})$")
# "한빛뉴스투데이 hong@hanbit.co.kr": the outlet's name and a reporter's email, no name (checked with _HANGUL_OUTLET)
_OUTLET_EMAIL = re.compile(rf"^(?P<outlet>[가-힣][가-힣A-Za-z0-9]{{1,19}})(?:\s*[(<\[]\s*{_EMAIL}\s*[)>\]]|\s+{_EMAIL})$")
# A broadcast story's sign-off: "채널A 뉴스 남영주입니다.", "KBS 뉴스 홍길동입니다": the outlet and its reporter
# "연합뉴스TV 노은지입니다": a broadcaster's name that ends in TV or 방송, without 뉴스 before the reporter
# "TV조선 이승훈입니다.", "YTN 홍길동입니다.": a channel named TV-first or in capitals alone (not a job's letters: "CEO 홍길동입니다")
_SIGN_OFF = re.compile(r"^(?:(?:지금까지\s)?[가-힣A-Za-z0-9]{1,12}에서\s|지금까지\s)?"
                       r"(?:(?P<outlet>[A-Za-z0-9가-힣]{2,10})(?P<spaced>\s)?뉴스|(?P<channel>[A-Za-z0-9가-힣]{1,10}(?:TV|방송)|TV[가-힣]{2,3}|"
                       r"(?!(?:CEO|CFO|CTO|COO|CMO|PD|VJ|DJ|MC)\s)[A-Z]{2,5}|채널A))"
                       rf"\s+(?P<names>[가-힣]{{2,4}}?)(?:\s?[\[(<]\s*{_EMAIL}\s*[\])>])?(?:입니다|이었습니다|였습니다)\.?"
                       rf"(?:\s*/{{1,2}}|\s*[(<]?\s*{_EMAIL}\s*[)>]?)?$")
# round 21: "… 홍길동입니다. (hong@yna.co.kr)": the reporter's email after it; "mbc뉴스 홍길동입니다.//": a script's end mark;
# YTN's "YTN 홍길동[hong@ytn.co.kr]입니다."; the place before ("한빛시청에서 MBC뉴스 …"), "지금까지 … 홍길동이었습니다."


def sign_off_outlet(sign_off: re.Match[str]) -> str | None:
    """The outlet a sign-off names: "연합뉴스 홍길동입니다" is 연합뉴스's (a Hangul name glued to 뉴스 is the outlet's whole
    name), "KBS 뉴스", "mbc뉴스", "채널A 뉴스" are KBS's, MBC's, 채널A's (round 21)."""
    outlet = sign_off["outlet"]
    if outlet and not sign_off["spaced"] and "가" <= outlet[-1] <= "힣":
        return outlet + "뉴스"
    return outlet or sign_off["channel"]
# "... 증가했다. <스포츠조선닷컴>": the outlet's name in angle brackets after the story's last sentence
_OUTLET_MARK_TAIL = re.compile(
    rf"{_AFTER_SENTENCE}\s*<(?P<outlet>[가-힣A-Za-z0-9]{{1,15}}(?:일보|경제|뉴스|신문|방송|닷컴|데일리|투데이|저널|미디어|TV))>$")
# "출처-한국경제": a forum repost's source line, a dash and an outlet's name (with a colon or = it is a photo's or a
# chart's credit: "출처: 연합뉴스", "출처: 통계청" name no outlet of the page); "<본 기사의 저작권은 한국경제에 있으며, 무단
# 전재 …>": the owner a copyright notice names
SOURCE_OUTLET = re.compile(r"^출처\s*[-–]\s*(?P<outlet>[가-힣][가-힣A-Za-z0-9]{1,19})$")
OWNER_OUTLET = re.compile(r"저작권은\s*(?P<outlet>[가-힣A-Za-z0-9]{2,20}?)\s*(?:에게|에)\s*있")
# round 20: and the kinds of reporter _JOB now knows (재외, 시민, 명예, 학생, 청소년, 편집): "박정연 재외기자" names no outlet 재외
_NOT_OUTLET = re.compile(r"(?:부|팀|국|센터|데스크|취재|기자|사진|대표|선임|수석|객원|인턴|수습|재외|시민|명예|학생|청소년|편집)$")
_FOOTER_OUTLET = re.compile(
    r"(?:^|\s)(?P<outlet>[^\s]{2,20}?)(?:은|는|이|가)\s+(?:[^\s]+\s+){0,4}?(?:제보|뉴스\s?제보)를\s+기다립니다"
)
# "저작권자 © 누구나 안심하고 … 언론 세이프머니(SafeMoney) 무단전재": a slogan between © and the name; the name is the
# word before 무단전재 (its Latin spelling in brackets and a full stop dropped)
_NAME_BEFORE_NOTICE = re.compile(r"(?P<outlet>[가-힣A-Za-z0-9()]{2,30})[.,]?\s*무단\s?(?:전재|복제)")
_SLOGAN_DASH = re.compile(r"\s+[-–—|]\s+")  # round 18: a dash between the outlet and its slogan
_COPYRIGHT_OUTLET = re.compile(
    r"(?:[ⓒ©Ⓒ]|\([cC]\))\s*(?:\d{4}\s+)?(?:['‘][^'‘’]{1,30}['’]\s*)?"  # "©'5개국어 글로벌 경제신문' 아주경제."
    r"(?:(?:\(주\)|㈜|주식회사\s)\s*)?"  # round 21: "ⓒ (주)한빛신문사": the company before its paper's name
    r"(?:by\s+)?"  # round 21: "Copyright ⓒ 2024 by 한빛일보" (read as the outlet "by" at main)
    r"(?P<outlet>(?![\d\s])[가-힣A-Za-z0-9]{2,20})(?!\.(?:com|co|kr|net))"
)

# "© BBS NEWS 무단전재", "ⓒ CNB NEWS": letters and NEWS in capitals, one name (the site's), before the notice's end
_CAPS_NEWS_BRAND = re.compile(r"(?P<outlet>[A-Z]{2,6} NEWS)(?=\s*(?:무단|$|,|\.|All|ALL))")


# round 21: "Copyright © Ulsan Munhwa Broadcasting Corporation", "© Korean Broadcasting System": a broadcaster's company
# name in English, its first word a town or an adjective (the regional MBCs print theirs so): it names no outlet as written
_LATIN_BROADCASTER = re.compile(r"(?:\s+[A-Z][a-z]+){0,2}\s+Broadcasting\b")


def _copyright_outlet(text: str, pos: int = 0) -> str | None:
    """The outlet a copyright notice names, from `pos` on: the word after ©, or the word before 무단전재 when words
    stand between them (a slogan: "© 누구나 안심하고 … 세이프머니(SafeMoney) 무단전재")."""
    hit = _COPYRIGHT_OUTLET.search(text, pos)
    if hit is None:
        return None
    brand = _CAPS_NEWS_BRAND.match(text, hit.start("outlet"))
    if brand:
        return brand["outlet"]  # "저작권자 © BBS NEWS 무단전재": the site's name as its notice writes it
    if _LATIN_BROADCASTER.match(text, hit.end()):
        return None  # round 21: "© Gwangju Munhwa Broadcasting Corporation": a town, not the outlet's name
    if _SLOGAN_DASH.match(text, hit.end()):
        return hit.group("outlet")  # "© 한빛일보 - 우리 고장의 믿음직한 이웃 무단전재": the outlet, then its slogan
    named = _NAME_BEFORE_NOTICE.search(text, hit.end())
    if named and len(text[hit.end() : named.start()].split()) >= 2:
        outlet = re.sub(r"\([^()]*\)", "", named["outlet"])
        if 2 <= len(outlet) <= 20 and "(" not in outlet and ")" not in outlet and _HANGUL.search(outlet):
            return outlet
    return company_outlet(hit.group("outlet"))


# round 21: "ⓒ (주)한빛신문사", "ⓒ 한빛일보사", "㈜한빛뉴스": the paper's company, (주) before its name or 사 after it; the
# paper is the name without them (no outlet in the gold of any set ends in 사)
_COMPANY = re.compile(r"^(?:\(주\)|㈜|주식회사)\s?|(?<=신문|일보|뉴스|방송)사$")
_OWN_CREDIT = re.compile(r"^[ⓒ©Ⓒ]\s?(?P<owner>(?:\(주\)|㈜|주식회사)?\s?[가-힣][가-힣A-Za-z0-9]{1,15})$")


def company_outlet(name: str) -> str:
    """The paper's name inside its company's: "(주)한빛신문사" -> "한빛신문"."""
    return _COMPANY.sub("", name).strip() or name


def own_credit(cell: str) -> str | None:
    """The outlet a photo's credit names when it is the paper's own company ("ⓒ (주)고성신문사"), else None."""
    hit = _OWN_CREDIT.match(cell) if cell[:1] in "ⓒ©Ⓒ" else None
    if hit is None:
        return None
    outlet = company_outlet(hit["owner"])
    return outlet if _HANGUL_OUTLET.search(outlet) else None


_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-./]|년)\s*(?P<m>\d{1,2})\s*(?:[-./]|월)\s*(?P<d>\d{1,2})(?!\d)\s*(?:일|\.)?"
    r"(?:\s*\(?\s*[월화수목금토일](?:요일)?\s*\)?)?"
    r"(?:\s*[\[(]?\s*T?\s*(?P<ampm>오전|오후|AM|PM|am|pm)?\s*(?P<H>\d{1,2})\s*(?::|시)\s*(?P<M>\d{2})(?:\s*분)?(?::\d{2}(?:\.\d+)?)?[\])]?)?"
)
# round 21: "최초입력", "기사전송", "게시", "지면" (a print date) and "게재 일자" too (최초 and 지면 were read as names)
_DATE_LABEL = r"(?:(?:기사\s?|최종\s?|최초\s?)*(?:입력|수정|등록|발행|승인|게재|게시|송고|업데이트|작성|편집|전송|지면)|Posted|Updated|Published)"
_DATE_SEGMENT = re.compile(rf"{_DATE_LABEL}?\s*(?:일시|시간|일자|일)?\s*[:：]?\s*{_DATE.pattern}")  # "등록일 2025-09-23"
# round 20: "발행일 2017-02-27 제7면": the print page after the date, with 제 and a space or without
# round 21: counters a CMS prints in its stamp line: "… 수정 2012-08-14 22:05:52 조회수 4", gnuboard's "작성자 작성일2024.01.18
# 댓글0건본문" (its hidden "본문" heading glued on); a blog's "by 한빛일보 2020. 4. 2."
# (and a label's brackets: "[입력] 2024.01.18 15:25")
_STAMP_COUNTS = r"(?:조회\s?수?|댓글|추천|공감)\s*[:：]?\s*\d[\d,]*\s*(?:회|건)?(?:본문)?|작성자|(?<![A-Za-z])[Bb]y(?=\s)|[\[\]]"
_COUNTER_PART = re.compile(rf"^(?:{_STAMP_COUNTS})$")
_DATE_REST = re.compile(rf"{_STAMP_COUNTS}|{_DATE_LABEL}|일시|기사\s?원문|원문\s?보기|\([월화수목금토일]\)|(?<![\d가-힣])\(?(?:제\s?)?[A-Z]?\d{{1,3}}\s?면\)?(?![가-힣])|[\s:：,·|/•]")  # "09:19 (목)"  # what may stand beside the dates of a date line
# round 21: a date labelled as an edit ("수정 …", "기사최종편집일 …", "업데이트 …") is read only when the page gives no other:
# the story's date is its first publication, and a page's last-edit stamp may be years after it
_EDIT_LABEL = re.compile(r"^\s*(?:기사\s?|최종\s?)*(?:수정|편집|업데이트)|^\s*Updated")
# round 21: "- 출처:점프볼|2025-01-06": an aggregator's source line above the story, the outlet and its date between bars
_SOURCE_PART = re.compile(r"^(?:[-–]\s)?출처\s*[:：]\s*(?P<outlet>[가-힣A-Za-z][가-힣A-Za-z0-9]{1,14})$")
_EMAIL_ONLY = re.compile(rf"^{_EMAIL}$")
_LABEL_ONLY = re.compile(rf"^{_DATE_LABEL}\s*(?:일시|시간)?\s*[:：]?$")  # "입력 | 2025-11-18 10:35:57"
_YEAR = re.compile(r"(?:19|20)\d{2}")  # in every date segment: a line without it is scanned for none (10x cheaper)
_YEAR_AT = re.compile(r"(?=(?:19|20)\d{2})")  # every place a year may start, overlapping ones too ("192012")
# Every character a segment's text before its year can hold (label, 일시, colon; spaces by isspace, as \s): a
# superset is safe, it only widens the few places tried
_SEGMENT_PREFIX_CHARS = frozenset(_DATE_LABEL + "일시간자:：")


def _date_segments(text: str) -> list[re.Match[str]]:
    """The matches of _DATE_SEGMENT.finditer(text), found by trying only the places a segment can start: each year
    and the run of label characters and spaces right before it. finditer tries every place of a line (a third of
    cleaning on generated articles); every segment holds a year, and what stands before its year in it is label
    characters and spaces only, so no segment starts before that run."""
    found: list[re.Match[str]] = []
    floor = 0  # where the next segment may start: after the last one, or after the last year tried
    for year in _YEAR_AT.finditer(text):
        p = year.start()
        if p < floor:
            continue
        q = p
        while q > floor and (text[q - 1] in _SEGMENT_PREFIX_CHARS or text[q - 1].isspace()):
            q -= 1
        for start in range(q, p + 1):
            hit = _DATE_SEGMENT.match(text, start)
            if hit:
                found.append(hit)
                floor = hit.end()
                break
        else:
            floor = p + 1
    return found
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


_GLUED_SECTION = re.compile(r"^(?P<section>[가-힣A-Za-z]{2,8})(?=(?:기사\s?)?(?:입력|수정|등록|승인|게재)\s*[:：]?\s*(?:19|20)\d\d)")


_PROGRAMME = re.compile(r"[가-힣A-Za-z0-9]{0,8}\s?(?:뉴스|News)[가-힣A-Za-z0-9]{0,6}(?:\s?\d{1,2}부)?")


def _names(group: str) -> list[str]:
    return [n for n in re.split(r"\s*[·ㆍ,]\s*|\s+", group) if n]


_JOB_WORDS = frozenset("선임 수석 전문 객원 인턴 수습 사진 영상 대표 기자 재외 시민 명예 학생 청소년 편집 취재".split())


def _add_byline(found: _Found, outlet: str | None, names: str | None, *, spaced: bool = False) -> None:
    """Record a byline. `spaced`: outlet and names were only separated by a space, so "김준석 임수빈 기자" may be
    two names and "홍길동 한경닷컴 기자" a name before its outlet."""
    if spaced and outlet and names and _looks_like_name(outlet) and not _OUTLET_TAIL.search(outlet):
        if all(map(_looks_like_name, _names(names))):
            outlet, names = None, f"{outlet} {names}"  # "김준석 임수빈 기자": two reporters
        else:
            outlet, names = names, outlet  # "홍길동 한경닷컴 기자"
    if outlet:
        outlet = outlet.strip(" ·,")
        if re.search(r"[가-힣]", outlet) and " " in outlet:  # "뉴스핌 Newspim": the Korean name; "서구 세계타임즈": the outlet's
            korean = [w for w in outlet.split() if re.search(r"[가-힣]", w)]
            outlet = next((w for w in reversed(korean) if _OUTLET_TAIL.search(w)), korean[0])
        if outlet and not _NOT_OUTLET.search(outlet) and "@" not in outlet:
            found.byline_outlets.append(outlet)
    for name in _names(names or ""):
        if _looks_like_name(name) and name not in found.reporters and name not in _JOB_WORDS:  # "강재훈 선임기자": 선임 no name
            found.reporters.append(name)


def _date_or_byline_line(text: str, found: _Found) -> bool:
    """True (and the date/byline recorded) when the whole line is dates, bylines and separators."""
    if len(text) > _MAX_FOOTER_CHARS or not ("기자" in text or "특파원" in text or _YEAR.search(text)):
        return False  # neither a byline (its 기자 or 특파원) nor a date (its year) can be in it
    parts = [p for p in _BAR_SPLIT.split(text) if p] if ("|" in text or "｜" in text or "│" in text) else [text]
    dates: list[tuple[str | None, str]] = []
    bylines: list[re.Match[str]] = []
    names: list[str] = []
    outlets: list[str] = []
    emails = 0
    edits: list[tuple[str | None, str]] = []  # round 21: dates labelled as edits (see _EDIT_LABEL)
    for part in parts:
        byline = _BYLINE_LINE.match(part) or _BRACKET_OUTLET_BYLINE.match(part) or (
            _LABELLED_REPORTER.match(part) if "기자" in part[:6] else None) or (
            _OUTLET_SLASH_BYLINE.match(part) if "/" in part else None)  # round 21
        if not byline:
            named = _NAME_OUTLET_LINE.match(part)
            byline = named if named and _looks_like_name(named["names"]) else None
        if byline:
            bylines.append(byline)
            continue
        if _LABEL_ONLY.match(part) and len(parts) > 1:
            continue
        if len(parts) > 1 and part[:1] in "조댓" and _COUNTER_PART.match(part):  # round 21: "… | 조회수 : 87"
            continue
        source = _SOURCE_PART.match(part) if len(parts) > 1 and "출처" in part[:4] and not found.seen_paragraph else None
        if source:  # round 21: "출처:점프볼|2025-01-06" above the story
            outlets.append(source["outlet"])
            continue
        if len(parts) > 1 and "@" in part and _EMAIL_ONLY.match(part):  # "hong@x.com | 2023-03-24 15:40:48"
            emails += 1
            continue
        segments = _date_segments(part) if _YEAR.search(part) else []
        if not segments:
            return False
        gaps = [part[end:start] for end, start in zip([0, *(s.end() for s in segments)], [*(s.start() for s in segments), len(part)])]
        rest = _DATE_REST.sub(" ", " ".join(gaps)).strip()  # as _DATE_SEGMENT.sub(" ", part): each segment a space
        if rest:  # beside the date: "홍길동 기자(hong@x.com)", or at the top a bare name "박종진", "안규현(춘삼)"
            byline = _BYLINE_LINE.match(rest)
            bare = None if byline or found.seen_paragraph else _BARE_NAME.match(rest)
            if byline:
                bylines.append(byline)
            elif bare and _looks_like_name(bare["names"]):
                names.append(bare["names"])
            elif _GLUED_SECTION.match(part) and _GLUED_SECTION.match(part).group("section") == rest:
                pass  # "헬스케어입력 :2022/11/14 10:28": the section's name glued to the date's label
            elif (_HANGUL_OUTLET.search(rest) or (_LATIN_OUTLET.fullmatch(rest) and part.startswith(rest))) and len(parts) == 1:
                outlets.append(rest)  # "연합뉴스 2025-03-27 00:00:51", "KBS 2023. 11. 13. 23:43": a portal's source line
            elif _PROGRAMME.fullmatch(rest):
                pass  # "입력 2017.02.02 (06:36) 수정 … 뉴스광장 1부": the broadcast the story ran in (after the outlet's line)
            else:
                return False
        for seg in segments:
            written = _DATE.search(seg.group(0))
            if written:
                # "2024-09-19 09:19 (목)": a weekday after the time still marks the page's "today" (see clean)
                weekday = None if _WEEKDAY.search(written.group(0)) else _WEEKDAY.search(part, seg.end(), seg.end() + 6)
                date = (parse_date(written.group(0)), written.group(0).strip() + (f" {weekday.group()}" if weekday else ""))
                (edits if _EDIT_LABEL.match(seg.group(0)) else dates).append(date)
    if emails and not (dates or edits or bylines):
        return False  # an email beside labels only: no date line
    found.dates.extend(dates)
    found.edit_dates.extend(edits)
    for byline in bylines:
        _add_byline(found, byline.group("outlet"), byline.group("names"), spaced=byline.re is _BYLINE_LINE)
    for name in names:
        _add_byline(found, None, name)
    for outlet in outlets:
        _add_byline(found, outlet, None)
    return True
