"""The round-12 gazetteer (store/data/aliases.tsv): the country's groups, banks, districts, bodies and events are known,
and the names that are also ordinary words stay out of the file in their bare form (precision first)."""
from __future__ import annotations

import pytest
from test_entities import shipped_places, typed  # noqa: F401 (a fixture: the shipped file matched with types)

from store.extract.entities import load_alias_file
from store.extract.hangul import normalize_name


found = shipped_places  # (matcher, names), text -> [(surface, canonical name)] in text order


def test_banks_and_financial_groups_are_known_by_their_full_names(typed):
    text = ("우리은행과 하나은행, 신한은행, KB국민은행이 금리를 내렸다. 우리금융지주와 하나금융지주, 신한금융지주도 실적을 냈다. "
            "NH투자증권과 미래에셋증권, 삼성생명, 한화생명, IBK기업은행도 마찬가지다.")
    assert [name for _, name in found(typed, text)] == [
        "우리은행", "하나은행", "신한은행", "KB국민은행", "우리금융그룹", "하나금융그룹", "신한금융그룹",
        "NH투자증권", "미래에셋증권", "삼성생명", "한화생명", "IBK기업은행"]


@pytest.mark.parametrize("text", [
    "우리는 하나의 목표를 향해 간다. 국민이 원하는 것은 현대의 기술이다.",
    "신한 관계자와 대한 사람, 동아 시리즈, 조선 시대, 중앙 정부가 모였다.",
    "신세계를 열었다. 인력을 동원해 대상을 정했다. 목표를 달성했고 기장이 안내했다.",
    "역량 강화도 필요하다. 수영을 배우고 사상을 논하며 연수를 받았다. 동작이 빠르다.",
    "광산 사고와 유성 우, 장수 비결, 진도가 나갔다. 고성이 오갔다. 보은의 뜻.",
    "토스를 올렸다. 당근을 샀다. 가자 지구로. 개성이 강하다. 빈 자리, 칸을 채웠다. 산은 높다.",
    "올림픽대로가 막혔다. 카니발 축제. 세가 올랐다.",
])
def test_ordinary_words_that_are_also_names_stay_unmatched(typed, text):
    """우리 (we), 하나 (one), 신한/대한/동아/조선/중앙/현대/국민 (common or ambiguous stems), 신세계 (a new world), 동원
    (mobilise), 대상 (a target), 달성 (achieve), 기장 (a captain), 강화 (strengthen), 수영/사상/연수/동작 (districts' stems)..."""
    assert found(typed, text) == []


def test_a_district_is_found_with_and_without_its_suffix_where_the_bare_name_is_no_word(typed):
    text = "부산 사상구와 부산진구, 해운대구, 수원시 권선구, 서울 광진구에서 열렸다. 전남 담양에서, 경북 영덕과 강원 정선에도."
    assert found(typed, text) == [
        ("부산", "부산"), ("사상구", "사상구"), ("부산진구", "부산진구"), ("해운대구", "해운대"), ("수원시", "수원"),
        ("권선구", "권선구"), ("서울", "서울"), ("광진구", "광진구"), ("전남", "전라남도"), ("담양", "담양군"),
        ("경북", "경상북도"), ("영덕", "영덕군"), ("강원", "강원"), ("정선", "정선군")]


def test_a_bare_county_name_glued_after_hangul_is_no_mention(typed):
    # a person's name that ends in a county's (김담양, 이정선) is no county
    assert found(typed, "김담양 씨와 이정선 교수가 왔다.") == []


def test_a_renamed_firm_is_its_current_name(typed):
    # 현대상선(HMM): the bracket glosses the name before it, one mention
    text = "옛 대우조선해양(현 한화오션)과 현대상선(HMM), 삼성엔지니어링, 두산인프라코어, 롯데제과가 거론됐다."
    assert [name for _, name in found(typed, text)] == [
        "한화오션", "한화오션", "HMM", "삼성E&A", "HD현대인프라코어", "롯데웰푸드"]


def test_public_bodies_parties_and_events(typed):
    text = ("기후에너지환경부와 공수처, 선관위, 한국수력원자력, 국민의힘, 더불어민주당이 나섰다. "
            "부산 벡스코에서 열린 지스타 2025와 베를린 IFA, 다보스포럼에 참가했다.")
    assert [name for _, name in found(typed, text)] == [
        "기후에너지환경부", "고위공직자범죄수사처", "중앙선거관리위원회", "한국수력원자력", "국민의힘", "더불어민주당",
        "부산", "벡스코", "지스타", "베를린", "IFA", "다보스포럼"]


def test_short_latin_names_keep_their_capitals(typed):
    # GS, LS, LX, HMM, LH match only as written: gs25, ls 표기, hmm (a sigh) in lower case are no firm
    text = "GS와 LS, LX가 합의했다. hmm 하고 웃었다. gs 표기."
    assert [name for _, name in found(typed, text)] == ["GS그룹", "LS그룹", "LX그룹"]


def test_the_gazetteer_covers_every_province_and_the_big_groups():
    names = {normalize_name(s) for c in load_alias_file() for s in (c.name, *c.aliases)}
    provinces = ["서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시", "울산광역시", "세종특별자치시",
                 "경기도", "강원특별자치도", "충청북도", "충청남도", "전북특별자치도", "전라남도", "경상북도", "경상남도", "제주특별자치도"]
    groups = ["삼성", "SK그룹", "현대차그룹", "LG", "롯데", "한화", "GS그룹", "HD현대", "신세계그룹", "CJ", "두산", "LS그룹", "포스코",
              "카카오", "네이버", "KT", "효성그룹", "코오롱", "한진그룹", "금호석유화학", "부영그룹", "셀트리온", "에코프로"]
    assert not [n for n in provinces + groups if normalize_name(n) not in names]
    for word in ["우리", "하나", "신한", "국민", "대한", "한국경제", "현대", "동아", "조선", "중앙", "신세계", "동원", "대상", "효성",
                 "토스", "당근", "달성", "기장", "수영", "사상"]:
        assert normalize_name(word) not in names, word


def test_a_power_company_is_one_entity_under_its_short_name(typed):
    """News writes 중부발전 for 한국중부발전 after the first mention: the same entity, not a second firm."""
    text = "한국중부발전은 보령에 발전소를 짓는다. 중부발전은 내년에 착공하고, 남동발전과 동서발전도 뒤따른다."
    assert found(typed, text) == [("한국중부발전", "한국중부발전"), ("보령", "보령"), ("중부발전", "한국중부발전"),
                                  ("남동발전", "한국남동발전"), ("동서발전", "한국동서발전")]
