"""Round 18 (set18's metadata and bodies), written as shapes in other words: a comment form flattened onto one line,
a board post's nickname/counter/time row and board label, a slogan after the outlet in a copyright footer, a wire
photo's caption block (the photographer's dateline credit and the photo's date and mail), a headline-like line printed
twice in a row (a photo's alt text and caption), an `이 시간` list header."""
import time

from cpu_budget import ceiling
from store.ingest.clean import clean
from store.model import Article, Document


def text(body: str) -> Article:
    return clean(Document(source="t.txt", text=body, kind="text", meta={}))


HEAD = "한빛시, 도로 정비 예산 늘려"
LONG = ("한빛시는 올해 도로 정비 예산을 지난해보다 크게 늘려 낡은 도로와 인도를 고치기로 했다고 밝혔다. "
        "시는 다음 달부터 공사를 시작해 연말까지 마칠 계획이다.")
MORE = "시는 주민 설명회도 열어 공사 기간의 우회로를 알리기로 했다."


def lines_of(a: Article) -> list[str]:
    return a.body.split("\n\n")


def test_flattened_comment_form_ends_the_story():
    for form in ("댓글 3 의견입력 로그인 닉네임 암호 본문 등록 과거순 공감순",
                 "댓글입력 이름 비밀번호 내용 댓글등록 보안문자 최신순",
                 "의견쓰기 로그인 회원 비회원 글쓰기 인기순"):
        a = text(f"{HEAD}\n\n{LONG}\n{form}\n\n댓글 남긴 독자의 글이 여기 이어진다.")
        assert lines_of(a) == [LONG], form


def test_prose_about_comments_kept():
    for prose in ("댓글 작성 시 이름과 비밀번호를 입력하도록 바꾼다고 시는 밝혔다.", "댓글 수가 늘었다.",
                  "의견 입력 후 등록 버튼을 누르면 작성 내용이 저장된다.", "댓글 등록 내용 정렬 방식을 바꾼다(최신순 추천순)"):
        a = text(f"{HEAD}\n\n{LONG}\n\n{prose}")
        assert lines_of(a)[-1] == prose


def test_board_post_row_and_board_label():
    for row in ("달빛산책 3 1,204 2024.11.02 09:15", "운영자 0 87 2021-03-04"):
        a = text(f"{HEAD}\n\n경제포럼\n\n{HEAD}\n\n{row}\n\n{LONG}")
        assert lines_of(a) == [LONG], row
        assert a.date is None


def test_counts_in_prose_kept():
    a = text(f"{HEAD}\n\n{LONG}\n\n관람객 120 명이 찾았다고 2024.11.02 밝혔다.")
    assert "관람객 120 명이 찾았다고 2024.11.02 밝혔다." in lines_of(a)


def test_slogan_after_outlet_in_copyright_footer():
    for footer in ("저작권자 © 한빛일보 - 우리 고장의 믿음직한 이웃 무단전재 및 재배포 금지",
                   "ⓒ 새벽신문 | 진실을 전하는 아침 무단 전재 및 재배포 금지"):
        a = text(f"{HEAD}\n\n{LONG}\n\n{footer}")
        assert a.outlet in ("한빛일보", "새벽신문"), footer
        assert lines_of(a) == [LONG]


def test_wire_photo_caption_block_before_story():
    cap1 = "(부산=한빛통신) 김사진 기자 = 3일 부산 사직야구장에서 열린 프로야구 경기."
    cap2 = "관중들이 응원하고 있다. 2024.6.3 photo@hanbit.co.kr"
    story = "(부산=한빛통신) 이기사 기자 = 프로야구 관중이 올해 크게 늘었다고 구단들이 밝혔다."
    a = text(f"{HEAD}\n\n{cap1}\n{cap2}\n\n{story}\n\n{MORE}")
    assert a.reporters == ["이기사"]
    assert not any("관중들이 응원" in p or "photo@" in p for p in lines_of(a))
    assert any("관중들이 응원하고 있다." in c for c in a.captions)


def test_wire_photo_page_alone_keeps_its_byline():
    cap = "(부산=한빛통신) 김사진 기자 = 3일 부산 사직야구장에서 관중들이 응원하고 있다. 2024.6.3 photo@hanbit.co.kr"
    a = text(f"{HEAD}\n\n{cap}")
    assert a.reporters == ["김사진"]


def test_headline_like_line_printed_twice_is_a_caption():
    cap = "한빛시 도로 정비 현장 5곳, 올해 안에 공사 마쳐"
    a = text(f"{HEAD}\n\n{LONG}\n\n{cap}\n{cap}\n\n{MORE}")
    assert lines_of(a) == [LONG, MORE]
    a = text(f"{HEAD}\n\n{LONG}\n\n {cap}\n{cap}\n\n{MORE}")  # one copy indented
    assert lines_of(a) == [LONG, MORE]


def test_title_printed_twice_stays_title():
    a = text(f"“{HEAD}”\n“{HEAD}”\n\n{LONG}")
    assert a.title == f"“{HEAD}”"
    assert lines_of(a) == [LONG]


def test_this_hour_list_header():
    for header in ("이 시간 주요 뉴스", "이시간 인기 기사"):
        a = text(f"{HEAD}\n\n{LONG}\n\n{header}\n다른 기사 제목 하나\n다른 기사 제목 둘")
        assert lines_of(a) == [LONG], header


def test_hostile_linear():
    t = time.process_time()
    text(HEAD + "\n\n" + "댓글 로그인 " * 300_000)
    text(HEAD + "\n\n" + "(부산=한빛통신) 김사진 기자 = 경기.\n" * 10_000)
    text(HEAD + "\n\n" + "(부산=한빛통신) 김사진 기자 = 경기. 2024.6.3 a@b.kr\n\n" * 10_000)
    text(HEAD + "\n\n" + "(부산=한빛통신) 김사진 기자 = 경기. 2024.6.3 a@b.kr" + "\n" * 100_000 + LONG)
    text(HEAD + "\n\n" + ("(" * 10_000) + LONG)
    text(HEAD + "\n\n" + ("·" * 100_000) + LONG)
    text(HEAD + "\n\n" + "별명 0 5 2024.1.1\n" * 10_000)
    text(HEAD + "\n\n" + "© 한빛일보 - " * 100_000 + "무단전재")
    text(HEAD + "\n\n" + (LONG + "\n" + LONG + "\n") * 5_000)
    assert time.process_time() - t < ceiling(20)


def test_deck_printed_twice_above_story_is_no_caption():
    deck = "도로 정비 예산 두 배로…공사는 연말까지"
    a = text(f"{HEAD}\n{deck}\n{deck}\n{LONG}")
    assert deck not in a.captions


def test_caption_credit_printed_twice_left_to_credit_rules():
    cap = "한빛시 도로 정비 현장 전경. 사진=한빛시 제공"
    a = text(f"{HEAD}\n\n{LONG}\n\n{cap}\n{cap}\n\n{MORE}")
    assert cap not in a.captions


def test_photo_page_byline_with_cms_mark():
    for tail in ("/홍길동기자·web", "/홍길동 기자·mod", "홍길동기자ㆍcms"):
        a = text(f"{HEAD}\n\n▲ 한빛시 공무원들이 3일 시청 앞에서 도로 정비 계획을 설명하고 있다. {tail}\n"
                 "저작권자 © 한빛일보 무단전재 및 재배포 금지")
        assert a.reporters == ["홍길동"], tail
        assert "web" not in a.body and "mod" not in a.body and "cms" not in a.body


def test_latin_word_after_name_in_prose_is_no_byline():
    a = text(f"{HEAD}\n\n{LONG} 행사에는 기자·PD 등이 참석했다.")
    assert a.reporters == []


def test_section_list_item_headline_and_next_item():
    page = ("행정소식\nHome > 행정소식 > 동부권소식\n\n최신 동부권소식 기사\n\n"
            "  • 한빛시, 도로 정비 예산 두 배로\n"
            f"    [한빛일보=정우리 기자] {LONG}\n    • 행정소식\n    • 동부권소식\n    2015-03-02\n"
            "  • 한빛시립도서관 야간 개관\n    [한빛일보=정우리 기자] 한빛시립도서관은 다음 달부터 밤 10시까지 문을 연다고 밝혔다. 이용객 30명이")
    a = text(page)
    assert a.title == "한빛시, 도로 정비 예산 두 배로"
    assert a.date == "2015-03-02"
    assert a.reporters == ["정우리"]
    assert lines_of(a) == [LONG]


def test_section_word_above_breadcrumb_only_when_a_step():
    a = text(f"{HEAD}\nHome > 행정소식 > 동부권소식\n\n{LONG}")
    assert a.title == HEAD


def test_bullets_after_date_without_breadcrumb_untouched():
    a = text(f"{HEAD}\n\n{LONG}\n2015-03-02\n• 시는 공사 구간을 미리 알린다.\n\n{MORE}")
    assert MORE in lines_of(a)


def test_hostile_breadcrumbs_linear():
    t = time.process_time()
    text("교육현장\n" + "Home > 교육현장 > 소식\n" * 20_000 + LONG)
    text(HEAD + "\nHome > 가 > 나\n\n" + LONG + "\n" + "• 가\n2015-03-02\n" * 10_000)
    assert time.process_time() - t < ceiling(20)
