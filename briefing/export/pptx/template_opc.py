"""A package's own files, read and written: ``[Content_Types].xml`` and the ``.rels`` parts.

The clean package (``template_package``) is written anew from the parts it keeps: one content
type override per part, one ``.rels`` per part with relationships, every target an absolute
part name, nothing compressed (the deck's own writer compresses).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from typing import Any

CONTENT_TYPES = "[Content_Types].xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True)
class Rel:
    r_id: str
    kind: str
    target: str  # the part's zip entry name


class ContentTypes:
    """``[Content_Types].xml``: a part's type from its override, else its extension's default."""

    def __init__(self, root: Any) -> None:
        self.defaults = {
            d.get("Extension", "").lower(): d.get("ContentType", "") for d in root.iter(f"{{{CT_NS}}}Default")
        }
        self.overrides = {
            o.get("PartName", "").lower(): o.get("ContentType", "") for o in root.iter(f"{{{CT_NS}}}Override")
        }

    def of(self, name: str) -> str | None:
        found = self.overrides.get(f"/{name}".lower())
        if found is None:
            found = self.defaults.get(posixpath.splitext(name)[1][1:].lower())
        return found or None


def rels_name(source: str) -> str:
    """The ``.rels`` part of part ``source`` ("" the package)."""
    folder, name = posixpath.split(source)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def package_bytes(parts: dict[str, str], rels: dict[str, list[Rel]], blobs: dict[str, bytes]) -> bytes:
    """A zip of ``blobs`` with the content types of ``parts`` and the relationships ``rels``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        target.writestr(CONTENT_TYPES, _content_types_xml(parts))
        for source, kept in rels.items():
            if kept:
                target.writestr(rels_name(source), _rels_xml(kept))
        for part, blob in blobs.items():
            target.writestr(part, blob)
    return out.getvalue()


def _content_types_xml(parts: dict[str, str]) -> bytes:
    lines = [
        f'<Types xmlns="{CT_NS}">',
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    ]
    lines += [f'<Override PartName="/{_escape(p)}" ContentType="{_escape(t)}"/>' for p, t in parts.items()]
    return (_DECLARATION + "".join(lines) + "</Types>").encode()


def _rels_xml(rels: list[Rel]) -> bytes:
    lines = [f'<Relationships xmlns="{REL_NS}">']
    lines += [
        f'<Relationship Id="{_escape(r.r_id)}" Type="{_escape(r.kind)}" Target="/{_escape(r.target)}"/>'
        for r in rels
    ]
    return (_DECLARATION + "".join(lines) + "</Relationships>").encode()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
