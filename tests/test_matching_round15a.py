"""Round 15 (ents15a) rules of issue 11 on set15's place and person misses, each on Korean text written for it."""
from __future__ import annotations

import time


from cpu_budget import ceiling
from tests.test_matching import mentions, shipped  # noqa: F401 (shipped is a fixture)


def places(shipped, text: str) -> list[str]:
    return [name for _, name, kind in mentions(shipped, text) if kind == "place"]


def test_a_heads_title_glued_to_a_place_names_it(shipped):
    text = ("김민수 아산시장은 축사를 했다. 이영희 부여군수와 박철수 대전 동구청장이 참석했다. 고성군수님께 감사드린다. "
            "강원도지사가 말했다. 경주시장도 왔다.")
    got = places(shipped, text)
    assert "아산" in got and "부여군" in got and "고성군" in got and "경주" in got


def test_markets_and_longer_words_name_no_place(shipped):
    text = "전통시장과 주식시장, 수산시장이 붐볐다. 아산시장터가 열렸다. 부여군수산물 축제. 동구청장실 앞."
    assert places(shipped, text) == []


def test_many_glued_heads_index_linearly(shipped):
    text = "아산시장은 " * 100_000
    t = time.process_time()
    mentions(shipped, text)
    assert time.process_time() - t < ceiling(30)


def persons(shipped, text: str) -> list[str]:
    return [name for _, name, kind in mentions(shipped, text) if kind == "person"]


def test_singers_listed_before_a_glued_kind_of_singer(shipped):
    text = "이날 저녁 행사에는 초아, 할리퀸, 도미노보이즈 등 인기가수의 공연이 이어졌다."
    got = persons(shipped, text)
    assert "초아" in got and "할리퀸" in got
    assert persons(shipped, "이날 다양한 장르 등 인기가수의 공연이 이어졌다.") == []
    assert persons(shipped, "공연이 진행됐다, 할리퀸, 도미노보이즈 등 인기가수의 공연.").count("진행됐다") == 0
    text = "이날 " + "초아, " * 50_000 + "할리퀸 등 인기가수의 공연."
    t = time.process_time()
    persons(shipped, text)
    assert time.process_time() - t < ceiling(30)


def test_a_place_between_a_name_and_a_heads_title(shipped):
    text = "개막식에는 정만호 강원도 경제부지사, 김진태 강원도지사가 참석했다."
    assert "정만호" in persons(shipped, text)
    assert persons(shipped, "개막식에는 관계자 강원도 경제부지사가 참석했다.") == []


def test_candidates_after_their_party(shipped):
    text = "아산시장 선거에서 맞붙는\n더불어민주당 오세현,\n국민의힘 박경귀 예비후보가 나란히 선거사무소를 열었다."
    got = persons(shipped, text)
    assert "오세현" in got and "박경귀" in got
    # a party before an ordinary word, a verb or a body is nobody
    text = "더불어민주당 지도부는 회의를 열었다. 국민의힘 원내대표가 말했다. 국민의힘 관계자, 민주당 소속 의원들. 정의당 대표단."
    assert persons(shipped, text) == []
    assert persons(shipped, "국민의힘 " * 100_000) == []


def test_a_speaker_label_on_its_own_line_before_a_quote(shipped):
    text = "캠핑족들은 만족합니다.\n이우현 / 경북 안동시\n\"넓고 쾌적하고 좋은 것 같고….\"\n김민지 / 서울 마포구\n“좋아요.”"
    got = persons(shipped, text)
    assert "이우현" in got and "김민지" in got
    # no quote after it, or not a name: nobody
    assert persons(shipped, "가격은 / 원화 기준\n\"싸다.\"\n이우현 / 경북 안동시\n본문이 이어진다.") == []
    t = time.process_time()
    persons(shipped, "가나다 / 라마바\n" * 100_000)
    assert time.process_time() - t < ceiling(30)


def test_a_lake_and_an_industrial_estate_are_known(shipped):
    got = places(shipped, "소양호 주변과 센텀2산단에 캠핑장이 있다.")
    assert "소양호" in got and "센텀2산단" in got
