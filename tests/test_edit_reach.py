"""An entity edit re-matches only the articles it can change: a rename (the old name kept as an alias) or a spelling
removed touches only the articles that write a changed spelling, and ends where a full re-link of every article ends.
At 100k a rename of 삼성전자 re-matched its 66k articles (55 s); an edit whose change the matcher carries further (a
firm's short name in a list, a committee's chair) still re-matches every article of the entity."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_linker_incremental import edit, index, relinked_in_full, state, write

from store.api import Index
from store.db import connect
from store.linking.spellings import respelled, set_wide_forms

# Written for these tests in a wire service's style: the shipped names with particles, spacing and Latin spellings.
ARTICLES = {
    "a_legal": ["[한빛일보=김민준 기자] 삼성전자주식회사는 3분기 매출이 79조원으로 집계됐다고 공시했다.",
                "삼성전자는 HBM 출하가 월 90만 장을 넘었다고 밝혔다."],
    "b_plain": ["삼성전자와 SK하이닉스는 오픈AI에 메모리를 공급한다.", "네이버는 자체 AI 반도체 도입을 검토한다."],
    "c_latin": ["NAVER는 하이퍼클로바X 새 모델을 공개했다.", "금융위원회는 가상자산 공시 기준을 내놨다."],
    "d_bank": ["우리은행과 카카오뱅크는 중소기업 대출 금리를 0.3%포인트 내렸다.", "삼성전자 노조는 임금 협상을 이어간다."],
    "e_none": ["기상청은 주말 동안 중부지방에 최대 80mm의 비가 내릴 것으로 내다봤다."],
}


@pytest.fixture()
def db_path(tmp_path) -> Path:
    folder = tmp_path / "news"
    write(folder, ARTICLES, "2025-10-01T09:00")
    path = tmp_path / "i.db"
    index([folder], path)
    return path


def rows_by_article(db_path: Path, by: str = "e.id") -> dict[str, list[tuple]]:
    """Each article's mention rows with their ids (a re-matched article gets new ids), the entity `by` its id
    (which a rename keeps) or its name."""
    conn = connect(db_path)
    try:
        found: dict[str, list[tuple]] = {}
        for source, *row in conn.execute(f'SELECT a.source, m.id, {by}, m.start, m."end" FROM mentions m '
                                         "JOIN articles a ON a.id = m.article_id JOIN entities e ON e.id = m.entity_id "
                                         "ORDER BY m.id"):
            found.setdefault(Path(source).stem, []).append(tuple(row))
        return found
    finally:
        conn.close()


def undo(db_path: Path) -> None:
    idx = Index.open(db_path)
    try:
        idx.undo()
    finally:
        idx.close()


def rematched(before: dict, after: dict) -> set[str]:
    return {stem for stem in before.keys() | after.keys() if before.get(stem) != after.get(stem)}


def test_a_rename_and_its_undo_re_match_only_the_article_that_writes_the_new_name(db_path, tmp_path):
    first, before = state(db_path), rows_by_article(db_path)
    edit(db_path, "rename", entity="삼성전자", name="삼성전자주식회사")
    renamed = rows_by_article(db_path)
    assert rematched(before, renamed) == {"a_legal"}  # b_plain and d_bank name 삼성전자 and keep their rows
    assert any(name == "삼성전자주식회사" and end - start == 8
               for _, name, start, end in rows_by_article(db_path, by="e.name")["a_legal"])
    assert relinked_in_full(db_path, tmp_path) == state(db_path)
    undo(db_path)
    assert rematched(renamed, rows_by_article(db_path)) == {"a_legal"}
    assert state(db_path) == first


def test_a_spelling_removed_re_matches_only_where_it_is_written(db_path, tmp_path):
    before = rows_by_article(db_path)
    edit(db_path, "alias-remove", entity="네이버", alias="NAVER")
    after = rows_by_article(db_path)
    assert rematched(before, after) == {"c_latin"}  # b_plain's 네이버 stays as it was
    assert not any(name == "네이버" for _, name, *_ in rows_by_article(db_path, by="e.name")["c_latin"])
    assert relinked_in_full(db_path, tmp_path) == state(db_path)


def test_a_rename_to_a_name_it_already_has_re_matches_nothing(db_path, tmp_path):
    before = rows_by_article(db_path)
    edit(db_path, "rename", entity="네이버", name="NAVER")
    assert rows_by_article(db_path) == before
    assert any(name == "NAVER" for _, name, *_ in rows_by_article(db_path, by="e.name")["b_plain"])
    assert relinked_in_full(db_path, tmp_path) == state(db_path)


@pytest.mark.parametrize(("entity", "name", "why"), [
    ("카카오뱅크", "카뱅은행", "a bank's name: 카뱅 becomes its short name in lists of banks (우리·카뱅 은행)"),
    ("금융위원회", "금융감독위원회", "a committee's name: its chair (금융감독위원장) is matched as the committee"),
])
def test_a_rename_the_matcher_carries_further_re_matches_every_article_of_the_entity(db_path, tmp_path, entity, name,
                                                                                     why):
    before = rows_by_article(db_path)
    holders = {stem for stem, rows in rows_by_article(db_path, by="e.name").items() if any(n == entity for _, n, *_ in rows)}
    edit(db_path, "rename", entity=entity, name=name)
    assert holders and holders <= rematched(before, rows_by_article(db_path)), why
    assert relinked_in_full(db_path, tmp_path) == state(db_path)


def test_what_a_spelling_change_can_reach_is_read_from_the_matchers_own_patterns():
    plain = respelled("company", {"삼성전자", "Samsung Electronics"}, "company",
                      {"삼성전자", "Samsung Electronics", "삼성전자주식회사"})
    assert plain == ({"삼성전자주식회사"}, set())
    assert respelled("company", {"엔비디아"}, "person", {"엔비디아"}) is None  # a type: every pattern changes
    assert respelled("org", {"금융위"}, "org", {"금융위", "금융감독위원회"}) is None  # 금융감독위원장 comes with it
    assert respelled("place", {"울산"}, "place", {"울산", "울산시"}) is None  # 울산시장 stops naming 울산's market
    firms = [(1, ["우리은행"]), (2, ["카카오뱅크"])]
    kinds = {1: "company", 2: "company"}
    assert set_wide_forms(firms, kinds) == set_wide_forms(firms, kinds)
    assert set_wide_forms(firms, kinds) != set_wide_forms([(1, ["우리은행"]), (2, ["카카오뱅크", "카카오은행"])], kinds)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: the link stays in its process")
def test_an_edit_that_reaches_many_articles_matches_them_in_worker_processes(db_path, tmp_path, monkeypatch):
    """A retype re-matches every article of the entity: past PARALLEL_LINK articles (2 here, 500 in use) they go to
    worker processes started for the edit, and end as a full re-link in one process ends."""
    from store import linker
    from store.linking.pool import OnDemandPool

    submitted: list[str] = []
    submit = OnDemandPool.submit

    def counted(self, fn, /, *args):
        submitted.append(fn.__name__)
        return submit(self, fn, *args)

    monkeypatch.setattr(linker, "PARALLEL_LINK", 2)
    monkeypatch.setattr(OnDemandPool, "submit", counted)
    edit(db_path, "retype", entity="삼성전자", type="org")
    assert "match_articles" in submitted
    assert relinked_in_full(db_path, tmp_path) == state(db_path)
    submitted.clear()
    edit(db_path, "rename", entity="네이버", name="네이버㈜")  # written nowhere: no article to match, no process
    assert submitted == []


def test_the_edit_workers_start_inside_the_app_whose_stderr_has_no_descriptor(monkeypatch):
    """Textual captures stderr; multiprocessing hands sys.stderr's descriptor to its resource tracker, and the
    app's retype said "Edit refused: bad value(s) in fds_to_keep"."""
    import io
    import sys

    from store.linking.pool import OnDemandPool

    class Captured(io.TextIOBase):  # what an app's stderr offers: text, and no descriptor
        def fileno(self) -> int:
            return -1

        def write(self, text: str) -> int:
            return len(text)

    from multiprocessing import resource_tracker

    # as if no tracker ran yet in this process (an earlier test's workers started one with a real stderr)
    monkeypatch.setattr(resource_tracker._resource_tracker, "_fd", None)
    monkeypatch.setattr(resource_tracker._resource_tracker, "_pid", None)
    monkeypatch.setattr(sys, "stderr", Captured())
    pool = OnDemandPool(2)
    try:
        assert pool.submit(abs, -3).result(timeout=60) == 3
    finally:
        pool.shutdown()
    assert isinstance(sys.stderr, Captured)  # given back


def test_an_edit_whose_link_fails_is_not_kept_nor_is_an_undo_that_fails(db_path, monkeypatch):
    """The edit was stored before its link: when the link failed (the app's workers would not start), the user read
    "Edit refused", the edit stayed stored, the next link made it, and trying it again said "already a person"."""
    from store import linker

    def stored() -> list[tuple]:
        conn = connect(db_path)
        try:
            return [tuple(r) for r in conn.execute("SELECT id, op, args, at FROM edits ORDER BY id")]
        finally:
            conn.close()

    edit(db_path, "rename", entity="네이버", name="NAVER")
    before, rows = stored(), rows_by_article(db_path, by="e.name")
    link = linker.link

    def fails(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(linker, "link", fails)
    with pytest.raises(OSError):
        edit(db_path, "retype", entity="삼성전자", type="person")
    assert stored() == before
    with pytest.raises(OSError):
        undo(db_path)
    assert stored() == before and rows_by_article(db_path, by="e.name") == rows
    monkeypatch.setattr(linker, "link", link)
    edit(db_path, "retype", entity="삼성전자", type="person")  # not "already a person"
    assert [op for _, op, _, _ in stored()] == ["rename", "retype"]
