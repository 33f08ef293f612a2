"""Names a screen reader announces for the console's controls and panels.

Qt passes ``accessibleName``/``accessibleDescription`` to the platform's accessibility
API (AT-SPI on Linux, UI Automation on Windows, NSAccessibility on macOS). Text that
changes while the presenter talks (the timer, the slide counter, what the two slide
views show) is put into the name again when it changes: Qt then sends a name-changed
event, so a screen reader reading that control hears the new value.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def name(widget: QWidget, text: str, description: str = "") -> None:
    """Set ``widget``'s accessible name (and description), only when it changes."""
    if widget.accessibleName() != text:
        widget.setAccessibleName(text)
    if description and widget.accessibleDescription() != description:
        widget.setAccessibleDescription(description)
