"""Fixtures for the PowerPoint export: a storyboard using every feature, a corporate template,
and LibreOffice conversion."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image as PILImage
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml import parse_xml

from briefing.storyboard.load import load_storyboard
from briefing.storyboard.model import Storyboard

RICH_YAML = """
title: Shanghai, Asia's new innovation hub
subtitle: What the investigative report found
author: Briefing team
date: 2026-11-29
notes: |
  Good morning.

  Second paragraph of the title notes.
sources:
  report: {title: Shanghai as a technology innovation hub}
sections:
  - title: Every body
    notes: Divider notes.
    slides:
      - title: Bullets with a build
        notes: Bullet notes.
        sources: [{ref: report, phrase: "spanning 25 square kilometers"}]
        build: true
        bullets:
          - Four universities in the global top 100
          - text: Over 300 multinational R&D centres
            bullets: [Microsoft Asia, Tesla Gigafactory]
      - title: Numbers
        notes: Stat notes.
        stats:
          - {value: 25, unit: " km²", label: "Zhangjiang High-Tech Park"}
          - {value: 48, prefix: "$", unit: "bn", label: "VC deployed in 2024"}
      - title: A voice
        quote: {text: "We're monetizing innovation itself.", who: Wang Ying, role: Chairwoman}
      - title: Then and now
        compare:
          left: {title: Then, bullets: [Manufacturing iPhones]}
          right: {title: Now, bullets: [Quantum computing chips]}
      - title: The park from above
        notes: Image notes.
        image: {path: park.png, alt: "Map of Zhangjiang High-Tech Park in Pudong", caption: A map}
  - title: Every chart
    slides:
      - title: Series A rounds
        notes: Chart notes.
        chart:
          type: bar
          categories: [Shanghai, Berlin]
          series: [{name: Average Series A round, values: [25, 12]}]
          prefix: "$"
          unit: "M"
          y_title: US$ million
      - title: Shares by field
        chart:
          type: hbar
          categories: [Chips, AI patents]
          series: [{name: Share, values: [35, 40]}]
          unit: "%"
          labels: false
      - title: Funding mix
        chart:
          type: stacked
          categories: ["2022", "2023", "2024"]
          series:
            - {name: Public, values: [10, 12, 15]}
            - {name: Private, values: [20, 25, 33], color: "#FF0000"}
          prefix: "$"
          unit: bn
          x_title: Year
      - title: Growth
        chart:
          type: line
          categories: ["2020", "2021", "2022"]
          series: [{name: Index, values: [100, 180.5, 400]}]
          legend: true
      - title: Area
        chart:
          type: area
          categories: [a, b, c]
          series: [{name: One, values: [1, 2, 3]}, {name: Two, values: [2, 1, 2]}]
      - title: Pie
        chart:
          type: pie
          categories: [Subsidy, Startup]
          series: [{name: Cloud bill, values: [30, 70]}]
          unit: "%"
      - title: Donut
        chart:
          type: donut
          categories: [Subsidy, Startup]
          series: [{name: Cloud bill, values: [30, 70]}]
          unit: "%"
          legend: false
      - title: Scatter
        chart:
          type: scatter
          categories: [1, 2, 3.5]
          series: [{name: Firms, values: [10, 20, 15]}]
          x_title: Age
          y_title: Firms
          caption: Made-up figures
"""


@pytest.fixture
def rich_storyboard(tmp_path: Path) -> Storyboard:
    """Every slide kind and every chart type, loaded from YAML by the real loader."""
    folder = tmp_path / "story"
    folder.mkdir()
    PILImage.new("RGB", (400, 300), (40, 120, 200)).save(folder / "park.png")
    path = folder / "rich.yaml"
    path.write_text(textwrap.dedent(RICH_YAML).lstrip(), encoding="utf-8")
    return load_storyboard(path)


def build_corporate_template(path: Path) -> Path:
    """A company template: 16:9, renamed layouts, no "Title Only", its own fonts and a sample slide."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = 12192000, 6858000
    names = {"Title Slide": "Corporate Cover", "Section Header": "Corporate Chapter"}
    for layout in list(prs.slide_layouts):
        if layout.name == "Title Only":
            prs.slide_layouts.remove(layout)
        elif layout.name in names:
            layout.name = names[layout.name]
    master = prs.slide_master
    master.background.fill.solid()
    master.background.fill.fore_color.rgb = RGBColor(0xF4, 0xF1, 0xEA)
    theme_part = master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    )
    theme_part._blob = theme_part.blob.replace(b'typeface="Calibri"', b'typeface="Georgia"')
    sample = prs.slides.add_slide(prs.slide_layouts[0])
    sample.shapes.title.text = "Sample slide that must disappear"
    sample.notes_slide.notes_text_frame.text = "sample notes"
    prs.save(str(path))
    return path


INCH = 914400
SHAPE = (
    '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
    '<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:sp>'
)


def build_sized_template(path: Path, width: int, height: int) -> Path:
    """A template of ``width`` x ``height`` EMU whose master has a logo in the top-right
    corner (1 x 0.5 in, 0.25 in from the edges) and a band along the whole bottom."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = width, height
    tree = prs.slide_master.shapes._spTree
    logo = {"x": width - INCH - INCH // 4, "y": INCH // 4, "cx": INCH, "cy": INCH // 2}
    band = {"x": 0, "y": height - INCH // 2, "cx": width, "cy": INCH // 2}
    tree.append(parse_xml(SHAPE.format(id=90, name="Logo", **logo)))
    tree.append(parse_xml(SHAPE.format(id=91, name="Band", **band)))
    prs.save(str(path))
    return path


@pytest.fixture
def corporate_template(tmp_path: Path) -> Path:
    return build_corporate_template(tmp_path / "corporate.pptx")


@pytest.fixture
def to_pdf(tmp_path: Path) -> Callable[..., Path]:
    """Convert a deck with LibreOffice (own profile per call, so parallel runs don't clash).

    ``convert(deck)`` writes a PDF; ``convert(deck, "pptx")`` has LibreOffice re-save the deck.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is required for the export round-trip tests")

    def convert(deck: Path, fmt: str = "pdf") -> Path:
        out = tmp_path / f"{fmt}-{uuid.uuid4().hex[:8]}"
        profile = tmp_path / f"lo-{uuid.uuid4().hex}"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                str(out),
                str(deck),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        result = out / f"{deck.stem}.{fmt}"
        assert result.is_file(), f"LibreOffice wrote no {fmt} for {deck.name}"
        return result

    return convert


@pytest.fixture
def page_count() -> Callable[[Path], int]:
    return pdf_pages


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True, timeout=30)
    for line in info.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError(f"pdfinfo printed no page count for {pdf}")
