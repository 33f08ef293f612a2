"""briefing: a storyboard (YAML) presented live and exported as an editable PowerPoint deck.

The public API is the storyboard model and its loader; views (``briefing.app``,
``briefing.render``) and writers (``briefing.export``) consume it.
"""

from __future__ import annotations

__version__ = "0.1.0"
