"""PowerPoint export: editable slides, native charts, notes; never imports Qt.

Public API::

    from briefing.export.pptx import export_deck, ExportReport
"""

from __future__ import annotations

from briefing.export.pptx.deck import ExportReport, build_deck, export_deck

__all__ = ["ExportReport", "build_deck", "export_deck"]
