"""Rules that pair a name with the other name or acronym in the bracket after it (아마존웹서비스(AWS)), listed
firms by their stock code, and names from the analyzer's proper-noun runs."""
from __future__ import annotations

import re
from functools import lru_cache

from .hangul import normalize_name, strip_particle
from .lexicon import _CLOSERS, _OPENERS, _PAREN, _has_hangul, _has_latin, _is_hangul, title_family
from .matching import _is_gap
from .rules_base import (_ArticleBase, _GENERIC_LATIN, _GENERIC_LATIN_UPPER, _Hit, _LIST_BREAK, _NOT_NAMES, _Token,
                         _is_amount)

# An institute glued before a bracket that names its head (한국감정원(원장 서종대)이, 한국소비자원(원장 …)): every press release
# from a public institute is written so; the name ends in 원 (병원 and 학원 are kinds left to their own rules).
_INSTITUTE_HEAD = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{3,12}원)\((?:원장|이사장) [가-힣]{2,4}\)")
_NOT_INSTITUTES = ("병원", "학원", "의원", "연구원")  # hospitals, academies, clinics and research institutes: their own rules

_BRACKET_LOOKBACK = 120  # characters before a '(' that can hold the name it glosses
_TECH_ACRONYMS = frozenset("AI IT ICT IoT DX AX OS SW HW XR VR AR".split())
_STOCK_CODE = re.compile(r"(?:A|KRX: ?|코스피: ?|코스닥: ?)?\d{6}")
# Small words of an English phrase: a bracket of 4+ words with one translates a slogan or a title, not a name.
_ENGLISH_FUNCTION_WORDS = frozenset("a an the of in on to for with and or at by from".split())
_C_LEVEL = re.compile(r"C[A-Z]{1,3}O")  # CRO, CMO, CHRO, CISO
_NUMBERED_PART = re.compile(r"\d+[가-힣]{1,3}")
_PART_CODE = re.compile(r"[A-Z]{1,2}\d{1,2}")
# What a spelled-out technology acronym ends in (소형모듈원전, 그래픽처리장치, 전고체전지); a firm named
# like that (…반도체, …에너지) is left alone: those words are not here.
_TECH_HEADS = ("원전", "원자로", "메모리", "기술", "공정", "전지", "소자", "장치", "모듈", "센서", "발전소", "모델",
               "지능", "통신망", "네트워크", "패키징", "자동차", "처리기")
# An acronym: capitals only (AWS, HBM, IP, SK); NVIDIA and KAKAO are written that way too.
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
# The initial consonants a Hangul word may start with when it transliterates an English word that starts
# with the letter (Amazon 아마존, Web 웹, Services 서비스, Cloud 클라우드, Center 센터, General 제너럴).
_LETTER_INITIALS = {
    "A": "ㅇ", "E": "ㅇ", "I": "ㅇ", "O": "ㅇ", "U": "ㅇ", "Y": "ㅇ", "W": "ㅇ", "B": "ㅂㅃ", "V": "ㅂ",
    "C": "ㅋㅅㅆㅊ", "K": "ㅋㄱㄲ", "Q": "ㅋ", "G": "ㄱㅈ", "D": "ㄷㄸ", "T": "ㅌㄸ", "F": "ㅍ", "P": "ㅍㅃ",
    "H": "ㅎ", "J": "ㅈ", "Z": "ㅈ", "L": "ㄹ", "R": "ㄹ", "M": "ㅁ", "N": "ㄴ", "S": "ㅅㅆ", "X": "ㅇ",
}
# Letters as Korean says them (에스케이 = SK, 엔비디아 starts with 엔 = N).
_LETTER_NAMES = {
    "A": "에이", "B": "비", "C": "씨", "D": "디", "E": "이", "F": "에프", "G": "지", "H": "에이치", "I": "아이",
    "J": "제이", "K": "케이", "L": "엘", "M": "엠", "N": "엔", "O": "오", "P": "피", "Q": "큐", "R": "알",
    "S": "에스", "T": "티", "U": "유", "V": "브이", "W": "더블유", "X": "엑스", "Y": "와이", "Z": "지",
}
_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
# The last word of an English name that makes it an event (세계기자대회(World Journalists Conference 2018)), not a person.
_ENGLISH_EVENT_WORDS = frozenset("Conference Summit Forum Festival Expo Awards Award Show Championship Championships Congress Fair "
                                 "Week Cup Games Olympics Marathon Convention Symposium Day".split())


def _starts_letter(units: str, i: int, letter: str) -> bool:
    """Whether the name, from its i-th character, can begin a word for `letter`."""
    c = units[i]
    if c.isascii():
        return c.upper() == letter
    if not _is_hangul(c):
        return False
    return _CHOSEONG[(ord(c) - 0xAC00) // 588] in _LETTER_INITIALS.get(letter, "") or units.startswith(
        _LETTER_NAMES.get(letter, "\0"), i)


@lru_cache(maxsize=1 << 12)
def spells_acronym(name: str, acronym: str) -> bool:
    """Whether a Hangul name transliterates the acronym: its first character starts a word for the first
    letter, and each further letter starts a later word, in order (아마존웹서비스 ~ AWS, 마이크로소프트 ~ MS,
    에스케이텔레콤 ~ SKT). A name shorter than the acronym is the acronym read as a word: its first letter
    is enough (엔비디아 ~ NVIDIA, 카카오 ~ KAKAO). 반도체 ~ HBM and 지식재산권 ~ IP fail at the first letter."""
    units = "".join(c for c in name if not _is_gap(c))
    letters = [c for c in acronym.upper() if c.isalpha()]
    if not units or not letters or not _starts_letter(units, 0, letters[0]):
        return False
    if len(units) < len(letters):
        return True
    i = 1
    for letter in letters[1:]:
        while i < len(units) and not _starts_letter(units, i, letter):
            i += 1
        if i >= len(units):
            return False
        i += 1
    return True


# The words a body's name ends in (see _BracketRules._body_before_acronym), longest first, and words that only say what kind.
_BODY_WORDS = ("협의체", "위원회", "협의회", "연합회", "협회", "연맹", "재단", "기구", "연구원", "연구소", "학회", "조합", "공사", "공단")
_BODY_KINDS = frozenset("공동 민관 민간 합동 자문 운영 실무 추진 비상 특별 임시 상설 국제 중앙 지역 전국 한국".split())
# Transliteration starts the letters' table (_LETTER_INITIALS) does not list: 폭스바겐 Volkswagen, 샤오미 Xiaomi.
_MORE_INITIALS = {"V": "ㅍ", "X": "ㅅ", "S": "ㅈ"}
# 사 (社) and a particle glued after a bracket: the name glossed is a firm's (쉘(Shell)사의, 씨탱커스(Seatankers Management)사로부터)
_FIRM_MARK_AFTER = re.compile(r"사(?:는|가|를|와|의|로|로부터|에서|에|도|측)(?![가-힣])")
# A model code in brackets (L227WT-PF, ME-GI, GPT-4): capitals with digits or a hyphen; and the kinds of product it follows.
_MODEL_IN_BRACKET = re.compile(r"[A-Z][A-Z0-9]{0,9}(?:-[A-Z0-9]{1,6}){1,3}|[A-Z]{1,4}\d{2,5}[A-Z0-9]{0,6}")
_PRODUCT_KIND_BEFORE = re.compile(r"(?:모니터|엔진|TV|노트북|스마트폰|태블릿|프로세서|모델|카메라|냉장고|세탁기|에어컨|청소기|프린터|"
                                  r"드론|로봇|단말기|휴대폰|이어폰|헤드폰|스피커|워치|칩셋|칩|신제품|제품) ?\Z")


def _sounds_like(hangul: str, latin: str) -> bool:
    """Whether a Hangul name can be the Latin one written in Korean: it starts with a sound of the first letter
    (아마존 Amazon, 그렉 브로크만 Greg Brockman, 폭스바겐 Volkswagen), and the Latin is a name, not a lower-case
    term (parameter, On-device). A translation fails (사전학습 Pretraining, 생성형 AI Generative AI)."""
    if latin.islower() or re.search(r"-[a-z]", latin):
        return False
    units = "".join(c for c in hangul if not _is_gap(c))
    letter = latin[0].upper()
    return _starts_letter(units, 0, letter) or (
        _is_hangul(units[0]) and _CHOSEONG[(ord(units[0]) - 0xAC00) // 588] in _MORE_INITIALS.get(letter, "")) or (
        letter == "F" and units[0] == "후")  # Japanese fu: 후지쯔 Fujitsu, 후지필름 Fujifilm


# A number and 지수 right after a bracket pair (…(S&P)500지수, …(S&P) 500 지수는): the pair names an index after its compiler; market
# reports on every outlet write the S&P 500, the MSCI and FTSE indices so (stock indices are no entity; round 20).
_INDEX_AFTER = re.compile(r" ?\d{1,4} ?(?:지수|종합지수)")


class _BracketRules(_ArticleBase):
    """Bracket pairs, listed firms and analyzer runs."""

    def bracket_hits(self) -> tuple[list[_Hit], list[tuple[str, str]]]:
        """아마존웹서비스(AWS), 그렉 브로크만(Greg Brockman), HBM(고대역폭 메모리): both sides, linked."""
        hits: list[_Hit] = []
        pairs: list[tuple[str, str]] = []
        text = self.text
        for m in _PAREN.finditer(text):
            inner = m.group()[1:-1].strip()
            # A name before a bracket is a few words long: look back a bounded stretch, so a 3 MB line
            # with many brackets stays linear.
            line_start = max(text.rfind("\n", max(0, m.start() - _BRACKET_LOOKBACK), m.start()) + 1,
                             m.start() - _BRACKET_LOOKBACK)
            before = text[line_start : m.start()]
            if not before or before[-1].isspace() or not inner:
                continue
            if _STOCK_CODE.fullmatch(inner):
                hits += self._listed_firm(before, m.start())
                continue
            year = re.search(r"\s+(19|20)\d\d$", inner)
            if year:  # SK AI 서밋 2024(SK AI Summit 2024): the names without the edition
                inner = inner[: year.start()]
                before = re.sub(r"\s+(19|20)\d\d$", "", before)
            if re.fullmatch(r"[A-Za-z][A-Za-z0-9&.\- ]*[A-Za-z0-9+]|[A-Za-z]", inner):
                inner_is_latin = True
            elif re.fullmatch(r"[가-힣][가-힣 ]*", inner) and len(inner) <= 20:
                inner_is_latin = False
            else:
                continue
            n_words = len(inner.split()) if inner_is_latin else 1
            if inner_is_latin and n_words >= 2 and inner.split()[-1] in _TECH_ACRONYMS:
                continue  # ‘온 서비스AI(On-Service AI)’, 에이전틱 AI(Agentic AI): a strategy or technology, not a name
            if inner_is_latin and (n_words >= 6 or n_words >= 4 and not _ENGLISH_FUNCTION_WORDS.isdisjoint(inner.split())):
                continue  # ‘모바일 AI 경험의 다음 큰 도약(The Next Big Leap in Mobile AI Experiences)’: a phrase
            if _MODEL_IN_BRACKET.fullmatch(inner) and _PRODUCT_KIND_BEFORE.search(before):
                continue  # LCD모니터(L196WTY-BF), 추진 엔진(ME-GI): a model code after its kind (see model_hits), no pair
            outer = self._outer_name(before, m.start(), n_words)
            if outer and outer[-1].isdigit() and not _has_latin(outer):
                continue
            if not self._bracket_pair_ok(outer, inner, inner_is_latin, m.start() - len(outer)):
                shorter = self._shorter_outer(outer, inner, inner_is_latin, m.start())
                if shorter is None:
                    body = self._body_before_acronym(outer, inner, m.start())
                    if body is not None:
                        hits += [_Hit(body, m.start() - len(body), "bracket", "org"), _Hit(inner, m.start() + 1, "bracket", "org")]
                        pairs.append((body, inner))
                        continue
                    if len(outer) == 1 and _is_hangul(outer) and _FIRM_MARK_AFTER.match(text, m.end()) and inner_is_latin and (
                            _sounds_like(outer, inner) and inner[:1].isupper() and inner.upper() not in _GENERIC_LATIN_UPPER
                            and self.known.type_of(inner) in (None, "company")):
                        hits.append(_Hit(inner, m.start() + 1, "bracket", "company"))  # 쉘(Shell)사의: a firm, by its Latin name
                    continue
                if " " in shorter and _ACRONYM.fullmatch(inner) and len(inner) < 3 and len(shorter.split()) > len(outer.split()):
                    # 휴렛 패커드(HP): the name, but two capitals are too short a name to look for elsewhere (HP is horsepower)
                    hits.append(_Hit(shorter, m.start() - len(shorter), "bracket", self.known.type_of(shorter)))
                    continue
                outer = shorter
            if _INDEX_AFTER.match(text, m.end()):
                continue  # 스탠더드앤드푸어스(S&P)500지수, 스탠다드앤푸어(S&P) 500 지수: an index named after its compiler, no entity
            type_ = self.known.type_of(outer) or self.known.type_of(inner)
            if type_ is None and " " in outer and self.known.type_of(outer.split()[-1]) == "company":
                type_ = "company"  # 후지쯔 지멘스(Fujitsu Siemens): a firm named after another (not a person's two names)
            if type_ is None and _FIRM_MARK_AFTER.match(text, m.end()):
                type_ = "company"  # 씨탱커스(Seatankers Management)사로부터: 사 (社) after the bracket says a firm
            if type_ is None and inner_is_latin and len(inner.split()) >= 2 and all(
                x[:1].isupper() and not x.isupper() for x in inner.split()
            ) and len(outer.split()) == len(inner.split()):
                type_ = "person"  # 그렉 브로크만(Greg Brockman)
            if inner_is_latin and inner.split()[-1] in _ENGLISH_EVENT_WORDS and type_ in (None, "person"):
                type_ = "event"  # 세계기자대회(World Journalists Conference 2018)
            start = m.start() - len(outer)
            hits.append(_Hit(outer, start, "bracket", type_))
            hits.append(_Hit(inner, m.start() + 1, "bracket", type_))
            pairs.append((outer, inner))
        if "원장 " in text:
            hits += self._institute_of_head()
        return hits, pairs

    def _institute_of_head(self) -> list[_Hit]:
        """An institute written before a bracket naming its head (see _INSTITUTE_HEAD): an org."""
        hits: list[_Hit] = []
        for m in _INSTITUTE_HEAD.finditer(self.text):
            name = m.group(1)
            if name[:-1] not in _NOT_NAMES and not name.endswith(_NOT_INSTITUTES) and self.known.type_of(name) in (None, "org"):
                hits.append(_Hit(name, m.start(1), "rule", "org"))
        return hits

    def _outer_name(self, before: str, bracket: int, n_words: int) -> str:
        """The words before a bracket that its inner name can gloss: as many as the inner has words, cut at a closer, a
        quote that opens the name, a list dot or an ellipsis."""
        outer_words = before.split()[-n_words:]
        if any(c in _CLOSERS for w in outer_words[:-1] for c in w[-1:]):
            outer_words = outer_words[-1:]
        opened = [k for k, x in enumerate(outer_words) if k and x[:1] in "‘“'\"「『《〈"]
        if opened:
            outer_words = outer_words[opened[-1]:]  # 열린 ‘2018 세계기자대회(…): the quote opens the name
        outer_words = [w for w in (x.lstrip(_OPENERS) for x in outer_words) if w]
        if len(outer_words) > 1 and any(self._word_at(self.text.rfind(x, 0, bracket)) is None for x in outer_words):
            outer_words = outer_words[-1:]
        outer = re.sub(r"\s+(19|20)\d\d$", "", " ".join(outer_words))
        # D램·소형모듈원전(SMR), 투자…AI 반도체(…): the name starts after a list dot or an ellipsis
        return _LIST_BREAK.split(outer)[-1].strip()

    def _shorter_outer(self, outer: str, inner: str, inner_is_latin: bool, bracket: int) -> str | None:
        """When the words before a Latin bracket do not pair with it, the name may be fewer words (노르웨이 씨탱커스(Seatankers
        Management): the country is no part of the name) or, before an acronym, more (휴렛 패커드(HP): one word per letter).
        The first that pairs, else None."""
        if not inner_is_latin:
            return None
        words = outer.split()
        options = [" ".join(words[k:]) for k in range(1, len(words))]
        letters = [c for c in inner if c.isalpha()]
        if not options and not (_ACRONYM.fullmatch(inner) and len(words) == 1 and len(letters) >= 2):
            return None  # most brackets: one word before a name that is no acronym
        if _ACRONYM.fullmatch(inner) and len(words) == 1 and len(letters) >= 2:
            start = bracket - len(outer)
            before = self.text[max(0, start - 40) : start]
            more = before.split()[-(min(len(letters), 3) - 1):]
            if before.endswith(" ") and more and "\n" not in before[-len(" ".join(more)) - 1 :]:
                for k in range(len(more)):
                    longer = more[k:]
                    if _starts_letter(longer[0], 0, letters[0]) and all(
                            _is_hangul(w[0]) and strip_particle(w) == w and w not in _NOT_NAMES and self.known.type_of(w) is None
                            and not any(c in _CLOSERS + _OPENERS for c in w) for w in longer):
                        options.append(" ".join(longer + words))
                        break
        for option in options:
            if any(strip_particle(w) != w or w[-1] in "인의" or w in _NOT_NAMES or self.known.type_of(w) == "place"
                   for w in option.split()[:-1]):
                continue  # 가스 운송회사인 아빌코(Awilco LNG AS): what the firm is, then its name, is no name of two words
            if len(option) >= 2 and self._bracket_pair_ok(option, inner, inner_is_latin, bracket - len(option)):
                return option
        return None

    def _body_before_acronym(self, outer: str, inner: str, bracket: int) -> str | None:
        """A body's Korean name before its English acronym, which its Korean words need not spell (디지털자산거래소
        공동협의체(DAXA): Digital Asset eXchange Alliance): the word before the bracket ends in a body's word (협의체, 위원회,
        협회 …); when the rest of it only says what kind of body (공동, 민관 …) or is one syllable, the name starts a word earlier,
        at a plain noun with no particle. An acronym of three capitals or more, not a generic one, known as nothing else."""
        letters = [c for c in inner if c.isalpha()]
        if (not _ACRONYM.fullmatch(inner) or len(letters) < 3 or inner.upper() in _GENERIC_LATIN_UPPER or " " in outer
                or not outer or not all(map(_is_hangul, outer)) or self.known.type_of(inner) not in (None, "org")
                or self.known.type_of(outer) not in (None, "org")):
            return None
        suffix = next((x for x in _BODY_WORDS if outer.endswith(x)), None)
        if suffix is None:
            return None
        stem = outer[: -len(suffix)]
        if len(stem) >= 3 and stem not in _BODY_KINDS:
            return outer
        if stem and stem not in _BODY_KINDS and len(stem) < 2:
            return None
        start = bracket - len(outer)
        prev = re.search(r"(?:^|(?<=\s))([가-힣]{2,12}) \Z", self.text[max(0, start - 14) : start])
        if prev is None:
            return None
        word = prev.group(1)
        if (strip_particle(word) != word or word[-1] in "의인된한할" or word in _NOT_NAMES or title_family(word)
                or self.known.type_of(word) not in (None, "org")):
            return None
        return f"{word} {outer}"

    def _listed_firm(self, before: str, bracket: int) -> list[_Hit]:
        """카카오게임즈(293490), 에코프로비엠(A247540): a name with its six-digit stock code is a listed company."""
        name = _LIST_BREAK.split(before.split()[-1].lstrip(_OPENERS))[-1]
        if (len(name) < 2 or name in _NOT_NAMES or name.upper() in _GENERIC_LATIN_UPPER or name[0].isdigit() or name[-1].isdigit()
                or not (_has_hangul(name) or _has_latin(name)) or self.known.type_of(name) not in (None, "company")):
            return []
        return [_Hit(name, bracket - len(name), "rule", "company")]

    def _bracket_pair_ok(self, outer: str, inner: str, inner_is_latin: bool, outer_start: int) -> bool:
        if len(outer) < 2 or len(inner) < 2:
            return False
        if self._is_gloss(outer, inner, inner_is_latin):
            self.glosses.update((outer, inner))  # the analyzer may not propose them either
            return False
        if inner.upper() in _GENERIC_LATIN_UPPER or outer in _GENERIC_LATIN or outer in _NOT_NAMES or inner in _NOT_NAMES:
            return False
        if inner_is_latin == (not _has_hangul(outer)):
            return False  # both Latin or both Hangul: a gloss (버틀넥(병목현상)), not a second name
        if self.known.get(outer) and self.known.get(inner):
            return self.known.get(outer) == self.known.get(inner)
        latin, hangul = (inner, outer) if inner_is_latin else (outer, inner)
        if _ACRONYM.fullmatch(latin) and not self._spells_out(hangul, latin):
            return False  # 메모리 반도체(HBM), 지식재산권(IP): a noun glossed by an acronym it does not spell
        if not inner_is_latin:
            return True  # HBM(고대역폭 메모리): a Latin name spelled out
        w = self._word_at(outer_start + len(outer) - 1)
        if w is not None and w.tags is not None:
            nouns = [t for _, t in w.tags if not t.startswith("J")]
            if len(nouns) == 1 and nouns[0] == "NNG" and len(outer.split()) == 1:
                return False  # 반도체(HBM): a common noun glossed by a name
        return True

    def _spells_out(self, name: str, acronym: str) -> bool:
        """Whether a Hangul name may be written beside an acronym (아마존웹서비스(AWS), HBM(고대역폭 메모리)):
        its words spell the acronym's letters (see spells_acronym), or the alias file names both sides as
        one entity, or the name holds a known spelling of the acronym's entity (초고대역폭메모리 holds
        고대역폭메모리). 메모리 반도체(HBM) is none of these: 반도체 is no name for HBM."""
        if spells_acronym(name, acronym):
            return True
        entity = self.known.get(acronym)
        if entity is None:
            return False
        squeezed = normalize_name(name)
        return any(len(k) >= 3 and k in squeezed for k in map(normalize_name, self.known.surfaces.get(entity[0], ())))

    def _is_gloss(self, outer: str, inner: str, inner_is_latin: bool) -> bool:
        """A bracket that spells out or labels something that is not a name."""
        if title_family(outer) or _C_LEVEL.fullmatch(inner):
            return True  # 최고매출책임자(CRO): a job title
        if _is_amount(outer):
            return True  # 250메가와트(MW): a unit
        if _NUMBERED_PART.fullmatch(outer) and _PART_CODE.fullmatch(inner):
            return True  # 4라인(P4), 2공장(P2): a numbered line or plant and its code
        if inner_is_latin and not _ACRONYM.fullmatch(inner) and _is_hangul(outer[0]) and not (
                self.known.get(outer) or self.known.get(inner)) and not _sounds_like(outer, inner):
            return True  # 사전학습(Pretraining), 매개 변수(parameter), 온디바이스(On-device): a term glossed in English
        # 소형모듈원전(SMR), 그래픽처리장치(GPU): a technology spelled out
        return (inner_is_latin and inner.isupper() and outer.endswith(_TECH_HEADS) and len(outer) >= 4
                and _is_hangul(outer[0]) and not self.known.get(outer) and not self.known.get(inner))

    def analyzer_hits(self) -> list[_Hit]:
        """Runs of touching NNP/SL/SN tokens with a proper noun in them, or an acronym/brand alone."""
        if not self.tokens:
            return []
        hits: list[_Hit] = []
        inside = self._inside_brackets()
        run: list[_Token] = []

        def flush() -> None:
            if run:
                start = run[0].start
                surface = self.text[start : run[-1].start + run[-1].len]
                if self._analyzer_surface_ok(surface, run, inside[start] if start < len(inside) else False):
                    hits.append(_Hit(surface, start, "analyzer"))
                run.clear()

        for token in self.tokens:
            if token.tag in ("NNP", "SL", "SN") and (not run or run[-1].start + run[-1].len == token.start):
                run.append(token)
            else:
                flush()
                if token.tag in ("NNP", "SL", "SN"):
                    run.append(token)
        flush()
        return hits

    @staticmethod
    def _analyzer_surface_ok(surface: str, run: list[_Token], in_brackets: bool) -> bool:
        if surface.replace(" ", "") in _NOT_NAMES or surface in _GENERIC_LATIN or not any(c.isalpha() for c in surface):
            return False
        if any(t.tag == "NNP" for t in run):
            return len(surface) >= 2 and not surface[-1].isdigit() or _has_latin(surface)
        if in_brackets or len(surface) < 2 or not _has_latin(surface):
            return False
        letters = [c for c in surface if c.isalpha()]
        acronym = len(letters) >= 2 and all(c.isupper() for c in letters)
        brand = any(c.isupper() for c in surface[1:]) and any(c.islower() for c in surface)  # OpenAI
        return acronym or brand
