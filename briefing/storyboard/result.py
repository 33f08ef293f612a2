"""What one load found, in its own module so the lints can read it without importing the loader.

``load`` builds a :class:`LoadResult` and runs ``lint`` on it; ``lint`` only
reads it. Keeping the type here is what lets the import graph stay acyclic
(``load -> lint -> result``), type-only imports included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import Node

from briefing.errors import Diagnostic
from briefing.storyboard.model import Storyboard
from briefing.storyboard.reader import TextSpan


@dataclass
class LoadResult:
    """Everything one load found: the storyboard (when valid), problems, and text spans for lints."""

    storyboard: Storyboard | None
    diagnostics: list[Diagnostic]
    source: str = ""
    spans: list[TextSpan] = field(default_factory=list)
    path: Path | None = None
    language: str = "en"
    slide_cols: dict[int, int] = field(default_factory=dict)
    root: Node | None = None  # the parsed YAML (check --source walks it again for exact positions)
