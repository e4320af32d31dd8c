"""Round-16 rules of issue 11 for firms, bodies, products and events (helper ents16a), on Korean text written for each
rule in a news style (particles, spacing variants): what indexing finds, with the shipped alias file; negative cases
beside each, and hostile inputs that must index in seconds."""
from __future__ import annotations

from pathlib import Path

from test_matching import cpu, mentions, names_of, shipped  # noqa: F401 (shipped is a fixture)

from store.api import Index
from store.db import connect
from store.extract.matching import party_short_names
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
    assert cpu() - start < 5
