"""The line flow of a page: each line classified as debris, a date or byline, a caption or text (`_scan`), with the
outlet, reporters and dates it names. store.ingest.clean makes the Article from what this finds."""
from __future__ import annotations

import re

from .clean_base import (SIGN_OFF_WORDS, _AFTER_SENTENCE, _BULLET, _JOB, _NAMES, _Found, _Line, _MAX_FOOTER_CHARS,
                         _NAME, _ends_sentence, _is_prose, _is_story_paragraph, _looks_like_name, _norm)
from .clean_chrome import MAX_CHROME_LINE, NAMED_TURN, chrome_line
from .clean_flat import SUBSCRIBE_BYLINE
from .clean_furniture import SCRIPT_LABEL, add_voice
from .clean_debris import (comment_form, COMMENT_COUNT, _AGENCY_LINE, BROADCAST_LOGO, CREDIT_CHAIN, CREDITED_CAPTION,
                           HANDOUT_LINE, IMAGE_FILE, PAGE_BUTTONS, TURN_LABELS, SUBSCRIBE_OUTLET, _CAPTION_MARK,
                           _CAPTION_OPENING, _CAPTION_POSITION, _COMMENT_HEADER, _IMAGE_STUB, _LEADING_CREDITS,
                           _LIST_HEADER, _OUTLET_LINE, _PHOTO_DATE_CREDIT, REPLY_OUTLET, WEB_OUTLET, _PORTAL_OUTLET,
                           _STAFF_PHOTO_CREDIT, _WORD_ENDING, _caption_row, _is_debris, _photo_page, _strip_credits,
                           copyright_notice, strip_button_tail)
from .clean_meta import (_BYLINE_EMAIL_INSIDE, _BYLINE_PREFIXES, _BYLINE_TAIL, _COPYRIGHT_OUTLET, _DESK_BYLINE,
                         _FOOTER_OUTLET, _HAND_OFF, _HANGUL_OUTLET, _INLINE_TAIL, _JOB_WORDS, _MAX_INLINE_TAIL,
                         _NAME_EMAIL, _OUTLET_DATELINE, _OUTLET_EMAIL, _OUTLET_MARK_TAIL, _OUTLET_PAREN, _SIGN_OFF,
                         _SPACED_PREFIX, OWNER_OUTLET, SOURCE_OUTLET, NAME_OUTLET_TAIL, MAX_NAME_OUTLET_TAIL,
                         EQUALS_PREFIX, DESK_DATELINE, TOWN_OUTLET_PAREN, _BYLINE_LINE, _STORY_TAG, _add_byline,
                         _copyright_outlet, _date_or_byline_line, parse_date, sign_off_outlet)
from .clean_captions import (_OWN_CREDIT_TAIL, _WIRE_DATELINE, _WIRE_PHOTO_STAMP, MAX_CREDITED_CAPTION,
                             MIN_DOUBLED_CAPTION, MIN_DOUBLED_LINE, _credited_caption, _undouble, _wire_caption_block)

_BRACKET_BYLINES = re.compile(rf"^\[\s*((?:{_NAMES})\s*{_JOB}(?:\s*[/,·]\s*(?:{_NAMES})\s*{_JOB})*)\s*\]")
# "date 2025-10-28 네이버클라우드가 …": a stored page's date field glued before the lede
_STORE_DATE = re.compile(r"^date\s+(?P<date>(?:19|20)\d\d-\d\d-\d\d)\s+")
_DESK_TAG = re.compile(r"(?<=[.!?。\"'”’])\s+\([가-힣]{2,4}\)$")
# "글로벌 메트로신문": a tagline word, then a logo line's name (the logo pattern without its ^)
_MASTHEAD = re.compile(rf"^(?P<first>[가-힣A-Za-z]{{2,4}})\s(?P<outlet>{_OUTLET_LINE.pattern[1:]})")
_GENERIC_PAPER = re.compile(r"^(?:지역|인터넷|종합|전문|경제|일간|주간|온라인|종이|무료)(?:신문|일보|방송|뉴스)")  # kinds of paper
_CATEGORY_TAIL = re.compile(r"\s*\[\s*(?:카테고리|분류)(?:\s*[:：]\s*|\s)[^\[\]]{0,30}\]$")
_TAG_NAME = re.compile(r"^[가-힣]{3,10}$")
_PLACE_ENDS = "시군구도청"  # round 21: "[고성군] …" under a date line is a release's source, not the outlet's tag
_LEADING_IMAGE_FILE = re.compile(rf"^{IMAGE_FILE}(?=[^\s.,])", re.I)  # glued: "logo.png 파일을 공개했다" is a sentence
# "입력" alone: a date's label whose date the page did not keep
_DATE_LABEL_ALONE = re.compile(r"^(?:입력|수정|등록|승인|발행|송고|업데이트|최종\s?수정)\s*[:：]?$")
MAX_LIST_HEADER = 80  # the longest a header's pattern spells on a normalized line is about 60 characters
_COUNTER_ROW = re.compile(r"^\d[\d,]*(?:\s\d[\d,]*){1,2}$")

# --- line flow: each line is debris, a date or byline, a caption or text ---------------------------


def _scan(text: str) -> _Found:
    found = _Found()
    in_list = False  # inside a related-headlines list or price ticker
    in_comments = False
    in_footer = False  # after a copyright or tip-line footer that follows the story: only prose is kept
    source_label = False  # the line before was a lone "출처" label: its value follows
    seen_text, checked = False, 0  # a text or caption line was kept; lines looked at for it so far
    turn = False  # the line before was a transcript's turn label ("[앵커]"): the next text is speech, not a deck
    raws = text.split("\n")
    lead_tags: set[str] = set()  # "[페어뉴스]=": outlet tags that opened a line
    block_end = 0  # a wire photo's caption block runs up to this line
    section_steps: set[str] = set()  # the steps of a breadcrumb above the story ("교육현장", "수도권소식")
    for i, raw in enumerate(raws):
        line = _norm(_IMAGE_STUB.sub("", raw) if "![" in raw or "본문" in raw else raw)  # each of its two forms has one
        if not line:
            found.lines.append(_Line("", "blank" if not raw.strip() else "sep"))
            continue
        if in_comments:
            continue
        if i < block_end:  # inside a wire photo's caption block (see _wire_caption_block)
            found.lines.append(_Line(_WIRE_PHOTO_STAMP.sub("", _WIRE_DATELINE.sub("", line)).strip(), "caption"))
            continue
        if line[:1] in "([【" and "=" in line[:40] and _WIRE_DATELINE.match(line):
            block_end = _wire_caption_block(raws, i)
            if block_end > i:
                found.lines.append(_Line(_WIRE_PHOTO_STAMP.sub("", _WIRE_DATELINE.sub("", line)).strip(), "caption"))
                continue
        line = _undouble(line)
        if len(raw) >= MIN_DOUBLED_CAPTION and "기자" in raw and ((i > 0 and raws[i - 1] == raw) or (
                i + 1 < len(raws) and raws[i + 1] == raw)):  # a line printed twice in a row: a photo's alt text, caption
            caption = _credited_caption(line)
            if caption:
                found.lines.append(_Line(caption, "caption"))
                continue
        if not found.seen_prose and i + 1 < len(raws) and raws[i + 1].strip() == raw.strip() and (
                MIN_DOUBLED_CAPTION <= len(line) <= MAX_CREDITED_CAPTION) and _ends_sentence(line):
            found.lines.append(_Line(line, "caption"))  # a sentence printed twice in a row above the story: a photo's
            continue  # alt text and its caption (the second copy goes as a repeat of the caption)
        # round 18: a headline-like line printed twice in a row below the headline: a photo's alt text and its caption
        # (the first copy is read; the second goes as a repeat of the caption, or of the headline when it is one)
        if i + 1 < len(raws) and raws[i + 1].strip() == raw.strip() and not _ends_sentence(line) and (
                MIN_DOUBLED_LINE <= len(line) <= MAX_CREDITED_CAPTION):
            after = _norm(raws[i + 2]) if i + 2 < len(raws) else ""
            if (found.seen_prose or (after[:1] in "([【" and _WIRE_DATELINE.match(after) and _wire_caption_block(
                    raws, i + 2) > i + 2)) and line[:1] not in "•·-■◆▶▲[【<(" and not any(
                    mark in line for mark in (":", "=", "@", "제공")) and "기자" not in line[-12:] and not _is_debris(line):
                found.lines.append(_Line(line, "caption"))
                continue
        stored = _STORE_DATE.match(line) if line.startswith("date ") else None
        if stored:
            found.dates.append((parse_date(stored["date"]), stored["date"]))
            line = line[stored.end():]
        if line.startswith("["):
            tag = _LEAD_TAG.match(line)
            if tag and tag[1] in lead_tags:  # "[페어뉴스]= 고흥군(…)이 …" again on a later line: a section list's next item
                in_comments = True
                found.lines.append(_Line("", "sep"))
                continue
            if tag:
                lead_tags.add(tag[1])
            if "기자" in line[:16]:
                line = _lead_bracket_byline(line, found)
        tail = line[-40:]
        if " /" in tail:
            signed = _SLASH_SIGN_OFF.search(line, max(0, len(line) - 40))
            if signed and _looks_like_name(signed["name"]):  # "… 주의가 필요하다. /박승우 인천남동경찰서 정보과": a
                line = line[: signed.start()].rstrip()  # reader's sign-off, a byline naming no reporter
        if " - " in tail and len(line) >= MIN_LABELLED_TEASER:
            labelled = _SOURCE_LABEL_TAIL.search(line, len(line) - 16)
            if labelled:  # "… 몇 번 말씀드렸지만 - 매일신문": an aggregator's teaser cut off before its source's name
                found.footer_outlets.append(labelled["outlet"])
                line = line[: labelled.start()].rstrip()
        if not found.seen_prose and line.endswith("]"):  # "제목 [카테고리 설정이 아직되어 있지 않습니다.]": an aggregator's
            line = _CATEGORY_TAIL.sub("", line)  # category label (or its empty-category notice) after the headline
            if not line:
                found.lines.append(_Line("", "sep"))
                continue
        core = _BULLET.sub("", line)
        bulleted = core != line
        if bulleted and section_steps and found.seen_prose and core in section_steps:
            found.lines.append(_Line("", "sep"))  # "• 교육현장" under a section list's item: its category link
            continue
        if bulleted and section_steps and found.seen_prose and _after_stamp(found) and not _is_prose(core):
            in_comments = True  # round 18: an item's category links and date, then "• 다음 기사 제목": the section
            found.lines.append(_Line("", "sep"))  # list's next item, not the story
            continue
        if bulleted and found.seen_paragraph and _next_item(raws, i, core):
            in_comments = True  # "• 다음 기사 제목" printed again under its bullet: a tag page's next item, not the story
            found.lines.append(_Line("", "sep"))
            continue
        if not found.seen_prose and _COUNTER_ROW.match(core):  # "1,969 8" above a forum post: views and comments
            found.lines.append(_Line("", "sep"))
            continue
        if in_list:
            if not bulleted and (_is_prose(core) or _is_story_paragraph(core) or core.startswith(("■", "◆"))):
                in_list = False
            elif len(core) <= _MAX_FOOTER_CHARS and copyright_notice(core):
                in_list = False  # the page's copyright line under the list: read below for the outlet it names
            elif not found.seen_prose and core in PAGE_BUTTONS:
                in_list = False  # "많이 본 뉴스" at the top, then share buttons: the list widget was empty (its stories
                found.lines.append(_Line("", "sep"))  # were not scraped), the headline comes after the buttons
                continue
            else:
                continue
        if in_footer and (bulleted or line.startswith(("-", "–", "·")) or not _is_prose(core)):
            found.lines.append(_Line("", "sep"))
            continue
        # "| caption |" rows, and "↑ caption / 사진 = 연합뉴스 |" whose opening bar the converter lost
        if (line.startswith("|") and line.endswith("|") and len(line) > 1) or (line.endswith("|") and line.count("|") == 1):
            _caption_row(line, found)
            continue
        if _COMMENT_HEADER.match(core) or (core[:3] in ("Log", "To ") and _COMMENT_HEADER_EN.match(core)) or (
                core[:1] in "댓의" and comment_form(core)) or ("댓글" in core and COMMENT_COUNT.match(core)):
            in_comments = found.seen_prose  # a comment count in a top toolbar must not end the story
            found.lines.append(_Line("", "sep"))
            continue
        if len(core) <= MAX_LIST_HEADER and _LIST_HEADER.match(core):  # a header is short: most lines skip the look
            in_list = True
            found.lines.append(_Line("", "sep"))
            continue
        if core in TURN_LABELS or (core[-1:] == ">" and NAMED_TURN.match(core)) or (  # round 20: "이혜은 앵커>" too
                core[:1] == "◀" and SCRIPT_LABEL.match(core)):  # round 21: "◀ANC▶", "◀SYN▶ 장흥군"
            turn = True
            found.lines.append(_Line("", "sep"))
            continue
        chrome = chrome_line(core, found.seen_prose) if len(core) <= MAX_CHROME_LINE else None  # round 20 (see clean_chrome)
        if chrome is not None:
            if chrome:
                found.footer_outlets.append(chrome)
            found.lines.append(_Line("", "sep"))
            continue
        if source_label:  # "출처" then "외교부": the portal's source field, a line of its own
            source_label = False
            if len(core) <= 20 and not _ends_sentence(core):
                found.lines.append(_Line("", "sep"))
                continue
        if core == "출처":
            source_label = True
        while not seen_text and checked < len(found.lines):  # each line looked at once: linear on a page of chrome
            seen_text = found.lines[checked].kind in ("text", "caption")
            checked += 1
        masthead = None if bulleted or seen_text else _MASTHEAD.match(core)  # "글로벌 메트로신문" above everything else:
        # the outlet's logo and its tagline word
        if masthead and masthead["first"][-1] not in _WORD_ENDING and not _GENERIC_PAPER.match(masthead["outlet"]):
            found.footer_outlets.append(masthead["outlet"])
            found.lines.append(_Line("", "sep"))
            continue
        logo = BROADCAST_LOGO.match(core) if core.endswith(" 뉴스") else None
        if logo:
            found.footer_outlets.append(logo["outlet"])
            found.lines.append(_Line("", "sep"))
            continue
        source = SOURCE_OUTLET.match(core) if core.startswith("출처") else None
        if source and _HANGUL_OUTLET.search(source["outlet"]):  # "출처-한국경제" under a forum's repost
            found.footer_outlets.append(source["outlet"])
            found.lines.append(_Line("", "sep"))
            continue
        credit = _BARE_CREDIT.match(core) if found.seen_prose and core[:1] in "ⓒ©Ⓒ" else None
        if credit and _prose_next(raws, i):
            found.credit_outlets.append(credit["owner"])  # "ⓒ하남문화재단" between paragraphs: a
            found.lines.append(_Line("", "sep"))  # photo's credit (the story goes on), not the page's copyright line
            continue
        if _is_debris(core) or (not bulleted and _OUTLET_LINE.match(core)):  # "• 한줄뉴스" is a menu item, not a logo
            for rx in (_FOOTER_OUTLET, WEB_OUTLET, _COPYRIGHT_OUTLET, _PORTAL_OUTLET, SUBSCRIBE_OUTLET, OWNER_OUTLET, REPLY_OUTLET,
                       _OUTLET_LINE):  # "ⓒ 연합뉴스", a logo line
                hit = rx.search(core)
                if hit:
                    found.footer_outlets.append(
                        core if rx is _OUTLET_LINE else _copyright_outlet(core) if rx is _COPYRIGHT_OUTLET else hit.group("outlet"))
                    break
            in_footer = in_footer or (found.seen_prose and len(core) <= _MAX_FOOTER_CHARS and bool(
                copyright_notice(core) or REPLY_OUTLET.match(core)))
            subscribed = SUBSCRIBE_BYLINE.match(core) if "구독" in core and len(core) <= 30 else None
            if subscribed:  # "최송아기자 구독 구독중 이전 다음": the reporter's subscribe button names the reporter
                _add_byline(found, None, subscribed["names"])
            slashed = _BYLINE_LINE.match(core) if core.startswith("/") and "기자" in core else None
            if slashed:  # "/송영웅기자" under the story: the byline, not a photo's credit
                _add_byline(found, slashed["outlet"], slashed["names"], spaced=True)
            if not found.seen_prose and (">" in core or "›" in core or "»" in core):
                section_steps |= _section_name_above(found, core)
            bracketed = _BRACKET_BYLINES.match(core) if core.startswith("[") else None
            if bracketed:  # "[고민서 기자][ⓒ 매일경제 & mk.co.kr, 무단전재 …]": the byline glued before the copyright
                for names in re.findall(rf"({_NAMES})\s*{_JOB}", bracketed.group(1)):
                    _add_byline(found, None, names)
            found.lines.append(_Line("", "sep"))
            continue
        if len(core) <= MAX_PRINT_NOTE and ((core.startswith("자세한") and _PRINT_NOTE.match(core)) or (
                core.endswith("포토") and _PHOTO_DESK.match(core))):
            found.lines.append(_Line("", "sep"))  # a note sending to the print edition; "중앙포토" alone under the
            continue  # headline: a photo desk's credit
        if not seen_text and len(core) <= MAX_TOP_PROMPT and core.endswith(_PROMPT_ENDS) and _TOP_PROMPT.match(core):
            found.lines.append(_Line("", "sep"))  # "지역별 뉴스를 확인하세요." above the headline: the site's prompt
            continue
        if len(core) <= 8 and _DATE_LABEL_ALONE.match(core):
            found.lines.append(_Line("", "sep"))
            continue
        if found.seen_prose and core.endswith("제공") and HANDOUT_LINE.match(core):
            found.lines.append(_Line("", "sep"))
            continue
        named = _NAME_EMAIL.match(core) if "@" in core and len(core) <= 80 else None
        if named and _looks_like_name(named["name"]) and named["name"] not in _JOB_WORDS:  # "홍길동 기자 hong@…": no name 기자
            _add_byline(found, named["outlet"], named["name"])
            found.lines.append(_Line("", "sep"))
            continue
        signed = _OUTLET_EMAIL.match(core) if "@" in core and len(core) <= 80 else None
        if signed and _HANGUL_OUTLET.search(signed["outlet"]):
            _add_byline(found, signed["outlet"], None)
            found.lines.append(_Line("", "sep"))
            continue
        handed = (_HAND_OFF.match(core) or _DESK_BYLINE.match(core)) if len(core) <= 40 and (
            "기자" in core or "특파원" in core) else None
        if handed and _looks_like_name(handed["names"]):  # round 21: a hand-off is the voice's (see add_voice)
            (_add_byline if handed.re is _DESK_BYLINE else add_voice)(found, None, handed["names"])
            found.lines.append(_Line("", "sep"))
            continue
        sign_off = _SIGN_OFF.match(core)
        if sign_off and _looks_like_name(sign_off["names"]) and sign_off["names"] not in SIGN_OFF_WORDS:
            add_voice(found, sign_off_outlet(sign_off), sign_off["names"])
            found.lines.append(_Line("", "sep"))
            continue
        unbuttoned = strip_button_tail(core) if len(core) <= _MAX_FOOTER_CHARS else core
        if _date_or_byline_line(core, found) or (  # "• 승인 2022.01.07 17:22" as a bulleted list item too
                unbuttoned is not core and _date_or_byline_line(unbuttoned, found)):  # "… 기자 2022.06.23 17:09 카카오톡 …"
            _byline_above(found, core)
            found.lines.append(_Line("", "sep", stamp=True))
            continue
        credited = CREDITED_CAPTION.match(line) if line[:1] in ("[", "(", "【") else None
        if credited:
            caption, _ = _strip_credits(line[credited.end():], caption=True)
            found.lines.append(_Line(caption, "caption") if caption else _Line("", "sep"))
            continue
        line = _LEADING_CREDITS.sub("", line)  # "현대차[연합뉴스 제공] 국내 최대…": alt text and credit glued to the lede
        if line[:1].isascii() and "." in line[:80]:  # "132186273.3.jpg베트남에 …": a reposted image's file name
            line = _LEADING_IMAGE_FILE.sub("", line, count=1)
        if not line:
            found.lines.append(_Line("", "sep"))
            continue
        after_byline = False
        # Each byline prefix opens with a bracket, or holds its job word (기자, 특파원) and an = or |: other lines skip
        # the seven looks (~5% of cleaning, profiled)
        prefixed = line[:1] in "[【(" or (("=" in line or "|" in line) and ("기자" in line or "특파원" in line))
        for rx in _BYLINE_PREFIXES if prefixed else ():
            byline = rx.match(line)
            if byline:
                outlet = byline.groupdict().get("outlet")
                if rx is EQUALS_PREFIX and not _HANGUL_OUTLET.search(outlet):
                    outlet = None  # "구미=홍길동 기자 |": a town
                _add_byline(found, outlet, byline.group("names"), spaced=rx is _SPACED_PREFIX)
                line, after_byline = line[byline.end():].strip(), True
                break
        if not after_byline and not found.seen_paragraph and line[:1] in "【(":  # a short caption may stand above
            desk = DESK_DATELINE.match(line)
            town = None if desk else TOWN_OUTLET_PAREN.match(line)
            if town and (_STORY_TAG.search(town["outlet"]) or _looks_like_name(town["outlet"]) or not _is_prose(
                    line[town.end():])):
                town = None
            if desk or town:
                if town:
                    _add_byline(found, town["outlet"], None)
                elif _HANGUL_OUTLET.search(desk["desk"]):  # round 20: "【코코타임즈】 우리나라에서 …": an outlet's mark, no town
                    _add_byline(found, desk["desk"], None)
                line, after_byline = line[(desk or town).end():], True
        if not after_byline and not found.seen_prose:
            named = _OUTLET_DATELINE.match(line) or _OUTLET_PAREN.match(line)  # "[이코노믹데일리] 국내 IT 양대산맥인…":
            if named and _HANGUL_OUTLET.search(named["outlet"]):  # the outlet, no reporter
                _add_byline(found, named["outlet"], None)
                line = line[named.end():]
            elif named and named.re is _OUTLET_DATELINE and (found.reporters or _after_stamp(found)) and _TAG_NAME.match(
                    named["outlet"]) and not _STORY_TAG.search(named["outlet"]) and named["outlet"][-1] not in _PLACE_ENDS:
                found.tag_outlets.append(named["outlet"])  # "김한준 기자 | 승인 …" above "[게임플] 국내 최대의…"
                line = line[named.end():]
        if not line:
            found.lines.append(_Line("", "sep"))
            continue
        window = line[-_MAX_INLINE_TAIL:]
        inline = _INLINE_TAIL.search(line, max(0, len(line) - _MAX_INLINE_TAIL)) if any(
            mark in window for mark in ("관련", "#", "좋아요", "ⓒ", "©", "Copyright", "저작권자")) else None
        if inline and inline.start() > 0 and not re.fullmatch(  # not "ⓒ회사", "ⓒ시사저널 김동현", "ⓒ AFP=뉴스1 ⓒ News1 홍길동 기자":
                CREDIT_CHAIN, line[inline.start():]):  # a photo credit, the line a caption
            outlet = _copyright_outlet(line, inline.start())
            if outlet:
                found.footer_outlets.append(outlet)
            line = line[: inline.start()].rstrip()
        glued = _BYLINE_EMAIL_INSIDE.search(line) if "@" in line else None
        if glued and len(line) - glued.end() <= _MAX_INLINE_TAIL:  # a one-line page: byline, email, then chrome
            _add_byline(found, None, glued.group("names"))
            line = line[: glued.start()].rstrip()
        marked = _OUTLET_MARK_TAIL.search(line) if line.endswith(">") else None
        if marked:
            found.footer_outlets.append(marked["outlet"])
            line = line[: marked.start()].rstrip()
        tail = _BYLINE_TAIL.search(line) if "기자" in line or "특파원" in line else None  # its _JOB ends in one
        if tail is None and "@" in line[-MAX_NAME_OUTLET_TAIL:] and "기자" in line[-MAX_NAME_OUTLET_TAIL:]:
            named = NAME_OUTLET_TAIL.search(line, max(0, len(line) - MAX_NAME_OUTLET_TAIL))
            if named and _looks_like_name(named["names"]) and not _looks_like_name(named["outlet"]):
                _add_byline(found, named["outlet"], named["names"])
                line = line[: named.start()].rstrip()
        if tail:
            _add_byline(found, tail.group("outlet") or tail.group("wire"), tail.group("names"))
            if tail.group("more"):
                _add_byline(found, None, tail.group("more"))
            line = line[: tail.start()].rstrip()
            if not line:
                found.lines.append(_Line("", "sep"))
                continue
        photo = _PHOTO_DATE_CREDIT.search(line, max(0, len(line) - 40)) if "/" in line[-40:] else None
        if photo:
            found.photo_dates.append((parse_date(photo["date"]), photo["date"]))
            found.footer_outlets.append(photo["outlet"])
            _photo_page(found)
        staff = _STAFF_PHOTO_CREDIT.search(line, max(0, len(line) - 40)) if "ⓒ" in line[-40:] or "©" in line[-40:] else None
        if staff:
            found.credit_outlets.append(staff["outlet"])
        elif "ⓒ" in line[-14:] or "©" in line[-14:]:
            own = _OWN_CREDIT_TAIL.search(line, max(0, len(line) - 14))
            if own and not _AGENCY_LINE.match(own["outlet"]) and not _looks_like_name(own["outlet"]):
                found.credit_outlets.append(own["outlet"])  # "…향하고 있다. ⓒ데일리안": the outlet's own photo
        line, is_caption = _strip_credits(line, caption=False)
        if is_caption or (line.endswith(")") and _CAPTION_POSITION.search(line) and not _ends_sentence(line)) or (
                _CAPTION_OPENING.match(line)):
            caption = _CAPTION_MARK.sub("", line).strip()
            found.lines.append(_Line(caption, "caption") if caption else _Line("", "sep"))  # "▲(사진제공=SK)": a credit only
            continue
        if line.endswith(")"):  # "…골머리를 앓고있다"고푸념. (경주)": a regional desk's tag after the last sentence
            tag = _DESK_TAG.search(line, max(0, len(line) - 12))
            line = line[: tag.start()] if tag else line
        found.seen_prose = found.seen_prose or _ends_sentence(line)
        found.seen_paragraph = found.seen_paragraph or (len(line) >= 60 and _is_prose(line))
        found.lines.append(_Line(line, "text", after_byline or turn, credited=tail is not None))
        turn = False
    return found


# An English comment widget's first line ends the story: "Log in to Twitter or Facebook account to connect",
# "To write comments, please log in to one of the accounts."
_COMMENT_HEADER_EN = re.compile(r"^(?:Log in to (?:Twitter|Facebook|your)\b.{0,60}|To write comments?, please log in\b.{0,60})$")
# A note sending the reader to the print edition for a table: "*자세한 표는 신문 지면과 e-paper를 통해 보실 수 있습니다."
MAX_PRINT_NOTE = 90
_PRINT_NOTE = re.compile(r"^자세한\s[^.]{1,40}(?:지면|e-?paper|PDF)[^.]{0,30}(?:수\s있습니다|바랍니다|참고하세요)\.?[\"'”’]?$", re.I)
_PHOTO_DESK = re.compile(r"^[가-힣]{2,4}포토$")
# A site's prompt above everything else: a short request ending 하세요/주세요 (no quote: a quoted line is speech)
MAX_TOP_PROMPT = 30
_PROMPT_ENDS = ("하세요.", "주세요.", "하세요", "주세요", "하세요!", "주세요!")
_TOP_PROMPT = re.compile(r"^[가-힣A-Za-z0-9 ,·]{2,26}(?:하세요|주세요)[.!]?$")
_LEAD_TAG = re.compile(r"\[([^\[\]]{2,12})\]\s?=")
MIN_LABELLED_TEASER = 60
_SLASH_SIGN_OFF = re.compile(rf"{_AFTER_SENTENCE}\s+/\s?(?P<name>{_NAME})\s[가-힣A-Za-z]{{2,12}}(?:\s[가-힣A-Za-z]{{2,12}}){{0,3}}$")
_SOURCE_LABEL_TAIL = re.compile(rf"\s-\s(?P<outlet>{_OUTLET_LINE.pattern[1:-1]})$")


def _lead_bracket_byline(line: str, found: _Found) -> str:
    """ "[정명의기자] 20승 투수 출신 …": a bracketed byline glued before the lede's first sentence is read and cut (the
    copyright after "[고민서 기자][ⓒ …]" and a bracket alone stay with the byline line's own handling)."""
    lead = _BRACKET_BYLINES.match(line)
    if lead is None:
        return line
    rest = line[lead.end():].lstrip()
    if len(rest) < 10 or rest[:1] in "[(<ⓒ©" or copyright_notice(rest) or not _is_prose(rest):
        return line
    for names in re.findall(rf"({_NAMES})\s*{_JOB}", lead.group(1)):
        _add_byline(found, None, names)
    return rest


MAX_ITEM_LOOK = 3
_BARE_CREDIT = re.compile(r"^[ⓒ©Ⓒ]\s*(?P<owner>[가-힣A-Za-z0-9]{2,20})$")


def _next_line(raws: list[str], i: int) -> str | None:
    """The next non-blank line after line `i`, normalized, if one is among the next few."""
    return next((_norm(raw) for raw in raws[i + 1 : i + 1 + MAX_ITEM_LOOK] if raw.strip()), None)


def _prose_next(raws: list[str], i: int) -> bool:
    """Is the next non-blank line after line `i` (looked at among the next few) prose?"""
    following = _next_line(raws, i)
    return following is not None and _is_prose(following)


def _next_item(raws: list[str], i: int, core: str) -> bool:
    """Is the bulleted line `i` (without its bullet: `core`) printed again as the next non-blank line (a list's item:
    its headline as a link, then as a heading)?"""
    return len(core) >= 10 and _next_line(raws, i) == core


_DOT_BULLETS = "•◦▪▫●∙⋅"
_DASH_BULLETS = ("- ", "– ")
MAX_SECTION_LOOK = 4  # lines looked at above a breadcrumb


def _after_stamp(found: _Found) -> bool:
    """Was the last kept or dropped line (blanks aside) a date or byline line?"""
    for ln in reversed(found.lines[-MAX_SECTION_LOOK:]):
        if ln.kind != "blank":
            return ln.stamp
    return False


def _section_name_above(found: _Found, crumb: str) -> set[str]:
    """round 18: "교육현장" kept above "Home > 교육현장 > 수도권소식": the section's name, printed again as a step of the
    breadcrumb under it, is no headline."""
    steps = {step.strip() for step in re.split(r"[>›»]", crumb)}
    for ln in found.lines[-MAX_SECTION_LOOK:]:  # the last few lines only: a page of breadcrumbs stays linear
        if ln.kind == "text" and ln.text in steps:
            ln.kind, ln.text = "sep", ""
    return steps - {"", "Home", "HOME", "홈"}


def _byline_above(found: _Found, stamp: str) -> None:
    """The line right above a date line, when it completes the byline: "• 동아일보" above "• 입력 2017년 2월 24일" (the
    outlet's name as the first item of a byline list; "• 한줄뉴스" stands among menu items, never right above the
    story's date), or a bare name above "hong@x.com | 2023-03-24 15:40:48" (the reporter, above the email)."""
    prev = found.lines[-1] if found.lines else None
    if prev is None or prev.kind != "text":
        return
    if _BULLET.match(prev.text):
        name = _BULLET.sub("", prev.text)
        if _OUTLET_LINE.match(name) and not _GENERIC_PAPER.match(name):
            found.byline_outlets.append(name)
            found.lines[-1] = _Line("", "sep")
        elif not found.seen_paragraph and _looks_like_name(name):  # "• 김경은" above "• 승인 2022.12.21 10:20": the writer
            _add_byline(found, None, name)
            found.lines[-1] = _Line("", "sep")
    elif "@" in stamp and not found.seen_paragraph and _looks_like_name(prev.text):
        _add_byline(found, None, prev.text)
        found.lines[-1] = _Line("", "sep")
