"""Round 19 (ents19a) of issue 11: cities and counties listed by their short names (공주·금산·부여·계룡, 충북 보은과 옥천),
matched per text beside the matcher's mentions, on Korean sentences written for it (positive, negative, hostile)."""
from __future__ import annotations

import pytest
from cpu_budget import ceiling

from store.extract.entities import Matcher
from store.extract.rules_places import listed_short_places
from tests.test_matching import cpu, mentions, shipped  # noqa: F401 (shipped is a fixture)


@pytest.fixture(scope="module")
def matcher(shipped):
    return Matcher([(i, [e.name, *e.aliases]) for i, e in enumerate(shipped)], {i: e.type for i, e in enumerate(shipped)})


def listed(shipped, matcher, text: str) -> list[tuple[str, str]]:
    """(surface, entity name) of the short-name list mentions in text."""
    found = matcher.find(text)
    return [(surface, shipped[eid].name) for _, _, eid, surface in listed_short_places(text, matcher, found)]


def names(shipped, matcher, text: str) -> set[str]:
    return {name for _, name in listed(shipped, matcher, text)}


def test_a_list_of_short_names_names_each_city_and_county(shipped, matcher):
    assert names(shipped, matcher, "충남 공주·금산·부여·계룡에 호우경보가 내려졌다.") == {"공주시", "금산군", "부여군", "계룡시"}
    assert names(shipped, matcher, "△충청남도(공주, 논산, 금산, 부여, 서천, 계룡) △충청북도(청주, 보은, 괴산, 옥천, 음성)") == {
        "공주시", "금산군", "부여군", "계룡시", "보은군", "음성군"}
    # spacing variants of the separators: `,` with and without a space, `ㆍ`
    assert names(shipped, matcher, "공주,부여ㆍ계룡 일대") == {"공주시", "부여군", "계룡시"}


def test_particles_and_the_last_items_own_suffix(shipped, matcher):
    assert names(shipped, matcher, "충북 보은과 옥천에서 피해가 컸다.") == {"보은군"}
    assert names(shipped, matcher, "공주와 부여에서 축제가 열린다.") == {"공주시", "부여군"}
    assert names(shipped, matcher, "보은, 옥천, 영동군 등 남부 3군") == {"보은군"}
    assert listed(shipped, matcher, "금산·부여군에는 대피령이 내려졌다.") == [("금산", "금산군")]


def test_common_words_in_a_list_name_no_place(shipped, matcher):
    for text in ("공주·왕자 이야기", "음성·영상 통화가 된다.", "보은과 감사의 마음을 전했다.", "왕자·공주·금산", "음성과 영상을 분석한다.",
                 "백설공주와 일곱 난쟁이", "공주 한 명과 부여 받은 임무", "공주는 노래를 불렀다. 부여 받은 권한"):
        assert listed(shipped, matcher, text) == [], text
    # one item written alone is no list
    assert listed(shipped, matcher, "공주가 왕자를 만났다.") == []


def test_a_short_name_outside_the_list_is_no_alias(shipped):
    # the list's names hang on this text only: the alias file's entities keep no short form (mentions() matches the
    # alias file and the rules' candidates, as indexing does, without the per-text list)
    text = "동화 속 공주와 왕자가 무대에 올랐다. 공주는 노래를 불렀다."
    assert not any(name.startswith("공주") for _, name, _ in mentions(shipped, text))


@pytest.mark.parametrize("text", [
    "·" * 100_000,
    "공주·" * 100_000 + "왕자",
    "공주·" * 100_000,
    "보은과 " * 100_000,
    ", " * 100_000 + "공주, 부여",
    "공주ㆍ금산, 부여와 계룡에서 " * 50_000,
], ids=lambda text: text[:8])
def test_hostile_lists_are_linear(shipped, matcher, text):
    t = cpu()
    listed(shipped, matcher, text)
    assert cpu() - t < ceiling(30)


def test_a_3mb_one_line_article(shipped, matcher):
    text = "충남 공주·금산·부여·계룡에 호우경보, 충북 보은과 옥천에서, 공주·왕자 이야기와 음성·영상 통화 " * 60_000
    assert len(text) > 3_000_000
    t = cpu()
    found = listed(shipped, matcher, text)
    assert cpu() - t < ceiling(60)
    assert len(found) == 60_000 * 5
