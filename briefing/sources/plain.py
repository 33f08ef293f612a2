"""Plain text of unknown encoding -> clean lines, and a notice whenever the encoding was not UTF-8.

Reports arrive as UTF-8 (with or without a byte order mark), as UTF-16 from
Notepad's "Unicode" (usually with a BOM, sometimes without), or in a legacy
code page (Windows-1252, GB18030/GBK, Shift_JIS, Big5, ...). Byte order
marks and the NUL pattern of UTF-16 decide first; then strict UTF-8; then
charset-normalizer, which weighs every candidate code page by how readable
its result is, instead of guessing Windows-1252 for everything. Whatever was
assumed is said in a notice, and text that decodes to garbage (binary data,
a code page nobody recognises) says so too: it never passes silently.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import TYPE_CHECKING

from briefing.sources.document import Line, Notice, Place
from briefing.sources.text import INVISIBLE

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatches

_SPACE = re.compile(r"\s")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", ""),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
NAMES = {
    "cp1252": "Windows-1252",
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251",
    "latin_1": "ISO-8859-1",
    "gb18030": "GB18030",
    "gb2312": "GB2312",
    "gbk": "GBK",
    "big5": "Big5",
    "big5hkscs": "Big5-HKSCS",
    "shift_jis": "Shift_JIS",
    "cp932": "Shift_JIS (Windows-31J)",
    "euc_jp": "EUC-JP",
    "euc_kr": "EUC-KR",
    "cp949": "EUC-KR (Windows-949)",
    "utf_16": "UTF-16",
    "utf_16_le": "UTF-16 LE",
    "utf_16_be": "UTF-16 BE",
}
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "shift_jis": "cp932", "euc_kr": "cp949"}
UNREADABLE_SHARE = 0.05  # above this share of unreadable characters, the text is called garbage
_SAMPLE = 1 << 16
_ASCII = bytes(range(128))


def clean(raw: str) -> tuple[int, str]:
    """``raw`` without invisible characters, one space per whitespace character; (indent + 1, text)."""
    cleaned = _SPACE.sub(" ", INVISIBLE.sub("", unicodedata.normalize("NFC", raw)))
    stripped = cleaned.lstrip()
    return len(cleaned) - len(stripped) + 1, stripped.rstrip()


def split_lines(text: str) -> tuple[Line, ...]:
    lines = []
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        col, cleaned = clean(raw)
        lines.append(Line(number, col, cleaned))
    return tuple(lines)


def decode(data: bytes, declared: str = "") -> tuple[str, list[Notice]]:
    """The text of ``data`` and what the reader had to assume to get it.

    ``declared`` is an encoding the document names itself (an HTML ``<meta charset>``);
    a byte order mark still wins over it, as browsers do, and so does valid UTF-8.
    """
    text, notices = _decode(data, declared)
    garbage = _garbage_notice(text)
    return text, notices + ([garbage] if garbage else [])


def _decode(data: bytes, declared: str) -> tuple[str, list[Notice]]:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, errors="replace")
            return text, [_assumed(f"{name} (its byte order mark says so)")] if name else []
    wide = _utf16_without_bom(data)
    if wide:
        return data.decode(wide, errors="replace"), [_assumed(f"{NAMES[wide.replace('-', '_')]} (no BOM)")]
    try:
        return data.decode("utf-8"), []  # valid UTF-8 with any non-ASCII in it is not a legacy code page
    except UnicodeDecodeError as error:
        first_bad = error.start
    if declared:
        try:
            return data.decode(declared), [_assumed(f"{NAMES.get(declared, declared)} (as it declares)")]
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: find out as if there were none
    mostly = _mostly_utf8(data, first_bad)
    if mostly is not None:
        return mostly
    return _detected(data)


def _assumed(what: str) -> Notice:
    return Notice(Place(1, 1), f"the report is not UTF-8; read it as {what}")


def _utf16_without_bom(data: bytes) -> str:
    """``utf-16-le``/``-be`` when every other byte of the start is NUL, as in UTF-16 Latin text."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or len(data) % 2:
        return ""
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for codec, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros > 0.3 * half and others < 0.02 * half:
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                continue
            return codec
    return ""


def _mostly_utf8(data: bytes, first_bad: int) -> tuple[str, list[Notice]] | None:
    """UTF-8 with a few stray bytes (a pasted Windows-1252 quote): UTF-8, the strays marked."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = len(data.translate(None, _ASCII)) - bad  # bytes of valid UTF-8 sequences, about
    if multibyte < 4 * bad or bad > max(2, len(text) // 1000):
        return None
    line = data.count(b"\n", 0, first_bad) + 1
    message = f"the report is UTF-8 but {bad} of its bytes are not; they are shown as \ufffd"
    return text, [Notice(Place(line, 1), message)]


def _detected(data: bytes) -> tuple[str, list[Notice]]:
    """The code page charset-normalizer finds most readable; Windows-1252 when it finds none."""
    from charset_normalizer import from_bytes

    codec = _preferred(from_bytes(data[: 4 * _SAMPLE] if len(data) > 4 * _SAMPLE else data))
    if codec and not codec.startswith(("utf_8", "ascii")):
        try:
            text = data.decode(codec, errors="replace")
        except LookupError:
            text = ""
        if text:
            return text, [_assumed(f"{NAMES.get(codec, codec.upper().replace('_', '-'))} (detected)")]
    return data.decode("cp1252", errors="replace"), [_assumed("Windows-1252 (no encoding was recognised)")]


def _preferred(matches: CharsetMatches) -> str:
    """The code page charset-normalizer found most readable, except that Windows-1252, the most
    common by far, wins when it reads nearly as well (not the Baltic Windows-1257 or the DOS 775 for
    a French text), and a superset wins over its subset (GB18030 for GBK and GB2312)."""
    best = matches.best()
    if best is None:
        return ""
    common = [c for c in ("cp1252", "cp1251", "cp1250") if c in best.could_be_from_charset]
    if common:
        return common[0]
    for match in matches:
        if "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos + 0.1:
            return "cp1252"
    return SUPERSETS.get(best.encoding, best.encoding)


def _garbage_notice(text: str) -> Notice | None:
    """A notice when too much of ``text`` is unreadable: control characters, replacement
    characters, unassigned or private-use code points."""
    sample = text[: 4 * _SAMPLE]
    visible = [c for c in sample if not c.isspace()]
    if not visible:
        return None
    unreadable = sum(1 for c in visible if _unreadable(c))
    share = unreadable / len(visible)
    if share <= UNREADABLE_SHARE:
        return None
    return Notice(
        Place(1, 1),
        f"the report does not look like text: {share:.0%} of its characters are unreadable "
        "(binary data, or an encoding that was not recognised); what is drafted from it is noise",
    )


def _unreadable(char: str) -> bool:
    if char == "\ufffd":
        return True
    category = unicodedata.category(char)
    return category in ("Cc", "Cn", "Co", "Cs")
