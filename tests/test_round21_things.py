"""Round 21 (things21) rules of issue 11 for firms, bodies, places, events and amounts: general Korean-news shapes, each on
Korean text written for it (positive, negative and hostile inputs). A court's division by its kind, the page's own council
or office by its level, idioms ending in a suffix syllable, a quote opening the text, a league's season or cup, a town's
festival or fair, a pro club by town and owner, baseball innings, a budget's Nth supplement, 만 spaced after 억, 천여명."""
from __future__ import annotations

import time

from cpu_budget import ceiling
from store.extract.numbers import parse_numbers
from tests.test_matching import all_names, indexes_within, mentions, names_of, shipped  # noqa: F401 (shipped is a fixture)


def amounts(text: str) -> list[tuple[str, float, str | None]]:
    return [(n.raw, n.value, n.counter) for n in parse_numbers(text)]


# --- a court's division, the page's council or office, idioms ----------------------------------------------------


def test_a_court_division_by_its_kind_is_no_body(shipped):
    for text in ("대구지방법원 포항지원 형사합의부(재판장 한지오)는 22일 피고인에게 징역형을 선고했다.",
                 "항소심을 맡은 민사항소부는 원심을 유지했다.", "사건은 형사단독부에 배당됐다."):
        found = all_names(shipped, text)
        assert not any(n.endswith("부") and n.startswith(("형사", "민사")) for n in found), (text, found)
    assert "국방부" in names_of(shipped, "국방부는 23일 훈련 일정을 발표했다.", "org")


def test_the_page_own_council_or_office_by_its_level_is_no_name(shipped):
    for text in ("21일 시의회에 따르면 예산은 8.7% 늘었다.", "3일 군청에 따르면 피해 농가는 12곳이다.",
                 "9일 도교육청에 따르면 수험생은 줄었다."):
        assert all_names(shipped, text) & {"시의회", "군청", "도교육청"} == set(), text
    assert "리얼투데이" in all_names(shipped, "23일 리얼투데이에 따르면 청약 경쟁률이 올랐다.")


def test_a_committee_of_the_council_named_by_its_level_is_no_name(shipped):
    found = all_names(shipped, "시의회 예산결산특별위원회는 지난 21일 예산안을 원안가결했다.")
    assert "예산결산특별위원회" not in found
    assert "서울시의회 행정자치위원회" in all_names(shipped, "서울시의회 행정자치위원회는 조례안을 통과시켰다.")


def test_an_idiom_ending_in_a_suffix_syllable_is_no_body(shipped):
    for text in ("최신 장비를 갖추며 명실상부 지역 거점 종합병원의 위용을 갖췄다.", "협상은 일사천리로 진행됐다."):
        assert all_names(shipped, text) & {"명실상부", "일사천리"} == set(), text


# --- quotes, seasons, cups, festivals, clubs ---------------------------------------------------------------------


def test_a_quote_opening_the_text_follows_no_listed_work(shipped):
    text = "'광장 난동' 청사 무단 침입 40대, 1심 집행유예\n\n지난 3월 '광장 난동 사태' 당시 청사에 들어간 남성이 선고를 받았다."
    assert "광장 난동" not in names_of(shipped, text, "product")


def test_a_league_season_and_a_sponsored_cup_are_events(shipped):
    text = "안양 정관장은 6일 열린 2024-2025 KCC 프로농구 정규리그 원주 DB와 원정경기에서 이겼다."
    assert "2024-2025 KCC 프로농구" in names_of(shipped, text, "event")
    assert "KCC" not in all_names(shipped, text)
    cup = "흥국생명은 12일 열린 2023 구미·도드람컵 프로배구대회 조별리그에서 이겼다."
    assert "구미·도드람컵 프로배구대회" in names_of(shipped, cup, "event")
    assert names_of(shipped, "2024 시즌 프로야구 개막이 다가왔다.", "event") == set()


def test_a_town_festival_or_fair_keeps_its_town(shipped):
    text = "통영 한산대첩축제 40만 명, 사천 항공우주엑스포 19만 명, 양산 삽량문화축전 34만 명이 찾았다."
    found = names_of(shipped, text, "event")
    assert {"사천 항공우주엑스포", "양산 삽량문화축전"} <= found
    assert "항공우주엑스포" not in found
    assert "팔만대장경축전" in names_of(shipped, "팔만대장경축전에는 3만 명이 찾았다.", "event")
    assert "여수엑스포" in names_of(shipped, "여수엑스포 이후 관광객이 늘었다.", "event")
    for text in ("대통령은 개막식에 축전을 보냈다.", "대장경천년 세계문화축전에 3만 명이 왔다.", "전국체육축전이 열렸다."):
        assert all(not n.endswith(("세계문화축전", "축전을", "체육축전")) for n in names_of(shipped, text, "event")), text


def test_a_pro_club_by_town_and_owner_on_a_game_page(shipped):
    text = "프로농구 정규리그에서 서울 SK는 수원 KT와 홈경기에서 67-63으로 이겼다."
    found = names_of(shipped, text, "company")
    assert {"서울 SK", "수원 KT"} <= found
    assert names_of(shipped, text, "place") & {"서울", "수원"} == set()
    assert "서울 SK" not in all_names(shipped, "서울 SK 본사 앞에서 집회가 열렸다.")  # no league, no club


# --- amounts ------------------------------------------------------------------------------------------------------


def test_baseball_innings_are_no_counts():
    for text in ("3회 나성진이 가운데 담장을 넘기는 투런 홈런을 쳤다.", "8회에는 한지훈이 솔로포를 터뜨렸다.",
                 "연장 11회 말 끝내기 안타가 나왔다.", "1회부터 스리런 홈런으로 기선을 제압했다."):
        assert [a for a in amounts(text) if a[2] == "회"] == [], text
    assert amounts("통산 5회 우승을 차지한 투수") == [("5회", 5.0, "회")]
    assert amounts("3회 연속 홈런을 쳤다.") == [("3회", 3.0, "회")]
    assert amounts("위원회는 올해 3회 열렸다.") == [("3회", 3.0, "회")]  # no baseball word: a count


def test_a_budget_supplement_number_is_no_count():
    assert amounts("오는 27일 본회의에서 2회 추경예산안을 확정한다.") == []
    assert amounts("2016년도 제2회 추가경정예산안을 제출했다.") == []
    assert amounts("올해 추경은 2회 편성됐다.") == [("2회", 2.0, "회")]


def test_man_spaced_after_eok_and_hangul_thousands():
    assert [(a.raw, a.value, a.unit) for a in parse_numbers("특별회계는 51억 8735 만 원 증가했다.")] == [
        ("51억 8735 만 원", 5187350000.0, "KRW")]
    assert [(a.raw, a.value, a.qualifier) for a in parse_numbers("외국인 관광객 천여명이 찾았다.")] == [("천여명", 1000.0, "여")]
    assert [(a.raw, a.value, a.qualifier) for a in parse_numbers("백여 곳에서 행사가 열렸다.")] == [("백여 곳", 100.0, "여")]
    assert parse_numbers("화천여명 마을") == [] and parse_numbers("천여 년의 역사") == []


# --- hostile inputs -----------------------------------------------------------------------------------------------


def test_hostile_texts_stay_linear(shipped):
    assert indexes_within(shipped, "프로농구 " + "서울 SK " * 100_000, 30)
    assert indexes_within(shipped, "2024 KCC 프로농구 " * 60_000, 30)
    assert indexes_within(shipped, "사천 항공우주엑스포 양산 삽량문화축전 " * 50_000, 30)
    assert indexes_within(shipped, "시의회 예산결산특별위원회 " * 100_000 + "21일 시의회에 따르면 " * 50_000, 30)
    assert indexes_within(shipped, "'" + "가" * 3_000_000, 30)  # a 3 MB one-line article opening with a quote


def test_hostile_amounts_stay_linear():
    for text in ("홈런 " + "1회 " * 300_000, "51억 " + "8735 " * 300_000 + "만 원", "천여" * 500_000 + "명",
                 "2회 추" * 300_000):
        t = time.process_time()
        parse_numbers(text)
        assert time.process_time() - t < ceiling(20), text[:20]


# --- rural places: a head's title, a mountain's slope, a hamlet ---------------------------------------------------


def test_a_township_or_village_named_by_its_head(shipped):
    # (청림면장 itself is the head's title, no mention of the township: the township written alone is)
    text = "청림면 들녘에서 첫 수확을 했다. 한도윤 청림면장은 축하했다. 박지석 농가(송계리 이장)는 일찍 모내기를 했다."
    assert {"청림면", "송계리"} <= names_of(shipped, text, "place")
    assert "청림면" not in names_of(shipped, "청림면 들녘에서 첫 수확을 했다.", "place")
    assert names_of(shipped, "국면장 전환을 위해 측면 지원에 나섰다.", "place") == set()


def test_a_mountain_by_its_slope_and_a_hamlet_after_its_village(shipped):
    assert "오봉산" in names_of(shipped, "청림면 오봉산 자락에 위치한 농가가 첫 수확을 했다.", "place")
    assert "가마산" in names_of(shipped, "등산객들이 가마산 정상에서 해돋이를 봤다.", "place")
    for text in ("내년 예산 정상 집행이 어렵다.", "부동산 정상화 대책이 나왔다.", "국내 생산 기슭"):
        assert names_of(shipped, text, "place") == set(), text
    assert "새터마을" in names_of(shipped, "▲ 청림읍 송계리 새터마을 주민이 비료를 뿌리고 있다.", "place")


def test_hostile_rural_places(shipped):
    assert indexes_within(shipped, "가야면장 " * 100_000 + "비계산 자락 " * 100_000, 30)
    assert indexes_within(shipped, "청림읍 송계리 " * 100_000 + "새터마을", 30)


# --- builders, outlets, estates ------------------------------------------------------------------------------------


def test_a_builder_or_developer_in_apposition(shipped):
    assert "한빛이앤씨" in names_of(shipped, "시공사인 한빛이앤씨는 올해 9월 1단계를 준공한다.", "company")
    assert "누리디앤씨" in names_of(shipped, "시행사인 누리디앤씨가 분양에 나섰다.", "company")
    assert "누리개발" in names_of(shipped, "시행사인 누리개발이 분양에 나섰다.", "company")
    assert names_of(shipped, "시공사인 것으로 알려졌다.", "company") == set()


def test_an_outlet_in_angle_brackets_or_running_the_numbers(shipped):
    assert "한빛뉴스" in names_of(shipped, "군 관계자는 <한빛뉴스>와 통화에서 대책을 밝혔다.", "company")
    assert "누리데이터" in names_of(shipped, "13일 누리데이터가 공단의 통계연보를 분석한 결과, 환자가 늘었다.", "company")
    for text in ("13일 경찰이 현장을 조사한 결과 불은 꺼졌다.", "13일 김하늘이 자료를 분석한 결과를 냈다.",
                 "<어린왕자>와 인터뷰 형식의 책", "13일 시의회가 예산을 분석한 결과 늘었다."):
        assert all_names(shipped, text) & {"경찰", "김하늘", "시의회", "어린왕자"} <= {"김하늘"}, text
        assert names_of(shipped, text, "company") == set(), text


def test_a_quoted_estate_with_its_homes_is_a_place(shipped):
    text = "위례신도시 '누리타운 센트럴'(총 604가구 모집)과 북구 침산동 '한빛 파크뷰'에는 835가구 모집에 3만 명이 몰렸다."
    assert {"누리타운 센트럴", "한빛 파크뷰"} <= names_of(shipped, text, "place")
    assert names_of(shipped, "'내 집 마련'에 나선 1,000가구가 몰렸다.", "place") == set()


def test_hostile_sources_and_estates(shipped):
    assert indexes_within(shipped, "13일 누리데이터가 " + "가" * 200_000 + " 분석한 결과", 30)
    assert indexes_within(shipped, "13일 누리데이터가 " * 100_000, 30)
    assert indexes_within(shipped, "<한빛뉴스>와 통화 " * 100_000, 30)
    assert indexes_within(shipped, "'누리타운'(총 604가구) " * 50_000, 30)


# --- a civic body quoted after its kind, an association before its branch, a nuclear plant by its site -------------


def test_a_civic_body_quoted_after_its_kind(shipped):
    assert "사랑 나눔" in names_of(shipped, "법원은 무료급식소 ‘사랑 나눔’을 향한 보도를 허위로 봤다.", "org")
    assert "늘봄" in names_of(shipped, "봉사단체 '늘봄'은 매주 도시락을 나른다.", "org")
    assert names_of(shipped, "시민단체 ‘김하늘’ 대표가", "org") == set()  # a person's name is no body's


def test_an_association_before_its_local_branch(shipped):
    assert "참전용사유족회" in names_of(shipped, "대표가 속한 참전용사유족회 세종지회 후원금을 유용했다는 의혹", "org")
    for text in ("노인회 세종지회가 나섰다.", "전국우리회 무슨지부는"):
        assert names_of(shipped, text, "org") & {"노인회", "전국우리회"} == set(), text


def test_a_nuclear_plant_by_its_site(shipped):
    assert "영광원전" in names_of(shipped, "영광원전은 2단계 설비를 내년 완공한다.", "place")
    for text in ("신규원전 건설이 멈췄다.", "노후원전 수명 연장", "해외원전 수주에 나섰다."):
        assert names_of(shipped, text, "place") == set(), text


def test_hostile_bodies_and_plants(shipped):
    assert indexes_within(shipped, "참전용사유족회 세종지회 " * 100_000, 30)
    assert indexes_within(shipped, "영광원전 " * 200_000, 30)
    assert indexes_within(shipped, "무료급식소 ‘" * 100_000, 30)


def test_baseball_clubs_by_their_owners_words(shipped):
    text = "프로야구 NC와 키움이 홈런 대결을 벌였다. 마지막에 웃은 건 NC였습니다. 키움은 8회 동점을 만들었다."
    found = names_of(shipped, text, "company")
    assert {"NC", "키움"} <= found
    assert "NC" not in all_names(shipped, "NC 신작 게임이 홈런을 쳤다.")  # one club word alone: no game
    assert names_of(shipped, "키움과 NC가 제휴를 맺었다.", "company") & {"키움", "NC"} == set()  # no baseball word


def test_hostile_clubs(shipped):
    assert indexes_within(shipped, "프로야구 " + "NC와 키움이 " * 100_000, 30)


def test_a_car_model_by_its_body_style_and_a_new_model_by_its_nickname(shipped):
    assert "렉스턴 스포츠" in names_of(shipped, "픽업트럭 렉스턴 스포츠의 전장을 늘린 모델이다.", "product")
    assert "렉스턴" not in names_of(shipped, "픽업트럭 렉스턴 스포츠의 전장을 늘린 모델이다.", "product")
    assert names_of(shipped, "누리 스포츠가 문을 열었다.", "product") == set()  # no known car line before
    assert "부스터" in names_of(shipped, "‘부스터’란 애칭이 붙은 신형 쏘울은 디자인을 바꿨다.", "product")
    assert names_of(shipped, "‘일벌레’라는 별칭이 붙은 김하늘 씨는", "product") == set()  # no known product after


def test_hostile_models(shipped):
    assert indexes_within(shipped, "렉스턴 스포츠 " * 100_000, 30)
    assert indexes_within(shipped, "‘부스터’란 애칭이 붙은 " * 50_000 + "쏘울", 30)


def test_a_town_then_its_festival_words_then_the_word_festival(shipped):
    text = "진주 남강유등축제 280만 명, 하동 북천 코스모스 메밀꽃 축제 55만 명이 찾았다."
    assert "하동 북천 코스모스 메밀꽃 축제" in names_of(shipped, text, "event")
    assert "하동" not in all_names(shipped, text) and "하동군" not in all_names(shipped, text)
    for text in ("하동 지역 대표 축제가 열렸다.", "하동 겨울 축제", "하동에서 열린 축제"):
        assert names_of(shipped, text, "event") == set(), text


def test_hostile_town_festivals(shipped):
    assert indexes_within(shipped, "하동 북천 코스모스 메밀꽃 축제 " * 50_000, 30)
    assert indexes_within(shipped, "북천 " * 300_000 + "축제", 30)


def test_an_institute_before_its_head_and_a_stream_after_its_town(shipped):
    assert "한국누리원" in names_of(shipped, "한국누리원(원장 한도윤)이 27일 통계를 냈다.", "org")
    assert "한국감정원" in names_of(shipped, "한국감정원(원장 서종대)이 지난 27일 조사했다.", "org")
    assert names_of(shipped, "누리병원(원장 한도윤)은 문을 열었다.", "org") & {"누리병원"} <= {"누리병원"}
    assert "화천천" in names_of(shipped, "화천군에 따르면 화천천에서 개막한 축제장에 관광객이 몰렸다.", "place")
    assert names_of(shipped, "인천에서 3천 명이 모였다. 부천시와 이천시가 협약했다.", "place") & {"인천천", "3천"} == set()


def test_hostile_institutes_and_streams(shipped):
    assert indexes_within(shipped, "한국누리원(원장 한도윤) " * 100_000, 30)
    assert indexes_within(shipped, "화천천에서 " * 200_000, 30)


def test_a_council_standing_committee_and_a_university_hospital_short(shipped):
    text = "고성군의회는 예산결산특별위원회를 두 조로 나눠 심사했다."
    assert "예산결산특별위원회" not in all_names(shipped, text)
    assert "예산결산특별위원회" in all_names(shipped, "국회 법사위·예산결산특별위원회 등 상임위 배분을 요구했다.")
    assert "예산결산특별위원회" in all_names(shipped, "지역협의회는 예산결산특별위원회를 두었다.")
    found = [(s, n) for s, n, k in mentions(
        shipped, "누리대학교 의과대학 졸업, 누리대학병원 인턴과정. 누리대학교병원 근무 당시") if k == "org"]
    assert {n for s, n in found if s in ("누리대학병원", "누리대학교병원")} == {"누리대학교병원"}


def test_hostile_committees(shipped):
    assert indexes_within(shipped, "고성군의회는 예산결산특별위원회를 " * 100_000, 30)
    assert indexes_within(shipped, "누리대학교병원 누리대학병원 " * 100_000, 30)


def test_a_game_tally_beside_its_play_is_no_count():
    for text in ("38년간 역대 결승골 5778회가 터졌다.", "빗속 혈투에서 세 차례 동점이 만들어졌다.", "홈런 3개를 쳤다.",
                 "리바운드 10개를 잡았다."):
        assert amounts(text) == [], text
    assert amounts("골대 3개를 샀다.") == [("3개", 3.0, "개")]
    assert amounts("공모전에서 3회 수상했다.") == [("3회", 3.0, "회")]
    assert amounts("세 차례 회의가 열렸다.") == [("세 차례", 3.0, "차례")]


def test_hostile_game_tallies():
    for text in ("골 " + "3개 " * 300_000, "동점 " * 300_000 + "3회", "결승골" * 300_000):
        t = time.process_time()
        parse_numbers(text)
        assert time.process_time() - t < ceiling(20), text[:20]


def test_the_chungcheong_region(shipped):
    found = names_of(shipped, "최근 충청권 일간지 기자 2명이 기소됐다. 충청지역에 비가 온다.", "place")
    assert "충청" in found
    assert "충청" not in names_of(shipped, "저작권자 © 충청일보", "place")


def test_taiwan_written_taiwan(shipped):
    assert "대만" in names_of(shipped, "타이완, 태국, 말레이시아 등 동남아시아 단체 관광객이 늘었다.", "place")


def test_a_regret_is_no_baseball_word(shipped):
    assert amounts("위원회는 올해 3회 열렸는데 안타깝게도 결론이 없었다.") == [("3회", 3.0, "회")]
    assert names_of(shipped, "안타깝게도 키움과 NC의 제휴는 무산됐다.", "company") & {"키움", "NC"} == set()


def test_a_generic_subject_running_the_numbers_is_no_firm(shipped):
    for text in ("13일 시민단체가 공시 자료를 분석한 결과 격차가 컸다.", "13일 환경단체가 하천을 조사한 결과 오염이 심했다.",
                 "13일 전문가들이 자료를 분석한 결과 위험이 컸다."):
        assert names_of(shipped, text, "company") == set(), text
