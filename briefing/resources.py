"""Where bundled files live, in a source checkout and after ``pip install .``.

In the wheel, ``slides/`` and ``assets/`` are installed as ``briefing/_bundled/``
(see ``[tool.setuptools]`` in pyproject.toml); in a checkout they sit beside
the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE / "_bundled" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def slides_dir() -> Path:
    return _bundled("slides")


def assets_dir() -> Path:
    return _bundled("assets")


def fonts_dir() -> Path:
    return assets_dir() / "fonts"


def default_storyboard() -> Path:
    """The bundled Shanghai briefing, used when a command is given no file."""
    return slides_dir() / "shanghai-innovation.yaml"


def font_file(bold: bool = False, italic: bool = False) -> Path:
    """The bundled Liberation Sans face (metric-compatible with Arial)."""
    style = {
        (False, False): "Regular",
        (True, False): "Bold",
        (False, True): "Italic",
        (True, True): "BoldItalic",
    }
    return fonts_dir() / f"LiberationSans-{style[(bold, italic)]}.ttf"
