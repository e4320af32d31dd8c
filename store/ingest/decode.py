"""Bytes -> text: pick the encoding of a Korean text file, refuse binary data, and scrub what a terminal would obey.

Order of trust: a BOM (UTF-8, UTF-16, UTF-32), then strict UTF-8, then CP949 (a superset of EUC-KR). A CP949
decode is accepted only when it reads as Korean: Latin-1 and Shift-JIS bytes often decode "successfully" as
CP949, but into rare syllables and Hanja, never into the 2,350 common syllables of KS X 1001.
"""
from __future__ import annotations

import re
import unicodedata

from ..model import InputError

BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)

BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# The 2,350 syllables of KS X 1001 (EUC-KR rows 0xB0-0xC8): nearly every syllable of real Korean prose.
COMMON_HANGUL = frozenset(
    bytes((lead, trail)).decode("euc_kr") for lead in range(0xB0, 0xC9) for trail in range(0xA1, 0xFF)
)
MIN_KOREAN_SHARE = 0.5  # of the non-ASCII characters in a CP949 decode
PLAUSIBILITY_SAMPLE = 200_000  # characters looked at; enough to judge, cheap on a 20 MiB file


def decode_bytes(data: bytes) -> str:
    """Decode a text file's bytes; raise InputError (one line) for empty, binary or undecodable data."""
    if not data:
        raise InputError("empty file")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"broken {encoding.upper()} text at byte {err.start + len(bom)}") from None
            if not text:
                raise InputError("empty file")
            if encoding != "utf-8" and not _reads_as_script(text):  # any even run of bytes decodes as UTF-16
                raise InputError(f"binary file, not {encoding.upper()} text (it decodes to no script a news text uses)")
            return text
    for magic, kind in BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError(f"binary file ({kind}), not text")
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        raise InputError("not UTF-8, UTF-16 or CP949 text") from None
    if not _reads_as_korean(text):
        raise InputError("not UTF-8, UTF-16 or CP949 text (decodes as CP949 but not as Korean)")
    return text


_SCRIPT = re.compile(r"[\t\n\x20-\x7e가-힣ᄀ-ᇿ㄰-㆏\u2000-\u206f\u3000-\u303f\uff00-\uffef]")


def _reads_as_script(text: str) -> bool:
    """Half or more of a sample is ASCII, Hangul or punctuation: binary bytes after a UTF-16 BOM decode to
    scattered CJK ideographs and rarely to that."""
    sample = text[:PLAUSIBILITY_SAMPLE]
    return len(_SCRIPT.findall(sample)) * 2 >= len(sample)


def _reads_as_korean(text: str) -> bool:
    sample = text[:PLAUSIBILITY_SAMPLE]
    non_ascii = [c for c in sample if c > "\x7f"]
    if not non_ascii:
        return True
    common = sum(1 for c in non_ascii if c in COMMON_HANGUL)
    return common / len(non_ascii) >= MIN_KOREAN_SHARE


_ESCAPE_SEQUENCE = re.compile(
    r"""
      (?:\x1b\[|\x9b) [0-?]* [ -/]* [@-~]                      # CSI: colours, cursor moves, erase
    | (?:\x1b\]|\x9d) [^\x07\x1b\x9c\n]* (?:\x07|\x1b\\|\x9c)?  # OSC: titles, hyperlinks, clipboard
    | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f]) [^\x1b\x9c\n]* (?:\x1b\\|\x9c)?  # DCS/SOS/PM/APC strings
    | \x1b [ -/]* [0-~]                                       # any other escape (charset, keypad, ...)
    """,
    re.VERBOSE,
)
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# C0/C1 controls except \t and \n; zero-width, BOM, soft hyphen and bidi controls (they reorder terminal text)
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


# The characters each of those patterns starts with: a scan for one of them is 3-5x cheaper than the
# substitution's own scan, and most text has none
_LINE_BREAK_CHAR = re.compile(r"[\r\x0b\x0c\x85\u2028\u2029]")
_ESCAPE_START = re.compile(r"[\x1b\x90-\x9f]")


def sanitize(text: str) -> str:
    """Text safe to show in a terminal: no escape sequences or control characters, \\n line breaks, NFC."""
    if _LINE_BREAK_CHAR.search(text):
        text = _LINE_BREAKS.sub("\n", text)
    if _ESCAPE_START.search(text):
        text = _ESCAPE_SEQUENCE.sub("", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)
