"""Zip archives written as no zip library would: a name twice, an entry flagged encrypted.

An archive is a list of (name, bytes, compression) in order, so a name may come twice;
compression is a ``zipfile`` method, or -1 for an entry flagged encrypted whose data is not.
"""

from __future__ import annotations

import io
import struct
import warnings
import zipfile

Archive = list[tuple[str, bytes, int]]
ENCRYPTED = -1


def archive_of(entries: dict[str, bytes]) -> Archive:
    return [(name, blob, zipfile.ZIP_DEFLATED) for name, blob in entries.items()]


def archive_bytes(archive: Archive, prefix: bytes = b"", comment: bytes = b"") -> bytes:
    """The archive as zip bytes; compression :data:`ENCRYPTED` flags an entry encrypted (its data is not)."""
    out = io.BytesIO()
    out.write(prefix)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of a duplicate name: that is the point
        with zipfile.ZipFile(out, "a" if prefix else "w") as package:
            for name, blob, compression in archive:
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED if compression < 0 else compression
                package.writestr(info, blob)
            package.comment = comment
    flagged = [at for at, (_, _, compression) in enumerate(archive) if compression < 0]
    return _flag_encrypted(out.getvalue(), flagged) if flagged else out.getvalue()


def _flag_encrypted(data: bytes, indexes: list[int]) -> bytes:
    """``data`` with the encryption bit set on its entries at ``indexes`` (zipfile clears it on
    write), in their local headers and the central directory alike (zipfile writes offsets from
    the start of the file, a prefix included)."""
    changed = bytearray(data)
    end = data.rindex(b"PK\x05\x06")
    (start,) = struct.unpack("<I", data[end + 16 : end + 20])
    at, index = start, 0
    while data[at : at + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack("<HHH", data[at + 28 : at + 34])
        (local,) = struct.unpack("<I", data[at + 42 : at + 46])
        if index in indexes:
            changed[at + 8] |= 0x1
            changed[local + 6] |= 0x1
        at += 46 + name_length + extra_length + comment_length
        index += 1
    return bytes(changed)
