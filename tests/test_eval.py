"""The extraction evaluation: its scorer on hand-checked cases, and the gold files it scores against."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from store.model import ENTITY_TYPES
from store.ingest.readers import read_documents

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("eval_extraction", ROOT / "bench" / "eval_extraction.py")
ev = importlib.util.module_from_spec(_spec)
sys.modules["eval_extraction"] = ev
_spec.loader.exec_module(ev)

UNITS = {"KRW", "USD", "EUR", "JPY", "CNY", "GBP", "TWD", "%", "%p", "W", "Wh", "count"}
GOLD = ev.load_gold()


# --- scorer --------------------------------------------------------------------------------------


def test_entity_scoring_matches_through_aliases_and_penalises_splits():
    gold = [
        ev.GoldEntity("오픈AI", "company"),
        ev.GoldEntity("샘 올트먼", "person", ["샘 알트만"]),
        ev.GoldEntity("삼성전자", "company"),
        ev.GoldEntity("과학기술정보통신부", "org", ["과기정통부"]),
    ]
    predicted = [
        ev.PredEntity(1, "OpenAI", "company", ["OpenAI", "오픈AI"]),  # Latin canonical, Korean alias
        ev.PredEntity(2, "샘 알트만", "person"),  # gold surface, no alias link
        ev.PredEntity(3, "샘올트먼", "person"),  # the same person split off: a false positive
        ev.PredEntity(4, "삼성", "company", ["삼성그룹"]),  # the group is not 삼성전자
        ev.PredEntity(5, "과기정통부", "company"),  # right entity, wrong type
    ]
    score = ev.score_entities(gold, predicted)
    assert (score.prf.tp, score.prf.predicted, score.prf.gold) == (3, 5, 4)
    assert score.prf.precision == pytest.approx(0.6)
    assert score.prf.recall == pytest.approx(0.75)
    assert score.prf.f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    assert [g.name for g in score.missed] == ["삼성전자"]
    # the entity carrying the gold's own name wins; the variant-spelled one is reported as its duplicate
    assert {p.name: dup for p, dup in score.false_positives} == {"샘 알트만": "샘 올트먼", "삼성": None}
    assert score.type_correct == 2


def test_entity_names_compare_without_spaces_or_case():
    score = ev.score_entities([ev.GoldEntity("SK하이닉스", "company")], [ev.PredEntity(1, "sk 하이닉스", "company")])
    assert score.prf.tp == 1


def test_number_scoring_unit_tolerance_dedupe_and_range():
    gold = [
        ev.GoldNumber("5000억 달러", 5e11, "USD"),
        ev.GoldNumber("700조원", 7e14, "KRW"),
        ev.GoldNumber("90만장", 9e5, "count", "장"),
        ev.GoldNumber("3~4조원", 3e12, "KRW", value_max=4e12),
    ]
    predicted = [
        ev.PredNumber("5000억 달러", 5e11 * 1.004, "USD"),  # inside 0.5%
        ev.PredNumber("700조원", 7e14, "USD"),  # wrong currency: no match
        ev.PredNumber("90만장", 9e5, "count", "장"),
        ev.PredNumber("90만 장", 9e5, "count", "장"),  # said twice: counted once
        ev.PredNumber("2025", 2025, "count", "개"),
        ev.PredNumber("3조원", 3e12, "KRW"),  # range read as one end: matched, range wrong
    ]
    score = ev.score_numbers(gold, predicted)
    assert (score.prf.tp, score.prf.predicted, score.prf.gold) == (3, 5, 4)
    assert [g.raw for g in score.missed] == ["700조원"]
    assert sorted(p.raw for p in score.false_positives) == ["2025", "700조원"]
    assert (score.counter_correct, score.range_correct) == (3, 2)


def test_number_outside_tolerance_is_a_miss():
    score = ev.score_numbers([ev.GoldNumber("1조2000억원", 1.2e12, "KRW")], [ev.PredNumber("1조2000억", 1.2e12 * 1.006, "KRW")])
    assert score.prf.tp == 0 and len(score.missed) == 1 and len(score.false_positives) == 1


def test_empty_sides_score_as_perfect_not_division_errors():
    score = ev.score_numbers([], [])
    assert (score.prf.precision, score.prf.recall) == (1.0, 1.0)


def test_gold_key_maps_sources_to_gold_files():
    assert ev.gold_key("/work/main/seeds/000_7b87c80715b77a00.txt") == "000_7b87c80715b77a00.txt"
    assert ev.gold_key("/tmp/x/news_dump.jsonl#2") == "news_dump.jsonl#2"


# --- gold files ----------------------------------------------------------------------------------


def _article_text(source: str) -> str:
    path, _, record = source.partition("#")
    documents, _warnings = read_documents(ROOT / path)
    return documents[int(record) - 1].text if record else documents[0].text


def test_gold_covers_every_seed_and_written_article():
    sources = {g.source for g in GOLD.values()}
    assert {f"seeds/{p.name}" for p in (ROOT / "seeds").glob("*.txt")} <= sources
    for path in (ROOT / "bench" / "gold_articles").iterdir():
        if path.suffix in {".txt", ".html"}:
            assert f"bench/gold_articles/{path.name}" in sources, path.name
    assert {"bench/gold_articles/news_dump.jsonl#1", "bench/gold_articles/news_dump.jsonl#2"} <= sources
    assert len(GOLD) >= 10


@pytest.mark.parametrize("key", sorted(GOLD))
def test_gold_file_is_well_formed_and_quotes_its_article(key):
    gold = GOLD[key]
    assert ev.gold_key(gold.source) == key
    text = _article_text(gold.source)
    names = [e.name for e in gold.entities]
    assert len(names) == len(set(names)), "an entity listed twice"
    for e in gold.entities:
        assert e.type in ENTITY_TYPES, e
        forms = e.surfaces or [e.name]
        missing = [s for s in forms if s not in text]
        assert not missing, f"{e.name}: {missing} not in the article"
    for n in gold.numbers:
        assert n.raw in text, f"{n.raw} not in the article"
        assert n.unit in UNITS, n
        assert (n.counter is not None) == (n.unit == "count"), n
        assert n.value > 0 and (n.value_max is None or n.value_max > n.value), n


@pytest.mark.parametrize("key", sorted(k for k in GOLD if GOLD[k].meta))
def test_gold_metadata_is_stated_in_its_article(key):
    """Metadata gold holds only fields the text states: its title, outlet and reporters appear in it."""
    gold, text = GOLD[key], _article_text(GOLD[key].source)
    assert set(gold.meta) <= set(ev.META_FIELDS)
    for name in ("title", "outlet"):
        if name in gold.meta:
            assert ev._squash(gold.meta[name]) in ev._squash(text), name
    assert all(r in text for r in gold.meta.get("reporters", []))


def test_metadata_scoring():
    assert ev.meta_right("title", '샘 올트먼 만난 李대통령 "韓 AI 생태계"', "샘 올트먼 만난 李대통령 “韓 AI 생태계”")  # quote marks
    assert not ev.meta_right("title", "삼성전자, 3분기 실적", "3분기 실적")
    assert ev.meta_right("date", "2025-03-27", "2025-03-27T09:10")  # a day matches any time that day
    assert not ev.meta_right("date", "2025-03-27T09:10", "2025-03-27")  # a time must be read
    assert ev.meta_right("outlet", "뉴스 1", "뉴스1") and not ev.meta_right("outlet", "뉴스1", None)
    assert ev.meta_right("reporters", ["김준석", "임수빈"], ["임수빈", "김준석"])
    assert not ev.meta_right("reporters", ["김준석", "임수빈"], ["김준석"])


def test_clean_scoring_counts_leftovers_and_moved_captions():
    from store.results import ArticleDetail

    gold = ev.GoldArticle("p.txt", "p.txt", [], [], meta={"title": "카카오, 게임 자회사 매각", "reporters": ["정하늘"]},
                          furniture=["기사원문", "정하늘 기자"], captions=["판교 카카오 아지트 외부 전경."])
    detail = ArticleDetail(1, "카카오, 게임 자회사 매각", None, None, [], None, None, "p.txt", 0, None,
                           "카카오가 자회사 지분을 판다.\n\n기사 원문", [], "headline", ["판교 카카오 아지트 외부 전경."])
    score = ev.score_clean(gold, detail)
    assert score.meta["title"][2] and not score.meta["reporters"][2]
    assert score.furniture_left == ["기사원문"]  # found without whitespace
    assert (score.captions_left, score.captions_moved) == ([], 1)
    summary = ev.summary([ev.ArticleResult("p.txt", 1, ev.score_entities([], []), ev.score_numbers([], []), score)])
    assert summary["metadata"]["right"] == 1 and summary["metadata"]["present"] == 2
    assert summary["bodies"]["furniture_left"] == 1 and summary["bodies"]["articles_with_leftovers"] == 1


def test_eval_points_at_another_folder(tmp_path, capsys):
    corpus, gold = tmp_path / "pages", tmp_path / "gold"
    corpus.mkdir(), gold.mkdir()
    (corpus / "wire.txt").write_text(
        "현대차, 美 관세 대응\n입력 2025.10.02 07:53\n(서울=뉴스1) 홍길동 김철수 기자 = 현대차가 관세 대응에 2조원을 쓴다.\n",
        encoding="utf-8")
    (gold / "wire.txt.json").write_text(
        '{"source": "wire.txt", "meta": {"title": "현대차, 美 관세 대응", "outlet": "뉴스1", "date": "2025-10-02T07:53",'
        ' "reporters": ["홍길동", "김철수"]}, "furniture": ["김철수 기자 ="], "entities": [],'
        ' "numbers": [{"raw": "2조원", "value": 2e12, "unit": "KRW", "counter": null}]}', encoding="utf-8")
    assert ev.main(["--gold", str(gold), "--corpus", str(corpus), "--json"]) == 0
    import json

    report = json.loads(capsys.readouterr().out)
    assert report["overall"]["metadata"] == {"right": 4, "present": 4, "share": 1.0,
                                             "by_field": {f: {"right": 1, "present": 1} for f in ev.META_FIELDS}}
    assert report["overall"]["bodies"]["furniture_left"] == 0 and report["overall"]["numbers"]["tp"] == 1
    with pytest.raises(SystemExit):
        ev.main(["--gold", str(tmp_path / "nowhere"), "--corpus", str(corpus)])


def test_seed_gold_keeps_page_debris_out():
    """The related-headline list, crypto ticker and weather strip are not article text."""
    names = {e.name for g in GOLD.values() for e in g.entities}
    assert not names & {"리벨리온", "비트코인", "이더리움", "기상청", "동두천", "더팩트", "퓨리오사AI", "토스"}
    raws = {n.raw for g in GOLD.values() for n in g.numbers}
    assert not raws & {"137,285,000", "+4.65%", "12.3℃", "10명", "2000원"}


# --- the pipeline, end to end on the seeds ------------------------------------------------------


def test_every_seed_gold_finds_its_indexed_article(seeds_index):
    seed_gold = {k: g for k, g in GOLD.items() if g.source.startswith("seeds/")}
    results = ev.evaluate(seeds_index, seed_gold)
    assert [r.key for r in results] == sorted(seed_gold)
    assert all(r.article_id is not None for r in results)
    overall = ev.summary(results)
    assert overall["entities"]["gold"] == sum(len(g.entities) for g in seed_gold.values())
    assert 0.0 <= overall["entities"]["recall"] <= 1.0
