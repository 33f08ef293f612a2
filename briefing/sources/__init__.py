"""Source documents: the one reader that ``briefing draft`` and ``briefing check --source`` share.

``read_source(path)`` turns a report (.txt in any encoding, .md, .docx, a
text-based .pdf, a web page saved as .html) into a ``SourceDocument``:
numbered lines of clean text, Markdown-like where the format has structure
(see ``blocks``), each with the ``Place`` a person finds it at (line and
column, Word paragraph, PDF page and paragraph, web page block).
``SourceText`` is that text prepared for phrase search. No Qt, no pptx; PDFs
are read by PDFium in a child process (``pdf_worker``).

Modules: ``read`` (dispatch, limits, cache), ``plain`` (encodings), ``word``
and ``styles`` and ``archive`` (.docx), ``pdf``, ``pdf_worker``,
``pdf_layout`` and ``pdf_tables`` (.pdf), ``html`` (.html), ``blocks`` (the
shared Markdown-like writer), ``text`` (phrase search).
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
