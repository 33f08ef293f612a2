"""A stakeholder in LibreOffice Impress: opens the deck, edits it through UNO, saves it as .pptx.

Run with the system Python that has LibreOffice's UNO bridge (Debian: python3-uno), not the
project's venv (the tests import this module only for its constants; UNO is imported when it
runs): ``/usr/bin/python3 impress_edit.py IN.pptx OUT.pptx PROFILE_DIR``. Impress runs headless
with its own profile and is ended by this script. The edits are the ones
``test_import_impress.py`` expects (keep the two in step).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from typing import Any

NEW_TITLE = "The trinity, in numbers"
NEW_LABEL = "multinational R&D centres"
NEW_BULLET = "Academia: universities that work inside companies"
NEW_NOTES = "Here is the trinity as numbers, rewritten in Impress."
COMMENT_AUTHOR, COMMENT = "Carla Ruiz", "Source for the 300+?"
DELETED = "Government: a blueprint backed by money"


def _prop(name: str, value: object) -> Any:
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe: str) -> Any:
    """The running Impress's component context (it takes a few seconds to start)."""
    import uno  # type: ignore[import-not-found]
    from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:  # still starting
            time.sleep(0.5)
    raise SystemExit("LibreOffice did not start")


def _shapes(page: Any) -> list[Any]:
    return [page.getByIndex(i) for i in range(page.Count)]


def _page(pages: Any, title: str) -> Any:
    for index in range(pages.Count):
        page = pages.getByIndex(index)
        if any(s.supportsService("com.sun.star.drawing.Text") and s.String == title for s in _shapes(page)):
            return page
    raise LookupError(title)


def edit(doc: Any) -> None:
    pages = doc.DrawPages
    page = _page(pages, "The trinity in numbers")
    for shape in _shapes(page):
        if shape.supportsService("com.sun.star.drawing.Text") and shape.String == "The trinity in numbers":
            shape.String = NEW_TITLE
        elif shape.Name.startswith("Stat Label") and shape.String == "multinational R&D centers":
            shape.String = NEW_LABEL
    for shape in _shapes(page.NotesPage):
        if shape.ShapeType == "com.sun.star.presentation.NotesShape":
            shape.String = NEW_NOTES
    comment = page.createAndInsertAnnotation()
    comment.Author = COMMENT_AUTHOR
    comment.TextRange.String = COMMENT
    bullets = _page(pages, "Three forces pulling in one direction")
    body = next(s for s in _shapes(bullets) if s.Name.startswith("Body"))
    body.Text.createEnumeration().nextElement().String = NEW_BULLET
    pages.remove(_page(pages, DELETED))


def _load(desktop: Any, source: str) -> Any:
    """The deck, opened hidden (a fresh profile may answer before it can load documents)."""
    import uno  # type: ignore[import-not-found]

    for _ in range(60):
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(source), "_blank", 0, (_prop("Hidden", True),)
        )
        if doc is not None:
            return doc
        time.sleep(0.5)
    raise SystemExit(f"LibreOffice could not open {source}")


def main(source: str, target: str, profile: str) -> None:
    """Start a private headless Impress, edit ``source``, save ``target``, end that Impress."""
    import uno  # type: ignore[import-not-found]
    from com.sun.star.lang import DisposedException  # type: ignore[import-not-found]

    pipe = f"briefing-{uuid.uuid4().hex[:8]}"
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--nologo",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # soffice starts soffice.bin: end the whole group this script started
    )  # fmt: skip
    try:
        context = _connect(pipe)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = _load(desktop, source)
        edit(doc)
        doc.storeToURL(
            uno.systemPathToFileUrl(target), (_prop("FilterName", "Impress MS PowerPoint 2007 XML"),)
        )
        try:
            doc.close(True)
            desktop.terminate()
        except DisposedException:
            print("Impress closed the connection while quitting (the deck was saved)", file=sys.stderr)
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(office.pid, signal.SIGKILL)  # only the Impress this script started
            office.wait()


if __name__ == "__main__":
    main(*sys.argv[1:4])
