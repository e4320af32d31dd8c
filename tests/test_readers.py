import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.ingest import readers
from store.model import InputError
from store.ingest.readers import MAX_FILE_BYTES, discover, read_documents, reporter_names

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BODY = "삼성전자가 평택 공장에 20조원을 투자한다고 4일 밝혔다."


def write(path: Path, text: str = BODY, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


# --- discover -----------------------------------------------------------------------------------


def test_discover_walks_folders_sorted_and_filters(tmp_path):
    write(tmp_path / "b" / "2.txt")
    write(tmp_path / "b" / "1.JSONL", "{}")
    write(tmp_path / "a.html", "<p>x</p>")
    write(tmp_path / "notes.docx")
    write(tmp_path / ".hidden" / "secret.txt")
    write(tmp_path / "b" / ".DS_Store.txt")
    write(tmp_path / "c" / "d" / "e" / "deep.md")
    files, problems = discover([tmp_path])
    assert files == [tmp_path / "a.html", tmp_path / "b" / "1.JSONL", tmp_path / "b" / "2.txt",
                     tmp_path / "c" / "d" / "e" / "deep.md"]
    assert problems == []  # unsupported files inside a folder are skipped silently


def test_discover_keeps_paths_order_and_gives_each_files_real_path(tmp_path):
    """Sorted as Paths sort (by parts: `a/` before `a-b/`, where a plain string sort puts `-` first), and
    discover_files gives the real path the index keys a file by, also for a file reached through a link."""
    from store.ingest.readers import discover_files

    for name in ("a-b/1.txt", "a/2.txt", "a/b.txt", "a.b/3.txt", "가/4.txt"):
        write(tmp_path / "corpus" / name)
    os.symlink(tmp_path / "corpus" / "a" / "2.txt", tmp_path / "corpus" / "z.txt")
    os.symlink(tmp_path / "corpus", tmp_path / "via")
    files, _ = discover([tmp_path / "via"])
    assert files == sorted(files) and [f.relative_to(tmp_path / "via").as_posix() for f in files] == [
        "a/b.txt", "a-b/1.txt", "a.b/3.txt", "z.txt", "가/4.txt"]  # a/2.txt is z.txt (met first), listed once
    pairs, _ = discover_files([tmp_path / "via"])
    assert [real for real, _ in pairs] == [os.path.realpath(shown) for _, shown in pairs]
    assert [shown for _, shown in pairs] == [str(f) for f in files]
    assert all(real.startswith(str((tmp_path / "corpus").resolve())) for real, _ in pairs)


def test_discover_reports_named_files_it_cannot_use(tmp_path):
    good = write(tmp_path / "good.txt")
    docx = write(tmp_path / "report.docx")
    bare = write(tmp_path / "README")
    files, problems = discover([good, docx, bare, tmp_path / "missing.txt"])
    assert files == [good]
    reasons = dict(problems)
    assert "unsupported file type '.docx'" in reasons[str(docx)]
    assert "without an extension" in reasons[str(bare)]
    assert reasons[str(tmp_path / "missing.txt")] == "not found"


def test_discover_survives_symlink_loops_and_lists_each_file_once(tmp_path):
    write(tmp_path / "corpus" / "sub" / "기사.txt")
    os.symlink(tmp_path / "corpus", tmp_path / "corpus" / "sub" / "loop")  # corpus/sub/loop -> corpus
    os.symlink(tmp_path / "corpus" / "sub" / "기사.txt", tmp_path / "corpus" / "alias.txt")
    files, problems = discover([tmp_path / "corpus", tmp_path / "corpus" / "sub"])
    assert [f.resolve() for f in files] == [(tmp_path / "corpus" / "sub" / "기사.txt").resolve()]
    assert problems == []


def test_discover_reports_unreadable_folders(tmp_path, monkeypatch):
    write(tmp_path / "ok" / "a.txt")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path):  # chmod is no test when running as root
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(readers.os, "scandir", scandir)
    files, problems = discover([tmp_path])
    assert files == [tmp_path / "ok" / "a.txt"]
    assert problems == [(str(tmp_path / "locked"), "cannot read folder: Permission denied")]


def test_discover_finds_the_seeds():
    files, problems = discover([SEEDS])
    assert [f.name[:3] for f in files] == ["000", "001", "002", "003", "004"] and problems == []


# --- text files and encodings --------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix, encoding",
    [(b"", "cp949"), (b"", "euc-kr"), (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")],
)
def test_text_file_in_any_korean_encoding(tmp_path, prefix, encoding):
    path = tmp_path / "기사.txt"
    path.write_bytes(prefix + f"삼성과 SK\r\n{BODY}".encode(encoding))
    docs, warnings = read_documents(path)
    assert [(d.text, d.kind, d.source) for d in docs] == [(f"삼성과 SK\n{BODY}", "text", str(path))]
    assert warnings == []


def test_text_is_sanitized(tmp_path):
    path = write(tmp_path / "a.txt", "오픈AI\x1b[2J\x1b]0;title\x07는\u200b 협력한다.\x00")
    with pytest.raises(InputError, match="NUL"):  # a NUL byte in a UTF-8 file means binary
        read_documents(path)
    write(path, "오픈AI\x1b[2J\x1b]0;title\x07는\u200b 협력한다.\x07")
    assert read_documents(path)[0][0].text == "오픈AI는 협력한다."


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"\n \n\t\n", "no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (PNG image)"),
        ("こんにちは、ありがとう".encode("shift_jis"), "not UTF-8, UTF-16 or CP949"),
        ("Größe café".encode("latin-1"), "not UTF-8, UTF-16 or CP949"),
    ],
)
def test_unusable_text_files(tmp_path, data, reason):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        read_documents(path)


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: instant, and NULs would fail decoding if it were read
    with pytest.raises(InputError, match="file too large .* 20 MiB"):
        read_documents(path)


def test_markdown_markup_is_removed(tmp_path):
    path = write(tmp_path / "a.md", "# 삼성, AI 투자\n\n![사진](x.png)\n**삼성전자**가 [평택](http://x) 공장에 투자한다.")
    assert read_documents(path)[0][0].text == "삼성, AI 투자\n\n\n삼성전자가 평택 공장에 투자한다."


def test_seed_reads_as_one_text_document():
    docs, warnings = read_documents(next(SEEDS.glob("002_*.txt")))
    assert len(docs) == 1 and docs[0].kind == "text" and docs[0].text.startswith("샘 올트먼 만난 李대통령")


# --- HTML ---------------------------------------------------------------------------------------

PAGE = """<!doctype html><html><head>
<title>삼성, AI 반도체 20조 투자 | 테스트일보</title>
<meta property="og:site_name" content="테스트일보">
<meta property="og:title" content="삼성, AI 반도체 20조 투자 - 테스트일보">
<meta property="article:published_time" content="2024-11-04T17:28:00+09:00">
<meta name="author" content="홍길동 기자">
<link rel="canonical" href="https://news.example.kr/article/1">
<script>document.write("광고 스크립트 삼성전자");</script>
<style>.x { color: red }</style>
</head><body>
<header><div class="gnb">로그인 회원가입</div></header>
<nav><a href="/politics">정치</a><a href="/economy">경제</a></nav>
<div class="teaser"><article><a>짧은 추천 기사</a></article></div>
<div id="wrap"><div class="view">
<h1>삼성, AI 반도체 20조 투자</h1>
<p>삼성전자가 평택 공장에 20조원을 투자한다고 4일 밝혔다.</p>
<p>이번 투자로 HBM 생산은 <b>월 15만장</b>으로 늘어난다.<br>회사 측은 "수요가 크다"고 설명했다.</p>
<figure><img src="a.jpg"><figcaption>평택 공장 전경. [삼성전자 제공]</figcaption></figure>
<p>SK하이닉스도 투자 확대를 검토하고 있다.</p>
<aside><h3>많이 본 뉴스</h3><ul><li>다른 기사 제목</li></ul></aside>
<form><input name="q"><button>검색</button></form>
<iframe src="ad.html">광고</iframe><noscript>자바스크립트를 켜세요</noscript>
</div></div>
<footer>Copyright 테스트일보. 무단전재 및 재배포 금지</footer>
</body></html>"""


def test_html_article_text_and_meta(tmp_path):
    docs, warnings = read_documents(write(tmp_path / "page.html", PAGE))
    (doc,) = docs
    assert doc.kind == "html" and warnings == []
    assert doc.meta == {
        "title": "삼성, AI 반도체 20조 투자",
        "outlet": "테스트일보",
        "date": "2024-11-04T17:28:00+09:00",
        "url": "https://news.example.kr/article/1",
        "reporters": ["홍길동"],
    }
    paragraphs = doc.text.split("\n\n")
    assert "삼성전자가 평택 공장에 20조원을 투자한다고 4일 밝혔다." in paragraphs
    assert "이번 투자로 HBM 생산은 월 15만장으로 늘어난다.\n회사 측은 \"수요가 크다\"고 설명했다." in paragraphs
    assert "평택 공장 전경. [삼성전자 제공]" in paragraphs
    for debris in ("광고", "color", "로그인", "정치", "많이 본 뉴스", "다른 기사", "검색", "자바스크립트", "Copyright",
                   "짧은 추천 기사"):
        assert debris not in doc.text


def test_html_prefers_article_element(tmp_path):
    page = ("<html><head><title>제목 - 사이트</title></head><body><div>" + "메뉴 항목 " * 50 + "</div>"
            "<article><p>" + BODY + "</p><p>" + "오픈AI는 한국에 법인을 세웠다. " * 5 + "</p></article></body></html>")
    (doc,), _ = read_documents(write(tmp_path / "a.htm", page))
    assert doc.text.startswith(BODY) and "메뉴" not in doc.text
    assert doc.meta == {"title": "제목"}  # <title> without og:site_name: the " - 사이트" tail goes


def test_truncated_html_still_yields_its_text(tmp_path):
    cut = PAGE.index("SK하이닉스도 투자") + len("SK하이닉스도 투")
    (doc,), _ = read_documents(write(tmp_path / "cut.html", PAGE[:cut]))
    assert "삼성전자가 평택 공장에 20조원을 투자한다고 4일 밝혔다." in doc.text
    assert doc.text.endswith("SK하이닉스도 투")
    (doc,), _ = read_documents(write(tmp_path / "cut2.html", "<html><body><div><p>엔비디아와 삼성<p>현대차와 네이버"))
    assert doc.text == "엔비디아와 삼성\n\n현대차와 네이버"


def test_html_in_cp949_with_time_element(tmp_path):
    page = "<html><body><time datetime='2025-11-12'>2025.11.12</time><div><p>" + BODY + "</p></div></body></html>"
    path = tmp_path / "a.html"
    path.write_bytes(page.encode("cp949"))
    (doc,), _ = read_documents(path)
    assert doc.meta["date"] == "2025-11-12" and BODY in doc.text


def test_html_entities_cannot_smuggle_escape_sequences(tmp_path):
    page = '<html><head><meta property="og:title" content="제목&#27;]0;x&#7;"></head><body><p>삼성&#x1b;[2J전자가 투자한다.</p></body></html>'
    (doc,), _ = read_documents(write(tmp_path / "a.html", page))
    assert doc.text == "삼성전자가 투자한다." and doc.meta["title"] == "제목"


def test_html_without_text(tmp_path):
    with pytest.raises(InputError, match="no text in HTML"):
        read_documents(write(tmp_path / "a.html", "<html><head><script>x()</script></head><body><nav>메뉴</nav></body></html>"))


# --- JSON / JSONL -------------------------------------------------------------------------------


def test_jsonl_keeps_good_records_and_warns_about_bad_lines(tmp_path):
    lines = [
        json.dumps({"title": "삼성 AI", "body": BODY, "press": "테스트일보", "reporters": "홍길동·김철수 기자",
                    "date": "2024.11.04 17:28", "url": "https://x.kr/1", "subtitle": "평택에 집중"}, ensure_ascii=False),
        '{"title": "깨진 줄", "body": ',
        json.dumps({"title": "본문 없음"}, ensure_ascii=False),
        "",
        json.dumps({"headline": "SK", "content": ["첫 문단이다.", "둘째 문단이다."], "source": {"name": "뉴스1"}},
                   ensure_ascii=False),
        "[1, 2]",
    ]
    path = write(tmp_path / "dump.jsonl", "\n".join(lines))
    docs, warnings = read_documents(path)
    assert [d.source for d in docs] == [f"{path}#1", f"{path}#5"]
    assert docs[0].meta == {"title": "삼성 AI", "subtitle": "평택에 집중", "date": "2024.11.04 17:28",
                            "outlet": "테스트일보", "url": "https://x.kr/1", "reporters": ["홍길동", "김철수"]}
    assert docs[0].kind == "json" and docs[0].text == BODY
    assert docs[1].text == "첫 문단이다.\n\n둘째 문단이다." and docs[1].meta == {"title": "SK", "outlet": "뉴스1"}
    assert warnings == [
        "line 2: invalid JSON, skipped",
        "line 3: no body (body/text/content/article), skipped",
        "line 6: not a JSON object, skipped",
    ]


def test_json_list_and_single_record(tmp_path):
    records = [{"title": "A", "text": BODY}, {"title": "B"}, {"article": "오픈AI는 한국 법인을 세웠다.", "publisher": "더팩트"}]
    path = write(tmp_path / "list.json", json.dumps(records, ensure_ascii=False))
    docs, warnings = read_documents(path)
    assert [(d.source, d.text) for d in docs] == [(f"{path}#1", BODY), (f"{path}#3", "오픈AI는 한국 법인을 세웠다.")]
    assert docs[1].meta == {"outlet": "더팩트"}
    assert warnings == ["record 2: no body (body/text/content/article), skipped"]

    one = write(tmp_path / "one.json", json.dumps({"Title": "하나", "Body": BODY, "reporters": ["이한익"]}, ensure_ascii=False))
    (doc,), _ = read_documents(one)
    assert doc.source == f"{one}#1" and doc.meta == {"title": "하나", "reporters": ["이한익"]}

    wrapped = write(tmp_path / "wrapped.json", json.dumps({"count": 1, "articles": [{"body": BODY}]}, ensure_ascii=False))
    assert read_documents(wrapped)[0][0].text == BODY


def test_json_body_with_html_markup_and_escapes(tmp_path):
    record = {"title": "삼성 &amp; SK", "body": "<p>삼성전자가 &quot;AI&quot; 칩을 공개했다.</p><script>x()</script>"
                                                 "<p>가격은 미정이다.\x1b[31m</p>"}
    (doc,), _ = read_documents(write(tmp_path / "a.json", json.dumps(record, ensure_ascii=False)))
    assert doc.text == '삼성전자가 "AI" 칩을 공개했다.\n\n가격은 미정이다.'
    assert doc.meta["title"] == "삼성 & SK"


def test_json_lines_in_a_json_file_are_read_as_jsonl(tmp_path):
    path = write(tmp_path / "a.json", '{"body": "첫 기사이다."}\n{"body": "둘째 기사이다."}\n')
    assert [d.text for d in read_documents(path)[0]] == ["첫 기사이다.", "둘째 기사이다."]


@pytest.mark.parametrize(
    "name, text, reason",
    [
        ("a.json", '{"title": "x", ', "invalid JSON"),
        ("a.json", '"just a string"', "neither a record nor a list"),
        ("a.json", "[]", "no records"),
        ("a.jsonl", '{"title": "본문 없음"}\nnot json', "no usable record: line 1: no body .* \\(and 1 more\\)"),
    ],
)
def test_unusable_json(tmp_path, name, text, reason):
    with pytest.raises(InputError, match=reason):
        read_documents(write(tmp_path / name, text))


def test_reporter_names():
    assert reporter_names("홍길동 기자 hong@x.com") == ["홍길동"]
    assert reporter_names(["김현일", "박혜원 기자", {"name": "최진호"}, "https://fb.com/x"]) == ["김현일", "박혜원", "최진호"]
    assert reporter_names("김현일·박혜원 기자, 이한익 특파원") == ["김현일", "박혜원", "이한익"]
    assert reporter_names(None) == []


# a folder walk's names: never "." or ".." (which Path folds away)
_PART = st.text(alphabet=st.sampled_from(list("ab .-_~!09가나삼성AZ")), min_size=1, max_size=4).filter(
    lambda part: part not in (".", ".."))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PART, min_size=1, max_size=4), min_size=2, max_size=12), st.booleans())
def test_files_sort_in_the_order_of_their_path_parts(parts_lists, absolute):
    # The sort key is a string (parts joined by NUL): it must order paths as Path does, part by part
    # (삼성/a.txt before 삼성 b/..., a/x before a.b), with a million keys held as strings rather than lists.
    shown = [("/" if absolute else "") + "/".join(parts) for parts in parts_lists]
    assert sorted(shown, key=readers._path_order) == sorted(shown, key=Path)


def test_a_file_whose_real_path_is_its_shown_path_is_held_as_one_string(tmp_path):
    folder = Path(os.path.realpath(tmp_path)) / "뉴스"
    write(folder / "삼성과.txt")
    write(folder / "하위" / "90만 장.txt")
    files, problems = readers.discover_files([folder])
    assert not problems and [Path(key).name for key, _ in files] == ["삼성과.txt", "90만 장.txt"]
    assert all(key is shown for key, shown in files)
