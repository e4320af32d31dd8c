"""Round 16 (ents16b) rules of issue 11 on set16's person, place and false-entity causes, each on Korean text written
for it (positive, negative and hostile inputs)."""
from __future__ import annotations


from cpu_budget import ceiling
from tests.test_matching import all_names, cpu, mentions, names_of, persons, shipped  # noqa: F401 (shipped is a fixture)


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
    assert cpu() - t < ceiling(30)


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
    assert cpu() - t < ceiling(30)


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
    assert cpu() - t < ceiling(30)


def test_a_known_place_glued_to_chulsin_is_named(shipped):
    from store.extract.entities import rule_candidates
    from tests.test_matching import article

    found = {c.name: c for c in rule_candidates(article("하남출신 작가로는 조민호, 김서찬이 참여한다. 부산출신인 그는 말했다."))}
    assert "하남출신" in found["하남"].aliases and found["하남"].type == "place"
    assert "부산출신인" not in found and "부산" in found
    # not a word that is no known place (지방출신, 명문대출신), nor a longer word
    found = {c.name for c in rule_candidates(article("지방출신 학생과 명문대출신 직원, 하남출신들이 모였다."))}
    assert "지방출신" not in found and "명문대출신" not in found and "하남출신들" not in found


def test_seouls_district_courts_by_compass_name_are_one_court(shipped):
    text = "서부지법 형사9단독 김민정 판사는 선고했다. 동부지법과 남부지법, 서울북부지법도 같은 판단을 했다."
    got = names_of(shipped, text, "org")
    assert {"서울서부지방법원", "서울동부지방법원", "서울남부지방법원", "서울북부지방법원"} <= got
    assert "서부지방법원" not in all_names(shipped, text)


def test_the_club_world_cup_is_one_event(shipped):
    text = "국제축구연맹(FIFA) 클럽 월드컵 출전에 이어 FIFA 클럽월드컵 우승을 노린다."
    got = mentions(shipped, text)
    assert {name for _, name, _ in got} == {"FIFA 클럽 월드컵"}
    assert "월드컵" in all_names(shipped, "2026 월드컵 예선이 열린다.")


def test_venues_and_a_national_museum(shipped):
    text = "서울 여의도 국회 소통관에서 회견했다. 경주예술의전당 전시홀과 스타필드 하남에서 국립현대미술관 소장품을 전시한다."
    assert {"국회 소통관", "경주예술의전당", "스타필드 하남"} <= names_of(shipped, text, "place")
    assert "국립현대미술관" in names_of(shipped, text, "org")
    assert "국회" in names_of(shipped, "국회 본회의에서 통과됐다.", "org")


def test_many_places_glued_to_chulsin_index_linearly(shipped):
    text = "하남출신 " * 100_000
    t = cpu()
    mentions(shipped, text)
    assert cpu() - t < ceiling(30)


def test_a_courts_division_is_no_body(shipped):
    text = ("의정부지법 형사1부(심준보 부장판사)는 항소를 기각했다. 서울고법 형사합의21부와 민사항소2부, 행정1부도 같은 판단을 했다. "
            "서부지법 형사9단독 김민정 판사는 말했다.")
    orgs = names_of(shipped, text, "org")
    assert "의정부지방법원" in orgs and "서울서부지방법원" in orgs
    assert not any(name.endswith("부") and name[:2] in ("형사", "민사", "행정") for name in all_names(shipped, text))
    assert "국방부" in names_of(shipped, "국방부는 밝혔다.", "org")


def test_win_win_and_an_art_bank_are_no_firms(shipped):
    text = "편의점업계와 식품기업이 윈윈(Win-Win) 효과를 거두고 있다. 이번 전시는 국립현대미술관 미술은행 소장품으로 구성됐다."
    assert names_of(shipped, text, "company") == set()
    assert "IBK기업은행" in all_names(shipped, "IBK기업은행은 밝혔다.")


def test_the_us_secretary_of_states_title_names_the_state_department(shipped):
    from store.extract.entities import rule_candidates
    from tests.test_matching import article

    found = {c.name: c for c in rule_candidates(article("윤 장관과 콜린 파월 미 국무장관간 회담도 열린다. 미국 국무장관은 말했다."))}
    state = found["미국 국무부"]
    assert state.type == "org" and {"미 국무장관", "미국 국무장관"} <= set(state.aliases)
    # without the country it is no one country's: the Holy See's secretary of state is not the State Department
    found = {c.name for c in rule_candidates(article("교황청 국무장관 파롤린 추기경이 방한했다. 국무장관실은 밝혔다."))}
    assert "미국 국무부" not in found
    text = "미 국무장관 " * 100_000
    t = cpu()
    mentions(shipped, text)
    assert cpu() - t < ceiling(30)


def test_an_artists_name_before_zuo_in_a_caption(shipped):
    assert "김명석" in persons(shipped, "▲ 김명석作 `집단적 환상`\n전시가 열렸다. 박소연 作 '봄'도 걸렸다.")
    assert "박소연" in persons(shipped, "박소연 作 '봄'도 걸렸다.")
    assert persons(shipped, "대표작 作品展이 열렸다.") == []
