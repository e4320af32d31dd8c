"""Cleaning and metadata on page layouts of round 15 (issue 11, set15's causes). Texts written for these tests."""
import time

from cpu_budget import ceiling
from store.ingest.clean import clean
from store.ingest.readers import read_documents
from store.model import Article, Document


def text(body: str) -> Article:
    return clean(Document(source="t.txt", text=body, kind="text", meta={}))


BODY = "한빛시는 올해 도로 정비에 예산을 더 쓰기로 했다.\n시는 다음 달부터 공사를 시작한다고 밝혔다."


def read(tmp_path, body: str) -> Article:  # through the reader, as `hanscope index` and the eval read a .txt page
    f = tmp_path / "a.txt"
    f.write_text(body, encoding="utf-8")
    docs, _ = read_documents(f)
    return clean(docs[0])


def test_byline_label_gijamyeong_is_not_a_name(tmp_path):
    for line in ("  • 기자명 박서윤 기자", "• 기자명: 박서윤 기자", "기자명 박서윤 기자"):
        a = read(tmp_path, f"상단영역\n\n본문영역\n\n{line}\n  • 사회\n  • 입력 2019.01.05 23:10\n\n한빛시, 도로 정비 예산 늘려\n\n{BODY}")
        assert a.reporters == ["박서윤"], (line, a.reporters)
        assert "기자명" not in a.body


def test_plain_byline_unchanged():
    a = text(f"한빛시, 도로 정비 예산 늘려\n박서윤 기자\n{BODY}")
    assert a.reporters == ["박서윤"]


def test_gijamyeong_linear():
    t = time.process_time()
    text("제목\n" + "기자명 " * 100_000 + "박서윤 기자\n" + BODY)
    assert time.process_time() - t < ceiling(10)
