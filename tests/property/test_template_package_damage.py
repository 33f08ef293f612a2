"""Damage to a template's package rather than its parts: relationship targets written the many
ways a target can be written, content types that disagree with the parts, and a zip archive that
is odd as a zip (an entry twice, names differing only in case, traversal names, other compression
methods, an entry flagged encrypted, junk around the archive). Each template gives a clean deck or
an error naming it, never a traceback, from ``export`` and ``check --template`` alike.

The template is the one ``test_template_damage`` damages (the corporate template with a picture
on its master); the property is the same.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from property_settings import examples
from test_template_damage import _base, judge_template

from tests.export import template_damage as damage
from tests.export.template_zips import ENCRYPTED, Archive, archive_bytes, archive_of

Entries = dict[str, bytes]
EntryOperation = Callable[[Entries], None]
ArchiveOperation = Callable[[Archive], None]

#: How a relationship's target may be rewritten while (mostly) naming the same part.
TARGET_FORMS: dict[str, Callable[[str, str], str]] = {
    "upper case": lambda target, _: target.upper(),
    "backslashes": lambda target, _: target.replace("/", "\\"),
    "percent-encoded": lambda target, _: re.sub(
        r"[a-z]", lambda m: f"%{ord(m.group()):02X}", target, count=2
    ),
    "percent-encoded wrongly": lambda target, _: target + "%zz",
    "dot segment": lambda target, _: "./" + target,
    "double slash": lambda target, _: target.replace("/", "//", 1),
    "absolute": lambda target, source: "/" + _resolved(source, target),
    "absolute through ..": lambda target, source: "/ppt/../" + _resolved(source, target),
    "above the root": lambda target, source: "/../../" + _resolved(source, target),
    "fragment": lambda target, _: target + "#part",
    "query": lambda target, _: target + "?v=1",
    "spaces": lambda target, _: f" {target} ",
    "scheme": lambda target, source: "file:///" + _resolved(source, target),
}


def _resolved(source_rels: str, target: str) -> str:
    """The part a target of ``source_rels`` (a ``.rels`` entry) names, as a zip entry name."""
    folder = source_rels.rsplit("_rels/", 1)[0]
    parts: list[str] = []
    for piece in (folder + target).split("/"):
        if piece == "..":
            parts = parts[:-1]
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


@st.composite
def _rewrite_target(draw: st.DrawFn) -> EntryOperation:
    index, which = draw(st.integers(0, 99)), draw(st.integers(0, 30))
    form = draw(st.sampled_from(sorted(TARGET_FORMS)))

    def apply(entries: Entries) -> None:
        names = [n for n in entries if n.endswith(".rels")]
        if not names:
            return
        name = names[index % len(names)]
        text = entries[name].decode("utf-8", "replace")
        targets = list(re.finditer(r'Target="([^"]*)"', text))
        if targets:
            found = targets[which % len(targets)]
            new = _attr(TARGET_FORMS[form](found.group(1), name))
            entries[name] = (text[: found.start(1)] + new + text[found.end(1) :]).encode()

    return apply


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


@st.composite
def _disagreeing_content_types(draw: st.DrawFn) -> EntryOperation:
    how = draw(
        st.sampled_from(
            ["case", "twice", "parameters", "xml default", "missing part", "empty type", "no slash"]
        )
    )
    which = draw(st.integers(0, 60))

    def apply(entries: Entries) -> None:
        text = entries.get(damage.CONTENT_TYPES, b"").decode("utf-8", "replace")
        overrides = re.findall(r"<Override [^>]*/>", text)
        if not overrides:
            return
        chosen = overrides[which % len(overrides)]
        if how == "case":
            new = re.sub(r'PartName="([^"]*)"', lambda m: f'PartName="{m.group(1).upper()}"', chosen)
        elif how == "twice":
            new = chosen + re.sub(r'ContentType="[^"]*"', 'ContentType="image/png"', chosen)
        elif how == "parameters":
            new = chosen.replace('+xml"', '+xml; charset=utf-8"')
        elif how == "xml default":
            text = text.replace(
                "</Types>", '<Default Extension="xml" ContentType="application/xml"/></Types>'
            )
            new = ""
        elif how == "missing part":
            new = chosen + chosen.replace('.xml"', '-gone.xml"', 1)
        elif how == "empty type":
            new = re.sub(r'ContentType="[^"]*"', 'ContentType=""', chosen)
        else:
            new = chosen.replace('PartName="/', 'PartName="', 1)
        entries[damage.CONTENT_TYPES] = text.replace(chosen, new, 1).encode()

    return apply


TRAVERSAL_NAMES = [
    "../../evil.txt",
    "/abs/evil.xml",
    "ppt/",
    "C:\\evil.xml",
    "ppt/../../x.xml",
    "ppt/\u00e9.xml",
]


@st.composite
def _zip_oddity(draw: st.DrawFn) -> ArchiveOperation:
    how = draw(
        st.sampled_from(["twice", "case twin", "traversal", "compression", "encrypted flag", "directory"])
    )
    index = draw(st.integers(0, 99))
    extra = draw(st.sampled_from(TRAVERSAL_NAMES))
    method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]))

    def apply(archive: Archive) -> None:
        at = index % len(archive)
        name, blob, compression = archive[at]
        if how == "twice":
            archive.insert(at + 1, (name, blob[: len(blob) // 2], compression))
        elif how == "case twin":
            archive.append((name.swapcase(), blob[: len(blob) // 2], compression))
        elif how == "traversal":
            archive.append((extra, b"<x/>", zipfile.ZIP_DEFLATED))
        elif how == "compression":
            archive[at] = (name, blob, method)
        elif how == "encrypted flag":
            archive[at] = (name, blob, ENCRYPTED)
        else:
            archive.append((name.rsplit("/", 1)[0] + "/", b"", zipfile.ZIP_STORED))

    return apply


@settings(max_examples=examples(0.6))
@given(
    st.lists(st.one_of(_rewrite_target(), _disagreeing_content_types()), min_size=1, max_size=3),
    st.lists(_zip_oddity(), max_size=2),
    st.sampled_from([b"", b"MZ\x90\x00 self-extracting stub " * 8]),
    st.sampled_from([b"", b"a comment"]),
)
def test_a_template_damaged_as_a_package_gives_a_clean_deck_or_an_error_naming_it(
    entry_operations: list[EntryOperation],
    zip_operations: list[ArchiveOperation],
    prefix: bytes,
    comment: bytes,
) -> None:
    entries = dict(_base())
    for apply in entry_operations:
        apply(entries)
    archive = archive_of(entries)
    for change in zip_operations:
        change(archive)
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "t.pptx"
        template.write_bytes(archive_bytes(archive, prefix, comment))
        judge_template(template)
