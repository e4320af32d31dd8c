"""Cleaning and metadata on page layouts of round 11 (issue 11): wire photo captions with chained credits, a citizen
outlet's photo story, a line-up caption above the deck, a portal's source line, menus flattened above the story,
publisher footers, desk tags. Every text here was written for these tests in the outlets' styles."""
from store.ingest.clean import clean
from store.model import Article, Document


def text(body: str) -> Article:
    return clean(Document(source="t.txt", text=body, kind="text", meta={}))


def paragraphs(article: Article) -> list[str]:
    return [article.body[s:e] for s, e in article.paragraphs]


def byline_and_story(page: str, outlet: str | None, reporters: list[str], story: list[str], **fields: object) -> None:
    """The page's outlet, reporters and story paragraphs, and any other field of the article given."""
    article = text(page)
    assert (article.outlet, article.reporters) == (outlet, reporters)
    assert paragraphs(article) == story
    assert {name: getattr(article, name) for name in fields} == fields


WIRE_PHOTO_PAGE = """한빛전자, 美 공장 증설…관세 파고 넘는다

김한빛 회장 5조 투자 발표…현지 생산 확대
외신 "관세 부담 줄일 것"

본문 이미지 - 김한빛 한빛전자 회장이 12일(현지시간) 텍사스주 오스틴에서 열린 착공식에서 발언하고 있다. 2025.05.12 ⓒ 로이터=뉴스1 ⓒ News1 박서준 기자
김한빛 한빛전자 회장이 12일(현지시간) 텍사스주 오스틴에서 열린 착공식에서 발언하고 있다. 2025.05.12 ⓒ 로이터=뉴스1 ⓒ News1 박서준 기자

본문 이미지 - 그레그 애벗 텍사스 주지사가 착공식에서 한빛전자의 투자계획을 소개하고 있다. ⓒ AFP=뉴스1 ⓒ News1 최유리 특파원
그레그 애벗 텍사스 주지사가 착공식에서 한빛전자의 투자계획을 소개하고 있다. ⓒ AFP=뉴스1 ⓒ News1 최유리 특파원

본문 이미지 - 한빛전자 구미공장 출하장. (한빛전자 제공) 2025.5.2/뉴스1
한빛전자 구미공장 출하장. (한빛전자 제공) 2025.5.2/뉴스1
{story}
대표이사/발행인 : 이도윤

|

편집인 : 정하람

|

주소 : 서울시 중구 세종대로 1 (태평로1가)

|

사업자등록번호 : 123-45-67890

|

청소년보호책임자 : 문지호
"""


def test_wire_photo_captions_with_chained_credits_leave_the_body_and_the_outlet_is_the_wire():
    story = "\n한빛전자가 텍사스 공장에 5조원을 더 투자한다. 회사는 내년 말 양산을 시작한다고 밝혔다.\n"
    article = text(WIRE_PHOTO_PAGE.format(story=story))
    assert article.title == "한빛전자, 美 공장 증설…관세 파고 넘는다"
    assert article.outlet == "뉴스1"  # not AFP, the agency of one photo
    assert paragraphs(article) == ["한빛전자가 텍사스 공장에 5조원을 더 투자한다. 회사는 내년 말 양산을 시작한다고 밝혔다."]
    assert article.captions == [
        "김한빛 한빛전자 회장이 12일(현지시간) 텍사스주 오스틴에서 열린 착공식에서 발언하고 있다.",
        "그레그 애벗 텍사스 주지사가 착공식에서 한빛전자의 투자계획을 소개하고 있다.",
        "한빛전자 구미공장 출하장.",
    ]
    assert "본문 이미지" not in article.body and "사업자등록번호" not in article.body and "세종대로" not in article.body


def test_a_page_cut_after_its_deck_and_photos_keeps_the_deck_as_text_and_the_captions_apart():
    article = text(WIRE_PHOTO_PAGE.format(story=""))
    assert paragraphs(article) == ["김한빛 회장 5조 투자 발표…현지 생산 확대", '외신 "관세 부담 줄일 것"']
    assert len(article.captions) == 3 and article.outlet == "뉴스1"


def test_a_photo_page_without_a_deck_still_tells_its_story_in_captions():
    article = text("한빛로 벚꽃 만개\n\n12일 서울 한빛로를 찾은 시민들이 벚꽃을 구경하고 있다. 2025.4.12/뉴스1")
    assert paragraphs(article) == ["12일 서울 한빛로를 찾은 시민들이 벚꽃을 구경하고 있다."]


CITIZEN_PHOTO_STORY = """모든 시민은 기자다

[현장] 광장 가득 메운 촛불... '끝까지 간다'

사진으로 보는 '#한빛광장 3차 시민대회'

등록|2024.03.09 18:20 수정|2024.03.09 22:05
9일 한빛광장은 시민들의 촛불로 가득했습니다. 현장에 있는 기자들이 광장의 모습을 전합니다.

[#광장은_지금] 시민들 "끝까지 함께"

▲ 9일 한빛광장에서 열린 '3차 시민대회'에서 참가자들이 촛불을 들고 행진하고 있다. ⓒ 홍길동


▲ 9일 한빛광장에서 열린 '3차 시민대회'에서 참가자들이 구호를 외치고 있다. 뒤로 경찰 버스가 늘어서 있다. ⓒ 김철수


▲ 9일 한빛광장에서 열린 '3차 시민대회'에서 참가자들이 구호를 외치고 있다. 뒤로 경찰"""


def test_citizen_photo_story_slogan_tagged_deck_and_a_caption_cut_by_the_page_end():
    article = text(CITIZEN_PHOTO_STORY)
    assert article.title == "[현장] 광장 가득 메운 촛불... '끝까지 간다'"  # not the masthead's slogan
    assert article.subtitle == "사진으로 보는 '#한빛광장 3차 시민대회'"  # a quoted #tag is no hashtag row
    assert article.date == "2024-03-09T18:20"
    assert paragraphs(article) == [
        "9일 한빛광장은 시민들의 촛불로 가득했습니다. 현장에 있는 기자들이 광장의 모습을 전합니다.",
        '[#광장은_지금] 시민들 "끝까지 함께"',
    ]
    assert len(article.captions) == 2 and all("ⓒ" not in c for c in article.captions)


def test_line_up_caption_with_a_handout_credit_above_the_deck():
    article = text(
        "본문 바로가기 주요메뉴 바로가기\n\n광고\n\n기사본문\n\n등록 : 2023.06.01 09:10 수정 : 2023.06.01 11:30\n\n"
        "왼쪽부터 한빛전자 김도윤 사장, 이서연 부사장, 박지훈 전무. 한빛전자 제공\n\n"
        "김도윤 사장 서울서 간담회\n“가격 인상 어렵다…사과\n과거 발언은 착오”\n\n"
        "왼쪽부터 한빛전자 김도윤 사장, 이서연 부사장, 박지훈 전무. 한빛전자 제공\n"
        "김도윤 한빛전자 사장이 신제품 가격을 올리기 어렵다고 밝혔다. 그는 과거 발언이 착오였다고 사과했다."
    )
    assert article.captions == ["왼쪽부터 한빛전자 김도윤 사장, 이서연 부사장, 박지훈 전무."]
    assert article.title == "김도윤 사장 서울서 간담회"
    assert paragraphs(article) == ["김도윤 한빛전자 사장이 신제품 가격을 올리기 어렵다고 밝혔다. 그는 과거 발언이 착오였다고 사과했다."]
    assert article.date == "2023-06-01T09:10"


def test_a_handout_credit_after_a_sentence_makes_a_caption_but_a_sentence_ending_in_provision_stays():
    article = text("한빛전자 신제품 출시\n\n한빛전자가 신제품을 공개했다. 한빛전자 제공\n한빛전자는 다음달 신제품을 출시한다. 가격은 미정이다.")
    assert article.captions == ["한빛전자가 신제품을 공개했다."]
    kept = text("한빛전자 신제품 출시\n\n한빛전자는 신제품 정보를 홈페이지에서 제공한다.\n한빛전자는 다음달 신제품을 출시한다.")
    assert kept.captions == [] and len(paragraphs(kept)) == 2


def test_a_two_word_photo_credit_ends_a_caption():
    article = text(
        "한빛시장이 직접 찍은 사진\n\n입력 2019-05-02 10:15 수정 2019-05-02 11:00\n"
        "한빛시장이 망원 렌즈로 직접 찍은 시청 앞 광장 사진. 사진=홍길동 시장\n\n"
        "홍길동 한빛시장이 2일 시청에서 열린 사진전을 찾아 작품을 둘러봤다.\n\n이도윤 기자 doyun@example.com"
    )
    assert article.captions == ["한빛시장이 망원 렌즈로 직접 찍은 시청 앞 광장 사진."]
    assert article.reporters == ["이도윤"] and article.date == "2019-05-02T10:15"


def test_a_portal_source_line_with_a_broadcasters_letters_gives_outlet_and_date():
    article = text(
        "[뉴스 브리핑] 한빛시 전기버스 도입 외\n\nKBS 2024. 3. 5. 21:10\n음성재생 설정\n번역beta Translated by kaka i\n"
        "글자크기 설정 파란원을 좌우로 움직이시면 글자크기가 변경 됩니다.\n\n이 글자크기로 변경됩니다.\n\n"
        "한빛시가 전기버스 200대를 도입합니다.\n\n시는 내년까지 모든 시내버스를 바꿀 계획입니다."
    )
    assert (article.title, article.outlet, article.date) == ("[뉴스 브리핑] 한빛시 전기버스 도입 외", "KBS", "2024-03-05T21:10")
    assert article.subtitle is None
    assert paragraphs(article) == ["한빛시가 전기버스 200대를 도입합니다.", "시는 내년까지 모든 시내버스를 바꿀 계획입니다."]


def test_a_menus_label_is_not_the_headline_and_a_comment_prompt_ends_nothing_of_the_story():
    article = text(
        "뉴스\n\nSBS 뉴스 상단 메뉴\n\n한빛전자 \"신제품 100만 원 안 넘는다\"\n\n한빛전자 \"신제품 100만 원 안 넘는다\"\n"
        "한빛전자가 신제품 가격을 100만 원 아래로 정한다.\n\n당신의 의견을 남겨주세요"
    )
    assert article.title == '한빛전자 "신제품 100만 원 안 넘는다"'
    assert paragraphs(article) == ["한빛전자가 신제품 가격을 100만 원 아래로 정한다."]


MENU_PAGE = """한빛人 머니 산업 IT·과학 정치&정책 생활경제 사회 에듀&JOB 기획연재 오피니언 라이프 플러스
글로벌 한빛신문
로그인
회원가입

    머니

  • 증권
  • 은행
  • 보험

    플러스

  • 한줄뉴스
  • 포토
  • 운세/사주
산업>전기/전자

한빛전자, "경쟁사 조기출시 유감"

한빛전자가 경쟁사의 조기 출시에 유감을 표명했다. 회사 관계자는 "협의 없는 결정"이라고 말했다.

한편 한빛전자는 다음달 신제품을 낸다."""


def test_a_menu_above_the_story_its_masthead_and_breadcrumb():
    article = text(MENU_PAGE)
    assert article.title == '한빛전자, "경쟁사 조기출시 유감"'
    assert article.outlet == "한빛신문"  # the masthead, not the menu item 한줄뉴스
    assert paragraphs(article) == [
        '한빛전자가 경쟁사의 조기 출시에 유감을 표명했다. 회사 관계자는 "협의 없는 결정"이라고 말했다.',
        "한편 한빛전자는 다음달 신제품을 낸다.",
    ]


def test_headlines_like_mastheads_or_menus_and_a_bulleted_list_in_the_story_are_kept():
    paper = text("위기의 지역신문\n\n지역신문 10곳 중 3곳이 적자를 냈다. 광고 매출이 줄었다.")
    assert paper.title == "위기의 지역신문" and paper.outlet is None
    headline = "정치 경제 사회 문화 전반에 걸친 개혁 과제 산적한 새 정부 출범"
    assert text(f"{headline}\n\n새 정부가 출범했다. 과제가 많다.").title == headline
    listed = text(
        "한빛전자 실적 발표\n\n한빛전자가 3분기 실적을 발표했다. 주요 제품별 성적은 다음과 같다.\n"
        "• 스마트폰\n• 태블릿\n• 노트북\n회사는 4분기에도 성장을 자신했다."
    )
    assert "• 태블릿" in paragraphs(listed)


def test_a_regional_desk_tag_and_a_most_commented_list_leave_the_item():
    article = text(
        "○…한빛시는 내년 예산 편성을 앞두고 시의원들의 지역구 사업 요구에 골머리. 시 관계자는 \"요구가 너무 많다\"고 푸념. (한빛)\n\n\n\n"
        "댓글 많은 뉴스\n\"한빛시장 사퇴하라\" 시민단체 기자회견\n한빛시 예산 3조 돌파…역대 최대\n새벽배송 금지 논의에 불만 폭발"
    )
    assert paragraphs(article) == [
        "○…한빛시는 내년 예산 편성을 앞두고 시의원들의 지역구 사업 요구에 골머리. 시 관계자는 \"요구가 너무 많다\"고 푸념."
    ]
    kept = text("한빛시 예산\n\n시는 예산을 늘렸다. 시장은 \"필요하다\"(웃음)고 말했다.")
    assert "(웃음)" in kept.body  # not after a sentence's end: no desk tag


def test_bracketed_bylines_glued_before_the_copyright_name_the_reporters():
    byline_and_story(
        "한빛전자, 유럽 공장 증설\n\n한빛전자가 헝가리 공장을 늘린다. 투자액은 1조원이다.\n"
        "[홍길동 기자 / 김철수 기자][ⓒ 한빛경제 & hbeco.co.kr, 무단전재 및 재배포 금지]",
        "한빛경제", ["홍길동", "김철수"], ["한빛전자가 헝가리 공장을 늘린다. 투자액은 1조원이다."])


def test_a_broadcasters_contact_line_reporter_email_line_and_slogan():
    byline_and_story(
        "한빛배터리 조지아 공장 가동 지연\n\n한빛배터리의 조지아 공장 가동이 늦어질 전망이다.\n\n"
        "한빛뉴스TV 기사문의 및 제보 : 카톡/라인 hb1234\n\n이서준(seojun@example.com)\n\n당신이 담은 순간이 뉴스입니다!\n\n"
        "ⓒ한빛뉴스TV, 무단 전재-재배포, AI 학습 및 활용 금지",
        "한빛뉴스TV", ["이서준"], ["한빛배터리의 조지아 공장 가동이 늦어질 전망이다."])


def test_a_wire_dateline_and_reporter_after_the_last_sentence():
    article = text("외국인들이 2천억원을 순매수했다. 전문가들은 반도체 가격 바닥론을 이유로 꼽았다. (서울=한빛통신) 홍길동기자")
    assert (article.outlet, article.reporters) == ("한빛통신", ["홍길동"])
    assert article.body == "외국인들이 2천억원을 순매수했다. 전문가들은 반도체 가격 바닥론을 이유로 꼽았다."


def test_a_stored_pages_date_field_before_the_lede():
    article = text(" date 2025-10-28 한빛클라우드가 AI 인프라 구축에 나선다.\n\n회사는 세종 데이터센터를 늘린다.")
    assert article.date == "2025-10-28"
    assert paragraphs(article)[0] == "한빛클라우드가 AI 인프라 구축에 나선다."


def test_a_script_identifier_and_an_outlets_promotion_are_no_headline_or_story():
    article = text(
        "본문 바로가기\nbar_progress\n\n글자크기 설정\n\n닫기\n\n국회, 18일 본회의 합의\n\n"
        "[한빛경제 홍길동 기자] 여야가 18일 본회의를 열기로 합의했다.\n\n[한빛경제 증권방송] - 종목 수익률 100% 따라하기\n\n"
        "홍길동 기자 hong@example.com"
    )
    assert article.title == "국회, 18일 본회의 합의"
    assert paragraphs(article) == ["여야가 18일 본회의를 열기로 합의했다."]


def test_a_page_flattened_to_one_line_gives_headline_date_reporter_and_story():
    article = text(
        "산업 반도체 코리아, 힘내라! 발행일 : 2016-02-01 08:00 지면 : 2016-02-01 1면 공유하기 페이스북 X(트위터) 메일 URL 복사 "
        "글자크기 설정 가 작게 가 보통 가 크게 반도체는 올해 가장 확실한 수출 주력산업이다. 지난해 600억달러로 사상 최대 수출 실적을 냈다. "
        "한빛반도체가 경기도 한빛시에 새 팹을 짓고 있다. 새벽 타워크레인이 분주히 움직이고 있다. 한빛=홍길동기자 photo@example.com 반도체한빛팹"
    )
    assert article.title == "산업 반도체 코리아, 힘내라!"  # the section's words stay: nothing tells them from the headline's
    assert (article.date, article.reporters) == ("2016-02-01T08:00", ["홍길동"])
    assert article.body.startswith("반도체는 올해") and article.body.endswith("분주히 움직이고 있다.")


def test_a_broadcast_story_its_players_labels_date_with_programme_and_the_hand_off_to_the_reporter():
    byline_and_story(
        "기사 본문 영역\n\n상세페이지\n\n반도체 수출 순항…과제는 여전\n입력 2018.03.02 (06:36) 수정 2018.03.02 (08:20) 뉴스광장 1부\n"
        "자동재생\n동영상영역 시작\n동영상영역 끝\n<앵커 멘트>\n\n지난달 수출이 1년 전보다 10% 넘게 늘었습니다.\n\n이서준 기자입니다.\n\n<리포트>\n\n"
        "반도체 수출은 40% 이상 늘었습니다.\n\n그는 유능한 기자입니다.",  # not a hand-off: no name before 기자
        None, ["이서준"], ["지난달 수출이 1년 전보다 10% 넘게 늘었습니다.", "반도체 수출은 40% 이상 늘었습니다.", "그는 유능한 기자입니다."],
        title="반도체 수출 순항…과제는 여전", date="2018-03-02T06:36")
    source = text("한빛전자, 투자 확대\n한빛뉴스 2025-03-27 00:00:51\n한빛전자가 투자를 늘린다. 회사가 밝혔다.")
    assert (source.outlet, source.date) == ("한빛뉴스", "2025-03-27T00:00")  # a portal's source line, not a programme
    other = text("전기차 화재\n\n[앵커]\n\n택시에서 불이 났습니다.\n\n먼저 노도일 기자가 보도합니다.\n\n[기자]\n\n불은 2시간 만에 꺼졌습니다.")
    assert other.reporters == ["노도일"] and "노도일" not in other.body


def test_a_broadcasters_reporter_line_with_outlet_and_email_and_its_tip_line_block():
    byline_and_story(
        "어제 한빛시에서 충전 중이던 전기차에 불이 났습니다.\n소방당국은 화재 원인을 조사하고 있습니다.\n"
        "YTN 황보서연 (hwangbo@example.com)\n※ '당신의 제보가 뉴스가 됩니다'\n[카카오톡] YTN 검색해 채널 추가\n[전화] 02-000-0000\n"
        "[메일] social@example.com\n[저작권자(c) YTN 무단전재, 재배포 및 AI 데이터 활용 금지]",
        "YTN", ["황보서연"], ["어제 한빛시에서 충전 중이던 전기차에 불이 났습니다.", "소방당국은 화재 원인을 조사하고 있습니다."])


def test_photo_desk_bylines_a_senior_title_and_the_subscription_line():
    desk = text(
        "▲ 한빛시청 앞 광장에 대형 목욕의자가 등장해 눈길을 끈다. 사진영상부 차장\n▲ 김동수기자 사진영상부 차장\n\n"
        "한빛시청 앞 광장에 대형 목욕의자가 등장해 눈길을 끈다. 사진영상부 차장\n\n저작권자 © 한빛일보 무단전재 및 재배포 금지"
    )
    assert (desk.outlet, desk.reporters) == ("한빛일보", ["김동수"])
    assert desk.body == "한빛시청 앞 광장에 대형 목욕의자가 등장해 눈길을 끈다."
    senior = text(
        "6일 한빛시 강변역 앞 건널목에 예비후보들의 펼침막이 겹겹이 걸려 있다. 강재훈 선임기자 khan@example.com\n"
        "6일 한빛시 강변역 앞 건널목에 예비후보들의 펼침막이 겹겹이 걸려 있다.\n강재훈 선임기자 khan@example.com\n"
        "항상 시민과 함께하겠습니다. 한빛겨레 구독신청 하기"
    )
    assert (senior.outlet, senior.reporters) == ("한빛겨레", ["강재훈"])  # not 선임
    assert senior.body == "6일 한빛시 강변역 앞 건널목에 예비후보들의 펼침막이 겹겹이 걸려 있다."


def test_an_image_note_and_an_outlets_most_read_lists():
    article = text(
        "※ 이미지를 클릭하시면 좀더 큰 이미지를 보실 수 있습니다.\n후보자 얼굴 사진 1500장을 모아 모자이크 사진을 만들었다.\n"
        "광고\n한빛21 인기기사\n광고\n한빛신문 인기기사\n\"경찰, 경호처 직원 진술 확보\"\n오세훈, 자제가 안 되지? [그림판]"
    )
    assert paragraphs(article) == ["후보자 얼굴 사진 1500장을 모아 모자이크 사진을 만들었다."]
