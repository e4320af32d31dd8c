"""Page furniture and photo material: whole lines of chrome (buttons, labels, counters, weather, footers),
photo credits, and the captions kept apart from the story."""
from __future__ import annotations

import re

from .clean_base import (_AFTER_SENTENCE, _CLOSERS, _EMAIL, _Found, _HANGUL, _JOB, _Line, _MAX_FOOTER_CHARS, _NAME,
                         _NAMES, _ends_sentence, _norm)
from .clean_meta import _CELL_BYLINE, _add_byline, _date_or_byline_line, own_credit

# Wire and photo agencies: a line (or a caption's tail) that is only these is a photo credit, never the outlet
_AGENCIES = r"(?:AP|AFP|EPA|UPI|로이터|신화|교도|게티이미지(?:코리아|뱅크)?|연합뉴스|뉴시스|뉴스1|뉴스핌|AP통신|AFP통신)"
# a broadcast transcript's turn labels: the text after one is a turn of speech, never a deck
TURN_LABELS = frozenset({"[앵커]", "[기자]", "[리포트]", "<앵커>", "<기자>", "<리포트>", "<앵커 멘트>", "[앵커 멘트]", "<기자 멘트>",
                         "[앵커멘트]", "<앵커멘트>", "[기자 멘트]",
                         "[현장음]", "<현장음>", "[녹취]", "<녹취>"})  # round 20: the scene's sound, then its speech
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
    "Advertisement", "ADVERTISEMENT", "광고", "AD",
    # share rows and font-size pickers (페이스북 공유 트위터 공유 … 구분선 댓글, URL 줄이기 페이스북 X, 가장 작은 크기 글자 …)
    "X", "네이버밴드", "카카오톡 공유", "구분선", "줄이기", "메일", "이메일", "인스타그램", "유튜브", "확대", "축소", "글씨", "크기",
    "선택", "가장", "작은", "큰", "글자", "단계", "한",
    # the chrome of a CMS many local outlets share, pop-up and menu toggles
    "실시간 댓글", "상태바", "이 기사를 공유합니다", "기사 메일전송", "기사수정", "전체메뉴닫기", "전체전체메뉴닫기", "오늘 하루 열지 않음",
    "배너 닫기", "본문바로가기", "메뉴바로가기", "상단여백", "하단여백", "관련기사목록", "관련기사 목록",
    # ad slots, search and archive labels, a portal's source fields (배너, 상세검색, 최근소식 / 출처 / 작성일 / 원본URL)
    "배너", "상세검색", "최근소식", "출처", "작성일", "원본URL", "원본 URL",
    # a broadcast transcript's turn labels
    *TURN_LABELS,
    # a forum's (gnuboard) post chrome and a wire story's end mark
    "페이지 정보", "회원로그인", "포인트충전", "포인트 충전", "클립보드 복사", "사이트 내 전체검색", "본문", "(끝)", "<끝>", "/끝/",
    # a label above the story, and a masthead's slogan (오마이뉴스)
    "기사본문", "모든 시민은 기자다", "당신이 담은 순간이 뉴스입니다!",
    # a broadcaster's page: layout and player labels
    "기사 본문 영역", "상세페이지", "자동재생", "동영상영역 시작", "동영상영역 끝",
    # a reaction bar's labels when each count is on a line of its own (추천해요 / 0 / 슬퍼요 / 0), a comment link
    "추천해요", "슬퍼요", "화나요", "훈훈해요", "놀랐어요", "기뻐요", "감동이에요", "응원해요", "팬이에요", "흥미진진해요",
    "후속기사 원해요", "추가취재 원해요", "코멘트", "더보기",
    # a section's link to its full list, share and tip buttons under the story (round 14)
    "전체기사 보기", "전체기사보기", "전체 기사 보기", "SNS 기사보내기", "기사보내기", "기사 보내기", "기사제보", "기사 제보",
    # round 16: a mail button, a page's layout labels, a forum's favourites widget, an aggregator's link and Q&A widget,
    # a news site's photo button
    "이메일보내기", "이메일 보내기", "메일보내기", "메일 보내기", "상단영역", "본문영역", "하단영역", "기사영역", "상단 영역",
    "본문 영역", "하단 영역", "게시판 즐겨찾기", "즐겨찾기", "편집", "Read Entire Article", "Read entire article",
    "Read Full Story", "Read full story", "Ask about this article", "이미지 확대", "더보기 이미지",
})
# round 17: a share button written as two words, and a comment widget's end mark left by the converter
PAGE_BUTTONS = PAGE_BUTTONS | frozenset({"기사 공유", "기사공유", "--comment--"})
# A button's own label: "위로가기 버튼", "스크랩버튼"; and links to the neighbouring stories: "Previous article…"
# "공유하기 버튼": tried only on lines holding 버튼 (its run of letters cost each line's look, profiled)
_BUTTON_WORD = re.compile(r"^[가-힣A-Za-z]{1,8}(?:\s?[가-힣A-Za-z]{1,8})?\s?버튼$", re.I)
_BUTTON_LABEL = re.compile(r"^(?:Previous|Next)\s?(?:article|post|story)"
                           # "페이스북으로 보내기", "카카오스토리로 보내기": a share button
                           r"|^(?:페이스북|트위터|카카오스토리|카카오톡|네이버|밴드|라인|텔레그램|구글|링크드인)(?:으)?로\s?보내기$"
                           # "작성자 맘마미 작성일24-05-05 03:34 조회21회 댓글0건": a forum post's information row
                           r"|^작성자\s.{1,60}?작성일\s?\d{2,4}[-.]\d{1,2}[-.]\d{1,2}", re.I)
SECTION_LABELS = frozenset(
    "정치 경제 사회 국제 세계 문화 생활 라이프 연예 스포츠 IT 과학 IT과학 IT/과학 IT·과학 산업 재계 금융 증권 "
    "부동산 오피니언 사설 칼럼 전국 지역 기업 테크 유통 건강 여행 교육 환경 북한 외교 국방 피플 인물 포토 영상 "
    "경제일반 사회일반 정치일반 전체기사 최신기사 종합 뉴스 비즈 비즈니스 글로벌 마켓 자동차 모바일 게임 헬스 "
    "이슈 연재 트렌드 생활정보 매체 International edition English 日本語 中文 포토뉴스 동영상 게시판 자유게시판 "
    "정보통신 통신 방송 방송통신 전자 모빌리티 에너지 바이오 제약 중기 중소기업 벤처 스타트업 가상자산 재테크 "
    "전체 야구 해외야구 축구 해외축구 국내축구 골프 농구 배구 속보 ICT".split()
)
_LABEL_TAILS = frozenset({"이슈", "일반", "종합", "포커스", "게시판", "포럼"})  # 경제이슈, 산업일반, 정치게시판
_FONT_SIZE = re.compile(r"^(?:본문\s?)?(?:글자|글씨|폰트|텍스트)\s?(?:크기|사이즈)(?:\s?(?:설정|조절|변경|선택))?$")
# tried only on lines whose last letter (but spaces) is a digit, as each of its branches ends (its runs of letters cost
# each line's look, profiled)
_REACTION = re.compile(r"^(?:(?:[가-힣]{1,6}\s?){1,3}요\s*\d+\s*)+$|^(?:추천|비추천|공감|비공감|찬성|반대|댓글)\s*\d+$")
# Forum counters and board chrome: "조회 1,234", "조회수 : 87 | 추천 3 | 댓글 2", "[공지] 게시판 이용 안내"
# round 21: each counter an atomic group: its three runs of spaces (before and after the colon, in and after the value)
# made "작성자 : 작성자 : …" try every split of its spaces, seconds on one line (a counter's text is read once)
_COUNTERS = re.compile(
    r"^(?>(?:조회(?:수)?|추천(?:수)?|댓글(?:수)?|스크랩|공감|비공감|반대|찬성|좋아요|싫어요|공유|작성일|글쓴이|작성자|번호)"
    r"\s*[:：]?\s*[\d,.:\-\s]*(?:회|개|건|명|번)?[\s|·/]*){1,8}$"  # "조회수 : 892회", "댓글수 : 0개"
)
# A forum's post chrome (a favourites widget's notice, the post's ID and short-link button, its author), a reporter's
# profile under the story ("담당업무 : 유통 담당합니다.", "좌우명 : …"), a desk's list link ("동부권 기사리스트"), an
# aggregator's Q&A widget, and a notice of whom the story's legal responsibility lies with ("위 기사의 법적인 책임과
# 권한은 내일엘엠씨에 있습니다.": a publisher's corporate name, not the outlet)
_FORUM_CHROME = re.compile(
    # round 18: a board post's row: the poster's nickname, comment and view counts, the post time ("별명 0 546 2023.05.10
    # 00:20"); the post time is the repost's, never the story's date
    r"^(?:[^\s\d][^\s]{0,14}\s\d[\d,]*\s\d[\d,]*\s(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}(?:\s\d{1,2}:\d\d(?::\d\d)?)?$|드래그\s?(?:앤|&)\s?드롭으로|즐겨찾기\s?아이콘.{0,20}가능합니다\.?$|게시물\s?ID\s*[:：]|짧은\s?주소\s?복사|"
    r"(?:작성자|글쓴이|닉네임)\s*[:：]\s*[^\s:：]{1,20}$|(?:담당\s?업무|좌우명)\s*[:：]|[가-힣]{1,8}\s?기사\s?리스트$|"
    r"Answer for your question|반론할\s?내용이\s?있으시면|[가-힣A-Za-z0-9]{2,20}의\s?모든\s?기사에\s?(?:대해|대하여)\s?반론할|(?:위|이|본)\s?기사의\s?(?:법적\s?)?(?:법적인\s?)?책임과\s?권한은\s?[^\s]{1,20}에\s?있습니다\.?$)"
)
# "일간제주의 모든 기사에 대해 반론할 수 있는 권리가 보장됩니다.": a right-of-reply footer names the outlet
REPLY_OUTLET = re.compile(r"^(?P<outlet>[가-힣A-Za-z0-9]{2,20}?)의\s?모든\s?기사에\s?(?:대해|대하여)\s?반론할")
# "중도일보(www.joongdo.co.kr), 무단전재 및 수집, 재배포 금지": a copyright line naming the outlet and its web address
WEB_OUTLET = re.compile(r"^(?:[ⓒ©Ⓒ]\s*)?(?P<outlet>[가-힣][가-힣A-Za-z0-9]{1,19})\s?\(\s*(?:https?://)?(?:www\.)?[A-Za-z0-9-]+"
                        r"(?:\.[A-Za-z0-9-]+)+/?\s*\)\s*[,.]?\s*(?:무단|All\s|저작권)")
# round 18: a section list's own header: "실시간 수도권소식 기사", "최신 지역뉴스 기사 목록"
_LIST_TITLE = re.compile(r"^(?:실시간|최신)\s?[가-힣A-Za-z·]{1,10}\s?(?:기사|뉴스)(?:\s?목록)?$")
_NOTICE = re.compile(r"^[\[【(]?\s*(?:공지|공지사항|알림|필독|안내)\s*[\]】)]|^(?:공지|공지사항)\s*[:：]")
# "검색결과414건": a search box's count; "UPDATED. 2024-04-26 11:15 (금)": the page's clock, not the story's date
_SEARCH_COUNT = re.compile(r"^검색\s?결과\s*[\d,]+\s*건$|^(?:LAST\s)?UPDATED\.?\s*(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}.{0,12}$")
# "SBS 뉴스 상단 메뉴", "전체 메뉴 열기": a menu's own label
_MENU_LABEL = re.compile(r"^[A-Za-z0-9가-힣]{0,10}(?:\s?뉴스)?\s?(?:상단|하단|주요|전체|메인|서브)\s?메뉴(?:\s?(?:열기|닫기|보기|바로가기))?$")
# A page's skip links and pop-up closers: "메뉴 건너뛰기", "본문으로 바로가기", "탑배너 닫기", "띠 배너 닫기"
_SKIP_LINK = re.compile(r"^(?:주\s?메뉴|메뉴|본문|콘텐츠|컨텐츠|상단\s?메뉴)\s?(?:으로|로)?\s?(?:건너뛰기|바로\s?가기)$"
                        r"|^[가-힣A-Za-z]{1,6}\s?배너\s?(?:닫기|열기)$")
# The publisher's legal block at the foot of a page, one field a line: "대표이사/발행인 : 이영섭", "사업자등록번호 : 101-…",
# "청소년보호책임자 : 안병길", "통신판매업신고 : 서…" (the address line names places that are not the story's)
_COMPANY_INFO = re.compile(
    r"^(?:대표이사|발행인|편집인|발행·?편집인|편집국장|편집장|주소|본사|사업자\s?등록\s?번호|인터넷\s?신문\s?등록\s?번호|등록\s?번호|"
    r"고충\s?처리인|청소년\s?보호\s?책임자|개인정보\s?(?:보호\s?)?(?:관리\s?)?책임자|통신\s?판매업\s?신고(?:번호)?|"
    r"제호|대표\s?전화|발행소)(?:\s*/\s*[가-힣·]{2,6}){0,2}\s*[:：]"
)
_PAGE_DAY = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s*\(?[월화수목금토일]\)?$")  # "11.23 (토)": a page date without its year
# Lines portals and aggregators put around a story they carry (Daum, Zum, Newspic, forum reposts): how they
# begin (matched at the start) and how they end (searched in the last characters only: lines can be long)
_PORTAL = re.compile(
    r"자동\s?요약\s|글자\s?크기\s?설정|음성\s?재생\s?설정$|번역\s?beta\s|이 글자\s?크기로 변경됩니다\.?$|\(예시\)\s|"
    r"이\s?기사(?:를|에\s?대해)?\s?(?:어떻게\s?생각하(?:세요|시나요|십니까)|어떠셨나요)\??$|뉴스픽의 주요 문장 추출 기술|"
    r"이 (?:콘텐츠|기사)를 공유(?:하세요|합니다)\.?$|알림 문구가 한\s?줄로 들어가는 영역입니다\.?$|"
    r"주소\s?복사가 완료되었습니다\.?$|(?:기사\s?)?URL이\s?복사되었습니다\.?$|(?:※\s*)?<?이미지를 클릭하시면 (?:좀\s?더 큰 이미지를|크게) 보실 수 있습니다\.?>?\s*\|?$|에 유통된 기사입니다\.?$|"
    r"본문\s?수집\s?시각|원문\s?(?:출처|주소|링크)\s*[:：]|출처\s*[:：]\s*https?://|이슈\s\S.{1,30}$|"
    r"이 기사의 카테고리는 언론사의 분류를 따릅니다\.?$|기사가 속한 카테고리는 언론사가 분류합니다\.?$"  # Zum, Daum
)
_PORTAL_END = re.compile(
    r"본문\s?보기를 권장합니다\.?$|에서 직접 확인하세요\.\s*해당 언론사로 이동합니다\.?$|"
    r"첫\s?(?:번째\s)?댓글을 작성해\s?(?:보세요|주세요)\.?$|\((?:바로가기|현재기사)\)?$|바로가기$"
)
_PORTAL_END_CHARS = 40
_PORTAL_OUTLET = re.compile(r"[“\"](?P<outlet>[^”\"]{2,20})[”\"]\s*기사 내용을")  # Newspic names the story's outlet
BROADCAST_LOGO = re.compile(r"^(?P<outlet>[A-Z]{2,5})\s뉴스$")  # "SBS 뉴스" alone: a broadcaster's news logo
_OUTLET_LINE = re.compile(  # a logo line: "매일경제" alone
    r"^[가-힣A-Za-z0-9]{1,8}(?:일보|경제|신문|뉴스|방송|닷컴|데일리|투데이|저널|타임스|타임즈|미디어|포스트)$"
)
_AGENCY_LINE = re.compile(rf"^(?:{_AGENCIES}(?:\s*[/·,]?\s*{_AGENCIES})*|[(\[]\s*{_AGENCIES}\s*[)\]])$")  # "(연합뉴스)" too
# A byline that names a desk, not a person: "편집국", "온라인뉴스팀", "디지털뉴스부"
_DESK_LINE = re.compile(r"^[가-힣A-Za-z]{0,8}\s?(?:편집국|편집부|뉴스팀|뉴스부|취재팀|취재부|온라인팀|디지털팀|데스크)$")
_WEATHER = re.compile(
    r"^(?:맑음|흐림|구름많음|구름조금|구름|비|눈|소나기|비/눈|눈/비|안개|황사|박무|연무|천둥번개|진눈깨비)?"
    r"\s*[가-힣]{1,6}\s*[-−]?\d+(?:\.\d+)?\s*(?:℃|[°˚º]\s*C?)$"  # ˚ (ring above) and º stand in for ° on some pages
    r"|^(?:맑음|흐림|구름많음|구름조금|구름|비|눈|소나기|안개|황사|박무|연무)[가-힣]{1,6}\s?℃$"  # "맑음고창 ℃": no reading yet
)
_WEATHER_CREDIT = re.compile(r"^(?:자료\s*[:=]\s*)?기상청\s*제공$")
_NUMBERS_ONLY = re.compile(r"^(?!(?:19|20)\d\d\.\d{1,2}\.\d)[+\-−±▲▼△▽]?\s*[\d,.]+\s*%?$")  # not a date (2018.03.07)
_BREADCRUMB = re.compile(r"^(?:현재\s?위치\s*[:：]?\s*)?(?:홈|HOME|Home)\s*[>›»]|^(?:HOME|Home)\s+[가-힣A-Za-z·・/ ]{2,20}$")  # "HOME 지방자치・정치"
_LINK_FOOTER = re.compile(
    r"^[▶☞☎►▷]\s*.*(?:제보|카카오톡|카톡|이메일|e-?mail|홈페이지|구독|바로가기|기사\s?보기|채널|유튜브|네이버|"
    r"텔레그램|인스타그램|페이스북|다운로드|https?://|www\.|@)",
    re.I,
)
_CONTACT = re.compile(r"^\[(?:카카오톡|카톡|전화|메일|이메일|팩스|제보|홈페이지)\]|^(?:제보|기사\s?제보|문의|이메일|e-?mail|카카오톡|카톡|전화|홈페이지|팩스"
                      r"|(?:[A-Za-z0-9가-힣]{2,12}\s)?기사\s?문의(?:\s?및\s?제보)?)\s*[:：]", re.I)  # "연합뉴스TV 기사문의 및 제보 :"
# a page script's or style's identifier alone on its line ("bar_progress"), and an outlet's own promotion after the story
# ("[아시아경제 증권방송] - 종목 수익률 100% 따라하기")
# "지면 : 2015-01-05 1면": the print edition's page
_PRINT_PAGE = re.compile(r"^지면\s*(?:정보)?\s*[:：]?\s*(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}\.?\s*(?:[A-Z]?\d{1,3}면)?$")
# "항상 시민과 함께하겠습니다. 한겨레 구독신청 하기": the outlet's subscription link
SUBSCRIBE_OUTLET = re.compile(r"(?:^|\s)(?P<outlet>[가-힣A-Za-z0-9]{2,10})\s?구독\s?신청(?:\s?하기)?$")
# "한국일보 자료사진", "조선DB": an image's credit alone on its line (a file photo), never a headline
_FILE_PHOTO = re.compile(r"^[가-힣][가-힣A-Za-z0-9·&]{1,19}\s?(?:자료\s?사진|DB)$")
# "MBN APP 다운로드", "한빛일보 앱 설치하기": the outlet's app promotion
_APP_PROMO = re.compile(r"^[A-Za-z0-9가-힣]{0,12}\s?(?:APP|App|app|앱|어플)\s?(?:다운로드|다운받기|설치|설치하기|받기|바로가기)$")
_CODE_WORD = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")
# "종합 27면", "A3면": the print page a story ran on (an archive page's label); "132186273.3.jpg": an image's file name
_PAGE_LABEL = re.compile(r"^(?:[가-힣]{1,6}\s?)?[A-Z]?\d{1,3}면$")
IMAGE_FILE = r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(?:jpe?g|png|gif|webp|bmp)"
_IMAGE_FILE_LINE = re.compile(rf"^{IMAGE_FILE}$", re.I)
# "연합뉴스TV : 02-398-4409(제보) 4441(기사문의), yjebo@yna co kr (끝)": a broadcaster's tip line, a phone number for tips
_TIP_PHONE = re.compile(r"^[가-힣A-Za-z0-9]{2,12}\s*[:：]\s*\d{2,4}-\d{3,4}-\d{4}\s*\((?:제보|기사\s?문의)\)")
_PROMO = re.compile(r"^\[[^\[\]]{2,20}\]\s*-\s+[^.!?]{2,40}$")
# A copyright or tip-line notice anywhere in a line; copyright_notice finds it in three parts (below), and the tests
# hold the parts to this pattern
_COPYRIGHT = re.compile(
    r"무단\s?전재|재배포\s?금지|재판매\s?및\s?DB\s?금지|All rights reserved|저작권자\s*(?:[ⓒ©]|\(c\))|"
    r"Copyrights?\s*(?:[ⓒ©Ⓒ]|\(c\)|\d{4})|^\s*(?:[-–•·▲△]\s*)?[ⓒ©Ⓒ]|제보를 기다립니다|제보하기|제보가 뉴스가 됩니다",  # "- ⓒ마이데일리(www…)."
    re.I,
)
_TIP_NOTE = re.compile(r"^※\s*[^.!?※]{0,40}제보")  # "※매체명은 여러분의 제보로 함께 세상을 바꿉니다. …": a tip-line note


# _COPYRIGHT in three parts, so that a line is scanned fast (profiled: the whole pattern was ~8% of cleaning). Under
# re.I the Latin words keep the search from skipping ahead by first character, so the pattern tried every alternative
# at every position. Split: the line-start mark (only at 0), the Korean words (their first characters let the search
# skip), and the Latin words, searched only when the line has an h (both "rights" and "Copyright" hold one; no other
# character matches h under re.I). The parts' first characters differ, so the leftmost of their matches is the match
# _COPYRIGHT.search returns, with the same span.
_COPYRIGHT_MARK = re.compile(r"^\s*(?:[-–•·▲△]\s*)?[ⓒ©Ⓒ]", re.I)
_COPYRIGHT_KOREAN = re.compile(
    r"무단\s?전재|재배포\s?금지|재판매\s?및\s?DB\s?금지|저작권자\s*(?:[ⓒ©]|\(c\))|제보를 기다립니다|제보하기|제보가 뉴스가 됩니다",
    re.I)
_COPYRIGHT_LATIN = re.compile(r"All rights reserved|Copyrights?\s*(?:[ⓒ©Ⓒ]|\(c\)|\d{4})", re.I)


def copyright_notice(core: str) -> re.Match[str] | None:
    """A copyright or tip-line notice in a line (the tip-line note, which opens with ※, tried only on such lines):
    what _COPYRIGHT.search finds, found in parts (see above)."""
    hit = _COPYRIGHT_MARK.match(core) or _COPYRIGHT_KOREAN.search(core)
    if "h" in core or "H" in core:
        latin = _COPYRIGHT_LATIN.search(core, 0, hit.start() if hit else len(core))
        hit = latin or hit
    return hit or (_TIP_NOTE.match(core) if core[:1] == "※" else None)

_SENTENCE_BEFORE = re.compile(r"[가-힣][^.!?]{18,}?[다요][.!?]")
_URL_OR_EMAIL = re.compile(rf"^(?:https?://\S+|www\.\S+|{_EMAIL})$")
_OTHER_ARTICLES = re.compile(r"(?:기자|특파원)의?\s*(?:다른\s*기사|기사\s*더보기|구독)|다른\s*기사\s*보기$")
# Headers after which a page lists other stories or prices until the next paragraph of prose
_LIST_HEADER = re.compile(
    r"^(?:[☞※◆◇■□▶▷►▲△○◎★☆]\s*)?"  # round 21: "☞ 관련기사", "※ 관련기사", "◆ 많이 본 뉴스": a header's own mark
    r"(?:(?:[가-힣A-Za-z0-9]{1,8}(?:일보|경제|뉴스|신문|방송|겨레|21|TV|투데이|데일리|저널|타임스|미디어)\s)?"  # "한겨레21 인기기사"
    r"(?:(?:주요|많이\s?본|가장\s?많이\s?본|인기|관련|추천|최신|실시간|오늘의|이\s?시각|이\s?시간|핫|HOT|베스트|BEST|화제의|"
    r"에디터\s?픽|함께\s?보면\s?좋은|이\s?기사와\s?함께\s?많이\s?본|지금\s?뜨는|당신이\s?좋아할\s?만한|댓글\s?많은)\s*){1,2}"  # 이 시각 주요뉴스
    r"(?:랭킹\s*)?(?:뉴스|기사|콘텐츠|소식|포토|영상|검색어|이슈|랭킹)(?:\s*(?:더보기|TOP\s?\d+|랭킹))?|"
    r"[▲▶■]?\s*[^.!?]{1,40}\s모아\s?보기|"
    # round 20: boxes of picks named 정보 or 갤러리 ("많이 본 정보", "당신을 위한 추천 정보", "핫 갤러리"); only with a word of
    # popularity or picking: "주요 정보", "관련 정보" may head a story's own list of facts
    r"(?:많이\s?본|가장\s?많이\s?본|오늘의|당신을\s?위한|맞춤|인기|추천|핫|HOT|베스트|BEST)(?:\s*(?:인기|추천))?\s*정보|"
    r"(?:핫|HOT|인기|포토|베스트|BEST)\s?갤러리|"
    r"실시간\s*(?:암호화폐|가상화폐|코인)\s*시세|(?:오늘의\s*)?(?:상승|하락)\s*종목|관련\s*(?:기사|뉴스)\s*더보기|"
    r"[\[【<]\s*(?:[가-힣A-Za-z0-9]{1,8}(?:일보|경제|뉴스|신문|방송|TV|투데이|데일리|저널|타임스|미디어)\s)?"  # round 21: "[한빛일보 주요뉴스]"
    r"(?:관련|주요|추천|인기|많이\s?본)\s?(?:기사|뉴스)\s*[\]】>])$",  # "[관련기사]"
    re.I,
)
# the rest is not the story; also a comment form's first line (닉네임 패스워드…, 댓글삭제) and a comment policy's (※ 아래 경우에는…)
_COMMENT_HEADER = re.compile(
    r"^(?:댓글\s?목록|전체\s?댓글(?:\s*\d+)?|댓글\s?\(\d+\)|AI\s?요약|요약\s?보기|댓글\s?삭제|BEST\s?댓글|베스트\s?댓글"
    r"|닉네임\s+패스워드(?:\s+\S+){0,4}|※?\s*아래 경우에는 (?:고지 없이|사전 통보 없이) 삭제(?:하겠습니다|될 수 있습니다)\.?"
    r"|삭제한 댓글은 다시 복구할 수 없습니다\.?)$")  # a comment-deletion dialog
# round 20: a comment box's count, "{제목}에 달린 기사 '댓글 N개' 입니다." or "댓글 N개" alone (tried on lines holding 댓글)
COMMENT_COUNT = re.compile(r"^(?:[^'‘’]{0,80}에\s?달린\s?(?:기사\s?)?['‘]?댓글\s?\d*\s?개['’]?\s?입니다\.?|댓글\s?\d*\s?개)$")
# round 18: a comment form flattened onto one line ("댓글 3 의견입력 로그인 닉네임 암호 본문 등록 …"): it opens with a
# comment label and holds three or more of a form's field and sort labels; whatever follows is the comments
_FORM_WORDS = frozenset(
    "로그인 로그아웃 이름 닉네임 비밀번호 패스워드 암호 내용 본문 등록 입력 작성 회원 비회원 글쓰기 댓글쓰기 댓글입력 댓글등록 "
    "의견쓰기 의견입력 자동등록방지 보안문자 최신순 추천순 과거순 공감순 답글순 인기순 정렬 취소 ×".split())
MIN_FORM_WORDS = 3


def comment_form(core: str) -> bool:
    """A comment form's labels flattened onto one line, opening with a comment label (댓글, 댓글 0, 의견쓰기)."""
    if not core.startswith(("댓글", "의견")) or core[-1] in ".!?。\"'”’)":  # a sentence about a form is prose
        return False
    words = core.split()
    return sum(w in _FORM_WORDS for w in words[1:]) >= MIN_FORM_WORDS


_COMMENT_LINE = re.compile(
    r"^(?:등록된 댓글이 없습니다\.?|댓글\s?쓰기|댓글을 (?:입력|작성)해\s?주세요\.?|로그인 후 .*댓글.*|"
    r"첫 (?:번째 )?댓글을 남겨주세요\.?|댓글\s?\d*|댓글\s?보기|댓글\s?더보기|(?:여러분|당신)의 의견을 남겨\s?주세요\.?)$"
)
# an image's markdown (its alt text may hold "[서울=뉴시스]"), or the "본문 이미지 - " label opening a caption (뉴스1)
_IMAGE_STUB = re.compile(r"!\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\([^)\n]*\)|^\s*본문\s?이미지\s*-\s*")
_CREDIT_WORD = (r"(?:사진|자료|그래픽|영상|출처|사진\s?제공|자료\s?제공|사진\s?출처|그래픽\s?제공|이미지\s?제공|일러스트"
                r"|(?:기사|글)\s?및\s?사진\s?제공"  # "기사 및 사진제공 : 청와대": a handout story's source
                r"|영상\s?취재|영상\s?편집|영상\s?촬영|촬영|편집)")  # "영상취재 : 박희현": a broadcast story's crew
# A line that is only a credit: "사진제공=삼성전자", "그래픽=홍길동", "[사진 = 매체명]", "(자료: 통계청)"; credits name no entity
_CREDIT_LINE = re.compile(rf"^(?:[\[(<【]\s*{_CREDIT_WORD}\s*[=:：_]\s*[^\n\])>】]{{1,40}}?\s*[\])>】]"  # a bracketed one ends
                          rf"|{_CREDIT_WORD}\s*[=:：]\s*[^\n]{{1,40}}?\s*[\])>】]?)$")  # at its bracket: a lede may follow
# "/ 챗GPT 생성 이미지", "/현대차그룹 제공": a short line opening with a slash is the credit of a photo whose caption was lost
_SLASH_CREDIT = re.compile(r"^/\s*[^\s/][^/.!?]{0,30}$")
# "현대차[연합뉴스 제공][연합뉴스 제공] 국내 최대…": an image's alt text and credits glued before the lede
_LEADING_CREDITS = re.compile(r"^[^\[\]\s]{0,20}?(?:\[[^\[\]]{1,20}?\s*(?:제공|자료\s?사진|DB|캡처|캡쳐)\s*\]\s*)+")
# "[사진 제공 = 한빛전자] = 신제품 발표회. 왼쪽부터 …": a caption behind its credit and an equals sign (a lede behind an
# image's credit has no equals sign after it)
CREDITED_CAPTION = re.compile(rf"^[\[(【]\s*{_CREDIT_WORD}\s*[=:：]\s*[^\[\]()【】=]{{1,30}}?\s*[\])】]\s*=\s*(?=\S)")
# "...사진(오른쪽)": a caption names where things stand in the photo
_CAPTION_POSITION = re.compile(r"\((?:왼쪽|오른쪽|가운데|위|아래|앞줄|뒷줄)(?:부터|\s?[^()]{0,10})?\)$")
_PHOTO_DATE_CREDIT = re.compile(  # "... 참석하고 있다. 2025.3.27/뉴스1": the photo's date and agency
    r"(?<=[.!?。\"'”’」』)\]>])\s*(?P<date>(?:19|20)\d{2}\.\d{1,2}\.\d{1,2})\.?\s*/\s*(?P<outlet>[^\s/]{1,20})$"
)
# One to three photo credits after a caption: "ⓒ 로이터=뉴스1 ⓒ News1 우동명 기자", "ⓒ AFP=뉴스1 ⓒ News1 류정민 특파원"
CREDIT_CHAIN = rf"(?:\s*[ⓒ©Ⓒ]\s*[^\sⓒ©Ⓒ]{{1,20}}(?:\s+{_NAMES}\s*{_JOB}|\s+{_NAME})?){{1,3}}"
_PHOTO_CREDIT_CHAIN = re.compile(rf"{_AFTER_SENTENCE}(?:\s*(?:19|20)\d{{2}}\.\d{{1,2}}\.\d{{1,2}}\.?)?{CREDIT_CHAIN}$")
_CREDIT_TAILS = (
    # (사진제공=SK수펙스추구협의회)  [사진=뉴시스]  <자료=통계청>  [사진출처=X(옛 트위터) ‘계정’]
    re.compile(rf"\s*\[\s*{_CREDIT_WORD}\s*[=:：]?[^\[\]]{{0,40}}\]$"),
    re.compile(rf"\s*[(<【]\s*{_CREDIT_WORD}\s*[=:：]?[^\[\]()<>【】]{{0,30}}[)>】]$"),
    # "... 이미지. [삼성전자]": a bare bracketed source after the caption's last sentence (after a question it is a
    # headline's series tag: "충분히 아시나요?[뉴스레터 점선면]")
    re.compile(r"(?<=[.!])\s*\[[^\[\]=\d]{1,15}\]$"),
    # "... 경청하고 있다. 사진=홍길동 기자 hong@x.com"
    re.compile(rf"{_AFTER_SENTENCE}\s*{_CREDIT_WORD}\s*[=:]\s*{_NAMES}\s*{_JOB}(?:\s*[(<]?{_EMAIL}[)>]?)?$"),
    # "... 상관없음. 사진=조선DB"  "... 사인을 한것이다. 사진=문재인 대통령"
    re.compile(rf"{_AFTER_SENTENCE}\s*{_CREDIT_WORD}\s*[=:]\s*[^\s=]{{1,20}}(?:\s[^\s=]{{1,10}})?$"),
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
# The characters some credit tails end with (before their $, or a final newline's): the others can end with many.
# A line ending otherwise is not scanned for that tail, which would leave it as it is (~half of this loop's time).
_TAIL_ENDS = {_CREDIT_TAILS[0]: "]\n", _CREDIT_TAILS[1]: ")>】\n", _CREDIT_TAILS[2]: "]\n", _CREDIT_TAILS[7]: "])>】\n",
              _CREDIT_TAILS[9]: ")]\n", _CREDIT_TAILS[13]: "공\n"}
# Credit tails tried only when the line ends as they do (each would otherwise scan every line of a page):
# "... 말하고 있다. 2025.03.25 ⓒ 로이터=뉴스1 ⓒ News1 우동명 기자": the photo's date, an agency's and a photographer's credit;
# "... 서병삼 부사장. 삼성전자 제공": a handout's credit without brackets; "... 느껴진다. 사진영상부 차장": the photo desk's title
_HANDOUT_TAIL = re.compile(rf"{_AFTER_SENTENCE}\s*[가-힣A-Za-z0-9]{{1,20}}\s?제공$")
# "동서발전 제공" alone on a line under a photo's caption: the handout's credit (a headline may end in 제공, so only
# once the story has begun)
HANDOUT_LINE = re.compile(r"^[가-힣A-Za-z0-9·&]{2,20}(?:\s[가-힣A-Za-z0-9·&]{1,12})?\s?제공$")
_DESK_TITLE_TAIL = re.compile(rf"{_AFTER_SENTENCE}\s*[가-힣]{{2,8}}부\s?(?:차장|부장|팀장|선임기자|기자)$")
_DESK_TITLES = ("차장", "부장", "팀장", "기자")
_CHAIN_WINDOW = 160
# Credit tails tried only when their "=" is near the end of the line (each would otherwise scan every line of a page):
# "(자료사진)시의회 본회의장/사진=시의회", a labelled credit glued without a sentence end; "... 하고 있다. AP=연합뉴스", a
# foreign agency's photo carried by a Korean one
_EQUALS_CREDIT_TAILS = (
    re.compile(rf"(?<=[가-힣A-Za-z0-9])\s*/\s*{_CREDIT_WORD}\s*[=:]\s*[^\s/=]{{1,20}}$"),
    re.compile(rf"{_AFTER_SENTENCE}\s*[A-Za-z가-힣]{{1,10}}\s*=\s*{_AGENCIES}$"),
)
# "... 있다. ⓒ시사저널 김동현": a credit naming a photographer after the owner is the outlet's own (a firm's handout
# credit, "ⓒ LG에너지솔루션", names no one)
_STAFF_PHOTO_CREDIT = re.compile(rf"{_AFTER_SENTENCE}\s*[ⓒ©Ⓒ]\s*(?P<outlet>[가-힣A-Za-z0-9]{{2,20}})\s+{_NAME}$")
_CAPTION_NAME_CREDIT = re.compile(rf"{_AFTER_SENTENCE}\s*{_NAMES}\s*{_JOB}$")  # "... 있다. 박혜원 기자"
_CAPTION_SHORT_TAIL = re.compile(rf"^(.*[.!?。][{re.escape(_CLOSERS)}]*)\s+(\S.{{0,24}})$")
_CAPTION_MARK = re.compile(r"^[▲△▶◀↑]\s*")
# A caption that opens with its mark and says where each person stands: "▲ 왼쪽부터 고우현 오현중 교장, …"
# ...or that names who the photo shows with "(사진)": "▲ 윤상현 한빛ENM 대표이사(사진)가 … 안고 있다."
# ...or an artwork's caption, the artist's name and 作: "▲ 김명석作 `집단적 환상`"
_CAPTION_OPENING = re.compile(r"^[▲△↑]\s*(?:(?:사진\s*)?(?:왼쪽|오른쪽|앞줄|뒷줄|가운데)\s?(?:부터|에서부터)|[^.!?()]{2,40}\(사진\)"
                              r"|[^.!?()]{0,20}?[가-힣]\s?作(?![가-힣]))")


def _is_label(word: str) -> bool:
    """A section label, also compounded: 경제이슈, 산업일반."""
    if word in SECTION_LABELS:
        return True
    return len(word) <= 8 and any(word[:i] in SECTION_LABELS and word[i:] in _LABEL_TAILS for i in range(1, len(word)))


# The whole-line debris patterns as one alternation: one match call instead of sixteen. All are anchored at the
# start (match), so a long line of prose fails each at its first characters. _REACTION and _BUTTON_WORD, whose runs
# of letters each line's look went through, are tried apart, only on lines that end as they must (see _is_debris).
_DEBRIS_LINE = re.compile("|".join(
    f"(?i:{rx.pattern})" if rx.flags & re.IGNORECASE else f"(?:{rx.pattern})"
    for rx in (_WEATHER, _WEATHER_CREDIT, _NUMBERS_ONLY, _BREADCRUMB, _LINK_FOOTER, _CONTACT, _URL_OR_EMAIL,
               _COMMENT_LINE, _COUNTERS, _NOTICE, _PAGE_DAY, _PORTAL, _CREDIT_LINE, _SLASH_CREDIT, _AGENCY_LINE, _DESK_LINE,
               _BUTTON_LABEL, _SEARCH_COUNT, _MENU_LABEL, _SKIP_LINK, _COMPANY_INFO, _CODE_WORD, _PROMO, _PRINT_PAGE, _APP_PROMO,
               _FILE_PHOTO, _PAGE_LABEL, _IMAGE_FILE_LINE, _TIP_PHONE, _FORUM_CHROME, _LIST_TITLE)))


# "산업>전기/전자": a section's breadcrumb, its first step a section label
_LABEL_CRUMB = re.compile(r"^(?P<first>[가-힣A-Za-z·]{2,8})\s?[>›»]\s?[가-힣A-Za-z·/]{2,12}(?:\s?[>›»]\s?[가-힣A-Za-z·/]{2,12})?$")
# What ends a word of a sentence or headline (a particle or verb ending), never a menu's label
_WORD_ENDING = frozenset("은는이가을를에의도로와과서고며다면요")
MIN_MENU_WORDS = 10
MIN_MENU_LABELS = 4


def _is_menu_row(core: str) -> bool:
    """A site's menu flattened to one line: "메트로人 머니 산업 IT·과학 정치&정책 생활경제 사회 …" — many words, several
    of them section labels, no punctuation, and no word ending as a sentence's words do."""
    if core.count(" ") < MIN_MENU_WORDS - 1:  # most lines: too few words, and no split
        return False
    words = core.split()
    if len(words) < MIN_MENU_WORDS or re.search(r"[.,!?'\"“”‘’…:()\[\]]", core):
        return False
    if any(len(w) > 10 or w[-1] in _WORD_ENDING for w in words):
        return False
    return sum(1 for w in words if _is_label(w)) >= MIN_MENU_LABELS


_ROW_WORD = re.compile(r"^[가-힣A-Za-z0-9·&/]{1,12}$")
_COMPOUND_MARKS = re.compile(r"[·&/]")
MIN_ROW_WORDS, MAX_ROW_WORDS = 2, 6


def menu_row_labels(text: str) -> int | None:
    """A short row of a site's menu ("정치 사회 문화·생활", "오피니언 포토·영상 기획&시리즈"): how many of its words are
    section labels (a compound's parts joined by ·, & or / each one); None when the line is no such row (too few or too
    many words, punctuation, or a word ending as a sentence's words do)."""
    words = text.split()
    if not MIN_ROW_WORDS <= len(words) <= MAX_ROW_WORDS:
        return None
    labels = 0
    for w in words:
        if not _ROW_WORD.match(w) or w[-1] in _WORD_ENDING:
            return None
        parts = [p for p in _COMPOUND_MARKS.split(w) if p]
        labels += bool(parts) and all(_is_label(p) for p in parts)
    return labels


_PATH_STEP = re.compile(r"^[가-힣A-Za-z]{1,6}$")
MIN_PATH_STEPS = 3
MIN_PATH_LABELS = 2


def _is_debris(core: str) -> bool:
    """Page chrome that is a whole line on its own (core = the line without a bullet mark)."""
    if core in PAGE_BUTTONS or _is_label(core) or _FONT_SIZE.match(core):
        return True
    crumb = _LABEL_CRUMB.match(core) if ">" in core or "›" in core or "»" in core else None
    if crumb and _is_label(crumb["first"]):
        return True
    if "/" in core or "·" in core or ">" in core:  # "IT/과학", "경제 > 산업", "정치/사회 기사" (a list's header)
        parts = [p.strip() for p in re.split(r"[/·>›]", core.removesuffix(" 기사"))]
        if all(_is_label(p) for p in parts if p) and any(parts):
            return True
        # "IT/과학/행사/취재": a section path of three or more one-word steps, two of them section labels
        if len(parts) >= MIN_PATH_STEPS and "/" in core and all(_PATH_STEP.match(p) for p in parts) and sum(
                map(_is_label, parts)) >= MIN_PATH_LABELS:
            return True
    if len(core) <= 80:  # a row of buttons or menu labels: "목록 스크랩 댓글", "회원가입 | ID/PW 찾기", "뉴스 트렌드 생활정보"
        parts = [p for p in re.split(r"\s*[|｜·]\s*", core) if p]
        if len(parts) > 1 and all(p in PAGE_BUTTONS or _is_label(p) for p in parts):
            return True
        words = core.split()
        if len(words) > 1 and all(w in PAGE_BUTTONS or _is_label(w) for w in words):
            return True
        if _is_menu_row(core):
            return True
    if not re.search(r"\w", core):  # only symbols: "|", "---", "…"
        return True
    if _DEBRIS_LINE.match(core):
        return True
    if core.rstrip()[-1:].isdecimal() and _REACTION.match(core):  # \d is a decimal digit; \s what rstrip strips
        return True
    if "버튼" in core and _BUTTON_WORD.match(core):
        return True
    if _PORTAL_END.search(core, max(0, len(core) - _PORTAL_END_CHARS)):
        return True
    if len(core) <= 80 and core.endswith(("신청", "하기")) and SUBSCRIBE_OUTLET.search(core):
        return True
    if len(core) <= _MAX_FOOTER_CHARS:
        hit = copyright_notice(core)
        if hit and not _SENTENCE_BEFORE.search(core, 0, hit.start()):  # a story glued before it is cut, not dropped
            return True
        if ("기자" in core or "특파원" in core or "다른" in core) and _OTHER_ARTICLES.search(core):  # each match holds one
            return True
    return False


def strip_button_tail(core: str) -> str:
    """A line without the share buttons glued to its end ("… 임윤희 기자 2022.06.23 17:09 카카오톡 네이버블로그 페이스북
    트위터"): two or more button words of two letters or more."""
    words = core.split()
    k = len(words)
    while k > 0 and len(words[k - 1]) >= 2 and words[k - 1] in PAGE_BUTTONS:
        k -= 1
    return " ".join(words[:k]) if 0 < k <= len(words) - 2 else core


def _strip_credits(text: str, caption: bool) -> tuple[str, bool]:
    """Remove trailing photo credits; in a caption also a bare name credit or a short tail after the last sentence."""
    if not caption and text[-1:] in ".!?。" and not text[-2:-1].isdigit():
        return text, False  # prose ends in its own sentence: every credit tail needs something after it
    stripped = False
    changed = True
    while changed and text:
        changed = False
        last = text[-1]
        patterns = tuple(rx for rx in _CREDIT_TAILS if last in _TAIL_ENDS.get(rx, last)) + (
            (_CAPTION_NAME_CREDIT,) if caption else ()) + (
            _EQUALS_CREDIT_TAILS if "=" in text[-40:] else ()) + (
            (_PHOTO_CREDIT_CHAIN,) if any(mark in text[-_CHAIN_WINDOW:] for mark in "ⓒ©Ⓒ") else ()) + (
            (_HANDOUT_TAIL,) if text.endswith("제공") else ()) + ((_DESK_TITLE_TAIL,) if text.endswith(_DESK_TITLES) else ())
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
        owner = own_credit(cell)
        if owner:  # round 21: "| ⓒ (주)고성신문사 |": the paper's own photo names the paper
            found.credit_outlets.append(owner)
            continue
        if _date_or_byline_line(cell, found) or _CREDIT_LINE.match(cell):
            continue
        caption, _ = _strip_credits(cell, caption=True)
        if len(_HANGUL.findall(caption)) >= 8 and (_ends_sentence(caption) or len(caption) >= 40):
            found.lines.append(_Line(_CAPTION_MARK.sub("", caption), "caption"))
            kept = True
    if not kept:
        found.lines.append(_Line("", "sep"))
