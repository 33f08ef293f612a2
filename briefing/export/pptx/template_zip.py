"""A template's zip archive and XML, read without trusting either.

A template comes from email or a shared drive, so its zip directory and its parts are
checked before they cost anything:

* the zip directory first, before anything is inflated: at most :data:`MAX_ENTRIES`
  entries, :data:`MAX_PART` bytes per part and :data:`MAX_TOTAL` in all, and no part
  inflating more than :data:`MAX_RATIO` times its compressed size (a zip bomb: a 1 MB
  file whose part inflates to 1 GiB is refused in milliseconds, not read whole);
* then every part is inflated as a stream, a chunk at a time, against the same caps,
  since the directory can lie about sizes;
* XML parts are counted before they are parsed: at most :data:`MAX_ELEMENTS` elements in
  a part, :data:`MAX_ELEMENTS_TOTAL` in all (a million tiny elements cost more memory than
  their bytes suggest);
* XML is parsed with entities left unresolved, no DTD loaded, nothing fetched from a
  network and lxml's limits on depth and text size kept (``huge_tree=False``); a part
  that declares a DTD at all is refused (Office never writes one).

Every problem raises :class:`TemplateDamaged` with a sentence about the part.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from lxml import etree

MAX_FILE = 256 << 20
MAX_ENTRIES = 10_000
MAX_PART = 64 << 20
MAX_XML_PART = 16 << 20
MAX_TOTAL = 256 << 20
MAX_RATIO = 100
#: XML elements (counted as ``<``) per part and in all the parts a deck is built on.
MAX_ELEMENTS = 500_000
MAX_ELEMENTS_TOTAL = 2_000_000
#: Parts smaller than this are never refused for their ratio (a small XML part may shrink a lot).
RATIO_FLOOR = 1 << 20
CHUNK = 1 << 20
#: The first bytes of an OLE2 compound file: a password-protected .pptx or an old binary .ppt.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_PARSER = etree.XMLParser(
    resolve_entities=False, huge_tree=False, no_network=True, load_dtd=False, remove_blank_text=False
)


class TemplateDamaged(Exception):
    """What makes a template unusable, as a sentence completing "cannot use template X: "."""


def _megabytes(size: int) -> str:
    return f"{size / (1 << 20):.1f} MB"


class TemplateArchive:
    """The entries of a template's zip, checked from the directory, inflated as capped streams."""

    def __init__(self, data: bytes) -> None:
        if len(data) > MAX_FILE:
            raise TemplateDamaged(
                f"it is {_megabytes(len(data))}; a template may be at most {_megabytes(MAX_FILE)}"
            )
        if not data:
            raise TemplateDamaged("it is empty (0 bytes)")
        if data.startswith(OLE2_MAGIC):
            raise TemplateDamaged(
                "it is password-protected or an old binary .ppt file; "
                "save it as a .pptx or .potx without a password"
            )
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
            raise TemplateDamaged(f"not a PowerPoint .pptx or .potx file ({error})") from error
        self._infos = _checked_directory(infos)
        self._lower = {name.lower(): name for name in self._infos}
        self._inflated = 0

    def find(self, name: str) -> str | None:
        """The entry named ``name`` (part names are case-insensitive), or None."""
        return name if name in self._infos else self._lower.get(name.lower())

    def read(self, name: str, limit: int = MAX_PART) -> bytes:
        """Entry ``name`` inflated, refused as soon as it grows past its directory size or ``limit``."""
        info = self._infos[name]
        if info.file_size > limit:
            raise TemplateDamaged(
                f"{name} inflates to {_megabytes(info.file_size)}; at most {_megabytes(limit)}"
            )
        cap = min(info.file_size, limit)
        chunks, size = [], 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    self._inflated += len(chunk)
                    if size > cap or self._inflated > MAX_TOTAL:
                        raise TemplateDamaged(f"{name} inflates to more than its zip directory says")
                    chunks.append(chunk)
        except (NotImplementedError, RuntimeError) as error:  # a compression method or encryption
            raise TemplateDamaged(f"{name} cannot be read ({error})") from error
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            raise TemplateDamaged(
                f"{name} is damaged: it does not inflate as its zip directory says ({error})"
            ) from error
        return b"".join(chunks)


def _checked_directory(infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    if len(infos) > MAX_ENTRIES:
        raise TemplateDamaged(f"it holds {len(infos)} files; a template may hold at most {MAX_ENTRIES}")
    entries: dict[str, zipfile.ZipInfo] = {}
    folded: dict[str, str] = {}  # part names ignore case (ECMA-376 Part 2, 6.2.2.3)
    for info in infos:
        if info.filename in entries:
            raise TemplateDamaged(f"it holds two entries named {_shown(info.filename)}")
        twin = folded.setdefault(info.filename.casefold(), info.filename)
        if twin != info.filename and not info.filename.endswith("/"):
            raise TemplateDamaged(
                f"it holds two entries whose names differ only in case ({_shown(twin)} and "
                f"{_shown(info.filename)}); part names ignore case, so neither is the part"
            )
        if info.flag_bits & 0x1:
            raise TemplateDamaged(f"{info.filename} is encrypted")
        if info.file_size > MAX_PART:
            raise TemplateDamaged(
                f"{info.filename} inflates to {_megabytes(info.file_size)}; a template part "
                f"may be at most {_megabytes(MAX_PART)}"
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise TemplateDamaged(
                f"{info.filename} inflates {ratio} times its stored size (a zip bomb?); "
                f"at most {MAX_RATIO} times"
            )
        entries[info.filename] = info
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL:
        raise TemplateDamaged(
            f"it inflates to {_megabytes(total)}; a template may inflate to at most {_megabytes(MAX_TOTAL)}"
        )
    return entries


def _shown(name: str) -> str:
    return name if name.isprintable() else repr(name)


def element_count(name: str, blob: bytes) -> int:
    """At most how many XML elements ``blob`` holds (its ``<``), refused above :data:`MAX_ELEMENTS`
    before anything is parsed: a part of millions of tiny elements is an XML bomb too."""
    count = blob.count(b"<")
    if count > MAX_ELEMENTS:
        raise TemplateDamaged(
            f"{name} holds over {MAX_ELEMENTS:,} XML elements; a template part may hold at most that"
        )
    return count


def parse_xml(name: str, blob: bytes, *, doctype: bool = False) -> Any:
    """The root element of part ``name``; bad XML, a DTD (unless ``doctype``: an SVG's, never
    loaded nor its entities expanded) or lxml's limits raise :class:`TemplateDamaged`."""
    try:
        root = etree.fromstring(blob, _PARSER)
    except etree.XMLSyntaxError as error:
        reason = " ".join(str(error.msg or error).split())  # libxml2 ends some messages with a line break
        reason = reason.replace(", use XML_PARSE_HUGE option", " elements")  # lxml's limit, kept on purpose
        raise TemplateDamaged(f"{name} is not well-formed XML ({reason})") from error
    except ValueError as error:
        raise TemplateDamaged(f"{name} is not well-formed XML ({error})") from error
    if root is None:
        raise TemplateDamaged(f"{name} holds no XML")
    tree = root.getroottree()
    if not doctype and (tree.docinfo.doctype or tree.docinfo.internalDTD is not None):
        raise TemplateDamaged(f"{name} declares a DTD (<!DOCTYPE ...>), which no Office file does")
    return root


def serialize(root: Any) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
