import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.clean import clean, parse_date
from store.model import Article, Document, InputError
from store.readers import read_documents

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_text(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


_cache: dict[str, Article] = {}


def seed(prefix: str) -> Article:
    if prefix not in _cache:
        (doc,), _ = read_documents(next(SEEDS.glob(f"{prefix}_*.txt")))
        _cache[prefix] = clean(doc)
    return _cache[prefix]


def paragraphs(article: Article) -> list[str]:
    return [article.body[s:e] for s, e in article.paragraphs]


def text(body: str, **meta) -> Article:
    return clean(Document(source="t.txt", text=body, kind="text", meta=meta))


ALL_SEEDS = ["000", "001", "002", "003", "004"]

# --- metadata, exactly, per seed -----------------------------------------------------------------

EXPECTED = {
    # No headline in the text: the lede's first sentence stands in, cut at a word, marked as such (never the file name)
    "000": dict(
        title="인공지능(AI) 산업이 기업 간 경쟁을 넘어 국가 대항전으로 치달으면서 과열을 경고하는 목소리가 나오는 가운데 경주에 집결한 "
              "글로벌 AI 전문가들은 한 목소리로 ‘협력’과…",
        title_from="lede", subtitle=None, outlet="헤럴드경제", reporters=["김현일", "박혜원"], date=None, date_text=None),
    "001": dict(
        title='파트너사 총 출동한 SK AI 서밋…"기업 혼자서는 AI 못해"',
        subtitle='최태원 SK 회장 "병목현상 혼자 해결할 수 없어"\nSKT, 텔코 얼라이언스·K-AI 얼라이언스 박차',
        title_from="headline", outlet=None, reporters=[], date="2024-11-04T17:28", date_text="2024-11-04 17:28",
    ),
    "002": dict(
        title='샘 올트먼 만난 李대통령 "韓 AI 생태계 큰 발전 기대"', subtitle="삼성·SK그룹과 전방위 협력 체결",
        outlet="뉴스웍스", reporters=["이한익"], date=None, date_text=None,
    ),
    # Deck lines without their headline: the first deck line is the title
    "003": dict(
        title="오픈AI·뷔나 등 해외 기술력, 자본 협력 제안", title_from="deck", subtitle="반도체·인재·인프라 기반 '글로벌 AI 허브' 박차",
        outlet="더팩트", reporters=[], date=None, date_text=None,
    ),
    "004": dict(
        title="삼성·SK·현대차·네이버 총집결…한국형 AI 생태계 본격 시동", subtitle=None,
        outlet="비즈데일리", reporters=["최진호"], date="2025-11-12", date_text="2025.11.12 (수)",
    ),
}


@pytest.mark.parametrize("prefix", ALL_SEEDS)
def test_seed_metadata(prefix):
    article = seed(prefix)
    got = {key: getattr(article, key) for key in EXPECTED[prefix]}
    assert got == EXPECTED[prefix]
    assert article.source.endswith(".txt") and article.url is None


# --- debris gone -------------------------------------------------------------------------------

DEBRIS = [
    "![]()", "|", "가장작게", "가장크게", "좋아요0", "화나요0", "추가취재 원해요", "주요 뉴스", "이혼 조정", "상승종목",
    "장종료", "암호화폐", "비트코인", "137,285,000", "+4.65%", "변동률", "℃", "동두천", "기상청", "▶", "카카오톡",
    "jebo@tf.co.kr", "홈페이지", "제보", "댓글", "무단", "[SK 제공]", "사진제공", "/SK그룹", "/대통령실", "임세준",
    "기자]", "입력 2024", "2025.11.12", "▲",
]


@pytest.mark.parametrize("prefix", ALL_SEEDS)
def test_no_debris_in_any_seed_body(prefix):
    article = seed(prefix)
    for debris in DEBRIS:
        assert debris not in article.body, debris
    assert "정치" not in paragraphs(article)
    assert all(p == p.strip() and p for p in paragraphs(article))
    # title and deck lines are metadata, not body
    for line in [article.title or "", *(article.subtitle or "").split("\n")]:
        if line:
            assert line not in paragraphs(article)


@pytest.mark.parametrize("prefix", ALL_SEEDS)
def test_every_prose_line_of_the_seed_survives(prefix):
    """Every line of the source that is a sentence of the story is in the body, minus a leading byline."""
    body = seed(prefix).body
    for line in seed_text(prefix).split("\n"):
        line = line.strip()
        if not line.endswith("다.") or line.startswith("|") or "댓글" in line or "제보" in line:
            continue
        line = " ".join(re.sub(r"^\[[^\]]*기자\]\s*", "", line).split())  # no-break spaces become spaces
        assert line in body, line[:40]


# --- captions ----------------------------------------------------------------------------------


def test_caption_rows_keep_prose_without_photo_credits():
    paras = seed("000").captions  # out of the body, into the article's captions
    assert not any("SK그룹이 28일 2025 APEC" in p for p in paragraphs(seed("000")))
    assert paras[0] == (
        "SK그룹이 28일 2025 APEC 정상회의 CEO 서밋 부대행사 ‘퓨처테크포럼 AI’를 개최했다. 최태원 SK그룹 회장은 "
        "환영사에서 기술자립과 신뢰기반 협력을 두 축으로 하는 인공지능(AI) 전략을 한국과 아시아태평양 국가들의 "
        "AI 발전 모델로 제시했다."
    )
    assert any(p.endswith("‘K-테크 쇼케이스’ 현장을 둘러보고 있다.") for p in paras)  # "경주=임세준 기자" gone
    assert any(p.endswith("‘퓨처테크포럼 AI’에서 발언하고 있다.") for p in paras)  # "박혜원 기자" gone
    assert sum(p.endswith("패널 토론을 진행하고 있다.") for p in paras) == 1


def test_repeated_caption_kept_once_without_marker_and_credit():
    paras = seed("001").captions
    assert not any("뇌전증 발작을 감지하는" in p for p in paragraphs(seed("001")))
    captions = [p for p in paras if "뇌전증 발작을 감지하는" in p]
    assert len(captions) == 1
    assert captions[0].startswith("최태원 SK그룹 회장(왼쪽)이 그렉 브로크만(Greg Brockman)")
    assert captions[0].endswith("AI 플랫폼 디바이스를 소개하고 있다.")


def test_slash_credit_captions_of_seed_003():
    paras = seed("003").captions
    assert len(paras) == 2 and not any("SK서린빌딩" in p for p in paragraphs(seed("003")))
    assert paras[0] == "지난 1일 서울 종로구 SK서린빌딩에서 최태원 SK그룹 회장(왼쪽)과 샘 올트먼 오픈AI 최고경영자가 대화를 나누고 있다."
    assert any(p.endswith("배경훈 부총리 겸 과학기술정보통신부 장관이 기념 촬영하고 있다.") for p in paras)


# --- repeated body, subheads, bylines ------------------------------------------------------------


def test_repeated_body_of_seed_003_is_stored_once():
    article = seed("003")
    paras = paragraphs(article)
    assert len(paras) == len(set(paras)) == 9  # and its two captions once each, apart
    assert len(article.captions) == len(set(article.captions)) == 2
    first = "글로벌 기업들이 한국을 인공지능(AI) 산업의 핵심 거점으로 주목하고 있다."
    last = "\"글로벌 협력은 단순 기술 제휴가 아니라 산업 전반의 혁신 속도를 높이는 촉매가 될 것\"이라고 말했다."
    assert seed_text("003").count(first) == 2 and article.body.count(first) == 1
    assert paras[-1].endswith(last)


def test_square_subheads_of_seed_004_are_kept():
    paras = paragraphs(seed("004"))
    subheads = [p for p in paras if p.startswith("■")]
    assert subheads[0] == "■ “대한민국, 아태 AI 수도로 도약”…이재명 대통령의 비전 제시"
    assert len(subheads) == 6
    assert paras[-1] == "AI는 미래 산업의 뼈대이자 국가 경쟁력의 척도다. 이번 엔비디아 회동은 한국이 ‘AI 기술 수입국’에서 ‘AI 생태계 주도국’으로 전환하는 분수령이 될 것이다."


def test_byline_removed_and_sentence_after_it_kept():
    assert paragraphs(seed("000"))[0].startswith("인공지능(AI) 산업이 기업 간 경쟁을 넘어 국가 대항전으로")
    assert paragraphs(seed("002"))[0] == (
        "이재명 대통령이 1일 '챗GPT' 개발사 오픈AI의 샘 올트먼 최고경영자(CEO)와 만나 우리 기업들과의 협력 확대 방안을 논의했다."
    )


def test_seed_001_body_starts_after_deck_and_ends_before_footers():
    paras = paragraphs(seed("001"))
    assert paras[0] == "SK가 4일 서울 코엑스에서 연 ‘SK AI 서밋 2024(SK AI Summit 2024)’ 특히 강조한 것 중 하나는 파트너십이었다."
    assert paras[-1].endswith("국내 AI 생태계 강화와 글로벌 진출에 힘을 모을 것”이라고 말했다.")


# --- other outlets' layouts ----------------------------------------------------------------------


def test_yonhap_style():
    article = text(
        "삼성전자, 3분기 영업이익 9조1천억원…반도체 회복\n\n송고시간2024-10-31 08:15\n\n"
        "(서울=연합뉴스) 홍길동 기자 = 삼성전자는 3분기 영업이익이 9조1천억원으로 집계됐다고 31일 밝혔다.\n\n"
        "반도체 부문 매출은 29조 3700억원이었다.\n\nhong@yna.co.kr\n\n"
        "<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>\n\n관련 뉴스\n삼성전자 주가 5% 급등\nSK하이닉스, HBM 공급 확대"
    )
    assert (article.title, article.outlet, article.reporters, article.date) == (
        "삼성전자, 3분기 영업이익 9조1천억원…반도체 회복", "연합뉴스", ["홍길동"], "2024-10-31T08:15")
    assert paragraphs(article) == ["삼성전자는 3분기 영업이익이 9조1천억원으로 집계됐다고 31일 밝혔다.", "반도체 부문 매출은 29조 3700억원이었다."]


def test_newsis_style_with_photo_caption_and_footer():
    article = text(
        "[서울=뉴시스]김철수 기자 = SK하이닉스가 HBM 생산능력을 월 15만장으로 늘린다.\n"
        "회사 측은 \"수요가 공급을 앞서고 있다\"고 설명했다.\n"
        "[서울=뉴시스] SK하이닉스 이천 캠퍼스 전경. (사진=SK하이닉스 제공) 2024.11.04. photo@newsis.com\n"
        "*재판매 및 DB 금지\n"
        "◎공감언론 뉴시스가 독자 여러분의 소중한 제보를 기다립니다. 사진 또는 영상을 보내주시면 적극 반영하겠습니다."
    )
    assert (article.title, article.title_from, article.outlet, article.reporters) == (
        "SK하이닉스가 HBM 생산능력을 월 15만장으로 늘린다.", "lede", "뉴시스", ["김철수"])
    assert paragraphs(article) == ["SK하이닉스가 HBM 생산능력을 월 15만장으로 늘린다.",
                                   "회사 측은 \"수요가 공급을 앞서고 있다\"고 설명했다."]
    assert article.captions == ["SK하이닉스 이천 캠퍼스 전경."]


def test_naver_style_date_and_name_before_outlet_byline():
    article = text(
        "네이버, 하이퍼클로바X 공개\n기사입력 2024.11.04. 오후 5:28 | 최종수정 2024.11.04. 오후 6:01\n글자크기 설정\n"
        "네이버가 하이퍼클로바X를 공개했다.\n홍길동 한경닷컴 기자 hong@hankyung.com\n"
        "ⓒ 한국경제 & Hankyung.com, 무단전재 및 재배포 금지\n좋아요 3\n추천해요 0\n댓글목록\n첫 댓글은 정말 좋은 기사입니다."
    )
    assert (article.title, article.subtitle, article.outlet, article.reporters) == (
        "네이버, 하이퍼클로바X 공개", None, "한경닷컴", ["홍길동"])
    assert (article.date, article.date_text) == ("2024-11-04T17:28", "2024.11.04. 오후 5:28")
    assert paragraphs(article) == ["네이버가 하이퍼클로바X를 공개했다."]


def test_bylines_at_the_end_and_copyright_outlet():
    article = text("[이데일리 김민수 기자] 카카오가 AI 모델 '카나나'를 공개했다.\n출시는 연내다.\n김민수 기자 kim@edaily.co.kr")
    assert (article.outlet, article.reporters, paragraphs(article)) == (
        "이데일리", ["김민수"], ["카카오가 AI 모델 '카나나'를 공개했다.", "출시는 연내다."])
    article = text("오픈AI가 서울에 사무소를 열었다. 박지민 기자\n<저작권자 © 디지털타임스, 무단 전재 및 재배포 금지>")
    assert (article.outlet, article.reporters, paragraphs(article)) == ("디지털타임스", ["박지민"], ["오픈AI가 서울에 사무소를 열었다."])


def test_page_chrome_of_another_layout_is_dropped_and_the_story_kept():
    article = text(
        "홈 > 경제 > 산업\nIT/과학\n2024년 11월 4일 (월)\n흐림부산 14.0℃\n자료: 기상청 제공\n"
        "QD-OLED 수출 30% 증가\n\n글씨 크기 조절\n인쇄\n공유하기\n"
        "삼성디스플레이의 QD-OLED 수출이 30% 늘었다.\n"
        "관련기사\n• 삼성 OLED 신제품\n• LG 올레드 TV\n"
        "중고 재판매 시장도 커지고 있다는 분석이 나온다.\n"
        "훈훈해요 3\n후속기사 원해요 0\n박지민 기자의 다른 기사 보기\n▶ 네이버 채널 구독하기\n"
        "이메일: news@x.kr\n전체댓글 2\n좋은 기사입니다. 삼성 파이팅이다."
    )
    assert (article.title, article.date, article.date_text) == ("QD-OLED 수출 30% 증가", "2024-11-04", "2024년 11월 4일 (월)")
    assert paragraphs(article) == ["삼성디스플레이의 QD-OLED 수출이 30% 늘었다.", "중고 재판매 시장도 커지고 있다는 분석이 나온다."]


def test_title_alone_before_the_body_without_blank_line():
    article = text("엔비디아, 한국에 GPU 26만장 공급\n젠슨 황 CEO가 31일 경주에서 이재명 대통령을 만났다.")
    assert article.title == "엔비디아, 한국에 GPU 26만장 공급"
    assert paragraphs(article) == ["젠슨 황 CEO가 31일 경주에서 이재명 대통령을 만났다."]


def test_a_lone_short_line_is_body_not_title():
    article = text("삼성과 SK가 협력한다")
    assert paragraphs(article) == ["삼성과 SK가 협력한다"]
    assert (article.title, article.title_from) == ("삼성과 SK가 협력한다", "lede")  # it is also the lede


def test_short_repeats_outside_a_run_are_kept():
    body = "기자가 물었다.\n\n- 네.\n\n그는 웃었다. 다시 물었다.\n\n- 네.\n\n끝이다."
    assert paragraphs(text(body)) == ["기자가 물었다.", "- 네.", "그는 웃었다. 다시 물었다.", "- 네.", "끝이다."]


# --- structured metadata wins -------------------------------------------------------------------


def test_structured_meta_wins_over_guesses():
    doc = Document(
        source="dump.jsonl#3",
        text="삼성 AI 칩 공개\n\n[뉴스웍스=이한익 기자] 삼성전자가 AI 칩을 공개했다.\n\n입력 2024-11-04 17:28",
        kind="json",
        meta={"title": "삼성 AI 칩 공개", "outlet": "테스트일보", "date": "2025-01-02T09:30:00+09:00",
              "reporters": ["홍길동"], "url": "https://x.kr/1", "subtitle": "가격은 미정"},
    )
    article = clean(doc)
    assert (article.title, article.subtitle, article.outlet, article.reporters) == (
        "삼성 AI 칩 공개", "가격은 미정", "테스트일보", ["홍길동"])
    assert (article.date, article.date_text, article.url) == ("2025-01-02T09:30", "2025-01-02T09:30:00+09:00", "https://x.kr/1")
    assert paragraphs(article) == ["삼성전자가 AI 칩을 공개했다."]
    assert article.source == "dump.jsonl#3"


def test_meta_title_that_differs_from_the_first_line_keeps_that_line():
    article = text("짧은 첫 줄\n\n본문이 이어진다.", title="전혀 다른 제목")
    assert article.title == "전혀 다른 제목" and paragraphs(article) == ["짧은 첫 줄", "본문이 이어진다."]


@pytest.mark.parametrize(
    "written, iso",
    [
        ("입력 2024-11-04 17:28", "2024-11-04T17:28"),
        ("2025.11.12 (수)", "2025-11-12"),
        ("2024년 11월 4일 오후 5시 28분", "2024-11-04T17:28"),
        ("2024-11-04T17:28:00+09:00", "2024-11-04T17:28"),
        ("20241104", "2024-11-04"),
        ("2024.13.40", None),
        ("어제", None),
    ],
)
def test_parse_date(written, iso):
    assert parse_date(written) == iso


# --- failure and properties ---------------------------------------------------------------------


@pytest.mark.parametrize("body", ["", "\n\n", "  • 가장작게\n  • 좋아요0\n기상청 제공\n▶이메일: a@b.kr\n댓글목록", "![]() |\n| 홍길동 기자 |"])
def test_nothing_left_raises_input_error(body):
    with pytest.raises(InputError, match="no article text after cleaning"):
        text(body)


FRAGMENTS = [
    "삼성전자", "SK하이닉스는", "오픈AI", " ", "\n", "\n\n", "다.", ".", "…", "|", "| ", "![]() |", "[", "]", "(", ")", "=",
    "기자", "홍길동", "뉴스웍스", "입력 ", "2024-11-04", " 17:28", "2025.11.12 (수)", "  • ", "가장작게", "좋아요0",
    "주요 뉴스", "실시간 암호화폐 시세", "맑음서울 13.5℃", "기상청 제공", "정치", "▶카카오톡: x", "댓글목록", "■ ",
    "▲", "(사진제공=SK)", " /SK그룹", "[SK 제공]", "경주=", "5000억 달러(약 700조원)", '"', "“", "”", "\x1b[31m", "\r",
    "는 24시간 여러분의 제보를 기다립니다.", "ⓒ", "hong@x.com", "·", "\u200b", "\t",
]
TEXTS = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=40).map("".join)
META = st.dictionaries(
    st.sampled_from(["title", "subtitle", "date", "outlet", "url", "reporters"]),
    st.text(max_size=12) | st.lists(st.text(max_size=5), max_size=3) | st.none() | st.integers(),
    max_size=4,
)


@given(TEXTS, META)
@settings(max_examples=300, deadline=None)
def test_clean_only_raises_input_error_and_spans_are_sound(body, meta):
    try:
        article = clean(Document(source="p.txt", text=body, kind="text", meta=meta))
    except InputError:
        return
    spans = article.paragraphs
    assert spans, "an article always has a paragraph"
    previous_end = -2
    for start, end in spans:
        assert 0 <= start < end <= len(article.body)
        assert start >= previous_end + 2  # in order, non-overlapping, "\n\n" between
        chunk = article.body[start:end]
        assert chunk == chunk.strip() and "\x1b" not in chunk
        previous_end = end
    assert "\n\n".join(article.body[s:e] for s, e in spans) == article.body
    assert all(isinstance(r, str) for r in article.reporters)
    assert article.date is None or re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d)?", article.date)
