"""Opening an edited deck that came back from outside: untrusted, maybe not a deck at all.

Every way a file can fail to be a deck we can read becomes one
:class:`DeckUnreadable` with a sentence for the user (the CLI prints it and
exits 1; nothing is written): an encrypted deck (PowerPoint saves a
password-protected deck as an OLE compound file, not a zip), an old binary
``.ppt``, a damaged zip, a zip bomb, a deck with more slides than any briefing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from briefing.errors import BriefingError

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
MAX_SLIDES = 1000
MAX_BYTES = 256 * 1024 * 1024  # uncompressed; the bundled briefing's deck is under 1 MB
MAX_MEMBERS = 20000


class ReviewError(BriefingError):
    """An import or diff that cannot go ahead (the storyboard is left untouched)."""


class DeckUnreadable(ReviewError):
    """The file is not a deck this command can read."""


def check_package(path: Path) -> None:
    """Raise :class:`DeckUnreadable` unless ``path`` looks like a readable, reasonable .pptx."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise DeckUnreadable(f"cannot read {path}: {error.strerror or error}") from error
    if head == OLE_MAGIC:
        raise DeckUnreadable(
            f"{path} is encrypted (password-protected) or an old binary .ppt: "
            "save it without a password as a .pptx (File > Save As > PowerPoint Presentation) and import that"
        )
    if not head.startswith(b"PK"):
        raise DeckUnreadable(f"{path} is not a PowerPoint deck (.pptx)")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_sizes(path, archive.infolist())
            damaged = archive.testzip()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError) as error:
        raise DeckUnreadable(f"{path} is damaged (not a readable zip package: {error})") from error
    if damaged is not None:
        raise DeckUnreadable(f"{path} is damaged (its part {damaged} does not read back)")


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS or sum(info.file_size for info in infos) > MAX_BYTES:
        raise DeckUnreadable(
            f"{path} is too large to be a briefing deck (over {MAX_BYTES // 2**20} MB unpacked)"
        )
    slides = sum(
        1 for i in infos if i.filename.startswith("ppt/slides/slide") and i.filename.endswith(".xml")
    )
    if slides > MAX_SLIDES:
        raise DeckUnreadable(
            f"{path} has {slides} slides; a deck exported by briefing has far fewer "
            f"(at most {MAX_SLIDES} are read)"
        )
    names = {i.filename for i in infos}
    if "ppt/presentation.xml" not in names:
        raise DeckUnreadable(f"{path} is not a PowerPoint deck (it has no ppt/presentation.xml)")


#: Main part content types of a slide show (.ppsx) and a template (.potx), which python-pptx refuses
#: although their parts are a deck's: read as a deck (their own file is never written).
_SAVED_AS = (
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
)
_DECK = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_STRICT = b"http://purl.oclc.org/ooxml/presentationml/main"


def open_presentation(path: Path) -> Any:
    """python-pptx's Presentation for ``path``, after :func:`check_package`."""
    check_package(path)
    from pptx import Presentation

    try:
        return Presentation(_as_deck(path))
    except DeckUnreadable:
        raise
    except Exception as error:  # untrusted input: any parse failure is "damaged", said once
        raise DeckUnreadable(f"{path} is damaged ({type(error).__name__}: {error})") from error


def _as_deck(path: Path) -> Any:
    """``path``, or its package with a slide show's or template's main part typed as a deck's."""
    with zipfile.ZipFile(path) as archive:
        head = archive.read("ppt/presentation.xml")[:2000]
        types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in archive.namelist() else b""
        if _STRICT in head:
            raise DeckUnreadable(
                f"{path} was saved as Strict Open XML, which this command cannot read: save it in "
                "PowerPoint as a PowerPoint Presentation (.pptx) and import that"
            )
        if not any(kind.encode() in types for kind in _SAVED_AS):
            return str(path)
        import io

        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as copy:
            for info in archive.infolist():
                data = archive.read(info)
                if info.filename == "[Content_Types].xml":
                    for kind in _SAVED_AS:
                        data = data.replace(kind.encode(), _DECK.encode())
                copy.writestr(info, data)
    out.seek(0)
    return out
