"""Export from the File menu: PowerPoint off the GUI thread with a progress dialog, PNGs.

python-pptx never touches Qt, so ``export_deck`` can run in a ``QThread``
while the console stays responsive (the talk may be running). PNG rendering
uses Qt scenes and therefore runs on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QProgressDialog, QWidget

from briefing.errors import BriefingError
from briefing.ink import InkBook, Stroke
from briefing.storyboard.model import Storyboard

Ink = Mapping[int, Sequence[Stroke]]


class ExportWorker(QObject):
    progress = Signal(int, int)
    done = Signal(str)
    failed = Signal(str)

    def __init__(self, storyboard: Storyboard, out_path: Path, ink: Ink | None = None) -> None:
        super().__init__()
        self.storyboard = storyboard
        self.out_path = out_path
        self.ink = ink  # a snapshot: the presenter may keep drawing while this runs

    @Slot()
    def run(self) -> None:
        from briefing.export.pptx import export_deck

        try:
            export_deck(self.storyboard, self.out_path, progress=self.progress.emit, ink=self.ink)
        except BriefingError as error:
            self.failed.emit(str(error))
        except OSError as error:
            self.failed.emit(f"Could not write {self.out_path}: {error}")
        except Exception as error:  # a bug of ours: say so, never leave the dialog waiting forever
            kind = type(error).__name__
            self.failed.emit(f"The export failed unexpectedly ({kind}: {error}); no file was written")
        else:
            self.done.emit(str(self.out_path))


class ExportJob(QObject):
    """One running export: thread, worker and progress dialog, cleaned up together."""

    finished = Signal(bool, str)  # ok, message

    def __init__(
        self, storyboard: Storyboard, out_path: Path, parent: QWidget | None = None, *, ink: Ink | None = None
    ) -> None:
        super().__init__(parent)
        self.worker_thread = QThread(self)
        self.worker = ExportWorker(storyboard, out_path, ink)
        self.worker.moveToThread(self.worker_thread)
        self.dialog = QProgressDialog("Writing the PowerPoint deck…", "", 0, 0, parent)
        self.dialog.setWindowTitle("Export PowerPoint")
        self.dialog.setCancelButton(None)
        self.dialog.setMinimumDuration(300)
        self.worker_thread.started.connect(self.worker.run)
        # Bound slots of this GUI-thread object: the worker's signals arrive queued.
        self.worker.progress.connect(self._progress)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)

    def start(self) -> None:
        self.worker_thread.start()

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(done)
        self.dialog.setLabelText(f"Writing slide {done} of {total}…")

    @Slot(str)
    def _done(self, path: str) -> None:
        self._end(True, f"Saved {path}")

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._end(False, message)

    def _end(self, ok: bool, message: str) -> None:
        self.worker_thread.quit()
        self.worker_thread.wait()
        self.dialog.close()
        self.finished.emit(ok, message)

    def wait(self) -> None:
        self.worker_thread.wait()


def ask_include_ink(parent: QWidget, slides: int) -> bool:
    """The talk left ink on ``slides`` slides: should the deck keep it, as PowerPoint offers?"""
    answer = QMessageBox.question(
        parent,
        "Export PowerPoint",
        f"Ink was drawn on {slides} slide{'s' if slides != 1 else ''} during the talk. "
        "Keep it in the deck as drawings on those slides?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def report_export(parent: QWidget, ok: bool, message: str) -> None:
    if ok:
        QMessageBox.information(parent, "Export PowerPoint", message)
    else:
        QMessageBox.warning(parent, "Export failed", message)


def start_export(storyboard: Storyboard, path: Path, parent: QWidget, ink: InkBook) -> ExportJob:
    """PowerPoint export on a worker thread; a message box says how it went.

    Ink drawn during the talk goes along when the presenter says so (asked only if there is ink).
    """
    keep = bool(ink) and ask_include_ink(parent, len(ink.slides()))
    job = ExportJob(storyboard, path, parent, ink=ink.snapshot() if keep else None)
    job.finished.connect(lambda ok, message: report_export(parent, ok, message))
    job.start()  # a queued signal: ``finished`` arrives after the caller has kept the job
    return job


def render_into_folder(window: QMainWindow, storyboard: Storyboard, folder: Path) -> None:
    """One PNG per slide into ``folder``, on the GUI thread (Qt scenes draw them); says how it went."""
    from briefing.export.images import render_pngs

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = render_pngs(storyboard, folder)
    except BriefingError as error:
        QMessageBox.warning(window, "Render PNG failed", str(error))
        return
    finally:
        QApplication.restoreOverrideCursor()
    window.statusBar().showMessage(f"Rendered {len(written)} slides into {folder}", 5000)
