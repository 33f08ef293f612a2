"""Source documents: the one reader that ``briefing draft`` and ``briefing check --source`` share.

``read_source(path)`` turns a report (.txt in any encoding, .md, .docx, and
the formats added later) into a ``SourceDocument``: numbered lines of clean
text, each with the ``Place`` a person finds it at (line and column, Word
paragraph, PDF page). ``SourceText`` is that text prepared for phrase search.
Pure Python: no Qt, no pptx.
"""

from __future__ import annotations

from briefing.sources.document import Line, Notice, Place, SourceDocument, SourceError
from briefing.sources.read import read_source
from briefing.sources.text import SourceText, normalise, normalised

__all__ = [
    "Line",
    "Notice",
    "Place",
    "SourceDocument",
    "SourceError",
    "SourceText",
    "normalise",
    "normalised",
    "read_source",
]
