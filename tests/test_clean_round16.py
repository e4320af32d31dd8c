"""Cleaning and metadata on page layouts of round 16 (issue 11, set15's and set16's causes). Texts written for these
tests (no real page text): outlets, names and towns are made up."""
import time

import pytest
from cpu_budget import ceiling

from store.ingest.clean import clean
from store.ingest.readers import read_documents
from store.model import Article, Document


def text(body: str) -> Article:
    return clean(Document(source="t.txt", text=body, kind="text", meta={}))


def read(tmp_path, body: str) -> Article:  # through the reader, as `hanscope index` and the eval read a .txt page
    f = tmp_path / "a.txt"
    f.write_text(body, encoding="utf-8")
    docs, _ = read_documents(f)
    return clean(docs[0])


HEAD = "한빛시, 도로 정비 예산 늘려"
BODY = "한빛시는 올해 도로 정비에 예산을 더 쓰기로 했다.\n\n시는 다음 달부터 공사를 시작한다고 밝혔다."
LONG = ("한빛시는 올해 도로 정비 예산을 지난해보다 크게 늘려 낡은 도로와 인도를 고치기로 했다고 밝혔다. "
        "시는 다음 달부터 공사를 시작해 연말까지 마칠 계획이다.")


def lines_of(a: Article) -> list[str]:
    return a.body.split("\n\n")


# --- titles: chrome above the headline ---------------------------------------------------------


def test_bulleted_section_path_is_no_title(tmp_path):
    a = read(tmp_path, f"• 정치/행정\n  • 6·1 지방선거\n\n{HEAD}\n\n박서윤 기자\n\n  • 승인 2022-05-30 11:19\n{BODY}")
    assert a.title == HEAD
    assert "정치/행정" not in a.body and "지방선거" not in a.body


def test_tag_page_first_item_is_the_title_and_next_item_is_cut(tmp_path):
    nxt = "한빛구, 공원 새 단장…주민 쉼터로"
    a = read(tmp_path, f"본문 바로가기\n  • {HEAD}\n\n    {HEAD}\n\n    {LONG}\n\n  • {nxt}\n\n    {nxt}\n\n"
                       "    한빛구는 공원을 새로 꾸몄다고 밝혔다.")
    assert a.title == HEAD
    assert nxt not in a.body and "공원을 새로" not in a.body
    assert "도로 정비 예산" in a.body


def test_bulleted_line_in_the_story_stays():
    a = text(f"{HEAD}\n\n{LONG}\n\n• 도로 정비는 다음 달에 시작된다.\n\n시는 주민 의견을 듣겠다고 했다.")
    assert "도로 정비는 다음 달에 시작된다." in a.body
    assert "주민 의견" in a.body


def test_bulleted_headline_without_a_repeat_is_kept(tmp_path):
    a = read(tmp_path, f"• {HEAD}\n\n{BODY}")
    assert a.title == HEAD  # no unbulleted headline below it: kept as the headline (round 18: without its bullet)


def test_menu_rows_above_the_headline():
    rows = "IT·과학 산업 경제\n정치 사회 문화·생활\n전국 글로벌 연예·스포츠\n오피니언 포토·영상 기획&시리즈\n스페셜&이벤트 포럼 리포트 한빛TV"
    a = text(f"{rows}\n\n{HEAD}\n\n{BODY}")
    assert a.title == HEAD
    assert a.subtitle is None or "오피니언" not in a.subtitle
    for word in ("오피니언", "스페셜", "문화·생활"):
        assert word not in a.body


def test_two_short_rows_are_not_a_menu():
    a = text(f"도로 정비 본격화\n경제 사회 파급\n\n{BODY}")  # two rows only: a headline and its deck may look so
    assert a.title == "도로 정비 본격화"


def test_layout_labels_and_mail_button():
    a = text(f"상단영역\n\n본문영역\n\n• 페이스북\n  • 이메일보내기\n  • URL복사\n사회\n\n{HEAD}\n\n등록 2024.06.24 08:36\n\n{BODY}")
    assert a.title == HEAD
    assert "상단영역" not in a.body and "이메일보내기" not in a.body


# --- forum chrome ----------------------------------------------------------------------------------


def test_forum_post_chrome_and_repost_label(tmp_path):
    page = ("게시판 즐겨찾기\n편집\n드래그 앤 드롭으로\n즐겨찾기 아이콘 위치 수정이 가능합니다.\n"
            f"[펌글] {HEAD}\n게시물ID : sports_12345짧은주소 복사하기\n작성자 : 한빛나래\n추천 : 1\n조회수 : 892회\n"
            f"댓글수 : 0개\n등록시간 : 2015/02/10 15:47:47\n\n\n{LONG}")
    a = read(tmp_path, page)
    assert a.title == HEAD
    for chrome in ("즐겨찾기", "드래그", "게시물ID", "작성자", "조회수", "댓글수", "짧은주소"):
        assert chrome not in a.body, chrome


def test_counter_word_in_prose_stays():
    a = text(f"{HEAD}\n\n조회수는 하루 만에 892회를 넘었다고 시는 밝혔다.\n\n{BODY}")
    assert "조회수는 하루 만에 892회를 넘었다" in a.body


# --- outlets ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["한빛일보(www.hanbit.co.kr), 무단전재 및 수집, 재배포 금지",
                                  "한빛일보 (https://www.hanbit.com), 무단전재 및 재배포 금지"])
def test_copyright_line_with_web_address_names_the_outlet(line):
    a = text(f"{HEAD}\n\n{BODY}\n\n{line}")
    assert a.outlet == "한빛일보"
    assert "무단전재" not in a.body


def test_right_of_reply_footer_names_the_outlet():
    a = text(f"{HEAD}\n\n{LONG}\n\n한빛신문의 모든 기사에 대해 반론할 수 있는 권리가 보장됩니다.\n"
             "반론할 내용이 있으시면 news@hanbit.com로 보내주시면 됩니다.\n이와 더불어 각종 소식 등 알릴수 있는 내용")
    assert a.outlet == "한빛신문"
    assert "반론" not in a.body and "알릴수" not in a.body


def test_marked_copyright_credit_at_the_top():
    a = text(f"▲ ⓒ한빛신문\n\n{LONG}")
    assert a.outlet == "한빛신문"
    assert "ⓒ" not in a.body


def test_bare_credit_between_paragraphs_is_a_photo_credit():
    a = text(f"{HEAD}\n\n{LONG}\n\nⓒ한빛문화재단\n\n시는 주민 의견도 듣기로 했다고 덧붙였다.\n\n한빛뉴스 박서윤 기자")
    assert a.outlet == "한빛뉴스"
    assert "주민 의견도" in a.body and "ⓒ" not in a.body


def test_legal_notice_is_dropped_and_names_no_outlet():
    a = text(f"{HEAD}\n\n{LONG}\n\n위 기사의 법적인 책임과 권한은 한빛엘엠씨에 있습니다.")
    assert "법적인 책임" not in a.body
    assert a.outlet is None


def test_reporter_profile_lines():
    a = text(f"{HEAD}\n\n{LONG}\n담당업무 : 유통 담당합니다.\n좌우명 : 하루를 살아도 감사하게")
    assert "담당업무" not in a.body and "좌우명" not in a.body


# --- bylines and datelines -------------------------------------------------------------------------


def test_name_outlet_email_tail_glued_to_the_story():
    a = text(f"{HEAD}\n\n{LONG[:-1]}.박서윤 한빛아시아 기자 syun@hanbit.co.kr")
    assert a.reporters == ["박서윤"] and a.outlet == "한빛아시아"
    assert "@" not in a.body and a.body.endswith("계획이다.")


def test_name_outlet_tail_needs_the_email():
    a = text(f"{HEAD}\n\n시장은 이날 행사에서 \"고맙다\"고 말했다. 박서윤 한빛 기자")
    assert a.outlet is None and a.reporters == []  # without an email no name-outlet tail is read (as before)


@pytest.mark.parametrize("lede", ["한빛일보 = 박서윤 기자 | ", "한빛일보=박서윤 기자| "])
def test_outlet_equals_name_bar_byline(lede):
    a = text(f"{HEAD}\n{lede}{LONG}")
    assert a.reporters == ["박서윤"] and a.outlet == "한빛일보"
    assert a.body.startswith("한빛시는")


def test_town_equals_name_bar_byline_names_no_outlet():
    a = text(f"{HEAD}\n구미=박서윤 기자 | {LONG}")
    assert a.reporters == ["박서윤"] and a.outlet != "구미"


def test_slash_byline_line(tmp_path):
    a = read(tmp_path, f"{LONG}\n/박서윤기자\n기사 URL이 복사되었습니다.")
    assert a.reporters == ["박서윤"]
    assert "박서윤" not in a.body


@pytest.mark.parametrize("mark", ["【한빛】", "【 한빛 】"])
def test_desk_dateline_before_the_lede(mark):
    a = text(f"{HEAD}\n\n{mark}{LONG}")
    assert a.body.startswith("한빛시는") and "【" not in a.body


def test_town_and_outlet_dateline_in_brackets():
    a = text(f"{HEAD}\n\n  (화천 한빛리더) {LONG}")
    assert a.outlet == "한빛리더" and a.body.startswith("한빛시는")


@pytest.mark.parametrize("lede", ["(사진 설명) 한빛시는 도로를 고쳤다고 밝혔다.", "(서울 종합) 한빛시는 도로를 고쳤다고 밝혔다.",
                                  "(한빛 박서윤) 한빛시는 도로를 고쳤다고 밝혔다.", "(대구 달서구) 주민들이 도로를 고쳤다고 밝혔다.",
                                  "(부산 해운대) 주민들이 도로를 고쳤다고 밝혔다.", "(서울 강남) 주민들이 도로를 고쳤다고 밝혔다."])
def test_brackets_that_are_no_outlet(lede):
    a = text(f"{HEAD}\n\n{lede}")
    assert a.outlet is None


@pytest.mark.parametrize("line", ["TV한빛 박서윤입니다.", "HBS 박서윤입니다."])
def test_broadcast_sign_off_naming_the_channel(line):
    a = text(f"{HEAD}\n\n[앵커]\n{LONG}\n\n[리포트]\n{LONG}\n\n{line}")
    assert line not in a.body
    assert "박서윤" in a.reporters


def test_sign_off_word_is_no_name():
    a = text(f"{HEAD}\n\n{LONG}\n\nKBS 현장입니다.")
    assert "현장" not in a.reporters


def test_job_letters_are_no_channel():
    a = text(f"{HEAD}\n\n{LONG}\n\nCEO 박서윤입니다.\n\n{LONG.replace('올해', '내년')}")
    assert "박서윤" not in a.reporters and "CEO 박서윤입니다." in a.body


def test_print_page_after_a_date():
    a = text(f"{HEAD}\n\n박서윤기자\n등록일 2015-10-21 02:01 게재일 2015-10-21 10면\n{LONG}")
    assert a.date == "2015-10-21T02:01"
    assert "게재일" not in a.body


# --- captions --------------------------------------------------------------------------------------


def test_credited_caption_between_paragraphs():
    cap = "5일 한빛시장이 새 도로 개통식에서 주민들을 환영하고 있다."
    a = text(f"{HEAD}\n\n{cap} 박서윤 기자\n\n{LONG}\n\n{cap[:3]}부시장이 축사를 하고 있다. 박서윤 기자\n\n{LONG.replace('올해', '내년')}")
    assert cap in a.captions
    assert cap not in a.body
    assert "박서윤" in a.reporters


def test_last_paragraph_with_its_byline_stays_in_the_story():
    last = "시는 공사 기간 우회 도로를 안내하고 있다."
    a = text(f"{HEAD}\n\n{LONG}\n\n{last} 박서윤 기자")
    assert last in a.body and last not in a.captions


def test_artwork_caption():
    a = text(f"{HEAD}\n\n▲ 박서윤作 `도시의 밤`\n{LONG}")
    assert "박서윤作 `도시의 밤`" in a.captions
    assert "作" not in a.body


def test_wire_page_flattened_by_an_aggregator():
    page = ("박서윤기자 구독 구독중 이전 다음 한빛시 도로 예산 늘려…\"주민 불편 줄인다\" 이미지 확대 2일 개통식에서 인사하는 "
            "한빛시장 [촬영 박서윤] (한빛=연합뉴스) 박서윤 기자 = \"고맙습니다.\" 한빛시장은 2일 도로 개통식에서 이렇게 "
            "말했다. 시는 다음 달부터... read full story")
    a = text(page + "\n\nAsk about this article\n\nAnswer for your question of the article will be displayed here ...")
    assert a.reporters == ["박서윤"] and a.outlet == "연합뉴스"
    assert "2일 개통식에서 인사하는 한빛시장" in a.captions
    for chrome in ("구독", "이미지 확대", "촬영", "read full story", "Ask about", "Answer for"):
        assert chrome not in a.body, chrome


def test_image_enlarge_words_in_prose_stay():
    a = text(f"{HEAD}\n\n시는 이미지 확대 기능을 새로 넣었다고 밝혔다. {LONG}")
    assert "이미지 확대 기능" in a.body


# --- linear on hostile pages -----------------------------------------------------------------------


@pytest.mark.parametrize("page", [
    "• 가\n" * 100_000 + BODY,
    ("정치 사회 문화·생활\n" * 50_000) + BODY,
    HEAD + "\n\n" + "이미지 확대 가" * 200_000 + " [촬영 박서윤] (한빛=연합뉴스) " + BODY,
    HEAD + "\n\n" + "【" * 10_000 + "(화천 " * 10_000 + BODY,
    HEAD + "\n\n" + "·" * 100_000 + "\n" + BODY,
    HEAD + "\n\n" + "가나다라 " * 600_000 + "박서윤 한빛아시아 기자 syun@hanbit.co.kr",  # a 3 MB one-line article
    HEAD + "\n\n" + "ⓒ한빛\n" * 50_000 + BODY,
    HEAD + "\n\n" + "5일 행사를 하고 있다. 박서윤 기자\n" * 30_000 + LONG,
    "박서윤기자 구독 구독중 이전 다음 " * 50_000 + BODY,
], ids=lambda page: f"{len(page)}-chars")  # the pages themselves would be megabytes of test id
def test_linear(page):
    t = time.process_time()
    text(page)
    assert time.process_time() - t < ceiling(20)
