"""The benchmark corpus generator: deterministic, and its articles shaped like the seeds."""
from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "bench" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module  # worker processes find _write_range by this name
    spec.loader.exec_module(module)
    return module


mc = _load_generator()
SAMPLE = [mc.generate(7, i) for i in range(300)]
TEXTS = [a.text for a in SAMPLE]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.txt"))}


def test_same_seed_same_bytes_and_article_i_ignores_n_and_workers(tmp_path):
    one = mc.make_corpus(1200, tmp_path / "one", seed=3, files_per_dir=1000, workers=1)
    two = mc.make_corpus(1200, tmp_path / "two", seed=3, files_per_dir=1000, workers=2)
    small = mc.make_corpus(40, tmp_path / "small", seed=3, files_per_dir=1000, workers=1)
    files_one, files_two, files_small = _files(tmp_path / "one"), _files(tmp_path / "two"), _files(tmp_path / "small")
    assert files_one == files_two
    assert len(files_one) == 1200 and one["bytes"] == two["bytes"] == sum(map(len, files_one.values()))
    assert all(files_one[name] == data for name, data in files_small.items())  # 40 is a prefix of 1200
    assert small["articles"] == 40 and small["rare_term"] == mc.RARE_TERM


def test_another_seed_gives_other_articles():
    assert mc.render_article(7, 0) == TEXTS[0]
    assert mc.render_article(8, 0) != TEXTS[0]


def test_since_and_days_date_every_article_within_them_and_the_default_keeps_the_two_years(tmp_path):
    week = (dt.date(2026, 1, 5), 7)
    assert mc.main(["30", str(tmp_path), "--workers", "1", "--since", "2026-01-05", "--days", "7"]) == 0
    assert sorted(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.txt")) == sorted(
        mc.render_article(0, i, week) for i in range(30))
    assert all("2026-01-05" <= mc.generate(0, i, week).date[:10] <= "2026-01-11" for i in range(30))
    assert "2026.01." in "".join(mc.render_article(0, i, week) for i in range(30))  # the pages' datelines say so
    manifest = (tmp_path / mc.MANIFEST_NAME).read_text(encoding="utf-8")
    assert '"first_day": "2026-01-05"' in manifest and '"days": 7' in manifest
    assert {a.date[:4] for a in SAMPLE} == {"2024", "2025"} and mc.generate(7, 0, mc.DATES).text == TEXTS[0]
    with pytest.raises(SystemExit):
        mc.main(["3", str(tmp_path / "bad"), "--since", "2026-13-01"])


def test_files_are_spread_over_subfolders_and_the_manifest_is_hidden(tmp_path):
    assert mc.main(["25", str(tmp_path), "--files-per-dir", "10", "--workers", "1"]) == 0
    counts = {d.name: len(list(d.glob("*.txt"))) for d in sorted(tmp_path.iterdir()) if d.is_dir()}
    assert counts == {"0000": 10, "0001": 10, "0002": 5}
    names = sorted(p.name for p in tmp_path.rglob("*.txt"))
    assert re.fullmatch(r"000000_[0-9a-f]{16}\.txt", names[0])
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == [mc.MANIFEST_NAME]
    assert mc.MANIFEST_NAME.startswith(".")  # hanscope and rg skip hidden files: never read as an article


def test_articles_have_a_body_of_12_to_24_paragraphs_around_2000_characters():
    for article in SAMPLE:
        assert 12 <= len(article.paragraphs) <= 24
        assert 1500 <= sum(map(len, article.paragraphs)) <= 2800
        assert all(p in article.text for p in article.paragraphs)
        assert all(p.rstrip().endswith(("다.", "했다.", "전망이다.")) for p in article.paragraphs), article.paragraphs


def test_bylines_and_dates_take_every_seed_form():
    tops = ends = 0
    for article in SAMPLE:
        reporters = "·".join(article.reporters)
        if article.byline == "top":
            assert re.match(rf"\[{re.escape(article.outlet)}(\(\w+\))?={reporters} 기자\] ", article.paragraphs[0])
            tops += 1
        elif article.byline == "end":
            assert f"[{article.outlet} {reporters} 기자]" in article.text
            ends += 1
    assert tops > 50 and ends > 30
    input_lines = [a for a in SAMPLE if f"입력 {a.date.replace('T', ' ')}" in a.text]
    assert len(input_lines) > 50
    page_dates = [m for t in TEXTS for m in re.finditer(r"^(\d{4})\.(\d\d)\.(\d\d) \(([월화수목금토일])\)$", t, re.M)]
    assert len(page_dates) > 30
    for m in page_dates:  # the weekday is the real one
        assert "월화수목금토일"[dt.date(*map(int, m.groups()[:3])).weekday()] == m.group(4)


def test_page_debris_like_the_seeds():
    seen = Counter()
    marks = {
        "image stub": "![]() |", "caption row": re.compile(r"^\| .+ \|$", re.M), "font buttons": "  • 가장작게",
        "reactions": re.compile(r"  • 좋아요\d+"), "related": "주요 뉴스\n", "weather": "기상청 제공",
        "tip line": "▶이메일: jebo@", "ticker": "실시간 암호화폐 시세", "comments": "댓글목록", "photo ▲": "\n▲",
    }
    for text in TEXTS:
        for name, mark in marks.items():
            if (mark.search(text) if isinstance(mark, re.Pattern) else mark in text):
                seen[name] += 1
    assert set(seen) == set(marks), seen
    repeated = [a for a in SAMPLE if a.repeated_body]
    assert repeated and all(a.text.count(a.paragraphs[-1]) >= 2 for a in repeated)


def test_names_titles_and_their_variant_spellings():
    corpus = "\n".join(TEXTS)
    for name in ["삼성전자", "SK하이닉스", "SK 하이닉스", "엔비디아", "오픈AI", "OpenAI", "네이버", "카카오", "현대차",
                 "한빛반도체", "대성테크"]:
        assert name in corpus, name
    assert len(mc.COMPANIES) >= 200
    assert re.search(r"최태원 SK그룹 회장|SK그룹 최태원 회장", corpus)
    assert re.search(r"[가-힣]{3} \S+ (대표|사장|부사장|전무|상무|CTO)", corpus)  # made-up executives with titles
    assert re.search(r"(?<![가-힣])[김이박최정강조윤장임한오서신권황안송류홍] (대표|사장|회장|전무|상무)[은는]", corpus)  # 최 회장은
    big = "\n".join(mc.render_article(7, i) for i in range(300, 1500))
    assert "샘 올트먼" in big and "샘 알트만" in big


def test_korean_figures_in_the_seeds_forms():
    corpus = "\n".join(TEXTS)
    patterns = [r"\d+억 달러\(약 \d+(조\d*)?(억)?원\)", r"월 \d+만장", r"\d+만 장", r"\d~\d+조원", r"\d+조\d+억원",
                r"\d+메가와트", r"\d+명", r"\d+\.\d\d%"]
    for pattern in patterns:
        assert re.search(pattern, corpus), pattern
    assert mc.in_eok(5000 * 1400) == "700조원"  # 5000억 달러(약 700조원), as in seed 000
    assert mc.in_eok(30 * 1400) == "4조2000억원"
    assert mc.in_eok(15000, " 달러") == "1조5000억 달러"
    conversions = re.findall(r"(?<![\d조])(?:(\d+)조)?(\d+)?억? 달러\(약 ([^)]+)\)", corpus)
    assert len(conversions) > 100
    for jo, eok, won in conversions:  # every conversion is at 1,400원/달러
        assert won == mc.in_eok((int(jo or 0) * 10000 + int(eok or 0)) * 1400)


@pytest.mark.parametrize("word, particle, expected", [
    ("오픈AI", "은", "오픈AI는"), ("삼성전자", "은", "삼성전자는"), ("SK하이닉스", "과", "SK하이닉스와"),
    ("네이버", "을", "네이버를"), ("엔비디아", "이", "엔비디아가"), ("현대차그룹", "과", "현대차그룹과"),
    ("고대역폭메모리(HBM)", "을", "고대역폭메모리(HBM)를"), ("ARM", "은", "ARM은"), ("HBM", "을", "HBM을"),
    ("거대언어모델(LLM)", "으로", "거대언어모델(LLM)로"), ("3500억원", "으로", "3500억원으로"),
    ("5000억 달러", "으로", "5000억 달러로"), ("9000명", "을", "9000명을"), ("5.59%", "이", "5.59%가"),
    ("최 회장", "은", "최 회장은"), ("김 대표", "은", "김 대표는"),
])
def test_particles_follow_the_final_sound(word, particle, expected):
    assert mc.josa(word, particle) == expected


def test_sentences_vary_across_articles_and_read_cleanly():
    paragraphs = Counter(p for a in SAMPLE for p in a.paragraphs)
    assert len(paragraphs) / sum(paragraphs.values()) > 0.99
    corpus = "\n".join(TEXTS)
    # a particle that ignores the final sound, or a company paired with itself, reads as machine text
    for forms in mc.COMPANIES.values():
        for name in forms:
            wrong = ("와", "는", "가", "를") if mc.josa(name, "과").endswith("과") else ("과", "은", "이", "을")
            for particle in wrong:
                assert f" {name}{particle} " not in corpus and f" {name}{particle}의 " not in corpus, name + particle
    assert "HBM와" not in corpus and "모델(LLM)는" not in corpus and "지난 지난" not in corpus
    assert not re.search(r"(?<!\S)(\S+)[과와] \1[은는이가] ", corpus)


def test_a_rare_term_for_the_rare_query_benchmark():
    hits = sum(mc.RARE_TERM in mc.render_article(7, i) for i in range(5000))
    assert 2 <= hits <= 30  # ~1 in RARE_EVERY=500
