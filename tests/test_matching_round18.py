"""Round 18 (ents18) rules of issue 11 on set18's entity causes, as shapes of local news, each on Korean text written for
it in other words (positive, negative and hostile inputs)."""
from __future__ import annotations

import pytest

from tests.test_matching import all_names, indexes_within, mentions, names_of, persons, shipped  # noqa: F401 (shipped is a fixture)


def places(shipped, text: str) -> set[str]:
    return names_of(shipped, text, "place")


# --- the townships an electoral district covers -----------------------------------------------------------------


def test_townships_listed_in_an_electoral_districts_bracket(shipped):
    text = ("군의원 선거는 가선거구(예산읍)와 나 선거구(삽교, 덕산,고덕, 봉산)로 나뉜다. 다선거구 (신암·오가·응봉)는 3명을 뽑는다. "
            "도의원 제2선거구(온양1·2·3동)에도 나섰다.")
    assert {"예산읍", "삽교", "덕산", "고덕", "봉산", "신암", "오가", "응봉", "온양1·2·3동"} <= places(shipped, text)


def test_a_district_bracket_that_lists_no_townships_names_none(shipped):
    for text in ("이 선거구(정수 2명)는 경합이다.", "가선거구(지역구)에 출마했다.", "선거구(획정 예정)는 미정이다.",
                 "선거구(위원장 선출)를 두고"):
        assert places(shipped, text) == set(), text
    # one item that is no township written whole (…읍/면/동) is no place either
    assert places(shipped, "가선거구(삽교)에 나섰다.") == set()


# --- candidates listed after their party or a count ---------------------------------------------------------------


def test_candidates_listed_after_their_party(shipped):
    text = ("국민의힘 박지훈, 최은정, 유민석 예비후보가 등록했다. 정의당 김민재,이서진 후보는 공약을 냈다. "
            "더불어민주당 한상윤, 오지현, 배민규씨가 나섰고 무소속 강태오, 윤서하 2명도 등록했다.")
    assert {"박지훈", "최은정", "유민석", "김민재", "이서진", "한상윤", "오지현", "배민규", "강태오", "윤서하"} <= set(persons(shipped, text))


def test_a_party_list_with_a_word_that_is_no_name_names_only_the_first(shipped):
    # all or none: a title or a known name in the list stops it (the first name after the party is round 16's rule)
    # (round 20: 최은정 예비후보 names her by her title, so the list ends in 등 here)
    got = set(persons(shipped, "국민의힘 박지훈, 대변인, 최은정 등이 말했다."))
    assert "최은정" not in got
    assert persons(shipped, "민주당 지도부, 관계자, 의원들이 모였다.") == []


def test_names_in_a_bracket_after_a_count_of_people(shipped):
    text = "출마를 선언했던 3명(강도윤, 문서진, 임하준)의 후보가 등록을 마쳤다. 수상자 2명(조은비·한지호)에게 상장을 줬다."
    assert {"강도윤", "문서진", "임하준", "조은비", "한지호"} <= set(persons(shipped, text))
    for text in ("사고로 3명(사망자, 부상자, 실종자)이 나왔다.", "모두 2명(남 1, 여 1)이다.", "3명(서울, 부산, 대구)이 뽑혔다."):
        assert persons(shipped, text) == [], text


# --- a township and its village -------------------------------------------------------------------------------


def test_a_township_and_its_village(shipped):
    for text in ("일손이 부족한 덕산면 사동리 배 과원을 찾았다.", "불은 송해면 당산리에서 났다.", "고덕면 상궁리의 농가"):
        got = places(shipped, text)
        assert len(got) == 2 and all(name.endswith(("면", "리")) for name in got), (text, got)


def test_common_words_in_myeon_and_ri_are_no_places(shipped):
    for text in ("그렇게 하면 우리는 이긴다.", "반면 승리는 멀다.", "일면 관리가 필요하다.", "자면 머리가 아프다.",
                 "가려면 자리를 비켜라.", "측면 처리가 늦었다.", "되면 소리를 낸다."):
        assert places(shipped, text) == set(), text


def test_a_township_after_its_county_with_a_particle(shipped):
    # 면 read as a tail (금마면에서 → 금마) lost the township after a known county; the word's own match keeps it
    assert "금마면" in places(shipped, "홍성군 금마면에서 열린 행사")
    assert "금마면" in places(shipped, "홍성군 금마면은 조용했다.")
    assert places(shipped, "서울 반면에 부산은") == {"서울", "부산"}


# --- a farm or shop in quotes ---------------------------------------------------------------------------------------


def test_a_farm_or_shop_named_in_quotes_is_a_firm(shipped):
    text = "충북 충주시의 사과농장 ‘햇살농원’에서 대표가 사과를 땄다. 인근 \"바람목장\"과 '대성상회'도 도왔다."
    assert {"햇살농원", "바람목장", "대성상회"} <= names_of(shipped, text, "company")
    for text in ("‘주말농장’을 분양한다.", "'체험농장'이 인기다.", "‘스마트농장’ 보급", "'친환경농산'을 늘린다."):
        assert names_of(shipped, text, "company") == set(), text


# --- a league season named after its sponsor ---------------------------------------------------------------------


def test_a_league_season_named_after_its_sponsor(shipped):
    text = "프로축구 하나원큐 K리그1 2023의 전반기가 끝났다. K리그1은 관중이 늘었다."
    events = names_of(shipped, text, "event")
    assert {"하나원큐 K리그1 2023", "K리그1"} <= events
    # no sponsor (a common word, 프로축구) or no year: the league alone
    assert names_of(shipped, "프로축구 K리그1 2023 시즌이 열렸다.", "event") == {"K리그1"}
    assert names_of(shipped, "올해 K리그1 2023년 일정", "event") == {"K리그1"}


def test_a_town_alone_is_the_club_named_after_fc_and_the_town(shipped):
    got = mentions(shipped, "프로축구 K리그1 FC서울과 전북 현대의 경기. 서울 박동진이 동점골을 넣었다.")
    assert ("서울", "FC서울", "company") in got and ("서울", "서울", "place") not in got
    assert names_of(shipped, "서울 시내에서 열렸다.", "place") == {"서울"}


# --- branches, heads, farm owners -----------------------------------------------------------------------------------


def test_a_branch_written_after_its_parent_is_the_parent(shipped):
    for text in ("수원 고용노동부 경기지청 앞에서 회견을 열었다.", "한국전력 강원본부가 나섰다.", "고용노동부 부산지청은 말했다."):
        got = all_names(shipped, text)
        assert not any(name.endswith(("지청", "본부")) for name in got), (text, got)
    # the branch alone, with no parent before it, is still named
    assert "경기지청" in names_of(shipped, "경기지청은 점검에 나섰다.", "org")


def test_heads_of_local_offices_in_their_bracket(shipped):
    text = "강화소방서(서장 이도현)는 화재를 전했다. 인천서부교육지원청(교육장 박시우)은 점검했다. 홍성읍(읍장 서지안)도 나섰다."
    assert {"이도현", "박시우", "서지안"} <= set(persons(shipped, text))
    assert persons(shipped, "소방서(서장 직무대리)는 말했다.") == []


def test_a_farm_owner_and_each_unit(shipped):
    assert "남궁민" not in persons(shipped, "각 부서별 팀장 등이 참석했다.")
    assert persons(shipped, "각 부서별 팀장 등이 참석했다.") == []
    assert "석도윤" in persons(shipped, "석도윤 농장주는 고마워했다.")


def test_an_app_in_quotes_after_its_kind(shipped):
    text = "배경화면을 바꿔주는 무료 응용프로그램인 '노을 월페이퍼'가 정보를 유출했다. 사진 어플 ‘스냅픽’도 그랬다."
    assert {"노을 월페이퍼", "스냅픽"} <= names_of(shipped, text, "product")


def test_suffixes_of_struggle_bodies_and_international_cities(shipped):
    assert "경남최저임금공동투쟁본부" in names_of(shipped, "9일 경남최저임금공동투쟁본부 관계자들이 회견했다.", "org")
    assert "영종국제도시" in places(shipped, "영종국제도시의 명성에 걸맞게")
    assert places(shipped, "국제도시로 발돋움한다.") == set()


def test_chinas_provinces_and_the_local_elections(shipped):
    assert {"중국", "쓰촨성", "광둥성"} <= places(shipped, "중국 쓰촨성과 광동성에 공장이 있다.")
    assert names_of(shipped, "6·13 전국동시지방선거 예비후보 등록", "event") == {"전국동시지방선거"}
    # 지방선거 alone stays unannotated (earlier sets), and a storage (저장) is no province
    assert names_of(shipped, "지방선거 예비후보들의 펼침막", "event") == set()
    assert places(shipped, "데이터를 저장하고 산시 지린") == set()


def test_insurers_listed_by_their_groups_names(shipped):
    text = ("생보 3개사(삼성·교보·한화)의 보험료가 늘었다. 손해보험 4개사(현대‧DB‧KB‧메리츠)는 줄었다. "
            "삼성‧한화‧교보 등 생명보험사들이 상품을 냈다.")
    got = [(w, n) for w, n, k in mentions(shipped, text) if k == "company"]
    assert {("삼성", "삼성생명"), ("교보", "교보생명"), ("한화", "한화생명"), ("현대", "현대해상"), ("DB", "DB손해보험"),
            ("KB", "KB손해보험"), ("메리츠", "메리츠화재")} <= set(got), got
    assert ("삼성", "삼성") not in got and ("한화", "한화") not in got
    # no kind word after the list, or a verb (손보다): the groups stay the groups
    got = {(w, n) for w, n, k in mentions(shipped, "삼성·한화가 규제를 손보기로 했다. 삼성‧한화 두 그룹") if k == "company"}
    assert got == {("삼성", "삼성"), ("한화", "한화")}, got


def test_japans_prefectures_by_their_full_names(shipped):
    assert {"야마구치현", "가고시마현", "시즈오카현"} <= places(shipped, "야마구치현과 가고시마현, 시즈오카현에서 열렸다.")
    assert places(shipped, "기후현상과 시가현황") == set()


def test_arts_festivals_by_their_word(shipped):
    text = "진주의 개천예술제는 올해 70회다. 공주 백제문화제가 열리고 서울국제음악제도 시작한다."
    assert {"개천예술제", "백제문화제", "서울국제음악제"} <= names_of(shipped, text, "event")
    for text in ("국제영화제에 출품했다.", "대학가요제 출신 가수", "청소년연극제가 열렸다.", "지역문화제를 키운다.", "이번 영화제에서"):
        assert names_of(shipped, text, "event") == set(), text


def test_an_estate_written_apart_from_its_kind(shipped):
    assert "덕산 일반산업단지" in places(shipped, "예산 덕산 일반산업단지 부지에 공장을 짓는다.")
    assert "고모 농공단지" in places(shipped, "고모 농공단지에는 20개사가 있다.")
    for text in ("인근 일반산업단지에 들어선다.", "새로운 농공단지를 만든다.", "대규모 국가산업단지를 조성한다."):
        assert places(shipped, text) == set(), text


def test_a_sports_season_in_quotes_with_its_sponsor_and_year(shipped):
    assert "2013 한빛 프로야구" in names_of(shipped, "'2013 한빛 프로야구' 미디어데이가 열렸다.", "event")
    assert names_of(shipped, "'2013 프로야구' 개막", "event") == set()


def test_a_hall_inside_a_building(shipped):
    assert "새천년홀" in places(shipped, "행사는 600주년 기념관 새천년홀에서 열렸다.")
    assert "은행나무홀" in places(shipped, "학생회관 은행나무홀에서 모였다.")
    assert places(shipped, "기념관 콘서트홀에서 모였다.") == set()


# --- hostile inputs -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "나 선거구(홍북, 금마,구항, 갈산)는 " * 50_000,
    "선거구(" * 10_000 + ")" * 10_000,
    "국민의힘 " + "박지훈, " * 100_000 + "최은정 예비후보",
    "자유한국당 박지훈, 최은정 예비후보가 " * 50_000,
    "4명(" + "강도윤, " * 100_000 + "임하준)",
    "3명(강도윤, 문서진, 임하준)의 " * 50_000,
    "덕산면 사동리 " * 100_000,
    "‘햇살농원’ " * 100_000,
    "‘" * 100_000 + "농원’",
    "하나원큐 K리그1 2023 " * 50_000,
    "고용노동부 경기지청 " * 100_000,
    "강화소방서(서장 이도현) " * 50_000,
    "(" * 10_000 + "서장 " * 10_000,
    "각 부서별 팀장 " * 50_000,
    "·" * 100_000 + " 덕산면 사동리" * 1_000,
    "손보 5개사(" + "삼성‧" * 50_000 + "KB)",
    "삼성‧한화‧교보 " * 50_000 + "생명보험사",
    "개천예술제는 " * 100_000,
    "청리 일반산업단지 " * 100_000,
    "'2012 팔도 프로야구' " * 50_000,
    "기념관 새천년홀에서 " * 100_000,
], ids=lambda text: text[:12])
def test_hostile_inputs_index_linearly(shipped, text):
    assert indexes_within(shipped, text, 30)


def test_a_3mb_one_line_article(shipped):
    text = ("나 선거구(홍북, 금마,구항, 갈산)는 자유한국당 박지훈, 최은정 예비후보가 4명(강도윤, 문서진, 임하준)의 덕산면 사동리 "
            "‘햇살농원’ 하나원큐 K리그1 2023 고용노동부 경기지청 강화소방서(서장 이도현) 각 부서별 팀장 ") * 25_000
    assert len(text) > 3_000_000
    assert indexes_within(shipped, text, 60)
