"""Write a file completely or not at all (the deck's writer).

The implementation is shared by every command and lives in
:mod:`briefing.outputs`: a temporary file in the target folder, flushed to
disk, then moved over the target with ``os.replace`` (atomic on one file
system). A failure at any point removes the temporary file and leaves any
previous deck untouched. OS errors become :class:`ExportError` messages.
"""

from __future__ import annotations

import os  # noqa: F401  (tests patch os.replace / os.fsync through this module)
import tempfile  # noqa: F401

from briefing.outputs import atomic_output, explain_os_error, write_atomically

__all__ = ["atomic_output", "explain_os_error", "write_atomically"]
