"""Which ``slide-NNN.png`` files ``briefing render`` wrote, told by the files themselves.

A full render removes ``slide-NNN.png`` numbered beyond the deck, left by an
earlier, longer version of it. A file of that name is not necessarily ours:
the user may have put a picture there, or edited one of ours. So every PNG we
write carries a record in a ``tEXt`` chunk (keyword ``briefing-render``): the
SHA-256 of its image data. A stale PNG is removed only when it carries the
record and its image data still has that hash; anything else is left alone
and named. The record travels with the file (a moved or copied folder keeps
it) and adds no file of its own to the user's folder.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from briefing.errors import ExportError
from briefing.outputs import Input, refuse_inputs

KEYWORD = b"briefing-render"
SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PNG_BYTES = 500_000_000
_PNG_NAME = re.compile(r"slide-(\d{3,})\.png")

Verdict = Literal["ours", "changed", "unknown"]


def mark(png: bytes) -> bytes:
    """``png`` with our record (the hash of its image data) in a ``tEXt`` chunk before ``IEND``."""
    chunks = list(_chunks(png))
    data = b"".join(body for kind, body in chunks if kind == b"IDAT")
    text = KEYWORD + b"\x00" + b"sha256:" + hashlib.sha256(data).hexdigest().encode("ascii")
    out = [SIGNATURE]
    for kind, body in chunks:
        if kind == b"IEND":
            out.append(_chunk(b"tEXt", text))
        out.append(_chunk(kind, body))
    return b"".join(out)


def verdict(path: Path) -> Verdict:
    """``ours``: written by a render and unchanged; ``changed``: ours, edited since; else ``unknown``."""
    try:
        if path.stat().st_size > MAX_PNG_BYTES:
            return "unknown"
        chunks = list(_chunks(path.read_bytes()))
    except (OSError, ValueError):
        return "unknown"
    records = [body[len(KEYWORD) + 1 :] for kind, body in chunks if kind == b"tEXt" and
               body.startswith(KEYWORD + b"\x00")]
    if len(records) != 1:
        return "unknown"
    data = b"".join(body for kind, body in chunks if kind == b"IDAT")
    return "ours" if records[0] == b"sha256:" + hashlib.sha256(data).hexdigest().encode() else "changed"


@dataclass
class Cleanup:
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # ours, but edited since: kept
    unknown: list[str] = field(default_factory=list)  # our naming, never written by us: kept


def remove_stale(folder: Path, count: int, inputs: Sequence[Input] = ()) -> Cleanup:
    """Delete ``slide-NNN.png`` numbered beyond ``count`` that a render wrote and nobody changed."""
    result = Cleanup()
    for name in sorted(_stale_names(folder, count)):
        path = folder / name
        found = verdict(path)
        if found == "ours":
            try:
                refuse_inputs(path, inputs)
                path.unlink()
            except (ExportError, OSError):
                found = "unknown"
        {"ours": result.removed, "changed": result.changed, "unknown": result.unknown}[found].append(name)
    return result


def _stale_names(folder: Path, count: int) -> Iterator[str]:
    for path in folder.iterdir():
        match = _PNG_NAME.fullmatch(path.name)
        if match is not None and int(match[1]) > count and not path.is_symlink() and path.is_file():
            yield path.name


def _chunks(png: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(type, data) of each chunk; ValueError when ``png`` is not a well-formed PNG."""
    if not png.startswith(SIGNATURE):
        raise ValueError("not a PNG")
    at = len(SIGNATURE)
    while at < len(png):
        if at + 12 > len(png):
            raise ValueError("truncated PNG")
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, body = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        if len(body) != length:
            raise ValueError("truncated PNG")
        yield kind, body
        at += 12 + length
        if kind == b"IEND":
            return
    raise ValueError("PNG without IEND")


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)
