"""A messy corpus through the real `hanscope index`: every bad file is reported with its path and reason, the
good part of a partly bad file is kept, and everything else is indexed. Nothing hangs.

The corpus is built on the fly in one folder and indexed once per module (one CLI run); each test reads the
summary JSON and the index. The unit behaviour of each reader lives in test_readers.py / test_decode.py.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import HANSCOPE, ROOT, SEEDS
from test_faults import run_cli

GOOD_JSONL_LINES = (1, 2, 4, 6)  # lines 3, 5 and 7 are broken


def _jsonl() -> str:
    records = [
        json.dumps({"title": f"카카오 판교 서비스 {i}", "outlet": "누리뉴스",
                    "body": f"카카오가 판교에서 {i}번째 서비스를 공개했다. 회사는 {i + 1}조원을 투자한다고 밝혔다. 줄번호{i}표시"},
                   ensure_ascii=False)
        for i in range(4)
    ]
    lines = [records[0], records[1], '{"title": "잘린 줄", "body": "끝나지 않은', records[2], "not json at all",
             records[3], "[1, 2, 3]"]
    return "\n".join(lines) + "\n"


HTML_HEAD = "<html><head><title>삼성전자 평택 공장 | 한빛일보</title></head><body><article><h1>삼성전자 평택 공장</h1>"
HTML_PROSE = "<p>" + "삼성전자가 평택에 새 반도체 공장을 짓는다고 밝혔다. " * 6 + "</p>"

FILES: dict[str, bytes] = {
    "good/seed.txt": (SEEDS / "001_b186741fd57ce89e.txt").read_bytes(),
    "good/cp949.txt": ("경주에서 열린 회의에서 삼성전자와 SK하이닉스는 반도체 협력을 약속했다. 투자 규모는 3조원이다.\n" * 3).encode("cp949"),
    "good/utf16.txt": ("울산 데이터센터 건설에 아마존웹서비스가 7조원을 투자한다고 밝혔다. 관계자는 협력을 강조했다.\n" * 3).encode("utf-16"),
    "good/utf8-bom.txt": b"\xef\xbb\xbf" + ("판교에서 네이버는 새 인공지능 모델을 공개했다. 회사는 월 90만장의 웨이퍼를 확보했다.\n" * 3).encode(),
    "bad/empty.txt": b"",
    "bad/blank.md": b"\n \n\t\n",
    "bad/photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,  # an image renamed .txt
    "bad/latin1.txt": "Café crème, déjà vu. Ça coûte trois francs, à la française.\n".encode("latin-1") * 10,
    "bad/shift-jis.txt": "東京で新しい半導体工場が稼働した。価格は三兆円だ。\n".encode("shift_jis") * 10,
    "bad/broken.json": '{"title": "잘린 JSON", "body": "끝나지'.encode(),
    "bad/script-only.html": b"<html><body><script>alert(1)</script><nav>\xeb\xa9\x94\xeb\x89\xb4</nav></body></html>",
    "partial/truncated.html": (HTML_HEAD + HTML_PROSE + "<p>투자 규모는 20조원이다. 회사는 <a href=\"https://ex").encode(),
    "partial/dump.jsonl": _jsonl().encode(),
}


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    """The corpus, indexed once; returns (corpus folder, database path, summary JSON, CLI run)."""
    corpus = tmp_path_factory.mktemp("messy") / "corpus"
    for name, data in FILES.items():
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (corpus / "loop").mkdir()
    os.symlink("..", corpus / "loop" / "up")  # a symlink loop: corpus/loop/up/loop/up/...
    os.symlink(corpus / "loop", corpus / "loop" / "self")
    os.mkfifo(corpus / "bad" / "pipe.txt")  # reading it would block forever
    with open(corpus / "bad" / "too-big.txt", "wb") as sparse:  # 21 MiB on paper, nothing on disk
        sparse.truncate(21 * 1024 * 1024)
    (corpus / "good" / "folder.txt").mkdir()  # a folder that looks like a file
    db = corpus.parent / "index.db"
    proc = run_cli("index", str(corpus), "--db", str(db), "--no-analyzer", "--workers", "0", "--json", timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return corpus, db, json.loads(proc.stdout), proc


def reasons(summary: dict, key: str = "failed") -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in summary[key]:
        found.setdefault(Path(problem["path"]).name, []).append(problem["reason"])
    return found


def sources(db: Path) -> list[str]:
    from store.api import Index

    index = Index.open(db)
    try:
        return sorted(Path(a.source).name for a in index.articles())
    finally:
        index.close()


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.txt", "empty file"),
        ("blank.md", "no text"),
        ("photo.txt", "PNG image"),
        ("latin1.txt", "not UTF-8, UTF-16 or CP949"),
        ("shift-jis.txt", "not UTF-8, UTF-16 or CP949"),
        ("broken.json", "invalid JSON"),
        ("script-only.html", "no text"),
        ("too-big.txt", "file too large"),
    ],
)
def test_each_bad_file_is_reported_with_path_and_reason(messy, name, reason):
    corpus, _, summary, _ = messy
    failed = reasons(summary)
    assert name in failed, summary["failed"]
    assert any(reason in r for r in failed[name]), failed[name]
    full = next(p["path"] for p in summary["failed"] if Path(p["path"]).name == name)
    assert Path(full).is_absolute() and Path(full).resolve().parent.name == "bad"


def test_a_fifo_named_txt_is_reported_and_never_read(messy):
    _, _, summary, proc = messy
    assert "pipe.txt" in reasons(summary), summary["failed"]  # skipped silently would hide a file from the user


def test_good_files_in_every_supported_encoding_are_indexed(messy):
    _, db, summary, _ = messy
    from store.api import Index

    index = Index.open(db)
    try:
        for query, file in (("SK하이닉스", "cp949.txt"), ("아마존웹서비스", "utf16.txt"), ("네이버는", "utf8-bom.txt")):
            hits = index.search(query).articles
            assert file in [Path(h.source).name for h in hits], (query, hits)
        bom_article = next(a for a in index.articles() if a.source.endswith("utf8-bom.txt"))
        assert "\ufeff" not in index.article(bom_article.id).body
    finally:
        index.close()
    assert summary["files_failed"] == len(summary["failed"])


def test_good_part_of_a_partly_bad_file_is_kept(messy):
    _, db, summary, _ = messy
    names = sources(db)
    assert [n for n in names if n.startswith("dump.jsonl")] == [f"dump.jsonl#{n}" for n in GOOD_JSONL_LINES]
    warnings = reasons(summary, "warnings")["dump.jsonl"]
    assert sorted(warnings) == ["line 3: invalid JSON, skipped", "line 5: invalid JSON, skipped",
                                "line 7: not a JSON object, skipped"]
    assert "dump.jsonl" not in reasons(summary)

    from store.api import Index

    index = Index.open(db)
    try:
        html = next(a for a in index.articles() if a.source.endswith("truncated.html"))
        body = index.article(html.id).body
        assert "평택에 새 반도체 공장" in body and "투자 규모는 20조원이다" in body
        assert "<a" not in body and "href" not in body
    finally:
        index.close()


def test_symlink_loop_and_folder_named_like_a_file_index_each_file_once(messy):
    corpus, db, summary, _ = messy
    names = sources(db)
    assert len(names) == len(set(names))
    assert names.count("seed.txt") == 1
    expected = {"seed.txt", "cp949.txt", "utf16.txt", "utf8-bom.txt", "truncated.html"} | {
        f"dump.jsonl#{n}" for n in GOOD_JSONL_LINES}
    assert set(names) == expected
    assert "folder.txt" not in reasons(summary)
    assert summary["articles_total"] == len(expected)


def test_text_summary_lists_failures_on_stderr(messy, tmp_path):
    corpus, _, summary, _ = messy
    proc = run_cli("index", str(corpus / "bad"), "--db", str(tmp_path / "x.db"), "--no-analyzer", "--workers", "0")
    # every file of that folder fails: exit 1 after the summary, so a script does not take it for a good run
    assert proc.returncode == 1 and proc.stdout == "", (proc.returncode, proc.stdout)
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[-1].endswith("nothing indexed: 9 files seen, every one failed")
    for name in ("empty.txt", "photo.txt", "latin1.txt"):
        line = next(line for line in proc.stderr.splitlines() if name in line)
        assert "failed" in line and str(corpus / "bad") in line


def test_rerun_keeps_reporting_bad_files_and_redoes_nothing(messy):
    corpus, db, first, _ = messy
    proc = run_cli("index", str(corpus), "--db", str(db), "--no-analyzer", "--workers", "0", "--json")
    again = json.loads(proc.stdout)
    assert again["articles_added"] == 0 and again["articles_total"] == first["articles_total"]
    assert reasons(again) == reasons(first)  # a bad file is not forgotten just because it did not change


def test_explicit_paths_that_cannot_be_used(tmp_path):
    fifo = tmp_path / "named.txt"
    os.mkfifo(fifo)
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    good = tmp_path / "seed.txt"
    shutil.copy(SEEDS / "002_e7f8e4b43bb1c7c5.txt", good)
    proc = run_cli("index", str(fifo), str(picture), str(tmp_path / "gone.txt"), str(good),
                   "--db", str(tmp_path / "x.db"), "--no-analyzer", "--workers", "0", "--json", timeout=30)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    failed = reasons(summary)
    assert "not a regular file" in failed["named.txt"][0]
    assert "unsupported file type '.png'" in failed["photo.png"][0]
    assert failed["gone.txt"] == ["not found"]
    assert summary["articles_total"] == 1


def test_nothing_to_index_exits_1(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    proc = run_cli("index", str(tmp_path), "--db", str(tmp_path / "x.db"), "--no-analyzer", "--workers", "0")
    assert proc.returncode == 1 and "no article files found" in proc.stderr and "Traceback" not in proc.stderr


# --- unreadable files (permissions) ----------------------------------------------------------------


def test_unreadable_file_and_folder_are_reported(tmp_path):
    from test_faults import _as_unprivileged

    prefix = _as_unprivileged()  # root reads chmod 000 files unless it drops its DAC capabilities
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    shutil.copy(SEEDS / "003_e7528356263c0c7f.txt", corpus / "readable.txt")
    secret = corpus / "secret.txt"
    shutil.copy(SEEDS / "004_f2ae6402360374b6.txt", secret)
    shutil.copy(SEEDS / "000_7b87c80715b77a00.txt", corpus / "locked" / "inside.txt")
    secret.chmod(0)
    (corpus / "locked").chmod(0)
    try:
        proc = subprocess.run([*prefix, *HANSCOPE, "index", str(corpus), "--db", str(tmp_path / "x.db"),
                               "--no-analyzer", "--workers", "0", "--json"],
                              capture_output=True, text=True, timeout=60, cwd=ROOT)
    finally:
        (corpus / "locked").chmod(0o755)
        secret.chmod(0o644)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    failed = reasons(summary)
    assert "Permission denied" in failed["secret.txt"][0]
    assert "Permission denied" in failed["locked"][0]
    assert summary["articles_total"] == 1


# --- a huge file ------------------------------------------------------------------------------------


def test_huge_single_paragraph_is_handled_in_bounded_time(tmp_path):
    """3 MB of real article text on one line: indexed (or refused with a reason) in seconds, not minutes."""
    prose = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in sorted(SEEDS.glob("*.txt")))
    text = (prose + " ") * (3_000_000 // len(prose.encode()) + 1)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "huge.txt").write_text(text, encoding="utf-8")
    shutil.copy(SEEDS / "001_b186741fd57ce89e.txt", corpus / "small.txt")
    started = time.monotonic()
    try:
        proc = run_cli("index", str(corpus), "--db", str(tmp_path / "x.db"), "--no-analyzer", "--workers", "0",
                       "--json", timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("indexing one 3 MB paragraph took over 30 s")
    seconds = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    failed = reasons(summary)
    if "huge.txt" in failed:
        assert failed["huge.txt"][0]
    else:
        assert summary["articles_total"] == 2
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mib < 1500, f"peak memory {peak_mib:.0f} MiB"
    print(f"3 MB paragraph: {seconds:.1f}s, peak child RSS {peak_mib:.0f} MiB", file=sys.stderr)


# --- pathological structure ----------------------------------------------------------------------------


@pytest.mark.parametrize("workers", ["0", "2"])
def test_deeply_nested_json_fails_that_file_only(tmp_path, workers):
    """100k nested arrays blow Python's JSON recursion limit: that file is reported, the run goes on."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    shutil.copy(SEEDS / "001_b186741fd57ce89e.txt", corpus / "good.txt")
    proc = run_cli("index", str(corpus), "--db", str(tmp_path / "x.db"), "--workers", workers, "--json", timeout=60)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert list(reasons(summary)) == ["deep.json"] and summary["articles_total"] == 1


def test_deeply_nested_jsonl_line_is_one_bad_line(tmp_path):
    good = json.dumps({"title": "좋은 기사", "body": "삼성전자가 경주에서 3조원을 투자한다고 밝혔다. 회사는 협력을 강조했다."},
                      ensure_ascii=False)
    (tmp_path / "dump.jsonl").write_text('{"body": ' + "[" * 50_000 + "]" * 50_000 + "}\n" + good + "\n")
    proc = run_cli("index", str(tmp_path / "dump.jsonl"), "--db", str(tmp_path / "x.db"), "--json")
    summary = json.loads(proc.stdout)
    assert summary["articles_total"] == 1, summary["failed"]  # the good record on line 2 is kept
    assert [w["reason"].split(":")[0] for w in summary["warnings"]] == ["line 1"]


def test_deeply_nested_html_is_bounded_in_time(tmp_path):
    """100k nested <div>s (1.3 MB): the HTML parser is quadratic in nesting depth (27 s here in lexbor) unless
    the reader refuses or flattens such a page first. Reported or indexed, it must not stall the run."""
    page = "<html><body>" + "<div>" * 100_000 + "삼성전자가 경주에서 3조원을 투자한다고 밝혔다. " * 5 + "</div>" * 100_000
    (tmp_path / "deep.html").write_text(page + "</body></html>")
    try:
        proc = run_cli("index", str(tmp_path / "deep.html"), "--db", str(tmp_path / "x.db"), "--json", timeout=15)
    except subprocess.TimeoutExpired:
        pytest.fail("a deeply nested HTML page took over 15 s")
    assert proc.returncode == 0, proc.stderr
