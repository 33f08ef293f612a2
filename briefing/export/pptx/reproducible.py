"""Byte-identical output: the same storyboard always gives the same file.

``python-pptx`` writes zip entries with the current time, and XlsxWriter puts
the creation time into each embedded chart workbook's ``docProps/core.xml``.
:func:`package_bytes` zips the parts with fixed entry times, order and
compression; :mod:`workbook` writes each chart workbook with a fixed date
(XlsxWriter already fixes its own zip entry times).
:func:`normalize_package` does the same to any saved package, after the fact.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from typing import Any

from briefing.export.pptx.internals import write_package

#: Used whenever a date is needed and the storyboard gives none: never "now".
FIXED_DATE = datetime(2000, 1, 1, 0, 0, 0)

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")
_CORE_DATE = re.compile(
    rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)"
)


def normalize_package(data: bytes, *, core_date: datetime | None = None) -> bytes:
    """``data`` (a zip package) rewritten deterministically.

    Embedded workbooks (``*.xlsx`` entries) are normalized too, with their
    core dates set to ``FIXED_DATE``; ``core_date``, if given, replaces the
    created/modified dates of this package's own ``docProps/core.xml``.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    for name, blob in entries.items():
        if name.endswith(".xlsx"):
            entries[name] = normalize_package(blob, core_date=FIXED_DATE)
        elif name == "docProps/core.xml" and core_date is not None:
            stamp = core_date.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
            entries[name] = _CORE_DATE.sub(rb"\g<1>" + stamp + rb"\g<3>", blob)
    return _zip(entries)


def package_bytes(package: Any) -> bytes:
    """Serialize a python-pptx package straight into a deterministic zip.

    Same entries as ``Presentation.save`` (python-pptx's own ``PackageWriter``
    produces them), but collected in memory and zipped once with fixed times
    and order, instead of saving and rewriting the whole zip. Embedded
    workbooks are left as they are (:mod:`workbook` dates them).
    """
    collector = _Collector()
    write_package(package, collector)
    return _zip(collector.entries)


class _Collector:
    """Stands in for python-pptx's zip writer: keeps each member's bytes."""

    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.entries[pack_uri.membername] = blob


def _ordered(names: list[str]) -> list[str]:
    first = [name for name in _FIRST if name in names]
    return first + sorted(name for name in names if name not in _FIRST)


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in _ordered(list(entries)):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o600 << 16
            target.writestr(info, entries[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return out.getvalue()
