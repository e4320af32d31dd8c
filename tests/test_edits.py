"""User edits to entities: applied at once, stored in the index, replayed after every re-index, portable as a file."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from store.api import Index
from store.db import connect
from store.indexer import index_paths
from store.linker import EditError

ROOT = Path(__file__).resolve().parent.parent


def reindex(db_path: Path, folder: Path) -> None:
    """Index a new file into the copy: a re-link that rebuilds the entity set from candidates and edits."""
    conn = connect(db_path)
    index_paths(conn, [folder], workers=0)
    conn.close()


@pytest.fixture
def extra(tmp_path) -> Path:
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "new.txt").write_text(
        "엔디비아가 새 GPU를 내놨다고 밝혔다. 챗GPT 이용자는 월 5000만 명을 넘었다. 스타게이트 투자도 이어진다.",
        encoding="utf-8",
    )
    return folder


def names(index: Index, query: str) -> tuple[str, list[str]] | None:
    info = index.find_entity(query)
    return (info.name, info.aliases) if info else None


def test_edits_apply_and_survive_reindexing(seeds_db_copy, extra):
    index = Index.open(seeds_db_copy)
    chatgpt_mentions = index.find_entity("챗GPT").mentions
    index.edit("merge", into="오픈AI", **{"from": "챗GPT"})
    index.edit("alias-add", entity="엔비디아", alias="엔디비아")
    index.edit("retype", entity="스타게이트", type="event")
    index.edit("rename", entity="과학기술정보통신부", name="과기정통부")
    index.edit("delete", entity="아시아")
    index.edit("split", entity="샘 올트먼", alias="올트먼")  # written alone in seed 002: 올트먼 CEO는
    index.close()

    for attempt in ("after the edits", "after re-indexing"):
        index = Index.open(seeds_db_copy)
        openai = index.find_entity("오픈AI")
        assert "챗GPT" in openai.aliases, attempt
        assert index.find_entity("챗GPT").id == openai.id, attempt
        assert index.find_entity("스타게이트").type == "event", attempt
        renamed = index.find_entity("과학기술정보통신부")  # the old name stays an alias
        assert renamed.name == "과기정통부" and "과학기술정보통신부" in renamed.aliases, attempt
        assert all(hit.name != "아시아" for hit in index.resolve("아시아")), attempt
        assert index.find_entity("올트먼").name == "올트먼", attempt
        assert "올트먼" not in index.find_entity("샘 올트먼").aliases, attempt
        index.close()
        if attempt == "after the edits":
            reindex(seeds_db_copy, extra)

    index = Index.open(seeds_db_copy)
    new_article = [a.id for a in index.articles() if a.source.endswith("new.txt")][0]
    nvidia = index.entity("엔비디아")
    assert new_article in {a.id for a in nvidia.articles}  # the added alias finds the new article's 엔디비아가
    assert index.find_entity("오픈AI").mentions > chatgpt_mentions  # merged mentions count for 오픈AI
    index.close()


@pytest.mark.parametrize(
    "op, args, message",
    [
        ("merge", {"into": "오픈AI", "from": "없는회사"}, "no entity named '없는회사'"),
        ("retype", {"entity": "오픈AI", "type": "planet"}, "unknown type 'planet'"),
        ("rename", {"entity": "삼성", "name": "삼성전자"}, "already names another entity"),
        ("alias-remove", {"entity": "오픈AI", "alias": "오픈AI"}, "rename it first"),
    ],
)
def test_edits_that_cannot_apply_say_why_and_store_nothing(seeds_db_copy, op, args, message):
    index = Index.open(seeds_db_copy)
    with pytest.raises(EditError, match=message):
        index.edit(op, **args)
    assert index.db.execute("SELECT count(*) FROM edits").fetchone()[0] == 0
    index.close()


def test_export_then_import_carries_entities_to_another_index(seeds_db_copy, tmp_path):
    source = Index.open(seeds_db_copy)
    source.edit("alias-add", entity="엔비디아", alias="엔디비아")
    exported = source.export_aliases()
    source.close()
    assert "company\t엔비디아\t" in exported and "엔디비아" in exported

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("엔디비아와 한빛소재가 손잡았다. 한빛소재는 경주에 공장을 짓는다.", encoding="utf-8")
    target_path = tmp_path / "other.db"
    conn = connect(target_path, create=True)
    index_paths(conn, [corpus], workers=0)
    conn.close()
    target = Index.open(target_path)
    assert target.find_entity("한빛소재") is None
    count = target.import_aliases(exported + "company\t한빛소재\t한빛 소재\n")
    # the alias-file lines (~500) the target already holds are not stored again: the seeds' own names, the
    # user's alias and 한빛소재 are
    assert 10 < count < 100
    assert target.entity("엔디비아").entity.name == "엔비디아"
    assert target.entity("한빛소재").entity.mentions == 2
    target.close()


def test_cli_edit_of_an_unknown_entity_is_one_line_exit_1(seeds_db_copy):
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "merge", "오픈AI", "없는회사", "--db", str(seeds_db_copy)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and "없는회사" in proc.stderr and "Traceback" not in proc.stderr


# --- an edit re-matches only the articles it can change ----------------------------------------------------


def mention_rows(db_path: Path) -> dict[int, list[tuple]]:
    conn = connect(db_path)
    rows: dict[int, list[tuple]] = {}
    for row in conn.execute('SELECT m.article_id, e.name, m.start, m."end", m.surface, m.id FROM mention_texts m '
                            "JOIN entities e ON e.id = m.entity_id ORDER BY m.article_id, m.start"):
        rows.setdefault(row[0], []).append(row[1:])
    conn.close()
    return rows


def orphans(db_path: Path) -> int:
    """Mentions of no entity: mentions.entity_id has no cascade (schema 12), so the linker deletes them itself."""
    conn = connect(db_path)
    try:
        return conn.execute("SELECT count(*) FROM mentions WHERE entity_id NOT IN (SELECT id FROM entities)").fetchone()[0]
    finally:
        conn.close()


def relink_everything(db_path: Path) -> None:
    import sqlite_utils

    from store.linker import GROUPS_KEY, link

    conn = connect(db_path)
    with conn:
        conn.execute("DELETE FROM mentions")
        conn.execute("DELETE FROM article_entities")
        conn.execute("UPDATE articles SET linked = 0")
        conn.execute("DELETE FROM meta WHERE key = ?", [GROUPS_KEY])  # what the last link kept: from scratch
    link(sqlite_utils.Database(conn))
    conn.close()


EDITS = [
    ("merge", {"into": "오픈AI", "from": "챗GPT"}),
    ("alias-add", {"entity": "엔비디아", "alias": "GPU"}),
    ("alias-add", {"entity": "삼성전자", "alias": "삼성"}),
    ("alias-remove", {"entity": "SK하이닉스", "alias": "하이닉스"}),
    ("retype", {"entity": "스타게이트", "type": "event"}),
    ("rename", {"entity": "과학기술정보통신부", "name": "과기정통부"}),
    ("delete", {"entity": "아시아"}),
    ("split", {"entity": "샘 올트먼", "alias": "알트만"}),
    ("define", {"name": "웨이퍼", "type": "product", "aliases": []}),
]


@pytest.mark.parametrize(("op", "args"), EDITS, ids=[op for op, _ in EDITS])
def test_an_edit_matches_what_a_full_relink_finds_and_spares_other_articles(seeds_db_copy, tmp_path, op, args):
    before = mention_rows(seeds_db_copy)
    index = Index.open(seeds_db_copy)
    try:
        index.edit(op, **args)
    except EditError:
        pytest.skip(f"{op} does not apply to the current seeds ({args})")
    index.close()
    after = mention_rows(seeds_db_copy)
    assert orphans(seeds_db_copy) == 0
    full = tmp_path / "full.db"
    full.write_bytes(seeds_db_copy.read_bytes())
    relink_everything(full)
    without_ids = lambda rows: {a: [r[:-1] for r in ms] for a, ms in rows.items()}  # noqa: E731
    assert without_ids(after) == without_ids(mention_rows(full))
    assert after != before
    # Articles the edit could not change keep their rows, ids included: they were not re-matched.
    spared = [a for a, ms in before.items() if after.get(a) == ms]
    assert 0 < len(spared) < len(before)


# --- ids stay put; undo; the list of edits ----------------------------------------------------------


def test_an_entity_keeps_its_id_through_rename_merge_and_their_undo(seeds_db_copy):
    index = Index.open(seeds_db_copy)
    ministry = index.find_entity("과학기술정보통신부")
    openai, chatgpt_before = index.find_entity("오픈AI"), index.find_entity("챗GPT")
    index.edit("rename", entity="과학기술정보통신부", name="과기정통부")
    assert index.find_entity("과기정통부").id == ministry.id  # was 51 -> 512: links and history broke
    index.edit("merge", into="오픈AI", **{"from": "챗GPT"})
    assert index.find_entity("챗GPT").id == openai.id
    index.edit("delete", entity="과기정통부")
    assert index.find_entity("과기정통부") is None
    assert orphans(seeds_db_copy) == 0  # its mentions went with it

    assert [e.op for e in index.edits()] == ["rename", "merge", "delete"]
    assert [(e.op, e.args, e.description) for e in index.undo()] == [("delete", {"entity": "과기정통부"}, "deleted 과기정통부")]
    back = index.find_entity("과기정통부")
    assert back.id == ministry.id and back.mentions == ministry.mentions  # the same id comes back with the entity
    index.undo()  # the merge
    chatgpt = index.find_entity("챗GPT")
    assert chatgpt.id == chatgpt_before.id and "챗GPT" not in index.find_entity("오픈AI").aliases
    index.undo()  # the rename
    restored = index.find_entity("과학기술정보통신부")
    assert (restored.id, restored.name, restored.aliases) == (ministry.id, "과학기술정보통신부", ministry.aliases)
    assert index.edits() == [] and index.undo() == []
    index.close()


def test_an_alias_import_is_undone_as_one_edit(seeds_db_copy):
    index = Index.open(seeds_db_copy)
    index.edit("alias-add", entity="엔비디아", alias="엔디비아")
    assert index.import_aliases("company\t가온반도체\tGaon Semi\nperson\t박서연\t박 연구원\n") == 2
    assert len(index.undo()) == 2
    assert index.find_entity("가온반도체") is None and index.find_entity("박서연") is None
    assert [e.description for e in index.edits()] == ["added 엔디비아 as a name of 엔비디아"]
    index.close()


def test_hanscope_edits_and_undo_on_the_command_line(seeds_db_copy):
    from test_faults import assert_one_line_error, run_cli

    db = ["--db", str(seeds_db_copy)]
    said = run_cli("alias", "add", "최태원", "최 회장님", *db)
    assert said.returncode == 0 and said.stderr.strip() == "Added 최 회장님 as a name of 최태원 (hanscope undo reverts it)"
    assert "alias-add" not in said.stderr  # no internal names
    listed = run_cli("edits", *db).stdout.splitlines()
    assert listed[0] == "id\twhen (UTC)\tedit" and listed[1].endswith("\tadded 최 회장님 as a name of 최태원")
    undone = run_cli("undo", *db)
    assert undone.returncode == 0 and "Undid: added 최 회장님 as a name of 최태원" in undone.stderr
    assert_one_line_error(run_cli("undo", *db), "no entity edits to undo", code=1)
    assert_one_line_error(run_cli("edits", *db), "no entity edits", code=1)


# --- edits that change nothing (issue 11) ------------------------------------------------------------------


def edit_rows(db_path: Path) -> list:
    conn = connect(db_path)
    rows = conn.execute("SELECT op, args FROM edits").fetchall()
    conn.close()
    return rows


def test_merging_two_names_of_one_entity_says_so_and_exits_1(seeds_db_copy):
    """`hanscope merge 오픈AI "Open AI"` printed `merge: done` and merged nothing: both name one entity."""
    before = mention_rows(seeds_db_copy)
    proc = subprocess.run([sys.executable, "-m", "tui", "merge", "오픈AI", "Open AI", "--db", str(seeds_db_copy)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "already one entity" in proc.stderr and "done" not in proc.stderr
    assert edit_rows(seeds_db_copy) == [] and mention_rows(seeds_db_copy) == before


@pytest.mark.parametrize(("op", "args", "says"), [
    ("merge", {"into": "오픈AI", "from": "OpenAI"}, "already one entity"),
    ("merge", {"into": "샘 올트먼", "from": "샘 알트만"}, "already one entity"),
    ("rename", {"entity": "엔비디아", "name": "엔비디아"}, "already the entity's name"),
    ("retype", {"entity": "엔비디아", "type": "company"}, "already a company"),
    ("alias-add", {"entity": "SK하이닉스", "alias": "SK 하이닉스"}, "already names"),
    ("alias-remove", {"entity": "엔비디아", "alias": "삼성"}, "not an alias of"),
    ("split", {"entity": "엔비디아", "alias": "없는이름"}, "not an alias of"),
    ("define", {"name": "엔비디아", "type": "company", "aliases": ["NVIDIA"]}, "already a company"),
])
def test_an_edit_that_changes_nothing_is_refused_and_not_stored(seeds_db_copy, op, args, says):
    from store.linker import NothingToChange

    index = Index.open(seeds_db_copy)
    with pytest.raises(NothingToChange, match=says):
        index.edit(op, **args)
    index.close()
    assert edit_rows(seeds_db_copy) == []


def test_importing_only_what_the_index_holds_changes_nothing(seeds_db_copy, tmp_path):
    exported = tmp_path / "aliases.tsv"
    run = lambda *args: subprocess.run([sys.executable, "-m", "tui", *args, "--db", str(seeds_db_copy)],  # noqa: E731
                                       capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run("export-aliases", str(exported)).returncode == 0
    proc = run("import-aliases", str(exported))
    assert proc.returncode == 1 and "nothing changed" in proc.stderr and proc.stderr.strip().count("\n") == 0
    exported.write_text(exported.read_text(encoding="utf-8") + "company\t한빛소재\t\n", encoding="utf-8")
    proc = run("import-aliases", str(exported))
    assert proc.returncode == 0 and "Imported 1 entity (" in proc.stderr
