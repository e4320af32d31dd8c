"""Copies, near-duplicates and stories on small hand-written Korean sets: reprints with a changed byline, a
dropped paragraph or another headline; rewrites with the same facts; traps (same companies, another event,
same week; the same event a month later); a disclaimer shared by many; 50 identical copies; one-line bodies."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from store import stories
from store.api import Index
from store.db import connect
from store.indexer import index_paths
from store.query import parse as parse_query
from store.search import SearchPlan

LOI = [
    "[한빛일보=김민준 기자] 오픈AI가 삼성전자, SK하이닉스와 스타게이트 프로젝트용 메모리 반도체 공급 협력의향서(LOI)를 체결했다.",
    "샘 올트먼 오픈AI 최고경영자(CEO)는 1일 서울 용산 대통령실에서 이재명 대통령을 접견한 뒤 두 회사 경영진과 잇따라 만났다.",
    "오픈AI는 스타게이트 확대 과정에서 웨이퍼 수요가 월 최대 90만장에 이를 것으로 내다보고 있으며, 상당 부분을 한국 기업에서 공급받길 원한다고 밝혔다.",
    "스타게이트는 오픈AI와 소프트뱅크, 오라클이 미국에 짓는 초대형 AI 데이터센터 사업으로 총 투자 규모는 5000억 달러(약 700조원)에 달한다.",
    "업계는 이번 협력으로 국내 메모리 업체들이 고대역폭메모리(HBM) 수요처를 조기에 확보했다는 평가를 내놓았다.",
    "이재용 삼성전자 회장은 안정적인 반도체 공급은 물론 건강한 AI 생태계 육성에 앞장서겠다고 말했다.",
    "최태원 SK그룹 회장은 전 세계 메모리칩 양의 절반에 해당하는 주문을 한 기업이 약속한 자리라고 강조했다.",
    "SK텔레콤은 오픈AI와 함께 서남권에 AI 데이터센터를 짓는 방안도 논의하기로 했다고 설명했다.",
    "과학기술정보통신부는 오픈AI와 국가 AI 대전환을 위한 양해각서(MOU)를 별도로 체결했다.",
    "정부는 이번 협력이 글로벌 AI 3강 도약을 앞당기는 계기가 될 것으로 기대하고 있다.",
]

# The same facts in other words, by another desk: no sentence shared, same figures and names.
LOI_REWRITE = [
    "[새벽경제=이서연 기자] 삼성과 SK가 챗GPT 개발사 오픈AI의 초대형 인프라 사업 스타게이트에 메모리를 대는 길이 열렸다.",
    "올트먼 CEO가 방한해 이 대통령을 만난 날, 오픈AI는 삼성전자·SK하이닉스와 각각 의향서에 서명했다.",
    "회사 측 추산으로는 향후 필요한 웨이퍼가 월 최대 90만장 규모이며, 이 가운데 많은 양을 두 회사가 맡게 된다.",
    "소프트뱅크·오라클과 손잡은 이 데이터센터 계획에는 5천억 달러(약 690조 원)가 들어갈 전망이다.",
    "증권가에서는 HBM을 비롯한 고부가 메모리 판로가 넓어졌다는 분석이 나왔다.",
    "이 회장과 최 회장은 각각 생태계 육성과 수요 충당을 약속하며 화답했다.",
]

# Same companies, same week, another event: quarterly results, other figures.
RESULTS = [
    "[한빛일보=박지호 기자] 삼성전자와 SK하이닉스가 3분기 잠정 실적을 나란히 발표했다.",
    "삼성전자는 3분기 영업이익이 12조1000억원으로 지난해 같은 기간보다 32% 늘었다고 밝혔다.",
    "SK하이닉스는 같은 기간 매출 24조4000억원, 영업이익 11조4000억원을 기록해 분기 최대치를 갈아치웠다.",
    "두 회사 모두 데이터센터용 서버 메모리 판매가 늘어난 덕을 봤다고 설명했다.",
    "증권가는 4분기에도 메모리 가격 상승세가 이어질 것으로 내다봤다.",
    "다만 환율 변동과 스마트폰 수요 둔화는 부담 요인으로 꼽혔다.",
]

# The same event's follow-up a month later: the first wafers shipped.
FOLLOW_UP = [
    "[한빛일보=김민준 기자] 오픈AI와 협력의향서를 맺은 지 한 달 만에 삼성전자와 SK하이닉스가 첫 물량 출하 일정을 확정했다.",
    "양사는 내년 1분기부터 스타게이트 데이터센터에 HBM 시제품을 보내기로 했다.",
    "오픈AI는 첫 출하 물량을 월 2만장 수준으로 잡고 단계적으로 늘릴 계획이라고 밝혔다.",
    "업계는 본계약 체결 시점을 내년 상반기로 보고 있다.",
]

# A standing paragraph that the cleaner cannot know as page debris (no ※, no copyright line): only its
# frequency across the corpus gives it away.
DISCLAIMER = ("이 기사는 투자 참고용 정보이며 특정 종목의 매수나 매도를 권유하지 않습니다. 투자 판단의 최종 책임은 "
              "투자자 본인에게 있으며, 본 정보는 신뢰할 만한 자료를 바탕으로 작성되었으나 정확성과 완전성을 보장하지 않습니다.")


BRIEFS = [
    "경주시는 APEC 정상회의 기간 보문관광단지 일대 교통을 통제한다고 밝혔다.",
    "현대차는 울산공장 전기차 전용 라인 착공식을 열었다.",
    "한국은행 금융통화위원회는 기준금리를 연 2.50%로 동결했다.",
    "네이버는 생성형 AI 검색 서비스를 모바일 앱 첫 화면에 적용했다.",
    "기상청은 주말 동안 중부지방에 최대 80mm의 비가 내릴 것으로 내다봤다.",
    "카카오뱅크 가입자가 2500만 명을 넘어섰다고 회사가 밝혔다.",
]


def write(folder: Path, name: str, paragraphs: list[str], *, title: str, outlet: str, date: str | None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    record = {"title": title, "outlet": outlet, "body": "\n\n".join(paragraphs)}
    if date:
        record["date"] = date
    path = folder / f"{name}.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path


def build(folder: Path, db_path: Path, **kwargs):
    conn = connect(db_path, create=True)
    try:
        return index_paths(conn, [folder], workers=0, **kwargs)
    finally:
        conn.close()


def build_first(loi_corpus: Path, tmp_path: Path, names: tuple[str, ...]) -> Path:
    """Index only `names` of the corpus (moved out of it), so a later build of the corpus adds the rest."""
    db_path = tmp_path / "i.db"
    first_half = tmp_path / "first"
    first_half.mkdir()
    for name in names:
        (loi_corpus / f"{name}.json").rename(first_half / f"{name}.json")
    build(first_half, db_path)
    return db_path


def placed(db_path: Path) -> dict[str, tuple]:
    """file stem -> (article id, copy_of, near_group, story)"""
    conn = connect(db_path)
    try:
        rows = conn.execute("SELECT a.source, a.id, a.copy_of, a.near_group, a.story FROM articles a").fetchall()
    finally:
        conn.close()
    return {Path(source).stem: tuple(rest) for source, *rest in rows}


@pytest.fixture()
def loi_corpus(tmp_path):
    corpus = tmp_path / "news"
    write(corpus, "a_original", LOI, title="오픈AI, 삼성·SK와 HBM 협력", outlet="한빛일보", date="2025-10-01T14:00")
    # another outlet's headline over the very same body
    write(corpus, "b_headline", LOI, title="삼성·SK, 스타게이트 올라탔다", outlet="나라경제", date="2025-10-01T16:30")
    byline = ["[누리뉴스=정하늘 기자] " + LOI[0].split("] ", 1)[1], *LOI[1:]]
    write(corpus, "c_byline", byline, title="오픈AI-삼성-SK 협력의향서", outlet="누리뉴스", date="2025-10-01T15:10")
    write(corpus, "d_dropped", LOI[:4] + LOI[5:], title="스타게이트 HBM 공급", outlet="바른신문", date="2025-10-02T09:00")
    write(corpus, "e_rewrite", LOI_REWRITE, title="삼성·SK 메모리, 스타게이트로", outlet="새벽경제", date="2025-10-02T07:00")
    write(corpus, "f_results", RESULTS, title="삼성전자·SK하이닉스 3분기 실적", outlet="한빛일보", date="2025-10-03T10:00")
    write(corpus, "g_follow_up", FOLLOW_UP, title="스타게이트 첫 출하", outlet="한빛일보", date="2025-11-03T10:00")
    return corpus


def test_every_reprint_stays_an_article_and_the_event_is_one_story(loi_corpus, tmp_path):
    db_path = tmp_path / "i.db"
    summary = build(loi_corpus, db_path)
    # Before: b_headline was dropped ("same text as …: kept once") and its outlet and time were lost.
    assert summary.articles_total == 7 and not summary.warnings
    p = placed(db_path)
    original = p["a_original"][0]
    assert p["b_headline"][1] == original  # an identical body: a copy of the first one
    # the byline is cleaned off the body: the same text, a copy, with its own reporter kept
    assert p["c_byline"][1] == original
    assert p["d_dropped"][1] is None  # edited: not a copy ...
    assert p["d_dropped"][2] == p["b_headline"][2] == p["a_original"][2]  # ... a near-duplicate
    assert p["e_rewrite"][2] != p["a_original"][2]  # a rewrite is not a near-duplicate ...
    story = p["a_original"][3]
    assert {p[k][3] for k in ("b_headline", "c_byline", "d_dropped", "e_rewrite")} == {story}  # ... but the same story
    assert p["f_results"][3] != story  # same companies, same week, another event
    assert p["g_follow_up"][3] != story  # the same subject a month later
    assert len({p["f_results"][3], p["g_follow_up"][3], story}) == 3


def test_a_reprint_keeps_its_own_outlet_reporter_and_time(loi_corpus, tmp_path):
    db_path = tmp_path / "i.db"
    build(loi_corpus, db_path)
    index = Index.open(db_path)
    try:
        by_title = {a.title: a for a in index.articles()}
        reprint = by_title["오픈AI-삼성-SK 협력의향서"]
        assert (reprint.outlet, reprint.reporters, reprint.date) == ("누리뉴스", ["정하늘"], "2025-10-01T15:10")
    finally:
        index.close()


def test_the_first_telling_leads_the_story_and_each_article_says_what_it_adds(loi_corpus, tmp_path):
    db_path = tmp_path / "i.db"
    build(loi_corpus, db_path)
    p = placed(db_path)
    index = Index.open(db_path)
    try:
        detail = index.story(p["a_original"][3])
        titles = [a.title for a in detail.articles]
        # time order: the rewrite (07:00 on the 2nd) comes after every telling of the 1st
        assert titles[0] == "오픈AI, 삼성·SK와 HBM 협력" and detail.articles[0].first
        assert [a.first for a in detail.articles].count(True) == 1
        assert titles == ["오픈AI, 삼성·SK와 HBM 협력", "오픈AI-삼성-SK 협력의향서", "삼성·SK, 스타게이트 올라탔다",
                          "삼성·SK 메모리, 스타게이트로", "스타게이트 HBM 공급"]
        by_title = {a.title: a for a in detail.articles}
        copy = by_title["삼성·SK, 스타게이트 올라탔다"]
        assert copy.copy_of == p["a_original"][0] and copy.only_paragraphs == []
        dropped = by_title["스타게이트 HBM 공급"]
        assert dropped.only_paragraphs == [] and len(dropped.copied) == len(LOI) - 1
        assert {c.from_article for c in dropped.copied} == {p["a_original"][0]}  # copied from the first telling
        rewrite = by_title["삼성·SK 메모리, 스타게이트로"]
        assert rewrite.copied == [] and len(rewrite.only_paragraphs) >= 4
        # one figure, two conversions: 5000억 달러(약 700조원) and 5천억 달러(약 690조 원)
        [figure] = [f for f in detail.conversions if f.unit == "USD"]
        assert figure.value == 5e11
        assert sorted(c.value for c in figure.conversions) == [6.9e14, 7e14]
        assert {c.raw.replace(" ", "") for c in figure.conversions} == {"약690조원", "약700조원"}
        first = detail.articles[0]
        assert any(f.raw == "월 최대 90만장" for f in first.only_figures) is False  # the rewrite states it too
        listed = index.stories()
        assert listed[0].id == detail.id and listed[0].articles == 5 and len(listed[0].outlets) == 5
        assert listed[0].title == "오픈AI, 삼성·SK와 HBM 협력" and listed[0].first_date.startswith("2025-10-01")
    finally:
        index.close()


def test_adding_articles_joins_the_story_without_recomputing_the_others(loi_corpus, tmp_path):
    db_path = build_first(loi_corpus, tmp_path, ("a_original", "e_rewrite", "f_results"))
    conn = connect(db_path)
    before = conn.execute("SELECT article_id, minhash FROM signatures ORDER BY article_id").fetchall()
    conn.close()
    build(loi_corpus, db_path)  # the other four: reprints and the follow-up
    p = placed(db_path)
    story = p["a_original"][3]
    assert {p[k][3] for k in ("b_headline", "c_byline", "d_dropped", "e_rewrite")} == {story}
    assert p["g_follow_up"][3] not in (story, p["f_results"][3])
    conn = connect(db_path)
    after = conn.execute("SELECT article_id, minhash FROM signatures ORDER BY article_id").fetchall()
    conn.close()
    assert after[:len(before)] == before  # stored state is reused, not rebuilt


def story_state(db_path: Path) -> tuple:
    conn = connect(db_path)
    try:
        return (conn.execute("SELECT * FROM stories ORDER BY id").fetchall(),
                conn.execute("SELECT key, docs FROM paragraph_docs ORDER BY key").fetchall())
    finally:
        conn.close()


def test_a_build_places_a_slice_at_a_time_and_a_stop_keeps_the_slices_done(loi_corpus, tmp_path, monkeypatch):
    whole = tmp_path / "whole.db"
    build(loi_corpus, whole)
    monkeypatch.setattr(stories, "SLICE", 3)  # seven articles: slices of 3, 3 and 1 (by date)
    real_place = stories._Assigner.place
    calls = []

    def stop_in_the_second_slice(self, chunk):
        calls.append([aid for aid, _, _ in chunk])
        if len(calls) == 2:  # its paragraphs are counted by now: the stop must take those counts back too
            raise KeyboardInterrupt
        return real_place(self, chunk)

    monkeypatch.setattr(stories._Assigner, "place", stop_in_the_second_slice)
    sliced = tmp_path / "sliced.db"
    with pytest.raises(KeyboardInterrupt):
        build(loi_corpus, sliced)
    first = placed(sliced)
    assert sorted(k for k, row in first.items() if row[3] is not None) == ["a_original", "b_headline", "c_byline"]
    monkeypatch.setattr(stories._Assigner, "place", real_place)
    build(loi_corpus, sliced)  # the re-run places the other four, a slice at a time
    assert placed(sliced) == placed(whole)
    assert story_state(sliced) == story_state(whole)


def test_an_entity_edit_keeps_the_stories(loi_corpus, tmp_path):
    db_path = tmp_path / "i.db"
    build(loi_corpus, db_path)
    p = placed(db_path)
    index = Index.open(db_path)
    try:
        index.edit("merge", **{"into": "삼성전자", "from": "SK하이닉스"})
    finally:
        index.close()
    assert placed(db_path) == p
    build(loi_corpus, db_path)  # a re-run after the edit re-links mentions, and places nothing again
    assert placed(db_path) == p


def test_removing_the_first_telling_makes_its_copy_the_first(loi_corpus, tmp_path):
    db_path = tmp_path / "i.db"
    build(loi_corpus, db_path)
    (loi_corpus / "a_original.json").unlink()
    build(loi_corpus, db_path, prune=True)
    p = placed(db_path)
    assert "a_original" not in p
    # the body's earliest remaining telling (c_byline, 15:10) is no copy now; the other copies it
    assert p["c_byline"][1] is None and p["b_headline"][1] == p["c_byline"][0]
    assert p["c_byline"][2] == p["d_dropped"][2] == p["b_headline"][2]
    assert p["c_byline"][3] == p["e_rewrite"][3] == p["b_headline"][3]


def test_a_shared_disclaimer_does_not_glue_unrelated_articles(tmp_path):
    # 26 short briefs in the same days, each one distinct paragraph followed by the same long disclaimer: most
    # of each text is the disclaimer.
    corpus = tmp_path / "news"
    for i, line in enumerate(LOI + RESULTS + FOLLOW_UP + BRIEFS):
        day = f"2025-10-0{i % 3 + 1}T09:00"
        write(corpus, f"brief_{i:02d}", [line, DISCLAIMER], title=f"단신 {i}", outlet="증권속보", date=day)
    db_path = tmp_path / "i.db"
    build(corpus, db_path)
    p = placed(db_path)
    assert len(p) == 26
    assert len({v[3] for v in p.values()}) == 26  # each brief its own story
    assert len({v[2] for v in p.values()}) == 26  # and no near-duplicates


def test_fifty_identical_copies_are_one_story_with_one_first(tmp_path):
    corpus = tmp_path / "news"
    for i in range(50):
        write(corpus, f"copy_{i:02d}", LOI, title=f"오픈AI 협력 {i}", outlet=f"매체{i}", date=f"2025-10-01T{i % 24:02d}:00")
    db_path = tmp_path / "i.db"
    build(corpus, db_path)
    p = placed(db_path)
    assert len(p) == 50 and len({v[3] for v in p.values()}) == 1
    firsts = [k for k, v in p.items() if v[1] is None]
    assert firsts == ["copy_00"] or len(firsts) == 1
    index = Index.open(db_path)
    try:
        [row] = index.stories()
        assert row.articles == 50 and len(row.outlets) == 50
        detail = index.story(row.id)
        assert len(detail.articles) == 50 and sum(a.first for a in detail.articles) == 1
        assert all(a.only_paragraphs == [] for a in detail.articles)
    finally:
        index.close()


def test_empty_and_one_line_bodies(tmp_path):
    corpus = tmp_path / "news"
    write(corpus, "empty", [""], title="빈 기사", outlet="가", date="2025-10-01")
    write(corpus, "line_a", ["삼성전자 주가가 3% 올랐다."], title="한 줄", outlet="가", date="2025-10-01")
    write(corpus, "line_b", ["SK하이닉스 주가가 2% 내렸다."], title="한 줄", outlet="나", date="2025-10-01")
    write(corpus, "line_a_again", ["삼성전자 주가가 3% 올랐다."], title="한 줄 재전송", outlet="다", date="2025-10-01")
    db_path = tmp_path / "i.db"
    summary = build(corpus, db_path)
    assert [Path(f.path).stem for f in summary.failed] == ["empty"]
    p = placed(db_path)
    assert p["line_a_again"][1] == p["line_a"][0]  # too short to sign, but an identical body is still a copy
    assert p["line_b"][3] != p["line_a"][3]


# --- the command line ---------------------------------------------------------------------------------


@pytest.fixture()
def loi_db(loi_corpus, tmp_path) -> Path:
    db_path = tmp_path / "loi.db"
    build(loi_corpus, db_path)
    return db_path


def test_cli_stories_and_story(loi_db):
    from test_faults import run_cli

    listed = run_cli("stories", "--json", "--db", str(loi_db))
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert set(rows[0]) == {"id", "first_article", "title", "first_date", "last_date", "articles", "outlets"}
    assert rows[0]["articles"] == 5 and rows[0]["outlets"][:2] == ["한빛일보", "누리뉴스"]
    assert sum(r["articles"] for r in rows) == 7 and len(rows) == 3
    page = json.loads(run_cli("stories", "--json", "--limit", "1", "--offset", "1", "--db", str(loi_db)).stdout)
    assert page == rows[1:2]
    narrowed = json.loads(run_cli("stories", "영업이익", "--json", "--db", str(loi_db)).stdout)
    assert [r["title"] for r in narrowed] == ["삼성전자·SK하이닉스 3분기 실적"]

    detail = run_cli("story", str(rows[0]["id"]), "--json", "--db", str(loi_db))
    data = json.loads(detail.stdout)
    assert [a["first"] for a in data["articles"]] == [True] + [False] * 4
    assert all(set(e) == {"id", "name", "type"} for a in data["articles"] for e in a["only_entities"])
    assert data["conversions"][0]["conversions"][0]["raw"] == "약 700조원"

    table = run_cli("story", str(rows[0]["id"]), "--db", str(loi_db))
    assert table.returncode == 0 and "first" in table.stdout and "same text as article" in table.stdout
    assert "약 690조 원" in table.stdout
    table = run_cli("stories", "--db", str(loi_db))
    assert table.returncode == 0 and "오픈AI, 삼성·SK와 HBM 협력" in table.stdout


def test_a_typo_narrows_the_stories_by_the_name_it_nearly_spells_and_says_so(loi_db):
    """As search reads it (test_query): 스타게이뜨 is in no article, so the stories are those of 스타게이트; quoted, the
    word is searched as typed; a word some article holds is never corrected."""
    from test_faults import run_cli

    index = Index.open(loi_db)
    titles = lambda query: [r.title for r in index.stories(query)]  # noqa: E731
    assert titles("스타게이뜨") == titles("@스타게이트") == ["오픈AI, 삼성·SK와 HBM 협력", "스타게이트 첫 출하"]
    assert titles("소프트뱅쿠") == ["오픈AI, 삼성·SK와 HBM 협력"] and index.story_count("소프트뱅쿠") == 1
    read_as = lambda query: index.stories_page(query).instead  # noqa: E731
    assert (read_as("스타게이뜨").typed, read_as("스타게이뜨").entity) == ("스타게이뜨", "스타게이트")
    assert titles('"스타게이뜨"') == [] and read_as('"스타게이뜨"') is None
    assert read_as("스타게이트") is None and read_as("영업이익") is None and read_as(None) is None
    assert index.stories("스타게이뜨", offset=2) == [] and read_as("스타게이트 | 스타게이뜨") is None

    table = run_cli("stories", "소프트뱅쿠", "--db", str(loi_db))
    assert table.returncode == 0 and "오픈AI, 삼성·SK와 HBM 협력" in table.stdout
    assert "no article has 소프트뱅쿠: showing stories with an article that mentions 소프트뱅크" in table.stderr
    listed = run_cli("stories", "소프트뱅쿠", "--json", "--db", str(loi_db))  # the JSON stays JSON
    assert [r["title"] for r in json.loads(listed.stdout)] == ["오픈AI, 삼성·SK와 HBM 협력"]
    assert "소프트뱅크" in listed.stderr


def test_cli_stories_errors(loi_db):
    from test_faults import assert_one_line_error, run_cli

    assert_one_line_error(run_cli("story", "999", "--db", str(loi_db)), "no story with id 999", code=1)
    assert_one_line_error(run_cli("stories", "없는낱말", "--db", str(loi_db)), "no story matches", code=1)
    assert_one_line_error(run_cli("stories", "--offset", "50", "--db", str(loi_db)), "no stories past this offset", code=1)
    assert run_cli("story", "first", "--db", str(loi_db)).returncode == 2
    assert run_cli("stories", "--limit", "0", "--db", str(loi_db)).returncode == 2
    proc = run_cli("stories", "[bold]x[/]", "--db", str(loi_db))  # markup-looking text is a query, shown literally
    assert proc.returncode == 1 and "[bold]x[/]" in proc.stderr


# --- the app ------------------------------------------------------------------------------------------


async def test_app_lists_stories_opens_one_and_compares_two_by_keyboard(loi_db, tmp_path, monkeypatch):
    from textual.widgets import DataTable, Static

    from tui.app import HanscopeApp
    from tui.screens.compare import CompareScreen
    from tui.screens.stories import StoriesScreen
    from tui.screens.story import StoryScreen
    from tui.story_list import StoryList

    async def settle(pilot):
        for _ in range(3):
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    loads = []
    load = StoriesScreen.load
    monkeypatch.setattr(StoriesScreen, "load", lambda self: (loads.append(self.query_text()), load(self)))
    app = HanscopeApp(loi_db, export_dir=tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, StoriesScreen)
        table = app.screen.query_one("#story-table", StoryList)
        assert table.row_count == 3
        assert loads == []  # the first page was read before the screen opened: it is laid out once, with its rows
        assert table.cells(0)[1].plain.strip() == "5"
        assert "오픈AI, 삼성·SK와 HBM 협력" in table.cells(0)[3].plain
        # narrowing by a word: only the results story has 영업이익
        await pilot.press("f", *"영업이익")
        await settle(pilot)
        assert table.row_count == 1 and "3분기 실적" in table.cells(0)[3].plain
        assert loads[-1] == "영업이익"
        for _ in "영업이익":
            await pilot.press("backspace")
        await settle(pilot)
        assert table.row_count == 3
        await pilot.press("enter")  # from the box: back to the list
        await pilot.press("enter")  # opens the widest story
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        rows = app.screen.query_one("#story-articles", DataTable)
        assert rows.row_count == 5
        assert rows.get_row_at(0)[0].plain.startswith("★")
        assert rows.get_row_at(2)[4].plain.startswith("copy of #")
        adds = str(app.screen.query_one("#story-adds-text", Static).content)
        assert "the first telling" in adds and "약 690조 원" in adds and "약 700조원" in adds
        await pilot.press("down", "down", "down")  # the rewrite: its own paragraphs
        await settle(pilot)
        adds = str(app.screen.query_one("#story-adds-text", Static).content)
        assert "paragraphs only here" in adds and "새벽경제" in adds
        ids = [a.id for a in app.screen.detail.articles]
        await pilot.press("up", "up", "up", "space", "down", "down", "down", "space")
        assert rows.get_row_at(0)[0].plain.endswith("L") and rows.get_row_at(3)[0].plain.endswith("R")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen) and app.screen.ids == [ids[0], ids[3]]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        # one mark, then move to another article and compare with it
        await pilot.press("space", "down", "c")  # space unmarks R, leaving L; c pairs L with the highlighted one
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen) and app.screen.ids == [ids[0], ids[4]]


async def test_the_stories_key_is_in_the_footer_and_the_help(loi_db, tmp_path):
    from tui.key_footer import KeyFooter

    from tui.app import HanscopeApp
    from tui.bindings import keys_by_scope

    app = HanscopeApp(loi_db, export_dir=tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert "Stories" in {e.description for e in app.screen.query_one(KeyFooter).entries}
    scopes = dict(keys_by_scope())
    assert any(k.action == "stories" and k.keys == "S,f4" for k in scopes["Everywhere"])
    assert {k.action for k in scopes["One story"]} >= {"mark", "compare", "open"}


def test_near_groups_give_search_what_folding_needs(loi_db):
    p = placed(loi_db)
    index = Index.open(loi_db)
    try:
        groups = index.near_groups([p[k][0] for k in ("a_original", "b_headline", "d_dropped", "e_rewrite")] + [999])
        original = p["a_original"][0]
        # the first telling, its copies (b, c) and the edited reprint (d): one group of four; the rewrite alone
        assert groups[original] == groups[p["b_headline"][0]] == groups[p["d_dropped"][0]] == (original, 4)
        assert groups[p["e_rewrite"][0]] == (p["e_rewrite"][0], 1)
        assert 999 not in groups
        assert index.story_of(original) == p["a_original"][3] and index.story_of(999) is None
    finally:
        index.close()


async def test_the_stories_list_loads_its_next_page_at_the_end(loi_db, tmp_path, monkeypatch):
    from textual.widgets import Static

    from tui.story_list import StoryList

    import tui.screens.stories as stories_screen
    from tui.app import HanscopeApp

    monkeypatch.setattr(stories_screen, "PAGE", 2)
    monkeypatch.setattr(stories_screen, "AHEAD", 0)  # load at the last row, not before: 2 rows are all "near"
    app = HanscopeApp(loi_db, export_dir=tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f4")
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        table = app.screen.query_one("#story-table", StoryList)
        assert table.row_count == 2
        assert "the first 2 of 3 stories" in str(app.screen.query_one("#status", Static).content)
        await pilot.press("down")
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        assert table.row_count == 3


# --- speed: what the workers do, and what an addition rewrites -------------------------------------------


def test_the_numpy_signature_is_datasketchs_minhash():
    from datasketch import MinHash, MinHashLSH

    from store import minhash

    template = MinHash(num_perm=minhash.NUM_PERM, seed=1, scheme="affine32")
    assert [p.tolist() for p in minhash._permutations()] == template.permutations.tolist()  # made without datasketch
    ranges = MinHashLSH(threshold=minhash.LSH_THRESHOLD, num_perm=minhash.NUM_PERM).hashranges
    assert ranges == [(i * minhash.LSH_ROWS, (i + 1) * minhash.LSH_ROWS) for i in range(minhash.LSH_BANDS)]
    bodies = ["\n\n".join(LOI), "\n\n".join(LOI_REWRITE + [DISCLAIMER]), "90만장 / 90만 장, 5천억 달러(약 690조 원)"]
    for body in bodies:
        hashes = minhash.shingle_hashes(body.split("\n\n"))
        reference = MinHash(num_perm=minhash.NUM_PERM, seed=1, hashfunc=int, permutations=template.permutations,
                            scheme=template.scheme)
        reference.update_batch(hashes.tolist())
        assert minhash.signature(hashes).tolist() == reference.hashvalues.tolist()
    # more shingles than one block of the computation
    many = np.random.default_rng(0).integers(0, 2**32, 10_000, dtype=np.uint64).astype(np.uint32)
    reference = MinHash(num_perm=minhash.NUM_PERM, seed=1, hashfunc=int, permutations=template.permutations,
                        scheme=template.scheme)
    reference.update_batch(many.tolist())
    assert minhash.signature(many).tolist() == reference.hashvalues.tolist()


def test_extraction_signs_the_bodies_and_the_story_step_re_signs_only_those_with_boilerplate(tmp_path, monkeypatch):
    from store import stories

    corpus = tmp_path / "news"
    for i, line in enumerate(LOI + RESULTS + FOLLOW_UP + BRIEFS):  # 26 briefs: the disclaimer is boilerplate
        write(corpus, f"brief_{i:02d}", [line, DISCLAIMER], title=f"단신 {i}", outlet="증권속보", date="2025-10-01T09:00")
    write(corpus, "loi", LOI, title="오픈AI 협력", outlet="한빛일보", date="2025-10-01T14:00")
    write(corpus, "rewrite", LOI_REWRITE, title="스타게이트 메모리", outlet="새벽경제", date="2025-10-02T07:00")
    db_path = tmp_path / "i.db"
    monkeypatch.setattr(stories, "assign", lambda conn, tell=None: 0)  # extraction and writing only
    build(corpus, db_path)
    monkeypatch.undo()
    conn = connect(db_path)
    try:
        signed = {Path(source).stem: (blob, body) for source, blob, body in conn.execute(
            "SELECT a.source, s.minhash, a.body FROM articles a JOIN signatures s ON s.article_id = a.id")}
        assert len(signed) == 28  # every body, signed with all of its paragraphs before any story step
        assert all(blob == stories.body_signature(body).tobytes() for blob, body in signed.values())
        assert conn.execute("SELECT count(*) FROM articles WHERE story IS NOT NULL").fetchone()[0] == 0

        resigned = []
        real = stories.body_signature
        monkeypatch.setattr(stories, "body_signature", lambda body, leave_out=frozenset(): resigned.append(body) or real(body, leave_out))
        stories.assign(conn)
        assert len(resigned) == 26 and all(DISCLAIMER in body for body in resigned)  # not the two without it
        disclaimer = {stories.paragraph_key(DISCLAIMER)}
        after = {Path(source).stem: (blob, body) for source, blob, body in conn.execute(
            "SELECT a.source, s.minhash, a.body FROM articles a LEFT JOIN signatures s ON s.article_id = a.id")}
        for name, (blob, body) in after.items():
            if name.startswith("brief_"):  # signed without the disclaimer (or too short to sign without it)
                sig = real(body, disclaimer)
                assert blob == (sig.tobytes() if sig is not None else None)
            else:
                assert blob == signed[name][0]  # kept as extraction made it
    finally:
        conn.close()


def test_adding_articles_rewrites_only_the_rows_of_the_stories_they_join(loi_corpus, tmp_path):
    db_path = build_first(loi_corpus, tmp_path, ("a_original", "f_results"))
    p = placed(db_path)
    conn = connect(db_path)
    with conn:  # a mark on the results story's row: a full recomputation would wipe it
        conn.execute("UPDATE stories SET outlets = 99 WHERE id = ?", [p["f_results"][3]])
    conn.close()
    build(loi_corpus, db_path)  # reprints, the rewrite and the follow-up: the LOI story grows, one story starts
    p = placed(db_path)
    conn = connect(db_path)
    try:
        rows = dict(conn.execute("SELECT id, articles FROM stories").fetchall())
        assert rows[p["a_original"][3]] == 5 and rows[p["g_follow_up"][3]] == 1
        assert conn.execute("SELECT outlets FROM stories WHERE id = ?", [p["f_results"][3]]).fetchone()[0] == 99
    finally:
        conn.close()
    index = Index.open(db_path)
    try:
        assert index.story_count() == 3 == len(index.stories(limit=None))
    finally:
        index.close()


async def test_the_stories_list_reads_each_page_once_and_adds_it_below(loi_db, tmp_path, monkeypatch):
    from tui.story_list import StoryList

    import tui.screens.stories as stories_screen
    from tui.app import HanscopeApp

    asked = []
    real = Index.stories_page

    def stories_page(self, query=None, limit=50, offset=0):
        asked.append((query, limit, offset))
        return real(self, query, limit=limit, offset=offset)

    monkeypatch.setattr(Index, "stories_page", stories_page)
    monkeypatch.setattr(stories_screen, "PAGE", 2)
    monkeypatch.setattr(stories_screen, "AHEAD", 0)
    app = HanscopeApp(loi_db, export_dir=tmp_path)

    async def settle(pilot):
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()

    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        table = app.screen.query_one("#story-table", StoryList)
        first_two = [table.cells(i)[3].plain for i in range(2)]
        await pilot.press("down")
        await settle(pilot)
        assert table.row_count == 3 and [table.cells(i)[3].plain for i in range(2)] == first_two
        # the second page is read from where the first ended, not the first two again with it
        assert asked == [(None, 2, 0), (None, 2, 2)]
        # a narrowed list pages too (the words find an article of each of the three stories): the cursor is on
        # the last row of its first page, so the next one comes at once
        asked.clear()
        await pilot.press("f")
        await pilot.press(*"삼성")
        await settle(pilot)
        assert app.screen.query_one("#story-query").value == "삼성"
        assert table.row_count == 3 and asked[-2:] == [("삼성", 2, 0), ("삼성", 2, 2)]


async def test_the_stories_status_says_one_story_and_many(loi_db, tmp_path):
    from textual.widgets import Static

    from tui.app import HanscopeApp

    app = HanscopeApp(loi_db, export_dir=tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f4")
        for query in ("", "영업이익", "삼성"):  # three stories; one of them (the earnings); each holds 삼성 (삼성전자)
            await pilot.press("f", "ctrl+u", *query)
            for _ in range(3):
                await pilot.pause()
                await app.workers.wait_for_complete()
            status = str(app.screen.query_one("#status", Static).content)
            assert status.startswith({"": "3 stories, most", "영업이익": "1 story with an article matching '영업이익'",
                                      "삼성": "3 stories with an article matching '삼성'"}[query]), status


async def test_the_stories_box_reads_a_typo_as_the_name_it_nearly_spells(loi_db, tmp_path):
    from textual.widgets import Static

    from tui.app import HanscopeApp

    app = HanscopeApp(loi_db, export_dir=tmp_path)
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.press("f4")
        for query, expected in (("스타게이뜨", "no article has 스타게이뜨: showing 2 stories with an article that mentions "
                                 "스타게이트"), ("스타게이트", "2 stories with an article matching '스타게이트'")):
            await pilot.press("f", "ctrl+u", *query)
            for _ in range(3):
                await pilot.pause()
                await app.workers.wait_for_complete()
            assert str(app.screen.query_one("#status", Static).content).startswith(expected)
            assert len(app.screen.rows) == 2


def figure_counts(db_path: Path) -> tuple[dict[int, int], dict[int, int]]:
    """Distinct bodies stating each figure: as the story step keeps them, and as the rows say."""
    from store.stories import figure_doc_key, figure_key

    conn = connect(db_path)
    try:
        counted = {figure_key(unit, value, counter): n for unit, value, counter, n in conn.execute(
            "SELECT n.unit, n.value, coalesce(n.counter, ''), count(DISTINCT a.body_hash) FROM numbers n "
            "JOIN articles a ON a.id = n.article_id WHERE n.converts IS NULL AND n.unit != '%' "
            "GROUP BY n.unit, n.value, coalesce(n.counter, '')")}
        kept = {-1 - key: n for key, n in conn.execute("SELECT key, docs FROM paragraph_docs WHERE key < 0")}
        assert all(figure_doc_key(k) == -1 - k for k in counted)
    finally:
        conn.close()
    return kept, counted


def test_figure_counts_kept_with_the_bodies_are_the_counts_of_the_rows(loi_corpus, tmp_path):
    """The event's figures in the original and its reprints (two verbatim: one body), the rewrite and the follow-up:
    the counts the story step weighs figures by follow adds and deletions as a count over every row would."""
    db_path = build_first(loi_corpus, tmp_path, ("a_original", "f_results"))
    first_half = tmp_path / "first"
    kept, counted = figure_counts(db_path)
    assert kept == counted and max(counted.values()) == 1
    build(loi_corpus, db_path)  # the reprints (b_headline has a_original's body: one body), the rewrite, the follow-up
    build(first_half, db_path)
    kept, counted = figure_counts(db_path)
    assert kept == counted and max(counted.values()) == 3  # figures of the event, in several of its bodies
    before_deletions = counted
    (first_half / "a_original.json").unlink()  # the first telling goes: b_headline, its copy, holds the body now
    build(first_half, db_path, prune=True)
    (loi_corpus / "d_dropped.json").unlink()
    build(loi_corpus, db_path, prune=True)
    kept, counted = figure_counts(db_path)
    assert kept == counted and counted != before_deletions  # d_dropped's body went; a_original's stays in its copies


def test_an_index_without_kept_figure_counts_gets_them_once(loi_corpus, tmp_path):
    db_path = tmp_path / "i.db"
    build(loi_corpus, db_path)
    conn = connect(db_path)
    with conn:  # as an index made before the counts were kept
        conn.execute("DELETE FROM paragraph_docs WHERE key < 0")
        conn.execute("DELETE FROM meta WHERE key = 'figure_docs'")
    conn.close()
    write(loi_corpus, "h_brief", BRIEFS, title="단신", outlet="한빛일보", date="2025-10-02T08:00")
    build(loi_corpus, db_path)
    kept, counted = figure_counts(db_path)
    assert kept == counted and max(counted.values()) == 3 and len(counted) == 7  # the event's figures and the brief's


def test_a_new_index_counts_its_figures_as_it_places_them_without_counting_the_rows(loi_corpus, tmp_path):
    """The first story step of a new index finds no placed article: it does not count the figures of every row (at 100k
    that read 3.2M numbers and their articles for nothing), and the counts it keeps are still those of the rows."""
    db_path = tmp_path / "i.db"
    conn = connect(db_path, create=True)
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        index_paths(conn, [loi_corpus], workers=0)
        assert conn.execute("SELECT value FROM meta WHERE key = 'figure_docs'").fetchone() == ("1",)
    finally:
        conn.close()
    assert statements and not [s for s in statements if "count(DISTINCT a.body_hash)" in s]
    kept, counted = figure_counts(db_path)
    assert kept == counted and max(counted.values()) == 3  # 5000억 달러 in the original, the dropped and the rewrite


def test_figure_keys_kept_between_calls_are_the_hash_of_what_was_asked():
    """figure_key keeps the hashes it made: each must still be the hash of its own unit, value (as repr writes it)
    and counter. 5천억 달러 as 5e11 and 5000억 as the same float are one figure; 3 and 3.0 are written apart, and so
    are 0.0 and -0.0, which a cache keyed on equal values would mix up."""
    from store.stories import _figure_digest, figure_key

    asked = [("USD", 5e11, None), ("USD", 500_000_000_000.0, ""), ("count", 900_000.0, "장"), ("count", 900_000.0, "대"),
             ("KRW", 6.9e14, None), ("count", 3, "명"), ("count", 3.0, "명"), ("%", 0.0, None), ("%", -0.0, None),
             ("W", float("nan"), None)]
    for _ in range(2):  # the second round answers from what the first kept
        for unit, value, counter in asked:
            assert figure_key(unit, value, counter) == _figure_digest(unit, value, counter)
    assert figure_key("USD", 5e11, None) == figure_key("USD", 500_000_000_000.0, "")
    assert figure_key("count", 3, "명") != figure_key("count", 3.0, "명")
    assert figure_key("%", 0.0, None) != figure_key("%", -0.0, None)
    assert figure_key("count", 900_000.0, "장") != figure_key("count", 900_000.0, "대")


def test_shingle_hashes_equal_the_modulo_at_every_step():
    """shingle_hashes leaves out the first two steps' modulo (their values stay below 2^61-1): the hashes must be
    those of the polynomial taken mod 2^61-1 at every step, for any code points (up to U+10FFFF)."""
    import random

    import numpy as np

    from store import minhash

    def reference(texts):
        joined = "\x00".join(minhash.squeeze(t) for t in texts)
        if len(joined) < minhash.SHINGLE:
            return np.zeros(0, dtype=np.uint32)
        codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        n = len(codes) - minhash.SHINGLE + 1
        h = np.zeros(n, dtype=np.uint64)
        for k in range(minhash.SHINGLE):
            h = (h * np.uint64(1_000_003) + codes[k:k + n]) % minhash._MERSENNE
        boundary = np.concatenate(([0], np.cumsum(codes == 0)))
        within = boundary[minhash.SHINGLE:minhash.SHINGLE + n] == boundary[:n]
        return (h[within] & np.uint64(0xFFFFFFFF)).astype(np.uint32)

    rnd = random.Random(5)
    samples = [[""], ["abcd"], ["abcde"], ["\U0010ffff" * 40], ["한빛전자가 3조원을 투자한다.", "공장은 2027년 완공된다."]]
    for _ in range(200):
        samples.append(["".join(chr(rnd.choice([rnd.randint(0x21, 0xD7FF), rnd.randint(0xE000, 0x10FFFF), 0x10FFFF]))
                                for _ in range(rnd.randint(0, 60))) for _ in range(rnd.randint(1, 3))])
    for texts in samples:
        got, want = minhash.shingle_hashes(texts), reference(texts)
        assert got.dtype == want.dtype and np.array_equal(got, want)


def test_a_band_many_reprints_share_reads_its_latest_holders_and_keeps_them_one_group(tmp_path, monkeypatch):
    # Twelve undated reprints of one article (placed by their text alone), each with its own closing line: with
    # three holders read per band key, the last reprint reads fewer than the eleven before it, and all twelve
    # still make one near-duplicate group and one story.
    monkeypatch.setattr(stories, "BAND_KEPT", 3)
    read: list[int] = []
    candidates = stories._Assigner.candidates

    def counted(self, article_id, *args):
        found = candidates(self, article_id, *args)
        read.append(len(found))
        return found

    monkeypatch.setattr(stories._Assigner, "candidates", counted)
    corpus = tmp_path / "news"
    for i in range(12):
        closing = f"매체{i}의 편집자는 이 기사에 {i + 2}개 문장을 덧붙이지 않았다고 밝혔다."
        write(corpus, f"reprint_{i:02d}", [*LOI, closing], title=f"전재 {i}", outlet=f"매체{i}", date=None)
    db_path = tmp_path / "i.db"
    build(corpus, db_path)
    p = placed(db_path)
    assert len(p) == 12 and len({v[2] for v in p.values()}) == 1 and len({v[3] for v in p.values()}) == 1
    assert len(read) == 12 and read[:4] == [0, 1, 2, 3] and read[-1] < 11


def _stories_three_ways(index, query: str, limit: int, offset: int, monkeypatch) -> tuple[list, list, list]:
    """A page of a query's stories as the walk reads it (the default), with every member probed in the search
    table (PROBED_FROM 0), and with every hit's story looked up (never dense)."""
    import store.story_views as story_views

    walked = [s.id for s in index.stories(query, limit=limit, offset=offset)]
    with monkeypatch.context() as patch:
        patch.setattr(story_views, "PROBED_FROM", 0)
        probed = [s.id for s in index.stories(query, limit=limit, offset=offset)]
        patch.setattr(story_views, "isqrt", lambda n: 10**9)
        looked_up = [s.id for s in index.stories(query, limit=limit, offset=offset)]
    return walked, probed, looked_up


def test_a_story_walk_that_probes_each_member_finds_the_stories_the_hits_are_in(loi_db, tmp_path, monkeypatch):
    """Words of one phrase with many hits: each member of a story is asked of the search table by its search row
    (dated or not) rather than of a set of every hit. The same stories in the same order, page by page."""
    import store.story_views as story_views

    undated = tmp_path / "undated"  # a story of undated reprints beside dated articles: their search rows differ
    for i in range(4):
        write(undated, f"r{i}", [*LOI, f"매체{i}는 반도체 전재 기사에 출처를 밝혔다."], title=f"반도체 전재 {i}",
              outlet=f"매체{i}", date=None)
    for i in range(3):
        write(undated, f"d{i}", [f"반도체 업황 {i}번째 기사다. 평택 공장이 {i + 1}분기에 가동한다.", f"문단 {i}이다."],
              title=f"반도체 업황 {i}", outlet="한빛일보", date=f"2025-10-0{i + 1}T09:00")
    build(undated, tmp_path / "undated.db")
    for db, queries in ((loi_db, ["삼성", "삼성과", "HBM -평택", "삼성 date:2025-10-01..2025-10-02", "협력", "없는낱말"]),
                        (tmp_path / "undated.db", ["반도체", "전재", "반도체 -평택", "반도체 date:2025-10-02"])):
        index = Index.open(db)
        try:
            for query in queries:
                for limit, offset in ((1, 0), (1, 1), (2, 1), (50, 0)):
                    walked, probed, looked_up = _stories_three_ways(index, query, limit, offset, monkeypatch)
                    assert walked == probed == looked_up, (query, limit, offset)
            statements: list[str] = []
            index.db.set_trace_callback(statements.append)
            with monkeypatch.context() as patch:
                patch.setattr(story_views, "PROBED_FROM", 0)
                assert index.stories(queries[0], limit=50)
            index.db.set_trace_callback(None)
            assert any("hanscope_search_row(member.id" in s for s in statements)
        finally:
            index.close()


def test_an_or_of_plain_terms_most_articles_hold_probes_each_member(loi_db, monkeypatch):
    """A one-letter word (삼: the OR of the pairs that start with it) whose hits are most of the newest articles: each
    member is probed at its search row, not looked up in a set of every hit made first (스 at 100k: 129 -> 70 ms).
    A phrase ANDed with it (스타게이트 오) is in most articles too. The same stories as the set gives, page by page; where
    a phrase is among the OR (삼성전자 | 오), or hits are few among the newest articles, the set stays."""
    import store.search as search
    import store.story_views as story_views

    monkeypatch.setattr(search, "NEWEST_WINDOW", 16)  # the share is read from the newest 2 articles
    index = Index.open(loi_db)
    try:
        for query, probes in (("스", True), ("오", True), ("오 | 삼", True), ("1 -오", True), ("스타게이트 오", True),
                              ("삼성전자 | 오", False), ("하 date:2025-10-01..2025-10-02", False)):  # (none of the newest two)
            assert " OR " in SearchPlan(index, parse_query(query)).driver, query
            for limit, offset in ((1, 0), (1, 1), (2, 1), (50, 0)):
                with monkeypatch.context() as patch:
                    patch.setattr(story_views, "isqrt", lambda n: 0)  # every query walks the stories
                    statements = _statements(index, lambda: index.stories(query, limit=limit, offset=offset))
                    walked = [s.id for s in index.stories(query, limit=limit, offset=offset)]
                    patch.setattr(story_views, "isqrt", lambda n: 10**9)  # every hit read, then its story
                    looked_up = [s.id for s in index.stories(query, limit=limit, offset=offset)]
                assert walked == looked_up, (query, limit, offset)
                assert any("hanscope_search_row(member.id" in s for s in statements) == probes, (query, statements)
            assert [s.id for s in index.stories(query, limit=50)] == looked_up  # and by default, unwalked here
    finally:
        index.close()


def test_a_query_s_stories_walked_biggest_first_are_those_its_hits_are_in(loi_db, monkeypatch):
    """With many hits a page of stories is found by asking each story, biggest first, whether it holds a hit;
    with few, by looking up every hit's story. Both give the same stories in the same order, page by page."""
    index = Index.open(loi_db)
    try:
        queries = ["삼성", "스타게이트", "HBM -평택", "outlet:한빛일보", "삼성 date:2025-10-01..2025-10-02", "@삼성전자",
                   "-스타게이트", "없는낱말"]
        for query in queries:
            for limit, offset in ((1, 0), (1, 1), (2, 1), (50, 0)):
                walked, _, looked_up = _stories_three_ways(index, query, limit, offset, monkeypatch)
                assert walked == looked_up, (query, limit, offset)
        statements: list[str] = []
        index.db.set_trace_callback(statements.append)
        index.stories("삼성", limit=1)
        index.db.set_trace_callback(None)
        assert any("EXISTS (SELECT 1 FROM articles member" in s for s in statements)  # 삼성 is dense here: walked
    finally:
        index.close()


def _statements(index, read) -> list[str]:
    statements: list[str] = []
    index.db.set_trace_callback(statements.append)
    try:
        read()
    finally:
        index.db.set_trace_callback(None)
    return statements


def test_conditions_alone_ask_each_member_at_its_own_rows(loi_db, monkeypatch):
    """Without words to drive, a story's members are asked at their own rows (the entity's row, the outlet, short
    words at the member's search row) rather than of a set of every hit made first: at 1M a page of 40 stories of
    `@삼성전자` took 837 ms, now 7; `-삼성` 1.6 s, now 54 ms."""
    import store.story_views as story_views

    monkeypatch.setattr(story_views, "isqrt", lambda n: 0)  # any hit is many: the walk
    index = Index.open(loi_db)
    try:
        for query in ("@삼성전자", "-스타게이트", "outlet:한빛일보", "@삼성전자 -스타게이트"):
            walk = [s for s in _statements(index, lambda: index.stories(query, limit=1)) if "member.story = s.id" in s]
            assert walk and all("a.id = member.id" in s and "member.id IN (" not in s for s in walk), (query, walk)
            if "스타게이트" in query:  # short words: at the member's search row, not a set of their every hit
                assert all("hanscope_search_row(a.id" in s for s in walk), walk
    finally:
        index.close()


def test_few_hits_are_read_once_for_their_stories(loi_db):
    """Counting a query's hits, then reading them for their stories, read the search table twice (`1조2000억원`,
    whose digits' terms are in nearly every article: 865 ms a page at 1M, now 258); hits fewer than the walk's
    threshold are read once."""
    index = Index.open(loi_db)
    try:
        for query in ("스타게이트", "삼성 date:2025-10-01..2025-10-02", "없는낱말"):
            matches = [s for s in _statements(index, lambda: index.stories(query, limit=50)) if "MATCH" in s]
            if query == "없는낱말":  # no story: then asked once more (for a first hit) whether the word is a typo
                assert len(matches) == 2, matches
            else:
                assert len(matches) == 1, (query, matches)
        assert [s.id for s in index.stories("스타게이트", limit=50)] == [s.id for s in index.stories("스타게이트", limit=None)]
        # conditions alone with words, walked a batch at a time: the walk's hits give the stories (by:김 -반도체 at
        # 100k: 85 -> 44 ms), no set of every hit of the excluded words made after it
        for query in ("-스타게이트", "by:박 -스타게이트", "outlet:한빛일보 -영업이익", "@삼성전자 -영업이익"):
            statements = _statements(index, lambda: index.stories(query, limit=50))
            assert not any("NOT (a.id IN (SELECT" in s or "member.story = s.id" in s for s in statements), statements
            assert any("MATCH" in s and " AND rowid <= " in s for s in statements), (query, statements)  # the walk's
            assert [s.id for s in index.stories(query, limit=50)] == [s.id for s in index.stories(query, limit=None)] != []
    finally:
        index.close()
