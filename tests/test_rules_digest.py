"""The matching rules' digest is the one recorded here: a change to the matcher's modules (store.linking.rules.
MATCHER_MODULES), even a pure refactor, makes the next `hanscope index` of every existing index match all its
articles again (134 s at 100k, two cores). A change of rules updates the digest below on purpose and says so in its
commit; code that only reads the matcher lives outside those modules (store.linking.spellings)."""
from __future__ import annotations

import os

import pytest
from test_linker_incremental import index, state, write

from store.linking.rules import rules_version

RECORDED = "46fe193c52d8fb9574eb7832b1dd1676"


def test_the_matching_rules_are_the_ones_recorded():
    assert rules_version() == RECORDED, (
        "the matcher's code changed: every existing index re-matches all its articles at its next run. If the rules "
        f"changed on purpose, record the new digest {rules_version()} here and say so in the commit")


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: the link stays in its process")
def test_a_run_that_matches_every_article_again_does_it_in_worker_processes(tmp_path, monkeypatch):
    """No file changed, new rules: the link re-matches every article, in worker processes started for it (it ran in
    one process: 134 s at 100k, 77 s on two cores); a run with nothing to link starts none."""
    from store import indexer, linker
    from store.db import connect
    from store.linking.pool import OnDemandPool
    from store.linking.rules import RULES_KEY, SOURCES_KEY

    folder = tmp_path / "news"
    write(folder, {f"n{i}": [f"삼성전자와 SK하이닉스는 {i}일 HBM 공급 계약을 맺었다."] for i in range(6)}, "2025-10-01T09:00")
    db_path = tmp_path / "i.db"
    index([folder], db_path)
    submitted: list[str] = []
    submit = OnDemandPool.submit

    def counted(self, fn, /, *args):
        submitted.append(fn.__name__)
        return submit(self, fn, *args)

    def index_again() -> None:  # as the CLI does: the default workers
        conn = connect(db_path)
        try:
            indexer.index_paths(conn, [folder])
        finally:
            conn.close()

    monkeypatch.setattr(OnDemandPool, "submit", counted)
    monkeypatch.setattr(linker, "PARALLEL_LINK", 2)  # 500 articles in use
    before = state(db_path)
    index_again()
    assert submitted == []
    conn = connect(db_path)
    with conn:
        conn.execute("UPDATE meta SET value = 'older rules' WHERE key IN (?, ?)", [RULES_KEY, SOURCES_KEY])
    conn.close()
    index_again()
    assert "match_articles" in submitted and state(db_path) == before


def test_the_sources_byte_for_byte_spare_the_syntax_trees_and_a_new_layout_is_no_new_rules(tmp_path, monkeypatch):
    """A link records the sources' digest beside the rules' (syntax trees, 75 ms a process here): a run whose sources
    are the recorded ones does not parse them; sources laid out otherwise (a comment, a docstring) are compared by
    their trees, match nothing again, and are recorded for the next run."""
    from store import linker
    from store.db import connect
    from store.linking import rules
    from store.linking.rules import RULES_KEY, SOURCES_KEY, sources_digest

    folder = tmp_path / "news"
    write(folder, {"a": ["삼성전자는 HBM을 공급한다."]}, "2025-10-01T09:00")
    db_path = tmp_path / "i.db"
    index([folder], db_path)
    conn = connect(db_path)
    recorded = dict(conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?)", [RULES_KEY, SOURCES_KEY]))
    conn.close()
    assert recorded == {RULES_KEY: rules_version(), SOURCES_KEY: sources_digest()}

    def parsed():
        raise AssertionError("the syntax trees were read")

    with monkeypatch.context() as patch:
        patch.setattr(linker, "rules_version", parsed)
        patch.setattr(rules, "rules_version", parsed)
        write(folder, {"b": ["SK하이닉스는 엔비디아에 HBM을 공급한다."]}, "2025-10-02T09:00")
        index([folder], db_path)  # new articles linked, the rules looked at by their bytes alone

    conn = connect(db_path)
    with conn:  # the same rules, other bytes (as a comment edited)
        conn.execute("UPDATE meta SET value = 'other bytes' WHERE key = ?", [SOURCES_KEY])
    conn.close()
    notes: list[str] = []
    before = state(db_path)
    index([folder], db_path, on_note=notes.append)
    assert notes == [] and state(db_path) == before  # nothing matched again
    write(folder, {"c": ["엔비디아는 HBM을 산다."]}, "2025-10-03T09:00")
    index([folder], db_path, on_note=notes.append)  # the next link records this code's bytes
    assert notes == []
    conn = connect(db_path)
    assert conn.execute("SELECT value FROM meta WHERE key = ?", [SOURCES_KEY]).fetchone() == (sources_digest(),)
    conn.close()


def test_without_the_sources_shipped_the_version_stands_for_the_rules_and_nothing_is_matched_again(tmp_path,
                                                                                                   monkeypatch):
    """An install without the matcher's sources (bytecode only) records its version as the rules: the next run
    finds them unchanged and matches nothing again."""
    from store import linker
    from store.linking import rules

    for module in (linker, rules):
        monkeypatch.setattr(module, "sources_digest", lambda: None)
        monkeypatch.setattr(module, "rules_version", lambda: "hanscope 9.9")
    folder = tmp_path / "news"
    write(folder, {"a": ["삼성전자는 HBM을 공급한다."]}, "2025-10-01T09:00")
    db_path = tmp_path / "i.db"
    index([folder], db_path)
    notes: list[str] = []
    write(folder, {"b": ["SK하이닉스는 엔비디아에 HBM을 공급한다."]}, "2025-10-02T09:00")
    index([folder], db_path, on_note=notes.append)
    assert notes == []
