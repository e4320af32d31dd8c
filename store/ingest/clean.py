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
from ..model import Article, Document, InputError

# --- shared pieces ------------------------------------------------------------------------------

_NAME = r"[가-힣]{2,4}"
_NAMES = rf"{_NAME}(?:\s*[·ㆍ,]\s*{_NAME})*"
_NAMES_SP = rf"{_NAME}(?:(?:\s*[·ㆍ,]\s*|\s+){_NAME})*"  # also "홍길동 김철수": only where 기자/특파원 follows
_JOB = r"(?:선임|수석|전문|객원|인턴|수습|사진|영상|대표)?(?:기자|특파원)"  # 대표기자: the lead reporter, not an outlet "대표"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_CLOSERS = "\"'”’」』)]>"
_AFTER_SENTENCE = rf"(?<=[.!?{re.escape(_CLOSERS)}])"  # what a tail glued to a paragraph follows: a sentence's end
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
# How outlet names end: tells "한겨레 홍길동 기자" (outlet, name) from "김준석 임수빈 기자" (two names)
_OUTLET_TAIL = re.compile(r"(?:일보|경제|뉴스|신문|방송|닷컴|데일리|투데이|저널|타임스|타임즈|미디어|겨레|한경|매경|비즈|포스트|TV|[A-Za-z0-9])$")
# Wire and photo agencies: a line (or a caption's tail) that is only these is a photo credit, never the outlet
_AGENCIES = r"(?:AP|AFP|EPA|UPI|로이터|신화|교도|게티이미지(?:코리아|뱅크)?|연합뉴스|뉴시스|뉴스1|뉴스핌|AP통신|AFP통신)"


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
    # portal, archive and forum-repost chrome seen on real pages
    "기사 스크랩", "기사스크랩", "클린뷰", "기사목록", "기사 목록", "글자 크게", "글자 작게", "글자크게", "글자작게", "뒤로가기",
    "3줄 요약", "3줄요약", "본문전체읽기", "본문 전체읽기", "본문 전체 읽기", "로그인", "로그아웃", "회원가입", "ID/PW 찾기",
    "아이디/비밀번호 찾기", "원문보기", "원문 보기", "기사원문", "기사 원문", "좋아요", "싫어요", "후속기사 원해요", "전체메뉴",
    "메뉴", "검색", "이전", "다음", "이전글", "다음글", "목록보기", "목록으로", "스크랩하기", "퍼가기", "신고", "신고하기", "답글",
    "글쓰기", "추천", "추천하기", "바로가기", "댓글", "댓글쓰기", "댓글보기",
    "print", "Print", "PRINT", "share", "Share", "SHARE", "facebook", "twitter", "Top", "top", "menu", "MENU", "search", "login",
    "A+", "A-", "A", "URL", "비추천", "인쇄하기", "PDF지면보기", "지면보기", "AI 요약", "요약", "요약보기",
    "Advertisement", "ADVERTISEMENT", "광고",
    # a broadcast transcript's turn labels
    "[앵커]", "[기자]", "[리포트]", "<앵커>", "<기자>", "<리포트>", "<앵커 멘트>", "[앵커 멘트]", "<기자 멘트>",
})
# A button's own label: "위로가기 버튼", "스크랩버튼"; and links to the neighbouring stories: "Previous article…"
_BUTTON_LABEL = re.compile(r"^[가-힣A-Za-z]{1,8}(?:\s?[가-힣A-Za-z]{1,8})?\s?버튼$|^(?:Previous|Next)\s?(?:article|post|story)", re.I)
SECTION_LABELS = frozenset(
    "정치 경제 사회 국제 세계 문화 생활 라이프 연예 스포츠 IT 과학 IT과학 IT/과학 IT·과학 산업 재계 금융 증권 "
    "부동산 오피니언 사설 칼럼 전국 지역 기업 테크 유통 건강 여행 교육 환경 북한 외교 국방 피플 인물 포토 영상 "
    "경제일반 사회일반 정치일반 전체기사 최신기사 종합 뉴스 비즈 비즈니스 글로벌 마켓 자동차 모바일 게임 헬스 "
    "이슈 연재 트렌드 생활정보 매체 International edition English 日本語 中文 포토뉴스 동영상 게시판 자유게시판 "
    "정보통신 통신 방송 방송통신 전자 모빌리티 에너지 바이오 제약 중기 중소기업 벤처 스타트업 가상자산 재테크".split()
)
_LABEL_TAILS = frozenset({"이슈", "일반", "종합", "포커스", "게시판"})  # 경제이슈, 산업일반, 정치게시판
_FONT_SIZE = re.compile(r"^(?:본문\s?)?(?:글자|글씨|폰트|텍스트)\s?(?:크기|사이즈)(?:\s?(?:설정|조절|변경|선택))?$")
_REACTION = re.compile(r"^(?:(?:[가-힣]{1,6}\s?){1,3}요\s*\d+\s*)+$|^(?:추천|비추천|공감|비공감|찬성|반대|댓글)\s*\d+$")
# Forum counters and board chrome: "조회 1,234", "조회수 : 87 | 추천 3 | 댓글 2", "[공지] 게시판 이용 안내"
_COUNTERS = re.compile(
    r"^(?:(?:조회(?:수)?|추천(?:수)?|댓글(?:수)?|스크랩|공감|비공감|반대|찬성|좋아요|싫어요|공유|작성일|글쓴이|작성자|번호)"
    r"\s*[:：]?\s*[\d,.:\-\s]*[\s|·/]*){1,8}$"
)
_NOTICE = re.compile(r"^[\[【(]?\s*(?:공지|공지사항|알림|필독|안내)\s*[\]】)]|^(?:공지|공지사항)\s*[:：]")
_WEEKDAY = re.compile(r"\([월화수목금토일]\)|[월화수목금토일]요일|\d\.?\s+[월화수목금토일]\s*$")  # (금), 금요일, "22 금"
_PAGE_DAY = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s*\(?[월화수목금토일]\)?$")  # "11.23 (토)": a page date without its year
# Lines portals and aggregators put around a story they carry (Daum, Zum, Newspic, forum reposts): how they
# begin (matched at the start) and how they end (searched in the last characters only: lines can be long)
_PORTAL = re.compile(
    r"자동\s?요약\s|글자\s?크기\s?설정|이 글자\s?크기로 변경됩니다\.?$|\(예시\)\s|"
    r"이 기사에 대해 어떻게 생각하시나요\??$|뉴스픽의 주요 문장 추출 기술|"
    r"이 (?:콘텐츠|기사)를 공유(?:하세요|합니다)\.?$|알림 문구가 한\s?줄로 들어가는 영역입니다\.?$|"
    r"주소\s?복사가 완료되었습니다\.?$|(?:기사\s?)?URL이\s?복사되었습니다\.?$|<?이미지를 클릭하시면 크게 보실 수 있습니다>?\s*\|?$|에 유통된 기사입니다\.?$|"
    r"본문\s?수집\s?시각|원문\s?(?:출처|주소|링크)\s*[:：]|출처\s*[:：]\s*https?://|이슈\s\S.{1,30}$"
)
_PORTAL_END = re.compile(
    r"본문\s?보기를 권장합니다\.?$|에서 직접 확인하세요\.\s*해당 언론사로 이동합니다\.?$|"
    r"첫\s?(?:번째\s)?댓글을 작성해\s?(?:보세요|주세요)\.?$|\((?:바로가기|현재기사)\)?$|바로가기$"
)
_PORTAL_END_CHARS = 40
_PORTAL_OUTLET = re.compile(r"[“\"](?P<outlet>[^”\"]{2,20})[”\"]\s*기사 내용을")  # Newspic names the story's outlet
_OUTLET_LINE = re.compile(  # a logo line: "매일경제" alone
    r"^[가-힣A-Za-z0-9]{1,8}(?:일보|경제|신문|뉴스|방송|닷컴|데일리|투데이|저널|타임스|타임즈|미디어)$"
)
_AGENCY_LINE = re.compile(rf"^{_AGENCIES}(?:\s*[/·,]?\s*{_AGENCIES})*$")
# A byline that names a desk, not a person: "편집국", "온라인뉴스팀", "디지털뉴스부"
_DESK_LINE = re.compile(r"^[가-힣A-Za-z]{0,8}\s?(?:편집국|편집부|뉴스팀|뉴스부|취재팀|취재부|온라인팀|디지털팀|데스크)$")
_WEATHER = re.compile(
    r"^(?:맑음|흐림|구름많음|구름조금|구름|비|눈|소나기|비/눈|눈/비|안개|황사|박무|연무|천둥번개|진눈깨비)?"
    r"\s*[가-힣]{1,6}\s*[-−]?\d+(?:\.\d+)?\s*(?:℃|[°˚º]\s*C?)$"  # ˚ (ring above) and º stand in for ° on some pages
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
    r"Copyright\s*(?:[ⓒ©Ⓒ]|\(c\)|\d{4})|^\s*[ⓒ©Ⓒ]|제보를 기다립니다|제보하기",
    re.I,
)
_MAX_FOOTER_CHARS = 200  # a copyright or tip-line line is short; a long line mentioning "저작권자" is prose
_HAS_DIGIT = re.compile(r"\d")
_BAR_SPLIT = re.compile(r"\s*[|｜│]\s*")
_SENTENCE_BEFORE = re.compile(r"[가-힣][^.!?]{18,}?[다요][.!?]")
_URL_OR_EMAIL = re.compile(rf"^(?:https?://\S+|www\.\S+|{_EMAIL})$")
_OTHER_ARTICLES = re.compile(r"(?:기자|특파원)의?\s*(?:다른\s*기사|기사\s*더보기|구독)|다른\s*기사\s*보기$")
# Headers after which a page lists other stories or prices until the next paragraph of prose
_LIST_HEADER = re.compile(
    r"^(?:(?:주요|많이\s?본|가장\s?많이\s?본|인기|관련|추천|최신|실시간|오늘의|이\s?시각|핫|HOT|베스트|BEST|화제의|"
    r"에디터\s?픽|함께\s?보면\s?좋은|이\s?기사와\s?함께\s?많이\s?본|지금\s?뜨는|당신이\s?좋아할\s?만한)\s*"
    r"(?:랭킹\s*)?(?:뉴스|기사|콘텐츠|소식|포토|영상|검색어|이슈|랭킹)(?:\s*(?:더보기|TOP\s?\d+|랭킹))?|"
    r"[▲▶■]?\s*[^.!?]{1,40}\s모아\s?보기|"
    r"실시간\s*(?:암호화폐|가상화폐|코인)\s*시세|(?:오늘의\s*)?(?:상승|하락)\s*종목|관련\s*(?:기사|뉴스)\s*더보기)$",
    re.I,
)
_COMMENT_HEADER = re.compile(r"^(?:댓글\s?목록|전체\s?댓글(?:\s*\d+)?|댓글\s?\(\d+\)|AI\s?요약|요약\s?보기)$")  # the rest is not the story
_COMMENT_LINE = re.compile(
    r"^(?:등록된 댓글이 없습니다\.?|댓글\s?쓰기|댓글을 (?:입력|작성)해\s?주세요\.?|로그인 후 .*댓글.*|"
    r"첫 (?:번째 )?댓글을 남겨주세요\.?|댓글\s?\d*|댓글\s?보기|댓글\s?더보기)$"
)

# --- photo captions and credits ------------------------------------------------------------------

_IMAGE_STUB = re.compile(r"!\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\([^)\n]*\)")  # alt text may hold "[서울=뉴시스]"
_CREDIT_WORD = (r"(?:사진|자료|그래픽|영상|출처|사진\s?제공|자료\s?제공|사진\s?출처|그래픽\s?제공|이미지\s?제공|일러스트"
                r"|영상\s?취재|영상\s?편집|영상\s?촬영|촬영|편집)")  # "영상취재 : 박희현": a broadcast story's crew
# A line that is only a credit: "사진제공=삼성전자", "그래픽=홍길동", "[사진 = 매체명]", "(자료: 통계청)"; credits name no entity
_CREDIT_LINE = re.compile(rf"^[\[(<【]?\s*{_CREDIT_WORD}\s*[=:：]\s*[^\n]{{1,40}}?\s*[\])>】]?$")
# "/ 챗GPT 생성 이미지", "/현대차그룹 제공": a short line opening with a slash is the credit of a photo whose caption was lost
_SLASH_CREDIT = re.compile(r"^/\s*[^\s/][^/.!?]{0,30}$")
# "현대차[연합뉴스 제공][연합뉴스 제공] 국내 최대…": an image's alt text and credits glued before the lede
_LEADING_CREDITS = re.compile(r"^[^\[\]\s]{0,20}?(?:\[[^\[\]]{1,20}?\s*(?:제공|자료\s?사진|DB|캡처|캡쳐)\s*\]\s*)+")
# "...사진(오른쪽)": a caption names where things stand in the photo
_CAPTION_POSITION = re.compile(r"\((?:왼쪽|오른쪽|가운데|위|아래|앞줄|뒷줄)(?:부터|\s?[^()]{0,10})?\)$")
_PHOTO_DATE_CREDIT = re.compile(  # "... 참석하고 있다. 2025.3.27/뉴스1": the photo's date and agency
    r"(?<=[.!?。\"'”’」』)\]>])\s*(?P<date>(?:19|20)\d{2}\.\d{1,2}\.\d{1,2})\.?\s*/\s*(?P<outlet>[^\s/]{1,20})$"
)
_CREDIT_TAILS = (
    # (사진제공=SK수펙스추구협의회)  [사진=뉴시스]  <자료=통계청>  [사진출처=X(옛 트위터) ‘계정’]
    re.compile(rf"\s*\[\s*{_CREDIT_WORD}\s*[=:：]?[^\[\]]{{0,40}}\]$"),
    re.compile(rf"\s*[(<【]\s*{_CREDIT_WORD}\s*[=:：]?[^\[\]()<>【】]{{0,30}}[)>】]$"),
    # "... 이미지. [삼성전자]": a bare bracketed source after the caption's last sentence
    re.compile(r"(?<=[.!?])\s*\[[^\[\]=\d]{1,15}\]$"),
    # "... 경청하고 있다. 사진=홍길동 기자 hong@x.com"
    re.compile(rf"{_AFTER_SENTENCE}\s*{_CREDIT_WORD}\s*[=:]\s*{_NAMES}\s*{_JOB}(?:\s*[(<]?{_EMAIL}[)>]?)?$"),
    # "... 상관없음. 사진=조선DB"
    re.compile(rf"{_AFTER_SENTENCE}\s*{_CREDIT_WORD}\s*[=:]\s*[^\s=]{{1,20}}$"),
    # "... 티저 이미지. 연합뉴스"
    re.compile(rf"{_AFTER_SENTENCE}\s*{_AGENCIES}$"),
    _PHOTO_DATE_CREDIT,
    # [SK 제공]  (삼성전자 제공)  [연합뉴스 자료사진]
    re.compile(r"\s*[\[(<【][^\[\]()<>【】]{1,30}?\s*(?:제공|자료\s?사진|DB|캡처|캡쳐)\s*[\])>】]$"),
    # "... 있다. /SK그룹"  "/사진=연합뉴스"  "/사진 제공=네이버"
    re.compile(rf"{_AFTER_SENTENCE}\s*/\s*(?:{_CREDIT_WORD}\s*[=:]\s*)?[^\s/]{{1,20}}(?:\s+(?:제공|기자))?$"),
    # "... 있다. 2022.10.21. (공동취재사진)"
    re.compile(r"\s*[(\[]\s*(?:공동\s?취재\s?사진|공동\s?취재단?|사진\s?공동\s?취재단?|풀\s?사진)\s*[)\]]$"),
    # "... photo@newsis.com"  "... 2024.11.04."
    re.compile(rf"{_AFTER_SENTENCE}\s*[(<]?{_EMAIL}[)>]?$"),
    re.compile(rf"{_AFTER_SENTENCE}\s*(?:19|20)\d{{2}}[.\-/]\d{{1,2}}[.\-/]\d{{1,2}}\.?$"),
    # "... 있다. ⓒ뉴스1"  "... 밝히고 있다. ⓒ시사저널 김동현" (the outlet and its photographer)
    re.compile(rf"{_AFTER_SENTENCE}\s*[ⓒ©Ⓒ]\s*\S{{1,20}}(?:\s+{_NAME})?$"),
    # "... 공장인 메타플랜트 아메리카 조감도/현대차그룹 제공": a credit glued to a caption without a sentence end
    re.compile(r"(?<=[가-힣A-Za-z0-9])\s*/\s*[^\s/]{1,20}\s?제공$"),
    # "... 있다. 경주=임세준 기자"  "사진=홍길동 기자"
    re.compile(rf"{_AFTER_SENTENCE}\s*(?:사진\s*[=:]\s*)?[가-힣]{{1,8}}\s*=\s*{_NAMES}\s*{_JOB}$"),
)
# "... 있다. ⓒ시사저널 김동현": a credit naming a photographer after the owner is the outlet's own (a firm's handout
# credit, "ⓒ LG에너지솔루션", names no one)
_STAFF_PHOTO_CREDIT = re.compile(rf"{_AFTER_SENTENCE}\s*[ⓒ©Ⓒ]\s*(?P<outlet>[가-힣A-Za-z0-9]{{2,20}})\s+{_NAME}$")
_CAPTION_NAME_CREDIT = re.compile(rf"{_AFTER_SENTENCE}\s*{_NAMES}\s*{_JOB}$")  # "... 있다. 박혜원 기자"
_CAPTION_SHORT_TAIL = re.compile(rf"^(.*[.!?。][{re.escape(_CLOSERS)}]*)\s+(\S.{{0,24}})$")
_CAPTION_MARK = re.compile(r"^[▲△▶◀↑]\s*")

# --- bylines ------------------------------------------------------------------------------------

_BYLINE_PREFIXES = (
    # [뉴스웍스=이한익 기자]  [헤럴드경제(경주)=김현일·박혜원 기자]  [매체명=(시카고) 홍길동 특파원]
    re.compile(
        rf"^[\[【]\s*(?P<outlet>[^\[\]【】=()]{{1,30}}?)\s*(?:\([^()]{{1,15}}\))?\s*=\s*(?:\([^()]{{1,15}}\)\s*)?"
        rf"(?P<names>{_NAMES_SP})\s*{_JOB}\s*[\]】]"
    ),
    # [비즈데일리 최진호 기자]
    re.compile(rf"^[\[【]\s*(?P<outlet>[^\[\]【】=]{{1,30}}?)\s+(?P<names>{_NAMES})\s*{_JOB}\s*[\]】]"),
    # (서울=연합뉴스) 홍길동 기자 =   [서울=뉴시스]홍길동 기자 =   (경주=뉴스1) 홍길동 김철수 기자 =   [바르셀로나(스페인)=뉴시스]
    re.compile(
        rf"^[\[(【]\s*(?!사진|자료|그래픽|출처|제공)[가-힣]{{1,10}}(?:\([가-힣]{{1,10}}\))?\s*=\s*(?P<outlet>[^\[\]()【】=]{{1,20}}?)\s*[\])】]"
        rf"\s*(?:(?P<names>{_NAMES_SP})\s*{_JOB}\s*=)?"
    ),
    # 홍길동 기자 = 본문   홍길동 김철수 기자 = 본문   아주경제 홍길동 기자 = 본문
    re.compile(rf"^(?:(?P<outlet>[^\s=\[\]()]{{2,20}})\s+)?(?P<names>{_NAMES_SP})\s*{_JOB}\s*="),
)
_OUTLET_DATELINE = re.compile(r"^[\[【]\s*(?P<outlet>[가-힣A-Za-z0-9]{3,20})\s*[\]】]\s*(?=\S)")
# ...and its name must be a Korean outlet's: [bold], [OSEN] or [단독] opening a lede are no outlet
_HANGUL_OUTLET = re.compile(r"^[가-힣][가-힣A-Za-z0-9]*(?:일보|경제|뉴스|신문|방송|닷컴|데일리|투데이|저널|타임스|타임즈|미디어|포스트|비즈|TV)$")
_SPACED_PREFIX = _BYLINE_PREFIXES[-1]  # its outlet and names are only separated by spaces
# Page chrome glued to the end of a paragraph's last sentence (one-line pages): related headlines, tags, reactions,
# the copyright; cut when the tail is short
_INLINE_TAIL = re.compile(
    r"(?<=[.!?\"”'’)])\s*(?:관련\s?기사(?=\S)|#[가-힣A-Za-z0-9]|좋아요\s?\d|[<\[(]?\s*(?:[ⓒ©Ⓒ]|Copyright|저작권자))"
)
_MAX_INLINE_TAIL = 400
# A line that is only a byline: "[비즈데일리 최진호 기자]", "홍길동 기자 hong@x.com", "/홍길동 기자"
_BYLINE_LINE = re.compile(
    rf"^(?:글\s*[:：]\s*|{_EMAIL}\s+|[가-힣]{{1,8}}\s*=\s*)?"  # "글 : 홍길동 월간조선 기자"  "hong@x.com 홍길동 기자"  "구미=홍길동 기자"
    rf"[\[(<【/]?\s*(?:(?P<outlet>(?!\d)[^\s\[\]()<>=/@]{{2,20}})\s+)?(?P<names>{_NAMES_SP})\s*{_JOB}"
    rf"\s*(?:[(<\[]?\s*{_EMAIL}\s*[)>\]]?)?\s*[\])>】]?$"
)
# "홍길동 한국금융신문 기자 hong@x.com": a name, then an outlet longer than a name
_NAME_OUTLET_LINE = re.compile(
    rf"^(?P<names>{_NAME})\s+(?P<outlet>[^\s\[\]()<>=/@]{{2,20}})\s*{_JOB}\s*(?:[(<\[]?\s*{_EMAIL}\s*[)>\]]?)?$"
)
# "[뉴스핌 Newspim] 홍길동 기자 (hong@x.com)"  "[비즈데일리] 홍길동 기자"
_BRACKET_OUTLET_BYLINE = re.compile(
    rf"^[\[【]\s*(?P<outlet>[^\[\]【】=]{{1,30}}?)\s*[\]】]\s*(?P<names>{_NAMES_SP})\s*{_JOB}\s*(?:[(<\[]?\s*{_EMAIL}\s*[)>\]]?)?$"
)
# "| 매체명 = 홍길동 기자 |": a byline cell in a caption row
_CELL_BYLINE = re.compile(rf"^(?P<outlet>[^=|]{{1,20}}?)\s*=\s*(?P<names>{_NAMES_SP})\s*{_JOB}$")
# "안규현(춘삼)" or "박종진" beside a date at the top: a reporter named without 기자
_BARE_NAME = re.compile(r"^(?P<names>[가-힣]{2,4})(?:\s*\([^()]{1,10}\))?$")
# "... 말했다. 홍길동 기자 hong@x.com" at the end of the last paragraph
_BYLINE_TAIL = re.compile(
    rf"{_AFTER_SENTENCE}\s*(?:/\s*(?:(?P<outlet>[^\s/]{{2,20}})\s+(?={_NAME}\s*{_JOB}))?|<)?"
    rf"(?P<names>{_NAMES})\s*{_JOB}(?:\s*,\s*(?P<more>{_NAMES})\s*{_JOB})?\s*>?\s*(?:[(<]?{_EMAIL}[)>]?)?$"
)  # "... 말했다. 홍길동 기자 hong@x.com"  "... <홍길동기자>"  "... /디스이즈게임 홍길동 기자, 김철수 기자"
# "…밝혔습니다.이문현기자 mhlee@wowtv.co.kr한국경제TV 핫뉴스ㆍ…": on a page flattened to one line the byline and its
# email end the story and related headlines follow; the email is ASCII (\w would run on into the Hangul after it)
_BYLINE_EMAIL_INSIDE = re.compile(
    rf"{_AFTER_SENTENCE}\s*(?P<names>{_NAMES})\s*{_JOB}\s*[(<]?[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z]{{2,}})+[)>]?"
)
# A broadcast story's sign-off: "채널A 뉴스 남영주입니다.", "KBS 뉴스 홍길동입니다": the outlet and its reporter
_SIGN_OFF = re.compile(r"^(?P<outlet>[A-Za-z0-9가-힣]{2,10})\s?뉴스\s+(?P<names>[가-힣]{2,4})입니다\.?$")
# "... 증가했다. <스포츠조선닷컴>": the outlet's name in angle brackets after the story's last sentence
_OUTLET_MARK_TAIL = re.compile(
    rf"{_AFTER_SENTENCE}\s*<(?P<outlet>[가-힣A-Za-z0-9]{{1,15}}(?:일보|경제|뉴스|신문|방송|닷컴|데일리|투데이|저널|미디어|TV))>$")
_NOT_OUTLET = re.compile(r"(?:부|팀|국|센터|데스크|취재|기자|사진|대표|선임|수석|객원|인턴|수습)$")
_FOOTER_OUTLET = re.compile(
    r"(?:^|\s)(?P<outlet>[^\s]{2,20}?)(?:은|는|이|가)\s+(?:[^\s]+\s+){0,4}?(?:제보|뉴스\s?제보)를\s+기다립니다"
)
# "저작권자 © 누구나 안심하고 … 언론 세이프머니(SafeMoney) 무단전재": a slogan between © and the name; the name is the
# word before 무단전재 (its Latin spelling in brackets and a full stop dropped)
_NAME_BEFORE_NOTICE = re.compile(r"(?P<outlet>[가-힣A-Za-z0-9()]{2,30})[.,]?\s*무단\s?(?:전재|복제)")
_COPYRIGHT_OUTLET = re.compile(
    r"(?:[ⓒ©Ⓒ]|\([cC]\))\s*(?:\d{4}\s+)?(?:['‘][^'‘’]{1,30}['’]\s*)?"  # "©'5개국어 글로벌 경제신문' 아주경제."
    r"(?P<outlet>(?![\d\s])[가-힣A-Za-z0-9]{2,20})(?!\.(?:com|co|kr|net))"
)



def _copyright_outlet(text: str, pos: int = 0) -> str | None:
    """The outlet a copyright notice names, from `pos` on: the word after ©, or the word before 무단전재 when words
    stand between them (a slogan: "© 누구나 안심하고 … 세이프머니(SafeMoney) 무단전재")."""
    hit = _COPYRIGHT_OUTLET.search(text, pos)
    if hit is None:
        return None
    named = _NAME_BEFORE_NOTICE.search(text, hit.end())
    if named and len(text[hit.end() : named.start()].split()) >= 2:
        outlet = re.sub(r"\([^()]*\)", "", named["outlet"])
        if 2 <= len(outlet) <= 20 and "(" not in outlet and ")" not in outlet and _HANGUL.search(outlet):
            return outlet
    return hit.group("outlet")


# --- dates --------------------------------------------------------------------------------------

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-./]|년)\s*(?P<m>\d{1,2})\s*(?:[-./]|월)\s*(?P<d>\d{1,2})(?!\d)\s*(?:일|\.)?"
    r"(?:\s*\(?\s*[월화수목금토일](?:요일)?\s*\)?)?"
    r"(?:\s*T?\s*(?P<ampm>오전|오후|AM|PM|am|pm)?\s*(?P<H>\d{1,2})\s*(?::|시)\s*(?P<M>\d{2})(?:\s*분)?(?::\d{2}(?:\.\d+)?)?)?"
)
_DATE_LABEL = r"(?:(?:기사\s?|최종\s?)?(?:입력|수정|등록|발행|승인|게재|송고|업데이트|작성)|Posted|Updated|Published)"
_DATE_SEGMENT = re.compile(rf"{_DATE_LABEL}?\s*(?:일시|시간|일)?\s*[:：]?\s*{_DATE.pattern}")  # "등록일 2025-09-23"
_DATE_REST = re.compile(rf"{_DATE_LABEL}|일시|기사\s?원문|원문\s?보기|\([월화수목금토일]\)|[\s:：,·|]")  # "09:19 (목)"  # what may stand beside the dates of a date line
_LABEL_ONLY = re.compile(rf"^{_DATE_LABEL}\s*(?:일시|시간)?\s*[:：]?$")  # "입력 | 2025-11-18 10:35:57"
_YEAR = re.compile(r"(?:19|20)\d{2}")  # in every date segment: a line without it is scanned for none (10x cheaper)
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
    photo_dates: list[tuple[str | None, str]] = field(default_factory=list)
    credit_outlets: list[str] = field(default_factory=list)  # "ⓒ시사저널 김동현": an outlet and its photographer  # "2025.3.27/뉴스1": used when no date line
    seen_prose: bool = False
    seen_paragraph: bool = False  # a long paragraph of prose: the story has begun (a headline may end with "?")


def _norm(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def _is_prose(text: str) -> bool:
    return len(text) >= 20 and _ends_sentence(text) and len(_HANGUL.findall(text)) >= 8


def _is_label(word: str) -> bool:
    """A section label, also compounded: 경제이슈, 산업일반."""
    if word in SECTION_LABELS:
        return True
    return len(word) <= 8 and any(word[:i] in SECTION_LABELS and word[i:] in _LABEL_TAILS for i in range(1, len(word)))


# The whole-line debris patterns as one alternation: one match call instead of sixteen. All are anchored at the
# start (match), so a long line of prose fails each at its first characters.
_DEBRIS_LINE = re.compile("|".join(
    f"(?i:{rx.pattern})" if rx.flags & re.IGNORECASE else f"(?:{rx.pattern})"
    for rx in (_REACTION, _WEATHER, _WEATHER_CREDIT, _NUMBERS_ONLY, _BREADCRUMB, _LINK_FOOTER, _CONTACT, _URL_OR_EMAIL,
               _COMMENT_LINE, _COUNTERS, _NOTICE, _PAGE_DAY, _PORTAL, _CREDIT_LINE, _SLASH_CREDIT, _AGENCY_LINE, _DESK_LINE,
               _BUTTON_LABEL)))


def _is_debris(core: str) -> bool:
    """Page chrome that is a whole line on its own (core = the line without a bullet mark)."""
    if core in PAGE_BUTTONS or _is_label(core) or _FONT_SIZE.match(core):
        return True
    if "/" in core or "·" in core or ">" in core:  # "IT/과학", "경제 > 산업"
        parts = [p.strip() for p in re.split(r"[/·>›]", core)]
        if all(_is_label(p) for p in parts if p) and any(parts):
            return True
    if len(core) <= 80:  # a row of buttons or menu labels: "목록 스크랩 댓글", "회원가입 | ID/PW 찾기", "뉴스 트렌드 생활정보"
        parts = [p for p in re.split(r"\s*[|｜·]\s*", core) if p]
        if len(parts) > 1 and all(p in PAGE_BUTTONS or _is_label(p) for p in parts):
            return True
        words = core.split()
        if len(words) > 1 and all(w in PAGE_BUTTONS or _is_label(w) for w in words):
            return True
    if not re.search(r"\w", core):  # only symbols: "|", "---", "…"
        return True
    if _DEBRIS_LINE.match(core):
        return True
    if _PORTAL_END.search(core, max(0, len(core) - _PORTAL_END_CHARS)):
        return True
    if len(core) <= _MAX_FOOTER_CHARS:
        hit = _COPYRIGHT.search(core)
        if hit and not _SENTENCE_BEFORE.search(core, 0, hit.start()):  # a story glued before it is cut, not dropped
            return True
        if _OTHER_ARTICLES.search(core):
            return True
    return False


def _names(group: str) -> list[str]:
    return [n for n in re.split(r"\s*[·ㆍ,]\s*|\s+", group) if n]


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
        if re.search(r"[가-힣]", outlet) and " " in outlet:  # "뉴스핌 Newspim": the Korean name
            outlet = next(w for w in outlet.split() if re.search(r"[가-힣]", w))
        if outlet and not _NOT_OUTLET.search(outlet) and "@" not in outlet:
            found.byline_outlets.append(outlet)
    for name in _names(names or ""):
        if _looks_like_name(name) and name not in found.reporters:
            found.reporters.append(name)


def _date_or_byline_line(text: str, found: _Found) -> bool:
    """True (and the date/byline recorded) when the whole line is dates, bylines and separators."""
    if len(text) > _MAX_FOOTER_CHARS or not (_HAS_DIGIT.search(text) or "기자" in text or "특파원" in text):
        return False  # neither a date nor a byline can be in it
    parts = [p for p in _BAR_SPLIT.split(text) if p]
    dates: list[tuple[str | None, str]] = []
    bylines: list[re.Match[str]] = []
    names: list[str] = []
    for part in parts:
        byline = _BYLINE_LINE.match(part) or _BRACKET_OUTLET_BYLINE.match(part)
        if not byline:
            named = _NAME_OUTLET_LINE.match(part)
            byline = named if named and _looks_like_name(named["names"]) else None
        if byline:
            bylines.append(byline)
            continue
        if _LABEL_ONLY.match(part) and len(parts) > 1:
            continue
        segments = list(_DATE_SEGMENT.finditer(part)) if _YEAR.search(part) else []
        if not segments:
            return False
        rest = _DATE_REST.sub(" ", _DATE_SEGMENT.sub(" ", part)).strip()
        if rest:  # beside the date: "홍길동 기자(hong@x.com)", or at the top a bare name "박종진", "안규현(춘삼)"
            byline = _BYLINE_LINE.match(rest)
            bare = None if byline or found.seen_paragraph else _BARE_NAME.match(rest)
            if byline:
                bylines.append(byline)
            elif bare and _looks_like_name(bare["names"]):
                names.append(bare["names"])
            else:
                return False
        for seg in segments:
            written = _DATE.search(seg.group(0))
            if written:
                # "2024-09-19 09:19 (목)": a weekday after the time still marks the page's "today" (see clean)
                weekday = None if _WEEKDAY.search(written.group(0)) else _WEEKDAY.search(part, seg.end(), seg.end() + 6)
                dates.append((parse_date(written.group(0)), written.group(0).strip() + (f" {weekday.group()}" if weekday else "")))
    found.dates.extend(dates)
    for byline in bylines:
        _add_byline(found, byline.group("outlet"), byline.group("names"), spaced=byline.re is _BYLINE_LINE)
    for name in names:
        _add_byline(found, None, name)
    return True


def _strip_credits(text: str, caption: bool) -> tuple[str, bool]:
    """Remove trailing photo credits; in a caption also a bare name credit or a short tail after the last sentence."""
    if not caption and text[-1:] in ".!?。" and not text[-2:-1].isdigit():
        return text, False  # prose ends in its own sentence: every credit tail needs something after it
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
    in_footer = False  # after a copyright or tip-line footer that follows the story: only prose is kept
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
        if in_footer and (bulleted or line.startswith(("-", "–", "·")) or not _is_prose(core)):
            found.lines.append(_Line("", "sep"))
            continue
        # "| caption |" rows, and "↑ caption / 사진 = 연합뉴스 |" whose opening bar the converter lost
        if (line.startswith("|") and line.endswith("|") and len(line) > 1) or (line.endswith("|") and line.count("|") == 1):
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
        if _is_debris(core) or _OUTLET_LINE.match(core):
            for rx in (_FOOTER_OUTLET, _COPYRIGHT_OUTLET, _PORTAL_OUTLET, _OUTLET_LINE):  # "ⓒ 연합뉴스", a logo line
                hit = rx.search(core)
                if hit:
                    found.footer_outlets.append(
                        core if rx is _OUTLET_LINE else _copyright_outlet(core) if rx is _COPYRIGHT_OUTLET else hit.group("outlet"))
                    break
            in_footer = in_footer or (found.seen_prose and len(core) <= _MAX_FOOTER_CHARS and bool(_COPYRIGHT.search(core)))
            found.lines.append(_Line("", "sep"))
            continue
        sign_off = _SIGN_OFF.match(core)
        if sign_off and _looks_like_name(sign_off["names"]):
            _add_byline(found, sign_off["outlet"], sign_off["names"])
            found.lines.append(_Line("", "sep"))
            continue
        if _date_or_byline_line(core, found):  # "• 승인 2022.01.07 17:22" as a bulleted list item too
            found.lines.append(_Line("", "sep"))
            continue
        line = _LEADING_CREDITS.sub("", line)  # "현대차[연합뉴스 제공] 국내 최대…": alt text and credit glued to the lede
        if not line:
            found.lines.append(_Line("", "sep"))
            continue
        after_byline = False
        for rx in _BYLINE_PREFIXES:
            byline = rx.match(line)
            if byline:
                _add_byline(found, byline.groupdict().get("outlet"), byline.group("names"), spaced=rx is _SPACED_PREFIX)
                line, after_byline = line[byline.end():].strip(), True
                break
        if not after_byline and not found.seen_prose:
            named = _OUTLET_DATELINE.match(line)  # "[이코노믹데일리] 국내 IT 양대산맥인…": the outlet, no reporter
            if named and _HANGUL_OUTLET.search(named["outlet"]):
                _add_byline(found, named["outlet"], None)
                line = line[named.end():]
        if not line:
            found.lines.append(_Line("", "sep"))
            continue
        window = line[-_MAX_INLINE_TAIL:]
        inline = _INLINE_TAIL.search(line, max(0, len(line) - _MAX_INLINE_TAIL)) if any(
            mark in window for mark in ("관련", "#", "좋아요", "ⓒ", "©", "Copyright", "저작권자")) else None
        if inline and inline.start() > 0 and not re.fullmatch(
                rf"\s*[ⓒ©Ⓒ]\s*\S{{1,20}}(?:\s+{_NAME})?", line[inline.start():]):  # not "ⓒ회사", "ⓒ시사저널 김동현": a photo credit
            outlet = _copyright_outlet(line, inline.start())
            if outlet:
                found.footer_outlets.append(outlet)
            line = line[: inline.start()].rstrip()
        glued = _BYLINE_EMAIL_INSIDE.search(line) if "@" in line else None
        if glued and len(line) - glued.end() <= _MAX_INLINE_TAIL:  # a one-line page: byline, email, then chrome
            _add_byline(found, None, glued.group("names"))
            line = line[: glued.start()].rstrip()
        marked = _OUTLET_MARK_TAIL.search(line) if line.endswith(">") else None
        if marked:
            found.footer_outlets.append(marked["outlet"])
            line = line[: marked.start()].rstrip()
        tail = _BYLINE_TAIL.search(line)
        if tail:
            _add_byline(found, tail.group("outlet"), tail.group("names"))
            if tail.group("more"):
                _add_byline(found, None, tail.group("more"))
            line = line[: tail.start()].rstrip()
            if not line:
                found.lines.append(_Line("", "sep"))
                continue
        photo = _PHOTO_DATE_CREDIT.search(line, max(0, len(line) - 40)) if "/" in line[-40:] else None
        if photo:
            found.photo_dates.append((parse_date(photo["date"]), photo["date"]))
            found.footer_outlets.append(photo["outlet"])
            _photo_page(found)
        staff = _STAFF_PHOTO_CREDIT.search(line, max(0, len(line) - 40)) if "ⓒ" in line[-40:] or "©" in line[-40:] else None
        if staff:
            found.credit_outlets.append(staff["outlet"])
        line, is_caption = _strip_credits(line, caption=False)
        if is_caption or (line.endswith(")") and _CAPTION_POSITION.search(line) and not _ends_sentence(line)):
            found.lines.append(_Line(_CAPTION_MARK.sub("", line), "caption"))
            continue
        found.seen_prose = found.seen_prose or _ends_sentence(line)
        found.seen_paragraph = found.seen_paragraph or (len(line) >= 60 and _is_prose(line))
        found.lines.append(_Line(line, "text", after_byline))
    return found


def _photo_page(found: _Found) -> None:
    """A photo page: "(서울=뉴스1) 홍길동 기자 = caption…" running straight into a line that ends with the photo's
    date and agency, with no other text before: the whole block is the caption, not a story beside it."""
    i = len(found.lines)
    while i > 0 and found.lines[i - 1].kind == "text":
        i -= 1
    block = found.lines[i:]
    if block and block[0].after_byline and not any(ln.kind == "text" for ln in found.lines[:i]):
        for ln in block:
            ln.kind = "caption"


def _caption_row(line: str, found: _Found) -> None:
    """A `| ... |` row: keep each cell that is a prose caption, without its photo credit."""
    kept = False
    for cell in line.strip("|").split("|"):
        cell = _norm(cell)
        if not cell or re.fullmatch(r":?-{2,}:?", cell):
            continue
        byline = _CELL_BYLINE.match(cell)
        if byline:  # "| 매체명 = 홍길동 기자 |"
            _add_byline(found, byline["outlet"], byline["names"])
            continue
        if _date_or_byline_line(cell, found) or _CREDIT_LINE.match(cell):
            continue
        caption, _ = _strip_credits(cell, caption=True)
        if len(_HANGUL.findall(caption)) >= 8 and (_ends_sentence(caption) or len(caption) >= 40):
            found.lines.append(_Line(_CAPTION_MARK.sub("", caption), "caption"))
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
    title_from = ("meta" if meta_title and title == meta_title else "headline") if title else None
    head_texts = {_key(t) for t in [title or "", *deck] if t}
    rest = found.lines[body_start:]
    captions = _dedupe([ln.text for ln in rest if ln.kind == "caption"], head_texts)
    # a caption repeated without its credit is still the caption
    paragraphs = _dedupe([ln.text for ln in rest if ln.kind == "text"], head_texts | {_key(c) for c in captions})
    if not paragraphs:  # a photo page: its captions are the story
        paragraphs, captions = captions, []
    if not paragraphs:
        raise InputError("no article text after cleaning")
    deck = [d for d in deck if _key(d) != _key(title or "")]  # an aggregator repeats the headline below its buttons
    if not title and deck:  # no headline: the deck's first line stands in (seed 003)
        title, deck, title_from = deck[0], deck[1:], "deck"
    elif not title:  # nor a deck: the lede's first sentence, never a file name
        title, title_from = lede_title(paragraphs[0]), "lede"
    subtitle = _first(meta.get("subtitle")) or ("\n".join(deck) if deck else None)

    date_text = _first(meta.get("date"))
    date = parse_date(date_text) if date_text else None
    dates = found.dates or found.photo_dates
    if not date_text and dates:
        # A date written with its weekday is the page's "today" in a header (2024.11.22 금요일): the story's own
        # date, when there is one, wins; otherwise the first readable date.
        date, date_text = next(((iso, text) for iso, text in dates if iso and not _WEEKDAY.search(text)),
                               next(((iso, text) for iso, text in dates if iso), dates[0]))
    reporters = _meta_list(meta.get("reporters")) or found.reporters
    outlet = _first(meta.get("outlet"), *found.byline_outlets, *found.footer_outlets, *found.credit_outlets)
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
        title_from=title_from,
        captions=captions,
    )


MAX_LEDE_TITLE_CHARS = 100
_FIRST_SENTENCE = re.compile(rf"^.+?[.!?。][{re.escape(_CLOSERS)}]*(?=\s|$)")


def lede_title(paragraph: str) -> str:
    """A title for a text without a headline: the first sentence of its lede, cut at a word if long."""
    match = _FIRST_SENTENCE.match(paragraph[: 4 * MAX_LEDE_TITLE_CHARS])
    sentence = match.group(0) if match else paragraph
    if len(sentence) <= MAX_LEDE_TITLE_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, MAX_LEDE_TITLE_CHARS)
    return sentence[: cut if cut > MAX_LEDE_TITLE_CHARS // 2 else MAX_LEDE_TITLE_CHARS].rstrip(" ,") + "…"
