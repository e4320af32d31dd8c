"""Generate a synthetic corpus of Korean news articles shaped like the bundled seeds.

    python bench/make_corpus.py N OUTDIR [--seed S] [--files-per-dir 1000] [--workers W]

Each article is one UTF-8 .txt file: a headline (usually), a byline in one of the seeds' forms, 12-24
paragraphs (~2,000 characters of body) about companies, people, places and Korean-unit figures, and the
page debris a web-to-text converter leaves (image stubs, caption rows, font-size buttons, reaction
counters, related-headline lists, weather strips, tip-line footers, a repeated body now and then).

Article i depends only on (seed, i), never on N or on the worker count: a corpus of 5,000 is the first
5,000 files of a corpus of 100,000 made with the same seed, and the output is byte-identical across runs.
Every RARE_EVERY-th article (on average) carries the rare term RARE_TERM, for a rare-query benchmark.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = 1
MANIFEST_NAME = ".bench-corpus.json"  # hidden: neither hanscope nor rg reads it as an article
RARE_TERM = "양자내성암호"
RARE_EVERY = 500

# --- names ---------------------------------------------------------------------------------------

# canonical name -> surface forms, most common first (the spelling varies inside a corpus, as in the seeds)
REAL_COMPANIES: dict[str, list[str]] = {
    "삼성전자": ["삼성전자", "삼성전자", "삼성전자", "삼성"],
    "SK하이닉스": ["SK하이닉스", "SK하이닉스", "SK하이닉스", "SK 하이닉스"],
    "엔비디아": ["엔비디아", "엔비디아", "엔비디아", "엔비디아", "NVIDIA"],
    "오픈AI": ["오픈AI", "오픈AI", "오픈AI", "오픈AI", "OpenAI"],
    "네이버": ["네이버"],
    "카카오": ["카카오"],
    "현대차": ["현대차", "현대차", "현대자동차"],
    "SK그룹": ["SK그룹", "SK"],
    "SK텔레콤": ["SK텔레콤", "SK텔레콤", "SKT"],
    "LG전자": ["LG전자"],
    "LG에너지솔루션": ["LG에너지솔루션"],
    "기아": ["기아"],
    "KT": ["KT"],
    "LG유플러스": ["LG유플러스"],
    "삼성SDS": ["삼성SDS"],
    "LG CNS": ["LG CNS"],
    "포스코홀딩스": ["포스코홀딩스"],
    "한화에어로스페이스": ["한화에어로스페이스"],
    "두산에너빌리티": ["두산에너빌리티"],
    "리벨리온": ["리벨리온"],
    "퓨리오사AI": ["퓨리오사AI"],
    "업스테이지": ["업스테이지"],
    "삼성바이오로직스": ["삼성바이오로직스"],
    "셀트리온": ["셀트리온"],
    "삼성SDI": ["삼성SDI"],
    "SK이노베이션": ["SK이노베이션"],
    "쿠팡": ["쿠팡"],
    "크래프톤": ["크래프톤"],
    "엔씨소프트": ["엔씨소프트"],
    "하이브": ["하이브"],
    "HD현대중공업": ["HD현대중공업"],
    "한미반도체": ["한미반도체"],
    "원익IPS": ["원익IPS"],
    "DB하이텍": ["DB하이텍"],
    "삼성전기": ["삼성전기"],
    "LG이노텍": ["LG이노텍"],
    "현대모비스": ["현대모비스"],
    "한국전력": ["한국전력", "한전"],
    "KT클라우드": ["KT클라우드"],
    "NHN클라우드": ["NHN클라우드"],
    "솔트룩스": ["솔트룩스"],
    "TSMC": ["TSMC"],
    "인텔": ["인텔"],
    "AMD": ["AMD"],
    "퀄컴": ["퀄컴"],
    "애플": ["애플"],
    "구글": ["구글"],
    "마이크로소프트": ["마이크로소프트(MS)", "마이크로소프트", "MS"],
    "아마존웹서비스": ["아마존웹서비스(AWS)", "AWS", "AWS"],
    "메타": ["메타"],
    "테슬라": ["테슬라"],
    "오라클": ["오라클"],
    "소프트뱅크": ["소프트뱅크"],
    "ARM": ["ARM", "Arm"],
    "브로드컴": ["브로드컴"],
    "마이크론": ["마이크론"],
    "ASML": ["ASML"],
    "앤트로픽": ["앤트로픽"],
    "xAI": ["xAI"],
    "구글 딥마인드": ["구글 딥마인드", "딥마인드"],
    "람다": ["람다"],
    "딜로이트": ["딜로이트", "딜로이트", "딜로이트", "길로이트"],
    "도이치텔레콤": ["도이치텔레콤", "도이치 텔레콤"],
    "뷔나그룹": ["뷔나그룹"],
    "폭스콘": ["폭스콘"],
    "화웨이": ["화웨이"],
    "샤오미": ["샤오미"],
    "소니": ["소니"],
    "도요타": ["도요타"],
    "블랙록": ["블랙록"],
}
# These must exist among the generated names (the brief and the tests name them).
FIXED_GENERATED = ["한빛반도체", "대성테크"]
_PREFIXES = ("한빛 대성 미래 동방 새한 청솔 누리 세진 태광 한결 가온 으뜸 한울 동진 서광 우진 금강 신영 해동 "
             "대원 성림 아람 다온 보람 나래 온누리 삼정 유니온 제일 푸른").split()
_SUFFIXES = ("반도체 테크 전자 소재 에너지 시스템즈 바이오 로보틱스 모빌리티 솔루션 네트웍스 정밀 화학 디스플레이 "
             "인더스트리 머티리얼즈 AI 랩스").split()


def _generated_companies(count: int) -> list[str]:
    """A fixed list (independent of --seed) of plausible invented company names."""
    rng = random.Random(20251112)
    names = list(FIXED_GENERATED)
    while len(names) < count:
        name = rng.choice(_PREFIXES) + rng.choice(_SUFFIXES)
        if name not in names:
            names.append(name)
    return names


GENERATED_COMPANIES = _generated_companies(130)
COMPANIES: dict[str, list[str]] = {**REAL_COMPANIES, **{n: [n] for n in GENERATED_COMPANIES}}
COMPANY_NAMES = list(COMPANIES)
# The first dozen real names are the "industry leaders": they turn up far more often, as in real news.
LEADERS = COMPANY_NAMES[:12]

# (name surface forms, short reference, company, title)
REAL_PEOPLE: list[tuple[list[str], str, str, str]] = [
    (["최태원"], "최", "SK그룹", "회장"),
    (["이재용"], "이", "삼성전자", "회장"),
    (["정의선"], "정", "현대차그룹", "회장"),
    (["구광모"], "구", "LG그룹", "회장"),
    (["이해진"], "이", "네이버", "의장"),
    (["최수연"], "최", "네이버", "대표"),
    (["정신아"], "정", "카카오", "대표"),
    (["곽노정"], "곽", "SK하이닉스", "사장"),
    (["전영현"], "전", "삼성전자", "부회장"),
    (["유영상"], "유", "SK텔레콤", "대표"),
    (["젠슨 황"], "황", "엔비디아", "CEO"),
    (["샘 올트먼", "샘 올트먼", "샘 알트만"], "올트먼", "오픈AI", "CEO"),
    (["그렉 브로크만"], "브로크만", "오픈AI", "사장"),
    (["맷 가먼"], "가먼", "아마존웹서비스(AWS)", "CEO"),
    (["사티아 나델라"], "나델라", "마이크로소프트", "CEO"),
    (["순다르 피차이"], "피차이", "구글", "CEO"),
    (["리사 수"], "수", "AMD", "CEO"),
    (["손정의"], "손", "소프트뱅크그룹", "회장"),
    (["김경훈"], "김", "오픈AI코리아", "대표"),
]
OFFICIALS = [
    "이재명 대통령", "배경훈 과학기술정보통신부 장관", "하정우 대통령비서실 AI미래기획수석비서관",
    "강도현 과기정통부 제2차관", "김정관 산업통상자원부 장관",
]
SURNAMES = "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 홍".split()
GIVEN_SYLLABLES = "민 준 서 연 지 우 현 수 영 호 진 하 윤 은 성 재 태 동 혜 경 미 상 훈 석 희 원".split()
EXEC_TITLES = ["대표", "대표이사", "사장", "부사장", "전무", "상무", "연구소장", "CTO", "최고재무책임자(CFO)"]
GOVERNMENT = ["과학기술정보통신부", "과기정통부", "산업통상자원부", "산업부", "기획재정부", "정부", "대통령실", "금융위원회"]
PLACES = [
    "경주", "경주엑스포대공원", "서울 코엑스", "용산 대통령실", "서울 종로구 SK서린빌딩", "경북 포항", "전라남도",
    "울산", "경기 평택", "경기 이천", "경기 용인", "충남 천안", "부산", "광주", "대구", "인천 송도", "판교",
    "세종", "미국 새너제이", "미국 텍사스 테일러", "대만 신주", "일본 구마모토", "미국 라스베이거스", "독일 베를린",
]
REGIONS = ["동남권", "서남권", "수도권", "충청권", "호남권", "영남권"]
TECH = [
    "고대역폭메모리(HBM)", "HBM", "HBM4", "웨이퍼", "D램", "낸드플래시", "GPU", "AI 반도체", "데이터센터", "파운드리",
    "2나노 공정", "첨단 패키징", "온디바이스 AI", "피지컬AI", "자율주행", "휴머노이드 로봇", "소버린AI",
    "거대언어모델(LLM)", "클라우드", "슈퍼컴퓨터", "전력망", "소형모듈원전(SMR)", "해상풍력", "전고체 배터리",
    "AI 에이전트", "디지털 트윈", "6G 통신",
]
EVENTS = [
    "APEC CEO 서밋", "SK AI 서밋", "CES 2025", "세미콘 코리아", "컴퓨텍스", "GTC 2025", "MWC", "퓨처테크포럼",
    "삼성 파운드리 포럼", "이프 카카오", "네이버 DAN 24", "AI 서울 정상회의",
]
INDUSTRIES = ["반도체", "IT", "증권", "자동차", "배터리", "통신", "금융", "플랫폼"]
OUTLETS = [
    ("헤럴드경제", "heraldcorp.com"), ("뉴스웍스", "newsworks.co.kr"), ("비즈데일리", "bizdaily.kr"),
    ("더팩트", "tf.co.kr"), ("이투데이", "etoday.co.kr"), ("한빛경제", "hanbiteco.kr"), ("디지털타임스", "dt.co.kr"),
    ("전자신문", "etnews.com"), ("머니투데이", "mt.co.kr"), ("서울경제", "sedaily.com"), ("아시아경제", "asiae.co.kr"),
    ("뉴시스", "newsis.com"), ("파이낸셜뉴스", "fnnews.com"), ("조선비즈", "chosunbiz.com"), ("이데일리", "edaily.co.kr"),
    ("지디넷코리아", "zdnet.co.kr"), ("블로터", "bloter.net"), ("테크월드", "epnc.co.kr"), ("산업경제신문", "iebn.kr"),
    ("미래일보", "miraeilbo.kr"),
]
SECTIONS = ["정치", "경제", "산업", "IT/과학", "국제", "증권"]
SAID = ["밝혔다", "말했다", "강조했다", "설명했다", "덧붙였다", "전했다", "내다봤다", "언급했다"]
CONNECTIVES = ["", "", "", "", "이어 ", "아울러 ", "특히 ", "한편 ", "이와 함께 ", "또 ", "이날 ", "업계에 따르면 "]
WEEKDAYS = "월화수목금토일"

# --- templates --------------------------------------------------------------------------------------
# Slots: {co} {co2} company, {person} a person (full on first mention, short after), {official}, {gov},
# {place}, {region}, {tech} {tech2}, {event}, {industry}, {day}, {money}, {usd}, {count}, {wafers},
# {power}, {pct}, {people_n}, {price}, {year}, {quote}, {said}. A suffix after ':' is a particle pair
# (은 이 을 과 으로) chosen by the preceding word's final sound; {quote:고} / {quote:며} put a quote in
# “…” with the quotative ending it takes (“…다”고, “…과제”라며, “…것”이라고).

SENTENCES = [
    "{co:은} {place}에 {money} 규모의 {tech} 생산 설비를 짓기로 했다.",
    "{co:은} {co2:과} {count} 규모의 {tech} 공급 계약을 맺었다.",
    "{co:은} {day} {place}에서 열린 {event}에서 차세대 {tech} 로드맵을 공개했다.",
    "{co:과} {co2:은} {tech} 분야에서 협력하기 위한 업무협약(MOU)을 체결했다.",
    "{co}의 지난 분기 영업이익은 {money:으로} 전년 동기 대비 {pct} 늘었다.",
    "{co} 주가는 이날 전 거래일보다 {pct} 오른 {price}에 거래를 마쳤다.",
    "{co:은} {year}년까지 {people_n:을} 신규 채용할 계획이다.",
    "{region} {tech} 클러스터에는 {power} 규모의 전력이 필요할 것으로 추산된다.",
    "{gov:은} {tech} 산업 육성을 위해 {money:을} 투입하겠다고 {said}.",
    "{co:은} {usd} 규모의 {tech} 투자 계획을 내놨다.",
    "업계는 {co}의 {tech} 점유율이 {pct}에 이를 것으로 보고 있다.",
    "{co:과} {co2:은} 각각 {region}과 {region2}에 {tech} 거점을 구축할 계획이다.",
    "{person:은} {quote:고} {said}.",
    "{person:은} 이날 기자들과 만나 {quote:고} {said}.",
    "{quote:며} {person:은} {tech} 협력의 중요성을 강조했다.",
    "한 {industry}업계 관계자는 {quote:고} 말했다.",
    "{official:은} {quote:며} 정부 차원의 지원을 약속했다.",
    "{co:은} {day} {tech} 전담 조직을 신설하고 {person_new:을} 책임자로 선임했다.",
    "{tech} 수요가 월 {wafers}에 달할 것이라는 전망도 나온다.",
    "{co}에 따르면 {place} 공장은 향후 {years}년간 {money} 규모의 생산유발효과와 {people_n} 규모의 고용 창출이 예상된다.",
    "{co:은} {tech:과} {tech2:을} 결합한 신규 서비스를 {year}년 상반기 출시할 예정이다.",
    "증권가는 {co}의 올해 매출이 {money:을} 넘어설 것으로 전망했다.",
    "{co:은} {co2:과}의 {tech} 합작법인 설립을 검토 중인 것으로 알려졌다.",
    "{event}에는 {co}, {co2} 등 {count_firms}이 참가해 {tech} 기술을 선보였다.",
    "{co}의 {tech} 가동률은 {pct} 수준으로 올라섰다.",
    "{co:은} {place}에서 {power}급 {tech} 시설 착공식을 열었다.",
    "이번 계약 규모는 {usd:으로} 업계 최대 수준이다.",
    "{co:과} {co2:은} {tech} 공급망 안정을 위해 장기 계약을 {year}년까지 연장했다.",
    "{gov:과} {co:은} {place}에서 {tech} 실증 사업 착수식을 가졌다.",
    "시장조사업체에 따르면 글로벌 {tech} 시장은 {year}년 {usd} 규모로 성장할 전망이다.",
    "{co:은} {tech} 부문에서만 {money}의 매출을 올렸다.",
    "{person:은} {event} 기조연설에서 {tech}의 미래를 제시했다.",
    "{co:은} 최근 {co2:으로}부터 {tech} 관련 주문 {count:을} 추가로 확보했다.",
    "{co}의 {tech} 출하량은 전 분기보다 {pct} 증가했다.",
    "이에 따라 {co:은} {region} 지역에 {count_sites}의 {tech} 거점을 추가로 확보하기로 했다.",
    "{co:은} 올해 {tech} 연구개발(R&D)에 {money:을} 쏟아붓는다.",
]
RARE_SENTENCES = [
    "{co:은} " + RARE_TERM + " 기술을 적용한 {tech} 보안 모듈을 {year}년 상용화할 계획이다.",
    "{gov:은} " + RARE_TERM + " 전환 로드맵을 마련하고 {money:을} 지원하기로 했다.",
]
QUOTES = [
    "{tech:은} 한 회사가 혼자 해결할 수 없는 과제",
    "한국은 {tech} 분야에서 세계를 선도할 충분한 역량을 갖추고 있다",
    "{co2:과}의 협력은 글로벌 {tech} 생태계를 확장하는 기폭제가 될 것",
    "병목현상은 절대 혼자 해결할 수 없다",
    "앞으로도 국제 협력의 폭을 넓혀 각국 산업이 직면한 문제를 해결하겠다",
    "{tech} 수요는 앞으로 더 가파르게 늘어날 것",
    "{year}년까지 {tech} 분야 세계 1위를 지키겠다",
    "정부가 앞장서고 기업이 함께 뛰면 AI 3대 강국도 가능하다",
    "이번 투자는 {region} 지역 경제에도 큰 활력이 될 것",
    "{tech} 공급은 이미 내년 물량까지 완판됐다",
    "파트너와 함께 생태계를 키우는 것이 우리의 전략",
    "고객이 원하는 시점에 {tech:을} 공급할 수 있도록 준비하고 있다",
    "지금은 속도의 싸움이고, 늦으면 기회는 다시 오지 않는다",
    "{co2:과} 함께 {tech}의 새로운 표준을 만들어 가겠다",
    "전력과 인재 확보가 {tech} 경쟁의 승부처",
]
HEADLINES = [
    "{co}·{co2}, {tech} 동맹 강화…“{short}”",
    "{co}, {place}에 {money} 투자…{tech} 생산 확대",
    "{pname} “{short}”",
    "{tech} 수요 폭증에 {co} 실적 ‘고공행진’",
    "[단독] {co}, {co2:과} {tech} 공급 계약",
    "{co}·{co2}·{co3} 총집결…한국형 {tech} 생태계 본격 시동",
    "{event} 개막…{co}·{co2} {tech} 경쟁 후끈",
    "{co} “{tech} 월 {wafers} 공급”…{co2:과} 맞손",
    "{gov}, {tech}에 {money} 투입…“{short}”",
    "{co}, {tech} 점유율 {pct}…{co2} 추격",
    "파트너사 총출동한 {event}…“{short}”",
]
SUBHEADS = [
    "{pname} “{short}”", "{co}, {tech} 협력 박차", "{tech}·{tech2} 기반 '글로벌 AI 허브' 박차",
    "{co}·{co2:과} 전방위 협력 체결", "{gov}, {tech} 지원 확대", "{co}, {year}년 {tech} 양산 목표",
]
SHORT_QUOTES = [
    "혼자서는 AI 못해", "협력이 답", "내년 물량도 완판", "속도가 생명", "아시아 AI 허브로", "생태계 함께 키운다",
    "3대 강국 간다", "공급망 흔들림 없다", "초격차 지킨다",
]
OTHER_NEWS = [
    "내일부터 암 주요치료비 보험 판매 중지된다", "김장철 배춧값 10개월 만에 2000원대로 '뚝'",
    "근무시간에 유튜브 보고 은행가고…직장인 10명 중 6명 '조용한 휴가' 경험 [데이터클립]",
    "트럼프 당선 후 가장 많이 오른 이 업종…지금 들어가도 될까", "주말 전국 비…기온 뚝 떨어져",
    "\"아이 계정 삭제됐어요\"…SNS의 강력 규제, '진짜 목표'는 따로 있다? [이슈크래커]",
    "[인터뷰] 펀드매니저 “장기 투자로 美채권 주목”", "수능 D-30, 막판 컨디션 관리법",
    "서울 아파트값 7주 연속 상승", "올겨울 독감 유행 빨라진다",
]
CRYPTO = ["비트코인", "이더리움", "비트코인 캐시", "리플", "솔라나", "에이다", "이오스", "트론", "스텔라루멘", "체인링크"]
WEATHER_CITIES = ["동두천", "강릉", "서울", "대전", "대구", "울산", "광주", "부산", "고창", "제주", "강화", "보은", "금산",
                  "강진군", "경주시", "거제"]

_SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")


def _compile(template: str) -> list[tuple[str, str | None, str | None]]:
    """Split a template once into (literal, slot, particle) parts so filling is a join."""
    parts, pos = [], 0
    for m in _SLOT.finditer(template):
        parts.append((template[pos:m.start()], m.group(1), m.group(2)))
        pos = m.end()
    parts.append((template[pos:], None, None))
    return parts


COMPILED_SENTENCES = [_compile(t) for t in SENTENCES]
SENTENCES_WITH_ILNAL = {i for i, t in enumerate(SENTENCES) if "이날" in t}  # no "이날 … 이날"
COMPILED_SUBHEADS = [_compile(t) for t in SUBHEADS]
COMPILED_RARE = [_compile(t) for t in RARE_SENTENCES]
COMPILED_QUOTES = [_compile(t) for t in QUOTES]
COMPILED_HEADLINES = [_compile(t) for t in HEADLINES]

# --- Korean particles ----------------------------------------------------------------------------------

_LATIN_FINAL = {"l": "ㄹ", "r": "ㄹ", "m": "ㅁ", "n": "ㄴ"}  # letters read with a final consonant (엘 알 엠 엔)
_DIGIT_FINAL = {"0": "ㅇ", "1": "ㄹ", "3": "ㅁ", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ"}  # 영 일 삼 육 칠 팔


def _final_sound(word: str) -> str | None:
    """The final consonant of the word as read aloud, '' for none; ignores a trailing (…) gloss."""
    word = re.sub(r"\([^)]*\)$", "", word.rstrip()) or word
    ch = word[-1]
    if "가" <= ch <= "힣":
        jong = (ord(ch) - 0xAC00) % 28
        return "" if jong == 0 else ("ㄹ" if jong == 8 else "x")
    if ch.isdigit():
        return _DIGIT_FINAL.get(ch, "")
    if ch == "%":
        return ""
    return _LATIN_FINAL.get(ch.lower(), "")


_PARTICLES = {"은": ("은", "는"), "이": ("이", "가"), "을": ("을", "를"), "과": ("과", "와")}


def josa(word: str, particle: str) -> str:
    final = _final_sound(word)
    if particle == "으로":
        return word + ("로" if final in ("", "ㄹ") else "으로")
    with_final, without = _PARTICLES[particle]
    return word + (with_final if final else without)


def quoted(text: str, ending: str) -> str:
    """“…다”고 for a sentence, “…과제”라고 / “…것”이라고 for a noun ending."""
    if text.endswith("다"):
        return f"“{text}”{ending}"
    return f"“{text}”{'이라' if _final_sound(text) else '라'}{ending}"


# --- numbers --------------------------------------------------------------------------------------------


def in_eok(eok: int, unit: str = "원") -> str:
    """A count of 억 as Korean text: 7000000 -> 700조원, 42000 -> 4조2000억원, 15000 " 달러" -> 1조5000억 달러."""
    jo, rest = divmod(eok, 10000)
    if jo and rest:
        return f"{jo}조{rest}억{unit}"
    return f"{jo}조{unit}" if jo else f"{rest}억{unit}"


def money(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:
        text = f"{rng.choice([150, 300, 500, 800, 1200, 2000, 3500, 5000, 7000]) + rng.randrange(0, 10) * 100}억원"
    elif kind < 0.55:
        text = f"{rng.randint(1, 50)}조원"
    elif kind < 0.7:
        space = " " if rng.random() < 0.3 else ""
        text = f"{rng.randint(1, 40)}조{space}{rng.randint(1, 99) * 100}억원"
    elif kind < 0.8:
        low = rng.randint(1, 9)
        text = f"{low}~{low + rng.randint(1, 3)}조원"
    elif kind < 0.9:
        text = f"{rng.randint(1, 9)},{rng.randint(0, 9)}00억원"
    else:
        text = f"{rng.randint(2, 30)}조원 이상" if rng.random() < 0.5 else f"{rng.randint(100, 900)}억원가량"
    if rng.random() < 0.2 and not text.endswith(("상", "량")):
        text = rng.choice(["약 ", "최대 ", "총 "]) + text
    return text


def usd(rng: random.Random) -> str:
    eok = rng.choice([5, 10, 30, 50, 100, 300, 500, 1000, 5000]) * rng.randint(1, 4)
    text = in_eok(eok, " 달러")
    if rng.random() < 0.5:  # the seeds' bracketed conversion: 5000억 달러(약 700조원), at 1,400원/달러
        text += f"(약 {in_eok(eok * 1400)})"
    return text


def count(rng: random.Random) -> str:
    return rng.choice([
        lambda: f"월 {rng.randint(1, 99)}만장",
        lambda: f"{rng.randint(2, 50)}만 장",
        lambda: f"연간 {rng.randint(10, 500)}만 대",
        lambda: f"{rng.randint(100, 9000)}개",
        lambda: f"{rng.randint(2, 30)}만 개",
    ])()


def power(rng: random.Random) -> str:
    return rng.choice([
        lambda: f"{rng.choice([100, 200, 300, 500, 700])}메가와트",
        lambda: f"{rng.choice([100, 250, 500])}메가와트(MW)",
        lambda: f"{rng.randint(1, 5)}기가와트(GW)",
        lambda: f"{rng.choice([40, 80, 120])}MW",
    ])()


def pct(rng: random.Random) -> str:
    return f"{rng.randint(1, 60)}.{rng.randint(1, 99):02d}%" if rng.random() < 0.5 else f"{rng.randint(2, 80)}%"


def price(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.randint(2, 99)}만{rng.randint(0, 9)}{rng.choice(['000', '500', '200'])}원"
    return f"{rng.randint(20, 990) * 100:,}원"


def day(rng: random.Random) -> str:
    return rng.choice(["", "", "지난 "]) + f"{rng.randint(1, 30)}일"


# --- an article -------------------------------------------------------------------------------------------


class Article:
    """One article's state: its cast (companies, people) and the article-wide choices."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        leaders = rng.sample(LEADERS, rng.randint(1, 3))
        others = rng.sample(COMPANY_NAMES, rng.randint(1, 3))
        self.companies = leaders + [c for c in others if c not in leaders]
        self.people = [self._real_person() for _ in range(rng.randint(0, 2))]
        self.people += [self._made_up_person() for _ in range(rng.randint(1, 2))]
        self.mentioned: set[int] = set()
        self.techs = rng.sample(TECH, 3)
        self.in_sentence: set[str] = set()  # companies already named in the sentence being filled
        self.house_spelling: dict[str, str] = {}  # an article mostly keeps to one spelling of a name

    def _real_person(self) -> tuple[str, str, str]:
        names, short, company, title = self.rng.choice(REAL_PEOPLE)
        return self.rng.choice(names), short, f"{company} {title}"

    def _made_up_person(self) -> tuple[str, str, str]:
        rng = self.rng
        surname = rng.choice(SURNAMES)
        name = surname + rng.choice(GIVEN_SYLLABLES) + rng.choice(GIVEN_SYLLABLES)
        company = rng.choice(self.companies) if rng.random() < 0.6 else rng.choice(COMPANY_NAMES)
        title = rng.choice(EXEC_TITLES)
        return name, surname, f"{company} {title}"

    def company(self) -> str:
        rng = self.rng
        name = rng.choice(self.companies) if rng.random() < 0.75 else rng.choice(COMPANY_NAMES)
        while name in self.in_sentence:  # never "삼성전자와 삼성전자는"
            name = rng.choice(COMPANY_NAMES)
        self.in_sentence.add(name)
        forms = COMPANIES[name]
        if len(forms) == 1:
            return forms[0]
        house = self.house_spelling.setdefault(name, rng.choice(forms))
        return house if rng.random() < 0.8 else rng.choice(forms)

    def unrepeated(self, preferred: list[str], fallback: list[str]) -> str:
        """A value not used yet in this sentence (no "영남권과 영남권", "HBM·HBM")."""
        value = self.rng.choice(preferred)
        while value in self.in_sentence:
            value = self.rng.choice(fallback)
        self.in_sentence.add(value)
        return value

    def person(self) -> str:
        index = self.rng.randrange(len(self.people))
        name, short, role = self.people[index]
        if index not in self.mentioned:
            self.mentioned.add(index)
            company, _, title = role.rpartition(" ")
            if self.rng.random() < 0.2 and "(" not in company:  # 삼성전자 이재용 회장 (seed 004's order)
                return f"{company} {name} {title}"
            return f"{name} {role}"
        title = role.rpartition(" ")[2]
        return f"{short} {title.split('(')[0]}" if self.rng.random() < 0.7 else f"{name} {title}"

    def slot(self, name: str) -> str:
        rng = self.rng
        match name:
            case "co" | "co2" | "co3":
                return self.company()
            case "person":
                return self.person()
            case "person_new":
                return self._made_up_person()[0] + " " + rng.choice(["전무", "부사장", "상무"])
            case "pname":
                return self.rng.choice(self.people)[0]
            case "official":
                return rng.choice(OFFICIALS)
            case "gov":
                return rng.choice(GOVERNMENT)
            case "place":
                return rng.choice(PLACES)
            case "region" | "region2":
                return self.unrepeated(REGIONS, REGIONS)
            case "tech" | "tech2":
                return self.unrepeated(self.techs if rng.random() < 0.7 else TECH, TECH)
            case "event":
                return rng.choice(EVENTS)
            case "industry":
                return rng.choice(INDUSTRIES)
            case "day":
                return day(rng)
            case "money":
                return money(rng)
            case "usd":
                return usd(rng)
            case "count":
                return count(rng)
            case "wafers":
                return f"{rng.randint(10, 99)}만장"
            case "power":
                return power(rng)
            case "pct":
                return pct(rng)
            case "people_n":
                return f"{rng.randint(1, 99) * 100}명" if rng.random() < 0.7 else f"{rng.randint(1, 9)}만{rng.randint(1, 9)}000명"
            case "count_firms":
                return f"{rng.randint(10, 300)}개 기업"
            case "count_sites":
                return f"{rng.randint(2, 30)}곳"
            case "price":
                return price(rng)
            case "year":
                return str(rng.randint(2026, 2035))
            case "years":
                return str(rng.choice([5, 10, 20, 30, 40]))
            case "short":
                return rng.choice(SHORT_QUOTES)
            case "said":
                return rng.choice(SAID)
        raise KeyError(name)

    def fill(self, parts: list[tuple[str, str | None, str | None]], nested: bool = False) -> str:
        if not nested:
            self.in_sentence = set()
        out = []
        for literal, slot, particle in parts:
            out.append(literal)
            if slot == "quote":
                out.append(quoted(self.fill(self.rng.choice(COMPILED_QUOTES), nested=True), particle or "고"))
            elif slot:
                value = self.slot(slot)
                out.append(josa(value, particle) if particle else value)
        return "".join(out)

    def sentence(self) -> str:
        index = self.rng.randrange(len(COMPILED_SENTENCES))
        opener = "" if index in SENTENCES_WITH_ILNAL else self.rng.choice(CONNECTIVES)
        return opener + self.fill(COMPILED_SENTENCES[index])

    def paragraphs(self, count: int, target_chars: int, rare: bool) -> list[str]:
        rng = self.rng
        per_paragraph = target_chars // count
        paragraphs = []
        for _ in range(count):
            text = self.sentence()
            while len(text) < per_paragraph * 0.8:
                text += " " + self.fill(rng.choice(COMPILED_SENTENCES))
            paragraphs.append(text)
        if rare:
            at = rng.randrange(len(paragraphs))
            paragraphs[at] += " " + self.fill(rng.choice(COMPILED_RARE))
        return paragraphs


def _reporter(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN_SYLLABLES, 2))


def _caption(article: Article) -> str:
    rng = article.rng
    return (f"{josa(article.person(), '이')} {day(rng)} {rng.choice(PLACES)}에서 열린 {rng.choice(EVENTS)}에서 "
            f"{rng.choice(['발언하고', '기념 촬영하고', '전시 부스를 둘러보고', '대화를 나누고'])} 있다.")


def _bullets(items: list[str], blank: bool) -> str:
    return ("\n\n" if blank else "\n").join(f"  • {item}" for item in items)


def _weather(rng: random.Random) -> str:
    base = rng.uniform(-5, 28)
    rows = [f"{rng.choice(['맑음', '흐림', '구름많음', '비'])}{city} {base + rng.uniform(-4, 4):.1f}℃" for city in WEATHER_CITIES]
    return _bullets(rows, blank=False) + "\n기상청 제공"


def _ticker(rng: random.Random) -> str:
    rows = ["종목", "현재가(원)", "변동률"]
    for coin in CRYPTO:
        rows += [f"  • {coin}", f"  • {rng.randint(200, 140_000_000):,}", f"  • {rng.uniform(-9, 15):+.2f}%"]
    return "실시간 암호화폐 시세\n\n" + _bullets(rows, blank=False) + "\n* 24시간 변동률 기준"


def _related(article: Article) -> str:
    rng = article.rng
    items = rng.sample(OTHER_NEWS, 5) + [article.fill(rng.choice(COMPILED_HEADLINES)) for _ in range(2)]
    rng.shuffle(items)
    return "주요 뉴스\n\n" + _bullets([("단독 " if rng.random() < 0.2 else "") + i for i in items], blank=True)


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    """The file text plus what the generator knows is in it (ground truth for tests and quality checks)."""

    text: str
    paragraphs: list[str]  # body paragraphs as they appear in text (the first may carry a top byline)
    headline: str | None
    outlet: str
    reporters: list[str]
    date: str  # YYYY-MM-DDTHH:MM
    byline: str  # "top" | "end" | "none"
    repeated_body: bool


# The days a corpus's articles are dated over (first day, number of days), uniformly. Another span (`--since`,
# `--days`) makes an add shaped like a newsroom's: the week after the corpus, where the default spreads an add's
# articles over the same two years and so over every entity's and figure's rows (bench/add_writes.py).
DATES = (dt.date(2024, 1, 1), 2 * 365)


def generate(seed: int, index: int, dates: tuple[dt.date, int] = DATES) -> GeneratedArticle:
    """Article `index` of the corpus made with `seed` over `dates`; depends only on those three."""
    rng = random.Random(seed * 1_000_003 + index)
    article = Article(rng)
    first, days = dates
    when = dt.datetime.combine(first, dt.time()) + dt.timedelta(minutes=rng.randrange(days * 24 * 60))
    outlet, domain = rng.choice(OUTLETS)
    reporters = [_reporter(rng) for _ in range(1 if rng.random() < 0.8 else 2)]
    paragraphs = article.paragraphs(rng.randint(12, 24), rng.randint(1800, 2300), rare=rng.randrange(RARE_EVERY) == 0)

    byline = rng.choice(["top", "top", "end", "none"])
    if byline == "top":
        where = f"({rng.choice(PLACES).split()[-1]})" if rng.random() < 0.2 else ""
        paragraphs[0] = f"[{outlet}{where}={'·'.join(reporters)} 기자] {paragraphs[0]}"
    # Photos and section headers sit between paragraphs, in one of the seeds' three caption styles.
    photo_style = rng.choice(["stub", "triangle", "slash", "none"])
    headers = rng.random() < 0.25
    body: list[str] = []
    for i, text in enumerate(paragraphs):
        if i and rng.random() < 0.12:
            caption = _caption(article)
            if photo_style == "stub":
                body.append(f"![]() |\n| {caption} {rng.choice([f'[{article.company()} 제공]', f'{_reporter(rng)} 기자'])} |")
            elif photo_style == "triangle":
                line = f"▲{caption} (사진제공={article.company()})"
                body.append(f"{line}\n{line}")
            elif photo_style == "slash":
                body.append(f"{caption} /{article.company()}")
        if headers and i and i % 4 == 0:
            body.append(f"■ {article.fill(rng.choice(COMPILED_HEADLINES))}")
        body.append(text)
    if byline == "end":
        body.append(f"[{outlet} {'·'.join(reporters)} 기자]")
    separator = rng.choice(["\n", "\n\n", "\n\n\xa0\n\n"])
    text_body = separator.join(body)
    repeated_body = rng.random() < 0.05  # one seed carries its whole body twice
    if repeated_body:
        text_body += "\n" + text_body

    head: list[str] = []
    if rng.random() < 0.2:
        head.append(f"{when:%Y.%m.%d} ({WEEKDAYS[when.weekday()]})\n\n{_weather(rng)}\n\n{rng.choice(SECTIONS)}\n")
    if rng.random() < 0.15 and photo_style == "stub":
        head.append(f"![]() |\n| {_caption(article)} [{article.company()} 제공] |")
    headline = article.fill(rng.choice(COMPILED_HEADLINES)) if rng.random() < 0.85 else None
    if headline:
        head.append(headline + "\n")
    if rng.random() < 0.35:
        head.append(f"입력 {when:%Y-%m-%d %H:%M}")
    if rng.random() < 0.25:
        head.append(_bullets(["가장작게", "작게", "기본", "크게", "가장크게"], blank=True) + "\n")
    if rng.random() < 0.4:
        head.append("\n".join(article.fill(rng.choice(COMPILED_SUBHEADS)) for _ in range(rng.randint(1, 2))))

    tail: list[str] = []
    if rng.random() < 0.3:
        tail.append(_bullets([f"{r}{rng.choice([0, 0, 0, 1, 2, 5, 13])}" for r in ("좋아요", "화나요", "슬퍼요", "추가취재 원해요")],
                             blank=False))
    if rng.random() < 0.25:
        tail.append(_related(article))
    if rng.random() < 0.1:
        tail.append(_ticker(rng))
    if rng.random() < 0.3:
        tail.append(f"발로 뛰는 {josa(outlet, '은')} 24시간 여러분의 제보를 기다립니다.\n▶카카오톡: '{outlet}제보' 검색\n"
                    f"▶이메일: jebo@{domain}\n▶뉴스 홈페이지: http://www.{domain}/report")
    if rng.random() < 0.3:
        tail.append(f"<저작권자 © {outlet} 무단전재 및 재배포 금지>")
    if rng.random() < 0.15:
        tail.append("댓글목록\n등록된 댓글이 없습니다.")
    text = "\n".join(head + [text_body] + tail) + rng.choice(["", "\n", "\n\n\n\n"])
    return GeneratedArticle(text, paragraphs, headline, outlet, reporters, f"{when:%Y-%m-%dT%H:%M}", byline, repeated_body)


# --- stories: one event told by several outlets (labelled, for bench/eval_stories.py) -------------------
# Each event has facts (two companies, a person, a place, a technology, a dollar amount, a monthly volume, a
# hiring figure). It is told first by one outlet, then as verbatim reprints (another headline and byline over
# the same body), light edits (a paragraph dropped, a sentence reworded) and rewrites (the same facts in other
# words, other background). Traps: the same two companies in another event in the same week, and a follow-up
# a month later. Labels: "story" (same event) and "text" (the same text give or take small edits).

STORIES_DIR = "stories"
STORY_LABELS = ".bench-stories.json"  # hidden, like the manifest
WON_PER_DOLLAR = (1380, 1400, 1450)  # outlets convert at different rates: one figure, several conversions

# Three phrasings of each fact: telling 0 uses the first, rewrites another.
FACT_PHRASES = {
    "deal": [
        "{co:은} {co2:과} {usd} 규모의 {tech} 공급 계약을 체결했다고 {day} 밝혔다.",
        "{co2:이} {co}에 {tech:을} 대규모로 공급한다. 두 회사가 {day} 서명한 계약의 규모는 {usd}에 이른다.",
        "{usd}짜리 {tech} 거래가 성사됐다. {co:과} {co2:은} {day} 이런 내용의 계약서에 도장을 찍었다.",
    ],
    "volume": [
        "공급 물량은 월 {wafers}에 달할 것으로 예상된다.",
        "회사 측은 매달 {wafers} 안팎이 오갈 것으로 내다봤다.",
        "업계 추산으로는 월 {wafers} 규모의 물량이 움직인다.",
    ],
    "site": [
        "{co2:은} 이를 위해 {place}에 전용 생산 라인을 새로 짓는다.",
        "전용 라인은 {place}에 들어선다.",
        "생산은 {place} 신규 라인이 맡게 된다.",
    ],
    "jobs": [
        "이번 계약으로 {people_n}의 신규 고용이 생길 것으로 회사는 기대했다.",
        "{people_n} 규모의 일자리가 새로 만들어질 전망이다.",
        "회사는 새 라인에서 일할 인력 {people_n:을} 뽑을 계획이다.",
    ],
    "quote": [
        "{person:은} “{tech} 협력의 새로운 이정표가 될 것”이라고 말했다.",
        "{person:은} 기자들과 만나 “양사 모두에게 의미가 큰 계약”이라고 평가했다.",
        "“오래 준비해 온 결과”라고 {person:은} 소감을 밝혔다.",
    ],
}
FACT_ORDER = ["deal", "volume", "site", "jobs", "quote"]


@dataclass(frozen=True, slots=True)
class StoryTelling:
    """One article of a labelled story set: its file text and what it is."""

    name: str  # file name under stories/
    text: str
    story: str  # event label: tellings with the same label are one story
    group: str  # text label: tellings with the same label are near-duplicates (or identical)
    kind: str  # first | reprint | edit | rewrite | trap | follow-up
    date: str


class _Event:
    """An event's facts, fixed once, phrased differently by each telling."""

    def __init__(self, rng: random.Random, when: dt.datetime, companies: tuple[str, str] | None = None) -> None:
        self.rng = rng
        self.when = when
        pool = GENERATED_COMPANIES + COMPANY_NAMES[12:]  # not the industry leaders: names that tell events apart
        self.co, self.co2 = companies or tuple(rng.sample(pool, 2))
        surname = rng.choice(SURNAMES)
        self.person = (surname + "".join(rng.sample(GIVEN_SYLLABLES, 2)), surname, f"{self.co} {rng.choice(EXEC_TITLES)}")
        self.place = rng.choice(PLACES)
        self.tech = rng.choice(TECH)
        # An event's own figures are specific (437억 달러, 93만4000장, 2730명), unlike the background's round pool
        self.usd_eok = rng.randint(31, 999) * rng.choice([1, 10])
        self.wafers = f"{rng.randint(2, 99)}만{rng.randint(1, 9)}000장"
        self.people_n = f"{rng.randint(101, 999) * 10}명"

    def article(self, rng: random.Random) -> Article:
        article = Article(rng)
        article.companies = [self.co, self.co2]
        article.people = [self.person]
        article.techs = [self.tech] * 3
        return article

    def fact(self, article: Article, key: str, phrasing: int, rate: int) -> str:
        usd_text = in_eok(self.usd_eok, " 달러") + f"(약 {in_eok(round(self.usd_eok * rate / 10000) * 10000 or self.usd_eok * rate)})"
        fixed = {"co": self.co, "co2": self.co2, "place": self.place, "tech": self.tech, "usd": usd_text,
                 "wafers": self.wafers, "people_n": self.people_n, "day": f"{self.when.day}일"}
        template = FACT_PHRASES[key][phrasing % len(FACT_PHRASES[key])]
        out, pos = [], 0
        for m in _SLOT.finditer(template):
            out.append(template[pos:m.start()])
            slot, particle = m.group(1), m.group(2)
            value = article.person() if slot == "person" else fixed[slot]
            out.append(josa(value, particle) if particle else value)
            pos = m.end()
        out.append(template[pos:])
        return "".join(out)

    def body(self, rng: random.Random, phrasing: int, rate: int, filler: int) -> list[str]:
        """The facts in one phrasing, with `filler` background paragraphs around them (in this telling's words)."""
        article = self.article(rng)
        facts = [self.fact(article, key, phrasing, rate) for key in FACT_ORDER]
        if phrasing:
            rng.shuffle(facts[1:])  # a rewrite orders the facts after the lead its own way
        background = [article.sentence() + " " + article.sentence() for _ in range(filler)]
        paragraphs = [facts[0]]
        for i, fact in enumerate(facts[1:]):
            paragraphs.append(fact + " " + background[i] if i < len(background) else fact)
        return paragraphs + background[len(facts) - 1:]


def _story_file(outlet: str, reporter: str, headline: str, paragraphs: list[str], when: dt.datetime) -> str:
    lead = f"[{outlet}={reporter} 기자] {paragraphs[0]}"
    return "\n".join([headline, "", f"입력 {when:%Y-%m-%d %H:%M}", "", lead, *paragraphs[1:], ""])


def generate_story(seed: int, k: int) -> list[StoryTelling]:
    """Story k of the labelled set: an event's tellings, and its traps. Depends only on (seed, k)."""
    rng = random.Random((seed + 7_919) * 1_000_003 + k)
    when = dt.datetime(2024, 1, 1) + dt.timedelta(minutes=rng.randrange(2 * 365 * 24 * 60))
    event = _Event(rng, when)
    label = f"s{k}"
    out: list[StoryTelling] = []

    def add(kind: str, story: str, group: str, paragraphs: list[str], at: dt.datetime) -> None:
        outlet = rng.choice(OUTLETS)[0]
        headline = event.article(rng).fill(rng.choice(COMPILED_HEADLINES))
        text = _story_file(outlet, _reporter(rng), headline, paragraphs, at)
        out.append(StoryTelling(f"{k:05d}_{len(out):02d}_{kind}.txt", text, story, group, kind, f"{at:%Y-%m-%dT%H:%M}"))

    first = event.body(rng, 0, rng.choice(WON_PER_DOLLAR), rng.randint(6, 10))
    add("first", label, f"{label}t0", first, when)
    for _ in range(rng.randint(0, 3)):  # verbatim reprints: another outlet's headline and byline, the same body
        add("reprint", label, f"{label}t0", first, when + dt.timedelta(minutes=rng.randint(10, 600)))
    for _ in range(rng.randint(0, 2)):  # light edits: a background paragraph dropped, a fact reworded
        edited = list(first)
        del edited[rng.randrange(5, len(edited))]
        edited[2] = event.fact(event.article(rng), "site", 1, 1400) + edited[2][len(edited[2].split(". ")[0]) + 1:]
        add("edit", label, f"{label}t0", edited, when + dt.timedelta(minutes=rng.randint(30, 1440)))
    for r in range(rng.randint(1, 3)):  # rewrites: the same facts in other words, other background
        rewrite = event.body(rng, 1 + r % 2, rng.choice(WON_PER_DOLLAR), rng.randint(5, 9))
        add("rewrite", label, f"{label}r{r}", rewrite, when + dt.timedelta(minutes=rng.randint(30, 2 * 1440)))
    # Trap: the same two companies, another event, within the week
    other = _Event(rng, when + dt.timedelta(days=rng.choice([-3, -2, -1, 1, 2, 3])), companies=(event.co, event.co2))
    add("trap", f"{label}x", f"{label}x", other.body(rng, rng.randrange(3), 1400, rng.randint(6, 10)), other.when)
    # Follow-up a month later: the same companies and technology, a new step, the old amount recalled
    later = _Event(rng, when + dt.timedelta(days=rng.randint(28, 40)), companies=(event.co, event.co2))
    later.tech, later.person = event.tech, event.person
    follow = later.body(rng, 0, 1400, rng.randint(5, 8))
    follow.insert(1, f"이는 지난달 맺은 {in_eok(event.usd_eok, ' 달러')} 규모 계약의 후속 조치다.")
    add("follow-up", f"{label}f", f"{label}f", follow, later.when)
    return out


def write_stories(count: int, outdir: Path, seed: int = 0) -> dict[str, dict[str, str]]:
    """Write `count` labelled stories under outdir/stories and their labels; returns {relative path: labels}."""
    folder = outdir / STORIES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    labels: dict[str, dict[str, str]] = {}
    for k in range(count):
        for telling in generate_story(seed, k):
            (folder / telling.name).write_text(telling.text, encoding="utf-8")
            labels[f"{STORIES_DIR}/{telling.name}"] = {"story": telling.story, "group": telling.group,
                                                       "kind": telling.kind, "date": telling.date}
    (outdir / STORY_LABELS).write_text(json.dumps(labels, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return labels


def render_article(seed: int, index: int, dates: tuple[dt.date, int] = DATES) -> str:
    return generate(seed, index, dates).text


def article_path(outdir: Path, seed: int, index: int, text: str, files_per_dir: int) -> Path:
    digest = hashlib.blake2b(f"{seed}:{index}".encode() + text.encode(), digest_size=8).hexdigest()
    return outdir / f"{index // files_per_dir:04d}" / f"{index:06d}_{digest}.txt"


def _write_range(args: tuple[str, int, int, int, int, tuple[dt.date, int]]) -> tuple[int, int]:
    outdir, seed, start, stop, files_per_dir, dates = args
    written_bytes = 0
    for i in range(start, stop):
        text = render_article(seed, i, dates)
        path = article_path(Path(outdir), seed, i, text, files_per_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        written_bytes += len(data)
    return stop - start, written_bytes


def make_corpus(count: int, outdir: Path, seed: int = 0, files_per_dir: int = 1000, workers: int | None = None,
                dates: tuple[dt.date, int] = DATES) -> dict:
    """Write `count` articles dated over `dates` under `outdir` and a hidden manifest; returns the manifest."""
    outdir.mkdir(parents=True, exist_ok=True)
    workers = workers or os.cpu_count() or 1
    chunk = 500
    jobs = [(str(outdir), seed, s, min(s + chunk, count), files_per_dir, dates) for s in range(0, count, chunk)]
    started = time.perf_counter()
    if workers == 1 or len(jobs) <= 1:
        results = [_write_range(job) for job in jobs]
    else:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_write_range, jobs))
    manifest = {
        "articles": count, "seed": seed, "files_per_dir": files_per_dir, "generator_version": GENERATOR_VERSION,
        "bytes": sum(b for _, b in results), "rare_term": RARE_TERM, "seconds": round(time.perf_counter() - started, 2),
        "first_day": dates[0].isoformat(), "days": dates[1],
    }
    (outdir / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate N synthetic Korean news articles (one .txt each).")
    parser.add_argument("count", metavar="N", type=int)
    parser.add_argument("outdir", metavar="OUTDIR", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--files-per-dir", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    parser.add_argument("--stories", type=int, default=0, metavar="K",
                        help="also write K labelled stories (reprints, edits, rewrites, traps) under OUTDIR/stories")
    parser.add_argument("--since", type=dt.date.fromisoformat, default=DATES[0], metavar="YYYY-MM-DD",
                        help=f"the first day articles are dated (default {DATES[0]})")
    parser.add_argument("--days", type=int, default=DATES[1], help=f"days they are dated over (default {DATES[1]})")
    args = parser.parse_args(argv)
    if args.count < 1 or args.files_per_dir < 1 or args.stories < 0 or args.days < 1:
        parser.error("N, --files-per-dir and --days must be at least 1, --stories at least 0")
    manifest = make_corpus(args.count, args.outdir, args.seed, args.files_per_dir, args.workers, (args.since, args.days))
    if args.stories:
        labels = write_stories(args.stories, args.outdir, args.seed)
        print(f"{len(labels)} labelled story articles in {args.outdir / STORIES_DIR}", file=sys.stderr)
    print(f"{manifest['articles']} articles, {manifest['bytes'] / 1e6:.1f} MB in {args.outdir} "
          f"({manifest['seconds']} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
