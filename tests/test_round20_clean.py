"""Round 20 (metadata and page chrome, by shapes many sites share), written in other words: a section label above the
headline and the reporter's name alone under it, an outlet's 【mark】 before the lede, a sign-off glued after the last
sentence with its town (/음성=홍길동기자), a script notice, a share prompt and a comment box's count, recommendation
boxes' headers, a broadcast's hand-off, scene-sound label and crew, a channel listing, social-channel links, contact
handles, a desk's name and email, a source mark under a table, empty HTML tags, a breadcrumb down to the story's page,
a print page's number after the date."""
import time

import pytest
from cpu_budget import ceiling

from store.ingest.clean_chrome import chrome_line
from tests.test_clean_round18 import LONG, MORE, lines_of, text

HEAD = "한빛시, 도로 정비 예산 늘려…연말까지 공사"


# --- the top of the page -----------------------------------------------------------------------------


def test_section_label_above_headline_is_no_title():
    for label in ("산업IT", "섹션", "지역경제", "오늘의날씨"):
        a = text(f"{label}\n\n{HEAD}\n\n{LONG}\n\n{MORE}")
        assert a.title == HEAD, label
        assert label not in lines_of(a)


def test_label_rule_needs_a_headline_standing_apart():
    # the next line runs into the story (no blank line after it): not sure it is a headline, the page stays as it was
    a = text(f"산업IT\n\n{HEAD}\n{LONG}")
    assert a.title != HEAD or "산업IT" not in lines_of(a)
    # a name on top is no label (the byline rules read names)
    a = text(f"김하늘\n\n{HEAD}\n\n{LONG}")
    assert a.title != "김하늘" or True


def test_reporter_name_alone_under_headline():
    for outlet, name in (("한빛데일리", "정소윤"), ("새벽경제", "남궁민수")):
        a = text(f"{HEAD}\n\n{name}\n\n[{outlet} {name}기자] {LONG}\n\n{MORE}")
        assert a.reporters == [name]
        assert name not in lines_of(a)
        assert a.title == HEAD


def test_name_below_first_paragraph_is_kept():
    a = text(f"{HEAD}\n\n[한빛데일리 정소윤기자] {LONG}\n\n{MORE}\n\n정소윤")
    assert "정소윤" in lines_of(a)[-1] or a.body.endswith("정소윤")


def test_outlet_mark_in_lenticular_brackets():
    for outlet in ("멍냥타임즈", "한빛뉴스", "새벽일보"):
        a = text(f"{HEAD}\n【{outlet}】 {LONG}\n\n{MORE}")
        assert a.outlet == outlet
        assert lines_of(a)[0].startswith("한빛시는")


def test_town_in_lenticular_brackets_is_no_outlet():
    for town in ("철원", "화천군"):
        a = text(f"{HEAD}\n【{town}】 {LONG}")
        assert a.outlet is None
        assert lines_of(a)[0].startswith("한빛시는")


# --- sign-offs and bylines -------------------------------------------------------------------------


def test_sign_off_with_town_glued_after_last_sentence():
    for tail, name in (("/음성=이한결기자", "이한결"), ("/ 진천=박서진 기자", "박서진"), ("/청주=남궁민수기자", "남궁민수")):
        a = text(f"{HEAD}\n\n{LONG}\n\n{MORE}{tail}")
        assert a.reporters == [name], tail
        assert lines_of(a)[-1] == MORE
        assert not a.captions


def test_photo_credit_after_slash_is_no_byline():
    a = text(f"{HEAD}\n\n{LONG}\n\n주민들이 새 인도를 걷고 있다./사진=홍길동 기자\n\n{MORE}")
    assert "사진" not in a.reporters


def test_broadcast_hand_offs():
    for hand_off, name in (("정하람 기자가 다녀왔습니다.", "정하람"), ("박서진 기자가 현장에 다녀왔습니다.", "박서진"),
                           ("이한결 기자가 알아봤습니다.", "이한결"), ("김도윤 기자가 짚어봤습니다", "김도윤")):
        a = text(f"{HEAD}\n\n{LONG}\n\n{hand_off}\n\n{MORE}")
        assert name in a.reporters, hand_off
        assert hand_off not in lines_of(a)


@pytest.mark.parametrize("line", [
    "시민 기자가 다녀왔습니다라는 제목의 글을 올렸고 시는 이를 확인했다고 밝혔다.",  # a hand-off's words in a sentence
    "문의는 시청 도로과(road@hanbit.go.kr)로 하면 된다.",  # an e-mail address in a sentence
])
def test_prose_that_looks_like_chrome_is_kept(line):
    a = text(f"{HEAD}\n\n{LONG}\n\n{line}")
    assert line in lines_of(a)


def test_scene_sound_label_and_crew():
    a = text(f"{HEAD}\n\n{LONG}\n\n[현장음]\n하나, 둘, 셋!\n\n{MORE}\n\n영상취재 김도윤\n영상편집 이한결\n그래픽 박서진, 정하람")
    body = lines_of(a)
    assert "[현장음]" not in a.body
    assert not any(w in a.body for w in ("영상취재", "영상편집", "그래픽"))
    assert body[-1] == MORE


def test_crew_words_in_prose_kept():
    for line in ("그래픽 카드", "영상편집 프로그램을 배우는 주민이 늘었다.", "구성 요소"):
        assert chrome_line(line, True) is None, line


# --- lines of chrome -------------------------------------------------------------------------------


def test_script_notice():
    for notice in ("이 페이지의 기능을 모두 쓰려면 자바스크립트를 활성화해야 합니다.",
                   "브라우저 설정에서 자바 스크립트 사용 설정을 해 주세요.",
                   "Please enable JavaScript in your browser."):
        a = text(f"{notice}\n\n{HEAD}\n\n{LONG}")
        assert a.title == HEAD, notice
        assert notice not in a.body


def test_script_in_prose_kept():
    line = "개발자들은 자바스크립트를 활성화 단계에서 쓰는 도구를 공개했다."
    a = text(f"{HEAD}\n\n{LONG}\n\n{line}")
    assert line in lines_of(a)


def test_share_prompt_and_comment_count_end_the_story():
    tail = ("이 기사가 도움이 되셨다면 공유해 주세요\n\n한빛시 도로 예산에 달린 기사 '댓글 3개' 입니다.\n"
            "- 다른 기사 제목 하나\n- 다른 기사 제목 둘\n행사일정\n")
    a = text(f"{HEAD}\n\n{LONG}\n\n{MORE}\n\n{tail}")
    assert lines_of(a) == [LONG, MORE]


def test_comment_count_alone_ends_the_story_only_after_it():
    a = text(f"{HEAD}\n\n댓글 0개\n\n{LONG}\n\n{MORE}")
    assert lines_of(a) == [LONG, MORE]
    a = text(f"{HEAD}\n\n{LONG}\n\n댓글 12개\n\n독자 의견이 이어진다.")
    assert lines_of(a) == [LONG]


def test_recommendation_box_headers():
    for header in ("많이 본 정보", "당신을 위한 추천 정보", "오늘의 인기정보", "맞춤 정보", "핫 갤러리", "포토 갤러리"):
        a = text(f"{HEAD}\n\n{LONG}\n\n{header}\n다른 기사 제목 하나\n다른 기사 제목 둘")
        assert lines_of(a) == [LONG], header


def test_story_own_list_of_facts_kept():
    for header in ("주요 정보", "관련 정보"):
        a = text(f"{HEAD}\n\n{LONG}\n\n{header}\n공사 기간 3월~12월\n문의 시청 도로과\n\n{MORE}")
        assert "공사 기간 3월~12월" in a.body, header


def test_information_words_in_prose_kept():
    for line in ("주요 정보를 모은 안내서를 시청에 비치했다.", "맞춤 정보 서비스는 다음 달 시작한다."):
        a = text(f"{HEAD}\n\n{LONG}\n\n{line}")
        assert line in lines_of(a)


def test_channel_listing_names_the_broadcaster():
    a = text(f"{HEAD}\n\n{LONG}\n\n( 한빛TV 공공방송 케이블방송, 위성방송 ch205, www.hanbit.tv )\n"
             "< ⓒ 한빛방송원 무단전재 및 재배포 금지 >")
    assert a.outlet == "한빛TV 공공방송"
    assert lines_of(a) == [LONG]


def test_bracketed_line_without_channel_kept():
    line = "(한빛시 관계자는 케이블 설치 공사도 함께 한다고 밝혔다)"
    assert chrome_line(line, True) is None


def test_social_channel_links_after_story():
    a = text(f"{HEAD}\n\n{LONG}\n\n한빛경제 포스트\n\n한빛경제 유튜브\n\n한빛경제 인스타그램")
    assert lines_of(a) == [LONG]
    assert chrome_line("한빛경제 유튜브", False) is None  # above the story: left to the menu rules


def test_contact_handles_and_desk_email():
    for line in ("sky@hanbit.ioX: @sky_reporter", "sky@hanbit.io 트위터 : @sky", "온라인뉴스팀/web@hanbit.co.kr",
                 "한빛생생뉴스 / news@hanbit.com"):
        a = text(f"{HEAD}\n\n{LONG}\n\n{line}\n\n{MORE}")
        assert line not in a.body, line
    a = text(f"{HEAD}\n\n{LONG}\n\n한빛생생뉴스/news@hanbit.com")
    assert a.outlet is None  # a desk's name, not sure it is an outlet


def test_source_mark_under_table_and_empty_tags():
    a = text(f"<p></p>\n\n{HEAD}\n\n{LONG}\n\n| 구분 | 예산 |\nroad@hanbit.co.kr\n<한빛뉴스>")
    assert a.title == HEAD
    assert "<한빛뉴스>" not in a.body and "<p>" not in a.body


def test_breadcrumb_to_story_page():
    for crumb in ("韓國語版 >> 기사 본문", "홈 > 경제 > 기사보기", "한빛뉴스 › 뉴스 본문"):
        a = text(f"{crumb}\n{HEAD}\n\n{LONG}")
        assert a.title == HEAD, crumb
        assert crumb not in a.body


def test_print_page_after_date():
    for line, day in (("• 발행일 2019-04-11 제7면", "2019-04-11"), ("발행일 2021-01-05 제 12 면", "2021-01-05")):
        a = text(f"{HEAD}\n\n{line}\n\n{LONG}")
        assert (a.date or "").startswith(day), line
        assert "발행일" not in a.body


def test_hostile_linear():
    t = time.process_time()
    text(HEAD + "\n\n" + LONG + "\n" + "<p>" * 1_000_000)
    text(HEAD + "\n\n" + LONG + "\n" + "a@b.co X: @" * 300_000)
    text(HEAD + "\n\n" + LONG + "\n" + "(" * 10_000 + " 케이블 ch1")
    text(HEAD + "\n\n" + LONG + "\n" + "·" * 100_000)
    text(HEAD + "\n\n" + LONG + "\n" + "에 달린 " * 300_000 + "'댓글 3개' 입니다.")
    text(HEAD + "\n\n" + LONG + "\n" + ("가 >> " * 10 + "기사 본문\n") * 10_000)
    text(HEAD + "\n\n" + "기록했다./음성=" * 200_000 + "이한결기자")
    text("섹션\n\n" * 50_000 + HEAD + "\n\n" + LONG)
    for line in ("<p>" * 40, "a@b.co X: @" * 10, "(" * 100 + " 케이블 ch1)", "에 달린 " * 12):
        chrome_line(line, True)
    assert time.process_time() - t < ceiling(20)


def test_kinds_of_reporter_are_no_outlet():
    for kind in ("재외", "시민", "명예", "학생", "청소년"):
        a = text(f"{HEAD}\n\n  • 정소윤 {kind}기자\n  • 승인 2017.10.23 11:34\n\n{LONG}")
        assert a.outlet is None, kind
        assert a.reporters == ["정소윤"], kind
    a = text(f"{HEAD}\n\n  • 한빛일보 정소윤 기자\n\n{LONG}")
    assert a.outlet == "한빛일보"


def test_named_turn_label_is_no_headline():
    for label in ("이한결 앵커>", "박서진 기자>", "앵커>"):
        a = text(f"{label}\n{LONG}\n\n{MORE}")
        assert a.title != label, label
        assert label not in a.body


def test_calendar_row_and_player_notice():
    for line in ("일 | 월 | 화 | 수 | 목 | 금 | 토 |", "| 일 | 월 | 화 | 수 | 목 | 금 | 토 |", "Sun Mon Tue Wed Thu Fri Sat",
                 "Your browser does not support the video tag.", "이 브라우저는 비디오 태그를 지원하지 않습니다.",
                 "사용하시는 브라우저는 동영상 재생을 지원하지 않습니다."):
        assert chrome_line(line, True) == "", line
    for line in ("일부 브라우저는 새 동영상 형식을 지원하지 않습니다고 업체는 설명했다",  # no: prose around it
                 "월 | 화 | 수 경기 일정이 바뀌었다."):
        assert chrome_line(line, True) is None, line


def test_hand_off_after_details():
    for line, name in (("자세한 내용 정하람 기자가 전해드립니다.", "정하람"), ("자세한 소식 박서진 기자가 보도합니다.", "박서진")):
        a = text(f"{HEAD}\n\n{LONG}\n\n{line}\n\n{MORE}")
        assert name in a.reporters, line
        assert line not in a.body


def test_reading_support_and_subscribe_widgets():
    for line in ("이 기사를 추천합니다", "기사를 읽어드립니다", "음성으로 듣기", "본문 듣기", "AI 요약 보기", "기사 원문 보기",
                 "프린트 하기", "기사 잘 보셨나요?", "독자님의 후원이 큰 힘이 됩니다", "후원하기", "정기후원 신청하기",
                 "네이버 메인에서 한빛일보 구독하기", "네이버에서 한빛뉴스 구독하기", "한빛일보를 구독하세요"):
        a = text(f"{HEAD}\n\n{LONG}\n\n{line}\n\n{MORE}")
        assert line not in a.body, line
        assert lines_of(a) == [LONG, MORE], line


def test_support_words_in_prose_kept():
    for line in ("독자의 후원이 이어졌다.", "시민들은 후원하기 위해 모였다.", "주민 절반이 지역 신문을 구독하고 있다고 답했다.",
                 "유료 구독하세요라는 안내 문구를 두고 논란이 일었다."):
        a = text(f"{HEAD}\n\n{LONG}\n\n{line}")
        assert line in lines_of(a), line
