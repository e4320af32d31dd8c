"""Cleaning and metadata on page layouts of round 14 (issue 11, set14's causes): a broadcast transcript flattened on a
video mirror, a section link taken as the headline, an aggregator's source label after the headline, outlets named by
`Copyrights ⓒ`, a forum's `출처-` line and a `저작권은 … 에 있으며` notice, the time of a date line on the stored day,
share and tip buttons, a print page label, an image's file name, a `(사진_…)` credit and a `▲ … (사진)` caption. Every
text here was written for these tests in the outlets' styles."""
import time

import pytest
from cpu_budget import ceiling

from store.ingest.clean import clean
from store.ingest.clean_transcript import split_transcript
from store.model import Article, Document


def text(body: str) -> Article:
    return clean(Document(source="t.txt", text=body, kind="text", meta={}))


def paragraphs(article: Article) -> list[str]:
    return [article.body[s:e] for s, e in article.paragraphs]


TRANSCRIPT = (
    "한빛제약, 3조원 규모 기술 수출…창사 이래 최대\n"
    "한빛제약, 3조원 규모 기술 수출…창사 이래 최대 [한빛뉴스830] [앵커] 한빛제약이 대규모 기술 수출에 성공했습니다 "
    "계약금만 2천억 원에 이릅니다 박서윤 기자의 보도입니다 [기자] 한빛제약이 이번에 수출한 것은 비만 치료 후보물질입니다 "
    "[김도현 / 한빛제약 대표] \"세계 시장의 약 2 3%에 불과한 국내 시장을 넘어서야 합니다\" 회사 주가는 장중 12만 3천 원을 "
    "기록했습니다 한빛뉴스TV 박서윤입니다 한빛뉴스TV : 02-123-4567(제보) 4568(기사문의), tip@hanbit co kr (끝)"
)


def test_a_transcript_on_one_line_loses_its_labels_hand_off_sign_off_and_tip_line():
    article = text(TRANSCRIPT)
    assert article.title == "한빛제약, 3조원 규모 기술 수출…창사 이래 최대"
    assert (article.outlet, article.reporters) == ("한빛뉴스TV", ["박서윤"])
    body = paragraphs(article)
    assert body[0] == "한빛제약이 대규모 기술 수출에 성공했습니다 계약금만 2천억 원에 이릅니다"
    assert body[-1].endswith("회사 주가는 장중 12만 3천 원을 기록했습니다")
    joined = "\n".join(body)
    for chrome in ("[앵커]", "[기자]", "[한빛뉴스830]", "보도입니다", "박서윤입니다", "02-123-4567", "(끝)", "3조원"):
        assert chrome not in joined, chrome
    assert "[김도현 / 한빛제약 대표]" in joined  # a speaker's label is the story's (who speaks)


def test_a_transcript_with_angle_labels_and_a_news_sign_off():
    page = ("서울 도심 폭설…출근길 불편\n<앵커> 오늘 새벽 서울 도심에 폭설이 내렸습니다 최민재 기자가 보도합니다 <기자> 출근길 시민들이 불편을 겪었습니다 "
            "시는 제설 차량 300대를 투입했습니다 한빛 뉴스 최민재입니다")
    article = text(page)
    assert article.reporters == ["최민재"] and article.outlet == "한빛"
    assert paragraphs(article) == ["오늘 새벽 서울 도심에 폭설이 내렸습니다",
                                   "출근길 시민들이 불편을 겪었습니다 시는 제설 차량 300대를 투입했습니다"]


@pytest.mark.parametrize("page", [
    "[앵커]\n오늘 날씨입니다.\n[기자]\n맑겠습니다.",  # labels alone on their lines: as before
    "이 기사는 [기자] 수첩 코너에 실렸습니다. 한빛일보는 매주 이 코너를 싣는다.",  # one label in prose, no transcript
    "한빛일보 기자수첩.",
])
def test_lines_without_a_flattened_transcript_are_not_split(page):
    assert split_transcript(page) == page


def test_a_label_inside_prose_keeps_the_prose():
    article = text("한빛일보 기자수첩 코너가 새 단장을 했다고 회사가 밝혔다. [기자] 코너는 매주 월요일 실린다. 독자 반응이 좋다.")
    assert "코너는 매주 월요일 실린다. 독자 반응이 좋다." in "\n".join(paragraphs(article))
    assert article.reporters == []


def test_a_sign_off_alone_with_a_channel_name():
    article = text("태풍이 북상하면서 제주 해안에 높은 파도가 일고 있습니다.\n\n해경은 선박의 출항을 통제했습니다.\n\n한빛방송 정다은입니다.")
    assert (article.outlet, article.reporters) == ("한빛방송", ["정다은"])
    assert paragraphs(article) == ["태풍이 북상하면서 제주 해안에 높은 파도가 일고 있습니다.", "해경은 선박의 출항을 통제했습니다."]


def test_a_broadcast_line_ending_in_a_word_is_no_sign_off():
    page = ("한빛시 축제 개막…시민 몰려\n[앵커] 한빛시 축제가 오늘 개막했습니다 [기자] 축제장에는 시민들이 몰렸습니다 "
            "지금부터는 중계방송 현장입니다 시민들은 즐거운 하루를 보냈습니다")
    article = text(page)
    assert article.reporters == [] and article.outlet is None
    assert "중계방송 현장입니다" in paragraphs(article)[-1]


def test_a_hand_off_naming_the_report():
    article = text("밤사이 내린 비로 하천이 불어났습니다.\n\n윤서진 기자의 보도입니다.\n\n하천 주변 산책로가 통제됐습니다.")
    assert article.reporters == ["윤서진"]
    assert paragraphs(article) == ["밤사이 내린 비로 하천이 불어났습니다.", "하천 주변 산책로가 통제됐습니다."]


WEATHER_AND_SECTION = """2026.01.10 (토)

  • 맑음서울 -8.1℃
  • 흐림부산 -2.0℃
기상청 제공
메뉴

경제/산업

전체기사 보기

한빛은행, 전산 장애로 이체 중단…전 지점 점검

[한빛타임즈 = 오지훈 기자] 한빛은행의 전산 장애로 10일 오전 계좌 이체가 두 시간 가까이 중단됐다. 은행은 원인을 조사하고 있다.
"""


def test_a_section_link_above_the_headline_is_no_title():
    article = text(WEATHER_AND_SECTION)
    assert article.title == "한빛은행, 전산 장애로 이체 중단…전 지점 점검"
    assert (article.outlet, article.reporters) == ("한빛타임즈", ["오지훈"])


@pytest.mark.parametrize("tail, title", [
    (" 뉴시스", "한국인, 다시 일본으로? 여행 수요 역전…한빛투어"),
    (" - 뉴시스", "한국인, 다시 일본으로? 여행 수요 역전…한빛투어"),
])
def test_an_aggregator_s_source_label_after_the_headline_goes_when_the_byline_names_that_outlet(tail, title):
    page = f"{title}{tail}\n【서울=뉴시스】김하늘 기자 = 여름 휴가철 일본 여행 수요가 다시 늘었다. 한빛투어가 집계한 결과다."
    article = text(page)
    assert (article.title, article.outlet, article.reporters) == (title, "뉴시스", ["김하늘"])


def test_a_headline_ending_in_another_word_keeps_it():
    page = "한빛일보 창간 30주년 맞은 한빛뉴스\n【서울=뉴시스】김하늘 기자 = 한빛뉴스가 창간 30주년을 맞았다. 기념식이 열렸다."
    assert text(page).title == "한빛일보 창간 30주년 맞은 한빛뉴스"  # the outlet is 뉴시스: nothing to take off


def test_copyrights_with_an_s_names_the_outlet_and_leaves_the_body():
    page = ("경주시, 기업 현장 간담회 열어\n\n한빛시는 지난 13일 외동공단에서 기업인 간담회를 열었다. 시장과 기업인 30여 명이 참석했다.\n\n"
            "|\n홍길동 기자 hong@naver.com - Copyrights ⓒ한빛신문.\n무단 전재 및 재배포 금지 -\n|\n실시간\n많이본\n")
    article = text(page)
    assert article.outlet == "한빛신문"
    assert paragraphs(article) == ["한빛시는 지난 13일 외동공단에서 기업인 간담회를 열었다. 시장과 기업인 30여 명이 참석했다."]


def test_a_forum_s_source_line_and_the_copyright_owner_name_the_outlet():
    page = ("한빛자동차가 신형 소형차를 다음달 공개한다. 5년 만의 완전 변경이다.\n \n \n한빛자동차는 올해 판매 목표로 50만대를 제시했다.\n"
            " \n홍길동 기자 hong@hanbiz.com\n\n출처-한빛경제\n \n<본 기사의 저작권은 한빛경제에 있으며, 무단 전재 및 재배포를 금합니다.>")
    article = text(page)
    assert (article.outlet, article.reporters) == ("한빛경제", ["홍길동"])
    assert paragraphs(article) == ["한빛자동차가 신형 소형차를 다음달 공개한다. 5년 만의 완전 변경이다.",
                                   "한빛자동차는 올해 판매 목표로 50만대를 제시했다."]


def test_the_owner_notice_alone_names_the_outlet():
    page = "한빛시가 새 공원을 열었다. 시민 반응이 좋다.\n\n<본 기사의 저작권은 한빛일보에 있으며, 무단 전재 및 재배포를 금합니다.>"
    assert text(page).outlet == "한빛일보"


@pytest.mark.parametrize("line", ["출처: 통계청", "출처-통계청 자료", "출처 - 한빛연구원", "출처: 연합뉴스", "출처=한빛일보"])
def test_a_source_line_naming_no_outlet_is_no_outlet(line):
    article = text(f"한빛시 인구가 처음으로 줄었다. 출생아 수가 크게 감소했다.\n\n{line}")
    assert article.outlet is None


def test_the_time_of_a_date_line_on_the_stored_day():
    page = (" date 2025-10-01 한빛 업계 시련의 계절… 두 회사 모두 조사\n\n방금 들어온 뉴스\n\n한빛 업계 시련의 계절… 두 회사 모두 조사\n\n"
            "김서연 기자\n입력 2025-10-01 16:58\n수정 2025-10-01 17:20\n한빛 업계가 동시다발적 압박에 직면했다. 당국은 현장 검사를 실시했다.")
    article = text(page)
    assert article.date == "2025-10-01T16:58"
    assert article.reporters == ["김서연"]


def test_a_stored_day_with_another_day_s_time_keeps_the_day():
    page = " date 2025-10-01 한빛 업계 소식\n\n입력 2025-09-30 08:00\n한빛 업계가 동시다발적 압박에 직면했다. 당국은 현장 검사를 실시했다."
    assert text(page).date == "2025-10-01"


def test_share_and_tip_buttons_a_photo_credit_with_an_underscore_and_the_copyright_leave_the_body():
    page = ("- 기업 투자유치, 설비투자비 등 지원\n\n                                (사진_한빛군)\n\n"
            "[한빛신문=이서영 기자] 한빛군과 이웃 두 시가 일자리 협약을 맺었다. 20여 명이 참석했다.\n\n"
            "군수는 “좋은 일자리를 만들겠다”고 말했다.\n\nSNS 기사보내기\n기사제보\n저작권자 © 한빛신문 무단전재 및 재배포 금지")
    article = text(page)
    assert (article.outlet, article.reporters) == ("한빛신문", ["이서영"])
    body = paragraphs(article)
    assert body[-2:] == ["한빛군과 이웃 두 시가 일자리 협약을 맺었다. 20여 명이 참석했다.", "군수는 “좋은 일자리를 만들겠다”고 말했다."]
    assert not any("사진_" in p or "기사보내기" in p or "기사제보" in p for p in body)


def test_an_archive_page_s_print_label_and_an_empty_date_label():
    page = ("한빛자동차, 신차 5종 동시 발표\n\n한빛일보\n\n입력\n\n지면보기\n\n종합 27면\n\n"
            "한빛자동차는 20일 서울에서 신차 발표회를 가졌다.\n\n국내외 인사 3천여명이 참석했다.\n\n홍길동 기자\n\nADVERTISEMENT")
    article = text(page)
    assert article.title == "한빛자동차, 신차 5종 동시 발표"
    assert paragraphs(article) == ["한빛자동차는 20일 서울에서 신차 발표회를 가졌다.", "국내외 인사 3천여명이 참석했다."]


@pytest.mark.parametrize("line", ["이 기사는 종합 27면에 실렸다.", "그는 5면 전체를 광고로 채웠다."])
def test_a_page_number_in_a_sentence_stays(line):
    assert line in paragraphs(text(f"한빛신문이 지면을 개편했다. 독자 반응이 좋다.\n\n{line}"))


def test_an_image_file_name_glued_before_the_lede_and_alone():
    page = ("한빛 자주포 수출 성사…첫 진출\n\n2023_photo-01.jpg\n\n132186273.3.jpg한빛에 국산 자주포를 수출하는 계약이 체결됐다. "
            "사상 첫 수출이다.")
    article = text(page)
    assert paragraphs(article) == ["한빛에 국산 자주포를 수출하는 계약이 체결됐다. 사상 첫 수출이다."]


@pytest.mark.parametrize("line", ["회사는 logo.png 파일을 새로 공개했다. 디자인이 바뀌었다.",
                                  "logo.png 파일이 새로 공개됐다. 디자인이 바뀌었다."])
def test_a_file_name_word_in_a_sentence_stays(line):
    assert paragraphs(text(f"한빛전자 로고 변경\n\n{line}")) == [line]


def test_a_caption_naming_who_the_photo_shows_moves_to_the_captions():
    page = ("\n▲ 홍길동 한빛ENM 대표이사(사진)가 두 서비스 통합을 앞두고 실적 반등 부담을 안고 있다.\n"
            "8일 업계에 따르면 두 OTT의 합병이 마무리 수순을 밟고 있다.\n"
            "홍길동 한빛ENM 대표이사(사진)는 합병 이후를 준비하고 있다.")
    article = text(page)
    assert article.captions == ["홍길동 한빛ENM 대표이사(사진)가 두 서비스 통합을 앞두고 실적 반등 부담을 안고 있다."]
    assert paragraphs(article) == ["8일 업계에 따르면 두 OTT의 합병이 마무리 수순을 밟고 있다.",
                                   "홍길동 한빛ENM 대표이사(사진)는 합병 이후를 준비하고 있다."]  # no ▲: the lede's own


def test_a_bulleted_list_item_with_a_mark_stays():
    page = "한빛시 올해 달라지는 것\n\n올해 바뀌는 제도는 다음과 같다.\n\n▲ 청년 월세 지원 확대(만 34세까지)\n\n▲ 버스 요금 동결"
    assert paragraphs(text(page))[1:] == ["▲ 청년 월세 지원 확대(만 34세까지)", "▲ 버스 요금 동결"]


# --- hostile inputs: each cleans in seconds and doubles with its input ---------------------------------------------

HOSTILE = {
    "20k turns (100k lines) on one line": lambda: "뉴스 " + "[앵커] 말합니다 홍길동 기자의 보도입니다 [기자] 전합니다 " * 20_000,
    "10k bracket tags before a label": lambda: "제목 " + "[한빛뉴스20] " * 10_000 + "[앵커] 안녕하세요 [기자] 네",
    "3 MB one-line transcript": lambda: "[앵커] " + "가" * 3_000_000 + " 한빛TV 홍길동입니다 끝",
    "100k sign-offs in the last turn": lambda: "[앵커] 시작 [기자] " + "한빛TV 홍길동입니다 " * 100_000,
    "100k image names": lambda: "\n".join("1.2.3.4.5.6.7.8.9.jpg가나다 문장이다." for _ in range(100_000)),
    "a 1 MB dotted name with no extension": lambda: "1." * 500_000 + "가나다라 문장이다.",
    "100k source lines": lambda: "본문 문장이 있다. 이것은 기사다.\n" + "출처-한빛경제\n" * 100_000,
    "100k owner notices": lambda: "본문 문장이 있다. 이것은 기사다.\n" + "<본 기사의 저작권은 한빛경제에 있으며, 무단 전재>\n" * 100_000,
    "100k photo captions": lambda: "\n".join("▲ 홍길동 대표(사진)가 웃고 있다." for _ in range(100_000)) + "\n본문 문장이 있다. 기사다.",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_pages_clean_in_seconds(name):
    body = HOSTILE[name]()
    started = time.process_time()
    try:
        text(body)
    except Exception as error:  # only "no article text" may be raised
        assert "no article text" in str(error), name
    assert time.process_time() - started < ceiling(8), name
