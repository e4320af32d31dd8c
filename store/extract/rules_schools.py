"""Schools and universities (용산고 교장, 경북대 총장): apart from rules_bodies, as their short forms need the words around them."""
from __future__ import annotations

import re

from .rules_base import _ArticleBase, _Hit, _NOT_NAMES, _strip_tail

# A university written short (경북대, 숙명여대): a word of two or more syllables and 대, named as one only where the words
# around it say so (see _university_anchor) — alone, 가격대, 연령대 and 해병대 look the same.
_UNIVERSITY = re.compile(r"[가-힣]{2,5}대")
_UNIVERSITY_NEXT = ("학과", "학부", "전공", "대학원", "의대", "교수", "총장", "부총장", "학장", "캠퍼스", "병원", "법대", "공대")
_UNIVERSITY_VERBS = ("졸업", "나온", "나와", "입학", "재학", "중퇴")
_NOT_UNIVERSITIES = frozenset("""가격대 시간대 연령대 세대 신세대 전세대 구세대 해병대 기동대 경비대 구조대 소방대 방범대 응원대 원정대
    선발대 전망대 관람대 계산대 판매대 진열대 지지대 상승대 하락대 수백대 수천대 수만대 수십대 최고대 최저대 무대 단상대""".split())

# A school: a stem of two or more syllables glued to its kind, in full (오현중학교, 상일여자고등학교) or short (용산고, 신성여중,
# 제주중앙고). The short forms are also verb endings and nouns (말했고, 회의중), so they name a school only right before a
# school post (용산고 교장, 오현중 교사로) or joined by 와/과 to the school or university the sentence says was finished
# (오현고와 세중대학교를 졸업했다); the full forms need no such word.
SCHOOL_KINDS = ("여자고등학교", "여자중학교", "고등학교", "중학교", "초등학교", "여고", "여중", "고", "중")
_SCHOOL = re.compile(r"(?<![가-힣])([가-힣]{2,6}?)(" + "|".join(SCHOOL_KINDS) + r")(?=[^가-힣]|(?:[은는이가을를의와과에도]|에서|으로|로)(?:[^가-힣]|$)|$)")
_SCHOOL_GATE = re.compile("학교|교장|교감|교사|교목|졸업|나온|나와")
_SCHOOL_TAIL = re.compile(r"(?:에서|으로|[은는이가을를의와과에도로])?")
_SCHOOL_POST = re.compile(r"[\s,·]*(?:부장)?(?:교장|교감|교사|교목)")
_SCHOOL_FINISHED = re.compile(r"[^.!?\n]{0,30}?(?:졸업|나온|나와)")
# Stems that make a kind of school, not one (과학고, 자사고, 해당 중학교), and the last syllables of verb forms (말했고, 라고).
_GENERIC_SCHOOL_STEMS = frozenset("""과학 외국어 국제 예술 체육 특성화 마이스터 자율형사립 자사 특목 일반 명문 영재 대안 특수 인근 해당
    다른 같은 사립 공립 국립 시립 도립 농업 공업 상업 여자 남자 혁신 거점 모교 자율 기숙 비평준화 평준화""".split())
_VERB_ENDINGS = frozenset("했하되됐라다이지있없않같보받주오가나겠였았었웠쳤졌렸켰냈텄뒀봤왔줬싶며면러려")
# What a short 중 means in a word where it is not a school (진행중, 회의중): "during".
_DURING_STEMS = frozenset("""진행 수업 회의 근무 재직 휴직 조사 수사 검토 논의 협의 운영 공사 치료 입원 방학 학기 임기 재학 운전
    통화 식사 출장 교육 연수 파견 수감 복역 투병 준비 시행 추진 공연 촬영 녹화 연습 훈련 작업 이동 대기 상담 임신 여행 시공""".split())


class _SchoolRules(_ArticleBase):
    """Schools and universities."""

    def university_hits(self) -> list[_Hit]:
        """Universities written short (see _UNIVERSITY), named where the words around them say so: the next word is a
        department, a degree course, 교수 or 총장 (연세대 의대, 충북대 전기공학부, 계명대 총장), a verb of studying follows
        (청주대를 나온, 서울대를 졸업하고); and the others of a comma or space list holding such a one (경북대, 영남대, 계명대
        총장), or of a list of three or more (강남대 경상대 공주대 명지대 안양대 등)."""
        if "대" not in self.text:
            return []
        words = self.words
        shaped: dict[int, str] = {}
        for i, w in enumerate(words):
            if "대" not in w.core:
                continue
            core = _strip_tail(w.core)
            if (_UNIVERSITY.fullmatch(core) and core not in _NOT_UNIVERSITIES and core[:-1] not in _NOT_NAMES
                    and self.known.type_of(core) in (None, "org")):
                shaped[i] = core
        if not shaped:
            return []
        anchored = {i for i in shaped if self._university_anchor(i)}
        hits: list[_Hit] = []
        i, n = 0, len(words)
        while i < n:
            if i not in shaped:
                i += 1
                continue
            run = [i]  # words joined by a comma or a space only, none but the last with a particle
            while (run[-1] + 1 in shaped and words[run[-1]].core == shaped[run[-1]] and not words[run[-1] + 1].line_start
                   and self.text[words[run[-1]].end : words[run[-1] + 1].start].strip() in ("", ",")):
                run.append(run[-1] + 1)
            if len(run) >= 3 or anchored.intersection(run):
                hits += [_Hit(shaped[k], words[k].start, "rule", "org") for k in run]
            i = run[-1] + 1
        return hits

    def school_hits(self) -> list[_Hit]:
        """Schools (see _SCHOOL): 오현중학교, 상일여자고등학교; 김걸 용산고 교장, 오현중 교사로, 제주제일고와 제주대학교를
        졸업했다."""
        text = self.text
        if not _SCHOOL_GATE.search(text):
            return []  # no full school name, post or verb of finishing school: the scan below can name none
        hits: list[_Hit] = []
        for m in _SCHOOL.finditer(text):
            stem, kind = m.group(1), m.group(2)
            if stem in _GENERIC_SCHOOL_STEMS or stem in _NOT_NAMES or (
                    kind in ("고", "중") and stem[-1] in _VERB_ENDINGS and self.known.type_of(stem) != "place"):  # 제주중 is one
                continue
            if not kind.endswith("학교"):
                if kind.endswith("중") and stem in _DURING_STEMS:
                    continue
                tail = _SCHOOL_TAIL.match(text, m.end())
                after = tail.end()
                if not (_SCHOOL_POST.match(text, after)
                        or tail.group() in ("와", "과") and _SCHOOL_FINISHED.match(text, after)):
                    continue
            name = stem + kind
            if self.known.type_of(name) not in (None, "org"):
                continue
            hits.append(_Hit(name, m.start(), "rule", "org"))
        return hits

    def _university_anchor(self, i: int) -> bool:
        if i + 1 >= len(self.words):
            return False
        after = self.words[i + 1]
        if after.line_start:
            return False
        nxt = _strip_tail(after.core)
        return nxt.startswith(_UNIVERSITY_NEXT) or nxt.endswith(_UNIVERSITY_NEXT) or after.core.startswith(_UNIVERSITY_VERBS)
