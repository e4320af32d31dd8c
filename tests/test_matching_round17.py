"""Round 17 (ents17) rules of issue 11 on set17's entity causes, each on Korean text written for it (positive, negative
and hostile inputs)."""
from __future__ import annotations

import pytest

from tests.test_matching import all_names, indexes_within, mentions, names_of, persons, shipped  # noqa: F401 (shipped is a fixture)


def test_reporters_of_other_outlets_in_running_text(shipped):
    text = ("협회는 올해의 기자로 게임저널 한서윤 기자를 뽑았다. 게임포커스 도현우 기자가 9월, IT동아 남기철 기자와 "
            "KBS 윤채원 기자도 상을 받았다.")
    got = set(persons(shipped, text))
    assert {"한서윤", "도현우", "남기철", "윤채원"} <= got
    firms = names_of(shipped, text, "company")
    assert {"게임포커스", "IT동아"} <= firms
    # a byline (기자 then an address or =), a word that is no outlet, a name the file knows as something else: nothing
    assert persons(shipped, "서울경제 한서윤 기자 hsy@example.com") == []
    assert persons(shipped, "(서울=뉴스) 한서윤 기자 = 정부가 발표했다.") == []
    assert persons(shipped, "당시 현장의 정치부 한서윤 기자가 물었다.") == []


def test_a_head_after_the_bodys_abbreviation_in_a_bracket(shipped):
    text = "한국게임기자연합(KGJA, 회장 오태민)은 18일 시상식을 열었다."
    assert "오태민" in persons(shipped, text)
    assert persons(shipped, "협회(KGJA, 회원 다수)는 말했다.") == []


def test_a_city_hall_is_its_city(shipped):
    text = "시장은 21일 진주시청 브리핑룸에서 말했다. 진주시는 축제를 연다."
    got = mentions(shipped, text)
    assert {name for _, name, _ in got} == {"진주시"}
    assert all(kind == "place" for _, _, kind in got)


def test_a_festivals_designation_is_no_event(shipped):
    text = ("구의 대표축제인 '관악 별빛축제'가 '2024-2025 예비문화관광축제'로 선정됐다. 이번 '예비문화관광축제' 선정은 "
            "두 번째다. 문화관광축제는 문체부가 지정한다.")
    events = names_of(shipped, text, "event")
    assert not any("문화관광축제" in e for e in events)


def test_the_judiciary_committee_by_its_short_name_and_its_chairs_title(shipped):
    for text in ("여야는 법사위·예결위 배분을 놓고 맞섰다.", "법제사법위원장 자리를 두고 신경전이 벌어졌다.",
                 "국회 법제사법위원회는 법안을 심사했다."):
        assert names_of(shipped, text, "org") == {"법제사법위원회"}, text


def test_a_typhoon_quoted_right_after_taepung(shipped):
    for text in ("제11호 태풍‘하늘’피해복구에 나섰다.", "제11호 태풍 '하늘'이 북상한다."):
        assert "하늘" in names_of(shipped, text, "event"), text
    assert names_of(shipped, "태풍‘빠르게 온다’는 예보", "event") == set()


def test_prizes_of_a_period_in_quotes(shipped):
    text = "‘올해의 게임기자상’에 선정된 기자는 지난 5월 ‘이달의 기자상’을 수상한 바 있다."
    assert {"올해의 게임기자상", "이달의 기자상"} <= names_of(shipped, text, "event")
    # the period without an award after it, or a phrase that is no prize, is no event
    assert names_of(shipped, "‘올해의 성장 상’이라는 말이 나왔다.", "event") == set()


def test_flight_routes_and_their_carriers(shipped):
    text = "7월 신규 취항한 부산-사가미(에어나무)는 82%, 부산-마카오(에어부산)는 81%의 탑승률을 보였다. 제주공항도 늘었다."
    assert "에어나무" in names_of(shipped, text, "company")
    places = names_of(shipped, text, "place")
    assert {"사가미", "제주국제공항"} <= places
    # no flight words: a hyphenated pair with a bracket names nothing
    assert "에어나무" not in all_names(shipped, "서울-대전(에어나무) 구간 공사가 끝났다.")


def test_a_firm_after_a_research_firm_compound(shipped):
    assert "클락슨" in names_of(shipped, "조선시황전문업체 클락슨 등에 따르면 수주가 늘었다.", "company")
    assert names_of(shipped, "조선시황전문업체 관계자는 말했다.", "company") == set()


def test_tariff_plans_in_brackets_after_prices(shipped):
    text = "요금제가 바뀐다. 갑사는 6만1000원(별빛 데이터 61), 을사는 5만9900원(LTE 데이터 선택 599)이다."
    assert {"별빛 데이터 61", "LTE 데이터 선택 599"} <= names_of(shipped, text, "product")
    assert names_of(shipped, "입장료는 6만1000원(성인 1인 2)이다.", "product") == set()


def test_a_groups_affiliate_glued_to_a_loanword_written_twice(shipped):
    text = "SK머티리얼즈가 공장을 짓는다. SK머티리얼즈는 투자를 늘린다."
    assert "SK머티리얼즈" in names_of(shipped, text, "company")
    assert "SK머티리얼즈" not in all_names(shipped, "SK머티리얼즈가 공장을 짓는다.")
    assert "SK계열사들" not in all_names(shipped, "SK계열사들이 모였다. SK계열사들은 말했다.")


def test_players_listed_in_a_managers_quote(shipped):
    text = '김 감독은 "타선이 터져야 한다"며 "한도윤, 서지혁이 성장해 준다면 20승도 가능하다"고 말했다.'
    assert {"한도윤", "서지혁"} <= set(persons(shipped, text))
    # outside a quote, without a 감독, or a noun in the pair: nobody
    assert persons(shipped, "김 감독은 한도윤, 서지혁이 성장했다고 봤다.") == []
    assert persons(shipped, '그는 "한도윤, 서지혁이 성장해 준다면"이라고 말했다.') == []
    assert persons(shipped, '김 감독은 "공격력, 수비력이 좋아졌다"고 말했다.') == []


def test_a_general_named_with_his_rank(shipped):
    assert "강민찬" in persons(shipped, "고려의 명장 강민찬 장군을 기리는 축제가 열린다.")


@pytest.mark.parametrize("text", [
    "게임포커스 도현우 기자가 " * 100_000,
    "(KGJA, 회장 오태민)" * 10_000 + "(" * 10_000,
    "진주시청 " * 100_000,
    "'2024-2025 예비문화관광축제' " * 50_000,
    "태풍‘하늘’" * 100_000,
    "‘이달의 기자상’을 수상 " * 50_000,
    "취항 " + "부산-사가미(에어나무)" * 50_000,
    "조선시황전문업체 클락슨 " * 50_000,
    "요금제 " + "6만1000원(별빛 데이터 61)" * 50_000,
    "SK머티리얼즈가 " * 100_000,
    '김 감독은 "' + "한도윤, 서지혁이 " * 100_000,
    "·" * 100_000 + " 강민찬 장군" * 10_000,
], ids=lambda text: text[:12])
def test_hostile_inputs_index_linearly(shipped, text):
    assert indexes_within(shipped, text, 30)


def test_a_3mb_one_line_article(shipped):
    text = ("게임포커스 도현우 기자가 '올해의 게임기자상'을 받았다, 취항 부산-사가미(에어나무), 6만1000원(별빛 데이터 61) 요금제 "
            '김 감독은 "한도윤, 서지혁이 ') * 25_000
    assert len(text) > 2_000_000
    assert indexes_within(shipped, text, 60)


def test_the_southwest_and_southeast_regions_are_places(shipped):
    text = "호남 서해안에 최고 8cm의 눈이 내리고 영남권에도 비가 온다."
    assert {"호남", "영남"} <= names_of(shipped, text, "place")
