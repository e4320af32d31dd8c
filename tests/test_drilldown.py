"""Entity drill-down on the seeds, read through article_entities: counts, the mention page, co-mentions, timeline."""
from __future__ import annotations

from collections import Counter

import pytest

import store.api
from store.api import Index


@pytest.fixture(scope="module")
def index(seeds_db):
    ix = Index.open(seeds_db)
    yield ix
    ix.close()


def raw_mentions(index: Index, entity_id: int) -> list[tuple[int, int]]:
    return [tuple(r) for r in index._rows("SELECT article_id, start FROM mentions WHERE entity_id = ?", (entity_id,))]


@pytest.mark.parametrize("name", ["SK하이닉스", "오픈AI", "엔비디아", "삼성전자"])
def test_article_counts_agree_with_the_mentions_table(index, name):
    detail = index.entity(name)
    truth = Counter(article for article, _ in raw_mentions(index, detail.entity.id))
    assert {a.id: a.count for a in detail.articles} == truth
    assert detail.entity.mentions == sum(truth.values()) == len(detail.mentions)
    assert detail.entity.articles == len(truth) == detail.related_over
    counts = [a.count for a in detail.articles]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_a_mention_page_is_the_head_of_the_whole_list(index, limit):
    whole = index.entity("SK하이닉스").mentions
    page = index.entity("SK하이닉스", mention_limit=limit).mentions
    assert len(whole) > 5 and len({m.article_id for m in whole[:5]}) > 1
    assert [(m.article_id, m.start) for m in page] == [(m.article_id, m.start) for m in whole[:limit]]
    assert all(m.left + m.surface + m.right in m.context for m in page)  # KWIC built from the page's bodies


def test_mentions_come_newest_article_first(index):
    mentions = index.entity("오픈AI").mentions
    dates = [m.date or "" for m in mentions]
    assert dates == sorted(dates, reverse=True)


def test_co_mentions_count_shared_articles(index):
    detail = index.entity("SK하이닉스")
    mine = {a.id for a in detail.articles}
    by_name = {r.name: r.count for r in detail.related}
    samsung = index.entity("삼성전자")
    assert by_name["삼성전자"] == len(mine & {a.id for a in samsung.articles}) > 0
    assert "SK하이닉스" not in by_name


def test_co_mentions_of_a_big_entity_are_counted_over_its_newest_articles(index, monkeypatch):
    monkeypatch.setattr(store.api, "RELATED_SPAN", 2)
    detail = index.entity("SK하이닉스")
    assert detail.entity.articles == 4 and detail.related_over == 2
    newest = sorted(detail.articles, key=lambda a: (a.date or "", -a.id), reverse=True)[:2]
    expected = Counter(entity for a in newest for entity in {row[2] for row in index.mentions_in(a.id, part=None)})
    assert detail.related and {r.id: r.count for r in detail.related}.items() <= expected.items()
    assert max(r.count for r in detail.related) == max(n for e, n in expected.items() if e != detail.entity.id)


def test_timeline_sums_mentions_by_month(index):
    detail = index.entity("SK하이닉스")
    dated = sum(a.count for a in detail.articles if a.date)
    assert sum(n for _, n in detail.timeline) == dated > 0
    assert all(len(month) == 7 and month[4] == "-" for month, _ in detail.timeline)
