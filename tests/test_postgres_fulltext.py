"""The PostgreSQL full-text pieces without a server: the tsvector an article gets, the tsquery a query tree gets,
and the SQL rewrites. (The contract test runs them against a real server.)"""
from __future__ import annotations

import pytest

from store.backends.postgres.dialect import translate
from store.backends.postgres.fulltext import ExpressionError, tsquery, tsvector_literal
from store.query import parse
from store.fts_query import fts_expression


def _tsquery(text: str) -> str:
    return tsquery(fts_expression(parse(text).root))


def test_spacing_variants_meet_on_the_bridge_token():
    vector = tsvector_literal("", "월 최대 90만 장")
    assert "'만장_'" in vector and "'90'" in vector  # the bridge across 90만 | 장 is indexed
    query = _tsquery("90만장")
    assert query == _tsquery("90만 장")  # one query for both spacings: each pair plain or as a bridge, no prefixes
    assert "('90' <-> '0만' <-> '만장')" in query and "('90' <-> '0만' <-> '만장_')" in query and ":*" not in query


def test_headline_and_body_are_weighted_and_kept_apart():
    vector = tsvector_literal("삼성", "전자")
    positions = dict(part.split(":") for part in vector.split())
    assert positions["'삼성'"] == "1A" and positions["'전자'"].isdigit()
    assert int(positions["'전자'"]) > 2  # a gap: 삼성 | 전자 is no phrase across headline and body
    assert "'성전_'" not in vector


def test_query_operators_become_tsquery_operators():
    assert _tsquery("경주") == "'경주'"  # two letters: the bigram itself, no prefix (not across 대경 주식)
    assert _tsquery("삼성 -전자") == "('삼성' & !'전자')"
    assert _tsquery("SK OR 네이버") == ("('sk' | (('네이' <-> '이버') | ('네이_' <-> '이버') | ('네이' <-> '이버_') | "
                                       "('네이_' <-> '이버_')))")
    assert _tsquery("오픈AI는").startswith("(('오픈' <-> '픈a' <-> 'ai') | ")  # the particle is left to the query parser


@pytest.mark.parametrize("bad", ['"a"; DROP TABLE articles', "'a' | 'b'", '"a" AND', '("a"', '"a")', "", '"a" "b"'])
def test_only_the_store_expression_grammar_becomes_a_tsquery(bad):
    with pytest.raises(ExpressionError):
        tsquery(bad)


def test_user_text_with_quotes_and_backslashes_never_reaches_the_tsquery_as_syntax():
    # only letters and digits become lexemes; the operators are the query language's (| is OR), never the text's
    assert _tsquery("it's \\ 'x' | !y:*") == ("(((('it' <-> 'ts') | ('it_' <-> 'ts') | ('it' <-> 'ts_') | ('it_' <-> 'ts_')) "
                                           "& 'x':*) | 'y':*)")


def test_sqlite_sql_is_rewritten_for_postgresql():
    sql, fts = translate("SELECT rowid, bm25(articles_fts, 1.0, 4.0) AS rank FROM articles_fts WHERE articles_fts MATCH ?")
    assert fts == (0,) and "articles_fts.tsv @@ fts.q" in sql and "-ts_rank('{0.25, 0.25, 0.25, 1.0}'" in sql
    sql, _ = translate("INSERT OR REPLACE INTO meta(key, value) VALUES ('link_stale', '1')")
    assert sql.endswith('ON CONFLICT (key) DO UPDATE SET "value" = excluded."value"')
    sql, _ = translate("SELECT id FROM articles a WHERE 1 AND a.id IN (SELECT value FROM json_each(?)) LIMIT ? OFFSET ?")
    assert sql == ("SELECT id FROM articles a WHERE TRUE AND a.id IN (SELECT value FROM hs_each_int(%s)) "
                   "LIMIT NULLIF(%s::bigint, -1) OFFSET %s")
    sql, _ = translate("SELECT 1 FROM aliases WHERE instr(norm, ?) OR instr(norm, ?) LIMIT 1")
    assert sql == "SELECT 1 FROM aliases WHERE (strpos(norm, %s) > 0) OR (strpos(norm, %s) > 0) LIMIT 1"
    sql, _ = translate("SELECT x FROM t WHERE a LIKE '50%' AND b = ?")
    assert sql == "SELECT x FROM t WHERE a LIKE '50%%' AND b = %s"


def test_the_loose_tsquery_is_what_the_gin_index_answers_alone_a_superset_of_the_strict_one():
    expression = fts_expression(parse('"반도체 공급" -엔비디아').root)
    strict, loose = tsquery(expression), tsquery(expression, loose=True)
    assert "<->" in strict and "!" in strict
    assert "<->" not in loose and "!" not in loose  # no positions to recheck: the index decides alone
    # the phrase's pairs ANDed, each with or without its bridge mark, so the 11 spacing variants are one branch (the strict query: 47 `<->`, with the exclusion);
    # the exclusion left out
    assert strict.count("<->") == 47 and loose == "('반도':* & '도체':* & '체공':* & '공급':*)"
    assert tsquery(fts_expression(parse("경주").root), loose=True) == "'경주'"  # nothing to loosen: the same


def test_the_sure_tsquery_is_the_part_the_index_answers_exactly():
    from store.backends.postgres.fulltext import sure_tsquery

    def sure(text):
        return sure_tsquery(fts_expression(parse(text).root))

    assert sure("경주") == "'경주'" and sure("삼성 -전자") == "('삼성' & !'전자')"  # no phrase: all of it
    assert sure("90만 장") is None and sure('"반도체 공급"') is None  # a phrase needs its positions
    assert sure("삼성 OR 네이버") == "'삼성'"  # an OR: its sure branches
    assert sure("삼성 네이버") is None  # an AND: all or nothing
    # an exclusion of a phrase: sure where none of the phrase's pairs is (its loose query)
    assert sure("삼성 -네이버") == "('삼성' & !('네이':* & '이버':*))"


def test_the_rank_query_keeps_each_lexeme_once_under_a_root_of_the_same_kind():
    from store.backends.postgres.fulltext import rank_query

    spaced = _tsquery("하이닉스")  # every spacing variant repeats the bigrams: 4 branches of 3
    assert spaced.count("'하이'") > 1
    assert rank_query(spaced) == "('하이' | '이닉' | '닉스' | '하이_' | '이닉_' | '닉스_')"  # an OR stays an OR
    assert rank_query(_tsquery("삼성 -전자")) == "('삼성' & '전자')"  # AND (ts_rank's calc_rank_and) stays AND,
    assert rank_query("('90' <-> '0만' <-> '90')") == "('90' & '0만')"  # a phrase reads as AND too
    assert rank_query(_tsquery("경주")) == "'경주'"
    # the same lexeme with and without a prefix mark: which one ts_rank keeps is undefined, so nothing changes
    assert rank_query("('ab':* | 'ab' | 'cd')") == "('ab':* | 'ab' | 'cd')"
    assert rank_query("(('it''s' <-> 'x') | 'it''s')") == "('it''s' | 'x')"
