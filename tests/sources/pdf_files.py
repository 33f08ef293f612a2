"""Small text PDFs for tests, written object by object (Helvetica, one content stream a page)."""

from __future__ import annotations

import zlib
from pathlib import Path

# One text item: (font size, x, y from the bottom, text). Pages are A4 portrait (595 x 842 pt).
Item = tuple[float, float, float, str]


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def content(items: list[Item]) -> bytes:
    parts = [b"BT"]
    for size, x, y, text in items:
        parts.append(b"/F1 %.1f Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj" % (size, x, y, _escape(text)))
    parts.append(b"ET")
    return b"\n".join(parts)


def write_pdf(
    path: Path,
    pages: list[list[Item]] | list[bytes],
    *,
    title: str = "",
    compress: bool = False,
    trailer_extra: bytes = b"",
) -> Path:
    """A PDF of ``pages`` (text items, or raw content streams) with an optional Info title."""
    streams = [page if isinstance(page, bytes) else content(page) for page in pages]
    count = len(streams)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count)), count),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for index, stream in enumerate(streams):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * index)
        )
        data = zlib.compress(stream) if compress else stream
        flate = b" /Filter /FlateDecode" if compress else b""
        objects.append(b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), flate, data))
    info = b""
    if title:
        objects.append(b"<< /Title (%s) >>" % _escape(title))
        info = b" /Info %d 0 R" % len(objects)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info,
        trailer_extra,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def report_pages() -> list[list[Item]]:
    """Two pages: a title, headings at two sizes, wrapped paragraphs, a page number at the foot."""
    first: list[Item] = [
        (24, 72, 760, "Harbour Towns Review"),
        (16, 72, 720, "Ports and Piers"),
        (11, 72, 690, "The new pier in Dunmore cost $12 million and opened in"),
        (11, 72, 676, "May. Traffic rose 35% in the first year."),
        (11, 72, 650, "A second paragraph says the ferry carries 1,200 people a"),
        (11, 72, 636, "day, twice the number of 2019."),
        (13, 72, 600, "Fishing"),
        (11, 72, 570, "Catches fell by a fifth."),
        (9, 290, 40, "1"),
    ]
    second: list[Item] = [
        (16, 72, 760, "Housing"),
        (11, 72, 730, "Rents in the harbour towns rose 18% since 2020, says the"),
        (11, 72, 716, "council's planning office."),
        (9, 290, 40, "2"),
    ]
    return [first, second]
