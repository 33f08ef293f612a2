"""Plain-text reports in any encoding: read right, and the encoding said whenever it was not UTF-8."""

from __future__ import annotations

import codecs
import random

import pytest

from briefing.sources import SourceText, read_source

ENGLISH = "Harbour Review\n\nThe new pier cost €12 million — “a bargain”, says Ann Lee.\nRents rose 35%.\n"
CHINESE = (
    "上海创新报告\n\n"
    "浦东新区的集成电路产业规模达到2800亿元，同比增长18%。张江科学城聚集了超过一千家研发机构，"
    "其中外资研发中心占三成以上。专家表示，未来五年将继续扩大开放。\n"
)
JAPANESE = "東京の報告書\n\n港の新しい桟橋は十二億円かかりました。家賃は三十五パーセント上がりました。\n"


def _read(tmp_path, data: bytes, name: str = "report.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_source(path)


def _messages(document) -> list[str]:
    return [notice.message for notice in document.notices]


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (ENGLISH.encode("utf-8"), None),
        (codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), None),
        (codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"), "UTF-16 (its byte order mark says so)"),
        (codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), "UTF-16 (its byte order mark says so)"),
        (ENGLISH.encode("utf-16-le"), "UTF-16 LE (no BOM)"),
        (ENGLISH.encode("utf-16-be"), "UTF-16 BE (no BOM)"),
        (codecs.BOM_UTF32_LE + ENGLISH.encode("utf-32-le"), "UTF-32 (its byte order mark says so)"),
    ],
)
def test_unicode_reports_read_with_or_without_a_byte_order_mark(tmp_path, data, said) -> None:
    document = _read(tmp_path, data)
    assert document.text == ENGLISH.replace("\n", "\n")
    assert _messages(document) == ([f"the report is not UTF-8; read it as {said}"] if said else [])


@pytest.mark.parametrize(
    ("text", "codec", "name"),
    [
        (ENGLISH.replace("€", "EUR") + "Café au lait, naïve façade.\n" * 3, "cp1252", "Windows-1252"),
        (CHINESE * 3, "gb18030", "GB18030"),
        (JAPANESE * 3, "shift_jis", "Shift_JIS"),
        (CHINESE.replace("规模", "規模") * 3, "big5", "Big5"),
    ],
)
def test_legacy_encodings_are_detected_and_said(tmp_path, text, codec, name) -> None:
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:  # simplified characters Big5 lacks
        text = text.encode(codec, errors="ignore").decode(codec)
        data = text.encode(codec)
    document = _read(tmp_path, data)
    assert document.text.splitlines()[2] == text.splitlines()[2]
    [message] = _messages(document)
    assert message.startswith("the report is not UTF-8; read it as ")
    assert name.split()[0].lower()[:3] in message.lower() or codec in message.lower()


def test_utf8_with_a_stray_windows_byte_keeps_its_utf8_and_points_at_the_line(tmp_path) -> None:
    data = ("Überblick über 12 Häfen.\n" * 40).encode() + b"A \x93quoted\x94 word.\n"
    document = _read(tmp_path, data)
    assert document.lines[0].text == "Überblick über 12 Häfen."
    [notice] = document.notices
    assert notice.place.line == 41 and "2 of its bytes are not" in notice.message


def test_binary_data_named_txt_is_said_to_be_noise(tmp_path) -> None:
    noise = random.Random(3)
    document = _read(tmp_path, bytes(noise.getrandbits(8) for _ in range(20_000)))
    assert any("does not look like text" in m for m in _messages(document))


def test_a_utf16_report_is_searchable_as_its_words(tmp_path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"))
    text = SourceText.read(path)
    assert text.contains('cost €12 million - "a bargain"')


def test_markdown_lines_are_kept_as_they_are(tmp_path) -> None:
    source = "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n> quoted\n"
    document = _read(tmp_path, source.encode(), "report.markdown")
    assert document.format == "markdown"
    assert document.text == source
    assert document.place(3).prefix("report.markdown") == "report.markdown:3:1"


@pytest.mark.parametrize(
    ("text", "codec", "said"),
    [
        ("Café prices rose 12% — “a lot”.", "cp1252", "Windows-1252"),
        ("Größe der Häfen: 12 Boote.", "cp1252", "Windows-1252"),
        (
            (("Café au lait, naïve façade, the pier cost €12 million. " * 40).strip() + "\n") * 100,
            "cp1252",
            "Windows-1252",
        ),
        ("Ceny wzrosły o 12% w Łodzi.", "cp1250", "Windows-1250"),
        ("Цены выросли на 12% в Москве.", "cp1251", "Windows-1251"),
        ("规模达到2800亿元，同比增长18%。", "gb18030", "GB18030"),
        ("家賃は三十五パーセント上がりました。", "shift_jis", "Shift_JIS"),
        ("規模達到2800億元，同比增長18%。", "big5", "Big5"),
        ("가격이 12% 올랐습니다.", "cp949", "EUC-KR"),
        (CHINESE, "utf-16-le", "UTF-16 LE"),  # no BOM and no NUL bytes to tell it by
        (CHINESE, "utf-16-be", "UTF-16 BE"),
    ],
)
def test_even_one_line_in_a_legacy_encoding_is_read_right(tmp_path, text, codec, said) -> None:
    document = _read(tmp_path, text.encode(codec))
    assert document.text == text
    [message] = _messages(document)
    assert message.startswith(f"the report is not UTF-8; read it as {said}")
