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
