"""Round-8 rules of issue 11, each on Korean text written for it in a news style: what the rules propose for an
article and where the matcher then finds it (the two steps indexing runs), with the shipped alias file."""
from __future__ import annotations

import pytest
from cpu_budget import ceiling, cpu
from test_matching import article, mentions, names_of, shipped  # noqa: F401 (shipped is a fixture)

from store.extract.entities import rule_candidates


# --- schools ------------------------------------------------------------------------------------------------------


def test_schools_in_full_and_short_before_a_school_post(shipped):
    """A teachers' paper on new principals: 한빛중학교 and 새솔여자고등학교 in full; 누리고 교장, 은하여중 교사로, 서울중앙고
    교감을, 태평여고·가람중 교장 (a ·-list of posts), 다온고와 한결대학교를 졸업했다 — schools, not the places 누리 or 서울.
    The short forms are also verb endings and "during": 말했고 교사들은, 과학고 교사, 수업중 교사 name no school."""
    text = ("한빛중학교 교장에 박정우 교사가 임명됐다. 새솔여자고등학교도 새 교장을 맞았다.\n"
            "김도윤 누리고 교장은 다온고와 한결대학교를 졸업했다. 그는 은하여중 교사로 교직에 들어섰고 서울중앙고 교감을 지냈다.\n"
            "이서연 교장은 교육부 연구관·태평여고 교장·가람중 교장을 거쳤다.\n"
            "교육청은 그렇게 말했고 교사들은 반발했다. 과학고 교사와 수업중 교사도 있었다.")
    orgs = names_of(shipped, text, "org")
    assert {"한빛중학교", "새솔여자고등학교", "누리고", "은하여중", "서울중앙고", "태평여고", "가람중", "다온고"} <= orgs, orgs
    assert not {"말했고", "과학고", "수업중"} & orgs, orgs
    places = names_of(shipped, text, "place")
    assert "서울" not in places, places


def test_principals_named_before_their_school_and_title(shipped):
    """김도윤 누리고 교장은, 정하람 한빛중학교 교장(58)은, 송지호 교장은: persons; the school between the name and 교장 is
    where, not who. 이로써 김 교장과 (a surname alone: the short form) and 가장 중요한 사람이 교장이다 name no one."""
    text = ("김도윤 누리고 교장은 취임했다. 정하람 한빛중학교 교장(58)은 교사 출신이다. 송지호 교장은 웃었다.\n"
            "이로써 김 교장과 정 교장은 함께 일한다. 학교에서 가장 중요한 사람이 교장이다.")
    people = names_of(shipped, text, "person")
    assert {"김도윤", "정하람", "송지호"} <= people, people
    assert not {"이로써", "사람이", "누리고"} & people, people


# --- performers -------------------------------------------------------------------------------------------------


def test_a_cast_listed_after_before_and_around_its_role_words(shipped):
    """A musical's casting news: 배우 한지율, 오세린, 문태경이 캐스팅됐다 (the list goes on after the first name), 서다은과 민해원
    배우가 번갈아 (names before 배우, one joined by 과), 뮤지컬 배우인 강이든도 (배우인), 극작가 윤소이, 연출가 차민재가, a deck's
    신작…도해준·권시안 주연 (a ·-list before 주연). 배우 출신인, 주연 배우가, 아역 배우와 name no one; a list stops at a word that
    is no name (배우 한지율, 오세린, 문태경이 캐스팅됐으며, 공연은)."""
    text = ("창작 신작…도해준·권시안 주연\n"
            "배우 한지율, 오세린, 문태경이 캐스팅됐으며, 공연은 다음 달 열린다. 서다은과 민해원 배우가 번갈아 연기한다.\n"
            "뮤지컬 배우인 강이든도 합류했다. 극작가 윤소이, 연출가 차민재가 참여했다. 배우 출신인 그는 주연 배우가 되었고 아역 배우와 "
            "함께 섰다.")
    people = names_of(shipped, text, "person")
    assert {"도해준", "권시안", "한지율", "오세린", "문태경", "서다은", "민해원", "강이든", "윤소이", "차민재"} <= people, people
    assert not {"출신인", "주연", "아역", "공연은", "캐스팅됐으며"} & people, people


# --- envoys to Korea ----------------------------------------------------------------------------------------------


def test_envoys_to_korea_and_their_countries_glued_to_the_post(shipped):
    """A foreign-ministry lunch: 안드레아 로시 벨리니 주한이탈리아대사, 사토 겐이치 주한일본대사, 코모 하니 주한 캐나다대사 — the
    whole transliterated name before 주한…대사 is one person, even where a word looks Korean (겐이치, 하니 after 코모); the
    country glued between 주한 and the post is a mention of it, and so is EU in 주한EU대표부 … 대사관. 한국인 and 영국산 stay
    no mention of a country; 주한미군 names no envoy."""
    text = ("오찬에는 안드레아 로시 벨리니 주한이탈리아대사, 사토 겐이치 주한일본대사, 코모 하니 주한 캐나다대사가 참석했다. "
            "주한EU대사관도 함께했다. 주한미군 관계자와 한국인 유학생, 영국산 차도 보였다.")
    found = mentions(shipped, text)
    people = {name for _, name, kind in found if kind == "person"}
    assert {"안드레아 로시 벨리니", "사토 겐이치", "코모 하니"} <= people, people
    assert not {"겐이치", "하니", "로시 벨리니"} & people, people
    written = [surface for surface, _, _ in found]
    assert {"이탈리아", "일본", "캐나다", "EU"} <= set(written), written
    assert "미군" not in written and "미" not in written, written


# --- clubs called by their towns ----------------------------------------------------------------------------------


def test_a_town_written_alone_on_a_page_naming_its_club_is_the_club(shipped):
    """A K League preview names 대전하나시티즌 and 강원FC once, then calls them 대전 and 강원 (대전은 승점 1점, 강원과의 홈개막전): those
    are the clubs, not the towns. A page with no club keeps the town (대전은 인구가), and a firm named after a town is no club
    (서울반도체 … 서울에서)."""
    text = ("대전하나시티즌은 16일 대전월드컵경기장에서 강원FC와 맞붙는다. 현재 대전은 승점 1점이다. 대전은 강원과의 홈개막전에서 이겼다.")
    found = mentions(shipped, text)
    assert [name for surface, name, _ in found if surface in ("대전", "강원")] == ["대전하나시티즌", "대전하나시티즌", "강원FC"], found
    assert [name for surface, name, _ in mentions(shipped, "대전은 인구가 늘었다.") if surface == "대전"] == ["대전"]
    city = mentions(shipped, "서울반도체는 서울에서 행사를 열었다.")
    assert ("서울", "서울", "place") in city, city


# --- wards, neighbourhoods and lot numbers ----------------------------------------------------------------------


def test_a_ward_before_its_neighbourhood_and_a_neighbourhood_before_its_lot_number(shipped):
    """A housing story: 강서구 화곡동 일대, 노원구 상계동의 재건축 단지 (a ward right before a neighbourhood: both places), 신월동
    634번지 일대, 영산동 757-1 (a neighbourhood before its lot number). 공동연구 활동, 지역구 이동, 자치구 운동 and 101동 1203호
    name no place."""
    text = ("강서구 화곡동 일대와 노원구 상계동의 재건축 단지가 주목받는다. 구는 신월동 634번지 일대를 정비한다. 사무소는 영산동 757-1에 있다.\n"
            "공동연구 활동이 늘었고 지역구 이동과 자치구 운동도 있었다. 그는 101동 1203호에 산다.")
    places = names_of(shipped, text, "place")
    assert {"강서구", "화곡동", "노원구", "상계동", "신월동", "영산동"} <= places, places
    assert not {"공동연구", "활동", "지역구", "이동", "자치구", "운동", "101동"} & places, places


def test_a_foreign_name_ending_in_a_surname_is_no_short_form(shipped):
    """젠슨 황 CEO stays a person (황 after a transliterated word is a name's last part, not a short form like 김 교장)."""
    assert "젠슨 황" in names_of(shipped, "엔비디아 젠슨 황 CEO가 기조연설을 했다.", "person")


# --- precision: words that looked like names ---------------------------------------------------------------------


def test_priests_regions_venues_and_kinds_of_hospital_are_no_bodies_or_people(shipped):
    """A parish priest's career (보좌신부, 주임신부), a weather story's region (경상서부지역), a festival's venue (축제 당일 행사장:
    사장 ends it, no president) and a hospital programme (연구중심병원 육성) name no body or person; 과학기술정보통신부 and 고용노동부
    stay ministries and 새봄경희대한방병원 is a hospital of that kind with its own name."""
    text = ("그는 중앙성당 보좌신부, 표선성당 주임신부를 지냈다. 호우 특보는 경상서부지역을 중심으로 내려졌다.\n"
            "축제 당일 행사장 일대는 통제된다. 정부는 연구중심병원 육성을 이어간다. 새봄경희대한방병원은 치료를 시작했다.\n"
            "과학기술정보통신부와 고용노동부는 협약을 맺었다.")
    got = {c.name: c.type for c in rule_candidates(article(text))}
    assert not {"보좌신부", "주임신부", "경상서부", "축제 당일", "연구중심병원"} & set(got), got
    assert got.get("새봄경희대한방병원") == "org", got
    orgs = names_of(shipped, text, "org")
    assert {"과학기술정보통신부", "고용노동부"} <= orgs, orgs


def test_a_quoted_event_glossed_in_english_is_the_event_not_the_verb_before_it(shipped):
    """서울 프레스센터에서 열린 ‘2024 세계언론인대회(World Media Congress 2024)’: the quote opens the name (열린 is the verb before
    it) and the English gloss ends in an event word — an event, not a person."""
    text = "장관은 서울 프레스센터에서 열린 ‘2024 세계언론인대회(World Media Congress 2024)’에 참석했다."
    got = {c.name: c.type for c in rule_candidates(article(text))}
    assert not any(name.startswith("열린") for name in got), got
    assert [t for name, t in got.items() if "세계언론인대회" in name or name == "World Media Congress"] in (["event"], ["event", "event"]), got


# --- parks, squares and halls --------------------------------------------------------------------------------------


def test_parks_squares_and_halls_by_their_suffix_but_not_their_kinds(shipped):
    """일산호수공원, 마치광장, 서구문화회관, 상의회관: places. 국립공원, 어린이공원, 중앙광장, 마을회관, 주민자치회관 and 문화회관 alone are
    kinds of park, square or hall."""
    text = ("축제는 일산호수공원과 마치광장에서 열렸고 시상식은 서구문화회관, 간담회는 상의회관에서 했다.\n"
            "국립공원과 어린이공원, 중앙광장, 마을회관, 주민자치회관, 문화회관도 붐볐다.")
    places = names_of(shipped, text, "place")
    assert {"일산호수공원", "마치광장", "서구문화회관", "상의회관"} <= places, places
    assert not {"국립공원", "어린이공원", "중앙광장", "마을회관", "주민자치회관", "문화회관"} & places, places


def test_a_doctor_named_before_department_and_title(shipped):
    """A hospital round-up: ▲하은서 산부인과 교수, ▲마도현 영상의학과 교수, 유시온 신경과 교수는 — persons (the department between
    name and 교수 is where they work). 학생과 교수 and 대학원생 정신과 교수 name no one."""
    text = ("발표는 ▲하은서 산부인과 교수 ‘진료 혁신’ ▲마도현 영상의학과 교수 ‘영상 판독’ 순이었다. 유시온 신경과 교수는 총평을 맡았다.\n"
            "많은 학생과 교수가 참석했다. 대학원생 정신과 교수도 왔다.")
    people = names_of(shipped, text, "person")
    assert {"하은서", "마도현", "유시온"} <= people, people
    assert not {"학생과", "대학원생", "많은"} & people, people


def test_a_comma_list_of_names_before_chulyeon(shipped):
    """주인 역할엔 남궁윤, 서하람이 출연한다: each a person; 시민, 학생이 출연한다 (not names) and 영화, 드라마에 출연 name no one."""
    text = "주인 역할엔 남궁윤, 서하람이 출연한다. 행사에는 시민, 학생이 출연한다. 그는 영화, 드라마에 출연했다."
    people = names_of(shipped, text, "person")
    assert {"남궁윤", "서하람"} <= people, people
    assert not {"시민", "학생이", "학생"} & people, people


def test_countries_joined_by_a_hyphen_to_a_partner(shipped):
    """한-G7 차원의 협력, 미-중 갈등, 한-아세안 회의: 한국, 미국 and 중국 are mentioned; 한-두 개 and 일-이등 are no countries."""
    found = [(surface, name) for surface, name, _ in mentions(shipped, "한-G7 차원의 협력과 미-중 갈등, 한-아세안 회의를 봤다. 한-두 개만 "
                                                                       "남았고 일-이등을 다퉜다.")]
    countries = [name for surface, name in found if surface in "한미일중"]
    assert countries == ["한국", "미국", "중국", "한국"], found


# --- ensembles, institutes, cooperatives ------------------------------------------------------------------------


def test_ensembles_institutes_and_cooperatives_by_suffix_also_quoted(shipped):
    """서울시뮤지컬단이, 국내 첫 단체 ‘새봄빛악단’의 맥을 (a closing quote and a particle after the name), 부산시교육연수원,
    bodies; 의정부농협 신곡지점 a local co-op, a company since round 16 (the lead's decision, set15's gold). 어린이합창단,
    시립교향악단, 지역농협 and 교육연수원 are kinds."""
    text = ("서울시뮤지컬단이 국내 첫 뮤지컬 단체 ‘새봄빛악단’의 맥을 잇는다. 연수는 부산시교육연수원에서 했고 행사는 의정부농협 신곡지점 앞에서 "
            "열렸다.\n어린이합창단과 시립교향악단이 공연했고 지역농협과 교육연수원도 참여했다.")
    orgs = names_of(shipped, text, "org")
    assert {"서울시뮤지컬단", "새봄빛악단", "부산시교육연수원"} <= orgs, orgs
    assert not {"어린이합창단", "시립교향악단", "지역농협", "교육연수원"} & orgs, orgs
    assert "의정부농협" in names_of(shipped, text, "company")


def test_chambers_of_commerce_written_short_after_their_city(shipped):
    """A business-delegation story: 오사카상의 회장, 대한·서울상의, 일본상의는: chambers. 상의를 벗고 and 상의했다 are a jacket and
    a talk; 신상의 (no known place before 상의) is none."""
    text = "다나카 켄지 오사카상의 회장과 대한·서울상의 관계자가 만났다. 일본상의는 환영했다. 그는 상의를 벗고 동료와 상의했다. 신상의 변화도 있었다."
    orgs = names_of(shipped, text, "org")
    assert {"오사카상의", "서울상의", "일본상의"} <= orgs, orgs
    assert not {"상의", "신상의"} & orgs, orgs


def test_a_two_syllable_name_before_a_workplace_and_title(shipped):
    """김솔 누리고 교장(사진 左)과, 박윤 한결대 교수, 최린 신경과 교수: a two-syllable name is safe when a school, university or
    department stands between it and the title. Without one it stays unnamed (허용 기준, 이번 교장은), and 신임 누리고 교장 names
    no one."""
    text = ("김솔 누리고 교장(사진 左)과 박윤 한결대 교수, 최린 신경과 교수가 참석했다. 허용 기준은 바뀌었다. 이번 교장은 신임 누리고 교장이다.")
    people = names_of(shipped, text, "person")
    assert {"김솔", "박윤", "최린"} <= people, people
    assert not {"허용", "이번", "신임"} & people, people


def test_a_japanese_adviser_and_a_chairmans_other_post_in_brackets(shipped):
    """기무라 다카히로 미나토상사 상담역(나고야상의 회장): 상담역 is a Japanese firm's senior adviser's title; in 다나카 켄지 오사카상의
    회장(도요다 상담역) the bracket is the chairman's other post, so 도요다 (shaped like a Korean name) is his firm, no person. A
    committee head's bracket still names the member (과방위원회 위원장(한서진 의원)은)."""
    text = ("기무라 다카히로 미나토상사 상담역(나고야상의 회장)이 왔다. 다나카 켄지 오사카상의 회장(도요다 상담역)도 왔다. "
            "국회 과방위원회 위원장(한서진 의원)은 환영했다.")
    people = names_of(shipped, text, "person")
    assert {"기무라 다카히로", "한서진"} <= people, people
    assert "도요다" not in people, people


# --- bad input ------------------------------------------------------------------------------------------------------



@pytest.mark.parametrize("text", [
    "김걸 용산고 교장, " * 10_000,  # schools, principals and two-syllable names
    "오현고와 " * 50_000 + "세중대학교를 졸업했다",  # schools joined by 와 far from the verb
    "·".join(["조형균"] * 100_000) + " 주연",  # a cast joined by dots, far past the ten the rule reads
    ", ".join(["성종완"] * 100_000) + "이 출연한다",  # a cast joined by commas
    "배우 " + ", ".join(["김재범"] * 50_000) + "이",  # a cast after its role word
    "전미도와 이지숙 배우가 " * 20_000,  # names before a role word
    "필립 골드버그 주한미국대사, " * 10_000,  # envoys and their countries
    "대전하나시티즌 대전은 " * 20_000,  # a club and its town
    "양천구 목동 은천동 634번지 " * 10_000,  # wards, neighbourhoods, lot numbers
    "서울상의 오사카상의 " * 20_000,  # chambers
    "한-G7 미-중 " * 25_000,  # hyphened countries
    "조금준 산부인과 교수 " * 10_000,  # doctors and departments
    "회장(도시바 상담역) " * 10_000,  # a chairman's other post
    "‘예그린악단’의 " * 20_000,  # quoted bodies
    "열린 ‘2018 세계기자대회(World Journalists Conference 2018)’ " * 5_000,  # quoted events with an English gloss
    "보건사회부장관상 국방부장관은 " * 10_000,  # ministries glued to their minister
], ids=["schools", "school-verb", "dot-cast", "comma-cast", "role-list", "role-after", "envoys", "clubs", "addresses",
        "chambers", "hyphens", "departments", "other-post", "quoted-body", "glossed-event", "ministries"])
def test_round8_rules_stay_linear_on_hostile_text(shipped, text):
    start = cpu()
    found = mentions(shipped, text)
    assert cpu() - start < ceiling(3.0) and found is not None


def test_round8_cleaning_stays_linear_on_hostile_text():
    from store.ingest.clean import clean
    from store.model import Document

    # Linear: ten times the lines cost about ten times the CPU (a quadratic pass would cost a hundred). Measured as a
    # ratio, not against a fixed ceiling: 35,000 lines took 2.6-3.2 CPU-s on a slower machine, beside a 3 s ceiling.
    def cpu_of(repeats: int) -> float:
        text = "\n".join(["홍길동 기자 2022.06.23 17:09 카카오톡 네이버블로그 페이스북 트위터", "출처", "외교부", "배너",
                          "헬스케어입력 :2022/11/14 10:28", "▲ 왼쪽부터 홍길동 교장", "정치/사회 기사"] * repeats)
        start = cpu()
        clean(Document(source="t.txt", text=text, kind="text", meta={}))
        return cpu() - start

    small, large = cpu_of(500), cpu_of(5_000)  # 3,500 and 35,000 lines
    assert large < 30 * max(small, 0.05), (small, large)


def test_a_ministry_glued_to_its_ministers_title_or_award(shipped):
    """보건사회부장관상 등을 받았다, 교육인적자원부장관 표창, 국방부장관은: the ministry is mentioned through its glued minister's title
    or award. 장관급 회담 is a rank; 본부장관리 and 사업본부장관 are no ministries."""
    text = "그는 보건사회부장관상 등을 받았고 교육인적자원부장관 표창도 받았다. 국방부장관은 장관급 회담에 나섰다. 사업본부장관리 업무도 봤다."
    orgs = [name for surface, name, kind in mentions(shipped, text) if kind == "org"]
    assert {"보건사회부", "교육인적자원부", "국방부"} <= set(orgs), orgs
    assert not any(name.endswith("본부") for name in orgs), orgs
