"""What every discovery rule reads: one article's words (brackets taken out, analyzer tokens over each), the
hits the rules propose, and the word lists and particle helpers more than one kind of rule needs."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from .aliases import _Known
from .hangul import strip_particle
from .lexicon import _CLOSERS, _OPENERS, _PAREN, _TAIL_MAX, _is_hangul, _is_tail, _without_brackets
from .numbers import parse_numbers

# Syllables of transliterated foreign names that Korean given names do not use (나델라, 발라반).
_LOANWORD_SYLLABLES = frozenset(
    "타 티 스 트 크 프 브 드 즈 츠 르 튼 턴 슨 먼 델 렐 벨 젤 펠 텔 켈 맥 렉 릭 닉 믹 퍼 커 버 저 뷔 퓨 쿠 푸 틴 탈 션 숀 셉 콥 터".split())  # 조셉, 제이콥; 피터 (모니터 is no 모 + given name)
# Proper-noun look-alikes: generic words the analyzer tags NNP, page furniture, adverbs that open a
# clause. They are never names on their own.
_NOT_NAMES = frozenset(
    """서밋 포럼 작게 크게 가장작게 가장크게 기본 좋아요 화나요 슬퍼요 추가취재 댓글 댓글목록 주요 뉴스 생성형 인터뷰
    멤버사 암호화폐 모빌리티 클라우드 코리아 글로벌 국내 해외 현지 단독 속보 종합 뉴 노멀 뉴노멀 인공지능 정부 회사 기업
    그룹 업계 관계자 재벌 대기업 계열 계열사 이날 이번 당시 지난 또한 이에 이어 특히 한편 아울러 오늘 내일 올해 지난해
    내년 뉴 노멀 신임 공동 초대 차기 한국형 사진 제공 기자 특파원 캐시 오피스 파트너 파트너사 스타트업 데이터센터 플랫폼
    테크 에너지 인프라 디지털 솔루션 서비스 프로젝트 얼라이언스 위원회 대외협력 전략 정책 시장 산업
    또 및 다시 역시 이미 바로 모두 함께 더 덜 곧 늘 잘 꼭 각 총 전 현 前 現
    최근 현재 앞서 당초 향후 그간 그동안 이후 직접 최초 시스템 클러스터 단지 벨트
    한미 한중 한일 미중 승용 상용 연방 상원 하원 주정부 연방정부 이하 이상 미만 초과
    가장 일부 출신 전현직 프로야구 프로축구 프로배구 프로농구 선수단 구단주 코치진 신인왕 주전급 사령탑 마무리 선발진 유격수 연고지
    지명권 전성기
    지난주 지난달 이번주 이번달 다음주 다음달 지난번 이번엔 윈윈 미술""".split()  # 지난주 루비니 미국 국무장관: a time, not a name
)
# Acronyms that name no one: the analyzer and the bracket rule ignore them.
_GENERIC_LATIN = frozenset(
    """AI CEO CTO CFO COO CIO CSO CPO GPU CPU NPU TPU LLM SLM AGI API SW HW IT ICT IoT AR VR XR MR
    MOU MoU LOI NDA IPO M&A ESG R&D GDP PC TV OS DX AX SDV EV UAM PBV DB SaaS B2B B2C KPI
    SUMMIT Summit FORUM Forum CEO서밋 PR Q&A VS vs OK No NO PM AM KST IP
    TF AP SoC PHEV HEV BEV FCEV OLED LCD ADAS OTA ETF EUV ESS SUV""".split()
)
_GENERIC_LATIN_UPPER = frozenset(s.upper() for s in _GENERIC_LATIN)  # a bracket may write them lower case: (phev)
# Public bodies named after the place they serve (종로경찰서, 대전지방법원, 부산경찰청): see _PLACE_INSTITUTIONS.
_PLACE_INSTITUTIONS = ("경찰서", "경찰청", "경찰대", "지구대", "파출소", "지방법원", "고등법원", "지법", "고법", "법원", "검찰청",
                       "지검", "고검", "소방서", "소방본부", "교육청")
_ORG_SUFFIXES = _PLACE_INSTITUTIONS + ("대책본부", "투쟁본부", "운동본부", "협의체", "병원", "위원회", "협의회", "연구소", "연구원", "재단", "협회", "연합회", "학회", "공사", "공단", "사무소",
                 "진흥원", "평가원", "기술원", "개발원", "연맹", "얼라이언스", "대학교", "학당", "부", "처", "청",
                 # arts companies, training institutes, local cooperatives (서울시뮤지컬단, 예그린악단, 서울시교육연수원, 의정부농협)
                 "뮤지컬단", "합창단", "교향악단", "관현악단", "국악단", "무용단", "악단", "연수원", "농협",
                 # stock exchanges named by their city or country (뉴욕증권거래소, 런던증권거래소, 한국증권거래소): every market report
                 # names where the trading happened; exchanges are bodies (round 20). Not 거래소 alone (가상자산거래소 is a kind).
                 "증권거래소",
                 # missions abroad written as one word (주캄보디아대한민국대사관, 주중한국대사관, 주한미국대사관, 주상하이총영사관): every
                 # diplomatic or diaspora story names them so; a two-syllable stem (미국대사관, 현지대사관) stays below the floor (round 20)
                 "대사관", "총영사관")
_COMPANY_SUFFIXES = ("그룹", "전자", "증권", "텔레콤", "중공업", "홀딩스", "물산", "건설", "화학", "바이오",
                     "반도체", "테크", "제약", "정밀", "케미칼", "디스플레이", "로보틱스", "제철", "모빌리티",
                     "신용평가", "자산운용", "엔터테인먼트", "FC", "유나이티드", "시티즌",
                     "은행", "생명", "손해보험", "캐피탈",  # IBK기업은행, 흥국생명, KB손해보험, 현대캐피탈
                     # newspapers and investors (거제신문, 경남도민일보, 주간함양신문사, 키움인베스트먼트, 위벤처스, 보광창업투자);
                     # kinds of paper (지역신문, 인터넷신문) and an interrogation (증인신문): see _GENERIC_PAPER_STEMS
                     "신문", "신문사", "일보", "인베스트먼트", "벤처스", "창업투자",
                     # plural and English-styled firm endings (로체시스템즈, 새한네트웍스, 태광인더스트리, DL이앤씨); not 머티리얼즈,
                     # which ends journals as often ('어드밴스드 머티리얼즈')
                     "시스템즈", "네트웍스", "인더스트리", "인더스트리즈", "솔루션즈", "테크놀로지스", "이앤씨")
_EVENT_SUFFIXES = ("정상회의", "포럼", "서밋", "엑스포", "박람회", "컨퍼런스", "콘퍼런스", "쇼케이스", "페스티벌", "모터쇼", "오토쇼", "어워즈", "어워드",
                   "모빌리티쇼", "챔피언십", "축제", "아시안컵", "올림픽", "월드컵", "아시안게임", "패럴림픽",
                   # arts festivals named by their word (개천예술제, 백제문화제, 부산국제영화제); kinds of one are left out
                   # by rules_bodies' _suffix_word_ok (국제영화제, 대학가요제, 지역문화제)
                   "예술제", "문화제", "영화제", "가요제", "음악제", "연극제")
# Named roads and districts end in these (영동고속도로, 판교테크노밸리); 고속도로 alone is no name.
_SITE_SUFFIXES = ("고속도로", "테크노밸리", "테크노벨리", "카운티", "빌딩", "대공원",  # 벨리: a common misspelling, still the place
                  "미술관", "박물관", "컨트리클럽", "골프클럽", "구장", "경기장", "대교",  # venues: 서울미술관, 사직구장, 월드컵경기장
                  "기념관", "체육관",  # 아펜젤러기념관, 잠실체육관
                  "공원", "광장", "회관",  # 일산호수공원, 마치광장, 세종문화회관 (not 국립공원, 중앙광장, 마을회관: see rules_bodies)
                  "조선소", "캠퍼스",  # 옥포조선소, 서초연구개발캠퍼스 (not 대형조선소, 메인캠퍼스: see rules_bodies)
                  "국제도시")  # 청라국제도시, 송도국제도시 (a stem before it: 국제도시 alone names none)
_WORD = re.compile(r"[^\s…]+")  # an ellipsis ends a phrase: 공급”…LG전자와 is two words
_GLUED_SENTENCE = re.compile(r"[가-힣][.!?][`'’\"”]?[가-힣]")
_WORD_OR_SENTENCE = re.compile(
    r"[^\s…]+?(?:(?<=[가-힣][.!?])(?=[가-힣])|(?<=[가-힣][.!?][`'’\"”])(?=[가-힣])|(?=[\s…])|\Z)")
_PLACE_SUFFIXES = ("특별시", "광역시", "시", "군", "구", "도", "권")
_OTHER_DOTS = re.compile("[・‧∙･⋅․]")  # ․ (U+2024, one dot leader) joins names too: 김철수․박영희 시의원
_DOT_FOLD = str.maketrans("・‧∙･⋅․", "······")
_LIST_BREAK = re.compile(r"[·・‧∙…”“’‘\"']")
_EVIDENCE_RANK = {"bracket": 4, "title": 3, "rule": 2, "analyzer": 1}
_BARRIER_TAGS = ("J", "E", "V", "XSV", "XSA", "MAG", "MAJ", "NP", "IC")


@lru_cache(maxsize=1 << 16)
def _suffix_type(name: str) -> tuple[str, str] | None:
    """(type, suffix) for a name ending in an organisation, company or event word."""
    for suffixes, type_ in ((_EVENT_SUFFIXES, "event"), (_COMPANY_SUFFIXES, "company"), (_ORG_SUFFIXES, "org"),
                            (_SITE_SUFFIXES, "place")):
        for suffix in suffixes:
            if name.endswith(suffix) and len(name) > len(suffix):
                return type_, suffix
    return None


# One-syllable verb forms that stand before a noun (온, 간, 본, 할): never the first word of a foreign name (존, 팀, 빌).
# Numerals and determiners too (두 스타 교수: two star professors, not a person 두 스타).
# 모 구단 감독 (some club's manager), 누가 새 총장 (who the new president is): a determiner or pronoun, no first name.
_ADNOMINALS = frozenset("온 간 한 된 난 본 쓴 든 탄 단 할 될 갈 올 볼 줄 던 찾은 만난 맡은 있는 없는 하는 두 세 네 몇 여러 모든 그 저 "
                        "모 새 누가 어느 무슨".split())
# Connectives and postpositional words that the title rule can take for a two-word name, and words that stand before a
# title without naming anyone (외국인 선수, 해당 시즌 선수, 나머지 장관, 말씀 드리기 전에 장관님들이).
_FUNCTION_WORDS = frozenset("""이와 함께 이에 따라 따르면 위해 통해 대해 대한 관련 이후 이전 당시 가운데 동안 이어 또한 아울러 기간 중
    마련해 이사회 외국인 해당 나머지 전에 후에""".split())


@lru_cache(maxsize=1 << 16)  # asked of every candidate surface, and the same names come up article after article
def _is_amount(surface: str) -> bool:
    """True when the whole surface is a number with a unit (1기가와트, 500메가와트, 20조원)."""
    found = parse_numbers(surface)
    return bool(found) and found[0].start == 0 and found[-1].end >= len(surface.rstrip())


@lru_cache(maxsize=1 << 16)
def _strip_tail(core: str) -> str:
    """The word without trailing particles (뷔나그룹은 -> 뷔나그룹, SK하이닉스와의 -> SK하이닉스, 카카오페이가 ->
    카카오페이: 이 after a vowel is no particle)."""
    for cut in range(max(1, len(core) - _TAIL_MAX), len(core)):
        if _is_hangul(core[cut]) and _is_tail(core[cut:]) and len(core[:cut]) >= 2 and _particle_fits(core[cut - 1], core[cut:]):
            return core[:cut]
    return core


_AFTER_CONSONANT = ("은", "을", "과", "으로")  # particles written only after a final consonant (삼성은, 삼성과)
_AFTER_VOWEL = ("는", "를", "와", "가")  # and only after a vowel (카카오는, 카카오와)
_NOT_AFTER_RA = frozenset("와과의가를을에로")
_COPULA_ENDINGS = ("다", "라", "란", "며", "고", "나", "었", "던", "지만", "ㄴ")


def _particle_fits(last: str, tail: str) -> bool:
    """Whether a particle run can follow a syllable: 카카오페+이가 cannot (after a vowel the subject particle is
    가, and 이가 is no particle run), so 카카오페이가 is 카카오페이+가. Non-Hangul before the tail: anything goes."""
    if tail[:1] == "라" and tail[1:2] in _NOT_AFTER_RA:
        return False  # 탑인프라와: 라 ends the name (a quotative 라 takes 고, 는, 며, 면: 한빛이라고), not a particle before 와
    if not _is_hangul(last):
        return True
    has_final = (ord(last) - 0xAC00) % 28 != 0
    if has_final:
        return not tail.startswith(_AFTER_VOWEL)
    if tail.startswith(_AFTER_CONSONANT):
        return False
    return not tail.startswith("이") or tail[1:].startswith(_COPULA_ENDINGS)  # 카카오페이다 may be 카카오페 + 이다


class _Word(NamedTuple):  # a tuple: _plain_words builds ~500 an article with tuple.__new__ (a C call, no __init__)
    core: str  # the written word without opening/closing punctuation
    start: int  # offset of core[0] in the text
    end: int  # offset after core[-1]
    opens: bool  # punctuation before it: a clause or quotation starts here
    closes: bool  # punctuation after it: a clause ends here
    line_start: bool  # first word of a line
    tags: list[tuple[str, str]] | None  # analyzer tokens over the word; None without the analyzer


class _Token(NamedTuple):
    form: str
    tag: str
    start: int
    len: int


@dataclass(slots=True)
class _Hit:
    surface: str
    start: int
    evidence: str
    type: str | None = None


# A word of _WORD split in one match: opening punctuation, the core (up to its last character that is no closer),
# closing punctuation. Greedy throughout, so the first attempt at a word's start always succeeds (linear).
_WORD_PARTS = re.compile(
    "(?=[^\\s…])[" + re.escape(_OPENERS) + "]*((?:[^\\s…]*[^\\s…" + re.escape(_CLOSERS) + "])?)["
    + re.escape(_CLOSERS.replace("…", "")) + "]*")  # … ends a word (see _WORD)


def _plain_words(stripped: str, offsets: list[int], unbracketed: bool) -> list[_Word]:
    """_ArticleBase._words without analyzer tokens and glued sentences, the common case: each word's parts come out of
    one regex match (no strip and slice per word), offsets are looked up only when brackets were taken out."""
    words: list[_Word] = []
    append, new_tuple = words.append, tuple.__new__
    newline = stripped.find("\n")
    if newline < 0:
        newline = len(stripped)
    loose_paren = "(" in stripped or ")" in stripped
    for m in _WORD_PARTS.finditer(stripped):
        core = m[1]
        if not core:
            continue
        first, stop = m.span(1)
        if "]" in core:  # [KBS 전주]LS그룹이: a dateline glued to the first word; the word starts after it
            cut = core.rfind("]") + 1
            core, first = core[cut:], first + cut
        word_start = m.start()
        opens, closes = first > word_start, stop < m.end()
        line_start = newline < word_start or not words
        if newline < word_start:
            newline = stripped.find("\n", m.end())
            if newline < 0:
                newline = len(stripped)
        if unbracketed:
            start, end = first, stop
            if loose_paren and ("(" in core or ")" in core):
                core = re.sub(r"\([^()]*\)", "", core)
        else:
            start, end = offsets[first], offsets[stop - 1] + 1
            if end - start != stop - first or "(" in core or ")" in core:
                core = re.sub(r"\([^()]*\)", "", core)
        append(new_tuple(_Word, (core, start, end, opens, closes, line_start, None)))
    return words


# Distinct word cores whose answer each hint keeps across articles (see _ArticleBase.hinted): news vocabulary repeats,
# so ~98% of a generated corpus's words are answered from here; up to ~20k short strings a hint, cleared when full.
HINT_MEMO_CORES = 20_000
_hint_memos: dict[re.Pattern, tuple[set[str], set[str]]] = {}  # (searched, matched)


class _ArticleBase:
    """One article's text prepared for the rules: words with the brackets taken out, analyzer tokens."""

    def __init__(self, text: str, tokens: list[Any] | None, known: _Known) -> None:
        # Other middle dots as ·, the one the list rules split on (길정우‧이철우 의원; same length, so offsets hold)
        self.text = text = text.translate(_DOT_FOLD) if _OTHER_DOTS.search(text) else text
        self.known = known
        # plain tuples: attribute access on the analyzer's token objects is slow
        self.tokens = None if tokens is None else [_Token(t.form, t.tag, t.start, t.len) for t in tokens]
        self.words = self._words(text, self.tokens)
        self.glosses: set[str] = set()  # bracket sides that name nothing (filled by bracket_hits)
        self._word_starts = [w.start for w in self.words]

    def hinted(self, hint: re.Pattern) -> list[int]:
        """The indices of the words whose core holds a match of `hint` (each `hint.search(word.core)`), in order. Each
        distinct core is searched once and its answer kept for later articles (set operations in C from then on): a
        hint is a long alternation of title or suffix words, and scanning every word's text with it cost ~0.1-0.4 ms an
        article and hint."""
        memo = _hint_memos.get(hint)
        if memo is None or len(memo[0]) > HINT_MEMO_CORES:
            memo = _hint_memos[hint] = (set(), set())
        searched, matched = memo
        positions = self._core_positions
        for core in positions.keys() - searched:
            searched.add(core)
            if hint.search(core):
                matched.add(core)
        found = positions.keys() & matched
        if len(found) == 1:
            return list(positions[found.pop()])
        return sorted([i for core in found for i in positions[core]])

    @cached_property
    def _core_positions(self) -> dict[str, list[int]]:
        """Each distinct word core and the indices of its words, in order."""
        positions: dict[str, list[int]] = {}
        for i, w in enumerate(self.words):
            positions.setdefault(w.core, []).append(i)
        return positions

    @staticmethod
    def _words(text: str, tokens: list[_Token] | None) -> list[_Word]:
        stripped, offsets = _without_brackets(text)
        if tokens is None and not _GLUED_SENTENCE.search(stripped):
            return _plain_words(stripped, offsets, len(stripped) == len(text))
        starts = [t.start for t in tokens] if tokens is not None else []
        words: list[_Word] = []
        # the first line break after the last word kept: a word past it starts a line (one find per line, not per word)
        newline = stripped.find("\n")
        if newline < 0:
            newline = len(stripped)
        # Sentences glued without a space (…입니다.자문위원회는): split after the full stop, only where it happens
        for m in (_WORD_OR_SENTENCE if _GLUED_SENTENCE.search(stripped) else _WORD).finditer(stripped):
            raw = m.group()
            lead = len(raw) - len(raw.lstrip(_OPENERS)) if raw[0] in _OPENERS else 0
            trail = len(raw) - len(raw.rstrip(_CLOSERS)) if raw[-1] in _CLOSERS else 0
            core = raw[lead : len(raw) - trail] if len(raw) > lead + trail else ""
            cut = core.rfind("]") + 1 if "]" in core else 0
            if cut:  # [KBS 전주]LS그룹이: a dateline glued to the first word; the word starts after it
                core, lead = core[cut:], lead + cut
            if not core:
                continue
            first, last = m.start() + lead, m.end() - trail - 1
            start, end = offsets[first], offsets[last] + 1
            line_start = newline < m.start() or not words
            if newline < m.start():
                newline = stripped.find("\n", m.end())
                if newline < 0:
                    newline = len(stripped)
            tags = None
            if tokens is not None:
                k = bisect_left(starts, start)
                tags = []
                if k > 0 and starts[k - 1] + tokens[k - 1].len > start:
                    tags.append((tokens[k - 1].form, tokens[k - 1].tag))  # 샘 올트먼: one token, two words
                bracketed = end - start != last - first + 1  # (…) removed from inside this word
                while k < len(tokens) and starts[k] < end:
                    if not bracketed or starts[k] in offsets[first : last + 1]:
                        tags.append((tokens[k].form, tokens[k].tag))
                    k += 1
            # text[start:end] holds a bracket: one removed from inside the word (then it is longer than the core),
            # or one left unmatched in the core itself
            if end - start != last - first + 1 or "(" in core or ")" in core:
                core = re.sub(r"\([^()]*\)", "", core)
            words.append(_Word(core, start, end, lead > 0, trail > 0, line_start, tags))
        return words

    # word predicates: with analyzer tokens when there are any, from spelling alone otherwise

    def has_barrier(self, w: _Word) -> bool:
        """A particle, verb ending or adverb: the word ends (or is not) a noun phrase."""
        if w.tags is not None:
            return any(tag.startswith(_BARRIER_TAGS) for _, tag in w.tags)
        if w.core in _ADNOMINALS:
            return True  # 논의해 온 베선트 장관: a verb's one-syllable form before a name, not a first name
        return strip_particle(w.core) != w.core or w.core[-1] in "다며고해한된던서면는엔"  # 있는, 옆엔

    def _tail_ok(self, end: int) -> bool:
        """Whether a name ending at `end` ends the written word there (아이오닉6는, 갤럭시 S25와; not 아이폰 2대)."""
        text = self.text
        run_end = end
        while run_end < len(text) and _is_hangul(text[run_end]):
            run_end += 1
        return run_end == end or _is_tail(text[end:run_end])

    def _word_at(self, offset: int) -> _Word | None:
        i = bisect_right(self._word_starts, offset) - 1
        if i >= 0 and self.words[i].start <= offset < self.words[i].end:
            return self.words[i]
        return None

    def _inside_brackets(self) -> list[bool]:
        inside = [False] * len(self.text)
        for m in _PAREN.finditer(self.text):
            for k in range(m.start(), m.end()):
                inside[k] = True
        return inside

    @cached_property
    def quoted(self) -> set[str]:
        return {m.group(1).strip() for m in re.finditer(r"[‘'\"“]([^‘’'\"“”\n]{2,30})[’'\"”]", self.text)}
