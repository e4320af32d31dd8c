"""Round 17 (set17's metadata and bodies): a bracketed byline glued before the lede, an outlet's own photo credit
after a caption (ⓒ데일리안), an aggregator's ` - 매일신문` source label after a cut teaser, a two-word share button."""
import time

from cpu_budget import ceiling
from store.ingest.clean import clean
from store.model import Article, Document


def text(body: str) -> Article:
    return clean(Document(source="t.txt", text=body, kind="text", meta={}))


HEAD = "한빛시, 도로 정비 예산 늘려"
LONG = ("한빛시는 올해 도로 정비 예산을 지난해보다 크게 늘려 낡은 도로와 인도를 고치기로 했다고 밝혔다. "
        "시는 다음 달부터 공사를 시작해 연말까지 마칠 계획이다.")


def lines_of(a: Article) -> list[str]:
    return a.body.split("\n\n")


def test_glued_bracket_byline_before_lede():
    for byline in ("[정명의기자]", "[정명의 기자]", "[ 정명의기자 ]"):
        a = text(f"{byline} {LONG}\n\n시는 주민 설명회도 열기로 했다.")
        assert a.reporters == ["정명의"]
        assert lines_of(a)[0] == LONG


def test_bracket_byline_before_copyright_or_short_text_untouched():
    a = text(f"{HEAD}\n\n{LONG}\n\n[고민서 기자][ⓒ 매일경제 & mk.co.kr, 무단전재 및 재배포 금지]")
    assert a.reporters == ["고민서"]
    a = text(f"{HEAD}\n\n[정명의기자] 사진\n\n{LONG}")
    assert a.reporters == []


def test_own_photo_credit_after_caption_names_outlet():
    a = text(f"{HEAD}\n\n{LONG}\n\n김 의원이 16일 국회에서 기자간담회를 하고 있다. ⓒ데일리안\n\n시는 주민 설명회도 열기로 했다.")
    assert a.outlet == "데일리안"
    assert not any("ⓒ" in p for p in lines_of(a))


def test_photographer_or_agency_credit_names_no_outlet():
    for credit in ("ⓒ권우성", "ⓒ연합뉴스", "ⓒ뉴시스"):
        a = text(f"{HEAD}\n\n{LONG}\n\n김 의원이 16일 국회에서 기자간담회를 하고 있다. {credit}\n\n시는 설명회도 열기로 했다.")
        assert a.outlet is None, credit


def test_aggregator_source_label_after_teaser():
    a = text(f"{HEAD}\n\n{LONG} 송 원내대표는 \"몇 번 말씀드렸지만 - 매일신문")
    assert a.outlet == "매일신문"
    assert not lines_of(a)[-1].endswith("매일신문")
    a = text(f"{HEAD}\n\n{LONG} 이 문제는 서울 - 부산 노선의 문제다.")  # a dash in prose, no outlet after it
    assert a.outlet is None


def test_two_word_share_button_and_comment_mark():
    a = text(f"{HEAD}\n\n{LONG}\n\n기사 공유\n\n--comment--")
    assert lines_of(a) == [LONG]


def test_hostile_linear():
    t = time.process_time()
    text(HEAD + "\n\n" + LONG + " - 매일신문 " * 300_000)
    text(HEAD + "\n\n" + "[정명의기자] " * 10_000 + LONG)
    text(HEAD + "\n\n" + (LONG + " ⓒ데일리안\n") * 10_000)
    assert time.process_time() - t < ceiling(20)


def test_column_label_above_headline():
    for label in ("독자 한마디", "독자한마디", "데스크 칼럼", "기자의 눈"):
        a = text(f"{label}\n기자 사칭 금품 요구 주의\n\n{LONG}")
        assert a.title == "기자 사칭 금품 요구 주의", label
        assert a.subtitle is None


def test_column_label_before_quoted_headline():
    a = text(f"스포트라이트 ‘거대 자본도 척척’ 몸집 불리기 나선 배터리 업계\n\n{LONG}")
    assert a.title == "‘거대 자본도 척척’ 몸집 불리기 나선 배터리 업계"


def test_subject_before_quote_stays_in_headline():
    for title in ("현대차 '통큰 투자', 韓 관세 우대받나", "삼성전자 \"갤럭시 100만 원 안 넘는다\"", "사설 개혁안 논란"):
        assert text(f"{title}\n\n{LONG}").title == title


def test_reader_sign_off_after_last_sentence():
    a = text(f"{HEAD}\n\n{LONG}\n\n이런 사례가 있는 만큼 주의가 필요하다. /박승우 인천남동경찰서 정보과")
    assert lines_of(a)[-1] == "이런 사례가 있는 만큼 주의가 필요하다."
    a = text(f"{HEAD}\n\n{LONG}\n\n가격은 1만원이다. /월 기준 요금")  # no name after the slash
    assert lines_of(a)[-1].endswith("/월 기준 요금")


def test_top_prompt_empty_most_read_list_and_photo_desk():
    page = (f"지역별 뉴스를 확인하세요.\n\n많이 본 뉴스\n\n광고닫기\n\n기사공유\n\n  • 페이스북\n  • 트위터\n  • 공유\n\n"
            f"\"많이 본 얼굴인데…\" 출근길 경찰관 눈썰미, 절도범 잡았다\n\n중앙포토\n{LONG}\n\n시는 주민 설명회도 열기로 했다.")
    a = text(page)
    assert a.title == "\"많이 본 얼굴인데…\" 출근길 경찰관 눈썰미, 절도범 잡았다"
    assert lines_of(a) == [LONG, "시는 주민 설명회도 열기로 했다."]


def test_most_read_list_with_stories_still_dropped():
    a = text(f"{HEAD}\n\n{LONG}\n\n많이 본 뉴스\n\n다른 기사 제목 하나\n\n다른 기사 제목 둘")
    assert lines_of(a) == [LONG]


def test_prompt_inside_story_stays():
    a = text(f"{HEAD}\n\n{LONG}\n\n꼭 확인하세요.\n\n시는 주민 설명회도 열기로 했다.")
    assert "꼭 확인하세요." in lines_of(a)


def test_english_comment_widget_ends_story():
    a = text(f"{HEAD}\n\n{LONG}\n\nLog in to Twitter or Facebook account to connect\nwith the Korea JoongAng Daily\n"
             "lock icon\n\nTo write comments, please log in to one of the accounts.\n\nStandards Board Policy (0/250자)")
    assert lines_of(a) == [LONG]


def test_sentence_printed_twice_above_story_is_caption():
    cap = "조규일 진주시장이 21일 진주시청 브리핑룸에서 기자회견을 통해 \"축제 성공은 시민 덕분\"이라고 말했다."
    a = text(f"{HEAD}\n\n{cap}\n{cap}\n\n{LONG}")
    assert a.captions == [cap]
    assert lines_of(a) == [LONG]


def test_repeated_sentence_inside_story_stays():
    a = text(f"{HEAD}\n\n{LONG}\n\n시는 주민 설명회도 열기로 했다고 밝혔다.\n시는 주민 설명회도 열기로 했다고 밝혔다.")
    assert a.captions == []
    assert "시는 주민 설명회도 열기로 했다고 밝혔다." in lines_of(a)


def test_print_edition_note():
    for note in ("*자세한 표는 신문 지면과 e-paper를 통해 보실 수 있습니다.\"", "자세한 내용은 지면을 참고하세요."):
        a = text(f"{HEAD}\n\n{LONG}\n\n{note}\n\n시는 주민 설명회도 열기로 했다.")
        assert lines_of(a) == [LONG, "시는 주민 설명회도 열기로 했다."], note


def test_section_list_next_item_with_same_tag_ends_story():
    first = "[페어뉴스]= 관악구(구청장 박준희)가 올해 강감찬 축제를 열어 주민과 관광객 18만 명이 다녀갔다고 밝혔다. 구는 내년에도 축제를 연다."
    nxt = "[페어뉴스]= 고흥군(군수 공영민)이 지난해에 이어 드론 쇼를 열어 18만여 명의 관람객이 찾았다."
    a = text(f"{first}\n{nxt}")
    assert a.outlet == "페어뉴스"
    assert not any("고흥군" in p for p in lines_of(a))


def test_other_bracket_tags_do_not_end_story():
    a = text(f"{HEAD}\n\n[서울=뉴시스] {LONG}\n\n[앵커] 시는 주민 설명회도 열기로 했다고 밝혔다.\n\n[부산=뉴시스] 부산시도 같은 계획을 밝혔다.")
    assert any("부산시도" in p for p in lines_of(a))
