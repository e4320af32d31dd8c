import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.ingest.decode import decode_bytes, sanitize
from store.model import InputError

KOREAN = "삼성전자와 SK하이닉스는 월 90만장의 HBM을 공급한다. 오픈AI는 5000억 달러(약 700조원)를 투자한다."


@pytest.mark.parametrize("encoding", ["cp949", "euc-kr", "utf-8"])
def test_korean_without_bom(encoding):
    assert decode_bytes(KOREAN.encode(encoding)) == KOREAN


def test_cp949_only_syllables_decode():
    # 똠, 햏 and 뷁 are outside EUC-KR: only CP949 (UHC) encodes them
    text = "똠방각하 햏자 뷁, 삼성과 오픈AI는 협력한다."
    assert decode_bytes(text.encode("cp949")) == text


@pytest.mark.parametrize(
    "bom, encoding",
    [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")],
)
def test_bom_is_used_and_dropped(bom, encoding):
    assert decode_bytes(bom + KOREAN.encode(encoding)) == KOREAN


def test_utf16_text_has_nul_bytes_but_is_not_binary():
    data = "\ufeffAI 3대 강국".encode("utf-16-le")
    assert b"\x00" in data
    assert decode_bytes(data) == "AI 3대 강국"


def test_broken_utf16_after_bom():
    with pytest.raises(InputError, match="UTF-16"):
        decode_bytes(b"\xff\xfe" + "삼성".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty(data):
    with pytest.raises(InputError, match="empty file"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00", "GIF"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00", "gzip"),
    ],
)
def test_binary_magic(data, kind):
    with pytest.raises(InputError, match=f"binary file \\({kind}"):
        decode_bytes(data)


def test_nul_bytes_mean_binary():
    with pytest.raises(InputError, match="NUL"):
        decode_bytes("삼성전자".encode() + b"\x00\x01\x02")


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("こんにちは、ありがとう。東京都", "shift_jis"),  # decodes as CP949 into rare syllables
        ("さようなら ひらがな", "shift_jis"),
        ("Größe café élève naïve", "latin-1"),
        ("Größe", "latin-1"),  # F6 DF is a valid CP949 pair (a Hanja)
    ],
)
def test_non_korean_legacy_encodings_are_rejected(text, encoding):
    with pytest.raises(InputError, match="not UTF-8, UTF-16 or CP949"):
        decode_bytes(text.encode(encoding))


def test_sanitize_strips_terminal_escapes():
    raw = (
        "삼성\x1b[31m전자\x1b[0m는 "  # colour
        "\x1b]0;pwned\x07"  # window title (OSC, BEL)
        "\x1b]8;;http://x\x1b\\링크\x1b]8;;\x1b\\ "  # hyperlink (OSC, ST)
        "\x1b[2J\x1b[H"  # clear screen, home
        "\x1bPqdata\x1b\\"  # DCS string
        "\x9b1m오픈AI\x1b7"  # 8-bit CSI, save cursor
    )
    assert sanitize(raw) == "삼성전자는 링크 오픈AI"


def test_sanitize_controls_line_breaks_and_invisibles():
    raw = "가\r\n나\r다\x0c라\x00\x07\x08마\t바\u200b\ufeff\u202e사\x85아"
    assert sanitize(raw) == "가\n나\n다\n라마\t바사\n아"


def test_sanitize_composes_jamo_to_syllables():
    decomposed = unicodedata.normalize("NFD", "한국어 뉴스")
    assert len(decomposed) > len("한국어 뉴스")
    assert sanitize(decomposed) == "한국어 뉴스"


NASTY = st.text(
    alphabet=st.sampled_from(list("\x1b[]();?0123m\x07\\P\x9b\x9d\x9c\r\n\t\x00\x0c\u200b\ufeff가각ㄱㅏᄀ\u1161 a"))
    | st.characters(),
    max_size=60,
)


@given(NASTY)
@settings(max_examples=400, deadline=None)
def test_sanitize_is_idempotent_and_clean(text):
    once = sanitize(text)
    assert sanitize(once) == once
    assert "\r" not in once and "\x1b" not in once
    assert all(c in "\n\t" or unicodedata.category(c) != "Cc" for c in once)
    assert not any(c in once for c in "\u200b\u200d\u202e\u2066\ufeff")
    assert unicodedata.is_normalized("NFC", once)


@given(st.binary(max_size=200))
@settings(max_examples=300, deadline=None)
def test_decode_raises_only_input_error(data):
    try:
        text = decode_bytes(data)
    except InputError as err:
        assert "\n" not in str(err)
    else:
        assert isinstance(text, str) and text


def test_binary_bytes_after_a_utf16_bom_are_refused_not_indexed_as_ideographs():
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(b"\xff\xfe\x00garbage\x00\x01")  # decodes to 最牡慢敧Ā
    assert decode_bytes(b"\xff\xfe" + "삼성전자, 韓 AI 투자 5000억 원".encode("utf-16-le")).startswith("삼성전자")
