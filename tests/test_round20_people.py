"""Round 20 (people20) person rules of issue 11: general Korean-news shapes, each on Korean text written for it
(positive, negative and hostile inputs): a co-operative's head (조합장) is a title, never a name; candidates and the
elected named right before 후보/당선자."""
from __future__ import annotations

from tests.test_matching import indexes_within, names_of, shipped  # noqa: F401 (shipped is a fixture)


def people(shipped, text: str) -> set[str]:
    return names_of(shipped, text, "person")


# --- 조합장: a title word, never a name ------------------------------------------------------------------------------


def test_the_co_op_head_title_is_no_person(shipped):
    found = people(shipped, "가람농협은 한도윤 현 조합장(58)이 다시 당선됐다.")
    assert "조합장" not in found
    assert "한도윤" in found


def test_a_name_before_the_co_op_head_title(shipped):
    assert "문재석" in people(shipped, "누리수협 문재석 조합장은 어민 소득을 늘리겠다고 말했다.")
    assert "문재석" in people(shipped, "현 문재석 조합장이 재선에 성공했다.")
    assert "성기운" in people(shipped, "성기운(61) 전 조합장을 큰 표 차로 눌렀다.")
    assert people(shipped, "조합장 선거가 다음 달 치러진다. 조합장은 4년 임기다.") == set()


# --- 후보, 당선자 ------------------------------------------------------------------------------------------------------


def test_a_candidate_and_a_winner_before_their_word(shipped):
    found = people(shipped, "새들농협은 변지환 후보가 곽민수 후보를 누르고 당선됐다. 변지환 당선자는 소감을 밝혔다.")
    assert {"변지환", "곽민수"} <= found
    assert "염태곤" in people(shipped, "염태곤 당선인은 조합원들에게 감사했다.")
    assert "맹수현" in people(shipped, "군자농협 맹수현 예비후보는 공약을 발표했다.")


def test_candidate_words_that_name_nobody(shipped):
    for text in ("여야 예비후보가\n정해진 가운데 후보들이 잇따라 사무소를 열었다.",
                 "당뇨 신약 후보 물질 3개가 포함됐다.",
                 "조금이라도 더 알리고 싶은 선거 후보자들의 마음이 느껴진다.",
                 "유력한 우승 후보로 꼽힌다.", "여러 후보가 나섰다."):
        assert people(shipped, text) == set(), text


def test_hostile_candidate_words(shipped):
    assert indexes_within(shipped, "김철수 후보 " * 100_000, 20)
    assert indexes_within(shipped, "현 " * 300_000 + "조합장(54)", 20)


# --- a role word or a particle-ending fragment read as a name -----------------------------------------------------


def test_a_genitive_before_a_title_is_no_name(shipped):
    for text in ("올해 독자가 뽑은 ‘최고의 작가’ 이야기가 실렸다.", "국내 최초의 여성 대표로 뽑혔다."):
        assert "최고의" not in people(shipped, text) and "최초의" not in people(shipped, text), text


def test_a_list_closing_word_is_no_part_of_a_name(shipped):
    found = people(shipped, "한나라당과 민주당, 선진과 창조의 모임 등 3당 원내대표는 회의를 열었다.")
    assert not any("등" in name.split() for name in found), found
    assert not any(name.endswith(" 및") for name in people(shipped, "교육청 및 학교 관계자가 모였다."))


def test_an_ist_noun_before_a_foreign_name(shipped):
    found = people(shipped, "태권도 금메달리스트 손 시브메이스 선수와 감독이 참석했다.")
    assert "손 시브메이스" in found and not any("리스트" in n for n in found)
    assert not any("리스트" in n for n in people(shipped, "저널리스트 마크 선임기자가 말했다."))


def test_a_verb_ending_in_deorado_is_no_leader(shipped):
    assert people(shipped, "대규모 인원이 몰리더라도 질서를 지키겠다.") == set()
    assert people(shipped, "한참 달리더니 멈췄다.") == set()
    assert "한서윤" in people(shipped, "프로젝트 한서윤 리더는 말했다.")


def test_an_agency_officer_after_his_agency(shipped):
    assert "황보윤" in people(shipped, "출범 준비를 총괄하는 국가유산청 황보윤 기획조정관을 만났다.")
    assert "남궁현" in people(shipped, "교육부 남궁현 학생지원정책관은 설명했다.")
    assert "석지민" in people(shipped, "석지민 법무심의관이 답했다.")


# --- a quoted work's authors in a bracket ---------------------------------------------------------------------------


def test_authors_in_a_bracket_after_a_quoted_title(shipped):
    assert {"한지율", "오세찬"} <= people(shipped, "연구소가 발간한 '2022 한국1인가구보고서'(한지율, 오세찬)에 따르면 늘었다.")
    assert {"배윤서", "탁민호"} <= people(shipped, "《도시의 밤》(배윤서·탁민호)은 잘 팔렸다.")


def test_brackets_after_a_quote_that_name_no_authors(shipped):
    for text in ("'신제품'(서울, 부산)에서 판다.", "'보고서'(상반기, 하반기)를 냈다.", "'행사'(한지율)에 왔다.",
                 "'공연'(사진, 제공)이 열렸다."):
        assert people(shipped, text) == set(), text


def test_hostile_author_brackets(shipped):
    assert indexes_within(shipped, "'가'(" + "한지율, " * 200_000 + ")", 20)
    assert indexes_within(shipped, "'가'(한지율)" * 100_000, 20)


# --- a lawmaker's district in a bracket ------------------------------------------------------------------------------


def test_a_lawmaker_with_his_district_in_a_bracket(shipped):
    assert "변훈" in people(shipped, "더불어민주당 변훈(부천 원미구을) 의원실에 따르면 늘었다.")
    assert "금도윤" in people(shipped, "금도윤(국민의힘·서울 강남갑) 의원은 말했다.")
    assert "탁서" in people(shipped, "탁서(수원시) 의원이 질의했다.")


def test_brackets_before_giwon_that_name_no_lawmaker(shipped):
    for text in ("여당(서울 강남갑) 의원들이 모였다.", "이번(서울 강남갑) 의원 선거",
                 "회의(오후 2시) 의원 전원", "시의회(서울 강남구) 의원"):
        assert people(shipped, text) == set(), text


def test_hostile_lawmaker_brackets(shipped):
    assert indexes_within(shipped, "변훈(" * 200_000 + "갑) 의원", 20)
    assert indexes_within(shipped, "변훈(부천 원미구을) 의원 " * 50_000, 20)
