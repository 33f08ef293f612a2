"""A template's package as python-pptx can open it and PowerPoint will accept what we build on it.

Two kinds of template differ from a plain ``.pptx`` in one string each:

* a ``.potx`` (``.ppsx``) has a template (show) content type on its main part, which
  python-pptx refuses to open: it becomes the presentation content type;
* LibreOffice writes the core-properties relationship with a misspelt type
  (``.../officedocument/2006/relationships/metadata/core-properties``). python-pptx does
  not recognise it and adds a second core-properties part under the same name, which the
  Open XML SDK rejects ("a shared part is referenced by multiple source parts with a
  different relationship type"): the type is corrected, so the template's own part is used.

The fixes are made in memory; the user's file is never touched.
"""

from __future__ import annotations

import io
import zipfile

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
MISSPELT_CORE_PROPERTIES = b"http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"

#: Zip member -> (found, replacement) pairs.
FIXES: dict[str, tuple[tuple[bytes, bytes], ...]] = {
    CONTENT_TYPES: (
        (CT.PML_TEMPLATE_MAIN.encode(), CT.PML_PRESENTATION_MAIN.encode()),
        (CT.PML_SLIDESHOW_MAIN.encode(), CT.PML_PRESENTATION_MAIN.encode()),
    ),
    PACKAGE_RELS: ((MISSPELT_CORE_PROPERTIES, RT.CORE_PROPERTIES.encode()),),
}


def readable_package(data: bytes) -> bytes:
    """``data`` with :data:`FIXES` applied (the same bytes when none applies or it is no zip)."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    fixed = [(info, _fixed(info.filename, blob)) for info, blob in entries]
    if all(new is old for (_, old), (_, new) in zip(entries, fixed, strict=True)):
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, blob in fixed:
            target.writestr(info.filename, blob)
    return out.getvalue()


def _fixed(name: str, blob: bytes) -> bytes:
    for found, replacement in FIXES.get(name, ()):
        if found in blob:
            blob = blob.replace(found, replacement)
    return blob
