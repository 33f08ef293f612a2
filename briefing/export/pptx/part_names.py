"""Constant-time part naming for one export.

python-pptx 1.0.2 finds a free part name (``OpcPackage.next_partname``,
``Package.next_image_partname``) by walking *every* part of the package, once
per notes slide, chart, embedded workbook and image. A deck of n slides thus
costs O(n²). During an export we replace those two methods *on the package
instance* (never on the class, never in the library's files) by counters that
remember every name already taken; the original behaviour is restored when the
context ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pptx.opc.packuri import PackURI

_PATCHED = ("next_partname", "next_image_partname")


class PartNamer:
    """Hands out unused part names; scans the package once, then counts."""

    def __init__(self, package: Any) -> None:
        self._taken: set[str] = {str(part.partname) for part in package.iter_parts()}
        self._next: dict[str, int] = {}

    def next_partname(self, tmpl: str) -> PackURI:
        n = self._next.get(tmpl, 1)
        while tmpl % n in self._taken:
            n += 1
        name = tmpl % n
        self._taken.add(name)
        self._next[tmpl] = n + 1
        return PackURI(name)

    def next_image_partname(self, ext: str) -> PackURI:
        return self.next_partname("/ppt/media/image%d." + ext)


@contextmanager
def fast_part_names(package: Any) -> Iterator[PartNamer]:
    """Within the block, ``package`` names new parts in constant time."""
    namer = PartNamer(package)
    saved = {name: package.__dict__.get(name) for name in _PATCHED}
    package.next_partname = namer.next_partname
    package.next_image_partname = namer.next_image_partname
    try:
        yield namer
    finally:
        for name, previous in saved.items():
            if previous is None:
                package.__dict__.pop(name, None)
            else:
                package.__dict__[name] = previous
