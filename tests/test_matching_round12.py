"""Round-12 rules of issue 11, each on Korean text written for it in a news style (particles, spacing variants, mixed
scripts): what the rules propose for an article and where the matcher then finds it, with the shipped alias file."""
from __future__ import annotations

import pytest
from cpu_budget import ceiling

from test_matching import all_names, cpu, mentions, names_of, shipped  # noqa: F401 (shipped is a fixture)


# --- people -----------------------------------------------------------------------------------------------------------


def test_a_name_before_a_bracket_that_holds_its_post(shipped):
    """<녹취> 한지섭((주)누리텍 대표) :, 오세림(산업통상자원부 무역투자실장)은, 문가영(국회 의원): the name right before a
    bracket that holds a post (a body, then a title) and names no one itself is a person. 조직위(대회 위원장)는 and
    조직위(위원장)는 (a body's short name, a lone title), 나빛회(김도윤 회장)는 (the bracket names the person) and
    권한(대표발의) (no title) are not."""
    text = ("<녹취> 한지섭((주)누리텍 대표) : \"수출이 늘 것\"\n오세림(산업통상자원부 무역투자실장)은 회복세를 전망했다. "
            "문가영(국회 의원)도 참석했다. 조직위(위원장)는 말을 아꼈다. 조직위(대회 위원장)도 왔다. 나빛회(김도윤 회장)는 반겼다. 권한(대표발의)은 없다.")
    people = names_of(shipped, text, "person")
    assert {"한지섭", "오세림", "문가영", "김도윤"} <= people, people
    assert not {"조직위", "나빛회", "권한"} & all_names(shipped, text)
    assert "누리텍" in names_of(shipped, text, "company")


def test_the_late_named_after_go(shipped):
    """고 백남기 농민의, 故 이한열 열사, 고(故) 김용균씨의, 故 박종철의, 고 정주영 명예회장은: the late are persons; 고 소득층의,
    고 위험군은, 고 부가가치 (an adjective's stem written apart), 고 사장은 (a surname and a title) and 최고 경영자 name none."""
    text = ("고 백남기 농민의 마지막 길을 배웅했다. 故 이한열 열사를 기렸다. 고(故) 김용균씨의 어머니가 말했다. 故 박종철의 "
            "동생이 왔다. 고 정주영 명예회장은 1915년 태어났다. 고 소득층의 세금이 늘었다. 고 위험군은 검사를 받는다. "
            "고 부가가치 산업을 키운다. 고 사장은 답했다. 최고 경영자도 왔다.")
    people = names_of(shipped, text, "person")
    assert {"백남기", "이한열", "김용균", "박종철", "정주영"} <= people, people
    assert not {"소득층", "위험군", "부가가치", "사장"} & all_names(shipped, text)


# --- companies ---------------------------------------------------------------------------------------------------------


def test_a_quoted_brand_after_its_country_is_the_maker(shipped):
    """스웨덴 전기차 브랜드 '폴라리스'도, 프랑스 명품 브랜드 ‘루아르’가: a brand after its country is a company; 삼성의 스마트폰
    브랜드 '갤럭시'를 (a firm's brand: a product) and 국내 화장품 브랜드 '누리결'이 (no country) are no new firm."""
    text = ("최근 스웨덴 전기차 브랜드 '폴라리스'도 부산에서 생산하기로 했다. 프랑스 명품 브랜드 ‘루아르’가 진출했다. "
            "삼성의 스마트폰 브랜드 '갤럭시'를 샀다. 국내 화장품 브랜드 '누리결'이 떴다.")
    companies = names_of(shipped, text, "company")
    assert {"폴라리스", "루아르"} <= companies, companies
    assert not {"갤럭시", "누리결"} & companies, companies


def test_a_firm_in_apposition_after_what_it_is(shipped):
    """데이터 라벨링 협력사인 누리웍스도, 반도체 장비업체인 한빛IPS는, 스타트업인 누리랩스가: the word after …사인/…업체인 with its
    particle is a company; 기업인 김철수씨는 (a businessman: a person), 업체인 만큼, 부품 업체인 셈이다 and 업체인 한빛 솔루션은
    (no particle: a longer phrase) give none."""
    text = ("네이버의 데이터 라벨링 협력사인 누리웍스도 12.4% 뛰었다. 반도체 장비업체인 한빛IPS는 올랐다. 스타트업인 누리랩스가 "
            "투자를 받았다. 기업인 김철수씨는 말했다. 1위 업체인 만큼 기대가 크다. 결국 부품 업체인 셈이다. 업체인 한빛 솔루션은 빠졌다.")
    companies = names_of(shipped, text, "company")
    assert {"누리웍스", "한빛IPS", "누리랩스"} <= companies, companies
    assert not {"김철수", "만큼", "셈이", "셈", "한빛"} & companies, companies
    assert "김철수" in names_of(shipped, text, "person")


def test_a_firm_before_its_heads_name_and_title(shipped):
    """한빛랩스 김하늘 대표는, 누리AI 박서준 CEO는 (the firm, its head's name, a firm's title): the first word is a company; 결국
    김하늘 대표는, 시민단체 …, 참석한 … (a clause's opener, a kind of body, a verb), 세종문화회관을 찾아 이동희
    한국사진기자협회장의 (a society's head) and 순다르 피차이 CEO (one foreign name) give none."""
    text = ("한빛랩스 김하늘 대표는 투자를 늘린다고 말했다. 누리AI 박서준 CEO는 반겼다. 결국 최민호 대표는 사임했다. "
            "시민단체 정다은 대표가 왔다. 행사에 참석한 윤재석 대표는 웃었다. 세종문화회관을 찾아 이동희 한국사진기자협회장의 "
            "안내를 받았다. 순다르 피차이 CEO도 왔다. 하나 팩토리 오토메이션 안순해 대표는 웃었다.")
    companies = names_of(shipped, text, "company")
    assert {"한빛랩스", "누리AI"} <= companies, companies
    assert not {"결국", "시민단체", "참석한", "찾아", "순다르", "오토메이션"} & all_names(shipped, text)  # not half a name
    assert {"김하늘", "박서준", "최민호", "이동희"} <= names_of(shipped, text, "person")


def test_a_firm_before_a_bracket_naming_its_head(shipped):
    """누리소프트(대표 김하늘)는, 한빛건설(대표이사 박서준)은: the word glued before the bracket is a company; 시민모임(대표 …) (a kind
    of body), 한빛사진협회(회장 …) (회장 heads societies: its ending types it), 정의당(대표 …) (a party) and 하나 팩토리
    오토메이션(대표 …) (the last word of a longer name) give no firm; after a kind word (제조사 슬로커(대표 …)) it does."""
    text = ("누리소프트(대표 김하늘)는 신제품을 냈다. 한빛건설(대표이사 박서준)은 수주했다. 시민모임(대표 최민호)은 반대했다. "
            "한빛사진협회(회장 이동희)가 열었다. 정의당(대표 정다은)은 논평했다. 전통주 제조사 슬로커(대표 김정혁)는 수출한다. "
            "하나 팩토리 오토메이션(대표 안순해)은 계약했다.")
    companies = names_of(shipped, text, "company")
    assert {"누리소프트", "한빛건설", "슬로커"} <= companies, companies
    assert not {"시민모임", "한빛사진협회", "정의당", "오토메이션"} & companies, companies  # not half a name
    assert {"김하늘", "박서준", "최민호", "이동희", "정다은"} <= names_of(shipped, text, "person")


# --- places -----------------------------------------------------------------------------------------------------------


def test_a_station_after_the_neighbourhood_it_stands_in(shipped):
    """서울 광진구 구의동 강변역 앞, 마포구 합정역에서: a station written after its …동 or …구 is a place; 광진구 전지역에서,
    서초구 생활권역을, 강남구 코로나방역 (common nouns in 역) and 사회 활동 영역이 (활동 is no neighbourhood) are not."""
    text = ("6일 서울 광진구 구의동 강변역 앞에 펼침막이 걸렸다. 마포구 합정역에서 만났다. 광진구 전지역에서 단속한다. "
            "서초구 생활권역을 정비했다. 강남구 코로나방역 조치가 끝났다. 사회 활동 영역이 넓어졌다.")
    places = names_of(shipped, text, "place")
    assert {"강변역", "합정역", "구의동"} <= places, places
    assert not {"전지역", "생활권역", "코로나방역", "영역"} & all_names(shipped, text)


def test_the_town_a_plant_is_named_after(shipped):
    """체코 노쇼비체 공장에, 인도 첸나이 공장은, 텍사스 테일러 공장에서, 대만 신주 공장: the word between a known place and 공장 is the
    town; 미국 배터리 공장을, 베트남 생산 공장, 중국 현지 공장 (what or what kind), 미국에 세운 공장 (a verb) and 미국에 공장
    (a particle) name no town."""
    text = ("현대차는 체코 노쇼비체 공장에 2억 유로를 들인다. 인도 첸나이 공장은 증설된다. 삼성은 텍사스 테일러 공장에서 칩을 만든다. "
            "대만 신주 공장도 있다. 미국 배터리 공장을 짓는다. 베트남 생산 공장, 중국 현지 공장, 미국에 세운 공장이 있다. 일본에 공장을 둔다.")
    places = names_of(shipped, text, "place")
    assert {"노쇼비체", "첸나이", "테일러", "신주"} <= places, places
    assert not {"배터리", "생산", "현지", "세운", "미국에"} & all_names(shipped, text)


def test_a_hotel_where_something_happens_after_its_city(shipped):
    """뉴욕 파크호텔에서, 제주 해비치리조트에서, 부산 누리호텔에, 한빛엑스포대공원 화랑홀에서는: a hotel, resort or hall after its
    city or site, where something happens, is a place; 서울 특급호텔에서, 부산 웨딩홀에 (kinds) and 한빛호텔에서 (no city before it)
    are not."""
    text = ("사장은 27일 뉴욕 파크호텔에서 기자들과 만났다. 행사는 제주 해비치리조트에서 열린다. 부산 누리호텔에 묵었다. "
            "28일 한빛엑스포대공원 화랑홀에서는 포럼이 열렸다. 서울 특급호텔에서 만났다. 부산 웨딩홀에 갔다. 한빛호텔에서 만났다.")
    places = names_of(shipped, text, "place")
    assert {"파크호텔", "해비치리조트", "누리호텔", "화랑홀"} <= places, places
    assert not {"특급호텔", "웨딩홀", "한빛호텔"} & all_names(shipped, text)


def test_a_day_glued_before_a_name_leaves_the_name(shipped):
    """대통령이 2일서울 종로구, 13일삼성전자는 (a date with its space left out): the name after the day is a mention; 1일본사에서
    (일 + 본사) and 서울대표 (a longer word) are none, 3일간 서울 as before."""
    text = "대통령이 2일서울 종로구를 찾았다. 13일삼성전자는 실적을 냈다. 1일본사에서 만났다."
    found = {(n, k) for _, n, k in mentions(shipped, text)}
    assert {("서울", "place"), ("삼성전자", "company")} <= found, found
    assert "일본" not in all_names(shipped, text)


# --- events -----------------------------------------------------------------------------------------------------------


def test_an_election_or_exhibition_after_its_edition(shipped):
    """제6회 전국동시지방선거가, 제54회 한국보도사진전이: the edition names the event (as 제1회 … 축제); 제3회 선거를 (the kind alone)
    and 제21대 국회의원선거 (대, not 회) name none here."""
    text = "제6회 전국동시지방선거가 시작됐다. 제54회 한국보도사진전이 열렸다. 제3회 선거를 치렀다. 제21대 국회의원선거도 있다."
    events = names_of(shipped, text, "event")
    assert {"전국동시지방선거", "한국보도사진전"} <= events, events
    assert not {"선거", "국회의원선거"} & all_names(shipped, text)


def test_an_event_whose_edition_the_sentence_counts(shipped):
    """한빛보도사진전은 올해로 54회를 맞았으며, 누리국제영화제가 올해 10회째를 맞는: the subject of 올해(로) N회 … 맞다 is an event;
    이번 행사는 and 시상식은 (no name), 누리문학상은 (a prize) and 삼성전자는 … 55주년을 (a firm's anniversary) are no events."""
    text = ("한빛보도사진전은 올해로 54회를 맞았으며 주제는 열정이다. 누리국제영화제가 올해 10회째를 맞는다. 이번 행사는 올해로 5회째를 "
            "맞았다. 시상식은 올해로 20회를 맞았다. 누리문학상은 올해로 30회를 맞았다. 삼성전자는 올해로 창립 55주년을 맞았다.")
    events = names_of(shipped, text, "event")
    assert {"한빛보도사진전", "누리국제영화제"} <= events, events
    assert not {"행사", "시상식", "누리문학상"} & all_names(shipped, text)
    assert "삼성전자" in names_of(shipped, text, "company")


def test_a_quoted_name_after_the_word_that_says_it_was_held(shipped):
    """광화문에서 열린 '멈춰라 난개발 3차 시민대행동' 공식 일정, 개최된 ‘2025 누리 AI 위크’에: a quoted name of several words right
    after 열린/개최된 is an event; a quoted slogan (열린 '우리는 이긴다'고) and one word (열린 '민생토론회') are left alone."""
    text = ("5일 광화문에서 열린 '멈춰라 난개발 3차 시민대행동' 공식 일정이 끝났다. 서울에서 개최된 ‘2025 누리 AI 위크’에 갔다. "
            "어제 열린 '우리는 이긴다'고 외쳤다. 청와대에서 열린 '민생토론회'에서 말했다.")
    events = names_of(shipped, text, "event")
    assert {"멈춰라 난개발 3차 시민대행동", "누리 AI 위크"} <= events, events  # the year is the edition
    assert not {"우리는 이긴다", "민생토론회"} & all_names(shipped, text)


# --- linear on hostile text ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "정영배((주)ISC 대표) 조직위(대회 위원장) " * 10_000,  # names before a bracket holding a post, legal forms inside
    "((주)" * 10_000 + "대표) " + "(" * 10_000,  # brackets without an end
    "서울 광진구 구의동 강변역 앞 " * 15_000,  # stations after their neighbourhood
    "제6회 전국동시지방선거가 한빛사진전은 올해로 54회를 맞았으며 " * 10_000,  # editions
    "고 백남기 농민의 故 이한열 고 소득층의 " * 15_000,  # the late
    "5일 광화문에서 열린 '멈춰라 난개발 3차 시민대행동' " * 10_000,  # quoted names after 열린
    "뉴욕 파크호텔에서 한빛엑스포대공원 화랑홀에서 " * 15_000,  # venues
    "스웨덴 전기차 브랜드 '폴라리스'도 " * 15_000,  # national brands
    "2일서울 13일삼성전자는 " * 30_000,  # days glued before names
    "체코 노쇼비체 공장에 미국 배터리 공장 " * 15_000,  # plants' towns
    "협력사인 누리웍스도 업체인 만큼 " * 15_000,  # firms in apposition
    "한빛랩스 김하늘 대표는 누리소프트(대표 김하늘)는 " * 10_000,  # firms before their heads
    "고 " * 100_000 + "공장 " * 100_000,  # cue words alone
], ids=["post-bracket", "open-brackets", "stations", "editions", "late", "held", "venues", "brands", "glued-days", "plants",
        "apposition", "firm-heads", "cues-alone"])
def test_round12_rules_stay_linear_on_hostile_text(shipped, text):
    start = cpu()
    found = mentions(shipped, text)
    assert cpu() - start < ceiling(3.0) and found is not None
