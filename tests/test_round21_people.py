"""Round 21 (people21) person rules of issue 11: general Korean-news shapes, each on Korean text written for it (positive,
negative and hostile inputs): players in game reports (a home run's kind, a volleyball player's points, a possessive
before the result, the pitcher 상대로), a verb after an object is no player, a presiding judge, a research team named
after its leader, a township's head, a mayor where no market can stand, players ranked with their tallies."""
from __future__ import annotations

from tests.test_matching import indexes_within, names_of, shipped  # noqa: F401 (shipped is a fixture)


def people(shipped, text: str) -> set[str]:
    return names_of(shipped, text, "person")


# --- players in game reports -----------------------------------------------------------------------------------------


def test_baseball_hits_by_their_kind(shipped):
    assert "남궁훈" in people(shipped, "3회 남궁훈이 가운데 담장을 넘기는 투런 아치를 그렸다.")
    assert "피수환" in people(shipped, "이어 피수환이 솔로포를 쏘아 올렸다.")
    assert "탁민재" in people(shipped, "탁민재는 3루타와 솔로홈런을 연타석으로 날렸다.")
    assert "변도윤" in people(shipped, "7회 변도윤의 적시타로 앞서 나갔다.")


def test_a_possessive_right_before_its_result(shipped):
    assert "한서준" in people(shipped, "11회 말 한서준의 끝내기로 혈투에 마침표를 찍었다.")
    assert "곽지율" in people(shipped, "곽지율의 득점으로 세트 포인트를 맞이했다.")
    assert people(shipped, "광주에서는 여름밤의 홈런 대결이 펼쳐졌다.") == set()
    assert people(shipped, "선수단은 올해의 득점 기록을 돌아봤다.") == set()


def test_the_pitcher_faced(shipped):
    assert {"남기훈", "석민호"} <= people(shipped, "8회에는 남기훈이 석민호를 상대로 투런 홈런을 쳤다.")


def test_volleyball_points(shipped):
    found = people(shipped, "1세트는 한도로가 가져갔다. 연서윤이 22점, 채다인이 20점을 올리며 승리를 이끌었다.")
    assert {"연서윤", "채다인"} <= found
    assert "맹수아" in people(shipped, "세트 막판 맹수아가 득점을 올리며 첫 세트를 따냈다.")


def test_points_outside_a_game_report_name_no_player(shipped):
    assert people(shipped, "조사에서 소비자가 5점, 판매자가 4점을 줬다.") == set()


def test_two_players_joined_or_two_nouns(shipped):
    found = people(shipped, "2세트 리그 경기에서 편하윤과 육서아가 번갈아 득점을 성공시켰다.")
    assert {"편하윤", "육서아"} <= found
    assert people(shipped, "시즌 첫 경기에서 공격진은 백어택과 서브 득점을 엮었다.") == set()


def test_a_verb_after_an_object_is_no_player(shipped):
    assert people(shipped, "팀에 귀한 승점 3점을 안겨주는 리그의 결승골을 알아본다.") == set()
    assert "위하준" in people(shipped, "리그 경기에서 위하준은 결승골을 넣었다.")


def test_hostile_game_reports(shipped):
    assert indexes_within(shipped, "남궁훈이 " * 100_000 + "투런 홈런", 20)
    assert indexes_within(shipped, "세트 " + "연서윤이 22점, " * 100_000, 20)
    assert indexes_within(shipped, "한서준의 끝내기로 " * 100_000, 20)


# --- a presiding judge ----------------------------------------------------------------------------------------------


def test_a_presiding_judge(shipped):
    assert "탁도윤" in people(shipped, "지방법원 형사합의부(재판장 탁도윤)에서 열린 1심 공판에서 선고했다.")
    assert "변서후" in people(shipped, "제1형사부(재판장 변서후 부장판사)는 항소를 기각했다.")
    assert "남지원" in people(shipped, "남지원 재판장은 판결문에서 이같이 밝혔다.")
    assert "연하람" in people(shipped, "대법원 2부(주심 대법관 연하람)는 원심을 확정했다.")


def test_the_bench_word_names_no_judge_alone(shipped):
    for text in ("재판장은 판결문에서 밝혔다.", "형사합의부(재판장)에서 열렸다.", "재판장석 앞에 섰다.", "주심은 경고를 줬다."):
        assert people(shipped, text) == set(), text


def test_hostile_judges(shipped):
    assert indexes_within(shipped, "(재판장 " * 200_000 + "탁도윤)", 20)
    assert indexes_within(shipped, "탁도윤 재판장은 " * 100_000, 20)


# --- a research team named after its leader ------------------------------------------------------------------------


def test_a_team_named_after_its_leader(shipped):
    assert "주하진" in people(shipped, "연구원의 '나노 필터 기술'은 주하진 박사팀이 개발한 성과다.")
    assert "현도율" in people(shipped, "현도율 KIST 박사팀은 소자를 구현했다.")
    assert "봉서진" in people(shipped, "봉서진 천문연 박사팀은 감시체계를 만들었다.")
    assert "왕다온" in people(shipped, "왕다온(화학) 교수팀이 원자층을 합성했다.")
    assert "명하윤" in people(shipped, "명하윤 교수연구팀은 성과를 냈다.")


def test_team_words_that_name_no_leader(shipped):
    for text in ("공동 연구팀은 박사팀과 협력했다.", "박사팀이 개발했다.", "여러 대학의 교수팀들이 참여했다.", "국내 박사팀은 말했다."):
        assert people(shipped, text) == set(), text


def test_hostile_team_words(shipped):
    assert indexes_within(shipped, "주하진 박사팀이 " * 100_000, 20)
    assert indexes_within(shipped, "KIST " * 200_000 + "박사팀", 20)


# --- a township's head -----------------------------------------------------------------------------------------------


def test_a_township_head_glued_to_the_township(shipped):
    assert "맹채윤" in people(shipped, "맹채윤 가람면장은 \"첫 수확의 기쁨이 크다\"고 말했다.")
    assert "도하민" in people(shipped, "도하민 새들읍장과 주민들이 참석했다.")


def test_township_head_lookalikes(shipped):
    for text in ("면장갑을 끼고 일했다.", "가람면장은 인사했다.", "신임 가람면장이 부임했다.", "운동장에서 열렸다."):
        assert people(shipped, text) == set(), text


# --- a mayor where no market can stand -------------------------------------------------------------------------------


def test_a_mayor_who_speaks_takes_office_or_leads_a_list(shipped):
    assert "탁지환" in people(shipped, "탁지환 시장은 “건전재정을 실현했다”며 말했다.")
    assert "봉민서" in people(shipped, "봉민서 시장은 \"시민과 소통하겠다\"고 밝혔다.")
    assert "남도겸" in people(shipped, "투자유치가 남도겸 시장 취임 이후 최대 성과를 냈다.")
    assert "편서율" in people(shipped, "편서율 시장은 민선8기 시작과 동시에 투자를 챙겼다.")
    assert "곽태오" in people(shipped, "행사에는 곽태오 시장을 비롯 연지후 시의회의장, 농민 등 100여명이 참여했다.")


def test_markets_are_no_mayors(shipped):
    for text in ("부동산 시장은 “상승세”를 이어갔다.", "반도체 시장을 비롯해 여러 시장이 커졌다.", "전기차 시장은 “포화”라는 평가다.",
                 "원자재 시장이 흔들렸다.", "신흥국 시장 진출을 추진한다.", "부동산 시장은 당분간 관망세다."):
        assert people(shipped, text) == set(), text


def test_hostile_mayors(shipped):
    assert indexes_within(shipped, "탁지환 시장은 “" * 100_000, 20)
    assert indexes_within(shipped, "곽태오 시장을 비롯 " * 100_000, 20)


# --- players ranked with their tallies -------------------------------------------------------------------------------


def test_players_ranked_with_their_tallies(shipped):
    found = people(shipped, "데반(56골), 남기욱(52골), 석조국·위성용(이상 40골)이 뒤를 이었다.")
    assert {"데반", "남기욱", "석조국", "위성용"} <= found
    assert {"변현종", "탁민호"} <= people(shipped, "다승 부문은 변현종(16승), 탁민호(15승)가 다툰다.")


def test_tallies_of_clubs_name_no_one(shipped):
    for text in ("울산(3승), 전북(2승)이 앞섰다.", "흥국생명(5승), 현대건설(4승) 순이다.", "남기욱(52골)이 1위다."):
        assert not ({"울산", "전북", "흥국생명", "현대건설"} & people(shipped, text)), text


def test_hostile_tallies(shipped):
    assert indexes_within(shipped, "남기욱(52골), " * 100_000, 20)
    assert indexes_within(shipped, "가·" * 100_000 + "나(3골)", 20)


# --- a player right after his position -------------------------------------------------------------------------------


def test_a_player_right_after_his_position(shipped):
    found = people(shipped, "주전 세터 한다인이 경기를 조율했다. 유격수 변찬호는 호수비를 펼쳤고 리베로 임서옥과 함께 버텼다.")
    assert {"한다인", "변찬호", "임서옥"} <= found
    assert "탁민규" in people(shipped, "3회 2루수 탁민규의 실책이 나와 경기가 기울었다.")


def test_positions_before_no_player(shipped):
    for text in ("세터 자리를 두고 경쟁한다.", "주전 유격수 출신이다.", "리베로 포지션은 수비를 맡는다.", "골잡이 부재가 고민이다."):
        assert people(shipped, text) == set(), text


def test_hostile_positions(shipped):
    assert indexes_within(shipped, "세터 " * 300_000 + "한다인이", 20)
    assert indexes_within(shipped, "세터 한다인이 " * 100_000, 20)


def test_a_market_with_a_quoted_word_is_no_mayor(shipped):
    for text in ("전기차 시장은 “캐즘”이라고 불린다.", "반도체 시장은 “슈퍼사이클”이라며 들떴다."):
        assert people(shipped, text) == set(), text
    assert "봉민서" in people(shipped, "봉민서 시장은 “함께 하겠습니다.”라고 말했다.")


# --- a verb's modifier after a day word is no foreign given name ----------------------------------------------------


def test_a_verb_after_a_day_word_is_no_foreign_name(shipped):
    found = people(shipped, "19일 열린 새들농협 조합장 선거에서 현도겸 후보가 당선됐다. 이날 열린 누리수협 조합장 선거도 끝났다.")
    assert "현도겸" in found and not any(name.startswith("열린") for name in found), found
    found = people(shipped, "19일 일론 머스크 CEO는 말했다. 20일 존 케리 장관은 답했다. 21일 팀 쿡 CEO가 왔다.")
    assert {"일론 머스크", "존 케리", "팀 쿡"} <= found, found


def test_hostile_day_words(shipped):
    assert indexes_within(shipped, "19일 열린 " * 150_000 + "농협 조합장", 20)


def test_a_governor_who_speaks_or_holds_office(shipped):
    assert "연서후" in people(shipped, "연서후 지사는 “도민과 함께 하겠다”고 밝혔다.")
    assert "채도윤" in people(shipped, "채도윤 지사 취임 이후 투자가 늘었다.")
    for text in ("부산 지사는 “문의가 늘었다”고 밝혔다.", "강원도 지사는 “잘하겠다”고 말했다.", "미주 지사는 실적이 좋았다.",
                 "경기도 지사 취임식이 열렸다.", "본사와 해외 지사는 “글로벌”이라는 구호를 걸었다."):
        assert not (people(shipped, text) - {"연서후"}), text
