"""Round-14 people and product rules of issue 11 (set14's causes), each on Korean text written for it in a news style
(particles, spacing variants, lists): what the rules propose for an article and where the matcher then finds it, with the
shipped alias file; negative cases beside each, and hostile inputs that must stay linear."""
from __future__ import annotations

from cpu_budget import ceiling
from test_matching import article, all_names, cpu, mentions, names_of, shipped  # noqa: F401 (shipped is a fixture)

from store.extract.entities import rule_candidates
from store.extract.name_shapes import hanja_glossed_name


# --- people -----------------------------------------------------------------------------------------------------------


def test_hanja_glossed_names_match_their_surname():
    assert hanja_glossed_name("진념", "陳稔") and hanja_glossed_name("고건", "高建") and hanja_glossed_name("김수한", "金守漢")
    assert hanja_glossed_name("남궁석", "南宮晳") and hanja_glossed_name("류성룡", "柳成龍") and hanja_glossed_name("유성룡", "柳成龍")
    # a word glossed in Hanja: the first Hanja is no surname, or is read otherwise, or the lengths differ
    assert not hanja_glossed_name("지양", "止揚") and not hanja_glossed_name("김수한", "金守") and not hanja_glossed_name("박수", "拍手")
    assert not hanja_glossed_name("김수", "金守漢") and not hanja_glossed_name("Kim", "金守漢")


def test_a_name_glossed_in_hanja_before_a_title(shipped):
    """진념 (陳稔) 기아그룹 회장은, 고건(高建) 국무총리, 김수한 (金守漢) 국회의장과: persons, two syllables too; a list of them
    with commas where the title follows each; a word glossed so without a title (고가 (高價), 신고(申告)) is none."""
    text = ("이날 진념 (陳稔) 기아그룹 회장은 인사말을 했다. 행사에는 고건(高建) 국무총리, 김수한 (金守漢) 국회의장과 "
            "정해수 (鄭海洙) 통산부장관이 참석했다.")
    assert {"진념", "고건", "김수한", "정해수"} <= names_of(shipped, text, "person")
    # the title glued to the bracket (이회창(李會昌)총재와); a noun glued there is no title (고속(高速)도로)
    assert "이회창" in names_of(shipped, "그는 한나라당 이회창(李會昌)총재와 회담했다.", "person")
    assert not names_of(shipped, "고속(高速)도로가 막혔다. 신고(申告)서를 냈다.", "person")
    text = "고가 (高價) 제품이 늘었다. 세금 신고(申告) 기간이 끝났다. 고속(高速) 열차가 달린다."
    assert not names_of(shipped, text, "person")
    # a list of glossed names whose last one has no title either: none of them
    assert not names_of(shipped, "고가 (高價), 고속 (高速) 제품이 나왔다.", "person")


def test_deputy_heads_written_apart(shipped):
    """금철완 부시장이, 박은주 부군수는, 정해진 부구청장과, 김현숙 부교육감: persons; 부시장 after a word that is no name is none."""
    text = "이날 금철완 부시장이 인사했다. 박은주 부군수는 예산을 설명했다. 정해진 부구청장과 김현숙 부교육감도 왔다."
    assert {"금철완", "박은주", "정해진", "김현숙"} <= names_of(shipped, text, "person")
    assert not names_of(shipped, "신임 부시장이 취임했다. 이번 부군수는 누구인가.", "person")


def test_names_joined_by_a_one_dot_leader(shipped):
    """김철수․박영희 시의원 (U+2024 between the names, as some outlets write the middle dot): two persons, as with ·."""
    assert {"김철수", "박영희"} <= names_of(shipped, "이날 김철수․박영희 시의원과 주민들이 참석했다.", "person")
    assert {"김철수", "박영희"} <= names_of(shipped, "이날 김철수‧박영희 시의원이 참석했다.", "person")


def test_music_groups_by_their_kind_their_list_and_their_members(shipped):
    """걸그룹 에스파는, 아이돌 그룹 하이라이즈의, 보이그룹 NCT가: persons (performers); a list closed by 등 and a word for
    performers (세븐틴, 엔하이픈, 뉴진스 등 레이블 아티스트들이; 임영웅·이찬원 등 트로트 가수들이); a group before its members in a
    story about music (방탄소년단 멤버들의)."""
    text = ("걸그룹 에스파는 정규 앨범으로 컴백했다. 아이돌 그룹 하이라이즈의 멤버가 데뷔했다. 보이그룹 NCT가 월드투어를 연다. "
            "방탄소년단 멤버들의 솔로 활동은 물론이고, 세븐틴, 엔하이픈, 루나벨 등 레이블 아티스트들이 사랑받았다. "
            "임영웅·이찬원 등 트로트 가수들이 무대에 올랐다.")
    people = names_of(shipped, text, "person")
    assert {"에스파", "하이라이즈", "엔시티", "방탄소년단", "세븐틴", "엔하이픈", "루나벨", "임영웅", "이찬원"} <= people, people


def test_words_before_members_or_performers_that_name_no_group(shipped):
    """삼성, LG 등 그룹 계열사 (firms: 그룹 alone is no word for performers), 서울, 부산 등 가수들의 (places), 위원회 멤버, 핵심 멤버,
    and 멤버 in a story that is not about music: no person."""
    text = "삼성, LG 등 그룹 계열사가 참여했다. 서울, 부산 등 가수들의 공연지가 정해졌다. 위원회 멤버들은 핵심 멤버 교체를 논의했다. 앨범은 없다."
    assert not names_of(shipped, text, "person")
    assert not names_of(shipped, "컨소시엄 멤버로 참여한 한빛정밀 멤버들은 회의를 열었다.", "person")
    # what follows 걸그룹 without ending there, or a word that says something of the groups: no name
    text = "4세대 걸그룹 컴백 대전이 열렸다. 걸그룹 최고 기록은 깨졌다. 걸그룹 최초로 1위를 했다. 앨범이 나왔다."
    assert not names_of(shipped, text, "person")


def test_the_round_14_alias_rows(shipped):
    """Well-known groups are persons by the alias file, with their Latin and short names (스키즈, BTS)."""
    text = "스키즈 날개 단 JYP, 블랙핑크 잡은 YG. BTS와 트와이스가 1위를 다퉜다. 기아 쏘울과 모하비가 팔렸다."
    got = {(w, n, k) for w, n, k in mentions(shipped, text)}
    assert {("스키즈", "스트레이 키즈", "person"), ("블랙핑크", "블랙핑크", "person"), ("BTS", "방탄소년단", "person"),
            ("트와이스", "트와이스", "person"), ("쏘울", "쏘울", "product"), ("모하비", "모하비", "product")} <= got


def test_a_series_round_is_no_japanese_name(shipped):
    """시리즈 투자 (a page label: series investment) keeps to the kana inventory with two marker syllables, but names no one;
    a Japanese name in the same shape still does (2위 시부노 히나코를)."""
    assert not names_of(shipped, "시리즈 투자\n와디즈는 시리즈 투자 플랫폼을 강화한다.", "person")
    assert "시부노 히나코" in names_of(shipped, "이번 대회 2위 시부노 히나코를 제쳤다.", "person")


# --- products ---------------------------------------------------------------------------------------------------------


def test_quoted_models_after_their_kind_in_a_bulleted_list(shipped):
    """▶미니밴 '카니발' ▶스포츠형 세단 '슈마' ▶중형차 '크레도스 파크타운' ▶신형 'G - Ⅱ' ▶4륜구동 지프 '레토나' ▶5t트럭 '라이노'
    (the bullet glued to the word before, a size glued to the kind): products; the model another succeeds (▶아벨라 후속모델
    '델타'). A slogan quoted after a word that is no kind ('새 출발') is none."""
    text = ("발표된 신차는▶미니밴 '카니발' ▶1천5백㏄급 스포츠형 세단 '슈마' ▶왜건스타일 중형차 '크레도스 파크타운' "
            "▶크레도스 신형 'G - Ⅱ' ▶아벨라 후속모델 '델타' ▶4륜구동 지프 '레토나' ▶4. 5t및 5t트럭 '라이노' 등이다. "
            "회사는 '새 출발'을 다짐했다.")
    products = names_of(shipped, text, "product")
    assert {"카니발", "슈마", "크레도스 파크타운", "G - Ⅱ", "아벨라", "델타", "레토나", "라이노"} <= products, products
    assert "새 출발" not in all_names(shipped, text)
    # an album after its number stays one (정규앨범 1집 '…'로: 1집 is no size before a kind)
    assert "아이해브 아이브" in names_of(shipped, "아이브는 정규앨범 1집 '아이해브 아이브'로 컴백했다.", "product")


def test_a_predecessor_needs_a_name_before_its_successor_word(shipped):
    """기존 후속모델, 경쟁사의 후속 모델, 인기 후속 차종: no product."""
    text = "기존 후속모델은 없다. 경쟁사의 후속 모델이 나왔다. 인기 후속 차종을 늘린다."
    assert not names_of(shipped, text, "product")


def test_a_quote_after_a_kind_in_apposition_and_a_market_name(shipped):
    """유료회원제인 ‘와우멤버십’의, 당뇨 신약 제품군인 '퀀텀 프로젝트'입니다: products; 포르테 쿠페(국내명 K3 쿠페): the model's
    name at home is one too."""
    text = ("쿠팡플레이는 유료회원제인 ‘와우멤버십’의 효과를 봤다. 계약은 당뇨 신약 제품군인 '퀀텀 프로젝트'입니다. "
            "기아는 포르테 쿠페(국내명 K3 쿠페)를 공개한다.")
    assert {"와우멤버십", "퀀텀 프로젝트", "K3 쿠페"} <= names_of(shipped, text, "product")
    # a quote after a word that is no kind, a market name in brackets after no name or saying there is none
    assert not names_of(shipped, "방송에는 예능인 ‘유재석’이 나왔다. 원로 영화인 ‘신영균’도 왔다.", "product")
    text = "이 제도는 회원이 ‘누구나 환영’을 외친다. 신차는 (국내명 K3)로 나온다. 포르테(국내명 미정)가 나온다."
    assert not names_of(shipped, text, "product") - {"포르테"}


def test_weapons_by_code_and_kind_and_mixed_case_codes(shipped):
    """K10 탄약운반차 36대, K239 다연장로켓을, PzH2000, 퍼티나(Firtina) 자주포: products; a code with no weapon's kind after it
    (K10 포함, A4 용지) and a Korean word glossed before no weapon word are none."""
    text = ("K9 자주포 54문과 K10 탄약운반차 36대를 납품한다. 천무 K239 다연장로켓을 수출했다. 한화는 독일 PzH2000, 튀르키예 "
            "퍼티나(Firtina) 자주포 등을 제쳤다.")
    products = names_of(shipped, text, "product")
    assert {"K9 자주포", "K10 탄약운반차", "PzH2000", "퍼티나"} <= products, products
    assert not names_of(shipped, "누적 수출액(K10 포함)은 늘었다. A4 용지를 쓴다. 나비(Butterfly) 효과다.", "product")


def test_a_coin_by_its_ticker_and_a_service_by_its_operator(shipped):
    """테더(USDT) 마켓에서, 스테이블코인 유에스디코인(USDC), 도지코인(DOGE): products; 웨이브 운영사인 콘텐츠웨이브: the service
    inside its operator's name. An agency's acronym (금융정보분석원(FIU)) and an operator that does not hold the name
    (플랫폼 운영사인 카카오) are none."""
    text = ("빗썸이 개설한 테더(USDT) 마켓에서 거래가 늘었다. 스테이블코인 유에스디코인(USDC) 발행이 늘었고 도지코인(DOGE)도 "
            "올랐다. 웨이브 운영사인 콘텐츠웨이브가 전환사채를 발행한다. 달러 연동 스테이블코인 팍소스(USDP)가 늘었다.")
    products = names_of(shipped, text, "product")
    assert {"테더", "유에스디코인", "도지코인", "웨이브", "팍소스"} <= products, products
    text = "금융정보분석원(FIU)은 검사했다. 플랫폼 운영사인 카카오가 밝혔다. 한국거래소(KRX) 시세가 올랐다."
    assert not names_of(shipped, text, "product")


# --- linear on hostile input ------------------------------------------------------------------------------------------


def test_the_round_14a_rules_stay_linear():
    t0 = cpu()
    for text in [
        "가" * 50 + "(" + "陳稔) " * 10_000,  # 10,000 brackets of Hanja
        "진념 (陳稔) " * 20_000,
        "김철수․" * 100_000 + "박영희 시의원",
        "·" * 100_000 + " 등 가수들이",
        "세븐틴, " * 30_000 + "뉴진스 등 아티스트들이",
        ("등 아티스트들이 " * 20_000),
        "앨범 " + "방탄소년단 멤버들의 " * 20_000,
        "▶미니밴 '카니발' " * 20_000,
        "아벨라 후속모델 " * 20_000,
        "K10 탄약운반차 " * 20_000 + "PzH2000 " * 20_000,
        "테더(USDT) 마켓 " * 20_000,
        "웨이브 운영사인 콘텐츠웨이브 " * 20_000,
        "걸그룹 " * 50_000,
        "포르테 쿠페(국내명 K3 쿠페) " * 10_000,
        "가나다라 " * 300_000,  # about 3 MB on one line
    ]:
        rule_candidates(article(text))
    assert cpu() - t0 < ceiling(60)
