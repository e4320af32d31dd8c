"""Companies named by the words around them (23일 X에 따르면, X 등 13개사, 자회사 X, ㈜X), not by their name's own ending as in rules_bodies."""
from __future__ import annotations

import re
from bisect import bisect_left

from .hangul import strip_particle
from .lexicon import _has_hangul, _has_latin, _is_hangul, _is_tail, title_family
from .rules_base import (_ArticleBase, _GENERIC_LATIN, _GENERIC_LATIN_UPPER, _Hit, _LOANWORD_SYLLABLES, _NOT_NAMES, _strip_tail,
                         _suffix_type)
from .name_shapes import _looks_korean_name

_SUBSIDIARY_WORDS = frozenset("자회사 손자회사 계열사 관계사 자회사인 계열사인".split())
_FIRM_WORDS = frozenset("시장조사업체 시장조사기관 조사업체 리서치업체 컨설팅업체 컨설팅사 컨설팅기업".split())
# A firm or a foundation marked by its legal form before its name: ㈜한빛가스, (주)누리, (재)지관, (사)한국…협회.
_LEGAL_FORM = re.compile(r"(㈜|\(주\)|\((?:재|사)\)|㈔|재단법인|사단법인|학교법인|의료법인|사회복지법인|주식회사)\s?"
                         r"([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,19})")
# The same mark glued after the name (한국메탈(주)에서, 청오디피케이(주)(대표 김영훈)): a Hangul name of two syllables or more that
# starts a word; the mark ends it (a particle, a bracket, punctuation or a space after it, never another name glued: ㈜한빛).
_LEGAL_FORM_AFTER = re.compile(r"(?<![가-힣A-Za-z0-9&])([가-힣][가-힣A-Za-z0-9&]{1,19})(?:\(주\)|㈜)(?![A-Za-z0-9&])")
_HANGUL_RUN = re.compile("[가-힣]*")
# An amount in won or another currency, perhaps with 안팎/가량, then a bracket (18억원(KB), 65억원 안팎(한국야쿠르트·이하 …)).
_AMOUNT_BRACKET_ENDS = ("원", "러", "엔", "로", "안", "팎", "량", "도", "외", "준")  # the last letters before _AMOUNT_BEFORE_BRACKET's '(': a cheap test first
_AMOUNT_BEFORE_BRACKET = re.compile(r"(?:원|달러|엔|유로|위안|안팎|가량|정도|내외|수준)\(")
_AMOUNT_AT_END = re.compile(r"(?<![\d,.조억만천백])\d(?:[조억만천백]|\d|[,.](?=\d))* ?(?:원|달러|엔|유로|위안)(?: ?(?:안팎|가량|정도|내외|수준))?\Z")
_BRACKET_BODY = re.compile(r"\(([^()\n]{1,40})\)")
_ITEM_BREAK = re.compile(r"[·・‧∙,]")  # (한국야쿠르트·이하 공식 발표액): the first name of the bracket
# A sponsor's name in such a bracket: one written word of letters (digits and & after the first), no particle check needed.
_SPONSOR_SHAPE = re.compile(r"[가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14}")
_LEGAL_MARKS = ("㈜", "(주)", "(재)", "(사)", "㈔", "법인", "주식회사")  # 법인: 재단법인, 학교법인 영남학원, 의료법인 …
# Compiled pre-checks (C speed) for the per-word rules: a word without any of these strings cannot fire the rule.
# A kind of research firm written as one compound (조선시황전문업체 클락슨, 해운분석업체, 시장정보업체): the compound's ending.
_FIRM_WORD_ENDINGS = ("전문업체", "분석업체", "분석기관", "정보업체", "시황업체")
_FIRM_WORD_HINT = re.compile("|".join(map(re.escape, sorted({*_SUBSIDIARY_WORDS, *_FIRM_WORDS, *_FIRM_WORD_ENDINGS}, key=len,
                                                              reverse=True))))


# A list closed by 등 and a word that counts or names firms (인터비즈, 위벤처스, 현대기술투자 등 13개사; 경남신문과 경남일보,
# 한남일보 등 일간지 4곳): every item is a firm. The count word within three words after 등.
_FIRM_COUNT = re.compile(r"\d{1,4}개사|\d{1,4}개(?= ?(?:기업|업체|회사|언론사|신문사|매체))")
_FIRM_NOUNS = ("기업", "업체", "회사", "언론사", "신문사", "일간지", "주간지", "매체", "증권사", "건설사", "투자사", "제약사", "운용사",
               "게임사", "카드사", "보험사", "상장사", "협력사", "개사",
               # 롯데엔터테인먼트·쇼박스·키다리스튜디오 등 배급사 3곳: trades named by the firms' kind
               "배급사", "제작사", "항공사", "정유사", "제조사", "유통사", "이통사")
_KIND_WORDS = frozenset("관련 분야 업종 산업 부문 업계 계열 유관 협력".split())
_LIST_ETC = frozenset("등 등의".split())  # 종사자 등이 플랫폼 업체로부터: with a particle the list ends its phrase
_ITEM_SHAPE = re.compile(r"[가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14}")
_SENTENCE_ENDS = ("다", "요", "죠", "음", "함", "됨", "임")
# Nouns that end a clause before a comma (네오플럭스가 참여, 디에스자산운용 … 등 투자사가): what a firm did, no firm.
_CLAUSE_NOUNS = frozenset("참여 재참여 합류 동참 참석 출자 투자 주도 선정 확정 결정 체결 완료 발표 예정 진행 추진 유치 성공".split())
# A count of people after 등 (7개 기업 대표 등 16명이): the items are people or their titles, no firms.
_PEOPLE_COUNT = re.compile(r"\d[\d,]*(?:여)?명")
_LIST_JOINS = ("과", "와")


# A dated source (23일 리얼투데이에 따르면, 8일 연합뉴스에 따르면): the day a firm, body or agency told the story; the kinds of
# source that name no one are left out (업계, 관계자, 외신, 자료).
_DATED_SOURCE = re.compile(r"(?<![\d.])\d{1,2}일 ([가-힣][가-힣A-Za-z0-9&]{2,14})에 따르면")  # acronyms: the brackets name them
_GENERIC_SOURCES = frozenset("""업계 관계자 업계관계자 정부 당국 경찰 검찰 소방당국 업체 회사 자료 통계 조사 보도 발표 설명 외신 소식통 법원 학계
    증권가 금융권 재계 정치권 정가 여권 야권 시장 현지 언론 외신들 당국자 주최측 주최 측 조직위 구단 대학 학교 병원 협회 단체 노조
    보고서 분석 결과 집계 전망 공시 판결문 공소장 진술 주장 문건 회의록 자료집 설문 여론조사 업계에""".split())
# Korean pro leagues name their clubs by home town and owner (서울 SK, 수원 KT, 원주 DB, 울산 현대모비스): every outlet's game
# story writes them so; read only on a page that names a league or a home/away game.
_LEAGUE_CUES = ("프로농구", "프로배구", "프로야구", "프로축구", "KBL", "KOVO", "V리그", "V-리그", "정규리그", "홈경기", "원정경기", "플레이오프",
                "챔피언결정전")
_TOWN_CLUB = re.compile(r"(?<![가-힣A-Za-z0-9·])([가-힣]{2,3}) (?=([A-Z]{2,4}(?![A-Za-z0-9])|[가-힣]{2,6}(?=[은는이가을를의와과도]?(?![가-힣]))))")
# An outlet cited in angle brackets before the talk it had (화천군 관계자는 <에브리뉴스>와 통화에서, 《한빛일보》와의 인터뷰):
# Korean papers write a medium's name so, their own and others'.
_BRACKETED_OUTLET = re.compile(r"[<《〈]([가-힣A-Za-z][가-힣A-Za-z0-9]{1,12})[>》〉](?:와|과)(?:의)? ?(?:전화 ?)?(?:통화|인터뷰)(?:에서|를|을|했|하|한|중)")
# A data desk's story opens with the day and itself running the numbers (13일 데이터뉴스가 …을 분석한 결과): the subject is the
# outlet or the research firm (CEO스코어, 리더스인덱스 write so too); within one sentence (no full stop between).
_ANALYSED_BY = re.compile(r"(?<![\d.])\d{1,2}일 ([가-힣][가-힣A-Za-z0-9&]{2,14})(?:가|이) [^.\n]{0,80}?(?:분석|조사|집계)한 결과")
# The ten KBO clubs by their owners' words, as every baseball story writes them after the first mention (KIA, 키움, NC …), a
# particle, a comma, 전 or vs after; read on a page with a baseball word only.
_BASEBALL_CUES = ("프로야구", "KBO", "홈런", "이닝", "투수", "타석", "타점", "안타를", "안타로", "안타가", "안타에")  # not 안타깝다
_SHORT_CLUB = re.compile(r"(?<![가-힣A-Za-z0-9&\-])(KIA|키움|NC|SSG|KT|LG|삼성|두산|롯데|한화)"
                         r"(?=(?:와|과|는|은|가|이|를|을|의|에|에게|전|도)?(?![가-힣A-Za-z0-9&\-]))")
# The story's own local body named by its level alone (시의회, 군청, 도교육청): "the city council", which city the page says
# elsewhere; local pages everywhere write their council or office so (21일 시의회에 따르면), never a name.
_LEVEL_BODY = re.compile(r"[시도군구](?:의회|청|교육청|교육지원청|보건소|체육회)\Z")


# A firm named in apposition after what it is (데이터 라벨링 협력사인 크라우드웍스도, 장비업체인 원익IPS는, 스타트업인 누리랩스가):
# the next word, with its particle; not 기업인 (a businessman) nor 자회사인/계열사인 (see subsidiary_hits).
_APPOSITION_KINDS = ("협력사인", "업체인", "스타트업인", "제조사인", "개발사인", "운영사인", "공급사인", "고객사인", "설계업체인",
                     # 태양광 전문기업인 탑인프라와, LNG전문 선사인 현대LNG해운으로부터: kinds of firm (not 기업인, a businessman)
                     "전문기업인", "선사인", "해운사인", "제약사인", "게임사인", "건설사인", "통신사인", "증권사인", "보험사인", "카드사인",
                     "자산운용사인", "투자사인", "상장사인", "유통사인", "배급사인", "완성차업체인",
                     # 사모펀드 회사인 네오플럭스가, 벤처캐피털인 스틱벤처스는
                     "회사인", "벤처캐피털인", "벤처캐피탈인", "창업투자사인", "액셀러레이터인",
                     # 시공사인 효성은, 시행사인 OO개발이: a project's builder or developer, in every construction and energy story
                     "시공사인", "시행사인", "발주사인", "수주사인", "제작사인", "수입사인", "판매사인")
_APPOSITION_HINT = re.compile("|".join(_APPOSITION_KINDS))
_BOUND_NOUN_PHRASES = ("것으로", "것이", "것은", "것을", "것도", "것과", "것만", "셈이")
_NOT_APPOSED = frozenset("만큼 셈 데 탓 덕분 것 까닭 점 반면 경우 곳 만큼은 만큼의 셈이다 데다".split())


# A periodical before the issue it is quoted from (PC 매거진 2월호에서, 칩 매거진(CHIP Magazine) 3월호는, 테크저널 5월호): its
# publisher, a company (as newspapers are); the name ends in a periodical's word, written apart after one word or glued.
_PERIODICAL_ISSUE = re.compile(r"(?<![가-힣A-Za-z0-9&])((?:[A-Za-z][A-Za-z0-9&]{0,11}|[가-힣]{1,6}) (?:매거진|저널|타임스|타임즈|위클리|리뷰)"
                               r"|[가-힣A-Za-z][가-힣A-Za-z0-9&]{0,10}(?:매거진|저널|타임스|타임즈|위클리))(?: ?\([^()\n]{1,40}\))? ?"
                               r"\d{1,2}월호")
# Words that say what kind of periodical (여성 매거진, 경제 저널), not which.
_PERIODICAL_KINDS = frozenset("""여성 남성 패션 뷰티 경제 과학 의학 전문 월간 주간 계간 격월간 국내 해외 최신 이번 지난 다음 올해 유명 유력 인기 대표
    온라인 디지털 사내 회사 기업 학술 국제 영문 미국 영국 일본 중국 유럽""".split())
# A committee written after the legislature it belongs to (국회 정무위원회, 서울시의회 행정자치위원회에): the two words are its name;
# kinds of committee (국회 상임위원회, 국회 특별위원회) name none.
_COMMITTEE_AFTER_BODY = re.compile(r"(?<![가-힣A-Za-z0-9])(국회|[가-힣]{1,5}(?:시|도|군|구)?의회) ([가-힣]{2,12}위원회)"
                                   r"(?=[은는이가을를의에와과도로]|에서|으로|\s|[,.)’”'\"]|$)")
_GENERIC_COMMITTEE_STEMS = frozenset("상임 특별 소 전체 전원 해당 관련 관계 각 여러 모든 주요 일부 소관 상설 산하 관할".split())


# A start-up raising a series round (와디즈가 300억원 규모의 시리즈C 투자 유치를, 한빛랩스, 50억 시리즈 A 펀딩): the subject before
# the round, with at most an amount between, is the firm.
_SERIES_ROUND = re.compile(r"(?<![가-힣A-Za-z0-9&])([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,16}),? "
                           r"(?:\d[\d,.]*\s?(?:억|조|만)\s?(?:원|달러)?\s?(?:규모의?\s?)?)?시리즈\s?[A-F](?![A-Za-z])")
# Kinds of firm a foreign firm is introduced by, after its country (see foreign_firm_hits).
_FOREIGN_KINDS = frozenset("""거래소 가상자산거래소 제약사 바이오기업 항공사 증권사 운용사 자산운용사 은행 투자은행 업체 기업 회사 스타트업 제조사
    자동차업체 완성차업체 전기차업체 반도체업체 통신사 게임사 유통업체 해운사 선사 조선사 석유회사 에너지기업 투자사 사모펀드 펀드""".split())
# Loanword common nouns that can follow a country and a kind of firm (미국 기업 브랜드가, 일본 업체 트렌드를): no firm's name.
_LOANWORD_NOUNS = frozenset("""브랜드 마케팅 트렌드 리스크 테스트 데이터 모델 프로젝트 컨설팅 매니저 스트레스 스토리 뉴스 센터 타워 클럽 파트너십
    프로그램 시스템 서비스 트럭 버스 택시 호텔 리스트 포트폴리오 스타트업 벤처 펀드 인프라 플랫폼 솔루션 라인 라인업 스펙 텍스트
    콘텐츠 네트워크 파트너 파트너스 멤버 멤버십 포인트 티켓 키트 세트 리포트 레포트 타깃 타겟 스캔들 트레이더 딜러 브로커 마진
    가이드 가이드라인 스탠더드 로드맵 로비 로봇 모터 배터리 드론 칩 테크 트럼프""".split())
_FOREIGN_KIND_HINT = re.compile("|".join(sorted(_FOREIGN_KINDS, key=len, reverse=True)))
_GROUP_PREFIX = re.compile(r"[A-Z]{2,4}")
# Words after a prefix that make no firm's name (ABC 직원, XYZ 업계): people, parts and kinds.
_NOT_GROUP_FIRMS = frozenset("업계 직원 관계자 측 부문 사업 사업부 본부 노조 임원 출신 계열 계열사 고객 주주 제품 브랜드 모델 공장 지분".split())
_GROUP_REST = re.compile(r"[가-힣]{2,8}|[A-Z]{2,5}")
_NOT_RAISERS = frozenset("""회사 기업 업체 스타트업 벤처 이번 최근 올해 지난해 당시 이후 향후 누적 신규 추가 후속 첫 규모 투자 펀딩 앞서
    이어 또 다시 이미 현재 저희 우리 당사 자사 회사는 곳 팀 플랫폼 서비스""".split())
# A group's Latin name glued to a loanword (SK머티리얼즈가, GS리테일은): an affiliate, when written so twice in the article.
_GROUP_GLUED = re.compile(r"(?<![A-Za-z0-9가-힣&])((?:SK|LG|GS|CJ|LS|HD|KT|DL|HL|DB)[가-힣]{3,8})")


class _FirmCueRules(_ArticleBase):
    """Companies named by the words around them."""

    def foreign_firm_hits(self) -> list[_Hit]:
        """A foreign firm introduced by its country and its kind (호주 거래소 스텔라와, 중국 업체 BYD가, 미국 제약사 모더나는): the
        word after a known place and a kind of firm, with a particle or a comma after it, a Latin name or a transliterated one
        (a loanword syllable: 투자가 and 관계자 are words, no firm)."""
        if not _FOREIGN_KIND_HINT.search(self.text):
            return []
        hits: list[_Hit] = []
        words = self.words
        for i in self.hinted(_FOREIGN_KIND_HINT):
            if i < 1 or i + 1 >= len(words) or words[i].core not in _FOREIGN_KINDS:
                continue
            place, kind, w = words[i - 1], words[i], words[i + 1]
            if (place.closes or kind.closes or kind.line_start or w.line_start or w.opens or kind.opens
                    or self.known.type_of(place.core) != "place"):
                continue
            name = _strip_tail(w.core) if _has_hangul(w.core) else w.core.rstrip(",")
            if name == w.core and not w.closes:
                continue  # no particle or comma: the first word of a longer phrase
            latin = name.isascii() and name[:1].isalpha() and name[:1].isupper()
            transliterated = all(map(_is_hangul, name)) and len(name) >= 2 and any(c in _LOANWORD_SYLLABLES for c in name)
            if (not (latin or transliterated) or name in _NOT_NAMES or name in _LOANWORD_NOUNS or name.upper() in _GENERIC_LATIN_UPPER
                    or _looks_korean_name(name) or self.known.type_of(name) not in (None, "company")):
                continue
            hits.append(_Hit(name, w.start, "rule", "company"))
        return hits

    def town_club_hits(self) -> list[_Hit]:
        """A pro club written as its home town and its owner (서울 SK는, 수원 KT와, 울산 현대모비스): on a page that names a
        league or a home game, the two words are the club (a company); the town is no mention of its own (the matcher takes
        the longer name)."""
        if not any(cue in self.text for cue in _LEAGUE_CUES):  # literal scans (C speed): most texts name no league
            return []
        hits: list[_Hit] = []
        for m in _TOWN_CLUB.finditer(self.text):
            town, owner = m.group(1), m.group(2)
            if not owner.isascii():
                owner = _strip_tail(owner)
            if self.known.type_of(town) != "place" or self.known.type_of(owner) != "company":
                continue
            name = f"{town} {owner}"
            if self.known.type_of(name) in (None, "company"):
                hits.append(_Hit(name, m.start(1), "rule", "company"))
        return hits

    def group_list_hits(self) -> list[_Hit]:
        """Firms listed under their group (see _group_list_hits) and pro clubs by town and owner (see town_club_hits)."""
        return self._group_list_hits() + self.town_club_hits() + self.short_club_hits()

    def short_club_hits(self) -> list[_Hit]:
        """Baseball clubs written by their owner's word alone (KIA와 키움이, NC에 대패했습니다) on a baseball page naming two
        clubs or more so: each is the club, a company (the alias file's groups, 두산 or 롯데, keep their own entity)."""
        if not any(cue in self.text for cue in _BASEBALL_CUES):
            return []
        found = [(m.group(1), m.start(1)) for m in _SHORT_CLUB.finditer(self.text)]
        if len({name for name, _ in found}) < 2:
            return []  # one club alone is a firm's name as often (KIA 신차, NC 게임): a game has two
        return [_Hit(name, start, "rule", "company") for name, start in found if self.known.type_of(name) in (None, "company")]

    def _group_list_hits(self) -> list[_Hit]:
        """Firms of a group listed by their Latin prefix and a word (롯데케미칼 기초소재사업, LC 타이탄, LC USA, 롯데GS화학 등): in a
        comma list closed by 등 with two items or more that are firms (known, or by their ending), an item of two words, a
        short Latin acronym and a Hangul word or another acronym, is a firm too."""
        if "등" not in self.text or ", " not in self.text:
            return []
        hits: list[_Hit] = []
        words = self.words
        for i, w in enumerate(words):
            if w.core not in _LIST_ETC or i == 0 or w.line_start:
                continue
            items: list[list] = [[words[i - 1]]]
            j = i - 1
            while j > 0 and len(items) <= 15 and not words[j].line_start and not words[j].opens:
                prev = words[j - 1]
                between = self.text[prev.end : words[j].start]
                if prev.closes and between.strip() == "," and self.text[prev.end : prev.end + 1] == ",":
                    items.insert(0, [prev])
                elif not prev.closes and between == " " and len(items[0]) < 3:
                    items[0].insert(0, prev)
                else:
                    break
                j -= 1
            if len(items) < 3:
                continue
            firms = sum(1 for item in items if self._is_firm_item(item))
            if firms < 2:
                continue
            for item in items:
                if len(item) == 2 and _GROUP_PREFIX.fullmatch(item[0].core) and _GROUP_REST.fullmatch(item[1].core):
                    name = f"{item[0].core} {item[1].core}"
                    if (item[0].core.upper() not in _GENERIC_LATIN_UPPER and item[1].core.upper() not in _GENERIC_LATIN_UPPER
                            and self.known.type_of(name) in (None, "company") and self.known.type_of(item[0].core) is None
                            and item[1].core not in _NOT_GROUP_FIRMS and item[1].core not in _NOT_NAMES):
                        hits.append(_Hit(name, item[0].start, "rule", "company"))
        return hits

    def _is_firm_item(self, item: list) -> bool:
        """A listed item that names a firm: known as one (whole, or a word of it: 롯데케미칼 기초소재사업), or by its ending."""
        whole = " ".join(x.core for x in item)
        if self.known.type_of(whole) == "company" or any(self.known.type_of(x.core) == "company" for x in item):
            return True
        found = _suffix_type(whole)
        return found is not None and found[0] == "company"

    def series_round_hits(self) -> list[_Hit]:
        """The firm raising a series round (see _SERIES_ROUND): a company, unless a kind of firm, a time word, a Korean
        person's name or known as something else."""
        if "시리즈" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _SERIES_ROUND.finditer(self.text):
            name = _strip_tail(m.group(1)) if _has_hangul(m.group(1)) else m.group(1)
            if m.group(1)[len(name) :] not in ("", "가", "이", "는", "은", "도"):
                continue  # 상반기에 시리즈 A: a time, not the subject that raises the round
            if (name in _NOT_RAISERS or name in _NOT_NAMES or name.upper() in _GENERIC_LATIN_UPPER or name.endswith(_FIRM_NOUNS)
                    or _looks_korean_name(name) or name[-1] in "의에를을과와로서며고다" or self.known.type_of(name) not in (None, "company")):
                continue
            hits.append(_Hit(name, m.start(1), "rule", "company"))
        return hits

    def committee_hits(self) -> list[_Hit]:
        """A committee after its legislature (see _COMMITTEE_AFTER_BODY): an org named with the legislature, and the committee's
        own word as its alias (the pair joins them)."""
        if "위원회" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _COMMITTEE_AFTER_BODY.finditer(self.text):
            body, committee = m.group(1), m.group(2)
            stem = committee[: -len("위원회")]
            if stem in _GENERIC_COMMITTEE_STEMS or stem in _NOT_NAMES or body != "국회" and self.known.type_of(body) not in (None, "org"):
                continue
            if body != "국회" and not (self.known.type_of(body) == "org" or self.known.type_of(body[:-2]) == "place"
                                      or self.known.type_of(body[:-3]) == "place"):
                continue  # a council named after a place the alias file knows (서울시의회, 경기도의회)
            name = f"{body} {committee}"
            if self.known.type_of(name) in (None, "org") and self.known.type_of(committee) in (None, "org"):
                hits.append(_Hit(name, m.start(1), "rule", "org"))
                hits.append(_Hit(committee, m.start(2), "rule", "org"))
        return hits

    @staticmethod
    def committee_pairs(hits: list[_Hit]) -> list[tuple[str, str]]:
        """(국회 정무위원회, 정무위원회): one committee, named with and without its legislature."""
        return [(h.surface, h.surface.split(" ", 1)[1]) for h in hits
                if h.type == "org" and " " in h.surface and h.surface.endswith("위원회") and _COMMITTEE_AFTER_BODY.fullmatch(h.surface)]

    def outlet_source_hits(self) -> list[_Hit]:
        """A news outlet the story cites in angle brackets (see _BRACKETED_OUTLET) or that says it ran the numbers (see
        _ANALYSED_BY): a company unless known as something else."""
        hits: list[_Hit] = []
        text = self.text
        if "통화" in text or "인터뷰" in text:
            for m in _BRACKETED_OUTLET.finditer(text):
                name = m.group(1)
                if name not in _NOT_NAMES and not _looks_korean_name(name) and self.known.type_of(name) in (None, "company"):
                    hits.append(_Hit(name, m.start(1), "rule", "company"))
        if "한 결과" in text and ("분석" in text or "조사" in text or "집계" in text):
            for m in _ANALYSED_BY.finditer(text):
                name = m.group(1)
                if (name in _GENERIC_SOURCES or name in _NOT_NAMES or _LEVEL_BODY.match(name) or _looks_korean_name(name)
                        or name.endswith(("관계자", "당국", "측", "업계", "연구팀", "연구진", "팀", "취재진", "본지", "단체", "전문가", "전문가들",
                                          "연구자", "학자", "위원들", "의원들", "기자단"))
                        or name.isascii()):
                    continue
                if self.known.type_of(name) in (None, "company", "org"):
                    found = _suffix_type(name)
                    hits.append(_Hit(name, m.start(1), "rule", found[0] if found else "company"))
        return hits

    def source_hits(self) -> list[_Hit]:
        """The sources a story names: dated (see _dated_source_hits) and outlets (see outlet_source_hits)."""
        return self._dated_source_hits() + self.outlet_source_hits()

    def _dated_source_hits(self) -> list[_Hit]:
        """A dated source (see _DATED_SOURCE) the alias file does not know as something else: a firm unless its ending says
        otherwise (the type is guessed from the name when there is no rule's)."""
        if "따르면" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _DATED_SOURCE.finditer(self.text):
            name = m.group(1)
            if (name in _GENERIC_SOURCES or name in _NOT_NAMES or _LEVEL_BODY.match(name) or name.isascii() or name.endswith(("관계자", "당국", "측", "업계"))
                    or strip_particle(name) != name or self.known.type_of(name) not in (None, "company", "org")):
                continue
            if _looks_korean_name(name) and self.known.type_of(name) is None:
                continue  # 8일 김하늘에 따르면: a person, whom the title rules name when the story says who
            found = _suffix_type(name)
            hits.append(_Hit(name, m.start(1), "rule", found[0] if found else "company"))
        return hits

    def periodical_hits(self) -> list[_Hit]:
        """A magazine or journal named before its issue (see _PERIODICAL_ISSUE): a company, unless the first word is a kind
        (여성 매거진), a particle's word or known as something else."""
        if "월호" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _PERIODICAL_ISSUE.finditer(self.text):
            name = m.group(1)
            first = name.split()[0] if " " in name else ""
            if first and (first in _PERIODICAL_KINDS or first in _NOT_NAMES or strip_particle(first) != first
                          or self.known.type_of(first) == "place"):
                continue
            if self.known.type_of(name) in (None, "company") and name not in _NOT_NAMES:
                hits.append(_Hit(name, m.start(1), "rule", "company"))
        return hits

    def sponsor_bracket_hits(self) -> list[_Hit]:
        """Firms named in brackets after amounts, as a paragraph lists who paid what (K리그가 40억원(현대오일뱅크), 여자 프로농구가
        18억원(KB), 25억원(NH농협), 65억원 안팎(한국야쿠르트·이하 …)): when two of a paragraph's brackets hold firms the alias
        file knows, the others' first names are firms too. A lone bracket after an amount (30억원(국비), 5조원(잠정)) is left."""
        text = self.text
        if not any(f"{unit}(" in text for unit in _AMOUNT_BRACKET_ENDS):
            return []
        hits: list[_Hit] = []
        paragraph_start, items = 0, []  # items of the current paragraph: (name, offset)
        for m in _AMOUNT_BEFORE_BRACKET.finditer(text):  # the unit and the bracket (a literal): then the amount, read back
            bracket = _BRACKET_BODY.match(text, m.end() - 1)
            if bracket is None or not _AMOUNT_AT_END.search(text, max(0, m.start() - 24), m.end() - 1):
                continue
            start = text.rfind("\n", 0, m.start()) + 1
            if start != paragraph_start:
                hits += self._sponsors(items)
                paragraph_start, items = start, []
            name = _ITEM_BREAK.split(bracket.group(1), 1)[0].strip()
            items.append((name, bracket.start(1) + bracket.group(1).find(name)))
        return hits + self._sponsors(items)

    def _sponsors(self, items: list[tuple[str, int]]) -> list[_Hit]:
        if sum(self.known.type_of(name) == "company" for name, _ in items) < 2:
            return []
        return [_Hit(name, at, "rule", "company") for name, at in items
                if self.known.type_of(name) is None and _SPONSOR_SHAPE.fullmatch(name) and name not in _NOT_NAMES
                and name.upper() not in _GENERIC_LATIN_UPPER and not _looks_korean_name(name) and not title_family(name)]

    def firm_list_hits(self) -> list[_Hit]:
        """The items of a list that ends in 등 and a count or kind of firms (see _FIRM_COUNT): each a company, unless the
        alias file knows it as something else or it is itself a kind of firm (중견기업)."""
        hits = self.sponsor_bracket_hits()
        if "등" not in self.text:
            return hits
        words = self.words
        for i, w in enumerate(words):
            if w.core not in _LIST_ETC or i == 0 or w.line_start or not self._counts_firms(i):
                continue
            j = i - 1
            item = words[j].core
            while True:
                if self._ends_a_longer_name(j):
                    break  # 기아, LG CNS 등; 카카오, 도이치 텔레콤 등: the item is the last word of a name of two
                parts = item.split("·")
                for part in parts:
                    if not self._firm_item(part):
                        break
                else:
                    offset = words[j].start
                    for part in parts:
                        hits.append(_Hit(part, offset, "rule", "company"))
                        offset += len(part) + 1
                    prev = words[j - 1] if j > 0 else None
                    if prev is None or words[j].line_start or words[j].opens or i - j > 24:
                        break
                    between = self.text[prev.end : words[j].start]
                    if prev.closes and between.strip() in (",", ".") and not prev.core.endswith(_SENTENCE_ENDS):
                        item, j = prev.core, j - 1  # 인터비즈, 아이티동아 / 한산신문. 거제신문
                        continue
                    if not prev.closes and between == " " and prev.core.endswith(_LIST_JOINS) and len(prev.core) >= 3:
                        item, j = prev.core[:-1], j - 1  # 경남신문과 경남일보
                        continue
                break
        return hits

    def _ends_a_longer_name(self, j: int) -> bool:
        """Whether words[j] may be the last word of a two-word name: the word before it is joined by a space only and is
        Latin, or a Hangul word with no particle or ending that is no kind of firm (도이치 텔레콤; not 인터넷신문 뉴스사천)."""
        if j == 0 or self.words[j].line_start or self.words[j].opens:
            return False
        prev = self.words[j - 1]
        if prev.closes or self.text[prev.end : self.words[j].start] != " ":
            return False
        if _has_latin(prev.core):
            return True
        return (not self.has_barrier(prev) and _strip_tail(prev.core) == prev.core and prev.core[-1] not in "은는을를에의와과로서"
                and _suffix_type(prev.core) is None and prev.core not in _NOT_NAMES)  # 곳은 남해시대: a particle ends the phrase

    def _counts_firms(self, i: int) -> bool:
        """Whether a word within three after words[i] (등) counts or names firms (13개사가, 지역 주간지 10개사와, 일간지 4곳)."""
        for w in self.words[i + 1 : i + 4]:
            if w.line_start or w.core in _KIND_WORDS or _PEOPLE_COUNT.match(w.core):
                return False  # 반도체와 배터리 등 관련 기업: the items are kinds of business, not firms; 등 16명이: people
            if _FIRM_COUNT.match(w.core) or _strip_tail(w.core).endswith(_FIRM_NOUNS):
                return True
            if w.closes or self.has_barrier(w):
                return False  # 등 16명이 참석해 우량기업: a clause ends before the firm's word
        return False

    def _firm_item(self, name: str) -> bool:
        if (not _ITEM_SHAPE.fullmatch(name) or name in _NOT_NAMES or name in _GENERIC_LATIN or name.endswith(_FIRM_NOUNS)
                or name in _CLAUSE_NOUNS or title_family(name)):
            return False  # 참여, 대표: what a firm did, a head's title
        if name.endswith(_SENTENCE_ENDS) or strip_particle(name) != name and not self.known.get(name):
            return False
        return self.known.type_of(name) in (None, "company")

    def apposition_hits(self) -> list[_Hit]:
        """A firm after the word that says what it is, joined by 인 (see _APPOSITION_KINDS): one word with a particle or a
        comma after it, no Korean name's shape, unknown or a known company."""
        if not _APPOSITION_HINT.search(self.text):
            return []
        hits: list[_Hit] = []
        words = self.words
        for found in _APPOSITION_HINT.finditer(self.text):
            end = found.end()
            if end < len(self.text) and self.text[end] != " ":
                continue  # 업체인데, 업체인지: another ending, no apposition
            i = bisect_left(self._word_starts, end + 1)
            if i >= len(words) or words[i].start != end + 1 or words[i].line_start or words[i].opens:
                continue
            w = words[i]
            # the particle only (시행사인 누리개발이: 개발 and 이앤씨 end firms' names, not a tail of 발이 or 씨가)
            name = max(_strip_tail(w.core), strip_particle(w.core), key=len)
            if name == w.core and not w.closes:
                continue  # no particle or comma: the first word of a longer phrase (업체인 한빛 솔루션)
            if (len(name) < 2 or name in _NOT_NAMES or name in _NOT_APPOSED or w.core.endswith(_SENTENCE_ENDS)
                    or w.core.startswith(_BOUND_NOUN_PHRASES)  # 회사인 것으로: "that it is a firm", no name
                    or not _ITEM_SHAPE.fullmatch(name) or name.upper() in _GENERIC_LATIN_UPPER or _looks_korean_name(name)
                    or self.known.type_of(name) not in (None, "company")):
                continue
            hits.append(_Hit(name, w.start, "rule", "company"))
        return hits

    def legal_form_hits(self) -> list[_Hit]:
        """Names after a legal-form mark (see _LEGAL_FORM): a company after ㈜, (주) or 주식회사, an org after (재), (사),
        ㈔, 재단법인 or 사단법인; the particle after the name is cut."""
        if not any(mark in self.text for mark in _LEGAL_MARKS):
            return []  # substring tests (C speed) rule out almost every article
        hits: list[_Hit] = []
        for m in _LEGAL_FORM.finditer(self.text):
            name = _strip_tail(m.group(2)) if _has_hangul(m.group(2)) else m.group(2)
            if len(name) < 2 or name in _NOT_NAMES or name.upper() in _GENERIC_LATIN_UPPER or _is_tail(name):
                continue  # 한국메탈(주)에서: the particle of the name before the mark, no name after it
            type_ = "company" if m.group(1) in ("㈜", "(주)", "주식회사") else "org"
            if self.known.type_of(name) in (None, type_):
                hits.append(_Hit(name, m.start(2), "rule", type_))
        if "(주)" in self.text or "㈜" in self.text:
            for m in _LEGAL_FORM_AFTER.finditer(self.text):
                name, run = m.group(1), _HANGUL_RUN.match(self.text, m.end()).group()
                if run and not _is_tail(run):
                    continue  # 한빛(주)누리: the mark opens the next name
                if (name in _NOT_NAMES or name.endswith(_FIRM_NOUNS) or _is_tail(name) or _looks_korean_name(name)
                        or self.known.type_of(name) not in (None, "company")):
                    continue  # 업체(주), 김하늘(주): a kind of firm or a person is no firm's name
                hits.append(_Hit(name, m.start(1), "rule", "company"))
        return hits

    def group_affiliate_hits(self) -> list[_Hit]:
        """A group's affiliate named with the group's Latin name glued to a loanword (see _GROUP_GLUED): the group a firm the
        alias file knows (SK), the affiliate unknown to it, the loanword with two loanword syllables or more (머티리얼즈), the
        name written so twice in the article."""
        found: dict[str, list[int]] = {}
        for m in _GROUP_GLUED.finditer(self.text):
            name = _strip_tail(m.group(1))
            rest = name[2:]
            if (len(rest) >= 3 and sum(c in _LOANWORD_SYLLABLES for c in rest) >= 2 and name not in _NOT_NAMES
                    and self.known.type_of(name) is None and self.known.type_of(name[:2]) == "company"):
                found.setdefault(name, []).append(m.start(1))
        return [_Hit(name, start, "rule", "company") for name, starts in found.items() if len(starts) >= 2 for start in starts]

    def subsidiary_hits(self) -> list[_Hit]:
        """A firm named right after the word that says what it is: after 자회사/계열사 one called after a known
        company (자회사 카카오게임즈가, 계열사 카카오페이·카카오모빌리티; 자회사 설립 names no one), after
        시장조사업체/컨설팅업체 a Latin or transliterated name (시장조사업체 카운터포인트리서치에 따르면; 조사 is no
        name)."""
        hits: list[_Hit] = []
        last = len(self.words) - 1
        for i in self.hinted(_FIRM_WORD_HINT):
            if i == last:
                break
            w = self.words[i]
            head = _strip_tail(w.core)
            if w.closes or (head not in _SUBSIDIARY_WORDS and head not in _FIRM_WORDS
                            and not (head.endswith(_FIRM_WORD_ENDINGS) and len(head) > 4)):
                continue
            after = self.words[i + 1]
            if after.line_start:
                continue
            offset = after.start
            for part in after.core.split("·"):
                name = _strip_tail(part)
                if self._named_after_a_company(name) if head in _SUBSIDIARY_WORDS else self._foreign_firm_name(name):
                    hits.append(_Hit(name, offset, "rule", "company"))
                offset += len(part) + 1
        return hits

    def _foreign_firm_name(self, name: str) -> bool:
        if len(name) < 2 or name in _NOT_NAMES or name in _GENERIC_LATIN or self.known.get(name):
            return False
        if _has_latin(name):
            return name.isascii() and name[0].isupper()  # IDC, Gartner; not 'AI반도체'
        return len(name) >= 3 and all(_is_hangul(c) for c in name) and any(c in _LOANWORD_SYLLABLES for c in name)

    def _named_after_a_company(self, name: str) -> bool:
        if len(name) < 3 or name in _NOT_NAMES or self.known.get(name) or not (_has_hangul(name) or _has_latin(name)):
            return False
        return any(self.known.type_of(name[:k]) == "company" for k in range(len(name) - 1, 1, -1))
