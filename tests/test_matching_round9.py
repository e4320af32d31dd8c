"""Round-9 rules of issue 11, each on Korean text written for it in a news style: what the rules propose for an
article and where the matcher then finds it (the two steps indexing runs), with the shipped alias file."""
from __future__ import annotations

from cpu_budget import ceiling
from test_matching import mentions, names_of, shipped  # noqa: F401 (shipped is a fixture)


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


# --- 씨 after a name --------------------------------------------------------------------------------------------------


def test_a_name_with_ssi_glued_or_spaced_is_a_person(shipped):
    """A science desk's story on two graduate students: 배수민씨(박사과정), 윤하진 씨가, 표지에는 배수민·윤하진씨 (a headline's
    ·-pair). 씨앗을 뿌린, 씨름 선수, 마음씨 고운, 김 씨 (a surname alone) name no one."""
    text = ("배수민·윤하진씨 학술지 표지 장식\n"
            "연구원에서 공부하는 배수민씨(박사과정)는 지난달 논문을 냈다. 윤하진 씨가 공동 저자다.\n"
            "연구는 씨앗을 뿌린 셈이다. 씨름 선수 출신 김 씨도 마음씨 고운 동료라고 말했다.")
    people = names_of(shipped, text, "person")
    assert {"배수민", "윤하진"} <= people, people
    assert not {"씨앗", "씨름", "마음씨", "마음", "뿌린"} & people, people


# --- quoted workshops, contests and prizes ------------------------------------------------------------------------


def test_quoted_workshops_contests_and_prizes_with_their_edition_are_events(shipped):
    """An awards notice: ‘제5회 푸른하늘환경대상’과 ‘2025 청년창업대상’ (prizes, named without edition and year), 「제12회 2025
    한빛 커뮤니케이션대상」 (corner brackets), '한빛대 국제 배터리 소재 워크숍' in the body and '국제 배터리 소재 워크숍' in the deck
    (one event: the host's word in front is not another), a seven-word quoted contest with its edition. ‘지원 대상’ (who gets
    help) and ‘우수 사례 대상’ without an edition are no events."""
    text = ("한빛대, '국제 배터리 소재 워크숍' 열어\n"
            "한빛언론인회는 ‘제5회 푸른하늘환경대상’과 ‘2025 청년창업대상’ 시상식을 연다. 「제12회 2025 한빛 커뮤니케이션대상」도 열렸다.\n"
            "한빛대는 '한빛대 국제 배터리 소재 워크숍'을 개최했다. ‘제3회 어린이 과학 글짓기 및 그림 그리기 대회’도 있었다.\n"
            "구청은 ‘지원 대상’을 넓히고 ‘우수 사례 대상’을 뽑는다.")
    found = mentions(shipped, text)
    events = {name for _, name, kind in found if kind == "event"}
    assert {"푸른하늘환경대상", "청년창업대상", "한빛 커뮤니케이션대상", "어린이 과학 글짓기 및 그림 그리기 대회"} <= events, events
    workshops = {name for _, name, kind in found if kind == "event" and name.endswith("워크숍")}
    assert workshops == {"국제 배터리 소재 워크숍"}, workshops
    assert not {"지원 대상", "우수 사례 대상"} & events, events


# --- foreign ministers written after their country ----------------------------------------------------------------


def test_foreign_ministers_named_before_their_country_and_title(shipped):
    """A Tokyo correspondent's story: 하야시 다카오 일본 외무상이 (a Japanese minister's title), later 하야시 외무상은 (the same
    man, not a Korean 하야시), 마르코 루비니 미 국무장관과는 (a one-syllable country between). 지난주 루비니 미국 국무장관 leaves
    지난주 alone (no loanword or Japanese shape in it)."""
    text = ("하야시 다카오 일본 외무상이 1일 기자회견을 했다. 하야시 외무상은 마르코 루비니 미 국무장관과는 자주 통화한다고 했다.\n"
            "지난주 루비니 미국 국무장관이 도쿄를 찾았다.")
    people = names_of(shipped, text, "person")
    assert {"하야시 다카오", "마르코 루비니"} <= people, people
    assert not {"하야시", "지난주"} & people, people


# --- researchers, spaced middle dots and journals -----------------------------------------------------------------


def test_researchers_by_department_and_degree_spaced_dot_lists_and_journals(shipped):
    """A research desk's story: 한서윤 화학생명공학과 박사가 (a department between the name and 박사; later 한 박사는), 문재윤 ·
    오하람 교수 (a middle dot with spaces joins names), 재료 학술지 '나노 머티리얼 레터스'의 (a journal after the word for one).
    박사과정 학생, 생명과학부 학생들, 박사 학위를 name no one (the story opens with a headline: quotes there are wordplay)."""
    text = ("화학 신진 연구자 학술지 부편집장에\n"
            "한서윤 화학생명공학과 박사가 부편집장에 임명됐다. 한 박사는 박사과정 학생 때부터 재료 학술지 '나노 머티리얼 레터스'의 "
            "심사를 맡았다.\n"
            "공동 연구자인 문재윤 · 오하람 교수도 생명과학부 학생들과 함께 박사 학위를 받은 제자들을 지도했다.")
    found = mentions(shipped, text)
    people = {name for _, name, kind in found if kind == "person"}
    assert {"한서윤", "문재윤", "오하람"} <= people, people
    assert not {"박사과정", "생명과학부", "박사"} & people, people
    assert ("나노 머티리얼 레터스", "product") in {(name, kind) for _, name, kind in found}, found


def test_a_bracketed_photo_line_up_names_people_and_their_universities(shipped):
    """A caption: 참석자들.(왼쪽부터 윤다솜 한빛대 교수, 레오 마틴 버클리대 교수, 에밀리 카터 토론토대 교수) — the bracket is taken
    out of the words the rules read, so the line-up is read on its own; a bracket of plain words ((왼쪽부터 차례로 입장)) names no one."""
    text = ("워크숍에 참석한 에디터들.(왼쪽부터 윤다솜 한빛대 교수, 레오 마틴 버클리대 교수, 에밀리 카터 토론토대 교수)\n"
            "행사는 순서대로 진행됐다(왼쪽부터 차례로 입장).")
    found = mentions(shipped, text)
    people = {name for _, name, kind in found if kind == "person"}
    assert {"윤다솜", "레오 마틴", "에밀리 카터"} <= people, people
    assert not {"차례로", "입장"} & people, people
    orgs = {name for _, name, kind in found if kind == "org"}
    assert {"한빛대", "토론토대"} <= orgs, orgs


# --- a firm between a name and its head's title --------------------------------------------------------------------


def test_the_word_between_a_korean_name_and_a_firms_title_is_the_firm(shipped):
    """A press-awards story: 공로상은 하민준 새벽경제 대표, 도윤서 바른신문 대표와 추서진 라온스 회장이 받았다 — each name's firm is
    a company. 김하나 상임 대표, 이두리 공동 대표, 박세나 전 대표 (a kind of head or a former one) name no firm."""
    text = ("공로상은 하민준 새벽경제 대표, 도윤서 바른신문 대표와 추서진 라온스 회장이 받았다.\n"
            "시민단체는 김하나 상임 대표와 이두리 공동 대표가 이끈다. 박세나 전 대표도 참석했다.")
    found = mentions(shipped, text)
    companies = {name for _, name, kind in found if kind == "company"}
    assert {"새벽경제", "바른신문", "라온스"} <= companies, companies
    assert not {"상임", "공동", "전"} & companies, companies
    people = {name for _, name, kind in found if kind == "person"}
    assert {"하민준", "도윤서", "추서진", "김하나", "이두리", "박세나"} <= people, people


def test_an_envoy_whose_country_is_written_before_juhan(shipped):
    """아지즈 카리모프조다 우즈베키스탄 주한대사 (the country before 주한, and a transliterated word ending in 다), 필립 골드버그
    주한미국대사 (the round-8 form) are people; 그동안 is not part of a name."""
    text = "행사에는 아지즈 카리모프조다 우즈베키스탄 주한대사, 그동안 필립 골드버그 주한미국대사가 참석했다."
    people = names_of(shipped, text, "person")
    assert {"아지즈 카리모프조다", "필립 골드버그"} <= people, people
    assert not any("그동안" in p for p in people), people


def test_a_game_against_a_two_word_club_is_a_mention_of_the_club(shipped):
    """두산 베어스전을 앞두고, KIA 타이거즈전에서: 전 (a game against) glued after a club of two words is the club, not the group
    두산 alone; 삼성전자 stays Samsung Electronics."""
    text = "감독은 17일 두산 베어스전을 앞두고 말했다. 전날 KIA 타이거즈전에서 졌다. 삼성전자는 후원사다."
    found = {(name, kind) for _, name, kind in mentions(shipped, text)}
    names = {name for name, _ in found}
    assert {"두산 베어스", "KIA 타이거즈", "삼성전자"} <= names, found
    assert "두산" not in names, found


def test_a_new_prime_minister_after_the_country_is_no_village(shipped):
    """일본 신임총리가 (총리 ends like 리, a village): no place 신임총리; 배방읍 공수리 is still one."""
    text = "다카하시 미나코 일본 신임총리가 회견을 했다. 충남 아산시 배방읍 공수리 주민들도 지켜봤다."
    places = names_of(shipped, text, "place")
    assert "신임총리" not in places, places
    assert "공수리" in places, places


def test_courts_and_the_press_centre_are_known(shipped):
    """대법원 판결, 헌재 결정 (the court's short name), 한국프레스센터 국제회의장에서 and 프레스센터에서: the alias file knows them."""
    text = "대법원 판결 이후 헌재 결정도 나왔다. 시상식은 한국프레스센터 국제회의장에서 열렸고 기자회견은 프레스센터에서 했다."
    found = {(name, kind) for _, name, kind in mentions(shipped, text)}
    assert {("대법원", "org"), ("헌법재판소", "org"), ("한국프레스센터", "place")} <= found, found


def test_quoted_titles_listed_after_the_first_are_the_same_kind(shipped):
    """국제학술지 '나노 레터스 코리아', '배터리 리뷰' 등에: the second quoted title in the list is a journal too; '좋은 날', '나쁜
    날'을 말했다 (no work word before the first) names nothing."""
    text = ("과학 인재 부편집장에\n"
            "그는 국제학술지 '나노 레터스 코리아', '배터리 리뷰' 등에 논문을 냈다. 그는 '좋은 날', '나쁜 날'을 말했다.")
    products = names_of(shipped, text, "product")
    assert {"나노 레터스 코리아", "배터리 리뷰"} <= products, products
    assert not {"좋은 날", "나쁜 날"} & products, products


# --- Japanese names without a title -------------------------------------------------------------------------------


def test_a_japanese_name_without_a_title(shipped):
    """A golf round-up: 2위 후지타 사키코를 2타 차로 (a Japanese family and given name, no title, a particle after it). 투수 케이시와,
    시즌 루키인 안나경은, 도요타와 한미반도체 (words of the sentence in the same syllables) name no Japanese person."""
    text = ("최종합계 11언더파로 2위 후지타 사키코를 2타 차로 따돌렸다. 투수 케이시와 시즌 루키인 안나경은 공동 6위였다.\n"
            "후원사는 도요타와 한미반도체다.")
    people = names_of(shipped, text, "person")
    assert "후지타 사키코" in people, people
    assert not {"투수 케이시", "시즌 루키인", "도요타와 한미반도체"} & people, people


def test_a_society_glued_to_its_heads_title(shipped):
    """A professor's profile: 한빛정치학회장, 한국선거연구학회장 등을 역임했다; 한빛문인협회장을 받았다 — each society is named (and
    found through the glued 장). 시장을, 공장장은 name no body."""
    text = "그는 한빛정치학회장, 한국선거연구학회장 등을 역임했다. 서연우 시인이 한빛문인협회장을 받았다. 공장장은 시장을 찾았다."
    orgs = names_of(shipped, text, "org")
    assert {"한빛정치학회", "한국선거연구학회", "한빛문인협회"} <= orgs, orgs
    assert not {"공장", "공장장", "시장"} & orgs, orgs


def test_ten_thousand_quoted_events_stay_linear():
    """A page of 10,000 quoted festivals, each with and without its host's word: each pair is found with one look-up, and each
    group's name once (comparing every pair, or every pair for every group, was minutes of CPU)."""
    import time

    from store.extract.entities import rule_candidates
    from test_matching import article

    text = "".join(f"'한빛 행사{i} 축제', '행사{i} 축제', " for i in range(10_000)) + "열렸다."
    started = time.process_time()
    found = rule_candidates(article(text))
    assert time.process_time() - started < ceiling(8)
    assert len([c for c in found if c.type == "event"]) == 10_000  # each festival once, its host's form an alias
