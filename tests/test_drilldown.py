"""Entity drill-down on the seeds, read through article_entities: counts, the mention page, co-mentions, timeline."""
from __future__ import annotations

from collections import Counter

import pytest

import store.api
from store.api import Index


@pytest.fixture(scope="module")
def index(seeds_db):
    ix = Index.open(seeds_db)
    yield ix
    ix.close()


def raw_mentions(index: Index, entity_id: int) -> list[tuple[int, int]]:
    return [tuple(r) for r in index._rows("SELECT article_id, start FROM mentions WHERE entity_id = ?", (entity_id,))]


@pytest.mark.parametrize("name", ["SK하이닉스", "오픈AI", "엔비디아", "삼성전자"])
def test_article_counts_agree_with_the_mentions_table(index, name):
    detail = index.entity(name)
    truth = Counter(article for article, _ in raw_mentions(index, detail.entity.id))
    assert {a.id: a.count for a in detail.articles} == truth
    assert detail.entity.mentions == sum(truth.values()) == len(detail.mentions)
    assert detail.entity.articles == len(truth) == detail.related_over
    counts = [a.count for a in detail.articles]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_a_mention_page_is_the_head_of_the_whole_list(index, limit):
    whole = index.entity("SK하이닉스").mentions
    page = index.entity("SK하이닉스", mention_limit=limit).mentions
    assert len(whole) > 5 and len({m.article_id for m in whole[:5]}) > 1
    assert [(m.article_id, m.start) for m in page] == [(m.article_id, m.start) for m in whole[:limit]]
    assert all(m.left + m.surface + m.right in m.context for m in page)  # KWIC built from the page's bodies


def test_mentions_come_newest_article_first(index):
    mentions = index.entity("오픈AI").mentions
    dates = [m.date or "" for m in mentions]
    assert dates == sorted(dates, reverse=True)


def test_co_mentions_count_shared_articles(index):
    detail = index.entity("SK하이닉스")
    mine = {a.id for a in detail.articles}
    by_name = {r.name: r.count for r in detail.related}
    samsung = index.entity("삼성전자")
    assert by_name["삼성전자"] == len(mine & {a.id for a in samsung.articles}) > 0
    assert "SK하이닉스" not in by_name


def test_co_mentions_of_a_big_entity_are_counted_over_its_newest_articles(index, monkeypatch):
    monkeypatch.setattr(store.api, "RELATED_SPAN", 2)
    detail = index.entity("SK하이닉스")
    assert detail.entity.articles == 4 and detail.related_over == 2
    newest = sorted(detail.articles, key=lambda a: (a.date or "", -a.id), reverse=True)[:2]
    expected = Counter(entity for a in newest for entity in {row[2] for row in index.mentions_in(a.id, part=None)})
    assert detail.related and {r.id: r.count for r in detail.related}.items() <= expected.items()
    assert max(r.count for r in detail.related) == max(n for e, n in expected.items() if e != detail.entity.id)


def test_timeline_sums_mentions_by_month(index):
    detail = index.entity("SK하이닉스")
    dated = sum(a.count for a in detail.articles if a.date)
    assert sum(n for _, n in detail.timeline) == dated > 0
    assert all(len(month) == 7 and month[4] == "-" for month, _ in detail.timeline)


async def test_the_drill_down_marks_headline_and_caption_mentions_and_opens_them_unmarked(tmp_path):
    """A title or caption mention has offsets inside its own text: the list marks where it is, and opening it must
    not mark the body at those offsets (엔비디아 at 0..4 of the headline is 반도체 업계는's 반도체 in the body)."""
    import json

    from store.db import connect
    from store.indexer import index_paths
    from tui.app import HanscopeApp
    from tui.screens.article import ArticleScreen
    from tui.widgets import MentionList

    folder = tmp_path / "news"
    folder.mkdir()
    record = {"title": "엔비디아는 왜 삼성과 손잡나",
              "body": "엔비디아 로고가 서울 코엑스 전시장에 걸려 있다. /사진 제공=현대차그룹\n"
                      "반도체 업계는 엔비디아의 다음 주문을 기다린다.\n계약 규모는 90만 장 수준으로 알려졌다."}
    (folder / "a.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    conn = connect(tmp_path / "t.db", create=True)
    index_paths(conn, [folder], workers=0)
    conn.close()

    app = HanscopeApp(tmp_path / "t.db", export_dir=tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        app.open_entity("엔비디아")
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        mention_list = app.screen.query_one("#mentions", MentionList)
        rows = [(mention_list.mention(i).part, text.plain) for i, text in mention_list.lines() if i is not None]
        assert [part for part, _ in rows] == ["title", "body", "caption"]  # headline first, captions after the body
        assert rows[0][1].lstrip().startswith("title") and rows[2][1].lstrip().startswith("caption")
        assert not rows[1][1].lstrip().startswith(("title", "caption"))
        await pilot.press("enter")  # the cursor starts on the first mention: the headline's
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        assert isinstance(app.screen, ArticleScreen) and app.screen.span is None
        assert all(app.screen.detail.body[s:e] == surface for s, e, _, _, surface in app.screen.mentions)
        head = app.screen.query_one("#article-head").content  # the headline's names coloured there, at its offsets
        assert {head.plain[s.start:s.end] for s in head.spans if "cyan" in str(s.style)} == {"엔비디아", "삼성"}
        captions = app.screen.query_one(".captions").content  # captions shown apart, their names coloured too
        assert captions.plain == "captions\n엔비디아 로고가 서울 코엑스 전시장에 걸려 있다."
        assert [captions.plain[s.start:s.end] for s in captions.spans if "cyan" in str(s.style)] == ["엔비디아"]


def test_a_headline_mention_is_coloured_where_the_cleaned_line_has_it():
    from tui.widgets import TYPE_STYLES, styled_line

    raw = "  속보\t엔비디아는   왜\n삼성과 손잡나 "
    line = styled_line(raw, [(raw.index("엔비디아"), raw.index("엔비디아") + 4, 1, "company", "엔비디아"),
                             (raw.index("삼성"), raw.index("삼성") + 2, 2, "company", "삼성")], "bold")
    assert line.plain == "속보 엔비디아는 왜 삼성과 손잡나"
    assert [line.plain[s.start:s.end] for s in line.spans if str(s.style) == TYPE_STYLES["company"]] == ["엔비디아", "삼성"]


def test_an_entitys_pages_and_timeline_come_from_its_own_rows_in_drilldown_order(seeds_index):
    """article_entities.recency keeps the drill-down's order (newest day first, then by id) as an index range: every
    page equals that slice of the whole list, and the timeline equals the months of the dated articles."""
    for info in seeds_index.entities():
        expected = [r[0] for r in seeds_index.db.execute(
            "SELECT a.id FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ? "
            "ORDER BY substr(coalesce(a.date, ''), 1, 10) DESC, a.id", (info.id,))]  # newest day, then by id
        assert [a.id for a in seeds_index._articles_naming(info.id)] == expected, info.name
        whole = seeds_index.entity(info.id)
        assert [m.article_id for m in whole.mentions] == sorted(
            (m.article_id for m in whole.mentions), key=expected.index)
        for offset in (0, 1, 3):
            page = seeds_index.entity(info.id, mention_limit=2, offset=offset)
            assert [m.id for m in page.mentions] == [m.id for m in whole.mentions[offset:offset + 2]], info.name
        months: dict[str, int] = {}
        for a in seeds_index._articles_naming(info.id):
            if a.date:
                months[a.date[:7]] = months.get(a.date[:7], 0) + a.count
        assert whole.timeline == sorted(months.items()), info.name


def test_mention_pages_agree_with_the_whole_list_when_two_articles_share_a_day(same_day_db):
    """Pages are cut by article counts in recency order (day, then id); the rows must be sorted the same way, or a
    page past the first article repeats or skips mentions (a morning and an evening article of one day)."""
    from store.api import Index

    index = Index.open(same_day_db)
    whole = [(m.article_id, m.start) for m in index.entity_mentions("삼성전자")]
    assert len(whole) >= 4
    for offset in range(len(whole)):
        assert [(m.article_id, m.start) for m in index.entity_mentions("삼성전자", offset=offset, limit=1)] == whole[offset:offset + 1]


def _rows_from(page, offset: int, end: int) -> list[tuple[str, int]]:
    """The rows [offset, end) as ("head", article id) / ("mention", mention id), read from a MentionRows alone."""
    from bisect import bisect_right

    out = []
    for row in range(offset, end):
        k = bisect_right(page.heads, row) - 1
        if page.heads[k] == row:
            out.append(("head", page.articles[k].id))
        else:
            m = page.mentions[page.firsts[k] + row - page.heads[k] - 1 - page.mention_offset]
            assert m.article_id == page.articles[k].id  # a mention sits under its own article's heading
            out.append(("mention", m.id))
    return out


def test_row_pages_cut_the_drilldown_list_of_headings_and_mentions_anywhere(seeds_index, same_day_db):
    """A page of rows (a heading per article, then its mentions) read from any offset, of any size, equals that
    slice of the whole list, which is laid out from the entity's totals alone (articles + mentions rows)."""
    from store.api import Index

    for index in (seeds_index, Index.open(same_day_db)):
        for info in index.entities()[:8]:  # the most mentioned: many articles, several mentions in one
            whole = []
            mentions = iter(index.entity_mentions(info.id))
            for a in index._articles_naming(info.id):
                whole.append(("head", a.id))
                whole += [("mention", next(mentions).id) for _ in range(a.count)]
            assert len(whole) == info.mentions + info.articles, info.name
            for size in (1, 2, 3, 7, len(whole)):
                for offset in range(0, len(whole), max(1, size // 2)):
                    page = index.mention_rows(info.id, offset, size)
                    end = min(len(whole), offset + size)
                    assert _rows_from(page, offset, end) == whole[offset:end], (info.name, offset, size)
            assert index.mention_rows(info.id, len(whole), 5).articles == []  # past the end: nothing


def test_the_row_of_an_article_or_a_month_is_its_headings_in_the_drilldown_list(seeds_index):
    for info in seeds_index.entities():
        articles = seeds_index._articles_naming(info.id)
        row, first_of_month = 0, {}
        for a in articles:
            assert seeds_index.mention_row(info.id, article_id=a.id) == row, info.name
            first_of_month.setdefault((a.date or "")[:7] or "no date", row)
            row += 1 + a.count
        for month, head in first_of_month.items():
            assert seeds_index.mention_row(info.id, month=month) == head, (info.name, month)
        assert seeds_index.mention_row(info.id, article_id=-1) is None
        assert seeds_index.mention_row(info.id, month="1899-01") is None
        for month in ("2024-12", "2024-13", "24년 11월", ""):  # a month without articles, or not a month
            assert seeds_index.mention_row(info.id, month=month) is None


@pytest.mark.parametrize("per_read", [1, 2, 500])
def test_an_entitys_streams_are_its_whole_lists_read_a_few_articles_at_a_time(seeds_index, same_day_db, tmp_path,
                                                                               monkeypatch, per_read):
    """`hanscope entity X` without --limit writes every mention as it is read (800 MB held for 엔비디아 at 100k):
    read STREAM_ARTICLES articles at a time, across undated articles and two of one day, from any offset, the
    stream is the whole list."""
    import store.drilldown
    from store.db import connect
    from store.indexer import index_paths

    monkeypatch.setattr(store.drilldown, "STREAM_ARTICLES", per_read)
    news = tmp_path / "undated"
    news.mkdir()
    for i, text in enumerate(["삼성전자가 반도체 투자를 늘린다. 삼성전자 주가가 올랐다.", "삼성전자와 SK하이닉스가 HBM을 공급한다.",
                              "삼성전자는 90만 장을 팔았다고 밝혔다. 삼성전자, 삼성과 함께."]):
        (news / f"{i}.txt").write_text(f"삼성전자 소식 {i}\n\n{text}\n", encoding="utf-8")  # no date line: undated
    (news / "dated.txt").write_text("삼성전자 기사\n\n입력 2025-10-03 10:00\n\n삼성전자가 공장을 열었다.\n", encoding="utf-8")
    db = connect(tmp_path / "undated.db", create=True)
    index_paths(db, [news], workers=0)
    db.close()
    undated = Index.open(tmp_path / "undated.db")
    for index in (seeds_index, Index.open(same_day_db), undated):
        for info in index.entities():
            whole = index.entity(info.id, mention_limit=info.mentions)  # one read of every mention (a page of them all)
            for offset in (0, 1, 3, info.mentions):
                assert [m.id for m in index.mention_stream(info.id, offset)] == [m.id for m in whole.mentions[offset:]]
                assert list(index.articles_naming_stream(info.id, offset)) == whole.articles[offset:]
    assert sum(a.date is None for a in undated.articles()) == 3
