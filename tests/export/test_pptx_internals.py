"""python-pptx private members: used in one module only, which refuses versions it was not written for."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

import briefing.export.pptx as exporter
from briefing.export.pptx.internals import WRITTEN_FOR, UnsupportedPptxVersion, check_version

PACKAGE = Path(exporter.__file__).parent
REPO = PACKAGE.parents[2]


@pytest.mark.parametrize("version", ["1.0.0", "1.0.2", "1.0.9"])
def test_the_versions_it_was_written_for_pass(version: str) -> None:
    check_version(version)


@pytest.mark.parametrize("version", ["1.1.0", "0.6.23", "2.0", "dev"])
def test_any_other_version_fails_loudly(version: str) -> None:
    with pytest.raises(UnsupportedPptxVersion, match=rf"written for python-pptx 1\.0\.x, not {version}"):
        check_version(version)


def _private_uses(path: Path) -> list[str]:
    """``obj._name`` accesses on anything but ``self``, ``cls`` and ``super()`` (and lxml's public
    ``etree._Element`` type)."""
    uses = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Attribute) or not node.attr.startswith("_") or node.attr.startswith("__"):
            continue
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id in ("self", "cls", "etree"):
            continue
        if isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name) and owner.func.id == "super":
            continue
        uses.append(f"{path.name}:{node.lineno}: .{node.attr}")
    return uses


def test_no_exporter_module_but_internals_reaches_into_python_pptx() -> None:
    modules = [p for p in sorted(PACKAGE.glob("*.py")) if p.name != "internals.py"]
    assert [use for module in modules for use in _private_uses(module)] == []


def test_pyproject_pins_python_pptx_below_its_next_minor_version() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (requirement,) = [r for r in project["dependencies"] if r.startswith("python-pptx")]
    upper = re.search(r"<\s*(\d+)\.(\d+)", requirement)
    assert upper is not None, requirement
    newest = max(WRITTEN_FOR)
    assert (int(upper.group(1)), int(upper.group(2))) == (newest[0], newest[1] + 1)
