"""Adding articles to an index links and places only what changed, and ends where indexing everything at once ends."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import sqlite_utils

from store import linker
from store.linking.candidates import candidate_groups
from store.api import Index
from store.db import connect
from store.indexer import index_paths

# Names that only the added articles make entities (백준호 대표, 오승민 부사장: titles the rules take), written
# in the first articles without one, with particles and spacing variants (90만장 / 90만 장).
FIRST = {
    "a_npu": ["퓨리오사AI는 2세대 신경망처리장치(NPU) 레니게이드 양산에 들어갔다고 밝혔다.",
              "백준호는 이날 웨이퍼 수요가 월 90만장에 이를 것이라고 말했다."],
    "b_loi": ["[한빛일보=김민준 기자] 오픈AI가 삼성전자, SK하이닉스와 스타게이트 메모리 공급 협력의향서(LOI)를 체결했다.",
              "오픈AI는 웨이퍼 수요가 월 최대 90만 장에 이를 것으로 내다봤다.",
              "삼성과 SK는 5000억 달러(약 700조원) 규모 사업에 메모리를 공급한다."],
    "c_hbm": ["오승민과 삼성전자 메모리사업부가 HBM4 샘플을 고객사에 보냈다.", "엔비디아는 연내 검증을 마칠 계획이다."],
}
ADDED = {
    "d_reprint": ["[나라경제=정하늘 기자] 오픈AI가 삼성전자, SK하이닉스와 스타게이트 메모리 공급 협력의향서(LOI)를 체결했다.",
                  "오픈AI는 웨이퍼 수요가 월 최대 90만 장에 이를 것으로 내다봤다.",
                  "삼성과 SK는 5000억 달러(약 700조원) 규모 사업에 메모리를 공급한다."],
    "e_ceo": ["백준호 퓨리오사AI 대표는 레니게이드를 LG AI연구원에 공급한다고 밝혔다.",
              "오승민 삼성전자 부사장은 HBM4 양산 일정을 앞당기겠다고 말했다."],
    "f_other": ["기상청은 주말 동안 중부지방에 최대 80mm의 비가 내릴 것으로 내다봤다."],
}


def write(folder: Path, articles: dict[str, list[str]], day: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, paragraphs in articles.items():
        record = {"title": name, "outlet": "한빛일보", "date": day, "body": "\n\n".join(paragraphs)}
        (folder / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def index(folders: list[Path], db_path: Path, **kwargs):
    conn = connect(db_path, create=True)
    try:
        return index_paths(conn, folders, workers=0, **kwargs)
    finally:
        conn.close()


def state(db_path: Path) -> dict:
    """Everything linking and the story step decide, by names and file stems (ids may differ between indexes)."""
    conn = connect(db_path)
    try:
        stem = {aid: Path(source).stem for aid, source in conn.execute("SELECT id, source FROM articles")}
        entities = {name: (type_, origin, mentions, articles) for name, type_, origin, mentions, articles in conn.execute(
            "SELECT name, type, origin, mentions, articles FROM entities WHERE mentions > 0 OR origin != 'alias-file'")}
        counted = {name: (n, a) for name, n, a in conn.execute(
            "SELECT e.name, sum(ae.mentions), count(*) FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
            "GROUP BY e.name")}
        aliases = sorted(conn.execute("SELECT e.name, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id"))
        mentions = sorted((stem[aid], name, part, start, end, surface) for aid, name, part, start, end, surface in conn.execute(
            'SELECT m.article_id, e.name, m.part, m.start, m."end", m.surface FROM mention_texts m JOIN entities e ON e.id = m.entity_id'))
        story_of = {stem[aid]: story for aid, story in conn.execute("SELECT id, story FROM articles")}
        stories = sorted(sorted(k for k, s in story_of.items() if s == story) for story in set(story_of.values()))
        unlinked = conn.execute("SELECT count(*) FROM articles WHERE linked = 0").fetchone()[0]
    finally:
        conn.close()
    return {"entities": entities, "counted": counted, "aliases": aliases, "mentions": mentions, "stories": stories,
            "unlinked": unlinked}


def merge(db_path: Path, edit: dict) -> None:
    idx = Index.open(db_path)
    try:
        idx.edit("merge", **edit)
    finally:
        idx.close()


def mentions_of(result: dict, article: str) -> set[str]:
    return {name for stem, name, *_ in result["mentions"] if stem == article}


@pytest.fixture()
def corpus(tmp_path) -> tuple[Path, Path]:
    first, added = tmp_path / "first", tmp_path / "added"
    write(first, FIRST, "2025-10-01T09:00")
    write(added, ADDED, "2025-10-01T15:00")
    return first, added


def test_adding_articles_ends_where_indexing_them_all_at_once_does(corpus, tmp_path):
    first, added = corpus
    at_once = tmp_path / "at_once.db"
    index([first, added], at_once)
    step_by_step = tmp_path / "steps.db"
    index([first], step_by_step)
    before = state(step_by_step)
    index([first, added], step_by_step)
    after = state(step_by_step)
    assert after == state(at_once)
    # the added articles made entities of names the first ones wrote without a title: those old articles were re-matched
    assert "백준호" not in before["entities"] and "백준호" in mentions_of(after, "a_npu")
    assert "오승민" in mentions_of(after, "c_hbm")
    # the counts kept by adding what changed are the counts of the rows
    assert {name: (n, a) for name, (_, _, n, a) in after["entities"].items() if a} == after["counted"]
    assert after["unlinked"] == 0
    # the reprint joined the story of the first telling
    assert ["b_loi", "d_reprint"] in after["stories"]


def test_a_user_edit_is_replayed_on_the_added_articles(corpus, tmp_path):
    first, added = corpus
    step_by_step = tmp_path / "steps.db"
    index([first], step_by_step)
    edit = {"into": "삼성전자", "from": "SK하이닉스"}
    merge(step_by_step, edit)
    index([first, added], step_by_step)
    at_once = tmp_path / "at_once.db"
    index([first, added], at_once)
    merge(at_once, edit)
    result = state(step_by_step)
    assert result == state(at_once)
    assert "SK하이닉스" not in result["entities"] and "삼성전자" in mentions_of(result, "d_reprint")


def add_traced(db_path: Path, folders: list[Path]):
    """Index `folders` into the index at `db_path` and return its connection (still open, for EXPLAIN; the caller
    closes it) with every statement the run sent."""
    conn = connect(db_path, create=True)
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        index_paths(conn, folders, workers=0)
    except BaseException:
        conn.close()
        raise
    conn.set_trace_callback(None)
    return conn, statements


def test_an_add_reads_only_the_new_candidates_and_recounts_nothing(corpus, tmp_path):
    first, added = corpus
    db_path = tmp_path / "steps.db"
    index([first], db_path)
    conn, statements = add_traced(db_path, [first, added])
    conn.close()
    link_sql = [s for s in statements if "FROM candidates" in s or "GROUP BY entity_id" in s or "linked = 0" in s]
    assert link_sql, "the add linked nothing"
    assert not [s for s in link_sql if "FROM candidates" in s and "article_id >" not in s]  # no pass over old candidates
    assert not [s for s in link_sql if "FROM article_entities GROUP BY entity_id" in s]  # no recount of every entity
    assert not [s for s in statements if "WHERE linked = 0" in s]  # no scan for unlinked articles


def test_a_deleted_article_sends_the_next_link_back_to_every_candidate(corpus, tmp_path):
    """A file changed: its old articles go (and their candidates with them), so what the last link kept is dropped and
    the next one groups every candidate again; the result is what indexing the files as they are now gives."""
    first, added = corpus
    db_path = tmp_path / "steps.db"
    index([first, added], db_path)
    conn = connect(db_path)
    assert conn.execute("SELECT 1 FROM meta WHERE key = ?", [linker.GROUPS_KEY]).fetchone()
    conn.close()
    write(added, {"e_ceo": ["오승민 삼성전자 부사장은 HBM4 양산 일정을 앞당기겠다고 말했다."]}, "2025-10-01T15:00")
    (added / "f_other.json").unlink()
    index([first, added], db_path, prune=True)
    fresh = tmp_path / "fresh.db"
    index([first, added], fresh)
    result = state(db_path)
    assert result == state(fresh)
    assert "백준호" not in result["entities"]  # its only titled mention went with the changed file
    conn = connect(db_path)
    assert conn.execute("SELECT 1 FROM meta WHERE key = ?", [linker.GROUPS_KEY]).fetchone()  # kept again for the next add
    conn.close()


def test_groups_kept_across_adds_equal_the_groups_of_every_candidate(corpus, tmp_path):
    first, added = corpus
    db_path = tmp_path / "steps.db"
    index([first], db_path)
    index([first, added], db_path)
    conn = connect(db_path)
    try:
        kept = json.loads(conn.execute("SELECT value FROM meta WHERE key = ?", [linker.GROUPS_KEY]).fetchone()[0])
        with conn:
            conn.execute("DELETE FROM meta WHERE key = ?", [linker.GROUPS_KEY])
        groups, through, newest = candidate_groups(conn)
    finally:
        conn.close()
    assert through is None and kept["through"] == newest
    normalise = lambda gs: {k: [g[0], g[1], sorted(g[2]), sorted(g[3]), g[4], g[5]] for k, g in gs.items()}  # noqa: E731
    assert normalise(kept["groups"]) == normalise(groups) and list(kept["groups"]) == list(groups)
    # 삼성전자: a rule's candidate in two first articles and two added ones, each article counted once
    assert [g[4:] for g in groups.values() if g[0] == "삼성전자"] == [[4, 4]]


def test_a_name_written_two_ways_in_one_article_counts_that_article_once(corpus, tmp_path):
    # The groups count a name's articles by the last article it was counted in (an article's candidates are
    # written together): two spellings of one name (SK 하이닉스 / SK하이닉스) in one article are one article.
    first, _ = corpus
    db_path = tmp_path / "i.db"
    index([first], db_path)
    conn = connect(db_path)
    try:
        ids = [i for (i,) in conn.execute("SELECT id FROM articles ORDER BY id")]
        with conn:
            conn.execute("DELETE FROM meta WHERE key = ?", [linker.GROUPS_KEY])
            conn.execute("DELETE FROM candidates")
            conn.executemany("INSERT INTO candidates(article_id, name, type, evidence, count) VALUES (?, ?, 'company', ?, ?)",
                             [(ids[0], "SK 하이닉스", "rule", 2), (ids[0], "SK하이닉스", "rule", 1),
                              (ids[1], "SK하이닉스", "rule", 1), (ids[2], "sk하이닉스", "rule", 3)])
        groups, through, _ = candidate_groups(conn)
    finally:
        conn.close()
    assert through is None and [g[0] for g in groups.values()] == ["SK 하이닉스"]
    assert [g[4:] for g in groups.values()] == [[7, 3]]  # seven mentions in three articles


def test_linking_an_index_copied_before_this_round_still_works(corpus, tmp_path):
    """An index whose last link kept nothing (made before the groups were kept) is linked the full way once."""
    first, added = corpus
    db_path = tmp_path / "steps.db"
    index([first], db_path)
    conn = connect(db_path)
    with conn:
        conn.execute("DELETE FROM meta WHERE key = ?", [linker.GROUPS_KEY])
    conn.close()
    index([first, added], db_path)
    at_once = tmp_path / "at_once.db"
    index([first, added], at_once)
    assert state(db_path) == state(at_once)


def test_an_index_in_a_rollback_journal_is_linked_in_process(corpus, tmp_path, monkeypatch):
    """Worker processes read the file while the link writes it, which only WAL allows: an index in a rollback
    journal (VACUUM INTO makes one) is matched in this process instead of failing "database is locked"."""
    first, added = corpus
    db_path = tmp_path / "steps.db"
    index([first], db_path)
    conn = connect(db_path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    monkeypatch.setattr(linker, "PARALLEL_LINK", 1)
    conn = connect(db_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        conn.execute("PRAGMA cache_size = 1")  # the link's writes spill to the file at once, as at 100k articles
        index_paths(conn, [first, added], workers=1)
    finally:
        conn.close()
    at_once = tmp_path / "at_once.db"
    index([first, added], at_once)
    assert state(db_path) == state(at_once)


def test_kill_9_while_an_add_links_then_a_rerun_ends_where_indexing_at_once_does(corpus, tmp_path):
    """The link and the story step of an add each commit once: a kill -9 in them leaves the last link's kept groups
    and counts, and the re-run links and places the added articles as if nothing had happened."""
    import signal
    import subprocess
    import time

    from conftest import HANSCOPE, ROOT
    from test_faults import files_written

    first, added = corpus
    names = ("삼성전자", "SK하이닉스", "네이버", "카카오")
    for i in range(240):  # enough that linking them takes a moment after the last file is written
        (added / f"brief_{i:03d}.txt").write_text(
            f"{names[i % 4]}과 오픈AI는 시험 기사 {i}번에서 웨이퍼 {i + 1}만장 공급을 논의했다.\n\n"
            f"백준호는 {i}일 판교에서 {names[(i + 1) % 4]} 관계자를 만났다.", encoding="utf-8")
    db_path = tmp_path / "steps.db"
    index([first], db_path)
    total = len(FIRST) + len(ADDED) + 240
    command = [*HANSCOPE, "index", str(first), str(added), "--db", str(db_path), "--workers", "0", "--no-analyzer"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + 60
    while proc.poll() is None and files_written(db_path) < total and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    # (on this machine it dies with the 243 added articles written, linked or not, and none placed)
    index([first, added], db_path)
    at_once = tmp_path / "at_once.db"
    index([first, added], at_once)
    assert state(db_path) == state(at_once)


def test_an_entity_that_only_gains_a_spelling_re_matches_only_where_it_is_written(corpus, tmp_path):
    """An add's candidates often bring a known entity one more spelling: the articles naming it (66k for 삼성전자
    at 100k) keep their mention rows, ids included; only an article that writes the new spelling is re-matched."""
    first, added = corpus
    db_path = tmp_path / "i.db"
    index([first], db_path)
    index([first, added], db_path)

    def rows() -> dict[str, list[tuple]]:
        conn = connect(db_path)
        try:
            found: dict[str, list[tuple]] = {}
            for source, *row in conn.execute('SELECT a.source, m.id, e.name, m.start, m."end" FROM mentions m '
                                             "JOIN articles a ON a.id = m.article_id JOIN entities e ON e.id = m.entity_id"):
                found.setdefault(Path(source).stem, []).append(tuple(row))
            return found
        finally:
            conn.close()

    before = rows()
    assert any(name == "삼성전자" for _, name, *_ in before["b_loi"])
    idx = Index.open(db_path)
    try:
        idx.edit("alias-add", entity="삼성전자", alias="삼성전자 메모리사업부")  # written in c_hbm only
    finally:
        idx.close()
    after = rows()
    assert after["b_loi"] == before["b_loi"] and after["d_reprint"] == before["d_reprint"]  # not re-matched
    assert after["c_hbm"] != before["c_hbm"]
    assert relinked_in_full(db_path, tmp_path) == state(db_path)


# Old articles that names defined later are written in: far from other names, in brackets right after a name, around
# a stored name, and a person whose short form (백 대표) comes later.
WRITTEN_BEFORE = {
    "g_far": ["누리온칩은 이번 달 새 제품을 공개했다.",
              "업계는 삼성전자와 SK하이닉스의 월 90만 장 생산 능력을 주목했다.",
              "회사는 올해 안에 해외 브랜드 NURIONCHIP을 알리겠다고 밝혔다."],
    "h_gloss": ["퓨리오사AI(퓨리오사에이아이)는 이번 달 오픈AI와 협력하기로 했다고 밝혔다."],
    "i_inside": ["삼성전자 파운드리사업부는 지난주 누리온칩과 5000억 달러(약 700조원) 규모 계약을 맺었다."],
    "j_person": ["백현우는 이날 신제품을 직접 소개했다.", "행사 뒤 백 대표는 양산 일정을 설명했다."],
    "k_next": ["서울 삼성전자 누리온칩 공동연구소가 문을 열었다."],
}


def relinked_in_full(db_path: Path, tmp_path: Path) -> dict:
    """The state of a copy whose mentions are all found again (no kept groups: the full link)."""
    full = tmp_path / "full.db"
    shutil.copy(db_path, full)
    conn = connect(full)
    with conn:
        conn.execute("DELETE FROM mentions")
        conn.execute("DELETE FROM article_entities")
        conn.execute("DELETE FROM meta WHERE key = ?", [linker.GROUPS_KEY])
        conn.execute("UPDATE articles SET linked = 0")
    linker.link(sqlite_utils.Database(conn))
    conn.close()
    return state(full)


def mention_ids(db_path: Path, stem: str) -> list[tuple]:
    conn = connect(db_path)
    try:
        return [tuple(row) for source, *row in conn.execute(
            "SELECT a.source, m.id, m.start, m.surface FROM mention_texts m JOIN articles a ON a.id = m.article_id ORDER BY m.id")
            if Path(source).stem == stem]
    finally:
        conn.close()


def edit(db_path: Path, op: str, **args) -> None:
    idx = Index.open(db_path)
    try:
        idx.edit(op, **args)
    finally:
        idx.close()


def test_new_names_are_added_to_old_articles_as_a_full_link_finds_them(tmp_path):
    """A new entity or spelling is added to the mentions an old article keeps (its rows stay, ids included), and
    wherever that could change what was chosen before the article is matched again: a spelling in brackets right
    after the name (one mention, not two), a name around a stored one, a person whose short form comes later.
    After each edit the index equals a full link of the same entity set."""
    folder, db_path = tmp_path / "old", tmp_path / "i.db"
    write(folder, WRITTEN_BEFORE, "2025-10-02T09:00")
    index([folder], db_path)
    first = state(db_path)
    assert "누리온칩" not in first["entities"] and "백현우" not in first["entities"]
    kept = mention_ids(db_path, "g_far")
    assert [s for _, _, s in kept] == ["삼성전자", "SK하이닉스"]

    next_to = mention_ids(db_path, "k_next")
    edit(db_path, "define", name="누리온칩", type="company", aliases=[])
    assert mention_ids(db_path, "g_far")[:2] == kept  # added to, not matched again
    assert mention_ids(db_path, "k_next")[:2] == next_to  # beside another entity's mention: added to as well
    result = state(db_path)
    assert mentions_of(result, "k_next") == {"서울", "삼성전자", "누리온칩"}
    assert mentions_of(result, "g_far") == mentions_of(result, "i_inside") | {"SK하이닉스"} == {"누리온칩", "삼성전자", "SK하이닉스"}
    assert result == relinked_in_full(db_path, tmp_path)

    edit(db_path, "alias-add", entity="퓨리오사AI", alias="퓨리오사에이아이")  # the bracket glosses the name
    result = state(db_path)
    assert [s for stem, _, _, _, _, s in result["mentions"] if stem == "h_gloss"] == ["오픈AI", "퓨리오사AI"]
    assert result == relinked_in_full(db_path, tmp_path)

    edit(db_path, "alias-add", entity="누리온칩", alias="NURIONCHIP")  # a second mention where it has one
    result = state(db_path)
    assert result["counted"]["누리온칩"] == (4, 3) and result["entities"]["누리온칩"][2:] == (4, 3)
    assert mention_ids(db_path, "g_far")[:2] == kept
    assert result == relinked_in_full(db_path, tmp_path)

    edit(db_path, "define", name="삼성전자 파운드리사업부", type="org", aliases=[])  # around a stored 삼성전자
    result = state(db_path)
    assert mentions_of(result, "i_inside") == {"삼성전자 파운드리사업부", "누리온칩"}
    assert result == relinked_in_full(db_path, tmp_path)

    edit(db_path, "define", name="백현우", type="person", aliases=[])  # 백 대표 hangs on him
    result = state(db_path)
    assert [s for stem, _, _, _, _, s in result["mentions"] if stem == "j_person"] == ["백현우", "백 대표"]
    assert result == relinked_in_full(db_path, tmp_path)


@pytest.mark.parametrize("text", [
    "누리온칩은 새 제품을 공개했다.\n\n업계는 삼성전자와 누리 온칩의 협력에 주목했다.\n(사진=누리온칩)\n누리온칩·한화 공동 발표",
    "퓨리오사AI\n(퓨리오사에이아이)는 이번 달 오픈AI와 협력한다.",  # a gloss on the next line: one mention
    "환율은 (한화\n약 5조7000억원) 수준이다.\n한화는 90만 장을 만든다.",  # 한화's won rule reads past the line
    "NURIONCHIP은 해외 브랜드다.\nNuriOnChip 2세 경영",
    "",
])
def test_the_added_names_matcher_reads_only_lines_with_a_needle_and_finds_what_the_whole_text_gives(text):
    from store.extract.entities import Matcher
    from store.linking.touched import Adder

    specs = [(1, ["누리온칩", "NURIONCHIP"]), (2, ["퓨리오사AI", "퓨리오사에이아이"]), (3, ["한화"]), (4, ["90만 장"])]
    kinds = {1: "company", 2: "company", 3: "company", 4: "product"}
    for chosen in ([specs[0]], [specs[1]], [specs[2]], [specs[3]], specs[:2], specs):
        assert Adder(chosen, kinds).find(text) == Matcher(chosen, kinds).find(text), chosen
    assert Adder([(5, ["NuriOnChip"])], kinds).needles is None  # no Hangul, no digit: the whole text is read


def test_mentions_found_by_older_matching_rules_are_found_again_once_by_the_next_index_run(corpus, tmp_path):
    """The link signature covered the entity set, not the matcher's rules: an index matched by older rules kept
    their mentions (8,530 of 한국 in 한국형 at 100k) until a full re-link. Now the rules' digest is recorded, and
    the next `hanscope index` after it changes (nothing else changed) says so in one line and matches every
    article again, once; an entity edit meanwhile does not (it would wait minutes on a big index)."""
    from store.linking.rules import RULES_KEY, SOURCES_KEY, rules_version

    first, added = corpus
    db_path = tmp_path / "index.db"
    index([first, added], db_path)
    expected = state(db_path)
    conn = connect(db_path)
    assert conn.execute("SELECT value FROM meta WHERE key = ?", [RULES_KEY]).fetchone() == (rules_version(),)
    with conn:  # what older rules left: 삼성 found inside 삼성전자 in one article, 오픈AI missed in another
        stale = conn.execute("SELECT e.id, a.id FROM entities e, articles a WHERE e.name = '삼성' "
                             "AND a.source LIKE '%d_reprint%'").fetchone()
        conn.execute("INSERT INTO mentions(article_id, id, entity_id, part, paragraph, start, \"end\") "
                     "VALUES (?2, 1000000000, ?1, 0, 0, 21, 23)", stale)  # the body's 삼성 at 21..23
        conn.execute("DELETE FROM mentions WHERE (article_id, id) IN (SELECT article_id, id FROM mention_texts "
                     "WHERE surface = '오픈AI는' OR surface = '오픈AI가')")
        conn.execute("UPDATE meta SET value = 'older rules' WHERE key IN (?, ?)", [RULES_KEY, SOURCES_KEY])
    conn.close()
    assert state(db_path)["mentions"] != expected["mentions"]

    merge(db_path, {"into": "삼성전자", "from": "SK하이닉스"})  # an edit links what it changes, and no more
    merge_undo = Index.open(db_path)
    merge_undo.undo()
    merge_undo.close()
    conn = connect(db_path)
    assert conn.execute("SELECT value FROM meta WHERE key = ?", [RULES_KEY]).fetchone() == ("older rules",)
    conn.close()

    notes: list[str] = []
    summary = index([first, added], db_path, on_note=notes.append)
    assert summary.files_unchanged == 6 and summary.files_indexed == 0
    assert len(notes) == 1 and "matching rules changed" in notes[0] and "all 6 articles" in notes[0], notes
    assert state(db_path) == expected  # every mention, count and story as a fresh index has them
    index([first, added], db_path, on_note=notes.append)
    assert len(notes) == 1  # once


def test_a_re_link_after_the_rules_changed_writes_only_the_mentions_that_differ(corpus, tmp_path):
    """After the matching rules change, every article is matched again but most mentions come out as they were:
    only the rows that differ are deleted or inserted (the others keep their ids), and only counts that differ are
    written. Deleting and inserting all 7M mention rows was most of that run's writing at 100k."""
    from store.linking.rules import RULES_KEY, SOURCES_KEY

    first, added = corpus
    db_path = tmp_path / "index.db"
    index([first, added], db_path)
    expected = state(db_path)
    conn = connect(db_path)
    kept_ids = {row[1:]: row[0] for row in conn.execute(
        'SELECT id, entity_id, article_id, part, paragraph, start, "end", surface FROM mention_texts')}
    with conn:  # older rules: a wrong 삼성 inside 삼성전자, 오픈AI missed twice, and one count off
        stale = conn.execute("SELECT e.id, a.id FROM entities e, articles a WHERE e.name = '삼성' "
                             "AND a.source LIKE '%d_reprint%'").fetchone()
        conn.execute("INSERT INTO mentions(article_id, id, entity_id, part, paragraph, start, \"end\") "
                     "VALUES (?2, 1000000000, ?1, 0, 0, 21, 23)", stale)  # the body's 삼성 at 21..23
        missed = conn.execute("SELECT count(*) FROM mention_texts WHERE surface = '오픈AI'").fetchone()[0]
        conn.execute("DELETE FROM mentions WHERE (article_id, id) IN "
                     "(SELECT article_id, id FROM mention_texts WHERE surface = '오픈AI')")
        conn.execute("UPDATE article_entities SET mentions = mentions + 5 WHERE (entity_id, article_id) = "
                     "(SELECT entity_id, article_id FROM article_entities ORDER BY entity_id, article_id LIMIT 1)")
        conn.execute("UPDATE meta SET value = 'older rules' WHERE key IN (?, ?)", [RULES_KEY, SOURCES_KEY])
        conn.execute("CREATE TABLE writes(what TEXT)")  # what the re-link writes, row by row
        for table in ("mentions", "article_entities"):
            for event in ("INSERT", "DELETE", "UPDATE"):
                conn.execute(f"CREATE TRIGGER log_{table}_{event.lower()} AFTER {event} ON {table} "
                             f"BEGIN INSERT INTO writes VALUES ('{table} {event}'); END")
    assert missed >= 2
    conn.close()

    index([first, added], db_path)
    assert state(db_path) == expected
    conn = connect(db_path)
    writes = dict(conn.execute("SELECT what, count(*) FROM writes GROUP BY what"))
    assert writes == {"mentions DELETE": 1, "mentions INSERT": missed, "article_entities UPDATE": 1}, writes
    now = {row[1:]: row[0] for row in conn.execute(
        'SELECT id, entity_id, article_id, part, paragraph, start, "end", surface FROM mention_texts')}
    assert now.keys() == kept_ids.keys()
    assert sum(now[key] == kept_ids[key] for key in now) == len(now) - missed  # the re-found ones are new rows
    conn.close()


def test_the_rules_digest_follows_code_not_comments(tmp_path):
    """A comment, docstring or layout edit of the matcher costs no re-link of every article; a changed pattern does."""
    import importlib.util

    from store.linking.rules import MATCHER_MODULES, code_digest, rules_digest, rules_version

    sources = {name: importlib.util.find_spec(name).loader.get_source(name) for name in MATCHER_MODULES}
    assert rules_digest(sources) == rules_version()
    matching = sources["store.extract.matching"]
    reworded = matching.replace('"""Mention matching:', '"""Where mentions are:', 1).replace(
        "\nclass Matcher:", "\n# the automaton and its rules\n\n\nclass Matcher:", 1)
    assert reworded != matching and code_digest(reworded) == code_digest(matching)
    rule = '_EDITION = re.compile(r"(?:19|20)?\\d\\d(?![A-Za-z0-9])")'
    assert rule in matching
    changed = matching.replace(rule, rule.replace("(?:19|20)?", "(?:20)?"), 1)
    assert code_digest(changed) != code_digest(matching)
    assert rules_digest({**sources, "store.extract.matching": changed}) != rules_version()


def test_an_add_reads_old_articles_dates_and_story_columns_from_the_covering_index(corpus, tmp_path):
    """The dates an add's new mentions need (~47k old articles at 100k) and the story step's candidates are read
    from articles_placing, not from article rows that hold the body (one page each in a big index)."""
    first, added = corpus
    db_path = tmp_path / "index.db"
    index([first], db_path)
    conn, statements = add_traced(db_path, [first, added])
    reads = {sql for sql in statements if sql.startswith("SELECT") and
             ("SELECT id, date FROM articles" in sql or "a.near_group, a.story" in sql or "JOIN article_entities b" in sql)}
    assert len(reads) >= 3, reads  # the new articles' dates, the candidates' rows, the shared-entity candidates
    for sql in reads:
        plan = " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql))  # the trace has the values in
        assert "COVERING INDEX articles_placing" in plan, (sql, plan)
    conn.close()


# a closing paragraph many reports share, which the cleaner keeps (its copyright lines it takes off itself)
DISCLAIMER = "한편 한빛일보는 매주 월요일 지역 축제와 행사 소식을 모아 전하는 기획 기사를 싣고 있다."


def outlets_news(folder: Path, start: int, count: int, day: str, disclaimer: bool) -> None:
    """`count` distinct short reports (each its own figures, so none is a copy of another), the disclaimer closing
    each when asked: 25 bodies holding one paragraph make it boilerplate (stories.BOILERPLATE_DOCS)."""
    towns = ["수원", "청주", "전주", "춘천", "포항", "목포", "강릉", "여수"]
    reports = {}
    for n in range(start, start + count):
        town = towns[n % len(towns)]
        body = [f"{town}시는 올해 {n + 3}만 명이 찾은 지역 축제의 예산을 {n * 7 + 11}억원으로 늘린다고 밝혔다.",
                f"시 관계자는 {town} 도심 {n % 9 + 2}곳에 주차장 {n * 13 + 40}면을 새로 만들 계획이라고 말했다."]
        if disclaimer:
            body.append(DISCLAIMER)
        reports[f"town_{n:03d}"] = body
    write(folder, reports, day)


def test_an_add_reads_new_candidates_known_files_and_boilerplate_through_indexes(corpus, tmp_path):
    """Adding a folder far smaller than the index reads the new candidates through candidates_article (ORDER BY
    rowid made SQLite scan every candidate: 1.26M rows at 100k), looks its paths up in `files` (not 100k rows),
    and checks only the last run's boilerplate keys and this run's (not 1.9M paragraph counts)."""
    first, added = corpus
    outlets_news(first, 0, 20, "2025-09-20T09:00", disclaimer=False)
    db_path = tmp_path / "index.db"
    index([first], db_path)
    conn, statements = add_traced(db_path, [added])
    try:
        reads = [s for s in statements if s.startswith("SELECT") and
                 ("FROM candidates" in s or "FROM files" in s or "FROM paragraph_docs" in s)]
        assert any("FROM candidates" in s for s in reads) and any("FROM files" in s for s in reads)
        for sql in reads:
            plan = " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql))
            assert "SCAN candidates" not in plan and "SCAN files" not in plan, (sql, plan)
        boilerplate_reads = [s for s in reads if "FROM paragraph_docs WHERE" in s and "docs >=" in s]
        assert boilerplate_reads and all("json_each" in s for s in boilerplate_reads), boilerplate_reads
    finally:
        conn.close()
    at_once = tmp_path / "at_once.db"
    index([first, added], at_once)
    assert state(db_path) == state(at_once)


def test_boilerplate_kept_between_runs_is_what_counting_every_paragraph_gives(tmp_path):
    """The closing paragraph crosses the boilerplate line in the second run (10 bodies, then 30): the kept keys hold
    it as a full count finds it; after a changed file (its old body uncounted) the next run counts everything once
    again; stories and near-duplicates are those of the same runs made with nothing kept."""
    from store.stories import BOILERPLATE_KEY, paragraph_key

    first, second = tmp_path / "first", tmp_path / "second"
    outlets_news(first, 0, 10, "2025-09-20T09:00", disclaimer=True)
    outlets_news(first, 10, 10, "2025-09-20T09:00", disclaimer=False)
    outlets_news(second, 20, 20, "2025-09-21T09:00", disclaimer=True)
    db_path, unkept = tmp_path / "index.db", tmp_path / "unkept.db"

    def kept_and_counted() -> tuple[list[int], list[int]]:
        conn = connect(db_path)
        try:
            kept = json.loads(conn.execute("SELECT value FROM meta WHERE key = ?", [BOILERPLATE_KEY]).fetchone()[0])
            counted = sorted(k for (k,) in conn.execute(
                "SELECT key FROM paragraph_docs WHERE docs >= ? AND key >= 0", [kept["floor"]]))
        finally:
            conn.close()
        return kept["keys"], counted

    def both(folders: list[Path]) -> None:
        index(folders, db_path)
        if unkept.exists():
            conn = connect(unkept)
            with conn:
                conn.execute("DELETE FROM meta WHERE key = ?", [BOILERPLATE_KEY])
            conn.close()
        index(folders, unkept)

    both([first])
    assert kept_and_counted() == ([], [])
    both([first, second])
    kept, counted = kept_and_counted()
    assert kept == counted == [paragraph_key(DISCLAIMER)]
    write(second, {"town_020": ["포항시는 올해 축제 예산을 줄인다고 밝혔다.", DISCLAIMER]}, "2025-09-21T09:00")
    both([first, second])
    kept, counted = kept_and_counted()
    assert kept == counted == [paragraph_key(DISCLAIMER)]
    placed = "SELECT a.source, a.story, a.near_group, a.copy_of FROM articles a ORDER BY a.source"
    conn, other = connect(db_path), connect(unkept)
    try:
        assert conn.execute(placed).fetchall() == other.execute(placed).fetchall()
    finally:
        conn.close()
        other.close()


def test_a_few_re_matched_articles_go_to_the_workers_that_matched_the_added_ones(corpus, tmp_path, monkeypatch):
    """The added 백준호 대표 makes a person, whose short forms may change the old articles naming him: those
    article is re-matched by the workers, which hold the matcher of this entity set already (building one over every
    alias in the writer cost ~1 s of its CPU at 100k); the result is the same."""
    first, added = corpus
    db_path = tmp_path / "index.db"
    index([first], db_path)
    built: list[int] = []
    whole_set = linker.Matcher

    def counted(*args, **kwargs):
        built.append(1)
        return whole_set(*args, **kwargs)

    monkeypatch.setattr(linker, "PARALLEL_LINK", 3)  # the 3 added articles go to the workers (as 1,000 would), the 2 re-matched not
    monkeypatch.setattr(linker, "Matcher", counted)
    rematched: list[list[int]] = []
    store = linker.store_mentions

    def heard(conn, chunk, rows, counts=None):
        rematched.append(chunk)
        return store(conn, chunk, rows, counts)

    monkeypatch.setattr(linker, "store_mentions", heard)
    conn = connect(db_path, create=True)
    try:
        index_paths(conn, [first, added], workers=1)
        old = {aid for (aid,) in conn.execute("SELECT id FROM articles WHERE source LIKE '%a_npu%'")}
    finally:
        conn.close()
    assert any(old & set(chunk) for chunk in rematched)  # the old article naming 백준호 was matched again ...
    assert built == []  # ... by the workers: no matcher over every alias in this process
    at_once = tmp_path / "at_once.db"
    index([first, added], at_once)
    assert state(db_path) == state(at_once)


def test_a_new_alias_file_is_linked_by_the_next_run_with_no_changed_file(tmp_path, monkeypatch):
    """An upgrade ships a larger alias file: the next `hanscope index` over the same folder finds the names it
    adds (별빛패드, written with particles and glued), without waiting for a changed article."""
    from store.extract import aliases

    folder, db_path = tmp_path / "news", tmp_path / "index.db"
    write(folder, {"g_pad": ["한빛전자가 태블릿 별빛패드를 내놨다.", "별빛패드는 무게가 300g이다. 업계는 별빛패드의 판매를 주목한다."]},
          "2025-10-01")
    index([folder], db_path)

    def mentions_of(name: str) -> int | None:
        conn = connect(db_path)
        try:
            row = conn.execute("SELECT mentions FROM entities WHERE name = ?", [name]).fetchone()
            return row[0] if row else None
        finally:
            conn.close()

    assert not mentions_of("별빛패드")
    conn = connect(db_path)
    assert not linker.needs_link(sqlite_utils.Database(conn))  # the same file: nothing to do
    conn.close()

    newer = tmp_path / "aliases.tsv"
    newer.write_text(aliases.ALIAS_FILE.read_text(encoding="utf-8") + "product\t별빛패드\t\n", encoding="utf-8")
    monkeypatch.setattr(aliases, "ALIAS_FILE", newer)
    summary = index([folder], db_path)
    assert summary.files_indexed == 0  # no article was read again
    assert mentions_of("별빛패드") == 3
    conn = connect(db_path)
    assert not linker.needs_link(sqlite_utils.Database(conn))  # linked with this file: the next run links nothing
    conn.close()
