"""After the talk: planned against spent time per slide and section, savable as CSV."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.app.clock.timing_report import TimingReport, TimingRow, build_report, write_csv
from briefing.app.files.keep_timings import KeptTimings
from briefing.storyboard.durations import format_duration
from briefing.storyboard.model import Storyboard

COLUMNS = ("#", "Section", "Slide", "Planned", "Spent", "Over / under")
OVER, UNDER = QColor("#F85149"), QColor("#3FB950")


class TimingReportDialog(QDialog):
    """The table, Save as CSV, and Keep timings (``on_keep`` writes them; None: no button)."""

    def __init__(
        self,
        report: TimingReport,
        *,
        default_name: str,
        on_keep: Callable[[], KeptTimings] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.on_keep = on_keep
        self.default_name = default_name
        self.setWindowTitle("Timing report")
        self.resize(1000, 700)
        rows = (report.total, *report.sections, *report.slides)  # the summary first
        self.table = QTableWidget(len(rows), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row_index, row in enumerate(rows):
            self._fill(row_index, row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton("Save as CSV…", QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.ask_and_save)
        self.keep_button = buttons.addButton("Keep timings", QDialogButtonBox.ButtonRole.ActionRole)
        self.keep_button.setToolTip("Write the time spent on each slide into the storyboard as its duration")
        self.keep_button.setVisible(on_keep is not None)
        self.keep_button.clicked.connect(self.keep)
        buttons.rejected.connect(self.reject)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _fill(self, row_index: int, row: TimingRow) -> None:
        label = {"slide": str(row.number), "section": f"Section {row.number}", "talk": "Whole talk"}[
            row.level
        ]
        title = row.title
        delta = (
            "" if abs(row.delta) < 1 else ("+" if row.delta > 0 else "−") + format_duration(abs(row.delta))
        )
        section = row.section if row.level == "slide" else ""
        cells = (label, section, title, format_duration(row.planned), format_duration(row.spent), delta)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == 5 and delta:
                item.setForeground(OVER if row.delta > 0 else UNDER)
            if row.level != "slide":
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row_index, column, item)

    def keep(self) -> KeptTimings | None:
        """Keep the timings and say what happened under the table."""
        if self.on_keep is None:
            return None
        result = self.on_keep()
        self.status.setText(result.message)
        self.status.setStyleSheet("" if result.written else f"color: {OVER.name()};")
        self.keep_button.setEnabled(not result.written)
        return result

    def save(self, path: Path | str) -> Path:
        return write_csv(self.report, path)

    def ask_and_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save timing report", self.default_name, "CSV (*.csv)")
        if path:
            self.save(path)


def open_timing_report(
    storyboard: Storyboard,
    spent_by_slide: Mapping[str, float],
    *,
    on_keep: Callable[[], KeptTimings],
    parent: QWidget | None = None,
) -> TimingReportDialog:
    """The talk's timing report, shown; Keep timings only for a talk read from a file."""
    report = build_report(storyboard, spent_by_slide)
    stem = storyboard.path.stem if storyboard.path else "talk"
    dialog = TimingReportDialog(
        report,
        default_name=f"{stem}-timing.csv",
        on_keep=on_keep if storyboard.path else None,
        parent=parent,
    )
    dialog.show()
    return dialog
