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


def test_skip_links_and_banner_closers_are_no_headline():
    """A page's first lines are often its skip link (메뉴 건너뛰기, 본문으로 바로가기) or a pop-up closer (탑배너 닫기):
    they are page chrome, dropped, and the headline below them is the title. A sentence that only ends in such
    words stays."""
    story = "한빛조선은 올해 LNG 운반선 12척을 인도했다고 밝혔다.\n\n회사는 내년 수주 목표를 20억 달러로 잡았다.\n\n"
    for chrome in ("메뉴 건너뛰기", "본문으로 바로가기", "탑배너 닫기", "띠 배너 닫기", "주메뉴 바로가기"):
        article = text(f"{chrome}\n\n한빛조선, LNG선 12척 인도\n\n" + story)
        assert article.title == "한빛조선, LNG선 12척 인도", chrome
        assert chrome not in article.body, chrome
    kept = text("한빛조선, LNG선 12척 인도\n\n" + story + "회사는 이날 광고 배너 닫기 기능을 새로 넣었다고 밝혔다.\n\n")
    assert "배너 닫기 기능" in kept.body
