"""Ink drawn on slides during a talk: strokes per slide, in canvas units (1920x1080).

Plain Python, no Qt and no pptx, because two very different readers need it:
the presenter app draws it over the slides as the presenter writes, and the
PowerPoint exporter turns it into freeform shapes on the same slides when the
talk is over (``briefing.export.pptx.ink``). Strokes belong to a slide by its
position in the deck; after a live reload :meth:`InkBook.follow` moves them
with their slides (the app matches slides by id, as the reload does).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

InkKind = Literal["pen", "highlighter"]
Point = tuple[float, float]

MIN_STEP = 1.5  # canvas px: closer points add nothing a viewer could see


@dataclass(frozen=True)
class InkPen:
    """How a stroke looks: colour ``#RRGGBB``, width in canvas px, opacity 0..1."""

    kind: InkKind
    color: str
    width: float
    opacity: float = 1.0


@dataclass
class Stroke:
    """One drag of the pen: the points it passed through, in canvas coordinates."""

    pen: InkPen
    points: list[Point] = field(default_factory=list)

    def add(self, point: Point) -> bool:
        """Append ``point`` unless it is too close to the last one; True when it was kept."""
        if self.points:
            last_x, last_y = self.points[-1]
            if abs(point[0] - last_x) < MIN_STEP and abs(point[1] - last_y) < MIN_STEP:
                return False
        self.points.append((float(point[0]), float(point[1])))
        return True

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) including half the pen width."""
        xs = [x for x, _ in self.points] or [0.0]
        ys = [y for _, y in self.points] or [0.0]
        pad = self.pen.width / 2 + 1
        return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)


class InkBook:
    """Every slide's strokes, by slide index in the deck."""

    def __init__(self) -> None:
        self._strokes: dict[int, list[Stroke]] = {}

    def begin(self, slide: int, pen: InkPen, point: Point) -> Stroke:
        """Start a stroke on ``slide`` at ``point``; extend it with :meth:`Stroke.add`."""
        stroke = Stroke(pen)
        stroke.add(point)
        self._strokes.setdefault(slide, []).append(stroke)
        return stroke

    def strokes(self, slide: int) -> tuple[Stroke, ...]:
        return tuple(self._strokes.get(slide, ()))

    def erase(self, slide: int) -> bool:
        """Forget ``slide``'s ink; True when there was some."""
        return bool(self._strokes.pop(slide, None))

    def clear(self) -> None:
        self._strokes.clear()

    def slides(self) -> list[int]:
        """Indices of the slides that carry ink, in deck order."""
        return sorted(index for index, strokes in self._strokes.items() if strokes)

    def __bool__(self) -> bool:
        return any(self._strokes.values())

    def __iter__(self) -> Iterator[tuple[int, tuple[Stroke, ...]]]:
        for index in self.slides():
            yield index, self.strokes(index)

    def follow(self, old_index_per_new: Sequence[int | None]) -> None:
        """The deck was edited: ``old_index_per_new[i]`` is the old position of new slide ``i``.

        Ink moves with its slide; the ink of a slide that is gone goes with it.
        """
        moved: dict[int, list[Stroke]] = {}
        for new, old in enumerate(old_index_per_new):
            if old is not None and self._strokes.get(old):
                moved[new] = self._strokes[old]
        self._strokes = moved

    def snapshot(self) -> dict[int, tuple[Stroke, ...]]:
        """A copy for another thread (the exporter): later strokes do not change it."""
        return {
            index: tuple(Stroke(s.pen, list(s.points)) for s in strokes) for index, strokes in self
        }
