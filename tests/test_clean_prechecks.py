"""The cleaning's substring checks before a regex search (round 12: a search of every line cost CPU on every
article) must never hide a match: each check names text that every match of its pattern holds."""
from __future__ import annotations

from store.ingest.clean_base import _JOB
from store.ingest.clean_debris import _IMAGE_STUB, _OTHER_ARTICLES, _is_debris
from store.ingest.clean import clean
from store.model import Document


def test_byline_tail_check_assumes_job_words_end_in_reporter_or_correspondent():
    # clean._scan searches _BYLINE_TAIL only when 기자 or 특파원 is in the line: its _JOB must end in one of them
    assert _JOB.endswith("(?:기자|특파원)")


def test_other_articles_and_image_stub_matches_hold_the_checked_words():
    for line in ("홍길동 기자의 다른기사 보기", "김철수 특파원 구독", "이 기자의 다른 기사 보기"):
        assert _OTHER_ARTICLES.search(line) and any(w in line for w in ("기자", "특파원", "다른"))
        assert _is_debris(line)
    for raw in ("![삼성전자 로고](https://img.example/a.png)삼성전자가 3조원을 투자한다.", "본문 이미지 - 한빛전자 공장"):
        assert _IMAGE_STUB.search(raw) and ("![" in raw or "본문" in raw)


def test_byline_tail_and_image_stub_still_cleaned():
    text = ("한빛전자 3조원 투자\n"
            "![한빛전자 공장](https://img.example/p.jpg)한빛전자가 경주에 3조원을 투자한다고 2일 밝혔다. 공장은 2027년 완공된다.\n"
            "회사 측은 고용 500명을 기대한다고 말했다. 홍길동 기자 hong@example.com\n"
            "홍길동 기자의 다른기사 보기\n")
    article = clean(Document(source="t.txt", text=text, kind="text"))
    assert "홍길동" in article.reporters
    assert "![" not in article.body and "다른기사" not in article.body and "hong@" not in article.body
    assert article.body.startswith("한빛전자가 경주에 3조원을")


# --- round 16 (speed): copyright notice in parts, _norm's fast path, credit tails gated by their last character ---

_COPYRIGHT_PIECES = ["무단전재", "무단 전재", "재배포금지", "재판매 및 DB 금지", "All rights reserved", "ALL RIGHTS RESERVED",
                     "all riGhts reſerved", "Copyright", "COPYRIGHTS", "copyrıght", "ⓒ", "©", "Ⓒ", "ⓒ연합뉴스", "(c)", "(C)", "2024",
                     " ", "  ", "\t", "\u3000", "\u00a0", "\u2003", "-", "•", "▲", "저작권자", "저작권자 ⓒ", "제보하기",
                     "제보를 기다립니다", "제보가 뉴스가 됩니다", "삼성전자", "abc", "h", "H", "※", ".", "가나다라"]


def _span(m):
    return None if m is None else (m.start(), m.end(), m.group())


def test_copyright_notice_in_parts_finds_what_the_whole_pattern_finds():
    import random

    from store.ingest.clean_debris import _COPYRIGHT, _TIP_NOTE, copyright_notice

    rnd = random.Random(16)
    lines = ["ⓒ 연합뉴스", "- ⓒ마이데일리(www.mydaily.co.kr).", "Copyright ⓒ 한빛일보 All rights reserved", "저작권자 © 한빛경제",
             "무단 전재 및 재배포 금지", "삼성전자가 3조원을 투자한다. Copyright 2024 한빛", "한빛경제 제보하기", "copyright holder 2023",
             "※매체명은 여러분의 제보로 함께 세상을 바꿉니다.", "All rights reſerved.", "COPYRIGHTS (C) 한빛"]
    lines += ["".join(rnd.choice(_COPYRIGHT_PIECES) for _ in range(rnd.randint(0, 8))) for _ in range(20_000)]
    for line in lines:
        whole = _COPYRIGHT.search(line) or (_TIP_NOTE.match(line) if line[:1] == "※" else None)
        assert _span(copyright_notice(line)) == _span(whole), line


def test_norm_fast_path_equals_the_space_substitution():
    import random

    from store.ingest.clean_base import _SPACES, _norm

    rnd = random.Random(7)
    pieces = ["한빛", "전자", " ", "  ", "\t", "\u00a0", "\u2000", "\u200a", "\u200b", "\u3000", "\u2028", "\n", "a", ".", "\r"]
    for _ in range(20_000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        assert _norm(line) == _SPACES.sub(" ", line).strip(), repr(line)


def test_credit_tails_skipped_by_last_character_only_when_they_cannot_match():
    from store.ingest.clean_debris import _CREDIT_TAILS, _TAIL_ENDS, _strip_credits

    for rx, ends in _TAIL_ENDS.items():  # each gated tail's pattern ends in a class of those characters, then $
        assert rx in _CREDIT_TAILS and rx.pattern.endswith("$")
    cases = {"신제품을 공개하고 있다. [사진=한빛전자]": "신제품을 공개하고 있다.", "신제품 발표회 (사진제공=SK)": "신제품 발표회",
             "신제품을 공개하고 있다. [한빛전자]": "신제품을 공개하고 있다.", "조감도 [SK 제공]": "조감도",
             "기념촬영 (공동취재사진)": "기념촬영", "메타플랜트 조감도/현대차그룹 제공": "메타플랜트 조감도"}
    for text, kept in cases.items():
        assert _strip_credits(text, caption=False) == (kept, True)
        assert _strip_credits(text + "\n", caption=False)[1]  # $ before a final newline: still tried


def test_reaction_and_button_lines_tried_apart_only_when_they_can_match():
    import random

    from store.ingest.clean_debris import _BUTTON_WORD, _REACTION, _is_debris

    for line in ("좋아요 3 슬퍼요 0 화나요 1", "추천 12", "댓글 0", "공유하기 버튼", "기사 공유 버튼", "좋아요 3 "):
        assert _is_debris(line.strip())
    rnd = random.Random(4)
    bits = ["좋아요", "슬퍼요", "화나요", " ", "  ", "\t", "\n", "3", "12", "١٢", "²", "추천", "댓글", "공유하기", "버튼", "ab", "요"]
    for _ in range(20_000):
        line = "".join(rnd.choice(bits) for _ in range(rnd.randint(1, 9)))
        if _REACTION.match(line):
            assert line.rstrip()[-1:].isdecimal(), repr(line)
        if _BUTTON_WORD.match(line):
            assert "버튼" in line


def test_byline_prefixes_open_with_a_bracket_or_hold_a_job_word_and_an_equals_or_bar():
    # clean._scan tries _BYLINE_PREFIXES only on lines opening with [, 【 or (, or holding 기자/특파원 and = or |
    from store.ingest.clean_meta import _BYLINE_PREFIXES

    for rx in _BYLINE_PREFIXES[:5]:
        assert rx.pattern.startswith(("^[\\[【(]", "^(?:[\\[【]|\\(", "^[\\[(【]", "^[\\[【]")), rx.pattern[:20]
    for rx in _BYLINE_PREFIXES[5:]:
        assert "(?:기자|특파원)" in rx.pattern and ("=" in rx.pattern or "\\|" in rx.pattern)
    for line, names in (("매일일보 = 강소슬 기자 | 삼성전자가 3조원을 투자한다고 밝혔다.", "강소슬"),
                        ("홍길동 기자 = 삼성전자가 3조원을 투자한다고 밝혔다.", "홍길동"),
                        ("(서울=연합뉴스) 김철수 기자 = 삼성전자가 3조원을 투자한다고 밝혔다.", "김철수")):
        article = clean(Document(source="t.txt", text="삼성전자 3조원 투자\n" + line + "\n", kind="text"))
        assert names in article.reporters and article.body.startswith("삼성전자가")
