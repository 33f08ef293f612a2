"""What a template may not pass on to a deck, and the one warning that says what was left out.

A deck is built on a template's masters, layouts, theme and pictures; nothing active or
remote comes with them. By relationship type, content type or ``TargetMode``:

* macros: a VBA project (``.pptm``/``.potm``, or a ``.pptx`` that holds one anyway), the
  toolbars and key maps that call it, and a custom ribbon (``customUI``) whose buttons do;
* ActiveX controls (``ppt/activeX/``) and their binaries;
* OLE objects and embedded packages (``ppt/embeddings/``): a chart in a layout keeps its
  picture and cached values, without its workbook;
* click actions that run a macro, a program or an OLE verb (``ppaction://macro...``);
* Office add-ins (web extensions and their task panes);
* every external relationship: pictures, media, OLE objects and hyperlinks that point at a
  server or a file elsewhere. The only external relationship a deck holds is a source
  ``url`` the storyboard asked for;
* a digital signature (it cannot hold for a new deck), the VML drawings that only OLE
  objects and ActiveX controls use, and the template's own slides (always deleted);
* the template's document properties and thumbnail, and the settings that are the
  template's own (a password to modify, slide show settings: ``template_settings``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

_OFFICE = "http://schemas.microsoft.com/office"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

#: Category -> how the warning names it.
LABELS = {
    "macros": "macros",
    "ribbon": "a custom ribbon",
    "activex": "ActiveX controls",
    "ole": "embedded objects",
    "actions": "click actions that run a macro, program or object",
    "add-ins": "Office add-ins",
    "external": "links to outside files",
    "svg": "SVG pictures that run scripts or fetch from outside (their PNG copies stay)",
    "signature": "a digital signature",
    "protection": "a password to modify",
    "show": "slide show settings",
}

RELATIONSHIP_CATEGORIES = {
    f"{_OFFICE}/2006/relationships/vbaProject": "macros",
    f"{_OFFICE}/2006/relationships/vbaProjectSignature": "macros",
    f"{_OFFICE}/2006/relationships/attachedToolbars": "macros",
    f"{_OFFICE}/2006/relationships/keyMapCustomizations": "macros",
    f"{_OFFICE}/2006/relationships/wordVbaData": "macros",
    f"{_OFFICE}/2006/relationships/ui/extensibility": "ribbon",
    f"{_OFFICE}/2007/relationships/ui/extensibility": "ribbon",
    f"{_OFFICE}/2006/relationships/ui/userCustomization": "ribbon",
    f"{_DOC}/control": "activex",
    f"{_OFFICE}/2006/relationships/activeXControlBinary": "activex",
    f"{_DOC}/oleObject": "ole",
    f"{_DOC}/package": "ole",
    f"{_OFFICE}/2011/relationships/webextension": "add-ins",
    f"{_OFFICE}/2011/relationships/webextensiontaskpanes": "add-ins",
    "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin": "signature",
}
#: Left out without a word: useless without what is dropped above, or always deleted.
SILENT_RELATIONSHIPS = {
    f"{_DOC}/vmlDrawing",
    f"{_DOC}/slide",
    # the template's own document properties and thumbnail (a picture of its first slide, the
    # count and titles of its slides): the deck gets its own (``properties.py``)
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
    f"{_DOC}/extended-properties",
}
#: Content-type words -> category, whatever relationship reaches the part.
CONTENT_TYPE_WORDS = (
    ("vbaproject", "macros"),
    ("macroenabled", "macros"),
    ("activex", "activex"),
    ("oleobject", "ole"),
    ("vmldrawing", ""),
)

#: Folders whose parts are active or embedded content, whatever their content type.
FOLDERS = (("ppt/activex/", "activex"), ("ppt/embeddings/", "ole"))

PRESENTATION_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
#: Main-part content types accepted as a template; each becomes :data:`PRESENTATION_MAIN`.
MAIN_TYPES = {
    PRESENTATION_MAIN,
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml",
}
#: How many names of one kind the warning lists before "and N more".
LISTED = 3


def relationship_category(kind: str, external: bool) -> str | None:
    """The category a relationship is dropped under ("" silently), or None: it may stay."""
    if external:
        return "external"
    if kind in SILENT_RELATIONSHIPS:
        return ""
    return RELATIONSHIP_CATEGORIES.get(kind)


def content_type_category(content_type: str) -> str | None:
    lowered = content_type.lower()
    return next((category for word, category in CONTENT_TYPE_WORDS if word in lowered), None)


def part_category(name: str) -> str | None:
    """ActiveX and embedded objects by where PowerPoint keeps them, whatever their types say."""
    lowered = name.lower()
    return next((category for folder, category in FOLDERS if lowered.startswith(folder)), None)


@dataclass
class Dropped:
    """What was left out of a template, by category, in the order found."""

    found: dict[str, list[str]] = field(default_factory=dict)

    def add(self, category: str, what: str) -> None:
        if category and what not in self.found.setdefault(category, []):
            self.found[category].append(what)

    def warning(self, template: str) -> str | None:
        """The one warning for the whole template, or None when nothing was dropped."""
        if not self.found:
            return None
        kinds = [f"{LABELS[c]} ({_names(self.found[c])})" for c in LABELS if c in self.found]
        listed = ", ".join(kinds[:-1]) + (" and " if len(kinds) > 1 else "") + kinds[-1]
        return (
            f"template {template}: left out {listed}; a deck never carries macros, ActiveX controls, "
            "embedded objects or links to outside files from a template"
        )


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:LISTED])
    return shown + (f" and {len(names) - LISTED} more" if len(names) > LISTED else "")
