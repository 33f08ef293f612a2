"""Slides as pictures, headless: one PNG per slide, or one vector PDF handout.

Both draw the very scenes the presenter shows (``briefing.render``), in their
final state: every build step revealed, stats at their values, charts grown.
Every file is written like the deck (:mod:`briefing.outputs`): to a temporary
file renamed over the target, so a failure leaves the previous PNG or PDF
intact. A PNG set is written one PNG at a time, each atomically; a full
render then removes ``slide-NNN.png`` left over from a longer deck
(:func:`remove_stale_pngs`), but only those an earlier render wrote and
nobody changed since (each PNG carries that record, :mod:`png_record`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from briefing.errors import ExportError
from briefing.export.png_record import Cleanup, mark, remove_stale
from briefing.layout import CANVAS_H, CANVAS_W
from briefing.layout.citations import speaker_notes
from briefing.layout.textfit import text_width, wrap_lines
from briefing.layout.theme import Theme, resolve_theme
from briefing.outputs import atomic_output, atomic_path, refuse_inputs, storyboard_inputs
from briefing.progress import Progress
from briefing.runtime import collect_if_due, manual_collection, offscreen_without_display
from briefing.storyboard.model import Storyboard
from briefing.storyboard.text import note_paragraphs

NOTES_PAGE_W = 1920  # notes pages are A4 portrait, drawn on a 1920-unit-wide canvas
NOTES_PAGE_H = round(1920 * 297 / 210)
NOTES_MARGIN = 120
NOTES_SIZE = 34  # about 11 pt on A4
NOTES_LINE = 1.4


def ensure_app():  # -> QApplication
    """The running QApplication, or a new one (offscreen when there is no display)."""
    from PySide6.QtWidgets import QApplication

    from briefing.render.pyside_compat import answer_feature_checks_cheaply

    answer_feature_checks_cheaply()  # before the renderer's modules are imported

    app = QApplication.instance()
    if app is not None:
        return app
    offscreen_without_display()
    return QApplication(["briefing"])


def final_scene(storyboard: Storyboard, index: int, theme: Theme):  # -> SlideScene
    """Slide ``index`` as it looks when the presenter is done with it."""
    from briefing.render.scene import SlideScene

    scene = SlideScene(storyboard, index, theme, animate=False)
    scene.set_step(scene.steps - 1)
    scene.finish()
    return scene


def png_name(index: int) -> str:
    """The file name of 0-based slide ``index`` in a PNG set."""
    return f"slide-{index + 1:03d}.png"


def remove_stale_pngs(storyboard: Storyboard, folder: Path) -> Cleanup:
    """Delete ``slide-NNN.png`` numbered beyond the deck that an earlier render wrote and nobody
    changed since (:mod:`briefing.export.png_record`); never a file the storyboard uses."""
    return remove_stale(Path(folder), len(storyboard.slides), storyboard_inputs(storyboard))


def _indices(storyboard: Storyboard, slides: Iterable[int] | None) -> list[int]:
    count = len(storyboard.slides)
    chosen = list(range(count)) if slides is None else list(slides)
    bad = [i for i in chosen if not 0 <= i < count]
    if bad:
        raise ExportError(f"no slide {bad[0] + 1}: the briefing has {count} slides")
    return chosen


def render_pngs(
    storyboard: Storyboard,
    out_dir: Path | str,
    *,
    size: tuple[int, int] = (CANVAS_W, CANVAS_H),
    slides: Iterable[int] | None = None,
    theme: Theme | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write ``slide-001.png`` ... for ``slides`` (0-based deck indices; all by default)."""
    app = ensure_app()
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage

    from briefing.render.thumbnails import render_image

    theme = theme or resolve_theme(storyboard.theme)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"cannot create {out}: {error.strerror}") from error
    chosen = _indices(storyboard, slides)
    inputs = storyboard_inputs(storyboard)
    for index in chosen:  # before the first PNG: none of them may replace an image the storyboard uses
        refuse_inputs(out / png_name(index), inputs)
    paths = []
    with manual_collection(), ThreadPoolExecutor(max_workers=4) as pool:  # zlib runs without the GIL
        pending = []
        for index in chosen:
            collect_if_due()  # between slides: never inside a Qt destructor (see briefing.runtime)
            scene = final_scene(storyboard, index, theme)
            app.processEvents()
            image = render_image(scene, QSize(*size)).convertToFormat(QImage.Format.Format_RGB888)
            path = out / png_name(index)
            pixels = bytes(image.constBits())
            pending.append(
                pool.submit(_save_png, pixels, image.width(), image.height(), image.bytesPerLine(), path)
            )
            paths.append(path)
            scene.deleteLater()
            if progress is not None:
                progress(len(paths), len(chosen))
        for job in pending:
            job.result()
    return paths


def _save_png(pixels: bytes, width: int, height: int, stride: int, path: Path) -> None:
    """Write the PNG atomically, with the record that says a render wrote it (``png_record``)."""
    from PIL import Image as PILImage

    picture = PILImage.frombuffer("RGB", (width, height), pixels, "raw", "RGB", stride, 1)
    with atomic_output(path) as handle:  # OSError -> ExportError naming the file
        encoded = io.BytesIO()
        picture.save(encoded, "PNG", compress_level=3)
        handle.write(mark(encoded.getvalue()))


def render_pdf(
    storyboard: Storyboard,
    path: Path | str,
    *,
    notes: bool = False,
    slides: Iterable[int] | None = None,
    theme: Theme | None = None,
    progress: Progress | None = None,
) -> Path:
    """One vector PDF: a 16:9 page per slide, or (``notes=True``) A4 pages with notes under the slide."""
    app = ensure_app()
    theme = theme or resolve_theme(storyboard.theme)
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(f"cannot write {target}: folder {target.parent} does not exist")
    refuse_inputs(target, storyboard_inputs(storyboard))
    with atomic_path(target) as temp:  # a failure leaves the previous PDF as it was
        _write_pdf(app, storyboard, temp, notes, _indices(storyboard, slides), theme, target, progress)
    return target


def _write_pdf(
    app,
    storyboard: Storyboard,
    temp: Path,
    notes: bool,
    indices: list[int],
    theme: Theme,
    target: Path,
    progress: Progress | None,
) -> None:
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(temp))
    writer.setTitle(storyboard.title)
    writer.setCreator("briefing")
    writer.setResolution(96)  # screen DPI: pyqtgraph sizes axis text in logical pixels of the device
    if notes:
        page = QPageSize(QPageSize.PageSizeId.A4)
        orientation = QPageLayout.Orientation.Portrait
    else:
        page = QPageSize(QSizeF(7.5, 13.333), QPageSize.Unit.Inch, "Slide 16:9")  # rotated below
        orientation = QPageLayout.Orientation.Landscape
    writer.setPageLayout(QPageLayout(page, orientation, QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(f"cannot write {target}")
    try:
        with manual_collection():
            for number, index in enumerate(indices):
                collect_if_due()
                if number:
                    writer.newPage()
                scene = final_scene(storyboard, index, theme)
                app.processEvents()
                if notes:
                    text = speaker_notes(storyboard, storyboard.slides[index])  # as in the deck
                    _notes_page(painter, writer, scene, text, theme)
                else:
                    _slide_page(painter, writer, scene)
                scene.deleteLater()
                if progress is not None:
                    progress(number + 1, len(indices))
    finally:
        painter.end()


def _slide_page(painter, writer, scene) -> None:
    from PySide6.QtCore import QRectF

    from briefing.render.thumbnails import paint_scene

    paint_scene(scene, painter, QRectF(0, 0, writer.width(), writer.height()))


def _notes_page(painter, writer, scene, notes: str, theme: Theme) -> None:
    """The slide on top, its speaker notes below (continued on further pages if long)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor

    from briefing.i18n import is_rtl
    from briefing.render.fonts import slide_font
    from briefing.render.thumbnails import paint_scene

    scale = writer.width() / NOTES_PAGE_W
    slide_w = NOTES_PAGE_W - 2 * NOTES_MARGIN
    slide_h = slide_w * CANVAS_H / CANVAS_W
    paint_scene(
        scene, painter, QRectF(NOTES_MARGIN * scale, NOTES_MARGIN * scale, slide_w * scale, slide_h * scale)
    )
    painter.save()
    painter.scale(scale, scale)
    painter.setFont(slide_font(NOTES_SIZE))
    painter.setPen(QColor("#1E2733"))
    pitch = NOTES_SIZE * NOTES_LINE
    y = NOTES_MARGIN + slide_h + 96
    for paragraph in note_paragraphs(notes or ""):
        rtl = is_rtl(paragraph)
        rows = [row for text in paragraph.split("\n") for row in wrap_lines(text, NOTES_SIZE, False, slide_w)]
        for line in rows:
            if y + pitch > NOTES_PAGE_H - NOTES_MARGIN:
                writer.newPage()
                y = NOTES_MARGIN
            y += pitch
            _notes_line(painter, line, rtl, scene.storyboard.language, y - pitch * 0.3, slide_w)
        y += pitch * 0.6
    painter.restore()


def _notes_line(painter, line: str, rtl: bool, language: str, baseline: float, width: float) -> None:
    """One wrapped line of notes: Latin as ever; other scripts in their fonts, right to left on the right."""
    from PySide6.QtCore import QPointF

    from briefing.i18n.scripts import only_latin
    from briefing.i18n.tags import han_form
    from briefing.render.text_item import draw_line, script_line

    if only_latin(line) and not rtl:
        painter.drawText(QPointF(NOTES_MARGIN, baseline), line)
        return
    x = NOTES_MARGIN + (width - text_width(line, NOTES_SIZE) if rtl else 0.0)
    layout = script_line(line, NOTES_SIZE, False, False, rtl=rtl, form=han_form(language))
    draw_line(painter, layout, x, baseline)
