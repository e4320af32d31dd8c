"""Words with @entities (`@이재용 반도체`): the newest hits that the ranked page and the keystroke's count read come
from the rarest entity's rows and the words' hits over the same days (store.entity_windows), the same rows, in the
same order, as probing each word hit for the entity."""
from __future__ import annotations

import pytest

import store.entity_windows as windows
import store.plan_binding as binding
from store.api import Index
from store.db import connect
from store.indexer import index_paths
from store.query import parse
from store.search import SearchPlan
from store.textindex import fts_rowid

LINES = ["삼성전자 이재용 회장이 반도체 투자를 밝혔다.", "SK하이닉스가 HBM 반도체를 90만 장 더 만든다.",
         "삼성전자와 SK하이닉스가 반도체 공급을 논의했다.", "이재용 회장은 양자내성암호 연구소를 찾았다.",
         "현대차가 관세 대응에 나섰다.", "삼성전자는 HBM 공급을 늘린다."]


@pytest.fixture(scope="module")
def named(tmp_path_factory):
    """48 articles over eight days, six a day at the same few minutes (a day splits across batches), four undated."""
    tmp = tmp_path_factory.mktemp("named")
    corpus = tmp / "news"
    corpus.mkdir()
    for n in range(48):
        stamp = "" if n % 12 == 5 else f"입력 2025-03-{10 + n % 8:02} 0{n % 3}:00\n\n"
        text = " ".join(LINES[(n + k) % 6] for k in range(1 + n % 3))
        (corpus / f"{n:02}.txt").write_text(f"산업 동향 {n}보\n\n동녘일보 홍길동 기자\n{stamp}{text}\n", encoding="utf-8")
    db = connect(tmp / "n.db", create=True)
    index_paths(db, [corpus], workers=0)
    db.close()
    return Index.open(tmp / "n.db")


QUERIES = ["@이재용 반도체", "반도체 @삼성전자", "HBM @SK하이닉스", "@삼성전자 @SK하이닉스 반도체", "@이재용 양자내성암호",
           "@삼성전자 HBM after:2025-03-13", "@삼성전자 반도체 before:2025-03-15", "@삼성전자 반도체 date:2025-03-12",
           "@SK하이닉스 90만장", "@삼성전자 반"]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("batch", [1, 3, 256])
def test_the_newest_hits_are_the_probed_ones(named, monkeypatch, query, batch):
    monkeypatch.setattr(windows, "BATCH", batch)
    monkeypatch.setattr(binding, "RARE_AT_ROW", 0)  # here every entity is rare: its rows would be asked at FTS5
    for want in (1, 2, 5, 13, 100):
        plan = SearchPlan(named, parse(query), rank_window=want - 1)
        assert plan._anded_entities(), query  # the path under test
        probed = plan._newest_below(None, want)  # each word hit probed for the entities, newest first
        assert plan._newest() == probed, (query, want)
    assert named.search(query, limit=None, exact_count=True).total_articles == len(
        SearchPlan(named, parse(query))._newest_below(None, 10_000)), query


def test_the_answers_are_what_the_texts_say(named, monkeypatch):
    """Against the texts themselves: an article is a hit when its body has the word and its entity rows the entity."""
    monkeypatch.setattr(binding, "RARE_AT_ROW", 0)
    monkeypatch.setattr(windows, "BATCH", 2)
    rows = {a.id: a for a in named.articles()}
    who = named.find_entity("이재용").id
    naming = {a for (a,) in named._rows("SELECT article_id FROM article_entities WHERE entity_id = ?", (who,))}
    body = {i: named._rows("SELECT body FROM articles WHERE id = ?", (i,))[0][0] for i in rows}
    expected = [i for i in rows if "반도체" in body[i] and i in naming]
    assert expected
    newest = sorted(expected, key=lambda i: fts_rowid(i, rows[i].date), reverse=True)  # with words: by day, then id
    assert SearchPlan(named, parse("@이재용 반도체"))._newest() == [fts_rowid(i, rows[i].date) for i in newest]
    assert named.search("@이재용 반도체", limit=5, exact_count=False).total_articles == len(expected)
    assert {a.id for a in named.search("@이재용 반도체", limit=None).articles} == set(expected)


def test_rare_words_drive_after_one_batch(named, monkeypatch):
    """`@삼성전자 양자내성암호`: over the first batch's days the words have fewer hits than the entity has rows, so
    their hits drive from there (one range read, then the probed statement), not a range read per entity batch."""
    monkeypatch.setattr(windows, "BATCH", 4)
    monkeypatch.setattr(binding, "RARE_AT_ROW", 0)
    statements: list[str] = []
    plan = SearchPlan(named, parse("@삼성전자 양자내성암호"))
    named.db.set_trace_callback(statements.append)
    try:
        newest = plan._newest()
    finally:
        named.db.set_trace_callback(None)
    ranges = [s for s in statements if "AND rowid >=" in s and "MATCH" in s and not s.startswith("--")]
    assert len(ranges) == 1 and newest == plan._newest_below(None, plan.rank_window + 1)
