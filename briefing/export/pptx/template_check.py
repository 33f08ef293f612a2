"""``briefing check --template``: what ``briefing export --template`` would say about a template.

The deck is built in memory exactly as ``export`` builds it (nothing is written), so check
reports the same refusal, with the same sentence, and the same warnings (what was left
out of the template, which layouts stand in for missing ones), as diagnostics at the
template's path. Exit 0 from check with ``--template`` thus means the export succeeds.
"""

from __future__ import annotations

from pathlib import Path

from briefing.errors import Diagnostic, ExportError
from briefing.export.pptx.deck import build_deck
from briefing.export.pptx.template import open_base
from briefing.storyboard.model import Storyboard

HINT = "open it in PowerPoint and save it again as .pptx or .potx, or export without --template"


def template_diagnostics(storyboard: Storyboard | None, template: Path) -> list[Diagnostic]:
    """Export's error, or its warnings, about ``template`` (only the template when ``storyboard`` is None)."""
    try:
        if storyboard is None:
            warnings = open_base(template).warnings
        else:
            warnings = build_deck(storyboard, template=template)[1]
    except ExportError as error:
        return [Diagnostic(template, 1, 1, str(error), HINT, (), "error", "template")]
    return [Diagnostic(template, 1, 1, warning, "", (), "warning", "template") for warning in warnings]
