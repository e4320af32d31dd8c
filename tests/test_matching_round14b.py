"""Round-14 rules of issue 11 for firms, bodies and places (helper ents14b), each on Korean text written for it in a news
style (particles, spacing variants): what the rules propose for an article and where the matcher then finds it, with the
shipped alias file; negative cases beside each, and hostile inputs that must index in seconds."""
from __future__ import annotations

from cpu_budget import ceiling
from test_entities import shipped_places, typed  # noqa: F401 (typed is a fixture)
from test_matching import all_names, cpu, mentions, names_of, shipped  # noqa: F401 (shipped is a fixture)


found = shipped_places  # (matcher, names), text -> [(surface, canonical name)] in text order


# --- lists of firms: heads and what a firm did are no firms -------------------------------------------------------------


def test_a_head_counted_with_people_is_no_firm(shipped):
    """7개 기업 대표 등 16명이 참석해 우량기업…: 대표 is a title and 16명 counts people; no firm is listed."""
    for text in ["이날 협약식에는 7개 기업 대표 등 16명이 참석해 우량기업 입주를 논의했다.",
                 "협약식에는 기업 대표 등 30여명이 참석했다. 이후 입주 기업이 늘었다.",
                 "시장과 기업 회장 등 10명이 참석해 협력 기업을 찾았다."]:
        assert names_of(shipped, text, "company") == set(), text
    # a count of firms still lists them, with or without a particle after it
    assert names_of(shipped, "한빛소재, 누리정밀, 다온테크 등 13개사가 참여했다.", "company") == {"한빛소재", "누리정밀", "다온테크"}
    assert names_of(shipped, "한빛소재, 누리정밀 등 국내 13개 기업이 모였다.", "company") == {"한빛소재", "누리정밀"}


def test_what_a_firm_did_ends_the_list_before_it(shipped):
    """네오플럭스가 참여, 디에스자산운용, …, 스틱벤처스 등 기존 투자사가: 참여 is what the firm before it did, no item."""
    text = "이번 투자에는 신규 투자사로 누리파트너스가 참여, 디에스자산운용, 한빛벤처스, 다온인베스트먼트 등 기존 투자사가 재참여했다."
    got = names_of(shipped, text, "company")
    assert "참여" not in got and {"디에스자산운용", "한빛벤처스", "다온인베스트먼트"} <= got


# --- legal forms written after the name --------------------------------------------------------------------------------


def test_a_legal_form_after_the_name_and_the_head_in_brackets(shipped):
    """청오디피케이(주)(대표 김영훈), ㈜보우시스템(대표 박형택): the firm before (주) and its head; ㈜ before a name is no part of
    it, and the particle after (주) is no name (한국메탈(주)에서)."""
    text = ("이번 협약에 참여한 기업은 청오디피케이(주)(대표 김영훈), 대성산기(주)(대표 윤수현), ㈜보우시스템(대표 박형택), "
            "㈜성원에어테크(대표 민성식) 등 중소기업 4개다. 성원에어테크는 설비를 만든다.")
    got = mentions(shipped, text)
    assert [(w, n) for w, n, k in got if k == "company"] == [
        ("청오디피케이", "청오디피케이"), ("대성산기", "대성산기"), ("보우시스템", "보우시스템"), ("성원에어테크", "성원에어테크"),
        ("성원에어테크", "성원에어테크")]
    assert {n for _, n, k in got if k == "person"} == {"김영훈", "윤수현", "박형택", "민성식"}
    text = "경주시는 외동공단 내 한국메탈(주)에서 회의를 열었다. 한국메탈㈜는 1990년 세워졌다."
    assert names_of(shipped, text, "company") == {"한국메탈"}


def test_a_legal_form_that_opens_the_next_name_or_follows_a_kind(shipped):
    """한빛(주)누리: the mark glued to the name after it says nothing of the word before; 업체(주), a person's name: no firm."""
    assert "한빛" not in all_names(shipped, "한빛(주)누리는 새 공장을 열었다.")
    assert names_of(shipped, "협력 업체(주)는 납품을 늘렸다. 김하늘(주)", "company") == set()


# --- addresses, copyright marks and share buttons ----------------------------------------------------------------------


def test_an_address_names_no_firm(typed):
    """hong@naver.com, www.naver.com, hankyung.com: a mail address or a domain; 네이버 and Naver in the story stay."""
    text = "권나형 기자 skgud244@naver.com 제보는 www.naver.com 으로. 네이버는 Naver 브랜드를 쓴다. 김정훈 기자 lennon@hankyung.com"
    assert found(typed, text) == [("네이버", "네이버"), ("Naver", "네이버")]


def test_a_copyright_mark_names_the_page_not_the_story(shipped, typed):
    """Copyrights ⓒ황성신문, © 연합뉴스: the page's own footer; the outlet named in the story stays."""
    assert found(typed, "무단 전재 금지 - Copyrights ⓒ 연합뉴스. 연합뉴스에 따르면") == [("연합뉴스", "연합뉴스")]
    assert all_names(shipped, "권나형 기자 - Copyrights ⓒ황성신문.\n무단 전재 및 재배포 금지") == set()


def test_share_buttons_name_no_firm(typed):
    """• 네이버 블로그 공유하기, • 카카오스토리 공유하기: a page's share row; 네이버가 공유하기 기능을 … in a sentence is the firm."""
    text = "  • 네이버 블로그 공유하기\n  • 네이버 밴드에 공유하기\n  • 카카오톡 공유하기\n네이버가 공유하기 기능을 새로 추가했다고 밝혔다."
    assert found(typed, text) == [("네이버", "네이버")]


def test_marks_and_buttons_stay_linear(typed):
    matcher, _ = typed
    t0 = cpu()
    matcher.find("ⓒ" * 100_000 + "네이버")
    matcher.find("a@naver.com " * 50_000)
    matcher.find("네이버 공유하기\n" * 50_000)
    matcher.find("공유하기" * 100_000)
    matcher.find("kakao\n복사\n" * 50_000)
    matcher.find("\n" * 100_000 + "공유")
    assert cpu() - t0 < ceiling(10)


# --- bodies: a committee after its legislature, a body before its acronym, a branch office written short ----------------


def test_a_committee_after_its_legislature(shipped):
    """국회 정무위원회 국정감사에, later 정무위원회는: one committee named with its legislature (not a mention of 국회); 국회 alone
    stays 국회; a kind of committee (국회 상임위원회) names none."""
    text = "오경석 두나무 대표는 오는 20일 국회 정무위원회 국정감사에 출석한다. 정무위원회는 이날 질의했다. 국회는 예산을 심사했다."
    assert [(w, n) for w, n, k in mentions(shipped, text) if k == "org"] == [
        ("국회 정무위원회", "국회 정무위원회"), ("정무위원회", "국회 정무위원회"), ("국회", "국회")]
    assert names_of(shipped, "서울시의회 행정자치위원회에서 조례를 심사했다.", "org") == {"서울시의회 행정자치위원회"}
    assert names_of(shipped, "법안은 국회 상임위원회에서 논의됐다. 국회 특별위원회도 열렸다.", "org") == {"국회"}


def test_a_body_before_its_english_acronym(shipped):
    """디지털자산거래소 공동협의체(DAXA): the Korean words need not spell the acronym; 공동 only says what kind, so the name starts a
    word earlier; later 디지털자산거래소 공동협의체 DAXA와 is the same body, and DAXA alone too."""
    text = ("빗썸은 영업을 이어가다 디지털자산거래소 공동협의체(DAXA)의 경고를 받았다. 금융위는 디지털자산거래소 공동협의체 DAXA와 "
            "대응반을 꾸렸다. DAXA는 회원사를 점검한다.")
    assert [(w, n) for w, n, k in mentions(shipped, text) if k == "org"][-3:] == [
        ("디지털자산거래소 공동협의체", "디지털자산거래소 공동협의체"), ("DAXA", "디지털자산거래소 공동협의체"),
        ("DAXA", "디지털자산거래소 공동협의체")]
    # no body: a kind alone, a common noun glossed by an acronym, a particle before the kind, a generic acronym
    for text in ["업계는 공동협의체(DAXA)를 만들었다.", "메모리 반도체(HBM)가 팔렸다.", "업계와 공동협의체(DAXA)를 만들었다.",
                 "인공지능 공동협의체(AI)를 꾸렸다."]:
        assert names_of(shipped, text, "org") == set(), text


def test_a_branch_office_written_without_its_middle_word(shipped):
    """고용노동부 통영고용지청, later 통영지청과의: one office, named in full."""
    text = "고용노동부 통영고용지청에서 협약을 맺었다. 백 군수는 “통영지청과의 협력으로 일자리를 늘리겠다”고 말했다."
    got = [(w, n) for w, n, k in mentions(shipped, text) if k == "org"]
    assert got == [("고용노동부", "고용노동부"), ("통영고용지청", "통영고용지청"), ("통영지청", "통영고용지청")]
    # two towns' offices stay two offices
    text = "통영고용지청과 거제지청이 함께 나섰다."
    assert names_of(shipped, text, "org") >= {"통영고용지청", "거제지청"}


# --- industrial estates and plants named by their town ---------------------------------------------------------------------


def test_an_industrial_estate_and_its_short_form(shipped):
    """은남산단 (the short form) and 은남일반산업단지: one estate, a place; 외동공단 내 (firms in it) is an estate too, and the
    association named after it (외동공단연합회장) stays the association."""
    text = "강수현 양주시장이 은남산단 7개 기업과 협약을 맺었다. 기업들은 양주 서북부에 조성될 은남일반산업단지에 입주한다."
    assert [(w, n) for w, n, k in mentions(shipped, text) if k == "place"][-2:] == [
        ("은남산단", "은남일반산업단지"), ("은남일반산업단지", "은남일반산업단지")]
    text = "시는 지난 13일 외동공단 내 한국메탈(주)에서 회의를 열었다. 이정우 외동공단연합회장이 참석했다."
    got = mentions(shipped, text)
    assert ("외동공단", "place") in {(n, k) for _, n, k in got} and ("외동공단연합회", "org") in {(n, k) for _, n, k in got}


def test_public_corporations_and_kinds_of_estate_are_no_estates(shipped):
    """국민연금공단, 도로교통공단 (public corporations), 국가산단, 인근 산업단지, 노후 산단: no estate's name."""
    text = "국민연금공단과 도로교통공단은 국가산단과 인근 산업단지, 노후 산단을 둘러봤다. 연금공단에서 만났다."
    assert names_of(shipped, text, "place") == set()


def test_a_plant_named_by_its_town(shipped):
    """대산공장 정기보수: a plant named by its town; 울산공장 is a mention of 울산; kinds of plant are none."""
    text = "대산공장 정기보수로 판매가 줄었다. 울산공장과 전용공장, 합작공장, 해당공장은 그대로다. 새로 지을공장도 있다."
    assert [(w, n) for w, n, k in mentions(shipped, text) if k == "place"] == [("대산공장", "대산공장"), ("울산", "울산")]


def test_estates_and_plants_stay_linear(shipped):
    from store.extract.entities import rule_candidates
    from test_matching import article
    t0 = cpu()
    for text in ["은남산단 " * 50_000, "가나다라마바사아자차산업단지" * 30_000, "대산공장 " * 50_000, "공단 내 " * 50_000,
                 "청오디피케이(주)(대표 김영훈), " * 10_000, "㈜" * 100_000, "(주)" * 50_000, "국회 정무위원회 " * 30_000,
                 "디지털자산거래소 공동협의체(DAXA) " * 10_000, "통영고용지청 " + " ".join(f"가{i}지청" for i in range(10_000))]:
        rule_candidates(article(text))
    assert cpu() - t0 < ceiling(30)


# --- ordinary words, storms, groups, chambers --------------------------------------------------------------------------


def test_a_page_label_names_no_person(shipped):
    """시리즈 투자 (a blog's label, a series round) is no person."""
    text = "시리즈 투자\n\n와디즈 투자에 대해 알고 싶다면? 데이터 기반의 서비스 시리즈 투자 플랫폼을 강화한다."
    assert names_of(shipped, text, "person") == set()


def test_a_group_glued_to_its_firms_word(typed):
    """두산계열 사모펀드, 삼성계열사와: the group is named (계열 is no part of a name)."""
    assert found(typed, "두산계열 사모펀드 회사가 참여했다. 삼성계열사와 LG계열 회사도") == [
        ("두산", "두산"), ("삼성", "삼성"), ("LG", "LG")]


def test_a_firm_after_what_kind_of_firm_it_is(shipped):
    """사모펀드 회사인 네오플럭스가: a firm; 이 회사인 것으로 names none."""
    assert names_of(shipped, "신규 투자사로 사모펀드 회사인 한빛플럭스가 참여했다.", "company") == {"한빛플럭스"}
    assert names_of(shipped, "그가 다닌 곳은 같은 회사인 것으로 알려졌다.", "company") == set()


def test_a_chamber_of_commerce_before_its_heads_title_is_a_body(shipped):
    """최순호 경주상공회의소 회장: the chamber is an org, its head a person."""
    got = {(n, k) for _, n, k in mentions(shipped, "주낙영 경주시장과 최순호 경주상공회의소 회장이 참석했다.")}
    assert {("경주상공회의소", "org"), ("최순호", "person")} <= got


def test_the_firm_that_raises_a_series_round(shipped):
    """와디즈가 300억원 규모의 시리즈C 투자 유치를, 와디즈, 300억원 규모 시리즈C: the subject before the round is a firm; a time
    (상반기에), a kind (스타트업은), 저희 회사는 name none."""
    text = "와디즈가 300억원 규모의 시리즈C 투자 유치를 했습니다! 와디즈, 300억원 규모 시리즈C 투자 유치. 한빛랩스는 50억 시리즈 B에 성공했다."
    assert names_of(shipped, text, "company") == {"와디즈", "한빛랩스"}
    text = "저희 회사는 내년 상반기에 시리즈 A 펀딩을 계획. 이번 시리즈C 투자를 이끈 곳. 스타트업은 시리즈 B 투자를, 누적 시리즈 A"
    assert names_of(shipped, text, "company") == set()


def test_units_listed_with_a_hyphen_are_no_body(shipped):
    """전략유치팀-대외협력사무소 등 인적 네트워크: two units joined by a hyphen (교통-복지), no one body."""
    text = "체계적인 전략을 바탕으로 전략유치팀-대외협력사무소 등 인적 네트워크를 강화했다. 교통-복지 증진에도 힘쓴다."
    assert names_of(shipped, text, "org") == set()


def test_a_motor_show_named_by_its_city_with_and_without_its_year(shipped):
    """뉴욕 오토쇼에서 and '2013 뉴욕 모터쇼': one show (no mention of the city 뉴욕); 부산 모터쇼 too; 모터쇼 alone names none."""
    text = "기아의 신형 쏘울이 다음달 열리는 뉴욕 오토쇼에서 첫 선을 보인다. 기아는 '2013 뉴욕 모터쇼'에 뉴 쏘울을 출품한다."
    assert [(w, n) for w, n, k in mentions(shipped, text) if k in ("event", "place")] == [
        ("뉴욕 오토쇼", "뉴욕 모터쇼"), ("2013 뉴욕 모터쇼", "뉴욕 모터쇼")]
    assert names_of(shipped, "올해 부산 모터쇼에는 20개사가 나온다.", "event") == {"부산 모터쇼"}
    assert names_of(shipped, "모터쇼에서 신차가 나왔다. 이번 오토쇼는 컸다.", "event") == set()


def test_group_firms_listed_by_their_latin_prefix(shipped):
    """롯데케미칼 기초소재사업, LC 타이탄, LC USA, 롯데GS화학 등: among listed firms, a Latin prefix and a word is a firm (LC USA is
    no mention of 미국); without firms in the list, or with a known prefix or a common noun after it, none."""
    text = "먼저 롯데케미칼 기초소재사업, LC 타이탄, LC USA, 롯데GS화학 등 기초화학은 매출액 2조6874억원을 기록했다."
    assert [(w, n) for w, n, k in mentions(shipped, text)] == [
        ("롯데케미칼", "롯데케미칼"), ("LC 타이탄", "LC 타이탄"), ("LC USA", "LC USA"), ("롯데GS화학", "롯데GS화학")]
    assert names_of(shipped, "미국, 일본, AB 협회, CD 타이탄 등 여러 곳", "company") == set()
    assert names_of(shipped, "삼성전자, LG전자, IT 업계, KT 직원, AB 직원 등이 모였다.", "company") == {"삼성전자", "LG전자", "KT"}


def test_group_lists_stay_linear(shipped):
    from store.extract.entities import rule_candidates
    from test_matching import article
    t0 = cpu()
    rule_candidates(article("삼성전자, LG전자, " + "LC 타이탄, " * 30_000 + "롯데GS화학 등 기초화학"))
    rule_candidates(article("LC 타이탄, 등 " * 30_000))
    assert cpu() - t0 < ceiling(20)


def test_the_round_14b_gazetteer_rows(typed):
    text = "한미약품은 사노피에 기술을 넘겼다. 남태평양(4.7%), 미주(2.9%) 순이다. 통산부장관과 통상산업부, 한국군과 국군의 날."
    assert [name for _, name in found(typed, text)] == [
        "한미약품", "사노피", "남태평양", "미주", "통상산업부", "통상산업부", "한국군", "한국군"]


def test_a_foreign_firm_after_its_country_and_kind(shipped):
    """호주 거래소 스텔라와, 중국 업체 BYD가: a transliterated or Latin name after a country and a kind of firm; common nouns there
    (투자가, 관계자는, 스타트업이, 브랜드가) are no firms."""
    text = "빗썸은 호주 거래소 스텔라와 오더북을 공유했다. 중국 업체 BYD가 진출했다."
    assert names_of(shipped, text, "company") >= {"스텔라", "BYD"}
    text = "미국 기업 투자가 늘었다. 미국 제약사 관계자는 일본 기업 스타트업이 미국 기업 브랜드가 늘었다고 했다."
    assert names_of(shipped, text, "company") == set()


def test_a_place_name_after_a_legal_form_is_a_firms(typed):
    """㈜광진, (주)서울은: the firm's name; no mention of the district or city (광진구 alone stays)."""
    assert found(typed, "㈜광진, (주)서울은 투자한다. 광진구와 서울도.") == [("광진구", "광진구"), ("서울", "서울")]


def test_agro_industrial_estates(shipped):
    """장암농공단지 내 기업체, 영암식품특화농공단지에 입주: places."""
    text = "함안군 장암농공단지 내 기업체와 영암식품특화농공단지에 입주할 기업이 늘었다. 농공단지 조성은 계속된다."
    assert names_of(shipped, text, "place") >= {"장암농공단지", "영암식품특화농공단지"}
    assert "농공단지" not in names_of(shipped, text, "place")


def test_a_share_row_one_button_a_line(typed):
    """공유하기 / facebook 공유 / twitter / kakao / 복사: the buttons name no firm; kakao or 카카오 on its own line with no 공유 near it
    (a list of firms) stays."""
    text = "구광모 회장이 공장을 방문했다.\n공유하기\nfacebook 공유\ntwitter\nkakao\n복사\n카카오는 이날 실적을 냈다."
    assert found(typed, text) == [("구광모", "구광모"), ("카카오", "카카오")]
    text = "오늘의 기업\n삼성전자\n카카오\n네이버\n이들 기업은 실적을 냈다."
    assert [n for _, n in found(typed, text)] == ["삼성전자", "카카오", "네이버"]


def test_a_share_row_left_with_its_copy_button(typed):
    """kakao / 복사 (the rest of the row cleaned away): the link-copy button beside it says it is a button."""
    assert found(typed, "공장을 방문했다.\n\nkakao\n\n복사\n카카오는 실적을 냈다.") == [("카카오", "카카오")]
