"""Cleaning and metadata on page layouts of round 13 (issue 11). Every text here was written for these tests in the
outlets' styles."""
import random

from store.ingest import clean_meta
from store.ingest.clean import clean
from store.model import Article, Document


def text(body: str) -> Article:
    return clean(Document(source="t.txt", text=body, kind="text", meta={}))


def test_date_segments_are_those_finditer_finds():
    """_date_segments tries only each year and the label run before it: it must find exactly the segments a scan of
    every place finds, also with labels, spaces, overlapping years ("192012") and years that start no date."""
    lines = ["기사입력 : 2021년08월05일 13:11", "최종수정 2021.08.05 15:51 | 입력 2021.08.05 13:11", "2024 2025-03-01",
             "192012.3.4", "Posted February. 24, 2017 07:14", "등록일 2025-09-23 (화)", "입력  \u3000 2024.1.2",
             "기사 기사 입력 2020-01-01", "2020년 매출 2019.12.31", "20", "1999", "2024년 3월", "20242024-01-01"]
    rnd = random.Random(13)
    alphabet = list("0123456789 .-:년월일시분()입력수정기사최종등록오전오후가|") + ["2024", "19", "20", " 12:30", "\u00a0"]
    lines += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 30))) for _ in range(3000)]
    for line in lines:
        want = [(m.start(), m.end()) for m in clean_meta._DATE_SEGMENT.finditer(line)]
        assert [(m.start(), m.end()) for m in clean_meta._date_segments(line)] == want, line
