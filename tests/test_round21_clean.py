"""Round 21 (metadata and page furniture, by shapes many Korean sites share), written in other words: counters in a
stamp line (조회수, gnuboard's 작성자/댓글N건), a blog's "by 매체 날짜", an edit stamp losing to the publication date, a
broadcast's hand-off and sign-off (the voice, not the byline), ◀ANC▶ script labels, hidden e-mails, a desk in brackets
after 기자, ad slots, button alt texts, a tag list's header, a regional broadcaster's masthead, a notice broken over two
lines, the paper's company (㈜…신문사), a section label between two copies of the headline, an aggregator's source line,
a bracketed outlet under a desk's date line."""
import time

from cpu_budget import ceiling
from store.ingest.clean_chrome import chrome_line
from store.ingest.clean_furniture import SCRIPT_LABEL, join_split_notices
from store.ingest.clean_meta import _BYLINE_LINE, _HAND_OFF, _SIGN_OFF
from tests.test_clean_round18 import LONG, MORE, lines_of, text

HEAD = "한빛시, 도로 정비 예산 늘려…연말까지 공사"
SPOKEN = ("한빛시가 올해 도로 정비 예산을 크게 늘렸습니다.", "시는 다음 달부터 공사를 시작합니다.",
          "주민들은 공사 기간 우회로를 이용해야 합니다.")


# --- stamp lines ---------------------------------------------------------------------------------------


def test_view_count_in_stamp_line():
    for stamp in ("김하늘 기자 입력 2012-08-14 22:05:52 수정 2012-08-14 22:05:52 조회수 4",
                  "김하늘 기자 입력 2012-08-14 22:05 조회 1,234",
                  "김하늘 기자 | 입력 2012.08.14 22:05 | 조회수 : 87",
                  "김하늘기자 등록 2012-08-14 22:05 조회 12회"):
        a = text(f"{HEAD}\n\n{stamp}\n\n{LONG}\n\n{MORE}")
        assert a.reporters == ["김하늘"], stamp
        assert a.date == "2012-08-14T22:05", stamp
        assert a.subtitle is None and "조회" not in a.body, stamp


def test_gnuboard_author_line():
    # (a line ending in a count, "작성자 작성일 2024.01.18 댓글 3건", is a counter row to clean_debris, dropped unread: left)
    for stamp in ("작성자 작성일2024.01.18 댓글0건본문", "작성일2024.01.18 댓글0건본문"):
        a = text(f"{HEAD}\n페이지 정보\n{stamp}\n{LONG}\n{MORE}")
        assert a.date == "2024-01-18", stamp
        assert "작성" not in a.body and "댓글" not in a.body, stamp


def test_counter_words_in_prose_stay():
    line = "이 영상은 2024년 1월 18일 공개된 뒤 조회수 100만 회를 넘겼고 댓글 3천 건이 달렸다."
    a = text(f"{HEAD}\n\n{LONG}\n\n{line}")
    assert line in lines_of(a)


def test_blog_by_line_gives_outlet_and_date():
    for line in ("by 한빛일보 2020. 4. 2.", "By 한빛일보 2020. 4. 2."):
        a = text(f"{HEAD}\n\n{line}\n728x90\n반응형\n\n{LONG}\n\n{MORE}")
        assert a.outlet == "한빛일보", line
        assert a.date == "2020-04-02", line
        assert not {"728x90", "반응형", line} & set(lines_of(a))


def test_edit_stamp_loses_to_publication_date():
    a = text(f"기사최종편집일 2024-04-20 09:04\n스포츠\n\n{HEAD}\n\n기사입력 2022.08.16 17:53 / 기사수정 2022.08.16 17:59\n\n{LONG}")
    assert a.date == "2022-08-16T17:53"
    a = text(f"{HEAD}\n\n수정 2023.05.02 10:11\n\n{LONG}")  # an edit date alone is still the page's date
    assert a.date == "2023-05-02T10:11"
    a = text(f"{HEAD}\n\n업데이트 2023-05-09 08:00 입력 2023-05-02 10:11\n\n{LONG}")
    assert a.date == "2023-05-02T10:11"


# --- broadcasts ------------------------------------------------------------------------------------------


def test_topic_hand_off_and_words_before_the_verb():
    for line, name in (("프로야구 소식 정소윤 기자입니다.", "정소윤"), ("국제 경제 소식은 남궁민수 기자입니다", "남궁민수"),
                       ("정소윤 기자가 그 실태를 취재했습니다.", "정소윤"), ("정소윤 기자가 현장을 직접 다녀왔습니다.", "정소윤")):
        hit = _HAND_OFF.match(line)
        assert hit and hit["names"] == name, line
    for prose in ("정소윤 기자가 그 실태를 취재했다는 보도가 나왔습니다.", "프로야구 소식에 팬들이 반가워합니다."):
        assert not _HAND_OFF.match(prose), prose


def test_hand_off_names_the_reporter_only_without_byline():
    body = "\n".join(["[앵커]", SPOKEN[0], "프로야구 소식 정소윤 기자입니다.", "[기자]", SPOKEN[1], SPOKEN[2],
                      "한빛TV 정소윤입니다. (soyun@hanbit.co.kr)"])
    a = text(f"{HEAD}\n{body}")
    assert a.reporters == ["정소윤"]
    assert a.outlet == "한빛TV"
    assert not any("정소윤" in ln for ln in lines_of(a))
    # the page's own byline is the reporter of record; the voice of the report is not added to it
    a = text(f"{HEAD}\n\n김하늘 기자 입력 2012-08-14 22:05\n\n{body}")
    assert a.reporters == ["김하늘"]


def test_sign_off_with_email_or_script_mark():
    for line, outlet in (("한빛TV 정소윤입니다. (soyun@hanbit.co.kr)", "한빛TV"), ("mbc뉴스 정소윤입니다.//", "mbc"),
                         ("KBS 뉴스 정소윤입니다. soyun@kbs.co.kr", "KBS"), ("MBC뉴스 정소윤입니다. //", "MBC")):
        hit = _SIGN_OFF.match(line)
        assert hit and hit["names"] == "정소윤" and (hit["outlet"] or hit["channel"]) == outlet, line
    a = text(f"{HEAD}\n{SPOKEN[0]}\n{SPOKEN[1]}\nmbc뉴스 정소윤입니다.//")
    assert a.outlet == "MBC" and a.reporters == ["정소윤"]


def test_regional_broadcaster_masthead():
    for mast, outlet in (("목포MBC", "목포MBC"), ("안동 MBC", "안동MBC"), ("청주CBS", "청주CBS")):
        network = outlet[-3:].lower()
        a = text(f"{mast}\n\n검색\n\n{HEAD}\n\n{SPOKEN[0]}\n{SPOKEN[1]}\n{network}뉴스 정소윤입니다.//")
        assert a.outlet == outlet, mast
        assert mast not in lines_of(a)


def test_script_labels():
    for label in ("◀ANC▶", "◀ VCR ▶", "◀END▶", "◀SYN▶", "◀St-up▶"):
        assert SCRIPT_LABEL.match(label), label
        a = text(f"{HEAD}\n{label}\n{SPOKEN[0]}\n{SPOKEN[1]}")
        assert label not in lines_of(a), label
        assert a.title == HEAD
    # a speaker after a label is the report's: the label goes, the speaker stays on a line of its own
    for line, speaker in (("◀SYN▶ 장흥군", "장흥군"), ("◀INT▶ 홍길동/주민", "홍길동/주민"), ("◀ SYN ▶ 한빛시 관계자", "한빛시 관계자")):
        a = text(f"{HEAD}\n{SPOKEN[0]}\n{line}\n{SPOKEN[1]}")
        assert speaker in lines_of(a) and not any("◀" in ln for ln in lines_of(a)), line
    # speech glued after a label is kept (the label goes)
    a = text(f"{HEAD}\n◀ANC▶ 한빛시가 올해 도로 정비 예산을 크게 늘렸습니다.\n{SPOKEN[1]}")
    assert SPOKEN[0] in lines_of(a)


def test_turn_labels_inside_the_story():
    for line, speaker in (("(앵커)", None), ("앵커:", None), ("[스탠드업]", None), ("<스탠드업>", None), ("[CG]", None),
                          ("[인터뷰] 홍길동/한빛시 주민", "홍길동/한빛시 주민"), ("<인터뷰> 홍길동 / 한빛시 주민", "홍길동 / 한빛시 주민"),
                          ("[녹취] 홍길동 / 한빛시장", "홍길동 / 한빛시장"), ("<녹취> 홍길동 한빛시장", "홍길동 한빛시장")):
        a = text(f"{HEAD}\n[앵커]\n{SPOKEN[0]}\n{line}\n{SPOKEN[1]}")
        body = lines_of(a)
        assert line not in body and SPOKEN[1] in body, line
        assert speaker is None or speaker in body, line
    # a speaker in brackets names people and bodies (the gold's mentions): kept
    a = text(f"{HEAD}\n[앵커]\n{SPOKEN[0]}\n[홍길동 / 한빛시 주민]\n{SPOKEN[1]}")
    assert "[홍길동 / 한빛시 주민]" in lines_of(a)
    # at the top "[인터뷰] …" opens a headline
    title = "[인터뷰] 홍길동 한빛시장 \"도로부터 고치겠다\""
    assert text(f"{title}\n\n{LONG}\n\n{MORE}").title == title


def test_more_sign_off_shapes():
    for line, outlet in (("한빛시청에서 MBC뉴스 정소윤입니다.", "MBC"), ("지금까지 KBS 뉴스 정소윤이었습니다.", "KBS"),
                         ("연합뉴스 정소윤입니다.", "연합뉴스"), ("YTN 정소윤[soyun@ytn.co.kr]입니다.", "YTN"),
                         ("OBS뉴스 정소윤입니다.", "OBS"), ("채널A 뉴스 정소윤입니다.", "채널A")):
        a = text(f"{HEAD}\n[앵커]\n{SPOKEN[0]}\n[기자]\n{SPOKEN[1]}\n{line}")
        assert a.reporters == ["정소윤"] and a.outlet == outlet, line
        assert lines_of(a)[-1] == SPOKEN[1], line
    assert not _SIGN_OFF.match("한빛시청에서 주민 설명회를 엽니다.")


# --- bylines --------------------------------------------------------------------------------------------


def test_hidden_email_after_byline():
    for line in ("김하늘 기자 mono@", "김하늘 기자 [email protected]", "김하늘기자 (mono@)", "김하늘 기자 email protected"):
        assert _BYLINE_LINE.match(line), line
        a = text(f"{HEAD}\n\n{LONG}\n\n{MORE}\n\n{line}\n\n지면보기링크")
        assert a.reporters == ["김하늘"], line
        assert lines_of(a)[-1] == MORE, line


def test_desk_or_column_in_brackets_after_byline():
    for line in ("김하늘기자(그라운드 톡톡)", "김하늘 기자 (사회부)", "김하늘 기자(세종)"):
        assert _BYLINE_LINE.match(line), line
    a = text(f"김하늘기자(그라운드 톡톡)\n\n{HEAD}\n\nby 한빛일보 2020. 4. 2.\n\n{LONG}")
    assert a.title == HEAD and a.reporters == ["김하늘"] and a.outlet == "한빛일보"
    assert not _BYLINE_LINE.match("김하늘 기자(사진=한빛시 제공)")


def test_source_line_of_aggregator():
    # (without its dash the line is a credit to clean_debris, dropped unread: left as it was)
    for line in ("- 출처:점프볼|2025-01-06", "- 출처 : 점프볼 | 2025.01.06"):
        a = text(f"- {HEAD}\n{line}\n- 인쇄\n{LONG}\n{MORE}")
        assert a.outlet == "점프볼", line
        assert a.date == "2025-01-06", line
        assert a.title == HEAD, line
        assert not any("출처" in ln for ln in lines_of(a)), line


def test_chart_source_below_prose_is_no_outlet():
    a = text(f"{HEAD}\n\n{LONG}\n\n{MORE}\n\n출처:통계청|2024-01-05\n\n{MORE}")
    assert a.outlet != "통계청"


def test_bracket_outlet_under_desk_date_line():
    for desk in ("온라인뉴스팀", "디지털뉴스부"):
        a = text(f"{HEAD}\n2019-12-17 {desk}\n[한빛서울] {LONG}\n{MORE}")
        assert a.outlet == "한빛서울", desk
        assert lines_of(a)[0].startswith("한빛시는"), desk
    for tag in ("[한빛시청]", "[고성군]", "[단독]"):
        a = text(f"{HEAD}\n2019-12-17 온라인뉴스팀\n{tag} {LONG}\n{MORE}")
        assert a.outlet is None, tag


def test_company_of_the_paper():
    a = text(f"{HEAD}\n|\n한빛시가 도로 정비 사업 설명회를 열고 있다. |\nⓒ (주)한빛신문사 |\n{LONG}\n{MORE}")
    assert a.outlet == "한빛신문"
    for line in ("저작권자 © (주)한빛신문사 무단전재 및 재배포 금지", "Copyright ⓒ ㈜한빛신문 All rights reserved."):
        a = text(f"{HEAD}\n\n{LONG}\n\n{line}")
        assert a.outlet == "한빛신문", line
    a = text(f"{HEAD}\n\n{LONG}\n\n저작권자 © 한빛일보 무단전재 및 재배포 금지")
    assert a.outlet == "한빛일보"


# --- page furniture -------------------------------------------------------------------------------------


def test_ad_slots_and_button_alt_texts():
    for line in ("728x90", "320x100", "반응형", "지면보기링크", "인쇄 아이콘", "공유하기 버튼"):
        assert chrome_line(line, True) == "", line
    for line in ("관련 링크", "이미지", "서울시 홈페이지 링크", "728x90 배너를 교체했다."):
        assert not chrome_line(line, True), line


def test_tag_list_header_under_story():
    for line in ("- TAG", "TAG", "Tags", "태그"):
        a = text(f"{HEAD}\n\n{LONG}\n\n{MORE}\n{line}\n-")
        assert lines_of(a)[-1] == MORE, line


def test_font_notice_broken_over_two_lines():
    notice = "글자크기 설정 시 다른 기사의 본문도\n동일하게 적용됩니다."
    a = text(f"{HEAD}\n\n{LONG}\n\n{MORE}\n{notice}\n{notice}")
    assert lines_of(a)[-1] == MORE
    wrapped = "이번 기준은 모든 가구에\n동일하게 적용됩니다."  # a wrapped sentence of the story stays
    assert join_split_notices(wrapped) == wrapped
    assert "동일하게 적용됩니다." in text(f"{HEAD}\n\n{LONG}\n{wrapped}").body


def test_section_label_between_two_headlines():
    for label in ("우리이웃", "부산", "사회일반"):
        a = text(f"{HEAD}\n검색 입력폼\n\n{label}\n\n{HEAD}\n\n{LONG}\n\n{MORE}")
        assert a.title == HEAD, label
        assert label not in lines_of(a), label
    # a short line after the headline printed once is left to the other rules
    a = text(f"{HEAD}\n\n{LONG}\n\n부산\n\n{MORE}")
    assert "부산" in lines_of(a)


def test_hostile_linear():
    t = time.process_time()
    text(HEAD + "\n\n" + LONG + "\n" + "◀" * 100_000 + "▶")
    text(HEAD + "\n\n" + LONG + "\n" + "◀A▶ " * 300_000)
    text(HEAD + "\n\n" + "조회수 1 " * 200_000 + "2024-01-01")
    text(HEAD + "\n\n" + "김하늘 기자 " + "a" * 3_000_000 + "@")
    text(HEAD + "\n\n" + LONG + "\n" + "(" * 10_000 + "김하늘 기자")
    text(HEAD + "\n\n" + LONG + "\n" + "·" * 100_000)
    text(HEAD + "\n\n" + "출처:" * 100_000 + "|2024-01-01")
    text(HEAD + "\n\n" + "가 " * 1_000_000 + "소식 김하늘 기자입니다.")
    text(("글자크기 설정 시 " + "가" * 20 + "\n") * 20_000 + HEAD + "\n\n" + LONG + "\n적용됩니다.")
    text((HEAD + "\n우리이웃\n") * 20_000 + LONG)
    assert time.process_time() - t < ceiling(20)


def test_outlet_named_by_its_own_analysis():
    for lede, outlet in (("13일 한빛뉴스가 건강보험심사평가원의 통계를 분석한 결과, 지난해 진료인원은 4.4% 늘었다.", "한빛뉴스"),
                         ("24일 새벽경제가 상장사 300곳의 공시를 집계한 결과 영업이익이 줄었다.", "새벽경제")):
        a = text(f"{HEAD}\n\n지난해 가장 큰 폭으로 늘어난 질병은 간질환으로 나타났다.\n\n{lede}\n\n{MORE}")
        assert a.outlet == outlet, lede
    for lede in ("13일 한빛연구원이 통계를 분석한 결과, 지난해 진료인원은 4.4% 늘었다.",  # a research body, no outlet's name
                 "한빛뉴스가 통계를 분석한 결과, 지난해 진료인원은 4.4% 늘었다."):  # no day: not the lede's self-reference
        assert text(f"{HEAD}\n\n{lede}\n\n{MORE}").outlet is None, lede
    # a byline's outlet wins
    a = text(f"{HEAD}\n\n[새벽일보=김하늘 기자] 13일 한빛뉴스가 통계를 분석한 결과, 진료인원이 늘었다.\n\n{MORE}")
    assert a.outlet == "새벽일보"


def test_headline_and_deck_joined_by_a_dash():
    deck = "무료급식소를 상대로 악의적 기사를 수십 차례 보도한 A기자 징역 6개월에 집행유예 2년, B기자 벌금 300만 원"
    a = text(f"{HEAD} - {deck}\n  • 기사등록 2020-01-21 07:39:41\n\n{LONG}\n\n{MORE}")
    assert a.title == HEAD and a.subtitle == deck
    # a headline with a dash that is not so long, or with a short part after its dash, stays whole
    for title in (f"{HEAD} - 시 예산 늘려", "韓 경제 - 성장률 2% 하회 전망…수출 부진에 내수도 얼어붙어",
                  f"{deck} - {HEAD}"):
        assert text(f"{title}\n\n{LONG}\n\n{MORE}").title == title, title


# --- shapes no page of set21/set21b has: for unseen outlets ---------------------------------------------


def test_more_stamp_labels():
    for stamp, day in (("[입력] 2024.01.18 15:25", "2024-01-18T15:25"), ("기사전송 2024/01/18 15:25", "2024-01-18T15:25"),
                       ("게재 일자 : 2024년 01월 18일", "2024-01-18"), ("게시 2024-01-18 15:25", "2024-01-18T15:25"),
                       ("2024-01-18 15:25 조회수 312 추천 0", "2024-01-18T15:25"),
                       ("최초입력 2024.01.18 15:25:00 | 최종수정 2024.01.18 16:00:00", "2024-01-18T15:25"),
                       ("입력 : 2024-01-18 15:25 | 지면 : 2024-01-19 (12면)", "2024-01-18T15:25")):
        a = text(f"{HEAD}\n\n{stamp}\n\n{LONG}\n\n{MORE}")
        assert a.date == day, stamp
        assert a.reporters == [], stamp  # 최초, 지면 are no names
        assert stamp not in a.body and a.subtitle is None, stamp


def test_more_furniture_under_story():
    for line in ("구독신청", "광고문의", "홈으로", "입력창", "검색 입력폼", "검색어를 입력하세요",
                 "[영상취재 홍길동 / 영상편집 김철수]", "촬영기자: 홍길동", "영상편집 : 김철수, 이영희", "0 / 400", "0/1000자",
                 "#한빛시 #도로정비 #예산", "#도로정비", "키워드", "[email protected]", "[끝]", "기사 공유하기",
                 "보도자료 및 제보 hong@hanbit.co.kr", "기사 제보: news@hanbit.co.kr"):
        a = text(f"{HEAD}\n\n{LONG}\n\n{MORE}\n\n{line}")
        assert lines_of(a)[-1] == MORE, line
    a = text(f"{HEAD}\n\n{LONG}\n\n{MORE}\n\n한빛일보를 네이버 메인에서 보세요")
    assert lines_of(a)[-1] == MORE and a.outlet == "한빛일보"


def test_look_alikes_of_more_furniture_stay():
    for line in ("#1 한빛시는 도로 정비를 마쳤다.", "3 / 4", "편집 방향을 두고 논쟁이 이어졌다.", "촬영 현장에는 주민 30명이 모였다.",
                 "#MeToo 운동 이후 달라진 점을 짚었다."):
        a = text(f"{HEAD}\n\n{LONG}\n\n{line}")
        assert lines_of(a)[-1] == line, line


def test_hostile_more_furniture():
    t = time.process_time()
    text(HEAD + "\n\n" + LONG + "\n" + "#가 " * 300_000)
    text(HEAD + "\n\n" + LONG + "\n" + "[영상취재 홍길동 / " * 100_000)
    text(HEAD + "\n\n" + LONG + "\n" + "보도자료 및 " * 200_000 + "a@b.c")
    text(HEAD + "\n\n" + "[입력] " * 200_000 + "2024.01.18")
    text(HEAD + "\n\n" + "(12면)" * 200_000 + " 2024.01.18")
    text(HEAD + "\n\n" + LONG + "\n" + "[인터뷰] " * 200_000 + "홍길동/주민")
    text(HEAD + "\n\n" + LONG + "\n" + ("<녹취> " * 10 + "\n") * 50_000)
    text(HEAD + "\n\n" + LONG + "\n" + "지금까지 " * 200_000 + "KBS 뉴스 홍길동입니다.")
    text(HEAD + "\n\n" + LONG + "\n" + "작성자 : " * 200_000 + "홍길동 기자 / a@b.co")
    text(HEAD + "\n\n" + LONG + "\n" + "기자 : " * 200_000 + "홍길동")
    text(HEAD + "\n\n" + LONG + "\n" + "한빛일보 / " * 200_000 + "홍길동 기자")
    text(HEAD + "\n\n" + LONG + "\n" + "한빛일보의 모든 " * 100_000 + "받습니다")
    for line in ("#가" * 60, "[영상취재 홍길동 / " * 6, "0 / " * 30, "한빛을 " * 10 + "에서 보세요", "출처 : 한빛(" + "a." * 55 + ")"):
        chrome_line(line, True)
    assert time.process_time() - t < ceiling(20)


def test_list_headers_with_marks_or_outlet():
    for header in ("☞ 관련기사", "※ 관련기사", "◆ 많이 본 뉴스", "[한빛일보 주요뉴스]", "【한빛TV 관련 뉴스】"):
        a = text(f"{HEAD}\n\n{LONG}\n\n{MORE}\n\n{header}\n한빛시, 내년 예산 3조 원 편성\n한빛시의회 임시회 개회")
        assert lines_of(a)[-1] == MORE, header
    # a story's own facts under a mark are no list
    a = text(f"{HEAD}\n\n{LONG}\n\n※ 관련 문의는 한빛시 도로과로 하면 된다.")
    assert lines_of(a)[-1].startswith("※ 관련 문의")


def test_search_box_label_is_no_deck():
    a = text(f"{HEAD}\n검색 입력폼\n\n{LONG}\n\n{MORE}")
    assert a.subtitle is None and a.title == HEAD


def test_section_label_is_no_outlet():
    for label in ("일반뉴스", "종합뉴스", "포토뉴스", "지역소식"):
        a = text(f"{label}\n\n{HEAD}\n\n{LONG}\n\n{MORE}")
        assert a.outlet is None, label
        assert label not in lines_of(a), label
    a = text(f"한빛뉴스\n\n{HEAD}\n\n{LONG}\n\n{MORE}")  # a logo line is still the outlet
    assert a.outlet == "한빛뉴스"


def test_english_broadcaster_company_names_no_outlet():
    for line in ("Copyright © Ulsan Munhwa Broadcasting Corporation. All rights reserved.",
                 "Copyright © Korean Broadcasting System. All rights reserved."):
        a = text(f"{HEAD}\n\n{LONG}\n\n{MORE}\n\n{line}")
        assert a.outlet is None, line
        assert lines_of(a)[-1] == MORE
    a = text(f"{HEAD}\n\n{LONG}\n\n{MORE}\n\nCopyright © 한빛일보. All rights reserved.")
    assert a.outlet == "한빛일보"


def test_byline_labels_and_separators():
    for line in ("기사 작성 : 김하늘 기자", "작성자 : 김하늘 기자", "글·사진=김하늘 기자", "사진/글 = 김하늘 기자", "취재기자 : 김하늘",
                 "기자 : 김하늘 (haneul@hanbit.co.kr)", "김하늘 기자 / haneul@hanbit.co.kr", "김하늘 기자 · haneul@hanbit.co.kr"):
        for page in (f"{HEAD}\n\n{line}\n\n{LONG}\n\n{MORE}", f"{HEAD}\n\n{LONG}\n\n{MORE}\n\n{line}"):
            a = text(page)
            assert a.reporters == ["김하늘"], line
            assert line not in lines_of(a) and a.subtitle is None, line
    for line in ("서울 / 김하늘 기자", "세종/김하늘 기자"):  # a town before a slash is neither outlet nor reporter
        a = text(f"{HEAD}\n\n{line}\n\n{LONG}")
        assert "서울" not in a.reporters and "세종" not in a.reporters and a.outlet is None, line
    assert "기자 : 김하늘 씨는 말했다." not in text(f"{HEAD}\n\n{LONG}\n\n기자 : 김하늘 씨는 말했다.").reporters


def test_outlet_named_under_the_story():
    for line in ("출처 : 한빛일보(https://www.hanbit.co.kr)", "출처: 한빛일보 (http://hanbit.co.kr)",
                 "한빛일보의 모든 콘텐츠는 저작권법의 보호를 받습니다", "한빛일보 기사제보 news@hanbit.co.kr",
                 "Copyright ⓒ 2024 by 한빛일보. All rights reserved."):
        a = text(f"{HEAD}\n\n{LONG}\n\n{MORE}\n\n{line}")
        assert a.outlet == "한빛일보", line
        assert lines_of(a)[-1] == MORE, line
    a = text(f"{HEAD}\n\n{LONG}\n\n{MORE}\n\n출처 : 통계청(https://kostat.go.kr)")  # a chart's source is no outlet
    assert a.outlet is None


def test_outlet_slash_byline():
    for line in ("한빛일보 / 김하늘 기자", "한빛뉴스/김하늘 기자 haneul@hanbit.co.kr"):
        for page in (f"{HEAD}\n\n{line}\n\n{LONG}\n\n{MORE}", f"{HEAD}\n\n{LONG}\n\n{MORE}\n\n{line}"):
            a = text(page)
            assert a.reporters == ["김하늘"] and a.outlet in ("한빛일보", "한빛뉴스"), line
            assert line not in lines_of(a) and a.subtitle is None, line
