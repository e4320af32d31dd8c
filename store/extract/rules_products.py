"""Rules that find products and quoted names: model codes (H100, 갤럭시 S25), quoted games, apps, firms and
events introduced by the word before them, quoted names introduced as launched."""
from __future__ import annotations

import re

from .lexicon import _has_hangul, _has_latin, _is_hangul, _is_tail
from .rules_base import _ArticleBase, _EVENT_SUFFIXES, _GENERIC_LATIN_UPPER, _Hit, _NOT_NAMES, _is_amount, _strip_tail
from .name_shapes import _looks_korean_name

# A model code: capitals and 3-4 digits (H100, MI450, AI250, GB200), never glued to other letters or digits.
_MODEL_CODE = re.compile(r"(?<![A-Za-z0-9&.\-])[A-Z]{1,3}\d{3,4}[A-Z]?(?![A-Za-z0-9%~만억조천백]|[.,]\d)")
# A model code in brackets right after the kind of product it is (see rules_brackets: no pair is made of the two).
_KIND_AND_CODE = re.compile(r"(?:모니터|엔진|TV|노트북|스마트폰|태블릿|프로세서|모델|카메라|냉장고|세탁기|에어컨|청소기|프린터|드론|로봇|"
                            r"단말기|휴대폰|이어폰|헤드폰|스피커|워치|칩셋|칩|신제품|제품) ?\(((?:[A-Z][A-Z0-9]{0,9}(?:-[A-Z0-9]{1,6}){1,3}"
                            r"|[A-Z]{1,4}\d{2,5}[A-Z0-9]{0,6}))\)")
_NOT_MODEL_PREFIXES = ("RE", "ISO", "KS", "ES", "SP", "PM", "TOP")
# A product family followed by its model: 갤럭시 S25, 갤럭시 Z 폴드7, 아이오닉6, 아이폰 16.
_FAMILY_MODEL = re.compile(
    r"(?<![가-힣A-Za-z0-9])(?:(?:갤럭시(?: ?(?:탭|워치|버즈|북))?|아이오닉|아이폰|아이패드|맥북(?: ?(?:에어|프로))?|픽셀) ?"
    r"(?:[A-Z]{1,2} ?)?(?:폴드|플립)?\d{1,3}|엑시노스 ?\d{3,4}|스냅드래곤 ?\d{1,3}"
    # 갤럭시 노트, 갤럭시노트8, 갤럭시 폴드, 갤럭시 Z 플립: Samsung's lines are named without a number as often as with one
    r"|갤럭시 ?(?:Z ?)?(?:노트|폴드|플립)(?: ?\d{1,2})?"
    r"|아이폰 ?X)[A-Z+]?(?![A-Za-z0-9%~만억조천백]|[.,]\d)"  # 아이폰X, 아이폰XS: the tenth, in a Roman numeral
)
_MODEL_VARIANT = re.compile(  # 갤럭시 S8 플러스; glued too after a model's digit (갤럭시S8플러스의)
    r" (?:울트라|플러스|프로 맥스|프로|엣지|미니|FE|Ultra|Plus|Pro Max|Pro|엘리트|Elite|(?:Gen|젠) ?\d)(?![A-Za-z0-9])"
    r"|(?<=\d)(?:울트라|플러스|엣지)(?![A-Za-z0-9])")
# Words that say the quoted title after them is a game or an app (게임 '에버소울', 기대작 ‘아키에이지 워’).
_WORK_WORDS = frozenset("""게임 신작 기대작 후속작 흥행작 대표작 모바일게임 온라인게임 앱 애플리케이션 챗봇 칩 프로세서 요금제
    드라마 예능 영화 앨범 정규앨범 미니앨범 싱글 신곡 타이틀곡 웹툰 뮤지컬
    학술지 국제학술지 저널 과학저널 잡지 월간지 계간지
    미니밴 세단 해치백 쿠페 왜건 지프 SUV 경차 소형차 준중형차 중형차 준대형차 대형차 승용차 트럭 픽업트럭 스포츠카 전기차 수소차
    신차 신형 후속모델 제품군 유료회원제 회원제 멤버십 OTT
    응용프로그램 어플리케이션 어플 모바일앱 브라우저 웹브라우저""".split())  # 무료 응용프로그램인 '재키 월페이퍼'가  # and journals: 재료과학 학술지 '어드밴스드 머티리얼즈'의  # also songs, albums, shows: 싱글 ‘겨울소리’
_ALBUM_NUMBER = re.compile(r"\d{1,2}집")
# What may stand before a kind word in the same written word: a list's bullet (신차는▶미니밴 '카니발'), a size (5t트럭 '라이노').
_KIND_PREFIX = re.compile(r"^.*[▶▲△■◆●□◇]|^[0-9.,]+(?:t|톤|㏄|cc|인승)")  # not 1집 (an album's number: see _ALBUM_NUMBER)
# A model that another is named the successor of (▶아벨라 후속모델 '델타', 쏘나타 후속 차종): the older model; words that only
# say which one (기존, 이전 후속모델) are none.
_SUCCEEDED = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z0-9][가-힣A-Za-z0-9\-]{1,11}) 후속 ?(?:모델|차종|차량)(?![가-힣])|"
                        r"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z0-9][가-힣A-Za-z0-9\-]{1,11}) 후속 ?(?:모델|차종|차량)(?=[은는이가을를의과와도로])")
_NOT_SUCCEEDED = frozenset("기존 이전 신형 구형 차기 인기 주력 대표 해당 새 그 이 저 모든 각 일부 첫 마지막 직접".split())
# A weapon's code and its kind (K10 탄약운반차, K239 다연장로켓, KUH-1 헬기): the product is code and kind together; a foreign
# system's name glossed in Latin before its kind (퍼티나(Firtina) 자주포) is one too.
_WEAPON_KINDS = ("자주포", "견인포", "탄약운반차", "장갑차", "보병전투차", "전차", "전투기", "훈련기", "공격기", "경공격기", "수송기",
                 "정찰기", "헬기", "잠수함", "구축함", "호위함", "상륙함", "다연장로켓", "미사일", "유도무기", "대공포", "소총", "기관총")
_WEAPON = re.compile(r"(?<![A-Za-z0-9&.\-])([A-Z]{1,4}-?\d{1,4}[A-Z]?) ?(" + "|".join(_WEAPON_KINDS) + r")(?![가-힣])"
                     r"|(?<![A-Za-z0-9&.\-])([A-Z]{1,4}-?\d{1,4}[A-Z]?) ?(" + "|".join(_WEAPON_KINDS) + r")(?=[은는이가을를의과와도로])")
_GLOSSED_WEAPON = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,8})\([A-Z][A-Za-z\- ]{2,20}\) ?(?:" + "|".join(_WEAPON_KINDS) + ")")
# A code written in mixed case with a capital after a small letter, then digits (PzH2000, MiG29 too): a model's name.
_CAMEL_CODE = re.compile(r"(?<![A-Za-z0-9&.\-])[A-Z][a-z]{1,2}[A-Z]{1,2}-?\d{2,4}[A-Z]?(?![A-Za-z0-9%~만억조천백]|[.,]\d)")
_CAMEL_HINT = re.compile(r"[a-z][A-Z]{1,2}-?\d")  # starts with a class: scanned fast; few texts have it, the pattern runs on those
# A coin and its ticker in brackets (테더(USDT) 마켓, 비트코인(BTC)): a product, when the name ends in 코인, a coin word stands
# before it or a market's word after it.
_TICKER = re.compile(r"\(([A-Z]{3,5})\)")  # found first (a literal bracket: a fast scan), then the name before it
_COIN_NAME = re.compile(r"(?<![가-힣A-Za-z0-9])[가-힣]{2,8}\Z")
_COIN_BEFORE = ("코인", "스테이블코인", "가상자산", "암호화폐", "가상화폐", "알트코인", "밈코인")
_COIN_AFTER = re.compile(r" ?(?:마켓|가격|시세|거래량|시가총액|코인|현물|선물)")
# A service named with its operator, whose name holds the service's (웨이브 운영사인 콘텐츠웨이브): the service is a product.
_OPERATOR = re.compile(r" 운영(?:사|업체|기업|회사)(?:인|이자|는|가|의)? ([가-힣A-Za-z0-9]{2,16})")  # then the service before it
_SERVICE_BEFORE = re.compile(r"(?<![가-힣A-Za-z0-9])[가-힣A-Za-z0-9]{2,10}\Z")
# The name a model is sold under elsewhere, in brackets after it (포르테 쿠페(국내명 K3 쿠페), 옵티마(국내명 K5)): a product.
_MARKET_NAME = re.compile(r"\((?:국내명|국내 출시명|국내 판매명|수출명|해외명|현지명|미국명|북미명|유럽명)\s?([^()\n,]{1,20})\)")
# What may stand between two quoted titles of one list (‘A’ ‘B’, ‘A’, ‘B’, ▲‘A’ ▲‘B’).
_LIST_SEPARATORS = frozenset(["", ",", "·", "▲", "△", "■", "◆", "-", "、"])
# A video or trailer of a game named with it in quotes (‘카트라이더: 드리프트 영상’): the game is the name.
# A bulleted list (△A △B △C) closed by 등 and what kind of product the items are: the end of the last item.
_BULLETS = "△▲"
_BULLET_LIST_END = re.compile(r" 등(?:의)? (?:[A-Za-z0-9]{1,6} )?(?:요금제|게임|신작|모델|앱|플랜|단말기|스마트폰|신차|차종)"
                              # the kind ends the phrase: a count or a particle after it (요금제 36종의, 신작을; not 게임 업계)
                              r"(?: ?\d{1,3} ?(?:종|개|가지|대)[을를이가의은는도과와에]?|들?[을를이가의은는도과와에])(?![가-힣A-Za-z])")
_BULLET_ITEM = re.compile(r"[가-힣A-Za-z0-9][가-힣A-Za-z0-9+&\-]{0,14}(?: [가-힣A-Za-z0-9+&\-]{1,10}){0,2}")
_BRACKETED = re.compile(r"\([^()]*\)")
# What a product after 인 is (5G 중간요금제인 베이직플랜을): a word ending so, then the name.
_KIND_APPOSED = ("요금제인", "신작인", "게임인", "앱인", "신제품인", "신차인")
_KIND_APPOSITION = re.compile("|".join(_KIND_APPOSED))
# Kinds of product a launched quote may end in: the quote describes one (‘5G 맞춤형 요금제’), it names none.
_GENERIC_PRODUCT_HEADS = frozenset("요금제 요금 상품 제품 기능 정책 프로그램 혜택 서비스 모델 옵션".split())
_MEDIA_AFTER = re.compile(r" (?:플레이 |시연 |공식 )?(?:영상|트레일러|티저|예고편)$")  # 정규 1집 ‘아임 히어로’
# Words that say the quoted name after them is a firm (신규 법인인 '민트로켓', 장비 전문기업 ‘엑시콘’).
_FIRM_KIND_WORDS = ("법인", "자회사", "계열사", "스타트업", "기업", "업체", "회사", "게임사", "개발사", "제조사")
# Kinds of civic body a quoted name may follow (무료급식소 ‘밥 드림’을, 봉사단체 ‘사랑나눔’): local stories everywhere name a
# volunteer group, a free-meal kitchen or a club so; the name is an org.
_BODY_KIND_WORDS = ("급식소", "봉사단체", "시민단체", "봉사단", "동호회", "비영리단체", "자선단체", "후원단체", "복지단체")
_HEADLINE_MAX = 300
# Words that say the quoted name after them is an event (개발자 행사 '이프 카카오 2025'), and bodies whose quoted
# multi-word names end in one of these (‘제조 스타트업 얼라이언스’): one-syllable ones (부, 처, 청) end common words.
_EVENT_WORDS = frozenset("행사 콘퍼런스 컨퍼런스 축제 박람회 전시회 시상식 개발자회의 태풍".split())  # 17호 태풍 '타파'
# Words that say the quoted name of several words after them was held (광화문에서 열린 '…', 개최된 ‘…’): an event.
_HELD_WORDS = frozenset("열린 열리는 개최된 개최되는 개막한 개막된".split())
_EDITION_AT_START = re.compile(r"제\s?\d{1,3}\s?회\s*")  # ‘제11회 청춘양구 배꼽축제’: the festival, not its edition
_EDITION_AND_YEAR = re.compile(r"(?:제\s?\d{1,3}\s?회\s*)?(?:(?:19|20)\d\d년?\s+)?")  # ‘제34회 2024 커뮤니케이션대상’
# Quoted names of several words ending so are events (see quoted_work_hits); prizes only after an edition or a year.
_QUOTED_EVENT_ENDINGS = ("워크숍", "워크샵", "세미나", "심포지엄", "공모전", "경진대회", "대회", "프리뷰", "간담회", "설명회", "발표회")
_PRIZE_ENDINGS = ("대상", "상")
# A tariff plan named in a bracket after its monthly price (6만1000원(밴드 데이터 61), 5만9900원(LTE 데이터 선택 599)): words
# and the plan's number; only in an article about 요금제.
_PLAN_AFTER_PRICE = re.compile(r"\d원\(((?:[가-힣A-Za-z]{1,8} ){1,4}\d{1,3}(?:\.\d{1,2})?)\)")
# A prize of a period (‘올해의 게임기자상’에 선정, ‘이달의 기자상’을 수상): named by its period, then awarded or presented.
_PRIZE_PERIODS = frozenset("올해의 이달의 이주의 이번달의 금주의 올해 이달".split())
_PRIZE_AFTER = re.compile(r"(?:을|를|에|의|은|는|이|가)?\s?(?:공동\s?)?(?:수상|선정|시상|주인공|받)")
# Games a cup or season named after its sponsor (…배) is of: ‘삼성 Fn.com배 프로야구’, ‘대통령배 고교야구’.
_CUP_GAMES = frozenset("""프로야구 프로축구 프로농구 프로배구 여자프로농구 고교야구 고교축구 대학야구 야구 축구 농구 배구 바둑 씨름 골프 마라톤
    리그 오픈 토너먼트 선수권 선수권대회 챔피언십""".split())
# A season or cup of a pro league named by its year, then its sponsor (2024-2025 KCC 프로농구, 2022 순천·도드람컵 프로배구대회,
# 2018 신한은행 MY CAR KBO리그 is the league's own rule): every outlet's game story names the season so. The cup's name (group 3)
# drops the year, which is its edition; a season's (group 1) keeps it.
_LEAGUE_WORDS = r"(?:여자프로농구|프로농구|프로배구|프로야구|프로축구)"
_SEASON = re.compile(r"(?<![\w.\-])((?:19|20)\d\d(?:-(?:19|20)?\d\d)?) (?:([A-Z][A-Za-z0-9&]{1,9}) " + _LEAGUE_WORDS
                     + r"|(([가-힣A-Za-z][가-힣A-Za-z·]{1,11}컵) " + _LEAGUE_WORDS + r"(?:대회)?))(?![가-힣A-Za-z0-9])")
# A quoted name of a word and one of these is a site (‘남정수상태양광 발전소’, ‘새만금 조선소’), unless the word is a kind.
_SITE_WORDS = frozenset("발전소 조선소 공장 캠퍼스 물류센터 데이터센터".split())
_GENERIC_SITE_KINDS = frozenset("""태양광 수상태양광 풍력 해상풍력 화력 원자력 수력 석탄 가스 복합 열병합 연료전지 조력 지열 양수 바이오매스 신규 대형 중소
    국내 해외 스마트 첨단 전기차 배터리 반도체 자동차""".split())
_BODY_SUFFIXES = ("얼라이언스", "위원회", "협의회", "연합회", "협회", "재단", "연구소", "연구원", "학회")
_EDITION_AT_END = re.compile(r" (?:19|20)\d\d$")
_FIRM_NAME = re.compile(r"[가-힣]{2,8}|[A-Za-z][A-Za-z0-9&.\-]{1,15}")
_TRAILING_GLOSS = re.compile(r"\s*\([A-Za-z][^()]*\)$")
_NAMED_AS = re.compile(r"(?:이)?라는\s?(?:이름|제품명|상품명|브랜드명|서비스명)(?:으로|로|의|을|를)"
                       # a nickname only for what is sold (‘블랙피카소’라는 애칭으로 판매되고; not ‘일벌레’라는 별칭을 얻었다)
                       r"|(?:이)?라는\s?(?:애칭|별칭)(?:으로|로)\s?(?:\S+\s){0,2}?\S*(?:판매|출시|팔리|팔린|팔려|선보|시판)")
# A car line known to the alias file and the body style that names one of its models (렉스턴 스포츠, 코란도 투리스모, K3
# 쿠페): car stories everywhere write the model so; the family alone is the line.
_BODY_STYLE_MODEL = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,5}|[A-Z][A-Za-z0-9]{0,4}) (?:스포츠|쿠페|투리스모)"
                               r"(?=[은는이가을를의와과도에]?(?![가-힣A-Za-z0-9]))")
# A nickname given to a known product's new model (‘부스터’란 애칭이 붙은 신형 쏘울은, ‘칸’이라는 별칭이 붙은 렉스턴): launch
# stories name a model so; the nickname is the model.
_NICKNAMED = re.compile(r"[‘'\"“]([^‘’'\"“”\n]{1,15})[’'\"”](?:이)?(?:라는|란) ?(?:애칭|별칭|펫네임|서브네임)이 붙은 "
                        r"(?:신형 |새 |새로운 )?([가-힣A-Za-z0-9]{2,10})")
_LAUNCH_VERB = re.compile(r"출시|공개|선보|내놓|내놨|론칭|런칭")
# A financial product's kind glued at the end of its quoted name (‘스페셜통합종신보험’을 출시, ‘KB스타정기예금’을 판매): insurers,
# banks and card firms name every product this way, on every outlet; the head alone or after one short word is a kind.
_FINANCIAL_HEADS = ("종신보험", "보험", "정기예금", "예금", "적금", "펀드", "통장", "카드", "연금")
# A quoted name called a product (제품) that is withdrawn or sold (‘한산소곡주’, ‘한산민속주’ 제품을 판매 중단 및 회수): the
# recall notices of the food and drug authorities, reprinted by every outlet, name products so. Each further quoted name of
# the list starts with its comma (no backtracking).
_CALLED_PRODUCT = re.compile(r"(?:,\s?[‘'][^‘’'\n]{2,20}[’'])*\s?제품(?:을|를|은|는|이|가|의)?\s"
                             r"(?:[가-힣]{1,6}\s){0,2}?[가-힣]{0,4}?(?:회수|리콜|판매|출시|반품)")
# A quoted name right before these is a housing estate (‘천안 레이크타운 푸르지오’ 모델하우스, '○○' 견본주택, '○○' 아파트).
# after a quoted estate: its show house, or the homes it offers (‘엠코타운 센트로엘’(총 604가구 모집), ‘침산 화성 파크드림’에는
# 835가구 모집에): every subscription story counts an estate's homes so
_HOUSING_AFTER = re.compile(r"(?:의)?\s?(?:모델하우스|견본주택|아파트)|\((?:총\s?)?[\d,]{1,7}\s?(?:가구|세대)|(?:에는|에|은|는)\s(?:총\s)?[\d,]{1,7}\s?(?:가구|세대)")
_QUOTED_NAME = re.compile(r"(?:[‘'\"“「《〈]|<(?=[^<>\n]{0,29}[가-힣]))([^‘’'\"“”「」<>《》〈〉\n,.]{2,30})[’'\"”」>》〉]")  # 「제34회 … 커뮤니케이션대상」, 뮤지컬 <세종 1446> too
# A quoted season or cup named after its sponsor (…배), a dot allowed in the sponsor's name: ‘삼성 Fn.com배 프로야구’.
_QUOTED_CUP = re.compile(r"[‘'\"“]([^‘’'\"“”\n,]{1,24}배 [가-힣]{2,8})[’'\"”]")
# An event after its edition, unquoted (제1회 금산농업인 한마음 축제를, 제9회 공주 농업 대축제가, 제6회 전국동시지방선거가, 제54회
# 한국보도사진전): up to four words before the event
# word, the edition not part of the name. Middle words carry no particle (제3회 대회를 앞두고 열린 축제 is two phrases).
_EDITION_EVENT = re.compile(r"제\s?\d{1,3}\s?회\s((?:[가-힣A-Za-z0-9·&]{1,12}\s){0,4}?[가-힣A-Za-z0-9·&]{0,16}?"
                            r"(?:축제|페스티벌|박람회|엑스포|포럼|경진대회|체전|영화제|문화제|가요제|전시회|사진전|심포지엄|학술대회|한마당|선거))"
                            r"(?=[은는이가을를의와과에도]|에서|으로|로|[\s,.)’'\"”]|$)")
_PARTICLE_ENDS = tuple("은는이가을를의와과에도로")
# A meeting someone chairs, named by a long compound (윤석열 대통령 주재로 열린 비상경제민생회의): an event; a short one is a kind
# of meeting (주재한 국무회의, 확대간부회의: four syllables or fewer before 회의).
_CHAIRED_MEETING = re.compile(r"주재(?:로|한|하는|해|한다)\s(?:열린\s|개최된\s|열리는\s)?([가-힣]{5,14}회의)"
                              r"(?=(?:에서|에서는|으로|로|[은는이가을를의와과에도])?(?![가-힣]))")
# An event whose edition the sentence counts (한국보도사진전은 올해로 54회를 맞았으며, 한빛국제영화제가 올해 10회째를 맞는):
# the subject of 올해(로) N회(째) … 맞다, one word of four syllables or more (이번 행사는, 대회는: no name); not a prize
# (…상은 올해로 30회: awards are no entities here).
_EDITION_COUNT = re.compile(r"올해로? (?:제\s?)?\d{1,3}회")
_EDITION_SUBJECT = re.compile(r"(?<![가-힣A-Za-z0-9·])([가-힣][가-힣A-Za-z0-9]{3,15}?)(?:은|는|이|가) 올해로? (?:제\s?)?\d{1,3}회(?:째)?"
                              r"(?:를|을|가|로)? ?맞")


# Named ships (round 19). Kinds of warship a name ending in 함 follows or a class word it precedes; a name is two to six
# syllables and 함 (유관순함, 도산안창호함), never a kind itself (디젤잠수함) nor one syllable and 함 (포함, 군함).
_SHIP_KINDS = ("잠수함", "호위함", "구축함", "초계함", "상륙함", "수송함", "소해함", "고속함", "경비함", "순양함", "지원함", "훈련함",
               "전투함", "이지스함", "수상함", "항공모함", "모함", "전함", "군함", "함정", "잠수정")
_SHIP_NAME = r"([가-힣]{2,6}?함)(?=[’'\"”]|(?:은|는|이|가|을|를|의|에|과|와|도|으로|로|입니다|이다|이며)?(?![가-힣]))"
_SHIP_AFTER_KIND = re.compile("(?:" + "|".join(_SHIP_KINDS) + r"),? ?[‘'\"“]?" + _SHIP_NAME)
_SHIP_BEFORE_CLASS = re.compile(r"(?<![가-힣])([가-힣]{2,6}?함)(?:은|는|이|가)?[ (]?(?:\d[\d,.]*(?:t|톤)급|\d{3}급|장보고-?(?:Ⅲ|Ⅱ|III|II|[23]))")
_SHIP_ORDINAL = re.compile(r"\d{1,2}번(?:함)? " + _SHIP_NAME)  # 1번 손원일함, 2번 정지함: a class's list, after one named ship
# A cruise ship named in quotes after 크루즈(선) (and its tonnage), then 호 or its Latin name: ‘퀀텀 오브 더 시즈(Quantum of the Seas)’호
_CRUISE_SHIP = re.compile(r"크루즈(?:선|선박|여객선)?(?:인)? ?(?:[\d만천.,]+ ?(?:t|톤)급 )?[‘'\"“]([^‘’'\"“”\n]{2,40})[’'\"”](호)?")
# Games joined by - before 등 and a game word (리니지M-검은사막 모바일-로한M 등 흥행 게임): not 게임사/게임업계 (firms).
_DASH_LIST = re.compile(r"[가-힣A-Za-z0-9]{2,12}(?: [가-힣A-Za-z0-9]{2,8})?(?:-[가-힣A-Za-z0-9]{2,12}(?: [가-힣A-Za-z0-9]{2,8})?){2,6}\Z")
_GAME_AFTER_LIST = re.compile(r" 등(?:의)? (?:[가-힣A-Za-z]{1,4} ){0,2}?[가-힣A-Za-z]{0,4}게임(?!사|업|회|기업|주|개발|시장|산업|장르)")
_GAME_KIND = re.compile(r"(?:모바일|온라인|PC|콘솔)?(?:MMORPG|MMO|RPG)")  # 모바일MMORPG '로한M': the kind, then the game
_PREORDER_AFTER = re.compile(r" ?사전 ?예약")  # '에오스 레드' 사전예약: in a text about games, a game
_GAME_GENRES = frozenset("RPG MMORPG MMO FPS TPS MOBA AOS RTS SRPG ARPG 액션RPG 로그라이크 캐주얼 퍼즐 슈팅 스포츠 레이싱 시뮬레이션 전략".split())


class _ProductRules(_ArticleBase):
    """Products and quoted names."""

    def season_hits(self) -> list[_Hit]:
        """A season or cup named by its year and sponsor before the game (see _SEASON): an event; the sponsor and the host town
        inside it are no mentions of their own (the matcher takes the longer name)."""
        if not any(word in self.text for word in ("프로농구", "프로배구", "프로야구", "프로축구")):
            return []
        hits: list[_Hit] = []
        for m in _SEASON.finditer(self.text):
            if m.group(2) is not None:
                name, start = self.text[m.start(1) : m.end()], m.start(1)  # 2024-2025 KCC 프로농구: the season, its years kept
            else:
                name, start = m.group(3), m.start(3)  # 2022 순천·도드람컵 프로배구대회: the cup; the year is its edition
                if m.group(4)[:-1] in _NOT_NAMES:
                    continue
            if self.known.type_of(name) in (None, "event"):
                hits.append(_Hit(name, start, "rule", "event"))
        return hits

    def quoted_cup_hits(self) -> list[_Hit]:
        """‘삼성 Fn.com배 프로야구’가, ‘대통령배 고교야구’에서: a season or cup named after its sponsor (…배, then the game) is an
        event; its sponsor inside it is no mention of its own (the matcher takes the longer name)."""
        if "배 " not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _QUOTED_CUP.finditer(self.text):
            name = m.group(1).strip()
            parts = name.split()
            if (len(parts) >= 2 and parts[-1] in _CUP_GAMES and len(parts[-2]) >= 2 and not name.endswith(".")
                    and self.known.type_of(name) in (None, "event") and self._tail_ok(m.end())):
                hits.append(_Hit(name, m.start(1) + len(m.group(1)) - len(m.group(1).lstrip()), "rule", "event"))
        return hits

    def quoted_work_hits(self) -> list[_Hit]:
        """A title in quotation marks right after the word that says it is a game or an app: 서브컬처 게임 '에버소울',
        기대작 ‘아키에이지 워’, 신작 "오딘"; a firm's name after the word that says it is one: 신규 법인인 '민트로켓',
        전문기업 ‘엑시콘’; a quoted name of words ending in an event word is an event (‘K-테크 쇼케이스’). Anything else
        quoted (a slogan, a quote) is left alone."""
        hits: list[_Hit] = []
        text = self.text
        headline_end = text.find("\n")
        if headline_end > _HEADLINE_MAX:
            headline_end = -1  # a first line that long is no headline (and counting names in it would be quadratic)
        listed_after = -1  # where the last quoted work ends
        for m in _QUOTED_NAME.finditer(text):
            name = _TRAILING_GLOSS.sub("", m.group(1).strip())  # ‘이프카카오(ifkakao)’: the name, not its Latin gloss
            start = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())
            parts = name.split()
            if not parts:
                continue
            body_type = "event" if parts[-1].endswith(_EVENT_SUFFIXES) else (
                "org" if parts[-1].endswith(_BODY_SUFFIXES) else None)
            if body_type is None and len(parts) == 2 and parts[1] in _SITE_WORDS and parts[0] not in _GENERIC_SITE_KINDS and len(parts[0]) >= 3:
                body_type = "place"  # ‘남정수상태양광 발전소’ 준공식: a named plant (‘태양광 발전소’ is a kind)
            edition = _EDITION_AT_START.match(name) if body_type == "event" else None
            if body_type is None and len(parts) >= 2:
                # ‘KAIST 국제 신소재 공학 워크숍’, ‘제7회 국제평화공헌대상’, ‘2024 우수기자대상’: a workshop or contest of
                # several words; a prize only with its edition or year in front (‘지원 대상’ is who gets help)
                edition = _EDITION_AND_YEAR.match(name)
                if (parts[-1].endswith(_QUOTED_EVENT_ENDINGS) or edition.end() and parts[-1].endswith(_PRIZE_ENDINGS)
                        or parts[0] in _PRIZE_PERIODS and parts[-1].endswith("상") and len(parts[-1]) >= 2
                        and _PRIZE_AFTER.match(text, m.end())):
                    body_type = "event"
            if edition and len(parts) >= 2 and edition.end() < len(name):
                name, start = name[edition.end():], start + edition.end()
            if body_type and any(len(p) >= 2 and p.endswith("는") for p in parts[:-1]):
                continue  # 최문순 군수 “모두가 만들어가는 축제”: a clause (…는) before the event word, a phrase quoted, no name
            if (body_type and 2 <= len(parts) <= (8 if edition else 6) and self.known.type_of(name) in (None, body_type)
                    and self._tail_ok(m.end())):
                # ‘K-테크 쇼케이스’, 'EV9 온라인 미디어 콘퍼런스'에서, '글로벌 AI 텔코 얼라이언스'를
                hits.append(_Hit(name, start, "rule", body_type))
                continue
            if (_HOUSING_AFTER.match(text, m.end()) and len(name.replace(" ", "")) >= 4 and name[-1] not in "다요"
                    and self.known.type_of(name) in (None, "place") and (_has_hangul(name) or _has_latin(name))):
                hits.append(_Hit(name, start, "rule", "place"))  # '힐스테이트 영통' 모델하우스: the housing estate sold
                continue
            # (a quote that opens the text follows no earlier quoted work: listed_after starts at -1, not at a work's end)
            listed = listed_after >= 0 and 0 < m.start() - listed_after <= 3 and text[listed_after : m.start()].strip() in _LIST_SEPARATORS
            if (listed or parts[0] == "프로젝트" and 2 <= len(parts) <= 3) and self._quoted_product_ok(name, m.start(), m.end(), headline_end):
                # ‘프로젝트 매그넘’: a project's code name; ‘A’ ‘B’, ▲‘A’ ▲‘B’: a title listed right after a quoted product
                work = _MEDIA_AFTER.sub("", name) if len(parts) >= 2 else name  # ‘카트라이더: 드리프트 영상’: the game, not its video
                hits.append(_Hit(work, start, "rule", "product"))
                listed_after = m.end()
                continue
            lead = text[max(0, m.start() - 12) : m.start()]
            if (lead.rstrip().endswith("태풍") and len(parts) == 1 and 2 <= len(name) <= 6 and all(map(_is_hangul, name))
                    and name[-1] not in "다요" and self.known.type_of(name) in (None, "event")):
                hits.append(_Hit(name, start, "rule", "event"))  # 제18호 태풍‘미탁’피해복구: a named typhoon, the quote its bounds
                continue
            words = lead.split()
            if not words or lead[-1:] not in (" ", ""):
                continue
            if (words[-1] in _HELD_WORDS and 2 <= len(parts) <= 8 and name[-1] not in "다요" and _has_hangul(name)
                    and self.known.type_of(name) in (None, "event") and self._tail_ok(m.end())):
                hits.append(_Hit(name, start, "rule", "event"))  # 광화문에서 열린 '내려와라 박근혜 2차 범국민행동': what was held
                continue
            if _strip_tail(words[-1]) in _EVENT_WORDS and (_has_hangul(name) or _has_latin(name)) and len(parts) <= 5:
                edition = _EDITION_AT_END.search(name)
                event = name[: edition.start()] if edition else name  # 행사 '이프 카카오 2025': the event, not its year
                if (len(event) >= 2 and name[-1] not in "다요" and self.known.type_of(event) in (None, "event")
                        and (self._tail_ok(m.end()) or self._event_word_after(m.end()))):
                    hits.append(_Hit(event, start, "rule", "event"))
                continue
            head = _strip_tail(words[-1])
            # ‘…’, ‘…’: a quoted title listed right after one the word before named (학술지 ‘A’, ‘B’ 등에)
            kind = _KIND_PREFIX.sub("", words[-1])  # ▶미니밴, 5t트럭: the kind
            work = (kind in _WORK_WORDS or _ALBUM_NUMBER.fullmatch(kind) or _ALBUM_NUMBER.fullmatch(words[-1])
                    # 유료회원제인 ‘와우멤버십’: the kind, then which one (예능인, 영화인 are people of the trade)
                    or kind.endswith("인") and kind[:-1] in _WORK_WORDS and kind not in ("예능인", "영화인")
                    or _GAME_KIND.fullmatch(kind) and name.upper() not in _GAME_GENRES)
            type_ = "product" if work else "company" if head.endswith(_FIRM_KIND_WORDS) or self._national_brand(m.start(), head) else (
                "org" if head.endswith(_BODY_KIND_WORDS) else None)
            if type_ is None and self._launched(m.end(), name):
                type_ = "product"  # ‘에이전트N’을 내놨다, ‘네이버플러스 스토어’라는 이름으로
            if type_ is None:
                continue
            if type_ == "company" and (" " in name or not _FIRM_NAME.fullmatch(name)):
                continue  # 법인인 '민트로켓', 전문기업 ‘엑시콘’: one word, a name; not 기업 '밸류업 프로그램'
            if m.start() < headline_end and text.count(name) < 2:
                continue  # a headline's quotes are often wordplay (신작 ‘잠깐 멈춤’): a name there is written again
            if len(name) < 2 or len(name.split()) > 4 or name in _NOT_NAMES or self.known.type_of(name) not in (None, "product", type_):
                continue
            if type_ == "org" and (len(name.split()) > 2 or _looks_korean_name(name.replace(" ", ""))):
                continue  # 봉사단체 ‘밥 드림’: a body's name is a word or two, no person's
            if name[-1] in "다요" or not (_has_hangul(name) or _has_latin(name)):
                continue  # a sentence quoted, not a title
            if self._tail_ok(m.end()):
                hits.append(_Hit(name, start, "rule", type_))
                if type_ == "product":
                    listed_after = m.end()
        return hits + self.quoted_cup_hits() + self.season_hits()

    def plan_hits(self) -> list[_Hit]:
        """Tariff plans in brackets after their prices (see _PLAN_AFTER_PRICE)."""
        if "요금제" not in self.text or "원(" not in self.text:
            return []
        return [_Hit(m.group(1), m.start(1), "rule", "product") for m in _PLAN_AFTER_PRICE.finditer(self.text)
                if self.known.type_of(m.group(1)) in (None, "product")]

    def model_lineage_hits(self) -> list[_Hit]:
        """A model named as another's predecessor (see _SUCCEEDED) and a model's name in another market (see _MARKET_NAME)."""
        text = self.text
        hits: list[_Hit] = []
        if "후속" in text:
            for m in _SUCCEEDED.finditer(text):
                group = 1 if m.group(1) else 2
                name = m.group(group)
                if (name in _NOT_SUCCEEDED or name in _NOT_NAMES or name[-1] in "의은는을를와과도에" or _is_amount(name)
                        or self.known.type_of(name) not in (None, "product")):
                    continue
                hits.append(_Hit(name, m.start(group), "rule", "product"))
        if "명" in text and "(" in text:
            for m in _MARKET_NAME.finditer(text):
                name = m.group(1).strip()
                if not m.start() or not (_is_hangul(text[m.start() - 1]) or text[m.start() - 1].isascii() and text[m.start() - 1].isalnum()):
                    continue  # glued to the name it follows: 포르테 쿠페(국내명 K3 쿠페)
                if (2 <= len(name) and len(name.split()) <= 3 and name not in _NOT_NAMES and name not in ("미정", "없음", "동일", "같음") and (_has_hangul(name) or _has_latin(name))
                        and self.known.type_of(name) in (None, "product")):
                    hits.append(_Hit(name, m.start(1) + len(m.group(1)) - len(m.group(1).lstrip()), "rule", "product"))
        return hits + self._weapon_coin_service_hits()

    def _weapon_coin_service_hits(self) -> list[_Hit]:
        """Weapons by code and kind, mixed-case codes, coins by their tickers, services by their operators (see _WEAPON,
        _CAMEL_CODE, _COIN, _OPERATOR)."""
        text = self.text
        hits: list[_Hit] = []
        if any(kind in text for kind in _WEAPON_KINDS):  # substring tests (C speed): most texts name no weapon
            for m in _WEAPON.finditer(text):
                g = 1 if m.group(1) else 3
                code = m.group(g)
                name = f"{code} {m.group(g + 1)}"
                bare = code.replace("-", "")
                if any(self.known.type_of(x) is not None for x in {code, bare, f"{bare} {m.group(g + 1)}"} - {name}):
                    continue  # FA-50 경공격기, K-9 자주포: the alias file's FA-50 and K9 자주포, no second product
                if not code.startswith(_NOT_MODEL_PREFIXES) and self.known.type_of(name) in (None, "product"):
                    hits.append(_Hit(text[m.start(g) : m.end(g + 1)], m.start(g), "rule", "product"))
            if "(" in text:
                for m in _GLOSSED_WEAPON.finditer(text):
                    if m.group(1) not in _NOT_NAMES and self.known.type_of(m.group(1)) in (None, "product"):
                        hits.append(_Hit(m.group(1), m.start(1), "rule", "product"))
        if "(" in text:
            for m in _TICKER.finditer(text):
                found = _COIN_NAME.search(text, max(0, m.start() - 8), m.start())
                if found is None:
                    continue
                name = found.group()
                before = text[max(0, found.start() - 8) : found.start()].split()
                if not (name.endswith("코인") and len(name) > 2 or before and (before[-1] in _COIN_BEFORE or _strip_tail(before[-1]) in _COIN_BEFORE)
                        or _COIN_AFTER.match(text, m.end())):
                    continue
                if name not in _NOT_NAMES and self.known.type_of(name) in (None, "product") and self.known.type_of(m.group(1)) in (None, "product"):
                    hits.append(_Hit(name, found.start(), "rule", "product"))
        if _CAMEL_HINT.search(text):
            for m in _CAMEL_CODE.finditer(text):
                if self._tail_ok(m.end()) and self.known.type_of(m.group()) in (None, "product"):
                    hits.append(_Hit(m.group(), m.start(), "rule", "product"))
        if " 운영" in text:
            for m in _OPERATOR.finditer(text):
                found = _SERVICE_BEFORE.search(text, max(0, m.start() - 10), m.start())
                if found is None:
                    continue
                service, firm = found.group(), _strip_tail(m.group(1))
                if (service in firm and service != firm and service not in _NOT_NAMES
                        and self.known.type_of(service) in (None, "product") and self.known.type_of(firm) in (None, "company")):
                    hits.append(_Hit(service, found.start(), "rule", "product"))
        return hits

    def bullet_list_hits(self) -> list[_Hit]:
        """The items of a bulleted list closed by 등 and the kind of product they are (△뉴T플랜 맞춤형(통화 150분) △주말엔플랜
        △0틴플랜 등 LTE 요금제 36종): each a product, its bracketed details left out."""
        if "등" not in self.text or not any(b in self.text for b in _BULLETS):
            return []
        hits: list[_Hit] = []
        floor = 0  # where the last list's closer ends: no list reads back past it (each character is read once: linear)
        for m in _BULLET_LIST_END.finditer(self.text):
            items: list[tuple[int, str]] = []
            k, floor, low = m.start(), m.end(), floor
            while len(items) < 30:
                bullet = max(self.text.rfind(b, max(low, k - 80), k) for b in _BULLETS)
                if bullet < 0 or "\n" in self.text[bullet:k]:
                    break
                item = _BRACKETED.sub("", self.text[bullet + 1 : k]).strip()
                items.append((bullet + 1 + len(self.text[bullet + 1 : k]) - len(self.text[bullet + 1 : k].lstrip()), item))
                k = bullet
                if k == 0 or self.text[k - 1] not in " \t":
                    break
            if len(items) < 2 or not all(_BULLET_ITEM.fullmatch(item) and not _is_amount(item) and item not in _NOT_NAMES
                                         and self.known.type_of(item) in (None, "product") for _, item in items):
                continue
            hits += [_Hit(item, start, "rule", "product") for start, item in items]
        return hits

    def kind_apposition_hits(self) -> list[_Hit]:
        """A product after the word that says what kind it is, joined by 인: 5G 중간요금제인 베이직플랜(월 5만9000원)을, 신작인
        '…'은 (the quoted rule reads quotes): one word with a particle or a comma after it."""
        if not _KIND_APPOSITION.search(self.text):
            return []
        hits: list[_Hit] = []
        words = self.words
        for i in self.hinted(_KIND_APPOSITION):
            w = words[i]
            if not w.core.endswith(_KIND_APPOSED) or w.closes or i + 1 >= len(words) or words[i + 1].line_start or words[i + 1].opens:
                continue
            nxt = words[i + 1]
            name = _strip_tail(nxt.core)
            if name == nxt.core and not nxt.closes:
                continue  # no particle or comma: the first word of a longer phrase
            if (len(name) < 2 or name in _NOT_NAMES or name.endswith(("다", "요")) or not (_has_hangul(name) or _has_latin(name))
                    or name.upper() in _GENERIC_LATIN_UPPER or self.known.type_of(name) not in (None, "product")):
                continue
            hits.append(_Hit(name, nxt.start, "rule", "product"))
        return hits

    def _quoted_product_ok(self, name: str, start: int, end: int, headline_end: int) -> bool:
        """A quoted name may be a product's: a name of one to four words, not a sentence, unknown or a known product, and not a
        headline's wordplay (written once)."""
        if start < headline_end and self.text.count(name) < 2:
            return False
        if len(name) < 2 or len(name.split()) > 4 or name in _NOT_NAMES or self.known.type_of(name) not in (None, "product"):
            return False
        return name[-1] not in "다요" and (_has_hangul(name) or _has_latin(name)) and self._tail_ok(end)

    def edition_event_hits(self) -> list[_Hit]:
        """Events named after their edition without quotes (see _EDITION_EVENT)."""
        if "회" not in self.text:
            return []
        hits: list[_Hit] = []
        for m in _EDITION_EVENT.finditer(self.text):
            name = m.group(1)
            words = name.split()
            if len(name.replace(" ", "")) < 4 or any(w.endswith(_PARTICLE_ENDS) and len(w) > 1 and _strip_tail(w) != w for w in words[:-1]):
                continue
            if self.known.type_of(name) in (None, "event") and name not in _NOT_NAMES:
                hits.append(_Hit(name, m.start(1), "rule", "event"))
        if "주재" in self.text:
            for m in _CHAIRED_MEETING.finditer(self.text):
                if self.known.type_of(m.group(1)) in (None, "event"):
                    hits.append(_Hit(m.group(1), m.start(1), "rule", "event"))  # 대통령 주재로 열린 비상경제민생회의: a named meeting
        if "올해" in self.text and _EDITION_COUNT.search(self.text):  # a literal scan first: few texts count an edition
            for m in _EDITION_SUBJECT.finditer(self.text):
                name = m.group(1)
                if not name.endswith("상") and name not in _NOT_NAMES and self.known.type_of(name) in (None, "event"):
                    hits.append(_Hit(name, m.start(1), "rule", "event"))
        return hits

    def _national_brand(self, start: int, head: str) -> bool:
        """스웨덴 전기차 브랜드 '폴스타', 프랑스 명품 브랜드 ‘루아르’: a brand after its country (up to one word between) is the
        maker; a firm's brand (삼성의 스마트폰 브랜드 '갤럭시') is a product, and 국내 or 자체 brand says nothing."""
        if head != "브랜드":
            return False
        words = self.text[max(0, start - 30) : start].split()[-4:-1]  # the words before 브랜드
        return any(self.known.type_of(w) == "place" for w in words[-2:])

    def _event_word_after(self, end: int) -> bool:
        """‘단24’행사에서: an event word (and its particles) glued after the closing quote."""
        run_end = end
        while run_end < len(self.text) and _is_hangul(self.text[run_end]) and run_end - end < 12:
            run_end += 1
        tail = self.text[end:run_end]
        return any(tail.startswith(word) and (len(tail) == len(word) or _is_tail(tail[len(word):])) for word in _EVENT_WORDS)

    def _launched(self, end: int, name: str) -> bool:
        """A quoted name introduced as a new thing: ‘…’라는 이름으로 (이라는 이름의), or ‘…’을/를 followed within three words by a
        launch verb (출시, 공개, 선보, 내놓, 론칭). Only names that look like a product's: Latin letters or digits in them
        (AI브리핑, 에이전트N), or a known company's or product's name inside (카나나 인 카카오톡); a slogan (‘특단의 대책’을
        내놨다) has neither."""
        after = self.text[end : end + 40]
        named = _NAMED_AS.match(after)
        if (_PREORDER_AFTER.match(after) and "게임" in self.text and len(name.split()) <= 3 and name[-1] not in "다요"
                and name.upper() not in _GAME_GENRES and name not in _NOT_NAMES and self.known.type_of(name) in (None, "product")):
            return True  # '에오스 레드' 사전예약 (round 19)
        if (_CALLED_PRODUCT.match(self.text, end, end + 120) and _is_hangul(name[-1]) and len(name) >= 3 and " " not in name
                and name not in _NOT_NAMES and self.known.type_of(name) in (None, "product")):
            return True  # ‘한산소곡주’, ‘한산민속주’ 제품을 판매 중단 및 회수 (round 20)
        if not named and not (after[:1] in ("을", "를") and _LAUNCH_VERB.search(" ".join(after[1:].split()[:3]))):
            return False
        if len(name.split()) > 4 or name[-1] in "다요" or name in _NOT_NAMES or self.known.type_of(name) not in (None, "product"):
            return False
        if named:
            return True
        if name.split()[-1] in _GENERIC_PRODUCT_HEADS and len(name.split()) > 1:
            return False  # ‘5G 맞춤형 요금제’를 출시: a kind of plan described, not its name
        last = name.split()[-1]
        head = next((h for h in _FINANCIAL_HEADS if last.endswith(h)), None)  # the longest first (종신보험 before 보험)
        if head and _has_hangul(last) and (len(last) - len(head) >= 3 or _has_latin(last) and len(last) > len(head)):
            return True  # ‘스페셜통합종신보험’을 출시; not ‘종신보험’, ‘청년적금’ (a kind, or a kind and one word) (round 20)
        if re.search(r"[A-Za-z0-9]", name) and _has_hangul(name) or _has_latin(name) and name.upper() not in _GENERIC_LATIN_UPPER:
            return True
        return any(self.known.type_of(w) in ("company", "product") for w in name.split()[1:]) or any(
            self.known.type_of(name[:k]) in ("company", "product") for k in range(2, len(name.split()[0])))

    def model_hits(self) -> list[_Hit]:
        """Products written with a model code: H100, MI450, AI250; 갤럭시 S25 (울트라), 아이오닉6, 아이폰 16 프로; a code in
        brackets after the kind of product (LCD모니터(L196WTY-BF), 추진 엔진(ME-GI))."""
        hits: list[_Hit] = []
        text = self.text
        if "(" in text:
            for m in _KIND_AND_CODE.finditer(text):
                code = m.group(1)
                if code.upper() not in _GENERIC_LATIN_UPPER and self.known.type_of(code) in (None, "product"):
                    hits.append(_Hit(code, m.start(1), "rule", "product"))
        for m in _MODEL_CODE.finditer(text):
            code = m.group()
            if re.fullmatch(r"[A-Z]+(?:19|20)\d\d", code) or code.startswith(_NOT_MODEL_PREFIXES):
                continue  # CES2025 is an edition, RE100 a pledge, ISO9001 a standard
            if self._tail_ok(m.end()):
                hits.append(_Hit(code, m.start(), "rule", "product"))
        for m in _FAMILY_MODEL.finditer(text):
            end = m.end()
            surface = m.group()
            variant = _MODEL_VARIANT.match(text, end)
            if variant and not self._tail_ok(variant.end()):
                continue  # 스냅드래곤 7 엘리트급: a class of chips, not the model before the tier word
            if variant:
                surface, end = text[m.start() : variant.end()], variant.end()
            if self._tail_ok(end):
                hits.append(_Hit(" ".join(surface.split()), m.start(), "rule", "product"))
        if " 스포츠" in text or " 쿠페" in text or " 투리스모" in text:
            for m in _BODY_STYLE_MODEL.finditer(text):
                if self.known.type_of(m.group(1)) == "product" and self.known.type_of(m.group()) in (None, "product"):
                    hits.append(_Hit(m.group(), m.start(), "rule", "product"))  # 렉스턴 스포츠의: the model, not its family
        if "붙은" in text:
            for m in _NICKNAMED.finditer(text):
                model = _strip_tail(m.group(2))
                nick = m.group(1).strip()
                if (len(nick) >= 2 and nick[-1] not in "다요" and nick not in _NOT_NAMES and self.known.type_of(model) == "product"
                        and self.known.type_of(nick) in (None, "product")):
                    hits.append(_Hit(nick, m.start(1), "rule", "product"))  # ‘부스터’란 애칭이 붙은 신형 쏘울: the new model's name
        return hits + self.model_lineage_hits() + self.ship_game_hits()

    def ship_game_hits(self) -> list[_Hit]:
        """Named ships (see _SHIP_AFTER_KIND, _SHIP_BEFORE_CLASS, _SHIP_ORDINAL, _CRUISE_SHIP) and games listed with -
        (see _DASH_LIST)."""
        text = self.text
        hits: list[_Hit] = []
        if "함" in text:
            patterns = (_SHIP_AFTER_KIND, _SHIP_BEFORE_CLASS) if "급" in text or "장보고" in text else (_SHIP_AFTER_KIND,)
            for pattern in patterns:  # a class is written with 급 or as 장보고: texts without either skip that scan
                for m in pattern.finditer(text):
                    self._ship(m.group(1), m.start(1), hits)
            if hits and "번" in text:
                for m in _SHIP_ORDINAL.finditer(text):
                    self._ship(m.group(1), m.start(1), hits)
        if "크루즈" in text:
            for m in _CRUISE_SHIP.finditer(text):
                raw = m.group(1).strip()
                name = _TRAILING_GLOSS.sub("", raw)
                glossed = name != raw
                if (not (m.group(2) or glossed) or len(name) < 2 or len(name.split()) > 6 or name[-1] in "다요"
                        or name in _NOT_NAMES or self.known.type_of(name) not in (None, "product")):
                    continue
                hits.append(_Hit(name, m.start(1) + len(m.group(1)) - len(m.group(1).lstrip()), "rule", "product"))
        if "게임" in text and "-" in text:
            at = text.find(" 등")
            while at >= 0:
                if _GAME_AFTER_LIST.match(text, at):
                    lo = max(0, at - 120)
                    m = _DASH_LIST.search(text, lo, at)
                    if m and m.start() > lo or m and lo == 0:
                        before = text[m.start() - 1] if m.start() else " "
                        items = m.group().split("-")
                        if not (_is_hangul(before) or before.isalnum() or before in "-·") and all(
                                self.known.type_of(i) in (None, "product") and i.upper() not in _GAME_GENRES
                                and not _is_amount(i) and any(_is_hangul(c) or c.isalpha() for c in i) for i in items):
                            pos = m.start()
                            for item in items:
                                hits.append(_Hit(item, pos, "rule", "product"))
                                pos += len(item) + 1
                at = text.find(" 등", at + 2)
        return hits

    def _ship(self, name: str, start: int, hits: list[_Hit]) -> None:
        if name.endswith(_SHIP_KINDS) or name in _NOT_NAMES or self.known.type_of(name) not in (None, "product"):
            return
        hits.append(_Hit(name, start, "rule", "product"))
