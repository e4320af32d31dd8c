"""Metadata on page layouts of round 12 (issue 11). Every text here was written for these tests in the outlets' styles."""
from store.ingest.clean import clean
from store.model import Article, Document


def text(body: str) -> Article:
    return clean(Document(source="t.txt", text=body, kind="text", meta={}))


def test_a_copyright_naming_a_site_with_news_in_capitals():
    """저작권자 © KNB NEWS 무단전재 …: the site's name as the notice writes it, letters and NEWS (it was cut to KNB); a
    Hangul outlet (© 경상일보 무단전재) and a Latin one alone (ⓒ YTN, 무단전재) as before."""
    story = "한빛시는 내년 예산을 12조원으로 늘린다고 밝혔다.\n\n시는 주택 공급도 늘린다고 했다.\n\n"
    assert text("예산 늘린다\n\n" + story + "저작권자 © KNB NEWS 무단전재 및 재배포 금지").outlet == "KNB NEWS"
    assert text("예산 늘린다\n\n" + story + "저작권자 © 경상일보 무단전재 및 재배포 금지").outlet == "경상일보"
    assert text("예산 늘린다\n\n" + story + "ⓒ YTN, 무단전재 및 재배포 금지").outlet == "YTN"
