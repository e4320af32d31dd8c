"""Round 16 (ents16b) rules of issue 11 on set16's person, place and false-entity causes, each on Korean text written
for it (positive, negative and hostile inputs)."""
from __future__ import annotations

import pytest

from store.extract.entities import load_alias_file
from tests.test_matching import all_names, cpu, mentions, names_of, persons


@pytest.fixture(scope="module")
def shipped():
    return load_alias_file()


def test_artists_in_a_bulleted_list_of_quoted_works(shipped):
    text = ("이번 전시에는 △한솔비의 '빛과 그림자' △오세린의'바다 이야기' △윤다경 '봄날' △남궁현 전시전 등이 소개된다.\n"
            "관람은 무료다.")
    got = persons(shipped, text)
    assert {"한솔비", "오세린", "윤다경"} <= set(got)
    # one item alone is no list; an item that is no name spoils the list (all or none)
    assert persons(shipped, "주요 내용은 △한솔비의 '빛과 그림자' 등이다.") == []
    assert persons(shipped, "주요 과제는 △서울시의 '청년 정책' △한솔비의 '빛과 그림자' 등이다.") == []
    assert persons(shipped, "주요 일정은 △개막식 '축하 공연' △폐막식 '시상' 등이다.") == []


def test_bulleted_works_index_linearly(shipped):
    text = "△한솔비의 '빛' " * 100_000
    t = cpu()
    mentions(shipped, text)
    assert cpu() - t < 30


def test_names_listed_after_a_word_for_who_they_are_and_ro_neun(shipped):
    text = "하남출신 작가로는 조민호, 김서찬, 박지온이 참여한다. 연사로는 이하늘, 최서준도 나선다."
    got = set(persons(shipped, text))
    assert {"조민호", "김서찬", "박지온", "이하늘", "최서준"} <= got
    # a list of things, or a list with one word that is no name, names no one
    assert persons(shipped, "대안으로는 원자력, 태양광, 수소가 꼽힌다.") == []
    assert persons(shipped, "후보로는 조민호, 서울시, 박지온이 거론된다.") == []
    text = "작가로는 " + "조민호, " * 100_000 + "박지온이 참여한다."
    t = cpu()
    mentions(shipped, text)
    assert cpu() - t < 30


def test_foreign_names_written_in_full_before_a_country_and_a_state_title(shipped):
    text = ("조지 W. 부시 미국 대통령의 연설로 총회가 열린다. 윤 장관은 잭 스트로 영국 외무장관과 회담한다. "
            "윤 장관과 콜린 파월 미 국무장관간 회담도 열린다.")
    got = set(persons(shipped, text))
    assert {"조지 W. 부시", "잭 스트로", "콜린 파월"} <= got
    # a word of the sentence before the surname is no given name; an initial needs a Western given name before it
    got = set(persons(shipped, "지난달 파월 미 국무장관이 방한했다. 회의에서 K. 부시 미국 대통령이 말했다."))
    assert not any(" " in name for name in got)
    assert persons(shipped, "이날 서울로 영국 외무장관이 왔다.") == []


def test_a_first_lady_named_with_yeosa(shipped):
    assert "김건희" in persons(shipped, "윤석열 대통령 부인 김건희 여사 관련 취재 과정에서 김건희여사는 말했다.")
    assert persons(shipped, "회사의 김철수 여사원이 말했다.") == [] or "김철수" not in persons(shipped, "회사의 김철수 여사원이 말했다.")


def test_a_north_korean_vice_minister_and_the_ministry(shipped):
    text = "한편 북한은 백남순 외무상 대신 최수헌 외무성 부상이 참석한다. 김성남 국방성 제1부상도 왔다."
    assert {"최수헌", "김성남"} <= set(persons(shipped, text))
    assert "외무성" in names_of(shipped, text, "org")
    # 부상 after anything but a ministry is an injury
    assert persons(shipped, "경기에서 손흥민 박지성 부상 소식이 전해졌다.") == [] or "손흥민" not in persons(
        shipped, "경기에서 손흥민 박지성 부상 소식이 전해졌다.")
    text = "최수헌 외무성 부상 " * 50_000
    t = cpu()
    mentions(shipped, text)
    assert cpu() - t < 30
