"""Which tool the presenter holds, where the pointer is, and the ink: plain Python.

Windows and scene overlays observe :attr:`ToolState.changed` (like
``DeckState``); the tool input handlers and the controller change it. The ink
itself is a Qt-free :class:`~briefing.ink.InkBook`, so the exporter can read it.
"""

from __future__ import annotations

from typing import Literal

from briefing.app.presenting.observer import Signal
from briefing.ink import InkBook, InkPen, Point, Stroke

Tool = Literal["pointer", "pen", "highlighter"] | None

# (name, colour on a dark slide, colour on a light slide): bright on dark, deep on light
PEN_COLORS: tuple[tuple[str, str, str], ...] = (
    ("Red", "#FF4D4D", "#D32F2F"),
    ("Yellow", "#FFD54F", "#B8860B"),
    ("Green", "#69F0AE", "#2E7D32"),
    ("Blue", "#4FC3F7", "#1565C0"),
    ("White / black", "#FFFFFF", "#111111"),
)
HIGHLIGHTER = {"dark": "#FFE14D", "light": "#FFEB3B"}
PEN_WIDTH = 6.0  # canvas px (1920 wide): a felt-tip on the projector
HIGHLIGHTER_WIDTH = 30.0
HIGHLIGHTER_OPACITY = 0.4


class ToolState:
    """The presenter's tool, pen colour, pointer position and ink visibility.

    ``changed`` is emitted with the names that changed: ``"tool"``,
    ``"pointer"`` (position or the Ctrl+click flash), ``"ink"`` (with the
    slide index as second argument, or None for all slides), ``"color"``,
    ``"visible"``.
    """

    def __init__(self, theme_name: str = "dark") -> None:
        self.changed = Signal()
        self.ink = InkBook()
        self.theme_name = theme_name
        self.tool: Tool = None
        self.color_index = 0
        self.ink_visible = True
        self.pointer_at: Point | None = None  # canvas coordinates, None: off the slide
        self.flashing = False  # Ctrl + left button held: the pointer shows briefly
        self.drawing: Stroke | None = None
        self.drawing_slide: int | None = None

    # ------------------------------------------------------------------ tools
    @property
    def pointer_shown(self) -> bool:
        return (self.tool == "pointer" or self.flashing) and self.pointer_at is not None

    @property
    def inking(self) -> bool:
        return self.tool in ("pen", "highlighter")

    def toggle(self, tool: Literal["pointer", "pen", "highlighter"]) -> None:
        """Pick ``tool`` up, or put it down when it is already in hand."""
        self.set_tool(None if self.tool == tool else tool)

    def set_tool(self, tool: Tool) -> None:
        if tool == self.tool:
            return
        self.end_stroke()
        self.tool = tool
        self.changed.emit({"tool", "pointer"}, None)

    def put_down(self) -> bool:
        """Esc: put the tool down; False when none was in hand."""
        if self.tool is None:
            return False
        self.set_tool(None)
        return True

    def move_pointer(self, point: Point | None) -> None:
        if point != self.pointer_at:
            self.pointer_at = point
            if self.tool == "pointer" or self.flashing:
                self.changed.emit({"pointer"}, None)

    def set_flash(self, on: bool) -> None:
        if on != self.flashing:
            self.flashing = on
            self.changed.emit({"pointer"}, None)

    # ------------------------------------------------------------------ colours
    def pen_colors(self) -> list[tuple[str, str]]:
        """(name, colour) of the pens, for the theme of the talk."""
        light = self.theme_name == "light"
        return [(name, on_light if light else on_dark) for name, on_dark, on_light in PEN_COLORS]

    def set_color(self, index: int) -> None:
        index = max(0, min(index, len(PEN_COLORS) - 1))
        if index != self.color_index:
            self.color_index = index
            self.changed.emit({"color"}, None)

    def set_theme(self, theme_name: str) -> None:
        self.theme_name = theme_name

    def current_pen(self) -> InkPen:
        if self.tool == "highlighter":
            color = HIGHLIGHTER.get(self.theme_name, HIGHLIGHTER["dark"])
            return InkPen("highlighter", color, HIGHLIGHTER_WIDTH, HIGHLIGHTER_OPACITY)
        return InkPen("pen", self.pen_colors()[self.color_index][1], PEN_WIDTH)

    # ------------------------------------------------------------------ ink
    def begin_stroke(self, slide: int, point: Point) -> None:
        self.end_stroke()
        self.drawing = self.ink.begin(slide, self.current_pen(), point)
        self.drawing_slide = slide
        changed = {"ink"} if self.ink_visible else {"ink", "visible"}
        self.ink_visible = True  # drawing over hidden ink would draw blind
        self.changed.emit(changed, slide)

    def extend_stroke(self, point: Point) -> bool:
        """Add ``point`` to the stroke being drawn; True when it grew."""
        if self.drawing is None or not self.drawing.add(point):
            return False
        self.changed.emit({"ink"}, self.drawing_slide)
        return True

    def end_stroke(self) -> None:
        self.drawing = None
        self.drawing_slide = None

    def erase(self, slide: int) -> None:
        self.end_stroke()
        if self.ink.erase(slide):
            self.changed.emit({"ink"}, slide)

    def toggle_visible(self) -> None:
        self.ink_visible = not self.ink_visible
        self.changed.emit({"visible"}, None)

    def forget_ink(self) -> None:
        """A different talk: its slides never had this ink."""
        self.end_stroke()
        self.ink.clear()
        self.changed.emit({"ink"}, None)

    def follow(self, old_index_per_new: list[int | None]) -> None:
        """An edited talk: ink moves with its slides (see :meth:`InkBook.follow`)."""
        self.end_stroke()
        self.ink.follow(old_index_per_new)
        self.changed.emit({"ink"}, None)
