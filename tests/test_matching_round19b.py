"""Round 19 (ents19b) product rules of issue 11: named ships, cruise ships, games listed with - or quoted after a game
kind, each on Korean text written for it in other words (positive, negative and hostile inputs)."""
from __future__ import annotations

import pytest

from tests.test_matching import indexes_within, names_of, shipped  # noqa: F401 (shipped is a fixture)


def products(shipped, text: str) -> set[str]:
    return names_of(shipped, text, "product")


# --- named warships ----------------------------------------------------------------------------------------------


def test_a_named_ship_after_its_kind(shipped):
    assert "도산안창호함" in products(shipped, "해군의 첫 3000톤급 잠수함 ‘도산안창호함’이 취역했다.")
    assert "홍범도함" in products(shipped, "새 잠수함, 홍범도함입니다.")
    assert "신돌석함" in products(shipped, "해군은 차기 호위함 신돌석함은 내년에 인도된다고 밝혔다.")
    assert "이순신함" in products(shipped, "이 구축함 '이순신함'의 성능이 공개됐다.")


def test_a_named_ship_before_its_class(shipped):
    assert "김구함" in products(shipped, "김구함(3000톤급)은 시험 평가 중이다.")
    assert "이봉창함" in products(shipped, "이봉창함은 214급 잠수함의 마지막이다.")


def test_a_classes_numbered_list_after_one_named_ship(shipped):
    text = "잠수함 ‘홍범도함’이 진수됐다. 같은 급은 1번 이천함, 2번 최무선함, 3번 박위함으로 이어진다."
    assert {"홍범도함", "이천함", "최무선함", "박위함"} <= products(shipped, text)
    # the ordinal list alone names nothing (1번 검사함: a box, no ship)
    assert products(shipped, "1번 검사함, 2번 보관함에 넣는다.") == set()


def test_words_ending_in_ham_that_are_no_ships(shipped):
    for text in ("잠수함 함께 건조한다.", "잠수함 포함 3척이다.", "잠수함이 떠올랐다.", "군함 두 척이 입항했다.",
                 "함정 10척을 배치했다.", "구축함 디젤잠수함 모두 참가했다.", "잠수함은 조용하다.", "3000톤급 잠수함을 건조한다."):
        assert products(shipped, text) == set(), text


# --- cruise ships --------------------------------------------------------------------------------------------------


def test_a_cruise_ship_quoted_after_its_kind(shipped):
    assert "스펙트럼 오브 더 시즈" in products(shipped, "크루즈선 '스펙트럼 오브 더 시즈(Spectrum of the Seas)'가 부산에 들어왔다.")
    assert "코스타 세레나" in products(shipped, "대형 크루즈선인 11만t급 ‘코스타 세레나’호가 접안했다.")


def test_a_quote_after_cruise_that_names_no_ship(shipped):
    for text in ("크루즈 '관광 활성화' 방안을 냈다.", "크루즈선 “이렇게 좋을 줄 몰랐다”고 말했다.", "크루즈 '부산에서 떠나요'"):
        assert products(shipped, text) == set(), text


# --- games ---------------------------------------------------------------------------------------------------------


def test_games_joined_by_dashes_before_a_game_word(shipped):
    text = "별의노래-세븐나이츠 키우기-오딘 발할라 등 인기 모바일게임이 순위를 지켰다."
    assert {"별의노래", "세븐나이츠 키우기", "오딘 발할라"} <= products(shipped, text)


def test_dash_lists_that_are_no_games(shipped):
    for text in ("넥슨-엔씨소프트-넷마블 등 게임사가 참가했다.", "서울-부산-대구 등 게임 대회가 열린다.",
                 "RPG-FPS-MOBA 등 게임 장르가 다양하다.", "A-B-C 등 게임업계"):
        assert products(shipped, text) == set(), text


def test_a_game_quoted_after_a_game_kind_or_before_preorders(shipped):
    assert "아르카나M" in products(shipped, "한 게임사가 모바일MMORPG '아르카나M'을 준비 중이다.")
    assert "별빛 전쟁" in products(shipped, "게임사 두 곳이 '별빛 전쟁' 사전예약을 시작했다.")
    # a genre quoted, a slogan quoted, a preorder outside a game text: none
    assert products(shipped, "모바일MMORPG 'RPG' 장르") == set()
    assert products(shipped, "게임 '함께 즐겨요' 캠페인") == set()
    assert products(shipped, "호텔 '여름 패키지' 사전예약을 받는다.") == set()


# --- hostile inputs --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "잠수함 ‘" * 10_000,
    "크루즈선 '" * 10_000 + "호",
    "(" * 10_000 + "유관순함" + ")" * 10_000,
    "·" * 100_000 + " 잠수함 장영실함",
    "가가-" * 100_000 + " 등 게임",
    "가가-나나-다다 등 게임 " * 10_000,
    "1번 유관순함 " * 20_000 + "잠수함 유관순함",
], ids=lambda text: text[:12])
def test_hostile_inputs_index_linearly(shipped, text):
    assert indexes_within(shipped, text, 30)


def test_a_3mb_one_line_article(shipped):
    text = ("214급 잠수함 ‘유관순함’은 1번 손원일함, 2번 정지함과 함께 크루즈선 '스타 오브 더 시즈'호 리니지M-검은사막 모바일-로한M 등 "
            "모바일게임 '에오스 레드' 사전예약 ") * 32_000
    assert len(text) > 3_000_000
    assert indexes_within(shipped, text, 60)
