"""Reading members of an untrusted zip archive (a .docx) within limits.

A .docx is a zip archive, and a zip archive can be a bomb: a few kilobytes
that inflate to gigabytes, or a header that lies about the size. Every
member is checked before it is inflated (declared size, compression ratio)
and read through a cap that counts the bytes really inflated, so neither a
lie nor a bomb costs more than the cap in time or memory.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from briefing.sources.document import SourceError

MAX_MEMBER_BYTES = 100_000_000  # document.xml of a 1,000-page report is about 20 MB
MAX_RATIO = 200  # Word's XML compresses 5 to 50 times (tables of empty cells more); a bomb 1,000 times
RATIO_FROM = 2_000_000  # small members may compress better (a styles.xml full of repeats)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_CHUNK = 1 << 20


def open_archive(path: Path, data_start: bytes) -> zipfile.ZipFile:
    """The zip archive at ``path``, or a ``SourceError`` that says what the file is instead."""
    if data_start.startswith(OLE_MAGIC):
        raise SourceError(f"{path}: {_ole_kind(path)}")
    if not data_start.startswith(ZIP_MAGICS):
        raise SourceError(f"{path}: not a Word document (a .docx file is a zip archive; this one is not)")
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise SourceError(f"{path}: the Word document is damaged: {error}") from None


def _ole_kind(path: Path) -> str:
    """An OLE compound file named .docx: a password-protected .docx, or an old Word 97-2003 .doc."""
    with path.open("rb") as handle:
        head = handle.read(1 << 20)
    if "EncryptedPackage".encode("utf-16-le") in head or "EncryptionInfo".encode("utf-16-le") in head:
        return (
            "the Word document is password-protected; save a copy without a password "
            "(Word: File > Info > Protect Document > Encrypt with Password, clear it) and read that"
        )
    return "this is an old Word 97-2003 document (.doc), not a .docx; save it as .docx (Word: File > Save As)"


def read_member(
    archive: zipfile.ZipFile, name: str, path: Path, limit: int = MAX_MEMBER_BYTES
) -> bytes | None:
    """The inflated bytes of member ``name`` (None when it is absent), within the limits: at most
    ``limit`` bytes (a budget that several members share)."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limit:
        raise SourceError(f"{path}: {name} is too large ({info.file_size:,} bytes when unpacked)")
    if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise SourceError(
            f"{path}: {name} inflates {info.file_size // max(info.compress_size, 1):,} times "
            "(a zip bomb?); not read"
        )
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise SourceError(f"{path}: {name} inflates past {limit:,} bytes; not read")
                chunks.append(chunk)
    except SourceError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        raise SourceError(f"{path}: the Word document is damaged ({name}: {error})") from None
    except (RuntimeError, NotImplementedError) as error:  # encrypted zip entries, unknown compression
        raise SourceError(f"{path}: {name} cannot be unpacked: {error}") from None
    return b"".join(chunks)
