"""Round-13 rules of issue 11, each on Korean text written for it in a news style (particles, spacing variants, short
names): what the rules propose for an article and where the matcher then finds it, with the shipped alias file."""
from __future__ import annotations

from cpu_budget import ceiling
from test_entities import shipped_places, typed  # noqa: F401 (typed is a fixture)
from test_matching import all_names, cpu, mentions, names_of, shipped  # noqa: F401 (shipped is a fixture)


found = shipped_places  # (matcher, names), text -> [(surface, canonical name)] in text order


# --- financial groups and banks by their short names, in a list -------------------------------------------------------


def test_a_bracketed_list_of_holding_companies_by_short_name(typed):
    """국내 8개 금융지주사(KB국민 신한 NH농협 우리 하나 BNK JB 메리츠)가: after a word for their kind, each short name is the
    holding company (KB국민, the bank's short name, is the KB group's holding company); with middle dots too."""
    text = "국내 8개 금융지주사(KB국민 신한 NH농협 우리 하나 BNK JB 메리츠)가 지난해 거둔 순이익은 20조 원이다."
    assert found(typed, text) == [
        ("KB국민", "KB금융그룹"), ("신한", "신한금융그룹"), ("NH농협", "NH농협금융지주"), ("우리", "우리금융그룹"),
        ("하나", "하나금융그룹"), ("BNK", "BNK금융그룹"), ("JB", "JB금융그룹"), ("메리츠", "메리츠금융지주")]
    text = "금융지주회사 6곳(KB·신한·농협·하나·우리·한투)의 순익이 늘었다."
    assert [name for _, name in found(typed, text)] == [
        "KB금융그룹", "신한금융그룹", "NH농협금융지주", "하나금융그룹", "우리금융그룹", "한국투자금융지주"]


def test_a_dotted_list_takes_its_kind_from_the_word_after_it(typed):
    """KB·신한·하나·우리 등 4대 금융지주는 (holding companies), 국민·신한·하나·우리은행이 (the last item says banks),
    신한, 하나, 우리 등 시중은행들이 (commas, a plural)."""
    assert found(typed, "KB·신한·하나·우리 등 4대 금융지주는 배당을 늘렸다.") == [
        ("KB", "KB금융그룹"), ("신한", "신한금융그룹"), ("하나", "하나금융그룹"), ("우리", "우리금융그룹")]
    assert found(typed, "국민·신한·하나·우리은행이 금리를 내렸다.") == [
        ("국민", "KB국민은행"), ("신한", "신한은행"), ("하나", "하나은행"), ("우리은행", "우리은행")]
    assert found(typed, "신한, 하나, 우리 등 시중은행들이 대출을 줄였다.") == [
        ("신한", "신한은행"), ("하나", "하나은행"), ("우리", "우리은행")]
    assert found(typed, "신한·KB국민·현대 등 카드사는") == [("신한", "신한카드"), ("KB국민", "KB국민카드"), ("현대", "현대카드")]


def test_short_names_are_words_outside_such_a_list(typed):
    """우리는, 하나의, 신한 마음: the words; a list of them without a word for firms, or with an item that is no firm's short
    name (하나·둘), names no firm; nor does a word that only starts like a kind (은행나무)."""
    for text in ["우리는 하나의 목표를 향해 신한 마음으로 간다.", "우리·하나·신한 모두 모였다.", "하나·둘·셋 은행에 갔다.",
                 "하나, 우리는 은행에 간다.", "우리·하나 은행나무 길을 걸었다.", "우리 하나 된 금융지주"]:
        assert found(typed, text) == [], text


def test_a_list_of_places_stays_places(typed):
    """부산·대구·광주 등 지방은행: the short names that are places' names (부산은행) stay the places (the alias file says so)."""
    assert found(typed, "부산·대구·광주 등 지방은행의 연체율") == [("부산", "부산"), ("대구", "대구"), ("광주", "광주")]


def test_long_lists_of_short_names_stay_linear(typed):
    matcher, _ = typed
    t0 = cpu()
    assert len(matcher.find("KB·신한·하나·우리 등 4대 금융지주는 " * 20_000)) == 80_000
    matcher.find("·".join(["우리", "하나", "신한", "KB"] * 25_000) + " 등 금융지주는")  # a list is read within reach of its kind
    matcher.find("은행 " * 100_000)
    matcher.find("금융지주(" + "우리 " * 30_000 + ")")
    matcher.find("은행 " + "·" * 100_000 + " 금융지주")
    matcher.find("금융지주(우리 하나) " * 20_000)
    assert cpu() - t0 < ceiling(10)


# --- brackets ---------------------------------------------------------------------------------------------------------


def test_a_firm_glossed_by_its_latin_name_after_its_country(shipped):
    """노르웨이 브리텍스(Britex Shipping)사로부터: the country is no part of the name; 사 after the bracket says a firm; 쉘(Shell)사의
    (one syllable): the firm by its Latin name."""
    text = "대우조선해양은 노르웨이 브리텍스(Britex Shipping)사로부터 LNG운반선을 수주했다. 에너지 기업 셸(Shelton)사의 용선용이다."
    companies = names_of(shipped, text, "company")
    assert {"브리텍스", "Shelton"} <= companies, companies
    assert not {"노르웨이 브리텍스", "셸"} & all_names(shipped, text)


def test_two_word_firms_before_their_latin_names(shipped):
    """후지쯔 지멘스(Fujitsu Siemens): two words for two, a firm (not a person), and Siemens in the bracket is no mention of
    지멘스; 휴렛 패커드(HP): a word per capital; the two capitals are too short a name to look for elsewhere (HP 엔진)."""
    text = "LG전자, 후지쯔 지멘스(Fujitsu Siemens) 등을 제쳤다. 휴렛 패커드(HP), 델(Dell) 등도 있다. 300HP 엔진."
    got = mentions(shipped, text)
    assert ("후지쯔 지멘스", "후지쯔 지멘스", "company") in got and ("휴렛 패커드", "휴렛 패커드", "company") in got, got
    assert not {"지멘스", "패커드"} & {name for _, name, _ in got}
    assert [s for s, _, _ in got if s == "HP"] == []


def test_a_model_code_in_brackets_after_its_kind(shipped):
    """LCD모니터(L196WTY-BF), 22인치 모니터 (L227WT-PF), 추진 엔진(ME-GI): products; the kind is no firm."""
    text = ("LG전자 22인치 LCD모니터 (L227WT-PF)를 1위로 뽑았다. 19인치 와이드 LCD모니터(L196WTY-BF)가 선정됐다. "
            "천연가스 추진 엔진(ME-GI)이 탑재된다.")
    assert {"L227WT-PF", "L196WTY-BF", "ME-GI"} <= names_of(shipped, text, "product")
    assert "LCD모니터" not in all_names(shipped, text)


# --- quoted products and events ---------------------------------------------------------------------------------------


def test_quoted_project_code_names_and_the_titles_listed_after_them(shipped):
    """넥슨의 서브 브랜드 '프로젝트 새벽별': a project's code name; ▲'프로젝트 QX' ▲'바람의나라: 귀환 영상' and '프로젝트 매화'
    '라그나 모바일'를: titles listed right after a quoted product are products (the game, not its video). A slogan quoted after
    them with words between ('선택과 집중' 전략) and a quoted sentence ('프로젝트는 끝났다') are none."""
    text = ("넥슨은 ▲서브 브랜드 '프로젝트 새벽별' ▲'프로젝트 QX' ▲'바람의나라: 귀환 영상' 등을 소개했다. 넥슨은 '선택과 집중' "
            "전략을 폈다. 넥슨은 이날 '프로젝트 매화' '라그나 모바일'을 비롯해 7종을 공개했다. 그는 '프로젝트는 끝났다'고 했다.")
    products = names_of(shipped, text, "product")
    assert {"프로젝트 새벽별", "프로젝트 QX", "바람의나라: 귀환", "프로젝트 매화", "라그나 모바일"} <= products, products
    assert not {"선택과 집중", "프로젝트는 끝났다", "바람의나라: 귀환 영상"} & all_names(shipped, text)


def test_a_quoted_chip_and_a_product_by_its_nickname(shipped):
    """차세대 AI 칩 ‘오로라 베가’의, ‘은빛매’라는 애칭으로 팔린다: products; a quoted phrase after 칩 that is a sentence, and a
    nickname of what is not sold (‘일벌레’라는 별칭을 얻었다, ‘착한 가격’이라는 별칭으로 불린다) are none."""
    text = ("엔비디아 차세대 AI 칩 ‘오로라 베가’의 연산 병목을 풀었다. 이 제품은 국내에서 ‘은빛매’라는 애칭으로 팔린다. "
            "AI 칩 ‘더 빨라진다’고 했다. 그는 ‘일벌레’라는 별칭을 얻었다. 이 제도는 ‘착한 가격’이라는 별칭으로 불린다.")
    products = names_of(shipped, text, "product")
    assert {"오로라 베가", "은빛매"} <= products, products
    assert not {"더 빨라진다", "일벌레", "착한 가격"} & all_names(shipped, text)


def test_a_quoted_preview_or_briefing_of_several_words_is_an_event(shipped):
    """'넥슨 지스타 프리뷰'를 실시한다, ‘한빛 신작 간담회’: events; one quoted word ('프리뷰') is none."""
    text = "넥슨은 오는 6일 '넥슨 지스타 프리뷰'를 실시한다. 한빛은 ‘한빛 신작 간담회’를 연다. 이 '프리뷰'는 짧다."
    events = names_of(shipped, text, "event")
    assert {"넥슨 지스타 프리뷰", "한빛 신작 간담회"} <= events, events
    assert "프리뷰" not in all_names(shipped, text)


def test_a_product_word_is_no_person_before_a_unit_heads_title(shipped):
    """LG전자 모니터 사업부장 권봉석 상무: 모니터 (모 + 니터) is no Korean name; 피터 is a foreign one."""
    text = "LG전자 모니터 사업부장 권봉석 상무는 말했다. 모니터 판을 붙였다."
    assert names_of(shipped, text, "person") == {"권봉석"}


def test_a_bulleted_list_of_plans_closed_by_their_kind(shipped):
    """△누리T 맞춤형(통화150분+6GB) △주말엔팡(…) △0틴요금 등 LTE 요금제 36종: each item a product, its details left out; a
    bulleted list of amounts (△월 3000원 △월 5000원 등이다) or one not closed by a kind of product names none."""
    text = ("SK텔레콤은 △누리T 맞춤형(통화150분+6GB) △주말엔팡(선택 맞춤제공GB+최대 400Kbps) △0틴요금 등 LTE 요금제 36종의 "
            "가입을 받지 않는다. 옵션은 △월 3000원(13GB) △월 5000원(30GB) 등이다. 과제는 △인력 확보 △설비 투자 등 두 가지다. "
            "회사는 △안전 점검 △시설 개선 등 서비스 품질을 높인다. △신규 채용 △교육 확대 등 게임 업계의 과제다.")
    products = names_of(shipped, text, "product")
    assert {"누리T 맞춤형", "주말엔팡", "0틴요금"} <= products, products
    assert not {"월 3000원", "인력 확보", "설비 투자", "안전 점검", "시설 개선", "신규 채용", "교육 확대"} & all_names(shipped, text)


def test_a_plan_after_the_word_that_says_what_it_is(shipped):
    """5G 중간요금제인 누리플랜(월 5만9000원)을: a product; ‘5G 맞춤형 요금제’를 출시 describes a kind of plan, names none."""
    text = ("SK텔레콤은 5G 중간요금제인 누리플랜(월 5만9000원)을 기본으로 해 '5G 맞춤형 요금제'를 오는 5월 출시한다.")
    assert "누리플랜" in names_of(shipped, text, "product")
    assert "5G 맞춤형 요금제" not in all_names(shipped, text)


def test_firms_after_the_kind_of_firm_they_are(shipped):
    """전남 태양광 전문기업인 해솔인프라와 (라 ends the name: 해솔인프 + 라와 is no reading), LNG전문 선사인 한빛LNG해운(대표집행임원
    김도윤)으로부터: companies, and the head in the bracket a person; 기업인 박하늘 씨 (a businessman) names no firm."""
    text = ("중부발전은 전남 태양광 전문기업인 해솔인프라와 컨소시엄을 구성했다. 대우조선해양은 국내 LNG전문 선사인 "
            "한빛LNG해운(대표집행임원 김도윤)으로부터 1척을 수주했다. 기업인 박하늘 씨도 왔다.")
    assert {"해솔인프라", "한빛LNG해운"} <= names_of(shipped, text, "company")
    assert "김도윤" in names_of(shipped, text, "person")
    assert not {"해솔인프", "박하늘 씨"} & all_names(shipped, text)


def test_a_named_shipyard_or_campus_is_a_place(shipped):
    """옥포조선소에서, 대우조선 울진조선소는, LG전자 서초연구개발(R&D)캠퍼스에서 (the bracket kept in the mention): places;
    대형조선소, 중국조선소, 메인캠퍼스, 제2캠퍼스 are kinds."""
    text = ("이 선박은 옥포조선소에서 건조된다. 대우조선 울진조선소는 바쁘다. LG전자 서초연구개발(R&D)캠퍼스에서 발표회를 열었다. "
            "대형조선소와 중국조선소가 경쟁한다. 메인캠퍼스와 제2캠퍼스도 있다.")
    got = mentions(shipped, text)
    places = {name for _, name, kind in got if kind == "place"}
    assert {"옥포조선소", "울진조선소", "서초연구개발캠퍼스"} <= places, got
    assert ("서초연구개발(R&D)캠퍼스", "서초연구개발캠퍼스", "place") in got
    assert not {"대형조선소", "중국조선소", "메인캠퍼스", "제2캠퍼스"} & places


def test_bulleted_lists_and_kind_words_stay_linear(shipped):
    from store.extract.entities import rule_candidates
    from test_matching import article

    t0 = cpu()
    rule_candidates(article("△누리 " * 50_000 + " 등 요금제"))
    rule_candidates(article("△누리 등 요금제 " * 30_000))
    rule_candidates(article("요금제인 누리플랜을 " * 30_000))
    rule_candidates(article("서초(R&D)캠퍼스에서 " * 20_000))
    rule_candidates(article("▲'프로젝트 가' " * 20_000))
    assert cpu() - t0 < ceiling(20)


def test_a_campus_is_named_after_its_place(shipped):
    """세종캠퍼스, 대덕연구캠퍼스: named after a place; 산업단지캠퍼스, 현장캠퍼스, 개방형캠퍼스 are kinds of campus."""
    text = "공주대는 세종캠퍼스 시대를 연다. 대덕연구캠퍼스에서 만났다. 산업단지캠퍼스로 인가를 받았다. 현장캠퍼스와 개방형캠퍼스를 짓는다."
    places = names_of(shipped, text, "place")
    assert {"세종캠퍼스", "대덕연구캠퍼스"} <= places, places
    assert not {"산업단지캠퍼스", "현장캠퍼스", "개방형캠퍼스"} & places


def test_a_short_name_list_with_a_word_between_it_and_its_kind(typed):
    """신한·KB·하나 등 주요 금융그룹이, KB·신한 등 4대 주요 금융지주: 주요 and 국내 may stand before or after the count."""
    assert [n for _, n in found(typed, "신한·KB·하나 등 주요 금융그룹이 최대 순익을 냈다.")] == ["신한금융그룹", "KB금융그룹", "하나금융그룹"]
    assert [n for _, n in found(typed, "KB·신한 등 4대 주요 금융지주")] == ["KB금융그룹", "신한금융그룹"]


def test_a_delivery_received_is_no_country(typed):
    """조선소로부터 인도 받은 선박 (인도: delivery), 인도 받아: no India; 인도 정부는, 인도와 is the country."""
    assert found(typed, "2017년 한빛조선으로부터 인도 받은 2척, 인도 받아 운항한다.") == []
    assert found(typed, "인도 정부는 인도와 중국의 국경을 논의했다.") == [("인도", "인도"), ("인도", "인도"), ("중국", "중국")]


def test_a_credit_glued_to_the_caption_after_it_names_no_body(shipped):
    """서부산 산업단지. 부산경제진흥원 제공서부산 산업단지: 제공서부 (제공 + 서부산) is no ministry or body."""
    text = "서부산 산업단지. 부산경제진흥원 제공서부산 산업단지. 중소기업이 늘었다."
    assert not {n for n in all_names(shipped, text) if n.startswith("제공")}


def test_a_periodical_before_its_issue_is_its_publisher(shipped):
    """미국의 PC 매거진 2월호에서도, 누리저널 5월호는: companies (as papers are); 여성 매거진 3월호, 이번 3월호 name none."""
    text = "미국의 PC 매거진 2월호에서도 1위를 했다. 누리저널 5월호는 특집을 실었다. 여성 매거진 3월호와 이번 3월호에도 실렸다."
    companies = names_of(shipped, text, "company")
    assert {"PC 매거진", "누리저널"} <= companies, companies
    assert not {"여성 매거진", "매거진"} & all_names(shipped, text)


def test_a_quoted_plant_and_a_chaired_meeting(shipped):
    """‘한빛수상태양광 발전소’ 준공식: a place (‘태양광 발전소’ is a kind); 대통령 주재로 열린 비상경제민생회의: an event (a long
    name; 주재한 국무회의 and 확대간부회의 are kinds of meeting)."""
    text = ("중부발전은 ‘한빛수상태양광 발전소’ 준공식을 열었다. ‘태양광 발전소’ 건설이 늘었다. 대통령 주재로 열린 "
            "비상경제민생회의 후속조치다. 시장이 주재한 확대간부회의에서 논의했다. 대통령 주재로 열린 국무회의에서도.")
    assert "한빛수상태양광 발전소" in names_of(shipped, text, "place")
    assert "비상경제민생회의" in names_of(shipped, text, "event")
    assert not {"태양광 발전소", "확대간부회의", "국무회의"} & all_names(shipped, text)


def test_the_round_13_gazetteer_rows(typed):
    """홈플러스, Silicon Valley's towns as news spells them (샌타클래라 = 산타클라라), LG's appliance line before LG."""
    text = "이마트·홈플러스가 고전했다. 미국 샌타클래라와 쿠퍼티노, 팔로알토에 있다. LG 시그니처 올레드 TV를 공개했다."
    assert [n for _, n in found(typed, text)] == ["이마트", "홈플러스", "미국", "산타클라라", "쿠퍼티노", "팰로앨토", "LG 시그니처"]


def test_a_shorter_name_before_a_latin_bracket_starts_after_what_the_firm_is(shipped):
    """노르웨이의 가스 운송회사인 누리코(Nuriko LNG AS)사와: the firm is 누리코 (운송회사인 says what it is), not a name of two words."""
    text = "대우조선해양은 노르웨이의 가스 운송회사인 누리코(Nuriko LNG AS)사와 LNG선 2척에 대한 계약을 체결했다."
    names = all_names(shipped, text)
    assert "누리코" in names_of(shipped, text, "company") and not [n for n in names if "운송회사" in n], names
