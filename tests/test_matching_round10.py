"""Round-10 rules of issue 11, each on Korean text written for it in a news style: what the rules propose for an
article and where the matcher then finds it (the two steps indexing runs), with the shipped alias file."""
from __future__ import annotations

from test_matching import all_names, mentions, names_of, shipped  # noqa: F401 (shipped is a fixture)


# --- newspapers and investors by the word that ends their name ------------------------------------------------------


def test_papers_and_investors_named_by_their_ending(shipped):
    """A regional weekly's story: 한빛신문과, 동해일보가, 주간솔내신문사는 (a paper's name ends in 신문, 일보, 신문사), 누리인베스트먼트,
    바다창업투자 (investors). 지역신문, 인터넷신문 (kinds of paper), 증인신문 (a court's questioning) and 진일보한 (a step
    forward) name nothing."""
    text = ("한빛신문과 동해일보가 올해 우선지원대상사로 뽑혔다. 주간솔내신문사는 3년 연속이다. 누리인베스트먼트는 바다창업투자와 "
            "함께 투자했다.\n지역신문과 인터넷신문의 역할이 커졌다는 평가다. 법정에서는 증인신문이 이어졌다. 진일보한 결과다.")
    companies = names_of(shipped, text, "company")
    assert {"한빛신문", "동해일보", "주간솔내신문사", "누리인베스트먼트", "바다창업투자"} <= companies, companies
    assert not {"지역신문", "인터넷신문", "증인신문", "진일보"} & all_names(shipped, text)


def test_a_papers_masthead_and_share_row_are_no_mention(shipped):
    """A scraped page opens with the paper's name alone on a line and its share row (한빛신문 페이스북한빛신문 유튜브): no
    entity there; the same name in a sentence of the story is one."""
    chrome = "한빛신문\n한빛신문 페이스북한빛신문 유튜브\n가수 박지훈이 새 앨범을 냈다."
    assert not {"한빛신문", "페이스북한빛신문"} & all_names(shipped, chrome)
    story = "가수 박지훈이 새 앨범을 냈다고 동해일보가 전했다."
    assert "동해일보" in names_of(shipped, story, "company")


# --- a list of firms closed by 등 and a count of firms -----------------------------------------------------------------


def test_items_of_a_list_counted_as_firms_are_companies(shipped):
    """인솔, 바로소프트, 위벤처스 등 13개사 (each a firm, whatever its name ends in), 남해시대. 한려투데이 등 지역 주간지 10개사
    (a list written with full stops), 동남신문과 서진일보, 새온뉴스 등 일간지 4곳 (the first two joined by 과). Not firms:
    반도체와 배터리 등 관련 기업 (kinds of business), 배달 종사자 등이 플랫폼 업체로부터 (the list ends at its particle),
    서울, 부산 등 5곳 (places), 대기업, 중견기업 등 500개 기업 (kinds of firm), 한솔, 도이치 누리콤 등 32개 기업 and 기아, LG CNS
    등 (the last item is the second word of a two-word name: 누리콤 and CNS alone are no firm)."""
    text = ("행사에는 인솔, 바로소프트, 위벤처스 등 13개사가 참여했다. 선정된 곳은 남해시대. 한려투데이 등 지역 주간지 10개사와 "
            "동남신문과 서진일보, 새온뉴스 등 일간지 4곳이다.\n"
            "반도체와 배터리 등 관련 기업이 올랐다. 배달 종사자 등이 플랫폼 업체로부터 불이익을 받았다. 서울, 부산 등 5곳에서 "
            "열렸고 대기업, 중견기업 등 500개 기업이 참여했다. 행사에는 한솔, 도이치 누리콤 등 32개 기업과 기아, LG CNS 등 100개 "
            "기업이 참가했다.")
    companies = names_of(shipped, text, "company")
    assert {"인솔", "바로소프트", "위벤처스", "남해시대", "한려투데이", "동남신문", "서진일보", "새온뉴스"} <= companies, companies
    assert not {"반도체", "배터리", "종사자", "중견기업", "대기업", "누리콤", "CNS"} & companies, companies
    assert "서울" not in companies


# --- heads of places written apart from the name -------------------------------------------------------------------


def test_a_county_head_governor_or_mayor_with_nim_written_apart(shipped):
    """황보민 군수는, 김도윤 도지사가, 정하람 교육감이, 윤서진 시장님과 (님: a mayor, never a market); 방위 군수 산업 (military
    supply) and 반도체 시장 (a market) name no one."""
    text = ("황보민 군수는 축제를 연다고 밝혔다. 김도윤 도지사가 축사를 했고 정하람 교육감이 참석했다. 윤서진 시장님과 공직자 "
            "여러분께 감사드린다.\n방위 군수 산업이 커졌다. 반도체 시장은 회복세다.")
    people = names_of(shipped, text, "person")
    assert {"황보민", "김도윤", "정하람", "윤서진"} <= people, people
    assert not {"방위", "반도체"} & people, people


# --- ages, withheld names and menu counts --------------------------------------------------------------------------


def test_a_withheld_name_or_a_menu_count_is_no_age(shipped):
    """이모(44)씨 (a name withheld), 경제(31) alone on its line (a search page's count of stories): no person; 한소율(45)은
    is one."""
    text = "통합검색(222)\n경제(31)\n오클랜드 법원은 이모(44)씨에게 종신형을 선고했다. 한소율(45)은 증언했다."
    people = names_of(shipped, text, "person")
    assert "한소율" in people
    assert not {"이모", "경제"} & people, people


# --- courts ------------------------------------------------------------------------------------------------------------


def test_a_foreign_court_is_named_with_its_city_and_a_bench_is_none(shipped):
    """오클랜드 고등법원은 (a transliterated city names the court), 인정하지 않아재판부는 (a heading glued to the next sentence:
    재판부 is the bench), 고등법원이 alone (a kind of court)."""
    text = ("오클랜드 고등법원은 종신형을 선고했다. 법원은 심신미약 인정하지 않아재판부는 범행의 중대성을 지적했다. "
            "사건은 고등법원이 다시 맡는다.")
    orgs = names_of(shipped, text, "org")
    assert "오클랜드 고등법원" in orgs, orgs
    assert not {"않아재판부", "고등법원", "재판부"} & orgs, orgs


# --- bodies glued to their head's title ------------------------------------------------------------------------------


def test_an_institute_or_centre_glued_to_its_heads_title(shipped):
    """한빛보건연구원장은, 동해지역암센터장 (the body is named); 기아 디자인센터장 and 이하윤 로봇수술센터장 (a unit of the firm
    or hospital the story names), 주민센터장 (any district's) name none."""
    text = ("최서연 신임 한빛보건연구원장은 취임했다. 그는 동해지역암센터장 등을 맡았다.\n"
            "카림 하비브 기아 디자인센터장은 말했다. 수술은 이하윤 로봇수술센터장이 집도했다. 주민센터장이 참석했다.")
    orgs = names_of(shipped, text, "org")
    assert {"한빛보건연구원", "동해지역암센터"} <= orgs, orgs
    assert not {"디자인센터", "로봇수술센터", "주민센터"} & orgs, orgs


# --- events after their edition, works in angle brackets ------------------------------------------------------------


def test_an_event_after_its_edition_and_a_show_in_angle_brackets(shipped):
    """제1회 솔내농업인 한마음 축제를 (the festival, without its edition), 뮤지컬 <한글 1443> (a show in angle brackets);
    제3회 대회를 앞두고 열린 축제 is two phrases, and 제2회 축제 alone names no festival."""
    text = ("군은 제1회 솔내농업인 한마음 축제를 연다. 뮤지컬 <한글 1443> 제작진은 비를 걱정했다. <한글 1443>은 매진됐다.\n"
            "제3회 대회를 앞두고 열린 축제는 조용했다. 제2회 축제가 열렸다.")
    names = all_names(shipped, text)
    assert "솔내농업인 한마음 축제" in names_of(shipped, text, "event"), names
    assert "한글 1443" in names_of(shipped, text, "product"), names
    assert not {"대회를 앞두고 열린 축제", "축제"} & names, names


# --- foreign players after their position --------------------------------------------------------------------------


def test_foreign_players_listed_after_their_position_with_or_without_a_club(shipped):
    """LG 트윈스의 타자 토미 조셉, 투수 케이시 켈리 (조셉: 셉 is a loanword syllable; the list goes on past the second position
    word), 그리고 투수 드류 루친스키와 (no club before the position: every word of the name is transliterated). 투수 교체
    타이밍은 and 투수 스트레칭 시간이다 name no one."""
    text = ("LG 트윈스의 타자 토미 조셉, 투수 케이시 켈리, kt 위즈의 투수 라울 알칸타라가 왔다. 그리고 투수 드류 루친스키와 "
            "에디 버틀러 역시 새 얼굴이다.\n투수 교체 타이밍은 늦었다. 투수 스트레칭 시간이다.")
    people = names_of(shipped, text, "person")
    assert {"토미 조셉", "케이시 켈리", "드류 루친스키"} <= people, people
    assert not {n for n in people if "교체" in n or "스트레칭" in n}, people


# --- firm endings, a place that opens a body's name, dated sources, new alias-file entries -------------------------


def test_plural_firm_endings_and_a_place_opening_a_bodys_name(shipped):
    """그 중 로체시스템즈는, 미래시스템즈와 (미래 is a generic stem for 산업, not for a plural firm ending), DL이앤씨;
    무주 사진가협회의 and 경남도 지역신문발전위원회는 (a known place written before the body is part of its name: 무주 for
    무주군, 경남도 for 경상남도), while 사진가협회 alone is no second entity."""
    text = ("그 중 로체시스템즈는 목표주가를 새로 받았다. 미래시스템즈와 DL이앤씨도 올랐다.\n"
            "무주 사진가협회의 특별전시회가 열린다. 경남도 지역신문발전위원회는 10개사를 골랐다.")
    companies = names_of(shipped, text, "company")
    assert {"로체시스템즈", "미래시스템즈", "DL이앤씨"} <= companies, companies
    orgs = names_of(shipped, text, "org")
    assert {"무주 사진가협회", "경남도 지역신문발전위원회"} <= orgs, orgs
    assert not {"사진가협회", "지역신문발전위원회"} & orgs, orgs


def test_a_dated_source_is_named_and_generic_sources_are_not(shipped):
    """23일 부동산누리에 따르면, 8일 한빛통신에 따르면 (the day a firm or agency told it); 18일 업계에 따르면, 2일 관련업계에
    따르면, 8일 구에 따르면 and 12일 김하늘에 따르면 (a person: no title says so) name no firm."""
    text = ("23일 부동산누리에 따르면 분양이 늘었다. 8일 한빛통신에 따르면 두 사람이 만났다. 18일 업계에 따르면 수요가 컸다. "
            "2일 관련업계에 따르면 값이 올랐다. 8일 구에 따르면 민원이 늘었다. 12일 김하늘에 따르면 그는 떠났다.")
    companies = names_of(shipped, text, "company")
    assert {"부동산누리", "한빛통신"} <= companies, companies
    assert not {"업계", "관련업계", "구", "김하늘"} & all_names(shipped, text)


def test_new_alias_file_places_and_bodies(shipped):
    """워싱턴DC (Washington with its district), 경복궁 근정전 (a palace named bare), 국가안보실 2차장 (the security office)."""
    text = "그는 미국 워싱턴DC 백악관에서 회동했다. 뮤지컬은 경복궁 근정전에서 열렸다. 김현종 전 국가안보실 2차장이 방미했다."
    got = {(name, kind) for _, name, kind in mentions(shipped, text)}
    assert {("워싱턴", "place"), ("경복궁", "place"), ("국가안보실", "org")} <= got, got
