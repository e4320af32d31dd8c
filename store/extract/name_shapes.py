"""What a person's name looks like, word by word, before any title confirms it: a Korean name (a surname and a
given name), a Japanese name (two words in the kana inventory), a foreign name pair (젠슨 황, not 만난 최).
The people, player and role rules all ask these."""
from __future__ import annotations

from functools import lru_cache

from .lexicon import _COMPOUND_SURNAMES, _is_hangul
from .rules_base import _ADNOMINALS, _FUNCTION_WORDS, _LOANWORD_SYLLABLES, _NOT_NAMES, _Word

_SURNAMES = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 "
    "우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 "
    "맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 태 피".split()
)
_NOT_NAME_ENDINGS = frozenset("당 팀 돼 져 측")

# only the syllables of Japanese kana: the vowels a i u e o (ya yu yo, wa), u as ㅡ after s/z/ts (스 즈 츠 쓰), no final
# consonant but ㄴ. Korean words almost never keep to that inventory over two words of five syllables or more.
_JP_VOWELS = frozenset((0, 2, 5, 8, 12, 13, 17, 20))  # ㅏ ㅑ ㅔ ㅗ ㅛ ㅜ ㅠ ㅣ
_JP_U_ONSETS = frozenset((9, 10, 12, 14))  # ㅅ ㅆ ㅈ ㅊ + ㅡ
_JP_TENSE = frozenset((1, 4, 8, 10, 13))  # ㄲ ㄸ ㅃ ㅆ ㅉ: only 쓰


@lru_cache(maxsize=1 << 14)
def _japanese_shaped(word: str) -> bool:
    """A word of two to five syllables spelled only with the Hangul a Japanese name is written in (see _JP_VOWELS)."""
    if not 2 <= len(word) <= 5:
        return False
    for c in word:
        if not "가" <= c <= "힣":
            return False
        code = ord(c) - 0xAC00
        onset, vowel, final = code // 588, code % 588 // 28, code % 28
        if final not in (0, 4):
            return False
        if vowel == 18:  # ㅡ
            if onset not in _JP_U_ONSETS:
                return False
        elif vowel == 9:  # ㅘ: 와 only
            if onset != 11:
                return False
        elif vowel not in _JP_VOWELS or onset in _JP_TENSE:
            return False
    return True


# Syllables Japanese names are full of and Korean words are not (ka ki ku ke ko, ta chi tsu te to, hi fu, shi sho kyo zu yo):
# 주민이 주체가 keeps to the inventory too, but has none of them.
_JP_MARKERS = frozenset("카 키 쿠 케 코 타 치 츠 쓰 테 토 후 히 시 쇼 쿄 즈 요".split())


_NOT_JAPANESE_WORDS = _NOT_NAMES | _FUNCTION_WORDS | _ADNOMINALS


def _japanese_pair(first: str, last: str) -> bool:
    """A Japanese family and given name (사토 시게타카, 신조 쓰요시): both Japanese-shaped, five syllables or more, two of
    them marker syllables (see _JP_MARKERS)."""
    return (len(first) + len(last) >= 5 and _japanese_shaped(first) and _japanese_shaped(last)
            and sum(c in _JP_MARKERS for c in first + last) >= 2 and first not in _NOT_JAPANESE_WORDS and last not in _NOT_JAPANESE_WORDS)


# Words in the kana inventory that stand before a player's or an official's first name (투수 케이시, 시즌 루키): not a family
# name when no title confirms one.
# Loanwords in the same inventory that open a phrase of investing or retail (시리즈 투자, 사이즈 조정): no family name either.
_NOT_JAPANESE_FAMILY = frozenset("""투수 타자 포수 시즌 루키 에이스 코치 감독 선수 신인 오후 오전 주요 수도 이후 우수 후보 지지 시기 도시
    시리즈 사이즈 비즈니스 뉴스 시니어 주니어 콘텐츠 컨텐츠 스포츠""".split())


# Western given names as Korean news writes them (조지 W. 부시, 콜린 파월, 잭 스트로): a word of these before another name
# word opens a foreign name even without a loanword syllable. Not words of the language (팀, 짐, 빌, 마크 as a mark's word).
_WESTERN_GIVEN = frozenset("""조지 콜린 잭 존 폴 톰 마이크 마이클 제임스 데이비드 데이빗 로버트 윌리엄 리처드 리차드 토머스 토마스 찰스 조셉 조지프
    도널드 로널드 빌리 헨리 에드워드 앤서니 앤드루 앤드류 스티븐 스티브 케빈 브라이언 티머시 제이슨 제프리 크리스토퍼 크리스 매튜 매슈
    피터 패트릭 프랭크 레이먼드 그레고리 래리 로런스 로렌스 제프 더글러스 해리 앨런 알렉산더 니컬러스 니콜라스 닉 벤저민 벤자민 새뮤얼
    테드 에릭 아서 월터 제럴드 지미 버락 힐러리 콘돌리자 매들린 낸시 엘리자베스 메리 캐서린 마거릿 수전 수잔 린다 바버라
    제니퍼 앤 헬렌 케이트 에마 에밀리 올리비아 소피아 마리아 안나 줄리아 로라 레이철 미셸 카멀라 토니 고든 데이비 테리사 보리스 리시
    키어 피에르 미셸 프랑수아 니콜라 에마뉘엘 자크 앙겔라 게르하르트 헬무트 올라프 프랑크발터 세르게이 블라디미르 드미트리
    미하일 알렉세이 호세 후안 카를로스 루이스 마누엘 안토니오 페드로 미겔 하비에르 마리오 주세페 조르조 지오반니 마테오
    실비오 안드레아스 한스 프리드리히 빌헬름""".split())


def _name_pair(run: list[_Word]) -> list[_Word] | None:
    """The two words of a run of name-like words that name a person: a Japanese name (니혼햄 파이터스 신조 쓰요시 →
    신조 쓰요시; 니시무라 데이치 사쿠라 크레파스 → 니시무라 데이치), else the first pair that starts with a
    transliterated word (만난 젠슨 황 → 젠슨 황; 스티븐 발라반 람다 → 스티븐 발라반), else the first that can be
    a foreign name at all (팀 쿡), else none (만난 최)."""
    for i in range(len(run) - 1):
        if _japanese_pair(run[i].core, run[i + 1].core):
            return run[i : i + 2]
    pairs = [run[i : i + 2] for i in range(len(run) - 1) if _foreign_name_pair(run[i].core, run[i + 1].core)]
    for first, last in pairs:
        if any(c in _LOANWORD_SYLLABLES for c in first.core):
            return [first, last]
    if len(run) > 2:
        return None  # “금리 인하 고려 여건 형성”: a phrase of common nouns, none of them transliterated, is no name
    return pairs[0] if pairs else None


def _foreign_name_pair(first: str, last: str) -> bool:
    """Two words that can be a foreign name. A one-syllable Korean surname after a word with no loanword
    syllable is a verb or adverb before a surname and title (만난 최 회장, 찾은 황 CEO), not a name like
    젠슨 황."""
    if len(last) == 1 and last in _SURNAMES and not any(c in _LOANWORD_SYLLABLES for c in first):
        return False
    # A long word with no loanword syllable is a Korean compound (도곡시장 전라도반찬집 사장), not half a foreign name
    return not any(len(w) >= 4 and not any(c in _LOANWORD_SYLLABLES for c in w) for w in (first, last))


def _looks_korean_name(core: str) -> bool:
    if len(core) == 4 and core[:2] in _COMPOUND_SURNAMES:
        given = core[2:]
    elif len(core) == 3 and core[0] in _SURNAMES:
        given = core[1:]
    else:
        return False
    if core[-1] in _NOT_NAME_ENDINGS:
        return False  # 공화당 (a party), 서빙팀 (a team), 임용돼 (a verb): no given name ends so
    return all(_is_hangul(c) for c in core) and not any(c in _LOANWORD_SYLLABLES for c in given)


# Surnames as Hanja, with their Hangul readings (金 김, 李 이/리, 柳 류/유): a name glossed in Hanja (진념 (陳稔), 고건 (高建))
# starts with the Hanja of the surname its Hangul starts with.
_HANJA_SURNAMES: dict[str, str] = {
    "金": "김", "李": "이리", "朴": "박", "崔": "최", "鄭": "정", "丁": "정", "程": "정", "姜": "강", "康": "강", "江": "강",
    "趙": "조", "曺": "조", "曹": "조", "尹": "윤", "張": "장", "蔣": "장", "章": "장", "林": "임림", "任": "임", "韓": "한",
    "吳": "오", "呉": "오", "徐": "서", "申": "신", "辛": "신", "愼": "신", "慎": "신", "權": "권", "黃": "황", "安": "안",
    "宋": "송", "柳": "류유", "劉": "류유", "兪": "유", "庾": "유", "全": "전", "田": "전", "錢": "전", "洪": "홍", "高": "고",
    "文": "문", "梁": "양량", "楊": "양", "孫": "손", "裵": "배", "裴": "배", "白": "백", "許": "허", "南": "남", "沈": "심",
    "盧": "노로", "魯": "노로", "河": "하", "郭": "곽", "成": "성", "車": "차", "朱": "주", "周": "주", "禹": "우", "具": "구",
    "丘": "구", "閔": "민", "陳": "진", "秦": "진", "晉": "진", "羅": "나라", "池": "지", "智": "지", "嚴": "엄", "蔡": "채",
    "元": "원", "千": "천", "方": "방", "孔": "공", "玄": "현", "咸": "함", "卞": "변", "邊": "변", "廉": "염", "呂": "여",
    "秋": "추", "都": "도", "蘇": "소", "石": "석", "宣": "선", "薛": "설", "馬": "마", "吉": "길", "延": "연", "魏": "위",
    "表": "표", "明": "명", "奇": "기", "潘": "반", "王": "왕", "琴": "금", "玉": "옥", "陸": "육", "印": "인", "孟": "맹",
    "諸": "제", "卓": "탁", "鞠": "국", "魚": "어", "殷": "은", "片": "편", "龍": "용", "芮": "예", "慶": "경", "奉": "봉",
    "夫": "부", "太": "태", "皮": "피", "睦": "목", "房": "방", "董": "동", "桂": "계", "牟": "모", "尙": "상", "尚": "상",
    "邢": "형", "弓": "궁", "昔": "석", "承": "승", "于": "우", "余": "여",
}
_COMPOUND_HANJA_SURNAMES = {"南宮": "남궁", "皇甫": "황보", "諸葛": "제갈", "鮮于": "선우", "獨孤": "독고", "司空": "사공", "西門": "서문"}


def _is_hanja(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def hanja_glossed_name(hangul: str, hanja: str) -> bool:
    """A Korean name glossed by its Hanja (진념 陳稔, 고건 高建, 김수한 金守漢, 남궁석 南宮晳): two to four Hangul syllables and as
    many Hanja, the Hanja surname read as the Hangul one. A word glossed so (지양 止揚) starts with no surname's Hanja read so."""
    if not 2 <= len(hangul) <= 4 or len(hanja) != len(hangul) or not all(map(_is_hanja, hanja)):
        return False
    if not all(_is_hangul(c) for c in hangul):
        return False
    compound = _COMPOUND_HANJA_SURNAMES.get(hanja[:2])
    if compound is not None and hangul.startswith(compound) and len(hangul) >= 3:
        return True
    return hangul[0] in _HANJA_SURNAMES.get(hanja[0], "") and len(hangul) <= 3
