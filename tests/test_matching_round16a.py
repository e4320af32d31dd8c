"""Round-16 rules of issue 11 for firms, bodies, products and events (helper ents16a), on Korean text written for each
rule in a news style (particles, spacing variants): what indexing finds, with the shipped alias file; negative cases
beside each, and hostile inputs that must index in seconds."""
from __future__ import annotations

from pathlib import Path

from cpu_budget import ceiling
from test_matching import cpu, mentions, names_of, shipped  # noqa: F401 (shipped is a fixture)

from store.api import Index
from store.db import connect
from store.extract.short_names import party_short_names
from store.indexer import index_paths


def _index(tmp_path: Path, articles: dict[str, str]) -> Index:
    corpus = tmp_path / "news"
    corpus.mkdir()
    for name, text in articles.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    db = connect(tmp_path / "i.db", create=True)
    index_paths(db, [corpus], workers=0)
    db.close()
    return Index.open(tmp_path / "i.db")


def _names_in(index: Index, title: str) -> set[str]:
    by_title = {a.title: a.id for a in index.articles()}
    return {name for _, _, eid, _, _ in index.mentions_in(by_title[title], part=None)
            for (name,) in index.db.execute("SELECT name FROM entities WHERE id = ?", [eid])}


# --- a party written short beside its full name ------------------------------------------------------------------------


def test_a_partys_short_name_beside_its_full_name_is_the_party(tmp_path):
    """더불어민주당 … 민주당은: one party; 민주당 written alone (a 2011 story, or beside 한나라당) stays its own entity."""
    index = _index(tmp_path, {
        "a": "지방선거 공약\n\n더불어민주당 오세현 후보는 공약을 발표했다. 민주당은 이날 10대 정책을 내놨다.\n",
        "b": "원포인트 본회의\n\n안민석 민주당 의원이 발의한 법안이 한나라당의 반대로 부결됐다.\n",
        "c": "민주당 전략 회의\n\n국민의힘과 더불어민주당의 지도부가 만났다.\n",
    })
    try:
        got_a = _names_in(index, "지방선거 공약")
        assert "더불어민주당" in got_a and "민주당" not in got_a
        got_b = _names_in(index, "원포인트 본회의")
        assert "민주당" in got_b and "더불어민주당" not in got_b
        got_c = _names_in(index, "민주당 전략 회의")  # the headline's short name joins the body's full name
        assert "민주당" not in got_c and "더불어민주당" in got_c
    finally:
        index.close()


def test_party_short_names_need_one_longer_party():
    kinds = {1: "org", 2: "org", 3: "org", 4: "company"}
    assert party_short_names([(1, "더불어민주당"), (2, "민주당")], kinds) == {2: 1}
    assert party_short_names([(1, "더불어 민주당"), (2, "민주당")], kinds) == {2: 1}
    # two longer parties ending in it: no choice; a firm is no party; nothing longer: nothing
    assert party_short_names([(1, "더불어민주당"), (3, "새천년민주당"), (2, "민주당")], kinds) == {}
    assert party_short_names([(4, "더불어민주당"), (2, "민주당")], kinds) == {}
    assert party_short_names([(2, "민주당"), (3, "공화당")], kinds) == {}


def test_many_party_names_join_linearly():
    kinds = {i: "org" for i in range(100_001)}
    rows = [(i, "가" * (i % 40 + 1) + f"{i}당") for i in range(100_000)] + [(100_000, "민주당")]
    start = cpu()
    party_short_names(rows, kinds)
    assert cpu() - start < ceiling(5)


# --- festivals: the town's name in front, a phrase quoted ----------------------------------------------------------------


def test_a_festival_with_and_without_its_town_is_one_event(shipped):
    """양구곰취나물축제 … 곰취나물축제와: one event, named in full; 곰취나물축제 alone elsewhere is its own."""
    text = ("2019 양구곰취나물축제가 5일 개막했다. 양구곰취나물축제는 23일간 열린다.\n"
            "조인묵 군수는 “지역구에 곰취나물축제와 같은 세계적인 축제가 있다”고 말했다.")
    got = mentions(shipped, text)
    assert {n for _, n, k in got if k == "event"} == {"양구곰취나물축제"}
    assert [w for w, n, k in got if n == "양구곰취나물축제"][-1] == "곰취나물축제"
    assert names_of(shipped, "올해 곰취나물축제는 취소됐다. 곰취나물축제 대신 캠핑장이 열렸다.", "event") == {"곰취나물축제"}
    # a firm's name is no town: 삼성곰취나물축제 and 곰취나물축제 stay apart
    assert names_of(shipped, "삼성곰취나물축제와 곰취나물축제가 열렸다.", "event") == {"삼성곰취나물축제", "곰취나물축제"}


def test_a_town_before_its_festival_is_part_of_the_name(shipped):
    """홍천 맥주축제엔: the festival, with no 홍천 of its own; a kind of festival after a town names none."""
    got = mentions(shipped, "홍천 맥주축제엔 13만 명이 다녀갔다. 양구 곰취축제가 열린다.")
    assert {n for _, n, k in got if k == "event"} == {"홍천 맥주축제", "양구 곰취축제"}
    assert not [n for _, n, k in got if k == "place"]
    for text in ["강원 겨울축제가 취소됐다.", "홍천 지역축제에 사람이 몰렸다.", "홍천의 맥주축제엔 사람이 몰렸다.", "홍천. 맥주축제엔 갔다."]:
        assert names_of(shipped, text, "event") == set(), text


def test_a_quoted_phrase_ending_in_an_event_word_is_no_event(shipped):
    """최문순 군수 “모두가 만들어가는 축제”: a clause quoted; ‘2019 화천산천어축제’ and ‘K-테크 쇼케이스’ stay events."""
    text = "‘2019 화천산천어축제’ 개막.. 최문순 군수 “모두가 만들어가는 축제”\n화천산천어축제가 5일 개막했다."
    assert names_of(shipped, text, "event") == {"화천산천어축제"}
    assert names_of(shipped, "회사는 ‘함께 여는 미래 포럼’을 열었다.", "event") == set()
    assert names_of(shipped, "회사는 ‘K-테크 쇼케이스’를 열었다.", "event") == {"K-테크 쇼케이스"}


def test_many_festivals_pair_linearly(shipped):
    text = " ".join(f"화천 {'가나다라마바'[i % 6]}{i}축제와 {'가나다라마바'[i % 6]}{i}축제" for i in range(5_000))
    start = cpu()
    mentions(shipped, text)
    assert cpu() - start < ceiling(20)


# --- army units ----------------------------------------------------------------------------------------------------------


def test_numbered_army_units_are_bodies(shipped):
    """3사단이, 3사단은, 2군단장, 27사단장이 (the head's title glued), 제7함대가: orgs named as written, without 제."""
    text = ("이날 3사단이 주최하는 신병수료식이 열렸다. 3사단은 매년 협업한다.\n"
            "김덕수 2군단장, 허강수 27사단장 등이 참석했다. 허강수 27사단장이 축사를 했다. 미 해군 제7함대가 입항했다.")
    got = mentions(shipped, text)
    assert [w for w, n, k in got if k == "org"] == ["3사단", "3사단", "2군단", "27사단", "27사단", "7함대"]
    assert {n for _, n, k in got if k == "person"} == {"김덕수", "허강수"}
    for text in ["2개 사단이 이동했다.", "3사단계 훈련을 했다.", "23.5사단 규모", "A3사단은 없다."]:
        assert names_of(shipped, text, "org") == set(), text


def test_many_army_units_index_linearly(shipped):
    text = "3사단" * 50_000 + " " + "27사단장이, " * 50_000
    start = cpu()
    mentions(shipped, text)
    assert cpu() - start < ceiling(20)


# --- a season named after its sponsor; loanwords before a noun ---------------------------------------------------------


def test_a_season_or_cup_named_after_its_sponsor_is_an_event(shipped):
    """'삼성 Fn.com배 프로야구'가: the season (삼성 inside it no firm of its own); ‘대통령배 고교야구’에서 too."""
    got = mentions(shipped, "정규시즌은 2000년 '삼성 Fn.com배 프로야구'가 처음이었다. 2005년부터 삼성전자가 45억원을 냈다.")
    assert [(w, k) for w, _, k in got] == [("삼성 Fn.com배 프로야구", "event"), ("삼성전자", "company")]
    assert names_of(shipped, "그는 ‘대통령배 고교야구’에서 우승했다.", "event") == {"대통령배 고교야구"}
    # a quoted phrase with 배 that is no game, a sentence with a dot: nothing new
    assert names_of(shipped, "그는 '임금님배 식사'를 했다. 그는 '삼성. 프로야구'라고 했다.", "event") == set()


def test_a_loanword_before_a_noun_is_no_japanese_name(shipped):
    """콘텐츠 가치를, 스포츠 가치를: a loanword and a noun, no 콘텐츠 가치 (person)."""
    text = 'KBO 관계자는 "콘텐츠 가치를 수익으로 연결하기 위한 결정"이라고 했다. 스포츠 가치를 높였다.'
    assert names_of(shipped, text, "person") == set()


def test_a_long_quoted_line_with_dots_stays_linear(shipped):
    text = "'" + "a.b" * 200_000 + "'" + " '삼성 Fn.com배 프로야구'" * 10_000
    start = cpu()
    mentions(shipped, text)
    assert cpu() - start < ceiling(20)


# --- sponsors in brackets after amounts -----------------------------------------------------------------------------------


def test_sponsors_in_brackets_after_amounts_are_firms(shipped):
    """K리그가 40억원(현대오일뱅크), 30억원(KCC), 18억원(KB), 25억원(NH농협), 65억원 안팎(한빛유업·이하 추정치): two known firms
    among a paragraph's brackets make the others' first names firms."""
    text = ("프로야구가 65억원 안팎(한빛유업·이하 공식 발표액 혹은 추정치), K리그가 40억원(현대오일뱅크), 남자 프로농구가 30억원(KCC), "
            "여자 프로농구가 18억원(KB) 수준이다. 프로배구는 25억원(NH농협)이었다.")
    got = names_of(shipped, text, "company")
    assert {"한빛유업", "HD현대오일뱅크", "KCC", "KB", "NH농협"} <= got
    # one known firm only, or words that say what the amount is: nothing new
    for text in ["사업비는 30억원(국비), 20억원(시비), 10억원(KCC)이다.",
                 "매출은 5조원(잠정), 영업이익은 3000억원(연결기준)이다. 현대오일뱅크와 KCC도 실적을 냈다.",
                 "지원금은 30억원(국비 20억원·시비 10억원)과 40억원(현대오일뱅크), 20억원(KCC)이다."]:
        assert not {"국비", "시비", "잠정", "연결기준", "국비 20억원"} & names_of(shipped, text, "company"), text


def test_many_amount_brackets_index_linearly(shipped):
    text = "1" * 300_000 + " " + "40억원(현대오일뱅크), 30억원(KCC), 18억원(한빛" * 20_000 + " " + "(" * 10_000
    start = cpu()
    mentions(shipped, text)
    assert cpu() - start < ceiling(20)


# --- distributors listed by their trade; services; the tenth iPhone ------------------------------------------------------


def test_a_list_of_distributors_names_firms(shipped):
    """롯데엔터테인먼트·쇼박스·키다리스튜디오 등 배급사 3곳을: each a firm; 등 배급 업무를 (no firm noun) lists none."""
    got = names_of(shipped, "경찰은 롯데엔터테인먼트·쇼박스·한빛픽처스 등 배급사 3곳을 압수수색했다.", "company")
    assert {"롯데엔터테인먼트", "쇼박스", "한빛픽처스"} <= got
    assert "한빛픽처스" not in names_of(shipped, "한빛픽처스 등 배급 업무를 맡았다.", "company")


def test_services_and_features_are_products(shipped):
    """카카오톡에 오픈채팅, 네이버 오픈톡은, 다음카페도, S펜, 영화관입장권 통합전산망에: products; the firm before stays a firm;
    오픈채팅방 (a chat room) is none."""
    got = mentions(shipped, "카카오톡에 오픈채팅을 넣은 카카오…다음카페도 시범 도입. 네이버 오픈톡은 활발하다. 오픈채팅방이 늘었다.")
    assert [(w, k) for w, _, k in got] == [("카카오톡", "product"), ("오픈채팅", "product"), ("카카오", "company"),
                                          ("다음카페", "product"), ("네이버", "company"), ("오픈톡", "product")]
    assert names_of(shipped, "번역 기능이 있는 S펜, IP68 방수", "product") == {"S펜"}
    assert names_of(shipped, "영화진흥위원회 영화관입장권 통합전산망에 따르면", "product") == {"영화관입장권 통합전산망"}


def test_the_tenth_iphone_is_a_product(shipped):
    """아이폰X가, 아이폰XS와, 아이폰 XR도: products; 아이폰XYZ, 아이폰Xa are no model."""
    got = names_of(shipped, "아이폰X가 배터리 논란에 휩싸였다. 아이폰XS와 아이폰 XR도 나왔다.", "product")
    assert {"아이폰X", "아이폰XS", "아이폰 XR"} <= got
    assert names_of(shipped, "아이폰XYZ와 아이폰Xa는 없다.", "product") == set()


# --- local co-ops, a festival after its kind, a region's institute --------------------------------------------------------


def test_a_local_coop_is_a_firm(shipped):
    """김화농협 농특산물, 제주수협은, 강릉원주농협이: companies; 지역농협, 단위농협 are kinds."""
    got = names_of(shipped, "김화농협 농특산물 홍보부스가 인기였다. 제주수협은 밝혔다. 강릉원주농협이 참여했다.", "company")
    assert {"김화농협", "제주수협", "강릉원주농협"} <= got
    assert not names_of(shipped, "지역농협과 단위농협, 회원농협이 참여했다.", "company")


def test_a_festival_after_the_word_for_its_kind(shipped):
    """대표 지역축제인 빙어축제가 … 빙어축제는: one festival; 지역축제인 겨울축제 is a kind again."""
    got = mentions(shipped, "인제군은 대표 지역축제인 빙어축제가 취소되자 여름축제를 열었다. 빙어축제는 겨울에 열린다.")
    assert [w for w, _, k in got if k == "event"] == ["빙어축제", "빙어축제"]
    assert names_of(shipped, "강원의 지역축제인 겨울축제가 취소됐다.", "event") == set()


def test_a_regions_institute_is_a_body(shipped):
    """유영심 / 강원연구원 박사, 서울연구원은: a region's research institute; 김철수 연구원, 서울 연구원 are researchers."""
    got = mentions(shipped, "유영심 / 강원연구원 박사\n서울연구원은 밝혔다. 김철수 연구원은 말했다. 서울 연구원 모집. 부산연구원들이 왔다.")
    assert [w for w, _, k in got if k == "org"] == ["강원연구원", "서울연구원"]


def test_many_coops_and_festivals_index_linearly(shipped):
    text = "김화농협 " * 50_000 + "축제인 빙어축제가 " * 50_000 + "강원연구원 " * 50_000
    start = cpu()
    mentions(shipped, text)
    assert cpu() - start < ceiling(30)


def test_a_shogunate_and_an_alliance_are_known(shipped):
    """에도 막부 타도, '삿초동맹'을, 에도막부는: orgs of the alias file (appended); 에도 시대 names none."""
    got = mentions(shipped, "두 세력이 에도 막부 타도를 위해 1866년 '삿초동맹'을 맺었다. 에도막부는 무너졌다. 에도 시대가 끝났다.")
    assert [(w, n) for w, n, k in got if k == "org"] == [("에도 막부", "에도 막부"), ("삿초동맹", "삿초동맹"), ("에도막부", "에도 막부")]
