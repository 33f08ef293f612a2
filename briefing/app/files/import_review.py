"""File > Import review…: a stakeholder's edited deck, shown slide by slide, applied on confirmation.

The work is ``briefing import``'s own (:mod:`briefing.review.importer`): the
dialog lists each slide's edits and comments, shows the unified diff of the
storyboard, and Apply writes it atomically. Live reload then shows the new
storyboard like any other save. Nothing is written before Apply, and a deck
that cannot be imported is said in a message box.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefingError
from briefing.review.compare import field_lines
from briefing.review.importer import ImportResult, StoryboardChanged, prepare_import, write_import
from briefing.review.report import review_items, unified_diff
from briefing.storyboard.model import Slide, Storyboard

TITLE = "Import review"


class ImportReviewDialog(QDialog):
    """The review of one deck: slides with their edits and comments, the diff, Apply / Cancel."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.imported = result
        self.applied = False
        self.setWindowTitle(f"{TITLE}: {result.deck.path.name}")
        self.resize(1100, 760)
        self.summary = QLabel(_summary(result))
        self.summary.setWordWrap(True)
        self.slides = QTreeWidget()
        self.slides.setHeaderLabels(["Slide", "What changed"])
        self.slides.setColumnWidth(0, 380)
        _fill(self.slides, result)
        nothing = "(the storyboard already says this: nothing to change)"
        self.diff = QPlainTextEdit(unified_diff(result) or nothing)
        self.diff.setReadOnly(True)
        self.diff.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.diff.setAccessibleName("Changes to the storyboard")
        splitter = QSplitter()
        splitter.addWidget(self.slides)
        splitter.addWidget(self.diff)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton("Apply to storyboard", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(result.changed)
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        self.status = QLabel("")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def apply(self) -> bool:
        """Write the storyboard (live reload shows it); on a refusal, say why and keep the dialog."""
        try:
            write_import(self.imported)
        except (BriefingError, OSError) as error:
            self.status.setText(f"Nothing was written: {error}")
            return False
        self.applied = True
        self.status.setText(f"Written to {self.imported.path.name}.")
        self.accept()
        return True


def _summary(result: ImportResult) -> str:
    review = result.review
    parts = [
        f"{len(review.changes)} edits",
        f"{len(review.new)} new slides",
        f"{len(review.removed)} deleted slides",
        f"{len(result.deck.comments)} comments",
    ]
    text = f"{result.deck.path.name} → {result.path.name}: " + ", ".join(parts) + "."
    errors = [d for d in result.problems if d.severity == "error"]
    if errors:
        text += f" {len(errors)} figures no longer match their sources (listed under the slides)."
    return text


def _fill(tree: QTreeWidget, result: ImportResult) -> None:
    """One row per slide that has an edit, a comment or a note, its items beneath."""
    rows: dict[str, QTreeWidgetItem] = {}

    def row(label: str) -> QTreeWidgetItem:
        if label not in rows:
            rows[label] = QTreeWidgetItem(tree, [label, ""])
            rows[label].setExpanded(True)
        return rows[label]

    for change in result.review.changes:
        lines = field_lines(change.field, change.old, change.new)
        for line in lines[1:] if len(lines) > 1 else lines:
            QTreeWidgetItem(row(change.slide.title), [change.field, line.strip()]).setToolTip(1, line.strip())
    order = result.review.order
    for section, entries in order.sections if order is not None else ():
        names = ", ".join(e.title if isinstance(e, Slide) else e.view.title for e in entries) or "(removed)"
        QTreeWidgetItem(row("New order"), [section.title, names]).setToolTip(1, names)
    titles = {slide.line: slide.title for slide in result.storyboard.slides if slide.line > 1}
    for item in [*review_items(result), *result.problems]:
        label = titles.get(item.line, f"line {item.line}") if item.line > 1 else "The whole deck"
        QTreeWidgetItem(row(label), [item.severity, item.message]).setToolTip(1, item.message)


def _merge_anyway(parent: QWidget, changed: StoryboardChanged) -> bool:
    """The storyboard was edited since the export: take the deck's edits where they do not overlap?"""
    answer = QMessageBox.question(
        parent,
        TITLE,
        str(changed).split("\n")[0] + "\n\nTake the deck's edits where they do not overlap yours?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def open_import_review(parent: QWidget, storyboard: Storyboard, deck: Path) -> ImportReviewDialog | None:
    """Prepare the import and show the dialog (None, after a message box, when it cannot be done)."""
    if storyboard.path is None:
        QMessageBox.information(parent, TITLE, "This storyboard has no file to import a review into.")
        return None
    try:
        try:
            result = prepare_import(deck, Path(storyboard.path))
        except StoryboardChanged as changed:
            if not _merge_anyway(parent, changed):
                return None
            result = prepare_import(deck, Path(storyboard.path), force=True)
    except BriefingError as error:
        QMessageBox.warning(parent, TITLE, str(error))
        return None
    dialog = ImportReviewDialog(result, parent)
    dialog.show()
    return dialog
