"""Round-13 rules of issue 11, each on Korean text written for it in a news style (particles, spacing variants, short
names): what the rules propose for an article and where the matcher then finds it, with the shipped alias file."""
from __future__ import annotations

import resource

from test_entities import shipped_places, typed  # noqa: F401 (typed is a fixture)
from test_matching import mentions, shipped  # noqa: F401 (shipped is a fixture)


def names_of(shipped, text: str, kind: str) -> set[str]:
    return {name for _, name, k in mentions(shipped, text) if k == kind}


def all_names(shipped, text: str) -> set[str]:
    return {name for _, name, _ in mentions(shipped, text)}


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


found = shipped_places  # (matcher, names), text -> [(surface, canonical name)] in text order


# --- financial groups and banks by their short names, in a list -------------------------------------------------------


def test_a_bracketed_list_of_holding_companies_by_short_name(typed):
    """국내 8개 금융지주사(KB국민 신한 NH농협 우리 하나 BNK JB 메리츠)가: after a word for their kind, each short name is the
    holding company (KB국민, the bank's short name, is the KB group's holding company); with middle dots too."""
    text = "국내 8개 금융지주사(KB국민 신한 NH농협 우리 하나 BNK JB 메리츠)가 지난해 거둔 순이익은 20조 원이다."
    assert found(typed, text) == [
        ("KB국민", "KB금융그룹"), ("신한", "신한금융그룹"), ("NH농협", "NH농협금융지주"), ("우리", "우리금융그룹"),
        ("하나", "하나금융그룹"), ("BNK", "BNK금융그룹"), ("JB", "JB금융그룹"), ("메리츠", "메리츠금융지주")]
    text = "금융지주회사 6곳(KB·신한·농협·하나·우리·한투)의 순익이 늘었다."
    assert [name for _, name in found(typed, text)] == [
        "KB금융그룹", "신한금융그룹", "NH농협금융지주", "하나금융그룹", "우리금융그룹", "한국투자금융지주"]


def test_a_dotted_list_takes_its_kind_from_the_word_after_it(typed):
    """KB·신한·하나·우리 등 4대 금융지주는 (holding companies), 국민·신한·하나·우리은행이 (the last item says banks),
    신한, 하나, 우리 등 시중은행들이 (commas, a plural)."""
    assert found(typed, "KB·신한·하나·우리 등 4대 금융지주는 배당을 늘렸다.") == [
        ("KB", "KB금융그룹"), ("신한", "신한금융그룹"), ("하나", "하나금융그룹"), ("우리", "우리금융그룹")]
    assert found(typed, "국민·신한·하나·우리은행이 금리를 내렸다.") == [
        ("국민", "KB국민은행"), ("신한", "신한은행"), ("하나", "하나은행"), ("우리은행", "우리은행")]
    assert found(typed, "신한, 하나, 우리 등 시중은행들이 대출을 줄였다.") == [
        ("신한", "신한은행"), ("하나", "하나은행"), ("우리", "우리은행")]
    assert found(typed, "신한·KB국민·현대 등 카드사는") == [("신한", "신한카드"), ("KB국민", "KB국민카드"), ("현대", "현대카드")]


def test_short_names_are_words_outside_such_a_list(typed):
    """우리는, 하나의, 신한 마음: the words; a list of them without a word for firms, or with an item that is no firm's short
    name (하나·둘), names no firm; nor does a word that only starts like a kind (은행나무)."""
    for text in ["우리는 하나의 목표를 향해 신한 마음으로 간다.", "우리·하나·신한 모두 모였다.", "하나·둘·셋 은행에 갔다.",
                 "하나, 우리는 은행에 간다.", "우리·하나 은행나무 길을 걸었다.", "우리 하나 된 금융지주"]:
        assert found(typed, text) == [], text


def test_a_list_of_places_stays_places(typed):
    """부산·대구·광주 등 지방은행: the short names that are places' names (부산은행) stay the places (the alias file says so)."""
    assert found(typed, "부산·대구·광주 등 지방은행의 연체율") == [("부산", "부산"), ("대구", "대구"), ("광주", "광주")]


def test_long_lists_of_short_names_stay_linear(typed):
    matcher, _ = typed
    t0 = cpu()
    text = "·".join(["우리", "하나", "신한", "KB"] * 25_000) + " 등 금융지주는"
    assert len(matcher.find(text)) == 100_000
    matcher.find("금융지주(" + "우리 " * 30_000 + ")")
    matcher.find("은행 " + "·" * 100_000 + " 금융지주")
    matcher.find("금융지주(우리 하나) " * 20_000)
    assert cpu() - t0 < 10
