"""Text box roles given back to a deck whose client renamed every shape.

The exporter names each text box after its role (``Stat Value 6``, ``Caption 5``) and the words
come back to their field by that name. Google Slides renames every shape on export
(``Google Shape;54;p13``): the words are there, but not which field they belong to. The
storyboard's own export, built again in memory, says where each role's box was; a renamed box
takes the name of the exported box it overlaps best (in fractions of the slide, so a client's own
page size does not matter): most of the smaller of the two inside the other (a client may grow a
box to fit its text), and a fair share of both together (:data:`CONTAINED`, :data:`OVERLAP`). A
box that fits none keeps its name (a stakeholder's own text box, read as bullets). Placeholders (title,
subtitle) are found by their type and are left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefing.export.pptx.identity import MARKER

CONTAINED = 0.6  # of the smaller box's area inside the other
OVERLAP = 0.25  # area shared over the area both cover
#: Boxes that must fit a slide of another title (its title was edited) before its roles are taken:
#: one box alone may be a stakeholder's own, on a slide they added.
FEWEST = 2
#: Role names the exporter gives text boxes (lower case, without the number).
ROLES = {
    "title",
    "body",
    "stat value",
    "stat label",
    "quote",
    "attribution",
    "column title",
    "caption",
    "subtitle",
    "byline",
    "footer",
    "slide number",
    "section number",
    "section label",
    "agenda",
    "quote mark",
}


@dataclass(frozen=True)
class Box:
    name: str
    x: float
    y: float
    w: float
    h: float

    def overlap(self, other: Box) -> float:
        """Area shared over the area both cover (0 unless the smaller box is mostly in the other)."""
        width = min(self.x + self.w, other.x + other.w) - max(self.x, other.x)
        height = min(self.y + self.h, other.y + other.h) - max(self.y, other.y)
        if width <= 0 or height <= 0:
            return 0.0
        shared, mine, theirs = width * height, self.w * self.h, other.w * other.h
        if shared < CONTAINED * min(mine, theirs):
            return 0.0
        return shared / (mine + theirs - shared)


@dataclass(frozen=True)
class Layout:
    """One slide of the reference export: its title and its text boxes."""

    title: str
    boxes: tuple[Box, ...]


def role_of(name: str) -> str:
    words = MARKER.sub("", name).strip().split(" ")
    return " ".join(words[:-1] if words and words[-1].isdigit() else words).lower()


def reference_layouts(presentation: Any) -> list[Layout]:
    """Each slide of our own export: the title's text and every named text box's place (the title's
    and subtitle's too: a client that keeps no placeholders leaves them as plain text boxes)."""
    size = (presentation.slide_width or 1, presentation.slide_height or 1)
    layouts = []
    for slide in presentation.slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        boxes = tuple(
            box
            for shape in slide.shapes
            if shape.has_text_frame and shape.text_frame.text.strip()
            if not shape.is_placeholder or role_of(shape.name) in ("title", "subtitle")
            if (box := _box(shape, MARKER.sub("", shape.name).strip(), size)) is not None
        )
        layouts.append(Layout(" ".join(title.split()), boxes))
    return layouts


def renamed_by_client(slides: list[Any]) -> list[bool]:
    """Per slide, whether to find its roles by place: a client renamed the shapes of most slides
    (a slide pasted in from the exported deck keeps its names), and this slide carries none of ours.
    A deck that kept them, with a slide a stakeholder added, is read by its names alone."""
    named = [
        any(MARKER.search(shape.name) or role_of(shape.name) in ROLES for shape in slide.shapes if shape.name)
        for slide in slides
    ]
    if sum(named) * 2 >= len(named):
        return [False] * len(named)
    return [not n for n in named]


def restore_roles(slide: Any, size: tuple[int, int], layouts: Callable[[], list[Layout]]) -> bool:
    """Rename ``slide``'s text boxes after the reference export's boxes they sit on; whether any was."""
    title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
    shapes = [
        (shape, box)
        for shape in slide.shapes
        if not shape.is_placeholder and shape.has_text_frame and shape.text_frame.text.strip()
        if (box := _box(shape, shape.name, size)) is not None
    ]
    if not shapes:
        return False
    candidates = layouts()
    same_title = [layout for layout in candidates if layout.title == " ".join(title.split())]
    best: tuple[float, dict[int, str]] = (0.0, {})
    for group, least in ((same_title, 1), (candidates, FEWEST)):
        for layout in group:
            found = _assign(shapes, layout)
            if found[0] > best[0] and len(found[1]) >= least:
                best = found
        if best[1]:
            break
    for index, name in best[1].items():
        shapes[index][0].name = name
    return bool(best[1])


def _assign(shapes: list[tuple[Any, Box]], layout: Layout) -> tuple[float, dict[int, str]]:
    """Each deck box to the free reference box it shares most with; the score and the names."""
    pairs = sorted(
        ((box.overlap(ref), n, ref.name) for n, (_, box) in enumerate(shapes) for ref in layout.boxes),
        reverse=True,
    )
    names: dict[int, str] = {}
    used: set[str] = set()
    score = 0.0
    for shared, index, name in pairs:
        if shared < OVERLAP or index in names or name in used:
            continue
        names[index] = name
        used.add(name)
        score += shared
    return score, names


def _box(shape: Any, name: str, size: tuple[int, int]) -> Box | None:
    try:
        left, top, width, height = shape.left, shape.top, shape.width, shape.height
    except (AttributeError, ValueError, TypeError):
        return None
    if None in (left, top, width, height) or not width or not height:
        return None
    w, h = size
    return Box(name, left / w, top / h, width / w, height / h)


def storyboard_layouts(storyboard: Any) -> Callable[[], list[Layout]]:
    """The storyboard's export, built once when first asked for (most decks never need it)."""
    built: list[list[Layout]] = []

    def layouts() -> list[Layout]:
        if not built:
            built.append(_export_layouts(storyboard))
        return built[0]

    return layouts


def _export_layouts(storyboard: Any) -> list[Layout]:
    import io

    from pptx import Presentation

    from briefing.errors import BriefingError
    from briefing.export.pptx import build_deck

    try:
        data, _ = build_deck(storyboard)
    except (BriefingError, OSError, ValueError):  # an image gone since: no roles, the slides say so
        return []
    return reference_layouts(Presentation(io.BytesIO(data)))
