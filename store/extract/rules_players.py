"""Rules that find sports players: named bare in a sentence that scores them (최혜진은 … 7언더파로), moved between clubs
(임성진은 KB손해보험으로 이적했고), written right after their club (SK 와이번스의 투수 브록 다익손). Over rules_people's name
shapes; `_Article` (rules.py) joins them with the other kinds of rule, and the people rules call them through it."""
from __future__ import annotations

import re
from bisect import bisect_right

from .lexicon import _is_hangul, title_family
from .rules_base import _ArticleBase, _Hit, _LOANWORD_SYLLABLES, _NOT_NAMES, _Word, _particle_fits, _strip_tail, _suffix_type
from .name_shapes import _foreign_name_pair, _japanese_pair, _looks_korean_name
from .rules_roles import _NAME_PARTICLES, _ROLE_NOUNS, _ROLE_WORDS

# The plain case particles a listed name may end with before punctuation (페르난데스는, but 페르난도 keeps its 도)
_LIST_CLOSING_PARTICLES = ("은", "는", "을", "를", "의", "와", "과")
# Words that say a sentence reports a player's result: golf scores, goals, hits, a place in the order, a start.
# Baseball's home runs and hits by their kind (투런 아치, 솔로포, 끝내기, 3루타), a volleyball or basketball player's points
# (김세인이 22점, 배유나가 20점을 올리며; 득점을): every game report of every outlet writes its players so.
_SCORE_WORD = re.compile(r"\d언더파|\d오버파|버디 \d|\d타차|골을 넣|골로|결승골|동점골|선제골|도움을|어시스트|안타|홈런|타점|선발로|선발 출전|"
                         r"선발출장|공동 \d위|단독 \d위|\d위에 올|준우승|우승을 차지|세이브|투런|스리런|솔로포|만루포|끝내기|[23]루타|적시타|득점")
_SCORE_GATE = re.compile("언더파|오버파|버디|타차|골을 넣|골로|결승골|동점골|선제골|도움을|어시스트|안타|홈런|타점|선발로|선발 출전|"
                         "선발출장|공동 |단독 |위에 올|준우승|우승을 차지|세이브|투런|스리런|솔로포|만루포|끝내기|루타|적시타|득점")
# A points tally (22점, / 20점을 올리며) scores a player only in a game report (a survey's 소비자가 5점, is no player): found
# from its literal 점 (a digit must stand before it), only in a text with a game's word.
_POINTS = re.compile("점(?:, |을 (?:올|기록|몰아|뽑|책임|합작|따))")
_GAME_REPORT = re.compile("세트|이닝|득점|리그|시즌|라운드|쿼터")
_SCORE_REACH = 80  # characters before a result word where its player may be named (six words)
_CLAUSE_BREAK = re.compile(r"[.!?,\n]")
_BARE_NAME = re.compile(r"(?<![가-힣A-Za-z0-9·])([가-힣]{3})(?:은|는|이|가|과|와|에게|의|[을를] 상대로)(?![가-힣])")
# The result words a player's possessive stands right before (최원준의 끝내기로, 배유나의 득점을, 이동국의 결승골)
_OWN_RESULT = re.compile(r"끝내기|득점|결승골|동점골|선제골|홈런|결승타|적시타|투런|스리런|솔로포|만루포")
# Three-syllable words of sports reports that look like a surname and a given name: 최종전, 전반전, 연장전, 정확도 …
_NOT_GIVEN_ENDINGS = frozenset("종전 반전 장전 확도 발진 승전 인왕 인공 발승".split())
# The squads of a team or a firm, a noun and 진 (陣): 공격진은 … 득점을, 선발진이 … 세이브. The class, not one page's word.
_SQUAD_NOUNS = frozenset("""공격진 수비진 경영진 코치진 연구진 임원진 선발진 제작진 타격진 투수진 내야진 외야진 불펜진 교수진 의료진
    출연진 지도진 중원진 공격수진 수비수진 계투진""".split())

# A player moving between clubs (임성진은 KB손해보험으로 이적했고, 정민수는 한국전력에 합류했다, 전광인이 … OK저축은행 유니폼을
# 입었고): a name with a subject or topic particle, a club (a company or body) within the next words, then one of these.
_TRANSFER_VERB = re.compile(r"이적|유니폼|트레이드|합류|입단|옮기|옮겨|옮겼|떠나|떠난|향했")
_SUBJECT_PARTICLES = ("은", "는", "이", "가")
# The nicknames that end a baseball club's name (해태 타이거즈, 한화 이글스); the player written right after it is a person.
_CLUB_NICKNAMES = ("타이거즈", "이글스", "자이언츠", "와이번스", "베어스", "라이온즈", "트윈스", "히어로즈", "다이노스", "위즈", "랜더스",
                   "원더스", "유니콘스", "돌핀스", "레이더스", "슈퍼스타즈", "핀토스")
_CLUB_HINT = re.compile("|".join(_CLUB_NICKNAMES))


# Two players named in a manager's quote, listed with a comma, the last with a particle ("강윤구, 문성현이 조금 더 성장해
#준다면"): three-syllable names the alias file does not know as anything else, in a paragraph about a 감독's team.
_QUOTED_PAIR = re.compile(r"(?<![가-힣A-Za-z0-9·])([가-힣]{3}), ([가-힣]{3})(?:이|가|은|는|을|를|도|와|과|의|만)(?![가-힣])")
_NOUN_LAST_SYLLABLES = frozenset("력성감적화률율도자계권형법제장원사회부실비용량액")  # 공격력, 안정성, 책임감: nouns, no given names


class _PlayerRules(_ArticleBase):
    """Players in sports reports: named bare in a sentence that scores them, moved between clubs, written right
    after their club."""

    def quoted_pair_hits(self) -> list[_Hit]:
        """Players listed in a quote (see _QUOTED_PAIR): both names or neither, only inside quotation marks of a paragraph
        that names a 감독 (a manager speaking of his players)."""
        if "감독" not in self.text or ", " not in self.text:
            return []
        hits: list[_Hit] = []
        text = self.text
        pos = line_start = quotes = 0  # quotation marks opened on the current line up to pos: one pass, linear
        for m in _QUOTED_PAIR.finditer(text):
            segment = text[pos : m.start()]
            newline = segment.rfind("\n")
            if newline >= 0:
                line_start, quotes, segment = pos + newline + 1, 0, segment[newline + 1 :]
            quotes += segment.count("\"") + segment.count("“") - segment.count("”")
            pos = m.start()
            window = text[max(line_start, m.start() - 300) : m.end() + 300].split("\n", 1)[0]  # from the line's start at most
            if quotes % 2 != 1 or "감독" not in window:
                continue  # not inside an open quote, or no 감독 near it on its line
            names = (m.group(1), m.group(2))
            if all(_looks_korean_name(n) and n not in _NOT_NAMES and not title_family(n) and n[-1] not in _NOUN_LAST_SYLLABLES
                   and self.known.type_of(n) in (None, "person") for n in names):
                hits += [_Hit(names[0], m.start(1), "title", "person"), _Hit(names[1], m.start(2), "title", "person")]
        return hits

    def scorer_hits(self) -> list[_Hit]:
        """Players named bare in a sentence that scores them (최혜진은 … 7언더파로, 서진수가 골을 넣으며, 김인균이 선발로): a
        Korean name with a subject, topic or 과/와 particle, a result word (see _SCORE_WORD) after it within six words of
        the same clause. Found from the result words back (rare), not from every name-shaped word forward."""
        text = self.text
        points = [m for m in _POINTS.finditer(text) if m.start() and text[m.start() - 1].isdigit()]
        if points and not _GAME_REPORT.search(text):
            points = []
        if not points and not _SCORE_GATE.search(text):  # literals only: ten times cheaper than _SCORE_WORD's digit branches
            return []
        hits: list[_Hit] = []
        seen: set[int] = set()
        scores = list(_SCORE_WORD.finditer(text)) if _SCORE_GATE.search(text) else []
        for score in sorted(scores + points, key=lambda m: m.start()):
            lo = max(0, score.start() - _SCORE_REACH)
            for m in _BARE_NAME.finditer(text, lo, score.start()):
                gap = text[m.end() : score.start()]
                name = m.group(1)
                if m.group().endswith("의") and (gap != " " or not _OWN_RESULT.match(score.group())
                                                 or not _is_hangul(text[score.end() : score.end() + 1] or " ")):
                    continue  # 최원준의 끝내기로: a possessive only right before its result, which ends there (여름밤의 홈런 대결)
                if m.group()[-1] in "과와" and not self._joins_a_player(m.end()):
                    continue  # 양효진과 황연주가: 과/와 joins two players; 백어택과 서브 득점을 joins two nouns
                if self._verb_after_object(m.start(1)):
                    continue  # 승점 3점을 안겨주는 K리그의 결승골: after an object a 는-word is a verb's, no subject's
                if (m.start(1) in seen or _CLAUSE_BREAK.search(gap) or len(gap.split()) > 5 or not _looks_korean_name(name)
                        or not self._free_name(name) or name in _ROLE_WORDS or name in _ROLE_NOUNS
                        or name[1:] in _NOT_GIVEN_ENDINGS or name[-1] in "들하가골" or name in _SQUAD_NOUNS):
                    continue  # 사람들은, 진입하는, 이어가는, 공격수가, 전반전에, 선제골이: no player's name
                seen.add(m.start(1))
                hits.append(_Hit(name, m.start(1), "rule", "person"))
        return hits

    def _joins_a_player(self, end: int) -> bool:
        """Whether the word after a 과/와 ending at `end` is a Korean name with a subject or topic particle (양효진과 황연주가)."""
        m = _BARE_NAME.match(self.text, end + 1) if self.text[end : end + 1] == " " else None
        return m is not None and m.group()[-1] in "이가은는" and _looks_korean_name(m.group(1))

    def _verb_after_object(self, start: int) -> bool:
        """Whether the word starting at `start` comes right after an object (a word ending in 을/를 on the same line): in
        Korean the subject stands before the object, so a 는/은-ending word there is a verb's modifier (3점을 안겨주는)."""
        text = self.text
        if text[start - 1 : start] != " ":
            return False
        before = text[max(0, start - 12) : start - 1]
        word = before.rsplit(None, 1)[-1] if before.strip() else ""
        end = text.find(" ", start)
        here = text[start : end if end >= 0 else len(text)]
        return len(word) >= 2 and word[-1] in "을를" and here[-1:] in "는은" and "\n" not in before[-len(word):]

    def _club_before(self, i: int) -> bool:
        """A club the alias file knows, with 의, right before words[i] (SK 와이번스의 투수, 롯데 자이언츠의 타자)."""
        prev = self.words[i - 1] if i else None
        if prev is None or prev.closes or not prev.core.endswith("의") or len(prev.core) < 3:
            return False
        core = prev.core[:-1]
        if self.known.type_of(core) == "company":
            return True
        return i >= 2 and not self.words[i - 2].closes and self.known.type_of(f"{self.words[i - 2].core} {core}") == "company"

    def _foreign_name_at(self, k: int) -> tuple[str, int, bool] | None:
        """A transliterated name of two or three words starting at words[k] and ending with a particle or punctuation
        (브록 다익손, 호세 미구엘 페르난데스, 워웍 서폴드와): (name, index of the next word, whether a list goes on after it)."""
        words, parts = self.words, []
        for t in range(3):
            if k + t >= len(words) or t and (words[k + t].line_start or words[k + t].opens):
                return None
            w = words[k + t]
            core = w.core
            if not all(map(_is_hangul, core)):
                return None
            # before punctuation only the plain case particles (페르난데스는, but 페르난도, keeps its 도)
            particles = _LIST_CLOSING_PARTICLES if w.closes else _NAME_PARTICLES
            particle = next((p for p in particles if core.endswith(p) and len(core) > len(p)), None)
            if particle is None and not w.closes:
                parts.append(core)
                continue
            parts.append(core[: -len(particle)] if particle else core)
            goes_on = particle in ("와", "과") or particle is None and self.text[w.end : w.end + 1] == ","
            break
        else:
            return None
        if len(parts) < 2 or any(p in _NOT_NAMES or p in _ROLE_NOUNS or p in _ROLE_WORDS or title_family(p)
                                 or self.known.type_of(p) not in (None, "person") for p in parts):
            return None
        name = " ".join(parts)
        if not (any(c in _LOANWORD_SYLLABLES for c in name) or len(parts) == 2 and _japanese_pair(*parts)):
            return None
        return name, k + len(parts), goes_on

    def _foreign_players(self, k: int) -> list[_Hit]:
        """The foreign name at words[k] and the ones listed after it (…서폴드와 채드 벨, …터너, 조 윌랜드는), at most ten."""
        hits: list[_Hit] = []
        while len(hits) < 10:
            if hits and k < len(self.words) and self.words[k].core in _ROLE_WORDS:
                k += 1  # …해즐베이커와 투수 제이콥 터너: the next item has its own role word
            found = self._foreign_name_at(k)
            if found is None:
                break
            name, nxt, goes_on = found
            if not hits and not goes_on and not any(c in _LOANWORD_SYLLABLES for c in name.split()[0]):
                break  # 투수 교체 타이밍은: a common noun first; a name opens with a transliterated word or a list goes on
            hits.append(_Hit(name, self.words[k].start, "title", "person"))
            if not goes_on:
                break
            k = nxt
        return hits

    def transfer_hits(self) -> list[_Hit]:
        """Players named bare in a sentence that moves them to or from a club (see _TRANSFER_VERB): the nearest Korean name
        with a subject or topic particle within four words before the club, the club within three words before the verb."""
        if not _TRANSFER_VERB.search(self.text):
            return []
        hits: list[_Hit] = []
        words = self.words
        for m in _TRANSFER_VERB.finditer(self.text):
            i = bisect_right(self._word_starts, m.start()) - 1
            club = next((k for k in range(i, max(i - 4, -1), -1) if self._is_club(words[k])), None)
            if club is None or (club < i and words[club].closes):
                continue
            for k in range(club - 1, max(club - 5, -1), -1):
                w = words[k]
                if w.closes:
                    break
                core = w.core
                name = core[:-1]
                if (core.endswith(_SUBJECT_PARTICLES) and _looks_korean_name(name) and _particle_fits(name[-1], core[-1])
                        and name not in _NOT_NAMES and not title_family(name) and self.known.type_of(name) in (None, "person")):
                    hits.append(_Hit(name, w.start, "title", "person"))
                    break
                if w.line_start:
                    break
        return hits

    def club_player_hits(self) -> list[_Hit]:
        """A player written right after his baseball club (해태 타이거즈 최상덕을, 롯데 자이언츠의 펠릭스 호세는, SK 와이번스 제이미
        로맥이었다): a Korean name, or two transliterated words, ending in a particle."""
        if not _CLUB_HINT.search(self.text):
            return []
        hits: list[_Hit] = []
        words = self.words
        for i, w in enumerate(words):
            core = w.core[:-1] if w.core.endswith("의") else w.core
            if not core.endswith(_CLUB_NICKNAMES):
                continue
            club = _strip_tail(w.core)
            if (i and club.endswith(_CLUB_NICKNAMES) and not words[i - 1].closes and not w.line_start
                    and "place" in (self.known.type_of(words[i - 1].core), self.known.type_of(words[i - 1].core + "시"))
                    and self.known.type_of(club) is None):  # 고양 is known as 고양시 (고양이: a cat)
                hits.append(_Hit(f"{words[i - 1].core} {club}", words[i - 1].start, "rule", "company"))  # 고양 원더스: a town's club
            if i + 1 == len(words) or w.closes or words[i + 1].line_start:
                continue
            first = words[i + 1]
            name = _strip_tail(first.core)
            if name != first.core and _looks_korean_name(name) and self._free_name(name):
                hits.append(_Hit(name, first.start, "title", "person"))
                continue
            if i + 2 < len(words) and not first.closes and not words[i + 2].line_start:
                last = _strip_tail(words[i + 2].core)
                pair = f"{first.core} {last}"
                if (last != words[i + 2].core and _foreign_name_pair(first.core, last) and self.is_name_word(first)
                        and any(c in _LOANWORD_SYLLABLES for c in first.core + last) and self._free_name(last) and self._free_name(pair)):
                    hits.append(_Hit(pair, first.start, "title", "person"))
        return hits

    def _free_name(self, name: str) -> bool:
        return (name not in _NOT_NAMES and not title_family(name) and self.known.type_of(name) in (None, "person")
                and all(map(_is_hangul, name.replace(" ", ""))))

    def _is_club(self, w: _Word) -> bool:
        core = _strip_tail(w.core)
        kind = self.known.type_of(core)
        if kind is None:
            found = _suffix_type(core)
            kind = found[0] if found and len(core) > len(found[1]) + 1 else None
        return kind in ("company", "org") and core not in _NOT_NAMES
