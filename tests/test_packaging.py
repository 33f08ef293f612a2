"""The wheel must carry every sub-package and the bundled briefing."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "briefing").rglob("__init__.py")
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_bundled_storyboard_and_fonts_are_found() -> None:
    from briefing.resources import default_storyboard, font_file

    assert default_storyboard().is_file()
    assert font_file().is_file() and font_file(bold=True).is_file()
