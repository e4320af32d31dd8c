"""Cleaning and metadata on page layouts of round 13 (issue 11). Every text here was written for these tests in the
outlets' styles."""
import random

from store.ingest import clean_meta
from store.ingest.clean import clean
from store.model import Article, Document


def text(body: str) -> Article:
    return clean(Document(source="t.txt", text=body, kind="text", meta={}))


def test_date_segments_are_those_finditer_finds():
    """_date_segments tries only each year and the label run before it: it must find exactly the segments a scan of
    every place finds, also with labels, spaces, overlapping years ("192012") and years that start no date."""
    lines = ["기사입력 : 2021년08월05일 13:11", "최종수정 2021.08.05 15:51 | 입력 2021.08.05 13:11", "2024 2025-03-01",
             "192012.3.4", "Posted February. 24, 2017 07:14", "등록일 2025-09-23 (화)", "입력  \u3000 2024.1.2",
             "기사 기사 입력 2020-01-01", "2020년 매출 2019.12.31", "20", "1999", "2024년 3월", "20242024-01-01"]
    rnd = random.Random(13)
    alphabet = list("0123456789 .-:년월일시분()입력수정기사최종등록오전오후가|") + ["2024", "19", "20", " 12:30", "\u00a0"]
    lines += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 30))) for _ in range(3000)]
    for line in lines:
        want = [(m.start(), m.end()) for m in clean_meta._DATE_SEGMENT.finditer(line)]
        assert [(m.start(), m.end()) for m in clean_meta._date_segments(line)] == want, line


def test_a_reaction_bar_with_each_count_on_its_own_line_is_chrome():
    """A reaction bar under the story: its prompt (이 기사 어떻게 생각하세요), then each label and its count on lines
    of their own (• 추천해요 / 0). Labels inside a sentence stay, as does a question to readers in the story."""
    page = ("한빛중공업, 올해 LNG선 9척 수주\n\n기사승인 2024-05-02 10:11:12\n\n"
            "한빛중공업이 LNG운반선 1척을 수주했다고 2일 밝혔다.\n\n회사는 올해 목표의 40%를 채웠다고 했다.\n\n"
            "부산=홍길동 기자 hong@example.com\n코멘트\n더보기\n이 기사 어떻게 생각하세요\n"
            "  • 추천해요\n    0\n  • 슬퍼요\n    2\n  • 화나요\n    0\n  • 훈훈해요\n    1\n")
    article = text(page)
    assert [article.body[s:e] for s, e in article.paragraphs] == [
        "한빛중공업이 LNG운반선 1척을 수주했다고 2일 밝혔다.", "회사는 올해 목표의 40%를 채웠다고 했다."]
    kept = text("팬들 반응\n\n팬들은 게시물에 '추천해요'와 '슬퍼요'를 번갈아 눌렀다고 밝혔다.\n\n"
                "이 기사에 대해 어떻게 생각하는지 독자들에게 물었다.\n")
    assert "'추천해요'와 '슬퍼요'" in kept.body and "어떻게 생각하는지" in kept.body


def test_a_byline_with_the_outlets_latin_spelling_in_brackets():
    """"홍길동 한빛뉴스(hanbitnews) 기자 hong@…": a name, the outlet with its Latin spelling in brackets, 기자 and an
    email; also with the outlet first. The reporter and the outlet are read and the line leaves the body."""
    story = "한빛조선은 LNG운반선 1척을 약 2169억원에 수주했다고 31일 밝혔다.\n회사는 추가 수주를 기대한다고 했다.\n"
    for byline in ("홍길동 한빛뉴스(hanbitnews) 기자 hong@hanbitnews.co.kr", "한빛뉴스(hanbitnews) 홍길동 기자"):
        article = text(story + byline + "\n")
        assert article.reporters == ["홍길동"], byline
        assert article.outlet == "한빛뉴스", byline
        assert "기자" not in article.body, byline


def test_a_signature_of_an_outlet_or_a_name_and_a_bare_email():
    """Under the story, "한빛뉴스투데이 hong@…" (the outlet and a reporter's email) names the outlet, and "홍길동
    hong@…" (a name and an email without brackets) the reporter; both leave the body. "홍길동 기자 hong@…" is still
    read as before (기자 is no name), and a firm's press address beside its name is no outlet."""
    story = "한빛제약은 임상 3상을 마쳤다고 14일 밝혔다.\n회사는 내년 상반기 허가를 받을 계획이다.\n"
    signed = text(story + "한빛뉴스투데이 hong4096@hanbitnews.co.kr\n")
    assert signed.outlet == "한빛뉴스투데이" and "@" not in signed.body
    named = text(story + "홍길동 hong@hanbitnews.co.kr\n")
    assert named.reporters == ["홍길동"] and "@" not in named.body
    assert text(story + "홍길동 기자 hong@hanbitnews.co.kr\n").reporters == ["홍길동"]
    assert text(story + "한빛제약 press@hanbitpharm.com\n").outlet is None


def test_a_tip_line_note_and_a_twice_qualified_list_header_end_the_story():
    """"※매체명은 여러분의 제보로 함께 세상을 바꿉니다. …" under a story is the outlet's tip-line note, and "이 시각
    주요뉴스" (two qualifiers before 뉴스) heads a list of other stories: neither, nor the list, stays in the body. A
    sentence about readers' tips stays."""
    page = ("한빛시 중소기업 기여율 98%\n\n한빛중소기업회는 지역경제 기여율이 98.4%로 나타났다고 10일 밝혔다.\n\n"
            "회장은 중소기업을 육성할 필요가 있다고 말했다.\n\n"
            "    ※한빛방송은 여러분의 제보로 함께 세상을 바꿉니다. 각종 비리와 미담 등 모든 얘깃거리를 알려주세요.\n\n"
            "    이 시각 주요뉴스\n\n    한빛시, 청년 일자리 1만개 만든다\n\n    오늘의 기자\n")
    article = text(page)
    assert [article.body[s:e] for s, e in article.paragraphs] == [
        "한빛중소기업회는 지역경제 기여율이 98.4%로 나타났다고 10일 밝혔다.", "회장은 중소기업을 육성할 필요가 있다고 말했다."]
    kept = text("제보 늘었다\n\n경찰은 시민 여러분의 제보가 사건 해결에 큰 도움이 됐다고 밝혔다.\n\n제보는 작년보다 두 배 늘었다.\n")
    assert "시민 여러분의 제보가" in kept.body


def test_a_forum_repost_s_category_and_counters_are_not_the_story():
    """A forum repost of a news story: "기사/뉴스" (the board's category) before the post's title, and "1,969 8" (views
    and comments) around the post time. The title is the story's headline; the counters leave the body. A number
    row inside the story stays."""
    page = ('메뉴 건너뛰기\n\n기사/뉴스 [단독] 한빛전자 대표 "AI 투자 이제 시작"\n1,969 8\n2026.02.19 08:48\n1,969 8\n\n'
            "한빛전자 대표는 지난 14일 한빛경제신문과의 단독 인터뷰에서 인공지능(AI) 투자가 이제 막 시작 단계에 있을 뿐이라고 말했다.\n\n"
            "그는 엔지니어 30여 명과 저녁 식사를 한 뒤 기자와 만났다고 밝혔다.\n\n10 20\n")
    article = text(page)
    assert article.title == '[단독] 한빛전자 대표 "AI 투자 이제 시작"'
    assert "1,969" not in article.body and article.body.endswith("10 20")
    assert text("뉴스 정보 한데 모은 앱 나왔다\n\n한빛소프트는 기사와 정보를 모은 앱을 냈다고 밝혔다.\n\n독자들은 반겼다.\n"
                ).title == "뉴스 정보 한데 모은 앱 나왔다"


def test_an_outlet_listed_right_above_the_date_is_the_outlet():
    """"• 한빛일보" right above "• 입력 2017년 2월 24일 03시 00분": a byline list naming the outlet, not a menu item. A
    bulleted outlet among menu items (not above a date) is still no outlet."""
    story = "한빛전자는 23일 두께 4mm 올레드 TV를 공개했다고 밝혔다.\n\n이 TV는 25일 출시된다.\n"
    article = text("한빛전자, 4mm 올레드 TV 출시\n\n  • 한빛일보\n  • 입력 2017년 2월 24일 03시 00분\n\n\n코멘트\n\n" + story)
    assert article.outlet == "한빛일보" and article.date == "2017-02-24T03:00"
    assert article.subtitle is None and "한빛일보" not in article.body
    menu = text("  • 한줄뉴스\n  • 포토\n\n한빛전자, 4mm 올레드 TV 출시\n\n입력 2017년 2월 24일 03시 00분\n\n" + story)
    assert menu.outlet is None


def test_a_reporter_named_above_an_email_and_date_line():
    """"홍길동" on a line of its own, then "hong@x.com | 2023-03-24 15:40:48": the reporter, then the email and the
    story's date; the deck lines below are the subtitle. A name above a date line without an email is not taken for
    a reporter (it may be a headline's last word), and an email beside no date is no date line."""
    story = ("국내 통신 3사 중 한빛텔레콤이 5G 중간요금제를 확대하고 시니어 요금제를 새롭게 선보인다고 24일 밝혔다.\n"
             "다른 두 회사는 비슷한 요금제를 검토 중이라고만 밝혔다.\n")
    article = text("한빛텔레콤, 5G 중간요금제 신설…경쟁사는 '검토 중'\n홍길동\nhong1990@hanbitnews.kr | 2023-03-24 15:40:48\n"
                   "경쟁사는 '검토 중'이라는 입장만…구체적 계획은 아직\n" + story)
    assert (article.reporters, article.date) == (["홍길동"], "2023-03-24T15:40")
    assert article.title == "한빛텔레콤, 5G 중간요금제 신설…경쟁사는 '검토 중'"
    assert article.subtitle == "경쟁사는 '검토 중'이라는 입장만…구체적 계획은 아직"
    assert "@" not in article.body and "홍길동" not in article.body
    assert text("요금제 신설\n홍길동\n2023-03-24 15:40:48\n\n" + story).reporters == []
    assert "hong1990@hanbitnews.kr | 문의" in text(story + "hong1990@hanbitnews.kr | 문의\n").body


def test_an_aggregator_s_category_label_after_the_headline():
    """A link aggregator prints the post's category after the headline ("[분류: 경제]") or, when none was set, a notice
    ("[카테고리 설정이 아직되어 있지 않습니다.]"): the title is the headline alone. A bracket inside the story stays."""
    story = ("[한빛임팩트 홍길동 기자] 국내 금융지주회사 10곳의 지난해 순익 합계가 21조원을 넘어섰다.\n"
             "금융당국은 은행 계열사의 이자수익이 늘어난 영향이라고 9일 밝혔다 [분류 기준은 연결].\n")
    for tail in ("[카테고리 설정이 아직되어 있지 않습니다.]", "[분류: 경제]"):
        article = text(f"금융지주 지난해 순익 21조 돌파…역대 최고 {tail}\n사진=금융당국 제공\n" + story)
        assert article.title == "금융지주 지난해 순익 21조 돌파…역대 최고", tail
        assert tail not in article.body and "[분류 기준은 연결]" in article.body, tail


def test_a_caption_behind_its_credit_and_an_equals_sign():
    """"[사진 제공 = 한빛게임즈] = 신작 쇼케이스. 왼쪽부터 …": the caption of a photo, its credit before it; it moves to
    the captions without the credit. A lede behind an image's credit without the equals sign stays the lede."""
    story = ("한빛게임즈는 신규 개발 프로젝트 7종을 5일 발표했다고 밝혔다.\n\n"
             "[사진 제공 = 한빛게임즈] = 신작 쇼케이스. 왼쪽부터 홍길동 한빛게임즈 대표, 김철수 캐스터.\n\n"
             "홍 대표는 새 IP 10종 이상을 키우겠다고 말했다.\n")
    article = text("한빛게임즈, 신작 7종 공개\n\n" + story)
    assert article.captions == ["신작 쇼케이스. 왼쪽부터 홍길동 한빛게임즈 대표, 김철수 캐스터."]
    assert "사진 제공" not in article.body and "캐스터" not in article.body
    lede = text("한빛게임즈, 신작 7종 공개\n\n[사진=한빛게임즈] 한빛게임즈는 신규 개발 프로젝트 7종과 경영 목표를 온라인 쇼케이스에서 "
                "5일 발표했다.\n\n홍 대표가 말했다.\n")
    assert "한빛게임즈는 신규 개발 프로젝트 7종과" in lede.body


def test_a_short_lede_behind_a_bracketed_credit_is_kept():
    """A credit line ("[사진 = 한빛뉴스]", "사진제공=한빛전자", "(자료: 한빛통계청)") leaves the body, but a short lede glued
    after a bracketed credit ("[사진=한빛게임즈] 한빛게임즈가 신작을 냈다.") is the story's first sentence, not part
    of the credit."""
    story = "\n\n회사는 내년까지 신작 10종을 더 낼 계획이라고 밝혔다.\n"
    for credit in ("[사진 = 한빛뉴스]", "사진제공=한빛전자", "(자료: 한빛통계청)"):
        assert credit not in text("한빛게임즈 신작\n\n" + credit + story).body, credit
    assert "한빛게임즈가 신작을 냈다." in text("한빛게임즈 신작\n\n[사진=한빛게임즈] 한빛게임즈가 신작을 냈다." + story).body


def test_a_caption_printed_twice_with_its_photographer_s_credit():
    """A photo page prints the caption twice (the image's alt text, then the caption), each with the photographer's
    credit: it is one caption, not the story's first paragraph, and the photographer is not the story's reporter. A
    caption and its handout credit doubled on one line is said once. A story's last paragraph repeated with its
    byline stays the story's."""
    shot = ("한빛전자의 홍길동 사장(오른쪽)과 김철수 부사장이 23일 서울 서초구 한빛전자 연구소에서 두께 4mm 올레드 TV를 "
            "공개하고 있다. 이영희 기자 lee@hanbitilbo.com")
    story = "한빛전자가 두께 4mm 올레드 TV를 선보였다. 65인치 모델은 1400만 원이다.\n\n회사는 올레드 비중을 15%로 늘린다.\n"
    article = text("한빛전자, 4mm 올레드 TV 출시\n\n" + shot + "\n" + shot + "\n" + story)
    assert article.captions == [shot.split(" 이영희")[0]]
    assert "공개하고 있다" not in article.body and article.reporters == []
    glued = text("한빛시 산업단지\n\n서한빛 산업단지. 한빛진흥원 제공서한빛 산업단지. 한빛진흥원 제공\n\n" + story)
    assert glued.captions == ["서한빛 산업단지."]
    laugh = "하하하하하하하하하하하하하하하하"
    assert laugh in text("웃음 가득\n\n관객들은 공연 내내 크게 웃었다고 전했다.\n\n" + laugh + "\n").body
    last = "회사는 내년 수출을 늘리겠다고 밝혔다. 판매는 25일 시작된다. 홍길동 기자 hong@hanbitilbo.com"
    repeated = text("한빛전자, 4mm 올레드 TV 출시\n\n" + story + last + "\n" + last + "\n")
    assert "판매는 25일 시작된다." in repeated.body and repeated.reporters == ["홍길동"]


def test_the_headline_right_above_its_date_under_rows_of_menus():
    """Rows of a site's menus on top ("전체기사 최신뉴스 한빛TV", "KYD 디데이"), then chrome (속보, 더보기), then the
    headline right above its date lines, then the deck: the headline is the title, the deck the subtitle, and neither
    the menus nor the deck are in the body. A headline alone on top, with share buttons and its deck above the date,
    stays the title; a headline and its deck straight above the date too."""
    story = ("[서울=한빛뉴스] 홍길동 기자 = 한빛게임즈는 신규 개발 프로젝트와 경영 목표를 5일 발표했다.\n\n"
             "온라인으로 진행된 이번 행사에는 대표이사가 참석했다.\n")
    page = ("전체기사 최신뉴스 한빛TV\nKYD 디데이\n산업 ICT\n\n속보\n\n더보기\n\n"
            "한빛게임즈, 신규 프로젝트 대거 공개…'3조 매출' 이어간다\n\n기사입력 : 2021년08월05일 13:11\n\n"
            "최종수정 : 2021년08월05일 15:51\n\n미래 책임질 슈퍼 IP 육성\n대형 프로젝트 4종 공개\n\n" + story)
    article = text(page)
    assert article.title == "한빛게임즈, 신규 프로젝트 대거 공개…'3조 매출' 이어간다"
    assert article.subtitle == "미래 책임질 슈퍼 IP 육성\n대형 프로젝트 4종 공개"
    assert article.body.startswith("한빛게임즈는") and "디데이" not in article.body and "4종" not in article.body
    lone = text("한빛게임즈, 신작 4종 공개\n\n공유하기\n\n미래 책임질 슈퍼 IP 육성\n\n입력 2021.08.05 13:11\n\n" + story)
    assert lone.title == "한빛게임즈, 신작 4종 공개"
    decked = text("한빛게임즈, 신작 4종 공개\n미래 책임질 슈퍼 IP 육성\n\n입력 2021.08.05 13:11\n\n" + story)
    assert (decked.title, decked.subtitle) == ("한빛게임즈, 신작 4종 공개", "미래 책임질 슈퍼 IP 육성")


def test_an_outlet_s_tag_opening_the_lede_under_a_byline():
    """"홍길동 기자 | 승인 2018.11.05 17:24", then "[한빛플] 국내 최대의 게임쇼…": a bracketed name opening the lede
    under a reporter's byline is the outlet's tag (the outlet, when nothing else names one), and leaves the body. A
    story's kind ([현장], [기자수첩]) is no outlet, nor is a tag without a byline above it; a footer's outlet wins."""
    head = "한빛소프트와 두리게임즈, 2019년 뜨거운 경쟁 예고\n홍길동 기자 | 승인 2018.11.05 17:24\n\n"
    lede = "국내 최대의 게임쇼 개막이 다가오면서 게임업계 역시 분주해지는 모습이다.\n\n두 회사는 간담회를 연다.\n"
    article = text(head + "[한빛플] " + lede)
    assert article.outlet == "한빛플" and article.body.startswith("국내 최대의")
    for tag in ("현장", "기자수첩", "특별기획"):
        assert text(head + f"[{tag}] " + lede).outlet is None, tag
    assert text("2019년 경쟁 예고\n\n[한빛플] " + lede).outlet is None
    assert text(head + "[한빛플] " + lede + "저작권자 © 한빛게임신문 무단전재 및 재배포 금지\n").outlet == "한빛게임신문"


def test_a_section_path_and_a_located_breadcrumb_are_not_the_headline():
    """"IT/과학/행사/취재" (a section path of one-word steps, two of them section labels) and "현재위치: HOME > 리뷰 >
    노트북" above a headline are page chrome; "한빛포스트" alone on a line is the outlet's logo. A headline listing
    three names with slashes stays the title."""
    story = "\n한빛전자는 17인치 노트북을 1340g으로 만들었다고 18일 밝혔다.\n회사는 무게를 줄이는 데 3년이 걸렸다고 했다.\n"
    article = text("IT/과학/행사/취재\n한빛전자 17인치 노트북, 1340g으로 편견을 깨다\n한빛포스트\n2019. 1. 18. 02:50" + story)
    assert (article.title, article.outlet, article.subtitle) == ("한빛전자 17인치 노트북, 1340g으로 편견을 깨다", "한빛포스트", None)
    crumb = text("현재위치: HOME > 리뷰리스트 > 노트북리뷰\n\n한빛전자 17인치 노트북 리뷰\n" + story)
    assert crumb.title == "한빛전자 17인치 노트북 리뷰" and "현재위치" not in crumb.body
    assert text("한빛/두리/세종 3사 합병\n" + story).title == "한빛/두리/세종 3사 합병"


def test_an_app_promotion_and_a_lone_handout_credit_leave_the_body():
    """"한빛TV APP 다운로드" under a story is the outlet's app promotion, and "한빛발전 제공" alone on a line after the
    story has begun is a photo's handout credit (credits name no entity). A headline ending in 제공 stays the title."""
    story = ("한빛발전은 25일 당진화력본부에서 수상태양광 발전소 준공식을 열었다고 밝혔다.\n\n"
             "연간 1600가구가 사용할 수 있는 규모다.\n\n한빛발전 제공\n\n한빛TV APP 다운로드\n")
    article = text("한빛발전, 수상태양광 준공\n\n" + story)
    assert "제공" not in article.body and "APP" not in article.body
    assert article.body.endswith("연간 1600가구가 사용할 수 있는 규모다.")
    assert text("한빛은행, 소상공인 금융지원 제공\n\n" + story).title == "한빛은행, 소상공인 금융지원 제공"


def test_a_logo_word_above_the_headline_and_its_date():
    """"theHANBIT" (a logo's one word) on top, then the headline right above "홍길동 기자  2023-06-16 13:18:46": the
    headline is the title, not the logo."""
    page = ("theHANBIT\n\n한빛그룹 반도체사업 확장\n\n홍길동 기자  2023-06-16 13:18:46\n\n"
            "모든 일에는 시작과 끝이 있다고 회사는 설명했다.\n\n한빛그룹은 반도체 소재 회사를 인수했다.\n")
    article = text(page)
    assert (article.title, article.subtitle, article.reporters) == ("한빛그룹 반도체사업 확장", None, ["홍길동"])


def test_a_bracketed_related_list_ends_at_the_copyright_line_naming_the_outlet():
    """"[관련기사]" heads a list of other stories (and promotions) under the story; the copyright line below the list
    still names the outlet. "AD" alone is an ad slot's label."""
    page = ("한빛전자 3분기 영업이익 15조\n\nAD\n\n한빛전자는 3분기 영업이익이 15조원으로 작년보다 27.9% 늘었다고 밝혔다.\n\n"
            "반도체 수요가 급증한 영향이다.\n\n홍길동 기자 hong@hanbitnews.com\n[관련기사]\n"
            "가장 핫한 경제 소식! 한빛금융신문의 ‘추천뉴스’를 받아보세요~\n"
            "데일리 금융경제뉴스 Copyright ⓒ 한빛금융신문 & HBNEWS.com\n")
    article = text(page)
    assert article.outlet == "한빛금융신문"
    assert [article.body[s:e] for s, e in article.paragraphs] == [
        "한빛전자는 3분기 영업이익이 15조원으로 작년보다 27.9% 늘었다고 밝혔다.", "반도체 수요가 급증한 영향이다."]


def test_a_weather_strip_s_empty_reading_a_paren_outlet_tag_and_a_handout_source():
    """A weather strip whose station has no reading yet ("• 맑음고창 ℃") is chrome, not the headline; "(한빛신문)"
    opening the lede names the outlet and leaves the body; "기사 및 사진제공 : 청와대" is a credit line. A city in
    brackets opening the lede ("(세종시) …") is no outlet."""
    page = ("2024.05.18 (토)\n\n  • 맑음동두천 21.3℃\n  • 맑음고창 ℃\n  • 맑음제주 21.3℃\n기상청 제공\n\n"
            "한국보도사진전 찾은 대통령\n\n\n(한빛신문) 대통령은 2일 오후 한국보도사진전이 열리는 미술관을 찾았다.\n\n"
            "사진전은 올해로 54회를 맞이했다.\n\n기사 및 사진제공 : 청와대\n")
    article = text(page)
    assert (article.title, article.outlet) == ("한국보도사진전 찾은 대통령", "한빛신문")
    assert [article.body[s:e] for s, e in article.paragraphs] == [
        "대통령은 2일 오후 한국보도사진전이 열리는 미술관을 찾았다.", "사진전은 올해로 54회를 맞이했다."]
    city = text("세종 소식\n홍길동 기자 | 승인 2024.05.18 10:00\n\n(세종시) 정부는 새 청사를 짓는다고 밝혔다.\n\n공사는 내년 시작된다.\n")
    assert city.outlet is None and city.body.startswith("(세종시)")


def test_a_series_tag_after_a_question_headline_is_no_credit():
    """"한빛 참사, 충분히 아시나요?[뉴스레터 점선면]": a headline ending in a question and its series tag is the
    headline, not a photo caption whose credit is [뉴스레터 점선면]; "… 신제품 이미지. [한빛전자]" is still a caption."""
    story = "\n\n국회의 국정조사가 있었고, 경찰과 검찰이 수사했다고 밝혔다.\n\n재판이 진행 중이다.\n"
    assert text("한빛 참사, 충분히 아시나요?[뉴스레터 점선면]" + story).title == "한빛 참사, 충분히 아시나요?[뉴스레터 점선면]"
    photo = text("한빛전자 신제품 출시" + story + "\n한빛전자가 25일 공개한 신제품 이미지. [한빛전자]\n")
    assert photo.captions == ["한빛전자가 25일 공개한 신제품 이미지."]


def test_a_writer_listed_above_the_date_a_broadcaster_s_logo_and_an_agency_credit_in_brackets():
    """"• 홍길동" right above "• 승인 2022.12.21 10:20" (a local CMS's byline list) is the writer, not the deck; "HBS 뉴스"
    alone on top is a broadcaster's logo (the outlet HBS), not the headline; "(연합뉴스)" alone under a caption is
    the photo's credit."""
    story = "한빛문화재단이 2024년까지 문화예술 40년사를 편찬한다고 밝혔다.\n\n재단은 인물 12인을 선정했다.\n"
    listed = text("국제예술제, 들러리 된 문화예술\n상태바\n국제예술제, 들러리 된 문화예술\n  • 홍길동\n  • 승인 2022.12.21 10:20\n"
                  "  • 댓글 0\n이 기사를 공유합니다\n\n" + story)
    assert (listed.title, listed.subtitle, listed.reporters) == ("국제예술제, 들러리 된 문화예술", None, ["홍길동"])
    aired = text("HBS 뉴스\n\n뉴스 > 사회\n\nHBS 뉴스 '앵커 교체' 새단장\n\n홍길동 기자\n\n입력 : 2016.12.23 11:02\n\n" + story)
    assert (aired.title, aired.outlet) == ("HBS 뉴스 '앵커 교체' 새단장", "HBS")
    credited = text("개소식 열려\n\n" + story + "\n참석 인사들이 테이프 컷팅을 하고 있다.\n(연합뉴스)\n")
    assert "(연합뉴스)" not in credited.body


def test_a_file_photo_credit_alone_is_no_headline():
    """"한빛일보 자료사진" (or "한빛DB") alone on top is a file photo's credit: the page has no headline, so the lede's
    first sentence stands in; a product name ending in DB alone in Latin letters is not taken for a credit."""
    story = "\n\n한빛전자가 올해 1분기 매출 55조원을 기록했다고 7일 공시했다.\n\n증권가 전망을 웃돌았다.\n"
    for credit in ("한빛일보 자료사진", "한빛DB"):
        article = text(credit + story)
        assert article.title_from == "lede" and credit not in article.body, credit
    assert "MongoDB" in text("한빛전자 실적" + story + "\nMongoDB\n").body
