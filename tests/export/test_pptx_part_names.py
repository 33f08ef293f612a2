"""Part names are handed out in constant time, so export time grows linearly with deck length."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.opc.package import OpcPackage

from briefing.export.pptx import export_deck
from briefing.export.pptx.part_names import fast_part_names
from briefing.storyboard.model import Bullet, Bullets, Chart, Section, Series, Slide, Storyboard


def _long_storyboard(n: int) -> Storyboard:
    slides = []
    for i in range(n):
        body = (
            Chart(type="bar", categories=("a", "b"), series=(Series("s", (1.0, 2.0)),))
            if i % 2
            else Bullets((Bullet(f"Point {i}"),))
        )
        slides.append(Slide(f"Slide {i}", body, notes=f"Notes {i}", section=0))
    return Storyboard(title="Long", sections=(Section("All", tuple(slides)),))


def test_package_is_scanned_a_fixed_number_of_times(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scans = {"n": 0}
    original = OpcPackage.iter_parts

    def counting(self: OpcPackage) -> object:
        scans["n"] += 1
        return original(self)

    monkeypatch.setattr(OpcPackage, "iter_parts", counting)
    export_deck(_long_storyboard(10), tmp_path / "short.pptx")
    short = scans["n"]
    scans["n"] = 0
    export_deck(_long_storyboard(40), tmp_path / "long.pptx")
    assert scans["n"] == short, "4x the slides must not mean more whole-package scans"
    assert len(Presentation(str(tmp_path / "long.pptx")).slides) == 42


def test_names_are_unique_and_the_package_is_restored() -> None:
    prs = Presentation()
    package = prs.part.package
    with fast_part_names(package) as namer:
        names = [str(package.next_partname("/ppt/charts/chart%d.xml")) for _ in range(3)]
        assert names == ["/ppt/charts/chart1.xml", "/ppt/charts/chart2.xml", "/ppt/charts/chart3.xml"]
        assert str(package.next_image_partname("png")) == "/ppt/media/image1.png"
        taken = str(namer.next_partname("/ppt/slideLayouts/slideLayout%d.xml"))
        assert taken == "/ppt/slideLayouts/slideLayout12.xml"  # 1..11 exist in the default template
    assert "next_partname" not in package.__dict__
    assert str(package.next_partname("/ppt/charts/chart%d.xml")) == "/ppt/charts/chart1.xml"
