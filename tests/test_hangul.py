import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from store.extract.hangul import (
    initials,
    is_initials_query,
    matches_initials,
    normalize_name,
    strip_particle,
    to_jamo,
)

hangul_text = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=8)


def test_to_jamo_splits_syllables_into_leading_vowel_trailing():
    assert to_jamo("삼") == "\u1109\u1161\u11b7"
    assert to_jamo("아") == "\u110b\u1161"  # no final consonant, no trailing jamo


def test_to_jamo_lowercases_and_keeps_other_characters():
    assert to_jamo("SK하") == "sk\u1112\u1161"
    assert to_jamo("3~4조 AI!") == "3~4\u110c\u1169 ai!"


def test_to_jamo_maps_typed_consonants_and_vowels_to_the_forms_syllables_carry():
    # ㅅ typed alone must equal the ㅅ inside 삼, or fuzzy scores on unfinished input would drop.
    assert to_jamo("ㅅ") == to_jamo("사")[0]
    assert to_jamo("ㅏ") == to_jamo("아")[1]
    assert to_jamo("삼서") == to_jamo("삼ㅅㅓ")


def test_to_jamo_accepts_decomposed_input():
    # macOS file names and some web text arrive in NFD.
    assert to_jamo(unicodedata.normalize("NFD", "하이닉스")) == to_jamo("하이닉스")


@given(hangul_text)
def test_to_jamo_recomposes_to_the_original(text):
    assert unicodedata.normalize("NFC", to_jamo(text)) == text


def test_jamo_scores_typos_higher_than_syllables():
    # The reason for jamo (DESIGN.md): one wrong vowel costs one letter, not a whole syllable.
    assert fuzz.ratio(to_jamo("삼셩전자"), to_jamo("삼성전자")) == pytest.approx(90.9, abs=0.1)
    assert fuzz.ratio("삼셩전자", "삼성전자") == pytest.approx(75.0)
    assert fuzz.ratio(to_jamo("김철수"), to_jamo("최태원")) < 50


def test_initials_of_syllables_and_other_characters():
    assert initials("삼성전자") == "ㅅㅅㅈㅈ"
    assert initials("SK하이닉스") == "skㅎㅇㄴㅅ"
    assert initials("쌍용") == "ㅆㅇ"
    assert initials("오픈AI 3사") == "ㅇㅍai 3ㅅ"


@given(hangul_text)
def test_a_name_always_matches_its_own_initials(name):
    assert matches_initials(initials(name), name)


@pytest.mark.parametrize("query", ["ㅅㅅㅈㅈ", "삼ㅅㅈ", "ㅅ성ㅈ자", "ㅎ"])
def test_is_initials_query_true_with_a_bare_consonant(query):
    assert is_initials_query(query)


@pytest.mark.parametrize("query", ["삼성", "SK", "오픈AI", "", "ㅏ"])
def test_is_initials_query_false_without_one(query):
    assert not is_initials_query(query)


@pytest.mark.parametrize(
    "query, name",
    [
        ("ㅇㅂㄷㅇ", "엔비디아"),
        ("ㅎㅇㄴㅅ", "SK하이닉스"),
        ("ㅎㅇㄴㅅ", "SK 하이닉스"),
        ("삼ㅅㅈ", "삼성전자"),
        ("ㅅㅅㅈㅈ", "삼성전자"),
        ("ㅅ ㅇㅌㅁ", "샘 올트먼"),
        ("skㅎㅇ", "SK하이닉스"),
        ("SKㅎ", "SK하이닉스"),
        ("ㅊㅌㅇ", "최태원"),
    ],
)
def test_matches_initials(query, name):
    assert matches_initials(query, name)


@pytest.mark.parametrize(
    "query, name",
    [
        ("ㅅㅅㅈㅈ", "삼성SDI"),
        ("ㅅㅅㅈㅈ", "삼성중공업"),
        ("삼ㅅㅈ", "상성전자"),  # a full syllable must match itself, not just its initial
        ("ㅆㅇ", "삼성"),  # ㅆ is not ㅅ
        ("ㅇㅂㄷㅇ", "엔비디"),  # query longer than what is left of the name
        ("ㄱㅈ", "경기"),
    ],
)
def test_does_not_match_initials(query, name):
    assert not matches_initials(query, name)


@pytest.mark.parametrize(
    "a, b",
    [
        ("SK 하이닉스", "SK하이닉스"),
        ("Open AI", "OpenAI"),
        ("openai", "OPENAI"),
        ("과기·정통부", "과기정통부"),
        ("K-반도체", "K반도체"),
        ("ＳＫ하이닉스", "SK하이닉스"),
        (unicodedata.normalize("NFD", "삼성전자"), "삼성전자"),
    ],
)
def test_normalize_name_equal_keys(a, b):
    assert normalize_name(a) == normalize_name(b)


def test_normalize_name_keeps_typed_consonants():
    # NFKC would turn ㅅ into a leading jamo; initial-consonant search needs the typed form.
    assert normalize_name("ㅅㅅㅈㅈ") == "ㅅㅅㅈㅈ"


@pytest.mark.parametrize(
    "word, stem",
    [
        ("오픈AI는", "오픈AI"),
        ("삼성과", "삼성"),
        ("SK하이닉스와의", "SK하이닉스"),
        ("SK하이닉스와는", "SK하이닉스"),
        ("엔비디아가", "엔비디아"),
        ("경주에서", "경주"),
        ("삼성전자로부터", "삼성전자"),
        ("SK그룹이", "SK그룹"),
        ("SK는", "SK"),
        ("AWS가", "AWS"),
        ("과기정통부와", "과기정통부"),
        ("네이버와의", "네이버"),
        ("최태원 회장은", "최태원 회장"),
        ("서울로", "서울"),
        ("한국으로", "한국"),
    ],
)
def test_strip_particle_from_seed_words(word, stem):
    assert strip_particle(word) == stem


@pytest.mark.parametrize(
    "word",
    [
        "경주",  # 주 is no particle
        "삼성",
        "카카오",
        "한국은행",
        "이마트",
        "현대차",
        "과의",  # nothing would remain
        "사과",  # one character would remain, and 과 does not follow a vowel
        "에스케이",  # 이 follows a final consonant, never a vowel like 케
        "하이브",
    ],
)
def test_strip_particle_leaves_names_alone(word):
    assert strip_particle(word) == word


def test_strip_particle_removes_one_particle_only():
    assert strip_particle("삼성전자에서도") == "삼성전자"
    assert strip_particle(strip_particle("하이닉스와의")) == "하이닉스"
