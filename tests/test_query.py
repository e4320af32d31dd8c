"""The query language on the seeds: every form of issue 10, spacing both ways, facets over every hit, paging,
saved searches, and the CLI around them (a query may start with '-', errors are one line with exit 2)."""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.query import QuerySyntaxError, parse
from test_faults import run_cli


def ids(index, query: str, **kw) -> set[int]:
    return {a.id for a in index.search(query, limit=None, **kw).articles}


def body_ids(index, *words: str) -> set[int]:
    """Ground truth from the stored bodies and titles, spaces removed (what the user means by 'contains')."""
    found = set()
    for info in index.articles():
        detail = index.article(info.id)
        text = "".join(f"{detail.title or ''} {detail.subtitle or ''} {detail.body}".split()).casefold()
        if all("".join(w.split()).casefold() in text for w in words):
            found.add(info.id)
    return found


ALL = {1, 2, 3, 4, 5}


def test_exclusion(seeds_index):
    # (비트코인 is only in seed 001's price ticker, which cleaning removes: no body holds it)
    assert ids(seeds_index, "삼성 -비트코인") == ids(seeds_index, "삼성") != set()
    with_gyeongju = ids(seeds_index, "경주")
    assert with_gyeongju and ids(seeds_index, "삼성") - with_gyeongju
    assert ids(seeds_index, "삼성 -경주") == ids(seeds_index, "삼성") - with_gyeongju
    assert ids(seeds_index, "-경주 삼성") == ids(seeds_index, "삼성 -경주")
    assert ids(seeds_index, "NOT 경주 삼성") == ids(seeds_index, "삼성 -경주")
    assert ids(seeds_index, "-경주") == ALL - with_gyeongju  # a query of exclusions only
    assert ids(seeds_index, '-"스타게이트 프로젝트"') == ALL - ids(seeds_index, '"스타게이트 프로젝트"')


def phrase_ids(index, first: str, second: str) -> set[int]:
    """Articles where `second` follows `first` with only spaces or marks between (프로젝트 '스타게이트')."""
    pattern = re.compile(re.escape(first) + r"[\W_]*" + re.escape(second))
    return {i for i in ALL if pattern.search(f"{index.article(i).title or ''}\n{index.article(i).body}")}


def test_a_phrase_is_adjacent_words_in_order(seeds_index):
    phrase = ids(seeds_index, '"스타게이트 프로젝트"')
    assert phrase == phrase_ids(seeds_index, "스타게이트", "프로젝트") != set()
    assert phrase < ids(seeds_index, "스타게이트 프로젝트")  # both words, anywhere: more articles
    assert ids(seeds_index, '"프로젝트 스타게이트"') == phrase_ids(seeds_index, "프로젝트", "스타게이트") != phrase


@pytest.mark.parametrize("spaced, joined", [("90만 장", "90만장"), ("젠슨 황", "젠슨황"), ("5000억 달러", "5000억달러"),
                                            ('"스타게이트 프로젝트"', "스타게이트프로젝트")])
def test_spacing_does_not_matter_either_way(seeds_index, spaced, joined):
    assert ids(seeds_index, spaced) == ids(seeds_index, joined) == body_ids(seeds_index, joined)
    assert ids(seeds_index, joined)


def test_an_amount_with_a_space_is_one_term_not_a_number_and_a_syllable(seeds_index):
    # 90만 장 once read as 90 AND 장* (만 dropped as a particle): it found articles with no 90만 in them
    assert ids(seeds_index, "90만 장") == body_ids(seeds_index, "90만장")
    assert {n.raw for n in seeds_index.search("90만 장").numbers} >= {"월 90만장"}
    assert ids(seeds_index, "90만") == body_ids(seeds_index, "90만")


def test_or_and_brackets(seeds_index):
    assert ids(seeds_index, "경주 | 비트코인") == ids(seeds_index, "경주") | ids(seeds_index, "비트코인")
    assert ids(seeds_index, "경주 OR 비트코인") == ids(seeds_index, "경주 | 비트코인")
    grouped = ids(seeds_index, "(경주 | 비트코인) 웨이퍼")
    assert grouped == (ids(seeds_index, "경주") | ids(seeds_index, "비트코인")) & ids(seeds_index, "웨이퍼")


def test_prefix_star_is_accepted(seeds_index):
    assert ids(seeds_index, "하이닉*") == ids(seeds_index, "하이닉스") == body_ids(seeds_index, "하이닉")


def test_entity_under_any_of_its_names(seeds_index):
    samsung = seeds_index.find_entity("삼성전자")
    expected = {a.id for a in seeds_index.entity(samsung.id).articles}
    assert expected
    for query in ("@삼성전자", "entity:삼성전자", f"entity:#{samsung.id}", "@삼셩전자", "@ㅅㅅㅈㅈ", "ㅅㅅㅈㅈ"):
        assert ids(seeds_index, query) == expected, query
    openai = {a.id for a in seeds_index.entity("오픈AI").articles}
    assert ids(seeds_index, '@"Open AI"') == ids(seeds_index, "@OpenAI") == openai
    assert ids(seeds_index, "@오픈AI -@삼성전자") == openai - expected
    assert ids(seeds_index, "@오픈AI | @삼성전자") == openai | expected
    assert seeds_index.search("@삼성전자").entities[0].id == samsung.id


def test_an_unknown_entity_matches_nothing_and_says_why(seeds_index):
    result = seeds_index.search("@없는회사이름")
    assert result.total_articles == 0 and result.notes == ["no entity matches '없는회사이름'"]


def test_a_latin_name_finds_the_hangul_spelling_and_back(seeds_index):
    assert ids(seeds_index, "nvidia") == ids(seeds_index, "엔비디아") != set()
    assert body_ids(seeds_index, "nvidia") < ids(seeds_index, "nvidia")  # the text alone says NVIDIA less often


def test_a_word_no_article_holds_is_read_as_the_name_it_nearly_spells(seeds_index):
    """As a search engine shows the results for its correction: a typo (엔비디야, 삼송전자는, nvidai) lists the
    articles of the entity it nearly spells, and says so; quoted, the word is searched as typed."""
    nvidia = seeds_index.find_entity("엔비디아")
    expected = {a.id for a in seeds_index.entity(nvidia.id).articles}
    for typo in ("엔비디야", "엔비디야는", "nvidai"):
        result = seeds_index.search(typo, limit=None)
        assert {a.id for a in result.articles} == expected != set(), typo
        assert result.instead is not None and (result.instead.entity_id, result.instead.entity) == (nvidia.id, "엔비디아")
        assert result.instead.typed == typo.removesuffix("는") and "엔비디아" in result.instead.note
        assert result.entities[0].id == nvidia.id and result.entities[0].how == "fuzzy"  # the row says how it was found
    assert ids(seeds_index, "삼송전자는") == {a.id for a in seeds_index.entity("삼성전자").articles}
    quoted = seeds_index.search('"엔비디야"')
    assert quoted.total_articles == 0 and quoted.instead is None
    # filters stay, and the pages and facets of the app answer the same correction
    assert ids(seeds_index, "엔비디야 outlet:더팩트") == expected & ids(seeds_index, "outlet:더팩트") != set()
    assert {a.id for a in seeds_index.search_page("엔비디야", 10, 0)} == expected
    facets, total = seeds_index.facets_and_count("엔비디야")
    assert total == len(expected) and (nvidia.name, nvidia.type, len(expected), nvidia.id) in facets.entity


def test_a_word_some_article_holds_is_never_corrected(seeds_index):
    for query in ("엔비디", "하이닉스", "웨이퍼", "엔비디아 -엔비디야", "엔비디야 | 웨이퍼", "엔디"):
        assert seeds_index.search(query).instead is None, query
    # two letters are too few to guess from: 엔디 stays a word with no hits
    assert seeds_index.search("엔디").total_articles == 0


def test_a_word_its_filters_leave_without_hits_is_no_typo(seeds_index):
    """하이닉스 is in the seeds' text: an outlet that has none of it empties the answer, and the word is not read as
    the name it nearly spells; a typo whose correction the filters also empty is not corrected either."""
    for query in ("하이닉스 outlet:없는곳", "하이닉스 date:1990"):
        result = seeds_index.search(query)
        assert result.total_articles == 0 and result.instead is None, query
    assert seeds_index.search("하이닉쓰 outlet:없는곳").instead is None
    assert seeds_index.search("하이닉쓰").instead is not None  # without the filter it is corrected


def test_outlet_and_reporter_fields(seeds_index):
    assert ids(seeds_index, "outlet:헤럴드경제") == {1}
    assert ids(seeds_index, "outlet:헤럴드") == {1}  # a prefix
    assert ids(seeds_index, 'outlet:"헤럴드 경제"') == {1}  # spacing in the value does not matter
    assert ids(seeds_index, "outlet:헤럴드 outlet:뉴스웍스") == {1, 3}  # several of one field: either
    assert ids(seeds_index, "AI -outlet:헤럴드") == ids(seeds_index, "AI") - {1}
    assert ids(seeds_index, "by:김현일") == {1}
    assert ids(seeds_index, "by:박혜원 outlet:헤럴드") == {1}
    assert ids(seeds_index, "by:최진") == {5}
    assert ids(seeds_index, "outlet:연합뉴스") == set()


def test_date_fields(seeds_index):
    # seed 2 is dated 2024-11-04T17:28, seed 5 2025-11-12; the others carry no date
    assert ids(seeds_index, "date:2025-11") == {5}
    assert ids(seeds_index, "date:2024") == {2}
    assert ids(seeds_index, "date:2024-11-04") == {2}
    assert ids(seeds_index, "date:2024-11-01..2025-11-12") == {2, 5}  # the end day is included
    assert ids(seeds_index, "date:2024-11-05..2025-11-11") == set()
    assert ids(seeds_index, "after:2025-01-01") == {5}
    assert ids(seeds_index, "before:2025-11") == {2}
    assert ids(seeds_index, "AI after:2024-11-04 before:2025-11-13") == {2, 5}  # undated ones leave only now
    assert ids(seeds_index, "AI") == ALL  # without a date filter, undated articles count


@pytest.mark.parametrize("query, meant", [
    ("2025-11", "date:2025-11"), ("삼성 2024.11.04", "date:2024.11.04"), ("2024-11-01..2025-11-12", "date:2024-11-01..2025-11-12"),
    ("AI 2025/11/12", "date:2025/11/12"), ("2025", None), ("2025-13", None), ("90만장", None), ("삼성 -2025-11", None),
    ('"2025-11"', None), ("2025-11 date:2025", None)])
def test_a_word_that_reads_as_a_date_gets_the_date_filter_as_a_hint(seeds_index, query, meant):
    """2025-11 is searched as text (no seed writes it); the hint names the filter that finds seed 5. A year alone,
    what date: cannot read, an excluded or quoted word and a query with its own date filter get none."""
    hint = seeds_index.search(query).hint
    if meant is None:
        assert hint is None
    else:
        assert hint.endswith(f"is searched as text; {meant} filters by date") and ids(seeds_index, meant) <= ALL
    if query == "2025-11":
        assert ids(seeds_index, query) == set() and ids(seeds_index, meant) == {5}


def test_the_cli_gives_the_date_hint_with_its_answer_or_its_error(seeds_db):
    lines = run_cli("search", "AI 2024-11-04", "--db", str(seeds_db)).stdout.splitlines()
    nothing = run_cli("search", "2025-11", "--db", str(seeds_db))
    assert nothing.returncode == 1 and "2025-11 is searched as text; date:2025-11 filters by date" in nothing.stderr
    assert json.loads(run_cli("search", "2025-11", "--json", "--db", str(seeds_db)).stdout)["hint"].endswith(
        "date:2025-11 filters by date")
    assert lines[-2:] == ["articles (0)", "hint: 2024-11-04 is searched as text; date:2024-11-04 filters by date"]


def test_sort_orders(seeds_index):
    newest = [a.id for a in seeds_index.search("AI sort:new", limit=None).articles]
    assert newest[:2] == [5, 2] and set(newest) == ALL  # undated last
    oldest = [a.id for a in seeds_index.search("AI sort:old", limit=None).articles]
    assert oldest[:2] == [2, 5]
    ranked = seeds_index.search("AI sort:rank", limit=None)
    assert ranked.sort == "rank" and [a.score for a in ranked.articles] == sorted((a.score for a in ranked.articles),
                                                                                   reverse=True)
    assert seeds_index.search("outlet:헤럴드").sort == "new"  # nothing to rank by


def test_type_narrows_the_entity_section(seeds_index):
    everything = seeds_index.search("삼성", facets=True)
    assert {e.type for e in everything.entities} - {"person"}
    people = seeds_index.search("AI type:person", facets=True)
    assert people.entities == [] or {e.type for e in people.entities} == {"person"}
    assert people.facets.entity and {e[1] for e in people.facets.entity} == {"person"}
    assert ids(seeds_index, "AI type:person") == ids(seeds_index, "AI")  # articles are not narrowed


def test_a_combined_query(seeds_index):
    query = '(삼성 | SK) "하이닉스" -비트코인 @오픈AI outlet:헤럴드 by:김현일 sort:new'
    expected = ((ids(seeds_index, "삼성") | ids(seeds_index, "SK")) & ids(seeds_index, "하이닉스")
                - ids(seeds_index, "비트코인")) & ids(seeds_index, "@오픈AI") & ids(seeds_index, "outlet:헤럴드")
    assert ids(seeds_index, query) == expected == {1}


def test_facets_count_every_hit_not_only_the_page(seeds_index):
    result = seeds_index.search("AI", limit=1, facets=True)
    assert len(result.articles) == 1 and result.total_articles == 5
    assert sum(n for _, n in result.facets.outlet) == 4  # one seed has no outlet
    assert dict(result.facets.month) == {"2024-11": 1, "2025-11": 1}
    name, kind, n, entity_id = result.facets.entity[0]
    assert n == len({a.id for a in seeds_index.entity(entity_id).articles} & ALL)


def test_offset_pages_through_every_hit(seeds_index):
    every = [a.id for a in seeds_index.search("AI", limit=None).articles]
    paged = [a.id for offset in range(0, 5, 2) for a in seeds_index.search("AI", limit=2, offset=offset).articles]
    assert paged == every and len(every) == 5
    beyond = seeds_index.search("AI", limit=2, offset=10)
    assert beyond.articles == [] and beyond.total_articles == 5


def test_saved_searches_live_in_the_index(seeds_db_copy):
    from store.api import Index

    index = Index.open(seeds_db_copy)
    index.save_search("칩", "HBM -비트코인")
    assert index.saved_searches() == {"칩": "HBM -비트코인"}
    with pytest.raises(QuerySyntaxError):
        index.save_search("bad", '"HBM')
    last = max(a.id for a in index.articles())
    assert index.saved_gains(0) == [("칩", index.search("HBM -비트코인").total_articles)]
    assert index.saved_gains(last) == [("칩", 0)]
    assert index.delete_saved_search("칩") and index.saved_searches() == {}


# --- the CLI ---------------------------------------------------------------------------------------------


def test_cli_query_may_start_with_a_minus(seeds_db):
    proc = run_cli("search", "-비트코인 삼성", "--json", "--db", str(seeds_db))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["total_articles"] >= 1 and data["query"] == "-비트코인 삼성"


def test_cli_says_when_a_typo_was_read_as_a_name(seeds_db):
    data = json.loads(run_cli("search", "엔비디야", "--json", "--db", str(seeds_db)).stdout)
    assert data["instead"]["typed"] == "엔비디야" and data["instead"]["entity"] == "엔비디아" and data["total_articles"] == 3
    assert json.loads(run_cli("search", "엔비디아", "--json", "--db", str(seeds_db)).stdout)["instead"] is None
    lines = run_cli("search", "엔비디야", "--db", str(seeds_db)).stdout.splitlines()
    said = [i for i, line in enumerate(lines) if line.startswith("no article has 엔비디야: showing articles that mention 엔비디아")]
    assert said and lines[said[0] + 1].startswith("articles (3)")  # said right above the articles it explains


def test_cli_says_no_article_matched_when_only_names_did(seeds_db):
    """삼성 names entities, and an outlet no article has leaves no article: the output says 0, not only the names."""
    lines = run_cli("search", "삼성 outlet:없는신문", "--db", str(seeds_db)).stdout.splitlines()
    assert lines[0] == "entities" and any(line.split()[1:2] == ["삼성"] for line in lines)
    assert "articles (0)" in lines
    past = run_cli("search", "삼성", "--offset", "500", "--db", str(seeds_db)).stdout.splitlines()
    total = json.loads(run_cli("search", "삼성", "--json", "--db", str(seeds_db)).stdout)["total_articles"]
    assert f"articles ({total}, none past 500)" in past
    assert "articles (" not in run_cli("search", "쿼리없음xyzzy", "--db", str(seeds_db)).stdout  # nothing at all: stderr


def test_cli_json_has_facets_and_pages(seeds_db):
    first = json.loads(run_cli("search", "AI", "--limit", "2", "--json", "--db", str(seeds_db)).stdout)
    second = json.loads(run_cli("search", "AI", "--limit", "2", "--offset", "2", "--json", "--db", str(seeds_db)).stdout)
    assert first["total_articles"] == second["total_articles"] == 5
    assert not {a["id"] for a in first["articles"]} & {a["id"] for a in second["articles"]}
    assert set(first["facets"]) == {"outlet", "month", "entity", "entity_over"} and first["facets"]["entity_over"] == 5
    assert first["facets"]["month"] == [["2024-11", 1], ["2025-11", 1]]
    assert all(len(e) == 4 for e in first["facets"]["entity"])


@pytest.mark.parametrize("query, reason", [('"삼성', "never closed"), ("foo:bar", "unknown field foo:"),
                                           ("date:2025-13", "no such month"), ("(삼성 | SK", "never closed"),
                                           ("삼성 | ", "each side"), ("date:2025-12..2025-01", "before it starts")])
def test_cli_bad_query_is_one_line_and_exit_2(seeds_db, query, reason):
    for args in (["--json"], []):
        proc = run_cli("search", query, *args, "--db", str(seeds_db))
        assert proc.returncode == 2 and proc.stdout == ""
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and reason in lines[0] and "at character" in lines[0]


def test_cli_saved_search_and_index_report(seeds_db_copy, tmp_path):
    db = str(seeds_db_copy)
    assert run_cli("search", "웨이퍼", "--save", "wafer", "--db", db).returncode == 0
    saved = json.loads(run_cli("search", "--saved", "wafer", "--json", "--db", db).stdout)
    assert saved["query"] == "웨이퍼" and saved["total_articles"] >= 1
    missing = run_cli("search", "--saved", "없음", "--db", db)
    assert missing.returncode == 2 and "no saved search named '없음' (saved: wafer)" in missing.stderr
    new = tmp_path / "new"
    new.mkdir()
    (new / "wafer.txt").write_text("삼성전자가 웨이퍼 공급을 늘린다.\n\n웨이퍼 90만 장을 더 만든다고 밝혔다.\n", encoding="utf-8")
    report = json.loads(run_cli("index", str(new), "--json", "--workers", "0", "--db", db).stdout)
    assert report["saved_searches"] == [{"name": "wafer", "new_articles": 1}]


def test_parse_positions_point_at_the_problem():
    with pytest.raises(QuerySyntaxError) as err:
        parse('삼성 "HBM')
    assert err.value.position == 3
    assert parse("삼성과 오픈AI는").texts()[0].text == "삼성"


def test_entity_pages_bound_mentions_and_articles(seeds_index):
    whole = seeds_index.entity("오픈AI")
    assert len(whole.mentions) == whole.entity.mentions > 6 and len(whole.articles) == 4
    pages = [seeds_index.entity("오픈AI", mention_limit=3, offset=k, article_limit=3)
             for k in range(0, whole.entity.mentions, 3)]
    assert [m.id for page in pages for m in page.mentions] == [m.id for m in whole.mentions]
    assert [a.id for a in pages[0].articles + pages[1].articles] == [a.id for a in whole.articles]
    assert all(len(page.articles) <= 3 for page in pages)


def test_cli_entity_limit_and_offset(seeds_db):
    first = json.loads(run_cli("entity", "오픈AI", "--limit", "2", "--json", "--db", str(seeds_db)).stdout)
    second = json.loads(run_cli("entity", "오픈AI", "--limit", "2", "--offset", "2", "--json", "--db", str(seeds_db)).stdout)
    assert len(first["mentions"]) == len(first["articles"]) == 2 and second["offset"] == 2
    assert not {a["id"] for a in first["articles"]} & {a["id"] for a in second["articles"]}
    assert first["entity"]["articles"] == 4  # totals stay whole


QUERY_PIECES = list('삼성 경주ㅅㅈAIsk09"()|-*@:.#만억 \\%_\';') + ["OR", "NOT", "AND", "outlet:", "by:", "date:", "after:",
                                                                    "before:", "entity:", "sort:", "type:", "foo:",
                                                                    "2025-10", "..", "new", "person", "\x07"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(QUERY_PIECES), max_size=25).map("".join))
def test_any_query_gets_the_parsers_own_error_or_an_answer(seeds_index, text):
    try:
        result = seeds_index.search(text, facets=True)
    except QuerySyntaxError as err:
        assert 0 <= err.position <= len(text) and "\n" not in str(err)
        return
    assert result.total_articles == len(result.articles) <= 5


def test_an_entity_query_opens_its_snippets_at_a_mention(seeds_index):
    for hit in seeds_index.search("@엔비디아").articles:
        marked = [hit.snippet[s:e] for s, e in hit.highlights]
        assert marked and all(m.casefold() in ("엔비디아", "nvidia", "엔디비아") for m in marked), marked


def test_a_word_that_names_no_entity_lists_only_a_few_names_it_is_part_of(seeds_index):
    inside = seeds_index.search("AI").entities
    assert 0 < len(inside) <= 3 and all(h.how != "exact" for h in inside)  # 7 names with AI in them pushed articles off
    assert seeds_index.search("삼성").entities[0].name == "삼성"


def test_the_start_of_a_common_word_offers_no_entity_through_a_description(seeds_index):
    """반도 is half of 반도체: TSMC came first because its alias list held 대만 반도체, a description (it would also
    have counted "대만 반도체 업계" as TSMC), not a name."""
    answer = seeds_index.search("반도")
    assert answer.entities == [] and answer.total_articles == 5  # every seed says 반도체
    assert "TSMC" in [h.name for h in seeds_index.search("TSMC").entities]
