"""Round-9 rules of issue 11, each on Korean text written for it in a news style: what the rules propose for an
article and where the matcher then finds it (the two steps indexing runs), with the shipped alias file."""
from __future__ import annotations

from test_matching import mentions, shipped  # noqa: F401 (shipped is a fixture)


def names_of(shipped, text: str, kind: str) -> set[str]:
    return {name for _, name, k in mentions(shipped, text) if k == kind}


# --- artists, writers and players by what they are ------------------------------------------------------------------


def test_artists_and_writers_named_before_or_after_what_they_are(shipped):
    """An awards story: 탤런트 고은별, 탤런트 나도현 (before the name), 한지호 조각가, 서연우 시인, 마동석 서양화가가, 윤가을
    미술평론가가 (after it, with a comma or a particle), 마무리투수 장서준을 (a compound player word). 이 문화가 (culture and a
    particle) and 잘못을 시인했다 (admitted) name no one."""
    text = ("시상식에는 탤런트 고은별, 탤런트 나도현 등이 참석했다. 특별상은 한지호 조각가, 서연우 시인, 마동석 서양화가가 받았고 "
            "심사평은 윤가을 미술평론가가 맡았다.\n"
            "구단은 마무리투수 장서준을 1군에서 뺐다. 이 문화가 바뀌어야 한다며 그는 잘못을 시인했다.")
    people = names_of(shipped, text, "person")
    assert {"고은별", "나도현", "한지호", "서연우", "마동석", "윤가을", "장서준"} <= people, people
    assert not {"잘못을", "문화가", "문화"} & people, people
